//! The page around the rooms: header, tabs, storage notices, footer. It
//! holds the [`Store`], gives each room what it shows and a callback for its
//! actions, posts the requests the rooms record for the worker, and saves.

use doorgroei::exchange::{Reply, Request};
use doorgroei::render::DrawOptions;
use doorgroei::Lang;
use yew::prelude::*;

use crate::i18n::{t, T};
use crate::persist;
use crate::rooms::besprekingen::Calendar;
use crate::rooms::functiehuis::{self, state as ladder_room, Toolbar};
use crate::rooms::groeipad::GrowthPlace;
use crate::rooms::mentorkoppeling::{state as mentor_room, Mentoring};
use crate::session::Tab;
use crate::shared::download::download;
use crate::shared::worker;
use crate::shared::Shared;
use crate::store::{Action, Notices, Store};
use crate::widgets::ladder::LadderView;

/// A callback per kind of action, the same for the whole visit (so props
/// compare equal while nothing a component shows changed).
#[derive(Clone)]
struct Callbacks {
    ladder: Callback<ladder_room::Action>,
    profile: Callback<doorgroei::format::ProfileFile>,
    mentoring: Callback<mentor_room::Action>,
    tab: Callback<Tab>,
    storage_failed: Callback<String>,
    export_failed: Callback<String>,
    dismiss_notices: Callback<()>,
    delete_all: Callback<()>,
}

#[hook]
fn use_callbacks(store: &UseReducerHandle<Store>) -> Callbacks {
    let dispatch = store.dispatcher().to_callback();
    (*use_memo((), move |_| Callbacks {
        ladder: dispatch.reform(Action::Functiehuis),
        profile: dispatch.reform(Action::SetProfile),
        mentoring: dispatch.reform(Action::Mentoring),
        tab: dispatch.reform(Action::SetTab),
        storage_failed: dispatch.reform(Action::StorageFailed),
        export_failed: dispatch.reform(Action::ExportFailed),
        dismiss_notices: dispatch.reform(|()| Action::DismissNotices),
        delete_all: dispatch.reform(|()| Action::DeleteAll),
    }))
    .clone()
}

/// Posts `pending` to the worker once, when it is new; its answer comes
/// back as the action `answer` makes. Posted as the page is drawn, before
/// the rooms below it are (not in an effect after): the worker starts on a
/// matching while the page draws "Koppelen…" (ten milliseconds of 2,000
/// pairs' page), not after.
#[hook]
fn use_request<T: 'static>(
    store: &UseReducerHandle<Store>,
    pending: Option<Shared<T>>,
    request: impl Fn(&T, &Store) -> Request + 'static,
    answer: fn(Shared<T>, Box<Reply>) -> Action,
) {
    let posted = use_mut_ref(|| None::<Shared<T>>);
    if *posted.borrow() == pending {
        return;
    }
    posted.borrow_mut().clone_from(&pending);
    if let Some(asked) = pending {
        let request = request(&asked, store);
        let dispatcher = store.dispatcher();
        let on_reply = Callback::from(move |reply| {
            dispatcher.dispatch(answer(asked.clone(), Box::new(reply)));
        });
        worker::post(&request, on_reply);
    }
}

/// Sends each request a room records for the worker once: a ladder file
/// to read, a ladder to scan, a roster file to import, a matching, a person to check, a settings file to read, an older
/// save to migrate.
#[hook]
fn use_requests(store: &UseReducerHandle<Store>) {
    use_request(
        store,
        store.functiehuis.reading.clone(),
        |file, _| ladder_room::request(file),
        |asked, reply| Action::Functiehuis(ladder_room::Action::Read(asked, reply)),
    );
    use_request(
        store,
        store.functiehuis.scanning.clone(),
        |ladder, _| ladder_room::scan_request(ladder),
        |asked, reply| Action::Functiehuis(ladder_room::Action::Scanned(asked, reply)),
    );
    use_request(
        store,
        store.mentoring.importing.clone(),
        |import, _| mentor_room::import_request(import),
        |asked, reply| Action::Mentoring(mentor_room::Action::Imported(asked, reply)),
    );
    use_request(
        store,
        store.mentoring.matching.clone(),
        |matching, store| mentor_room::match_request(matching, &store.session.ladder),
        |asked, reply| Action::Mentoring(mentor_room::Action::Matched(asked, reply)),
    );
    use_request(
        store,
        store.mentoring.reviewing.clone(),
        |reviewing, store| mentor_room::match_request(reviewing, &store.session.ladder),
        |asked, reply| Action::Mentoring(mentor_room::Action::Reviewed(asked, reply)),
    );
    use_request(
        store,
        store.mentoring.checking.clone(),
        |checking, _| mentor_room::check_request(checking),
        |asked, reply| Action::Mentoring(mentor_room::Action::Checked(asked, reply)),
    );
    use_request(
        store,
        store.mentoring.reading_settings.clone(),
        |file, _| mentor_room::settings_request(file),
        |asked, reply| Action::Mentoring(mentor_room::Action::SettingsRead(asked, reply)),
    );
    use_request(
        store,
        store.migrating.clone(),
        |saved, _| persist::migrate_request(saved),
        Action::Migrated,
    );
    // The roster, whenever it changes, handed over to the worker to keep,
    // in a task after the page is painted: the matching asked for next need
    // not send and read it again (see exchange::answer_planner_with). A
    // roster sent for its review, or explained by one, is kept already.
    let roster = store.session.roster.clone();
    let ladder = store.session.ladder.clone();
    let reviewing = store.mentoring.reviewing.is_some();
    use_effect_with(roster, move |roster| {
        if let Some(roster) = roster.clone().filter(|r| !r.in_worker && !reviewing) {
            worker::after_paint(move || {
                let request = mentor_room::keep_request(&roster, &ladder);
                worker::post(&request, Callback::noop());
            });
        }
    });
}

