//! The Besprekingen room's own texts, in both languages (the texts the
//! rooms share are the page's, [`crate::i18n`]).

use doorgroei::roster::Day;
use doorgroei::Lang;

/// A text of the room.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum C {
    NoPairsForCalendar,
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
    // The scheduling settings panel (issue 17).
    SettingsTitle,
    SettingsIntro,
    MaxShift,
    PerDay,
    SlotMinutes,
    DayStart,
    DayEnd,
    TimeHint,
    GoodFriday,
    LiberationDay,
    LiberationEveryYear,
    LiberationLustrum,
    Stagger,
    ClosingDays,
    NoClosingDays,
    AddClosingDay,
    NewClosingDay,
    RemoveClosingDay,
    DownloadSettings,
    OpenSettings,
    DefaultSettings,
    FileSettings,
    SettingsFileProblems,
    ReadingSettings,
    NotInRange,
    NotATime,
    EndNotAfterStart,
    ClosingNotADate,
    CalendarIntro,
    ReviewsWord,
    ClosingHint,
    ReadingRoster,
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
        C::SettingsTitle => "Instellingen planning",
        C::SettingsIntro => "Wat hier staat geldt voor alle koppelingen. Het blijft in deze browser bewaard en is als bestand (planning.yaml) te downloaden en weer te openen, ook met doorgroei schedule --config.",
        C::MaxShift => "Verschuiven tot (werkdagen)",
        C::PerDay => "Besprekingen per mentor per dag",
        C::SlotMinutes => "Duur van een bespreking (minuten)",
        C::DayStart => "Eerste begintijd",
        C::DayEnd => "Klaar uiterlijk om",
        C::TimeHint => "uren:minuten, bijvoorbeeld 09:00",
        C::GoodFriday => "Goede Vrijdag is een vrije dag",
        C::LiberationDay => "Bevrijdingsdag (5 mei) vrij",
        C::LiberationEveryYear => "elk jaar",
        C::LiberationLustrum => "in lustrumjaren (2030, 2035 …)",
        C::Stagger => "Eerste besprekingen spreiden over de eerste periode, en de tijden over de dag",
        C::ClosingDays => "Sluitingsdagen",
        C::NoClosingDays => "Geen sluitingsdagen.",
        C::AddClosingDay => "Sluitingsdag toevoegen",
        C::NewClosingDay => "Nieuwe sluitingsdag",
        C::RemoveClosingDay => "Sluitingsdag {} verwijderen",
        C::DownloadSettings => "Instellingen downloaden (planning.yaml)",
        C::OpenSettings => "Instellingen openen…",
        C::DefaultSettings => "Standaardinstellingen",
        C::FileSettings => "planning.yaml",
        C::SettingsFileProblems => "Dit instellingenbestand kan niet worden gebruikt",
        C::ReadingSettings => "Instellingen worden gelezen…",
        C::NotInRange => "‘{}’ kan hier niet: kies een heel getal van {min} tot en met {max}.",
        C::NotATime => "‘{}’ is geen tijd. Schrijf uren:minuten, bijvoorbeeld 09:00.",
        C::EndNotAfterStart => "Met ‘{}’ eindigt de dag niet na de eerste begintijd: kies een eindtijd na de begintijd.",
        C::ClosingNotADate => "‘{}’ is geen datum. Schrijf de sluitingsdag als dag-maand-jaar, bijvoorbeeld 27-12-2027.",
        C::ReviewsWord => "besprekingen",
        C::ClosingHint => "dag-maand-jaar, bijvoorbeeld 27-12-2027",
        C::ReadingRoster => "Het rooster wordt gelezen…",
        C::CalendarIntro => "Elke koppeling bespreekt elke paar weken de casuïstiek: op een dag dat beiden werken, nooit op een feestdag, sluitingsdag of tijdens afwezigheid, en hoogstens {} per mentor per dag.",
    }
}

fn en(key: C) -> &'static str {
    match key {
        C::NoPairsForCalendar => "No pairs yet. Match juniors with mentors in ‘Mentor matching’ first; their case reviews then appear here.",
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
        C::SettingsTitle => "Scheduling settings",
        C::SettingsIntro => "These apply to every pair. They are kept in this browser and can be downloaded as a file (schedule.yaml) and opened again, also with doorgroei schedule --config.",
        C::MaxShift => "Move up to (working days)",
        C::PerDay => "Reviews per mentor per day",
        C::SlotMinutes => "Length of a review (minutes)",
        C::DayStart => "First start time",
        C::DayEnd => "Finished by",
        C::TimeHint => "hours:minutes, for example 09:00",
        C::GoodFriday => "Good Friday is a day off",
        C::LiberationDay => "Liberation Day (5 May) off",
        C::LiberationEveryYear => "every year",
        C::LiberationLustrum => "in lustrum years (2030, 2035 …)",
        C::Stagger => "Spread first reviews over the first period, and the times over the day",
        C::ClosingDays => "Closing days",
        C::NoClosingDays => "No closing days.",
        C::AddClosingDay => "Add closing day",
        C::NewClosingDay => "New closing day",
        C::RemoveClosingDay => "Remove closing day {}",
        C::DownloadSettings => "Download settings (schedule.yaml)",
        C::OpenSettings => "Open settings…",
        C::DefaultSettings => "Default settings",
        C::FileSettings => "schedule.yaml",
        C::SettingsFileProblems => "This settings file cannot be used",
        C::ReadingSettings => "Reading the settings…",
        C::NotInRange => "‘{}’ cannot be used here: choose a whole number from {min} to {max}.",
        C::NotATime => "‘{}’ is not a time. Write hours:minutes, for example 09:00.",
        C::EndNotAfterStart => "With ‘{}’ the day does not end after the first start time: choose an end after the start.",
        C::ClosingNotADate => "‘{}’ is not a date. Write the closing day as year-month-day, for example 2027-12-27.",
        C::ReviewsWord => "reviews",
        C::ClosingHint => "year-month-day, for example 2027-12-27",
        C::ReadingRoster => "Reading the roster…",
        C::CalendarIntro => "Every pair goes through cases every few weeks: on a day both work, never on a public holiday, closing day or during an absence, and at most {} per mentor per day.",
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
