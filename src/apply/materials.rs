//! 拍照上传: for each material the chosen situation requires, photograph or pick pages; each page
//! is prepared on the phone, saved on the device and uploaded in the background at once.

use std::cell::RefCell;
use std::collections::{HashMap, VecDeque};
use std::rc::Rc;

use contract::{FieldError, Material, MaterialSource};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::draft::PageRef;
use super::page::ApplyCtx;
use crate::components::form::{dom_id, error_for};
use crate::i18n::t;
use crate::photo;
use crate::storage::{idb, new_id, uploads};

/// Object URLs of the page previews, by photo id.
type Previews = RwSignal<HashMap<String, String>>;

/// The materials to upload: those that apply, minus the ones the center fetches itself.
pub fn uploadable(ctx: &ApplyCtx) -> Vec<Material> {
    let (chosen, by_agent) = ctx
        .draft
        .with_untracked(|d| (d.situation.clone(), d.has_agent));
    ctx.service.with_value(|s| {
        s.materials_for_application(&chosen, by_agent)
            .into_iter()
            .filter(|m| {
                !matches!(
                    m.source,
                    MaterialSource::Department {
                        fetched_by_center: true,
                        ..
                    }
                )
            })
            .collect()
    })
}

pub fn materials(errors: Signal<Vec<FieldError>>) -> impl IntoView {
    let ctx = expect_context::<ApplyCtx>();
    let previews: Previews = RwSignal::new(HashMap::new());
    // Previews of pages saved earlier (after a reload) come back from IndexedDB.
    for page in ctx.draft.with_untracked(|d| d.pages.clone()) {
        if !page.pdf {
            leptos::task::spawn_local(async move {
                if let Ok(Some((blob, _))) = idb::get_blob(&page.photo_id).await {
                    if let Some(url) = photo::object_url(&blob) {
                        previews.update(|m| {
                            m.insert(page.photo_id.clone(), url);
                        });
                    }
                }
            });
        }
    }
    on_cleanup(move || {
        previews.with_untracked(|m| m.values().for_each(|u| photo::revoke_object_url(u)));
    });
    view! {
        <p class="lead">{t::MATERIALS_INTRO}</p>
        {uploadable(&ctx).into_iter().map(|m| material_block(ctx, m, errors, previews)).collect_view()}
    }
}

fn material_block(
    ctx: ApplyCtx,
    m: Material,
    errors: Signal<Vec<FieldError>>,
    previews: Previews,
) -> impl IntoView {
    let field = contract::material_field(&m.id);
    let section_id = dom_id(&field);
    let message: RwSignal<Option<String>> = RwSignal::new(None);
    let busy = RwSignal::new(false);
    let mid = m.id.clone();
    let camera_id = format!("camera-{}", m.id);
    let pick_id = format!("pick-{}", m.id);
    // Files are prepared one at a time in the order chosen, so page 1 stays page 1 even when
    // a later, smaller photo would be ready first.
    let waiting: Rc<RefCell<VecDeque<web_sys::File>>> = Rc::default();
    let on_files = {
        let mid = mid.clone();
        move |ev: leptos::ev::Event| {
            waiting.borrow_mut().extend(take_files(&ev));
            if busy.get_untracked() {
                return;
            }
            busy.set(true);
            let (mid, waiting) = (mid.clone(), waiting.clone());
            leptos::task::spawn_local(async move {
                loop {
                    let next = waiting.borrow_mut().pop_front();
                    let Some(file) = next else { break };
                    add_file(ctx, &mid, file, None, message, previews).await;
                }
                busy.set(false);
            });
        }
    };
    let on_files2 = on_files.clone();
    let pages_mid = mid.clone();
    view! {
        <section class="material-upload" id=section_id aria-labelledby=format!("mh-{}", m.id)>
            <h2 id=format!("mh-{}", m.id)>{m.name.clone()}</h2>
            <p class="material-meta">
                <span>{t::necessity(m.required)}</span>
                <span>{t::material_form(m.form)}</span>
            </p>
            {(!m.notes.is_empty()).then(|| view! { <p class="note">{m.notes.clone()}</p> })}
            {move || errors.with(|e| error_for(e, &field)).map(|msg| view! { <p class="error-message">{msg}</p> })}
            <ol class="pages">
                {move || ctx.draft.with(|d| d.pages_of(&pages_mid)).into_iter().enumerate()
                    .map(|(i, p)| page_item(ctx, i, p, message, previews)).collect_view()}
            </ol>
            <div class="actions">
                <label class="button" for=camera_id.clone()>{t::TAKE_PHOTO}</label>
                <input class="visually-hidden" type="file" id=camera_id accept="image/*" capture="environment"
                    on:change=on_files/>
                <label class="button secondary" for=pick_id.clone()>{t::PICK_FILE}</label>
                <input class="visually-hidden" type="file" id=pick_id accept="image/*,application/pdf" multiple
                    on:change=on_files2/>
            </div>
            {move || busy.get().then(|| view! { <p class="note" role="status">{t::PREPARING_PHOTO}</p> })}
            {move || message.get().map(|msg| view! { <p class="error-message" role="alert">{msg}</p> })}
        </section>
    }
}

