//! The room's long lists: the reviews that could not be placed, and every
//! pair's reviews. Components of their own, so that a month step or a
//! person chosen does not draw them again, and a hundred at a time (2,000
//! pairs have some 26,000 reviews).

use doorgroei::dates::HourMinute;
use doorgroei::Lang;
use yew::prelude::*;

use crate::i18n::{t, T};
use crate::rooms::besprekingen::log::{log_control, mark, Moving};
use crate::rooms::besprekingen::state::{date_text, Action, Log, LogKey, Planned, State};
use crate::shared::Shared;
use crate::texts::{c, counted, C};
use crate::widgets::{page_rows, pager};

#[derive(Properties, PartialEq)]
pub struct ListProps {
    pub lang: Lang,
    pub planned: Shared<Planned>,
}

#[derive(Properties, PartialEq)]
pub struct PerPairProps {
    pub lang: Lang,
    pub planned: Shared<Planned>,
    /// The review log: each review's record is chosen in its pair's list.
    pub log: Shared<Log>,
    pub moving: Moving,
    pub on: UseReducerDispatcher<State>,
}

/// The reviews that could not be placed, and why.
#[function_component(Unplaced)]
pub fn unplaced(props: &ListProps) -> Html {
    let (lang, planned) = (props.lang, &props.planned);
    let page = use_state(|| 0usize);
    let names = crate::rooms::besprekingen::names::Names::of(&planned.asked.roster.roster);
    let name = |id| names.label(id);
    html! {
        <>
        <h3 id="unplaced-heading">{ format!("{} ({})", c(lang, C::NotPlacedTitle), planned.unplaced.len()) }</h3>
        if planned.unplaced.is_empty() {
            <p class="empty">{ c(lang, C::AllPlaced) }</p>
        } else {
            <ul class="unplaced" aria-labelledby="unplaced-heading">
                { for planned.unplaced[page_rows(planned.unplaced.len(), *page)].iter().map(|u| html! {
                    <li>
                        <strong>{ format!("{} · {}", name(&u.mentor), name(&u.mentee)) }</strong>
                        { format!(" — {} {} ({}): {}", c(lang, C::ReviewNumber), u.number, date_text(lang, u.ideal), u.reason.get(lang)) }
                    </li>
                }) }
            </ul>
        }
        { pager(lang, format!("{}: {}", c(lang, C::NotPlacedTitle), t(lang, T::Pages)), planned.unplaced.len(), &page) }
        </>
    }
}

