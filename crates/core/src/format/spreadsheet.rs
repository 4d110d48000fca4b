//! Spreadsheets (`.xlsx`) as tables: the first sheet, or the one asked for,
//! with real date cells read as dates (a date-time's time dropped). The
//! reader (calamine) is in the build only with the `xlsx` feature: the CLI
//! has it, and the web app has it in a module of its own that a plain
//! visit does not download.

use super::table::Table;
use crate::error::LoadErrors;

/// Whether a file is a spreadsheet: by its name (`.xlsx`, `.xlsm`, `.xls`,
/// `.ods`) or by its first bytes (a zip archive, which no CSV or YAML file
/// starts with).
pub fn is_spreadsheet(file: &str, bytes: &[u8]) -> bool {
    let lower = file.to_lowercase();
    [".xlsx", ".xlsm", ".xls", ".ods"]
        .iter()
        .any(|e| lower.ends_with(e))
        || bytes.starts_with(b"PK\x03\x04")
        || bytes.starts_with(b"\xD0\xCF\x11\xE0")
}

/// The names of a spreadsheet's sheets, in order.
#[cfg(feature = "xlsx")]
pub fn sheet_names(file: &str, bytes: &[u8]) -> Result<Vec<String>, LoadErrors> {
    use calamine::Reader;
    Ok(workbook(file, bytes)?.sheet_names())
}

/// One sheet of a spreadsheet (the first when `sheet` is `None`) as a
/// table. A sheet that is not there is an error that lists the sheets.
#[cfg(feature = "xlsx")]
pub fn sheet_table(file: &str, bytes: &[u8], sheet: Option<&str>) -> Result<Table, LoadErrors> {
    read_sheet(file, bytes, sheet).map(|(table, _)| table)
}

/// [`sheet_table`] and the names of every sheet, from one reading of the
/// workbook (the web app offers the other sheets as a choice).
#[cfg(feature = "xlsx")]
pub fn read_sheet(
    file: &str,
    bytes: &[u8],
    sheet: Option<&str>,
) -> Result<(Table, Vec<String>), LoadErrors> {
    use calamine::Reader;

    use crate::error::ErrorKind;
    use crate::suggest::closest;
    use crate::yaml::file_error;

    let mut book = workbook(file, bytes)?;
    let names = book.sheet_names();
    let name = match sheet {
        Some(wanted) => match names.iter().find(|n| n.as_str() == wanted).or_else(|| {
            names
                .iter()
                .find(|n| n.to_lowercase() == wanted.to_lowercase())
        }) {
            Some(n) => n.clone(),
            None => {
                return Err(file_error(
                    file,
                    None,
                    ErrorKind::UnknownSheet {
                        found: wanted.to_string(),
                        sheets: names.clone(),
                        suggestion: closest(wanted, names.iter().map(String::as_str))
                            .map(str::to_string),
                    },
                ))
            }
        },
        None => match names.first() {
            Some(n) => n.clone(),
            None => return Ok((Table::default(), names)),
        },
    };
    let rows = sheet_rows(file, &mut book, &name)?;
    Ok((
        Table {
            sheet: Some(name),
            rows,
        },
        names,
    ))
}

/// Most cells a sheet may have, counting the empty ones left of a value in
/// its row (a table keeps those): 10 million, 200 columns for each of
/// 50,000 people. A value far to the right in many rows would otherwise
/// cost memory out of all proportion to the file.
pub const MAX_SHEET_CELLS: usize = 10_000_000;

