//! The function ladder: roles and the transitions between them, as a graph.
//!
//! Architecture invariant: a [`Ladder`] is always valid. It is only built by
//! [`crate::format::load_ladder`], which checks ids, references, mixes,
//! ranges and promotion cycles, so analyses never meet a dangling id.

use std::collections::BTreeMap;

use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableDiGraph};
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use serde::{Deserialize, Serialize};

use crate::i18n::{Bilingual, Lang};
use crate::sort;

macro_rules! named_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident { $( $(#[$vmeta:meta])* $variant:ident = $text:literal / $nl:literal / $en:literal ),* $(,)? }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        pub enum $name {
            $( $(#[$vmeta])* #[serde(rename = $text)] $variant ),*
        }

        impl $name {
            /// Every value, in order.
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// The name used in files and on the command line.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),* }
            }

            /// The name shown to people.
            pub fn label(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $( ($name::$variant, Lang::Nl) => $nl, ($name::$variant, Lang::En) => $en, )*
                }
            }

            /// Parses the name used in files.
            pub fn parse(text: &str) -> Option<$name> {
                match text { $($text => Some($name::$variant),)* _ => None }
            }
        }
    };
}

named_enum! {
    /// Experience level. The sector's own words are *startbekwaam*,
    /// *vakbekwaam* and *vakvolwassen*; `lead` is for roles above senior.
    pub enum Level {
        /// Starting professional (startbekwaam), including career switchers.
        Junior = "junior" / "junior" / "junior",
        /// Competent professional (vakbekwaam).
        Medior = "medior" / "medior" / "medior",
        /// Experienced professional (vakvolwassen).
        Senior = "senior" / "senior" / "senior",
        /// Above senior: leading specialists, managers.
        Lead = "lead" / "leidend" / "lead",
    }
}

named_enum! {
    /// A kind of work. A role's mix spreads it over one or more tracks; the
    /// order here is the order of the lanes in the drawing, chosen so that the
    /// common hybrids (practice with policy, practice with teaching) are neighbours.
    pub enum Track {
        /// Policy work (beleid).
        Policy = "policy" / "beleid" / "policy",
        /// Casework with clients (uitvoering).
        Practice = "practice" / "uitvoering" / "practice",
        /// Teaching and training (opleiden).
        Teaching = "teaching" / "opleiden" / "teaching",
        /// Practice research (onderzoek).
        Research = "research" / "onderzoek" / "research",
        /// Coordinating without line management (coördinatie).
        Coordination = "coordination" / "coördinatie" / "coordination",
        /// Managing people (leidinggeven).
        Management = "management" / "leidinggeven" / "management",
    }
}

named_enum! {
    /// Required education, in increasing order.
    pub enum Education {
        /// MBO level 4 (e.g. MBO Sociaal Werk).
        Mbo4 = "mbo4" / "mbo 4" / "MBO level 4",
        /// HBO bachelor (e.g. Bachelor Social Work).
        Hbo = "hbo" / "hbo" / "bachelor (HBO)",
        /// Master (e.g. Master Social Work).
        Master = "master" / "master" / "master",
    }
}

named_enum! {
    /// What kind of step a transition is.
    pub enum TransitionKind {
        /// Up a level.
        Promotion = "promotion" / "promotie" / "promotion",
        /// Sideways, same level.
        Lateral = "lateral" / "zijstap" / "lateral move",
        /// Into a role that combines tracks.
        Hybrid = "hybrid" / "combinatiefunctie" / "hybrid role",
        /// Deeper into a field.
        Specialisation = "specialisation" / "specialisatie" / "specialisation",
    }
}

