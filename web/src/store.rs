//! The rooms together: one state per room, the session they share, and the
//! notices about this browser's storage. Each action goes to its room's
//! reducer; what a room changed for the others (a new ladder, another
//! roster) is forwarded here, the only place that knows every room. Also
//! the store from a save, and the save from the store.

use std::rc::Rc;

use doorgroei::exchange::{LadderReply, MigrateReply, Reply, TextFile};
use doorgroei::format::{match_config_to_yaml, ProfileFile};
use doorgroei::matching::MatchConfig;
use doorgroei::Lang;
use yew::Reducible;

use crate::persist::{Saved, Snapshot, SAVE_VERSION};
use crate::rooms::functiehuis::state as functiehuis;
use crate::rooms::mentorkoppeling::state as mentorkoppeling;
use crate::session::{Event, LadderInUse, Session, Tab};
use crate::shared::Shared;

/// What the page says about this browser's storage and downloads.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Notices {
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
}

#[derive(Clone, Debug)]
pub struct Store {
    pub session: Session,
    pub functiehuis: Rc<functiehuis::State>,
    /// Mijn groeipad's profile, as saved or as its room (a module of its
    /// own, which fits it to the ladder) last handed it over; none on a
    /// first visit until the room changes one.
    pub profile: Option<Rc<ProfileFile>>,
    pub mentoring: Rc<mentorkoppeling::State>,
    pub notices: Notices,
    /// There is something to keep: a save was found, or the user changed
    /// something. A first visit writes nothing until then.
    pub persist: bool,
    /// An older save whose ladder (YAML) the worker reads; until it answers
    /// the example is shown and nothing is saved.
    pub migrating: Option<Shared<Saved>>,
}

pub enum Action {
    SetLang(Lang),
    SetTab(Tab),
    Functiehuis(functiehuis::Action),
    /// Mijn groeipad changed the profile.
    SetProfile(ProfileFile),
    Mentoring(mentorkoppeling::Action),
    /// Hide the notices about storage and downloads.
    DismissNotices,
    /// Saving to localStorage failed with this message.
    StorageFailed(String),
    /// A download could not be written (the message says why).
    ExportFailed(String),
    /// Remove everything this app stored in the browser and start afresh.
    DeleteAll,
    /// The worker's answer to an older save's files.
    Migrated(Shared<Saved>, Box<Reply>),
}

impl Store {
    /// A store from a saved one, or the example when there is none or it
    /// cannot be used (`Err` holds the unreadable save's text). An older
    /// save (its ladder in YAML) is kept in `migrating` for the worker to
    /// read; the example shows until it answers.
    pub fn restore(saved: Option<Result<Saved, String>>) -> Store {
        let persist = saved.is_some();
        let mut notices = Notices::default();
        let mut migrating = None;
        let nothing = |lang, tab| (lang, tab, LadderInUse::example(), None, None);
        let settings = saved
            .as_ref()
            .and_then(|s| s.as_ref().ok())
            .and_then(|s| s.matching.clone());
        let (lang, tab, ladder, profile, roster) = match saved {
            None => nothing(Lang::Nl, Tab::default()),
            Some(Err(raw)) => {
                notices.storage_reset = true;
                notices.unreadable_save = Some(Rc::new(raw));
                nothing(Lang::Nl, Tab::default())
            }
            Some(Ok(saved)) if saved.ladder_is_json() => {
                match LadderInUse::read(saved.ladder.clone()) {
                    Some(ladder) => (
                        saved.lang,
                        saved.tab,
                        ladder,
                        saved.profile.map(Rc::new),
                        saved.roster,
                    ),
                    None => {
                        notices.storage_reset = true;
                        notices.unreadable_save = saved.as_stored();
                        nothing(saved.lang, saved.tab)
                    }
                }
            }
            Some(Ok(saved)) => {
                let shown = nothing(saved.lang, saved.tab);
                migrating = Some(Shared::new(saved));
                shown
            }
        };
        let ladder = Shared::new(ladder);
        let (mentoring, roster) =
            mentorkoppeling::State::restore(&ladder, roster, settings.as_deref());
        Store {
            functiehuis: Rc::new(functiehuis::State::new(&ladder)),
            profile,
            mentoring: Rc::new(mentoring),
            session: Session {
                lang,
                tab,
                ladder,
                roster,
            },
            notices,
            persist: persist && migrating.is_none(),
            migrating,
        }
    }

