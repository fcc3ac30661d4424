//! 投诉: `/complain/case/{number}` from the case page (the case attached, its query code read
//! from my cases: only its owner can), and `/complain/service/{code}` from a guide, about the
//! service itself or one of its places' windows.

use contract::{ComplaintCategory, ComplaintSubject, ComplaintSubmission, FieldError};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use super::draft::{self, Draft};
use super::my_tickets::Kind;
use super::send::{form_end, Sending};
use crate::components::form::{dom_id, ErrorSummary, TextArea};
use crate::components::{set_title, Loading};
use crate::i18n::t;
use crate::routes::{self, CaseParams, ServiceParams};
use crate::track::my_cases;

/// What the form complains about.
#[derive(Clone, Debug, PartialEq)]
enum Target {
    Case {
        number: String,
        query_code: String,
        service_name: String,
    },
    Service {
        code: String,
        name: String,
        places: Vec<String>,
    },
}

#[component]
pub fn ComplainCasePage() -> impl IntoView {
    set_title(t::COMPLAIN_TITLE());
    let number = routes::params::<CaseParams>()
        .get_untracked()
        .and_then(|p| p.number)
        .unwrap_or_default();
    match my_cases::get(&number) {
        Some(mine) => view! {
            <ComplaintForm target=Target::Case {
                number: mine.case_number,
                query_code: mine.query_code,
                service_name: mine.service_name,
            }/>
        }
        .into_any(),
        None => view! {
            <main id="main" class="page feedback track-page">
                <h1>{t::COMPLAIN_TITLE()}</h1>
                <div class="notice">
                    <p>{t::NO_CODE_BODY()}</p>
                    <A href=routes::track_lookup(&number) attr:class="button">{t::GO_LOOK_UP()}</A>
                </div>
            </main>
        }
        .into_any(),
    }
}

#[component]
pub fn ComplainServicePage() -> impl IntoView {
    set_title(t::COMPLAIN_TITLE());
    let code = routes::params::<ServiceParams>()
        .get_untracked()
        .and_then(|p| p.code)
        .unwrap_or_default();
    let target = RwSignal::new(None::<Result<Target, String>>);
    spawn_local(async move {
        target.set(Some(match crate::api::service(&code).await {
            Ok(s) => Ok(Target::Service {
                code: s.value.code,
                name: s.value.name,
                places: s.value.places.into_iter().map(|p| p.name).collect(),
            }),
            Err(e) => Err(e.message()),
        }));
    });
    move || {
        match target.get() {
        None => view! { <main id="main" class="page feedback track-page"><h1>{t::COMPLAIN_TITLE()}</h1><Loading/></main> }.into_any(),
        Some(Err(m)) => view! {
            <main id="main" class="page feedback track-page"><h1>{t::COMPLAIN_TITLE()}</h1><p class="error-message">{m}</p></main>
        }
        .into_any(),
        Some(Ok(target)) => view! { <ComplaintForm target/> }.into_any(),
    }
    }
}

/// What the complaint is about, in words: the case with its service, or the service.
fn target_title(target: &Target) -> String {
    match target {
        Target::Case {
            number,
            service_name,
            ..
        } => format!(
            "{service_name}{}",
            t::paren(&format!("{} {number}", t::CASE_NUMBER()))
        ),
        Target::Service { name, .. } => name.clone(),
    }
}

/// The form's id on the device: one draft per case, and per service.
fn form_id(target: &Target) -> String {
    match target {
        Target::Case { number, .. } => format!("case.{number}"),
        Target::Service { code, .. } => format!("service.{code}"),
    }
}

/// The submission, or the errors beside the fields (the category first: it is above).
fn build(target: &Target, d: &Draft) -> Result<ComplaintSubmission, Vec<FieldError>> {
    let subject = match target {
        Target::Case {
            number, query_code, ..
        } => ComplaintSubject::Case {
            case_number: number.clone(),
            query_code: query_code.clone(),
        },
        Target::Service { code, .. } if d.window => ComplaintSubject::Window {
            service_code: code.clone(),
            place: d.place.clone(),
        },
        Target::Service { code, .. } => ComplaintSubject::Service {
            service_code: code.clone(),
        },
    };
    let submission = ComplaintSubmission {
        subject,
        category: d.category.unwrap_or(ComplaintCategory::Other),
        description: d.text.trim().to_string(),
        phone: d.phone.trim().to_string(),
    };
    let mut errors = Vec::new();
    if d.category.is_none() {
        errors.push(FieldError {
            field: "category".into(),
            message: t::CATEGORY_REQUIRED().into(),
        });
    }
    errors.extend(contract::check_complaint(&submission));
    if errors.is_empty() {
        Ok(submission)
    } else {
        Err(errors)
    }
}

