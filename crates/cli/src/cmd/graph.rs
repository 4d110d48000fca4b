//! `doorgroei graph`: a ladder as Graphviz DOT or as the app's SVG.

use doorgroei::render::{ladder_dot, ladder_svg, DrawOptions};
use doorgroei::Lang;

use crate::args::{GraphArgs, GraphFormat};
use crate::io::{self, To};
use crate::Failed;

pub fn run(args: GraphArgs, lang: Lang) -> Result<(), Failed> {
    let (ladder, _) = io::ladder(&args.file, lang)?;
    let text = match args.format {
        GraphFormat::Dot => ladder_dot(&ladder, lang),
        GraphFormat::Svg => {
            let options = DrawOptions {
                lang,
                standalone: true,
                ..DrawOptions::default()
            };
            format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{}\n",
                ladder_svg(&ladder, &options).to_svg()
            )
        }
    };
    let to = args.output.as_deref().map_or(To::Stdout, To::File);
    io::write(to, &text, lang)
}
