//! The Mentorkoppeling room: the roster (it owns the session's roster), a
//! roster file being read, the columns of a table file (the mapping step),
//! a matching under way, and what went wrong; the matching settings; people
//! edited, added and removed, with undo.

use std::rc::Rc;

use doorgroei::error::Report;
use doorgroei::exchange::{
    with_known, Columns, Import, ImportReply, MatchMode, MatchReply, PersonReply, Reply, Request,
    TextFile,
};
use doorgroei::format::{
    match_config_from_written, match_config_to_yaml, person_form_cells, roster_from_file,
    roster_from_json, ColumnsFile, Field,
};
use doorgroei::i18n::Bilingual;
use doorgroei::ladder::Level;
use doorgroei::matching::{needs_mentor, Assignment, MatchConfig, Matched, Unmatched};
use doorgroei::people::{self, Done, Step};
use doorgroei::roster::{Pair, Person, Roster};
use doorgroei::sort::map_of;

use crate::session::{Event, LadderInUse, RosterInUse, Session};
use crate::shared::worker::no_answer;
use crate::shared::Shared;

/// The example roster (`pathways/`, a CSV file as HR exports it).
pub const EXAMPLE_ROSTER_NAME: &str = "rooster-welzijn-groeit.csv";
/// Its JSON form, read at build time (`build.rs`).
pub const EXAMPLE_ROSTER_JSON: &str =
    include_str!(concat!(env!("OUT_DIR"), "/example-roster.json"));

#[derive(Clone, Debug, Default, PartialEq)]
pub struct State {
    /// The problems of the last roster file that failed to load.
    pub errors: Option<Rc<Report>>,
    /// The warnings about the roster file shown (allowed, but probably mistakes).
    pub warnings: Option<Rc<Report>>,
    /// Why the last matching failed.
    pub failed: Option<String>,
    /// A matching under way in the worker.
    pub matching: Option<Shared<Matching>>,
    /// The roster after an edit by hand, being explained in the worker
    /// (`MatchMode::Review`); meanwhile its pairs show as they were.
    pub reviewing: Option<Shared<Matching>>,
    /// A roster file being read in the worker.
    pub importing: Option<Shared<Importing>>,
    /// The mapping step of the last table file read (CSV or a sheet).
    pub columns: Option<Shared<ColumnsStep>>,
    /// The column mappings this browser remembers (headers only), as the
    /// worker writes them: kept under `doorgroei.kolommen`.
    pub remembered: Option<Shared<String>>,
    /// The matching settings: for matching, for the review of the pairs
    /// and for who can mentor (capacities the roster leaves empty).
    pub settings: MatchConfig,
    /// A settings file being read in the worker.
    pub reading_settings: Option<Shared<TextFile>>,
    /// The problems of the last settings file that could not be read.
    pub settings_errors: Option<Rc<Report>>,
    /// The person form that is open.
    pub form: Option<Form>,
    /// Its field texts (as `format::person_cells` orders them).
    pub texts: Vec<String>,
    /// The form's person being checked in the worker.
    pub checking: Option<Shared<Checking>>,
    /// What the worker found wrong with the form's person.
    pub problems: Option<Rc<Problems>>,
    /// The people edits that can be undone, the last one last (at most
    /// [`UNDO_LIMIT`]).
    pub undo: Vec<Shared<Undo>>,
    /// What the last people edit (or undo) did.
    pub said: Option<Said>,
}

/// How many people edits can be undone.
pub const UNDO_LIMIT: usize = 20;

/// Whom the person form is for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Form {
    /// Someone new.
    New,
    /// The person with this id.
    Person(String),
}

/// A person from the form being checked in the worker: the field texts, in
/// the place of the person at `at` (`None`: added) in this roster.
#[derive(Debug)]
pub struct Checking {
    pub at: Option<usize>,
    pub cells: Vec<String>,
    pub roster: Shared<RosterInUse>,
    pub ladder: Shared<LadderInUse>,
}

/// What is wrong with the form's person, in both languages: per field (in
/// the order of `format::person_cells`) and elsewhere in the roster.
#[derive(Debug, PartialEq)]
pub struct Problems {
    pub fields: Vec<Option<Bilingual>>,
    pub others: Vec<Bilingual>,
}

/// An edit that can be undone: the steps that undo it, and what it did.
#[derive(Debug)]
pub struct Undo {
    pub steps: Vec<Step>,
    pub said: Said,
}

impl Undo {
    /// Whether undoing it puts pairs back by position (a person removed,
    /// an id changed): after other changes to the pairs it no longer can.
    fn moves_pairs(&self) -> bool {
        self.steps.iter().any(|s| {
            matches!(
                s,
                Step::SetPair(..) | Step::InsertPair(..) | Step::RemovePair(..)
            )
        })
    }
}

/// What a people edit did, for the line that says so.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Said {
    pub did: Did,
    /// Whom it was about.
    pub name: String,
    /// Pairs that ended.
    pub ended: usize,
    /// Other people changed with it (who named the person).
    pub others: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Did {
    Added,
    Changed,
    Removed,
    /// The edit about `name` was undone.
    Undone,
}

/// A roster file being read in the worker.
#[derive(Debug)]
pub struct Importing {
    pub name: String,
    /// Kept to read the file again should the ladder change meanwhile.
    pub bytes: Rc<[u8]>,
    /// The ladder it is checked against.
    pub ladder: Shared<LadderInUse>,
    /// The columns chosen in the mapping step (`None`: remembered or recognised).
    pub columns: Option<ColumnsFile>,
    /// The sheet of a spreadsheet (`None`: the first).
    pub sheet: Option<String>,
    /// The mappings remembered when it was asked.
    pub remembered: Option<Shared<String>>,
}

/// The mapping step of a table file: which column holds which field. It is
/// open while a field a roster needs has no column, and after the file is
/// read for as long as the roster shown is the one it gave (a matching, a
/// change by hand or another file closes it) or until the coordinator
/// closes it. The file's bytes are kept here, in memory only, while the
/// step is open: choosing columns or a sheet reads them again.
#[derive(Debug)]
pub struct ColumnsStep {
    pub name: String,
    pub bytes: Rc<[u8]>,
    /// How the worker read the columns: every column with its first values.
    pub columns: Columns,
    /// The field chosen for each column, in the order of `columns.preview`.
    pub choices: Vec<Option<Field>>,
    /// The choices are shown, not only what was read.
    pub editing: bool,
    /// The roster the file gave, if it was read.
    pub roster: Option<Shared<RosterInUse>>,
}

impl ColumnsStep {
    /// The fields a roster needs that the choices give no column.
    pub fn missing(&self) -> Vec<Field> {
        self.chosen().missing()
    }

    /// The choices as a columns file: each chosen field and its column's header.
    pub fn chosen(&self) -> ColumnsFile {
        ColumnsFile(map_of(
            self.choices
                .iter()
                .zip(&self.columns.preview)
                .filter_map(|(f, p)| Some(((*f)?, p.header.clone()))),
        ))
    }

    /// The headers of the columns not used.
    pub fn unused(&self) -> Vec<&str> {
        self.columns
            .preview
            .iter()
            .filter(|p| p.field.is_none() && !p.header.is_empty())
            .map(|p| p.header.as_str())
            .collect()
    }

    fn with(&self, choices: Vec<Option<Field>>, editing: bool) -> ColumnsStep {
        ColumnsStep {
            name: self.name.clone(),
            bytes: self.bytes.clone(),
            columns: self.columns.clone(),
            choices,
            editing,
            roster: self.roster.clone(),
        }
    }

    /// The choices as the worker read the columns.
    fn as_read(&self) -> Vec<Option<Field>> {
        self.columns.preview.iter().map(|p| p.field).collect()
    }
}

/// A matching under way: of this roster, as it was when it began, with
/// these settings.
#[derive(Clone, Debug)]
pub struct Matching {
    pub roster: Shared<RosterInUse>,
    pub mode: MatchMode,
    pub settings: MatchConfig,
    /// The day the matching looks from (the browser's today): who has
    /// left, which pairs have ended, how long mentees have waited.
    pub today: jiff::civil::Date,
    /// Send the roster itself: the worker did not have it kept.
    pub whole: bool,
}

pub enum Action {
    /// Take the built-in example roster.
    UseExample,
    /// Read this roster file (name, bytes; CSV, a spreadsheet or YAML) in the worker.
    Import(String, Vec<u8>),
    /// Show the choices of the mapping step.
    AdjustColumns,
    /// Column (from 0) holds this field, or none: the field leaves any
    /// other column.
    SetColumn(usize, Option<Field>),
    /// Read the file again with the columns chosen.
    ConfirmColumns,
    /// Read the file again from this sheet, its columns remembered or recognised.
    ChooseSheet(String),
    /// Leave the choices: back to what was read, or the step closes if
    /// the file gave no roster.
    CancelColumns,
    /// Close the mapping step (its bytes go with it).
    CloseColumns,
    /// The worker's answer to a roster file it was asked to read.
    Imported(Shared<Importing>, Box<Reply>),
    /// Match the roster as it is now, in the worker.
    Match(MatchMode),
    /// The worker's answer to a matching.
    Matched(Shared<Matching>, Box<Reply>),
    /// The worker's answer to a review of the roster after an edit.
    Reviewed(Shared<Matching>, Box<Reply>),
    /// Lock or unlock a mentee's pair.
    ToggleLock(String),
    /// Give a mentee this mentor by hand (the pair is locked).
    SetMentor(String, String),
    /// Open the person form.
    OpenForm(Form),
    CloseForm,
    /// A field of the open form now has this text.
    Type(usize, String),
    /// Check the open form's person (its field texts) in the worker; taken
    /// when it reads without problems.
    CheckPerson,
    /// The worker's answer to the form's person.
    Checked(Shared<Checking>, Box<Reply>),
    /// Remove the person with this id, their pairs and every mention.
    RemovePerson(String),
    /// Undo the last people edit.
    Undo,
    /// Use these matching settings.
    SetSettings(MatchConfig),
    /// Read this matching settings file in the worker.
    OpenSettings(TextFile),
    /// The worker's answer to a settings file.
    SettingsRead(Shared<TextFile>, Box<Reply>),
    DismissErrors,
    DismissWarnings,
    DismissSettingsErrors,
}

