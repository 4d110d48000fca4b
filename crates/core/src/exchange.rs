//! What the web page and its worker send each other.
//!
//! The page draws and decides; it has no YAML or CSV reader, no emitter
//! and no solver (that keeps its WebAssembly small and its first draw
//! fast). Files the user opens go to the worker, which answers with these
//! replies as JSON: a ladder in its JSON form ([`crate::format::ladder_from_json`]
//! reads it), a profile, a roster with its review, or the file's problems.
//! Every answer is a pure function here, so it is tested natively.

use serde::{Deserialize, Serialize};

use crate::error::Report;
use crate::format::{
    check_profile, ladder_file_to_json, ladder_from_json, load_ladder_checked, load_ladder_file,
    load_profile, load_roster_checked, load_roster_json, load_roster_yaml, profile_to_yaml,
    roster_file_to_yaml, roster_to_json, Loaded, RosterFile,
};
use crate::matching::{assign, review, Assignment, MatchConfig};
use crate::paths::Profile;
use crate::roster::Roster;

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
/// everyone again (`full`; locked pairs stay).
pub fn match_roster(ladder_json: &str, roster_json: &str, full: bool) -> MatchReply {
    let Some(ladder) = ladder_from_json(ladder_json) else {
        return MatchReply::Error(BAD_LADDER.into());
    };
    match load_roster_json("rooster.json", roster_json, &ladder) {
        Ok(roster) => {
            let config = MatchConfig {
                rematch: full,
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

/// A profile (as JSON) written as a profile file (YAML); refused when its
/// numbers are outside the limits the file is read with.
pub fn profile_yaml(profile_json: &str) -> WriteReply {
    let profile: Profile = serde_json::from_str(profile_json).map_err(|e| e.to_string())?;
    check_profile("profiel.yaml", &profile).map_err(|e| e.to_string())?;
    Ok(profile_to_yaml(&profile))
}

/// A roster file in its JSON form written as YAML.
pub fn roster_yaml(roster_json: &str) -> WriteReply {
    let file: RosterFile = serde_json::from_str(roster_json).map_err(|e| e.to_string())?;
    Ok(roster_file_to_yaml(&file))
}
