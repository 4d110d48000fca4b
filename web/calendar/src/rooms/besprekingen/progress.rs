//! How the programme goes (*Voortgang*): the totals, the pairs that need
//! attention first (lapsed, then behind), a chart of the reviews planned
//! and held per month (an SVG drawn here, with the same figures as a table
//! for screen readers), and the review log's files: opened (read by the
//! worker against the roster) and downloaded (CSV or YAML, as
//! `doorgroei status --log` reads them).

use doorgroei::exchange::Progress;
use doorgroei::format::{log_to_csv, log_to_yaml};
use doorgroei::programme::MonthCount;
use doorgroei::Lang;
use yew::prelude::*;

use crate::i18n::{t, T};
use crate::rooms::besprekingen::state::{date_text, Action, Log, State};
use crate::session::RosterInUse;
use crate::shared::download::download;
use crate::shared::files::use_bytes_reader;
use crate::shared::Shared;
use crate::texts::{c, counted, filled, C};
use crate::widgets::{errors_box, page_rows, pager};
use doorgroei::dates::month_name;

#[derive(Properties, PartialEq)]
pub struct ProgressProps {
    pub lang: Lang,
    pub today: jiff::civil::Date,
    /// The status last worked out, if any.
    pub progress: Option<Shared<Progress>>,
    /// A newer status is being worked out.
    pub waiting: bool,
    /// Why the status asked last could not be worked out.
    pub failed: Option<String>,
    pub roster: Shared<RosterInUse>,
    pub log: Shared<Log>,
    pub log_errors: Option<std::rc::Rc<doorgroei::error::Report>>,
    pub reading_log: bool,
    pub on: UseReducerDispatcher<State>,
}

/// The progress section.
#[function_component(ProgressView)]
pub fn progress_view(props: &ProgressProps) -> Html {
    let lang = props.lang;
    let page = use_state(|| 0usize);
    let on_file = use_bytes_reader(
        props
            .on
            .to_callback()
            .reform(|(name, bytes)| Action::OpenLog(name, bytes)),
    );
    let names = crate::rooms::besprekingen::names::Names::of(&props.roster.roster);
    let name = |id| names.label(id);
    let save = |csv: bool| {
        let entries = props.log.entries.clone();
        Callback::from(move |_: MouseEvent| {
            let (file, text, mime) = match csv {
                true => (
                    C::FileLogCsv,
                    log_to_csv(&entries, lang),
                    "text/csv;charset=utf-8",
                ),
                false => (
                    C::FileLogYaml,
                    log_to_yaml(&entries, lang),
                    "text/yaml;charset=utf-8",
                ),
            };
            download(c(lang, file), &text, mime)
        })
    };
    let errors = props.log_errors.as_ref().map(|report| {
        errors_box(
            lang,
            c(lang, C::LogFileProblems),
            report,
            props.on.to_callback().reform(|_| Action::DismissLogErrors),
        )
    });
    let body = match &props.progress {
        None if props.failed.is_some() => html! {},
        None => html! {
            <p class="busy" role="status">{ c(lang, C::ProgressWaiting) }</p>
        },
        Some(progress) => {
            let totals = &progress.totals;
            let line = c(lang, C::ProgressTotals)
                .replace(
                    "{pairs}",
                    &counted(lang, totals.pairs as i64, C::PairOne, C::PairMany),
                )
                .replace("{on_track}", &totals.on_track.to_string())
                .replace("{behind}", &totals.behind.to_string())
                .replace("{lapsed}", &totals.lapsed.to_string())
                .replace("{ended}", &totals.ended.to_string())
                .replace("{held}", &totals.held.to_string())
                .replace("{planned}", &totals.planned.to_string())
                // "1 van de 96 … is gehouden", "2 van de 96 … zijn gehouden",
                // "0 van de 1 bespreking … is gehouden".
                .replace(
                    "{reviews}",
                    match (lang, totals.planned == 1) {
                        (Lang::Nl, true) => "bespreking",
                        (Lang::Nl, false) => "besprekingen",
                        (Lang::En, true) => "review",
                        (Lang::En, false) => "reviews",
                    },
                )
                .replace(
                    "{verb}",
                    match (lang, totals.held == 1 || totals.planned == 1) {
                        (Lang::Nl, true) => "is",
                        (Lang::Nl, false) => "zijn",
                        (Lang::En, true) => "was",
                        (Lang::En, false) => "were",
                    },
                );
            // Lapsed first, then behind; in the roster's order within each.
            let mut attention: Vec<_> = progress
                .pairs
                .iter()
                .filter(|p| p.state.needs_attention())
                .collect();
            doorgroei::sort::sort_by_key(&mut attention, |p| p.state);
            let rows = page_rows(attention.len(), *page);
            html! {
                <>
                <p class="progress-totals" role="status">{ line }</p>
                <h4 id="attention-heading">{ format!("{} ({})", c(lang, C::NeedsAttention), attention.len()) }</h4>
                if attention.is_empty() {
                    <p class="empty">{ c(lang, C::NoAttention) }</p>
                } else {
                    <ul class="attention" aria-labelledby="attention-heading">
                        { for attention[rows].iter().map(|p| {
                            let said = c(lang, C::PairLine)
                                .replace("{state}", p.state.name(lang))
                                .replace("{held}", &p.held.to_string())
                                .replace("{planned}", &p.planned.to_string())
                                .replace("{on_time}", &p.on_time.to_string());
                            let last = match p.last_held {
                                Some(d) => filled(lang, C::LastHeld, &date_text(lang, d)),
                                None => c(lang, C::NeverHeld).to_string(),
                            };
                            html! {
                                <li class={classes!("attention-pair", format!("state-{:?}", p.state).to_lowercase())} data-mentee={p.mentee.clone()}>
                                    <strong>{ format!("{} · {}", name(&p.mentor), name(&p.mentee)) }</strong>
                                    { format!(" — {said}; {last}") }
                                </li>
                            }
                        }) }
                    </ul>
                }
                { pager(lang, format!("{}: {}", c(lang, C::NeedsAttention), t(lang, T::Pages)), attention.len(), &page) }
                { chart(lang, &progress.months) }
                </>
            }
        }
    };
    html! {
        <section class="progress" aria-labelledby="progress-heading">
            <h3 id="progress-heading">{ filled(lang, C::ProgressTitle, &date_text(lang, props.today)) }</h3>
            <p class="hint">{ c(lang, C::ProgressIntro) }</p>
            if props.waiting && props.progress.is_some() {
                <p class="busy" role="status">{ c(lang, C::ProgressWaiting) }</p>
            }
            if let Some(why) = &props.failed {
                <p class="problem" role="alert">{ format!("{}: {}", c(lang, C::ProgressFailed), crate::shared::worker::explain(why).get(lang)) }</p>
            }
            { body }
            <div class="actions">
                <button type="button" onclick={save(true)}>{ c(lang, C::DownloadLogCsv) }</button>
                <button type="button" onclick={save(false)}>{ c(lang, C::DownloadLogYaml) }</button>
                <label class="button file">
                    { c(lang, C::OpenLog) }
                    <input type="file" accept=".csv,.txt,.yaml,.yml,text/csv,text/yaml" onchange={on_file} aria-describedby="open-log-hint" />
                </label>
            </div>
            <p class="hint" id="open-log-hint">{ c(lang, C::OpenLogHint) }</p>
            if props.reading_log {
                <p class="busy" role="status">{ c(lang, C::ReadingLog) }</p>
            }
            { for errors }
        </section>
    }
}

