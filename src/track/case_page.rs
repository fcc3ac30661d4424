//! `/track/{case_number}`: one case on the phone. The query code comes from my cases on this
//! device; opening the page marks the case as seen.

use contract::calendar::WorkCalendar;
use contract::chrono::NaiveDate as Date;
use contract::{CaseStatus, CaseView, PauseInfo, PauseKind};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

use super::countdown::{countdown, load_calendar, unit_of, years_needed, Countdown};
use super::rating::RatingSection;
use super::result::{decision, ResultSection};
use super::supplement::{self, SupplementSection};
use super::timeline::Timeline;
use super::{case_error, facts, fetch_case, my_cases, saved};
use crate::api::ApiErr;
use crate::components::{set_title, ErrorRetry, Loading};
use crate::i18n::t;
use crate::routes::{self, CaseParams};
use crate::today::{format_time, today_in_china};

#[derive(Clone, Debug, PartialEq)]
enum Load {
    Loading,
    /// The device has no query code for this number.
    NoCode,
    Failed(ApiErr),
    Ready(Box<CaseView>),
}

/// A colour family for the status badge; a delivered refusal is not shown as a success.
pub fn status_class(status: CaseStatus, decision: Option<CaseStatus>) -> &'static str {
    match status {
        CaseStatus::Submitted => "status-big pending",
        CaseStatus::Accepted | CaseStatus::UnderReview => "status-big running",
        CaseStatus::SupplementRequired | CaseStatus::SpecialProcedure => "status-big attention",
        CaseStatus::Delivered if decision == Some(CaseStatus::Refused) => "status-big running",
        CaseStatus::Approved | CaseStatus::Delivered => "status-big done",
        CaseStatus::NotAccepted | CaseStatus::Refused => "status-big refused",
    }
}

fn with_weekday(date: Date) -> String {
    t::date_with_weekday(date)
}

#[component]
pub fn CasePage() -> impl IntoView {
    set_title(t::CASE_TITLE());
    let params = routes::params::<CaseParams>();
    let number = Memo::new(move |_| params.get().and_then(|p| p.number).unwrap_or_default());
    let state = RwSignal::new(Load::Loading);
    let refreshing = RwSignal::new(false);
    let calendar = RwSignal::new(None::<WorkCalendar>);
    // A one-line confirmation after the citizen's own action (补正 sent, rating given).
    let notice = RwSignal::new(None::<String>);

    let show = move |view: CaseView| {
        // Progress since the citizen last looked is said once, then counts as seen.
        if let Some(before) = my_cases::last_seen_status(&view.case_number) {
            if before != view.status {
                notice.set(Some(t::status_changed(
                    t::case_status(before),
                    t::case_status(view.status),
                )));
            }
        }
        my_cases::mark_seen(&view);
        for track in view.tracks() {
            if track.status != CaseStatus::SupplementRequired {
                supplement::forget(&track.case_number);
            }
        }
        let due = view.due_date;
        let years = years_needed(today_in_china(), due);
        spawn_local(async move {
            calendar.set(Some(load_calendar(&years).await));
        });
        set_title(&view.service_name);
        state.set(Load::Ready(Box::new(view)));
    };
    let load = move |n: String| {
        let Some(mine) = my_cases::get(&n) else {
            state.set(Load::NoCode);
            return;
        };
        refreshing.set(true);
        spawn_local(async move {
            let result = fetch_case(&mine.case_number, &mine.query_code).await;
            refreshing.set(false);
            // The citizen may have moved on to another case (or page) meanwhile.
            if number.try_get_untracked().as_deref() != Some(mine.case_number.as_str()) {
                return;
            }
            match result {
                Ok(view) => show(view),
                // Offline: the copy saved at the last good answer, said to be one.
                Err(ApiErr::Network) => match saved::load(&mine.case_number) {
                    Some((view, at)) => {
                        set_title(&view.service_name);
                        state.set(Load::Ready(Box::new(view)));
                        notice.set(Some(t::case_saved_at(&at)));
                    }
                    None => state.set(Load::Failed(ApiErr::Network)),
                },
                Err(e) => state.set(Load::Failed(e)),
            }
        });
    };
    Effect::new(move |_| {
        state.set(Load::Loading);
        notice.set(None);
        load(number.get());
    });
    let refresh = Callback::new(move |_: ()| {
        if !refreshing.get_untracked() {
            notice.set(None);
            load(number.get_untracked());
        }
    });
    let updated = Callback::new(move |(view, message): (CaseView, &'static str)| {
        show(view);
        notice.set(Some(message.to_string()));
    });

    view! {
        <main id="main" class="page case-page track-page">
            <p class="case-back no-print"><A href=routes::track()>{t::BACK_TO_MY_CASES()}</A></p>
            {move || match state.get() {
                Load::Loading => view! { <h1>{t::CASE_TITLE()}</h1><Loading/> }.into_any(),
                Load::NoCode => {
                    let href = routes::track_lookup(&number.get_untracked());
                    view! {
                        <h1>{t::CASE_TITLE()}</h1>
                        <div class="notice">
                            <p>{t::NO_CODE_BODY()}</p>
                            <A href=href attr:class="button">{t::GO_LOOK_UP()}</A>
                        </div>
                    }.into_any()
                }
                Load::Failed(e) => view! {
                    <h1>{t::CASE_TITLE()}</h1>
                    <ErrorRetry message=case_error(&e) on_retry=refresh/>
                }.into_any(),
                Load::Ready(view) => view! {
                    <CaseDetails view=*view calendar=calendar refreshing=refreshing
                        notice=notice refresh=refresh updated=updated/>
                }.into_any(),
            }}
        </main>
    }
}

