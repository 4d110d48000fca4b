//! Every string the web app shows, one table per language.

use doorgroei::Lang;

/// A piece of interface text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum T {
    Tagline,
    SwitchLanguage,
    SwitchLanguageLabel,
    Ladder,
    OpenLadder,
    ResetExample,
    ExampleNote,
    OwnFileNote,
    ErrorsIn,
    Dismiss,
    Details,
    ChooseRole,
    Level,
    Mix,
    Scale,
    Pay,
    Education,
    ManagesPeople,
    Yes,
    No,
    Competencies,
    StepsOnward,
    NoStepsOnward,
    StepsInto,
    Years,
    Requirements,
    Findings,
    ShowRoles,
    HideRoles,
    Legend,
    LegendHybrid,
    LegendManages,
    Privacy,
    RolesAndTransitions,
    StorageReset,
    Hybrid,
}

/// The text for `key` in `lang`.
pub fn t(lang: Lang, key: T) -> &'static str {
    match lang {
        Lang::Nl => nl(key),
        Lang::En => en(key),
    }
}

fn nl(key: T) -> &'static str {
    match key {
        T::Tagline => "Groeipaden en mentoring voor sociaal werkers",
        T::SwitchLanguage => "English",
        T::SwitchLanguageLabel => "Switch to English",
        T::Ladder => "Functiehuis",
        T::OpenLadder => "Functiehuisbestand openen",
        T::ResetExample => "Terug naar het voorbeeld",
        T::ExampleNote => "Dit is het ingebouwde voorbeeld. Open een eigen functiehuisbestand (YAML) om dat te bekijken.",
        T::OwnFileNote => "Eigen bestand",
        T::ErrorsIn => "Het bestand kon niet worden geladen",
        T::Dismiss => "Sluiten",
        T::Details => "Functie",
        T::ChooseRole => "Kies een functie in de tekening (klik, of Tab en Enter) om de details en de stappen te zien.",
        T::Level => "Niveau",
        T::Mix => "Verdeling",
        T::Scale => "Schaal",
        T::Pay => "Bruto per maand",
        T::Education => "Opleiding",
        T::ManagesPeople => "Geeft leiding",
        T::Yes => "ja",
        T::No => "nee",
        T::Competencies => "Competenties",
        T::StepsOnward => "Volgende stappen",
        T::NoStepsOnward => "Vanuit deze functie is geen volgende stap beschreven.",
        T::StepsInto => "Komt van",
        T::Years => "jaar",
        T::Requirements => "vraagt",
        T::Findings => "Bevindingen",
        T::ShowRoles => "Toon in tekening",
        T::HideRoles => "Verberg markering",
        T::Legend => "Legenda",
        T::LegendHybrid => "gestippelde rand: combinatiefunctie",
        T::LegendManages => "◆ geeft leiding, rode rand",
        T::Privacy => "Alles blijft in deze browser: bestanden worden hier gelezen en nergens naartoe gestuurd.",
        T::RolesAndTransitions => "functies en overgangen",
        T::StorageReset => "De opgeslagen gegevens in deze browser konden niet worden gelezen; het voorbeeld is geladen.",
        T::Hybrid => "combinatiefunctie",
    }
}

fn en(key: T) -> &'static str {
    match key {
        T::Tagline => "Growth paths and mentoring for social workers",
        T::SwitchLanguage => "Nederlands",
        T::SwitchLanguageLabel => "Schakel naar Nederlands",
        T::Ladder => "Function ladder",
        T::OpenLadder => "Open ladder file",
        T::ResetExample => "Reset to example",
        T::ExampleNote => {
            "This is the built-in example. Open your own ladder file (YAML) to see it instead."
        }
        T::OwnFileNote => "Your file",
        T::ErrorsIn => "The file could not be loaded",
        T::Dismiss => "Close",
        T::Details => "Role",
        T::ChooseRole => {
            "Choose a role in the drawing (click, or Tab and Enter) to see its details and steps."
        }
        T::Level => "Level",
        T::Mix => "Mix",
        T::Scale => "Scale",
        T::Pay => "Gross per month",
        T::Education => "Education",
        T::ManagesPeople => "Manages people",
        T::Yes => "yes",
        T::No => "no",
        T::Competencies => "Competencies",
        T::StepsOnward => "Next steps",
        T::NoStepsOnward => "No next step is described from this role.",
        T::StepsInto => "Comes from",
        T::Years => "years",
        T::Requirements => "requires",
        T::Findings => "Findings",
        T::ShowRoles => "Show in drawing",
        T::HideRoles => "Clear highlight",
        T::Legend => "Legend",
        T::LegendHybrid => "dashed border: hybrid role",
        T::LegendManages => "◆ manages people, red border",
        T::Privacy => "Everything stays in this browser: files are read here and sent nowhere.",
        T::RolesAndTransitions => "roles and transitions",
        T::StorageReset => {
            "The data saved in this browser could not be read; the example has been loaded."
        }
        T::Hybrid => "hybrid role",
    }
}
