//! `/checklists`: every list, grouped by department or by life-event theme.

use std::collections::BTreeMap;
use std::sync::Arc;

use contract::ServiceSummary;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::components::{set_title, AsyncView};
use crate::i18n::t;
use crate::routes;

#[component]
pub fn ChecklistBrowsePage() -> impl IntoView {
    set_title(t::ENTRY_CHECKLIST());
    let catalog = crate::app::catalog();
    let query = use_query_map();
    let by_theme = move || query.with(|q| q.get("by").as_deref() == Some("theme"));
    view! {
        <main id="main" class="page">
            <h1>{t::ENTRY_CHECKLIST()}</h1>
            <p class="lead">{t::CHECKLIST_INTRO()}</p>
            <nav class="segmented" aria-label=t::GROUP_BY()>
                <A href=routes::checklists() attr:aria-current=move || (!by_theme()).then_some("page")>{t::BY_DEPARTMENT()}</A>
                <A href=routes::checklists_by_theme() attr:aria-current=move || by_theme().then_some("page")>{t::BY_THEME()}</A>
            </nav>
            <AsyncView resource=catalog ok={move |all: Arc<Vec<ServiceSummary>>| {
                    let mut groups: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
                    for s in all.iter() {
                        let keys = if by_theme() { s.themes.clone() } else { vec![s.department.clone()] };
                        for k in keys {
                            groups.entry(k).or_default().push((s.code.clone(), s.name.clone()));
                        }
                    }
                    groups.into_iter().map(|(group, items)| view! {
                        <section class="group">
                            <h2>{group}</h2>
                            <ul class="link-list">
                                {items.into_iter().map(|(code, name)| view! {
                                    <li><A href=routes::checklist(&code, &[])>{name}</A></li>
                                }).collect_view()}
                            </ul>
                        </section>
                    }).collect_view()
            }}/>
        </main>
    }
}