impl State {
    /// The room with a saved roster (a roster file in its JSON form): taken
    /// on the page, or if it does not fit `ladder`, read by the worker for
    /// its problems.
    pub fn restore(
        ladder: &Shared<LadderInUse>,
        saved: Option<TextFile>,
        settings: Option<&str>,
    ) -> (State, Option<Shared<RosterInUse>>) {
        let room = State {
            settings: settings
                .and_then(match_config_from_written)
                .unwrap_or_default(),
            ..State::default()
        };
        let mut work = Work {
            room,
            roster: None,
            ladder,
            people: false,
            pairs: false,
        };
        if let Some(file) = saved {
            work.take_json(file.name, &file.text);
        }
        (work.room, work.roster)
    }

    /// The next state, and the new roster if it changed.
    pub fn reduce(&self, session: &Session, action: Action) -> (State, Option<Event>) {
        let mut work = Work {
            room: self.clone(),
            roster: session.roster.clone(),
            ladder: &session.ladder,
            people: false,
            pairs: false,
        };
        let room = &mut work.room;
        match action {
            Action::UseExample => {
                room.columns = None;
                work.take_json(EXAMPLE_ROSTER_NAME.into(), EXAMPLE_ROSTER_JSON)
            }
            Action::Import(name, bytes) => {
                room.errors = None;
                room.columns = None;
                work.ask(name, bytes.into(), None, None);
            }
            Action::AdjustColumns => {
                work.edit_columns(|step| Some(step.with(step.as_read(), true)))
            }
            Action::SetColumn(column, field) => work.edit_columns(|step| {
                let mut choices = step.choices.clone();
                for (c, chosen) in choices.iter_mut().enumerate() {
                    if c == column {
                        *chosen = field;
                    } else if field.is_some() && *chosen == field {
                        *chosen = None;
                    }
                }
                Some(step.with(choices, step.editing))
            }),
            Action::ConfirmColumns => {
                if let Some(step) = room.columns.clone() {
                    if step.missing().is_empty() {
                        room.errors = None;
                        let sheet = step.columns.sheet.clone();
                        work.ask(
                            step.name.clone(),
                            step.bytes.clone(),
                            Some(step.chosen()),
                            sheet,
                        );
                    }
                }
            }
            Action::ChooseSheet(sheet) => {
                if let Some(step) = room.columns.clone() {
                    room.errors = None;
                    work.ask(step.name.clone(), step.bytes.clone(), None, Some(sheet));
                }
            }
            Action::CancelColumns => work.edit_columns(|step| {
                step.roster
                    .is_some()
                    .then(|| step.with(step.as_read(), false))
            }),
            Action::CloseColumns => room.columns = None,
            Action::Imported(asked, reply) => {
                if room.importing.take_if(|i| *i == asked).is_some() {
                    work.imported(&asked, *reply);
                }
            }
            Action::Match(mode) => {
                if let Some(roster) = work.roster.clone() {
                    room.failed = None;
                    let settings = room.settings;
                    room.matching = Some(Shared::new(Matching {
                        roster,
                        mode,
                        settings,
                        today: crate::shared::clock::today(),
                        whole: false,
                    }));
                }
            }
            Action::Matched(asked, reply) => {
                if room.matching.take_if(|m| *m == asked).is_some() {
                    match *reply {
                        // A roster changed meanwhile keeps its changes; the
                        // outcome is dropped and the matching asked again
                        // for the roster as it is now (the coordinator asked
                        // for a matching and gets one).
                        // Only the pairs the page did not have: put together
                        // with those it had (`known` was asked.roster's);
                        // an answer that does not fit them is asked again,
                        // as is a roster the worker no longer keeps.
                        Reply::Match(MatchReply::Changes { outcome, slots }) => {
                            match with_known(&asked.roster.outcome.pairs, outcome, &slots) {
                                Some(outcome) => work.matched(&asked, outcome),
                                None => work.match_again(&asked, true),
                            }
                        }
                        Reply::Match(MatchReply::Ok(outcome)) => work.matched(&asked, outcome),
                        // Not kept: the roster changed meanwhile (the new one
                        // was handed over), or the worker started again.
                        Reply::Match(MatchReply::NotKept) => {
                            let same = work.roster.as_ref() == Some(&asked.roster);
                            work.match_again(&asked, same)
                        }
                        Reply::Match(MatchReply::Error(reason)) => room.failed = Some(reason),
                        other => room.failed = Some(other.failure()),
                    }
                }
            }
            Action::Reviewed(asked, reply) => {
                if room.reviewing.take_if(|m| *m == asked).is_some() {
                    let outcome = match *reply {
                        Reply::Match(MatchReply::Changes { outcome, slots }) => {
                            with_known(&asked.roster.outcome.pairs, outcome, &slots)
                        }
                        Reply::Match(MatchReply::Ok(outcome)) => Some(outcome),
                        _ => None,
                    };
                    match outcome {
                        Some(outcome) => work.reviewed(&asked, outcome),
                        // (Only a bug gets here: the roster was checked.)
                        None => room.failed = Some("the review failed".into()),
                    }
                }
            }
            Action::ToggleLock(mentee) => {
                if let Some(current) = work.roster.clone() {
                    let mut roster = current.roster.clone();
                    for pair in roster.pairs.iter_mut().filter(|p| p.mentee == mentee) {
                        pair.locked = !pair.locked;
                    }
                    // The explanation stays as it was; only the flag changes
                    // (unless it is still to come: then it is asked again).
                    let mut outcome = current.outcome.clone();
                    for p in outcome.pairs.iter_mut().filter(|p| p.mentee == mentee) {
                        p.locked = !p.locked;
                    }
                    let explained = room.reviewing.is_none();
                    work.pairs = true;
                    work.set(current.name.clone(), roster, explained.then_some(outcome));
                }
            }
            Action::SetMentor(mentee, mentor) => {
                if let Some(current) = work.roster.clone() {
                    let mut roster = current.roster.clone();
                    roster.pairs.retain(|p| p.mentee != mentee);
                    roster.pairs.push(Pair {
                        mentee,
                        mentor,
                        locked: true,
                        ..Default::default()
                    });
                    work.pairs = true;
                    work.set(current.name.clone(), roster, None);
                }
            }
            Action::OpenForm(form) => {
                let ladder = &session.ladder.ladder;
                let person = match &form {
                    Form::Person(id) => work.roster.as_ref().and_then(|r| r.roster.person(id)),
                    Form::New => None,
                };
                room.texts = match person {
                    Some(p) => person_form_cells(p, session.lang),
                    None => {
                        // Someone new: a junior, full time from Monday to Friday.
                        let junior = ladder.roles().find(|(_, r)| r.level == Level::Junior);
                        let role = junior.map(|(_, r)| r.id.clone()).unwrap_or_default();
                        let mut texts = person_form_cells(&Person::new("", "", role), session.lang);
                        texts[13].clear();
                        texts
                    }
                };
                room.form = Some(form);
                room.problems = None;
                room.checking = None;
            }
            Action::Type(i, text) => {
                if let Some(slot) = room.texts.get_mut(i) {
                    *slot = text;
                }
            }
            Action::CloseForm => {
                room.form = None;
                room.problems = None;
                room.checking = None;
            }
            Action::CheckPerson => work.check(work.room.texts.clone()),
            Action::Checked(asked, reply) => {
                if room.checking.take_if(|c| *c == asked).is_some() {
                    work.checked(&asked, *reply);
                }
            }
            Action::RemovePerson(id) => work.remove(&id),
            Action::Undo => work.undo(),
            Action::SetSettings(settings) => work.settings(settings),
            Action::OpenSettings(file) => {
                room.settings_errors = None;
                room.reading_settings = Some(Shared::new(file));
            }
            Action::SettingsRead(asked, reply) => {
                if room.reading_settings.take_if(|f| *f == asked).is_some() {
                    let read = match *reply {
                        Reply::MatchConfig(Ok(text)) => match_config_from_written(&text)
                            .ok_or_else(|| no_answer(&asked.name, "not the written settings")),
                        Reply::MatchConfig(Err(report)) => Err(report),
                        other => Err(no_answer(&asked.name, &other.failure())),
                    };
                    match read {
                        Ok(settings) => work.settings(settings),
                        Err(report) => work.room.settings_errors = Some(Rc::new(report)),
                    }
                }
            }
            Action::DismissErrors => room.errors = None,
            Action::DismissWarnings => room.warnings = None,
            Action::DismissSettingsErrors => room.settings_errors = None,
        }
        work.done(&session.roster)
    }

    /// The room after the ladder changed: the roster again against it (its
    /// roles may be gone, which the worker then words as the roster's problems).
    pub fn ladder_changed(&self, session: &Session) -> (State, Option<Event>) {
        let mut work = Work {
            room: self.clone(),
            roster: session.roster.clone(),
            ladder: &session.ladder,
            people: false,
            pairs: false,
        };
        work.refit();
        work.done(&session.roster)
    }
}

/// What to ask the worker for a roster file being read.
pub fn import_request(import: &Importing) -> Request {
    Request::ImportRoster(Import {
        name: import.name.clone(),
        bytes: import.bytes.to_vec(),
        ladder: import.ladder.file.text.clone(),
        columns: import.columns.clone(),
        sheet: import.sheet.clone(),
        remembered: import
            .remembered
            .as_deref()
            .map_or(String::new(), String::clone),
    })
}

