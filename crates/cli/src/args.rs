//! The command line's arguments: one struct per command.
//!
//! Numbers with limits (`paths --years`, `--k`) stay text here and are
//! checked by their command, so that the refusal is in the chosen language
//! and names the limit.

use std::path::PathBuf;

use clap::{Arg, ArgAction, ArgMatches, Args, Parser, Subcommand, ValueEnum};
use doorgroei::Lang;

#[derive(Parser)]
#[command(
    name = "doorgroei",
    version,
    about = "Function ladders, growth paths and mentoring for social-work organisations"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Check ladder files; prints every problem as file:line:col: message.
    Check(CheckArgs),
    /// Scan a ladder for dead ends, missing hybrid roles and pay ceilings.
    Scan(ScanArgs),
    /// Growth routes for a person: ranked destinations, next steps, and the best routes to goals.
    Paths(PathsArgs),
    /// Two roles side by side: level, mix of work, scale and pay, education, managing people, competencies (shared or only in one, with levels) and the shortest route time both ways. Roles by id or by name.
    Compare(CompareArgs),
    /// Pair every junior with a senior mentor: optimal, explained.
    Match(MatchArgs),
    /// Plan case reviews every 4 to 6 weeks for every pair, on days both work.
    Schedule(ScheduleArgs),
    /// Each pair's reviews planned against held (the review log, doorgroei/log@1): on track, behind, lapsed or ended, with the pairs needing attention first.
    Status(StatusArgs),
    /// Hours of held reviews per person and five-year registration period (from the roster's `registered`) or calendar year, as mentor and as mentee (for the Registerplein).
    Hours(HoursArgs),
    /// Intervisie: peer-consultation groups across teams (a day all members work, nobody with their own manager or someone they avoid), their meetings, and with --supervision who is due for supervision.
    Intervisie(IntervisieArgs),
    /// Draw a ladder as Graphviz DOT or as the SVG the web app shows.
    Graph(GraphArgs),
    /// Which column of a roster file (CSV or .xlsx) holds which field, as a columns file (doorgroei/columns@1) to edit and pass to --columns.
    Columns(ColumnsArgs),
    /// What changed between two ladder files, in plain sentences (for the works council). Exit 0 when they are the same, 1 when they differ, 2 when they could not be compared.
    Diff(DiffArgs),
    /// Write ladder files in the canonical layout (the examples' layout). Comments are not kept: a file with comments is left alone unless --force.
    Fmt(FmtArgs),
    /// Print shell completions for doorgroei (bash, zsh, fish, powershell or elvish), e.g. `doorgroei completions bash > ~/.local/share/bash-completion/completions/doorgroei`.
    Completions(CompletionsArgs),
}

impl Command {
    /// The language the command speaks.
    pub fn lang(&self) -> Lang {
        let lang = match self {
            Command::Check(a) => a.lang,
            Command::Scan(a) => a.lang,
            Command::Paths(a) => a.lang,
            Command::Compare(a) => a.lang,
            Command::Match(a) => a.lang,
            Command::Schedule(a) => a.lang,
            Command::Status(a) => a.lang,
            Command::Hours(a) => a.lang,
            Command::Intervisie(a) => a.lang,
            Command::Graph(a) => a.lang,
            Command::Columns(a) => a.lang,
            Command::Diff(a) => a.lang,
            Command::Fmt(a) => a.lang,
            Command::Completions(_) => LangArg::Nl,
        };
        lang.into()
    }
}

#[derive(Args)]
pub struct CheckArgs {
    /// Ladder files (YAML, schema doorgroei/ladder@1).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Language of the messages.
    #[arg(long, value_enum, default_value_t = LangArg::Nl)]
    pub lang: LangArg,
}

