//! The small views the rooms share: problem boxes, "busy" lines, input
//! values and paging. A room in a module of its own (`web/calendar`) takes
//! this file in as its `widgets`, without the ladder drawing.

use doorgroei::error::Report;
use doorgroei::Lang;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::i18n::{t, T};

/// The problems of a file that failed to load, one `file:line:col` line each.
pub fn errors_box(
    lang: Lang,
    title: &str,
    errors: &Report,
    on_dismiss: Callback<MouseEvent>,
) -> Html {
    report_box(lang, title, errors, on_dismiss, false)
}

/// The warnings about a file that did load: things it allows but that are
/// probably mistakes, one `file:line:col` line each.
pub fn warnings_box(
    lang: Lang,
    title: &str,
    warnings: &Report,
    on_dismiss: Callback<MouseEvent>,
) -> Html {
    report_box(lang, title, warnings, on_dismiss, true)
}

fn report_box(
    lang: Lang,
    title: &str,
    errors: &Report,
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

/// "Reading the file: …" (or another `what`) with a progress bar while
/// the worker is at it.
pub fn busy(lang: Lang, what: T, name: &str) -> Html {
    let text = if name.is_empty() {
        format!(" {}", t(lang, what))
    } else {
        format!(" {} {name}", t(lang, what))
    };
    html! {
        <p class="busy" role="status">
            <progress aria-label={t(lang, what)}></progress>
            { text }
        </p>
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

/// Shows `text` in the input an event came from. Yew sets a field's value
/// only when the drawn value changes, so a field whose confirmed value reads
/// the same as before the typing (or whose draw is batched with the typing)
/// would keep what was typed; a confirmed setting writes its own text.
#[allow(dead_code)] // The rooms' modules use it; the page has no such field.
pub fn show_value(e: &Event, text: &str) {
    if let Some(input) = e
        .target()
        .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
    {
        if input.value() != text {
            input.set_value(text);
        }
    }
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