fn page_item(
    ctx: ApplyCtx,
    index: usize,
    page: PageRef,
    message: RwSignal<Option<String>>,
    previews: Previews,
) -> impl IntoView {
    let pid = page.photo_id.clone();
    let status = {
        let pid = pid.clone();
        move || uploads::status(&pid)
    };
    let status2 = status.clone();
    let label = t::page_n(index + 1);
    let url = {
        let pid = pid.clone();
        move || previews.with(|m| m.get(&pid).cloned())
    };
    let rotate = {
        let page = page.clone();
        move |_| {
            let page = page.clone();
            leptos::task::spawn_local(async move {
                let Ok(Some((blob, _))) = idb::get_blob(&page.photo_id).await else {
                    message.set(Some(t::UPLOAD_PHOTO_MISSING.into()));
                    return;
                };
                match photo::rotate(&blob, 1).await {
                    Ok(turned) => replace_page(ctx, &page, turned, message, previews).await,
                    Err(e) => message.set(Some(e.message().into())),
                }
            });
        }
    };
    let delete = {
        let page = page.clone();
        move |_| {
            let page = page.clone();
            drop_page(ctx, &page, previews);
        }
    };
    let retake_id = format!("retake-{}", page.photo_id);
    let on_retake = {
        let page = page.clone();
        move |ev: leptos::ev::Event| {
            let files = take_files(&ev);
            let page = page.clone();
            leptos::task::spawn_local(async move {
                if let Some(file) = files.into_iter().next() {
                    add_file(
                        ctx,
                        &page.material_id,
                        file,
                        Some(page.clone()),
                        message,
                        previews,
                    )
                    .await;
                }
            });
        }
    };
    view! {
        <li class="page-item">
            <div class="thumb">
                {move || match (page.pdf, url()) {
                    (true, _) => view! { <span class="pdf-badge">"PDF"</span> }.into_any(),
                    (false, Some(u)) => view! { <img src=u alt=label.clone()/> }.into_any(),
                    (false, None) => view! { <span class="pdf-badge">{t::LOADING}</span> }.into_any(),
                }}
            </div>
            <div class="page-body">
                <p class="page-title">{t::page_n(index + 1)}</p>
                <p class="upload-status" role="status">{move || status().map(|s| s.label()).unwrap_or_default()}</p>
                {move || status2().and_then(|s| s.percent()).map(|p| view! {
                    <progress max="100" value=p.to_string() aria-label=t::UPLOAD_PROGRESS></progress>
                })}
                {page.warnings.iter().map(|w| view! { <p class="warning">{w.clone()}</p> }).collect_view()}
                <div class="page-actions">
                    {(!page.pdf).then(|| view! { <button type="button" class="link-button" on:click=rotate>{t::ROTATE}</button> })}
                    <label class="link-button" for=retake_id.clone()>{t::RETAKE}</label>
                    <input class="visually-hidden" type="file" id=retake_id accept="image/*,application/pdf"
                        capture="environment" on:change=on_retake/>
                    <button type="button" class="link-button danger" on:click=delete>{t::DELETE}</button>
                </div>
            </div>
        </li>
    }
}

