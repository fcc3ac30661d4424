//! `/bundles/{id}/apply` (start or continue) and `/bundles/{id}/apply/{draft}/{step}` (one
//! page at a time). The pages given once are the apply module's, over the bundle as one
//! service; each service's page is the apply module's details page over that service's form.

use std::sync::Arc;

use contract::{BundleGuide, FormDefinition};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

use super::model::{field_key, Loaded, Page};
use crate::api::{self, ApiErr};
use crate::apply::check::{row, submit_block, uploaded_id, Submit};
use crate::apply::draft::{self, Draft};
use crate::apply::materials::uploadable;
use crate::apply::page::{autosave, scroll_to_top, ApplyCtx};
use crate::apply::{delivery, materials, questions};
use crate::components::form::{focus_error_summary, ErrorSummary};
use crate::components::{set_title, AsyncView};
use crate::i18n::t;
use crate::routes::{self, BundleApplyParams};
use crate::storage::new_id;
use crate::today::today_in_china;

/// `GET /api/bundles/{id}` and the form of each service.
async fn load_bundle(id: String) -> Result<Loaded, ApiErr> {
    let guide: BundleGuide = api::get(&format!("/api/bundles/{}", routes::encode(&id))).await?;
    let mut services = Vec::new();
    for s in guide.services {
        let form = match api::service_form(&s.code).await {
            Ok(form) => form,
            // A service without an online form: the backend names it when submitted.
            Err(ApiErr::NotFound) => FormDefinition {
                service_code: s.code.clone(),
                fields: Vec::new(),
            },
            Err(e) => return Err(e),
        };
        services.push((s, form));
    }
    Ok(Loaded {
        bundle: guide.bundle,
        services,
    })
}

fn draft_of(id: String, l: &Loaded) -> Draft {
    let mut d = Draft::new(id, &l.bundle.id, &l.bundle.name, crate::browser::now_ms());
    d.bundle_id = l.bundle.id.clone();
    d
}

async fn load(
    id: String,
    draft_id: String,
) -> Result<(Loaded, Draft, Option<&'static str>), ApiErr> {
    let l = load_bundle(id).await?;
    let (d, problem) = match draft::load(&draft_id).await {
        Ok(Some(d)) if d.bundle_id == l.bundle.id => (d, None),
        Ok(_) => (draft_of(draft_id, &l), None),
        Err(e) => (draft_of(draft_id, &l), Some(e.message())),
    };
    Ok((l, d, problem))
}

fn bundle_id() -> String {
    routes::params::<BundleApplyParams>()
        .get_untracked()
        .and_then(|p| p.id)
        .unwrap_or_default()
}

#[component]
pub fn BundleApplyStartPage() -> impl IntoView {
    let id = bundle_id();
    let loaded = LocalResource::new({
        let id = id.clone();
        move || load_bundle(id.clone())
    });
    let drafts = LocalResource::new(|| async {
        draft::list(crate::browser::now_ms())
            .await
            .unwrap_or_default()
    });
    let navigate = use_navigate();
    let query = leptos_router::hooks::use_query_map();
    view! {
        <main id="main" class="page">
            <AsyncView resource=loaded page=true ok=move |l: Loaded| {
                set_title(&l.bundle.name);
                let services: Vec<(String, String)> = l
                    .applicable(&[])
                    .into_iter()
                    .map(|(s, _)| (s.name.clone(), s.department.clone()))
                    .collect();
                let b2 = l.bundle.id.clone();
                // The answers chosen on the guide (`?s=`) start the draft.
                let raw = query.with_untracked(|q| q.get("s").unwrap_or_default());
                let mut fresh = draft_of(String::new(), &l);
                fresh.situation = crate::bundles::situation::parse_answers(&l.bundle.situations, &raw);
                let navigate = navigate.clone();
                let start = move |_| {
                    let mut d = fresh.clone();
                    d.id = new_id("d");
                    let first = routes::bundle_apply_step(&d.bundle_id, &d.id, &Page::Notice.slug());
                    let navigate = navigate.clone();
                    leptos::task::spawn_local(async move {
                        // Not kept (private mode, full disk): the page starts a draft itself.
                        let _ = draft::save(&d).await;
                        navigate(&first, NavigateOptions { replace: true, ..Default::default() });
                    });
                };
                let mine = move || {
                    drafts.get().map(|list| {
                        list.into_iter()
                            .filter(|d| d.bundle_id == b2)
                            .map(|d| {
                                let href = routes::bundle_apply_step(&d.bundle_id, &d.id, &Page::Notice.slug());
                                view! { <li><a href=href>{t::BUNDLE_APPLY_CONTINUE()}</a></li> }
                            })
                            .collect_view()
                    })
                };
                view! {
                    <h1>{l.bundle.name.clone()}</h1>
                    <p class="lead">{t::BUNDLE_APPLY_LEAD()}</p>
                    <p>{t::BUNDLE_WILL_APPLY()}</p>
                    <ul class="bundle-services">
                        {services.into_iter().map(|(name, dept)| view! {
                            <li>{name}<span class="bundle-dept">{dept}</span></li>
                        }).collect_view()}
                    </ul>
                    <button type="button" class="button" on:click=start>{t::BUNDLE_APPLY_START()}</button>
                    <ul class="bundle-drafts">{mine}</ul>
                }
            }/>
        </main>
    }
}