#[component]
fn CaseDetails(
    view: CaseView,
    calendar: RwSignal<Option<WorkCalendar>>,
    refreshing: RwSignal<bool>,
    notice: RwSignal<Option<String>>,
    refresh: Callback<()>,
    updated: Callback<(CaseView, &'static str)>,
) -> impl IntoView {
    let query_code = my_cases::get(&view.case_number)
        .map(|c| c.query_code)
        .unwrap_or_default();
    let status = view.status;
    let accepted = view.accepted_on;
    // 一件事: each track asks for its own 补正 and is decided on its own; the whole only sums up.
    let whole = !view.tracks.is_empty();
    let tracks = whole.then(|| {
        let changed = Callback::new(move |message: &'static str| {
            refresh.run(());
            notice.set(Some(message.to_string()));
        });
        view! {
            <super::tracks::TracksSection tracks=view.tracks.clone() query_code=query_code.clone()
                calendar=calendar changed=changed/>
        }
    });
    let supplement = (!whole && status == CaseStatus::SupplementRequired).then(|| {
        let items: Vec<_> = view
            .supplements
            .iter()
            .filter(|i| !i.supplied)
            .cloned()
            .collect();
        view! {
            <SupplementSection case_number=view.case_number.clone() query_code=query_code.clone()
                items=items on_done=Callback::new(move |v| updated.run((v, t::SUPPLEMENT_SENT())))/>
        }
    });
    // What is published of the decision, beside the result (each track's, on a whole).
    let publication = super::publication_notice::notice(&view);
    let (publication, whole_publication) = if whole {
        (None, publication)
    } else {
        (publication, None)
    };
    let concluded = (!whole && status.concluded()).then(|| {
        view! {
            <ResultSection view=view.clone()/>
            {publication}
            <RatingSection case_number=view.case_number.clone() query_code=query_code.clone()
                rating=view.rating.clone()
                on_rated=Callback::new(move |v| updated.run((v, t::RATING_THANKS())))/>
        }
    });
    let mut rows = vec![
        (t::CASE_NUMBER(), view.case_number.clone()),
        (
            if view.tracks.is_empty() {
                t::HANDLING_DEPARTMENT()
            } else {
                t::LEAD_DEPARTMENT()
            },
            view.department.clone(),
        ),
        (t::APPLICANT(), view.applicant_name.clone()),
        (t::ID_NUMBER(), view.applicant_id_masked.clone()),
        (t::SUBMITTED_AT(), format_time(&view.submitted_at)),
    ];
    // An organisation is the applicant; the person named is its legal representative.
    if let Some(name) = &view.organisation {
        rows.insert(2, (t::ORGANISATION_NAME(), name.clone()));
        rows[3].0 = t::LEGAL_REPRESENTATIVE();
    }
    if let Some(d) = accepted {
        rows.push((t::ACCEPTED_ON(), t::date(d)));
    }
    view! {
        <h1>{view.service_name.clone()}</h1>
        <p class="status-notice" role="status">{move || notice.get()}</p>
        <section class="status-card" aria-labelledby="status-title">
            <h2 id="status-title" class="status-title">{t::CURRENT_STATUS()}</h2>
            <p class=status_class(status, decision(&view))>{t::case_status(status)}</p>
            {facts("facts", rows)}
            <div class="actions no-print">
                <button type="button" class="button secondary" disabled=move || refreshing.get()
                    on:click=move |_| refresh.run(())>
                    {move || if refreshing.get() { t::REFRESHING_CASE() } else { t::REFRESH() }}
                </button>
            </div>
        </section>
        {(!status.concluded()).then(|| time_limit(&view, calendar))}
        {tracks}
        {whole_publication}
        {supplement}
        {concluded}
        {(!whole).then(|| view! {
            <crate::feedback::CaseFeedbackSection case_number=view.case_number.clone() query_code=query_code.clone()/>
            <Timeline steps=view.timeline.clone()/>
        })}
    }
}

