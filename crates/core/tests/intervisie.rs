//! Intervisie groups: the solver against an exact brute force on small
//! problems, every hard rule on random rosters, the score recomputed from
//! the formula, the reasons, meetings and who is due for
//! supervision.

use std::collections::{BTreeMap, BTreeSet};

use doorgroei::format::load_ladder;
use doorgroei::intervisie::{
    form_groups, problem, solve_problem, supervision_due, Earlier, IntervisieConfig, Problem,
    Solved,
};
use doorgroei::roster::{Day, Days, Person, Roster};
use doorgroei::{Ladder, Lang};
use proptest::prelude::*;

fn ladder() -> Ladder {
    load_ladder(
        "welzijn-groeit.yaml",
        include_str!("../../../pathways/welzijn-groeit.yaml"),
    )
    .unwrap()
}

// ---------------------------------------------------------------------------
// The exact optimum of a problem in its plain form, by trying every
// partition of the people: each block a valid group or left out.

/// (people left out, total) of the best grouping: fewest left out first,
/// then the highest total.
fn brute_force(p: &Problem) -> (usize, i64) {
    let n = p.people.len();
    let index: BTreeMap<&str, usize> = p
        .people
        .iter()
        .enumerate()
        .map(|(i, id)| (id.as_str(), i))
        .collect();
    let mut score = vec![vec![0i64; n]; n];
    for (a, b, s) in &p.pair_scores {
        let (i, j) = (index[a.as_str()], index[b.as_str()]);
        score[i][j] = *s;
        score[j][i] = *s;
    }
    let mut forbidden = vec![vec![false; n]; n];
    for (a, b) in &p.forbidden {
        let (i, j) = (index[a.as_str()], index[b.as_str()]);
        forbidden[i][j] = true;
        forbidden[j][i] = true;
    }
    let days: Vec<BTreeSet<Day>> = p
        .people
        .iter()
        .map(|id| p.days[id].iter().copied().collect())
        .collect();
    // A block as a group: its score, or None when it is no valid group.
    let group = |block: &[usize]| -> Option<i64> {
        if !(p.min_size..=p.max_size).contains(&block.len()) {
            return None;
        }
        let shared = block
            .iter()
            .skip(1)
            .fold(days[block[0]].clone(), |acc, &q| {
                acc.intersection(&days[q]).copied().collect()
            });
        if shared.is_empty() {
            return None;
        }
        let mut total = 0;
        for (x, &i) in block.iter().enumerate() {
            for &j in &block[x + 1..] {
                if forbidden[i][j] {
                    return None;
                }
                total += score[i][j];
            }
        }
        Some(total)
    };
    // Restricted growth strings: a[i] is person i's block, at most one
    // more than the largest before it.
    let mut best = (usize::MAX, i64::MIN);
    let mut a = vec![0usize; n];
    loop {
        let blocks = a.iter().max().map_or(0, |m| m + 1);
        let mut members = vec![Vec::new(); blocks];
        for (i, &b) in a.iter().enumerate() {
            members[b].push(i);
        }
        let (mut out, mut total) = (0, 0);
        for block in &members {
            match group(block) {
                Some(s) => total += s,
                None => out += block.len(),
            }
        }
        if out < best.0 || (out == best.0 && total > best.1) {
            best = (out, total);
        }
        // Next string.
        let mut i = n;
        loop {
            if i <= 1 {
                return best;
            }
            i -= 1;
            let limit = a[..i].iter().max().map_or(0, |m| m + 1);
            if a[i] < limit {
                a[i] += 1;
                for x in &mut a[i + 1..] {
                    *x = 0;
                }
                break;
            }
        }
    }
}

/// Checks a solution of `p` as another solver would: every group valid,
/// everyone once, and the total what the pairs add up to.
fn check_solution(p: &Problem, s: &Solved) {
    let mut seen = BTreeSet::new();
    let score: BTreeMap<(&str, &str), i64> = p
        .pair_scores
        .iter()
        .flat_map(|(a, b, s)| {
            [
                ((a.as_str(), b.as_str()), *s),
                ((b.as_str(), a.as_str()), *s),
            ]
        })
        .collect();
    let forbidden: BTreeSet<(&str, &str)> = p
        .forbidden
        .iter()
        .flat_map(|(a, b)| [(a.as_str(), b.as_str()), (b.as_str(), a.as_str())])
        .collect();
    let mut total = 0;
    for g in &s.groups {
        assert!(
            (p.min_size..=p.max_size).contains(&g.len()),
            "size {}: {s:?}",
            g.len()
        );
        let shared = Day::ALL
            .iter()
            .filter(|d| g.iter().all(|id| p.days[id].contains(d)))
            .count();
        assert!(shared > 0, "no shared day: {g:?}");
        for (x, a) in g.iter().enumerate() {
            assert!(seen.insert(a.clone()), "{a} twice");
            for b in &g[x + 1..] {
                assert!(
                    !forbidden.contains(&(a.as_str(), b.as_str())),
                    "{a} with {b}"
                );
                total += score.get(&(a.as_str(), b.as_str())).copied().unwrap_or(0);
            }
        }
    }
    for id in &s.left_out {
        assert!(seen.insert(id.clone()), "{id} twice");
    }
    assert_eq!(seen.len(), p.people.len());
    assert_eq!(s.total_score, total);
    assert!(s.total_score <= s.upper_bound, "{s:?}");
}

/// A problem from a table: days per person (as `ma|di`), forbidden pairs
/// and scores by index.
fn table_problem(
    days: &[&str],
    sizes: (usize, usize),
    forbidden: &[(usize, usize)],
    scores: &[(usize, usize, i64)],
) -> Problem {
    let id = |i: usize| format!("p{i}");
    Problem {
        people: (0..days.len()).map(id).collect(),
        min_size: sizes.0,
        max_size: sizes.1,
        days: days
            .iter()
            .enumerate()
            .map(|(i, d)| (id(i), d.split('|').filter_map(Day::parse).collect()))
            .collect(),
        forbidden: forbidden.iter().map(|&(a, b)| (id(a), id(b))).collect(),
        pair_scores: scores.iter().map(|&(a, b, s)| (id(a), id(b), s)).collect(),
    }
}

/// The solver's (left out, total) on `p`, checked, against the brute force.
fn check_optimal(p: &Problem) {
    let solved = solve_problem(p);
    check_solution(p, &solved);
    let found = (solved.left_out.len(), solved.total_score);
    assert_eq!(found, brute_force(p), "{p:?}\n{solved:?}");
}

