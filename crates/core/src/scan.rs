//! Ladder health: where the ladder is a dead end, in words an HR adviser uses.
//!
//! The checks follow the reasons social workers gave for leaving: "you start
//! in an end function", the only way up is management, pay tops out, MBO and
//! HBO work is not told apart, and there are no roles that combine casework
//! with policy or teaching.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use petgraph::stable_graph::NodeIndex;
use serde::{Deserialize, Serialize};

use crate::i18n::{join_list, Bilingual, Lang};
use crate::ladder::{Ladder, Level, Role, Track};
use crate::sort;

/// How much a finding matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; nothing to fix.
    Info,
    /// A weakness the research links to people leaving.
    Warning,
    /// Blocks growth: some people have no way on.
    Problem,
}

impl Severity {
    /// The name shown to people.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Severity::Info, Lang::Nl) => "ter info",
            (Severity::Info, Lang::En) => "info",
            (Severity::Warning, Lang::Nl) => "aandachtspunt",
            (Severity::Warning, Lang::En) => "warning",
            (Severity::Problem, Lang::Nl) => "knelpunt",
            (Severity::Problem, Lang::En) => "problem",
        }
    }
}

/// Which check produced a finding.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Check {
    /// A role with no way onward.
    DeadEnd,
    /// No role is marked as an entry role.
    NoEntry,
    /// A role nobody can reach from an entry role.
    Unreachable,
    /// Juniors who can only reach senior level by managing people.
    ManagementOnly,
    /// Whether a hybrid of two tracks exists.
    Hybrid,
    /// The highest scale reachable in a track without managing people.
    PayCeiling,
    /// Pay does not grow without managing people.
    FlatPay,
    /// MBO and HBO roles that differ only in name.
    SameWork,
    /// Practice roles all on one level.
    NoLevels,
}

/// One observation about a ladder.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// How much it matters.
    pub severity: Severity,
    /// The check that found it.
    pub check: Check,
    /// Ids of the roles involved, in ladder order.
    pub roles: Vec<String>,
    /// The finding in plain words.
    pub message: Bilingual,
}

/// Runs every check. Findings come most severe first, then in check order.
pub fn scan(ladder: &Ladder) -> Vec<Finding> {
    let mut findings = Vec::new();
    dead_ends(ladder, &mut findings);
    reachability(ladder, &mut findings);
    management_only(ladder, &mut findings);
    hybrids(ladder, &mut findings);
    pay_ceilings(ladder, &mut findings);
    same_work(ladder, &mut findings);
    levels(ladder, &mut findings);
    sort::sort_by(&mut findings, |a, b| {
        b.severity.cmp(&a.severity).then(a.check.cmp(&b.check))
    });
    findings
}

fn names(ladder: &Ladder, nodes: &[NodeIndex], lang: Lang) -> String {
    let names: Vec<String> = nodes
        .iter()
        .map(|&n| ladder.role_at(n).name.get(lang).to_string())
        .collect();
    join_list(&names, lang)
}

/// The roles' names as a list in Dutch and in English.
fn names_nl_en(ladder: &Ladder, nodes: &[NodeIndex]) -> (String, String) {
    (
        names(ladder, nodes, Lang::Nl),
        names(ladder, nodes, Lang::En),
    )
}

fn finding(
    ladder: &Ladder,
    severity: Severity,
    check: Check,
    nodes: &[NodeIndex],
    nl: String,
    en: String,
) -> Finding {
    let mut nodes = nodes.to_vec();
    sort::sort(&mut nodes);
    Finding {
        severity,
        check,
        roles: nodes
            .iter()
            .map(|&n| ladder.role_at(n).id.clone())
            .collect(),
        message: Bilingual::new(nl, en),
    }
}

fn dead_ends(ladder: &Ladder, out: &mut Vec<Finding>) {
    let mut by_level: BTreeMap<Level, Vec<NodeIndex>> = BTreeMap::new();
    for (n, role) in ladder.roles() {
        if ladder.outgoing(n).is_empty() {
            by_level.entry(role.level).or_default().push(n);
        }
    }
    for (level, nodes) in by_level {
        let (nl, en) = names_nl_en(ladder, &nodes);
        let (severity, nl, en) = match level {
            Level::Junior | Level::Medior => (
                Severity::Problem,
                format!("Eindfunctie: vanuit {nl} is geen volgende stap mogelijk. Wie hier begint, kan alleen groeien door te vertrekken."),
                format!("End function: there is no next step from {en}. People who start here can only grow by leaving."),
            ),
            Level::Senior => (
                Severity::Warning,
                format!("Geen stap verder vanuit {nl}: geen zijstap naar beleid, opleiden of onderzoek. Seniors houden zo geen perspectief."),
                format!("No step onward from {en}: no move into policy, teaching or research. Seniors are left without prospects."),
            ),
            Level::Lead => (
                Severity::Info,
                format!("Top van het functiehuis: {nl}."),
                format!("Top of the ladder: {en}."),
            ),
        };
        out.push(finding(ladder, severity, Check::DeadEnd, &nodes, nl, en));
    }
}

