//! "Functiehuis": the organisation's ladder, a role's details and the scan's
//! findings. Its toolbar (open a ladder file, back to the example) also
//! heads "Mijn groeipad", which works on the same ladder.

pub mod state;

use std::rc::Rc;

use doorgroei::scan::Severity;
use doorgroei::{Ladder, Lang};
use wasm_bindgen::prelude::wasm_bindgen;
use yew::prelude::*;

use crate::i18n::{t, T};
use crate::rooms::functiehuis::state::{Action, State};
use crate::session::LadderInUse;
use crate::shared::files::use_file_reader;
use crate::shared::worker::explain;
use crate::shared::Shared;
use crate::widgets::{busy, errors_box, warnings_box};

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub lang: Lang,
    pub ladder: Shared<LadderInUse>,
    /// The room: its problems, warnings and the file being read.
    pub room: Rc<State>,
    pub on: Callback<Action>,
}

#[wasm_bindgen]
extern "C" {
    /// Opens the ladder editor (`web/editor.js`, a module of its own) on
    /// the ladder's JSON form; the editor gives its draft back to the
    /// file input as a ladder file opened.
    #[wasm_bindgen(js_name = doorgroeiEdit)]
    fn edit_ladder(json: &str, name: &str, lang: &str);
}

/// Organisation name, file actions and load errors.
#[function_component(Toolbar)]
pub fn toolbar(props: &ToolbarProps) -> Html {
    let lang = props.lang;
    let on = &props.on;
    let on_file = use_file_reader(on.reform(Action::Open));
    let reset = on.reform(|_| Action::ResetExample);
    let edit = {
        let ladder = props.ladder.clone();
        Callback::from(move |_| edit_ladder(&ladder.file.text, &ladder.file.name, lang.code()))
    };
    let room = &props.room;
    let errors = room.errors.as_ref().map(|errors| {
        errors_box(
            lang,
            t(lang, T::ErrorsIn),
            errors,
            on.reform(|_| Action::DismissErrors),
        )
    });
    let warnings = room.warnings.as_ref().map(|warnings| {
        warnings_box(
            lang,
            t(lang, T::WarningsIn),
            warnings,
            on.reform(|_| Action::DismissWarnings),
        )
    });
    let example = props.ladder.is_example();
    let ladder = &props.ladder.ladder;
    let note = if example {
        t(lang, T::ExampleNote).to_string()
    } else {
        format!("{}: {}", t(lang, T::OwnFileNote), props.ladder.file.name)
    };

    html! {
        <div class="toolbar">
            <div class="title">
                <h2 id="ladder-heading">{ format!("{} — {}", t(lang, T::Ladder), ladder.organisation()) }</h2>
                <p class="meta">
                    { format!("{} / {} {} · ", ladder.len(), ladder.transitions().count(), t(lang, T::RolesAndTransitions)) }
                    { note }
                </p>
                if let Some(desc) = ladder.description() {
                    <p class="description">{ desc.get(lang) }</p>
                }
            </div>
            <div class="actions">
                <label class="button file">
                    { t(lang, T::OpenLadder) }
                    <input type="file" accept=".yaml,.yml,text/yaml" onchange={on_file} />
                </label>
                <button type="button" onclick={reset} disabled={example}>{ t(lang, T::ResetExample) }</button>
                <button type="button" onclick={edit}>{ t(lang, T::Edit) }</button>
            </div>
            { for errors }
            { for warnings }
            if let Some(file) = &room.reading {
                { busy(lang, T::Reading, &file.name) }
            }
        </div>
    }
}

