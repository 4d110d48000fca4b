//! The app's state and its transitions. Every decision is a core function;
//! this file only wires them into yew's reducer.

use std::rc::Rc;

use doorgroei::error::Report;
use doorgroei::exchange::{LadderReply, MigrateReply, ProfileReply};
use doorgroei::format::{ladder_from_json, roster_from_json, roster_to_json};
use doorgroei::matching::{review, Assignment, MatchConfig};
use doorgroei::paths::{plan, Config, Plan, Profile};
use doorgroei::roster::{Pair, Person, Roster};
use doorgroei::scan::{scan, Finding};
use doorgroei::{Ladder, Lang};
use serde::{Deserialize, Serialize};
use yew::Reducible;

/// The built-in example: a ladder with room to grow.
pub const EXAMPLE_NAME: &str = "welzijn-groeit.yaml";
/// Its JSON form, read from `pathways/` at build time (`build.rs`).
pub const EXAMPLE_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/example-ladder.json"));

/// A file: its name and its text.
///
/// For the ladder on the page (and in saves from version 3 on) the text is
/// the ladder file's JSON form, as the worker read it; a file the user
/// opens, and an older save's ladder, are YAML.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Source {
    /// The file name.
    pub name: String,
    /// The file's text.
    pub text: String,
}

impl Source {
    fn example() -> Source {
        Source {
            name: EXAMPLE_NAME.into(),
            text: EXAMPLE_JSON.into(),
        }
    }
}

/// A file sent to the worker, and the number of that request.
#[derive(Clone, Debug, PartialEq)]
pub struct Pending {
    pub id: u32,
    pub file: Source,
}

/// Everything the page shows.
#[derive(Clone, Debug)]
pub struct State {
    pub lang: Lang,
    pub source: Source,
    pub ladder: Rc<Ladder>,
    pub findings: Rc<Vec<Finding>>,
    pub selected: Option<String>,
    pub focused_finding: Option<usize>,
    /// The problems of the last file that failed to load (the ladder shown stays as it was).
    pub errors: Option<Rc<Report>>,
    /// The warnings about the ladder file shown (allowed, but probably mistakes).
    pub warnings: Option<Rc<Report>>,
    /// A saved state could not be read and was replaced.
    pub storage_reset: bool,
    /// The text of that unreadable save, offered as a download so nothing is lost.
    pub unreadable_save: Option<Rc<String>>,
    /// Saving to this browser failed (e.g. its storage is full).
    pub storage_error: Option<String>,
    /// A download could not be written.
    pub export_error: Option<String>,
    /// "Delete all my data" was chosen: nothing is saved until the next change.
    pub erased: bool,
    /// There is something to keep: a save was found, or the user changed
    /// something. A first visit writes nothing until then.
    pub persist: bool,
    /// The open workspace.
    pub tab: Tab,
    /// The person's profile for "Mijn groeipad"; its role is always in the ladder.
    pub profile: Profile,
    /// Which of the routes to the goal is drawn.
    pub route: usize,
    /// The problems of the last profile file that failed to load.
    pub profile_errors: Option<Rc<Report>>,
    /// The profile's growth plan, recomputed whenever ladder or profile change.
    pub plan: Rc<Option<Plan>>,
    /// Mentor matching.
    pub mentoring: Mentoring,
    /// A ladder file being read in the worker.
    pub reading_ladder: Option<Rc<Pending>>,
    /// A profile file being read in the worker.
    pub reading_profile: Option<Rc<Pending>>,
    /// An older save whose ladder (YAML) the worker reads; until it answers
    /// the example is shown and nothing is saved.
    pub migrating: Option<Rc<Saved>>,
    /// Numbers the requests to the worker.
    pub requests: u32,
}

/// The workspaces.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Tab {
    /// The organisation's ladder and its scan.
    #[default]
    Ladder,
    /// A social worker's routes.
    Growth,
    /// Pairing juniors with senior mentors.
    Mentoring,
    /// The pairs' four-weekly case reviews.
    Calendar,
}

/// The example roster (`pathways/`, a CSV file as HR exports it).
pub const EXAMPLE_ROSTER_NAME: &str = "rooster-welzijn-groeit.csv";
/// Its JSON form, read at build time (`build.rs`).
pub const EXAMPLE_ROSTER_JSON: &str =
    include_str!(concat!(env!("OUT_DIR"), "/example-roster.json"));

/// The "Mentorkoppeling" workspace: a roster, its pairs and the last outcome.
#[derive(Clone, Debug, Default)]
pub struct Mentoring {
    /// The file the roster came from.
    pub name: Option<String>,
    /// The roster as it stands: imported people, people added here, and the current pairs.
    pub roster: Option<Rc<Roster>>,
    /// The problems of the last roster file that failed to load.
    pub errors: Option<Rc<Report>>,
    /// The warnings about the roster file shown (allowed, but probably mistakes).
    pub warnings: Option<Rc<Report>>,
    /// The pairs explained and who is without a mentor, kept up to date.
    pub outcome: Option<Rc<Assignment>>,
    /// Counts every change of the roster (for saving).
    pub revision: u32,
    /// Why the last matching in the worker failed.
    pub failed: Option<String>,
    /// A matching runs in the worker, started at this revision.
    pub busy: Option<u32>,
    /// A roster file being read in the worker.
    pub importing: Option<Rc<Importing>>,
    /// Counts imports, so only the answer to the last one is taken.
    pub imports: u32,
}

