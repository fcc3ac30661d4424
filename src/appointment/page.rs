//! `/appointments/{number}`: the appointment with its status, place, time, check-in QR code,
//! the center's reason when it closed the slot, the 预审 verdicts with re-photographing, and
//! moving or cancelling before the cut-off. The query code is read from the device.

use contract::appointment::{
    AppointmentMove, AppointmentStatus, AppointmentView, Availability, PrecheckSubmission,
    PrecheckVerdict,
};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::photos::{ready_pages, DevicePages};
use super::picker::{Choice, SlotPicker};
use super::{availability, error_text, fetch, lookup_body, store};
use crate::api::{self, ApiErr};
use crate::components::material_pages::material_pages;
use crate::components::{set_title, ErrorRetry, Loading};
use crate::i18n::t;
use crate::routes::{self, CaseParams};
use crate::storage::uploads;

#[derive(Clone, Debug, PartialEq)]
enum Load {
    Loading,
    NoCode,
    Failed(ApiErr),
    Ready(Box<AppointmentView>),
}

#[component]
pub fn AppointmentPage() -> impl IntoView {
    set_title(t::APPOINTMENT_TITLE());
    let params = routes::params::<CaseParams>();
    let number = Memo::new(move |_| params.get().and_then(|p| p.number).unwrap_or_default());
    let state = RwSignal::new(Load::Loading);
    let notice = RwSignal::new(None::<String>);
    let load = move || {
        let n = number.get_untracked();
        let Some(mine) = store::get(&n) else {
            state.set(Load::NoCode);
            return;
        };
        spawn_local(async move {
            match fetch(&n, &mine.query_code).await {
                Ok(v) => {
                    store::record(&v);
                    notice.try_set(None);
                    state.try_set(Load::Ready(Box::new(v)));
                }
                // No network: the copy the device saved, saying when.
                Err(ApiErr::Network) if mine.saved.is_some() => {
                    notice.try_set(Some(t::appointment_saved_at(mine.saved_time().as_deref())));
                    if let Some(saved) = mine.saved {
                        state.try_set(Load::Ready(saved));
                    }
                }
                Err(e) => {
                    state.try_set(Load::Failed(e));
                }
            }
        });
    };
    Effect::new(move |_| {
        number.track();
        load();
    });
    let shown = Callback::new(move |(v, note): (AppointmentView, &'static str)| {
        store::record(&v);
        notice.set(Some(note.into()));
        state.set(Load::Ready(Box::new(v)));
    });
    view! {
        <main id="main" class="page appointment-page">
            {move || match state.get() {
                Load::Loading => view! { <Loading/> }.into_any(),
                Load::NoCode => view! {
                    <h1>{t::APPOINTMENT_TITLE()}</h1>
                    <p class="notice">{t::APPOINTMENT_NOT_ON_DEVICE()}</p>
                }.into_any(),
                Load::Failed(e) => view! {
                    <ErrorRetry message=error_text(&e) page=true on_retry=Callback::new(move |_| load())/>
                }.into_any(),
                Load::Ready(v) => appointment(*v, notice, shown).into_any(),
            }}
        </main>
    }
}

