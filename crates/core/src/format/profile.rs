//! `schema: doorgroei/profile@1` — a person's situation and wishes.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::error::{ErrorKind, Limit, LoadErrors, Unit};
use crate::ladder::{Education, Ladder, Proficiency, Requirement, Track};
use crate::paths::{Agreement, Profile};
use crate::suggest::closest_few;
use crate::yaml::{decode, errors_at, Document, Path, Problem, Seg};

/// The `schema:` value this version reads and writes.
pub const PROFILE_SCHEMA: &str = "doorgroei/profile@1";

/// A profile file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProfileFile {
    /// Always [`PROFILE_SCHEMA`].
    pub schema: String,
    /// The person's name (for the printed plan).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The role the person has now (an id from the ladder); left out when
    /// not known yet.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub current_role: String,
    /// Years in the current role.
    #[serde(default, serialize_with = "whole")]
    pub years_in_role: f64,
    /// Years in the profession.
    #[serde(default, serialize_with = "whole")]
    pub years_in_profession: f64,
    /// Highest completed education.
    pub education: Education,
    /// Qualifications and registrations held.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub qualifications: Vec<String>,
    /// Completed trainings and courses.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub trainings: Vec<String>,
    /// Competencies the person has shown.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub competencies: Vec<String>,
    /// Tracks the person would like to work in.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub wished_tracks: Vec<Track>,
    /// Hard wish: never a role that manages people.
    #[serde(default)]
    pub no_management: bool,
    /// Hard wish: at least this percentage of practice (casework) in every role.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_practice: Option<u8>,
    /// Contract hours per week.
    #[serde(default = "full_time", serialize_with = "whole")]
    pub hours_per_week: f64,
    /// Roles the person is aiming for.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub goals: Vec<String>,
    /// The person's own rating per competency: `nog_niet`, `basis`,
    /// `voldoende` or `sterk` (or in English).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub self_assessment: BTreeMap<String, Proficiency>,
    /// What the person and their manager agreed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub agreements: Vec<Agreement>,
}

/// A number of years or hours as a person writes it: `2`, not `2.0`.
fn whole<S: serde::Serializer>(x: &f64, s: S) -> Result<S::Ok, S::Error> {
    if x.fract() == 0.0 && x.abs() < 1e9 {
        s.serialize_i64(*x as i64)
    } else {
        s.serialize_f64(*x)
    }
}

fn full_time() -> f64 {
    36.0
}

/// `years_in_role` and `years_in_profession`: 0 to 60 years.
pub const YEARS: Limit = Limit {
    min: 0.0,
    max: 60.0,
    unit: Unit::Years,
};

/// `hours_per_week`: 1 to 80 hours, the bound of the roster's `hours` and
/// the ladder's `full_time_hours`.
pub const HOURS_PER_WEEK: Limit = Limit {
    min: 1.0,
    max: 80.0,
    unit: Unit::HoursPerWeek,
};

/// `min_practice`: a percentage.
pub const PERCENT: Limit = Limit {
    min: 0.0,
    max: 100.0,
    unit: Unit::Percent,
};

/// A number as YAML writes it: `.nan`, `.inf`, `-.inf`, and huge or tiny
/// numbers in exponent form (`1e300`, not three hundred digits).
fn number_text(x: f64) -> String {
    if x.is_nan() {
        ".nan".into()
    } else if x.is_infinite() {
        if x > 0.0 { ".inf" } else { "-.inf" }.into()
    } else if x != 0.0 && !(1e-4..1e9).contains(&x.abs()) {
        format!("{x:e}")
    } else {
        x.to_string()
    }
}

/// The profile's numbers that are outside their limits, at their fields.
fn limit_problems(f: &Profile) -> Vec<Problem> {
    let numbers = [
        ("years_in_role", f.years_in_role, YEARS),
        ("years_in_profession", f.years_in_profession, YEARS),
        ("hours_per_week", f.hours_per_week, HOURS_PER_WEEK),
        (
            "min_practice",
            f.min_practice.map_or(0.0, f64::from),
            PERCENT,
        ),
    ];
    numbers
        .into_iter()
        .filter(|(_, value, limit)| !limit.allows(*value))
        .map(|(field, value, limit)| {
            Problem::new(
                Path::default().field(field),
                ErrorKind::OutOfRange {
                    found: number_text(value),
                    limit,
                },
            )
        })
        .collect()
}

/// Checks the numbers of a profile that did not come from a file (the web
/// app's saved profile, a profile to write) against the limits the loader
/// enforces; problems are named by field, without a position.
pub fn check_profile(name: &str, profile: &Profile) -> Result<(), LoadErrors> {
    let problems = limit_problems(profile);
    if problems.is_empty() {
        Ok(())
    } else {
        Err(errors_at(name, problems, |_| None))
    }
}

