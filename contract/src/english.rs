//! English versions of catalog content. A service in `backend/catalog/*.json` may carry an `en`
//! object beside its Chinese: the name and any of the texts a guide shows. The API serves the
//! guide in English when asked (`?lang=en`) and the service has an `en`; whatever the overlay
//! leaves out stays Chinese. Every served guide and summary says which language its content is
//! in (`content_lang`), so a page in English can say when a guide is available in Chinese only.

#[cfg(feature = "overlay")]
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
#[cfg(feature = "openapi")]
use utoipa::ToSchema;

#[cfg(feature = "overlay")]
use crate::service::{AppealRights, Faq, ProcessStep, Service, ServiceSummary};

/// The language a guide's content is served in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ContentLang {
    /// Chinese, the catalog's own language (every guide has it).
    #[default]
    Zh,
    /// English, from the service's `en` overlay.
    En,
}

#[cfg(feature = "overlay")]
/// The English of a service's texts. Lists given by position (places, steps, FAQ) replace the
/// Chinese entry at the same position; materials and situations are matched by their ids.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct ServiceEn {
    pub name: String,
    /// English search words; the Chinese name and aliases stay searchable too.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Shown in place of the Chinese department name (which stays the key of filters and
    /// 效能公开 pages).
    #[serde(default)]
    pub department: Option<String>,
    #[serde(default)]
    pub conditions: Vec<String>,
    #[serde(default)]
    pub limit_note: Option<String>,
    #[serde(default)]
    pub places: Vec<PlaceEn>,
    #[serde(default)]
    pub steps: Vec<ProcessStep>,
    #[serde(default)]
    pub result_name: Option<String>,
    /// What the result is (证照 → "Certificate", ...).
    #[serde(default)]
    pub result_kind: Option<String>,
    #[serde(default)]
    pub materials: BTreeMap<String, MaterialEn>,
    #[serde(default)]
    pub situations: BTreeMap<String, SituationEn>,
    #[serde(default)]
    pub faq: Vec<Faq>,
    #[serde(default)]
    pub refusal_reasons: Vec<String>,
    #[serde(default)]
    pub appeal: Option<AppealRights>,
}

#[cfg(feature = "overlay")]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct PlaceEn {
    pub name: String,
    pub address: String,
    pub hours: String,
}

#[cfg(feature = "overlay")]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct MaterialEn {
    pub name: String,
    #[serde(default)]
    pub notes: Option<String>,
    #[serde(default)]
    pub spec: Option<String>,
    #[serde(default)]
    pub acceptance: Option<String>,
}

#[cfg(feature = "overlay")]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct SituationEn {
    pub question: String,
    /// Option id → label.
    #[serde(default)]
    pub options: BTreeMap<String, String>,
}

#[cfg(feature = "overlay")]
fn set(target: &mut String, value: &Option<String>) {
    if let Some(v) = value.as_ref().filter(|v| !v.is_empty()) {
        *target = v.clone();
    }
}

#[cfg(feature = "overlay")]
fn replace_list(target: &mut Vec<String>, with: &[String]) {
    if !with.is_empty() {
        *target = with.to_vec();
    }
}

#[cfg(feature = "overlay")]
impl Service {
    /// The service as served: in English when `english` and it has an overlay (then
    /// `content_lang` is `En`), else in Chinese. The overlay itself is never served.
    pub fn served(mut self, english: bool) -> Service {
        let overlay = self.en.take();
        let Some(en) = overlay.filter(|_| english) else {
            self.content_lang = ContentLang::Zh;
            self.department_en = None;
            return self;
        };
        let mut aliases = en.aliases.clone();
        aliases.push(std::mem::replace(&mut self.name, en.name.clone()));
        aliases.append(&mut self.aliases);
        self.aliases = aliases;
        self.department_en = en.department.clone().filter(|d| !d.is_empty());
        replace_list(&mut self.conditions, &en.conditions);
        set(&mut self.limit_note, &en.limit_note);
        for (place, e) in self.places.iter_mut().zip(&en.places) {
            place.name = e.name.clone();
            place.address = e.address.clone();
            place.hours = e.hours.clone();
        }
        for (step, e) in self.steps.iter_mut().zip(&en.steps) {
            *step = e.clone();
        }
        set(&mut self.result.name, &en.result_name);
        set(&mut self.result.kind, &en.result_kind);
        for m in &mut self.materials {
            if let Some(e) = en.materials.get(&m.id) {
                m.name = e.name.clone();
                set(&mut m.notes, &e.notes);
                set(&mut m.spec, &e.spec);
                set(&mut m.acceptance, &e.acceptance);
            }
        }
        for s in &mut self.situations {
            if let Some(e) = en.situations.get(&s.id) {
                s.question = e.question.clone();
                for o in &mut s.options {
                    if let Some(label) = e.options.get(&o.id) {
                        o.label = label.clone();
                    }
                }
            }
        }
        for (faq, e) in self.faq.iter_mut().zip(&en.faq) {
            *faq = e.clone();
        }
        replace_list(&mut self.refusal_reasons, &en.refusal_reasons);
        if let Some(appeal) = &en.appeal {
            self.appeal = appeal.clone();
        }
        self.content_lang = ContentLang::En;
        self
    }

    /// The summary as served (see `served`).
    pub fn served_summary(&self, english: bool, pinyin: Vec<String>) -> ServiceSummary {
        self.clone().served(english).summary(pinyin)
    }
}

/// Whether a query string (without its `?`) asks for English: `lang=en`. Anything else,
/// including no `lang` at all or a value this version does not know, is Chinese.
pub fn asks_for_english(query: Option<&str>) -> bool {
    query.is_some_and(|q| {
        q.split('&')
            .any(|pair| pair.split_once('=') == Some(("lang", "en")))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_lang_en_from_a_query() {
        assert!(asks_for_english(Some("lang=en")));
        assert!(asks_for_english(Some("q=1&lang=en")));
        assert!(!asks_for_english(Some("lang=zh")));
        assert!(!asks_for_english(Some("xlang=en")));
        assert!(!asks_for_english(None));
    }
}
