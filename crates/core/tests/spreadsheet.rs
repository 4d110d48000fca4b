//! Workbooks as HR systems and people leave them: too large once unpacked,
//! sparse, with cells a reader could misread. Every workbook here is made
//! by the test (rust_xlsxwriter, or a zip archive written byte by byte).
#![cfg(feature = "xlsx")]

use doorgroei::error::{ErrorKind, LoadErrors};
use doorgroei::format::{load_roster_with, ReadOptions, MAX_UNPACKED, MAX_UNPACKED_PART};
use doorgroei::roster::Roster;
use doorgroei::{Ladder, Lang};

mod workbooks;
use workbooks::bomb;

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