/// The selected role: its facts and its steps in and out.
pub fn details(lang: Lang, ladder: &Ladder, selected: Option<&str>, on: &Callback<Action>) -> Html {
    let Some(role) = selected.and_then(|id| ladder.role(id)) else {
        return html! {
            <section class="details" aria-live="polite">
                <h3>{ t(lang, T::Details) }</h3>
                <p class="hint">{ t(lang, T::ChooseRole) }</p>
            </section>
        };
    };
    let node = ladder.node(&role.id);
    let onward = node.map(|n| ladder.outgoing(n)).unwrap_or_default();
    let into: Vec<_> = ladder
        .transitions()
        .filter(|s| s.to.id == role.id)
        .collect();
    let select = |id: String| on.reform(move |_| Action::Select(Some(id.clone())));
    let yes_no = |b: bool| t(lang, if b { T::Yes } else { T::No });
    html! {
        <section class="details" aria-live="polite">
            <h3>{ t(lang, T::Details) }{ ": " }{ role.name.get(lang) }</h3>
            if let Some(desc) = &role.description {
                <p>{ desc.get(lang) }</p>
            }
            <dl>
                <dt>{ t(lang, T::Level) }</dt><dd>{ role.level.label(lang) }</dd>
                <dt>{ t(lang, T::Mix) }</dt>
                <dd>
                    { role.mix.describe(lang) }
                    if role.mix.is_hybrid() { { format!(" ({})", t(lang, T::Hybrid)) } }
                </dd>
                <dt>{ t(lang, T::Scale) }</dt><dd>{ role.scale.to_string() }</dd>
                if let Some(pay) = ladder.role_pay(role) {
                    <dt>{ t(lang, T::Pay) }</dt><dd>{ pay.to_string() }</dd>
                }
                <dt>{ t(lang, T::Education) }</dt><dd>{ role.education.label(lang) }</dd>
                <dt>{ t(lang, T::ManagesPeople) }</dt><dd>{ yes_no(role.manages_people) }</dd>
                if !role.competencies.is_empty() {
                    <dt>{ t(lang, T::Competencies) }</dt><dd>{ role.competencies.iter().map(|c| c.label(lang)).collect::<Vec<_>>().join(", ") }</dd>
                }
            </dl>
            <h4>{ t(lang, T::StepsOnward) }</h4>
            if onward.is_empty() {
                <p>{ t(lang, T::NoStepsOnward) }</p>
            } else {
                <ul class="steps">
                    { for onward.iter().map(|s| {
                        let reqs: Vec<String> = s.transition.requirements.iter().map(|r| r.describe(lang)).collect();
                        html! {
                            <li>
                                <button type="button" class="link" onclick={select(s.to.id.clone())}>{ s.to.name.get(lang) }</button>
                                { format!(" — {}, ≥ {} {}", s.transition.kind.label(lang), s.transition.min_years, t(lang, if s.transition.min_years == 1.0 { T::Year } else { T::Years })) }
                                if !reqs.is_empty() {
                                    { format!("; {} {}", t(lang, T::Requirements), reqs.join("; ")) }
                                }
                            </li>
                        }
                    }) }
                </ul>
            }
            if !into.is_empty() {
                <h4>{ t(lang, T::StepsInto) }</h4>
                <ul class="steps">
                    { for into.iter().map(|s| html! {
                        <li>
                            <button type="button" class="link" onclick={select(s.from.id.clone())}>{ s.from.name.get(lang) }</button>
                            { format!(" — {}", s.transition.kind.label(lang)) }
                        </li>
                    }) }
                </ul>
            }
        </section>
    }
}

/// The scan's findings; each can highlight its roles in the drawing.
pub fn findings(lang: Lang, ladder: &Ladder, room: &State, on: &Callback<Action>) -> Html {
    let items = room.findings.iter().enumerate().map(|(i, f)| {
        let focused = room.focused_finding == Some(i);
        let toggle = on.reform(move |_| Action::FocusFinding(if focused { None } else { Some(i) }));
        let class = match f.severity {
            Severity::Problem => "finding problem",
            Severity::Warning => "finding warning",
            Severity::Info => "finding info",
        };
        let names: Vec<&str> = f
            .roles
            .iter()
            .map(|id| ladder.role_name(id, lang))
            .collect();
        html! {
            <li class={classes!(class, focused.then_some("focused"))}>
                <span class="severity">{ f.severity.label(lang) }</span>
                <p>{ f.message.get(lang) }</p>
                if !f.roles.is_empty() {
                    <button type="button" onclick={toggle} aria-pressed={focused.to_string()}
                        title={names.join(", ")}>
                        { t(lang, if focused { T::HideRoles } else { T::ShowRoles }) }
                    </button>
                }
            </li>
        }
    });
    html! {
        <section class="findings">
            <h3>{ t(lang, T::Findings) }</h3>
            if room.scanning.is_some() {
                { busy(lang, T::Scanning, "") }
            }
            if let Some(why) = &room.scan_failed {
                <p class="problem" role="alert">{ format!("{}: {}", t(lang, T::ScanFailed), explain(why).get(lang)) }</p>
            }
            <ul>{ for items }</ul>
        </section>
    }
}
