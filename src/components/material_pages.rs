//! The pages of one material, as the online application and the case page's 补正 both show them:
//! the 拍照 / 从相册或文件选择 buttons, each chosen file prepared on the phone ([`crate::photo`]),
//! saved on the device ([`idb`]) and queued for upload ([`uploads`]), and the numbered list of
//! pages with preview, upload status, quality warnings and 删除.
//!
//! Where the list of pages is kept is the page's business: it says so through [`PageStore`].

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsCast;

use crate::i18n::t;
use crate::photo;
use crate::storage::uploads::{self, UploadStatus};
use crate::storage::{idb, new_id};

/// One photographed page of a material.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PageRef {
    pub material_id: String,
    pub photo_id: String,
    /// Quality warnings shown beside the preview (already in Chinese).
    #[serde(default)]
    pub warnings: Vec<String>,
    /// A PDF has no image preview.
    #[serde(default)]
    pub pdf: bool,
}

/// Where a page keeps its list of pages (every material's, in page order).
pub trait PageStore: Copy + Send + Sync + 'static {
    /// The whole list; reactive when read in a view. Empty once the page that held it is gone.
    fn pages(&self) -> Vec<PageRef>;
    /// Changes the list and keeps it.
    fn update(&self, change: impl FnOnce(&mut Vec<PageRef>));
    /// The `draft` the upload queue files these pages under; `None` once the page that held the
    /// list is gone (a photo finished preparing after the citizen left).
    fn draft_id(&self) -> Option<String>;
}

/// The pages of `material_id`, in page order.
pub fn pages_of<'a>(
    pages: &'a [PageRef],
    material_id: &'a str,
) -> impl Iterator<Item = &'a PageRef> + 'a {
    pages.iter().filter(move |p| p.material_id == material_id)
}

/// Puts `page` in place of the page `replacing` names (so a retaken page keeps its number), or
/// after the last one, and returns its index within its material, from 0.
pub fn put_page(pages: &mut Vec<PageRef>, page: PageRef, replacing: Option<&str>) -> u32 {
    let material_id = page.material_id.clone();
    let photo_id = page.photo_id.clone();
    match replacing.and_then(|old| pages.iter().position(|p| p.photo_id == old)) {
        Some(i) => pages[i] = page,
        None => pages.push(page),
    }
    page_index(pages, &material_id, &photo_id).unwrap_or(0)
}

/// Index of a photo among its material's pages, from 0.
pub fn page_index(pages: &[PageRef], material_id: &str, photo_id: &str) -> Option<u32> {
    pages_of(pages, material_id)
        .position(|p| p.photo_id == photo_id)
        .map(|i| i as u32)
}

/// Stored with the photo's blob, for whoever looks at the device's storage.
#[derive(Serialize)]
struct PhotoMeta<'a> {
    draft_id: &'a str,
    material_id: &'a str,
    content_type: &'a str,
}

/// Stops a photo's upload and deletes it from the device.
pub fn discard(photo_id: &str) {
    uploads::remove(photo_id);
    let id = photo_id.to_string();
    spawn_local(async move {
        let _ = idb::delete_blob(&id).await;
    });
}

/// The buttons and pages of one material. `name` completes the buttons' names for screen readers;
/// `error` is the page's own message about this material (a validation error, say).
pub fn material_pages<S: PageStore>(
    store: S,
    material_id: String,
    name: String,
    error: Signal<Option<String>>,
) -> impl IntoView {
    let mid = StoredValue::new(material_id.clone());
    // Photo and storage errors for this material.
    let message = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    // Files are prepared one at a time in the order chosen, so page 1 stays page 1 even when a
    // later, smaller photo would be ready first.
    let waiting: Rc<RefCell<VecDeque<web_sys::File>>> = Rc::default();
    // A plain string: the queue may still run after the section is gone.
    let queue_mid = material_id.clone();
    let on_files = move |ev: leptos::ev::Event| {
        waiting.borrow_mut().extend(take_files(&ev));
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        message.set(None);
        let (waiting, material_id) = (waiting.clone(), queue_mid.clone());
        spawn_local(async move {
            let mut notes = Vec::new();
            loop {
                let next = waiting.borrow_mut().pop_front();
                let Some(file) = next else { break };
                if let Err(note) = add_file(store, &material_id, file, None).await {
                    notes.push(note);
                }
            }
            if !notes.is_empty() {
                message.set(Some(notes.join(t::SEMI())));
            }
            busy.set(false);
        });
    };
    let on_pick = on_files.clone();
    let camera_id = format!("camera-{material_id}");
    let pick_id = format!("pick-{material_id}");
    let suffix = format!("{}{name}", t::COLON());
    let mine = move || {
        let pages = store.pages();
        mid.with_value(|m| pages_of(&pages, m).cloned().collect::<Vec<_>>())
    };
    view! {
        {move || error.get().map(|m| view! { <p class="error-message">{m}</p> })}
        <ol class="material-pages">
            <For each=mine key=|p| p.photo_id.clone()
                children=move |p| page_item(store, p, message)/>
        </ol>
        <div class="actions">
            <input class="file-input" type="file" id=camera_id.clone() accept="image/*" capture="environment"
                on:change=on_files/>
            <label class="button" for=camera_id>
                {t::TAKE_PHOTO()}<span class="visually-hidden">{suffix.clone()}</span>
            </label>
            <input class="file-input" type="file" id=pick_id.clone() accept="image/*,application/pdf" multiple
                on:change=on_pick/>
            <label class="button secondary" for=pick_id>
                {t::PICK_FILE()}<span class="visually-hidden">{suffix}</span>
            </label>
        </div>
        {move || busy.get().then(|| view! { <p class="note" role="status">{t::PREPARING_PHOTO()}</p> })}
        {move || message.get().map(|m| view! { <p class="error-message" role="alert">{m}</p> })}
    }
}

