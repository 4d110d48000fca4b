//! Mijn groeipad's own texts, in both languages (the texts the rooms
//! share are the page's, [`crate::i18n`]).

use doorgroei::Lang;

/// A text of the room.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum G {
    MyProfile,
    CurrentRole,
    YearsInRole,
    YearsInProfession,
    NoManagement,
    MinPractice,
    WishedTracks,
    Trainings,
    Qualifications,
    MyCompetencies,
    Goal,
    NoGoal,
    Routes,
    RouteN,
    MetLabel,
    MissingLabel,
    NextSteps,
    BestTargets,
    PrintPlan,
    SaveProfile,
    OpenProfile,
    PlanTitle,
    PickOnGraph,
    ChooseGoal,
    ProfileErrors,
    Today,
    MakeGoal,
    StaysLocal,
    FileProfile,
    Routing,
    RoutingFailed,
    AskRole,
    ChooseRole,
    Name,
    NameLabel,
    SelfAssessment,
    SelfAssessmentHint,
    AssessNeedsGoal,
    AskedBy,
    ChartTitle,
    Competency,
    OwnLevel,
    AskedLevel,
    NotRated,
    Agreements,
    AgreementAction,
    AgreementBy,
    AddAgreement,
    AgreementDone,
    AgreementOpen,
    RemoveAgreement,
    Overdue,
    NoAgreements,
    AgreementEmpty,
    Compare,
    RoleA,
    RoleB,
    SharedCompetencies,
    OnlyIn,
    StepsBetween,
    NoRoute,
    Printed,
    Wishes,
    NoWishes,
    ChosenRoute,
    SignEmployee,
    SignManager,
    SignDate,
    RankedBy,
    ConversationStart,
    ConversationIntro,
    ConversationLeave,
    ConversationStays,
    FieldHeader,
    CompareAsk,
    ChooseAnyRole,
    SameRole,
    Tracks,
    Scale,
    JumpTo,
    CompareShort,
    DatePlaceholder,
}

/// The text `key` in `lang`.
pub fn g(lang: Lang, key: G) -> &'static str {
    match lang {
        Lang::Nl => nl(key),
        Lang::En => en(key),
    }
}

