//! The plain question pages: notice and consent, situation, applicant, service-specific details.

use contract::{FieldError, FieldKind};
use leptos::prelude::*;

use super::page::ApplyCtx;
use crate::components::form::{dom_id, error_for, Field};
use crate::i18n::t;

fn ctx() -> ApplyCtx {
    expect_context::<ApplyCtx>()
}

fn error_line(errors: Signal<Vec<FieldError>>, field: String) -> impl IntoView {
    move || {
        errors
            .with(|e| error_for(e, &field))
            .map(|m| view! { <p class="error-message">{m}</p> })
    }
}

/// 告知承诺 and the privacy notice; the citizen must agree to go on.
pub fn notice(errors: Signal<Vec<FieldError>>) -> impl IntoView {
    let ctx = ctx();
    let (limit, dept) = ctx
        .service
        .with_value(|s| (s.promised_limit, s.department.clone()));
    view! {
        <section class="notice-text">
            <h2>{t::COMMITMENT_TITLE()}</h2>
            <p>{t::commitment_text(&dept, limit)}</p>
            <h2>{t::PRIVACY_TITLE()}</h2>
            <ul>
                <li>{t::PRIVACY_WHAT()}</li>
                <li>{t::PRIVACY_WHY()}</li>
                <li>{t::PRIVACY_KEEP()}</li>
                <li>{t::PRIVACY_DEVICE()}</li>
            </ul>
        </section>
        <div class="check" id=dom_id("consent")>
            <input type="checkbox" id="consent-box"
                prop:checked=move || ctx.draft.with(|d| d.consent)
                on:change=move |ev| ctx.update(|d| d.consent = event_target_checked(&ev))/>
            <label for="consent-box">{t::CONSENT_LABEL()}</label>
        </div>
        {error_line(errors, "consent".into())}
    }
}