/// 办理时限: the promised limit, the due date, the countdown and any pause.
fn time_limit(view: &CaseView, calendar: RwSignal<Option<WorkCalendar>>) -> impl IntoView {
    let whole = !view.tracks.is_empty();
    let due = view.due_date;
    let paused = view.paused.clone();
    // The whole's status says 需补正 while any track waits for the applicant, but its clock stands
    // still only while every running track's does.
    let (status, is_paused) = if whole {
        let stopped = contract::bundle_case::overall_clock_paused(&view.tracks);
        let status = if view.status.clock_paused() && !stopped {
            CaseStatus::UnderReview
        } else {
            view.status
        };
        (status, stopped)
    } else {
        (view.status, paused.is_some())
    };
    let limit = view.promised_limit;
    let count = move || {
        calendar.with(|c| {
            c.as_ref()
                .map(|c| countdown(c, today_in_china(), status, due, is_paused, unit_of(limit)))
        })
    };
    let closed: Vec<PauseInfo> = view
        .pauses
        .iter()
        .filter(|p| p.until.is_some())
        .cloned()
        .collect();
    let mut rows = vec![(t::PROMISED_LIMIT(), t::time_limit(limit))];
    if let Some(d) = due {
        let moves = if is_paused { t::DUE_MOVES() } else { "" };
        let label = if whole {
            t::OVERALL_DUE_DATE()
        } else {
            t::DUE_DATE()
        };
        rows.push((label, format!("{}{moves}", with_weekday(d))));
    }
    view! {
        <section class="section" aria-labelledby="limit-title">
            <h2 id="limit-title">{t::TIME_LIMIT()}</h2>
            {facts("facts", rows)}
            {move || count().and_then(|c: Countdown| c.text().map(|text| view! {
                <p class=c.class()>{text}</p>
            }))}
            {due.is_none().then(|| view! {
                <p class="note">{if whole { t::OVERALL_NOT_STARTED().to_string() } else { t::not_started(limit) }}</p>
            })}
            {whole.then(|| view! { <p class="note">{t::OVERALL_DUE_NOTE()}</p> })}
            {paused.map(pause_notice)}
            {(!closed.is_empty()).then(|| view! {
                <details class="pause-history">
                    <summary>{t::PAUSE_HISTORY()}</summary>
                    <ul>
                        {closed.into_iter().filter_map(|p| Some(view! { <li>{t::pause_span(p.since, p.until?, &pause_what(&p))}</li> })).collect_view()}
                    </ul>
                </details>
            })}
        </section>
    }
}

fn pause_what(p: &PauseInfo) -> String {
    match (p.kind, p.procedure) {
        (PauseKind::Supplement, _) => t::PAUSE_SUPPLEMENT().to_string(),
        (PauseKind::SpecialProcedure, Some(kind)) => t::special(t::procedure(kind)),
        (PauseKind::SpecialProcedure, None) => t::special(t::SPECIAL_PROCEDURE()),
    }
}

/// Why the clock is stopped, since when, and that the due date moves out.
fn pause_notice(p: PauseInfo) -> impl IntoView {
    let text = match (p.kind, p.procedure) {
        (PauseKind::Supplement, _) => t::pause_supplement(p.since),
        (PauseKind::SpecialProcedure, kind) => {
            t::pause_special(kind.map_or(t::SPECIAL_PROCEDURE(), t::procedure), p.since)
        }
    };
    view! {
        <div class="notice pause">
            <p class="notice-title">{t::CLOCK_PAUSED()}</p>
            <p>{text}</p>
            {(!p.reason.is_empty()).then(|| view! { <p>{t::PAUSE_REASON()}{t::COLON()}{p.reason.clone()}</p> })}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_has_a_badge_colour_and_dates_a_weekday() {
        for s in CaseStatus::ALL {
            assert!(status_class(s, None).starts_with("status-big "));
        }
        assert_eq!(
            status_class(CaseStatus::Delivered, Some(CaseStatus::Approved)),
            "status-big done"
        );
        assert_eq!(
            status_class(CaseStatus::Delivered, Some(CaseStatus::Refused)),
            "status-big running"
        );
        assert_eq!(
            with_weekday(Date::from_ymd_opt(2026, 11, 23).unwrap()),
            "2026-11-23（星期一）"
        );
    }
}