/// A roster's pairs as they were explained before an edit, until the
/// worker's review comes: each running pair with its explanation from
/// `before` when it had one (none for a pair made by the edit), and the
/// mentees without a mentor, with their reasons from `before` when it had
/// them.
fn provisional(
    before: Option<&Assignment>,
    roster: &Roster,
    ladder: &doorgroei::Ladder,
) -> Assignment {
    let before = before.cloned().unwrap_or_default();
    let running: Vec<&Pair> = roster.pairs.iter().filter(|p| p.ended.is_none()).collect();
    let paired = doorgroei::sort::set_of(running.iter().map(|p| p.mentee.as_str()));
    let explained = map_of(before.pairs.iter().map(|m| (m.mentee.as_str(), m)));
    let pairs = running
        .iter()
        .map(|p| {
            let was = explained
                .get(p.mentee.as_str())
                .filter(|m| m.mentor == p.mentor);
            was.map(|m| (*m).clone()).unwrap_or_else(|| Matched {
                mentee: p.mentee.clone(),
                mentor: p.mentor.clone(),
                score: 0,
                locked: p.locked,
                existing: true,
                reasons: Vec::new(),
                problems: Vec::new(),
            })
        })
        .collect::<Vec<_>>();
    let reasons = map_of(before.unmatched.iter().map(|u| (u.mentee.as_str(), u)));
    let unmatched = roster
        .people
        .iter()
        .filter(|p| !paired.contains(p.id.as_str()) && needs_mentor(ladder, p))
        .map(|p| match reasons.get(p.id.as_str()) {
            Some(u) => (*u).clone(),
            None => Unmatched {
                mentee: p.id.clone(),
                blocked: Vec::new(),
                suggestion: None,
                reason: Bilingual::new("", ""),
            },
        })
        .collect();
    Assignment {
        matched: pairs.len(),
        pairs,
        unmatched,
        ..before
    }
}

/// What to ask the worker for a matching, on the ladder shown: of the
/// roster the worker keeps (the page handed it over, [`keep_request`]),
/// with the fingerprints of the pairs the page has, so that only the others
/// come back; or (`whole`) with the roster itself.
pub fn match_request(matching: &Matching, ladder: &LadderInUse) -> Request {
    let roster = &matching.roster;
    Request::Match {
        ladder: ladder.file.text.clone(),
        roster: if matching.whole {
            roster.json().to_string()
        } else {
            String::new()
        },
        mode: matching.mode,
        settings: Some(match_config_to_yaml(&matching.settings)),
        today: Some(matching.today),
        kept: (!matching.whole).then(|| roster.kept().0),
        known: roster.kept().1.clone(),
    }
}

/// The roster to keep in the worker for the requests that follow (its key
/// and its pairs' fingerprints are worked out with it, ready for the next
/// matching).
pub fn keep_request(roster: &RosterInUse, ladder: &LadderInUse) -> Request {
    roster.kept();
    Request::Keep {
        ladder: ladder.file.text.clone(),
        roster: roster.json().to_string(),
    }
}

/// What to ask the worker for the form's person.
pub fn check_request(checking: &Checking) -> Request {
    Request::CheckPerson {
        ladder: checking.ladder.file.text.clone(),
        roster: checking.roster.json().to_string(),
        at: checking.at,
        cells: checking.cells.clone(),
    }
}

/// What to ask the worker for a settings file.
pub fn settings_request(file: &TextFile) -> Request {
    Request::ReadMatchConfig(file.clone())
}

/// The room while an action is worked out, with the roster as it becomes.
struct Work<'a> {
    room: State,
    roster: Option<Shared<RosterInUse>>,
    ladder: &'a Shared<LadderInUse>,
    /// The roster changed by a people edit, an undo or new settings, which
    /// keep the undo list: any other change shortens or clears it.
    people: bool,
    /// Only the roster's pairs changed (a lock, a mentor chosen, a
    /// matching): the undo list loses only the edits that put pairs back.
    pairs: bool,
}

impl Work<'_> {
    fn done(mut self, before: &Option<Shared<RosterInUse>>) -> (State, Option<Event>) {
        let changed = self.roster != *before;
        // The mapping step of a file whose roster is no longer shown closes.
        if self.room.columns.as_ref().is_some_and(|step| {
            step.roster
                .as_ref()
                .is_some_and(|r| self.roster.as_ref() != Some(r))
        }) {
            self.room.columns = None;
        }
        if changed && !self.people {
            let room = &mut self.room;
            room.said = None;
            if self.pairs {
                // Only pairs changed: edits that put pairs back by
                // position, and every one before them, can no longer be undone.
                let keep = room.undo.iter().rposition(|u| u.moves_pairs());
                room.undo.drain(..keep.map_or(0, |i| i + 1));
            } else {
                room.undo.clear();
            }
        }
        (
            self.room,
            changed.then_some(Event::RosterChanged(self.roster)),
        )
    }

    /// Takes `roster` as the current one, with the settings' capacities
    /// where it leaves them empty, explained by a matching's outcome; or
    /// (`None`) explained in the worker, its pairs meanwhile as they were
    /// explained before ([`provisional`]).
    fn set(&mut self, name: Option<String>, mut roster: Roster, outcome: Option<Assignment>) {
        let settings = &self.room.settings;
        roster.apply_default_capacities(&self.ladder.ladder, settings);
        let review = outcome.is_none();
        let outcome = outcome.unwrap_or_else(|| {
            let before = self.roster.as_ref().map(|r| &r.outcome);
            provisional(before, &roster, &self.ladder.ladder)
        });
        let roster = Shared::new(RosterInUse::new(name, roster, outcome));
        self.room.reviewing = review.then(|| {
            Shared::new(Matching {
                roster: roster.clone(),
                mode: MatchMode::Review,
                settings: *settings,
                today: crate::shared::clock::today(),
                whole: true,
            })
        });
        self.roster = Some(roster);
    }

    /// Takes the worker's review of the roster `asked` was for, if it is
    /// still the one shown (a newer edit has a review of its own on the way).
    fn reviewed(&mut self, asked: &Matching, outcome: Assignment) {
        let Some(current) = self.roster.clone().filter(|r| *r == asked.roster) else {
            return;
        };
        // The same roster, explained: the undo list stays.
        self.people = true;
        let mut roster = RosterInUse::new(current.name.clone(), current.roster.clone(), outcome)
            .with_json(current.shared_json().clone());
        // The worker keeps it: it came whole with the review.
        roster.in_worker = true;
        self.roster = Some(Shared::new(roster));
    }

    /// Has the worker read a roster file against the ladder shown, with
    /// these columns and sheet.
    fn ask(
        &mut self,
        name: String,
        bytes: Rc<[u8]>,
        columns: Option<ColumnsFile>,
        sheet: Option<String>,
    ) {
        self.room.importing = Some(Shared::new(Importing {
            name,
            bytes,
            ladder: self.ladder.clone(),
            columns,
            sheet,
            remembered: self.room.remembered.clone(),
        }));
    }

    /// Replaces the mapping step by what `change` makes of it (`None` closes it).
    fn edit_columns(&mut self, change: impl FnOnce(&ColumnsStep) -> Option<ColumnsStep>) {
        if let Some(step) = self.room.columns.take() {
            self.room.columns = change(&step).map(Shared::new);
        }
    }

    /// Opens the mapping step of the file `asked` with the columns the
    /// worker read, and keeps the mappings it says to remember. The choices
    /// are shown when a field a roster needs has no column.
    fn open_columns(
        &mut self,
        asked: &Importing,
        columns: Columns,
        roster: Option<Shared<RosterInUse>>,
    ) {
        if let Some(text) = columns.remember.clone() {
            self.room.remembered = Some(Shared::new(text));
        }
        let choices = columns.preview.iter().map(|p| p.field).collect();
        self.room.columns = Some(Shared::new(ColumnsStep {
            name: asked.name.clone(),
            bytes: asked.bytes.clone(),
            editing: !columns.missing.is_empty(),
            columns,
            choices,
            roster,
        }));
    }

    /// Has the worker read a roster in its JSON form that the page could
    /// not take (its roles gone from the ladder, a damaged save): the worker
    /// answers with its problems, located and in both languages. (The page
    /// words no load problems itself: that keeps every error message of the
    /// core out of its WebAssembly.)
    fn reread(&mut self, name: String, json: String) {
        self.room.errors = None;
        self.ask(name, json.into_bytes().into(), None, None);
    }

    /// Takes a roster file in its JSON form (a save, or the example), or
    /// has its problems against the ladder found.
    fn take_json(&mut self, name: String, json: &str) {
        match roster_from_json(json, &self.ladder.ladder) {
            Some(roster) => {
                self.room.errors = None;
                self.set(Some(name), roster, None);
            }
            None => self.reread(name, json.to_string()),
        }
    }

    /// The roster again against the ladder shown.
    fn refit(&mut self) {
        if let Some(current) = self.roster.clone() {
            let text = current.json();
            match roster_from_json(text, &self.ladder.ladder) {
                Some(roster) => self.set(current.name.clone(), roster, None),
                None => {
                    self.roster = None;
                    let name = current
                        .name
                        .clone()
                        .unwrap_or_else(|| "rooster.yaml".into());
                    self.reread(name, text.to_string());
                }
            }
        }
    }

    /// Takes the worker's answer to the roster file `asked`.
    fn imported(&mut self, asked: &Importing, reply: Reply) {
        let same_ladder = asked.ladder == *self.ladder;
        match reply {
            Reply::Import(ImportReply::Loaded {
                roster,
                outcome,
                warnings,
                columns,
            }) => {
                self.room.warnings = warnings.map(Rc::new);
                // Read against the ladder it was checked with; a ladder
                // changed meanwhile is the refit's (it may word problems).
                match roster_from_file(roster, &asked.ladder.ladder) {
                    Some(roster) => {
                        // The worker reviews the pairs with the default settings.
                        let outcome =
                            (self.room.settings == MatchConfig::default()).then_some(outcome);
                        self.set(Some(asked.name.clone()), roster, outcome);
                        if let Some(columns) = columns {
                            let roster = self.roster.clone();
                            self.open_columns(asked, columns, roster);
                        }
                        if !same_ladder {
                            self.refit();
                        }
                    }
                    // (Only a bug gets here: the worker read it against this ladder.)
                    None => self.room.errors = Some(Rc::new(no_answer(&asked.name, "?"))),
                }
            }
            Reply::Import(ImportReply::NeedsColumns(columns)) => {
                self.open_columns(asked, columns, None)
            }
            // The ladder changed meanwhile: read it again against this one.
            Reply::Import(ImportReply::Problems { .. }) if !same_ladder => self.ask(
                asked.name.clone(),
                asked.bytes.clone(),
                asked.columns.clone(),
                asked.sheet.clone(),
            ),
            Reply::Import(ImportReply::Problems { report, columns }) => {
                self.room.errors = Some(Rc::new(report));
                if let Some(columns) = columns {
                    self.open_columns(asked, columns, None);
                }
            }
            Reply::Import(ImportReply::Failed(reason)) => {
                self.room.errors = Some(Rc::new(no_answer(&asked.name, &reason)))
            }
            other => self.room.errors = Some(Rc::new(no_answer(&asked.name, &other.failure()))),
        }
    }

    /// Has the worker check the open form's person against the roster.
    fn check(&mut self, cells: Vec<String>) {
        let (Some(form), Some(roster)) = (&self.room.form, &self.roster) else {
            return;
        };
        let at = match form {
            Form::New => None,
            Form::Person(id) => match roster.roster.people.iter().position(|p| p.id == *id) {
                Some(i) => Some(i),
                None => return,
            },
        };
        self.room.checking = Some(Shared::new(Checking {
            at,
            cells,
            roster: roster.clone(),
            ladder: self.ladder.clone(),
        }));
    }

    /// Takes the worker's answer to the form's person `asked`.
    fn checked(&mut self, asked: &Checking, reply: Reply) {
        let said = |why: String| Problems {
            fields: Vec::new(),
            others: vec![Bilingual::new(why.clone(), why)],
        };
        match reply {
            // The roster changed meanwhile: check again against it.
            _ if self.roster.as_ref() != Some(&asked.roster) || asked.ladder != *self.ladder => {
                self.check(asked.cells.clone())
            }
            Reply::Person(PersonReply::Read(person)) => self.edit(asked.at, *person),
            Reply::Person(PersonReply::Problems { fields, others }) => {
                self.room.problems = Some(Rc::new(Problems { fields, others }))
            }
            Reply::Person(PersonReply::Failed(why)) => {
                self.room.problems = Some(Rc::new(said(why)))
            }
            other => self.room.problems = Some(Rc::new(said(other.failure()))),
        }
    }

    /// Puts `person` in the place of the one at `at`, or adds them (`None`).
    fn edit(&mut self, at: Option<usize>, person: Person) {
        let (name, mut roster) = match &self.roster {
            Some(r) => (r.name.clone(), r.roster.clone()),
            None => (None, Roster::default()),
        };
        let who = person.name.clone();
        let done = match at {
            Some(i) => people::change_person(&mut roster, i, person).map(|d| (d, Did::Changed)),
            None => people::add_person(&mut roster, person).map(|d| (d, Did::Added)),
        };
        if let Some((done, did)) = done {
            self.room.form = None;
            self.room.problems = None;
            self.record(done, did, who);
            self.set(name, roster, None);
        }
    }

    /// Removes the person with this id.
    fn remove(&mut self, id: &str) {
        let Some(current) = self.roster.clone() else {
            return;
        };
        let mut roster = current.roster.clone();
        let Some(at) = roster.people.iter().position(|p| p.id == id) else {
            return;
        };
        let who = roster.people[at].name.clone();
        if let Some(done) = people::remove_person(&mut roster, at) {
            if self.room.form == Some(Form::Person(id.to_string())) {
                self.room.form = None;
                self.room.problems = None;
                self.room.checking = None;
            }
            self.record(done, Did::Removed, who);
            self.set(current.name.clone(), roster, None);
        }
    }

    /// Keeps an edit for undo (the oldest goes past [`UNDO_LIMIT`]) and says what it did.
    fn record(&mut self, done: Done, did: Did, name: String) {
        let said = Said {
            did,
            name,
            ended: done.ended,
            others: done.others,
        };
        self.people = true;
        self.room.said = Some(said.clone());
        self.room.undo.push(Shared::new(Undo {
            steps: done.undo,
            said,
        }));
        let over = self.room.undo.len().saturating_sub(UNDO_LIMIT);
        self.room.undo.drain(..over);
    }

    /// Undoes the last people edit.
    fn undo(&mut self) {
        let (Some(current), Some(last)) = (self.roster.clone(), self.room.undo.pop()) else {
            return;
        };
        let mut roster = current.roster.clone();
        people::apply(&mut roster, last.steps.clone());
        self.people = true;
        self.room.said = Some(Said {
            did: Did::Undone,
            ended: 0,
            others: 0,
            ..last.said.clone()
        });
        self.room.form = None;
        self.room.problems = None;
        self.room.checking = None;
        self.set(current.name.clone(), roster, None);
    }

    /// Uses new matching settings: capacities and the review follow.
    fn settings(&mut self, settings: MatchConfig) {
        self.room.settings = MatchConfig {
            rematch: false,
            ..settings
        };
        if let Some(current) = self.roster.clone() {
            self.people = true;
            self.set(current.name.clone(), current.roster.clone(), None);
        }
    }

    /// Takes the outcome of the matching `asked`, if the roster is still
    /// the one it was asked for; a roster changed meanwhile keeps its
    /// changes, and the matching is asked again for the roster as it is now
    /// (the coordinator asked for a matching and gets one).
    fn matched(&mut self, asked: &Matching, outcome: Assignment) {
        match &self.roster {
            Some(now) if *now == asked.roster => self.take_outcome(outcome, asked.today),
            Some(_) => self.match_again(asked, false),
            None => {}
        }
    }

    /// Asks for the matching `asked` again, for the roster as it is now;
    /// `whole`: with the roster itself, not by its key.
    fn match_again(&mut self, asked: &Matching, whole: bool) {
        if let Some(now) = &self.roster {
            self.room.matching = Some(Shared::new(Matching {
                roster: now.clone(),
                settings: self.room.settings,
                whole,
                ..asked.clone()
            }));
        }
    }

    /// Takes a matching's outcome on `today`: its pairs become the
    /// roster's pairs, and pairs that ended keep their history (their end
    /// day), so that nobody is paired with an earlier mentor again.
    fn take_outcome(&mut self, outcome: Assignment, today: jiff::civil::Date) {
        let Some(current) = self.roster.clone() else {
            return;
        };
        let mut roster = current.roster.clone();
        roster.pairs = doorgroei::matching::pairs_after(&current.roster, &outcome, Some(today));
        self.pairs = true;
        self.set(current.name.clone(), roster, Some(outcome));
    }
}

