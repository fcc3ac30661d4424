//! 一件事 (高效办成一件事): a life event that joins services of several departments into one
//! guide, one application and one case with a track per department (并联审批).

use serde::{Deserialize, Serialize};

#[cfg(feature = "openapi")]
use utoipa::ToSchema;

use crate::service::{LegalBasis, Material, Service, TimeLimit};

/// A bundle as the catalog keeps it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Bundle {
    /// Stable, URL-safe id, e.g. `newborn`, `restaurant`.
    pub id: String,
    /// e.g. 新生儿出生一件事.
    pub name: String,
    pub description: String,
    /// The list that names the bundle and the rules it follows.
    pub basis: Vec<LegalBasis>,
    /// 牵头部门: the department whose window takes the application.
    pub lead_department: String,
    /// The services it joins, in the order the guide lists them.
    pub services: Vec<BundleService>,
    /// Questions whose answers add or remove services.
    #[serde(default)]
    pub situations: Vec<BundleSituation>,
    /// Materials asked for once though several services need them.
    #[serde(default)]
    pub shared_materials: Vec<SharedMaterial>,
    /// 承诺办结时限 of the whole bundle; each service keeps its own as well.
    pub promised_limit: TimeLimit,
}

/// One service of a bundle.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct BundleService {
    pub service_code: String,
    /// Left out unless a chosen option adds it.
    #[serde(default)]
    pub optional: bool,
    /// The service's own situation option ids the bundle answers for it (e.g. 新生儿 for 医保
    /// 参保登记): its materials and limit are those of these options plus the bundle's answers.
    #[serde(default)]
    pub preset: Vec<String>,
}

/// A question of the bundle (情形), e.g. 是否需要办理社会保障卡.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct BundleSituation {
    pub id: String,
    pub question: String,
    pub options: Vec<BundleOption>,
}

/// One answer, with the services it brings in or takes out.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct BundleOption {
    /// Unique within the bundle.
    pub id: String,
    pub label: String,
    /// Service codes this answer adds.
    #[serde(default)]
    pub adds: Vec<String>,
    /// Service codes this answer removes.
    #[serde(default)]
    pub removes: Vec<String>,
}

/// A material given once for every service that names it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct SharedMaterial {
    /// Unique within the bundle.
    pub id: String,
    pub name: String,
    /// The same material as each service's guide names it.
    pub uses: Vec<MaterialUse>,
}

/// A material of one service.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct MaterialUse {
    pub service_code: String,
    pub material_id: String,
}

/// What the list of bundles needs of one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct BundleSummary {
    pub id: String,
    pub name: String,
    pub description: String,
    /// Departments of the services it joins by default, without repeats.
    pub departments: Vec<String>,
    pub promised_limit: TimeLimit,
}

impl Bundle {
    /// The service codes that apply once `chosen` option ids are answered: every service not
    /// optional, plus those an answer adds, less those an answer removes, in the bundle's order.
    pub fn services_for(&self, chosen: &[String]) -> Vec<String> {
        let options = || {
            self.situations
                .iter()
                .flat_map(|s| &s.options)
                .filter(|o| chosen.contains(&o.id))
        };
        self.services
            .iter()
            .filter(|s| {
                let added = options().any(|o| o.adds.contains(&s.service_code));
                let removed = options().any(|o| o.removes.contains(&s.service_code));
                (!s.optional || added) && !removed
            })
            .map(|s| s.service_code.clone())
            .collect()
    }

    /// The shared material that covers `material_id` of `service_code`, if the bundle has one.
    pub fn shared_for(&self, service_code: &str, material_id: &str) -> Option<&SharedMaterial> {
        self.shared_materials.iter().find(|m| {
            m.uses
                .iter()
                .any(|u| u.service_code == service_code && u.material_id == material_id)
        })
    }
}

/// `GET /api/bundles/{id}`: the bundle with every service it may join, optional ones
/// included, in the bundle's order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct BundleGuide {
    pub bundle: Bundle,
    pub services: Vec<Service>,
}

impl Bundle {
    /// The situation option ids that apply to `service_code`: those the bundle presets for it
    /// plus the bundle's chosen answers (a service ignores ids it does not know).
    pub fn service_options(&self, service_code: &str, chosen: &[String]) -> Vec<String> {
        let mut out: Vec<String> = self
            .services
            .iter()
            .filter(|s| s.service_code == service_code)
            .flat_map(|s| s.preset.iter().cloned())
            .collect();
        for id in chosen {
            if !out.contains(id) {
                out.push(id.clone());
            }
        }
        out
    }

