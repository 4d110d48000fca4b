//! "Mentorkoppeling": import a roster, match juniors with seniors, adjust
//! by hand, export. Every decision is a core function (`doorgroei::matching`);
//! the views show the outcome and turn clicks into the room's actions.

mod columns;
mod pairs;
mod people;
mod settings;
pub mod state;
mod swap;

use std::rc::Rc;

use doorgroei::exchange::{MatchMode, Request};
use doorgroei::format::pairs_to_csv;
use doorgroei::matching::{can_mentor, capacity_text, needs_mentor, Constraint, Occupancy};
use doorgroei::roster::Person;
use doorgroei::Lang;
use yew::prelude::*;

use crate::i18n::{counted, t, T};
use crate::rooms::mentorkoppeling::pairs::PairRow;
use crate::rooms::mentorkoppeling::people::people_section;
use crate::rooms::mentorkoppeling::settings::settings_panel;
use crate::rooms::mentorkoppeling::state::{Action, State};
use crate::rooms::mentorkoppeling::swap::Swap;
use crate::session::{LadderInUse, RosterInUse};
use crate::shared::download::{download, download_written};
use crate::shared::files::{use_bytes_reader, use_file_reader};
use crate::shared::worker::explain;
use crate::shared::Shared;
use crate::widgets::{busy, errors_box, page_rows, pager, value_of, warnings_box};

#[derive(Properties, PartialEq)]
pub struct RoomProps {
    pub lang: Lang,
    pub ladder: Shared<LadderInUse>,
    pub roster: Option<Shared<RosterInUse>>,
    pub room: Rc<State>,
    pub on: Callback<Action>,
    /// Why a roster file could not be written.
    pub on_export_failed: Callback<String>,
}

