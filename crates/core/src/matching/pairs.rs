//! The eligible pairs, worked out a mentee at a time.
//!
//! Most mentees could go to most mentors, so a large roster has a great many
//! eligible pairs: 150 million at 20,000 × 9,000, 450 million at the roster
//! limit of 50,000 people. Kept in memory at 8 bytes each they would not fit
//! the 2 GiB a run may take, so they are not kept: [`Pairs`] holds what
//! decides a pair, on interned words (team, location, languages and
//! specialisms as small numbers, days as a bit set), and gives one mentee's
//! eligible mentors with their scores when the solver asks for them, a few
//! nanoseconds a pair. The rules are the same as [`super::violation`] and
//! [`super::score`] apply to a single pair (the integration tests check the
//! two against each other on small rosters).

use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet};

use super::solver::{Pair, Rows};
use super::{Lines, MatchConfig, Weights};
use crate::roster::{Day, Days, Person};
use crate::sort;

/// A word nobody has: a mentee without a team rule or a location never
/// equals a mentor's.
const NO_WORD: u32 = u32::MAX;

/// Every eligible pair of a run, worked out on demand (see the module doc).
pub(super) struct Pairs {
    weights: Weights,
    /// The score of sharing a set of days (bit `d` for `Day` number `d`).
    day_score: [i64; 128],
    /// Mentors with room, in the run's mentor order.
    open: Vec<Open>,
    /// Their language bits, `lw` words a mentor. Bit 0 stands for "any
    /// language": a mentee's row always has it, a mentor's only when the
    /// mentor gave no languages, so either side without languages agrees.
    langs: Vec<u64>,
    lw: usize,
    /// Their specialism bits, `sw` words a mentor.
    specs: Vec<u64>,
    sw: usize,
    mentees: Vec<Mentee>,
    /// The mentees' language and specialism bits, `lw` and `sw` words each.
    mentee_langs: Vec<u64>,
    mentee_specs: Vec<u64>,
}

/// What decides a pair on a mentor's side.
struct Open {
    /// The first words of its language and specialism bits: all of them
    /// when each set fits one word.
    langs: u64,
    specs: u64,
    /// Index in the run's mentor list.
    mentor: u32,
    days: u8,
    team: u32,
    place: u32,
    /// The coaching weight, or 0.
    coaching: i64,
}

/// What decides a pair on a mentee's side, bits aside.
struct Mentee {
    days: u8,
    /// The team no mentor may share ([`NO_WORD`]: none).
    team: u32,
    /// The location that scores ([`NO_WORD`]: none).
    place: u32,
    /// Mentors with room ruled out by name (the management line, avoided,
    /// oneself, paired before), increasing.
    excluded: Vec<u32>,
    /// Added to every pair's score: the waiting term.
    bonus: i64,
    /// Preferred mentors with room, increasing.
    prefers: Vec<u32>,
    /// Empty, unless a specialism is listed twice: then every listed
    /// specialism's number, repeats included, since a repeat counts twice
    /// (as in [`super::score`]).
    repeated: Vec<u32>,
}

/// Words, ignoring case and surrounding space, as small numbers.
#[derive(Default)]
struct Vocabulary(BTreeMap<String, u32>);

impl Vocabulary {
    fn key(word: &str) -> String {
        word.trim().to_ascii_lowercase()
    }

    fn id(&mut self, word: &str) -> u32 {
        let next = self.0.len() as u32;
        *self.0.entry(Self::key(word)).or_insert(next)
    }

    /// The words of `all`, numbered from the most frequent (ties: in
    /// alphabetical order).
    fn by_frequency<'a>(all: impl Iterator<Item = &'a String>) -> Vocabulary {
        let mut counts: BTreeMap<String, usize> = BTreeMap::new();
        for word in all {
            *counts.entry(Self::key(word)).or_default() += 1;
        }
        let mut order: Vec<(Reverse<usize>, String)> =
            counts.into_iter().map(|(w, c)| (Reverse(c), w)).collect();
        order.sort_unstable();
        Vocabulary(
            order
                .into_iter()
                .enumerate()
                .map(|(id, (_, w))| (w, id as u32))
                .collect(),
        )
    }

    /// The id of a word already known.
    fn find(&self, word: &str) -> Option<u32> {
        self.0.get(&Self::key(word)).copied()
    }
}

