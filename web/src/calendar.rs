//! "Besprekingen": the case reviews of the current pairs, as a
//! month grid and per pair, with what could not be placed and the calendar
//! files. The schedule is the core's (`doorgroei::schedule`); today's date is
//! the browser's.

use std::collections::BTreeMap;
use std::rc::Rc;

use doorgroei::dates::{add_days, parse_date, HourMinute, Iso};
use doorgroei::format::{calendar_file_names, schedule_to_csv, schedule_to_ics};
use doorgroei::roster::Roster;
use doorgroei::schedule::{holidays, schedule, summary, PairRef, Schedule, ScheduleConfig};
use doorgroei::sort;
use doorgroei::Lang;
use jiff::civil::{Date, Weekday};
use yew::prelude::*;

use crate::components::{download, value_of, StateProps};
use crate::i18n::{t, T};
use crate::state::today;

/// The browser's clock as the calendar files' DTSTAMP.
fn now() -> jiff::Timestamp {
    jiff::Timestamp::from_millisecond(js_sys::Date::now() as i64)
        .unwrap_or(jiff::Timestamp::UNIX_EPOCH)
}

fn month_name(month: i8, lang: Lang) -> &'static str {
    const NL: [&str; 12] = [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let i = (month.clamp(1, 12) - 1) as usize;
    if lang == Lang::Nl {
        NL[i]
    } else {
        EN[i]
    }
}

