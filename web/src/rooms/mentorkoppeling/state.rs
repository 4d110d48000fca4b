//! The Mentorkoppeling room: the roster (it owns the session's roster), a
//! roster file being read, a matching under way, and what went wrong.

use std::rc::Rc;

use doorgroei::error::Report;
use doorgroei::exchange::{ImportReply, MatchMode, MatchReply, Reply, Request, TextFile};
use doorgroei::format::{roster_from_json, roster_to_json};
use doorgroei::matching::{review, Assignment, MatchConfig};
use doorgroei::roster::{Pair, Person, Roster};

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
}

/// A roster file being read in the worker.
#[derive(Debug)]
pub struct Importing {
    pub name: String,
    /// Kept to read the file again should the ladder change meanwhile.
    pub bytes: Vec<u8>,
    /// The ladder it is checked against.
    pub ladder: Shared<LadderInUse>,
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
    /// Read this roster file (name, bytes; CSV or YAML) in the worker.
    Import(String, Vec<u8>),
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
            Action::UseExample => work.take_json(EXAMPLE_ROSTER_NAME.into(), EXAMPLE_ROSTER_JSON),
            Action::Import(name, bytes) => {
                room.errors = None;
                work.ask(name, bytes);
            }
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
    Request::ImportRoster {
        name: import.name.clone(),
        bytes: import.bytes.clone(),
        ladder: import.ladder.file.text.clone(),
    }
}

/// What to ask the worker for a matching, on the ladder shown.
pub fn match_request(matching: &Matching, ladder: &LadderInUse) -> Request {
    Request::Match {
        ladder: ladder.file.text.clone(),
        // JSON: several times faster to write on this thread than YAML.
        roster: roster_to_json(&matching.roster.roster),
        mode: matching.mode,
        settings: None,
    }
}

/// The room while an action is worked out, with the roster as it becomes.
struct Work<'a> {
    room: State,
    roster: Option<Shared<RosterInUse>>,
    ladder: &'a Shared<LadderInUse>,
}

impl Work<'_> {
    fn done(self, before: &Option<Shared<RosterInUse>>) -> (State, Option<Event>) {
        let changed = self.roster != *before;
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

    /// Has the worker read a roster file against the ladder shown.
    fn ask(&mut self, name: String, bytes: Vec<u8>) {
        self.room.importing = Some(Shared::new(Importing {
            name,
            bytes,
            ladder: self.ladder.clone(),
        }));
    }

    /// Has the worker read a roster in its JSON form that the page could
    /// not take (its roles gone from the ladder, a damaged save): the worker
    /// answers with its problems, located and in both languages. (The page
    /// words no load problems itself: that keeps every error message of the
    /// core out of its WebAssembly.)
    fn reread(&mut self, name: String, json: String) {
        self.room.errors = None;
        self.ask(name, json.into_bytes());
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
            }) => {
                self.room.warnings = warnings.map(Rc::new);
                self.set(Some(asked.name.clone()), roster, Some(outcome));
                // The ladder changed meanwhile: check the roster against it.
                if !same_ladder {
                    self.refit();
                }
            }
            // The ladder changed meanwhile: read it again against this one.
            Reply::Import(ImportReply::Problems(_)) if !same_ladder => {
                self.ask(asked.name.clone(), asked.bytes.clone())
            }
            Reply::Import(ImportReply::Problems(report)) => {
                self.room.errors = Some(Rc::new(report))
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
        roster.pairs = outcome
            .pairs
            .iter()
            .map(|p| Pair {
                mentee: p.mentee.clone(),
                mentor: p.mentor.clone(),
                locked: p.locked,
            })
            .collect();
        self.set(current.name.clone(), roster, Some(outcome));
    }
}

#[cfg(test)]
mod tests {
    //! The room's conversations with the worker, without a browser: the
    //! worker's answers are made by the core functions it runs.

    use super::*;
    use crate::session::Tab;
    use doorgroei::exchange::{answer, LadderReply};
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
        /// The worker answers the file being read, or the matching under way.
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
                    let reply = answer(asked());
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
            (Step::Answer, "roster r.csv: 36 people, 0 pairs (0 locked), 18 without"),
            (import("kapot.csv", b"id;naam\n"), "roster r.csv: 36 people, 0 pairs (0 locked), 18 without; reading kapot.csv against Stichting Welzijn Groeit"),
            (Step::Answer, "roster r.csv: 36 people, 0 pairs (0 locked), 18 without; error kapot.csv:1:2: unknown field 'naam'; expected one of id, name, role, team, location, manager, specialisms, languages, days, hours, career_switcher, start, needs_mentor, capacity, coaching, prefers, avoids, email, absent, mentor, locked"),
            (Step::Do(Action::DismissErrors), "roster r.csv: 36 people, 0 pairs (0 locked), 18 without"),
            (import("r.csv", ROSTER_CSV), "roster r.csv: 36 people, 0 pairs (0 locked), 18 without; reading r.csv against Stichting Welzijn Groeit"),
            (Step::MatchFails("no worker"), "roster r.csv: 36 people, 0 pairs (0 locked), 18 without; error r.csv: the file could not be read (no worker)"),
            (import("kring.csv", CIRCLE), "roster r.csv: 36 people, 0 pairs (0 locked), 18 without; reading kring.csv against Stichting Welzijn Groeit"),
            (Step::Answer, "roster kring.csv: 2 people, 0 pairs (0 locked), 2 without; warning kring.csv:2:5: warning: managers form a circle: a → b → a"),
            (Step::Do(Action::DismissWarnings), "roster kring.csv: 2 people, 0 pairs (0 locked), 2 without"),
        ]);
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
                "roster vlak.csv: 2 people, 0 pairs (0 locked), 1 without",
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
