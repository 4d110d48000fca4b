//! Everyone in the roster: edit or remove a person, add one, undo. The
//! form's texts are checked in the worker by the roster loader's own rules
//! (`format::check_person`), which answers at the fields.

use doorgroei::matching::capacity_text;
use doorgroei::roster::Person;
use doorgroei::Lang;
use yew::prelude::*;

use crate::i18n::{counted, named, t, T};
use crate::rooms::mentorkoppeling::state::{Action, Did, Form, Said, State};
use crate::session::{LadderInUse, RosterInUse};
use crate::shared::Shared;
use crate::widgets::{page_rows, pager, value_of};

/// The people section, closed until opened (its rows are drawn only then:
/// a roster of thousands draws fast): the list (searched and paged), its
/// actions, the form where it is open, and what the last edit did.
#[allow(clippy::too_many_arguments)]
pub fn people_section(
    lang: Lang,
    ladder: &Shared<LadderInUse>,
    roster: &Shared<RosterInUse>,
    room: &State,
    shown: &[&Person],
    page: &UseStateHandle<usize>,
    open: &UseStateHandle<bool>,
    on: &Callback<Action>,
) -> Html {
    let l = &ladder.ladder;
    let mut names: Vec<&str> = roster
        .roster
        .people
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    doorgroei::sort::sort(&mut names);
    let shared = |name: &str| {
        let at = names.partition_point(|n| *n < name);
        names.get(at + 1) == Some(&name)
    };
    let form = |person: Option<&Person>| {
        let title = match person {
            Some(p) => named(lang, T::EditNamed, &p.name),
            None => t(lang, T::AddPerson).to_string(),
        };
        person_form(lang, l, room, &title, on)
    };
    let adding = room.form == Some(Form::New);
    let undo = room.undo.last().map(|last| {
        html! {
            <button type="button" onclick={on.reform(|_| Action::Undo)}
                aria-label={named(lang, T::UndoNamed, &said(lang, &last.said))}>{ t(lang, T::Undo) }</button>
        }
    });
    let toggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            let now = e
                .target_dyn_into::<web_sys::Element>()
                .is_some_and(|d| d.has_attribute("open"));
            open.set(now);
        })
    };
    let heading = html! {
        <h3 id="people-heading">{ format!("{} ({})", t(lang, T::People), roster.roster.people.len()) }</h3>
    };
    if !**open {
        return html! {
            <details class="people" ontoggle={toggle}><summary>{ heading }</summary></details>
        };
    }
    html! {
        <details class="people" open=true ontoggle={toggle} aria-labelledby="people-heading">
            <summary>{ heading }</summary>
            <p class="hint">{ t(lang, T::PeopleHint) }</p>
            <div class="actions">
                <button type="button" onclick={on.reform(|_| Action::OpenForm(Form::New))}
                    aria-expanded={adding.to_string()}>{ t(lang, T::AddPerson) }</button>
                { for undo }
            </div>
            <p class="done" role="status">{ room.said.as_ref().map(|s| said(lang, s)).unwrap_or_default() }</p>
            if adding {
                { form(None) }
            }
            <div class="table-scroll">
            <table class="people-list" aria-labelledby="people-heading">
                <thead><tr>
                    <th scope="col">{ t(lang, T::Name) }</th>
                    <th scope="col">{ t(lang, T::Role) }</th>
                    <th scope="col">{ t(lang, T::Team) }</th>
                    <th scope="col">{ t(lang, T::Capacity) }</th>
                    <th scope="col">{ t(lang, T::Actions) }</th>
                </tr></thead>
                <tbody>
                { for shown[page_rows(shown.len(), **page)].iter().map(|p| {
                    let editing = room.form.as_ref() == Some(&Form::Person(p.id.clone()));
                    // A name two people have is told apart by the id.
                    let who = if shared(&p.name) { format!("{} ({})", p.name, p.id) } else { p.name.clone() };
                    let mentors = l.role(&p.role).is_some_and(|r| r.level >= room.settings.mentor_min_level);
                    let (edit, remove) = (p.id.clone(), p.id.clone());
                    html! {
                        <>
                        <tr key={p.id.clone()} data-person={p.id.clone()}>
                            <th scope="row">{ &p.name }<span class="id">{ format!(" ({})", p.id) }</span></th>
                            <td>{ l.role_name(&p.role, lang) }</td>
                            <td>{ &p.team }</td>
                            <td class="capacity">{ if mentors { capacity_text(l, p, lang) } else { "—".into() } }</td>
                            <td><div class="row-actions">
                                <button type="button" aria-expanded={editing.to_string()}
                                    aria-label={named(lang, T::EditNamed, &who)}
                                    onclick={on.reform(move |_| Action::OpenForm(Form::Person(edit.clone())))}>{ t(lang, T::Edit) }</button>
                                <button type="button" aria-label={named(lang, T::RemoveNamed, &who)}
                                    onclick={on.reform(move |_| Action::RemovePerson(remove.clone()))}>{ t(lang, T::Remove) }</button>
                            </div></td>
                        </tr>
                        if editing {
                            <tr class="edit-row"><td colspan="5">{ form(Some(p)) }</td></tr>
                        }
                        </>
                    }
                }) }
                </tbody>
            </table>
            </div>
            { pager(lang, format!("{}: {}", t(lang, T::People), t(lang, T::Pages)), shown.len(), page) }
        </details>
    }
}

