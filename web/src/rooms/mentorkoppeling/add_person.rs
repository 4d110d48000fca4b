//! A small form for a new colleague.

use doorgroei::ladder::Level;
use doorgroei::roster::{Day, Days, Person};
use doorgroei::Lang;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::i18n::{day_short, t, T};
use crate::rooms::mentorkoppeling::state::Action;
use crate::session::{LadderInUse, RosterInUse};
use crate::shared::Shared;

#[derive(Properties, PartialEq)]
pub struct AddProps {
    pub lang: Lang,
    pub ladder: Shared<LadderInUse>,
    pub roster: Shared<RosterInUse>,
    pub on: Callback<Action>,
}

/// A small form for a new colleague (a junior by default).
#[function_component(AddPerson)]
pub fn add_person(props: &AddProps) -> Html {
    let lang = props.lang;
    let ladder = &props.ladder.ladder;
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
        let (on, problem, form, roster) = (
            props.on.clone(),
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
            if roster.roster.people.iter().any(|p| p.id == id) {
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
            on.emit(Action::AddPerson(Box::new(person)));
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
                            { day_short(lang, d) }
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
