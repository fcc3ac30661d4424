//! The page text catalog: every fixed text and every text built from values, in Chinese and English.

use contract::chrono::{Datelike, NaiveDate, Weekday};

use crate::i18n::lang::{current, Lang};

/// The Chinese or the English of a fixed text chosen by value.
fn pick(zh: &'static str, en_text: &'static str) -> &'static str {
    if en() {
        en_text
    } else {
        zh
    }
}

/// Whether the page is in English: for the texts built from values below.
fn en() -> bool {
    current() == Lang::En
}
use contract::{
    Audience, CaseStatus, CaseType, Channel, LegalBasis, LimitUnit, MaterialForm, Necessity,
    ServiceKind, SpecialProcedureKind, TimeLimit,
};

texts! {
    SITE_TITLE => "政务服务网上办事", "Government Services Online";
    LANGUAGE => "语言", "Language";
    COLON => "：", ": ";
    LIST_SEP => "、", ", ";
    SEMI => "；", "; ";
    COMMA => "，", ", ";
    CONTENTS => "目录", "Contents";
    /// Said above a guide, checklist or form whose content has no English version.
    CHINESE_ONLY => "本指南仅提供中文版", "This guide is available in Chinese only. The Chinese original is shown below.";
    SKIP_TO_MAIN => "跳到主要内容", "Skip to main content";
    HOME => "首页", "Home";
    LOADING => "正在加载…", "Loading…";
    RETRY => "重试", "Try again";
    ERROR_NETWORK => "网络连接失败，请检查网络后重试。", "No network connection. Please check your connection and try again.";
    ERROR_SERVER => "系统暂时无法访问，请稍后重试。", "The service is temporarily unavailable. Please try again later.";
    ERROR_TITLE => "暂时无法加载", "Could not load";
    NOT_FOUND_TITLE => "页面不存在", "Page not found";
    NOT_FOUND_BODY => "您访问的页面不存在或已调整。", "The page you are looking for does not exist or has moved.";
    BACK_HOME => "返回首页", "Back to home";
    ELDER_MODE => "长辈版（大字）", "Large text";

    // Home.
    SEARCH_LABEL => "搜索办事事项", "Search for a service";
    SEARCH_PLACEHOLDER => "例如：身份证、营业执照、社保", "e.g. ID card";
    SEARCH_BUTTON => "搜索", "Search";
    ENTRY_GUIDE => "办事指南", "Service guides";
    ENTRY_GUIDE_NOTE => "材料、时限、收费一查就懂", "Documents, time limits and fees at a glance";
    ENTRY_CHECKLIST => "一次性告知清单", "What to bring";
    ENTRY_CHECKLIST_NOTE => "该带什么，一次说清", "Everything you need, told once";
    ENTRY_APPLY => "在线申报", "Apply online";
    ENTRY_APPLY_NOTE => "手机拍照，网上提交", "Take photos, apply from your phone";
    ENTRY_TRACK => "办件查询", "Track an application";
    ENTRY_TRACK_NOTE => "办到哪了，随时查看", "See where your application is";
    SEARCH_RESULTS => "搜索结果", "Search results";
    SEE_ALL_RESULTS => "查看全部搜索结果", "See all results";
    MAIN_ENTRIES => "常用服务", "Main services";
    HOTLINE_NOTE => "咨询投诉请拨打 12345 政务服务便民热线", "For questions or complaints, call the 12345 government service hotline";

    // Service list.
    LIST_TITLE => "办事指南", "Service guides";
    SHOW_MORE => "显示更多", "Show more";
    NO_MATCH => "没有找到相关事项", "No matching services";
    NO_MATCH_HINT => "请换个说法试试，例如少输几个字，或输入拼音首字母（如 sfz）。也可拨打 12345 咨询。", "Try other words, for example fewer of them, or the Chinese name of the service. You can also call 12345 for help.";
}
pub fn result_count(n: usize) -> String {
    match (current(), n) {
        (Lang::Zh, _) => format!("共 {n} 项"),
        (Lang::En, 1) => "1 service".into(),
        (Lang::En, _) => format!("{} services", number(n as u64)),
    }
}

/// A whole number as the language writes it: 12,345 in English; Chinese leaves it plain.
pub fn number(n: u64) -> String {
    let digits = n.to_string();
    if !en() || digits.len() <= 4 {
        return digits;
    }
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Text in round brackets after something: "甲（乙）" / "A (B)".
pub fn paren(inner: &str) -> String {
    if en() {
        format!(" ({inner})")
    } else {
        format!("（{inner}）")
    }
}

/// A date as the page shows it: 2026-11-23 in Chinese (as every form and notice writes it),
/// 23 Nov 2026 in English.
pub fn date(d: NaiveDate) -> String {
    if en() {
        format!("{} {} {}", d.day(), month_abbr(d.month()), d.year())
    } else {
        d.to_string()
    }
}

/// A date with its weekday: 2026-11-23（星期一） / Mon 23 Nov 2026.
pub fn date_with_weekday(d: NaiveDate) -> String {
    if en() {
        format!("{} {}", weekday(d.weekday()), date(d))
    } else {
        format!("{d}（{}）", weekday(d.weekday()))
    }
}

/// The app's own words for an error the backend answers with (`ApiError::code`), in the page's
/// language. `None` in Chinese, where the backend's message (Chinese, often more precise) is
/// shown as it is, and for a code this version does not know.
pub fn error_message(code: contract::ErrorCode) -> Option<&'static str> {
    use contract::ErrorCode as E;
    if !en() {
        return None;
    }
    Some(match code {
        E::NotFound => "Not found. Please check what you entered.",
        E::Invalid => "Some of the information is not correct. Please check the fields marked.",
        E::BadRequest => "The request could not be read. Please refresh the page and try again.",
        E::TooLarge => "What you sent is too large.",
        E::MethodNotAllowed => "This request is not supported.",
        E::Timeout => "The request timed out. Please check your network and try again.",
        E::Unauthorized => "Please sign in again.",
        E::Forbidden => "This is not available.",
        E::IllegalTransition => "The application's status does not allow this now. Please refresh the page.",
        E::RateLimited => "Too many requests. Please wait a moment and try again.",
        E::TooManySubmissions => "This ID number has submitted as many applications today as allowed. Please try again tomorrow.",
        E::DailyCapacityReached => "No more online applications can be taken today. Please try again tomorrow or apply at a service window.",
        E::InvalidDraft => "This draft cannot be uploaded to. Please start the application again.",
        E::InvalidIdempotencyKey | E::IdempotencyConflict => {
            "This application could not be submitted safely. Please refresh the page and submit again."
        }
        E::NotConcluded => "The application has no decision yet, so it cannot be rated.",
        E::AlreadyRated => "This application has already been rated.",
        E::UnsupportedType => "This file type is not supported; please upload a photo or a PDF file.",
        E::Unreadable => "The file is damaged or cannot be read. Please take the photo again.",
        E::TooManyPixels => "The photo is too large. Please take it again.",
        E::TooManyUploads => "This application has reached the maximum number of files. Please apply at a service window.",
        E::DailyUploadLimit => "Today's upload limit is reached. Please upload again tomorrow.",
        E::Busy => "The system is busy. Please try again shortly.",
        E::StorageFull => "Uploads are paused for now. Please try again later.",
        E::Internal => "The system is busy. Please try again later.",
        E::UploadsExpired => "Some photos must be uploaded again from this phone.",
        E::SlotFull => "This time is fully booked. Please choose another.",
        E::SlotUnavailable => "This time cannot be booked. Please choose another.",
        E::AlreadyBooked => "You already have an appointment for this service.",
        E::TooManyAppointments => "This ID number has booked as many appointments today as allowed.",
        E::PastCutoff => "It is too late to cancel or change this appointment. Please call the service place.",
        E::Unknown => return None,
    })
}

/// A field's message from the contract's checks (`contract::validate`, in the app or the
/// backend), in the page's language: the checks word them in Chinese, and an English page shows
/// the English of the ones it knows, and the Chinese of any other.
pub fn field_message(message: &str) -> String {
    if !en() {
        return message.to_string();
    }
    let fixed = match message {
        "公民身份号码只能由数字组成，最后一位可以是X" => Some("The citizen ID number has only digits; the last character may be X"),
        "公民身份号码校验位不正确，请核对后重新输入" => Some("The citizen ID number's check character is wrong; please check it and enter it again"),
        "公民身份号码的出生日期不正确" => Some("The date of birth in the citizen ID number is not valid"),
        "公民身份号码的地区代码不正确" => Some("The region code in the citizen ID number is not valid"),
        "请输入18位公民身份号码" => Some("Please enter the 18-character citizen ID number"),
        "单位名称不能超过100个字，且不能包含换行等特殊字符" => Some("The organisation name can have at most 100 characters and no line breaks or special characters"),
        "地址不能包含换行等特殊字符" => Some("The address cannot contain line breaks or special characters"),
        "地址不能超过200个字" => Some("The address can have at most 200 characters"),
        "姓名只能包含文字和间隔号“·”" => Some("The name can contain only letters, Chinese characters and the middle dot “·”"),
        "姓名应为2至30个字" => Some("The name should have 2 to 30 characters"),
        "间隔号“·”不能在姓名开头、结尾或连续出现" => Some("The middle dot “·” cannot start or end the name or appear twice in a row"),
        "所选情形不属于本事项，请重新选择" => Some("The situation chosen does not belong to this service; please choose again"),
        "日期不存在，请核对" => Some("This date does not exist; please check it"),
        "本事项不提供邮寄送达，请选择窗口领取" => Some("This service does not post results; please choose to collect at the window"),
        "本事项的服务对象为自然人，不能以单位名义申请" => Some("This service is for individuals; an organisation cannot apply"),
        "此项为必填项" => Some("This field is required"),
        "申请的事项与申请表不一致" => Some("The application does not match this service's form"),
        "申请表内容与本事项不符，请刷新页面后重试" => Some("The form does not match this service; please refresh the page and try again"),
        "请从选项中选择" => Some("Please choose one of the options"),
        "请按“年-月-日”格式输入日期，如2026-01-31" => Some("Please enter the date as year-month-day, e.g. 2026-01-31"),
        "请输入11位手机号码" => Some("Please enter an 11-digit mobile number"),
        "请输入单位名称" => Some("Please enter the organisation name"),
        "请输入地址" => Some("Please enter the address"),
        "请输入姓名" => Some("Please enter the name"),
        "请阅读并同意告知承诺和个人信息保护声明" => Some("Please read and agree to the declaration and the privacy notice"),
        _ => None,
    };
    if let Some(text) = fixed {
        return text.to_string();
    }
    let number = |rest: &str, suffix: &str| rest.strip_suffix(suffix).map(str::to_string);
    if let Some(what) = message.strip_prefix("请选择：") {
        return format!("Please choose: {what}");
    }
    if let Some(what) = message.strip_prefix("只能选择一项：") {
        return format!("Choose only one: {what}");
    }
    if let Some(what) = message.strip_prefix("请上传：") {
        return upload_this(what);
    }
    if let Some(n) = message
        .strip_prefix("不能超过")
        .and_then(|r| number(r, "个字"))
    {
        return format!("At most {n} characters");
    }
    if let Some(n) = message
        .strip_prefix("材料最多")
        .and_then(|r| number(r, "项"))
    {
        return format!("At most {n} documents");
    }
    if let Some(n) = message
        .strip_prefix("每项材料最多上传")
        .and_then(|r| number(r, "页"))
    {
        return format!("At most {n} pages per document");
    }
    message.to_string()
}

