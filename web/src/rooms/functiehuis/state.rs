//! The Functiehuis room: the ladder shown (it owns the session's ladder),
//! the role selected, the scan's findings, and a ladder file being read.
//! The scan runs in the worker: a ladder file read comes with its findings,
//! a saved ladder is scanned when restored, the example's are built in.

use std::rc::Rc;

use doorgroei::error::Report;
use doorgroei::exchange::{LadderReply, Reply, Request, TextFile};
use doorgroei::scan::Finding;

use crate::session::{Event, LadderInUse, EXAMPLE_JSON};
use crate::shared::worker::no_answer;
use crate::shared::Shared;

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// The scan of the ladder shown (none yet while it is scanned).
    pub findings: Shared<Vec<Finding>>,
    /// The ladder shown, being scanned in the worker.
    pub scanning: Option<Shared<LadderInUse>>,
    /// Why the ladder shown could not be scanned.
    pub scan_failed: Option<String>,
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
    /// The worker's findings for the ladder it was asked to scan.
    Scanned(Shared<LadderInUse>, Box<Reply>),
    ResetExample,
    Select(Option<String>),
    FocusFinding(Option<usize>),
    DismissErrors,
    DismissWarnings,
}

impl State {
    /// The room with `ladder` shown: the example's findings are built in,
    /// another ladder's are asked of the worker.
    pub fn new(ladder: &Shared<LadderInUse>) -> State {
        State::with_findings(ladder, example_findings(ladder))
    }

    /// The room with `ladder` shown and its findings, or waiting for them.
    fn with_findings(ladder: &Shared<LadderInUse>, findings: Option<Vec<Finding>>) -> State {
        State {
            scanning: findings.is_none().then(|| ladder.clone()),
            findings: Shared::new(findings.unwrap_or_default()),
            scan_failed: None,
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
            Action::Scanned(asked, reply) => {
                if next.scanning.take_if(|s| *s == asked).is_some() {
                    match *reply {
                        Reply::Scan(Ok(findings)) => next.findings = Shared::new(findings),
                        Reply::Scan(Err(why)) => next.scan_failed = Some(why),
                        other => next.scan_failed = Some(other.failure()),
                    }
                }
            }
            Action::ResetExample => return next.shown(LadderInUse::example(), None, None),
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
            Reply::Ladder(LadderReply::Read {
                ladder,
                warnings,
                findings,
            }) => {
                let file = TextFile {
                    name: name.to_string(),
                    text: ladder,
                };
                match LadderInUse::read(file) {
                    Some(ladder) => return self.shown(ladder, warnings, Some(findings)),
                    None => no_answer(name, "the worker's answer is not a ladder"),
                }
            }
            Reply::Ladder(LadderReply::Problems(report)) => report,
            other => no_answer(name, &other.failure()),
        };
        self.errors = Some(Rc::new(problems));
        (self, None)
    }

