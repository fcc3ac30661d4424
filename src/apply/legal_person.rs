//! 以谁的名义申请: as oneself, or for a company or other organisation (法人或其他组织) when the
//! service serves them. The organisation's name and 统一社会信用代码 are checked by the
//! contract's `validate_application`, as the server checks them; the person fields then name
//! its 法定代表人 and the agent its 经办人.

use contract::{Audience, FieldError, Service};
use leptos::prelude::*;

use super::draft::Draft;
use super::page::ApplyCtx;
use crate::components::form::{dom_id, error_for, Field};
use crate::i18n::t;

/// Whether the service may be applied for in an organisation's name.
pub fn accepts(service: &Service) -> bool {
    service.audience.contains(&Audience::LegalPerson)
}

/// The radio group and, for an organisation, its name and code. Nothing for a service only for
/// natural persons, unless the draft already chose an organisation (a bundle whose answers
/// changed): then the choice stays so that it can be undone.
pub fn choice(ctx: ApplyCtx, errors: Signal<Vec<FieldError>>) -> impl IntoView {
    let accepted = ctx.service.with_value(accepts);
    let org = Memo::new(move |_| ctx.draft.with(|d| d.as_organisation));
    let shown = move || accepted || org.get();
    let name = Signal::derive(move || ctx.draft.with(|d| d.legal_person.name.clone()));
    let code = Signal::derive(move || ctx.draft.with(|d| d.legal_person.credit_code.clone()));
    let set_name = Callback::new(move |v: String| ctx.update(|d| d.legal_person.name = v));
    let set_code = Callback::new(move |v: String| ctx.update(|d| d.legal_person.credit_code = v));
    let choice_error = move || errors.with(|e| error_for(e, "legal_person"));
    let radio = move |value: bool, id: &'static str, label: &'static str| {
        view! {
            <div class="radio">
                <input type="radio" id=id name="apply-as"
                    prop:checked=move || org.get() == value
                    on:change=move |_| ctx.update(|d| d.as_organisation = value)/>
                <label for=id>{label}</label>
            </div>
        }
    };
    move || {
        shown().then(|| {
            view! {
                <fieldset class="situation apply-as" id=dom_id("legal_person")>
                    <legend>{t::APPLY_AS()}</legend>
                    <p class="hint">{t::APPLY_AS_HINT()}</p>
                    {move || choice_error().map(|m| view! { <p class="error-message">{m}</p> })}
                    {radio(false, "apply-as-person", t::APPLY_AS_PERSON())}
                    {radio(true, "apply-as-organisation", t::APPLY_AS_ORGANISATION())}
                </fieldset>
                <Show when=move || org.get()>
                    <fieldset class="agent organisation">
                        <legend>{t::ORGANISATION()}</legend>
                        <Field field="legal_person.name" label=t::ORGANISATION_NAME().into()
                            hint=t::ORGANISATION_NAME_HINT().into() value=name on_input=set_name
                            errors=errors autocomplete="organization"/>
                        <Field field="legal_person.credit_code" label=t::CREDIT_CODE().into()
                            hint=t::CREDIT_CODE_HINT().into() value=code on_input=set_code
                            errors=errors maxlength=18/>
                    </fieldset>
                </Show>
            }
        })
    }
}

/// The check page's rows about the organisation: (label, value), none for a person.
pub fn check_rows(d: &Draft) -> Vec<(String, String)> {
    if !d.as_organisation {
        return Vec::new();
    }
    vec![
        (
            t::APPLYING_IN_NAME_OF().into(),
            t::APPLY_AS_ORGANISATION().into(),
        ),
        (
            t::ORGANISATION_NAME().into(),
            d.legal_person.name.trim().to_string(),
        ),
        (
            t::CREDIT_CODE().into(),
            d.legal_person.credit_code.trim().to_uppercase(),
        ),
    ]
}

/// The check page's label of the applicant's name: the 法定代表人 for an organisation.
pub fn name_label(d: &Draft) -> &'static str {
    if d.as_organisation {
        t::LEGAL_REPRESENTATIVE()
    } else {
        t::NAME()
    }
}

/// The check page's label of the agent: the 经办人 for an organisation.
pub fn agent_label(d: &Draft) -> &'static str {
    if d.as_organisation {
        t::HANDLER()
    } else {
        t::AGENT()
    }
}