/// A roster file being read in the worker.
#[derive(Clone, Debug, PartialEq)]
pub struct Importing {
    pub name: String,
    /// Kept to read the file again should the ladder change meanwhile.
    pub bytes: Rc<Vec<u8>>,
    /// The ladder it is checked against.
    pub ladder: Source,
    pub id: u32,
}

impl Mentoring {
    /// Takes a matching's outcome: its pairs become the roster's pairs.
    fn take_outcome(&mut self, ladder: &Ladder, outcome: Assignment) {
        let Some(roster) = self.roster.clone() else {
            return;
        };
        let mut roster = (*roster).clone();
        roster.pairs = outcome
            .pairs
            .iter()
            .map(|p| Pair {
                mentee: p.mentee.clone(),
                mentor: p.mentor.clone(),
                locked: p.locked,
            })
            .collect();
        self.set(ladder, roster, Some(outcome));
    }

    /// The import in progress if `id` is its answer (a later import or a
    /// reset makes older answers stale).
    /// Has the worker read a roster file in its JSON form that the page
    /// could not take (its roles gone from the ladder, a damaged save): the
    /// worker answers with its problems, located and in both languages.
    /// (The page renders no load problems itself: that keeps every error
    /// message of the core out of its WebAssembly.)
    fn reread(&mut self, name: String, json: String, ladder: &Source) {
        self.imports += 1;
        self.errors = None;
        self.importing = Some(Rc::new(Importing {
            name,
            bytes: Rc::new(json.into_bytes()),
            ladder: ladder.clone(),
            id: self.imports,
        }));
    }

    fn take_import(&mut self, id: u32) -> Option<Rc<Importing>> {
        if self.importing.as_ref().is_some_and(|i| i.id == id) {
            self.importing.take()
        } else {
            None
        }
    }

    /// Takes `roster` as the current one and explains it.
    fn set(&mut self, ladder: &Ladder, roster: Roster, outcome: Option<Assignment>) {
        let outcome = outcome.unwrap_or_else(|| review(ladder, &roster, &MatchConfig::default()));
        self.roster = Some(Rc::new(roster));
        self.outcome = Some(Rc::new(outcome));
        self.revision += 1;
    }
}

impl PartialEq for State {
    fn eq(&self, other: &Self) -> bool {
        self.lang == other.lang
            && self.source == other.source
            && self.selected == other.selected
            && self.focused_finding == other.focused_finding
            && self.errors == other.errors
            && self.warnings == other.warnings
            && self.storage_reset == other.storage_reset
            && self.storage_error == other.storage_error
            && self.export_error == other.export_error
            && self.erased == other.erased
            && self.persist == other.persist
            && self.tab == other.tab
            && self.profile == other.profile
            && self.route == other.route
            && self.profile_errors == other.profile_errors
            && self.mentoring.revision == other.mentoring.revision
            && self.mentoring.errors == other.mentoring.errors
            && self.mentoring.warnings == other.mentoring.warnings
            && self.mentoring.failed == other.mentoring.failed
            && self.mentoring.busy == other.mentoring.busy
            && self.mentoring.imports == other.mentoring.imports
            && self.mentoring.importing == other.mentoring.importing
            && self.reading_ladder == other.reading_ladder
            && self.reading_profile == other.reading_profile
            && self.migrating.is_some() == other.migrating.is_some()
    }
}

/// What the user can do.
pub enum Action {
    SetLang(Lang),
    /// Read this ladder file (YAML) in the worker.
    Load(Source),
    /// The worker's answer to ladder request `id` (`Err`: no answer, and why).
    LadderRead(u32, Result<LadderReply, String>),
    ResetExample,
    Select(Option<String>),
    FocusFinding(Option<usize>),
    DismissErrors,
    SetTab(Tab),
    SetProfile(Profile),
    /// Read this profile file (YAML) in the worker.
    LoadProfile(Source),
    /// The worker's answer to profile request `id`.
    ProfileRead(u32, Result<Box<ProfileReply>, String>),
    ChooseRoute(usize),
    /// Take the built-in example roster.
    UseExampleRoster,
    /// Read this roster file (name, bytes; CSV or YAML) in the worker.
    ImportStarted(String, Rc<Vec<u8>>),
    /// The worker's answer to import number `id`: the roster, its review
    /// and its warnings …
    Imported(u32, Box<Roster>, Box<Assignment>, Option<Report>),
    /// … or the file's problems …
    ImportProblems(u32, Report),
    /// … or no answer, and why.
    ImportFailed(u32, String),
    /// The worker started matching the roster as it is now.
    MatchingStarted,
    /// The worker's outcome for the roster at `revision`.
    MatchingDone(u32, Box<Assignment>),
    /// The worker could not match (the message says why).
    MatchingFailed(String),
    /// Lock or unlock a mentee's pair.
    ToggleLock(String),
    /// Give a mentee this mentor by hand (the pair is locked).
    SetMentor(String, String),
    /// Add a person to the roster.
    AddPerson(Box<Person>),
    DismissRosterErrors,
    /// Hide the warnings about the ladder file.
    DismissWarnings,
    /// Hide the warnings about the roster file.
    DismissRosterWarnings,
    /// Remove everything this app stored in the browser and start afresh.
    DeleteAll,
    /// Saving to localStorage failed with this message.
    StorageFailed(String),
    /// A YAML download could not be written (the message says why).
    ExportFailed(String),
    /// The worker's answer to an older save's files.
    Migrated(Result<Box<MigrateReply>, String>),
}

