//! Validation shared by the app (instant feedback) and the backend (the real check), with the
//! messages in Simplified Chinese that the app shows beside each field.
//!
//! Values are checked after trimming surrounding whitespace (mobile keyboards add it); the
//! backend should store the trimmed value. Nothing here panics on any input.

use crate::api::FieldError;
use crate::application::{Application, FieldKind, FormDefinition, FormField};
use crate::case::Delivery;
use crate::service::{Channel, MaterialSource, Necessity, Service};
use crate::time::parse_date;
use chrono::{Datelike, NaiveDate};

/// Longest address accepted, in characters.
pub const ADDRESS_MAX_CHARS: usize = 200;
/// Most pages (uploads) one material may have: a thick document is scanned as a PDF.
pub const MAX_PAGES_PER_MATERIAL: usize = 20;
/// Most material entries a supplement may carry, whatever the case asks for.
pub const MAX_SUPPLEMENT_MATERIALS: usize = 50;
/// Longest id (material, situation option, form field, upload) a client may send.
pub const ID_MAX_LEN: usize = 64;

const REQUIRED: &str = "此项为必填项";

/// GB 11643-1999 MOD 11-2 weights for the first 17 digits.
const ID_WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/// Check character for each value of (weighted sum mod 11).
const ID_CHECK: [u8; 11] = *b"10X98765432";

/// Provincial codes of GB/T 2260 (first two digits), plus 71 台湾, 81 香港, 82 澳门.
fn is_province_code(code: u32) -> bool {
    matches!(code, 11..=15 | 21..=23 | 31..=37 | 41..=46 | 50..=54 | 61..=65 | 71 | 81 | 82)
}

/// The GB 11643 MOD 11-2 check character of the first 17 digits; `None` unless given exactly
/// 17 ASCII digits.
pub fn id_check_char(first17: &[u8]) -> Option<u8> {
    if first17.len() != 17 || !first17.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let sum: u32 = ID_WEIGHTS
        .iter()
        .zip(first17)
        .map(|(w, d)| w * u32::from(d - b'0'))
        .sum();
    Some(ID_CHECK[(sum % 11) as usize])
}

/// 公民身份号码 per GB 11643-1999: 6-digit region, 8-digit birth date, 3-digit sequence, and a
/// MOD 11-2 check character (lowercase x accepted as X).
///
/// The birth date must exist, not be after `today`, and not be before 1800: the standard's own
/// example (440524188001010014) is born in 1880, and applications may concern elderly or
/// deceased people, so 1900 would be too strict.
pub fn validate_id_number(value: &str, today: NaiveDate) -> Result<(), &'static str> {
    let value = value.trim();
    if value.chars().count() != 18 {
        return Err("请输入18位公民身份号码");
    }
    // Exactly 18 chars; requiring ASCII first makes every byte a char.
    let b = value.as_bytes();
    let body_ok = value.is_ascii() && b[..17].iter().all(u8::is_ascii_digit);
    if !body_ok || !matches!(b[17], b'0'..=b'9' | b'X' | b'x') {
        return Err("公民身份号码只能由数字组成，最后一位可以是X");
    }
    let digit = |i: usize| u32::from(b[i] - b'0');
    let number = |from: usize, to: usize| (from..to).fold(0, |acc, i| acc * 10 + digit(i));

    if !is_province_code(number(0, 2)) {
        return Err("公民身份号码的地区代码不正确");
    }
    // Year has four digits and month, day two, so the casts cannot truncate.
    let birth = NaiveDate::from_ymd_opt(number(6, 10) as i32, number(10, 12), number(12, 14));
    if !birth.is_some_and(|birth| birth.year() >= 1800 && birth <= today) {
        return Err("公民身份号码的出生日期不正确");
    }
    if id_check_char(&b[..17]) != Some(b[17].to_ascii_uppercase()) {
        return Err("公民身份号码校验位不正确，请核对后重新输入");
    }
    Ok(())
}

