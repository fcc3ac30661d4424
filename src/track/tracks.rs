//! 一件事 (并联审批): the tracks of one case, one per department, side by side on a phone: each
//! with its department, status, due date and countdown; below them each track's own 补正 and
//! steps. The whole's due date (the latest of them) is the case page's 办理时限.

use contract::calendar::WorkCalendar;
use contract::{CaseStatus, CaseView};
use leptos::prelude::*;

use super::countdown::{countdown, unit_of};
use super::rating::RatingSection;
use super::supplement::SupplementSection;
use super::timeline::Timeline;
use crate::i18n::t;
use crate::today::today_in_china;

/// The countdown line of one track, once the calendar is loaded.
fn track_countdown(track: &CaseView, calendar: RwSignal<Option<WorkCalendar>>) -> impl IntoView {
    let (status, due, paused) = (track.status, track.due_date, track.paused.is_some());
    let unit = unit_of(track.promised_limit);
    move || {
        calendar.with(|c| {
            let c = c.as_ref()?;
            let count = countdown(c, today_in_china(), status, due, paused, unit);
            count
                .text()
                .map(|text| view! { <p class=count.class()>{text}</p> })
        })
    }
}

fn badge(status: CaseStatus) -> &'static str {
    match status {
        CaseStatus::Submitted => "track-status pending",
        CaseStatus::Accepted | CaseStatus::UnderReview => "track-status running",
        CaseStatus::SupplementRequired | CaseStatus::SpecialProcedure => "track-status attention",
        CaseStatus::Approved | CaseStatus::Delivered => "track-status done",
        CaseStatus::NotAccepted | CaseStatus::Refused => "track-status refused",
    }
}

/// One tile of the overview: which department, where it stands, by when.
fn tile(track: &CaseView, calendar: RwSignal<Option<WorkCalendar>>) -> impl IntoView {
    let anchor = format!("#track-{}", track.case_number);
    let due = track
        .due_date
        .map(|d| t::track_due(&d.to_string()))
        .unwrap_or_else(|| t::TRACK_NOT_ACCEPTED_YET().to_string());
    view! {
        <li class="track-tile">
            <a class="track-name" href=anchor>{track.service_name.clone()}</a>
            <p class="track-dept">{track.department.clone()}</p>
            <p class=badge(track.status)>{t::case_status(track.status)}</p>
            <p class="track-due">{due}</p>
            {track_countdown(track, calendar)}
        </li>
    }
}

/// The tracks, then what each one asks of the citizen and its steps.
#[component]
pub fn TracksSection(
    tracks: Vec<CaseView>,
    query_code: String,
    calendar: RwSignal<Option<WorkCalendar>>,
    /// Called after the citizen sent a track's 补正 or rated it: the whole is loaded again.
    changed: Callback<&'static str>,
) -> impl IntoView {
    let tiles = tracks.iter().map(|tr| tile(tr, calendar)).collect_view();
    // One form at a time (the forms' ids are the page's): the first track waiting for the
    // citizen's pages, and the first concluded one not yet rated (一事一评, per track).
    let supplied_first = tracks
        .iter()
        .find(|t| t.status == CaseStatus::SupplementRequired)
        .map(|t| t.case_number.clone());
    let rated_first = tracks
        .iter()
        .find(|t| t.status.concluded() && t.rating.is_none())
        .map(|t| t.case_number.clone());
    let details = tracks
        .into_iter()
        .map(|track| {
            let this = Some(&track.case_number);
            let waiting = track.status == CaseStatus::SupplementRequired
                && supplied_first.as_ref() != this;
            let id = format!("track-{}", track.case_number);
            let heading = format!("{}-title", id);
            let labelled_by = heading.clone();
            let supplement = (supplied_first.as_ref() == this).then(|| {
                let items: Vec<_> = track
                    .supplements
                    .iter()
                    .filter(|i| !i.supplied)
                    .cloned()
                    .collect();
                view! {
                    <SupplementSection case_number=track.case_number.clone() query_code=query_code.clone()
                        items=items on_done=Callback::new(move |_| changed.run(t::SUPPLEMENT_SENT()))/>
                }
            });
            let rating = (rated_first.as_ref() == this).then(|| {
                view! {
                    <RatingSection case_number=track.case_number.clone() query_code=query_code.clone()
                        rating=None on_rated=Callback::new(move |_| changed.run(t::RATING_THANKS()))/>
                }
            });
            let given = track
                .rating
                .as_ref()
                .map(|r| view! { <p class="note">{t::RATING_TITLE()}{t::COLON()}{t::rating_label(r.score)}</p> });
            let reason = track
                .decision_reason
                .clone()
                .map(|r| view! { <p class="note">{t::DECISION_REASON()}{t::COLON()}{r}</p> });
            view! {
                <section class="track-detail" id=id aria-labelledby=labelled_by>
                    <h3 id=heading>{track.service_name.clone()}</h3>
                    <p class="track-meta">
                        <span>{t::TRACK_NUMBER()}" "{track.case_number.clone()}</span>
                        <span class=badge(track.status)>{t::case_status(track.status)}</span>
                    </p>
                    {reason}
                    {waiting.then(|| view! { <p class="notice">{t::SUPPLEMENT_NEXT()}</p> })}
                    {supplement}
                    {rating}
                    {given}
                    <details class="track-steps">
                        <summary>{t::track_steps(track.timeline.len())}</summary>
                        <Timeline steps=track.timeline.clone() key=track.case_number.clone()/>
                    </details>
                </section>
            }
        })
        .collect_view();
    view! {
        <section class="section tracks" aria-labelledby="tracks-title">
            <h2 id="tracks-title">{t::TRACKS_TITLE()}</h2>
            <p class="note">{t::TRACKS_INTRO()}</p>
            <ul class="track-tiles">{tiles}</ul>
            {details}
        </section>
    }
}
