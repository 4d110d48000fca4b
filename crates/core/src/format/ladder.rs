//! `schema: doorgroei/ladder@1` — an organisation's function ladder.

use std::collections::{BTreeMap, BTreeSet};

use petgraph::algo::tarjan_scc;
use petgraph::stable_graph::{NodeIndex, StableDiGraph};
use petgraph::visit::{EdgeFiltered, EdgeRef};
use serde::{Deserialize, Serialize};

use crate::error::{Counted, ErrorKind, Expected, Found, LoadErrors, Pos};
use crate::i18n::Bilingual;
use crate::ladder::{
    Competency, Education, Ladder, Level, Mix, PartTime, PayRange, Proficiency, Requirement, Role,
    ScaleRange, Track, Transition, TransitionKind,
};
use crate::sort;
use crate::suggest::closest_few;
use crate::yaml::{
    decode, decode_items, errors_at, without_fields, Document, Path, Problem, Seg, MAX_FILE_BYTES,
};

/// The `schema:` value this version reads and writes.
pub const LADDER_SCHEMA: &str = "doorgroei/ladder@1";
/// Most roles a ladder may have.
pub const MAX_ROLES: usize = 2_000;
/// Most transitions a ladder may have.
pub const MAX_TRANSITIONS: usize = 20_000;

/// A ladder file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LadderFile {
    /// Always [`LADDER_SCHEMA`].
    pub schema: String,
    /// The organisation's name.
    pub organisation: String,
    /// What this ladder is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Bilingual>,
    /// Where the pay amounts come from and their date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pay_reference: Option<String>,
    /// Gross monthly amounts per CAO scale.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pay_scales: Vec<PayScaleFile>,
    /// How minimum years count for part-timers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_time: Option<PartTimeFile>,
    /// The functions.
    #[serde(default)]
    pub roles: Vec<RoleFile>,
    /// The steps between functions.
    #[serde(default)]
    pub transitions: Vec<TransitionFile>,
}

impl LadderFile {
    /// A ladder file with nothing in it yet.
    pub fn empty() -> LadderFile {
        LadderFile {
            schema: LADDER_SCHEMA.into(),
            organisation: String::new(),
            description: None,
            pay_reference: None,
            pay_scales: Vec::new(),
            part_time: None,
            roles: Vec::new(),
            transitions: Vec::new(),
        }
    }
}

/// How minimum years count for people who work part-time.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartTimeFile {
    /// Hours of a full-time week (CAO Sociaal Werk: 36).
    pub full_time_hours: f64,
    /// Whether minimum years stretch in proportion for part-timers.
    pub stretch_min_years: bool,
}

/// Gross monthly pay for one scale.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PayScaleFile {
    /// CAO scale number.
    pub scale: u8,
    /// Lowest monthly amount, euros.
    pub min: u32,
    /// Highest monthly amount listed, euros.
    pub max: u32,
}

/// A scale range, `{min: 8, max: 9}`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScaleFile {
    /// Lowest scale.
    pub min: u8,
    /// Highest scale.
    pub max: u8,
}

/// A role in the file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoleFile {
    /// Unique id.
    pub id: String,
    /// Name in both languages.
    pub name: Bilingual,
    /// Experience level.
    pub level: Level,
    /// Percentages per track, summing to 100.
    pub mix: BTreeMap<Track, u8>,
    /// CAO scale range.
    pub scale: ScaleFile,
    /// Required education.
    pub education: Education,
    /// Whether the role manages people.
    #[serde(default)]
    pub manages_people: bool,
    /// Competencies, each a plain name (asks `voldoende`) or a name with
    /// a level.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub competencies: Vec<Competency>,
    /// Description in both languages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Bilingual>,
    /// Whether people are hired into this role; defaults to `level == junior`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entry: Option<bool>,
}

/// A transition in the file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TransitionFile {
    /// Source role id.
    pub from: String,
    /// Target role id.
    pub to: String,
    /// What kind of step.
    pub kind: TransitionKind,
    /// Minimum years in the source role.
    #[serde(default)]
    pub min_years: f64,
    /// What the step asks.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub requirements: Vec<Requirement>,
}

/// Reads a ladder file. `file` is its name, used in error messages only.
///
/// Every problem that can be found is reported: items that do not decode are
/// set aside and the rest of the ladder is still checked, without reporting
/// references to the set-aside roles as unknown.
pub fn load_ladder(file: &str, text: &str) -> Result<Ladder, LoadErrors> {
    load_ladder_file(file, text).map(|(ladder, _)| ladder)
}

