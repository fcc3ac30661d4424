//! The pre-check photos on the device: the page list of each booking form or appointment in
//! `localStorage` (`appt.pages.*`), the photos and their uploads in the same IndexedDB queue as
//! an application's, through THE photo component's [`PageStore`].

use contract::MaterialPages;
use leptos::prelude::*;

use crate::components::material_pages::{discard, PageRef, PageStore};
use crate::storage::uploads::QueueItem;
use crate::storage::{lasting, local};
use crate::track::supplement::ready::pages_of;

/// One page list kept on the device under `key`, its uploads filed under `draft`.
#[derive(Clone, Copy)]
pub struct DevicePages {
    key: &'static str,
    draft: &'static str,
    pages: RwSignal<Vec<PageRef>>,
}

impl DevicePages {
    pub fn new(key: &str, draft: &str) -> DevicePages {
        DevicePages {
            key: lasting(key),
            draft: lasting(draft),
            pages: RwSignal::new(local::get(key).unwrap_or_default()),
        }
    }

    pub fn current(&self) -> Vec<PageRef> {
        local::get(self.key).unwrap_or_default()
    }

    /// Forgets the pages (sent, or the booking given up): the photos leave the device.
    pub fn forget(&self) {
        for p in self.current() {
            discard(&p.photo_id);
        }
        local::remove(self.key);
        self.pages.try_set(Vec::new());
    }
}

impl PageStore for DevicePages {
    fn pages(&self) -> Vec<PageRef> {
        self.pages.try_get().unwrap_or_default()
    }

    fn update(&self, change: impl FnOnce(&mut Vec<PageRef>)) {
        // The device's list is the truth: the section may have been redrawn meanwhile.
        let mut list = self.current();
        change(&mut list);
        if list.is_empty() {
            local::remove(self.key);
        } else {
            local::set(self.key, &list);
        }
        self.pages.try_set(list);
    }

    fn draft_id(&self) -> Option<String> {
        Some(self.draft.to_string())
    }
}

/// The uploaded pages to send for each of `materials` that has pages; `Err` while some page
/// is still on its way.
pub fn ready_pages(
    materials: &[String],
    pages: &[PageRef],
    queue: &[QueueItem],
) -> Result<Vec<MaterialPages>, ()> {
    let mut out = Vec::new();
    for id in materials {
        let state = pages_of(pages, queue, id);
        if state.in_progress > 0 {
            return Err(());
        }
        if !state.uploaded.is_empty() {
            out.push(MaterialPages {
                material_id: id.clone(),
                upload_ids: state.uploaded,
            });
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::components::material_pages::page;
    use crate::storage::uploads::UploadStatus;

    fn queued(id: &str, status: UploadStatus) -> QueueItem {
        QueueItem {
            photo_id: id.into(),
            draft_id: "apptb1".into(),
            material_id: "m".into(),
            page_index: 0,
            status,
            attempts: 0,
        }
    }

    #[test]
    fn only_materials_with_uploaded_pages_are_sent_and_uploads_are_waited_for() {
        let materials = ["m1".to_string(), "m2".to_string()];
        let pages = [page("m1", "a")];
        let mut queue = vec![queued("a", UploadStatus::Pending)];
        assert_eq!(ready_pages(&materials, &pages, &queue), Err(()));
        queue[0].status = UploadStatus::Done {
            upload_id: "u-a".into(),
        };
        let sent = ready_pages(&materials, &pages, &queue).unwrap();
        assert_eq!(sent.len(), 1);
        assert_eq!(sent[0].upload_ids, ["u-a"]);
        assert_eq!(ready_pages(&materials, &[], &queue), Ok(vec![]));
    }
}
