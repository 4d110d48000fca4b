//! "Besprekingen": the case reviews of the current pairs, as a
//! month grid and per pair, with what could not be placed and the calendar
//! files. The schedule is the core's (`doorgroei::schedule`), made in the
//! worker from the roster the Mentorkoppeling room keeps (the page hands it
//! over, see the crate's [`crate::show`]); today's date is the browser's.

mod grid;
mod hours;
mod lists;
mod log;
mod names;
mod person;
mod progress;
mod settings;
pub mod state;

use doorgroei::exchange::{CalendarFormat, CalendarRequest, Packed, Request};
use gloo::storage::{LocalStorage, Storage};
use yew::prelude::*;

use crate::i18n::{t, T};
use crate::now;
use crate::rooms::besprekingen::grid::MonthGrid;
use crate::rooms::besprekingen::hours::HoursView;
use crate::rooms::besprekingen::lists::{PerPair, Unplaced};
use crate::rooms::besprekingen::person::PersonChoice;
use crate::rooms::besprekingen::progress::ProgressView;
use crate::rooms::besprekingen::settings::SettingsPanel;
use crate::rooms::besprekingen::state::{
    date_text, kept_rhythms, log_request, opened, planned_request, progress_request, read_months,
    read_start, request, Action, State, LOG_KEY, RHYTHMS_KEY, SETTINGS_KEY,
};

use crate::shared::clock::today;
use crate::shared::download::download_from_worker;
use crate::shared::worker;
use crate::shared::worker::explain;
use crate::shared::Shared;
use crate::texts::{c, counted, filled, C};
use crate::widgets::{show_value, value_of};

pub use crate::RoomProps;

const ICS: &str = "text/calendar;charset=utf-8";

