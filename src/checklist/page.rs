//! `/checklists/{code}`: everything to bring and know, told once. With situations, the citizen
//! answers first and sees only what applies (精准告知). Ticks stay on the device.

use contract::{MaterialSource, Service};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use super::situation::{all_answered, answer, parse_answers, question_fieldsets};
use crate::components::{ServicePage, ShareBox};
use crate::guide::parts;
use crate::i18n::t;
use crate::routes;
use crate::storage::local;

#[component]
pub fn ChecklistPage() -> impl IntoView {
    view! {
        <ServicePage class="checklist" title_suffix=t::ENTRY_CHECKLIST()
            render=|s| view! { <Checklist service=s/> }.into_any()/>
    }
}

#[component]
fn Checklist(service: Service) -> impl IntoView {
    let service = StoredValue::new(service);
    let query = use_query_map();
    let navigate = use_navigate();
    let answers = Memo::new(move |_| {
        let raw = query.with(|q| q.get("s").unwrap_or_default());
        service.with_value(|s| parse_answers(&s.situations, &raw))
    });
    let code = service.with_value(|s| s.code.clone());
    let ticks_key = format!("ticks.{code}");
    // Ticks are properties, not in the server's markup, so the device's come in at once, with
    // any box ticked before the app took over the page.
    let mut saved = local::get::<Vec<String>>(&ticks_key).unwrap_or_default();
    service.with_value(|s| {
        for m in &s.materials {
            if !saved.contains(&m.id) && crate::browser::is_ticked(&format!("tick-{}", m.id)) {
                saved.push(m.id.clone());
            }
        }
    });
    let ticks = RwSignal::new(saved);
    Effect::new(move |_| {
        ticks.with(|v| local::set(&ticks_key, v));
    });
    let choose = move |question: String, option: String| {
        let next = service
            .with_value(|s| answer(&s.situations, &answers.get_untracked(), &question, &option));
        let path = service.with_value(|s| routes::checklist(&s.code, &next));
        navigate(
            &path,
            NavigateOptions {
                replace: true,
                scroll: false,
                ..Default::default()
            },
        );
    };
    let share_path = Signal::derive(move || {
        answers.with(|a| service.with_value(|s| routes::checklist(&s.code, a)))
    });
    view! {
        <h1>{service.with_value(|s| s.name.clone())}</h1>
        <p class="lead">{t::ENTRY_CHECKLIST()}" · "{service.with_value(|s| s.department_en.clone().unwrap_or_else(|| s.department.clone()))}</p>
        {service.with_value(|s| question_fieldsets(&s.situations, "situation no-print-if-answered", answers, choose))}
        {move || {
            let chosen = answers.get();
            service.with_value(|s| {
                if !all_answered(s, &chosen) {
                    return view! { <p class="notice" role="status">{t::ANSWER_FIRST()}</p> }.into_any();
                }
                body(s, &chosen, ticks).into_any()
            })
        }}
        <ShareBox path=share_path/>
    }
}

fn body(s: &Service, chosen: &[String], ticks: RwSignal<Vec<String>>) -> impl IntoView {
    let materials: Vec<_> = s.materials_for(chosen).cloned().collect();
    let fees: Vec<_> = s.fees_for(chosen).cloned().collect();
    let limit = s.promised_limit_for(chosen);
    view! {
        <section class="section" aria-labelledby="cl-materials">
            <h2 id="cl-materials">{t::MATERIALS_TO_BRING()}</h2>
            <p class="note">{t::TICK_HINT()}</p>
            <ul class="ticks">
                {materials.into_iter().map(|m| {
                    let id = m.id.clone();
                    let id2 = m.id.clone();
                    let input_id = format!("tick-{}", m.id);
                    let fetched = matches!(m.source, MaterialSource::Department { fetched_by_center: true, .. });
                    view! {
                        <li class="tick">
                            <input type="checkbox" id=input_id.clone()
                                prop:checked=move || ticks.with(|v| v.contains(&id))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    ticks.update(|v| {
                                        v.retain(|x| x != &id2);
                                        if on { v.push(id2.clone()); }
                                    });
                                }/>
                            <div class="tick-body">
                                <label for=input_id>
                                    <span class="material-name">{m.name.clone()}</span>
                                    <span class="material-meta">
                                        {t::material_form(m.form)}" · "{t::copies(m.copies)}" · "{t::necessity(m.required)}
                                    </span>
                                    {fetched.then(|| view! { <span class="note good">{t::NO_NEED_TO_BRING()}</span> })}
                                    {(!m.notes.is_empty()).then(|| view! { <span class="note">{m.notes.clone()}</span> })}
                                </label>
                                // Outside the label: following a link must not tick the box.
                                <span class="material-details">{crate::guide::elements::material_details(&m)}</span>
                            </div>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
        <section class="section">
            <h2>{t::CONDITIONS()}</h2>
            <ul>{s.conditions.iter().map(|c| view! { <li>{c.clone()}</li> }).collect_view()}</ul>
        </section>
        <section class="section">
            <h2>{t::LIMITS_AND_FEES()}</h2>
            <dl class="facts">
                <div><dt>{t::PROMISED_LIMIT()}</dt><dd>{t::time_limit(limit)}</dd></div>
                {parts::statutory_limit(s)}
                <div><dt>{t::VISITS()}</dt><dd>{t::visits(s.visits_required)}</dd></div>
                <div><dt>{t::FEE()}</dt><dd>{if fees.is_empty() {
                    t::FREE().to_string()
                } else {
                    fees.iter().map(|f| format!("{}{}{}", f.item, t::COLON(), f.standard)).collect::<Vec<_>>().join(t::SEMI())
                }}</dd></div>
            </dl>
            {(!s.limit_note.is_empty()).then(|| view! { <p class="note">{s.limit_note.clone()}</p> })}
        </section>
        <section class="section">
            <h2>{t::PLACES()}</h2>
            {parts::places(s)}
            {parts::phones(s)}
        </section>
        <section class="section">
            <h2>{t::REFUSAL()}</h2>
            {parts::refusals(s)}
        </section>
        <section class="section">
            <h2>{t::APPEAL()}</h2>
            {parts::appeal(s)}
        </section>
    }
}
