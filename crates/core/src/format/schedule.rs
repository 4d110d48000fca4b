//! `schema: doorgroei/schedule@1` — review scheduling settings.

use std::collections::BTreeSet;

use jiff::civil::Time;
use serde::{Deserialize, Serialize};

use crate::dates::{parse_date, parse_time, HourMinute, Iso};
use crate::error::{ErrorKind, Expected, Found, LoadErrors};
use crate::schedule::{HolidayRules, Liberation, ScheduleConfig};
use crate::yaml::{decode, Document, Path, Problem};

/// The `schema:` value of scheduling settings.
pub const SCHEDULE_SCHEMA: &str = "doorgroei/schedule@1";

/// A scheduling settings file; every field but `schema` is optional.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScheduleFile {
    /// Always [`SCHEDULE_SCHEMA`].
    pub schema: String,
    /// Weeks between reviews, 4 to 6 (default 4).
    #[serde(default)]
    pub cadence_weeks: Option<u8>,
    /// Months of reviews, 1 to 36 (default 12).
    #[serde(default)]
    pub months: Option<u8>,
    /// Working days a review may move, 0 to 10 (default 5).
    #[serde(default)]
    pub max_shift_days: Option<u8>,
    /// Reviews per mentor per day, 1 to 8 (default 2).
    #[serde(default)]
    pub max_per_day: Option<u8>,
    /// Minutes per review, 15 to 240 (default 60).
    #[serde(default)]
    pub slot_minutes: Option<u16>,
    /// `HH:MM` (default `09:00`).
    #[serde(default)]
    pub day_start: Option<String>,
    /// `HH:MM` (default `17:00`).
    #[serde(default)]
    pub day_end: Option<String>,
    /// Goede Vrijdag is a day off (default false).
    #[serde(default)]
    pub good_friday: bool,
    /// `every-year` or `lustrum` (default `lustrum`).
    #[serde(default)]
    pub liberation_day: Liberation,
    /// The organisation's own closing days, `YYYY-MM-DD`.
    #[serde(default)]
    pub closing_days: Vec<String>,
    /// Spread the first reviews over the first cadence period and the
    /// times over the day (default true).
    #[serde(default)]
    pub stagger: Option<bool>,
}

/// Reads scheduling settings.
pub fn load_schedule_config(file: &str, text: &str) -> Result<ScheduleConfig, LoadErrors> {
    let doc = Document::parse(file, text)?;
    if let Some(schema) = doc.root().get("schema").and_then(|s| s.as_str()) {
        super::check_schema(schema, SCHEDULE_SCHEMA).map_err(|p| doc.errors(vec![p]))?;
    }
    let f: ScheduleFile = decode(doc.root(), &Path::default()).map_err(|p| doc.errors(vec![p]))?;
    settings_of(&f).map_err(|problems| doc.errors(problems))
}

impl ScheduleFile {
    /// The settings this file gives, when every field is within its limits
    /// (as [`load_schedule_config`] checks them). The web app keeps and
    /// sends its scheduling settings in this form.
    pub fn config(&self) -> Option<ScheduleConfig> {
        settings_of(self).ok()
    }
}

impl From<&ScheduleConfig> for ScheduleFile {
    /// Every field spelt out.
    fn from(c: &ScheduleConfig) -> ScheduleFile {
        ScheduleFile {
            schema: SCHEDULE_SCHEMA.to_string(),
            cadence_weeks: Some(c.cadence_weeks),
            months: Some(c.months),
            max_shift_days: Some(c.max_shift),
            max_per_day: Some(c.max_per_day),
            slot_minutes: Some(c.slot_minutes),
            day_start: Some(HourMinute(c.day_start).to_string()),
            day_end: Some(HourMinute(c.day_end).to_string()),
            good_friday: c.holidays.good_friday,
            liberation_day: c.holidays.liberation,
            closing_days: c.closing_days.iter().map(|d| Iso(*d).to_string()).collect(),
            stagger: Some(c.stagger),
        }
    }
}

