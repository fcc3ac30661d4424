//! The reference catalog (办事指南 and 网上申报 forms) seeded into the database on first start.
//!
//! The data lives in `backend/catalog/`: one JSON file per department, each an array of
//! `contract::Service`, and `forms.json`, an array of `contract::FormDefinition` (one per service
//! that takes online applications). The files are compiled in, so a file that does not parse is a
//! programming error: the tests below parse every file and check the catalog's consistency.

use contract::{FormDefinition, Service};

/// The department files, in the order the catalog lists them.
const SERVICE_FILES: &[(&str, &str)] = &[
    (
        "public-security.json",
        include_str!("../../catalog/public-security.json"),
    ),
    (
        "exit-entry.json",
        include_str!("../../catalog/exit-entry.json"),
    ),
    (
        "traffic-police.json",
        include_str!("../../catalog/traffic-police.json"),
    ),
    (
        "civil-affairs.json",
        include_str!("../../catalog/civil-affairs.json"),
    ),
    (
        "human-resources-social-security.json",
        include_str!("../../catalog/human-resources-social-security.json"),
    ),
    (
        "medical-security.json",
        include_str!("../../catalog/medical-security.json"),
    ),
    (
        "market-regulation.json",
        include_str!("../../catalog/market-regulation.json"),
    ),
    ("taxation.json", include_str!("../../catalog/taxation.json")),
    (
        "housing-provident-fund.json",
        include_str!("../../catalog/housing-provident-fund.json"),
    ),
    ("health.json", include_str!("../../catalog/health.json")),
    (
        "education.json",
        include_str!("../../catalog/education.json"),
    ),
    (
        "natural-resources.json",
        include_str!("../../catalog/natural-resources.json"),
    ),
    (
        "disabled-persons-federation.json",
        include_str!("../../catalog/disabled-persons-federation.json"),
    ),
    (
        "veterans-affairs.json",
        include_str!("../../catalog/veterans-affairs.json"),
    ),
];

const FORMS_FILE: &str = include_str!("../../catalog/forms.json");

/// Every service of the reference catalog, department by department.
pub fn services() -> Vec<Service> {
    SERVICE_FILES
        .iter()
        .flat_map(|(name, text)| parse_services(name, text))
        .collect()
}

/// The service-specific online forms, one for each service with `online_application`.
pub fn forms() -> Vec<FormDefinition> {
    serde_json::from_str(FORMS_FILE)
        .unwrap_or_else(|e| panic!("backend/catalog/forms.json is compiled in and must parse: {e}"))
}

