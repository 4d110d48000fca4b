//! The editor's state and reducer: the draft ladder file, the file it is
//! compared with, the undo and redo lists (each an [`Edit`]'s inverse, so
//! undo is applying it), and the role selected. Every change is a core
//! edit (`doorgroei::edit`); the reducer only keeps the lists.

use std::collections::BTreeMap;
use std::fmt;
use std::rc::Rc;

use doorgroei::edit::{self, Edit, EditError};
use doorgroei::format::LadderFile;
use doorgroei::Bilingual;
use serde::{Deserialize, Serialize};

/// How many steps undo keeps.
pub const UNDO_STEPS: usize = 200;

/// The editor's state.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// The draft.
    pub file: Rc<LadderFile>,
    /// The ladder as opened or last downloaded: "Wat is er veranderd?" compares with it.
    pub base: Rc<LadderFile>,
    /// The file's name (for the download and the page).
    pub name: String,
    /// Whether the file as opened had comments, which a download drops.
    pub had_comments: bool,
    /// Inverses of the steps done, newest last.
    pub undo: Vec<Edit>,
    /// Steps undone, newest last.
    pub redo: Vec<Edit>,
    /// The role shown in the form.
    pub selected: Option<String>,
    /// What the last step typed into (a field of a role or a step): typing
    /// on in the same field makes that step longer instead of a new one.
    pub typing: Option<String>,
    /// Why the last edit could not be made.
    pub refused: Option<EditError>,
    /// Text typed that does not read (a number, requirements), by field.
    pub unread: BTreeMap<String, Bilingual>,
}

/// Makes the edit for a text typed, from the draft as it is when the
/// text arrives (keys typed faster than the page draws each make their
/// edit from the draft before them), or says why the text does not read.
#[derive(Clone)]
pub struct Make(pub Rc<MakeFn>);

/// Text typed and the draft → the edit, or why the text does not read.
pub type MakeFn = dyn Fn(&str, &LadderFile) -> Result<Edit, Bilingual>;

impl fmt::Debug for Make {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Make")
    }
}

/// What the user does.
#[derive(Clone, Debug)]
pub enum Action {
    /// Starts a new draft from `file` (clears the lists).
    Start {
        file: LadderFile,
        name: String,
        had_comments: bool,
    },
    /// One step.
    Edit(Edit),
    /// Typing in a field (`field` names it): steps in the same field one
    /// after another are one undo.
    Type {
        edit: Edit,
        field: String,
    },
    /// Text typed in `field`, made into an edit by `make` from the draft
    /// as it is when the text arrives.
    Typed {
        field: String,
        text: String,
        make: Make,
    },
    /// "Functie toevoegen": a new role, selected.
    AddRole,
    /// A copy of the role, selected.
    Duplicate(String),
    Undo,
    Redo,
    Select(Option<String>),
    /// The draft was downloaded: changes are counted from here.
    Downloaded,
}

/// What is kept in the browser between visits (`doorgroei.concept`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Saved {
    /// Always 1.
    pub version: u32,
    pub name: String,
    #[serde(default)]
    pub had_comments: bool,
    pub base: LadderFile,
    pub draft: LadderFile,
    #[serde(default)]
    pub selected: Option<String>,
}

impl State {
    /// A draft of `file`, unchanged.
    pub fn new(file: LadderFile, name: String, had_comments: bool) -> State {
        let file = Rc::new(file);
        State {
            base: file.clone(),
            file,
            name,
            had_comments,
            undo: Vec::new(),
            redo: Vec::new(),
            selected: None,
            typing: None,
            refused: None,
            unread: BTreeMap::new(),
        }
    }

    /// The draft as it was saved.
    pub fn restored(saved: Saved) -> State {
        let mut state = State::new(saved.base, saved.name, saved.had_comments);
        state.file = Rc::new(saved.draft);
        state.selected = saved
            .selected
            .filter(|id| state.file.roles.iter().any(|r| &r.id == id));
        state
    }

