//! The room as the page shows it: the profile form, the ladder drawn with
//! the current role and the chosen route, and beside it the plan, the next
//! steps and the roles that fit. It holds the room's state
//! ([`rooms::groeipad::state`]), posts the requests it records for the
//! worker, and hands each change of the profile back to the page.

use std::rc::Rc;

use doorgroei::exchange::{Reply, Request};
use doorgroei::format::ProfileFile;
use doorgroei::paths::Profile;
use doorgroei::render::DrawOptions;
use doorgroei::Lang;
use yew::prelude::*;

use crate::rooms::groeipad::state::{self, fit_profile, Action, State};
use crate::rooms::groeipad::yearly::{self, Agreements, Compare};
use crate::rooms::groeipad::{growth_side, Growth};
use crate::session::LadderInUse;
use crate::shared::clock::today;
use crate::shared::{worker, Shared};
use crate::texts::{g, G};
use crate::widgets::ladder::LadderView;

/// What the page hands the room.
#[derive(Properties, PartialEq)]
pub struct RoomProps {
    pub lang: Lang,
    pub ladder: Shared<LadderInUse>,
    /// The profile the page keeps (none on a first visit, or after "Al
    /// mijn gegevens wissen").
    pub profile: Option<Shared<ProfileFile>>,
    /// Called with the profile file's JSON form whenever the room changes
    /// the profile.
    pub on_profile: Callback<String>,
}

/// The room's state with the ladder it is of and the profile as the page
/// last gave it.
#[derive(Clone, PartialEq)]
pub struct Room {
    ladder: Shared<LadderInUse>,
    state: Rc<State>,
    given: Option<ProfileFile>,
    /// The profiles last handed to the page: the page gives each back, maybe
    /// after the room changed it again, which is no reason to start again.
    handed: Vec<ProfileFile>,
    /// The conversation mode: the profile shown is a file a manager opened,
    /// never handed to the page (which keeps the manager's own).
    conversation: bool,
}

pub enum RoomAction {
    Growth(Box<Action>),
    /// The page gave (again) this ladder and this profile.
    Given(Shared<LadderInUse>, Option<Shared<ProfileFile>>),
    /// The room handed the page this profile.
    Handed(Box<ProfileFile>),
    /// Into the conversation mode (with no profile until a file is opened)
    /// or out of it (back to the page's profile).
    Conversation(bool),
}

impl Room {
    fn new(ladder: &Shared<LadderInUse>, profile: Option<&Shared<ProfileFile>>) -> Room {
        let given = profile.map(|p| (**p).clone());
        Room {
            ladder: ladder.clone(),
            state: Rc::new(State::new(ladder, given.clone().map(Profile::from))),
            given,
            handed: Vec::new(),
            conversation: false,
        }
    }

    /// The profile to hand the page, if the room changed it: not what the
    /// page has, and (without one) not the starter's the room begins with.
    fn changed(&self) -> Option<ProfileFile> {
        if self.conversation {
            return None;
        }
        let profile = &self.state.profile;
        let file = ProfileFile::from(profile.clone());
        let unchanged = match &self.given {
            Some(given) => *given == file,
            None => *profile == fit_profile(&self.ladder.ladder, None),
        };
        (!unchanged).then_some(file)
    }
}

impl Reducible for Room {
    type Action = RoomAction;

