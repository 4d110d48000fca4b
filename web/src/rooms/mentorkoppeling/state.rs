//! The Mentorkoppeling room: the roster (it owns the session's roster), a
//! roster file being read, the columns of a table file (the mapping step),
//! a matching under way, and what went wrong.

use std::rc::Rc;

use doorgroei::error::Report;
use doorgroei::exchange::{
    Columns, Import, ImportReply, MatchMode, MatchReply, Reply, Request, TextFile,
};
use doorgroei::format::{roster_from_file, roster_from_json, roster_to_json, ColumnsFile, Field};
use doorgroei::matching::{review, Assignment, MatchConfig};
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
    /// A roster file being read in the worker.
    pub importing: Option<Shared<Importing>>,
    /// The mapping step of the last table file read (CSV or a sheet).
    pub columns: Option<Shared<ColumnsStep>>,
    /// The column mappings this browser remembers (headers only), as the
    /// worker writes them: kept under `doorgroei.kolommen`.
    pub remembered: Option<Shared<String>>,
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

/// A matching under way: of this roster, as it was when it began.
#[derive(Debug)]
pub struct Matching {
    pub roster: Shared<RosterInUse>,
    pub mode: MatchMode,
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
    /// Lock or unlock a mentee's pair.
    ToggleLock(String),
    /// Give a mentee this mentor by hand (the pair is locked).
    SetMentor(String, String),
    /// Add a person to the roster.
    AddPerson(Box<Person>),
    DismissErrors,
    DismissWarnings,
}

impl State {
    /// The room with a saved roster (a roster file in its JSON form): taken
    /// on the page, or if it does not fit `ladder`, read by the worker for
    /// its problems.
    pub fn restore(
        ladder: &Shared<LadderInUse>,
        saved: Option<TextFile>,
    ) -> (State, Option<Shared<RosterInUse>>) {
        let mut work = Work {
            room: State::default(),
            roster: None,
            ladder,
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
                    room.matching = Some(Shared::new(Matching { roster, mode }));
                }
            }
            Action::Matched(asked, reply) => {
                if room.matching.take_if(|m| *m == asked).is_some() {
                    match *reply {
                        // A roster changed meanwhile keeps its changes; the outcome is dropped.
                        Reply::Match(MatchReply::Ok(outcome)) => {
                            if work.roster.as_ref() == Some(&asked.roster) {
                                work.take_outcome(outcome);
                            }
                        }
                        Reply::Match(MatchReply::Error(reason)) => room.failed = Some(reason),
                        other => room.failed = Some(other.failure()),
                    }
                }
            }
            Action::ToggleLock(mentee) => {
                if let Some(current) = work.roster.clone() {
                    let mut roster = current.roster.clone();
                    for pair in roster.pairs.iter_mut().filter(|p| p.mentee == mentee) {
                        pair.locked = !pair.locked;
                    }
                    // The explanation stays as it was; only the flag changes.
                    let mut outcome = current.outcome.clone();
                    for p in outcome.pairs.iter_mut().filter(|p| p.mentee == mentee) {
                        p.locked = !p.locked;
                    }
                    work.set(current.name.clone(), roster, Some(outcome));
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
                    });
                    work.set(current.name.clone(), roster, None);
                }
            }
            Action::AddPerson(person) => {
                let name = work.roster.as_ref().and_then(|r| r.name.clone());
                let mut roster = work
                    .roster
                    .as_ref()
                    .map(|r| r.roster.clone())
                    .unwrap_or_default();
                if roster.people.iter().all(|p| p.id != person.id) {
                    roster.people.push(*person);
                    work.set(name, roster, None);
                }
            }
            Action::DismissErrors => room.errors = None,
            Action::DismissWarnings => room.warnings = None,
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

/// What to ask the worker for a matching, on the ladder shown.
pub fn match_request(matching: &Matching, ladder: &LadderInUse) -> Request {
    Request::Match {
        ladder: ladder.file.text.clone(),
        // JSON: several times faster to write on this thread than YAML.
        roster: roster_to_json(&matching.roster.roster),
        mode: matching.mode,
    }
}