    /// The store with the column mappings this browser remembers (the text
    /// kept under `doorgroei.kolommen`).
    pub fn with_remembered(mut self, remembered: Option<String>) -> Store {
        self.mentoring = Rc::new(mentorkoppeling::State {
            remembered: remembered.map(Shared::new),
            ..(*self.mentoring).clone()
        });
        self
    }

    /// What to save: the record in today's version, and the roster beside it.
    pub fn snapshot(&self) -> Snapshot {
        let roster = self.session.roster.clone();
        Snapshot {
            saved: Saved {
                version: SAVE_VERSION,
                lang: self.session.lang,
                ladder: self.session.ladder.file.clone(),
                profile: self.profile.as_deref().cloned(),
                tab: self.session.tab,
                roster: None,
                roster_name: roster
                    .as_ref()
                    .map(|r| r.name.clone().unwrap_or_else(|| "rooster.yaml".into())),
                matching: (self.mentoring.settings != MatchConfig::default())
                    .then(|| match_config_to_yaml(&self.mentoring.settings)),
                text: None,
            },
            roster,
            remembered: self.mentoring.remembered.clone(),
            erased: self.notices.erased,
            persist: self.persist && self.migrating.is_none(),
        }
    }

    /// True for the worker's answer to a request that is no longer awaited
    /// (another was made since, or everything was deleted).
    fn is_stale(&self, action: &Action) -> bool {
        use functiehuis::Action::{Read as LadderRead, Scanned};
        use mentorkoppeling::Action::{Checked, Imported, Matched, Reviewed, SettingsRead};
        match action {
            Action::Functiehuis(LadderRead(asked, _)) => {
                self.functiehuis.reading.as_ref() != Some(asked)
            }
            Action::Functiehuis(Scanned(asked, _)) => {
                self.functiehuis.scanning.as_ref() != Some(asked)
            }
            Action::Mentoring(Imported(asked, _)) => {
                self.mentoring.importing.as_ref() != Some(asked)
            }
            Action::Mentoring(Matched(asked, _)) => self.mentoring.matching.as_ref() != Some(asked),
            Action::Mentoring(Reviewed(asked, _)) => {
                self.mentoring.reviewing.as_ref() != Some(asked)
            }
            Action::Mentoring(Checked(asked, _)) => self.mentoring.checking.as_ref() != Some(asked),
            Action::Mentoring(SettingsRead(asked, _)) => {
                self.mentoring.reading_settings.as_ref() != Some(asked)
            }
            Action::Migrated(asked, _) => self.migrating.as_ref() != Some(asked),
            _ => false,
        }
    }

    /// Applies what a room changed for the others.
    fn forward(&mut self, event: Option<Event>) {
        match event {
            Some(Event::LadderChanged(ladder)) => {
                self.session.ladder = ladder;
                let (room, event) = self.mentoring.ladder_changed(&self.session);
                self.mentoring = Rc::new(room);
                self.forward(event);
            }
            Some(Event::RosterChanged(roster)) => self.session.roster = roster,
            None => {}
        }
    }

    /// The store of an older save once the worker answered for its files:
    /// the save in today's form, or (its ladder unreadable, or no answer)
    /// the example with the old save offered as a download.
    fn migrated(mut self, mut saved: Saved, reply: Reply) -> Store {
        let Reply::Migrate(MigrateReply {
            ladder: LadderReply::Read {
                ladder, findings, ..
            },
            roster,
        }) = reply
        else {
            self.notices.storage_reset = true;
            self.notices.unreadable_save = saved.as_stored();
            return self;
        };
        saved.version = SAVE_VERSION;
        saved.ladder.text = ladder;
        let mut roster_errors = None;
        saved.roster = match (saved.roster.take(), roster) {
            (Some(file), Some(Ok(json))) => Some(TextFile {
                name: file.name,
                text: json,
            }),
            (_, Some(Err(report))) => {
                roster_errors = Some(Rc::new(report));
                None
            }
            _ => None,
        };
        let remembered = self.mentoring.remembered.as_deref().cloned();
        let mut next = Store::restore(Some(Ok(saved))).with_remembered(remembered);
        // The worker scanned the ladder with the save: no need to ask again.
        if let Some(asked) = next.functiehuis.scanning.clone() {
            let scanned = Box::new(Reply::Scan(Ok(findings)));
            let (room, _) = next
                .functiehuis
                .reduce(functiehuis::Action::Scanned(asked, scanned));
            next.functiehuis = Rc::new(room);
        }
        if roster_errors.is_some() {
            next.mentoring = Rc::new(mentorkoppeling::State {
                errors: roster_errors,
                ..(*next.mentoring).clone()
            });
        }
        next
    }
}