    fn reduce(self: Rc<Self>, action: RoomAction) -> Rc<Self> {
        match action {
            RoomAction::Growth(action) => {
                let state = self.state.reduce(&self.ladder, *action);
                Rc::new(Room {
                    state: Rc::new(state),
                    ..(*self).clone()
                })
            }
            RoomAction::Given(ladder, profile) => {
                let given = profile.map(|p| (*p).clone());
                if ladder == self.ladder && given == self.given {
                    return self;
                }
                let mut state = (*self.state).clone();
                if ladder != self.ladder {
                    state = state.ladder_changed(&ladder);
                }
                // The page's profile changed other than by this room: all
                // data deleted, or a profile came before the room handed
                // any (an older save read): the room starts again from it.
                // Any other is the page giving back what the room handed
                // (maybe after the room changed it again).
                let ours = Some(ProfileFile::from(state.profile.clone()));
                let deleted = given.is_none() && self.given.is_some();
                let arrived = self.given.is_none() && self.handed.is_empty();
                if given != self.given
                    && given != ours
                    && (deleted || arrived)
                    && !self.conversation
                {
                    state = State::new(&ladder, given.clone().map(Profile::from));
                }
                Rc::new(Room {
                    ladder,
                    state: Rc::new(state),
                    given,
                    handed: self.handed.clone(),
                    conversation: self.conversation,
                })
            }
            RoomAction::Conversation(on) if on != self.conversation => {
                let profile = if on {
                    None
                } else {
                    self.given.clone().map(Profile::from)
                };
                Rc::new(Room {
                    state: Rc::new(State::new(&self.ladder, profile)),
                    conversation: on,
                    ..(*self).clone()
                })
            }
            RoomAction::Conversation(_) => self,
            RoomAction::Handed(file) => {
                let file = *file;
                let mut next = (*self).clone();
                next.handed.push(file);
                let over = next.handed.len().saturating_sub(16);
                next.handed.drain(..over);
                Rc::new(next)
            }
        }
    }
}

/// Posts `pending` to the worker once, when it is new; its answer comes
/// back as the action `answer` makes.
#[hook]
fn use_request<T: 'static>(
    room: &UseReducerHandle<Room>,
    pending: Option<Shared<T>>,
    request: impl Fn(&T, &Room) -> Request + 'static,
    answer: fn(Shared<T>, Box<Reply>) -> Action,
) {
    let room = room.clone();
    use_effect_with(pending, move |pending| {
        if let Some(asked) = pending.clone() {
            let request = request(&asked, &room);
            let dispatcher = room.dispatcher();
            let on_reply = Callback::from(move |reply| {
                dispatcher.dispatch(RoomAction::Growth(Box::new(answer(
                    asked.clone(),
                    Box::new(reply),
                ))));
            });
            worker::post(&request, on_reply);
        }
    });
}

/// Mijn groeipad below the page's toolbar.
#[function_component(GrowthRoom)]
pub fn growth_room(props: &RoomProps) -> Html {
    let lang = props.lang;
    let room = {
        let (ladder, profile) = (props.ladder.clone(), props.profile.clone());
        use_reducer(move || Room::new(&ladder, profile.as_ref()))
    };
    {
        let dispatcher = room.dispatcher();
        use_effect_with(
            (props.ladder.clone(), props.profile.clone()),
            move |(ladder, profile)| {
                dispatcher.dispatch(RoomAction::Given(ladder.clone(), profile.clone()));
            },
        );
    }
    use_request(
        &room,
        room.state.planning.clone(),
        |planning, _| state::plan_request(planning),
        Action::Planned,
    );
    use_request(
        &room,
        room.state.reading.clone(),
        |file, room| state::request(file, &room.ladder),
        Action::Read,
    );
    // Every change of the profile goes to the page, which keeps it.
    {
        let on_profile = props.on_profile.clone();
        let dispatcher = room.dispatcher();
        use_effect_with(room.changed(), move |changed| {
            if let Some(file) = changed {
                if let Ok(json) = serde_json::to_string(file) {
                    dispatcher.dispatch(RoomAction::Handed(Box::new(file.clone())));
                    on_profile.emit(json);
                }
            }
        });
    }
    let on = {
        let dispatcher = room.dispatcher();
        (*use_memo((), move |_| {
            dispatcher
                .to_callback()
                .reform(|a| RoomAction::Growth(Box::new(a)))
        }))
        .clone()
    };
    let export_failed = use_state(|| None::<String>);
    let on_export_failed = {
        let export_failed = export_failed.clone();
        Callback::from(move |why: String| export_failed.set(Some(why)))
    };
    // In the conversation mode the drawing shows, and changes nothing.
    let on_pick = if room.conversation {
        Callback::noop()
    } else {
        on.reform(Action::PickRole)
    };
    let on_conversation = {
        let dispatcher = room.dispatcher();
        Callback::from(move |on: bool| dispatcher.dispatch(RoomAction::Conversation(on)))
    };
    let state = &room.state;
    // What the self-assessment rates: what the chosen route's steps and
    // the goal ask (the goal alone until the plan is there).
    let on_the_way = match state.profile.goals.first() {
        Some(goal) => {
            let mut way = state.highlighted();
            if !way.contains(goal) {
                way.push(goal.clone());
            }
            way
        }
        None => Vec::new(),
    };
    let rows = yearly::asked(&room.ladder.ladder, &state.profile, &on_the_way, lang);
    let options = DrawOptions {
        lang,
        selected: Some(state.profile.current_role.clone()),
        highlighted: doorgroei::sort::set_of(state.highlighted()),
        standalone: false,
    };
    let next = state
        .plan
        .as_ref()
        .and_then(|plan| plan.next.first())
        .and_then(|group| group.steps.first())
        .map(|step| step.role.clone())
        .unwrap_or_default();
    html! {
        <>
            { jump_nav(lang) }
            <Growth lang={lang} ladder={room.ladder.clone()} room={state.clone()}
                on={on.clone()} on_export_failed={on_export_failed}
                conversation={room.conversation} on_conversation={on_conversation} />
            if let Some(why) = &*export_failed {
                <p class="problem" role="alert">
                    { format!("{} ({why})", crate::i18n::t(lang, crate::i18n::T::ExportFailed)) }
                </p>
            }
            <div class="columns">
                <div class="drawing">
                    <LadderView ladder={room.ladder.clone()} options={options} on_pick={on_pick} />
                </div>
                <aside class="side">
                    { growth_side(lang, &room.ladder.ladder, state, &on) }
                </aside>
            </div>
            <div class="yearly">
                { yearly::self_assessment(lang, &rows, &on, room.conversation) }
                <Agreements lang={lang} profile={state.profile.clone()} today={today()} on={on.clone()} />
                <Compare lang={lang} ladder={room.ladder.clone()} mine={state.profile.current_role.clone()}
                    goal={state.profile.goals.first().cloned().unwrap_or_default()} next={next} />
            </div>
        </>
    }
}

