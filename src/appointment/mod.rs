//! 预约办理: book a time at the window for a service that needs a visit, and 预审 (staff
//! pre-check the photographed materials before the day).
//!
//! - the guide's entry with the next free time ([`GuideAppointment`], rendered on the server);
//! - `/services/{code}/appointment` ([`BookingPage`]): place, day and slot ([`picker`]), the
//!   booker, optional photos for 预审; personal, so rendered in the browser;
//! - `/appointments/{number}` ([`AppointmentPage`]): status, time, check-in QR code, verdicts,
//!   re-photographing, moving and cancelling; the query code comes from the device ([`store`]);
//! - my appointments on `/track` ([`MY_APPOINTMENTS`]).

mod book;
mod guide_entry;
mod list;
mod page;
mod photos;
mod picker;
pub mod store;

pub use book::BookingPage;
pub use guide_entry::GuideAppointment;
pub use list::MY_APPOINTMENTS;
pub use page::AppointmentPage;

use contract::appointment::{AppointmentLookup, AppointmentView, Availability};

use crate::api::{self, ApiErr};
use crate::i18n::t;

/// `GET /api/services/{code}/availability`.
async fn availability(code: &str) -> Result<Availability, ApiErr> {
    api::get(&format!(
        "/api/services/{}/availability",
        crate::routes::encode(code)
    ))
    .await
}

fn lookup_body(number: &str, code: &str) -> AppointmentLookup {
    AppointmentLookup {
        appointment_number: number.to_string(),
        query_code: code.to_string(),
    }
}

/// `POST /api/appointments/lookup`.
async fn fetch(number: &str, code: &str) -> Result<AppointmentView, ApiErr> {
    api::post("/api/appointments/lookup", &lookup_body(number, code), None).await
}

/// [`fetch`] for the list on `/track`: what the list keeps, with the answer's text.
async fn fetch_kept(number: &str, code: &str) -> Result<(store::Brief, String), ApiErr> {
    api::post_kept("/api/appointments/lookup", &lookup_body(number, code)).await
}

/// What to tell the citizen when an appointment call fails.
fn error_text(e: &ApiErr) -> String {
    match e {
        ApiErr::NotFound => t::APPOINTMENT_NOT_FOUND().into(),
        other => other.message(),
    }
}
