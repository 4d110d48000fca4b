//! What the web page and its worker send each other.
//!
//! The page draws and decides; it has no YAML or CSV reader, no emitter
//! and no solver (that keeps its WebAssembly small and its first draw
//! fast). Files the user opens go to the worker as a [`Request`], and the
//! worker answers each with a [`Reply`]: a ladder in its JSON form
//! ([`crate::format::ladder_from_json`] reads it), a profile, a roster with
//! its review, a matching, YAML to download, or the file's problems. Both
//! cross as JSON text ([`answer_json`]); the glue between them knows
//! neither's fields. Every answer is a pure function here ([`answer`]), so
//! it is tested natively.
//!
//! A spreadsheet is read by a module of its own that the worker loads only
//! when one is opened: the worker's answer to such a file is
//! [`ImportReply::ReadSheet`], the reader turns the request into the sheet
//! as a table ([`read_sheet_json`]), and the worker answers again with it
//! ([`answer_with_sheet_json`]).

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::error::{ErrorKind, LoadError, Report};
use crate::format::{
    calendar_file_names, check_person, check_profile, csv_table, header_key, is_csv,
    is_spreadsheet, ladder_file_to_json, ladder_from_json, load_ladder_checked, load_ladder_file,
    load_match_config, load_profile_checked, load_roster_checked, load_roster_json,
    load_roster_yaml, load_schedule_config, load_table, match_config_to_yaml, preview,
    profile_to_yaml, roster_file_to_yaml, roster_to_file, roster_to_json, schedule_to_csv,
    schedule_to_ics, table_header, Cell, ColumnMap, ColumnPreview, ColumnsFile, Field, Loaded,
    ProfileFile, RosterFile, ScheduleFile, Table,
};
use crate::i18n::{Bilingual, Lang};
use crate::ladder::Ladder;
use crate::matching::{assign, review, Assignment, MatchConfig};
use crate::paths::{plan, Config, Plan, Profile};
use crate::programme::{LogEntry, MonthCount, PairStatus, Totals};
use crate::roster::{Person, Roster};
use crate::scan::{scan, Finding};

mod intervisie;
mod kept;
use crate::schedule::{
    per_pair, schedule_keeping, summary, PairRef, Review, Rhythm, Schedule, ScheduleConfig,
    Summary, Unplaced,
};
pub use intervisie::{answer_intervisie, IntervisieReply, IntervisieRequest, IntervisieStep};
use kept::only_changes;
pub use kept::{answer_planner_with, changes, roster_key, with_known, Kept, NEW};

/// A file as the page holds it: its name and its text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextFile {
    /// The file name (only for messages).
    pub name: String,
    /// The file's text.
    pub text: String,
}

/// Which mentees a matching may give a mentor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchMode {
    /// Only those without one: existing pairs stay as they are.
    Unmatched,
    /// Everyone again; locked pairs stay.
    Everyone,
    /// Nobody new: the pairs as they stand, explained, and why each mentee
    /// without one has none ([`crate::matching::review`]): the roster after
    /// an edit by hand.
    Review,
}

/// A part of a request or a reply carried as JSON text: what only a room
/// in a module of its own sends or receives (the review schedule, the log,
/// the programme's status, the scheduling settings) crosses so, and the
/// page's module, which writes every [`Request`] and reads every [`Reply`]
/// with one function each, then carries no code to write or read it (the
/// page is within a few kilobytes of its size budget).
///
/// The text is JSON embedded as it is ([`serde_json::value::RawValue`]),
/// not as a string: a schedule of 26,000 reviews is not escaped by the
/// worker and unescaped on the page, only copied.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Packed<T> {
    text: Box<serde_json::value::RawValue>,
    #[serde(skip)]
    kind: std::marker::PhantomData<T>,
}

impl<T> PartialEq for Packed<T> {
    fn eq(&self, other: &Self) -> bool {
        self.text.get() == other.text.get()
    }
}

impl<T> Eq for Packed<T> {}

impl<T: Serialize + serde::de::DeserializeOwned> Packed<T> {
    /// `value` as JSON text.
    pub fn new(value: &T) -> Packed<T> {
        Packed {
            // (Serialising these plain-data values cannot fail; `null`, which
            // no packed value is, would make `open` say so.)
            text: serde_json::value::to_raw_value(value)
                .unwrap_or_else(|_| serde_json::value::RawValue::NULL.to_owned()),
            kind: std::marker::PhantomData,
        }
    }

    /// The value again; why not, when the text is not one.
    pub fn open(&self) -> Result<T, String> {
        serde_json::from_str(self.text.get()).map_err(|e| format!("not a packed value: {e}"))
    }
}

/// What the page asks its worker. Each kind has its [`Reply`] variant.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Request {
    /// A ladder file (YAML): [`Reply::Ladder`].
    ReadLadder(TextFile),
    /// A profile file (YAML), checked against the ladder (its JSON form):
    /// [`Reply::Profile`].
    ReadProfile {
        /// The profile file.
        file: TextFile,
        /// The ladder in its JSON form.
        ladder: String,
    },
    /// A roster file (CSV, a spreadsheet, YAML, or a roster in its JSON
    /// form), checked against the ladder: [`Reply::Import`].
    ImportRoster(Import),
    /// Matching a roster (its JSON form) on the ladder: [`Reply::Match`].
    Match {
        /// The ladder in its JSON form.
        ladder: String,
        /// The roster in its JSON form.
        roster: String,
        /// Who may get a (new) mentor.
        mode: MatchMode,
        /// The matching settings as a `doorgroei/matching@1` file's text
        /// (the page writes it with [`match_config_to_yaml`]); `None`: the
        /// defaults.
        #[serde(default)]
        settings: Option<String>,
        /// The day the matching looks from ([`MatchConfig::today`]):
        /// who has left, which pairs have ended, how long mentees waited.
        /// `None` (the default): as before there was such a day.
        #[serde(
            default,
            skip_serializing_if = "Option::is_none",
            with = "crate::dates::optional"
        )]
        today: Option<jiff::civil::Date>,
        /// The roster is the one the worker keeps under this key
        /// ([`Request::Keep`], [`roster_key`]); `roster` is then empty. A
        /// worker that does not have it answers [`MatchReply::NotKept`].
        #[serde(default, skip_serializing_if = "Option::is_none")]
        kept: Option<u64>,
        /// The fingerprints of the pairs the page has
        /// ([`crate::matching::Matched::fingerprint`]), in their order: the
        /// answer is then [`MatchReply::Changes`], with only the pairs the
        /// page does not have. Empty: [`MatchReply::Ok`] with every pair.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        known: Vec<u64>,
    },
    /// The roster the page has now (its JSON form), read against the ladder
    /// (its JSON form), to keep in the worker for the requests that follow
    /// and name it by its key: [`Reply::Kept`]. See [`answer_planner_with`].
    Keep {
        /// The ladder in its JSON form.
        ladder: String,
        /// The roster in its JSON form.
        roster: String,
    },
    /// One person as the app's form gives them, checked by the roster
    /// loader's rules in the roster (its JSON form) on the ladder:
    /// [`Reply::Person`]. See [`crate::format::check_person`].
    CheckPerson {
        /// The ladder in its JSON form.
        ladder: String,
        /// The roster in its JSON form.
        roster: String,
        /// Whose place the person takes; `None`: added at the end.
        at: Option<usize>,
        /// The texts of the person's fields, in the order of
        /// [`crate::format::person_cells`].
        cells: Vec<String>,
    },
    /// A matching settings file (YAML) a person opened: [`Reply::MatchConfig`].
    ReadMatchConfig(TextFile),
    /// A scheduling settings file (YAML) a person opened:
    /// [`Reply::ScheduleConfig`].
    ReadScheduleConfig(TextFile),
    /// An older save's ladder (YAML) and roster: [`Reply::Migrate`].
    Migrate {
        /// The saved ladder file.
        ladder: TextFile,
        /// The saved roster, if the save had one.
        roster: Option<TextFile>,
    },
    /// A profile written as a profile file (YAML): [`Reply::Written`].
    WriteProfile(ProfileFile),
    /// A roster file in its JSON form written as YAML: [`Reply::Written`].
    WriteRoster(String),
    /// The findings of a ladder in its JSON form (a saved one, restored):
    /// [`Reply::Scan`]. A ladder file read gets its findings with it.
    Scan(String),
    /// The case reviews of a roster's pairs: [`Reply::Schedule`].
    Schedule(Packed<ScheduleRequest>),
    /// A calendar file of those reviews (iCalendar or CSV):
    /// [`Reply::Written`].
    WriteCalendar(Packed<CalendarRequest>),
    /// A profile's growth plan: [`Reply::Plan`].
    Plan(PlanRequest),
    /// A review log file (YAML or CSV) a coordinator opened, read against
    /// the roster: [`Reply::Log`].
    ReadLog(Packed<LogImport>),
    /// How the programme goes: each pair's status and the reviews planned
    /// and held per month: [`Reply::Progress`].
    Progress(Packed<ProgressRequest>),
    /// A step in the Intervisie room: [`Reply::Intervisie`].
    Intervisie(Packed<IntervisieRequest>),
}

/// A review log file to read.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LogImport {
    /// The file name: `.csv` or `.txt` is read as CSV, anything else as YAML.
    pub name: String,
    /// The file's bytes (base64 in JSON).
    #[serde(with = "base64")]
    pub bytes: Vec<u8>,
    /// The ladder in its JSON form.
    pub ladder: String,
    /// The roster in its JSON form: every mentor and mentee must be in it.
    pub roster: String,
    /// The minutes of an entry that gives none (the scheduling settings'
    /// `slot_minutes`).
    pub slot_minutes: u16,
}

/// The status of the pairs of a schedule on a day, from the review log.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgressRequest {
    /// The schedule (made again in the worker: the same request gives the
    /// same schedule).
    pub reviews: ScheduleRequest,
    /// The review log.
    pub log: Vec<LogEntry>,
    /// The day the status is for (the page's today).
    #[serde(with = "crate::dates::date")]
    pub today: Date,
}

/// How the programme goes ([`crate::programme::status`] and
/// [`crate::programme::per_month`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    /// Each pair's status, in the roster's pair order, then pairs only in
    /// the log.
    pub pairs: Vec<PairStatus>,
    /// The totals.
    pub totals: Totals,
    /// Reviews planned and held per month, up to today's month.
    pub months: Vec<MonthCount>,
}

/// A profile's growth plan on a ladder, counted from a day.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlanRequest {
    /// The ladder in its JSON form.
    pub ladder: String,
    /// The profile (its role is in the ladder).
    pub profile: ProfileFile,
    /// The day the estimates count from (the page's today).
    #[serde(with = "crate::dates::date")]
    pub today: Date,
}

/// The case reviews of the pairs a roster has now, with the settings the
/// web app offers (the rest as `ScheduleConfig::default()`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScheduleRequest {
    /// The ladder in its JSON form (the roster is read against it).
    pub ladder: String,
    /// The roster in its JSON form: its pairs are scheduled.
    pub roster: String,
    /// The first day reviews may be planned on.
    #[serde(with = "crate::dates::date")]
    pub start: Date,
    /// How long the reviews go on, 1 to 36 months.
    pub months: u8,
    /// Weeks between a pair's reviews, 4 to 6.
    pub cadence_weeks: u8,
    /// The other scheduling settings (`months` and `cadence_weeks` above
    /// count, not the file's); `None`: the defaults.
    #[serde(default)]
    pub settings: Option<Packed<ScheduleFile>>,
    /// The pairs' rhythms as the schedule shown last had them
    /// ([`Reviews::rhythms`]): the pairs still there keep them
    /// ([`crate::schedule::schedule_keeping`]).
    #[serde(default)]
    pub keep: Vec<Rhythm>,
}

/// Which calendar file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CalendarFormat {
    /// iCalendar ([`crate::format::schedule_to_ics`]).
    Ics,
    /// A table ([`crate::format::schedule_to_csv`]).
    Csv,
}

/// A calendar file of the reviews a [`ScheduleRequest`] makes (made again
/// in the worker: the same request gives the same schedule).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarRequest {
    /// The schedule.
    pub reviews: ScheduleRequest,
    /// Which file.
    pub format: CalendarFormat,
    /// Only this person's reviews (iCalendar only).
    pub person: Option<String>,
    /// The language of the file's texts and column names.
    pub lang: Lang,
    /// When the file is made (iCalendar's DTSTAMP), in milliseconds since
    /// 1970 by the page's clock.
    pub stamp: i64,
}

/// A roster file to read, and how its columns are taken.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Import {
    /// The file name: `.csv` or `.txt` is read as CSV, `.xlsx` as a
    /// spreadsheet (also by its first bytes), anything else as YAML.
    pub name: String,
    /// The file's bytes, so that a Windows-1252 CSV file arrives as it was
    /// written (base64 in JSON).
    #[serde(with = "base64")]
    pub bytes: Vec<u8>,
    /// The ladder in its JSON form.
    pub ladder: String,
    /// The columns the coordinator chose in the mapping step: they decide
    /// every column of a table, and are remembered for its headers. `None`:
    /// the mapping remembered for these headers, else the recognised one.
    #[serde(default)]
    pub columns: Option<ColumnsFile>,
    /// The sheet of a spreadsheet to read (`None`: the first).
    #[serde(default)]
    pub sheet: Option<String>,
    /// The column mappings this browser remembers, as the web app keeps
    /// them ([`remember_columns`] writes them); empty for none.
    #[serde(default)]
    pub remembered: String,
}

