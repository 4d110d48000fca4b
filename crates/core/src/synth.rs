//! Synthetic data for benchmarks and tests: large ladders that look like real
//! ones. Deterministic: a seed, not randomness, decides everything.

/// A deterministic pseudo-random sequence: the same seed, the same data.
pub struct Lcg(pub u64);

impl Lcg {
    /// A number in `0..n` (0 when `n` is 0).
    pub fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

/// `n` roles over four levels and five tracks, each with two to four steps
/// onward (mostly up a level, some sideways), a tenth of them managers.
pub fn ladder_yaml(n: usize, seed: u64) -> String {
    let mut rng = Lcg(seed);
    let levels = ["junior", "medior", "senior", "lead"];
    let mixes = [
        "{practice: 100}",
        "{practice: 60, teaching: 40}",
        "{practice: 50, policy: 50}",
        "{policy: 100}",
        "{research: 60, practice: 40}",
    ];
    let mut y = String::from("schema: doorgroei/ladder@1\norganisation: Groot\nroles:\n");
    let level_of = |i: usize| i * 4 / n;
    for i in 0..n {
        let level = level_of(i);
        y.push_str(&format!(
            "  - {{id: r{i}, name: {{nl: Functie {i}, en: Role {i}}}, level: {}, mix: {}, scale: {{min: {}, max: {}}}, education: hbo, manages_people: {}, competencies: [c{}]}}\n",
            levels[level],
            mixes[rng.next(mixes.len())],
            7 + level,
            8 + level,
            level >= 2 && rng.next(10) == 0,
            rng.next(20),
        ));
    }
    y.push_str("transitions:\n");
    let mut seen = std::collections::BTreeSet::new();
    for i in 0..n {
        let level = level_of(i);
        for _ in 0..2 + rng.next(3) {
            let up = level < 3 && rng.next(4) != 0;
            let band = if up { level + 1 } else { level };
            let (lo, hi) = (band * n / 4, ((band + 1) * n / 4).min(n));
            let j = lo + rng.next(hi - lo);
            if j == i || !seen.insert((i, j)) {
                continue;
            }
            let kind = if up { "promotion" } else { "lateral" };
            y.push_str(&format!(
                "  - {{from: r{i}, to: r{j}, kind: {kind}, min_years: {}, requirements: [{{competency: c{}}}, {{training: t{}}}]}}\n",
                1 + rng.next(3),
                rng.next(20),
                rng.next(10)
            ));
        }
    }
    y
}

/// `count` (from, goal) role-id pairs for a ladder made by [`ladder_yaml`]
/// with `n` roles: starts in the lower half, goals in the upper half.
pub fn route_queries(n: usize, count: usize, seed: u64) -> Vec<(String, String)> {
    let mut rng = Lcg(seed);
    let half = (n / 2).max(1);
    (0..count)
        .map(|_| {
            (
                format!("r{}", rng.next(half)),
                format!("r{}", half + rng.next(n - half)),
            )
        })
        .collect()
}

/// A realistic synthetic roster for the example ladder `welzijn-groeit.yaml`:
/// `juniors` starters (some career switchers), `mentors` seniors with
/// capacity 1–3 (about a third coaching-qualified), and a team leader per team
/// as line manager. Teams, locations, part-time days, specialisms and
/// languages vary. Deterministic for a seed.
pub fn roster(juniors: usize, mentors: usize, seed: u64) -> crate::roster::Roster {
    use crate::dates::add_days;
    use crate::roster::{Day, Days, Person, Roster};
    const FIRST: [&str; 24] = [
        "Anouk", "Bram", "Chaima", "Daan", "Eva", "Fatima", "Gijs", "Hanna", "Ilias", "Jasmijn",
        "Kees", "Lotte", "Mohamed", "Noor", "Olaf", "Priya", "Quinten", "Rosa", "Sem", "Tess",
        "Umut", "Vera", "Wouter", "Yara",
    ];
    const LAST: [&str; 16] = [
        "de Vries",
        "Jansen",
        "Bakker",
        "Visser",
        "Smit",
        "Meijer",
        "El Amrani",
        "Mulder",
        "de Boer",
        "Yilmaz",
        "Bos",
        "Vos",
        "Peters",
        "Hendriks",
        "Öztürk",
        "van Dijk",
    ];
    const TEAMS: [(&str, &str); 6] = [
        ("Wijkteam Noord", "Utrecht-Noord"),
        ("Wijkteam Oost", "Utrecht-Oost"),
        ("Wijkteam West", "Utrecht-West"),
        ("Jeugd en Gezin", "Utrecht-Centrum"),
        ("Schuldhulp", "Utrecht-Centrum"),
        ("Ouderenwerk", "Zeist"),
    ];
    const SPECIALISMS: [&str; 6] = [
        "jeugd",
        "schulden",
        "huiselijk geweld",
        "ouderen",
        "wijkteam",
        "ggz",
    ];
    const JUNIOR_ROLES: [&str; 4] = [
        "sw-hbo-start",
        "sw-mbo-start",
        "sw-hbo-start",
        "ervaringsdeskundige",
    ];
    const SENIOR_ROLES: [&str; 5] = [
        "sw-hbo-senior",
        "specialist-jeugd",
        "praktijkopleider",
        "sw-mbo-senior",
        "hybride-docent",
    ];
    let mut rng = Lcg(seed);
    let name = |rng: &mut Lcg| {
        format!(
            "{} {}",
            FIRST[rng.next(FIRST.len())],
            LAST[rng.next(LAST.len())]
        )
    };
    let days = |rng: &mut Lcg| {
        // Full-timers work 5 days, part-timers 3 or 4.
        let count = [5, 4, 4, 3][rng.next(4)];
        let mut all: Vec<Day> = Day::ALL[..5].to_vec();
        while all.len() > count {
            all.remove(rng.next(all.len()));
        }
        (Days::of(all), count as f64 * 7.2)
    };
    let mut people = Vec::new();
    let teams = TEAMS.len().min(juniors + mentors).max(1);
    for (t, (team, location)) in TEAMS.iter().take(teams).enumerate() {
        people.push(Person {
            team: team.to_string(),
            location: location.to_string(),
            languages: vec!["nl".into()],
            ..Person::new(format!("tl{t}"), name(&mut rng), "teamleider")
        });
    }
    let add = |rng: &mut Lcg, id: String, role: &str, mentor: bool| {
        let t = rng.next(teams);
        let (team, location) = TEAMS[t];
        let (d, hours) = days(rng);
        let mut specialisms = vec![SPECIALISMS[rng.next(SPECIALISMS.len())].to_string()];
        let extra = SPECIALISMS[rng.next(SPECIALISMS.len())].to_string();
        if !specialisms.contains(&extra) && (mentor || rng.next(2) == 0) {
            specialisms.push(extra);
        }
        let mut languages = vec!["nl".to_string()];
        if rng.next(4) == 0 {
            languages.push(["en", "ar", "tr", "pap"][rng.next(4)].to_string());
        }
        let year = 2026
            - if mentor {
                4 + rng.next(15)
            } else {
                rng.next(2)
            } as i16;
        Person {
            email: Some(format!("{id}@welzijngroeit.example")),
            id,
            name: name(rng),
            role: role.to_string(),
            team: team.to_string(),
            location: location.to_string(),
            manager: Some(format!("tl{t}")),
            specialisms,
            languages,
            days: d,
            hours,
            career_switcher: !mentor && rng.next(5) == 0,
            start: jiff::civil::Date::new(year, 1 + rng.next(12) as i8, 1).ok(),
            needs_mentor: false,
            capacity: if mentor { 1 + rng.next(3) as u32 } else { 0 },
            capacity_default: false,
            coaching: mentor && rng.next(3) == 0,
            prefers: Vec::new(),
            avoids: Vec::new(),
            absent: Vec::new(),
            intervisie: None,
            last_supervision: None,
            leaves: None,
            earlier_mentors: Vec::new(),
            registered: None,
        }
    };
    for i in 0..mentors {
        let role = SENIOR_ROLES[rng.next(SENIOR_ROLES.len())];
        people.push(add(&mut rng, format!("m{i:04}"), role, true));
    }
    for i in 0..juniors {
        let role = JUNIOR_ROLES[rng.next(JUNIOR_ROLES.len())];
        let mut p = add(&mut rng, format!("j{i:04}"), role, false);
        if mentors > 0 && rng.next(8) == 0 {
            p.prefers = vec![format!("m{:04}", rng.next(mentors))];
        }
        people.push(p);
    }
    // Summer leave for about half of them: two or three weeks in July or
    // August 2027 (a separate stream, so the rest of the roster does not
    // depend on it).
    let mut leave = Lcg(seed ^ 0x5eed_1eaf);
    for p in &mut people {
        if leave.next(2) == 0 {
            let july = jiff::civil::date(2027, 7, 5);
            let start = add_days(july, 7 * leave.next(6) as i64).unwrap_or(july);
            let end = add_days(start, 13 + 7 * leave.next(2) as i64).unwrap_or(start);
            p.absent = vec![(start, end)];
        }
    }
    Roster {
        people,
        pairs: Vec::new(),
    }
}

/// The scheduling benchmark's instance, the same natively and in the
/// browser: the pairs that [`crate::matching::assign`] makes of
/// `roster(2_000, 1_000, 42)` on `ladder`, reviewed four-weekly for 36 months
/// from Monday 4 January 2027.
pub fn scheduling_case(
    ladder: &crate::Ladder,
) -> (
    crate::roster::Roster,
    Vec<crate::schedule::PairRef>,
    crate::schedule::ScheduleConfig,
    jiff::civil::Date,
) {
    use crate::matching::{assign, MatchConfig};
    use crate::schedule::{PairRef, ScheduleConfig};
    let roster = roster(2_000, 1_000, 42);
    let pairs = assign(ladder, &roster, &MatchConfig::default())
        .pairs
        .iter()
        .map(PairRef::from)
        .collect();
    let config = ScheduleConfig {
        months: 36,
        ..ScheduleConfig::default()
    };
    (roster, pairs, config, jiff::civil::date(2027, 1, 4))
}
