//! The editor's views: the toolbar (start, undo/redo, download, what
//! changed, use, close), the drawing with the problems and findings, and
//! the forms (organisation, the selected role, its steps). Views are plain
//! functions of the state; every change goes through the reducer.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use doorgroei::diff;
use doorgroei::edit::{self, Edit, LadderField, RoleField, TransitionField};
use doorgroei::format::{
    check_ladder_file, ladder_file_to_yaml, loses_comments, Checked, LadderFile, PartTimeFile,
    PayScaleFile, RoleFile, ScaleFile,
};
use doorgroei::ladder::{Education, Level, Track, TransitionKind};
use doorgroei::render::{ladder_svg, DrawOptions};
use doorgroei::scan::{scan, Finding};
use doorgroei::{Bilingual, Ladder, Lang};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::i18n::{t, tf, T};
use crate::state::{Action, Make, Saved, State};
use crate::svg::to_html;

/// Where the draft is kept between visits (documented in docs/formats.md).
pub const DRAFT_KEY: &str = "doorgroei.concept";

const GROEIT: &str = include_str!(concat!(env!("OUT_DIR"), "/welzijn-groeit.json"));
const VLAK: &str = include_str!(concat!(env!("OUT_DIR"), "/welzijn-vlak.json"));

#[wasm_bindgen(module = "/../src/widgets/ladder.js")]
extern "C" {
    /// The page's drawing script (zoom, pan, pinned labels), listening on
    /// the drawing inside `root`.
    fn drawn(root: &web_sys::Element);
}

/// What the page gives the editor.
pub struct Page {
    json: String,
    name: String,
    lang: Lang,
    apply: js_sys::Function,
    close: js_sys::Function,
    /// The text of the file the page's ladder was opened from, when known.
    original: Option<String>,
}

impl Page {
    pub fn new(
        json: String,
        name: String,
        lang: Lang,
        apply: js_sys::Function,
        close: js_sys::Function,
        original: Option<String>,
    ) -> Rc<Page> {
        Rc::new(Page {
            json,
            name,
            lang,
            apply,
            close,
            original,
        })
    }
}

#[derive(Properties)]
pub struct EditorProps {
    pub page: Rc<Page>,
}

impl PartialEq for EditorProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.page, &other.page)
    }
}

/// The reducer as yew wants it.
#[derive(PartialEq)]
struct Store(State);

impl Reducible for Store {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(Store(self.0.reduce(action)))
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// The draft kept in this browser, if any.
fn saved_draft() -> Option<Saved> {
    let text = storage()?.get_item(DRAFT_KEY).ok()??;
    serde_json::from_str::<Saved>(&text)
        .ok()
        .filter(|s| s.version == 1)
}

fn save_draft(state: &State) {
    if let (Some(store), Ok(text)) = (storage(), serde_json::to_string(&state.saved())) {
        let _ = store.set_item(DRAFT_KEY, &text);
    }
}

/// Whether starting from `which` drops comments of the file it came from
/// (only the page's ladder may have come from a file with comments).
fn had_comments(page: &Page, which: &str, file: &LadderFile) -> bool {
    which == "page"
        && page
            .original
            .as_deref()
            .is_some_and(|text| loses_comments(text, &ladder_file_to_yaml(file)))
}

/// The ladder to start from, by the start list's value.
fn start_file(page: &Page, which: &str) -> (LadderFile, String) {
    let read = |json: &str| serde_json::from_str(json).unwrap_or_else(|_| LadderFile::empty());
    match which {
        "groeit" => (read(GROEIT), "welzijn-groeit.yaml".into()),
        "vlak" => (read(VLAK), "welzijn-vlak.yaml".into()),
        "empty" => (LadderFile::empty(), new_name(page.lang)),
        "starter" => (edit::starter_ladder(), new_name(page.lang)),
        _ => (read(&page.json), yaml_name(&page.name, page.lang)),
    }
}

/// The name of a ladder begun here, in the interface's language.
fn new_name(lang: Lang) -> String {
    match lang {
        Lang::Nl => "functiehuis.yaml",
        Lang::En => "function-ladder.yaml",
    }
    .into()
}

/// A file name for the YAML download (a name without a stem: a new one).
fn yaml_name(name: &str, lang: Lang) -> String {
    let stem = name
        .strip_suffix(".yaml")
        .or_else(|| name.strip_suffix(".yml"))
        .or_else(|| name.strip_suffix(".json"))
        .unwrap_or(name);
    if stem.trim().is_empty() {
        new_name(lang)
    } else {
        format!("{stem}.yaml")
    }
}

fn input_value(e: &Event) -> String {
    let Some(target) = e.target() else {
        return String::new();
    };
    if let Some(i) = target.dyn_ref::<web_sys::HtmlInputElement>() {
        return i.value();
    }
    if let Some(s) = target.dyn_ref::<web_sys::HtmlSelectElement>() {
        return s.value();
    }
    if let Some(a) = target.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        return a.value();
    }
    String::new()
}

fn checked_box(e: &Event) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .is_some_and(|i| i.checked())
}

/// A number as typed, with a decimal comma or point.
fn number(text: &str) -> Option<f64> {
    text.trim().replace(',', ".").parse::<f64>().ok()
}

/// The role id under a point of the page, if any.
fn role_at_point(x: i32, y: i32) -> Option<String> {
    let document = gloo::utils::document();
    let element = document.element_from_point(x as f32, y as f32)?;
    element
        .closest("[data-role]")
        .ok()??
        .get_attribute("data-role")
}

fn role_element(event: &web_sys::Event) -> Option<web_sys::Element> {
    let target: web_sys::Element = event.target()?.dyn_into().ok()?;
    target.closest("[data-role]").ok()?
}

fn role_at(event: &web_sys::Event) -> Option<String> {
    role_element(event)?.get_attribute("data-role")
}

/// Marks the role a step is being dragged from (none: unmarks).
fn mark_drag(role: Option<&web_sys::Element>) {
    if let Ok(Some(el)) = gloo::utils::document().query_selector("[data-drag]") {
        let _ = el.remove_attribute("data-drag");
    }
    if let Some(el) = role {
        let _ = el.set_attribute("data-drag", "");
    }
}

