//! 补正: the citizen photographs only the materials staff flagged, with the same pages component
//! and background upload queue as the online application, then sends them in one go.
//!
//! Which photo belongs to which flagged material is kept in `localStorage` under the case
//! ([`store`]); the photos themselves and their upload state are in IndexedDB (`storage::idb`,
//! `storage::uploads`), so a reload or a closed tab loses nothing. [`ready`] says when the
//! supplement can be sent; [`view`] draws it.

pub(crate) mod ready;
mod store;
mod view;

pub use store::forget;
pub use view::SupplementSection;