    /// What to keep in the browser.
    pub fn saved(&self) -> Saved {
        Saved {
            version: 1,
            name: self.name.clone(),
            had_comments: self.had_comments,
            base: (*self.base).clone(),
            draft: (*self.file).clone(),
            selected: self.selected.clone(),
        }
    }

    /// Whether the draft differs from the file it started from (or was last downloaded as).
    pub fn changed(&self) -> bool {
        self.file != self.base
    }

    pub fn reduce(&self, action: Action) -> State {
        let mut next = self.clone();
        next.refused = None;
        match action {
            Action::Start {
                file,
                name,
                had_comments,
            } => return State::new(file, name, had_comments),
            Action::Edit(edit) => {
                next.typing = None;
                next.step(&edit, None);
            }
            Action::Type { edit, field } => {
                next.step(&edit, Some(field));
            }
            Action::Typed { field, text, make } => match (make.0)(&text, &next.file) {
                Ok(edit) => {
                    next.unread.remove(&field);
                    next.step(&edit, Some(field));
                }
                Err(why) => {
                    next.unread.insert(field, why);
                }
            },
            Action::AddRole => {
                next.typing = None;
                let edit = edit::add_new_role(&next.file);
                if next.step(&edit, None) {
                    next.selected = next.file.roles.last().map(|r| r.id.clone());
                }
            }
            Action::Duplicate(id) => {
                next.typing = None;
                let at = next.file.roles.iter().position(|r| r.id == id);
                if next.step(&Edit::DuplicateRole { id }, None) {
                    let copy = at.and_then(|i| next.file.roles.get(i + 1));
                    next.selected = copy.map(|r| r.id.clone());
                }
            }
            Action::Undo => next.redo_or_undo(true),
            Action::Redo => next.redo_or_undo(false),
            Action::Select(id) => {
                next.typing = None;
                next.selected = id;
            }
            Action::Downloaded => next.base = next.file.clone(),
        }
        next
    }

    /// Applies `edit`; typing in `field` again merges with the step
    /// before. False (and why, in `refused`) when it could not apply.
    fn step(&mut self, edit: &Edit, field: Option<String>) -> bool {
        match edit::apply(&self.file, edit) {
            Ok((file, inverse)) => {
                let selected = self.selected.as_ref().and_then(|id| {
                    let at = self.file.roles.iter().position(|r| &r.id == id)?;
                    Some((at, self.file.roles.len()))
                });
                self.file = Rc::new(file);
                self.follow(selected);
                let merge = field.is_some() && field == self.typing;
                match (merge, self.undo.pop()) {
                    (true, Some(before)) => self.undo.push(Edit::Group {
                        edits: vec![inverse, before],
                    }),
                    (_, before) => {
                        self.undo.extend(before);
                        self.undo.push(inverse);
                    }
                }
                if self.undo.len() > UNDO_STEPS {
                    self.undo.remove(0);
                }
                self.redo.clear();
                self.typing = field;
                true
            }
            Err(why) => {
                self.refused = Some(why);
                false
            }
        }
    }

    /// Undoes the last step (or redoes the last undone one).
    fn redo_or_undo(&mut self, undo: bool) {
        self.typing = None;
        let (from, to) = if undo {
            (&mut self.undo, &mut self.redo)
        } else {
            (&mut self.redo, &mut self.undo)
        };
        let Some(edit) = from.pop() else { return };
        match edit::apply(&self.file, &edit) {
            Ok((file, inverse)) => {
                let selected = self.selected.as_ref().and_then(|id| {
                    let at = self.file.roles.iter().position(|r| &r.id == id)?;
                    Some((at, self.file.roles.len()))
                });
                to.push(inverse);
                self.file = Rc::new(file);
                self.follow(selected);
            }
            Err(why) => self.refused = Some(why),
        }
    }

