//! 办理过程: every step of the case, oldest first, as an ordered list.

use contract::TimelineStep;
use leptos::prelude::*;

use super::facts;
use crate::i18n::t;
use crate::today::format_time;

/// Department, handler and opinion, each when given.
fn step_facts(s: &TimelineStep) -> Vec<(&'static str, String)> {
    [
        (t::HANDLING_DEPARTMENT(), &s.department),
        (t::STEP_HANDLER(), &s.handler),
        (t::STEP_OPINION(), &s.opinion),
    ]
    .into_iter()
    .filter(|(_, v)| !v.is_empty())
    .map(|(k, v)| (k, v.clone()))
    .collect()
}

#[component]
pub fn Timeline(
    steps: Vec<TimelineStep>,
    /// Tells apart the timelines of one page's tracks (一件事).
    #[prop(optional, into)]
    key: Option<String>,
) -> impl IntoView {
    let title_id = match key {
        Some(k) => format!("timeline-title-{k}"),
        None => "timeline-title".to_string(),
    };
    let labelled_by = title_id.clone();
    view! {
        <section class="section" aria-labelledby=labelled_by>
            <h2 id=title_id>{t::TIMELINE()}</h2>
            <ol class="timeline">
                {steps.into_iter().map(|s| view! {
                    <li class="timeline-step">
                        <p class="step-status">{t::case_status(s.status)}</p>
                        <p class="step-time">{format_time(&s.at)}</p>
                        {facts("step-facts", step_facts(&s))}
                    </li>
                }).collect_view()}
            </ol>
        </section>
    }
}
