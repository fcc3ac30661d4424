//! The service guide (办事指南): every element of the national service-guide standard a citizen reads.

use serde::{Deserialize, Serialize};

#[cfg(feature = "openapi")]
use utoipa::ToSchema;

/// 事项类型.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ServiceKind {
    /// 行政许可
    Licensing,
    /// 行政确认
    Confirmation,
    /// 行政给付
    Benefit,
    /// 行政裁决
    Adjudication,
    /// 其他行政权力
    OtherPower,
    /// 公共服务
    PublicService,
}

/// 服务对象.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    /// 自然人
    Person,
    /// 法人
    LegalPerson,
}

/// 办件类型.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CaseType {
    /// 即办件: decided on the spot.
    Immediate,
    /// 承诺件: decided within the promised limit.
    Committed,
}

/// 办理形式.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// 窗口办理
    Window,
    /// 网上办理
    Online,
    /// 快递送达
    Post,
}

/// 材料形式.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum MaterialForm {
    /// 原件
    Original,
    /// 复印件
    Copy,
    /// 电子
    Electronic,
}

/// 必要性.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Necessity {
    /// 必要
    Required,
    /// 非必要
    Optional,
    /// 容缺: may be supplied later.
    Deferrable,
}

/// 来源渠道.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum MaterialSource {
    /// 申请人自备
    Applicant,
    /// 政府部门核发. `fetched_by_center` marks items the center obtains itself (免提交).
    Department {
        issuer: String,
        fetched_by_center: bool,
    },
}

/// One law or rule with its article (设定依据 / 收费依据).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct LegalBasis {
    /// e.g. 《中华人民共和国居民身份证法》
    pub law: String,
    /// e.g. 第十一条; empty when the whole document applies.
    #[serde(default)]
    pub article: String,
}

/// 申请材料.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Material {
    /// Stable id within the service, used by uploads and supplements.
    pub id: String,
    pub name: String,
    pub form: MaterialForm,
    pub copies: u32,
    pub required: Necessity,
    pub source: MaterialSource,
    /// URL of the blank form (空白表格), when one exists.
    #[serde(default)]
    pub blank_form: Option<String>,
    /// URL of a filled-in sample (示例样表), when one exists.
    #[serde(default)]
    pub sample: Option<String>,
    /// 填报须知.
    #[serde(default)]
    pub notes: String,
    /// Situation option ids this material applies to; empty means it always applies.
    #[serde(default)]
    pub applies_when: Vec<String>,
}

/// 收费 item. A service with no fees shows 不收费.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Fee {
    pub item: String,
    /// e.g. 每证20元.
    pub standard: String,
    pub basis: Vec<LegalBasis>,
    /// 减免 rules, empty when none.
    #[serde(default)]
    pub reductions: String,
    /// Situation option ids this fee applies to; empty means always.
    #[serde(default)]
    pub applies_when: Vec<String>,
}

/// 办理地点 with its hours.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Place {
    pub name: String,
    pub address: String,
    pub hours: String,
}

/// One step of 办理流程.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct ProcessStep {
    pub name: String,
    pub description: String,
}

/// 办理结果.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct ServiceResult {
    /// e.g. 居民身份证.
    pub name: String,
    /// e.g. 证照, 批文, 备案回执.
    pub kind: String,
}

/// 常见问题.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Faq {
    pub question: String,
    pub answer: String,
}

/// 救济途径: 行政复议 and 行政诉讼 with their periods.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct AppealRights {
    /// e.g. 自知道之日起60日内向XX人民政府申请行政复议.
    pub review: String,
    /// e.g. 自知道之日起6个月内向XX人民法院提起行政诉讼.
    pub litigation: String,
}

/// One answer to a situation question; it may change the promised limit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct SituationOption {
    /// Unique within the service, referenced by `applies_when`.
    pub id: String,
    pub label: String,
    /// Overrides the service's promised limit when chosen.
    #[serde(default)]
    pub promised_limit: Option<u32>,
}

/// 情形: a question whose answer selects the variant that applies.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Situation {
    pub id: String,
    pub question: String,
    pub options: Vec<SituationOption>,
}