fn month_abbr(month: u32) -> &'static str {
    [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ][(month.clamp(1, 12) - 1) as usize]
}

// Guide.
texts! {
    PROMISED_LIMIT => "承诺时限", "Promised time limit";
    STATUTORY_LIMIT => "法定时限", "Statutory time limit";
    FEE => "收费", "Fee";
    FREE => "不收费", "Free of charge";
    VISITS => "到现场次数", "Visits in person";
    ONLINE => "网上申报", "Online application";
    ONLINE_YES => "可在线申报", "Can be applied for online";
    ONLINE_NO => "需到窗口办理", "Apply at a service window";
    MATERIALS => "申请材料", "Required documents";
    CONDITIONS => "受理条件", "Eligibility";
    FEES => "收费标准", "Fees";
    LEGAL_BASIS => "设定依据", "Legal basis";
    PROCESS => "办理流程", "Procedure";
    PLACES => "办理地点和时间", "Where and when";
    CONTACTS => "咨询和投诉", "Enquiries and complaints";
    CONSULT_PHONE => "咨询电话", "Enquiries";
    COMPLAINT_PHONE => "监督投诉电话", "Complaints";
    RESULT => "办理结果", "What you receive";
    FAQ => "常见问题", "Frequently asked questions";
    REFUSAL => "不予受理情形", "When an application is not accepted";
    APPEAL => "救济途径", "Right to appeal";
    APPEAL_REVIEW => "行政复议", "Administrative reconsideration";
    APPEAL_LITIGATION => "行政诉讼", "Administrative litigation";
    DEPARTMENT => "实施主体", "Responsible authority";
    DELEGATED => "受委托部门", "Delegated to";
    KIND => "事项类型", "Type of service";
    AUDIENCE => "服务对象", "For";
    CASE_TYPE => "办件类型", "Handling";
    CHANNELS => "办理形式", "How to apply";
    BASIS => "依据", "Basis";
    REDUCTIONS => "减免", "Reductions and exemptions";
    NO_NEED_TO_BRING => "无需提交，由窗口通过数据共享核验", "No need to bring: the window checks it through shared government data";
    BLANK_FORM => "空白表格", "Blank form";
    SAMPLE => "示例样表", "Filled-in sample";
    VERSION => "版本", "Version";
    UPDATED => "更新日期", "Updated";
    APPLY_ONLINE => "在线申报", "Apply online";
    VIEW_CHECKLIST => "一次性告知清单", "What to bring";
    OVERVIEW => "事项概要", "Overview";
    SOURCE_APPLICANT => "申请人自备", "Provided by the applicant";

    FILTERS => "筛选", "Filters";
    ALL => "全部", "All";
    THEME => "主题", "Topic";
    ZERO_VISITS => "零跑动（全程网办）", "No visit needed (fully online)";

    // Checklists.
    CHECKLIST_INTRO => "出门前看一看：要带的材料、条件、时限、收费和地点，一次告诉您。", "Check before you go: the documents to bring, eligibility, time limits, fees and the place, all in one list.";
    GROUP_BY => "分类方式", "Group by";
    BY_DEPARTMENT => "按部门", "By department";
    BY_THEME => "按主题", "By topic";
    ANSWER_FIRST => "请先回答上面的问题，我们只列出适用于您的材料。", "Please answer the questions above first; we then list only the documents that apply to you.";
    MATERIALS_TO_BRING => "需要准备的材料", "Documents to prepare";
    SHOW_FOR_ANSWERS => "按所选情形查看", "Show what applies to these answers";
    TICK_HINT => "准备好一项就勾选一项，勾选会保存在本机。", "Tick each item once it is ready; your ticks are kept on this phone.";
    LIMITS_AND_FEES => "时限和收费", "Time limits and fees";
    SHARE => "打印和分享", "Print and share";
    PRINT => "打印清单", "Print the list";
    COPY_LINK => "复制链接", "Copy link";
    LINK_COPIED => "链接已复制", "Link copied";
    SHARE_LINK => "清单链接", "Link to this list";
    QR_ALT => "清单链接的二维码，用手机扫码打开", "QR code of the link to this list; scan it with a phone to open it";

}
pub fn saved_copy(at: &str) -> String {
    if en() {
        format!("No network connection. This is a copy saved at {at}; it may not be up to date.")
    } else {
        format!("当前无法连接网络，以下为 {at} 保存的副本，内容可能不是最新。")
    }
}

/// A number of days in its unit. Calendar days say so, because a citizen reading "60 日"
/// next to "10 个工作日" would otherwise take both for working days.
pub fn day_count(n: impl std::fmt::Display, unit: LimitUnit) -> String {
    let n = n.to_string();
    match (current(), unit) {
        (Lang::Zh, LimitUnit::WorkingDays) => format!("{n} 个工作日"),
        (Lang::Zh, LimitUnit::CalendarDays) => format!("{n} 日（自然日）"),
        (Lang::En, LimitUnit::WorkingDays) if n == "1" => "1 working day".into(),
        (Lang::En, LimitUnit::WorkingDays) => format!("{n} working days"),
        (Lang::En, LimitUnit::CalendarDays) if n == "1" => "1 calendar day".into(),
        (Lang::En, LimitUnit::CalendarDays) => format!("{n} calendar days"),
    }
}

/// How every page words a time limit (法定 or 承诺).
pub fn time_limit(limit: TimeLimit) -> String {
    match limit {
        TimeLimit::Days { days, unit } => day_count(days, unit),
        TimeLimit::OnTheSpot if en() => "Completed on the spot".into(),
        TimeLimit::NotSet if en() => "No limit set by law".into(),
        TimeLimit::OnTheSpot => "当场办结".into(),
        TimeLimit::NotSet => "法律未规定时限".into(),
    }
}

/// The article that sets a statutory limit, shown beside it.
pub fn set_by(b: &LegalBasis) -> String {
    if en() {
        format!(" (under {} {})", b.law, b.article)
    } else {
        format!("（依据{}{}）", b.law, b.article)
    }
}

pub fn visits(n: u8) -> String {
    match (current(), n) {
        (Lang::Zh, 0) => "0 次（全程网办）".into(),
        (Lang::Zh, 1) => "最多跑 1 次".into(),
        (Lang::Zh, n) => format!("{n} 次"),
        (Lang::En, 0) => "None (fully online)".into(),
        (Lang::En, 1) => "At most 1".into(),
        (Lang::En, n) => format!("{n}"),
    }
}

/// A material a department issues: "公安局核发" / "Issued by 公安局".
pub fn issued_by(issuer: &str) -> String {
    if en() {
        format!("Issued by {issuer}")
    } else {
        format!("{issuer}核发")
    }
}

pub fn copies(n: u32) -> String {
    match (current(), n) {
        (Lang::Zh, _) => format!("{n} 份"),
        (Lang::En, 1) => "1 copy".into(),
        (Lang::En, _) => format!("{n} copies"),
    }
}

pub fn kind(k: ServiceKind) -> &'static str {
    match k {
        ServiceKind::Licensing => pick("行政许可", "Administrative licence"),
        ServiceKind::Confirmation => pick("行政确认", "Administrative confirmation"),
        ServiceKind::Benefit => pick("行政给付", "Administrative payment"),
        ServiceKind::Adjudication => pick("行政裁决", "Administrative adjudication"),
        ServiceKind::OtherPower => pick("其他行政权力", "Other administrative power"),
        ServiceKind::PublicService => pick("公共服务", "Public service"),
        ServiceKind::Filing => pick("行政备案", "Administrative filing"),
        ServiceKind::Levy => pick("行政征收", "Administrative levy"),
        ServiceKind::Reward => pick("行政奖励", "Administrative award"),
    }
}

pub fn audience(a: Audience) -> &'static str {
    match a {
        Audience::Person => pick("自然人", "Individuals"),
        Audience::LegalPerson => pick("法人", "Organisations"),
    }
}

pub fn case_type(c: CaseType) -> &'static str {
    match c {
        CaseType::Immediate => pick("即办件", "Decided on the spot"),
        CaseType::Committed => pick("承诺件", "Decided within a promised time"),
    }
}

pub fn channel(c: Channel) -> &'static str {
    match c {
        Channel::Window => pick("窗口办理", "At a window"),
        Channel::Online => pick("网上办理", "Online"),
        Channel::Post => pick("快递送达", "By post"),
    }
}

pub fn material_form(f: MaterialForm) -> &'static str {
    match f {
        MaterialForm::Original => pick("原件", "Original"),
        MaterialForm::Copy => pick("复印件", "Copy"),
        MaterialForm::Electronic => pick("电子材料", "Electronic"),
    }
}

pub fn necessity(n: Necessity) -> &'static str {
    match n {
        Necessity::Required => pick("必要", "Required"),
        Necessity::Optional => pick("非必要", "Optional"),
        Necessity::Deferrable => pick("容缺（可后补）", "May be supplied later"),
    }
}

