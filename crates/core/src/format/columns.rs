//! Which column of an HR export holds which roster field.
//!
//! HR systems (AFAS, Visma|Raet Youforce, Nmbrs) and home-made spreadsheets
//! name their columns in Dutch, with their own variants: `Personeelsnummer`,
//! `Functie`, `Datum in dienst`. Every roster field is recognised under its
//! file name and its Dutch and English names, ignoring case, accents,
//! spaces and punctuation ([`normalise`]). A column that is no roster
//! field is named once and dropped: its values are never read.
//!
//! A coordinator can also say it in a `doorgroei/columns@1` file
//! ([`ColumnsFile`]): `field: "Header in the file"`, one line per field.

use std::collections::BTreeMap;

use serde_yaml::Value;

use crate::error::{ErrorKind, Expected, LoadErrors};
use crate::i18n::Lang;
use crate::suggest::closest;
use crate::yaml::{check_size, describe, Document, Path, Problem};

/// The `schema:` value of a columns file.
pub const COLUMNS_SCHEMA: &str = "doorgroei/columns@1";

/// A roster field a column can hold, and the parts a name or hours can be
/// made of (`first_name` + `infix` + `last_name`, `fte`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    /// `id`
    Id,
    /// `name`
    Name,
    /// `first_name`: given or call name, joined with infix and last name
    /// when there is no name column.
    FirstName,
    /// `infix`: tussenvoegsel (`van der`).
    Infix,
    /// `last_name`
    LastName,
    /// `role`
    Role,
    /// `team`
    Team,
    /// `location`
    Location,
    /// `manager`
    Manager,
    /// `specialisms`
    Specialisms,
    /// `languages`
    Languages,
    /// `days`
    Days,
    /// `hours`
    Hours,
    /// `fte`: part of a full-time week, × the ladder's full-time hours.
    Fte,
    /// `career_switcher`
    CareerSwitcher,
    /// `start`
    Start,
    /// `needs_mentor`
    NeedsMentor,
    /// `capacity`
    Capacity,
    /// `coaching`
    Coaching,
    /// `prefers`
    Prefers,
    /// `avoids`
    Avoids,
    /// `email`
    Email,
    /// `absent`
    Absent,
    /// `intervisie`: takes part in peer consultation groups (yes/no).
    Intervisie,
    /// `last_supervision`: the day of the last supervision.
    LastSupervision,
    /// `leaves`: the day they leave or stop mentoring.
    Leaves,
    /// `earlier_mentors`: mentors they had before (ids, `|`-separated).
    EarlierMentors,
    /// `registered`: the day of their (re-)registration in the Registerplein.
    Registered,
    /// `mentor`
    Mentor,
    /// `locked`
    Locked,
}

