//! Every text the command line writes itself, in both languages. What the
//! core describes (findings, routes, rules, reasons, load problems) comes
//! from the core; these are the command line's own headings and sentences.

use std::io::ErrorKind;

use doorgroei::i18n::{decimal, Noun};
use doorgroei::{Bilingual, Lang};

const ROLE: Noun = Noun::new(["functie", "functies"], ["role", "roles"]);
const TRANSITION: Noun = Noun::new(["overgang", "overgangen"], ["transition", "transitions"]);
const WARNING: Noun = Noun::new(["waarschuwing", "waarschuwingen"], ["warning", "warnings"]);

/// A text the core words in one language at a time, in both.
pub fn both(text: impl Fn(Lang) -> String) -> Bilingual {
    Bilingual::new(text(Lang::Nl), text(Lang::En))
}

/// `n` of `noun` (`1 functie`, `2 roles`).
fn counted(noun: Noun, n: usize) -> Bilingual {
    both(|lang| noun.count(n as u64, lang))
}

// check

/// `in orde (12 functies, 20 overgangen), met 1 waarschuwing`.
pub fn checked(roles: usize, transitions: usize, warnings: usize) -> Bilingual {
    let (roles, transitions) = (counted(ROLE, roles), counted(TRANSITION, transitions));
    let with = match warnings {
        0 => Bilingual::default(),
        n => {
            let n = counted(WARNING, n);
            Bilingual::new(format!(", met {}", n.nl), format!(", with {}", n.en))
        }
    };
    Bilingual::new(
        format!("in orde ({}, {}){}", roles.nl, transitions.nl, with.nl),
        format!("ok ({}, {}){}", roles.en, transitions.en, with.en),
    )
}

// diff

/// `oud.yaml → nieuw.yaml: 3 veranderingen`.
pub fn diff_heading(old: &str, new: &str, count: Bilingual) -> Bilingual {
    both(|lang| format!("{old} → {new}: {}", count.get(lang)))
}

// fmt

/// A file rewritten in the canonical layout.
pub fn rewritten(file: &str) -> Bilingual {
    Bilingual::new(
        format!("{file}: herschreven in de vaste opmaak"),
        format!("{file}: rewritten in the canonical layout"),
    )
}

/// A file with comments, left alone.
pub fn has_comments(file: &str) -> Bilingual {
    Bilingual::new(
        format!("{file}: niet herschreven: de opmerkingen (regels met #) zouden verloren gaan; gebruik --force om het toch te doen"),
        format!("{file}: not rewritten: its comments (lines with #) would be lost; use --force to rewrite it anyway"),
    )
}

/// A file with comments that `--check` lists.
pub fn would_lose_comments(file: &str) -> Bilingual {
    Bilingual::new(
        format!("{file}: let op: herschrijven zou de opmerkingen (regels met #) weghalen"),
        format!("{file}: note: rewriting it would remove its comments (lines with #)"),
    )
}

/// A file with comments rewritten anyway (`--force`).
pub fn comments_lost(file: &str) -> Bilingual {
    Bilingual::new(
        format!("{file}: let op: de opmerkingen (regels met #) zijn niet bewaard"),
        format!("{file}: note: its comments (lines with #) were not kept"),
    )
}

/// The canonical text does not read back as the same ladder (a bug).
pub fn not_the_same(file: &str) -> Bilingual {
    Bilingual::new(
        format!("{file}: niet herschreven: de vaste opmaak leest niet terug als hetzelfde functiehuis (een fout in Doorgroei; meld het alstublieft)"),
        format!("{file}: not rewritten: the canonical layout does not read back as the same ladder (a bug in Doorgroei; please report it)"),
    )
}

// scan

/// Before the roles a finding is about.
pub fn roles() -> Bilingual {
    Bilingual::new("functies", "roles")
}

// paths

/// `Vanaf Sociaal werker (2 jaar in functie)`.
pub fn starting_from(role: &Bilingual, years: f64) -> Bilingual {
    let years_text = both(|lang| decimal(years, lang));
    let in_the_role = if years == 1.0 {
        "year in the role"
    } else {
        "years in the role"
    };
    Bilingual::new(
        format!("Vanaf {} ({} jaar in functie)", role.nl, years_text.nl),
        format!("From {} ({} {in_the_role})", role.en, years_text.en),
    )
}

/// Before a goal's name.
pub fn goal() -> Bilingual {
    Bilingual::new("Doel:", "Goal:")
}

