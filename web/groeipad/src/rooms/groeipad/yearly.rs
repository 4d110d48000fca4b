//! For the yearly conversation (issue 19): the self-assessment against
//! what the goal and the route ask, with its chart; the agreements; two
//! roles side by side; and the printed plan's header and signatures.

use doorgroei::compare::{side_by_side, Value};
use doorgroei::dates::long_date;
use doorgroei::exchange::{PlanRequest, Reply, Request};
use doorgroei::format::ProfileFile;
use doorgroei::i18n::Noun;
use doorgroei::ladder::same_name;
use doorgroei::ladder::{Proficiency, Track};
use doorgroei::paths::{Agreement, CompetencyGap, Profile};
use doorgroei::{Ladder, Lang};
use jiff::civil::Date;
use yew::prelude::*;

use crate::rooms::groeipad::state::Action;
use crate::session::LadderInUse;
use crate::shared::{worker, Shared};
use crate::texts::{g, money, G};
use crate::widgets::value_of;

fn checked(e: &Event) -> bool {
    use wasm_bindgen::JsCast;
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .is_some_and(|i| i.checked())
}

/// A competency to rate: the gap against the highest level any role on the
/// way asks, and the roles that ask it (their names).
#[derive(Clone, Debug, PartialEq)]
pub struct Asked {
    pub gap: CompetencyGap,
    pub by: Vec<String>,
}

/// Every competency the roles `on_the_way` ask (the chosen route's steps
/// and the goal), once each, at the highest level asked, in the order the
/// way meets them, against the profile's ratings.
pub fn asked(ladder: &Ladder, profile: &Profile, on_the_way: &[String], lang: Lang) -> Vec<Asked> {
    let mut out: Vec<Asked> = Vec::new();
    for id in on_the_way.iter().filter(|id| **id != profile.current_role) {
        let Some(role) = ladder.role(id) else {
            continue;
        };
        let name = role.name.get(lang).to_string();
        for c in &role.competencies {
            match out.iter_mut().find(|a| same_name(&a.gap.name, &c.name)) {
                Some(a) => {
                    a.gap.asked = a.gap.asked.max(c.level);
                    if !a.by.contains(&name) {
                        a.by.push(name.clone());
                    }
                }
                None => out.push(Asked {
                    gap: CompetencyGap {
                        name: c.name.clone(),
                        own: None,
                        asked: c.level,
                        met: false,
                    },
                    by: vec![name.clone()],
                }),
            }
        }
    }
    for a in &mut out {
        a.gap.own = profile.rating(&a.gap.name);
        a.gap.met = profile.meets(&a.gap.name, a.gap.asked);
    }
    out
}

/// A level as a step of the chart: nog niet 0 … sterk 3.
fn step(p: Proficiency) -> u32 {
    match p {
        Proficiency::NotYet => 0,
        Proficiency::Basic => 1,
        Proficiency::Sufficient => 2,
        Proficiency::Strong => 3,
    }
}

/// The self-assessment: a four-step choice per competency, the gap in
/// words beside it (screen only), and the chart (printed too).
pub fn self_assessment(lang: Lang, rows: &[Asked], on: &Callback<Action>, read_only: bool) -> Html {
    let choice = |i: usize, a: &Asked| {
        let name = a.gap.name.clone();
        html! {
            <fieldset class="rating">
                <legend>{ &a.gap.name }</legend>
                <div class="levels">
                    { for Proficiency::ALL.iter().map(|&level| {
                        let name = name.clone();
                        let onchange = on.reform(move |_: Event| {
                            let name = name.clone();
                            Action::Edit(Box::new(move |p| {
                                p.self_assessment.retain(|n, _| !same_name(n, &name));
                                p.self_assessment.insert(name, level);
                            }))
                        });
                        html! {
                            <label class="check">
                                <input type="radio" name={format!("rating-{i}")} value={level.as_str()}
                                    checked={a.gap.own == Some(level)} disabled={read_only} {onchange} />
                                { level.label(lang) }
                            </label>
                        }
                    }) }
                </div>
                <p class={classes!("gap", if a.gap.met { "met" } else { "missing" })}>
                    <span aria-hidden="true">{ if a.gap.met { "✓ " } else { "✗ " } }</span>
                    { a.gap.describe(lang) }
                    <span class="by">{ format!(" · {} {}", g(lang, G::AskedBy), a.by.join(", ")) }</span>
                </p>
            </fieldset>
        }
    };
    html! {
        <section class="assessment" aria-labelledby="assessment-heading">
            <h3 id="assessment-heading">{ g(lang, G::SelfAssessment) }</h3>
            if rows.is_empty() {
                <p class="hint">{ g(lang, G::AssessNeedsGoal) }</p>
            } else {
                <p class="hint">{ g(lang, G::SelfAssessmentHint) }</p>
                <div class="ratings no-print">
                    { for rows.iter().enumerate().map(|(i, a)| choice(i, a)) }
                </div>
                { chart(lang, rows) }
            }
        </section>
    }
}

