//! The Besprekingen room: what the coordinator set for the schedule (start,
//! months, cadence), the month shown and the person whose calendar file is
//! offered, and the schedule itself: made by the core in the worker from
//! the session's roster, asked for whenever the roster or a setting
//! changes (only the answer to the last request counts). Here also the
//! grouping of its reviews per pair.

use std::collections::BTreeMap;
use std::rc::Rc;

use doorgroei::dates::parse_time;
use doorgroei::error::Report;
use doorgroei::exchange::{
    scheduled_pairs, CalendarPerson, LogImport, Packed, Progress, ProgressRequest, Reply, Request,
    Reviews, ScheduleReply, ScheduleRequest, TextFile,
};
use doorgroei::format::read_date;
use doorgroei::format::ScheduleFile;
use doorgroei::programme::{LogEntry, Outcome};
use doorgroei::schedule::{Liberation, PairRef, Review, Rhythm, ScheduleConfig, Summary, Unplaced};
use doorgroei::Lang;
use jiff::civil::Date;
use yew::Reducible;

use crate::session::{LadderInUse, RosterInUse};
use crate::shared::worker::no_answer;
use crate::shared::Shared;
use doorgroei::dates::month_name;

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// The first day reviews may be planned on.
    pub start: Date,
    /// How long the reviews go on, 1 to 36 months.
    pub months: u8,
    /// Weeks between a pair's reviews, 4 to 6.
    pub cadence: u8,
    /// The month the grid shows (year, month 1–12): the start's, until
    /// the coordinator moves it.
    pub shown: (i16, i8),
    /// What was typed as the start when it is not a date (the start stays
    /// as it was).
    pub start_typed: Option<String>,
    /// What is in the start field while it is being typed (not yet
    /// confirmed): the field shows it whatever else is drawn meanwhile.
    pub start_draft: Option<String>,
    /// The day whose reviews are all listed (a day cell shows a few).
    pub open_day: Option<Date>,
    /// Whose calendar file to download (an id; empty: nobody chosen).
    pub person: String,
    /// The other scheduling settings (the panel *Instellingen planning*).
    pub more: More,
    /// Today (the browser's): the day the programme's status is for.
    pub today: Date,
    /// The review log: what became of the reviews.
    pub log: Shared<Log>,
    /// The review whose new date is being asked for ("verzet naar…"),
    /// and what was typed as it when it was no date.
    pub moving: Option<(LogKey, Option<String>)>,
    /// A review log file the worker is reading.
    pub reading_log: Option<Shared<LogImport>>,
    /// The problems of the log file read last.
    pub log_errors: Option<Rc<Report>>,
    /// The programme's status asked of the worker, for the schedule and
    /// log as they are.
    pub progressing: Option<Shared<ProgressAsked>>,
    /// The last status the worker worked out.
    pub progress: Option<(Shared<ProgressAsked>, Shared<Progress>)>,
    /// Why the status asked last could not be worked out.
    pub progress_failed: Option<String>,
    /// The roster whose pairs meet (the Mentorkoppeling room's).
    pub roster: Option<Shared<RosterInUse>>,
    /// The schedule asked of the worker, for the roster and settings as they are.
    pub asking: Option<Shared<Asked>>,
    /// The last schedule the worker made (shown while a newer one is made).
    pub planned: Option<Shared<Planned>>,
    /// The schedule asked for last, when it could not be made, and why
    /// (it is not asked again until the roster or a setting changes).
    pub failed: Option<(Shared<Asked>, String)>,
    /// The pairs' rhythms in the last schedule made (or as this browser
    /// kept them): the next schedule keeps them, so that a roster change
    /// moves only the reviews of the people it concerns.
    pub rhythms: Shared<Vec<Rhythm>>,
    /// The settings the rhythms were made with (as [`State::kept`] writes
    /// them): a roster change keeps the rhythms, a change of a setting
    /// plans anew without them, as the command line does with those
    /// settings.
    pub rhythms_of: String,
}

/// The review log, with each entry found by its review.
#[derive(Debug, Default, PartialEq)]
pub struct Log {
    /// In the order entered (a file's in its order).
    pub entries: Vec<LogEntry>,
    /// Where each review's entry is.
    index: BTreeMap<LogKey, usize>,
}

/// A review as the log names it: its pair and its planned date.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct LogKey {
    pub mentee: String,
    pub mentor: String,
    pub date: Date,
}

impl LogKey {
    /// The key of a placed review.
    pub fn of(review: &Review) -> LogKey {
        LogKey {
            mentee: review.mentee.clone(),
            mentor: review.mentor.clone(),
            date: review.date,
        }
    }
}

impl Log {
    /// A log of `entries` (the last of two for one review counts).
    pub fn new(entries: Vec<LogEntry>) -> Log {
        let mut log = Log::default();
        for e in entries {
            log.set(
                LogKey {
                    mentee: e.mentee.clone(),
                    mentor: e.mentor.clone(),
                    date: e.date,
                },
                Some((e.status, e.minutes)),
            );
        }
        log
    }

    /// What became of the review `key`, if it is logged.
    pub fn outcome(&self, key: &LogKey) -> Option<Outcome> {
        self.index.get(key).map(|&i| self.entries[i].status)
    }

    /// Logs (or with `None`, unlogs) the review `key`.
    fn set(&mut self, key: LogKey, outcome: Option<(Outcome, u16)>) {
        match (self.index.get(&key).copied(), outcome) {
            (Some(i), Some((status, minutes))) => {
                self.entries[i].status = status;
                self.entries[i].minutes = minutes;
            }
            (None, Some((status, minutes))) => {
                self.index.insert(key.clone(), self.entries.len());
                self.entries.push(LogEntry {
                    date: key.date,
                    mentor: key.mentor,
                    mentee: key.mentee,
                    status,
                    minutes,
                });
            }
            (Some(i), None) => {
                self.entries.remove(i);
                self.index.remove(&key);
                for at in self.index.values_mut() {
                    if *at > i {
                        *at -= 1;
                    }
                }
            }
            (None, None) => {}
        }
    }

    /// The log as this browser keeps it.
    pub fn kept(&self) -> String {
        serde_json::to_string(&KeptLog {
            version: 1,
            reviews: self.entries.clone(),
        })
        .unwrap_or_default()
    }

    /// The log this browser kept, or an empty one when it cannot be read.
    pub fn from_kept(kept: &str) -> Log {
        serde_json::from_str::<KeptLog>(kept)
            .ok()
            .filter(|k| k.version == 1)
            .map_or_else(Log::default, |k| Log::new(k.reviews))
    }
}

/// Where the room keeps its review log in this browser.
pub const LOG_KEY: &str = "doorgroei.verslag";

#[derive(serde::Serialize, serde::Deserialize)]
struct KeptLog {
    version: u32,
    reviews: Vec<LogEntry>,
}

/// The programme's status asked of the worker: of this schedule, with this log.
#[derive(Debug)]
pub struct ProgressAsked {
    pub planned: Shared<Planned>,
    pub log: Shared<Log>,
    pub today: Date,
}

/// A schedule asked of the worker: of this roster's pairs, with these settings.
#[derive(Debug)]
pub struct Asked {
    pub roster: Shared<RosterInUse>,
    pub start: Date,
    pub months: u8,
    pub cadence: u8,
    /// The other settings (their months and cadence do not count).
    pub more: ScheduleConfig,
    /// The rhythms of the schedule before, which the pairs still there
    /// keep (not a setting: a new schedule with other rhythms is not asked
    /// again for them).
    pub keep: Shared<Vec<Rhythm>>,
}

/// The scheduling settings beyond start, months and cadence, as the panel
/// shows them: everything a `doorgroei/schedule@1` file holds.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct More {
    /// The settings in use (their `months` and `cadence_weeks` are the
    /// room's, not these).
    pub config: ScheduleConfig,
    /// What is in a field while it is being typed (not yet confirmed).
    pub drafts: BTreeMap<Field, String>,
    /// A field whose confirmed text could not be taken, and that text:
    /// the setting stays as it was.
    pub refused: Option<(Field, String)>,
    /// A settings file the worker is reading.
    pub reading: Option<Shared<TextFile>>,
    /// The problems of the settings file read last.
    pub errors: Option<Rc<Report>>,
}

/// A typed field of the settings panel.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    /// Working days a review may move (0–10).
    Shift,
    /// Reviews per mentor per day (1–8).
    PerDay,
    /// Minutes per review (15–240).
    Slot,
    /// The first start time of a day (`HH:MM`).
    DayStart,
    /// Reviews end by then (`HH:MM`, after the first start time).
    DayEnd,
    /// A closing day to add.
    Closing,
}