/// Each field: its file word, Dutch and English label, and the names it is
/// recognised under (already [`normalise`]d; the first ones win when two
/// columns could hold the field).
const FIELDS: [(Field, &str, &str, &str, &[&str]); 30] = [
    (
        Field::Id,
        "id",
        "personeelsnummer",
        "employee id",
        &[
            "id",
            "personeelsnummer",
            "personeelsnr",
            "persnr",
            "medewerkernummer",
            "medewerkernr",
            "werknemersnummer",
            "werknemernummer",
            "werknemersnr",
            "employeeid",
            "employeenumber",
            "employeeno",
            "personnelnumber",
        ],
    ),
    (
        Field::Name,
        "name",
        "naam",
        "name",
        &[
            "name",
            "naam",
            "volledigenaam",
            "medewerker",
            "naammedewerker",
            "weergavenaam",
            "fullname",
            "displayname",
            "employee",
            "employeename",
        ],
    ),
    (
        Field::FirstName,
        "first_name",
        "voornaam",
        "first name",
        &[
            "roepnaam",
            "voornaam",
            "voornamen",
            "firstname",
            "givenname",
            "callname",
        ],
    ),
    (
        Field::Infix,
        "infix",
        "tussenvoegsel",
        "name prefix",
        &[
            "tussenvoegsel",
            "tussenvoegsels",
            "voorvoegsel",
            "infix",
            "nameprefix",
        ],
    ),
    (
        Field::LastName,
        "last_name",
        "achternaam",
        "last name",
        &[
            "achternaam",
            "geslachtsnaam",
            "familienaam",
            "lastname",
            "surname",
            "familyname",
        ],
    ),
    (
        Field::Role,
        "role",
        "functie",
        "role",
        &[
            "role",
            "functie",
            "functienaam",
            "functiecode",
            "functietitel",
            "functieomschrijving",
            "rol",
            "jobtitle",
            "job",
            "position",
        ],
    ),
    (
        Field::Team,
        "team",
        "team",
        "team",
        &[
            "team",
            "afdeling",
            "organisatorischeeenheid",
            "organisatieeenheid",
            "eenheid",
            "department",
            "unit",
        ],
    ),
    (
        Field::Location,
        "location",
        "locatie",
        "location",
        &[
            "location",
            "locatie",
            "standplaats",
            "vestiging",
            "werklocatie",
            "site",
            "office",
        ],
    ),
    (
        Field::Manager,
        "manager",
        "leidinggevende",
        "manager",
        &[
            "manager",
            "leidinggevende",
            "directleidinggevende",
            "leidinggevendeid",
            "linemanager",
        ],
    ),
    (
        Field::Specialisms,
        "specialisms",
        "specialismen",
        "specialisms",
        &[
            "specialisms",
            "specialismen",
            "specialisme",
            "aandachtsgebieden",
            "aandachtsgebied",
            "expertise",
        ],
    ),
    (
        Field::Languages,
        "languages",
        "talen",
        "languages",
        &["languages", "talen", "taal", "language"],
    ),
    (
        Field::Days,
        "days",
        "werkdagen",
        "working days",
        &["days", "werkdagen", "dagen", "workingdays", "workdays"],
    ),
    (
        Field::Hours,
        "hours",
        "uren",
        "hours",
        &[
            "hours",
            "uren",
            "urenperweek",
            "contracturen",
            "contracturenperweek",
            "arbeidsduur",
            "hoursperweek",
            "weeklyhours",
        ],
    ),
    (
        Field::Fte,
        "fte",
        "FTE",
        "FTE",
        &["fte", "deeltijdfactor", "parttimefactor"],
    ),
    (
        Field::CareerSwitcher,
        "career_switcher",
        "zij-instromer",
        "career switcher",
        &["careerswitcher", "zijinstromer", "zijinstroom"],
    ),
    (
        Field::Start,
        "start",
        "startdatum",
        "start date",
        &[
            "start",
            "startdatum",
            "datumindienst",
            "indienstsinds",
            "indienst",
            "datumindiensttreding",
            "startdate",
            "hiredate",
        ],
    ),
    (
        Field::NeedsMentor,
        "needs_mentor",
        "mentor nodig",
        "needs a mentor",
        &[
            "needsmentor",
            "mentornodig",
            "heeftmentornodig",
            "needsamentor",
        ],
    ),
    (
        Field::Capacity,
        "capacity",
        "capaciteit",
        "capacity",
        &[
            "capacity",
            "capaciteit",
            "maxmentees",
            "maximaalaantalmentees",
        ],
    ),
    (
        Field::Coaching,
        "coaching",
        "coachingskwalificatie",
        "coaching qualification",
        &[
            "coaching",
            "coachingskwalificatie",
            "coachingkwalificatie",
            "coach",
            "coachingqualification",
        ],
    ),
    (
        Field::Prefers,
        "prefers",
        "voorkeur mentor",
        "preferred mentors",
        &[
            "prefers",
            "voorkeurmentor",
            "voorkeur",
            "preferredmentors",
            "preferredmentor",
        ],
    ),
    (
        Field::Avoids,
        "avoids",
        "liever niet",
        "mentors to avoid",
        &[
            "avoids",
            "lieverniet",
            "lievernietmet",
            "vermijden",
            "mentorstoavoid",
            "avoid",
        ],
    ),
    (
        Field::Email,
        "email",
        "e-mailadres",
        "e-mail address",
        &[
            "email",
            "emailadres",
            "zakelijkemailadres",
            "zakelijkemail",
            "emailwerk",
            "mail",
            "emailaddress",
            "workemail",
        ],
    ),
    (
        Field::Absent,
        "absent",
        "afwezig",
        "absent",
        &["absent", "afwezig", "afwezigheid", "absence"],
    ),
    (
        Field::Intervisie,
        "intervisie",
        "intervisie",
        "peer consultation",
        &[
            "intervisie",
            "doetmeeaanintervisie",
            "neemtdeelaanintervisie",
            "peerconsultation",
            "intervision",
        ],
    ),
    (
        Field::LastSupervision,
        "last_supervision",
        "laatste supervisie",
        "last supervision",
        &[
            "lastsupervision",
            "laatstesupervisie",
            "datumlaatstesupervisie",
            "supervisiedatum",
            "lastsupervisiondate",
        ],
    ),
    (
        Field::Leaves,
        "leaves",
        "uit dienst",
        "leaves",
        &[
            "leaves",
            "uitdienst",
            "vertrekdatum",
            "datumuitdienst",
            "uitdienstdatum",
            "leavingdate",
            "leavedate",
            "enddate",
        ],
    ),
    (
        Field::EarlierMentors,
        "earlier_mentors",
        "eerdere mentoren",
        "earlier mentors",
        &[
            "earliermentors",
            "eerderementoren",
            "vorigementoren",
            "previousmentors",
            "formermentors",
        ],
    ),
    (
        Field::Registered,
        "registered",
        "registratiedatum",
        "registration date",
        &[
            "registered",
            "registratiedatum",
            "geregistreerdsinds",
            "datumregistratie",
            "registerplein",
            "registratieregisterplein",
            "registerpleinregistratie",
            "herregistratiedatum",
            "datumherregistratie",
            "registrationdate",
            "registeredsince",
        ],
    ),
    (
        Field::Mentor,
        "mentor",
        "mentor",
        "mentor",
        &["mentor", "huidigementor", "currentmentor"],
    ),
    (
        Field::Locked,
        "locked",
        "vastgezet",
        "locked",
        &["locked", "vast", "vastgezet"],
    ),
];