/// What the draft is, checked: the problems and warnings, and the ladder
/// with its findings when there are no problems.
struct Derived {
    checked: Checked,
    findings: Vec<Finding>,
}

fn derive(name: &str, file: &LadderFile) -> Derived {
    let checked = check_ladder_file(name, file);
    let findings = checked.ladder.as_ref().map(scan).unwrap_or_default();
    Derived { checked, findings }
}

/// The problems at `path` (the field itself or inside it), as messages.
fn problems_at(d: &Derived, lang: Lang, path: &str) -> Vec<String> {
    d.checked
        .problems
        .0
        .iter()
        .filter(|e| {
            e.path == path
                || e.path
                    .strip_prefix(path)
                    .is_some_and(|rest| rest.starts_with(['.', '[']))
        })
        .map(|e| e.message(lang))
        .collect()
}

/// The problems shown under a field, with the id its input points to.
fn field_problems(id: &str, messages: &[String]) -> Html {
    if messages.is_empty() {
        return Html::default();
    }
    html! {
        <ul class="field-problems" id={format!("{id}-problems")}>
            { for messages.iter().map(|m| html! { <li>{ m.clone() }</li> }) }
        </ul>
    }
}

fn described(id: &str, messages: &[String]) -> Option<AttrValue> {
    (!messages.is_empty()).then(|| AttrValue::from(format!("{id}-problems")))
}

