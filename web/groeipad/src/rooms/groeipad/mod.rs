//! "Mijn groeipad": a social worker's profile, routes and next steps, on
//! the ladder the Functiehuis room shows.

pub mod state;
pub mod yearly;

use std::rc::Rc;

use doorgroei::dates::long_date;
use doorgroei::error::Limit;
use doorgroei::exchange::Request;
use doorgroei::format::{normalise, ProfileFile, HOURS_PER_WEEK, YEARS};
use doorgroei::i18n::Noun;
use doorgroei::ladder::{Education, Track};
use doorgroei::paths::{GoalRoutes, Plan, Profile, RankedBy, RouteText};
use doorgroei::sort;
use doorgroei::{Ladder, Lang};
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::i18n::{t, T};
use crate::rooms::groeipad::state::{Action, State};
use crate::session::LadderInUse;
use crate::shared::clock::today;
use crate::shared::download::download_from_worker;
use crate::shared::files::use_file_reader;
use crate::shared::worker::explain;
use crate::shared::Shared;
use crate::texts::{self, g, money, G};
use crate::widgets::{busy, errors_box, value_of, warnings_box};

/// What a field's change event said, read when it happened (the profile is
/// changed later, when the room takes the action).
struct Got {
    value: String,
    checked: bool,
}

fn checked(e: &Event) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
        .is_some_and(|i| i.checked())
}

/// A number from an input; Dutch decimal commas accepted.
fn number(e: &Got, fallback: f64) -> f64 {
    e.value
        .replace(',', ".")
        .parse::<f64>()
        .ok()
        .filter(|n| n.is_finite())
        .unwrap_or(fallback)
}

/// A number brought within the limits the profile loader enforces.
fn within(n: f64, limit: Limit) -> f64 {
    n.clamp(limit.min, limit.max)
}

fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

#[derive(Properties, PartialEq)]
pub struct FormProps {
    pub lang: Lang,
    pub ladder: Shared<LadderInUse>,
    /// The room: the profile, its problems and the file being read.
    pub room: Rc<State>,
    pub on: Callback<Action>,
    /// Why a profile file could not be written.
    pub on_export_failed: Callback<String>,
    /// The conversation mode: a manager has a social worker's profile file
    /// open (read-only but for the agreements).
    #[prop_or_default]
    pub conversation: bool,
    /// Into or out of the conversation mode.
    #[prop_or_default]
    pub on_conversation: Callback<bool>,
}

