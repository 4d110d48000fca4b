//! Doorgroei in the browser: a thin yew shell over the `doorgroei` core.
//!
//! Nothing leaves the page: files are read with the browser's file picker,
//! state is kept in this browser's localStorage.

mod calendar;
mod components;
mod growth;
mod i18n;
mod mentoring;
mod state;
mod worker;

use gloo::storage::{LocalStorage, Storage};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use doorgroei::render::DrawOptions;

use crate::calendar::Calendar;
use crate::components::{
    details, download, findings, legend, LadderTable, LadderView, StateProps, Toolbar,
};
use crate::growth::Growth;
use crate::i18n::{t, T};
use crate::mentoring::Mentoring;
use crate::state::{Action, Saved, State, Tab, ROSTER_KEY, STORAGE_KEY};
use crate::worker::js_message;

fn load_saved() -> Option<Result<Saved, String>> {
    let storage = LocalStorage::raw();
    let raw: String = storage.get_item(STORAGE_KEY).ok().flatten()?;
    let Ok(saved) = serde_json::from_str::<Saved>(&raw) else {
        return Some(Err(raw));
    };
    let roster = storage.get_item(ROSTER_KEY).ok().flatten();
    Some(saved.join(roster).ok_or(raw))
}

#[function_component(App)]
fn app() -> Html {
    let state = use_reducer(|| State::restore(load_saved()));
    let lang = state.lang;
    use_worker_requests(&state);

    // Which state change was the last: a save queued before a newer change
    // (or before "delete all my data") is dropped.
    let generation = use_mut_ref(|| 0u64);
    // The roster revision last written under ROSTER_KEY.
    let roster_saved = use_mut_ref(|| None::<u32>);
    {
        let handle = state.clone();
        let generation = generation.clone();
        let roster_saved = roster_saved.clone();
        use_effect_with(
            (
                state.lang,
                state.source.clone(),
                state.profile.clone(),
                state.tab,
                state.mentoring.revision,
                state.erased,
                state.persist && state.migrating.is_none(),
            ),
            move |(lang, _, _, _, _, erased, persist)| {
                *generation.borrow_mut() += 1;
                let mine = *generation.borrow();
                if let Some(root) = gloo::utils::document().document_element() {
                    let _ = root.set_attribute("lang", lang.code());
                }
                if *erased {
                    *roster_saved.borrow_mut() = None;
                    for key in [STORAGE_KEY, ROSTER_KEY] {
                        if let Err(e) = LocalStorage::raw().remove_item(key) {
                            handle.dispatch(Action::StorageFailed(js_message(&e)));
                        }
                    }
                } else if *persist {
                    // In a task of its own: writing a roster of thousands
                    // as YAML takes a while, and the page is drawn first.
                    let save = move || {
                        if *generation.borrow() != mine {
                            return;
                        }
                        let storage = LocalStorage::raw();
                        let revision = handle.mentoring.revision;
                        if *roster_saved.borrow() != Some(revision) {
                            let written = match handle.saved_roster() {
                                Some(yaml) => storage.set_item(ROSTER_KEY, &yaml),
                                None => storage.remove_item(ROSTER_KEY),
                            };
                            match written {
                                Ok(()) => *roster_saved.borrow_mut() = Some(revision),
                                Err(e) => {
                                    handle.dispatch(Action::StorageFailed(js_message(&e)));
                                    return;
                                }
                            }
                        }
                        if let Ok(json) = serde_json::to_string(&handle.saved()) {
                            if let Err(e) = storage.set_item(STORAGE_KEY, &json) {
                                handle.dispatch(Action::StorageFailed(js_message(&e)));
                            }
                        }
                    };
                    let callback = wasm_bindgen::closure::Closure::once_into_js(save);
                    let queued =
                        gloo::utils::window().set_timeout_with_callback(callback.unchecked_ref());
                    if queued.is_err() {
                        gloo::console::error!("could not queue saving");
                    }
                }
                // (A first visit without changes keeps nothing.)
            },
        );
    }

    let switch_lang = {
        let state = state.clone();
        Callback::from(move |_| {
            let other = match state.lang {
                doorgroei::Lang::Nl => doorgroei::Lang::En,
                doorgroei::Lang::En => doorgroei::Lang::Nl,
            };
            state.dispatch(Action::SetLang(other));
        })
    };

    // A click on the drawing selects a role in the ladder workspace and sets
    // the current role in the growth workspace.
    let on_pick = {
        let state = state.clone();
        Callback::from(move |id: String| match state.tab {
            Tab::Ladder | Tab::Mentoring | Tab::Calendar => {
                state.dispatch(Action::Select(Some(id)))
            }
            Tab::Growth => {
                let mut profile = state.profile.clone();
                profile.current_role = id;
                profile.goals.retain(|g| *g != profile.current_role);
                state.dispatch(Action::SetProfile(profile));
            }
        })
    };

    html! {
        <>
            <header class="site">
                <div class="brand">
                    <h1>{ "Doorgroei" }</h1>
                    <p class="tagline">{ t(lang, T::Tagline) }</p>
                </div>
                <button class="lang" type="button" onclick={switch_lang}
                    aria-label={t(lang, T::SwitchLanguageLabel)}
                    lang={if lang == doorgroei::Lang::Nl { "en" } else { "nl" }}>
                    { t(lang, T::SwitchLanguage) }
                </button>
            </header>
            <nav class="tabs" role="tablist" aria-label={t(lang, T::Workspaces)}>
                { for [(Tab::Ladder, T::TabLadder), (Tab::Growth, T::TabGrowth), (Tab::Mentoring, T::TabMentoring), (Tab::Calendar, T::TabCalendar)].into_iter().map(|(tab, label)| {
                    let state = state.clone();
                    let active = state.tab == tab;
                    let onclick = Callback::from(move |_| state.dispatch(Action::SetTab(tab)));
                    html! {
                        <button type="button" role="tab" aria-selected={active.to_string()}
                            class={classes!("tab", active.then_some("active"))} {onclick}>
                            { t(lang, label) }
                        </button>
                    }
                }) }
            </nav>
            { notices(&state) }
            <main>
                if state.tab == Tab::Mentoring {
                    <Mentoring state={state.clone()} />
                } else if state.tab == Tab::Calendar {
                    <Calendar state={state.clone()} />
                } else {
                <section class="workspace" aria-labelledby="ladder-heading">
                    <Toolbar state={state.clone()} />
                    if state.tab == Tab::Growth {
                        <Growth state={state.clone()} />
                    }
                    <div class="columns">
                        <div class="drawing">
                            <LadderView ladder={state.ladder.clone()} options={draw_options(&state)} on_pick={on_pick} />
                            { legend(lang) }
                            <LadderTable ladder={state.ladder.clone()} lang={lang} />
                        </div>
                        <aside class="side">
                            if state.tab == Tab::Growth {
                                { growth::growth_side(&state) }
                            } else {
                                { details(&state) }
                                { findings(&state) }
                            }
                        </aside>
                    </div>
                </section>
                }
            </main>
            <footer class="site">
                <p>{ t(lang, T::Privacy) }</p>
                <DeleteAll state={state.clone()} />
            </footer>
        </>
    }
}