/// Heading of the next steps.
pub fn next_steps() -> Bilingual {
    Bilingual::new("Volgende stappen:", "Next steps:")
}

/// Months, short, after a next step's number.
pub fn months_short() -> Bilingual {
    Bilingual::new("mnd", "mo")
}

/// Before the target role's competencies against the self-assessment.
pub fn competencies() -> Bilingual {
    Bilingual::new("competenties:", "competencies:")
}

/// A profile without `current_role`.
pub fn no_current_role() -> Bilingual {
    Bilingual::new(
        "het profiel noemt geen huidige functie (current_role); zet je functie erin of gebruik --from FUNCTIE",
        "the profile names no current role (current_role); add your role or use --from ROLE",
    )
}

/// Heading of the best targets.
pub fn best_targets() -> Bilingual {
    Bilingual::new("Best passende bestemmingen:", "Best-fitting destinations:")
}

// compare

/// Heading of the competencies both roles ask.
pub fn shared_competencies() -> Bilingual {
    Bilingual::new("Competenties in beide:", "Competencies in both:")
}

/// Heading of the competencies only `role` asks.
pub fn only_in(role: &Bilingual) -> Bilingual {
    Bilingual::new(
        format!("Alleen in {}:", role.nl),
        format!("Only in {}:", role.en),
    )
}

/// Heading of the route times.
pub fn route_times() -> Bilingual {
    Bilingual::new("Kortste route:", "Shortest route:")
}

/// No route between two roles.
pub fn no_route() -> Bilingual {
    Bilingual::new("geen route", "no route")
}

/// Nothing in a list.
pub fn none() -> Bilingual {
    Bilingual::new("geen", "none")
}

// match

/// `17 van de 18 mentees hebben een mentor; totale score 577`, the verb
/// agreeing with the number in both languages (`1 of 18 mentees has`,
/// `geen van de 18 mentees heeft`, `de mentee heeft geen mentor`).
pub fn matched(matched: usize, mentees: usize, score: i64) -> Bilingual {
    let (nl, en) = match (matched, mentees) {
        (_, 0) => (
            "er zijn geen mentees".to_string(),
            "there are no mentees".to_string(),
        ),
        (0, 1) => (
            "de mentee heeft geen mentor".to_string(),
            "the mentee has no mentor".to_string(),
        ),
        (_, 1) => (
            "1 van 1 mentee heeft een mentor".to_string(),
            "1 of 1 mentee has a mentor".to_string(),
        ),
        (0, n) => (
            format!("geen van de {n} mentees heeft een mentor"),
            format!("none of the {n} mentees has a mentor"),
        ),
        (1, n) => (
            format!("1 van de {n} mentees heeft een mentor"),
            format!("1 of {n} mentees has a mentor"),
        ),
        (m, n) => (
            format!("{m} van de {n} mentees hebben een mentor"),
            format!("{m} of {n} mentees have a mentor"),
        ),
    };
    Bilingual::new(
        format!("{nl}; totale score {score}"),
        format!("{en}; total score {score}"),
    )
}

/// Heading of the pairs.
pub fn pairs() -> Bilingual {
    Bilingual::new("Koppelingen:", "Pairs:")
}

/// Before the rules a locked pair breaks.
pub fn locked_but_broken() -> Bilingual {
    Bilingual::new(
        "vastgezet, maar breekt een regel",
        "locked, but breaks a rule",
    )
}

/// Heading of the pairs that ended.
pub fn ended() -> Bilingual {
    Bilingual::new(
        "Beëindigd (breekt een regel en was niet vastgezet, iemand is vertrokken of de einddatum is bereikt):",
        "Ended (breaks a rule and was not locked, someone left, or its end date came):",
    )
}

/// Heading of the mentees without a mentor.
pub fn unmatched() -> Bilingual {
    Bilingual::new("Zonder mentor:", "Without a mentor:")
}

/// Heading of the mentors' load.
pub fn mentor_load() -> Bilingual {
    Bilingual::new(
        "Mentees per mentor (bezetting):",
        "Mentees per mentor (load):",
    )
}

// schedule

/// A warning on stderr.
pub fn warning(text: &Bilingual) -> Bilingual {
    Bilingual::new(
        format!("let op: {}", text.nl),
        format!("warning: {}", text.en),
    )
}

