//! The page's worker (`worker.js`, running the `doorgroei_worker` module):
//! the files the user opens are read there, and the matching runs there.
//! It starts the first time the page needs it, so a visit that only looks
//! at the example never downloads it.
//!
//! The reducer never talks to the worker: it records what it wants read
//! (a ladder, a profile, a roster, an older save) with an id, and the App's
//! effects ([`post`]) send each new request once. Answers come back as
//! actions carrying that id; the reducer takes only the one it waits for.

use std::cell::RefCell;

use doorgroei::error::Report;
use doorgroei::exchange::{
    ImportReply, LadderReply, MatchReply, MigrateReply, ProfileReply, WriteReply,
};
use doorgroei::Bilingual;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use yew::UseReducerHandle;

use crate::components::download;
use crate::state::{Action, State};

/// One request to the worker.
pub enum Request<'a> {
    /// A ladder file (YAML).
    Ladder { name: &'a str, text: &'a str },
    /// A profile file (YAML), checked against the ladder (its JSON form).
    Profile {
        name: &'a str,
        text: &'a str,
        ladder: &'a str,
    },
    /// A roster file (CSV or YAML), checked against the ladder.
    Import {
        name: &'a str,
        bytes: &'a [u8],
        ladder: &'a str,
    },
    /// Matching the roster (its JSON form).
    Match {
        ladder: &'a str,
        roster: &'a str,
        full: bool,
    },
    /// An older save's ladder (YAML) and roster.
    Migrate {
        name: &'a str,
        text: &'a str,
        roster: Option<(&'a str, &'a str)>,
    },
    /// A YAML file to download as `name`, written from the roster's JSON
    /// form (`roster`) or the profile as JSON. (The YAML writer is the
    /// worker's too.)
    Write {
        name: &'a str,
        roster: bool,
        json: &'a str,
    },
}

impl Request<'_> {
    fn kind(&self) -> &'static str {
        match self {
            Request::Ladder { .. } => "ladder",
            Request::Profile { .. } => "profile",
            Request::Import { .. } => "import",
            Request::Match { .. } => "match",
            Request::Migrate { .. } => "migrate",
            Request::Write { .. } => "write",
        }
    }
}

struct Running {
    worker: web_sys::Worker,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

thread_local! {
    static WORKER: RefCell<Option<Running>> = const { RefCell::new(None) };
    /// The requests sent and not answered yet (kind, number).
    static WAITING: RefCell<Vec<(&'static str, u32)>> = const { RefCell::new(Vec::new()) };
    /// The worker failed as a whole (its script did not load): the next
    /// request starts a new one.
    static BROKEN: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Sends `request` (number `id`) to the worker, started if need be. Its
/// answer, or the reason there is none, arrives as an action.
pub fn post(state: &UseReducerHandle<State>, id: u32, request: Request<'_>) {
    let kind = request.kind();
    let message = js_sys::Object::new();
    let set = |key: &str, value: JsValue| {
        let _ = js_sys::Reflect::set(&message, &key.into(), &value);
    };
    set("kind", kind.into());
    set("id", f64::from(id).into());
    match request {
        Request::Ladder { name, text } => {
            set("name", name.into());
            set("text", text.into());
        }
        Request::Profile { name, text, ladder } => {
            set("name", name.into());
            set("text", text.into());
            set("ladder", ladder.into());
        }
        Request::Import {
            name,
            bytes,
            ladder,
        } => {
            set("name", name.into());
            set("bytes", js_sys::Uint8Array::from(bytes).into());
            set("ladder", ladder.into());
        }
        Request::Match {
            ladder,
            roster,
            full,
        } => {
            set("ladder", ladder.into());
            set("roster", roster.into());
            set("full", full.into());
        }
        Request::Write { name, roster, json } => {
            set("name", name.into());
            set("what", if roster { "roster" } else { "profile" }.into());
            set("json", json.into());
        }
        Request::Migrate { name, text, roster } => {
            set("name", name.into());
            set("text", text.into());
            if let Some((roster_name, roster_text)) = roster {
                set("rosterName", roster_name.into());
                set("rosterText", roster_text.into());
            }
        }
    }
    let sent = WORKER.with(|slot| {
        let mut slot = slot.borrow_mut();
        if slot.is_none() || BROKEN.replace(false) {
            if let Some(old) = slot.take() {
                old.worker.terminate();
            }
            *slot = Some(start(state.clone())?);
        }
        match slot.as_ref() {
            Some(running) => running.worker.post_message(&message),
            None => Err(JsValue::from_str("no worker")),
        }
    });
    match sent {
        Ok(()) => WAITING.with(|w| w.borrow_mut().push((kind, id))),
        Err(e) => {
            let reason = js_sys::Error::from(e.clone())
                .message()
                .as_string()
                .unwrap_or_else(|| format!("{e:?}"));
            state.dispatch(failed(kind, id, reason));
        }
    }
}

/// Every request still waiting gets "no answer": the worker failed.
fn fail_all(state: &UseReducerHandle<State>, reason: &str) {
    let waiting = WAITING.with(|w| std::mem::take(&mut *w.borrow_mut()));
    for (kind, id) in waiting {
        state.dispatch(failed(kind, id, reason.to_string()));
    }
}

fn start(state: UseReducerHandle<State>) -> Result<Running, JsValue> {
    let failing = state.clone();
    let options = web_sys::WorkerOptions::new();
    options.set_type(web_sys::WorkerType::Module);
    let worker = web_sys::Worker::new_with_options("worker.js", &options)?;
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let data = event.data();
            let get = |key: &str| js_sys::Reflect::get(&data, &key.into()).ok();
            let id = get("id").and_then(|v| v.as_f64()).unwrap_or(-1.0) as u32;
            let kind = get("kind").and_then(|k| k.as_string()).unwrap_or_default();
            // (Downloads all go as number 0: one answer settles one request.)
            WAITING.with(|w| {
                let mut w = w.borrow_mut();
                if let Some(at) = w.iter().position(|&(k, i)| (k, i) == (kind.as_str(), id)) {
                    w.remove(at);
                }
            });
            let result = get("result").and_then(|v| v.as_string());
            if kind == "write" {
                let name = get("name").and_then(|v| v.as_string()).unwrap_or_default();
                match result.as_deref().map(serde_json::from_str::<WriteReply>) {
                    Some(Ok(Ok(yaml))) => download(&name, &yaml, "text/yaml;charset=utf-8"),
                    Some(Ok(Err(reason))) => state.dispatch(Action::ExportFailed(reason)),
                    Some(Err(e)) => state.dispatch(Action::ExportFailed(e.to_string())),
                    None => state.dispatch(Action::ExportFailed(
                        get("error").and_then(|v| v.as_string()).unwrap_or_default(),
                    )),
                }
                return;
            }
            let action = match result {
                Some(text) => answer(&kind, id, &text),
                None => {
                    let error = get("error").and_then(|v| v.as_string());
                    failed(&kind, id, error.unwrap_or_else(|| "no answer".into()))
                }
            };
            state.dispatch(action);
        });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The worker's script or module did not load (an error inside a request
    // is answered by `worker.js` itself): whatever waits gets no answer.
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
        event.prevent_default();
        BROKEN.set(true);
        fail_all(&failing, "the worker did not start");
    });
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Ok(Running {
        worker,
        _on_message: on_message,
        _on_error: on_error,
    })
}