/// What is kept in localStorage between visits.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Saved {
    pub version: u32,
    pub lang: Lang,
    /// The ladder: its JSON form from version 3 on, the YAML file before.
    pub ladder: Source,
    /// Added within version 1; older saves have none.
    #[serde(default)]
    pub profile: Option<Profile>,
    #[serde(default)]
    pub tab: Tab,
    /// Version 1 only: the roster with its pairs, as a YAML roster file,
    /// inside this record. Later versions keep the roster file (in its JSON form) under
    /// [`ROSTER_KEY`] (written only when the roster changes, not with every
    /// tab or language switch) and its file name in `roster_name`; reading
    /// such a save puts it back here.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roster: Option<Source>,
    /// From version 2: the name of the roster file kept under [`ROSTER_KEY`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roster_name: Option<String>,
}

/// The saved-state format this build writes. Version 3 keeps the ladder in
/// its JSON form, which the page reads itself; versions 1 and 2 kept the
/// ladder's YAML file, which the worker reads once to migrate them.
pub const SAVE_VERSION: u32 = 3;

/// The localStorage key of the saved state.
pub const STORAGE_KEY: &str = "doorgroei";
/// The localStorage key of the roster (a roster file in its JSON form), since version 2.
pub const ROSTER_KEY: &str = "doorgroei.rooster";

impl Saved {
    /// A save with its roster in it: version 1's inline roster (it moves to
    /// its own key with the next save), later versions' joined from
    /// `roster_text`. `None` for versions this build does not know.
    pub fn join(mut self, roster_text: Option<String>) -> Option<Saved> {
        match self.version {
            1 => {
                self.roster_name = None;
                Some(self)
            }
            2 | SAVE_VERSION => {
                self.roster = match (self.roster_name.take(), roster_text) {
                    (Some(name), Some(text)) => Some(Source { name, text }),
                    _ => None,
                };
                Some(self)
            }
            _ => None,
        }
    }
}

impl State {
    /// A state from a saved one, or the example when there is none or it
    /// cannot be used (`Err` holds the unreadable save's text). An older
    /// save (its ladder in YAML) is kept in `migrating` for the worker to
    /// read; the example shows until it answers.
    pub fn restore(saved: Option<Result<Saved, String>>) -> State {
        let example = || {
            let ladder = ladder_from_json(EXAMPLE_JSON)
                // (Not `expect`: that would keep every error's `Debug` in the build.)
                .unwrap_or_else(|| {
                    unreachable!("the built-in example is valid (build.rs read it)")
                });
            (Source::example(), ladder)
        };
        let persist = saved.is_some();
        let mut unreadable_save = match &saved {
            Some(Err(raw)) => Some(Rc::new(raw.clone())),
            _ => None,
        };
        let mut migrating = None;
        let (lang, (source, ladder), storage_reset, profile, tab, roster) = match saved {
            None => (Lang::Nl, example(), false, None, Tab::default(), None),
            Some(Ok(saved)) if saved.version == SAVE_VERSION => {
                match ladder_from_json(&saved.ladder.text) {
                    Some(ladder) => (
                        saved.lang,
                        (saved.ladder, ladder),
                        false,
                        saved.profile,
                        saved.tab,
                        saved.roster,
                    ),
                    None => {
                        unreadable_save = serde_json::to_string(&saved).ok().map(Rc::new);
                        (saved.lang, example(), true, None, saved.tab, None)
                    }
                }
            }
            Some(Ok(saved)) => {
                let shown = (saved.lang, example(), false, None, saved.tab, None);
                migrating = Some(Rc::new(saved));
                shown
            }
            Some(Err(_)) => (Lang::Nl, example(), true, None, Tab::default(), None),
        };
        let mut mentoring = Mentoring::default();
        if let Some(saved) = roster {
            match roster_from_json(&saved.text, &ladder) {
                Some(roster) => {
                    mentoring.name = Some(saved.name);
                    mentoring.set(&ladder, roster, None);
                }
                None => mentoring.reread(saved.name, saved.text, &source),
            }
        }
        let profile = fit_profile(&ladder, profile);
        let findings = scan(&ladder);
        State {
            lang,
            source,
            ladder: Rc::new(ladder),
            findings: Rc::new(findings),
            selected: None,
            focused_finding: None,
            errors: None,
            warnings: None,
            storage_reset,
            unreadable_save,
            storage_error: None,
            export_error: None,
            erased: false,
            persist: persist && migrating.is_none(),
            tab,
            profile,
            route: 0,
            profile_errors: None,
            plan: Rc::new(None),
            mentoring,
            reading_ladder: None,
            reading_profile: None,
            migrating,
            requests: 0,
        }
        .with_plan()
    }

    /// The state with its plan computed for today's date (the browser's).
    fn with_plan(mut self) -> State {
        self.plan = Rc::new(plan(
            &self.ladder,
            &self.profile,
            Config::default(),
            today(),
        ));
        self
    }

