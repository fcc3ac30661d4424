//! 一件事 applications and their case: the applicant, delivery and consent given once, each
//! service's own answers, each material photographed once; one case number with one track
//! (sub-case) per service, each moving through the case states on its own (并联审批).
//!
//! A bundle application is checked as the applications of its services would be, with the same
//! `validate_application`: `BundleApplication::for_service` builds each one, and the errors are
//! renamed to where the bundle's form asks for them (`bundle_field`).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[cfg(feature = "openapi")]
use utoipa::ToSchema;

use crate::application::{Agent, Applicant, Application, FormDefinition, MaterialPages};
use crate::bundle::Bundle;
use crate::case::{CaseStatus, CaseView, Delivery};
use crate::service::Service;
use crate::FieldError;

/// Most services one bundle application may answer for.
pub const MAX_BUNDLE_SERVICES: usize = 12;

/// One service's own answers within a bundle application.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct ServiceAnswers {
    #[cfg_attr(feature = "openapi", schema(max_length = 64))]
    pub service_code: String,
    /// The service's own situation option ids (情形), as on its single application.
    #[serde(default)]
    pub situation: Vec<String>,
    /// The service's form fields by id.
    #[serde(default)]
    pub fields: Vec<(String, String)>,
}

/// `POST /api/bundle-applications`: one application for every service of a bundle.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct BundleApplication {
    #[cfg_attr(feature = "openapi", schema(max_length = 64))]
    pub bundle_id: String,
    /// Chosen bundle option ids (`BundleOption::id`): they decide which services apply.
    #[serde(default)]
    pub situation: Vec<String>,
    pub applicant: Applicant,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legal_person: Option<crate::publication::LegalPerson>,
    #[serde(default)]
    pub agent: Option<Agent>,
    /// One entry per service that applies; answers for other services are ignored.
    #[serde(default)]
    pub services: Vec<ServiceAnswers>,
    /// Pages keyed by `Bundle::material_key`: a shared material once, under its shared id; any
    /// other material as `<service code>.<material id>`.
    pub materials: Vec<MaterialPages>,
    pub delivery: Delivery,
    pub consent: bool,
}

impl Bundle {
    /// The situation options the bundle answers for a service by itself.
    pub fn presets(&self, service_code: &str) -> Vec<String> {
        self.services
            .iter()
            .filter(|s| s.service_code == service_code)
            .flat_map(|s| s.preset.iter().cloned())
            .collect()
    }

    /// The key under which a bundle application holds the pages of `material_id` of
    /// `service_code`: the shared material's id when the bundle shares it, so that its pages are
    /// given once and count for every service that uses it.
    /// The 授权委托书 an agent needs is one letter for the whole application.
    pub fn material_key(&self, service_code: &str, material_id: &str) -> String {
        match self.shared_for(service_code, material_id) {
            Some(shared) => shared.id.clone(),
            None if material_id == crate::service::AUTHORIZATION_LETTER => material_id.into(),
            None => format!("{service_code}.{material_id}"),
        }
    }
}

impl BundleApplication {
    pub fn answers(&self, service_code: &str) -> Option<&ServiceAnswers> {
        self.services
            .iter()
            .find(|a| a.service_code == service_code)
    }

    /// The service's own situation (情形): for each of its questions, the service's own answer,
    /// else the bundle's answer that is one of its options, else the bundle's preset for it.
    /// Only ids the service knows.
    pub fn situation_for(&self, bundle: &Bundle, service: &Service) -> Vec<String> {
        let own = self
            .answers(&service.code)
            .map(|a| a.situation.as_slice())
            .unwrap_or_default();
        let presets = bundle.presets(&service.code);
        service
            .situations
            .iter()
            .filter_map(|q| {
                let pick = |ids: &[String]| {
                    q.options
                        .iter()
                        .find(|o| ids.contains(&o.id))
                        .map(|o| o.id.clone())
                };
                pick(own)
                    .or_else(|| pick(&self.situation))
                    .or_else(|| pick(&presets))
            })
            .collect()
    }