#[test]
fn small_problems_are_solved_to_the_optimum() {
    let week = "ma|di|wo|do|vr";
    let cases: Vec<Problem> = vec![
        // Too few for a group.
        table_problem(&[week; 4], (5, 7), &[], &[(0, 1, 5)]),
        // Exactly one group.
        table_problem(&[week; 5], (5, 7), &[], &[(0, 1, 5), (2, 3, -4)]),
        // Two days that share nothing: two groups of three.
        table_problem(
            &["ma", "ma", "ma", "di", "di", "di"],
            (3, 3),
            &[],
            &[(0, 3, 100)],
        ),
        // One forbidden pair splits six people.
        table_problem(&[week; 6], (3, 4), &[(0, 1)], &[(0, 1, 50), (2, 3, 7)]),
        // A person on a day alone is left out.
        table_problem(&["ma", "ma", "ma", "vr"], (3, 5), &[], &[]),
        // Negative scores: 9 people as three groups of three or fewer larger.
        table_problem(
            &[week; 9],
            (3, 6),
            &[],
            &(0..9)
                .flat_map(|i| {
                    (i + 1..9).map(move |j| (i, j, if (i + j) % 3 == 0 { 9 } else { -5 }))
                })
                .collect::<Vec<_>>(),
        ),
        // Forbidden pairs that leave one person out whatever is done.
        table_problem(&[week; 4], (3, 4), &[(0, 1), (0, 2), (0, 3)], &[]),
        // Only a three-way exchange reaches the best from the groups
        // moves and swaps settle on.
        table_problem(
            &[
                "ma|di", "ma|di", "wo", "di|wo", "wo", "ma|wo", "ma", "ma|di|wo", "di|wo",
            ],
            (3, 3),
            &[
                (0, 2),
                (0, 4),
                (1, 2),
                (1, 4),
                (2, 6),
                (3, 4),
                (3, 6),
                (3, 7),
                (4, 6),
                (6, 8),
            ],
            &[
                (0, 5, 10),
                (0, 7, 28),
                (1, 7, 20),
                (2, 5, -2),
                (2, 7, -18),
                (3, 8, 1),
                (5, 6, 19),
                (5, 7, 9),
                (6, 7, 22),
                (7, 8, 2),
            ],
        ),
        // The best has one group fewer than the days first suggest.
        table_problem(
            &[
                "ma|di|wo", "do|vr", "ma|wo|do", "di|vr", "ma|wo|do", "do|vr", "wo|do",
            ],
            (2, 4),
            &[(0, 1), (0, 5), (1, 4), (2, 3), (3, 4), (3, 6)],
            &[
                (0, 2, -11),
                (0, 3, 14),
                (0, 6, 15),
                (1, 3, 11),
                (2, 6, 15),
                (3, 5, 31),
                (4, 5, 29),
            ],
        ),
        // A bridge person: works both days, needed on the smaller one.
        table_problem(
            &["ma", "ma", "ma|di", "di", "di", "ma", "ma"],
            (3, 4),
            &[],
            &[(2, 5, 30)],
        ),
    ];
    for p in &cases {
        check_optimal(p);
    }
}

#[test]
fn any_plain_problem_is_solved_without_overflow() {
    let week = "ma|di|wo|do|vr";
    let huge = i64::MAX;
    let cases = vec![
        table_problem(
            &[week; 6],
            (3, 4),
            &[],
            &[(0, 1, huge), (2, 3, -huge), (4, 5, huge)],
        ),
        table_problem(&[week; 6], (0, 0), &[], &[(0, 1, 5)]),
        table_problem(&[week; 6], (5, 3), &[], &[(0, 1, 5)]),
        table_problem(&[week; 6], (2, usize::MAX), &[(0, 1)], &[(0, 1, 5)]),
        table_problem(&["", week, "za"], (1, 2), &[], &[]),
    ];
    for p in cases {
        let solved = solve_problem(&p);
        assert!(solved.total_score <= solved.upper_bound, "{p:?} {solved:?}");
    }
    // Ids twice, and pairs naming nobody.
    let mut p = table_problem(&[week; 3], (3, 3), &[], &[(0, 1, 4)]);
    p.people.push("p0".into());
    p.pair_scores.push(("p0".into(), "nobody".into(), 7));
    p.forbidden.push(("nobody".into(), "p1".into()));
    let solved = solve_problem(&p);
    assert_eq!((solved.groups.len(), solved.total_score), (1, 4));
}