/// What the worker answers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
// A reply is made once and read once: boxing its larger kinds would save
// no memory worth having and add code to the page.
#[allow(clippy::large_enum_variant)]
pub enum Reply {
    /// To [`Request::ReadLadder`].
    Ladder(LadderReply),
    /// To [`Request::ReadProfile`].
    Profile(ProfileReply),
    /// To [`Request::ImportRoster`].
    Import(ImportReply),
    /// To [`Request::Match`].
    Match(MatchReply),
    /// To [`Request::Migrate`].
    Migrate(MigrateReply),
    /// To [`Request::CheckPerson`].
    Person(PersonReply),
    /// To [`Request::ReadMatchConfig`]: the settings as
    /// [`match_config_to_yaml`] writes them (which the page reads back with
    /// [`crate::format::match_config_from_written`]), or the file's problems.
    MatchConfig(Result<String, Report>),
    /// To [`Request::ReadScheduleConfig`]: the settings with every field
    /// spelt out, or the file's problems.
    ScheduleConfig(Packed<Result<ScheduleFile, Report>>),
    /// To [`Request::WriteProfile`], [`Request::WriteRoster`] and
    /// [`Request::WriteCalendar`].
    Written(WriteReply),
    /// To [`Request::Scan`].
    Scan(ScanReply),
    /// To [`Request::Schedule`].
    Schedule(Packed<ScheduleReply>),
    /// To [`Request::Plan`].
    Plan(PlanReply),
    /// To [`Request::ReadLog`]: the entries, or the file's problems.
    Log(Packed<Result<Vec<LogEntry>, Report>>),
    /// To [`Request::Progress`]: the status, or why there is none.
    Progress(Packed<Result<Progress, String>>),
    /// To [`Request::Intervisie`].
    Intervisie(Packed<IntervisieReply>),
    /// To [`Request::Keep`]: the key the roster is kept under, or why it
    /// could not be read.
    Kept(Result<u64, String>),
    /// No answer, and why: the message was not a request (the worker's
    /// words), or on the page, the worker did not start or answer.
    Failed(String),
}

impl Reply {
    /// Why this reply is not the answer a request of another kind waits
    /// for: its own reason if it is [`Reply::Failed`].
    pub fn failure(self) -> String {
        match self {
            Reply::Failed(reason) => reason,
            _ => "an answer of another kind".into(),
        }
    }
}

/// Answers one request.
pub fn answer(request: Request) -> Reply {
    match request.module() {
        Module::Files => answer_files(request),
        Module::Planner => answer_planner(request),
        Module::Growth => answer_growth(request),
        Module::Programme => answer_programme(request),
    }
}

/// The worker's WebAssembly modules, each loaded the first time a request
/// of its kind comes: one reads and writes files (it holds the YAML reader
/// and writer), one matches and schedules (it holds the solver and the
/// scheduler), one works out growth (the ladder's scan, a profile read and
/// its growth plan), and one follows the mentoring programme (the review
/// log, the intervisie groups and the pairs' status). A visit that opens
/// no file never downloads the first; one that records no review never
/// downloads the last.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Module {
    /// Files read and written: [`answer_files`].
    Files,
    /// Matching and the review schedule with its calendar files:
    /// [`answer_planner`].
    Planner,
    /// The ladder's scan, a profile file read and its growth plan:
    /// [`answer_growth`].
    Growth,
    /// The review log read and the programme's status:
    /// [`answer_programme`].
    Programme,
}

impl Module {
    /// The name the worker knows the module by (`worker.js`).
    pub fn name(self) -> &'static str {
        match self {
            Module::Files => "files",
            Module::Planner => "planner",
            Module::Growth => "growth",
            Module::Programme => "programme",
        }
    }
}

impl Request {
    /// Which of the worker's modules answers this request.
    pub fn module(&self) -> Module {
        match self {
            Request::ReadLadder(_)
            | Request::ImportRoster(_)
            | Request::CheckPerson { .. }
            | Request::ReadMatchConfig(_)
            | Request::ReadScheduleConfig(_)
            | Request::Migrate { .. }
            | Request::WriteProfile(_)
            | Request::WriteRoster(_) => Module::Files,
            Request::Match { .. }
            | Request::Keep { .. }
            | Request::Schedule(_)
            | Request::WriteCalendar(_) => Module::Planner,
            // (The profile is read where its plan is made: the files
            // module had no room left for its reader.)
            Request::Scan(_) | Request::ReadProfile { .. } | Request::Plan(_) => Module::Growth,
            Request::ReadLog(_) | Request::Progress(_) | Request::Intervisie(_) => {
                Module::Programme
            }
        }
    }
}

/// The answer of the files module: requests of [`Module::Files`]; any
/// other is [`Reply::Failed`] (the page sent it to the wrong module).
pub fn answer_files(request: Request) -> Reply {
    match request {
        Request::ReadLadder(file) => Reply::Ladder(read_ladder(&file.name, &file.text)),
        Request::ImportRoster(import) => Reply::Import(import_roster(&import, None)),
        Request::CheckPerson {
            ladder,
            roster,
            at,
            cells,
        } => Reply::Person(person(&ladder, &roster, at, &cells)),
        Request::ReadMatchConfig(file) => Reply::MatchConfig(
            load_match_config(&file.name, &file.text)
                .map(|c| match_config_to_yaml(&c))
                .map_err(|e| e.report()),
        ),
        Request::ReadScheduleConfig(file) => Reply::ScheduleConfig(Packed::new(
            &load_schedule_config(&file.name, &file.text)
                .map(|c| ScheduleFile::from(&c))
                .map_err(|e| e.report()),
        )),
        Request::Migrate { ladder, roster } => Reply::Migrate(migrate(
            (&ladder.name, &ladder.text),
            roster.as_ref().map(|r| (r.name.as_str(), r.text.as_str())),
        )),
        Request::WriteProfile(file) => Reply::Written(write_profile(file)),
        Request::WriteRoster(json) => Reply::Written(roster_yaml(&json)),
        other => wrong_module(&other),
    }
}

/// The answer of the work module: requests of [`Module::Planner`]; any other
/// is [`Reply::Failed`].
pub fn answer_planner(request: Request) -> Reply {
    match request {
        Request::Match {
            ladder,
            roster,
            mode,
            settings,
            today,
            kept: None,
            known,
        } => Reply::Match(only_changes(
            match_roster_on(&ladder, &roster, mode, settings.as_deref(), today),
            &known,
        )),
        // Nothing is kept here (see answer_planner_with).
        Request::Match { kept: Some(_), .. } => Reply::Match(MatchReply::NotKept),
        // Read, and not kept: nothing is kept here.
        keep @ Request::Keep { .. } => answer_planner_with(&mut None, keep),
        Request::Schedule(request) => Reply::Schedule(Packed::new(
            &request.open().and_then(|request| plan_reviews(&request)),
        )),
        Request::WriteCalendar(request) => {
            Reply::Written(request.open().and_then(|request| write_calendar(&request)))
        }
        other => wrong_module(&other),
    }
}

/// The answer of the growth module: requests of [`Module::Growth`]; any
/// other is [`Reply::Failed`].
pub fn answer_growth(request: Request) -> Reply {
    match request {
        Request::Scan(ladder) => Reply::Scan(scan_ladder(&ladder)),
        Request::Plan(request) => Reply::Plan(growth_plan(request)),
        Request::ReadProfile { file, ladder } => {
            Reply::Profile(read_profile(&file.name, &file.text, &ladder))
        }
        other => wrong_module(&other),
    }
}

/// [`answer_growth`] for JSON text, as the worker's growth module takes it.
pub fn answer_growth_json(request: &str) -> String {
    answer_json_with(request, answer_growth)
}

fn wrong_module(request: &Request) -> Reply {
    Reply::Failed(format!(
        "a request for the {} module",
        request.module().name()
    ))
}

/// Answers a request as the worker receives it, JSON text, with a reply
/// as JSON text. What is not a request is answered [`Reply::Failed`],
/// never taken for another kind.
pub fn answer_json(request: &str) -> String {
    answer_json_with(request, answer)
}

/// [`answer_json`] for the files module alone ([`answer_files`]).
pub fn answer_files_json(request: &str) -> String {
    answer_json_with(request, answer_files)
}

/// [`answer_json`] for the work module alone ([`answer_planner`]).
pub fn answer_planner_json(request: &str) -> String {
    answer_json_with(request, answer_planner)
}

/// The answer of the programme module: requests of [`Module::Programme`];
/// any other is [`Reply::Failed`].
pub fn answer_programme(request: Request) -> Reply {
    match request {
        Request::ReadLog(import) => Reply::Log(Packed::new(&match import.open() {
            Ok(import) => read_log(&import),
            Err(why) => Err(crate::error::Report {
                file: String::new(),
                summary: Bilingual::new("niet gelezen", "not read"),
                lines: vec![Bilingual::new(why.clone(), why)],
            }),
        })),
        Request::Progress(request) => Reply::Progress(Packed::new(
            &request.open().and_then(|request| progress(&request)),
        )),
        Request::Intervisie(request) => Reply::Intervisie(Packed::new(&match request.open() {
            Ok(request) => answer_intervisie(&request),
            Err(why) => IntervisieReply::Failed(why),
        })),
        other => wrong_module(&other),
    }
}

/// [`answer_programme`] for JSON text, as the worker's programme module
/// takes it.
pub fn answer_programme_json(request: &str) -> String {
    answer_json_with(request, answer_programme)
}

/// [`answer_planner_json`] with what the planner keeps
/// ([`answer_planner_with`]).
pub fn answer_planner_json_with(kept: &mut Option<Kept>, request: &str) -> String {
    answer_json_with(request, |request| answer_planner_with(kept, request))
}

fn answer_json_with(request: &str, answer: impl FnOnce(Request) -> Reply) -> String {
    let reply = match serde_json::from_str::<Request>(request) {
        Ok(request) => answer(request),
        Err(e) => Reply::Failed(format!("not a request: {e}")),
    };
    // (Serialising these plain-data replies cannot fail.)
    serde_json::to_string(&reply).unwrap_or_default()
}

/// Answers a roster import of a spreadsheet (JSON text) with its sheet as
/// the spreadsheet reader read it ([`read_sheet_json`]): what the worker
/// runs after [`answer_json`] replied [`ImportReply::ReadSheet`].
pub fn answer_with_sheet_json(request: &str, sheet: &str) -> String {
    let sheet = serde_json::from_str::<Result<SheetTable, Report>>(sheet);
    let reply = match (serde_json::from_str::<Request>(request), sheet) {
        (Ok(Request::ImportRoster(import)), Ok(sheet)) => {
            Reply::Import(import_roster(&import, Some(sheet)))
        }
        (Ok(_), Ok(_)) => Reply::Failed("a sheet for a request that imports no roster".into()),
        (Err(e), _) => Reply::Failed(format!("not a request: {e}")),
        (_, Err(e)) => Reply::Failed(format!("not a sheet: {e}")),
    };
    serde_json::to_string(&reply).unwrap_or_default()
}

/// One sheet of a spreadsheet as the spreadsheet reader gives it to the
/// worker, which has no reader of its own: the sheet as a table, and the
/// names of every sheet (for a choice).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SheetTable {
    /// The sheet asked for (the first if none was).
    pub table: Table,
    /// Every sheet's name, in order.
    pub sheets: Vec<String>,
}

/// The sheet a roster import (JSON text, [`Request::ImportRoster`]) asks
/// for, read from its spreadsheet: `{"Ok": SheetTable}` or `{"Err":
/// Report}` as JSON text. What the spreadsheet module runs.
#[cfg(feature = "xlsx")]
pub fn read_sheet_json(request: &str) -> String {
    /// Only the import is read: the rest of [`Request`] stays out of the
    /// spreadsheet module.
    #[derive(Deserialize)]
    #[serde(rename_all = "snake_case")]
    enum ImportOnly {
        ImportRoster(Import),
    }
    let sheet = match serde_json::from_str::<ImportOnly>(request) {
        Ok(ImportOnly::ImportRoster(import)) => read_sheet(&import),
        Err(_) => Err(Report {
            file: String::new(),
            summary: crate::i18n::Bilingual::new("niet gelezen", "not read"),
            lines: vec![crate::i18n::Bilingual::new(
                "het verzoek vraagt geen rooster in te lezen",
                "the request does not ask to read a roster",
            )],
        }),
    };
    serde_json::to_string(&sheet).unwrap_or_default()
}

/// The sheet an import asks for (the first if none), read from its
/// spreadsheet, or the workbook's problems.
#[cfg(feature = "xlsx")]
pub fn read_sheet(import: &Import) -> Result<SheetTable, Report> {
    crate::format::read_sheet(&import.name, &import.bytes, import.sheet.as_deref())
        .map(|(table, sheets)| SheetTable { table, sheets })
        .map_err(|e| e.report())
}

/// The answer to a ladder file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LadderReply {
    /// The ladder file in its JSON form, its warnings if any, and its scan.
    Read {
        /// The ladder file in its JSON form.
        ladder: String,
        /// What the file allows but is probably a mistake.
        warnings: Option<Report>,
        /// The ladder's findings ([`crate::scan::scan`]).
        findings: Vec<Finding>,
    },
    /// The file's problems, by line and column.
    Problems(Report),
}

/// The answer to a profile file, checked against a ladder.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ProfileReply {
    /// The profile, and what the file allows but is probably a mistake (a
    /// rated competency no role of the ladder asks for).
    Read(Box<Profile>, Option<Report>),
    /// The file's problems.
    Problems(Report),
    /// The ladder sent along could not be read (only a bug gets here).
    Failed(String),
}

/// The answer to a roster file (CSV, a spreadsheet or YAML), checked
/// against a ladder.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ImportReply {
    /// The roster, and what its existing pairs look like.
    Loaded {
        /// The people and their pairs as a roster file: the page reads it
        /// as it reads a saved roster ([`crate::format::roster_from_file`])
        /// and needs no second way to read one.
        roster: RosterFile,
        /// The review of the pairs it came with.
        outcome: Assignment,
        /// What the file allows but is probably a mistake.
        warnings: Option<Report>,
        /// A table's columns as they were read (`None` for YAML), to check
        /// or adjust them.
        columns: Option<Columns>,
    },
    /// A table in which no column holds a field a roster needs (`missing`):
    /// the coordinator says which columns hold what.
    NeedsColumns(Columns),
    /// The file's problems, by row and column.
    Problems {
        /// The problems.
        report: Report,
        /// A table's columns as they were read, if it got that far.
        columns: Option<Columns>,
    },
    /// A spreadsheet, which this module cannot read: the spreadsheet
    /// reader is to read its sheet ([`answer_with_sheet_json`]). The
    /// worker's glue does that; the page never gets this answer.
    ReadSheet,
    /// The ladder sent along could not be read (only a bug gets here).
    Failed(String),
}