fn appointment(
    v: AppointmentView,
    notice: RwSignal<Option<String>>,
    shown: Callback<(AppointmentView, &'static str)>,
) -> impl IntoView {
    let code = store::get(&v.appointment_number)
        .map(|m| m.query_code)
        .unwrap_or_default();
    let qr = format!(
        "{}/api/qr.svg?text={}",
        crate::config::api_base(),
        routes::encode(&v.appointment_number)
    );
    let when = format!(
        "{}{}",
        t::visit_time(v.date, v.start, v.end),
        match v.kind {
            contract::appointment::SlotKind::Evening => t::paren(t::EVENING()),
            contract::appointment::SlotKind::Holiday => t::paren(t::HOLIDAY_OPEN()),
            _ => String::new(),
        }
    );
    let rows = vec![
        (t::APPOINTMENT_NUMBER(), v.appointment_number.clone()),
        (t::QUERY_CODE(), code.clone()),
        (t::SERVICE_ITEM(), v.service_name.clone()),
        (t::CHOOSE_PLACE(), v.place_name.clone()),
        (t::PLACE_ADDRESS(), v.place_address.clone()),
        (t::VISIT_TIME(), when),
        (t::NAME(), v.name.clone()),
        (t::ID_NUMBER(), v.id_number.clone()),
        (t::PHONE(), v.phone.clone()),
    ];
    let booked = v.status == AppointmentStatus::Booked;
    let until = crate::today::format_time(&v.change_until);
    view! {
        <h1>{t::APPOINTMENT_TITLE()}</h1>
        {move || notice.get().map(|n| view! { <p class="notice offline" role="status">{n}</p> })}
        <p class="status-big">{t::appointment_status(v.status)}</p>
        {v.closure_reason.clone().map(|r| view! {
            <p class="notice" role="alert"><strong>{t::CLOSURE_REASON()}{t::COLON()}</strong>{r}</p>
        })}
        <dl class="facts">
            {rows.into_iter().map(|(dt, dd)| view! { <div><dt>{dt}</dt><dd>{dd}</dd></div> }).collect_view()}
        </dl>
        {booked.then(|| view! {
            <figure class="check-in">
                <img class="qr" src=qr alt=t::CHECK_IN_QR() width="160" height="160"/>
                <figcaption>{t::CHECK_IN_QR()}</figcaption>
            </figure>
            <p class="note">{t::KEEP_NUMBER_NOTE()}</p>
        })}
        {precheck_section(&v, code.clone(), shown)}
        {if v.changeable {
            changes(&v, code, shown).into_any()
        } else if booked {
            view! { <p class="note">{t::NO_LONGER_CHANGEABLE()}</p> }.into_any()
        } else {
            ().into_any()
        }}
        {booked.then(|| view! { <p class="note">{t::change_until(&until)}</p> })}
    }
}

fn precheck_section(
    v: &AppointmentView,
    code: String,
    shown: Callback<(AppointmentView, &'static str)>,
) -> impl IntoView {
    let number = v.appointment_number.clone();
    let pages = DevicePages::new(&format!("appt.fix.{number}"), &format!("apptfix-{number}"));
    let to_fix: Vec<_> = v
        .precheck
        .iter()
        .filter(|p| p.verdict == PrecheckVerdict::NeedsFix)
        .cloned()
        .collect();
    let can_fix = v.status == AppointmentStatus::Booked && !to_fix.is_empty();
    if can_fix {
        uploads::resume_all();
    }
    let ids = StoredValue::new(
        to_fix
            .iter()
            .map(|p| p.material_id.clone())
            .collect::<Vec<_>>(),
    );
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let queue = uploads::items();
    let (number, code) = (StoredValue::new(number), StoredValue::new(code));
    let send = move |_| {
        if busy.get_untracked() {
            return;
        }
        let ready =
            ids.with_value(|ids| queue.with_untracked(|q| ready_pages(ids, &pages.current(), q)));
        let materials = match ready {
            Err(()) => return error.set(Some(t::PRECHECK_WAIT().into())),
            Ok(m) if m.is_empty() => return error.set(Some(t::PHOTOGRAPH_FIRST().into())),
            Ok(m) => m,
        };
        busy.set(true);
        error.set(None);
        let body = PrecheckSubmission {
            appointment_number: number.get_value(),
            query_code: code.get_value(),
            materials,
        };
        spawn_local(async move {
            let r: Result<AppointmentView, ApiErr> =
                api::post("/api/appointments/precheck", &body, None).await;
            busy.try_set(false);
            match r {
                Ok(v) => {
                    pages.forget();
                    shown.run((v, t::FIXES_SENT()));
                }
                Err(e) => {
                    error.try_set(Some(error_text(&e)));
                }
            }
        });
    };
    view! {
        <section class="section precheck" aria-labelledby="precheck-title">
            <h2 id="precheck-title">{t::PRECHECK_RESULT()}</h2>
            {if v.precheck.is_empty() {
                view! { <p class="note">{t::PRECHECK_NONE()}</p> }.into_any()
            } else {
                view! {
                    <ul class="precheck-list">
                        {v.precheck.iter().map(|p| view! {
                            <li class=if p.verdict == PrecheckVerdict::NeedsFix { "flagged" } else { "" }>
                                <strong>{p.material_name.clone()}</strong>{t::COLON()}
                                <span class="verdict">{t::precheck_verdict(p.verdict)}</span>
                                {(!p.reason.is_empty()).then(|| view! { <span>{t::paren(&p.reason)}</span> })}
                                <span class="note">" "{t::pages_sent(p.pages)}</span>
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            {can_fix.then(|| view! {
                <p>{t::REPHOTOGRAPH()}</p>
                {to_fix.into_iter().map(|p| view! {
                    <div class="material-upload flagged">
                        <h3>{p.material_name.clone()}</h3>
                        <p class="supp-reason"><strong>{t::SUPPLEMENT_REASON()}{t::COLON()}</strong>{p.reason.clone()}</p>
                        {material_pages(pages, p.material_id.clone(), p.material_name.clone(), Signal::derive(|| None::<String>))}
                    </div>
                }).collect_view()}
                {move || error.get().map(|m| view! { <p class="error-message" role="alert">{m}</p> })}
                <button type="button" class="button wide" disabled=move || busy.get() on:click=send>{t::SEND_FIXES()}</button>
            })}
        </section>
    }
}

fn changes(
    v: &AppointmentView,
    code: String,
    shown: Callback<(AppointmentView, &'static str)>,
) -> impl IntoView {
    let number = StoredValue::new(v.appointment_number.clone());
    let service = StoredValue::new(v.service_code.clone());
    let code = StoredValue::new(code);
    let moving = RwSignal::new(None::<Availability>);
    let confirming = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let choice = RwSignal::new(Choice {
        place_id: v.place_id.clone(),
        date: Some(v.date),
        start: None,
    });
    let open_move = move |_| {
        error.set(None);
        spawn_local(async move {
            match availability(&service.get_value()).await {
                Ok(a) => {
                    moving.try_set(Some(a));
                }
                Err(e) => {
                    error.try_set(Some(error_text(&e)));
                }
            }
        });
    };
    let confirm_move = move |_| {
        let picked = moving.with_untracked(|a| {
            a.as_ref()
                .and_then(|a| choice.with_untracked(|c| c.slot(a).cloned()))
        });
        let Some(slot) = picked else {
            return error.set(Some(t::CHOOSE_SLOT_FIRST().into()));
        };
        busy.set(true);
        let body = AppointmentMove {
            appointment_number: number.get_value(),
            query_code: code.get_value(),
            place_id: choice.with_untracked(|c| c.place_id.clone()),
            date: slot.date,
            start: slot.start,
        };
        spawn_local(async move {
            let r: Result<AppointmentView, ApiErr> =
                api::post("/api/appointments/move", &body, None).await;
            busy.try_set(false);
            match r {
                Ok(v) => shown.run((v, t::MOVED_NOTICE())),
                Err(e) => {
                    error.try_set(Some(error_text(&e)));
                    if let Ok(a) = availability(&service.get_value()).await {
                        moving.try_set(Some(a));
                    }
                }
            }
        });
    };
    let cancel = move |_| {
        busy.set(true);
        let body = lookup_body(&number.get_value(), &code.get_value());
        spawn_local(async move {
            let r: Result<AppointmentView, ApiErr> =
                api::post("/api/appointments/cancel", &body, None).await;
            busy.try_set(false);
            match r {
                Ok(v) => shown.run((v, t::CANCELLED_NOTICE())),
                Err(e) => {
                    error.try_set(Some(error_text(&e)));
                }
            }
        });
    };
    view! {
        <section class="section changes">
            {move || error.get().map(|m| view! { <p class="error-message" role="alert">{m}</p> })}
            {move || match moving.get() {
                Some(a) => view! {
                    <h2>{t::MOVE()}</h2>
                    <SlotPicker availability=Signal::derive(move || a.clone()) choice=choice error=Signal::derive(|| None::<String>)/>
                    <button type="button" class="button wide" disabled=move || busy.get() on:click=confirm_move>{t::MOVE_CONFIRM()}</button>
                }.into_any(),
                None => view! {
                    <div class="actions">
                        <button type="button" class="button secondary" on:click=open_move>{t::MOVE()}</button>
                        <button type="button" class="button secondary danger" on:click=move |_| confirming.set(true)>{t::CANCEL_APPOINTMENT()}</button>
                    </div>
                }.into_any(),
            }}
            {move || confirming.get().then(|| view! {
                <div class="confirm" role="alertdialog" aria-labelledby="cancel-q">
                    <p id="cancel-q">{t::CANCEL_CONFIRM()}</p>
                    <div class="actions">
                        <button type="button" class="button danger" disabled=move || busy.get() on:click=cancel>{t::CANCEL_YES()}</button>
                        <button type="button" class="button secondary" on:click=move |_| confirming.set(false)>{t::KEEP()}</button>
                    </div>
                </div>
            })}
        </section>
    }
}