/// The workspace.
#[function_component(Calendar)]
pub fn calendar(props: &RoomProps) -> Html {
    let lang = props.lang;
    let settings = {
        let roster = props.roster.clone();
        use_reducer(move || {
            let fresh = State::new(today(), roster);
            let fresh = match LocalStorage::raw().get_item(RHYTHMS_KEY) {
                Ok(Some(kept)) => fresh.with_rhythms(&kept),
                _ => fresh,
            };
            let fresh = match LocalStorage::raw().get_item(SETTINGS_KEY) {
                Ok(Some(kept)) => fresh.with_kept(&kept),
                _ => fresh,
            };
            match LocalStorage::raw().get_item(LOG_KEY) {
                Ok(Some(kept)) => fresh.with_log(&kept),
                _ => fresh,
            }
        })
    };
    // The review log kept in this browser whenever it changes.
    {
        let first = use_mut_ref(|| true);
        use_effect_with(settings.log.clone(), move |log| {
            if !std::mem::replace(&mut *first.borrow_mut(), false) {
                let _ = LocalStorage::raw().set_item(LOG_KEY, &log.kept());
            }
        });
    }
    // The pairs' rhythms kept in this browser whenever a schedule brings
    // other ones.
    {
        let first = use_mut_ref(|| true);
        let state = settings.clone();
        use_effect_with(settings.rhythms.clone(), move |_| {
            if !std::mem::replace(&mut *first.borrow_mut(), false) {
                let _ = LocalStorage::raw().set_item(RHYTHMS_KEY, &kept_rhythms(&state));
            }
        });
    }
    // A log file opened: read by the worker against the roster.
    {
        let (dispatcher, ladder) = (settings.dispatcher(), props.ladder.clone());
        use_effect_with(settings.reading_log.clone(), move |reading| {
            if let Some(asked) = reading.clone() {
                let request = log_request(&asked, &ladder);
                let on_reply = Callback::from(move |reply| {
                    dispatcher.dispatch(Action::LogRead(asked.clone(), Box::new(reply)))
                });
                worker::post(&request, on_reply);
            }
        });
    }
    // The programme's status, for each schedule and log.
    {
        let (dispatcher, ladder) = (settings.dispatcher(), props.ladder.clone());
        use_effect_with(settings.progressing.clone(), move |asking| {
            // (Asked in a task of its own: it comes with a new schedule,
            // which is drawn first.)
            if let Some(asked) = asking.clone() {
                worker::later(move || {
                    let request = progress_request(&asked, &ladder);
                    let on_reply = Callback::from(move |reply| {
                        dispatcher.dispatch(Action::Progressed(asked.clone(), Box::new(reply)))
                    });
                    worker::post(&request, on_reply);
                });
            }
        });
    }
    // The settings kept in this browser when the coordinator changes them
    // (not before: a visit that changes nothing writes nothing).
    {
        let kept = settings.kept();
        let first = use_mut_ref(|| true);
        use_effect_with(kept, move |kept| {
            if !std::mem::replace(&mut *first.borrow_mut(), false) {
                // (A browser that keeps nothing still plans: nothing is lost but the choice.)
                let _ = LocalStorage::raw().set_item(SETTINGS_KEY, kept);
            }
        });
    }
    // The roster as it changes; the schedule asked for each new one.
    {
        let dispatcher = settings.dispatcher();
        use_effect_with(props.roster.clone(), move |roster| {
            dispatcher.dispatch(Action::Roster(roster.clone()))
        });
    }
    {
        let (dispatcher, ladder) = (settings.dispatcher(), props.ladder.clone());
        // Asked, read, unpacked and drawn in tasks of their own: with 2,000
        // pairs each takes tens of milliseconds.
        use_effect_with(settings.asking.clone(), move |asking| {
            if let Some(asked) = asking.clone() {
                worker::later(move || {
                    let request = request(&asked, &ladder);
                    // (The answer is read as it arrives, its 26,000
                    // reviews unpacked in a task after that, and drawn in a
                    // third.)
                    let on_reply = Callback::from(move |reply| {
                        let (dispatcher, asked) = (dispatcher.clone(), asked.clone());
                        worker::later(move || {
                            let reply = Box::new(opened(reply));
                            worker::later(move || {
                                dispatcher.dispatch(Action::Planned(asked, reply))
                            });
                        });
                    });
                    worker::post(&request, on_reply);
                });
            }
        });
    }
    let start = settings.start;
    // Why the last calendar file could not be written (until the next one).
    let export_failed = use_state(|| None::<String>);
    // Everyone with reviews is offered as a calendar, drawn in a task after
    // the schedule's own (with 2,000 pairs, 3,000 options).
    let people_listed = use_state(|| None::<Shared<state::Planned>>);
    {
        let listed = people_listed.clone();
        use_effect_with(settings.planned.clone(), move |planned| {
            let planned = planned.clone();
            crate::shared::worker::later(move || listed.set(planned));
        });
    }

    if props.roster.is_none() && props.reading {
        return html! {
            <section class="workspace calendar" aria-labelledby="calendar-heading">
                <h2 id="calendar-heading">{ t(lang, T::TabCalendar) }</h2>
                <p class="busy" role="status">
                    <progress aria-label={c(lang, C::ReadingRoster)}></progress>
                    { format!(" {}", c(lang, C::ReadingRoster)) }
                </p>
            </section>
        };
    }
    if props
        .roster
        .as_ref()
        .is_none_or(|r| r.roster.pairs.is_empty())
    {
        return html! {
            <section class="workspace calendar" aria-labelledby="calendar-heading">
                <h2 id="calendar-heading">{ t(lang, T::TabCalendar) }</h2>
                <p class="empty">{ c(lang, C::NoPairsForCalendar) }</p>
            </section>
        };
    }

    let on_start = settings.dispatcher().to_callback().reform(move |e: Event| {
        let text = value_of(&e);
        if let Some(date) = read_start(&text) {
            show_value(&e, &date_text(lang, date));
        }
        Action::SetStart(text)
    });
    let on_months = settings.dispatcher().to_callback().reform(|e: Event| {
        let text = value_of(&e);
        if let Some(months) = read_months(&text) {
            show_value(&e, &months.to_string());
        }
        Action::SetMonths(text)
    });
    let on_cadence = settings
        .dispatcher()
        .to_callback()
        .reform(|e: Event| Action::SetCadence(value_of(&e)));
    let form = html! {
        <form class="form calendar-settings" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
            <label>{ c(lang, C::StartDate) }
                // Text, not a date picker: a picker shows and reads dates
                // the browser's way (11/30/2026, 04012027 as 1 April).
                <input id="schedule-start" type="text" autocomplete="off" spellcheck="false"
                    // What is being typed stays, whatever is drawn meanwhile
                    // (a schedule arriving redraws the room and sets each
                    // field to the value drawn).
                    value={settings.start_draft.clone().or_else(|| settings.start_typed.clone()).unwrap_or_else(|| date_text(lang, start))}
                    oninput={settings.dispatcher().to_callback().reform(|e: InputEvent| Action::TypeStart(value_of(&e)))}
                    aria-describedby="schedule-start-hint" aria-invalid={settings.start_typed.is_some().to_string()}
                    onchange={on_start} />
                <small id="schedule-start-hint" class="hint">{ c(lang, C::StartHint) }</small>
            </label>
            <label>{ c(lang, C::MonthsLabel) }
                <input id="schedule-months" type="number" min="1" max="36" value={settings.months.to_string()} onchange={on_months} />
            </label>
            <label>{ c(lang, C::EveryWeeks) }
                <select id="schedule-cadence" onchange={on_cadence}>
                    { for [4u8, 5, 6].into_iter().map(|c| html! {
                        <option value={c.to_string()} selected={settings.cadence == c}>{ c }</option>
                    }) }
                </select>
            </label>
        </form>
    };
    let panel = html! {
        <SettingsPanel lang={lang} more={settings.more.clone()} months={settings.months}
            cadence={settings.cadence} on={settings.dispatcher()} />
    };
    let status = html! {
        <>
            if let Some(typed) = &settings.start_typed {
                <p class="problem" role="alert">{ filled(lang, C::StartNotADate, typed) }</p>
            }
            if settings.asking.is_some() {
                <p class="busy" role="status">
                    <progress aria-label={c(lang, C::Planning)}></progress>
                    { format!(" {}", c(lang, C::Planning)) }
                </p>
            }
            if let Some((_, why)) = &settings.failed {
                <p class="problem" role="alert">{ format!("{}: {}", c(lang, C::PlanningFailed), explain(why).get(lang)) }</p>
            }
        </>
    };
    let toolbar = html! {
        <div class="toolbar">
            <div class="title">
                <h2 id="calendar-heading">{ t(lang, T::TabCalendar) }</h2>
                <p class="description">{ filled(lang, C::CalendarIntro, &counted(lang, settings.more.config.max_per_day, C::ReviewNumber, C::ReviewsWord)) }</p>
            </div>
        </div>
    };
    let Some(planned) = settings.planned.clone() else {
        return html! {
            <section class="workspace calendar" aria-labelledby="calendar-heading">
                { toolbar }
                { form }
                { panel }
                { status }
                // (The schedule's place: one child either way. Yew pairs a
                // list's children from its end, so a section that grew
                // from four children drew the form anew when the first
                // schedule came, and what was being typed in it was lost.)
                <></>
            </section>
        };
    };
    // What is shown is what the worker made, for the roster it was made for.
    let shared = planned.asked.roster.clone();

    let on_person = settings
        .dispatcher()
        .to_callback()
        .reform(Action::ChoosePerson);
    let step = |delta: i8| {
        settings
            .dispatcher()
            .to_callback()
            .reform(move |_| Action::Step(delta))
    };
    // The files are written by the worker, for the schedule shown.
    let file =
        |name: &'static str, format: CalendarFormat, mime: &'static str, person: Option<String>| {
            let (planned, ladder, on_failed) =
                (planned.clone(), props.ladder.clone(), export_failed.clone());
            let name = match &person {
                Some(id) => planned
                    .people
                    .iter()
                    .find(|p| p.id == *id)
                    .map(|p| format!("{name}{}", p.file)),
                None => Some(name.to_string()),
            };
            Callback::from(move |_| {
                let Some(name) = name.clone() else {
                    return;
                };
                on_failed.set(None);
                let on_failed = {
                    let on_failed = on_failed.clone();
                    Callback::from(move |why| on_failed.set(Some(why)))
                };
                let request = Request::WriteCalendar(Packed::new(&CalendarRequest {
                    reviews: planned_request(&planned, &ladder),
                    format,
                    person: person.clone(),
                    lang,
                    stamp: now(),
                }));
                download_from_worker(name, mime, &request, on_failed);
            })
        };
    let download_all = file(c(lang, C::FileReviewsIcs), CalendarFormat::Ics, ICS, None);
    let person = settings.person.clone();
    let download_person = file(
        c(lang, C::FileReviewsOf),
        CalendarFormat::Ics,
        ICS,
        Some(person.clone()),
    );
    let download_csv = file(
        c(lang, C::FileReviewsCsv),
        CalendarFormat::Csv,
        "text/csv;charset=utf-8",
        None,
    );
    let about = &planned.summary;

    html! {
        <section class="workspace calendar" aria-labelledby="calendar-heading">
            { toolbar }
            { form }
            { panel }
            { status }
            // (The schedule: one child, see above.)
            <>
            <p class="meta summary" role="status">
                { about.lines.iter().map(|l| l.get(lang)).collect::<Vec<_>>().join(" ") }
            </p>
            { for about.warnings.iter().map(|w| html! {
                <p class="problem" role="alert">{ w.get(lang) }</p>
            }) }
            <div class="actions">
                <button type="button" onclick={download_all}>{ c(lang, C::DownloadAllIcs) }</button>
                if people_listed.as_ref() == Some(&planned) {
                    <PersonChoice lang={lang} planned={planned.clone()} chosen={person.clone()} on_choose={on_person} />
                } else {
                    <span class="pick">
                        <label class="inline" for="ics-person">{ c(lang, C::ForPerson) }</label>
                        <select id="ics-person" disabled=true><option>{ "—" }</option></select>
                    </span>
                }
                <button type="button" onclick={download_person} disabled={person.is_empty()}>{ c(lang, C::DownloadPersonIcs) }</button>
                <button type="button" onclick={download_csv}>{ c(lang, C::DownloadScheduleCsv) }</button>
            </div>
            if let Some(why) = &*export_failed {
                <p class="problem" role="alert">{ format!("{} ({why})", t(lang, T::ExportFailed)) }</p>
            }

            <ProgressView lang={lang} today={settings.today}
                progress={settings.progress.as_ref().map(|(_, p)| p.clone())}
                waiting={settings.progressing.is_some()} failed={settings.progress_failed.clone()} roster={shared.clone()}
                log={settings.log.clone()} log_errors={settings.log_errors.clone()}
                reading_log={settings.reading_log.is_some()} on={settings.dispatcher()} />
            <HoursView lang={lang} today={settings.today} ladder={props.ladder.clone()} roster={shared.clone()} log={settings.log.clone()} />

            <Unplaced lang={lang} planned={planned.clone()} />

            <MonthGrid lang={lang} year={settings.shown.0} month={settings.shown.1} reviews={planned.reviews.clone()} roster={shared.clone()}
                on_prev={step(-1)} on_next={step(1)} open_day={settings.open_day}
                on_open={settings.dispatcher().to_callback().reform(Action::OpenDay)}
                log={settings.log.clone()} moving={settings.moving.clone()} on={settings.dispatcher()} />

            <PerPair lang={lang} planned={planned.clone()}
                log={settings.log.clone()} moving={settings.moving.clone()} on={settings.dispatcher()} />
            </>
        </section>
    }
}