    /// Every answer id of the bundle's questions.
    pub fn option_ids(&self) -> impl Iterator<Item = &str> {
        self.situations
            .iter()
            .flat_map(|s| &s.options)
            .map(|o| o.id.as_str())
    }

    /// The list entry, with the departments of the services joined by default (`services` is
    /// the catalog, or any list holding them).
    pub fn summary(&self, services: &[Service]) -> BundleSummary {
        let mut departments: Vec<String> = Vec::new();
        for code in self.services_for(&[]) {
            if let Some(s) = services.iter().find(|s| s.code == code) {
                if !departments.contains(&s.department) {
                    departments.push(s.department.clone());
                }
            }
        }
        BundleSummary {
            id: self.id.clone(),
            name: self.name.clone(),
            description: self.description.clone(),
            departments,
            promised_limit: self.promised_limit,
        }
    }
}

/// What the combined list reads of a member service: the whole `Service`, or a page's smaller
/// copy of the parts it shows.
pub trait Member {
    type Material: Listed + Clone + std::fmt::Debug + Eq;
    /// A promised limit: a `TimeLimit`, or the text a page shows for one.
    type Limit: Clone + std::fmt::Debug + Eq;
    fn code(&self) -> &str;
    fn materials(&self) -> &[Self::Material];
    /// The service's promised limit for the options that apply to it.
    fn promised_limit_for(&self, options: &[String]) -> Self::Limit;
}

/// What the combined list reads of a material: which it is, and when it applies.
pub trait Listed {
    fn id(&self) -> &str;
    fn applies_when(&self) -> &[String];
}

impl Listed for Material {
    fn id(&self) -> &str {
        &self.id
    }
    fn applies_when(&self) -> &[String] {
        &self.applies_when
    }
}

impl Member for Service {
    type Material = Material;
    type Limit = TimeLimit;
    fn code(&self) -> &str {
        &self.code
    }
    fn materials(&self) -> &[Material] {
        &self.materials
    }
    fn promised_limit_for(&self, options: &[String]) -> TimeLimit {
        Service::promised_limit_for(self, options)
    }
}

/// A bundle's one-time list (一次性告知) for the chosen answers: each shared material once, with
/// the services that use it, then the other materials service by service.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CombinedList<'a, S: Member = Service> {
    pub shared: Vec<SharedEntry<'a, S>>,
    pub per_service: Vec<ServiceEntry<'a, S>>,
}

/// A shared material some applicable service needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SharedEntry<'a, S: Member = Service> {
    pub shared: &'a SharedMaterial,
    /// The material as the first service that uses it describes it (form, copies, spec).
    pub material: &'a S::Material,
    /// The applicable services that use it, in the bundle's order.
    pub services: Vec<&'a S>,
}

/// One applicable service with the materials it needs beyond the shared ones, and its own
/// promised limit for the options that apply to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServiceEntry<'a, S: Member = Service> {
    pub service: &'a S,
    pub materials: Vec<&'a S::Material>,
    pub promised_limit: S::Limit,
}

