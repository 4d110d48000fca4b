//! Dates and times in the two fixed forms the files use: `YYYY-MM-DD` and
//! `HH:MM` (`HH:MM:SS` in JSON output).
//!
//! jiff does the calendar arithmetic. Reading and writing these forms is done
//! here, without going through jiff's general parser, `strftime` or its error
//! values: a rejected date becomes our own positioned error anyway, and the
//! web build is a fifth smaller without those parts of jiff (see
//! BENCHMARKS.md).

use std::fmt;

use jiff::civil::{Date, Time};
use jiff::Span;
use serde::de::{self, Deserialize, Deserializer, Unexpected};
use serde::ser::{Serialize, Serializer};

/// `YYYY-MM-DD` (exactly four, two and two digits, surrounding blanks
/// ignored) as a date, or `None` when it is not one (`2025-02-30`).
pub fn parse_date(text: &str) -> Option<Date> {
    let b = text.trim().as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let year = digits(&b[0..4])?;
    let month = digits(&b[5..7])?;
    let day = digits(&b[8..10])?;
    Date::new(year as i16, month as i8, day as i8).ok()
}

/// `HH:MM` or `H:MM` as a time of day, or `None`.
pub fn parse_time(text: &str) -> Option<Time> {
    let (h, m) = text.trim().split_once(':')?;
    if !(1..=2).contains(&h.len()) || m.len() != 2 {
        return None;
    }
    let (h, m) = (digits(h.as_bytes())?, digits(m.as_bytes())?);
    Time::new(h as i8, m as i8, 0, 0).ok()
}

/// The value of a run of ASCII digits (at most four), or `None`.
fn digits(b: &[u8]) -> Option<u16> {
    b.iter().try_fold(0u16, |n, &c| {
        c.is_ascii_digit().then(|| n * 10 + u16::from(c - b'0'))
    })
}

/// `d` moved by `n` days, or `None` outside jiff's years -9999 to 9999.
///
/// These are jiff's `checked_add` with a span made by `try_*`: the span
/// constructors `days()` and `months()` panic out of range, and that panic
/// would carry all of jiff's error texts into the web build.
pub fn add_days(d: Date, n: i64) -> Option<Date> {
    d.checked_add(Span::new().try_days(n).ok()?).ok()
}

/// `d` moved by `n` months (the day clamped to the month's last), or `None`.
pub fn add_months(d: Date, n: i64) -> Option<Date> {
    d.checked_add(Span::new().try_months(n).ok()?).ok()
}

/// The day (in UTC) of the moment `now`: what the command line calls
/// today. The shells read the clock; this only turns its answer into a date.
pub fn utc_day(now: jiff::Timestamp) -> Date {
    let days = now.as_second().div_euclid(24 * 60 * 60);
    // Every timestamp falls within jiff's dates, so the fallback is never used.
    add_days(jiff::civil::date(1970, 1, 1), days).unwrap_or(if days < 0 {
        Date::MIN
    } else {
        Date::MAX
    })
}

/// `t` moved by `n` minutes, or `None` when that leaves the day.
pub fn add_minutes(t: Time, n: i64) -> Option<Time> {
    // By hand: jiff's `Time::checked_add` keeps a path that unwraps.
    let minute = (i64::from(t.hour()) * 60 + i64::from(t.minute())).checked_add(n)?;
    if !(0..24 * 60).contains(&minute) {
        return None;
    }
    Time::new(
        (minute / 60) as i8,
        (minute % 60) as i8,
        t.second(),
        t.subsec_nanosecond(),
    )
    .ok()
}

/// A date written as `YYYY-MM-DD`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Iso(pub Date);

impl fmt::Display for Iso {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.0;
        write!(f, "{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
    }
}

/// A date written the Dutch way, day first without leading zeros:
/// `4-1-2027` (what Dutch texts show; [`crate::format::read_date`] reads it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NlDate(pub Date);

impl fmt::Display for NlDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.0;
        write!(f, "{}-{}-{}", d.day(), d.month(), d.year())
    }
}

/// A date as a text in `lang` writes it: [`NlDate`] in Dutch, [`Iso`] in
/// English (files keep `YYYY-MM-DD` whatever the language).
pub fn written(d: Date, lang: crate::i18n::Lang) -> String {
    match lang {
        crate::i18n::Lang::Nl => NlDate(d).to_string(),
        crate::i18n::Lang::En => Iso(d).to_string(),
    }
}

