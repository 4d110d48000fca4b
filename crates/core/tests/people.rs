//! A person as the app's form gives them (one text per field), checked by
//! the roster loader's own rules: `format::check_person`.

use doorgroei::format::{
    check_person, load_roster, person_cells, person_form_cells, CSV_COLUMNS, PERSON_FIELDS,
};
use doorgroei::people::change_person;
use doorgroei::roster::Roster;
use doorgroei::{Ladder, Lang};

fn ladder() -> Ladder {
    doorgroei::format::load_ladder(
        "l.yaml",
        include_str!("../../../pathways/welzijn-groeit.yaml"),
    )
    .unwrap()
}

/// A team leader, a senior she manages (who prefers nobody and was
/// registered in the Registerplein on a leap day) and a junior paired with
/// the senior.
fn roster(ladder: &Ladder) -> Roster {
    let text = "\
id;name;role;team;days;manager;capacity;mentor;registratiedatum
tl;Tineke Leider;teamleider;Noord;ma|di;;0;;
s1;Sanne Senior;sw-hbo-senior;Oost;ma|di|do;tl;;;29-2-2024
j1;Jamal Junior;sw-hbo-start;Noord;di|do;tl;;s1;
";
    load_roster("r.csv", text.as_bytes(), ladder).unwrap()
}

/// The form's texts for person `at` with some fields changed (by name).
fn form(roster: &Roster, at: Option<usize>, changes: &[(&str, &str)]) -> Vec<String> {
    let mut cells = match at {
        Some(i) => person_cells(&roster.people[i], Lang::Nl),
        None => vec![String::new(); PERSON_FIELDS],
    };
    for (field, text) in changes {
        let i = CSV_COLUMNS.iter().position(|c| c == field).unwrap();
        cells[i] = text.to_string();
    }
    cells
}

