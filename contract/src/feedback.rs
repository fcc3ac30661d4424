//! The citizen's voice: questions (咨询), complaints (投诉) and the follow-up of a bad rating
//! (差评整改), with the rules app and backend must apply alike (lengths, the state machines).

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

#[cfg(feature = "openapi")]
use utoipa::ToSchema;

use crate::api::FieldError;

/// Longest question, complaint, answer or note, in characters.
pub const TEXT_MAX_CHARS: usize = 500;
/// Shortest question or complaint: a few words say what it is about.
pub const TEXT_MIN_CHARS: usize = 5;
/// Reply deadline of a complaint when the center sets none, in working days (the issue's
/// default; the center sets its own with `--complaint-reply-days`).
pub const DEFAULT_COMPLAINT_REPLY_DAYS: u32 = 5;
/// Limit for following up a rating of 1 or 2 (回访 and 整改) when the center sets none, in working
/// days. 国办发〔2019〕51号《关于建立政务服务“好差评”制度提高政务服务水平的意见》三（九）
/// “建立差评和投诉问题调查核实、督促整改和反馈机制” asks that every 实名差评 be followed up
/// (回访整改率100%); the 15 working days are the limit this portal takes as its default, which a
/// center lowers with `--follow-up-days`.
pub const DEFAULT_FOLLOW_UP_DAYS: u32 = 15;

/// Prefix of a question's ticket number (咨询).
pub const INQUIRY_PREFIX: &str = "ZX";
/// Prefix of a complaint's ticket number (投诉).
pub const COMPLAINT_PREFIX: &str = "TS";

/// 咨询: a question about a service, asked from its guide.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct InquirySubmission {
    pub service_code: String,
    /// 5–500 characters.
    pub question: String,
    /// Optional mobile number for a call back; never published.
    #[serde(default)]
    pub phone: String,
}

/// The ticket of a question or complaint: both are needed to follow it, like a case.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct TicketReceipt {
    pub ticket_number: String,
    pub query_code: String,
    pub submitted_at: DateTime<FixedOffset>,
    /// A complaint's reply deadline.
    #[serde(default)]
    pub due_date: Option<NaiveDate>,
}

/// Follow a question or complaint.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct TicketLookup {
    #[cfg_attr(feature = "openapi", schema(max_length = 32))]
    pub ticket_number: String,
    pub query_code: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum InquiryStatus {
    /// 待答复
    Open,
    /// 已答复
    Answered,
}

/// A question as its asker sees it (the phone is not sent back).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct InquiryView {
    pub ticket_number: String,
    pub service_code: String,
    pub service_name: String,
    pub question: String,
    pub status: InquiryStatus,
    pub asked_at: DateTime<FixedOffset>,
    #[serde(default)]
    pub answer: Option<String>,
    #[serde(default)]
    pub answered_at: Option<DateTime<FixedOffset>>,
}

/// A question in the staff list, with the asker's phone.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct StaffInquiry {
    #[serde(flatten)]
    pub inquiry: InquiryView,
    pub phone: String,
    pub handler: Option<String>,
    /// Published to the guide's 常见问题.
    pub published: bool,
}

/// Staff answer a question.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct InquiryAnswer {
    pub handler: String,
    pub answer: String,
}

/// Staff publish a question and its answer to the guide's 常见问题, reworded without personal
/// data (the asker's words are not published as they are).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct FaqPublication {
    pub question: String,
    pub answer: String,
}

/// What a complaint is about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ComplaintSubject {
    /// A case, by its owner: the query code proves it.
    Case {
        case_number: String,
        query_code: String,
    },
    /// A service (its guide, its rules).
    Service { service_code: String },
    /// A window of one of the service's places (`Service::places`, by name).
    Window { service_code: String, place: String },
}

/// 投诉 categories.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ComplaintCategory {
    /// 态度
    Attitude,
    /// 超时
    Overdue,
    /// 多次跑
    RepeatedVisits,
    /// 乱收费
    Overcharging,
    /// 其他
    Other,
}