#[function_component(Editor)]
pub fn editor(props: &EditorProps) -> Html {
    let page = props.page.clone();
    let lang = page.lang;
    // A draft with changes goes on where it was left; one without changes
    // gives way to the ladder on the page.
    let resumed = use_state(|| {
        saved_draft().filter(|s| s.draft != s.base || start_file(&page, "page").0 == s.base)
    });
    let store = {
        let page = page.clone();
        let resumed = resumed.clone();
        use_reducer(move || {
            Store(match (*resumed).clone() {
                Some(saved) => State::restored(saved),
                None => {
                    let (file, name) = start_file(&page, "page");
                    let comments = had_comments(&page, "page", &file);
                    State::new(file, name, comments)
                }
            })
        })
    };
    let resumed_other = resumed
        .as_ref()
        .is_some_and(|s| s.draft != s.base && start_file(&page, "page").0 != s.base);
    let state = &store.0;
    let dispatch = {
        let store = store.dispatcher();
        Callback::from(move |a: Action| store.dispatch(a))
    };
    // The check, drawing and findings follow every change of the draft.
    let derived = use_memo(state.file.clone(), |file| derive(&state.name, file));
    let last_ladder: Rc<RefCell<Option<Rc<Ladder>>>> = use_mut_ref(|| None);
    if let Some(l) = &derived.checked.ladder {
        *last_ladder.borrow_mut() = Some(Rc::new(l.clone()));
    }
    let root = use_node_ref();
    let focus_name = use_mut_ref(|| false);
    let show_changes = use_state(|| false);
    let copied = use_state(|| false);
    let start_choice = use_state(|| "page".to_string());
    let step_from = use_state(String::new);
    let step_to = use_state(String::new);
    let drag_from: Rc<RefCell<Option<String>>> = use_mut_ref(|| None);

    // Saved after every change; the drawing script listens; focus.
    {
        let root = root.clone();
        let focus_name = focus_name.clone();
        use_effect(move || {
            if let Some(el) = root.cast::<web_sys::Element>() {
                drawn(&el);
                if focus_name.replace(false) {
                    if let Some(input) = el
                        .query_selector("#role-name-nl")
                        .ok()
                        .flatten()
                        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
                    {
                        // Selected, so that typing replaces "Nieuwe functie".
                        let _ = input.focus();
                        input.select();
                    }
                }
            }
        });
    }
    {
        let state = state.clone();
        use_effect_with(
            (
                state.file.clone(),
                state.base.clone(),
                state.selected.clone(),
            ),
            move |_| save_draft(&state),
        );
    }
    // Focus into the editor when it opens.
    {
        let root = root.clone();
        use_effect_with((), move |_| {
            if let Some(h) = root
                .cast::<web_sys::Element>()
                .and_then(|el| el.query_selector("#editor-title").ok().flatten())
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = h.focus();
            }
        });
    }

    let close = {
        let page = page.clone();
        Callback::from(move |_| {
            let _ = page.close.call0(&JsValue::NULL);
        })
    };
    let onkeydown = {
        let dispatch = dispatch.clone();
        let close = close.clone();
        Callback::from(move |e: KeyboardEvent| {
            let key = e.key().to_lowercase();
            if (e.ctrl_key() || e.meta_key()) && (key == "z" || key == "y") {
                e.prevent_default();
                dispatch.emit(if key == "y" || e.shift_key() {
                    Action::Redo
                } else {
                    Action::Undo
                });
            } else if key == "escape" {
                // Not while a field has it (a list being chosen from).
                let in_field = e
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .is_some_and(|el| {
                        matches!(el.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA")
                    });
                if !in_field {
                    close.emit(());
                }
            }
        })
    };

    let problems = &derived.checked.problems.0;
    let apply = {
        let page = page.clone();
        let file = state.file.clone();
        let name = state.name.clone();
        Callback::from(move |_| {
            let yaml = ladder_file_to_yaml(&file);
            let _ = page.apply.call2(
                &JsValue::NULL,
                &JsValue::from_str(&yaml),
                &JsValue::from_str(&name),
            );
        })
    };
    let download = {
        let file = state.file.clone();
        let name = state.name.clone();
        let dispatch = dispatch.clone();
        Callback::from(move |_| {
            offer(&yaml_name(&name, lang), &ladder_file_to_yaml(&file));
            dispatch.emit(Action::Downloaded);
        })
    };
    let start = {
        let page = page.clone();
        let choice = start_choice.clone();
        let dispatch = dispatch.clone();
        let changed = state.changed();
        Callback::from(move |_| {
            if changed && !confirm(t(lang, T::StartAsk)) {
                return;
            }
            let (file, name) = start_file(&page, &choice);
            let had_comments = had_comments(&page, &choice, &file);
            dispatch.emit(Action::Start {
                file,
                name,
                had_comments,
            });
        })
    };
    let on_choice = {
        let choice = start_choice.clone();
        Callback::from(move |e: Event| choice.set(input_value(&e)))
    };

    let toolbar = html! {
        <div class="editor-bar">
            <h2 id="editor-title" tabindex="-1">{ t(lang, T::Title) }</h2>
            <p class="editor-file">{ tf(lang, T::Draft, &state.name) }</p>
            <div class="editor-actions">
                <button type="button" onclick={dispatch.reform(|_| Action::Undo)} disabled={state.undo.is_empty()} aria-keyshortcuts="Control+Z">{ t(lang, T::Undo) }</button>
                <button type="button" onclick={dispatch.reform(|_| Action::Redo)} disabled={state.redo.is_empty()} aria-keyshortcuts="Control+Shift+Z">{ t(lang, T::Redo) }</button>
                <button type="button" onclick={download}>{ t(lang, T::Download) }</button>
                <button type="button" aria-expanded={show_changes.to_string()} aria-controls="editor-changes" onclick={{ let s = show_changes.clone(); Callback::from(move |_| s.set(!*s)) }}>{ t(lang, T::Changes) }</button>
                <button type="button" class="primary" onclick={apply} disabled={!problems.is_empty()}>{ t(lang, T::Apply) }</button>
                <button type="button" onclick={close.reform(|_| ())}>{ t(lang, T::Close) }</button>
            </div>
            <div class="editor-start">
                <label for="editor-start">{ t(lang, T::StartWith) }</label>
                <select id="editor-start" onchange={on_choice}>
                    { for [("page", T::FromPage), ("groeit", T::Example), ("vlak", T::ExampleFlat), ("empty", T::Empty), ("starter", T::Starter)].into_iter().map(|(v, k)| html! {
                        <option value={v} selected={*start_choice == v}>{ t(lang, k) }</option>
                    }) }
                </select>
                <button type="button" onclick={start}>{ t(lang, T::Start) }</button>
            </div>
            if !problems.is_empty() { <p class="hint">{ t(lang, T::ApplyHint) }</p> }
            if let Some(why) = &state.refused {
                <p class="refused" role="alert">{ format!("{}: {}", t(lang, T::Refused), why.message(lang)) }</p>
            }
            if state.had_comments { <p class="hint">{ t(lang, T::CommentsLost) }</p> }
            if resumed_other && state.changed() { <p class="note" role="status">{ t(lang, T::Resumed) }</p> }
        </div>
    };

    // The drawing: the draft's, or the last one without problems.
    let drawing = {
        let shown = derived
            .checked
            .ladder
            .as_ref()
            .map(|l| Rc::new(l.clone()))
            .or_else(|| last_ladder.borrow().clone());
        let options = DrawOptions {
            lang,
            selected: state.selected.clone(),
            highlighted: Default::default(),
            standalone: false,
        };
        let onclick = {
            let dispatch = dispatch.clone();
            Callback::from(move |e: MouseEvent| {
                if let Some(id) = role_at(&e) {
                    dispatch.emit(Action::Select(Some(id)));
                }
            })
        };
        let onkeydown = {
            let dispatch = dispatch.clone();
            Callback::from(move |e: KeyboardEvent| {
                if e.key() == "Enter" || e.key() == " " {
                    if let Some(id) = role_at(&e) {
                        e.prevent_default();
                        dispatch.emit(Action::Select(Some(id)));
                    }
                }
            })
        };
        let onpointerdown = {
            let drag = drag_from.clone();
            Callback::from(move |e: PointerEvent| {
                *drag.borrow_mut() = role_at(&e);
                mark_drag(role_element(&e).as_ref());
            })
        };
        let onpointerup = {
            let drag = drag_from.clone();
            let dispatch = dispatch.clone();
            let file = state.file.clone();
            Callback::from(move |e: PointerEvent| {
                mark_drag(None);
                let Some(from) = drag.borrow_mut().take() else {
                    return;
                };
                if let Some(to) = role_at_point(e.client_x(), e.client_y()) {
                    if to != from {
                        dispatch.emit(Action::Edit(edit::add_transition(&file, &from, &to)));
                    }
                }
            })
        };
        let svg = shown
            .as_ref()
            .map(|l| to_html(&ladder_svg(l, &options)))
            .unwrap_or_default();
        html! {
            <section class="editor-drawing" aria-labelledby="editor-drawing-h">
                <h3 id="editor-drawing-h">{ t(lang, T::Drawing) }</h3>
                <p class="hint">{ t(lang, T::DragHint) }</p>
                if derived.checked.ladder.is_none() && shown.is_some() {
                    <p class="hint">{ t(lang, T::LastValid) }</p>
                }
                <div class="ladder-frame">
                    <div class="ladder-tools" role="group" aria-label={t(lang, T::DrawingTools)}>
                        <button type="button" data-zoom-by="0.8">{ t(lang, T::ZoomOut) }</button>
                        <button type="button" data-zoom-by="1.25">{ t(lang, T::ZoomIn) }</button>
                        <button type="button" data-zoom-by="0">{ t(lang, T::ZoomFit) }</button>
                    </div>
                    <div class="ladder-wrap" {onclick} {onkeydown} {onpointerdown} {onpointerup}>{ svg }</div>
                </div>
            </section>
        }
    };

    let checks = html! {
        <section class="editor-checks" aria-labelledby="editor-problems-h">
            <h3 id="editor-problems-h">{ format!("{} ({})", t(lang, T::Problems), problems.len()) }</h3>
            if problems.is_empty() {
                <p class="ok">{ t(lang, T::NoProblems) }</p>
            } else {
                <ul class="problems">
                    { for problems.iter().map(|p| html! { <li>{ p.message(lang) }</li> }) }
                </ul>
            }
            if !derived.checked.warnings.0.is_empty() {
                <h4>{ t(lang, T::Warnings) }</h4>
                <ul class="warnings">
                    { for derived.checked.warnings.0.iter().map(|p| html! { <li>{ p.message(lang) }</li> }) }
                </ul>
            }
            <h3>{ format!("{} ({})", t(lang, T::Findings), derived.findings.len()) }</h3>
            if derived.findings.is_empty() {
                <p>{ t(lang, T::NoFindings) }</p>
            } else {
                <ul class="findings">
                    { for derived.findings.iter().map(|f| html! { <li class={format!("finding {}", format!("{:?}", f.severity).to_lowercase())}>{ f.message.get(lang) }</li> }) }
                </ul>
            }
        </section>
    };

    let changes = if *show_changes {
        let list = diff::diff(&state.base, &state.file);
        let lines: Vec<String> = list.iter().map(|c| c.describe(lang)).collect();
        let text = format!("{}\n\n{}", diff::count(&list, lang), lines.join("\n"));
        let copy = {
            let copied = copied.clone();
            Callback::from(move |_| {
                if let Some(w) = web_sys::window() {
                    let _ = w.navigator().clipboard().write_text(&text);
                    copied.set(true);
                }
            })
        };
        html! {
            <section id="editor-changes" class="editor-changes" aria-labelledby="editor-changes-h">
                <h3 id="editor-changes-h">{ t(lang, T::Changes) }</h3>
                <p class="hint">{ format!("{}: {}", t(lang, T::ChangesSince), diff::count(&list, lang)) }</p>
                if lines.is_empty() {
                    <p>{ t(lang, T::NoChanges) }</p>
                } else {
                    <ol>{ for lines.iter().map(|l| html! { <li>{ l.clone() }</li> }) }</ol>
                }
                <div class="editor-actions">
                    <button type="button" onclick={copy}>{ t(lang, T::Copy) }</button>
                    <button type="button" onclick={Callback::from(|_| { if let Some(w) = web_sys::window() { let _ = w.print(); } })}>{ t(lang, T::Print) }</button>
                    if *copied { <span role="status">{ t(lang, T::Copied) }</span> }
                </div>
            </section>
        }
    } else {
        Html::default()
    };

    let ctx = Ctx {
        lang,
        file: state.file.clone(),
        derived: derived.clone(),
        dispatch: dispatch.clone(),
        unread: state.unread.clone(),
    };
    let roles_list = {
        let on_select = {
            let dispatch = dispatch.clone();
            Callback::from(move |e: Event| {
                let v = input_value(&e);
                dispatch.emit(Action::Select((!v.is_empty()).then_some(v)));
            })
        };
        let add = {
            let dispatch = dispatch.clone();
            let focus = focus_name.clone();
            Callback::from(move |_| {
                *focus.borrow_mut() = true;
                dispatch.emit(Action::AddRole);
            })
        };
        let sel = state.selected.clone().unwrap_or_default();
        html! {
            <section class="editor-roles" aria-labelledby="editor-roles-h">
                <h3 id="editor-roles-h">{ format!("{} ({})", t(lang, T::Roles), state.file.roles.len()) }</h3>
                <div class="row">
                    <label for="role-pick">{ t(lang, T::Role) }</label>
                    <select id="role-pick" onchange={on_select}>
                        <option value="" selected={sel.is_empty()}>{ "—" }</option>
                        { for state.file.roles.iter().map(|r| html! {
                            <option value={r.id.clone()} selected={r.id == sel}>{ format!("{} ({})", r.name.get(lang), r.id) }</option>
                        }) }
                    </select>
                    <button type="button" id="add-role" onclick={add}>{ t(lang, T::AddRole) }</button>
                </div>
                if state.file.roles.is_empty() { <p class="hint">{ t(lang, T::NoRole) }</p> }
            </section>
        }
    };
    let role = state
        .selected
        .as_ref()
        .and_then(|id| state.file.roles.iter().position(|r| &r.id == id))
        .map(|i| role_form(&ctx, i, &step_from))
        .unwrap_or_default();
    let steps = steps_form(&ctx, state.selected.as_deref(), &step_from, &step_to);
    let organisation = organisation_form(&ctx);

    html! {
        <div class={classes!("editor", show_changes.then_some("print-changes"))} ref={root} {onkeydown}
             role="dialog" aria-modal="true" aria-labelledby="editor-title">
            { toolbar }
            { changes }
            <div class="editor-main">
                <div class="editor-left">
                    { drawing }
                    { checks }
                </div>
                <div class="editor-right">
                    { roles_list }
                    { role }
                    { steps }
                    { organisation }
                </div>
            </div>
        </div>
    }
}