/// The person read, in a line, or each problem as `field: message` in
/// both languages (`-` for a problem elsewhere in the roster).
fn seen(
    result: Result<doorgroei::roster::Person, Vec<(Option<usize>, doorgroei::error::LoadError)>>,
) -> String {
    match result {
        Ok(p) => format!(
            "{} {} {} days {:?} capacity {}{} manager {:?} start {:?} prefers {:?}",
            p.id,
            p.name,
            p.role,
            p.days.days(),
            p.capacity,
            if p.capacity_default { " (default)" } else { "" },
            p.manager,
            p.start.map(|d| d.to_string()),
            p.prefers,
        ),
        Err(problems) => problems
            .iter()
            .map(|(field, e)| {
                format!(
                    "{}: {} / {}",
                    field.map_or("-", |f| CSV_COLUMNS[f]),
                    e.message(Lang::Nl),
                    e.message(Lang::En)
                )
            })
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

/// Whose form (`None`: a new person), the fields changed, what is read.
type Case<'a> = (Option<usize>, &'a [(&'a str, &'a str)], &'a str);

fn check(cases: &[Case]) {
    let ladder = ladder();
    let roster = roster(&ladder);
    let wrong: Vec<String> = cases
        .iter()
        .enumerate()
        .filter_map(|(i, (at, changes, expected))| {
            let got = seen(check_person(
                &ladder,
                &roster,
                *at,
                &form(&roster, *at, changes),
            ));
            (got != *expected)
                .then(|| format!("case {i}:\n  expected {expected}\n  got      {got}"))
        })
        .collect();
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}

#[test]
fn a_person_unchanged_reads_as_they_were() {
    let ladder = ladder();
    let roster = roster(&ladder);
    let registered = roster.people[1].registered.map(|d| d.to_string());
    assert_eq!(registered.as_deref(), Some("2024-02-29"));
    for lang in [Lang::Nl, Lang::En] {
        for (i, p) in roster.people.iter().enumerate() {
            let read = check_person(&ladder, &roster, Some(i), &person_cells(p, lang)).unwrap();
            assert_eq!(&read, p, "{lang:?}");
            // As the form shows them: dates as typed, a decimal comma in Dutch.
            let shown = person_form_cells(p, lang);
            let read = check_person(&ladder, &roster, Some(i), &shown).unwrap();
            assert_eq!(&read, p, "{lang:?}: {shown:?}");
        }
    }
}

#[test]
fn the_form_shows_dates_as_typed_and_hours_with_a_decimal_comma_in_dutch() {
    let ladder = ladder();
    let roster = roster(&ladder);
    let p = roster
        .people
        .iter()
        .find(|p| p.registered.is_some())
        .unwrap();
    // (field, Dutch, English)
    let mut person = p.clone();
    person.hours = 28.8;
    person.start = Some(jiff::civil::date(2027, 1, 4));
    person.leaves = Some(jiff::civil::date(2027, 12, 31));
    person.last_supervision = Some(jiff::civil::date(2026, 3, 9));
    person.absent = vec![
        (jiff::civil::date(2027, 2, 1), jiff::civil::date(2027, 2, 5)),
        (jiff::civil::date(2027, 3, 1), jiff::civil::date(2027, 3, 1)),
    ];
    let cases = [
        ("hours", "28,8", "28.8"),
        ("start", "4-1-2027", "4-1-2027"),
        (
            "absent",
            "1-2-2027..5-2-2027|1-3-2027",
            "1-2-2027..5-2-2027|1-3-2027",
        ),
        ("last_supervision", "9-3-2026", "9-3-2026"),
        ("leaves", "31-12-2027", "31-12-2027"),
        ("registered", "29-2-2024", "29-2-2024"),
    ];
    let (nl, en) = (
        person_form_cells(&person, Lang::Nl),
        person_form_cells(&person, Lang::En),
    );
    for (field, dutch, english) in cases {
        let at = CSV_COLUMNS.iter().position(|c| *c == field).unwrap();
        assert_eq!(
            (nl[at].as_str(), en[at].as_str()),
            (dutch, english),
            "{field}"
        );
    }
}

#[test]
fn fields_in_the_forms_a_table_may_hold() {
    check(&[
        (
            Some(1),
            &[("capacity", "3"), ("start", "4-1-2027"), ("days", "maandag en woensdag")],
            "s1 Sanne Senior sw-hbo-senior days [Mon, Wed] capacity 3 manager Some(\"tl\") start Some(\"2027-01-04\") prefers []",
        ),
        // An empty capacity is the settings' default for the level.
        (
            Some(0),
            &[("capacity", "")],
            "tl Tineke Leider teamleider days [Mon, Tue] capacity 0 (default) manager None start None prefers []",
        ),
        // Roles and people by name, as HR exports write them.
        (
            Some(2),
            &[("role", "Sociaal werker HBO startbekwaam"), ("prefers", "Sanne Senior"), ("manager", "Tineke Leider")],
            "j1 Jamal Junior sw-hbo-start days [Tue, Thu] capacity 0 (default) manager Some(\"tl\") start None prefers [\"s1\"]",
        ),
        (
            None,
            &[("id", "n1"), ("name", "Nieuw"), ("role", "sw-hbo-start"), ("days", "di, do")],
            "n1 Nieuw sw-hbo-start days [Tue, Thu] capacity 0 (default) manager None start None prefers []",
        ),
    ]);
}

#[test]
fn problems_are_the_loaders_at_their_fields() {
    check(&[
        (
            Some(1),
            &[("capacity", "60")],
            "capacity: ongeldige waarde 60; verwacht een geheel getal van 0 tot en met 50 / invalid value 60; expected a whole number from 0 to 50",
        ),
        (
            Some(1),
            &[("start", "31-4-2027"), ("hours", "veel")],
            "hours: verwacht een getal, gevonden de tekst 'veel' / expected a number, found text 'veel'\n\
             start: ongeldige waarde '31-4-2027'; verwacht een datum als 4-1-2027, 04-01-2027 of 2027-01-04 (dag eerst, jaar in vier cijfers) / invalid value '31-4-2027'; expected a date such as 4-1-2027, 04-01-2027 or 2027-01-04 (day first, a four-digit year)",
        ),
        (
            Some(2),
            &[("role", "stagiair")],
            "role: onbekende functie 'stagiair'; geen functie lijkt erop / unknown role 'stagiair'; no role comes close",
        ),
        (
            Some(2),
            &[("manager", "zz")],
            "manager: onbekende persoon 'zz' / unknown person 'zz'",
        ),
        (
            Some(1),
            &[("registered", "29-2-2023")],
            "registered: ongeldige waarde '29-2-2023'; verwacht een datum als 4-1-2027, 04-01-2027 of 2027-01-04 (dag eerst, jaar in vier cijfers) / invalid value '29-2-2023'; expected a date such as 4-1-2027, 04-01-2027 or 2027-01-04 (day first, a four-digit year)",
        ),
        (Some(2), &[("id", "s1")], "id: persoon 's1' staat er twee keer in / person 's1' is listed twice"),
        // Also when the other comes later (and others name the old id).
        (Some(0), &[("id", "j1")], "id: persoon 'j1' staat er twee keer in / person 'j1' is listed twice"),
        // A required field left empty: named as the form names it.
        (None, &[("id", "n1"), ("name", "Nieuw"), ("role", "sw-hbo-start")], "days: verplicht veld 'werkdagen' ontbreekt / missing field 'working days'"),
        (None, &[("name", "Nieuw"), ("role", "sw-hbo-start"), ("days", "ma")], "id: verplicht veld 'personeelsnummer' ontbreekt / missing field 'employee id'"),
        (None, &[("id", "n1"), ("role", "sw-hbo-start"), ("days", "ma")], "name: verplicht veld 'naam' ontbreekt / missing field 'name'"),
        (None, &[("id", "n1"), ("name", "Nieuw"), ("days", "ma")], "role: verplicht veld 'functie' ontbreekt / missing field 'role'"),
        (Some(1), &[("id", "")], "id: verplicht veld 'personeelsnummer' ontbreekt / missing field 'employee id'"),
    ]);
}

#[test]
fn a_changed_id_is_followed_by_everything_that_named_the_old_one() {
    let ladder = ladder();
    let roster = roster(&ladder);
    // tl manages s1 and j1; s1 mentors j1.
    let cells = form(&roster, Some(0), &[("id", "tl-9")]);
    let person = check_person(&ladder, &roster, Some(0), &cells).unwrap();
    assert_eq!(person.id, "tl-9");
    let cells = form(&roster, Some(1), &[("id", "s9")]);
    let person = check_person(&ladder, &roster, Some(1), &cells).unwrap();
    let mut changed = roster.clone();
    let done = change_person(&mut changed, 1, person).unwrap();
    assert_eq!(done.others, 0);
    assert_eq!(changed.pairs[0].mentor, "s9");
}
