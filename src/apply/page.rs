//! `/apply/{code}/{draft}/{step}`: the question pages. Loads the guide, the form definition and
//! the draft once, saves the draft on every change, and shows one step at a time.

use contract::{FieldError, FormDefinition, Service};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use super::draft::{self, Draft};
use super::steps::{errors_on, next, previous, steps_for, Step};
use super::{check, delivery, materials, questions};
use crate::api::{self, ApiErr};
use crate::components::form::{focus_error_summary, ErrorSummary};
use crate::components::{set_title, AsyncView};
use crate::i18n::t;
use crate::routes::{self, ApplyParams};
use crate::today::today_in_china;

/// Everything a step needs, shared through context.
#[derive(Clone, Copy)]
pub struct ApplyCtx {
    pub service: StoredValue<Service>,
    pub form: StoredValue<FormDefinition>,
    pub draft: RwSignal<Draft>,
    /// Errors are shown only after the citizen tried to continue, then they update live.
    pub show_errors: RwSignal<bool>,
    /// A message when the device could not save the draft.
    pub save_problem: RwSignal<Option<&'static str>>,
}

impl ApplyCtx {
    pub fn steps(&self) -> Vec<Step> {
        self.service
            .with_value(|s| self.form.with_value(|f| steps_for(s, f)))
    }

    pub fn errors(&self, step: Step) -> Vec<FieldError> {
        let d = self.draft.get();
        self.service.with_value(|s| {
            self.form
                .with_value(|f| errors_on(step, &d, s, f, today_in_china()))
        })
    }

    pub fn href(&self, step: Step) -> String {
        self.draft
            .with_untracked(|d| routes::apply_step(&d.service_code, &d.id, step))
    }

    pub fn update(&self, f: impl FnOnce(&mut Draft)) {
        self.draft.update(|d| {
            f(d);
            d.updated_ms = crate::browser::now_ms();
        });
    }
}

async fn load(
    code: String,
    draft_id: String,
) -> Result<(Service, FormDefinition, Draft, Option<&'static str>), ApiErr> {
    let service: Service = api::service(&code).await?.value;
    let form: FormDefinition = api::service_form(&code).await?;
    let (draft, problem) = match draft::load(&draft_id).await {
        Ok(Some(d)) if d.service_code == service.code => (d, None),
        Ok(_) => (
            Draft::new(
                draft_id,
                &service.code,
                &service.name,
                crate::browser::now_ms(),
            ),
            None,
        ),
        Err(e) => (
            Draft::new(
                draft_id,
                &service.code,
                &service.name,
                crate::browser::now_ms(),
            ),
            Some(e.message()),
        ),
    };
    Ok((service, form, draft, problem))
}

#[component]
pub fn ApplyPage() -> impl IntoView {
    let params = routes::params::<ApplyParams>();
    let step = Memo::new(move |_| {
        params.with(|p| {
            p.as_ref()
                .and_then(|p| p.step.as_deref())
                .and_then(Step::from_slug)
        })
    });
    // 开始申报 (`routes::apply_new`) asks for a new draft: it gets its id here, which then
    // replaces `new` in the address, so a reload or the back button returns to this draft and
    // not to yet another new one.
    let fresh_id = StoredValue::new(None::<String>);
    let is_new = move |p: &Option<ApplyParams>| {
        p.as_ref()
            .is_some_and(|p| p.draft.as_deref() == Some(routes::NEW_DRAFT))
    };
    // Reload only when the service or draft changes, not on every step.
    let key = Memo::new(move |_| {
        let p = params.get();
        let field =
            |f: fn(ApplyParams) -> Option<String>| p.clone().and_then(f).unwrap_or_default();
        let id = if is_new(&p) {
            fresh_id.get_value().unwrap_or_else(|| {
                let made = crate::storage::new_id("d");
                fresh_id.set_value(Some(made.clone()));
                made
            })
        } else {
            field(|p| p.draft)
        };
        (field(|p| p.code), id)
    });
    let navigate = use_navigate();
    Effect::new(move |_| {
        if params.with(is_new) {
            let (code, id) = key.get_untracked();
            let step = step.get_untracked().unwrap_or(Step::Notice);
            navigate(
                &routes::apply_step(&code, &id, step),
                leptos_router::NavigateOptions {
                    replace: true,
                    ..Default::default()
                },
            );
        }
    });
    let loaded = LocalResource::new(move || {
        let (code, id) = key.get();
        load(code, id)
    });
    view! {
        <main id="main" class="page apply">
            <AsyncView resource=loaded page=true ok={move |(service, form, draft, problem)| {
                let ctx = ApplyCtx {
                    service: StoredValue::new(service),
                    form: StoredValue::new(form),
                    draft: RwSignal::new(draft),
                    show_errors: RwSignal::new(false),
                    save_problem: RwSignal::new(problem),
                };
                provide_context(ctx);
                autosave(ctx);
                view! { <Steps step=step/> }
            }}/>
        </main>
    }
}

