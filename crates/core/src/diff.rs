//! What changed between two versions of a ladder file, for the works
//! council (OR), which must consent to changes of a job-evaluation system
//! (WOR art. 27): roles added, removed and changed field by field (old →
//! new), transitions added, removed and changed, pay scales and the
//! organisation's fields changed, each in a plain sentence in Dutch or
//! English ([`Change::describe`]).
//!
//! Content is compared, not order: roles are known by their id,
//! transitions by their two ends, pay scales by their number (the same key
//! twice, in a file with problems, is matched by occurrence). A role whose
//! id changed is found again when everything else about it is the same, or
//! else when its names are: its id change is one change, its transitions
//! follow it and are not listed again.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::edit::{LadderField, RoleField, TransitionField};
use crate::format::{LadderFile, PartTimeFile, PayScaleFile, RoleFile, TransitionFile};
use crate::i18n::{decimal, join_list, Bilingual, Lang, Noun};
use crate::ladder::{Competency, Mix, Requirement, ScaleRange};
use crate::sort;

/// One difference between two ladder files.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum Change {
    /// One of the organisation's fields (not the pay scales).
    Ladder {
        /// The field as it was.
        old: LadderField,
        /// The field as it is.
        new: LadderField,
    },
    /// A scale in the pay table that was not there.
    PayScaleAdded {
        /// The scale and its amounts.
        scale: PayScaleFile,
    },
    /// A scale no longer in the pay table.
    PayScaleRemoved {
        /// The scale and its amounts.
        scale: PayScaleFile,
    },
    /// A scale's amounts.
    PayScaleChanged {
        /// As they were.
        old: PayScaleFile,
        /// As they are.
        new: PayScaleFile,
    },
    /// A new role.
    RoleAdded {
        /// The role.
        role: RoleFile,
    },
    /// A role no longer there.
    RoleRemoved {
        /// The role as it was.
        role: RoleFile,
    },
    /// A role's id.
    RoleRenamed {
        /// The id it had.
        id: String,
        /// The id it has.
        new_id: String,
        /// Its names as they were.
        name: Bilingual,
    },
    /// One field of a role.
    RoleChanged {
        /// The role's id (as it is now).
        id: String,
        /// Its names as they were: the sentence names the role as the
        /// reader knew it.
        name: Bilingual,
        /// The field as it was.
        old: RoleField,
        /// The field as it is.
        new: RoleField,
    },
    /// A new transition.
    TransitionAdded {
        /// The transition.
        transition: TransitionFile,
        /// The names of the roles it goes from and to.
        names: Ends,
    },
    /// A transition no longer there.
    TransitionRemoved {
        /// The transition as it was.
        transition: TransitionFile,
        /// The names of the roles it went from and to.
        names: Ends,
    },
    /// One field of a transition (its kind, minimum years or requirements:
    /// a transition with other ends is another transition).
    TransitionChanged {
        /// Its source role id.
        from: String,
        /// Its target role id.
        to: String,
        /// The names of those roles.
        names: Ends,
        /// The field as it was.
        old: TransitionField,
        /// The field as it is.
        new: TransitionField,
    },
}

/// The names of a transition's two roles (the id, for an end that is no
/// role).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ends {
    /// The role it goes from.
    pub from: Bilingual,
    /// The role it goes to.
    pub to: Bilingual,
}

/// The changes that turn `old` into `new`: the organisation's fields, pay
/// scales, roles removed, roles added and changed (in `new`'s order),
/// transitions removed, transitions added and changed (in `new`'s order).
/// Empty when the two describe the same ladder.
pub fn diff(old: &LadderFile, new: &LadderFile) -> Vec<Change> {
    let mut changes = Vec::new();
    ladder_fields(old, new, &mut changes);
    pay_scales(old, new, &mut changes);
    let renames = roles(old, new, &mut changes);
    transitions(old, new, &renames, &mut changes);
    changes
}

