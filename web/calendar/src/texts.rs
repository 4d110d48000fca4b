//! The Besprekingen room's own texts, in both languages (the texts the
//! rooms share are the page's, [`crate::i18n`]).

use doorgroei::roster::Day;
use doorgroei::Lang;

/// A text of the room.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum C {
    NoPairsForCalendar,
    CalendarIntro,
    StartDate,
    MonthsLabel,
    EveryWeeks,
    ReviewPlanned,
    ReviewsPlanned,
    DownloadAllIcs,
    ForPerson,
    DownloadPersonIcs,
    DownloadScheduleCsv,
    NotPlacedTitle,
    AllPlaced,
    ReviewNumber,
    PerPair,
    MovedFrom,
    PreviousMonth,
    NextMonth,
    Planning,
    PlanningFailed,
    FileReviewsIcs,
    FileReviewsCsv,
    FileReviewsOf,
    // Dates typed and shown the Dutch way, days with many reviews, reviews
    // not placed in their pair's list (issue 17).
    StartHint,
    StartNotADate,
    MoreOnDay,
    MoreOnDayLabel,
    ReviewsOnDay,
    CloseDay,
    NotPlacedShort,
    NoReviewsThisMonth,
}

/// The text in the language.
pub fn c(lang: Lang, key: C) -> &'static str {
    match lang {
        Lang::Nl => nl(key),
        Lang::En => en(key),
    }
}

fn nl(key: C) -> &'static str {
    match key {
        C::NoPairsForCalendar => "Nog geen koppelingen. Koppel eerst juniors aan mentoren in ‘Mentorkoppeling’; hun casusbesprekingen verschijnen dan hier.",
        C::CalendarIntro => "Elke koppeling bespreekt elke paar weken de casuïstiek: op een dag dat beiden werken, nooit op een feestdag of tijdens afwezigheid, en hoogstens twee besprekingen per mentor per dag.",
        C::StartDate => "Vanaf",
        C::MonthsLabel => "Maanden",
        C::EveryWeeks => "Elke … weken",
        C::ReviewPlanned => "bespreking gepland",
        C::ReviewsPlanned => "besprekingen gepland",
        C::DownloadAllIcs => "Alle besprekingen (.ics)",
        C::ForPerson => "Agenda van",
        C::DownloadPersonIcs => "Agenda downloaden (.ics)",
        C::DownloadScheduleCsv => "Planning exporteren (CSV)",
        C::NotPlacedTitle => "Niet te plaatsen",
        C::AllPlaced => "Alle besprekingen zijn gepland.",
        C::ReviewNumber => "bespreking",
        C::PerPair => "Per koppeling",
        C::MovedFrom => "verschoven van",
        C::PreviousMonth => "Vorige maand",
        C::NextMonth => "Volgende maand",
        C::Planning => "Besprekingen worden gepland…",
        C::PlanningFailed => "De besprekingen konden niet worden gepland",
        C::FileReviewsIcs => "casusbesprekingen.ics",
        C::FileReviewsCsv => "casusbesprekingen.csv",
        C::FileReviewsOf => "casusbesprekingen-",
        C::StartHint => "dag-maand-jaar, bijvoorbeeld 4-1-2027",
        C::StartNotADate => "‘{}’ is geen datum. Schrijf de datum als dag-maand-jaar, bijvoorbeeld 4-1-2027.",
        C::MoreOnDay => "+{} meer",
        C::MoreOnDayLabel => "Alle besprekingen op {} tonen",
        C::ReviewsOnDay => "Besprekingen op {}",
        C::CloseDay => "Sluiten",
        C::NotPlacedShort => "niet geplaatst",
        C::NoReviewsThisMonth => "Geen besprekingen in deze maand.",
    }
}

fn en(key: C) -> &'static str {
    match key {
        C::NoPairsForCalendar => "No pairs yet. Match juniors with mentors in ‘Mentor matching’ first; their case reviews then appear here.",
        C::CalendarIntro => "Every pair goes through cases every few weeks: on a day both work, never on a public holiday or during an absence, and at most two reviews per mentor per day.",
        C::StartDate => "From",
        C::MonthsLabel => "Months",
        C::EveryWeeks => "Every … weeks",
        C::ReviewPlanned => "review planned",
        C::ReviewsPlanned => "reviews planned",
        C::DownloadAllIcs => "All reviews (.ics)",
        C::ForPerson => "Calendar of",
        C::DownloadPersonIcs => "Download calendar (.ics)",
        C::DownloadScheduleCsv => "Export schedule (CSV)",
        C::NotPlacedTitle => "Could not be placed",
        C::AllPlaced => "Every review is planned.",
        C::ReviewNumber => "review",
        C::PerPair => "Per pair",
        C::MovedFrom => "moved from",
        C::PreviousMonth => "Previous month",
        C::NextMonth => "Next month",
        C::Planning => "Planning the reviews…",
        C::PlanningFailed => "The reviews could not be planned",
        C::FileReviewsIcs => "case-reviews.ics",
        C::FileReviewsCsv => "case-reviews.csv",
        C::FileReviewsOf => "case-reviews-",
        C::StartHint => "year-month-day, for example 2027-01-04",
        C::StartNotADate => "‘{}’ is not a date. Write it as year-month-day, for example 2027-01-04.",
        C::MoreOnDay => "+{} more",
        C::MoreOnDayLabel => "Show all reviews on {}",
        C::ReviewsOnDay => "Reviews on {}",
        C::CloseDay => "Close",
        C::NotPlacedShort => "not placed",
        C::NoReviewsThisMonth => "No reviews this month.",
    }
}

/// A text with one value in it (`{}` in the table).
pub fn filled(lang: Lang, key: C, value: &str) -> String {
    c(lang, key).replacen("{}", value, 1)
}

/// `1 bespreking`, `2 besprekingen`: the number and the text that agrees with it.
pub fn counted(lang: Lang, n: impl Into<i64>, one: C, many: C) -> String {
    let n = n.into();
    format!("{n} {}", c(lang, if n == 1 { one } else { many }))
}

/// A month's name (1–12): `januari`, `January`.
pub fn month_name(lang: Lang, month: i8) -> &'static str {
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
        Lang::Nl => NL[i],
        Lang::En => EN[i],
    }
}

/// A day's short name, as the month grid's heads and the working-day boxes
/// show it: `ma`, `Mon`.
pub fn day_short(lang: Lang, day: Day) -> &'static str {
    const NL: [&str; 7] = ["ma", "di", "wo", "do", "vr", "za", "zo"];
    const EN: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    match lang {
        Lang::Nl => NL[day as usize],
        Lang::En => EN[day as usize],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_and_day_names() {
        let cases = [
            (Lang::Nl, 1, "januari"),
            (Lang::En, 3, "March"),
            (Lang::Nl, 12, "december"),
            // Out of range: the nearest month, never a panic.
            (Lang::En, 0, "January"),
            (Lang::Nl, 13, "december"),
        ];
        for (lang, month, name) in cases {
            assert_eq!(month_name(lang, month), name, "{lang:?} {month}");
        }
        // The short day names are the roster file's words in Dutch, and
        // the core's abbreviations in English.
        for day in Day::ALL {
            assert_eq!(day_short(Lang::Nl, day), day.code());
            assert_eq!(day_short(Lang::En, day), day.english());
        }
    }
}
