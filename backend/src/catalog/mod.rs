//! The catalog of services (办事指南): the seed data, the endpoints that serve it, and the
//! pinyin keys that let search find a service by its initials.

pub mod pinyin_keys;
pub mod seed;
pub mod service_items;