impl ComplaintCategory {
    pub const ALL: [ComplaintCategory; 5] = [
        ComplaintCategory::Attitude,
        ComplaintCategory::Overdue,
        ComplaintCategory::RepeatedVisits,
        ComplaintCategory::Overcharging,
        ComplaintCategory::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ComplaintCategory::Attitude => "态度",
            ComplaintCategory::Overdue => "超时",
            ComplaintCategory::RepeatedVisits => "多次跑",
            ComplaintCategory::Overcharging => "乱收费",
            ComplaintCategory::Other => "其他",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct ComplaintSubmission {
    pub subject: ComplaintSubject,
    pub category: ComplaintCategory,
    /// 5–500 characters.
    pub description: String,
    /// Optional mobile number for a call back.
    #[serde(default)]
    pub phone: String,
}

/// Where a complaint stands: 已受理 → 处理中 → 已答复.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ComplaintStatus {
    /// 已受理
    Received,
    /// 处理中
    InProgress,
    /// 已答复
    Replied,
}

impl ComplaintStatus {
    pub const ALL: [ComplaintStatus; 3] = [
        ComplaintStatus::Received,
        ComplaintStatus::InProgress,
        ComplaintStatus::Replied,
    ];

    pub fn can_move_to(self, next: ComplaintStatus) -> bool {
        use ComplaintStatus::*;
        matches!((self, next), (Received, InProgress) | (InProgress, Replied))
    }

    pub fn label(self) -> &'static str {
        match self {
            ComplaintStatus::Received => "已受理",
            ComplaintStatus::InProgress => "处理中",
            ComplaintStatus::Replied => "已答复",
        }
    }
}

/// A complaint as its author sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct ComplaintView {
    pub ticket_number: String,
    /// 关于：办件 2026…, 事项名称, or 事项名称 · 办理地点.
    pub about: String,
    /// The case, when the complaint is about one.
    #[serde(default)]
    pub case_number: Option<String>,
    pub category: ComplaintCategory,
    pub description: String,
    pub status: ComplaintStatus,
    pub submitted_at: DateTime<FixedOffset>,
    /// 答复期限: working days after the day it was received.
    pub due_date: NaiveDate,
    pub reply_days: u32,
    #[serde(default)]
    pub reply: Option<String>,
    #[serde(default)]
    pub replied_on: Option<NaiveDate>,
}

/// A complaint in the staff list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct StaffComplaint {
    #[serde(flatten)]
    pub complaint: ComplaintView,
    pub phone: String,
    pub handler: Option<String>,
    /// Not replied and past its deadline.
    pub overdue: bool,
}

/// What staff do to a complaint.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum ComplaintAction {
    /// 已受理 → 处理中.
    Start { handler: String },
    /// 处理中 → 已答复 (from 已受理, 处理中 is recorded first).
    Reply { handler: String, reply: String },
}

/// 差评整改: 待回访 → 已回访 → 已整改.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum FollowUpStatus {
    /// 待回访
    Open,
    /// 已回访
    Contacted,
    /// 已整改
    Rectified,
}

impl FollowUpStatus {
    pub const ALL: [FollowUpStatus; 3] = [
        FollowUpStatus::Open,
        FollowUpStatus::Contacted,
        FollowUpStatus::Rectified,
    ];

    pub fn can_move_to(self, next: FollowUpStatus) -> bool {
        use FollowUpStatus::*;
        matches!((self, next), (Open, Contacted) | (Contacted, Rectified))
    }

    pub fn label(self) -> &'static str {
        match self {
            FollowUpStatus::Open => "待回访",
            FollowUpStatus::Contacted => "已回访",
            FollowUpStatus::Rectified => "已整改",
        }
    }
}