fn nl(key: G) -> &'static str {
    match key {
        G::MyProfile => "Mijn situatie",
        G::CurrentRole => "Mijn functie nu",
        G::YearsInRole => "Jaren in deze functie",
        G::YearsInProfession => "Jaren in het vak",
        G::NoManagement => "Ik wil geen leidinggevende worden",
        G::MinPractice => "Minimaal aandeel uitvoering (%)",
        G::WishedTracks => "Waar wil ik naartoe groeien?",
        G::Trainings => "Afgeronde trainingen (één per regel)",
        G::Qualifications => "Kwalificaties en registraties (één per regel)",
        G::MyCompetencies => "Competenties (één per regel)",
        G::Goal => "Mijn doel",
        G::NoGoal => "(nog geen doel gekozen)",
        G::Routes => "Routes naar mijn doel",
        G::RouteN => "Route",
        G::MetLabel => "voldaan",
        G::MissingLabel => "nog nodig",
        G::NextSteps => "Volgende stappen (één of twee stappen verder)",
        G::BestTargets => "Wat past bij mij",
        G::PrintPlan => "Ontwikkelplan afdrukken",
        G::SaveProfile => "Profiel opslaan (YAML)",
        G::OpenProfile => "Profiel openen",
        G::PlanTitle => "Ontwikkelplan",
        G::PickOnGraph => "Tip: klik in de tekening op een functie om die als huidige functie te kiezen.",
        G::ChooseGoal => "Kies een doel om routes te zien.",
        G::ProfileErrors => "Het profiel kon niet worden geladen",
        G::Today => "Berekend vanaf",
        G::MakeGoal => "Maak dit mijn doel",
        G::StaysLocal => "Je profiel blijft in deze browser; sla het op als bestand om het mee te nemen naar je jaargesprek.",
        G::FileProfile => "profiel.yaml",
        G::Routing => "Groeipad wordt berekend…",
        G::RoutingFailed => "Het groeipad kon niet worden berekend",
        G::AskRole => "Welke functie heb je nu? Kies die in de lijst of klik erop in de tekening: dan zie je je routes en wat bij je past.",
        G::ChooseRole => "— kies je functie —",
        G::Name => "Naam (voor het afgedrukte plan)",
        G::NameLabel => "Naam",
        G::SelfAssessment => "Zelfbeoordeling",
        G::SelfAssessmentHint => "Hoe ver ben je met de competenties die je doel en elke stap op de route vragen? Kies per competentie je eigen niveau.",
        G::AssessNeedsGoal => "Kies een doel om je competenties te beoordelen.",
        G::AskedBy => "gevraagd door",
        G::ChartTitle => "Eigen niveau tegen gevraagd niveau",
        G::Competency => "Competentie",
        G::OwnLevel => "Eigen niveau",
        G::AskedLevel => "Gevraagd niveau",
        G::NotRated => "niet beoordeeld",
        G::Agreements => "Afspraken",
        G::AgreementAction => "Wat spreken we af?",
        G::AgreementBy => "Uiterlijk op",
        G::AddAgreement => "Afspraak toevoegen",
        G::AgreementDone => "gedaan",
        G::AgreementOpen => "open",
        G::RemoveAgreement => "Afspraak verwijderen",
        G::Overdue => "te laat",
        G::NoAgreements => "Nog geen afspraken.",
        G::AgreementEmpty => "Schrijf eerst wat je afspreekt.",
        G::Compare => "Twee functies naast elkaar",
        G::RoleA => "Eerste functie",
        G::RoleB => "Tweede functie",
        G::SharedCompetencies => "Allebei",
        G::OnlyIn => "Alleen",
        G::StepsBetween => "Stappen ertussen",
        G::NoRoute => "geen route",
        G::Printed => "Afgedrukt op",
        G::Wishes => "Wensen",
        G::NoWishes => "geen",
        G::ChosenRoute => "Gekozen route",
        G::SignEmployee => "Handtekening medewerker",
        G::SignManager => "Handtekening leidinggevende",
        G::SignDate => "Datum",
        G::RankedBy => "Rangschikking",
        G::ConversationStart => "Gespreksmodus (leidinggevende)",
        G::ConversationIntro => "Gespreksmodus: open het profielbestand van je medewerker. Je ziet het plan, de zelfbeoordeling en de afspraken; alleen de afspraken kun je wijzigen. Sla het bestand daarna op om het terug te geven.",
        G::ConversationLeave => "Gespreksmodus verlaten",
        G::ConversationStays => "Het geopende profiel blijft niet in deze browser: je eigen profiel komt terug als je de gespreksmodus verlaat. Sla het bestand op voordat je de pagina sluit of herlaadt, anders gaan je wijzigingen verloren.",
        G::FieldHeader => "Kenmerk",
        G::CompareAsk => "Kies twee functies om ze naast elkaar te zien.",
        G::ChooseAnyRole => "— kies een functie —",
        G::SameRole => "Dat is twee keer dezelfde functie: kies een andere tweede functie.",
        G::Tracks => "sporen",
        G::Scale => "schaal",
        G::JumpTo => "Naar",
        G::CompareShort => "Vergelijken",
        G::DatePlaceholder => "dag-maand-jaar",
    }
}

