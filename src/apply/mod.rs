//! 网上申报: one question per page (GOV.UK style), photos of each material uploaded in the
//! background, the whole draft kept on the device, and one case per submission however often
//! it is retried.

pub(crate) mod check;
pub(crate) mod delivery;
mod done;
pub(crate) mod draft;
pub(crate) mod legal_person;
pub(crate) mod materials;
pub(crate) mod page;
pub(crate) mod questions;
pub(crate) mod receipt;
mod start;
mod steps;
pub(crate) mod submission;

pub use done::DonePage;
pub use page::ApplyPage;
pub use start::{ApplyIndexPage, ApplyStartPage, DraftBanner};
/// The islands of `/apply` and `/apply/{code}`, for the islands bundle's registry.
#[cfg(feature = "hydrate")]
pub use start::{DRAFTS, START};
pub use steps::Step;

/// Forgets a receipt kept on the device (its case left "my cases").
pub fn forget_receipt(case_number: &str) {
    receipt::forget(case_number);
}

/// Forgets the receipts kept in this tab's memory ("清除本机数据"; those on the device go with the
/// rest of its data).
pub fn forget_receipts_in_memory() {
    receipt::forget_in_memory();
}
