//! Form pieces: inputs with their label, hint and error beside them, and the error summary at the
//! top (GOV.UK pattern), keyed by the contract's field ids. Used by the application and the
//! case look-up.

use contract::FieldError;
use leptos::prelude::*;

use crate::i18n::t;

/// DOM id for a contract field id (`applicant.name` → `f-applicant-name`).
pub fn dom_id(field: &str) -> String {
    format!("f-{}", field.replace(['.', '_'], "-"))
}

pub fn error_for(errors: &[FieldError], field: &str) -> Option<String> {
    errors
        .iter()
        .find(|e| e.field == field)
        .map(|e| t::field_message(&e.message))
}

/// The id of the page's error summary (a page has one).
const SUMMARY_ID: &str = "error-summary";

/// Moves focus to the error summary once it has been drawn, after a submit that failed: a
/// screen reader reads it, and a sighted user sees it even when the keyboard hid the top of the
/// page. Only on submit, never while typing, so focus is not pulled out of a field.
pub fn focus_error_summary() {
    request_animation_frame(|| {
        if let Some(el) = crate::browser::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(SUMMARY_ID))
        {
            if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                let _ = el.focus();
            }
        }
    });
}

/// The list of problems at the top of the page, each linking to its field; `message` is a
/// problem of the whole form (e.g. the backend's answer).
#[component]
pub fn ErrorSummary(
    #[prop(into)] errors: Signal<Vec<FieldError>>,
    #[prop(optional, into)] message: Option<Signal<Option<String>>>,
) -> impl IntoView {
    let message = move || message.and_then(|m| m.get());
    let shown = move || errors.with(|e| !e.is_empty()) || message().is_some();
    view! {
        <div class="error-summary" id=SUMMARY_ID role="alert" tabindex="-1" hidden=move || !shown()>
            {move || shown().then(|| view! {
                <h2>{t::FIX_THESE()}</h2>
                <ul>
                    {errors.get().into_iter().map(|e| view! {
                        <li><a href=format!("#{}", dom_id(&e.field))>{t::field_message(&e.message)}</a></li>
                    }).collect_view()}
                    {message().map(|m| view! { <li>{m}</li> })}
                </ul>
            })}
        </div>
    }
}

/// A labelled text input.
#[component]
pub fn Field(
    #[prop(into)] field: String,
    label: String,
    #[prop(optional)] hint: String,
    #[prop(into)] value: Signal<String>,
    on_input: Callback<String>,
    #[prop(into)] errors: Signal<Vec<FieldError>>,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(default = "off")] autocomplete: &'static str,
    #[prop(default = "text")] inputmode: &'static str,
    /// Extra classes on the input (e.g. `big-input`).
    #[prop(optional)]
    input_class: &'static str,
    #[prop(optional)] maxlength: Option<u32>,
) -> impl IntoView {
    let id = dom_id(&field);
    let hint_id = format!("{id}-hint");
    let err_id = format!("{id}-error");
    let error = Signal::derive(move || errors.with(|e| error_for(e, &field)));
    let described = {
        let (hint_id, err_id) = (hint_id.clone(), err_id.clone());
        let has_hint = !hint.is_empty();
        move || {
            let mut ids = Vec::new();
            if has_hint {
                ids.push(hint_id.clone());
            }
            if error.with(Option::is_some) {
                ids.push(err_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class="field" class:field-error=move || error.with(Option::is_some)>
            <label for=id.clone()>{label}</label>
            {(!hint.is_empty()).then(|| view! { <p class="hint" id=hint_id.clone()>{hint.clone()}</p> })}
            {move || error.get().map(|m| view! { <p class="error-message" id=err_id.clone()>{m}</p> })}
            <input id=id type=input_type autocomplete=autocomplete inputmode=inputmode spellcheck="false"
                class=(!input_class.is_empty()).then_some(input_class) maxlength=maxlength
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=described
                value=value.get_untracked()
                prop:value=move || value.get()
                on:input=move |ev| on_input.run(event_target_value(&ev))/>
        </div>
    }
}

/// A labelled text area, like `Field`, with the count of characters left under it.
#[component]
pub fn TextArea(
    #[prop(into)] field: String,
    label: &'static str,
    hint: &'static str,
    #[prop(into)] value: Signal<String>,
    on_input: Callback<String>,
    #[prop(into)] errors: Signal<Vec<FieldError>>,
    maxlength: usize,
) -> impl IntoView {
    let id = dom_id(&field);
    let hint_id = format!("{id}-hint");
    let err_id = format!("{id}-error");
    let error = Signal::derive(move || errors.with(|e| error_for(e, &field)));
    let described = {
        let (hint_id, err_id) = (hint_id.clone(), err_id.clone());
        move || {
            if error.with(Option::is_some) {
                format!("{hint_id} {err_id}")
            } else {
                hint_id.clone()
            }
        }
    };
    let left = move || maxlength.saturating_sub(value.with(|v| v.chars().count()));
    view! {
        <div class="field" class:field-error=move || error.with(Option::is_some)>
            <label for=id.clone()>{label}</label>
            <p class="hint" id=hint_id>{hint}</p>
            {move || error.get().map(|m| view! { <p class="error-message" id=err_id.clone()>{m}</p> })}
            <textarea id=id rows="5" maxlength=maxlength
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=described
                prop:value=move || value.get()
                on:input=move |ev| on_input.run(event_target_value(&ev))></textarea>
            <p class="note">{move || t::chars_left(left())}</p>
        </div>
    }
}
