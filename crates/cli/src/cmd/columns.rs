//! `doorgroei columns`: which column of a roster file holds which field, as
//! a columns file (`doorgroei/columns@1`) the coordinator can correct and
//! pass to `--columns`. The columns that hold no field are listed in a
//! comment; their values are not read.

use doorgroei::format::{
    find_header, is_email, read_date, read_number, roster_table, Cell, ColumnMap, Field, Table,
};

use crate::args::ColumnsArgs;
use crate::io::{self, To};
use crate::{messages, Failed};

pub fn run(args: ColumnsArgs, lang: doorgroei::Lang) -> Result<(), Failed> {
    let name = args.roster.display().to_string();
    let bytes = io::read(&args.roster, lang)?;
    let (table, problems) =
        roster_table(&name, &bytes, args.sheet.as_deref()).map_err(|e| io::report(&e, lang))?;
    if !problems.is_empty() {
        return Err(io::report(&doorgroei::LoadErrors(problems), lang));
    }
    let h = match find_header(&name, &table) {
        Ok(h) => h,
        Err(e) => {
            // No column recognised: a file to fill in, with the headers of
            // the first row that looks like one (never a row of data).
            let Some(h) = likely_header(&table) else {
                return Err(io::report(&e, lang));
            };
            let headers = one_line(&table.rows[h].cells);
            let map = ColumnMap::guess(&headers);
            io::write(To::Stdout, &skeleton(&headers, &map, lang), lang)?;
            let said = if map.fields.is_empty() {
                messages::no_column_recognised()
            } else {
                messages::missing_columns(&map.missing())
            };
            io::say(&format!("{name}: {}", said.get(lang)));
            return Err(Failed::Input);
        }
    };
    let headers = one_line(&table.rows[h].cells);
    let map = ColumnMap::guess(&headers);
    let mut text = map.to_file(&headers).to_yaml();
    let unused: Vec<&str> = map
        .unused
        .iter()
        .filter_map(|&c| headers.get(c).map(String::as_str))
        .filter(|h| !h.is_empty())
        .collect();
    if !unused.is_empty() {
        text.push_str(&format!(
            "# {}\n",
            messages::unused_columns(&unused).get(lang)
        ));
    }
    io::write(To::Stdout, &text, lang)?;
    let missing = map.missing();
    if missing.is_empty() {
        Ok(())
    } else {
        io::say(&format!(
            "{name}: {}",
            messages::missing_columns(&missing).get(lang)
        ));
        Err(Failed::Input)
    }
}

/// A header with a line break in it (Alt+Enter in Excel) stays on one
/// line of the file.
fn one_line(cells: &[Cell]) -> Vec<String> {
    cells
        .iter()
        .map(|c| c.text().split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

/// The first of the first rows with two cells or more where no cell holds
/// a number, a date or an e-mail address: headers, not someone's data
/// (which is never written).
fn likely_header(table: &Table) -> Option<usize> {
    let data = |c: &Cell| {
        let text = c.text();
        matches!(c, Cell::Number(_) | Cell::Date(_) | Cell::Bool(_))
            || read_number(&text).is_some()
            || read_date(&text).is_some()
            || is_email(&text)
    };
    table.rows.iter().take(20).position(|r| {
        r.cells.iter().filter(|c| !c.is_blank()).count() >= 2 && !r.cells.iter().any(data)
    })
}

/// A columns file to fill in: the fields a column is recognised for, and
/// every other header as a comment (`# veld: "Header"`) to name a field
/// for.
fn skeleton(headers: &[String], map: &ColumnMap, lang: doorgroei::Lang) -> String {
    let mut text = map.to_file(headers).to_yaml();
    for line in messages::columns_to_fill_in().get(lang).lines() {
        text.push_str(&format!("# {line}\n"));
    }
    let keys: Vec<&str> = Field::all().map(Field::key).collect();
    text.push_str(&format!("# {}\n", messages::roster_fields(&keys).get(lang)));
    let placeholder = messages::field_placeholder();
    let placeholder = placeholder.get(lang);
    for &c in &map.unused {
        if let Some(h) = headers.get(c).filter(|h| !h.is_empty()) {
            let quoted = serde_json::to_string(h).unwrap_or_default();
            text.push_str(&format!("# {placeholder}: {quoted}\n"));
        }
    }
    text
}
