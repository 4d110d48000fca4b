//! Groups as a coordinator holds them in the app: formed once, then a
//! person moved by hand, some groups locked and the rest formed again.
//!
//! - [`reform`] keeps the locked groups as they are, with their numbers,
//!   and groups everyone else taking part anew, by the same solver as
//!   [`super::form_groups`].
//! - [`arrange`] puts held groups in words without changing them: each
//!   group's meeting day (the one it had while every member still works
//!   it), score, why, and what is now wrong with it (after the roster
//!   changed: someone no longer taking part, a day no longer shared, …);
//!   people taking part in no group with the groups they would fit.
//! - [`move_person`] moves one person to another group, or refuses with
//!   the rule it would break, naming the people and the group.
//!
//! Groups are named by their place in the list, from 1 ("groep 3"), as
//! the app shows them; [`arrange`] and [`move_person`] keep the order.

use serde::{Deserialize, Serialize};

use crate::i18n::{join_list, Bilingual, Lang};
use crate::ladder::Ladder;
use crate::roster::{Day, Roster};
use crate::sort;

use super::{
    group_reason, group_score, left_out_reason, participants, solve_all, within_limits, Earlier,
    Features, Group, Grouping, IntervisieConfig, LeftOut, PERSON,
};

/// A group as the app keeps it between one step and the next.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Held {
    /// The members' ids.
    pub members: Vec<String>,
    /// The meeting day it had, kept while every member works it.
    #[serde(default)]
    pub day: Option<Day>,
    /// Locked: [`reform`] keeps it, [`move_person`] leaves it alone.
    #[serde(default)]
    pub locked: bool,
}

impl From<&Group> for Held {
    fn from(g: &Group) -> Held {
        Held {
            members: g.members.clone(),
            day: Some(g.day),
            locked: g.locked,
        }
    }
}

/// Forms the groups again: the locked groups of `held` stay as they are,
/// with their numbers (their places in the list: "groep 3" locked is
/// group 3 again); everyone else taking part is grouped anew, and the new
/// groups take the other places, by meeting day and then by their first
/// member. When there are fewer groups than before, a locked group whose
/// place is gone moves up only as far as it must (the locked groups keep
/// their order).
pub fn reform(
    ladder: &Ladder,
    roster: &Roster,
    config: &IntervisieConfig,
    earlier: &Earlier,
    held: &[Held],
) -> Grouping {
    let part = participants(ladder, roster);
    let f = Features::new(ladder, roster, &part, earlier);
    let w = within_limits(config.weights);
    let (min, max) = (usize::from(config.min_size), usize::from(config.max_size));
    let locked: Vec<(usize, &Held)> = held.iter().enumerate().filter(|(_, h)| h.locked).collect();
    let taken: std::collections::BTreeSet<&str> = locked
        .iter()
        .flat_map(|(_, h)| h.members.iter().map(String::as_str))
        .collect();
    let rest: Vec<usize> = (0..f.len())
        .filter(|&i| !taken.contains(f.people[i].id.as_str()))
        .collect();
    let days: Vec<u8> = rest.iter().map(|&i| f.days[i]).collect();
    let pair = |i: usize, j: usize| f.pair(rest[i], rest[j], &w);
    let (groups, _) = solve_all(rest.len(), min, max, &days, &pair);
    // The meeting days: the new groups' spread around the locked ones.
    let all: Vec<Held> = locked
        .iter()
        .map(|(_, h)| (*h).clone())
        .chain(groups.iter().map(|g| Held {
            members: g.iter().map(|&i| f.people[rest[i]].id.clone()).collect(),
            day: None,
            locked: false,
        }))
        .collect();
    let first_pass = arrange_with(&f, roster, config, &all);
    let first = |g: &Group| {
        g.members
            .first()
            .and_then(|id| f.people.iter().position(|p| &p.id == id))
            .unwrap_or(usize::MAX)
    };
    let mut fresh: Vec<usize> = (locked.len()..all.len()).collect();
    sort::sort_by_key(&mut fresh, |&k| {
        let g = &first_pass.groups[k];
        (g.day, first(g))
    });
    // Each locked group at its place, or as far down as still leaves room
    // for the locked groups after it; the new groups in the places left.
    let total = all.len();
    let mut places: Vec<Option<usize>> = vec![None; total];
    for (j, (k, _)) in locked.iter().enumerate() {
        places[(*k).min(total - (locked.len() - j))] = Some(j);
    }
    let mut fresh = fresh.into_iter();
    let ordered: Vec<Held> = places
        .into_iter()
        .filter_map(|place| place.or_else(|| fresh.next()))
        .map(|k| Held {
            day: first_pass.groups.get(k).map(|g| g.day),
            ..all[k].clone()
        })
        .collect();
    // Put in words in their final order, so that "past in groep 3" names
    // the group shown as 3.
    arrange_with(&f, roster, config, &ordered)
}

