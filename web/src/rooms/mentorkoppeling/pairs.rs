//! A row of the pairs table, a component of its own: a matching that keeps
//! 1,998 of 2,000 pairs, or the status line of one that starts, draws only
//! the rows that changed instead of comparing all hundred of a page again.

use doorgroei::matching::{Constraint, Matched};
use doorgroei::Lang;
use yew::prelude::*;

use crate::i18n::{named, t, T};
use crate::rooms::mentorkoppeling::state::Action;

#[derive(Properties, PartialEq)]
pub struct PairRowProps {
    pub lang: Lang,
    pub pair: Matched,
    pub mentee_name: AttrValue,
    pub mentor_name: AttrValue,
    /// The chooser of a mentor by hand, while one is being chosen.
    pub swap: Option<Html>,
    /// Opens the chooser for a mentee (by id).
    pub on_swap: Callback<String>,
    pub on: Callback<Action>,
}

#[function_component(PairRow)]
pub fn pair_row(props: &PairRowProps) -> Html {
    let PairRowProps {
        lang,
        pair: p,
        mentee_name,
        mentor_name,
        swap,
        ..
    } = props;
    let lang = *lang;
    let editing = swap.is_some();
    let toggle = {
        let mentee = p.mentee.clone();
        props.on.reform(move |_| Action::ToggleLock(mentee.clone()))
    };
    let open_swap = {
        let mentee = p.mentee.clone();
        props.on_swap.reform(move |_| mentee.clone())
    };
    html! {
        <tr data-mentee={p.mentee.clone()}>
            <th scope="row">{ mentee_name }<span class="id">{ format!(" ({})", p.mentee) }</span></th>
            // (`data-label`: a phone shows each row as a card, the labels before the cells.)
            <td class="mentor" data-label={t(lang, T::Mentor)}>
                { mentor_name }
                if p.locked {
                    <span class="badge locked">{ t(lang, T::Locked) }</span>
                }
                if !p.problems.is_empty() {
                    <p class="problem pair-problem">
                        { format!("⚠ {}: {}", t(lang, T::PairBreaks), Constraint::broken_list(&p.problems, lang)) }
                    </p>
                }
            </td>
            <td class="num" data-label={t(lang, T::Score)}>{ if p.reasons.is_empty() { "…".to_string() } else { p.score.to_string() } }</td>
            <td data-label={t(lang, T::Why)}><ul class="reasons">{ for p.reasons.iter().map(|r| html! { <li>{ r.get(lang) }</li> }) }</ul></td>
            <td><div class="row-actions">
                <button type="button" onclick={toggle} aria-pressed={p.locked.to_string()}
                    aria-label={named(lang, if p.locked { T::UnlockNamed } else { T::LockNamed }, mentee_name)}>
                    { t(lang, if p.locked { T::Unlock } else { T::Lock }) }
                </button>
                <button type="button" onclick={open_swap} aria-expanded={editing.to_string()}
                    aria-label={named(lang, T::OtherMentorNamed, mentee_name)}>{ t(lang, T::OtherMentor) }</button>
                { for swap.clone() }
            </div></td>
        </tr>
    }
}
