//! Review schedules as files other tools open: iCalendar (RFC 5545) for
//! Outlook, Google Calendar and Apple Calendar, and CSV for spreadsheets.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use jiff::civil::{Date, Time};
use jiff::Timestamp;

use crate::dates::{HourMinute, Iso, NlDate};

use crate::i18n::{Bilingual, Lang};
use crate::intervisie::{Group, Meetings};
use crate::roster::{Person, Roster};
use crate::schedule::{Review, Schedule};

use super::roster::csv_line;

/// The time zone of every event.
pub const TZID: &str = "Europe/Amsterdam";

/// Europe/Amsterdam as a VTIMEZONE (the EU rule since 1996: summer time
/// from the last Sunday of March 02:00 to the last Sunday of October 03:00).
const VTIMEZONE: &[&str] = &[
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Amsterdam",
    "X-LIC-LOCATION:Europe/Amsterdam",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
];

/// Whether `c` ends a line somewhere: CR, LF, NEL, the Unicode line and
/// paragraph separators, vertical tab and form feed.
fn breaks_line(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0b}' | '\u{0c}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// Escapes a TEXT value (RFC 5545 §3.3.11): `\\`, `\;`, `\,`, and every
/// line break (CRLF, CR, LF, NEL, U+2028, U+2029) as `\n`; other control
/// characters are dropped.
fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' if chars.peek() == Some(&'\n') => {}
            c if breaks_line(c) => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A parameter value (RFC 5545 §3.2): quoted, a line break as a space,
/// without the characters a quoted value cannot hold (`"`, controls).
fn param(value: &str) -> String {
    let clean: String = value
        .chars()
        .map(|c| if breaks_line(c) { ' ' } else { c })
        .filter(|c| !c.is_control() && *c != '"')
        .collect();
    format!("\"{clean}\"")
}

