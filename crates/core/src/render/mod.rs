//! Drawing a ladder: an SVG scene shared by the CLI and the web app, and Graphviz DOT.
//!
//! [`ladder_svg`] builds a small element tree ([`Element`]). The CLI writes it
//! as text with [`Element::to_svg`]; the web app turns the same tree into DOM
//! nodes. So both show the same drawing, and every piece of user text passes
//! through one escaping point.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use crate::i18n::Lang;
use crate::ladder::{Ladder, Track, TransitionKind};
use crate::layout::{
    detail, layout, Lane, Layout, DETAIL_LINE, GAP, HEADER_H, LABEL_LINE, LABEL_W, NAME_LINE, PAD,
};
use crate::sort;

/// The drawing's stylesheet. The standalone SVG embeds it; the web app serves
/// it as `ladder.css` (an inline style would break its Content-Security-Policy).
pub const LADDER_CSS: &str = include_str!("ladder.css");

/// An SVG element with attributes and children, or a text node.
#[derive(Clone, Debug, PartialEq)]
pub enum Element {
    /// `<tag attr="value">children</tag>`.
    Tag {
        /// Element name.
        name: &'static str,
        /// Attributes in order.
        attrs: Vec<(&'static str, String)>,
        /// Child elements.
        children: Vec<Element>,
    },
    /// Text content (escaped when written).
    Text(String),
    /// The drawing's stylesheet, [`LADDER_CSS`], in a `<style>` element:
    /// written out by [`Element::to_svg`] only, so the web app (which
    /// serves the stylesheet as a file) does not carry it.
    Stylesheet,
}

impl Element {
    fn tag(name: &'static str) -> Element {
        Element::Tag {
            name,
            attrs: Vec::new(),
            children: Vec::new(),
        }
    }

    fn attr(mut self, key: &'static str, value: impl ToString) -> Element {
        if let Element::Tag { attrs, .. } = &mut self {
            attrs.push((key, value.to_string()));
        }
        self
    }

    fn child(mut self, child: Element) -> Element {
        if let Element::Tag { children, .. } = &mut self {
            children.push(child);
        }
        self
    }

    fn text(self, text: impl Into<String>) -> Element {
        self.child(Element::Text(text.into()))
    }