/// How the columns of a table (a CSV file or a spreadsheet's sheet) were
/// taken: what the mapping step shows. It crosses as a list of its fields
/// in order ([`ColumnsWire`]), which the page reads with less code than
/// named fields.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(from = "ColumnsWire", into = "ColumnsWire")]
pub struct Columns {
    /// Every column: its header, the field it is read as, and its first
    /// three values.
    pub preview: Vec<ColumnPreview>,
    /// The key of this set of headers ([`header_key`]): a mapping chosen
    /// for it is remembered under it.
    pub key: String,
    /// Every sheet of a spreadsheet, in order (empty for a CSV file).
    pub sheets: Vec<String>,
    /// The sheet read.
    pub sheet: Option<String>,
    /// The fields a roster needs that no column holds.
    pub missing: Vec<Field>,
    /// Where the mapping came from.
    pub source: ColumnSource,
    /// The mappings to remember from now on, this one first: set when the
    /// coordinator chose the columns and none a roster needs is missing.
    pub remember: Option<String>,
}

/// [`Columns`] as it crosses: its fields in order, each column as
/// `[header, field, samples]`.
#[derive(Serialize, Deserialize)]
struct ColumnsWire(
    Vec<(String, Option<Field>, Vec<String>)>,
    String,
    Vec<String>,
    Option<String>,
    Vec<Field>,
    ColumnSource,
    Option<String>,
);

impl From<ColumnsWire> for Columns {
    fn from(w: ColumnsWire) -> Columns {
        let ColumnsWire(preview, key, sheets, sheet, missing, source, remember) = w;
        Columns {
            preview: preview
                .into_iter()
                .map(|(header, field, samples)| ColumnPreview {
                    header,
                    field,
                    samples,
                })
                .collect(),
            key,
            sheets,
            sheet,
            missing,
            source,
            remember,
        }
    }
}

impl From<Columns> for ColumnsWire {
    fn from(c: Columns) -> ColumnsWire {
        let preview = c.preview.into_iter();
        ColumnsWire(
            preview.map(|p| (p.header, p.field, p.samples)).collect(),
            c.key,
            c.sheets,
            c.sheet,
            c.missing,
            c.source,
            c.remember,
        )
    }
}

/// Where a table's mapping came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ColumnSource {
    /// Recognised from the headers.
    Recognised,
    /// Remembered in this browser for these headers.
    Remembered,
    /// Chosen by the coordinator in the mapping step.
    Chosen,
}

/// The answer to a matching: `{"ok": Assignment}` or `{"error": text}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchReply {
    /// The pairs, explained.
    Ok(Assignment),
    /// The pairs, to a request that said which the page has (`known`):
    /// `outcome` holds only the others, and `slots` gives every pair in
    /// order, as the page's pair at that place of `known` or [`NEW`] for
    /// the next of `outcome`'s ([`with_known`] puts them together).
    Changes {
        /// The matching, with only the pairs the page does not have.
        outcome: Assignment,
        /// Every pair in order: an index into `known`, or [`NEW`].
        slots: Vec<u32>,
    },
    /// The request named a kept roster the worker does not have (it
    /// started again, or another roster was handed over since): ask again
    /// with the roster.
    NotKept,
    /// Why there are none.
    Error(String),
}

/// The answer to an older save's files: the ladder and the roster (if the
/// save had one) in their JSON forms, or their problems.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MigrateReply {
    /// The saved ladder.
    pub ladder: LadderReply,
    /// The saved roster: its JSON form, or its problems against the ladder.
    pub roster: Option<Result<String, Report>>,
}

const BAD_LADDER: &str = "the ladder sent along is not a valid ladder in its JSON form";
const BAD_SETTINGS: &str = "the scheduling settings sent along are outside their limits";

/// Reads a ladder file (YAML).
pub fn read_ladder(name: &str, text: &str) -> LadderReply {
    match load_ladder_checked(name, text) {
        Ok(loaded) => LadderReply::Read {
            ladder: ladder_file_to_json(&loaded.value.1),
            warnings: loaded.warnings.warnings_report(),
            findings: scan(&loaded.value.0),
        },
        Err(errors) => LadderReply::Problems(errors.report()),
    }
}

/// Reads a profile file (YAML) against the ladder in its JSON form.
pub fn read_profile(name: &str, text: &str, ladder_json: &str) -> ProfileReply {
    let Some(ladder) = ladder_from_json(ladder_json) else {
        return ProfileReply::Failed(BAD_LADDER.into());
    };
    match load_profile_checked(name, text, &ladder) {
        Ok(loaded) => ProfileReply::Read(Box::new(loaded.value), loaded.warnings.warnings_report()),
        Err(errors) => ProfileReply::Problems(errors.report()),
    }
}

/// Reads a roster file against the ladder and reviews the pairs it
/// brings. A table (CSV, or a spreadsheet's sheet as `sheet` holds it)
/// is read with the columns the import names, else those remembered for
/// its headers, else the recognised ones; when a field a roster needs has
/// no column, the answer is [`ImportReply::NeedsColumns`]. A spreadsheet
/// without its sheet gets [`ImportReply::ReadSheet`].
pub fn import_roster(import: &Import, sheet: Option<Result<SheetTable, Report>>) -> ImportReply {
    let Some(ladder) = ladder_from_json(&import.ladder) else {
        return ImportReply::Failed(BAD_LADDER.into());
    };
    let (name, bytes) = (import.name.as_str(), import.bytes.as_slice());
    let problems = |report| ImportReply::Problems {
        report,
        columns: None,
    };
    match sheet {
        Some(Ok(SheetTable { table, sheets })) => {
            read_table(import, &ladder, table, Vec::new(), sheets)
        }
        Some(Err(report)) => problems(report),
        None if is_spreadsheet(name, bytes) => ImportReply::ReadSheet,
        None if is_csv(name, bytes) => match csv_table(name, bytes) {
            Ok((table, errors)) => read_table(import, &ladder, table, errors, Vec::new()),
            Err(errors) => problems(errors.report()),
        },
        None => match load_roster_checked(name, bytes, &ladder) {
            Ok(loaded) => loaded_reply(&ladder, loaded, None),
            Err(errors) => problems(errors.report()),
        },
    }
}

/// A table's roster, its columns taken as [`import_roster`] says.
fn read_table(
    import: &Import,
    ladder: &Ladder,
    table: Table,
    errors: Vec<LoadError>,
    sheets: Vec<String>,
) -> ImportReply {
    let name = import.name.as_str();
    let headers: Vec<String> = table
        .rows
        .get(table_header(&table))
        .map(|row| row.cells.iter().map(Cell::text).collect())
        .unwrap_or_default();
    let key = header_key(&headers);
    let (columns, source) = match &import.columns {
        Some(chosen) => (Some(chosen.clone()), ColumnSource::Chosen),
        None => match remembered_columns(&import.remembered, &key)
            .filter(|c| c.apply(&headers).is_ok())
        {
            Some(kept) => (Some(kept), ColumnSource::Remembered),
            None => (None, ColumnSource::Recognised),
        },
    };
    // Columns naming a header the file lacks are reported by `load_table`;
    // the step then shows the recognised ones.
    let applied = columns.as_ref().and_then(|c| c.apply(&headers).ok());
    let remember = match (&columns, &applied) {
        (Some(chosen), Some(map)) if source == ColumnSource::Chosen && map.missing().is_empty() => {
            Some(remember_columns(&import.remembered, &key, chosen))
        }
        _ => None,
    };
    let map = applied.unwrap_or_else(|| ColumnMap::guess(&headers));
    let info = Columns {
        preview: preview(&table, &map),
        key,
        sheets,
        sheet: table.sheet.clone(),
        missing: map.missing(),
        source,
        remember,
    };
    if table.rows.is_empty() {
        // An empty file: an empty roster (or the reader's problems), no columns.
        return match load_table(name, &table, None, ladder, errors) {
            Ok(loaded) => loaded_reply(ladder, loaded, None),
            Err(errors) => ImportReply::Problems {
                report: errors.report(),
                columns: None,
            },
        };
    }
    if !info.missing.is_empty() {
        return ImportReply::NeedsColumns(info);
    }
    match load_table(name, &table, columns.as_ref(), ladder, errors) {
        Ok(mut loaded) => {
            // The mapping step names the columns not used: not a warning too.
            loaded
                .warnings
                .0
                .retain(|w| !matches!(w.kind, ErrorKind::UnusedColumns { .. }));
            loaded_reply(ladder, loaded, Some(info))
        }
        Err(errors) => ImportReply::Problems {
            report: errors.report(),
            columns: Some(info),
        },
    }
}

fn loaded_reply(ladder: &Ladder, loaded: Loaded<Roster>, columns: Option<Columns>) -> ImportReply {
    let Loaded {
        value: roster,
        warnings,
    } = loaded;
    let outcome = review(ladder, &roster, &MatchConfig::default());
    ImportReply::Loaded {
        roster: roster_to_file(&roster),
        outcome,
        warnings: warnings.warnings_report(),
        columns,
    }
}

/// How many column mappings a browser remembers: the most recent ones.
pub const REMEMBERED_MAPPINGS: usize = 20;

/// One remembered mapping: the header key it is for, and the columns.
#[derive(Serialize, Deserialize)]
struct Remembered {
    key: String,
    columns: ColumnsFile,
}

/// The mapping remembered for the header key `key` in `remembered` (JSON
/// text as [`remember_columns`] writes it; anything else holds none).
pub fn remembered_columns(remembered: &str, key: &str) -> Option<ColumnsFile> {
    let list: Vec<Remembered> = serde_json::from_str(remembered).ok()?;
    list.into_iter().find(|r| r.key == key).map(|r| r.columns)
}

/// `remembered` with `columns` as the mapping for the header key `key`:
/// JSON text, `[{"key": …, "columns": {field: header}}]`, the newest
/// first, at most [`REMEMBERED_MAPPINGS`]. Headers only, never a value.
pub fn remember_columns(remembered: &str, key: &str, columns: &ColumnsFile) -> String {
    let mut list: Vec<Remembered> = serde_json::from_str(remembered).unwrap_or_default();
    list.retain(|r| r.key != key);
    list.insert(
        0,
        Remembered {
            key: key.to_string(),
            columns: columns.clone(),
        },
    );
    list.truncate(REMEMBERED_MAPPINGS);
    serde_json::to_string(&list).unwrap_or_default()
}

/// Matches the roster (in its JSON form): those without a mentor, or
/// everyone again (locked pairs stay), with the settings (a
/// `doorgroei/matching@1` file's text; `None`: the defaults).
pub fn match_roster(
    ladder_json: &str,
    roster_json: &str,
    mode: MatchMode,
    settings: Option<&str>,
) -> MatchReply {
    match_roster_on(ladder_json, roster_json, mode, settings, None)
}

/// [`match_roster`] on a day ([`MatchConfig::today`]).
pub fn match_roster_on(
    ladder_json: &str,
    roster_json: &str,
    mode: MatchMode,
    settings: Option<&str>,
    today: Option<jiff::civil::Date>,
) -> MatchReply {
    let Some(ladder) = ladder_from_json(ladder_json) else {
        return MatchReply::Error(BAD_LADDER.into());
    };
    let config = match settings.map(|text| load_match_config("koppeling.yaml", text)) {
        None => MatchConfig::default(),
        Some(Ok(config)) => config,
        Some(Err(errors)) => return MatchReply::Error(errors.to_string()),
    };
    match load_roster_json("rooster.json", roster_json, &ladder) {
        Ok(roster) => matching(&ladder, &roster, mode, config, today),
        Err(errors) => MatchReply::Error(errors.to_string()),
    }
}

/// A matching of a roster read against its ladder, with the settings as a
/// `doorgroei/matching@1` file's text (`None`: the defaults).
fn matching_with(
    ladder: &Ladder,
    roster: &Roster,
    mode: MatchMode,
    settings: Option<&str>,
    today: Option<jiff::civil::Date>,
) -> MatchReply {
    match settings.map(|text| load_match_config("koppeling.yaml", text)) {
        None => matching(ladder, roster, mode, MatchConfig::default(), today),
        Some(Ok(config)) => matching(ladder, roster, mode, config, today),
        Some(Err(errors)) => MatchReply::Error(errors.to_string()),
    }
}

fn matching(
    ladder: &Ladder,
    roster: &Roster,
    mode: MatchMode,
    config: MatchConfig,
    today: Option<jiff::civil::Date>,
) -> MatchReply {
    let config = MatchConfig {
        rematch: mode == MatchMode::Everyone,
        today,
        ..config
    };
    MatchReply::Ok(match mode {
        MatchMode::Review => review(ladder, roster, &config),
        MatchMode::Unmatched | MatchMode::Everyone => assign(ladder, roster, &config),
    })
}

/// The answer to a person from the app's form.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PersonReply {
    /// The person as read.
    Read(Box<Person>),
    /// What is wrong, in both languages: at each field (one entry per
    /// field of the form, `None` where it is fine) and elsewhere.
    Problems {
        /// Per field; a field's problems joined by `; `.
        fields: Vec<Option<Bilingual>>,
        /// Problems not at one of the person's fields.
        others: Vec<Bilingual>,
    },
    /// The ladder or roster sent along could not be read (only a bug gets here).
    Failed(String),
}

/// Checks a person from the app's form against the roster (its JSON form).
pub fn person(
    ladder_json: &str,
    roster_json: &str,
    at: Option<usize>,
    cells: &[String],
) -> PersonReply {
    let Some(ladder) = ladder_from_json(ladder_json) else {
        return PersonReply::Failed(BAD_LADDER.into());
    };
    let roster = match load_roster_json("rooster.json", roster_json, &ladder) {
        Ok(roster) => roster,
        Err(errors) => return PersonReply::Failed(errors.to_string()),
    };
    match check_person(&ladder, &roster, at, cells) {
        Ok(person) => PersonReply::Read(Box::new(person)),
        Err(problems) => {
            let mut fields: Vec<Option<Bilingual>> = vec![None; crate::format::PERSON_FIELDS];
            let mut others = Vec::new();
            for (field, e) in problems {
                let said = Bilingual::new(e.message(Lang::Nl), e.message(Lang::En));
                match field.and_then(|f| fields.get_mut(f)) {
                    Some(Some(before)) => {
                        *before = Bilingual::new(
                            format!("{}; {}", before.nl, said.nl),
                            format!("{}; {}", before.en, said.en),
                        )
                    }
                    Some(slot) => *slot = Some(said),
                    None => others.push(Bilingual::new(e.render(Lang::Nl), e.render(Lang::En))),
                }
            }
            PersonReply::Problems { fields, others }
        }
    }
}

