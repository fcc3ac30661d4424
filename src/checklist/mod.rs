//! 一次性告知清单: browse every list, and one service's list with 精准告知 by situation,
//! ticks kept on the device, print and share.

mod browse;
pub(crate) mod island;
mod page;
pub(crate) mod situation;

pub use browse::ChecklistBrowsePage;
pub use page::ChecklistPage;
pub use situation::answer;
