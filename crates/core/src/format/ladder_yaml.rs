//! A ladder file written as YAML in one canonical layout: the layout of the
//! examples in `pathways/`, so that files written by the editor, by
//! `doorgroei fmt` and by hand look alike.
//!
//! - the `yaml-language-server` schema comment on the first line;
//! - the top-level fields in the order of [`LadderFile`], absent optional
//!   ones left out; a long `pay_reference` folded (`>-`) over lines of at
//!   most 80 columns;
//! - one role per block, blank lines between them, fields in a fixed order
//!   (`id`, `name`, `level`, `mix`, `scale`, `education`, `manages_people`
//!   when true, `competencies` when any: a plain name at `voldoende`, `{name,
//!   level}` otherwise; `description`, `entry` when given),
//!   `mix` with the largest share first;
//! - one transition per flow mapping, `requirements` on a second line;
//! - roles and transitions in the order of the file (role order is the
//!   drawing's order), so a written file reads back into the same
//!   [`LadderFile`].
//!
//! Text is written plain where every YAML reader reads it back as the same
//! text, and double-quoted otherwise: words YAML 1.1 readers take for
//! booleans or null (`yes`, `no`, `on`, `off`, `null`, `~`), anything that
//! starts like a number, an indicator or a space, contains `:` or `#`, or
//! (inside `{ }` and `[ ]`) a comma or a bracket, and text with characters
//! that are not printable.

use std::fmt::Write as _;

use super::ladder::{LadderFile, RoleFile, TransitionFile};
use crate::i18n::Bilingual;
use crate::ladder::{Competency, Proficiency, Requirement};
use crate::sort;

/// The first line of every ladder file Doorgroei writes: editors that know
/// it (VS Code with the YAML extension) check and complete the file.
pub const LADDER_SCHEMA_COMMENT: &str =
    "# yaml-language-server: $schema=./schema/ladder.schema.json";

/// Widest line a folded text is wrapped to.
const WIDTH: usize = 80;

/// `file` as a `doorgroei/ladder@1` YAML file in the canonical layout. The
/// loader reads it back into the same [`LadderFile`] (a test checks this
/// for the examples and for generated ladders with awkward text).
pub fn ladder_file_to_yaml(file: &LadderFile) -> String {
    let mut y = String::with_capacity(256 + 300 * file.roles.len() + 80 * file.transitions.len());
    line(&mut y, LADDER_SCHEMA_COMMENT);
    line(&mut y, &format!("schema: {}", block(&file.schema)));
    line(
        &mut y,
        &format!("organisation: {}", block(&file.organisation)),
    );
    if let Some(d) = &file.description {
        bilingual_block(&mut y, "", "description", d);
    }
    if let Some(p) = &file.pay_reference {
        pay_reference(&mut y, p);
    }
    if !file.pay_scales.is_empty() {
        line(&mut y, "pay_scales:");
        for p in &file.pay_scales {
            line(
                &mut y,
                &format!("  - {{scale: {}, min: {}, max: {}}}", p.scale, p.min, p.max),
            );
        }
    }
    if let Some(p) = &file.part_time {
        line(
            &mut y,
            &format!(
                "part_time: {{full_time_hours: {}, stretch_min_years: {}}}",
                number(p.full_time_hours),
                p.stretch_min_years
            ),
        );
    }
    y.push('\n');
    if file.roles.is_empty() {
        line(&mut y, "roles: []");
    } else {
        line(&mut y, "roles:");
        for (i, r) in file.roles.iter().enumerate() {
            if i > 0 {
                y.push('\n');
            }
            role(&mut y, r);
        }
    }
    y.push('\n');
    if file.transitions.is_empty() {
        line(&mut y, "transitions: []");
    } else {
        line(&mut y, "transitions:");
        for t in &file.transitions {
            transition(&mut y, t);
        }
    }
    y
}