// Online application.
texts! {
    BACK => "返回上一步", "Back";
    CONTINUE => "继续", "Continue";
    DRAFT_SAVED_NOTE => "您填写的内容和照片会自动保存在本机，关闭页面后可以继续填写。", "What you enter and your photos are saved on this phone automatically; you can close the page and continue later.";
    FIX_THESE => "请修改以下问题", "Please correct the following";
    STEP_NOTICE => "告知承诺和个人信息保护", "Declaration and privacy";
    STEP_SITUATION => "您的办理情形", "Your situation";
    STEP_APPLICANT => "申请人信息", "Applicant";
    STEP_DETAILS => "办理信息", "Details";
    STEP_MATERIALS => "拍照上传材料", "Photograph your documents";
    STEP_DELIVERY => "结果领取方式", "How to receive the result";
    STEP_CHECK => "核对并提交", "Check and submit";
}
pub fn step_of(n: usize, total: usize) -> String {
    if en() {
        return format!("Step {n} of {total}");
    }
    format!("第 {n} 步，共 {total} 步")
}
texts! {
    COMMITMENT_TITLE => "告知承诺", "Declaration";
}
pub fn commitment_text(dept: &str, limit: TimeLimit) -> String {
    if en() {
        let when = match limit {
            TimeLimit::Days { .. } => format!(
                "it is completed within {} from the day after acceptance (time for further documents and special procedures is not counted)",
                time_limit(limit)
            ),
            TimeLimit::OnTheSpot | TimeLimit::NotSet => {
                "it is completed on the spot once accepted".into()
            }
        };
        return format!(
            "This service is handled by {dept}. When the documents are complete and in the form \
             the law requires, {when}. The applicant declares that the information entered and the \
             documents uploaded are true and valid, and accepts legal responsibility for anything false."
        );
    }
    let when = match limit {
        TimeLimit::Days { .. } => format!(
            "自受理之次日起 {}内办结（补正材料和特别程序所需时间不计算在内）",
            time_limit(limit)
        ),
        TimeLimit::OnTheSpot | TimeLimit::NotSet => "受理后当场办结".into(),
    };
    format!(
        "本事项由{dept}办理。材料齐全、符合法定形式的，{when}。\
         申请人承诺所填信息和所传材料真实、有效，如有虚假，愿意承担相应的法律责任。"
    )
}
texts! {
    PRIVACY_TITLE => "个人信息保护说明", "How we protect your personal information";
    PRIVACY_WHAT => "收集哪些信息：姓名、公民身份号码、手机号码、地址，以及您上传的材料照片。", "What we collect: your name, citizen ID number, mobile number, address and the photos of documents you upload.";
    PRIVACY_WHY => "为什么收集：仅用于办理本事项、与您联系和送达结果，不用于其他用途。", "Why: only to handle this application, contact you and deliver the result, and for nothing else.";
    PRIVACY_KEEP => "保存多久：随办件档案按国家档案管理规定保存。已上传但未提交的照片，服务器24小时后自动删除；草稿仍在本机的，提交时会自动从本机重新上传，无需重新拍摄。", "How long: with the case file, as national archive rules require. Photos uploaded but never submitted are deleted from the server after 24 hours; if the draft is still on your phone, they are uploaded again when you submit, with no need to photograph them again.";
    PRIVACY_DEVICE => "草稿和材料照片保存在您的手机上（照片同时上传到服务器，见上条），30天未修改自动删除，提交成功后立即清除。办件编号、查询码和回执保存在本机的“我的办件”中（最多30件，超出时最早加入的先删除），本机查到办件已结束（办结或不予受理）满90天后自动删除。咨询和投诉的编号、查询码及未提交的内容保存在本机的“我的咨询与投诉”中（最多30条）。在“办件查询”或“在线申报”页点击“清除本机数据”，可随时全部删除。", "Drafts and photos are kept on your phone (photos are also uploaded to the server, see above); they are deleted after 30 days without changes, and at once after a successful submission. Case numbers, query codes and receipts are kept on this phone in “My applications” (at most 30; the oldest goes first), and deleted 90 days after this phone sees the case closed (decided or not accepted). Numbers, query codes and unsent text of questions and complaints are kept in “My questions and complaints” (at most 30). Tap “Clear data on this phone” on the Track or Apply page to delete everything at any time.";
    CONSENT_LABEL => "我已阅读并同意以上告知承诺和个人信息保护说明", "I have read and agree to the declaration and the privacy notice above";
    NAME => "姓名", "Name";
    ID_NUMBER => "公民身份号码", "Citizen ID number";
    ID_NUMBER_HINT => "18位，最后一位可能是X", "18 characters; the last may be X";
    PHONE => "手机号码", "Mobile number";
    PHONE_HINT => "11位手机号码，用于接收办理进度", "11 digits, for progress messages";
    ADDRESS => "联系地址", "Address";
    HAS_AGENT => "由他人代为办理（代办）", "Someone else applies for me (agent)";
    AGENT => "代办人", "Agent";
    AGENT_HINT => "代办需上传授权委托书。", "An agent must upload a signed power of attorney.";
    OPTIONAL => "（选填）", " (optional)";
    PLEASE_CHOOSE => "请选择", "Please choose";
    MATERIALS_INTRO => "请逐项拍照。多页材料（如身份证正反面）可拍多张。照片会立即在后台上传，网络不好时会自动重试。", "Photograph each document. For documents with several pages (such as both sides of an ID card) take several photos. Photos upload in the background at once and retry by themselves on a poor network.";
    TAKE_PHOTO => "拍照", "Take photo";
    PICK_FILE => "从相册或文件选择", "Choose from photos or files";
    PREPARING_PHOTO => "正在处理照片…", "Processing photo…";
    ROTATE => "旋转", "Rotate";
    RETAKE => "重拍", "Retake";
    DELETE => "删除", "Delete";
    RETRY_NOW => "立即重试", "Retry now";
}
pub fn page_n(n: usize) -> String {
    if en() {
        return format!("Page {n}");
    }
    format!("第 {n} 页")
}
pub fn upload_progress_label(n: usize) -> String {
    if en() {
        return format!("Upload progress of page {n}");
    }
    format!("第 {n} 页上传进度")
}
pub fn pages_count(n: usize) -> String {
    match (current(), n) {
        (Lang::Zh, 0) => "未上传".into(),
        (Lang::Zh, n) => format!("已拍 {n} 页"),
        (Lang::En, 0) => "Not uploaded".into(),
        (Lang::En, 1) => "1 page taken".into(),
        (Lang::En, n) => format!("{n} pages taken"),
    }
}
texts! {
    DELIVERY_QUESTION => "您希望如何领取办理结果？", "How would you like to receive the result?";
    DELIVERY_WINDOW => "到窗口领取", "Collect at the window";
    DELIVERY_POST => "邮寄送达", "By post";
    RECIPIENT => "收件人", "Recipient";
    POST_ADDRESS => "邮寄地址", "Postal address";
    CHANGE => "修改", "Change";
    SUBMIT => "确认提交", "Submit";
    SUBMITTING => "正在提交…", "Submitting…";
    SUBMIT_PHOTOS_SENT_AGAIN => "部分照片需要从本机重新上传（服务器只保留未提交的照片24小时）。上传完成后请再点“确认提交”，不会重复提交。", "Some photos must be uploaded again from this phone (the server keeps unsubmitted photos for only 24 hours). When the upload is done, tap “Submit” again; nothing will be submitted twice.";
    SUBMIT_SAFE_RETRY => "您的申报已保存在本机，请稍后再点“确认提交”，不会重复提交。", "Your application is saved on this phone. Please tap “Submit” again later; nothing will be submitted twice.";
    UPLOAD_NEEDS_RETAKE => "有照片未能上传，请返回“拍照上传材料”重拍或删除。", "Some photos could not be uploaded. Please go back to “Photograph your documents” and retake or delete them.";
    UPLOADS_DONE => "所有照片已上传。", "All photos are uploaded.";
}
pub fn uploads_waiting(done: usize, total: usize) -> String {
    if en() {
        return format!(
            "Photos are uploading ({done}/{total}); you can submit once they are done."
        );
    }
    format!("照片正在上传（{done}/{total}），上传完成后即可提交。")
}
texts! {
    SUBMITTED_TITLE => "申报已提交", "Application submitted";
    CASE_NUMBER => "办件编号", "Case number";
    QUERY_CODE => "查询码", "Query code";
    KEEP_CODES => "请记下办件编号和查询码，查询办理进度时需要。本机已自动加入“我的办件”。", "Please note the case number and query code: you need them to track your application. They have been added to “My applications” on this phone.";
    RECEIPT_NOT_SAVED => "本机未能保存这份回执，关闭页面后将无法再次查看。请现在抄下或截图保存办件编号和查询码。", "This phone could not save the receipt, so you cannot see it again after closing the page. Please write down or take a screenshot of the case number and query code now.";
    EDITS_LEFT_OUT => "请注意：您的申报在修改之前已经提交成功。提交后所做的修改没有包含在这份申报中，工作人员将按提交时的内容办理。如需更改，请联系办理部门；如工作人员要求补正材料，可在办件查询中补正。", "Please note: your application had already been submitted before your changes. Changes made after submitting are not part of it, and staff will handle it as submitted. To change something, contact the department; if staff ask for more documents, you can send them from the tracking page.";
    SUBMIT_UNSUPPORTED => "此浏览器无法安全提交申报，请更换或升级浏览器后重试，也可到窗口办理。", "This browser cannot submit an application safely. Please use another or an updated browser, or apply at a service window.";
    WHAT_NEXT => "接下来", "What happens next";
}
pub fn what_next(service: &str, limit: TimeLimit) -> String {
    if en() {
        let when = match limit {
            TimeLimit::Days { .. } => format!(
                "it will be completed within {} from the day after acceptance",
                time_limit(limit)
            ),
            TimeLimit::OnTheSpot | TimeLimit::NotSet => "it will be completed on the spot".into(),
        };
        return format!("Staff will review your application for “{service}”. Once it is accepted, {when}; if more documents are needed, the tracking page tells you which, one by one.");
    }
    let when = match limit {
        TimeLimit::Days { .. } => format!("将在受理次日起 {}内办结", time_limit(limit)),
        TimeLimit::OnTheSpot | TimeLimit::NotSet => "将当场办结".into(),
    };
    format!("工作人员将审核您的“{service}”申报。受理后，{when}；如需补正材料，会在办件查询中逐项告诉您。")
}
texts! {
    SUBMITTED_AT => "提交时间", "Submitted";
    TRACK_QR_ALT => "办件查询链接的二维码", "QR code of the link to track this application";
    PRINT_RECEIPT => "打印回执", "Print receipt";
    MY_DRAFTS => "未提交的草稿", "Unsent drafts";
    CONTINUE_DRAFT => "继续填写", "Continue";
    SAVED_AT => "保存于", "Saved";
    NO_DRAFTS => "本机没有未提交的草稿。", "There are no unsent drafts on this phone.";
    DELETE_DRAFT => "删除草稿", "Delete draft";
    CONFIRM_DELETE_DRAFT => "确定删除这份草稿和其中的照片吗？删除后无法恢复。", "Delete this draft and its photos? This cannot be undone.";
}
pub fn drafts_waiting(n: usize) -> String {
    if en() {
        let drafts = if n == 1 {
            "1 unsent draft".to_string()
        } else {
            format!("{n} unsent drafts")
        };
        return format!("You have {drafts}; the answers and photos are saved on this phone.");
    }
    format!("您有 {n} 份未提交的申报草稿，内容和照片都已保存在本机。")
}
texts! {
    APPLIES_WHEN => "适用情形", "Applies when";
    APPLY_SEARCH => "搜索可在线申报的事项", "Search services you can apply for online";
    START_INTRO => "在线申报大约需要10分钟，请准备好身份证和需要拍照的材料。", "Applying online takes about 10 minutes. Please have your ID card and the documents to photograph ready.";
    START_OR_CONTINUE => "您有这个事项未提交的草稿，可以继续填写，也可以重新开始。", "You have an unsent draft for this service. You can continue it or start again.";
    START_NEW => "开始申报", "Start application";

    // Photos and uploads.
    PHOTO_NOT_SUPPORTED => "只能上传照片或 PDF 文件", "Only photos or PDF files can be uploaded";
    PHOTO_TOO_LARGE => "文件超过 10 MB，无法上传。请改为拍照上传，或压缩后再选择。", "The file is larger than 10 MB and cannot be uploaded. Please take a photo instead, or compress it and choose it again.";
    PHOTO_HEIC => "您的照片是 HEIC 格式，此浏览器无法读取。请在手机“设置 > 相机 > 格式”中选择“兼容性最佳”后重新拍摄，或截图后上传截图。", "Your photo is in HEIC format, which this browser cannot read. In the phone's Settings > Camera > Formats choose “Most Compatible” and take it again, or upload a screenshot of it.";
    PHOTO_CANNOT_DECODE => "无法读取这张照片，请重新拍摄，或换一张照片上传。", "This photo cannot be read. Please take it again, or upload another photo.";
    PHOTO_FAILED => "照片处理失败，请关闭其他应用后重试，或重新拍摄。", "The photo could not be processed. Please close other apps and try again, or take it again.";
    PHOTO_WARN_SMALL => "照片尺寸太小，文字可能看不清，建议靠近一些重拍", "The photo is small and the text may be hard to read; move closer and take it again";
    PHOTO_WARN_DARK => "照片偏暗，文字可能看不清，建议在光线充足处重拍", "The photo is dark and the text may be hard to read; take it again in good light";
    PHOTO_WARN_BRIGHT => "照片过亮或有反光，文字可能看不清，建议避开强光重拍", "The photo is too bright or has glare; avoid strong light and take it again";
    PHOTO_WARN_BLUR => "照片有些模糊，建议拿稳手机、对准焦点后重拍", "The photo is a little blurred; hold the phone steady, focus and take it again";
    PHOTO_WARN_CUT_OFF => "材料没有拍全，请把整页放进画面后重拍", "Part of the document is missing; fit the whole page in the picture and take it again";
    STORAGE_UNAVAILABLE => "此浏览器无法在本机保存草稿，请勿关闭页面", "This browser cannot save drafts on this phone; please do not close the page";
    STORAGE_FULL => "手机存储空间不足，无法在本机保存。请勿关闭页面，清理空间后重试。", "The phone's storage is full, so nothing can be saved on it. Please do not close the page; free some space and try again.";
    STORAGE_FAILED => "本机保存失败，请勿关闭页面，稍后重试。", "Saving on this phone failed. Please do not close the page and try again later.";
    UPLOAD_PENDING => "等待上传", "Waiting to upload";
    UPLOAD_DONE => "已上传", "Uploaded";
    UPLOAD_RETRY_NETWORK => "网络不畅，恢复后将自动继续上传", "Network problem; the upload continues when the connection is back";
    UPLOAD_RETRY_SERVER => "系统繁忙，稍后将自动重新上传", "The system is busy; the upload will be retried shortly";
    UPLOAD_RETRY_TOMORROW => "今天上传的文件已达每日上限，明天将自动继续上传", "Today's upload limit is reached; the upload continues tomorrow";
    UPLOAD_RETRY_STORAGE => "暂时无法读取本机照片，稍后将自动重试", "The photo on this phone cannot be read right now; retrying shortly";
    UPLOAD_TOO_LARGE => "文件太大，无法上传，请重新拍摄", "The file is too large to upload; please take the photo again";
    UPLOAD_UNSUPPORTED => "文件格式不支持，请上传照片或 PDF 文件", "This file type is not supported; please upload a photo or a PDF file";
    UPLOAD_REFUSED => "上传未被接受，请重新拍摄或选择文件", "The upload was not accepted; please take the photo again or choose another file";
    UPLOAD_LIMIT_REACHED => "这份申报上传的文件已达数量上限，无法继续上传。请到窗口办理，或拨打 12345 咨询。", "This application has reached the maximum number of files. Please apply at a service window, or call 12345 for help.";
    UPLOAD_PHOTO_MISSING => "本机已找不到这张照片，请重新拍摄", "This photo is no longer on this phone; please take it again";

}
pub fn upload_progress(percent: u8) -> String {
    if en() {
        return format!("Uploading {percent}%");
    }
    format!("正在上传 {percent}%")
}