fn parse_services(name: &str, text: &str) -> Vec<Service> {
    serde_json::from_str(text)
        .unwrap_or_else(|e| panic!("backend/catalog/{name} is compiled in and must parse: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use contract::calendar::WorkCalendar;
    use contract::chrono::NaiveDate;
    use contract::{
        Audience, CaseType, FieldKind, LimitUnit, MaterialSource, Necessity, TimeLimit,
    };
    use std::collections::{BTreeMap, BTreeSet, HashSet};

    const THEMES: &[&str] = &[
        "出生",
        "上学",
        "就业",
        "婚育",
        "住房",
        "社保",
        "医疗",
        "退休",
        "出行",
        "开办企业",
        "企业变更",
        "企业注销",
        "残疾人",
        "退役军人",
        "身后事",
    ];

    fn option_ids(s: &Service) -> Vec<&str> {
        s.situations
            .iter()
            .flat_map(|q| &q.options)
            .map(|o| o.id.as_str())
            .collect()
    }

    fn is_slug(id: &str) -> bool {
        !id.is_empty()
            && id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
    }

    #[test]
    fn every_file_parses_and_is_not_empty() {
        for (name, text) in SERVICE_FILES {
            let list = parse_services(name, text);
            assert!(!list.is_empty(), "{name} has no service");
            let departments: BTreeSet<_> = list.iter().map(|s| s.department.as_str()).collect();
            assert_eq!(
                departments.len(),
                1,
                "{name} mixes departments: {departments:?}"
            );
        }
        assert!(!forms().is_empty());
    }

    #[test]
    fn catalog_is_large_and_varied_enough() {
        let all = services();
        assert!(all.len() >= 40, "only {} services", all.len());
        let departments: BTreeSet<_> = all.iter().map(|s| s.department.as_str()).collect();
        assert!(
            departments.len() >= 10,
            "only {} departments",
            departments.len()
        );

        assert!(all.iter().any(|s| s.audience.contains(&Audience::Person)));
        let legal = all
            .iter()
            .filter(|s| s.audience.contains(&Audience::LegalPerson))
            .count();
        assert!(legal >= 8, "only {legal} services for 法人");
        assert!(all.iter().any(|s| s.case_type == CaseType::Immediate));
        assert!(all.iter().any(|s| s.case_type == CaseType::Committed));
        assert!(all.iter().any(|s| s.fees.is_empty()), "no free service");
        assert!(all.iter().any(|s| !s.fees.is_empty()), "no paid service");
        for visits in 0..=2u8 {
            assert!(
                all.iter().any(|s| s.visits_required == visits),
                "no service needs {visits} visits"
            );
        }
        let with_situations = all.iter().filter(|s| !s.situations.is_empty()).count();
        assert!(
            with_situations >= 5,
            "only {with_situations} services with situations"
        );
        let online = all.iter().filter(|s| s.online_application).count();
        assert!(online >= 12, "only {online} online services");
    }

    #[test]
    fn codes_are_unique_and_url_safe() {
        let mut seen = HashSet::new();
        for s in services() {
            assert!(
                !s.code.is_empty() && s.code.bytes().all(|b| b.is_ascii_alphanumeric()),
                "code {:?} of {} is not URL-safe ASCII",
                s.code,
                s.name
            );
            assert!(seen.insert(s.code.clone()), "duplicate code {}", s.code);
        }
    }

    #[test]
    fn every_guide_is_complete() {
        for s in services() {
            let n = &s.name;
            assert!(!n.trim().is_empty());
            assert!(!s.department.trim().is_empty(), "{n}: no department");
            assert!(!s.audience.is_empty(), "{n}: no audience");
            assert!(!s.legal_basis.is_empty(), "{n}: no legal basis");
            for b in &s.legal_basis {
                assert!(
                    b.law.starts_with('《'),
                    "{n}: law {:?} is not a title",
                    b.law
                );
            }
            assert!(!s.conditions.is_empty(), "{n}: no conditions");
            assert!(
                s.conditions.iter().all(|c| !c.trim().is_empty()),
                "{n}: empty condition"
            );
            assert!(!s.places.is_empty(), "{n}: no place");
            for p in &s.places {
                assert!(
                    !p.name.is_empty() && !p.address.is_empty() && !p.hours.is_empty(),
                    "{n}: incomplete place"
                );
            }
            assert!(!s.steps.is_empty(), "{n}: no steps");
            assert!(!s.materials.is_empty(), "{n}: no materials");
            assert!(
                !s.result.name.is_empty() && !s.result.kind.is_empty(),
                "{n}: no result"
            );
            assert!(
                !s.appeal.review.is_empty() && !s.appeal.litigation.is_empty(),
                "{n}: no appeal rights"
            );
            assert!(
                !s.consult_phone.is_empty() && !s.complaint_phone.is_empty(),
                "{n}"
            );
            assert!(
                (2..=4).contains(&s.faq.len()),
                "{n}: {} FAQ entries, want 2 to 4",
                s.faq.len()
            );
            assert!(!s.refusal_reasons.is_empty(), "{n}: no 不予受理情形");
            assert!(!s.version.is_empty(), "{n}: no version");
            for t in &s.themes {
                assert!(THEMES.contains(&t.as_str()), "{n}: unknown theme {t}");
            }
            assert!(!s.channels.is_empty(), "{n}: no channel");
            assert!(s.visits_required <= 2, "{n}: too many visits");
            if s.online_application {
                assert!(
                    s.channels.contains(&contract::Channel::Online),
                    "{n}: online application without the online channel"
                );
            }
        }
    }

    /// The published calendars, for comparing limits in different units day by day.
    fn calendar() -> WorkCalendar {
        let years = [
            include_str!("../../calendar/2024.json"),
            include_str!("../../calendar/2025.json"),
            include_str!("../../calendar/2026.json"),
        ]
        .iter()
        .map(|json| serde_json::from_str(json).unwrap())
        .collect::<Vec<_>>();
        WorkCalendar::new(years).unwrap()
    }

    /// Whether a promise keeps within the statutory limit, whatever day the case is accepted.
    ///
    /// The rule:
    /// * same unit: the promised days are at most the statutory days;
    /// * promised 自然日 against statutory 工作日: n calendar days never hold more than n
    ///   working days, so again n ≤ m suffices (and is needed: n calendar days of plain
    ///   weekdays are n working days);
    /// * promised 工作日 against statutory 自然日: no fixed ratio is safe, because weekends
    ///   stretch working days (10 个工作日 is 14 days from a Friday). So both due dates are
    ///   computed on the published calendars for every acceptance day of 2024–2026 and the
    ///   promise must never end after the statute. The statutory date moves past a closing day
    ///   as the law's own periods do (see `WorkCalendar::calendar_due_date`).
    ///
    ///   Days whose statutory period spans a public holiday are left out, so for holiday
    ///   weeks this is not conservative: across 春节 or 国庆 the usual promises (7 个工作日
    ///   against 护照法's 15 日, 10 against 15 日 for 居住证 and 公积金贷款, 20 against 30 日 for
    ///   教师资格) end a day after the statute. Only far shorter promises would avoid that;
    ///   the remedy belongs to the case clock (a due date never later than the statute's), not
    ///   to the catalog's numbers.
    ///
    /// Returns the first acceptance day on which the promise ends later, if any.
    fn first_overrun(
        cal: &WorkCalendar,
        promised: TimeLimit,
        statutory: TimeLimit,
    ) -> Option<String> {
        match (promised.days(), statutory.days()) {
            (_, None) | (None, _) => None,
            (Some((p, pu)), Some((s, su))) if pu == su || su == LimitUnit::WorkingDays => {
                (p > s).then(|| format!("{p} > {s}"))
            }
            (Some(_), Some(_)) => {
                let first = NaiveDate::from_ymd_opt(2024, 1, 1)?;
                // Stop where the due dates would leave the published years.
                let last = NaiveDate::from_ymd_opt(2026, 9, 30)?;
                first
                    .iter_days()
                    .take_while(|d| *d <= last)
                    .find_map(|accepted| {
                        let p = cal.due_date_for(accepted, promised, &[], accepted)?;
                        let s = cal.due_date_for(accepted, statutory, &[], accepted)?;
                        let holiday = accepted
                            .iter_days()
                            .take_while(|d| *d <= s)
                            .any(|d| cal.holiday_name(d).is_some());
                        (p > s && !holiday)
                            .then(|| format!("accepted {accepted}: promised {p}, statutory {s}"))
                    })
            }
        }
    }

    #[test]
    fn limits_are_consistent() {
        let cal = calendar();
        let mut wrong = Vec::new();
        for s in services() {
            let n = &s.name;
            let statutory = s.statutory_limit.limit;
            match (&statutory, &s.statutory_limit.citation) {
                (TimeLimit::Days { days, .. }, Some(c)) => {
                    assert!(
                        *days > 0,
                        "{n}: a statutory limit of 0 days; use on_the_spot"
                    );
                    assert!(c.law.starts_with('《'), "{n}: citation {:?}", c.law);
                }
                (TimeLimit::Days { .. }, None) => wrong.push(format!("{n}: no citation")),
                (TimeLimit::OnTheSpot, _) => {}
                (TimeLimit::NotSet, citation) => {
                    assert!(citation.is_none(), "{n}: a citation for no limit");
                    if s.case_type == CaseType::Committed {
                        assert!(
                            !s.limit_note.is_empty(),
                            "{n}: explain the missing statutory limit"
                        );
                    }
                }
            }
            match (s.case_type, s.promised_limit) {
                (CaseType::Committed, TimeLimit::Days { days, .. }) => {
                    assert!(days > 0, "{n}: 承诺件 promising 0 days")
                }
                (CaseType::Immediate, TimeLimit::OnTheSpot) => {}
                (kind, limit) => panic!("{n}: {kind:?} promising {limit:?}"),
            }
            let options = s.situations.iter().flat_map(|q| &q.options);
            let promises = std::iter::once(("", s.promised_limit))
                .chain(options.filter_map(|o| Some((o.id.as_str(), o.promised_limit?))));
            for (option, promised) in promises {
                assert_ne!(
                    promised,
                    TimeLimit::NotSet,
                    "{n} {option}: promises nothing"
                );
                if statutory == TimeLimit::OnTheSpot && promised != TimeLimit::OnTheSpot {
                    wrong.push(format!("{n} {option}: the law says on the spot"));
                }
                if let Some(why) = first_overrun(&cal, promised, statutory) {
                    wrong.push(format!("{n} {option}: promise longer than the law: {why}"));
                }
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn the_overrun_rule_catches_what_it_should() {
        let cal = calendar();
        let wd = TimeLimit::working_days;
        let cd = TimeLimit::calendar_days;
        assert_eq!(first_overrun(&cal, wd(5), wd(5)), None);
        assert!(first_overrun(&cal, wd(6), wd(5)).is_some());
        assert_eq!(first_overrun(&cal, cd(5), wd(5)), None);
        assert!(first_overrun(&cal, cd(6), wd(5)).is_some());
        // Three working days from a Friday end on Wednesday, three calendar days on Monday.
        assert!(first_overrun(&cal, wd(3), cd(3)).is_some());
        assert_eq!(first_overrun(&cal, wd(1), cd(3)), None);
        assert_eq!(first_overrun(&cal, TimeLimit::OnTheSpot, cd(3)), None);
        assert_eq!(first_overrun(&cal, wd(30), TimeLimit::NotSet), None);
    }

    /// A document of the price or finance departments, cited by its number (〔year〕n号).
    fn is_price_document(b: &contract::LegalBasis) -> bool {
        let numbered = b.article.contains('〔') && b.article.ends_with('号');
        let by_price_or_finance = ["发改价格", "财税", "计价格", "价费"]
            .iter()
            .any(|prefix| b.article.starts_with(prefix));
        numbered && by_price_or_finance
    }

    #[test]
    fn fees_each_have_a_basis() {
        for s in services() {
            for f in &s.fees {
                assert!(
                    !f.item.is_empty() && !f.standard.is_empty(),
                    "{}: fee",
                    s.name
                );
                assert!(
                    !f.basis.is_empty(),
                    "{}: fee {} has no basis",
                    s.name,
                    f.item
                );
                assert!(
                    f.basis.iter().all(|b| b.law.starts_with('《')),
                    "{}: empty basis",
                    s.name
                );
                // A law allows a fee; the amount is set by a price document of the price and
                // finance departments (e.g. 发改价格〔2003〕2322号), which the guide must name.
                assert!(
                    f.basis.iter().any(is_price_document),
                    "{}: fee {} names no price document",
                    s.name,
                    f.item
                );
            }
        }
    }

    #[test]
    fn materials_and_situations_are_well_formed() {
        for s in services() {
            let n = &s.name;
            let mut ids = HashSet::new();
            for m in &s.materials {
                assert!(
                    is_slug(&m.id),
                    "{n}: material id {:?} is not an ASCII slug",
                    m.id
                );
                assert!(
                    ids.insert(m.id.as_str()),
                    "{n}: duplicate material id {}",
                    m.id
                );
                assert!(m.copies >= 1, "{n}: {} has no copies", m.id);
                if let MaterialSource::Department { issuer, .. } = &m.source {
                    assert!(!issuer.is_empty(), "{n}: {} has no issuer", m.id);
                }
            }
            assert!(
                s.materials
                    .iter()
                    .any(|m| m.required == Necessity::Required),
                "{n}: no required material"
            );
            let mut question_ids = HashSet::new();
            for q in &s.situations {
                assert!(
                    question_ids.insert(q.id.as_str()),
                    "{n}: duplicate question {}",
                    q.id
                );
                assert!(
                    q.options.len() >= 2,
                    "{n}: question {} has one option",
                    q.id
                );
            }
            let options = option_ids(&s);
            let unique: HashSet<_> = options.iter().collect();
            assert_eq!(
                unique.len(),
                options.len(),
                "{n}: duplicate situation option id"
            );
            assert!(
                options.iter().all(|o| is_slug(o)),
                "{n}: option id not an ASCII slug"
            );
            for id in s
                .materials
                .iter()
                .flat_map(|m| &m.applies_when)
                .chain(s.fees.iter().flat_map(|f| &f.applies_when))
            {
                assert!(
                    options.contains(&id.as_str()),
                    "{n}: applies_when {id} is no option"
                );
            }
        }
    }

    #[test]
    fn every_online_service_has_exactly_one_form() {
        let all = services();
        let by_code: BTreeMap<_, _> = all.iter().map(|s| (s.code.as_str(), s)).collect();
        let mut count: BTreeMap<String, usize> = BTreeMap::new();
        for f in forms() {
            let service = by_code
                .get(f.service_code.as_str())
                .unwrap_or_else(|| panic!("form for unknown service {}", f.service_code));
            assert!(
                service.online_application,
                "form for {} which takes no online application",
                service.name
            );
            *count.entry(f.service_code.clone()).or_default() += 1;
        }
        for s in all.iter().filter(|s| s.online_application) {
            assert_eq!(
                count.get(&s.code),
                Some(&1),
                "{} needs exactly one form",
                s.name
            );
        }
    }

    #[test]
    fn form_fields_are_well_formed() {
        // The portal always asks these itself.
        let reserved = ["name", "id_number", "phone", "address"];
        for f in forms() {
            assert!(!f.fields.is_empty(), "form {} has no field", f.service_code);
            let mut ids = HashSet::new();
            for field in &f.fields {
                let c = &f.service_code;
                assert!(is_slug(&field.id), "{c}: field id {:?}", field.id);
                assert!(
                    !reserved.contains(&field.id.as_str()),
                    "{c}: {} is reserved",
                    field.id
                );
                assert!(
                    ids.insert(field.id.as_str()),
                    "{c}: duplicate field {}",
                    field.id
                );
                assert!(!field.label.is_empty(), "{c}: {} has no label", field.id);
                match &field.kind {
                    FieldKind::Text { max_chars } => assert!(*max_chars > 0, "{c}: {}", field.id),
                    FieldKind::Choice { options } => {
                        assert!(options.len() >= 2, "{c}: {} needs options", field.id);
                        let unique: HashSet<_> = options.iter().collect();
                        assert_eq!(unique.len(), options.len(), "{c}: {}", field.id);
                    }
                    _ => {}
                }
            }
        }
    }

    #[test]
    fn the_national_elements_are_filled_and_agree_with_the_rest_of_the_guide() {
        use contract::{Channel, OnlineDepth, ProgressChannel, QuantityLimit, ServiceKind};
        let docs = crate::catalog::documents::embedded();
        let known = |link: &str| {
            crate::catalog::documents::parse_link(link)
                .is_some_and(|(id, _)| docs.iter().any(|d| d.id == id))
        };
        let mut forms_with_both = 0;
        for s in services() {
            let n = &s.name;
            // The example's 实施编码 is the region code followed by the 基本编码.
            assert_eq!(s.base_code.as_deref(), s.code.get(8..), "{n}: base code");
            assert!(!s.levels.is_empty(), "{n}: no 行使层级");
            let depth = s.online_depth.unwrap_or_else(|| panic!("{n}: no 网办深度"));
            let expected = match (s.online_application, s.visits_required) {
                (true, 0) => OnlineDepth::FullyOnline,
                (true, _) => OnlineDepth::OnlineReview,
                (false, _) if s.materials.iter().any(|m| m.blank_form.is_some()) => {
                    OnlineDepth::Forms
                }
                (false, _) => OnlineDepth::Information,
            };
            assert_eq!(depth, expected, "{n}: 网办深度");
            // The example city books every visit to a window.
            assert_eq!(
                s.takes_appointments,
                s.channels.contains(&Channel::Window) && s.visits_required > 0,
                "{n}: a visit to a window is what gets booked"
            );
            assert!(!s.online_payment || !s.fees.is_empty(), "{n}: pays nothing");
            assert_eq!(
                s.progress.contains(&ProgressChannel::Portal),
                s.online_application,
                "{n}: the portal tracks only cases it took"
            );
            if s.kind == ServiceKind::Licensing {
                assert!(s.quantity_limit.is_some(), "{n}: 行政许可 states 数量限制");
            }
            if let Some(QuantityLimit::Limited { description }) = &s.quantity_limit {
                assert!(!description.is_empty(), "{n}");
            }
            for p in &s.special_procedures {
                assert!(!p.name.is_empty() && !p.note.is_empty(), "{n}: 特别程序");
                if let TimeLimit::Days { .. } = p.limit {
                    assert!(
                        p.basis.is_some(),
                        "{n}: {} sets days without a basis",
                        p.name
                    );
                }
            }
            for i in &s.intermediaries {
                assert!(
                    !i.name.is_empty() && !i.provider.is_empty(),
                    "{n}: 中介服务"
                );
            }
            for p in &s.places {
                // A hall of the example city has its district and phone; a place that is one
                // per district has neither.
                assert_eq!(p.district.is_some(), p.phone.is_some(), "{n}: {}", p.name);
                if p.district.is_some() {
                    assert!(p.address.starts_with("示例市"), "{n}: {}", p.address);
                }
            }
            for m in &s.materials {
                for link in m.blank_form.iter().chain(&m.sample) {
                    assert!(known(link), "{n}: {} links {link}", m.id);
                }
                if m.blank_form.is_some() && m.sample.is_some() {
                    forms_with_both += 1;
                }
            }
            if let Some(link) = &s.result.sample {
                assert!(known(link), "{n}: result sample {link}");
            }
        }
        assert!(
            forms_with_both >= 10,
            "only {forms_with_both} materials with a blank form and a sample"
        );
    }

    fn mentions(s: &Service, word: &str) -> bool {
        s.name.contains(word) || s.aliases.iter().any(|a| a.contains(word))
    }

    #[test]
    fn id_card_search_finds_first_application_renewal_and_replacement() {
        let all = services();
        for variant in ["首次申领", "换领", "补领"] {
            let found = all.iter().any(|s| {
                mentions(s, "身份证")
                    && (mentions(s, variant)
                        || s.situations
                            .iter()
                            .flat_map(|q| &q.options)
                            .any(|o| o.label.contains(variant)))
            });
            assert!(found, "searching 身份证 does not find 居民身份证{variant}");
        }
    }

    #[test]
    fn business_license_search_finds_individual_business_registration() {
        let all = services();
        let s = all
            .iter()
            .find(|s| s.name.contains("个体工商户设立登记"))
            .expect("个体工商户设立登记 is in the catalog");
        assert!(s.aliases.iter().any(|a| a == "营业执照"));
    }

    #[test]
    fn marriage_is_not_found_by_id_card() {
        // The end-to-end test searches 身份证 and expects 结婚登记 to be filtered out.
        for s in services().iter().filter(|s| s.name.contains("结婚")) {
            assert!(!mentions(s, "身份证"), "{} mentions 身份证", s.name);
        }
    }
}