/// Links to the parts of the room far below its top (on a phone, some
/// thousands of pixels down): the page's own address stays as it is.
fn jump_nav(lang: Lang) -> Html {
    let link = |key: G, target: &'static str| {
        let onclick = Callback::from(move |_: MouseEvent| {
            if let Some(heading) = gloo::utils::document().get_element_by_id(target) {
                heading.scroll_into_view();
            }
        });
        html! { <button type="button" class="link" {onclick}>{ g(lang, key) }</button> }
    };
    html! {
        <nav class="room-nav no-print" aria-label={g(lang, G::JumpTo)}>
            { format!("{}: ", g(lang, G::JumpTo)) }
            { link(G::SelfAssessment, "assessment-heading") }
            { " · " }
            { link(G::Agreements, "agreements-heading") }
            { " · " }
            { link(G::CompareShort, "compare-heading") }
        </nav>
    }
}

#[cfg(test)]
mod tests {
    //! What the room hands the page, and what it takes from it.

    use super::*;
    use doorgroei::exchange::{answer, LadderReply, TextFile};

    const VLAK: &str = include_str!("../../../pathways/welzijn-vlak.yaml");

    fn example() -> Shared<LadderInUse> {
        Shared::new(LadderInUse::example())
    }

    fn flat() -> Shared<LadderInUse> {
        let file = TextFile {
            name: "v.yaml".into(),
            text: VLAK.into(),
        };
        let text = match answer(Request::ReadLadder(file)) {
            Reply::Ladder(LadderReply::Read { ladder, .. }) => ladder,
            other => panic!("{other:?}"),
        };
        Shared::new(
            LadderInUse::read(TextFile {
                name: "v.yaml".into(),
                text,
            })
            .unwrap(),
        )
    }

    fn sanne() -> Shared<ProfileFile> {
        let mut p = Profile::in_role("sw-hbo-vak");
        p.goals = vec!["praktijkopleider".into()];
        Shared::new(ProfileFile::from(p))
    }

    fn growth(room: Rc<Room>, action: Action) -> Rc<Room> {
        room.reduce(RoomAction::Growth(Box::new(action)))
    }