impl Field {
    /// The whole numbers a numeric field takes.
    pub fn range(self) -> Option<(u16, u16)> {
        match self {
            Field::Shift => Some((0, 10)),
            Field::PerDay => Some((1, 8)),
            Field::Slot => Some((15, 240)),
            Field::DayStart | Field::DayEnd | Field::Closing => None,
        }
    }
}

/// A schedule the worker made, and the reviews of each pair.
#[derive(Debug)]
pub struct Planned {
    /// What it was made for.
    pub asked: Shared<Asked>,
    /// The roster's pairs, in its order.
    pub pairs: Vec<PairRef>,
    /// The reviews placed, by date.
    pub reviews: Shared<Vec<Review>>,
    /// The reviews that could not be placed.
    pub unplaced: Vec<Unplaced>,
    /// The schedule in a few sentences.
    pub summary: Summary,
    /// Everyone with reviews (mentors first, by name) and their own
    /// calendar file's name.
    pub people: Vec<CalendarPerson>,
    /// The positions in `reviews` of each pair's reviews, in the order of
    /// `pairs` (the worker's `schedule::per_pair`).
    pub grouped: Vec<Vec<usize>>,
    /// Each pair's rhythm in this schedule: asked with these, the worker
    /// makes it again exactly (for its calendar files and status).
    pub rhythms: Shared<Vec<Rhythm>>,
}

/// The settings as the form gives them (text), the month buttons, the
/// roster shown and the worker's answer.
pub enum Action {
    SetStart(String),
    /// The start field as it is being typed.
    TypeStart(String),
    SetMonths(String),
    /// List all reviews of the day (again: close the list).
    OpenDay(Date),
    SetCadence(String),
    /// Show the month `n` months later (earlier when negative).
    Step(i8),
    ChoosePerson(String),
    /// A settings panel field as it is being typed.
    Type(Field, String),
    /// A settings panel field confirmed (for `Closing`: the day added).
    Set(Field, String),
    GoodFriday(bool),
    /// Bevrijdingsdag off every year (`false`: in lustrum years).
    LiberationEveryYear(bool),
    Stagger(bool),
    RemoveClosing(Date),
    /// The panel's settings back to the defaults.
    DefaultSettings,
    /// A settings file chosen: the worker reads it.
    OpenSettings(TextFile),
    /// The worker's answer about a settings file.
    SettingsRead(Shared<TextFile>, Box<Reply>),
    DismissSettingsErrors,
    /// The roster (or none) whose pairs the schedule is for.
    Roster(Option<Shared<RosterInUse>>),
    /// The worker's answer to a schedule asked for.
    /// (The reply read already: see [`opened`].)
    Planned(Shared<Asked>, Box<ScheduleReply>),
    /// What became of a review (`None`: not logged).
    Mark(LogKey, Option<Outcome>),
    /// A review moved: its new date is asked for.
    AskMove(LogKey),
    /// The new date of the review being moved, as typed.
    MoveTo(LogKey, String),
    CancelMove,
    /// A review log file chosen (name and bytes): the worker reads it.
    OpenLog(String, Vec<u8>),
    /// The worker's answer about a log file.
    LogRead(Shared<LogImport>, Box<Reply>),
    DismissLogErrors,
    /// The worker's answer to the programme's status asked for.
    Progressed(Shared<ProgressAsked>, Box<Reply>),
}

/// Where the room keeps the pairs' rhythms in this browser ("Al mijn
/// gegevens wissen" removes it with the rest).
pub const RHYTHMS_KEY: &str = "doorgroei.ritme";

/// The pairs' rhythms as kept in this browser, with the settings of the
/// schedule they come from.
#[derive(serde::Serialize, serde::Deserialize)]
struct KeptRhythms {
    version: u8,
    settings: String,
    rhythms: Vec<Rhythm>,
}

/// The pairs' rhythms as this browser keeps them (ids, dates and times:
/// nothing else of the people), with the settings they were made with.
pub fn kept_rhythms(state: &State) -> String {
    serde_json::to_string(&KeptRhythms {
        version: 1,
        settings: state.rhythms_of.clone(),
        rhythms: state.rhythms.to_vec(),
    })
    .unwrap_or_default()
}

/// The settings as this browser keeps them (JSON).
fn settings_text(start: Date, months: u8, cadence: u8, config: &ScheduleConfig) -> String {
    let kept = Kept {
        start,
        months,
        cadence,
        settings: Some(ScheduleFile::from(config)),
    };
    serde_json::to_string(&kept).unwrap_or_default()
}

/// Where the room keeps its settings in this browser ("Al mijn gegevens
/// wissen" removes it with the rest).
pub const SETTINGS_KEY: &str = "doorgroei.besprekingen";

/// The settings as kept in this browser.
#[derive(serde::Serialize, serde::Deserialize)]
struct Kept {
    #[serde(with = "doorgroei::dates::date")]
    start: Date,
    months: u8,
    cadence: u8,
    /// The other settings (kept since the settings panel).
    #[serde(default)]
    settings: Option<ScheduleFile>,
}

impl State {
    /// The settings as this browser keeps them (JSON).
    pub fn kept(&self) -> String {
        settings_text(self.start, self.months, self.cadence, &self.more.config)
    }

    /// With the settings this browser kept (`kept`), within their limits;
    /// what cannot be read leaves the settings as they are.
    pub fn with_kept(self, kept: &str) -> State {
        let Ok(kept) = serde_json::from_str::<Kept>(kept) else {
            return self;
        };
        let config = kept.settings.and_then(|f| f.config());
        State {
            more: More {
                config: config.unwrap_or_default(),
                ..self.more
            },
            start: kept.start,
            months: kept.months.clamp(1, 36),
            cadence: kept.cadence.clamp(4, 6),
            shown: (kept.start.year(), kept.start.month()),
            ..self
        }
        .ask()
    }

    /// With the review log this browser kept (`kept`); one that cannot be
    /// read leaves the log empty.
    pub fn with_log(self, kept: &str) -> State {
        State {
            log: Shared::new(Log::from_kept(kept)),
            ..self
        }
        .ask()
    }

    /// From `today`, a year of four-weekly reviews for `roster`'s pairs;
    /// today's month shown.
    pub fn new(today: Date, roster: Option<Shared<RosterInUse>>) -> State {
        State {
            start: today,
            months: 12,
            cadence: 4,
            shown: (today.year(), today.month()),
            start_typed: None,
            start_draft: None,
            open_day: None,
            person: String::new(),
            more: More::default(),
            today,
            log: Shared::new(Log::default()),
            moving: None,
            reading_log: None,
            log_errors: None,
            progressing: None,
            progress: None,
            progress_failed: None,
            roster,
            asking: None,
            planned: None,
            failed: None,
            rhythms: Shared::new(Vec::new()),
            rhythms_of: String::new(),
        }
        .ask()
    }

    /// With the pairs' rhythms this browser kept (`kept`, as
    /// [`kept_rhythms`] writes them); what cannot be read is no
    /// rhythm.
    pub fn with_rhythms(self, kept: &str) -> State {
        let Some(kept) = serde_json::from_str::<KeptRhythms>(kept)
            .ok()
            .filter(|k| k.version == 1)
        else {
            return self;
        };
        State {
            rhythms: Shared::new(kept.rhythms),
            rhythms_of: kept.settings,
            asking: None,
            ..self
        }
        .ask()
    }

    /// Asks for the schedule of the roster and settings as they are, unless
    /// that is what was asked last; with no pairs, nothing.
    fn ask(mut self) -> State {
        let Some(roster) = self.roster.clone().filter(|r| !r.roster.pairs.is_empty()) else {
            self.asking = None;
            self.planned = None;
            self.failed = None;
            self.progressing = None;
            self.progress = None;
            return self;
        };
        self.ask_progress();
        let last = self
            .asking
            .clone()
            .or_else(|| self.failed.as_ref().map(|(a, _)| a.clone()))
            .or_else(|| self.planned.as_ref().map(|p| p.asked.clone()));
        let same = last.is_some_and(|a| {
            a.roster == roster
                && (a.start, a.months, a.cadence) == (self.start, self.months, self.cadence)
                && a.more == self.more.config
        });
        if !same {
            self.asking = Some(Shared::new(Asked {
                roster,
                start: self.start,
                months: self.months,
                cadence: self.cadence,
                more: self.more.config.clone(),
                keep: if self.rhythms_of == self.kept() {
                    self.rhythms.clone()
                } else {
                    Shared::new(Vec::new())
                },
            }));
            self.failed = None;
        }
        self
    }

    /// Asks for the programme's status of the schedule shown and the log,
    /// unless that is what was asked last.
    fn ask_progress(&mut self) {
        let Some(planned) = self.planned.clone() else {
            self.progressing = None;
            return;
        };
        let last = self
            .progressing
            .clone()
            .or_else(|| self.progress.as_ref().map(|(a, _)| a.clone()));
        let same = last
            .is_some_and(|a| a.planned == planned && a.log == self.log && a.today == self.today);
        if !same {
            self.progressing = Some(Shared::new(ProgressAsked {
                planned,
                log: self.log.clone(),
                today: self.today,
            }));
        }
    }