/// The profile form.
#[function_component(Growth)]
pub fn growth(props: &FormProps) -> Html {
    let lang = props.lang;
    let profile = &props.room.profile;
    let on = &props.on;

    // One callback per field: copy the profile, change it, dispatch.
    let update = |f: fn(&mut Profile, &Got)| {
        on.reform(move |e: Event| {
            let got = Got {
                value: value_of(&e),
                checked: checked(&e),
            };
            Action::Edit(Box::new(move |p| f(p, &got)))
        })
    };

    let mut roles: Vec<(String, String)> = props
        .ladder
        .ladder
        .roles()
        .map(|(_, r)| (r.id.clone(), r.name.get(lang).to_string()))
        .collect();
    sort_names(&mut roles);
    let goal = profile.goals.first().cloned().unwrap_or_default();

    // The selects show the profile's role and goal also after the user
    // chose an option (an option once chosen no longer follows its
    // `selected` attribute, so a profile opened from a file would show
    // the wrong one).
    let role_select = use_node_ref();
    let goal_select = use_node_ref();
    {
        let (role_select, goal_select) = (role_select.clone(), goal_select.clone());
        use_effect_with(
            (profile.current_role.clone(), goal.clone()),
            move |(role, goal)| {
                for (select, value) in [(role_select, role), (goal_select, goal)] {
                    if let Some(select) = select.cast::<web_sys::HtmlSelectElement>() {
                        select.set_value(value);
                    }
                }
            },
        );
    }
    // The name as typed stays while the room is drawn again (a plan
    // arriving, say) before the field is left; the profile's name is put
    // in when it changes (a file opened).
    let name_input = use_node_ref();
    {
        let name_input = name_input.clone();
        use_effect_with(profile.name.clone(), move |name| {
            if let Some(input) = name_input.cast::<HtmlInputElement>() {
                input.set_value(name.as_deref().unwrap_or_default());
            }
        });
    }
    let on_file = use_file_reader(on.reform(Action::Open));
    let save = {
        let (profile, on_failed) = (profile.clone(), props.on_export_failed.clone());
        // In the conversation mode the file goes back under its own name.
        let name = match &props.room.opened {
            Some(name) if props.conversation => name.clone(),
            _ => g(lang, G::FileProfile).to_string(),
        };
        Callback::from(move |_| {
            // Written by the worker, which has the YAML writer.
            let request = Request::WriteProfile(ProfileFile::from(profile.clone()));
            download_from_worker(
                name.clone(),
                "text/yaml;charset=utf-8",
                &request,
                on_failed.clone(),
            );
        })
    };
    let dismiss = on.reform(|_| Action::DismissErrors);
    let tracks = Track::ALL.iter().filter(|&&t| t != Track::Management).map(|&track| {
        let wished = profile.wished_tracks.contains(&track);
        let onchange = on.reform(move |e: Event| {
            let wished = checked(&e);
            Action::Edit(Box::new(move |p| {
                p.wished_tracks.retain(|&t| t != track);
                if wished {
                    p.wished_tracks.push(track);
                    sort::sort(&mut p.wished_tracks);
                }
            }))
        });
        html! {
            <label class="check"><input type="checkbox" checked={wished} {onchange} />{ track.label(lang) }</label>
        }
    });

    html! {
        <section class="growth-form no-print" aria-labelledby="profile-heading">
            <h3 id="profile-heading">{ g(lang, G::MyProfile) }</h3>
            if props.conversation {
                <div class="conversation" role="status">
                    <p>{ g(lang, G::ConversationIntro) }</p>
                    <button type="button" onclick={props.on_conversation.reform(|_| false)}>{ g(lang, G::ConversationLeave) }</button>
                </div>
            } else if profile.current_role.is_empty() {
                <p class="ask" role="status">{ g(lang, G::AskRole) }</p>
            } else {
                <p class="hint">{ g(lang, G::PickOnGraph) }</p>
            }
            <fieldset class="profile-fields" disabled={props.conversation}>
            <legend class="visually-hidden">{ g(lang, G::MyProfile) }</legend>
            <div class="fields">
                <label>{ g(lang, G::Name) }
                    <input type="text" id="profile-name" autocomplete="name" ref={name_input}
                        onchange={update(|p, e| {
                            let name = e.value.clone().trim().to_string();
                            p.name = (!name.is_empty()).then_some(name);
                        })} />
                </label>
                <label>{ g(lang, G::CurrentRole) }
                    <select id="current-role" ref={role_select} onchange={update(|p, e| p.current_role = e.value.clone())}>
                        if profile.current_role.is_empty() {
                            <option value="" selected=true disabled=true>{ g(lang, G::ChooseRole) }</option>
                        }
                        { for roles.iter().map(|(id, name)| html! {
                            <option value={id.clone()} selected={*id == profile.current_role}>{ name }</option>
                        }) }
                    </select>
                </label>
                <label>{ g(lang, G::Goal) }
                    <select id="goal" ref={goal_select} onchange={update(|p, e| {
                        let v = e.value.clone();
                        p.goals = if v.is_empty() { Vec::new() } else { vec![v] };
                    })}>
                        <option value="" selected={goal.is_empty()}>{ g(lang, G::NoGoal) }</option>
                        { for roles.iter().filter(|(id, _)| *id != profile.current_role).map(|(id, name)| html! {
                            <option value={id.clone()} selected={*id == goal}>{ name }</option>
                        }) }
                    </select>
                </label>
                <label>{ g(lang, G::YearsInRole) }
                    <input type="number" min={YEARS.min.to_string()} max={YEARS.max.to_string()} step="0.5" value={profile.years_in_role.to_string()}
                        onchange={update(|p, e| p.years_in_role = within(number(e, 0.0), YEARS))} />
                </label>
                <label>{ g(lang, G::YearsInProfession) }
                    <input type="number" min={YEARS.min.to_string()} max={YEARS.max.to_string()} step="0.5" value={profile.years_in_profession.to_string()}
                        onchange={update(|p, e| p.years_in_profession = within(number(e, 0.0), YEARS))} />
                </label>
                <label>{ t(lang, T::Education) }
                    <select onchange={update(|p, e| if let Some(ed) = Education::parse(&e.value.clone()) { p.education = ed })}>
                        { for Education::ALL.iter().map(|&ed| html! {
                            <option value={ed.as_str()} selected={ed == profile.education}>{ ed.label(lang) }</option>
                        }) }
                    </select>
                </label>
                <label>{ t(lang, T::HoursPerWeek) }
                    <input type="number" min={HOURS_PER_WEEK.min.to_string()} max={HOURS_PER_WEEK.max.to_string()} value={profile.hours_per_week.to_string()}
                        onchange={update(|p, e| p.hours_per_week = within(number(e, 36.0), HOURS_PER_WEEK))} />
                </label>
                <label>{ g(lang, G::MinPractice) }
                    <input type="number" min="0" max="100" step="10"
                        value={profile.min_practice.map(|m| m.to_string()).unwrap_or_default()}
                        onchange={update(|p, e| p.min_practice = e.value.clone().parse::<u8>().ok().filter(|&m| m > 0).map(|m| m.min(100)))} />
                </label>
                <label class="check">
                    <input type="checkbox" checked={profile.no_management}
                        onchange={update(|p, e| p.no_management = e.checked)} />
                    { g(lang, G::NoManagement) }
                </label>
            </div>
            <fieldset class="tracks">
                <legend>{ g(lang, G::WishedTracks) }</legend>
                { for tracks }
            </fieldset>
            <div class="fields wide">
                <label>{ g(lang, G::Trainings) }
                    <textarea rows="3" value={profile.trainings.join("\n")}
                        onchange={update(|p, e| p.trainings = lines(&e.value.clone()))} />
                </label>
                <label>{ g(lang, G::Qualifications) }
                    <textarea rows="3" value={profile.qualifications.join("\n")}
                        onchange={update(|p, e| p.qualifications = lines(&e.value.clone()))} />
                </label>
                <label>{ g(lang, G::MyCompetencies) }
                    <textarea rows="3" value={profile.competencies.join("\n")}
                        onchange={update(|p, e| p.competencies = lines(&e.value.clone()))} />
                </label>
            </div>
            </fieldset>
            <div class="actions">
                <button type="button" onclick={save}>{ g(lang, G::SaveProfile) }</button>
                <label class="button file">
                    { g(lang, G::OpenProfile) }
                    <input type="file" accept=".yaml,.yml,text/yaml" onchange={on_file} />
                </label>
                <button type="button" onclick={Callback::from(|_| { let _ = gloo::utils::window().print(); })}>
                    { g(lang, G::PrintPlan) }
                </button>
                if !props.conversation {
                    <button type="button" onclick={props.on_conversation.reform(|_| true)}>{ g(lang, G::ConversationStart) }</button>
                }
            </div>
            <p class="hint">{ g(lang, if props.conversation { G::ConversationStays } else { G::StaysLocal }) }</p>
            if let Some(file) = &props.room.reading {
                { busy(lang, T::Reading, &file.name) }
            }
            if let Some(errors) = &props.room.errors {
                { errors_box(lang, g(lang, G::ProfileErrors), errors, dismiss) }
            }
            if let Some(warnings) = &props.room.warnings {
                { warnings_box(lang, t(lang, T::WarningsIn), warnings, on.reform(|_| Action::DismissWarnings)) }
            }
        </section>
    }
}

