//! `/services/{code}/appointment`: choose a place, day and slot, give name, ID number and phone,
//! optionally photograph the materials for 预审, and book. What is typed and photographed is
//! kept on the device (`appt.book.<code>`, `appt.pages.book-<code>`) until the booking is made.

use contract::appointment::{
    AppointmentReceipt, AppointmentRequest, Availability, NextFree, NEXT_FREE_FIELD,
};
use contract::validate::{validate_id_number, validate_name, validate_phone};
use contract::{ErrorCode, FieldError, Material, Service};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;
use serde::{Deserialize, Serialize};

use super::photos::{ready_pages, DevicePages};
use super::picker::{Choice, SlotPicker};
use super::{availability, store};
use crate::api::{self, ApiErr};
use crate::apply::submission::Sent;
use crate::components::form::{focus_error_summary, ErrorSummary, Field};
use crate::components::material_pages::material_pages;
use crate::components::{set_title, AsyncView};
use crate::feedback::draft::{send_kept, Outcome};
use crate::i18n::t;
use crate::routes::{self, ServiceParams};
use crate::storage::{local, new_id, uploads};

/// The booking form as kept on the device.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
struct BookingDraft {
    /// The upload queue files this form's photos under it.
    draft_id: String,
    name: String,
    id_number: String,
    phone: String,
    choice: Choice,
}

fn draft_key(code: &str) -> String {
    format!("appt.book.{code}")
}

fn load_draft(code: &str) -> BookingDraft {
    let mut d: BookingDraft = local::get(&draft_key(code)).unwrap_or_default();
    if d.draft_id.is_empty() {
        d.draft_id = new_id("apptb");
        local::set(&draft_key(code), &d);
    }
    d
}

#[component]
pub fn BookingPage() -> impl IntoView {
    set_title(t::BOOKING_TITLE());
    let params = routes::params::<ServiceParams>();
    let data = LocalResource::new(move || {
        let code = params.get().and_then(|p| p.code).unwrap_or_default();
        async move {
            let service = api::service(&code).await?.value;
            let slots = availability(&code).await?;
            Ok::<_, ApiErr>((service, slots))
        }
    });
    view! {
        <main id="main" class="page booking">
            <AsyncView resource=data page=true ok=move |(service, slots): (Service, Availability)| booking_form(service, slots)/>
        </main>
    }
}

/// The materials a citizen may photograph for 预审: those they bring themselves.
fn precheck_materials(s: &Service) -> Vec<Material> {
    s.materials
        .iter()
        .filter(|m| matches!(m.source, contract::MaterialSource::Applicant))
        .cloned()
        .collect()
}

