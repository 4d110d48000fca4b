//! The page's parts. Each takes the reducer handle and dispatches actions.

use doorgroei::exchange::{Reply, Request};
use doorgroei::ladder::Role;
use doorgroei::render::{ladder_svg, DrawOptions, Element};
use doorgroei::scan::Severity;
use doorgroei::sort;
use doorgroei::Lang;
use gloo::file::callbacks::FileReader;
use gloo::file::File;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;
use yew::virtual_dom::VTag;

use crate::i18n::{t, T};
use crate::state::{Action, Source, State};

#[derive(Properties, PartialEq)]
pub struct StateProps {
    pub state: UseReducerHandle<State>,
}

/// An `onchange` handler for a file input: reads the chosen file's bytes in
/// the browser and hands them on with its name. The same file can be chosen
/// again after a fix.
#[hook]
pub fn use_bytes_reader(on_load: Callback<(String, Vec<u8>)>) -> Callback<Event> {
    let reader = use_mut_ref(|| None::<FileReader>);
    Callback::from(move |e: Event| {
        let Some(input) = e
            .target()
            .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        let file = File::from(file);
        let name = file.name();
        let on_load = on_load.clone();
        let task = gloo::file::callbacks::read_as_bytes(&file, move |result| {
            on_load.emit((name, result.unwrap_or_default()));
        });
        *reader.borrow_mut() = Some(task);
        input.set_value("");
    })
}

/// Like [`use_bytes_reader`], for text files: UTF-8 with or without a
/// byte-order mark, or Windows-1252 as older Windows editors save it
/// (the core's `decode_text`, so no character is silently replaced).
#[hook]
pub fn use_file_reader(on_load: Callback<Source>) -> Callback<Event> {
    use_bytes_reader(Callback::from(move |(name, bytes): (String, Vec<u8>)| {
        let text = doorgroei::format::decode_text(&bytes);
        on_load.emit(Source { name, text });
    }))
}

/// The problems of a file that failed to load, one `file:line:col` line each.
///
/// This and the other views without hooks that would redraw with their
/// parent anyway (`legend`, `pager`, `details`, `findings`, `notices`,
/// `growth_side`: a whole-state prop changes with every action) are plain
/// functions rather than components: each component type costs about 2 KB
/// of wasm in yew's machinery, and they gain nothing from it.
pub fn errors_box(
    lang: Lang,
    title: &str,
    errors: &doorgroei::error::Report,
    on_dismiss: Callback<MouseEvent>,
) -> Html {
    report_box(lang, title, errors, on_dismiss, false)
}

/// The warnings about a file that did load: things it allows but that are
/// probably mistakes, one `file:line:col` line each.
pub fn warnings_box(
    lang: Lang,
    title: &str,
    warnings: &doorgroei::error::Report,
    on_dismiss: Callback<MouseEvent>,
) -> Html {
    report_box(lang, title, warnings, on_dismiss, true)
}

fn report_box(
    lang: Lang,
    title: &str,
    errors: &doorgroei::error::Report,
    on_dismiss: Callback<MouseEvent>,
    warning: bool,
) -> Html {
    let file = &errors.file;
    let (class, role) = if warning {
        ("errors warnings", "status")
    } else {
        ("errors", "alert")
    };
    html! {
        <div class={class} role={role}>
            <h3>{ format!("{} ({file}): {}", title, errors.summary.get(lang)) }</h3>
            <ul>
                { for errors.lines.iter().map(|line| html! { <li><code>{ line.get(lang) }</code></li> }) }
            </ul>
            <button type="button" onclick={on_dismiss}>{ t(lang, T::Dismiss) }</button>
        </div>
    }
}

