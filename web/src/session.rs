//! What the rooms share: the language, the open workspace, the ladder and
//! the roster. The ladder belongs to the Functiehuis room and the roster to
//! Mentorkoppeling: each is replaced whole by its room (a new [`Shared`]
//! value, announced as an [`Event`]) and only read by the others.

use doorgroei::exchange::TextFile;
use doorgroei::format::ladder_from_json;
use doorgroei::matching::Assignment;
use doorgroei::roster::Roster;
use doorgroei::{Ladder, Lang};
use serde::{Deserialize, Serialize};

use crate::shared::Shared;

/// The built-in example: a ladder with room to grow.
pub const EXAMPLE_NAME: &str = "welzijn-groeit.yaml";
/// Its JSON form, read from `pathways/` at build time (`build.rs`).
pub const EXAMPLE_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/example-ladder.json"));

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
    /// Peer-consultation groups and who is due for supervision.
    Intervisie,
}

/// The ladder shown, and its file.
#[derive(Debug)]
pub struct LadderInUse {
    /// The ladder file in its JSON form, as the worker read it (what is
    /// saved, and what goes with a request that needs the ladder).
    pub file: TextFile,
    /// The ladder.
    pub ladder: Ladder,
}

impl LadderInUse {
    /// A ladder file in its JSON form, read on the page; `None` if it is not one.
    pub fn read(file: TextFile) -> Option<LadderInUse> {
        let ladder = ladder_from_json(&file.text)?;
        Some(LadderInUse { file, ladder })
    }

    /// The ladder a room's module shows for `json` (from the file `name`):
    /// the one it showed `before` when the text is the same, else read
    /// (one the module cannot read, which only a bug would cause, shows as
    /// the example). With its JSON form, to compare the next call with.
    #[allow(dead_code)] // (the rooms' modules', not the page's)
    pub fn kept_or_read(
        before: Option<&(String, Shared<LadderInUse>)>,
        json: String,
        name: String,
    ) -> (String, Shared<LadderInUse>) {
        match before {
            Some(b) if b.0 == json => b.clone(),
            _ => {
                let file = TextFile {
                    name,
                    text: json.clone(),
                };
                let read = LadderInUse::read(file).unwrap_or_else(LadderInUse::example);
                (json, Shared::new(read))
            }
        }
    }

    /// The built-in example.
    pub fn example() -> LadderInUse {
        let file = TextFile {
            name: EXAMPLE_NAME.into(),
            text: EXAMPLE_JSON.into(),
        };
        LadderInUse::read(file)
            // (Not `expect`: that would keep every error's `Debug` in the build.)
            .unwrap_or_else(|| unreachable!("the built-in example is valid (build.rs read it)"))
    }

    /// True for the built-in example.
    pub fn is_example(&self) -> bool {
        self.file.name == EXAMPLE_NAME && self.file.text == EXAMPLE_JSON
    }
}

/// The roster as it stands (imported people, people added here, the current
/// pairs) and its pairs explained.
#[derive(Debug)]
pub struct RosterInUse {
    /// The file it came from; `None` for a roster begun here.
    pub name: Option<String>,
    /// The people and their pairs.
    pub roster: Roster,
    /// The pairs explained and who is without a mentor.
    pub outcome: Assignment,
    /// The worker's planner has it already (it came whole with a review):
    /// it need not be handed over.
    pub in_worker: bool,
    /// Its JSON form, written once when first needed: what is saved, what
    /// a request sends, what a room's module gets, the worker's key.
    json: std::cell::OnceCell<std::rc::Rc<str>>,
    /// The key the worker keeps it under and the fingerprints of its
    /// pairs, worked out once (see `doorgroei::exchange::answer_planner_with`).
    kept: std::cell::OnceCell<(u64, Vec<u64>)>,
}

impl RosterInUse {
    pub fn new(name: Option<String>, roster: Roster, outcome: Assignment) -> RosterInUse {
        RosterInUse {
            name,
            roster,
            outcome,
            in_worker: false,
            json: std::cell::OnceCell::new(),
            kept: std::cell::OnceCell::new(),
        }
    }

    /// The same, with its JSON form as it was given (not written again).
    #[allow(dead_code)] // (the rooms' modules' host.rs)
    pub fn with_json(mut self, json: std::rc::Rc<str>) -> RosterInUse {
        self.json = std::cell::OnceCell::from(json);
        self
    }

    /// The roster in its JSON form.
    pub fn json(&self) -> &str {
        self.shared_json()
    }

    /// The same, shared (a roster explained again keeps the text).
    pub fn shared_json(&self) -> &std::rc::Rc<str> {
        self.json
            .get_or_init(|| doorgroei::format::roster_to_json(&self.roster).into())
    }

    /// The key the worker keeps it under, and its pairs' fingerprints.
    #[allow(dead_code)] // (the page's, not the rooms' modules')
    pub fn kept(&self) -> &(u64, Vec<u64>) {
        self.kept.get_or_init(|| {
            let pairs = self.outcome.pairs.iter().map(|p| p.fingerprint());
            (
                doorgroei::exchange::roster_key(self.json()),
                pairs.collect(),
            )
        })
    }
}

/// What every room may read.
#[derive(Clone, Debug, PartialEq)]
pub struct Session {
    pub lang: Lang,
    /// The open workspace.
    pub tab: Tab,
    /// The ladder (the Functiehuis room's).
    pub ladder: Shared<LadderInUse>,
    /// The roster, once there is one (the Mentorkoppeling room's).
    pub roster: Option<Shared<RosterInUse>>,
}

/// What a room changed that the other rooms see.
#[derive(Debug)]
pub enum Event {
    /// The Functiehuis room has a new ladder.
    LadderChanged(Shared<LadderInUse>),
    /// The Mentorkoppeling room's roster changed (or is gone).
    RosterChanged(Option<Shared<RosterInUse>>),
}
