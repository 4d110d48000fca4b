//! Staff for mentoring: who works when and where, who manages whom, who can mentor.

use std::collections::BTreeMap;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// A working day. Dutch abbreviations in files: `ma di wo do vr za zo`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Day {
    /// Monday.
    #[serde(rename = "ma")]
    Mon,
    /// Tuesday.
    #[serde(rename = "di")]
    Tue,
    /// Wednesday.
    #[serde(rename = "wo")]
    Wed,
    /// Thursday.
    #[serde(rename = "do")]
    Thu,
    /// Friday.
    #[serde(rename = "vr")]
    Fri,
    /// Saturday.
    #[serde(rename = "za")]
    Sat,
    /// Sunday.
    #[serde(rename = "zo")]
    Sun,
}

impl Day {
    /// Every day, Monday first.
    pub const ALL: [Day; 7] = [
        Day::Mon,
        Day::Tue,
        Day::Wed,
        Day::Thu,
        Day::Fri,
        Day::Sat,
        Day::Sun,
    ];

    /// The file form: `ma`, `di`, …
    pub fn code(self) -> &'static str {
        ["ma", "di", "wo", "do", "vr", "za", "zo"][self as usize]
    }

    /// The English abbreviation.
    pub fn english(self) -> &'static str {
        ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][self as usize]
    }

    /// The full name in `lang` (`woensdag`, `Wednesday`).
    pub fn name(self, lang: crate::i18n::Lang) -> &'static str {
        let i = self as usize;
        match lang {
            crate::i18n::Lang::Nl => [
                "maandag",
                "dinsdag",
                "woensdag",
                "donderdag",
                "vrijdag",
                "zaterdag",
                "zondag",
            ][i],
            crate::i18n::Lang::En => [
                "Monday",
                "Tuesday",
                "Wednesday",
                "Thursday",
                "Friday",
                "Saturday",
                "Sunday",
            ][i],
        }
    }

    /// Parses `ma`…`zo` (also `mon`…`sun` and full Dutch names), ignoring case.
    pub fn parse(text: &str) -> Option<Day> {
        let t = text.trim().to_lowercase();
        let t = t.as_str();
        Day::ALL.into_iter().find(|d| {
            t == d.code()
                || t == d.english().to_lowercase()
                || t == [
                    "maandag",
                    "dinsdag",
                    "woensdag",
                    "donderdag",
                    "vrijdag",
                    "zaterdag",
                    "zondag",
                ][*d as usize]
        })
    }
}

/// A set of working days.
/// Serialised as its bits (the web app's worker sends rosters to the page).
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Days(u8);

impl Days {
    /// The set of the given days.
    pub fn of(days: impl IntoIterator<Item = Day>) -> Days {
        Days(days.into_iter().fold(0, |m, d| m | 1 << d as u8))
    }

    /// Whether `day` is in the set.
    pub fn contains(self, day: Day) -> bool {
        self.0 & (1 << day as u8) != 0
    }

    /// Days in both sets.
    pub fn both(self, other: Days) -> Days {
        Days(self.0 & other.0)
    }

    /// The days, Monday first.
    pub fn days(self) -> Vec<Day> {
        Day::ALL.into_iter().filter(|&d| self.contains(d)).collect()
    }

    /// How many days.
    pub fn len(self) -> usize {
        self.0.count_ones() as usize
    }

    /// True for no days.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
}

/// One member of staff.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Person {
    /// Unique id.
    pub id: String,
    /// Full name.
    pub name: String,
    /// Role id in the ladder (gives the level).
    pub role: String,
    /// Team.
    pub team: String,
    /// Work location.
    pub location: String,
    /// Line manager's id.
    pub manager: Option<String>,
    /// Specialisms or domains (jeugd, schulden, …).
    pub specialisms: Vec<String>,
    /// Languages spoken (empty: not given).
    pub languages: Vec<String>,
    /// Working days.
    pub days: Days,
    /// Contract hours per week.
    pub hours: f64,
    /// Career switcher (zij-instromer).
    pub career_switcher: bool,
    /// Start date in the organisation.
    #[serde(with = "crate::dates::optional")]
    pub start: Option<Date>,
    /// Flagged as needing a mentor whatever the level.
    pub needs_mentor: bool,
    /// How many mentees this person can take (0: not a mentor).
    pub capacity: u32,
    /// Whether `capacity` is the matching settings' default for the
    /// person's level ([`crate::matching::MatchConfig::default_capacity`]):
    /// the file left it empty.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub capacity_default: bool,
    /// Holds a (post-graduate) coaching qualification.
    pub coaching: bool,
    /// Mentors this person would like.
    pub prefers: Vec<String>,
    /// Mentors this person must not get.
    pub avoids: Vec<String>,
    /// E-mail address, for calendar invitations.
    pub email: Option<String>,
    /// Absence periods (leave, courses), both days included: no reviews then.
    #[serde(with = "crate::dates::periods")]
    pub absent: Vec<(Date, Date)>,
    /// Takes part in intervisie (peer consultation groups): `None` follows
    /// the role, everyone whose role manages no people
    /// ([`crate::intervisie::takes_part`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intervisie: Option<bool>,
    /// The day of their last supervision, when known
    /// ([`crate::intervisie::supervision_due`]).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::dates::optional"
    )]
    pub last_supervision: Option<Date>,
    /// The day they leave or stop mentoring: on and after it they are
    /// neither mentor nor mentee, and their pairs end
    /// ([`crate::matching::MatchConfig::today`]).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::dates::optional"
    )]
    pub leaves: Option<Date>,
    /// Mentors they had before (ids): never paired with them again while
    /// the matching settings' `no_repeat` holds.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub earlier_mentors: Vec<String>,
    /// The day they were (re-)registered in the Registerplein: their hours
    /// are counted per five-year registration period from it
    /// ([`crate::programme::hours`]).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::dates::optional"
    )]
    pub registered: Option<Date>,
}

