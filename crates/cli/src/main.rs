//! `doorgroei`: check, scan and draw function ladders from the command line.
//!
//! Exit codes: 0 success, 1 invalid input (problems on stderr as
//! `file:line:col: message`) or output that could not be written (see
//! `output`), 2 usage errors.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

// Commands write their output into a `String` (which cannot fail) and hand
// it to `output::stdout` at the end, which reports a failed write.
macro_rules! outln {
    ($out:expr) => {
        $out.push('\n')
    };
    ($out:expr, $($arg:tt)*) => {{
        use std::fmt::Write as _;
        let _ = writeln!($out, $($arg)*);
    }};
}
macro_rules! out {
    ($out:expr, $($arg:tt)*) => {{
        use std::fmt::Write as _;
        let _ = write!($out, $($arg)*);
    }};
}

mod output;
mod schedule;
use doorgroei::error::{Limit, Unit};
use doorgroei::format::{
    load_ladder_checked, load_match_config, load_profile, load_roster_checked, pairs_to_csv, YEARS,
};
use doorgroei::i18n::decimal;
use doorgroei::matching::{assign, problem, MatchConfig};
use doorgroei::paths::{plan, Config, Plan, Profile};
use doorgroei::render::{ladder_dot, ladder_svg, DrawOptions};
use doorgroei::roster::Roster;
use doorgroei::scan::scan;
use doorgroei::yaml::{io_error, utf8_text};
use doorgroei::{Ladder, Lang, LoadErrors};
use serde_json::json;