    /// Writes the tree as SVG/XML text.
    pub fn to_svg(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    fn write(&self, out: &mut String) {
        match self {
            Element::Text(text) => out.push_str(&escape(text)),
            Element::Stylesheet => {
                let _ = write!(out, "<style>{}</style>", escape(LADDER_CSS));
            }
            Element::Tag {
                name,
                attrs,
                children,
            } => {
                out.push('<');
                out.push_str(name);
                for (k, v) in attrs {
                    let _ = write!(out, " {k}=\"{}\"", escape(v));
                }
                if children.is_empty() {
                    out.push_str("/>");
                } else {
                    out.push('>');
                    for c in children {
                        c.write(out);
                    }
                    let _ = write!(out, "</{name}>");
                }
            }
        }
    }
}

/// Escapes text for XML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if (c as u32) < 0x20 && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// What to draw besides the ladder itself.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DrawOptions {
    /// Language of names and labels.
    pub lang: Lang,
    /// The role shown as selected.
    pub selected: Option<String>,
    /// Roles to highlight (e.g. those of a scan finding).
    pub highlighted: BTreeSet<String>,
    /// Embed the stylesheet, for an SVG file that stands alone.
    pub standalone: bool,
}

/// A lane's id for the stripes of a hybrid lane (`band-practice-teaching`).
fn band_id(tracks: &[Track]) -> String {
    let mut id = String::from("band");
    for track in tracks {
        id.push('-');
        id.push_str(track.as_str());
    }
    id
}

fn rect(class: &str, x: f64, y: f64, w: f64, h: f64) -> Element {
    Element::tag("rect")
        .attr("class", class)
        .attr("x", format!("{x:.1}"))
        .attr("y", format!("{y:.1}"))
        .attr("width", format!("{w:.1}"))
        .attr("height", format!("{h:.1}"))
}

/// A lane's background between `x` and `x + w`: its track's colour, or for
/// a hybrid lane white under stripes of its tracks' colours.
fn lane_rects(lane: &Lane, x: f64, w: f64) -> Vec<Element> {
    match lane.tracks.as_slice() {
        [track] => vec![rect(
            &format!("lane lane-{}", track.as_str()),
            x,
            lane.y,
            w,
            lane.height,
        )],
        tracks => vec![
            rect("paper", x, lane.y, w, lane.height),
            rect("band", x, lane.y, w, lane.height)
                .attr("fill", format!("url(#{})", band_id(tracks))),
        ],
    }
}

/// Lines of text from `y` down, `step` apart.
fn lines(mut g: Element, class: &str, x: f64, y: f64, step: f64, lines: &[String]) -> Element {
    for (i, line) in lines.iter().enumerate() {
        g = g.child(
            Element::tag("text")
                .attr("class", class)
                .attr("x", format!("{x:.1}"))
                .attr("y", format!("{:.1}", y + i as f64 * step))
                // The trailing space is not drawn, but keeps the words
                // apart in the text a screen reader or search sees.
                .text(format!("{line} ")),
        );
    }
    g
}

/// The ladder as an SVG element tree.
///
/// The lane labels (`g.lane-labels`), the level headers (`g.level-labels`)
/// and the corner between them (`g.corner`) come last, over the boxes and
/// on backgrounds of their own, so that the web app can keep them in view
/// while the drawing is panned (by moving these groups).
pub fn ladder_svg(ladder: &Ladder, options: &DrawOptions) -> Element {
    let lang = options.lang;
    let lay: Layout = layout(ladder, lang);
    let title = match lang {
        Lang::Nl => format!("Functiehuis van {}", ladder.organisation()),
        Lang::En => format!("Function ladder of {}", ladder.organisation()),
    };
    let mut svg = Element::tag("svg")
        .attr("xmlns", "http://www.w3.org/2000/svg")
        .attr("class", "ladder")
        .attr("viewBox", format!("0 0 {:.0} {:.0}", lay.width, lay.height))
        .attr("width", format!("{:.0}", lay.width))
        .attr("height", format!("{:.0}", lay.height))
        .attr("role", "group")
        .attr("aria-label", &title)
        .child(Element::tag("title").text(&title));
    if options.standalone {
        svg = svg.child(Element::Stylesheet);
    }

    let mut defs = Element::tag("defs");
    for &kind in TransitionKind::ALL {
        defs = defs.child(
            Element::tag("marker")
                .attr("id", format!("head-{}", kind.as_str()))
                .attr("viewBox", "0 0 10 10")
                .attr("refX", "9")
                .attr("refY", "5")
                .attr("markerWidth", "7")
                .attr("markerHeight", "7")
                .attr("orient", "auto-start-reverse")
                .child(
                    Element::tag("path")
                        .attr("d", "M0,0 L10,5 L0,10 z")
                        .attr("class", format!("head kind-{}", kind.as_str())),
                ),
        );
    }
    // Diagonal stripes in the colours of a hybrid lane's tracks.
    for lane in lay.lanes.iter().filter(|l| l.tracks.len() > 1) {
        let side = 7.0 * lane.tracks.len() as f64;
        let mut pattern = Element::tag("pattern")
            .attr("id", band_id(&lane.tracks))
            .attr("patternUnits", "userSpaceOnUse")
            .attr("width", side)
            .attr("height", side)
            .attr("patternTransform", "rotate(45)");
        for (i, track) in lane.tracks.iter().enumerate() {
            pattern = pattern.child(rect(
                &format!("stripe track-{}", track.as_str()),
                7.0 * i as f64,
                0.0,
                7.0,
                side,
            ));
        }
        defs = defs.child(pattern);
    }
    svg = svg.child(defs);

    let mut lanes = Element::tag("g")
        .attr("class", "lanes")
        .attr("aria-hidden", "true")
        .child(rect("paper", 0.0, 0.0, lay.width, lay.height));
    for lane in &lay.lanes {
        for r in lane_rects(lane, 0.0, lay.width) {
            lanes = lanes.child(r);
        }
    }
    svg = svg.child(lanes);

    let focus: BTreeSet<&str> = sort::set_of(
        options
            .selected
            .iter()
            .map(String::as_str)
            .chain(options.highlighted.iter().map(String::as_str)),
    );
    let mut arrows = Element::tag("g")
        .attr("class", "arrows")
        .attr("aria-hidden", "true");
    for arrow in &lay.arrows {
        let (from, to) = (ladder.role_at(arrow.from), ladder.role_at(arrow.to));
        let mut class = format!("arrow kind-{}", arrow.kind.as_str());
        if focus.contains(from.id.as_str()) || focus.contains(to.id.as_str()) {
            class.push_str(" near");
        }
        arrows = arrows.child(
            Element::tag("path")
                .attr("class", class)
                .attr("d", &arrow.d)
                .attr("marker-end", format!("url(#head-{})", arrow.kind.as_str()))
                .child(Element::tag("title").text(format!(
                    "{} → {} ({})",
                    from.name.get(lang),
                    to.name.get(lang),
                    arrow.kind.label(lang)
                ))),
        );
    }
    svg = svg.child(arrows);

    let mut roles = Element::tag("g").attr("class", "roles");
    for node in &lay.nodes {
        let role = ladder.role_at(node.node);
        let mut class = String::from("role");
        if role.mix.is_hybrid() {
            class.push_str(" hybrid");
        }
        if role.manages_people {
            class.push_str(" manages");
        }
        if options.selected.as_deref() == Some(role.id.as_str()) {
            class.push_str(" selected");
        }
        if options.highlighted.contains(&role.id) {
            class.push_str(" highlighted");
        }
        let manages = match (role.manages_people, lang) {
            (true, Lang::Nl) => ", geeft leiding",
            (true, Lang::En) => ", manages people",
            (false, _) => "",
        };
        // The accessible name starts with the visible text, in its order
        // (WCAG 2.5.3), then adds what only the drawing shows.
        let label = format!(
            "{} {}, {}, {}{manages}",
            role.name.get(lang),
            detail(role, lang),
            role.level.label(lang),
            role.mix.describe(lang),
        );
        let mut g = Element::tag("g")
            .attr("class", class)
            .attr("data-role", &role.id)
            .attr("tabindex", "0")
            .attr("role", "button")
            .attr("aria-label", label)
            .child(rect("box", node.x, node.y, node.w, node.h).attr("rx", "6"));
        // The mix as a bar along the bottom edge, one segment per track.
        let mut bar_x = node.x + 6.0;
        let bar_w = node.w - 12.0;
        for (track, share) in role.mix.tracks() {
            let w = bar_w * f64::from(share) / 100.0;
            g = g.child(rect(
                &format!("mix track-{}", track.as_str()),
                bar_x,
                node.y + node.h - 9.0,
                w,
                5.0,
            ));
            bar_x += w;
        }
        let text_x = node.x + PAD;
        let name_y = node.y + PAD + 11.0;
        g = lines(g, "name", text_x, name_y, NAME_LINE, &node.lines);
        let detail_y = name_y + NAME_LINE * node.lines.len().max(1) as f64 - 1.0;
        g = lines(g, "detail", text_x, detail_y, DETAIL_LINE, &node.detail);
        roles = roles.child(g);
    }
    svg = svg.child(roles);

    // Lane labels, level headers and the corner, each on its own background.
    let mut labels = Element::tag("g")
        .attr("class", "lane-labels")
        .attr("aria-hidden", "true");
    for lane in &lay.lanes {
        for r in lane_rects(lane, 0.0, LABEL_W) {
            labels = labels.child(r);
        }
        let top =
            lane.y + lane.height / 2.0 - (lane.lines.len() as f64 - 1.0) * LABEL_LINE / 2.0 + 4.0;
        labels = lines(labels, "lane-label", GAP, top, LABEL_LINE, &lane.lines);
    }
    let mut levels = Element::tag("g")
        .attr("class", "level-labels")
        .attr("aria-hidden", "true")
        .child(rect("paper", 0.0, 0.0, lay.width, HEADER_H));
    for column in &lay.columns {
        levels = levels.child(
            Element::tag("text")
                .attr("class", "level-label")
                .attr("x", format!("{:.1}", column.x + column.width / 2.0))
                .attr("y", format!("{:.1}", HEADER_H - 10.0))
                .attr("text-anchor", "middle")
                .text(column.level.label(lang)),
        );
    }
    svg.child(labels).child(levels).child(
        Element::tag("g")
            .attr("class", "corner")
            .attr("aria-hidden", "true")
            .child(rect("paper", 0.0, 0.0, LABEL_W, HEADER_H)),
    )
}

/// The ladder in Graphviz DOT: levels as ranks, kinds as edge styles.
pub fn ladder_dot(ladder: &Ladder, lang: Lang) -> String {
    let q = |s: &str| format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""));
    let mut out = String::new();
    let _ = writeln!(out, "digraph ladder {{");
    let _ = writeln!(out, "  label={};", q(ladder.organisation()));
    let _ = writeln!(out, "  rankdir=LR;");
    let _ = writeln!(
        out,
        "  node [shape=box, style=\"rounded,filled\", fillcolor=white, fontname=\"sans-serif\"];"
    );
    for (_, role) in ladder.roles() {
        let scale = role.scale.label(lang);
        let label = format!(
            "{}\n{} · {}",
            role.name.get(lang),
            role.mix.describe(lang),
            scale
        );
        let shape = if role.manages_people {
            ", peripheries=2"
        } else {
            ""
        };
        let _ = writeln!(out, "  {} [label={}{shape}];", q(&role.id), q(&label));
    }
    for level in crate::ladder::Level::ALL {
        let ids: Vec<String> = ladder
            .roles()
            .filter(|(_, r)| r.level == *level)
            .map(|(_, r)| q(&r.id))
            .collect();
        if !ids.is_empty() {
            let _ = writeln!(out, "  {{ rank=same; {}; }}", ids.join("; "));
        }
    }
    for step in ladder.transitions() {
        let style = match step.transition.kind {
            TransitionKind::Promotion => "solid",
            TransitionKind::Lateral => "dashed",
            TransitionKind::Hybrid => "dotted",
            TransitionKind::Specialisation => "bold",
        };
        let _ = writeln!(
            out,
            "  {} -> {} [style={style}, label={}];",
            q(&step.from.id),
            q(&step.to.id),
            q(step.transition.kind.label(lang))
        );
    }
    out.push_str("}\n");
    out
}