/// Each pair's reviews, placed and not placed. A pair's reviews are drawn
/// when it is opened: a page of 100 pairs holds some 1,300 reviews, which
/// the room would otherwise draw whenever a schedule arrives.
#[function_component(PerPair)]
pub fn per_pair(props: &PerPairProps) -> Html {
    let (lang, planned) = (props.lang, &props.planned);
    let page = use_state(|| 0usize);
    // The pairs open (by mentee: a mentee is in one pair).
    let open = use_state(std::collections::BTreeSet::<String>::new);
    let names = crate::rooms::besprekingen::names::Names::of(&planned.asked.roster.roster);
    let name = |id| names.label(id);
    let pairs = &planned.pairs;
    let rows = page_rows(pairs.len(), *page);
    html! {
        <>
        <h3>{ c(lang, C::PerPair) }</h3>
        <div class="per-pair">
            { for pairs.iter().zip(planned.grouped.iter()).skip(rows.start).take(rows.len()).map(|(p, found)| {
                let ontoggle = {
                    let (open, mentee) = (open.clone(), p.mentee.clone());
                    Callback::from(move |e: Event| {
                        let now = e
                            .target_dyn_into::<web_sys::HtmlDetailsElement>()
                            .is_some_and(|d| d.open());
                        if now != open.contains(&mentee) {
                            let mut next = (*open).clone();
                            if now {
                                next.insert(mentee.clone());
                            } else {
                                next.remove(&mentee);
                            }
                            open.set(next);
                        }
                    })
                };
                let is_open = open.contains(&p.mentee);
                let who = format!("{} · {}", name(&p.mentor), name(&p.mentee));
                // Placed and not placed, in the order of their numbers.
                let mut items: Vec<(u32, Html)> = found
                    .iter()
                    .take(if is_open { usize::MAX } else { 0 })
                    .filter_map(|&i| planned.reviews.get(i))
                    .map(|r| (r.number, html! {
                        <li>
                            <span class="when">
                                { format!("{} {}–{}", date_text(lang, r.date), HourMinute(r.start), HourMinute(r.end)) }
                                if r.date != r.ideal {
                                    <span class="moved">{ match &r.moved {
                                        Some(why) => format!(" ({} {}: {})", c(lang, C::MovedFrom), date_text(lang, r.ideal), why.get(lang)),
                                        None => format!(" ({} {})", c(lang, C::MovedFrom), date_text(lang, r.ideal)),
                                    } }</span>
                                }
                            </span>
                            { log_control(lang, r, &who, &props.log, &props.moving, &props.on) }
                        </li>
                    }))
                    .collect();
                let missing: Vec<_> = planned
                    .unplaced
                    .iter()
                    .filter(|u| u.mentor == p.mentor && u.mentee == p.mentee)
                    .collect();
                items.extend(missing.iter().take(if is_open { usize::MAX } else { 0 }).map(|u| (u.number, html! {
                    <li class="not-placed">
                        <strong>{ format!("{}: {}", date_text(lang, u.ideal), c(lang, C::NotPlacedShort)) }</strong>
                        { format!(" — {}", u.reason.get(lang)) }
                    </li>
                })));
                doorgroei::sort::sort_by_key(&mut items, |(number, _)| *number);
                // Recorded for a day the plan no longer has (the roster
                // changed and the schedule was planned again): shown, so
                // that they can be seen and taken back.
                let orphans: Vec<&doorgroei::programme::LogEntry> = if is_open {
                    props
                        .log
                        .entries
                        .iter()
                        .filter(|e| e.mentor == p.mentor && e.mentee == p.mentee)
                        .filter(|e| {
                            !found
                                .iter()
                                .filter_map(|&i| planned.reviews.get(i))
                                .any(|r| r.date == e.date)
                        })
                        .collect()
                } else {
                    Vec::new()
                };
                let mut heading = format!("{} · {} — {}", name(&p.mentor), name(&p.mentee), counted(lang, found.len() as i64, C::ReviewPlanned, C::ReviewsPlanned));
                if !missing.is_empty() {
                    heading += &format!(", {} {}", missing.len(), c(lang, C::NotPlacedShort));
                }
                html! {
                    <details class="pair" data-mentee={p.mentee.clone()} {ontoggle} open={is_open}>
                        <summary>{ heading }</summary>
                        if is_open {
                            <ol>{ for items.into_iter().map(|(_, item)| item) }</ol>
                            if !orphans.is_empty() {
                                <p class="hint">{ c(lang, C::LoggedNotPlanned) }</p>
                                <ul class="not-planned">
                                    { for orphans.iter().map(|e| {
                                        let key = LogKey { mentee: e.mentee.clone(), mentor: e.mentor.clone(), date: e.date };
                                        let when = date_text(lang, e.date);
                                        let label = format!("{} {}: {}", c(lang, C::ForgetRecord), when, who);
                                        html! {
                                            <li>
                                                <span class="when">{ when }</span>{ " " }
                                                <span class="logged">{ mark(lang, Some(e.status)).unwrap_or_default() }</span>{ " " }
                                                <button type="button" aria-label={label}
                                                    onclick={props.on.to_callback().reform(move |_: MouseEvent| Action::Mark(key.clone(), None))}>
                                                    { c(lang, C::ForgetRecord) }
                                                </button>
                                            </li>
                                        }
                                    }) }
                                </ul>
                            }
                        }
                    </details>
                }
            }) }
        </div>
        { pager(lang, format!("{}: {}", c(lang, C::PerPair), t(lang, T::Pages)), pairs.len(), &page) }
        </>
    }
}
