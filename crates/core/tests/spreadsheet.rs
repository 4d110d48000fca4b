//! Workbooks as HR systems and people leave them: too large once unpacked,
//! sparse, with cells a reader could misread. Every workbook here is made
//! by the test (rust_xlsxwriter, or a zip archive written byte by byte).
#![cfg(feature = "xlsx")]

use doorgroei::error::{ErrorKind, LoadErrors};
use doorgroei::format::{load_roster_with, ReadOptions, MAX_UNPACKED, MAX_UNPACKED_PART};
use doorgroei::roster::Roster;
use doorgroei::{Ladder, Lang};

mod workbooks;
use workbooks::{bomb, workbook, Value};

/// A part of a workbook: its name, what it unpacks to, what its headers say.
type Part<'a> = (&'a str, u64, u32);

fn ladder() -> Ladder {
    doorgroei::format::load_ladder(
        "l.yaml",
        include_str!("../../../pathways/welzijn-groeit.yaml"),
    )
    .unwrap()
}

fn read(name: &str, bytes: &[u8]) -> Result<Roster, LoadErrors> {
    load_roster_with(name, bytes, &ladder(), &ReadOptions::default()).map(|l| l.value)
}

#[test]
fn a_workbook_that_unpacks_beyond_the_limits_is_refused_naming_the_file() {
    let sheet = "xl/worksheets/sheet1.xml";
    let over = MAX_UNPACKED_PART + 1;
    let part_nl = format!(
        "bom.xlsx: deze werkmap pakt uit tot te veel gegevens: het deel '{sheet}' wordt groter dan 128 MiB, het maximum voor één deel (een export van 50.000 personen blijft daar ver onder); is dit het goede bestand? Sla het blad anders op als CSV"
    );
    let part_en = format!(
        "bom.xlsx: this workbook unpacks to too much data: its part '{sheet}' grows beyond 128 MiB, the limit for one part (an export of 50,000 people stays far below it); is this the right file? Otherwise save the sheet as CSV"
    );
    let total_nl = "bom.xlsx: deze werkmap pakt uit tot te veel gegevens: samen meer dan 256 MiB, het maximum (een export van 50.000 personen blijft daar ver onder); is dit het goede bestand? Sla het blad anders op als CSV";
    let total_en = "bom.xlsx: this workbook unpacks to too much data: more than 256 MiB in all, the limit (an export of 50,000 people stays far below it); is this the right file? Otherwise save the sheet as CSV";
    let third = MAX_UNPACKED / 3 + 1;
    let (a, b, c) = (
        "xl/worksheets/sheet1.xml",
        "xl/sharedStrings.xml",
        "xl/styles.xml",
    );
    // The parts (name, what it really unpacks to, what its headers say)
    // and the message.
    let cases: [(Vec<Part>, [&str; 2]); 5] = [
        // Honest: refused on what the headers say, before unpacking.
        (vec![(sheet, over, over as u32)], [&part_nl, &part_en]),
        // Lying: the headers say 1 KB or nothing, the part unpacks to more
        // than the limit; it is read up to the limit and no further.
        (vec![(sheet, over, 1_000)], [&part_nl, &part_en]),
        (vec![(sheet, over, 0)], [&part_nl, &part_en]),
        // Each part within its limit, all of them beyond the total.
        (
            vec![
                (a, third, third as u32),
                (b, third, third as u32),
                (c, third, third as u32),
            ],
            [total_nl, total_en],
        ),
        (
            vec![(a, third, 10), (b, third, 10), (c, third, 10)],
            [total_nl, total_en],
        ),
    ];
    for (parts, expected) in cases {
        let bytes = bomb(&parts);
        assert!(bytes.len() < 2_000_000, "{}", bytes.len());
        let e = read("bom.xlsx", &bytes).expect_err("a bomb");
        assert_eq!(
            [e.render(Lang::Nl), e.render(Lang::En)],
            expected.map(str::to_string),
            "{parts:?}"
        );
    }
}

#[test]
fn a_sparse_sheet_costs_no_more_than_its_cells() {
    // A value in the last cell Excel has (XFD1048576) and one in A1: the
    // sheet's rectangle would be 17 billion cells.
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "Personeelsnummer").unwrap();
    sheet.write_string(0, 1, "Naam").unwrap();
    sheet.write_string(1_048_575, 16_383, "ver weg").unwrap();
    let bytes = book.save_to_buffer().unwrap();
    let e = read("ver.xlsx", &bytes).expect_err("no role, no days");
    assert!(
        e.render(Lang::En).contains("no column for"),
        "{}",
        e.render(Lang::En)
    );

    // Values far to the right in many rows: more cells than a sheet may
    // have, counting the empty ones before them.
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for row in 0..700 {
        sheet.write_number(row, 16_383, 1.0).unwrap();
    }
    let bytes = book.save_to_buffer().unwrap();
    let e = read("breed.xlsx", &bytes).expect_err("too many cells");
    assert!(
        matches!(e.0[0].kind, ErrorKind::TooMany { .. }),
        "{:?}",
        e.0
    );
    assert_eq!(
        e.render(Lang::Nl),
        "breed.xlsx: te veel cellen: 10010624; het maximum is 10000000"
    );
}