    /// Keeps the same role selected when its id changed (the role at the
    /// same place among as many roles); none when it is gone.
    fn follow(&mut self, before: Option<(usize, usize)>) {
        let Some(id) = &self.selected else { return };
        if self.file.roles.iter().any(|r| &r.id == id) {
            return;
        }
        self.selected = match before {
            Some((at, count)) if count == self.file.roles.len() => {
                self.file.roles.get(at).map(|r| r.id.clone())
            }
            _ => None,
        };
    }
}

#[cfg(test)]
mod tests {
    //! Steps and what the editor holds after each.

    use super::*;
    use doorgroei::edit::{set_dutch_name, RoleField};
    use doorgroei::format::load_ladder_file;
    use doorgroei::ladder::Level;

    const VLAK: &str = include_str!("../../../pathways/welzijn-vlak.yaml");

    fn vlak() -> LadderFile {
        load_ladder_file("vlak.yaml", VLAK).unwrap().1
    }

    /// What the editor shows after a step: role ids, number of steps,
    /// selected role, undo and redo lengths, changed.
    #[derive(Debug, PartialEq)]
    struct Seen {
        roles: Vec<String>,
        transitions: usize,
        selected: Option<String>,
        undo: usize,
        redo: usize,
        changed: bool,
    }

    fn seen(s: &State) -> Seen {
        Seen {
            roles: s.file.roles.iter().map(|r| r.id.clone()).collect(),
            transitions: s.file.transitions.len(),
            selected: s.selected.clone(),
            undo: s.undo.len(),
            redo: s.redo.len(),
            changed: s.changed(),
        }
    }

    fn expect(
        roles: &[&str],
        transitions: usize,
        selected: Option<&str>,
        undo: usize,
        redo: usize,
        changed: bool,
    ) -> Seen {
        Seen {
            roles: roles.iter().map(|r| r.to_string()).collect(),
            transitions,
            selected: selected.map(str::to_string),
            undo,
            redo,
            changed,
        }
    }

    /// Runs `steps` from `start`, each made from the state before it, and
    /// checks what is seen after each.
    /// A step: the action, made from the state before it.
    type StepFn<'a> = &'a dyn Fn(&State) -> Action;

    fn check(start: LadderFile, steps: Vec<(StepFn, Seen)>) {
        let mut state = State::new(start, "f.yaml".into(), false);
        for (i, (make, expected)) in steps.into_iter().enumerate() {
            state = state.reduce(make(&state));
            assert_eq!(seen(&state), expected, "after step {}", i + 1);
        }
    }

    fn named(s: &State, nl: &str) -> Action {
        let id = s.selected.clone().unwrap();
        Action::Type {
            edit: set_dutch_name(&s.file, &id, nl).unwrap(),
            field: "name-nl".into(),
        }
    }