/// What an edit did, in a line: `Tess El Amrani is verwijderd · 1
/// koppeling beëindigd · 2 andere personen aangepast`.
fn said(lang: Lang, said: &Said) -> String {
    let what = match said.did {
        Did::Added => T::AddedNamed,
        Did::Changed => T::ChangedNamed,
        Did::Removed => T::RemovedNamed,
        Did::Undone => T::UndoneNamed,
    };
    let mut line = named(lang, what, &said.name);
    if said.ended > 0 {
        line += &format!(
            " · {}",
            counted(lang, said.ended as i64, T::PairEnded, T::PairsEnded)
        );
    }
    if said.others > 0 {
        line += &format!(
            " · {}",
            counted(lang, said.others as i64, T::OtherUpdated, T::OthersUpdated)
        );
    }
    line
}

/// The form's fields in the order it shows them: the index of each in
/// `format::person_cells`, and its label.
const FIELDS: [(usize, T); 24] = [
    (1, T::Name),
    (0, T::StaffId),
    (2, T::Role),
    (3, T::Team),
    (4, T::Location),
    (5, T::Manager),
    (8, T::WorkingDays),
    (9, T::HoursPerWeek),
    (11, T::StartField),
    (21, T::LeavesField),
    (13, T::CapacityField),
    (6, T::SpecialismsField),
    (7, T::Languages),
    (10, T::CareerSwitcher),
    (12, T::NeedsMentorField),
    (14, T::Coaching),
    (15, T::Prefers),
    (16, T::Avoids),
    (17, T::Email),
    (18, T::Absent),
    (22, T::EarlierMentorsField),
    (19, T::IntervisieField),
    (20, T::LastSupervisionField),
    (23, T::RegisteredField),
];

/// Every field of the open form as the text a roster table would hold
/// (`ja`, `ma|di`, `4-1-2027`: the worker reads it as a table row), with
/// the worker's problems at their fields.
fn person_form(
    lang: Lang,
    ladder: &doorgroei::Ladder,
    room: &State,
    title: &str,
    on: &Callback<Action>,
) -> Html {
    let texts = &room.texts;
    let problems = room.problems.as_deref();
    let busy = room.checking.is_some();
    // An empty capacity is the default for the level: said as such.
    let role = texts.get(2).cloned().unwrap_or_default();
    let mut default = Person::new("", "", role);
    default.capacity_default = true;
    default.capacity = ladder
        .role(&default.role)
        .map_or(0, |r| room.settings.default_capacity(r.level));
    let default = format!(
        "{} {}",
        t(lang, T::EmptyIs),
        capacity_text(ladder, &default, lang)
    );
    let field = |&(i, label): &(usize, T)| -> Html {
        let text = texts.get(i).cloned().unwrap_or_default();
        let problem = problems
            .and_then(|p| p.fields.get(i))
            .and_then(Option::as_ref)
            .map(|p| p.get(lang).to_string());
        let note = format!("person-{i}-note");
        let invalid = problem.is_some().then_some("true");
        let described = problem.is_some().then(|| note.clone());
        let put = on.reform(move |e: Event| Action::Type(i, value_of(&e)));
        let hint = (i == 13).then(|| default.clone());
        html! {
            <label>
                { t(lang, label) }
                if i == 2 {
                    <select onchange={put} aria-invalid={invalid} aria-describedby={described}>
                        { for ladder.roles().map(|(_, r)| html! {
                            <option value={r.id.clone()} selected={r.id == text}>{ r.name.get(lang) }</option>
                        }) }
                    </select>
                } else {
                    <input type="text" value={text} onchange={put} autocomplete="off"
                        aria-invalid={invalid} aria-describedby={described} />
                }
                { for hint.map(|h| html! { <span class="hint">{ h }</span> }) }
                { for problem.map(|p| html! { <span class="problem" id={note}>{ p }</span> }) }
            </label>
        }
    };
    let others = problems.map(|p| &p.others).filter(|o| !o.is_empty());
    let submit = on.reform(|e: SubmitEvent| {
        e.prevent_default();
        Action::CheckPerson
    });
    html! {
        <form class="form person-form" onsubmit={submit} aria-label={title.to_string()}>
            <h4>{ title }</h4>
            { for FIELDS.iter().map(field) }
            if let Some(others) = others {
                <div class="problem" role="alert">
                    <p>{ t(lang, T::Elsewhere) }</p>
                    <ul>{ for others.iter().map(|o| html! { <li>{ o.get(lang) }</li> }) }</ul>
                </div>
            } else if problems.is_some() {
                <p class="problem" role="alert">{ t(lang, T::FixFields) }</p>
            }
            if busy {
                <p class="busy" role="status"><progress aria-label={t(lang, T::Checking)}></progress>{ format!(" {}", t(lang, T::Checking)) }</p>
            }
            <div class="actions">
                <button type="submit" class="primary" disabled={busy}>{ t(lang, T::Save) }</button>
                <button type="button" onclick={on.reform(|_| Action::CloseForm)}>{ t(lang, T::Cancel) }</button>
            </div>
        </form>
    }
}
