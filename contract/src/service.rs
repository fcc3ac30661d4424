//! The service guide (办事指南): every element of the national service-guide standard a citizen reads.

use serde::{de, Deserialize, Deserializer, Serialize};

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
    /// 行政备案
    Filing,
    /// 行政征收
    Levy,
    /// 行政奖励
    Reward,
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

/// The unit a time limit counts in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum LimitUnit {
    /// 工作日: Monday–Friday except public holidays, plus adjusted working days (调休).
    WorkingDays,
    /// 自然日: every day counts; what a law means by plain "日".
    CalendarDays,
}

/// 办结时限: a number of days with its unit, on the spot, or none set.
///
/// JSON: `{"kind": "days", "days": 15, "unit": "working_days"}`, `{"kind": "on_the_spot"}` or
/// `{"kind": "not_set"}`. A bare number, the shape before units existed, still reads: `0` as
/// on the spot, `n` as n working days, so stored cases, receipts and offline copies from older
/// versions keep working.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TimeLimit {
    /// Decided within `days` days counted in `unit`, from the day after acceptance.
    Days { days: u32, unit: LimitUnit },
    /// 当场办结: decided when the application is made.
    OnTheSpot,
    /// 法律未规定: no statutory limit exists (only meaningful for a statutory limit).
    NotSet,
}

impl TimeLimit {
    pub const fn working_days(days: u32) -> TimeLimit {
        TimeLimit::Days {
            days,
            unit: LimitUnit::WorkingDays,
        }
    }

    pub const fn calendar_days(days: u32) -> TimeLimit {
        TimeLimit::Days {
            days,
            unit: LimitUnit::CalendarDays,
        }
    }

    /// How a number stored before limits had units reads: 0 was 即办件, anything else
    /// working days (the only unit the old code counted in).
    pub const fn from_legacy(days: u32) -> TimeLimit {
        if days == 0 {
            TimeLimit::OnTheSpot
        } else {
            TimeLimit::working_days(days)
        }
    }

    /// The number of days and their unit; `None` on the spot or when none is set.
    pub fn days(&self) -> Option<(u32, LimitUnit)> {
        match *self {
            TimeLimit::Days { days, unit } => Some((days, unit)),
            TimeLimit::OnTheSpot | TimeLimit::NotSet => None,
        }
    }
}

/// The tagged shape alone, so that `TimeLimit`'s own `Deserialize` can add the bare number.
#[derive(Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum TaggedLimit {
    Days { days: u32, unit: LimitUnit },
    OnTheSpot,
    NotSet,
}

impl From<TaggedLimit> for TimeLimit {
    fn from(t: TaggedLimit) -> TimeLimit {
        match t {
            TaggedLimit::Days { days, unit } => TimeLimit::Days { days, unit },
            TaggedLimit::OnTheSpot => TimeLimit::OnTheSpot,
            TaggedLimit::NotSet => TimeLimit::NotSet,
        }
    }
}

/// Accepts a bare number (legacy) or a map. A visitor rather than `#[serde(untagged)]`, so
/// that a typo in a city's catalog gets serde's precise message instead of "did not match
/// any variant".
struct TimeLimitVisitor;

impl<'de> de::Visitor<'de> for TimeLimitVisitor {
    type Value = TimeLimit;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(r#"a time limit such as {"kind": "days", "days": 15, "unit": "working_days"}"#)
    }

    fn visit_u64<E: de::Error>(self, n: u64) -> Result<TimeLimit, E> {
        u32::try_from(n)
            .map(TimeLimit::from_legacy)
            .map_err(|_| E::invalid_value(de::Unexpected::Unsigned(n), &self))
    }

    fn visit_i64<E: de::Error>(self, n: i64) -> Result<TimeLimit, E> {
        u64::try_from(n)
            .map_err(|_| E::invalid_value(de::Unexpected::Signed(n), &self))
            .and_then(|n| self.visit_u64(n))
    }

    fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<TimeLimit, A::Error> {
        TaggedLimit::deserialize(de::value::MapAccessDeserializer::new(map)).map(Into::into)
    }
}

impl<'de> Deserialize<'de> for TimeLimit {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<TimeLimit, D::Error> {
        d.deserialize_any(TimeLimitVisitor)
    }
}

/// 法定办结时限: the limit the law sets and the article that sets it.
///
/// JSON: the limit's fields plus `citation`, e.g. `{"kind": "days", "days": 60, "unit":
/// "calendar_days", "citation": {"law": "《中华人民共和国居民身份证法》", "article": "第十二条"}}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct StatutoryLimit {
    #[serde(flatten)]
    pub limit: TimeLimit,
    /// The article that sets the limit; `None` for `NotSet` (nothing sets it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub citation: Option<LegalBasis>,
}

/// `StatutoryLimit`'s current shape, derived; its `Deserialize` adds the bare number.
#[derive(Deserialize)]
struct StatutoryFields {
    #[serde(flatten)]
    limit: TimeLimit,
    #[serde(default)]
    citation: Option<LegalBasis>,
}

struct StatutoryVisitor;

impl<'de> de::Visitor<'de> for StatutoryVisitor {
    type Value = StatutoryLimit;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a statutory time limit with its citation")
    }

    fn visit_u64<E: de::Error>(self, n: u64) -> Result<StatutoryLimit, E> {
        TimeLimitVisitor.visit_u64(n).map(|limit| StatutoryLimit {
            limit,
            citation: None,
        })
    }

    fn visit_i64<E: de::Error>(self, n: i64) -> Result<StatutoryLimit, E> {
        TimeLimitVisitor.visit_i64(n).map(|limit| StatutoryLimit {
            limit,
            citation: None,
        })
    }

    fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<StatutoryLimit, A::Error> {
        let f = StatutoryFields::deserialize(de::value::MapAccessDeserializer::new(map))?;
        Ok(StatutoryLimit {
            limit: f.limit,
            citation: f.citation,
        })
    }
}

impl<'de> Deserialize<'de> for StatutoryLimit {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<StatutoryLimit, D::Error> {
        d.deserialize_any(StatutoryVisitor)
    }
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
    /// 材料规格 (paper size, photo size, ...); empty when the guide states none.
    #[serde(default)]
    pub spec: String,
    /// 受理标准: what the window checks before accepting it; empty when none is stated.
    #[serde(default)]
    pub acceptance: String,
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
    /// The district (区/县) the hall is in; `None` for a place that is one per district.
    #[serde(default)]
    pub district: Option<String>,
    /// The hall's own telephone, when it has one.
    #[serde(default)]
    pub phone: Option<String>,
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
    /// URL of a sample of the result (结果样本), when one exists.
    #[serde(default)]
    pub sample: Option<String>,
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
    pub promised_limit: Option<TimeLimit>,
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
    /// 法定办结时限 with the article that sets it.
    pub statutory_limit: StatutoryLimit,
    /// 承诺办结时限: `OnTheSpot` for 即办件; never `NotSet`.
    pub promised_limit: TimeLimit,
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
    /// 基本编码: the national base item this service implements; `None` when unknown.
    #[serde(default)]
    pub base_code: Option<String>,
    /// 行使层级: the levels of government that exercise this item.
    #[serde(default)]
    pub levels: Vec<ExerciseLevel>,
    /// 中介服务 the service requires; empty when none.
    #[serde(default)]
    pub intermediaries: Vec<Intermediary>,
    /// 数量限制; `None` when the guide does not say.
    #[serde(default)]
    pub quantity_limit: Option<QuantityLimit>,
    /// 特别程序 whose time is not counted in the limits, each with its own limit.
    #[serde(default)]
    pub special_procedures: Vec<SpecialProcedureRule>,
    /// 网办深度; `None` when not assessed.
    #[serde(default)]
    pub online_depth: Option<OnlineDepth>,
    /// 通办范围; `None` when it is done only where the places say.
    #[serde(default)]
    pub scope: Option<Scope>,
    /// Whether a visit to a window can be booked (预约).
    #[serde(default)]
    pub takes_appointments: bool,
    /// Whether fees can be paid online (网上支付).
    #[serde(default)]
    pub online_payment: bool,
    /// How the applicant can follow the progress (办理进度查询).
    #[serde(default)]
    pub progress: Vec<ProgressChannel>,
    /// The language of this content as served (see `english.rs`).
    #[serde(default)]
    pub content_lang: crate::english::ContentLang,
    /// The department's name in English, to show (`department` stays the key of filters and
    /// 效能公开 pages); only when served in English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department_en: Option<String>,
    /// The English overlay in the catalog; the API applies it and never serves it.
    #[cfg(feature = "overlay")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<Box<crate::english::ServiceEn>>,
}