/// `1 verandering`, `3 changes`; `geen verschillen` / `no differences`.
pub fn count(changes: &[Change], lang: Lang) -> String {
    const CHANGE: Noun = Noun::new(["verandering", "veranderingen"], ["change", "changes"]);
    match (changes.len(), lang) {
        (0, Lang::Nl) => "geen verschillen".into(),
        (0, Lang::En) => "no differences".into(),
        (n, lang) => CHANGE.count(n as u64, lang),
    }
}

fn ladder_fields(old: &LadderFile, new: &LadderFile, changes: &mut Vec<Change>) {
    let fields = |f: &LadderFile| {
        [
            LadderField::Organisation(f.organisation.clone()),
            LadderField::Description(f.description.clone()),
            LadderField::PayReference(f.pay_reference.clone()),
            LadderField::PartTime(f.part_time.clone()),
        ]
    };
    for (old, new) in fields(old).into_iter().zip(fields(new)) {
        if old != new {
            changes.push(Change::Ladder { old, new });
        }
    }
}

/// Items keyed by `key` and their occurrence: the second item with the
/// same key is `(key, 1)`.
fn keyed<T, K: Ord + Clone>(
    items: &[T],
    key: impl Fn(&T) -> K,
) -> BTreeMap<(K, usize), (usize, &T)> {
    let mut seen: BTreeMap<K, usize> = BTreeMap::new();
    let mut out = BTreeMap::new();
    for (i, item) in items.iter().enumerate() {
        let k = key(item);
        let n = seen.entry(k.clone()).or_insert(0);
        out.insert((k, *n), (i, item));
        *n += 1;
    }
    out
}

fn pay_scales(old: &LadderFile, new: &LadderFile, changes: &mut Vec<Change>) {
    let (a, b) = (
        keyed(&old.pay_scales, |p| p.scale),
        keyed(&new.pay_scales, |p| p.scale),
    );
    let keys: BTreeSet<&(u8, usize)> = sort::set_of(a.keys().chain(b.keys()));
    for key in keys {
        match (a.get(key), b.get(key)) {
            (Some((_, o)), Some((_, n))) if o != n => changes.push(Change::PayScaleChanged {
                old: (*o).clone(),
                new: (*n).clone(),
            }),
            (Some((_, o)), None) => changes.push(Change::PayScaleRemoved {
                scale: (*o).clone(),
            }),
            (None, Some((_, n))) => changes.push(Change::PayScaleAdded {
                scale: (*n).clone(),
            }),
            _ => {}
        }
    }
}

/// Every field of a role but its id, in the order changes are listed.
fn role_fields(r: &RoleFile) -> [RoleField; 9] {
    [
        RoleField::Name(r.name.clone()),
        RoleField::Level(r.level),
        RoleField::Mix(r.mix.clone()),
        RoleField::Scale(r.scale),
        RoleField::Education(r.education),
        RoleField::ManagesPeople(r.manages_people),
        RoleField::Competencies(r.competencies.clone()),
        RoleField::Description(r.description.clone()),
        RoleField::Entry(r.entry),
    ]
}

fn same_but_id(a: &RoleFile, b: &RoleFile) -> bool {
    a.name == b.name
        && a.level == b.level
        && a.mix == b.mix
        && a.scale == b.scale
        && a.education == b.education
        && a.manages_people == b.manages_people
        && a.competencies == b.competencies
        && a.description == b.description
        && a.entry == b.entry
}