/// A set of days as its bits, bit `d` for `Day` number `d`.
fn day_bits(days: Days) -> u8 {
    Day::ALL
        .into_iter()
        .filter(|&d| days.contains(d))
        .fold(0, |bits, d| bits | 1 << d as u8)
}

/// How many of the 8 bits of a byte are set.
const BITS_SET: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut x = 0;
    while x < 256 {
        table[x] = (x as u8).count_ones() as u8;
        x += 1;
    }
    table
};

/// 64-bit words for `bits` bits.
fn words(bits: usize) -> usize {
    bits.div_ceil(64).max(1)
}

/// Sets a bit per number in `row`.
fn set_bits(row: &mut [u64], bits: impl IntoIterator<Item = u32>) {
    for b in bits {
        row[b as usize / 64] |= 1 << (b % 64);
    }
}

/// Weights are at most `MAX_WEIGHT` and two people in one file of at most
/// `MAX_FILE_BYTES` share fewer than 1.4 million specialisms, so a score
/// stays below 1.5e9; only a roster built in code could leave `i32`, where
/// it is capped.
fn capped(score: i64) -> i32 {
    score.clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32
}

impl Pairs {
    /// Interns what decides the pairs of `mentees` and `mentors` (mentors
    /// with their load from kept pairs; those without room get no pairs).
    /// Pairs in `before` (mentee, mentor) are ruled out; `bonus[i]` is
    /// added to every pair of mentee `i`.
    pub(super) fn new(
        lines: &Lines,
        mentees: &[&Person],
        mentors: &[(&Person, u32)],
        config: &MatchConfig,
        before: &BTreeSet<(&str, &str)>,
        bonus: &[i64],
    ) -> Pairs {
        let (mut teams, mut places) = (Vocabulary::default(), Vocabulary::default());
        let mut languages = Vocabulary::default();
        // The most common specialisms get the lowest numbers: a mentee whose
        // specialisms are all among the first eight is scored by a table.
        let specialisms = Vocabulary::by_frequency(
            mentors
                .iter()
                .filter(|(m, load)| *load < m.capacity)
                .flat_map(|(m, _)| &m.specialisms),
        );
        let open: Vec<Open> = mentors
            .iter()
            .enumerate()
            .filter(|(_, (m, load))| *load < m.capacity)
            .map(|(j, (m, _))| {
                for l in &m.languages {
                    languages.id(l);
                }
                Open {
                    langs: 0,
                    specs: 0,
                    mentor: j as u32,
                    days: day_bits(m.days),
                    team: teams.id(&m.team),
                    place: places.id(&m.location),
                    coaching: if m.coaching {
                        config.weights.coaching
                    } else {
                        0
                    },
                }
            })
            .collect();
        // Language numbers start at 1: bit 0 is "any language".
        let language_bits = |l: &Vec<String>| -> Vec<u32> {
            l.iter()
                .filter_map(|l| languages.find(l))
                .map(|x| x + 1)
                .collect()
        };
        let (lw, sw) = (words(languages.0.len() + 1), words(specialisms.0.len()));
        let mut langs = vec![0u64; lw * open.len()];
        let mut specs = vec![0u64; sw * open.len()];
        let mut open = open;
        for ((o, lrow), srow) in open
            .iter_mut()
            .zip(langs.chunks_exact_mut(lw))
            .zip(specs.chunks_exact_mut(sw))
        {
            let m = mentors[o.mentor as usize].0;
            if m.languages.is_empty() {
                lrow.fill(u64::MAX);
            } else {
                set_bits(lrow, language_bits(&m.languages));
            }
            set_bits(
                srow,
                m.specialisms.iter().filter_map(|s| specialisms.find(s)),
            );
            (o.langs, o.specs) = (lrow[0], srow[0]);
        }
        // Only mentors with room: rows never hold the others.
        let index: BTreeMap<&str, u32> = sort::map_of(
            open.iter()
                .map(|o| (mentors[o.mentor as usize].0.id.as_str(), o.mentor)),
        );
        let indices = |ids: &mut dyn Iterator<Item = &str>| -> Vec<u32> {
            let mut v: Vec<u32> = ids.filter_map(|id| index.get(id).copied()).collect();
            v.sort_unstable();
            v.dedup();
            v
        };
        let nonempty = |s: &str| !s.trim().is_empty();
        let mut mentee_langs = vec![0u64; lw * mentees.len()];
        let mut mentee_specs = vec![0u64; sw * mentees.len()];
        let mentees = mentees
            .iter()
            .zip(
                mentee_langs
                    .chunks_exact_mut(lw)
                    .zip(mentee_specs.chunks_exact_mut(sw)),
            )
            .enumerate()
            .map(|(i, (mentee, (lrow, srow)))| {
                let earlier = before
                    .range((mentee.id.as_str(), "")..)
                    .take_while(|(a, _)| *a == mentee.id.as_str())
                    .map(|(_, m)| *m);
                let excluded = indices(
                    &mut lines
                        .line(&mentee.id)
                        .into_iter()
                        .chain(mentee.avoids.iter().map(String::as_str))
                        .chain(std::iter::once(mentee.id.as_str()))
                        .chain(earlier),
                );
                let prefers = indices(&mut mentee.prefers.iter().map(String::as_str));
                let team = (config.not_same_team && nonempty(&mentee.team))
                    .then(|| teams.find(&mentee.team))
                    .flatten()
                    .unwrap_or(NO_WORD);
                let place = nonempty(&mentee.location)
                    .then(|| places.find(&mentee.location))
                    .flatten()
                    .unwrap_or(NO_WORD);
                if mentee.languages.is_empty() {
                    lrow.fill(u64::MAX);
                } else {
                    set_bits(
                        lrow,
                        std::iter::once(0).chain(language_bits(&mentee.languages)),
                    );
                }
                let spec_ids: Vec<u32> = mentee
                    .specialisms
                    .iter()
                    .filter_map(|s| specialisms.find(s))
                    .collect();
                set_bits(srow, spec_ids.iter().copied());
                let distinct = srow.iter().map(|x| x.count_ones() as usize).sum::<usize>();
                Mentee {
                    days: day_bits(mentee.days),
                    team,
                    place,
                    excluded,
                    bonus: bonus.get(i).copied().unwrap_or(0),
                    prefers,
                    repeated: if distinct == spec_ids.len() {
                        Vec::new()
                    } else {
                        spec_ids
                    },
                }
            })
            .collect();
        let mut day_score = [0i64; 128];
        for (bits, score) in day_score.iter_mut().enumerate() {
            *score = config.weights.shared_day * i64::from(bits.count_ones());
        }
        Pairs {
            weights: config.weights,
            day_score,
            open,
            langs,
            lw,
            specs,
            sw,
            mentees,
            mentee_langs,
            mentee_specs,
        }
    }