/// Roles reachable from `starts` through roles accepted by `through`
/// (the starts themselves are always included).
fn reachable(
    ladder: &Ladder,
    starts: &[NodeIndex],
    through: impl Fn(&Role) -> bool,
) -> BTreeSet<NodeIndex> {
    let mut seen: BTreeSet<NodeIndex> = sort::set_of(starts.iter().copied());
    let mut queue: VecDeque<NodeIndex> = starts.iter().copied().collect();
    while let Some(n) = queue.pop_front() {
        for step in ladder.outgoing(n) {
            if through(step.to) && seen.insert(step.to_node) {
                queue.push_back(step.to_node);
            }
        }
    }
    seen
}

fn reachability(ladder: &Ladder, out: &mut Vec<Finding>) {
    let entries = ladder.entry_roles();
    if entries.is_empty() {
        out.push(finding(
            ladder,
            Severity::Problem,
            Check::NoEntry,
            &[],
            "Er is geen instroomfunctie: geen juniorfunctie en geen functie met 'entry: true'."
                .into(),
            "There is no entry role: no junior role and no role marked 'entry: true'.".into(),
        ));
        return;
    }
    let seen = reachable(ladder, &entries, |_| true);
    let unreachable: Vec<NodeIndex> = ladder
        .roles()
        .map(|(n, _)| n)
        .filter(|n| !seen.contains(n))
        .collect();
    if !unreachable.is_empty() {
        let (nl, en) = names_nl_en(ladder, &unreachable);
        out.push(finding(
            ladder,
            Severity::Warning,
            Check::Unreachable,
            &unreachable,
            format!("Niet bereikbaar vanuit een instroomfunctie: {nl}. Eigen medewerkers kunnen hier niet naartoe groeien."),
            format!("Not reachable from any entry role: {en}. Your own staff cannot grow into these roles."),
        ));
    }
}

fn management_only(ladder: &Ladder, out: &mut Vec<Finding>) {
    let juniors: Vec<NodeIndex> = ladder
        .roles()
        .filter(|(_, r)| r.level == Level::Junior && !r.manages_people)
        .map(|(n, _)| n)
        .collect();
    let stuck: Vec<NodeIndex> = juniors
        .into_iter()
        .filter(|&j| {
            !reachable(ladder, &[j], |r| !r.manages_people)
                .iter()
                .any(|&n| ladder.role_at(n).level >= Level::Senior)
        })
        .collect();
    if !stuck.is_empty() {
        let (nl, en) = names_nl_en(ladder, &stuck);
        out.push(finding(
            ladder,
            Severity::Problem,
            Check::ManagementOnly,
            &stuck,
            format!("Vanuit {nl} is seniorniveau alleen bereikbaar via een leidinggevende functie. Niet iedereen wil leidinggeven; wie dat niet wil, blijft hangen of vertrekt."),
            format!("From {en}, senior level can only be reached through a management role. Not everyone wants to manage people; those who don't stay stuck or leave."),
        ));
    }
}

fn hybrids(ladder: &Ladder, out: &mut Vec<Finding>) {
    for other in [Track::Policy, Track::Teaching] {
        let nodes: Vec<NodeIndex> = ladder
            .roles()
            .filter(|(_, r)| r.mix.share(Track::Practice) > 0 && r.mix.share(other) > 0)
            .map(|(n, _)| n)
            .collect();
        let (o_nl, o_en) = (other.label(Lang::Nl), other.label(Lang::En));
        let f = if nodes.is_empty() {
            finding(
                ladder,
                Severity::Warning,
                Check::Hybrid,
                &[],
                format!("Er is geen combinatiefunctie van uitvoering en {o_nl}. Sociaal werkers vragen juist om casuswerk te combineren met {o_nl}."),
                format!("There is no hybrid role combining practice with {o_en}. Social workers ask precisely for combining casework with {o_en}."),
            )
        } else {
            let (nl, en) = names_nl_en(ladder, &nodes);
            finding(
                ladder,
                Severity::Info,
                Check::Hybrid,
                &nodes,
                format!("Combinatie van uitvoering en {o_nl}: {nl}."),
                format!("Hybrid of practice and {o_en}: {en}."),
            )
        };
        out.push(f);
    }
}