/// The rows of a sheet, read cell by cell (calamine's cell reader: a
/// sheet's range is never made, which would hold every cell of the
/// rectangle from its first value to its last).
#[cfg(feature = "xlsx")]
fn sheet_rows(
    file: &str,
    book: &mut calamine::Xlsx<std::io::Cursor<Vec<u8>>>,
    name: &str,
) -> Result<Vec<super::table::Row>, LoadErrors> {
    use std::collections::BTreeMap;

    use super::table::{Cell, Row};
    use crate::error::{Counted, ErrorKind};
    use crate::yaml::file_error;

    let unreadable =
        |e: &calamine::XlsxError| file_error(file, None, ErrorKind::Unreadable(problem(e)));
    let mut reader = book
        .worksheet_cells_reader(name)
        .map_err(|e| unreadable(&e))?;
    let mut rows: BTreeMap<u32, Vec<Cell>> = BTreeMap::new();
    let mut cells = 0usize;
    let mut put = |r: u32, c: u32, value: Cell| {
        let row = rows.entry(r).or_default();
        let c = c as usize;
        if row.len() <= c {
            cells += c + 1 - row.len();
            if cells > MAX_SHEET_CELLS {
                return Err(file_error(
                    file,
                    None,
                    ErrorKind::TooMany {
                        what: Counted::Cells,
                        count: cells,
                        limit: MAX_SHEET_CELLS,
                    },
                ));
            }
            row.resize(c + 1, Cell::Empty);
        }
        row[c] = value;
        Ok(())
    };
    // Cells with content but no value: a formula whose result the file
    // does not hold (an empty cell is no element with content at all).
    let mut valueless = std::collections::BTreeSet::new();
    while let Some(cell) = reader.next_cell().map_err(|e| unreadable(&e))? {
        let (r, c) = cell.get_position();
        if matches!(cell.get_value(), calamine::DataRef::Empty) {
            valueless.insert((r, c));
            continue;
        }
        let value = cell_value(cell.get_value());
        if !value.is_blank() {
            put(r, c, value)?;
        }
    }
    drop(reader);
    // Which of those hold a formula: a second pass, only when there are any.
    if !valueless.is_empty() {
        let mut reader = book
            .worksheet_cells_reader(name)
            .map_err(|e| unreadable(&e))?;
        while let Some(cell) = reader.next_formula().map_err(|e| unreadable(&e))? {
            let at = cell.get_position();
            if !cell.get_value().is_empty() && valueless.contains(&at) {
                put(at.0, at.1, Cell::NoValue)?;
            }
        }
    }
    Ok(rows
        .into_iter()
        .map(|(r, cells)| Row {
            at: r as usize + 1,
            cells,
        })
        .collect())
}

/// A cell as the table keeps it: real date cells as dates (a date-time's
/// time dropped).
#[cfg(feature = "xlsx")]
fn cell_value(data: &calamine::DataRef<'_>) -> super::table::Cell {
    use calamine::DataRef;
    use jiff::civil::Date;

    use super::table::Cell;

    // The day of a date-time, rounded to the nearest second first: a
    // serial a hair below midnight (23:59:59.6, how a computed date may
    // come out) is the next day.
    let date = |d: &calamine::ExcelDateTime| {
        let (y, m, day, h, min, s, milli) = d.to_ymd_hms_milli();
        let date = Date::new(
            i16::try_from(y).unwrap_or(0),
            i8::try_from(m).unwrap_or(0),
            i8::try_from(day).unwrap_or(0),
        )
        .ok()?;
        if (h, min, s) == (23, 59, 59) && milli >= 500 {
            date.tomorrow().ok()
        } else {
            Some(date)
        }
    };
    match data {
        DataRef::Empty => Cell::Empty,
        DataRef::String(s) => Cell::Text(s.clone()),
        DataRef::SharedString(s) => Cell::Text((*s).to_string()),
        DataRef::Int(n) => Cell::Number(*n as f64),
        DataRef::Float(f) => Cell::Number(*f),
        DataRef::Bool(b) => Cell::Bool(*b),
        // A time of day alone (a serial below 1), nothing, or before 1900
        // is no date: such a cell reads as its number.
        DataRef::DateTime(d) if d.is_datetime() && d.as_f64() >= 1.0 => {
            date(d).map_or_else(|| Cell::Text(d.as_f64().to_string()), Cell::Date)
        }
        DataRef::DateTime(d) => Cell::Number(d.as_f64()),
        DataRef::DateTimeIso(s) => crate::dates::parse_date(s.get(..10).unwrap_or(s))
            .map_or_else(|| Cell::Text(s.clone()), Cell::Date),
        DataRef::DurationIso(s) => Cell::Text(s.clone()),
        DataRef::Error(e) => Cell::Text(e.to_string()),
    }
}

/// Most bytes one part of a workbook (a sheet, its shared texts) may
/// unpack to: 128 MiB. The sheet of an export of 50,000 people with a
/// dozen columns is about 30 MiB.
pub const MAX_UNPACKED_PART: u64 = 128 * 1024 * 1024;
/// Most bytes all parts of a workbook together may unpack to: 256 MiB.
pub const MAX_UNPACKED: u64 = 256 * 1024 * 1024;

