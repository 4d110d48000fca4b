//! A roster as a table: the rows of a CSV file or of a spreadsheet's sheet,
//! before any column is given a meaning. Both readers make one, and one
//! loader ([`super::roster`]) reads people from it, so a CSV file and a
//! spreadsheet accept and refuse the same things.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::dates::Iso;

/// One cell. CSV cells are all text; a spreadsheet also has numbers and
/// dates (a date-time's time is dropped when it is read).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Cell {
    /// Nothing in it.
    Empty,
    /// Text.
    Text(String),
    /// A number.
    Number(f64),
    /// A date.
    Date(#[serde(with = "crate::dates::date")] Date),
    /// A yes/no cell.
    Bool(bool),
    /// A formula whose computed value the file does not hold (some
    /// programs save formulas so): nothing to read, which is an error
    /// where the cell is read.
    NoValue,
}

impl Cell {
    /// The cell as text: a whole number without `.0` (an employee number
    /// a spreadsheet keeps as a number), a date as `YYYY-MM-DD`.
    pub fn text(&self) -> String {
        match self {
            Cell::Empty | Cell::NoValue => String::new(),
            Cell::Text(t) => t.trim().to_string(),
            Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
            Cell::Number(n) => n.to_string(),
            Cell::Date(d) => Iso(*d).to_string(),
            Cell::Bool(true) => "1".into(),
            Cell::Bool(false) => "0".into(),
        }
    }

    /// Whether the cell has nothing but spaces in it.
    pub fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }
}

/// One row and where it is: the line of a CSV file, or the row number of a
/// sheet (both from 1).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Row {
    /// The line or sheet row, from 1.
    pub at: usize,
    /// The cells, left to right.
    pub cells: Vec<Cell>,
}

/// The rows of a CSV file or of one sheet.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Table {
    /// The sheet's name (spreadsheets only): problems are placed as
    /// `Blad1!C7`.
    pub sheet: Option<String>,
    /// The rows, title rows and header row included.
    pub rows: Vec<Row>,
}

/// A spreadsheet column's letters: 0 → `A`, 25 → `Z`, 26 → `AA`.
pub fn column_letters(column: usize) -> String {
    let mut n = column + 1;
    let mut out = Vec::new();
    while n > 0 {
        let r = (n - 1) % 26;
        out.push(char::from(b'A' + r as u8));
        n = (n - 1) / 26;
    }
    out.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_count_like_a_spreadsheet() {
        let cases = [
            (0, "A"),
            (2, "C"),
            (25, "Z"),
            (26, "AA"),
            (51, "AZ"),
            (52, "BA"),
            (701, "ZZ"),
            (702, "AAA"),
        ];
        for (n, letters) in cases {
            assert_eq!(column_letters(n), letters, "{n}");
        }
    }

    #[test]
    fn cells_as_text() {
        let date = Date::new(2027, 1, 4).expect("a date");
        let cases = [
            (Cell::Empty, ""),
            (Cell::Text(" a ".into()), "a"),
            (Cell::Number(1001.0), "1001"),
            (Cell::Number(0.8), "0.8"),
            (Cell::Date(date), "2027-01-04"),
        ];
        for (cell, text) in cases {
            assert_eq!(cell.text(), text, "{cell:?}");
        }
    }
}
