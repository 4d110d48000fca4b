//! Edits to a ladder file, as data (after ProseMirror's steps): each
//! [`Edit`] applies to a [`LadderFile`] and gives back its inverse, so undo
//! is applying the inverse and redo applying the edit again; an undo list
//! is a list of edits, which the web app can keep and send as JSON.
//!
//! Edits work on the file type, not on the [`crate::Ladder`] model: while
//! someone types, the file may be invalid (a mix that adds up to 90, a
//! scale upside down). [`crate::format::check_ladder_file`] says what is
//! wrong, in the loader's words, at the field's path.
//!
//! Roles are named by id; transitions, which have no id, by their place in
//! the list. An edit that cannot apply (no such role, a place past the end,
//! an id already in use) changes nothing and says why ([`EditError`]).
//!
//! Undo is exact: for a file whose role ids are all different, applying an
//! edit and then its inverse gives back the same file, field for field and
//! in the same order (a property test applies random sequences of edits and
//! then their inverses). The edits keep ids different: a role is never
//! added, copied or renamed to an id in use.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::format::{
    LadderFile, PartTimeFile, PayScaleFile, RoleFile, ScaleFile, TransitionFile, LADDER_SCHEMA,
};
use crate::i18n::{Bilingual, Lang, Noun};
use crate::ladder::{
    Competency, Education, Level, Proficiency, Requirement, Track, TransitionKind,
};
use crate::sort;

/// One change to a ladder file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "edit", rename_all = "snake_case")]
pub enum Edit {
    /// Puts `role` at `index` of the roles (0 is first, the number of roles
    /// is last) and each of `transitions` at its index, in the order given
    /// (the inverse of removing a role puts its transitions back).
    AddRole {
        /// Where among the roles.
        index: usize,
        /// The role; no role may have its id yet.
        role: RoleFile,
        /// Transitions to put back with it, by ascending index.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        transitions: Vec<Placed>,
    },
    /// Removes the role and the transitions at `transitions` (ascending
    /// indexes): [`remove_role`] lists those that start or end at the role.
    RemoveRole {
        /// The role's id.
        id: String,
        /// The transitions that go with it.
        transitions: Vec<usize>,
    },
    /// Puts a copy of the role right after it: a new id, `(kopie)` /
    /// `(copy)` after its names, no transitions.
    DuplicateRole {
        /// The role to copy.
        id: String,
    },
    /// Changes a role's id and every transition that uses it. Refused when
    /// `new_id` is in use (by a role or a transition).
    RenameRole {
        /// The role's id now.
        id: String,
        /// Its new id.
        new_id: String,
    },
    /// Sets one field of a role.
    SetRole {
        /// The role's id.
        id: String,
        /// The field and its new value.
        field: RoleField,
    },
    /// Sets the level a role asks of its competency at `index` (0 is
    /// first); the inverse sets the level it had.
    SetCompetencyLevel {
        /// The role's id.
        id: String,
        /// Which of its competencies.
        index: usize,
        /// The level asked.
        level: Proficiency,
    },
    /// Puts a transition at `index` (the number of transitions is last).
    AddTransition {
        /// Where among the transitions.
        index: usize,
        /// The transition.
        transition: TransitionFile,
    },
    /// Removes the transition at `index`.
    RemoveTransition {
        /// Which transition.
        index: usize,
    },
    /// Sets one field of the transition at `index`.
    SetTransition {
        /// Which transition.
        index: usize,
        /// The field and its new value.
        field: TransitionField,
    },
    /// Sets one of the organisation's fields.
    SetLadder {
        /// The field and its new value.
        field: LadderField,
    },
    /// Several edits as one step (one undo): applied in order; if one
    /// cannot apply, none is.
    Group {
        /// The edits.
        edits: Vec<Edit>,
    },
}

/// A transition and its place in the list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Placed {
    /// Its index.
    pub index: usize,
    /// The transition.
    pub transition: TransitionFile,
}

/// A role's field with a value. In JSON: `{"field": "level", "value": "senior"}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "field", content = "value", rename_all = "snake_case")]
pub enum RoleField {
    /// Names in both languages.
    Name(Bilingual),
    /// Experience level.
    Level(Level),
    /// Percentages per track.
    Mix(BTreeMap<Track, u8>),
    /// CAO scale range.
    Scale(ScaleFile),
    /// Required education.
    Education(Education),
    /// Whether the role manages people.
    ManagesPeople(bool),
    /// Competencies, each at a level.
    Competencies(Vec<Competency>),
    /// Description in both languages.
    Description(Option<Bilingual>),
    /// Whether people are hired into the role (none: by level).
    Entry(Option<bool>),
}

