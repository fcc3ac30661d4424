//! The question pages in order, and which page each validation error belongs to. Validation
//! itself is the contract's `validate_application`, the same the backend runs.

use contract::chrono::NaiveDate as Date;
use contract::validate::validate_application;
use contract::{FieldError, FormDefinition, Service};

use super::draft::Draft;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Notice,
    Situation,
    Applicant,
    Details,
    Materials,
    Delivery,
    Check,
}

impl Step {
    pub fn slug(self) -> &'static str {
        match self {
            Step::Notice => "notice",
            Step::Situation => "situation",
            Step::Applicant => "applicant",
            Step::Details => "details",
            Step::Materials => "materials",
            Step::Delivery => "delivery",
            Step::Check => "check",
        }
    }

    pub fn from_slug(s: &str) -> Option<Step> {
        [
            Step::Notice,
            Step::Situation,
            Step::Applicant,
            Step::Details,
            Step::Materials,
            Step::Delivery,
            Step::Check,
        ]
        .into_iter()
        .find(|st| st.slug() == s)
    }

    /// The page a field's error is shown on.
    pub fn of_field(field: &str, form: &FormDefinition) -> Step {
        if field == "consent" {
            Step::Notice
        } else if field.starts_with("situation") {
            Step::Situation
        } else if ["applicant.", "agent.", "legal_person"]
            .iter()
            .any(|p| field.starts_with(p))
        {
            Step::Applicant
        } else if contract::parse_material_field(field).is_some() {
            Step::Materials
        } else if field.starts_with("delivery") {
            Step::Delivery
        } else if form.fields.iter().any(|f| f.id == field) {
            Step::Details
        } else {
            Step::Check
        }
    }
}

/// The pages this service needs: no situation page without situations, no details page
/// without service-specific fields.
pub fn steps_for(service: &Service, form: &FormDefinition) -> Vec<Step> {
    let mut steps = vec![Step::Notice];
    if !service.situations.is_empty() {
        steps.push(Step::Situation);
    }
    steps.push(Step::Applicant);
    if !form.fields.is_empty() {
        steps.push(Step::Details);
    }
    steps.extend([Step::Materials, Step::Delivery, Step::Check]);
    steps
}

pub fn next(steps: &[Step], current: Step) -> Option<Step> {
    let i = steps.iter().position(|s| *s == current)?;
    steps.get(i + 1).copied()
}

pub fn previous(steps: &[Step], current: Step) -> Option<Step> {
    let i = steps.iter().position(|s| *s == current)?;
    i.checked_sub(1).and_then(|j| steps.get(j).copied())
}

/// Every error of the draft, counting a photo that is taken but still uploading as present
/// (whether uploads finished is the check page's concern).
pub fn all_errors(
    draft: &Draft,
    service: &Service,
    form: &FormDefinition,
    today: Date,
) -> Vec<FieldError> {
    let app = draft.to_application(|photo| Some(photo.to_string()));
    validate_application(&app, service, form, today)
}

/// The errors to show on `step`.
pub fn errors_on(
    step: Step,
    draft: &Draft,
    service: &Service,
    form: &FormDefinition,
    today: Date,
) -> Vec<FieldError> {
    all_errors(draft, service, form, today)
        .into_iter()
        .filter(|e| Step::of_field(&e.field, form) == step)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use contract::{FieldKind, FormField};

    fn form(ids: &[&str]) -> FormDefinition {
        FormDefinition {
            service_code: "S".into(),
            fields: ids
                .iter()
                .map(|id| FormField {
                    id: id.to_string(),
                    label: "x".into(),
                    kind: FieldKind::Text { max_chars: 10 },
                    required: true,
                    hint: String::new(),
                })
                .collect(),
        }
    }

    #[test]
    fn fields_map_to_their_pages() {
        let f = form(&["spouse_name"]);
        assert_eq!(Step::of_field("consent", &f), Step::Notice);
        assert_eq!(Step::of_field("situation.type", &f), Step::Situation);
        assert_eq!(Step::of_field("applicant.id_number", &f), Step::Applicant);
        assert_eq!(Step::of_field("agent.phone", &f), Step::Applicant);
        assert_eq!(Step::of_field("legal_person", &f), Step::Applicant);
        assert_eq!(
            Step::of_field("legal_person.credit_code", &f),
            Step::Applicant
        );
        assert_eq!(Step::of_field("spouse_name", &f), Step::Details);
        assert_eq!(Step::of_field("material.photo", &f), Step::Materials);
        assert_eq!(Step::of_field("delivery.address", &f), Step::Delivery);
        assert_eq!(Step::of_field("service_code", &f), Step::Check);
    }

    #[test]
    fn slugs_round_trip_and_order_moves() {
        let steps = vec![
            Step::Notice,
            Step::Applicant,
            Step::Materials,
            Step::Delivery,
            Step::Check,
        ];
        for s in &steps {
            assert_eq!(Step::from_slug(s.slug()), Some(*s));
        }
        assert_eq!(next(&steps, Step::Notice), Some(Step::Applicant));
        assert_eq!(previous(&steps, Step::Notice), None);
        assert_eq!(next(&steps, Step::Check), None);
        assert_eq!(Step::from_slug("nope"), None);
    }
}