/// Masks an ID number for display: only the first and last characters kept
/// (1****************X). Keeping the region and the last four, as before, let anyone who
/// knew the birthday rebuild the number. Numbers of 4 characters or fewer are starred
/// entirely.
pub fn mask_id_number(value: &str) -> String {
    let chars: Vec<char> = value.trim().chars().collect();
    let n = chars.len();
    chars
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            if n > 4 && (i == 0 || i == n - 1) {
                c.to_ascii_uppercase()
            } else {
                '*'
            }
        })
        .collect()
}

/// Masks a person's name: the surname and, for names of three or more characters, the last
/// character kept (张*, 李*明, 欧**锋).
pub fn mask_name(value: &str) -> String {
    let chars: Vec<char> = value.trim().chars().collect();
    match chars.len() {
        0 => String::new(),
        1 => "*".into(),
        2 => format!("{}*", chars[0]),
        n => format!("{}{}{}", chars[0], "*".repeat(n - 2), chars[n - 1]),
    }
}

/// Masks a postal address: the administrative part up to the district (区, 县, 旗) kept,
/// or else up to the first city (市, 州, 盟) within the first 20 characters; the rest is a
/// fixed "****", so that not even its length shows.
pub fn mask_address(value: &str) -> String {
    let chars: Vec<char> = value.trim().chars().collect();
    let head = &chars[..chars.len().min(20)];
    let cut = head
        .iter()
        .position(|c| matches!(c, '区' | '县' | '旗'))
        .or_else(|| head.iter().position(|c| matches!(c, '市' | '州' | '盟')));
    match cut {
        Some(i) => format!("{}****", chars[..=i].iter().collect::<String>()),
        None => "****".into(),
    }
}

/// Mainland mobile number: 11 digits, starting 13–19.
pub fn validate_phone(value: &str) -> Result<(), &'static str> {
    let b = value.trim().as_bytes();
    let ok = b.len() == 11
        && b.iter().all(u8::is_ascii_digit)
        && b[0] == b'1'
        && (b'3'..=b'9').contains(&b[1]);
    if ok {
        Ok(())
    } else {
        Err("请输入11位手机号码")
    }
}

/// A person's name: 2–30 letters (汉字 or other scripts); ethnic-minority names join their
/// parts with the middle dot "·" (U+00B7), never at either end or twice in a row.
pub fn validate_name(value: &str) -> Result<(), &'static str> {
    let value = value.trim();
    if value.is_empty() {
        return Err("请输入姓名");
    }
    let len = value.chars().count();
    if !(2..=30).contains(&len) {
        return Err("姓名应为2至30个字");
    }
    if !value.chars().all(|c| c.is_alphabetic() || c == '·') {
        return Err("姓名只能包含文字和间隔号“·”");
    }
    if value.starts_with('·') || value.ends_with('·') || value.contains("··") {
        return Err("间隔号“·”不能在姓名开头、结尾或连续出现");
    }
    Ok(())
}

/// A postal address on one line, up to `ADDRESS_MAX_CHARS` characters.
pub fn validate_address(value: &str) -> Result<(), &'static str> {
    let value = value.trim();
    if value.is_empty() {
        return Err("请输入地址");
    }
    if value.chars().count() > ADDRESS_MAX_CHARS {
        return Err("地址不能超过200个字");
    }
    if value.chars().any(char::is_control) {
        return Err("地址不能包含换行等特殊字符");
    }
    Ok(())
}

/// A date written YYYY-MM-DD that exists.
pub fn validate_date(value: &str) -> Result<(), &'static str> {
    let value = value.trim();
    if parse_date(value).is_some() {
        return Ok(());
    }
    // Tell a wrong shape apart from a day that does not exist (e.g. 2026-02-30).
    let shaped = value.len() == 10
        && value.bytes().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
    if shaped {
        Err("日期不存在，请核对")
    } else {
        Err("请按“年-月-日”格式输入日期，如2026-01-31")
    }
}

