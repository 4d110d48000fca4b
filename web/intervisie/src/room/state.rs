//! The Intervisie room: the settings the coordinator chose (group sizes,
//! how often and how long groups meet, the weights, from when and for how
//! long), the groups as they stand (formed, moved by hand, locked), and
//! the worker's last answer: the groups in words with their meetings, or
//! why a move was refused. Every step goes to the worker with the groups
//! held (only the answer to the last step counts); the rules are the
//! core's (`doorgroei::intervisie`), so the room cannot break one.

use std::rc::Rc;

use doorgroei::error::Report;
use doorgroei::exchange::{
    IntervisieReply, IntervisieRequest, IntervisieStep, Packed, Reply, Request, TextFile,
};
use doorgroei::format::{read_date, ScheduleFile};
use doorgroei::i18n::Bilingual;
use doorgroei::intervisie::{Due, Grouping, Held, IntervisieConfig, Meetings, Weights};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use yew::Reducible;

use crate::session::{LadderInUse, RosterInUse};
use crate::shared::Shared;

/// Where the room keeps its settings and groups in this browser ("Al mijn
/// gegevens wissen" removes it with the rest).
pub const KEY: &str = "doorgroei.intervisie";

/// Where Besprekingen keeps the scheduling settings: the meetings follow
/// the same holidays, closing days and first start time.
pub const SCHEDULE_KEY: &str = "doorgroei.besprekingen";

/// A setting the coordinator types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    MinSize,
    MaxSize,
    Cadence,
    Minutes,
    Months,
    SupervisionYears,
    Weight(usize),
}

/// The weights' names in the settings file, in the order shown.
pub const WEIGHTS: [&str; 6] = [
    "team",
    "level",
    "education",
    "location",
    "specialism",
    "earlier",
];

impl Field {
    /// What was typed in the field as the whole number it takes (every
    /// field takes whole numbers only): nothing typed, a decimal comma or
    /// point, or a number outside the limits are refused, each with its
    /// own message. The text is read as typed (the field is a text field:
    /// a browser's number field may read `6,5` as 65).
    pub fn read(self, text: &str) -> Result<u16, Refusal> {
        let (low, high) = self.range();
        let text = text.trim();
        if text.is_empty() {
            return Err(Refusal::Empty(low, high));
        }
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if let Some((whole, part)) = text.split_once([',', '.']) {
            if digits(whole) && digits(part) {
                return Err(Refusal::NotWhole(low, high));
            }
        }
        match text.parse::<u16>() {
            Ok(n) if digits(text) && (low..=high).contains(&n) => Ok(n),
            _ => Err(Refusal::Range(low, high)),
        }
    }

    /// The whole numbers the field takes (the settings file's limits).
    pub fn range(self) -> (u16, u16) {
        match self {
            Field::MinSize | Field::MaxSize => (3, 10),
            Field::Cadence => (2, 12),
            Field::Minutes => (30, 480),
            Field::SupervisionYears => (1, 20),
            Field::Months => (1, 36),
            Field::Weight(_) => (0, 1000),
        }
    }
}

/// The settings, as kept and as sent (a `doorgroei/intervisie@1` file).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    pub min_size: u8,
    pub max_size: u8,
    pub cadence_weeks: u8,
    pub minutes: u16,
    /// Seniors are due for supervision after this many years.
    #[serde(default = "five")]
    pub supervision_years: u8,
    pub weights: Weights,
    #[serde(with = "doorgroei::dates::date")]
    pub start: Date,
    pub months: u8,
}

fn five() -> u8 {
    5
}

impl Settings {
    /// The settings read from a file (in their limits: the core's loader
    /// checked them), with the start and the months kept.
    fn take(&mut self, c: &IntervisieConfig) {
        self.min_size = c.min_size;
        self.max_size = c.max_size;
        self.cadence_weeks = c.cadence_weeks;
        self.minutes = c.minutes;
        self.supervision_years = c.supervision_years;
        self.weights = c.weights;
    }

    fn new(today: Date) -> Settings {
        Settings {
            min_size: 5,
            max_size: 7,
            cadence_weeks: 6,
            minutes: 90,
            supervision_years: 5,
            weights: Weights::default(),
            start: today,
            months: 12,
        }
    }

