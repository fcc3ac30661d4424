//! 补正: the citizen photographs only the materials staff flagged, with the same photo pipeline
//! and background upload queue as the online application, then sends them in one go.
//!
//! Which photo belongs to which flagged material is kept in `localStorage` under the case
//! (`portal.supp.<case number>`); the photos themselves and their upload state are in IndexedDB
//! (`storage::idb`, `storage::uploads`), so a reload or a closed tab loses nothing.

use contract::{MaterialPages, SupplementItem, SupplementSubmission};
use leptos::prelude::*;
use leptos::task::spawn_local;
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsCast;

use super::case_error;
use crate::api::{self, ApiErr};
use crate::i18n::t::track as t;
use crate::photo;
use crate::storage::uploads::{self, QueueItem, UploadStatus};
use crate::storage::{idb, local, new_id};

/// One page photographed for a flagged material.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SuppPhoto {
    pub photo_id: String,
    pub material_id: String,
    pub page_index: u32,
}

/// Stored with the photo's blob, for whoever looks at the device's storage.
#[derive(Serialize)]
struct PhotoMeta<'a> {
    case_number: &'a str,
    material_id: &'a str,
    content_type: &'a str,
}

fn key(case_number: &str) -> String {
    format!("supp.{case_number}")
}

fn draft_id(case_number: &str) -> String {
    format!("supp-{case_number}")
}

fn load(case_number: &str) -> Vec<SuppPhoto> {
    local::get(&key(case_number)).unwrap_or_default()
}

fn save(case_number: &str, photos: &[SuppPhoto]) {
    if photos.is_empty() {
        local::remove(&key(case_number));
    } else {
        local::set(&key(case_number), &photos);
    }
}

/// Drops a photo from the queue and the device.
fn discard(photo_id: &str) {
    uploads::remove(photo_id);
    let id = photo_id.to_string();
    spawn_local(async move {
        let _ = idb::delete_blob(&id).await;
    });
}

/// Forgets every supplement photo of a case (sent, or no longer asked for).
pub fn forget(case_number: &str) {
    let photos = load(case_number);
    for p in &photos {
        discard(&p.photo_id);
    }
    if !photos.is_empty() {
        save(case_number, &[]);
    }
}

/// The next page number for a material.
fn next_page(photos: &[SuppPhoto], material_id: &str) -> u32 {
    photos
        .iter()
        .filter(|p| p.material_id == material_id)
        .map(|p| p.page_index + 1)
        .max()
        .unwrap_or(0)
}

/// Where the pages of one flagged material stand.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pages {
    /// Upload ids of the pages the backend has, in page order.
    pub uploaded: Vec<String>,
    /// Pages still waiting or on the wire.
    pub in_progress: usize,
}

/// The pages of `material_id`, from our photo list and the queue's state.
pub fn pages_of(photos: &[SuppPhoto], queue: &[QueueItem], material_id: &str) -> Pages {
    let mut mine: Vec<&SuppPhoto> = photos
        .iter()
        .filter(|p| p.material_id == material_id)
        .collect();
    mine.sort_by_key(|p| p.page_index);
    let mut pages = Pages {
        uploaded: Vec::new(),
        in_progress: 0,
    };
    for p in mine {
        match queue
            .iter()
            .find(|q| q.photo_id == p.photo_id)
            .map(|q| &q.status)
        {
            Some(UploadStatus::Done { upload_id }) => pages.uploaded.push(upload_id.clone()),
            Some(UploadStatus::Pending | UploadStatus::Uploading { .. }) => pages.in_progress += 1,
            // Failed pages need the citizen; unknown ones (queue still loading) count as waiting.
            Some(UploadStatus::Failed { .. }) => {}
            None => pages.in_progress += 1,
        }
    }
    pages
}