/// The held groups in words (see the module's documentation), in their
/// order. Members no longer in the roster or no longer taking part are
/// dropped, with a problem naming them; so is a member named twice.
pub fn arrange(
    ladder: &Ladder,
    roster: &Roster,
    config: &IntervisieConfig,
    earlier: &Earlier,
    held: &[Held],
) -> Grouping {
    let part = participants(ladder, roster);
    arrange_with(
        &Features::new(ladder, roster, &part, earlier),
        roster,
        config,
        held,
    )
}

/// [`arrange`] with the features of the people taking part in hand (so
/// that [`reform`] does not work them out twice).
fn arrange_with(
    f: &Features,
    roster: &Roster,
    config: &IntervisieConfig,
    held: &[Held],
) -> Grouping {
    let w = within_limits(config.weights);
    let (min, max) = (usize::from(config.min_size), usize::from(config.max_size));
    let pair = |i: usize, j: usize| f.pair(i, j, &w);
    let index = |id: &str| f.people.iter().position(|p| p.id == id);
    let people = roster.lookup();
    let mut seen = vec![false; f.len()];
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut dropped: Vec<Vec<String>> = Vec::new();
    for h in held {
        let mut g = Vec::new();
        let mut gone = Vec::new();
        for id in &h.members {
            match index(id) {
                Some(i) if !seen[i] => {
                    seen[i] = true;
                    g.push(i);
                }
                Some(_) => {}
                None => gone.push(match people.person(id) {
                    Some(p) => format!("{} ({id})", p.name),
                    None => id.clone(),
                }),
            }
        }
        groups.push(g);
        dropped.push(gone);
    }
    // Meeting days: the held one while every member works it; the others
    // chosen as `form_groups` chooses them, around the ones kept.
    let shared: Vec<u8> = groups
        .iter()
        .map(|g| g.iter().fold(0x7f, |m, &p| m & f.days[p]))
        .collect();
    let mut days: Vec<Option<Day>> = held
        .iter()
        .zip(&shared)
        .map(|(h, &mask)| h.day.filter(|d| mask & (1 << (*d as u8)) != 0))
        .collect();
    let mut load = [0usize; 7];
    for d in days.iter().flatten() {
        load[*d as usize] += 1;
    }
    let mut order: Vec<usize> = (0..groups.len()).filter(|&k| days[k].is_none()).collect();
    sort::sort_by_key(&mut order, |&k| (shared[k].count_ones(), k));
    for k in order {
        if let Some(d) = (0..7)
            .filter(|&d| shared[k] & (1 << d) != 0)
            .min_by_key(|&d| (d >= 5, load[d], d))
        {
            load[d] += 1;
            days[k] = Some(Day::ALL[d]);
        }
    }
    let mut out = Grouping {
        taking_part: f.len(),
        ..Grouping::default()
    };
    for (k, g) in groups.iter().enumerate() {
        let mut problems = Vec::new();
        if !dropped[k].is_empty() {
            let names = &dropped[k];
            problems.push(Bilingual::new(
                format!(
                    "{} {} niet meer mee aan intervisie",
                    join_list(names, Lang::Nl),
                    if names.len() == 1 { "doet" } else { "doen" }
                ),
                format!(
                    "{} no longer {} part in intervisie",
                    join_list(names, Lang::En),
                    if names.len() == 1 { "takes" } else { "take" }
                ),
            ));
        }
        if g.len() < min || g.len() > max {
            let count = |lang| PERSON.count(g.len() as u64, lang);
            problems.push(Bilingual::new(
                format!(
                    "{} in de groep; dat moeten er {min} tot en met {max} zijn",
                    count(Lang::Nl)
                ),
                format!(
                    "{} in the group; it must have {min} to {max}",
                    count(Lang::En)
                ),
            ));
        }
        if !g.is_empty() && days[k].is_none() {
            problems.push(Bilingual::new(
                "de leden delen geen werkdag meer",
                "the members no longer share a working day",
            ));
        }
        for (x, &i) in g.iter().enumerate() {
            for &j in &g[x + 1..] {
                if !f.allowed(i, j) {
                    problems.push(conflict(f, i, j));
                }
            }
        }
        let day = days[k].unwrap_or(Day::Mon);
        out.groups.push(Group {
            members: g.iter().map(|&i| f.people[i].id.clone()).collect(),
            day,
            score: group_score(g, &pair),
            reason: group_reason(g, f, day),
            locked: held[k].locked,
            problems,
        });
    }
    out.left_out = (0..f.len())
        .filter(|&p| !seen[p])
        .map(|p| LeftOut {
            id: f.people[p].id.clone(),
            reason: not_placed(p, &groups, &shared, f, min, max),
        })
        .collect();
    out.total_score = out.groups.iter().map(|g| g.score).sum();
    out.upper_bound = super::upper_bound(f.len(), max, &f.days, &pair);
    out
}

