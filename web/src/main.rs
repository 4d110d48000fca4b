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

use gloo::storage::{LocalStorage, Storage};
use yew::prelude::*;

use doorgroei::render::DrawOptions;

use crate::calendar::Calendar;
use crate::components::{Details, Findings, LadderView, Legend, Toolbar};
use crate::growth::{Growth, GrowthSide};
use crate::i18n::{t, T};
use crate::mentoring::Mentoring;
use crate::state::{Action, Saved, State, Tab};

const STORAGE_KEY: &str = "doorgroei";

fn load_saved() -> Option<Result<Saved, ()>> {
    let raw: String = LocalStorage::raw().get_item(STORAGE_KEY).ok().flatten()?;
    Some(serde_json::from_str::<Saved>(&raw).map_err(|_| ()))
}

#[function_component(App)]
fn app() -> Html {
    let state = use_reducer(|| State::restore(load_saved()));
    let lang = state.lang;

    {
        let saved = state.saved();
        use_effect_with(
            (
                state.lang,
                state.source.clone(),
                state.profile.clone(),
                state.tab,
                state.mentoring.revision,
            ),
            move |_| {
                if let Ok(json) = serde_json::to_string(&saved) {
                    if let Err(e) = LocalStorage::raw().set_item(STORAGE_KEY, &json) {
                        gloo::console::error!("localStorage:", e);
                    }
                }
                if let Some(root) = gloo::utils::document().document_element() {
                    let _ = root.set_attribute("lang", saved.lang.code());
                }
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
                            <Legend lang={lang} />
                        </div>
                        <aside class="side">
                            if state.tab == Tab::Growth {
                                <GrowthSide state={state.clone()} />
                            } else {
                                <Details state={state.clone()} />
                                <Findings state={state.clone()} />
                            }
                        </aside>
                    </div>
                </section>
                }
            </main>
            <footer class="site"><p>{ t(lang, T::Privacy) }</p></footer>
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
        highlighted: highlighted.into_iter().collect(),
        standalone: false,
    }
}

fn main() {
    yew::Renderer::<App>::new().render();
}