#[cfg(test)]
mod tests {
    //! The room's conversations with the worker, without a browser: the
    //! worker's answers are made by the core functions it runs.

    use super::*;
    use crate::session::Tab;
    use doorgroei::exchange::{
        answer, answer_json, answer_planner_json_with, answer_with_sheet_json, Kept, LadderReply,
        Module, SheetTable,
    };
    use doorgroei::format::{csv_table, Field, CSV_COLUMNS};
    use doorgroei::Lang;

    const GROEIT: &str = include_str!("../../../../pathways/welzijn-groeit.yaml");
    const VLAK: &str = include_str!("../../../../pathways/welzijn-vlak.yaml");
    const ROSTER_CSV: &[u8] = include_bytes!("../../../../pathways/rooster-welzijn-groeit.csv");
    /// Allowed, with a warning: two managers manage each other.
    const CIRCLE: &[u8] =
        b"id;name;role;days;manager\na;A;sw-hbo-start;ma;b\nb;B;sw-hbo-start;ma;a\n";
    /// Fits the flat ladder, not the growth one.
    const FLAT_ROSTER: &[u8] = b"id;name;role;days\na;Ans;jongerenwerker;ma\nb;Bo;teamleider;ma\n";

    /// A ladder file as the worker reads it and the page takes it.
    fn ladder(name: &str, yaml: &str) -> Shared<LadderInUse> {
        let reply = answer(Request::ReadLadder(TextFile {
            name: name.into(),
            text: yaml.into(),
        }));
        let Reply::Ladder(LadderReply::Read { ladder, .. }) = reply else {
            panic!("{reply:?}")
        };
        let file = TextFile {
            name: name.into(),
            text: ladder,
        };
        Shared::new(LadderInUse::read(file).unwrap())
    }