#[derive(Parser)]
#[command(
    name = "doorgroei",
    version,
    about = "Function ladders, growth paths and mentoring for social-work organisations"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check ladder files; prints every problem as file:line:col: message.
    Check {
        /// Ladder files (YAML, schema doorgroei/ladder@1).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Language of the messages.
        #[arg(long, value_enum, default_value_t = LangArg::Nl)]
        lang: LangArg,
    },
    /// Scan a ladder for dead ends, missing hybrid roles and pay ceilings.
    Scan {
        /// Ladder file.
        file: PathBuf,
        /// Language of the findings.
        #[arg(long, value_enum, default_value_t = LangArg::Nl)]
        lang: LangArg,
        /// Output format.
        #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
        format: TextOrJson,
    },
    /// Growth routes for a person: ranked destinations, next steps, and the best routes to goals.
    Paths {
        /// Ladder file.
        ladder: PathBuf,
        /// Profile file (schema doorgroei/profile@1).
        #[arg(long, required_unless_present = "from")]
        profile: Option<PathBuf>,
        /// Without a profile: the current role.
        #[arg(long, conflicts_with = "profile")]
        from: Option<String>,
        /// Without a profile: years in the current role (0–60).
        #[arg(long, requires = "from", allow_hyphen_values = true)]
        years: Option<String>,
        /// Without a profile: never a role that manages people.
        #[arg(long, requires = "from")]
        no_management: bool,
        /// Goal role (replaces the profile's goals).
        #[arg(long)]
        to: Option<String>,
        /// How many routes per goal (1–20).
        #[arg(long, default_value = "3", allow_hyphen_values = true)]
        k: String,
        /// Date the estimates count from (default: today).
        #[arg(long)]
        today: Option<jiff::civil::Date>,
        /// Language of the output.
        #[arg(long, value_enum, default_value_t = LangArg::Nl)]
        lang: LangArg,
        /// Output format.
        #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
        format: TextOrJson,
    },
    /// Pair every junior with a senior mentor: optimal, explained.
    Match {
        /// Ladder file (gives each person's level).
        ladder: PathBuf,
        /// Roster: YAML (schema doorgroei/roster@1) or CSV (.csv).
        roster: PathBuf,
        /// Matching settings (schema doorgroei/matching@1).
        #[arg(long)]
        config: Option<PathBuf>,
        /// Match everyone again, keeping only locked pairs.
        #[arg(long)]
        rematch: bool,
        /// Write the problem the solver saw (capacities and eligible pairs with scores) as JSON.
        #[arg(long)]
        dump_scores: Option<PathBuf>,
        /// Language of the output.
        #[arg(long, value_enum, default_value_t = LangArg::Nl)]
        lang: LangArg,
        /// Output format.
        #[arg(long, value_enum, default_value_t = MatchFormat::Text)]
        format: MatchFormat,
    },
    /// Plan case reviews every 4 to 6 weeks for every pair, on days both work.
    Schedule {
        /// Ladder file (YAML).
        ladder: PathBuf,
        /// Roster: YAML (schema doorgroei/roster@1) or CSV (.csv).
        roster: PathBuf,
        /// Pairs as JSON (the output of `doorgroei match --format json`); without it, the matching runs first.
        #[arg(long)]
        pairs: Option<PathBuf>,
        /// First day of the schedule (YYYY-MM-DD); a mentee who starts later starts later.
        #[arg(long)]
        start: jiff::civil::Date,
        /// How many months of reviews (1–36; default 12 or the settings file's).
        #[arg(long, value_parser = clap::value_parser!(u8).range(1..=36))]
        months: Option<u8>,
        /// Weeks between reviews (4–6; default 4 or the settings file's).
        #[arg(long, value_parser = clap::value_parser!(u8).range(4..=6))]
        cadence_weeks: Option<u8>,
        /// Scheduling settings (YAML, schema doorgroei/schedule@1).
        #[arg(long)]
        config: Option<PathBuf>,
        /// Write one iCalendar file with every review (for the coordinator).
        #[arg(long)]
        ics: Option<PathBuf>,
        /// Write an iCalendar file per person, and one with every review, into this directory.
        #[arg(long, conflicts_with = "ics")]
        ics_dir: Option<PathBuf>,
        /// Language of the output.
        #[arg(long, value_enum, default_value_t = LangArg::Nl)]
        lang: LangArg,
        /// Output on stdout.
        #[arg(long, value_enum, default_value_t = schedule::ScheduleFormat::Text)]
        format: schedule::ScheduleFormat,
    },
    /// Draw a ladder as Graphviz DOT or as the SVG the web app shows.
    Graph {
        /// Ladder file.
        file: PathBuf,
        /// Output format.
        #[arg(long, value_enum)]
        format: GraphFormat,
        /// Language of names and labels.
        #[arg(long, value_enum, default_value_t = LangArg::Nl)]
        lang: LangArg,
        /// Write to this file instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    Nl,
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::Nl => Lang::Nl,
            LangArg::En => Lang::En,
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum TextOrJson {
    Text,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum MatchFormat {
    Text,
    Json,
    Csv,
}

#[derive(Clone, Copy, ValueEnum)]
enum GraphFormat {
    Dot,
    Svg,
}

/// `doorgroei paths --k`: how many routes per goal.
const ROUTES: Limit = Limit {
    min: 1.0,
    max: 20.0,
    unit: Unit::Routes,
};

/// A failure that has already been explained on stderr.
struct Failed;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check { files, lang } => check(&files, lang.into()),
        Command::Scan { file, lang, format } => scan_cmd(&file, lang.into(), format),
        Command::Paths {
            ladder,
            profile,
            from,
            years,
            no_management,
            to,
            k,
            today,
            lang,
            format,
        } => {
            let lang = Lang::from(lang);
            // The numbers are checked here, not by clap, so that the message
            // is in the chosen language and names the limit.
            let number = |option: &str, text: &str, limit: Limit| {
                let value = text.trim().replace(',', ".").parse::<f64>().ok();
                match value.filter(|&v| limit.allows(v)) {
                    Some(v) => Ok(v),
                    None => {
                        eprintln!("{}", limit.refusal(option, text, lang));
                        Err(ExitCode::from(2))
                    }
                }
            };
            let years = match years.as_deref().map(|y| number("--years", y, YEARS)) {
                None => 0.0,
                Some(Ok(y)) => y,
                Some(Err(code)) => return code,
            };
            let k = match number("--k", &k, ROUTES) {
                Ok(k) => k as usize,
                Err(code) => return code,
            };
            let query = PathsQuery {
                profile,
                from,
                years,
                no_management,
                to,
                k,
                today,
            };
            paths_cmd(&ladder, &query, lang, format)
        }
        Command::Match {
            ladder,
            roster,
            config,
            rematch,
            dump_scores,
            lang,
            format,
        } => {
            let query = MatchQuery {
                config,
                rematch,
                dump_scores,
            };
            match_cmd(&ladder, &roster, &query, lang.into(), format)
        }
        Command::Schedule {
            ladder,
            roster,
            pairs,
            start,
            months,
            cadence_weeks,
            config,
            ics,
            ics_dir,
            lang,
            format,
        } => {
            let query = schedule::ScheduleQuery {
                pairs,
                start,
                months,
                cadence_weeks,
                config,
                ics,
                ics_dir,
            };
            schedule::schedule_cmd(&ladder, &roster, &query, lang.into(), format)
        }
        Command::Graph {
            file,
            format,
            lang,
            output,
        } => graph(&file, format, lang.into(), output.as_deref()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failed) => ExitCode::from(1),
    }
}

