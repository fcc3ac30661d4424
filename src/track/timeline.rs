//! 办理过程: every step of the case, oldest first, as an ordered list.

use contract::TimelineStep;
use leptos::prelude::*;

use super::facts;
use crate::i18n::t;

/// `2026-11-22T10:30:00+08:00` → `2026-11-22 10:30`; anything else is shown as it came.
pub fn format_time(at: &str) -> String {
    match (at.get(..10), at.get(10..11), at.get(11..16)) {
        (Some(date), Some("T"), Some(time)) => format!("{date} {time}"),
        _ => at.to_string(),
    }
}

/// Department, handler and opinion, each when given.
fn step_facts(s: &TimelineStep) -> Vec<(&'static str, String)> {
    [
        (t::HANDLING_DEPARTMENT, &s.department),
        (t::STEP_HANDLER, &s.handler),
        (t::STEP_OPINION, &s.opinion),
    ]
    .into_iter()
    .filter(|(_, v)| !v.is_empty())
    .map(|(k, v)| (k, v.clone()))
    .collect()
}

#[component]
pub fn Timeline(steps: Vec<TimelineStep>) -> impl IntoView {
    view! {
        <section class="section" aria-labelledby="timeline-title">
            <h2 id="timeline-title">{t::TIMELINE}</h2>
            <ol class="timeline">
                {steps.into_iter().map(|s| view! {
                    <li class="timeline-step">
                        <p class="step-status">{s.status.label()}</p>
                        <p class="step-time">{format_time(&s.at)}</p>
                        {facts("step-facts", step_facts(&s))}
                    </li>
                }).collect_view()}
            </ol>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_shown_to_the_minute() {
        assert_eq!(format_time("2026-11-22T10:30:00+08:00"), "2026-11-22 10:30");
        assert_eq!(format_time("2026-11-22"), "2026-11-22");
        assert_eq!(format_time("昨天"), "昨天");
        assert_eq!(format_time(""), "");
    }
}
