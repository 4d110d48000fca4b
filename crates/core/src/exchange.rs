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

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::error::Report;
use crate::format::{
    calendar_file_names, check_profile, ladder_file_to_json, ladder_from_json, load_ladder_checked,
    load_ladder_file, load_profile, load_roster_checked, load_roster_json, load_roster_yaml,
    profile_to_yaml, roster_file_to_yaml, roster_to_json, schedule_to_csv, schedule_to_ics, Loaded,
    ProfileFile, RosterFile,
};
use crate::i18n::Lang;
use crate::matching::{assign, review, Assignment, MatchConfig};
use crate::paths::{plan, Config, Plan, Profile};
use crate::roster::Roster;
use crate::scan::{scan, Finding};
use crate::schedule::{
    per_pair, schedule, summary, PairRef, Review, Schedule, ScheduleConfig, Summary, Unplaced,
};

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
    /// A roster file (CSV or YAML, or a roster in its JSON form), checked
    /// against the ladder: [`Reply::Import`]. Bytes, so that a
    /// Windows-1252 CSV file arrives as it was written (base64 in JSON).
    ImportRoster {
        /// The file name: `.csv` or `.txt` is read as CSV.
        name: String,
        /// The file's bytes.
        #[serde(with = "base64")]
        bytes: Vec<u8>,
        /// The ladder in its JSON form.
        ladder: String,
    },
    /// Matching a roster (its JSON form) on the ladder: [`Reply::Match`].
    Match {
        /// The ladder in its JSON form.
        ladder: String,
        /// The roster in its JSON form.
        roster: String,
        /// Who may get a (new) mentor.
        mode: MatchMode,
    },
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
    Schedule(ScheduleRequest),
    /// A calendar file of those reviews (iCalendar or CSV):
    /// [`Reply::Written`].
    WriteCalendar(CalendarRequest),
    /// A profile's growth plan: [`Reply::Plan`].
    Plan(PlanRequest),
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

/// What the worker answers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
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
    /// To [`Request::WriteProfile`], [`Request::WriteRoster`] and
    /// [`Request::WriteCalendar`].
    Written(WriteReply),
    /// To [`Request::Scan`].
    Scan(ScanReply),
    /// To [`Request::Schedule`].
    Schedule(ScheduleReply),
    /// To [`Request::Plan`].
    Plan(PlanReply),
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
    match request {
        Request::ReadLadder(file) => Reply::Ladder(read_ladder(&file.name, &file.text)),
        Request::ReadProfile { file, ladder } => {
            Reply::Profile(read_profile(&file.name, &file.text, &ladder))
        }
        Request::ImportRoster {
            name,
            bytes,
            ladder,
        } => Reply::Import(import_roster(&ladder, &name, &bytes)),
        Request::Match {
            ladder,
            roster,
            mode,
        } => Reply::Match(match_roster(&ladder, &roster, mode)),
        Request::Migrate { ladder, roster } => Reply::Migrate(migrate(
            (&ladder.name, &ladder.text),
            roster.as_ref().map(|r| (r.name.as_str(), r.text.as_str())),
        )),
        Request::WriteProfile(file) => Reply::Written(write_profile(file)),
        Request::WriteRoster(json) => Reply::Written(roster_yaml(&json)),
        Request::Scan(ladder) => Reply::Scan(scan_ladder(&ladder)),
        Request::Schedule(request) => Reply::Schedule(plan_reviews(&request)),
        Request::WriteCalendar(request) => Reply::Written(write_calendar(&request)),
        Request::Plan(request) => Reply::Plan(growth_plan(request)),
    }
}

/// Answers a request as the worker receives it, JSON text, with a reply
/// as JSON text. What is not a request is answered [`Reply::Failed`],
/// never taken for another kind.
pub fn answer_json(request: &str) -> String {
    let reply = match serde_json::from_str::<Request>(request) {
        Ok(request) => answer(request),
        Err(e) => Reply::Failed(format!("not a request: {e}")),
    };
    // (Serialising these plain-data replies cannot fail.)
    serde_json::to_string(&reply).unwrap_or_default()
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
    /// The profile.
    Read(Profile),
    /// The file's problems.
    Problems(Report),
    /// The ladder sent along could not be read (only a bug gets here).
    Failed(String),
}