    /// What to save.
    pub fn saved(&self) -> Saved {
        Saved {
            version: SAVE_VERSION,
            lang: self.lang,
            ladder: self.source.clone(),
            profile: Some(self.profile.clone()),
            tab: self.tab,
            roster: None,
            roster_name: self.mentoring.roster.as_ref().map(|_| self.roster_name()),
        }
    }

    /// The roster's file name.
    fn roster_name(&self) -> String {
        self.mentoring
            .name
            .clone()
            .unwrap_or_else(|| "rooster.yaml".into())
    }

    /// The roster to save under [`ROSTER_KEY`] (pairs and people added here
    /// included): a roster file in its JSON form, which the page reads back
    /// without a YAML reader and which takes a tenth of the time of YAML to write.
    pub fn saved_roster(&self) -> Option<String> {
        self.mentoring.roster.as_deref().map(roster_to_json)
    }

    /// Takes a roster file in its JSON form (read by the worker, or the
    /// example), or shows its problems against the ladder.
    fn take_roster_json(&mut self, name: String, json: &str) {
        match roster_from_json(json, &self.ladder) {
            Some(roster) => {
                self.mentoring.name = Some(name);
                self.mentoring.errors = None;
                self.mentoring.set(&self.ladder, roster, None);
            }
            None => {
                let source = self.source.clone();
                self.mentoring.reread(name, json.to_string(), &source);
            }
        }
    }

    /// After the ladder changed: the roster again against it (its roles may
    /// be gone, which is then shown as the roster's problems).
    fn refit_roster(&mut self) {
        if let Some(roster) = self.mentoring.roster.clone() {
            let text = roster_to_json(&roster);
            match roster_from_json(&text, &self.ladder) {
                Some(roster) => self.mentoring.set(&self.ladder, roster, None),
                None => {
                    self.mentoring.roster = None;
                    self.mentoring.outcome = None;
                    self.mentoring.revision += 1;
                    let (name, source) = (self.roster_name(), self.source.clone());
                    self.mentoring.reread(name, text, &source);
                }
            }
        }
    }

    /// Takes a ladder in its JSON form (the worker read `name`).
    fn take_ladder(&mut self, name: String, json: String) {
        let Some(ladder) = ladder_from_json(&json) else {
            self.errors = Some(Rc::new(crate::worker::no_answer(
                &name,
                "the worker's answer is not a ladder",
            )));
            return;
        };
        self.findings = Rc::new(scan(&ladder));
        self.ladder = Rc::new(ladder);
        self.source = Source { name, text: json };
        self.selected = None;
        self.focused_finding = None;
        self.errors = None;
        self.warnings = None;
        self.profile = fit_profile(&self.ladder, Some(self.profile.clone()));
        self.route = 0;
        self.refit_roster();
    }

    /// The state of an older save once the worker answered for its files:
    /// the save in today's form, or (its ladder unreadable) the example with
    /// the old save offered as a download.
    fn migrated(self, mut saved: Saved, reply: Result<Box<MigrateReply>, String>) -> State {
        let (ladder, roster) = match reply.map(|r| *r) {
            Ok(MigrateReply {
                ladder: LadderReply::Read { ladder, .. },
                roster,
            }) => (ladder, roster),
            // The old ladder no longer reads, or the worker did not answer.
            _ => {
                let mut next = self;
                next.storage_reset = true;
                next.unreadable_save = serde_json::to_string(&saved).ok().map(Rc::new);
                return next;
            }
        };
        saved.version = SAVE_VERSION;
        saved.ladder.text = ladder;
        let mut roster_errors = None;
        saved.roster = match (saved.roster.take(), roster) {
            (Some(file), Some(Ok(json))) => Some(Source {
                name: file.name,
                text: json,
            }),
            (_, Some(Err(report))) => {
                roster_errors = Some(Rc::new(report));
                None
            }
            _ => None,
        };
        let mut next = State::restore(Some(Ok(saved)));
        next.requests = self.requests;
        next.mentoring.imports = self.mentoring.imports;
        if roster_errors.is_some() {
            next.mentoring.errors = roster_errors;
        }
        next
    }

    /// The next request number.
    fn request(&mut self) -> u32 {
        self.requests += 1;
        self.requests
    }

    /// True while the built-in example is shown.
    pub fn is_example(&self) -> bool {
        self.source.name == EXAMPLE_NAME && self.source.text == EXAMPLE_JSON
    }