impl Reducible for Store {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        // An answer nobody waits for any more changes nothing, and is no
        // reason to save; any other action is (after "delete all" too).
        if self.is_stale(&action) {
            return self;
        }
        let mut next = (*self).clone();
        next.notices.erased = false;
        next.persist = true;
        match action {
            Action::SetLang(lang) => next.session.lang = lang,
            Action::SetTab(tab) => next.session.tab = tab,
            Action::Functiehuis(action) => {
                let (room, event) = next.functiehuis.reduce(action);
                next.functiehuis = Rc::new(room);
                next.forward(event);
            }
            Action::SetProfile(profile) => next.profile = Some(Rc::new(profile)),
            Action::Mentoring(action) => {
                let (room, event) = next.mentoring.reduce(&next.session, action);
                next.mentoring = Rc::new(room);
                next.forward(event);
            }
            Action::DismissNotices => {
                next.notices = Notices {
                    erased: next.notices.erased,
                    ..Notices::default()
                }
            }
            Action::StorageFailed(message) => next.notices.storage_error = Some(message),
            Action::ExportFailed(message) => next.notices.export_error = Some(message),
            Action::DeleteAll => {
                // What was under way is dropped with its room: its answers find nothing waiting.
                let mut fresh = Store::restore(None);
                fresh.session.lang = next.session.lang;
                fresh.notices.erased = true;
                fresh.persist = false;
                return Rc::new(fresh);
            }
            Action::Migrated(asked, reply) => {
                if next.migrating.take_if(|m| *m == asked).is_some() {
                    next = next.migrated((*asked).clone(), *reply);
                }
            }
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    //! Conversations across rooms and with saves, without a browser: the
    //! worker's answers are made by the core functions it runs.

    use super::*;
    use crate::persist::Saved;
    use doorgroei::exchange::answer;
    use doorgroei::matching::MatchConfig;
    use doorgroei::paths::Profile;

    const GROEIT: &str = include_str!("../../pathways/welzijn-groeit.yaml");
    const VLAK: &str = include_str!("../../pathways/welzijn-vlak.yaml");

    fn file(name: &str, text: &str) -> TextFile {
        TextFile {
            name: name.into(),
            text: text.into(),
        }
    }

    /// One step of a conversation (a test's list: its size does not matter).
    #[allow(clippy::large_enum_variant)]
    enum Step {
        Do(Action),
        /// The worker answers every request a room or the save records, as
        /// the page's effects would post them.
        Answer,
        /// The worker does not answer the older save, and why.
        MigrationFails(&'static str),
        /// The worker answers what was asked before the last step.
        LateAnswer,
    }

    /// The store in a line.
    fn seen(store: &Store) -> String {
        let s = &store.session;
        let mut out = format!(
            "{:?} {:?}; ladder {}; profile {}",
            s.lang,
            s.tab,
            s.ladder.ladder.organisation(),
            store
                .profile
                .as_ref()
                .map_or("none", |p| p.current_role.as_str())
        );
        if let Some(r) = &s.roster {
            out += &format!(
                "; roster {} of {}",
                r.name.as_deref().unwrap_or("—"),
                r.roster.people.len()
            );
        }
        let pending = [
            store.functiehuis.reading.as_ref().map(|f| f.name.clone()),
            store.mentoring.importing.as_ref().map(|i| i.name.clone()),
        ];
        for name in pending.into_iter().flatten() {
            out += &format!("; reading {name}");
        }
        if store.functiehuis.scanning.is_some() {
            out += "; scanning";
        }
        if let Some(e) = &store.functiehuis.errors {
            out += &format!("; ladder error {}", e.lines[0].en);
        }
        if let Some(e) = &store.mentoring.errors {
            out += &format!("; roster error {}", e.lines[0].en);
        }
        if store.migrating.is_some() {
            out += "; migrating";
        }
        let n = &store.notices;
        if n.storage_reset {
            out += "; save unreadable";
            if n.unreadable_save.is_some() {
                out += ", offered as a download";
            }
        }
        if n.erased {
            out += "; erased";
        }
        if store.snapshot().persist {
            out += "; saved";
        }
        out
    }

    /// Answers what is asked, as `app.rs` posts it.
    fn answered(store: &Store) -> Option<Action> {
        use crate::rooms::functiehuis::state as f;
        use crate::rooms::mentorkoppeling::state as m;
        if let Some(asked) = store.functiehuis.reading.clone() {
            let reply = answer(f::request(&asked));
            return Some(Action::Functiehuis(f::Action::Read(asked, Box::new(reply))));
        }
        if let Some(asked) = store.functiehuis.scanning.clone() {
            let reply = answer(f::scan_request(&asked));
            return Some(Action::Functiehuis(f::Action::Scanned(
                asked,
                Box::new(reply),
            )));
        }
        if let Some(asked) = store.mentoring.importing.clone() {
            let reply = answer(m::import_request(&asked));
            return Some(Action::Mentoring(m::Action::Imported(
                asked,
                Box::new(reply),
            )));
        }
        if let Some(asked) = store.mentoring.matching.clone() {
            let reply = answer(m::match_request(&asked, &store.session.ladder));
            return Some(Action::Mentoring(m::Action::Matched(
                asked,
                Box::new(reply),
            )));
        }
        if let Some(asked) = store.migrating.clone() {
            let reply = answer(crate::persist::migrate_request(&asked));
            return Some(Action::Migrated(asked, Box::new(reply)));
        }
        if let Some(asked) = store.mentoring.reviewing.clone() {
            let reply = answer(m::match_request(&asked, &store.session.ladder));
            return Some(Action::Mentoring(m::Action::Reviewed(
                asked,
                Box::new(reply),
            )));
        }
        None
    }

    /// Runs the steps from `start`, compares what the store shows after each
    /// (every step that differs is listed) and returns the store at the end.
    fn check(start: Store, steps: Vec<(Step, &str)>) -> Rc<Store> {
        let mut store = Rc::new(start);
        let mut before = store.clone();
        let mut wrong = Vec::new();
        for (i, (step, expected)) in steps.into_iter().enumerate() {
            let now = store.clone();
            store = match step {
                Step::Do(action) => store.reduce(action),
                Step::Answer => {
                    let action = answered(&store).expect("something was asked");
                    store.reduce(action)
                }
                Step::MigrationFails(why) => {
                    let asked = store.migrating.clone().expect("a save to migrate");
                    store.reduce(Action::Migrated(asked, Box::new(Reply::Failed(why.into()))))
                }
                Step::LateAnswer => {
                    let action = answered(&before).expect("something was asked");
                    store.reduce(action)
                }
            };
            before = now;
            let got = seen(&store);
            if got != expected {
                wrong.push(format!(
                    "step {i}:\n  expected {expected}\n  got      {got}"
                ));
            }
        }
        assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
        store
    }

    fn ladder(action: functiehuis::Action) -> Step {
        Step::Do(Action::Functiehuis(action))
    }

    fn mentoring(action: mentorkoppeling::Action) -> Step {
        Step::Do(Action::Mentoring(action))
    }

    #[test]
    fn a_first_visit_shows_the_example_and_saves_nothing_until_a_change() {
        let start = Store::restore(None);
        assert_eq!(
            seen(&start),
            "Nl Ladder; ladder Stichting Welzijn Groeit; profile none"
        );
        check(
            start,
            vec![
                (
                    Step::Do(Action::SetTab(Tab::Growth)),
                    "Nl Growth; ladder Stichting Welzijn Groeit; profile none; saved",
                ),
                (
                    Step::Do(Action::SetLang(Lang::En)),
                    "En Growth; ladder Stichting Welzijn Groeit; profile none; saved",
                ),
            ],
        );
    }

    #[test]
    fn a_new_ladder_reaches_the_roster_and_leaves_the_profile_to_its_room() {
        let mut sanne = Profile::in_role("sw-hbo-vak");
        sanne.goals = vec!["praktijkopleider".into()];
        check(
            Store::restore(None),
            vec![
                (
                    Step::Do(Action::SetProfile(ProfileFile::from(sanne))),
                    "Nl Ladder; ladder Stichting Welzijn Groeit; profile sw-hbo-vak; saved",
                ),
                (mentoring(mentorkoppeling::Action::UseExample), "Nl Ladder; ladder Stichting Welzijn Groeit; profile sw-hbo-vak; roster rooster-welzijn-groeit.csv of 36; saved"),
                (ladder(functiehuis::Action::Open(file("vlak.yaml", VLAK))), "Nl Ladder; ladder Stichting Welzijn Groeit; profile sw-hbo-vak; roster rooster-welzijn-groeit.csv of 36; reading vlak.yaml; saved"),
                // The flat ladder has neither the profile's role nor the
                // roster's: the profile is kept as it is (Mijn groeipad fits
                // it to the ladder when it is shown).
                (Step::Answer, "Nl Ladder; ladder Stichting Welzijn Gelijkvloers; profile sw-hbo-vak; reading rooster-welzijn-groeit.csv; saved"),
                (Step::Answer, "Nl Ladder; ladder Stichting Welzijn Gelijkvloers; profile sw-hbo-vak; roster error rooster-welzijn-groeit.csv:1:1633: unknown role 'praktijkopleider'; no role comes close; saved"),
                // Back to the example: the roster is gone until opened again.
                (ladder(functiehuis::Action::ResetExample), "Nl Ladder; ladder Stichting Welzijn Groeit; profile sw-hbo-vak; roster error rooster-welzijn-groeit.csv:1:1633: unknown role 'praktijkopleider'; no role comes close; saved"),
            ],
        );
    }

    #[test]
    fn a_roster_import_overtaken_by_a_ladder_change_is_read_again() {
        check(
            Store::restore(None),
            vec![
                (
                    mentoring(mentorkoppeling::Action::Import(
                        "r.csv".into(),
                        include_bytes!("../../pathways/rooster-welzijn-groeit.csv").to_vec(),
                    )),
                    "Nl Ladder; ladder Stichting Welzijn Groeit; profile none; reading r.csv; saved",
                ),
                (ladder(functiehuis::Action::Open(file("vlak.yaml", VLAK))), "Nl Ladder; ladder Stichting Welzijn Groeit; profile none; reading vlak.yaml; reading r.csv; saved"),
                // The ladder's answer first, then the roster's (against the old one).
                (Step::Answer, "Nl Ladder; ladder Stichting Welzijn Gelijkvloers; profile none; reading r.csv; saved"),
                (Step::Answer, "Nl Ladder; ladder Stichting Welzijn Gelijkvloers; profile none; reading r.csv; saved"),
                (Step::Answer, "Nl Ladder; ladder Stichting Welzijn Gelijkvloers; profile none; roster error r.csv:1:1633: unknown role 'praktijkopleider'; no role comes close; saved"),
            ],
        );
    }

    /// A save of an older version as it was stored (version 2: its ladder
    /// YAML; both: the profile as the model held it), as read back.
    fn old_save(version: u32, ladder: &str) -> Saved {
        let record = serde_json::json!({
            "version": version,
            "lang": "en",
            "ladder": {"name": "oud.yaml", "text": ladder},
            "profile": {
                "current_role": "sw-hbo-vak", "years_in_role": 0.0, "years_in_profession": 0.0,
                "education": "hbo", "qualifications": [], "trainings": [], "competencies": [],
                "wished_tracks": [], "no_management": false, "min_practice": null,
                "hours_per_week": 36.0, "goals": ["praktijkopleider"]
            },
            "tab": "growth"
        });
        Saved::read(&record.to_string(), None).unwrap()
    }

    fn old_ladder() -> String {
        GROEIT.replace(
            "organisation: Stichting Welzijn Groeit",
            "organisation: Welzijn Oud",
        )
    }

    #[test]
    fn an_older_save_waits_for_the_worker_then_is_restored_and_saved_anew() {
        let waiting = Store::restore(Some(Ok(old_save(2, &old_ladder()))));
        // The example meanwhile, in the save's language and workspace; nothing written yet.
        assert_eq!(
            seen(&waiting),
            "En Growth; ladder Stichting Welzijn Groeit; profile none; migrating"
        );
        let done = check(
            waiting,
            vec![(
                Step::Answer,
                "En Growth; ladder Welzijn Oud; profile sw-hbo-vak; saved",
            )],
        );
        assert_eq!(
            done.profile.as_ref().unwrap().goals,
            vec!["praktijkopleider".to_string()]
        );
        // Saved again as this version, which reads back on the page alone.
        let saved = done.snapshot().saved;
        assert_eq!(saved.version, SAVE_VERSION);
        let json = serde_json::to_string(&saved).unwrap();
        let restored = Store::restore(Some(Ok(Saved::read(&json, None).unwrap())));
        assert_eq!(
            seen(&restored),
            "En Growth; ladder Welzijn Oud; profile sw-hbo-vak; scanning; saved"
        );
        // Its findings are the worker's, as they were before the reload.
        let rescanned = check(
            restored,
            vec![(
                Step::Answer,
                "En Growth; ladder Welzijn Oud; profile sw-hbo-vak; saved",
            )],
        );
        assert_eq!(*rescanned.functiehuis.findings, *done.functiehuis.findings);
        assert!(!done.functiehuis.findings.is_empty());
    }

    #[test]
    fn an_older_save_whose_ladder_no_longer_reads_is_offered_as_a_download() {
        let saved = old_save(
            2,
            &old_ladder().replacen("level: junior", "level: stagiair", 1),
        );
        let done = check(
            Store::restore(Some(Ok(saved.clone()))),
            vec![(Step::Answer, "En Growth; ladder Stichting Welzijn Groeit; profile none; save unreadable, offered as a download; saved")],
        );
        // The save exactly as it was stored.
        assert_eq!(done.notices.unreadable_save, saved.text);
        // No answer at all: the same.
        check(
            Store::restore(Some(Ok(saved))),
            vec![(Step::MigrationFails("no worker"), "En Growth; ladder Stichting Welzijn Groeit; profile none; save unreadable, offered as a download; saved")],
        );
    }

    #[test]
    fn a_version_3_save_is_read_on_the_page_and_saved_as_version_4() {
        // Exactly what version 3 wrote: the ladder in its JSON form, the
        // profile as the model held it.
        let ladder = crate::session::EXAMPLE_JSON;
        let record = serde_json::json!({
            "version": 3,
            "lang": "en",
            "ladder": {"name": "eigen.yaml", "text": ladder},
            "profile": {
                "current_role": "sw-hbo-vak", "years_in_role": 3.0, "years_in_profession": 5.0,
                "education": "hbo", "qualifications": [], "trainings": [], "competencies": [],
                "wished_tracks": ["teaching"], "no_management": true, "min_practice": null,
                "hours_per_week": 28.0, "goals": ["praktijkopleider"]
            },
            "tab": "growth",
            "roster_name": "rooster.json"
        })
        .to_string();
        let roster = include_str!(concat!(env!("OUT_DIR"), "/example-roster.json"));
        let store = Store::restore(Some(Ok(Saved::read(&record, Some(roster.into())).unwrap())));
        assert_eq!(seen(&store), "En Growth; ladder Stichting Welzijn Groeit; profile sw-hbo-vak; roster rooster.json of 36; saved");
        let p = store.profile.as_ref().unwrap();
        assert_eq!(
            (p.years_in_role, p.hours_per_week, p.no_management, &p.goals),
            (3.0, 28.0, true, &vec!["praktijkopleider".to_string()])
        );
        let saved = serde_json::to_value(store.snapshot().saved).unwrap();
        assert_eq!(saved["version"], 4);
        assert_eq!(saved["profile"]["schema"], "doorgroei/profile@1");
        assert_eq!(saved["profile"]["current_role"], "sw-hbo-vak");
        assert_eq!(saved["roster_name"], "rooster.json");
    }

    #[test]
    fn a_version_3_save_with_a_damaged_ladder_starts_clean_and_keeps_it() {
        let saved = old_save(3, "{\"schema\":\"doorgroei/ladder@1\",");
        let store = Store::restore(Some(Ok(saved)));
        assert_eq!(seen(&store), "En Growth; ladder Stichting Welzijn Groeit; profile none; save unreadable, offered as a download; saved");
        assert!(store
            .notices
            .unreadable_save
            .as_deref()
            .unwrap()
            .contains("ladder@1"));
    }

    #[test]
    fn an_unreadable_save_starts_clean_and_is_kept_until_dismissed() {
        check(
            Store::restore(Some(Err("{\"version\": 1, \"te".into()))),
            vec![(
                Step::Do(Action::DismissNotices),
                "Nl Ladder; ladder Stichting Welzijn Groeit; profile none; saved",
            )],
        );
    }

    #[test]
    fn remembered_column_mappings_are_saved_kept_through_a_migration_and_deleted_with_all() {
        use doorgroei::format::Field;
        use mentorkoppeling::Action as M;
        let csv =
            b"Pers.code;Naam;Functie omschr.;Werkdagen;BSN\n1001;An;sw-hbo-start;ma;123456782\n";
        let mut store = Rc::new(Store::restore(None));
        for action in [
            M::Import("export.csv".into(), csv.to_vec()),
            M::SetColumn(0, Some(Field::Id)),
            M::SetColumn(2, Some(Field::Role)),
            M::ConfirmColumns,
        ] {
            store = store.reduce(Action::Mentoring(action));
            if let Some(reply) = answered(&store) {
                store = store.reduce(reply);
            }
        }
        let snapshot = store.snapshot();
        let kept = snapshot.remembered.as_deref().expect("a mapping to keep");
        assert!(
            kept.contains("\"perscode|naam|functieomschr|werkdagen|bsn\""),
            "{kept}"
        );
        assert!(!kept.contains("123456782"), "{kept}");
        assert!(snapshot.persist);
        // An older save, migrated, keeps what this browser remembers.
        let migrating = Store::restore(Some(Ok(old_save(2, &old_ladder()))))
            .with_remembered(Some(kept.to_string()));
        let done = check(
            migrating,
            vec![(
                Step::Answer,
                "En Growth; ladder Welzijn Oud; profile sw-hbo-vak; saved",
            )],
        );
        assert_eq!(done.snapshot().remembered.as_deref(), Some(kept));
        // "Delete all" forgets it.
        let erased = done.reduce(Action::DeleteAll).snapshot();
        assert!(erased.erased && erased.remembered.is_none());
    }

    #[test]
    fn delete_all_drops_what_was_under_way_and_saves_nothing_until_the_next_change() {
        check(
            Store::restore(None),
            vec![
                (Step::Do(Action::SetLang(Lang::En)), "En Ladder; ladder Stichting Welzijn Groeit; profile none; saved"),
                (mentoring(mentorkoppeling::Action::UseExample), "En Ladder; ladder Stichting Welzijn Groeit; profile none; roster rooster-welzijn-groeit.csv of 36; saved"),
                (ladder(functiehuis::Action::Open(file("vlak.yaml", VLAK))), "En Ladder; ladder Stichting Welzijn Groeit; profile none; roster rooster-welzijn-groeit.csv of 36; reading vlak.yaml; saved"),
                (Step::Do(Action::DeleteAll), "En Ladder; ladder Stichting Welzijn Groeit; profile none; erased"),
                // The ladder file's answer finds nothing waiting.
                (Step::LateAnswer, "En Ladder; ladder Stichting Welzijn Groeit; profile none; erased"),
                (Step::Do(Action::SetTab(Tab::Mentoring)), "En Mentoring; ladder Stichting Welzijn Groeit; profile none; saved"),
            ],
        );
    }

    #[test]
    fn matching_settings_are_saved_with_the_record_and_restored_with_people_edits() {
        let mut store = Rc::new(Store::restore(None));
        let settings = MatchConfig {
            not_same_team: false,
            default_capacities: [0, 0, 4, 1],
            ..MatchConfig::default()
        };
        for action in [
            mentorkoppeling::Action::UseExample,
            mentorkoppeling::Action::RemovePerson("j0000".into()),
            mentorkoppeling::Action::SetSettings(settings),
        ] {
            store = store.reduce(Action::Mentoring(action));
        }
        // What the saving effect writes: the record and the roster beside it.
        let snapshot = store.snapshot();
        let record = serde_json::to_string(&snapshot.saved).unwrap();
        let roster = doorgroei::format::roster_to_json(&snapshot.roster.unwrap().roster);
        assert!(record.contains("doorgroei/matching@1"), "{record}");
        let again = Store::restore(Some(Ok(Saved::read(&record, Some(roster)).unwrap())));
        assert_eq!(again.mentoring.settings, settings);
        let people = &again.session.roster.as_ref().unwrap().roster;
        assert_eq!(people.people.len(), 35);
        // Defaults are not written at all.
        let fresh = serde_json::to_string(&Store::restore(None).snapshot().saved).unwrap();
        assert!(!fresh.contains("matching"), "{fresh}");
    }
}
