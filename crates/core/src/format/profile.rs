//! `schema: doorgroei/profile@1` — a person's situation and wishes.

use serde::{Deserialize, Serialize};

use crate::error::{ErrorKind, Limit, LoadErrors, Unit};
use crate::ladder::{Education, Ladder, Track};
use crate::paths::Profile;
use crate::suggest::closest_few;
use crate::yaml::{decode, errors_at, Document, Path, Problem};

/// The `schema:` value this version reads and writes.
pub const PROFILE_SCHEMA: &str = "doorgroei/profile@1";

/// A profile file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProfileFile {
    /// Always [`PROFILE_SCHEMA`].
    pub schema: String,
    /// The role the person has now (an id from the ladder).
    pub current_role: String,
    /// Years in the current role.
    #[serde(default)]
    pub years_in_role: f64,
    /// Years in the profession.
    #[serde(default)]
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
    #[serde(default = "full_time")]
    pub hours_per_week: f64,
    /// Roles the person is aiming for.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub goals: Vec<String>,
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

/// Reads a profile and checks its role ids against `ladder`.
pub fn load_profile(file: &str, text: &str, ladder: &Ladder) -> Result<Profile, LoadErrors> {
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
    known(root.field("current_role"), &f.current_role);
    for (i, goal) in f.goals.iter().enumerate() {
        known(root.field("goals").index(i), goal);
    }
    let profile = Profile::from(f);
    problems.extend(limit_problems(&profile));
    if !problems.is_empty() {
        return Err(doc.errors(problems));
    }
    Ok(profile)
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
        }
    }
}

impl From<Profile> for ProfileFile {
    fn from(p: Profile) -> ProfileFile {
        ProfileFile {
            schema: PROFILE_SCHEMA.into(),
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
        }
    }
}
