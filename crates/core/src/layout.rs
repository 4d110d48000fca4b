//! Where every role and arrow goes in the ladder drawing.
//!
//! Levels are columns (junior → lead, left to right) and tracks are lanes
//! (rows), in the order of [`Track::ALL`]. A hybrid role sits in a lane of
//! its own combination of tracks, placed between the lanes of those tracks
//! (where they meet when they are neighbours) and drawn striped in their
//! colours: so a hybrid's box is as tall as its text, like any other box,
//! and still shows that it spans lanes. Boxes grow with their wrapped name;
//! nothing is cut off. Only levels and tracks that occur get a column or
//! lane; a track that only occurs in hybrids keeps a thin lane of its own.
//!
//! A column stacks at most [`STACK`] roles of a lane before it is given
//! another sub-column, so the examples draw one box per level side by side
//! (narrow enough to read at a 1280 px screen's width) and a large ladder
//! does not become a tower.

use petgraph::stable_graph::NodeIndex;

use crate::i18n::Lang;
use crate::ladder::{Ladder, Level, Role, Track, TransitionKind};
use crate::sort;

/// Width of a role box.
pub const NODE_W: f64 = 172.0;
/// Space between boxes, and around a lane's boxes.
pub const GAP: f64 = 12.0;
/// Space between level columns, where most arrows run.
pub const COLUMN_GAP: f64 = 44.0;
/// Width of the lane labels on the left.
pub const LABEL_W: f64 = 104.0;
/// Height of the level headers on top.
pub const HEADER_H: f64 = 30.0;
/// Inset of the text in a box.
pub const PAD: f64 = 8.0;
/// Height of a line of a role's name (12 px bold).
pub const NAME_LINE: f64 = 15.0;
/// Height of a line of a role's scale and education (11 px).
pub const DETAIL_LINE: f64 = 13.0;
/// Room for the mix bar along a box's bottom edge.
pub const BAR_H: f64 = 13.0;
/// Height of a line of a lane label (11 px bold).
pub const LABEL_LINE: f64 = 14.0;
/// Font size of role names.
pub const NAME_SIZE: f64 = 12.0;
/// Font size of lane labels (bold).
pub const SMALL_SIZE: f64 = 11.0;
/// The scale and education line is 11 px regular, which is at most 94% as
/// wide as bold (DejaVu Sans): measured as bold at this size.
pub const DETAIL_SIZE: f64 = 11.0 * 0.94;
/// Roles of one lane stacked in a column before it gets another sub-column.
pub const STACK: usize = 4;
/// A name longer than this many lines ends in an ellipsis (no real name does).
pub const MAX_LINES: usize = 6;

/// A level column.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    /// The level.
    pub level: Level,
    /// Left edge.
    pub x: f64,
    /// Width.
    pub width: f64,
}

/// A lane: one track, or a combination of tracks (the hybrids' lane).
#[derive(Clone, Debug, PartialEq)]
pub struct Lane {
    /// Its tracks in lane order; more than one for hybrids.
    pub tracks: Vec<Track>,
    /// Top edge.
    pub y: f64,
    /// Height.
    pub height: f64,
    /// The label (`uitvoering + opleiden`), wrapped into the label column.
    pub lines: Vec<String>,
}

/// A role's box.
#[derive(Clone, Debug, PartialEq)]
pub struct NodeBox {
    /// The role's node.
    pub node: NodeIndex,
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width.
    pub w: f64,
    /// Height: what its lines need ([`box_height`]).
    pub h: f64,
    /// The name, wrapped into lines that fit the box.
    pub lines: Vec<String>,
    /// Scale, education and ◆ for managers, wrapped likewise.
    pub detail: Vec<String>,
}

/// An arrow between two boxes.
#[derive(Clone, Debug, PartialEq)]
pub struct Arrow {
    /// Source role.
    pub from: NodeIndex,
    /// Target role.
    pub to: NodeIndex,
    /// Transition kind (drawn with its own dash pattern).
    pub kind: TransitionKind,
    /// SVG path data.
    pub d: String,
}

/// The whole drawing's geometry.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    /// Total width.
    pub width: f64,
    /// Total height.
    pub height: f64,
    /// Level columns, left to right.
    pub columns: Vec<Column>,
    /// Lanes, top to bottom.
    pub lanes: Vec<Lane>,
    /// Role boxes in ladder order.
    pub nodes: Vec<NodeBox>,
    /// Arrows in ladder order.
    pub arrows: Vec<Arrow>,
}