/// A month's name (1–12, clamped): `januari`, `January`.
pub fn month_name(month: i8, lang: crate::i18n::Lang) -> &'static str {
    const NL: [&str; 12] = [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let i = (month.clamp(1, 12) - 1) as usize;
    match lang {
        crate::i18n::Lang::Nl => NL[i],
        crate::i18n::Lang::En => EN[i],
    }
}

/// A date written out for people: `30 november 2028` in Dutch, `30
/// November 2028` in English (what a printed plan shows).
pub fn long_date(d: Date, lang: crate::i18n::Lang) -> String {
    format!("{} {} {}", d.day(), month_name(d.month(), lang), d.year())
}

/// A time written as `HH:MM`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HourMinute(pub Time);

impl fmt::Display for HourMinute {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.0.hour(), self.0.minute())
    }
}

impl Serialize for Iso {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl Serialize for HourMinute {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Iso {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Iso, D::Error> {
        let text = String::deserialize(d)?;
        parse_date(&text).map(Iso).ok_or_else(|| {
            de::Error::invalid_value(Unexpected::Str(&text), &"a date as YYYY-MM-DD")
        })
    }
}

/// `#[serde(with = "dates::date")]` for a `Date` field.
pub mod date {
    use super::*;

    /// Writes `YYYY-MM-DD`.
    pub fn serialize<S: Serializer>(d: &Date, s: S) -> Result<S::Ok, S::Error> {
        Iso(*d).serialize(s)
    }

    /// Reads `YYYY-MM-DD`.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        Iso::deserialize(d).map(|i| i.0)
    }
}

/// `#[serde(with = "dates::optional")]` for an `Option<Date>` field.
pub mod optional {
    use super::*;

    /// Writes `YYYY-MM-DD` or nothing.
    pub fn serialize<S: Serializer>(d: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
        d.map(Iso).serialize(s)
    }

    /// Reads `YYYY-MM-DD` or nothing.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Date>, D::Error> {
        Option::<Iso>::deserialize(d).map(|o| o.map(|i| i.0))
    }
}

/// `#[serde(with = "dates::periods")]` for a `Vec<(Date, Date)>` field.
pub mod periods {
    use super::*;

    /// Writes a list of `[from, to]` pairs of dates.
    pub fn serialize<S: Serializer>(v: &[(Date, Date)], s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(v.iter().map(|&(a, b)| (Iso(a), Iso(b))))
    }

    /// Reads a list of `[from, to]` pairs of dates.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<(Date, Date)>, D::Error> {
        Vec::<(Iso, Iso)>::deserialize(d).map(|v| v.into_iter().map(|(a, b)| (a.0, b.0)).collect())
    }
}

/// `#[serde(serialize_with = "dates::time")]` for a `Time` field:
/// `HH:MM:SS`, as jiff writes a whole-second time.
pub fn time<S: Serializer>(t: &Time, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(&format_args!(
        "{:02}:{:02}:{:02}",
        t.hour(),
        t.minute(),
        t.second()
    ))
}