#[function_component(App)]
pub fn app() -> Html {
    let store =
        use_reducer(|| Store::restore(persist::load()).with_remembered(persist::load_remembered()));
    use_requests(&store);
    let on = use_callbacks(&store);
    persist::use_saving(store.snapshot(), on.storage_failed.clone());
    let lang = store.session.lang;
    // The page's language for screen readers and hyphenation, set when it
    // differs: setting `lang`, even to the value it has, makes the browser
    // work out the style of every element again (15 ms with 3,000 people
    // listed, on every draw of the page).
    if let Some(root) = gloo::utils::document()
        .document_element()
        .filter(|root| root.get_attribute("lang").as_deref() != Some(lang.code()))
    {
        let _ = root.set_attribute("lang", lang.code());
    }
    let Callbacks {
        ladder: on_ladder,
        profile: on_profile,
        mentoring: on_mentoring,
        tab: on_tab,
        export_failed: on_export_failed,
        dismiss_notices: on_notices,
        delete_all: on_delete_all,
        ..
    } = on;

    let switch_lang = {
        let other = match lang {
            Lang::Nl => Lang::En,
            Lang::En => Lang::Nl,
        };
        let dispatcher = store.dispatcher();
        Callback::from(move |_| dispatcher.dispatch(Action::SetLang(other)))
    };

    let session = &store.session;
    let tab = session.tab;
    // A click on the drawing selects a role (Mijn groeipad draws its own).
    let on_pick = {
        let on_ladder = on_ladder.clone();
        (*use_memo((), move |_| {
            on_ladder.reform(|id| ladder_room::Action::Select(Some(id)))
        }))
        .clone()
    };
    // What the drawing highlights: the selected role and a finding's roles.
    let (selected, highlighted) = (
        store.functiehuis.selected.clone(),
        store.functiehuis.highlighted(),
    );
    // On a phone the details are under the drawing, a screen or more down:
    // a role picked in Functiehuis brings them into view.
    use_effect_with(
        (tab == Tab::Ladder)
            .then(|| store.functiehuis.selected.clone())
            .flatten(),
        |picked| {
            let narrow = gloo::utils::window()
                .inner_width()
                .ok()
                .and_then(|w| w.as_f64())
                .is_some_and(|w| w <= 640.0);
            if picked.is_some() && narrow {
                if let Ok(Some(details)) =
                    gloo::utils::document().query_selector("aside.side .details")
                {
                    details.scroll_into_view();
                }
            }
        },
    );
    let options = DrawOptions {
        lang,
        selected,
        highlighted: doorgroei::sort::set_of(highlighted),
        standalone: false,
    };
    let ladder = &session.ladder.ladder;

    html! {
        <>
            <header class="site">
                <div class="brand">
                    <h1>{ "Doorgroei" }</h1>
                    <p class="tagline">{ t(lang, T::Tagline) }</p>
                </div>
                <button class="lang" type="button" onclick={switch_lang}
                    aria-label={t(lang, T::SwitchLanguageLabel)}
                    lang={if lang == Lang::Nl { "en" } else { "nl" }}>
                    { t(lang, T::SwitchLanguage) }
                </button>
            </header>
            <nav class="tabs" role="tablist" aria-label={t(lang, T::Workspaces)}>
                { for [(Tab::Ladder, T::TabLadder), (Tab::Growth, T::TabGrowth), (Tab::Mentoring, T::TabMentoring), (Tab::Calendar, T::TabCalendar), (Tab::Intervisie, T::TabIntervisie)].into_iter().map(|(each, label)| {
                    let active = tab == each;
                    html! {
                        <button type="button" role="tab" aria-selected={active.to_string()}
                            class={classes!("tab", active.then_some("active"))} onclick={on_tab.reform(move |_| each)}>
                            { t(lang, label) }
                        </button>
                    }
                }) }
            </nav>
            { notices(lang, &store.notices, store.migrating.is_some(), &on_notices) }
            <main>
                if tab == Tab::Mentoring {
                    <Mentoring lang={lang} ladder={session.ladder.clone()} roster={session.roster.clone()}
                        room={store.mentoring.clone()} on={on_mentoring} on_export_failed={on_export_failed} />
                } else if tab == Tab::Calendar {
                    <Calendar key="besprekingen" room="besprekingen" lang={lang} ladder={session.ladder.clone()} roster={session.roster.clone()} />
                } else if tab == Tab::Intervisie {
                    <Calendar key="intervisie" room="intervisie" lang={lang} ladder={session.ladder.clone()} roster={session.roster.clone()} />
                } else {
                <section class="workspace" aria-labelledby="ladder-heading">
                    <Toolbar lang={lang} ladder={session.ladder.clone()} room={store.functiehuis.clone()}
                        on={on_ladder.clone()} />
                    if tab == Tab::Growth {
                        // The room's form, drawing and plan (a module of its own).
                        <GrowthPlace lang={lang} ladder={session.ladder.clone()}
                            profile={store.profile.clone()} on_profile={on_profile} />
                    } else {
                    <div class="columns">
                        <div class="drawing">
                            <LadderView ladder={session.ladder.clone()} options={options} on_pick={on_pick} />
                        </div>
                        <aside class="side">
                            { functiehuis::details(lang, ladder, store.functiehuis.selected.as_deref(), &on_ladder) }
                            { functiehuis::findings(lang, ladder, &store.functiehuis, &on_ladder) }
                        </aside>
                    </div>
                    }
                </section>
                }
            </main>
            <footer class="site">
                <p>{ t(lang, T::Privacy) }</p>
                <DeleteAll lang={lang} on_confirm={on_delete_all} />
            </footer>
        </>
    }
}

