//! The app's state and its transitions. Every decision is a core function;
//! this file only wires them into yew's reducer.

use std::rc::Rc;

use doorgroei::error::Report;
use doorgroei::format::{load_ladder, load_profile, load_roster, load_roster_yaml, roster_to_json};
use doorgroei::matching::{assign, review, Assignment, MatchConfig};
use doorgroei::paths::{plan, Config, Plan, Profile};
use doorgroei::roster::{Pair, Person, Roster};
use doorgroei::scan::{scan, Finding};
use doorgroei::{Ladder, Lang};
use serde::{Deserialize, Serialize};
use yew::Reducible;

/// The built-in example: a ladder with room to grow.
pub const EXAMPLE_NAME: &str = "welzijn-groeit.yaml";
/// Its text, compiled into the app.
pub const EXAMPLE_TEXT: &str = include_str!("../../pathways/welzijn-groeit.yaml");

/// A ladder file as the user gave it.
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
            text: EXAMPLE_TEXT.into(),
        }
    }
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
    /// A saved state could not be read and was replaced.
    pub storage_reset: bool,
    /// The text of that unreadable save, offered as a download so nothing is lost.
    pub unreadable_save: Option<Rc<String>>,
    /// Saving to this browser failed (e.g. its storage is full).
    pub storage_error: Option<String>,
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

/// The example roster, compiled into the app (CSV, as HR exports it).
pub const EXAMPLE_ROSTER_NAME: &str = "rooster-welzijn-groeit.csv";
/// Its bytes.
pub const EXAMPLE_ROSTER: &[u8] = include_bytes!("../../pathways/rooster-welzijn-groeit.csv");

/// The "Mentorkoppeling" workspace: a roster, its pairs and the last outcome.
#[derive(Clone, Debug, Default)]
pub struct Mentoring {
    /// The file the roster came from.
    pub name: Option<String>,
    /// The roster as it stands: imported people, people added here, and the current pairs.
    pub roster: Option<Rc<Roster>>,
    /// The problems of the last roster file that failed to load.
    pub errors: Option<Rc<Report>>,
    /// The pairs explained and who is without a mentor, kept up to date.
    pub outcome: Option<Rc<Assignment>>,
    /// Counts every change of the roster (for saving).
    pub revision: u32,
    /// Why the last matching in the worker failed.
    pub failed: Option<String>,
    /// A matching runs in the worker, started at this revision.
    pub busy: Option<u32>,
    /// A roster file being read in the worker.
    pub importing: Option<Importing>,
    /// Counts imports, so only the answer to the last one is taken.
    pub imports: u32,
}

/// A roster file being read in the worker.
#[derive(Clone, Debug)]
pub struct Importing {
    pub name: String,
    /// Kept to read the file on the page should the worker fail.
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
    fn take_import(&mut self, id: u32) -> Option<Importing> {
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
            && self.storage_reset == other.storage_reset
            && self.storage_error == other.storage_error
            && self.erased == other.erased
            && self.persist == other.persist
            && self.tab == other.tab
            && self.profile == other.profile
            && self.route == other.route
            && self.profile_errors == other.profile_errors
            && self.mentoring.revision == other.mentoring.revision
            && self.mentoring.errors == other.mentoring.errors
            && self.mentoring.busy == other.mentoring.busy
            && self.mentoring.imports == other.mentoring.imports
            && self.mentoring.importing.is_some() == other.mentoring.importing.is_some()
    }
}

/// What the user can do.
pub enum Action {
    SetLang(Lang),
    Load(Source),
    ResetExample,
    Select(Option<String>),
    FocusFinding(Option<usize>),
    DismissErrors,
    SetTab(Tab),
    SetProfile(Profile),
    LoadProfile(Source),
    ChooseRoute(usize),
    /// A roster file's name and bytes (CSV or YAML).
    LoadRoster(String, Vec<u8>),
    /// The worker reads this roster file (name, bytes).
    ImportStarted(String, Rc<Vec<u8>>),
    /// The worker's answer to import number `id`: the roster and its review …
    Imported(u32, Box<Roster>, Box<Assignment>),
    /// … or the file's problems …
    ImportProblems(u32, Report),
    /// … or no answer (the file is then read on the page).
    ImportFailed(u32, String),
    /// Match those without a mentor (`true`: everyone again, locked pairs kept).
    RunMatching(bool),
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
    /// Remove everything this app stored in the browser and start afresh.
    DeleteAll,
    /// Saving to localStorage failed with this message.
    StorageFailed(String),
}