#[derive(Args)]
pub struct CompletionsArgs {
    /// The shell to complete in.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Args)]
pub struct DiffArgs {
    /// The ladder file as it was.
    pub old: PathBuf,
    /// The ladder file as it is.
    pub new: PathBuf,
    /// Language of the sentences.
    #[arg(long, value_enum, default_value_t = LangArg::Nl)]
    pub lang: LangArg,
    /// Output format.
    #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
    pub format: TextOrJson,
}

#[derive(Args)]
pub struct FmtArgs {
    /// Ladder files (YAML, schema doorgroei/ladder@1), rewritten in place.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Change nothing: list the files that are not in the canonical layout, and exit 1 if there are any.
    #[arg(long)]
    pub check: bool,
    /// Rewrite files with comments too (the comments are lost).
    #[arg(long)]
    pub force: bool,
    /// Language of the messages.
    #[arg(long, value_enum, default_value_t = LangArg::Nl)]
    pub lang: LangArg,
}

#[derive(Args)]
pub struct ScanArgs {
    /// Ladder file.
    pub file: PathBuf,
    /// Language of the findings.
    #[arg(long, value_enum, default_value_t = LangArg::Nl)]
    pub lang: LangArg,
    /// Output format.
    #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
    pub format: TextOrJson,
}

#[derive(Args)]
pub struct CompareArgs {
    /// Ladder file.
    pub ladder: PathBuf,
    /// The first role (id or name).
    pub role_a: String,
    /// The second role (id or name).
    pub role_b: String,
    /// Language of the output.
    #[arg(long, value_enum, default_value_t = LangArg::Nl)]
    pub lang: LangArg,
    /// Output format.
    #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
    pub format: TextOrJson,
}

#[derive(Args)]
pub struct PathsArgs {
    /// Ladder file.
    pub ladder: PathBuf,
    #[command(flatten)]
    pub start: Start,
    /// Goal role (replaces the profile's goals).
    #[arg(long)]
    pub to: Option<String>,
    /// How many routes per goal (1–20).
    #[arg(long, default_value = "3", allow_hyphen_values = true)]
    pub k: String,
    /// Date the estimates count from (default: today).
    #[arg(long)]
    pub today: Option<jiff::civil::Date>,
    /// Language of the output.
    #[arg(long, value_enum, default_value_t = LangArg::Nl)]
    pub lang: LangArg,
    /// Output format.
    #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
    pub format: TextOrJson,
}

/// Where `doorgroei paths` starts: a profile file, or a role and what the
/// options say about the person (`--profile` or `--from`, never both).
pub enum Start {
    /// `--profile FILE`.
    Profile(PathBuf),
    /// `--from ROLE [--years N] [--no-management]`.
    Role {
        from: String,
        /// Years in the role, as given (checked by the command).
        years: Option<String>,
        no_management: bool,
    },
}

// By hand, because clap derives arguments for structs only: the options as
// a derived struct of `Option`s would declare them, this keeps "one or the
// other" in the type.
impl Args for Start {
    fn augment_args(cmd: clap::Command) -> clap::Command {
        cmd.arg(
            Arg::new("profile")
                .long("profile")
                .value_name("PROFILE")
                .value_parser(clap::value_parser!(PathBuf))
                .required_unless_present("from")
                .help("Profile file (schema doorgroei/profile@1)"),
        )
        .arg(
            Arg::new("from")
                .long("from")
                .value_name("FROM")
                .conflicts_with("profile")
                .help("Without a profile: the current role"),
        )
        .arg(
            Arg::new("years")
                .long("years")
                .value_name("YEARS")
                .requires("from")
                .allow_hyphen_values(true)
                .help("Without a profile: years in the current role (0–60)"),
        )
        .arg(
            Arg::new("no_management")
                .long("no-management")
                .action(ArgAction::SetTrue)
                .requires("from")
                .help("Without a profile: never a role that manages people"),
        )
    }

    fn augment_args_for_update(cmd: clap::Command) -> clap::Command {
        Self::augment_args(cmd)
    }
}

impl clap::FromArgMatches for Start {
    fn from_arg_matches(matches: &ArgMatches) -> Result<Self, clap::Error> {
        if let Some(path) = matches.get_one::<PathBuf>("profile") {
            return Ok(Start::Profile(path.clone()));
        }
        match matches.get_one::<String>("from") {
            Some(from) => Ok(Start::Role {
                from: from.clone(),
                years: matches.get_one::<String>("years").cloned(),
                no_management: matches.get_flag("no_management"),
            }),
            // clap refuses this before (`required_unless_present`).
            None => Err(clap::Error::new(
                clap::error::ErrorKind::MissingRequiredArgument,
            )),
        }
    }