/// Lists the role changes; returns the ids that changed (old → new), for
/// the transitions.
fn roles(
    old: &LadderFile,
    new: &LadderFile,
    changes: &mut Vec<Change>,
) -> BTreeMap<String, String> {
    let (a, b) = (
        keyed(&old.roles, |r| r.id.clone()),
        keyed(&new.roles, |r| r.id.clone()),
    );
    // Old index → new index of the roles with the same id.
    let matched: BTreeMap<usize, usize> = sort::map_of(
        a.iter()
            .filter_map(|(k, (o, _))| b.get(k).map(|(n, _)| (*o, *n))),
    );
    let kept: BTreeSet<usize> = sort::set_of(matched.values().copied());
    let removed: Vec<usize> = (0..old.roles.len())
        .filter(|o| !matched.contains_key(o))
        .collect();
    let added: Vec<usize> = (0..new.roles.len()).filter(|n| !kept.contains(n)).collect();
    // Removed and added roles that are one role with another id: first
    // those the same in everything else, then those with the same names.
    let mut paired: BTreeMap<usize, usize> = BTreeMap::new(); // new index → old index
    let mut renamed: BTreeSet<usize> = BTreeSet::new(); // old indexes
    for same in [
        &same_but_id as &dyn Fn(&RoleFile, &RoleFile) -> bool,
        &|x: &RoleFile, y: &RoleFile| x.name == y.name,
    ] {
        for &o in &removed {
            if renamed.contains(&o) {
                continue;
            }
            let mut candidates = added
                .iter()
                .copied()
                .filter(|n| !paired.contains_key(n) && same(&old.roles[o], &new.roles[*n]));
            if let (Some(n), None) = (candidates.next(), candidates.next()) {
                paired.insert(n, o);
                renamed.insert(o);
            }
        }
    }
    let matched: BTreeMap<usize, usize> = sort::map_of(matched.into_iter().map(|(o, n)| (n, o)));
    let once = |ids: &BTreeMap<(String, usize), (usize, &RoleFile)>, id: &String| {
        !ids.contains_key(&(id.clone(), 1))
    };
    let mut renames = BTreeMap::new();
    for &o in &removed {
        if !renamed.contains(&o) {
            changes.push(Change::RoleRemoved {
                role: old.roles[o].clone(),
            });
        }
    }
    for (n, role) in new.roles.iter().enumerate() {
        let o = match (matched.get(&n), paired.get(&n)) {
            (Some(&o), _) => o,
            (None, Some(&o)) => {
                let was = &old.roles[o];
                changes.push(Change::RoleRenamed {
                    id: was.id.clone(),
                    new_id: role.id.clone(),
                    name: was.name.clone(),
                });
                if once(&a, &was.id) && once(&b, &role.id) {
                    renames.insert(was.id.clone(), role.id.clone());
                }
                o
            }
            (None, None) => {
                changes.push(Change::RoleAdded { role: role.clone() });
                continue;
            }
        };
        for (old_field, new_field) in role_fields(&old.roles[o])
            .into_iter()
            .zip(role_fields(role))
        {
            if old_field != new_field {
                changes.push(Change::RoleChanged {
                    id: role.id.clone(),
                    name: old.roles[o].name.clone(),
                    old: old_field,
                    new: new_field,
                });
            }
        }
    }
    renames
}

/// The roles' names by id (the first, for an id used twice).
fn names_by_id(file: &LadderFile) -> BTreeMap<&str, &Bilingual> {
    let mut names = BTreeMap::new();
    for r in &file.roles {
        names.entry(r.id.as_str()).or_insert(&r.name);
    }
    names
}