/// The action for the worker's answer `text` to request `id`.
fn answer(kind: &str, id: u32, text: &str) -> Action {
    // (Not the parser's words: they would bring serde_json's message texts into the page.)
    let unreadable = |_: serde_json::Error| failed(kind, id, "unreadable answer".to_string());
    match kind {
        "ladder" => match serde_json::from_str::<LadderReply>(text) {
            Ok(reply) => Action::LadderRead(id, Ok(reply)),
            Err(e) => unreadable(e),
        },
        "profile" => match serde_json::from_str::<ProfileReply>(text) {
            Ok(reply) => Action::ProfileRead(id, Ok(Box::new(reply))),
            Err(e) => unreadable(e),
        },
        "import" => match serde_json::from_str::<ImportReply>(text) {
            Ok(ImportReply::Loaded {
                roster,
                outcome,
                warnings,
            }) => Action::Imported(id, Box::new(roster), Box::new(outcome), warnings),
            Ok(ImportReply::Problems(report)) => Action::ImportProblems(id, report),
            Ok(ImportReply::Failed(reason)) => failed(kind, id, reason),
            Err(e) => unreadable(e),
        },
        "match" => match serde_json::from_str::<MatchReply>(text) {
            Ok(MatchReply::Ok(outcome)) => Action::MatchingDone(id, Box::new(outcome)),
            Ok(MatchReply::Error(reason)) => Action::MatchingFailed(reason),
            Err(e) => unreadable(e),
        },
        // "migrate" (the worker echoes the kinds this page sent).
        _ => match serde_json::from_str::<MigrateReply>(text) {
            Ok(reply) => Action::Migrated(Ok(Box::new(reply))),
            Err(e) => unreadable(e),
        },
    }
}

/// The action for request `id` of `kind` that got no answer.
fn failed(kind: &str, id: u32, reason: String) -> Action {
    match kind {
        "ladder" => Action::LadderRead(id, Err(reason)),
        "profile" => Action::ProfileRead(id, Err(reason)),
        "import" => Action::ImportFailed(id, reason),
        "match" => Action::MatchingFailed(reason),
        "write" => Action::ExportFailed(reason),
        // "migrate"
        _ => Action::Migrated(Err(reason)),
    }
}

/// A file the worker could not answer for, as a problem report.
pub fn no_answer(file: &str, reason: &str) -> Report {
    Report {
        file: file.to_string(),
        summary: Bilingual::new("niet gelezen", "not read"),
        lines: vec![Bilingual::new(
            format!("{file}: het bestand kon niet worden gelezen ({reason})"),
            format!("{file}: the file could not be read ({reason})"),
        )],
    }
}