fn page_item<S: PageStore>(
    store: S,
    page: PageRef,
    message: RwSignal<Option<String>>,
) -> impl IntoView {
    let id = StoredValue::new(page.photo_id.clone());
    let number = {
        let (mid, pid) = (page.material_id.clone(), page.photo_id.clone());
        Memo::new(move |_| page_index(&store.pages(), &mid, &pid).unwrap_or(0) as usize + 1)
    };
    let status = move || uploads::status(&id.get_value());
    // Not queued yet: the queue is still loading after a reload.
    let spoken =
        Memo::new(move |_| status().map_or_else(|| t::UPLOAD_PENDING().to_string(), |s| s.label()));
    let (url, pdf) = preview(&page);
    let stored = StoredValue::new(page.clone());
    let rotate = move |_| {
        let page = stored.get_value();
        spawn_local(async move {
            let Ok(Some((blob, _))) = idb::get_blob(&page.photo_id).await else {
                message.set(Some(t::UPLOAD_PHOTO_MISSING().into()));
                return;
            };
            match photo::rotate(&blob, 1).await {
                Ok(turned) => {
                    let turned_page = PageRef {
                        photo_id: new_id("p"),
                        ..page.clone()
                    };
                    let note = keep(store, turned_page, &turned, "image/jpeg", Some(page)).await;
                    message.set(note.map(Into::into));
                }
                Err(e) => message.set(Some(e.message().into())),
            }
        });
    };
    let delete = move |_| {
        let photo_id = id.get_value();
        store.update(|pages| pages.retain(|p| p.photo_id != photo_id));
        discard(&photo_id);
    };
    let retake_id = format!("retake-{}", page.photo_id);
    let on_retake = move |ev: leptos::ev::Event| {
        let files = take_files(&ev);
        let old = stored.get_value();
        spawn_local(async move {
            if let Some(file) = files.into_iter().next() {
                message.set(None);
                let material_id = old.material_id.clone();
                if let Err(note) = add_file(store, &material_id, file, Some(old)).await {
                    message.set(Some(note));
                }
            }
        });
    };
    view! {
        <li class="page-item">
            <div class="page-thumb">
                {move || match (pdf.get(), url.get()) {
                    (true, _) => view! { <span>"PDF"</span> }.into_any(),
                    (false, Some(src)) => view! { <img src=src alt=move || t::page_n(number.get())/> }.into_any(),
                    (false, None) => view! { <span aria-hidden="true"></span> }.into_any(),
                }}
            </div>
            <div class="page-body">
                <p class="page-name">{move || t::page_n(number.get())}</p>
                // A polite live region that speaks when the status changes and at each quarter
                // of an upload (a Memo: the same text notifies no one); the bar below moves by
                // the percent without being read out.
                <p class="page-status" role="status" aria-live="polite"
                    class:failed=move || matches!(status(), Some(UploadStatus::Failed { .. }))>
                    {move || spoken.get()}
                </p>
                {move || status().and_then(|s| s.percent()).map(|pct| view! {
                    <progress max="100" value=pct aria-label=move || t::upload_progress_label(number.get())></progress>
                })}
                {page.warnings.iter().map(|w| view! { <p class="warning">{w.clone()}</p> }).collect_view()}
                <div class="page-actions">
                    {move || matches!(status(), Some(UploadStatus::Failed { permanent: false, .. })).then(|| view! {
                        <button type="button" class="link-button" on:click=move |_| uploads::retry(&id.get_value())>
                            {t::RETRY_NOW()}
                        </button>
                    })}
                    {(!page.pdf).then(|| view! {
                        <button type="button" class="link-button" on:click=rotate>{t::ROTATE()}</button>
                    })}
                    <input class="file-input" type="file" id=retake_id.clone() accept="image/*,application/pdf"
                        capture="environment" on:change=on_retake/>
                    <label class="link-button" for=retake_id>{t::RETAKE()}</label>
                    <button type="button" class="link-button danger" on:click=delete
                        aria-label=move || format!("{}{}", t::DELETE(), t::page_n(number.get()))>
                        {t::DELETE()}
                    </button>
                </div>
            </div>
        </li>
    }
}

