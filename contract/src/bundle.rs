//! 一件事 (高效办成一件事): a life event that joins services of several departments into one
//! guide, one application and one case with a track per department (并联审批).

use serde::{Deserialize, Serialize};

#[cfg(feature = "openapi")]
use utoipa::ToSchema;

use crate::service::{LegalBasis, TimeLimit};

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

#[cfg(test)]
mod tests {
    use super::*;

    fn bundle() -> Bundle {
        let service = |code: &str, optional| BundleService {
            service_code: code.into(),
            optional,
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
}
