//! `doorgroei paths`: growth routes, next steps and the best targets for a
//! person, from a profile file or from a role.

use doorgroei::dates::{utc_day, Iso};
use doorgroei::error::{ErrorKind, Limit, Unit};
use doorgroei::format::{load_profile_checked, YEARS};
use doorgroei::paths::{
    plan, Config, NextGroup, Plan, Profile, RankedBy, Route, Stretch, Target, Wish,
};
use doorgroei::suggest::closest_few;
use doorgroei::yaml::file_error;
use doorgroei::{Ladder, Lang};
use serde::Serialize;

use crate::args::{PathsArgs, Start, TextOrJson};
use crate::io::{self, To};
use crate::messages;
use crate::out::{json, outln};
use crate::Failed;

/// `--k`: how many routes per goal.
const ROUTES: Limit = Limit {
    min: 1.0,
    max: 20.0,
    unit: Unit::Routes,
};

/// `--format json`.
#[derive(Serialize)]
struct Report<'a> {
    from: &'a str,
    today: Iso,
    stretch: Option<Stretch>,
    goals: Vec<GoalOut<'a>>,
    next: &'a [NextGroup],
    ranked_by: RankedBy,
    targets: &'a [Target],
}

/// A goal's routes, or why there are none, in one language.
#[derive(Serialize)]
struct GoalOut<'a> {
    goal: &'a str,
    routes: &'a [Route],
    blocked: Option<BlockedOut<'a>>,
}

#[derive(Serialize)]
struct BlockedOut<'a> {
    wishes: &'a [Wish],
    alternative: Option<&'a str>,
    message: &'a str,
}

/// A number option within its limit; otherwise the refusal in `lang`,
/// naming the limit.
fn number(option: &str, text: &str, limit: Limit, lang: Lang) -> Result<f64, Failed> {
    let value = text.trim().replace(',', ".").parse::<f64>().ok();
    value.filter(|&v| limit.allows(v)).ok_or_else(|| {
        io::say(&limit.refusal(option, text, lang));
        Failed::Usage
    })
}

pub fn run(args: PathsArgs, lang: Lang) -> Result<(), Failed> {
    // The numbers first: a usage error comes before reading any file.
    let years = match &args.start {
        Start::Role {
            years: Some(years), ..
        } => number("--years", years, YEARS, lang)?,
        _ => 0.0,
    };
    let k = number("--k", &args.k, ROUTES, lang)? as usize;
    let (ladder, _) = io::ladder(&args.ladder, lang)?;
    let mut profile = match &args.start {
        Start::Profile(path) => {
            let loaded = io::load(path, lang, |name, text| {
                load_profile_checked(name, text, &ladder)
            })?;
            io::warn(&loaded.warnings, lang);
            loaded.value
        }
        Start::Role {
            from,
            no_management,
            ..
        } => {
            // Without a profile, assume the education the role asks for.
            let mut p = Profile::in_role_of(&ladder, from);
            p.years_in_role = years;
            p.no_management = *no_management;
            p
        }
    };
    if let Some(to) = &args.to {
        profile.goals = vec![to.clone()];
    }
    if profile.current_role.trim().is_empty() {
        io::say(messages::no_current_role().get(lang));
        return Err(Failed::Input);
    }
    for id in std::iter::once(&profile.current_role).chain(&profile.goals) {
        if ladder.role(id).is_none() {
            let ids = ladder.roles().map(|(_, r)| r.id.as_str());
            let kind = ErrorKind::UnknownRole {
                id: id.clone(),
                suggestions: closest_few(id, ids.map(std::iter::once)),
            };
            io::say(&file_error(&args.ladder.display().to_string(), None, kind).render(lang));
            return Err(Failed::Input);
        }
    }
    let today = args
        .today
        .unwrap_or_else(|| utc_day(jiff::Timestamp::now()));
    let config = Config {
        k,
        ..Config::default()
    };
    let Some(plan) = plan(&ladder, &profile, config, today) else {
        return Err(Failed::Input);
    };
    let text = match args.format {
        TextOrJson::Json => json(&Report {
            from: &profile.current_role,
            today: Iso(today),
            stretch: plan.stretch,
            goals: plan
                .goals
                .iter()
                .map(|g| GoalOut {
                    goal: &g.goal,
                    routes: &g.routes,
                    blocked: g.blocked.as_ref().map(|b| BlockedOut {
                        wishes: &b.wishes,
                        alternative: b.alternative.as_deref(),
                        message: b.message.get(lang),
                    }),
                })
                .collect(),
            next: &plan.next,
            ranked_by: plan.ranked_by,
            targets: &plan.targets,
        }),
        TextOrJson::Text => text(&ladder, &profile, &plan, lang),
    };
    io::write(To::Stdout, &text, lang)
}

fn text(ladder: &Ladder, profile: &Profile, plan: &Plan, lang: Lang) -> String {
    let mut out = String::new();
    let role = messages::both(|lang| ladder.role_name(&profile.current_role, lang).to_string());
    let from = messages::starting_from(&role, profile.years_in_role);
    outln!(out, "{}", from.get(lang));
    if let Some(stretch) = plan.stretch {
        outln!(out, "{}", stretch.describe(lang));
    }
    for goal in &plan.goals {
        let goal = goal.describe(ladder, lang);
        outln!(out, "\n{} {}", messages::goal().get(lang), goal.goal);
        if let Some(blocked) = goal.blocked {
            outln!(out, "  {blocked}");
        }
        for (i, route) in goal.routes.iter().enumerate() {
            outln!(out, "  Route {} — {}", i + 1, route.months);
            for step in &route.steps {
                outln!(out, "    → {} ({}), {}", step.role, step.kind, step.facts);
                if !step.met.is_empty() {
                    outln!(out, "        ✓ {}", step.met.join("; "));
                }
                if !step.missing.is_empty() {
                    outln!(out, "        ✗ {}", step.missing.join("; "));
                }
                if !step.competencies.is_empty() {
                    let gaps: Vec<String> = step
                        .competencies
                        .iter()
                        .map(|(met, gap)| format!("{} {gap}", if *met { "✓" } else { "✗" }))
                        .collect();
                    outln!(
                        out,
                        "        {} {}",
                        messages::competencies().get(lang),
                        gaps.join("; ")
                    );
                }
            }
        }
    }
    outln!(out, "\n{}", messages::next_steps().get(lang));
    let months = messages::months_short();
    for group in &plan.next {
        let steps: Vec<String> = group
            .steps
            .iter()
            .map(|s| {
                let role = ladder.role_name(&s.role, lang);
                format!("{role} ({} {})", s.route.months, months.get(lang))
            })
            .collect();
        outln!(out, "  {}: {}", group.track.label(lang), steps.join(", "));
    }
    outln!(out, "\n{}", messages::best_targets().get(lang));
    outln!(out, "  {}", plan.ranked_by.describe(lang));
    for target in plan.best_targets() {
        let target = target.describe(ladder, lang);
        outln!(out, "  {} — {}", target.role, target.facts);
    }
    out
}