    #[test]
    fn a_first_visit_hands_nothing_over_until_the_profile_changes() {
        let ladder = example();
        let room = Rc::new(Room::new(&ladder, None));
        assert_eq!(room.changed(), None);
        let picked = growth(room, Action::PickRole("sw-hbo-vak".into()));
        let handed = picked.changed().expect("the changed profile");
        assert_eq!(handed.current_role, "sw-hbo-vak");
        // The page gives it back: nothing more to hand over, nothing reset.
        let back = picked.reduce(RoomAction::Given(ladder, Some(Shared::new(handed))));
        assert_eq!(back.changed(), None);
        assert_eq!(back.state.profile.current_role, "sw-hbo-vak");
    }

    #[test]
    fn the_page_giving_back_an_older_profile_the_room_handed_over_changes_nothing() {
        let ladder = example();
        let room = Rc::new(Room::new(&ladder, None));
        let first = growth(room, Action::PickRole("sw-hbo-vak".into()));
        let one = first.changed().unwrap();
        let first = first.reduce(RoomAction::Handed(Box::new(one.clone())));
        let second = growth(first, Action::PickRole("teamleider".into()));
        let two = second.changed().unwrap();
        let second = second.reduce(RoomAction::Handed(Box::new(two.clone())));
        // The page's answers come late: the first, then the second.
        let late = second.reduce(RoomAction::Given(ladder.clone(), Some(Shared::new(one))));
        assert_eq!(late.state.profile.current_role, "teamleider");
        let back = late.reduce(RoomAction::Given(ladder, Some(Shared::new(two))));
        assert_eq!(back.state.profile.current_role, "teamleider");
        assert_eq!(back.changed(), None);
    }

    #[test]
    fn the_conversation_mode_hands_nothing_over_and_leaving_it_brings_the_own_profile_back() {
        let ladder = example();
        let own = sanne();
        let room = Rc::new(Room::new(&ladder, Some(&own)));
        let talking = room.reduce(RoomAction::Conversation(true));
        assert!(
            talking.state.profile.current_role.is_empty(),
            "nothing until a file is opened"
        );
        // The colleague's profile (as a file read would give it), an agreement added.
        let mut theirs = Profile::in_role_of(&ladder.ladder, "sw-hbo-start");
        theirs.agreements.push(doorgroei::paths::Agreement {
            action: "Registratie aanvragen".into(),
            by: None,
            done: false,
        });
        let talking = growth(talking, Action::SetProfile(theirs));
        let talking = growth(
            talking,
            Action::Edit(Box::new(|p| {
                p.agreements.push(doorgroei::paths::Agreement {
                    action: "Intervisie voorzitten".into(),
                    by: None,
                    done: false,
                })
            })),
        );
        assert_eq!(talking.state.profile.agreements.len(), 2);
        assert_eq!(
            talking.changed(),
            None,
            "the manager's browser keeps their own"
        );
        // The page gives its profile again meanwhile: nothing changes.
        let talking = talking.reduce(RoomAction::Given(ladder.clone(), Some(own.clone())));
        assert_eq!(talking.state.profile.current_role, "sw-hbo-start");
        let back = talking.reduce(RoomAction::Conversation(false));
        assert_eq!(ProfileFile::from(back.state.profile.clone()), *own);
        assert_eq!(back.changed(), None);
    }

    #[test]
    fn a_profile_deleted_on_the_page_starts_the_room_again() {
        let ladder = example();
        let room = Rc::new(Room::new(&ladder, Some(&sanne())));
        assert_eq!(room.state.profile.goals, vec!["praktijkopleider"]);
        let erased = room.reduce(RoomAction::Given(ladder.clone(), None));
        assert_eq!(erased.state.profile, fit_profile(&ladder.ladder, None));
        assert_eq!(erased.changed(), None);
    }

    #[test]
    fn another_ladder_fits_the_profile_and_hands_the_fitted_one_over() {
        let room = Rc::new(Room::new(&example(), Some(&sanne())));
        assert_eq!(room.changed(), None);
        let moved = room.reduce(RoomAction::Given(flat(), Some(sanne())));
        let handed = moved.changed().expect("the fitted profile");
        assert_ne!(handed.current_role, "sw-hbo-vak");
        assert!(moved.state.planning.is_some(), "a plan on the new ladder");
    }
}