/// One service-specific form field. `today` is needed for ID numbers (birth dates).
pub fn validate_field(field: &FormField, value: &str, today: NaiveDate) -> Result<(), String> {
    let value = value.trim();
    if value.is_empty() {
        return if field.required {
            Err(REQUIRED.to_string())
        } else {
            Ok(())
        };
    }
    let result = match &field.kind {
        FieldKind::Text { max_chars } => {
            if value.chars().count() > *max_chars as usize {
                return Err(format!("不能超过{max_chars}个字"));
            }
            Ok(())
        }
        FieldKind::IdNumber => validate_id_number(value, today),
        FieldKind::Phone => validate_phone(value),
        FieldKind::Date => validate_date(value),
        FieldKind::Choice { options } => {
            if options.iter().any(|o| o == value) {
                Ok(())
            } else {
                Err("请从选项中选择")
            }
        }
        FieldKind::Address => validate_address(value),
    };
    result.map_err(str::to_string)
}

/// Sizes of the submission's lists and ids against what the service defines: at most one
/// entry per material, `MAX_PAGES_PER_MATERIAL` pages each, no more situation ids than the
/// service has options, one value per form field, and ids of at most `ID_MAX_LEN` characters. The
/// backend checks this first and alone, so that an oversized submission costs nothing more
/// (`validate_application` compares lists with lists).
pub fn application_bounds(
    app: &Application,
    service: &Service,
    form: &FormDefinition,
) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let mut fail = |field: &str, message: String| {
        errors.push(FieldError {
            field: field.to_string(),
            message,
        })
    };
    if app.materials.len() > service.materials.len() {
        fail(
            "materials",
            format!("材料最多{}项", service.materials.len()),
        );
    }
    let pages_over = |p: &crate::application::MaterialPages| {
        p.upload_ids.len() > MAX_PAGES_PER_MATERIAL
            || too_long(&p.material_id)
            || p.upload_ids.iter().any(|u| too_long(u))
    };
    if app.materials.iter().any(pages_over) {
        fail(
            "materials",
            format!("每项材料最多上传{MAX_PAGES_PER_MATERIAL}页"),
        );
    }
    let options: usize = service.situations.iter().map(|s| s.options.len()).sum();
    if app.situation.len() > options || app.situation.iter().any(|s| too_long(s)) {
        fail("situation", "所选情形不属于本事项，请重新选择".to_string());
    }
    if app.fields.len() > form.fields.len() || app.fields.iter().any(|(id, _)| too_long(id)) {
        fail(
            "fields",
            "申请表内容与本事项不符，请刷新页面后重试".to_string(),
        );
    }
    errors
}

/// An id over `ID_MAX_LEN` characters, counted as the OpenAPI document's `maxLength` counts them
/// (so a request the document allows is not refused for its bytes).
fn too_long(id: &str) -> bool {
    id.chars().nth(ID_MAX_LEN).is_some()
}

/// Bounds of a supplement's pages: at most `MAX_SUPPLEMENT_MATERIALS` entries of at most
/// `MAX_PAGES_PER_MATERIAL` pages, ids of at most `ID_MAX_LEN` characters.
pub fn supplement_bounds(materials: &[crate::application::MaterialPages]) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if materials.len() > MAX_SUPPLEMENT_MATERIALS {
        errors.push(FieldError {
            field: "materials".into(),
            message: format!("材料最多{MAX_SUPPLEMENT_MATERIALS}项"),
        });
    }
    let over = materials.iter().any(|p| {
        p.upload_ids.len() > MAX_PAGES_PER_MATERIAL
            || too_long(&p.material_id)
            || p.upload_ids.iter().any(|u| too_long(u))
    });
    if over {
        errors.push(FieldError {
            field: "materials".into(),
            message: format!("每项材料最多上传{MAX_PAGES_PER_MATERIAL}页"),
        });
    }
    errors
}

