//! The file formats, as serde types, and loading them into the model.
//!
//! The types here are the compatibility boundary: they change only with a
//! new `schema:` version. The model in [`crate::ladder`] is free to change.

mod calendar;
mod columns;
mod intervisie;
mod ladder;
mod ladder_yaml;
mod log;
mod pairs;
mod profile;
mod roster;
mod schedule;
mod spreadsheet;
mod table;
mod values;

pub use ladder::{
    check_ladder_file, ladder_file_to_json, ladder_from_json, ladder_warnings, load_ladder,
    load_ladder_checked, load_ladder_file, Checked, LadderFile, PartTimeFile, PayScaleFile,
    RoleFile, ScaleFile, TransitionFile, LADDER_SCHEMA, MAX_ROLES, MAX_TRANSITIONS,
};
pub use ladder_yaml::{ladder_file_to_yaml, loses_comments, LADDER_SCHEMA_COMMENT};
pub use log::{
    load_log, load_log_csv, load_log_yaml, log_to_csv, log_to_yaml, status_word, LogField,
    LOG_SCHEMA, MAX_LOG_ENTRIES, MAX_MINUTES,
};
pub use pairs::{load_pairs, BrokenRule, EndedEntry, PairEntry, PairsFile, UnmatchedEntry};
pub use profile::{
    check_profile, load_profile, load_profile_checked, profile_to_yaml, unknown_competencies,
    ProfileFile, HOURS_PER_WEEK, PERCENT, PROFILE_SCHEMA, YEARS,
};
mod matching;

pub use crate::dates::parse_time;
pub use calendar::{
    calendar_file_names, meeting_file_names, meetings_to_ics, schedule_to_csv, schedule_to_ics,
    uid, CalendarFile, TZID,
};
pub use columns::{
    header_key, header_row, load_columns, near_field, normalise, plain, preview, recognise,
    ColumnMap, ColumnPreview, ColumnsFile, Field, COLUMNS_SCHEMA,
};
pub use intervisie::{
    grouping_to_csv, load_earlier, load_intervisie_config, supervision_to_csv, GroupEntry,
    GroupsFile, IntervisieFile, LeftOutEntry, GROUP_SIZES, INTERVISIE_SCHEMA,
};
pub use matching::{
    load_match_config, match_config_from_written, match_config_to_yaml, MatchConfigFile,
    MATCHING_SCHEMA, MAX_WEIGHT,
};
pub use roster::{
    check_person, csv_cell, csv_table, decode_roster_text, decode_text, find_header, is_csv,
    load_roster, load_roster_checked, load_roster_csv, load_roster_json, load_roster_json_checked,
    load_roster_with, load_roster_yaml, load_table, pairs_to_csv, person_cells, person_form_cells,
    roster_file_from_json, roster_file_to_yaml, roster_from_file, roster_from_json, roster_table,
    roster_to_csv, roster_to_file, roster_to_json, roster_to_yaml, table_header, Loaded,
    PersonFile, ReadOptions, RosterFile, CSV_COLUMNS, MAX_CAPACITY, MAX_JSON_FORM_BYTES,
    MAX_PEOPLE, PERSON_FIELDS, ROSTER_SCHEMA,
};
pub use schedule::{load_schedule_config, schedule_config_to_yaml, ScheduleFile, SCHEDULE_SCHEMA};
pub use spreadsheet::{
    is_spreadsheet, sheet_table, MAX_SHEET_CELLS, MAX_UNPACKED, MAX_UNPACKED_PART,
};
#[cfg(feature = "xlsx")]
pub use spreadsheet::{read_sheet, sheet_names};
pub use table::{column_letters, Cell, Row, Table};
pub use values::{is_email, read_bool, read_date, read_days, read_number, read_period};

use crate::error::ErrorKind;
use crate::yaml::{Path, Problem};

/// Checks a document's `schema:` value.
pub(crate) fn check_schema(found: &str, supported: &str) -> Result<(), Problem> {
    if found == supported {
        Ok(())
    } else {
        Err(Problem::new(
            Path::default().field("schema"),
            ErrorKind::UnsupportedSchema {
                found: found.to_string(),
                supported: supported.to_string(),
            },
        ))
    }
}
