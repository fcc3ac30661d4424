//! A catalog as files, and its validation: `backend catalog check DIR`.
//!
//! A catalog directory holds one or more department files (each a JSON array of
//! `contract::Service`), `forms.json` (an array of `contract::FormDefinition`, one per service
//! that takes online applications) and optionally `documents.json` (blank forms and samples,
//! see `documents.rs`); `places-hours.json` beside them is the places' opening hours, which
//! `appointments::hours` reads from the data directory: checked here (and every place a service
//! names must have its hours there, or in the embedded file when the directory has none), not
//! imported. Every
//! problem found is reported with its file, service and field, so that a city fixes them all in
//! one round.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::path::Path;

use contract::appointment::OpeningHours;
use contract::{
    CaseType, Channel, FormDefinition, LimitUnit, MaterialSource, Necessity, OnlineDepth, Service,
    TimeLimit,
};
use serde::de::DeserializeOwned;

use super::documents::{self, Document, Variant};

pub const FORMS_FILE: &str = "forms.json";
pub const DOCUMENTS_FILE: &str = "documents.json";

/// A whole catalog, read from files.
#[derive(Clone, Debug, Default)]
pub struct Catalog {
    /// Each service with the file it came from.
    pub services: Vec<(String, Service)>,
    pub forms: Vec<FormDefinition>,
    /// `None`: the directory has no `documents.json`; the embedded documents stay.
    pub documents: Option<Vec<Document>>,
    /// Codes of services that did not parse (already reported): forms naming them are not
    /// reported a second time.
    pub unreadable: HashSet<String>,
    /// 一件事 bundles (`bundles.json`); none when the directory has no such file.
    pub bundles: Vec<contract::bundle::Bundle>,
    /// The directory's `places-hours.json`: `None` without one (the backend then uses the
    /// embedded hours), `Some(None)` when it did not parse (already reported).
    pub hours: Option<Option<OpeningHours>>,
}

/// One problem: where it is and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    /// The service's code (or the form's service code, the document's id), when known.
    pub service: Option<String>,
    /// The field path, e.g. `materials[2].id`; empty for the file as a whole.
    pub field: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(s) = &self.service {
            write!(f, ": {s}")?;
        }
        if !self.field.is_empty() {
            write!(f, ": {}", self.field)?;
        }
        write!(f, ": {}", self.message)
    }
}

/// Collects problems about one file and one service.
struct At<'a> {
    out: &'a mut Vec<Problem>,
    file: &'a str,
    service: Option<&'a str>,
}

impl At<'_> {
    fn add(&mut self, field: impl Into<String>, message: impl Into<String>) {
        self.out.push(Problem {
            file: self.file.to_string(),
            service: self.service.map(str::to_string),
            field: field.into(),
            message: message.into(),
        });
    }

    fn require(&mut self, ok: bool, field: impl Into<String>, message: &str) {
        if !ok {
            self.add(field, message);
        }
    }
}

/// Parses each element of a JSON array on its own, so that one bad entry does not hide the
/// others, and names the field serde stopped at; `failed` gets the ids of those that did not
/// parse.
fn parse_array<T: DeserializeOwned>(
    file: &str,
    text: &str,
    key: &str,
    problems: &mut Vec<Problem>,
    failed: &mut HashSet<String>,
) -> Vec<T> {
    let values: Vec<serde_json::Value> = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            problems.push(Problem {
                file: file.into(),
                service: None,
                field: String::new(),
                message: format!("not a JSON array: {e}"),
            });
            return Vec::new();
        }
    };
    let mut out = Vec::new();
    for (i, value) in values.into_iter().enumerate() {
        let id = value
            .get(key)
            .and_then(|v| v.as_str())
            .map(str::to_string)
            .unwrap_or_else(|| format!("#{}", i + 1));
        match serde_path_to_error::deserialize::<_, T>(value) {
            Ok(t) => out.push(t),
            Err(e) => {
                failed.insert(id.clone());
                let path = e.path().to_string();
                problems.push(Problem {
                    file: file.into(),
                    service: Some(id),
                    field: if path == "." { String::new() } else { path },
                    message: e.into_inner().to_string(),
                });
            }
        }
    }
    out
}