/// A `mailto:` URI (RFC 6068) for an address: every byte but letters,
/// digits and `@.-_+!$&'*/=?^`{|}~` percent-encoded, so nothing in it can
/// end the line or start another property. (Addresses are checked when a
/// roster is read; this holds for any text.)
fn mailto(email: &str) -> String {
    let mut out = String::from("mailto:");
    for b in email.bytes() {
        if b.is_ascii_alphanumeric() || b"@.-_+!$&'*/=?^`{|}~".contains(&b) {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// Appends one content line, folded at 75 octets (never inside a UTF-8
/// character), ended by CRLF (RFC 5545 §3.1). Whatever `content` holds, it
/// stays one content line: a line break or other control character in it
/// (which the escaping above never leaves) is dropped here.
fn line(out: &mut String, content: &str) {
    let mut width = 0;
    for c in content.chars() {
        if breaks_line(c) || c.is_control() {
            continue;
        }
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

/// `DTSTAMP` form of a moment: `YYYYMMDDTHHMMSSZ`.
fn utc_stamp(stamp: Timestamp) -> String {
    let utc = jiff::tz::Offset::UTC.to_datetime(stamp);
    format!("{}Z", local(utc.date(), utc.time()))
}

fn local(d: Date, t: Time) -> String {
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}",
        d.year(),
        d.month(),
        d.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// FNV-1a, 64 bits: a stable hash that is the same on every platform.
fn fnv(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in part.bytes().chain(std::iter::once(0)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    h
}

/// The review's UID: the same pair and (ideal) date give the same UID in
/// every run, so importing a new schedule updates events instead of adding
/// copies, also when a review moved to another day.
pub fn uid(review: &Review) -> String {
    let d = review.ideal;
    format!(
        "{:04}{:02}{:02}-{:016x}@doorgroei",
        d.year(),
        d.month(),
        d.day(),
        fnv(&[&review.mentee, &review.mentor])
    )
}

/// How often the reviews come, as the description names it: the Dutch
/// "Zeswekelijkse casusbespreking", the English "every six weeks" (beyond
/// eight weeks as a figure).
fn kind_of_review(weeks: u8) -> Bilingual {
    const NL: [&str; 8] = [
        "Wekelijkse",
        "Tweewekelijkse",
        "Driewekelijkse",
        "Vierwekelijkse",
        "Vijfwekelijkse",
        "Zeswekelijkse",
        "Zevenwekelijkse",
        "Achtwekelijkse",
    ];
    const EN: [&str; 8] = [
        "every week",
        "every two weeks",
        "every three weeks",
        "every four weeks",
        "every five weeks",
        "every six weeks",
        "every seven weeks",
        "every eight weeks",
    ];
    match usize::from(weeks).checked_sub(1).filter(|&i| i < NL.len()) {
        Some(i) => Bilingual::new(format!("{} casusbespreking", NL[i]), EN[i].to_string()),
        None => Bilingual::new(
            format!("Casusbespreking (elke {weeks} weken)"),
            format!("every {weeks} weeks"),
        ),
    }
}

/// The schedule as an iCalendar file: one VEVENT per review (only those of
/// `person` when given), summary and description in `lang`, both people as
/// attendees when their e-mail is known. `stamp` is the DTSTAMP (when the
/// file was made; the core has no clock).
pub fn schedule_to_ics(
    schedule: &Schedule,
    roster: &Roster,
    lang: Lang,
    stamp: Timestamp,
    person: Option<&str>,
) -> String {
    let people: BTreeMap<&str, &Person> = roster.by_id();
    let name = |id: &str| people.get(id).map_or(id.to_string(), |p| p.name.clone());
    let nl = lang == Lang::Nl;
    let mut out = String::new();
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(&mut out, "PRODID:-//Doorgroei//Casusbesprekingen//NL");
    line(&mut out, "CALSCALE:GREGORIAN");
    line(&mut out, "METHOD:PUBLISH");
    let calendar_name = match (person, nl) {
        (Some(id), true) => format!("Casusbesprekingen — {}", name(id)),
        (Some(id), false) => format!("Case reviews — {}", name(id)),
        (None, true) => "Casusbesprekingen".to_string(),
        (None, false) => "Case reviews".to_string(),
    };
    line(&mut out, &format!("X-WR-CALNAME:{}", text(&calendar_name)));
    line(&mut out, &format!("X-WR-TIMEZONE:{TZID}"));
    for l in VTIMEZONE {
        line(&mut out, l);
    }
    let stamp = utc_stamp(stamp);
    let cadence = kind_of_review(schedule.cadence_weeks);
    for r in schedule
        .reviews
        .iter()
        .filter(|r| person.is_none_or(|p| r.mentee == p || r.mentor == p))
    {
        let (mentee, mentor) = (name(&r.mentee), name(&r.mentor));
        let summary = if nl {
            format!("Casusbespreking {mentee} met {mentor} ({})", r.number)
        } else {
            format!("Case review {mentee} with {mentor} ({})", r.number)
        };
        let mut description = if nl {
            format!(
                "{} nummer {}: {mentor} (mentor) gaat met {mentee} (mentee) hun casuïstiek door.",
                cadence.nl, r.number
            )
        } else {
            format!(
                "Case review number {}, {}: {mentor} (mentor) goes through {mentee}'s (mentee) cases.",
                r.number, cadence.en
            )
        };
        if r.date != r.ideal {
            // The weekday too: a review that moves to another day of the
            // week says from which, and why.
            let day = crate::schedule::day_of(r.ideal).name(lang);
            let why = r.moved.as_ref().map(|m| m.get(lang));
            let _ = match (nl, why) {
                (true, Some(why)) => write!(
                    description,
                    "\nVerschoven van {day} {}: {why}.",
                    NlDate(r.ideal)
                ),
                (true, None) => write!(description, "\nVerschoven van {day} {}.", NlDate(r.ideal)),
                (false, Some(why)) => {
                    write!(description, "\nMoved from {day} {}: {why}.", Iso(r.ideal))
                }
                (false, None) => write!(description, "\nMoved from {day} {}.", Iso(r.ideal)),
            };
        }
        line(&mut out, "BEGIN:VEVENT");
        line(&mut out, &format!("UID:{}", uid(r)));
        line(&mut out, &format!("DTSTAMP:{stamp}"));
        line(
            &mut out,
            &format!("DTSTART;TZID={TZID}:{}", local(r.date, r.start)),
        );
        line(
            &mut out,
            &format!("DTEND;TZID={TZID}:{}", local(r.date, r.end)),
        );
        line(&mut out, &format!("SUMMARY:{}", text(&summary)));
        line(&mut out, &format!("DESCRIPTION:{}", text(&description)));
        for (id, role) in [(&r.mentor, "CHAIR"), (&r.mentee, "REQ-PARTICIPANT")] {
            if let Some(email) = people.get(id.as_str()).and_then(|p| p.email.as_deref()) {
                line(
                    &mut out,
                    &format!(
                        "ATTENDEE;CN={};ROLE={role};PARTSTAT=NEEDS-ACTION:{}",
                        param(&name(id)),
                        mailto(email)
                    ),
                );
            }
        }
        line(&mut out, "STATUS:CONFIRMED");
        line(&mut out, "TRANSP:OPAQUE");
        line(&mut out, "SEQUENCE:0");
        line(&mut out, "END:VEVENT");
    }
    line(&mut out, "END:VCALENDAR");
    out
}

/// The schedule as a `;`-separated CSV file (header in `lang`), cells safe
/// for spreadsheets: date, start, end, mentor, mentee (ids and names) and
/// the review's number.
pub fn schedule_to_csv(schedule: &Schedule, roster: &Roster, lang: Lang) -> String {
    let people = roster.by_id();
    let name = |id: &str| people.get(id).map(|p| p.name.clone()).unwrap_or_default();
    let header = match lang {
        Lang::Nl => [
            "datum",
            "begin",
            "eind",
            "mentor",
            "naam_mentor",
            "mentee",
            "naam_mentee",
            "bespreking",
            "ideale_datum",
        ],
        Lang::En => [
            "date",
            "start",
            "end",
            "mentor",
            "mentor_name",
            "mentee",
            "mentee_name",
            "review",
            "ideal_date",
        ],
    };
    let mut out = String::new();
    csv_line(&header.map(str::to_string), &mut out);
    let hm = |t: Time| HourMinute(t).to_string();
    for r in &schedule.reviews {
        csv_line(
            &[
                Iso(r.date).to_string(),
                hm(r.start),
                hm(r.end),
                r.mentor.clone(),
                name(&r.mentor),
                r.mentee.clone(),
                name(&r.mentee),
                r.number.to_string(),
                Iso(r.ideal).to_string(),
            ],
            &mut out,
        );
    }
    out
}

/// The name of one person's calendar file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CalendarFile {
    /// The person's id.
    pub person: String,
    /// The file name, unique among those given out.
    pub name: String,
    /// The name the id alone gives, when that was taken and `name` has a
    /// suffix instead.
    pub wanted: Option<String>,
}

/// Names that Windows gives to devices, with or without an extension.
const DEVICES: &[&str] = &[
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
    "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// File names for the calendars of `people` (ids), in their order: the id
/// with every character but letters, digits, `-` and `_` replaced by `_`,
/// then `.ics`. No two names are the same, also when case is ignored (as
/// the file systems of Windows and macOS do), none is one of `reserved`
/// (e.g. the file with every review) or a Windows device name. Ids that
/// need no replacing get their own name first; a name already taken gets
/// `-2`, `-3`, … before `.ics`, and says which name it wanted. The command
/// line and the web app name files with this one function.
pub fn calendar_file_names(people: &[&str], reserved: &[&str]) -> Vec<CalendarFile> {
    let stem = |id: &str| -> String {
        let clean: String = id
            .chars()
            .map(|c| {
                if c.is_alphanumeric() || c == '-' || c == '_' {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        if clean.is_empty() {
            "_".to_string()
        } else {
            clean
        }
    };
    let stems: Vec<String> = people.iter().map(|id| stem(id)).collect();
    let mut taken: std::collections::HashSet<String> =
        reserved.iter().map(|r| r.to_lowercase()).collect();
    let mut claim = |name: &str, stem: &str| {
        !DEVICES.contains(&stem.to_lowercase().as_str()) && taken.insert(name.to_lowercase())
    };
    let mut names: Vec<Option<String>> = vec![None; people.len()];
    // Ids that are file names already keep them: `j_1` stays `j_1.ics` when
    // `j/1` also wants it.
    for (k, id) in people.iter().enumerate() {
        let name = format!("{}.ics", stems[k]);
        if stems[k] == *id && claim(&name, &stems[k]) {
            names[k] = Some(name);
        }
    }
    people
        .iter()
        .enumerate()
        .map(|(k, id)| {
            let wanted = format!("{}.ics", stems[k]);
            let (name, wanted) = match names[k].take() {
                Some(name) => (name, None),
                None if claim(&wanted, &stems[k]) => (wanted, None),
                None => {
                    let name = (2u32..)
                        .map(|n| format!("{}-{n}", stems[k]))
                        .find_map(|s| {
                            let name = format!("{s}.ics");
                            claim(&name, &s).then_some(name)
                        })
                        .unwrap_or_default();
                    (name, Some(wanted))
                }
            };
            CalendarFile {
                person: id.to_string(),
                name,
                wanted,
            }
        })
        .collect()
}

/// The file names of the intervisie calendars in `lang`: the one with
/// every group's meetings, and one per group (numbered from 1, in the
/// grouping's order).
pub fn meeting_file_names(groups: usize, lang: Lang) -> (String, Vec<String>) {
    let (all, one) = match lang {
        Lang::Nl => ("intervisie-alle-groepen.ics", "intervisie-groep"),
        Lang::En => ("intervisie-all-groups.ics", "intervisie-group"),
    };
    let each = (1..=groups).map(|k| format!("{one}-{k}.ics")).collect();
    (all.to_string(), each)
}

/// The intervisie meetings as an iCalendar file: one VEVENT per meeting
/// (only group `group`'s, counted from 0, when given), summary and
/// description in `lang`, every member with an e-mail address as an
/// attendee. UIDs come from the group's members and the meeting's ideal
/// date, so a new run with the same groups updates events instead of
/// adding copies. `stamp` is the DTSTAMP.
pub fn meetings_to_ics(
    plan: &Meetings,
    groups: &[Group],
    roster: &Roster,
    lang: Lang,
    stamp: Timestamp,
    group: Option<usize>,
) -> String {
    let people = roster.lookup();
    let nl = lang == Lang::Nl;
    let mut out = String::new();
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(&mut out, "PRODID:-//Doorgroei//Intervisie//NL");
    line(&mut out, "CALSCALE:GREGORIAN");
    line(&mut out, "METHOD:PUBLISH");
    let calendar_name = match (group, nl) {
        (Some(k), true) => format!("Intervisie — groep {}", k + 1),
        (Some(k), false) => format!("Intervisie — group {}", k + 1),
        (None, _) => "Intervisie".to_string(),
    };
    line(&mut out, &format!("X-WR-CALNAME:{}", text(&calendar_name)));
    line(&mut out, &format!("X-WR-TIMEZONE:{TZID}"));
    for l in VTIMEZONE {
        line(&mut out, l);
    }
    let stamp = utc_stamp(stamp);
    let (weeks, minutes) = (plan.cadence_weeks, plan.minutes);
    for m in plan
        .meetings
        .iter()
        .filter(|m| group.is_none_or(|k| m.group == k))
    {
        let Some(g) = groups.get(m.group) else {
            continue;
        };
        let number = m.group + 1;
        let names: Vec<String> = g
            .members
            .iter()
            .map(|id| people.name(id).to_string())
            .collect();
        let members = crate::i18n::join_list(&names, lang);
        let summary = if nl {
            format!("Intervisie groep {number} ({})", m.number)
        } else {
            format!("Intervisie group {number} ({})", m.number)
        };
        let mut description = if nl {
            format!(
                "Intervisiebijeenkomst {} van groep {number}, elke {weeks} weken, {minutes} minuten. Groep: {members}.",
                m.number
            )
        } else {
            format!(
                "Intervisie meeting {} of group {number}, every {weeks} weeks, {minutes} minutes. Group: {members}.",
                m.number
            )
        };
        if m.date != m.ideal {
            let _ = if nl {
                write!(
                    description,
                    "\nVerschoven van {} (feestdag, sluitingsdag of afwezigheid).",
                    Iso(m.ideal)
                )
            } else {
                write!(
                    description,
                    "\nMoved from {} (a holiday, a closing day or an absence).",
                    Iso(m.ideal)
                )
            };
        }
        if !m.absent.is_empty() {
            let away: Vec<String> = m
                .absent
                .iter()
                .map(|id| people.name(id).to_string())
                .collect();
            let away = crate::i18n::join_list(&away, lang);
            let _ = if nl {
                write!(description, "\nAfwezig: {away}.")
            } else {
                write!(description, "\nAbsent: {away}.")
            };
        }
        let ids: Vec<&str> = g.members.iter().map(String::as_str).collect();
        let d = m.ideal;
        let uid = format!(
            "{:04}{:02}{:02}-{:016x}@doorgroei",
            d.year(),
            d.month(),
            d.day(),
            fnv(&[&["intervisie"], ids.as_slice()].concat())
        );
        line(&mut out, "BEGIN:VEVENT");
        line(&mut out, &format!("UID:{uid}"));
        line(&mut out, &format!("DTSTAMP:{stamp}"));
        line(
            &mut out,
            &format!("DTSTART;TZID={TZID}:{}", local(m.date, m.start)),
        );
        line(
            &mut out,
            &format!("DTEND;TZID={TZID}:{}", local(m.date, m.end)),
        );
        line(&mut out, &format!("SUMMARY:{}", text(&summary)));
        line(&mut out, &format!("DESCRIPTION:{}", text(&description)));
        for id in &g.members {
            if let Some(email) = people.person(id).and_then(|p| p.email.as_deref()) {
                line(
                    &mut out,
                    &format!(
                        "ATTENDEE;CN={};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION:{}",
                        param(people.name(id)),
                        mailto(email)
                    ),
                );
            }
        }
        line(&mut out, "STATUS:CONFIRMED");
        line(&mut out, "TRANSP:OPAQUE");
        line(&mut out, "SEQUENCE:0");
        line(&mut out, "END:VEVENT");
    }
    line(&mut out, "END:VCALENDAR");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::roster::{Day, Days, Person};
    use proptest::prelude::*;

    /// A calendar of one review between two people with the given ids,
    /// names and e-mail addresses (which no roster check has seen).
    fn calendar(people: [(&str, &str, &str); 2], person: Option<&str>) -> String {
        let date = Date::new(2027, 3, 1).expect("a date");
        let roster = Roster {
            people: people
                .iter()
                .map(|&(id, name, email)| Person {
                    days: Days::of([Day::Mon]),
                    email: Some(email.to_string()),
                    ..Person::new(id, name, "sw")
                })
                .collect(),
            pairs: Vec::new(),
        };
        let review = Review {
            mentee: people[0].0.into(),
            mentor: people[1].0.into(),
            number: 1,
            ideal: date,
            date,
            start: Time::constant(9, 0, 0, 0),
            end: Time::constant(10, 0, 0, 0),
            moved: None,
        };
        let schedule = Schedule {
            reviews: vec![review],
            unplaced: Vec::new(),
            cadence_weeks: 4,
            months: 12,
            later_starts: Vec::new(),
            rhythms: Vec::new(),
        };
        schedule_to_ics(&schedule, &roster, Lang::Nl, Timestamp::UNIX_EPOCH, person)
    }

    /// The properties every content line starts with, unfolded.
    const NAMES: &[&str] = &[
        "BEGIN",
        "END",
        "VERSION",
        "PRODID",
        "CALSCALE",
        "METHOD",
        "X-WR-CALNAME",
        "X-WR-TIMEZONE",
        "TZID",
        "X-LIC-LOCATION",
        "TZOFFSETFROM",
        "TZOFFSETTO",
        "TZNAME",
        "DTSTART",
        "RRULE",
        "UID",
        "DTSTAMP",
        "DTEND",
        "SUMMARY",
        "DESCRIPTION",
        "ATTENDEE",
        "STATUS",
        "TRANSP",
        "SEQUENCE",
    ];

    /// The content lines of a calendar (folds undone), after checking that
    /// it is CRLF lines of at most 75 octets with no other line break.
    fn content_lines(ics: &str) -> Vec<String> {
        let body = ics.strip_suffix("\r\n").expect("ends with CRLF");
        let mut lines: Vec<String> = Vec::new();
        for physical in body.split("\r\n") {
            assert!(physical.len() <= 75, "{physical:?}");
            assert!(
                !physical.contains(|c: char| breaks_line(c) || c.is_control()),
                "{physical:?}"
            );
            match physical.strip_prefix(' ') {
                Some(rest) => lines.last_mut().expect("a line to continue").push_str(rest),
                None => lines.push(physical.to_string()),
            }
        }
        lines
    }

    /// Checks that a calendar has exactly the properties it should: each
    /// content line one of [`NAMES`], two attendees, one summary.
    fn check(ics: &str) {
        let lines = content_lines(ics);
        for l in &lines {
            let name = l.split([':', ';']).next().unwrap_or_default();
            assert!(NAMES.contains(&name), "{name}: {l:?}");
        }
        let count = |p: &str| lines.iter().filter(|l| l.starts_with(p)).count();
        assert_eq!(count("ATTENDEE"), 2, "{lines:#?}");
        assert_eq!(count("SUMMARY:"), 1, "{lines:#?}");
        assert_eq!(count("DESCRIPTION:"), 1, "{lines:#?}");
        assert_eq!(count("UID:"), 1, "{lines:#?}");
    }

    #[test]
    fn hostile_names_and_addresses_stay_in_their_property() {
        let cases: [(&str, &str, &str); 10] = [
            (
                "a@b.nl\r\nATTENDEE:mailto:x@evil.nl",
                "Jan",
                ":mailto:a@b.nl%0D%0AATTENDEE%3Amailto%3Ax@evil.nl",
            ),
            (
                "a@b.nl\nATTENDEE:mailto:x@evil.nl",
                "Jan",
                "ATTENDEE%3Amailto",
            ),
            ("a@b.nl\rX-EVIL:1", "Jan", "a@b.nl%0DX-EVIL%3A1"),
            ("a@b.nl\u{2028}X:1", "Jan", "a@b.nl%E2%80%A8X%3A1"),
            ("geen e-mail", "Jan", "mailto:geen%20e-mail"),
            (
                "a@b.nl",
                "Jan\r\nATTENDEE:mailto:x@evil.nl",
                "CN=\"Jan  ATTENDEE:mailto:x@evil.nl\"",
            ),
            ("a@b.nl", "Jan\"; ROLE=CHAIR", "CN=\"Jan; ROLE=CHAIR\""),
            (
                "a@b.nl",
                "Jan\u{2029}END:VEVENT",
                "Casusbespreking Jan\\nEND:VEVENT met",
            ),
            ("a@b.nl", "Jan\\n\\", "Jan\\\\n\\\\"),
            ("a@b.nl", "Jan\u{85}\u{b}\u{c}\u{7}x", "Jan\\n\\n\\nx"),
        ];
        for (email, name, expected) in cases {
            let ics = calendar([("j", name, email), ("m", "Mira", "m@b.nl")], None);
            check(&ics);
            let unfolded = content_lines(&ics).join("\n");
            assert!(unfolded.contains(expected), "{expected}\n{unfolded}");
        }
    }

    proptest! {
        #[test]
        fn no_field_can_add_a_line_or_a_property(
            ids in prop::array::uniform2("[a-z]{1,3}[\r\n:;,\"\\\\ A-Za-z\u{85}\u{2028}é]{0,8}"),
            names in prop::array::uniform2("\\PC{0,40}|[\r\n:;,\"\\\\ A-Z\u{85}\u{2028}\u{2029}\u{b}é]{0,40}"),
            emails in prop::array::uniform2("\\PC{0,40}|[\r\n:;,\"\\\\ a-z@\u{85}\u{2028}é]{0,40}"),
            own in any::<bool>(),
        ) {
            prop_assume!(ids[0] != ids[1]);
            let people = [
                (ids[0].as_str(), names[0].as_str(), emails[0].as_str()),
                (ids[1].as_str(), names[1].as_str(), emails[1].as_str()),
            ];
            check(&calendar(people, own.then_some(ids[0].as_str())));
        }
    }
}