/// Checks what a workbook unpacks to: every part's size as the archive
/// declares it, then as it really unpacks (read through a reader that
/// stops one byte past the limit, so a part that lies about its size
/// costs no more than the limit, and nothing is kept). calamine reads the
/// parts of the same archive afterwards, and they unpack the same way.
#[cfg(feature = "xlsx")]
fn check_unpacked(file: &str, bytes: &[u8], part_limit: u64, limit: u64) -> Result<(), LoadErrors> {
    use std::io::Read;

    use crate::error::ErrorKind;
    use crate::yaml::file_error;

    let too_large = |part: Option<&str>, limit: u64| {
        file_error(
            file,
            None,
            ErrorKind::TooLargeUnpacked {
                part: part.map(str::to_string),
                limit,
            },
        )
    };
    // An archive the zip reader cannot open: calamine says so.
    let Ok(mut zip) = zip::ZipArchive::new(std::io::Cursor::new(bytes)) else {
        return Ok(());
    };
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let Ok(part) = zip.by_index_raw(i) else {
            continue;
        };
        if part.size() > part_limit {
            return Err(too_large(Some(part.name()), part_limit));
        }
        total = total.saturating_add(part.size());
        if total > limit {
            return Err(too_large(None, limit));
        }
    }
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        // Encrypted or damaged parts are calamine's to report.
        let Ok(part) = zip.by_index(i) else {
            continue;
        };
        let name = part.name().to_string();
        let room = part_limit.min(limit - total);
        let size = unpacked_size(part.take(room + 1));
        if size > room {
            return Err(if room == part_limit {
                too_large(Some(&name), part_limit)
            } else {
                too_large(None, limit)
            });
        }
        total += size;
    }
    Ok(())
}

/// What a spreadsheet that is no .xlsx workbook is, from its first bytes
/// and its name, or `None` for a zip archive that may be one. An Excel
/// workbook saved with a password is an OLE compound file holding an
/// `EncryptedPackage` stream (its name in UTF-16); other OLE files are
/// older Excel (.xls). An OpenDocument spreadsheet is a zip archive whose
/// first part, `mimetype`, says so (also when it is encrypted).
fn not_xlsx(file: &str, bytes: &[u8]) -> Option<crate::error::ReadProblem> {
    use crate::error::ReadProblem;
    let contains = |needle: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
    if bytes.starts_with(b"\xD0\xCF\x11\xE0") {
        let encrypted: Vec<u8> = "EncryptedPackage"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        return Some(if contains(&encrypted) {
            ReadProblem::Password
        } else {
            ReadProblem::SpreadsheetKind
        });
    }
    let ods = bytes.get(..100).is_some_and(|head| {
        head.windows(34)
            .any(|w| w == b"application/vnd.oasis.opendocument")
    }) || file.to_lowercase().ends_with(".ods");
    if ods {
        return Some(ReadProblem::Ods);
    }
    (!bytes.starts_with(b"PK\x03\x04")).then_some(ReadProblem::BadSpreadsheet)
}

/// How many bytes a reader gives before it ends or fails (a damaged part,
/// a wrong checksum at its end: what was unpacked before counts).
#[cfg(feature = "xlsx")]
fn unpacked_size(mut part: impl std::io::Read) -> u64 {
    let mut buf = vec![0u8; 64 * 1024];
    let mut size = 0u64;
    loop {
        match part.read(&mut buf) {
            Ok(0) => return size,
            Ok(n) => size += n as u64,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(_) => return size,
        }
    }
}

#[cfg(feature = "xlsx")]
fn workbook(
    file: &str,
    bytes: &[u8],
) -> Result<calamine::Xlsx<std::io::Cursor<Vec<u8>>>, LoadErrors> {
    use crate::error::ErrorKind;
    use crate::yaml::{check_size, file_error};
    check_size(file, bytes.len())?;
    if let Some(kind) = not_xlsx(file, bytes) {
        return Err(file_error(file, None, ErrorKind::Unreadable(kind)));
    }
    check_unpacked(file, bytes, MAX_UNPACKED_PART, MAX_UNPACKED)?;
    use calamine::Reader;
    calamine::Xlsx::new(std::io::Cursor::new(bytes.to_vec()))
        .map_err(|e| file_error(file, None, ErrorKind::Unreadable(problem(&e))))
}

#[cfg(feature = "xlsx")]
fn problem(e: &calamine::XlsxError) -> crate::error::ReadProblem {
    use crate::error::ReadProblem;
    match e {
        calamine::XlsxError::Password => ReadProblem::Password,
        _ => ReadProblem::BadSpreadsheet,
    }
}

/// Without the `xlsx` feature a spreadsheet is refused: this build has no
/// reader for it.
#[cfg(not(feature = "xlsx"))]
pub fn sheet_table(file: &str, bytes: &[u8], _sheet: Option<&str>) -> Result<Table, LoadErrors> {
    use crate::error::{ErrorKind, ReadProblem};
    let kind = match not_xlsx(file, bytes) {
        Some(kind @ (ReadProblem::Password | ReadProblem::Ods)) => kind,
        _ => ReadProblem::SpreadsheetKind,
    };
    Err(crate::yaml::file_error(
        file,
        None,
        ErrorKind::Unreadable(kind),
    ))
}
