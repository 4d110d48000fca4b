//! "Intervisie": peer-consultation groups formed from the roster the
//! Mentorkoppeling room keeps, each with its meeting day, score and why;
//! people moved by hand (dragged, or with "Verplaatsen…" from the
//! keyboard), groups locked and the rest formed again; the groups as CSV
//! and their meetings as iCalendar; and who is due for supervision. The
//! groups are the core's (`doorgroei::intervisie`), worked out in the
//! worker's programme module; today's date is the browser's.

pub mod state;
pub mod texts;

use doorgroei::exchange::{IntervisieReply, IntervisieStep, Reply};
use doorgroei::intervisie::{Group, Meetings};
use doorgroei::roster::Roster;
use doorgroei::{Ladder, Lang};
use gloo::storage::{LocalStorage, Storage};
use yew::prelude::*;

use crate::now;
use crate::shared::clock::today;
use crate::shared::download::download;
use crate::shared::files::use_file_reader;
use crate::shared::worker;
use crate::shared::worker::explain;
use crate::widgets::{show_value, value_of};
use crate::RoomProps;

use self::state::{read_start, Action, Field, Refusal, State, KEY, SCHEDULE_KEY, WEIGHTS};
use self::texts::{count, fill, i, I};

/// A date as the room shows it: `4-1-2027`, `2027-01-04`.
fn date_text(lang: Lang, date: jiff::civil::Date) -> String {
    match lang {
        Lang::Nl => doorgroei::dates::NlDate(date).to_string(),
        Lang::En => doorgroei::dates::Iso(date).to_string(),
    }
}

/// Someone as the room names them: `Anna de Vries`, or the id when the
/// roster no longer has them.
fn name_of(roster: &Roster, id: &str) -> String {
    roster
        .person(id)
        .map_or_else(|| id.to_string(), |p| p.name.clone())
}

/// A role's name in `lang`, or its id.
fn role_of(ladder: &Ladder, roster: &Roster, id: &str, lang: Lang) -> String {
    roster
        .person(id)
        .map(|p| {
            ladder
                .role(&p.role)
                .map_or_else(|| p.role.clone(), |r| r.name.get(lang).to_string())
        })
        .unwrap_or_default()
}