/// The answer to a roster file (CSV or YAML), checked against a ladder.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ImportReply {
    /// The roster, and what its existing pairs look like.
    Loaded {
        /// The people and their pairs.
        roster: Roster,
        /// The review of the pairs it came with.
        outcome: Assignment,
        /// What the file allows but is probably a mistake.
        warnings: Option<Report>,
    },
    /// The file's problems, by row and column.
    Problems(Report),
    /// The ladder sent along could not be read (only a bug gets here).
    Failed(String),
}

/// The answer to a matching: `{"ok": Assignment}` or `{"error": text}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MatchReply {
    /// The pairs, explained.
    Ok(Assignment),
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
    match load_profile(name, text, &ladder) {
        Ok(profile) => ProfileReply::Read(profile),
        Err(errors) => ProfileReply::Problems(errors.report()),
    }
}

/// Reads a roster file (CSV or YAML, by its name) against the ladder and
/// reviews the pairs it brings.
pub fn import_roster(ladder_json: &str, name: &str, bytes: &[u8]) -> ImportReply {
    let Some(ladder) = ladder_from_json(ladder_json) else {
        return ImportReply::Failed(BAD_LADDER.into());
    };
    match load_roster_checked(name, bytes, &ladder) {
        Ok(Loaded {
            value: roster,
            warnings,
        }) => {
            let outcome = review(&ladder, &roster, &MatchConfig::default());
            ImportReply::Loaded {
                roster,
                outcome,
                warnings: warnings.warnings_report(),
            }
        }
        Err(errors) => ImportReply::Problems(errors.report()),
    }
}

