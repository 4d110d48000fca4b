//! "Did you mean …?" for misspelled ids and names.

use crate::format::normalise;

/// The candidate closest to `word` by edit distance, if it is close enough to
/// be a likely typo (at most a third of the word's length, and at least 1).
pub fn closest<'a, I>(word: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let length = word.chars().count();
    let limit = (length / 3).max(1);
    let lower = word.to_lowercase();
    candidates
        .into_iter()
        // The distance is at least the difference in length: skip what cannot
        // be close without the O(n·m) table (a 5 MiB CSV cell would take
        // minutes and gigabytes).
        .filter(|c| length.abs_diff(c.chars().count()) <= limit)
        .map(|c| (distance(&lower, &c.to_lowercase()), c))
        .filter(|&(d, _)| d <= limit)
        // Ties go to the earliest candidate, so the answer is deterministic.
        .min_by_key(|&(d, _)| d)
        .map(|(_, c)| c)
}

/// Up to three of `things` closest to `word`, best first; each thing is
/// given by its names (an id, a Dutch and an English name) and suggested
/// by the one that comes closest. Case, accents and punctuation are
/// ignored. A name within a typo of the word (as [`closest`] allows) wins
/// outright: then only the names at the smallest distance are given.
/// Otherwise names that start with the word come first (`Sociaal werker
/// HBO` → `Sociaal werker HBO startbekwaam`), then names that have each of
/// its words (a word may be the start of theirs, or a typo of it), then
/// names that share half of its words (a word may also hold one of theirs
/// or be held in it: `Jongerenwerker` and `werker`); more words in common
/// first, then shorter names, then the order of `things`.
pub fn closest_few<'a, T, N>(word: &str, things: T) -> Vec<String>
where
    T: IntoIterator<Item = N>,
    N: IntoIterator<Item = &'a str>,
{
    let wanted = words(word);
    let joined: String = wanted.concat();
    let length = joined.chars().count();
    // A whole paragraph is no role name (and the tables cost its length).
    if length == 0 || length > 200 {
        return Vec::new();
    }
    let limit = (length / 3).max(1);
    let mut found: Vec<Match<'a>> = Vec::new();
    for (thing, names) in things.into_iter().enumerate() {
        let best = names
            .into_iter()
            .enumerate()
            .filter_map(|(order, name)| {
                let theirs = words(name);
                let whole: String = theirs.concat();
                let size = whole.chars().count();
                let at = |tier, rank| Match {
                    tier,
                    rank,
                    words: theirs.len(),
                    thing,
                    order,
                    name,
                };
                if size.abs_diff(length) <= limit {
                    let d = distance(&joined, &whole);
                    if d <= limit {
                        return Some(at(0, d));
                    }
                }
                // Each word's best match in the name (4 the same word, 3 its
                // start or a typo, 2 held in one another), and their sum.
                let scores: Vec<usize> = wanted.iter().map(|w| word_match(w, &theirs)).collect();
                let score: usize = scores.iter().sum();
                let tier = if length >= 3 && whole.starts_with(&joined) {
                    1
                } else if scores.iter().all(|&s| s >= 3) {
                    2
                } else if score * 2 >= 4 * wanted.len() {
                    3
                } else {
                    return None;
                };
                Some(at(tier, usize::MAX - score))
            })
            // Of one thing's names a typo first, else the one with most in
            // common, however it matches; on a tie the first (its name
            // rather than its id, as the caller lists them).
            .min_by_key(|m| (m.tier != 0, m.rank, m.order));
        found.extend(best);
    }
    crate::sort::sort(&mut found);
    if let Some(nearest) = found.first().filter(|m| m.tier == 0).map(|m| m.rank) {
        found.retain(|m| m.tier == 0 && m.rank == nearest);
    }
    found
        .into_iter()
        .take(3)
        .map(|m| m.name.to_string())
        .collect()
}

/// A name that comes close, in the order suggestions are given.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
struct Match<'a> {
    /// 0 a typo, 1 starts with the word, 2 has each of its words, 3 half.
    tier: u8,
    /// Within the tier, lower is closer: the distance of a typo, else
    /// fewer words in common.
    rank: usize,
    /// The name's words: a shorter name first.
    words: usize,
    /// The order of the thing, and of the name among the thing's names.
    thing: usize,
    order: usize,
    name: &'a str,
}

/// A text's words, [`normalise`]d (`Coördinator leren` → `coordinator`,
/// `leren`).
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .map(normalise)
        .filter(|w| !w.is_empty())
        .collect()
}

/// How well `word` matches its best match among `theirs`: 4 the same, 3
/// the start of one (3 letters or more) or a typo of one (4 letters or
/// more), 2 held in one or holding one (4 letters or more), else 0.
fn word_match(word: &str, theirs: &[String]) -> usize {
    let length = word.chars().count();
    theirs
        .iter()
        .map(|t| {
            let size = t.chars().count();
            let limit = (length.min(size) / 3).max(1);
            if word == t {
                4
            } else if (length >= 3 && t.starts_with(word))
                || (length.min(size) >= 4
                    && length.abs_diff(size) <= limit
                    && distance(word, t) <= limit)
            {
                3
            } else if length.min(size) >= 4 && (t.contains(word) || word.contains(t.as_str())) {
                2
            } else {
                0
            }
        })
        .max()
        .unwrap_or(0)
}