fn confirm(text: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.confirm_with_message(text).ok())
        .unwrap_or(false)
}

/// Offers `text` as a YAML file download.
fn offer(name: &str, text: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/yaml;charset=utf-8");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Some(a) = gloo::utils::document()
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

/// What the forms need.
struct Ctx {
    lang: Lang,
    file: Rc<LadderFile>,
    derived: Rc<Derived>,
    dispatch: Callback<Action>,
    /// Text typed that does not read yet (a number, requirements), by field.
    unread: BTreeMap<String, Bilingual>,
}

impl Ctx {
    /// A callback that types into `field`: `make` turns the text into an
    /// edit of the draft as it is then, or says why it does not read.
    fn typing(
        &self,
        field: String,
        make: impl Fn(&str, &LadderFile) -> Result<Edit, Bilingual> + 'static,
    ) -> Callback<InputEvent> {
        let dispatch = self.dispatch.clone();
        let make = Make(Rc::new(make));
        Callback::from(move |e: InputEvent| {
            dispatch.emit(Action::Typed {
                field: field.clone(),
                text: input_value(&e),
                make: make.clone(),
            })
        })
    }

    /// A callback for a choice (a list or a box): one step each.
    fn choice(&self, make: impl Fn(&Event) -> Option<Edit> + 'static) -> Callback<Event> {
        let dispatch = self.dispatch.clone();
        Callback::from(move |e: Event| {
            if let Some(edit) = make(&e) {
                dispatch.emit(Action::Edit(edit));
            }
        })
    }

    /// The problems of the file at `path` and of the text typed in `field`.
    fn at(&self, path: &str, field: &str) -> Vec<String> {
        let mut out = problems_at(&self.derived, self.lang, path);
        if let Some(why) = self.unread.get(field).filter(|w| !w.nl.is_empty()) {
            out.push(why.get(self.lang).to_string());
        }
        out
    }
}

fn not_a_number(lang_free: &str) -> Bilingual {
    Bilingual::new(
        format!("'{lang_free}' is geen getal"),
        format!("'{lang_free}' is not a number"),
    )
}

/// A text field with its label and problems.
fn text_field(
    id: &str,
    label: &str,
    value: &str,
    oninput: Callback<InputEvent>,
    problems: &[String],
    long: bool,
) -> Html {
    let described = described(id, problems);
    let invalid = (!problems.is_empty()).then_some("true");
    html! {
        <div class="field">
            <label for={id.to_string()}>{ label }</label>
            if long {
                <textarea id={id.to_string()} value={value.to_string()} {oninput} aria-describedby={described} aria-invalid={invalid} rows="3" />
            } else {
                <input id={id.to_string()} type="text" value={value.to_string()} {oninput} aria-describedby={described} aria-invalid={invalid} />
            }
            { field_problems(id, problems) }
        </div>
    }
}

fn number_field(
    id: &str,
    label: &str,
    value: String,
    oninput: Callback<InputEvent>,
    problems: &[String],
) -> Html {
    let described = described(id, problems);
    let invalid = (!problems.is_empty()).then_some("true");
    html! {
        <div class="field number">
            <label for={id.to_string()}>{ label }</label>
            <input id={id.to_string()} type="text" inputmode="decimal" {value} {oninput} aria-describedby={described} aria-invalid={invalid} />
            { field_problems(id, problems) }
        </div>
    }
}

fn select_field(
    id: &str,
    label: &str,
    options: Vec<(String, String)>,
    value: &str,
    onchange: Callback<Event>,
    problems: &[String],
) -> Html {
    let described = described(id, problems);
    html! {
        <div class="field">
            <label for={id.to_string()}>{ label }</label>
            <select id={id.to_string()} {onchange} aria-describedby={described}>
                { for options.into_iter().map(|(v, l)| html! { <option selected={v == value} value={v.clone()}>{ l }</option> }) }
            </select>
            { field_problems(id, problems) }
        </div>
    }
}

fn set_role(id: &str, field: RoleField) -> Edit {
    Edit::SetRole {
        id: id.to_string(),
        field,
    }
}

/// The role at `i` of `file`.
fn at(file: &LadderFile, i: usize) -> Result<&RoleFile, Bilingual> {
    file.roles.get(i).ok_or_else(gone)
}

/// A role gone meanwhile (nothing to say at a field).
fn gone() -> Bilingual {
    Bilingual::new("", "")
}

/// The form of the role at `i`.
fn role_form(ctx: &Ctx, i: usize, step_from: &UseStateHandle<String>) -> Html {
    let lang = ctx.lang;
    let role: &RoleFile = &ctx.file.roles[i];
    let id = role.id.clone();
    let path = format!("roles[{i}]");
    let key = |f: &str| format!("{f}@{i}");
    // Typed text makes its edit from the draft as it is when it arrives:
    // the role is the one at `i` then.
    let name_nl = ctx.typing(key("name-nl"), move |text, f| {
        let id = at(f, i)?.id.clone();
        edit::set_dutch_name(f, &id, text).ok_or_else(gone)
    });
    let name_en = ctx.typing(key("name-en"), move |text, f| {
        let r = at(f, i)?;
        Ok(set_role(
            &r.id,
            RoleField::Name(Bilingual::new(r.name.nl.clone(), text)),
        ))
    });
    let id_input = ctx.typing(key("id"), move |text, f| {
        Ok(Edit::RenameRole {
            id: at(f, i)?.id.clone(),
            new_id: text.trim().to_string(),
        })
    });
    let level = {
        let id = id.clone();
        ctx.choice(move |e| {
            Level::parse(&input_value(e)).map(|l| set_role(&id, RoleField::Level(l)))
        })
    };
    let education = {
        let id = id.clone();
        ctx.choice(move |e| {
            Education::parse(&input_value(e)).map(|v| set_role(&id, RoleField::Education(v)))
        })
    };
    let manages = {
        let id = id.clone();
        ctx.choice(move |e| Some(set_role(&id, RoleField::ManagesPeople(checked_box(e)))))
    };
    let entry = {
        let id = id.clone();
        ctx.choice(move |e| {
            let v = match input_value(e).as_str() {
                "yes" => Some(true),
                "no" => Some(false),
                _ => None,
            };
            Some(set_role(&id, RoleField::Entry(v)))
        })
    };
    let scale = |max: bool| {
        ctx.typing(
            key(if max { "scale-max" } else { "scale-min" }),
            move |text, f| {
                let n = text.trim().parse::<u8>().map_err(|_| not_a_number(text))?;
                let r = at(f, i)?;
                let scale = if max {
                    ScaleFile { max: n, ..r.scale }
                } else {
                    ScaleFile { min: n, ..r.scale }
                };
                Ok(set_role(&r.id, RoleField::Scale(scale)))
            },
        )
    };
    let competencies = ctx.typing(key("competencies"), move |text, f| {
        let list = doorgroei::edit::parse_competencies(text);
        Ok(set_role(&at(f, i)?.id, RoleField::Competencies(list)))
    });
    let description = |en: bool| {
        ctx.typing(
            key(if en { "desc-en" } else { "desc-nl" }),
            move |text, f| {
                let r = at(f, i)?;
                let now = r.description.clone().unwrap_or_default();
                let d = if en {
                    Bilingual::new(now.nl, text)
                } else {
                    Bilingual::new(text, now.en)
                };
                let d = (!(d.nl.is_empty() && d.en.is_empty())).then_some(d);
                Ok(set_role(&r.id, RoleField::Description(d)))
            },
        )
    };
    let sum: u32 = role.mix.values().map(|&p| u32::from(p)).sum();
    let mix_fields = Track::ALL.iter().map(|&track| {
        let field_id = format!("role-mix-{}", track.as_str());
        let oninput = ctx.typing(key(&field_id), move |text, f| {
            let n = if text.trim().is_empty() {
                0
            } else {
                text.trim().parse::<u8>().map_err(|_| not_a_number(text))?
            };
            let r = at(f, i)?;
            let mut mix = r.mix.clone();
            if n == 0 {
                mix.remove(&track);
            } else {
                mix.insert(track, n);
            }
            Ok(set_role(&r.id, RoleField::Mix(mix)))
        });
        let value = role
            .mix
            .get(&track)
            .map(|p| p.to_string())
            .unwrap_or_default();
        number_field(
            &field_id,
            track.label(lang),
            value,
            oninput,
            &ctx.at("", &key(&field_id)),
        )
    });
    let steps = edit::transitions_of(&ctx.file, &id).len();
    let steps_noun = doorgroei::i18n::Noun::new(["overgang", "overgangen"], ["step", "steps"]);
    let remove = {
        let (file, id) = (ctx.file.clone(), id.clone());
        ctx.dispatch
            .reform(move |_| Action::Edit(edit::remove_role(&file, &id)))
    };
    let duplicate = {
        let id = id.clone();
        ctx.dispatch.reform(move |_| Action::Duplicate(id.clone()))
    };
    // The keyboard's way to draw a step from this role: the add form,
    // from here, the list of where to ready.
    let step_here = {
        let (h, id) = (step_from.clone(), id.clone());
        Callback::from(move |_| {
            h.set(id.clone());
            if let Some(to) = gloo::utils::document()
                .get_element_by_id("add-step-to")
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = to.focus();
            }
        })
    };
    let name = role.name.get(lang).to_string();
    let levels: Vec<(String, String)> = Level::ALL
        .iter()
        .map(|l| (l.as_str().into(), l.label(lang).into()))
        .collect();
    let educations: Vec<(String, String)> = Education::ALL
        .iter()
        .map(|l| (l.as_str().into(), l.label(lang).into()))
        .collect();
    let entry_now = match role.entry {
        Some(true) => "yes",
        Some(false) => "no",
        None => "",
    };
    html! {
        <section class="editor-role" aria-labelledby="role-h">
            <h3 id="role-h">{ tf(lang, T::RoleForm, &name) }</h3>
            { text_field("role-name-nl", t(lang, T::NameNl), &role.name.nl, name_nl, &ctx.at(&format!("{path}.name"), &key("name-nl")), false) }
            { text_field("role-name-en", t(lang, T::NameEn), &role.name.en, name_en, &[], false) }
            { text_field("role-id", t(lang, T::Id), &role.id, id_input, &ctx.at(&format!("{path}.id"), &key("id")), false) }
            <p class="hint">{ t(lang, T::IdHint) }</p>
            { select_field("role-level", t(lang, T::Level), levels, role.level.as_str(), level, &ctx.at(&format!("{path}.level"), "")) }
            <fieldset class="mix">
                <legend>{ t(lang, T::Mix) }</legend>
                <div class="mix-fields">{ for mix_fields }</div>
                <p class={classes!("sum", (sum != 100).then_some("off"))} aria-live="polite">{ tf(lang, T::MixSum, &sum.to_string()) }</p>
                { field_problems("role-mix", &problems_at(&ctx.derived, lang, &format!("{path}.mix"))) }
            </fieldset>
            <div class="pair">
                { number_field("role-scale-min", t(lang, T::ScaleMin), role.scale.min.to_string(), scale(false), &ctx.at(&format!("{path}.scale"), &key("scale-min"))) }
                { number_field("role-scale-max", t(lang, T::ScaleMax), role.scale.max.to_string(), scale(true), &ctx.at("", &key("scale-max"))) }
            </div>
            { select_field("role-education", t(lang, T::Education), educations, role.education.as_str(), education, &ctx.at(&format!("{path}.education"), "")) }
            <div class="field check">
                <input id="role-manages" type="checkbox" checked={role.manages_people} onchange={manages} />
                <label for="role-manages">{ t(lang, T::ManagesPeople) }</label>
            </div>
            { select_field("role-entry", t(lang, T::Entry), vec![("".into(), t(lang, T::EntryByLevel).into()), ("yes".into(), t(lang, T::Yes).into()), ("no".into(), t(lang, T::No).into())], entry_now, entry, &[]) }
            { text_field("role-competencies", &format!("{} ({})", t(lang, T::Competencies), t(lang, T::OnePerLine)), &doorgroei::edit::competencies_text(&role.competencies, lang), competencies, &ctx.at(&format!("{path}.competencies"), ""), true) }
            { text_field("role-desc-nl", t(lang, T::DescriptionNl), role.description.as_ref().map(|d| d.nl.as_str()).unwrap_or(""), description(false), &ctx.at(&format!("{path}.description"), ""), true) }
            { text_field("role-desc-en", t(lang, T::DescriptionEn), role.description.as_ref().map(|d| d.en.as_str()).unwrap_or(""), description(true), &[], true) }
            <p class="hint">{ tf(lang, T::RemoveRoleNote, &steps_noun.count(steps as u64, lang)) }</p>
            <div class="editor-actions">
                <button type="button" onclick={step_here}>{ tf(lang, T::StepFrom, &name) }</button>
                <button type="button" onclick={duplicate}>{ tf(lang, T::Duplicate, &name) }</button>
                <button type="button" class="danger" onclick={remove}>{ tf(lang, T::RemoveRole, &name) }</button>
            </div>
        </section>
    }
}

