//! The Besprekingen room: what the coordinator set for the schedule (start,
//! months, cadence), the month shown and the person whose calendar file is
//! offered. The schedule itself is the core's, made from the session's
//! roster; here also the grouping of its reviews per pair.

use std::rc::Rc;

use doorgroei::dates::parse_date;
use doorgroei::schedule::{PairRef, Schedule, ScheduleConfig};
use doorgroei::sort;
use jiff::civil::Date;
use yew::Reducible;

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// The first day reviews may be planned on.
    pub start: Date,
    /// How long the reviews go on, 1 to 36 months.
    pub months: u8,
    /// Weeks between a pair's reviews, 4 to 6.
    pub cadence: u8,
    /// The month the grid shows (year, month 1–12).
    pub shown: (i16, i8),
    /// Whose calendar file to download (an id; empty: nobody chosen).
    pub person: String,
}

/// The settings as the form gives them (text), and the month buttons.
pub enum Action {
    SetStart(String),
    SetMonths(String),
    SetCadence(String),
    /// Show the month `n` months later (earlier when negative).
    Step(i8),
    ChoosePerson(String),
}

impl State {
    /// From `today`, a year of four-weekly reviews; today's month shown.
    pub fn new(today: Date) -> State {
        State {
            start: today,
            months: 12,
            cadence: 4,
            shown: (today.year(), today.month()),
            person: String::new(),
        }
    }

    /// What the schedule is made with.
    pub fn config(&self) -> ScheduleConfig {
        ScheduleConfig {
            months: self.months,
            cadence_weeks: self.cadence,
            ..ScheduleConfig::default()
        }
    }
}

impl Reducible for State {
    type Action = Action;

    /// What cannot be read keeps the setting as it was.
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::SetStart(text) => {
                if let Some(d) = parse_date(&text) {
                    next.start = d;
                }
            }
            Action::SetMonths(text) => {
                if let Ok(m) = text.parse::<u8>() {
                    next.months = m.clamp(1, 36);
                }
            }
            Action::SetCadence(text) => {
                if let Ok(c) = text.parse::<u8>() {
                    next.cadence = c.clamp(4, 6);
                }
            }
            Action::Step(delta) => {
                let (y, m) = next.shown;
                let total = i32::from(y) * 12 + i32::from(m - 1) + i32::from(delta);
                next.shown = (
                    (total.div_euclid(12)) as i16,
                    (total.rem_euclid(12) + 1) as i8,
                );
            }
            Action::ChoosePerson(id) => next.person = id,
        }
        Rc::new(next)
    }
}

/// The positions in `plan.reviews` of each pair's reviews, in the order of
/// `pairs` (each pair's by date): reviews and pairs each put in pair order
/// once and walked together, not all reviews searched for every pair.
pub fn per_pair(plan: &Schedule, pairs: &[PairRef]) -> Vec<Vec<usize>> {
    let reviews = &plan.reviews;
    let review_key = |i: &usize| (reviews[*i].mentee.as_str(), reviews[*i].mentor.as_str());
    let pair_key = |i: &usize| (pairs[*i].mentee.as_str(), pairs[*i].mentor.as_str());
    // (Stable sorts: each pair's reviews stay by date.)
    let mut by_pair: Vec<usize> = (0..reviews.len()).collect();
    sort::sort_by_key(&mut by_pair, review_key);
    let mut order: Vec<usize> = (0..pairs.len()).collect();
    sort::sort_by_key(&mut order, pair_key);
    let mut out = vec![Vec::new(); pairs.len()];
    let mut next = by_pair.iter().peekable();
    for p in &order {
        let key = pair_key(p);
        while next.next_if(|r| review_key(r) < key).is_some() {}
        while let Some(&r) = next.next_if(|r| review_key(r) == key) {
            out[*p].push(r);
        }
    }
    out
}

/// The reviews on `day` (the schedule lists them by date).
pub fn on_day(plan: &Schedule, day: Date) -> &[doorgroei::schedule::Review] {
    let from = plan.reviews.partition_point(|r| r.date < day);
    let to = plan.reviews.partition_point(|r| r.date <= day);
    &plan.reviews[from..to]
}

#[cfg(test)]
mod tests {
    use super::*;
    use doorgroei::format::load_ladder;
    use doorgroei::format::load_roster;
    use doorgroei::schedule::schedule;
    use jiff::civil::date;

    /// The settings in a line.
    fn seen(s: &State) -> String {
        format!(
            "from {} for {} months every {} weeks; showing {}-{:02}; person '{}'",
            doorgroei::dates::Iso(s.start),
            s.months,
            s.cadence,
            s.shown.0,
            s.shown.1,
            s.person
        )
    }

