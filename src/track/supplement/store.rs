//! The supplement's pages of one case, kept in `localStorage` (`portal.supp.<case number>`).

use leptos::prelude::*;

use crate::components::material_pages::{discard, PageRef, PageStore};
use crate::storage::{lasting, local};

fn key(case_number: &str) -> String {
    format!("supp.{case_number}")
}

/// The upload queue files a case's supplement photos under this draft id.
fn draft_id(case_number: &str) -> String {
    format!("supp-{case_number}")
}

/// Lists stored before pages carried warnings still load: `PageRef` fills in what they lack and
/// their page numbers follow the list's order, which is the order they were taken in.
pub fn load(case_number: &str) -> Vec<PageRef> {
    local::get(&key(case_number)).unwrap_or_default()
}

fn save(case_number: &str, pages: &[PageRef]) {
    if pages.is_empty() {
        local::remove(&key(case_number));
    } else {
        local::set(&key(case_number), &pages);
    }
}

/// Forgets every supplement photo of a case (sent, or no longer asked for).
pub fn forget(case_number: &str) {
    let pages = load(case_number);
    for p in &pages {
        discard(&p.photo_id);
    }
    if !pages.is_empty() {
        save(case_number, &[]);
    }
}

/// The pages of one case's supplement, and the message beside each flagged material.
#[derive(Clone, Copy)]
pub struct CasePages {
    case_number: &'static str,
    pages: RwSignal<Vec<PageRef>>,
    /// (material id, message): "upload this", or the backend's word on a material.
    messages: RwSignal<Vec<(String, String)>>,
}

impl CasePages {
    pub fn new(case_number: &str) -> CasePages {
        CasePages {
            case_number: lasting(case_number),
            pages: RwSignal::new(load(case_number)),
            messages: RwSignal::new(Vec::new()),
        }
    }

    pub fn case_number(&self) -> String {
        self.case_number.to_string()
    }

    pub fn message(&self, material_id: &str) -> Option<String> {
        self.messages.with(|m| {
            m.iter()
                .find(|(id, _)| id == material_id)
                .map(|(_, v)| v.clone())
        })
    }

    pub fn set_message(&self, material_id: &str, message: Option<String>) {
        self.messages.try_update(|m| {
            m.retain(|(id, _)| id != material_id);
            if let Some(message) = message {
                m.push((material_id.to_string(), message));
            }
        });
    }

    /// The list, untracked (for event handlers).
    pub fn current(&self) -> Vec<PageRef> {
        self.pages.get_untracked()
    }
}

impl PageStore for CasePages {
    fn pages(&self) -> Vec<PageRef> {
        self.pages.try_get().unwrap_or_default()
    }

    fn update(&self, change: impl FnOnce(&mut Vec<PageRef>)) {
        // The list on the device is the truth (the section may have gone and come back meanwhile).
        let mut list = load(self.case_number);
        let before: Vec<String> = list.iter().map(|p| p.photo_id.clone()).collect();
        change(&mut list);
        save(self.case_number, &list);
        // A new page answers what was said about its material ("请上传…").
        for p in list.iter().filter(|p| !before.contains(&p.photo_id)) {
            self.set_message(&p.material_id, None);
        }
        self.pages.try_set(list);
    }

    fn draft_id(&self) -> Option<String> {
        Some(draft_id(self.case_number))
    }
}