// Case tracking.
texts! {
    TRACK_TITLE => "办件查询", "Track an application";
    TRACK_INTRO => "输入办件编号和查询码，查看办理进度。两者都在提交申请后的回执上。", "Enter the case number and query code to see the progress. Both are on the receipt you got when you applied.";
    CASE_NUMBER_HINT => "回执上的数字编号，如 2026112000001", "The number on the receipt, e.g. 2026112000001";
    QUERY_CODE_HINT => "8 位字母和数字，不区分大小写", "8 letters and digits, not case-sensitive";
    CASE_NUMBER_REQUIRED => "请输入办件编号", "Please enter the case number";
    QUERY_CODE_REQUIRED => "请输入查询码", "Please enter the query code";
    /// The backend's one answer for an unknown number and a wrong code alike.
    CASE_NOT_FOUND => "未找到该办件，请核对办件编号和查询码", "No application found. Please check the case number and query code";
    LOOK_UP => "查询", "Look up";
    LOOKING_UP => "正在查询…", "Looking up…";

}
pub fn case_status(status: CaseStatus) -> &'static str {
    match status {
        CaseStatus::Submitted => pick("待受理", "Awaiting acceptance"),
        CaseStatus::Accepted => pick("已受理", "Accepted"),
        CaseStatus::NotAccepted => pick("不予受理", "Not accepted"),
        CaseStatus::UnderReview => pick("审查中", "Under review"),
        CaseStatus::SupplementRequired => pick("需补正", "More documents needed"),
        CaseStatus::SpecialProcedure => pick("特别程序", "Special procedure"),
        CaseStatus::Approved => pick("准予", "Approved"),
        CaseStatus::Refused => pick("不予许可", "Refused"),
        CaseStatus::Delivered => pick("已送达", "Delivered"),
    }
}

pub fn procedure(kind: SpecialProcedureKind) -> &'static str {
    match kind {
        SpecialProcedureKind::Hearing => pick("听证", "Hearing"),
        SpecialProcedureKind::Inspection => pick("现场勘验", "On-site inspection"),
        SpecialProcedureKind::ExpertReview => pick("专家评审", "Expert review"),
    }
}

/// 星期一 … 星期日 (Mon … Sun), as shown next to dates.
pub fn weekday(day: Weekday) -> &'static str {
    if en() {
        return ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
            [day.num_days_from_monday() as usize];
    }
    [
        "星期一",
        "星期二",
        "星期三",
        "星期四",
        "星期五",
        "星期六",
        "星期日",
    ][day.num_days_from_monday() as usize]
}

texts! {
    MY_CASES => "我的办件", "My applications";
    MY_CASES_EMPTY => "本机还没有保存办件。查询过或在线提交的办件会保存在这里，下次打开即可查看进度。", "No applications are saved on this phone yet. Applications you look up or submit online are kept here, so you can check their progress next time.";
    MY_CASES_NOTE => "以下办件保存在本机，打开本页时自动更新状态。", "These applications are saved on this phone; their status updates when you open this page.";
    REFRESH_ALL => "全部刷新", "Refresh all";

}
pub fn status_changed(before: &str, now: &str) -> String {
    if en() {
        return format!("New progress: {before} → {now}");
    }
    format!("有新进展：{before} → {now}")
}

texts! {
    REFRESHING => "正在更新办件状态…", "Updating the status of your applications…";
    REFRESHED => "已更新全部办件状态", "All statuses are up to date";
    HAS_NEWS => "有新进展", "New progress";
    STATUS => "状态", "Status";
    REMOVE => "移除", "Remove";
    REMOVE_CONFIRM => "确定从本机移除这个办件吗？移除后需重新输入查询码才能查看。", "Remove this application from this phone? You will need the query code to see it again.";
    REMOVE_YES => "确定移除", "Remove";
    CANCEL => "取消", "Cancel";

    DEVICE_DATA => "本机保存的信息", "Data saved on this phone";
    DEVICE_DATA_NOTE => "在公用或借来的手机上办事后，请清除本机保存的草稿、材料照片、我的办件（含查询码）、回执和清单勾选。已提交的办件不受影响。", "After using a public or borrowed phone, clear the drafts, photos, my applications (with query codes), receipts and checklist ticks saved on it. Submitted applications are not affected.";
    CLEAR_DEVICE_DATA => "清除本机数据", "Clear data on this phone";
    CLEAR_DEVICE_DATA_CONFIRM => "确定清除本机保存的全部草稿、照片、我的办件、查询码、回执和清单勾选吗？清除后无法恢复；已提交的办件不受影响，凭办件编号和查询码仍可查询。", "Clear all drafts, photos, my applications, query codes, receipts and checklist ticks saved on this phone? This cannot be undone. Submitted applications are not affected, and you can still look them up with the case number and query code.";
    CLEAR_YES => "确定清除", "Clear";
    DEVICE_DATA_CLEARED => "本机数据已清除。", "The data on this phone has been cleared.";
    DEVICE_DATA_NOT_CLEARED => "部分数据未能清除，请稍后重试，或在浏览器设置中清除本网站的数据。", "Some data could not be cleared. Please try again later, or clear this site's data in the browser settings.";

}
pub fn refresh_failed(n: usize) -> String {
    if en() {
        return format!("{n} could not be updated for now");
    }
    format!("{n} 件办件暂时无法更新")
}

pub fn news_count(n: usize) -> String {
    if en() {
        return format!("{n} with new progress");
    }
    format!("{n} 件有新进展")
}

texts! {
    CASE_TITLE => "办件详情", "Application details";
    BACK_TO_MY_CASES => "‹ 我的办件", "‹ My applications";
    NO_CODE_BODY => "本机没有保存这个办件的查询码。为保护您的信息，请输入办件编号和查询码查询。", "The query code of this application is not saved on this phone. To protect your information, please enter the case number and query code.";
    GO_LOOK_UP => "输入查询码", "Enter query code";
    CURRENT_STATUS => "当前状态", "Current status";
    REFRESH => "刷新", "Refresh";
    REFRESHING_CASE => "正在刷新…", "Refreshing…";
    HANDLING_DEPARTMENT => "办理部门", "Department";
    APPLICANT => "申请人", "Applicant";
    ACCEPTED_ON => "受理日期", "Accepted on";

    TIME_LIMIT => "办理时限", "Time limit";
    DUE_DATE => "承诺办结日期", "Promised decision date";
    DUE_MOVES => "（暂停期间顺延）", " (moves later by any paused time)";
    DUE_TODAY => "今天到期", "Due today";
    CLOCK_PAUSED => "计时已暂停", "Clock paused";
    NOT_STARTED_IMMEDIATE => "本事项为即办件，受理后当场办结。", "This service is handled on the spot: it is completed as soon as it is accepted.";
    PAUSE_REASON => "原因", "Reason";
    PAUSE_HISTORY => "暂停记录", "Pauses";
    PAUSE_SUPPLEMENT => "需补正", "More documents needed";
    SPECIAL_PROCEDURE => "特别程序", "Special procedure";

}
pub fn not_started(limit: TimeLimit) -> String {
    if en() {
        return match limit {
            TimeLimit::Days {
                unit: LimitUnit::WorkingDays,
                ..
            } => format!(
                "The promised time limit is {}, counted from the next working day after acceptance.",
                time_limit(limit)
            ),
            TimeLimit::Days {
                unit: LimitUnit::CalendarDays,
                ..
            } => format!(
                "The promised time limit is {}, counted day by day from the day after acceptance; if the last day is a rest day or public holiday, it moves to the next working day.",
                time_limit(limit)
            ),
            TimeLimit::OnTheSpot | TimeLimit::NotSet => NOT_STARTED_IMMEDIATE().into(),
        };
    }
    match limit {
        TimeLimit::Days {
            unit: LimitUnit::WorkingDays,
            ..
        } => format!(
            "承诺时限为 {}，自受理后的下一个工作日起计算。",
            time_limit(limit)
        ),
        TimeLimit::Days {
            unit: LimitUnit::CalendarDays,
            ..
        } => format!(
            "承诺时限为 {}，自受理次日起逐日计算，期限最后一天遇休息日、节假日的顺延至下一个工作日。",
            time_limit(limit)
        ),
        TimeLimit::OnTheSpot | TimeLimit::NotSet => NOT_STARTED_IMMEDIATE().into(),
    }
}

