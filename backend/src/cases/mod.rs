//! Cases (办件): storage, the state machine, the citizen's look-up, supplement and rating, and
//! the staff API and command line.

pub mod actions;
pub mod bundle;
pub mod cli;
pub mod labels;
pub mod lookup;
pub mod machine;
pub mod rating;
pub mod staff;
pub mod store;
pub mod supplement;
pub mod view;
