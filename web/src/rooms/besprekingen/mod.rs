//! "Besprekingen": the case reviews of the current pairs, as a
//! month grid and per pair, with what could not be placed and the calendar
//! files. The schedule is the core's (`doorgroei::schedule`), made from the
//! roster the Mentorkoppeling room keeps; today's date is the browser's.

mod grid;
pub mod state;

use std::collections::BTreeMap;
use std::rc::Rc;

use doorgroei::dates::{HourMinute, Iso};
use doorgroei::format::{calendar_file_names, schedule_to_csv, schedule_to_ics};
use doorgroei::schedule::{schedule, summary, PairRef, Schedule};
use doorgroei::sort;
use doorgroei::Lang;
use yew::prelude::*;

use crate::i18n::{counted, t, T};
use crate::rooms::besprekingen::grid::MonthGrid;
use crate::rooms::besprekingen::state::{per_pair, Action, State};
use crate::session::RosterInUse;
use crate::shared::clock::{now, today};
use crate::shared::download::download;
use crate::shared::Shared;
use crate::widgets::value_of;

#[derive(Properties, PartialEq)]
pub struct RoomProps {
    pub lang: Lang,
    /// The roster whose pairs meet.
    pub roster: Option<Shared<RosterInUse>>,
}

/// The workspace.
#[function_component(Calendar)]
pub fn calendar(props: &RoomProps) -> Html {
    let lang = props.lang;
    let settings = use_reducer(|| State::new(today()));
    let start = settings.start;

    let roster = props.roster.clone();
    let pairs: Vec<PairRef> = roster
        .as_ref()
        .map(|r| r.roster.pairs.iter().map(PairRef::from).collect())
        .unwrap_or_default();
    let plan: Shared<Schedule> = {
        let (roster, pairs, config) = (roster.clone(), pairs.clone(), settings.config());
        let memo = use_memo(
            (roster, start, config.months, config.cadence_weeks),
            move |(roster, start, ..)| {
                Shared::new(match roster {
                    Some(r) => schedule(&r.roster, &pairs, *start, &config),
                    None => Schedule::default(),
                })
            },
        );
        (*memo).clone()
    };
    // Each pair's reviews, found once per schedule rather than once per pair and render.
    let grouped = {
        let pairs = pairs.clone();
        use_memo(plan.clone(), move |plan| per_pair(plan, &pairs))
    };

    let Some(shared) = roster.filter(|_| !pairs.is_empty()) else {
        return html! {
            <section class="workspace calendar" aria-labelledby="calendar-heading">
                <h2 id="calendar-heading">{ t(lang, T::TabCalendar) }</h2>
                <p class="empty">{ t(lang, T::NoPairsForCalendar) }</p>
            </section>
        };
    };
    let roster = &shared.roster;
    let names = roster.names();
    let name = |id: &str| names.get(id).copied().unwrap_or(id).to_string();

    let on_start = settings
        .dispatcher()
        .to_callback()
        .reform(|e: Event| Action::SetStart(value_of(&e)));
    let on_months = settings
        .dispatcher()
        .to_callback()
        .reform(|e: Event| Action::SetMonths(value_of(&e)));
    let on_cadence = settings
        .dispatcher()
        .to_callback()
        .reform(|e: Event| Action::SetCadence(value_of(&e)));
    let on_person = settings
        .dispatcher()
        .to_callback()
        .reform(|e: Event| Action::ChoosePerson(value_of(&e)));
    let step = |delta: i8| {
        settings
            .dispatcher()
            .to_callback()
            .reform(move |_| Action::Step(delta))
    };
    let download_all = {
        let (plan, shared) = (plan.clone(), shared.clone());
        Callback::from(move |_| {
            download(
                t(lang, T::FileReviewsIcs),
                &schedule_to_ics(&plan, &shared.roster, lang, now(), None),
                "text/calendar;charset=utf-8",
            )
        })
    };
    let mut involved: Vec<(&str, bool)> = Vec::new();
    for p in &pairs {
        for (id, mentor) in [(p.mentor.as_str(), true), (p.mentee.as_str(), false)] {
            if !involved.iter().any(|(x, _)| *x == id) {
                involved.push((id, mentor));
            }
        }
    }
    sort::sort_by_key(&mut involved, |(id, mentor)| (!mentor, name(id)));
    // The command line's names (`doorgroei schedule --ics-dir`): unique per
    // person, also when two ids differ only in characters a file name cannot
    // hold.
    let ids: Vec<&str> = involved.iter().map(|(id, _)| *id).collect();
    let files: Rc<BTreeMap<String, String>> = Rc::new(sort::map_of(
        calendar_file_names(&ids, &[])
            .into_iter()
            .map(|f| (f.person, f.name)),
    ));
    let person = settings.person.clone();
    let download_person = {
        let (plan, shared, person) = (plan.clone(), shared.clone(), person.clone());
        Callback::from(move |_| {
            let Some(file) = files.get(person.as_str()) else {
                return;
            };
            download(
                &format!("{}{file}", t(lang, T::FileReviewsOf)),
                &schedule_to_ics(&plan, &shared.roster, lang, now(), Some(&person)),
                "text/calendar;charset=utf-8",
            )
        })
    };
    let download_csv = {
        let (plan, shared) = (plan.clone(), shared.clone());
        Callback::from(move |_| {
            download(
                t(lang, T::FileReviewsCsv),
                &schedule_to_csv(&plan, &shared.roster, lang),
                "text/csv;charset=utf-8",
            )
        })
    };
    let about = summary(&plan, pairs.len(), start);

    html! {
        <section class="workspace calendar" aria-labelledby="calendar-heading">
            <div class="toolbar">
                <div class="title">
                    <h2 id="calendar-heading">{ t(lang, T::TabCalendar) }</h2>
                    <p class="description">{ t(lang, T::CalendarIntro) }</p>
                </div>
            </div>
            <form class="form calendar-settings" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                <label>{ t(lang, T::StartDate) }
                    <input id="schedule-start" type="date" value={Iso(start).to_string()} onchange={on_start} />
                </label>
                <label>{ t(lang, T::MonthsLabel) }
                    <input id="schedule-months" type="number" min="1" max="36" value={settings.months.to_string()} onchange={on_months} />
                </label>
                <label>{ t(lang, T::EveryWeeks) }
                    <select id="schedule-cadence" onchange={on_cadence}>
                        { for [4u8, 5, 6].into_iter().map(|c| html! {
                            <option value={c.to_string()} selected={settings.cadence == c}>{ c }</option>
                        }) }
                    </select>
                </label>
            </form>
            <p class="meta summary" role="status">
                { about.lines.iter().map(|l| l.get(lang)).collect::<Vec<_>>().join(" ") }
            </p>
            { for about.warnings.iter().map(|w| html! {
                <p class="problem" role="alert">{ w.get(lang) }</p>
            }) }
            <div class="actions">
                <button type="button" onclick={download_all}>{ t(lang, T::DownloadAllIcs) }</button>
                <label class="inline" for="ics-person">{ t(lang, T::ForPerson) }</label>
                <select id="ics-person" onchange={on_person}>
                    <option value="" selected={person.is_empty()}>{ "—" }</option>
                    { for involved.iter().map(|(id, mentor)| html! {
                        <option value={id.to_string()} selected={person == *id}>
                            { format!("{} ({})", name(id), t(lang, if *mentor { T::Mentor } else { T::Mentee })) }
                        </option>
                    }) }
                </select>
                <button type="button" onclick={download_person} disabled={person.is_empty()}>{ t(lang, T::DownloadPersonIcs) }</button>
                <button type="button" onclick={download_csv}>{ t(lang, T::DownloadScheduleCsv) }</button>
            </div>

            <h3 id="unplaced-heading">{ format!("{} ({})", t(lang, T::NotPlacedTitle), plan.unplaced.len()) }</h3>
            if plan.unplaced.is_empty() {
                <p class="empty">{ t(lang, T::AllPlaced) }</p>
            } else {
                <ul class="unplaced" aria-labelledby="unplaced-heading">
                    { for plan.unplaced.iter().map(|u| html! {
                        <li>
                            <strong>{ format!("{} · {}", name(&u.mentor), name(&u.mentee)) }</strong>
                            { format!(" — {} {} ({}): {}", t(lang, T::ReviewNumber), u.number, Iso(u.ideal), u.reason.get(lang)) }
                        </li>
                    }) }
                </ul>
            }

            <MonthGrid lang={lang} year={settings.shown.0} month={settings.shown.1} plan={plan.clone()} roster={shared.clone()}
                on_prev={step(-1)} on_next={step(1)} />

            <h3>{ t(lang, T::PerPair) }</h3>
            <div class="per-pair">
                { for pairs.iter().zip(grouped.iter()).map(|(p, found)| {
                    let reviews = found.iter().filter_map(|&i| plan.reviews.get(i));
                    html! {
                        <details class="pair" data-mentee={p.mentee.clone()}>
                            <summary>{ format!("{} · {} — {}", name(&p.mentor), name(&p.mentee), counted(lang, found.len() as i64, T::ReviewPlanned, T::ReviewsPlanned)) }</summary>
                            <ol>
                                { for reviews.map(|r| html! {
                                    <li>
                                        { format!("{} {}–{}", Iso(r.date), HourMinute(r.start), HourMinute(r.end)) }
                                        if r.date != r.ideal {
                                            <span class="moved">{ format!(" ({} {})", t(lang, T::MovedFrom), Iso(r.ideal)) }</span>
                                        }
                                    </li>
                                }) }
                            </ol>
                        </details>
                    }
                }) }
            </div>
        </section>
    }
}
