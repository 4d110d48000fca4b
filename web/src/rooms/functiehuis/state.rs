//! The Functiehuis room: the ladder shown (it owns the session's ladder),
//! the role selected, the scan's findings, and a ladder file being read.

use std::rc::Rc;

use doorgroei::error::Report;
use doorgroei::exchange::{LadderReply, Reply, Request, TextFile};
use doorgroei::scan::{scan, Finding};
use doorgroei::Ladder;

use crate::session::{Event, LadderInUse};
use crate::shared::worker::no_answer;
use crate::shared::Shared;

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// The scan of the ladder shown.
    pub findings: Shared<Vec<Finding>>,
    pub selected: Option<String>,
    /// The finding whose roles the drawing highlights.
    pub focused_finding: Option<usize>,
    /// The problems of the last file that failed to load (the ladder shown stays as it was).
    pub errors: Option<Rc<Report>>,
    /// The warnings about the ladder file shown (allowed, but probably mistakes).
    pub warnings: Option<Rc<Report>>,
    /// A ladder file (YAML) being read in the worker.
    pub reading: Option<Shared<TextFile>>,
}

pub enum Action {
    /// Read this ladder file (YAML) in the worker.
    Open(TextFile),
    /// The worker's answer to the file it was asked to read.
    Read(Shared<TextFile>, Box<Reply>),
    ResetExample,
    Select(Option<String>),
    FocusFinding(Option<usize>),
    DismissErrors,
    DismissWarnings,
}

impl State {
    /// The room with `ladder` shown.
    pub fn new(ladder: &Ladder) -> State {
        State {
            findings: Shared::new(scan(ladder)),
            selected: None,
            focused_finding: None,
            errors: None,
            warnings: None,
            reading: None,
        }
    }

    /// The next state, and the new ladder if there is one.
    pub fn reduce(&self, action: Action) -> (State, Option<Event>) {
        let mut next = self.clone();
        match action {
            Action::Open(file) => next.reading = Some(Shared::new(file)),
            Action::Read(asked, reply) => {
                if next.reading.take_if(|r| *r == asked).is_some() {
                    return next.read(&asked.name, *reply);
                }
            }
            Action::ResetExample => return next.shown(LadderInUse::example(), None),
            Action::Select(id) => next.selected = id,
            Action::FocusFinding(i) => next.focused_finding = i,
            Action::DismissErrors => next.errors = None,
            Action::DismissWarnings => next.warnings = None,
        }
        (next, None)
    }

    /// Takes the worker's answer for the ladder file `name`.
    fn read(mut self, name: &str, reply: Reply) -> (State, Option<Event>) {
        let problems = match reply {
            Reply::Ladder(LadderReply::Read { ladder, warnings }) => {
                let file = TextFile {
                    name: name.to_string(),
                    text: ladder,
                };
                match LadderInUse::read(file) {
                    Some(ladder) => return self.shown(ladder, warnings),
                    None => no_answer(name, "the worker's answer is not a ladder"),
                }
            }
            Reply::Ladder(LadderReply::Problems(report)) => report,
            other => no_answer(name, &other.failure()),
        };
        self.errors = Some(Rc::new(problems));
        (self, None)
    }

    /// Shows `ladder` (a file read, or the example): what was selected or
    /// wrong about the one before is gone.
    fn shown(self, ladder: LadderInUse, warnings: Option<Report>) -> (State, Option<Event>) {
        let next = State {
            warnings: warnings.map(Rc::new),
            ..State::new(&ladder.ladder)
        };
        (next, Some(Event::LadderChanged(Shared::new(ladder))))
    }

    /// Roles highlighted by the focused finding.
    pub fn highlighted(&self) -> Vec<String> {
        self.focused_finding
            .and_then(|i| self.findings.get(i))
            .map(|f| f.roles.clone())
            .unwrap_or_default()
    }
}

/// What to ask the worker for a ladder file being read.
pub fn request(file: &TextFile) -> Request {
    Request::ReadLadder(file.clone())
}

#[cfg(test)]
mod tests {
    //! Conversations with the worker, without a browser: the worker's
    //! answers are made by the core functions it runs.

    use super::*;
    use doorgroei::exchange::answer;

    const VLAK: &str = include_str!("../../../../pathways/welzijn-vlak.yaml");

    fn file(name: &str, text: &str) -> TextFile {
        TextFile {
            name: name.into(),
            text: text.into(),
        }
    }

    /// One step of a conversation: what happens, then what the room shows.
    enum Step {
        /// The user does something.
        Do(Action),
        /// The worker answers the file being read (the core's own answer).
        Answer,
        /// The worker answers, but for a file asked earlier (stale).
        AnswerStale,
        /// No answer, and why.
        Fails(&'static str),
    }

    /// The room in a line: the ladder shown, the file being read, the first
    /// problem or warning, the selection.
    fn seen(room: &State, ladder: &LadderInUse) -> String {
        let mut out = format!("ladder {}", ladder.ladder.organisation());
        if let Some(r) = &room.reading {
            out += &format!("; reading {}", r.name);
        }
        if let Some(e) = &room.errors {
            out += &format!("; error {}", e.lines[0].en);
        }
        if let Some(w) = &room.warnings {
            out += &format!("; warning {}", w.lines[0].en);
        }
        if let Some(s) = &room.selected {
            out += &format!("; selected {s}");
        }
        if let Some(i) = room.focused_finding {
            out += &format!("; finding {i}: {}", room.highlighted().join(", "));
        }
        out
    }

