//! The ladder scan on small hand-made ladders: one table row per situation.

use doorgroei::format::load_ladder;
use doorgroei::scan::{scan, Check, Severity};

/// Builds a ladder from compact role lines `id level track:share[,track:share] scale-scale edu [manager] [entry]`
/// and transition lines `from>to kind`.
fn ladder(roles: &[&str], transitions: &[&str]) -> doorgroei::Ladder {
    let mut y = String::from("schema: doorgroei/ladder@1\norganisation: T\nroles:\n");
    for line in roles {
        let parts: Vec<&str> = line.split_whitespace().collect();
        let mix: Vec<String> = parts[2].split(',').map(|p| p.replace(':', ": ")).collect();
        let (min, max) = parts[3].split_once('-').unwrap();
        y.push_str(&format!(
            "  - {{id: {id}, name: {{nl: {id}, en: {id}}}, level: {level}, mix: {{{mix}}}, scale: {{min: {min}, max: {max}}}, education: {edu}, manages_people: {mgr}{entry}}}\n",
            id = parts[0],
            level = parts[1],
            mix = mix.join(", "),
            edu = parts[4],
            mgr = parts.contains(&"manager"),
            entry = if parts.contains(&"entry") { ", entry: true" } else { "" },
        ));
    }
    y.push_str("transitions:\n");
    for line in transitions {
        let (ends, kind) = line.split_once(' ').unwrap();
        let (from, to) = ends.split_once('>').unwrap();
        y.push_str(&format!("  - {{from: {from}, to: {to}, kind: {kind}}}\n"));
    }
    load_ladder("t.yaml", &y).unwrap_or_else(|e| panic!("{e}\n{y}"))
}

/// The findings as (severity, check, roles), leaving out the informational ones unless asked.
fn check(roles: &[&str], transitions: &[&str], expected: &[(Severity, Check, &[&str])]) {
    let got: Vec<(Severity, Check, Vec<String>)> = scan(&ladder(roles, transitions))
        .into_iter()
        .filter(|f| {
            f.severity > Severity::Info
                || expected
                    .iter()
                    .any(|e| e.0 == Severity::Info && e.1 == f.check)
        })
        .map(|f| (f.severity, f.check, f.roles))
        .collect();
    let expected: Vec<(Severity, Check, Vec<String>)> = expected
        .iter()
        .map(|(s, c, r)| (*s, *c, r.iter().map(|s| s.to_string()).collect()))
        .collect();
    assert_eq!(got, expected);
}

use Check::*;
use Severity::*;

const HYBRIDS: [&str; 2] = [
    "pp senior practice:50,policy:50 9-10 hbo",
    "pt senior practice:50,teaching:50 9-10 hbo",
];

#[test]
fn a_healthy_small_ladder_has_no_warnings() {
    check(
        &[
            "j junior practice:100 7-8 hbo",
            "m medior practice:100 8-9 hbo",
            HYBRIDS[0],
            HYBRIDS[1],
            "l lead management:100 11-11 hbo manager",
        ],
        &[
            "j>m promotion",
            "m>pp hybrid",
            "m>pt hybrid",
            "pp>l promotion",
            "pt>l promotion",
        ],
        &[(Info, DeadEnd, &["l"])],
    );
}

#[test]
fn dead_ends_by_level() {
    check(
        &[
            "j junior practice:100 7-8 hbo",
            "m medior practice:100 8-9 hbo",
            HYBRIDS[0],
            HYBRIDS[1],
        ],
        &["j>pp hybrid", "j>pt hybrid"],
        &[
            (Problem, DeadEnd, &["m"]),
            (Warning, DeadEnd, &["pp", "pt"]),
            (Warning, Unreachable, &["m"]),
        ],
    );
}

#[test]
fn only_management_leads_up() {
    check(
        &[
            "j junior practice:100 8-8 mbo4",
            "k junior practice:100 8-8 hbo",
            "l lead management:100 10-10 hbo manager",
            "s senior practice:100 9-9 hbo",
        ],
        &["j>l promotion", "k>l promotion", "l>s lateral"],
        &[
            (Problem, ManagementOnly, &["j", "k"]),
            (Warning, DeadEnd, &["s"]),
            (Warning, Hybrid, &[]),
            (Warning, Hybrid, &[]),
            (Warning, FlatPay, &["l"]),
            (Warning, SameWork, &["j", "k"]),
        ],
    );
}

#[test]
fn no_entry_role() {
    check(
        &["a medior practice:100 8-8 hbo", HYBRIDS[0], HYBRIDS[1]],
        &["a>pp hybrid", "pp>pt lateral", "pt>a lateral"],
        &[(Problem, NoEntry, &[])],
    );
}

#[test]
fn explicit_entry_roles_count_as_entries() {
    check(
        &[
            "a medior practice:100 8-9 hbo entry",
            HYBRIDS[0],
            HYBRIDS[1],
        ],
        &["a>pp hybrid", "pp>pt lateral", "pt>a lateral"],
        // Per track: practice and policy top out in pp (first of the scale-10 roles), teaching in pt.
        &[
            (Info, PayCeiling, &["pp"]),
            (Info, PayCeiling, &["pp"]),
            (Info, PayCeiling, &["pt"]),
        ],
    );
}

#[test]
fn one_level_for_all_practice_roles() {
    check(
        // The hybrids are mostly policy and teaching, so practice has one level only.
        &[
            "a junior practice:100 7-8 hbo",
            "b junior practice:100 8-9 hbo",
            "pp senior practice:40,policy:60 9-10 hbo",
            "pt senior practice:40,teaching:60 9-10 hbo",
        ],
        &[
            "a>b lateral",
            "b>pp hybrid",
            "b>pt hybrid",
            "pp>pt lateral",
            "pt>pp lateral",
        ],
        &[(Warning, NoLevels, &["a", "b"])],
    );
}
