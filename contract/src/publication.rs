//! 办件公示 (行政许可“双公示”): licensing decisions on legal persons made public, and who the
//! applicant is when it is a legal person (法人) rather than a natural person.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[cfg(feature = "openapi")]
use utoipa::ToSchema;

/// Working days within which a licensing decision on a legal person must be published.
pub const PUBLISH_WITHIN_WORKING_DAYS: u32 = 7;

/// 法人或其他组织 applying; the `Applicant` of the application is then the person acting for
/// it (法定代表人 or 经办人). Absent on a natural person's application (and on every
/// application stored before it existed).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct LegalPerson {
    /// 单位名称, as on the business licence.
    pub name: String,
    /// 统一社会信用代码 (GB 32100-2015), 18 characters with its check character.
    pub credit_code: String,
}

/// Whether the rules publish this service's decisions on legal persons: a 行政许可 whose
/// audience includes 法人. (The backend publishes a decision when the case also names one.)
pub fn decisions_published(service: &crate::service::Service) -> bool {
    service.kind == crate::service::ServiceKind::Licensing
        && service
            .audience
            .contains(&crate::service::Audience::LegalPerson)
}

/// Longest enterprise name accepted.
pub const LEGAL_PERSON_NAME_MAX_CHARS: usize = 100;

/// The characters of a 统一社会信用代码 in the order of their values (no I, O, S, V, Z).
const CREDIT_CODE_CHARS: &[u8; 31] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";
/// GB 32100-2015 weights of the first 17 characters.
const CREDIT_CODE_WEIGHTS: [u32; 17] = [
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];

/// 统一社会信用代码 per GB 32100-2015: 18 characters of `CREDIT_CODE_CHARS` whose last is the
/// check character (31 − Σ value × weight mod 31, with 31 written as 0).
pub fn validate_credit_code(value: &str) -> Result<(), &'static str> {
    let value = value.trim();
    if value.chars().count() != 18 {
        return Err("请输入18位统一社会信用代码");
    }
    let value_of = |c: u8| {
        CREDIT_CODE_CHARS
            .iter()
            .position(|&x| x == c.to_ascii_uppercase())
    };
    let values: Option<Vec<usize>> = value.bytes().map(value_of).collect();
    let Some(values) = values else {
        return Err("统一社会信用代码只能由数字和大写字母组成（不含I、O、S、V、Z）");
    };
    let sum: u32 = CREDIT_CODE_WEIGHTS
        .iter()
        .zip(&values)
        .map(|(w, v)| w * *v as u32)
        .sum();
    let check = (31 - sum % 31) % 31;
    if values[17] as u32 != check {
        return Err("统一社会信用代码校验位不正确，请核对后重新输入");
    }
    Ok(())
}

/// The decision published.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum PublishedDecision {
    /// 准予行政许可
    Approved,
    /// 不予行政许可
    Refused,
}

/// One published licensing decision (行政许可决定公示). Nothing about a natural person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Publication {
    /// Stable id in the public URL (`/publications/{id}`); not the case number.
    pub id: String,
    /// 行政相对人名称.
    pub enterprise_name: String,
    /// 统一社会信用代码.
    pub credit_code: String,
    pub service_code: String,
    /// 许可事项.
    pub service_name: String,
    pub decision: PublishedDecision,
    /// 许可决定日期.
    pub decided_on: NaiveDate,
    /// 许可机关.
    pub department: String,
    /// 公示日期.
    pub published_on: NaiveDate,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credit_codes_carry_their_check_character() {
        // The example code used in GB 32100 explanations; a 个体工商户 code (92…).
        assert_eq!(validate_credit_code("91350100M000100Y43"), Ok(()));
        assert_eq!(validate_credit_code("92110105MA0000000U"), Ok(()));
        assert_eq!(validate_credit_code(" 91350100m000100y43 "), Ok(()));
        assert_eq!(
            validate_credit_code("91350100M000100Y44"),
            Err("统一社会信用代码校验位不正确，请核对后重新输入")
        );
        assert_eq!(
            validate_credit_code("91350100M000100Y4"),
            Err("请输入18位统一社会信用代码")
        );
        assert!(
            validate_credit_code("9135010OM000100Y43").is_err(),
            "O is not used"
        );
        assert!(validate_credit_code("91350100M00010统Y43").is_err());
    }
}