/// The steps from and to the selected role, and the form that adds one.
fn steps_form(
    ctx: &Ctx,
    selected: Option<&str>,
    from: &UseStateHandle<String>,
    to: &UseStateHandle<String>,
) -> Html {
    let lang = ctx.lang;
    let file = &ctx.file;
    let role_options = |extra: &str| {
        let mut list: Vec<(String, String)> = file
            .roles
            .iter()
            .map(|r| (r.id.clone(), r.name.get(lang).to_string()))
            .collect();
        if !extra.is_empty() && !file.roles.iter().any(|r| r.id == extra) {
            list.push((extra.to_string(), extra.to_string()));
        }
        list
    };
    let name_of = |id: &str| {
        file.roles
            .iter()
            .find(|r| r.id == id)
            .map(|r| r.name.get(lang).to_string())
            .unwrap_or_else(|| id.to_string())
    };
    let indexes = selected
        .map(|id| edit::transitions_of(file, id))
        .unwrap_or_default();
    let items = indexes.iter().map(|&i| {
        let tr = &file.transitions[i];
        let path = format!("transitions[{i}]");
        let key = |f: &str| format!("step-{f}@{i}");
        let set = move |field: TransitionField| Edit::SetTransition { index: i, field };
        let from_c = ctx.choice(move |e| Some(set(TransitionField::From(input_value(e)))));
        let to_c = ctx.choice(move |e| Some(set(TransitionField::To(input_value(e)))));
        let kind_c = ctx.choice(move |e| TransitionKind::parse(&input_value(e)).map(|k| set(TransitionField::Kind(k))));
        let years = ctx.typing(key("years"), move |text, _| {
            let n = if text.trim().is_empty() { 0.0 } else { number(text).ok_or_else(|| not_a_number(text))? };
            Ok(set(TransitionField::MinYears(n)))
        });
        let reqs = ctx.typing(key("reqs"), move |text, _| Ok(set(TransitionField::Requirements(edit::parse_requirements(text)?))));
        let kinds: Vec<(String, String)> = TransitionKind::ALL.iter().map(|k| (k.as_str().into(), k.label(lang).into())).collect();
        let title = format!("{} → {}", name_of(&tr.from), name_of(&tr.to));
        let id = |f: &str| format!("step{i}-{f}");
        html! {
            <li key={i}>
                <fieldset>
                    <legend>{ tf(lang, T::Step, &title) }</legend>
                    <div class="pair">
                        { select_field(&id("from"), t(lang, T::From), role_options(&tr.from), &tr.from, from_c, &ctx.at(&format!("{path}.from"), "")) }
                        { select_field(&id("to"), t(lang, T::To), role_options(&tr.to), &tr.to, to_c, &ctx.at(&format!("{path}.to"), "")) }
                    </div>
                    <div class="pair">
                        { select_field(&id("kind"), t(lang, T::Kind), kinds, tr.kind.as_str(), kind_c, &ctx.at(&format!("{path}.kind"), "")) }
                        { number_field(&id("years"), t(lang, T::MinYears), doorgroei::i18n::decimal(tr.min_years, lang), years, &ctx.at(&format!("{path}.min_years"), &key("years"))) }
                    </div>
                    { text_field(&id("reqs"), &format!("{} ({})", t(lang, T::Requirements), t(lang, T::RequirementsHint)), &edit::requirements_text(&tr.requirements, lang), reqs, &ctx.at(&format!("{path}.requirements"), &key("reqs")), true) }
                    <button type="button" class="danger" onclick={ctx.dispatch.reform(move |_| Action::Edit(Edit::RemoveTransition { index: i }))}>{ tf(lang, T::RemoveStep, &title) }</button>
                </fieldset>
            </li>
        }
    });
    // The add form: from the selected role unless another was chosen.
    let first = file.roles.first().map(|r| r.id.clone()).unwrap_or_default();
    let pick = |h: &UseStateHandle<String>, fallback: &str| {
        if file.roles.iter().any(|r| r.id == **h) {
            (**h).clone()
        } else {
            fallback.to_string()
        }
    };
    let from_now = pick(from, selected.unwrap_or(&first));
    let to_default = file
        .roles
        .iter()
        .find(|r| r.id != from_now)
        .map(|r| r.id.clone())
        .unwrap_or_default();
    let to_now = pick(to, &to_default);
    let set_from = {
        let h = from.clone();
        Callback::from(move |e: Event| h.set(input_value(&e)))
    };
    let set_to = {
        let h = to.clone();
        Callback::from(move |e: Event| h.set(input_value(&e)))
    };
    let add = {
        let (file, f, tt) = (ctx.file.clone(), from_now.clone(), to_now.clone());
        ctx.dispatch
            .reform(move |_| Action::Edit(edit::add_transition(&file, &f, &tt)))
    };
    let heading = match selected {
        Some(id) => tf(lang, T::TransitionsOf, &name_of(id)),
        None => t(lang, T::Transitions).to_string(),
    };
    html! {
        <section class="editor-steps" aria-labelledby="steps-h">
            <h3 id="steps-h">{ heading }</h3>
            if selected.is_some() && indexes.is_empty() { <p class="hint">{ t(lang, T::NoTransitions) }</p> }
            <ul class="steps-list">{ for items }</ul>
            <fieldset class="add-step">
                <legend>{ t(lang, T::AddStep) }</legend>
                <div class="pair">
                    { select_field("add-step-from", t(lang, T::From), role_options(""), &from_now, set_from, &[]) }
                    { select_field("add-step-to", t(lang, T::To), role_options(""), &to_now, set_to, &[]) }
                </div>
                <button type="button" id="add-step" onclick={add} disabled={file.roles.len() < 2 || from_now == to_now}>{ t(lang, T::AddStep) }</button>
                <p class="hint">{ t(lang, T::AddStepHint) }</p>
            </fieldset>
        </section>
    }
}

