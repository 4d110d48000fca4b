//! The app's state and its transitions. Every decision is a core function;
//! this file only wires them into yew's reducer.

use std::rc::Rc;

use doorgroei::format::load_ladder;
use doorgroei::scan::{scan, Finding};
use doorgroei::{Ladder, Lang, LoadErrors};
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
    pub errors: Option<Rc<LoadErrors>>,
    /// A saved state could not be read and was replaced.
    pub storage_reset: bool,
}

impl PartialEq for State {
    fn eq(&self, other: &Self) -> bool {
        self.lang == other.lang
            && self.source == other.source
            && self.selected == other.selected
            && self.focused_finding == other.focused_finding
            && self.errors == other.errors
            && self.storage_reset == other.storage_reset
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
}

/// What is kept in localStorage between visits.
#[derive(Serialize, Deserialize)]
pub struct Saved {
    pub version: u32,
    pub lang: Lang,
    pub ladder: Source,
}

/// The saved-state format this build writes.
pub const SAVE_VERSION: u32 = 1;

impl State {
    /// A state from a saved one, or the example when there is none or it cannot be used.
    pub fn restore(saved: Option<Result<Saved, ()>>) -> State {
        let example = || {
            let ladder = load_ladder(EXAMPLE_NAME, EXAMPLE_TEXT)
                .expect("the built-in example is valid (tested)");
            (Source::example(), ladder)
        };
        let (lang, (source, ladder), storage_reset) = match saved {
            None => (Lang::Nl, example(), false),
            Some(Ok(saved)) if saved.version == SAVE_VERSION => {
                match load_ladder(&saved.ladder.name, &saved.ladder.text) {
                    Ok(ladder) => (saved.lang, (saved.ladder, ladder), false),
                    Err(_) => (saved.lang, example(), true),
                }
            }
            Some(_) => (Lang::Nl, example(), true),
        };
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
        }
    }

    /// What to save.
    pub fn saved(&self) -> Saved {
        Saved {
            version: SAVE_VERSION,
            lang: self.lang,
            ladder: self.source.clone(),
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
                }
                Err(errors) => next.errors = Some(Rc::new(errors)),
            },
            Action::ResetExample => {
                let mut fresh = State::restore(None);
                fresh.lang = next.lang;
                next = fresh;
            }
            Action::Select(id) => next.selected = id,
            Action::FocusFinding(i) => next.focused_finding = i,
            Action::DismissErrors => {
                next.errors = None;
                next.storage_reset = false;
            }
        }
        Rc::new(next)
    }
}