    /// Logs `outcome` for the review `key` (minutes: the review's length).
    fn mark(&mut self, key: LogKey, outcome: Option<Outcome>) {
        let mut log = Log {
            entries: self.log.entries.clone(),
            index: self.log.index.clone(),
        };
        log.set(key, outcome.map(|o| (o, self.more.config.slot_minutes)));
        self.log = Shared::new(log);
    }

    /// Takes the worker's answer to `asked`, if it is still the one awaited.
    fn planned(&mut self, asked: Shared<Asked>, reply: ScheduleReply) {
        if self.asking.take_if(|a| *a == asked).is_none() {
            return;
        }
        match reply {
            Ok(Reviews {
                reviews,
                unplaced,
                summary,
                people,
                grouped,
                rhythms,
            }) => {
                // (As the worker planned them: not the pairs that ended,
                // nor those of people who left, before the start.)
                let pairs = scheduled_pairs(&asked.roster.roster, asked.start);
                let rhythms = Shared::new(rhythms);
                self.rhythms = rhythms.clone();
                self.rhythms_of =
                    settings_text(asked.start, asked.months, asked.cadence, &asked.more);
                self.planned = Some(Shared::new(Planned {
                    asked,
                    pairs,
                    reviews: Shared::new(reviews),
                    unplaced,
                    summary,
                    people,
                    grouped,
                    rhythms,
                }));
            }
            Err(why) => self.failed = Some((asked, why)),
        }
    }
}

impl Reducible for State {
    type Action = Action;

    /// What cannot be read keeps the setting as it was.
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::TypeStart(text) => next.start_draft = Some(text),
            Action::SetStart(text) => {
                next.start_draft = None;
                match read_start(&text) {
                    Some(d) => {
                        next.start = d;
                        next.shown = (d.year(), d.month());
                        next.start_typed = None;
                        next.open_day = None;
                    }
                    None => next.start_typed = Some(text),
                }
            }
            Action::OpenDay(day) => {
                next.open_day = (next.open_day != Some(day)).then_some(day);
            }
            Action::SetMonths(text) => {
                if let Some(m) = read_months(&text) {
                    next.months = m;
                }
            }
            Action::SetCadence(text) => {
                if let Ok(c) = text.parse::<u8>() {
                    next.cadence = c.clamp(4, 6);
                }
            }
            Action::Step(delta) => {
                let (y, m) = next.shown;
                let total = i32::from(y) * 12 + i32::from(m - 1) + i32::from(delta);
                next.shown = (
                    (total.div_euclid(12)) as i16,
                    (total.rem_euclid(12) + 1) as i8,
                );
            }
            Action::ChoosePerson(id) => next.person = id,
            Action::Type(field, text) => {
                next.more.drafts.insert(field, text);
            }
            Action::Set(field, text) => {
                next.more.drafts.remove(&field);
                next.more.refused = match next.more.set(field, &text) {
                    true => None,
                    false => Some((field, text)),
                };
            }
            Action::GoodFriday(on) => next.more.config.holidays.good_friday = on,
            Action::LiberationEveryYear(every) => {
                next.more.config.holidays.liberation = match every {
                    true => Liberation::EveryYear,
                    false => Liberation::Lustrum,
                }
            }
            Action::Stagger(on) => next.more.config.stagger = on,
            Action::RemoveClosing(day) => {
                next.more.config.closing_days.remove(&day);
            }
            Action::DefaultSettings => {
                next.more = More {
                    reading: next.more.reading.take(),
                    ..More::default()
                }
            }
            Action::OpenSettings(file) => {
                next.more.errors = None;
                next.more.reading = Some(Shared::new(file));
            }
            Action::SettingsRead(asked, reply) => {
                if next.more.reading.take_if(|f| *f == asked).is_none() {
                    return self;
                }
                let read = match *reply {
                    Reply::ScheduleConfig(packed) => packed
                        .open()
                        .unwrap_or_else(|why| Err(no_answer(&asked.name, &why))),
                    other => Err(no_answer(&asked.name, &other.failure())),
                };
                match read {
                    Ok(file) => match file.config() {
                        Some(config) => {
                            next.months = config.months;
                            next.cadence = config.cadence_weeks;
                            next.more = More {
                                config,
                                ..More::default()
                            };
                        }
                        None => {
                            next.more.errors = Some(Rc::new(no_answer(&asked.name, "not settings")))
                        }
                    },
                    Err(report) => next.more.errors = Some(Rc::new(report)),
                }
            }
            Action::DismissSettingsErrors => next.more.errors = None,
            Action::Mark(key, outcome) => {
                next.moving = None;
                next.mark(key, outcome);
            }
            Action::AskMove(key) => next.moving = Some((key, None)),
            Action::CancelMove => next.moving = None,
            Action::MoveTo(key, text) => match read_start(&text) {
                Some(to) if to != key.date => {
                    next.moving = None;
                    next.mark(key, Some(Outcome::Moved(to)));
                }
                _ => next.moving = Some((key, Some(text))),
            },
            Action::OpenLog(name, bytes) => {
                next.log_errors = None;
                let Some(roster) = next.roster.clone() else {
                    return self;
                };
                next.reading_log = Some(Shared::new(LogImport {
                    name,
                    bytes,
                    ladder: String::new(),
                    roster: roster.json().to_string(),
                    slot_minutes: next.more.config.slot_minutes,
                }));
            }
            Action::LogRead(asked, reply) => {
                if next.reading_log.take_if(|f| *f == asked).is_none() {
                    return self;
                }
                let read = match *reply {
                    Reply::Log(packed) => packed
                        .open()
                        .unwrap_or_else(|why| Err(no_answer(&asked.name, &why))),
                    other => Err(no_answer(&asked.name, &other.failure())),
                };
                match read {
                    Ok(entries) => {
                        next.log = Shared::new(Log::new(entries));
                        next.moving = None;
                    }
                    Err(report) => next.log_errors = Some(Rc::new(report)),
                }
            }
            Action::DismissLogErrors => next.log_errors = None,
            Action::Progressed(asked, reply) => {
                if next.progressing.take_if(|a| *a == asked).is_none() {
                    return self;
                }
                let worked_out = match *reply {
                    Reply::Progress(packed) => packed.open().and_then(|p| p),
                    other => Err(other.failure()),
                };
                match worked_out {
                    Ok(progress) => {
                        next.progress = Some((asked, Shared::new(progress)));
                        next.progress_failed = None;
                    }
                    Err(why) => next.progress_failed = Some(why),
                }
            }
            Action::Roster(roster) => {
                if roster == next.roster {
                    return self;
                }
                next.roster = roster;
            }
            Action::Planned(asked, reply) => next.planned(asked, *reply),
        }
        Rc::new(next.ask())
    }
}

/// The worker's answer to a schedule, read: the room reads it in the task
/// the answer comes in and takes it in the next one, so that reading
/// 26,000 reviews and drawing them do not make one long task.
pub fn opened(reply: Reply) -> ScheduleReply {
    match reply {
        Reply::Schedule(packed) => packed.open().and_then(|r| r),
        other => Err(other.failure()),
    }
}

/// What to ask the worker for the schedule `asked`, on the ladder shown.
pub fn request(asked: &Asked, ladder: &LadderInUse) -> Request {
    Request::Schedule(Packed::new(&schedule_request(asked, &asked.keep, ladder)))
}

/// What to ask the worker for a log file opened, on the ladder shown.
pub fn log_request(import: &LogImport, ladder: &LadderInUse) -> Request {
    Request::ReadLog(Packed::new(&LogImport {
        ladder: ladder.file.text.clone(),
        ..import.clone()
    }))
}

/// What to ask the worker for the programme's status.
pub fn progress_request(asked: &ProgressAsked, ladder: &LadderInUse) -> Request {
    Request::Progress(Packed::new(&ProgressRequest {
        reviews: planned_request(&asked.planned, ladder),
        log: asked.log.entries.clone(),
        today: asked.today,
    }))
}

/// What to ask the worker for a settings file opened.
pub fn settings_request(file: &TextFile) -> Request {
    Request::ReadScheduleConfig(file.clone())
}

/// The schedule `planned` once more, as the worker made it (for a calendar
/// file or the status): asked with its own rhythms, which it keeps.
pub fn planned_request(planned: &Planned, ladder: &LadderInUse) -> ScheduleRequest {
    schedule_request(&planned.asked, &planned.rhythms, ladder)
}