    /// The settings file's text (what the worker reads, and what
    /// downloads as `intervisie.yaml`).
    pub fn file(&self) -> String {
        let w = &self.weights;
        format!(
            "schema: doorgroei/intervisie@1\nmin_size: {}\nmax_size: {}\ncadence_weeks: {}\nminutes: {}\nsupervision_years: {}\nweights: {{team: {}, level: {}, education: {}, location: {}, specialism: {}, earlier: {}}}\n",
            self.min_size,
            self.max_size,
            self.cadence_weeks,
            self.minutes,
            self.supervision_years,
            w.team,
            w.level,
            w.education,
            w.location,
            w.specialism,
            w.earlier
        )
    }

    pub fn value(&self, field: Field) -> i64 {
        let w = &self.weights;
        match field {
            Field::MinSize => i64::from(self.min_size),
            Field::MaxSize => i64::from(self.max_size),
            Field::Cadence => i64::from(self.cadence_weeks),
            Field::Minutes => i64::from(self.minutes),
            Field::SupervisionYears => i64::from(self.supervision_years),
            Field::Months => i64::from(self.months),
            Field::Weight(k) => [
                w.team,
                w.level,
                w.education,
                w.location,
                w.specialism,
                w.earlier,
            ][k.min(5)],
        }
    }

    /// Takes `n` for `field` (within its range); the smallest size above
    /// the largest is refused.
    fn set(&mut self, field: Field, n: u16) -> Result<(), Refusal> {
        let (low, high) = field.range();
        if !(low..=high).contains(&n) {
            return Err(Refusal::Range(low, high));
        }
        match field {
            Field::MinSize if n > u16::from(self.max_size) => {
                return Err(Refusal::MinAboveMax(self.max_size))
            }
            Field::MaxSize if n < u16::from(self.min_size) => {
                return Err(Refusal::MaxBelowMin(self.min_size))
            }
            Field::MinSize => self.min_size = n as u8,
            Field::MaxSize => self.max_size = n as u8,
            Field::Cadence => self.cadence_weeks = n as u8,
            Field::Minutes => self.minutes = n,
            Field::SupervisionYears => self.supervision_years = n as u8,
            Field::Months => self.months = n as u8,
            Field::Weight(k) => {
                let w = &mut self.weights;
                let n = i64::from(n);
                match k {
                    0 => w.team = n,
                    1 => w.level = n,
                    2 => w.education = n,
                    3 => w.location = n,
                    4 => w.specialism = n,
                    _ => w.earlier = n,
                }
            }
        }
        Ok(())
    }
}

/// Why a typed value was not taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Nothing typed (a whole number from .. to .. is needed).
    Empty(u16, u16),
    /// A number with a decimal comma or point (`6,5`): only whole numbers
    /// from .. to .. are taken.
    NotWhole(u16, u16),
    /// Not a whole number from .. to ...
    Range(u16, u16),
    /// The smallest size above the largest (which is given).
    MinAboveMax(u8),
    /// The largest size below the smallest (which is given).
    MaxBelowMin(u8),
    /// Not a date.
    NotADate,
}

/// The groups in words, as the worker last gave them.
#[derive(Clone, Debug, PartialEq)]
pub struct Shown {
    pub grouping: Grouping,
    pub meetings: Meetings,
    /// How many pairs of colleagues the earlier groups hold.
    pub earlier_pairs: Option<usize>,
}

/// A step sent to the worker: its number (only the last one's answer
/// counts) and the request.
#[derive(Clone, Debug, PartialEq)]
pub struct Asked {
    pub number: u64,
    pub request: IntervisieRequest,
}

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub settings: Settings,
    /// What was typed in a field and refused, and why (the field keeps
    /// showing it to correct; the setting keeps its value).
    pub refused_field: Option<(Field, String, Refusal)>,
    /// The start date typed and not (yet) a date.
    pub start_typed: Option<String>,
    /// The groups as they stand.
    pub held: Vec<Held>,
    /// The worker's last groups in words.
    pub shown: Option<Shared<Shown>>,
    /// Why the last move was not made.
    pub refused: Option<Bilingual>,
    /// The person whose new group is being chosen (an id).
    pub picked: Option<String>,
    /// The last move made: who (an id) and to which group (from 0).
    pub moved: Option<(String, usize)>,
    /// The settings or the earlier groups could not be read.
    pub problems: Option<Report>,
    /// The settings file opened could not be read: its problems.
    pub settings_problems: Option<Report>,
    /// The settings file last read without problems (its name), until a
    /// setting is typed.
    pub settings_read: Option<String>,
    /// The worker gave no answer (only a bug causes this).
    pub failed: Option<String>,
    /// Last year's groups, when a file was opened.
    pub earlier: Option<TextFile>,
    /// The earlier groups' file as last read without problems.
    pub earlier_read: Option<TextFile>,
    /// The scheduling settings of Besprekingen (holidays, closing days).
    pub schedule: Option<ScheduleFile>,
    pub roster: Option<Shared<RosterInUse>>,
    /// The step waiting for its answer.
    pub asking: Option<Asked>,
    /// Who is due for supervision (asked with every roster).
    pub due: Option<Shared<Vec<Due>>>,
    pub asking_due: Option<Asked>,
    pub today: Date,
    counter: u64,
}

