//! The scheduling settings panel (*Instellingen planning*): everything a
//! `doorgroei/schedule@1` file holds beyond start, months and cadence —
//! how far a review may move, reviews per mentor per day, their length,
//! the day's hours, Goede Vrijdag, Bevrijdingsdag, spreading and the
//! closing days. Kept in this browser with the room's other settings,
//! downloadable as `planning.yaml` and openable again (read in the worker
//! by the core's loader, so a file's problems are shown by line).

use doorgroei::dates::HourMinute;
use doorgroei::schedule::{Liberation, ScheduleConfig};
use doorgroei::Lang;
use yew::prelude::*;

use crate::rooms::besprekingen::state::{date_text, settings_request, Action, Field, More, State};
use crate::shared::download::download;
use crate::shared::files::use_file_reader;
use crate::shared::worker;
use crate::texts::{c, filled, C};
use crate::widgets::{errors_box, value_of};

#[derive(Properties, PartialEq)]
pub struct PanelProps {
    pub lang: Lang,
    pub more: More,
    pub months: u8,
    pub cadence: u8,
    pub on: UseReducerDispatcher<State>,
}

/// The panel, closed until opened.
#[function_component(SettingsPanel)]
pub fn settings_panel(props: &PanelProps) -> Html {
    let (lang, more, on) = (props.lang, &props.more, props.on.clone());
    let config = &more.config;
    // A settings file chosen: read by the worker.
    let on_file = use_file_reader(on.to_callback().reform(Action::OpenSettings));
    {
        let on = on.clone();
        use_effect_with(more.reading.clone(), move |reading| {
            if let Some(file) = reading.clone() {
                let request = settings_request(&file);
                let on_reply = Callback::from(move |reply| {
                    on.dispatch(Action::SettingsRead(file.clone(), Box::new(reply)))
                });
                worker::post(&request, on_reply);
            }
        });
    }
    let shown = |field: Field, value: String| {
        more.drafts
            .get(&field)
            .cloned()
            .or_else(|| {
                more.refused
                    .as_ref()
                    .filter(|(f, _)| *f == field)
                    .map(|(_, t)| t.clone())
            })
            .unwrap_or(value)
    };
    let invalid = |field: Field| more.refused.as_ref().is_some_and(|(f, _)| *f == field);
    let typed = |field: Field, label: C, id: &'static str, value: String, hint: Option<C>| {
        let hint_id = format!("{id}-hint");
        let described = match (hint.is_some(), invalid(field)) {
            (_, true) => "settings-problem".to_string(),
            (true, false) => hint_id.clone(),
            (false, false) => String::new(),
        };
        html! {
            <label class="number">
                <span>{ c(lang, label) }</span>
                <input id={id} type="text" autocomplete="off" spellcheck="false"
                    inputmode={ if field.range().is_some() { "numeric" } else { "text" } }
                    value={shown(field, value)}
                    aria-invalid={invalid(field).to_string()}
                    aria-describedby={ (!described.is_empty()).then_some(described) }
                    oninput={on.to_callback().reform(move |e: InputEvent| Action::Type(field, value_of(&e)))}
                    onchange={on.to_callback().reform(move |e: Event| Action::Set(field, value_of(&e)))} />
                if let Some(hint) = hint {
                    <span class="hint" id={hint_id}>{ c(lang, hint) }</span>
                }
            </label>
        }
    };
    let problem = more.refused.as_ref().map(|(field, text)| {
        let message = match field.range() {
            Some((low, high)) => filled(lang, C::NotInRange, text)
                .replace("{min}", &low.to_string())
                .replace("{max}", &high.to_string()),
            None => match field {
                Field::Closing => filled(lang, C::ClosingNotADate, text),
                _ if doorgroei::dates::parse_time(text).is_none() => {
                    filled(lang, C::NotATime, text)
                }
                _ => filled(lang, C::EndNotAfterStart, text),
            },
        };
        html! { <p class="problem" role="alert" id="settings-problem">{ message }</p> }
    });
    let good_friday = {
        let on_now = config.holidays.good_friday;
        on.to_callback()
            .reform(move |_: Event| Action::GoodFriday(!on_now))
    };
    let stagger = {
        let on_now = config.stagger;
        on.to_callback()
            .reform(move |_: Event| Action::Stagger(!on_now))
    };
    let liberation = on
        .to_callback()
        .reform(|e: Event| Action::LiberationEveryYear(value_of(&e) == "every-year"));
    let add_closing = {
        let text = more
            .drafts
            .get(&Field::Closing)
            .cloned()
            .unwrap_or_default();
        on.to_callback().reform(move |e: SubmitEvent| {
            e.prevent_default();
            Action::Set(Field::Closing, text.clone())
        })
    };
    let save = {
        let text = more.file_text(props.months, props.cadence);
        Callback::from(move |_: MouseEvent| {
            download(c(lang, C::FileSettings), &text, "text/yaml;charset=utf-8")
        })
    };
    let errors = more.errors.as_ref().map(|report| {
        errors_box(
            lang,
            c(lang, C::SettingsFileProblems),
            report,
            on.to_callback().reform(|_| Action::DismissSettingsErrors),
        )
    });
    let is_default = more.config
        == ScheduleConfig {
            months: config.months,
            cadence_weeks: config.cadence_weeks,
            ..ScheduleConfig::default()
        };
    html! {
        <details class="settings schedule-settings">
            <summary>{ c(lang, C::SettingsTitle) }</summary>
            <p class="hint">{ c(lang, C::SettingsIntro) }</p>
            <div class="form">
                { typed(Field::Shift, C::MaxShift, "schedule-shift", config.max_shift.to_string(), None) }
                { typed(Field::PerDay, C::PerDay, "schedule-per-day", config.max_per_day.to_string(), None) }
                { typed(Field::Slot, C::SlotMinutes, "schedule-slot", config.slot_minutes.to_string(), None) }
                { typed(Field::DayStart, C::DayStart, "schedule-day-start", HourMinute(config.day_start).to_string(), Some(C::TimeHint)) }
                { typed(Field::DayEnd, C::DayEnd, "schedule-day-end", HourMinute(config.day_end).to_string(), Some(C::TimeHint)) }
                <label class="number wide">
                    <span>{ c(lang, C::LiberationDay) }</span>
                    <select id="schedule-liberation" onchange={liberation}>
                        <option value="lustrum" selected={config.holidays.liberation == Liberation::Lustrum}>{ c(lang, C::LiberationLustrum) }</option>
                        <option value="every-year" selected={config.holidays.liberation == Liberation::EveryYear}>{ c(lang, C::LiberationEveryYear) }</option>
                    </select>
                </label>
                <label class="inline">
                    <input id="schedule-good-friday" type="checkbox" checked={config.holidays.good_friday} onchange={good_friday} />
                    <span>{ c(lang, C::GoodFriday) }</span>
                </label>
                <label class="inline">
                    <input id="schedule-stagger" type="checkbox" checked={config.stagger} onchange={stagger} />
                    <span>{ c(lang, C::Stagger) }</span>
                </label>
            </div>
            { for problem }
            <fieldset class="closing-days">
                <legend>{ c(lang, C::ClosingDays) }</legend>
                if config.closing_days.is_empty() {
                    <p class="hint">{ c(lang, C::NoClosingDays) }</p>
                } else {
                    <ul class="closing-list">
                        { for config.closing_days.iter().map(|&day| {
                            let shown = date_text(lang, day);
                            html! {
                                <li>
                                    <span>{ shown.clone() }</span>
                                    <button type="button" class="small"
                                        aria-label={filled(lang, C::RemoveClosingDay, &shown)}
                                        onclick={on.to_callback().reform(move |_| Action::RemoveClosing(day))}>{ "✕" }</button>
                                </li>
                            }
                        }) }
                    </ul>
                }
                <form class="inline-form" onsubmit={add_closing}>
                    { typed(Field::Closing, C::NewClosingDay, "schedule-closing-new", String::new(), Some(C::ClosingHint)) }
                    <button type="submit">{ c(lang, C::AddClosingDay) }</button>
                </form>
            </fieldset>
            <div class="actions">
                <button type="button" onclick={on.to_callback().reform(|_| Action::DefaultSettings)}
                    disabled={is_default}>{ c(lang, C::DefaultSettings) }</button>
                <button type="button" onclick={save}>{ c(lang, C::DownloadSettings) }</button>
                <label class="button file">
                    { c(lang, C::OpenSettings) }
                    <input type="file" accept=".yaml,.yml,text/yaml" onchange={on_file} />
                </label>
            </div>
            if more.reading.is_some() {
                <p class="busy" role="status">{ c(lang, C::ReadingSettings) }</p>
            }
            { for errors }
        </details>
    }
}