prop_compose! {
    /// A random problem of 3 to 10 people: days from Monday to Wednesday
    /// (so groups compete for days), about a tenth of the pairs forbidden,
    /// scores from −20 to 40 with many zeros.
    fn small_problem()(n in 3usize..=10, min in 3usize..=4, extra in 0usize..=3)
        (days in prop::collection::vec(1u8..8, n),
         pairs in prop::collection::vec((0u8..10, -20i64..=40), n * (n - 1) / 2),
         min in Just(min), max in Just(min + extra), n in Just(n)) -> Problem {
        let id = |i: usize| format!("p{i}");
        let mut p = Problem {
            people: (0..n).map(id).collect(),
            min_size: min,
            max_size: max,
            days: (0..n)
                .map(|i| (id(i), Day::ALL[..3].iter().enumerate()
                    .filter(|(d, _)| days[i] & (1 << d) != 0)
                    .map(|(_, d)| *d).collect()))
                .collect(),
            ..Problem::default()
        };
        let mut k = 0;
        for i in 0..n {
            for j in i + 1..n {
                let (kind, s) = pairs[k];
                k += 1;
                if kind == 0 {
                    p.forbidden.push((id(i), id(j)));
                } else if kind < 6 && s != 0 {
                    p.pair_scores.push((id(i), id(j), s));
                }
            }
        }
        p
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    #[test]
    fn random_small_problems_are_solved_to_the_optimum(p in small_problem()) {
        check_optimal(&p);
    }
}

// ---------------------------------------------------------------------------
// Rosters: the hard rules, the score recomputed from the formula.

/// The formula, written again from the people's fields.
fn formula(ladder: &Ladder, a: &Person, b: &Person, c: &IntervisieConfig, before: &Earlier) -> i64 {
    let w = &c.weights;
    let norm = |s: &str| s.trim().to_lowercase();
    let (ra, rb) = (ladder.role(&a.role).unwrap(), ladder.role(&b.role).unwrap());
    let mut s = 0;
    if !norm(&a.team).is_empty() && !norm(&b.team).is_empty() && norm(&a.team) != norm(&b.team) {
        s += w.team;
    }
    if ra.level == rb.level {
        s += w.level;
    }
    if ra.education != rb.education {
        s += w.education;
    }
    if !norm(&a.location).is_empty() && norm(&a.location) == norm(&b.location) {
        s += w.location;
    }
    let theirs: BTreeSet<String> = b.specialisms.iter().map(|x| norm(x)).collect();
    let mine: BTreeSet<String> = a.specialisms.iter().map(|x| norm(x)).collect();
    s += w.specialism * mine.intersection(&theirs).filter(|x| !x.is_empty()).count() as i64;
    if before.contains(&a.id, &b.id) {
        s -= w.earlier;
    }
    s
}

/// Whether `manager` is somewhere up `person`'s chain of managers.
fn in_line(roster: &Roster, person: &str, manager: &str) -> bool {
    let mut at = roster.person(person).and_then(|p| p.manager.clone());
    let mut steps = 0;
    while let Some(m) = at {
        if m == manager {
            return true;
        }
        steps += 1;
        if steps > roster.people.len() {
            return false;
        }
        at = roster.person(&m).and_then(|p| p.manager.clone());
    }
    false
}

fn may_meet(roster: &Roster, a: &Person, b: &Person) -> bool {
    !in_line(roster, &a.id, &b.id)
        && !in_line(roster, &b.id, &a.id)
        && !a.avoids.contains(&b.id)
        && !b.avoids.contains(&a.id)
}

const ROLES: [&str; 7] = [
    "sw-hbo-start",
    "sw-mbo-start",
    "sw-hbo-vak",
    "sw-hbo-senior",
    "werkbegeleider",
    "beleidsmedewerker",
    "teamleider",
];

prop_compose! {
    fn person(n: usize)(
        role in 0..ROLES.len(),
        team in 0usize..5,
        location in 0usize..3,
        days in 1u8..32,
        manager in prop::option::weighted(0.5, 0..n.max(1)),
        avoids in prop::collection::vec(0..n.max(1), 0..2),
        specialisms in prop::collection::vec(0usize..4, 0..3),
        intervisie in prop::option::weighted(0.1, any::<bool>()),
    ) -> (usize, usize, usize, u8, Option<usize>, Vec<usize>, Vec<usize>, Option<bool>) {
        (role, team, location, days, manager, avoids, specialisms, intervisie)
    }
}

prop_compose! {
    /// A roster of up to 24 people on the example ladder: teams (one
    /// empty), locations, part-time days, managers (chains and circles),
    /// avoid lists, specialisms (in two spellings) and a few overrides.
    fn random_roster()(n in 0usize..24)(people in prop::collection::vec(person(n), n)) -> Roster {
        let teams = ["Noord", "Oost", "west", "West ", ""];
        let locations = ["Utrecht", "Zeist", "utrecht"];
        let words = ["jeugd", "Jeugd", "schulden", "ggz"];
        let people = people
            .into_iter()
            .enumerate()
            .map(|(i, (role, team, location, days, manager, avoids, specialisms, intervisie))| Person {
                team: teams[team].into(),
                location: locations[location].into(),
                days: Days::of(Day::ALL[..5].iter().enumerate().filter(|(d, _)| days & (1 << d) != 0).map(|(_, d)| *d)),
                manager: manager.filter(|&m| m != i).map(|m| format!("p{m}")),
                avoids: avoids.into_iter().filter(|&a| a != i).map(|a| format!("p{a}")).collect(),
                specialisms: specialisms.into_iter().map(|s| words[s].to_string()).collect(),
                intervisie,
                ..Person::new(format!("p{i}"), format!("Persoon {i}"), ROLES[role])
            })
            .collect();
        Roster { people, pairs: Vec::new() }
    }
}

/// Every hard rule, the score, the bound, and the problem's plain form.
fn check_roster(ladder: &Ladder, roster: &Roster, config: &IntervisieConfig, before: &Earlier) {
    let grouping = form_groups(ladder, roster, config, before);
    let taking_part: BTreeSet<&str> = roster
        .people
        .iter()
        .filter(|p| {
            p.intervisie
                .unwrap_or(!ladder.role(&p.role).unwrap().manages_people)
        })
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(grouping.taking_part, taking_part.len());
    let mut seen = BTreeSet::new();
    let (min, max) = (usize::from(config.min_size), usize::from(config.max_size));
    let mut total = 0;
    for g in &grouping.groups {
        assert!((min..=max).contains(&g.members.len()), "{g:?}");
        let people: Vec<&Person> = g
            .members
            .iter()
            .map(|id| roster.person(id).unwrap())
            .collect();
        let mut score = 0;
        for (x, a) in people.iter().enumerate() {
            assert!(
                a.days.contains(g.day),
                "{} does not work on {:?}",
                a.id,
                g.day
            );
            assert!(seen.insert(a.id.as_str()), "{} twice", a.id);
            for b in &people[x + 1..] {
                assert!(may_meet(roster, a, b), "{} with {}", a.id, b.id);
                score += formula(ladder, a, b, config, before);
            }
        }
        assert_eq!(g.score, score, "{g:?}");
        assert!(!g.reason.nl.is_empty() && !g.reason.en.is_empty());
        total += score;
    }
    for l in &grouping.left_out {
        assert!(seen.insert(l.id.as_str()), "{} twice", l.id);
        assert!(
            l.reason.nl.contains(&l.id) && l.reason.en.contains(&l.id),
            "{l:?}"
        );
    }
    assert_eq!(seen, taking_part);
    assert_eq!(grouping.total_score, total);
    assert!(total <= grouping.upper_bound, "{grouping:?}");
    // Deterministic.
    assert_eq!(form_groups(ladder, roster, config, before), grouping);
    // The plain form: its scores are the formula's, its forbidden pairs
    // the rules', and solved on its own it gives the same result.
    let plain = problem(ladder, roster, config, before);
    let listed: BTreeMap<(&str, &str), i64> = plain
        .pair_scores
        .iter()
        .map(|(a, b, s)| ((a.as_str(), b.as_str()), *s))
        .collect();
    let forbidden: BTreeSet<(&str, &str)> = plain
        .forbidden
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    for (i, a) in plain.people.iter().enumerate() {
        for b in &plain.people[i + 1..] {
            let (pa, pb) = (roster.person(a).unwrap(), roster.person(b).unwrap());
            let s = formula(ladder, pa, pb, config, before);
            assert_eq!(
                listed.get(&(a.as_str(), b.as_str())).copied().unwrap_or(0),
                s
            );
            assert_eq!(
                forbidden.contains(&(a.as_str(), b.as_str())),
                !may_meet(roster, pa, pb)
            );
        }
    }
    let solved = solve_problem(&plain);
    check_solution(&plain, &solved);
    assert_eq!(
        (
            solved.total_score,
            solved.left_out.len(),
            solved.upper_bound
        ),
        (
            grouping.total_score,
            grouping.left_out.len(),
            grouping.upper_bound
        )
    );
}

proptest! {
    // Each case solves three times (twice for determinism, once in the
    // plain form): few cases, which a debug build runs in seconds.
    #![proptest_config(ProptestConfig::with_cases(12))]
    #[test]
    fn random_rosters_keep_every_rule(
        roster in random_roster(),
        min in 3u8..=5,
        extra in 0u8..=3,
        weights in prop::array::uniform6(0i64..=30),
        before in prop::collection::vec(prop::collection::vec(0usize..30, 2..5), 0..4),
    ) {
        let config = IntervisieConfig {
            min_size: min,
            max_size: min + extra,
            weights: doorgroei::intervisie::Weights {
                team: weights[0],
                level: weights[1],
                education: weights[2],
                location: weights[3],
                specialism: weights[4],
                earlier: weights[5],
            },
            ..IntervisieConfig::default()
        };
        let groups: Vec<Vec<String>> = before
            .iter()
            .map(|g| g.iter().map(|i| format!("p{i}")).collect())
            .collect();
        check_roster(&ladder(), &roster, &config, &Earlier::from_groups(&groups));
    }
}

#[test]
fn the_example_roster_keeps_every_rule() {
    let ladder = ladder();
    let text = include_str!("../../../pathways/rooster-welzijn-groeit.yaml");
    let roster = doorgroei::format::load_roster("r.yaml", text.as_bytes(), &ladder).unwrap();
    check_roster(
        &ladder,
        &roster,
        &IntervisieConfig::default(),
        &Earlier::default(),
    );
    let grouping = form_groups(
        &ladder,
        &roster,
        &IntervisieConfig::default(),
        &Earlier::default(),
    );
    // The team leaders manage people: the others, 30, in groups.
    assert_eq!(grouping.taking_part, 30);
    assert!(grouping.left_out.is_empty(), "{grouping:?}");
}

// ---------------------------------------------------------------------------
// Reasons, in both languages.

fn staff(n: usize, role: &str, days: &[Day]) -> Vec<Person> {
    (0..n)
        .map(|i| Person {
            days: Days::of(days.iter().copied()),
            ..Person::new(format!("p{i}"), format!("Persoon {i}"), role)
        })
        .collect()
}

/// Forms groups of `people` and checks each person left out has the
/// expected reason (Dutch, English).
fn check_left_out(people: Vec<Person>, sizes: (u8, u8), expected: &[(&str, [&str; 2])]) {
    let config = IntervisieConfig {
        min_size: sizes.0,
        max_size: sizes.1,
        ..IntervisieConfig::default()
    };
    let roster = Roster {
        people,
        pairs: Vec::new(),
    };
    let grouping = form_groups(&ladder(), &roster, &config, &Earlier::default());
    let got: Vec<(&str, [&str; 2])> = grouping
        .left_out
        .iter()
        .map(|l| {
            (
                l.id.as_str(),
                [l.reason.get(Lang::Nl), l.reason.get(Lang::En)],
            )
        })
        .collect();
    assert_eq!(got, expected, "{grouping:#?}");
}

const WEEK: [Day; 5] = [Day::Mon, Day::Tue, Day::Wed, Day::Thu, Day::Fri];

#[test]
fn people_left_out_are_told_why() {
    // Too few take part.
    let few = staff(4, "sw-hbo-vak", &WEEK);
    let too_few = |i: usize| {
        [
            format!("Persoon {i} (p{i}): te weinig deelnemers: 4 doen mee, een groep heeft er minstens 5"),
            format!("Persoon {i} (p{i}): too few take part: 4 do, a group needs at least 5"),
        ]
    };
    let texts: Vec<[String; 2]> = (0..4).map(too_few).collect();
    let expected: Vec<(String, [&str; 2])> = texts
        .iter()
        .enumerate()
        .map(|(i, [nl, en])| (format!("p{i}"), [nl.as_str(), en.as_str()]))
        .collect();
    let expected: Vec<(&str, [&str; 2])> =
        expected.iter().map(|(id, t)| (id.as_str(), *t)).collect();
    check_left_out(few, (5, 7), &expected);

    // Works on a day nobody else does.
    let mut lonely = staff(6, "sw-hbo-vak", &WEEK);
    lonely[5].days = Days::of([Day::Sat]);
    check_left_out(
        lonely,
        (5, 7),
        &[(
            "p5",
            [
                "Persoon 5 (p5) werkt op geen dag met genoeg collega's met wie een groep kan: nodig zijn 4 collega's; op zaterdag 0",
                "Persoon 5 (p5) shares no working day with enough colleagues they may be grouped with: 4 colleagues needed; on Saturday 0",
            ],
        )],
    );

    // A group full, the other holding someone they avoid; p8's pairs score
    // least (another level), so p8 is the one left out.
    let mut nine = staff(8, "sw-hbo-senior", &[Day::Mon]);
    for p in &mut nine[4..] {
        p.days = Days::of([Day::Tue]);
    }
    nine.push(Person {
        days: Days::of([Day::Mon, Day::Tue]),
        avoids: vec!["p0".into()],
        ..Person::new("p8", "Persoon 8", "sw-hbo-start")
    });
    check_left_out(
        nine,
        (4, 4),
        &[(
            "p8",
            [
                "Persoon 8 (p8) past in geen groep: 1 groep vol (4) en 1 groep met iemand uit de eigen leidinggevende lijn of iemand die vermeden wordt; voor een nieuwe groep zijn te weinig mensen over die een dag delen",
                "Persoon 8 (p8) fits no group: 1 group full (4) and 1 group with someone in their management line or someone avoided; too few people who share a day are left for a new group",
            ],
        )],
    );
}

#[test]
fn a_group_says_why_in_both_languages() {
    let teams = ["Noord", "Noord", "Oost", "West", "Jeugd"];
    let roles = [
        "sw-hbo-senior",
        "praktijkopleider",
        "sw-hbo-start",
        "sw-mbo-start",
        "sw-hbo-senior",
    ];
    let people: Vec<Person> = (0..5)
        .map(|i| Person {
            team: teams[i].into(),
            days: Days::of(if i == 2 {
                vec![Day::Tue]
            } else {
                vec![Day::Mon, Day::Tue]
            }),
            ..Person::new(format!("p{i}"), format!("Persoon {i}"), roles[i])
        })
        .collect();
    let roster = Roster {
        people,
        pairs: Vec::new(),
    };
    let before = Earlier::from_groups(&[vec!["p0", "p3"]]);
    let grouping = form_groups(&ladder(), &roster, &IntervisieConfig::default(), &before);
    assert_eq!(grouping.groups.len(), 1);
    let g = &grouping.groups[0];
    assert_eq!(g.day, Day::Tue);
    assert_eq!(
        [g.reason.get(Lang::Nl), g.reason.get(Lang::En)],
        [
            "5 mensen uit 4 teams; niveaus: 3 × senior en 2 × junior; iedereen werkt op dinsdag; 1 tweetal zat al eerder samen in een groep",
            "5 people from 4 teams; levels: 3 × senior and 2 × junior; everyone works on Tuesday; 1 pair was in a group together before",
        ]
    );
}

// ---------------------------------------------------------------------------
// Supervision.

#[test]
fn seniors_are_due_when_their_last_supervision_is_long_ago_or_unknown() {
    let date = |y, m, d| jiff::civil::Date::new(y, m, d).unwrap();
    // (id, role, last supervision)
    let people = [
        ("a", "sw-hbo-senior", Some(date(2022, 1, 4))), // exactly 5 years: not yet
        ("b", "sw-hbo-senior", Some(date(2022, 1, 3))), // a day longer: due
        ("c", "sw-hbo-vak", None),                      // medior: never listed
        ("d", "teamleider", None),                      // lead, unknown: due
        ("e", "senior-beleidsadviseur", Some(date(2010, 6, 1))),
        ("f", "sw-mbo-senior", None),
        ("g", "specialist-jeugd", Some(date(2026, 3, 1))),
    ];
    let roster = Roster {
        people: people
            .iter()
            .map(|&(id, role, last)| Person {
                last_supervision: last,
                ..Person::new(id, id.to_uppercase(), role)
            })
            .collect(),
        pairs: Vec::new(),
    };
    let due = |years: u8| -> Vec<(String, Option<u32>)> {
        let config = IntervisieConfig {
            supervision_years: years,
            ..IntervisieConfig::default()
        };
        supervision_due(&ladder(), &roster, &config, date(2027, 1, 4))
            .into_iter()
            .map(|d| (d.id, d.years_ago))
            .collect()
    };
    let list = |items: &[(&str, Option<u32>)]| -> Vec<(String, Option<u32>)> {
        items.iter().map(|&(id, y)| (id.to_string(), y)).collect()
    };
    // Unknown first (roster order), then the longest ago first.
    assert_eq!(
        due(5),
        list(&[("d", None), ("f", None), ("e", Some(16)), ("b", Some(5))])
    );
    assert_eq!(
        due(1),
        list(&[
            ("d", None),
            ("f", None),
            ("e", Some(16)),
            ("b", Some(5)),
            ("a", Some(5))
        ])
    );
    assert_eq!(due(20), list(&[("d", None), ("f", None)]));
}

// ---------------------------------------------------------------------------
// Meetings.

/// The meetings of one group of five (Monday to Friday, p1 and p2 absent as
/// given) every four weeks from Monday 1 March 2027 for three months, as
/// `date (moved from ideal) [absent]` lines, and those not held.
fn meetings_of(absent: &[(usize, &str)], closing: &[&str]) -> (Vec<String>, Vec<String>) {
    let date = |t: &str| doorgroei::dates::parse_date(t).unwrap();
    let mut people = staff(5, "sw-hbo-vak", &WEEK);
    for &(i, period) in absent {
        let (from, to) = period.split_once("..").unwrap_or((period, period));
        people[i].absent.push((date(from), date(to)));
    }
    let roster = Roster {
        people,
        pairs: Vec::new(),
    };
    let group = doorgroei::intervisie::Group {
        members: (0..5).map(|i| format!("p{i}")).collect(),
        day: Day::Mon,
        score: 0,
        reason: Default::default(),
        locked: false,
        problems: Vec::new(),
    };
    let config = IntervisieConfig {
        cadence_weeks: 4,
        ..IntervisieConfig::default()
    };
    let schedule = doorgroei::schedule::ScheduleConfig {
        closing_days: closing.iter().map(|t| date(t)).collect(),
        ..Default::default()
    };
    let plan = doorgroei::intervisie::meetings(
        &roster,
        &[group],
        date("2027-03-01"),
        3,
        &config,
        &schedule,
    );
    let held = plan
        .meetings
        .iter()
        .map(|m| {
            let moved = if m.date == m.ideal {
                String::new()
            } else {
                format!(" (from {})", m.ideal)
            };
            let away = if m.absent.is_empty() {
                String::new()
            } else {
                format!(" {:?}", m.absent)
            };
            assert_eq!(
                (m.start.to_string(), m.end.to_string()),
                ("09:00:00".into(), "10:30:00".into())
            );
            format!("{} {}{moved}{away}", m.number, m.date)
        })
        .collect();
    let not_held = plan
        .not_held
        .iter()
        .map(|n| format!("{} {}: {}", n.number, n.ideal, n.reason.get(Lang::En)))
        .collect();
    (held, not_held)
}

/// Absences (person, period), closing days, meetings held, not held.
type MeetingCase<'a> = (
    Vec<(usize, &'a str)>,
    Vec<&'a str>,
    Vec<String>,
    Vec<String>,
);

#[test]
fn groups_meet_every_few_weeks_around_holidays_and_absences() {
    let none: Vec<String> = Vec::new();
    let lines = |l: &[&str]| l.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    // (absences, closing days, meetings, not held)
    let cases: Vec<MeetingCase> = vec![
        // Easter Monday (29 March) moves the second meeting to the Tuesday.
        (
            vec![],
            vec![],
            lines(&["1 2027-03-01", "2 2027-03-30 (from 2027-03-29)", "3 2027-04-26", "4 2027-05-24"]),
            none.clone(),
        ),
        // Someone away on 26 April: King's Day (the 27th) is closed, so the
        // Wednesday, the later of the nearest days.
        (
            vec![(1, "2027-04-26")],
            vec![],
            lines(&["1 2027-03-01", "2 2027-03-30 (from 2027-03-29)", "3 2027-04-28 (from 2027-04-26)", "4 2027-05-24"]),
            none.clone(),
        ),
        // Away for weeks: the meeting goes ahead without them.
        (
            vec![(1, "2027-05-10..2027-06-11")],
            vec!["2027-03-01"],
            lines(&["1 2027-03-02 (from 2027-03-01)", "2 2027-03-30 (from 2027-03-29)", "3 2027-04-26", "4 2027-05-24 [\"p1\"]"]),
            none.clone(),
        ),
        // Three of five away: not held.
        (
            vec![(0, "2027-02-20..2027-03-12"), (1, "2027-02-20..2027-03-12"), (2, "2027-02-20..2027-03-12")],
            vec![],
            lines(&["2 2027-03-30 (from 2027-03-29)", "3 2027-04-26", "4 2027-05-24"]),
            lines(&["1 2027-03-01: no day within 5 working days of 2027-03-01 on which the group can meet: half of the group or more absent"]),
        ),
    ];
    for (absent, closing, held, not_held) in cases {
        assert_eq!(
            meetings_of(&absent, &closing),
            (held, not_held),
            "{absent:?} {closing:?}"
        );
    }
}

// ---------------------------------------------------------------------------
// Files: what the command writes reads back as earlier groups.

fn example() -> (Ladder, Roster) {
    let ladder = ladder();
    let text = include_str!("../../../pathways/rooster-welzijn-groeit.yaml");
    let roster = doorgroei::format::load_roster("r.yaml", text.as_bytes(), &ladder).unwrap();
    (ladder, roster)
}

#[test]
fn a_grouping_written_as_json_or_csv_reads_back_as_earlier_groups() {
    use doorgroei::format::{grouping_to_csv, load_earlier, GroupsFile};
    let (ladder, mut roster) = example();
    // Someone left out, to have such a row in the CSV.
    roster.people[10].days = Days::of([Day::Sat]);
    let grouping = form_groups(
        &ladder,
        &roster,
        &IntervisieConfig::default(),
        &Earlier::default(),
    );
    assert_eq!(grouping.left_out.len(), 1);
    let groups: Vec<Vec<String>> = grouping.groups.iter().map(|g| g.members.clone()).collect();
    let expected = Earlier::from_groups(&groups);
    for lang in Lang::ALL {
        let json = serde_json::to_string_pretty(&GroupsFile::new(&grouping, lang)).unwrap();
        assert_eq!(
            load_earlier("vorig.json", json.as_bytes()),
            Ok(expected.clone()),
            "{json}"
        );
        let csv = grouping_to_csv(&grouping, &roster, &ladder, lang);
        assert_eq!(
            load_earlier("vorig.csv", csv.as_bytes()),
            Ok(expected.clone()),
            "{csv}"
        );
    }
    // Next year few of those pairs meet again (each costs 20 points).
    let again = form_groups(&ladder, &roster, &IntervisieConfig::default(), &expected);
    let repeated: usize = again
        .groups
        .iter()
        .map(|g| {
            let m = &g.members;
            (0..m.len())
                .flat_map(|i| (i + 1..m.len()).map(move |j| (i, j)))
                .filter(|&(i, j)| expected.contains(&m[i], &m[j]))
                .count()
        })
        .sum();
    assert!(
        repeated * 5 < expected.len(),
        "{repeated} of {}",
        expected.len()
    );
}

#[test]
fn earlier_groups_that_cannot_be_read_are_refused_where_they_are() {
    use doorgroei::format::load_earlier;
    let cases = [
        (
            "vorig.csv",
            "team;id\nNoord;j1\n",
            "vorig.csv:1:1: no group and id columns found, as doorgroei intervisie --format csv writes them; the file's columns: team, id",
        ),
        (
            "vorig.json",
            "{\"groups\": [{\"members\": [\"j1\", 2]}]}",
            "vorig.json:1:",
        ),
    ];
    for (name, text, expected) in cases {
        let shown = load_earlier(name, text.as_bytes())
            .unwrap_err()
            .render(Lang::En);
        assert!(shown.starts_with(expected), "{shown}");
    }
    // Rows without a group (people left out) and ids nobody has are fine.
    let read = load_earlier(
        "v.csv",
        "Group;ID;Name\n1;a;A\n1;b;B\n;c;C\n2;c;C\n2;zz;Z\n".as_bytes(),
    )
    .unwrap();
    assert!(read.contains("a", "b") && read.contains("c", "zz") && !read.contains("a", "c"));
    assert_eq!(read.len(), 2);
}

#[test]
fn the_calendar_has_a_stable_event_per_meeting_with_every_member() {
    use doorgroei::format::{meeting_file_names, meetings_to_ics};
    let (ladder, roster) = example();
    let config = IntervisieConfig::default();
    let grouping = form_groups(&ladder, &roster, &config, &Earlier::default());
    let start = jiff::civil::date(2027, 1, 4);
    let plan = doorgroei::intervisie::meetings(
        &roster,
        &grouping.groups,
        start,
        6,
        &config,
        &Default::default(),
    );
    let stamp = jiff::Timestamp::from_second(1_800_000_000).unwrap();
    let all = meetings_to_ics(&plan, &grouping.groups, &roster, Lang::Nl, stamp, None);
    assert_eq!(all.matches("BEGIN:VEVENT").count(), plan.meetings.len());
    assert!(plan.meetings.len() >= grouping.groups.len() * 4, "{plan:?}");
    for k in 0..grouping.groups.len() {
        let one = meetings_to_ics(&plan, &grouping.groups, &roster, Lang::En, stamp, Some(k));
        let mine = plan.meetings.iter().filter(|m| m.group == k).count();
        assert_eq!(one.matches("BEGIN:VEVENT").count(), mine);
        assert!(
            one.contains(&format!("SUMMARY:Intervisie group {} (1)", k + 1)),
            "{one}"
        );
        // Every member with an address is invited.
        let invited = one.lines().filter(|l| l.starts_with("ATTENDEE")).count();
        assert_eq!(invited, mine * grouping.groups[k].members.len());
    }
    // The same groups give the same UIDs.
    let uids = |text: &str| -> Vec<String> {
        text.lines()
            .filter(|l| l.starts_with("UID:"))
            .map(str::to_string)
            .collect()
    };
    let later = jiff::Timestamp::from_second(1_900_000_000).unwrap();
    assert_eq!(
        uids(&all),
        uids(&meetings_to_ics(
            &plan,
            &grouping.groups,
            &roster,
            Lang::En,
            later,
            None
        ))
    );
    let (all_name, names) = meeting_file_names(2, Lang::Nl);
    assert_eq!(
        (all_name.as_str(), names),
        (
            "intervisie-alle-groepen.ics",
            vec![
                "intervisie-groep-1.ics".to_string(),
                "intervisie-groep-2.ics".to_string()
            ]
        )
    );
}

// ---------------------------------------------------------------------------
// Groups by hand (the app): formed again around locked groups, one person
// moved, or the move refused with the rule it breaks.

use doorgroei::intervisie::{arrange, move_person, reform, Grouping, Held};

fn held(grouping: &Grouping) -> Vec<Held> {
    grouping.groups.iter().map(Held::from).collect()
}

/// The groups keep every hard rule and their scores are the formula's.
fn check_groups(ladder: &Ladder, roster: &Roster, config: &IntervisieConfig, grouping: &Grouping) {
    let (min, max) = (usize::from(config.min_size), usize::from(config.max_size));
    let mut total = 0;
    for g in &grouping.groups {
        assert!(g.problems.is_empty(), "{g:?}");
        assert!((min..=max).contains(&g.members.len()), "{g:?}");
        let people: Vec<&Person> = g
            .members
            .iter()
            .map(|id| roster.person(id).unwrap())
            .collect();
        let mut score = 0;
        for (x, a) in people.iter().enumerate() {
            assert!(
                a.days.contains(g.day),
                "{} does not work on {:?}",
                a.id,
                g.day
            );
            for b in &people[x + 1..] {
                assert!(may_meet(roster, a, b), "{} with {}", a.id, b.id);
                score += formula(ladder, a, b, config, &Earlier::default());
            }
        }
        assert_eq!(g.score, score);
        total += score;
    }
    assert_eq!(grouping.total_score, total);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(16))]
    #[test]
    fn groups_by_hand_keep_every_rule(
        roster in random_roster(),
        min in 3u8..=4,
        extra in 0u8..=3,
        locks in prop::collection::vec(any::<bool>(), 8),
        moves in prop::collection::vec((0usize..24, 0usize..8), 1..6),
    ) {
        let ladder = ladder();
        let config = IntervisieConfig { min_size: min, max_size: min + extra, ..IntervisieConfig::default() };
        let none = Earlier::default();
        let formed = form_groups(&ladder, &roster, &config, &none);
        // Arranged unchanged: the same groups, days, scores and people left out.
        let mut groups = held(&formed);
        let same = arrange(&ladder, &roster, &config, &none, &groups);
        prop_assert_eq!(&same.groups, &formed.groups);
        prop_assert_eq!(
            same.left_out.iter().map(|l| &l.id).collect::<Vec<_>>(),
            formed.left_out.iter().map(|l| &l.id).collect::<Vec<_>>()
        );
        prop_assert_eq!(same.total_score, formed.total_score);
        // Moves: each made keeps every rule and changes two groups by one
        // person; each refused breaks a rule, which the refusal names.
        for (k, g) in groups.iter_mut().enumerate() {
            g.locked = locks[k % locks.len()];
        }
        for (who, to) in moves {
            if groups.is_empty() {
                break;
            }
            let who = format!("p{}", who % roster.people.len().max(1));
            let to = to % groups.len();
            let from = groups.iter().position(|g| g.members.contains(&who));
            match move_person(&ladder, &roster, &config, &none, &groups, &who, to) {
                Ok(after) => {
                    let arranged = arrange(&ladder, &roster, &config, &none, &after);
                    check_groups(&ladder, &roster, &config, &arranged);
                    if from != Some(to) {
                        prop_assert!(after[to].members.contains(&who));
                        prop_assert_eq!(after[to].members.len(), groups[to].members.len() + 1);
                        for k in 0..groups.len() {
                            if k != to && Some(k) != from {
                                prop_assert_eq!(&after[k], &groups[k]);
                            }
                        }
                    }
                    groups = after;
                }
                Err(why) => {
                    let person = roster.person(&who).unwrap();
                    let target: Vec<&Person> = groups[to].members.iter().map(|id| roster.person(id).unwrap()).collect();
                    let shares_day = Day::ALL.iter().any(|&d| person.days.contains(d) && target.iter().all(|q| q.days.contains(d)));
                    let taking_part = person.intervisie.unwrap_or(!ladder.role(&person.role).unwrap().manages_people);
                    let broken = !taking_part
                        || groups[to].locked
                        || from.is_some_and(|f| groups[f].locked || groups[f].members.len() <= usize::from(min))
                        || target.len() >= usize::from(min + extra)
                        || !shares_day
                        || target.iter().any(|q| !may_meet(&roster, person, q));
                    prop_assert!(broken, "refused without a broken rule: {:?}", why);
                    prop_assert!(why.nl.contains(&who) || why.nl.contains("roep"), "{:?}", why);
                    prop_assert!(!why.nl.is_empty() && !why.en.is_empty());
                }
            }
        }
        // Formed again around the locked groups: those stay unchanged, at
        // their place (or as far down as leaves room for the locked ones
        // after them); everyone taking part is in one group or left out.
        let again = reform(&ladder, &roster, &config, &none, &groups);
        let locked: Vec<(usize, &Held)> = groups.iter().enumerate().filter(|(_, g)| g.locked).collect();
        let total = again.groups.len();
        for (j, (k, g)) in locked.iter().enumerate() {
            let at = (*k).min(total - (locked.len() - j));
            prop_assert_eq!(&again.groups[at].members, &g.members);
            prop_assert!(again.groups[at].locked);
        }
        prop_assert_eq!(again.groups.iter().filter(|g| g.locked).count(), locked.len());
        // The groups in words are those of their final order: arranged
        // again they say the same (the people left out name the groups
        // they fit by the numbers shown).
        prop_assert_eq!(&arrange(&ladder, &roster, &config, &none, &held(&again)), &again);
        check_groups(&ladder, &roster, &config, &again);
        let mut seen: Vec<&str> = again.groups.iter().flat_map(|g| g.members.iter().map(String::as_str)).chain(again.left_out.iter().map(|l| l.id.as_str())).collect();
        let n = seen.len();
        seen.sort_unstable();
        seen.dedup();
        prop_assert_eq!(seen.len(), n);
        prop_assert_eq!(n, again.taking_part);
    }
}