/// The follow-up of a rating of 1 or 2, as the case page shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct FollowUpView {
    pub status: FollowUpStatus,
    pub opened_on: NaiveDate,
    /// 整改期限.
    pub due_date: NaiveDate,
    pub limit_days: u32,
    /// 回访情况.
    #[serde(default)]
    pub contact_note: Option<String>,
    #[serde(default)]
    pub contacted_on: Option<NaiveDate>,
    /// 整改情况.
    #[serde(default)]
    pub rectification: Option<String>,
    #[serde(default)]
    pub rectified_on: Option<NaiveDate>,
}

/// A follow-up in the staff list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct StaffFollowUp {
    pub case_number: String,
    pub service_name: String,
    pub score: u8,
    pub reason: String,
    #[serde(flatten)]
    pub follow_up: FollowUpView,
    pub handler: Option<String>,
    /// Not rectified and past its limit.
    pub overdue: bool,
}

/// What staff record on a follow-up.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum FollowUpAction {
    /// 回访: 待回访 → 已回访.
    Contact { handler: String, note: String },
    /// 整改: 已回访 → 已整改.
    Rectify { handler: String, note: String },
}

/// What the case page shows beside the case: the follow-up of its rating and the complaints
/// about it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct CaseFeedback {
    #[serde(default)]
    pub follow_up: Option<FollowUpView>,
    #[serde(default)]
    pub complaints: Vec<ComplaintView>,
}

fn text_error(field: &str, text: &str, empty: &str) -> Option<FieldError> {
    let n = text.trim().chars().count();
    let message = if n == 0 {
        empty.to_string()
    } else if n < TEXT_MIN_CHARS {
        format!("请至少写{TEXT_MIN_CHARS}个字，说清楚您的问题")
    } else if n > TEXT_MAX_CHARS {
        format!("不能超过{TEXT_MAX_CHARS}个字（现在{n}个字）")
    } else {
        return None;
    };
    Some(FieldError {
        field: field.into(),
        message,
    })
}

fn phone_error(phone: &str) -> Option<FieldError> {
    let phone = phone.trim();
    (!phone.is_empty())
        .then(|| crate::validate::validate_phone(phone).err())
        .flatten()
        .map(|m| FieldError {
            field: "phone".into(),
            message: m.into(),
        })
}

/// Field errors of a question (`question`, `phone`).
pub fn check_inquiry(q: &InquirySubmission) -> Vec<FieldError> {
    text_error("question", &q.question, "请填写您要咨询的问题")
        .into_iter()
        .chain(phone_error(&q.phone))
        .collect()
}

/// Field errors of a complaint (`description`, `phone`, `place`).
pub fn check_complaint(c: &ComplaintSubmission) -> Vec<FieldError> {
    let mut errors: Vec<FieldError> = text_error("description", &c.description, "请描述投诉的情况")
        .into_iter()
        .chain(phone_error(&c.phone))
        .collect();
    if let ComplaintSubject::Window { place, .. } = &c.subject {
        if place.trim().is_empty() {
            errors.push(FieldError {
                field: "place".into(),
                message: "请选择办理地点".into(),
            });
        }
    }
    errors
}

/// Field error of a staff answer, reply or note (`field`), which the citizen reads.
pub fn check_staff_text(field: &str, text: &str) -> Option<FieldError> {
    let n = text.trim().chars().count();
    let message = if n == 0 {
        "请填写内容".to_string()
    } else if n > TEXT_MAX_CHARS {
        format!("不能超过{TEXT_MAX_CHARS}个字")
    } else {
        return None;
    };
    Some(FieldError {
        field: field.into(),
        message,
    })
}

/// Field errors of a question and answer to publish on a guide: staff texts that carry no
/// personal data a machine can spot (a run of 11 or more digits, as in a mobile or ID number).
pub fn check_publication(p: &FaqPublication) -> Vec<FieldError> {
    [("question", &p.question), ("answer", &p.answer)]
        .into_iter()
        .filter_map(|(field, text)| {
            check_staff_text(field, text).or_else(|| {
                has_long_number(text).then(|| FieldError {
                    field: field.into(),
                    message: "公开内容不能包含手机号码、身份证号码等个人信息".into(),
                })
            })
        })
        .collect()
}