pub fn days_left(n: i64, unit: LimitUnit) -> String {
    if en() {
        return format!("{} left", day_count(n, unit));
    }
    format!("还剩 {}", day_count(n, unit))
}

pub fn overdue(n: i64, unit: LimitUnit) -> String {
    if en() {
        return format!("Overdue by {}", day_count(n, unit));
    }
    format!("已超期 {}", day_count(n, unit))
}

pub fn paused_left(n: i64, unit: LimitUnit) -> String {
    if en() {
        return format!(
            "Clock paused; {} left once it runs again",
            day_count(n, unit)
        );
    }
    format!("计时已暂停，恢复计时后还剩 {}", day_count(n, unit))
}

pub fn pause_supplement(since: NaiveDate) -> String {
    if en() {
        return format!("The time limit is paused from {} because more documents are needed. It runs again once you send them, and the promised decision date moves later accordingly.", date(since));
    }
    format!("因需补正材料，办理时限自 {since} 起暂停计算。您提交补正材料后恢复计时，承诺办结日期相应顺延。")
}

pub fn pause_special(procedure: &str, since: NaiveDate) -> String {
    if en() {
        return format!("The time limit is paused from {} for a special procedure ({procedure}). Its time is not counted in the time limit, and the promised decision date moves later accordingly.", date(since));
    }
    format!("因进入特别程序（{procedure}），办理时限自 {since} 起暂停计算。特别程序所需时间不计入办理时限，承诺办结日期将相应顺延。")
}

pub fn special(procedure: &str) -> String {
    if en() {
        return format!("Special procedure ({procedure})");
    }
    format!("特别程序（{procedure}）")
}

pub fn pause_span(since: NaiveDate, until: NaiveDate, what: &str) -> String {
    if en() {
        return format!("{} to {}: {what}", date(since), date(until));
    }
    format!("{since} 至 {until}：{what}")
}

texts! {
    TIMELINE => "办理过程", "Progress";
    STEP_HANDLER => "经办人", "Handled by";
    STEP_OPINION => "办理意见", "Opinion";

    SUPPLEMENT_TITLE => "补正材料", "Send more documents";
    SUPPLEMENT_INTRO => "工作人员请您重新提供下列材料。只需拍摄这些材料，每项至少一页，全部上传后点击“提交补正材料”。", "Staff ask you to provide the documents below again. Photograph only these, at least one page each, and when all are uploaded tap “Send documents”.";
    SUPPLEMENT_REASON => "补正原因", "Reason";
    SUBMIT_SUPPLEMENT => "提交补正材料", "Send documents";
    SUPPLEMENT_INCOMPLETE => "还有材料没有上传，请按提示补拍", "Some documents are not uploaded yet; please photograph them as shown";
    SUPPLEMENT_WAIT => "照片还在上传，请稍候再提交", "Photos are still uploading; please wait before sending";
    SUPPLEMENT_SENT => "补正材料已提交，办理时限恢复计算。", "Documents sent. The time limit runs again.";

}
pub fn upload_this(name: &str) -> String {
    if en() {
        return format!("Please upload: {name}");
    }
    format!("请上传：{name}")
}

pub fn supplement_progress(done: usize, total: usize) -> String {
    if en() {
        return format!("{done} of {total} documents uploaded");
    }
    format!("已上传 {done}/{total} 项材料")
}

texts! {
    RESULT_TITLE => "办理结果", "Decision";
    DECISION_REASON => "理由", "Reason";
    APPROVED_NOTE => "您的申请已办结，准予办理。", "Your application is completed and approved.";
    REFUSED_NOTE => "经审查，您的申请不予许可。", "After review, your application is refused.";
    NOT_ACCEPTED_NOTE => "您的申请不予受理。", "Your application was not accepted.";
    APPEAL_REVIEW_TEXT => "如对本决定不服，可以自知道该决定之日起 60 日内依法申请行政复议；", "If you disagree with this decision, you may apply for administrative reconsideration within 60 days of learning of it;";
    APPEAL_LITIGATION_TEXT => "也可以自知道该决定之日起 6 个月内依法向人民法院提起行政诉讼。", "or bring an administrative lawsuit before a people's court within 6 months of learning of it.";
    DELIVERY_TITLE => "结果送达", "Delivery of the result";
    DELIVERY_WAY => "送达方式", "Delivery method";
    DELIVERY_STATUS => "送达状态", "Delivery status";
    DELIVERED => "已送达", "Delivered";
    NOT_YET_DELIVERED => "待送达", "Not yet delivered";
    TRACKING_NUMBER => "快递单号", "Parcel tracking number";
    TRACKING_PENDING => "寄出后在此显示", "Shown here once sent";
    WINDOW_NOTE => "请携带本人身份证件到以下地点领取：", "Please bring your own ID document and collect it at:";
    PLACE_ADDRESS => "地址", "Address";
    PLACE_HOURS => "时间", "Hours";
    SEE_GUIDE => "查看办事指南中的办理地点", "See the places in the service guide";

    RATING_TITLE => "好差评", "Rate the service";
    RATING_LEGEND => "您对本次办理服务满意吗？", "Are you satisfied with how your application was handled?";
    RATING_REASON => "不满意的原因（必填）", "Why are you not satisfied? (required)";
    RATING_COMMENT => "其他意见或建议（选填）", "Other comments or suggestions (optional)";
    RATING_REASON_SHORT => "原因", "Reason";
    RATING_COMMENT_SHORT => "意见", "Comments";
    RATING_SCORE_REQUIRED => "请选择评价等级", "Please choose a rating";
    RATING_REASON_REQUIRED => "请填写不满意的原因", "Please say why you are not satisfied";
    SUBMIT_RATING => "提交评价", "Send rating";
    RATING_ONCE => "一事一评：每个办件只能评价一次。", "One rating per application: each can be rated only once.";
    RATING_THANKS => "感谢您的评价！", "Thank you for your rating!";

}
pub fn rating_label(score: u8) -> &'static str {
    match score {
        5 => pick("非常满意", "Very satisfied"),
        4 => pick("满意", "Satisfied"),
        3 => pick("基本满意", "Fairly satisfied"),
        2 => pick("不满意", "Not satisfied"),
        _ => pick("非常不满意", "Very dissatisfied"),
    }
}

pub fn your_rating(label: &str) -> String {
    if en() {
        return format!("Your rating: {label}");
    }
    format!("您的评价：{label}")
}

// The national guide elements (基本编码, 行使层级, 中介服务, 特别程序, 网办深度, ...).
texts! {
    BASE_CODE => "基本编码", "Basic code";
    IMPL_CODE => "实施编码", "Implementation code";
    LEVELS => "行使层级", "Exercised at";
    QUANTITY_LIMIT => "数量限制", "Quantity limit";
    NO_QUANTITY_LIMIT => "无数量限制", "No quantity limit";
    INTERMEDIARIES => "中介服务", "Intermediary services";
    INTERMEDIARY_PROVIDER => "服务机构", "Provider";
    INTERMEDIARY_TIME => "办理时限", "Time limit";
    INTERMEDIARY_FEE => "收费", "Fee";
    SPECIAL_PROCEDURES => "特别程序（不计入办理时限）", "Special procedures (not counted in the time limit)";
    ONLINE_DEPTH => "网办深度", "Online service level";
    SCOPE => "通办范围", "Where it can be handled";
    APPOINTMENT => "预约办理", "Appointments";
    APPOINTMENT_YES => "可预约到窗口办理", "You can book a visit to the window";
    ONLINE_PAYMENT_YES => "支持网上缴费", "Fees can be paid online";
    PROGRESS => "办理进度查询", "Tracking progress";
    RESULT_SAMPLE => "结果样本", "Sample of the result";
    SPEC => "规格", "Specification";
    ACCEPTANCE => "受理标准", "Acceptance criteria";
    PLACE_PHONE => "电话", "Phone";

}
pub fn level(l: contract::ExerciseLevel) -> &'static str {
    use contract::ExerciseLevel as L;
    match l {
        L::National => pick("国家级", "National"),
        L::Provincial => pick("省级", "Provincial"),
        L::Municipal => pick("市级", "Municipal"),
        L::County => pick("县级", "County"),
        L::Township => pick("镇（乡、街道）级", "Township (town, sub-district)"),
    }
}

pub fn online_depth(d: contract::OnlineDepth) -> &'static str {
    use contract::OnlineDepth as D;
    match d {
        D::Information => pick(
            "一级（网上公开办事指南）",
            "Level 1 (guide published online)",
        ),
        D::Forms => pick("二级（可下载表格）", "Level 2 (forms can be downloaded)"),
        D::OnlineReview => pick(
            "三级（网上申报和预审，到现场一次）",
            "Level 3 (apply and pre-check online, one visit)",
        ),
        D::FullyOnline => pick("四级（全程网办）", "Level 4 (fully online)"),
    }
}

pub fn scope(s: contract::Scope) -> &'static str {
    match s {
        contract::Scope::CityWide => pick(
            "全市通办（可到本市任一办理点办理）",
            "Anywhere in the city (at any service place in the city)",
        ),
        contract::Scope::CrossProvince => pick(
            "跨省通办（可在外省办理）",
            "Across provinces (can be handled in another province)",
        ),
    }
}

pub fn progress_channel(p: contract::ProgressChannel) -> &'static str {
    use contract::ProgressChannel as P;
    match p {
        P::Portal => pick(
            "本平台“办件查询”（凭办件编号和查询码）",
            "“Track an application” on this portal (with case number and query code)",
        ),
        P::Phone => pick("拨打咨询电话", "Call the enquiry line"),
        P::Window => pick("到办理窗口查询", "Ask at the service window"),
        P::PostTracking => pick("凭快递单号查询送达进度", "With the parcel tracking number"),
    }
}