#[test]
fn a_move_that_breaks_a_rule_is_refused_with_the_rule() {
    let (ladder, mut roster) = example();
    let config = IntervisieConfig::default();
    let none = Earlier::default();
    let formed = form_groups(&ladder, &roster, &config, &none);
    let mut groups = held(&formed);
    assert!(groups.len() >= 3, "{formed:?}");
    // A group at its smallest size cannot give anyone away.
    let sizes: Vec<usize> = groups.iter().map(|g| g.members.len()).collect();
    assert_eq!(sizes, [5, 5, 6, 7, 7]);
    {
        let k = 0;
        let who = groups[k].members[0].clone();
        let to = (k + 1) % groups.len();
        let why = move_person(&ladder, &roster, &config, &none, &groups, &who, to).unwrap_err();
        assert!(
            why.nl
                .contains("kan niet weg uit groep 1: die houdt dan 4 mensen over, een groep heeft er minstens 5"),
            "{why:?}"
        );
        assert!(
            why.en
                .contains("cannot leave group 1: it would keep 4 people, a group needs at least 5"),
            "{why:?}"
        );
    }
    // A locked group keeps its people.
    groups[0].locked = true;
    let who = groups[0].members[0].clone();
    let why = move_person(&ladder, &roster, &config, &none, &groups, &who, 1).unwrap_err();
    assert!(
        why.nl
            .contains("kan niet worden verplaatst: groep 1 is vastgezet; maak de groep eerst los"),
        "{why:?}"
    );
    assert!(
        why.en
            .contains("cannot be moved: group 1 is locked; unlock it first"),
        "{why:?}"
    );
    groups[0].locked = false;
    // Someone avoided in the group.
    let target = 1;
    let other = groups[target].members[0].clone();
    let who = groups[2].members[0].clone();
    roster
        .people
        .iter_mut()
        .find(|p| p.id == who)
        .unwrap()
        .avoids
        .push(other.clone());
    let why = move_person(&ladder, &roster, &config, &none, &groups, &who, target).unwrap_err();
    assert!(
        why.nl.contains("willen liever niet samen in een groep"),
        "{why:?}"
    );
    assert!(why.nl.contains(&who) && why.nl.contains(&other), "{why:?}");
    assert!(
        why.en.contains("would rather not be in a group together"),
        "{why:?}"
    );
    // Without that, the move is made (group 3 has 6, group 2 has 5).
    roster
        .people
        .iter_mut()
        .find(|p| p.id == who)
        .unwrap()
        .avoids
        .clear();
    let moved = move_person(&ladder, &roster, &config, &none, &groups, &who, target).unwrap();
    assert_eq!((moved[1].members.len(), moved[2].members.len()), (6, 5));
    // A full group takes nobody.
    let who = moved[0].members[0].clone();
    let why = move_person(&ladder, &roster, &config, &none, &moved, &who, 3).unwrap_err();
    assert!(
        why.nl
            .contains("kan niet naar groep 4: die is vol, er zitten al 7 mensen in (hoogstens 7)"),
        "{why:?}"
    );
    // After a roster change the held groups say what is now wrong.
    roster
        .people
        .iter_mut()
        .find(|p| p.id == other)
        .unwrap()
        .avoids
        .clear();
    let member = groups[0].members[1].clone();
    roster.people.retain(|p| p.id != member);
    let arranged = arrange(&ladder, &roster, &config, &none, &groups);
    let problems = &arranged.groups[0].problems;
    assert!(
        problems
            .iter()
            .any(|p| p.nl.contains(&member) && p.nl.contains("niet meer mee aan intervisie")),
        "{problems:?}"
    );
}

