//! The Intervisie room's requests: form the groups, form them again around
//! the locked ones, move a person, and write the groups' table and
//! calendar files and the supervision list. The room keeps the groups
//! ([`Held`]) and sends them with every step; the worker (the programme
//! module) answers each step with the groups in words and their meetings,
//! so a move is checked by the same rules the solver keeps.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::{Packed, TextFile, BAD_LADDER, BAD_SETTINGS};
use crate::error::Report;
use crate::format::{
    grouping_to_csv, ladder_from_json, load_earlier, load_intervisie_config, load_roster_json,
    meeting_file_names, meetings_to_ics, supervision_to_csv, ScheduleFile,
};
use crate::i18n::{Bilingual, Lang};
use crate::intervisie::{
    arrange, meetings, move_person, reform, supervision_due, Due, Earlier, Grouping, Held,
    IntervisieConfig, Meetings,
};
use crate::ladder::Ladder;
use crate::roster::Roster;
use crate::schedule::ScheduleConfig;

/// One step in the Intervisie room.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IntervisieRequest {
    /// The ladder in its JSON form.
    pub ladder: String,
    /// The roster in its JSON form.
    pub roster: String,
    /// The intervisie settings as a `doorgroei/intervisie@1` file.
    pub settings: TextFile,
    /// Last year's groups (the JSON or CSV the room or the CLI wrote), if
    /// the coordinator opened such a file.
    #[serde(default)]
    pub earlier: Option<TextFile>,
    /// The scheduling settings (holidays, closing days, the day's first
    /// time, how far a meeting may move); `None`: the defaults.
    #[serde(default)]
    pub schedule: Option<Packed<ScheduleFile>>,
    /// The groups as the room holds them.
    #[serde(default)]
    pub held: Vec<Held>,
    /// The first day meetings may be on.
    #[serde(with = "crate::dates::date")]
    pub start: Date,
    /// How many months of meetings, 1 to 36.
    pub months: u8,
    /// What to do.
    pub step: IntervisieStep,
}

/// What an [`IntervisieRequest`] asks.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IntervisieStep {
    /// Form the groups: the locked ones of `held` stay, everyone else is
    /// grouped anew ([`IntervisieReply::Groups`]).
    Form,
    /// The held groups in words, unchanged ([`IntervisieReply::Groups`]).
    Arrange,
    /// Move a person to a group (its place, from 0):
    /// [`IntervisieReply::Groups`], with the refusal when the move breaks
    /// a rule (the groups then as they were).
    Move {
        /// The person's id.
        who: String,
        /// The group's place in `held`.
        to: usize,
    },
    /// The held groups as a table (`doorgroei intervisie --format csv`):
    /// [`IntervisieReply::File`].
    Table {
        /// The language of the column names.
        lang: Lang,
    },
    /// The meetings as iCalendar: every group's, or one group's.
    Calendar {
        /// Only this group (its place, from 0).
        group: Option<usize>,
        /// The language of the texts.
        lang: Lang,
        /// When the file is made (DTSTAMP), milliseconds since 1970.
        stamp: i64,
    },
    /// Who is due for supervision on a day: [`IntervisieReply::Due`].
    Supervision {
        /// The page's today.
        #[serde(with = "crate::dates::date")]
        today: Date,
    },
    /// Read a settings file the coordinator opened (a
    /// `doorgroei/intervisie@1` file): [`IntervisieReply::Settings`], or
    /// [`IntervisieReply::Problems`] with every problem at its line and
    /// column. Only `file` is read (not the ladder, the roster or the
    /// request's own settings).
    ReadSettings {
        /// The file as opened.
        file: TextFile,
    },
    /// The supervision list as a table: [`IntervisieReply::File`].
    SupervisionTable {
        /// The page's today.
        #[serde(with = "crate::dates::date")]
        today: Date,
        /// The language of the column names.
        lang: Lang,
    },
}

/// The answer to an [`IntervisieRequest`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IntervisieReply {
    /// The groups in words and their meetings; `refused`: why a move was
    /// not made.
    Groups {
        /// The groups, the people in none, the total and the bound.
        grouping: Grouping,
        /// The meetings from `start` for `months`.
        meetings: Meetings,
        /// Why the move asked was not made.
        refused: Option<Bilingual>,
        /// How many pairs of colleagues the earlier groups' file holds
        /// (when one was sent).
        earlier_pairs: Option<usize>,
    },
    /// A file to download.
    File {
        /// Its name in the language asked.
        name: String,
        /// Its text.
        text: String,
    },
    /// Who is due for supervision, longest ago first.
    Due(Vec<Due>),
    /// The settings read from a file ([`IntervisieStep::ReadSettings`]).
    Settings(IntervisieConfig),
    /// The settings or the earlier groups' file could not be read (or,
    /// to [`IntervisieStep::ReadSettings`], the file opened).
    Problems(Report),
    /// No answer, and why (only a bug on the page causes this).
    Failed(String),
}

