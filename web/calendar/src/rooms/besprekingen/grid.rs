//! One month of reviews, Monday first.

use std::collections::BTreeMap;

use doorgroei::dates::{add_days, HourMinute, Iso};
use doorgroei::roster::Day;
use doorgroei::schedule::{holidays, Review};
use doorgroei::sort;
use doorgroei::Lang;
use jiff::civil::{Date, Weekday};
use yew::prelude::*;

use crate::rooms::besprekingen::log::{log_control, mark, Moving};
use crate::rooms::besprekingen::state::{date_text, on_day, Log, LogKey, State};
use crate::session::RosterInUse;
use crate::shared::Shared;
use crate::texts::{c, day_short, filled, C};
use doorgroei::dates::month_name;

/// How many reviews a day cell lists; the rest are behind "+N meer", which
/// lists the day's reviews under the grid (a day may hold a thousand).
const PER_CELL: usize = 3;

#[derive(Properties, PartialEq)]
pub struct GridProps {
    pub lang: Lang,
    pub year: i16,
    pub month: i8,
    /// The reviews placed, by date.
    pub reviews: Shared<Vec<Review>>,
    pub roster: Shared<RosterInUse>,
    pub on_prev: Callback<MouseEvent>,
    pub on_next: Callback<MouseEvent>,
    /// The day whose reviews are all listed under the grid.
    pub open_day: Option<Date>,
    /// Opens (or closes) a day's list.
    pub on_open: Callback<Date>,
    /// The review log: a day's list records what became of each review.
    pub log: Shared<Log>,
    pub moving: Moving,
    pub on: UseReducerDispatcher<State>,
}

/// True when no review falls from `first` to `last` (`reviews` by date).
fn none_between(reviews: &[Review], first: Date, last: Date) -> bool {
    let from = reviews.partition_point(|r| r.date < first);
    reviews.get(from).is_none_or(|r| r.date > last)
}

/// A day written out: `4 januari 2027`, `4 January 2027`.
fn long_date(lang: Lang, day: Date) -> String {
    format!(
        "{} {} {}",
        day.day(),
        month_name(day.month(), lang),
        day.year()
    )
}