/// The pair `who` (`mentor · mentee`) is scheduled although it breaks `rules`.
pub fn pair_breaks(who: &str, rules: &Bilingual) -> Bilingual {
    warning(&Bilingual::new(
        format!("de koppeling {who} breekt een regel: {}", rules.nl),
        format!("the pair {who} breaks a rule: {}", rules.en),
    ))
}

/// Heading of the pairs scheduled although they break a rule.
pub fn scheduled_all_the_same() -> Bilingual {
    Bilingual::new(
        "Koppelingen die een regel breken (toch ingepland):",
        "Pairs that break a rule (scheduled all the same):",
    )
}

/// After a review not on its ideal date (`ideal` written as the language
/// writes dates), with why, when the schedule says.
pub fn moved_from(ideal: jiff::civil::Date, why: Option<&Bilingual>) -> Bilingual {
    let (nl, en) = (
        doorgroei::dates::written(ideal, Lang::Nl),
        doorgroei::dates::written(ideal, Lang::En),
    );
    match why {
        Some(why) => Bilingual::new(
            format!("  (verschoven van {nl}: {})", why.nl),
            format!("  (moved from {en}: {})", why.en),
        ),
        None => Bilingual::new(
            format!("  (verschoven van {nl})"),
            format!("  (moved from {en})"),
        ),
    }
}

/// Heading of the reviews that could not be placed.
pub fn unplaced() -> Bilingual {
    Bilingual::new("Niet te plaatsen:", "Could not be placed:")
}

/// The name of the calendar file with every review.
pub fn all_reviews_file() -> Bilingual {
    Bilingual::new("alle-besprekingen.ics", "all-reviews.ics")
}

/// A person's calendar file has another name than wanted: `wanted` is taken.
pub fn calendar_renamed(person: &str, name: &str, wanted: &str) -> Bilingual {
    Bilingual::new(
        format!("let op: de agenda van '{person}' heet {name}, want {wanted} is al de naam van een ander bestand"),
        format!("note: the calendar of '{person}' is named {name}, as {wanted} is already another file's name"),
    )
}

// writing

/// What standard output is called in a message.
pub fn standard_output() -> Bilingual {
    Bilingual::new("standaarduitvoer", "standard output")
}

/// What was being done when writing failed.
#[derive(Clone, Copy)]
pub enum Doing {
    Write,
    MakeFolder,
}

/// `what: kan niet schrijven: de schijf is vol (systeemfout 28)`.
pub fn not_written(what: &str, doing: Doing, kind: ErrorKind, code: Option<i32>) -> Bilingual {
    let why = why(kind);
    let (code_nl, code_en) = match code {
        Some(c) => (
            format!(" (systeemfout {c})"),
            format!(" (system error {c})"),
        ),
        None => (String::new(), String::new()),
    };
    let (nl, en) = match doing {
        Doing::Write => ("kan niet schrijven", "cannot write"),
        Doing::MakeFolder => ("kan de map niet maken", "cannot create the folder"),
    };
    Bilingual::new(
        format!("{what}: {nl}: {}{code_nl}", why.nl),
        format!("{what}: {en}: {}{code_en}", why.en),
    )
}

/// Why a write failed, in our own words.
fn why(kind: ErrorKind) -> Bilingual {
    let (nl, en) = match kind {
        ErrorKind::StorageFull => ("de schijf is vol", "the disk is full"),
        ErrorKind::QuotaExceeded => (
            "de schijfruimte die je mag gebruiken is op",
            "the disk quota is used up",
        ),
        ErrorKind::PermissionDenied => ("geen toestemming", "permission denied"),
        ErrorKind::ReadOnlyFilesystem => (
            "het bestandssysteem is alleen-lezen",
            "the file system is read-only",
        ),
        ErrorKind::NotFound => ("de map bestaat niet", "the folder does not exist"),
        ErrorKind::IsADirectory => ("dat is een map", "that is a folder"),
        ErrorKind::NotADirectory | ErrorKind::AlreadyExists => (
            "een deel van het pad is een bestand, geen map",
            "part of the path is a file, not a folder",
        ),
        ErrorKind::BrokenPipe => (
            "het programma dat de uitvoer las is gestopt",
            "the program reading the output stopped",
        ),
        ErrorKind::FileTooLarge => ("het bestand wordt te groot", "the file grows too large"),
        _ => ("onbekende fout", "unknown error"),
    };
    Bilingual::new(nl, en)
}

// columns