/// Requirements in words (`StepText::met`, `missing`), each a checklist line.
fn requirement_items(
    items: &[String],
    mark: &'static str,
    label: &'static str,
    class: &'static str,
) -> Html {
    html! {
        { for items.iter().map(|r| html! {
            <li class={class}><span aria-hidden="true">{ mark }</span>{ format!(" {label}: {r}") }</li>
        }) }
    }
}

fn route_view(lang: Lang, route: &RouteText) -> Html {
    html! {
        <ol class="route">
            { for route.steps.iter().map(|step| html! {
                <li class="step">
                    <strong>{ step.role }</strong>
                    { format!(" ({}) — {}", step.kind, money(&step.facts)) }
                    <ul class="checklist">
                        { requirement_items(&step.met, "✓", g(lang, G::MetLabel), "met") }
                        { requirement_items(&step.missing, "✗", g(lang, G::MissingLabel), "missing") }
                        { for step.competencies.iter().map(|(met, gap)| html! {
                            <li class={classes!("competency", if *met { "met" } else { "missing" })}>
                                <span aria-hidden="true">{ if *met { "✓" } else { "✗" } }</span>{ format!(" {gap}") }
                            </li>
                        }) }
                    </ul>
                </li>
            }) }
        </ol>
    }
}

fn goal_view(
    lang: Lang,
    ladder: &Ladder,
    room: &State,
    on: &Callback<Action>,
    goal: &GoalRoutes,
    first: bool,
) -> Html {
    let chosen = if first {
        room.route.min(goal.routes.len().saturating_sub(1))
    } else {
        0
    };
    let text = goal.describe(ladder, lang);
    html! {
        <section class="goal">
            <h4>{ format!("{}: {}", g(lang, G::Goal), text.goal) }</h4>
            if let Some(blocked) = text.blocked {
                <p class="blocked" role="status">{ blocked }</p>
            }
            if first && text.routes.len() > 1 {
                <div class="route-choice no-print" role="group" aria-label={g(lang, G::Routes)}>
                    { for text.routes.iter().enumerate().map(|(i, r)| {
                        html! {
                            <button type="button" aria-pressed={(i == chosen).to_string()}
                                onclick={on.reform(move |_| Action::ChooseRoute(i))}>
                                { format!("{} {} ({})", g(lang, G::RouteN), i + 1, r.months) }
                            </button>
                        }
                    }) }
                </div>
            }
            if let Some(route) = text.routes.get(chosen) {
                <p>{ format!("{} {}: {}", g(lang, G::RouteN), chosen + 1, route.months) }</p>
                { route_view(lang, route) }
            }
        </section>
    }
}