    #[test]
    fn building_from_empty() {
        let v = ["nieuwe-functie"];
        check(
            LadderFile::empty(),
            vec![
                (
                    &|_| Action::AddRole,
                    expect(&v, 0, Some("nieuwe-functie"), 1, 0, true),
                ),
                // Typing a name: the id follows; one undo for the typing.
                (&|s| named(s, "T"), expect(&["t"], 0, Some("t"), 2, 0, true)),
                (
                    &|s| named(s, "Te"),
                    expect(&["te"], 0, Some("te"), 2, 0, true),
                ),
                (
                    &|_| Action::AddRole,
                    expect(
                        &["te", "nieuwe-functie"],
                        0,
                        Some("nieuwe-functie"),
                        3,
                        0,
                        true,
                    ),
                ),
                (
                    &|_| {
                        Action::Edit(edit::add_transition(
                            &LadderFile::empty(),
                            "te",
                            "nieuwe-functie",
                        ))
                    },
                    expect(
                        &["te", "nieuwe-functie"],
                        1,
                        Some("nieuwe-functie"),
                        4,
                        0,
                        true,
                    ),
                ),
                (
                    &|_| Action::Undo,
                    expect(
                        &["te", "nieuwe-functie"],
                        0,
                        Some("nieuwe-functie"),
                        3,
                        1,
                        true,
                    ),
                ),
                (&|_| Action::Undo, expect(&["te"], 0, None, 2, 2, true)),
                // Undoing the typing goes back to the name before it, id and all.
                (
                    &|s| Action::Select(s.file.roles.first().map(|r| r.id.clone())),
                    expect(&["te"], 0, Some("te"), 2, 2, true),
                ),
                (
                    &|_| Action::Undo,
                    expect(&["nieuwe-functie"], 0, Some("nieuwe-functie"), 1, 3, true),
                ),
                (
                    &|_| Action::Redo,
                    expect(&["te"], 0, Some("te"), 2, 2, true),
                ),
                (
                    &|_| Action::Undo,
                    expect(&["nieuwe-functie"], 0, Some("nieuwe-functie"), 1, 3, true),
                ),
                (&|_| Action::Undo, expect(&[], 0, None, 0, 4, false)),
                (&|_| Action::Undo, expect(&[], 0, None, 0, 4, false)),
                (&|_| Action::Redo, expect(&v, 0, None, 1, 3, true)),
                // A new step forgets what was undone.
                (
                    &|_| Action::AddRole,
                    expect(
                        &["nieuwe-functie", "nieuwe-functie-2"],
                        0,
                        Some("nieuwe-functie-2"),
                        2,
                        0,
                        true,
                    ),
                ),
                (
                    &|_| Action::Downloaded,
                    expect(
                        &["nieuwe-functie", "nieuwe-functie-2"],
                        0,
                        Some("nieuwe-functie-2"),
                        2,
                        0,
                        false,
                    ),
                ),
            ],
        );
    }

    #[test]
    fn roles_removed_copied_and_refused() {
        let all = [
            "sociaal-werker-mbo",
            "sociaal-werker-hbo",
            "jongerenwerker",
            "teamleider",
        ];
        check(
            vlak(),
            vec![
                (
                    &|_| Action::Select(Some("teamleider".into())),
                    expect(&all, 5, Some("teamleider"), 0, 0, false),
                ),
                (
                    &|_| Action::Duplicate("teamleider".into()),
                    expect(
                        &[
                            "sociaal-werker-mbo",
                            "sociaal-werker-hbo",
                            "jongerenwerker",
                            "teamleider",
                            "teamleider-2",
                        ],
                        5,
                        Some("teamleider-2"),
                        1,
                        0,
                        true,
                    ),
                ),
                (&|_| Action::Undo, expect(&all, 5, None, 0, 1, false)),
                (
                    &|s| Action::Edit(edit::remove_role(&s.file, "jongerenwerker")),
                    expect(
                        &["sociaal-werker-mbo", "sociaal-werker-hbo", "teamleider"],
                        2,
                        None,
                        1,
                        0,
                        true,
                    ),
                ),
                (&|_| Action::Undo, expect(&all, 5, None, 0, 1, false)),
                // Renamed to an id in use: refused, nothing changes.
                (
                    &|_| {
                        Action::Edit(Edit::RenameRole {
                            id: "teamleider".into(),
                            new_id: "jongerenwerker".into(),
                        })
                    },
                    expect(&all, 5, None, 0, 1, false),
                ),
                (
                    &|_| Action::Select(Some("teamleider".into())),
                    expect(&all, 5, Some("teamleider"), 0, 1, false),
                ),
                // A hand-made id carries the selection along.
                (
                    &|_| Action::Type {
                        edit: Edit::RenameRole {
                            id: "teamleider".into(),
                            new_id: "tl".into(),
                        },
                        field: "id".into(),
                    },
                    expect(
                        &[
                            "sociaal-werker-mbo",
                            "sociaal-werker-hbo",
                            "jongerenwerker",
                            "tl",
                        ],
                        5,
                        Some("tl"),
                        1,
                        0,
                        true,
                    ),
                ),
                (
                    &|_| {
                        Action::Edit(Edit::SetRole {
                            id: "tl".into(),
                            field: RoleField::Level(Level::Senior),
                        })
                    },
                    expect(
                        &[
                            "sociaal-werker-mbo",
                            "sociaal-werker-hbo",
                            "jongerenwerker",
                            "tl",
                        ],
                        5,
                        Some("tl"),
                        2,
                        0,
                        true,
                    ),
                ),
            ],
        );
        let s = State::new(vlak(), "f".into(), false).reduce(Action::Edit(Edit::RenameRole {
            id: "teamleider".into(),
            new_id: "jongerenwerker".into(),
        }));
        assert_eq!(s.refused, Some(EditError::IdInUse("jongerenwerker".into())));
    }