fn transitions(
    old: &LadderFile,
    new: &LadderFile,
    renames: &BTreeMap<String, String>,
    changes: &mut Vec<Change>,
) {
    let renamed = |id: &String| renames.get(id).unwrap_or(id).clone();
    let a = keyed(&old.transitions, |t| (renamed(&t.from), renamed(&t.to)));
    let b = keyed(&new.transitions, |t| (t.from.clone(), t.to.clone()));
    // A role's name by id: in the file the transition is in, else the other.
    let (old_names, new_names) = (names_by_id(old), names_by_id(new));
    let ends = |t: &TransitionFile, in_old: bool| {
        let (first, second) = if in_old {
            (&old_names, &new_names)
        } else {
            (&new_names, &old_names)
        };
        let name = |id: &str| {
            first
                .get(id)
                .or_else(|| second.get(id))
                .map_or_else(|| Bilingual::new(id, id), |&n| n.clone())
        };
        Ends {
            from: name(&t.from),
            to: name(&t.to),
        }
    };
    let mut gone: Vec<(usize, &TransitionFile)> = a
        .iter()
        .filter(|(k, _)| !b.contains_key(k))
        .map(|(_, &(i, t))| (i, t))
        .collect();
    sort::sort_by_key(&mut gone, |&(i, _)| i);
    for (_, t) in gone {
        changes.push(Change::TransitionRemoved {
            transition: t.clone(),
            names: ends(t, true),
        });
    }
    let mut here: Vec<(usize, &(String, String), usize)> =
        b.iter().map(|((key, k), &(i, _))| (i, key, *k)).collect();
    sort::sort_by_key(&mut here, |&(i, _, _)| i);
    for (i, key, k) in here {
        let t = &new.transitions[i];
        let Some(&(_, was)) = a.get(&(key.clone(), k)) else {
            changes.push(Change::TransitionAdded {
                transition: t.clone(),
                names: ends(t, false),
            });
            continue;
        };
        let fields = |t: &TransitionFile| {
            [
                TransitionField::Kind(t.kind),
                TransitionField::MinYears(t.min_years),
                TransitionField::Requirements(t.requirements.clone()),
            ]
        };
        for (o, n) in fields(was).into_iter().zip(fields(t)) {
            // `NaN` is not equal to itself, but is no change.
            let same = match (&o, &n) {
                (TransitionField::MinYears(x), TransitionField::MinYears(y)) => {
                    x == y || (x.is_nan() && y.is_nan())
                }
                _ => o == n,
            };
            if !same {
                changes.push(Change::TransitionChanged {
                    from: t.from.clone(),
                    to: t.to.clone(),
                    names: ends(t, false),
                    old: o,
                    new: n,
                });
            }
        }
    }
}

// ---------------------------------------------------------------------------
// In words.

const YEAR: Noun = Noun::new(["jaar", "jaar"], ["year", "years"]);
const COMPETENCY: Noun = Noun::new(
    ["competentie", "competenties"],
    ["competency", "competencies"],
);
const REQUIREMENT: Noun = Noun::new(["eis", "eisen"], ["requirement", "requirements"]);

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn quoted(text: &str) -> String {
    format!("“{text}”")
}

fn pick(lang: Lang, nl: impl Into<String>, en: impl Into<String>) -> String {
    match lang {
        Lang::Nl => nl.into(),
        Lang::En => en.into(),
    }
}

fn yes_no(value: bool, lang: Lang) -> String {
    match (value, lang) {
        (true, Lang::Nl) => "ja",
        (false, Lang::Nl) => "nee",
        (true, Lang::En) => "yes",
        (false, Lang::En) => "no",
    }
    .into()
}

fn years(y: f64, lang: Lang) -> String {
    let n = if y == 1.0 { 1 } else { 2 };
    format!("{} {}", decimal(y, lang), YEAR.word(n, lang))
}

fn mix(shares: &BTreeMap<crate::ladder::Track, u8>, lang: Lang) -> String {
    let text = Mix::from_pairs(shares.iter().map(|(&t, &s)| (t, s))).describe(lang);
    if text.is_empty() {
        pick(lang, "geen", "none")
    } else {
        text
    }
}

fn scale(s: &crate::format::ScaleFile) -> String {
    ScaleRange {
        min: s.min,
        max: s.max,
    }
    .to_string()
}

/// `Praktijkopleider (praktijkopleider)`.
fn role_label(name: &Bilingual, id: &str, lang: Lang) -> String {
    format!("{} ({id})", name.get(lang))
}

/// `A → B`, by their names.
fn route(names: &Ends, lang: Lang) -> String {
    format!("{} → {}", names.from.get(lang), names.to.get(lang))
}