/// The schedule `asked`, keeping the pairs' rhythms `keep`.
fn schedule_request(asked: &Asked, keep: &[Rhythm], ladder: &LadderInUse) -> ScheduleRequest {
    ScheduleRequest {
        ladder: ladder.file.text.clone(),
        roster: asked.roster.json().to_string(),
        start: asked.start,
        months: asked.months,
        cadence_weeks: asked.cadence,
        settings: Some(Packed::new(&ScheduleFile::from(&asked.more))),
        keep: keep.to_vec(),
    }
}

impl More {
    /// Takes a confirmed field's text; `false` (the setting as it was) when
    /// it is out of the field's limits, no time, a day end not after the
    /// first start time, or no date.
    fn set(&mut self, field: Field, text: &str) -> bool {
        let text = text.trim();
        let c = &mut self.config;
        if let Some((low, high)) = field.range() {
            let Some(n) = text
                .parse::<u16>()
                .ok()
                .filter(|n| (low..=high).contains(n))
            else {
                return false;
            };
            match field {
                Field::Shift => c.max_shift = n as u8,
                Field::PerDay => c.max_per_day = n as u8,
                _ => c.slot_minutes = n,
            }
            return true;
        }
        match field {
            Field::DayStart | Field::DayEnd => {
                let Some(time) = parse_time(text) else {
                    return false;
                };
                let (start, end) = match field {
                    Field::DayStart => (time, c.day_end),
                    _ => (c.day_start, time),
                };
                if end <= start {
                    return false;
                }
                (c.day_start, c.day_end) = (start, end);
                true
            }
            // (Nothing typed: nothing to add.)
            _ if text.is_empty() => true,
            _ => match read_start(text) {
                Some(day) => {
                    c.closing_days.insert(day);
                    true
                }
                None => false,
            },
        }
    }

    /// The settings as a file (`planning.yaml`), with `months` and
    /// `cadence` for theirs.
    pub fn file_text(&self, months: u8, cadence: u8) -> String {
        doorgroei::format::schedule_config_to_yaml(&ScheduleConfig {
            months,
            cadence_weeks: cadence,
            ..self.config.clone()
        })
    }
}