    /// Shows `ladder` (a file read with its findings, or the example):
    /// what was selected or wrong about the one before is gone.
    fn shown(
        self,
        ladder: LadderInUse,
        warnings: Option<Report>,
        findings: Option<Vec<Finding>>,
    ) -> (State, Option<Event>) {
        let ladder = Shared::new(ladder);
        let findings = findings.or_else(|| example_findings(&ladder));
        let next = State {
            warnings: warnings.map(Rc::new),
            ..State::with_findings(&ladder, findings)
        };
        (next, Some(Event::LadderChanged(ladder)))
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

/// What to ask the worker for the findings of the ladder shown.
pub fn scan_request(ladder: &LadderInUse) -> Request {
    Request::Scan(ladder.file.text.clone())
}

/// The example's findings, scanned at build time (`build.rs`).
const EXAMPLE_FINDINGS: &str = include_str!(concat!(env!("OUT_DIR"), "/example-findings.json"));

/// The findings of `ladder` if it is the example (also under another name,
/// as a save of it), without the worker.
fn example_findings(ladder: &LadderInUse) -> Option<Vec<Finding>> {
    (ladder.file.text == EXAMPLE_JSON)
        .then(|| serde_json::from_str(EXAMPLE_FINDINGS).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    //! Conversations with the worker, without a browser: the worker's
    //! answers are made by the core functions it runs.

    use super::*;
    use doorgroei::exchange::answer;
    use doorgroei::Lang;

    const VLAK: &str = include_str!("../../../../pathways/welzijn-vlak.yaml");
    const GROEIT: &str = include_str!("../../../../pathways/welzijn-groeit.yaml");

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
        /// The worker answers the scan asked for.
        Scan,
        /// The worker answers the scan asked for at the start (stale once
        /// another ladder is shown).
        ScanStale,
        /// No scan, and why.
        ScanFails(&'static str),
    }

    /// A ladder file in its JSON form, as the worker reads it.
    fn read(name: &str, yaml: &str) -> LadderInUse {
        let Reply::Ladder(LadderReply::Read { ladder, .. }) =
            answer(Request::ReadLadder(file(name, yaml)))
        else {
            panic!("{name} does not read")
        };
        LadderInUse::read(file(name, &ladder)).unwrap()
    }

    /// The room in a line: the ladder shown, the file being read, the first
    /// problem or warning, the selection.
    fn seen(room: &State, ladder: &LadderInUse) -> String {
        let mut out = format!("ladder {}", ladder.ladder.organisation());
        match room.findings.first() {
            Some(first) => {
                let (n, severity) = (room.findings.len(), first.severity.label(Lang::En));
                out += &format!(", {n} findings, first {severity}");
            }
            None => out += ", no findings",
        }
        if room.scanning.is_some() {
            out += "; scanning";
        }
        if let Some(why) = &room.scan_failed {
            out += &format!("; not scanned: {why}");
        }
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
        check_from(LadderInUse::example(), steps)
    }

    /// [`check`] from `start`.
    fn check_from(start: LadderInUse, steps: Vec<(Step, &str)>) {
        let mut ladder = Shared::new(start);
        let mut room = State::new(&ladder);
        let first_scan = room.scanning.clone();
        let mut earlier: Option<Shared<TextFile>> = None;
        let mut wrong = Vec::new();
        for (i, (step, expected)) in steps.into_iter().enumerate() {
            let asked = room.reading.clone();
            let scan = |asked: Option<Shared<LadderInUse>>, reply: Option<Reply>| {
                let asked = asked.expect("a scan was asked for");
                let reply = reply.unwrap_or_else(|| answer(scan_request(&asked)));
                Action::Scanned(asked, Box::new(reply))
            };
            let action = match step {
                Step::Scan => scan(room.scanning.clone(), None),
                Step::ScanStale => scan(first_scan.clone(), None),
                Step::ScanFails(why) => {
                    scan(room.scanning.clone(), Some(Reply::Failed(why.into())))
                }
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
                "ladder Stichting Welzijn Groeit, 8 findings, first info; reading vlak.yaml",
            ),
            (
                Step::Do(Action::Select(Some("teamleider".into()))),
                "ladder Stichting Welzijn Groeit, 8 findings, first info; reading vlak.yaml; selected teamleider",
            ),
            (Step::Answer, "ladder Stichting Welzijn Gelijkvloers, 8 findings, first problem"),
            (
                Step::Do(Action::ResetExample),
                "ladder Stichting Welzijn Groeit, 8 findings, first info",
            ),
        ]);
    }

    #[test]
    fn an_answer_to_an_earlier_request_changes_nothing() {
        check(vec![
            (
                Step::Do(Action::Open(file("vlak.yaml", VLAK))),
                "ladder Stichting Welzijn Groeit, 8 findings, first info; reading vlak.yaml",
            ),
            // The same file again: a new request, the first one's answer is stale.
            (
                Step::Do(Action::Open(file("vlak.yaml", VLAK))),
                "ladder Stichting Welzijn Groeit, 8 findings, first info; reading vlak.yaml",
            ),
            (
                Step::AnswerStale,
                "ladder Stichting Welzijn Groeit, 8 findings, first info; reading vlak.yaml",
            ),
            (
                Step::Answer,
                "ladder Stichting Welzijn Gelijkvloers, 8 findings, first problem",
            ),
        ]);
    }

    #[test]
    fn a_ladder_with_problems_or_without_an_answer_leaves_the_ladder_as_it_was() {
        let broken = VLAK.replacen("level: junior", "level: stagiair", 1);
        check(vec![
            (
                Step::Do(Action::Open(file("kapot.yaml", &broken))),
                "ladder Stichting Welzijn Groeit, 8 findings, first info; reading kapot.yaml",
            ),
            (
                Step::Answer,
                "ladder Stichting Welzijn Groeit, 8 findings, first info; error kapot.yaml:21:12: unknown level 'stagiair'; expected one of junior, medior, senior, lead",
            ),
            (Step::Do(Action::DismissErrors), "ladder Stichting Welzijn Groeit, 8 findings, first info"),
            (
                Step::Do(Action::Open(file("vlak.yaml", VLAK))),
                "ladder Stichting Welzijn Groeit, 8 findings, first info; reading vlak.yaml",
            ),
            (
                Step::Fails("no worker"),
                "ladder Stichting Welzijn Groeit, 8 findings, first info; error vlak.yaml: the file could not be read: the app's worker did not start; reload the page",
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
                "ladder Stichting Welzijn Groeit, 8 findings, first info; reading twee.yaml",
            ),
            (
                Step::Answer,
                "ladder Stichting Welzijn Gelijkvloers, 8 findings, first problem; warning twee.yaml:16:13: warning: scale 8 is listed twice in pay_scales (first on line 15); the first counts",
            ),
            (
                Step::Do(Action::DismissWarnings),
                "ladder Stichting Welzijn Gelijkvloers, 8 findings, first problem",
            ),
        ]);
    }

    #[test]
    fn a_saved_ladder_is_scanned_in_the_worker_and_only_the_answer_for_the_ladder_shown_counts() {
        check_from(
            read("vlak.yaml", VLAK),
            vec![
                (
                    Step::Do(Action::Select(Some("teamleider".into()))),
                    "ladder Stichting Welzijn Gelijkvloers, no findings; scanning; selected teamleider",
                ),
                (
                    Step::Scan,
                    "ladder Stichting Welzijn Gelijkvloers, 8 findings, first problem; selected teamleider",
                ),
            ],
        );
        check_from(
            read("vlak.yaml", VLAK),
            vec![(
                Step::ScanFails("no worker"),
                "ladder Stichting Welzijn Gelijkvloers, no findings; not scanned: no worker",
            )],
        );
        // The example's findings are built in (also under another name, as
        // a save of it); another ladder's come with the file.
        check_from(
            read("eigen.yaml", GROEIT),
            vec![(
                Step::Do(Action::Open(file("vlak.yaml", VLAK))),
                "ladder Stichting Welzijn Groeit, 8 findings, first info; reading vlak.yaml",
            )],
        );
        check_from(
            read("vlak.yaml", VLAK),
            vec![
                (
                    Step::Do(Action::ResetExample),
                    "ladder Stichting Welzijn Groeit, 8 findings, first info",
                ),
                // The flat ladder's findings, too late.
                (
                    Step::ScanStale,
                    "ladder Stichting Welzijn Groeit, 8 findings, first info",
                ),
                (
                    Step::Do(Action::Open(file("vlak.yaml", VLAK))),
                    "ladder Stichting Welzijn Groeit, 8 findings, first info; reading vlak.yaml",
                ),
                (
                    Step::Answer,
                    "ladder Stichting Welzijn Gelijkvloers, 8 findings, first problem",
                ),
            ],
        );
    }

    #[test]
    fn a_finding_highlights_its_roles() {
        let example = Shared::new(LadderInUse::example());
        let room = State::new(&example);
        let i = room
            .findings
            .iter()
            .position(|f| !f.roles.is_empty())
            .expect("the example has a finding about roles");
        let roles = room.findings[i].roles.join(", ");
        check(vec![
            (
                Step::Do(Action::FocusFinding(Some(i))),
                &format!(
                    "ladder Stichting Welzijn Groeit, 8 findings, first info; finding {i}: {roles}"
                ),
            ),
            (
                Step::Do(Action::FocusFinding(None)),
                "ladder Stichting Welzijn Groeit, 8 findings, first info",
            ),
        ]);
    }
}
