//! The application draft (草稿): everything the citizen has entered, saved on the device at every
//! change so a reload, a closed tab or a dead battery loses nothing. Photos live beside it in
//! IndexedDB; the draft only names them.

use contract::{Agent, Applicant, Application, Delivery, LegalPerson, MaterialPages};
use serde::{Deserialize, Serialize};

use super::submission::Sent;
use crate::storage::idb::{self, Store, StoreError};

/// Drafts older than this are deleted when the list is read.
pub const EXPIRY_MS: f64 = 30.0 * 24.0 * 3600.0 * 1000.0;

/// One photographed page of a material; the draft keeps them in page order.
pub use crate::components::material_pages::PageRef;

/// How the result is delivered, as the form holds it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DeliveryChoice {
    pub by_post: bool,
    pub recipient: String,
    pub phone: String,
    pub address: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    pub id: String,
    pub service_code: String,
    pub service_name: String,
    pub created_ms: f64,
    pub updated_ms: f64,
    /// Only in drafts saved by earlier versions, which derived it from the id (`k-{id}`) and may
    /// have sent it: the first submission from such a draft reuses it.
    #[serde(
        default,
        rename = "idempotency_key",
        skip_serializing_if = "String::is_empty"
    )]
    pub legacy_key: String,
    /// The submission sent and not yet answered with a receipt, exactly as sent: retries and
    /// double taps send it again, so they create one case.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sent: Option<Sent>,
    pub consent: bool,
    pub situation: Vec<String>,
    pub applicant: Applicant,
    /// Applying in the name of a legal person (企业或其他组织), named in `legal_person`; the
    /// applicant is then its 法定代表人 and the agent its 经办人. Absent in older drafts.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub as_organisation: bool,
    /// Kept when the citizen switches back to applying as a person, so nothing typed is lost.
    #[serde(default, skip_serializing_if = "is_blank")]
    pub legal_person: LegalPerson,
    pub has_agent: bool,
    pub agent: Agent,
    pub fields: Vec<(String, String)>,
    pub pages: Vec<PageRef>,
    pub delivery: DeliveryChoice,
    /// Set on a 一件事 application's draft (`service_code` and `service_name` then name the
    /// bundle; `fields` are keyed `service.<code>.<field>` and `pages` by material key).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub bundle_id: String,
}

fn is_blank(l: &LegalPerson) -> bool {
    *l == LegalPerson::default()
}

impl Draft {
    pub fn new(id: String, service_code: &str, service_name: &str, now_ms: f64) -> Draft {
        Draft {
            id,
            service_code: service_code.into(),
            service_name: service_name.into(),
            created_ms: now_ms,
            updated_ms: now_ms,
            ..Default::default()
        }
    }

    pub fn field(&self, id: &str) -> String {
        self.fields
            .iter()
            .find(|(k, _)| k == id)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }

    pub fn set_field(&mut self, id: &str, value: String) {
        match self.fields.iter_mut().find(|(k, _)| k == id) {
            Some(slot) => slot.1 = value,
            None => self.fields.push((id.into(), value)),
        }
    }

    pub fn expired(&self, now_ms: f64) -> bool {
        now_ms - self.updated_ms > EXPIRY_MS
    }

    /// The submission, with upload ids looked up by `upload_id_of(photo_id)`.
    pub fn to_application(&self, upload_id_of: impl Fn(&str) -> Option<String>) -> Application {
        let mut materials: Vec<MaterialPages> = Vec::new();
        for page in &self.pages {
            let Some(upload_id) = upload_id_of(&page.photo_id) else {
                continue;
            };
            match materials
                .iter_mut()
                .find(|m| m.material_id == page.material_id)
            {
                Some(m) => m.upload_ids.push(upload_id),
                None => materials.push(MaterialPages {
                    material_id: page.material_id.clone(),
                    upload_ids: vec![upload_id],
                }),
            }
        }
        let trim = |s: &str| s.trim().to_string();
        Application {
            service_code: self.service_code.clone(),
            situation: self.situation.clone(),
            applicant: Applicant {
                name: trim(&self.applicant.name),
                id_number: trim(&self.applicant.id_number).to_uppercase(),
                phone: trim(&self.applicant.phone),
                address: trim(&self.applicant.address),
            },
            legal_person: self.as_organisation.then(|| LegalPerson {
                name: trim(&self.legal_person.name),
                credit_code: trim(&self.legal_person.credit_code).to_uppercase(),
            }),
            agent: self.has_agent.then(|| Agent {
                name: trim(&self.agent.name),
                id_number: trim(&self.agent.id_number).to_uppercase(),
                phone: trim(&self.agent.phone),
            }),
            fields: self
                .fields
                .iter()
                .map(|(k, v)| (k.clone(), v.trim().to_string()))
                .collect(),
            materials,
            delivery: if self.delivery.by_post {
                Delivery::Post {
                    recipient: trim(&self.delivery.recipient),
                    phone: trim(&self.delivery.phone),
                    address: trim(&self.delivery.address),
                }
            } else {
                Delivery::Window
            },
            consent: self.consent,
        }
    }
}

