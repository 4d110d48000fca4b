//! Edits to a roster's people in the app: change a person, add one,
//! remove one, each undoable (after `edit`'s steps for ladders).
//!
//! An edit is made of [`Step`]s, each of which applies with its exact
//! inverse, so undoing an edit is applying its inverse steps; an undo list
//! keeps only the steps, not copies of the roster. Ids stay references:
//! a changed id is carried into every manager, preferred and avoided
//! mentor and pair that named it, and a removed person leaves no
//! reference behind (their pairs end, and they leave every list that
//! named them), so a roster that was valid stays valid. Whether a
//! person's own fields are valid is the roster loader's to say
//! (`format::check_person`).

use crate::roster::{Pair, Person, Roster};

/// One step on a roster. Each applies with its exact inverse ([`Step::apply`]).
#[derive(Clone, Debug, PartialEq)]
pub enum Step {
    /// Put this person at the position, in place of the one there.
    Set(usize, Box<Person>),
    /// Insert this person at the position (the end at most).
    Insert(usize, Box<Person>),
    /// Remove the person at the position.
    Remove(usize),
    /// Put this pair at the position, in place of the one there.
    SetPair(usize, Pair),
    /// Insert this pair at the position (the end at most).
    InsertPair(usize, Pair),
    /// Remove the pair at the position.
    RemovePair(usize),
}

impl Step {
    /// Applies the step and returns its inverse; `None` (and the roster as
    /// it was) when the position is not in the roster.
    pub fn apply(self, roster: &mut Roster) -> Option<Step> {
        fn put<T>(list: &mut [T], at: usize, item: T) -> Option<T> {
            list.get_mut(at).map(|slot| std::mem::replace(slot, item))
        }
        let people = &mut roster.people;
        let pairs = &mut roster.pairs;
        Some(match self {
            Step::Set(at, p) => Step::Set(at, Box::new(put(people, at, *p)?)),
            Step::Insert(at, p) if at <= people.len() => {
                people.insert(at, *p);
                Step::Remove(at)
            }
            Step::Remove(at) if at < people.len() => Step::Insert(at, Box::new(people.remove(at))),
            Step::SetPair(at, p) => Step::SetPair(at, put(pairs, at, p)?),
            Step::InsertPair(at, p) if at <= pairs.len() => {
                pairs.insert(at, p);
                Step::RemovePair(at)
            }
            Step::RemovePair(at) if at < pairs.len() => Step::InsertPair(at, pairs.remove(at)),
            _ => return None,
        })
    }
}

/// Applies `steps` in order and returns the steps that undo them all (the
/// inverses, last first). A step that cannot apply is left out of both.
pub fn apply(roster: &mut Roster, steps: Vec<Step>) -> Vec<Step> {
    let mut undo: Vec<Step> = steps.into_iter().filter_map(|s| s.apply(roster)).collect();
    undo.reverse();
    undo
}

/// What an edit did: the steps that undo it, and what else it changed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Done {
    /// Applying these (with [`apply`]) undoes the edit.
    pub undo: Vec<Step>,
    /// Pairs ended: those of a removed person.
    pub ended: usize,
    /// Other people changed because they named this person (as manager,
    /// preferred or avoided mentor): the id followed, or the name left.
    pub others: usize,
}

/// Adds `person` at the end; `None` when their id is taken.
pub fn add_person(roster: &mut Roster, person: Person) -> Option<Done> {
    if roster.person(&person.id).is_some() {
        return None;
    }
    let at = roster.people.len();
    Some(Done {
        undo: apply(roster, vec![Step::Insert(at, Box::new(person))]),
        ..Done::default()
    })
}

/// Puts `person` in the place of the person at `at`. When the id changes,
/// everything that named the old one names the new one. `None` (nothing
/// changed) when there is nobody at `at` or another person has the new id.
pub fn change_person(roster: &mut Roster, at: usize, person: Person) -> Option<Done> {
    let old = roster.people.get(at)?.id.clone();
    if person.id != old && roster.person(&person.id).is_some() {
        return None;
    }
    let new = person.id.clone();
    let mut steps = vec![Step::Set(at, Box::new(person))];
    let mut others = 0;
    if new != old {
        let rename = |id: &mut String| {
            let hit = *id == old;
            if hit {
                id.clone_from(&new);
            }
            hit
        };
        for (i, p) in roster.people.iter().enumerate().filter(|(i, _)| *i != at) {
            let mut q = p.clone();
            let mut hit = q.manager.as_mut().is_some_and(rename);
            for id in q
                .prefers
                .iter_mut()
                .chain(q.avoids.iter_mut())
                .chain(q.earlier_mentors.iter_mut())
            {
                hit |= rename(id);
            }
            if hit {
                others += 1;
                steps.push(Step::Set(i, Box::new(q)));
            }
        }
        for (i, pair) in roster.pairs.iter().enumerate() {
            let mut q = pair.clone();
            if rename(&mut q.mentee) | rename(&mut q.mentor) {
                steps.push(Step::SetPair(i, q));
            }
        }
    }
    Some(Done {
        undo: apply(roster, steps),
        ended: 0,
        others,
    })
}