/// What the room keeps in this browser: the settings and the groups
/// (ids only), and last year's groups when a file was opened.
#[derive(Serialize, Deserialize)]
struct Kept {
    settings: Settings,
    #[serde(default)]
    held: Vec<Held>,
    #[serde(default)]
    earlier: Option<TextFile>,
}

#[derive(Debug)]
pub enum Action {
    Roster(Option<Shared<RosterInUse>>),
    Set(Field, String),
    SetStart(String),
    /// Form the groups (the locked ones stay).
    Form,
    /// Move a person (id) to a group (its place, from 0).
    Move(String, usize),
    Lock(usize, bool),
    OpenEarlier(TextFile),
    ForgetEarlier,
    /// A settings file (`doorgroei/intervisie@1`) opened: read in the
    /// worker by the core's loader.
    OpenSettings(TextFile),
    /// The worker's answer to step `number`.
    Answered(u64, Box<Reply>),
    /// The supervision list for step `number`.
    DueAnswered(u64, Box<Reply>),
    DismissRefusal,
    /// Choose a new group for this person (`None`: no longer).
    Pick(Option<String>),
}

impl State {
    pub fn new(today: Date, roster: Option<Shared<RosterInUse>>) -> State {
        State {
            settings: Settings::new(today),
            refused_field: None,
            start_typed: None,
            held: Vec::new(),
            shown: None,
            refused: None,
            picked: None,
            moved: None,
            problems: None,
            settings_problems: None,
            settings_read: None,
            failed: None,
            earlier: None,
            earlier_read: None,
            schedule: None,
            roster,
            asking: None,
            due: None,
            asking_due: None,
            today,
            counter: 0,
        }
    }

    /// With what this browser kept (`kept`, JSON), within the limits;
    /// what cannot be read is left as it is.
    pub fn with_kept(mut self, kept: &str) -> State {
        let Ok(kept) = serde_json::from_str::<Kept>(kept) else {
            return self;
        };
        let mut settings = Settings::new(self.today);
        settings.start = kept.settings.start;
        // The largest size before and after the smallest: 3 to 4 is taken
        // from the defaults 5 to 7 (4 is refused while the smallest is 5).
        for field in [
            Field::MaxSize,
            Field::MinSize,
            Field::MaxSize,
            Field::Cadence,
            Field::Minutes,
            Field::Months,
            Field::SupervisionYears,
        ]
        .into_iter()
        .chain((0..6).map(Field::Weight))
        {
            let value = kept.settings.value(field);
            let _ = settings.set(field, u16::try_from(value).unwrap_or(u16::MAX));
        }
        self.settings = settings;
        self.held = kept.held;
        self.earlier_read = kept.earlier.clone();
        self.earlier = kept.earlier;
        self
    }

    /// With Besprekingen's scheduling settings as kept (JSON); others
    /// leave the defaults.
    pub fn with_schedule(mut self, kept: &str) -> State {
        #[derive(Deserialize)]
        struct Planning {
            #[serde(default)]
            settings: Option<ScheduleFile>,
        }
        self.schedule = serde_json::from_str::<Planning>(kept)
            .ok()
            .and_then(|p| p.settings)
            .filter(|f| f.config().is_some());
        self
    }

    /// What this browser keeps (JSON).
    pub fn kept(&self) -> String {
        let kept = Kept {
            settings: self.settings.clone(),
            held: self.held.clone(),
            earlier: self.earlier.clone(),
        };
        serde_json::to_string(&kept).unwrap_or_default()
    }