/// What was added to and taken from a list, by count: `X en Y
/// toegevoegd; Z vervallen`, or that only the order changed.
/// Levels changed (`“Netwerkregie” voldoende → sterk`), then competencies
/// added or removed (or their order).
fn competencies_change(old: &[Competency], new: &[Competency], lang: Lang) -> String {
    let mut parts: Vec<String> = new
        .iter()
        .filter_map(|c| {
            let was = old.iter().find(|o| o.name == c.name)?;
            (was.level != c.level).then(|| {
                format!(
                    "{} {} → {}",
                    quoted(&c.name),
                    was.level.label(lang),
                    c.level.label(lang)
                )
            })
        })
        .collect();
    let names = |list: &[Competency]| list.iter().map(|c| c.name.clone()).collect::<Vec<_>>();
    let (old, new) = (names(old), names(new));
    if old != new || parts.is_empty() {
        parts.push(list_change(&old, &new, COMPETENCY, true, lang));
    }
    parts.join("; ")
}

fn list_change(old: &[String], new: &[String], noun: Noun, quote: bool, lang: Lang) -> String {
    let minus = |a: &[String], b: &[String]| {
        let mut left: Vec<&String> = b.iter().collect();
        a.iter()
            .filter(|x| match left.iter().position(|y| y == x) {
                Some(p) => {
                    left.remove(p);
                    false
                }
                None => true,
            })
            .cloned()
            .collect::<Vec<String>>()
    };
    let (added, removed) = (minus(new, old), minus(old, new));
    let mut parts = Vec::new();
    let quoted_list = |items: &[String]| {
        let items: Vec<String> = items
            .iter()
            .map(|s| if quote { quoted(s) } else { s.clone() })
            .collect();
        join_list(&items, lang)
    };
    if !added.is_empty() {
        let word = noun.word(added.len() as u64, lang);
        parts.push(pick(
            lang,
            format!("{word} toegevoegd: {}", quoted_list(&added)),
            format!("{word} added: {}", quoted_list(&added)),
        ));
    }
    if !removed.is_empty() {
        let word = noun.word(removed.len() as u64, lang);
        parts.push(pick(
            lang,
            format!("{word} vervallen: {}", quoted_list(&removed)),
            format!("{word} removed: {}", quoted_list(&removed)),
        ));
    }
    if parts.is_empty() {
        let word = noun.word(2, lang);
        parts.push(pick(
            lang,
            format!("volgorde van de {word} veranderd"),
            format!("order of the {word} changed"),
        ));
    }
    parts.join("; ")
}

/// A text in both languages that may be absent, changed per language:
/// `beschrijving “a” → “b”`, `Engelse beschrijving toegevoegd: “c”`.
/// `what` names the Dutch and the English text, in `lang`.
fn bilingual_change(
    old: Option<&Bilingual>,
    new: Option<&Bilingual>,
    what: [&str; 2],
    lang: Lang,
) -> String {
    let mut parts = Vec::new();
    for (which, what) in Lang::ALL.into_iter().zip(what) {
        let (o, n) = (old.map(|b| b.get(which)), new.map(|b| b.get(which)));
        parts.push(match (o, n) {
            (o, n) if o == n => continue,
            (None, Some(n)) => pick(
                lang,
                format!("{what} toegevoegd: {}", quoted(n)),
                format!("{what} added: {}", quoted(n)),
            ),
            (Some(o), None) => pick(
                lang,
                format!("{what} verwijderd (was {})", quoted(o)),
                format!("{what} removed (was {})", quoted(o)),
            ),
            (o, n) => format!(
                "{what} {} → {}",
                quoted(o.unwrap_or_default()),
                quoted(n.unwrap_or_default())
            ),
        });
    }
    parts.join("; ")
}

