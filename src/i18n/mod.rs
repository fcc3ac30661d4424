//! All page text, one module per language. Components say `t::NAME`; adding English means adding
//! `en.rs` with the same items and choosing it here.

pub mod zh_cn;

pub use zh_cn as t;