named_enum! {
    /// How far a competency goes: what a role asks (`basic`, `sufficient`,
    /// `strong`) and what a person says of themselves (also `not_yet`).
    /// Files write the Dutch words and read the English ones too.
    pub enum Proficiency {
        /// Not yet (nog niet): only a person's own rating, never asked.
        #[serde(alias = "not_yet")]
        NotYet = "nog_niet" / "nog niet" / "not yet",
        /// Basic (basis).
        #[serde(alias = "basic")]
        Basic = "basis" / "basis" / "basic",
        /// Sufficient (voldoende): what a plain competency name asks.
        #[serde(alias = "sufficient")]
        Sufficient = "voldoende" / "voldoende" / "sufficient",
        /// Strong (sterk).
        #[serde(alias = "strong")]
        Strong = "sterk" / "sterk" / "strong",
    }
}

impl Proficiency {
    /// The words a file may write, Dutch and English, as messages list them.
    pub const FILE_WORDS: [(&'static str, &'static str); 4] = [
        ("nog_niet", "not_yet"),
        ("basis", "basic"),
        ("voldoende", "sufficient"),
        ("sterk", "strong"),
    ];

    /// Reads the Dutch word of the files or the English one.
    pub fn read(text: &str) -> Option<Proficiency> {
        let text = text.trim();
        Proficiency::ALL.iter().copied().find(|p| {
            text.eq_ignore_ascii_case(p.as_str())
                || text.eq_ignore_ascii_case(p.label(Lang::Nl))
                || text.eq_ignore_ascii_case(p.label(Lang::En))
                || text.eq_ignore_ascii_case(&p.label(Lang::En).replace(' ', "_"))
        })
    }
}

/// A competency a role asks for, at a level. In a file a plain name asks
/// `voldoende`; `{name: …, level: basis|voldoende|sterk}` says the level.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Competency {
    /// The competency, as named in transitions' requirements.
    pub name: String,
    /// The level the role asks.
    pub level: Proficiency,
}

impl Competency {
    /// A competency at `voldoende`, what a plain name asks.
    pub fn new(name: impl Into<String>) -> Competency {
        Competency {
            name: name.into(),
            level: Proficiency::Sufficient,
        }
    }

    /// Like `Netwerkregie (sterk)`; just the name at `voldoende`.
    pub fn label(&self, lang: Lang) -> String {
        match self.level {
            Proficiency::Sufficient => self.name.clone(),
            level => format!("{} ({})", self.name, level.label(lang)),
        }
    }
}

impl From<&str> for Competency {
    /// A plain name: `voldoende`.
    fn from(name: &str) -> Competency {
        Competency::new(name)
    }
}

/// The mapping form of a competency in a file.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct LeveledCompetency {
    name: String,
    level: Proficiency,
}

impl Serialize for Competency {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.level {
            Proficiency::Sufficient => s.serialize_str(&self.name),
            level => LeveledCompetency {
                name: self.name.clone(),
                level,
            }
            .serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for Competency {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Competency, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = Competency;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a competency")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Competency, E> {
                Ok(Competency::new(v))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<Competency, A::Error> {
                let c = LeveledCompetency::deserialize(
                    serde::de::value::MapAccessDeserializer::new(map),
                )?;
                Ok(Competency {
                    name: c.name,
                    level: c.level,
                })
            }
        }
        d.deserialize_any(Visit)
    }
}

/// A track mix: the percentage of the role spent on each track (sums to 100).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Mix([u8; 6]);

impl Mix {
    /// A mix from (track, percentage) pairs; later pairs for the same track add up.
    pub fn from_pairs(pairs: impl IntoIterator<Item = (Track, u8)>) -> Mix {
        let mut shares = [0u8; 6];
        for (track, pct) in pairs {
            let slot = &mut shares[track_slot(track)];
            *slot = slot.saturating_add(pct);
        }
        Mix(shares)
    }

    /// The percentage spent on `track`.
    pub fn share(&self, track: Track) -> u8 {
        self.0[track_slot(track)]
    }