/// Organisation name, file actions and load errors.
#[function_component(Toolbar)]
pub fn toolbar(props: &StateProps) -> Html {
    let state = &props.state;
    let lang = state.lang;
    let on_file = {
        let state = state.clone();
        use_file_reader(Callback::from(move |source| {
            state.dispatch(Action::Load(source))
        }))
    };
    let reset = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::ResetExample))
    };
    let dismiss = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::DismissErrors))
    };

    let errors = state
        .errors
        .as_ref()
        .map(|errors| errors_box(lang, t(lang, T::ErrorsIn), errors, dismiss.clone()));
    let warnings = state.warnings.as_ref().map(|warnings| {
        let state = state.clone();
        let dismiss = Callback::from(move |_| state.dispatch(Action::DismissWarnings));
        warnings_box(lang, t(lang, T::WarningsIn), warnings, dismiss)
    });
    let ladder = &state.ladder;
    let note = if state.is_example() {
        t(lang, T::ExampleNote).to_string()
    } else {
        format!("{}: {}", t(lang, T::OwnFileNote), state.source.name)
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
                <button type="button" onclick={reset} disabled={state.is_example()}>{ t(lang, T::ResetExample) }</button>
            </div>
            { for errors }
            { for warnings }
            { reading(lang, state.reading_ladder.as_deref()) }
        </div>
    }
}

/// "Reading the file: …" while a file is read in the worker.
pub fn reading(lang: Lang, pending: Option<&crate::state::Pending>) -> Html {
    match pending {
        Some(p) => html! {
            <p class="busy" role="status">
                <progress aria-label={t(lang, T::Reading)}></progress>
                { format!(" {} {}", t(lang, T::Reading), p.file.name) }
            </p>
        },
        None => Html::default(),
    }
}

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

#[derive(Properties)]
pub struct LadderProps {
    pub ladder: std::rc::Rc<doorgroei::Ladder>,
    pub options: DrawOptions,
    /// Called with a role's id when it is clicked or activated with Enter/Space.
    pub on_pick: Callback<String>,
}

impl PartialEq for LadderProps {
    fn eq(&self, other: &Self) -> bool {
        std::rc::Rc::ptr_eq(&self.ladder, &other.ladder)
            && self.options == other.options
            && self.on_pick == other.on_pick
    }
}