// 预约 and 预审 (src/appointment).
texts! {
    BOOK_VISIT => "预约办理", "Book a visit";
    NEXT_FREE => "最近可约", "Next available";
    NO_FREE_SLOT => "近期号源已约满，请稍后再查看或致电办理地点", "All slots in the coming days are booked. Please check again later or call the service place";
    BOOKING_TITLE => "预约办理", "Book a visit";
    BOOKING_INTRO => "选择办理地点、日期和时段，按预约时间到窗口办理，无需排队取号。", "Choose the place, date and time, and come to the window at that time, without queuing for a number.";
    CHOOSE_PLACE => "办理地点", "Place";
    CHOOSE_DAY => "预约日期", "Date";
    CHOOSE_SLOT => "预约时段", "Time";
    CHOOSE_SLOT_FIRST => "请选择预约时段", "Please choose a time";
    SLOT_FULL => "已约满", "Full";
    EVENING => "延时服务", "Extended hours";
    WEEKEND => "周末", "Weekend";
    HOLIDAY_OPEN => "节假日受理", "Open on holiday";
    NO_SLOTS_DAY => "当天没有可预约的时段", "No times can be booked on this day";
    BOOKER => "预约人信息", "Your details";
    PRECHECK_TITLE => "材料预审（可选）", "Document pre-check (optional)";
    PRECHECK_INTRO => "现在拍照上传申请材料，工作人员会在您到场前预审，有问题会提前告诉您，避免白跑一趟。到窗口时只需核验原件。", "Photograph your documents now and staff check them before your visit, telling you of any problem in advance so you do not come in vain. At the window only the originals are verified.";
    PRECHECK_WAIT => "照片正在上传，请稍候再提交", "Photos are still uploading; please wait before submitting";
    CONFIRM_BOOKING => "确认预约", "Confirm booking";
    BOOKING => "正在预约…", "Booking…";
    TAKE_NEXT_FREE => "改选最近可约时段", "Take the next available time";
    APPOINTMENT_TITLE => "我的预约", "My appointment";
    APPOINTMENT_NUMBER => "预约号", "Appointment number";
    SERVICE_ITEM => "办理事项", "Service";
    VISIT_TIME => "预约时间", "Time";
    CHECK_IN_QR => "签到二维码：到达后向窗口出示", "Check-in QR code: show it at the window when you arrive";
    CLOSURE_REASON => "停约原因", "Why bookings are closed";
    MOVE => "改约", "Change time";
    MOVE_CONFIRM => "确认改约", "Confirm new time";
    CANCEL_APPOINTMENT => "取消预约", "Cancel appointment";
    CANCEL_CONFIRM => "确定取消这个预约吗？取消后号源将释放给其他群众。", "Cancel this appointment? The time will be offered to others.";
    CANCEL_YES => "确定取消", "Cancel it";
    KEEP => "暂不取消", "Keep it";
    CANCELLED_NOTICE => "预约已取消", "Appointment cancelled";
    MOVED_NOTICE => "已改约到新的时段", "Moved to the new time";
    NO_LONGER_CHANGEABLE => "已过取消和改约的截止时间。如不能按时到场，请致电办理地点。", "It is too late to cancel or change. If you cannot come on time, please call the service place.";
    PRECHECK_RESULT => "材料预审", "Document pre-check";
    PRECHECK_NONE => "未上传预审材料。到窗口时请携带全部材料原件。", "No documents were uploaded for pre-check. Please bring all originals to the window.";
    REPHOTOGRAPH => "重新拍摄需补正的材料后提交，工作人员会再次预审。", "Photograph the documents to correct again and send them; staff will check them again.";
    SEND_FIXES => "提交补正照片", "Send corrected photos";
    FIXES_SENT => "补正照片已提交，等待预审", "Corrected photos sent, waiting for the pre-check";
    PHOTOGRAPH_FIRST => "请先拍摄需补正的材料", "Please photograph the documents to correct first";
    APPOINTMENT_NOT_ON_DEVICE => "本机没有这个预约的查询码，无法查看。", "The query code of this appointment is not on this phone, so it cannot be shown.";
    APPOINTMENT_NOT_FOUND => "未找到该预约，请核对预约号和查询码", "No appointment found. Please check the appointment number and query code";
    MY_APPOINTMENTS => "我的预约", "My appointments";
    MY_APPOINTMENTS_NOTE => "以下预约保存在本机。", "These appointments are saved on this phone.";
    KEEP_NUMBER_NOTE => "预约号和查询码已保存在本机“我的预约”中，建议截图保存。", "The appointment number and query code are saved in “My appointments” on this phone; a screenshot is a good idea too.";

}
pub fn appointment_status(s: contract::appointment::AppointmentStatus) -> &'static str {
    use contract::appointment::AppointmentStatus as S;
    match s {
        S::Booked => pick("已预约", "Booked"),
        S::Arrived => pick("已签到", "Checked in"),
        S::NoShow => pick("未到", "Missed"),
        S::Cancelled => pick("已取消", "Cancelled"),
        S::Closed => pick("已停约", "Closed"),
    }
}

pub fn precheck_verdict(v: contract::appointment::PrecheckVerdict) -> &'static str {
    use contract::appointment::PrecheckVerdict as V;
    match v {
        V::Pending => pick("待预审", "Waiting for pre-check"),
        V::Passed => pick("合格", "Passed"),
        V::NeedsFix => pick("需补正", "Needs correction"),
    }
}

/// 3月3日（星期二） / 3 Mar (Tue).
pub fn visit_day(date: NaiveDate) -> String {
    if en() {
        return format!(
            "{} {} ({})",
            date.day(),
            month_abbr(date.month()),
            weekday(date.weekday())
        );
    }
    format!(
        "{}月{}日（{}）",
        date.month(),
        date.day(),
        weekday(date.weekday())
    )
}

/// 3月3日（星期二）09:00–09:30.
pub fn visit_time(
    date: NaiveDate,
    start: contract::appointment::ClockTime,
    end: contract::appointment::ClockTime,
) -> String {
    format!("{} {start}–{end}", visit_day(date))
}

pub fn slots_left(n: u32) -> String {
    if en() {
        return format!("{n} left");
    }
    format!("余{n}个")
}

pub fn change_until(at: &str) -> String {
    if en() {
        return format!("You can cancel or change until {at}");
    }
    format!("{at}前可取消或改约")
}

pub fn pages_sent(n: u32) -> String {
    match (current(), n) {
        (Lang::Zh, _) => format!("已上传{n}页"),
        (Lang::En, 1) => "1 page uploaded".into(),
        (Lang::En, _) => format!("{n} pages uploaded"),
    }
}

// 咨询, 投诉 and 差评整改 (`feedback`).
texts! {
    ASK => "我要咨询", "Ask a question";
    ASK_TITLE => "咨询", "Question";
    ASK_INTRO => "工作人员答复后，答复会显示在“办件查询”页的“我的咨询与投诉”中。", "When staff reply, the answer appears under “My questions and complaints” on the Track page.";
    QUESTION => "您的问题", "Your question";
    QUESTION_HINT => "5至500个字，请不要填写身份证号码等个人信息", "5 to 500 characters; please do not include your ID number or other personal details";
    FEEDBACK_PHONE => "手机号码（选填）", "Mobile number (optional)";
    FEEDBACK_PHONE_HINT => "需要电话答复时填写，不会公开", "If you want a reply by phone; it is not made public";
    SEND_QUESTION => "提交咨询", "Send question";
    COMPLAIN => "我要投诉", "Make a complaint";
    COMPLAIN_CASE => "投诉此办件", "Complain about this application";
    COMPLAIN_TITLE => "投诉", "Complaint";
    COMPLAIN_ABOUT => "投诉对象", "Complaint about";
    ABOUT_SERVICE => "事项本身（流程、材料、规定）", "The service itself (procedure, documents, rules)";
    ABOUT_WINDOW => "办理窗口", "A service window";
    PLACE => "办理地点", "Place";
    CATEGORY => "投诉类别", "Category";
    CATEGORY_REQUIRED => "请选择投诉类别", "Please choose a category";
    DESCRIPTION => "具体情况", "What happened";
    DESCRIPTION_HINT => "5至500个字：时间、窗口、经过", "5 to 500 characters: when, which window, what happened";
    SEND_COMPLAINT => "提交投诉", "Send complaint";
    DRAFT_KEPT => "填写的内容已自动保存在本机，网络中断或刷新页面不会丢失。", "What you write is saved on this phone automatically; it is not lost if the network drops or the page reloads.";
    SEND_FAILED_KEPT => "提交未成功，您填写的内容已保存在本机，请稍后重试。", "Sending failed. What you wrote is saved on this phone; please try again later.";
    MY_TICKETS => "我的咨询与投诉", "My questions and complaints";
    MY_TICKETS_EMPTY => "本机还没有咨询或投诉。", "No questions or complaints on this phone yet.";
    TICKET_NUMBER => "编号", "Number";
    TICKET_TITLE_INQUIRY => "我的咨询", "My question";
    TICKET_TITLE_COMPLAINT => "我的投诉", "My complaint";
    TICKET_RECEIVED => "已提交，请记下编号和查询码，换手机也能查询。", "Sent. Please note the number and query code; you can look it up from any phone.";
    TICKET_NO_CODE => "本机没有该编号的查询码，请在“办件查询”页输入编号和查询码查询。", "The query code of this number is not on this phone. Please enter the number and query code on the Track page.";
    ANSWER => "答复", "Reply";
    NOT_ANSWERED => "待答复", "Awaiting reply";
    ANSWERED => "已答复", "Replied";
    REPLY_DUE => "答复期限", "Reply due";
    REPLY => "答复内容", "Reply";
    REPLIED_ON => "答复日期", "Replied on";
    ABOUT => "关于", "About";
    FOLLOW_UP_TITLE => "差评整改", "Follow-up of a poor rating";
    FOLLOW_UP_DUE => "整改期限", "Due";
    FOLLOW_UP_CONTACT => "回访情况", "Follow-up call";
    FOLLOW_UP_RECTIFICATION => "整改情况", "Improvements made";
    FOLLOW_UP_OPEN => "您的评价已转交，工作人员将回访并整改。", "Your rating has been passed on; staff will contact you and put things right.";
    CASE_COMPLAINTS => "关于本办件的投诉", "Complaints about this application";
    TRACK_TICKET_HINT => "咨询、投诉编号以ZX、TS开头", "Question and complaint numbers start with ZX and TS";

}
pub fn chars_left(n: usize) -> String {
    if en() {
        return format!("{n} characters left");
    }
    format!("还可输入{n}个字")
}

pub fn reply_within(days: u32) -> String {
    if en() {
        return format!(
            "Staff will reply within {}.",
            day_count(days, LimitUnit::WorkingDays)
        );
    }
    format!("工作人员将在{days}个工作日内答复。")
}

pub fn complaint_category(c: contract::feedback::ComplaintCategory) -> &'static str {
    use contract::feedback::ComplaintCategory as C;
    let en_text = match c {
        C::Attitude => "Staff attitude",
        C::Overdue => "Took too long",
        C::RepeatedVisits => "Had to come several times",
        C::Overcharging => "Charged wrongly",
        C::Other => "Other",
    };
    pick(c.label(), en_text)
}