    /// Roles highlighted by the focused finding.
    pub fn highlighted(&self) -> Vec<String> {
        self.focused_finding
            .and_then(|i| self.findings.get(i))
            .map(|f| f.roles.clone())
            .unwrap_or_default()
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        // Any change after "delete all" is saved again.
        next.erased = false;
        next.persist = true;
        match action {
            Action::SetLang(lang) => next.lang = lang,
            Action::Load(file) => {
                let id = next.request();
                next.reading_ladder = Some(Rc::new(Pending { id, file }));
            }
            Action::LadderRead(id, reply) => {
                if let Some(pending) = next.reading_ladder.take_if(|p| p.id == id) {
                    let name = pending.file.name.clone();
                    match reply {
                        Ok(LadderReply::Read { ladder, warnings }) => {
                            next.take_ladder(name, ladder);
                            if next.errors.is_none() {
                                next.warnings = warnings.map(Rc::new);
                            }
                        }
                        Ok(LadderReply::Problems(report)) => next.errors = Some(Rc::new(report)),
                        Err(reason) => {
                            next.errors = Some(Rc::new(crate::worker::no_answer(&name, &reason)))
                        }
                    }
                }
            }
            Action::ResetExample => {
                let mut fresh = State::restore(None);
                fresh.lang = next.lang;
                fresh.tab = next.tab;
                fresh.requests = next.requests;
                fresh.profile = fit_profile(&fresh.ladder, Some(next.profile.clone()));
                fresh.mentoring = next.mentoring.clone();
                fresh.refit_roster();
                next = fresh;
            }
            Action::Select(id) => next.selected = id,
            Action::FocusFinding(i) => next.focused_finding = i,
            Action::DismissErrors => {
                next.errors = None;
                next.storage_reset = false;
                next.unreadable_save = None;
                next.storage_error = None;
                next.export_error = None;
                next.profile_errors = None;
            }
            Action::SetTab(tab) => next.tab = tab,
            Action::SetProfile(mut profile) => {
                if profile.goals != next.profile.goals
                    || profile.current_role != next.profile.current_role
                {
                    next.route = 0;
                }
                // Whoever holds a role has at least the education it asks for.
                if let Some(role) = next.ladder.role(&profile.current_role) {
                    profile.education = profile.education.max(role.education);
                }
                next.profile = fit_profile(&next.ladder, Some(profile));
            }
            Action::LoadProfile(file) => {
                let id = next.request();
                next.reading_profile = Some(Rc::new(Pending { id, file }));
            }
            Action::ProfileRead(id, reply) => {
                if let Some(pending) = next.reading_profile.take_if(|p| p.id == id) {
                    let name = &pending.file.name;
                    match reply.map(|r| *r) {
                        // Checked against the ladder of its request: still this one?
                        Ok(ProfileReply::Read(profile))
                            if next.ladder.role(&profile.current_role).is_some() =>
                        {
                            next.profile = fit_profile(&next.ladder, Some(profile));
                            next.profile_errors = None;
                            next.route = 0;
                        }
                        Ok(ProfileReply::Read(_)) => {
                            next.profile_errors = Some(Rc::new(crate::worker::no_answer(
                                name,
                                "the ladder changed while it was read; open it again",
                            )))
                        }
                        Ok(ProfileReply::Problems(report)) => {
                            next.profile_errors = Some(Rc::new(report))
                        }
                        Ok(ProfileReply::Failed(reason)) | Err(reason) => {
                            next.profile_errors =
                                Some(Rc::new(crate::worker::no_answer(name, &reason)))
                        }
                    }
                }
            }
            Action::ChooseRoute(i) => next.route = i,
            Action::ImportStarted(name, bytes) => {
                next.mentoring.imports += 1;
                next.mentoring.errors = None;
                next.mentoring.importing = Some(Rc::new(Importing {
                    name,
                    bytes,
                    ladder: next.source.clone(),
                    id: next.mentoring.imports,
                }));
            }
            Action::Imported(id, roster, outcome, warnings) => {
                if let Some(import) = next.mentoring.take_import(id) {
                    next.mentoring.name = Some(import.name.clone());
                    next.mentoring.warnings = warnings.map(Rc::new);
                    next.mentoring.set(&next.ladder, *roster, Some(*outcome));
                    // The ladder changed meanwhile: check the roster against it.
                    if import.ladder != next.source {
                        next.refit_roster();
                    }
                }
            }
            Action::ImportProblems(id, errors) => {
                if let Some(import) = next.mentoring.take_import(id) {
                    if import.ladder == next.source {
                        next.mentoring.errors = Some(Rc::new(errors));
                    } else {
                        // The ladder changed meanwhile: read it again against this one.
                        next.mentoring.imports += 1;
                        next.mentoring.importing = Some(Rc::new(Importing {
                            name: import.name.clone(),
                            bytes: import.bytes.clone(),
                            ladder: next.source.clone(),
                            id: next.mentoring.imports,
                        }));
                    }
                }
            }
            Action::ImportFailed(id, message) => {
                if let Some(import) = next.mentoring.take_import(id) {
                    next.mentoring.errors =
                        Some(Rc::new(crate::worker::no_answer(&import.name, &message)));
                }
            }
            Action::UseExampleRoster => {
                next.take_roster_json(EXAMPLE_ROSTER_NAME.into(), EXAMPLE_ROSTER_JSON)
            }
            Action::MatchingStarted => {
                next.mentoring.busy = Some(next.mentoring.revision);
                next.mentoring.failed = None;
            }
            Action::MatchingDone(revision, outcome) => {
                // A roster changed meanwhile keeps its changes; the outcome is dropped.
                if next.mentoring.busy == Some(revision) && next.mentoring.revision == revision {
                    next.mentoring.take_outcome(&next.ladder, *outcome);
                }
                next.mentoring.busy = None;
            }
            Action::MatchingFailed(message) => {
                next.mentoring.busy = None;
                next.mentoring.failed = Some(message);
            }
            Action::ToggleLock(mentee) => {
                if let Some(roster) = next.mentoring.roster.clone() {
                    let mut roster = (*roster).clone();
                    for pair in roster.pairs.iter_mut().filter(|p| p.mentee == mentee) {
                        pair.locked = !pair.locked;
                    }
                    // The explanation stays as it was; only the flag changes.
                    let outcome = next.mentoring.outcome.as_deref().cloned().map(|mut o| {
                        for p in o.pairs.iter_mut().filter(|p| p.mentee == mentee) {
                            p.locked = !p.locked;
                        }
                        o
                    });
                    next.mentoring.set(&next.ladder, roster, outcome);
                }
            }
            Action::SetMentor(mentee, mentor) => {
                if let Some(roster) = next.mentoring.roster.clone() {
                    let mut roster = (*roster).clone();
                    roster.pairs.retain(|p| p.mentee != mentee);
                    roster.pairs.push(Pair {
                        mentee,
                        mentor,
                        locked: true,
                    });
                    next.mentoring.set(&next.ladder, roster, None);
                }
            }
            Action::AddPerson(person) => {
                let mut roster = next
                    .mentoring
                    .roster
                    .as_deref()
                    .cloned()
                    .unwrap_or_default();
                if roster.people.iter().all(|p| p.id != person.id) {
                    roster.people.push(*person);
                    next.mentoring.set(&next.ladder, roster, None);
                }
            }
            Action::DismissRosterErrors => next.mentoring.errors = None,
            Action::DismissWarnings => next.warnings = None,
            Action::DismissRosterWarnings => next.mentoring.warnings = None,
            Action::DeleteAll => {
                let mut fresh = State::restore(None);
                fresh.lang = next.lang;
                fresh.erased = true;
                fresh.persist = false;
                // An import or read still under way is dropped, and stays dropped.
                fresh.mentoring.imports = next.mentoring.imports;
                fresh.requests = next.requests;
                next = fresh;
            }
            Action::StorageFailed(message) => next.storage_error = Some(message),
            Action::ExportFailed(message) => next.export_error = Some(message),
            Action::Migrated(reply) => {
                if let Some(saved) = next.migrating.take() {
                    next = next.migrated((*saved).clone(), reply);
                }
            }
        }
        let replan = next.profile != self.profile || !Rc::ptr_eq(&next.ladder, &self.ladder);
        Rc::new(if replan { next.with_plan() } else { next })
    }
}