    #[test]
    fn undo_keeps_at_most_its_steps_and_saves_round_trip() {
        let mut s = State::new(LadderFile::empty(), "f".into(), false);
        for _ in 0..UNDO_STEPS + 5 {
            s = s.reduce(Action::AddRole);
        }
        assert_eq!(s.undo.len(), UNDO_STEPS);
        for _ in 0..UNDO_STEPS + 5 {
            s = s.reduce(Action::Undo);
        }
        assert_eq!(s.file.roles.len(), 5, "the oldest steps are forgotten");
        let back = State::restored(
            serde_json::from_str(&serde_json::to_string(&s.saved()).unwrap()).unwrap(),
        );
        assert_eq!((back.file, back.base, back.name), (s.file, s.base, s.name));
    }

    /// Keys typed faster than the page draws: each makes its edit from the
    /// draft as it is then, so none is lost; text that does not read is
    /// kept as a field's problem until it does.
    #[test]
    fn typed_text_is_made_from_the_draft_as_it_is_then() {
        let name = Make(Rc::new(|text: &str, f: &LadderFile| {
            let id = f.roles[0].id.clone();
            set_dutch_name(f, &id, text).ok_or_else(|| Bilingual::new("", ""))
        }));
        let scale = Make(Rc::new(|text: &str, f: &LadderFile| {
            let n = text
                .parse::<u8>()
                .map_err(|_| Bilingual::new("geen getal", "not a number"))?;
            let scale = doorgroei::format::ScaleFile {
                min: n,
                ..f.roles[0].scale
            };
            Ok(Edit::SetRole {
                id: f.roles[0].id.clone(),
                field: RoleField::Scale(scale),
            })
        }));
        let typed = |make: &Make, field: &str, text: &str| Action::Typed {
            field: field.into(),
            text: text.into(),
            make: make.clone(),
        };
        let mut s = State::new(LadderFile::empty(), "f".into(), false).reduce(Action::AddRole);
        for text in ["W", "Wi", "Wij", "Wijk"] {
            s = s.reduce(typed(&name, "name", text));
        }
        assert_eq!(
            (
                s.file.roles[0].id.as_str(),
                s.file.roles[0].name.nl.as_str()
            ),
            ("wijk", "Wijk")
        );
        assert_eq!(s.undo.len(), 2, "the typing is one step");
        s = s.reduce(typed(&scale, "scale", "x"));
        assert_eq!(
            s.unread.get("scale").map(|b| b.nl.as_str()),
            Some("geen getal")
        );
        assert_eq!(s.undo.len(), 2, "nothing changed");
        s = s.reduce(typed(&scale, "scale", "7"));
        assert!(s.unread.is_empty());
        assert_eq!(s.file.roles[0].scale.min, 7);
        s = s.reduce(Action::Undo).reduce(Action::Undo);
        assert_eq!(s.file.roles[0].id, "nieuwe-functie");
    }
}
