//! People as the room names them: by name, and with their id too when
//! someone else in the roster has the same name ("Daan de Vries (j0003) ·
//! Daan de Vries (m0012)"), so that two people are never one on screen.

use std::collections::BTreeSet;

use doorgroei::roster::{Lookup, Roster};

/// The roster's people by id, and the names more than one of them has.
pub struct Names<'a> {
    people: Lookup<'a>,
    shared: BTreeSet<&'a str>,
}

impl<'a> Names<'a> {
    pub fn of(roster: &'a Roster) -> Names<'a> {
        let mut seen = BTreeSet::new();
        let mut shared = BTreeSet::new();
        for p in &roster.people {
            if !seen.insert(p.name.as_str()) {
                shared.insert(p.name.as_str());
            }
        }
        Names {
            people: roster.lookup(),
            shared,
        }
    }

    /// The person's name, with the id when the name is shared; the id for
    /// someone not in the roster.
    pub fn label(&self, id: &str) -> String {
        let name = self.people.name(id);
        if self.shared.contains(name) {
            format!("{name} ({id})")
        } else {
            name.to_string()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use doorgroei::roster::Person;

    #[test]
    fn a_shared_name_comes_with_the_id() {
        let roster = Roster {
            people: vec![
                Person::new("j1", "Daan de Vries", "sw"),
                Person::new("m1", "Daan de Vries", "sw"),
                Person::new("m2", "Tess Visser", "sw"),
            ],
            pairs: Vec::new(),
        };
        let names = Names::of(&roster);
        assert_eq!(names.label("j1"), "Daan de Vries (j1)");
        assert_eq!(names.label("m1"), "Daan de Vries (m1)");
        assert_eq!(names.label("m2"), "Tess Visser");
        assert_eq!(names.label("x9"), "x9");
    }
}