/// Turns an older save's ladder (YAML) and roster (YAML, or already its
/// JSON form) into their JSON forms.
pub fn migrate(ladder: (&str, &str), roster: Option<(&str, &str)>) -> MigrateReply {
    let (name, text) = ladder;
    match load_ladder_file(name, text) {
        Ok((ladder, file)) => MigrateReply {
            ladder: LadderReply::Read {
                ladder: ladder_file_to_json(&file),
                warnings: None,
                findings: scan(&ladder),
            },
            roster: roster.map(|(roster_name, roster_text)| {
                load_roster_yaml(roster_name, roster_text, &ladder)
                    .map(|roster| roster_to_json(&roster))
                    .map_err(|errors| errors.report())
            }),
        },
        Err(errors) => MigrateReply {
            ladder: LadderReply::Problems(errors.report()),
            roster: None,
        },
    }
}

/// The answer to a file to write: its YAML text, or why there is none.
pub type WriteReply = Result<String, String>;

/// The answer to a scan: the ladder's findings, or why there are none.
pub type ScanReply = Result<Vec<Finding>, String>;

/// The findings of a ladder in its JSON form.
pub fn scan_ladder(ladder_json: &str) -> ScanReply {
    ladder_from_json(ladder_json)
        .map(|ladder| scan(&ladder))
        .ok_or_else(|| BAD_LADDER.to_string())
}

/// The answer to a growth plan: the plan, or why there is none.
pub type PlanReply = Result<Plan, String>;

/// The growth plan ([`crate::paths::plan`]) of a profile on a ladder.
pub fn growth_plan(request: PlanRequest) -> PlanReply {
    let ladder = ladder_from_json(&request.ladder).ok_or_else(|| BAD_LADDER.to_string())?;
    let profile = Profile::from(request.profile);
    check_profile("profiel.yaml", &profile).map_err(|e| e.to_string())?;
    plan(&ladder, &profile, Config::default(), request.today).ok_or_else(|| {
        format!(
            "the profile's role '{}' is not in the ladder",
            profile.current_role
        )
    })
}

/// A roster's case reviews and what the page says about them (of the
/// [`Schedule`], what the page shows).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reviews {
    /// The reviews placed, by date ([`Schedule::reviews`]).
    pub reviews: Vec<Review>,
    /// The reviews that could not be placed ([`Schedule::unplaced`]).
    pub unplaced: Vec<Unplaced>,
    /// The schedule in a few sentences ([`crate::schedule::summary`]).
    pub summary: Summary,
    /// Everyone with reviews, each with the name of their own calendar file.
    pub people: Vec<CalendarPerson>,
    /// Each pair's reviews, in the roster's pair order: their positions in
    /// `reviews` ([`crate::schedule::per_pair`]).
    pub grouped: Vec<Vec<usize>>,
    /// Each pair's rhythm ([`Schedule::rhythms`]): what the next request
    /// keeps ([`ScheduleRequest::keep`]).
    pub rhythms: Vec<Rhythm>,
}

/// Someone whose reviews can be downloaded as a calendar of their own.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarPerson {
    /// The person's id.
    pub id: String,
    /// True for a mentor, false for a mentee.
    pub mentor: bool,
    /// The file's name ([`calendar_file_names`], as `doorgroei schedule
    /// --ics-dir` names them): unique per person, also when two ids differ
    /// only in characters a file name cannot hold.
    pub file: String,
}

/// The answer to a schedule: the reviews, or why there are none.
pub type ScheduleReply = Result<Reviews, String>;

/// Schedules the reviews of the roster's pairs.
pub fn plan_reviews(request: &ScheduleRequest) -> ScheduleReply {
    let (roster, pairs, schedule) = reviews_of(request)?;
    let summary = summary(&schedule, pairs.len(), request.start);
    let people = calendar_people(&roster, &pairs);
    let grouped = per_pair(&schedule, &pairs);
    Ok(Reviews {
        reviews: schedule.reviews,
        unplaced: schedule.unplaced,
        summary,
        people,
        grouped,
        rhythms: schedule.rhythms,
    })
}

/// A calendar file of the reviews `request` makes.
pub fn write_calendar(request: &CalendarRequest) -> WriteReply {
    let (roster, _, schedule) = reviews_of(&request.reviews)?;
    Ok(match request.format {
        CalendarFormat::Ics => {
            let stamp = jiff::Timestamp::from_millisecond(request.stamp)
                .unwrap_or(jiff::Timestamp::UNIX_EPOCH);
            schedule_to_ics(
                &schedule,
                &roster,
                request.lang,
                stamp,
                request.person.as_deref(),
            )
        }
        CalendarFormat::Csv => schedule_to_csv(&schedule, &roster, request.lang),
    })
}

/// The people of `pairs`, mentors first, each group by name, with their
/// calendar files' names.
fn calendar_people(roster: &Roster, pairs: &[PairRef]) -> Vec<CalendarPerson> {
    let names = roster.lookup();
    let mut people: Vec<(&str, bool)> = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for p in pairs {
        for (id, mentor) in [(p.mentor.as_str(), true), (p.mentee.as_str(), false)] {
            if seen.insert(id) {
                people.push((id, mentor));
            }
        }
    }
    // By name as a reader looks it up (case, accents and spaces aside: "Anouk
    // de Boer" before "Anouk Öztürk"), then by id for people who share one.
    crate::sort::sort_by_key(&mut people, |&(id, mentor)| {
        (!mentor, crate::format::normalise(names.name(id)), id)
    });
    let ids: Vec<&str> = people.iter().map(|&(id, _)| id).collect();
    calendar_file_names(&ids, &[])
        .into_iter()
        .zip(people)
        .map(|(file, (id, mentor))| CalendarPerson {
            id: id.to_string(),
            mentor,
            file: file.name,
        })
        .collect()
}

/// A review log file read against the roster (see [`LogImport`]).
pub fn read_log(import: &LogImport) -> Result<Vec<LogEntry>, Report> {
    let ladder = ladder_from_json(&import.ladder).ok_or_else(|| Report {
        file: import.name.clone(),
        summary: Bilingual::new("niet gelezen", "not read"),
        lines: vec![Bilingual::new(
            format!("{}: de functieladder die meekwam is ongeldig", import.name),
            format!("{}: {BAD_LADDER}", import.name),
        )],
    })?;
    let roster =
        load_roster_json("rooster.json", &import.roster, &ladder).map_err(|e| e.report())?;
    crate::format::load_log(&import.name, &import.bytes, &roster, import.slot_minutes)
        .map_err(|e| e.report())
}

/// The programme's status on the request's day (see [`Progress`]).
pub fn progress(request: &ProgressRequest) -> Result<Progress, String> {
    let (_, pairs, schedule) = reviews_of(&request.reviews)?;
    let status = crate::programme::status(&schedule, &pairs, &request.log, request.today);
    Ok(Progress {
        pairs: status.pairs,
        totals: status.totals,
        months: crate::programme::per_month(&schedule, &request.log, request.today),
    })
}

/// The roster of `request`, its pairs and their schedule.
fn reviews_of(request: &ScheduleRequest) -> Result<(Roster, Vec<PairRef>, Schedule), String> {
    let (months, cadence_weeks) = (request.months, request.cadence_weeks);
    if !(1..=36).contains(&months) || !(4..=6).contains(&cadence_weeks) {
        return Err(format!(
            "{months} months every {cadence_weeks} weeks: the limits are 1 to 36 months, every 4 to 6 weeks"
        ));
    }
    let ladder = ladder_from_json(&request.ladder).ok_or_else(|| BAD_LADDER.to_string())?;
    let roster = load_roster_json("rooster.json", &request.roster, &ladder)
        .map_err(|errors| errors.to_string())?;
    let others = match &request.settings {
        None => ScheduleConfig::default(),
        Some(file) => file
            .open()
            .ok()
            .and_then(|f| f.config())
            .ok_or_else(|| BAD_SETTINGS.to_string())?,
    };
    let config = ScheduleConfig {
        months,
        cadence_weeks,
        ..others
    };
    let pairs = scheduled_pairs(&roster, request.start);
    let schedule = schedule_keeping(&roster, &pairs, request.start, &config, &request.keep);
    Ok((roster, pairs, schedule))
}

/// The roster's pairs a schedule from `start` plans (in the roster's
/// order): not those that ended by then, nor those whose mentor or
/// mentee has left by then (their history, which the roster keeps so that
/// nobody is paired again, has no reviews to plan).
pub fn scheduled_pairs(roster: &Roster, start: Date) -> Vec<PairRef> {
    let people = roster.lookup();
    let gone = |id: &str| {
        people
            .person(id)
            .and_then(|p| p.leaves)
            .is_some_and(|d| d <= start)
    };
    roster
        .pairs
        .iter()
        .filter(|p| !p.has_ended(Some(start)) && !gone(&p.mentee) && !gone(&p.mentor))
        .map(PairRef::from)
        .collect()
}

/// A profile written as a profile file (YAML); refused when its numbers
/// are outside the limits the file is read with.
pub fn write_profile(file: ProfileFile) -> WriteReply {
    let profile = Profile::from(file);
    check_profile("profiel.yaml", &profile).map_err(|e| e.to_string())?;
    Ok(profile_to_yaml(&profile))
}

/// [`write_profile`] for a profile as JSON.
pub fn profile_yaml(profile_json: &str) -> WriteReply {
    let profile: Profile = serde_json::from_str(profile_json).map_err(|e| e.to_string())?;
    write_profile(ProfileFile::from(profile))
}

/// A roster file in its JSON form written as YAML.
pub fn roster_yaml(roster_json: &str) -> WriteReply {
    let file: RosterFile = serde_json::from_str(roster_json).map_err(|e| e.to_string())?;
    Ok(roster_file_to_yaml(&file))
}

/// Bytes as base64 text (RFC 4648, with padding): a file's bytes inside a
/// JSON request a third larger, not three to four times as a list of numbers.
mod base64 {
    use serde::de::Error as _;
    use serde::{Deserialize, Deserializer, Serializer};

    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    pub fn encode(bytes: &[u8]) -> String {
        let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
        for chunk in bytes.chunks(3) {
            let b = [
                chunk[0],
                chunk.get(1).copied().unwrap_or(0),
                chunk.get(2).copied().unwrap_or(0),
            ];
            let n = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
            for i in 0..4 {
                if i <= chunk.len() {
                    out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
                } else {
                    out.push('=');
                }
            }
        }
        out
    }

    /// `None` for text that [`encode`] would not write.
    pub fn decode(text: &str) -> Option<Vec<u8>> {
        let text = text.as_bytes();
        if text.len() % 4 != 0 {
            return None;
        }
        let mut out = Vec::with_capacity(text.len() / 4 * 3);
        let quads = text.len() / 4;
        for (q, quad) in text.chunks(4).enumerate() {
            let pad = quad.iter().rev().take_while(|&&c| c == b'=').count();
            if pad > 2 || (pad > 0 && q + 1 < quads) {
                return None;
            }
            let mut n = 0u32;
            for &c in &quad[..4 - pad] {
                n = n << 6 | value(c)?;
            }
            n <<= 6 * pad as u32;
            let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
            // The bits a shorter group leaves over are zero in what `encode` writes.
            if bytes[3 - pad..].iter().any(|&b| b != 0) {
                return None;
            }
            out.extend_from_slice(&bytes[..3 - pad]);
        }
        Some(out)
    }

    fn value(c: u8) -> Option<u32> {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        };
        Some(u32::from(v))
    }

    pub fn serialize<S: Serializer>(bytes: &[u8], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&encode(bytes))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
        let text = String::deserialize(d)?;
        decode(&text).ok_or_else(|| D::Error::custom("bytes: not base64"))
    }
}

#[cfg(test)]
mod tests {
    //! Every request kind through [`answer_json`], as the worker gets it:
    //! JSON text in, JSON text out. (The answers themselves are tested in
    //! `tests/json_forms.rs`; here, that each request gets its own.)

    use super::*;

    fn read_log_request(import: LogImport) -> Request {
        Request::ReadLog(Packed::new(&import))
    }

    fn intervisie_request(
        held: Vec<crate::intervisie::Held>,
        step: IntervisieStep,
    ) -> IntervisieRequest {
        IntervisieRequest {
            ladder: ladder_json(),
            roster: String::new(),
            settings: TextFile {
                name: "intervisie.yaml".into(),
                text: "schema: doorgroei/intervisie@1\n".into(),
            },
            earlier: None,
            schedule: None,
            held,
            start: jiff::civil::date(2027, 1, 4),
            months: 12,
            step,
        }
    }

    fn intervisie_of(
        roster: &str,
        held: Vec<crate::intervisie::Held>,
        step: IntervisieStep,
    ) -> Request {
        Request::Intervisie(Packed::new(&IntervisieRequest {
            roster: roster.to_string(),
            ..intervisie_request(held, step)
        }))
    }

    /// The example's groups as formed.
    fn formed(roster: &str) -> Vec<crate::intervisie::Held> {
        match answer_intervisie(&IntervisieRequest {
            roster: roster.to_string(),
            ..intervisie_request(Vec::new(), IntervisieStep::Form)
        }) {
            IntervisieReply::Groups { grouping, .. } => grouping
                .groups
                .iter()
                .map(crate::intervisie::Held::from)
                .collect(),
            other => panic!("{other:?}"),
        }
    }

    fn progress_of(request: ProgressRequest) -> Request {
        Request::Progress(Packed::new(&request))
    }

    fn schedule_of(request: ScheduleRequest) -> Request {
        Request::Schedule(Packed::new(&request))
    }

    fn calendar_of(request: CalendarRequest) -> Request {
        Request::WriteCalendar(Packed::new(&request))
    }

    fn packed<T: Serialize + serde::de::DeserializeOwned>(value: T) -> Option<Packed<T>> {
        Some(Packed::new(&value))
    }
    use crate::format::ladder_from_json;
    use proptest::prelude::*;