/// The cells of a row that differ from the plain person's (column, value).
type Row<'a> = Vec<(u16, Value<'a>)>;

/// Reads a one-person workbook with `cells` in its row 2 and gives the
/// person as `id start hours capacity`, or the problems in Dutch and
/// English.
fn check(cells: &[(u16, Value)], expected: Result<&str, [&str; 2]>) {
    let bytes = workbook(cells);
    let got = match read("w.xlsx", &bytes) {
        Ok(roster) => {
            let p = &roster.people[0];
            let start = p.start.map_or("-".to_string(), |d| d.to_string());
            Ok(format!("{} {start} {} {}", p.id, p.hours, p.capacity))
        }
        Err(e) => Err([e.render(Lang::Nl), e.render(Lang::En)]),
    };
    let expected = expected
        .map(str::to_string)
        .map_err(|e| e.map(str::to_string));
    assert_eq!(got, expected);
}

#[test]
fn cells_read_as_what_they_hold_or_an_error_at_the_cell() {
    use Value::*;
    const START: u16 = 4;
    const HOURS: u16 = 5;
    const CAPACITY: u16 = 6;
    let not_a_date = |found: &str| {
        [
            format!("w.xlsx: Blad1!E2: Datum in dienst: ongeldige waarde {found}; verwacht een datum als 4-1-2027, 04-01-2027 of 2027-01-04 (dag eerst, jaar in vier cijfers)"),
            format!("w.xlsx: Blad1!E2: Datum in dienst: invalid value {found}; expected a date such as 4-1-2027, 04-01-2027 or 2027-01-04 (day first, a four-digit year)"),
        ]
    };
    let bad_serials = [not_a_date("0"), not_a_date("-1")];
    // Monday 4 January 2027 is serial 46391.
    let cases: Vec<(Row, Result<&str, [&str; 2]>)> = vec![
        (vec![(START, Date(46391.0))], Ok("1001 2027-01-04 36 0")),
        (vec![(START, Date(46391.5))], Ok("1001 2027-01-04 36 0")),
        // 23:59:59.4 is still the 4th; 23:59:59.6 rounds to midnight.
        (
            vec![(START, Date(46391.0 + 86_399.4 / 86_400.0))],
            Ok("1001 2027-01-04 36 0"),
        ),
        (
            vec![(START, Date(46391.0 + 86_399.6 / 86_400.0))],
            Ok("1001 2027-01-05 36 0"),
        ),
        (
            vec![(START, Date(46_391.999_999_99))],
            Ok("1001 2027-01-05 36 0"),
        ),
        (vec![(START, Text("4-1-2027"))], Ok("1001 2027-01-04 36 0")),
        (
            vec![(HOURS, Number(32.0)), (CAPACITY, Number(2.0))],
            Ok("1001 - 32 2"),
        ),
        // Ids of up to 15 digits as numbers read exactly.
        (
            vec![(0, Number(123_456_789_012_345.0))],
            Ok("123456789012345 - 36 0"),
        ),
        (vec![(0, Number(1001.0))], Ok("1001 - 36 0")),
    ];
    for (cells, expected) in cases {
        check(&cells, expected);
    }
    let bad: Vec<(Row, [String; 2])> = vec![
        // A date cell before 1 January 1900 is no date.
        (vec![(START, Date(0.0))], bad_serials[0].clone()),
        (vec![(START, Date(-1.0))], bad_serials[1].clone()),
        // (A workbook cannot hold NaN: the writer makes it the text NAN.)
        (vec![(START, Number(f64::NAN))], not_a_date("'NAN'")),
        // A yes/no cell where a number belongs.
        (
            vec![(HOURS, Bool(true))],
            [
                "w.xlsx: Blad1!F2: Uren: verwacht een getal, gevonden een ja/nee-cel (WAAR)".into(),
                "w.xlsx: Blad1!F2: Uren: expected a number, found a yes/no cell (TRUE)".into(),
            ],
        ),
        (
            vec![(CAPACITY, Bool(false))],
            [
                "w.xlsx: Blad1!G2: Capaciteit: verwacht een getal, gevonden een ja/nee-cel (ONWAAR)".into(),
                "w.xlsx: Blad1!G2: Capaciteit: expected a number, found a yes/no cell (FALSE)".into(),
            ],
        ),
        // A formula whose result the file does not hold.
        (
            vec![(HOURS, Formula("=32+4"))],
            [
                "w.xlsx: Blad1!F2: Uren: deze cel heeft een formule zonder berekende waarde in het bestand; open het in Excel of LibreOffice en sla het opnieuw op (of sla het blad op als CSV)".into(),
                "w.xlsx: Blad1!F2: Uren: this cell holds a formula without its computed value in the file; open it in Excel or LibreOffice and save it again (or save the sheet as CSV)".into(),
            ],
        ),
        (
            vec![(1, Formula("=\"Jan\"&\" \"&\"Bos\""))],
            [
                "w.xlsx: Blad1!B2: Naam: deze cel heeft een formule zonder berekende waarde in het bestand; open het in Excel of LibreOffice en sla het opnieuw op (of sla het blad op als CSV)".into(),
                "w.xlsx: Blad1!B2: Naam: this cell holds a formula without its computed value in the file; open it in Excel or LibreOffice and save it again (or save the sheet as CSV)".into(),
            ],
        ),
        // A number with more digits than a spreadsheet keeps.
        (
            vec![(0, Number(1_234_567_890_123_456_789.0))],
            [
                "w.xlsx: Blad1!A2: Personeelsnummer: ongeldige waarde 1234567890123456800; verwacht een nummer van hoogstens 15 cijfers: een spreadsheet bewaart een langer getal niet precies (de laatste cijfers gaan verloren); maak de kolom Tekst en vul de nummers opnieuw in".into(),
                "w.xlsx: Blad1!A2: Personeelsnummer: invalid value 1234567890123456800; expected a number of at most 15 digits: a spreadsheet does not keep a longer number exactly (its last digits are lost); format the column as Text and enter the numbers again".into(),
            ],
        ),
    ];
    for (cells, expected) in bad {
        check(&cells, Err([expected[0].as_str(), expected[1].as_str()]));
    }
}