fn en(key: G) -> &'static str {
    match key {
        G::MyProfile => "My situation",
        G::CurrentRole => "My role now",
        G::YearsInRole => "Years in this role",
        G::YearsInProfession => "Years in the profession",
        G::NoManagement => "I do not want to manage people",
        G::MinPractice => "Minimum share of practice (%)",
        G::WishedTracks => "Where do I want to grow?",
        G::Trainings => "Completed trainings (one per line)",
        G::Qualifications => "Qualifications and registrations (one per line)",
        G::MyCompetencies => "Competencies (one per line)",
        G::Goal => "My goal",
        G::NoGoal => "(no goal chosen yet)",
        G::Routes => "Routes to my goal",
        G::RouteN => "Route",
        G::MetLabel => "met",
        G::MissingLabel => "still needed",
        G::NextSteps => "Next steps (one or two moves away)",
        G::BestTargets => "What suits me",
        G::PrintPlan => "Print development plan",
        G::SaveProfile => "Save profile (YAML)",
        G::OpenProfile => "Open profile",
        G::PlanTitle => "Development plan",
        G::PickOnGraph => "Tip: click a role in the drawing to make it your current role.",
        G::ChooseGoal => "Choose a goal to see routes.",
        G::ProfileErrors => "The profile could not be loaded",
        G::Today => "Counted from",
        G::MakeGoal => "Make this my goal",
        G::StaysLocal => "Your profile stays in this browser; save it as a file to take it to your yearly review.",
        G::FileProfile => "profile.yaml",
        G::Routing => "Working out the growth path…",
        G::RoutingFailed => "The growth path could not be worked out",
        G::AskRole => "Which role do you have now? Choose it in the list or click it in the drawing: then you see your routes and what suits you.",
        G::ChooseRole => "— choose your role —",
        G::Name => "Name (for the printed plan)",
        G::NameLabel => "Name",
        G::SelfAssessment => "Self-assessment",
        G::SelfAssessmentHint => "How far are you with the competencies your goal and each step on the route ask? Choose your own level for each.",
        G::AssessNeedsGoal => "Choose a goal to rate your competencies.",
        G::AskedBy => "asked by",
        G::ChartTitle => "Own level against asked level",
        G::Competency => "Competency",
        G::OwnLevel => "Own level",
        G::AskedLevel => "Asked level",
        G::NotRated => "not rated",
        G::Agreements => "Agreements",
        G::AgreementAction => "What do we agree?",
        G::AgreementBy => "By",
        G::AddAgreement => "Add agreement",
        G::AgreementDone => "done",
        G::AgreementOpen => "open",
        G::RemoveAgreement => "Remove agreement",
        G::Overdue => "overdue",
        G::NoAgreements => "No agreements yet.",
        G::AgreementEmpty => "Write what you agree first.",
        G::Compare => "Two roles side by side",
        G::RoleA => "First role",
        G::RoleB => "Second role",
        G::SharedCompetencies => "Both",
        G::OnlyIn => "Only",
        G::StepsBetween => "Steps between",
        G::NoRoute => "no route",
        G::Printed => "Printed on",
        G::Wishes => "Wishes",
        G::NoWishes => "none",
        G::ChosenRoute => "Chosen route",
        G::SignEmployee => "Signature of the employee",
        G::SignManager => "Signature of the manager",
        G::SignDate => "Date",
        G::RankedBy => "Ranking",
        G::ConversationStart => "Conversation mode (manager)",
        G::ConversationIntro => "Conversation mode: open your colleague's profile file. You see the plan, the self-assessment and the agreements; only the agreements can be changed. Then save the file to hand it back.",
        G::ConversationLeave => "Leave conversation mode",
        G::ConversationStays => "The profile opened is not kept in this browser: your own profile comes back when you leave conversation mode. Save the file before you close or reload the page, or your changes are lost.",
        G::FieldHeader => "Field",
        G::CompareAsk => "Choose two roles to see them side by side.",
        G::ChooseAnyRole => "— choose a role —",
        G::SameRole => "That is the same role twice: choose another second role.",
        G::Tracks => "tracks",
        G::Scale => "scale",
        G::JumpTo => "Go to",
        G::CompareShort => "Compare",
        G::DatePlaceholder => "day-month-year",
    }
}

/// What was typed as an agreement's date but is none, and the form asked.
pub fn bad_date(lang: Lang, typed: &str) -> String {
    match lang {
        Lang::Nl => {
            format!("‘{typed}’ is geen datum: schrijf dag-maand-jaar, bijvoorbeeld 4-1-2027.")
        }
        Lang::En => format!("‘{typed}’ is not a date: write day-month-year, for example 4-1-2027."),
    }
}

/// Years in the current role after their number: `2 jaar in deze
/// functie`, `1 year in this role`, `2,5 years in this role`.
pub fn years_in_role(lang: Lang, years: f64) -> String {
    let n = doorgroei::i18n::decimal(years, lang);
    match lang {
        Lang::Nl => format!("{n} jaar in deze functie"),
        Lang::En if years == 1.0 => format!("{n} year in this role"),
        Lang::En => format!("{n} years in this role"),
    }
}

/// How much of a role's work is in the tracks wished (`wished`), or
/// without wishes in the current role's tracks: `80% in je gewenste sporen`.
pub fn fit(lang: Lang, fit: u8, wished: bool) -> String {
    match (lang, wished) {
        (Lang::Nl, true) => format!("{fit}% in je gewenste sporen"),
        (Lang::Nl, false) => format!("{fit}% in de sporen van je functie nu"),
        (Lang::En, true) => format!("{fit}% in the tracks you wish"),
        (Lang::En, false) => format!("{fit}% in the tracks of your current role"),
    }
}

/// Money as one piece: the euro sign and its amount joined by a no-break
/// space (`€ 3.490` never breaks after the sign).
pub fn money(text: &str) -> String {
    text.replace("€ ", "€\u{a0}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_in_the_role_after_their_number() {
        for (lang, years, expected) in [
            (Lang::Nl, 1.0, "1 jaar in deze functie"),
            (Lang::Nl, 2.0, "2 jaar in deze functie"),
            (Lang::Nl, 2.5, "2,5 jaar in deze functie"),
            (Lang::En, 1.0, "1 year in this role"),
            (Lang::En, 0.0, "0 years in this role"),
            (Lang::En, 2.5, "2.5 years in this role"),
        ] {
            assert_eq!(years_in_role(lang, years), expected);
        }
    }

    #[test]
    fn money_does_not_break_after_the_euro_sign() {
        assert_eq!(money("€ 3.282 – € 4.371"), "€\u{a0}3.282 – €\u{a0}4.371");
    }
}