/// The workspace.
#[function_component(Intervisie)]
pub fn intervisie(props: &RoomProps) -> Html {
    let lang = props.lang;
    let room = {
        let roster = props.roster.clone();
        use_reducer(move || {
            let fresh = State::new(today(), roster);
            let fresh = match LocalStorage::raw().get_item(KEY) {
                Ok(Some(kept)) => fresh.with_kept(&kept),
                _ => fresh,
            };
            match LocalStorage::raw().get_item(SCHEDULE_KEY) {
                Ok(Some(kept)) => fresh.with_schedule(&kept),
                _ => fresh,
            }
        })
    };
    // Kept in this browser when it changes (not before).
    {
        let first = use_mut_ref(|| true);
        use_effect_with(room.kept(), move |kept| {
            if !std::mem::replace(&mut *first.borrow_mut(), false) {
                let _ = LocalStorage::raw().set_item(KEY, kept);
            }
        });
    }
    {
        let dispatcher = room.dispatcher();
        use_effect_with(props.roster.clone(), move |roster| {
            dispatcher.dispatch(Action::Roster(roster.clone()))
        });
    }
    // Each step to the worker; only the last one's answer counts.
    {
        let (dispatcher, ladder, roster) = (
            room.dispatcher(),
            props.ladder.clone(),
            props.roster.clone(),
        );
        use_effect_with(room.asking.clone(), move |asking| {
            if let (Some(asked), Some(roster)) = (asking.clone(), roster) {
                let number = asked.number;
                let on_reply = Callback::from(move |reply| {
                    dispatcher.dispatch(Action::Answered(number, Box::new(reply)))
                });
                worker::post(&asked.request(&ladder, &roster), on_reply);
            }
        });
    }
    {
        let (dispatcher, ladder, roster) = (
            room.dispatcher(),
            props.ladder.clone(),
            props.roster.clone(),
        );
        use_effect_with(room.asking_due.clone(), move |asking| {
            if let (Some(asked), Some(roster)) = (asking.clone(), roster) {
                let number = asked.number;
                let on_reply = Callback::from(move |reply| {
                    dispatcher.dispatch(Action::DueAnswered(number, Box::new(reply)))
                });
                worker::post(&asked.request(&ladder, &roster), on_reply);
            }
        });
    }
    // The list of groups gets the focus when it opens for a person.
    let move_target = use_node_ref();
    {
        let target = move_target.clone();
        use_effect_with(room.picked.clone(), move |picked| {
            if picked.is_some() {
                if let Some(select) = target.cast::<web_sys::HtmlElement>() {
                    let _ = select.focus();
                }
            }
        });
    }
    let on_earlier = use_file_reader(room.dispatcher().to_callback().reform(Action::OpenEarlier));
    let on_settings_file =
        use_file_reader(room.dispatcher().to_callback().reform(Action::OpenSettings));
    let file_failed = use_state(|| None::<String>);

    let heading = html! { <h2 id="intervisie-heading">{ i(lang, I::Title) }</h2> };
    let Some(roster_in_use) = props.roster.clone() else {
        let text = if props.reading {
            html! { <p class="busy" role="status"><progress aria-label={i(lang, I::ReadingRoster)}></progress>{ format!(" {}", i(lang, I::ReadingRoster)) }</p> }
        } else {
            html! { <p class="empty">{ i(lang, I::NoRoster) }</p> }
        };
        return html! {
            <section class="workspace intervisie" aria-labelledby="intervisie-heading">
                { heading }{ text }
            </section>
        };
    };
    let roster = &roster_in_use.roster;
    let ladder = &props.ladder.ladder;

    // A file the worker writes from the groups as they stand.
    let written = {
        let (room, ladder, roster, failed) = (
            room.clone(),
            props.ladder.clone(),
            roster_in_use.clone(),
            file_failed.clone(),
        );
        move |step: IntervisieStep, mime: &'static str| {
            let (room, ladder, roster, failed) =
                (room.clone(), ladder.clone(), roster.clone(), failed.clone());
            Callback::from(move |_: MouseEvent| {
                let Some(request) = room.file_request(&ladder, &roster, step.clone()) else {
                    return;
                };
                let failed = failed.clone();
                failed.set(None);
                worker::post(
                    &request,
                    Callback::from(move |reply: Reply| match reply {
                        Reply::Intervisie(packed) => match packed.open() {
                            Ok(IntervisieReply::File { name, text }) => {
                                download(&name, &text, mime)
                            }
                            Ok(_) => failed.set(Some("an answer of another kind".into())),
                            Err(why) => failed.set(Some(why)),
                        },
                        other => failed.set(Some(other.failure())),
                    }),
                );
            })
        }
    };
    const CSV: &str = "text/csv;charset=utf-8";
    const ICS: &str = "text/calendar;charset=utf-8";

    let field = |f: Field, label: &str, id: &str| {
        let refused = room
            .refused_field
            .as_ref()
            .filter(|(which, _, _)| *which == f);
        let value = refused.map_or_else(|| room.settings.value(f).to_string(), |r| r.1.clone());
        let message = refused.map(|(_, text, why)| match why {
            Refusal::Empty(low, high) => {
                fill(lang, I::Empty, &[&low.to_string(), &high.to_string()])
            }
            Refusal::NotWhole(low, high) => fill(
                lang,
                I::NotWhole,
                &[text, &low.to_string(), &high.to_string()],
            ),
            Refusal::Range(low, high) => fill(
                lang,
                I::NotARange,
                &[text, &low.to_string(), &high.to_string()],
            ),
            Refusal::MinAboveMax(max) => fill(lang, I::MinAboveMax, &[text, &max.to_string()]),
            Refusal::MaxBelowMin(min) => fill(lang, I::MaxBelowMin, &[text, &min.to_string()]),
            Refusal::NotADate => fill(lang, I::NotADate, &[text]),
        });
        let error_id = format!("{id}-error");
        html! {
            <label>{ label }
                <input id={id.to_string()} type="text" inputmode="numeric" autocomplete="off" spellcheck="false"
                    value={value} aria-invalid={refused.is_some().to_string()}
                    aria-describedby={refused.is_some().then(|| error_id.clone())}
                    onchange={room.dispatcher().to_callback().reform(move |e: Event| Action::Set(f, value_of(&e)))} />
                if let Some(message) = message {
                    <small id={error_id} class="problem" role="alert">{ message }</small>
                }
            </label>
        }
    };
    let start_value = room
        .start_typed
        .clone()
        .unwrap_or_else(|| date_text(lang, room.settings.start));
    let settings = html! {
        <form class="form intervisie-settings" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
            { field(Field::MinSize, i(lang, I::SizeFrom), "intervisie-min") }
            { field(Field::MaxSize, i(lang, I::SizeTo), "intervisie-max") }
            { field(Field::Cadence, i(lang, I::EveryWeeks), "intervisie-cadence") }
            { field(Field::Minutes, i(lang, I::Minutes), "intervisie-minutes") }
            <label>{ i(lang, I::StartDate) }
                <input id="intervisie-start" type="text" autocomplete="off" spellcheck="false" value={start_value}
                    aria-invalid={room.start_typed.is_some().to_string()} aria-describedby="intervisie-start-hint"
                    onchange={room.dispatcher().to_callback().reform(move |e: Event| {
                        let text = value_of(&e);
                        if let Some(date) = read_start(&text) {
                            show_value(&e, &date_text(lang, date));
                        }
                        Action::SetStart(text)
                    })} />
                if let Some(typed) = &room.start_typed {
                    <small class="problem" role="alert">{ fill(lang, I::NotADate, &[typed]) }</small>
                }
                <small id="intervisie-start-hint" class="hint">{ i(lang, I::StartHint) }</small>
            </label>
            { field(Field::Months, i(lang, I::Months), "intervisie-months") }
            <details class="weights">
                <summary>{ i(lang, I::WeightsTitle) }</summary>
                <p class="hint">{ i(lang, I::WeightsIntro) }</p>
                { for [I::WeightTeam, I::WeightLevel, I::WeightEducation, I::WeightLocation, I::WeightSpecialism, I::WeightEarlier]
                    .into_iter().enumerate().map(|(k, label)| field(Field::Weight(k), i(lang, label), &format!("intervisie-weight-{}", WEIGHTS[k]))) }
            </details>
        </form>
    };
    let earlier = html! {
        <div class="intervisie-earlier">
            <h3>{ i(lang, I::Earlier) }</h3>
            if let Some(file) = &room.earlier {
                <p>
                    { match room.shown.as_ref().and_then(|s| s.earlier_pairs) {
                        Some(n) => format!("{n} {} {}", i(lang, I::EarlierRead), file.name),
                        None => file.name.clone(),
                    } }
                    { " " }
                    <button type="button" onclick={room.dispatcher().to_callback().reform(|_: MouseEvent| Action::ForgetEarlier)}>{ i(lang, I::EarlierForget) }</button>
                </p>
            } else {
                <p class="hint">{ i(lang, I::EarlierNone) }</p>
            }
            <label class="button file">{ i(lang, I::EarlierOpen) }
                <input id="intervisie-earlier" type="file" accept=".csv,.json,.txt" onchange={on_earlier} />
            </label>
        </div>
    };

    let formed = !room.held.is_empty();
    let actions = html! {
        <div class="actions">
            <button id="intervisie-form" type="button" class="primary" disabled={room.busy()}
                onclick={room.dispatcher().to_callback().reform(|_: MouseEvent| Action::Form)}>
                { i(lang, if formed { I::FormAgain } else { I::Form }) }
            </button>
            if formed {
                <button id="intervisie-csv" type="button" onclick={written(IntervisieStep::Table { lang }, CSV)}>{ i(lang, I::DownloadCsv) }</button>
                <button id="intervisie-ics" type="button" onclick={written(IntervisieStep::Calendar { group: None, lang, stamp: now() }, ICS)}>{ i(lang, I::DownloadAllIcs) }</button>
            }
            <button type="button" onclick={{
                let text = room.settings.file();
                Callback::from(move |_: MouseEvent| download(i(lang, I::FileSettings), &text, "text/yaml;charset=utf-8"))
            }}>{ i(lang, I::DownloadSettings) }</button>
            <label class="button file">{ i(lang, I::OpenSettings) }
                <input id="intervisie-settings-file" type="file" accept=".yaml,.yml,text/yaml" onchange={on_settings_file} />
            </label>
        </div>
    };
    let settings_file = match (&room.settings_problems, &room.settings_read) {
        (Some(report), _) => html! {
            <div class="problem" role="alert" id="intervisie-settings-problems">
                <p>{ format!("{} ({}: {})", i(lang, I::SettingsFileProblems), report.file, report.summary.get(lang)) }</p>
                <ul>{ for report.lines.iter().map(|l| html! { <li>{ l.get(lang).to_string() }</li> }) }</ul>
            </div>
        },
        (None, Some(name)) => {
            html! { <p class="hint" role="status">{ fill(lang, I::SettingsRead, &[name]) }</p> }
        }
        (None, None) => html! {},
    };

    let status = if room.busy() {
        let doing = i(
            lang,
            if room.reading_settings() {
                I::ReadingSettings
            } else {
                I::Forming
            },
        );
        html! { <p class="busy" role="status"><progress aria-label={doing}></progress>{ format!(" {doing}") }</p> }
    } else {
        html! {}
    };
    let failure = room
        .failed
        .as_ref()
        .or(file_failed.as_ref())
        .map(|why| {
            html! { <p class="problem" role="alert">{ format!("{}{}", i(lang, I::Failed), explain(why).get(lang)) }</p> }
        });
    let problems = room.problems.as_ref().map(|report| {
        html! {
            <div class="problem" role="alert">
                <p>{ format!("{} ({}: {})", i(lang, I::SettingsProblems), report.file, report.summary.get(lang)) }</p>
                <ul>{ for report.lines.iter().map(|l| html! { <li>{ l.get(lang).to_string() }</li> }) }</ul>
            </div>
        }
    });
    // What became of the last move, at the bottom of the window (sticky),
    // wherever on the page the person was moved from.
    let dismiss = room
        .dispatcher()
        .to_callback()
        .reform(|_: MouseEvent| Action::DismissRefusal);
    let refused = match (&room.refused, &room.moved) {
        (Some(why), _) => Some(html! {
            <div class="problem refused move-notice" role="alert">
                <p><strong>{ format!("{}: ", i(lang, I::Refused)) }</strong>{ why.get(lang).to_string() }</p>
                <button type="button" onclick={dismiss}>{ i(lang, I::Dismiss) }</button>
            </div>
        }),
        (None, Some((who, to))) => {
            let day = room
                .shown
                .as_ref()
                .and_then(|s| s.grouping.groups.get(*to))
                .map(|g| g.day.name(lang).to_string())
                .unwrap_or_default();
            let name = format!("{} ({who})", name_of(roster, who));
            Some(html! {
                <div class="moved move-notice" role="status">
                    <p>{ fill(lang, I::Moved, &[&name, &(to + 1).to_string(), &day]) }</p>
                    <button type="button" onclick={dismiss}>{ i(lang, I::Dismiss) }</button>
                </div>
            })
        }
        _ => None,
    };

    let groups = match &room.shown {
        None if formed => html! {},
        None => html! { <p class="empty">{ i(lang, I::NotFormed) }</p> },
        Some(shown) => {
            let grouping = &shown.grouping;
            let left = match grouping.left_out.len() {
                0 => i(lang, I::EveryonePlaced).to_string(),
                n => format!("{n} {}", i(lang, I::WithoutGroup)),
            };
            let summary = format!(
                "{} {}: {}, {}. {} {} ({} {}).",
                grouping.taking_part,
                i(lang, I::TakingPart),
                count(lang, grouping.groups.len(), I::GroupWord, I::GroupsWord),
                left,
                capital(i(lang, I::Score)),
                grouping.total_score,
                i(lang, I::UpperBound),
                grouping.upper_bound,
            );
            let targets: Vec<(usize, String)> = grouping
                .groups
                .iter()
                .enumerate()
                .filter(|(_, g)| !g.locked)
                .map(|(k, g)| {
                    (
                        k,
                        format!("{} {} ({})", i(lang, I::Group), k + 1, g.day.name(lang)),
                    )
                })
                .collect();
            // A button per person; the list of groups only for the one
            // picked (500 people × 72 groups as selects would be 36,000
            // options for the page to draw).
            let mover = |id: &str, from: Option<usize>| {
                let name = name_of(roster, id);
                if room.picked.as_deref() != Some(id) {
                    let who = id.to_string();
                    return html! {
                        <button type="button" class="move" aria-expanded="false" disabled={room.busy()}
                            onclick={room.dispatcher().to_callback().reform(move |_: MouseEvent| Action::Pick(Some(who.clone())))}>
                            { i(lang, I::MoveTo) }<span class="visually-hidden">{ format!(" {name}") }</span>
                        </button>
                    };
                }
                // The group is chosen in the list and the move made with the
                // button (arrow keys in a closed list change its value at
                // once: they must not move anyone).
                let who = id.to_string();
                let target = move_target.clone();
                let on_move = room
                    .dispatcher()
                    .to_callback()
                    .reform(move |_: MouseEvent| {
                        let to = target
                            .cast::<web_sys::HtmlSelectElement>()
                            .and_then(|s| s.value().parse().ok())
                            .unwrap_or(usize::MAX);
                        Action::Move(who.clone(), to)
                    });
                html! {
                    <span class="move-to">
                        <select id="move-target" ref={move_target.clone()} aria-label={fill(lang, I::MoveToLabel, &[&name])}>
                            { for targets.iter().filter(|(k, _)| Some(*k) != from).map(|(k, text)| html! {
                                <option value={k.to_string()}>{ text.clone() }</option>
                            }) }
                        </select>
                        <button type="button" class="primary" onclick={on_move}>{ i(lang, I::MoveButton) }</button>
                        <button type="button" onclick={room.dispatcher().to_callback().reform(|_: MouseEvent| Action::Pick(None))}>{ i(lang, I::Cancel) }</button>
                    </span>
                }
            };
            let cards = grouping.groups.iter().enumerate().map(|(k, g)| {
                group_card(
                    lang,
                    k,
                    g,
                    &shown.meetings,
                    roster,
                    ladder,
                    &room,
                    &mover,
                    written(
                        IntervisieStep::Calendar {
                            group: Some(k),
                            lang,
                            stamp: now(),
                        },
                        ICS,
                    ),
                )
            });
            let left_out = if grouping.left_out.is_empty() {
                html! { <p class="hint">{ i(lang, I::NobodyLeftOut) }</p> }
            } else {
                html! {
                    <ul class="left-out">
                        { for grouping.left_out.iter().map(|l| html! {
                            <li draggable="true" ondragstart={drag(&l.id)}>
                                <span>{ l.reason.get(lang).to_string() }</span>
                                { " " }{ mover(&l.id, None) }
                            </li>
                        }) }
                    </ul>
                }
            };
            html! {
                <>
                    <p class="summary" id="intervisie-summary">{ summary }</p>
                    <p class="hint">{ i(lang, I::MoveHint) }</p>
                    <ol class="groups" id="intervisie-groups">{ for cards }</ol>
                    <h3>{ i(lang, I::LeftOutTitle) }</h3>
                    { left_out }
                </>
            }
        }
    };

    let years_field = html! {
        <form class="intervisie-settings" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
            { field(Field::SupervisionYears, i(lang, I::SupervisionYears), "intervisie-supervision-years") }
        </form>
    };
    let supervision = supervision(
        lang,
        &room,
        roster,
        ladder,
        years_field,
        written(
            IntervisieStep::SupervisionTable {
                today: room.today,
                lang,
            },
            CSV,
        ),
    );

    html! {
        <section class="workspace intervisie" aria-labelledby="intervisie-heading">
            { heading }
            <p class="intro">{ i(lang, I::Intro) }</p>
            <details class="intervisie-setup" open={!formed}>
                <summary>{ i(lang, I::SettingsTitle) }</summary>
                { settings }
                { earlier }
            </details>
            { actions }
            { settings_file }
            { status }
            { for failure }
            { for problems }
            { groups }
            { supervision }
            { for refused }
        </section>
    }
}