/// What is kept in localStorage between visits.
#[derive(Serialize, Deserialize)]
pub struct Saved {
    pub version: u32,
    pub lang: Lang,
    pub ladder: Source,
    /// Added within version 1; older saves have none.
    #[serde(default)]
    pub profile: Option<Profile>,
    #[serde(default)]
    pub tab: Tab,
    /// Version 1 only: the roster with its pairs, as a YAML roster file,
    /// inside this record. Version 2 keeps the roster file (in its JSON form) under
    /// [`ROSTER_KEY`] (written only when the roster changes, not with every
    /// tab or language switch) and its file name in `roster_name`; reading
    /// a version 2 save puts it back here.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roster: Option<Source>,
    /// Version 2: the name of the roster file kept under [`ROSTER_KEY`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roster_name: Option<String>,
}

/// The saved-state format this build writes.
pub const SAVE_VERSION: u32 = 2;

/// The localStorage key of the saved state.
pub const STORAGE_KEY: &str = "doorgroei";
/// The localStorage key of the roster (a roster file in its JSON form), since version 2.
pub const ROSTER_KEY: &str = "doorgroei.rooster";

impl Saved {
    /// A save as this build reads it: version 1 is migrated (its inline
    /// roster is kept and moves to its own key with the next save), version
    /// 2's roster joined from `roster_text`. `None` for versions this build
    /// does not know.
    pub fn migrate(mut self, roster_text: Option<String>) -> Option<Saved> {
        match self.version {
            1 => {
                self.version = SAVE_VERSION;
                self.roster_name = None;
                Some(self)
            }
            SAVE_VERSION => {
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
    /// cannot be used (`Err` holds the unreadable save's text).
    pub fn restore(saved: Option<Result<Saved, String>>) -> State {
        let example = || {
            let ladder = load_ladder(EXAMPLE_NAME, EXAMPLE_TEXT)
                // (Not `expect`: that would keep every error's `Debug` in the build.)
                .unwrap_or_else(|_| unreachable!("the built-in example is valid (tested)"));
            (Source::example(), ladder)
        };
        let persist = saved.is_some();
        let unreadable_save = match &saved {
            Some(Err(raw)) => Some(Rc::new(raw.clone())),
            _ => None,
        };
        let (lang, (source, ladder), storage_reset, profile, tab, roster) = match saved {
            None => (Lang::Nl, example(), false, None, Tab::default(), None),
            Some(Ok(saved)) if saved.version == SAVE_VERSION => {
                match load_ladder(&saved.ladder.name, &saved.ladder.text) {
                    Ok(ladder) => (
                        saved.lang,
                        (saved.ladder, ladder),
                        false,
                        saved.profile,
                        saved.tab,
                        saved.roster,
                    ),
                    Err(_) => (saved.lang, example(), true, None, saved.tab, None),
                }
            }
            Some(_) => (Lang::Nl, example(), true, None, Tab::default(), None),
        };
        let mut mentoring = Mentoring::default();
        if let Some(saved) = roster {
            match load_roster_yaml(&saved.name, &saved.text, &ladder) {
                Ok(roster) => {
                    mentoring.name = Some(saved.name);
                    mentoring.set(&ladder, roster, None);
                }
                Err(errors) => mentoring.errors = Some(Rc::new(errors.report())),
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
            storage_reset,
            unreadable_save,
            storage_error: None,
            erased: false,
            persist,
            tab,
            profile,
            route: 0,
            profile_errors: None,
            plan: Rc::new(None),
            mentoring,
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
            roster_name: self.mentoring.roster.as_ref().map(|_| {
                self.mentoring
                    .name
                    .clone()
                    .unwrap_or_else(|| "rooster.yaml".into())
            }),
        }
    }

    /// The roster to save under [`ROSTER_KEY`] (pairs and people added here
    /// included): a roster file in its JSON form, which the YAML loader
    /// reads back and which takes a tenth of the time of YAML to write.
    pub fn saved_roster(&self) -> Option<String> {
        self.mentoring.roster.as_deref().map(roster_to_json)
    }

    /// Reads a roster file on the page and takes it, or shows its problems.
    fn load_roster(&mut self, name: String, bytes: &[u8]) {
        match load_roster(&name, bytes, &self.ladder) {
            Ok(roster) => {
                self.mentoring.name = Some(name);
                self.mentoring.errors = None;
                self.mentoring.set(&self.ladder, roster, None);
            }
            Err(errors) => self.mentoring.errors = Some(Rc::new(errors.report())),
        }
    }

    /// After the ladder changed: the roster again against it (its roles may
    /// be gone, which is then shown as the roster's problems).
    fn refit_roster(&mut self) {
        if let Some(roster) = self.mentoring.roster.clone() {
            let text = roster_to_json(&roster);
            match load_roster_yaml("rooster.yaml", &text, &self.ladder) {
                Ok(roster) => self.mentoring.set(&self.ladder, roster, None),
                Err(errors) => {
                    self.mentoring.errors = Some(Rc::new(errors.report()));
                    self.mentoring.roster = None;
                    self.mentoring.outcome = None;
                    self.mentoring.revision += 1;
                }
            }
        }
    }

    /// True while the built-in example is shown.
    pub fn is_example(&self) -> bool {
        self.source.name == EXAMPLE_NAME && self.source.text == EXAMPLE_TEXT
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
            Action::Load(source) => match load_ladder(&source.name, &source.text) {
                Ok(ladder) => {
                    next.findings = Rc::new(scan(&ladder));
                    next.ladder = Rc::new(ladder);
                    next.source = source;
                    next.selected = None;
                    next.focused_finding = None;
                    next.errors = None;
                    next.profile = fit_profile(&next.ladder, Some(next.profile.clone()));
                    next.route = 0;
                    next.refit_roster();
                }
                Err(errors) => next.errors = Some(Rc::new(errors.report())),
            },
            Action::ResetExample => {
                let mut fresh = State::restore(None);
                fresh.lang = next.lang;
                fresh.tab = next.tab;
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
            Action::LoadProfile(source) => {
                match load_profile(&source.name, &source.text, &next.ladder) {
                    Ok(profile) => {
                        next.profile = profile;
                        next.profile_errors = None;
                        next.route = 0;
                    }
                    Err(errors) => next.profile_errors = Some(Rc::new(errors.report())),
                }
            }
            Action::ChooseRoute(i) => next.route = i,
            Action::ImportStarted(name, bytes) => {
                next.mentoring.imports += 1;
                next.mentoring.errors = None;
                next.mentoring.importing = Some(Importing {
                    name,
                    bytes,
                    ladder: next.source.clone(),
                    id: next.mentoring.imports,
                });
            }
            Action::Imported(id, roster, outcome) => {
                if let Some(import) = next.mentoring.take_import(id) {
                    next.mentoring.name = Some(import.name);
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
                        next.load_roster(import.name, &import.bytes);
                    }
                }
            }
            Action::ImportFailed(id, message) => {
                if let Some(import) = next.mentoring.take_import(id) {
                    gloo::console::warn!(format!(
                        "reading the roster in the worker failed ({message}); reading it here"
                    ));
                    next.load_roster(import.name, &import.bytes);
                }
            }
            Action::LoadRoster(name, bytes) => next.load_roster(name, &bytes),
            Action::RunMatching(full) => {
                if let Some(roster) = next.mentoring.roster.clone() {
                    let config = MatchConfig {
                        rematch: full,
                        ..MatchConfig::default()
                    };
                    let outcome = assign(&next.ladder, &roster, &config);
                    next.mentoring.take_outcome(&next.ladder, outcome);
                }
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
            Action::DeleteAll => {
                let mut fresh = State::restore(None);
                fresh.lang = next.lang;
                fresh.erased = true;
                fresh.persist = false;
                // An import still under way is dropped, and stays dropped.
                fresh.mentoring.imports = next.mentoring.imports;
                next = fresh;
            }
            Action::StorageFailed(message) => next.storage_error = Some(message),
        }
        let replan = next.profile != self.profile || !Rc::ptr_eq(&next.ladder, &self.ladder);
        Rc::new(if replan { next.with_plan() } else { next })
    }
}

/// A profile that fits `ladder`: its role and goals exist there. Without a
/// usable profile: a starter in the ladder's first entry role.
pub fn fit_profile(ladder: &Ladder, profile: Option<Profile>) -> Profile {
    match profile {
        Some(mut p) if ladder.role(&p.current_role).is_some() => {
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
