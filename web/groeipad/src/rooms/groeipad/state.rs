//! The Mijn groeipad room: a person's profile, the routes chosen, and a
//! profile file being read. The plan is made in the worker, asked for
//! whenever the profile or the ladder changes (only the answer to the last
//! request counts); the plan before it stays shown meanwhile.

use std::rc::Rc;

use doorgroei::error::Report;
use doorgroei::exchange::{PlanRequest, ProfileReply, Reply, Request, TextFile};
use doorgroei::format::ProfileFile;
use doorgroei::paths::{Plan, Profile};
use doorgroei::Ladder;
use jiff::civil::Date;

use crate::session::LadderInUse;
use crate::shared::clock::today;
use crate::shared::worker::no_answer;
use crate::shared::Shared;

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// The person's profile; its role is in the ladder, or empty until the
    /// person says which role they have (a first visit).
    pub profile: Profile,
    /// Which of the routes to the goal is drawn.
    pub route: usize,
    /// The problems of the last profile file that failed to load.
    pub errors: Option<Rc<Report>>,
    /// What the last profile file read allows but is probably a mistake
    /// (a rated competency no role of the ladder asks for).
    pub warnings: Option<Rc<Report>>,
    /// The profile's growth plan, for today's date (the browser's), as the
    /// worker made it; none before its first answer (or for another ladder).
    pub plan: Shared<Option<Plan>>,
    /// The plan asked of the worker, for the profile and ladder as they are.
    pub planning: Option<Shared<Planning>>,
    /// Why the plan asked for last could not be made.
    pub plan_failed: Option<String>,
    /// A profile file (YAML) being read in the worker.
    pub reading: Option<Shared<TextFile>>,
    /// The name of the profile file last opened, which saving proposes.
    pub opened: Option<String>,
}

/// A plan asked of the worker: of this profile on this ladder, from this day.
#[derive(Debug)]
pub struct Planning {
    pub ladder: Shared<LadderInUse>,
    pub profile: Profile,
    pub today: Date,
}

pub enum Action {
    SetProfile(Profile),
    /// A change to the profile as it is when the action is taken (not as
    /// it was drawn: a second change before the room is drawn again keeps
    /// the first).
    Edit(Box<dyn FnOnce(&mut Profile)>),
    /// A role picked on the drawing becomes the current role.
    PickRole(String),
    /// Read this profile file (YAML) in the worker.
    Open(TextFile),
    /// The worker's answer to the file it was asked to read.
    Read(Shared<TextFile>, Box<Reply>),
    /// The worker's answer to the plan it was asked for.
    Planned(Shared<Planning>, Box<Reply>),
    ChooseRoute(usize),
    DismissErrors,
    DismissWarnings,
}

impl State {
    /// The room for `ladder` with a saved profile, if it fits (see
    /// [`fit_profile`]), its plan asked for.
    pub fn new(ladder: &Shared<LadderInUse>, profile: Option<Profile>) -> State {
        State {
            profile: fit_profile(&ladder.ladder, profile),
            route: 0,
            errors: None,
            warnings: None,
            plan: Shared::new(None),
            planning: None,
            plan_failed: None,
            reading: None,
            opened: None,
        }
        .ask(ladder)
    }

    pub fn reduce(&self, shown: &Shared<LadderInUse>, action: Action) -> State {
        let ladder = &shown.ladder;
        let mut next = self.clone();
        match action {
            Action::SetProfile(profile) => next.set_profile(ladder, profile),
            Action::Edit(change) => {
                let mut profile = next.profile.clone();
                change(&mut profile);
                next.set_profile(ladder, profile);
            }
            Action::PickRole(id) => {
                let mut profile = next.profile.clone();
                profile.goals.retain(|g| *g != id);
                profile.current_role = id;
                next.set_profile(ladder, profile);
            }
            Action::Open(file) => next.reading = Some(Shared::new(file)),
            Action::Read(asked, reply) => {
                if next.reading.take_if(|r| *r == asked).is_some() {
                    next.read(ladder, &asked.name, *reply);
                }
            }
            Action::Planned(asked, reply) => {
                if next.planning.take_if(|p| *p == asked).is_some() {
                    match *reply {
                        Reply::Plan(Ok(plan)) => next.plan = Shared::new(Some(plan)),
                        Reply::Plan(Err(why)) => next.plan_failed = Some(why),
                        other => next.plan_failed = Some(other.failure()),
                    }
                }
            }
            Action::ChooseRoute(i) => next.route = i,
            Action::DismissErrors => next.errors = None,
            Action::DismissWarnings => next.warnings = None,
        }
        if next.profile != self.profile {
            next = next.ask(shown);
        }
        next
    }