/// Reads every `*.json` file of `dir`; problems of reading and parsing come back beside
/// what could be read.
pub fn read_dir(dir: &Path) -> (Catalog, Vec<Problem>) {
    let mut problems = Vec::new();
    let mut catalog = Catalog::default();
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            problems.push(Problem {
                file: dir.display().to_string(),
                service: None,
                field: String::new(),
                message: format!("cannot read the directory: {e}"),
            });
            return (catalog, problems);
        }
    };
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_file())
        .filter_map(|e| e.file_name().to_str().map(str::to_string))
        .filter(|n| n.ends_with(".json"))
        .collect();
    names.sort();
    let mut saw_forms = false;
    for name in names {
        let text = match std::fs::read_to_string(dir.join(&name)) {
            Ok(t) => t,
            Err(e) => {
                problems.push(Problem {
                    file: name,
                    service: None,
                    field: String::new(),
                    message: format!("cannot read: {e}"),
                });
                continue;
            }
        };
        match name.as_str() {
            FORMS_FILE => {
                saw_forms = true;
                catalog.forms = parse_array(
                    &name,
                    &text,
                    "service_code",
                    &mut problems,
                    &mut HashSet::new(),
                );
            }
            // The places' opening hours (预约) live beside the catalog with their own shape.
            crate::appointments::hours::FILE_NAME => {
                match crate::appointments::hours::parse(&name, &text) {
                    Ok(hours) => catalog.hours = Some(Some(hours)),
                    Err(e) => {
                        catalog.hours = Some(None);
                        problems.push(Problem {
                            file: name,
                            service: None,
                            field: String::new(),
                            message: format!("{e:#}"),
                        });
                    }
                }
            }
            super::bundles::FILE => {
                catalog.bundles =
                    parse_array(&name, &text, "id", &mut problems, &mut HashSet::new());
            }
            DOCUMENTS_FILE => {
                catalog.documents = Some(parse_array(
                    &name,
                    &text,
                    "id",
                    &mut problems,
                    &mut HashSet::new(),
                ));
            }
            _ => {
                let list: Vec<Service> =
                    parse_array(&name, &text, "code", &mut problems, &mut catalog.unreadable);
                catalog
                    .services
                    .extend(list.into_iter().map(|s| (name.clone(), s)));
            }
        }
    }
    if catalog.services.is_empty() && problems.is_empty() {
        problems.push(Problem {
            file: dir.display().to_string(),
            service: None,
            field: String::new(),
            message: "no service file (*.json holding an array of services)".into(),
        });
    }
    if !saw_forms && catalog.services.iter().any(|(_, s)| s.online_application) {
        problems.push(Problem {
            file: FORMS_FILE.into(),
            service: None,
            field: String::new(),
            message: "missing: services take online applications but there is no forms.json".into(),
        });
    }
    (catalog, problems)
}

fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

fn blank(s: &str) -> bool {
    s.trim().is_empty()
}