/// Saves the draft on the device after every change.
pub(crate) fn autosave(ctx: ApplyCtx) {
    Effect::new(move |first: Option<()>| {
        let d = ctx.draft.get();
        if first.is_none() && d.updated_ms == d.created_ms {
            return;
        }
        leptos::task::spawn_local(async move {
            let problem = draft::save(&d).await.err().map(|e| e.message());
            ctx.save_problem.set(problem);
        });
    });
}

#[component]
fn Steps(step: Memo<Option<Step>>) -> impl IntoView {
    let ctx = expect_context::<ApplyCtx>();
    let navigate = use_navigate();
    move || {
        let steps = ctx.steps();
        let Some(current) = step.get().filter(|s| steps.contains(s)) else {
            return view! { <p>{t::NOT_FOUND_BODY()}</p> }.into_any();
        };
        let name = ctx.service.with_value(|s| s.name.clone());
        set_title(&format!("{} - {}", step_title(current), name));
        let index = steps.iter().position(|s| *s == current).unwrap_or(0);
        let back = previous(&steps, current).map(|p| ctx.href(p));
        let nav = navigate.clone();
        let go_next = move |_| {
            if current == Step::Check {
                return;
            }
            if !ctx.errors(current).is_empty() {
                ctx.show_errors.set(true);
                focus_error_summary();
                return;
            }
            ctx.show_errors.set(false);
            if let Some(n) = next(&ctx.steps(), current) {
                nav(&ctx.href(n), Default::default());
                scroll_to_top();
            }
        };
        let errors = Signal::derive(move || {
            if ctx.show_errors.get() {
                ctx.errors(current)
            } else {
                Vec::new()
            }
        });
        view! {
            {back.map(|href| view! { <a class="back-link" href=href>{t::BACK()}</a> })}
            <p class="step-count">{t::step_of(index + 1, steps.len())}" · "{name}</p>
            {move || ctx.save_problem.get().map(|m| view! { <p class="notice" role="status">{m}</p> })}
            <ErrorSummary errors=errors/>
            <h1>{step_title(current)}</h1>
            {match current {
                Step::Notice => questions::notice(errors).into_any(),
                Step::Situation => questions::situation(errors).into_any(),
                Step::Applicant => questions::applicant(errors).into_any(),
                Step::Details => questions::details(errors).into_any(),
                Step::Materials => materials::materials(errors).into_any(),
                Step::Delivery => delivery::delivery(errors).into_any(),
                Step::Check => check::check().into_any(),
            }}
            {(current != Step::Check).then(|| view! {
                <div class="actions step-actions">
                    <button type="button" class="button" on:click=go_next>{t::CONTINUE()}</button>
                </div>
                <p class="note">{t::DRAFT_SAVED_NOTE()}</p>
            })}
        }
        .into_any()
    }
}

pub fn scroll_to_top() {
    if let Some(w) = crate::browser::window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

pub fn step_title(step: Step) -> &'static str {
    match step {
        Step::Notice => t::STEP_NOTICE(),
        Step::Situation => t::STEP_SITUATION(),
        Step::Applicant => t::STEP_APPLICANT(),
        Step::Details => t::STEP_DETAILS(),
        Step::Materials => t::STEP_MATERIALS(),
        Step::Delivery => t::STEP_DELIVERY(),
        Step::Check => t::STEP_CHECK(),
    }
}