fn capital(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Starts dragging the person `id`.
fn drag(id: &str) -> Callback<DragEvent> {
    let id = id.to_string();
    Callback::from(move |e: DragEvent| {
        if let Some(data) = e.data_transfer() {
            let _ = data.set_data("text/plain", &id);
            data.set_effect_allowed("move");
        }
    })
}

#[allow(clippy::too_many_arguments)]
fn group_card(
    lang: Lang,
    k: usize,
    g: &Group,
    meetings: &Meetings,
    roster: &Roster,
    ladder: &Ladder,
    room: &UseReducerHandle<State>,
    mover: &dyn Fn(&str, Option<usize>) -> Html,
    download_ics: Callback<MouseEvent>,
) -> Html {
    let held: Vec<_> = meetings.meetings.iter().filter(|m| m.group == k).collect();
    let not_held: Vec<_> = meetings.not_held.iter().filter(|m| m.group == k).collect();
    let first = held.first().map(|m| {
        format!(
            "{}, {} {} {}",
            count(lang, held.len(), I::MeetingWord, I::MeetingsWord),
            i(lang, I::FirstMeeting),
            date_text(lang, m.date),
            doorgroei::dates::HourMinute(m.start)
        )
    });
    let locked = g.locked;
    let on_lock = room
        .dispatcher()
        .to_callback()
        .reform(move |_: MouseEvent| Action::Lock(k, !locked));
    let on_drop = room.dispatcher().to_callback().reform(move |e: DragEvent| {
        e.prevent_default();
        let who = e
            .data_transfer()
            .and_then(|d| d.get_data("text/plain").ok())
            .unwrap_or_default();
        Action::Move(who, k)
    });
    let heading_id = format!("intervisie-group-{}", k + 1);
    html! {
        <li class={classes!("group-card", locked.then_some("locked"), (!g.problems.is_empty()).then_some("wrong"))}
            aria-labelledby={heading_id.clone()}
            ondragover={Callback::from(|e: DragEvent| e.prevent_default())} ondrop={on_drop}>
            <div class="group-head">
                <h4 id={heading_id}>{ format!("{} {} · {}", i(lang, I::Group), k + 1, g.day.name(lang)) }</h4>
                <button type="button" class="lock" aria-pressed={locked.to_string()} onclick={on_lock}>
                    { if locked { i(lang, I::Locked) } else { i(lang, I::Lock) } }
                    <span class="visually-hidden">{ format!(" {} {}", i(lang, I::GroupWord), k + 1) }</span>
                </button>
            </div>
            <p class="reason">{ format!("{} · {} {}", g.reason.get(lang), i(lang, I::Score), g.score) }</p>
            if !g.problems.is_empty() {
                <div class="problem" role="alert">
                    <strong>{ format!("{}: ", i(lang, I::Problems)) }</strong>
                    { g.problems.iter().map(|p| p.get(lang).to_string()).collect::<Vec<_>>().join("; ") }
                </div>
            }
            <ul class="members">
                { for g.members.iter().map(|id| {
                    let person = roster.person(id);
                    let team = person.map(|p| p.team.clone()).unwrap_or_default();
                    let role = role_of(ladder, roster, id, lang);
                    let detail = [role, team].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" · ");
                    html! {
                        <li draggable={(!locked).to_string()} ondragstart={drag(id)}>
                            <span class="who"><strong>{ name_of(roster, id) }</strong>{ format!(" ({id})") }</span>
                            <span class="detail">{ detail }</span>
                            if !locked { { mover(id, Some(k)) } }
                        </li>
                    }
                }) }
            </ul>
            if let Some(first) = first {
                <p class="meetings">{ first }</p>
            }
            { for not_held.iter().map(|m| html! {
                <p class="problem">{ format!("{} {} {}: {}", date_text(lang, m.ideal), i(lang, I::MeetingWord), i(lang, I::NotHeld), m.reason.get(lang)) }</p>
            }) }
            <button type="button" class="group-ics" onclick={download_ics}>
                { i(lang, I::DownloadGroupIcs) }<span class="visually-hidden">{ format!(" ({} {})", i(lang, I::GroupWord), k + 1) }</span>
            </button>
        </li>
    }
}