/// Formed again with the groups at `locks` (places, from 0) locked: where
/// each locked group is afterwards (by its members), and how many groups
/// there are.
fn check_locked_places(locks: &[usize], drop_new: bool, expected: (&[usize], usize)) {
    let (ladder, roster) = example();
    let config = IntervisieConfig::default();
    let none = Earlier::default();
    let mut groups = held(&form_groups(&ladder, &roster, &config, &none));
    for &k in locks {
        groups[k].locked = true;
    }
    // Everyone but the locked groups' members out of intervisie: no new
    // group can be formed, so the locked groups must move up.
    let mut roster = roster;
    if drop_new {
        let kept: BTreeSet<String> = locks
            .iter()
            .flat_map(|&k| groups[k].members.iter().cloned())
            .collect();
        for p in &mut roster.people {
            if !kept.contains(&p.id) {
                p.intervisie = Some(false);
            }
        }
    }
    let again = reform(&ladder, &roster, &config, &none, &groups);
    let places: Vec<usize> = locks
        .iter()
        .map(|&k| {
            again
                .groups
                .iter()
                .position(|g| g.members == groups[k].members && g.locked)
                .unwrap_or(usize::MAX)
        })
        .collect();
    assert_eq!(
        (places.as_slice(), again.groups.len()),
        expected,
        "locked {locks:?}"
    );
    // The new groups by meeting day, then by their first member.
    let new: Vec<_> = again.groups.iter().filter(|g| !g.locked).collect();
    let place = |id: &str| roster.people.iter().position(|p| p.id == id);
    assert!(
        new.windows(2)
            .all(|w| (w[0].day, place(&w[0].members[0])) <= (w[1].day, place(&w[1].members[0]))),
        "{new:?}"
    );
}