/// A file's bytes; when the operating system refuses (a folder, no such
/// file, no permission), our own words for why, with the file's name.
fn read_bytes(path: &Path, lang: Lang) -> Result<Vec<u8>, Failed> {
    std::fs::read(path).map_err(|e| {
        eprintln!("{}", io_error(&path.display().to_string(), &e).render(lang));
        Failed
    })
}

/// A UTF-8 text file; bytes in another encoding are reported at the line
/// and column where they start.
fn read(path: &Path, lang: Lang) -> Result<String, Failed> {
    let bytes = read_bytes(path, lang)?;
    utf8_text(&path.display().to_string(), bytes).map_err(|errors| {
        eprintln!("{}", errors.render(lang));
        Failed
    })
}

/// Reads a text file and hands it to a loader; its problems go to stderr.
fn load_file<T>(
    path: &Path,
    lang: Lang,
    loader: impl FnOnce(&str, &str) -> Result<T, LoadErrors>,
) -> Result<T, Failed> {
    let text = read(path, lang)?;
    loader(&path.display().to_string(), &text).map_err(|errors| {
        eprintln!("{}", errors.render(lang));
        Failed
    })
}

fn load(path: &Path, lang: Lang) -> Result<Ladder, Failed> {
    load_checked(path, lang).map(|(ladder, _)| ladder)
}

/// A ladder file, its warnings printed on stderr; also how many there were.
fn load_checked(path: &Path, lang: Lang) -> Result<(Ladder, usize), Failed> {
    let loaded = load_file(path, lang, load_ladder_checked)?;
    warn(&loaded.warnings, lang);
    Ok((loaded.value.0, loaded.warnings.0.len()))
}

/// Warnings (allowed, but probably mistakes) on stderr, one per line.
fn warn(warnings: &LoadErrors, lang: Lang) {
    if !warnings.0.is_empty() {
        eprintln!("{}", warnings.render(lang));
    }
}

/// A roster file (CSV or YAML, by its extension) checked against `ladder`.
fn load_roster_file(path: &Path, ladder: &Ladder, lang: Lang) -> Result<Roster, Failed> {
    let bytes = read_bytes(path, lang)?;
    let loaded =
        load_roster_checked(&path.display().to_string(), &bytes, ladder).map_err(|errors| {
            eprintln!("{}", errors.render(lang));
            Failed
        })?;
    warn(&loaded.warnings, lang);
    Ok(loaded.value)
}

