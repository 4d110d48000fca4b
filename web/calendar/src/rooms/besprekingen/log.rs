//! Recording what became of a review: held, moved (to a new date) or
//! cancelled (with a reason), chosen at the review in a pair's list or in a
//! day's list. Facts only: there is no field for anything about the case.

use doorgroei::programme::{Outcome, Reason};
use doorgroei::schedule::Review;
use doorgroei::Lang;
use yew::prelude::*;

use crate::rooms::besprekingen::state::{date_text, Action, Log, LogKey, State};
use crate::texts::{c, filled, C};
use crate::widgets::value_of;

/// The review being moved, and what was typed as its new date when that
/// was no (other) date.
pub type Moving = Option<(LogKey, Option<String>)>;

const REASONS: [(&str, Reason, C); 4] = [
    ("sick", Reason::Sick, C::LogSick),
    ("leave", Reason::Leave, C::LogLeave),
    ("workload", Reason::Workload, C::LogWorkload),
    ("other", Reason::Other, C::LogOther),
];

/// A short mark of what became of a review (`✓ gehouden`), if anything.
pub fn mark(lang: Lang, outcome: Option<Outcome>) -> Option<&'static str> {
    Some(c(
        lang,
        match outcome? {
            Outcome::Held => C::LoggedHeld,
            Outcome::Moved(_) => C::LoggedMoved,
            Outcome::Cancelled(_) => C::LoggedCancelled,
        },
    ))
}

/// The choice of what became of `review` (`who`: its pair in words), and
/// while it is being moved, the field for its new date.
pub fn log_control(
    lang: Lang,
    review: &Review,
    who: &str,
    log: &Log,
    moving: &Moving,
    on: &UseReducerDispatcher<State>,
) -> Html {
    let key = LogKey::of(review);
    let outcome = log.outcome(&key);
    let value = match outcome {
        None => "",
        Some(Outcome::Held) => "held",
        Some(Outcome::Moved(_)) => "moved",
        Some(Outcome::Cancelled(r)) => REASONS
            .iter()
            .find(|(_, reason, _)| *reason == r)
            .map_or("other", |(v, _, _)| v),
    };
    let onchange = {
        let key = key.clone();
        on.to_callback()
            .reform(move |e: Event| match value_of(&e).as_str() {
                "held" => Action::Mark(key.clone(), Some(Outcome::Held)),
                "moved" => Action::AskMove(key.clone()),
                "" => Action::Mark(key.clone(), None),
                other => Action::Mark(
                    key.clone(),
                    REASONS
                        .iter()
                        .find(|(v, _, _)| *v == other)
                        .map(|(_, r, _)| Outcome::Cancelled(*r)),
                ),
            })
    };
    let label = filled(lang, C::LogLabel, &date_text(lang, review.date)).replacen("{}", who, 1);
    let moved = match outcome {
        Some(Outcome::Moved(to)) => filled(lang, C::LogMovedTo, &date_text(lang, to)),
        _ => c(lang, C::LogMoved).to_string(),
    };
    let asking = moving.as_ref().filter(|(k, _)| *k == key);
    html! {
        <span class="log">
            <select class="log-choice" aria-label={label} {onchange}>
                <option value="" selected={value.is_empty()}>{ c(lang, C::LogNone) }</option>
                // Not held before it is due: a review after today can be
                // moved or cancelled, and is held on its day.
                if value == "held" || review.date <= crate::shared::clock::today() {
                    <option value="held" selected={value == "held"}>{ c(lang, C::LogHeld) }</option>
                }
                <option value="moved" selected={value == "moved"}>{ moved }</option>
                { for REASONS.iter().map(|(v, _, text)| html! {
                    <option value={*v} selected={value == *v}>{ c(lang, *text) }</option>
                }) }
            </select>
            if let Some((_, typed)) = asking {
                <span class="new-date">
                    <label>{ c(lang, C::NewDate) }
                        <input type="text" autocomplete="off" spellcheck="false"
                            value={typed.clone().unwrap_or_default()}
                            aria-invalid={typed.is_some().to_string()}
                            aria-describedby="new-date-hint"
                            onchange={ let key = key.clone(); on.to_callback().reform(move |e: Event| Action::MoveTo(key.clone(), value_of(&e))) } />
                    </label>
                    <small id="new-date-hint" class="hint">{ c(lang, C::NewDateHint) }</small>
                    <button type="button" class="small" onclick={on.to_callback().reform(|_| Action::CancelMove)}>{ c(lang, C::CancelMove) }</button>
                    if let Some(typed) = typed {
                        <span class="problem" role="alert">{ filled(lang, C::NewDateNotADate, typed) }</span>
                    }
                </span>
            }
        </span>
    }
}
