//! 效能公开: the line on every guide and the public pages of a service's and a department's
//! figures by month. Every figure comes from the backend's count of decided cases.

mod page;

use contract::{Figures, Performance};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::api;
use crate::components::AsyncView;
use crate::i18n::t;
use crate::routes;

pub use page::{DepartmentPerformancePage, ServicePerformancePage};

/// "近 90 天办结 124 件，平均用时 2.1 个工作日，…" under a guide's summary, with links to the
/// service's and the department's pages.
#[component]
pub fn PerformanceLine(code: String) -> impl IntoView {
    let resource = Resource::new(
        move || code.clone(),
        |code| api::sendable(async move { api::service_performance(&code).await }),
    );
    view! {
        <section class="performance" aria-label=t::PERFORMANCE_TITLE()>
            <AsyncView resource=resource ok=|p: Performance| {
                let code = p.service_code.clone().unwrap_or_default();
                view! {
                    <p class="performance-line">{t::performance_line(&p.recent)}</p>
                    <p class="performance-links">
                        <A href=routes::service_performance(&code)>{t::PERFORMANCE_BY_MONTH()}</A>
                        <A href=routes::department_performance(&p.department)>{t::department_performance(&p.department)}</A>
                    </p>
                }
            }/>
        </section>
    }
}

/// One period's figures as a definition list; "不足 5 件" where a figure is withheld.
pub fn figures_list(f: &Figures) -> impl IntoView {
    let or_too_few = |v: Option<String>| v.unwrap_or_else(|| t::TOO_FEW_CASES().to_string());
    view! {
        <dl class="facts">
            <div><dt>{t::DECIDED()}</dt><dd>{t::case_count(f.decided)}</dd></div>
            <div><dt>{t::AVERAGE_TIME()}</dt><dd>{or_too_few(f.average_working_days.map(t::working_days_tenths))}</dd></div>
            <div><dt>{t::ON_TIME_RATE()}</dt><dd>{or_too_few(f.on_time_percent.map(t::percent))}</dd></div>
            <div><dt>{t::SATISFACTION_RATE()}</dt><dd>{or_too_few(f.satisfied_percent.map(t::percent))}</dd></div>
        </dl>
    }
}
