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

/// Form fields (by id, after any `service.<code>.` prefix) that ask again for the organisation
/// the application is made for: its code, and its name where the form also asks that code (so
/// the name is of the organisation itself, not of one to be set up).
const CODE_FIELDS: [&str; 1] = ["uscc"];
const NAME_FIELDS: [&str; 3] = ["operator_name", "unit_name", "company_name"];

/// Fills the service's own fields that repeat the organisation's name and code, where still
/// empty, so they are not typed twice; the citizen can still change them. Whether it changed
/// anything.
pub fn prefill(d: &mut Draft, form: &contract::FormDefinition) -> bool {
    if !d.as_organisation {
        return false;
    }
    let own = |id: &str| id.rsplit('.').next().unwrap_or(id).to_string();
    let asks_code = form
        .fields
        .iter()
        .any(|f| CODE_FIELDS.contains(&own(&f.id).as_str()));
    let mut changed = false;
    for f in &form.fields {
        let id = own(&f.id);
        let value = if CODE_FIELDS.contains(&id.as_str()) {
            d.legal_person.credit_code.trim().to_uppercase()
        } else if asks_code && NAME_FIELDS.contains(&id.as_str()) {
            d.legal_person.name.trim().to_string()
        } else {
            continue;
        };
        if !value.is_empty() && d.field(&f.id).trim().is_empty() {
            d.set_field(&f.id, value);
            changed = true;
        }
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;
    use contract::{FieldKind, FormDefinition, FormField, LegalPerson};

    fn form(ids: &[&str]) -> FormDefinition {
        FormDefinition {
            service_code: "S".into(),
            fields: ids
                .iter()
                .map(|id| FormField {
                    id: id.to_string(),
                    label: "x".into(),
                    kind: FieldKind::Text { max_chars: 100 },
                    required: true,
                    hint: String::new(),
                })
                .collect(),
        }
    }

    fn organisation() -> Draft {
        Draft {
            as_organisation: true,
            legal_person: LegalPerson {
                name: "示例餐饮有限公司".into(),
                credit_code: "92110105ma0000000u".into(),
            },
            ..Draft::default()
        }
    }

    #[test]
    fn the_organisation_is_not_typed_twice() {
        let mut d = organisation();
        d.set_field("premises", String::new());
        assert!(prefill(
            &mut d,
            &form(&["operator_name", "uscc", "premises"])
        ));
        assert_eq!(d.field("operator_name"), "示例餐饮有限公司");
        assert_eq!(d.field("uscc"), "92110105MA0000000U");
        assert_eq!(d.field("premises"), "");
        // What the citizen typed stays; nothing left to fill.
        d.set_field("operator_name", "示例小吃店".into());
        assert!(!prefill(&mut d, &form(&["operator_name", "uscc"])));
        assert_eq!(d.field("operator_name"), "示例小吃店");
        // A bundle's keys; a company still to be set up is not the applicant.
        let mut d = organisation();
        assert!(prefill(&mut d, &form(&["service.F.uscc"])));
        assert_eq!(d.field("service.F.uscc"), "92110105MA0000000U");
        let mut d = organisation();
        assert!(!prefill(&mut d, &form(&["company_name", "legal_rep_name"])));
        // A person's application is left alone.
        let mut d = organisation();
        d.as_organisation = false;
        assert!(!prefill(&mut d, &form(&["uscc"])));
    }
}
