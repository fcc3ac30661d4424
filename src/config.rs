//! Deploy-time settings read from `index.html`, so a city can point the portal at its own
//! backend or gateway by editing one tag, without rebuilding.

/// The API base URL from `<meta name="portal-api-base" content="...">`; empty means same origin.
pub fn api_base() -> String {
    let from_meta = crate::browser::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector("meta[name=portal-api-base]")
                .ok()
                .flatten()
        })
        .and_then(|el| el.get_attribute("content"));
    normalise_base(from_meta.as_deref().unwrap_or(""))
}

/// Trims whitespace and a trailing slash so paths can be appended as `/api/...`.
pub fn normalise_base(raw: &str) -> String {
    raw.trim().trim_end_matches('/').to_string()
}

#[cfg(test)]
mod tests {
    use super::normalise_base;

    #[test]
    fn base_is_normalised() {
        assert_eq!(normalise_base(""), "");
        assert_eq!(
            normalise_base(" https://gw.example.cn/portal/ "),
            "https://gw.example.cn/portal"
        );
    }
}
