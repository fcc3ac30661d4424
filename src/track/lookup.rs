//! `/track`: the look-up form (办件编号 + 查询码) and, below it, my cases on this device.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_query_map};

use contract::FieldError;

use super::list::MyCasesList;
use super::{case_error, fetch_case, my_cases};
use crate::components::form::{dom_id, focus_error_summary, ErrorSummary, Field};
use crate::components::set_title;
use crate::i18n::t;
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

#[component]
pub fn TrackPage() -> impl IntoView {
    set_title(t::TRACK_TITLE());
    let query = use_query_map();
    // What was typed before the app took over the server's page is kept.
    let typed = |field| crate::browser::typed_value(&dom_id(field));
    let number = RwSignal::new(typed(NUMBER).unwrap_or_else(|| {
        query.with_untracked(|q| q.get(TRACK_NUMBER_PARAM).unwrap_or_default())
    }));
    let code = RwSignal::new(typed(CODE).unwrap_or_default());
    let errors = RwSignal::new(Vec::<FieldError>::new());
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
        let navigate = navigate.clone();
        spawn_local(async move {
            // A question's or complaint's ticket is followed with the same form.
            if let Some(found) = crate::feedback::look_up_ticket(&n, &c).await {
                busy.set(false);
                match found {
                    Ok(href) => navigate(&href, Default::default()),
                    Err(e) => {
                        form_error.set(Some(case_error(&e)));
                        focus_error_summary();
                    }
                }
                return;
            }
            match fetch_case(&n, &c).await {
                Ok(view) => {
                    my_cases::remember(&view.case_number, &c, &view.service_name, view.status);
                    my_cases::mark_seen(&view);
                    busy.set(false);
                    navigate(&routes::case(&view.case_number), Default::default());
                }
                Err(e) => {
                    busy.set(false);
                    form_error.set(Some(case_error(&e)));
                    focus_error_summary();
                }
            }
        });
    };

    view! {
        <main id="main" class="page track track-page">
            <h1>{t::TRACK_TITLE()}</h1>
            <p class="lead">{t::TRACK_INTRO()}</p>
            <ErrorSummary errors=errors message=form_error/>
            <form class="track-form" on:submit=submit novalidate>
                <Field field=NUMBER label=t::CASE_NUMBER().into() hint=format!("{}{}{}", t::CASE_NUMBER_HINT(), t::SEMI(), t::TRACK_TICKET_HINT())
                    value=number on_input=Callback::new(move |v| number.set(v)) errors=errors
                    inputmode="numeric" input_class="big-input" maxlength=32/>
                <Field field=CODE label=t::QUERY_CODE().into() hint=t::QUERY_CODE_HINT().into()
                    value=code on_input=Callback::new(move |v| code.set(v)) errors=errors
                    input_class="big-input code-input" maxlength=16/>
                <button type="submit" class="button wide" disabled=move || busy.get()>
                    {move || if busy.get() { t::LOOKING_UP() } else { t::LOOK_UP() }}
                </button>
            </form>
            <MyCasesList/>
            <crate::appointment::MyAppointmentsList/>
            <crate::feedback::MyTicketsList/>
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