/// The reviews planned and held per month as bars, and as a table for
/// screen readers.
fn chart(lang: Lang, months: &[MonthCount]) -> Html {
    if months.is_empty() {
        return html! {};
    }
    let top = months
        .iter()
        .map(|m| m.planned.max(m.held))
        .max()
        .unwrap_or(0)
        .max(1);
    let (bar, gap, height) = (14.0, 10.0, 120.0);
    let step = 2.0 * bar + gap;
    let width = step * months.len() as f64 + gap;
    // (12 px above the bars for their counts.)
    let y = |n: usize| 12.0 + height - height * n as f64 / top as f64;
    // The month's first three letters; the year with January and the first month.
    let label = |i: usize, m: &MonthCount| {
        let short: String = month_name(m.month, lang).chars().take(3).collect();
        if m.month == 1 || i == 0 {
            format!("{short} {}", m.year)
        } else {
            short
        }
    };
    html! {
        <figure class="chart">
            <figcaption id="chart-title">{ c(lang, C::ChartTitle) }
                <span class="legend">
                    <span class="key planned"></span>{ c(lang, C::ChartPlanned) }
                    <span class="key held"></span>{ c(lang, C::ChartHeld) }
                </span>
            </figcaption>
            <div class="chart-scroll">
                <svg viewBox={format!("0 0 {width} {}", height + 46.0)} width={format!("{width}")} height={format!("{}", height + 46.0)}
                    role="img" aria-labelledby="chart-title" aria-describedby="chart-table">
                    <line x1="0" x2={width.to_string()} y1={(height + 12.0).to_string()} y2={(height + 12.0).to_string()} class="axis" />
                    { for months.iter().enumerate().map(|(i, m)| {
                        let x = gap + step * i as f64;
                        html! {
                            <g>
                                <rect class="planned" x={x.to_string()} y={y(m.planned).to_string()} width={bar.to_string()} height={(height + 12.0 - y(m.planned)).to_string()} />
                                <rect class="held" x={(x + bar).to_string()} y={y(m.held).to_string()} width={bar.to_string()} height={(height + 12.0 - y(m.held)).to_string()} />
                                <text x={(x + bar).to_string()} y={(height + 26.0).to_string()} text-anchor="middle">{ label(i, m) }</text>
                                <text class="count" x={(x + bar / 2.0).to_string()} y={(y(m.planned) - 3.0).to_string()} text-anchor="middle" aria-hidden="true">{ m.planned }</text>
                                if m.held > 0 {
                                    <text class="count" x={(x + bar * 1.5).to_string()} y={(y(m.held) - 3.0).to_string()} text-anchor="middle" aria-hidden="true">{ m.held }</text>
                                }
                            </g>
                        }
                    }) }
                </svg>
            </div>
            <div class="visually-hidden">
            <table id="chart-table">
                <caption>{ c(lang, C::ChartTitle) }</caption>
                <thead><tr>
                    <th scope="col">{ c(lang, C::ChartMonth) }</th>
                    <th scope="col">{ c(lang, C::ChartPlanned) }</th>
                    <th scope="col">{ c(lang, C::ChartHeld) }</th>
                </tr></thead>
                <tbody>
                    { for months.iter().map(|m| html! {
                        <tr>
                            <th scope="row">{ format!("{} {}", month_name(m.month, lang), m.year) }</th>
                            <td>{ m.planned }</td>
                            <td>{ m.held }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            </div>
        </figure>
    }
}