impl Layout {
    /// The box of a role.
    pub fn node(&self, node: NodeIndex) -> Option<&NodeBox> {
        self.nodes.iter().find(|b| b.node == node)
    }
}

/// The height of a box with `name` lines of name and `detail` lines of detail.
pub fn box_height(name: usize, detail: usize) -> f64 {
    PAD + NAME_LINE * name.max(1) as f64 + DETAIL_LINE * detail.max(1) as f64 + BAR_H
}

/// The scale, education and (for managers) ◆ of a role, as shown under its name.
pub fn detail(role: &Role, lang: Lang) -> String {
    format!(
        "{} · {}{}",
        role.scale.label(lang),
        role.education.label(lang),
        if role.manages_people { " · ◆" } else { "" }
    )
}

/// A lane's label: its tracks joined by `+`.
pub fn lane_label(tracks: &[Track], lang: Lang) -> String {
    let names: Vec<&str> = tracks.iter().map(|t| t.label(lang)).collect();
    names.join(" + ")
}

/// A set of tracks as bits, in lane order (the lane of its roles).
fn bits(role: &Role) -> usize {
    Track::ALL
        .iter()
        .enumerate()
        .filter(|&(_, &t)| role.mix.share(t) > 0)
        .fold(0, |bits, (i, _)| bits | 1 << i)
}

/// Where a lane goes: a track at its position, a combination in the
/// middle of its outer tracks (after a track in the same place).
fn place(bits: usize) -> usize {
    let lo = bits.trailing_zeros() as usize;
    let hi = (usize::BITS - 1 - bits.leading_zeros()) as usize;
    if bits.count_ones() == 1 {
        8 * lo
    } else {
        4 * (lo + hi) + 1
    }
}

/// Lays out `ladder` with names in `lang`.
pub fn layout(ladder: &Ladder, lang: Lang) -> Layout {
    let levels: Vec<Level> = Level::ALL
        .iter()
        .copied()
        .filter(|&l| ladder.roles().any(|(_, r)| r.level == l))
        .collect();
    // Every present track gets a lane, and so does every combination.
    let mut present = [false; 64];
    for (_, role) in ladder.roles() {
        let set = bits(role);
        present[set] = true;
        for i in 0..Track::ALL.len() {
            present[set & 1 << i] = true;
        }
    }
    let mut sets: Vec<usize> = (1..64).filter(|&set| present[set]).collect();
    sort::sort_by_key(&mut sets, |&set| (place(set), set));
    let mut lane_of = [0; 64];
    for (lane, &set) in sets.iter().enumerate() {
        lane_of[set] = lane;
    }

    // Per role: column, lane, index in its cell, and its text.
    let name_width = NODE_W - 2.0 * PAD;
    let mut counts = vec![0usize; levels.len() * sets.len()];
    let mut places: Vec<Place> = Vec::new();
    for (node, role) in ladder.roles() {
        let column = levels.iter().position(|&l| l == role.level).unwrap_or(0);
        let lane = lane_of[bits(role)];
        let count = &mut counts[column * sets.len() + lane];
        let lines = wrap(role.name.get(lang), name_width, NAME_SIZE, MAX_LINES);
        let detail = wrap(&detail(role, lang), name_width, DETAIL_SIZE, MAX_LINES);
        places.push(Place {
            node,
            column,
            lane,
            index: *count,
            h: box_height(lines.len(), detail.len()),
            lines,
            detail,
        });
        *count += 1;
    }

    // Sub-columns per column, then the height of each row of each lane.
    let subs: Vec<usize> = counts
        .chunks(sets.len().max(1))
        .map(|cells| {
            cells
                .iter()
                .map(|n| n.div_ceil(STACK))
                .max()
                .unwrap_or(1)
                .max(1)
        })
        .collect();
    let mut rows: Vec<Vec<f64>> = vec![Vec::new(); sets.len()];
    for p in &places {
        let row = p.index / subs[p.column];
        let lane = &mut rows[p.lane];
        if lane.len() <= row {
            lane.resize(row + 1, 0.0);
        }
        lane[row] = lane[row].max(p.h);
    }

    let mut columns = Vec::new();
    let mut x = LABEL_W + GAP;
    for (i, &level) in levels.iter().enumerate() {
        let width = subs[i] as f64 * (NODE_W + GAP) - GAP;
        columns.push(Column { level, x, width });
        x += width + COLUMN_GAP;
    }
    let width = x - COLUMN_GAP + GAP;

    // Lanes top to bottom; each row's height becomes where it starts.
    let mut lanes = Vec::new();
    let mut y = HEADER_H;
    for (&set, tops) in sets.iter().zip(rows.iter_mut()) {
        let tracks: Vec<Track> = (0..Track::ALL.len())
            .filter(|i| set & 1 << i != 0)
            .map(|i| Track::ALL[i])
            .collect();
        let lines = wrap(
            &lane_label(&tracks, lang),
            LABEL_W - GAP - 4.0,
            SMALL_SIZE,
            MAX_LINES,
        );
        let mut inner = y + GAP;
        for row in tops.iter_mut() {
            let h = *row;
            *row = inner;
            inner += h + GAP;
        }
        let height = (inner - y).max(lines.len() as f64 * LABEL_LINE + 2.0 * GAP);
        lanes.push(Lane {
            tracks,
            y,
            height,
            lines,
        });
        y += height;
    }
    let height = y;

    let nodes: Vec<NodeBox> = places
        .into_iter()
        .map(|p| NodeBox {
            node: p.node,
            x: columns[p.column].x + (p.index % subs[p.column]) as f64 * (NODE_W + GAP),
            y: rows[p.lane][p.index / subs[p.column]],
            w: NODE_W,
            h: p.h,
            lines: p.lines,
            detail: p.detail,
        })
        .collect();

    let find = |n: NodeIndex| nodes.iter().find(|b| b.node == n);
    let arrows = ladder
        .transitions()
        .filter_map(|step| {
            let (a, b) = (find(step.from_node)?, find(step.to_node)?);
            Some(Arrow {
                from: step.from_node,
                to: step.to_node,
                kind: step.transition.kind,
                d: arrow_path(a, b),
            })
        })
        .collect();

    Layout {
        width,
        height,
        columns,
        lanes,
        nodes,
        arrows,
    }
}