    /// Tracks with a share above zero, largest share first (ties in lane order).
    pub fn tracks(&self) -> Vec<(Track, u8)> {
        let mut tracks: Vec<(Track, u8)> = Track::ALL
            .iter()
            .map(|&t| (t, self.share(t)))
            .filter(|&(_, s)| s > 0)
            .collect();
        sort::sort_by(&mut tracks, |a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        tracks
    }

    /// The track with the largest share.
    pub fn primary(&self) -> Track {
        self.tracks().first().map_or(Track::Practice, |&(t, _)| t)
    }

    /// True when the role spends time on more than one track.
    pub fn is_hybrid(&self) -> bool {
        self.tracks().len() > 1
    }

    /// Like `60% uitvoering, 40% opleiden`.
    pub fn describe(&self, lang: Lang) -> String {
        let parts: Vec<String> = self
            .tracks()
            .iter()
            .map(|(t, s)| format!("{s}% {}", t.label(lang)))
            .collect();
        parts.join(", ")
    }
}

fn track_slot(track: Track) -> usize {
    Track::ALL.iter().position(|&t| t == track).unwrap_or(0)
}

/// An inclusive range of CAO salary scales.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScaleRange {
    /// Lowest scale.
    pub min: u8,
    /// Highest scale.
    pub max: u8,
}

impl ScaleRange {
    /// Like `schaal 9–10` / `scale 9–10`.
    pub fn label(&self, lang: Lang) -> String {
        match lang {
            Lang::Nl => format!("schaal {self}"),
            Lang::En => format!("scale {self}"),
        }
    }
}

impl std::fmt::Display for ScaleRange {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.min == self.max {
            write!(f, "{}", self.min)
        } else {
            write!(f, "{}–{}", self.min, self.max)
        }
    }
}

/// Gross monthly pay in whole euros for one scale, from the ladder file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PayRange {
    /// Lowest amount in the scale.
    pub min: u32,
    /// Highest amount the organisation lists for the scale.
    pub max: u32,
}

impl PayRange {
    /// `€ 3.490 – € 4.830` / `€3,490 – €4,830` (see [`crate::i18n::money`]).
    pub fn label(&self, lang: Lang) -> String {
        use crate::i18n::money;
        format!("{} – {}", money(self.min, lang), money(self.max, lang))
    }
}

impl std::fmt::Display for PayRange {
    /// `€ 3490 – € 4830`, the same in both languages.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "€ {} – € {}", self.min, self.max)
    }
}

/// One function in the organisation.
#[derive(Clone, Debug, PartialEq)]
pub struct Role {
    /// Stable id, used in files and URLs.
    pub id: String,
    /// Name in Dutch and English.
    pub name: Bilingual,
    /// Experience level.
    pub level: Level,
    /// How the work is spread over tracks.
    pub mix: Mix,
    /// CAO salary scales.
    pub scale: ScaleRange,
    /// Required education.
    pub education: Education,
    /// Whether the role manages people (line management).
    pub manages_people: bool,
    /// Competencies the role asks for, each at a level.
    pub competencies: Vec<Competency>,
    /// Optional description.
    pub description: Option<Bilingual>,
    /// Whether people can be hired into this role (default: junior roles).
    pub entry: bool,
}

/// Whether two names of a competency, training or qualification are the
/// same one: the ladder and the profile match them ignoring case and
/// surrounding spaces.
pub fn same_name(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}

impl Role {
    /// The level the role asks of `competency` (names match as
    /// [`same_name`] says): `voldoende` when it does not list it.
    pub fn asks(&self, competency: &str) -> Proficiency {
        self.competencies
            .iter()
            .find(|c| same_name(&c.name, competency))
            .map_or(Proficiency::Sufficient, |c| c.level)
    }
}

/// What a transition asks of a person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Requirement {
    /// A course or training (e.g. *kopopleiding coaching*).
    Training(String),
    /// A qualification or registration (e.g. Registerplein).
    Qualification(String),
    /// A competency, as named in roles' competency lists.
    Competency(String),
    /// A minimum education level.
    Education(Education),
}