/// [`FIELDS`] without the names a header is recognised under, computed
/// when compiling: what a program that reads no file (the web page) needs
/// of a field, and all of the table it carries.
const LABELS: [(Field, &str, &str, &str); FIELDS.len()] = {
    let mut out = [(Field::Id, "", "", ""); FIELDS.len()];
    let mut i = 0;
    while i < FIELDS.len() {
        out[i] = (FIELDS[i].0, FIELDS[i].1, FIELDS[i].2, FIELDS[i].3);
        i += 1;
    }
    out
};

impl Field {
    /// Every field, in the order of the roster format.
    pub fn all() -> impl Iterator<Item = Field> {
        LABELS.iter().map(|f| f.0)
    }

    fn row(self) -> &'static (Field, &'static str, &'static str, &'static str) {
        // FIELDS lists the variants in declaration order.
        &LABELS[self as usize]
    }

    /// The field's name in files (`start`, `first_name`).
    pub fn key(self) -> &'static str {
        self.row().1
    }

    /// The field as a person calls it (`startdatum` / `start date`).
    pub fn label(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Nl => self.row().2,
            Lang::En => self.row().3,
        }
    }

    /// The field a file word names (`start`), if any.
    pub fn from_key(key: &str) -> Option<Field> {
        Field::all().find(|f| f.key() == key)
    }

    /// Whether a roster cannot do without it (a name can also be made of
    /// first and last name).
    pub fn required(self) -> bool {
        matches!(self, Field::Id | Field::Name | Field::Role | Field::Days)
    }
}

/// A header as compared: lower case, accents dropped (`ë` → `e`), only
/// letters and digits kept (`E-mail adres` → `emailadres`).
pub fn normalise(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(plain)
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// A letter without its accent, for the Latin letters Dutch and its
/// neighbours use (a search that ignores accents folds with it too).
pub fn plain(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        _ => c,
    }
}