fn check(files: &[PathBuf], lang: Lang) -> Result<(), Failed> {
    let mut out = String::new();
    let mut failed = false;
    for file in files {
        match load_checked(file, lang) {
            Ok((ladder, warnings)) => {
                let (roles, transitions) = (ladder.len(), ladder.transitions().count());
                let counted = |n: usize, one: &str, many: &str| match n {
                    1 => format!("1 {one}"),
                    n => format!("{n} {many}"),
                };
                let text = match lang {
                    Lang::Nl => format!(
                        "in orde ({}, {}){}",
                        counted(roles, "functie", "functies"),
                        counted(transitions, "overgang", "overgangen"),
                        match warnings {
                            0 => String::new(),
                            n => format!(", met {}", counted(n, "waarschuwing", "waarschuwingen")),
                        }
                    ),
                    Lang::En => format!(
                        "ok ({}, {}){}",
                        counted(roles, "role", "roles"),
                        counted(transitions, "transition", "transitions"),
                        match warnings {
                            0 => String::new(),
                            n => format!(", with {}", counted(n, "warning", "warnings")),
                        }
                    ),
                };
                outln!(out, "{}: {text}", file.display());
            }
            Err(Failed) => failed = true,
        }
    }
    output::stdout(&out, lang)?;
    if failed {
        Err(Failed)
    } else {
        Ok(())
    }
}

fn scan_cmd(file: &Path, lang: Lang, format: TextOrJson) -> Result<(), Failed> {
    let ladder = load(file, lang)?;
    let findings = scan(&ladder);
    let mut out = String::new();
    if format == TextOrJson::Json {
        let findings: Vec<_> = findings
            .iter()
            .map(|f| {
                json!({
                    "severity": f.severity,
                    "check": f.check,
                    "roles": f.roles,
                    "message": f.message.get(lang),
                })
            })
            .collect();
        let doc = json!({
            "organisation": ladder.organisation(),
            "roles": ladder.len(),
            "transitions": ladder.transitions().count(),
            "findings": findings,
        });
        outln!(
            out,
            "{}",
            serde_json::to_string_pretty(&doc).unwrap_or_default()
        );
        return output::stdout(&out, lang);
    }
    outln!(out, "{}", ladder.organisation());
    for f in &findings {
        let label = f.severity.label(lang);
        outln!(out, "\n[{label}] {}", f.message.get(lang));
        if !f.roles.is_empty() {
            let what = match lang {
                Lang::Nl => "functies",
                Lang::En => "roles",
            };
            outln!(out, "    {what}: {}", f.roles.join(", "));
        }
    }
    output::stdout(&out, lang)
}

/// The options of `doorgroei paths`.
struct PathsQuery {
    profile: Option<PathBuf>,
    from: Option<String>,
    years: f64,
    no_management: bool,
    to: Option<String>,
    k: usize,
    today: Option<jiff::civil::Date>,
}