/// What the drawing highlights: the selected role and a finding's roles in
/// the ladder workspace; the current role and the chosen route (or the next
/// steps, without a goal) in the growth workspace.
fn draw_options(state: &State) -> DrawOptions {
    let (selected, highlighted) = match state.tab {
        Tab::Ladder | Tab::Mentoring | Tab::Calendar => {
            (state.selected.clone(), state.highlighted())
        }
        Tab::Growth => (
            Some(state.profile.current_role.clone()),
            growth::highlighted(state),
        ),
    };
    DrawOptions {
        lang: state.lang,
        selected,
        highlighted: doorgroei::sort::set_of(highlighted),
        standalone: false,
    }
}

/// Notices about this browser's storage: an unreadable save (offered as a
/// download), a failed save, everything deleted.
fn notices(state: &UseReducerHandle<State>) -> Html {
    let lang = state.lang;
    let dismiss = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::DismissErrors))
    };
    let keep = state.unreadable_save.clone().map(|raw| {
        Callback::from(move |_| {
            download("doorgroei-onleesbare-opslag.json", &raw, "application/json")
        })
    });
    html! {
        <div class="notices">
            if state.migrating.is_some() {
                <div class="notice" role="status">
                    <p><progress aria-label={t(lang, T::Migrating)}></progress>{ format!(" {}", t(lang, T::Migrating)) }</p>
                </div>
            }
            if state.storage_reset {
                <div class="notice" role="status">
                    <p>{ t(lang, T::StorageReset) }</p>
                    if let Some(keep) = keep {
                        <button type="button" onclick={keep}>{ t(lang, T::DownloadUnreadable) }</button>
                    }
                    <button type="button" onclick={dismiss.clone()}>{ t(lang, T::Dismiss) }</button>
                </div>
            }
            if let Some(message) = &state.storage_error {
                <div class="notice" role="alert">
                    <p>{ format!("{} ({message})", t(lang, T::StorageFailed)) }</p>
                    <button type="button" onclick={dismiss.clone()}>{ t(lang, T::Dismiss) }</button>
                </div>
            }
            if let Some(message) = &state.export_error {
                <div class="notice" role="alert">
                    <p>{ format!("{} ({message})", t(lang, T::ExportFailed)) }</p>
                    <button type="button" onclick={dismiss.clone()}>{ t(lang, T::Dismiss) }</button>
                </div>
            }
            if state.erased {
                <div class="notice" role="status"><p>{ t(lang, T::Erased) }</p></div>
            }
        </div>
    }
}