    const LADDER: &str = include_str!("../../../pathways/welzijn-groeit.yaml");
    const VLAK: &str = include_str!("../../../pathways/welzijn-vlak.yaml");
    const PROFILE: &str = include_str!("../../../pathways/profiel-sanne.yaml");
    const ROSTER_CSV: &[u8] = include_bytes!("../../../pathways/rooster-welzijn-groeit.csv");
    const ROSTER_YAML: &str = include_str!("../../../pathways/rooster-welzijn-groeit.yaml");
    const AFAS_CSV: &[u8] = include_bytes!("../../../tests/corpus/afas/export-utf8.csv");
    const AFAS_XLSX: &[u8] = include_bytes!("../../../tests/corpus/afas/export.xlsx");
    const AFAS_SECRETS: &str = include_str!("../../../tests/corpus/afas/secrets.txt");
    /// Two sheets: the first's headers leave out two fields a roster needs.
    const SHEETS_XLSX: &[u8] = include_bytes!("../../../tests/corpus/bladen/export.xlsx");
    const SHEETS_SECRETS: &str = include_str!("../../../tests/corpus/bladen/secrets.txt");

    fn file(name: &str, text: &str) -> TextFile {
        TextFile {
            name: name.into(),
            text: text.into(),
        }
    }

    fn ladder_json() -> String {
        match read_ladder("w.yaml", LADDER) {
            LadderReply::Read { ladder, .. } => ladder,
            other => panic!("{other:?}"),
        }
    }

    /// A roster file to import against `ladder`, its columns as recognised.
    fn import_of(ladder: &str, name: &str, bytes: &[u8]) -> Import {
        Import {
            name: name.into(),
            bytes: bytes.to_vec(),
            ladder: ladder.into(),
            columns: None,
            sheet: None,
            remembered: String::new(),
        }
    }

    fn roster_json() -> String {
        match import_roster(&import_of(&ladder_json(), "r.csv", ROSTER_CSV), None) {
            ImportReply::Loaded { roster, .. } => serde_json::to_string(&roster).unwrap(),
            other => panic!("{other:?}"),
        }
    }

    fn people() -> usize {
        ROSTER_CSV.iter().filter(|&&b| b == b'\n').count() - 1
    }

    /// A reply in a line: its kind and what it holds.
    fn describe(reply: &Reply) -> String {
        let first = |r: &Report| r.lines.first().map_or(String::new(), |l| l.en.clone());
        match reply {
            Reply::Ladder(LadderReply::Read {
                ladder,
                warnings,
                findings,
            }) => format!(
                "ladder {}{}; {}",
                ladder_from_json(ladder)
                    .map_or("(not a ladder)".into(), |l| l.organisation().to_string()),
                warnings
                    .as_ref()
                    .map_or(String::new(), |w| format!(", {}", w.summary.en)),
                checks(findings)
            ),
            Reply::Ladder(LadderReply::Problems(r)) => format!("ladder problems: {}", first(r)),
            Reply::Profile(ProfileReply::Read(p, warnings)) => format!(
                "profile in {}{}",
                p.current_role,
                warnings
                    .as_ref()
                    .map_or(String::new(), |w| format!(", {}", w.summary.en))
            ),
            Reply::Profile(ProfileReply::Problems(r)) => {
                format!("profile problems: {}", first(r))
            }
            Reply::Profile(ProfileReply::Failed(why)) => format!("profile failed: {why}"),
            Reply::Import(import) => describe_import(import),
            Reply::Match(MatchReply::Ok(a)) => {
                format!("matched {} of {}", a.matched, a.matched + a.unmatched.len())
            }
            Reply::Match(MatchReply::Error(why)) => format!("match error: {why}"),
            Reply::Match(MatchReply::Changes { outcome, slots }) => {
                format!(
                    "matched {} of {}; {} sent",
                    outcome.matched,
                    outcome.matched + outcome.unmatched.len(),
                    outcome.pairs.len(),
                ) + &format!(", {} known", slots.iter().filter(|s| **s != NEW).count())
            }
            Reply::Match(MatchReply::NotKept) => "not kept".into(),
            Reply::Kept(Ok(key)) => format!("kept {key:016x}"),
            Reply::Kept(Err(why)) => format!("not kept: {why}"),
            Reply::Migrate(m) => {
                let people = |json: &str| match &m.ladder {
                    LadderReply::Read { ladder, .. } => ladder_from_json(ladder)
                        .and_then(|l| crate::format::roster_from_json(json, &l))
                        .map_or("(not a roster)".into(), |r| r.people.len().to_string()),
                    LadderReply::Problems(_) => "(no ladder)".into(),
                };
                format!(
                    "migrated: {}; roster {}",
                    describe(&Reply::Ladder(m.ladder.clone())),
                    match &m.roster {
                        None => "none".to_string(),
                        Some(Ok(json)) => format!("of {} people", people(json)),
                        Some(Err(r)) => format!("problems: {}", first(r)),
                    }
                )
            }
            Reply::Written(Ok(text)) => {
                let first = text.lines().find(|l| !l.starts_with('#')).unwrap_or("");
                match text.matches("BEGIN:VEVENT").count() {
                    0 => format!("written: {first}"),
                    events => format!("written: {first} ({events} events)"),
                }
            }
            Reply::Written(Err(why)) => format!("refused: {why}"),
            Reply::Scan(Ok(findings)) => format!("scanned: {}", checks(findings)),
            Reply::Scan(Err(why)) => format!("not scanned: {why}"),
            Reply::Schedule(packed) => match packed.open() {
                Ok(Ok(reviews)) => format!(
                    "reviews: {}; {} people",
                    reviews.summary.lines.first().map_or("", |l| l.en.as_str()),
                    reviews.people.len()
                ),
                Ok(Err(why)) => format!("no reviews: {why}"),
                Err(why) => format!("unpacked: {why}"),
            },
            Reply::Person(PersonReply::Read(p)) => {
                format!("person {} ({}), capacity {}", p.id, p.role, p.capacity)
            }
            Reply::Person(PersonReply::Problems { fields, others }) => {
                let mut said: Vec<String> = fields
                    .iter()
                    .enumerate()
                    .filter_map(|(i, f)| {
                        f.as_ref()
                            .map(|f| format!("{}: {}", crate::format::CSV_COLUMNS[i], f.en))
                    })
                    .collect();
                said.extend(others.iter().map(|o| format!("elsewhere: {}", o.en)));
                format!("person problems: {}", said.join(" | "))
            }
            Reply::Person(PersonReply::Failed(why)) => format!("person failed: {why}"),
            Reply::MatchConfig(Ok(yaml)) => format!(
                "settings: {}",
                yaml.lines()
                    .filter(|l| l.starts_with("mentor_min") || l.starts_with("  load"))
                    .collect::<Vec<_>>()
                    .join(",")
            ),
            Reply::MatchConfig(Err(r)) => format!("settings problems: {}", first(r)),
            Reply::ScheduleConfig(packed) => match packed.open() {
                Ok(Ok(f)) => format!(
                    "schedule settings: {} months, {} per day, closed {}",
                    f.months.unwrap_or_default(),
                    f.max_per_day.unwrap_or_default(),
                    f.closing_days.join(" ")
                ),
                Ok(Err(r)) => format!("schedule settings problems: {}", first(&r)),
                Err(why) => format!("unpacked: {why}"),
            },
            Reply::Log(packed) => match packed.open() {
                Ok(Ok(entries)) => format!("log: {} entries", entries.len()),
                Ok(Err(r)) => format!("log problems: {}", first(&r)),
                Err(why) => format!("unpacked: {why}"),
            },
            Reply::Progress(packed) => match packed.open() {
                Ok(Ok(p)) => progressed(&p),
                Ok(Err(why)) => format!("no progress: {why}"),
                Err(why) => format!("unpacked: {why}"),
            },
            Reply::Plan(Ok(plan)) => planned(plan),
            Reply::Plan(Err(why)) => format!("no plan: {why}"),
            Reply::Intervisie(packed) => match packed.open() {
                Ok(IntervisieReply::Groups {
                    grouping,
                    meetings,
                    refused,
                    earlier_pairs,
                }) => format!(
                    "groups {}; {} meetings; refused {:?}; earlier {earlier_pairs:?}",
                    grouping
                        .groups
                        .iter()
                        .map(|g| format!(
                            "{}{}:{}",
                            g.day.code(),
                            if g.locked { "*" } else { "" },
                            g.members.len()
                        ))
                        .collect::<Vec<_>>()
                        .join(" "),
                    meetings.meetings.len(),
                    refused.map(|r| r.en)
                ),
                Ok(IntervisieReply::File { name, text }) => {
                    format!("file {name}: {} lines", text.lines().count())
                }
                Ok(IntervisieReply::Due(due)) => format!("due: {}", due.len()),
                Ok(IntervisieReply::Settings(c)) => format!(
                    "settings {}-{} every {} weeks, {} minutes, supervision {} years, team weight {}",
                    c.min_size, c.max_size, c.cadence_weeks, c.minutes, c.supervision_years, c.weights.team
                ),
                Ok(IntervisieReply::Problems(r)) => format!("intervisie problems: {}", first(&r)),
                Ok(IntervisieReply::Failed(why)) => format!("intervisie failed: {why}"),
                Err(why) => format!("unpacked: {why}"),
            },
            Reply::Failed(why) => format!("failed: {why}"),
        }
    }

    /// The programme's progress in a line.
    fn progressed(p: &Progress) -> String {
        let t = &p.totals;
        let months: Vec<String> = p
            .months
            .iter()
            .map(|m| format!("{}-{:02} {}/{}", m.year, m.month, m.held, m.planned))
            .collect();
        format!(
            "progress: {} pairs ({} on track, {} behind, {} lapsed, {} ended), held {} of {}; {}",
            t.pairs,
            t.on_track,
            t.behind,
            t.lapsed,
            t.ended,
            t.held,
            t.planned,
            months.join(", ")
        )
    }

    /// A plan in a line: its targets, and per goal its routes' months.
    fn planned(plan: &Plan) -> String {
        let goals: Vec<String> = plan
            .goals
            .iter()
            .map(|g| {
                let months: Vec<String> = g.routes.iter().map(|r| r.months.to_string()).collect();
                format!("{} in {} months", g.goal, months.join("/"))
            })
            .collect();
        format!(
            "plan: {} targets, {} next groups; {}",
            plan.targets.len(),
            plan.next.len(),
            goals.join("; ")
        )
    }

    /// Findings in a word each: `findings dead-end, hybrid`.
    fn checks(findings: &[Finding]) -> String {
        let names: Vec<String> = findings
            .iter()
            .map(|f| serde_json::to_string(&f.check).unwrap().replace('"', ""))
            .collect();
        format!("findings {}", names.join(", "))
    }

    /// The findings of a ladder file as the core's scan finds them.
    fn scanned(yaml: &str) -> String {
        checks(&scan(&crate::format::load_ladder("l.yaml", yaml).unwrap()))
    }

    /// How many people a roster file holds, read as the page reads it.
    fn people_in(roster: &RosterFile) -> String {
        ladder_from_json(&ladder_json())
            .and_then(|l| crate::format::roster_from_file(roster.clone(), &l))
            .map_or("(not a roster)".into(), |r| r.people.len().to_string())
    }

    /// An import's answer in a line: the roster or the problems, and how
    /// the columns were taken.
    fn describe_import(reply: &ImportReply) -> String {
        let first = |r: &Report| r.lines.first().map_or(String::new(), |l| l.en.clone());
        let columns = |c: &Option<Columns>| c.as_ref().map_or(String::new(), describe_columns);
        match reply {
            ImportReply::Loaded {
                roster,
                warnings,
                columns: c,
                ..
            } => format!(
                "roster of {} people{}{}",
                people_in(roster),
                warnings
                    .as_ref()
                    .map_or(String::new(), |w| format!(", warning {}", first(w))),
                columns(c)
            ),
            ImportReply::NeedsColumns(c) => format!("needs columns{}", describe_columns(c)),
            ImportReply::Problems { report, columns: c } => {
                format!("roster problems: {}{}", first(report), columns(c))
            }
            ImportReply::ReadSheet => "read the sheet".into(),
            ImportReply::Failed(why) => format!("roster failed: {why}"),
        }
    }

    /// The columns of a table in a line: where the mapping came from, the
    /// fields by header, what is missing and unused, the sheets, and
    /// whether the mapping is to be remembered.
    fn describe_columns(c: &Columns) -> String {
        let used: Vec<String> = c
            .preview
            .iter()
            .filter_map(|p| Some(format!("{}={}", p.field?.key(), p.header)))
            .collect();
        let unused: Vec<&str> = c
            .preview
            .iter()
            .filter(|p| p.field.is_none())
            .map(|p| p.header.as_str())
            .collect();
        let mut out = format!("; {:?}: {}", c.source, used.join(", "));
        if !c.missing.is_empty() {
            let missing: Vec<&str> = c.missing.iter().map(|f| f.key()).collect();
            out += &format!("; missing {}", missing.join(", "));
        }
        if !unused.is_empty() {
            out += &format!("; unused {}", unused.join(", "));
        }
        if let Some(sheet) = &c.sheet {
            out += &format!("; sheet {sheet} of {}", c.sheets.join("|"));
        }
        if c.remember.is_some() {
            out += "; remember";
        }
        out
    }

    /// Sends each request (JSON text) as the worker receives it and
    /// compares the replies' descriptions; lists every case that differs.
    /// Each request is also sent to both of the worker's modules: its own
    /// answers it alike, the other one says it is not its kind.
    fn check<R: AsRef<str>, E: AsRef<str>>(cases: &[(R, E)]) {
        let wrong: Vec<String> = cases
            .iter()
            .filter_map(|(request, expected)| {
                let (request, expected) = (request.as_ref(), expected.as_ref());
                let text = answer_json(request);
                if let Ok(parsed) = serde_json::from_str::<Request>(request) {
                    let (own, other) = match parsed.module() {
                        Module::Files => (answer_files_json(request), answer_planner_json(request)),
                        Module::Planner => {
                            (answer_planner_json(request), answer_growth_json(request))
                        }
                        Module::Growth => {
                            (answer_growth_json(request), answer_programme_json(request))
                        }
                        Module::Programme => {
                            (answer_programme_json(request), answer_files_json(request))
                        }
                    };
                    if own != text {
                        return Some(format!(
                            "request {request:.80}\n  its module answers otherwise"
                        ));
                    }
                    let refused = format!(
                        r#"{{"failed":"a request for the {} module"}}"#,
                        parsed.module().name()
                    );
                    if other != refused {
                        return Some(format!(
                            "request {request:.80}\n  the other module answered {other:.80}"
                        ));
                    }
                }
                let reply: Reply = serde_json::from_str(&text).expect("a reply reads back");
                let got = describe(&reply);
                (got != expected).then(|| {
                    format!("request {request:.80}\n  expected {expected}\n  got      {got}")
                })
            })
            .collect();
        assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
    }