    /// The application of one service: what was given once, the service's own answers, and the
    /// pages of each of its materials (a shared material's pages in every service using it).
    pub fn for_service(&self, bundle: &Bundle, service: &Service) -> Application {
        let answers = self.answers(&service.code);
        let situation = self.situation_for(bundle, service);
        let by_agent = self.agent.is_some();
        let materials = service
            .materials_for_application(&situation, by_agent)
            .iter()
            .filter_map(|m| {
                let key = bundle.material_key(&service.code, &m.id);
                self.materials
                    .iter()
                    .find(|p| p.material_id == key)
                    .map(|p| MaterialPages {
                        material_id: m.id.clone(),
                        upload_ids: p.upload_ids.clone(),
                    })
            })
            .collect();
        Application {
            service_code: service.code.clone(),
            situation,
            applicant: self.applicant.clone(),
            legal_person: self.legal_person.clone(),
            agent: self.agent.clone(),
            fields: answers.map(|a| a.fields.clone()).unwrap_or_default(),
            materials,
            delivery: self.delivery.clone(),
            consent: self.consent,
        }
    }

    /// Every material key the application may carry for the services that apply.
    pub fn known_keys(&self, bundle: &Bundle, services: &[&Service]) -> Vec<String> {
        let by_agent = self.agent.is_some();
        let mut keys: Vec<String> = Vec::new();
        for s in services {
            let situation = self.situation_for(bundle, s);
            for m in s.materials_for_application(&situation, by_agent) {
                let key = bundle.material_key(&s.code, &m.id);
                if !keys.contains(&key) {
                    keys.push(key);
                }
            }
        }
        keys
    }
}

/// Where the bundle's form asks for what a service's application names `field`: what is given
/// once keeps its name, a material its key, anything of the service's own is prefixed with
/// `service.<code>.`.
pub fn bundle_field(bundle: &Bundle, service_code: &str, field: &str) -> String {
    const ONCE: [&str; 5] = [
        "applicant.",
        "agent.",
        "legal_person",
        "consent",
        "delivery",
    ];
    if ONCE.iter().any(|p| field.starts_with(p)) {
        field.to_string()
    } else if let Some(material) = crate::parse_material_field(field) {
        crate::material_field(&bundle.material_key(service_code, material))
    } else {
        format!("service.{service_code}.{field}")
    }
}

/// Checks a bundle application against the bundle and the services that apply (each with its
/// form), as each service's own application is checked; errors of what is given once appear
/// once. `services` must be those of `bundle.services_for(&app.situation)`.
pub fn validate_bundle_application(
    app: &BundleApplication,
    bundle: &Bundle,
    services: &[(&Service, &FormDefinition)],
    today: NaiveDate,
) -> Vec<FieldError> {
    let mut errors: Vec<FieldError> = Vec::new();
    let mut push = |e: FieldError| {
        if !errors.iter().any(|x| x.field == e.field) {
            errors.push(e);
        }
    };
    if app.bundle_id != bundle.id {
        push(FieldError {
            field: "bundle_id".into(),
            message: "申请的一件事与申请表不一致".into(),
        });
    }
    for question in &bundle.situations {
        let chosen = question
            .options
            .iter()
            .filter(|o| app.situation.contains(&o.id))
            .count();
        if chosen > 1 {
            push(FieldError {
                field: format!("situation.{}", question.id),
                message: format!("只能选择一项：{}", question.question),
            });
        }
    }
    let known = |id: &String| {
        bundle
            .situations
            .iter()
            .any(|s| s.options.iter().any(|o| o.id == *id))
    };
    if !app.situation.iter().all(known) {
        push(FieldError {
            field: "situation".into(),
            message: "所选情形不属于本事项，请重新选择".into(),
        });
    }
    for (service, form) in services {
        let single = app.for_service(bundle, service);
        for e in crate::validate::validate_application(&single, service, form, today) {
            push(FieldError {
                field: bundle_field(bundle, &service.code, &e.field),
                message: e.message,
            });
        }
    }
    let plain: Vec<&Service> = services.iter().map(|(s, _)| *s).collect();
    let keys = app.known_keys(bundle, &plain);
    for p in &app.materials {
        let has_pages = p.upload_ids.iter().any(|u| !u.trim().is_empty());
        if has_pages && !keys.iter().any(|k| *k == p.material_id.trim()) {
            push(FieldError {
                field: crate::material_field(p.material_id.trim()),
                message: "该材料不属于本事项".into(),
            });
        }
    }
    errors
}