/// Every rule a catalog must keep for the portal to show it truthfully; `documents` are
/// those the links may name.
pub fn check(catalog: &Catalog, documents: &[Document]) -> Vec<Problem> {
    let mut out = Vec::new();
    let docs: HashMap<&str, &Document> = documents.iter().map(|d| (d.id.as_str(), d)).collect();
    let forms_by_code: BTreeMap<&str, usize> =
        catalog.forms.iter().fold(BTreeMap::new(), |mut m, f| {
            *m.entry(f.service_code.as_str()).or_default() += 1;
            m
        });
    let embedded_hours;
    let hours = match &catalog.hours {
        Some(Some(h)) => Some((h, "places-hours.json")),
        // Reported already; every place would be reported again.
        Some(None) => None,
        None => {
            embedded_hours = crate::appointments::hours::embedded();
            embedded_hours
                .as_ref()
                .map(|h| (h, "the embedded places-hours.json"))
        }
    };
    let mut seen: HashMap<&str, &str> = HashMap::new();
    for (file, s) in &catalog.services {
        let mut at = At {
            out: &mut out,
            file,
            service: Some(&s.code),
        };
        if !s.code.is_empty() && !s.code.bytes().all(|b| b.is_ascii_alphanumeric()) {
            at.add(
                "code",
                "only ASCII letters and digits (it is part of the guide's URL)",
            );
        }
        at.require(!s.code.is_empty(), "code", "empty");
        if let Some(first) = seen.insert(&s.code, file) {
            at.add("code", format!("duplicate: also in {first}"));
        }
        check_service(&mut at, s, &docs);
        if let Some((hours, source)) = hours {
            for (i, p) in s.places.iter().enumerate() {
                if !blank(&p.name) && hours.place_named(&p.name).is_none() {
                    at.add(
                        format!("places[{i}].name"),
                        format!("{}: no such place in {source}", p.name),
                    );
                }
            }
        }
        let forms = forms_by_code.get(s.code.as_str()).copied().unwrap_or(0);
        if s.online_application && forms != 1 {
            at.add(
                "online_application",
                format!(
                    "takes online applications but forms.json has {forms} forms for it (need 1)"
                ),
            );
        }
    }
    let codes: HashMap<&str, &Service> = catalog
        .services
        .iter()
        .map(|(_, s)| (s.code.as_str(), s))
        .collect();
    for (i, f) in catalog.forms.iter().enumerate() {
        let mut at = At {
            out: &mut out,
            file: FORMS_FILE,
            service: Some(&f.service_code),
        };
        match codes.get(f.service_code.as_str()) {
            None if catalog.unreadable.contains(&f.service_code) => {}
            None => at.add("service_code", "no service has this code"),
            Some(s) if !s.online_application => at.add(
                "service_code",
                "the service does not take online applications",
            ),
            Some(_) => {}
        }
        if forms_by_code.get(f.service_code.as_str()) > Some(&1) {
            at.add(format!("[{i}]"), "more than one form for this service");
        }
        check_form(&mut at, f);
    }
    out.extend(super::bundles::check(catalog));
    if let Some(list) = &catalog.documents {
        let mut ids = HashSet::new();
        for d in list {
            let mut at = At {
                out: &mut out,
                file: DOCUMENTS_FILE,
                service: Some(&d.id),
            };
            at.require(
                is_slug(&d.id),
                "id",
                "not an ASCII slug (a-z, 0-9, - and _)",
            );
            at.require(ids.insert(d.id.as_str()), "id", "duplicate");
            at.require(!blank(&d.title), "title", "empty");
            at.require(
                !d.sections.is_empty() || !d.paragraphs.is_empty(),
                "sections",
                "no field and no text",
            );
        }
    }
    out
}

fn check_service(at: &mut At, s: &Service, docs: &HashMap<&str, &Document>) {
    for (field, value) in [
        ("name", &s.name),
        ("department", &s.department),
        ("consult_phone", &s.consult_phone),
        ("complaint_phone", &s.complaint_phone),
        ("version", &s.version),
        ("result.name", &s.result.name),
        ("appeal.review", &s.appeal.review),
        ("appeal.litigation", &s.appeal.litigation),
    ] {
        at.require(!blank(value), field, "empty");
    }
    at.require(!s.audience.is_empty(), "audience", "empty");
    at.require(!s.legal_basis.is_empty(), "legal_basis", "empty");
    for (i, b) in s.legal_basis.iter().enumerate() {
        at.require(!blank(&b.law), format!("legal_basis[{i}].law"), "empty");
    }
    at.require(!s.conditions.is_empty(), "conditions", "empty");
    for (i, c) in s.conditions.iter().enumerate() {
        at.require(!blank(c), format!("conditions[{i}]"), "empty");
    }
    at.require(!s.channels.is_empty(), "channels", "empty");
    at.require(!s.steps.is_empty(), "steps", "empty");
    at.require(!s.places.is_empty(), "places", "empty");
    for (i, p) in s.places.iter().enumerate() {
        for (field, value) in [
            ("name", &p.name),
            ("address", &p.address),
            ("hours", &p.hours),
        ] {
            at.require(!blank(value), format!("places[{i}].{field}"), "empty");
        }
    }
    at.require(s.visits_required <= 2, "visits_required", "more than 2");
    if s.online_application && !s.channels.contains(&Channel::Online) {
        at.add(
            "channels",
            "takes online applications but does not list the online channel",
        );
    }
    if s.online_depth == Some(OnlineDepth::FullyOnline)
        && !(s.online_application && s.visits_required == 0)
    {
        at.add(
            "online_depth",
            "四级 (fully_online) needs online applications and no visit",
        );
    }
    check_limits(at, s);
    for (i, f) in s.fees.iter().enumerate() {
        at.require(!blank(&f.item), format!("fees[{i}].item"), "empty");
        at.require(!blank(&f.standard), format!("fees[{i}].standard"), "empty");
        at.require(
            !f.basis.is_empty(),
            format!("fees[{i}].basis"),
            "a fee needs its legal and price basis (收费依据)",
        );
    }
    check_materials(at, s, docs);
    check_link(
        at,
        "result.sample",
        s.result.sample.as_deref(),
        Variant::Sample,
        docs,
    );
}