/// Re-checks a whole submission; an empty list means it may be accepted.
///
/// Field ids: `applicant.*`, `agent.*`, each form field's own id, `consent`,
/// `situation.<question id>` (and `situation` for an option the service does not have),
/// `material.<material id>`, `delivery` and `delivery.*`, and `service_code` when the three
/// inputs are not about the same service. Values of ids the form does not define are not
/// checked: the backend keeps only the form's fields.
///
/// Required materials are those of the chosen situation (so an agent's 授权委托书 comes from the
/// data), except ones the center fetches itself (免提交), which nobody can upload.
pub fn validate_application(
    app: &Application,
    service: &Service,
    form: &FormDefinition,
    today: NaiveDate,
) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let mut check = |field: &str, result: Result<(), String>| {
        if let Err(message) = result {
            errors.push(FieldError {
                field: field.to_string(),
                message,
            });
        }
    };
    let own = |r: Result<(), &'static str>| r.map_err(str::to_string);

    if app.service_code != service.code || form.service_code != service.code {
        check("service_code", Err("申请的事项与申请表不一致".to_string()));
    }

    let a = &app.applicant;
    check("applicant.name", own(validate_name(&a.name)));
    check(
        "applicant.id_number",
        own(validate_id_number(&a.id_number, today)),
    );
    check("applicant.phone", own(validate_phone(&a.phone)));
    check("applicant.address", own(validate_address(&a.address)));
    if let Some(legal) = &app.legal_person {
        if !service
            .audience
            .contains(&crate::service::Audience::LegalPerson)
        {
            check(
                "legal_person",
                Err("本事项的服务对象为自然人，不能以单位名义申请".to_string()),
            );
        }
        let name = legal.name.trim();
        if name.is_empty() {
            check("legal_person.name", Err("请输入单位名称".to_string()));
        } else if name.chars().count() > crate::publication::LEGAL_PERSON_NAME_MAX_CHARS
            || name.chars().any(char::is_control)
        {
            check(
                "legal_person.name",
                Err("单位名称不能超过100个字，且不能包含换行等特殊字符".to_string()),
            );
        }
        check(
            "legal_person.credit_code",
            own(crate::publication::validate_credit_code(&legal.credit_code)),
        );
    }
    if let Some(agent) = &app.agent {
        check("agent.name", own(validate_name(&agent.name)));
        check(
            "agent.id_number",
            own(validate_id_number(&agent.id_number, today)),
        );
        check("agent.phone", own(validate_phone(&agent.phone)));
    }

    for field in &form.fields {
        let value = app
            .fields
            .iter()
            .find(|(id, _)| *id == field.id)
            .map_or("", |(_, v)| v.as_str());
        check(&field.id, validate_field(field, value, today));
    }

    if !app.consent {
        check(
            "consent",
            Err("请阅读并同意告知承诺和个人信息保护声明".to_string()),
        );
    }

    for situation in &service.situations {
        let chosen = situation
            .options
            .iter()
            .filter(|o| app.situation.contains(&o.id))
            .count();
        let field = format!("situation.{}", situation.id);
        match chosen {
            0 => check(&field, Err(format!("请选择：{}", situation.question))),
            1 => {}
            _ => check(&field, Err(format!("只能选择一项：{}", situation.question))),
        }
    }
    let known = |id: &String| {
        service
            .situations
            .iter()
            .any(|s| s.options.iter().any(|o| o.id == *id))
    };
    if !app.situation.iter().all(known) {
        check(
            "situation",
            Err("所选情形不属于本事项，请重新选择".to_string()),
        );
    }

    for material in service.materials_for_application(&app.situation, app.agent.is_some()) {
        let fetched = matches!(
            material.source,
            MaterialSource::Department {
                fetched_by_center: true,
                ..
            }
        );
        if material.required != Necessity::Required || fetched {
            continue;
        }
        let uploaded = app
            .materials
            .iter()
            .filter(|m| m.material_id == material.id)
            .any(|m| m.upload_ids.iter().any(|u| !u.trim().is_empty()));
        if !uploaded {
            let field = crate::api::material_field(&material.id);
            check(&field, Err(format!("请上传：{}", material.name)));
        }
    }

    if let Delivery::Post {
        recipient,
        phone,
        address,
    } = &app.delivery
    {
        if !service.channels.contains(&Channel::Post) {
            check(
                "delivery",
                Err("本事项不提供邮寄送达，请选择窗口领取".to_string()),
            );
        } else {
            check("delivery.recipient", own(validate_name(recipient)));
            check("delivery.phone", own(validate_phone(phone)));
            check("delivery.address", own(validate_address(address)));
        }
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::application::{Agent, Applicant, MaterialPages};
    use crate::service::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, 1).unwrap()
    }

    /// Check character computed independently of the code under test: the standard's
    /// definition, sum of a_i * 2^(17-i) mod 11, then (12 - sum) mod 11 with 10 written X.
    fn check_char(body: &str) -> char {
        let sum: u64 = body
            .chars()
            .enumerate()
            .map(|(i, c)| u64::from(c.to_digit(10).unwrap()) * (1u64 << (17 - i)))
            .sum();
        match (12 - sum % 11) % 11 {
            10 => 'X',
            n => char::from_digit(n as u32, 10).unwrap(),
        }
    }

    fn id(body: &str) -> String {
        format!("{body}{}", check_char(body))
    }

    #[test]
    fn accepts_real_format_numbers() {
        for ok in [
            "11010519491231002X",
            "440524188001010014",
            "11010519491231002x",
        ] {
            assert_eq!(validate_id_number(ok, today()), Ok(()), "{ok}");
        }
        assert_eq!(check_char("11010519491231002"), 'X');
        assert_eq!(check_char("44052418800101001"), '4');
        for body in [
            "11010519900307123",
            "31011520000229456",
            "65010219611231003",
            "82000019991231888",
            "71000020260301001",
        ] {
            let number = id(body);
            assert_eq!(validate_id_number(&number, today()), Ok(()), "{number}");
            assert_eq!(validate_id_number(&format!(" {number} "), today()), Ok(()));
        }
    }

    #[test]
    fn rejects_every_wrong_check_character() {
        for body in [
            "11010519491231002",
            "44052418800101001",
            "32058319880808123",
        ] {
            let right = check_char(body);
            for c in "0123456789X".chars().filter(|&c| c != right) {
                assert_eq!(
                    validate_id_number(&format!("{body}{c}"), today()),
                    Err("公民身份号码校验位不正确，请核对后重新输入"),
                    "{body}{c}"
                );
            }
        }
    }

    #[test]
    fn rejects_malformed_numbers() {
        let t = today();
        let length = Err("请输入18位公民身份号码");
        assert_eq!(validate_id_number("", t), length);
        assert_eq!(validate_id_number("11010519491231002", t), length);
        assert_eq!(validate_id_number("11010519491231002X1", t), length);
        assert_eq!(validate_id_number("110105491231002", t), length); // old 15-digit form
        let chars = Err("公民身份号码只能由数字组成，最后一位可以是X");
        assert_eq!(validate_id_number("1101051949123100XX", t), chars);
        assert_eq!(validate_id_number("11010519491231002Y", t), chars);
        assert_eq!(validate_id_number("1101051949-231002X", t), chars);
        assert_eq!(validate_id_number("１１010519491231002X", t), chars); // full-width digits
        assert_eq!(validate_id_number("11010519491231002中", t), chars);
        let date = Err("公民身份号码的出生日期不正确");
        for body in [
            "11010519900230002",
            "11010520231301002",
            "11010520230001002",
            "11010520230100002",
            "11010519000229002",
            "11010517991231002",
            "11010520260302002", // after today
        ] {
            assert_eq!(validate_id_number(&id(body), t), date, "{body}");
        }
        let region = Err("公民身份号码的地区代码不正确");
        for prefix in [
            "00", "10", "16", "20", "24", "38", "47", "55", "66", "72", "83", "99",
        ] {
            let number = id(&format!("{prefix}010519491231002"));
            assert_eq!(validate_id_number(&number, t), region, "{number}");
        }
    }

    #[test]
    fn masks_id_numbers() {
        assert_eq!(mask_id_number("11010519491231002x"), "1****************X");
        assert_eq!(mask_id_number("440524188001010014"), "4****************4");
        assert_eq!(mask_id_number("110105491231002"), "1*************2");
        assert_eq!(mask_id_number("12345"), "1***5");
        assert_eq!(mask_id_number("1234"), "****");
        assert_eq!(mask_id_number("中文中文中文中文中文中文"), "中**********文");
        assert_eq!(mask_id_number(""), "");
    }

    #[test]
    fn masks_names_and_addresses() {
        assert_eq!(mask_name("张三"), "张*");
        assert_eq!(mask_name("李小明"), "李*明");
        assert_eq!(mask_name("欧阳小锋"), "欧**锋");
        assert_eq!(mask_name("王"), "*");
        assert_eq!(mask_name(""), "");
        assert_eq!(mask_address("北京市西城区某某街1号"), "北京市西城区****");
        assert_eq!(
            mask_address("广东省深圳市南山区科技园路8号"),
            "广东省深圳市南山区****"
        );
        assert_eq!(
            mask_address("浙江省义乌市稠城街道某路1号"),
            "浙江省义乌市****"
        );
        assert_eq!(mask_address("某某路1号"), "****");
    }

    #[test]
    fn phones() {
        for ok in ["13800138000", "19912345678", " 15012345678 "] {
            assert_eq!(validate_phone(ok), Ok(()), "{ok}");
        }
        for bad in [
            "",
            "1380013800",
            "138001380000",
            "12800138000",
            "10800138000",
            "23800138000",
            "1380013800a",
            "138 0013 8000",
            "+8613800138000",
            "１3800138000",
            "010-12345678",
        ] {
            assert_eq!(validate_phone(bad), Err("请输入11位手机号码"), "{bad}");
        }
    }

    #[test]
    fn names_addresses_dates() {
        for ok in ["张三", "欧阳娜娜", "阿依古丽·买买提", "Anna", "诸葛亮"] {
            assert_eq!(validate_name(ok), Ok(()), "{ok}");
        }
        assert_eq!(validate_name(" "), Err("请输入姓名"));
        assert_eq!(validate_name("张"), Err("姓名应为2至30个字"));
        assert_eq!(validate_name(&"张".repeat(31)), Err("姓名应为2至30个字"));
        assert!(validate_name("张三1").is_err());
        assert!(validate_name("张 三").is_err());
        assert!(validate_name("<script>").is_err());
        assert!(validate_name("·阿依古丽").is_err());
        assert!(validate_name("阿依古丽··买买提").is_err());

        assert_eq!(validate_address("北京市西城区某某街1号"), Ok(()));
        assert_eq!(validate_address("  "), Err("请输入地址"));
        assert!(validate_address(&"路".repeat(200)).is_ok());
        assert!(validate_address(&"路".repeat(201)).is_err());
        assert!(validate_address("北京市\n西城区").is_err());

        assert_eq!(validate_date("2024-02-29"), Ok(()));
        assert_eq!(validate_date("2026-02-29"), Err("日期不存在，请核对"));
        assert!(validate_date("2026/02/28").is_err());
        assert!(validate_date("二〇二六年").is_err());
    }

    fn field(kind: FieldKind, required: bool) -> FormField {
        FormField {
            id: "f".into(),
            label: "字段".into(),
            kind,
            required,
            hint: String::new(),
        }
    }

    #[test]
    fn fields_dispatch_on_kind() {
        let t = today();
        let text = field(FieldKind::Text { max_chars: 4 }, true);
        assert_eq!(validate_field(&text, "", t), Err("此项为必填项".into()));
        assert_eq!(validate_field(&text, "  ", t), Err("此项为必填项".into()));
        assert_eq!(validate_field(&text, "四个字啊", t), Ok(()));
        assert_eq!(
            validate_field(&text, "五个字啊啊", t),
            Err("不能超过4个字".into())
        );
        let optional = field(FieldKind::Phone, false);
        assert_eq!(validate_field(&optional, "", t), Ok(()));
        assert!(validate_field(&optional, "123", t).is_err());
        let id = field(FieldKind::IdNumber, true);
        assert_eq!(validate_field(&id, "11010519491231002X", t), Ok(()));
        assert!(validate_field(&id, "110105194912310021", t).is_err());
        let date = field(FieldKind::Date, true);
        assert!(validate_field(&date, "2026-13-01", t).is_err());
        let choice = field(
            FieldKind::Choice {
                options: vec!["是".into(), "否".into()],
            },
            true,
        );
        assert_eq!(validate_field(&choice, "否", t), Ok(()));
        assert_eq!(
            validate_field(&choice, "也许", t),
            Err("请从选项中选择".into())
        );
        assert!(validate_field(&field(FieldKind::Address, true), "x\u{0}", t).is_err());
    }

    fn material(id: &str, required: Necessity, applies_when: &[&str]) -> Material {
        Material {
            id: id.into(),
            name: format!("材料{id}"),
            form: MaterialForm::Original,
            copies: 1,
            required,
            source: MaterialSource::Applicant,
            blank_form: None,
            sample: None,
            notes: String::new(),
            applies_when: applies_when.iter().map(|s| s.to_string()).collect(),
            spec: String::new(),
            acceptance: String::new(),
        }
    }

    fn service() -> Service {
        let mut fetched = material("hukou", Necessity::Required, &[]);
        fetched.source = MaterialSource::Department {
            issuer: "公安机关".into(),
            fetched_by_center: true,
        };
        let option = |id: &str| SituationOption {
            id: id.into(),
            label: id.into(),
            promised_limit: None,
        };
        Service {
            code: "S1".into(),
            name: "测试事项".into(),
            aliases: vec![],
            kind: ServiceKind::Confirmation,
            department: "某局".into(),
            delegated_department: None,
            audience: vec![Audience::Person],
            themes: vec![],
            legal_basis: vec![],
            conditions: vec![],
            case_type: CaseType::Committed,
            statutory_limit: StatutoryLimit {
                limit: TimeLimit::working_days(20),
                citation: None,
            },
            promised_limit: TimeLimit::working_days(5),
            limit_note: String::new(),
            visits_required: 0,
            channels: vec![Channel::Online, Channel::Post],
            online_application: true,
            places: vec![],
            consult_phone: "12345".into(),
            complaint_phone: "12345".into(),
            fees: vec![],
            steps: vec![],
            result: ServiceResult {
                name: "证明".into(),
                kind: "证照".into(),
                sample: None,
            },
            materials: vec![
                material("form", Necessity::Required, &[]),
                material("photo", Necessity::Optional, &[]),
                Material {
                    name: "授权委托书".into(),
                    ..material("letter", Necessity::Required, &["by_agent"])
                },
                fetched,
            ],
            situations: vec![Situation {
                id: "who".into(),
                question: "由谁办理？".into(),
                options: vec![option("self"), option("by_agent")],
            }],
            faq: vec![],
            refusal_reasons: vec![],
            appeal: AppealRights {
                review: String::new(),
                litigation: String::new(),
            },
            version: "1".into(),
            updated: today(),
            base_code: None,
            levels: vec![],
            intermediaries: vec![],
            quantity_limit: None,
            special_procedures: vec![],
            online_depth: None,
            scope: None,
            takes_appointments: false,
            online_payment: false,
            progress: vec![],
            content_lang: Default::default(),
            department_en: None,
            #[cfg(feature = "overlay")]
            en: None,
        }
    }

    fn form() -> FormDefinition {
        let mut reason = field(FieldKind::Text { max_chars: 50 }, true);
        reason.id = "reason".into();
        FormDefinition {
            service_code: "S1".into(),
            fields: vec![reason],
        }
    }

    fn application() -> Application {
        Application {
            service_code: "S1".into(),
            situation: vec!["self".into()],
            applicant: Applicant {
                name: "张三".into(),
                id_number: "11010519491231002X".into(),
                phone: "13800138000".into(),
                address: "北京市西城区某某街1号".into(),
            },
            legal_person: None,
            agent: None,
            fields: vec![("reason".into(), "遗失补领".into())],
            materials: vec![MaterialPages {
                material_id: "form".into(),
                upload_ids: vec!["u1".into()],
            }],
            delivery: Delivery::Window,
            consent: true,
        }
    }

    fn fields_of(errors: Vec<FieldError>) -> Vec<String> {
        errors.into_iter().map(|e| e.field).collect()
    }

    #[test]
    fn a_complete_application_passes() {
        assert_eq!(
            validate_application(&application(), &service(), &form(), today()),
            vec![]
        );
    }

    #[test]
    fn application_errors_name_their_fields() {
        let mut app = application();
        app.applicant.phone = "123".into();
        app.applicant.id_number = "110105194912310021".into();
        app.fields.clear();
        app.consent = false;
        app.materials.clear();
        app.situation = vec!["self".into(), "by_agent".into(), "nobody".into()];
        app.agent = Some(Agent {
            name: "李".into(),
            id_number: String::new(),
            phone: "13800138000".into(),
        });
        app.delivery = Delivery::Post {
            recipient: "王五".into(),
            phone: "1".into(),
            address: String::new(),
        };
        let errors = validate_application(&app, &service(), &form(), today());
        let letter = errors
            .iter()
            .find(|e| e.field == "material.letter")
            .unwrap();
        assert_eq!(letter.message, "请上传：授权委托书");
        assert_eq!(
            fields_of(errors),
            [
                "applicant.id_number",
                "applicant.phone",
                "agent.name",
                "agent.id_number",
                "reason",
                "consent",
                "situation.who",
                "situation",
                "material.form",
                "material.letter",
                "delivery.phone",
                "delivery.address",
            ]
        );
    }

    #[test]
    fn an_agent_always_brings_an_authorization_letter() {
        // The service's own letter applies only to the "by_agent" answer; answering "self" but
        // naming an agent still needs one: the generic 授权委托书.
        let mut app = application();
        app.agent = Some(Agent {
            name: "李四".into(),
            id_number: "11010519491231002X".into(),
            phone: "13800138000".into(),
        });
        let errors = validate_application(&app, &service(), &form(), today());
        assert_eq!(fields_of(errors), ["material.authorization-letter"]);
        app.materials.push(MaterialPages {
            material_id: crate::service::AUTHORIZATION_LETTER.into(),
            upload_ids: vec!["u9".into()],
        });
        assert_eq!(
            validate_application(&app, &service(), &form(), today()),
            vec![]
        );
    }

    #[test]
    fn situation_delivery_and_service_checks() {
        let mut app = application();
        app.situation.clear();
        let errors = validate_application(&app, &service(), &form(), today());
        assert_eq!(errors[0].field, "situation.who");
        assert_eq!(errors[0].message, "请选择：由谁办理？");

        // Pages with only blank upload ids do not count.
        let mut app = application();
        app.materials[0].upload_ids = vec![" ".into()];
        let errors = validate_application(&app, &service(), &form(), today());
        assert_eq!(fields_of(errors), ["material.form"]);

        let mut app = application();
        app.delivery = Delivery::Post {
            recipient: "王五".into(),
            phone: "13800138000".into(),
            address: "上海市黄浦区某路2号".into(),
        };
        assert_eq!(
            validate_application(&app, &service(), &form(), today()),
            vec![]
        );
        let mut window_only = service();
        window_only.channels = vec![Channel::Window];
        let errors = validate_application(&app, &window_only, &form(), today());
        assert_eq!(fields_of(errors), ["delivery"]);

        let mut other = form();
        other.service_code = "S2".into();
        let errors = validate_application(&application(), &service(), &other, today());
        assert_eq!(fields_of(errors), ["service_code"]);
    }
}