/// Whether writing `original` (a ladder file's text) as `canonical` (its
/// [`ladder_file_to_yaml`]) loses comments. YAML readers drop comments, so
/// this counts `#` signs instead: every `#` inside a value is written again,
/// so more of them in the original than in the canonical text (the schema
/// comment aside) are comments. (A value that spelled `#` as the escape
/// `\x23` could hide a comment; nobody writes that.)
pub fn loses_comments(original: &str, canonical: &str) -> bool {
    let hashes = |text: &str| {
        let body = text
            .strip_prefix(LADDER_SCHEMA_COMMENT)
            .filter(|rest| rest.is_empty() || rest.starts_with(['\n', '\r']))
            .unwrap_or(text);
        body.matches('#').count()
    };
    hashes(original.trim_start_matches('\u{feff}')) > hashes(canonical)
}

fn line(y: &mut String, text: &str) {
    y.push_str(text);
    y.push('\n');
}

fn role(y: &mut String, r: &RoleFile) {
    line(y, &format!("  - id: {}", block(&r.id)));
    line(y, &format!("    name: {}", bilingual_flow(&r.name)));
    line(y, &format!("    level: {}", r.level.as_str()));
    let mut shares: Vec<_> = r.mix.iter().map(|(&t, &s)| (t, s)).collect();
    sort::sort_by(&mut shares, |a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let shares: Vec<String> = shares
        .iter()
        .map(|(t, s)| format!("{}: {s}", t.as_str()))
        .collect();
    line(y, &format!("    mix: {{{}}}", shares.join(", ")));
    line(
        y,
        &format!("    scale: {{min: {}, max: {}}}", r.scale.min, r.scale.max),
    );
    line(y, &format!("    education: {}", r.education.as_str()));
    if r.manages_people {
        line(y, "    manages_people: true");
    }
    if !r.competencies.is_empty() {
        line(
            y,
            &format!("    competencies: {}", competencies(&r.competencies)),
        );
    }
    if let Some(d) = &r.description {
        bilingual_block(y, "    ", "description", d);
    }
    if let Some(entry) = r.entry {
        line(y, &format!("    entry: {entry}"));
    }
}

fn transition(y: &mut String, t: &TransitionFile) {
    let _ = write!(
        y,
        "  - {{from: {}, to: {}, kind: {}, min_years: {}",
        flow(&t.from),
        flow(&t.to),
        t.kind.as_str(),
        number(t.min_years)
    );
    if t.requirements.is_empty() {
        line(y, "}");
        return;
    }
    let requirements: Vec<String> = t.requirements.iter().map(requirement).collect();
    line(y, ",");
    line(
        y,
        &format!("     requirements: [{}]}}", requirements.join(", ")),
    );
}

fn requirement(r: &Requirement) -> String {
    match r {
        Requirement::Training(t) => format!("{{training: {}}}", flow(t)),
        Requirement::Qualification(q) => format!("{{qualification: {}}}", flow(q)),
        Requirement::Competency(c) => format!("{{competency: {}}}", flow(c)),
        Requirement::Education(e) => format!("{{education: {}}}", e.as_str()),
    }
}

fn bilingual_flow(b: &Bilingual) -> String {
    format!("{{nl: {}, en: {}}}", flow(&b.nl), flow(&b.en))
}

fn bilingual_block(y: &mut String, indent: &str, key: &str, b: &Bilingual) {
    line(y, &format!("{indent}{key}:"));
    line(y, &format!("{indent}  nl: {}", block(&b.nl)));
    line(y, &format!("{indent}  en: {}", block(&b.en)));
}

/// `[Gespreksvoering, {name: Netwerkregie, level: sterk}]`: a plain name
/// at `voldoende`, the mapping otherwise.
fn competencies(items: &[Competency]) -> String {
    let items: Vec<String> = items
        .iter()
        .map(|c| match c.level {
            Proficiency::Sufficient => flow(&c.name),
            level => format!("{{name: {}, level: {}}}", flow(&c.name), level.as_str()),
        })
        .collect();
    format!("[{}]", items.join(", "))
}

/// `pay_reference`, folded over lines of at most [`WIDTH`] columns when it
/// is long and folding gives back exactly the same text.
fn pay_reference(y: &mut String, text: &str) {
    const KEY: &str = "pay_reference: ";
    if KEY.len() + text.chars().count() <= WIDTH || !foldable(text) {
        line(y, &format!("{KEY}{}", block(text)));
        return;
    }
    line(y, "pay_reference: >-");
    let mut current = String::new();
    for word in text.split(' ') {
        if !current.is_empty() && 2 + current.chars().count() + 1 + word.chars().count() > WIDTH {
            line(y, &format!("  {current}"));
            current.clear();
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(word);
    }
    line(y, &format!("  {current}"));
}

/// Text a folded block scalar gives back unchanged when its lines are
/// broken at single spaces: one line, no leading, trailing or double
/// spaces, only printable characters.
fn foldable(text: &str) -> bool {
    !text.is_empty()
        && !text.starts_with(' ')
        && !text.ends_with(' ')
        && !text.contains("  ")
        && text.chars().all(printable)
}

/// A value in block context (after `key: ` on its own line).
fn block(text: &str) -> String {
    scalar(text, false)
}

/// A value inside `{ }` or `[ ]`.
fn flow(text: &str) -> String {
    scalar(text, true)
}

fn scalar(text: &str, in_flow: bool) -> String {
    if plain(text, in_flow) {
        text.to_string()
    } else {
        double_quoted(text)
    }
}

/// Whether `text` may be written without quotes and read back as the same
/// text by any YAML reader (1.1 or 1.2). Errs on the side of quoting.
fn plain(text: &str, in_flow: bool) -> bool {
    const WORDS: [&str; 10] = [
        "y", "n", "yes", "no", "true", "false", "on", "off", "null", "~",
    ];
    let mut chars = text.chars();
    let (Some(first), second) = (chars.next(), chars.next()) else {
        return false;
    };
    let lower = text.to_lowercase();
    if WORDS.contains(&lower.as_str()) || lower == ".inf" || lower == ".nan" {
        return false;
    }
    if "-?:,[]{}#&*!|>'\"%@`+ ".contains(first) || first.is_ascii_digit() {
        return false;
    }
    if first == '.' && second.is_some_and(|c| c.is_ascii_digit()) {
        return false;
    }
    if text.ends_with(' ') || text.contains(':') || text.contains('#') {
        return false;
    }
    if in_flow && text.contains([',', '[', ']', '{', '}']) {
        return false;
    }
    text.chars().all(printable)
}

/// A character YAML allows unescaped in any scalar, excluding what YAML 1.1
/// readers take for a line break (U+0085, U+2028, U+2029) and the byte
/// order mark; tabs, line ends and controls are escaped too.
fn printable(c: char) -> bool {
    matches!(u32::from(c), 0x20..=0x7E | 0xA0..=0xD7FF | 0xE000..=0xFFFD | 0x10000..=0x10FFFF)
        && !matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}')
}

fn double_quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\0' => out.push_str("\\0"),
            c if printable(c) => out.push(c),
            c => {
                let code = u32::from(c);
                let _ = match code {
                    0..=0xFF => write!(out, "\\x{code:02X}"),
                    0x100..=0xFFFF => write!(out, "\\u{code:04X}"),
                    _ => write!(out, "\\U{code:08X}"),
                };
            }
        }
    }
    out.push('"');
    out
}

/// A number as the examples write it: `2`, `1.5`, never `2.0`; the
/// shortest text that reads back as the same `f64`.
fn number(x: f64) -> String {
    if x.is_nan() {
        ".nan".into()
    } else if x.is_infinite() {
        if x > 0.0 { ".inf" } else { "-.inf" }.into()
    } else if x == x.trunc() && x.abs() < 1e15 {
        // Exact: whole numbers below 2^53 convert both ways.
        format!("{}", x as i64)
    } else {
        format!("{x:?}")
    }
}