/// Where a role goes: its column, lane, place in that cell, and its text.
struct Place {
    node: NodeIndex,
    column: usize,
    lane: usize,
    index: usize,
    h: f64,
    lines: Vec<String>,
    detail: Vec<String>,
}

/// A curve from one box to another: right edge to left edge when the target
/// is further right, left to right when it is further left, and a loop out
/// of the right side within a column.
fn arrow_path(a: &NodeBox, b: &NodeBox) -> String {
    let (ay, by) = (a.y + a.h / 2.0, b.y + b.h / 2.0);
    if b.x > a.x + a.w {
        let (x1, x2) = (a.x + a.w, b.x - 2.0);
        let mid = (x1 + x2) / 2.0;
        format!("M{x1:.1},{ay:.1} C{mid:.1},{ay:.1} {mid:.1},{by:.1} {x2:.1},{by:.1}")
    } else if b.x + b.w < a.x {
        let (x1, x2) = (a.x, b.x + b.w + 2.0);
        let mid = (x1 + x2) / 2.0;
        format!("M{x1:.1},{ay:.1} C{mid:.1},{ay:.1} {mid:.1},{by:.1} {x2:.1},{by:.1}")
    } else {
        // Same column: leave and enter on the right, bulging into the gap.
        let x1 = a.x + a.w;
        let x2 = b.x + b.w + 2.0;
        let bulge = x1.max(x2) + COLUMN_GAP * 0.45;
        let (ay, by) = (ay + 6.0, by - 6.0);
        format!("M{x1:.1},{ay:.1} C{bulge:.1},{ay:.1} {bulge:.1},{by:.1} {x2:.1},{by:.1}")
    }
}

/// Widths of the printable ASCII characters (space to `~`) in hundredths
/// of an em, measured on DejaVu Sans Bold (the widest font the drawing's
/// stylesheet falls back on) and rounded up, so text that fits here fits in
/// every font it names.
const ASCII: [u8; 95] = [
    38, 38, 50, 90, 72, 90, 90, 38, 51, 51, 50, 90, 38, 51, 38, 51, 70, 70, 70, 70, 70, 70, 70, 70,
    70, 70, 38, 38, 84, 90, 84, 62, 100, 78, 77, 74, 83, 69, 69, 83, 84, 38, 38, 78, 64, 100, 84,
    85, 74, 85, 77, 72, 69, 82, 78, 111, 78, 73, 73, 51, 51, 51, 84, 50, 50, 68, 72, 60, 72, 68,
    44, 72, 72, 35, 35, 67, 35, 105, 72, 69, 72, 72, 50, 60, 48, 72, 66, 93, 65, 66, 59, 60, 38,
    60, 84,
];