/// A possible step from one role to another.
#[derive(Clone, Debug, PartialEq)]
pub struct Transition {
    /// What kind of step.
    pub kind: TransitionKind,
    /// Minimum years in the source role before the step.
    pub min_years: f64,
    /// What the step asks.
    pub requirements: Vec<Requirement>,
}

/// How minimum years count for part-timers.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PartTime {
    /// Hours of a full-time week.
    pub full_time_hours: f64,
    /// Whether minimum years stretch in proportion for part-timers.
    pub stretch_min_years: bool,
}

impl Default for PartTime {
    /// CAO Sociaal Werk: 36 hours, and years count as years whatever the hours.
    fn default() -> Self {
        PartTime {
            full_time_hours: 36.0,
            stretch_min_years: false,
        }
    }
}

impl PartTime {
    /// The most minimum years stretch: three times (a third of full time or
    /// less), so that a small contract does not put every step decades away.
    pub const MAX_STRETCH: f64 = 3.0;

    /// How much longer minimum years take at `hours` a week (1 = not at all,
    /// at most [`PartTime::MAX_STRETCH`]).
    pub fn stretch(&self, hours: f64) -> f64 {
        if self.stretch_min_years
            && hours.is_finite()
            && hours > 0.0
            && hours < self.full_time_hours
        {
            (self.full_time_hours / hours).min(Self::MAX_STRETCH)
        } else {
            1.0
        }
    }
}

/// An organisation's function ladder.
#[derive(Clone, Debug)]
pub struct Ladder {
    pub(crate) organisation: String,
    pub(crate) part_time: PartTime,
    pub(crate) description: Option<Bilingual>,
    pub(crate) pay_reference: Option<String>,
    pub(crate) pay: BTreeMap<u8, PayRange>,
    pub(crate) graph: StableDiGraph<Role, Transition>,
    pub(crate) index: BTreeMap<String, NodeIndex>,
}

/// A transition with its ends, as handed out by [`Ladder::transitions`].
#[derive(Clone, Copy, Debug)]
pub struct Step<'a> {
    /// The edge in the graph.
    pub edge: EdgeIndex,
    /// Source node.
    pub from_node: NodeIndex,
    /// Target node.
    pub to_node: NodeIndex,
    /// Source role.
    pub from: &'a Role,
    /// Target role.
    pub to: &'a Role,
    /// The transition.
    pub transition: &'a Transition,
}

impl Ladder {
    /// The organisation's name.
    pub fn organisation(&self) -> &str {
        &self.organisation
    }

    /// The ladder's description, if the file has one.
    pub fn description(&self) -> Option<&Bilingual> {
        self.description.as_ref()
    }

    /// Where the pay amounts come from (e.g. "CAO Sociaal Werk, 1 juli 2024").
    pub fn pay_reference(&self) -> Option<&str> {
        self.pay_reference.as_deref()
    }

    /// How minimum years count for part-timers.
    pub fn part_time(&self) -> PartTime {
        self.part_time
    }

    /// Gross monthly pay for a scale, when the ladder lists it.
    pub fn pay(&self, scale: u8) -> Option<PayRange> {
        self.pay.get(&scale).copied()
    }

    /// Gross monthly pay in a role: from the lowest amount of its lowest
    /// scale to the highest of its highest, when the ladder lists both.
    pub fn role_pay(&self, role: &Role) -> Option<PayRange> {
        let (low, high) = (self.pay(role.scale.min)?, self.pay(role.scale.max)?);
        Some(PayRange {
            min: low.min,
            max: high.max,
        })
    }

    /// The name of the role with this id in `lang`; the id itself for a
    /// role the ladder does not have (an id from another file).
    pub fn role_name<'a>(&'a self, id: &'a str, lang: Lang) -> &'a str {
        self.role(id).map_or(id, |r| r.name.get(lang))
    }