/// The organisation's fields.
fn organisation_form(ctx: &Ctx) -> Html {
    let lang = ctx.lang;
    let file = &ctx.file;
    let set = |field: LadderField| Edit::SetLadder { field };
    let org = ctx.typing("org".into(), move |text, _| {
        Ok(set(LadderField::Organisation(text.to_string())))
    });
    let description = |en: bool| {
        ctx.typing(
            if en { "org-desc-en" } else { "org-desc-nl" }.into(),
            move |text, f| {
                let now = f.description.clone().unwrap_or_default();
                let d = if en {
                    Bilingual::new(now.nl, text)
                } else {
                    Bilingual::new(text, now.en)
                };
                Ok(set(LadderField::Description(
                    (!(d.nl.is_empty() && d.en.is_empty())).then_some(d),
                )))
            },
        )
    };
    let reference = ctx.typing("pay-ref".into(), move |text, _| {
        Ok(set(LadderField::PayReference(
            (!text.trim().is_empty()).then(|| text.to_string()),
        )))
    });
    let scales = file.pay_scales.clone();
    let rows = scales.iter().enumerate().map(|(i, p)| {
        let cell = |what: u8| {
            ctx.typing(format!("pay-{what}@{i}"), move |text, f| {
                let n = text.trim().parse::<u32>().map_err(|_| not_a_number(text))?;
                let mut list = f.pay_scales.clone();
                if i >= list.len() {
                    return Err(gone());
                }
                match what {
                    0 => list[i].scale = u8::try_from(n).map_err(|_| not_a_number(text))?,
                    1 => list[i].min = n,
                    _ => list[i].max = n,
                }
                Ok(set(LadderField::PayScales(list)))
            })
        };
        let remove = {
            let mut list = scales.clone();
            list.remove(i);
            ctx.dispatch.reform(move |_| Action::Edit(set(LadderField::PayScales(list.clone()))))
        };
        let problems = ctx.at(&format!("pay_scales[{i}]"), "");
        let label = |k: T| format!("{} {}", t(lang, k), i + 1);
        html! {
            <tr key={i}>
                <td><input type="text" inputmode="numeric" aria-label={label(T::ScaleNumber)} value={p.scale.to_string()} oninput={cell(0)} /></td>
                <td><input type="text" inputmode="numeric" aria-label={label(T::PayMin)} value={p.min.to_string()} oninput={cell(1)} /></td>
                <td><input type="text" inputmode="numeric" aria-label={label(T::PayMax)} value={p.max.to_string()} oninput={cell(2)} /></td>
                <td>
                    <button type="button" onclick={remove}>{ tf(lang, T::RemovePayScale, &p.scale.to_string()) }</button>
                    { field_problems(&format!("pay{i}"), &problems) }
                </td>
            </tr>
        }
    });
    let add_scale = {
        let mut list = scales.clone();
        let next = list
            .last()
            .map(|p| PayScaleFile {
                scale: p.scale.saturating_add(1),
                min: p.max,
                max: p.max + p.max.saturating_sub(p.min),
            })
            .unwrap_or(PayScaleFile {
                scale: 6,
                min: 2774,
                max: 3485,
            });
        list.push(next);
        ctx.dispatch
            .reform(move |_| Action::Edit(set(LadderField::PayScales(list.clone()))))
    };
    let part = file.part_time.clone();
    let part_on = ctx.choice(move |e| {
        Some(set(LadderField::PartTime(checked_box(e).then_some(
            PartTimeFile {
                full_time_hours: 36.0,
                stretch_min_years: true,
            },
        ))))
    });
    let hours = ctx.typing("hours".into(), move |text, f| {
        let n = number(text).ok_or_else(|| not_a_number(text))?;
        Ok(set(LadderField::PartTime(Some(PartTimeFile {
            full_time_hours: n,
            ..f.part_time.clone().unwrap_or(PartTimeFile {
                full_time_hours: 36.0,
                stretch_min_years: true,
            })
        }))))
    });
    let now = part.clone();
    let stretch = ctx.choice(move |e| {
        now.clone().map(|p| {
            set(LadderField::PartTime(Some(PartTimeFile {
                stretch_min_years: checked_box(e),
                ..p
            })))
        })
    });
    html! {
        <section class="editor-org" aria-labelledby="org-h">
            <h3 id="org-h">{ t(lang, T::Organisation) }</h3>
            { text_field("org-name", t(lang, T::OrgName), &file.organisation, org, &ctx.at("organisation", "org"), false) }
            { text_field("org-desc-nl", t(lang, T::DescriptionNl), file.description.as_ref().map(|d| d.nl.as_str()).unwrap_or(""), description(false), &ctx.at("description", ""), true) }
            { text_field("org-desc-en", t(lang, T::DescriptionEn), file.description.as_ref().map(|d| d.en.as_str()).unwrap_or(""), description(true), &[], true) }
            { text_field("org-pay-ref", t(lang, T::PayReference), file.pay_reference.as_deref().unwrap_or(""), reference, &ctx.at("pay_reference", ""), true) }
            <table class="pay-scales">
                <caption>{ t(lang, T::PayScales) }</caption>
                <thead><tr>
                    <th scope="col">{ t(lang, T::ScaleNumber) }</th>
                    <th scope="col">{ t(lang, T::PayMin) }</th>
                    <th scope="col">{ t(lang, T::PayMax) }</th>
                    <th scope="col"><span class="visually-hidden">{ t(lang, T::RemovePayScale).replace(" {}", "").replace("{} ", "") }</span></th>
                </tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
            <button type="button" onclick={add_scale}>{ t(lang, T::AddPayScale) }</button>
            <div class="field check">
                <input id="org-part-time" type="checkbox" checked={part.is_some()} onchange={part_on} />
                <label for="org-part-time">{ t(lang, T::PartTime) }</label>
            </div>
            if let Some(p) = part {
                <div class="pair">
                    { number_field("org-hours", t(lang, T::FullTimeHours), doorgroei::i18n::decimal(p.full_time_hours, lang), hours, &ctx.at("part_time", "hours")) }
                    <div class="field check">
                        <input id="org-stretch" type="checkbox" checked={p.stretch_min_years} onchange={stretch} />
                        <label for="org-stretch">{ t(lang, T::Stretch) }</label>
                    </div>
                </div>
            }
        </section>
    }
}