pub fn complaint_status(s: contract::feedback::ComplaintStatus) -> &'static str {
    use contract::feedback::ComplaintStatus as S;
    let en_text = match s {
        S::Received => "Received",
        S::InProgress => "In progress",
        S::Replied => "Replied",
    };
    pick(s.label(), en_text)
}

pub fn follow_up_status(s: contract::feedback::FollowUpStatus) -> &'static str {
    use contract::feedback::FollowUpStatus as S;
    let en_text = match s {
        S::Open => "Awaiting follow-up call",
        S::Contacted => "Called back",
        S::Rectified => "Put right",
    };
    pick(s.label(), en_text)
}

pub fn follow_up_within(days: u32) -> String {
    if en() {
        return format!(
            "Staff will contact you and put things right within {}.",
            day_count(days, LimitUnit::WorkingDays)
        );
    }
    format!("工作人员将在{days}个工作日内回访并整改。")
}

// 效能公开.
texts! {
    PERFORMANCE_TITLE => "效能公开", "Performance";
    PERFORMANCE_BY_MONTH => "各月办件情况", "Applications by month";
    LAST_90_DAYS => "近 90 天", "Last 90 days";
    DECIDED => "办结", "Decided";
    AVERAGE_TIME => "平均用时", "Average time";
    ON_TIME_RATE => "按时办结率", "Decided on time";
    SATISFACTION_RATE => "满意率", "Satisfaction";
    TOO_FEW_CASES => "不足 5 件，不公布", "Fewer than 5, not published";
    VIEW_GUIDE => "查看办事指南", "See the service guide";
    DEPARTMENT_SERVICES => "本部门各事项（近 90 天）", "This department's services (last 90 days)";
    PERFORMANCE_NOTE => "以上数据由系统根据本平台办件自动统计，不含个人信息。用时按工作日计算，自受理次日起至作出决定之日，不含补正、特别程序等暂停计时的时间；按时办结指在承诺办结日期当日或之前作出决定；满意率为“非常满意”“满意”评价占全部评价的比例。办件或评价不足 5 件时不公布比例。", "These figures are computed automatically from the applications on this platform and contain no personal information. Time is counted in working days from the day after acceptance to the day of the decision, leaving out paused time such as waiting for documents or special procedures. On time means decided on or before the promised date. Satisfaction is the share of “Very satisfied” and “Satisfied” among all ratings. Rates are not published for fewer than 5 applications or ratings.";

}
pub fn case_count(n: u32) -> String {
    if en() {
        return number(u64::from(n));
    }
    format!("{n} 件")
}

pub fn percent(p: u32) -> String {
    format!("{p}%")
}

/// 2.1 个工作日, from a figure with one decimal (no float formatting in the wasm).
pub fn working_days_tenths(days: f64) -> String {
    let tenths = (days * 10.0).round().max(0.0) as u64;
    if en() {
        return format!("{}.{} working days", tenths / 10, tenths % 10);
    }
    format!("{}.{} 个工作日", tenths / 10, tenths % 10)
}

/// "近 90 天办结 124 件，平均用时 2.1 个工作日，按时办结率 99%，满意率 97%", saying so where
/// there were too few cases or ratings for a figure.
pub fn performance_line(f: &contract::Figures) -> String {
    if en() {
        let Some(average) = f.average_working_days else {
            return format!(
                "{} decided in the last 90 days: fewer than 5, so time, on-time rate and satisfaction are not published",
                f.decided
            );
        };
        let mut line = format!(
            "{} decided in the last 90 days, on average in {}",
            number(u64::from(f.decided)),
            working_days_tenths(average)
        );
        if let Some(p) = f.on_time_percent {
            line.push_str(&format!(", {p}% on time"));
        }
        match f.satisfied_percent {
            Some(p) => line.push_str(&format!(", {p}% satisfied")),
            None => line.push_str(&format!(
                ", {} ratings: fewer than 5, so satisfaction is not published",
                f.rated
            )),
        }
        return line;
    }
    let Some(average) = f.average_working_days else {
        return format!(
            "近 90 天办结 {} 件，不足 5 件，暂不公布用时、按时办结率和满意率",
            f.decided
        );
    };
    let mut line = format!(
        "近 90 天办结 {} 件，平均用时 {}",
        f.decided,
        working_days_tenths(average)
    );
    if let Some(p) = f.on_time_percent {
        line.push_str(&format!("，按时办结率 {p}%"));
    }
    match f.satisfied_percent {
        Some(p) => line.push_str(&format!("，满意率 {p}%")),
        None => line.push_str(&format!("，评价 {} 件，不足 5 件，暂不公布满意率", f.rated)),
    }
    line
}

pub fn department_performance(department: &str) -> String {
    if en() {
        return format!("Performance of {department}");
    }
    format!("{department}效能公开")
}

/// "2026 年 3 月", with the day it runs to when the month is not over.
pub fn month_label(from: NaiveDate, to: NaiveDate) -> String {
    if en() {
        let month = format!("{} {}", month_abbr(from.month()), from.year());
        return match to.succ_opt() {
            Some(next) if next.month() == to.month() => {
                format!("{month} (to {} {})", to.day(), month_abbr(to.month()))
            }
            _ => month,
        };
    }
    let month = format!("{} 年 {} 月", from.year(), from.month());
    match to.succ_opt() {
        Some(next) if next.month() == to.month() => format!("{month}（截至 {} 日）", to.day()),
        _ => month,
    }
}

// 长辈版 home page and offline copies of personal lists.
texts! {
    ENTRY_MY_CASES_NOTE => "本机保存的办件", "Applications saved on this phone";
    MY_CASES_OFFLINE => "网络未连接，以下是本机上次保存的办件状态。", "No network connection. These are the statuses last saved on this phone.";
}

/// A case row that could not be refreshed offline: the status shown is the one saved at `at`.
pub fn status_saved_at(at: Option<&str>) -> String {
    if en() {
        return match at {
            Some(at) => format!("No network: status as saved at {at}"),
            None => "No network: status as saved on this phone".into(),
        };
    }
    match at {
        Some(at) => format!("网络未连接，状态为{at}保存的信息"),
        None => "网络未连接，状态为本机保存的信息".into(),
    }
}

/// The case page shown from the copy saved on the device.
pub fn case_saved_at(at: &str) -> String {
    if en() {
        return format!("No network connection. This is the application as saved at {at}; please refresh once you are online.");
    }
    format!("网络未连接，以下是{at}保存的办件信息，联网后请刷新。")
}

// 办件公示.
texts! {
    PUBLICATIONS_TITLE => "办件公示（行政许可）", "Published licensing decisions";
    PUBLICATIONS_LEAD => "依法公示对法人和其他组织作出的行政许可决定，自作出决定之日起 7 个工作日内公示。不公示自然人信息。", "Licensing decisions on legal persons and other organisations are published as the law requires, within 7 working days of the decision. Decisions on individuals are not published.";
    PUBLICATIONS_SEARCH => "搜索单位名称、统一社会信用代码或事项", "Search by organisation name, unified social credit code or service";
    PUBLICATIONS_NONE => "没有找到相关公示", "No matching decisions";
    PUBLICATION_KIND => "行政许可决定公示", "Published licensing decision";
    CREDIT_CODE => "统一社会信用代码", "Unified social credit code";
    LICENSED_SERVICE => "许可事项", "Licensed service";
    DECISION => "许可决定", "Decision";
    DECIDED_ON => "决定日期", "Decided on";
    DECIDING_DEPARTMENT => "许可机关", "Deciding authority";
    PUBLISHED_ON => "公示日期", "Published on";
    ALL_PUBLICATIONS => "查看全部公示", "See all decisions";

}
pub fn published_decision(d: contract::PublishedDecision) -> &'static str {
    match d {
        contract::PublishedDecision::Approved => pick("准予行政许可", "Licence granted"),
        contract::PublishedDecision::Refused => pick("不予行政许可", "Licence refused"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_of_limit_reads_as_what_it_is() {
        assert_eq!(time_limit(TimeLimit::working_days(15)), "15 个工作日");
        assert_eq!(time_limit(TimeLimit::calendar_days(60)), "60 日（自然日）");
        assert_eq!(time_limit(TimeLimit::OnTheSpot), "当场办结");
        assert_eq!(time_limit(TimeLimit::NotSet), "法律未规定时限");
        let basis = LegalBasis {
            law: "《中华人民共和国护照法》".into(),
            article: "第六条".into(),
        };
        assert_eq!(set_by(&basis), "（依据《中华人民共和国护照法》第六条）");
        assert_eq!(
            not_started(TimeLimit::working_days(5)),
            "承诺时限为 5 个工作日，自受理后的下一个工作日起计算。"
        );
        assert!(
            not_started(TimeLimit::calendar_days(15)).starts_with("承诺时限为 15 日（自然日），")
        );
        assert_eq!(not_started(TimeLimit::OnTheSpot), NOT_STARTED_IMMEDIATE());
        assert!(what_next("护照", TimeLimit::calendar_days(3))
            .contains("受理次日起 3 日（自然日）内办结"));
    }

    #[test]
    fn performance_line_reads_as_the_guide_shows_it() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        let mut f = contract::Figures {
            from: d("2026-09-01"),
            to: d("2026-11-29"),
            decided: 124,
            average_working_days: Some(2.1),
            on_time_percent: Some(99),
            rated: 80,
            satisfied_percent: Some(97),
        };
        assert_eq!(
            performance_line(&f),
            "近 90 天办结 124 件，平均用时 2.1 个工作日，按时办结率 99%，满意率 97%"
        );
        f.satisfied_percent = None;
        f.rated = 3;
        assert!(performance_line(&f).ends_with("评价 3 件，不足 5 件，暂不公布满意率"));
        f.average_working_days = None;
        f.decided = 4;
        assert_eq!(
            performance_line(&f),
            "近 90 天办结 4 件，不足 5 件，暂不公布用时、按时办结率和满意率"
        );
        assert_eq!(working_days_tenths(0.0), "0.0 个工作日");
        assert_eq!(
            month_label(d("2026-11-01"), d("2026-11-29")),
            "2026 年 11 月（截至 29 日）"
        );
        assert_eq!(
            month_label(d("2026-10-01"), d("2026-10-31")),
            "2026 年 10 月"
        );
    }

    /// Runs `f` as a page in English renders it (the server's way: `Lang` as context).
    fn in_english<T>(f: impl FnOnce() -> T) -> T {
        let owner = leptos::prelude::Owner::new();
        owner.with(|| {
            leptos::prelude::provide_context(Lang::En);
            f()
        })
    }

    #[test]
    fn english_pages_get_english_dates_numbers_and_limits() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        in_english(|| {
            assert_eq!(SITE_TITLE(), "Government Services Online");
            assert_eq!(visit_day(d("2026-03-03")), "3 Mar (Tue)");
            assert_eq!(date(d("2026-11-23")), "23 Nov 2026");
            assert_eq!(date_with_weekday(d("2026-11-23")), "Mon 23 Nov 2026");
            assert_eq!(time_limit(TimeLimit::working_days(1)), "1 working day");
            assert_eq!(time_limit(TimeLimit::calendar_days(60)), "60 calendar days");
            assert_eq!(result_count(12345), "12,345 services");
            assert_eq!(
                case_status(CaseStatus::SupplementRequired),
                "More documents needed"
            );
            assert_eq!(
                month_label(d("2026-11-01"), d("2026-11-29")),
                "Nov 2026 (to 29 Nov)"
            );
            assert_eq!(
                error_message(contract::ErrorCode::RateLimited),
                Some("Too many requests. Please wait a moment and try again.")
            );
            assert_eq!(error_message(contract::ErrorCode::Unknown), None);
            assert_eq!(field_message("此项为必填项"), "This field is required");
            assert_eq!(
                field_message("请选择：由谁办理？"),
                "Please choose: 由谁办理？"
            );
            assert_eq!(field_message("不能超过50个字"), "At most 50 characters");
            assert_eq!(field_message("未知的消息"), "未知的消息");
        });
        // Chinese pages keep the backend's own message and the Chinese forms.
        assert_eq!(visit_day(d("2026-03-03")), "3月3日（星期二）");
        assert_eq!(date_with_weekday(d("2026-11-23")), "2026-11-23（星期一）");
        assert_eq!(error_message(contract::ErrorCode::RateLimited), None);
    }
}

