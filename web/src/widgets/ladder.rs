//! The ladder drawn (the core's SVG element tree as yew nodes), its legend
//! and its text alternative.

use doorgroei::render::{ladder_svg, DrawOptions, Element};
use doorgroei::sort;
use doorgroei::Lang;
use wasm_bindgen::JsCast;
use yew::prelude::*;
use yew::virtual_dom::VTag;

use crate::i18n::{t, T};
use crate::session::LadderInUse;
use crate::shared::Shared;

/// Turns the core's SVG element tree into yew nodes.
fn to_html(element: &Element) -> Html {
    match element {
        Element::Text(text) => Html::from(text.clone()),
        Element::Tag {
            name,
            attrs,
            children,
        } => {
            let mut tag = VTag::new(*name);
            for (key, value) in attrs {
                // The namespace comes from the DOM call, not from an attribute.
                if *key != "xmlns" {
                    tag.add_attribute(key, value.clone());
                }
            }
            tag.add_children(children.iter().map(to_html));
            tag.into()
        }
    }
}

/// The role id under an event's target, if any.
fn role_at(event: &Event) -> Option<String> {
    let target: web_sys::Element = event.target()?.dyn_into().ok()?;
    target
        .closest("[data-role]")
        .ok()??
        .get_attribute("data-role")
}

#[derive(Properties, PartialEq)]
pub struct LadderProps {
    pub ladder: Shared<LadderInUse>,
    pub options: DrawOptions,
    /// Called with a role's id when it is clicked or activated with Enter/Space.
    pub on_pick: Callback<String>,
}

/// The ladder drawing; click or Enter/Space on a role picks it.
#[function_component(LadderView)]
pub fn ladder_view(props: &LadderProps) -> Html {
    let svg = to_html(&ladder_svg(&props.ladder.ladder, &props.options));
    let onclick = {
        let pick = props.on_pick.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some(id) = role_at(&e) {
                pick.emit(id);
            }
        })
    };
    let onkeydown = {
        let pick = props.on_pick.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" || e.key() == " " {
                if let Some(id) = role_at(&e) {
                    e.prevent_default();
                    pick.emit(id);
                }
            }
        })
    };
    html! {
        <div class="ladder-wrap" {onclick} {onkeydown}>{ svg }</div>
    }
}

/// What the drawing's marks mean; every meaning has a non-colour carrier.
pub fn legend(lang: Lang) -> Html {
    let kinds = doorgroei::ladder::TransitionKind::ALL.iter().map(|k| {
        html! {
            <li>
                <svg class="ladder sample" width="44" height="10" aria-hidden="true">
                    <path class={format!("arrow kind-{}", k.as_str())} d="M2,5 L42,5" />
                </svg>
                { k.label(lang) }
            </li>
        }
    });
    html! {
        <section class="legend" aria-label={t(lang, T::Legend)}>
            <h3>{ t(lang, T::Legend) }</h3>
            <ul>
                { for kinds }
                <li>{ t(lang, T::LegendHybrid) }</li>
                <li>{ t(lang, T::LegendManages) }</li>
            </ul>
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct TableProps {
    pub ladder: Shared<LadderInUse>,
    pub lang: Lang,
}

/// The ladder as a table: the drawing's text alternative. One row per role
/// (level, tracks, scale, education) with its steps onward, so a screen
/// reader can walk every role and every transition.
#[function_component(LadderTable)]
pub fn ladder_table(props: &TableProps) -> Html {
    let lang = props.lang;
    let ladder = &props.ladder.ladder;
    let mut roles: Vec<_> = ladder.roles().collect();
    sort::sort_by_key(&mut roles, |(_, r)| {
        (r.level, r.mix.primary(), r.name.get(lang).to_string())
    });
    html! {
        <details class="ladder-table">
            <summary>{ t(lang, T::AsTable) }</summary>
            <div class="table-scroll">
            <table>
                <caption>{ format!("{} — {}", t(lang, T::Ladder), ladder.organisation()) }</caption>
                <thead><tr>
                    <th scope="col">{ t(lang, T::Details) }</th>
                    <th scope="col">{ t(lang, T::Level) }</th>
                    <th scope="col">{ t(lang, T::Mix) }</th>
                    <th scope="col">{ t(lang, T::Scale) }</th>
                    <th scope="col">{ t(lang, T::Education) }</th>
                    <th scope="col">{ t(lang, T::StepsOnward) }</th>
                </tr></thead>
                <tbody>
                { for roles.iter().map(|(node, role)| {
                    let onward = ladder.outgoing(*node);
                    html! {
                        <tr key={role.id.clone()} data-role={role.id.clone()}>
                            <th scope="row">
                                { role.name.get(lang) }
                                if role.manages_people { { format!(" ({})", t(lang, T::ManagesPeople).to_lowercase()) } }
                            </th>
                            <td>{ role.level.label(lang) }</td>
                            <td>{ role.mix.describe(lang) }</td>
                            <td>{ role.scale_label(lang) }</td>
                            <td>{ role.education.label(lang) }</td>
                            <td>
                                if onward.is_empty() {
                                    { t(lang, T::NoStepsOnward) }
                                } else {
                                    <ul class="steps">
                                        { for onward.iter().map(|s| {
                                            let reqs: Vec<String> = s.transition.requirements.iter().map(|r| r.describe(lang)).collect();
                                            html! {
                                                <li>
                                                    { format!("→ {} ({}, ≥ {} {})", s.to.name.get(lang), s.transition.kind.label(lang), s.transition.min_years, t(lang, if s.transition.min_years == 1.0 { T::Year } else { T::Years })) }
                                                    if !reqs.is_empty() { { format!(": {}", reqs.join("; ")) } }
                                                </li>
                                            }
                                        }) }
                                    </ul>
                                }
                            </td>
                        </tr>
                    }
                }) }
                </tbody>
            </table>
            </div>
        </details>
    }
}