/// Reads a ladder file like [`load_ladder`] and also returns the file as
/// decoded: the web app's worker sends that on as JSON ([`ladder_from_json`]
/// reads it), so the page itself needs no YAML reader.
pub fn load_ladder_file(file: &str, text: &str) -> Result<(Ladder, LadderFile), LoadErrors> {
    let doc = Document::parse(file, text)?;
    let mut decoded = decode_ladder(&doc).map_err(|p| doc.errors(p))?;
    let mut problems = std::mem::take(&mut decoded.problems);
    let decoded_file = decoded.file.clone();
    let listed = doc
        .root()
        .get("roles")
        .and_then(|r| r.as_sequence())
        .map_or(0, Vec::len);
    match build::<true>(listed, &|path| doc.locate(path), decoded) {
        Ok(ladder) if problems.is_empty() => Ok((ladder, decoded_file)),
        Ok(_) => Err(doc.errors(problems)),
        Err(more) => {
            problems.extend(more);
            Err(doc.errors(problems))
        }
    }
}

/// Reads a ladder file like [`load_ladder_file`], with its warnings:
/// promotions that go down a level and pay scales listed twice.
pub fn load_ladder_checked(
    file: &str,
    text: &str,
) -> Result<super::Loaded<(Ladder, LadderFile)>, LoadErrors> {
    let (ladder, decoded) = load_ladder_file(file, text)?;
    let doc = Document::parse(file, text)?;
    let warnings = ladder_warnings(&decoded, &|path| doc.locate(path));
    Ok(super::Loaded {
        value: (ladder, decoded),
        warnings: doc.errors(warnings),
    })
}

/// Things a valid ladder file allows but that are probably mistakes.
pub fn ladder_warnings(file: &LadderFile, locate: &dyn Fn(&Path) -> Option<Pos>) -> Vec<Problem> {
    let mut warnings = Vec::new();
    let scales = Path::default().field("pay_scales");
    let mut first: BTreeMap<u8, usize> = BTreeMap::new();
    for (i, p) in file.pay_scales.iter().enumerate() {
        match first.get(&p.scale) {
            Some(&earlier) => warnings.push(Problem::new(
                scales.index(i).field("scale"),
                ErrorKind::DuplicatePayScale {
                    scale: u32::from(p.scale),
                    first: locate(&scales.index(earlier).field("scale")),
                },
            )),
            None => {
                first.insert(p.scale, i);
            }
        }
    }
    let level: BTreeMap<&str, Level> =
        sort::map_of(file.roles.iter().map(|r| (r.id.as_str(), r.level)));
    for (i, t) in file.transitions.iter().enumerate() {
        let (Some(&from), Some(&to)) = (level.get(t.from.as_str()), level.get(t.to.as_str()))
        else {
            continue;
        };
        if t.kind == TransitionKind::Promotion && to < from {
            warnings.push(Problem::new(
                Path::default().field("transitions").index(i).field("kind"),
                ErrorKind::DownwardPromotion {
                    from: t.from.clone(),
                    to: t.to.clone(),
                    from_level: from.as_str().to_string(),
                    to_level: to.as_str().to_string(),
                },
            ));
        }
    }
    warnings
}

/// A ladder file in its JSON form (the [`LadderFile`] of
/// [`load_ladder_file`] written by `serde_json`), read without a YAML reader.
/// `None` unless it is a valid ladder: this form is written by Doorgroei
/// itself (the web app's worker, its saves and its built-in example), so a
/// file that fails here is damaged and its problems are not worth locating.
pub fn ladder_from_json(text: &str) -> Option<Ladder> {
    if text.len() > MAX_FILE_BYTES {
        return None;
    }
    let file: LadderFile = serde_json::from_str(text).ok()?;
    super::check_schema(&file.schema, LADDER_SCHEMA).ok()?;
    let listed = file.roles.len();
    build::<false>(listed, &|_| None, Decoded::whole(file)).ok()
}

/// What [`check_ladder_file`] finds in a ladder file.
#[derive(Clone, Debug)]
pub struct Checked {
    /// The ladder, when the file has no problems.
    pub ladder: Option<Ladder>,
    /// Every problem, with the path of its field (`roles[3].mix`) and no
    /// position: the file is a value here, not a text.
    pub problems: LoadErrors,
    /// What the file allows but is probably a mistake (given with problems
    /// too, unlike the loader's).
    pub warnings: LoadErrors,
}