    /// One step of a conversation.
    enum Step {
        Do(Action),
        /// The worker answers the file being read, or the matching under
        /// way (a spreadsheet's sheets are [`BOOK`]'s).
        Answer,
        /// The worker answers a request asked before the last ladder change.
        AnswerMadeBefore,
        /// The matching under way gets no answer, and why.
        MatchFails(&'static str),
        /// The worker starts again: its planner keeps nothing.
        WorkerRestarts,
        /// The Functiehuis room shows another ladder (YAML).
        Ladder(&'static str, &'static str),
        /// These fields of the open form are typed in, and it is checked.
        Fill(&'static [(&'static str, &'static str)]),
    }

    /// The room and the roster in a line.
    fn seen(room: &State, session: &Session) -> String {
        let mut out = match &session.roster {
            None => "no roster".to_string(),
            Some(r) => format!(
                "roster {}: {} people, {} pairs ({} locked), {} without",
                r.name.as_deref().unwrap_or("—"),
                r.roster.people.len(),
                r.roster.pairs.len(),
                r.roster.pairs.iter().filter(|p| p.locked).count(),
                r.outcome.unmatched.len(),
            ),
        };
        if let Some(i) = &room.importing {
            out += &format!(
                "; reading {} against {}",
                i.name,
                i.ladder.ladder.organisation()
            );
        }
        if let Some(m) = &room.matching {
            out += if m.whole {
                "; matching (roster sent)"
            } else {
                "; matching"
            };
        }
        if let Some(f) = &room.failed {
            out += &format!("; failed: {f}");
        }
        if let Some(e) = &room.errors {
            out += &format!("; error {}", e.lines[0].en);
        }
        if let Some(w) = &room.warnings {
            out += &format!("; warning {}", w.lines[0].en);
        }
        if let Some(step) = &room.columns {
            let chosen: Vec<String> = step
                .chosen()
                .0
                .iter()
                .map(|(f, h)| format!("{}={h}", f.key()))
                .collect();
            out += &format!("; columns of {}", step.name);
            if step.editing {
                out += &format!(", choosing {}", chosen.join(" "));
            } else {
                out += &format!(", {:?} {}", step.columns.source, chosen.join(" "));
            }
            let missing: Vec<&str> = step.missing().iter().map(|f| f.key()).collect();
            if !missing.is_empty() {
                out += &format!(", missing {}", missing.join(" "));
            }
            if let Some(sheet) = &step.columns.sheet {
                out += &format!(", sheet {sheet} of {}", step.columns.sheets.join("|"));
            }
        }
        if let Some(text) = &room.remembered {
            let kept: Vec<serde_json::Value> = serde_json::from_str(text).unwrap();
            out += &format!("; {} remembered", kept.len());
        }
        if let Some(f) = &room.form {
            out += &format!(
                "; form {}",
                match f {
                    Form::New => "new",
                    Form::Person(id) => id,
                }
            );
        }
        if room.checking.is_some() {
            out += "; checking";
        }
        if let Some(p) = &room.problems {
            let fields =
                p.fields.iter().enumerate().filter_map(|(i, f)| {
                    f.as_ref().map(|f| format!("{}: {}", CSV_COLUMNS[i], f.en))
                });
            let all: Vec<String> = fields
                .chain(p.others.iter().map(|o| o.en.clone()))
                .collect();
            out += &format!("; problems {}", all.join(" | "));
        }
        if let Some(said) = &room.said {
            out += &format!(
                "; {:?} {}, {} ended, {} others",
                said.did, said.name, said.ended, said.others
            );
        }
        if !room.undo.is_empty() {
            out += &format!("; undo {}", room.undo.len());
        }
        let c = &room.settings;
        if *c != MatchConfig::default() {
            out += &format!(
                "; settings from {}, capacities {:?}, load {}",
                c.mentor_min_level.as_str(),
                c.default_capacities,
                c.weights.load
            );
        }
        if let Some(f) = &room.reading_settings {
            out += &format!("; reading settings {}", f.name);
        }
        if let Some(e) = &room.settings_errors {
            out += &format!("; settings error {}", e.lines[0].en);
        }
        out
    }

    /// The session on the growth ladder, in Dutch, without a roster.
    fn growth_session() -> Session {
        Session {
            lang: Lang::Nl,
            tab: Tab::Mentoring,
            ladder: ladder("groeit.yaml", GROEIT),
            roster: None,
        }
    }

    /// Runs the steps from the growth ladder without a roster, compares what
    /// the room shows after each (every step that differs is listed), and
    /// returns the room and session at the end.
    fn check(steps: Vec<(Step, &str)>) -> (State, Session) {
        let mut session = growth_session();
        let mut room = State::default();
        let mut made_before: Option<Reply> = None;
        // What the worker's planner keeps: the page hands every new
        // roster over (app.rs).
        let mut kept: Option<Kept> = None;
        let mut wrong = Vec::new();
        for (i, (step, expected)) in steps.into_iter().enumerate() {
            let asked = || -> Request {
                if let Some(i) = &room.importing {
                    import_request(i)
                } else if let Some(m) = &room.matching {
                    match_request(m, &session.ladder)
                } else if let Some(c) = &room.checking {
                    check_request(c)
                } else if let Some(f) = &room.reading_settings {
                    settings_request(f)
                } else {
                    panic!("step {i}: nothing was asked")
                }
            };
            let answered = |room: &State, reply: Reply| {
                let reply = Box::new(reply);
                if let Some(x) = &room.importing {
                    Action::Imported(x.clone(), reply)
                } else if let Some(m) = &room.matching {
                    Action::Matched(m.clone(), reply)
                } else if let Some(c) = &room.checking {
                    Action::Checked(c.clone(), reply)
                } else if let Some(f) = &room.reading_settings {
                    Action::SettingsRead(f.clone(), reply)
                } else {
                    panic!("step {i}: nothing was asked")
                }
            };
            let (next, event) = match step {
                Step::Do(action) => room.reduce(&session, action),
                Step::Answer => {
                    let reply = worker(&mut kept, asked());
                    room.reduce(&session, answered(&room, reply))
                }
                Step::AnswerMadeBefore => {
                    let reply = made_before.take().expect("an answer made before");
                    room.reduce(&session, answered(&room, reply))
                }
                Step::WorkerRestarts => {
                    kept = None;
                    (room.clone(), None)
                }
                Step::MatchFails(why) => {
                    room.reduce(&session, answered(&room, Reply::Failed(why.into())))
                }
                Step::Fill(changes) => {
                    for (field, text) in changes {
                        let at = CSV_COLUMNS.iter().position(|c| c == field).unwrap();
                        (room, _) = room.reduce(&session, Action::Type(at, text.to_string()));
                    }
                    room.reduce(&session, Action::CheckPerson)
                }
                Step::Ladder(name, yaml) => {
                    if room.importing.is_some() || room.matching.is_some() {
                        made_before = Some(worker(&mut kept, asked()));
                    }
                    session.ladder = ladder(name, yaml);
                    room.ladder_changed(&session)
                }
            };
            room = next;
            let mut event = event;
            // As the app does: a new roster is handed over to the worker
            // (unless a review takes it there), and a review is answered
            // as soon as it is asked.
            loop {
                if let Some(Event::RosterChanged(roster)) = event.take() {
                    if let Some(r) = roster.as_ref().filter(|r| !r.in_worker) {
                        if room.reviewing.is_none() {
                            worker(&mut kept, keep_request(r, &session.ladder));
                        }
                    }
                    session.roster = roster;
                }
                let Some(asked) = room.reviewing.clone() else {
                    break;
                };
                let reply = Box::new(worker(&mut kept, match_request(&asked, &session.ladder)));
                (room, event) = room.reduce(&session, Action::Reviewed(asked, reply));
            }
            let got = seen(&room, &session);
            if got != expected {
                wrong.push(format!(
                    "step {i}:\n  expected {expected}\n  got      {got}"
                ));
            }
        }
        assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
        (room, session)
    }

    /// A workbook as the spreadsheet module would read it: each sheet's
    /// rows written as CSV.
    const BOOK: [(&str, &[u8]); 2] = [
        ("Medewerkers", UNRECOGNISED),
        (
            "Stagiairs",
            b"Personeelsnummer;Naam;Functie;Werkdagen\n2001;Noor Jansen;sw-hbo-start;ma\n",
        ),
    ];
    /// Two fields a roster needs are not recognised; a BSN column it does not need.
    const UNRECOGNISED: &[u8] = b"Pers.code;Naam;Functie omschr.;Werkdagen;BSN\n1001;Tineke Bakker;teamleider;ma|di;123456782\n1004;Zeynep \xc3\x96zt\xc3\xbcrk;sw-hbo-start;ma;456789123\n";

    /// What the worker (`worker.js`) answers: a spreadsheet's sheet comes
    /// from [`BOOK`], as the spreadsheet module would give it.
    /// The worker's answer, with what its planner module keeps.
    fn worker(kept: &mut Option<Kept>, request: Request) -> Reply {
        let text = serde_json::to_string(&request).unwrap();
        let reply = match request.module() {
            Module::Planner => answer_planner_json_with(kept, &text),
            _ => answer_json(&text),
        };
        if reply != r#"{"import":"ReadSheet"}"# {
            return serde_json::from_str(&reply).unwrap();
        }
        let Request::ImportRoster(import) = request else {
            panic!("a sheet for {reply}")
        };
        let wanted = import.sheet.as_deref().unwrap_or(BOOK[0].0);
        let (name, csv) = BOOK.iter().find(|(n, _)| *n == wanted).unwrap();
        let (mut table, _) = csv_table(&import.name, csv).unwrap();
        table.sheet = Some(name.to_string());
        let sheet: Result<SheetTable, Report> = Ok(SheetTable {
            table,
            sheets: BOOK.iter().map(|(n, _)| n.to_string()).collect(),
        });
        let sheet = serde_json::to_string(&sheet).unwrap();
        serde_json::from_str(&answer_with_sheet_json(&text, &sheet)).unwrap()
    }

    fn import(name: &str, bytes: &[u8]) -> Step {
        Step::Do(Action::Import(name.into(), bytes.to_vec()))
    }

    #[test]
    fn the_example_roster_is_read_on_the_page() {
        check(vec![(
            Step::Do(Action::UseExample),
            "roster rooster-welzijn-groeit.csv: 36 people, 0 pairs (0 locked), 18 without",
        )]);
    }

    #[test]
    fn a_roster_file_is_read_in_the_worker() {
        check(vec![
            (import("r.csv", ROSTER_CSV), "no roster; reading r.csv against Stichting Welzijn Groeit"),
            // A table's columns can be checked and changed while its roster is shown.
            (Step::Answer, "roster r.csv: 36 people, 0 pairs (0 locked), 18 without; columns of r.csv, Recognised id=id name=name role=role team=team location=location manager=manager specialisms=specialisms languages=languages days=days hours=hours career_switcher=career_switcher start=start needs_mentor=needs_mentor capacity=capacity coaching=coaching prefers=prefers avoids=avoids email=email absent=absent mentor=mentor locked=locked"),
            (import("kapot.csv", b"id;naam\n"), "roster r.csv: 36 people, 0 pairs (0 locked), 18 without; reading kapot.csv against Stichting Welzijn Groeit"),
            // No column for a role or working days: the mapping step.
            (Step::Answer, "roster r.csv: 36 people, 0 pairs (0 locked), 18 without; columns of kapot.csv, choosing id=id name=naam, missing role days"),
            (Step::Do(Action::CancelColumns), "roster r.csv: 36 people, 0 pairs (0 locked), 18 without"),
            (import("kapot.yaml", b"people: [1]\n"), "roster r.csv: 36 people, 0 pairs (0 locked), 18 without; reading kapot.yaml against Stichting Welzijn Groeit"),
            (Step::Answer, "roster r.csv: 36 people, 0 pairs (0 locked), 18 without; error kapot.yaml:1:1: missing field 'schema'"),
            (Step::Do(Action::DismissErrors), "roster r.csv: 36 people, 0 pairs (0 locked), 18 without"),
            (import("r.csv", ROSTER_CSV), "roster r.csv: 36 people, 0 pairs (0 locked), 18 without; reading r.csv against Stichting Welzijn Groeit"),
            (Step::MatchFails("no worker"), "roster r.csv: 36 people, 0 pairs (0 locked), 18 without; error r.csv: the file could not be read: the app's worker did not start; reload the page"),
            (import("kring.csv", CIRCLE), "roster r.csv: 36 people, 0 pairs (0 locked), 18 without; reading kring.csv against Stichting Welzijn Groeit"),
            (Step::Answer, "roster kring.csv: 2 people, 0 pairs (0 locked), 2 without; warning kring.csv:2:5: warning: managers form a circle: a → b → a; columns of kring.csv, Recognised id=id name=name role=role manager=manager days=days"),
            (Step::Do(Action::DismissWarnings), "roster kring.csv: 2 people, 0 pairs (0 locked), 2 without; columns of kring.csv, Recognised id=id name=name role=role manager=manager days=days"),
            (Step::Do(Action::CloseColumns), "roster kring.csv: 2 people, 0 pairs (0 locked), 2 without"),
        ]);
    }