/// Notices about this browser's storage: an older save being converted, an
/// unreadable save (offered as a download), a failed save or download,
/// everything deleted.
fn notices(lang: Lang, notices: &Notices, migrating: bool, on_dismiss: &Callback<()>) -> Html {
    let dismiss = on_dismiss.reform(|_: MouseEvent| ());
    let keep = notices.unreadable_save.clone().map(|raw| {
        Callback::from(move |_| download(t(lang, T::FileUnreadable), &raw, "application/json"))
    });
    html! {
        <div class="notices">
            if migrating {
                <div class="notice" role="status">
                    <p><progress aria-label={t(lang, T::Migrating)}></progress>{ format!(" {}", t(lang, T::Migrating)) }</p>
                </div>
            }
            if notices.storage_reset {
                <div class="notice" role="status">
                    <p>{ t(lang, T::StorageReset) }</p>
                    if let Some(keep) = keep {
                        <button type="button" onclick={keep}>{ t(lang, T::DownloadUnreadable) }</button>
                    }
                    <button type="button" onclick={dismiss.clone()}>{ t(lang, T::Dismiss) }</button>
                </div>
            }
            if let Some(message) = &notices.storage_error {
                <div class="notice" role="alert">
                    <p>{ format!("{} ({message})", t(lang, T::StorageFailed)) }</p>
                    <button type="button" onclick={dismiss.clone()}>{ t(lang, T::Dismiss) }</button>
                </div>
            }
            if let Some(message) = &notices.export_error {
                <div class="notice" role="alert">
                    <p>{ format!("{} ({message})", t(lang, T::ExportFailed)) }</p>
                    <button type="button" onclick={dismiss.clone()}>{ t(lang, T::Dismiss) }</button>
                </div>
            }
            if notices.erased {
                <div class="notice" role="status"><p>{ t(lang, T::Erased) }</p></div>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct DeleteAllProps {
    lang: Lang,
    on_confirm: Callback<()>,
}

/// "Delete all my data", with a second click to confirm.
#[function_component(DeleteAll)]
fn delete_all(props: &DeleteAllProps) -> Html {
    let lang = props.lang;
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
        let (on_confirm, asking) = (props.on_confirm.clone(), asking.clone());
        Callback::from(move |_| {
            asking.set(false);
            on_confirm.emit(());
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