fn booking_form(service: Service, slots: Availability) -> impl IntoView {
    uploads::resume_all();
    let code = service.code.clone();
    let draft = RwSignal::new(load_draft(&code));
    let pages = DevicePages::new(
        &format!("appt.pages.book-{code}"),
        &draft.get_untracked().draft_id,
    );
    let key = StoredValue::new(draft_key(&code));
    // Every change is kept on the device at once.
    let edit = move |change: &dyn Fn(&mut BookingDraft)| {
        draft.update(|d| change(d));
        key.with_value(|k| local::set(k, &draft.get_untracked()));
    };
    let choice = RwSignal::new(draft.get_untracked().choice);
    Effect::new(move |_| {
        let c = choice.get();
        if draft.with_untracked(|d| d.choice != c) {
            edit(&|d| d.choice = c.clone());
        }
    });
    let avail = RwSignal::new(slots);
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let message = RwSignal::new(None::<String>);
    let offer = RwSignal::new(
        None::<(
            String,
            contract::chrono::NaiveDate,
            contract::appointment::ClockTime,
        )>,
    );
    let busy = RwSignal::new(false);
    let materials = StoredValue::new(precheck_materials(&service));
    let service_code = StoredValue::new(code.clone());
    let queue = uploads::items();
    let navigate = use_navigate();

    let refresh = move || {
        let code = service_code.get_value();
        spawn_local(async move {
            if let Ok(a) = availability(&code).await {
                avail.try_set(a);
            }
        });
    };

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let d = draft.get_untracked();
        let today = crate::today::today_in_china();
        let mut errs = Vec::new();
        let mut check = |field: &str, r: Result<(), &str>| {
            if let Err(m) = r {
                errs.push(FieldError {
                    field: field.into(),
                    message: m.into(),
                });
            }
        };
        let picked = avail.with_untracked(|a| choice.with_untracked(|c| c.slot(a).cloned()));
        check(
            "slot",
            picked.as_ref().map(|_| ()).ok_or(t::CHOOSE_SLOT_FIRST()),
        );
        check("name", validate_name(&d.name));
        check("id_number", validate_id_number(&d.id_number, today));
        check("phone", validate_phone(&d.phone));
        message.set(None);
        offer.set(None);
        let ids: Vec<String> = materials.with_value(|m| m.iter().map(|m| m.id.clone()).collect());
        let sent = queue.with_untracked(|q| ready_pages(&ids, &pages.current(), q));
        errors.set(errs.clone());
        let (Some(slot), Ok(sent)) = (picked, sent.clone()) else {
            if errs.is_empty() {
                message.set(Some(t::PRECHECK_WAIT().into()));
            }
            focus_error_summary();
            return;
        };
        if !errs.is_empty() {
            focus_error_summary();
            return;
        }
        busy.set(true);
        let body = AppointmentRequest {
            service_code: service_code.get_value(),
            place_id: choice.with_untracked(|c| c.place_id.clone()),
            date: slot.date,
            start: slot.start,
            name: d.name.trim().into(),
            id_number: d.id_number.trim().into(),
            phone: d.phone.trim().into(),
            materials: sent,
        };
        let navigate = navigate.clone();
        let Ok(json) = serde_json::to_string(&body) else {
            busy.set(false);
            message.set(Some(t::ERROR_SERVER().into()));
            return;
        };
        // The request sent stays on the device until it is answered, under its idempotency
        // key: a retry after a lost reply gets the booking made, not "already booked".
        let sent_key = key.with_value(|k| format!("{k}.sent"));
        spawn_local(async move {
            let kept = || local::get::<Sent>(&sent_key);
            let keep = |s: Option<Sent>| match s {
                Some(s) => {
                    local::set(&sent_key, &s);
                }
                None => local::remove(&sent_key),
            };
            let result: Result<AppointmentReceipt, ApiErr> =
                match send_kept(kept, keep, "/api/appointments", json).await {
                    Outcome::Done(r) => Ok(r),
                    Outcome::Refused(e) => Err(ApiErr::Rejected(e)),
                    Outcome::Failed(m) => {
                        busy.try_set(false);
                        message.set(Some(m));
                        focus_error_summary();
                        return;
                    }
                };
            busy.try_set(false);
            match result {
                Ok(r) => {
                    store::remember(&r.appointment, &r.query_code);
                    pages.forget();
                    key.with_value(|k| local::remove(k));
                    navigate(
                        &routes::appointment(&r.appointment_number),
                        Default::default(),
                    );
                }
                Err(ApiErr::Rejected(e)) => {
                    if e.code == ErrorCode::SlotFull {
                        offer.set(
                            e.fields
                                .iter()
                                .find(|f| f.field == NEXT_FREE_FIELD)
                                .and_then(|f| NextFree::parse_field(&f.message)),
                        );
                        refresh();
                    }
                    let field_errors: Vec<FieldError> = e
                        .fields
                        .into_iter()
                        .filter(|f| f.field != NEXT_FREE_FIELD)
                        .collect();
                    errors.set(field_errors);
                    message.set(Some(e.message));
                    focus_error_summary();
                }
                Err(e) => {
                    message.set(Some(e.message()));
                    focus_error_summary();
                }
            }
        });
    };

    let take_offer = move |_| {
        if let Some((place_id, date, start)) = offer.get_untracked() {
            choice.set(Choice {
                place_id,
                date: Some(date),
                start: Some(start),
            });
            offer.set(None);
            message.set(None);
        }
    };
    let slot_error =
        Signal::derive(move || errors.with(|e| crate::components::form::error_for(e, "slot")));
    let field = move |get: fn(&BookingDraft) -> String, set: fn(&mut BookingDraft, String)| {
        (
            Signal::derive(move || draft.with(get)),
            Callback::new(move |v: String| edit(&|d| set(d, v.clone()))),
        )
    };
    let (name_v, name_in) = field(|d| d.name.clone(), |d, v| d.name = v);
    let (id_v, id_in) = field(|d| d.id_number.clone(), |d, v| d.id_number = v);
    let (phone_v, phone_in) = field(|d| d.phone.clone(), |d, v| d.phone = v);
    view! {
        <h1>{t::BOOKING_TITLE()}</h1>
        <p class="lead">{service.name.clone()}</p>
        <p>{t::BOOKING_INTRO()}</p>
        <ErrorSummary errors=errors message=message/>
        {move || offer.get().map(|_| view! {
            <button type="button" class="button secondary" on:click=take_offer>{t::TAKE_NEXT_FREE()}</button>
        })}
        <form novalidate on:submit=submit>
            <SlotPicker availability=avail choice=choice error=slot_error/>
            <section class="section">
                <h2>{t::BOOKER()}</h2>
                <Field field="name" label=t::NAME().into() value=name_v on_input=name_in errors=errors autocomplete="name"/>
                <Field field="id_number" label=t::ID_NUMBER().into() hint=t::ID_NUMBER_HINT().into() value=id_v on_input=id_in errors=errors maxlength=18/>
                <Field field="phone" label=t::PHONE().into() value=phone_v on_input=phone_in errors=errors
                    input_type="tel" inputmode="numeric" autocomplete="tel" maxlength=11/>
            </section>
            <section class="section precheck">
                <h2>{t::PRECHECK_TITLE()}</h2>
                <p class="note">{t::PRECHECK_INTRO()}</p>
                {materials.get_value().into_iter().map(|m| {
                    let field = contract::material_field(&m.id);
                    let error = Signal::derive(move || errors.with(|e| crate::components::form::error_for(e, &field)));
                    view! {
                        <div class="material-upload">
                            <h3>{m.name.clone()}</h3>
                            {material_pages(pages, m.id.clone(), m.name.clone(), error)}
                        </div>
                    }
                }).collect_view()}
            </section>
            <button type="submit" class="button wide" disabled=move || busy.get()>
                {move || if busy.get() { t::BOOKING() } else { t::CONFIRM_BOOKING() }}
            </button>
        </form>
    }
}
