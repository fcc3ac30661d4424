//! Pinyin initials for search (`sfz` finds 身份证), computed here so the wasm ships no pinyin table.

use pinyin::ToPinyin;

/// Initials of every Chinese character in `text`; ASCII letters and digits are kept as they are.
pub fn initials(text: &str) -> String {
    let mut out = String::new();
    for (ch, py) in text.chars().zip(text.to_pinyin()) {
        match py {
            Some(p) => out.push_str(p.first_letter()),
            None if ch.is_ascii_alphanumeric() => out.push(ch.to_ascii_lowercase()),
            None => {}
        }
    }
    out
}

/// The keys sent with a service: the initials of its name and of each alias.
pub fn keys(name: &str, aliases: &[String]) -> Vec<String> {
    let mut keys: Vec<String> = std::iter::once(name)
        .chain(aliases.iter().map(String::as_str))
        .map(initials)
        .filter(|k| !k.is_empty())
        .collect();
    keys.dedup();
    keys
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_of_common_names() {
        assert_eq!(initials("身份证"), "sfz");
        assert_eq!(initials("居民身份证换领"), "jmsfzhl");
        assert_eq!(initials("A级（2026）"), "aj2026");
    }

    #[test]
    fn keys_cover_aliases() {
        let k = keys("个体工商户设立登记", &["营业执照".into()]);
        assert_eq!(k, vec!["gtgshsldj".to_string(), "yyzz".to_string()]);
    }
}