fn paths_cmd(
    file: &Path,
    query: &PathsQuery,
    lang: Lang,
    format: TextOrJson,
) -> Result<(), Failed> {
    let ladder = load(file, lang)?;
    let mut profile = match (&query.profile, &query.from) {
        (Some(path), _) => load_file(path, lang, |name, text| load_profile(name, text, &ladder))?,
        (None, Some(role)) => {
            let mut p = Profile::in_role(role);
            // Without a profile, assume the education the current role asks for.
            if let Some(r) = ladder.role(role) {
                p.education = r.education;
            }
            p.years_in_role = query.years;
            p.no_management = query.no_management;
            p
        }
        (None, None) => unreachable!("clap requires --profile or --from"),
    };
    if let Some(to) = &query.to {
        profile.goals = vec![to.clone()];
    }
    for id in std::iter::once(&profile.current_role).chain(&profile.goals) {
        if ladder.role(id).is_none() {
            let ids = ladder.roles().map(|(_, r)| r.id.as_str());
            let hint = doorgroei::suggest::closest(id, ids)
                .map(|s| match lang {
                    Lang::Nl => format!("; bedoel je '{s}'?"),
                    Lang::En => format!("; did you mean '{s}'?"),
                })
                .unwrap_or_default();
            match lang {
                Lang::Nl => eprintln!("{}: onbekende functie '{id}'{hint}", file.display()),
                Lang::En => eprintln!("{}: unknown role '{id}'{hint}", file.display()),
            }
            return Err(Failed);
        }
    }
    let today = query.today.unwrap_or_else(|| {
        jiff::Timestamp::now()
            .to_zoned(jiff::tz::TimeZone::UTC)
            .date()
    });
    let config = Config {
        k: query.k,
        ..Config::default()
    };
    let Some(plan) = plan(&ladder, &profile, config, today) else {
        return Err(Failed);
    };
    if format == TextOrJson::Json {
        let goals: Vec<_> = plan
            .goals
            .iter()
            .map(|g| {
                json!({
                    "goal": g.goal,
                    "routes": g.routes,
                    "blocked": g.blocked.as_ref().map(|b| json!({
                        "wishes": b.wishes,
                        "alternative": b.alternative,
                        "message": b.message.get(lang),
                    })),
                })
            })
            .collect();
        let doc = json!({
            "from": profile.current_role,
            "today": today.to_string(),
            "stretch": plan.stretch,
            "goals": goals,
            "next": plan.next,
            "targets": plan.targets,
        });
        return output::stdout(
            &(serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"),
            lang,
        );
    }
    output::stdout(&paths_text(&ladder, &profile, &plan, lang), lang)
}

fn paths_text(ladder: &Ladder, profile: &Profile, plan: &Plan, lang: Lang) -> String {
    use std::fmt::Write as _;
    let name = |id: &str| {
        ladder
            .role(id)
            .map_or(id.to_string(), |r| r.name.get(lang).to_string())
    };
    let nl = lang == Lang::Nl;
    let pick = |dutch: &'static str, english: &'static str| if nl { dutch } else { english };
    let months = |n: u32| match (n, nl) {
        (1, true) => "maand",
        (_, true) => "maanden",
        (1, false) => "month",
        (_, false) => "months",
    };
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} {} ({} {})",
        pick("Vanaf", "From"),
        name(&profile.current_role),
        decimal(profile.years_in_role, lang),
        if nl {
            "jaar in functie"
        } else if profile.years_in_role == 1.0 {
            "year in the role"
        } else {
            "years in the role"
        }
    );
    if let Some(s) = plan.stretch {
        let (hours, full) = (decimal(s.hours, lang), decimal(s.full_time_hours, lang));
        let (factor, ratio) = (
            decimal(s.factor, lang),
            decimal(s.full_time_hours / s.hours, lang),
        );
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
        let cap = if s.capped { cap.as_str() } else { "" };
        let _ = writeln!(out, "{stretch}{cap}");
    }
    for goal in &plan.goals {
        let _ = writeln!(out, "\n{} {}", pick("Doel:", "Goal:"), name(&goal.goal));
        if let Some(b) = &goal.blocked {
            let _ = writeln!(out, "  {}", b.message.get(lang));
        }
        for (i, r) in goal.routes.iter().enumerate() {
            let _ = writeln!(out, "  Route {} — {} {}", i + 1, r.months, months(r.months));
            for s in &r.steps {
                let pay = s
                    .pay
                    .map(|p| format!(" · € {} – € {}", p.min, p.max))
                    .unwrap_or_default();
                let scale = ladder
                    .role(&s.to)
                    .map(|r| r.scale_label(lang))
                    .unwrap_or_default();
                let _ = writeln!(
                    out,
                    "    → {} ({}), {} {} · {scale}{pay}",
                    name(&s.to),
                    s.kind.label(lang),
                    pick("vanaf", "from"),
                    s.earliest
                );
                let list = |reqs: &[doorgroei::ladder::Requirement]| {
                    let items: Vec<String> = reqs.iter().map(|r| r.describe(lang)).collect();
                    items.join("; ")
                };
                if !s.met.is_empty() {
                    let _ = writeln!(out, "        ✓ {}", list(&s.met));
                }
                if !s.missing.is_empty() {
                    let _ = writeln!(out, "        ✗ {}", list(&s.missing));
                }
            }
        }
    }
    let _ = writeln!(out, "\n{}", pick("Volgende stappen:", "Next steps:"));
    for group in &plan.next {
        let steps: Vec<String> = group
            .steps
            .iter()
            .map(|s| {
                format!(
                    "{} ({} {})",
                    name(&s.role),
                    s.route.months,
                    pick("mnd", "mo")
                )
            })
            .collect();
        let _ = writeln!(out, "  {}: {}", group.track.label(lang), steps.join(", "));
    }
    let _ = writeln!(
        out,
        "\n{}",
        pick("Best passende bestemmingen:", "Best-fitting destinations:")
    );
    for t in plan.targets.iter().take(5) {
        let _ = writeln!(
            out,
            "  {} — {} {}%, {} {:+}, {} {}",
            name(&t.role),
            pick("past", "fit"),
            t.fit,
            pick("schaal", "scale"),
            t.scale_gain,
            t.months,
            months(t.months)
        );
    }
    out
}

