//! `doorgroei columns`: which column of a roster file holds which field, as
//! a columns file (`doorgroei/columns@1`) the coordinator can correct and
//! pass to `--columns`. The columns that hold no field are listed in a
//! comment; their values are not read.

use doorgroei::format::{find_header, roster_table, ColumnMap};

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
    let h = find_header(&name, &table).map_err(|e| io::report(&e, lang))?;
    // A header with a line break in it (Alt+Enter in Excel) stays on one
    // line of the file.
    let headers: Vec<String> = table.rows[h]
        .cells
        .iter()
        .map(|c| c.text().split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
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
