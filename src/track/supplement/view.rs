//! The 补正 section of the case page: each flagged material with its reason and its pages, the
//! progress, and the button that sends them.

use contract::{SupplementItem, SupplementSubmission};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::ready::{pages_of, readiness, Readiness};
use super::store::{forget, CasePages};
use crate::api::{self, ApiErr};
use crate::components::form::{dom_id, focus_error_summary, ErrorSummary};
use crate::components::material_pages::{material_pages, PageStore};
use crate::i18n::t;
use crate::storage::uploads;
use crate::track::case_error;

#[component]
pub fn SupplementSection(
    case_number: String,
    query_code: String,
    items: Vec<SupplementItem>,
    on_done: Callback<contract::CaseView>,
) -> impl IntoView {
    uploads::resume_all();
    let store = CasePages::new(&case_number);
    let code = StoredValue::new(query_code);
    let items = StoredValue::new(items);
    let queue = uploads::items();
    let submitting = RwSignal::new(false);
    let form_error = RwSignal::new(None::<String>);

    let submit = move |_| {
        if submitting.get_untracked() {
            return;
        }
        form_error.set(None);
        let ready = items
            .with_value(|items| queue.with_untracked(|q| readiness(items, &store.current(), q)));
        let materials = match ready {
            Ok(m) => m,
            Err(Readiness::Missing(ids)) => {
                items.with_value(|items| {
                    for item in items.iter().filter(|i| ids.contains(&i.material_id)) {
                        store.set_message(
                            &item.material_id,
                            Some(t::upload_this(&item.material_name)),
                        );
                    }
                });
                form_error.set(Some(t::SUPPLEMENT_INCOMPLETE().into()));
                focus_error_summary();
                return;
            }
            Err(Readiness::Uploading) => {
                form_error.set(Some(t::SUPPLEMENT_WAIT().into()));
                focus_error_summary();
                return;
            }
        };
        submitting.set(true);
        let body = SupplementSubmission {
            case_number: store.case_number(),
            query_code: code.get_value(),
            materials,
        };
        spawn_local(async move {
            let result: Result<contract::CaseView, ApiErr> =
                api::post("/api/cases/supplement", &body, None).await;
            submitting.set(false);
            match result {
                Ok(view) => {
                    forget(&body.case_number);
                    on_done.try_run(view);
                }
                Err(ApiErr::Rejected(e)) => {
                    for f in &e.fields {
                        if let Some(id) = contract::parse_material_field(&f.field) {
                            store.set_message(id, Some(f.message.clone()));
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

    let done_count = move || {
        let pages = store.pages();
        items.with_value(|items| {
            queue.with(|q| {
                items
                    .iter()
                    .filter(|i| !pages_of(&pages, q, &i.material_id).uploaded.is_empty())
                    .count()
            })
        })
    };
    let total = items.with_value(Vec::len);
    // The summary lists each material's problem (also shown beside it), linking to it.
    let summary = Signal::derive(move || {
        items.with_value(|items| {
            items
                .iter()
                .filter_map(|i| {
                    store
                        .message(&i.material_id)
                        .map(|message| contract::FieldError {
                            field: contract::material_field(&i.material_id),
                            message,
                        })
                })
                .collect::<Vec<_>>()
        })
    });

    view! {
        <section class="section supplement" aria-labelledby="supp-title">
            <h2 id="supp-title">{t::SUPPLEMENT_TITLE()}</h2>
            <ErrorSummary errors=summary message=form_error/>
            <p>{t::SUPPLEMENT_INTRO()}</p>
            <ol class="supp-items">
                {items.get_value().into_iter().map(|item| flagged_material(store, item)).collect_view()}
            </ol>
            <p class="note" role="status">{move || t::supplement_progress(done_count(), total)}</p>
            <button type="button" class="button wide" disabled=move || submitting.get() on:click=submit>
                {move || if submitting.get() { t::SUBMITTING() } else { t::SUBMIT_SUPPLEMENT() }}
            </button>
        </section>
    }
}

fn flagged_material(store: CasePages, item: SupplementItem) -> impl IntoView {
    let material_id = item.material_id.clone();
    let error = {
        let material_id = material_id.clone();
        Signal::derive(move || store.message(&material_id))
    };
    view! {
        <li class="material-upload flagged" id=dom_id(&contract::material_field(&item.material_id))>
            <h3>{item.material_name.clone()}</h3>
            <p class="supp-reason"><strong>{t::SUPPLEMENT_REASON()}{t::COLON()}</strong>{item.reason.clone()}</p>
            {material_pages(store, material_id, item.material_name.clone(), error)}
        </li>
    }
}
