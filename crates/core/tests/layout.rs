//! The drawing's geometry: lanes, sizes, and boxes that hold their text.

use doorgroei::format::load_ladder;
use doorgroei::layout::{
    box_height, lane_label, layout, text_width, Layout, DETAIL_SIZE, GAP, LABEL_W, NAME_SIZE,
    NODE_W, PAD,
};
use doorgroei::{synth, Ladder, Lang};

const GROEIT: &str = include_str!("../../../pathways/welzijn-groeit.yaml");
const VLAK: &str = include_str!("../../../pathways/welzijn-vlak.yaml");

/// A ladder of roles given as (level, mix, name), with no transitions.
fn ladder(roles: &[(&str, &str, &str)]) -> Ladder {
    let mut y = String::from("schema: doorgroei/ladder@1\norganisation: T\nroles:\n");
    for (i, (level, mix, name)) in roles.iter().enumerate() {
        y.push_str(&format!(
            "  - {{id: r{i}, name: {{nl: \"{name}\", en: \"{name}\"}}, level: {level}, mix: {mix}, scale: {{min: 8, max: 9}}, education: hbo}}\n"
        ));
    }
    y.push_str("transitions: []\n");
    load_ladder("t.yaml", &y).unwrap()
}

fn examples() -> Vec<(&'static str, Ladder)> {
    vec![
        (
            "welzijn-groeit",
            load_ladder("groeit.yaml", GROEIT).unwrap(),
        ),
        ("welzijn-vlak", load_ladder("vlak.yaml", VLAK).unwrap()),
    ]
}

/// What must hold for every drawing: every box inside the drawing, its
/// column and the lane of its tracks, no two boxes overlap, each box as
/// tall as its lines (hybrids too), every line within the box, and the
/// name whole (its words in order, only words wider than a line cut).
fn assert_sound(ladder: &Ladder, lang: Lang, what: &str) -> Layout {
    let lay = layout(ladder, lang);
    assert_eq!(lay.nodes.len(), ladder.len(), "{what}");
    for (i, b) in lay.nodes.iter().enumerate() {
        let role = ladder.role_at(b.node);
        let at = format!("{what}: {} at {},{} ({}×{})", role.id, b.x, b.y, b.w, b.h);
        assert!(b.x >= LABEL_W && b.y >= 0.0, "{at}");
        assert!(
            b.x + b.w <= lay.width && b.y + b.h <= lay.height,
            "{at}: cut off"
        );
        let column = lay.columns.iter().find(|c| c.level == role.level).unwrap();
        assert!(
            b.x >= column.x && b.x + b.w <= column.x + column.width,
            "{at}: outside its column"
        );
        let tracks: Vec<_> = role.mix.tracks().iter().map(|&(t, _)| t).collect();
        let lane = lay
            .lanes
            .iter()
            .find(|l| l.tracks.len() == tracks.len() && tracks.iter().all(|t| l.tracks.contains(t)))
            .unwrap_or_else(|| panic!("{at}: no lane of its tracks"));
        assert!(
            b.y >= lane.y + GAP && b.y + b.h <= lane.y + lane.height,
            "{at}: outside its lane"
        );
        assert_eq!(
            b.h,
            box_height(b.lines.len(), b.detail.len()),
            "{at}: height"
        );
        for line in &b.lines {
            assert!(
                text_width(line, NAME_SIZE) <= b.w - 2.0 * PAD,
                "{at}: {line:?} too wide"
            );
        }
        for line in &b.detail {
            assert!(
                text_width(line, DETAIL_SIZE) <= b.w - 2.0 * PAD,
                "{at}: {line:?} too wide"
            );
        }
        let drawn = b
            .lines
            .iter()
            .fold(String::new(), |acc, line| match line.strip_suffix('-') {
                Some(cut) if !line.ends_with(" -") => acc + cut,
                _ => acc + line + " ",
            });
        let name: Vec<&str> = role.name.get(lang).split_whitespace().collect();
        assert_eq!(
            drawn.split_whitespace().collect::<Vec<_>>(),
            name,
            "{at}: name cut"
        );
        for other in &lay.nodes[i + 1..] {
            let apart = b.x + b.w <= other.x
                || other.x + other.w <= b.x
                || b.y + b.h <= other.y
                || other.y + other.h <= b.y;
            assert!(apart, "{at} overlaps {other:?}");
        }
    }
    // Lanes follow each other without gaps, below the headers.
    for pair in lay.lanes.windows(2) {
        assert_eq!(pair[0].y + pair[0].height, pair[1].y, "{what}");
    }
    lay
}

#[test]
fn every_box_of_the_examples_holds_its_text_inside_the_drawing() {
    for (name, ladder) in examples() {
        for lang in [Lang::Nl, Lang::En] {
            let lay = assert_sound(&ladder, lang, &format!("{name} ({lang:?})"));
            println!("{name} {lang:?}: {} × {}", lay.width, lay.height);
        }
    }
}

/// The lanes of a ladder of `roles` (level, mix), by their Dutch labels.
fn check_lanes(roles: &[(&str, &str)], expected: &[&str]) {
    let named: Vec<(&str, &str, &str)> = roles.iter().map(|&(l, m)| (l, m, "Functie")).collect();
    let lay = assert_sound(&ladder(&named), Lang::Nl, &format!("{roles:?}"));
    let labels: Vec<String> = lay
        .lanes
        .iter()
        .map(|l| lane_label(&l.tracks, Lang::Nl))
        .collect();
    assert_eq!(labels, expected, "{roles:?}");
}