/// `#[serde(deserialize_with = "dates::read_time")]` for a `Time` field
/// written by [`time`]: `HH:MM:SS`, exactly.
pub fn read_time<'de, D: Deserializer<'de>>(d: D) -> Result<Time, D::Error> {
    let text = String::deserialize(d)?;
    let b = text.as_bytes();
    let time = (b.len() == 8 && b[2] == b':' && b[5] == b':')
        .then(|| {
            let (h, m, s) = (digits(&b[0..2])?, digits(&b[3..5])?, digits(&b[6..8])?);
            Time::new(h as i8, m as i8, s as i8, 0).ok()
        })
        .flatten();
    time.ok_or_else(|| de::Error::invalid_value(Unexpected::Str(&text), &"a time as HH:MM:SS"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn dates_are_read_in_exactly_one_form() {
        assert_eq!(parse_date("2025-08-01"), Some(date(2025, 8, 1)));
        assert_eq!(parse_date(" 2024-02-29 "), Some(date(2024, 2, 29)));
        for bad in [
            "2025-02-29",
            "2025-13-01",
            "2025-00-10",
            "2025-8-1",
            "25-08-01",
            "2025/08/01",
            "2025-08-01T10:00",
            "+2025-08-1",
            "２０２５-08-01",
            "",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn times_are_read_as_hours_and_minutes() {
        assert_eq!(parse_time("9:00"), Some(Time::constant(9, 0, 0, 0)));
        assert_eq!(parse_time("16:45"), Some(Time::constant(16, 45, 0, 0)));
        for bad in ["24:00", "12:60", "12", "12:5", "-1:00", "123:00", "1a:00"] {
            assert_eq!(parse_time(bad), None, "{bad}");
        }
    }

    #[test]
    fn written_forms_read_back_and_match_jiff() {
        for d in [date(2025, 8, 1), date(1, 1, 1), date(9999, 12, 31)] {
            let text = Iso(d).to_string();
            assert_eq!(text, d.to_string());
            assert_eq!(parse_date(&text), Some(d));
        }
        let t = Time::constant(7, 5, 0, 0);
        assert_eq!(HourMinute(t).to_string(), "07:05");
        assert_eq!(parse_time(&HourMinute(t).to_string()), Some(t));
    }

    #[test]
    fn arithmetic_stays_in_range_without_panicking() {
        assert_eq!(add_days(date(2024, 2, 28), 1), Some(date(2024, 2, 29)));
        assert_eq!(add_days(date(2025, 1, 1), -1), Some(date(2024, 12, 31)));
        assert_eq!(add_months(date(2025, 1, 31), 1), Some(date(2025, 2, 28)));
        assert_eq!(add_days(date(9999, 12, 31), 1), None);
        assert_eq!(add_days(date(2025, 1, 1), i64::MAX), None);
        assert_eq!(add_months(date(2025, 1, 1), i64::MIN), None);
        let nine = Time::constant(9, 0, 0, 0);
        assert_eq!(add_minutes(nine, 45), Some(Time::constant(9, 45, 0, 0)));
        assert_eq!(add_minutes(nine, 15 * 60), None);
    }

    #[test]
    fn a_moment_falls_on_its_day_in_utc() {
        let check = |second: i64, expected: Date| {
            let now = jiff::Timestamp::from_second(second).unwrap();
            assert_eq!(utc_day(now), expected, "{second}");
            assert_eq!(utc_day(now), now.to_zoned(jiff::tz::TimeZone::UTC).date());
        };
        check(0, date(1970, 1, 1));
        check(86_399, date(1970, 1, 1));
        check(86_400, date(1970, 1, 2));
        check(-1, date(1969, 12, 31));
        check(1_772_323_200, date(2026, 3, 1));
        check(1_772_323_199, date(2026, 2, 28));
        check(jiff::Timestamp::MAX.as_second(), date(9999, 12, 30));
        check(jiff::Timestamp::MIN.as_second(), date(-9999, 1, 2));
    }

    #[test]
    fn serde_forms() {
        #[derive(serde::Serialize, serde::Deserialize, PartialEq, Debug)]
        struct S {
            #[serde(with = "optional")]
            start: Option<Date>,
            #[serde(with = "periods")]
            absent: Vec<(Date, Date)>,
        }
        let s = S {
            start: Some(date(2025, 8, 1)),
            absent: vec![(date(2026, 7, 1), date(2026, 7, 14))],
        };
        let json = serde_json::to_string(&s).unwrap();
        assert_eq!(
            json,
            r#"{"start":"2025-08-01","absent":[["2026-07-01","2026-07-14"]]}"#
        );
        assert_eq!(serde_json::from_str::<S>(&json).unwrap(), s);
        let err = serde_json::from_str::<S>(r#"{"start":"2025-02-30","absent":[]}"#).unwrap_err();
        assert!(err.to_string().contains("a date as YYYY-MM-DD"), "{err}");
    }

    #[test]
    fn a_time_reads_back_exactly_as_it_was_written() {
        #[derive(serde::Serialize, serde::Deserialize, PartialEq, Debug)]
        struct At(#[serde(serialize_with = "time", deserialize_with = "read_time")] Time);
        for t in [
            Time::constant(0, 0, 0, 0),
            Time::constant(9, 5, 0, 0),
            Time::constant(23, 59, 59, 0),
        ] {
            let json = serde_json::to_string(&At(t)).unwrap();
            assert_eq!(serde_json::from_str::<At>(&json).unwrap(), At(t), "{json}");
        }
        // (text, read as)
        let cases = [
            ("\"09:30:00\"", Some(Time::constant(9, 30, 0, 0))),
            ("\"24:00:00\"", None),
            ("\"12:60:00\"", None),
            ("\"12:00:60\"", None),
            ("\"9:30:00\"", None),
            ("\"09:30\"", None),
            ("\"09-30-00\"", None),
            ("\"0a:30:00\"", None),
            ("\"09:30:00 \"", None),
            ("930", None),
        ];
        for (text, expected) in cases {
            let read = serde_json::from_str::<At>(text).ok().map(|at| at.0);
            assert_eq!(read, expected, "{text}");
        }
    }
}
