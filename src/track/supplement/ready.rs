//! When the supplement can be sent: every flagged material has a page, and every page is up.

use contract::{MaterialPages, SupplementItem};

use crate::components::material_pages::{self, PageRef};
use crate::storage::uploads::{QueueItem, UploadStatus};

/// Where the pages of one flagged material stand.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pages {
    /// Upload ids of the pages the backend has, in page order.
    pub uploaded: Vec<String>,
    /// Pages still waiting or on the wire.
    pub in_progress: usize,
}

/// The pages of `material_id`, from our page list and the queue's state.
pub fn pages_of(pages: &[PageRef], queue: &[QueueItem], material_id: &str) -> Pages {
    let mut state = Pages {
        uploaded: Vec::new(),
        in_progress: 0,
    };
    for p in material_pages::pages_of(pages, material_id) {
        match queue
            .iter()
            .find(|q| q.photo_id == p.photo_id)
            .map(|q| &q.status)
        {
            Some(UploadStatus::Done { upload_id }) => state.uploaded.push(upload_id.clone()),
            Some(UploadStatus::Pending | UploadStatus::Uploading { .. }) => state.in_progress += 1,
            // Failed pages need the citizen; unknown ones (queue still loading) count as waiting.
            Some(UploadStatus::Failed { .. }) => {}
            None => state.in_progress += 1,
        }
    }
    state
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Readiness {
    /// These materials have no page yet.
    Missing(Vec<String>),
    /// Pages are still on their way.
    Uploading,
}

/// Why the supplement cannot be sent yet: the materials without a page, or "wait" when every
/// material has a page but some are still uploading. When it can, the pages to send.
pub fn readiness(
    items: &[SupplementItem],
    pages: &[PageRef],
    queue: &[QueueItem],
) -> Result<Vec<MaterialPages>, Readiness> {
    let mut missing = Vec::new();
    let mut waiting = false;
    let mut materials = Vec::new();
    for item in items {
        let state = pages_of(pages, queue, &item.material_id);
        if state.uploaded.is_empty() && state.in_progress == 0 {
            missing.push(item.material_id.clone());
        }
        waiting |= state.in_progress > 0;
        materials.push(MaterialPages {
            material_id: item.material_id.clone(),
            upload_ids: state.uploaded,
        });
    }
    if !missing.is_empty() {
        Err(Readiness::Missing(missing))
    } else if waiting {
        Err(Readiness::Uploading)
    } else {
        Ok(materials)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::components::material_pages::page;

    fn queued(id: &str, status: UploadStatus) -> QueueItem {
        QueueItem {
            photo_id: id.into(),
            draft_id: "supp-1".into(),
            material_id: "m".into(),
            page_index: 0,
            status,
            attempts: 0,
        }
    }

    fn item(id: &str) -> SupplementItem {
        SupplementItem {
            material_id: id.into(),
            material_name: format!("材料{id}"),
            reason: "不清晰".into(),
            supplied: false,
        }
    }

    fn done(id: &str, upload: &str) -> QueueItem {
        queued(
            id,
            UploadStatus::Done {
                upload_id: upload.into(),
            },
        )
    }

    #[test]
    fn sends_uploaded_pages_in_page_order_once_all_are_up() {
        let items = [item("m1"), item("m2")];
        let pages = [page("m1", "a"), page("m2", "c"), page("m1", "b")];
        // b finished first, but a is page 1.
        let mut queue = vec![done("b", "u-b"), done("a", "u-a")];
        // m2's page is not in the queue yet: still on its way.
        assert_eq!(readiness(&items, &pages, &queue), Err(Readiness::Uploading));
        queue.push(queued("c", UploadStatus::Uploading { sent: 1, total: 9 }));
        assert_eq!(readiness(&items, &pages, &queue), Err(Readiness::Uploading));
        queue.pop();
        queue.push(done("c", "u-c"));
        let sent = readiness(&items, &pages, &queue).unwrap();
        assert_eq!(sent[0].upload_ids, ["u-a", "u-b"]);
        assert_eq!(sent[1].upload_ids, ["u-c"]);
    }

    #[test]
    fn a_material_without_pages_is_named() {
        let items = [item("m1"), item("m2")];
        let pages = [page("m1", "a"), page("m2", "x")];
        let queue = [
            done("a", "u-a"),
            queued(
                "x",
                UploadStatus::Failed {
                    message: "refused".into(),
                    permanent: true,
                },
            ),
        ];
        assert_eq!(
            readiness(&items, &pages, &queue),
            Err(Readiness::Missing(vec!["m2".into()]))
        );
        assert_eq!(
            pages_of(&pages, &queue, "m2"),
            Pages {
                uploaded: vec![],
                in_progress: 0
            }
        );
    }
}
