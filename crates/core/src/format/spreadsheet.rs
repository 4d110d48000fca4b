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
    use calamine::{Data, Reader};
    use jiff::civil::Date;

    use super::table::{Cell, Row};
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
    let range = book
        .worksheet_range(&name)
        .map_err(|e| file_error(file, None, ErrorKind::Unreadable(problem(&e))))?;
    let (top, left) = range.start().unwrap_or((0, 0));
    let date = |d: &calamine::ExcelDateTime| {
        let (y, m, day, ..) = d.to_ymd_hms_milli();
        Date::new(
            i16::try_from(y).unwrap_or(0),
            i8::try_from(m).unwrap_or(0),
            i8::try_from(day).unwrap_or(0),
        )
        .ok()
    };
    let rows = range
        .rows()
        .enumerate()
        .map(|(i, cells)| {
            // Cells left of the range's first column are empty.
            let mut out = vec![Cell::Empty; left as usize];
            out.extend(cells.iter().map(|c| {
                match c {
                    Data::Empty => Cell::Empty,
                    Data::String(s) => Cell::Text(s.clone()),
                    Data::Int(n) => Cell::Number(*n as f64),
                    Data::Float(f) => Cell::Number(*f),
                    Data::Bool(b) => Cell::Bool(*b),
                    // A time of day alone (a serial below 1) is no date.
                    Data::DateTime(d) if d.is_datetime() && d.as_f64() >= 1.0 => {
                        date(d).map_or_else(|| Cell::Text(d.as_f64().to_string()), Cell::Date)
                    }
                    Data::DateTime(d) => Cell::Number(d.as_f64()),
                    Data::DateTimeIso(s) => crate::dates::parse_date(s.get(..10).unwrap_or(s))
                        .map_or_else(|| Cell::Text(s.clone()), Cell::Date),
                    Data::DurationIso(s) => Cell::Text(s.clone()),
                    Data::Error(e) => Cell::Text(e.to_string()),
                }
            }));
            Row {
                at: top as usize + i + 1,
                cells: out,
            }
        })
        .collect();
    Ok((
        Table {
            sheet: Some(name),
            rows,
        },
        names,
    ))
}

#[cfg(feature = "xlsx")]
fn workbook(
    file: &str,
    bytes: &[u8],
) -> Result<calamine::Xlsx<std::io::Cursor<Vec<u8>>>, LoadErrors> {
    use crate::error::{ErrorKind, ReadProblem};
    use crate::yaml::{check_size, file_error};
    check_size(file, bytes.len())?;
    if !bytes.starts_with(b"PK\x03\x04") {
        let kind =
            if bytes.starts_with(b"\xD0\xCF\x11\xE0") || file.to_lowercase().ends_with(".ods") {
                ReadProblem::SpreadsheetKind
            } else {
                ReadProblem::BadSpreadsheet
            };
        return Err(file_error(file, None, ErrorKind::Unreadable(kind)));
    }
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
pub fn sheet_table(file: &str, _bytes: &[u8], _sheet: Option<&str>) -> Result<Table, LoadErrors> {
    use crate::error::{ErrorKind, ReadProblem};
    Err(crate::yaml::file_error(
        file,
        None,
        ErrorKind::Unreadable(ReadProblem::SpreadsheetKind),
    ))
}