fn part_time(p: &Option<PartTimeFile>, lang: Lang) -> String {
    match p {
        None => pick(
            lang,
            "niet opgegeven (jaren tellen als jaren)",
            "not given (years count as years)",
        ),
        Some(p) => {
            let hours = decimal(p.full_time_hours, lang);
            match (p.stretch_min_years, lang) {
                (true, Lang::Nl) => {
                    format!("ervaringsjaren tellen naar rato, voltijd is {hours} uur")
                }
                (false, Lang::Nl) => format!("jaren tellen als jaren, voltijd is {hours} uur"),
                (true, Lang::En) => {
                    format!("years count in proportion to hours, full time is {hours} hours")
                }
                (false, Lang::En) => {
                    format!("years count as years, full time is {hours} hours")
                }
            }
        }
    }
}

fn entry(e: Option<bool>, lang: Lang) -> String {
    match e {
        Some(v) => yes_no(v, lang),
        None => pick(
            lang,
            "volgens niveau (ja voor junior)",
            "by level (yes for junior roles)",
        ),
    }
}

/// `training “Kopopleiding coaching”`, `opleiding hbo`.
fn requirement(r: &Requirement, lang: Lang) -> String {
    match r {
        Requirement::Training(t) => format!("training {}", quoted(t)),
        Requirement::Qualification(q) => {
            format!(
                "{} {}",
                pick(lang, "kwalificatie", "qualification"),
                quoted(q)
            )
        }
        Requirement::Competency(c) => {
            format!("{} {}", pick(lang, "competentie", "competency"), quoted(c))
        }
        Requirement::Education(e) => {
            format!("{} {}", pick(lang, "opleiding", "education"), e.label(lang))
        }
    }
}

fn requirements(items: &[Requirement], lang: Lang) -> Vec<String> {
    items.iter().map(|r| requirement(r, lang)).collect()
}

/// `promotie, na minstens 2 jaar; vraagt training: X en opleiding: hbo`.
fn transition_facts(t: &TransitionFile, lang: Lang) -> String {
    let mut text = t.kind.label(lang).to_string();
    if t.min_years != 0.0 {
        text.push_str(&pick(
            lang,
            format!(", na minstens {}", years(t.min_years, lang)),
            format!(", after at least {}", years(t.min_years, lang)),
        ));
    }
    if !t.requirements.is_empty() {
        let asks = join_list(&requirements(&t.requirements, lang), lang);
        text.push_str(&pick(
            lang,
            format!("; vraagt {asks}"),
            format!("; asks {asks}"),
        ));
    }
    text
}

fn role_facts(r: &RoleFile, lang: Lang) -> String {
    let mut facts = vec![
        r.level.label(lang).to_string(),
        pick(lang, "schaal ", "scale ") + &scale(&r.scale),
        r.education.label(lang).to_string(),
        mix(&r.mix, lang),
    ];
    if r.manages_people {
        facts.push(pick(lang, "leidinggevend", "manages people"));
    }
    facts.join(", ")
}