/// Checks a ladder file that is a value (the editor's draft) by the rules
/// a file is loaded with, giving the same messages: `name` is the file
/// name the messages use. Everything the text would have to get right
/// before (syntax, types, names of levels and tracks) the value's types
/// already do.
pub fn check_ladder_file(name: &str, file: &LadderFile) -> Checked {
    let nowhere = |_: &Path| None;
    let problems = match super::check_schema(&file.schema, LADDER_SCHEMA) {
        Err(p) => Err(vec![p]),
        Ok(()) => build::<true>(file.roles.len(), &nowhere, Decoded::whole(file.clone())),
    };
    let warnings = errors_at(name, ladder_warnings(file, &nowhere), nowhere);
    match problems {
        Ok(ladder) => Checked {
            ladder: Some(ladder),
            problems: LoadErrors(Vec::new()),
            warnings,
        },
        Err(problems) => Checked {
            ladder: None,
            problems: errors_at(name, problems, nowhere),
            warnings,
        },
    }
}

/// The JSON form of a ladder file, which [`ladder_from_json`] reads.
pub fn ladder_file_to_json(file: &LadderFile) -> String {
    serde_json::to_string(file)
        .unwrap_or_else(|_| unreachable!("a ladder file is plain data: strings, numbers, lists"))
}

/// A ladder file as far as it decoded.
struct Decoded {
    file: LadderFile,
    problems: Vec<Problem>,
    /// Ids of roles that are in the file but did not decode.
    broken_roles: BTreeSet<String>,
    /// For each decoded role and transition, its index in the file.
    role_index: Vec<usize>,
    transition_index: Vec<usize>,
}

impl Decoded {
    /// A ladder file that is a value: all of it decoded, indexes as listed.
    fn whole(file: LadderFile) -> Decoded {
        Decoded {
            role_index: (0..file.roles.len()).collect(),
            transition_index: (0..file.transitions.len()).collect(),
            file,
            problems: Vec::new(),
            broken_roles: BTreeSet::new(),
        }
    }
}

fn decode_ladder(doc: &Document<'_>) -> Result<Decoded, Vec<Problem>> {
    // Check the schema first: a file of another format or version would
    // otherwise drown in errors that say nothing useful.
    if let Some(schema) = doc.root().get("schema").and_then(|s| s.as_str()) {
        super::check_schema(schema, LADDER_SCHEMA).map_err(|p| vec![p])?;
    }
    const LISTS: [&str; 2] = ["roles", "transitions"];
    let mut problems = Vec::new();
    let head = decode::<LadderFile>(&without_fields(doc.root(), &LISTS), &Path::default());
    if !doc.root().is_mapping() {
        // Not a ladder at all: nothing else worth saying.
        return Err(head.err().into_iter().collect());
    }
    let mut file = head.unwrap_or_else(|p| {
        problems.push(p);
        LadderFile::empty()
    });
    let (roles, role_problems) = decode_items::<RoleFile>(doc.root(), "roles");
    let (transitions, transition_problems) =
        decode_items::<TransitionFile>(doc.root(), "transitions");
    let broken_roles = sort::set_of(
        role_problems
            .iter()
            .filter_map(|p| match p.path.0.get(1) {
                Some(Seg::Index(i)) => doc.root().get("roles")?.get(*i)?.get("id")?.as_str(),
                _ => None,
            })
            .map(str::to_string),
    );
    problems.extend(role_problems);
    problems.extend(transition_problems);
    let (role_index, roles) = roles.into_iter().unzip();
    let (transition_index, transitions) = transitions.into_iter().unzip();
    file.roles = roles;
    file.transitions = transitions;
    Ok(Decoded {
        file,
        problems,
        broken_roles,
        role_index,
        transition_index,
    })
}

