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
        G::NextSteps => "Volgende stappen (binnen 2 stappen)",
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
        G::NextSteps => "Next steps (within 2 moves)",
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
    }
}
