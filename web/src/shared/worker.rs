//! The page's worker (`worker.js`): the files the user opens are read
//! there (the `doorgroei_files` module), the matching and the schedule are
//! worked out there (the `doorgroei_planner` module), and the scan, a
//! profile's reading and the growth plan (the `doorgroei_growth` module).
//! It starts the first time the page needs
//! it, and loads each module the first time a request needs it.
//!
//! A request is a [`doorgroei::exchange::Request`], sent as JSON text with
//! its number and the name of the module that answers it
//! ([`doorgroei::exchange::Request::module`]); the worker answers `[number, reply]` (or `[number, null,
//! error]`), and the reply goes to the callback that waits for that
//! number. Neither side's glue knows a request's fields.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use doorgroei::error::Report;
use doorgroei::exchange::{Reply, Request};
use doorgroei::Bilingual;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use yew::Callback;

/// The number of a request: one counter for the whole page, so every
/// answer finds the one callback that waits for it.
pub type RequestId = u32;

struct Running {
    worker: web_sys::Worker,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

thread_local! {
    static WORKER: RefCell<Option<Running>> = const { RefCell::new(None) };
    /// The requests sent and not answered yet.
    static WAITING: RefCell<Vec<(RequestId, Callback<Reply>)>> = const { RefCell::new(Vec::new()) };
    /// The last request's number.
    static LAST: Cell<RequestId> = const { Cell::new(0) };
    /// The worker failed as a whole (its script did not load): the next
    /// request starts a new one.
    static BROKEN: Cell<bool> = const { Cell::new(false) };
}

/// Sends `request` to the worker, started if need be. `on_reply` gets its
/// answer, or [`Reply::Failed`] with the reason there is none, always
/// later than this call: never inside the event that asked.
pub fn post(request: &Request, on_reply: Callback<Reply>) -> RequestId {
    let id = LAST.get().wrapping_add(1);
    LAST.set(id);
    WAITING.with(|w| w.borrow_mut().push((id, on_reply)));
    let text = serde_json::to_string(request).unwrap_or_default();
    let message = js_sys::Array::of3(
        &JsValue::from(id),
        &JsValue::from(request.module().name()),
        &JsValue::from(text),
    );
    if let Err(e) = send(&message) {
        let reason = format!("the worker did not start: {}", js_message(&e));
        later(move || settle(id, Reply::Failed(reason)));
    }
    id
}

fn send(message: &JsValue) -> Result<(), JsValue> {
    WORKER.with(|slot| {
        let mut slot = slot.borrow_mut();
        if slot.is_none() || BROKEN.replace(false) {
            restart(&mut slot)?;
        }
        match slot.as_ref() {
            Some(running) => running.worker.post_message(message),
            None => Err(JsValue::from_str("no worker")),
        }
    })
}

/// Ends the worker there is, if any, and starts a new one.
fn restart(slot: &mut Option<Running>) -> Result<(), JsValue> {
    if let Some(old) = slot.take() {
        old.worker.terminate();
    }
    *slot = Some(start()?);
    Ok(())
}

/// Hands `reply` to the callback waiting for request `id`, if any.
fn settle(id: RequestId, reply: Reply) {
    if let Reply::Failed(reason) = &reply {
        gloo::console::warn!(format!("doorgroei worker: {reason}"));
    }
    let waiting = WAITING.with(|w| {
        let mut w = w.borrow_mut();
        let at = w.iter().position(|(i, _)| *i == id)?;
        Some(w.remove(at).1)
    });
    if let Some(on_reply) = waiting {
        on_reply.emit(reply);
    }
}

/// Every request still waiting gets [`Reply::Failed`]: the worker failed.
fn fail_all(reason: &str) {
    let waiting = WAITING.with(|w| std::mem::take(&mut *w.borrow_mut()));
    gloo::console::warn!(format!("doorgroei worker: {reason}"));
    for (_, on_reply) in waiting {
        on_reply.emit(Reply::Failed(reason.to_string()));
    }
}

/// Runs `f` in a task of its own, after the current event.
pub fn later(f: impl FnOnce() + 'static) {
    let callback = Closure::once_into_js(f);
    let _ = gloo::utils::window().set_timeout_with_callback(callback.unchecked_ref());
}

/// Runs `f` in a task of its own after the next frame is painted: work the
/// person does not wait for (saving, handing the roster to the worker) must
/// not hold up the frame that shows what they asked for. (A task queued
/// with [`later`] while drawing runs before that frame.)
/// A page in the background paints no frames: then `f` runs after
/// [`PAINT_AT_MOST`] milliseconds all the same.
pub fn after_paint(f: impl FnOnce() + 'static) {
    let once = Rc::new(RefCell::new(Some(f)));
    let run = move || {
        let f = once.borrow_mut().take();
        if let Some(f) = f {
            f();
        }
    };
    let window = gloo::utils::window();
    let painted = run.clone();
    let next = Closure::once_into_js(move || later(painted));
    let _ = window.request_animation_frame(next.unchecked_ref());
    let anyway = Closure::once_into_js(run);
    let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
        anyway.unchecked_ref(),
        PAINT_AT_MOST,
    );
}

