//! The language a page is drawn in. The server renders a page in the language of its request and
//! gives it as context; the browser keeps the one language of the page it loaded (set once at
//! start, before anything is drawn), so event handlers, which run outside any reactive owner,
//! answer in the same language as the view around them.

use std::sync::atomic::{AtomicU8, Ordering};

use leptos::prelude::use_context;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// Simplified Chinese, the portal's own language.
    #[default]
    Zh,
    En,
}

impl Lang {
    /// The value of `<html lang>` for pages in this language.
    #[cfg_attr(not(feature = "ssr"), allow(dead_code))]
    pub fn html_tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// The language of an `<html lang>` value or a `lang=` parameter; Chinese when unknown.
    pub fn from_tag(tag: &str) -> Lang {
        if tag.trim().to_ascii_lowercase().starts_with("en") {
            Lang::En
        } else {
            Lang::Zh
        }
    }
}

/// The browser's language for this page load (wasm has one thread; on the server each request
/// gives its own as context instead, and this stays Chinese).
static PAGE: AtomicU8 = AtomicU8::new(0);

/// Sets the language of this page load in the browser.
pub fn set_page(lang: Lang) {
    PAGE.store(lang as u8, Ordering::Relaxed);
}

/// The language to draw in now: the request's on the server, the page's in the browser.
pub fn current() -> Lang {
    if let Some(lang) = use_context::<Lang>() {
        return lang;
    }
    match PAGE.load(Ordering::Relaxed) {
        1 => Lang::En,
        _ => Lang::Zh,
    }
}

#[cfg(test)]
mod tests {
    use super::Lang;

    #[test]
    fn reads_html_lang_values() {
        assert_eq!(Lang::from_tag("en"), Lang::En);
        assert_eq!(Lang::from_tag("en-GB"), Lang::En);
        assert_eq!(Lang::from_tag("zh-CN"), Lang::Zh);
        assert_eq!(Lang::from_tag(""), Lang::Zh);
        assert_eq!(Lang::En.html_tag(), "en");
    }
}
