//! 办事指南: the searchable service list and each service's full guide.

pub mod elements;
mod list;
mod page;
pub mod parts;
mod results;

pub use list::ServiceListPage;
pub use page::GuidePage;
pub use results::ServiceResults;
