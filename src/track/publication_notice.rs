//! 许可决定公示 on the case page: a licensing decision on the organisation the case was applied
//! for is made public, and the applicant is told what is published and where.

use contract::{CaseView, Publication};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::t;
use crate::routes;

/// The publications of the case's decision, or of each track's on a 一件事 case; nothing when
/// none was published (a natural person's case, or not yet decided).
pub fn notice(view: &CaseView) -> Option<impl IntoView> {
    let published: Vec<Publication> = view
        .publication
        .iter()
        .chain(view.tracks.iter().filter_map(|t| t.publication.as_ref()))
        .cloned()
        .collect();
    let several = published.len() > 1;
    (!published.is_empty()).then(|| {
        view! {
            <section class="section publication-notice" aria-labelledby="publication-title">
                <h2 id="publication-title">{t::CASE_PUBLICATION_TITLE()}</h2>
                <p>{t::CASE_PUBLICATION_TEXT()}</p>
                {published.into_iter().map(|p| view! {
                    <p>
                        {several.then(|| format!("{}{}", p.service_name, t::COLON()))}
                        {t::case_published_on(&p.published_on.to_string())}" "
                        <A href=routes::publication(&p.id)>{t::CASE_PUBLICATION_LINK()}</A>
                    </p>
                }).collect_view()}
            </section>
        }
    })
}