/// How long [`after_paint`] waits for a frame at most, in milliseconds.
pub const PAINT_AT_MOST: i32 = 250;

fn start() -> Result<Running, JsValue> {
    let options = web_sys::WorkerOptions::new();
    options.set_type(web_sys::WorkerType::Module);
    let worker = web_sys::Worker::new_with_options("worker.js", &options)?;
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let data = js_sys::Array::from(&event.data());
            let Some(id) = data.get(0).as_f64() else {
                return;
            };
            // (Not the parser's words: they would bring serde_json's message texts into the page.)
            let reply = match data.get(1).as_string() {
                Some(text) => serde_json::from_str::<Reply>(&text)
                    .unwrap_or_else(|_| Reply::Failed("unreadable answer".into())),
                None => Reply::Failed(data.get(2).as_string().unwrap_or("no answer".into())),
            };
            settle(id as RequestId, reply);
        });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The worker's script or module did not load (an error inside a request
    // is answered by `worker.js` itself): whatever waits gets no answer.
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
        event.prevent_default();
        BROKEN.set(true);
        fail_all("the worker did not start");
    });
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Ok(Running {
        worker,
        _on_message: on_message,
        _on_error: on_error,
    })
}

/// A JavaScript error's message.
pub fn js_message(e: &JsValue) -> String {
    js_sys::Error::from(e.clone())
        .message()
        .as_string()
        .unwrap_or_else(|| format!("{e:?}"))
}

/// A file the worker could not answer for, as a problem report.
pub fn no_answer(file: &str, reason: &str) -> Report {
    let why = explain(reason);
    Report {
        file: file.to_string(),
        summary: Bilingual::new("niet gelezen", "not read"),
        lines: vec![Bilingual::new(
            format!("{file}: het bestand kon niet worden gelezen: {}", why.nl),
            format!("{file}: the file could not be read: {}", why.en),
        )],
    }
}

/// Why the worker gave no answer, in words for the user in both languages.
/// The reasons the glue and the core give are technical and in English:
/// they go to the browser's console ([`settle`]), not into the app's text.
pub fn explain(reason: &str) -> Bilingual {
    let lower = reason.to_lowercase();
    if lower.contains("did not start") || lower.contains("no worker") {
        Bilingual::new(
            "de rekenhulp van de app startte niet; laad de pagina opnieuw",
            "the app's worker did not start; reload the page",
        )
    } else if lower.contains("import") || lower.contains("fetch") || lower.contains("network") {
        Bilingual::new(
            "een deel van de app kon niet worden geladen (geen verbinding?); laad de pagina opnieuw",
            "a part of the app could not be loaded (no connection?); reload the page",
        )
    } else if lower.contains("is not in the ladder") {
        Bilingual::new(
            "de functie in het profiel staat niet in dit functiehuis; kies je huidige functie opnieuw",
            "the profile's role is not in this ladder; choose your current role again",
        )
    } else if lower.contains("ladder changed") {
        Bilingual::new(
            "het functiehuis veranderde terwijl het bestand werd gelezen; open het opnieuw",
            "the ladder changed while the file was read; open it again",
        )
    } else {
        Bilingual::new(
            "onverwachte fout in de app (details in de console van de browser)",
            "unexpected error in the app (details in the browser's console)",
        )
    }
}

#[cfg(test)]
mod tests {
    use crate::shared::worker::explain;

    #[test]
    fn the_workers_reasons_are_told_in_the_users_language() {
        let cases = [
            ("the worker did not start", "de rekenhulp van de app startte niet; laad de pagina opnieuw"),
            ("no worker", "de rekenhulp van de app startte niet; laad de pagina opnieuw"),
            (
                "TypeError: Failed to fetch dynamically imported module: http://x/doorgroei_files.js",
                "een deel van de app kon niet worden geladen (geen verbinding?); laad de pagina opnieuw",
            ),
            (
                "the profile's role 'bestaat-niet' is not in the ladder",
                "de functie in het profiel staat niet in dit functiehuis; kies je huidige functie opnieuw",
            ),
            (
                "the ladder changed while it was read; open it again",
                "het functiehuis veranderde terwijl het bestand werd gelezen; open het opnieuw",
            ),
            (
                "not a request: unknown variant `frobnicate`",
                "onverwachte fout in de app (details in de console van de browser)",
            ),
        ];
        let wrong: Vec<String> = cases
            .iter()
            .filter(|(reason, nl)| explain(reason).nl != *nl)
            .map(|(reason, nl)| format!("{reason}: expected {nl}, got {}", explain(reason).nl))
            .collect();
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }
}