/// Checks a decoded ladder and builds its graph. `listed` is how many roles
/// the file lists (decoded or not); `locate` finds a path's position.
/// `SUGGEST`: an unknown role gets the closest role ids (the fuller search;
/// the page's reader, which words no problem, leaves it out).
fn build<const SUGGEST: bool>(
    listed: usize,
    locate: &dyn Fn(&Path) -> Option<Pos>,
    decoded: Decoded,
) -> Result<Ladder, Vec<Problem>> {
    let Decoded {
        file,
        broken_roles,
        role_index,
        transition_index,
        ..
    } = decoded;
    let root = Path::default();
    let roles_path = root.field("roles");
    let transitions_path = root.field("transitions");
    let mut problems = Vec::new();

    if listed == 0 {
        return Err(vec![Problem::new(roles_path, ErrorKind::NoRoles)]);
    }
    for (what, count, limit, path) in [
        (Counted::Roles, file.roles.len(), MAX_ROLES, &roles_path),
        (
            Counted::Transitions,
            file.transitions.len(),
            MAX_TRANSITIONS,
            &transitions_path,
        ),
    ] {
        if count > limit {
            return Err(vec![Problem::new(
                path.clone(),
                ErrorKind::TooMany { what, count, limit },
            )]);
        }
    }

    let mut pay = BTreeMap::new();
    for (i, p) in file.pay_scales.iter().enumerate() {
        if p.min > p.max {
            problems.push(Problem::new(
                root.field("pay_scales").index(i),
                ErrorKind::InvertedRange {
                    min: p.min.to_string(),
                    max: p.max.to_string(),
                },
            ));
        }
        // A scale listed twice: the first counts (and `ladder_warnings` says so).
        pay.entry(p.scale).or_insert(PayRange {
            min: p.min,
            max: p.max,
        });
    }

    let mut graph = StableDiGraph::new();
    let mut index: BTreeMap<String, NodeIndex> = BTreeMap::new();
    let mut first_at: BTreeMap<String, usize> = BTreeMap::new();
    for (r, &i) in file.roles.into_iter().zip(&role_index) {
        let path = roles_path.index(i);
        if r.id.trim().is_empty() {
            problems.push(Problem::new(
                path.field("id"),
                ErrorKind::InvalidValue {
                    expected: Expected::NonEmptyId,
                    found: Found::Text(r.id.clone()),
                },
            ));
            continue;
        }
        if let Some(&first) = first_at.get(&r.id) {
            problems.push(Problem::new(
                path.field("id"),
                ErrorKind::DuplicateId {
                    id: r.id.clone(),
                    first: locate(&roles_path.index(first).field("id")),
                },
            ));
            continue;
        }
        let sum: u32 = r.mix.values().map(|&v| u32::from(v)).sum();
        if sum != 100 {
            problems.push(Problem::new(path.field("mix"), ErrorKind::MixSum(sum)));
        }
        if r.scale.min > r.scale.max {
            problems.push(Problem::new(
                path.field("scale"),
                ErrorKind::InvertedRange {
                    min: r.scale.min.to_string(),
                    max: r.scale.max.to_string(),
                },
            ));
        }
        for (j, c) in r.competencies.iter().enumerate() {
            if c.level == Proficiency::NotYet {
                problems.push(Problem::new(
                    path.field("competencies").index(j).field("level"),
                    ErrorKind::InvalidValue {
                        expected: Expected::AskedLevel,
                        found: Found::Text(c.level.as_str().into()),
                    },
                ));
            }
        }
        first_at.insert(r.id.clone(), i);
        let entry = r.entry.unwrap_or(r.level == Level::Junior);
        let node = graph.add_node(Role {
            id: r.id.clone(),
            name: r.name,
            level: r.level,
            mix: Mix::from_pairs(r.mix),
            scale: ScaleRange {
                min: r.scale.min,
                max: r.scale.max,
            },
            education: r.education,
            manages_people: r.manages_people,
            competencies: r.competencies,
            description: r.description,
            entry,
        });
        index.insert(r.id, node);
    }

    let mut seen: BTreeSet<(NodeIndex, NodeIndex)> = BTreeSet::new();
    let mut edge_paths = BTreeMap::new();
    for (t, &i) in file.transitions.into_iter().zip(&transition_index) {
        let path = transitions_path.index(i);
        let mut end = |field: &str, id: &str| match index.get(id) {
            Some(&n) => Some(n),
            // Already reported: the role is there but did not decode.
            None if broken_roles.contains(id) => None,
            None => {
                problems.push(Problem::new(
                    path.field(field),
                    ErrorKind::UnknownRole {
                        id: id.to_string(),
                        suggestions: if SUGGEST {
                            closest_few(id, index.keys().map(|k| std::iter::once(k.as_str())))
                        } else {
                            Vec::new()
                        },
                    },
                ));
                None
            }
        };
        let (from, to) = (end("from", &t.from), end("to", &t.to));
        let (Some(from), Some(to)) = (from, to) else {
            continue;
        };
        if from == to {
            problems.push(Problem::new(path.field("to"), ErrorKind::SelfLoop(t.from)));
            continue;
        }
        if !seen.insert((from, to)) {
            problems.push(Problem::new(
                path,
                ErrorKind::DuplicateTransition {
                    from: t.from,
                    to: t.to,
                },
            ));
            continue;
        }
        if !(t.min_years.is_finite() && (0.0..=50.0).contains(&t.min_years)) {
            problems.push(Problem::new(
                path.field("min_years"),
                ErrorKind::InvalidValue {
                    expected: Expected::Years { min: 0, max: 50 },
                    found: Found::Number(t.min_years.to_string()),
                },
            ));
            continue;
        }
        let edge = graph.add_edge(
            from,
            to,
            Transition {
                kind: t.kind,
                min_years: t.min_years,
                requirements: t.requirements,
            },
        );
        edge_paths.insert(edge, path);
    }

    problems.extend(promotion_cycles(&graph, &edge_paths));

    if !problems.is_empty() {
        return Err(problems);
    }
    let part_time = match file.part_time {
        Some(p)
            if !(p.full_time_hours.is_finite() && (1.0..=80.0).contains(&p.full_time_hours)) =>
        {
            return Err(vec![Problem::new(
                root.field("part_time").field("full_time_hours"),
                ErrorKind::InvalidValue {
                    expected: Expected::Hours { min: 1, max: 80 },
                    found: Found::Number(p.full_time_hours.to_string()),
                },
            )]);
        }
        Some(p) => PartTime {
            full_time_hours: p.full_time_hours,
            stretch_min_years: p.stretch_min_years,
        },
        None => PartTime::default(),
    };
    Ok(Ladder {
        organisation: file.organisation,
        part_time,
        description: file.description,
        pay_reference: file.pay_reference,
        pay,
        graph,
        index,
    })
}