/// The ladder drawing; click or Enter/Space on a role picks it.
#[function_component(LadderView)]
pub fn ladder_view(props: &LadderProps) -> Html {
    let svg = to_html(&ladder_svg(&props.ladder, &props.options));
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

fn role_name(state: &State, id: &str) -> String {
    state
        .ladder
        .role(id)
        .map(|r| r.name.get(state.lang).to_string())
        .unwrap_or_else(|| id.to_string())
}

fn pay_text(state: &State, role: &Role) -> Option<String> {
    let low = state.ladder.pay(role.scale.min)?;
    let high = state.ladder.pay(role.scale.max)?;
    Some(format!("€ {} – € {}", low.min, high.max))
}

/// The selected role: its facts and its steps in and out.
pub fn details(state: &UseReducerHandle<State>) -> Html {
    let lang = state.lang;
    let Some(role) = state
        .selected
        .as_deref()
        .and_then(|id| state.ladder.role(id))
    else {
        return html! {
            <section class="details" aria-live="polite">
                <h3>{ t(lang, T::Details) }</h3>
                <p class="hint">{ t(lang, T::ChooseRole) }</p>
            </section>
        };
    };
    let node = state.ladder.node(&role.id);
    let onward = node.map(|n| state.ladder.outgoing(n)).unwrap_or_default();
    let into: Vec<_> = state
        .ladder
        .transitions()
        .filter(|s| s.to.id == role.id)
        .collect();
    let select = |id: String| {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::Select(Some(id.clone()))))
    };
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
                if let Some(pay) = pay_text(state, role) {
                    <dt>{ t(lang, T::Pay) }</dt><dd>{ pay }</dd>
                }
                <dt>{ t(lang, T::Education) }</dt><dd>{ role.education.label(lang) }</dd>
                <dt>{ t(lang, T::ManagesPeople) }</dt><dd>{ yes_no(role.manages_people) }</dd>
                if !role.competencies.is_empty() {
                    <dt>{ t(lang, T::Competencies) }</dt><dd>{ role.competencies.join(", ") }</dd>
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
                                { format!(" — {}, ≥ {} {}", s.transition.kind.label(lang), s.transition.min_years, t(lang, T::Years)) }
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
pub fn findings(state: &UseReducerHandle<State>) -> Html {
    let lang = state.lang;
    let items = state.findings.iter().enumerate().map(|(i, f)| {
        let focused = state.focused_finding == Some(i);
        let toggle = {
            let state = state.clone();
            Callback::from(move |_| {
                state.dispatch(Action::FocusFinding(if focused { None } else { Some(i) }))
            })
        };
        let class = match f.severity {
            Severity::Problem => "finding problem",
            Severity::Warning => "finding warning",
            Severity::Info => "finding info",
        };
        let names: Vec<String> = f.roles.iter().map(|id| role_name(state, id)).collect();
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
            <ul>{ for items }</ul>
        </section>
    }
}

/// Offers `text` as a file download (a blob URL; nothing leaves the browser).
pub fn download(name: &str, text: &str, mime: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let document = gloo::utils::document();
    if let Some(a) = document
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Has the worker write a file (YAML) and offers it as a download; a
/// failure is shown as a notice.
pub fn download_written(state: &UseReducerHandle<State>, name: &'static str, request: &Request) {
    let state = state.clone();
    let on_reply = Callback::from(move |reply| match reply {
        Reply::Written(Ok(yaml)) => download(name, &yaml, "text/yaml;charset=utf-8"),
        Reply::Written(Err(reason)) => state.dispatch(Action::ExportFailed(reason)),
        other => state.dispatch(Action::ExportFailed(other.failure())),
    });
    crate::worker::post(request, on_reply);
}

#[derive(Properties)]
pub struct TableProps {
    pub ladder: std::rc::Rc<doorgroei::Ladder>,
    pub lang: Lang,
}

impl PartialEq for TableProps {
    fn eq(&self, other: &Self) -> bool {
        std::rc::Rc::ptr_eq(&self.ladder, &other.ladder) && self.lang == other.lang
    }
}

/// The ladder as a table: the drawing's text alternative. One row per role
/// (level, tracks, scale, education) with its steps onward, so a screen
/// reader can walk every role and every transition.
#[function_component(LadderTable)]
pub fn ladder_table(props: &TableProps) -> Html {
    let lang = props.lang;
    let ladder = &props.ladder;
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
                                                    { format!("→ {} ({}, ≥ {} {})", s.to.name.get(lang), s.transition.kind.label(lang), s.transition.min_years, t(lang, T::Years)) }
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

/// The value of the input, select or textarea an event came from.
pub fn value_of(e: &Event) -> String {
    let target = e.target();
    if let Some(input) = target
        .clone()
        .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
    {
        return input.value();
    }
    if let Some(select) = target
        .clone()
        .and_then(|t| t.dyn_into::<HtmlSelectElement>().ok())
    {
        return select.value();
    }
    target
        .and_then(|t| t.dyn_into::<HtmlTextAreaElement>().ok())
        .map(|a| a.value())
        .unwrap_or_default()
}

/// How many rows a long table or list shows at once: drawing 2,000 pairs
/// with their reasons at once would hold the page up for seconds.
pub const PAGE_ROWS: usize = 100;

/// The rows of page `page` (clamped to the last page) out of `total`.
pub fn page_rows(total: usize, page: usize) -> std::ops::Range<usize> {
    let pages = total.div_ceil(PAGE_ROWS).max(1);
    let page = page.min(pages - 1);
    page * PAGE_ROWS..total.min((page + 1) * PAGE_ROWS)
}

/// Previous/next buttons and "101–200 van 2000" under a long table;
/// nothing when everything fits on one page.
pub fn pager(lang: Lang, label: String, total: usize, page: &UseStateHandle<usize>) -> Html {
    if total <= PAGE_ROWS {
        return html! {};
    }
    let handle = page.clone();
    let rows = page_rows(total, *handle);
    let page = rows.start / PAGE_ROWS;
    let go = |to: usize| {
        let handle = handle.clone();
        Callback::from(move |_: MouseEvent| handle.set(to))
    };
    html! {
        <nav class="pager" aria-label={label}>
            <button type="button" disabled={page == 0} onclick={go(page.saturating_sub(1))}>
                { format!("‹ {}", t(lang, T::PreviousPage)) }
            </button>
            <span aria-live="polite">
                { format!("{}–{} {} {}", rows.start + 1, rows.end, t(lang, T::RowsOf), total) }
            </span>
            <button type="button" disabled={rows.end >= total} onclick={go(page + 1)}>
                { format!("{} ›", t(lang, T::NextPage)) }
            </button>
        </nav>
    }
}