/// The page's preview URL, read back from the device (so a reload shows it too), and whether it
/// is a PDF. The URL is released with the row.
fn preview(page: &PageRef) -> (RwSignal<Option<String>>, RwSignal<bool>) {
    let url = RwSignal::new(None::<String>);
    let pdf = RwSignal::new(page.pdf);
    if !page.pdf {
        let photo_id = page.photo_id.clone();
        spawn_local(async move {
            let Ok(Some((blob, _))) = idb::get_blob(&photo_id).await else {
                return;
            };
            // Pages kept before PDFs were marked are recognised by their blob.
            if photo::is_pdf(&blob) {
                pdf.try_set(true);
            } else if let Some(u) = photo::object_url(&blob) {
                // The row may be gone already: then the URL is released at once.
                if url.try_set(Some(u.clone())).is_some() {
                    photo::revoke_object_url(&u);
                }
            }
        });
    }
    on_cleanup(move || {
        if let Some(Some(u)) = url.try_get_untracked() {
            photo::revoke_object_url(&u);
        }
    });
    (url, pdf)
}

fn take_files(ev: &leptos::ev::Event) -> Vec<web_sys::File> {
    let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return Vec::new();
    };
    let files = input
        .files()
        .map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect())
        .unwrap_or_default();
    // Lets the same file be chosen again after a delete.
    input.set_value("");
    files
}

/// Prepares a file and keeps it as a page (in place of `replacing`, if given). The error is the
/// message to show beside the material.
async fn add_file<S: PageStore>(
    store: S,
    material_id: &str,
    file: web_sys::File,
    replacing: Option<PageRef>,
) -> Result<(), String> {
    let prepared = photo::prepare(&file).await.map_err(|e| e.message())?;
    let page = PageRef {
        material_id: material_id.into(),
        photo_id: new_id("p"),
        warnings: prepared
            .warnings
            .iter()
            .map(|w| w.message().to_string())
            .collect(),
        pdf: prepared.content_type == "application/pdf",
    };
    match keep(
        store,
        page,
        &prepared.blob,
        &prepared.content_type,
        replacing,
    )
    .await
    {
        Some(note) => Err(note.into()),
        None => Ok(()),
    }
}

/// Saves the blob on the device, records the page and queues its upload; the page it replaces is
/// discarded. Returns a note when the device could not save the blob: it is then kept in memory
/// and still uploads while the page stays open, which the note asks the citizen to do.
async fn keep<S: PageStore>(
    store: S,
    page: PageRef,
    blob: &web_sys::Blob,
    content_type: &str,
    replacing: Option<PageRef>,
) -> Option<&'static str> {
    // Left meanwhile: nothing holds the page list any more, so the photo is not kept.
    let draft_id = store.draft_id()?;
    let meta = serde_json::to_string(&PhotoMeta {
        draft_id: &draft_id,
        material_id: &page.material_id,
        content_type,
    })
    .unwrap_or_default();
    let saved = idb::put_blob(&page.photo_id, blob, &meta).await;
    let (photo_id, material_id) = (page.photo_id.clone(), page.material_id.clone());
    let mut index = 0;
    store.update(|pages| {
        index = put_page(pages, page, replacing.as_ref().map(|p| p.photo_id.as_str()));
    });
    uploads::enqueue(&photo_id, &draft_id, &material_id, index);
    if let Some(old) = replacing {
        discard(&old.photo_id);
    }
    saved.err().map(|e| e.message())
}

/// A page without warnings, for tests.
#[cfg(test)]
pub fn page(material_id: &str, photo_id: &str) -> PageRef {
    PageRef {
        material_id: material_id.into(),
        photo_id: photo_id.into(),
        ..Default::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(pages: &[PageRef]) -> Vec<&str> {
        pages.iter().map(|p| p.photo_id.as_str()).collect()
    }

    #[test]
    fn pages_are_numbered_per_material_in_list_order() {
        let mut pages = vec![page("m1", "a"), page("m2", "b")];
        assert_eq!(put_page(&mut pages, page("m1", "c"), None), 1);
        assert_eq!(put_page(&mut pages, page("m2", "d"), None), 1);
        assert_eq!(ids(&pages), ["a", "b", "c", "d"]);
        assert_eq!(page_index(&pages, "m1", "a"), Some(0));
        assert_eq!(page_index(&pages, "m1", "b"), None);
        // After a delete, the pages behind move up.
        pages.retain(|p| p.photo_id != "a");
        assert_eq!(page_index(&pages, "m1", "c"), Some(0));
    }

    #[test]
    fn a_retaken_page_keeps_its_place() {
        let mut pages = vec![page("m1", "a"), page("m1", "b"), page("m1", "c")];
        assert_eq!(put_page(&mut pages, page("m1", "a2"), Some("a")), 0);
        assert_eq!(ids(&pages), ["a2", "b", "c"]);
        // A page deleted meanwhile is not brought back; the new one goes last.
        assert_eq!(put_page(&mut pages, page("m1", "x2"), Some("x")), 3);
    }

    #[test]
    fn pages_without_warnings_or_pdf_flag_still_load() {
        let old: PageRef =
            serde_json::from_str(r#"{"photo_id":"p","material_id":"m","page_index":3}"#).unwrap();
        assert_eq!(old, page("m", "p"));
    }
}