/// The comment under a columns file: the columns no field uses.
pub fn unused_columns(headers: &[&str]) -> Bilingual {
    let list = headers.join(", ");
    Bilingual::new(
        format!("niet gebruikt (worden niet gelezen): {list}"),
        format!("not used (not read): {list}"),
    )
}

/// No column of a file is recognised (a file to fill in is written).
pub fn no_column_recognised() -> Bilingual {
    Bilingual::new(
        "geen kolom herkend; vul het kolommenbestand in en geef het mee met --columns",
        "no column recognised; fill in the columns file and pass it with --columns",
    )
}

/// How to fill in a columns file of headers only (comment lines).
pub fn columns_to_fill_in() -> Bilingual {
    Bilingual::new(
        "De kolommen hieronder zijn niet herkend. Zet bij elke die een veld van het\nrooster bevat dat veld in plaats van 'veld' en haal '# ' weg; laat de andere\nstaan. Verplicht zijn id, name, role en days.",
        "The columns below are not recognised. For each that holds a roster field,\nput that field in place of 'field' and remove '# '; leave the others.\nRequired are id, name, role and days.",
    )
}

/// The roster fields a columns file may name.
pub fn roster_fields(keys: &[&str]) -> Bilingual {
    let keys = keys.join(", ");
    Bilingual::new(format!("Velden: {keys}"), format!("Fields: {keys}"))
}

/// The word standing in for a field in a columns file to fill in.
pub fn field_placeholder() -> Bilingual {
    Bilingual::new("veld", "field")
}

/// The fields a roster needs that no column holds.
pub fn missing_columns(fields: &[doorgroei::format::Field]) -> Bilingual {
    both(|lang| {
        let names: Vec<&str> = fields.iter().map(|f| f.label(lang)).collect();
        match lang {
            Lang::Nl => format!(
                "geen kolom gevonden voor {}; vul ze aan in het kolommenbestand en geef het mee met --columns",
                names.join(", ")
            ),
            Lang::En => format!(
                "no column found for {}; add them to the columns file and pass it with --columns",
                names.join(", ")
            ),
        }
    })
}

// status and hours

const PAIR: Noun = Noun::new(["koppeling", "koppelingen"], ["pair", "pairs"]);
const MONTH: Noun = Noun::new(["maand", "maanden"], ["month", "months"]);

/// Heading of the pairs that need attention.
pub fn needs_attention() -> Bilingual {
    Bilingual::new("Aandacht nodig:", "Needs attention:")
}

/// Heading of the other pairs.
pub fn other_pairs() -> Bilingual {
    Bilingual::new("Overige koppelingen:", "Other pairs:")
}

/// One pair's line after its names and state.
pub fn pair_line(
    planned: usize,
    held: usize,
    on_time: usize,
    last: &str,
    months: u32,
) -> Bilingual {
    let months = counted(MONTH, months as usize);
    Bilingual::new(
        format!(
            "{held} van {planned} gehouden, {on_time} op tijd, laatst {last}; {}",
            months.get(Lang::Nl)
        ),
        format!(
            "{held} of {planned} held, {on_time} on time, last {last}; {}",
            months.get(Lang::En)
        ),
    )
}

/// No review held yet.
pub fn never() -> Bilingual {
    Bilingual::new("nooit", "never")
}

/// The status's first line.
pub fn status_on(today: &str) -> Bilingual {
    Bilingual::new(format!("Stand op {today}"), format!("Status on {today}"))
}

/// The totals line.
pub fn status_totals(
    pairs: usize,
    on_track: usize,
    behind: usize,
    lapsed: usize,
    ended: usize,
    planned: usize,
    held: usize,
) -> Bilingual {
    let pairs = counted(PAIR, pairs);
    Bilingual::new(
        format!(
            "{}: {on_track} op schema, {behind} achter, {lapsed} stilgevallen, {ended} afgelopen; {held} van {planned} besprekingen gehouden",
            pairs.get(Lang::Nl)
        ),
        format!(
            "{}: {on_track} on track, {behind} behind, {lapsed} lapsed, {ended} ended; {held} of {planned} reviews held",
            pairs.get(Lang::En)
        ),
    )
}

/// Neither `--start` nor a log entry says when the programme started.
pub fn start_is_today() -> Bilingual {
    Bilingual::new(
        "Het log is leeg en --start ontbreekt: de planning begint vandaag (--today).",
        "The log is empty and --start is not given: the schedule starts today (--today).",
    )
}

