//! 网上申报: one question per page (GOV.UK style), photos of each material uploaded in the
//! background, the whole draft kept on the device, and one case per submission however often
//! it is retried.

mod check;
mod delivery;
mod done;
mod draft;
mod materials;
mod page;
mod questions;
mod receipt;
mod start;
mod steps;
mod submission;

pub use done::DonePage;
pub use page::ApplyPage;
pub use start::{ApplyIndexPage, ApplyStartPage, DraftBanner};
pub use steps::Step;
