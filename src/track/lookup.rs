//! `/track`: the look-up form (办件编号 + 查询码) and, below it, my cases on this device.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_query_map};

use super::list::MyCasesList;
use super::{case_error, case_path, fetch_case, my_cases};
use crate::components::set_title;
use crate::i18n::t::track as t;

/// The errors beside the case number and the query code.
type FieldErrors = (Option<&'static str>, Option<&'static str>);

/// Trimmed case number and query code (upper case, as printed), or the errors beside each field.
pub fn check_lookup(number: &str, code: &str) -> Result<(String, String), FieldErrors> {
    let number = number.trim();
    let code = code.trim().to_ascii_uppercase();
    let number_error = number.is_empty().then_some(t::CASE_NUMBER_REQUIRED);
    let code_error = code.is_empty().then_some(t::QUERY_CODE_REQUIRED);
    if number_error.is_some() || code_error.is_some() {
        Err((number_error, code_error))
    } else {
        Ok((number.to_string(), code))
    }
}

/// Moves focus to the error summary once it has been drawn, so a screen reader reads it and a
/// sighted user sees it even when the keyboard hid the top of the page.
fn focus_errors() {
    request_animation_frame(|| focus("track-errors"));
}

fn focus(id: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    {
        if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
            let _ = el.focus();
        }
    }
}

#[component]
pub fn TrackPage() -> impl IntoView {
    set_title(t::TRACK_TITLE);
    let query = use_query_map();
    let number = RwSignal::new(query.with_untracked(|q| q.get("number").unwrap_or_default()));
    let code = RwSignal::new(String::new());
    let number_error = RwSignal::new(None::<&'static str>);
    let code_error = RwSignal::new(None::<&'static str>);
    let form_error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let navigate = use_navigate();

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        form_error.set(None);
        let (n, c) = match check_lookup(&number.get_untracked(), &code.get_untracked()) {
            Ok(v) => {
                number_error.set(None);
                code_error.set(None);
                v
            }
            Err((ne, ce)) => {
                number_error.set(ne);
                code_error.set(ce);
                focus_errors();
                return;
            }
        };
        busy.set(true);
        let navigate = navigate.clone();
        spawn_local(async move {
            match fetch_case(&n, &c).await {
                Ok(view) => {
                    my_cases::remember(&view.case_number, &c, &view.service_name, view.status);
                    my_cases::mark_seen(&view);
                    busy.set(false);
                    navigate(&case_path(&view.case_number), Default::default());
                }
                Err(e) => {
                    busy.set(false);
                    form_error.set(Some(case_error(&e)));
                    focus_errors();
                }
            }
        });
    };

    let has_errors = move || {
        number_error.with(Option::is_some)
            || code_error.with(Option::is_some)
            || form_error.with(Option::is_some)
    };
    view! {
        <main id="main" class="page track track-page">
            <h1>{t::TRACK_TITLE}</h1>
            <p class="lead">{t::TRACK_INTRO}</p>
            <div id="track-errors" class="error-summary" role="alert" tabindex="-1" hidden=move || !has_errors()>
                {move || has_errors().then(|| view! {
                    <h2>{t::TRACK_ERROR_TITLE}</h2>
                    <ul>
                        {number_error.get().map(|m| view! { <li><a href="#case-number">{m}</a></li> })}
                        {code_error.get().map(|m| view! { <li><a href="#query-code">{m}</a></li> })}
                        {form_error.get().map(|m| view! { <li>{m}</li> })}
                    </ul>
                })}
            </div>
            <form class="track-form" on:submit=submit novalidate>
                <div class="field">
                    <label for="case-number">{t::CASE_NUMBER}</label>
                    <p class="hint" id="case-number-hint">{t::CASE_NUMBER_HINT}</p>
                    <input id="case-number" name="case-number" type="text" class="big-input"
                        autocomplete="off" inputmode="numeric" spellcheck="false" maxlength="32"
                        aria-describedby=move || if number_error.with(Option::is_some) {
                            "case-number-error case-number-hint"
                        } else {
                            "case-number-hint"
                        }
                        aria-invalid=move || number_error.with(Option::is_some).then_some("true")
                        prop:value=move || number.get()
                        on:input=move |ev| number.set(event_target_value(&ev))/>
                    {move || number_error.get().map(|m| view! {
                        <p class="track-error" id="case-number-error">{m}</p>
                    })}
                </div>
                <div class="field">
                    <label for="query-code">{t::QUERY_CODE}</label>
                    <p class="hint" id="query-code-hint">{t::QUERY_CODE_HINT}</p>
                    <input id="query-code" name="query-code" type="text" class="big-input code-input"
                        autocomplete="off" autocapitalize="characters" spellcheck="false" maxlength="16"
                        aria-describedby=move || if code_error.with(Option::is_some) {
                            "query-code-error query-code-hint"
                        } else {
                            "query-code-hint"
                        }
                        aria-invalid=move || code_error.with(Option::is_some).then_some("true")
                        prop:value=move || code.get()
                        on:input=move |ev| code.set(event_target_value(&ev))/>
                    {move || code_error.get().map(|m| view! {
                        <p class="track-error" id="query-code-error">{m}</p>
                    })}
                </div>
                <button type="submit" class="button wide" disabled=move || busy.get()>
                    {move || if busy.get() { t::LOOKING_UP } else { t::LOOK_UP }}
                </button>
            </form>
            <MyCasesList/>
        </main>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_fields_are_required_and_tidied() {
        assert_eq!(
            check_lookup(" 202611200001 ", " ab3k7mnp "),
            Ok(("202611200001".into(), "AB3K7MNP".into()))
        );
        assert_eq!(
            check_lookup("", " "),
            Err((Some(t::CASE_NUMBER_REQUIRED), Some(t::QUERY_CODE_REQUIRED)))
        );
        assert_eq!(
            check_lookup("2026", ""),
            Err((None, Some(t::QUERY_CODE_REQUIRED)))
        );
    }
}
