//! Whose calendar file to download: a list of everyone with reviews, and
//! with many people (2,000 pairs have some 3,000) a search field in front
//! of it, so that the list holds the matches rather than thousands of
//! options nobody scrolls through (and the page does not draw them).

use doorgroei::exchange::CalendarPerson;
use doorgroei::Lang;
use yew::prelude::*;

use crate::i18n::{t, T};
use crate::rooms::besprekingen::state::Planned;
use crate::shared::Shared;
use crate::texts::{c, C};
use crate::widgets::value_of;

/// Up to this many people the list shows everyone and there is no search.
pub const LIST_ALL: usize = 150;

/// How many matches the list shows while searching.
pub const SHOWN: usize = 50;

#[derive(Properties, PartialEq)]
pub struct PersonProps {
    pub lang: Lang,
    pub planned: Shared<Planned>,
    /// The id chosen (empty: nobody).
    pub chosen: String,
    pub on_choose: Callback<String>,
}

/// Whether `person` (id and name) matches what was typed: every word of it
/// in the name or the id, case and accents aside.
fn matches(words: &[String], id: &str, name: &str) -> bool {
    let (id, name) = (fold(id), fold(name));
    words
        .iter()
        .all(|w| id.contains(w.as_str()) || name.contains(w.as_str()))
}

/// Lower case without accents.
fn fold(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(doorgroei::format::plain)
        .collect()
}

/// The label and list (and search field) of whose calendar to download.
#[function_component(PersonChoice)]
pub fn person_choice(props: &PersonProps) -> Html {
    let lang = props.lang;
    let query = use_state(String::new);
    let roster = &props.planned.asked.roster.roster;
    let people = roster.lookup();
    let everyone = &props.planned.people;
    let searching = everyone.len() > LIST_ALL;
    let words: Vec<String> = query.split_whitespace().map(fold).collect();
    let found: Vec<&CalendarPerson> = if searching {
        everyone
            .iter()
            .filter(|p| matches(&words, &p.id, people.name(&p.id)))
            .collect()
    } else {
        everyone.iter().collect()
    };
    let shown = &found[..found.len().min(if searching { SHOWN } else { found.len() })];
    // One found: chosen at once (the download is one click away).
    {
        let (on_choose, chosen) = (props.on_choose.clone(), props.chosen.clone());
        let only =
            (searching && !words.is_empty() && found.len() == 1).then(|| found[0].id.clone());
        use_effect_with(only, move |only| {
            if let Some(id) = only.clone().filter(|id| *id != chosen) {
                on_choose.emit(id);
            }
        });
    }
    // The one chosen stays in the list whatever is typed.
    let chosen = everyone
        .iter()
        .find(|p| p.id == props.chosen && !shown.iter().any(|s| s.id == p.id));
    let option = |p: &CalendarPerson| {
        let role = t(lang, if p.mentor { T::Mentor } else { T::Mentee }).to_lowercase();
        html! {
            <option value={p.id.clone()} selected={props.chosen == p.id}>
                { format!("{} ({}, {role})", people.name(&p.id), p.id) }
            </option>
        }
    };
    let on_search = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| query.set(value_of(&e)))
    };
    let on_change = props.on_choose.reform(|e: Event| value_of(&e));
    let total = everyone.len().to_string();
    html! {
        <>
        // (Each label with its field, so that they wrap together.)
        if searching {
            <span class="pick">
                <label class="inline" for="ics-person-search">{ c(lang, C::FindPerson) }</label>
                <input id="ics-person-search" type="search" value={(*query).clone()} oninput={on_search}
                    placeholder={t(lang, T::SearchHint)} autocomplete="off" aria-describedby="ics-person-count" />
            </span>
        }
        <span class="pick">
            <label class="inline" for="ics-person">{ c(lang, C::ForPerson) }</label>
            <select id="ics-person" onchange={on_change}>
                <option value="" selected={props.chosen.is_empty()}>{ "—" }</option>
                { for chosen.into_iter().map(option) }
                { for shown.iter().map(|p| option(p)) }
            </select>
        </span>
        if searching {
            <span id="ics-person-count" class="hint" role="status">{
                if words.is_empty() {
                    c(lang, C::PeopleShown)
                        .replacen("{}", &shown.len().to_string(), 1)
                        .replacen("{}", &total, 1)
                } else if found.is_empty() {
                    t(lang, T::NoneFound).to_string()
                } else if found.len() > shown.len() {
                    c(lang, C::PeopleFound)
                        .replacen("{}", &shown.len().to_string(), 1)
                        .replacen("{}", &found.len().to_string(), 1)
                } else {
                    c(lang, C::PeopleAllFound).replacen("{}", &found.len().to_string(), 1)
                }
            }</span>
        }
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_in_the_name_or_the_id_case_and_accents_aside() {
        let words = |q: &str| q.split_whitespace().map(fold).collect::<Vec<_>>();
        for (query, id, name, expected) in [
            ("", "j0001", "Tess El Amrani", true),
            ("tess", "j0001", "Tess El Amrani", true),
            ("el amr", "j0001", "Tess El Amrani", true),
            ("j0001", "j0001", "Tess El Amrani", true),
            ("ZOË", "m1", "Zoë de Vries", true),
            ("zoe", "m1", "Zoë de Vries", true),
            ("tess bakker", "j0001", "Tess El Amrani", false),
            ("j0002", "j0001", "Tess El Amrani", false),
        ] {
            assert_eq!(
                matches(&words(query), id, name),
                expected,
                "{query:?} {name}"
            );
        }
    }
}