/// Matches the roster (in its JSON form): those without a mentor, or
/// everyone again (locked pairs stay).
pub fn match_roster(ladder_json: &str, roster_json: &str, mode: MatchMode) -> MatchReply {
    let Some(ladder) = ladder_from_json(ladder_json) else {
        return MatchReply::Error(BAD_LADDER.into());
    };
    match load_roster_json("rooster.json", roster_json, &ladder) {
        Ok(roster) => {
            let config = MatchConfig {
                rematch: mode == MatchMode::Everyone,
                ..MatchConfig::default()
            };
            MatchReply::Ok(assign(&ladder, &roster, &config))
        }
        Err(errors) => MatchReply::Error(errors.to_string()),
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
    crate::sort::sort_by_key(&mut people, |&(id, mentor)| (!mentor, names.name(id)));
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
    let config = ScheduleConfig {
        months,
        cadence_weeks,
        ..ScheduleConfig::default()
    };
    let pairs: Vec<PairRef> = roster.pairs.iter().map(PairRef::from).collect();
    let schedule = schedule(&roster, &pairs, request.start, &config);
    Ok((roster, pairs, schedule))
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
    use crate::format::ladder_from_json;
    use proptest::prelude::*;

    const LADDER: &str = include_str!("../../../pathways/welzijn-groeit.yaml");
    const VLAK: &str = include_str!("../../../pathways/welzijn-vlak.yaml");
    const PROFILE: &str = include_str!("../../../pathways/profiel-sanne.yaml");
    const ROSTER_CSV: &[u8] = include_bytes!("../../../pathways/rooster-welzijn-groeit.csv");
    const ROSTER_YAML: &str = include_str!("../../../pathways/rooster-welzijn-groeit.yaml");

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

    fn roster_json() -> String {
        match import_roster(&ladder_json(), "r.csv", ROSTER_CSV) {
            ImportReply::Loaded { roster, .. } => roster_to_json(&roster),
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
            Reply::Profile(ProfileReply::Read(p)) => format!("profile in {}", p.current_role),
            Reply::Profile(ProfileReply::Problems(r)) => {
                format!("profile problems: {}", first(r))
            }
            Reply::Profile(ProfileReply::Failed(why)) => format!("profile failed: {why}"),
            Reply::Import(ImportReply::Loaded { roster, .. }) => {
                format!("roster of {} people", roster.people.len())
            }
            Reply::Import(ImportReply::Problems(r)) => format!("roster problems: {}", first(r)),
            Reply::Import(ImportReply::Failed(why)) => format!("roster failed: {why}"),
            Reply::Match(MatchReply::Ok(a)) => {
                format!("matched {} of {}", a.matched, a.matched + a.unmatched.len())
            }
            Reply::Match(MatchReply::Error(why)) => format!("match error: {why}"),
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
            Reply::Schedule(Ok(reviews)) => format!(
                "reviews: {}; {} people",
                reviews.summary.lines.first().map_or("", |l| l.en.as_str()),
                reviews.people.len()
            ),
            Reply::Schedule(Err(why)) => format!("no reviews: {why}"),
            Reply::Plan(Ok(plan)) => planned(plan),
            Reply::Plan(Err(why)) => format!("no plan: {why}"),
            Reply::Failed(why) => format!("failed: {why}"),
        }
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

    /// Sends each request (JSON text) as the worker receives it and
    /// compares the replies' descriptions; lists every case that differs.
    fn check<R: AsRef<str>, E: AsRef<str>>(cases: &[(R, E)]) {
        let wrong: Vec<String> = cases
            .iter()
            .filter_map(|(request, expected)| {
                let (request, expected) = (request.as_ref(), expected.as_ref());
                let text = answer_json(request);
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
        schedule(&roster, &pairs, start, &config)
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
        };
        let reviews = |roster: &str, months, cadence_weeks| {
            json(Request::Schedule(the_request(
                roster,
                months,
                cadence_weeks,
            )))
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
            json(Request::WriteCalendar(CalendarRequest {
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
        let import = |name: &str, bytes: &[u8]| {
            json(Request::ImportRoster {
                name: name.into(),
                bytes: bytes.to_vec(),
                ladder: ladder.clone(),
            })
        };
        let matching = |roster: &str, mode| {
            json(Request::Match {
                ladder: ladder.clone(),
                roster: roster.into(),
                mode,
            })
        };
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
                format!("roster of {} people", people()),
            ),
            (
                import("r.yaml", ROSTER_YAML.as_bytes()),
                format!("roster of {} people", people()),
            ),
            (
                import("r.csv", b"id;naam\n"),
                "roster problems: r.csv:1:1: no column for role found; the file's columns: id, naam".into(),
            ),
            (
                matching(&roster, MatchMode::Unmatched),
                format!("matched {} of {}", matched(&roster, false), mentees(&roster)),
            ),
            (
                matching(&roster, MatchMode::Everyone),
                format!("matched {} of {}", matched(&roster, true), mentees(&roster)),
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
                "failed: not a request: unknown variant `kind`, expected one of `read_ladder`, `read_profile`, `import_roster`, `match`, `migrate`, `write_profile`, `write_roster`, `scan`, `schedule`, `write_calendar`, `plan` at line 1 column 7",
            ),
            (
                r#"{"frobnicate":{}}"#,
                "failed: not a request: unknown variant `frobnicate`, expected one of `read_ladder`, `read_profile`, `import_roster`, `match`, `migrate`, `write_profile`, `write_roster`, `scan`, `schedule`, `write_calendar`, `plan` at line 1 column 13",
            ),
            (r#""migrate""#, "failed: not a request: invalid type: unit variant, expected struct variant"),
            (r#"{"migrate":3}"#, "failed: not a request: invalid type: integer `3`, expected struct variant Request::Migrate at line 1 column 12"),
            (
                r#"{"match":{"ladder":"","roster":"","mode":"full"}}"#,
                "failed: not a request: unknown variant `full`, expected `unmatched` or `everyone` at line 1 column 47",
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
            Request::ImportRoster {
                name: "r.csv".into(),
                bytes: vec![0xEF, 0xBB, 0xBF, b'i', b'd', 0xE9, 0x80, 0, 255],
                ladder: "{}".into(),
            },
            Request::Match {
                ladder: "{}".into(),
                roster: "{}".into(),
                mode: MatchMode::Everyone,
            },
            Request::Migrate {
                ladder: file("w.yaml", "x"),
                roster: None,
            },
            Request::WriteRoster("{}".into()),
            Request::Scan("{}".into()),
            Request::Schedule(ScheduleRequest {
                ladder: "{}".into(),
                roster: "{}".into(),
                start: jiff::civil::date(2027, 1, 4),
                months: 12,
                cadence_weeks: 4,
            }),
            Request::WriteCalendar(CalendarRequest {
                reviews: ScheduleRequest {
                    ladder: "{}".into(),
                    roster: "{}".into(),
                    start: jiff::civil::date(2027, 1, 4),
                    months: 1,
                    cadence_weeks: 6,
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