#[test]
fn a_locked_group_keeps_its_number_when_formed_again() {
    // (locked places, everyone else out), (their places after, groups)
    check_locked_places(&[], false, (&[], 5));
    check_locked_places(&[0], false, (&[0], 5));
    check_locked_places(&[2], false, (&[2], 5));
    check_locked_places(&[4], false, (&[4], 5));
    check_locked_places(&[1, 3], false, (&[1, 3], 5));
    check_locked_places(&[0, 4], false, (&[0, 4], 5));
    check_locked_places(&[0, 1, 2, 3, 4], false, (&[0, 1, 2, 3, 4], 5));
    // Only the locked groups left: they close up, in their order.
    check_locked_places(&[2], true, (&[0], 1));
    check_locked_places(&[1, 4], true, (&[0, 1], 2));
    check_locked_places(&[0, 3], true, (&[0, 1], 2));
}

#[test]
fn someone_who_has_left_by_the_first_meetings_takes_no_part_in_the_app() {
    use doorgroei::exchange::{
        answer_intervisie, IntervisieReply, IntervisieRequest, IntervisieStep, TextFile,
    };
    let text = include_str!("../../../pathways/welzijn-groeit.yaml");
    let ladder_json = doorgroei::format::ladder_file_to_json(
        &doorgroei::format::load_ladder_file("l.yaml", text)
            .unwrap()
            .1,
    );
    let (_, mut roster) = example();
    let start = jiff::civil::date(2027, 1, 4);
    roster
        .people
        .iter_mut()
        .find(|p| p.id == "m0002")
        .unwrap()
        .leaves = Some(jiff::civil::date(2026, 12, 31));
    let request = |step| IntervisieRequest {
        ladder: ladder_json.clone(),
        roster: doorgroei::format::roster_to_json(&roster),
        settings: TextFile {
            name: "i.yaml".into(),
            text: "schema: doorgroei/intervisie@1\n".into(),
        },
        earlier: None,
        schedule: None,
        held: Vec::new(),
        start,
        months: 12,
        step,
    };
    match answer_intervisie(&request(IntervisieStep::Form)) {
        IntervisieReply::Groups { grouping, .. } => {
            assert_eq!(grouping.taking_part, 29);
            assert!(grouping
                .groups
                .iter()
                .all(|g| !g.members.contains(&"m0002".to_string())));
        }
        other => panic!("{other:?}"),
    }
    match answer_intervisie(&request(IntervisieStep::Supervision { today: start })) {
        IntervisieReply::Due(due) => {
            assert_eq!(due.len(), 17);
            assert!(due.iter().all(|d| d.id != "m0002"));
        }
        other => panic!("{other:?}"),
    }
}