#[component]
pub fn BundleApplyPage() -> impl IntoView {
    let params = routes::params::<BundleApplyParams>();
    let page = Memo::new(move |_| {
        params.with(|p| {
            p.as_ref()
                .and_then(|p| p.step.as_deref())
                .and_then(Page::from_slug)
        })
    });
    // Reload only when the bundle or the draft changes, not on every step.
    let key = Memo::new(move |_| {
        let p = params.get();
        let field =
            |f: fn(BundleApplyParams) -> Option<String>| p.clone().and_then(f).unwrap_or_default();
        (field(|p| p.id), field(|p| p.draft))
    });
    let loaded = LocalResource::new(move || {
        let (id, draft) = key.get();
        load(id, draft)
    });
    view! {
        <main id="main" class="page apply">
            <AsyncView resource=loaded page=true ok=move |(l, d, problem): (Loaded, Draft, Option<&'static str>)| {
                let whole = l.whole(&d);
                let Some(whole) = whole else {
                    return view! { <p>{t::BUNDLE_NOT_FOUND()}</p> }.into_any();
                };
                let base = ApplyCtx {
                    service: StoredValue::new(whole),
                    form: StoredValue::new(FormDefinition { service_code: l.bundle.id.clone(), fields: Vec::new() }),
                    draft: RwSignal::new(d),
                    show_errors: RwSignal::new(false),
                    save_problem: RwSignal::new(problem),
                };
                autosave(base);
                view! { <Steps page=page base=base loaded=StoredValue::new(l)/> }.into_any()
            }/>
        </main>
    }
}

fn title(l: &Loaded, page: &Page) -> String {
    match page {
        Page::Notice => t::STEP_NOTICE().into(),
        Page::Situation => t::BUNDLE_SITUATION_TITLE().into(),
        Page::Applicant => t::STEP_APPLICANT().into(),
        Page::Service(code) => l
            .services
            .iter()
            .find(|(s, _)| s.code == *code)
            .map(|(s, _)| s.name.clone())
            .unwrap_or_default(),
        Page::Materials => t::STEP_MATERIALS().into(),
        Page::Delivery => t::STEP_DELIVERY().into(),
        Page::Check => t::STEP_CHECK().into(),
    }
}

#[component]
fn Steps(page: Memo<Option<Page>>, base: ApplyCtx, loaded: StoredValue<Loaded>) -> impl IntoView {
    let navigate = use_navigate();
    move || {
        let d = base.draft.get_untracked();
        let pages = loaded.with_value(|l| l.pages(&d));
        let Some(current) = page.get().filter(|p| pages.contains(p)) else {
            return view! { <p>{t::NOT_FOUND_BODY()}</p> }.into_any();
        };
        // Each page draws the apply module's pages over its own service and form: the bundle
        // as one service, or the service whose questions it asks.
        let (whole, form, bundle_id, name) = loaded.with_value(|l| {
            let form = match &current {
                Page::Service(code) => l.service_form(code),
                _ => None,
            };
            (
                l.whole(&d),
                form,
                l.bundle.id.clone(),
                l.bundle.name.clone(),
            )
        });
        if let Some(whole) = whole {
            base.service.set_value(whole);
        }
        let empty = FormDefinition {
            service_code: bundle_id.clone(),
            fields: Vec::new(),
        };
        let ctx = ApplyCtx {
            form: StoredValue::new(form.unwrap_or(empty)),
            ..base
        };
        provide_context(ctx);
        let heading = loaded.with_value(|l| title(l, &current));
        set_title(&format!("{heading} - {name}"));
        let index = pages.iter().position(|p| *p == current).unwrap_or(0);
        let href = {
            let (b, id) = (bundle_id.clone(), d.id.clone());
            move |p: &Page| routes::bundle_apply_step(&b, &id, &p.slug())
        };
        let back = index.checked_sub(1).and_then(|i| pages.get(i)).map(&href);
        let next = pages.get(index + 1).map(&href);
        let errors_now = {
            let current = current.clone();
            move || {
                loaded.with_value(|l| {
                    l.errors_on(&current, &ctx.draft.get_untracked(), today_in_china())
                })
            }
        };
        let nav = navigate.clone();
        let go_next = {
            let errors_now = errors_now.clone();
            move |_| {
                if !errors_now().is_empty() {
                    ctx.show_errors.set(true);
                    focus_error_summary();
                    return;
                }
                ctx.show_errors.set(false);
                if let Some(n) = &next {
                    nav(n, Default::default());
                    scroll_to_top();
                }
            }
        };
        let errors = {
            let current = current.clone();
            Signal::derive(move || {
                if ctx.show_errors.get() {
                    loaded.with_value(|l| l.errors_on(&current, &ctx.draft.get(), today_in_china()))
                } else {
                    Vec::new()
                }
            })
        };
        let body = match &current {
            Page::Notice => questions::notice(errors).into_any(),
            Page::Situation => questions::situation(errors).into_any(),
            Page::Applicant => questions::applicant(errors).into_any(),
            Page::Service(code) => {
                let dept = loaded.with_value(|l| {
                    l.services
                        .iter()
                        .find(|(s, _)| s.code == *code)
                        .map(|(s, _)| s.department.clone())
                });
                view! {
                    <p class="lead">{t::bundle_service_intro(&dept.unwrap_or_default())}</p>
                    {questions::details(errors)}
                }
                .into_any()
            }
            Page::Materials => materials::materials(errors).into_any(),
            Page::Delivery => delivery::delivery(errors).into_any(),
            Page::Check => check(ctx, loaded, href.clone()).into_any(),
        };
        let is_check = current == Page::Check;
        view! {
            {back.map(|href| view! { <a class="back-link" href=href>{t::BACK()}</a> })}
            <p class="step-count">{t::step_of(index + 1, pages.len())}" · "{name.clone()}</p>
            {move || ctx.save_problem.get().map(|m| view! { <p class="notice" role="status">{m}</p> })}
            {(!is_check).then(|| view! { <ErrorSummary errors=errors/> })}
            <h1>{heading}</h1>
            {body}
            {(!is_check).then(|| view! {
                <div class="actions step-actions">
                    <button type="button" class="button" on:click=go_next.clone()>{t::CONTINUE()}</button>
                </div>
                <p class="note">{t::DRAFT_SAVED_NOTE()}</p>
            })}
        }
        .into_any()
    }
}