/// Why `p` is in none of the held groups: the groups they would fit in
/// when there are any, else as [`super::form_groups`] says it.
fn not_placed(
    p: usize,
    groups: &[Vec<usize>],
    shared: &[u8],
    f: &Features,
    min: usize,
    max: usize,
) -> Bilingual {
    let fits: Vec<String> = groups
        .iter()
        .enumerate()
        .filter(|(k, g)| {
            g.len() < max && shared[*k] & f.days[p] != 0 && g.iter().all(|&q| f.allowed(p, q))
        })
        .map(|(k, _)| (k + 1).to_string())
        .collect();
    if fits.is_empty() {
        return left_out_reason(p, groups, f, min, max);
    }
    let person = f.people[p];
    let who = format!("{} ({})", person.name, person.id);
    Bilingual::new(
        format!(
            "{who} is in geen groep ingedeeld; past in {} {}",
            if fits.len() == 1 { "groep" } else { "groepen" },
            join_list(&fits, Lang::Nl)
        ),
        format!(
            "{who} is in no group; fits in {} {}",
            if fits.len() == 1 { "group" } else { "groups" },
            join_list(&fits, Lang::En)
        ),
    )
}

/// Why `i` and `j` may not be in one group, naming them.
fn conflict(f: &Features, i: usize, j: usize) -> Bilingual {
    let name = |k: usize| format!("{} ({})", f.people[k].name, f.people[k].id);
    let (a, b) = (name(i), name(j));
    let (x, y) = (&f.people[i].id, &f.people[j].id);
    if f.lines.contains(x, y) || f.lines.contains(y, x) {
        Bilingual::new(
            format!("{a} en {b} zitten in dezelfde leidinggevende lijn"),
            format!("{a} and {b} are in the same management line"),
        )
    } else {
        Bilingual::new(
            format!("{a} en {b} willen liever niet samen in een groep"),
            format!("{a} and {b} would rather not be in a group together"),
        )
    }
}