    fn json(request: Request) -> String {
        serde_json::to_string(&request).unwrap()
    }

    /// The example roster with the pairs a matching gives it, in its JSON form.
    fn paired_roster_json() -> String {
        let ladder = ladder_from_json(&ladder_json()).unwrap();
        let mut roster = load_roster_json("r", &roster_json(), &ladder).unwrap();
        let outcome = assign(&ladder, &roster, &MatchConfig::default());
        roster.pairs = outcome
            .pairs
            .iter()
            .map(crate::roster::Pair::from)
            .collect();
        roster_to_json(&roster)
    }

    /// The example's schedule, as the core's scheduler makes it.
    fn the_schedule(roster_json: &str, start: Date, months: u8, cadence_weeks: u8) -> Schedule {
        let ladder = ladder_from_json(&ladder_json()).unwrap();
        let roster = load_roster_json("r", roster_json, &ladder).unwrap();
        let pairs: Vec<PairRef> = roster.pairs.iter().map(PairRef::from).collect();
        let config = ScheduleConfig {
            months,
            cadence_weeks,
            ..ScheduleConfig::default()
        };
        crate::schedule::schedule(&roster, &pairs, start, &config)
    }

    /// The first line of the summary of the example's schedule, as the
    /// core's scheduler makes it, and how many people meet.
    fn scheduled(roster_json: &str, start: Date, months: u8, cadence_weeks: u8) -> String {
        let plan = the_schedule(roster_json, start, months, cadence_weeks);
        let ladder = ladder_from_json(&ladder_json()).unwrap();
        let pairs = load_roster_json("r", roster_json, &ladder).unwrap().pairs;
        assert!(plan.reviews.len() > pairs.len(), "a year of reviews");
        let people: std::collections::BTreeSet<&str> = pairs
            .iter()
            .flat_map(|p| [p.mentor.as_str(), p.mentee.as_str()])
            .collect();
        let line = summary(&plan, pairs.len(), start).lines[0].en.clone();
        format!("{line}; {} people", people.len())
    }

    const LOG_CSV: &str = include_str!("../../../pathways/besprekingen-welzijn-groeit.csv");

    fn log_import(name: &str, bytes: &[u8], roster: &str) -> LogImport {
        LogImport {
            name: name.into(),
            bytes: bytes.to_vec(),
            ladder: ladder_json(),
            roster: roster.into(),
            slot_minutes: 60,
        }
    }

    /// The example log, read against `roster`.
    fn logged(roster: &str) -> Vec<LogEntry> {
        read_log(&log_import("verslag.csv", LOG_CSV.as_bytes(), roster)).unwrap()
    }

    #[test]
    fn each_request_kind_gets_its_own_answer() {
        let ladder = ladder_json();
        let roster = roster_json();
        let paired = paired_roster_json();
        let start = jiff::civil::date(2027, 1, 4);
        let the_request = |roster: &str, months, cadence_weeks| ScheduleRequest {
            ladder: ladder.clone(),
            roster: roster.into(),
            start,
            months,
            cadence_weeks,
            keep: Vec::new(),
            settings: None,
        };
        let reviews = |roster: &str, months, cadence_weeks| {
            json(schedule_of(the_request(roster, months, cadence_weeks)))
        };
        let year = the_schedule(&paired, start, 12, 4);
        let growth = |profile: &Profile| {
            json(Request::Plan(PlanRequest {
                ladder: ladder.clone(),
                profile: ProfileFile::from(profile.clone()),
                today: start,
            }))
        };
        let mentor = year.reviews[0].mentor.as_str();
        let calendar = |format, person: Option<&str>| {
            json(calendar_of(CalendarRequest {
                reviews: the_request(&paired, 12, 4),
                format,
                person: person.map(str::to_string),
                lang: Lang::Nl,
                stamp: 1_800_000_000_000,
            }))
        };
        let mut sanne = crate::paths::Profile::in_role("sw-hbo-vak");
        sanne.goals = vec!["praktijkopleider".into()];
        let mut too_long = sanne.clone();
        too_long.years_in_role = 61.0;
        let sanne_plan = {
            let model = ladder_from_json(&ladder).unwrap();
            planned(&plan(&model, &sanne, Config::default(), start).unwrap())
        };
        assert!(sanne_plan.contains("praktijkopleider in"), "{sanne_plan}");
        let mut elsewhere = sanne.clone();
        elsewhere.current_role = "bestaat-niet".into();
        let import =
            |name: &str, bytes: &[u8]| json(Request::ImportRoster(import_of(&ladder, name, bytes)));
        let matching = |roster: &str, mode| {
            json(Request::Match {
                ladder: ladder.clone(),
                roster: roster.into(),
                mode,
                settings: None,
                today: None,
                kept: None,
                known: Vec::new(),
            })
        };
        let with_settings = |settings: &str| {
            json(Request::Match {
                ladder: ladder.clone(),
                roster: roster.clone(),
                mode: MatchMode::Everyone,
                settings: Some(settings.into()),
                today: None,
                kept: None,
                known: Vec::new(),
            })
        };
        // Nobody mentors: default capacities of 0 for a roster that leaves them empty.
        let example = ladder_from_json(&ladder).unwrap();
        let mut open = load_roster_json("r", &roster, &example).unwrap();
        for p in &mut open.people {
            p.capacity_default = true;
        }
        let open = roster_to_json(&open);
        let no_mentors = crate::format::match_config_to_yaml(&MatchConfig {
            default_capacities: [0; 4],
            ..MatchConfig::default()
        });
        let check_person = |at: Option<usize>, cells: &[&str]| {
            json(Request::CheckPerson {
                ladder: ladder.clone(),
                roster: roster.clone(),
                at,
                cells: cells.iter().map(|c| c.to_string()).collect(),
            })
        };
        let first_cells = crate::format::person_cells(
            &load_roster_json("r", &roster, &example).unwrap().people[0],
            Lang::En,
        );
        let mut too_many = first_cells.clone();
        too_many[13] = "60".into();
        let too_many: Vec<&str> = too_many.iter().map(String::as_str).collect();
        let broken = LADDER.replacen("level: junior", "level: stagiair", 1);
        let cases: Vec<(String, String)> = vec![
            (
                json(Request::ReadLadder(file("w.yaml", LADDER))),
                format!("ladder Stichting Welzijn Groeit; {}", scanned(LADDER)),
            ),
            (
                json(Request::ReadLadder(file("v.yaml", VLAK))),
                format!("ladder Stichting Welzijn Gelijkvloers; {}", scanned(VLAK)),
            ),
            (json(Request::Scan(ladder.clone())), format!("scanned: {}", scanned(LADDER))),
            (
                json(Request::Scan("{}".into())),
                format!("not scanned: {BAD_LADDER}"),
            ),
            (
                json(Request::ReadLadder(file("k.yaml", &broken))),
                "ladder problems: k.yaml:28:12: unknown level 'stagiair'; expected one of junior, medior, senior, lead".into(),
            ),
            (
                json(Request::ReadProfile {
                    file: file("p.yaml", PROFILE),
                    ladder: ladder.clone(),
                }),
                "profile in sw-hbo-vak".into(),
            ),
            (
                json(Request::ReadProfile {
                    file: file("p.yaml", PROFILE),
                    ladder: "{}".into(),
                }),
                format!("profile failed: {BAD_LADDER}"),
            ),
            (
                import("r.csv", ROSTER_CSV),
                format!("roster of {} people; Recognised: {}", people(), EXAMPLE_COLUMNS),
            ),
            (
                import("r.yaml", ROSTER_YAML.as_bytes()),
                format!("roster of {} people", people()),
            ),
            (
                import("r.csv", b"id;naam\n"),
                "needs columns; Recognised: id=id, name=naam; missing role, days".into(),
            ),
            (import("r.xlsx", AFAS_XLSX), "read the sheet".into()),
            (
                matching(&roster, MatchMode::Unmatched),
                format!("matched {} of {}", matched(&roster, false), mentees(&roster)),
            ),
            (
                matching(&roster, MatchMode::Everyone),
                format!("matched {} of {}", matched(&roster, true), mentees(&roster)),
            ),
            // The pairs as they stand (none yet), explained.
            (
                matching(&roster, MatchMode::Review),
                format!("matched 0 of {}", mentees(&roster)),
            ),
            // Nothing is kept by the stateless answer (see tests/kept.rs).
            (
                json(Request::Keep {
                    ladder: ladder.clone(),
                    roster: roster.clone(),
                }),
                format!("kept {:016x}", roster_key(&roster)),
            ),
            (
                json(Request::Match {
                    ladder: ladder.clone(),
                    roster: String::new(),
                    mode: MatchMode::Unmatched,
                    settings: None,
                    today: None,
                    kept: Some(roster_key(&roster)),
                    known: Vec::new(),
                }),
                "not kept".into(),
            ),
            (
                with_settings(&crate::format::match_config_to_yaml(&MatchConfig::default())),
                format!("matched {} of {}", matched(&roster, true), mentees(&roster)),
            ),
            (
                json(Request::Match {
                    ladder: ladder.clone(),
                    roster: open.clone(),
                    mode: MatchMode::Everyone,
                    settings: Some(no_mentors),
                    today: None,
                    kept: None,
                    known: Vec::new(),
                }),
                format!("matched 0 of {}", mentees(&roster)),
            ),
            (
                with_settings("schema: doorgroei/matching@1\nweights: {load: -1}\n"),
                "match error: koppeling.yaml:2:17: load: invalid value -1; expected a whole number from 0 to 1000".into(),
            ),
            (
                check_person(Some(0), &first_cells.iter().map(String::as_str).collect::<Vec<_>>()),
                "person tl0 (teamleider), capacity 0".into(),
            ),
            (
                check_person(None, &["n1", "Nieuw", "Sociaal werker HBO startbekwaam", "", "", "", "", "", "ma, di"]),
                "person n1 (sw-hbo-start), capacity 0".into(),
            ),
            (
                check_person(Some(0), &too_many),
                "person problems: capacity: invalid value 60; expected a whole number from 0 to 50".into(),
            ),
            (
                check_person(None, &["tl0", "Dubbel", "teamleider", "", "", "", "", "", "ma"]),
                "person problems: id: person 'tl0' is listed twice".into(),
            ),
            (
                json(Request::CheckPerson {
                    ladder: "{}".into(),
                    roster: roster.clone(),
                    at: None,
                    cells: Vec::new(),
                }),
                format!("person failed: {BAD_LADDER}"),
            ),
            (
                json(Request::ReadMatchConfig(file("k.yaml", include_str!("../../../pathways/koppeling.yaml")))),
                "settings: mentor_min_level: senior,  load: 3".into(),
            ),
            (
                json(Request::ReadMatchConfig(file("k.yaml", "schema: doorgroei/matching@1\nmentor_min_level: stagiair\n"))),
                "settings problems: k.yaml:2:19: unknown mentor_min_level 'stagiair'; expected one of junior, medior, senior, lead".into(),
            ),
            (
                json(Request::ReadScheduleConfig(file("p.yaml", include_str!("../../../pathways/planning.yaml")))),
                "schedule settings: 36 months, 2 per day, closed 2027-12-27 2027-12-28 2027-12-29 2027-12-30 2027-12-31".into(),
            ),
            (
                json(Request::ReadScheduleConfig(file("p.yaml", "schema: doorgroei/schedule@1\nmax_per_day: 9\n"))),
                "schedule settings problems: p.yaml:2:14: max_per_day: invalid value 9; expected a whole number from 1 to 8".into(),
            ),
            (
                json(read_log_request(log_import("verslag.csv", LOG_CSV.as_bytes(), &paired))),
                format!("log: {} entries", LOG_CSV.lines().count() - 1),
            ),
            (
                json(read_log_request(log_import(
                    "verslag.csv",
                    b"datum;mentor;mentee;status\n4-1-2027;m0002;zz;gehouden\n",
                    &paired,
                ))),
                "log problems: verslag.csv:2:3: unknown person 'zz'".into(),
            ),
            (
                json(progress_of(ProgressRequest {
                    reviews: the_request(&paired, 12, 4),
                    log: logged(&paired),
                    today: jiff::civil::date(2027, 4, 30),
                })),
                {
                    let plan = the_schedule(&paired, start, 12, 4);
                    let ladder = ladder_from_json(&ladder).unwrap();
                    let pairs: Vec<PairRef> = load_roster_json("r", &paired, &ladder).unwrap().pairs.iter().map(PairRef::from).collect();
                    let today = jiff::civil::date(2027, 4, 30);
                    let log = logged(&paired);
                    let status = crate::programme::status(&plan, &pairs, &log, today);
                    progressed(&Progress {
                        pairs: status.pairs,
                        totals: status.totals,
                        months: crate::programme::per_month(&plan, &log, today),
                    })
                },
            ),
            // Intervisie: formed, a move refused and one made, a group
            // locked and the rest formed again, the files, bad settings.
            (
                json(intervisie_of(&paired, Vec::new(), IntervisieStep::Form)),
                "groups ma:5 do:5 do:6 vr:7 vr:7; 45 meetings; refused None; earlier None".into(),
            ),
            (
                json(intervisie_of(&paired, formed(&paired), IntervisieStep::Move { who: "j0000".into(), to: 2 })),
                "groups ma:5 do:5 do:6 vr:7 vr:7; 45 meetings; refused Some(\"Tess El Amrani (j0000) cannot leave group 1: it would keep 4 people, a group needs at least 5\"); earlier None".into(),
            ),
            (
                json(intervisie_of(&paired, formed(&paired), IntervisieStep::Move { who: "j0001".into(), to: 1 })),
                "groups ma:5 do:6 do:5 vr:7 vr:7; 45 meetings; refused None; earlier None".into(),
            ),
            (
                json(intervisie_of(
                    &paired,
                    formed(&paired).into_iter().enumerate().map(|(k, g)| crate::intervisie::Held { locked: k == 4, ..g }).collect(),
                    IntervisieStep::Form,
                )),
                // (Group 5 locked stays group 5.)
                "groups ma:5 do:5 do:6 vr:7 vr*:7; 45 meetings; refused None; earlier None".into(),
            ),
            (
                json(intervisie_of(&paired, formed(&paired), IntervisieStep::Table { lang: Lang::Nl })),
                "file intervisiegroepen.csv: 31 lines".into(),
            ),
            (
                json(intervisie_of(&paired, formed(&paired), IntervisieStep::Calendar { group: Some(1), lang: Lang::En, stamp: 0 })),
                format!("file intervisie-group-2.ics: {} lines", {
                    let r = answer_intervisie(&IntervisieRequest { ladder: ladder.clone(), roster: paired.clone(), ..intervisie_request(formed(&paired), IntervisieStep::Calendar { group: Some(1), lang: Lang::En, stamp: 0 }) });
                    match r { IntervisieReply::File { text, .. } => text.lines().count(), _ => 0 }
                }),
            ),
            (
                json(intervisie_of(&paired, Vec::new(), IntervisieStep::Supervision { today: jiff::civil::date(2027, 1, 4) })),
                "due: 18".into(),
            ),
            (
                json(Request::Intervisie(Packed::new(&IntervisieRequest {
                    ladder: ladder.clone(),
                    roster: paired.clone(),
                    settings: TextFile { name: "intervisie.yaml".into(), text: "schema: doorgroei/intervisie@1\nmin_size: 2\n".into() },
                    ..intervisie_request(Vec::new(), IntervisieStep::Form)
                }))),
                "intervisie problems: intervisie.yaml:2:11: min_size: invalid value 2; expected a whole number from 3 to 10".into(),
            ),
            (
                // A settings file opened in the room: read, or its problems
                // (the ladder and the roster are not needed).
                json(Request::Intervisie(Packed::new(&IntervisieRequest {
                    ladder: String::new(),
                    roster: String::new(),
                    ..intervisie_request(Vec::new(), IntervisieStep::ReadSettings {
                        file: TextFile { name: "mijn.yaml".into(), text: "schema: doorgroei/intervisie@1\nmin_size: 4\nweights: {team: 20}\n".into() },
                    })
                }))),
                "settings 4-7 every 6 weeks, 90 minutes, supervision 5 years, team weight 20".into(),
            ),
            (
                json(intervisie_of(&paired, Vec::new(), IntervisieStep::ReadSettings {
                    file: TextFile { name: "mijn.yaml".into(), text: "schema: doorgroei/intervisie@1\nminutes: 20\n".into() },
                })),
                "intervisie problems: mijn.yaml:2:10: minutes: invalid value 20; expected a whole number from 30 to 480".into(),
            ),
            (
                // The settings sent along count, but not their months and cadence.
                json(schedule_of(ScheduleRequest {
                    keep: Vec::new(),
                    settings: packed(ScheduleFile {
                        max_per_day: Some(1),
                        max_shift_days: Some(0),
                        months: Some(1),
                        ..ScheduleFile::from(&ScheduleConfig::default())
                    }),
                    ..the_request(&paired, 12, 4)
                })),
                // (No shifting and one review a day per mentor leave 14
                // reviews unplaced where the defaults leave 1.)
                "reviews: 221 reviews planned for 18 pairs from 2027-01-04 to 2028-01-03; 14 could not be placed.; 29 people".into(),
            ),
            (
                json(schedule_of(ScheduleRequest {
                    keep: Vec::new(),
                    settings: packed(ScheduleFile {
                        day_start: Some("25:00".into()),
                        ..ScheduleFile::from(&ScheduleConfig::default())
                    }),
                    ..the_request(&paired, 12, 4)
                })),
                format!("no reviews: {BAD_SETTINGS}"),
            ),
            (
                matching("{", MatchMode::Unmatched),
                "match error: rooster.json:1:1: invalid JSON: the file ends before everything is closed (the mapping in { })".into(),
            ),
            (
                json(Request::Migrate {
                    ladder: file("w.yaml", LADDER),
                    roster: Some(file("r.yaml", ROSTER_YAML)),
                }),
                format!("migrated: ladder Stichting Welzijn Groeit; {}; roster of {} people", scanned(LADDER), people()),
            ),
            (
                json(Request::Migrate {
                    ladder: file("k.yaml", &broken),
                    roster: None,
                }),
                "migrated: ladder problems: k.yaml:28:12: unknown level 'stagiair'; expected one of junior, medior, senior, lead; roster none".into(),
            ),
            (
                json(Request::WriteProfile(ProfileFile::from(sanne.clone()))),
                "written: schema: doorgroei/profile@1".into(),
            ),
            (
                json(Request::WriteProfile(ProfileFile::from(too_long.clone()))),
                "refused: profiel.yaml: years_in_role: invalid value 61; expected a number of years from 0 to 60".into(),
            ),
            (
                json(Request::WriteRoster(roster.clone())),
                "written: schema: doorgroei/roster@1".into(),
            ),
            (
                reviews(&paired, 12, 4),
                format!("reviews: {}", scheduled(&paired, start, 12, 4)),
            ),
            (
                reviews(&paired, 6, 5),
                format!("reviews: {}", scheduled(&paired, start, 6, 5)),
            ),
            (
                reviews(&roster, 12, 4),
                "reviews: 0 reviews planned for 0 pairs; 0 could not be placed.; 0 people".into(),
            ),
            (growth(&sanne), sanne_plan),
            (
                growth(&elsewhere),
                "no plan: the profile's role 'bestaat-niet' is not in the ladder".into(),
            ),
            (
                growth(&too_long),
                "no plan: profiel.yaml: years_in_role: invalid value 61; expected a number of years from 0 to 60".into(),
            ),
            (
                json(Request::Plan(PlanRequest {
                    ladder: "{}".into(),
                    profile: ProfileFile::from(sanne.clone()),
                    today: start,
                })),
                format!("no plan: {BAD_LADDER}"),
            ),
            (
                calendar(CalendarFormat::Ics, None),
                format!("written: BEGIN:VCALENDAR ({} events)", year.reviews.len()),
            ),
            (
                calendar(CalendarFormat::Ics, Some(mentor)),
                format!("written: BEGIN:VCALENDAR ({} events)", year.reviews.iter().filter(|r| r.mentor == mentor).count()),
            ),
            (
                calendar(CalendarFormat::Csv, None),
                "written: datum;begin;eind;mentor;naam_mentor;mentee;naam_mentee;bespreking;ideale_datum".into(),
            ),
            (
                reviews(&paired, 37, 4),
                "no reviews: 37 months every 4 weeks: the limits are 1 to 36 months, every 4 to 6 weeks".into(),
            ),
            (
                reviews(&paired, 12, 3),
                "no reviews: 12 months every 3 weeks: the limits are 1 to 36 months, every 4 to 6 weeks".into(),
            ),
            (
                reviews("{", 12, 4),
                "no reviews: rooster.json:1:1: invalid JSON: the file ends before everything is closed (the mapping in { })".into(),
            ),
        ];
        check(&cases);
    }

