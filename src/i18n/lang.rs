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

    /// The value of the `lang=` parameter and the cookie for this language.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// A value the switch writes (`en`, `zh`), or `None` for anything else.
    #[cfg_attr(not(feature = "ssr"), allow(dead_code))]
    pub fn from_code(code: &str) -> Option<Lang> {
        match code.trim() {
            "en" => Some(Lang::En),
            "zh" => Some(Lang::Zh),
            _ => None,
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

/// The cookie that keeps the device's choice (`en` or `zh`), read by the server and by
/// index.html's script; like 长辈版's `portal_elder`.
pub const COOKIE: &str = "portal_lang";
/// The query parameter that carries the language in a link (`?lang=en`), so a shared link opens
/// in the language it was shared in. It wins over the cookie.
pub const PARAM: &str = "lang";
/// A year: a preference, kept until changed.
pub const COOKIE_MAX_AGE_S: u32 = 365 * 24 * 3600;

/// The choice a `Cookie` header (or `document.cookie`) carries.
#[cfg_attr(not(feature = "ssr"), allow(dead_code))]
pub fn from_cookies(cookies: &str) -> Option<Lang> {
    cookies.split(';').find_map(|pair| {
        let (name, value) = pair.trim().split_once('=')?;
        (name == COOKIE).then(|| Lang::from_code(value)).flatten()
    })
}

/// The `lang=` parameter of a query string (without its `?`).
#[cfg_attr(not(feature = "ssr"), allow(dead_code))]
pub fn from_query(query: &str) -> Option<Lang> {
    query.split('&').find_map(|pair| {
        let (name, value) = pair.split_once('=')?;
        (name == PARAM).then(|| Lang::from_code(value)).flatten()
    })
}

/// The language a request asks for: its `lang=` parameter, else the device's cookie, else Chinese.
#[cfg_attr(not(feature = "ssr"), allow(dead_code))]
pub fn requested(query: Option<&str>, cookies: Option<&str>) -> Lang {
    query
        .and_then(from_query)
        .or_else(|| cookies.and_then(from_cookies))
        .unwrap_or_default()
}

/// `href` (path, query and fragment of an address in the portal) with `lang=` set to `lang`,
/// replacing one it had.
pub fn with_param(href: &str, lang: Lang) -> String {
    let (rest, fragment) = match href.split_once('#') {
        Some((r, f)) => (r, Some(f)),
        None => (href, None),
    };
    let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
    let mut pairs: Vec<&str> = query
        .split('&')
        .filter(|p| !p.is_empty() && p.split('=').next() != Some(PARAM))
        .collect();
    let own = format!("{PARAM}={}", lang.code());
    pairs.push(&own);
    let mut out = format!("{path}?{}", pairs.join("&"));
    if let Some(f) = fragment {
        out.push('#');
        out.push_str(f);
    }
    out
}

/// An internal link as the page's language wants it: English pages keep English in their links
/// (for a reload, a bookmark or a copy of the address), Chinese ones are left as they are.
pub fn keep(href: String) -> String {
    match current() {
        Lang::Zh => href,
        Lang::En => with_param(&href, Lang::En),
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
    use super::*;

    #[test]
    fn reads_html_lang_values() {
        assert_eq!(Lang::from_tag("en"), Lang::En);
        assert_eq!(Lang::from_tag("en-GB"), Lang::En);
        assert_eq!(Lang::from_tag("zh-CN"), Lang::Zh);
        assert_eq!(Lang::from_tag(""), Lang::Zh);
        assert_eq!(Lang::En.html_tag(), "en");
    }

    #[test]
    fn the_link_wins_over_the_cookie() {
        assert_eq!(
            requested(Some("q=a&lang=en"), Some("portal_lang=zh")),
            Lang::En
        );
        assert_eq!(
            requested(Some("q=a"), Some("x=1; portal_lang=en")),
            Lang::En
        );
        assert_eq!(requested(Some("lang=fr"), Some("portal_lang=zh")), Lang::Zh);
        assert_eq!(requested(None, None), Lang::Zh);
        assert_eq!(from_cookies("xportal_lang=en"), None);
    }

    #[test]
    fn sets_the_parameter_of_a_link() {
        assert_eq!(with_param("/services", Lang::En), "/services?lang=en");
        assert_eq!(
            with_param("/services?q=a&lang=zh", Lang::En),
            "/services?q=a&lang=en"
        );
        assert_eq!(
            with_param("/track#my-cases-title", Lang::En),
            "/track?lang=en#my-cases-title"
        );
        assert_eq!(with_param("/?lang=en", Lang::Zh), "/?lang=zh");
    }
}
