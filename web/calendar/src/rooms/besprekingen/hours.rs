//! Hours for the Registerplein: the reviews held, per person, as reflection
//! hours for re-registration (as mentor and as mentee), worked out from the
//! review log by the core (`programme::hours`, as `doorgroei hours` counts
//! them), and a one-page overview per person to print and attach.

use doorgroei::i18n::decimal;
use doorgroei::programme::{hours, LogEntry, Outcome};
use doorgroei::Lang;
use yew::prelude::*;

use crate::rooms::besprekingen::state::{date_text, Log};
use crate::session::{LadderInUse, RosterInUse};
use crate::shared::Shared;
use crate::texts::{c, filled, C};
use crate::widgets::value_of;

#[derive(Properties, PartialEq)]
pub struct HoursProps {
    pub lang: Lang,
    pub today: jiff::civil::Date,
    pub ladder: Shared<LadderInUse>,
    pub roster: Shared<RosterInUse>,
    pub log: Shared<Log>,
}

/// While the overview prints, the page shows only it
/// (`body[data-printing=hours]` in the stylesheet).
fn print_sheet() {
    let body = gloo::utils::body();
    let _ = body.set_attribute("data-printing", "hours");
    let _ = gloo::utils::window().print();
    let _ = body.remove_attribute("data-printing");
}

/// The section.
#[function_component(HoursView)]
pub fn hours_view(props: &HoursProps) -> Html {
    let lang = props.lang;
    let chosen = use_state(String::new);
    let entries = &props.log.entries;
    let all = hours(&props.roster.roster, entries, None, None);
    let people = props.roster.roster.lookup();
    let mut ids: Vec<&str> = all.iter().map(|h| h.id.as_str()).collect();
    ids.dedup();
    // By name (then id, for two people of the same name).
    doorgroei::sort::sort_by_key(&mut ids, |id| {
        (people.name(id).to_lowercase(), id.to_string())
    });
    let heading = html! { <h3 id="hours-heading">{ c(lang, C::HoursTitle) }</h3> };
    if ids.is_empty() {
        return html! {
            <section class="hours" aria-labelledby="hours-heading">
                { heading }
                <p class="hint">{ c(lang, C::HoursNone) }</p>
            </section>
        };
    }
    let total = |id: &str| -> f64 {
        all.iter()
            .filter(|h| h.id == id)
            .map(|h| h.hours_as_mentor() + h.hours_as_mentee())
            .sum()
    };
    let on_choose = {
        let chosen = chosen.clone();
        Callback::from(move |e: Event| chosen.set(value_of(&e)))
    };
    let sheet = (!chosen.is_empty() && ids.contains(&chosen.as_str())).then(|| {
        sheet(
            lang,
            props.today,
            &chosen,
            &props.ladder,
            &props.roster,
            entries,
        )
    });
    html! {
        <section class="hours" aria-labelledby="hours-heading">
            { heading }
            <p class="hint">{ c(lang, C::HoursIntro) }</p>
            <div class="actions">
                <label>{ c(lang, C::HoursFor) }
                    <select id="hours-person" onchange={on_choose}>
                        <option value="" selected={chosen.is_empty()}>{ c(lang, C::HoursChoose) }</option>
                        { for ids.iter().map(|id| html! {
                            <option value={id.to_string()} selected={*chosen == *id}>
                                { format!("{} ({id}) — {} {}", people.name(id), decimal(total(id), lang), c(lang, if total(id) == 1.0 { C::HoursUnitOne } else { C::HoursUnit })) }
                            </option>
                        }) }
                    </select>
                </label>
                <button type="button" disabled={sheet.is_none()} onclick={Callback::from(|_: MouseEvent| print_sheet())}>
                    { c(lang, C::HoursPrint) }
                </button>
            </div>
            { for sheet }
        </section>
    }
}

/// The one-page overview of `id`: who, each period with the hours as
/// mentor and as mentee, every review held with whom, printed when, and a
/// line to sign.
fn sheet(
    lang: Lang,
    today: jiff::civil::Date,
    id: &str,
    ladder: &LadderInUse,
    roster: &RosterInUse,
    entries: &[LogEntry],
) -> Html {
    let people = roster.roster.lookup();
    let person = roster.roster.person(id);
    let role = person
        .and_then(|p| ladder.ladder.role(&p.role))
        .map(|r| r.name.get(lang).to_string())
        .unwrap_or_default();
    let periods: Vec<_> = hours(&roster.roster, entries, None, None)
        .into_iter()
        .filter(|h| h.id == id)
        .collect();
    let held: Vec<&LogEntry> = entries
        .iter()
        .filter(|e| e.status == Outcome::Held && (e.mentor == id || e.mentee == id))
        .collect();
    let mut held = held;
    doorgroei::sort::sort_by_key(&mut held, |e| e.date);
    let (mentor, mentee) = periods.iter().fold((0.0, 0.0), |(a, b), h| {
        (a + h.hours_as_mentor(), b + h.hours_as_mentee())
    });
    let period = |from, to| format!("{} – {}", date_text(lang, from), date_text(lang, to));
    html! {
        <article class="hours-sheet" aria-label={c(lang, C::HoursSheetTitle)}>
            <h4>{ c(lang, C::HoursSheetTitle) }</h4>
            <p class="who"><strong>{ people.name(id).to_string() }</strong>{ format!(" ({id})") }
                if !role.is_empty() { { format!(" · {role}") } }
            </p>
            <p class="hint">{ c(lang, C::HoursSheetIntro) }</p>
            <table class="hours-periods">
                <thead><tr>
                    <th scope="col">{ c(lang, C::HoursPeriod) }</th>
                    <th scope="col" class="num">{ c(lang, C::HoursAsMentor) }</th>
                    <th scope="col" class="num">{ c(lang, C::HoursAsMentee) }</th>
                </tr></thead>
                <tbody>
                    { for periods.iter().map(|h| html! {
                        <tr>
                            <td>{ period(h.period_start, h.period_end) }</td>
                            <td class="num">{ decimal(h.hours_as_mentor(), lang) }</td>
                            <td class="num">{ decimal(h.hours_as_mentee(), lang) }</td>
                        </tr>
                    }) }
                </tbody>
                <tfoot><tr>
                    <th scope="row">{ c(lang, C::HoursTotal) }</th>
                    <td class="num">{ decimal(mentor, lang) }</td>
                    <td class="num">{ decimal(mentee, lang) }</td>
                </tr></tfoot>
            </table>
            <table class="hours-reviews">
                <thead><tr>
                    <th scope="col">{ c(lang, C::HoursDate) }</th>
                    <th scope="col">{ c(lang, C::HoursWith) }</th>
                    <th scope="col">{ c(lang, C::HoursAs) }</th>
                    <th scope="col" class="num">{ c(lang, C::HoursMinutes) }</th>
                </tr></thead>
                <tbody>
                    { for held.iter().map(|e| {
                        let (other, as_) = if e.mentor == id { (&e.mentee, C::HoursMentor) } else { (&e.mentor, C::HoursMentee) };
                        html! {
                            <tr>
                                <td>{ date_text(lang, e.date) }</td>
                                <td>{ format!("{} ({other})", people.name(other)) }</td>
                                <td>{ c(lang, as_) }</td>
                                <td class="num">{ e.minutes }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
            <p class="printed">{ filled(lang, C::HoursPrinted, &date_text(lang, today)) }</p>
            <p class="signature">{ c(lang, C::HoursSignedBy) }</p>
        </article>
    }
}
