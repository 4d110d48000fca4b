//! Routes, targets and next steps in words, for the command line and the
//! web app. Each shell lays the parts out its own way (a line of text, a
//! list item with a button); the words, numbers and plurals are decided
//! here, once.

use crate::dates::long_date;
use crate::i18n::{decimal, Lang, Noun};
use crate::ladder::Ladder;

use super::{GoalRoutes, NextStep, Plan, Route, RouteStep, Stretch, Target};

/// How many of the ranked targets the shells show as the best.
pub const BEST_TARGETS: usize = 5;

/// A route step in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StepText<'a> {
    /// The name of the role the step leads to.
    pub role: &'a str,
    /// The kind of step: `promotie`, `specialisatie`, …
    pub kind: &'static str,
    /// When, at what scale and for what pay:
    /// `vanaf 1 oktober 2026 · schaal 9–10 · € 3.490 – € 4.830`.
    pub facts: String,
    /// The requirements met, each in words (`opleiding: hbo`).
    pub met: Vec<String>,
    /// The requirements still to meet, each in words.
    pub missing: Vec<String>,
    /// The target role's competencies against the person's rating, each
    /// with whether it is met: `Netwerkregie: basis, gevraagd voldoende`.
    pub competencies: Vec<(bool, String)>,
}

/// A route in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RouteText<'a> {
    /// How long it takes: `23 maanden`.
    pub months: String,
    /// Its steps.
    pub steps: Vec<StepText<'a>>,
}

/// The answer for a goal in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoalText<'a> {
    /// The goal role's name.
    pub goal: &'a str,
    /// Why there is no route, when there is none.
    pub blocked: Option<&'a str>,
    /// The routes, best first.
    pub routes: Vec<RouteText<'a>>,
}

/// A ranked target in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TargetText<'a> {
    /// The role's name.
    pub role: &'a str,
    /// Fit, scale and time: `past 50%, schaal +5, 120 maanden`.
    pub facts: String,
}

/// A next step in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NextText<'a> {
    /// The role's name.
    pub role: &'a str,
    /// How many moves: `1 stap`, `2 moves`.
    pub moves: String,
    /// How long: `12 maanden`.
    pub months: String,
    /// What the last move still asks, each in words.
    pub missing: Vec<String>,
}

fn each(items: &[crate::ladder::Requirement], lang: Lang) -> Vec<String> {
    items.iter().map(|r| r.describe(lang)).collect()
}

fn months(n: u32, lang: Lang) -> String {
    Noun::MONTH.count(u64::from(n), lang)
}

impl RouteStep {
    /// The step in words; role names come from `ladder`.
    pub fn describe<'a>(&'a self, ladder: &'a Ladder, lang: Lang) -> StepText<'a> {
        let from = match lang {
            Lang::Nl => "vanaf",
            Lang::En => "from",
        };
        let pay = self
            .pay
            .map(|p| format!(" · {}", p.label(lang)))
            .unwrap_or_default();
        StepText {
            role: ladder.role_name(&self.to, lang),
            kind: self.kind.label(lang),
            facts: format!(
                "{from} {} · {}{pay}",
                long_date(self.earliest, lang),
                self.scale.label(lang)
            ),
            met: each(&self.met, lang),
            missing: each(&self.missing, lang),
            competencies: self
                .competencies
                .iter()
                .map(|g| (g.met, g.describe(lang)))
                .collect(),
        }
    }
}

impl Route {
    /// The route in words.
    pub fn describe<'a>(&'a self, ladder: &'a Ladder, lang: Lang) -> RouteText<'a> {
        RouteText {
            months: months(self.months, lang),
            steps: self
                .steps
                .iter()
                .map(|s| s.describe(ladder, lang))
                .collect(),
        }
    }
}

impl GoalRoutes {
    /// The goal, its routes or why there are none, in words.
    pub fn describe<'a>(&'a self, ladder: &'a Ladder, lang: Lang) -> GoalText<'a> {
        GoalText {
            goal: ladder.role_name(&self.goal, lang),
            blocked: self.blocked.as_ref().map(|b| b.message.get(lang)),
            routes: self
                .routes
                .iter()
                .map(|r| r.describe(ladder, lang))
                .collect(),
        }
    }
}

impl Target {
    /// The target in words.
    pub fn describe<'a>(&'a self, ladder: &'a Ladder, lang: Lang) -> TargetText<'a> {
        let (fit, scale) = match lang {
            Lang::Nl => ("past", "schaal"),
            Lang::En => ("fit", "scale"),
        };
        TargetText {
            role: ladder.role_name(&self.role, lang),
            facts: format!(
                "{fit} {}%, {scale} {:+}, {}",
                self.fit,
                self.scale_gain,
                months(self.months, lang)
            ),
        }
    }
}

impl NextStep {
    /// The next step in words.
    pub fn describe<'a>(&'a self, ladder: &'a Ladder, lang: Lang) -> NextText<'a> {
        NextText {
            role: ladder.role_name(&self.role, lang),
            moves: Noun::MOVE.count(self.moves as u64, lang),
            months: months(self.route.months, lang),
            missing: self
                .route
                .steps
                .last()
                .map(|s| each(&s.missing, lang))
                .unwrap_or_default(),
        }
    }
}

impl Plan {
    /// The best-ranked targets, at most [`BEST_TARGETS`].
    pub fn best_targets(&self) -> &[Target] {
        &self.targets[..self.targets.len().min(BEST_TARGETS)]
    }
}

impl Stretch {
    /// `Deeltijd (28 van 36 uur): minimumjaren duren 1,29 keer zo lang.`,
    /// and when the cap applies what it would be in proportion.
    pub fn describe(&self, lang: Lang) -> String {
        let (hours, full) = (
            decimal(self.hours, lang),
            decimal(self.full_time_hours, lang),
        );
        let factor = decimal(self.factor, lang);
        let ratio = decimal(self.full_time_hours / self.hours, lang);
        let (stretch, cap) = match lang {
            Lang::Nl => (
                format!("Deeltijd ({hours} van {full} uur): minimumjaren duren {factor} keer zo lang."),
                format!(" Dat is het maximum: naar rato zou het {ratio} keer zijn."),
            ),
            Lang::En => (
                format!("Part-time ({hours} of {full} hours): minimum years take {factor} times as long."),
                format!(" That is the maximum: in proportion it would be {ratio} times."),
            ),
        };
        if self.capped {
            stretch + &cap
        } else {
            stretch
        }
    }
}
