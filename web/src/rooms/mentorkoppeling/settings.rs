//! The matching settings panel: mentor level, not-same-team, never the
//! same pair twice, the default capacity per level and the seven weights,
//! each with what it does; kept in
//! the browser, downloadable and openable as a `doorgroei/matching@1` file
//! (read in the worker by the core's loader).

use doorgroei::format::{match_config_to_yaml, MAX_CAPACITY, MAX_WEIGHT};
use doorgroei::ladder::Level;
use doorgroei::matching::MatchConfig;
use doorgroei::Lang;
use yew::prelude::*;

use crate::i18n::{t, T};
use crate::rooms::mentorkoppeling::state::{Action, State};
use crate::shared::download::download;
use crate::widgets::{errors_box, value_of};

/// A number setting: its label, what it does, its value, its largest value
/// and where it goes.
type Number = (
    &'static str,
    &'static str,
    i64,
    i64,
    fn(&mut MatchConfig, i64),
);

/// The panel, closed until opened. `on_file` reads a settings file.
pub fn settings_panel(
    lang: Lang,
    room: &State,
    on: &Callback<Action>,
    on_file: Callback<Event>,
) -> Html {
    let c = room.settings;
    let set = |change: fn(&mut MatchConfig, i64), max: i64| {
        on.reform(move |e: Event| {
            let mut next = c;
            let value = value_of(&e).trim().parse::<i64>().unwrap_or(0);
            change(&mut next, value.clamp(0, max));
            Action::SetSettings(next)
        })
    };
    let cap = i64::from(MAX_CAPACITY);
    let w = &c.weights;
    let [junior, medior, senior, lead] = c.default_capacities.map(i64::from);
    let weights: [Number; 7] = [
        (
            t(lang, T::WSpecialism),
            t(lang, T::WSpecialismHint),
            w.specialism,
            MAX_WEIGHT,
            |c, v| c.weights.specialism = v,
        ),
        (
            t(lang, T::Location),
            t(lang, T::WLocationHint),
            w.location,
            MAX_WEIGHT,
            |c, v| c.weights.location = v,
        ),
        (
            t(lang, T::WSharedDay),
            t(lang, T::WSharedDayHint),
            w.shared_day,
            MAX_WEIGHT,
            |c, v| c.weights.shared_day = v,
        ),
        (
            t(lang, T::WCoaching),
            t(lang, T::WCoachingHint),
            w.coaching,
            MAX_WEIGHT,
            |c, v| c.weights.coaching = v,
        ),
        (
            t(lang, T::WPreference),
            t(lang, T::WPreferenceHint),
            w.preference,
            MAX_WEIGHT,
            |c, v| c.weights.preference = v,
        ),
        (
            t(lang, T::WLoad),
            t(lang, T::WLoadHint),
            w.load,
            MAX_WEIGHT,
            |c, v| c.weights.load = v,
        ),
        (
            t(lang, T::WWaiting),
            t(lang, T::WWaitingHint),
            w.waiting,
            MAX_WEIGHT,
            |c, v| c.weights.waiting = v,
        ),
    ];
    let capacities: [Number; 4] = [
        (Level::Junior.label(lang), "", junior, cap, |c, v| {
            c.default_capacities[0] = v as u32
        }),
        (Level::Medior.label(lang), "", medior, cap, |c, v| {
            c.default_capacities[1] = v as u32
        }),
        (Level::Senior.label(lang), "", senior, cap, |c, v| {
            c.default_capacities[2] = v as u32
        }),
        (Level::Lead.label(lang), "", lead, cap, |c, v| {
            c.default_capacities[3] = v as u32
        }),
    ];
    let number = |&(label, hint, value, max, change): &Number| {
        html! {
            <label class="number">
                <span>{ label }</span>
                <input type="number" min="0" max={max.to_string()} step="1" value={value.to_string()}
                    onchange={set(change, max)} />
                if !hint.is_empty() {
                    <span class="hint">{ hint }</span>
                }
            </label>
        }
    };
    let level = on.reform(move |e: Event| {
        let code = value_of(&e);
        let level = Level::ALL.iter().copied().find(|l| l.as_str() == code);
        Action::SetSettings(MatchConfig {
            mentor_min_level: level.unwrap_or(c.mentor_min_level),
            ..c
        })
    });
    let team = on.reform(move |_: Event| {
        Action::SetSettings(MatchConfig {
            not_same_team: !c.not_same_team,
            ..c
        })
    });
    let repeat = on.reform(move |_: Event| {
        Action::SetSettings(MatchConfig {
            no_repeat: !c.no_repeat,
            ..c
        })
    });
    let save = Callback::from(move |_: MouseEvent| {
        download(
            t(lang, T::FileSettings),
            &match_config_to_yaml(&c),
            "text/yaml;charset=utf-8",
        )
    });
    let errors = room.settings_errors.as_ref().map(|report| {
        errors_box(
            lang,
            t(lang, T::SettingsErrors),
            report,
            on.reform(|_| Action::DismissSettingsErrors),
        )
    });
    html! {
        <details class="settings">
            <summary>{ t(lang, T::Settings) }</summary>
            <p class="hint">{ t(lang, T::SettingsIntro) }</p>
            <div class="form">
                <label>{ t(lang, T::MentorLevel) }
                    <select onchange={level} aria-describedby="level-hint">
                        { for Level::ALL.iter().map(|l| html! {
                            <option value={l.as_str()} selected={*l == c.mentor_min_level}>{ l.label(lang) }</option>
                        }) }
                    </select>
                    <span class="hint" id="level-hint">{ t(lang, T::MentorLevelHint) }</span>
                </label>
                <label class="inline">
                    <input type="checkbox" checked={c.not_same_team} onchange={team} aria-describedby="team-hint" />
                    { t(lang, T::NotSameTeam) }
                    <span class="hint" id="team-hint">{ t(lang, T::NotSameTeamHint) }</span>
                </label>
                <label class="inline">
                    <input type="checkbox" checked={c.no_repeat} onchange={repeat} aria-describedby="repeat-hint" />
                    { t(lang, T::NoRepeat) }
                    <span class="hint" id="repeat-hint">{ t(lang, T::NoRepeatHint) }</span>
                </label>
                <fieldset>
                    <legend>{ t(lang, T::DefaultCapacities) }</legend>
                    <p class="hint">{ t(lang, T::DefaultCapacitiesHint) }</p>
                    { for capacities.iter().map(number) }
                </fieldset>
                <fieldset>
                    <legend>{ t(lang, T::Weights) }</legend>
                    <p class="hint">{ t(lang, T::WeightsHint) }</p>
                    { for weights.iter().map(number) }
                </fieldset>
            </div>
            <div class="actions">
                <button type="button" onclick={on.reform(|_| Action::SetSettings(MatchConfig::default()))}
                    disabled={c == MatchConfig::default()}>{ t(lang, T::DefaultSettings) }</button>
                <button type="button" onclick={save}>{ t(lang, T::DownloadSettings) }</button>
                <label class="button file">
                    { t(lang, T::OpenSettings) }
                    <input type="file" accept=".yaml,.yml,text/yaml" onchange={on_file} />
                </label>
            </div>
            { for errors }
        </details>
    }
}