/// A profile that fits `ladder`: its role and goals exist there, and its
/// numbers are within the profile file's limits. Without a usable profile: a
/// starter in the ladder's first entry role.
pub fn fit_profile(ladder: &Ladder, profile: Option<Profile>) -> Profile {
    match profile {
        Some(mut p)
            if ladder.role(&p.current_role).is_some()
                && doorgroei::format::check_profile("", &p).is_ok() =>
        {
            p.goals.retain(|g| ladder.role(g).is_some());
            p
        }
        _ => {
            let first = ladder
                .entry_roles()
                .first()
                .or(ladder.roles().next().map(|(n, _)| n).as_ref())
                .map(|&n| ladder.role_at(n))
                .map(|r| (r.id.clone(), r.education));
            let mut p = Profile::in_role(first.as_ref().map_or("", |(id, _)| id.as_str()));
            if let Some((_, education)) = first {
                p.education = education;
            }
            p
        }
    }
}

/// Today's date from the browser's clock (the core never reads a clock).
#[cfg(target_arch = "wasm32")]
pub fn today() -> jiff::civil::Date {
    let now = js_sys::Date::new_0();
    let (y, m, d) = (now.get_full_year(), now.get_month() + 1, now.get_date());
    jiff::civil::Date::new(y as i16, m as i8, d as i8).unwrap_or(jiff::civil::date(2026, 1, 1))
}

/// Natively (clippy, tests) there is no browser: the system clock, in UTC.
#[cfg(not(target_arch = "wasm32"))]
pub fn today() -> jiff::civil::Date {
    jiff::Timestamp::now()
        .to_zoned(jiff::tz::TimeZone::UTC)
        .date()
}

#[cfg(test)]
mod tests {
    //! The reducer's conversations with the worker, without a browser: the
    //! worker's answers are made by the same core functions it runs.

    use super::*;
    use doorgroei::exchange::{self, ImportReply};

    const VLAK: &str = include_str!("../../pathways/welzijn-vlak.yaml");
    const GROEIT: &str = include_str!("../../pathways/welzijn-groeit.yaml");
    const ROSTER_CSV: &[u8] = include_bytes!("../../pathways/rooster-welzijn-groeit.csv");

    fn act(state: Rc<State>, action: Action) -> Rc<State> {
        state.reduce(action)
    }

    fn file(name: &str, text: &str) -> Source {
        Source {
            name: name.into(),
            text: text.into(),
        }
    }

    #[test]
    fn a_ladder_file_is_taken_from_the_answer_to_its_own_request() {
        let start = Rc::new(State::restore(None));
        assert!(start.is_example());
        let asked = act(start.clone(), Action::Load(file("vlak.yaml", VLAK)));
        let id = asked.reading_ladder.as_ref().unwrap().id;
        assert_eq!(asked.ladder.organisation(), start.ladder.organisation());

        let reply = exchange::read_ladder("vlak.yaml", VLAK);
        // An answer to another request changes nothing.
        let stale = act(asked.clone(), Action::LadderRead(id + 1, Ok(reply.clone())));
        assert_eq!(stale.ladder.organisation(), start.ladder.organisation());
        assert!(stale.reading_ladder.is_some());

        let read = act(asked, Action::LadderRead(id, Ok(reply)));
        assert_eq!(read.ladder.organisation(), "Stichting Welzijn Gelijkvloers");
        assert_eq!(read.source.name, "vlak.yaml");
        assert!(read.source.text.starts_with('{'));
        assert!(read.reading_ladder.is_none() && read.errors.is_none() && !read.is_example());
        // The profile follows the new ladder.
        assert!(read.ladder.role(&read.profile.current_role).is_some());
    }