    /// The room after the ladder changed: the profile fitted to it, the
    /// first route, the plan anew (the one before was of another ladder).
    pub fn ladder_changed(&self, ladder: &Shared<LadderInUse>) -> State {
        State {
            profile: fit_profile(&ladder.ladder, Some(self.profile.clone())),
            route: 0,
            plan: Shared::new(None),
            ..self.clone()
        }
        .ask(ladder)
    }

    /// Asks the worker for the plan of the profile on `ladder`, from today.
    fn ask(mut self, ladder: &Shared<LadderInUse>) -> State {
        self.planning = Some(Shared::new(Planning {
            ladder: ladder.clone(),
            profile: self.profile.clone(),
            today: today(),
        }));
        self.plan_failed = None;
        self
    }

    fn set_profile(&mut self, ladder: &Ladder, mut profile: Profile) {
        if profile.goals != self.profile.goals || profile.current_role != self.profile.current_role
        {
            self.route = 0;
        }
        // Whoever holds a role has at least the education it asks for.
        profile.meet_role_education(ladder);
        self.profile = fit_profile(ladder, Some(profile));
    }

    /// Takes the worker's answer for the profile file `name`.
    fn read(&mut self, ladder: &Ladder, name: &str, reply: Reply) {
        let problems = match reply {
            // Checked against the ladder of its request: still this one?
            Reply::Profile(ProfileReply::Read(profile, warnings))
                if fits(ladder, &profile.current_role) =>
            {
                self.profile = fit_profile(ladder, Some(*profile));
                self.errors = None;
                self.warnings = warnings.map(Rc::new);
                self.route = 0;
                self.opened = Some(name.to_string());
                return;
            }
            Reply::Profile(ProfileReply::Read(..)) => {
                no_answer(name, "the ladder changed while it was read; open it again")
            }
            Reply::Profile(ProfileReply::Problems(report)) => report,
            Reply::Profile(ProfileReply::Failed(reason)) => no_answer(name, &reason),
            other => no_answer(name, &other.failure()),
        };
        self.errors = Some(Rc::new(problems));
    }

    /// The roles the drawing highlights: the chosen route, or without a
    /// goal the next steps.
    pub fn highlighted(&self) -> Vec<String> {
        let Some(plan) = self.plan.as_ref() else {
            return Vec::new();
        };
        match plan.goals.first() {
            Some(goal) => goal
                .routes
                .get(self.route)
                .map(|r| r.roles.clone())
                .unwrap_or_default(),
            None => plan
                .next
                .iter()
                .flat_map(|g| g.steps.iter().map(|s| s.role.clone()))
                .collect(),
        }
    }
}

/// What to ask the worker for a profile file being read, against the ladder shown.
pub fn request(file: &TextFile, ladder: &LadderInUse) -> Request {
    Request::ReadProfile {
        file: file.clone(),
        ladder: ladder.file.text.clone(),
    }
}

/// What to ask the worker for a plan.
pub fn plan_request(planning: &Planning) -> Request {
    Request::Plan(PlanRequest {
        ladder: planning.ladder.file.text.clone(),
        profile: ProfileFile::from(planning.profile.clone()),
        today: planning.today,
    })
}

/// A current role `ladder` can plan from: one of its roles, or none yet.
fn fits(ladder: &Ladder, role: &str) -> bool {
    role.is_empty() || ladder.role(role).is_some()
}

/// A profile that fits `ladder`: its role (if it has one) and goals exist
/// there, and its numbers are within the profile file's limits. A role the
/// ladder does not have is dropped (the room asks for it again; the rest,
/// ratings and agreements too, stays). Without a usable profile: one
/// without a current role, which the room asks for (it assumes none).
pub fn fit_profile(ladder: &Ladder, profile: Option<Profile>) -> Profile {
    match profile {
        Some(mut p) if doorgroei::format::check_profile("", &p).is_ok() => {
            if !fits(ladder, &p.current_role) {
                p.current_role.clear();
            }
            p.goals
                .retain(|g| ladder.role(g).is_some() && *g != p.current_role);
            p
        }
        _ => Profile::in_role(""),
    }
}

#[cfg(test)]
mod tests {
    //! The room's conversations, with the worker's answers made by the
    //! core functions it runs.

    use super::*;
    use doorgroei::exchange::answer;

    const GROEIT: &str = include_str!("../../../../../pathways/welzijn-groeit.yaml");
    const VLAK: &str = include_str!("../../../../../pathways/welzijn-vlak.yaml");
    const SANNE: &str = include_str!("../../../../../pathways/profiel-sanne.yaml");