/// The width of `c` in em.
fn em(c: char) -> f64 {
    let hundredths = match c {
        ' '..='~' => ASCII[c as usize - ' ' as usize],
        '·' => 38,
        '–' => 51,
        c if (c as u32) >= 0x2000 => 105,
        c if c.is_uppercase() => 85,
        _ => 72,
    };
    f64::from(hundredths) / 100.0
}

/// The width of `text` at font size `size`, in pixels (see `em`).
pub fn text_width(text: &str, size: f64) -> f64 {
    text.chars().map(em).sum::<f64>() * size
}

/// Splits `text` into lines of at most `width` pixels at font size `size`,
/// breaking between words, and inside a word (with a hyphen) only when the
/// word alone is wider than a line. At most `max_lines` lines: the last of
/// an even longer text ends in an ellipsis.
pub fn wrap(text: &str, width: f64, size: f64, max_lines: usize) -> Vec<String> {
    let w = |s: &str| text_width(s, size);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for mut word in text.split_whitespace() {
        if !line.is_empty() && w(&line) + w(" ") + w(word) > width {
            lines.push(std::mem::take(&mut line));
        }
        // A word wider than a line is cut into pieces that end in a hyphen
        // (a single letter wider than a line stays whole).
        while line.is_empty() && w(word) > width {
            let (mut end, mut used) = (0, w("-"));
            for (i, c) in word.char_indices() {
                used += em(c) * size;
                if used > width && i > 0 {
                    break;
                }
                end = i + c.len_utf8();
            }
            if end >= word.len() {
                break;
            }
            lines.push(format!("{}-", &word[..end]));
            word = &word[end..];
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines.max(1));
        if let Some(last) = lines.last_mut() {
            while !last.is_empty() && w(last) + w("…") > width {
                last.pop();
            }
            last.push('…');
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_wrap(text: &str, width: f64, max_lines: usize, expected: &[&str]) {
        let lines = wrap(text, width, NAME_SIZE, max_lines);
        assert_eq!(lines, expected, "{text:?} in {width} px");
        for line in &lines {
            assert!(
                text_width(line, NAME_SIZE) <= width,
                "{line:?} is wider than {width} px"
            );
        }
    }

    #[test]
    fn wraps_between_words_and_cuts_only_words_wider_than_a_line() {
        let w = NODE_W - 2.0 * PAD;
        check_wrap("Sociaal werker", w, 6, &["Sociaal werker"]);
        check_wrap(
            "Praktijkonderzoeker Werkplaats Sociaal Domein",
            w,
            6,
            &["Praktijkonderzoeker", "Werkplaats Sociaal", "Domein"],
        );
        check_wrap(
            "Aandachtsfunctionaris meldcode huiselijk geweld en kindermishandeling",
            w,
            6,
            &[
                "Aandachtsfunctionaris",
                "meldcode huiselijk",
                "geweld en",
                "kindermishandeling",
            ],
        );
        check_wrap("", w, 6, &[]);
        check_wrap("  twee   spaties ", w, 6, &["twee spaties"]);
        check_wrap(
            "Onuitsprekelijkelangefunctienaam",
            80.0,
            6,
            &["Onuitspre-", "kelijkelan-", "gefunctien-", "aam"],
        );
        check_wrap(
            "een twee drie vier vijf zes",
            36.0,
            3,
            &["een", "twee", "dri…"],
        );
    }

    #[test]
    fn a_box_is_as_tall_as_its_lines() {
        for (name, detail, expected) in [
            (1, 1, 49.0),
            (2, 1, 64.0),
            (3, 1, 79.0),
            (2, 2, 77.0),
            (0, 0, 49.0),
        ] {
            assert_eq!(
                box_height(name, detail),
                expected,
                "{name} + {detail} lines"
            );
        }
    }

    #[test]
    fn a_letter_wider_than_a_line_stays_whole() {
        assert_eq!(wrap("W", 5.0, NAME_SIZE, 6), ["W"]);
        assert_eq!(wrap("WW", 5.0, NAME_SIZE, 6), ["W-", "W"]);
    }
}