fn has_long_number(text: &str) -> bool {
    let mut run = 0;
    for c in text.chars() {
        // An ID number may end in X.
        run = if c.is_ascii_digit() || (run >= 17 && matches!(c, 'x' | 'X')) {
            run + 1
        } else {
            0
        };
        if run >= 11 {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn complaints_move_forward_one_step_at_a_time() {
        use ComplaintStatus::*;
        for from in ComplaintStatus::ALL {
            for to in ComplaintStatus::ALL {
                let expected = matches!((from, to), (Received, InProgress) | (InProgress, Replied));
                assert_eq!(from.can_move_to(to), expected, "{from:?} → {to:?}");
            }
        }
    }

    #[test]
    fn follow_ups_contact_before_rectifying() {
        use FollowUpStatus::*;
        for from in FollowUpStatus::ALL {
            for to in FollowUpStatus::ALL {
                let expected = matches!((from, to), (Open, Contacted) | (Contacted, Rectified));
                assert_eq!(from.can_move_to(to), expected, "{from:?} → {to:?}");
            }
        }
    }

    #[test]
    fn texts_are_bounded_with_messages_in_chinese() {
        let q = |question: &str, phone: &str| InquirySubmission {
            service_code: "S".into(),
            question: question.into(),
            phone: phone.into(),
        };
        assert!(check_inquiry(&q("需要带户口本吗？", "")).is_empty());
        assert_eq!(
            check_inquiry(&q("  ", ""))[0].message,
            "请填写您要咨询的问题"
        );
        assert_eq!(check_inquiry(&q("问", ""))[0].field, "question");
        let long = "问".repeat(TEXT_MAX_CHARS + 1);
        assert_eq!(
            check_inquiry(&q(&long, ""))[0].message,
            "不能超过500个字（现在501个字）"
        );
        assert!(check_inquiry(&q(&"问".repeat(TEXT_MAX_CHARS), "")).is_empty());
        let e = check_inquiry(&q("需要带户口本吗？", "123"));
        assert_eq!(
            (e[0].field.as_str(), e[0].message.as_str()),
            ("phone", "请输入11位手机号码")
        );
        let c = ComplaintSubmission {
            subject: ComplaintSubject::Window {
                service_code: "S".into(),
                place: " ".into(),
            },
            category: ComplaintCategory::Attitude,
            description: "窗口人员态度冷淡".into(),
            phone: String::new(),
        };
        assert_eq!(check_complaint(&c)[0].field, "place");
    }

    #[test]
    fn published_text_carries_no_phone_or_id_number() {
        let p = |q: &str, a: &str| FaqPublication {
            question: q.into(),
            answer: a.into(),
        };
        assert!(check_publication(&p("能邮寄吗？", "可以，请拨打12345咨询。")).is_empty());
        let e = check_publication(&p("张三13800138000问能邮寄吗？", "可以"));
        assert_eq!(e[0].field, "question");
        assert_eq!(
            e[0].message,
            "公开内容不能包含手机号码、身份证号码等个人信息"
        );
        let e = check_publication(&p("能邮寄吗？", "已联系 11010519491231002X"));
        assert_eq!(e[0].field, "answer");
        assert_eq!(check_publication(&p(" ", "")).len(), 2);
    }

    #[test]
    fn categories_have_their_names() {
        let labels: Vec<_> = ComplaintCategory::ALL.iter().map(|c| c.label()).collect();
        assert_eq!(labels, ["态度", "超时", "多次跑", "乱收费", "其他"]);
        assert_eq!(
            serde_json::to_string(&ComplaintCategory::RepeatedVisits).unwrap(),
            "\"repeated_visits\""
        );
    }
}
