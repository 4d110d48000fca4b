//! Where every role and arrow goes in the ladder drawing.
//!
//! Levels are columns (junior → lead, left to right) and tracks are lanes
//! (rows). A role sits in the lane of its track; a hybrid role is one box
//! that spans the lanes of all its tracks, so the combination is visible at a
//! glance. Only levels and tracks that occur in the ladder get a column or lane.

use std::collections::{BTreeMap, BTreeSet};

use petgraph::stable_graph::NodeIndex;

use crate::i18n::Lang;
use crate::ladder::{Ladder, Level, Track, TransitionKind};
use crate::sort;

/// Width of a role box.
pub const NODE_W: f64 = 176.0;
/// Height of a role box in one lane.
pub const NODE_H: f64 = 58.0;
/// Space between boxes.
pub const GAP: f64 = 14.0;
/// Space between level columns, where most arrows run.
pub const COLUMN_GAP: f64 = 56.0;
/// Width of the lane labels on the left.
pub const LABEL_W: f64 = 112.0;
/// Height of the level headers on top.
pub const HEADER_H: f64 = 34.0;
/// Approximate width of one character of label text, for wrapping.
const CHAR_W: f64 = 6.6;

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

/// A track lane.
#[derive(Clone, Debug, PartialEq)]
pub struct Lane {
    /// The track.
    pub track: Track,
    /// Top edge.
    pub y: f64,
    /// Height.
    pub height: f64,
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
    /// Height.
    pub h: f64,
    /// The name, wrapped into lines that fit the box.
    pub lines: Vec<String>,
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
    /// Track lanes, top to bottom.
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

/// Lays out `ladder` with names in `lang`.
pub fn layout(ladder: &Ladder, lang: Lang) -> Layout {
    let levels: Vec<Level> = Level::ALL
        .iter()
        .copied()
        .filter(|&l| ladder.roles().any(|(_, r)| r.level == l))
        .collect();
    let tracks: Vec<Track> = Track::ALL
        .iter()
        .copied()
        .filter(|&t| ladder.roles().any(|(_, r)| r.mix.share(t) > 0))
        .collect();
    let lane_of = |t: Track| tracks.iter().position(|&x| x == t).unwrap_or(0);

    // Per role: column, lane span, sub-column, and first and last row (rows
    // within the lanes: a single-lane role takes one row, a hybrid takes a
    // run of rows from a row of its first lane to a row of its last lane).
    let mut places: Vec<Place> = Vec::new();
    let mut singles: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    for (node, role) in ladder.roles() {
        let column = levels.iter().position(|&l| l == role.level).unwrap_or(0);
        let lanes: Vec<usize> = role.mix.tracks().iter().map(|&(t, _)| lane_of(t)).collect();
        let lo = lanes.iter().copied().min().unwrap_or(0);
        let hi = lanes.iter().copied().max().unwrap_or(0);
        let mut row = 0;
        if lo == hi {
            let count = singles.entry((column, lo)).or_insert(0);
            row = *count;
            *count += 1;
        }
        places.push(Place {
            node,
            column,
            lo,
            hi,
            sub_column: 0,
            first: (lo, row),
            last: (hi, row),
        });
    }

    // Rows per lane: enough for the most single-lane roles any column has there.
    let rows: Vec<usize> = (0..tracks.len())
        .map(|lane| {
            (0..levels.len())
                .map(|c| singles.get(&(c, lane)).copied().unwrap_or(0))
                .max()
                .unwrap_or(0)
                .max(1)
        })
        .collect();
    let sub_columns = place_hybrids(&mut places, &rows, levels.len());
    let mut columns = Vec::new();
    let mut x = LABEL_W + GAP;
    for (i, &level) in levels.iter().enumerate() {
        let width = sub_columns[i] as f64 * (NODE_W + GAP) - GAP;
        columns.push(Column { level, x, width });
        x += width + COLUMN_GAP;
    }
    let width = x - COLUMN_GAP + GAP;

    let mut lanes = Vec::new();
    let mut y = HEADER_H;
    for (i, &track) in tracks.iter().enumerate() {
        let height = rows[i] as f64 * (NODE_H + GAP) + GAP;
        lanes.push(Lane { track, y, height });
        y += height;
    }
    let height = y + GAP;
    let row_top = |(lane, row): (usize, usize)| lanes[lane].y + GAP + row as f64 * (NODE_H + GAP);

    let nodes: Vec<NodeBox> = places
        .iter()
        .map(|p| {
            let column = &columns[p.column];
            let x = column.x + p.sub_column as f64 * (NODE_W + GAP);
            let y = row_top(p.first);
            let h = row_top(p.last) + NODE_H - y;
            let role = ladder.role_at(p.node);
            NodeBox {
                node: p.node,
                x,
                y,
                w: NODE_W,
                h,
                lines: wrap(role.name.get(lang), NODE_W - 16.0, 2),
            }
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

/// Where a role goes: its column, lane span, sub-column, and first and last
/// (lane, row). A single-lane role takes one row; a hybrid a run of rows from
/// a row of its first lane to a row of its last lane.
struct Place {
    node: NodeIndex,
    column: usize,
    lo: usize,
    hi: usize,
    sub_column: usize,
    first: (usize, usize),
    last: (usize, usize),
}

/// The first global row of each lane.
fn bases(rows: &[usize]) -> Vec<usize> {
    rows.iter()
        .scan(0, |acc, &r| {
            let b = *acc;
            *acc += r;
            Some(b)
        })
        .collect()
}

/// Places the hybrids where their run of rows is free, in the first
/// sub-column with room, choosing the shortest run there (a run is contiguous,
/// so per sub-column only one hybrid crosses each lane boundary). Returns the
/// number of sub-columns per column.
fn place_hybrids(places: &mut [Place], rows: &[usize], columns: usize) -> Vec<usize> {
    let base = bases(rows);
    let global = |(lane, row): (usize, usize)| base[lane] + row;
    let mut taken: BTreeSet<(usize, usize, usize)> = sort::set_of(
        places
            .iter()
            .filter(|p| p.lo == p.hi)
            .map(|p| (p.column, 0, global(p.first))),
    );
    let mut sub_columns = vec![1usize; columns];
    for p in places.iter_mut().filter(|p| p.lo != p.hi) {
        let mut sub = 0;
        let (first, last) = loop {
            let mut best: Option<((usize, usize), (usize, usize))> = None;
            for r1 in (0..rows[p.lo]).rev() {
                for r2 in 0..rows[p.hi] {
                    let (a, b) = (global((p.lo, r1)), global((p.hi, r2)));
                    let free = (a..=b).all(|g| !taken.contains(&(p.column, sub, g)));
                    let shorter = best.is_none_or(|(f, l)| b - a < global(l) - global(f));
                    if free && shorter {
                        best = Some(((p.lo, r1), (p.hi, r2)));
                    }
                }
            }
            match best {
                Some(run) => break run,
                None => sub += 1,
            }
        };
        for g in global(first)..=global(last) {
            taken.insert((p.column, sub, g));
        }
        p.sub_column = sub;
        p.first = first;
        p.last = last;
        sub_columns[p.column] = sub_columns[p.column].max(sub + 1);
    }
    sub_columns
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

/// Splits `text` into at most `max_lines` lines of at most `width` pixels;
/// an overflowing last line ends in an ellipsis.
pub fn wrap(text: &str, width: f64, max_lines: usize) -> Vec<String> {
    let max_chars = ((width / CHAR_W) as usize).max(4);
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        let needed =
            current.chars().count() + usize::from(!current.is_empty()) + word.chars().count();
        if needed <= max_chars || current.is_empty() {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
        } else {
            lines.push(std::mem::take(&mut current));
            current.push_str(word);
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            last.push('…');
        }
    }
    for line in &mut lines {
        if line.chars().count() > max_chars {
            *line = line.chars().take(max_chars - 1).collect::<String>() + "…";
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn wraps_words() {
        assert_eq!(wrap("Sociaal werker", 200.0, 2), vec!["Sociaal werker"]);
        assert_eq!(
            wrap(
                "Aandachtsfunctionaris meldcode huiselijk geweld en kindermishandeling",
                160.0,
                2
            ),
            vec!["Aandachtsfunctionaris", "meldcode huiselijk…"]
        );
        assert_eq!(wrap("", 100.0, 2), Vec::<String>::new());
        assert_eq!(
            wrap("Onuitsprekelijkelangefunctienaam", 80.0, 2),
            vec!["Onuitspreke…"]
        );
    }
}