fn check_limits(at: &mut At, s: &Service) {
    let statutory = s.statutory_limit.limit;
    match (statutory, &s.statutory_limit.citation) {
        (TimeLimit::Days { days: 0, .. }, _) => at.add(
            "statutory_limit.days",
            "0 days; use {\"kind\": \"on_the_spot\"}",
        ),
        (TimeLimit::Days { .. }, None) => at.add(
            "statutory_limit.citation",
            "a statutory limit needs the article that sets it",
        ),
        (TimeLimit::NotSet, Some(_)) => at.add(
            "statutory_limit.citation",
            "a citation for a limit the law does not set",
        ),
        _ => {}
    }
    match (s.case_type, s.promised_limit) {
        (CaseType::Committed, TimeLimit::Days { days, .. }) if days > 0 => {}
        (CaseType::Immediate, TimeLimit::OnTheSpot) => {}
        (CaseType::Committed, _) => at.add(
            "promised_limit",
            "承诺件 (committed) needs a number of days above 0",
        ),
        (CaseType::Immediate, _) => at.add(
            "promised_limit",
            "即办件 (immediate) promises {\"kind\": \"on_the_spot\"}",
        ),
    }
    let options = s.situations.iter().enumerate().flat_map(|(q, question)| {
        question
            .options
            .iter()
            .enumerate()
            .filter_map(move |(o, opt)| {
                Some((
                    format!("situations[{q}].options[{o}].promised_limit"),
                    opt.promised_limit?,
                ))
            })
    });
    for (field, promised) in
        std::iter::once(("promised_limit".to_string(), s.promised_limit)).chain(options)
    {
        if promised == TimeLimit::NotSet {
            at.add(field.clone(), "a promise cannot be not_set");
        }
        if statutory == TimeLimit::OnTheSpot && promised != TimeLimit::OnTheSpot {
            at.add(field.clone(), "the law says on the spot");
        }
        // Working days against calendar days depend on the day; the seed tests compare them
        // on the calendars. Here only what holds whatever the day.
        if let (Some((p, pu)), Some((l, lu))) = (promised.days(), statutory.days()) {
            if (pu == lu || lu == LimitUnit::WorkingDays) && p > l {
                at.add(
                    field,
                    format!("promises {p} days, longer than the statutory {l}"),
                );
            }
        }
    }
}