/// The field a header not recognised probably means, when it is within a
/// typo of one of the field's names (`Leidinggevnde`, `coachnig`): at
/// most 2 edits from a name of 6 characters or more, 1 from a name of 4
/// or 5 (case, accents, spaces and punctuation ignored, as
/// [`recognise`] does). Only fields in `free` are suggested; the closest
/// name wins, the first on a tie.
pub fn near_field(header: &str, free: &[Field]) -> Option<Field> {
    let key = normalise(header);
    let len = key.chars().count();
    if !(3..=40).contains(&len) {
        return None;
    }
    FIELDS
        .iter()
        .filter(|(field, ..)| free.contains(field))
        .flat_map(|(field, _, _, _, names)| names.iter().map(move |n| (*field, *n)))
        .filter_map(|(field, name)| {
            let n = name.chars().count();
            let limit = match n {
                0..=3 => return None,
                4 | 5 => 1,
                _ => 2,
            };
            if n.abs_diff(len) > limit {
                return None;
            }
            let d = crate::suggest::distance(&key, name);
            (d <= limit).then_some((d, field))
        })
        .min_by_key(|&(d, _)| d)
        .map(|(_, field)| field)
}

/// The field a header names, and how strongly (0 is the field's own
/// word; higher is a looser synonym).
pub fn recognise(header: &str) -> Option<(Field, usize)> {
    let key = normalise(header);
    if key.is_empty() {
        return None;
    }
    FIELDS.iter().find_map(|(field, _, _, _, names)| {
        names
            .iter()
            .position(|n| *n == key)
            .map(|rank| (*field, rank))
    })
}

/// Which column (from 0) holds each field, and the columns no field uses.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ColumnMap {
    /// The column of each field found.
    pub fields: BTreeMap<Field, usize>,
    /// The columns that are not used, in order.
    pub unused: Vec<usize>,
}

impl ColumnMap {
    /// The recognised fields of a header row: for each field the column
    /// with the strongest name (the leftmost on a tie); the rest unused.
    pub fn guess(headers: &[String]) -> ColumnMap {
        let mut best: BTreeMap<Field, (usize, usize)> = BTreeMap::new();
        for (c, h) in headers.iter().enumerate() {
            if let Some((field, rank)) = recognise(h) {
                let entry = best.entry(field).or_insert((rank, c));
                if rank < entry.0 {
                    *entry = (rank, c);
                }
            }
        }
        let fields: BTreeMap<Field, usize> = best.into_iter().map(|(f, (_, c))| (f, c)).collect();
        ColumnMap::with(fields, headers.len())
    }

    fn with(fields: BTreeMap<Field, usize>, width: usize) -> ColumnMap {
        let unused = (0..width)
            .filter(|c| !fields.values().any(|v| v == c))
            .collect();
        ColumnMap { fields, unused }
    }

    /// The fields a roster needs that no column holds (a name made of a
    /// first and last name counts as a name).
    pub fn missing(&self) -> Vec<Field> {
        missing(|f| self.fields.contains_key(&f))
    }

    /// The map written as a columns file, with the headers of `headers`.
    pub fn to_file(&self, headers: &[String]) -> ColumnsFile {
        ColumnsFile(
            self.fields
                .iter()
                .filter_map(|(f, &c)| Some((*f, headers.get(c)?.clone())))
                .collect(),
        )
    }
}

/// The fields a roster needs that `has` says no column holds (a name made
/// of a first and last name counts as a name).
fn missing(has: impl Fn(Field) -> bool) -> Vec<Field> {
    Field::all()
        .filter(|&f| f.required() && !has(f))
        .filter(|&f| !(f == Field::Name && has(Field::FirstName) && has(Field::LastName)))
        .collect()
}

/// The first of the first `look` rows that names at least two roster
/// fields: the header row, below any title rows a spreadsheet has.
pub fn header_row<'a, R, C>(rows: R, look: usize) -> Option<usize>
where
    R: IntoIterator<Item = C>,
    C: IntoIterator<Item = &'a str>,
{
    rows.into_iter().take(look).position(|row| {
        let seen: std::collections::BTreeSet<Field> = row
            .into_iter()
            .filter_map(|h| recognise(h).map(|r| r.0))
            .collect();
        seen.len() >= 2
    })
}

impl serde::Serialize for Field {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.key())
    }
}

impl<'de> serde::Deserialize<'de> for Field {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Field, D::Error> {
        let key = String::deserialize(d)?;
        Field::from_key(&key).ok_or_else(|| serde::de::Error::custom("not a roster field"))
    }
}

