//! The HTTP JSON contract between the citizen portal and a service center's case system.
//!
//! Every request and response type lives here, named with the glossary's words, so that the app,
//! the reference backend and any city's adapter agree on one shape. Pure rules that both sides must
//! apply the same way (validation, working-day arithmetic, today's date in China) live here
//! too. Dates are `chrono::NaiveDate`, times `chrono::DateTime<FixedOffset>`; the crate is
//! re-exported so that both programs name the same version.

pub mod api;
pub mod application;
pub mod appointment;
pub mod bundle;
pub mod bundle_case;
pub mod calendar;
pub mod case;
pub mod english;
pub mod feedback;
pub mod offline;
pub mod performance;
pub mod publication;
pub mod service;
pub mod time;
pub mod validate;

pub use api::*;
pub use application::*;
pub use bundle::{Bundle, BundleGuide, BundleSummary};
pub use bundle_case::{BundleApplication, ServiceAnswers};
pub use case::*;
#[cfg(feature = "overlay")]
pub use english::ServiceEn;
pub use english::{asks_for_english, ContentLang};
pub use feedback::*;
pub use performance::{Figures, Performance, ServicePerformanceRow};
pub use publication::{LegalPerson, Publication, PublishedDecision};
pub use service::*;

pub use chrono;
pub use time::{china_now, china_today};
