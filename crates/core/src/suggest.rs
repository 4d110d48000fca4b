//! "Did you mean …?" for misspelled ids and names.

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

    #[test]
    fn distances() {
        assert_eq!(distance("", ""), 0);
        assert_eq!(distance("abc", ""), 3);
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("ab", "ba"), 1);
        assert_eq!(distance("beleid", "beleid"), 0);
    }
}
