//! Choosing a mentor by hand.

use doorgroei::matching::{options, MatchConfig};
use doorgroei::Lang;
use wasm_bindgen::JsCast;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::i18n::{named, t, T};
use crate::rooms::mentorkoppeling::state::Action;
use crate::session::{LadderInUse, RosterInUse};
use crate::shared::Shared;

#[derive(Properties, PartialEq)]
pub struct SwapProps {
    pub lang: Lang,
    pub ladder: Shared<LadderInUse>,
    pub roster: Shared<RosterInUse>,
    pub settings: MatchConfig,
    pub mentee: String,
    pub current: Option<String>,
    /// Which mentee's mentor is being changed (closed with `None`).
    pub swapping: UseStateHandle<Option<String>>,
    pub on: Callback<Action>,
}

/// Choosing a mentor by hand: only eligible mentors with room, with their score.
#[function_component(Swap)]
pub fn swap(props: &SwapProps) -> Html {
    let lang = props.lang;
    let offered: Vec<_> = options(
        &props.ladder.ladder,
        &props.roster.roster,
        &props.settings,
        &props.mentee,
    )
    .into_iter()
    .filter(|o| Some(&o.mentor) != props.current.as_ref())
    .collect();
    let people = props.roster.roster.lookup();
    let choice = use_state(|| offered.first().map(|o| o.mentor.clone()));
    let select_id = format!("swap-{}", props.mentee);
    let on_change = {
        let choice = choice.clone();
        Callback::from(move |e: Event| {
            if let Some(select) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlSelectElement>().ok())
            {
                choice.set(Some(select.value()));
            }
        })
    };
    let confirm = {
        let (on, choice, swapping, mentee) = (
            props.on.clone(),
            choice.clone(),
            props.swapping.clone(),
            props.mentee.clone(),
        );
        Callback::from(move |_| {
            if let Some(mentor) = (*choice).clone() {
                on.emit(Action::SetMentor(mentee.clone(), mentor));
            }
            swapping.set(None);
        })
    };
    let cancel = {
        let swapping = props.swapping.clone();
        Callback::from(move |_| swapping.set(None))
    };
    let mentee_name = people.person(&props.mentee).map_or("", |p| p.name.as_str());
    html! {
        <div class="swap">
            if offered.is_empty() {
                <p>{ t(lang, T::NoOptions) }</p>
            } else {
                <label for={select_id.clone()}>{ format!("{} {}", t(lang, T::ChooseMentor), mentee_name) }</label>
                <select id={select_id} onchange={on_change}>
                    { for offered.iter().map(|o| {
                        let reasons: Vec<&str> = o.reasons.iter().map(|r| r.get(lang)).collect();
                        html! {
                            <option value={o.mentor.clone()} selected={choice.as_deref() == Some(o.mentor.as_str())}>
                                { format!("{} — {} {} ({}/{}) — {}",
                                    people.name(&o.mentor),
                                    t(lang, T::Score).to_lowercase(), o.score, o.load, o.capacity,
                                    reasons.join("; ")) }
                            </option>
                        }
                    }) }
                </select>
                <button type="button" class="primary" onclick={confirm}
                    aria-label={named(lang, T::ChooseNamed, mentee_name)}>{ t(lang, T::Choose) }</button>
            }
            <button type="button" onclick={cancel}
                aria-label={named(lang, T::CancelNamed, mentee_name)}>{ t(lang, T::Cancel) }</button>
        </div>
    }
}