/// 行使层级.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ExerciseLevel {
    /// 国家级
    National,
    /// 省级
    Provincial,
    /// 市级
    Municipal,
    /// 县级
    County,
    /// 镇（乡、街道）级
    Township,
}

/// 中介服务: a third-party step the service requires, with its own time and fee.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Intermediary {
    /// e.g. 机动车驾驶人身体条件证明.
    pub name: String,
    /// Who may provide it, e.g. 县级以上医疗机构.
    pub provider: String,
    /// The rule that requires it.
    #[serde(default)]
    pub basis: Option<LegalBasis>,
    /// How long it takes; `None` when no rule sets it.
    #[serde(default)]
    pub time_limit: Option<TimeLimit>,
    /// What it costs and who sets the price; `None` when unknown.
    #[serde(default)]
    pub fee: Option<String>,
}

/// 数量限制.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum QuantityLimit {
    /// 无数量限制.
    None,
    /// 有数量限制, described (e.g. 总量控制).
    Limited { description: String },
}

/// 特别程序 (听证, 检验检测, 专家评审, ...): not counted in the limits, with its own limit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct SpecialProcedureRule {
    /// e.g. 现场核查.
    pub name: String,
    /// Its own limit; `NotSet` when it waits on another authority.
    pub limit: TimeLimit,
    #[serde(default)]
    pub basis: Option<LegalBasis>,
    /// When it applies.
    #[serde(default)]
    pub note: String,
}

/// 网办深度, 一级 to 四级.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum OnlineDepth {
    /// 一级: the guide is published online.
    Information,
    /// 二级: forms can also be downloaded.
    Forms,
    /// 三级: applied for and pre-examined online, one visit to the window.
    OnlineReview,
    /// 四级: 全程网办.
    FullyOnline,
}

/// 通办范围.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// 全市通办: at any hall of the city, whatever the district.
    CityWide,
    /// 跨省通办: also in other provinces.
    CrossProvince,
}

