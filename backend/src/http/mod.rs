//! Web plumbing shared by every endpoint: the error type, the JSON extractor, the client's
//! address, staff authentication, security headers, rate limits and the built app's files.

pub mod client_ip;
pub mod error;
pub mod json;
pub mod pages;
pub mod ratelimit;
pub mod security;
pub mod staff_auth;
pub mod static_files;