/// A transition's field with a value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "field", content = "value", rename_all = "snake_case")]
pub enum TransitionField {
    /// Source role id.
    From(String),
    /// Target role id.
    To(String),
    /// What kind of step.
    Kind(TransitionKind),
    /// Minimum years in the source role.
    MinYears(f64),
    /// What the step asks.
    Requirements(Vec<Requirement>),
}

/// One of the organisation's fields with a value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "field", content = "value", rename_all = "snake_case")]
pub enum LadderField {
    /// The organisation's name.
    Organisation(String),
    /// What the ladder is.
    Description(Option<Bilingual>),
    /// Where the pay amounts come from.
    PayReference(Option<String>),
    /// The pay scales table.
    PayScales(Vec<PayScaleFile>),
    /// How minimum years count for part-timers.
    PartTime(Option<PartTimeFile>),
}

/// What can be listed by place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Item {
    /// A role.
    Role,
    /// A transition.
    Transition,
    /// A competency of a role.
    Competency,
}

/// Why an edit could not apply. Nothing was changed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum EditError {
    /// No role has this id.
    UnknownRole(String),
    /// A role or a transition already uses this id.
    IdInUse(String),
    /// A place past the end of a list (`index` counts from 0).
    NoPlace {
        /// Roles or transitions.
        what: Item,
        /// The place asked for.
        index: usize,
        /// How many there are.
        count: usize,
    },
}

const ROLE: Noun = Noun::new(["functie", "functies"], ["role", "roles"]);
const TRANSITION: Noun = Noun::new(["overgang", "overgangen"], ["transition", "transitions"]);
const COMPETENCY: Noun = Noun::new(
    ["competentie", "competenties"],
    ["competency", "competencies"],
);

impl EditError {
    /// The reason, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (EditError::UnknownRole(id), Lang::Nl) => format!("er is geen functie met id '{id}'"),
            (EditError::UnknownRole(id), Lang::En) => format!("there is no role with id '{id}'"),
            (EditError::IdInUse(id), Lang::Nl) => {
                format!("de id '{id}' is al in gebruik; kies een andere")
            }
            (EditError::IdInUse(id), Lang::En) => {
                format!("the id '{id}' is already in use; choose another")
            }
            (&EditError::NoPlace { what, index, count }, lang) => {
                let noun = match what {
                    Item::Role => ROLE,
                    Item::Transition => TRANSITION,
                    Item::Competency => COMPETENCY,
                };
                let (place, n) = (index + 1, noun.count(count as u64, lang));
                match (lang, count) {
                    (Lang::Nl, 1) => format!("er is geen plaats {place}: er is {n}"),
                    (Lang::Nl, _) => format!("er is geen plaats {place}: er zijn {n}"),
                    (Lang::En, 1) => format!("there is no place {place}: there is {n}"),
                    (Lang::En, _) => format!("there is no place {place}: there are {n}"),
                }
            }
        }
    }
}

impl std::fmt::Display for EditError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for EditError {}

/// Applies `edit` to a copy of `file`: the new file and the edit that
/// undoes it.
pub fn apply(file: &LadderFile, edit: &Edit) -> Result<(LadderFile, Edit), EditError> {
    let mut file = file.clone();
    let inverse = apply_in_place(&mut file, edit)?;
    Ok((file, inverse))
}