    /// How many eligible pairs mentee `i` has.
    pub(super) fn count(&self, i: usize) -> usize {
        self.row(i, &mut Vec::new()).len()
    }
}

impl Rows for Pairs {
    fn mentees(&self) -> usize {
        self.mentees.len()
    }

    fn row<'a>(&'a self, i: usize, buf: &'a mut Vec<Pair>) -> &'a [Pair] {
        let me = &self.mentees[i];
        if self.lw == 1 && self.sw == 1 && me.repeated.is_empty() {
            let (langs, specs) = (self.mentee_langs[i], self.mentee_specs[i]);
            if specs < 256 {
                self.narrow_row::<true>(me, langs, specs, buf);
            } else {
                self.narrow_row::<false>(me, langs, specs, buf);
            }
        } else {
            self.wide_row(i, buf);
        }
        buf
    }
}

impl Pairs {
    /// A row when each set of bits fits one word (fewer than 64 languages
    /// and specialisms among the mentors) and the mentee lists no
    /// specialism twice: the common case, and the loop the solver's time
    /// goes to. Every mentor's pair is written at the end of the row and
    /// the row only grows when it is eligible, so nothing in the loop
    /// branches on the data; mentors named by id (ruled out, preferred)
    /// are few and seen to after. Shared days and (`SMALL`: the mentee's
    /// specialisms are among the first eight) shared specialisms are
    /// scored by table: the target has no instruction to count bits.
    fn narrow_row<const SMALL: bool>(
        &self,
        me: &Mentee,
        my_langs: u64,
        my_specs: u64,
        buf: &mut Vec<Pair>,
    ) {
        let w = &self.weights;
        let mut spec_score = [0i64; 256];
        if SMALL {
            for (x, score) in spec_score.iter_mut().enumerate() {
                *score = w.specialism * i64::from(BITS_SET[x & my_specs as usize]);
            }
        }
        let (my_days, my_team, my_place) = (me.days, me.team, me.place);
        buf.resize(
            self.open.len(),
            Pair {
                mentor: 0,
                score: 0,
            },
        );
        let mut len = 0;
        for o in &self.open {
            let days = usize::from(my_days & o.days & 0x7f);
            // `&`, not `&&`: no branch.
            let eligible = (days != 0) & (o.team != my_team) & (o.langs & my_langs != 0);
            let common = if SMALL {
                spec_score[(o.specs & my_specs & 0xff) as usize]
            } else {
                w.specialism * i64::from((o.specs & my_specs).count_ones())
            };
            let place = if o.place == my_place { w.location } else { 0 };
            let score = common + self.day_score[days] + o.coaching + place;
            buf[len] = Pair {
                mentor: o.mentor,
                score: capped(score),
            };
            len += usize::from(eligible);
        }
        buf.truncate(len);
        self.named(me, buf);
    }