/// "Delete all my data", with a second click to confirm.
#[function_component(DeleteAll)]
fn delete_all(props: &StateProps) -> Html {
    let state = &props.state;
    let lang = state.lang;
    let asking = use_state(|| false);
    let ask = {
        let asking = asking.clone();
        Callback::from(move |_| asking.set(true))
    };
    let cancel = {
        let asking = asking.clone();
        Callback::from(move |_| asking.set(false))
    };
    let confirm = {
        let (state, asking) = (state.clone(), asking.clone());
        Callback::from(move |_| {
            asking.set(false);
            state.dispatch(Action::DeleteAll);
        })
    };
    html! {
        <div class="delete-all">
            if *asking {
                <p role="alert">{ t(lang, T::DeleteAllQuestion) }</p>
                <button type="button" class="danger" onclick={confirm}>{ t(lang, T::DeleteAllConfirm) }</button>
                <button type="button" onclick={cancel}>{ t(lang, T::Cancel) }</button>
            } else {
                <button type="button" onclick={ask}>{ t(lang, T::DeleteAll) }</button>
            }
        </div>
    }
}

fn main() {
    yew::Renderer::<App>::new().render();
}

/// Sends each request the state records for the worker once: a ladder or
/// profile file to read, a roster file to import, an older save to migrate.
#[hook]
fn use_worker_requests(state: &UseReducerHandle<State>) {
    use crate::worker::post;
    use doorgroei::exchange::{ImportReply, Reply, Request, TextFile};
    let handle = state.clone();
    use_effect_with(state.reading_ladder.clone(), move |pending| {
        if let Some(p) = pending {
            let id = p.id;
            let request = Request::ReadLadder(TextFile {
                name: p.file.name.clone(),
                text: p.file.text.clone(),
            });
            let state = handle.clone();
            post(
                &request,
                Callback::from(move |reply| {
                    state.dispatch(Action::LadderRead(
                        id,
                        match reply {
                            Reply::Ladder(r) => Ok(r),
                            other => Err(other.failure()),
                        },
                    ))
                }),
            );
        }
    });
    let handle = state.clone();
    use_effect_with(state.reading_profile.clone(), move |pending| {
        if let Some(p) = pending {
            let id = p.id;
            let request = Request::ReadProfile {
                file: TextFile {
                    name: p.file.name.clone(),
                    text: p.file.text.clone(),
                },
                ladder: handle.source.text.clone(),
            };
            let state = handle.clone();
            post(
                &request,
                Callback::from(move |reply| {
                    state.dispatch(Action::ProfileRead(
                        id,
                        match reply {
                            Reply::Profile(r) => Ok(Box::new(r)),
                            other => Err(other.failure()),
                        },
                    ))
                }),
            );
        }
    });
    let handle = state.clone();
    use_effect_with(state.mentoring.importing.clone(), move |pending| {
        if let Some(i) = pending {
            let id = i.id;
            let request = Request::ImportRoster {
                name: i.name.clone(),
                bytes: i.bytes.to_vec(),
                ladder: i.ladder.text.clone(),
            };
            let state = handle.clone();
            post(
                &request,
                Callback::from(move |reply| {
                    state.dispatch(match reply {
                        Reply::Import(ImportReply::Loaded {
                            roster,
                            outcome,
                            warnings,
                        }) => Action::Imported(id, Box::new(roster), Box::new(outcome), warnings),
                        Reply::Import(ImportReply::Problems(report)) => {
                            Action::ImportProblems(id, report)
                        }
                        Reply::Import(ImportReply::Failed(reason)) => {
                            Action::ImportFailed(id, reason)
                        }
                        other => Action::ImportFailed(id, other.failure()),
                    })
                }),
            );
        }
    });
    let handle = state.clone();
    use_effect_with(state.migrating.is_some(), move |&migrating| {
        if let Some(saved) = handle.migrating.as_ref().filter(|_| migrating) {
            let file = |s: &crate::state::Source| TextFile {
                name: s.name.clone(),
                text: s.text.clone(),
            };
            let request = Request::Migrate {
                ladder: file(&saved.ladder),
                roster: saved.roster.as_ref().map(file),
            };
            let state = handle.clone();
            post(
                &request,
                Callback::from(move |reply| {
                    state.dispatch(Action::Migrated(match reply {
                        Reply::Migrate(r) => Ok(Box::new(r)),
                        other => Err(other.failure()),
                    }))
                }),
            );
        }
    });
}