/// A settings file opened in the Intervisie room, read in the worker: the
/// settings, or every problem at its line and column in both languages.
fn check_read_settings(text: &str, expected: Result<(u8, u8, u16, i64), &[[&str; 2]]>) {
    use doorgroei::exchange::{
        answer_intervisie, IntervisieReply, IntervisieRequest, IntervisieStep, TextFile,
    };
    let request = IntervisieRequest {
        // Not needed to read a settings file.
        ladder: String::new(),
        roster: String::new(),
        settings: TextFile {
            name: "i.yaml".into(),
            text: String::new(),
        },
        earlier: None,
        schedule: None,
        held: Vec::new(),
        start: jiff::civil::date(2027, 1, 4),
        months: 12,
        step: IntervisieStep::ReadSettings {
            file: TextFile {
                name: "mijn-instellingen.yaml".into(),
                text: text.into(),
            },
        },
    };
    match (answer_intervisie(&request), expected) {
        (IntervisieReply::Settings(c), Ok(settings)) => assert_eq!(
            (c.min_size, c.max_size, c.minutes, c.weights.earlier),
            settings,
            "{text}"
        ),
        (IntervisieReply::Problems(report), Err(lines)) => {
            assert_eq!(report.file, "mijn-instellingen.yaml");
            let got: Vec<[&str; 2]> = report
                .lines
                .iter()
                .map(|l| [l.nl.as_str(), l.en.as_str()])
                .collect();
            assert_eq!(got, lines, "{text}");
        }
        (other, expected) => panic!("{text}: {other:?}, expected {expected:?}"),
    }
}