    fn check(steps: Vec<(Action, &str)>) {
        let mut state = Rc::new(State::new(date(2027, 1, 4)));
        let mut wrong = Vec::new();
        for (i, (action, expected)) in steps.into_iter().enumerate() {
            state = state.reduce(action);
            let got = seen(&state);
            if got != expected {
                wrong.push(format!(
                    "step {i}:\n  expected {expected}\n  got      {got}"
                ));
            }
        }
        assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
    }

    #[test]
    fn the_settings_take_what_they_can_read_within_their_limits() {
        check(vec![
            (
                Action::SetStart("2027-03-01".into()),
                "from 2027-03-01 for 12 months every 4 weeks; showing 2027-01; person ''",
            ),
            (
                Action::SetStart("1 maart".into()),
                "from 2027-03-01 for 12 months every 4 weeks; showing 2027-01; person ''",
            ),
            (
                Action::SetStart("2027-02-30".into()),
                "from 2027-03-01 for 12 months every 4 weeks; showing 2027-01; person ''",
            ),
            (
                Action::SetMonths("24".into()),
                "from 2027-03-01 for 24 months every 4 weeks; showing 2027-01; person ''",
            ),
            (
                Action::SetMonths("0".into()),
                "from 2027-03-01 for 1 months every 4 weeks; showing 2027-01; person ''",
            ),
            (
                Action::SetMonths("99".into()),
                "from 2027-03-01 for 36 months every 4 weeks; showing 2027-01; person ''",
            ),
            (
                Action::SetMonths("twaalf".into()),
                "from 2027-03-01 for 36 months every 4 weeks; showing 2027-01; person ''",
            ),
            (
                Action::SetCadence("5".into()),
                "from 2027-03-01 for 36 months every 5 weeks; showing 2027-01; person ''",
            ),
            (
                Action::SetCadence("2".into()),
                "from 2027-03-01 for 36 months every 4 weeks; showing 2027-01; person ''",
            ),
            (
                Action::SetCadence("8".into()),
                "from 2027-03-01 for 36 months every 6 weeks; showing 2027-01; person ''",
            ),
            (
                Action::ChoosePerson("m0001".into()),
                "from 2027-03-01 for 36 months every 6 weeks; showing 2027-01; person 'm0001'",
            ),
        ]);
    }

    #[test]
    fn the_month_buttons_cross_years_both_ways() {
        check(vec![
            (
                Action::Step(-1),
                "from 2027-01-04 for 12 months every 4 weeks; showing 2026-12; person ''",
            ),
            (
                Action::Step(1),
                "from 2027-01-04 for 12 months every 4 weeks; showing 2027-01; person ''",
            ),
            (
                Action::Step(11),
                "from 2027-01-04 for 12 months every 4 weeks; showing 2027-12; person ''",
            ),
            (
                Action::Step(1),
                "from 2027-01-04 for 12 months every 4 weeks; showing 2028-01; person ''",
            ),
            (
                Action::Step(-13),
                "from 2027-01-04 for 12 months every 4 weeks; showing 2026-12; person ''",
            ),
        ]);
    }

    #[test]
    fn reviews_are_grouped_per_pair_and_per_day_as_a_search_of_all_would_find_them() {
        let ladder = load_ladder(
            "w.yaml",
            include_str!("../../../../pathways/welzijn-groeit.yaml"),
        )
        .unwrap();
        let roster = load_roster(
            "r.csv",
            include_bytes!("../../../../pathways/rooster-welzijn-groeit.csv"),
            &ladder,
        )
        .unwrap();
        let outcome = doorgroei::matching::assign(
            &ladder,
            &roster,
            &doorgroei::matching::MatchConfig::default(),
        );
        let pairs: Vec<PairRef> = outcome.pairs.iter().map(PairRef::from).collect();
        let plan = schedule(
            &roster,
            &pairs,
            date(2027, 1, 4),
            &ScheduleConfig::default(),
        );
        assert!(pairs.len() > 5 && plan.reviews.len() > pairs.len());

        let grouped = per_pair(&plan, &pairs);
        for (p, found) in pairs.iter().zip(&grouped) {
            let all: Vec<usize> = (0..plan.reviews.len())
                .filter(|&i| {
                    plan.reviews[i].mentee == p.mentee && plan.reviews[i].mentor == p.mentor
                })
                .collect();
            assert_eq!(*found, all, "{} · {}", p.mentor, p.mentee);
        }
        let mut day = date(2026, 12, 28);
        while day < date(2028, 2, 1) {
            let all: Vec<_> = plan.reviews.iter().filter(|r| r.date == day).collect();
            let found: Vec<_> = on_day(&plan, day).iter().collect();
            assert_eq!(found, all, "{day}");
            day = doorgroei::dates::add_days(day, 1).unwrap();
        }
    }
}