    /// Runs the steps from the example and compares what the room shows
    /// after each; lists every step that differs.
    fn check(steps: Vec<(Step, &str)>) {
        let mut ladder = Shared::new(LadderInUse::example());
        let mut room = State::new(&ladder.ladder);
        let mut earlier: Option<Shared<TextFile>> = None;
        let mut wrong = Vec::new();
        for (i, (step, expected)) in steps.into_iter().enumerate() {
            let asked = room.reading.clone();
            let action = match step {
                Step::Do(action) => action,
                Step::Answer | Step::AnswerStale => {
                    let asked = match step {
                        Step::Answer => asked,
                        _ => earlier.clone(),
                    }
                    .expect("a file was asked for");
                    let reply = answer(request(&asked));
                    Action::Read(asked, Box::new(reply))
                }
                Step::Fails(why) => Action::Read(
                    asked.expect("a file was asked for"),
                    Box::new(Reply::Failed(why.into())),
                ),
            };
            if room.reading.is_some() {
                earlier = room.reading.clone();
            }
            let (next, event) = room.reduce(action);
            room = next;
            if let Some(Event::LadderChanged(new)) = event {
                ladder = new;
            }
            let got = seen(&room, &ladder);
            if got != expected {
                wrong.push(format!(
                    "step {i}:\n  expected {expected}\n  got      {got}"
                ));
            }
        }
        assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
    }

    #[test]
    fn a_ladder_file_is_taken_from_the_answer_to_its_own_request() {
        check(vec![
            (
                Step::Do(Action::Open(file("vlak.yaml", VLAK))),
                "ladder Stichting Welzijn Groeit; reading vlak.yaml",
            ),
            (
                Step::Do(Action::Select(Some("teamleider".into()))),
                "ladder Stichting Welzijn Groeit; reading vlak.yaml; selected teamleider",
            ),
            (Step::Answer, "ladder Stichting Welzijn Gelijkvloers"),
            (
                Step::Do(Action::ResetExample),
                "ladder Stichting Welzijn Groeit",
            ),
        ]);
    }

    #[test]
    fn an_answer_to_an_earlier_request_changes_nothing() {
        check(vec![
            (
                Step::Do(Action::Open(file("vlak.yaml", VLAK))),
                "ladder Stichting Welzijn Groeit; reading vlak.yaml",
            ),
            // The same file again: a new request, the first one's answer is stale.
            (
                Step::Do(Action::Open(file("vlak.yaml", VLAK))),
                "ladder Stichting Welzijn Groeit; reading vlak.yaml",
            ),
            (
                Step::AnswerStale,
                "ladder Stichting Welzijn Groeit; reading vlak.yaml",
            ),
            (Step::Answer, "ladder Stichting Welzijn Gelijkvloers"),
        ]);
    }

    #[test]
    fn a_ladder_with_problems_or_without_an_answer_leaves_the_ladder_as_it_was() {
        let broken = VLAK.replacen("level: junior", "level: stagiair", 1);
        check(vec![
            (
                Step::Do(Action::Open(file("kapot.yaml", &broken))),
                "ladder Stichting Welzijn Groeit; reading kapot.yaml",
            ),
            (
                Step::Answer,
                "ladder Stichting Welzijn Groeit; error kapot.yaml:21:12: unknown level 'stagiair'; expected one of junior, medior, senior, lead",
            ),
            (Step::Do(Action::DismissErrors), "ladder Stichting Welzijn Groeit"),
            (
                Step::Do(Action::Open(file("vlak.yaml", VLAK))),
                "ladder Stichting Welzijn Groeit; reading vlak.yaml",
            ),
            (
                Step::Fails("no worker"),
                "ladder Stichting Welzijn Groeit; error vlak.yaml: the file could not be read (no worker)",
            ),
        ]);
    }

    #[test]
    fn a_ladder_files_warnings_are_shown_with_it() {
        let twice = VLAK.replacen(
            "pay_scales:\n",
            "pay_scales:\n  - {scale: 8, min: 1, max: 2}\n",
            1,
        );
        check(vec![
            (
                Step::Do(Action::Open(file("twee.yaml", &twice))),
                "ladder Stichting Welzijn Groeit; reading twee.yaml",
            ),
            (
                Step::Answer,
                "ladder Stichting Welzijn Gelijkvloers; warning twee.yaml:16:13: warning: scale 8 is listed twice in pay_scales (first on line 15); the first counts",
            ),
            (
                Step::Do(Action::DismissWarnings),
                "ladder Stichting Welzijn Gelijkvloers",
            ),
        ]);
    }

    #[test]
    fn a_finding_highlights_its_roles() {
        let example = LadderInUse::example();
        let room = State::new(&example.ladder);
        let i = room
            .findings
            .iter()
            .position(|f| !f.roles.is_empty())
            .expect("the example has a finding about roles");
        let roles = room.findings[i].roles.join(", ");
        check(vec![
            (
                Step::Do(Action::FocusFinding(Some(i))),
                &format!("ladder Stichting Welzijn Groeit; finding {i}: {roles}"),
            ),
            (
                Step::Do(Action::FocusFinding(None)),
                "ladder Stichting Welzijn Groeit",
            ),
        ]);
    }
}