/// Applies `edit` to `file` and returns the edit that undoes it. When the
/// edit cannot apply, `file` is left as it was.
pub fn apply_in_place(file: &mut LadderFile, edit: &Edit) -> Result<Edit, EditError> {
    match edit {
        Edit::AddRole {
            index,
            role,
            transitions,
        } => add_role(file, *index, role, transitions),
        Edit::RemoveRole { id, transitions } => {
            let at = role_index(file, id)?;
            let count = file.transitions.len();
            let mut previous = None;
            for &i in transitions {
                if i >= count || previous.is_some_and(|p| i <= p) {
                    return Err(no_place(Item::Transition, i, count));
                }
                previous = Some(i);
            }
            let role = file.roles.remove(at);
            let mut placed = Vec::with_capacity(transitions.len());
            for &index in transitions.iter().rev() {
                let transition = file.transitions.remove(index);
                placed.push(Placed { index, transition });
            }
            placed.reverse();
            Ok(Edit::AddRole {
                index: at,
                role,
                transitions: placed,
            })
        }
        Edit::DuplicateRole { id } => {
            let at = role_index(file, id)?;
            let original = &file.roles[at];
            let mut copy = original.clone();
            copy.id = unique_id(file, &original.id, None);
            copy.name = Bilingual::new(
                format!("{} (kopie)", original.name.nl),
                format!("{} (copy)", original.name.en),
            );
            let new_id = copy.id.clone();
            file.roles.insert(at + 1, copy);
            Ok(Edit::RemoveRole {
                id: new_id,
                transitions: Vec::new(),
            })
        }
        Edit::RenameRole { id, new_id } => {
            let at = role_index(file, id)?;
            if new_id == id {
                return Ok(edit.clone());
            }
            if id_in_use(file, new_id, None) {
                return Err(EditError::IdInUse(new_id.clone()));
            }
            file.roles[at].id.clone_from(new_id);
            for t in &mut file.transitions {
                for end in [&mut t.from, &mut t.to] {
                    if end == id {
                        end.clone_from(new_id);
                    }
                }
            }
            Ok(Edit::RenameRole {
                id: new_id.clone(),
                new_id: id.clone(),
            })
        }
        Edit::SetRole { id, field } => {
            let at = role_index(file, id)?;
            let old = set_role_field(&mut file.roles[at], field.clone());
            Ok(Edit::SetRole {
                id: id.clone(),
                field: old,
            })
        }
        Edit::SetCompetencyLevel { id, index, level } => {
            let at = role_index(file, id)?;
            let competencies = &mut file.roles[at].competencies;
            let count = competencies.len();
            let competency = competencies
                .get_mut(*index)
                .ok_or_else(|| no_place(Item::Competency, *index, count))?;
            let old = std::mem::replace(&mut competency.level, *level);
            Ok(Edit::SetCompetencyLevel {
                id: id.clone(),
                index: *index,
                level: old,
            })
        }
        Edit::AddTransition { index, transition } => {
            let count = file.transitions.len();
            if *index > count {
                return Err(no_place(Item::Transition, *index, count));
            }
            file.transitions.insert(*index, transition.clone());
            Ok(Edit::RemoveTransition { index: *index })
        }
        Edit::RemoveTransition { index } => {
            transition_at(file, *index)?;
            let transition = file.transitions.remove(*index);
            Ok(Edit::AddTransition {
                index: *index,
                transition,
            })
        }
        Edit::SetTransition { index, field } => {
            transition_at(file, *index)?;
            let old = set_transition_field(&mut file.transitions[*index], field.clone());
            Ok(Edit::SetTransition {
                index: *index,
                field: old,
            })
        }
        Edit::SetLadder { field } => Ok(Edit::SetLadder {
            field: set_ladder_field(file, field.clone()),
        }),
        Edit::Group { edits } => {
            let before = file.clone();
            let mut inverses = Vec::with_capacity(edits.len());
            for e in edits {
                match apply_in_place(file, e) {
                    Ok(inverse) => inverses.push(inverse),
                    Err(err) => {
                        *file = before;
                        return Err(err);
                    }
                }
            }
            inverses.reverse();
            Ok(Edit::Group { edits: inverses })
        }
    }
}

fn add_role(
    file: &mut LadderFile,
    index: usize,
    role: &RoleFile,
    transitions: &[Placed],
) -> Result<Edit, EditError> {
    if index > file.roles.len() {
        return Err(no_place(Item::Role, index, file.roles.len()));
    }
    if file.roles.iter().any(|r| r.id == role.id) {
        return Err(EditError::IdInUse(role.id.clone()));
    }
    let mut previous = None;
    for (k, p) in transitions.iter().enumerate() {
        let count = file.transitions.len() + k;
        if p.index > count || previous.is_some_and(|q| p.index <= q) {
            return Err(no_place(Item::Transition, p.index, count));
        }
        previous = Some(p.index);
    }
    file.roles.insert(index, role.clone());
    for p in transitions {
        file.transitions.insert(p.index, p.transition.clone());
    }
    Ok(Edit::RemoveRole {
        id: role.id.clone(),
        transitions: transitions.iter().map(|p| p.index).collect(),
    })
}

fn no_place(what: Item, index: usize, count: usize) -> EditError {
    EditError::NoPlace { what, index, count }
}

fn role_index(file: &LadderFile, id: &str) -> Result<usize, EditError> {
    file.roles
        .iter()
        .position(|r| r.id == id)
        .ok_or_else(|| EditError::UnknownRole(id.to_string()))
}

