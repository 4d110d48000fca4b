//! Drawing a ladder: an SVG scene shared by the CLI and the web app, and Graphviz DOT.
//!
//! [`ladder_svg`] builds a small element tree ([`Element`]). The CLI writes it
//! as text with [`Element::to_svg`]; the web app turns the same tree into DOM
//! nodes. So both show the same drawing, and every piece of user text passes
//! through one escaping point.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use crate::i18n::Lang;
use crate::ladder::{Ladder, TransitionKind};
use crate::layout::{layout, Layout, GAP, HEADER_H};
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

/// The ladder as an SVG element tree.
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
        svg = svg.child(Element::tag("style").text(LADDER_CSS));
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
    svg = svg.child(defs);

    let mut lanes = Element::tag("g")
        .attr("class", "lanes")
        .attr("aria-hidden", "true");
    for lane in &lay.lanes {
        lanes = lanes
            .child(
                Element::tag("rect")
                    .attr("class", format!("lane lane-{}", lane.track.as_str()))
                    .attr("x", 0)
                    .attr("y", format!("{:.1}", lane.y))
                    .attr("width", format!("{:.0}", lay.width))
                    .attr("height", format!("{:.1}", lane.height)),
            )
            .child(
                Element::tag("text")
                    .attr("class", "lane-label")
                    .attr("x", GAP)
                    .attr("y", format!("{:.1}", lane.y + lane.height / 2.0 + 4.0))
                    .text(lane.track.label(lang)),
            );
    }
    for column in &lay.columns {
        lanes = lanes.child(
            Element::tag("text")
                .attr("class", "level-label")
                .attr("x", format!("{:.1}", column.x + column.width / 2.0))
                .attr("y", format!("{:.1}", HEADER_H - 12.0))
                .attr("text-anchor", "middle")
                .text(column.level.label(lang)),
        );
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
        let scale = role.scale.label(lang);
        let manages = match (role.manages_people, lang) {
            (true, Lang::Nl) => ", geeft leiding",
            (true, Lang::En) => ", manages people",
            (false, _) => "",
        };
        let detail = format!(
            "{scale} · {}{}",
            role.education.label(lang),
            if role.manages_people { " · ◆" } else { "" }
        );
        // The accessible name starts with the visible text, in its order
        // (WCAG 2.5.3), then adds what only the drawing shows.
        let label = format!(
            "{} {detail}, {}, {}{manages}",
            node.lines.join(" "),
            role.level.label(lang),
            role.mix.describe(lang),
        );
        let mut g = Element::tag("g")
            .attr("class", class)
            .attr("data-role", &role.id)
            .attr("tabindex", "0")
            .attr("role", "button")
            .attr("aria-label", label)
            .child(
                Element::tag("rect")
                    .attr("class", "box")
                    .attr("x", format!("{:.1}", node.x))
                    .attr("y", format!("{:.1}", node.y))
                    .attr("width", format!("{:.1}", node.w))
                    .attr("height", format!("{:.1}", node.h))
                    .attr("rx", "6"),
            );
        // The mix as a bar along the bottom edge, one segment per track.
        let mut bar_x = node.x + 6.0;
        let bar_w = node.w - 12.0;
        for (track, share) in role.mix.tracks() {
            let w = bar_w * f64::from(share) / 100.0;
            g = g.child(
                Element::tag("rect")
                    .attr("class", format!("mix track-{}", track.as_str()))
                    .attr("x", format!("{bar_x:.1}"))
                    .attr("y", format!("{:.1}", node.y + node.h - 9.0))
                    .attr("width", format!("{w:.1}"))
                    .attr("height", "5"),
            );
            bar_x += w;
        }
        let text_y = node.y + 17.0;
        for (i, line) in node.lines.iter().enumerate() {
            g = g.child(
                Element::tag("text")
                    .attr("class", "name")
                    .attr("x", format!("{:.1}", node.x + 8.0))
                    .attr("y", format!("{:.1}", text_y + i as f64 * 14.0))
                    // The trailing space is not drawn, but keeps the words
                    // apart in the text a screen reader or search sees.
                    .text(format!("{line} ")),
            );
        }
        g = g.child(
            Element::tag("text")
                .attr("class", "detail")
                .attr("x", format!("{:.1}", node.x + 8.0))
                .attr("y", format!("{:.1}", node.y + node.h - 14.0))
                .text(detail),
        );
        roles = roles.child(g);
    }
    svg.child(roles)
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