/// Scheduling settings as a file (`planning.yaml`) with every field spelt
/// out, in the layout of the documentation; [`load_schedule_config`] reads
/// it back as the same settings.
pub fn schedule_config_to_yaml(c: &ScheduleConfig) -> String {
    let closing: Vec<String> = c.closing_days.iter().map(|d| Iso(*d).to_string()).collect();
    format!(
        "# yaml-language-server: $schema=./schema/schedule.schema.json\n\
         schema: {SCHEDULE_SCHEMA}\n\
         cadence_weeks: {}\n\
         months: {}\n\
         max_shift_days: {}\n\
         max_per_day: {}\n\
         slot_minutes: {}\n\
         day_start: \"{}\"\n\
         day_end: \"{}\"\n\
         good_friday: {}\n\
         liberation_day: {}\n\
         closing_days: [{}]\n\
         stagger: {}\n",
        c.cadence_weeks,
        c.months,
        c.max_shift,
        c.max_per_day,
        c.slot_minutes,
        HourMinute(c.day_start),
        HourMinute(c.day_end),
        c.holidays.good_friday,
        match c.holidays.liberation {
            Liberation::EveryYear => "every-year",
            Liberation::Lustrum => "lustrum",
        },
        closing.join(", "),
        c.stagger,
    )
}

/// The settings `f` gives, or the problems of its fields.
fn settings_of(f: &ScheduleFile) -> Result<ScheduleConfig, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut config = ScheduleConfig::default();
    let mut range = |field: &str, value: Option<i64>, low: i64, high: i64| -> Option<i64> {
        let v = value?;
        if (low..=high).contains(&v) {
            Some(v)
        } else {
            problems.push(Problem::new(
                Path::default().field(field),
                ErrorKind::InvalidValue {
                    expected: Expected::WholeNumber {
                        min: Some(low),
                        max: Some(high),
                    },
                    found: Found::Number(v.to_string()),
                },
            ));
            None
        }
    };
    if let Some(v) = range("cadence_weeks", f.cadence_weeks.map(i64::from), 4, 6) {
        config.cadence_weeks = v as u8;
    }
    if let Some(v) = range("months", f.months.map(i64::from), 1, 36) {
        config.months = v as u8;
    }
    if let Some(v) = range("max_shift_days", f.max_shift_days.map(i64::from), 0, 10) {
        config.max_shift = v as u8;
    }
    if let Some(v) = range("max_per_day", f.max_per_day.map(i64::from), 1, 8) {
        config.max_per_day = v as u8;
    }
    if let Some(v) = range("slot_minutes", f.slot_minutes.map(i64::from), 15, 240) {
        config.slot_minutes = v as u16;
    }
    let mut time = |field: &str, value: &Option<String>| -> Option<Time> {
        let text = value.as_deref()?;
        match parse_time(text) {
            Some(t) => Some(t),
            None => {
                problems.push(Problem::new(
                    Path::default().field(field),
                    ErrorKind::InvalidValue {
                        expected: Expected::Time,
                        found: Found::Text(text.to_string()),
                    },
                ));
                None
            }
        }
    };
    if let Some(t) = time("day_start", &f.day_start) {
        config.day_start = t;
    }
    if let Some(t) = time("day_end", &f.day_end) {
        config.day_end = t;
    }
    if config.day_end <= config.day_start {
        problems.push(Problem::new(
            Path::default().field("day_end"),
            ErrorKind::InvalidValue {
                expected: Expected::TimeAfter("day_start".into()),
                found: Found::Text(HourMinute(config.day_end).to_string()),
            },
        ));
    }
    config.holidays = HolidayRules {
        good_friday: f.good_friday,
        liberation: f.liberation_day,
    };
    config.stagger = f.stagger.unwrap_or(true);
    let mut closing = BTreeSet::new();
    for (k, text) in f.closing_days.iter().enumerate() {
        match parse_date(text) {
            Some(d) => {
                closing.insert(d);
            }
            None => problems.push(Problem::new(
                Path::default().field("closing_days").index(k),
                ErrorKind::InvalidValue {
                    expected: Expected::Date,
                    found: Found::Text(text.to_string()),
                },
            )),
        }
    }
    config.closing_days = closing;
    if problems.is_empty() {
        Ok(config)
    } else {
        Err(problems)
    }
}
