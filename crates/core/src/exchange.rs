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

use serde::{Deserialize, Serialize};

use crate::error::Report;
use crate::format::{
    check_person, check_profile, ladder_file_to_json, ladder_from_json, load_ladder_checked,
    load_ladder_file, load_match_config, load_profile, load_roster_checked, load_roster_json,
    load_roster_yaml, match_config_to_yaml, profile_to_yaml, roster_file_to_yaml, roster_to_json,
    Loaded, ProfileFile, RosterFile,
};
use crate::i18n::{Bilingual, Lang};
use crate::matching::{assign, review, Assignment, MatchConfig};
use crate::paths::Profile;
use crate::roster::{Person, Roster};

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
        /// The matching settings as a `doorgroei/matching@1` file's text
        /// (the page writes it with [`match_config_to_yaml`]); `None`: the
        /// defaults.
        #[serde(default)]
        settings: Option<String>,
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
    /// To [`Request::CheckPerson`].
    Person(PersonReply),
    /// To [`Request::ReadMatchConfig`]: the settings as
    /// [`match_config_to_yaml`] writes them (which the page reads back with
    /// [`crate::format::match_config_from_written`]), or the file's problems.
    MatchConfig(Result<String, Report>),
    /// To [`Request::WriteProfile`] and [`Request::WriteRoster`].
    Written(WriteReply),
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
            settings,
        } => Reply::Match(match_roster(&ladder, &roster, mode, settings.as_deref())),
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
        Request::Migrate { ladder, roster } => Reply::Migrate(migrate(
            (&ladder.name, &ladder.text),
            roster.as_ref().map(|r| (r.name.as_str(), r.text.as_str())),
        )),
        Request::WriteProfile(file) => Reply::Written(write_profile(file)),
        Request::WriteRoster(json) => Reply::Written(roster_yaml(&json)),
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
    /// The ladder file in its JSON form, and its warnings if any.
    Read {
        /// The ladder file in its JSON form.
        ladder: String,
        /// What the file allows but is probably a mistake.
        warnings: Option<Report>,
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
/// everyone again (locked pairs stay), with the settings (a
/// `doorgroei/matching@1` file's text; `None`: the defaults).
pub fn match_roster(
    ladder_json: &str,
    roster_json: &str,
    mode: MatchMode,
    settings: Option<&str>,
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
        Ok(roster) => {
            let config = MatchConfig {
                rematch: mode == MatchMode::Everyone,
                ..config
            };
            MatchReply::Ok(assign(&ladder, &roster, &config))
        }
        Err(errors) => MatchReply::Error(errors.to_string()),
    }
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
            Reply::Ladder(LadderReply::Read { ladder, warnings }) => format!(
                "ladder {}{}",
                ladder_from_json(ladder)
                    .map_or("(not a ladder)".into(), |l| l.organisation().to_string()),
                warnings
                    .as_ref()
                    .map_or(String::new(), |w| format!(", {}", w.summary.en))
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
            Reply::Written(Ok(yaml)) => format!(
                "yaml: {}",
                yaml.lines().find(|l| !l.starts_with('#')).unwrap_or("")
            ),
            Reply::Written(Err(why)) => format!("refused: {why}"),
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
            Reply::Failed(why) => format!("failed: {why}"),
        }
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

    #[test]
    fn each_request_kind_gets_its_own_answer() {
        let ladder = ladder_json();
        let roster = roster_json();
        let mut sanne = crate::paths::Profile::in_role("sw-hbo-vak");
        sanne.goals = vec!["praktijkopleider".into()];
        let mut too_long = sanne.clone();
        too_long.years_in_role = 61.0;
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
                settings: None,
            })
        };
        let with_settings = |settings: &str| {
            json(Request::Match {
                ladder: ladder.clone(),
                roster: roster.clone(),
                mode: MatchMode::Everyone,
                settings: Some(settings.into()),
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
                "ladder Stichting Welzijn Groeit".into(),
            ),
            (
                json(Request::ReadLadder(file("v.yaml", VLAK))),
                "ladder Stichting Welzijn Gelijkvloers".into(),
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
                with_settings(&crate::format::match_config_to_yaml(&MatchConfig::default())),
                format!("matched {} of {}", matched(&roster, true), mentees(&roster)),
            ),
            (
                json(Request::Match {
                    ladder: ladder.clone(),
                    roster: open.clone(),
                    mode: MatchMode::Everyone,
                    settings: Some(no_mentors),
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
                matching("{", MatchMode::Unmatched),
                "match error: rooster.json:1:1: invalid JSON: the file ends before everything is closed (the mapping in { })".into(),
            ),
            (
                json(Request::Migrate {
                    ladder: file("w.yaml", LADDER),
                    roster: Some(file("r.yaml", ROSTER_YAML)),
                }),
                format!("migrated: ladder Stichting Welzijn Groeit; roster of {} people", people()),
            ),
            (
                json(Request::Migrate {
                    ladder: file("k.yaml", &broken),
                    roster: None,
                }),
                "migrated: ladder problems: k.yaml:28:12: unknown level 'stagiair'; expected one of junior, medior, senior, lead; roster none".into(),
            ),
            (
                json(Request::WriteProfile(ProfileFile::from(sanne))),
                "yaml: schema: doorgroei/profile@1".into(),
            ),
            (
                json(Request::WriteProfile(ProfileFile::from(too_long))),
                "refused: profiel.yaml: years_in_role: invalid value 61; expected a number of years from 0 to 60".into(),
            ),
            (
                json(Request::WriteRoster(roster.clone())),
                "yaml: schema: doorgroei/roster@1".into(),
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
                "failed: not a request: unknown variant `kind`, expected one of `read_ladder`, `read_profile`, `import_roster`, `match`, `check_person`, `read_match_config`, `migrate`, `write_profile`, `write_roster` at line 1 column 7",
            ),
            (
                r#"{"frobnicate":{}}"#,
                "failed: not a request: unknown variant `frobnicate`, expected one of `read_ladder`, `read_profile`, `import_roster`, `match`, `check_person`, `read_match_config`, `migrate`, `write_profile`, `write_roster` at line 1 column 13",
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
                settings: Some("schema: doorgroei/matching@1".into()),
            },
            Request::CheckPerson {
                ladder: "{}".into(),
                roster: "{}".into(),
                at: Some(3),
                cells: vec!["a".into(), String::new()],
            },
            Request::ReadMatchConfig(file("k.yaml", "x")),
            Request::Migrate {
                ladder: file("w.yaml", "x"),
                roster: None,
            },
            Request::WriteRoster("{}".into()),
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