fn take_files(ev: &leptos::ev::Event) -> Vec<web_sys::File> {
    let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if let Some(list) = input.files() {
        for i in 0..list.length() {
            if let Some(f) = list.get(i) {
                out.push(f);
            }
        }
    }
    // Let the same file be chosen again after a delete.
    input.set_value("");
    out
}

/// Prepares a file and adds it as a page (or in place of `replacing`), saved and queued.
async fn add_file(
    ctx: ApplyCtx,
    material_id: &str,
    file: web_sys::File,
    replacing: Option<PageRef>,
    message: RwSignal<Option<String>>,
    previews: Previews,
) {
    message.set(None);
    let prepared = match photo::prepare(&file).await {
        Ok(p) => p,
        Err(e) => {
            message.set(Some(e.message().into()));
            return;
        }
    };
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
    if let Err(e) = store_and_queue(
        ctx,
        &page,
        &prepared.blob,
        &prepared.content_type,
        replacing.as_ref(),
    )
    .await
    {
        message.set(Some(e.into()));
        return;
    }
    if !page.pdf {
        if let Some(url) = photo::object_url(&prepared.blob) {
            previews.update(|m| {
                m.insert(page.photo_id.clone(), url);
            });
        }
    }
    if let Some(old) = replacing {
        forget_photo(&old, previews);
    }
}

async fn replace_page(
    ctx: ApplyCtx,
    old: &PageRef,
    blob: web_sys::Blob,
    message: RwSignal<Option<String>>,
    previews: Previews,
) {
    let page = PageRef {
        photo_id: new_id("p"),
        ..old.clone()
    };
    if let Err(e) = store_and_queue(ctx, &page, &blob, "image/jpeg", Some(old)).await {
        message.set(Some(e.into()));
        return;
    }
    if let Some(url) = photo::object_url(&blob) {
        previews.update(|m| {
            m.insert(page.photo_id.clone(), url);
        });
    }
    forget_photo(old, previews);
}

/// Saves the blob on the device first, then records it in the draft and queues the upload:
/// once the draft names a photo, the photo is on the device.
async fn store_and_queue(
    ctx: ApplyCtx,
    page: &PageRef,
    blob: &web_sys::Blob,
    content_type: &str,
    replacing: Option<&PageRef>,
) -> Result<(), &'static str> {
    let meta = format!(
        "{{\"material_id\":{:?},\"content_type\":{:?}}}",
        page.material_id, content_type
    );
    idb::put_blob(&page.photo_id, blob, &meta)
        .await
        .map_err(|e| e.message())?;
    let draft_id = ctx.draft.with_untracked(|d| d.id.clone());
    let mut index = 0;
    ctx.update(|d| {
        match replacing.and_then(|old| d.pages.iter().position(|p| p.photo_id == old.photo_id)) {
            Some(i) => d.pages[i] = page.clone(),
            None => d.pages.push(page.clone()),
        }
        index = d
            .pages
            .iter()
            .filter(|p| p.material_id == page.material_id)
            .count() as u32;
    });
    uploads::enqueue(
        &page.photo_id,
        &draft_id,
        &page.material_id,
        index.saturating_sub(1),
    );
    Ok(())
}

fn drop_page(ctx: ApplyCtx, page: &PageRef, previews: Previews) {
    ctx.update(|d| d.pages.retain(|p| p.photo_id != page.photo_id));
    forget_photo(page, previews);
}

/// Stops the upload and deletes the photo from the device.
fn forget_photo(page: &PageRef, previews: Previews) {
    uploads::remove(&page.photo_id);
    if let Some(url) = previews.try_update(|m| m.remove(&page.photo_id)).flatten() {
        photo::revoke_object_url(&url);
    }
    let id = page.photo_id.clone();
    leptos::task::spawn_local(async move {
        let _ = idb::delete_blob(&id).await;
    });
}