    /// Takes the mentors `me` rules out by id from `row`, adds the
    /// preference weight to those it prefers (rows are in mentor order)
    /// and the mentee's waiting term to all.
    fn named(&self, me: &Mentee, row: &mut Vec<Pair>) {
        if me.bonus != 0 {
            for p in row.iter_mut() {
                p.score = capped(i64::from(p.score) + me.bonus);
            }
        }
        for &j in &me.prefers {
            if let Ok(at) = row.binary_search_by_key(&j, |p| p.mentor) {
                let score = i64::from(row[at].score) + self.weights.preference;
                row[at].score = capped(score);
            }
        }
        // One pass, both in mentor order: removing them one by one moved
        // the rest of the row each time (seconds for a mentee under a
        // long chain of managers, whose row is read many times).
        if !me.excluded.is_empty() {
            let mut excluded = me.excluded.iter().peekable();
            row.retain(|p| {
                while excluded.next_if(|&&j| j < p.mentor).is_some() {}
                excluded.peek() != Some(&&p.mentor)
            });
        }
    }

    /// Any row: bit sets of several words, specialisms listed twice.
    fn wide_row(&self, i: usize, buf: &mut Vec<Pair>) {
        buf.clear();
        let (lw, sw, w) = (self.lw, self.sw, &self.weights);
        let me = &self.mentees[i];
        let my_langs = &self.mentee_langs[i * lw..(i + 1) * lw];
        let my_specs = &self.mentee_specs[i * sw..(i + 1) * sw];
        let mentors = self
            .open
            .iter()
            .zip(self.langs.chunks_exact(lw))
            .zip(self.specs.chunks_exact(sw));
        for ((o, langs), specs) in mentors {
            let days = usize::from(me.days & o.days & 0x7f);
            if days == 0
                || o.team == me.team
                || !langs.iter().zip(my_langs).any(|(a, b)| a & b != 0)
            {
                continue;
            }
            let common = if me.repeated.is_empty() {
                specs
                    .iter()
                    .zip(my_specs)
                    .map(|(a, b)| i64::from((a & b).count_ones()))
                    .sum::<i64>()
            } else {
                me.repeated
                    .iter()
                    .filter(|&&s| specs[s as usize / 64] >> (s % 64) & 1 == 1)
                    .count() as i64
            };
            let score = w.specialism * common
                + self.day_score[days]
                + o.coaching
                + if o.place == me.place { w.location } else { 0 };
            buf.push(Pair {
                mentor: o.mentor,
                score: capped(score),
            });
        }
        self.named(me, buf);
    }
}