/// 情形: one radio group per question.
pub fn situation(errors: Signal<Vec<FieldError>>) -> impl IntoView {
    let ctx = ctx();
    ctx.service.with_value(|s| s.situations.clone()).into_iter().map(|q| {
        let field = format!("situation.{}", q.id);
        let qid = q.id.clone();
        view! {
            <fieldset class="situation" id=dom_id(&field)>
                <legend>{q.question.clone()}</legend>
                {error_line(errors, field.clone())}
                {q.options.into_iter().map(|o| {
                    let input_id = format!("s-{}-{}", qid, o.id);
                    let (oid, oid2) = (o.id.clone(), o.id.clone());
                    let qid = qid.clone();
                    view! {
                        <div class="radio">
                            <input type="radio" id=input_id.clone() name=format!("s-{qid}")
                                prop:checked=move || ctx.draft.with(|d| d.situation.contains(&oid))
                                on:change=move |_| {
                                    let chosen = ctx.service.with_value(|s| {
                                        crate::checklist::answer(&s.situations, &ctx.draft.get_untracked().situation, &qid, &oid2)
                                    });
                                    ctx.update(|d| d.situation = chosen);
                                }/>
                            <label for=input_id>{o.label}</label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
        }
    }).collect_view()
}

macro_rules! bind {
    ($ctx:expr, $($path:ident).+) => {{
        let ctx = $ctx;
        (
            Signal::derive(move || ctx.draft.with(|d| d.$($path).+.clone())),
            Callback::new(move |v: String| ctx.update(|d| d.$($path).+ = v)),
        )
    }};
}

/// 申请人, and optionally 代办人; for an organisation (when the service serves them), its name
/// and code first, then its 法定代表人 and optionally its 经办人.
pub fn applicant(errors: Signal<Vec<FieldError>>) -> impl IntoView {
    let ctx = ctx();
    let (name, set_name) = bind!(ctx, applicant.name);
    let (id, set_id) = bind!(ctx, applicant.id_number);
    let (phone, set_phone) = bind!(ctx, applicant.phone);
    let (addr, set_addr) = bind!(ctx, applicant.address);
    let (a_name, set_a_name) = bind!(ctx, agent.name);
    let (a_id, set_a_id) = bind!(ctx, agent.id_number);
    let (a_phone, set_a_phone) = bind!(ctx, agent.phone);
    // Only a change of the choice redraws the fields (not every keystroke).
    let org = Memo::new(move |_| ctx.draft.with(|d| d.as_organisation));
    let person = move || {
        view! {
            <Field field="applicant.name" label=t::NAME().into() value=name on_input=set_name errors=errors autocomplete="name"/>
            <Field field="applicant.id_number" label=t::ID_NUMBER().into() hint=t::ID_NUMBER_HINT().into()
                value=id on_input=set_id errors=errors/>
            <Field field="applicant.phone" label=t::PHONE().into() hint=t::PHONE_HINT().into() value=phone on_input=set_phone
                errors=errors input_type="tel" autocomplete="tel" inputmode="numeric"/>
            <Field field="applicant.address" label=t::ADDRESS().into() value=addr on_input=set_addr errors=errors
                autocomplete="street-address"/>
        }
    };
    view! {
        {super::legal_person::choice(ctx, errors)}
        {move || if org.get() {
            view! {
                <fieldset class="agent legal-representative">
                    <legend>{t::LEGAL_REPRESENTATIVE()}</legend>
                    <p class="hint">{t::LEGAL_REPRESENTATIVE_HINT()}</p>
                    {person()}
                </fieldset>
            }.into_any()
        } else {
            person().into_any()
        }}
        <div class="check">
            <input type="checkbox" id="has-agent"
                prop:checked=move || ctx.draft.with(|d| d.has_agent)
                on:change=move |ev| ctx.update(|d| d.has_agent = event_target_checked(&ev))/>
            <label for="has-agent">{move || if org.get() { t::HANDLED_BY_STAFF() } else { t::HAS_AGENT() }}</label>
        </div>
        <Show when=move || ctx.draft.with(|d| d.has_agent)>
            <fieldset class="agent">
                <legend>{move || if org.get() { t::HANDLER() } else { t::AGENT() }}</legend>
                <p class="hint">{move || if org.get() { t::HANDLER_HINT() } else { t::AGENT_HINT() }}</p>
                <Field field="agent.name" label=t::NAME().into() value=a_name on_input=set_a_name errors=errors/>
                <Field field="agent.id_number" label=t::ID_NUMBER().into() value=a_id on_input=set_a_id errors=errors/>
                <Field field="agent.phone" label=t::PHONE().into() value=a_phone on_input=set_a_phone errors=errors
                    input_type="tel" inputmode="numeric"/>
            </fieldset>
        </Show>
    }
}

/// The service's own fields, from the form definition the backend serves.
pub fn details(errors: Signal<Vec<FieldError>>) -> impl IntoView {
    let ctx = ctx();
    let mut d = ctx.draft.get_untracked();
    if ctx
        .form
        .with_value(|f| super::legal_person::prefill(&mut d, f))
    {
        ctx.update(|x| x.fields = d.fields);
    }
    ctx.form.with_value(|f| f.fields.clone()).into_iter().map(|field| {
        let fid = field.id.clone();
        let value = {
            let fid = fid.clone();
            Signal::derive(move || ctx.draft.with(|d| d.field(&fid)))
        };
        let set = {
            let fid = fid.clone();
            Callback::new(move |v: String| ctx.update(|d| d.set_field(&fid, v)))
        };
        let label = if field.required { field.label.clone() } else { format!("{}{}", field.label, t::OPTIONAL()) };
        match field.kind {
            FieldKind::Choice { options } => {
                let id = dom_id(&fid);
                view! {
                    <div class="field">
                        <label for=id.clone()>{label}</label>
                        {(!field.hint.is_empty()).then(|| view! { <p class="hint">{field.hint.clone()}</p> })}
                        {error_line(errors, fid.clone())}
                        <select id=id on:change=move |ev| set.run(event_target_value(&ev))>
                            <option value="" selected=move || value.with(String::is_empty)>{t::PLEASE_CHOOSE()}</option>
                            {options.into_iter().map(|o| {
                                let (v, sel) = (o.clone(), o.clone());
                                view! { <option value=v selected=move || value.with(|x| *x == sel)>{o}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                }.into_any()
            }
            kind => {
                let (input_type, inputmode) = match kind {
                    FieldKind::Phone => ("tel", "numeric"),
                    FieldKind::Date => ("date", "text"),
                    _ => ("text", "text"),
                };
                view! {
                    <Field field=fid label=label hint=field.hint.clone() value=value on_input=set errors=errors
                        input_type=input_type inputmode=inputmode/>
                }.into_any()
            }
        }
    }).collect_view()
}