/// `--from` after `--to`.
pub fn from_after_to(from: &str, to: &str) -> Bilingual {
    Bilingual::new(
        format!("--from ({from}) ligt na --to ({to})"),
        format!("--from ({from}) is after --to ({to})"),
    )
}

// intervisie

const GROUP: Noun = Noun::new(["groep", "groepen"], ["group", "groups"]);
const PARTICIPANT: Noun = Noun::new(
    ["deelnemer", "deelnemers"],
    ["person taking part", "people taking part"],
);
const YEAR: Noun = Noun::new(["jaar", "jaar"], ["year", "years"]);
const SENIOR: Noun = Noun::new(["senior", "senioren"], ["senior", "seniors"]);

/// `6 groepen voor 34 deelnemers, iedereen ingedeeld; totale score 1755
/// (bovengrens 1963)`.
pub fn grouped(
    groups: usize,
    placed: usize,
    taking_part: usize,
    total: i64,
    bound: i64,
) -> Bilingual {
    if taking_part == 0 {
        return Bilingual::new(
            "niemand doet mee aan intervisie",
            "nobody takes part in intervisie",
        );
    }
    let (g, n) = (counted(GROUP, groups), counted(PARTICIPANT, taking_part));
    let (placed_nl, placed_en) = if placed == taking_part {
        (
            "iedereen ingedeeld".to_string(),
            "everyone placed".to_string(),
        )
    } else if taking_part == 1 {
        ("niet ingedeeld".to_string(), "not placed".to_string())
    } else {
        (
            format!("{placed} van de {taking_part} ingedeeld"),
            format!("{placed} of {taking_part} placed"),
        )
    };
    Bilingual::new(
        format!(
            "{} voor {}, {placed_nl}; totale score {total} (bovengrens {bound})",
            g.nl, n.nl
        ),
        format!(
            "{} for {}, {placed_en}; total score {total} (upper bound {bound})",
            g.en, n.en
        ),
    )
}

/// `Groep 2 · dinsdag · score 231`.
pub fn group_heading(number: usize, day: doorgroei::roster::Day, score: i64) -> Bilingual {
    both(|lang| {
        let word = GROUP.word(1, lang);
        let word = format!("{}{}", word[..1].to_uppercase(), &word[1..]);
        format!("{word} {number} · {} · score {score}", day.name(lang))
    })
}

/// Before a group's reason.
pub fn why_grouped() -> Bilingual {
    Bilingual::new("waarom", "why")
}

/// Heading of the people left out.
pub fn not_placed() -> Bilingual {
    Bilingual::new("Niet ingedeeld:", "Not placed:")
}

/// Before a group's meeting dates.
pub fn meetings() -> Bilingual {
    Bilingual::new("bijeenkomsten", "meetings")
}

/// A meeting held without some members.
pub fn without(names: &str) -> Bilingual {
    Bilingual::new(format!(" (zonder {names})"), format!(" (without {names})"))
}

/// A meeting that is not held.
pub fn not_held(number: u32, ideal: &str, reason: &Bilingual) -> Bilingual {
    Bilingual::new(
        format!(
            "bijeenkomst {number} ({ideal}) gaat niet door: {}",
            reason.nl
        ),
        format!("meeting {number} ({ideal}) cannot be held: {}", reason.en),
    )
}

/// `3 senioren zijn op 2027-01-04 aan supervisie toe (laatste langer dan 5
/// jaar geleden, of niet bekend):`, or that nobody is.
pub fn supervision_due(count: usize, date: &str, years: u8) -> Bilingual {
    let y = counted(YEAR, usize::from(years));
    if count == 0 {
        return Bilingual::new(
            format!("Op {date} is niemand aan supervisie toe (de laatste is bij alle senioren hooguit {} geleden)", y.nl),
            format!("Nobody is due for supervision on {date} (every senior's last one is at most {} ago)", y.en),
        );
    }
    let n = counted(SENIOR, count);
    let (is_nl, is_en) = if count == 1 {
        ("is", "is")
    } else {
        ("zijn", "are")
    };
    Bilingual::new(
        format!("{} {is_nl} op {date} aan supervisie toe (laatste langer dan {} geleden, of niet bekend):", n.nl, y.nl),
        format!("{} {is_en} due for supervision on {date} (last one longer than {} ago, or not known):", n.en, y.en),
    )
}

