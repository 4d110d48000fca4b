//! What the loaders say about inputs the formats allow but that are wrong or
//! probably wrong: limits, duplicate people and pairs, self-pairs, circles of
//! managers, downward promotions, pay scales listed twice, and pairs files.
//! Each case is an input and the exact lines it must give, in both languages.

use doorgroei::format::{load_ladder_checked, load_pairs, load_roster_checked, Loaded, PairsFile};
use doorgroei::matching::{assign, MatchConfig};
use doorgroei::roster::{Pair, Roster};
use doorgroei::{Ladder, Lang, LoadErrors};

fn ladder() -> Ladder {
    doorgroei::format::load_ladder(
        "l.yaml",
        include_str!("../../../pathways/welzijn-groeit.yaml"),
    )
    .unwrap()
}

fn lines(errors: &LoadErrors, lang: Lang) -> Vec<String> {
    errors.0.iter().map(|e| e.render(lang)).collect()
}

/// A roster file `name` with `text`: its errors (or, when it loads, its
/// warnings) in Dutch and English.
fn check_roster(name: &str, text: &str, nl: &[&str], en: &[&str]) {
    let found = match load_roster_checked(name, text.as_bytes(), &ladder()) {
        Ok(Loaded { warnings, .. }) => warnings,
        Err(errors) => errors,
    };
    assert_eq!(lines(&found, Lang::Nl), nl, "\n--- {name} ---\n{text}");
    assert_eq!(lines(&found, Lang::En), en, "\n--- {name} ---\n{text}");
}

const HEAD: &str = "id;name;role;days;capacity;manager;mentor";

#[test]
fn roster_limits_duplicates_and_self_pairs() {
    check_roster(
        "r.csv",
        &format!("{HEAD}\ns;S;sw-hbo-senior;ma;50;;\nt;T;sw-hbo-senior;ma;51;;\nu;U;sw-hbo-senior;ma;4000000000;;\n"),
        &[
            "r.csv:3:5: capacity: ongeldige waarde 51; verwacht een geheel getal van 0 tot en met 50",
            "r.csv:4:5: capacity: ongeldige waarde 4000000000; verwacht een geheel getal van 0 tot en met 50",
        ],
        &[
            "r.csv:3:5: capacity: invalid value 51; expected a whole number from 0 to 50",
            "r.csv:4:5: capacity: invalid value 4000000000; expected a whole number from 0 to 50",
        ],
    );
    // Windows line ends: the same lines.
    check_roster(
        "r.csv",
        &format!("{HEAD}\r\na;A;sw-hbo-start;ma;;;\r\nb;B;sw-hbo-start;ma;;;\r\na;A2;sw-hbo-start;ma;;;\r\n"),
        &["r.csv:4:1: persoon 'a' staat er twee keer in (eerder op regel 2)"],
        &["r.csv:4:1: person 'a' is listed twice (first on line 2)"],
    );
    check_roster(
        "r.yaml",
        "schema: doorgroei/roster@1\npeople:\n  - {id: a, name: A, role: sw-hbo-start, days: [ma]}\n  - {id: a, name: B, role: sw-hbo-start, days: [ma]}\n",
        &["r.yaml:4:10: persoon 'a' staat er twee keer in (eerder op regel 3)"],
        &["r.yaml:4:10: person 'a' is listed twice (first on line 3)"],
    );
    check_roster(
        "r.yaml",
        "schema: doorgroei/roster@1\npeople:\n  - {id: a, name: A, role: sw-hbo-start, days: [ma]}\n  - {id: s, name: S, role: sw-hbo-senior, days: [ma], capacity: 2}\npairs:\n  - {mentee: a, mentor: s}\n  - {mentee: a, mentor: s}\n  - {mentee: s, mentor: s}\n",
        &[
            "r.yaml:7:5: 'a' heeft al een mentor in een eerdere koppeling (eerder op regel 6)",
            "r.yaml:8:5: 's' is aan zichzelf gekoppeld; mentor en mentee moeten twee mensen zijn",
        ],
        &[
            "r.yaml:7:5: 'a' already has a mentor in an earlier pair (first on line 6)",
            "r.yaml:8:5: 's' is paired with themselves; mentor and mentee must be two people",
        ],
    );
    check_roster(
        "r.csv",
        &format!("{HEAD}\nj;J;sw-hbo-start;ma;;;j\n"),
        &["r.csv:2:7: 'j' is aan zichzelf gekoppeld; mentor en mentee moeten twee mensen zijn"],
        &["r.csv:2:7: 'j' is paired with themselves; mentor and mentee must be two people"],
    );
}