/// 办理进度查询 channels.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ProgressChannel {
    /// 本平台办件查询 (case number and query code).
    Portal,
    /// The consultation phone.
    Phone,
    /// At the window.
    Window,
    /// The postal tracking number of the result.
    PostTracking,
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
    pub promised_limit: TimeLimit,
    pub visits_required: u8,
    pub online_application: bool,
    /// True when no fee applies in any situation.
    pub free: bool,
    /// Pinyin initials of the name and aliases (e.g. `jmsfzsl`), computed by the backend.
    pub pinyin: Vec<String>,
    /// The language of the name as served.
    #[serde(default)]
    pub content_lang: crate::english::ContentLang,
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
            content_lang: self.content_lang,
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
    pub fn promised_limit_for(&self, chosen: &[String]) -> TimeLimit {
        promised_limit_for(&self.situations, self.promised_limit, chosen)
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
        spec: String::new(),
        acceptance: String::new(),
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

/// The promised limit for the chosen options of `situations`: an option's own limit wins over
/// the service's `default`.
pub fn promised_limit_for(
    situations: &[Situation],
    default: TimeLimit,
    chosen: &[String],
) -> TimeLimit {
    let own = situations
        .iter()
        .flat_map(|s| &s.options)
        .filter_map(|o| Some((o.id.as_str(), o.promised_limit?)));
    chosen_override(own, chosen).unwrap_or(default)
}

/// The value of the first chosen option among `overrides` (option id and its value, in the
/// situations' order): how an option's own limit wins, also for a page that carries the limits
/// as the text it shows.
pub fn chosen_override<'a, T>(
    overrides: impl IntoIterator<Item = (&'a str, T)>,
    chosen: &[String],
) -> Option<T> {
    overrides
        .into_iter()
        .find(|(id, _)| chosen.iter().any(|c| c == id))
        .map(|(_, value)| value)
}

/// Whether a material or fee with `applies_when` applies to the `chosen` options.
pub fn applies(applies_when: &[String], chosen: &[String]) -> bool {
    applies_when.is_empty() || applies_when.iter().any(|id| chosen.contains(id))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limit(json: &str) -> Result<TimeLimit, serde_json::Error> {
        serde_json::from_str(json)
    }

    #[test]
    fn limits_read_and_write_their_kind_and_unit() {
        let cases = [
            (
                TimeLimit::working_days(15),
                r#"{"kind":"days","days":15,"unit":"working_days"}"#,
            ),
            (
                TimeLimit::calendar_days(60),
                r#"{"kind":"days","days":60,"unit":"calendar_days"}"#,
            ),
            (TimeLimit::OnTheSpot, r#"{"kind":"on_the_spot"}"#),
            (TimeLimit::NotSet, r#"{"kind":"not_set"}"#),
        ];
        for (value, json) in cases {
            assert_eq!(serde_json::to_string(&value).unwrap(), json);
            assert_eq!(limit(json).unwrap(), value);
        }
    }

    #[test]
    fn a_bare_number_from_before_units_reads_as_working_days() {
        assert_eq!(limit("5").unwrap(), TimeLimit::working_days(5));
        assert_eq!(limit("0").unwrap(), TimeLimit::OnTheSpot);
        assert!(limit("-1").is_err());
        assert!(limit("4294967296").is_err());
        let old: StatutoryLimit = serde_json::from_str("60").unwrap();
        assert_eq!(old.limit, TimeLimit::working_days(60));
        assert_eq!(old.citation, None);
        let option: SituationOption =
            serde_json::from_str(r#"{"id":"a","label":"A","promised_limit":3}"#).unwrap();
        assert_eq!(option.promised_limit, Some(TimeLimit::working_days(3)));
    }

    #[test]
    fn statutory_limits_carry_their_citation_beside_the_limit() {
        let json = r#"{"kind":"days","days":60,"unit":"calendar_days","citation":{"law":"《中华人民共和国居民身份证法》","article":"第十二条"}}"#;
        let s: StatutoryLimit = serde_json::from_str(json).unwrap();
        assert_eq!(s.limit, TimeLimit::calendar_days(60));
        assert_eq!(
            s.citation.as_ref().map(|c| c.article.as_str()),
            Some("第十二条")
        );
        assert_eq!(serde_json::to_string(&s).unwrap(), json);
        let none: StatutoryLimit = serde_json::from_str(r#"{"kind":"not_set"}"#).unwrap();
        assert_eq!(none.limit, TimeLimit::NotSet);
        assert_eq!(
            serde_json::to_string(&none).unwrap(),
            r#"{"kind":"not_set"}"#
        );
    }

    #[test]
    fn a_typo_names_what_is_wrong() {
        let err = limit(r#"{"kind":"days","days":15,"unit":"workdays"}"#)
            .unwrap_err()
            .to_string();
        assert!(err.contains("workdays"), "{err}");
        let err = limit(r#"{"kind":"days","days":15}"#)
            .unwrap_err()
            .to_string();
        assert!(err.contains("unit"), "{err}");
    }
}