/// The workspace.
#[function_component(Calendar)]
pub fn calendar(props: &StateProps) -> Html {
    let state = &props.state;
    let lang = state.lang;
    let start = use_state(today);
    let months = use_state(|| 12u8);
    let cadence = use_state(|| 4u8);
    let shown = use_state(|| {
        let d = today();
        (d.year(), d.month())
    });
    let person = use_state(String::new);

    let roster: Option<Rc<Roster>> = state.mentoring.roster.clone();
    let pairs: Vec<PairRef> = roster
        .as_ref()
        .map(|r| r.pairs.iter().map(PairRef::from).collect())
        .unwrap_or_default();
    let config = ScheduleConfig {
        months: *months,
        cadence_weeks: *cadence,
        ..ScheduleConfig::default()
    };
    let plan: Rc<Schedule> = {
        let (roster, pairs, config, start) =
            (roster.clone(), pairs.clone(), config.clone(), *start);
        use_memo(
            (
                state.mentoring.revision,
                start,
                config.months,
                config.cadence_weeks,
            ),
            move |_| match &roster {
                Some(r) => schedule(r, &pairs, start, &config),
                None => Schedule::default(),
            },
        )
    };

    let Some(roster) = roster.filter(|_| !pairs.is_empty()) else {
        return html! {
            <section class="workspace calendar" aria-labelledby="calendar-heading">
                <h2 id="calendar-heading">{ t(lang, T::TabCalendar) }</h2>
                <p class="empty">{ t(lang, T::NoPairsForCalendar) }</p>
            </section>
        };
    };
    let names = roster.names();
    let name = |id: &str| names.get(id).copied().unwrap_or(id).to_string();

    let on_start = {
        let start = start.clone();
        Callback::from(move |e: Event| {
            if let Some(d) = parse_date(&value_of(&e)) {
                start.set(d);
            }
        })
    };
    let on_months = {
        let months = months.clone();
        Callback::from(move |e: Event| {
            if let Ok(m) = value_of(&e).parse::<u8>() {
                months.set(m.clamp(1, 36));
            }
        })
    };
    let on_cadence = {
        let cadence = cadence.clone();
        Callback::from(move |e: Event| {
            if let Ok(c) = value_of(&e).parse::<u8>() {
                cadence.set(c.clamp(4, 6));
            }
        })
    };
    let on_person = {
        let person = person.clone();
        Callback::from(move |e: Event| person.set(value_of(&e)))
    };
    let step = |delta: i8| {
        let shown = shown.clone();
        Callback::from(move |_| {
            let (y, m) = *shown;
            let total = i32::from(y) * 12 + i32::from(m - 1) + i32::from(delta);
            shown.set((
                (total.div_euclid(12)) as i16,
                (total.rem_euclid(12) + 1) as i8,
            ));
        })
    };
    let download_all = {
        let (plan, roster) = (plan.clone(), roster.clone());
        Callback::from(move |_| {
            download(
                "casusbesprekingen.ics",
                &schedule_to_ics(&plan, &roster, lang, now(), None),
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
    let download_person = {
        let (plan, roster, person) = (plan.clone(), roster.clone(), person.clone());
        Callback::from(move |_| {
            let Some(file) = files.get(person.as_str()) else {
                return;
            };
            download(
                &format!("casusbesprekingen-{file}"),
                &schedule_to_ics(&plan, &roster, lang, now(), Some(&person)),
                "text/calendar;charset=utf-8",
            )
        })
    };
    let download_csv = {
        let (plan, roster) = (plan.clone(), roster.clone());
        Callback::from(move |_| {
            download(
                "casusbesprekingen.csv",
                &schedule_to_csv(&plan, &roster, lang),
                "text/csv;charset=utf-8",
            )
        })
    };
    let about = summary(&plan, pairs.len(), *start);
    let planned = |n: usize| {
        let key = if n == 1 {
            T::ReviewPlanned
        } else {
            T::ReviewsPlanned
        };
        format!("{n} {}", t(lang, key))
    };

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
                    <input id="schedule-start" type="date" value={Iso(*start).to_string()} onchange={on_start} />
                </label>
                <label>{ t(lang, T::MonthsLabel) }
                    <input id="schedule-months" type="number" min="1" max="36" value={months.to_string()} onchange={on_months} />
                </label>
                <label>{ t(lang, T::EveryWeeks) }
                    <select id="schedule-cadence" onchange={on_cadence}>
                        { for [4u8, 5, 6].into_iter().map(|c| html! {
                            <option value={c.to_string()} selected={*cadence == c}>{ c }</option>
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
                        <option value={id.to_string()} selected={*person == *id}>
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

            <MonthGrid lang={lang} year={shown.0} month={shown.1} plan={plan.clone()} roster={roster.clone()}
                on_prev={step(-1)} on_next={step(1)} />

            <h3>{ t(lang, T::PerPair) }</h3>
            <div class="per-pair">
                { for pairs.iter().map(|p| {
                    let reviews: Vec<_> = plan.reviews.iter().filter(|r| r.mentee == p.mentee && r.mentor == p.mentor).collect();
                    html! {
                        <details class="pair" data-mentee={p.mentee.clone()}>
                            <summary>{ format!("{} · {} — {}", name(&p.mentor), name(&p.mentee), planned(reviews.len())) }</summary>
                            <ol>
                                { for reviews.iter().map(|r| html! {
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

#[derive(Properties, PartialEq)]
struct GridProps {
    lang: Lang,
    year: i16,
    month: i8,
    plan: Rc<Schedule>,
    roster: Rc<Roster>,
    on_prev: Callback<MouseEvent>,
    on_next: Callback<MouseEvent>,
}

/// One month, Monday first; each day lists its reviews, holidays are named.
#[function_component(MonthGrid)]
fn month_grid(props: &GridProps) -> Html {
    let lang = props.lang;
    let Ok(first) = Date::new(props.year, props.month, 1) else {
        return html! {};
    };
    let names = props.roster.names();
    let name = |id: &str| names.get(id).copied().unwrap_or(id).to_string();
    let free: BTreeMap<Date, String> = sort::map_of(
        holidays(props.year, Default::default())
            .into_iter()
            .map(|(d, n)| (d, n.get(lang).to_string())),
    );
    let lead = first.weekday().to_monday_zero_offset() as i64;
    let grid_start = add_days(first, -lead).unwrap_or(first);
    let days_in_month = first.days_in_month() as i64;
    let weeks = (lead + days_in_month + 6) / 7;
    let heads: [&str; 7] = if lang == Lang::Nl {
        ["ma", "di", "wo", "do", "vr", "za", "zo"]
    } else {
        ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    };
    let title = format!("{} {}", month_name(props.month, lang), props.year);
    html! {
        <div class="month">
            <div class="month-nav">
                <button type="button" onclick={props.on_prev.clone()} aria-label={t(lang, T::PreviousMonth)}>{ "‹" }</button>
                <h3 id="month-title" aria-live="polite">{ title.clone() }</h3>
                <button type="button" onclick={props.on_next.clone()} aria-label={t(lang, T::NextMonth)}>{ "›" }</button>
            </div>
            <div class="table-scroll">
            <table class="month-grid" aria-labelledby="month-title">
                <thead><tr>{ for heads.iter().map(|h| html! { <th scope="col">{ *h }</th> }) }</tr></thead>
                <tbody>
                { for (0..weeks).map(|w| html! {
                    <tr>
                    { for (0..7).map(|d| {
                        let day = add_days(grid_start, w * 7 + d).unwrap_or(grid_start);
                        let inside = day.month() == props.month;
                        let reviews: Vec<_> = props.plan.reviews.iter().filter(|r| r.date == day).collect();
                        let weekend = matches!(day.weekday(), Weekday::Saturday | Weekday::Sunday);
                        html! {
                            <td class={classes!(
                                (!inside).then_some("outside"),
                                weekend.then_some("weekend"),
                                free.contains_key(&day).then_some("holiday"))}
                                data-date={Iso(day).to_string()}>
                                <span class="day-number">{ day.day() }</span>
                                if let Some(h) = free.get(&day) {
                                    <span class="holiday-name">{ h.clone() }</span>
                                }
                                if inside && !reviews.is_empty() {
                                    <ul>
                                        { for reviews.iter().map(|r| html! {
                                            <li>{ format!("{} {} · {}", HourMinute(r.start), name(&r.mentor), name(&r.mentee)) }</li>
                                        }) }
                                    </ul>
                                }
                            </td>
                        }
                    }) }
                    </tr>
                }) }
                </tbody>
            </table>
            </div>
        </div>
    }
}