/// One month, Monday first; each day lists its reviews, holidays are named.
#[function_component(MonthGrid)]
pub fn month_grid(props: &GridProps) -> Html {
    let lang = props.lang;
    let Ok(first) = Date::new(props.year, props.month, 1) else {
        return html! {};
    };
    let names = crate::rooms::besprekingen::names::Names::of(&props.roster.roster);
    let name = |id| names.label(id);
    let free: BTreeMap<Date, String> = sort::map_of(
        holidays(props.year, Default::default())
            .into_iter()
            .map(|(d, n)| (d, n.get(lang).to_string())),
    );
    let lead = first.weekday().to_monday_zero_offset() as i64;
    let grid_start = add_days(first, -lead).unwrap_or(first);
    let days_in_month = first.days_in_month() as i64;
    let weeks = (lead + days_in_month + 6) / 7;
    let title = format!("{} {}", month_name(props.month, lang), props.year);
    let last = add_days(first, days_in_month - 1).unwrap_or(first);
    let nothing = none_between(&props.reviews, first, last);
    html! {
        <div class="month">
            <div class="month-nav">
                <button type="button" onclick={props.on_prev.clone()} aria-label={c(lang, C::PreviousMonth)}>{ "‹" }</button>
                <h3 id="month-title" aria-live="polite">{ title.clone() }</h3>
                <button type="button" onclick={props.on_next.clone()} aria-label={c(lang, C::NextMonth)}>{ "›" }</button>
            </div>
            if nothing {
                <p class="empty">{ c(lang, C::NoReviewsThisMonth) }</p>
            }
            <div class="table-scroll">
            <table class="month-grid" aria-labelledby="month-title">
                <thead><tr>{ for Day::ALL.into_iter().map(|d| html! { <th scope="col">{ day_short(lang, d) }</th> }) }</tr></thead>
                <tbody>
                { for (0..weeks).map(|w| html! {
                    <tr>
                    { for (0..7).map(|d| {
                        let day = add_days(grid_start, w * 7 + d).unwrap_or(grid_start);
                        let inside = day.month() == props.month;
                        let reviews = on_day(&props.reviews, day);
                        let weekend = matches!(day.weekday(), Weekday::Saturday | Weekday::Sunday);
                        // A day of the month with nothing on it (left out of
                        // the list a phone shows instead of the grid).
                        let quiet = inside && reviews.is_empty() && !free.contains_key(&day);
                        let weekday = Day::ALL[day.weekday().to_monday_zero_offset() as usize];
                        html! {
                            <td class={classes!(
                                (!inside).then_some("outside"),
                                weekend.then_some("weekend"),
                                free.contains_key(&day).then_some("holiday"),
                                quiet.then_some("quiet"))}
                                data-date={Iso(day).to_string()}>
                                if inside && !reviews.is_empty() {
                                    <button type="button" class="day-number" aria-expanded={(props.open_day == Some(day)).to_string()}
                                        aria-controls="day-list" aria-label={filled(lang, C::ShowDay, &long_date(lang, day))}
                                        onclick={props.on_open.reform(move |_| day)}>
                                        <span class="day-name">{ format!("{} ", day_short(lang, weekday)) }</span>
                                        { day.day() }
                                    </button>
                                } else {
                                    <span class="day-number">
                                        <span class="day-name">{ format!("{} ", day_short(lang, weekday)) }</span>
                                        { day.day() }
                                    </span>
                                }
                                if let Some(h) = free.get(&day) {
                                    <span class="holiday-name">{ h.clone() }</span>
                                }
                                if inside && !reviews.is_empty() {
                                    <ul>
                                        { for reviews.iter().take(PER_CELL).map(|r| html! {
                                            <li>
                                                { format!("{} {} · {}", HourMinute(r.start), name(&r.mentor), name(&r.mentee)) }
                                                if let Some(m) = mark(lang, props.log.outcome(&LogKey::of(r))) {
                                                    <span class="logged">{ format!(" {m}") }</span>
                                                }
                                            </li>
                                        }) }
                                    </ul>
                                    if reviews.len() > PER_CELL {
                                        <button type="button" class="more" aria-expanded={(props.open_day == Some(day)).to_string()}
                                            aria-controls="day-list" aria-label={filled(lang, C::MoreOnDayLabel, &long_date(lang, day))}
                                            onclick={props.on_open.reform(move |_| day)}>
                                            { filled(lang, C::MoreOnDay, &(reviews.len() - PER_CELL).to_string()) }
                                        </button>
                                    }
                                }
                            </td>
                        }
                    }) }
                    </tr>
                }) }
                </tbody>
            </table>
            </div>
            if let Some(day) = props.open_day {
                <section id="day-list" class="day-list" aria-labelledby="day-list-title">
                    <div class="day-list-head">
                        <h4 id="day-list-title">{ filled(lang, C::ReviewsOnDay, &long_date(lang, day)) }</h4>
                        <button type="button" onclick={props.on_open.reform(move |_| day)}>{ c(lang, C::CloseDay) }</button>
                    </div>
                    <ol data-date={date_text(Lang::En, day)}>
                        { for on_day(&props.reviews, day).iter().map(|r| html! {
                            <li>
                                <span class="when">{ format!("{}–{} {} · {}", HourMinute(r.start), HourMinute(r.end), name(&r.mentor), name(&r.mentee)) }</span>
                                { log_control(lang, r, &format!("{} · {}", name(&r.mentor), name(&r.mentee)), &props.log, &props.moving, &props.on) }
                            </li>
                        }) }
                    </ol>
                </section>
            }
        </div>
    }
}