#[test]
fn roster_warnings_name_the_people_and_lines() {
    check_roster(
        "r.csv",
        &format!("{HEAD}\na;A;sw-hbo-start;ma;;b;\nb;B;teamleider;ma;;c;\nc;C;teamleider;ma;;a;\nd;D;teamleider;ma;;d;\ne;E;sw-hbo-start;ma;;d;\n"),
        &[
            "r.csv:2:6: waarschuwing: leidinggevenden vormen een kring: a → b → c → a",
            "r.csv:5:6: waarschuwing: 'd' is de eigen leidinggevende",
        ],
        &[
            "r.csv:2:6: warning: managers form a circle: a → b → c → a",
            "r.csv:5:6: warning: 'd' is their own manager",
        ],
    );
    // Nobody is left out of matching by a circle: the walk up the line stops.
    let text = format!(
        "{HEAD}\na;A;sw-hbo-start;ma;;b;\nb;B;sw-hbo-senior;ma;1;a;\ns;S;sw-hbo-senior;ma;1;;\n"
    );
    let roster: Roster = load_roster_checked("r.csv", text.as_bytes(), &ladder())
        .unwrap()
        .value;
    let result = doorgroei::matching::assign(&ladder(), &roster, &Default::default());
    assert_eq!(result.pairs[0].mentor, "s");
}

fn check_ladder(from: &str, to: &str, nl: &[&str], en: &[&str]) {
    let base = include_str!("../../../pathways/welzijn-groeit.yaml");
    assert!(base.contains(from), "{from}");
    let text = base.replacen(from, to, 1);
    let loaded = load_ladder_checked("l.yaml", &text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(lines(&loaded.warnings, Lang::Nl), nl);
    assert_eq!(lines(&loaded.warnings, Lang::En), en);
}

#[test]
fn ladder_warnings() {
    check_ladder("pay_scales:\n", "pay_scales:\n", &[], &[]);
    let line = |needle: &str| {
        include_str!("../../../pathways/welzijn-groeit.yaml")
            .lines()
            .position(|l| l.contains(needle))
            .unwrap()
            + 1
    };
    let scales = line("pay_scales:");
    check_ladder(
        "pay_scales:\n",
        "pay_scales:\n  - {scale: 8, min: 1, max: 2}\n",
        &[&format!(
            "l.yaml:{}:13: waarschuwing: schaal 8 staat twee keer in pay_scales (eerder op regel {}); de eerste telt",
            line("{scale: 8,") + 1,
            scales + 1
        )],
        &[&format!(
            "l.yaml:{}:13: warning: scale 8 is listed twice in pay_scales (first on line {}); the first counts",
            line("{scale: 8,") + 1,
            scales + 1
        )],
    );
    let down = "  - {from: praktijkopleider, to: sw-mbo-vak, kind: promotion}";
    let at = format!(
        "l.yaml:{}:{}",
        line("transitions:") + 1,
        down.find("promotion").unwrap() + 1
    );
    check_ladder(
        "transitions:\n",
        &format!("transitions:\n{down}\n"),
        &[&format!("{at}: waarschuwing: de promotie van 'praktijkopleider' (senior) naar 'sw-mbo-vak' (medior) gaat een niveau omlaag; bedoel je kind: lateral?")],
        &[&format!("{at}: warning: the promotion from 'praktijkopleider' (senior) to 'sw-mbo-vak' (medior) goes down a level; did you mean kind: lateral?")],
    );
}

/// A pairs file against a small roster: its problems, in both languages.
fn check_pairs(text: &str, nl: &[&str], en: &[&str]) {
    let roster_text = format!(
        "{HEAD}\nj1;J1;sw-hbo-start;ma;;;\nj2;J2;sw-hbo-start;ma;;;\ns1;S1;sw-hbo-senior;ma;2;;\n"
    );
    let roster = load_roster_checked("r.csv", roster_text.as_bytes(), &ladder())
        .unwrap()
        .value;
    let errors = load_pairs("p.json", text, &roster).unwrap_err();
    assert_eq!(lines(&errors, Lang::Nl), nl, "\n{text}");
    assert_eq!(lines(&errors, Lang::En), en, "\n{text}");
}

#[test]
fn pairs_files_are_checked_like_any_file() {
    check_pairs(
        r#"{"pairs": [
  {"mentee": "j1", "mentor": "s1"},
  {"mentee": "j2", "mentor": "zz"},
  {"mentee": "j1", "mentor": "s1"},
  {"mentee": "j2", "mentor": "j2"}
]}"#,
        &[
            "p.json:3:30: onbekende persoon 'zz'",
            "p.json:4:14: 'j1' heeft al een mentor in een eerdere koppeling (eerder op regel 2)",
            "p.json:5:14: 'j2' heeft al een mentor in een eerdere koppeling (eerder op regel 3)",
            "p.json:5:30: 'j2' is aan zichzelf gekoppeld; mentor en mentee moeten twee mensen zijn",
        ],
        &[
            "p.json:3:30: unknown person 'zz'",
            "p.json:4:14: 'j1' already has a mentor in an earlier pair (first on line 2)",
            "p.json:5:14: 'j2' already has a mentor in an earlier pair (first on line 3)",
            "p.json:5:30: 'j2' is paired with themselves; mentor and mentee must be two people",
        ],
    );
    check_pairs(
        r#"[{"mentee": "j1", "mentor": "s2"}]"#,
        &["p.json:1:29: onbekende persoon 's2'; bedoel je 'j2'?"],
        &["p.json:1:29: unknown person 's2'; did you mean 'j2'?"],
    );
    let big = format!(
        "[{}]",
        r#"{"mentee": "j1", "mentor": "s1"},"#.repeat(200_000)
    );
    let errors = {
        let roster = Roster::default();
        load_pairs("p.json", &big, &roster).unwrap_err()
    };
    assert!(
        lines(&errors, Lang::Nl)[0].starts_with("p.json: bestand is te groot"),
        "{errors}"
    );
}