    /// The example roster's columns, as recognised.
    const EXAMPLE_COLUMNS: &str = "id=id, name=name, role=role, team=team, location=location, manager=manager, specialisms=specialisms, languages=languages, days=days, hours=hours, career_switcher=career_switcher, start=start, needs_mentor=needs_mentor, capacity=capacity, coaching=coaching, prefers=prefers, avoids=avoids, email=email, absent=absent, mentor=mentor, locked=locked";

    fn mentees(roster: &str) -> usize {
        let ladder = ladder_from_json(&ladder_json()).unwrap();
        let roster = load_roster_json("r", roster, &ladder).unwrap();
        roster
            .people
            .iter()
            .filter(|p| crate::matching::needs_mentor(&ladder, p))
            .count()
    }

    fn matched(roster: &str, rematch: bool) -> usize {
        let ladder = ladder_from_json(&ladder_json()).unwrap();
        let roster = load_roster_json("r", roster, &ladder).unwrap();
        let config = MatchConfig {
            rematch,
            ..MatchConfig::default()
        };
        assign(&ladder, &roster, &config).matched
    }

    #[test]
    fn what_is_not_a_request_is_answered_failed_never_as_another_kind() {
        let cases = [
            ("", "failed: not a request: EOF while parsing a value at line 1 column 0"),
            ("{", "failed: not a request: EOF while parsing an object at line 1 column 1"),
            ("42", "failed: not a request: expected value at line 1 column 1"),
            // The strings the glue used to send.
            (
                r#"{"kind":"migrate","id":0,"name":"a","text":"b"}"#,
                "failed: not a request: unknown variant `kind`, expected one of `read_ladder`, `read_profile`, `import_roster`, `match`, `keep`, `check_person`, `read_match_config`, `read_schedule_config`, `migrate`, `write_profile`, `write_roster`, `scan`, `schedule`, `write_calendar`, `plan`, `read_log`, `progress`, `intervisie` at line 1 column 7",
            ),
            (
                r#"{"frobnicate":{}}"#,
                "failed: not a request: unknown variant `frobnicate`, expected one of `read_ladder`, `read_profile`, `import_roster`, `match`, `keep`, `check_person`, `read_match_config`, `read_schedule_config`, `migrate`, `write_profile`, `write_roster`, `scan`, `schedule`, `write_calendar`, `plan`, `read_log`, `progress`, `intervisie` at line 1 column 13",
            ),
            (r#""migrate""#, "failed: not a request: invalid type: unit variant, expected struct variant"),
            (r#"{"migrate":3}"#, "failed: not a request: invalid type: integer `3`, expected struct variant Request::Migrate at line 1 column 12"),
            (
                r#"{"match":{"ladder":"","roster":"","mode":"full"}}"#,
                "failed: not a request: unknown variant `full`, expected one of `unmatched`, `everyone`, `review` at line 1 column 47",
            ),
            (
                r#"{"match":{"ladder":"","roster":"","full":true}}"#,
                "failed: not a request: missing field `mode` at line 1 column 46",
            ),
            (
                r#"{"import_roster":{"name":"r.csv","bytes":"aGk","ladder":""}}"#,
                "failed: not a request: bytes: not base64 at line 1 column 46",
            ),
            (
                r#"{"read_ladder":{"name":"w.yaml"}}"#,
                "failed: not a request: missing field `text` at line 1 column 32",
            ),
        ];
        check(&cases);
    }

    #[test]
    fn a_request_crosses_as_json_unchanged() {
        let requests = [
            Request::ReadLadder(file("w.yaml", "a: b")),
            Request::ImportRoster(Import {
                columns: Some(ColumnsFile(
                    [(Field::Id, "Pers.code".to_string())].into_iter().collect(),
                )),
                sheet: Some("Blad 2".into()),
                remembered: "[]".into(),
                ..import_of(
                    "{}",
                    "r.csv",
                    &[0xEF, 0xBB, 0xBF, b'i', b'd', 0xE9, 0x80, 0, 255],
                )
            }),
            Request::Match {
                ladder: "{}".into(),
                roster: "{}".into(),
                mode: MatchMode::Everyone,
                settings: Some("schema: doorgroei/matching@1".into()),
                today: None,
                kept: None,
                known: Vec::new(),
            },
            Request::CheckPerson {
                ladder: "{}".into(),
                roster: "{}".into(),
                at: Some(3),
                cells: vec!["a".into(), String::new()],
            },
            Request::ReadMatchConfig(file("k.yaml", "x")),
            Request::ReadScheduleConfig(file("p.yaml", "x")),
            read_log_request(LogImport {
                name: "v.csv".into(),
                bytes: vec![0xE9, 0, 255],
                ladder: "{}".into(),
                roster: "{}".into(),
                slot_minutes: 45,
            }),
            progress_of(ProgressRequest {
                reviews: ScheduleRequest {
                    ladder: "{}".into(),
                    roster: "{}".into(),
                    start: jiff::civil::date(2027, 1, 4),
                    months: 12,
                    cadence_weeks: 4,
                    keep: Vec::new(),
                    settings: None,
                },
                log: vec![
                    LogEntry {
                        date: jiff::civil::date(2027, 1, 4),
                        mentor: "m".into(),
                        mentee: "j".into(),
                        status: crate::programme::Outcome::Moved(jiff::civil::date(2027, 1, 6)),
                        minutes: 60,
                    },
                    LogEntry {
                        date: jiff::civil::date(2027, 2, 1),
                        mentor: "m".into(),
                        mentee: "j".into(),
                        status: crate::programme::Outcome::Cancelled(
                            crate::programme::Reason::Workload,
                        ),
                        minutes: 45,
                    },
                ],
                today: jiff::civil::date(2027, 3, 1),
            }),
            Request::Migrate {
                ladder: file("w.yaml", "x"),
                roster: None,
            },
            Request::WriteRoster("{}".into()),
            Request::Scan("{}".into()),
            schedule_of(ScheduleRequest {
                ladder: "{}".into(),
                roster: "{}".into(),
                start: jiff::civil::date(2027, 1, 4),
                months: 12,
                cadence_weeks: 4,
                keep: Vec::new(),
                settings: packed(ScheduleFile::from(&ScheduleConfig::default())),
            }),
            calendar_of(CalendarRequest {
                reviews: ScheduleRequest {
                    ladder: "{}".into(),
                    roster: "{}".into(),
                    start: jiff::civil::date(2027, 1, 4),
                    months: 1,
                    cadence_weeks: 6,
                    keep: Vec::new(),
                    settings: None,
                },
                format: CalendarFormat::Ics,
                person: Some("m0001".into()),
                lang: Lang::En,
                stamp: -1,
            }),
            Request::Plan(PlanRequest {
                ladder: "{}".into(),
                profile: ProfileFile::from(Profile::in_role("a")),
                today: jiff::civil::date(2027, 1, 4),
            }),
        ];
        for request in requests {
            let text = json(request.clone());
            assert_eq!(serde_json::from_str::<Request>(&text).unwrap(), request);
        }
    }

    /// What the worker does with a request (`worker.js`): answers it, and
    /// when the answer asks for a sheet, has the spreadsheet module read it
    /// and answers again with the sheet. (Without the `xlsx` feature there
    /// is no spreadsheet module: the answer stays.)
    fn worker(request: &str) -> Reply {
        let text = answer_json(request);
        #[cfg(feature = "xlsx")]
        let text = if text == READ_SHEET {
            answer_with_sheet_json(request, &read_sheet_json(request))
        } else {
            text
        };
        serde_json::from_str(&text).expect("a reply reads back")
    }

    /// The answer `worker.js` hands to the spreadsheet module.
    const READ_SHEET: &str = r#"{"import":"ReadSheet"}"#;

    #[test]
    fn the_worker_glue_knows_the_answer_that_asks_for_a_sheet() {
        let reply = serde_json::to_string(&Reply::Import(ImportReply::ReadSheet)).unwrap();
        assert_eq!(reply, READ_SHEET);
        let glue = include_str!("../../../web/worker.js");
        assert!(glue.contains(&format!("'{READ_SHEET}'")), "{glue}");
    }

    #[test]
    fn the_worker_glue_loads_every_module_by_its_name() {
        let glue = include_str!("../../../web/worker.js");
        for module in [
            Module::Files,
            Module::Planner,
            Module::Growth,
            Module::Programme,
        ] {
            let name = module.name();
            let source = format!("{name}: './doorgroei_{name}.js',");
            assert!(glue.contains(&source), "worker.js lacks {source}");
        }
    }

    fn columns(pairs: &[(Field, &str)]) -> Option<ColumnsFile> {
        Some(ColumnsFile(
            pairs.iter().map(|(f, h)| (*f, h.to_string())).collect(),
        ))
    }

    /// The columns chosen for the first sheet of the two-sheet workbook.
    fn staff_columns() -> Option<ColumnsFile> {
        columns(&[
            (Field::Id, "Pers.code"),
            (Field::Name, "Naam"),
            (Field::Role, "Functie omschr."),
            (Field::Team, "Afdeling"),
            (Field::Days, "Werkdagen"),
        ])
    }

    /// Each import (JSON text) as the worker answers it, described in a
    /// line; every case that differs is listed.
    fn check_imports(cases: &[(Import, String)]) {
        let wrong: Vec<String> = cases
            .iter()
            .filter_map(|(import, expected)| {
                let request = json(Request::ImportRoster(import.clone()));
                let got = describe(&worker(&request));
                (got != *expected).then(|| {
                    format!(
                        "import {} (columns {:?}, sheet {:?}, remembered {:.60})\n  expected {expected}\n  got      {got}",
                        import.name, import.columns, import.sheet, import.remembered
                    )
                })
            })
            .collect();
        assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
    }

    const AFAS_COLUMNS: &str = "id=Personeelsnummer, name=Naam, role=Functie, team=Afdeling, location=Standplaats, manager=Leidinggevende, days=Werkdagen, hours=Uren per week, start=Datum in dienst; unused BSN, Geboortedatum";

    #[test]
    fn a_tables_columns_are_chosen_remembered_or_recognised() {
        let ladder = ladder_json();
        let afas = import_of(&ladder, "afas.csv", AFAS_CSV);
        let key = match import_roster(&afas, None) {
            ImportReply::Loaded {
                columns: Some(c), ..
            } => c.key,
            other => panic!("{other:?}"),
        };
        let fewer = columns(&[
            (Field::Id, "Personeelsnummer"),
            (Field::Name, "Naam"),
            (Field::Role, "Functie"),
            (Field::Days, "Werkdagen"),
        ]);
        let remembered = remember_columns("", &key, fewer.as_ref().unwrap());
        let with = |columns: Option<ColumnsFile>, remembered: &str| Import {
            columns,
            remembered: remembered.into(),
            ..afas.clone()
        };
        let fewer_shown = "id=Personeelsnummer, name=Naam, role=Functie, days=Werkdagen; unused Afdeling, Standplaats, Leidinggevende, Uren per week, Datum in dienst, BSN, Geboortedatum";
        let two_names = b"Personeelsnummer;Naam;Naam;Functie;Werkdagen\n1;A;B;sw-hbo-start;ma\n";
        let cases = vec![
            // Recognised: the columns not used are named by the mapping, not in a warning.
            (afas.clone(), format!("roster of 7 people; Recognised: {AFAS_COLUMNS}")),
            // Remembered for these headers: used as they are.
            (with(None, &remembered), format!("roster of 7 people; Remembered: {fewer_shown}")),
            // A mapping remembered for other headers, or a store that is no
            // store, is not used.
            (with(None, &remember_columns("", "a|b", fewer.as_ref().unwrap())), format!("roster of 7 people; Recognised: {AFAS_COLUMNS}")),
            (with(None, "{kapot"), format!("roster of 7 people; Recognised: {AFAS_COLUMNS}")),
            // Chosen: used before what is remembered, and to be remembered.
            (with(fewer.clone(), "{kapot"), format!("roster of 7 people; Chosen: {fewer_shown}; remember")),
            // Chosen without a field a roster needs: asked again, not remembered.
            (with(columns(&[(Field::Id, "Personeelsnummer"), (Field::Name, "Naam")]), ""),
                "needs columns; Chosen: id=Personeelsnummer, name=Naam; missing role, days; unused Functie, Afdeling, Standplaats, Leidinggevende, Werkdagen, Uren per week, Datum in dienst, BSN, Geboortedatum".into()),
            // Chosen, naming a header the file does not have: said at the header row.
            (with(columns(&[(Field::Id, "Pers.code"), (Field::Name, "Naam"), (Field::Role, "Functie"), (Field::Days, "Werkdagen")]), ""),
                format!("roster problems: afas.csv:1:1: the column 'Pers.code' (for employee id) is not in the file; Chosen: {AFAS_COLUMNS}")),
            // Recognised with a field no column holds: the mapping step.
            (import_of(&ladder, "r.csv", b"Pers.code;Naam;Functie omschr.;Werkdagen;BSN\n1001;An;Teamleider;ma;123456782\n"),
                "needs columns; Recognised: name=Naam, days=Werkdagen; missing id, role; unused Pers.code, Functie omschr., BSN".into()),
            // Two columns named alike: which counts is for the coordinator to say.
            (import_of(&ladder, "twee.csv", two_names),
                "roster problems: twee.csv:1:3: column 'Naam' appears twice in the header (first as column 2); which one counts is ambiguous; Recognised: id=Personeelsnummer, name=Naam, role=Functie, days=Werkdagen; unused Naam".into()),
            (Import { columns: columns(&[(Field::Id, "Personeelsnummer"), (Field::Name, "Naam"), (Field::Role, "Functie"), (Field::Days, "Werkdagen")]), ..import_of(&ladder, "twee.csv", two_names) },
                "roster of 1 people; Chosen: id=Personeelsnummer, name=Naam, role=Functie, days=Werkdagen; unused Naam; remember".into()),
            // An empty file is an empty roster, not a mapping step.
            (import_of(&ladder, "leeg.csv", b""), "roster of 0 people".into()),
        ];
        check_imports(&cases);
    }

    #[cfg(feature = "xlsx")]
    #[test]
    fn a_spreadsheets_sheet_is_read_by_the_spreadsheet_module_and_may_be_chosen() {
        let ladder = ladder_json();
        let book = import_of(&ladder, "bladen.xlsx", SHEETS_XLSX);
        let sheet = |name: &str| Import {
            sheet: Some(name.into()),
            ..book.clone()
        };
        let key = match import_roster(&book, Some(read_sheet(&book))) {
            ImportReply::NeedsColumns(c) => c.key,
            other => panic!("{other:?}"),
        };
        let remembered = remember_columns("", &key, staff_columns().as_ref().unwrap());
        let staff = "id=Pers.code, name=Naam, role=Functie omschr., team=Afdeling, days=Werkdagen; unused BSN, Geboortedatum; sheet Medewerkers of Medewerkers|Stagiairs";
        let cases = vec![
            (import_of(&ladder, "afas.xlsx", AFAS_XLSX),
                format!("roster of 7 people; Recognised: {AFAS_COLUMNS}; sheet Blad1 of Blad1")),
            // The first sheet by default: two fields a roster needs have no column.
            (book.clone(), "needs columns; Recognised: name=Naam, team=Afdeling, days=Werkdagen; missing id, role; unused Pers.code, Functie omschr., BSN, Geboortedatum; sheet Medewerkers of Medewerkers|Stagiairs".into()),
            (Import { columns: staff_columns(), ..book.clone() }, format!("roster of 7 people; Chosen: {staff}; remember")),
            (Import { remembered: remembered.clone(), ..book.clone() }, format!("roster of 7 people; Remembered: {staff}")),
            // Another sheet: its own headers, recognised.
            (sheet("Stagiairs"), "roster of 3 people; Recognised: id=Personeelsnummer, name=Naam, role=Functie, team=Afdeling, days=Werkdagen; sheet Stagiairs of Medewerkers|Stagiairs".into()),
            (Import { remembered, ..sheet("Stagiairs") }, "roster of 3 people; Recognised: id=Personeelsnummer, name=Naam, role=Functie, team=Afdeling, days=Werkdagen; sheet Stagiairs of Medewerkers|Stagiairs".into()),
            (sheet("Stagiaires"), "roster problems: bladen.xlsx: there is no sheet 'Stagiaires'; the sheets are: Medewerkers, Stagiairs; did you mean 'Stagiairs'?".into()),
            (import_of(&ladder, "kapot.xlsx", b"PK\x03\x04 not a workbook"), "roster problems: kapot.xlsx: this is not a readable Excel workbook (.xlsx): the file is damaged or something else".into()),
            (import_of(&ladder, "oud.xls", b"\xD0\xCF\x11\xE0 old"), "roster problems: oud.xls: this kind of spreadsheet cannot be read here; save it as an Excel workbook (.xlsx) or as CSV".into()),
        ];
        check_imports(&cases);
    }

    /// Every remembered mapping and every roster an import gives, as text.
    fn kept(reply: &ImportReply) -> Vec<String> {
        let mut out = Vec::new();
        if let ImportReply::Loaded {
            roster,
            outcome,
            warnings,
            columns,
        } = reply
        {
            out.push(serde_json::to_string(roster).unwrap());
            out.push(serde_json::to_string(outcome).unwrap());
            out.push(serde_json::to_string(warnings).unwrap());
            out.extend(columns.as_ref().and_then(|c| c.remember.clone()));
        }
        out
    }

    #[test]
    fn a_column_not_used_leaves_no_value_in_the_roster_or_the_remembered_mapping() {
        let ladder = ladder_json();
        let mut imports = vec![(
            Import {
                columns: columns(&[
                    (Field::Id, "Personeelsnummer"),
                    (Field::Name, "Naam"),
                    (Field::Role, "Functie"),
                    (Field::Days, "Werkdagen"),
                ]),
                ..import_of(&ladder, "afas.csv", AFAS_CSV)
            },
            AFAS_SECRETS,
        )];
        if cfg!(feature = "xlsx") {
            imports.push((
                Import {
                    columns: staff_columns(),
                    ..import_of(&ladder, "bladen.xlsx", SHEETS_XLSX)
                },
                SHEETS_SECRETS,
            ));
            imports.push((import_of(&ladder, "afas.xlsx", AFAS_XLSX), AFAS_SECRETS));
        }
        for (import, secrets) in imports {
            let request = json(Request::ImportRoster(import.clone()));
            let Reply::Import(reply) = worker(&request) else {
                panic!("{}", import.name)
            };
            let texts = kept(&reply);
            assert!(texts.len() >= 3, "{}: {reply:?}", import.name);
            for secret in secrets.lines() {
                for text in &texts {
                    assert!(
                        !text.contains(secret),
                        "{}: {secret} in {text:.200}",
                        import.name
                    );
                }
            }
            // The mapping step shows the first three of each column, the unused too.
            let ImportReply::Loaded {
                columns: Some(c), ..
            } = &reply
            else {
                panic!("{reply:?}")
            };
            let bsn = c.preview.iter().find(|p| p.header == "BSN").unwrap();
            let first: Vec<&str> = secrets.lines().take(3).collect();
            assert_eq!(bsn.samples, first, "{}", import.name);
        }
    }

    #[test]
    fn remembered_mappings_newest_first_one_per_header_key_at_most_twenty() {
        let file =
            |header: &str| ColumnsFile([(Field::Id, header.to_string())].into_iter().collect());
        let mut text = String::new();
        for i in 0..25 {
            text = remember_columns(&text, &format!("k{i}"), &file(&format!("h{i}")));
        }
        text = remember_columns(&text, "k20", &file("nieuw"));
        let keys: Vec<String> = serde_json::from_str::<Vec<serde_json::Value>>(&text)
            .unwrap()
            .iter()
            .map(|r| r["key"].as_str().unwrap().to_string())
            .collect();
        let expected: Vec<String> = std::iter::once(20)
            .chain((5..25).rev().filter(|&i| i != 20))
            .map(|i| format!("k{i}"))
            .collect();
        assert_eq!(keys, expected);
        let cases = [
            ("k20", Some(file("nieuw"))),
            ("k24", Some(file("h24"))),
            ("k5", Some(file("h5"))),
            ("k4", None),
            ("", None),
        ];
        for (key, expected) in cases {
            assert_eq!(remembered_columns(&text, key), expected, "{key}");
        }
        for broken in ["", "{", "[{\"key\": 1}]", "null"] {
            assert_eq!(remembered_columns(broken, "k20"), None, "{broken}");
            assert_eq!(
                remembered_columns(&remember_columns(broken, "k", &file("h")), "k"),
                Some(file("h")),
                "{broken}"
            );
        }
    }

    #[test]
    fn base64_as_rfc_4648_writes_it() {
        // RFC 4648, section 10.
        let cases = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ];
        for (bytes, text) in cases {
            assert_eq!(base64::encode(bytes.as_bytes()), text);
            assert_eq!(base64::decode(text).as_deref(), Some(bytes.as_bytes()));
        }
        for bad in [
            "Zg", "Zg=", "Z===", "Zh==", "Zm9=", "Zg==Zg==", "Zm9v!A==", "Zm 9",
        ] {
            assert_eq!(base64::decode(bad), None, "{bad}");
        }
    }

    proptest! {
        #[test]
        fn base64_reads_back_what_it_wrote(bytes in proptest::collection::vec(any::<u8>(), 0..100)) {
            prop_assert_eq!(base64::decode(&base64::encode(&bytes)), Some(bytes));
        }

        #[test]
        fn base64_never_panics(text in "[A-Za-z0-9+/=!]{0,20}") {
            let _ = base64::decode(&text);
        }
    }
}
