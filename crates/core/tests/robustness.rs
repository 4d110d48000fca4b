//! The loader and the drawing on inputs nobody wrote by hand.

use doorgroei::format::load_ladder;
use doorgroei::layout::{layout, MAX_LINES};
use doorgroei::render::{ladder_svg, DrawOptions};
use doorgroei::Lang;
use proptest::prelude::*;

const EXAMPLE: &str = include_str!("../../../pathways/welzijn-groeit.yaml");

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Cutting the example anywhere and splicing in junk never panics; every
    /// error it gives points inside the text.
    #[test]
    fn damaged_files_give_located_errors(cut in 0usize..EXAMPLE.len(), junk in "[ -~\n\t:{}\\[\\]&*!|>-]{0,12}") {
        let mut cut = cut;
        while !EXAMPLE.is_char_boundary(cut) {
            cut -= 1;
        }
        let text = format!("{}{}{}", &EXAMPLE[..cut], junk, &EXAMPLE[cut..]);
        if let Err(errors) = load_ladder("x.yaml", &text) {
            prop_assert!(!errors.0.is_empty());
            let lines = text.lines().count() + 1;
            for e in &errors.0 {
                if let Some(pos) = e.pos {
                    prop_assert!(pos.line >= 1 && pos.line <= lines, "{e} (file has {lines} lines)");
                }
                prop_assert!(!e.message(Lang::Nl).is_empty());
            }
        }
    }
}

/// A generated ladder of `n` roles spread over levels and tracks, with hybrids.
fn big_ladder(n: usize) -> String {
    let levels = ["junior", "medior", "senior", "lead"];
    let mixes = [
        "{practice: 100}",
        "{practice: 100}",
        "{policy: 100}",
        "{practice: 60, teaching: 40}",
        "{practice: 50, policy: 50}",
        "{teaching: 100}",
        "{research: 60, practice: 40}",
        "{coordination: 60, practice: 40}",
        "{management: 100}",
    ];
    let mut y = String::from("schema: doorgroei/ladder@1\norganisation: Groot\nroles:\n");
    for i in 0..n {
        y.push_str(&format!(
            "  - {{id: r{i}, name: {{nl: Functie nummer {i} met een lange naam, en: Role {i}}}, level: {}, mix: {}, scale: {{min: 8, max: 9}}, education: hbo}}\n",
            levels[i % 4],
            mixes[(i / 4) % mixes.len()]
        ));
    }
    y.push_str("transitions:\n");
    for i in 0..n {
        if i % 4 != 3 && i + 1 < n {
            y.push_str(&format!(
                "  - {{from: r{i}, to: r{}, kind: promotion}}\n",
                i + 1
            ));
        }
    }
    y
}

#[test]
fn sixty_roles_are_drawn_without_overlap() {
    let ladder = load_ladder("big.yaml", &big_ladder(60)).unwrap();
    let lay = layout(&ladder, Lang::Nl);
    assert_eq!(lay.nodes.len(), 60);
    for (i, a) in lay.nodes.iter().enumerate() {
        assert!(a.x >= 0.0 && a.y >= 0.0 && a.x + a.w <= lay.width && a.y + a.h <= lay.height);
        assert!(!a.lines.is_empty() && a.lines.len() <= MAX_LINES);
        for b in &lay.nodes[i + 1..] {
            let apart =
                a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
            assert!(apart, "{a:?} overlaps {b:?}");
        }
    }
    // Sixty roles, a third of them hybrids, draw 948 × 1,342 px: hybrids
    // have lanes of their own, and no cell holds more than four roles, so
    // the drawing is four boxes wide (as readable on a 1280 px screen as
    // the examples). This bound catches a layout that gives hybrids columns
    // of their own again (about 4,000 px wide before their lanes, 5,572 px
    // before hybrids shared sub-columns).
    assert!(
        lay.width < 1200.0 && lay.height < 2000.0,
        "{} × {}",
        lay.width,
        lay.height
    );
}

#[test]
fn user_text_is_never_markup_in_the_svg() {
    let text = EXAMPLE.replacen(
        "name: {nl: Praktijkopleider, en: Practice trainer}",
        "name: {nl: \"<img src=x onerror=alert(1)>\", en: \"a & b\"}",
        1,
    );
    let ladder = load_ladder("x.yaml", &text).unwrap();
    let svg = ladder_svg(
        &ladder,
        &DrawOptions {
            standalone: true,
            ..DrawOptions::default()
        },
    )
    .to_svg();
    assert!(!svg.contains("<img"));
    assert!(svg.contains("&lt;img src=x onerror=alert(1)&gt;"));
}
