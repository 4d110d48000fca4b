//! The ladder drawn (the core's SVG element tree as yew nodes), its zoom
//! and download controls, its legend and its text alternative.
//!
//! The stylesheet fits the drawing to the width of its box (never wider
//! than its natural size); on a phone it keeps that size, scrolls, and a
//! note says so, with the table one tap away. What happens on the drawing
//! once it is drawn (zoom, pinch, pan, labels kept in view, the route
//! brought into view, the SVG and PNG files of what it shows) is plain DOM
//! work in `ladder.js`, beside this file, which keeps the page's
//! WebAssembly small.

use doorgroei::ladder::{Track, TransitionKind};
use doorgroei::render::{ladder_svg, DrawOptions};
use doorgroei::sort;
use doorgroei::{Ladder, Lang};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::i18n::{t, T};
use crate::session::LadderInUse;
use crate::shared::Shared;
use crate::widgets::svg::to_html;

// `drawn()`: called on every draw; once the drawing is on the page,
// `ladder.js` listens on it, and brings roles newly highlighted into view
// (Mijn groeipad's route, a finding's roles). Declared by the module that
// takes this file in (the page's `widgets/mod.rs`, Mijn groeipad's
// `web/groeipad/src/widgets.rs`), each with its own path to `ladder.js`.
use crate::widgets::drawn;

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

/// The ladder drawing with its controls, legend and table (one component:
/// each costs wasm); click or Enter/Space on a role picks it.
#[function_component(LadderView)]
pub fn ladder_view(props: &LadderProps) -> Html {
    let lang = props.options.lang;
    let ladder = &props.ladder.ladder;
    let svg = to_html(&ladder_svg(ladder, &props.options));
    drawn();
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
    // The controls, as markup of the app's own texts (which hold no
    // markup characters: i18n's tests check).
    let say = |key: T| t(lang, key);
    let mut controls = format!(
        r#"<div class="ladder-tools" role="group" aria-label="{}">"#,
        say(T::DrawingTools)
    );
    for (attr, value, label) in [
        ("zoom-by", "0.8", T::ZoomOut),
        ("zoom-by", "1.25", T::ZoomIn),
        ("zoom-by", "0", T::ZoomFit),
        ("download", "svg", T::DownloadSvg),
        ("download", "png", T::DownloadPng),
    ] {
        controls += &format!(
            r#"<button type="button" data-{attr}="{value}">{}</button>"#,
            say(label)
        );
    }
    controls += &format!(
        r#"</div><p class="scroll-note">{} <button type="button" class="link" data-show-table="">{}</button></p>"#,
        say(T::ScrollNote),
        say(T::ShowTable)
    );
    html! {
        <>
            <div class="ladder-frame">
                { Html::from_html_unchecked(controls.into()) }
                <div class="ladder-wrap" {onclick} {onkeydown}>{ svg }</div>
            </div>
            { legend(lang, ladder) }
            { table(lang, ladder) }
        </>
    }
}

/// What the drawing's marks mean, each beside a sample of its mark drawn
/// with the drawing's own classes. Markup of the app's own texts (which
/// hold no markup characters: i18n's tests check).
fn legend(lang: Lang, ladder: &Ladder) -> Html {
    const BOX: &str = r#"<rect class="box" x="2" y="2" width="40" height="12" rx="3"/></g>"#;
    const BAND: &str = r#"<pattern id="legend-band" patternUnits="userSpaceOnUse" width="14" height="14" patternTransform="rotate(45)"><rect class="stripe track-practice" width="7" height="14"/><rect class="stripe track-teaching" x="7" width="7" height="14"/></pattern><rect class="band" fill="url(#legend-band)" width="44" height="16"/>"#;
    let mut out = format!(
        r#"<section class="legend" aria-label="{0}"><h3>{0}</h3><ul>"#,
        t(lang, T::Legend)
    );
    let mut item = |mark: &str, text: &str| {
        out += &format!(
            r#"<li><svg class="ladder sample" width="44" height="16" aria-hidden="true">{mark}</svg>{text}</li>"#
        );
    };
    if ladder.roles().any(|(_, r)| r.mix.is_hybrid()) {
        item(BAND, t(lang, T::LegendBand));
    }
    for (class, key) in [
        ("hybrid", T::LegendHybrid),
        ("manages", T::LegendManages),
        ("selected", T::LegendSelected),
        ("highlighted", T::LegendHighlighted),
    ] {
        item(&format!(r#"<g class="{class}">{BOX}"#), t(lang, key));
    }
    // A bar in the colours of the ladder's tracks, as in its boxes.
    let tracks: Vec<&Track> = Track::ALL
        .iter()
        .filter(|&&track| ladder.roles().any(|(_, r)| r.mix.share(track) > 0))
        .collect();
    let mut bar = String::new();
    for (i, track) in tracks.iter().enumerate() {
        let w = 40 / tracks.len();
        bar += &format!(
            r#"<rect class="mix track-{}" x="{}" y="5" width="{w}" height="6"/>"#,
            track.as_str(),
            2 + i * w
        );
    }
    item(&bar, t(lang, T::LegendBar));
    for kind in TransitionKind::ALL {
        item(
            &format!(
                r#"<path class="arrow kind-{}" d="M2,8 L42,8"/>"#,
                kind.as_str()
            ),
            &format!("{}: {}", t(lang, T::LegendArrows), kind.label(lang)),
        );
    }
    out += "</ul></section>";
    Html::from_html_unchecked(out.into())
}

/// The ladder as a table: the drawing's text alternative. One row per role
/// (level, tracks, scale, education) with its steps onward, so a screen
/// reader can walk every role and every transition.
fn table(lang: Lang, ladder: &Ladder) -> Html {
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
                            <td>{ role.scale.label(lang) }</td>
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