    fn update_from_arg_matches(&mut self, matches: &ArgMatches) -> Result<(), clap::Error> {
        *self = Self::from_arg_matches(matches)?;
        Ok(())
    }
}

/// How a roster table is read: `--columns` and `--sheet`.
#[derive(Args)]
pub struct TableArgs {
    /// Which column holds which field (schema doorgroei/columns@1; `doorgroei columns` writes one); without it, columns are recognised by their headers.
    #[arg(long)]
    pub columns: Option<PathBuf>,
    /// The sheet of a spreadsheet to read (default: the first).
    #[arg(long)]
    pub sheet: Option<String>,
}

#[derive(Args)]
pub struct ColumnsArgs {
    /// Roster file: CSV (.csv) or spreadsheet (.xlsx).
    pub roster: PathBuf,
    /// The sheet of a spreadsheet to read (default: the first).
    #[arg(long)]
    pub sheet: Option<String>,
    /// Language of the messages and comments.
    #[arg(long, value_enum, default_value_t = LangArg::Nl)]
    pub lang: LangArg,
}

#[derive(Args)]
pub struct MatchArgs {
    /// Ladder file (gives each person's level).
    pub ladder: PathBuf,
    /// Roster: YAML (schema doorgroei/roster@1), CSV (.csv) or spreadsheet (.xlsx).
    pub roster: PathBuf,
    #[command(flatten)]
    pub table: TableArgs,
    /// Matching settings (schema doorgroei/matching@1).
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// Match everyone again, keeping only locked pairs.
    #[arg(long)]
    pub rematch: bool,
    /// Write the problem the solver saw (capacities and eligible pairs with scores) as JSON.
    #[arg(long)]
    pub dump_scores: Option<PathBuf>,
    /// Match on this day (4-1-2027 or 2027-01-04): a pair whose mentor or mentee has left (`leaves` on or before it) or whose `ended` day has come ends, who has left is neither mentor nor mentee, only the mentees without a mentor are matched (never to someone they were paired with before, unless `no_repeat: false`), and those who waited longest come first (weight `waiting` per week). Without it nobody leaves and nobody waits.
    #[arg(long, value_name = "DATE")]
    pub today: Option<String>,
    /// Language of the output.
    #[arg(long, value_enum, default_value_t = LangArg::Nl)]
    pub lang: LangArg,
    /// Output format.
    #[arg(long, value_enum, default_value_t = TableFormat::Text)]
    pub format: TableFormat,
}

#[derive(Args)]
pub struct ScheduleArgs {
    /// Ladder file (YAML).
    pub ladder: PathBuf,
    /// Roster: YAML (schema doorgroei/roster@1), CSV (.csv) or spreadsheet (.xlsx).
    pub roster: PathBuf,
    #[command(flatten)]
    pub table: TableArgs,
    /// Pairs as JSON (the output of `doorgroei match --format json`); without it, the matching runs first.
    #[arg(long)]
    pub pairs: Option<PathBuf>,
    /// First day of the schedule (YYYY-MM-DD); a mentee who starts later starts later.
    #[arg(long)]
    pub start: jiff::civil::Date,
    /// How many months of reviews (1–36; default 12 or the settings file's).
    #[arg(long, value_parser = clap::value_parser!(u8).range(1..=36))]
    pub months: Option<u8>,
    /// Weeks between reviews (4–6; default 4 or the settings file's).
    #[arg(long, value_parser = clap::value_parser!(u8).range(4..=6))]
    pub cadence_weeks: Option<u8>,
    /// Scheduling settings (YAML, schema doorgroei/schedule@1).
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// Write one iCalendar file with every review (for the coordinator).
    #[arg(long)]
    pub ics: Option<PathBuf>,
    /// Write an iCalendar file per person, and one with every review, into this directory.
    #[arg(long, conflicts_with = "ics")]
    pub ics_dir: Option<PathBuf>,
    /// Language of the output.
    #[arg(long, value_enum, default_value_t = LangArg::Nl)]
    pub lang: LangArg,
    /// Output on stdout.
    #[arg(long, value_enum, default_value_t = TableFormat::Text)]
    pub format: TableFormat,
}

#[derive(Args)]
pub struct StatusArgs {
    /// Ladder file (YAML).
    pub ladder: PathBuf,
    /// Roster: YAML (schema doorgroei/roster@1), CSV (.csv) or spreadsheet (.xlsx).
    pub roster: PathBuf,
    #[command(flatten)]
    pub table: TableArgs,
    /// The review log: YAML (schema doorgroei/log@1) or CSV (.csv).
    #[arg(long)]
    pub log: PathBuf,
    /// The day to take stock on (YYYY-MM-DD); log entries after it are not read.
    #[arg(long)]
    pub today: jiff::civil::Date,
    /// Pairs as JSON (the output of `doorgroei match --format json`); without it, the roster's pairs and a matching for the rest, as `schedule` takes them.
    #[arg(long)]
    pub pairs: Option<PathBuf>,
    /// First day of the schedule (YYYY-MM-DD; default the log's earliest date).
    #[arg(long)]
    pub start: Option<jiff::civil::Date>,
    /// Scheduling settings (YAML, schema doorgroei/schedule@1).
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// Language of the output.
    #[arg(long, value_enum, default_value_t = LangArg::Nl)]
    pub lang: LangArg,
    /// Output on stdout.
    #[arg(long, value_enum, default_value_t = TableFormat::Text)]
    pub format: TableFormat,
}

#[derive(Args)]
pub struct IntervisieArgs {
    /// Ladder file (gives each person's level, education and whether the role manages people).
    pub ladder: PathBuf,
    /// Roster: YAML (schema doorgroei/roster@1), CSV (.csv) or spreadsheet (.xlsx).
    pub roster: PathBuf,
    #[command(flatten)]
    pub table: TableArgs,
    /// Intervisie settings (schema doorgroei/intervisie@1).
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// Last year's groups: the JSON or CSV this command writes. Pairs that were together before score less.
    #[arg(long)]
    pub earlier: Option<PathBuf>,
    /// First day of the meetings (YYYY-MM-DD); with --supervision the day to count from (default: today).
    #[arg(long)]
    pub start: Option<jiff::civil::Date>,
    /// How many months of meetings (1–36; default 12).
    #[arg(long, requires = "start", value_parser = clap::value_parser!(u8).range(1..=36))]
    pub months: Option<u8>,
    /// Scheduling settings (YAML, schema doorgroei/schedule@1): closing days, holidays, how far a meeting may move, the start time.
    #[arg(long)]
    pub schedule: Option<PathBuf>,
    /// Write an iCalendar file per group, and one with every meeting, into this directory.
    #[arg(long, requires = "start")]
    pub ics_dir: Option<PathBuf>,
    /// Write the grouping problem (people, sizes, days, forbidden pairs, pair scores) as JSON, for another solver.
    #[arg(long)]
    pub dump_problem: Option<PathBuf>,
    /// List who is due for supervision (seniors and up) instead of forming groups.
    #[arg(long, conflicts_with_all = ["earlier", "months", "ics_dir", "dump_problem", "schedule"])]
    pub supervision: bool,
    /// Language of the output.
    #[arg(long, value_enum, default_value_t = LangArg::Nl)]
    pub lang: LangArg,
    /// Output on stdout.
    #[arg(long, value_enum, default_value_t = TableFormat::Text)]
    pub format: TableFormat,
}

#[derive(Args)]
pub struct HoursArgs {
    /// Ladder file (YAML).
    pub ladder: PathBuf,
    /// Roster: YAML (schema doorgroei/roster@1), CSV (.csv) or spreadsheet (.xlsx).
    pub roster: PathBuf,
    #[command(flatten)]
    pub table: TableArgs,
    /// The review log: YAML (schema doorgroei/log@1) or CSV (.csv).
    #[arg(long)]
    pub log: PathBuf,
    /// Count reviews from this day (YYYY-MM-DD). With --to, every registration period overlapping them is listed, also without hours.
    #[arg(long)]
    pub from: Option<jiff::civil::Date>,
    /// Count reviews up to and including this day (YYYY-MM-DD).
    #[arg(long)]
    pub to: Option<jiff::civil::Date>,
    /// Scheduling settings (YAML, schema doorgroei/schedule@1): their slot length is the minutes of an entry without `minutes`.
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// Language of the CSV headers and messages.
    #[arg(long, value_enum, default_value_t = LangArg::Nl)]
    pub lang: LangArg,
    /// Output on stdout.
    #[arg(long, value_enum, default_value_t = CsvOrJson::Csv)]
    pub format: CsvOrJson,
}

/// `hours`: a CSV table or JSON.
#[derive(Clone, Copy, ValueEnum)]
pub enum CsvOrJson {
    Csv,
    Json,
}

#[derive(Args)]
pub struct GraphArgs {
    /// Ladder file.
    pub file: PathBuf,
    /// Output format.
    #[arg(long, value_enum)]
    pub format: GraphFormat,
    /// Language of names and labels.
    #[arg(long, value_enum, default_value_t = LangArg::Nl)]
    pub lang: LangArg,
    /// Write to this file instead of standard output.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum LangArg {
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

#[derive(Clone, Copy, ValueEnum)]
pub enum TextOrJson {
    Text,
    Json,
}

/// `match` and `schedule`: text, JSON, or a CSV table.
#[derive(Clone, Copy, ValueEnum)]
pub enum TableFormat {
    Text,
    Json,
    Csv,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum GraphFormat {
    Dot,
    Svg,
}
