//! 拍照上传: for each material the chosen situation requires, photograph or pick pages; each page
//! is prepared on the phone, saved on the device and uploaded in the background at once.

use contract::{FieldError, Material, MaterialSource};
use leptos::prelude::*;

use super::draft::PageRef;
use super::page::ApplyCtx;
use crate::components::form::{dom_id, error_for};
use crate::components::material_pages::{material_pages, PageStore};
use crate::i18n::t;

/// The application keeps its pages in the draft, which is saved on the device at every change.
impl PageStore for ApplyCtx {
    fn pages(&self) -> Vec<PageRef> {
        self.draft.try_with(|d| d.pages.clone()).unwrap_or_default()
    }

    fn update(&self, change: impl FnOnce(&mut Vec<PageRef>)) {
        ApplyCtx::update(self, |d| change(&mut d.pages));
    }

    fn draft_id(&self) -> Option<String> {
        self.draft.try_with_untracked(|d| d.id.clone())
    }
}

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
    view! {
        <p class="lead">{t::MATERIALS_INTRO()}</p>
        {uploadable(&ctx).into_iter().map(|m| material_block(ctx, m, errors)).collect_view()}
    }
}

fn material_block(ctx: ApplyCtx, m: Material, errors: Signal<Vec<FieldError>>) -> impl IntoView {
    let field = contract::material_field(&m.id);
    let section_id = dom_id(&field);
    let heading_id = format!("mh-{}", m.id);
    let labelled_by = heading_id.clone();
    let error = Signal::derive(move || errors.with(|e| error_for(e, &field)));
    view! {
        <section class="material-upload" id=section_id aria-labelledby=labelled_by>
            <h2 id=heading_id>{m.name.clone()}</h2>
            <p class="material-meta">
                <span>{t::necessity(m.required)}</span>
                <span>{t::material_form(m.form)}</span>
            </p>
            {(!m.notes.is_empty()).then(|| view! { <p class="note">{m.notes.clone()}</p> })}
            {material_pages(ctx, m.id.clone(), m.name.clone(), error)}
        </section>
    }
}
