//! 一件事一次办: the list of bundles (`/bundles`), one bundle's guide with its combined
//! one-time list (`/bundles/{id}`), and the line on a member service's guide that links them.

pub(crate) mod guide;
mod list;
pub(crate) mod situation;

pub use guide::BundleGuidePage;
pub use list::{BundlesPage, GuideBundles, HomeBundles};