    #[test]
    fn the_mapping_step_reads_the_file_again_with_the_columns_chosen_and_remembers_them() {
        let set = |column, field| Step::Do(Action::SetColumn(column, field));
        let (room, _) = check(vec![
            (import("export.csv", UNRECOGNISED), "no roster; reading export.csv against Stichting Welzijn Groeit"),
            (Step::Answer, "no roster; columns of export.csv, choosing name=Naam days=Werkdagen, missing id role"),
            (set(0, Some(Field::Id)), "no roster; columns of export.csv, choosing id=Pers.code name=Naam days=Werkdagen, missing role"),
            // Not yet: a field a roster needs has no column.
            (Step::Do(Action::ConfirmColumns), "no roster; columns of export.csv, choosing id=Pers.code name=Naam days=Werkdagen, missing role"),
            // A field taken by another column leaves the one that had it.
            (set(1, Some(Field::Id)), "no roster; columns of export.csv, choosing id=Naam days=Werkdagen, missing name role"),
            (set(0, Some(Field::Id)), "no roster; columns of export.csv, choosing id=Pers.code days=Werkdagen, missing name role"),
            (set(1, Some(Field::Name)), "no roster; columns of export.csv, choosing id=Pers.code name=Naam days=Werkdagen, missing role"),
            (set(2, Some(Field::Role)), "no roster; columns of export.csv, choosing id=Pers.code name=Naam role=Functie omschr. days=Werkdagen"),
            (set(4, None), "no roster; columns of export.csv, choosing id=Pers.code name=Naam role=Functie omschr. days=Werkdagen"),
            (Step::Do(Action::ConfirmColumns), "no roster; reading export.csv against Stichting Welzijn Groeit; columns of export.csv, choosing id=Pers.code name=Naam role=Functie omschr. days=Werkdagen"),
            (Step::Answer, "roster export.csv: 2 people, 0 pairs (0 locked), 1 without; columns of export.csv, Chosen id=Pers.code name=Naam role=Functie omschr. days=Werkdagen; 1 remembered"),
            // The same headers again: the remembered columns, at once.
            (import("export-2.csv", UNRECOGNISED), "roster export.csv: 2 people, 0 pairs (0 locked), 1 without; reading export-2.csv against Stichting Welzijn Groeit; 1 remembered"),
            (Step::Answer, "roster export-2.csv: 2 people, 0 pairs (0 locked), 1 without; columns of export-2.csv, Remembered id=Pers.code name=Naam role=Functie omschr. days=Werkdagen; 1 remembered"),
            // Adjusting shows the choices as read; cancelling goes back.
            (Step::Do(Action::AdjustColumns), "roster export-2.csv: 2 people, 0 pairs (0 locked), 1 without; columns of export-2.csv, choosing id=Pers.code name=Naam role=Functie omschr. days=Werkdagen; 1 remembered"),
            (set(1, None), "roster export-2.csv: 2 people, 0 pairs (0 locked), 1 without; columns of export-2.csv, choosing id=Pers.code role=Functie omschr. days=Werkdagen, missing name; 1 remembered"),
            (Step::Do(Action::CancelColumns), "roster export-2.csv: 2 people, 0 pairs (0 locked), 1 without; columns of export-2.csv, Remembered id=Pers.code name=Naam role=Functie omschr. days=Werkdagen; 1 remembered"),
            // A matching changes the roster: the step closes.
            (Step::Do(Action::Match(MatchMode::Unmatched)), "roster export-2.csv: 2 people, 0 pairs (0 locked), 1 without; matching; columns of export-2.csv, Remembered id=Pers.code name=Naam role=Functie omschr. days=Werkdagen; 1 remembered"),
            (Step::Answer, "roster export-2.csv: 2 people, 1 pairs (0 locked), 0 without; 1 remembered"),
        ]);
        // The roster holds no value of the column not used.
        assert!(room.columns.is_none());
    }

    #[test]
    fn a_workbook_offers_its_sheets_and_its_bytes_go_with_the_step() {
        let (room, session) = check(vec![
            (import("export.xlsx", b"PK\x03\x04"), "no roster; reading export.xlsx against Stichting Welzijn Groeit"),
            (Step::Answer, "no roster; columns of export.xlsx, choosing name=Naam days=Werkdagen, missing id role, sheet Medewerkers of Medewerkers|Stagiairs"),
            (Step::Do(Action::ChooseSheet("Stagiairs".into())), "no roster; reading export.xlsx against Stichting Welzijn Groeit; columns of export.xlsx, choosing name=Naam days=Werkdagen, missing id role, sheet Medewerkers of Medewerkers|Stagiairs"),
            (Step::Answer, "roster export.xlsx: 1 people, 0 pairs (0 locked), 1 without; columns of export.xlsx, Recognised id=Personeelsnummer name=Naam role=Functie days=Werkdagen, sheet Stagiairs of Medewerkers|Stagiairs"),
            (Step::Do(Action::ChooseSheet("Medewerkers".into())), "roster export.xlsx: 1 people, 0 pairs (0 locked), 1 without; reading export.xlsx against Stichting Welzijn Groeit; columns of export.xlsx, Recognised id=Personeelsnummer name=Naam role=Functie days=Werkdagen, sheet Stagiairs of Medewerkers|Stagiairs"),
            (Step::Answer, "roster export.xlsx: 1 people, 0 pairs (0 locked), 1 without; columns of export.xlsx, choosing name=Naam days=Werkdagen, missing id role, sheet Medewerkers of Medewerkers|Stagiairs"),
        ]);
        // Only the step holds the file's bytes; closing it lets them go.
        let bytes = room.columns.as_ref().unwrap().bytes.clone();
        assert_eq!(Rc::strong_count(&bytes), 2);
        let (closed, _) = room.reduce(&session, Action::CloseColumns);
        drop(room);
        assert!(closed.columns.is_none() && closed.importing.is_none());
        assert_eq!(Rc::strong_count(&bytes), 1);
    }

    #[test]
    fn a_roster_import_overtaken_by_a_ladder_change_is_read_again() {
        // Its problems were against the old ladder: it is asked again, and
        // the answer against the new one is taken.
        check(vec![
            (
                import("vlak.csv", FLAT_ROSTER),
                "no roster; reading vlak.csv against Stichting Welzijn Groeit",
            ),
            (
                Step::Ladder("vlak.yaml", VLAK),
                "no roster; reading vlak.csv against Stichting Welzijn Groeit",
            ),
            (
                Step::AnswerMadeBefore,
                "no roster; reading vlak.csv against Stichting Welzijn Gelijkvloers",
            ),
            (
                Step::Answer,
                "roster vlak.csv: 2 people, 0 pairs (0 locked), 1 without; columns of vlak.csv, Recognised id=id name=name role=role days=days",
            ),
        ]);
        // It loaded against the old ladder: taken, then checked against the
        // new one, which it does not fit: the worker words why.
        check(vec![
            (
                import("r.csv", ROSTER_CSV),
                "no roster; reading r.csv against Stichting Welzijn Groeit",
            ),
            (
                Step::Ladder("vlak.yaml", VLAK),
                "no roster; reading r.csv against Stichting Welzijn Groeit",
            ),
            (
                Step::AnswerMadeBefore,
                "no roster; reading r.csv against Stichting Welzijn Gelijkvloers",
            ),
            (
                Step::Answer,
                "no roster; error r.csv:1:1633: unknown role 'praktijkopleider'; no role comes close",
            ),
        ]);
    }

    #[test]
    fn a_roster_the_new_ladder_cannot_hold_is_read_by_the_worker_for_its_problems() {
        let (room, _) = check(vec![
            (Step::Do(Action::UseExample), "roster rooster-welzijn-groeit.csv: 36 people, 0 pairs (0 locked), 18 without"),
            (Step::Ladder("vlak.yaml", VLAK), "no roster; reading rooster-welzijn-groeit.csv against Stichting Welzijn Gelijkvloers"),
            (Step::Answer, "no roster; error rooster-welzijn-groeit.csv:1:1633: unknown role 'praktijkopleider'; no role comes close"),
        ]);
        // The page words no load problem itself: both languages come from the worker.
        let report = room.errors.unwrap();
        assert!(
            report.lines[0].nl.contains("onbekende functie"),
            "{report:?}"
        );
    }

