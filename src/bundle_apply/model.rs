//! A 一件事 application in the apply module's terms: the draft is the apply module's `Draft`
//! (so it is kept on the device the same way), the pages given once use the apply pages as they
//! are, over a "whole" service made from the bundle (its questions, lead department, limit, and
//! every material once under its bundle key), and each service's own page shows its form with
//! field ids `service.<code>.<field>`, the names the contract's validation gives their errors.

use contract::bundle_case::validate_bundle_application;
use contract::chrono::NaiveDate as Date;
use contract::{
    Bundle, BundleApplication, Channel, FieldError, FormDefinition, FormField, Material, Necessity,
    Service, ServiceAnswers, Situation, SituationOption,
};

use crate::apply::draft::Draft;
use crate::i18n::t;

/// The pages of a bundle application, in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Page {
    Notice,
    Situation,
    Applicant,
    /// One service's own questions, by service code.
    Service(String),
    Materials,
    Delivery,
    Check,
}

const SERVICE_SLUG: &str = "service-";

impl Page {
    pub fn slug(&self) -> String {
        match self {
            Page::Notice => "notice".into(),
            Page::Situation => "situation".into(),
            Page::Applicant => "applicant".into(),
            Page::Service(code) => format!("{SERVICE_SLUG}{code}"),
            Page::Materials => "materials".into(),
            Page::Delivery => "delivery".into(),
            Page::Check => "check".into(),
        }
    }

    pub fn from_slug(slug: &str) -> Option<Page> {
        if let Some(code) = slug.strip_prefix(SERVICE_SLUG) {
            return Some(Page::Service(code.to_string()));
        }
        Some(match slug {
            "notice" => Page::Notice,
            "situation" => Page::Situation,
            "applicant" => Page::Applicant,
            "materials" => Page::Materials,
            "delivery" => Page::Delivery,
            "check" => Page::Check,
            _ => return None,
        })
    }

    /// The page that asks for what a validation error names.
    pub fn of_field(field: &str) -> Page {
        if field == "consent" {
            Page::Notice
        } else if field.starts_with("situation") {
            Page::Situation
        } else if ["applicant.", "agent.", "legal_person"]
            .iter()
            .any(|p| field.starts_with(p))
        {
            Page::Applicant
        } else if let Some(rest) = field.strip_prefix("service.") {
            Page::Service(rest.split('.').next().unwrap_or_default().to_string())
        } else if contract::parse_material_field(field).is_some() {
            Page::Materials
        } else if field.starts_with("delivery") {
            Page::Delivery
        } else {
            Page::Check
        }
    }
}

/// A bundle with every service it may join and each one's form.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    pub bundle: Bundle,
    pub services: Vec<(Service, FormDefinition)>,
}

impl Loaded {
    /// The services the draft's answers bring in, in the bundle's order.
    pub fn applicable(&self, chosen: &[String]) -> Vec<&(Service, FormDefinition)> {
        self.bundle
            .services_for(chosen)
            .iter()
            .filter_map(|code| self.services.iter().find(|(s, _)| s.code == *code))
            .collect()
    }

    pub fn pages(&self, d: &Draft) -> Vec<Page> {
        let mut pages = vec![Page::Notice];
        if !self.bundle.situations.is_empty() {
            pages.push(Page::Situation);
        }
        pages.push(Page::Applicant);
        pages.extend(
            self.applicable(&d.situation)
                .into_iter()
                .filter(|(_, f)| !f.fields.is_empty())
                .map(|(s, _)| Page::Service(s.code.clone())),
        );
        pages.extend([Page::Materials, Page::Delivery, Page::Check]);
        pages
    }

    /// The submission, with upload ids looked up by `upload_id_of(photo_id)`.
    pub fn application(
        &self,
        d: &Draft,
        upload_id_of: impl Fn(&str) -> Option<String>,
    ) -> BundleApplication {
        let one = d.to_application(upload_id_of);
        let services = self
            .applicable(&d.situation)
            .into_iter()
            .map(|(s, f)| ServiceAnswers {
                service_code: s.code.clone(),
                situation: Vec::new(),
                fields: f
                    .fields
                    .iter()
                    .map(|field| {
                        let value = d.field(&field_key(&s.code, &field.id));
                        (field.id.clone(), value.trim().to_string())
                    })
                    .collect(),
            })
            .collect();
        BundleApplication {
            bundle_id: self.bundle.id.clone(),
            situation: d.situation.clone(),
            applicant: one.applicant,
            legal_person: one.legal_person,
            agent: one.agent,
            services,
            materials: one.materials,
            delivery: one.delivery,
            consent: one.consent,
        }
    }