    #[test]
    fn a_ladder_with_problems_or_without_an_answer_leaves_the_ladder_as_it_was() {
        let start = Rc::new(State::restore(None));
        let broken = VLAK.replacen("level: junior", "level: stagiair", 1);
        let asked = act(start.clone(), Action::Load(file("kapot.yaml", &broken)));
        let id = asked.reading_ladder.as_ref().unwrap().id;
        let read = act(
            asked,
            Action::LadderRead(id, Ok(exchange::read_ladder("kapot.yaml", &broken))),
        );
        assert!(read.is_example());
        let report = read.errors.as_ref().unwrap();
        assert!(report.lines[0].en.starts_with("kapot.yaml:"), "{report:?}");

        let asked = act(start, Action::Load(file("vlak.yaml", VLAK)));
        let id = asked.reading_ladder.as_ref().unwrap().id;
        let failed = act(asked, Action::LadderRead(id, Err("no worker".into())));
        assert!(failed.is_example() && failed.reading_ladder.is_none());
        let report = failed.errors.as_ref().unwrap();
        assert!(report.lines[0].en.contains("could not be read (no worker)"));
    }

    #[test]
    fn a_roster_import_overtaken_by_a_ladder_change_is_read_again() {
        let start = Rc::new(State::restore(None));
        let importing = act(
            start,
            Action::ImportStarted("r.csv".into(), Rc::new(ROSTER_CSV.to_vec())),
        );
        let first = importing.mentoring.importing.clone().unwrap();
        // Meanwhile another ladder is opened …
        let asked = act(importing, Action::Load(file("vlak.yaml", VLAK)));
        let id = asked.reading_ladder.as_ref().unwrap().id;
        let vlak = act(
            asked,
            Action::LadderRead(id, Ok(exchange::read_ladder("vlak.yaml", VLAK))),
        );
        // … and the import's problems are against the old one: it is asked again.
        let problems = match exchange::import_roster(&vlak.source.text, "r.csv", ROSTER_CSV) {
            ImportReply::Problems(report) => report,
            other => panic!("the example roster does not fit the flat ladder: {other:?}"),
        };
        let again = act(
            vlak.clone(),
            Action::ImportProblems(first.id, problems.clone()),
        );
        let second = again.mentoring.importing.clone().unwrap();
        assert_ne!(second.id, first.id);
        assert_eq!(second.ladder, vlak.source);
        assert!(again.mentoring.errors.is_none());
        // Its answer against this ladder is shown.
        let shown = act(again, Action::ImportProblems(second.id, problems));
        assert!(shown.mentoring.importing.is_none());
        assert!(shown.mentoring.errors.is_some());
    }

    #[test]
    fn a_roster_the_new_ladder_cannot_hold_is_read_by_the_worker_for_its_problems() {
        // The example roster, then the flat ladder (whose roles differ).
        let state = act(Rc::new(State::restore(None)), Action::UseExampleRoster);
        let asked = act(state, Action::Load(file("vlak.yaml", VLAK)));
        let id = asked.reading_ladder.as_ref().unwrap().id;
        let read = act(
            asked,
            Action::LadderRead(id, Ok(exchange::read_ladder("vlak.yaml", VLAK))),
        );
        // The page does not word the problems: the worker reads the roster.
        assert!(read.mentoring.roster.is_none() && read.mentoring.errors.is_none());
        let import = read.mentoring.importing.clone().unwrap();
        assert_eq!(import.ladder, read.source);
        let reply = exchange::import_roster(&read.source.text, &import.name, &import.bytes);
        let exchange::ImportReply::Problems(report) = reply else {
            panic!("{reply:?}")
        };
        let shown = act(read, Action::ImportProblems(import.id, report));
        let report = shown.mentoring.errors.as_ref().unwrap();
        assert!(
            report.lines[0].nl.contains("onbekende functie"),
            "{report:?}"
        );
        assert!(report.lines[0].en.contains("unknown role"), "{report:?}");
    }

    #[test]
    fn the_example_roster_is_read_on_the_page() {
        let state = act(Rc::new(State::restore(None)), Action::UseExampleRoster);
        let roster = state.mentoring.roster.as_ref().unwrap();
        assert!(roster.people.len() > 10);
        assert_eq!(state.mentoring.name.as_deref(), Some(EXAMPLE_ROSTER_NAME));
        assert!(state.mentoring.importing.is_none());
    }

    fn version_2() -> Saved {
        let ladder = GROEIT.replace(
            "organisation: Stichting Welzijn Groeit",
            "organisation: Welzijn Oud",
        );
        let mut profile = Profile::in_role("sw-hbo-vak");
        profile.goals = vec!["praktijkopleider".into()];
        Saved {
            version: 2,
            lang: Lang::En,
            ladder: file("oud.yaml", &ladder),
            profile: Some(profile),
            tab: Tab::Growth,
            roster: None,
            roster_name: None,
        }
    }