/// 核对信息 of the whole application, then one submission of it.
fn check(
    ctx: ApplyCtx,
    loaded: StoredValue<Loaded>,
    href: impl Fn(&Page) -> String,
) -> impl IntoView {
    let d = ctx.draft.get_untracked();
    let l = loaded.get_value();
    let situation = l
        .bundle
        .situations
        .iter()
        .flat_map(|q| &q.options)
        .filter(|o| d.situation.contains(&o.id))
        .map(|o| o.label.clone())
        .collect::<Vec<_>>()
        .join(t::SEMI());
    let mut rows = Vec::new();
    if !l.bundle.situations.is_empty() {
        rows.push((
            t::BUNDLE_SITUATION_TITLE().to_string(),
            situation,
            href(&Page::Situation),
        ));
    }
    let applicant = href(&Page::Applicant);
    for (label, value) in crate::apply::legal_person::check_rows(&d) {
        rows.push((label, value, applicant.clone()));
    }
    rows.push((
        crate::apply::legal_person::name_label(&d).into(),
        d.applicant.name.clone(),
        applicant.clone(),
    ));
    rows.push((
        t::ID_NUMBER().into(),
        contract::validate::mask_id_number(d.applicant.id_number.trim()),
        applicant.clone(),
    ));
    rows.push((
        t::PHONE().into(),
        d.applicant.phone.clone(),
        applicant.clone(),
    ));
    rows.push((
        t::ADDRESS().into(),
        d.applicant.address.clone(),
        applicant.clone(),
    ));
    if d.has_agent {
        let label = crate::apply::legal_person::agent_label(&d);
        rows.push((label.into(), d.agent.name.clone(), applicant));
    }
    // Each service's answers under its name, as its own page asked them.
    let mut groups = Vec::new();
    for (s, f) in l.applicable(&d.situation) {
        let to = href(&Page::Service(s.code.clone()));
        let answers: Vec<_> = f
            .fields
            .iter()
            .map(|field| {
                let value = d.field(&field_key(&s.code, &field.id));
                row(field.label.clone(), value, to.clone())
            })
            .collect();
        groups.push(view! {
            <div class="check-row check-group"><dt>{s.name.clone()}</dt><dd></dd></div>
            {answers}
        });
    }
    let once: Vec<_> = rows
        .drain(..)
        .map(|(label, value, to)| row(label, value, to))
        .collect();
    let to = href(&Page::Materials);
    for m in uploadable(&ctx) {
        let n = d.pages.iter().filter(|p| p.material_id == m.id).count();
        rows.push((m.name, t::pages_count(n), to.clone()));
    }
    let delivery = if d.delivery.by_post {
        format!("{}{}{}", t::DELIVERY_POST(), t::COLON(), d.delivery.address)
    } else {
        t::DELIVERY_WINDOW().into()
    };
    rows.push((t::STEP_DELIVERY().into(), delivery, href(&Page::Delivery)));
    let after: Vec<_> = rows
        .into_iter()
        .map(|(label, value, to)| row(label, value, to))
        .collect();
    // Given once first, then each service's own, then the materials and delivery.
    let rows = view! { {once}{groups}{after} }.into_any();
    let errors =
        Signal::derive(move || loaded.with_value(|l| l.errors(&ctx.draft.get(), today_in_china())));
    let submit = Submit {
        path: "/api/bundle-applications",
        body: Arc::new(move |d: &Draft| serde_json::to_string(&l.application(d, uploaded_id)).ok()),
    };
    submit_block(ctx, errors, rows, submit)
}