/// Combines the materials of the services `chosen` answers bring in (`services` holds the
/// bundle's services; a code it lacks is skipped).
pub fn combined_list<'a, S: Member>(
    bundle: &'a Bundle,
    services: &'a [S],
    chosen: &[String],
) -> CombinedList<'a, S> {
    let mut shared: Vec<SharedEntry<'a, S>> = Vec::new();
    let mut per_service = Vec::new();
    for code in bundle.services_for(chosen) {
        let Some(service) = services.iter().find(|s| s.code() == code) else {
            continue;
        };
        let options = bundle.service_options(&code, chosen);
        let mut own = Vec::new();
        let applicable = service
            .materials()
            .iter()
            .filter(|m| crate::service::applies(m.applies_when(), &options));
        for material in applicable {
            match bundle.shared_for(&code, material.id()) {
                Some(sm) => match shared.iter_mut().find(|e| e.shared.id == sm.id) {
                    Some(entry) => entry.services.push(service),
                    None => shared.push(SharedEntry {
                        shared: sm,
                        material,
                        services: vec![service],
                    }),
                },
                None => own.push(material),
            }
        }
        per_service.push(ServiceEntry {
            service,
            materials: own,
            promised_limit: service.promised_limit_for(&options),
        });
    }
    // The bundle's own order of shared materials, not the order services happened to name them
    // (picked in that order rather than sorted: a sort's code would go into every page's wasm
    // that draws the list).
    let mut ordered = Vec::with_capacity(shared.len());
    for m in &bundle.shared_materials {
        if let Some(i) = shared.iter().position(|e| e.shared.id == m.id) {
            ordered.push(shared.remove(i));
        }
    }
    CombinedList {
        shared: ordered,
        per_service,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundle() -> Bundle {
        let service = |code: &str, optional| BundleService {
            service_code: code.into(),
            optional,
            preset: vec![],
        };
        Bundle {
            id: "newborn".into(),
            name: "新生儿出生一件事".into(),
            description: String::new(),
            basis: vec![],
            lead_department: "示例市公安局".into(),
            services: vec![
                service("birth", false),
                service("insurance", false),
                service("card", true),
            ],
            situations: vec![BundleSituation {
                id: "card".into(),
                question: "是否同时申领社会保障卡".into(),
                options: vec![
                    BundleOption {
                        id: "card-yes".into(),
                        label: "是".into(),
                        adds: vec!["card".into()],
                        removes: vec![],
                    },
                    BundleOption {
                        id: "no-insurance".into(),
                        label: "已在外地参保".into(),
                        adds: vec![],
                        removes: vec!["insurance".into()],
                    },
                ],
            }],
            shared_materials: vec![SharedMaterial {
                id: "id-card".into(),
                name: "父母居民身份证".into(),
                uses: vec![
                    MaterialUse {
                        service_code: "birth".into(),
                        material_id: "parents-id".into(),
                    },
                    MaterialUse {
                        service_code: "card".into(),
                        material_id: "guardian-id".into(),
                    },
                ],
            }],
            promised_limit: TimeLimit::OnTheSpot,
        }
    }

    #[test]
    fn answers_add_and_remove_services() {
        let b = bundle();
        assert_eq!(b.services_for(&[]), ["birth", "insurance"]);
        assert_eq!(
            b.services_for(&["card-yes".into()]),
            ["birth", "insurance", "card"]
        );
        assert_eq!(b.services_for(&["no-insurance".into()]), ["birth"]);
    }

    #[test]
    fn finds_the_shared_material_of_a_service() {
        let b = bundle();
        assert_eq!(
            b.shared_for("card", "guardian-id").map(|m| m.id.as_str()),
            Some("id-card")
        );
        assert!(b.shared_for("insurance", "guardian-id").is_none());
    }

    /// A service with the given materials (id, applies_when) and situation options.
    fn service(
        code: &str,
        department: &str,
        materials: &[(&str, &[&str])],
        options: &[&str],
    ) -> Service {
        let materials: Vec<_> = materials
            .iter()
            .map(|(id, when)| {
                serde_json::json!({"id": id, "name": format!("{code}-{id}"), "form": "original",
                    "copies": 1, "required": "required", "source": {"kind": "applicant"},
                    "applies_when": when})
            })
            .collect();
        let options: Vec<_> = options
            .iter()
            .map(|id| serde_json::json!({"id": id, "label": id}))
            .collect();
        let situations = if options.is_empty() {
            serde_json::json!([])
        } else {
            serde_json::json!([{"id": "q", "question": "?", "options": options}])
        };
        serde_json::from_value(serde_json::json!({
            "code": code, "name": code, "kind": "public_service", "department": department,
            "audience": ["person"], "legal_basis": [], "conditions": [], "case_type": "committed",
            "statutory_limit": {"kind": "not_set"},
            "promised_limit": {"kind": "days", "days": 3, "unit": "working_days"},
            "visits_required": 0, "channels": ["online"], "online_application": true,
            "places": [], "consult_phone": "", "complaint_phone": "", "fees": [], "steps": [],
            "result": {"name": "r", "kind": "k"}, "materials": materials,
            "situations": situations,
            "appeal": {"review": "", "litigation": ""}, "version": "1", "updated": "2026-01-01"
        }))
        .unwrap()
    }

    fn services() -> Vec<Service> {
        vec![
            service(
                "birth",
                "公安",
                &[("parents-id", &[]), ("household", &[])],
                &[],
            ),
            service(
                "insurance",
                "医保",
                &[("guardian-id", &["newborn"]), ("own-id", &["adult"])],
                &["newborn", "adult"],
            ),
            service("card", "人社", &[("guardian-id", &[]), ("photo", &[])], &[]),
        ]
    }

    /// Each entry's id (shared material or service code) with the ids it lists.
    type Named = Vec<(String, Vec<String>)>;

    fn names(list: &CombinedList) -> (Named, Named) {
        let shared = list
            .shared
            .iter()
            .map(|e| {
                let users = e.services.iter().map(|s| s.code.clone()).collect();
                (e.shared.id.clone(), users)
            })
            .collect();
        let own = list
            .per_service
            .iter()
            .map(|e| {
                let ids = e.materials.iter().map(|m| m.id.clone()).collect();
                (e.service.code.clone(), ids)
            })
            .collect();
        (shared, own)
    }

    #[test]
    fn a_shared_material_is_listed_once_with_every_service_that_uses_it() {
        let mut b = bundle();
        b.services[1].preset = vec!["newborn".into()];
        b.shared_materials[0].uses.push(MaterialUse {
            service_code: "insurance".into(),
            material_id: "guardian-id".into(),
        });
        let all = services();
        let (shared, own) = names(&combined_list(&b, &all, &[]));
        assert_eq!(
            shared,
            [("id-card".into(), vec!["birth".into(), "insurance".into()])]
        );
        assert_eq!(
            own,
            [
                ("birth".into(), vec!["household".into()]),
                ("insurance".into(), vec![]),
            ]
        );
        // The answer that adds the card adds it to the shared material's users and its photo.
        let (shared, own) = names(&combined_list(&b, &all, &["card-yes".into()]));
        assert_eq!(shared[0].1, ["birth", "insurance", "card"]);
        assert_eq!(own[2], ("card".into(), vec!["photo".into()]));
    }

    #[test]
    fn shared_materials_keep_the_bundles_order_not_the_services() {
        let mut b = bundle();
        // The birth registration names the household register first; the bundle lists it last.
        b.shared_materials.push(SharedMaterial {
            id: "household".into(),
            name: "户口簿".into(),
            uses: vec![MaterialUse {
                service_code: "birth".into(),
                material_id: "household".into(),
            }],
        });
        b.shared_materials.swap(0, 1);
        let all = vec![service(
            "birth",
            "公安",
            &[("household", &[]), ("parents-id", &[])],
            &[],
        )];
        let (shared, _) = names(&combined_list(&b, &all, &[]));
        let ids: Vec<&str> = shared.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(ids, ["household", "id-card"]);
        b.shared_materials.swap(0, 1);
        let (shared, _) = names(&combined_list(&b, &all, &[]));
        let ids: Vec<&str> = shared.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(ids, ["id-card", "household"]);
    }

    #[test]
    fn without_its_preset_a_service_does_not_need_the_shared_material() {
        let mut b = bundle();
        b.shared_materials[0].uses.push(MaterialUse {
            service_code: "insurance".into(),
            material_id: "guardian-id".into(),
        });
        let all = services();
        let (shared, _) = names(&combined_list(&b, &all, &[]));
        assert_eq!(shared[0].1, ["birth"]);
        // A removed service takes its uses with it; a shared material nobody needs is not listed.
        b.situations[0].options[1].removes = vec!["birth".into(), "insurance".into()];
        let (shared, own) = names(&combined_list(&b, &all, &["no-insurance".into()]));
        assert!(shared.is_empty(), "{shared:?}");
        assert!(own.is_empty(), "{own:?}");
    }

    #[test]
    fn presets_and_answers_reach_the_service_and_the_summary_names_departments_once() {
        let mut b = bundle();
        b.services[1].preset = vec!["newborn".into()];
        assert_eq!(
            b.service_options("insurance", &["card-yes".into(), "newborn".into()]),
            ["newborn", "card-yes"]
        );
        assert_eq!(b.service_options("birth", &[]), Vec::<String>::new());
        let mut all = services();
        all[1].department = "公安".into();
        let summary = b.summary(&all);
        assert_eq!(summary.departments, ["公安"]);
        assert_eq!(
            b.option_ids().collect::<Vec<_>>(),
            ["card-yes", "no-insurance"]
        );
    }
}