    #[test]
    fn an_older_save_waits_for_the_worker_then_is_restored_and_saved_anew() {
        let saved = version_2();
        let waiting = Rc::new(State::restore(Some(Ok(saved.clone()))));
        assert!(waiting.migrating.is_some());
        assert!(!waiting.persist, "nothing is written over the old save yet");
        assert!(waiting.is_example());
        assert_eq!((waiting.lang, waiting.tab), (Lang::En, Tab::Growth));

        let reply = exchange::migrate((&saved.ladder.name, &saved.ladder.text), None);
        let done = act(waiting, Action::Migrated(Ok(Box::new(reply))));
        assert!(done.migrating.is_none() && done.persist && !done.storage_reset);
        assert_eq!(done.ladder.organisation(), "Welzijn Oud");
        assert_eq!(done.profile.goals, vec!["praktijkopleider".to_string()]);
        let again = done.saved();
        assert_eq!(again.version, SAVE_VERSION);
        // Version 3 reads back on the page alone.
        let json = serde_json::to_string(&again).unwrap();
        let back: Saved = serde_json::from_str(&json).unwrap();
        let restored = State::restore(Some(Ok(back.join(None).unwrap())));
        assert!(restored.migrating.is_none());
        assert_eq!(restored.ladder.organisation(), "Welzijn Oud");
    }

    #[test]
    fn an_older_save_whose_ladder_no_longer_reads_is_offered_as_a_download() {
        let mut saved = version_2();
        saved.ladder.text = saved
            .ladder
            .text
            .replacen("level: junior", "level: stagiair", 1);
        let waiting = Rc::new(State::restore(Some(Ok(saved.clone()))));
        let reply = exchange::migrate((&saved.ladder.name, &saved.ladder.text), None);
        let done = act(waiting.clone(), Action::Migrated(Ok(Box::new(reply))));
        assert!(done.storage_reset && done.is_example() && done.migrating.is_none());
        let kept: Saved = serde_json::from_str(done.unreadable_save.as_deref().unwrap()).unwrap();
        assert_eq!(
            (kept.version, kept.ladder.text),
            (2, saved.ladder.text.clone())
        );
        // No answer at all: the same.
        let failed = act(waiting, Action::Migrated(Err("no worker".into())));
        assert!(failed.storage_reset && failed.unreadable_save.is_some());
    }

    #[test]
    fn a_version_3_save_with_a_damaged_ladder_starts_clean_and_keeps_it() {
        let mut saved = version_2();
        saved.version = SAVE_VERSION;
        saved.ladder.text = "{\"schema\":\"doorgroei/ladder@1\",".into();
        let state = State::restore(Some(Ok(saved)));
        assert!(state.storage_reset && state.is_example() && state.migrating.is_none());
        assert!(state
            .unreadable_save
            .as_deref()
            .unwrap()
            .contains("ladder@1"));
    }

    #[test]
    fn a_profile_read_for_a_ladder_that_changed_meanwhile_is_refused_with_a_reason() {
        let start = Rc::new(State::restore(None));
        let profile_text = include_str!("../../pathways/profiel-sanne.yaml");
        let asked = act(
            start.clone(),
            Action::LoadProfile(file("sanne.yaml", profile_text)),
        );
        let id = asked.reading_profile.as_ref().unwrap().id;
        let reply = exchange::read_profile("sanne.yaml", profile_text, &start.source.text);
        let read = act(
            asked.clone(),
            Action::ProfileRead(id, Ok(Box::new(reply.clone()))),
        );
        assert_eq!(read.profile.current_role, "sw-hbo-vak");
        assert!(read.profile_errors.is_none());

        // The flat ladder has no `sw-hbo-vak`: the answer no longer fits.
        let asked_vlak = act(asked, Action::Load(file("vlak.yaml", VLAK)));
        let ladder_id = asked_vlak.reading_ladder.as_ref().unwrap().id;
        let vlak = act(
            asked_vlak,
            Action::LadderRead(ladder_id, Ok(exchange::read_ladder("vlak.yaml", VLAK))),
        );
        assert!(vlak.ladder.role("sw-hbo-vak").is_none());
        let refused = act(vlak, Action::ProfileRead(id, Ok(Box::new(reply))));
        assert_ne!(refused.profile.current_role, "sw-hbo-vak");
        assert!(refused.profile_errors.as_ref().unwrap().lines[0]
            .en
            .contains("the ladder changed while it was read"));
    }

    #[test]
    fn a_saved_profile_with_numbers_past_the_limits_is_not_used() {
        // (years in the role, years in the profession, hours a week, kept)
        let cases = [
            (2.0, 4.0, 28.0, true),
            (60.0, 60.0, 80.0, true),
            (1e300, 4.0, 28.0, false),
            (-1.0, 4.0, 28.0, false),
            (2.0, 61.0, 28.0, false),
            (2.0, 4.0, 0.5, false),
            (2.0, 4.0, 1e9, false),
        ];
        for (years, profession, hours, kept) in cases {
            let mut saved = State::restore(None).saved();
            let mut profile = Profile::in_role("sw-hbo-vak");
            profile.years_in_role = years;
            profile.years_in_profession = profession;
            profile.hours_per_week = hours;
            saved.profile = Some(profile);
            let restored = State::restore(Some(Ok(saved)));
            assert_eq!(
                restored.profile.current_role == "sw-hbo-vak",
                kept,
                "{years}, {profession}, {hours}"
            );
            assert!(doorgroei::format::check_profile("", &restored.profile).is_ok());
        }
    }
}