    #[test]
    fn a_matching_takes_its_outcome_unless_the_roster_changed_meanwhile() {
        check(vec![
            (Step::Do(Action::UseExample), "roster rooster-welzijn-groeit.csv: 36 people, 0 pairs (0 locked), 18 without"),
            (Step::Do(Action::Match(MatchMode::Unmatched)), "roster rooster-welzijn-groeit.csv: 36 people, 0 pairs (0 locked), 18 without; matching"),
            (Step::Answer, "roster rooster-welzijn-groeit.csv: 36 people, 18 pairs (0 locked), 0 without"),
            (Step::Do(Action::Match(MatchMode::Everyone)), "roster rooster-welzijn-groeit.csv: 36 people, 18 pairs (0 locked), 0 without; matching"),
            // A pair locked meanwhile keeps its lock; the outcome is dropped
            // and the matching asked again with the lock, which it keeps.
            (Step::Do(Action::ToggleLock("j0000".into())), "roster rooster-welzijn-groeit.csv: 36 people, 18 pairs (1 locked), 0 without; matching"),
            (Step::Answer, "roster rooster-welzijn-groeit.csv: 36 people, 18 pairs (1 locked), 0 without; matching"),
            (Step::Answer, "roster rooster-welzijn-groeit.csv: 36 people, 18 pairs (1 locked), 0 without"),
            (Step::Do(Action::Match(MatchMode::Everyone)), "roster rooster-welzijn-groeit.csv: 36 people, 18 pairs (1 locked), 0 without; matching"),
            (Step::MatchFails("the worker did not start"), "roster rooster-welzijn-groeit.csv: 36 people, 18 pairs (1 locked), 0 without; failed: the worker did not start"),
            // A new matching clears the failure.
            (Step::Do(Action::Match(MatchMode::Everyone)), "roster rooster-welzijn-groeit.csv: 36 people, 18 pairs (1 locked), 0 without; matching"),
            (Step::Answer, "roster rooster-welzijn-groeit.csv: 36 people, 18 pairs (1 locked), 0 without"),
        ]);
    }

    #[test]
    fn a_matching_the_worker_has_no_roster_for_is_asked_again_with_the_roster() {
        check(vec![
            (Step::Do(Action::UseExample), "roster rooster-welzijn-groeit.csv: 36 people, 0 pairs (0 locked), 18 without"),
            (Step::Do(Action::Match(MatchMode::Unmatched)), "roster rooster-welzijn-groeit.csv: 36 people, 0 pairs (0 locked), 18 without; matching"),
            (Step::WorkerRestarts, "roster rooster-welzijn-groeit.csv: 36 people, 0 pairs (0 locked), 18 without; matching"),
            (Step::Answer, "roster rooster-welzijn-groeit.csv: 36 people, 0 pairs (0 locked), 18 without; matching (roster sent)"),
            (Step::Answer, "roster rooster-welzijn-groeit.csv: 36 people, 18 pairs (0 locked), 0 without"),
            // The roster sent along is kept: the next matching is by key.
            (Step::Do(Action::Match(MatchMode::Everyone)), "roster rooster-welzijn-groeit.csv: 36 people, 18 pairs (0 locked), 0 without; matching"),
            (Step::Answer, "roster rooster-welzijn-groeit.csv: 36 people, 18 pairs (0 locked), 0 without"),
        ]);
    }

    #[test]
    fn an_answer_to_an_earlier_matching_is_dropped() {
        let roster = ladder("groeit.yaml", GROEIT);
        let session = Session {
            lang: Lang::Nl,
            tab: Tab::Mentoring,
            ladder: roster.clone(),
            roster: None,
        };
        let (room, event) = State::default().reduce(&session, Action::UseExample);
        let Some(Event::RosterChanged(roster)) = event else {
            panic!("{event:?}")
        };
        let session = Session { roster, ..session };
        let (first, _) = room.reduce(&session, Action::Match(MatchMode::Unmatched));
        let (second, _) = first.reduce(&session, Action::Match(MatchMode::Unmatched));
        let earlier = first.matching.clone().unwrap();
        let reply = answer(match_request(&earlier, &session.ladder));
        let (after, event) = second.reduce(&session, Action::Matched(earlier, Box::new(reply)));
        assert!(event.is_none(), "{event:?}");
        assert_eq!(after, second, "still waiting for the second");
    }

    #[test]
    fn pairs_are_locked_and_chosen_by_hand() {
        check(vec![
            (Step::Do(Action::UseExample), "roster rooster-welzijn-groeit.csv: 36 people, 0 pairs (0 locked), 18 without"),
            (Step::Do(Action::Match(MatchMode::Unmatched)), "roster rooster-welzijn-groeit.csv: 36 people, 0 pairs (0 locked), 18 without; matching"),
            (Step::Answer, "roster rooster-welzijn-groeit.csv: 36 people, 18 pairs (0 locked), 0 without"),
            (Step::Do(Action::ToggleLock("j0000".into())), "roster rooster-welzijn-groeit.csv: 36 people, 18 pairs (1 locked), 0 without"),
            (Step::Do(Action::ToggleLock("j0000".into())), "roster rooster-welzijn-groeit.csv: 36 people, 18 pairs (0 locked), 0 without"),
            (Step::Do(Action::SetMentor("j0001".into(), "m0000".into())), "roster rooster-welzijn-groeit.csv: 36 people, 18 pairs (1 locked), 1 without"),
        ]);
    }

    fn open(id: &str) -> Step {
        Step::Do(Action::OpenForm(Form::Person(id.into())))
    }

    /// An edit's roster shows its pairs as explained before (a pair the
    /// edit made has no explanation yet) and the mentees who need a mentor,
    /// until the worker's review comes; the review keeps the roster's text
    /// and the undo list.
    #[test]
    fn an_edit_shows_its_pairs_as_explained_before_until_the_worker_explains_it() {
        let mut kept = None;
        let mut session = growth_session();
        let mut room = State::default();
        let step = |room: &mut State, session: &mut Session, action: Action| {
            let (next, event) = room.reduce(session, action);
            *room = next;
            if let Some(Event::RosterChanged(roster)) = event {
                session.roster = roster;
            }
        };
        // (reasons given, pairs, pairs explained, mentees without, of them with a reason)
        let shown = |session: &Session| {
            let o = &session.roster.as_ref().unwrap().outcome;
            (
                o.pairs.len(),
                o.pairs.iter().filter(|p| !p.reasons.is_empty()).count(),
                o.unmatched.len(),
                o.unmatched
                    .iter()
                    .filter(|u| !u.reason.nl.is_empty())
                    .count(),
            )
        };
        let review = |room: &State, session: &Session, kept: &mut Option<Kept>| {
            let asked = room.reviewing.clone().expect("a review asked");
            assert!(asked.roster == *session.roster.as_ref().unwrap());
            let reply = worker(kept, match_request(&asked, &session.ladder));
            Action::Reviewed(asked, Box::new(reply))
        };
        step(&mut room, &mut session, Action::UseExample);
        assert_eq!(shown(&session), (0, 0, 18, 0), "read, not yet explained");
        let text = session.roster.as_ref().unwrap().shared_json().clone();
        let action = review(&room, &session, &mut kept);
        step(&mut room, &mut session, action);
        assert_eq!(shown(&session), (0, 0, 18, 18), "explained");
        assert!(room.reviewing.is_none());
        let reviewed = session.roster.clone().unwrap();
        assert!(reviewed.in_worker);
        assert!(
            std::rc::Rc::ptr_eq(reviewed.shared_json(), &text),
            "the same text"
        );
        step(&mut room, &mut session, Action::Match(MatchMode::Unmatched));
        let asked = room.matching.clone().unwrap();
        let reply = worker(&mut kept, match_request(&asked, &session.ladder));
        step(
            &mut room,
            &mut session,
            Action::Matched(asked, Box::new(reply)),
        );
        assert_eq!(shown(&session), (18, 18, 0, 0), "matched");
        assert!(
            room.reviewing.is_none(),
            "a matching's pairs come explained"
        );
        step(
            &mut room,
            &mut session,
            Action::SetMentor("j0001".into(), "m0000".into()),
        );
        assert_eq!(
            shown(&session),
            (18, 17, 0, 0),
            "the new pair not yet explained"
        );
        // A second edit before the first review comes: only its review counts.
        let first = review(&room, &session, &mut kept);
        step(&mut room, &mut session, Action::ToggleLock("j0002".into()));
        step(&mut room, &mut session, first);
        assert!(room.reviewing.is_some(), "the first review is dropped");
        assert_eq!(shown(&session), (18, 17, 0, 0));
        let action = review(&room, &session, &mut kept);
        step(&mut room, &mut session, action);
        // Explained as the worker's review has it (the counts of
        // `pairs_are_locked_and_chosen_by_hand`).
        assert_eq!(shown(&session), (17, 17, 1, 1), "explained");
    }

    const EXAMPLE: &str = "roster rooster-welzijn-groeit.csv: 36 people";

    #[test]
    fn people_are_added_and_edited_through_the_worker_with_the_loaders_checks() {
        let with = |rest: &str| format!("{EXAMPLE}, 0 pairs (0 locked), 18 without{rest}");
        let undone = "; Undone Nieuw, 0 ended, 0 others";
        check(vec![
            (Step::Do(Action::UseExample), &with("")),
            // Nothing is checked without an open form.
            (Step::Fill(&[("capacity", "2")]), &with("")),
            (Step::Do(Action::OpenForm(Form::New)), &with("; form new")),
            (
                Step::Fill(&[("id", "n1"), ("name", "Nieuw"), ("role", "Sociaal werker HBO startbekwaam"), ("days", "ma, di")]),
                &with("; form new; checking"),
            ),
            (Step::Answer, "roster rooster-welzijn-groeit.csv: 37 people, 0 pairs (0 locked), 19 without; Added Nieuw, 0 ended, 0 others; undo 1"),
            (Step::Do(Action::Undo), &with(undone)),
            // The loader's messages, at their fields; the form stays open.
            (open("m0000"), &with(&format!("; form m0000{undone}"))),
            (Step::Fill(&[("capacity", "60"), ("start", "31-4-2027")]), &with(&format!("; form m0000; checking{undone}"))),
            (
                Step::Answer,
                &with(&format!("; form m0000; problems start: invalid value '31-4-2027'; expected a date such as 4-1-2027, 04-01-2027 or 2027-01-04 (day first, a four-digit year) | capacity: invalid value 60; expected a whole number from 0 to 50{undone}")),
            ),
            (Step::Do(Action::OpenForm(Form::Person("m0000".into()))), &with(&format!("; form m0000{undone}"))),
            (Step::Fill(&[("id", "j0000")]), &with(&format!("; form m0000; checking{undone}"))),
            (Step::Answer, &with(&format!("; form m0000; problems id: person 'j0000' is listed twice{undone}"))),
            // The form keeps what was typed: the id is put back.
            (Step::Fill(&[("id", "m0000"), ("capacity", "0")]), &with(&format!("; form m0000; checking; problems id: person 'j0000' is listed twice{undone}"))),
            (Step::Answer, &with("; Changed Quinten El Amrani, 0 ended, 0 others; undo 1")),
            // Another id: the pairs and mentions follow it.
            (open("tl4"), &with("; form tl4; Changed Quinten El Amrani, 0 ended, 0 others; undo 1")),
            (Step::Fill(&[("id", "tl-schuldhulp")]), &with("; form tl4; checking; Changed Quinten El Amrani, 0 ended, 0 others; undo 1")),
            (Step::Answer, &with("; Changed Wouter Peters, 0 ended, 4 others; undo 2")),
            (Step::Do(Action::CloseForm), &with("; Changed Wouter Peters, 0 ended, 4 others; undo 2")),
        ]);
    }