fn transition_at(file: &LadderFile, index: usize) -> Result<(), EditError> {
    let count = file.transitions.len();
    if index < count {
        Ok(())
    } else {
        Err(no_place(Item::Transition, index, count))
    }
}

/// Sets `field` of `role` and returns the field's old value.
fn set_role_field(role: &mut RoleFile, field: RoleField) -> RoleField {
    fn swap<T>(slot: &mut T, value: T) -> T {
        std::mem::replace(slot, value)
    }
    match field {
        RoleField::Name(v) => RoleField::Name(swap(&mut role.name, v)),
        RoleField::Level(v) => RoleField::Level(swap(&mut role.level, v)),
        RoleField::Mix(v) => RoleField::Mix(swap(&mut role.mix, v)),
        RoleField::Scale(v) => RoleField::Scale(swap(&mut role.scale, v)),
        RoleField::Education(v) => RoleField::Education(swap(&mut role.education, v)),
        RoleField::ManagesPeople(v) => RoleField::ManagesPeople(swap(&mut role.manages_people, v)),
        RoleField::Competencies(v) => RoleField::Competencies(swap(&mut role.competencies, v)),
        RoleField::Description(v) => RoleField::Description(swap(&mut role.description, v)),
        RoleField::Entry(v) => RoleField::Entry(swap(&mut role.entry, v)),
    }
}

fn set_transition_field(t: &mut TransitionFile, field: TransitionField) -> TransitionField {
    use std::mem::replace;
    match field {
        TransitionField::From(v) => TransitionField::From(replace(&mut t.from, v)),
        TransitionField::To(v) => TransitionField::To(replace(&mut t.to, v)),
        TransitionField::Kind(v) => TransitionField::Kind(replace(&mut t.kind, v)),
        TransitionField::MinYears(v) => TransitionField::MinYears(replace(&mut t.min_years, v)),
        TransitionField::Requirements(v) => {
            TransitionField::Requirements(replace(&mut t.requirements, v))
        }
    }
}

fn set_ladder_field(file: &mut LadderFile, field: LadderField) -> LadderField {
    use std::mem::replace;
    match field {
        LadderField::Organisation(v) => {
            LadderField::Organisation(replace(&mut file.organisation, v))
        }
        LadderField::Description(v) => LadderField::Description(replace(&mut file.description, v)),
        LadderField::PayReference(v) => {
            LadderField::PayReference(replace(&mut file.pay_reference, v))
        }
        LadderField::PayScales(v) => LadderField::PayScales(replace(&mut file.pay_scales, v)),
        LadderField::PartTime(v) => LadderField::PartTime(replace(&mut file.part_time, v)),
    }
}

/// The value `role` has for the field `like` names (`like`'s value is not read).
pub fn role_field(role: &RoleFile, like: &RoleField) -> RoleField {
    match like {
        RoleField::Name(_) => RoleField::Name(role.name.clone()),
        RoleField::Level(_) => RoleField::Level(role.level),
        RoleField::Mix(_) => RoleField::Mix(role.mix.clone()),
        RoleField::Scale(_) => RoleField::Scale(role.scale),
        RoleField::Education(_) => RoleField::Education(role.education),
        RoleField::ManagesPeople(_) => RoleField::ManagesPeople(role.manages_people),
        RoleField::Competencies(_) => RoleField::Competencies(role.competencies.clone()),
        RoleField::Description(_) => RoleField::Description(role.description.clone()),
        RoleField::Entry(_) => RoleField::Entry(role.entry),
    }
}

/// Whether `id` is a role's id (other than the role `own`) or an end of a
/// transition (other than one of `own`'s).
fn id_in_use(file: &LadderFile, id: &str, own: Option<&str>) -> bool {
    if own == Some(id) {
        return false;
    }
    file.roles.iter().any(|r| r.id == id)
        || file.transitions.iter().any(|t| t.from == id || t.to == id)
}

/// Indexes of the transitions that start or end at the role `id`.
pub fn transitions_of(file: &LadderFile, id: &str) -> Vec<usize> {
    file.transitions
        .iter()
        .enumerate()
        .filter(|(_, t)| t.from == id || t.to == id)
        .map(|(i, _)| i)
        .collect()
}

/// Removing the role `id` and every transition that starts or ends there.
pub fn remove_role(file: &LadderFile, id: &str) -> Edit {
    Edit::RemoveRole {
        id: id.to_string(),
        transitions: transitions_of(file, id),
    }
}