/// A start date as a coordinator types it: the Dutch way (`4-1-2027`,
/// `04-01-2027`, `4/1/2027`, `4.1.2027`, `04012027`, `4 januari 2027`) or
/// the ISO way (`2027-01-04`), whatever the browser's language; month names
/// in Dutch or English, any case. `None` when it is no date.
pub fn read_start(text: &str) -> Option<Date> {
    let text = text.trim();
    if let Some(date) = read_date(text) {
        return Some(date);
    }
    if text.len() == 8 && text.bytes().all(|b| b.is_ascii_digit()) {
        let number = |range: std::ops::Range<usize>| text[range].parse::<i16>().ok();
        let (day, month, year) = (number(0..2)?, number(2..4)?, number(4..8)?);
        return Date::new(year, i8::try_from(month).ok()?, i8::try_from(day).ok()?).ok();
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let [day, month, year] = words[..] else {
        return None;
    };
    let month = month.to_lowercase();
    let month = (1..=12).find(|&m| {
        [Lang::Nl, Lang::En]
            .iter()
            .any(|&lang| month_name(m, lang).to_lowercase() == month)
    })?;
    let (day, year) = (day.parse::<i8>().ok()?, year.parse::<i16>().ok()?);
    if year < 1000 {
        return None;
    }
    Date::new(year, month, day).ok()
}

/// A date as the room shows it: `4-1-2027` in Dutch, `2027-01-04` in
/// English (the ISO form, which no English reader takes the wrong way).
/// The number of months in the months field, kept within 1 to 36.
pub fn read_months(text: &str) -> Option<u8> {
    text.trim().parse::<u8>().ok().map(|m| m.clamp(1, 36))
}

pub fn date_text(lang: Lang, date: Date) -> String {
    doorgroei::dates::written(date, lang)
}

/// The reviews on `day` (`reviews` by date, as the schedule lists them).
pub fn on_day(reviews: &[Review], day: Date) -> &[Review] {
    let from = reviews.partition_point(|r| r.date < day);
    let to = reviews.partition_point(|r| r.date <= day);
    &reviews[from..to]
}

#[cfg(test)]
mod tests {
    use super::*;
    use doorgroei::dates::Iso;
    use doorgroei::exchange::answer;
    use doorgroei::format::load_ladder;
    use doorgroei::format::load_roster;
    use doorgroei::programme::Reason;
    use doorgroei::schedule::{schedule, ScheduleConfig};
    use jiff::civil::date;

    /// The settings in a line.
    fn seen(s: &State) -> String {
        format!(
            "from {} for {} months every {} weeks; showing {}-{:02}; person '{}'{}{}",
            doorgroei::dates::Iso(s.start),
            s.months,
            s.cadence,
            s.shown.0,
            s.shown.1,
            s.person,
            s.start_typed
                .as_ref()
                .map_or(String::new(), |t| format!("; typed '{t}'")),
            s.open_day
                .map_or(String::new(), |d| format!("; day {} open", Iso(d))),
        )
    }

    fn check(steps: Vec<(Action, &str)>) {
        let mut state = Rc::new(State::new(date(2027, 1, 4), None));
        let mut wrong = Vec::new();
        for (i, (action, expected)) in steps.into_iter().enumerate() {
            state = state.reduce(action);
            let got = seen(&state);
            if got != expected {
                wrong.push(format!(
                    "step {i}:\n  expected {expected}\n  got      {got}"
                ));
            }
        }
        assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
    }

    #[test]
    fn the_settings_take_what_they_can_read_within_their_limits() {
        check(vec![
            // A new start shows its month.
            (
                Action::SetStart("2027-03-01".into()),
                "from 2027-03-01 for 12 months every 4 weeks; showing 2027-03; person ''",
            ),
            // What is no date is kept as typed (to correct it); the start stays.
            (
                Action::SetStart("1 maart".into()),
                "from 2027-03-01 for 12 months every 4 weeks; showing 2027-03; person ''; typed '1 maart'",
            ),
            (
                Action::SetStart("2027-02-30".into()),
                "from 2027-03-01 for 12 months every 4 weeks; showing 2027-03; person ''; typed '2027-02-30'",
            ),
            (
                Action::SetStart("4-1-2027".into()),
                "from 2027-01-04 for 12 months every 4 weeks; showing 2027-01; person ''",
            ),
            (
                Action::SetMonths("24".into()),
                "from 2027-01-04 for 24 months every 4 weeks; showing 2027-01; person ''",
            ),
            (
                Action::SetMonths("0".into()),
                "from 2027-01-04 for 1 months every 4 weeks; showing 2027-01; person ''",
            ),
            (
                Action::SetMonths("99".into()),
                "from 2027-01-04 for 36 months every 4 weeks; showing 2027-01; person ''",
            ),
            (
                Action::SetMonths("twaalf".into()),
                "from 2027-01-04 for 36 months every 4 weeks; showing 2027-01; person ''",
            ),
            (
                Action::SetCadence("5".into()),
                "from 2027-01-04 for 36 months every 5 weeks; showing 2027-01; person ''",
            ),
            (
                Action::SetCadence("2".into()),
                "from 2027-01-04 for 36 months every 4 weeks; showing 2027-01; person ''",
            ),
            (
                Action::SetCadence("8".into()),
                "from 2027-01-04 for 36 months every 6 weeks; showing 2027-01; person ''",
            ),
            (
                Action::ChoosePerson("m0001".into()),
                "from 2027-01-04 for 36 months every 6 weeks; showing 2027-01; person 'm0001'",
            ),
            // A day's list opens, another day's replaces it, the same day closes it.
            (
                Action::OpenDay(date(2027, 1, 4)),
                "from 2027-01-04 for 36 months every 6 weeks; showing 2027-01; person 'm0001'; day 2027-01-04 open",
            ),
            (
                Action::OpenDay(date(2027, 1, 5)),
                "from 2027-01-04 for 36 months every 6 weeks; showing 2027-01; person 'm0001'; day 2027-01-05 open",
            ),
            (
                Action::OpenDay(date(2027, 1, 5)),
                "from 2027-01-04 for 36 months every 6 weeks; showing 2027-01; person 'm0001'",
            ),
        ]);
    }

    #[test]
    fn the_settings_kept_in_the_browser_come_back_within_their_limits() {
        let set = Rc::new(State::new(date(2027, 1, 4), None))
            .reduce(Action::SetStart("1-3-2027".into()))
            .reduce(Action::SetMonths("24".into()))
            .reduce(Action::SetCadence("6".into()));
        let kept = set.kept();
        assert_eq!(
            kept,
            r#"{"start":"2027-03-01","months":24,"cadence":6,"settings":{"schema":"doorgroei/schedule@1","cadence_weeks":4,"months":12,"max_shift_days":5,"max_per_day":2,"slot_minutes":60,"day_start":"09:00","day_end":"17:00","good_friday":false,"liberation_day":"lustrum","closing_days":[],"stagger":true}}"#
        );
        let cases = [
            (
                kept.as_str(),
                "from 2027-03-01 for 24 months every 6 weeks; showing 2027-03; person ''",
            ),
            (
                r#"{"start":"2027-03-01","months":99,"cadence":2}"#,
                "from 2027-03-01 for 36 months every 4 weeks; showing 2027-03; person ''",
            ),
            // Damaged or from elsewhere: today's defaults.
            (
                r#"{"start":"1-3-2027","months":24,"cadence":6}"#,
                "from 2026-11-30 for 12 months every 4 weeks; showing 2026-11; person ''",
            ),
            (
                "",
                "from 2026-11-30 for 12 months every 4 weeks; showing 2026-11; person ''",
            ),
        ];
        for (kept, expected) in cases {
            let state = State::new(date(2026, 11, 30), None).with_kept(kept);
            assert_eq!(seen(&state), expected, "{kept}");
        }
    }

    /// The settings panel in a line.
    fn more(s: &State) -> String {
        let c = &s.more.config;
        let closing: Vec<String> = c.closing_days.iter().map(|d| Iso(*d).to_string()).collect();
        format!(
            "shift {}, {} a day, {} min, {}-{}, good friday {}, {:?}, stagger {}, closed [{}]{}{}",
            c.max_shift,
            c.max_per_day,
            c.slot_minutes,
            doorgroei::dates::HourMinute(c.day_start),
            doorgroei::dates::HourMinute(c.day_end),
            c.holidays.good_friday,
            c.holidays.liberation,
            c.stagger,
            closing.join(" "),
            s.more
                .refused
                .as_ref()
                .map_or(String::new(), |(f, t)| format!("; {f:?} refused '{t}'")),
            s.more
                .drafts
                .iter()
                .map(|(f, t)| format!("; {f:?} typing '{t}'"))
                .collect::<String>(),
        )
    }

    #[test]
    fn the_settings_panel_takes_what_is_within_its_limits_and_says_what_is_not() {
        let defaults = "shift 5, 2 a day, 60 min, 09:00-17:00, good friday false, Lustrum, stagger true, closed []";
        let cases: Vec<(Action, String)> = vec![
            (
                Action::Set(Field::Shift, "0".into()),
                defaults.replace("shift 5", "shift 0"),
            ),
            (
                Action::Set(Field::Shift, "11".into()),
                defaults.replace("shift 5", "shift 0") + "; Shift refused '11'",
            ),
            (
                Action::Set(Field::Shift, "10".into()),
                defaults.replace("shift 5", "shift 10"),
            ),
            (
                Action::Set(Field::PerDay, "0".into()),
                defaults.replace("shift 5", "shift 10") + "; PerDay refused '0'",
            ),
            (
                Action::Set(Field::PerDay, " 8 ".into()),
                defaults
                    .replace("shift 5", "shift 10")
                    .replace("2 a day", "8 a day"),
            ),
            (
                Action::Set(Field::Slot, "14".into()),
                defaults
                    .replace("shift 5", "shift 10")
                    .replace("2 a day", "8 a day")
                    + "; Slot refused '14'",
            ),
            (
                Action::Set(Field::Slot, "twee".into()),
                defaults
                    .replace("shift 5", "shift 10")
                    .replace("2 a day", "8 a day")
                    + "; Slot refused 'twee'",
            ),
            (Action::DefaultSettings, defaults.to_string()),
            (
                Action::Set(Field::Slot, "240".into()),
                defaults.replace("60 min", "240 min"),
            ),
            (
                Action::Set(Field::Slot, "15".into()),
                defaults.replace("60 min", "15 min"),
            ),
            // Times: hours:minutes, the day's end after its start.
            (
                Action::Set(Field::DayStart, "8:30".into()),
                defaults.replace("60 min, 09:00", "15 min, 08:30"),
            ),
            (
                Action::Set(Field::DayStart, "8.30".into()),
                defaults.replace("60 min, 09:00", "15 min, 08:30") + "; DayStart refused '8.30'",
            ),
            (
                Action::Set(Field::DayEnd, "08:30".into()),
                defaults.replace("60 min, 09:00", "15 min, 08:30") + "; DayEnd refused '08:30'",
            ),
            (
                Action::Set(Field::DayEnd, "12:00".into()),
                defaults.replace("60 min, 09:00-17:00", "15 min, 08:30-12:00"),
            ),
            (
                Action::Set(Field::DayStart, "12:00".into()),
                defaults.replace("60 min, 09:00-17:00", "15 min, 08:30-12:00")
                    + "; DayStart refused '12:00'",
            ),
            (Action::DefaultSettings, defaults.to_string()),
            // Closing days: typed the Dutch way or the ISO way, kept in order, once.
            (
                Action::Type(Field::Closing, "27-12".into()),
                defaults.to_string() + "; Closing typing '27-12'",
            ),
            (
                Action::Set(Field::Closing, "27-12-2027".into()),
                defaults.replace("[]", "[2027-12-27]"),
            ),
            (
                Action::Set(Field::Closing, "2027-12-24".into()),
                defaults.replace("[]", "[2027-12-24 2027-12-27]"),
            ),
            (
                Action::Set(Field::Closing, "27 december 2027".into()),
                defaults.replace("[]", "[2027-12-24 2027-12-27]"),
            ),
            (
                Action::Set(Field::Closing, "".into()),
                defaults.replace("[]", "[2027-12-24 2027-12-27]"),
            ),
            (
                Action::Set(Field::Closing, "31-13-2027".into()),
                defaults.replace("[]", "[2027-12-24 2027-12-27]")
                    + "; Closing refused '31-13-2027'",
            ),
            (
                Action::RemoveClosing(date(2027, 12, 24)),
                defaults.replace("[]", "[2027-12-27]") + "; Closing refused '31-13-2027'",
            ),
            (
                Action::GoodFriday(true),
                defaults
                    .replace("[]", "[2027-12-27]")
                    .replace("friday false", "friday true")
                    + "; Closing refused '31-13-2027'",
            ),
            (
                Action::LiberationEveryYear(true),
                defaults
                    .replace("[]", "[2027-12-27]")
                    .replace("friday false", "friday true")
                    .replace("Lustrum", "EveryYear")
                    + "; Closing refused '31-13-2027'",
            ),
            (
                Action::Stagger(false),
                defaults
                    .replace("[]", "[2027-12-27]")
                    .replace("friday false", "friday true")
                    .replace("Lustrum", "EveryYear")
                    .replace("stagger true", "stagger false")
                    + "; Closing refused '31-13-2027'",
            ),
            (Action::DefaultSettings, defaults.to_string()),
        ];
        let mut state = Rc::new(State::new(date(2027, 1, 4), None));
        let mut wrong = Vec::new();
        for (i, (action, expected)) in cases.into_iter().enumerate() {
            state = state.reduce(action);
            let got = more(&state);
            if got != expected {
                wrong.push(format!(
                    "step {i}:\n  expected {expected}\n  got      {got}"
                ));
            }
        }
        assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
    }

    #[test]
    fn panel_settings_are_kept_asked_for_and_written_as_a_file() {
        let (ladder, roster) = example();
        let state = Rc::new(State::new(date(2027, 1, 4), Some(roster)))
            .reduce(Action::Set(Field::PerDay, "1".into()))
            .reduce(Action::Set(Field::Closing, "4-1-2027".into()))
            .reduce(Action::SetMonths("36".into()));
        // The schedule is asked for with them.
        let asked = state.asking.clone().expect("asked");
        let request = schedule_request(&asked, &asked.keep, &ladder);
        let sent = request
            .settings
            .and_then(|f| f.open().ok())
            .and_then(|f| f.config())
            .expect("settings sent");
        assert_eq!((sent.max_per_day, sent.closing_days.len()), (1, 1));
        // Kept in this browser and back.
        let back = State::new(date(2026, 11, 30), None).with_kept(&state.kept());
        assert_eq!(more(&back), more(&state));
        // Kept settings out of their limits are not taken.
        let damaged = state
            .kept()
            .replace(r#""max_per_day":1"#, r#""max_per_day":9"#);
        assert!(
            more(&State::new(date(2026, 11, 30), None).with_kept(&damaged)).contains("2 a day")
        );
        // The file, with the room's months and cadence.
        let text = state.more.file_text(state.months, state.cadence);
        let read = doorgroei::format::load_schedule_config("planning.yaml", &text).unwrap();
        assert_eq!((read.months, read.max_per_day), (36, 1));
        assert!(text.contains("closing_days: [2027-01-04]"), "{text}");
    }

    #[test]
    fn a_settings_file_opened_is_read_by_the_worker_and_its_problems_shown() {
        let file = |text: &str| TextFile {
            name: "planning.yaml".into(),
            text: text.into(),
        };
        let open = |state: Rc<State>, text: &str| {
            let state = state.reduce(Action::OpenSettings(file(text)));
            let reading = state.more.reading.clone().expect("reading");
            let reply = answer(crate::rooms::besprekingen::state::settings_request(
                &reading,
            ));
            state.reduce(Action::SettingsRead(reading, Box::new(reply)))
        };
        let start = Rc::new(State::new(date(2027, 1, 4), None));
        let opened = open(
            start.clone(),
            include_str!("../../../../../pathways/planning.yaml"),
        );
        assert_eq!(
            more(&opened),
            "shift 5, 2 a day, 60 min, 09:00-17:00, good friday false, Lustrum, stagger true, closed [2027-12-27 2027-12-28 2027-12-29 2027-12-30 2027-12-31]"
        );
        assert_eq!((opened.months, opened.cadence), (36, 4));
        assert!(opened.more.errors.is_none() && opened.more.reading.is_none());
        // A file with problems leaves the settings as they were and says where.
        let wrong = open(
            opened.clone(),
            "schema: doorgroei/schedule@1\nmax_per_day: 9\nday_start: negen uur\n",
        );
        assert_eq!(more(&wrong), more(&opened));
        let said: Vec<&str> = wrong
            .more
            .errors
            .as_ref()
            .expect("problems")
            .lines
            .iter()
            .map(|l| l.nl.as_str())
            .collect();
        let said = said.join("\n");
        assert!(
            said.contains("planning.yaml:2:14") && said.contains("planning.yaml:3:"),
            "{said}"
        );
        let dismissed = wrong.reduce(Action::DismissSettingsErrors);
        assert!(dismissed.more.errors.is_none());
    }

    /// The log in a line.
    fn logged(s: &State) -> String {
        let mut out: Vec<String> = s
            .log
            .entries
            .iter()
            .map(|e| {
                let what = match e.status {
                    Outcome::Held => "held".to_string(),
                    Outcome::Moved(to) => format!("moved to {}", Iso(to)),
                    Outcome::Cancelled(r) => format!("cancelled ({r:?})"),
                };
                format!(
                    "{} {}/{} {what} {} min",
                    Iso(e.date),
                    e.mentor,
                    e.mentee,
                    e.minutes
                )
            })
            .collect();
        if let Some((key, typed)) = &s.moving {
            out.push(format!(
                "moving {} {}{}",
                key.mentee,
                Iso(key.date),
                typed
                    .as_ref()
                    .map_or(String::new(), |t| format!(" typed '{t}'"))
            ));
        }
        out.join("; ")
    }

    #[test]
    fn what_became_of_a_review_is_recorded_once_and_can_be_changed() {
        let key = |mentee: &str, d: Date| LogKey {
            mentee: mentee.into(),
            mentor: "m1".into(),
            date: d,
        };
        let (a, b) = (date(2027, 1, 4), date(2027, 2, 1));
        let cases: Vec<(Action, &str)> = vec![
            (Action::Mark(key("j1", a), Some(Outcome::Held)), "2027-01-04 m1/j1 held 60 min"),
            // The same review again: changed, not twice.
            (Action::Mark(key("j1", a), Some(Outcome::Cancelled(Reason::Sick))), "2027-01-04 m1/j1 cancelled (Sick) 60 min"),
            (Action::Set(Field::Slot, "45".into()), "2027-01-04 m1/j1 cancelled (Sick) 60 min"),
            (Action::Mark(key("j2", b), Some(Outcome::Held)), "2027-01-04 m1/j1 cancelled (Sick) 60 min; 2027-02-01 m1/j2 held 45 min"),
            // Moved: the new date is asked for, and must be another date.
            (Action::AskMove(key("j2", b)), "2027-01-04 m1/j1 cancelled (Sick) 60 min; 2027-02-01 m1/j2 held 45 min; moving j2 2027-02-01"),
            (Action::MoveTo(key("j2", b), "volgende week".into()), "2027-01-04 m1/j1 cancelled (Sick) 60 min; 2027-02-01 m1/j2 held 45 min; moving j2 2027-02-01 typed 'volgende week'"),
            (Action::MoveTo(key("j2", b), "1-2-2027".into()), "2027-01-04 m1/j1 cancelled (Sick) 60 min; 2027-02-01 m1/j2 held 45 min; moving j2 2027-02-01 typed '1-2-2027'"),
            (Action::MoveTo(key("j2", b), "3-2-2027".into()), "2027-01-04 m1/j1 cancelled (Sick) 60 min; 2027-02-01 m1/j2 moved to 2027-02-03 45 min"),
            (Action::AskMove(key("j1", a)), "2027-01-04 m1/j1 cancelled (Sick) 60 min; 2027-02-01 m1/j2 moved to 2027-02-03 45 min; moving j1 2027-01-04"),
            (Action::CancelMove, "2027-01-04 m1/j1 cancelled (Sick) 60 min; 2027-02-01 m1/j2 moved to 2027-02-03 45 min"),
            // Nothing recorded after all.
            (Action::Mark(key("j1", a), None), "2027-02-01 m1/j2 moved to 2027-02-03 45 min"),
            (Action::Mark(key("j1", a), None), "2027-02-01 m1/j2 moved to 2027-02-03 45 min"),
        ];
        let mut state = Rc::new(State::new(date(2027, 1, 4), None));
        let mut wrong = Vec::new();
        for (i, (action, expected)) in cases.into_iter().enumerate() {
            state = state.reduce(action);
            if logged(&state) != expected {
                wrong.push(format!(
                    "step {i}:\n  expected {expected}\n  got      {}",
                    logged(&state)
                ));
            }
        }
        assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
        // Kept in this browser and back; what cannot be read is an empty log.
        let kept = state.log.kept();
        let back = State::new(date(2027, 1, 4), None).with_log(&kept);
        assert_eq!(logged(&back), "2027-02-01 m1/j2 moved to 2027-02-03 45 min");
        for damaged in [
            "",
            "{}",
            r#"{"version":2,"reviews":[]}"#,
            &kept.replace("45", "\"45\""),
        ] {
            assert_eq!(
                logged(&State::new(date(2027, 1, 4), None).with_log(damaged)),
                "",
                "{damaged}"
            );
        }
    }

    #[test]
    fn the_progress_is_asked_for_each_schedule_and_log_and_a_log_file_replaces_the_log() {
        let (ladder, roster) = example();
        let mut state = Rc::new(State::new(date(2027, 3, 1), Some(roster.clone())))
            .reduce(Action::SetStart("4-1-2027".into()));
        assert!(state.progressing.is_none(), "no schedule yet, no progress");
        let asked = state.asking.clone().unwrap();
        let reply = answer(request(&asked, &ladder));
        state = state.reduce(Action::Planned(asked, Box::new(opened(reply))));
        let first = state
            .progressing
            .clone()
            .expect("progress asked with the schedule");
        let progress = |state: &Rc<State>, asked: Shared<ProgressAsked>| {
            let reply = answer(progress_request(&asked, &ladder));
            state
                .clone()
                .reduce(Action::Progressed(asked, Box::new(reply)))
        };
        let shown = progress(&state, first.clone());
        let totals = shown
            .progress
            .as_ref()
            .map(|(_, p)| p.totals)
            .expect("progress");
        assert_eq!((totals.pairs, totals.held), (roster.roster.pairs.len(), 0));
        assert!(
            totals.planned > 0 && totals.behind + totals.lapsed > 0,
            "{totals:?}"
        );
        // A review held: asked again; the older answer no longer counts.
        let review = shown.planned.as_ref().unwrap().reviews[0].clone();
        let marked = shown.reduce(Action::Mark(LogKey::of(&review), Some(Outcome::Held)));
        let second = marked.progressing.clone().expect("asked again");
        assert!(second != first);
        let stale = progress(&marked, first);
        assert!(stale.progressing.is_some(), "the old answer is not taken");
        // The worker fails: the room says so, and keeps the status it had.
        let failed = marked.clone().reduce(Action::Progressed(
            second.clone(),
            Box::new(Reply::Failed("gone".into())),
        ));
        assert_eq!(failed.progress_failed.as_deref(), Some("gone"));
        assert_eq!(failed.progress.as_ref().unwrap().1.totals.held, 0);
        let now = progress(&marked, second);
        assert_eq!(now.progress.as_ref().unwrap().1.totals.held, 1);
        // A log file: read by the worker against the roster; it replaces the log.
        let csv = format!(
            "datum;mentor;mentee;status\n{};{};{};vervallen\n",
            Iso(review.date),
            review.mentor,
            review.mentee
        );
        let opening = now.reduce(Action::OpenLog("verslag.csv".into(), csv.into_bytes()));
        let reading = opening.reading_log.clone().expect("reading");
        let reply = answer(log_request(&reading, &ladder));
        let read = opening.reduce(Action::LogRead(reading, Box::new(reply)));
        let said: Vec<&str> = read
            .log_errors
            .as_ref()
            .expect("a reason is needed")
            .lines
            .iter()
            .map(|l| l.nl.as_str())
            .collect();
        assert!(said.join(" ").contains("verslag.csv:2:"), "{said:?}");
        assert_eq!(read.log.entries.len(), 1, "the log stays as it was");
        let csv = format!(
            "datum;mentor;mentee;status;reden\n{};{};{};vervallen;ziek\n",
            Iso(review.date),
            review.mentor,
            review.mentee
        );
        let opening = read.reduce(Action::OpenLog("verslag.csv".into(), csv.into_bytes()));
        let reading = opening.reading_log.clone().expect("reading");
        let reply = answer(log_request(&reading, &ladder));
        let read = opening.reduce(Action::LogRead(reading, Box::new(reply)));
        assert!(read.log_errors.is_none());
        assert_eq!(
            read.log.outcome(&LogKey::of(&review)),
            Some(Outcome::Cancelled(Reason::Sick))
        );
    }

    #[test]
    fn what_is_being_typed_stays_until_it_is_confirmed() {
        let typing = Rc::new(State::new(date(2027, 1, 4), None))
            .reduce(Action::TypeStart("4-1-20".into()))
            .reduce(Action::Step(1));
        assert_eq!(typing.start_draft.as_deref(), Some("4-1-20"));
        assert_eq!(typing.start, date(2027, 1, 4));
        let confirmed = typing.reduce(Action::SetStart("1-3-2027".into()));
        assert_eq!(confirmed.start_draft, None);
        assert_eq!(confirmed.start, date(2027, 3, 1));
        let wrong = confirmed
            .reduce(Action::TypeStart("1-3-20".into()))
            .reduce(Action::SetStart("1-3-20".into()));
        assert_eq!(
            (wrong.start_draft.clone(), wrong.start_typed.clone()),
            (None, Some("1-3-20".into()))
        );
    }

    #[test]
    fn a_start_is_read_the_dutch_way_or_the_iso_way_whatever_the_browser() {
        let cases = [
            ("4-1-2027", Some(date(2027, 1, 4))),
            ("04-01-2027", Some(date(2027, 1, 4))),
            ("4/1/2027", Some(date(2027, 1, 4))),
            ("4.1.2027", Some(date(2027, 1, 4))),
            (" 2027-01-04 ", Some(date(2027, 1, 4))),
            // Day, month, year: never read as 1 April.
            ("04012027", Some(date(2027, 1, 4))),
            ("4 januari 2027", Some(date(2027, 1, 4))),
            ("4 January 2027", Some(date(2027, 1, 4))),
            ("29 FEBRUARI 2028", Some(date(2028, 2, 29))),
            ("29 februari 2027", None),
            ("31-4-2027", None),
            ("4-1-27", None),
            ("4 jan 2027", None),
            ("4 januari 27", None),
            ("40012027", None),
            ("2027", None),
            ("", None),
        ];
        for (text, expected) in cases {
            assert_eq!(read_start(text), expected, "{text:?}");
        }
        // As shown: what the Dutch way reads back.
        for day in [date(2027, 1, 4), date(2026, 12, 31), date(2028, 2, 29)] {
            assert_eq!(read_start(&date_text(Lang::Nl, day)), Some(day));
            assert_eq!(read_start(&date_text(Lang::En, day)), Some(day));
        }
        assert_eq!(date_text(Lang::Nl, date(2027, 1, 4)), "4-1-2027");
        assert_eq!(date_text(Lang::En, date(2027, 1, 4)), "2027-01-04");
    }

    #[test]
    fn the_month_buttons_cross_years_both_ways() {
        check(vec![
            (
                Action::Step(-1),
                "from 2027-01-04 for 12 months every 4 weeks; showing 2026-12; person ''",
            ),
            (
                Action::Step(1),
                "from 2027-01-04 for 12 months every 4 weeks; showing 2027-01; person ''",
            ),
            (
                Action::Step(11),
                "from 2027-01-04 for 12 months every 4 weeks; showing 2027-12; person ''",
            ),
            (
                Action::Step(1),
                "from 2027-01-04 for 12 months every 4 weeks; showing 2028-01; person ''",
            ),
            (
                Action::Step(-13),
                "from 2027-01-04 for 12 months every 4 weeks; showing 2026-12; person ''",
            ),
        ]);
    }

    #[test]
    fn reviews_are_found_per_day_as_a_search_of_all_would_find_them() {
        let ladder = load_ladder(
            "w.yaml",
            include_str!("../../../../../pathways/welzijn-groeit.yaml"),
        )
        .unwrap();
        let roster = load_roster(
            "r.csv",
            include_bytes!("../../../../../pathways/rooster-welzijn-groeit.csv"),
            &ladder,
        )
        .unwrap();
        let outcome = doorgroei::matching::assign(
            &ladder,
            &roster,
            &doorgroei::matching::MatchConfig::default(),
        );
        let pairs: Vec<PairRef> = outcome.pairs.iter().map(PairRef::from).collect();
        let plan = schedule(
            &roster,
            &pairs,
            date(2027, 1, 4),
            &ScheduleConfig::default(),
        );
        assert!(pairs.len() > 5 && plan.reviews.len() > pairs.len());
        let mut day = date(2026, 12, 28);
        while day < date(2028, 2, 1) {
            let all: Vec<_> = plan.reviews.iter().filter(|r| r.date == day).collect();
            let found: Vec<_> = on_day(&plan.reviews, day).iter().collect();
            assert_eq!(found, all, "{day}");
            day = doorgroei::dates::add_days(day, 1).unwrap();
        }
    }

    /// A mentor leaves and another takes on their mentees: the schedule
    /// asked next keeps the rhythms of the one shown, so that the other
    /// pairs' reviews stay where they were; the rhythms are kept in this
    /// browser and come back after a reload.
    #[test]
    fn a_roster_change_keeps_the_other_pairs_reviews_and_the_rhythms_survive_a_reload() {
        let (ladder, roster) = example();
        let mut state = Rc::new(State::new(date(2027, 1, 4), Some(roster.clone())));
        let asked = state.asking.clone().unwrap();
        let reply = answer(request(&asked, &ladder));
        state = state.reduce(Action::Planned(asked, Box::new(opened(reply))));
        let before = state.planned.clone().expect("planned");
        assert_eq!(before.rhythms.len(), before.pairs.len());
        // The mentor with the most mentees leaves; the next one takes them.
        let pairs = &roster.roster.pairs;
        let count = |m: &str| pairs.iter().filter(|p| p.mentor == m).count();
        let leaver = pairs
            .iter()
            .map(|p| p.mentor.as_str())
            .max_by_key(|m| count(m))
            .unwrap();
        let heir = pairs
            .iter()
            .map(|p| p.mentor.as_str())
            .find(|&m| m != leaver)
            .unwrap();
        let mut changed = roster.roster.clone();
        for p in changed.pairs.iter_mut().filter(|p| p.mentor == leaver) {
            p.mentor = heir.to_string();
        }
        let changed = Shared::new(RosterInUse::new(
            Some("r.csv".into()),
            changed,
            roster.outcome.clone(),
        ));
        state = state.reduce(Action::Roster(Some(changed)));
        let asked = state.asking.clone().expect("asked again");
        assert!(asked.keep == before.rhythms, "the rhythms shown are kept");
        let reply = answer(request(&asked, &ladder));
        state = state.reduce(Action::Planned(asked, Box::new(opened(reply))));
        let after = state.planned.clone().expect("planned again");
        let of = |plan: &Planned, mentee: &str, mentor: &str| -> Vec<(Date, String)> {
            plan.reviews
                .iter()
                .filter(|r| r.mentee == mentee && r.mentor == mentor)
                .map(|r| (r.date, r.start.to_string()))
                .collect()
        };
        let others: Vec<_> = before
            .pairs
            .iter()
            .filter(|p| p.mentor != leaver && p.mentor != heir)
            .collect();
        assert!(others.len() >= 5, "{} other pairs", others.len());
        for p in others {
            assert_eq!(
                of(&after, &p.mentee, &p.mentor),
                of(&before, &p.mentee, &p.mentor),
                "{}–{} moved",
                p.mentee,
                p.mentor
            );
        }
        // After a reload the kept rhythms are what the first request keeps.
        let kept = kept_rhythms(&state);
        let back = State::new(date(2027, 1, 4), Some(roster.clone())).with_rhythms(&kept);
        let asked = back.asking.clone().expect("asked after the reload");
        assert_eq!(*asked.keep, *after.rhythms);
        // A setting changed plans anew, without them, as the command line does.
        let moved = Rc::new(back).reduce(Action::SetStart("1-3-2027".into()));
        assert!(moved.asking.as_ref().expect("asked").keep.is_empty());
        let per_day =
            Rc::new(State::new(date(2027, 1, 4), Some(roster.clone())).with_rhythms(&kept))
                .reduce(Action::Set(Field::PerDay, "1".into()));
        assert!(per_day.asking.as_ref().expect("asked").keep.is_empty());
        // What cannot be read keeps nothing.
        for damaged in ["", "[]", r#"{"version":2,"settings":"","rhythms":[]}"#] {
            let back = State::new(date(2027, 1, 4), None).with_rhythms(damaged);
            assert!(back.rhythms.is_empty(), "{damaged}");
        }
    }

    /// The example ladder and roster as the page holds them, with the pairs
    /// a matching gives.
    fn example() -> (Shared<LadderInUse>, Shared<RosterInUse>) {
        let ladder = Shared::new(LadderInUse::example());
        let json = include_str!(concat!(env!("OUT_DIR"), "/example-roster.json"));
        let mut roster = doorgroei::format::roster_from_json(json, &ladder.ladder).unwrap();
        let config = doorgroei::matching::MatchConfig::default();
        let outcome = doorgroei::matching::assign(&ladder.ladder, &roster, &config);
        roster.pairs = outcome.pairs.iter().map(Into::into).collect();
        let roster = Shared::new(RosterInUse::new(Some("r.csv".into()), roster, outcome));
        (ladder, roster)
    }

    /// One step: what happens, then what the room shows.
    enum Step {
        Do(Action),
        /// The worker answers the schedule asked for last.
        Answer,
        /// The worker answers the schedule asked for before the last step.
        AnswerEarlier,
        /// No answer, and why.
        Fails(&'static str),
    }

    /// The schedule in a line: asked for, made (for which start), failed.
    fn planned(s: &State) -> String {
        let mut out = Vec::new();
        if let Some(a) = &s.asking {
            out.push(format!(
                "asking from {} for {} months every {} weeks",
                Iso(a.start),
                a.months,
                a.cadence
            ));
        }
        if let Some(p) = &s.planned {
            let a = &p.asked;
            let placed = p.reviews.len();
            let grouped: usize = p.grouped.iter().map(Vec::len).sum();
            out.push(format!(
                "{placed} reviews for {} pairs ({grouped} grouped) from {} for {} months every {} weeks",
                p.pairs.len(),
                Iso(a.start),
                a.months,
                a.cadence
            ));
        }
        if let Some((_, why)) = &s.failed {
            out.push(format!("failed: {why}"));
        }
        out.join("; ")
    }

    /// Runs the steps from 4 January 2027 with `roster`, the worker's
    /// answers made by the core; compares what the room shows after each.
    fn check_planned(roster: Option<Shared<RosterInUse>>, steps: Vec<(Step, String)>) -> State {
        let (ladder, _) = example();
        let mut state = Rc::new(State::new(date(2027, 1, 4), roster));
        let mut before = state.asking.clone();
        let mut wrong = Vec::new();
        for (i, (step, expected)) in steps.into_iter().enumerate() {
            let answer_to = |asked: Option<Shared<Asked>>, reply: Option<Reply>| {
                let asked = asked.expect("a schedule was asked for");
                let reply = reply.unwrap_or_else(|| answer(request(&asked, &ladder)));
                Action::Planned(asked, Box::new(opened(reply)))
            };
            let action = match step {
                Step::Do(action) => action,
                Step::Answer => answer_to(state.asking.clone(), None),
                Step::AnswerEarlier => answer_to(before.clone(), None),
                Step::Fails(why) => {
                    answer_to(state.asking.clone(), Some(Reply::Failed(why.into())))
                }
            };
            before = state.asking.clone();
            state = state.reduce(action);
            let got = planned(&state);
            if got != expected {
                wrong.push(format!(
                    "step {i}:\n  expected {expected}\n  got      {got}"
                ));
            }
        }
        assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
        (*state).clone()
    }

    /// How many reviews the core places for the example's pairs.
    fn placed(roster: &RosterInUse, start: Date, months: u8, cadence_weeks: u8) -> usize {
        let pairs: Vec<PairRef> = roster.roster.pairs.iter().map(PairRef::from).collect();
        let config = ScheduleConfig {
            months,
            cadence_weeks,
            ..ScheduleConfig::default()
        };
        schedule(&roster.roster, &pairs, start, &config)
            .reviews
            .len()
    }

    #[test]
    fn the_schedule_is_asked_of_the_worker_and_only_the_last_answer_counts() {
        let (_, roster) = example();
        let pairs = roster.roster.pairs.len();
        let (jan, mar) = (date(2027, 1, 4), date(2027, 3, 1));
        let year = placed(&roster, jan, 12, 4);
        let spring = placed(&roster, mar, 12, 4);
        let six = placed(&roster, mar, 12, 6);
        let state = check_planned(
            Some(roster.clone()),
            vec![
                (Step::Do(Action::ChoosePerson("m0001".into())), "asking from 2027-01-04 for 12 months every 4 weeks".into()),
                (Step::Answer, format!("{year} reviews for {pairs} pairs ({year} grouped) from 2027-01-04 for 12 months every 4 weeks")),
                // The same roster again (the page drawn anew): nothing asked.
                (Step::Do(Action::Roster(Some(roster.clone()))), format!("{year} reviews for {pairs} pairs ({year} grouped) from 2027-01-04 for 12 months every 4 weeks")),
                // Two changes in a row: the first one's answer comes too late.
                (Step::Do(Action::SetStart("2027-03-01".into())), format!("asking from 2027-03-01 for 12 months every 4 weeks; {year} reviews for {pairs} pairs ({year} grouped) from 2027-01-04 for 12 months every 4 weeks")),
                (Step::Do(Action::SetCadence("6".into())), format!("asking from 2027-03-01 for 12 months every 6 weeks; {year} reviews for {pairs} pairs ({year} grouped) from 2027-01-04 for 12 months every 4 weeks")),
                (Step::AnswerEarlier, format!("asking from 2027-03-01 for 12 months every 6 weeks; {year} reviews for {pairs} pairs ({year} grouped) from 2027-01-04 for 12 months every 4 weeks")),
                (Step::Answer, format!("{six} reviews for {pairs} pairs ({six} grouped) from 2027-03-01 for 12 months every 6 weeks")),
                // A failure says why; the schedule made before stays.
                (Step::Do(Action::SetCadence("4".into())), format!("asking from 2027-03-01 for 12 months every 4 weeks; {six} reviews for {pairs} pairs ({six} grouped) from 2027-03-01 for 12 months every 6 weeks")),
                (Step::Fails("no worker"), format!("{six} reviews for {pairs} pairs ({six} grouped) from 2027-03-01 for 12 months every 6 weeks; failed: no worker")),
                // A new setting asks again.
                (Step::Do(Action::SetMonths("12".into())), format!("{six} reviews for {pairs} pairs ({six} grouped) from 2027-03-01 for 12 months every 6 weeks; failed: no worker")),
                (Step::Do(Action::SetStart("2027-03-01".into())), format!("{six} reviews for {pairs} pairs ({six} grouped) from 2027-03-01 for 12 months every 6 weeks; failed: no worker")),
                (Step::Do(Action::SetMonths("11".into())), format!("asking from 2027-03-01 for 11 months every 4 weeks; {six} reviews for {pairs} pairs ({six} grouped) from 2027-03-01 for 12 months every 6 weeks")),
                (Step::Do(Action::SetMonths("12".into())), format!("asking from 2027-03-01 for 12 months every 4 weeks; {six} reviews for {pairs} pairs ({six} grouped) from 2027-03-01 for 12 months every 6 weeks")),
                (Step::Answer, format!("{spring} reviews for {pairs} pairs ({spring} grouped) from 2027-03-01 for 12 months every 4 weeks")),
                // Without a roster (or pairs) there is nothing to plan.
                (Step::Do(Action::Roster(None)), String::new()),
            ],
        );
        assert_eq!(state.person, "m0001");
        assert!(
            year != six && six != spring,
            "the settings change the schedule"
        );
    }

    #[test]
    fn a_roster_without_pairs_asks_for_nothing() {
        let (_, paired) = example();
        let unpaired = Shared::new(RosterInUse::new(
            None,
            doorgroei::roster::Roster {
                pairs: Vec::new(),
                ..paired.roster.clone()
            },
            paired.outcome.clone(),
        ));
        check_planned(
            Some(unpaired),
            vec![
                (Step::Do(Action::SetMonths("6".into())), String::new()),
                (
                    Step::Do(Action::Roster(Some(paired))),
                    "asking from 2027-01-04 for 6 months every 4 weeks".into(),
                ),
            ],
        );
    }
}