/// 政务服务事项: the whole guide.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Service {
    /// 实施编码.
    pub code: String,
    pub name: String,
    /// Other names a citizen may search for (e.g. 身份证 for 居民身份证换领).
    #[serde(default)]
    pub aliases: Vec<String>,
    pub kind: ServiceKind,
    /// 实施主体.
    pub department: String,
    /// 委托部门, when the decision is delegated.
    #[serde(default)]
    pub delegated_department: Option<String>,
    pub audience: Vec<Audience>,
    /// Life-event themes (出生, 上学, 就业, 婚育, 住房, 社保, 退休, 开办企业, ...).
    #[serde(default)]
    pub themes: Vec<String>,
    pub legal_basis: Vec<LegalBasis>,
    pub conditions: Vec<String>,
    pub case_type: CaseType,
    /// 法定办结时限 in working days; 0 for 即办件 decided on the spot.
    pub statutory_limit: u32,
    /// 承诺办结时限 in working days.
    pub promised_limit: u32,
    /// Explains the limits (e.g. which days are not counted).
    #[serde(default)]
    pub limit_note: String,
    pub visits_required: u8,
    pub channels: Vec<Channel>,
    /// Whether the portal takes online applications for this service.
    pub online_application: bool,
    pub places: Vec<Place>,
    pub consult_phone: String,
    pub complaint_phone: String,
    /// Empty means 不收费.
    pub fees: Vec<Fee>,
    pub steps: Vec<ProcessStep>,
    pub result: ServiceResult,
    pub materials: Vec<Material>,
    #[serde(default)]
    pub situations: Vec<Situation>,
    #[serde(default)]
    pub faq: Vec<Faq>,
    /// 不予受理情形.
    #[serde(default)]
    pub refusal_reasons: Vec<String>,
    pub appeal: AppealRights,
    pub version: String,
    pub updated: chrono::NaiveDate,
}

/// What the list and search need of one service, without the whole guide.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct ServiceSummary {
    pub code: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub department: String,
    pub audience: Vec<Audience>,
    pub themes: Vec<String>,
    pub case_type: CaseType,
    pub promised_limit: u32,
    pub visits_required: u8,
    pub online_application: bool,
    /// True when no fee applies in any situation.
    pub free: bool,
    /// Pinyin initials of the name and aliases (e.g. `jmsfzsl`), computed by the backend.
    pub pinyin: Vec<String>,
}

impl Service {
    /// The summary the list endpoint sends; `pinyin` is filled by the caller that owns the table.
    pub fn summary(&self, pinyin: Vec<String>) -> ServiceSummary {
        ServiceSummary {
            code: self.code.clone(),
            name: self.name.clone(),
            aliases: self.aliases.clone(),
            department: self.department.clone(),
            audience: self.audience.clone(),
            themes: self.themes.clone(),
            case_type: self.case_type,
            promised_limit: self.promised_limit,
            visits_required: self.visits_required,
            online_application: self.online_application,
            free: self.fees.is_empty(),
            pinyin,
        }
    }

    /// Materials that apply to the chosen situation options (精准告知).
    pub fn materials_for<'a>(&'a self, chosen: &'a [String]) -> impl Iterator<Item = &'a Material> {
        self.materials
            .iter()
            .filter(move |m| applies(&m.applies_when, chosen))
    }

    /// Fees that apply to the chosen situation options.
    pub fn fees_for<'a>(&'a self, chosen: &'a [String]) -> impl Iterator<Item = &'a Fee> {
        self.fees
            .iter()
            .filter(move |f| applies(&f.applies_when, chosen))
    }

    /// The promised limit for the chosen options: an option's own limit wins.
    pub fn promised_limit_for(&self, chosen: &[String]) -> u32 {
        self.situations
            .iter()
            .flat_map(|s| &s.options)
            .filter(|o| chosen.contains(&o.id))
            .find_map(|o| o.promised_limit)
            .unwrap_or(self.promised_limit)
    }
}

/// Material id of the 授权委托书 that an application through an agent (代办人) needs.
pub const AUTHORIZATION_LETTER: &str = "authorization-letter";

/// The 授权委托书 asked for when an agent applies and the service lists no letter of its own.
pub fn authorization_letter() -> Material {
    Material {
        id: AUTHORIZATION_LETTER.into(),
        name: "授权委托书".into(),
        form: MaterialForm::Original,
        copies: 1,
        required: Necessity::Required,
        source: MaterialSource::Applicant,
        blank_form: None,
        sample: None,
        notes: "由申请人签名，写明委托事项和代办人姓名、公民身份号码。".into(),
        applies_when: Vec::new(),
    }
}

impl Service {
    /// The materials an application carries: those of the chosen situation, plus a 授权委托书
    /// when an agent applies and the chosen situation names no 委托书 already.
    pub fn materials_for_application(&self, chosen: &[String], by_agent: bool) -> Vec<Material> {
        let mut list: Vec<Material> = self.materials_for(chosen).cloned().collect();
        if by_agent && !list.iter().any(|m| m.name.contains("委托书")) {
            list.push(authorization_letter());
        }
        list
    }

    /// A material's name by id, the agent's letter included.
    pub fn material_name(&self, id: &str) -> Option<String> {
        self.materials
            .iter()
            .find(|m| m.id == id)
            .map(|m| m.name.clone())
            .or_else(|| (id == AUTHORIZATION_LETTER).then(|| authorization_letter().name))
    }
}

fn applies(applies_when: &[String], chosen: &[String]) -> bool {
    applies_when.is_empty() || applies_when.iter().any(|id| chosen.contains(id))
}