/// Levenshtein distance over chars, with adjacent swaps counted as one edit
/// (optimal string alignment), since swapped letters are the commonest typo.
pub fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let width = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * width];
    for (i, row) in d.chunks_mut(width).enumerate() {
        row[0] = i;
    }
    for (j, cell) in d.iter_mut().take(width).enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[(i - 1) * width + j] + 1)
                .min(d[i * width + j - 1] + 1)
                .min(d[(i - 1) * width + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[(i - 2) * width + j - 2] + 1);
            }
            d[i * width + j] = best;
        }
    }
    d[a.len() * width + b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(word: &str, candidates: &[&str], expected: Option<&str>) {
        assert_eq!(
            closest(word, candidates.iter().copied()),
            expected,
            "{word}"
        );
    }

    #[test]
    fn suggestions() {
        let levels = ["junior", "medior", "senior", "lead"];
        check("midior", &levels, Some("medior"));
        check("Senior", &levels, Some("senior"));
        check("junoir", &levels, Some("junior"));
        check("manager", &levels, None);
        check("", &levels, None);
        check("sw-junoir", &["sw-junior", "sw-medior"], Some("sw-junior"));
    }

    /// Roles of the welzijn-groeit ladder: Dutch and English name, id (in
    /// the roster loader's order: a name before the id on a tie).
    const ROLES: [[&str; 3]; 9] = [
        [
            "Sociaal werker MBO startbekwaam",
            "Social worker (MBO) starting",
            "sw-mbo-start",
        ],
        [
            "Sociaal werker MBO vakbekwaam",
            "Social worker (MBO) competent",
            "sw-mbo-vak",
        ],
        [
            "Werkbegeleider MBO",
            "Work supervisor (MBO)",
            "werkbegeleider",
        ],
        [
            "Sociaal werker HBO startbekwaam",
            "Social worker (HBO) starting",
            "sw-hbo-start",
        ],
        [
            "Sociaal werker HBO vakbekwaam",
            "Social worker (HBO) competent",
            "sw-hbo-vak",
        ],
        [
            "Senior sociaal werker HBO",
            "Senior social worker (HBO)",
            "sw-hbo-senior",
        ],
        [
            "Beleidsmedewerker sociaal domein",
            "Social policy officer",
            "beleidsmedewerker",
        ],
        [
            "Coördinator leren en ontwikkelen",
            "Learning and development coordinator",
            "coordinator-leren",
        ],
        ["Teamleider", "Team leader", "teamleider"],
    ];

    fn check_few(word: &str, expected: &[&str]) {
        assert_eq!(closest_few(word, ROLES), expected, "{word}");
    }

    #[test]
    fn the_closest_few_role_names() {
        // A typo: only the nearest.
        check_few("sw-hbo-strat", &["sw-hbo-start"]);
        check_few("Teamleidr", &["Teamleider"]);
        check_few("sw-xbo-vak", &["sw-mbo-vak", "sw-hbo-vak"]);
        // The start of names, then names with every word.
        check_few(
            "Sociaal werker HBO",
            &[
                "Sociaal werker HBO startbekwaam",
                "Sociaal werker HBO vakbekwaam",
                "Senior sociaal werker HBO",
            ],
        );
        check_few(
            "sociaal werker",
            &[
                "Sociaal werker MBO startbekwaam",
                "Sociaal werker MBO vakbekwaam",
                "Sociaal werker HBO startbekwaam",
            ],
        );
        check_few(
            "SOCIAAL WERKER hbo vak",
            &[
                "Sociaal werker HBO vakbekwaam",
                "Sociaal werker HBO startbekwaam",
                "Senior sociaal werker HBO",
            ],
        );
        check_few(
            "Social worker HBO",
            &[
                "Social worker (HBO) starting",
                "Social worker (HBO) competent",
                "Senior social worker (HBO)",
            ],
        );
        // Case and accents ignored; a word's start is enough.
        check_few("coordinator", &["Coördinator leren en ontwikkelen"]);
        check_few("coörd. leren", &["Coördinator leren en ontwikkelen"]);
        check_few("Senior sociaal werker", &["Senior sociaal werker HBO"]);
        // Half of the words, or a word held in another.
        check_few(
            "Maatschappelijk werker",
            &[
                "Sociaal werker MBO startbekwaam",
                "Sociaal werker MBO vakbekwaam",
                "Sociaal werker HBO startbekwaam",
            ],
        );
        check_few(
            "Jongerenwerker",
            &[
                "Sociaal werker MBO startbekwaam",
                "Sociaal werker MBO vakbekwaam",
                "Sociaal werker HBO startbekwaam",
            ],
        );
        check_few(
            "Medewerker",
            &[
                "Beleidsmedewerker sociaal domein",
                "Sociaal werker MBO startbekwaam",
                "Sociaal werker MBO vakbekwaam",
            ],
        );
        check_few("Teamleider Noord", &["Teamleider"]);
        // Nothing close.
        check_few("Manager", &[]);
        check_few("stagiair", &[]);
        check_few("Medewerker receptie", &[]);
        check_few("", &[]);
        check_few("--", &[]);
        check_few(&"sociaal werker ".repeat(1000), &[]);
    }

    #[test]
    fn distances() {
        assert_eq!(distance("", ""), 0);
        assert_eq!(distance("abc", ""), 3);
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("ab", "ba"), 1);
        assert_eq!(distance("beleid", "beleid"), 0);
    }
}