fn pay_ceilings(ladder: &Ladder, out: &mut Vec<Finding>) {
    let entries: Vec<NodeIndex> = ladder
        .entry_roles()
        .into_iter()
        .filter(|&n| !ladder.role_at(n).manages_people)
        .collect();
    if entries.is_empty() {
        return;
    }
    let open = reachable(ladder, &entries, |r| !r.manages_people);
    for &track in Track::ALL {
        if track == Track::Management {
            continue;
        }
        let best = open
            .iter()
            .copied()
            .filter(|&n| ladder.role_at(n).mix.share(track) > 0)
            .max_by_key(|&n| (ladder.role_at(n).scale.max, std::cmp::Reverse(n)));
        let Some(best) = best else { continue };
        let role = ladder.role_at(best);
        let scale = role.scale.max;
        let (t_nl, t_en) = (track.label(Lang::Nl), track.label(Lang::En));
        out.push(finding(
            ladder,
            Severity::Info,
            Check::PayCeiling,
            &[best],
            format!(
                "Hoogst bereikbare schaal in {t_nl} zonder leiding te geven: {scale} ({}).",
                role.name.nl
            ),
            format!(
                "Highest scale reachable in {t_en} without managing people: {scale} ({}).",
                role.name.en
            ),
        ));
    }
    let entry_top = entries
        .iter()
        .filter(|&&n| ladder.role_at(n).mix.share(Track::Practice) > 0)
        .map(|&n| ladder.role_at(n).scale.max)
        .max();
    let ceiling = open.iter().map(|&n| ladder.role_at(n).scale.max).max();
    if let (Some(entry_top), Some(ceiling)) = (entry_top, ceiling) {
        if ceiling <= entry_top {
            let managers: Vec<NodeIndex> = ladder
                .roles()
                .filter(|(_, r)| r.manages_people && r.scale.max > ceiling)
                .map(|(n, _)| n)
                .collect();
            out.push(finding(
                ladder,
                Severity::Warning,
                Check::FlatPay,
                &managers,
                format!("Zonder leiding te geven stijgt niemand boven schaal {ceiling}, de schaal waarin men instroomt. Groei in kennis en opleiding wordt niet beloond."),
                format!("Without managing people nobody rises above scale {ceiling}, the scale people start in. Growth in knowledge and education is not rewarded."),
            ));
        }
    }
}

fn same_work(ladder: &Ladder, out: &mut Vec<Finding>) {
    // Roles that look the same on paper: level, scale range and mix.
    type Work = (Level, u8, u8, Vec<(Track, u8)>);
    let mut groups: BTreeMap<Work, Vec<NodeIndex>> = BTreeMap::new();
    for (n, r) in ladder.roles() {
        groups
            .entry((r.level, r.scale.min, r.scale.max, r.mix.tracks()))
            .or_default()
            .push(n);
    }
    for nodes in groups.into_values() {
        let educations: BTreeSet<_> =
            sort::set_of(nodes.iter().map(|&n| ladder.role_at(n).education));
        if educations.len() > 1 {
            let (nl, en) = names_nl_en(ladder, &nodes);
            out.push(finding(
                ladder,
                Severity::Warning,
                Check::SameWork,
                &nodes,
                format!("{nl} vragen een verschillende opleiding maar hebben hetzelfde niveau, dezelfde schaal en hetzelfde werk. Maak het verschil tussen MBO- en HBO-werk zichtbaar, in taken en in beloning."),
                format!("{en} require different education but have the same level, scale and work. Make the difference between MBO and HBO work visible, in tasks and in pay."),
            ));
        }
    }
}

fn levels(ladder: &Ladder, out: &mut Vec<Finding>) {
    let practice: Vec<NodeIndex> = ladder
        .roles()
        .filter(|(_, r)| r.mix.primary() == Track::Practice && !r.manages_people)
        .map(|(n, _)| n)
        .collect();
    let levels: BTreeSet<Level> = sort::set_of(practice.iter().map(|&n| ladder.role_at(n).level));
    if practice.len() > 1 && levels.len() == 1 {
        out.push(finding(
            ladder,
            Severity::Warning,
            Check::NoLevels,
            &practice,
            "Alle uitvoerende functies staan op één niveau: er is geen onderscheid tussen junior, medior en senior. Starters en ervaren collega's doen hetzelfde werk voor hetzelfde geld.".into(),
            "All practice roles are on one level: there is no junior, medior or senior distinction. Starters and experienced colleagues do the same work for the same pay.".into(),
        ));
    }
}