#[component]
fn ComplaintForm(target: Target) -> impl IntoView {
    let form = form_id(&target);
    let typed = RwSignal::new(draft::load(&form));
    let sending = Sending::new();
    let errors = sending.errors;
    let navigate = use_navigate();
    let back = match &target {
        Target::Case { number, .. } => routes::case(number),
        Target::Service { code, .. } => routes::guide(code),
    };
    let title = target_title(&target);
    let lead = title.clone();
    let places = match &target {
        Target::Service { places, .. } => places.clone(),
        Target::Case { .. } => Vec::new(),
    };
    let about_case = matches!(target, Target::Case { .. });
    let stored = StoredValue::new((target, form));

    let save =
        move || stored.with_value(|(_, form)| draft::save_typed(form, &typed.get_untracked()));
    let edit = move |f: fn(&mut Draft, String)| {
        Callback::new(move |v: String| {
            typed.update(|d| f(d, v));
            save();
        })
    };
    let error_of = move |field: &'static str| {
        move || errors.with(|e| crate::components::form::error_for(e, field))
    };
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let (target, form) = stored.get_value();
        let submission = build(&target, &typed.get_untracked());
        if !sending.checked(submission.as_ref().err().cloned().unwrap_or_default()) {
            return;
        }
        let Ok(submission) = submission else { return };
        if let Ok(body) = serde_json::to_string(&submission) {
            let title = target_title(&target);
            let at = ("/api/complaints", Kind::Complaint);
            sending.send(form, at, body, move || title, navigate.clone());
        }
    };

    let category_error = error_of("category");
    let place_error = error_of("place");
    view! {
        <main id="main" class="page feedback track-page">
            <p class="case-back"><A href=back>{title.clone()}</A></p>
            <h1>{t::COMPLAIN_TITLE()}</h1>
            <p class="lead">{t::ABOUT()}{t::COLON()}{lead}</p>
            <ErrorSummary errors=errors message=sending.message/>
            <form on:submit=submit novalidate>
                {(!about_case).then(|| view! {
                    <fieldset class="choices">
                        <legend>{t::COMPLAIN_ABOUT()}</legend>
                        <div class="radio">
                            <input type="radio" id="about-service" name="about"
                                prop:checked=move || typed.with(|d| !d.window)
                                on:change=move |_| { typed.update(|d| d.window = false); save(); }/>
                            <label for="about-service">{t::ABOUT_SERVICE()}</label>
                        </div>
                        <div class="radio">
                            <input type="radio" id="about-window" name="about" disabled=places.is_empty()
                                prop:checked=move || typed.with(|d| d.window)
                                on:change=move |_| { typed.update(|d| d.window = true); save(); }/>
                            <label for="about-window">{t::ABOUT_WINDOW()}</label>
                        </div>
                    </fieldset>
                })}
                {move || typed.with(|d| d.window).then(|| {
                    let places = places.clone();
                    view! {
                        <div class="field" class:field-error=move || place_error().is_some()>
                            <label for=dom_id("place")>{t::PLACE()}</label>
                            {move || place_error().map(|m| view! { <p class="error-message" id="f-place-error">{m}</p> })}
                            <select id=dom_id("place")
                                aria-describedby=move || place_error().map(|_| "f-place-error")
                                on:change=move |ev| { let v = event_target_value(&ev); typed.update(|d| d.place = v); save(); }>
                                <option value="" selected=move || typed.with(|d| d.place.is_empty())>"—"</option>
                                {places.into_iter().map(|p| {
                                    let (value, chosen) = (p.clone(), p.clone());
                                    view! { <option value=value selected=move || typed.with(|d| d.place == chosen)>{p}</option> }
                                }).collect_view()}
                            </select>
                        </div>
                    }
                })}
                <fieldset class="choices" id=dom_id("category")
                    aria-describedby=move || category_error().map(|_| "f-category-error")>
                    <legend>{t::CATEGORY()}</legend>
                    {move || category_error().map(|m| view! { <p class="error-message" id="f-category-error">{m}</p> })}
                    {ComplaintCategory::ALL.into_iter().map(|c| {
                        let id = format!("category-{}", serde_json::to_string(&c).unwrap_or_default().trim_matches('"'));
                        view! {
                            <div class="radio">
                                <input type="radio" id=id.clone() name="category"
                                    prop:checked=move || typed.with(|d| d.category == Some(c))
                                    on:change=move |_| {
                                        typed.update(|d| d.category = Some(c));
                                        errors.update(|e| e.retain(|f| f.field != "category"));
                                        save();
                                    }/>
                                <label for=id>{t::complaint_category(c)}</label>
                            </div>
                        }
                    }).collect_view()}
                </fieldset>
                <TextArea field="description" label=t::DESCRIPTION() hint=t::DESCRIPTION_HINT()
                    value=Signal::derive(move || typed.with(|d| d.text.clone()))
                    on_input=edit(|d, v| d.text = v) errors=errors maxlength=contract::TEXT_MAX_CHARS/>
                {form_end(typed, edit(|d, v| d.phone = v), sending, t::SEND_COMPLAINT)}
            </form>
        </main>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_category_and_a_place_for_a_window_are_asked_for() {
        let service = Target::Service {
            code: "S1".into(),
            name: "甲".into(),
            places: vec!["一楼".into()],
        };
        let mut d = Draft {
            text: "窗口人员不耐烦".into(),
            window: true,
            ..Draft::default()
        };
        let fields = |r: Result<ComplaintSubmission, Vec<FieldError>>| -> Vec<String> {
            r.err()
                .unwrap_or_default()
                .into_iter()
                .map(|e| e.field)
                .collect()
        };
        assert_eq!(fields(build(&service, &d)), ["category", "place"]);
        d.category = Some(ComplaintCategory::Attitude);
        d.place = "一楼".into();
        let s = build(&service, &d).unwrap();
        assert_eq!(
            s.subject,
            ComplaintSubject::Window {
                service_code: "S1".into(),
                place: "一楼".into()
            }
        );
        d.window = false;
        assert!(matches!(
            build(&service, &d).unwrap().subject,
            ComplaintSubject::Service { .. }
        ));
        let case = Target::Case {
            number: "2026113000001".into(),
            query_code: "AB3K7MNP".into(),
            service_name: "甲".into(),
        };
        assert!(matches!(
            build(&case, &d).unwrap().subject,
            ComplaintSubject::Case { .. }
        ));
    }
}
