//! The mapping step of an HR export: every column of the file with its
//! first values and the roster field it is read as, a choice per column,
//! and the sheet of a workbook. What the choices do is the room's reducer
//! (`state.rs`); this only shows them.

use doorgroei::exchange::ColumnSource;
use doorgroei::format::Field;
use doorgroei::Lang;
use yew::prelude::*;

use crate::i18n::{t, T};
use crate::rooms::mentorkoppeling::state::{Action, ColumnsStep};
use crate::widgets::value_of;

/// A field as a person calls it, with a capital: `Personeelsnummer`.
/// (Every label starts with a plain letter: the ASCII upper case is
/// enough, and leaves Unicode's case tables out of the page.)
fn label(lang: Lang, field: Field) -> String {
    let mut text = field.label(lang).to_string();
    if let Some(first) = text.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    text
}

/// The step: while the choices are made, every column with its first
/// values and a choice of field; otherwise what was read, the columns not
/// used by name (the one place they are named) and a way to change it.
/// `busy`: the file is being read again.
pub fn columns_step(lang: Lang, step: &ColumnsStep, busy: bool, on: &Callback<Action>) -> Html {
    let editing = step.editing;
    let missing = step.missing();
    let text = if editing {
        let intro = format!("{} {}", t(lang, T::ColumnsIntro), t(lang, T::RememberNote));
        if step.columns.missing.is_empty() {
            intro
        } else {
            format!("{} {intro}", t(lang, T::ColumnsNotRecognised))
        }
    } else {
        let source = match step.columns.source {
            ColumnSource::Recognised => T::ColumnsRecognised,
            ColumnSource::Remembered => T::ColumnsRemembered,
            ColumnSource::Chosen => T::ColumnsChosen,
        };
        let used = step.choices.iter().filter(|f| f.is_some()).count();
        let unused = step.unused();
        let mut text = format!("{}: {used} {}", t(lang, source), t(lang, T::ColumnsUsed));
        if !unused.is_empty() {
            text += &format!("; {}: {}", t(lang, T::ColumnsNotUsed), unused.join(", "));
        }
        text
    };
    let sheets = &step.columns.sheets;
    let current = step.columns.sheet.as_deref().unwrap_or_default();
    // One pair of buttons: read with the choices or leave them; change
    // the columns or close the step.
    type Make = fn() -> Action;
    let (first, second): ((Make, T), (Make, T)) = if editing {
        (
            (|| Action::ConfirmColumns, T::ReadWithColumns),
            (|| Action::CancelColumns, T::Cancel),
        )
    } else {
        (
            (|| Action::AdjustColumns, T::AdjustColumns),
            (|| Action::CloseColumns, T::CloseColumns),
        )
    };
    html! {
        <section class="columns-step" aria-labelledby="columns-heading">
            <h3 id="columns-heading">{ format!("{} {}", t(lang, T::ColumnsOf), step.name) }</h3>
            if sheets.len() > 1 {
                <p class="sheet-choice">
                    <label for="sheet-choice">{ t(lang, T::Sheet) }</label>
                    <select id="sheet-choice" disabled={busy}
                        onchange={on.reform(|e: Event| Action::ChooseSheet(value_of(&e)))}>
                        { for sheets.iter().map(|s| html! {
                            <option value={s.clone()} selected={s == current}>{ s }</option>
                        }) }
                    </select>
                </p>
            }
            <p>{ text }</p>
            if editing {
                <div class="table-scroll">
                <table class="column-map">
                    <thead><tr>
                        <th scope="col">{ t(lang, T::Column) }</th>
                        <th scope="col">{ t(lang, T::UseAs) }</th>
                    </tr></thead>
                    <tbody>
                    { for step.columns.preview.iter().zip(&step.choices).enumerate().map(|(c, (column, chosen))| {
                        let header = if column.header.is_empty() { t(lang, T::NoHeader) } else { &column.header };
                        html! {
                            <tr>
                                <th scope="row">{ header }<span class="samples">{ column.samples.join(" · ") }</span></th>
                                <td>
                                    <select aria-label={format!("{} {header}", t(lang, T::UseAsFor))}
                                        onchange={on.reform(move |e: Event| Action::SetColumn(c, Field::from_key(&value_of(&e))))}>
                                        <option value="" selected={chosen.is_none()}>{ t(lang, T::DoNotUse) }</option>
                                        { for Field::all().map(|f| html! {
                                            <option value={f.key()} selected={*chosen == Some(f)}>{ label(lang, f) }</option>
                                        }) }
                                    </select>
                                </td>
                            </tr>
                        }
                    }) }
                    </tbody>
                </table>
                </div>
                if !missing.is_empty() {
                    <p class="problem">{ format!("{}: {}", t(lang, T::StillMissing),
                        missing.iter().map(|f| f.label(lang)).collect::<Vec<_>>().join(", ")) }</p>
                }
            }
            <div class="actions">
                <button type="button" class={classes!(editing.then_some("primary"))} onclick={on.reform(move |_| first.0())}
                    disabled={busy || (editing && !missing.is_empty())}>{ t(lang, first.1) }</button>
                <button type="button" onclick={on.reform(move |_| second.0())}>{ t(lang, second.1) }</button>
            </div>
        </section>
    }
}