impl Person {
    /// A person with only an id, a name and a role: no team or location,
    /// full time Monday to Friday, not a mentor, nothing else given.
    pub fn new(id: impl Into<String>, name: impl Into<String>, role: impl Into<String>) -> Person {
        Person {
            id: id.into(),
            name: name.into(),
            role: role.into(),
            team: String::new(),
            location: String::new(),
            manager: None,
            specialisms: Vec::new(),
            languages: Vec::new(),
            days: Days::of(Day::ALL[..5].iter().copied()),
            hours: 36.0,
            career_switcher: false,
            start: None,
            needs_mentor: false,
            capacity: 0,
            capacity_default: false,
            coaching: false,
            prefers: Vec::new(),
            avoids: Vec::new(),
            email: None,
            absent: Vec::new(),
            intervisie: None,
            last_supervision: None,
            leaves: None,
            earlier_mentors: Vec::new(),
            registered: None,
        }
    }
}

/// An existing mentor pair, or one that has ended (the pair history).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pair {
    /// The mentee's id.
    pub mentee: String,
    /// The mentor's id.
    pub mentor: String,
    /// Locked pairs are kept even in a full re-match.
    #[serde(default)]
    pub locked: bool,
    /// The day the pair started, when known: its reviews start then.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::dates::optional"
    )]
    pub started: Option<Date>,
    /// The day the pair ended (or ends), when known: from then on it is
    /// history, and its two people are not paired again.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::dates::optional"
    )]
    pub ended: Option<Date>,
}

impl Pair {
    /// A pair without dates.
    pub fn new(mentee: impl Into<String>, mentor: impl Into<String>, locked: bool) -> Pair {
        Pair {
            mentee: mentee.into(),
            mentor: mentor.into(),
            locked,
            started: None,
            ended: None,
        }
    }

    /// Whether the pair has ended by `today`: its `ended` day has come, or
    /// (without a day to look from) it has an `ended` day at all.
    pub fn has_ended(&self, today: Option<Date>) -> bool {
        match (self.ended, today) {
            (Some(end), Some(today)) => end <= today,
            (Some(_), None) => true,
            (None, _) => false,
        }
    }
}

impl Person {
    /// Whether they have left by `today` (never without a day).
    pub fn has_left(&self, today: Option<Date>) -> bool {
        matches!((self.leaves, today), (Some(l), Some(t)) if l <= t)
    }
}

/// The staff and their existing pairs.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Roster {
    /// People in file order.
    pub people: Vec<Person>,
    /// Existing pairs.
    pub pairs: Vec<Pair>,
}

impl Roster {
    /// People by id.
    pub fn by_id(&self) -> BTreeMap<&str, &Person> {
        crate::sort::map_of(self.people.iter().map(|p| (p.id.as_str(), p)))
    }

    /// The person with this id. One lookup walks the list: for many, use
    /// [`Roster::lookup`].
    pub fn person(&self, id: &str) -> Option<&Person> {
        self.people.iter().find(|p| p.id == id)
    }

    /// The name of the person with this id; the id itself for someone not
    /// in the roster (an id from a pairs file, say). One lookup walks the
    /// list: for many, use [`Roster::lookup`].
    pub fn name<'a>(&'a self, id: &'a str) -> &'a str {
        self.person(id).map_or(id, |p| p.name.as_str())
    }

    /// People by id, for many lookups (a list of pairs, a calendar).
    pub fn lookup(&self) -> Lookup<'_> {
        Lookup(self.by_id())
    }
}

/// A roster's people by id (see [`Roster::lookup`]).
#[derive(Clone, Debug, Default)]
pub struct Lookup<'a>(BTreeMap<&'a str, &'a Person>);

impl<'a> Lookup<'a> {
    /// The person with this id.
    pub fn person(&self, id: &str) -> Option<&'a Person> {
        self.0.get(id).copied()
    }

    /// The name of the person with this id; the id itself for someone not
    /// in the roster.
    pub fn name<'b>(&self, id: &'b str) -> &'b str
    where
        'a: 'b,
    {
        self.person(id).map_or(id, |p| p.name.as_str())
    }
}