/// The role "Functie toevoegen" adds: *Nieuwe functie* / *New role*,
/// junior, all practice, the ladder's lowest scale (or 6), hbo, with an
/// id made from its Dutch name that is not in use.
pub fn new_role(file: &LadderFile) -> RoleFile {
    let name = Bilingual::new("Nieuwe functie", "New role");
    let lowest = file
        .roles
        .iter()
        .map(|r| r.scale.min)
        .chain(file.pay_scales.iter().map(|p| p.scale))
        .min()
        .unwrap_or(6);
    RoleFile {
        id: unique_id(file, &slug(&name.nl), None),
        name,
        level: Level::Junior,
        mix: sort::map_of([(Track::Practice, 100)]),
        scale: ScaleFile {
            min: lowest,
            max: lowest,
        },
        education: Education::Hbo,
        manages_people: false,
        competencies: Vec::new(),
        description: None,
        entry: None,
    }
}

/// Adding [`new_role`] after the last role.
pub fn add_new_role(file: &LadderFile) -> Edit {
    Edit::AddRole {
        index: file.roles.len(),
        role: new_role(file),
        transitions: Vec::new(),
    }
}

/// An id for a role named `name` (Dutch): made from the name by [`slug`],
/// with `-2`, `-3`, … when that is in use by another role than `own` or by
/// a transition that is not `own`'s.
pub fn role_id(file: &LadderFile, name: &str, own: Option<&str>) -> String {
    unique_id(file, &slug(name), own)
}

fn unique_id(file: &LadderFile, base: &str, own: Option<&str>) -> String {
    let ends = file
        .transitions
        .iter()
        .flat_map(|t| [t.from.as_str(), t.to.as_str()]);
    let used: BTreeSet<&str> = sort::set_of(
        file.roles
            .iter()
            .map(|r| r.id.as_str())
            .chain(ends)
            .filter(|&id| Some(id) != own),
    );
    if !used.contains(base) {
        return base.to_string();
    }
    // One more than there are ids is always enough.
    (2..=used.len() + 2)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !used.contains(id.as_str()))
        .unwrap_or_else(|| format!("{base}-{}", used.len() + 2))
}

/// A name as an id: lower case, accents dropped, words joined by `-`, only
/// `a`–`z`, `0`–`9` and `-` (`Coördinator leren & ontwikkelen` →
/// `coordinator-leren-ontwikkelen`); `functie` when nothing is left.
pub fn slug(name: &str) -> String {
    let mut id = String::with_capacity(name.len());
    let mut gap = false;
    for c in name.chars() {
        // Combining accents (a decomposed `é`) are left out.
        if ('\u{300}'..='\u{36f}').contains(&c) {
            continue;
        }
        let plain = match c.to_lowercase().next().unwrap_or(c) {
            c @ ('a'..='z' | '0'..='9') => Some(c.to_string()),
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => Some("a".into()),
            'æ' => Some("ae".into()),
            'ç' | 'č' | 'ć' => Some("c".into()),
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ė' => Some("e".into()),
            'ì' | 'í' | 'î' | 'ï' | 'ī' => Some("i".into()),
            'ĳ' => Some("ij".into()),
            'ñ' | 'ń' => Some("n".into()),
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' => Some("o".into()),
            'œ' => Some("oe".into()),
            'ß' => Some("ss".into()),
            'š' | 'ś' | 'ş' => Some("s".into()),
            'ù' | 'ú' | 'û' | 'ü' | 'ū' => Some("u".into()),
            'ý' | 'ÿ' => Some("y".into()),
            'ž' | 'ź' | 'ż' => Some("z".into()),
            _ => None,
        };
        match plain {
            Some(p) => {
                if gap && !id.is_empty() {
                    id.push('-');
                }
                gap = false;
                id.push_str(&p);
            }
            None => gap = true,
        }
    }
    if id.is_empty() {
        "functie".into()
    } else {
        id
    }
}

/// A ladder file with nothing in it yet.
pub fn empty_ladder() -> LadderFile {
    LadderFile::empty()
}