    /// The role a text names: its id, or its Dutch or English name
    /// (ignoring case, accents, spaces and punctuation, as a roster's role
    /// column is read) when only one role has it.
    pub fn find_role(&self, text: &str) -> Option<&Role> {
        if let Some(role) = self.role(text) {
            return Some(role);
        }
        use crate::format::normalise;
        let wanted = normalise(text);
        let mut found = self.roles().map(|(_, r)| r).filter(|r| {
            [&r.id, &r.name.nl, &r.name.en]
                .iter()
                .any(|n| normalise(n) == wanted)
        });
        let first = found.next()?;
        found.all(|r| r.id == first.id).then_some(first)
    }

    /// The closest role ids and names to a text that names no role, best
    /// first (see [`crate::suggest::closest_few`]).
    pub fn closest_roles(&self, text: &str) -> Vec<String> {
        crate::suggest::closest_few(
            text,
            self.roles()
                .map(|(_, r)| [r.id.as_str(), r.name.nl.as_str(), r.name.en.as_str()]),
        )
    }

    /// The graph itself, for algorithms.
    pub fn graph(&self) -> &StableDiGraph<Role, Transition> {
        &self.graph
    }

    /// Number of roles.
    pub fn len(&self) -> usize {
        self.graph.node_count()
    }

    /// True when the ladder has no roles (a loaded ladder never is).
    pub fn is_empty(&self) -> bool {
        self.graph.node_count() == 0
    }

    /// Roles in file order.
    pub fn roles(&self) -> impl Iterator<Item = (NodeIndex, &Role)> + '_ {
        self.graph.node_indices().map(move |i| (i, &self.graph[i]))
    }

    /// The role with this id.
    pub fn role(&self, id: &str) -> Option<&Role> {
        self.index.get(id).map(|&i| &self.graph[i])
    }

    /// The node of the role with this id.
    pub fn node(&self, id: &str) -> Option<NodeIndex> {
        self.index.get(id).copied()
    }

    /// The role at a node.
    pub fn role_at(&self, node: NodeIndex) -> &Role {
        &self.graph[node]
    }

    /// Transitions in file order.
    pub fn transitions(&self) -> impl Iterator<Item = Step<'_>> + '_ {
        self.graph.edge_indices().filter_map(move |e| self.step(e))
    }

    /// Transitions leaving a role, in file order.
    pub fn outgoing(&self, node: NodeIndex) -> Vec<Step<'_>> {
        let mut steps: Vec<Step<'_>> = self
            .graph
            .edges_directed(node, Direction::Outgoing)
            .filter_map(|e| self.step(e.id()))
            .collect();
        sort::sort_by_key(&mut steps, |s| s.edge.index());
        steps
    }

    fn step(&self, edge: EdgeIndex) -> Option<Step<'_>> {
        let (a, b) = self.graph.edge_endpoints(edge)?;
        Some(Step {
            edge,
            from_node: a,
            to_node: b,
            from: &self.graph[a],
            to: &self.graph[b],
            transition: &self.graph[edge],
        })
    }

    /// Roles people can be hired into.
    pub fn entry_roles(&self) -> Vec<NodeIndex> {
        self.roles()
            .filter(|(_, r)| r.entry)
            .map(|(i, _)| i)
            .collect()
    }
}

impl Requirement {
    /// Like `training: Kopopleiding coaching` / `opleiding: hbo`.
    pub fn describe(&self, lang: Lang) -> String {
        let (nl, en, what) = match self {
            Requirement::Training(s) => ("training", "training", s.clone()),
            Requirement::Qualification(s) => ("kwalificatie", "qualification", s.clone()),
            Requirement::Competency(s) => ("competentie", "competency", s.clone()),
            Requirement::Education(e) => ("opleiding", "education", e.label(lang).to_string()),
        };
        match lang {
            Lang::Nl => format!("{nl}: {what}"),
            Lang::En => format!("{en}: {what}"),
        }
    }
}
