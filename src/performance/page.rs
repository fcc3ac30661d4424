//! `/performance/services/{code}` and `/performance/departments/{department}`: the last 90 days
//! and each of the last six months.

use contract::{Figures, Performance};
use leptos::prelude::*;
use leptos_router::components::A;

use super::figures_list;
use crate::api;
use crate::components::{set_title, AsyncView};
use crate::i18n::t;
use crate::routes::{self, DepartmentParams, ServiceParams};

#[component]
pub fn ServicePerformancePage() -> impl IntoView {
    let params = routes::params::<ServiceParams>();
    let resource = Resource::new(
        move || params.get().and_then(|p| p.code).unwrap_or_default(),
        |code| api::sendable(async move { api::service_performance(&code).await }),
    );
    view! {
        <main id="main" class="page performance-page">
            <AsyncView resource=resource page=true ok=|p: Performance| performance(p)/>
        </main>
    }
}

#[component]
pub fn DepartmentPerformancePage() -> impl IntoView {
    let params = routes::params::<DepartmentParams>();
    let resource = Resource::new(
        move || params.get().and_then(|p| p.department).unwrap_or_default(),
        |name| api::sendable(async move { api::department_performance(&name).await }),
    );
    view! {
        <main id="main" class="page performance-page">
            <AsyncView resource=resource page=true ok=|p: Performance| performance(p)/>
        </main>
    }
}

fn performance(p: Performance) -> impl IntoView {
    let services = p.services.clone();
    set_title(&format!("{}{}", p.name, t::PERFORMANCE_TITLE()));
    let heading = match &p.service_code {
        Some(code) => view! {
            <p class="lead">
                <A href=routes::guide(code)>{t::VIEW_GUIDE()}</A>" · "
                <A href=routes::department_performance(&p.department)>{p.department.clone()}</A>
            </p>
        }
        .into_any(),
        None => ().into_any(),
    };
    view! {
        <h1>{p.name.clone()}" · "{t::PERFORMANCE_TITLE()}</h1>
        {heading}
        <section class="section">
            <h2>{t::LAST_90_DAYS()}</h2>
            <p class="performance-line">{t::performance_line(&p.recent)}</p>
            {figures_list(&p.recent)}
        </section>
        <section class="section">
            <h2>{t::PERFORMANCE_BY_MONTH()}</h2>
            <ul class="performance-months">
                {p.months.iter().map(month).collect_view()}
            </ul>
        </section>
        {(!services.is_empty()).then(move || view! {
            <section class="section">
                <h2>{t::DEPARTMENT_SERVICES()}</h2>
                <ul class="performance-services">
                    {services.into_iter().map(|s| view! {
                        <li>
                            <A href=routes::service_performance(&s.service_code)>{s.service_name.clone()}</A>
                            <p class="note">{t::performance_line(&s.recent)}</p>
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        })}
        <p class="note">{t::PERFORMANCE_NOTE()}</p>
    }
}

fn month(f: &Figures) -> impl IntoView {
    view! {
        <li>
            <h3>{t::month_label(f.from, f.to)}</h3>
            {figures_list(f)}
        </li>
    }
}