impl Change {
    /// The change as one sentence in `lang`, for people who do not read
    /// YAML: `Teamleider: schaal 11–12 → 11–13.`
    pub fn describe(&self, lang: Lang) -> String {
        let sentence = match self {
            Change::Ladder { old, new } => ladder_change(old, new, lang),
            Change::PayScaleAdded { scale: p } => pick(
                lang,
                format!(
                    "Schaal {} toegevoegd aan de salaristabel: € {} – € {}",
                    p.scale, p.min, p.max
                ),
                format!(
                    "Scale {} added to the pay table: € {} – € {}",
                    p.scale, p.min, p.max
                ),
            ),
            Change::PayScaleRemoved { scale: p } => pick(
                lang,
                format!(
                    "Schaal {} uit de salaristabel gehaald (was € {} – € {})",
                    p.scale, p.min, p.max
                ),
                format!(
                    "Scale {} removed from the pay table (was € {} – € {})",
                    p.scale, p.min, p.max
                ),
            ),
            Change::PayScaleChanged { old, new } => pick(
                lang,
                format!(
                    "Schaal {}: € {} – € {} → € {} – € {}",
                    new.scale, old.min, old.max, new.min, new.max
                ),
                format!(
                    "Scale {}: € {} – € {} → € {} – € {}",
                    new.scale, old.min, old.max, new.min, new.max
                ),
            ),
            Change::RoleAdded { role } => pick(
                lang,
                format!(
                    "Functie toegevoegd: {}: {}",
                    role_label(&role.name, &role.id, lang),
                    role_facts(role, lang)
                ),
                format!(
                    "Role added: {}: {}",
                    role_label(&role.name, &role.id, lang),
                    role_facts(role, lang)
                ),
            ),
            Change::RoleRemoved { role } => pick(
                lang,
                format!(
                    "Functie verwijderd: {}",
                    role_label(&role.name, &role.id, lang)
                ),
                format!("Role removed: {}", role_label(&role.name, &role.id, lang)),
            ),
            Change::RoleRenamed { id, new_id, name } => pick(
                lang,
                format!("{}: functie-id {id} → {new_id}", name.get(lang)),
                format!("{}: role id {id} → {new_id}", name.get(lang)),
            ),
            Change::RoleChanged { id, name, old, new } => {
                format!(
                    "{}: {}",
                    role_label(name, id, lang),
                    role_change(old, new, lang)
                )
            }
            Change::TransitionAdded { transition, names } => pick(
                lang,
                format!(
                    "Overgang toegevoegd: {} ({})",
                    route(names, lang),
                    transition_facts(transition, lang)
                ),
                format!(
                    "Transition added: {} ({})",
                    route(names, lang),
                    transition_facts(transition, lang)
                ),
            ),
            Change::TransitionRemoved { transition, names } => pick(
                lang,
                format!(
                    "Overgang verwijderd: {} (was {})",
                    route(names, lang),
                    transition_facts(transition, lang)
                ),
                format!(
                    "Transition removed: {} (was {})",
                    route(names, lang),
                    transition_facts(transition, lang)
                ),
            ),
            Change::TransitionChanged {
                names, old, new, ..
            } => pick(
                lang,
                format!(
                    "Overgang {}: {}",
                    route(names, lang),
                    transition_change(old, new, lang)
                ),
                format!(
                    "Transition {}: {}",
                    route(names, lang),
                    transition_change(old, new, lang)
                ),
            ),
        };
        let sentence = capitalised(&sentence);
        // No second full stop after a quoted sentence that has one.
        if sentence.ends_with(".”") || sentence.ends_with('.') {
            sentence
        } else {
            format!("{sentence}.")
        }
    }
}

fn ladder_change(old: &LadderField, new: &LadderField, lang: Lang) -> String {
    match (old, new) {
        (LadderField::Organisation(o), LadderField::Organisation(n)) => pick(
            lang,
            format!("Naam van de organisatie: {} → {}", quoted(o), quoted(n)),
            format!("Name of the organisation: {} → {}", quoted(o), quoted(n)),
        ),
        (LadderField::Description(o), LadderField::Description(n)) => {
            let what = match lang {
                Lang::Nl => [
                    "Beschrijving van het functiehuis",
                    "Engelse beschrijving van het functiehuis",
                ],
                Lang::En => [
                    "Dutch description of the ladder",
                    "description of the ladder",
                ],
            };
            bilingual_change(o.as_ref(), n.as_ref(), what, lang)
        }
        (LadderField::PayReference(o), LadderField::PayReference(n)) => {
            let what = pick(
                lang,
                "Bron van de salarisbedragen",
                "Source of the pay amounts",
            );
            match (o, n) {
                (None, Some(n)) => pick(
                    lang,
                    format!("{what} toegevoegd: {}", quoted(n)),
                    format!("{what} added: {}", quoted(n)),
                ),
                (Some(o), None) => pick(
                    lang,
                    format!("{what} verwijderd (was {})", quoted(o)),
                    format!("{what} removed (was {})", quoted(o)),
                ),
                (o, n) => format!(
                    "{what}: {} → {}",
                    quoted(o.as_deref().unwrap_or_default()),
                    quoted(n.as_deref().unwrap_or_default())
                ),
            }
        }
        (LadderField::PartTime(o), LadderField::PartTime(n)) => pick(
            lang,
            format!("Deeltijd: {} → {}", part_time(o, lang), part_time(n, lang)),
            format!("Part-time: {} → {}", part_time(o, lang), part_time(n, lang)),
        ),
        (LadderField::PayScales(o), LadderField::PayScales(n)) => {
            let count = |n: usize| {
                Noun::new(["schaal", "schalen"], ["scale", "scales"]).count(n as u64, lang)
            };
            pick(
                lang,
                format!("Salaristabel: {} → {}", count(o.len()), count(n.len())),
                format!("Pay table: {} → {}", count(o.len()), count(n.len())),
            )
        }
        _ => String::new(),
    }
}

