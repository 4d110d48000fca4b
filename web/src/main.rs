//! Doorgroei in the browser: a thin yew shell over the `doorgroei` core.
//!
//! Nothing leaves the page: files are read with the browser's file picker,
//! state is kept in this browser's localStorage.

mod components;
mod i18n;
mod state;

use gloo::storage::{LocalStorage, Storage};
use yew::prelude::*;

use crate::components::{Details, Findings, LadderView, Legend, Toolbar};
use crate::i18n::{t, T};
use crate::state::{Action, Saved, State};

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
        use_effect_with((state.lang, state.source.clone()), move |_| {
            if let Ok(json) = serde_json::to_string(&saved) {
                if let Err(e) = LocalStorage::raw().set_item(STORAGE_KEY, &json) {
                    gloo::console::error!("localStorage:", e);
                }
            }
            if let Some(root) = gloo::utils::document().document_element() {
                let _ = root.set_attribute("lang", saved.lang.code());
            }
        });
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
            <main>
                <section class="workspace" aria-labelledby="ladder-heading">
                    <Toolbar state={state.clone()} />
                    <div class="columns">
                        <div class="drawing">
                            <LadderView state={state.clone()} />
                            <Legend lang={lang} />
                        </div>
                        <aside class="side">
                            <Details state={state.clone()} />
                            <Findings state={state.clone()} />
                        </aside>
                    </div>
                </section>
            </main>
            <footer class="site"><p>{ t(lang, T::Privacy) }</p></footer>
        </>
    }
}

fn main() {
    yew::Renderer::<App>::new().render();
}