/// One column of a table as the mapping step shows it: its header, the
/// field it is taken for, and its first values.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ColumnPreview {
    /// The header as the file writes it.
    pub header: String,
    /// The field it holds (recognised, or as a columns file says).
    pub field: Option<Field>,
    /// The first three values below the header that are not empty.
    pub samples: Vec<String>,
}

/// Every column of `table` with its header, the field `map` gives it and
/// its first three values, for a person to check or correct the mapping.
pub fn preview(table: &super::Table, map: &ColumnMap) -> Vec<ColumnPreview> {
    let h = super::roster::table_header(table);
    let Some(header) = table.rows.get(h) else {
        return Vec::new();
    };
    header
        .cells
        .iter()
        .enumerate()
        .map(|(c, cell)| ColumnPreview {
            header: cell.text(),
            field: map
                .fields
                .iter()
                .find(|(_, &col)| col == c)
                .map(|(f, _)| *f),
            samples: table.rows[h + 1..]
                .iter()
                .filter_map(|r| r.cells.get(c).filter(|x| !x.is_blank()).map(|x| x.text()))
                .take(3)
                .collect(),
        })
        .collect()
}

/// A key for a header row that ignores case, accents, spaces and
/// punctuation: the web app remembers a coordinator's mapping under it, so
/// the next export from the same system is read the same way.
pub fn header_key(headers: &[String]) -> String {
    let keys: Vec<String> = headers.iter().map(|h| normalise(h)).collect();
    keys.join("|")
}

/// A `doorgroei/columns@1` file: which header in the file holds each
/// field. Headers are compared as [`normalise`] does.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ColumnsFile(pub BTreeMap<Field, String>);

impl ColumnsFile {
    /// The fields a roster needs that this file names no column for (a
    /// name made of a first and last name counts as a name).
    pub fn missing(&self) -> Vec<Field> {
        missing(|f| self.0.contains_key(&f))
    }

    /// The file as YAML: the schema line, then `field: "Header"` per field
    /// in the roster format's order.
    pub fn to_yaml(&self) -> String {
        let mut out = format!("schema: {COLUMNS_SCHEMA}\n");
        for (field, header) in &self.0 {
            let quoted = serde_json::to_string(header).unwrap_or_default();
            out.push_str(&format!("{}: {quoted}\n", field.key()));
        }
        out
    }

    /// The columns of `headers` this file names: every header it names
    /// must be there (compared as [`normalise`] does). The fields it does
    /// not name are not guessed: the file says it all. Returns the headers
    /// not found, with their fields.
    pub fn apply(&self, headers: &[String]) -> Result<ColumnMap, Vec<(Field, String)>> {
        let keys: Vec<String> = headers.iter().map(|h| normalise(h)).collect();
        let mut fields = BTreeMap::new();
        let mut missing = Vec::new();
        for (field, header) in &self.0 {
            let want = normalise(header);
            match keys.iter().position(|k| *k == want) {
                Some(c) => {
                    fields.insert(*field, c);
                }
                None => missing.push((*field, header.clone())),
            }
        }
        if missing.is_empty() {
            Ok(ColumnMap::with(fields, headers.len()))
        } else {
            Err(missing)
        }
    }
}