fn check_materials(at: &mut At, s: &Service, docs: &HashMap<&str, &Document>) {
    at.require(!s.materials.is_empty(), "materials", "empty");
    at.require(
        s.materials
            .iter()
            .any(|m| m.required == Necessity::Required)
            || s.materials.is_empty(),
        "materials",
        "no required material",
    );
    let options: Vec<&str> = s
        .situations
        .iter()
        .flat_map(|q| &q.options)
        .map(|o| o.id.as_str())
        .collect();
    let mut option_ids = HashSet::new();
    for (q, question) in s.situations.iter().enumerate() {
        at.require(
            question.options.len() >= 2,
            format!("situations[{q}].options"),
            "a question needs at least two answers",
        );
        for (o, opt) in question.options.iter().enumerate() {
            let field = format!("situations[{q}].options[{o}].id");
            at.require(
                is_slug(&opt.id),
                field.clone(),
                "not an ASCII slug (a-z, 0-9, - and _)",
            );
            at.require(option_ids.insert(opt.id.as_str()), field, "duplicate");
        }
    }
    let mut ids = HashSet::new();
    for (i, m) in s.materials.iter().enumerate() {
        let f = |name: &str| format!("materials[{i}].{name}");
        at.require(
            is_slug(&m.id),
            f("id"),
            "not an ASCII slug (a-z, 0-9, - and _)",
        );
        at.require(ids.insert(m.id.as_str()), f("id"), "duplicate");
        at.require(!blank(&m.name), f("name"), "empty");
        at.require(m.copies >= 1, f("copies"), "at least 1");
        if let MaterialSource::Department { issuer, .. } = &m.source {
            at.require(!blank(issuer), f("source.issuer"), "empty");
        }
        for id in &m.applies_when {
            at.require(
                options.contains(&id.as_str()),
                f("applies_when"),
                &format!("{id} is no situation option"),
            );
        }
        check_link(
            at,
            &f("blank_form"),
            m.blank_form.as_deref(),
            Variant::Blank,
            docs,
        );
        check_link(at, &f("sample"), m.sample.as_deref(), Variant::Sample, docs);
    }
    for (i, fee) in s.fees.iter().enumerate() {
        for id in &fee.applies_when {
            at.require(
                options.contains(&id.as_str()),
                format!("fees[{i}].applies_when"),
                &format!("{id} is no situation option"),
            );
        }
    }
}

/// A link is one of the catalog's documents, in the variant it names, or an https address.
fn check_link(
    at: &mut At,
    field: &str,
    link: Option<&str>,
    expect: Variant,
    docs: &HashMap<&str, &Document>,
) {
    let Some(link) = link else { return };
    if link.starts_with("https://") && !link.contains(char::is_whitespace) {
        return;
    }
    match documents::parse_link(link) {
        Some((id, variant)) => match (docs.get(id), Variant::parse(variant)) {
            (None, _) => at.add(field, format!("{link}: no document {id} in documents.json")),
            (Some(_), v) if v != Some(expect) => at.add(
                field,
                format!(
                    "{link}: should end in /{}",
                    if expect == Variant::Blank {
                        "blank"
                    } else {
                        "sample"
                    }
                ),
            ),
            (Some(d), _) if !d.has(expect) => {
                at.add(field, format!("{link}: a result sample has no blank form"))
            }
            _ => {}
        },
        None => at.add(
            field,
            format!(
                "{link}: neither {}<id>/… nor an https:// address",
                documents::PREFIX
            ),
        ),
    }
}

fn check_form(at: &mut At, f: &FormDefinition) {
    const RESERVED: [&str; 4] = ["name", "id_number", "phone", "address"];
    at.require(!f.fields.is_empty(), "fields", "empty");
    let mut ids = HashSet::new();
    for (i, field) in f.fields.iter().enumerate() {
        let p = |name: &str| format!("fields[{i}].{name}");
        at.require(
            is_slug(&field.id),
            p("id"),
            "not an ASCII slug (a-z, 0-9, - and _)",
        );
        at.require(
            !RESERVED.contains(&field.id.as_str()),
            p("id"),
            "reserved: the portal asks for it itself",
        );
        at.require(ids.insert(field.id.as_str()), p("id"), "duplicate");
        at.require(!blank(&field.label), p("label"), "empty");
        match &field.kind {
            contract::FieldKind::Text { max_chars } if *max_chars == 0 => {
                at.add(p("kind.max_chars"), "at least 1")
            }
            contract::FieldKind::Choice { options } if options.len() < 2 => {
                at.add(p("kind.options"), "at least two options")
            }
            _ => {}
        }
    }
}