/// Sizes of the lists, before anything compares them: services, materials (one entry per
/// material key, 20 pages each), situation ids, ids of at most 64 characters.
pub fn bundle_application_bounds(app: &BundleApplication, bundle: &Bundle) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let too_long = |s: &str| s.chars().nth(crate::validate::ID_MAX_LEN).is_some();
    let options: usize = bundle.situations.iter().map(|s| s.options.len()).sum();
    if app.situation.len() > options || app.situation.iter().any(|s| too_long(s)) {
        errors.push(FieldError {
            field: "situation".into(),
            message: "所选情形不属于本事项，请重新选择".into(),
        });
    }
    let over_answers = app.services.iter().any(|a| {
        too_long(&a.service_code)
            || a.situation.len() > 20
            || a.fields.len() > 50
            || a.situation.iter().any(|s| too_long(s))
            || a.fields.iter().any(|(id, _)| too_long(id))
    });
    if app.services.len() > bundle.services.len().min(MAX_BUNDLE_SERVICES) || over_answers {
        errors.push(FieldError {
            field: "services".into(),
            message: "申请表内容与本事项不符，请刷新页面后重试".into(),
        });
    }
    // At most one entry per material of every service of the bundle, plus one 授权委托书 each.
    let most = bundle.services.len() * 21;
    let over_pages = app.materials.iter().any(|p| {
        p.upload_ids.len() > crate::validate::MAX_PAGES_PER_MATERIAL
            || too_long(&p.material_id)
            || p.upload_ids.iter().any(|u| too_long(u))
    });
    if app.materials.len() > most || over_pages {
        errors.push(FieldError {
            field: "materials".into(),
            message: format!(
                "每项材料最多上传{}页",
                crate::validate::MAX_PAGES_PER_MATERIAL
            ),
        });
    }
    errors
}

impl CaseView {
    /// The tracks of the case: a bundle's sub-cases, or the case itself as its one track.
    pub fn tracks(&self) -> &[CaseView] {
        if self.tracks.is_empty() {
            std::slice::from_ref(self)
        } else {
            &self.tracks
        }
    }
}

/// 承诺办结日期 of the whole: the latest of its tracks', once every track still running has one
/// (a track refused at intake has none and does not hold the whole back).
pub fn overall_due_date(tracks: &[CaseView]) -> Option<NaiveDate> {
    let counted: Vec<&CaseView> = tracks
        .iter()
        .filter(|t| t.status != CaseStatus::NotAccepted)
        .collect();
    if counted.is_empty() || counted.iter().any(|t| t.due_date.is_none()) {
        return None;
    }
    counted.iter().filter_map(|t| t.due_date).max()
}

/// Whether the clock of the whole stands still: only when every track still running is paused
/// (a 补正 on one track pauses that track alone, and the others count on).
pub fn overall_clock_paused(tracks: &[CaseView]) -> bool {
    let mut running = tracks.iter().filter(|t| !t.status.concluded()).peekable();
    running.peek().is_some() && running.all(|t| t.paused.is_some() || t.status.clock_paused())
}

/// The status of the whole as one line: waiting for the applicant (需补正) first, then the least
/// advanced track, so the whole is 已送达 only when every track is.
pub fn overall_status(tracks: &[CaseView]) -> CaseStatus {
    use CaseStatus::*;
    if tracks.iter().any(|t| t.status == SupplementRequired) {
        return SupplementRequired;
    }
    let rank = |s: CaseStatus| match s {
        Submitted => 0,
        Accepted => 1,
        UnderReview | SpecialProcedure | SupplementRequired => 2,
        Approved | Refused => 3,
        NotAccepted | Delivered => 4,
    };
    let least = tracks.iter().map(|t| t.status).min_by_key(|s| rank(*s));
    match least {
        // All tracks at the end: 已送达 if any was delivered, else they were all refused.
        Some(s) if rank(s) == 4 => {
            if tracks.iter().any(|t| t.status == Delivered) {
                Delivered
            } else {
                NotAccepted
            }
        }
        Some(s) => s,
        None => Submitted,
    }
}

#[cfg(test)]
mod tests;
