//! 好差评: once a case is concluded, the citizen rates it once (一事一评): five grades, a reason
//! required for 不满意 and 非常不满意, an optional comment.

use contract::{CaseView, Rating, RatingSubmission};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::case_error;
use crate::api::{self, ApiErr};
use crate::components::form::{dom_id, focus_error_summary, ErrorSummary};
use crate::i18n::t;

/// The form's field ids, as the backend names them in its field errors.
const SCORE_FIELD: &str = "rating.score";
const REASON_FIELD: &str = "rating.reason";

/// The grades, best first, as the form lists them.
pub const SCORES: [u8; 5] = [5, 4, 3, 2, 1];

/// Errors beside the grade and the reason; both `None` means the rating may be sent.
pub fn check(score: Option<u8>, reason: &str) -> (Option<&'static str>, Option<&'static str>) {
    match score {
        None => (Some(t::RATING_SCORE_REQUIRED()), None),
        Some(1 | 2) if reason.trim().is_empty() => (None, Some(t::RATING_REASON_REQUIRED())),
        Some(_) => (None, None),
    }
}

fn needs_reason(score: Option<u8>) -> bool {
    matches!(score, Some(1 | 2))
}

#[component]
pub fn RatingSection(
    case_number: String,
    query_code: String,
    rating: Option<Rating>,
    on_rated: Callback<CaseView>,
) -> impl IntoView {
    view! {
        <section class="section rating" aria-labelledby="rating-title">
            <h2 id="rating-title">{t::RATING_TITLE()}</h2>
            {match rating {
                Some(r) => given(r).into_any(),
                None => view! { <RatingForm case_number query_code on_rated/> }.into_any(),
            }}
        </section>
    }
}

fn given(r: Rating) -> impl IntoView {
    view! {
        <p class="rating-given">{t::your_rating(t::rating_label(r.score))}</p>
        {(!r.reason.is_empty()).then(|| view! { <p>{t::RATING_REASON_SHORT()}{t::COLON()}{r.reason.clone()}</p> })}
        {(!r.comment.is_empty()).then(|| view! { <p>{t::RATING_COMMENT_SHORT()}{t::COLON()}{r.comment.clone()}</p> })}
        <p class="note">{t::RATING_ONCE()}</p>
    }
}