// 一件事一次办: the list of bundles, a bundle's guide, the lines on the home page and a guide.
texts! {
    BUNDLES_TITLE => "一件事一次办", "One thing, one application";
    BUNDLES_LEAD => "一件事涉及多个部门的事项，合在一起办：一张清单、一次申请，各部门同步审查。", "Services of several departments that one life event needs, done together: one list, one application, examined by the departments at the same time.";
    BUNDLES_NONE => "暂无可以一次办理的“一件事”。", "No bundle is offered yet.";
    BUNDLE_DEPARTMENTS => "涉及部门", "Departments";
    BUNDLE_LEAD_DEPARTMENT => "牵头部门", "Lead department";
    BUNDLE_SITUATION_HINT => "请根据您的情况选择，下面的清单和事项会随之变化。", "Choose what fits your case; the list and services below change with it.";
    BUNDLE_OVERALL_LIMIT => "一件事承诺时限", "Promised time for the whole";
    BUNDLE_SERVICES_COUNT => "包含事项", "Services";
    BUNDLE_OVERALL_NOTE => "各部门同步审查（并联审批），全部事项在一件事承诺时限内办结；各部门的时限见下方。", "The departments examine the application at the same time; every service is done within the promised time for the whole. Each department's own limits are below.";
    BUNDLE_APPLY => "在线申请", "Apply online";
    BUNDLE_CHECKLIST => "一次性告知清单", "One-time list";
    BUNDLE_SHARED => "共用材料（只需提交一次）", "Shared materials (given once)";
    BUNDLE_USED_FOR => "用于", "Used for";
    BUNDLE_NO_OTHER => "无其他材料。", "No other material.";
    BUNDLE_DEPARTMENT_LIMITS => "各部门办理时限", "Each department's time limits";
    BUNDLE_ON_GUIDE => "本事项可以和其他事项一起办：", "This service can be done together with others: ";
}

/// Why a bundle is not applied for online: the services that need the window.
pub fn bundle_at_window(services: &str, lead: &str) -> String {
    match crate::i18n::lang::current() {
        crate::i18n::lang::Lang::Zh => {
            format!("{services}需要到窗口办理，请带齐下列材料到{lead}窗口一次申请。")
        }
        crate::i18n::lang::Lang::En => format!(
            "{services} must be applied for at a window: bring the materials below to a window of {lead} and apply once."
        ),
    }
}

/// "共 3 个事项".
pub fn bundle_service_count(n: usize) -> String {
    match crate::i18n::lang::current() {
        crate::i18n::lang::Lang::Zh => format!("共 {n} 个事项"),
        crate::i18n::lang::Lang::En => format!("{n} services"),
    }
}

// 我的预约 offline.
texts! {
    MY_APPOINTMENTS_OFFLINE => "网络未连接，以下是本机上次保存的预约状态。", "No network connection: these are the appointments as last saved on this device.";
}

/// An appointment's page shown from the copy saved on the device at `at`.
pub fn appointment_saved_at(at: Option<&str>) -> String {
    match (crate::i18n::lang::current(), at) {
        (crate::i18n::lang::Lang::Zh, Some(at)) => {
            format!("网络未连接，以下是{at}保存的预约信息，可能不是最新。")
        }
        (crate::i18n::lang::Lang::Zh, None) => {
            "网络未连接，以下是本机保存的预约信息，可能不是最新。".into()
        }
        (crate::i18n::lang::Lang::En, Some(at)) => {
            format!("No network connection: this appointment as saved on {at}; it may be out of date.")
        }
        (crate::i18n::lang::Lang::En, None) => {
            "No network connection: this appointment as saved on this device; it may be out of date.".into()
        }
    }
}

// 一件事 (bundles): one application, one case with a track per department.
texts! {
    TRACKS_TITLE => "各部门办理进度", "Progress in each department";
    TRACKS_INTRO => "以下部门同时审查（并联审批），各自计时；整体办结日期以最晚的为准。", "These departments examine your application at the same time, each with its own clock; the whole is due on the latest of their dates.";
    TRACK_NUMBER => "子件编号", "Sub-case";
    TRACK_NOT_ACCEPTED_YET => "受理后开始计时", "The clock starts once accepted";
    OVERALL_DUE_DATE => "整体办结日期", "Overall due date";
    OVERALL_NOT_STARTED => "各部门都受理后显示整体办结日期（以最晚的部门为准）。", "The overall due date shows once every department has accepted (the latest of them).";
    OVERALL_DUE_NOTE => "整体办结日期为各部门承诺办结日期中最晚的一个。", "The overall due date is the latest of the departments' due dates.";
    LEAD_DEPARTMENT => "牵头部门", "Lead department";
    BUNDLE_APPLY_LEAD => "申请人信息只填一次，每份材料只拍一次，各部门同时办理。", "Give the applicant once and photograph each material once; the departments handle it at the same time.";
    BUNDLE_APPLY_START => "开始申请", "Start the application";
    BUNDLE_APPLY_CONTINUE => "继续填写上次的申请", "Continue where you left off";
    BUNDLE_WILL_APPLY => "本次将同时办理：", "This application covers:";
    BUNDLE_SITUATION_TITLE => "您的情况", "Your situation";
    SHARED_MATERIAL_NOTE => "只需拍一次，同时用于：", "Photographed once, used for:";
    BUNDLE_NOT_FOUND => "未找到该一件事", "No such bundle";
    SUPPLEMENT_NEXT => "本项也需补正，请先提交上面一项的补正材料，随后在此提交。", "This one needs materials too: send the one above first, then these here.";
}

/// A track's 承诺办结日期.
pub fn track_due(date: &str) -> String {
    match crate::i18n::lang::current() {
        crate::i18n::lang::Lang::Zh => format!("承诺办结：{date}"),
        crate::i18n::lang::Lang::En => format!("Due: {date}"),
    }
}

/// The summary of a track's folded steps.
pub fn track_steps(n: usize) -> String {
    match crate::i18n::lang::current() {
        crate::i18n::lang::Lang::Zh => format!("办理过程（{n} 步）"),
        crate::i18n::lang::Lang::En => format!("Steps ({n})"),
    }
}

/// The intro of one service's question page in a bundle application.
pub fn bundle_service_intro(department: &str) -> String {
    match crate::i18n::lang::current() {
        crate::i18n::lang::Lang::Zh => format!("以下内容由{department}审查。"),
        crate::i18n::lang::Lang::En => format!("{department} examines what you give here."),
    }
}

// 办件公示 for applications made in the name of a legal person (法人或其他组织).
texts! {
    APPLY_AS => "以谁的名义申请", "In whose name are you applying?";
    APPLY_AS_PERSON => "个人", "Myself, as an individual";
    APPLY_AS_ORGANISATION => "企业或其他组织", "A company or other organisation";
    APPLY_AS_HINT => "为公司、个体工商户、社会组织等单位申请的，请选择“企业或其他组织”。", "Choose “a company or other organisation” when applying for a company, a sole trader's business or another organisation.";
    ORGANISATION => "申请单位", "Applying organisation";
    ORGANISATION_NAME => "单位名称", "Name of the organisation";
    ORGANISATION_NAME_HINT => "与营业执照等主体资格证明上的名称一致", "As on its business licence or other registration";
    CREDIT_CODE_HINT => "18位，见营业执照；字母不含I、O、S、V、Z", "18 characters, on the business licence; no letters I, O, S, V or Z";
    LEGAL_REPRESENTATIVE => "法定代表人（负责人）", "Legal representative (person in charge)";
    LEGAL_REPRESENTATIVE_HINT => "填写单位法定代表人（负责人）本人的信息。由其他人员经办的，请在下方勾选“由经办人办理”。", "Give the details of the organisation's legal representative. If someone else handles the application, tick “handled by a staff member” below.";
    HANDLED_BY_STAFF => "由经办人办理（不是法定代表人本人，需上传授权委托书）", "Handled by a staff member (not the legal representative; an authorisation letter is needed)";
    HANDLER => "经办人", "Staff member handling it";
    HANDLER_HINT => "受单位委托办理的人员，需上传单位出具的授权委托书。", "The person the organisation authorised; upload the organisation's letter of authorisation.";
    APPLYING_IN_NAME_OF => "申请主体", "Applying in the name of";
    PUBLICATIONS_OF_SERVICE => "本事项：", "This service: ";
    GUIDE_DECISIONS_PUBLISHED => "本事项对企业等单位作出的许可决定，自决定之日起7个工作日内公示。", "Licensing decisions of this service on companies and other organisations are made public within 7 working days.";
    GUIDE_SEE_PUBLICATIONS => "查看本事项的办件公示", "See this service's published decisions";
    HOME_PUBLIC_LINKS => "政务公开", "Open government";
    HOME_PUBLICATIONS => "办件公示（行政许可决定）", "Published licensing decisions";
    CASE_PUBLICATION_TITLE => "许可决定公示", "Publication of the decision";
    CASE_PUBLICATION_TEXT => "按照行政许可“双公示”的规定，对单位作出的许可决定自决定之日起7个工作日内向社会公示。公示内容：单位名称、统一社会信用代码、许可事项、许可决定、决定日期和许可机关；不公示经办人等个人信息。", "Under the rules on making licensing decisions public, a decision on an organisation is published within 7 working days of the decision: the organisation's name, its unified social credit code, the service, the decision, its date and the deciding department. Nothing about the people who applied for it is published.";
    CASE_PUBLICATION_LINK => "查看公示内容", "See what is published";
}

/// "已于 2026-03-03 公示".
pub fn case_published_on(date: &str) -> String {
    match crate::i18n::lang::current() {
        crate::i18n::lang::Lang::Zh => format!("本决定已于 {date} 公示。"),
        crate::i18n::lang::Lang::En => format!("This decision was published on {date}."),
    }
}