/// Promotions go up; a chain of them that returns to its start is a mistake.
fn promotion_cycles(
    graph: &StableDiGraph<Role, Transition>,
    edge_paths: &BTreeMap<petgraph::stable_graph::EdgeIndex, Path>,
) -> Vec<Problem> {
    let promotions = EdgeFiltered::from_fn(graph, |e| e.weight().kind == TransitionKind::Promotion);
    let mut problems = Vec::new();
    let mut components = tarjan_scc(&promotions);
    components.retain(|c| c.len() > 1);
    for mut component in components {
        sort::sort(&mut component);
        let members: BTreeSet<NodeIndex> = sort::set_of(component.iter().copied());
        let start = component[0];
        let cycle = shortest_cycle(graph, start, &members);
        // Point at the transition that closes the cycle.
        let closing = cycle.last().and_then(|&last| {
            graph
                .edges_connecting(last, start)
                .find(|e| e.weight().kind == TransitionKind::Promotion)
                .map(|e| e.id())
        });
        let path = closing
            .and_then(|e| edge_paths.get(&e).cloned())
            .unwrap_or_else(|| Path(vec![Seg::Field("transitions".into())]));
        problems.push(Problem::new(
            path,
            ErrorKind::PromotionCycle(cycle.iter().map(|&n| graph[n].id.clone()).collect()),
        ));
    }
    problems
}

/// The shortest promotion cycle through `start`, staying inside `members`.
fn shortest_cycle(
    graph: &StableDiGraph<Role, Transition>,
    start: NodeIndex,
    members: &BTreeSet<NodeIndex>,
) -> Vec<NodeIndex> {
    let mut parent: BTreeMap<NodeIndex, NodeIndex> = BTreeMap::new();
    let mut queue = std::collections::VecDeque::from([start]);
    while let Some(n) = queue.pop_front() {
        let mut next: Vec<NodeIndex> = graph
            .edges(n)
            .filter(|e| e.weight().kind == TransitionKind::Promotion)
            .map(|e| e.target())
            .filter(|t| members.contains(t))
            .collect();
        sort::sort(&mut next);
        for t in next {
            if t == start {
                let mut cycle = vec![n];
                let mut at = n;
                while at != start {
                    at = parent[&at];
                    cycle.push(at);
                }
                cycle.reverse();
                return cycle;
            }
            if let std::collections::btree_map::Entry::Vacant(slot) = parent.entry(t) {
                slot.insert(n);
                queue.push_back(t);
            }
        }
    }
    vec![start]
}