    fn file(name: &str, text: &str) -> TextFile {
        TextFile {
            name: name.into(),
            text: text.into(),
        }
    }

    /// One step: what happens, then what the room shows. The worker makes
    /// the plan asked for at once, unless the step says otherwise.
    enum Step {
        Do(Action),
        /// The user does something; the worker has not made the plan yet.
        Busy(Action),
        /// The worker answers the file being read, against the ladder shown.
        Answer,
        /// The ladder changes to the flat one (the Functiehuis room opened it).
        FlatLadder,
        /// The worker answered, against the ladder of the request (the
        /// answer made before the ladder changed).
        AnswerMadeBefore,
        /// The worker answers the plan asked for before the last step.
        PlanLate,
        /// The plan asked for gets no answer, and why.
        PlanFails(&'static str),
    }

    /// The room in a line.
    fn seen(room: &State) -> String {
        let p = &room.profile;
        let role = if p.current_role.is_empty() {
            "no role"
        } else {
            p.current_role.as_str()
        };
        let mut out = format!("in {role} ({:?})", p.education);
        if !p.goals.is_empty() {
            out += &format!(", goals {}", p.goals.join(" "));
        }
        out += &format!("; route {}", room.route);
        match room.plan.as_ref() {
            Some(plan) => {
                let routes = plan.goals.first().map_or(0, |g| g.routes.len());
                let goal = plan.goals.first().map_or("none", |g| g.goal.as_str());
                out += &format!("; plan with {routes} routes to {goal}");
            }
            None => out += "; no plan",
        }
        if room.planning.is_some() {
            out += "; planning";
        }
        if let Some(why) = &room.plan_failed {
            out += &format!("; plan failed: {why}");
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
        out
    }

    /// A ladder file as the worker reads it and the page takes it.
    fn read(name: &str, yaml: &str) -> Shared<LadderInUse> {
        let text = match answer(Request::ReadLadder(file(name, yaml))) {
            Reply::Ladder(doorgroei::exchange::LadderReply::Read { ladder, .. }) => ladder,
            other => panic!("{other:?}"),
        };
        Shared::new(LadderInUse::read(file(name, &text)).unwrap())
    }

    fn groeit() -> Shared<LadderInUse> {
        read("g.yaml", GROEIT)
    }

    /// The worker's answer to the plan asked for.
    fn planned(asked: Shared<Planning>, reply: Option<Reply>) -> Action {
        let reply = reply.unwrap_or_else(|| answer(plan_request(&asked)));
        Action::Planned(asked, Box::new(reply))
    }

    fn check(steps: Vec<(Step, &str)>) {
        let mut ladder = groeit();
        let mut room = State::new(&ladder, None);
        room = room.reduce(&ladder, planned(room.planning.clone().unwrap(), None));
        let mut made_before: Option<Reply> = None;
        let mut plan_before = None;
        let mut wrong = Vec::new();
        for (i, (step, expected)) in steps.into_iter().enumerate() {
            let asked = room.planning.clone();
            let mut at_once = true;
            match step {
                Step::Do(action) => room = room.reduce(&ladder, action),
                Step::Busy(action) => {
                    room = room.reduce(&ladder, action);
                    at_once = false;
                }
                Step::Answer | Step::AnswerMadeBefore => {
                    let asked = room.reading.clone().expect("a file was asked for");
                    let reply = match step {
                        Step::Answer => answer(request(&asked, &ladder)),
                        _ => made_before.take().expect("an answer made before"),
                    };
                    room = room.reduce(&ladder, Action::Read(asked, Box::new(reply)));
                }
                Step::FlatLadder => {
                    if let Some(asked) = &room.reading {
                        made_before = Some(answer(request(asked, &ladder)));
                    }
                    ladder = read("v.yaml", VLAK);
                    room = room.ladder_changed(&ladder);
                }
                Step::PlanLate => {
                    let late = plan_before.clone().expect("a plan asked for before");
                    room = room.reduce(&ladder, planned(late, None));
                    at_once = false;
                }
                Step::PlanFails(why) => {
                    let asked = room.planning.clone().expect("a plan was asked for");
                    room = room.reduce(&ladder, planned(asked, Some(Reply::Failed(why.into()))));
                }
            }
            plan_before = asked;
            if let Some(asked) = room.planning.clone().filter(|_| at_once) {
                room = room.reduce(&ladder, planned(asked, None));
            }
            let got = seen(&room);
            if got != expected {
                wrong.push(format!(
                    "step {i}:\n  expected {expected}\n  got      {got}"
                ));
            }
        }
        assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
    }

    fn with(f: impl FnOnce(&mut Profile)) -> Profile {
        let mut p = Profile::in_role_of(&groeit().ladder, "ervaringsdeskundige");
        f(&mut p);
        p
    }

    #[test]
    fn a_profile_file_is_read_in_the_worker() {
        let broken = SANNE.replacen("current_role: sw-hbo-vak", "current_role: bestaat-niet", 1);
        check(vec![
            (Step::Do(Action::Open(file("sanne.yaml", SANNE))), "in no role (Hbo); route 0; plan with 0 routes to none; reading sanne.yaml"),
            (Step::Answer, "in sw-hbo-vak (Hbo), goals praktijkopleider teamleider; route 0; plan with 2 routes to praktijkopleider"),
            (Step::Do(Action::Open(file("kapot.yaml", &broken))), "in sw-hbo-vak (Hbo), goals praktijkopleider teamleider; route 0; plan with 2 routes to praktijkopleider; reading kapot.yaml"),
            (Step::Answer, "in sw-hbo-vak (Hbo), goals praktijkopleider teamleider; route 0; plan with 2 routes to praktijkopleider; error kapot.yaml:6:15: unknown role 'bestaat-niet'; no role comes close"),
            (Step::Do(Action::DismissErrors), "in sw-hbo-vak (Hbo), goals praktijkopleider teamleider; route 0; plan with 2 routes to praktijkopleider"),
        ]);
    }

    #[test]
    fn a_profile_files_warnings_are_shown_until_dismissed() {
        let rated = SANNE.replace("  Coachen: basis\n", "  Coachen: basis\n  Koken: sterk\n");
        assert_ne!(rated, SANNE);
        check(vec![
            (Step::Do(Action::Open(file("sanne.yaml", &rated))), "in no role (Hbo); route 0; plan with 0 routes to none; reading sanne.yaml"),
            (Step::Answer, "in sw-hbo-vak (Hbo), goals praktijkopleider teamleider; route 0; plan with 2 routes to praktijkopleider; warning sanne.yaml:24:3: warning: no role or transition of the ladder asks for the competency 'Koken'; your rating is kept but counts nowhere; no competency comes close"),
            (Step::Do(Action::DismissWarnings), "in sw-hbo-vak (Hbo), goals praktijkopleider teamleider; route 0; plan with 2 routes to praktijkopleider"),
        ]);
    }

    #[test]
    fn a_profile_read_for_a_ladder_that_changed_meanwhile_is_refused_with_a_reason() {
        check(vec![
            (Step::Do(Action::Open(file("sanne.yaml", SANNE))), "in no role (Hbo); route 0; plan with 0 routes to none; reading sanne.yaml"),
            (Step::FlatLadder, "in no role (Hbo); route 0; plan with 0 routes to none; reading sanne.yaml"),
            (Step::AnswerMadeBefore, "in no role (Hbo); route 0; plan with 0 routes to none; error sanne.yaml: the file could not be read: the ladder changed while the file was read; open it again"),
        ]);
    }

    #[test]
    fn the_profile_form_and_the_drawing_change_the_profile() {
        check(vec![
            (
                Step::Do(Action::SetProfile(with(|p| {
                    p.goals = vec!["praktijkopleider".into()]
                }))),
                "in ervaringsdeskundige (Mbo4), goals praktijkopleider; route 0; plan with 3 routes to praktijkopleider",
            ),
            (Step::Do(Action::ChooseRoute(1)), "in ervaringsdeskundige (Mbo4), goals praktijkopleider; route 1; plan with 3 routes to praktijkopleider"),
            // Another goal: the first route again.
            (
                Step::Do(Action::SetProfile(with(|p| {
                    p.goals = vec!["teamleider".into()]
                }))),
                "in ervaringsdeskundige (Mbo4), goals teamleider; route 0; plan with 3 routes to teamleider",
            ),
            // A role on the drawing: the current role, no longer a goal,
            // with at least the education it asks.
            (Step::Do(Action::PickRole("teamleider".into())), "in teamleider (Hbo); route 0; plan with 0 routes to none"),
            // A role the ladder does not have: no current role, asked again.
            (Step::Do(Action::PickRole("bestaat-niet".into())), "in no role (Hbo); route 0; plan with 0 routes to none"),
            (Step::Do(Action::PickRole("sw-hbo-vak".into())), "in sw-hbo-vak (Hbo); route 0; plan with 0 routes to none"),
            // A ladder without the role: no current role either.
            (Step::FlatLadder, "in no role (Hbo); route 0; plan with 0 routes to none"),
        ]);
    }

    #[test]
    fn the_plan_is_made_in_the_worker_and_only_the_answer_to_the_last_request_counts() {
        let goal = |g: &str| {
            let g = g.to_string();
            with(move |p| p.goals = vec![g])
        };
        check(vec![
            // The plan before stays shown while the worker makes the new one.
            (Step::Busy(Action::SetProfile(goal("praktijkopleider"))), "in ervaringsdeskundige (Mbo4), goals praktijkopleider; route 0; plan with 0 routes to none; planning"),
            (Step::Busy(Action::SetProfile(goal("teamleider"))), "in ervaringsdeskundige (Mbo4), goals teamleider; route 0; plan with 0 routes to none; planning"),
            // The answer for the profile before comes too late.
            (Step::PlanLate, "in ervaringsdeskundige (Mbo4), goals teamleider; route 0; plan with 0 routes to none; planning"),
            (Step::PlanFails("no worker"), "in ervaringsdeskundige (Mbo4), goals teamleider; route 0; plan with 0 routes to none; plan failed: no worker"),
            // Choosing a route asks for nothing; a change asks again.
            (Step::Busy(Action::ChooseRoute(1)), "in ervaringsdeskundige (Mbo4), goals teamleider; route 1; plan with 0 routes to none; plan failed: no worker"),
            (Step::Do(Action::SetProfile(goal("praktijkopleider"))), "in ervaringsdeskundige (Mbo4), goals praktijkopleider; route 0; plan with 3 routes to praktijkopleider"),
        ]);
        // Another ladder: the plan of the one before is not shown with it.
        let ladder = groeit();
        let room = State::new(&ladder, Some(goal("praktijkopleider")));
        let room = room.reduce(&ladder, planned(room.planning.clone().unwrap(), None));
        assert!(room.plan.is_some() && room.planning.is_none());
        let flat = read("v.yaml", VLAK);
        let moved = room.ladder_changed(&flat);
        assert!(moved.plan.is_none());
        let asked = moved.planning.clone().expect("a plan on the new ladder");
        assert_eq!(asked.ladder, flat);
        assert_eq!(asked.profile, moved.profile);
    }

    #[test]
    fn a_first_visit_asks_for_the_role_and_a_ladder_without_it_keeps_the_rest() {
        use doorgroei::paths::{Agreement, RankedBy};
        let ladder = groeit();
        let room = State::new(&ladder, None);
        assert!(room.profile.current_role.is_empty(), "no role assumed");
        let room = room.reduce(&ladder, planned(room.planning.clone().unwrap(), None));
        let plan = room.plan.as_ref().expect("a plan");
        assert_eq!(plan.ranked_by, RankedBy::NoCurrentRole);
        assert!(plan.targets.is_empty() && plan.next.is_empty());
        // Rated and agreed, then a ladder without the role: the role is
        // asked again, the ratings and agreements stay.
        let mut p = Profile::in_role_of(&ladder.ladder, "sw-hbo-vak");
        p.self_assessment
            .insert("Netwerkregie".into(), doorgroei::ladder::Proficiency::Basic);
        p.agreements.push(Agreement {
            action: "Training netwerkregie".into(),
            by: None,
            done: false,
        });
        let room = room.reduce(&ladder, Action::SetProfile(p.clone()));
        let room = room.reduce(&ladder, planned(room.planning.clone().unwrap(), None));
        let plan = room.plan.as_ref().expect("a plan");
        assert_eq!(plan.ranked_by, RankedBy::Closeness);
        assert!(!plan.targets.is_empty());
        let moved = room.ladder_changed(&read("v.yaml", VLAK));
        assert!(moved.profile.current_role.is_empty());
        assert_eq!(moved.profile.self_assessment, p.self_assessment);
        assert_eq!(moved.profile.agreements, p.agreements);
    }

    #[test]
    fn a_saved_profile_with_numbers_past_the_limits_is_not_used() {
        let ladder = groeit();
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
            let mut profile = Profile::in_role("sw-hbo-vak");
            profile.years_in_role = years;
            profile.years_in_profession = profession;
            profile.hours_per_week = hours;
            let room = State::new(&ladder, Some(profile));
            assert_eq!(
                room.profile.current_role == "sw-hbo-vak",
                kept,
                "{years}, {profession}, {hours}"
            );
            assert!(doorgroei::format::check_profile("", &room.profile).is_ok());
        }
    }
}