pub async fn save(draft: &Draft) -> Result<(), StoreError> {
    let json = serde_json::to_string(draft).map_err(|_| StoreError::Failed)?;
    idb::put_json(Store::Drafts, &draft.id, &json).await
}

pub async fn load(id: &str) -> Result<Option<Draft>, StoreError> {
    Ok(idb::get_json(Store::Drafts, id)
        .await?
        .and_then(|j| serde_json::from_str(&j).ok()))
}

/// Every draft on the device, newest first; expired ones are deleted on the way.
pub async fn list(now_ms: f64) -> Result<Vec<Draft>, StoreError> {
    let mut out = Vec::new();
    for (_, json) in idb::all_json(Store::Drafts).await? {
        let Ok(d) = serde_json::from_str::<Draft>(&json) else {
            continue;
        };
        if d.expired(now_ms) {
            remove(&d).await;
        } else {
            out.push(d);
        }
    }
    out.sort_by(|a, b| b.updated_ms.total_cmp(&a.updated_ms));
    Ok(out)
}

/// What a list of drafts shows of each, read without the code that reads all of a draft (the
/// lists are on server-rendered pages, whose islands bundle stays small).
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Summary {
    pub id: String,
    pub service_code: String,
    pub service_name: String,
    pub updated_ms: f64,
    #[serde(default)]
    pub bundle_id: String,
    /// Only the photos' ids, which leave with the draft.
    #[serde(default)]
    pages: Vec<PhotoOf>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
struct PhotoOf {
    photo_id: String,
}

/// [`list`], as summaries.
pub async fn summaries(now_ms: f64) -> Result<Vec<Summary>, StoreError> {
    let mut out = Vec::new();
    for (_, json) in idb::all_json(Store::Drafts).await? {
        let Ok(d) = serde_json::from_str::<Summary>(&json) else {
            continue;
        };
        if now_ms - d.updated_ms > EXPIRY_MS {
            remove_summary(&d).await;
        } else {
            out.push(d);
        }
    }
    out.sort_by(|a, b| b.updated_ms.total_cmp(&a.updated_ms));
    Ok(out)
}

/// Deletes the draft with its photos and their queue entries.
pub async fn remove(draft: &Draft) {
    remove_with_photos(&draft.id, draft.pages.iter().map(|p| p.photo_id.as_str())).await;
}

/// [`remove`], from a summary.
pub async fn remove_summary(draft: &Summary) {
    remove_with_photos(&draft.id, draft.pages.iter().map(|p| p.photo_id.as_str())).await;
}

async fn remove_with_photos(id: &str, photo_ids: impl Iterator<Item = &str>) {
    for photo_id in photo_ids {
        crate::storage::unqueue(photo_id).await;
        let _ = idb::delete_blob(photo_id).await;
    }
    let _ = idb::delete(Store::Drafts, id).await;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn application_groups_pages_and_skips_unuploaded() {
        let mut d = Draft::new("d1".into(), "S1", "服务", 0.0);
        d.applicant.id_number = " 11010519491231002x ".into();
        d.pages = vec![
            PageRef {
                material_id: "id".into(),
                photo_id: "p1".into(),
                warnings: vec![],
                pdf: false,
            },
            PageRef {
                material_id: "form".into(),
                photo_id: "p2".into(),
                warnings: vec![],
                pdf: false,
            },
            PageRef {
                material_id: "id".into(),
                photo_id: "p3".into(),
                warnings: vec![],
                pdf: false,
            },
        ];
        let app = d.to_application(|p| (p != "p2").then(|| format!("u-{p}")));
        assert_eq!(app.applicant.id_number, "11010519491231002X");
        assert_eq!(app.materials.len(), 1);
        assert_eq!(app.materials[0].upload_ids, vec!["u-p1", "u-p3"]);
        assert_eq!(app.delivery, Delivery::Window);
        assert!(app.agent.is_none());
    }

    #[test]
    fn a_summary_reads_what_the_lists_show() {
        let mut d = Draft::new("d1".into(), "S1", "服务", 5.0);
        d.bundle_id = "b".into();
        d.pages.push(PageRef {
            material_id: "id".into(),
            photo_id: "p1".into(),
            warnings: vec![],
            pdf: false,
        });
        let json = serde_json::to_string(&d).unwrap();
        let s: Summary = serde_json::from_str(&json).unwrap();
        assert_eq!((s.id.as_str(), s.service_code.as_str()), ("d1", "S1"));
        assert_eq!((s.service_name.as_str(), s.updated_ms), ("服务", 5.0));
        assert_eq!(s.bundle_id, "b");
        assert_eq!(
            s.pages,
            vec![PhotoOf {
                photo_id: "p1".into()
            }]
        );
    }

    #[test]
    fn drafts_expire_after_thirty_days() {
        let d = Draft::new("d".into(), "S", "s", 0.0);
        assert!(!d.expired(EXPIRY_MS - 1.0));
        assert!(d.expired(EXPIRY_MS + 1.0));
    }

    #[test]
    fn drafts_of_the_earlier_version_still_load() {
        let json = r#"{"id":"d1","service_code":"S1","service_name":"服务","created_ms":1.0,
            "updated_ms":2.0,"idempotency_key":"k-d1","consent":true,"situation":[],
            "applicant":{"name":"张三","id_number":"","phone":"","address":""},"has_agent":false,
            "agent":{"name":"","id_number":"","phone":""},"fields":[],"pages":[],
            "delivery":{"by_post":false,"recipient":"","phone":"","address":""}}"#;
        let d: Draft = serde_json::from_str(json).unwrap();
        assert_eq!(d.legacy_key, "k-d1");
        assert_eq!(d.sent, None);
        assert_eq!(d.applicant.name, "张三");
        assert!(!d.as_organisation);
        assert_eq!(d.to_application(|_| None).legal_person, None);
    }

    #[test]
    fn an_organisation_is_sent_only_when_chosen() {
        let mut d = Draft::new("d1".into(), "S1", "服务", 0.0);
        d.legal_person = LegalPerson {
            name: " 示例餐饮有限公司 ".into(),
            credit_code: " 92110105ma0000000u".into(),
        };
        assert_eq!(d.to_application(|_| None).legal_person, None);
        d.as_organisation = true;
        let sent = d.to_application(|_| None).legal_person;
        assert_eq!(
            sent,
            Some(LegalPerson {
                name: "示例餐饮有限公司".into(),
                credit_code: "92110105MA0000000U".into(),
            })
        );
        let json = serde_json::to_string(&d).unwrap();
        assert_eq!(serde_json::from_str::<Draft>(&json).unwrap(), d);
    }

    #[test]
    fn the_kept_request_round_trips() {
        let mut d = Draft::new("d1".into(), "S1", "服务", 0.0);
        assert_eq!(d.legacy_key, "");
        d.sent = Some(Sent {
            key: "00ff".into(),
            body: r#"{"consent":true}"#.into(),
        });
        let json = serde_json::to_string(&d).unwrap();
        assert!(!json.contains("idempotency_key"));
        assert_eq!(serde_json::from_str::<Draft>(&json).unwrap(), d);
    }

    #[test]
    fn fields_are_set_in_place() {
        let mut d = Draft::default();
        d.set_field("a", "1".into());
        d.set_field("a", "2".into());
        assert_eq!(d.fields, vec![("a".to_string(), "2".to_string())]);
        assert_eq!(d.field("b"), "");
    }
}
