//! "Mentorkoppeling": import a roster, match juniors with seniors, adjust
//! by hand, export. Every decision is a core function (`doorgroei::matching`);
//! this file shows the outcome and turns clicks into actions.

use doorgroei::exchange::{MatchMode, MatchReply, Reply, Request};
use doorgroei::format::{pairs_to_csv, roster_to_json};
use doorgroei::ladder::Level;
use doorgroei::matching::{can_mentor, needs_mentor, options, Assignment, MatchConfig};
use doorgroei::roster::{Day, Days, Person, Roster};
use doorgroei::{Ladder, Lang};
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::components::{
    download, download_written, errors_box, page_rows, pager, use_bytes_reader, value_of,
    warnings_box, StateProps,
};
use crate::i18n::{t, T};
use crate::state::Action;

/// The workspace.
#[function_component(Mentoring)]
pub fn mentoring(props: &StateProps) -> Html {
    let state = &props.state;
    let lang = state.lang;
    // Read and checked in the worker: thousands of rows would hold the page up.
    let on_file = {
        let state = state.clone();
        use_bytes_reader(Callback::from(move |(name, bytes): (String, Vec<u8>)| {
            state.dispatch(Action::ImportStarted(name, std::rc::Rc::new(bytes)))
        }))
    };
    let use_example = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::UseExampleRoster))
    };
    let dismiss = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::DismissRosterErrors))
    };
    let m = &state.mentoring;
    let errors = m
        .errors
        .as_ref()
        .map(|errors| errors_box(lang, t(lang, T::RosterErrors), errors, dismiss.clone()));
    let warnings = m.warnings.as_ref().map(|warnings| {
        let state = state.clone();
        let dismiss = Callback::from(move |_| state.dispatch(Action::DismissRosterWarnings));
        warnings_box(lang, t(lang, T::WarningsIn), warnings, dismiss)
    });

    html! {
        <section class="workspace mentoring" aria-labelledby="mentoring-heading">
            <div class="toolbar">
                <div class="title">
                    <h2 id="mentoring-heading">{ t(lang, T::TabMentoring) }</h2>
                    <p class="description">{ t(lang, T::MentoringIntro) }</p>
                </div>
                <div class="actions">
                    <label class="button file">
                        { t(lang, T::OpenRoster) }
                        <input type="file" accept=".csv,.txt,.yaml,.yml,text/csv,text/yaml" onchange={on_file} />
                    </label>
                    <button type="button" onclick={use_example}>{ t(lang, T::UseExampleRoster) }</button>
                </div>
                { for errors }
                { for warnings }
            </div>
            if m.importing.is_some() {
                <p class="busy" role="status">
                    <progress aria-label={t(lang, T::Importing)}></progress>
                    { format!(" {} {}", t(lang, T::Importing), m.importing.as_ref().map_or("", |i| i.name.as_str())) }
                </p>
            }
            {
                match (&m.roster, &m.outcome) {
                    (Some(roster), Some(outcome)) => html! {
                        <Workspace state={state.clone()} roster={roster.clone()} outcome={outcome.clone()} />
                    },
                    _ => html! { <p class="empty">{ t(lang, T::NoRoster) }</p> },
                }
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct WorkspaceProps {
    state: UseReducerHandle<crate::state::State>,
    roster: std::rc::Rc<Roster>,
    outcome: std::rc::Rc<Assignment>,
}

/// Summary, actions, pairs, unmatched, load and the add-a-person form.
#[function_component(Workspace)]
fn workspace(props: &WorkspaceProps) -> Html {
    let state = &props.state;
    let lang = state.lang;
    let ladder = &state.ladder;
    let roster = &props.roster;
    let outcome = &props.outcome;
    let names = roster.names();
    let config = MatchConfig::default();
    let mentees = roster
        .people
        .iter()
        .filter(|p| needs_mentor(ladder, p))
        .count();
    let mentors = roster
        .people
        .iter()
        .filter(|p| can_mentor(ladder, p, &config))
        .count();
    // Which mentee's mentor is being changed by hand.
    let swapping = use_state(|| None::<String>);
    // Long lists are searched and paged.
    let query = use_state(String::new);
    let pairs_page = use_state(|| 0usize);
    let unmatched_page = use_state(|| 0usize);
    let load_page = use_state(|| 0usize);

    let run = |mode: MatchMode| {
        let (state, swapping, roster) = (state.clone(), swapping.clone(), roster.clone());
        Callback::from(move |_| {
            swapping.set(None);
            state.dispatch(Action::MatchingStarted);
            // JSON: several times faster to write on this thread than YAML.
            let request = Request::Match {
                ladder: state.source.text.clone(),
                roster: roster_to_json(&roster),
                mode,
            };
            let revision = state.mentoring.revision;
            let handle = state.clone();
            crate::worker::post(
                &request,
                Callback::from(move |reply| {
                    handle.dispatch(match reply {
                        Reply::Match(MatchReply::Ok(outcome)) => {
                            Action::MatchingDone(revision, Box::new(outcome))
                        }
                        Reply::Match(MatchReply::Error(reason)) => Action::MatchingFailed(reason),
                        other => Action::MatchingFailed(other.failure()),
                    })
                }),
            );
        })
    };
    let busy = state.mentoring.busy.is_some();
    let export_csv = {
        let (outcome, roster) = (outcome.clone(), roster.clone());
        Callback::from(move |_| {
            download(
                "koppelingen.csv",
                &pairs_to_csv(&outcome, &roster, lang),
                "text/csv;charset=utf-8",
            )
        })
    };
    let export_yaml = {
        let roster = roster.clone();
        let state = state.clone();
        Callback::from(move |_| {
            // Written by the worker, which has the YAML writer.
            let request = Request::WriteRoster(roster_to_json(&roster));
            download_written(&state, "rooster-met-koppelingen.yaml", &request);
        })
    };
    let name = |id: &str| names.get(id).copied().unwrap_or(id).to_string();
    let needle = query.trim().to_lowercase();
    let found = |id: &str| {
        id.to_lowercase().contains(&needle)
            || names
                .get(id)
                .is_some_and(|n| n.to_lowercase().contains(&needle))
    };
    let shown_pairs: Vec<_> = outcome
        .pairs
        .iter()
        .filter(|p| needle.is_empty() || found(&p.mentee) || found(&p.mentor))
        .collect();
    let shown_unmatched: Vec<_> = outcome
        .unmatched
        .iter()
        .filter(|u| needle.is_empty() || found(&u.mentee))
        .collect();
    let shown_mentors: Vec<&Person> = roster
        .people
        .iter()
        .filter(|p| can_mentor(ladder, p, &config) && (needle.is_empty() || found(&p.id)))
        .collect();
    let search = {
        let (query, pages) = (
            query.clone(),
            [
                pairs_page.clone(),
                unmatched_page.clone(),
                load_page.clone(),
            ],
        );
        Callback::from(move |e: InputEvent| {
            query.set(value_of(&e));
            for page in &pages {
                page.set(0);
            }
        })
    };

    html! {
        <>
            <p class="meta summary" role="status">
                { format!(
                    "{}: {} — {} {}, {} {}, {} {} · {} {} / {} · {} {}",
                    t(lang, T::RosterLabel),
                    state.mentoring.name.as_deref().unwrap_or("—"),
                    roster.people.len(), t(lang, T::PeopleCount),
                    mentees, t(lang, T::MenteesCount),
                    mentors, t(lang, T::MentorsCount),
                    t(lang, T::MatchedCount), outcome.matched, outcome.matched + outcome.unmatched.len(),
                    t(lang, T::TotalScore), outcome.total_score,
                ) }
            </p>
            <div class="actions match-actions">
                <button type="button" class="primary" onclick={run(MatchMode::Unmatched)} title={t(lang, T::MatchHint)} disabled={busy}>{ t(lang, T::Match) }</button>
                <button type="button" onclick={run(MatchMode::Everyone)} title={t(lang, T::RematchHint)} disabled={busy}>{ t(lang, T::Rematch) }</button>
                <button type="button" onclick={export_csv} disabled={outcome.pairs.is_empty()}>{ t(lang, T::ExportPairsCsv) }</button>
                <button type="button" onclick={export_yaml}>{ t(lang, T::ExportRosterYaml) }</button>
            </div>
            if busy {
                <p class="busy" role="status">
                    <progress aria-label={t(lang, T::Matching)}></progress>
                    { format!(" {}", t(lang, T::Matching)) }
                </p>
            }
            if let Some(message) = &state.mentoring.failed {
                <p class="problem" role="alert">{ format!("{}: {message}", t(lang, T::MatchingFailed)) }</p>
            }
            <p class="hint">{ format!("{} {} {}", t(lang, T::MatchHint), t(lang, T::RematchHint), t(lang, T::ChosenByHand)) }</p>

            <p class="search">
                <label for="people-search">{ t(lang, T::Search) }</label>
                <input id="people-search" type="search" value={(*query).clone()} oninput={search}
                    placeholder={t(lang, T::SearchHint)} autocomplete="off" />
            </p>

            <h3 id="pairs-heading">{ format!("{} ({})", t(lang, T::Pairs), outcome.pairs.len()) }</h3>
            if outcome.pairs.is_empty() {
                <p class="empty">{ t(lang, T::NoPairs) }</p>
            } else if shown_pairs.is_empty() {
                <p class="empty">{ t(lang, T::NoneFound) }</p>
            } else {
                <div class="table-scroll">
                <table class="pairs" aria-labelledby="pairs-heading">
                    <thead><tr>
                        <th scope="col">{ t(lang, T::Mentee) }</th>
                        <th scope="col">{ t(lang, T::Mentor) }</th>
                        <th scope="col" class="num">{ t(lang, T::Score) }</th>
                        <th scope="col">{ t(lang, T::Why) }</th>
                        <th scope="col">{ t(lang, T::Actions) }</th>
                    </tr></thead>
                    <tbody>
                    { for shown_pairs[page_rows(shown_pairs.len(), *pairs_page)].iter().map(|p| {
                        let toggle = {
                            let state = state.clone();
                            let mentee = p.mentee.clone();
                            Callback::from(move |_| state.dispatch(Action::ToggleLock(mentee.clone())))
                        };
                        let open_swap = {
                            let swapping = swapping.clone();
                            let mentee = p.mentee.clone();
                            Callback::from(move |_| swapping.set(Some(mentee.clone())))
                        };
                        let editing = swapping.as_deref() == Some(p.mentee.as_str());
                        html! {
                            <tr key={p.mentee.clone()} data-mentee={p.mentee.clone()}>
                                <th scope="row">{ name(&p.mentee) }<span class="id">{ format!(" ({})", p.mentee) }</span></th>
                                <td class="mentor">
                                    { name(&p.mentor) }
                                    if p.locked {
                                        <span class="badge locked">{ t(lang, T::Locked) }</span>
                                    }
                                    if !p.problems.is_empty() {
                                        <p class="problem pair-problem">
                                            { format!("⚠ {}: {}", t(lang, T::PairBreaks), p.problems.iter().map(|c| c.broken(lang)).collect::<Vec<_>>().join("; ")) }
                                        </p>
                                    }
                                </td>
                                <td class="num">{ p.score }</td>
                                <td><ul class="reasons">{ for p.reasons.iter().map(|r| html! { <li>{ r.get(lang) }</li> }) }</ul></td>
                                <td><div class="row-actions">
                                    <button type="button" onclick={toggle} aria-pressed={p.locked.to_string()}>
                                        { t(lang, if p.locked { T::Unlock } else { T::Lock }) }
                                    </button>
                                    <button type="button" onclick={open_swap} aria-expanded={editing.to_string()}>{ t(lang, T::OtherMentor) }</button>
                                    if editing {
                                        <Swap state={state.clone()} roster={roster.clone()} mentee={p.mentee.clone()} current={Some(p.mentor.clone())} swapping={swapping.clone()} />
                                    }
                                </div></td>
                            </tr>
                        }
                    }) }
                    </tbody>
                </table>
                </div>
                { pager(lang, format!("{}: {}", t(lang, T::Pairs), t(lang, T::Pages)), shown_pairs.len(), &pairs_page) }
            }

            <h3 id="unmatched-heading">{ format!("{} ({})", t(lang, T::Unmatched), outcome.unmatched.len()) }</h3>
            if outcome.unmatched.is_empty() {
                <p class="empty">{ t(lang, T::Everyone) }</p>
            } else if shown_unmatched.is_empty() {
                <p class="empty">{ t(lang, T::NoneFound) }</p>
            } else {
                <ul class="unmatched" aria-labelledby="unmatched-heading">
                    { for shown_unmatched[page_rows(shown_unmatched.len(), *unmatched_page)].iter().map(|u| {
                        let open_swap = {
                            let swapping = swapping.clone();
                            let mentee = u.mentee.clone();
                            Callback::from(move |_| swapping.set(Some(mentee.clone())))
                        };
                        let editing = swapping.as_deref() == Some(u.mentee.as_str());
                        html! {
                            <li key={u.mentee.clone()} data-mentee={u.mentee.clone()}>
                                <strong>{ name(&u.mentee) }</strong>{ format!(" ({}): ", u.mentee) }
                                { u.reason.get(lang) }
                                { " " }
                                <button type="button" onclick={open_swap} aria-expanded={editing.to_string()}>{ t(lang, T::ChooseMentor) }</button>
                                if editing {
                                    <Swap state={state.clone()} roster={roster.clone()} mentee={u.mentee.clone()} current={None::<String>} swapping={swapping.clone()} />
                                }
                            </li>
                        }
                    }) }
                </ul>
                { pager(lang, format!("{}: {}", t(lang, T::Unmatched), t(lang, T::Pages)), shown_unmatched.len(), &unmatched_page) }
            }

            if !outcome.ended.is_empty() {
                <h3 id="ended-heading">{ format!("{} ({})", t(lang, T::EndedPairs), outcome.ended.len()) }</h3>
                <p class="hint">{ t(lang, T::EndedHint) }</p>
                <ul class="ended" aria-labelledby="ended-heading">
                    { for outcome.ended.iter().map(|e| html! {
                        <li key={e.mentee.clone()} data-mentee={e.mentee.clone()}>
                            <strong>{ name(&e.mentee) }</strong>{ format!(" ({}) — ", e.mentee) }
                            <strong>{ name(&e.mentor) }</strong>{ format!(" ({}): ", e.mentor) }
                            { e.problems.iter().map(|c| c.broken(lang)).collect::<Vec<_>>().join("; ") }
                        </li>
                    }) }
                </ul>
            }

            <h3 id="load-heading">{ t(lang, T::MentorLoad) }</h3>
            <div class="table-scroll">
            <table class="load" aria-labelledby="load-heading">
                <thead><tr>
                    <th scope="col">{ t(lang, T::Mentor) }</th>
                    <th scope="col" class="num">{ t(lang, T::Pairs) }</th>
                    <th scope="col" class="num">{ t(lang, T::Capacity) }</th>
                    <th scope="col">{ "" }</th>
                </tr></thead>
                <tbody>
                { for shown_mentors[page_rows(shown_mentors.len(), *load_page)].iter().map(|p| {
                    let load = outcome.mentor_load.get(&p.id).copied().unwrap_or(0);
                    let full = load >= p.capacity;
                    let over = load > p.capacity;
                    html! {
                        <tr key={p.id.clone()} class={classes!(full.then_some("full"), over.then_some("over"))}>
                            <th scope="row">{ &p.name }<span class="id">{ format!(" ({})", p.id) }</span></th>
                            <td class="num">{ load }</td>
                            <td class="num">{ p.capacity }</td>
                            <td>{ if over { format!("▲ {}", t(lang, T::OverCapacity)) } else if full { format!("● {}", t(lang, T::Full)) } else { format!("○ {}", t(lang, T::Room)) } }</td>
                        </tr>
                    }
                }) }
                </tbody>
            </table>
            </div>
            { pager(lang, format!("{}: {}", t(lang, T::MentorLoad), t(lang, T::Pages)), shown_mentors.len(), &load_page) }

            <AddPerson state={state.clone()} roster={roster.clone()} />
        </>
    }
}

#[derive(Properties, PartialEq)]
struct SwapProps {
    state: UseReducerHandle<crate::state::State>,
    roster: std::rc::Rc<Roster>,
    mentee: String,
    current: Option<String>,
    swapping: UseStateHandle<Option<String>>,
}

/// Choosing a mentor by hand: only eligible mentors with room, with their score.
#[function_component(Swap)]
fn swap(props: &SwapProps) -> Html {
    let state = &props.state;
    let lang = state.lang;
    let offered: Vec<_> = options(
        &state.ladder,
        &props.roster,
        &MatchConfig::default(),
        &props.mentee,
    )
    .into_iter()
    .filter(|o| Some(&o.mentor) != props.current.as_ref())
    .collect();
    let names = props.roster.names();
    let choice = use_state(|| offered.first().map(|o| o.mentor.clone()));
    let select_id = format!("swap-{}", props.mentee);
    let on_change = {
        let choice = choice.clone();
        Callback::from(move |e: Event| {
            if let Some(select) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlSelectElement>().ok())
            {
                choice.set(Some(select.value()));
            }
        })
    };
    let confirm = {
        let (state, choice, swapping, mentee) = (
            state.clone(),
            choice.clone(),
            props.swapping.clone(),
            props.mentee.clone(),
        );
        Callback::from(move |_| {
            if let Some(mentor) = (*choice).clone() {
                state.dispatch(Action::SetMentor(mentee.clone(), mentor));
            }
            swapping.set(None);
        })
    };
    let cancel = {
        let swapping = props.swapping.clone();
        Callback::from(move |_| swapping.set(None))
    };
    let mentee_name = names.get(props.mentee.as_str()).copied().unwrap_or("");
    html! {
        <div class="swap">
            if offered.is_empty() {
                <p>{ t(lang, T::NoOptions) }</p>
            } else {
                <label for={select_id.clone()}>{ format!("{} {}", t(lang, T::ChooseMentor), mentee_name) }</label>
                <select id={select_id} onchange={on_change}>
                    { for offered.iter().map(|o| {
                        let reasons: Vec<&str> = o.reasons.iter().map(|r| r.get(lang)).collect();
                        html! {
                            <option value={o.mentor.clone()} selected={choice.as_deref() == Some(o.mentor.as_str())}>
                                { format!("{} — {} {} ({}/{}) — {}",
                                    names.get(o.mentor.as_str()).copied().unwrap_or(&o.mentor),
                                    t(lang, T::Score).to_lowercase(), o.score, o.load, o.capacity,
                                    reasons.join("; ")) }
                            </option>
                        }
                    }) }
                </select>
                <button type="button" class="primary" onclick={confirm}>{ t(lang, T::Choose) }</button>
            }
            <button type="button" onclick={cancel}>{ t(lang, T::Cancel) }</button>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct AddProps {
    state: UseReducerHandle<crate::state::State>,
    roster: std::rc::Rc<Roster>,
}

/// A small form for a new colleague (a junior by default).
#[function_component(AddPerson)]
fn add_person(props: &AddProps) -> Html {
    let state = &props.state;
    let lang = state.lang;
    let ladder: &Ladder = &state.ladder;
    let problem = use_state(|| None::<T>);
    let form = use_node_ref();
    let roles: Vec<(String, String, Level)> = ladder
        .roles()
        .map(|(_, r)| (r.id.clone(), r.name.get(lang).to_string(), r.level))
        .collect();
    let first_junior = roles
        .iter()
        .find(|r| r.2 == Level::Junior)
        .map(|r| r.0.clone());
    let submit = {
        let (state, problem, form, roster) = (
            state.clone(),
            problem.clone(),
            form.clone(),
            props.roster.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(form) = form.cast::<web_sys::HtmlFormElement>() else {
                return;
            };
            let field = |name: &str| -> String {
                form.query_selector(&format!("[name='{name}']"))
                    .ok()
                    .flatten()
                    .and_then(|el| {
                        el.clone()
                            .dyn_into::<HtmlInputElement>()
                            .map(|i| i.value())
                            .or_else(|_| el.dyn_into::<HtmlSelectElement>().map(|s| s.value()))
                            .ok()
                    })
                    .unwrap_or_default()
                    .trim()
                    .to_string()
            };
            let checked = |name: &str| -> bool {
                form.query_selector(&format!("[name='{name}']"))
                    .ok()
                    .flatten()
                    .and_then(|el| el.dyn_into::<HtmlInputElement>().ok())
                    .is_some_and(|i| i.checked())
            };
            let (id, name) = (field("id"), field("name"));
            if id.is_empty() || name.is_empty() {
                problem.set(Some(T::NeedNameId));
                return;
            }
            if roster.people.iter().any(|p| p.id == id) {
                problem.set(Some(T::IdTaken));
                return;
            }
            let days = Days::of(
                Day::ALL
                    .into_iter()
                    .filter(|d| checked(&format!("day-{}", d.code()))),
            );
            let split = |text: String| -> Vec<String> {
                text.split('|')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect()
            };
            let person = Person {
                team: field("team"),
                location: field("location"),
                specialisms: split(field("specialisms")),
                days,
                hours: 8.0 * days.len() as f64,
                career_switcher: checked("switcher"),
                ..Person::new(id, name, field("role"))
            };
            problem.set(None);
            form.reset();
            state.dispatch(Action::AddPerson(Box::new(person)));
        })
    };
    html! {
        <details class="add-person">
            <summary>{ t(lang, T::AddPerson) }</summary>
            <form ref={form} onsubmit={submit} class="form">
                <label>{ t(lang, T::Name) }<input name="name" type="text" autocomplete="off" /></label>
                <label>{ t(lang, T::StaffId) }<input name="id" type="text" autocomplete="off" /></label>
                <label>{ t(lang, T::Role) }
                    <select name="role">
                        { for roles.iter().map(|(id, name, _)| html! {
                            <option value={id.clone()} selected={first_junior.as_deref() == Some(id.as_str())}>{ name }</option>
                        }) }
                    </select>
                </label>
                <label>{ t(lang, T::Team) }<input name="team" type="text" /></label>
                <label>{ t(lang, T::Location) }<input name="location" type="text" /></label>
                <fieldset class="days">
                    <legend>{ t(lang, T::WorkingDays) }</legend>
                    { for Day::ALL.into_iter().take(5).map(|d| html! {
                        <label class="inline">
                            <input type="checkbox" name={format!("day-{}", d.code())} checked={true} />
                            { if lang == Lang::Nl { d.code() } else { d.english() } }
                        </label>
                    }) }
                </fieldset>
                <label>{ t(lang, T::SpecialismsField) }<input name="specialisms" type="text" /></label>
                <label class="inline"><input name="switcher" type="checkbox" />{ t(lang, T::CareerSwitcher) }</label>
                if let Some(p) = *problem {
                    <p class="problem" role="alert">{ t(lang, p) }</p>
                }
                <button type="submit" class="primary">{ t(lang, T::Add) }</button>
            </form>
        </details>
    }
}
