//! The HTTP JSON contract between the citizen portal and a service center's case system.
//!
//! Every request and response type lives here, named with the glossary's words, so that the app,
//! the reference backend and any city's adapter agree on one shape. Pure rules that both sides must
//! apply the same way (validation, working-day arithmetic) live here too.

pub mod api;
pub mod application;
pub mod calendar;
pub mod case;
pub mod date;
pub mod offline;
pub mod service;
pub mod validate;

pub use api::*;
pub use application::*;
pub use case::*;
pub use service::*;