/// Reads a profile and checks its role ids against `ladder`. A profile
/// without `current_role` reads (a first visit): nothing is planned for it.
pub fn load_profile(file: &str, text: &str, ladder: &Ladder) -> Result<Profile, LoadErrors> {
    load_profile_checked(file, text, ladder).map(|loaded| loaded.value)
}

/// Reads a profile like [`load_profile`], with its warnings: competencies
/// in `self_assessment` that no role of the ladder asks for and no
/// transition requires (kept: the ladder may name them again later).
pub fn load_profile_checked(
    file: &str,
    text: &str,
    ladder: &Ladder,
) -> Result<super::Loaded<Profile>, LoadErrors> {
    let doc = Document::parse(file, text)?;
    if let Some(schema) = doc.root().get("schema").and_then(|s| s.as_str()) {
        super::check_schema(schema, PROFILE_SCHEMA).map_err(|p| doc.errors(vec![p]))?;
    }
    let root = Path::default();
    let f: ProfileFile = decode(doc.root(), &root).map_err(|p| doc.errors(vec![p]))?;
    let mut problems = Vec::new();
    let mut known = |path: Path, id: &str| {
        if ladder.role(id).is_none() {
            let ids = ladder.roles().map(|(_, r)| r.id.as_str());
            problems.push(Problem::new(
                path,
                ErrorKind::UnknownRole {
                    id: id.to_string(),
                    suggestions: closest_few(id, ids.map(std::iter::once)),
                },
            ));
        }
    };
    if !f.current_role.is_empty() {
        known(root.field("current_role"), &f.current_role);
    }
    for (i, goal) in f.goals.iter().enumerate() {
        known(root.field("goals").index(i), goal);
    }
    let warnings = unknown_competencies(&f.self_assessment, ladder)
        .into_iter()
        .map(|(name, suggestions)| {
            let path = root.field("self_assessment").join(Seg::Key(name.clone()));
            Problem::new(path, ErrorKind::UnknownCompetency { name, suggestions })
        })
        .collect();
    let profile = Profile::from(f);
    problems.extend(limit_problems(&profile));
    if !problems.is_empty() {
        return Err(doc.errors(problems));
    }
    Ok(super::Loaded {
        value: profile,
        warnings: doc.errors(warnings),
    })
}

/// The rated competencies the ladder never names (not in a role's list,
/// not a transition's requirement), each with the closest names it has.
pub fn unknown_competencies(
    rated: &BTreeMap<String, Proficiency>,
    ladder: &Ladder,
) -> Vec<(String, Vec<String>)> {
    let mut names: BTreeSet<&str> = BTreeSet::new();
    for (_, role) in ladder.roles() {
        names.extend(role.competencies.iter().map(|c| c.name.as_str()));
    }
    for step in ladder.transitions() {
        for r in &step.transition.requirements {
            if let Requirement::Competency(c) = r {
                names.insert(c);
            }
        }
    }
    let known = |name: &str| {
        names
            .iter()
            .any(|n| n.trim().eq_ignore_ascii_case(name.trim()))
    };
    rated
        .keys()
        .filter(|name| !known(name))
        .map(|name| {
            let suggestions = closest_few(name, names.iter().map(|&n| std::iter::once(n)));
            (name.clone(), suggestions)
        })
        .collect()
}

/// The profile as a YAML file that [`load_profile`] reads back.
pub fn profile_to_yaml(profile: &Profile) -> String {
    let file = ProfileFile::from(profile.clone());
    let body = serde_yaml::to_string(&file).unwrap_or_default();
    format!("# yaml-language-server: $schema=./schema/profile.schema.json\n{body}")
}

impl From<ProfileFile> for Profile {
    fn from(f: ProfileFile) -> Profile {
        Profile {
            name: f.name,
            current_role: f.current_role,
            years_in_role: f.years_in_role,
            years_in_profession: f.years_in_profession,
            education: f.education,
            qualifications: f.qualifications,
            trainings: f.trainings,
            competencies: f.competencies,
            wished_tracks: f.wished_tracks,
            no_management: f.no_management,
            min_practice: f.min_practice,
            hours_per_week: f.hours_per_week,
            goals: f.goals,
            self_assessment: f.self_assessment,
            agreements: f.agreements,
        }
    }
}

impl From<Profile> for ProfileFile {
    fn from(p: Profile) -> ProfileFile {
        ProfileFile {
            schema: PROFILE_SCHEMA.into(),
            name: p.name,
            current_role: p.current_role,
            years_in_role: p.years_in_role,
            years_in_profession: p.years_in_profession,
            education: p.education,
            qualifications: p.qualifications,
            trainings: p.trainings,
            competencies: p.competencies,
            wished_tracks: p.wished_tracks,
            no_management: p.no_management,
            min_practice: p.min_practice,
            hours_per_week: p.hours_per_week,
            goals: p.goals,
            self_assessment: p.self_assessment,
            agreements: p.agreements,
        }
    }
}