/// Answers one step of the Intervisie room.
pub fn answer_intervisie(request: &IntervisieRequest) -> IntervisieReply {
    match step(request) {
        Ok(reply) => reply,
        Err(reply) => *reply,
    }
}

fn step(r: &IntervisieRequest) -> Result<IntervisieReply, Box<IntervisieReply>> {
    let failed = |why: &str| Box::new(IntervisieReply::Failed(why.to_string()));
    if let IntervisieStep::ReadSettings { file } = &r.step {
        return load_intervisie_config(&file.name, &file.text)
            .map(IntervisieReply::Settings)
            .map_err(|errors| Box::new(IntervisieReply::Problems(errors.report())));
    }
    if !(1..=36).contains(&r.months) {
        return Err(failed("months outside 1 to 36"));
    }
    let ladder: Ladder = ladder_from_json(&r.ladder).ok_or_else(|| failed(BAD_LADDER))?;
    let mut roster: Roster = load_roster_json("rooster.json", &r.roster, &ladder)
        .map_err(|errors| Box::new(IntervisieReply::Failed(errors.to_string())))?;
    // Who has left by the first meetings takes no part (nor is due for
    // supervision); a group that had them says so ("doet niet meer mee").
    roster.people.retain(|p| !p.has_left(Some(r.start)));
    let config: IntervisieConfig = load_intervisie_config(&r.settings.name, &r.settings.text)
        .map_err(|errors| Box::new(IntervisieReply::Problems(errors.report())))?;
    let (earlier, earlier_pairs) = match &r.earlier {
        None => (Earlier::default(), None),
        Some(file) => {
            let read = load_earlier(&file.name, file.text.as_bytes())
                .map_err(|errors| Box::new(IntervisieReply::Problems(errors.report())))?;
            let pairs = read.len();
            (read, Some(pairs))
        }
    };
    let schedule = match &r.schedule {
        None => ScheduleConfig::default(),
        Some(file) => file
            .open()
            .ok()
            .and_then(|f| f.config())
            .ok_or_else(|| failed(BAD_SETTINGS))?,
    };
    let plan = |grouping: &Grouping| {
        meetings(
            &roster,
            &grouping.groups,
            r.start,
            r.months,
            &config,
            &schedule,
        )
    };
    let groups = |grouping: Grouping, refused: Option<Bilingual>| IntervisieReply::Groups {
        meetings: plan(&grouping),
        grouping,
        refused,
        earlier_pairs,
    };
    let arranged = || arrange(&ladder, &roster, &config, &earlier, &r.held);
    Ok(match &r.step {
        IntervisieStep::Form => groups(reform(&ladder, &roster, &config, &earlier, &r.held), None),
        IntervisieStep::Arrange => groups(arranged(), None),
        IntervisieStep::Move { who, to } => {
            match move_person(&ladder, &roster, &config, &earlier, &r.held, who, *to) {
                Ok(held) => groups(arrange(&ladder, &roster, &config, &earlier, &held), None),
                Err(why) => groups(arranged(), Some(why)),
            }
        }
        IntervisieStep::Table { lang } => IntervisieReply::File {
            name: match lang {
                Lang::Nl => "intervisiegroepen.csv",
                Lang::En => "intervisie-groups.csv",
            }
            .to_string(),
            text: grouping_to_csv(&arranged(), &roster, &ladder, *lang),
        },
        IntervisieStep::Calendar { group, lang, stamp } => {
            let grouping = arranged();
            let plan = plan(&grouping);
            let stamp = jiff::Timestamp::from_millisecond(*stamp)
                .map_err(|_| failed("the clock's time is outside the calendar"))?;
            let (all, each) = meeting_file_names(grouping.groups.len(), *lang);
            let name = match group {
                None => all,
                Some(k) => each
                    .get(*k)
                    .cloned()
                    .ok_or_else(|| failed("no such group"))?,
            };
            let text = meetings_to_ics(&plan, &grouping.groups, &roster, *lang, stamp, *group);
            IntervisieReply::File { name, text }
        }
        // Answered above, before the ladder and the roster are read.
        IntervisieStep::ReadSettings { .. } => return Err(failed("settings read twice")),
        IntervisieStep::Supervision { today } => {
            IntervisieReply::Due(supervision_due(&ladder, &roster, &config, *today))
        }
        IntervisieStep::SupervisionTable { today, lang } => {
            let due = supervision_due(&ladder, &roster, &config, *today);
            IntervisieReply::File {
                name: match lang {
                    Lang::Nl => "supervisie.csv",
                    Lang::En => "supervision.csv",
                }
                .to_string(),
                text: supervision_to_csv(&due, &roster, &ladder, *lang),
            }
        }
    })
}