/// Removes the person at `at` with their pairs (as mentee and as mentor),
/// and takes them out of every other person's manager, preferred,
/// avoided and earlier mentors. `None` when there is nobody at `at`.
pub fn remove_person(roster: &mut Roster, at: usize) -> Option<Done> {
    let id = roster.people.get(at)?.id.clone();
    let mut steps = Vec::new();
    let mut others = 0;
    for (i, p) in roster.people.iter().enumerate().filter(|(i, _)| *i != at) {
        let named = p.manager.as_ref() == Some(&id)
            || p.prefers.contains(&id)
            || p.avoids.contains(&id)
            || p.earlier_mentors.contains(&id);
        if named {
            let mut q = p.clone();
            q.manager.take_if(|m| *m == id);
            q.prefers.retain(|x| *x != id);
            q.avoids.retain(|x| *x != id);
            q.earlier_mentors.retain(|x| *x != id);
            others += 1;
            steps.push(Step::Set(i, Box::new(q)));
        }
    }
    // Last first, so that the positions of the others stay right.
    let ended: Vec<usize> = (0..roster.pairs.len())
        .rev()
        .filter(|&i| roster.pairs[i].mentee == id || roster.pairs[i].mentor == id)
        .collect();
    let count = ended.len();
    steps.extend(ended.into_iter().map(Step::RemovePair));
    steps.push(Step::Remove(at));
    Some(Done {
        undo: apply(roster, steps),
        ended: count,
        others,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::roster::{Day, Days};
    use proptest::prelude::*;

    /// a manages b; c prefers a and avoids d; pairs c–a and b–d.
    fn roster() -> Roster {
        let person = |id: &str| Person::new(id, id.to_uppercase(), "sw-hbo-start");
        let mut b = person("b");
        b.manager = Some("a".into());
        let mut c = person("c");
        c.prefers = vec!["a".into()];
        c.avoids = vec!["d".into(), "a".into()];
        let pair = |mentee: &str, mentor: &str| Pair {
            mentee: mentee.into(),
            mentor: mentor.into(),
            locked: false,
            ..Default::default()
        };
        Roster {
            people: vec![person("a"), b, c, person("d")],
            pairs: vec![pair("c", "a"), pair("b", "d")],
        }
    }

    /// The roster in a line: each person with what they name, then the pairs.
    fn seen(r: &Roster) -> String {
        let people: Vec<String> = r
            .people
            .iter()
            .map(|p| {
                let mut s = p.id.clone();
                if let Some(m) = &p.manager {
                    s += &format!(" m:{m}");
                }
                if !p.prefers.is_empty() {
                    s += &format!(" p:{}", p.prefers.join(","));
                }
                if !p.avoids.is_empty() {
                    s += &format!(" a:{}", p.avoids.join(","));
                }
                s
            })
            .collect();
        let pairs: Vec<String> = r
            .pairs
            .iter()
            .map(|p| format!("{}-{}", p.mentee, p.mentor))
            .collect();
        format!("{} | {}", people.join("; "), pairs.join(" "))
    }

    enum Edit {
        Add(&'static str),
        Change(usize, &'static str),
        Remove(usize),
    }

    fn run(roster: &mut Roster, edit: &Edit) -> Option<Done> {
        match *edit {
            Edit::Add(id) => add_person(roster, Person::new(id, "Nieuw", "sw-hbo-start")),
            Edit::Change(at, id) => {
                let mut p = roster.people.get(at)?.clone();
                p.id = id.into();
                change_person(roster, at, p)
            }
            Edit::Remove(at) => remove_person(roster, at),
        }
    }

    /// Each edit on the example roster: what it becomes, what the edit
    /// says it did (pairs ended, others changed), and that undoing it
    /// gives the roster back exactly.
    fn check(cases: &[(Edit, &str)]) {
        let wrong: Vec<String> = cases
            .iter()
            .enumerate()
            .filter_map(|(i, (edit, expected))| {
                let before = roster();
                let mut r = before.clone();
                let got = match run(&mut r, edit) {
                    None => format!("refused; {}", seen(&r)),
                    Some(done) => {
                        let got =
                            format!("{}; ended {}, others {}", seen(&r), done.ended, done.others);
                        apply(&mut r, done.undo);
                        if r != before {
                            return Some(format!("case {i}: undo gave {}", seen(&r)));
                        }
                        got
                    }
                };
                (got != *expected)
                    .then(|| format!("case {i}:\n  expected {expected}\n  got      {got}"))
            })
            .collect();
        assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
    }

    #[test]
    fn edits_and_what_they_carry_along() {
        assert_eq!(seen(&roster()), "a; b m:a; c p:a a:d,a; d | c-a b-d");
        check(&[
            (
                Edit::Add("e"),
                "a; b m:a; c p:a a:d,a; d; e | c-a b-d; ended 0, others 0",
            ),
            (
                Edit::Add("a"),
                "refused; a; b m:a; c p:a a:d,a; d | c-a b-d",
            ),
            // Another id: everything that named a names z.
            (
                Edit::Change(0, "z"),
                "z; b m:z; c p:z a:d,z; d | c-z b-d; ended 0, others 2",
            ),
            (
                Edit::Change(3, "y"),
                "a; b m:a; c p:a a:y,a; y | c-a b-y; ended 0, others 1",
            ),
            // The same id: only the person changes.
            (
                Edit::Change(1, "b"),
                "a; b m:a; c p:a a:d,a; d | c-a b-d; ended 0, others 0",
            ),
            (
                Edit::Change(1, "c"),
                "refused; a; b m:a; c p:a a:d,a; d | c-a b-d",
            ),
            (
                Edit::Change(9, "q"),
                "refused; a; b m:a; c p:a a:d,a; d | c-a b-d",
            ),
            // Removed: their pairs end and nobody names them any more.
            (Edit::Remove(0), "b; c a:d; d | b-d; ended 1, others 2"),
            (
                Edit::Remove(3),
                "a; b m:a; c p:a a:a | c-a; ended 1, others 1",
            ),
            (Edit::Remove(2), "a; b m:a; d | b-d; ended 1, others 0"),
            (
                Edit::Remove(4),
                "refused; a; b m:a; c p:a a:d,a; d | c-a b-d",
            ),
        ]);
    }

    #[test]
    fn a_step_that_cannot_apply_changes_nothing() {
        let person = || Box::new(Person::new("x", "X", "r"));
        let pair = Pair {
            mentee: "x".into(),
            mentor: "y".into(),
            locked: true,
            ..Default::default()
        };
        for step in [
            Step::Set(4, person()),
            Step::Insert(5, person()),
            Step::Remove(4),
            Step::SetPair(2, pair.clone()),
            Step::InsertPair(3, pair),
            Step::RemovePair(2),
        ] {
            let mut r = roster();
            assert_eq!(step.clone().apply(&mut r), None, "{step:?}");
            assert_eq!(r, roster());
        }
    }

    /// Every id a person or pair names is someone in the roster.
    fn dangling(r: &Roster) -> Vec<String> {
        let named = r
            .people
            .iter()
            .flat_map(|p| p.manager.iter().chain(&p.prefers).chain(&p.avoids).cloned());
        let paired = r
            .pairs
            .iter()
            .flat_map(|p| [p.mentee.clone(), p.mentor.clone()]);
        named
            .chain(paired)
            .filter(|id| r.person(id).is_none())
            .collect()
    }

    fn random_roster(n: usize, links: &[(usize, usize, u8)]) -> Roster {
        let mut r = Roster::default();
        for i in 0..n {
            let mut p = Person::new(format!("p{i}"), format!("P {i}"), "sw-hbo-start");
            p.days = Days::of([Day::ALL[i % 7]]);
            r.people.push(p);
        }
        for &(a, b, kind) in links {
            let (a, b) = (a % n, b % n);
            if a == b {
                continue;
            }
            let b_id = r.people[b].id.clone();
            match kind % 4 {
                0 => r.people[a].manager = Some(b_id),
                1 => r.people[a].prefers.push(b_id),
                2 => r.people[a].avoids.push(b_id),
                _ => {
                    let a_id = r.people[a].id.clone();
                    if r.pairs.iter().all(|p| p.mentee != a_id) {
                        r.pairs.push(Pair {
                            mentee: a_id,
                            mentor: b_id,
                            locked: kind % 8 == 3,
                            ..Default::default()
                        });
                    }
                }
            }
        }
        r
    }

    proptest! {
        /// Random edits keep every reference in the roster, and undoing
        /// them, last first, gives back the roster they started from.
        #[test]
        fn edits_undo_exactly_and_leave_no_dangling_reference(
            n in 1usize..8,
            links in proptest::collection::vec((0usize..8, 0usize..8, 0u8..8), 0..16),
            edits in proptest::collection::vec((0u8..3, 0usize..10, 0usize..12), 1..12),
        ) {
            let start = random_roster(n, &links);
            let mut r = start.clone();
            let mut undos = Vec::new();
            for (kind, at, id) in edits {
                let done = match kind {
                    0 => add_person(&mut r, Person::new(format!("p{id}"), "N", "sw-hbo-start")),
                    1 => match r.people.get(at).cloned() {
                        Some(mut p) => {
                            p.id = format!("p{id}");
                            p.name = format!("changed {id}");
                            change_person(&mut r, at, p)
                        }
                        None => None,
                    },
                    _ => remove_person(&mut r, at),
                };
                prop_assert!(dangling(&r).is_empty(), "{:?}", dangling(&r));
                if let Some(done) = done {
                    undos.push(done.undo);
                }
            }
            while let Some(undo) = undos.pop() {
                apply(&mut r, undo);
            }
            prop_assert_eq!(r, start);
        }
    }
}