    /// The request for `step` with everything as it stands now (the
    /// ladder and the roster are put in as it goes: [`Asked::request`]).
    fn step_request(&self, step: IntervisieStep) -> IntervisieRequest {
        IntervisieRequest {
            ladder: String::new(),
            roster: String::new(),
            settings: TextFile {
                name: "intervisie.yaml".into(),
                text: self.settings.file(),
            },
            earlier: self.earlier.clone(),
            schedule: self.schedule.as_ref().map(Packed::new),
            held: self.held.clone(),
            start: self.settings.start,
            months: self.settings.months,
            step,
        }
    }

    /// Asks the worker for `step` (the groups held as they are).
    fn ask(&mut self, step: IntervisieStep) {
        self.counter += 1;
        self.asking = Some(Asked {
            number: self.counter,
            request: self.step_request(step),
        });
    }

    /// The groups put in words again (after a setting or the roster
    /// changed), when there are any.
    fn again(&mut self) {
        if !self.held.is_empty() && self.roster.is_some() {
            self.ask(IntervisieStep::Arrange);
        }
    }

    /// Asks who is due for supervision (with every roster).
    fn ask_due(&mut self) {
        if self.roster.is_some() {
            self.counter += 1;
            self.asking_due = Some(Asked {
                number: self.counter,
                request: self.step_request(IntervisieStep::Supervision { today: self.today }),
            });
        }
    }

    /// Whether a step is on its way.
    pub fn busy(&self) -> bool {
        self.asking.is_some()
    }

    /// Whether the step on its way reads a settings file.
    pub fn reading_settings(&self) -> bool {
        matches!(
            self.asking.as_ref().map(|a| &a.request.step),
            Some(IntervisieStep::ReadSettings { .. })
        )
    }
}

impl State {
    /// A file's request (`step`: the table, a calendar, the supervision
    /// list) with the groups as they stand.
    pub fn file_request(
        &self,
        ladder: &LadderInUse,
        roster: &Shared<RosterInUse>,
        step: IntervisieStep,
    ) -> Option<Request> {
        let asked = Asked {
            number: 0,
            request: self.step_request(step),
        };
        Some(asked.request(ladder, roster))
    }
}

impl Asked {
    /// The request as it goes: with the ladder and the roster.
    pub fn request(&self, ladder: &LadderInUse, roster: &Shared<RosterInUse>) -> Request {
        let mut request = self.request.clone();
        request.ladder = ladder.file.text.clone();
        request.roster = roster.json().to_string();
        Request::Intervisie(Packed::new(&request))
    }
}

/// Reads a typed start: `4-1-2027`, `2027-01-04`.
pub fn read_start(text: &str) -> Option<Date> {
    read_date(text)
}

