//! Intervisie: peer-consultation groups across teams, and who is due for
//! supervision.

use serde::{Deserialize, Serialize};

/// Weights of a pair's score (whole numbers 0–1,000).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Weights {
    /// The two are in different teams.
    pub team: i64,
    /// Their roles are at the same level.
    pub level: i64,
    /// Their roles ask a different education.
    pub education: i64,
    /// They work at the same location.
    pub location: i64,
    /// Per specialism they share.
    pub specialism: i64,
    /// Taken off when they were in a group together before.
    pub earlier: i64,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            team: 10,
            level: 6,
            education: 3,
            location: 2,
            specialism: 1,
            earlier: 20,
        }
    }
}

/// Intervisie settings (file: `schema: doorgroei/intervisie@1`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IntervisieConfig {
    /// Fewest members of a group (3–10).
    pub min_size: u8,
    /// Most members of a group (3–10, at least `min_size`).
    pub max_size: u8,
    /// Weeks between a group's meetings.
    pub cadence_weeks: u8,
    /// Minutes per meeting.
    pub minutes: u16,
    /// Seniors are due for supervision when their last one is longer ago
    /// than this many years.
    pub supervision_years: u8,
    /// The weights of the score.
    pub weights: Weights,
}

impl Default for IntervisieConfig {
    fn default() -> Self {
        IntervisieConfig {
            min_size: 5,
            max_size: 7,
            cadence_weeks: 6,
            minutes: 90,
            supervision_years: 5,
            weights: Weights::default(),
        }
    }
}
