//! The catalog of services (办事指南): the seed data, the endpoints that serve it, and the
//! pinyin keys that let search find a service by its initials; a city's own catalog checked
//! and imported from files; blank forms and samples; the guide version each case keeps.

pub mod bundles;
pub mod check;
pub mod documents;
pub mod import;
pub mod pinyin_keys;
pub mod seed;
pub mod service_items;
pub mod versions;