impl State {
    /// The worker's answer to a settings file (`name`) opened: the
    /// settings taken (and the groups and the supervision list asked
    /// again with them), or the file's problems.
    fn read_settings(&mut self, name: String, reply: Reply) {
        let read = match reply {
            Reply::Intervisie(packed) => packed.open(),
            other => Err(other.failure()),
        };
        match read {
            Ok(IntervisieReply::Settings(config)) => {
                let before = self.settings.clone();
                self.settings.take(&config);
                self.refused_field = None;
                self.settings_problems = None;
                self.settings_read = Some(name);
                if self.settings.supervision_years != before.supervision_years {
                    self.ask_due();
                }
                if self.settings != before {
                    self.again();
                }
            }
            Ok(IntervisieReply::Problems(report)) => {
                self.settings_read = None;
                self.settings_problems = Some(report);
            }
            Ok(_) => self.failed = Some("an answer of another kind".into()),
            Err(why) => self.failed = Some(why),
        }
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Roster(roster) => {
                if next.roster != roster {
                    next.roster = roster;
                    next.again();
                    next.ask_due();
                }
            }
            Action::Set(field, text) => {
                let before = next.settings.clone();
                match field.read(&text).and_then(|n| next.settings.set(field, n)) {
                    Ok(()) => {
                        next.refused_field = None;
                        next.settings_problems = None;
                        next.settings_read = None;
                        if next.settings != before {
                            if field == Field::SupervisionYears {
                                next.ask_due();
                            } else {
                                next.again();
                            }
                        }
                    }
                    Err(why) => next.refused_field = Some((field, text, why)),
                }
            }
            Action::SetStart(text) => match read_start(&text) {
                Some(d) => {
                    next.start_typed = None;
                    if d != next.settings.start {
                        next.settings.start = d;
                        next.again();
                    }
                }
                None => next.start_typed = Some(text),
            },
            Action::Form => {
                next.refused = None;
                if next.roster.is_some() {
                    next.ask(IntervisieStep::Form);
                }
            }
            Action::Pick(who) => next.picked = who,
            Action::Move(who, to) => {
                next.refused = None;
                next.picked = None;
                next.ask(IntervisieStep::Move { who, to });
            }
            Action::Lock(k, locked) => {
                if let Some(g) = next.held.get_mut(k) {
                    g.locked = locked;
                    next.refused = None;
                    next.again();
                }
            }
            Action::OpenEarlier(file) => {
                next.earlier = Some(file);
                next.problems = None;
                next.again();
            }
            Action::ForgetEarlier => {
                next.earlier = None;
                next.problems = None;
                next.again();
            }
            Action::OpenSettings(file) => {
                if next.roster.is_some() {
                    next.ask(IntervisieStep::ReadSettings { file });
                }
            }
            Action::Answered(number, reply) => {
                if next.asking.as_ref().map(|a| a.number) != Some(number) {
                    return self;
                }
                let step = next.asking.take().map(|a| a.request.step);
                next.failed = None;
                if let Some(IntervisieStep::ReadSettings { file }) = step {
                    next.read_settings(file.name, *reply);
                    return Rc::new(next);
                }
                next.moved = None;
                match *reply {
                    Reply::Intervisie(packed) => match packed.open() {
                        Ok(IntervisieReply::Groups {
                            grouping,
                            meetings,
                            refused,
                            earlier_pairs,
                        }) => {
                            next.problems = None;
                            next.earlier_read = next.earlier.clone();
                            next.held = grouping.groups.iter().map(Held::from).collect();
                            if let (None, Some(IntervisieStep::Move { who, to })) = (&refused, step)
                            {
                                next.moved = Some((who, to));
                            }
                            next.refused = refused;
                            next.shown = Some(Shared::new(Shown {
                                grouping,
                                meetings,
                                earlier_pairs,
                            }));
                        }
                        Ok(IntervisieReply::Problems(report)) => {
                            // A file that could not be read is not taken: the
                            // earlier groups are those that were read before.
                            next.earlier = next.earlier_read.clone();
                            next.problems = Some(report)
                        }
                        Ok(IntervisieReply::Failed(why)) => next.failed = Some(why),
                        Ok(_) => next.failed = Some("an answer of another kind".into()),
                        Err(why) => next.failed = Some(why),
                    },
                    other => next.failed = Some(other.failure()),
                }
            }
            Action::DueAnswered(number, reply) => {
                if next.asking_due.as_ref().map(|a| a.number) != Some(number) {
                    return self;
                }
                next.asking_due = None;
                if let Reply::Intervisie(packed) = *reply {
                    if let Ok(IntervisieReply::Due(due)) = packed.open() {
                        next.due = Some(Shared::new(due));
                    }
                }
            }
            Action::DismissRefusal => {
                next.refused = None;
                next.moved = None;
            }
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use doorgroei::exchange::answer;
    use doorgroei::format::{load_ladder, load_roster};
    use doorgroei::matching::Assignment;
    use doorgroei::Lang;
    use jiff::civil::date;

    fn ladder() -> LadderInUse {
        let text = include_str!("../../../../pathways/welzijn-groeit.yaml");
        let ladder = load_ladder("welzijn-groeit.yaml", text).unwrap();
        LadderInUse {
            file: TextFile {
                name: "welzijn-groeit.yaml".into(),
                text: doorgroei::format::ladder_file_to_json(
                    &doorgroei::format::load_ladder_file("l.yaml", text)
                        .unwrap()
                        .1,
                ),
            },
            ladder,
        }
    }

    fn roster(ladder: &LadderInUse) -> Shared<RosterInUse> {
        let text = include_str!("../../../../pathways/rooster-welzijn-groeit.yaml");
        Shared::new(RosterInUse::new(
            Some("rooster.yaml".into()),
            load_roster("r.yaml", text.as_bytes(), &ladder.ladder).unwrap(),
            Assignment::default(),
        ))
    }

    /// Runs the step asked (if any) through the core, as the worker
    /// would, and gives the answer to the room.
    fn answered(state: Rc<State>, ladder: &LadderInUse) -> Rc<State> {
        let Some(asked) = state.asking.clone() else {
            return state;
        };
        let roster = state.roster.clone().unwrap();
        let reply = answer(asked.request(ladder, &roster));
        state.reduce(Action::Answered(asked.number, Box::new(reply)))
    }

    #[test]
    fn groups_are_formed_moved_locked_and_formed_again() {
        let ladder = ladder();
        let state = Rc::new(State::new(date(2027, 1, 4), None));
        let state = state.reduce(Action::Roster(Some(roster(&ladder))));
        // Nothing formed yet: nothing asked but the supervision list.
        assert!(state.asking.is_none() && state.asking_due.is_some());
        let state = answered(state.reduce(Action::Form), &ladder);
        let shown = state.shown.clone().unwrap();
        assert_eq!(shown.grouping.taking_part, 30);
        let sizes: Vec<usize> = state.held.iter().map(|g| g.members.len()).collect();
        assert_eq!(sizes, [5, 5, 6, 7, 7]);
        assert!(!shown.meetings.meetings.is_empty());
        // A move out of a group of 5 is refused with the rule; the groups
        // stay as they were.
        let who = state.held[0].members[0].clone();
        let held = state.held.clone();
        let state = answered(state.reduce(Action::Move(who, 2)), &ladder);
        let refused = state.refused.clone().unwrap();
        assert!(
            refused
                .nl
                .contains("kan niet weg uit groep 1: die houdt dan 4 mensen over"),
            "{refused:?}"
        );
        assert_eq!(state.held, held);
        // From the group of 6 to a group of 5 it is made.
        let who = state.held[2].members[0].clone();
        let state = answered(state.reduce(Action::Move(who.clone(), 1)), &ladder);
        assert_eq!(state.refused, None);
        assert!(state.held[1].members.contains(&who));
        assert_eq!(state.held[1].members.len(), 6);
        // Group 2 locked; formed again, it stays group 2, unchanged (the
        // new groups take the other numbers).
        let kept = state.held[1].members.clone();
        let state = answered(state.reduce(Action::Lock(1, true)), &ladder);
        assert!(state.held[1].locked);
        let state = answered(state.reduce(Action::Form), &ladder);
        let locked: Vec<usize> = (0..state.held.len())
            .filter(|&k| state.held[k].locked)
            .collect();
        assert_eq!((locked, &state.held[1].members), (vec![1], &kept));
        let placed: usize = state.held.iter().map(|g| g.members.len()).sum();
        assert_eq!(
            placed + state.shown.as_ref().unwrap().grouping.left_out.len(),
            30
        );
        // Kept in the browser and read back.
        let back = State::new(date(2027, 1, 4), None).with_kept(&state.kept());
        assert_eq!(back.held, state.held);
        assert_eq!(back.settings, state.settings);
    }

    #[test]
    fn settings_out_of_their_limits_are_refused_and_keep_their_value() {
        let state = Rc::new(State::new(date(2027, 1, 4), None));
        let state = state.reduce(Action::Set(Field::MinSize, "2".into()));
        assert_eq!(
            state.refused_field,
            Some((Field::MinSize, "2".into(), Refusal::Range(3, 10)))
        );
        assert_eq!(state.settings.min_size, 5);
        let state = state.reduce(Action::Set(Field::MinSize, "8".into()));
        assert_eq!(
            state.refused_field.as_ref().unwrap().2,
            Refusal::MinAboveMax(7)
        );
        let state = state.reduce(Action::Set(Field::MaxSize, "4".into()));
        assert_eq!(
            state.refused_field.as_ref().unwrap().2,
            Refusal::MaxBelowMin(5)
        );
        let state = state.reduce(Action::Set(Field::Weight(5), "1000".into()));
        assert_eq!(
            (state.refused_field.clone(), state.settings.weights.earlier),
            (None, 1000)
        );
        let state = state.reduce(Action::Set(Field::Weight(5), "1001".into()));
        assert_eq!(state.settings.weights.earlier, 1000);
        let state = state.reduce(Action::SetStart("4-1-2027x".into()));
        assert_eq!(state.start_typed.as_deref(), Some("4-1-2027x"));
        let state = state.reduce(Action::SetStart("1-2-2027".into()));
        assert_eq!(
            (state.settings.start, state.start_typed.clone()),
            (date(2027, 2, 1), None)
        );
        // The file the worker reads says the same.
        let config =
            doorgroei::format::load_intervisie_config("i.yaml", &state.settings.file()).unwrap();
        assert_eq!(
            (config.min_size, config.max_size, config.weights.earlier),
            (5, 7, 1000)
        );
        // Supervision after 20 years: the list is asked again, with the setting.
        let state = state.reduce(Action::Set(Field::SupervisionYears, "20".into()));
        let config =
            doorgroei::format::load_intervisie_config("i.yaml", &state.settings.file()).unwrap();
        assert_eq!(config.supervision_years, 20);
        let state = state.reduce(Action::Set(Field::SupervisionYears, "21".into()));
        assert_eq!(
            (
                state.settings.supervision_years,
                state.refused_field.clone().map(|r| r.2)
            ),
            (20, Some(Refusal::Range(1, 20)))
        );
        // A kept value out of its limits is not taken.
        let kept = state.kept().replace("\"minutes\":90", "\"minutes\":9000");
        assert_eq!(
            State::new(date(2027, 1, 4), None)
                .with_kept(&kept)
                .settings
                .minutes,
            90
        );
    }

    /// What is typed in `field`: taken as `expected`, or refused.
    fn check_typed(field: Field, typed: &str, expected: Result<u16, Refusal>) {
        assert_eq!(field.read(typed), expected, "{field:?} {typed:?}");
        // The room takes the same, or keeps the setting and says why.
        let state = Rc::new(State::new(date(2027, 1, 4), None));
        let before = state.settings.value(field);
        let state = state.reduce(Action::Set(field, typed.into()));
        match expected {
            Ok(n) => assert_eq!(
                (state.settings.value(field), state.refused_field.clone()),
                (i64::from(n), None),
                "{field:?} {typed:?}"
            ),
            Err(why) => assert_eq!(
                (state.settings.value(field), state.refused_field.clone()),
                (before, Some((field, typed.to_string(), why))),
                "{field:?} {typed:?}"
            ),
        }
    }

    #[test]
    fn typed_settings_are_whole_numbers_in_their_limits() {
        use Refusal::*;
        check_typed(Field::Minutes, "60", Ok(60));
        check_typed(Field::Minutes, " 120 ", Ok(120));
        check_typed(Field::Minutes, "", Err(Empty(30, 480)));
        check_typed(Field::Minutes, "   ", Err(Empty(30, 480)));
        // A decimal comma or point is not read as a larger number (6,5 is
        // not 65): every field takes whole numbers only.
        check_typed(Field::MinSize, "6,5", Err(NotWhole(3, 10)));
        check_typed(Field::Cadence, "6.5", Err(NotWhole(2, 12)));
        check_typed(Field::Weight(0), "1.000", Err(NotWhole(0, 1000)));
        check_typed(Field::Minutes, "90,0", Err(NotWhole(30, 480)));
        check_typed(Field::Minutes, "6,", Err(Range(30, 480)));
        check_typed(Field::Minutes, "1 000", Err(Range(30, 480)));
        check_typed(Field::Minutes, "+60", Err(Range(30, 480)));
        check_typed(Field::Minutes, "-60", Err(Range(30, 480)));
        check_typed(Field::Minutes, "zestig", Err(Range(30, 480)));
        check_typed(Field::Minutes, "99999999", Err(Range(30, 480)));
        check_typed(Field::Minutes, "20", Err(Range(30, 480)));
        check_typed(Field::Months, "36", Ok(36));
        check_typed(Field::Weight(3), "0", Ok(0));
    }

    #[test]
    fn every_refusal_says_what_is_wrong_in_both_languages() {
        use super::super::texts::{fill, I};
        // (text, Dutch, English) as the room shows them.
        let rows = [
            (
                fill(Lang::Nl, I::Empty, &["3", "10"]),
                "Dit veld is leeg: vul een heel getal in van 3 tot en met 10.",
            ),
            (
                fill(Lang::En, I::Empty, &["3", "10"]),
                "This field is empty: fill in a whole number from 3 to 10.",
            ),
            (
                fill(Lang::Nl, I::NotWhole, &["6,5", "3", "10"]),
                "‘6,5’ kan hier niet: kies een heel getal van 3 tot en met 10, zonder komma of punt.",
            ),
            (
                fill(Lang::En, I::NotWhole, &["6,5", "3", "10"]),
                "‘6,5’ is not possible here: choose a whole number from 3 to 10, without a comma or point.",
            ),
        ];
        for (got, expected) in rows {
            assert_eq!(got, expected);
        }
    }

    /// A settings file opened with groups formed: the settings and the
    /// problems afterwards, and whether the groups were asked again.
    fn check_opened(
        text: &str,
        expected: Result<(u8, u8, u16, u8), &[&str]>,
        lang: Lang,
        again: bool,
    ) {
        let ladder = ladder();
        let state = Rc::new(State::new(date(2027, 1, 4), None));
        let state = state.reduce(Action::Roster(Some(roster(&ladder))));
        let state = answered(state.reduce(Action::Form), &ladder);
        let held = state.held.clone();
        // A refused typed value goes when a file is read.
        let state = state.reduce(Action::Set(Field::Months, String::new()));
        let state = state.reduce(Action::OpenSettings(TextFile {
            name: "mijn.yaml".into(),
            text: text.into(),
        }));
        assert!(state.reading_settings());
        let state = answered(state, &ladder);
        assert_eq!(state.failed, None);
        let s = &state.settings;
        match expected {
            Ok(values) => {
                assert_eq!(
                    (s.min_size, s.max_size, s.minutes, s.supervision_years),
                    values,
                    "{text}"
                );
                assert_eq!(
                    (
                        state.settings_read.as_deref(),
                        &state.settings_problems,
                        &state.refused_field
                    ),
                    (Some("mijn.yaml"), &None, &None)
                );
                // The start and the months are not in the file: kept.
                assert_eq!((s.start, s.months), (date(2027, 1, 4), 12));
            }
            Err(lines) => {
                let report = state.settings_problems.clone().unwrap();
                let got: Vec<&str> = report.lines.iter().map(|l| l.get(lang)).collect();
                assert_eq!((report.file.as_str(), got.as_slice()), ("mijn.yaml", lines));
                assert_eq!(state.settings_read, None);
                // The settings stay as they were.
                assert_eq!(
                    (s.min_size, s.max_size, s.minutes, s.supervision_years),
                    (5, 7, 90, 5)
                );
            }
        }
        assert_eq!(state.asking.is_some(), again, "{text}");
        // Asked again, the groups stay the held ones (arranged, not formed).
        let state = answered(state, &ladder);
        assert_eq!(state.held.len(), held.len());
        assert_eq!(state.problems, None);
    }

    #[test]
    fn a_settings_file_is_opened_in_the_worker_or_its_problems_shown() {
        let schema = "schema: doorgroei/intervisie@1\n";
        // What the room downloads reads back, changing nothing.
        let file = Settings::new(date(2027, 1, 4)).file();
        check_opened(&file, Ok((5, 7, 90, 5)), Lang::Nl, false);
        check_opened(
            &format!("{schema}min_size: 4\nmax_size: 6\nminutes: 60\nsupervision_years: 3\n"),
            Ok((4, 6, 60, 3)),
            Lang::Nl,
            true,
        );
        // 3 to 4 is taken although 4 is below the smallest size before.
        check_opened(
            &format!("{schema}min_size: 3\nmax_size: 4\n"),
            Ok((3, 4, 90, 5)),
            Lang::En,
            true,
        );
        check_opened(
            &format!("{schema}minutes: 20\nmin_size: 6,5\n"),
            Err(&["mijn.yaml:3:11: min_size: verwacht een geheel getal, gevonden de tekst '6,5'"]),
            Lang::Nl,
            false,
        );
        check_opened(
            &format!("{schema}minutes: 20\nsupervision_years: 30\n"),
            Err(&[
                "mijn.yaml:2:10: minutes: invalid value 20; expected a whole number from 30 to 480",
                "mijn.yaml:3:20: supervision_years: invalid value 30; expected a whole number from 1 to 20",
            ]),
            Lang::En,
            false,
        );
        check_opened(
            "schema: doorgroei/matching@1\n",
            Err(&["mijn.yaml:1:9: schema 'doorgroei/matching@1' wordt niet ondersteund; verwacht 'doorgroei/intervisie@1'"]),
            Lang::Nl,
            false,
        );
        // Not a settings file at all.
        check_opened(
            "naam,team\nAnna,Noord\n",
            Err(&["mijn.yaml:1:1: verwacht regels 'sleutel: waarde', gevonden de tekst 'naam,team Anna,Noord'"]),
            Lang::Nl,
            false,
        );
    }

    #[test]
    fn kept_sizes_below_the_defaults_are_taken() {
        for (min, max) in [(3, 4), (3, 10), (8, 9), (4, 4), (10, 10)] {
            let mut kept = State::new(date(2027, 1, 4), None);
            kept.settings.min_size = min;
            kept.settings.max_size = max;
            let back = State::new(date(2027, 1, 4), None).with_kept(&kept.kept());
            assert_eq!((back.settings.min_size, back.settings.max_size), (min, max));
        }
    }
}