/// Why the supplement cannot be sent yet: per material, "upload this" (`None` when fine), or
/// "wait" when every material has a page but some are still uploading.
pub fn readiness(
    items: &[SupplementItem],
    photos: &[SuppPhoto],
    queue: &[QueueItem],
) -> Result<Vec<MaterialPages>, Readiness> {
    let mut missing = Vec::new();
    let mut waiting = false;
    let mut materials = Vec::new();
    for item in items {
        let pages = pages_of(photos, queue, &item.material_id);
        if pages.uploaded.is_empty() && pages.in_progress == 0 {
            missing.push(item.material_id.clone());
        }
        waiting |= pages.in_progress > 0;
        materials.push(MaterialPages {
            material_id: item.material_id.clone(),
            upload_ids: pages.uploaded,
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

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Readiness {
    /// These materials have no page yet.
    Missing(Vec<String>),
    /// Pages are still on their way.
    Uploading,
}

#[component]
pub fn SupplementSection(
    case_number: String,
    query_code: String,
    items: Vec<SupplementItem>,
    on_done: Callback<contract::CaseView>,
) -> impl IntoView {
    uploads::resume_all();
    let number = StoredValue::new(case_number.clone());
    let code = StoredValue::new(query_code);
    let items = StoredValue::new(items);
    let photos = RwSignal::new(load(&case_number));
    let queue = uploads::items();
    // (material id, message) beside each material: photo warnings, processing and send errors.
    let messages = RwSignal::new(Vec::<(String, String)>::new());
    let processing = RwSignal::new(None::<String>);
    let submitting = RwSignal::new(false);
    let form_error = RwSignal::new(None::<String>);

    let set_message = move |material_id: &str, message: Option<String>| {
        messages.update(|m| {
            m.retain(|(id, _)| id != material_id);
            if let Some(message) = message {
                m.push((material_id.to_string(), message));
            }
        });
    };

    let add_files = move |material_id: String, files: Vec<web_sys::File>| {
        processing.set(Some(material_id.clone()));
        set_message(&material_id, None);
        form_error.set(None);
        let case_number = number.get_value();
        spawn_local(async move {
            let mut notes = Vec::new();
            for file in files {
                let prepared = match photo::prepare(&file).await {
                    Ok(p) => p,
                    Err(e) => {
                        notes.push(e.message().to_string());
                        continue;
                    }
                };
                let photo_id = new_id("supp");
                let meta = serde_json::to_string(&PhotoMeta {
                    case_number: &case_number,
                    material_id: &material_id,
                    content_type: &prepared.content_type,
                })
                .unwrap_or_default();
                if let Err(e) = idb::put_blob(&photo_id, &prepared.blob, &meta).await {
                    // Kept in memory: it still uploads while the page stays open.
                    notes.push(e.message().to_string());
                }
                // The list on the device is the truth (the page may have gone meanwhile).
                let mut list = load(&case_number);
                let page_index = next_page(&list, &material_id);
                list.push(SuppPhoto {
                    photo_id: photo_id.clone(),
                    material_id: material_id.clone(),
                    page_index,
                });
                save(&case_number, &list);
                photos.set(list);
                uploads::enqueue(&photo_id, &draft_id(&case_number), &material_id, page_index);
                notes.extend(prepared.warnings.iter().map(|w| w.message().to_string()));
            }
            processing.set(None);
            if !notes.is_empty() {
                messages.update(|m| {
                    m.retain(|(id, _)| id != &material_id);
                    m.push((material_id.clone(), notes.join("；")));
                });
            }
        });
    };

    let remove_photo = move |photo_id: String| {
        let case_number = number.get_value();
        let mut list = load(&case_number);
        list.retain(|p| p.photo_id != photo_id);
        save(&case_number, &list);
        photos.set(list);
        discard(&photo_id);
    };

    let submit = move |_| {
        if submitting.get_untracked() {
            return;
        }
        form_error.set(None);
        let ready = items.with_value(|items| {
            photos.with_untracked(|p| queue.with_untracked(|q| readiness(items, p, q)))
        });
        let materials = match ready {
            Ok(m) => m,
            Err(Readiness::Missing(ids)) => {
                items.with_value(|items| {
                    for item in items.iter().filter(|i| ids.contains(&i.material_id)) {
                        set_message(&item.material_id, Some(t::upload_this(&item.material_name)));
                    }
                });
                form_error.set(Some(t::SUPPLEMENT_INCOMPLETE.into()));
                return;
            }
            Err(Readiness::Uploading) => {
                form_error.set(Some(t::SUPPLEMENT_WAIT.into()));
                return;
            }
        };
        submitting.set(true);
        let body = SupplementSubmission {
            case_number: number.get_value(),
            query_code: code.get_value(),
            materials,
        };
        spawn_local(async move {
            let result: Result<contract::CaseView, ApiErr> =
                api::post("/api/cases/supplement", &body, None).await;
            submitting.set(false);
            match result {
                Ok(view) => {
                    forget(&body.case_number);
                    on_done.try_run(view);
                }
                Err(ApiErr::Rejected(e)) => {
                    for f in &e.fields {
                        if let Some(id) = contract::parse_material_field(&f.field) {
                            set_message(id, Some(f.message.clone()));
                        }
                    }
                    form_error.set(Some(e.message));
                }
                Err(e) => form_error.set(Some(case_error(&e))),
            }
        });
    };

    let done_count = move || {
        items.with_value(|items| {
            photos.with(|p| {
                queue.with(|q| {
                    items
                        .iter()
                        .filter(|i| !pages_of(p, q, &i.material_id).uploaded.is_empty())
                        .count()
                })
            })
        })
    };
    let total = items.with_value(Vec::len);

    view! {
        <section class="section supplement" aria-labelledby="supp-title">
            <h2 id="supp-title">{t::SUPPLEMENT_TITLE}</h2>
            <p>{t::SUPPLEMENT_INTRO}</p>
            <ol class="supp-items">
                {items.get_value().into_iter().map(|item| view! {
                    <SupplementMaterial item=item photos=photos messages=messages
                        processing=processing add_files=add_files remove_photo=remove_photo/>
                }).collect_view()}
            </ol>
            <p class="note" role="status">{move || t::supplement_progress(done_count(), total)}</p>
            {move || form_error.get().map(|m| view! { <p class="track-error" role="alert">{m}</p> })}
            <button type="button" class="button wide" disabled=move || submitting.get() on:click=submit>
                {move || if submitting.get() { t::SUBMITTING } else { t::SUBMIT_SUPPLEMENT }}
            </button>
        </section>
    }
}

#[component]
fn SupplementMaterial(
    item: SupplementItem,
    photos: RwSignal<Vec<SuppPhoto>>,
    messages: RwSignal<Vec<(String, String)>>,
    processing: RwSignal<Option<String>>,
    add_files: impl Fn(String, Vec<web_sys::File>) + Copy + Send + Sync + 'static,
    remove_photo: impl Fn(String) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let material_id = StoredValue::new(item.material_id.clone());
    let input_id = format!("supp-file-{}", item.material_id);
    let name_id = format!("supp-name-{}", item.material_id);
    let message_id = format!("supp-msg-{}", item.material_id);
    let mine = move || {
        let id = material_id.get_value();
        let mut list: Vec<SuppPhoto> =
            photos.with(|p| p.iter().filter(|p| p.material_id == id).cloned().collect());
        list.sort_by_key(|p| p.page_index);
        list
    };
    let message = move || {
        let id = material_id.get_value();
        messages.with(|m| m.iter().find(|(k, _)| *k == id).map(|(_, v)| v.clone()))
    };
    let busy = move || processing.with(|p| p.as_deref() == Some(material_id.get_value().as_str()));
    let on_change = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let files: Vec<web_sys::File> = input
            .files()
            .map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect())
            .unwrap_or_default();
        // Lets the same file be chosen again after a delete.
        input.set_value("");
        if !files.is_empty() {
            add_files(material_id.get_value(), files);
        }
    };
    view! {
        <li class="supp-item">
            <h3 id=name_id.clone()>{item.material_name.clone()}</h3>
            <p class="supp-reason"><strong>{t::SUPPLEMENT_REASON}"："</strong>{item.reason.clone()}</p>
            <ul class="supp-pages">
                <For each=mine key=|p| p.photo_id.clone() children=move |p: SuppPhoto| view! {
                    <PageRow photo=p remove_photo=remove_photo/>
                }/>
            </ul>
            {move || message().map(|m| view! { <p class="track-error" id=message_id.clone()>{m}</p> })}
            {move || busy().then(|| view! { <p class="note" role="status">{t::PROCESSING_PHOTO}</p> })}
            <input type="file" id=input_id.clone() class="file-input" accept="image/*,application/pdf"
                multiple on:change=on_change/>
            <label for=input_id class="button secondary file-button">
                {t::TAKE_PHOTO}<span class="visually-hidden">"："{item.material_name.clone()}</span>
            </label>
        </li>
    }
}

#[component]
fn PageRow(
    photo: SuppPhoto,
    remove_photo: impl Fn(String) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let page = photo.page_index + 1;
    let id = StoredValue::new(photo.photo_id.clone());
    let status = move || uploads::status(&id.get_value());
    let url = RwSignal::new(None::<String>);
    let is_pdf = RwSignal::new(false);
    let photo_id = photo.photo_id.clone();
    spawn_local(async move {
        if let Ok(Some((blob, _))) = idb::get_blob(&photo_id).await {
            if photo::is_pdf(&blob) {
                is_pdf.set(true);
            } else if let Some(u) = photo::object_url(&blob) {
                // The row may be gone already: then the URL is released at once.
                if url.try_set(Some(u.clone())).is_some() {
                    photo::revoke_object_url(&u);
                }
            }
        }
    });
    on_cleanup(move || {
        if let Some(Some(u)) = url.try_get_untracked() {
            photo::revoke_object_url(&u);
        }
    });
    view! {
        <li class="page-row">
            {move || match (url.get(), is_pdf.get()) {
                (Some(src), _) => view! { <img class="supp-thumb" src=src alt=t::page_n(page)/> }.into_any(),
                (None, true) => view! { <span class="supp-thumb pdf">"PDF"</span> }.into_any(),
                (None, false) => view! { <span class="supp-thumb" aria-hidden="true"></span> }.into_any(),
            }}
            <div class="page-info">
                <p class="page-name">{t::page_n(page)}</p>
                <p class="page-status" class:failed=move || matches!(status(), Some(UploadStatus::Failed { .. }))>
                    {move || status().map_or_else(|| t::UPLOAD_WAITING.to_string(), |s| s.label())}
                </p>
                {move || status().and_then(|s| s.percent()).map(|pct| view! {
                    <progress max="100" value=pct aria-label=t::upload_progress_label(page)></progress>
                })}
                <div class="actions">
                    {move || matches!(status(), Some(UploadStatus::Failed { permanent: false, .. })).then(|| view! {
                        <button type="button" class="link-button" on:click=move |_| uploads::retry(&id.get_value())>
                            {t::RETRY_NOW}
                        </button>
                    })}
                    <button type="button" class="link-button" on:click=move |_| remove_photo(id.get_value())>
                        {t::DELETE}<span class="visually-hidden">{t::page_n(page)}</span>
                    </button>
                </div>
            </div>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn photo(id: &str, material: &str, page: u32) -> SuppPhoto {
        SuppPhoto {
            photo_id: id.into(),
            material_id: material.into(),
            page_index: page,
        }
    }

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
    fn pages_are_numbered_per_material() {
        let photos = [
            photo("a", "m1", 0),
            photo("b", "m1", 3),
            photo("c", "m2", 0),
        ];
        assert_eq!(next_page(&photos, "m1"), 4);
        assert_eq!(next_page(&photos, "m2"), 1);
        assert_eq!(next_page(&photos, "m3"), 0);
    }

    #[test]
    fn sends_uploaded_pages_in_page_order_once_all_are_up() {
        let items = [item("m1"), item("m2")];
        let photos = [
            photo("b", "m1", 1),
            photo("a", "m1", 0),
            photo("c", "m2", 0),
        ];
        let mut queue = vec![done("a", "u-a"), done("b", "u-b")];
        // m2's page is not in the queue yet: still on its way.
        assert_eq!(
            readiness(&items, &photos, &queue),
            Err(Readiness::Uploading)
        );
        queue.push(queued("c", UploadStatus::Uploading { sent: 1, total: 9 }));
        assert_eq!(
            readiness(&items, &photos, &queue),
            Err(Readiness::Uploading)
        );
        queue.pop();
        queue.push(done("c", "u-c"));
        let sent = readiness(&items, &photos, &queue).unwrap();
        assert_eq!(sent[0].upload_ids, ["u-a", "u-b"]);
        assert_eq!(sent[1].upload_ids, ["u-c"]);
    }

    #[test]
    fn a_material_without_pages_is_named() {
        let items = [item("m1"), item("m2")];
        let photos = [photo("a", "m1", 0), photo("x", "m2", 0)];
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
            readiness(&items, &photos, &queue),
            Err(Readiness::Missing(vec!["m2".into()]))
        );
        assert_eq!(
            pages_of(&photos, &queue, "m2"),
            Pages {
                uploaded: vec![],
                in_progress: 0
            }
        );
    }
}
