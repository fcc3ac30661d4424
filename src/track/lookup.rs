//! `/track`: the look-up form (办件编号 + 查询码) and, below it, my cases on this device.
//!
//! The page is server-rendered; its interactive parts are islands (src/islands): the form
//! ([`LOOKUP`]) and the lists read from the device. A case found opens `/track/{number}` with a
//! full page load: the case page is personal, drawn by the app bundle.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_query_map;

use contract::FieldError;

use super::{case_error, fetch_brief, my_cases};
use crate::components::form::{
    dom_id, focus_error_summary, ErrorSummary, ErrorSummaryProps, Field, FieldProps,
};
use crate::components::set_title;
use crate::i18n::t;
use crate::islands::Island;
use crate::routes::{self, TRACK_NUMBER_PARAM};

/// Field ids of the form, as the summary links to them.
const NUMBER: &str = "case_number";
const CODE: &str = "query_code";

fn field_error(field: &str, message: &str) -> FieldError {
    FieldError {
        field: field.into(),
        message: message.into(),
    }
}

/// Trimmed case number and query code (upper case, as printed), or the errors beside each field.
pub fn check_lookup(number: &str, code: &str) -> Result<(String, String), Vec<FieldError>> {
    let number = number.trim();
    let code = code.trim().to_ascii_uppercase();
    let mut errors = Vec::new();
    if number.is_empty() {
        errors.push(field_error(NUMBER, t::CASE_NUMBER_REQUIRED()));
    }
    if code.is_empty() {
        errors.push(field_error(CODE, t::QUERY_CODE_REQUIRED()));
    }
    if errors.is_empty() {
        Ok((number.to_string(), code))
    } else {
        Err(errors)
    }
}

/// The look-up form; its props are the case number the page was opened with (`?number=`, from
/// a case page that has no query code on this device). The query code is never in a URL: the
/// form only works with JavaScript, since the case page it leads to needs it anyway.
pub static LOOKUP: Island<String> = Island {
    name: "lookup",
    view: |number| lookup_form(number).into_any(),
};

#[component]
pub fn TrackPage() -> impl IntoView {
    set_title(t::TRACK_TITLE());
    let number = use_query_map().with_untracked(|q| q.get(TRACK_NUMBER_PARAM).unwrap_or_default());
    view! {
        <main id="main" class="page track track-page">
            <h1>{t::TRACK_TITLE()}</h1>
            <p class="lead">{t::TRACK_INTRO()}</p>
            {LOOKUP.render(number)}
            {super::list::MY_CASES.render(())}
            {crate::components::CLEAR_DATA.render(())}
            {crate::appointment::MY_APPOINTMENTS.render(())}
            {crate::feedback::MY_TICKETS.render(())}
        </main>
    }
}

/// A plain function rather than a component: the islands bundle then carries no erased view
/// type for it.
fn lookup_form(number: String) -> impl IntoView {
    // What was typed before the island took over the server's page is kept.
    let typed = |field| crate::browser::typed_value(&dom_id(field));
    let number = RwSignal::new(typed(NUMBER).unwrap_or(number));
    let code = RwSignal::new(typed(CODE).unwrap_or_default());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let form_error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        form_error.set(None);
        let (n, c) = match check_lookup(&number.get_untracked(), &code.get_untracked()) {
            Ok(v) => {
                errors.set(Vec::new());
                v
            }
            Err(e) => {
                errors.set(e);
                focus_error_summary();
                return;
            }
        };
        busy.set(true);
        let failed = move |e| {
            busy.set(false);
            form_error.set(Some(case_error(&e)));
            focus_error_summary();
        };
        spawn_local(async move {
            // A question's or complaint's ticket is followed with the same form.
            if let Some(found) = crate::feedback::look_up_ticket(&n, &c).await {
                match found {
                    Ok(href) => {
                        // Not busy any more: a page the back button brings back from the
                        // browser's cache must answer again.
                        busy.set(false);
                        crate::browser::load_page(&href, false);
                    }
                    Err(e) => failed(e),
                }
                return;
            }
            match fetch_brief(&n, &c).await {
                Ok((brief, json)) => {
                    my_cases::remember(&brief.case_number, &c, &brief.service_name, brief.status);
                    my_cases::update_from_text(&brief, &json, true);
                    busy.set(false);
                    crate::browser::load_page(&routes::case(&brief.case_number), false);
                }
                Err(e) => failed(e),
            }
        });
    };

    // Called as functions, not as `<Field/>`: each component tag is an erased view type, which
    // the islands bundle would carry for this form alone.
    let field = |field: &'static str, label: &str, hint: String, value: RwSignal<String>| {
        FieldProps::builder()
            .field(field)
            .label(label.to_string())
            .hint(hint)
            .value(value)
            .on_input(Callback::new(move |v| value.set(v)))
            .errors(errors)
    };
    let number_field = field(
        NUMBER,
        t::CASE_NUMBER(),
        format!(
            "{}{}{}",
            t::CASE_NUMBER_HINT(),
            t::SEMI(),
            t::TRACK_TICKET_HINT()
        ),
        number,
    )
    .inputmode("numeric")
    .input_class("big-input")
    .maxlength(32)
    .build();
    let code_field = field(CODE, t::QUERY_CODE(), t::QUERY_CODE_HINT().into(), code)
        .input_class("big-input code-input")
        .maxlength(16)
        .build();
    let summary = ErrorSummaryProps::builder()
        .errors(errors)
        .message(form_error)
        .build();
    view! {
        {ErrorSummary(summary)}
        <form class="track-form" on:submit=submit novalidate>
            {Field(number_field)}
            {Field(code_field)}
            <button type="submit" class="button wide" disabled=move || busy.get()>
                {move || if busy.get() { t::LOOKING_UP() } else { t::LOOK_UP() }}
            </button>
        </form>
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
            Err(vec![
                field_error(NUMBER, t::CASE_NUMBER_REQUIRED()),
                field_error(CODE, t::QUERY_CODE_REQUIRED())
            ])
        );
        assert_eq!(
            check_lookup("2026", ""),
            Err(vec![field_error(CODE, t::QUERY_CODE_REQUIRED())])
        );
    }
}