/// A ladder to start from, after the CAO Sociaal Werk: social workers in the
/// sector's experience phases (*startbekwaam*, *vakbekwaam*, *vakvolwassen*)
/// for MBO and HBO, steps up within each and across to HBO with the
/// diploma, and two hybrid roles the sector knows: the *praktijkopleider*
/// (practice and teaching) and the *aandachtsfunctionaris meldcode*
/// (practice and policy). Pay: CAO amounts of 1 July 2024, to be replaced.
pub fn starter_ladder() -> LadderFile {
    use Education::{Hbo, Mbo4};
    use Level::{Junior, Medior, Senior};
    use Track::{Policy, Practice, Teaching};
    let role = |id: &str,
                name: [&str; 2],
                level,
                mix: &[(Track, u8)],
                scale: [u8; 2],
                education,
                competencies: &[&str]| RoleFile {
        id: id.into(),
        name: Bilingual::new(name[0], name[1]),
        level,
        mix: sort::map_of(mix.iter().copied()),
        scale: ScaleFile {
            min: scale[0],
            max: scale[1],
        },
        education,
        manages_people: false,
        competencies: competencies.iter().map(|&c| Competency::new(c)).collect(),
        description: None,
        entry: None,
    };
    let step =
        |from: &str, to: &str, kind, min_years, requirements: Vec<Requirement>| TransitionFile {
            from: from.into(),
            to: to.into(),
            kind,
            min_years,
            requirements,
        };
    let practice = &[(Practice, 100)];
    let mut praktijkopleider = role(
        "praktijkopleider",
        ["Praktijkopleider", "Practice trainer"],
        Senior,
        &[(Practice, 50), (Teaching, 50)],
        [9, 10],
        Hbo,
        &["Coachen", "Begeleiden van stagiairs"],
    );
    praktijkopleider.description = Some(Bilingual::new(
        "Sociaal werker die ook stagiairs en nieuwe collega's opleidt, en daarvoor betaald wordt.",
        "Social worker who also trains interns and new colleagues, and is paid for it.",
    ));
    let mut aandachtsfunctionaris = role(
        "aandachtsfunctionaris",
        [
            "Aandachtsfunctionaris meldcode",
            "Domestic violence code officer",
        ],
        Senior,
        &[(Practice, 70), (Policy, 30)],
        [9, 9],
        Hbo,
        &["Veiligheidstaxatie", "Adviseren van collega's"],
    );
    aandachtsfunctionaris.description = Some(Bilingual::new(
        "Adviseert collega's bij vermoedens van huiselijk geweld en houdt de meldcode actueel.",
        "Advises colleagues on suspected domestic violence and keeps the reporting code up to date.",
    ));
    let hbo = Requirement::Education(Hbo);
    let registered = Requirement::Qualification("Registratie Registerplein".into());
    let pay = |scale, min, max| PayScaleFile { scale, min, max };
    LadderFile {
        schema: LADDER_SCHEMA.into(),
        organisation: "Mijn organisatie".into(),
        description: Some(Bilingual::new(
            "Een begin met de ervaringsfasen van de CAO Sociaal Werk voor MBO en HBO en twee combinatiefuncties. Pas het aan aan de eigen organisatie.",
            "A start with the experience phases of the CAO Sociaal Werk for MBO and HBO and two hybrid roles. Adapt it to your own organisation.",
        )),
        pay_reference: Some(
            "CAO Sociaal Werk, bruto per maand bij 36 uur, per 1 juli 2024 (minimum = begin van de schaal, maximum = trede 8). Vervang door de eigen bedragen.".into(),
        ),
        pay_scales: vec![
            pay(6, 2774, 3485),
            pay(7, 3026, 3774),
            pay(8, 3282, 4051),
            pay(9, 3490, 4371),
            pay(10, 3802, 4830),
        ],
        part_time: Some(PartTimeFile {
            full_time_hours: 36.0,
            stretch_min_years: true,
        }),
        roles: vec![
            role("sw-mbo-start", ["Sociaal werker MBO startbekwaam", "Social worker (MBO) starting"], Junior, practice, [6, 7], Mbo4, &["Gespreksvoering", "Signaleren"]),
            role("sw-mbo-vak", ["Sociaal werker MBO vakbekwaam", "Social worker (MBO) competent"], Medior, practice, [7, 8], Mbo4, &["Gespreksvoering", "Groepswerk"]),
            role("sw-mbo-vakvolwassen", ["Sociaal werker MBO vakvolwassen", "Social worker (MBO) experienced"], Senior, practice, [8, 9], Mbo4, &["Groepswerk", "Methodisch werken"]),
            role("sw-hbo-start", ["Sociaal werker HBO startbekwaam", "Social worker (HBO) starting"], Junior, practice, [7, 8], Hbo, &["Gespreksvoering", "Methodisch werken"]),
            role("sw-hbo-vak", ["Sociaal werker HBO vakbekwaam", "Social worker (HBO) competent"], Medior, practice, [8, 9], Hbo, &["Methodisch werken", "Complexe casuïstiek"]),
            role("sw-hbo-vakvolwassen", ["Sociaal werker HBO vakvolwassen", "Social worker (HBO) experienced"], Senior, practice, [9, 10], Hbo, &["Complexe casuïstiek", "Intervisie begeleiden"]),
            praktijkopleider,
            aandachtsfunctionaris,
        ],
        transitions: vec![
            step("sw-mbo-start", "sw-mbo-vak", TransitionKind::Promotion, 2.0, vec![registered.clone()]),
            step("sw-mbo-start", "sw-hbo-start", TransitionKind::Lateral, 0.0, vec![hbo.clone()]),
            step("sw-mbo-vak", "sw-mbo-vakvolwassen", TransitionKind::Promotion, 3.0, vec![Requirement::Competency("Methodisch werken".into())]),
            step("sw-mbo-vak", "sw-hbo-vak", TransitionKind::Lateral, 1.0, vec![hbo.clone()]),
            step("sw-mbo-vakvolwassen", "sw-hbo-vakvolwassen", TransitionKind::Lateral, 1.0, vec![hbo]),
            step("sw-hbo-start", "sw-hbo-vak", TransitionKind::Promotion, 2.0, vec![registered]),
            step("sw-hbo-vak", "sw-hbo-vakvolwassen", TransitionKind::Promotion, 3.0, vec![Requirement::Competency("Complexe casuïstiek".into())]),
            step("sw-hbo-vak", "aandachtsfunctionaris", TransitionKind::Hybrid, 2.0, vec![Requirement::Training("Aandachtsfunctionaris meldcode".into())]),
            step("sw-hbo-vakvolwassen", "praktijkopleider", TransitionKind::Hybrid, 1.0, vec![Requirement::Training("Kopopleiding coaching".into())]),
            step("aandachtsfunctionaris", "praktijkopleider", TransitionKind::Lateral, 1.0, vec![Requirement::Training("Kopopleiding coaching".into())]),
        ],
    }
}