/// The room while an action is worked out, with the roster as it becomes.
struct Work<'a> {
    room: State,
    roster: Option<Shared<RosterInUse>>,
    ladder: &'a Shared<LadderInUse>,
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
        (
            self.room,
            changed.then_some(Event::RosterChanged(self.roster)),
        )
    }

    /// Takes `roster` as the current one and explains it (its review, unless
    /// a matching's outcome comes with it).
    fn set(&mut self, name: Option<String>, roster: Roster, outcome: Option<Assignment>) {
        let outcome = outcome
            .unwrap_or_else(|| review(&self.ladder.ladder, &roster, &MatchConfig::default()));
        self.roster = Some(Shared::new(RosterInUse {
            name,
            roster,
            outcome,
        }));
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
            let text = roster_to_json(&current.roster);
            match roster_from_json(&text, &self.ladder.ladder) {
                Some(roster) => self.set(current.name.clone(), roster, None),
                None => {
                    self.roster = None;
                    let name = current
                        .name
                        .clone()
                        .unwrap_or_else(|| "rooster.yaml".into());
                    self.reread(name, text);
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
                        self.set(Some(asked.name.clone()), roster, Some(outcome));
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

    /// Takes a matching's outcome: its pairs become the roster's pairs.
    fn take_outcome(&mut self, outcome: Assignment) {
        let Some(current) = self.roster.clone() else {
            return;
        };
        let mut roster = current.roster.clone();
        roster.pairs = outcome.pairs.iter().map(Pair::from).collect();
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
        answer, answer_json, answer_with_sheet_json, LadderReply, SheetTable,
    };
    use doorgroei::format::csv_table;
    use doorgroei::format::Field;
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
        /// The Functiehuis room shows another ladder (YAML).
        Ladder(&'static str, &'static str),
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
        if room.matching.is_some() {
            out += "; matching";
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
        out
    }

    /// Runs the steps from the growth ladder without a roster, compares what
    /// the room shows after each (every step that differs is listed), and
    /// returns the room and session at the end.
    fn check(steps: Vec<(Step, &str)>) -> (State, Session) {
        let mut session = Session {
            lang: Lang::Nl,
            tab: Tab::Mentoring,
            ladder: ladder("groeit.yaml", GROEIT),
            roster: None,
        };
        let mut room = State::default();
        let mut made_before: Option<Reply> = None;
        let mut wrong = Vec::new();
        for (i, (step, expected)) in steps.into_iter().enumerate() {
            let asked = || -> Request {
                match (&room.importing, &room.matching) {
                    (Some(i), _) => import_request(i),
                    (None, Some(m)) => match_request(m, &session.ladder),
                    (None, None) => panic!("step {i}: nothing was asked"),
                }
            };
            let answered = |room: &State, reply: Reply| match (&room.importing, &room.matching) {
                (Some(i), _) => Action::Imported(i.clone(), Box::new(reply)),
                (None, Some(m)) => Action::Matched(m.clone(), Box::new(reply)),
                (None, None) => panic!("step {i}: nothing was asked"),
            };
            let (next, event) = match step {
                Step::Do(action) => room.reduce(&session, action),
                Step::Answer => {
                    let reply = worker(asked());
                    room.reduce(&session, answered(&room, reply))
                }
                Step::AnswerMadeBefore => {
                    let reply = made_before.take().expect("an answer made before");
                    room.reduce(&session, answered(&room, reply))
                }
                Step::MatchFails(why) => {
                    room.reduce(&session, answered(&room, Reply::Failed(why.into())))
                }
                Step::Ladder(name, yaml) => {
                    if room.importing.is_some() || room.matching.is_some() {
                        made_before = Some(answer(asked()));
                    }
                    session.ladder = ladder(name, yaml);
                    room.ladder_changed(&session)
                }
            };
            room = next;
            if let Some(Event::RosterChanged(roster)) = event {
                session.roster = roster;
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
    fn worker(request: Request) -> Reply {
        let text = serde_json::to_string(&request).unwrap();
        let reply = answer_json(&text);
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
            (Step::MatchFails("no worker"), "roster r.csv: 36 people, 0 pairs (0 locked), 18 without; error r.csv: the file could not be read (no worker)"),
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
                "no roster; error r.csv:1:1633: unknown role 'praktijkopleider'",
            ),
        ]);
    }

    #[test]
    fn a_roster_the_new_ladder_cannot_hold_is_read_by_the_worker_for_its_problems() {
        let (room, _) = check(vec![
            (Step::Do(Action::UseExample), "roster rooster-welzijn-groeit.csv: 36 people, 0 pairs (0 locked), 18 without"),
            (Step::Ladder("vlak.yaml", VLAK), "no roster; reading rooster-welzijn-groeit.csv against Stichting Welzijn Gelijkvloers"),
            (Step::Answer, "no roster; error rooster-welzijn-groeit.csv:1:1633: unknown role 'praktijkopleider'"),
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
            // A pair locked meanwhile keeps its lock; the outcome is dropped.
            (Step::Do(Action::ToggleLock("j0000".into())), "roster rooster-welzijn-groeit.csv: 36 people, 18 pairs (1 locked), 0 without; matching"),
            (Step::Answer, "roster rooster-welzijn-groeit.csv: 36 people, 18 pairs (1 locked), 0 without"),
            (Step::Do(Action::Match(MatchMode::Everyone)), "roster rooster-welzijn-groeit.csv: 36 people, 18 pairs (1 locked), 0 without; matching"),
            (Step::MatchFails("the worker did not start"), "roster rooster-welzijn-groeit.csv: 36 people, 18 pairs (1 locked), 0 without; failed: the worker did not start"),
            // A new matching clears the failure.
            (Step::Do(Action::Match(MatchMode::Everyone)), "roster rooster-welzijn-groeit.csv: 36 people, 18 pairs (1 locked), 0 without; matching"),
            (Step::Answer, "roster rooster-welzijn-groeit.csv: 36 people, 18 pairs (1 locked), 0 without"),
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
    fn pairs_are_locked_chosen_and_people_added_by_hand() {
        let person = |id: &str, role: &str| {
            Step::Do(Action::AddPerson(Box::new(Person::new(id, "Nieuw", role))))
        };
        check(vec![
            // A roster begun here has no file name.
            (person("n1", "sw-hbo-start"), "roster —: 1 people, 0 pairs (0 locked), 1 without"),
            (Step::Do(Action::UseExample), "roster rooster-welzijn-groeit.csv: 36 people, 0 pairs (0 locked), 18 without"),
            (Step::Do(Action::Match(MatchMode::Unmatched)), "roster rooster-welzijn-groeit.csv: 36 people, 0 pairs (0 locked), 18 without; matching"),
            (Step::Answer, "roster rooster-welzijn-groeit.csv: 36 people, 18 pairs (0 locked), 0 without"),
            (Step::Do(Action::ToggleLock("j0000".into())), "roster rooster-welzijn-groeit.csv: 36 people, 18 pairs (1 locked), 0 without"),
            (Step::Do(Action::ToggleLock("j0000".into())), "roster rooster-welzijn-groeit.csv: 36 people, 18 pairs (0 locked), 0 without"),
            (Step::Do(Action::SetMentor("j0001".into(), "m0000".into())), "roster rooster-welzijn-groeit.csv: 36 people, 18 pairs (1 locked), 1 without"),
            // An id already taken is not added again.
            (person("j0000", "sw-hbo-start"), "roster rooster-welzijn-groeit.csv: 36 people, 18 pairs (1 locked), 1 without"),
            (person("n1", "sw-hbo-start"), "roster rooster-welzijn-groeit.csv: 37 people, 18 pairs (1 locked), 2 without"),
        ]);
    }
}
