//! As-you-type search over the service list: names, aliases, pinyin initials and departments,
//! ranked so the likeliest service comes first. Pure functions, tested natively.

use contract::{Audience, ServiceSummary};

/// The filters a citizen can set beside the query; all of them are carried in the URL.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filters {
    pub department: Option<String>,
    pub audience: Option<Audience>,
    pub theme: Option<String>,
    pub online_only: bool,
    pub zero_visits: bool,
}

impl Filters {
    fn admits(&self, s: &ServiceSummary) -> bool {
        self.department.as_ref().is_none_or(|d| &s.department == d)
            && self.audience.is_none_or(|a| s.audience.contains(&a))
            && self.theme.as_ref().is_none_or(|t| s.themes.contains(t))
            && (!self.online_only || s.online_application)
            && (!self.zero_visits || s.visits_required == 0)
    }
}

/// One word of the query, with what the comparisons need worked out once per keystroke rather
/// than once per service.
struct Term<'a> {
    raw: &'a str,
    lower: String,
    ascii: bool,
}

/// How well one term matches one service; higher is better, `None` is no match.
fn term_score(s: &ServiceSummary, term: &Term) -> Option<u32> {
    let raw = term.raw;
    if s.name == raw {
        Some(100)
    } else if s.name.starts_with(raw) {
        Some(90)
    } else if s.name.contains(raw) {
        Some(80)
    } else if s.aliases.iter().any(|a| a == raw) {
        Some(75)
    } else if s.aliases.iter().any(|a| a.contains(raw)) {
        Some(70)
    } else if term.ascii && term.lower.len() >= 2 && lower_contains(&s.name, &term.lower) {
        // English names (served with `?lang=en`) are matched whatever the case.
        Some(78)
    } else if term.ascii
        && term.lower.len() >= 2
        && s.aliases.iter().any(|a| lower_contains(a, &term.lower))
    {
        Some(68)
    } else if term.ascii && s.pinyin.iter().any(|p| p.starts_with(&term.lower)) {
        Some(60)
    } else if term.ascii
        && term.lower.len() >= 2
        && s.pinyin.iter().any(|p| p.contains(&term.lower))
    {
        Some(50)
    } else if s.department.contains(raw) {
        Some(40)
    } else {
        None
    }
}

fn lower_contains(text: &str, lower: &str) -> bool {
    text.is_ascii() && text.to_ascii_lowercase().contains(lower)
}

/// Indices of the services that match `query` and `filters`, best first. Every space-separated
/// term must match; an empty query lists everything the filters admit, in catalog order.
pub fn search(services: &[ServiceSummary], query: &str, filters: &Filters) -> Vec<usize> {
    let terms: Vec<Term> = query
        .split_whitespace()
        .map(|raw| Term {
            raw,
            lower: raw.to_ascii_lowercase(),
            ascii: raw.is_ascii(),
        })
        .collect();
    let mut hits: Vec<(u32, usize)> = services
        .iter()
        .enumerate()
        .filter(|(_, s)| filters.admits(s))
        .filter_map(|(i, s)| {
            terms
                .iter()
                .try_fold(0u32, |acc, t| term_score(s, t).map(|sc| acc + sc))
                .map(|score| (score, i))
        })
        .collect();
    // Stable sort keeps catalog order among equal scores.
    hits.sort_by_key(|h| std::cmp::Reverse(h.0));
    hits.into_iter().map(|(_, i)| i).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use contract::{CaseType, TimeLimit};

    fn svc(name: &str, aliases: &[&str], dept: &str, pinyin: &[&str]) -> ServiceSummary {
        ServiceSummary {
            code: name.into(),
            name: name.into(),
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            department: dept.into(),
            audience: vec![Audience::Person],
            themes: vec![],
            case_type: CaseType::Committed,
            promised_limit: TimeLimit::working_days(5),
            visits_required: 1,
            online_application: false,
            free: true,
            pinyin: pinyin.iter().map(|s| s.to_string()).collect(),
            content_lang: Default::default(),
        }
    }

    #[test]
    fn english_names_match_whatever_the_case() {
        let mut permit = svc(
            "Residence Permit: first application",
            &["居住证"],
            "公安局",
            &["jzz"],
        );
        permit.aliases.push("residence card".into());
        let c = vec![svc("结婚登记", &[], "民政局", &["jhdj"]), permit];
        assert_eq!(search(&c, "residence permit", &Filters::default()), vec![1]);
        assert_eq!(search(&c, "CARD", &Filters::default()), vec![1]);
        assert!(search(&c, "passport", &Filters::default()).is_empty());
    }

    fn catalog() -> Vec<ServiceSummary> {
        vec![
            svc(
                "个体工商户设立登记",
                &["营业执照"],
                "市场监督管理局",
                &["gtgshsldj", "yyzz"],
            ),
            svc("居民身份证换领", &["身份证"], "公安局", &["jmsfzhl", "sfz"]),
            svc("身份证明开具", &[], "公安局", &["sfzmkj"]),
            svc("结婚登记", &["领证"], "民政局", &["jhdj", "lz"]),
        ]
    }

    fn names(c: &[ServiceSummary], idx: Vec<usize>) -> Vec<&str> {
        idx.into_iter().map(|i| c[i].name.as_str()).collect()
    }

    #[test]
    fn name_prefix_beats_alias() {
        let c = catalog();
        let got = names(&c, search(&c, "身份证", &Filters::default()));
        assert_eq!(got, vec!["身份证明开具", "居民身份证换领"]);
    }

    #[test]
    fn alias_finds_formal_name() {
        let c = catalog();
        let got = names(&c, search(&c, "营业执照", &Filters::default()));
        assert_eq!(got, vec!["个体工商户设立登记"]);
    }

    #[test]
    fn pinyin_initials_match_case_insensitively() {
        let c = catalog();
        let got = names(&c, search(&c, "SFZ", &Filters::default()));
        assert_eq!(got, vec!["居民身份证换领", "身份证明开具"]);
    }

    #[test]
    fn department_and_multiple_terms() {
        let c = catalog();
        assert_eq!(
            names(&c, search(&c, "民政", &Filters::default())),
            vec!["结婚登记"]
        );
        assert_eq!(
            names(&c, search(&c, "公安 换领", &Filters::default())),
            vec!["居民身份证换领"]
        );
        assert!(search(&c, "护照", &Filters::default()).is_empty());
    }

    #[test]
    fn filters_narrow_the_list() {
        let mut c = catalog();
        c[3].online_application = true;
        c[3].visits_required = 0;
        let f = Filters {
            online_only: true,
            ..Default::default()
        };
        assert_eq!(names(&c, search(&c, "", &f)), vec!["结婚登记"]);
        let f = Filters {
            department: Some("公安局".into()),
            ..Default::default()
        };
        assert_eq!(search(&c, "", &f), vec![1, 2]);
        let f = Filters {
            audience: Some(Audience::LegalPerson),
            ..Default::default()
        };
        assert!(search(&c, "", &f).is_empty());
    }
}
