//! 办事指南: the searchable service list and each service's full guide.

pub mod elements;
pub(crate) mod fragment;
pub(crate) mod list;
mod page;
pub mod parts;
mod results;

pub use list::ServiceListPage;
pub(crate) use list::{lang_field, RESULTS_ID};
pub use page::GuidePage;
pub use results::ServiceResults;