/// Routes, next steps and best-fitting roles, beside the drawing; also the printable plan.
pub fn growth_side(lang: Lang, ladder: &Ladder, room: &State, on: &Callback<Action>) -> Html {
    // The plan is made in the worker: meanwhile the one before stays.
    let status = html! {
        <>
            if room.planning.is_some() {
                <p class="busy" role="status">
                    <progress aria-label={g(lang, G::Routing)}></progress>
                    { format!(" {}", g(lang, G::Routing)) }
                </p>
            }
            if let Some(why) = &room.plan_failed {
                <p class="problem" role="alert">{ format!("{}: {}", g(lang, G::RoutingFailed), explain(why).get(lang)) }</p>
            }
        </>
    };
    let Some(plan) = room.plan.as_ref() else {
        return html! {
            <section class="plan">
                <h3>{ g(lang, G::PlanTitle) }</h3>
                { status }
            </section>
        };
    };
    let profile = &room.profile;
    let set_goal = |id: String| {
        let profile = profile.clone();
        on.reform(move |_| {
            let mut p = profile.clone();
            p.goals = vec![id.clone()];
            Action::SetProfile(p)
        })
    };
    html! {
        <>
            <section class="plan">
                <h3>{ g(lang, G::PlanTitle) }</h3>
                { status }
                <div class="print-only plan-head">
                    if let Some(name) = &profile.name {
                        <p>{ format!("{}: {name}", g(lang, G::NameLabel)) }</p>
                    }
                    <p>{ format!("{}: {}", g(lang, G::Printed), long_date(today(), lang)) }</p>
                    <p>
                        { format!("{}: {} · {} · {}", g(lang, G::CurrentRole), ladder.role_name(&profile.current_role, lang),
                            texts::years_in_role(lang, profile.years_in_role), profile.education.label(lang)) }
                    </p>
                    // Each goal is named once, above its routes.
                    if plan.goals.is_empty() {
                        <p>{ format!("{}: {}", g(lang, G::Goal), g(lang, G::NoGoal)) }</p>
                    }
                    <p>{ format!("{}: {}", g(lang, G::Wishes), wishes(lang, plan)) }</p>
                </div>
                <p class="meta no-print">{ format!("{} {}", g(lang, G::Today), long_date(today(), lang)) }</p>
                if let Some(stretch) = plan.stretch {
                    <p class="stretch">{ stretch.describe(lang) }</p>
                }
                if plan.goals.is_empty() {
                    <p class="hint">{ g(lang, G::ChooseGoal) }</p>
                }
                { for plan.goals.iter().enumerate().map(|(i, g)| goal_view(lang, ladder, room, on, g, i == 0)) }
            </section>
            if !plan.next.is_empty() {
            <section class="next">
                <h3>{ g(lang, G::NextSteps) }</h3>
                { for plan.next.iter().map(|group| html! {
                    <>
                        <h4>{ group.track.label(lang) }</h4>
                        <ul class="steps">
                            { for group.steps.iter().map(|s| {
                                let next = s.describe(ladder, lang);
                                html! {
                                    <li>
                                        <button type="button" class="link" onclick={set_goal(s.role.clone())}
                                            title={g(lang, G::MakeGoal)}>{ next.role }</button>
                                        { format!(" — {}, {}", next.moves, next.months) }
                                        if !next.missing.is_empty() {
                                            { format!("; {}: {}", g(lang, G::MissingLabel), next.missing.join("; ")) }
                                        }
                                    </li>
                                }
                            }) }
                        </ul>
                    </>
                }) }
            </section>
            }
            <section class="targets no-print">
                <h3>{ g(lang, G::BestTargets) }</h3>
                <p class="hint ranked-by">{ plan.ranked_by.describe(lang) }</p>
                <ol>
                    { for plan.best_targets().iter().map(|target| {
                        let words = target.describe(ladder, lang);
                        let wished = plan.ranked_by == RankedBy::Wishes;
                        html! {
                            <li>
                                <button type="button" class="link" onclick={set_goal(target.role.clone())}
                                    title={g(lang, G::MakeGoal)}>{ words.role }</button>
                                { format!(" — {}, {} {:+}, {}", texts::fit(lang, target.fit, wished), g(lang, G::Scale),
                                    target.scale_gain, Noun::MONTH.count(u64::from(target.months), lang)) }
                            </li>
                        }
                    }) }
                </ol>
            </section>
        </>
    }
}

/// The hard wishes and the wished tracks, in words (the printed plan).
fn wishes(lang: Lang, plan: &Plan) -> String {
    let mut all: Vec<String> = plan.wishes.iter().map(|w| w.label(lang)).collect();
    if !plan.wished_tracks.is_empty() {
        let tracks: Vec<&str> = plan.wished_tracks.iter().map(|t| t.label(lang)).collect();
        all.push(format!("{}: {}", g(lang, G::Tracks), tracks.join(", ")));
    }
    if all.is_empty() {
        g(lang, G::NoWishes).to_string()
    } else {
        all.join("; ")
    }
}

/// Roles (id, name) in the order a reader looks them up: case and
/// accents aside, then as written.
pub fn sort_names(roles: &mut [(String, String)]) {
    sort::sort_by(roles, |a, b| {
        normalise(&a.1)
            .cmp(&normalise(&b.1))
            .then_with(|| a.1.cmp(&b.1))
    });
}
