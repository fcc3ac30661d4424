//! All page text, in every language the portal speaks, in one catalog (`text.rs`). Components
//! call `t::NAME()` for a fixed text and `t::name(..)` for one with values; both answer in the
//! page's language (`lang::current`).

pub mod lang;

/// Declares fixed texts as functions returning the text in the page's language. An entry is
/// `NAME => "中文", "English";`: both are required, so a missing translation fails to compile.
macro_rules! texts {
    ($($(#[$meta:meta])* $name:ident => $zh:expr, $en:expr;)*) => {
        $(
            $(#[$meta])*
            #[allow(non_snake_case)]
            pub fn $name() -> &'static str {
                match $crate::i18n::lang::current() {
                    $crate::i18n::lang::Lang::Zh => $zh,
                    $crate::i18n::lang::Lang::En => $en,
                }
            }
        )*
    };
}

pub mod text;

pub use text as t;
