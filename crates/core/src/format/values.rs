//! Cell values as HR exports and spreadsheets write them: Dutch dates
//! (`4-1-2027`), working days in any list form (`ma, di`), yes/no in many
//! words, numbers with a decimal comma.

use jiff::civil::Date;

use crate::roster::Day;

/// A date written day first (`4-1-2027`, `04-01-2027`, `04/01/2027`,
/// `04.01.2027`) or year first (`2027-01-04`), or `None`. A two-digit year
/// is refused: it is ambiguous. So is a date that does not exist.
pub fn read_date(text: &str) -> Option<Date> {
    let text = text.trim();
    let sep = text.chars().find(|c| matches!(c, '-' | '/' | '.'))?;
    let parts: Vec<&str> = text.split(sep).collect();
    let [a, b, c] = parts[..] else {
        return None;
    };
    let number = |s: &str, len: std::ops::RangeInclusive<usize>| -> Option<i16> {
        (len.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let (year, month, day) = if a.len() == 4 && sep == '-' {
        (number(a, 4..=4)?, number(b, 1..=2)?, number(c, 1..=2)?)
    } else {
        (number(c, 4..=4)?, number(b, 1..=2)?, number(a, 1..=2)?)
    };
    let (month, day) = (i8::try_from(month).ok()?, i8::try_from(day).ok()?);
    Date::new(year, month, day).ok()
}

/// A period `from..to` (also `from t/m to`, `from tot en met to`) or a
/// single date, each as [`read_date`] reads it; `from` not after `to`.
pub fn read_period(text: &str) -> Option<(Date, Date)> {
    let text = text.trim();
    // ASCII only: the separators are ASCII, and lower case of other letters
    // can change their length, so `lower`'s positions would not be `text`'s.
    let lower = text.to_ascii_lowercase();
    let split = [" tot en met ", " t/m ", " until ", ".."]
        .into_iter()
        .find_map(|sep| lower.find(sep).map(|i| (i, sep.len())));
    let (from, to) = match split {
        Some((i, len)) => (&text[..i], &text[i + len..]),
        None => (text, text),
    };
    let (from, to) = (read_date(from)?, read_date(to)?);
    (from <= to).then_some((from, to))
}

/// The working days of a cell: `ma|di`, `ma, di`, `ma/di`, `ma di`,
/// `maandag en dinsdag`, full or short Dutch and English names, any case.
/// The words that are not days come back as `Err`, so the caller can say
/// which.
pub fn read_days(text: &str) -> Vec<Result<Day, String>> {
    // A range: `ma t/m vr`, `maandag tot en met vrijdag`, `ma-vr`, `ma - vr`.
    let lower = text.to_ascii_lowercase();
    for sep in [
        " tot en met ",
        " t/m ",
        " tm ",
        " - ",
        "-",
        " to ",
        " through ",
    ] {
        if let Some((from, to)) = lower.split_once(sep) {
            let day = |w: &str| {
                let w = w.trim().trim_end_matches('.');
                Day::parse(w).or_else(|| short_day(w))
            };
            if let (Some(a), Some(b)) = (day(from), day(to)) {
                if (a as usize) <= (b as usize) {
                    return Day::ALL[a as usize..=b as usize]
                        .iter()
                        .map(|&d| Ok(d))
                        .collect();
                }
            }
        }
    }
    text.split(|c: char| matches!(c, '|' | ',' | '/' | ';' | '+' | '&') || c.is_whitespace())
        .map(|w| w.trim().trim_end_matches('.'))
        .filter(|w| !w.is_empty() && !matches!(w.to_lowercase().as_str(), "en" | "and"))
        .map(|w| {
            Day::parse(w)
                .or_else(|| short_day(w))
                .ok_or_else(|| w.to_string())
        })
        .collect()
}

/// Full English day names (`Monday`), any case.
fn short_day(word: &str) -> Option<Day> {
    let w = word.to_lowercase();
    Day::ALL
        .into_iter()
        .find(|d| d.name(crate::i18n::Lang::En).to_lowercase() == w)
}

/// Yes or no: `ja`/`nee`, `j`/`n`, `x` or empty, `waar`/`onwaar`,
/// `yes`/`no`, `true`/`false`, `1`/`0`, any case.
pub fn read_bool(text: &str) -> Option<bool> {
    match text.trim().to_lowercase().as_str() {
        "ja" | "j" | "yes" | "y" | "true" | "waar" | "1" | "x" | "✓" => Some(true),
        "nee" | "n" | "no" | "false" | "onwaar" | "0" | "" | "-" => Some(false),
        _ => None,
    }
}

/// A number with a decimal comma or point (`36`, `0,8`, `0.8`, `32,5`),
/// finite; a thousands separator is not read (`1.000,5` is refused: no
/// roster number is that large).
pub fn read_number(text: &str) -> Option<f64> {
    let t = text.trim();
    if t.is_empty() || t.matches([',', '.']).count() > 1 {
        return None;
    }
    if !t
        .bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b',' | b'.' | b'-' | b'+'))
    {
        return None;
    }
    t.replace(',', ".")
        .parse::<f64>()
        .ok()
        .filter(|n| n.is_finite())
}