    #[test]
    fn an_edited_capacity_is_what_the_matching_uses() {
        let with = |rest: &str| format!("{EXAMPLE}, 0 pairs (0 locked), 18 without{rest}");
        let changed = "; Changed Rosa de Boer, 0 ended, 0 others; undo 1";
        let (_, session) = check(vec![
            (Step::Do(Action::UseExample), &with("")),
            (open("m0002"), &with("; form m0002")),
            (
                Step::Fill(&[("capacity", "0")]),
                &with("; form m0002; checking"),
            ),
            (Step::Answer, &with(changed)),
            (
                Step::Do(Action::Match(MatchMode::Unmatched)),
                &with(&format!("; matching{changed}")),
            ),
            // A change to the pairs alone keeps an edit that put none back.
            (
                Step::Answer,
                &format!("{EXAMPLE}, 18 pairs (0 locked), 0 without; undo 1"),
            ),
        ]);
        let roster = &session.roster.unwrap().roster;
        assert!(
            roster.pairs.iter().all(|p| p.mentor != "m0002"),
            "{:?}",
            roster.pairs
        );
        assert_eq!(roster.person("m0002").unwrap().capacity, 0);
    }

    #[test]
    fn a_removed_person_takes_their_pairs_and_undo_puts_everything_back() {
        let pairs = |rest: &str| format!("{EXAMPLE}, 18 pairs (0 locked), 0 without{rest}");
        let (_, session) = check(vec![
            (Step::Do(Action::UseExample), &format!("{EXAMPLE}, 0 pairs (0 locked), 18 without")),
            (Step::Do(Action::Match(MatchMode::Unmatched)), &format!("{EXAMPLE}, 0 pairs (0 locked), 18 without; matching")),
            (Step::Answer, &pairs("")),
            // Priya de Boer (tl0) manages five people, and nobody is paired with her.
            (Step::Do(Action::RemovePerson("tl0".into())), "roster rooster-welzijn-groeit.csv: 35 people, 18 pairs (0 locked), 0 without; Removed Priya de Boer, 0 ended, 5 others; undo 1"),
            (Step::Do(Action::RemovePerson("m0004".into())), "roster rooster-welzijn-groeit.csv: 34 people, 16 pairs (0 locked), 2 without; Removed Kees Jansen, 2 ended, 0 others; undo 2"),
            (Step::Do(Action::RemovePerson("nobody".into())), "roster rooster-welzijn-groeit.csv: 34 people, 16 pairs (0 locked), 2 without; Removed Kees Jansen, 2 ended, 0 others; undo 2"),
            (Step::Do(Action::Undo), "roster rooster-welzijn-groeit.csv: 35 people, 18 pairs (0 locked), 0 without; Undone Kees Jansen, 0 ended, 0 others; undo 1"),
            (Step::Do(Action::Undo), &pairs("; Undone Priya de Boer, 0 ended, 0 others")),
            (Step::Do(Action::Undo), &pairs("; Undone Priya de Boer, 0 ended, 0 others")),
            // A removal puts pairs back by position: after a pair changed it can no longer be undone.
            (Step::Do(Action::RemovePerson("m0004".into())), "roster rooster-welzijn-groeit.csv: 35 people, 16 pairs (0 locked), 2 without; Removed Kees Jansen, 2 ended, 0 others; undo 1"),
            (Step::Do(Action::ToggleLock("j0000".into())), "roster rooster-welzijn-groeit.csv: 35 people, 16 pairs (1 locked), 2 without"),
            (Step::Do(Action::Undo), "roster rooster-welzijn-groeit.csv: 35 people, 16 pairs (1 locked), 2 without"),
            // A new roster: nothing to undo.
            (Step::Do(Action::RemovePerson("j0001".into())), "roster rooster-welzijn-groeit.csv: 34 people, 15 pairs (1 locked), 2 without; Removed Bram Bakker, 1 ended, 0 others; undo 1"),
            (Step::Do(Action::UseExample), &format!("{EXAMPLE}, 0 pairs (0 locked), 18 without")),
            (Step::Do(Action::Undo), &format!("{EXAMPLE}, 0 pairs (0 locked), 18 without")),
        ]);
        assert_eq!(session.roster.unwrap().roster.people.len(), 36);
    }

    #[test]
    fn the_last_twenty_edits_can_be_undone() {
        let mut steps = vec![(
            Step::Do(Action::UseExample),
            format!("{EXAMPLE}, 0 pairs (0 locked), 18 without"),
        )];
        let ids = [
            "tl0", "tl1", "tl2", "tl3", "tl4", "tl5", "m0000", "m0001", "m0002", "m0003", "m0004",
            "m0005", "m0006", "m0007", "m0008", "m0009", "m0010", "m0011", "j0000", "j0001",
            "j0002",
        ];
        for (n, id) in ids.iter().enumerate() {
            let left = 35 - n;
            let undo = (n + 1).min(UNDO_LIMIT);
            steps.push((
                Step::Do(Action::RemovePerson(id.to_string())),
                format!("roster rooster-welzijn-groeit.csv: {left} people"),
            ));
            let _ = undo;
        }
        let mut room = State::default();
        let mut session = growth_session();
        for (step, _) in steps {
            let Step::Do(action) = step else {
                unreachable!()
            };
            let (next, event) = room.reduce(&session, action);
            room = next;
            if let Some(Event::RosterChanged(r)) = event {
                session.roster = r;
            }
        }
        assert_eq!(room.undo.len(), UNDO_LIMIT);
        for _ in 0..UNDO_LIMIT + 1 {
            let (next, event) = room.reduce(&session, Action::Undo);
            room = next;
            if let Some(Event::RosterChanged(r)) = event {
                session.roster = r;
            }
        }
        // The first removal is the one that could not be kept.
        let roster = &session.roster.unwrap().roster;
        assert_eq!(roster.people.len(), 35);
        assert!(roster.person("tl0").is_none());
        assert!(roster.person("j0002").is_some());
    }

    #[test]
    fn settings_decide_capacities_matching_and_review_and_come_from_a_file() {
        let lead = MatchConfig {
            mentor_min_level: Level::Lead,
            ..MatchConfig::default()
        };
        let koppeling = include_str!("../../../../pathways/koppeling.yaml");
        let file = |name: &str, text: &str| TextFile {
            name: name.into(),
            text: text.into(),
        };
        let with = |rest: &str| format!("{EXAMPLE}, 0 pairs (0 locked), 18 without{rest}");
        let edited = "; Changed Ilias van Dijk, 0 ended, 0 others; undo 1";
        let by_lead = "; undo 1; settings from lead, capacities [0, 0, 2, 1], load 3";
        let from_file = "; undo 1; settings from senior, capacities [0, 0, 2, 1], load 3";
        let (room, session) = check(vec![
            (Step::Do(Action::UseExample), &with("")),
            // A mentor's capacity left empty is the default for the level.
            (open("m0001"), &with("; form m0001")),
            (Step::Fill(&[("capacity", "")]), &with("; form m0001; checking")),
            (Step::Answer, &with(edited)),
            (
                Step::Do(Action::SetSettings(MatchConfig { default_capacities: [0, 0, 5, 1], ..MatchConfig::default() })),
                &with(&format!("{edited}; settings from senior, capacities [0, 0, 5, 1], load 3")),
            ),
            // Only leads mentor: none in this roster, so nobody is matched.
            (Step::Do(Action::SetSettings(lead)), &with(&format!("{edited}; settings from lead, capacities [0, 0, 2, 1], load 3"))),
            (Step::Do(Action::Match(MatchMode::Unmatched)), &with(&format!("; matching{edited}; settings from lead, capacities [0, 0, 2, 1], load 3"))),
            (Step::Answer, &with(by_lead)),
            (Step::Do(Action::SetSettings(MatchConfig::default())), &with("; undo 1")),
            // A file's settings, read in the worker (a weight differs from the defaults).
            (Step::Do(Action::OpenSettings(file("koppeling.yaml", koppeling))), &with("; undo 1; reading settings koppeling.yaml")),
            (Step::Answer, &with(from_file)),
            (
                Step::Do(Action::OpenSettings(file("kapot.yaml", "schema: doorgroei/matching@1\nweights: {load: 2000}\n"))),
                &with(&format!("{from_file}; reading settings kapot.yaml")),
            ),
            (
                Step::Answer,
                &with(&format!("{from_file}; settings error kapot.yaml:2:17: load: invalid value 2000; expected a whole number from 0 to 1000")),
            ),
            (Step::Do(Action::DismissSettingsErrors), &with(from_file)),
        ]);
        assert_eq!(room.settings.weights.preference, 20);
        let m0001 = session
            .roster
            .as_ref()
            .unwrap()
            .roster
            .person("m0001")
            .unwrap();
        assert!(m0001.capacity_default);
        assert_eq!(m0001.capacity, 2, "the default for a senior");
    }

    #[test]
    fn saved_settings_are_read_back_and_anything_else_is_the_defaults() {
        let ladder = ladder("groeit.yaml", GROEIT);
        let changed = MatchConfig {
            not_same_team: false,
            ..MatchConfig::default()
        };
        let cases = [
            (Some(match_config_to_yaml(&changed)), changed),
            (None, MatchConfig::default()),
            (Some("kapot".to_string()), MatchConfig::default()),
        ];
        for (text, expected) in cases {
            let (room, _) = State::restore(&ladder, None, text.as_deref());
            assert_eq!(room.settings, expected, "{text:?}");
        }
    }
}