/// The options of `doorgroei match`.
struct MatchQuery {
    config: Option<PathBuf>,
    rematch: bool,
    dump_scores: Option<PathBuf>,
}

fn match_cmd(
    ladder_file: &Path,
    roster_file: &Path,
    query: &MatchQuery,
    lang: Lang,
    format: MatchFormat,
) -> Result<(), Failed> {
    let ladder = load(ladder_file, lang)?;
    let roster = load_roster_file(roster_file, &ladder, lang)?;
    let mut config = match &query.config {
        Some(path) => load_file(path, lang, load_match_config)?,
        None => MatchConfig::default(),
    };
    config.rematch = query.rematch;
    if let Some(path) = &query.dump_scores {
        let dump =
            serde_json::to_string_pretty(&problem(&ladder, &roster, &config)).unwrap_or_default();
        output::file(path, &(dump + "\n"), lang)?;
    }
    let result = assign(&ladder, &roster, &config);
    let names = roster.names();
    let name = |id: &str| names.get(id).copied().unwrap_or(id).to_string();
    let mut out = String::new();
    match format {
        MatchFormat::Json => {
            let pairs: Vec<_> = result
                .pairs
                .iter()
                .map(|p| {
                    json!({
                        "mentee": p.mentee,
                        "mentor": p.mentor,
                        "score": p.score,
                        "locked": p.locked,
                        "existing": p.existing,
                        "reasons": p.reasons.iter().map(|r| r.get(lang)).collect::<Vec<_>>(),
                        "problems": problems_json(&p.problems, lang),
                    })
                })
                .collect();
            let unmatched: Vec<_> = result
                .unmatched
                .iter()
                .map(|u| {
                    json!({
                        "mentee": u.mentee,
                        "reason": u.reason.get(lang),
                        "blocked": u.blocked,
                        "suggestion": u.suggestion,
                    })
                })
                .collect();
            let ended: Vec<_> = result
                .ended
                .iter()
                .map(|e| {
                    json!({
                        "mentee": e.mentee,
                        "mentor": e.mentor,
                        "problems": problems_json(&e.problems, lang),
                    })
                })
                .collect();
            let doc = json!({
                "pairs": pairs,
                "unmatched": unmatched,
                "ended": ended,
                "mentor_load": result.mentor_load,
                "matched": result.matched,
                "total_score": result.total_score,
            });
            outln!(
                out,
                "{}",
                serde_json::to_string_pretty(&doc).unwrap_or_default()
            );
        }
        MatchFormat::Csv => out!(out, "{}", pairs_to_csv(&result, &roster, lang)),
        MatchFormat::Text => {
            let nl = lang == Lang::Nl;
            let total = result.matched + result.unmatched.len();
            let (m, score) = (result.matched, result.total_score);
            let of = match (nl, total) {
                (true, 1) => "van 1 mentee".to_string(),
                (true, n) => format!("van de {n} mentees"),
                (false, 1) => "of 1 mentee".to_string(),
                (false, n) => format!("of {n} mentees"),
            };
            let has = match (nl, m) {
                (true, 1) => "heeft",
                (true, _) => "hebben",
                (false, 1) => "has",
                (false, _) => "have",
            };
            let (mentor, total_score) = if nl {
                ("een mentor", "totale score")
            } else {
                ("a mentor", "total score")
            };
            outln!(out, "{m} {of} {has} {mentor}; {total_score} {score}");
            outln!(out, "\n{}", if nl { "Koppelingen:" } else { "Pairs:" });
            for p in &result.pairs {
                let lock = if p.locked { " 🔒" } else { "" };
                let reasons: Vec<&str> = p.reasons.iter().map(|r| r.get(lang)).collect();
                outln!(
                    out,
                    "  {} ({}) → {} ({}){lock}, score {}: {}",
                    name(&p.mentee),
                    p.mentee,
                    name(&p.mentor),
                    p.mentor,
                    p.score,
                    reasons.join("; ")
                );
                if !p.problems.is_empty() {
                    outln!(
                        out,
                        "      ⚠ {}: {}",
                        if nl {
                            "vastgezet, maar breekt een regel"
                        } else {
                            "locked, but breaks a rule"
                        },
                        broken_text(&p.problems, lang)
                    );
                }
            }
            if !result.ended.is_empty() {
                outln!(
                    out,
                    "\n{}",
                    if nl {
                        "Beëindigd (bestaande koppeling breekt een regel en was niet vastgezet):"
                    } else {
                        "Ended (an existing pair breaks a rule and was not locked):"
                    }
                );
                for e in &result.ended {
                    outln!(
                        out,
                        "  {} ({}) → {} ({}): {}",
                        name(&e.mentee),
                        e.mentee,
                        name(&e.mentor),
                        e.mentor,
                        broken_text(&e.problems, lang)
                    );
                }
            }
            if !result.unmatched.is_empty() {
                outln!(
                    out,
                    "\n{}",
                    if nl {
                        "Zonder mentor:"
                    } else {
                        "Without a mentor:"
                    }
                );
                for u in &result.unmatched {
                    outln!(
                        out,
                        "  {} ({}): {}",
                        name(&u.mentee),
                        u.mentee,
                        u.reason.get(lang)
                    );
                }
            }
            outln!(
                out,
                "\n{}",
                if nl {
                    "Mentees per mentor (bezetting):"
                } else {
                    "Mentees per mentor (load):"
                }
            );
            let capacity: std::collections::BTreeMap<&str, u32> = roster
                .people
                .iter()
                .map(|p| (p.id.as_str(), p.capacity))
                .collect();
            for (id, load) in &result.mentor_load {
                let cap = capacity.get(id.as_str()).copied().unwrap_or(0);
                let full = match (load.cmp(&cap), nl) {
                    (std::cmp::Ordering::Greater, true) => " (te vol)",
                    (std::cmp::Ordering::Greater, false) => " (over capacity)",
                    (std::cmp::Ordering::Equal, true) => " (vol)",
                    (std::cmp::Ordering::Equal, false) => " (full)",
                    (std::cmp::Ordering::Less, _) => "",
                };
                outln!(out, "  {} ({id}): {load} / {cap}{full}", name(id));
            }
        }
    }
    output::stdout(&out, lang)
}

/// The rules a pair breaks, in words.
pub(crate) fn broken_text(problems: &[doorgroei::matching::Constraint], lang: Lang) -> String {
    let words: Vec<&str> = problems.iter().map(|c| c.broken(lang)).collect();
    words.join("; ")
}

/// The rules a pair breaks, for JSON: the rule's name and the words.
pub(crate) fn problems_json(
    problems: &[doorgroei::matching::Constraint],
    lang: Lang,
) -> Vec<serde_json::Value> {
    problems
        .iter()
        .map(|c| json!({"rule": c, "message": c.broken(lang)}))
        .collect()
}

fn graph(file: &Path, format: GraphFormat, lang: Lang, to: Option<&Path>) -> Result<(), Failed> {
    let ladder = load(file, lang)?;
    let text = match format {
        GraphFormat::Dot => ladder_dot(&ladder, lang),
        GraphFormat::Svg => {
            let options = DrawOptions {
                lang,
                standalone: true,
                ..DrawOptions::default()
            };
            format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{}\n",
                ladder_svg(&ladder, &options).to_svg()
            )
        }
    };
    match to {
        None => output::stdout(&text, lang),
        Some(path) => output::file(path, &text, lang),
    }
}
