//! 一件事 application (`/bundles/{id}/apply`): the applicant, delivery and consent given once,
//! each service's own questions on its own page, each material photographed once, one
//! submission and one receipt. Built from the apply module's pages, draft and submission.

mod model;
mod page;

pub use page::{BundleApplyPage, BundleApplyStartPage};