/// Setting the Dutch name of the role `id` to `nl`. While the role's id is
/// the one its Dutch name gives ([`role_id`]: made from the name, never
/// edited by hand), the id follows the new name, and with it the
/// transitions that use it: one step (a [`Edit::Group`]), so one undo.
/// `None` when there is no such role.
pub fn set_dutch_name(file: &LadderFile, id: &str, nl: &str) -> Option<Edit> {
    let role = file.roles.iter().find(|r| r.id == id)?;
    let name = Edit::SetRole {
        id: id.to_string(),
        field: RoleField::Name(Bilingual::new(nl, role.name.en.clone())),
    };
    let follows = role_id(file, &role.name.nl, Some(id)) == id;
    let new_id = role_id(file, nl, Some(id));
    if !follows || new_id == id {
        return Some(name);
    }
    Some(Edit::Group {
        edits: vec![
            name,
            Edit::RenameRole {
                id: id.to_string(),
                new_id,
            },
        ],
    })
}

/// The words for the kinds of requirement, as [`Requirement::describe`]
/// writes them: Dutch, then English.
const REQUIREMENT_WORDS: [(&str, &str); 4] = [
    ("opleiding", "education"),
    ("training", "training"),
    ("kwalificatie", "qualification"),
    ("competentie", "competency"),
];

/// A role's competencies as text to edit: one per line, a name alone at
/// `voldoende`, else `name: level` (`Netwerkregie: sterk`).
pub fn competencies_text(competencies: &[Competency], lang: Lang) -> String {
    let lines: Vec<String> = competencies
        .iter()
        .map(|c| match c.level {
            Proficiency::Sufficient => c.name.clone(),
            level => format!("{}: {}", c.name, level.label(lang)),
        })
        .collect();
    lines.join("\n")
}

/// Reads the text [`competencies_text`] writes: after the last `:` a level
/// in Dutch or English (`sterk`, `strong`), or the whole line is the name
/// (at `voldoende`). Blank lines are skipped.
pub fn parse_competencies(text: &str) -> Vec<Competency> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|line| {
            let leveled = line.rsplit_once(':').and_then(|(name, level)| {
                let level = Proficiency::read(level)?;
                let name = name.trim();
                (!name.is_empty()).then(|| Competency {
                    name: name.to_string(),
                    level,
                })
            });
            leveled.unwrap_or_else(|| Competency::new(line))
        })
        .collect()
}