/// `laatste supervisie 2010-06-01 (16 jaar geleden)`, or not known.
pub fn last_supervision(date: Option<&str>, years: Option<u32>) -> Bilingual {
    match (date, years) {
        (Some(d), Some(y)) => {
            let y = counted(YEAR, y as usize);
            Bilingual::new(
                format!("laatste supervisie {d} ({} geleden)", y.nl),
                format!("last supervision {d} ({} ago)", y.en),
            )
        }
        _ => Bilingual::new(
            "laatste supervisie niet bekend",
            "last supervision not known",
        ),
    }
}

/// `--today kapot`: not a day.
pub fn not_a_day(option: &str, text: &str) -> Bilingual {
    Bilingual::new(
        format!("{option}: '{text}' is geen datum; schrijf bijvoorbeeld 4-1-2027 of 2027-01-04"),
        format!("{option}: '{text}' is not a date; write for example 4-1-2027 or 2027-01-04"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_match_summary_agrees_with_its_numbers() {
        let cases = [
            (0, 0, "er zijn geen mentees", "there are no mentees"),
            (
                0,
                1,
                "de mentee heeft geen mentor",
                "the mentee has no mentor",
            ),
            (
                1,
                1,
                "1 van 1 mentee heeft een mentor",
                "1 of 1 mentee has a mentor",
            ),
            (
                0,
                2,
                "geen van de 2 mentees heeft een mentor",
                "none of the 2 mentees has a mentor",
            ),
            (
                1,
                2,
                "1 van de 2 mentees heeft een mentor",
                "1 of 2 mentees has a mentor",
            ),
            (
                2,
                2,
                "2 van de 2 mentees hebben een mentor",
                "2 of 2 mentees have a mentor",
            ),
            (
                17,
                18,
                "17 van de 18 mentees hebben een mentor",
                "17 of 18 mentees have a mentor",
            ),
        ];
        for (m, n, nl, en) in cases {
            let text = matched(m, n, 7);
            assert_eq!(text.nl, format!("{nl}; totale score 7"));
            assert_eq!(text.en, format!("{en}; total score 7"));
        }
    }

    #[test]
    fn the_intervisie_sentences_agree_with_their_numbers() {
        // (groups, placed, taking part, Dutch, English)
        let cases = [
            (
                0,
                0,
                0,
                "niemand doet mee aan intervisie",
                "nobody takes part in intervisie",
            ),
            (
                0,
                0,
                1,
                "0 groepen voor 1 deelnemer, niet ingedeeld",
                "0 groups for 1 person taking part, not placed",
            ),
            (
                0,
                0,
                4,
                "0 groepen voor 4 deelnemers, 0 van de 4 ingedeeld",
                "0 groups for 4 people taking part, 0 of 4 placed",
            ),
            (
                1,
                5,
                5,
                "1 groep voor 5 deelnemers, iedereen ingedeeld",
                "1 group for 5 people taking part, everyone placed",
            ),
            (
                5,
                33,
                34,
                "5 groepen voor 34 deelnemers, 33 van de 34 ingedeeld",
                "5 groups for 34 people taking part, 33 of 34 placed",
            ),
        ];
        for (groups, placed, n, nl, en) in cases {
            let text = grouped(groups, placed, n, 9, 12);
            if n == 0 {
                assert_eq!((text.nl.as_str(), text.en.as_str()), (nl, en));
            } else {
                assert_eq!(text.nl, format!("{nl}; totale score 9 (bovengrens 12)"));
                assert_eq!(text.en, format!("{en}; total score 9 (upper bound 12)"));
            }
        }
        // (due, years, Dutch start, English start)
        let due = [
            (0, 5, "Op 2027-01-04 is niemand aan supervisie toe (de laatste is bij alle senioren hooguit 5 jaar", "Nobody is due for supervision on 2027-01-04 (every senior's last one is at most 5 years"),
            (1, 1, "1 senior is op 2027-01-04 aan supervisie toe (laatste langer dan 1 jaar", "1 senior is due for supervision on 2027-01-04 (last one longer than 1 year"),
            (3, 7, "3 senioren zijn op 2027-01-04 aan supervisie toe (laatste langer dan 7 jaar", "3 seniors are due for supervision on 2027-01-04 (last one longer than 7 years"),
        ];
        for (count, years, nl, en) in due {
            let text = supervision_due(count, "2027-01-04", years);
            assert!(text.nl.starts_with(nl), "{}", text.nl);
            assert!(text.en.starts_with(en), "{}", text.en);
        }
    }
}