fn role_change(old: &RoleField, new: &RoleField, lang: Lang) -> String {
    let from_to =
        |nl: &str, en: &str, o: String, n: String| format!("{} {o} → {n}", pick(lang, nl, en));
    match (old, new) {
        (RoleField::Name(o), RoleField::Name(n)) => {
            let what = match lang {
                Lang::Nl => ["naam", "Engelse naam"],
                Lang::En => ["Dutch name", "name"],
            };
            bilingual_change(Some(o), Some(n), what, lang)
        }
        (RoleField::Level(o), RoleField::Level(n)) => from_to(
            "niveau",
            "level",
            o.label(lang).into(),
            n.label(lang).into(),
        ),
        (RoleField::Mix(o), RoleField::Mix(n)) => {
            from_to("werkverdeling", "work mix", mix(o, lang), mix(n, lang))
        }
        (RoleField::Scale(o), RoleField::Scale(n)) => {
            from_to("schaal", "scale", scale(o), scale(n))
        }
        (RoleField::Education(o), RoleField::Education(n)) => from_to(
            "opleiding",
            "education",
            o.label(lang).into(),
            n.label(lang).into(),
        ),
        (RoleField::ManagesPeople(_), RoleField::ManagesPeople(n)) => match n {
            true => pick(lang, "geeft nu leiding", "now manages people"),
            false => pick(lang, "geeft geen leiding meer", "no longer manages people"),
        },
        (RoleField::Competencies(o), RoleField::Competencies(n)) => competencies_change(o, n, lang),
        (RoleField::Description(o), RoleField::Description(n)) => {
            let what = match lang {
                Lang::Nl => ["beschrijving", "Engelse beschrijving"],
                Lang::En => ["Dutch description", "description"],
            };
            bilingual_change(o.as_ref(), n.as_ref(), what, lang)
        }
        (RoleField::Entry(o), RoleField::Entry(n)) => from_to(
            "instroomfunctie",
            "entry role",
            entry(*o, lang),
            entry(*n, lang),
        ),
        _ => String::new(),
    }
}

fn transition_change(old: &TransitionField, new: &TransitionField, lang: Lang) -> String {
    match (old, new) {
        (TransitionField::Kind(o), TransitionField::Kind(n)) => format!(
            "{} {} → {}",
            pick(lang, "soort", "kind"),
            o.label(lang),
            n.label(lang)
        ),
        (TransitionField::MinYears(o), TransitionField::MinYears(n)) => format!(
            "{} {} → {}",
            pick(lang, "minimaal", "at least"),
            years(*o, lang),
            years(*n, lang)
        ),
        (TransitionField::Requirements(o), TransitionField::Requirements(n)) => list_change(
            &requirements(o, lang),
            &requirements(n, lang),
            REQUIREMENT,
            false,
            lang,
        ),
        (TransitionField::From(o), TransitionField::From(n)) => {
            format!("{} {o} → {n}", pick(lang, "van", "from"))
        }
        (TransitionField::To(o), TransitionField::To(n)) => {
            format!("{} {o} → {n}", pick(lang, "naar", "to"))
        }
        _ => String::new(),
    }
}