    /// Every error of the draft, a photo still uploading counting as given.
    pub fn errors(&self, d: &Draft, today: Date) -> Vec<FieldError> {
        let app = self.application(d, |photo| Some(photo.to_string()));
        let pairs: Vec<(&Service, &FormDefinition)> = self
            .applicable(&d.situation)
            .into_iter()
            .map(|(s, f)| (s, f))
            .collect();
        validate_bundle_application(&app, &self.bundle, &pairs, today)
    }

    pub fn errors_on(&self, page: &Page, d: &Draft, today: Date) -> Vec<FieldError> {
        self.errors(d, today)
            .into_iter()
            .filter(|e| Page::of_field(&e.field) == *page)
            .collect()
    }

    /// The bundle as one service, for the pages given once: its questions, lead department
    /// and limit, delivery by post only if every service offers it, and each material of the
    /// services that apply once, under its bundle key, saying which services a shared one is
    /// for.
    pub fn whole(&self, d: &Draft) -> Option<Service> {
        let applicable = self.applicable(&d.situation);
        // With no service left by the answers, the pages still need one to draw from.
        let mut whole = applicable
            .first()
            .map(|(s, _)| s)
            .or(self.services.first().map(|(s, _)| s))?
            .clone();
        let b = &self.bundle;
        let app = self.application(d, |_| None);
        let mut materials: Vec<(Material, Vec<String>)> = Vec::new();
        for (s, _) in &applicable {
            let situation = app.situation_for(b, s);
            for m in s.materials_for(&situation) {
                let key = b.material_key(&s.code, &m.id);
                match materials.iter_mut().find(|(x, _)| x.id == key) {
                    Some((x, users)) => {
                        users.push(s.name.clone());
                        if m.required == Necessity::Required {
                            x.required = Necessity::Required;
                        }
                    }
                    None => {
                        let mut x = m.clone();
                        if let Some(shared) = b.shared_for(&s.code, &m.id) {
                            x.name = shared.name.clone();
                        }
                        x.id = key;
                        x.applies_when.clear();
                        materials.push((x, vec![s.name.clone()]));
                    }
                }
            }
        }
        whole.materials = materials
            .into_iter()
            .map(|(mut m, users)| {
                if users.len() > 1 {
                    let note =
                        format!("{}{}", t::SHARED_MATERIAL_NOTE(), users.join(t::LIST_SEP()));
                    m.notes = if m.notes.is_empty() {
                        note
                    } else {
                        format!("{note}。{}", m.notes)
                    };
                }
                m
            })
            .collect();
        // An organisation may apply only when every service that applies serves one.
        whole
            .audience
            .retain(|a| applicable.iter().all(|(s, _)| s.audience.contains(a)));
        whole.code = b.id.clone();
        whole.name = b.name.clone();
        whole.department = b.lead_department.clone();
        whole.promised_limit = b.promised_limit;
        whole.situations = b
            .situations
            .iter()
            .map(|q| Situation {
                id: q.id.clone(),
                question: q.question.clone(),
                options: q
                    .options
                    .iter()
                    .map(|o| SituationOption {
                        id: o.id.clone(),
                        label: o.label.clone(),
                        promised_limit: None,
                    })
                    .collect(),
            })
            .collect();
        if !applicable
            .iter()
            .all(|(s, _)| s.channels.contains(&Channel::Post))
        {
            whole.channels.retain(|c| *c != Channel::Post);
        }
        Some(whole)
    }

    /// One service's form as its page asks it: field ids `service.<code>.<field>`.
    pub fn service_form(&self, code: &str) -> Option<FormDefinition> {
        let (_, form) = self.services.iter().find(|(s, _)| s.code == code)?;
        Some(FormDefinition {
            service_code: self.bundle.id.clone(),
            fields: form
                .fields
                .iter()
                .map(|f| FormField {
                    id: field_key(code, &f.id),
                    ..f.clone()
                })
                .collect(),
        })
    }
}

/// The draft's key of a service's field: the name the bundle's validation gives its error.
pub fn field_key(code: &str, field: &str) -> String {
    format!("service.{code}.{field}")
}

#[cfg(test)]
mod tests;