fn supervision(
    lang: Lang,
    room: &State,
    roster: &Roster,
    ladder: &Ladder,
    years_field: Html,
    download_csv: Callback<MouseEvent>,
) -> Html {
    let Some(due) = &room.due else {
        return html! {};
    };
    let years = room.settings.supervision_years;
    let years_ago = |n: u32| match (lang, n) {
        (Lang::En, 1) => "1 year ago".to_string(),
        _ => format!("{n} {}", i(lang, I::YearsAgo)),
    };
    html! {
        <section class="supervision" aria-labelledby="supervision-heading">
            <h3 id="supervision-heading">{ format!("{} ({})", i(lang, I::SupervisionTitle), due.len()) }</h3>
            <p class="hint">{ fill(lang, I::SupervisionIntro, &[&years.to_string()]) }</p>
            { years_field }
            if due.is_empty() {
                <p>{ i(lang, I::SupervisionNone) }</p>
            } else {
                <div class="table-scroll">
                    <table id="supervision-table">
                        <thead><tr>
                            <th scope="col">{ i(lang, I::NameColumn) }</th>
                            <th scope="col">{ i(lang, I::RoleColumn) }</th>
                            <th scope="col">{ i(lang, I::LastColumn) }</th>
                        </tr></thead>
                        <tbody>
                            { for due.iter().map(|d| html! {
                                <tr>
                                    <td>{ format!("{} ({})", name_of(roster, &d.id), d.id) }</td>
                                    <td>{ role_of(ladder, roster, &d.id, lang) }</td>
                                    <td>{ match (d.last, d.years_ago) {
                                        (Some(last), Some(n)) => format!("{} ({})", date_text(lang, last), years_ago(n)),
                                        _ => i(lang, I::SupervisionUnknown).to_string(),
                                    } }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
                <button id="supervision-csv" type="button" onclick={download_csv}>{ i(lang, I::DownloadSupervision) }</button>
            }
        </section>
    }
}
