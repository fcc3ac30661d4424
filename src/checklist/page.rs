//! `/checklists/{code}`: everything to bring and know, told once. With situations, the citizen
//! answers first and sees only what applies (精准告知). Ticks stay on the device.

use contract::Service;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::island::{ListProps, CHECKLIST};
use super::situation::answers_in_query;
use crate::components::ServicePage;
use crate::i18n::t;

#[component]
pub fn ChecklistPage() -> impl IntoView {
    view! {
        <ServicePage class="checklist" title_suffix=t::ENTRY_CHECKLIST()
            render=|s| view! { <Checklist service=s/> }.into_any()/>
    }
}

#[component]
fn Checklist(service: Service) -> impl IntoView {
    // The answers in the address the page is drawn for; from then on the island keeps them.
    let answers =
        use_query_map().with_untracked(|q| answers_in_query(&service.situations, |k| q.get(k)));
    let department = service
        .department_en
        .clone()
        .unwrap_or_else(|| service.department.clone());
    view! {
        <h1>{service.name.clone()}</h1>
        <p class="lead">{t::ENTRY_CHECKLIST()}" · "{department}</p>
        {CHECKLIST.render(ListProps::new(&service, answers))}
    }
}