/// A transition's requirements as text to edit: one per line, as
/// [`Requirement::describe`] writes them (`training: Kopopleiding coaching`,
/// `opleiding: hbo`), the education by its file name so it reads back.
pub fn requirements_text(requirements: &[Requirement], lang: Lang) -> String {
    let mut out = String::new();
    for r in requirements {
        let (kind, what) = match r {
            Requirement::Education(e) => (0, e.as_str().to_string()),
            Requirement::Training(s) => (1, s.clone()),
            Requirement::Qualification(s) => (2, s.clone()),
            Requirement::Competency(s) => (3, s.clone()),
        };
        let (nl, en) = REQUIREMENT_WORDS[kind];
        let word = if lang == Lang::Nl { nl } else { en };
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&format!("{word}: {what}"));
    }
    out
}

/// Reads the text [`requirements_text`] writes, with the kinds in Dutch or
/// English and an education by its file name or its label (`hbo`,
/// `MBO 4`, `bachelor (HBO)`), ignoring case. Blank lines are skipped.
/// The first line that does not read gives its reason, in both languages,
/// with its line number.
pub fn parse_requirements(text: &str) -> Result<Vec<Requirement>, Bilingual> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate().map(|(i, l)| (i + 1, l.trim())) {
        if line.is_empty() {
            continue;
        }
        let Some((word, what)) = line.split_once(':') else {
            return Err(Bilingual::new(
                format!("regel {n}: schrijf de soort eis, een dubbele punt en wat er gevraagd wordt, zoals 'training: Kopopleiding coaching'"),
                format!("line {n}: write the kind of requirement, a colon and what is asked, like 'training: Kopopleiding coaching'"),
            ));
        };
        let (word, what) = (word.trim().to_lowercase(), what.trim());
        let Some(kind) = REQUIREMENT_WORDS
            .iter()
            .position(|(nl, en)| word == *nl || word == *en)
        else {
            return Err(Bilingual::new(
                format!("regel {n}: '{word}' is geen soort eis; kies opleiding, training, kwalificatie of competentie"),
                format!("line {n}: '{word}' is not a kind of requirement; choose education, training, qualification or competency"),
            ));
        };
        if what.is_empty() {
            return Err(Bilingual::new(
                format!("regel {n}: na '{word}:' ontbreekt wat er gevraagd wordt"),
                format!("line {n}: what is asked is missing after '{word}:'"),
            ));
        }
        out.push(match kind {
            0 => {
                let plain = |s: &str| s.to_lowercase().replace(' ', "");
                let found = Education::ALL.iter().find(|e| {
                    [e.as_str(), e.label(Lang::Nl), e.label(Lang::En)]
                        .iter()
                        .any(|name| plain(name) == plain(what))
                });
                match found {
                    Some(&e) => Requirement::Education(e),
                    None => {
                        let names: Vec<&str> = Education::ALL.iter().map(|e| e.as_str()).collect();
                        let (init, last) = names.split_at(names.len().saturating_sub(1));
                        let (init, last) = (init.join(", "), last.join(""));
                        let (nl, en) = (format!("{init} of {last}"), format!("{init} or {last}"));
                        return Err(Bilingual::new(
                            format!("regel {n}: '{what}' is geen opleiding; kies {nl}"),
                            format!("line {n}: '{what}' is not an education; choose {en}"),
                        ));
                    }
                }
            }
            1 => Requirement::Training(what.to_string()),
            2 => Requirement::Qualification(what.to_string()),
            _ => Requirement::Competency(what.to_string()),
        });
    }
    Ok(out)
}

/// Adding a step from the role `from` to `to` after the last transition,
/// as "Overgang toevoegen" and a drag on the drawing do: its kind guessed
/// from the two roles (into a role of more tracks than `from`'s: hybrid; to
/// a higher level: promotion; otherwise a lateral move), no minimum years
/// and no requirements yet. An unknown id is left as given (the check
/// names it).
pub fn add_transition(file: &LadderFile, from: &str, to: &str) -> Edit {
    let role = |id: &str| file.roles.iter().find(|r| r.id == id);
    let tracks = |r: &RoleFile| r.mix.values().filter(|&&p| p > 0).count();
    let kind = match (role(from), role(to)) {
        (Some(a), Some(b)) if tracks(b) > 1 && tracks(b) > tracks(a) => TransitionKind::Hybrid,
        (Some(a), Some(b)) if b.level > a.level => TransitionKind::Promotion,
        _ => TransitionKind::Lateral,
    };
    Edit::AddTransition {
        index: file.transitions.len(),
        transition: TransitionFile {
            from: from.to_string(),
            to: to.to_string(),
            kind,
            min_years: 0.0,
            requirements: Vec::new(),
        },
    }
}
