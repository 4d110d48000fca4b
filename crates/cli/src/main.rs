//! `doorgroei`: check, scan and draw function ladders from the command line.
//!
//! Exit codes: 0 success, 1 invalid input (problems on stderr as
//! `file:line:col: message`), 2 usage errors.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use doorgroei::format::load_ladder;
use doorgroei::render::{ladder_dot, ladder_svg, DrawOptions};
use doorgroei::scan::scan;
use doorgroei::{Ladder, Lang};
use serde_json::json;

#[derive(Parser)]
#[command(
    name = "doorgroei",
    version,
    about = "Function ladders, growth paths and mentoring for social-work organisations"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check ladder files; prints every problem as file:line:col: message.
    Check {
        /// Ladder files (YAML, schema doorgroei/ladder@1).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Language of the messages.
        #[arg(long, value_enum, default_value_t = LangArg::Nl)]
        lang: LangArg,
    },
    /// Scan a ladder for dead ends, missing hybrid roles and pay ceilings.
    Scan {
        /// Ladder file.
        file: PathBuf,
        /// Language of the findings.
        #[arg(long, value_enum, default_value_t = LangArg::Nl)]
        lang: LangArg,
        /// Output format.
        #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
        format: TextOrJson,
    },
    /// Draw a ladder as Graphviz DOT or as the SVG the web app shows.
    Graph {
        /// Ladder file.
        file: PathBuf,
        /// Output format.
        #[arg(long, value_enum)]
        format: GraphFormat,
        /// Language of names and labels.
        #[arg(long, value_enum, default_value_t = LangArg::Nl)]
        lang: LangArg,
        /// Write to this file instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    Nl,
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::Nl => Lang::Nl,
            LangArg::En => Lang::En,
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum TextOrJson {
    Text,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum GraphFormat {
    Dot,
    Svg,
}

/// A failure that has already been explained on stderr.
struct Failed;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check { files, lang } => check(&files, lang.into()),
        Command::Scan { file, lang, format } => scan_cmd(&file, lang.into(), format),
        Command::Graph {
            file,
            format,
            lang,
            output,
        } => graph(&file, format, lang.into(), output.as_deref()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failed) => ExitCode::from(1),
    }
}

fn read(path: &Path, lang: Lang) -> Result<String, Failed> {
    std::fs::read(path)
        .map_err(|e| {
            match lang {
                Lang::Nl => eprintln!("{}: kan het bestand niet lezen: {e}", path.display()),
                Lang::En => eprintln!("{}: cannot read the file: {e}", path.display()),
            }
            Failed
        })
        .and_then(|bytes| {
            String::from_utf8(bytes).map_err(|e| {
                let at = e.utf8_error().valid_up_to();
                match lang {
                    Lang::Nl => {
                        eprintln!("{}: geen geldige UTF-8-tekst (byte {at})", path.display())
                    }
                    Lang::En => eprintln!("{}: not valid UTF-8 text (byte {at})", path.display()),
                }
                Failed
            })
        })
}

fn load(path: &Path, lang: Lang) -> Result<Ladder, Failed> {
    let text = read(path, lang)?;
    load_ladder(&path.display().to_string(), &text).map_err(|errors| {
        eprintln!("{}", errors.render(lang));
        Failed
    })
}

fn check(files: &[PathBuf], lang: Lang) -> Result<(), Failed> {
    let mut failed = false;
    for file in files {
        match load(file, lang) {
            Ok(ladder) => match lang {
                Lang::Nl => println!(
                    "{}: in orde ({} functies, {} overgangen)",
                    file.display(),
                    ladder.len(),
                    ladder.transitions().count()
                ),
                Lang::En => println!(
                    "{}: ok ({} roles, {} transitions)",
                    file.display(),
                    ladder.len(),
                    ladder.transitions().count()
                ),
            },
            Err(Failed) => failed = true,
        }
    }
    if failed {
        Err(Failed)
    } else {
        Ok(())
    }
}

fn scan_cmd(file: &Path, lang: Lang, format: TextOrJson) -> Result<(), Failed> {
    let ladder = load(file, lang)?;
    let findings = scan(&ladder);
    if format == TextOrJson::Json {
        let findings: Vec<_> = findings
            .iter()
            .map(|f| {
                json!({
                    "severity": f.severity,
                    "check": f.check,
                    "roles": f.roles,
                    "message": f.message.get(lang),
                })
            })
            .collect();
        let out = json!({
            "organisation": ladder.organisation(),
            "roles": ladder.len(),
            "transitions": ladder.transitions().count(),
            "findings": findings,
        });
        println!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
        return Ok(());
    }
    println!("{}", ladder.organisation());
    for f in &findings {
        let label = f.severity.label(lang);
        println!("\n[{label}] {}", f.message.get(lang));
        if !f.roles.is_empty() {
            let what = match lang {
                Lang::Nl => "functies",
                Lang::En => "roles",
            };
            println!("    {what}: {}", f.roles.join(", "));
        }
    }
    Ok(())
}

fn graph(
    file: &Path,
    format: GraphFormat,
    lang: Lang,
    output: Option<&Path>,
) -> Result<(), Failed> {
    let ladder = load(file, lang)?;
    let text = match format {
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
    match output {
        None => {
            print!("{text}");
            Ok(())
        }
        Some(path) => std::fs::write(path, text).map_err(|e| {
            eprintln!("{}: {e}", path.display());
            Failed
        }),
    }
}