/// Whether `text` is an e-mail address a calendar invitation can carry:
/// one `@`, a local part before it, a domain after it with a dot that is
/// neither its first nor its last character (and no `..`), and no
/// whitespace, control characters or any of `<>()[],;:"\\`, which would
/// break the address out of its place in a file (a second `ATTENDEE` line
/// in an `.ics`). Stricter than RFC 5322 allows (no quoted local parts, no
/// comments) and what HR systems hold.
pub fn is_email(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    let allowed = |c: char| !(c.is_whitespace() || c.is_control() || "<>()[],;:\"\\@".contains(c));
    !local.is_empty()
        && local.chars().all(allowed)
        && domain.chars().all(allowed)
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::Iso;
    use proptest::prelude::*;

    #[test]
    fn dates_in_every_form_a_dutch_export_writes() {
        let cases = [
            ("2027-01-04", Some("2027-01-04")),
            ("4-1-2027", Some("2027-01-04")),
            ("04-01-2027", Some("2027-01-04")),
            ("04/01/2027", Some("2027-01-04")),
            ("4/1/2027", Some("2027-01-04")),
            ("04.01.2027", Some("2027-01-04")),
            (" 31-12-2026 ", Some("2026-12-31")),
            ("29-2-2028", Some("2028-02-29")),
            // Impossible dates.
            ("29-2-2027", None),
            ("31-4-2027", None),
            ("0-1-2027", None),
            ("1-13-2027", None),
            // Ambiguous: a two-digit year.
            ("4-1-27", None),
            ("27-01-04", None),
            // Not a date.
            ("2027/01/04", None),
            ("4-1-2027-1", None),
            ("4 januari 2027", None),
            ("", None),
            ("-", None),
            ("4--2027", None),
        ];
        for (text, expected) in cases {
            assert_eq!(
                read_date(text).map(|d| Iso(d).to_string()).as_deref(),
                expected,
                "{text}"
            );
        }
    }

    #[test]
    fn periods() {
        let iso = |p: Option<(Date, Date)>| p.map(|(a, b)| format!("{}..{}", Iso(a), Iso(b)));
        let cases = [
            ("4-1-2027", Some("2027-01-04..2027-01-04")),
            ("4-1-2027..8-1-2027", Some("2027-01-04..2027-01-08")),
            ("4-1-2027 t/m 8-1-2027", Some("2027-01-04..2027-01-08")),
            ("4-1-2027 T/M 8-1-2027", Some("2027-01-04..2027-01-08")),
            (
                "4-1-2027 tot en met 8-1-2027",
                Some("2027-01-04..2027-01-08"),
            ),
            ("2027-01-04..2027-01-08", Some("2027-01-04..2027-01-08")),
            ("8-1-2027..4-1-2027", None),
            ("4-1-2027..", None),
            ("Ⱥ..", None),
        ];
        for (text, expected) in cases {
            assert_eq!(iso(read_period(text)).as_deref(), expected, "{text}");
        }
    }

    #[test]
    fn days_in_every_list_form() {
        let cases: [(&str, Vec<Result<Day, String>>); 13] = [
            ("ma|di", vec![Ok(Day::Mon), Ok(Day::Tue)]),
            ("ma, di", vec![Ok(Day::Mon), Ok(Day::Tue)]),
            ("ma/di/wo", vec![Ok(Day::Mon), Ok(Day::Tue), Ok(Day::Wed)]),
            ("ma di", vec![Ok(Day::Mon), Ok(Day::Tue)]),
            ("Maandag en Dinsdag", vec![Ok(Day::Mon), Ok(Day::Tue)]),
            ("Monday, TUESDAY", vec![Ok(Day::Mon), Ok(Day::Tue)]),
            ("ma., do.", vec![Ok(Day::Mon), Ok(Day::Thu)]),
            ("mon;fri", vec![Ok(Day::Mon), Ok(Day::Fri)]),
            ("ma t/m wo", vec![Ok(Day::Mon), Ok(Day::Tue), Ok(Day::Wed)]),
            (
                "Maandag tot en met Woensdag",
                vec![Ok(Day::Mon), Ok(Day::Tue), Ok(Day::Wed)],
            ),
            ("ma-wo", vec![Ok(Day::Mon), Ok(Day::Tue), Ok(Day::Wed)]),
            ("do - vr", vec![Ok(Day::Thu), Ok(Day::Fri)]),
            ("ma, maandagg", vec![Ok(Day::Mon), Err("maandagg".into())]),
        ];
        for (text, expected) in cases {
            assert_eq!(read_days(text), expected, "{text}");
        }
    }

    /// The words for yes and for no a table cell may hold (the issue's
    /// list, and the `y`, `✓` and `-` exports write), in lower case.
    const YES: &[&str] = &["ja", "j", "x", "waar", "yes", "y", "true", "1", "✓"];
    const NO: &[&str] = &["nee", "n", "", "onwaar", "no", "false", "0", "-"];

    #[test]
    fn yes_and_no() {
        for t in ["ja", "Ja", "J", "x", "X", "waar", "yes", "TRUE", "1"] {
            assert_eq!(read_bool(t), Some(true), "{t}");
        }
        for t in ["nee", "N", "", " ", "onwaar", "no", "false", "0"] {
            assert_eq!(read_bool(t), Some(false), "{t}");
        }
        for t in ["misschien", "2", "jaa"] {
            assert_eq!(read_bool(t), None, "{t}");
        }
    }

    #[test]
    fn email_addresses() {
        let cases = [
            ("tess.elamrani@welzijngroeit.nl", true),
            ("m0001@welzijngroeit.example", true),
            ("a+b@sub.domein.nl", true),
            ("zeynep.öztürk@wijk.nl", true),
            ("geen e-mail", false),
            ("", false),
            ("@welzijn.nl", false),
            ("tess@", false),
            ("tess@localhost", false),
            ("tess@.nl", false),
            ("tess@welzijn.", false),
            ("tess@welzijn..nl", false),
            ("tess@@welzijn.nl", false),
            ("tess@a@welzijn.nl", false),
            ("tess@welzijn.nl\nATTENDEE:mailto:x@y.nl", false),
            ("tess@welzijn.nl\r\n", false),
            ("tess @welzijn.nl", false),
            ("tess@welzijn.nl\u{2028}x", false),
            ("tess@welzijn.nl\u{85}", false),
            ("tess\u{7}@welzijn.nl", false),
            ("<tess@welzijn.nl>", false),
            ("Tess <tess@welzijn.nl>", false),
            ("tess@welzijn.nl;x@y.nl", false),
            ("tess@welzijn.nl,x@y.nl", false),
            ("tess(werk)@welzijn.nl", false),
            ("tess@[10.0.0.1]", false),
            ("\"tess\"@welzijn.nl", false),
            ("tess\\@welzijn.nl", false),
            ("mailto:tess@welzijn.nl", false),
        ];
        for (text, expected) in cases {
            assert_eq!(is_email(text), expected, "{text:?}");
        }
    }

    #[test]
    fn numbers_with_a_comma_or_a_point() {
        let cases = [
            ("36", Some(36.0)),
            ("0,8", Some(0.8)),
            ("0.8", Some(0.8)),
            (" 32,5 ", Some(32.5)),
            ("1.000,5", None),
            ("36 uur", None),
            ("", None),
            ("inf", None),
            ("1e400", None),
        ];
        for (text, expected) in cases {
            assert_eq!(read_number(text), expected, "{text}");
        }
    }

    proptest! {
        #[test]
        fn every_date_reads_back_in_every_form(y in 1900i16..2200, m in 1i8..=12, d in 1i8..=31) {
            if let Ok(date) = Date::new(y, m, d) {
                for text in [
                    format!("{y}-{m:02}-{d:02}"),
                    format!("{d}-{m}-{y}"),
                    format!("{d:02}-{m:02}-{y}"),
                    format!("{d:02}/{m:02}/{y}"),
                    format!("{d}.{m}.{y}"),
                ] {
                    prop_assert_eq!(read_date(&text), Some(date), "{}", text);
                }
            } else {
                prop_assert_eq!(read_date(&format!("{d}-{m}-{y}")), None);
            }
        }

        #[test]
        fn what_any_text_reads_as_reads_back(text in "\\PC{0,20}") {
            if let Some(d) = read_date(&text) {
                prop_assert_eq!(read_date(&Iso(d).to_string()), Some(d));
            }
            if let Some((from, to)) = read_period(&text) {
                prop_assert!(from <= to);
            }
            for day in read_days(&text).into_iter().flatten() {
                prop_assert_eq!(read_days(day.code()), vec![Ok(day)]);
            }
            if let Some(n) = read_number(&text) {
                prop_assert!(n.is_finite());
            }
            if is_email(&text) {
                prop_assert!(!text.contains(|c: char| c.is_whitespace() || c.is_control()));
                prop_assert_eq!(text.matches('@').count(), 1);
            }
        }

        #[test]
        fn every_set_of_days_reads_back_in_every_list_form(bits in 1u8..128, sep in prop::sample::select(vec!["|", ", ", "/", " ", " en "])) {
            let days: Vec<Day> = Day::ALL.into_iter().filter(|d| bits & (1 << *d as u8) != 0).collect();
            let text = days.iter().map(|d| d.code()).collect::<Vec<_>>().join(sep);
            let read: Vec<Day> = read_days(&text).into_iter().filter_map(Result::ok).collect();
            prop_assert_eq!(read, days);
        }

        #[test]
        fn yes_and_no_in_any_case_with_spaces_around(
            word in prop::sample::select(YES.iter().chain(NO).copied().collect::<Vec<_>>()),
            upper in any::<u32>(),
            before in prop::sample::select(vec!["", " ", "  ", "\t", "\u{a0}"]),
            after in prop::sample::select(vec!["", " ", "\t ", "\u{a0}"]),
        ) {
            // Each letter upper case where its bit of `upper` is set.
            let cased: String = word
                .chars()
                .enumerate()
                .map(|(i, c)| if upper & (1 << (i % 32)) != 0 { c.to_ascii_uppercase() } else { c })
                .collect();
            let text = format!("{before}{cased}{after}");
            prop_assert_eq!(read_bool(&text), Some(YES.contains(&word)), "{:?}", text);
        }

        #[test]
        fn anything_else_is_no_yes_or_no(text in "\\PC{0,8}|[jJnNxX01 ]{0,4}|(ja|nee|yes|no)[a-z]{1,2}") {
            let word = text.trim().to_lowercase();
            let expected = if YES.contains(&word.as_str()) {
                Some(true)
            } else if NO.contains(&word.as_str()) {
                Some(false)
            } else {
                None
            };
            prop_assert_eq!(read_bool(&text), expected, "{:?}", text);
        }

        #[test]
        fn numbers_read_back_with_a_comma(n in 0u32..100_000) {
            let x = f64::from(n) / 100.0;
            let text = format!("{x}").replace('.', ",");
            prop_assert_eq!(read_number(&text), Some(x));
        }
    }
}