/// Every kind of entry a pairs file has: a locked pair that breaks a rule
/// (j2 with their own manager), pairs that end (same team, no shared day),
/// and a mentee who shares a working day with no mentor (j5).
const EVERY_KIND: &str = "id;name;role;team;days;capacity;manager;avoids;mentor;locked
s1;Sara Smit;sw-hbo-senior;Noord;ma|di;2;;;;
s2;Siem Sol;sw-hbo-senior;Oost;wo;2;;;;
s3;Stan Stam;sw-hbo-senior;West;ma|di|wo|do|vr;4;;;;
j1;Jan Jansen;sw-hbo-start;Noord;ma|di;;;;s1;nee
j2;Joke de Wit;sw-hbo-start;Zuid;ma|di;;s1;;s1;ja
j3;Kees Bos;sw-hbo-start;Zuid;ma;;;;s2;nee
j4;Lot Lam;sw-hbo-start;Zuid;ma|di|wo;;;;;
j5;Mo Moes;sw-hbo-start;Zuid;za;;;;;
";

#[test]
fn a_written_pairs_file_reads_back_the_same_pairs() {
    let ladder = ladder();
    let roster = load_roster_checked("r.csv", EVERY_KIND.as_bytes(), &ladder)
        .unwrap()
        .value;
    for (rematch, lang) in [(false, Lang::Nl), (false, Lang::En), (true, Lang::Nl)] {
        let config = MatchConfig {
            rematch,
            ..MatchConfig::default()
        };
        let outcome = assign(&ladder, &roster, &config);
        let file = PairsFile::new(&outcome, lang);
        let flagged = file.pairs.iter().filter(|p| !p.problems.is_empty()).count();
        let kinds = (flagged, file.ended.len(), file.unmatched.len());
        assert_eq!(kinds, if rematch { (1, 0, 1) } else { (1, 2, 1) });
        let text = serde_json::to_string_pretty(&file).unwrap();
        assert_eq!(serde_json::from_str::<PairsFile>(&text).unwrap(), file);
        // What the schedule reads: who with whom, locked or not; also from
        // a plain list of the pairs.
        let expected: Vec<Pair> = outcome.pairs.iter().map(Pair::from).collect();
        assert_eq!(load_pairs("p.json", &text, &roster).unwrap(), expected);
        let list = serde_json::to_string(&file.pairs).unwrap();
        assert_eq!(load_pairs("p.json", &list, &roster).unwrap(), expected);
        let read: Vec<Pair> = file.pairs.iter().map(|p| p.pair()).collect();
        assert_eq!(read, expected);
    }
}