#[test]
fn a_settings_file_opened_in_the_room_is_read_or_its_problems_are_shown() {
    let schema = "schema: doorgroei/intervisie@1\n";
    // (min_size, max_size, minutes, weights.earlier)
    let d = IntervisieConfig::default();
    check_read_settings(
        schema,
        Ok((d.min_size, d.max_size, d.minutes, d.weights.earlier)),
    );
    check_read_settings(
        &format!("{schema}min_size: 3\nmax_size: 4\nminutes: 60\nweights: {{earlier: 0}}\n"),
        Ok((3, 4, 60, 0)),
    );
    // What the room downloads reads back.
    check_read_settings(
        &format!("{schema}min_size: 6\nmax_size: 8\ncadence_weeks: 4\nminutes: 120\nsupervision_years: 3\nweights: {{team: 1, level: 2, education: 3, location: 4, specialism: 5, earlier: 1000}}\n"),
        Ok((6, 8, 120, 1000)),
    );
    check_read_settings(
        &format!("{schema}minutes: 20\nmax_size: 11\n"),
        Err(&[
            [
                "mijn-instellingen.yaml:2:10: minuten: ongeldige waarde 20; verwacht een geheel getal van 30 tot en met 480",
                "mijn-instellingen.yaml:2:10: minutes: invalid value 20; expected a whole number from 30 to 480",
            ],
            [
                "mijn-instellingen.yaml:3:11: max_size: ongeldige waarde 11; verwacht een geheel getal van 3 tot en met 10",
                "mijn-instellingen.yaml:3:11: max_size: invalid value 11; expected a whole number from 3 to 10",
            ],
        ]),
    );
    check_read_settings(
        "schema: doorgroei/matching@1\n",
        Err(&[[
            "mijn-instellingen.yaml:1:9: schema 'doorgroei/matching@1' wordt niet ondersteund; verwacht 'doorgroei/intervisie@1'",
            "mijn-instellingen.yaml:1:9: unsupported schema 'doorgroei/matching@1'; expected 'doorgroei/intervisie@1'",
        ]]),
    );
    check_read_settings(
        &format!("{schema}min_size: 6,5\n"),
        Err(&[[
            "mijn-instellingen.yaml:2:11: min_size: verwacht een geheel getal, gevonden de tekst '6,5'",
            "mijn-instellingen.yaml:2:11: min_size: expected a whole number, found text '6,5'",
        ]]),
    );
}