#[test]
fn a_lane_per_track_and_per_combination_between_its_tracks() {
    check_lanes(&[("junior", "{practice: 100}")], &["uitvoering"]);
    check_lanes(
        &[("junior", "{practice: 100}"), ("senior", "{policy: 100}")],
        &["beleid", "uitvoering"],
    );
    // Neighbours: the combination lies where their lanes meet.
    check_lanes(
        &[("senior", "{practice: 50, policy: 50}")],
        &["beleid", "beleid + uitvoering", "uitvoering"],
    );
    // One lane for a combination, whatever its shares and levels.
    check_lanes(
        &[
            ("medior", "{practice: 70, teaching: 30}"),
            ("senior", "{teaching: 60, practice: 40}"),
        ],
        &["uitvoering", "uitvoering + opleiden", "opleiden"],
    );
    // Tracks apart: in the middle of its span (after a track that is there).
    check_lanes(
        &[
            ("senior", "{practice: 60, research: 40}"),
            ("junior", "{teaching: 100}"),
        ],
        &[
            "uitvoering",
            "opleiden",
            "uitvoering + onderzoek",
            "onderzoek",
        ],
    );
    check_lanes(
        &[("lead", "{management: 60, policy: 40}")],
        &["beleid", "beleid + leidinggeven", "leidinggeven"],
    );
    check_lanes(
        &[("senior", "{practice: 40, teaching: 30, research: 30}")],
        &[
            "uitvoering",
            "opleiden",
            "uitvoering + opleiden + onderzoek",
            "onderzoek",
        ],
    );
    // Two combinations around one track, each on its side.
    check_lanes(
        &[
            ("senior", "{practice: 50, policy: 50}"),
            ("senior", "{practice: 50, teaching: 50}"),
        ],
        &[
            "beleid",
            "beleid + uitvoering",
            "uitvoering",
            "uitvoering + opleiden",
            "opleiden",
        ],
    );
}

/// How many boxes wide each level column of a ladder of `roles` is.
fn check_columns(roles: &[(&str, &str)], expected: &[usize]) {
    let named: Vec<(&str, &str, &str)> = roles.iter().map(|&(l, m)| (l, m, "Functie")).collect();
    let lay = assert_sound(&ladder(&named), Lang::Nl, &format!("{roles:?}"));
    let boxes: Vec<usize> = lay
        .columns
        .iter()
        .map(|c| ((c.width + GAP) / (NODE_W + GAP)).round() as usize)
        .collect();
    assert_eq!(boxes, expected, "{roles:?}");
}

#[test]
fn a_column_stacks_four_roles_of_a_lane_before_it_widens() {
    let practice = |level, n| vec![(level, "{practice: 100}"); n];
    check_columns(&practice("junior", 1), &[1]);
    check_columns(&practice("junior", 4), &[1]);
    check_columns(&practice("junior", 5), &[2]);
    check_columns(&practice("junior", 9), &[3]);
    // Four in each of two lanes: still one box wide.
    let mut two_lanes = practice("junior", 4);
    two_lanes.extend(vec![("junior", "{policy: 100}"); 4]);
    check_columns(&two_lanes, &[1]);
    // Each column by its own lanes.
    let mut two_levels = practice("junior", 6);
    two_levels.extend(practice("senior", 2));
    check_columns(&two_levels, &[2, 1]);
}

#[test]
fn a_hybrid_box_is_as_tall_as_its_text_like_any_other() {
    let lay = layout(
        &ladder(&[
            ("senior", "{practice: 100}", "Kort"),
            ("senior", "{practice: 50, teaching: 50}", "Kort"),
            (
                "senior",
                "{practice: 20, teaching: 20, research: 20, coordination: 20, management: 20}",
                "Kort",
            ),
            (
                "senior",
                "{practice: 50, teaching: 50}",
                "Een veel langere naam die over drie regels loopt",
            ),
        ]),
        Lang::Nl,
    );
    let heights: Vec<f64> = lay.nodes.iter().map(|b| b.h).collect();
    assert_eq!(
        heights,
        [
            box_height(1, 1),
            box_height(1, 1),
            box_height(1, 1),
            box_height(3, 1)
        ]
    );
}

#[test]
fn the_examples_are_narrow_enough_to_read_at_a_1280_px_screen() {
    // At 1280 × 800 the drawing's box is about 824 px wide: a drawing of at
    // most 950 px shows its 12 px names at 10.4 px or more.
    for (name, ladder) in examples() {
        for lang in [Lang::Nl, Lang::En] {
            let lay = layout(&ladder, lang);
            assert!(
                lay.width <= 950.0,
                "{name} ({lang:?}) is {} px wide",
                lay.width
            );
        }
    }
}

#[test]
fn generated_ladders_are_sound() {
    for (n, seed) in [(5, 1), (12, 2), (40, 3), (120, 4), (300, 5)] {
        let text = synth::ladder_yaml(n, seed);
        let ladder = load_ladder("synth.yaml", &text).unwrap();
        for lang in [Lang::Nl, Lang::En] {
            assert_sound(&ladder, lang, &format!("synth {n}/{seed} ({lang:?})"));
        }
    }
}