#[test]
fn spreadsheets_that_are_no_xlsx_workbook_say_what_they_are() {
    use std::io::Write;
    let ole = |extra: &[u8]| {
        let mut bytes = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
        bytes.resize(512, 0);
        bytes.extend_from_slice(extra);
        bytes
    };
    let encrypted: Vec<u8> = "EncryptedPackage"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let ods = {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let stored = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        zip.start_file("mimetype", stored).unwrap();
        zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
            .unwrap();
        zip.start_file("content.xml", stored).unwrap();
        zip.write_all(b"<office:document-content/>").unwrap();
        zip.finish().unwrap().into_inner()
    };
    let password = [
        "this workbook is protected with a password; save it without one",
        "deze werkmap is met een wachtwoord beveiligd; sla hem zonder wachtwoord op",
    ];
    let old = [
        "this kind of spreadsheet cannot be read here; save it as an Excel workbook (.xlsx) or as CSV",
        "dit soort spreadsheet kan hier niet gelezen worden; sla het op als Excel-werkmap (.xlsx) of als CSV",
    ];
    let open_document = [
        "this is an OpenDocument spreadsheet (.ods), which cannot be read here; save it as an Excel workbook (.xlsx, without a password) or as CSV",
        "dit is een OpenDocument-rekenblad (.ods), dat hier niet gelezen wordt; sla het op als Excel-werkmap (.xlsx, zonder wachtwoord) of als CSV",
    ];
    let damaged = [
        "this is not a readable Excel workbook (.xlsx): the file is damaged or something else",
        "dit is geen leesbare Excel-werkmap (.xlsx): het bestand is beschadigd of iets anders",
    ];
    let cases: [(&str, Vec<u8>, [&str; 2]); 6] = [
        ("beveiligd.xlsx", ole(&encrypted), password),
        ("oud.xls", ole(b"Workbook"), old),
        ("rooster.ods", ods.clone(), open_document),
        ("rooster.xlsx", ods, open_document),
        (
            "rooster.ods",
            b"PK\x03\x04 versleuteld".to_vec(),
            open_document,
        ),
        ("kapot.xlsx", b"PK\x03\x04 kapot".to_vec(), damaged),
    ];
    for (name, bytes, [en, nl]) in cases {
        let e = read(name, &bytes).expect_err("not read");
        assert_eq!(
            [e.render(Lang::En), e.render(Lang::Nl)],
            [format!("{name}: {en}"), format!("{name}: {nl}")]
        );
    }
}