/// Reads a columns file (`doorgroei/columns@1`): a mapping of field names
/// to headers. Every problem is reported with its line and column.
pub fn load_columns(file: &str, text: &str) -> Result<ColumnsFile, LoadErrors> {
    check_size(file, text.len())?;
    let doc = Document::parse(file, text)?;
    let Some(map) = doc.root().as_mapping() else {
        return Err(doc.errors(vec![Problem::new(
            Path::default(),
            ErrorKind::InvalidType {
                expected: Expected::Mapping,
                found: describe(doc.root()),
            },
        )]));
    };
    let mut problems = Vec::new();
    let mut out = BTreeMap::new();
    let mut schema = false;
    let keys: Vec<&str> = Field::all().map(Field::key).collect();
    for (key, value) in map {
        let Some(key) = key.as_str() else { continue };
        let path = Path::default().field(key);
        if key == "schema" {
            schema = true;
            match value.as_str() {
                Some(s) => {
                    if let Err(p) = super::check_schema(s, COLUMNS_SCHEMA) {
                        problems.push(p);
                    }
                }
                None => problems.push(Problem::new(
                    path,
                    ErrorKind::InvalidType {
                        expected: Expected::Text,
                        found: describe(value),
                    },
                )),
            }
            continue;
        }
        let Some(field) = Field::from_key(key) else {
            problems.push(Problem::new(
                path,
                ErrorKind::UnknownField {
                    field: key.to_string(),
                    expected: keys.iter().map(|k| k.to_string()).collect(),
                    // A header's name (`naam`) suggests the field it names.
                    suggestion: recognise(key)
                        .map(|(f, _)| f.key())
                        .or_else(|| closest(key, keys.iter().copied()))
                        .map(str::to_string),
                },
            ));
            continue;
        };
        match value {
            Value::String(h) if !h.trim().is_empty() => {
                out.insert(field, h.clone());
            }
            other => problems.push(Problem::new(
                path,
                ErrorKind::InvalidType {
                    expected: Expected::Text,
                    found: describe(other),
                },
            )),
        }
    }
    if !schema {
        problems.push(Problem::new(
            Path::default(),
            ErrorKind::MissingField("schema".into()),
        ));
    }
    if problems.is_empty() {
        Ok(ColumnsFile(out))
    } else {
        Err(doc.errors(problems))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn misspelt_headers_are_near_their_field() {
        let all: Vec<Field> = Field::all().collect();
        let cases = [
            ("Leidinggevnde", Some(Field::Manager)),
            ("leidinggevened", Some(Field::Manager)),
            ("Personeelsnumer", Some(Field::Id)),
            ("Werkdagn", Some(Field::Days)),
            ("Startdatim", Some(Field::Start)),
            ("coachnig", Some(Field::Coaching)),
            ("Afdling", Some(Field::Team)),
            // Too far, too short, or nothing like a field.
            ("Leidinggvnd", None),
            ("BSN", None),
            ("Geboortedatum", None),
            ("Salaris", None),
            ("IBAN", None),
            ("", None),
        ];
        for (header, expected) in cases {
            assert_eq!(near_field(header, &all), expected, "{header}");
        }
        // Only fields no column holds are suggested.
        let free: Vec<Field> = all
            .iter()
            .copied()
            .filter(|&f| f != Field::Manager)
            .collect();
        assert_eq!(near_field("Leidinggevnde", &free), None);
    }

    fn check(header: &str, expected: Option<Field>) {
        assert_eq!(recognise(header).map(|r| r.0), expected, "{header}");
    }

    #[test]
    fn headers_are_recognised_in_dutch_and_english_whatever_their_form() {
        let cases = [
            ("Personeelsnummer", Some(Field::Id)),
            ("Personeelsnr.", Some(Field::Id)),
            ("Medewerkernummer", Some(Field::Id)),
            ("Werknemersnummer", Some(Field::Id)),
            ("Employee ID", Some(Field::Id)),
            ("Naam", Some(Field::Name)),
            ("Volledige naam", Some(Field::Name)),
            ("Medewerker", Some(Field::Name)),
            ("Voornaam", Some(Field::FirstName)),
            ("Roepnaam", Some(Field::FirstName)),
            ("Tussenvoegsel", Some(Field::Infix)),
            ("Achternaam", Some(Field::LastName)),
            ("Functie", Some(Field::Role)),
            ("Functienaam", Some(Field::Role)),
            ("Functiecode", Some(Field::Role)),
            ("Rol", Some(Field::Role)),
            ("Afdeling", Some(Field::Team)),
            ("Organisatorische eenheid", Some(Field::Team)),
            ("Organisatorische éénheid", Some(Field::Team)),
            ("Standplaats", Some(Field::Location)),
            ("Vestiging", Some(Field::Location)),
            ("Werklocatie", Some(Field::Location)),
            ("Leidinggevende", Some(Field::Manager)),
            ("Aandachtsgebieden", Some(Field::Specialisms)),
            ("Expertise", Some(Field::Specialisms)),
            ("Talen", Some(Field::Languages)),
            ("Werkdagen", Some(Field::Days)),
            ("Uren per week", Some(Field::Hours)),
            ("Contracturen", Some(Field::Hours)),
            ("FTE", Some(Field::Fte)),
            ("Zij-instromer", Some(Field::CareerSwitcher)),
            ("Datum in dienst", Some(Field::Start)),
            ("In dienst sinds", Some(Field::Start)),
            ("Startdatum", Some(Field::Start)),
            ("Mentor nodig", Some(Field::NeedsMentor)),
            ("Max. mentees", Some(Field::Capacity)),
            ("Capaciteit", Some(Field::Capacity)),
            ("Coachingskwalificatie", Some(Field::Coaching)),
            ("Voorkeur mentor", Some(Field::Prefers)),
            ("Liever niet", Some(Field::Avoids)),
            ("E-mail", Some(Field::Email)),
            ("E-mailadres", Some(Field::Email)),
            ("Zakelijk e-mailadres", Some(Field::Email)),
            ("Afwezigheid", Some(Field::Absent)),
            ("Huidige mentor", Some(Field::Mentor)),
            ("Vastgezet", Some(Field::Locked)),
            ("Intervisie", Some(Field::Intervisie)),
            ("Doet mee aan intervisie", Some(Field::Intervisie)),
            ("Laatste supervisie", Some(Field::LastSupervision)),
            ("Datum laatste supervisie", Some(Field::LastSupervision)),
            ("Last supervision", Some(Field::LastSupervision)),
            ("Uit dienst", Some(Field::Leaves)),
            ("Vertrekdatum", Some(Field::Leaves)),
            ("Datum uit dienst", Some(Field::Leaves)),
            ("Eerdere mentoren", Some(Field::EarlierMentors)),
            ("earlier_mentors", Some(Field::EarlierMentors)),
            ("Registratiedatum", Some(Field::Registered)),
            ("Geregistreerd sinds", Some(Field::Registered)),
            ("Datum registratie", Some(Field::Registered)),
            ("Registerplein", Some(Field::Registered)),
            ("Datum herregistratie", Some(Field::Registered)),
            ("registered", Some(Field::Registered)),
            ("Registration date", Some(Field::Registered)),
            ("career_switcher", Some(Field::CareerSwitcher)),
            ("needs_mentor", Some(Field::NeedsMentor)),
            ("BSN", None),
            ("Geboortedatum", None),
            ("Salaris", None),
            ("", None),
            ("---", None),
        ];
        for (header, field) in cases {
            check(header, field);
        }
    }

    #[test]
    fn every_field_is_recognised_by_its_own_key_and_labels() {
        for field in Field::all() {
            assert_eq!(recognise(field.key()).map(|r| r.0), Some(field));
            assert_eq!(Field::from_key(field.key()), Some(field));
            for lang in Lang::ALL {
                assert_eq!(
                    recognise(field.label(lang)).map(|r| r.0),
                    Some(field),
                    "{}",
                    field.label(lang)
                );
            }
        }
    }

    fn headers(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_guess_takes_the_strongest_name_and_leaves_the_rest_unused() {
        let h = headers(&[
            "Personeelsnummer",
            "BSN",
            "Voornaam",
            "Roepnaam",
            "Achternaam",
            "Functie",
            "Werkdagen",
        ]);
        let map = ColumnMap::guess(&h);
        assert_eq!(map.fields.get(&Field::Id), Some(&0));
        // Roepnaam is the stronger name for what a person is called.
        assert_eq!(map.fields.get(&Field::FirstName), Some(&3));
        assert_eq!(map.unused, vec![1, 2]);
        assert_eq!(map.missing(), Vec::<Field>::new());
        let map = ColumnMap::guess(&headers(&["Naam", "BSN"]));
        assert_eq!(map.missing(), vec![Field::Id, Field::Role, Field::Days]);
    }

    #[test]
    fn the_header_row_is_the_first_that_names_two_fields() {
        let rows: Vec<Vec<&str>> = vec![
            vec!["Personeelsoverzicht Welzijn Groeit", "", ""],
            vec!["Peildatum 1-1-2027", "", ""],
            vec!["Medewerker", "", ""],
            vec!["Personeelsnummer", "Naam", "Functie"],
            vec!["1001", "Tess", "Sociaal werker"],
        ];
        assert_eq!(
            header_row(rows.iter().map(|r| r.iter().copied()), 10),
            Some(3)
        );
        let none: Vec<Vec<&str>> = vec![vec!["a", "b"], vec!["Naam", "x"]];
        assert_eq!(header_row(none.iter().map(|r| r.iter().copied()), 10), None);
    }

    #[test]
    fn a_columns_file_round_trips_and_applies() {
        let h = headers(&["Personeelsnummer", "Naam", "Functie", "Werkdagen", "BSN"]);
        let file = ColumnMap::guess(&h).to_file(&h);
        let text = file.to_yaml();
        assert!(text.starts_with("schema: doorgroei/columns@1\n"), "{text}");
        assert!(text.contains("id: \"Personeelsnummer\"\n"), "{text}");
        let back = load_columns("kolommen.yaml", &text).expect("reads back");
        assert_eq!(back, file);
        let map = back.apply(&h).expect("every header is there");
        assert_eq!(map.unused, vec![4]);
        // Compared as normalised: case and spaces do not matter.
        let other = headers(&["PERSONEELSNUMMER", "naam", "functie ", "Werk-dagen"]);
        assert!(back.apply(&other).is_ok());
        let short = headers(&["Personeelsnummer", "Naam"]);
        assert_eq!(
            back.apply(&short).err(),
            Some(vec![
                (Field::Role, "Functie".to_string()),
                (Field::Days, "Werkdagen".to_string())
            ])
        );
    }

    #[test]
    fn a_preview_shows_every_column_with_its_first_values() {
        use crate::format::{Cell, Row, Table};
        let text = |t: &str| {
            if t.is_empty() {
                Cell::Empty
            } else {
                Cell::Text(t.into())
            }
        };
        let rows: Vec<Vec<&str>> = vec![
            vec!["Overzicht", "", ""],
            vec!["Personeelsnummer", "BSN", "Naam"],
            vec!["1", "111", "An"],
            vec!["2", "", "Bo"],
            vec!["3", "333", "Cas"],
            vec!["4", "444", "Dirk"],
        ];
        let table = Table {
            sheet: None,
            rows: rows
                .iter()
                .enumerate()
                .map(|(i, r)| Row {
                    at: i + 1,
                    cells: r.iter().map(|c| text(c)).collect(),
                })
                .collect(),
        };
        let headers = headers(&["Personeelsnummer", "BSN", "Naam"]);
        let map = ColumnMap::guess(&headers);
        let shown = preview(&table, &map);
        let expected = [
            ("Personeelsnummer", Some(Field::Id), vec!["1", "2", "3"]),
            ("BSN", None, vec!["111", "333", "444"]),
            ("Naam", Some(Field::Name), vec!["An", "Bo", "Cas"]),
        ];
        assert_eq!(shown.len(), expected.len());
        for (got, (header, field, samples)) in shown.iter().zip(expected) {
            assert_eq!(got.header, header);
            assert_eq!(got.field, field);
            assert_eq!(got.samples, samples);
        }
        assert_eq!(
            header_key(&headers),
            header_key(&self::headers(&["personeels nummer", "bsn", "NAAM"]))
        );
        // A columns file travels as JSON (page and worker) and back.
        let file = map.to_file(&headers);
        let json = serde_json::to_string(&file).unwrap();
        assert_eq!(json, r#"{"id":"Personeelsnummer","name":"Naam"}"#);
        assert_eq!(serde_json::from_str::<ColumnsFile>(&json).unwrap(), file);
    }

    #[test]
    fn a_bad_columns_file_says_where() {
        let cases = [
            (
                "schema: doorgroei/columns@1\nnaam: Naam\n",
                "bedoel je 'name'?",
            ),
            (
                "schema: doorgroei/columns@1\nname: [a]\n",
                "kolommen.yaml:2:7",
            ),
            ("name: Naam\n", "schema"),
            (
                "schema: doorgroei/columns@2\nname: Naam\n",
                "doorgroei/columns@1",
            ),
        ];
        for (text, expected) in cases {
            let err = load_columns("kolommen.yaml", text).expect_err(text);
            let shown = err.render(Lang::Nl);
            assert!(shown.contains(expected), "{text}: {shown}");
        }
    }
}