/// The workspace.
#[function_component(Mentoring)]
pub fn mentoring(props: &RoomProps) -> Html {
    let lang = props.lang;
    let on = &props.on;
    let room = &props.room;
    // Read and checked in the worker: thousands of rows would hold the page up.
    let on_file = use_bytes_reader(on.reform(|(name, bytes)| Action::Import(name, bytes)));
    let on_settings_file = use_file_reader(on.reform(Action::OpenSettings));
    let use_example = on.reform(|_| Action::UseExample);
    let errors = room.errors.as_ref().map(|errors| {
        errors_box(
            lang,
            t(lang, T::RosterErrors),
            errors,
            on.reform(|_| Action::DismissErrors),
        )
    });
    let warnings = room.warnings.as_ref().map(|warnings| {
        warnings_box(
            lang,
            t(lang, T::WarningsIn),
            warnings,
            on.reform(|_| Action::DismissWarnings),
        )
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
                        <input type="file" accept=".csv,.txt,.xlsx,.yaml,.yml,text/csv,text/yaml,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onchange={on_file} />
                    </label>
                    <button type="button" onclick={use_example}>{ t(lang, T::UseExampleRoster) }</button>
                </div>
                { for errors }
                { for warnings }
            </div>
            { settings_panel(lang, room, on, on_settings_file) }
            if let Some(import) = &room.importing {
                { busy(lang, T::Importing, &import.name) }
            }
            if let Some(step) = &room.columns {
                { columns::columns_step(lang, step, room.importing.is_some(), on) }
            }
            if let Some(roster) = &props.roster {
                <Workspace lang={lang} ladder={props.ladder.clone()} roster={roster.clone()}
                    room={room.clone()} on={on.clone()} on_export_failed={props.on_export_failed.clone()} />
            } else {
                <p class="empty">{ t(lang, T::NoRoster) }</p>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct WorkspaceProps {
    lang: Lang,
    ladder: Shared<LadderInUse>,
    roster: Shared<RosterInUse>,
    room: Rc<State>,
    on: Callback<Action>,
    on_export_failed: Callback<String>,
}

/// Summary, actions, pairs, unmatched, load and the people.
#[function_component(Workspace)]
fn workspace(props: &WorkspaceProps) -> Html {
    let lang = props.lang;
    let on = &props.on;
    let ladder = &props.ladder.ladder;
    let roster = &props.roster.roster;
    let outcome = &props.roster.outcome;
    let people = roster.lookup();
    let room = &props.room;
    let config = room.settings;
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
    let people_page = use_state(|| 0usize);
    let people_open = use_state(|| false);

    // (One callback for every row, the same at every draw: a row whose
    // pair did not change is not drawn again.)
    let open_swap = {
        let setter = swapping.setter();
        use_callback((), move |mentee: String, _| setter.set(Some(mentee)))
    };
    let run = |mode: MatchMode| {
        let swapping = swapping.clone();
        on.reform(move |_| {
            swapping.set(None);
            Action::Match(mode)
        })
    };
    let busy = room.matching.is_some();
    let export_csv = {
        let shared = props.roster.clone();
        Callback::from(move |_| {
            download(
                t(lang, T::FilePairs),
                &pairs_to_csv(&shared.outcome, &shared.roster, lang),
                "text/csv;charset=utf-8",
            )
        })
    };
    let export_yaml = {
        let (shared, on_failed) = (props.roster.clone(), props.on_export_failed.clone());
        Callback::from(move |_| {
            // Written by the worker, which has the YAML writer.
            let request = Request::WriteRoster(shared.json().to_string());
            download_written(t(lang, T::FileRoster), &request, on_failed.clone());
        })
    };
    let name = |id: &str| people.name(id).to_string();
    let needle = query.trim().to_lowercase();
    let found = |id: &str| {
        id.to_lowercase().contains(&needle)
            || people
                .person(id)
                .is_some_and(|p| p.name.to_lowercase().contains(&needle))
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
    // (Who has left mentors no more: not listed with room.)
    let today = crate::shared::clock::today();
    let shown_mentors: Vec<&Person> = roster
        .people
        .iter()
        .filter(|p| can_mentor(ladder, p, &config) && p.leaves.is_none_or(|d| d > today))
        .filter(|p| needle.is_empty() || found(&p.id))
        .collect();
    let shown_people: Vec<&Person> = roster
        .people
        .iter()
        .filter(|p| needle.is_empty() || found(&p.id))
        .collect();
    let search = {
        let (query, pages) = (
            query.clone(),
            [
                pairs_page.clone(),
                unmatched_page.clone(),
                load_page.clone(),
                people_page.clone(),
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
                    "{}: {} — {}, {}, {} · {} {} / {} · {} {}",
                    t(lang, T::RosterLabel),
                    props.roster.name.as_deref().unwrap_or("—"),
                    counted(lang, roster.people.len() as i64, T::Person, T::PeopleCount),
                    counted(lang, mentees as i64, T::NeedsAMentor, T::MenteesCount),
                    counted(lang, mentors as i64, T::CanMentor, T::MentorsCount),
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
            // Always there, one line high: the table below does not move
            // when the matching starts and ends (moving it made the browser
            // paint the whole page twice, a third of a re-match), and a
            // screen reader hears the status of a region it already knows.
            <p class={classes!("match-status", busy.then_some("busy"))} role="status">
                if busy {
                    <progress aria-label={t(lang, T::Matching)}></progress>
                    { format!(" {}", t(lang, T::Matching)) }
                }
            </p>
            if let Some(message) = &room.failed {
                <p class="problem" role="alert">{ format!("{}: {}", t(lang, T::MatchingFailed), explain(message).get(lang)) }</p>
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
                // (Busy while the worker matches, or explains the pairs
                // after an edit: an unexplained pair's score shows as "…".)
                <table class="pairs" aria-labelledby="pairs-heading" aria-busy={(room.reviewing.is_some() || busy).to_string()}>
                    <thead><tr>
                        <th scope="col">{ t(lang, T::Mentee) }</th>
                        <th scope="col">{ t(lang, T::Mentor) }</th>
                        <th scope="col" class="num">{ t(lang, T::Score) }</th>
                        <th scope="col">{ t(lang, T::Why) }</th>
                        <th scope="col">{ t(lang, T::Actions) }</th>
                    </tr></thead>
                    <tbody>
                    { for shown_pairs[page_rows(shown_pairs.len(), *pairs_page)].iter().map(|p| {
                        let swap = (swapping.as_deref() == Some(p.mentee.as_str())).then(|| html! {
                            <Swap lang={lang} ladder={props.ladder.clone()} roster={props.roster.clone()} settings={config} mentee={p.mentee.clone()} current={Some(p.mentor.clone())} swapping={swapping.clone()} on={on.clone()} />
                        });
                        html! {
                            <PairRow key={p.mentee.clone()} lang={lang} pair={(*p).clone()}
                                mentee_name={AttrValue::from(name(&p.mentee))} mentor_name={AttrValue::from(name(&p.mentor))}
                                swap={swap} on_swap={open_swap.clone()} on={on.clone()} />
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
                                <button type="button" onclick={open_swap} aria-expanded={editing.to_string()}>{ format!("{} {}", t(lang, T::ChooseMentor), name(&u.mentee)) }</button>
                                if editing {
                                    <Swap lang={lang} ladder={props.ladder.clone()} roster={props.roster.clone()} settings={config} mentee={u.mentee.clone()} current={None::<String>} swapping={swapping.clone()} on={on.clone()} />
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
                    { for outcome.ended.iter().map(|e| {
                        let reason = if e.problems.is_empty() { e.reason.get(lang).to_string() } else { Constraint::broken_list(&e.problems, lang) };
                        // The mentor once (a reason may name them), and who the mentee has now.
                        let mentor = name(&e.mentor);
                        let named = reason.contains(&format!("{mentor} ({})", e.mentor));
                        let now = outcome.pairs.iter().find(|p| p.mentee == e.mentee && p.mentor != e.mentor);
                        html! {
                            <li key={e.mentee.clone()} data-mentee={e.mentee.clone()}>
                                <strong>{ name(&e.mentee) }</strong>{ format!(" ({}) — ", e.mentee) }
                                if !named {
                                    <strong>{ mentor }</strong>{ format!(" ({}): ", e.mentor) }
                                }
                                { reason }
                                if let Some(p) = now {
                                    { format!("; {} ", t(lang, T::NowWith)) }<strong>{ name(&p.mentor) }</strong>{ format!(" ({})", p.mentor) }
                                }
                            </li>
                        }
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
                    let occupancy = Occupancy::of(load, p.capacity);
                    let (full, over) = (occupancy != Occupancy::Room, occupancy == Occupancy::Over);
                    let mark = match occupancy {
                        Occupancy::Room => "○",
                        Occupancy::Full => "●",
                        Occupancy::Over => "▲",
                    };
                    html! {
                        <tr key={p.id.clone()} class={classes!(full.then_some("full"), over.then_some("over"))}>
                            <th scope="row">{ &p.name }<span class="id">{ format!(" ({})", p.id) }</span></th>
                            <td class="num">{ load }</td>
                            <td class="num">{ capacity_text(ladder, p, lang) }</td>
                            <td>{ format!("{mark} {}", occupancy.label(lang)) }</td>
                        </tr>
                    }
                }) }
                </tbody>
            </table>
            </div>
            { pager(lang, format!("{}: {}", t(lang, T::MentorLoad), t(lang, T::Pages)), shown_mentors.len(), &load_page) }

            { people_section(lang, &props.ladder, &props.roster, room, &shown_people, &people_page, &people_open, on) }
        </>
    }
}