/// Own level against the asked level per competency: an SVG drawn here
/// (hidden from screen readers), and the same as a table for them.
pub fn chart(lang: Lang, rows: &[Asked]) -> Html {
    const LEFT: u32 = 10;
    const UNIT: u32 = 100;
    const ROW: u32 = 42;
    let height = ROW * rows.len() as u32 + 26;
    let width = LEFT + 3 * UNIT + 70;
    let own_label = |a: &Asked| {
        a.gap
            .own
            .map_or(g(lang, G::NotRated), |p| p.label(lang))
            .to_string()
    };
    html! {
        <figure class="assessment-chart">
            <figcaption>{ g(lang, G::ChartTitle) }</figcaption>
            <svg class="chart" role="presentation" aria-hidden="true" width={width.to_string()}
                height={height.to_string()} viewBox={format!("0 0 {width} {height}")}>
                { for (0..4u32).map(|s| html! {
                    <line class="grid" x1={(LEFT + s * UNIT).to_string()} x2={(LEFT + s * UNIT).to_string()}
                        y1="0" y2={(height - 18).to_string()} />
                }) }
                { for rows.iter().enumerate().map(|(i, a)| {
                    let y = ROW * i as u32;
                    let own = a.gap.own.map_or(0, step);
                    let asked = step(a.gap.asked);
                    html! {
                        <g class={classes!("row", if a.gap.met { "met" } else { "missing" })} data-competency={a.gap.name.clone()}>
                            <text class="name" x={LEFT.to_string()} y={(y + 14).to_string()}>{ &a.gap.name }</text>
                            <rect class="asked" x={LEFT.to_string()} y={(y + 19).to_string()}
                                width={(asked * UNIT).max(2).to_string()} height="14" />
                            <rect class="own" x={LEFT.to_string()} y={(y + 22).to_string()}
                                width={(own * UNIT).max(2).to_string()} height="8" data-level={own.to_string()} />
                        </g>
                    }
                }) }
                { for Proficiency::ALL.iter().map(|&p| html! {
                    <text class="axis" x={(LEFT + step(p) * UNIT).to_string()} y={(height - 2).to_string()}>{ p.label(lang) }</text>
                }) }
            </svg>
            <p class="chart-key" aria-hidden="true">
                <span class="key own"></span>{ format!(" {}  ", g(lang, G::OwnLevel)) }
                <span class="key asked"></span>{ format!(" {}", g(lang, G::AskedLevel)) }
            </p>
            // In a box of its own: a table is never narrower than its content,
            // so as the hidden one it would widen the page on a phone.
            <div class="visually-hidden">
            <table>
                <caption>{ g(lang, G::ChartTitle) }</caption>
                <thead><tr>
                    <th scope="col">{ g(lang, G::Competency) }</th>
                    <th scope="col">{ g(lang, G::OwnLevel) }</th>
                    <th scope="col">{ g(lang, G::AskedLevel) }</th>
                </tr></thead>
                <tbody>
                    { for rows.iter().map(|a| html! {
                        <tr>
                            <th scope="row">{ &a.gap.name }</th>
                            <td>{ own_label(a) }</td>
                            <td>{ a.gap.asked.label(lang) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            </div>
        </figure>
    }
}

/// Why an agreement could not be added.
#[derive(Clone, PartialEq)]
enum Problem {
    NoAction,
    /// The date as typed, which is none.
    NoDate(String),
}

/// A date as people type it: day-month-year (`4-1-2027`, also with `/` or
/// `.`), or as the file writes it (`2027-01-04`); none if it is no date
/// (`31-2-2027`, `15`).
pub fn parse_day(text: &str) -> Option<Date> {
    let text = text.trim();
    if let Some(date) = doorgroei::dates::parse_date(text) {
        return Some(date);
    }
    let parts: Vec<&str> = text.split(['-', '/', '.']).collect();
    let [d, m, y] = parts[..] else {
        return None;
    };
    let n = |s: &str, most: usize| {
        (!s.is_empty() && s.len() <= most && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<i16>().ok())
            .flatten()
    };
    let (day, month, year) = (n(d, 2)?, n(m, 2)?, n(y, 4)?);
    if y.len() != 4 {
        return None;
    }
    Date::new(year, month as i8, day as i8).ok()
}

#[derive(Properties, PartialEq)]
pub struct AgreementsProps {
    pub lang: Lang,
    pub profile: Profile,
    pub today: Date,
    pub on: Callback<Action>,
}

/// The agreements: add, tick off, remove; overdue ones marked. Printed
/// with their dates and room for signatures.
#[function_component(Agreements)]
pub fn agreements(props: &AgreementsProps) -> Html {
    let lang = props.lang;
    let text = use_state(String::new);
    let by = use_state(String::new);
    // What is wrong with the agreement being added: no action, or a date
    // that is none (as typed).
    let problem = use_state(|| None::<Problem>);
    let (action_field, by_field) = (use_node_ref(), use_node_ref());
    let profile = &props.profile;
    let add = {
        let on = props.on.clone();
        let (text, by, problem) = (text.clone(), by.clone(), problem.clone());
        let (action_field, by_field) = (action_field.clone(), by_field.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let focus = |field: &NodeRef| {
                if let Some(input) = field.cast::<web_sys::HtmlInputElement>() {
                    let _ = input.focus();
                }
            };
            let action = text.trim().to_string();
            if action.is_empty() {
                problem.set(Some(Problem::NoAction));
                focus(&action_field);
                return;
            }
            let typed = by.trim().to_string();
            let date = if typed.is_empty() {
                None
            } else if let Some(date) = parse_day(&typed) {
                Some(date)
            } else {
                problem.set(Some(Problem::NoDate(typed)));
                focus(&by_field);
                return;
            };
            let agreement = Agreement {
                action,
                by: date,
                done: false,
            };
            text.set(String::new());
            by.set(String::new());
            problem.set(None);
            on.emit(Action::Edit(Box::new(move |p| {
                p.agreements.push(agreement)
            })));
        })
    };
    let action_wrong = matches!(*problem, Some(Problem::NoAction));
    let date_wrong = matches!(*problem, Some(Problem::NoDate(_)));
    let described = |wrong: bool| wrong.then_some("agreement-problem");
    html! {
        <section class="agreements" aria-labelledby="agreements-heading">
            <h3 id="agreements-heading">{ g(lang, G::Agreements) }</h3>
            if profile.agreements.is_empty() {
                <p class="hint">{ g(lang, G::NoAgreements) }</p>
            } else {
                <ul class="agreement-list">
                    { for profile.agreements.iter().enumerate().map(|(i, a)| {
                        let overdue = a.overdue(props.today);
                        // By place and text: an agreement changed meanwhile is left alone.
                        let this = a.clone();
                        let toggle = props.on.reform(move |e: Event| {
                            let (this, done) = (this.clone(), checked(&e));
                            Action::Edit(Box::new(move |p| {
                                if let Some(a) = p.agreements.get_mut(i).filter(|a| **a == this) {
                                    a.done = done;
                                }
                            }))
                        });
                        let this = a.clone();
                        let remove = props.on.reform(move |_: MouseEvent| {
                            let this = this.clone();
                            Action::Edit(Box::new(move |p| {
                                if p.agreements.get(i) == Some(&this) {
                                    p.agreements.remove(i);
                                }
                            }))
                        });
                        html! {
                            <li class={classes!("agreement", a.done.then_some("done"), overdue.then_some("overdue"))}>
                                <label class="check">
                                    <input type="checkbox" checked={a.done} onchange={toggle} />
                                    <span class="action">{ &a.action }</span>
                                </label>
                                if let Some(by) = a.by {
                                    <span class="by">{ format!(" — {} {}", g(lang, G::AgreementBy).to_lowercase(), long_date(by, lang)) }</span>
                                }
                                <span class="print-only state">{ format!(" ({})", if a.done { g(lang, G::AgreementDone) } else { g(lang, G::AgreementOpen) }) }</span>
                                if overdue {
                                    <strong class="overdue-mark">{ format!(" {}", g(lang, G::Overdue)) }</strong>
                                }
                                <button type="button" class="link no-print" onclick={remove}
                                    aria-label={format!("{}: {}", g(lang, G::RemoveAgreement), a.action)}>
                                    { g(lang, G::RemoveAgreement) }
                                </button>
                            </li>
                        }
                    }) }
                </ul>
            }
            <form class="add-agreement no-print" onsubmit={add}>
                <label>{ g(lang, G::AgreementAction) }
                    <input type="text" id="agreement-action" value={(*text).clone()} ref={action_field}
                        aria-invalid={action_wrong.to_string()} aria-describedby={described(action_wrong)}
                        oninput={let text = text.clone(); Callback::from(move |e: InputEvent| text.set(value_of(&e)))} />
                </label>
                <label>{ g(lang, G::AgreementBy) }
                    <input type="text" id="agreement-by" value={(*by).clone()} ref={by_field}
                        placeholder={g(lang, G::DatePlaceholder)} autocomplete="off"
                        aria-invalid={date_wrong.to_string()} aria-describedby={described(date_wrong)}
                        oninput={let by = by.clone(); Callback::from(move |e: InputEvent| by.set(value_of(&e)))} />
                </label>
                <button type="submit">{ g(lang, G::AddAgreement) }</button>
                if let Some(problem) = &*problem {
                    <p class="problem" role="alert" id="agreement-problem">{ match problem {
                        Problem::NoAction => g(lang, G::AgreementEmpty).to_string(),
                        Problem::NoDate(typed) => crate::texts::bad_date(lang, typed),
                    } }</p>
                }
            </form>
            <div class="signatures print-only">
                { for [G::SignEmployee, G::SignManager].into_iter().map(|who| html! {
                    <div class="signature">
                        <p>{ g(lang, who) }</p>
                        <p class="line">{ format!("{}:", g(lang, G::SignDate)) }</p>
                    </div>
                }) }
            </div>
        </section>
    }
}

/// The mix of work as a bar in the tracks' colours (the drawing's classes).
fn mix_bar(mix: &doorgroei::ladder::Mix) -> Html {
    let mut x = 0u32;
    html! {
        <svg class="ladder sample mixbar" width="100" height="10" aria-hidden="true">
            { for Track::ALL.iter().filter(|&&t| mix.share(t) > 0).map(|&t| {
                let w = u32::from(mix.share(t));
                let bar = html! {
                    <rect class={format!("mix track-{}", t.as_str())} x={x.to_string()} y="0"
                        width={w.to_string()} height="10" />
                };
                x += w;
                bar
            }) }
        </svg>
    }
}

#[derive(Properties, PartialEq)]
pub struct CompareProps {
    pub lang: Lang,
    pub ladder: Shared<LadderInUse>,
    /// The first role unless another is chosen: the current role.
    pub mine: String,
    /// The second unless another is chosen: the goal, or without one
    /// `next`.
    pub goal: String,
    /// The first of the next steps (empty if none).
    pub next: String,
}

/// The months of the shortest route between two roles, as the worker
/// answered (`None`: no route), by (from, to).
#[derive(Clone, Default, PartialEq)]
struct Ways(Vec<((String, String), Option<u32>)>);

impl Reducible for Ways {
    type Action = ((String, String), Option<u32>);

    fn reduce(self: std::rc::Rc<Self>, (way, months): Self::Action) -> std::rc::Rc<Self> {
        let mut next = (*self).clone();
        next.0.retain(|(w, _)| *w != way);
        next.0.push((way, months));
        std::rc::Rc::new(next)
    }
}

/// Asks the worker for the shortest route from `from` to `to` (a plan for
/// someone new in `from` with nothing else known but the education it
/// asks, as `doorgroei compare` counts): the route search is the worker's,
/// so this module does without it.
fn ask_way(ladder: &Shared<LadderInUse>, from: &str, to: &str, ways: UseReducerHandle<Ways>) {
    let mut profile = Profile::in_role_of(&ladder.ladder, from);
    profile.goals = vec![to.to_string()];
    let request = Request::Plan(PlanRequest {
        ladder: ladder.file.text.clone(),
        profile: ProfileFile::from(profile),
        today: crate::shared::clock::today(),
    });
    let way = (from.to_string(), to.to_string());
    worker::post(
        &request,
        Callback::from(move |reply| {
            let months = match reply {
                Reply::Plan(Ok(plan)) => plan
                    .goals
                    .first()
                    .and_then(|g| g.routes.first())
                    .map(|r| r.months),
                _ => None,
            };
            ways.dispatch((way.clone(), months));
        }),
    );
}

/// Two roles side by side: their facts, their competencies, and the steps
/// between them both ways with their time.
#[function_component(Compare)]
pub fn compare_view(props: &CompareProps) -> Html {
    let lang = props.lang;
    let ladder = &props.ladder.ladder;
    let chosen = use_state(|| (None::<String>, None::<String>));
    let ways = use_reducer(Ways::default);
    let mut roles: Vec<(String, String)> = ladder
        .roles()
        .map(|(_, r)| (r.id.clone(), r.name.get(lang).to_string()))
        .collect();
    crate::rooms::groeipad::sort_names(&mut roles);
    // The one chosen, else the first default the ladder has; else none
    // (the room asks for one).
    let pick = |own: &Option<String>, defaults: &[&str]| {
        own.iter()
            .map(String::as_str)
            .chain(defaults.iter().copied())
            .find(|id| ladder.role(id).is_some())
            .unwrap_or_default()
            .to_string()
    };
    let a = pick(&chosen.0, &[&props.mine]);
    let b = pick(&chosen.1, &[&props.goal, &props.next]);
    // Without a goal the second is a next step, not the first role again.
    let b = if chosen.1.is_none() && b == a {
        String::new()
    } else {
        b
    };
    {
        let ways = ways.clone();
        use_effect_with(
            (props.ladder.clone(), a.clone(), b.clone()),
            move |(ladder, a, b)| {
                if !a.is_empty() && !b.is_empty() && a != b {
                    ask_way(ladder, a, b, ways.clone());
                    ask_way(ladder, b, a, ways);
                }
            },
        );
    }
    let select = |id: &'static str, label: G, value: &str, second: bool| {
        let chosen = chosen.clone();
        let onchange = Callback::from(move |e: Event| {
            let v = Some(value_of(&e));
            let (a, b) = (*chosen).clone();
            chosen.set(if second { (a, v) } else { (v, b) });
        });
        html! {
            <label>{ g(lang, label) }
                <select id={id} {onchange}>
                    if value.is_empty() {
                        <option value="" selected=true disabled=true>{ g(lang, G::ChooseAnyRole) }</option>
                    }
                    { for roles.iter().map(|(rid, name)| html! {
                        <option value={rid.clone()} selected={rid == value}>{ name }</option>
                    }) }
                </select>
            </label>
        }
    };
    let months = |from: &str, to: &str| {
        let way = (from.to_string(), to.to_string());
        match ways.0.iter().find(|(w, _)| *w == way) {
            Some((_, Some(m))) => Noun::MONTH.count(u64::from(*m), lang),
            Some((_, None)) => g(lang, G::NoRoute).to_string(),
            None => "…".to_string(),
        }
    };
    let compared = side_by_side(ladder, &a, &b).filter(|_| a != b);
    let body = compared.and_then(|c| Some((ladder.role(&a)?, ladder.role(&b)?, c))).map(|(ra, rb, c)| {
        let (name_a, name_b) = (ra.name.get(lang), rb.name.get(lang));
        let cell = |v: &Value| match v {
            Value::Mix(m) => html! { <>{ mix_bar(m) }{ format!(" {}", v.describe(lang)) }</> },
            _ => html! { { money(&v.describe(lang)) } },
        };
        let none = |list: String| if list.is_empty() { g(lang, G::NoWishes).to_string() } else { list };
        let level = |l: Proficiency| l.label(lang);
        let both: Vec<String> = c
            .competencies
            .shared
            .iter()
            .map(|s| format!("{}: {} / {}", s.name, level(s.a), level(s.b)))
            .collect();
        let only = |list: &[doorgroei::compare::Asked]| {
            list.iter()
                .map(|x| format!("{} ({})", x.name, level(x.level)))
                .collect::<Vec<_>>()
                .join("; ")
        };
        html! {
            <>
                <div class="table-scroll">
                <table class="compare">
                    <thead><tr>
                        <th scope="col"><span class="visually-hidden">{ g(lang, G::FieldHeader) }</span></th>
                        <th scope="col">{ name_a }</th>
                        <th scope="col">{ name_b }</th>
                    </tr></thead>
                    <tbody>
                        { for c.fields.iter().map(|row| html! {
                            <tr>
                                <th scope="row">{ capital(row.field.label(lang)) }</th>
                                <td>{ cell(&row.a) }</td>
                                <td>{ cell(&row.b) }</td>
                            </tr>
                        }) }
                        <tr class="competencies">
                            <th scope="row">{ g(lang, G::SharedCompetencies) }</th>
                            <td colspan="2">{ none(both.join("; ")) }</td>
                        </tr>
                        <tr class="competencies">
                            <th scope="row">{ format!("{} {}", g(lang, G::OnlyIn), name_a) }</th>
                            <td colspan="2">{ none(only(&c.competencies.only_a)) }</td>
                        </tr>
                        <tr class="competencies">
                            <th scope="row">{ format!("{} {}", g(lang, G::OnlyIn), name_b) }</th>
                            <td colspan="2">{ none(only(&c.competencies.only_b)) }</td>
                        </tr>
                    </tbody>
                </table>
                </div>
                <h4>{ g(lang, G::StepsBetween) }</h4>
                <ul class="ways" aria-live="polite">
                    <li>{ format!("{name_a} → {name_b}: {}", months(&a, &b)) }</li>
                    <li>{ format!("{name_b} → {name_a}: {}", months(&b, &a)) }</li>
                </ul>
            </>
        }
    });
    html! {
        <section class="compare-roles no-print" aria-labelledby="compare-heading">
            <h3 id="compare-heading">{ g(lang, G::Compare) }</h3>
            <div class="fields">
                { select("compare-a", G::RoleA, &a, false) }
                { select("compare-b", G::RoleB, &b, true) }
            </div>
            if a.is_empty() || b.is_empty() {
                <p class="hint">{ g(lang, G::CompareAsk) }</p>
            } else if a == b {
                <p class="hint">{ g(lang, G::SameRole) }</p>
            }
            { body.unwrap_or_default() }
        </section>
    }
}

/// `text` with its first letter a capital (a row's label).
fn capital(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_is_read_as_typed_day_month_year_or_as_the_file_writes_it() {
        let day = |y, m, d| Some(Date::new(y, m, d).unwrap());
        for (typed, expected) in [
            ("4-1-2027", day(2027, 1, 4)),
            ("04-01-2027", day(2027, 1, 4)),
            (" 4/1/2027 ", day(2027, 1, 4)),
            ("29.2.2028", day(2028, 2, 29)),
            ("2027-01-04", day(2027, 1, 4)),
            ("31-2-2027", None),
            ("29-2-2027", None),
            ("15", None),
            ("15-3", None),
            ("4-1-27", None),
            ("4-13-2027", None),
            ("a-1-2027", None),
            ("-1-1-2027", None),
            ("", None),
        ] {
            assert_eq!(parse_day(typed), expected, "{typed:?}");
        }
    }

    #[test]
    fn a_label_starts_with_a_capital() {
        assert_eq!(
            capital("salaris (bruto per maand)"),
            "Salaris (bruto per maand)"
        );
        assert_eq!(capital("één"), "Één");
        assert_eq!(capital(""), "");
    }
}