/// Moves the person `who` (an id) to group `to` (its place in `held`,
/// from 0) and gives the groups after the move, or refuses with the rule
/// the move would break: either group locked, the new group full, the old
/// one left below the smallest size, no working day shared with the new
/// group, or someone in it in their management line or avoided.
pub fn move_person(
    ladder: &Ladder,
    roster: &Roster,
    config: &IntervisieConfig,
    earlier: &Earlier,
    held: &[Held],
    who: &str,
    to: usize,
) -> Result<Vec<Held>, Bilingual> {
    let part = participants(ladder, roster);
    let f = Features::new(ladder, roster, &part, earlier);
    let (min, max) = (usize::from(config.min_size), usize::from(config.max_size));
    let group = |k: usize, lang: Lang| match lang {
        Lang::Nl => format!("groep {}", k + 1),
        Lang::En => format!("group {}", k + 1),
    };
    let people = roster.lookup();
    let name = |id: &str| match people.person(id) {
        Some(p) => format!("{} ({id})", p.name),
        None => id.to_string(),
    };
    let Some(p) = f.people.iter().position(|x| x.id == who) else {
        return Err(Bilingual::new(
            format!("{} doet niet mee aan intervisie", name(who)),
            format!("{} does not take part in intervisie", name(who)),
        ));
    };
    let Some(target) = held.get(to) else {
        return Err(Bilingual::new(
            format!("er is geen {}", group(to, Lang::Nl)),
            format!("there is no {}", group(to, Lang::En)),
        ));
    };
    let from = held.iter().position(|h| h.members.iter().any(|m| m == who));
    if from == Some(to) {
        return Ok(held.to_vec());
    }
    let refuse = |nl: String, en: String| Err(Bilingual::new(nl, en));
    let who_name = name(who);
    for k in from.into_iter().chain([to]) {
        if held[k].locked {
            return refuse(
                format!(
                    "{who_name} kan niet worden verplaatst: {} is vastgezet; maak de groep eerst los",
                    group(k, Lang::Nl)
                ),
                format!(
                    "{who_name} cannot be moved: {} is locked; unlock it first",
                    group(k, Lang::En)
                ),
            );
        }
    }
    let members: Vec<usize> = target
        .members
        .iter()
        .filter_map(|id| f.people.iter().position(|x| &x.id == id))
        .collect();
    if members.len() >= max {
        let count = |lang| PERSON.count(members.len() as u64, lang);
        return refuse(
            format!(
                "{who_name} kan niet naar {}: die is vol, er zitten al {} in (hoogstens {max})",
                group(to, Lang::Nl),
                count(Lang::Nl)
            ),
            format!(
                "{who_name} cannot join {}: it is full, it already has {} (at most {max})",
                group(to, Lang::En),
                count(Lang::En)
            ),
        );
    }
    if let Some(k) = from {
        let left = held[k].members.len() - 1;
        if left < min {
            let count = |lang| PERSON.count(left as u64, lang);
            return refuse(
                format!(
                    "{who_name} kan niet weg uit {}: die houdt dan {} over, een groep heeft er minstens {min}",
                    group(k, Lang::Nl),
                    count(Lang::Nl)
                ),
                format!(
                    "{who_name} cannot leave {}: it would keep {}, a group needs at least {min}",
                    group(k, Lang::En),
                    count(Lang::En)
                ),
            );
        }
    }
    let shared = members.iter().fold(0x7f, |m, &q| m & f.days[q]);
    if shared & f.days[p] == 0 {
        let list = |lang| {
            let days: Vec<String> = Day::ALL
                .iter()
                .enumerate()
                .filter(|(d, _)| shared & (1 << d) != 0)
                .map(|(_, d)| d.name(lang).to_string())
                .collect();
            join_list(&days, lang)
        };
        let (nl, en) = if shared == 0 {
            (
                "de leden delen geen werkdag".to_string(),
                "its members share no working day".to_string(),
            )
        } else {
            (
                format!("de groep komt alleen samen op {}", list(Lang::Nl)),
                format!("the group can only meet on {}", list(Lang::En)),
            )
        };
        return refuse(
            format!(
                "{who_name} deelt geen werkdag met {}: {nl}",
                group(to, Lang::Nl)
            ),
            format!(
                "{who_name} shares no working day with {}: {en}",
                group(to, Lang::En)
            ),
        );
    }
    if let Some(&q) = members.iter().find(|&&q| !f.allowed(p, q)) {
        let why = conflict(&f, p, q);
        return refuse(
            format!("{who_name} kan niet in {}: {}", group(to, Lang::Nl), why.nl),
            format!("{who_name} cannot join {}: {}", group(to, Lang::En), why.en),
        );
    }
    let mut out = held.to_vec();
    if let Some(k) = from {
        out[k].members.retain(|m| m != who);
    }
    out[to].members.push(who.to_string());
    // Members in roster order, as everywhere else.
    let place = |id: &String| roster.people.iter().position(|x| &x.id == id);
    sort::sort_by_key(&mut out[to].members, place);
    Ok(out)
}