#[component]
fn RatingForm(
    case_number: String,
    query_code: String,
    on_rated: Callback<CaseView>,
) -> impl IntoView {
    let score = RwSignal::new(None::<u8>);
    let reason = RwSignal::new(String::new());
    let comment = RwSignal::new(String::new());
    let score_error = RwSignal::new(None::<&'static str>);
    let reason_error = RwSignal::new(None::<&'static str>);
    let form_error = RwSignal::new(None::<String>);
    let sending = RwSignal::new(false);
    let ids = StoredValue::new((case_number, query_code));
    // The summary at the top lists what the messages beside the fields say, linking to them.
    let summary = Signal::derive(move || {
        [
            (SCORE_FIELD, score_error.get()),
            (REASON_FIELD, reason_error.get()),
        ]
        .into_iter()
        .filter_map(|(field, message)| {
            message.map(|m| contract::FieldError {
                field: field.into(),
                message: m.into(),
            })
        })
        .collect::<Vec<_>>()
    });

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if sending.get_untracked() {
            return;
        }
        form_error.set(None);
        let chosen = score.get_untracked();
        let (se, re) = check(chosen, &reason.get_untracked());
        score_error.set(se);
        reason_error.set(re);
        let Some(chosen) = chosen.filter(|_| se.is_none() && re.is_none()) else {
            focus_error_summary();
            return;
        };
        let (case_number, query_code) = ids.get_value();
        let body = RatingSubmission {
            case_number,
            query_code,
            rating: Rating {
                score: chosen,
                reason: if needs_reason(Some(chosen)) {
                    reason.get_untracked().trim().to_string()
                } else {
                    String::new()
                },
                comment: comment.get_untracked().trim().to_string(),
            },
        };
        sending.set(true);
        spawn_local(async move {
            let result: Result<CaseView, ApiErr> =
                api::post("/api/cases/rating", &body, None).await;
            sending.set(false);
            match result {
                Ok(view) => {
                    on_rated.try_run(view);
                }
                Err(ApiErr::Rejected(e)) => {
                    for f in &e.fields {
                        match f.field.as_str() {
                            REASON_FIELD => reason_error.set(Some(t::RATING_REASON_REQUIRED())),
                            SCORE_FIELD => score_error.set(Some(t::RATING_SCORE_REQUIRED())),
                            _ => {}
                        }
                    }
                    form_error.set(Some(e.message));
                    focus_error_summary();
                }
                Err(e) => {
                    form_error.set(Some(case_error(&e)));
                    focus_error_summary();
                }
            }
        });
    };

    view! {
        <form class="rating-form" on:submit=submit novalidate>
            <ErrorSummary errors=summary message=form_error/>
            <fieldset class="rating-scores" id=dom_id(SCORE_FIELD) tabindex="-1" aria-describedby=move || score_error.with(Option::is_some).then_some("rating-score-error")>
                <legend>{t::RATING_LEGEND()}</legend>
                {SCORES.into_iter().map(|s| {
                    let id = format!("rating-{s}");
                    view! {
                        <div class="radio">
                            <input type="radio" id=id.clone() name="rating-score" value=s.to_string()
                                prop:checked=move || score.get() == Some(s)
                                on:change=move |_| {
                                    score.set(Some(s));
                                    score_error.set(None);
                                }/>
                            <label for=id>{t::rating_label(s)}</label>
                        </div>
                    }
                }).collect_view()}
                {move || score_error.get().map(|m| view! { <p class="error-message" id="rating-score-error">{m}</p> })}
            </fieldset>
            {move || needs_reason(score.get()).then(|| view! {
                <div class="field">
                    <label for=dom_id(REASON_FIELD)>{t::RATING_REASON()}</label>
                    <textarea id=dom_id(REASON_FIELD) rows="3" maxlength="500" required
                        aria-describedby=move || reason_error.with(Option::is_some).then_some("rating-reason-error")
                        aria-invalid=move || reason_error.with(Option::is_some).then_some("true")
                        prop:value=move || reason.get()
                        on:input=move |ev| {
                            reason.set(event_target_value(&ev));
                            reason_error.set(None);
                        }></textarea>
                    {move || reason_error.get().map(|m| view! { <p class="error-message" id="rating-reason-error">{m}</p> })}
                </div>
            })}
            <div class="field">
                <label for="rating-comment">{t::RATING_COMMENT()}</label>
                <textarea id="rating-comment" rows="3" maxlength="500"
                    prop:value=move || comment.get()
                    on:input=move |ev| comment.set(event_target_value(&ev))></textarea>
            </div>
            <button type="submit" class="button wide" disabled=move || sending.get()>
                {move || if sending.get() { t::SUBMITTING() } else { t::SUBMIT_RATING() }}
            </button>
            <p class="note">{t::RATING_ONCE()}</p>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reason_is_required_for_the_two_lowest_grades() {
        assert_eq!(check(None, ""), (Some(t::RATING_SCORE_REQUIRED()), None));
        assert_eq!(check(Some(2), "  "), (None, Some("请填写不满意的原因")));
        assert_eq!(check(Some(1), ""), (None, Some("请填写不满意的原因")));
        assert_eq!(check(Some(1), "等太久"), (None, None));
        assert_eq!(check(Some(3), ""), (None, None));
        assert_eq!(check(Some(5), ""), (None, None));
        let labels: Vec<_> = SCORES.iter().map(|s| t::rating_label(*s)).collect();
        assert_eq!(
            labels,
            ["非常满意", "满意", "基本满意", "不满意", "非常不满意"]
        );
    }
}
