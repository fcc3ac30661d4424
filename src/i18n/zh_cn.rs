//! Simplified Chinese page text.

use contract::chrono::{NaiveDate, Weekday};
use contract::{
    Audience, CaseStatus, CaseType, Channel, LegalBasis, LimitUnit, MaterialForm, Necessity,
    ServiceKind, SpecialProcedureKind, TimeLimit,
};

pub const SITE_TITLE: &str = "政务服务网上办事";
pub const SKIP_TO_MAIN: &str = "跳到主要内容";
pub const HOME: &str = "首页";
pub const LOADING: &str = "正在加载…";
pub const RETRY: &str = "重试";
pub const ERROR_NETWORK: &str = "网络连接失败，请检查网络后重试。";
pub const ERROR_SERVER: &str = "系统暂时无法访问，请稍后重试。";
pub const ERROR_TITLE: &str = "暂时无法加载";
pub const NOT_FOUND_TITLE: &str = "页面不存在";
pub const NOT_FOUND_BODY: &str = "您访问的页面不存在或已调整。";
pub const BACK_HOME: &str = "返回首页";
pub const ELDER_MODE: &str = "长辈版（大字）";

// Home.
pub const SEARCH_LABEL: &str = "搜索办事事项";
pub const SEARCH_PLACEHOLDER: &str = "例如：身份证、营业执照、社保";
pub const SEARCH_BUTTON: &str = "搜索";
pub const ENTRY_GUIDE: &str = "办事指南";
pub const ENTRY_GUIDE_NOTE: &str = "材料、时限、收费一查就懂";
pub const ENTRY_CHECKLIST: &str = "一次性告知清单";
pub const ENTRY_CHECKLIST_NOTE: &str = "该带什么，一次说清";
pub const ENTRY_APPLY: &str = "在线申报";
pub const ENTRY_APPLY_NOTE: &str = "手机拍照，网上提交";
pub const ENTRY_TRACK: &str = "办件查询";
pub const ENTRY_TRACK_NOTE: &str = "办到哪了，随时查看";
pub const SEARCH_RESULTS: &str = "搜索结果";
pub const SEE_ALL_RESULTS: &str = "查看全部搜索结果";
pub const MAIN_ENTRIES: &str = "常用服务";
pub const HOTLINE_NOTE: &str = "咨询投诉请拨打 12345 政务服务便民热线";

// Service list.
pub const LIST_TITLE: &str = "办事指南";
pub const SHOW_MORE: &str = "显示更多";
pub const NO_MATCH: &str = "没有找到相关事项";
pub const NO_MATCH_HINT: &str =
    "请换个说法试试，例如少输几个字，或输入拼音首字母（如 sfz）。也可拨打 12345 咨询。";
pub fn result_count(n: usize) -> String {
    format!("共 {n} 项")
}

// Guide.
pub const PROMISED_LIMIT: &str = "承诺时限";
pub const STATUTORY_LIMIT: &str = "法定时限";
pub const FEE: &str = "收费";
pub const FREE: &str = "不收费";
pub const VISITS: &str = "到现场次数";
pub const ONLINE: &str = "网上申报";
pub const ONLINE_YES: &str = "可在线申报";
pub const ONLINE_NO: &str = "需到窗口办理";
pub const MATERIALS: &str = "申请材料";
pub const CONDITIONS: &str = "受理条件";
pub const FEES: &str = "收费标准";
pub const LEGAL_BASIS: &str = "设定依据";
pub const PROCESS: &str = "办理流程";
pub const PLACES: &str = "办理地点和时间";
pub const CONTACTS: &str = "咨询和投诉";
pub const CONSULT_PHONE: &str = "咨询电话";
pub const COMPLAINT_PHONE: &str = "监督投诉电话";
pub const RESULT: &str = "办理结果";
pub const FAQ: &str = "常见问题";
pub const REFUSAL: &str = "不予受理情形";
pub const APPEAL: &str = "救济途径";
pub const APPEAL_REVIEW: &str = "行政复议";
pub const APPEAL_LITIGATION: &str = "行政诉讼";
pub const DEPARTMENT: &str = "实施主体";
pub const DELEGATED: &str = "受委托部门";
pub const KIND: &str = "事项类型";
pub const AUDIENCE: &str = "服务对象";
pub const CASE_TYPE: &str = "办件类型";
pub const CHANNELS: &str = "办理形式";
pub const BASIS: &str = "依据";
pub const REDUCTIONS: &str = "减免";
pub const NO_NEED_TO_BRING: &str = "无需提交，由窗口通过数据共享核验";
pub const BLANK_FORM: &str = "空白表格";
pub const SAMPLE: &str = "示例样表";
pub const VERSION: &str = "版本";
pub const UPDATED: &str = "更新日期";
pub const APPLY_ONLINE: &str = "在线申报";
pub const VIEW_CHECKLIST: &str = "一次性告知清单";
pub const OVERVIEW: &str = "事项概要";

pub const FILTERS: &str = "筛选";
pub const ALL: &str = "全部";
pub const THEME: &str = "主题";
pub const ZERO_VISITS: &str = "零跑动（全程网办）";

// Checklists.
pub const CHECKLIST_INTRO: &str = "出门前看一看：要带的材料、条件、时限、收费和地点，一次告诉您。";
pub const GROUP_BY: &str = "分类方式";
pub const BY_DEPARTMENT: &str = "按部门";
pub const BY_THEME: &str = "按主题";
pub const ANSWER_FIRST: &str = "请先回答上面的问题，我们只列出适用于您的材料。";
pub const MATERIALS_TO_BRING: &str = "需要准备的材料";
pub const TICK_HINT: &str = "准备好一项就勾选一项，勾选会保存在本机。";
pub const LIMITS_AND_FEES: &str = "时限和收费";
pub const SHARE: &str = "打印和分享";
pub const PRINT: &str = "打印清单";
pub const COPY_LINK: &str = "复制链接";
pub const LINK_COPIED: &str = "链接已复制";
pub const SHARE_LINK: &str = "清单链接";
pub const QR_ALT: &str = "清单链接的二维码，用手机扫码打开";

pub fn saved_copy(at: &str) -> String {
    format!("当前无法连接网络，以下为 {at} 保存的副本，内容可能不是最新。")
}

/// A number of days in its unit. Calendar days say so, because a citizen reading "60 日"
/// next to "10 个工作日" would otherwise take both for working days.
pub fn day_count(n: impl std::fmt::Display, unit: LimitUnit) -> String {
    match unit {
        LimitUnit::WorkingDays => format!("{n} 个工作日"),
        LimitUnit::CalendarDays => format!("{n} 日（自然日）"),
    }
}

/// How every page words a time limit (法定 or 承诺).
pub fn time_limit(limit: TimeLimit) -> String {
    match limit {
        TimeLimit::Days { days, unit } => day_count(days, unit),
        TimeLimit::OnTheSpot => "当场办结".into(),
        TimeLimit::NotSet => "法律未规定时限".into(),
    }
}

/// The article that sets a statutory limit, shown beside it.
pub fn set_by(b: &LegalBasis) -> String {
    format!("（{BASIS}{}{}）", b.law, b.article)
}

pub fn visits(n: u8) -> String {
    match n {
        0 => "0 次（全程网办）".into(),
        1 => "最多跑 1 次".into(),
        n => format!("{n} 次"),
    }
}

pub fn copies(n: u32) -> String {
    format!("{n} 份")
}

pub fn kind(k: ServiceKind) -> &'static str {
    match k {
        ServiceKind::Licensing => "行政许可",
        ServiceKind::Confirmation => "行政确认",
        ServiceKind::Benefit => "行政给付",
        ServiceKind::Adjudication => "行政裁决",
        ServiceKind::OtherPower => "其他行政权力",
        ServiceKind::PublicService => "公共服务",
        ServiceKind::Filing => "行政备案",
        ServiceKind::Levy => "行政征收",
        ServiceKind::Reward => "行政奖励",
    }
}

pub fn audience(a: Audience) -> &'static str {
    match a {
        Audience::Person => "自然人",
        Audience::LegalPerson => "法人",
    }
}

pub fn case_type(c: CaseType) -> &'static str {
    match c {
        CaseType::Immediate => "即办件",
        CaseType::Committed => "承诺件",
    }
}

pub fn channel(c: Channel) -> &'static str {
    match c {
        Channel::Window => "窗口办理",
        Channel::Online => "网上办理",
        Channel::Post => "快递送达",
    }
}

pub fn material_form(f: MaterialForm) -> &'static str {
    match f {
        MaterialForm::Original => "原件",
        MaterialForm::Copy => "复印件",
        MaterialForm::Electronic => "电子材料",
    }
}

pub fn necessity(n: Necessity) -> &'static str {
    match n {
        Necessity::Required => "必要",
        Necessity::Optional => "非必要",
        Necessity::Deferrable => "容缺（可后补）",
    }
}

// Online application.
pub const BACK: &str = "返回上一步";
pub const CONTINUE: &str = "继续";
pub const DRAFT_SAVED_NOTE: &str = "您填写的内容和照片会自动保存在本机，关闭页面后可以继续填写。";
pub const FIX_THESE: &str = "请修改以下问题";
pub const STEP_NOTICE: &str = "告知承诺和个人信息保护";
pub const STEP_SITUATION: &str = "您的办理情形";
pub const STEP_APPLICANT: &str = "申请人信息";
pub const STEP_DETAILS: &str = "办理信息";
pub const STEP_MATERIALS: &str = "拍照上传材料";
pub const STEP_DELIVERY: &str = "结果领取方式";
pub const STEP_CHECK: &str = "核对并提交";
pub fn step_of(n: usize, total: usize) -> String {
    format!("第 {n} 步，共 {total} 步")
}
pub const COMMITMENT_TITLE: &str = "告知承诺";
pub fn commitment_text(dept: &str, limit: TimeLimit) -> String {
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
pub const PRIVACY_TITLE: &str = "个人信息保护说明";
pub const PRIVACY_WHAT: &str =
    "收集哪些信息：姓名、公民身份号码、手机号码、地址，以及您上传的材料照片。";
pub const PRIVACY_WHY: &str = "为什么收集：仅用于办理本事项、与您联系和送达结果，不用于其他用途。";
pub const PRIVACY_KEEP: &str =
    "保存多久：随办件档案按国家档案管理规定保存。已上传但未提交的照片，服务器24小时后自动删除；草稿仍在本机的，提交时会自动从本机重新上传，无需重新拍摄。";
pub const PRIVACY_DEVICE: &str = "草稿和材料照片保存在您的手机上（照片同时上传到服务器，见上条），30天未修改自动删除，提交成功后立即清除。办件编号、查询码和回执保存在本机的“我的办件”中（最多30件，超出时最早加入的先删除），本机查到办件已结束（办结或不予受理）满90天后自动删除。咨询和投诉的编号、查询码及未提交的内容保存在本机的“我的咨询与投诉”中（最多30条）。在“办件查询”或“在线申报”页点击“清除本机数据”，可随时全部删除。";
pub const CONSENT_LABEL: &str = "我已阅读并同意以上告知承诺和个人信息保护说明";
pub const NAME: &str = "姓名";
pub const ID_NUMBER: &str = "公民身份号码";
pub const ID_NUMBER_HINT: &str = "18位，最后一位可能是X";
pub const PHONE: &str = "手机号码";
pub const PHONE_HINT: &str = "11位手机号码，用于接收办理进度";
pub const ADDRESS: &str = "联系地址";
pub const HAS_AGENT: &str = "由他人代为办理（代办）";
pub const AGENT: &str = "代办人";
pub const AGENT_HINT: &str = "代办需上传授权委托书。";
pub const OPTIONAL: &str = "（选填）";
pub const PLEASE_CHOOSE: &str = "请选择";
pub const MATERIALS_INTRO: &str =
    "请逐项拍照。多页材料（如身份证正反面）可拍多张。照片会立即在后台上传，网络不好时会自动重试。";
pub const TAKE_PHOTO: &str = "拍照";
pub const PICK_FILE: &str = "从相册或文件选择";
pub const PREPARING_PHOTO: &str = "正在处理照片…";
pub const ROTATE: &str = "旋转";
pub const RETAKE: &str = "重拍";
pub const DELETE: &str = "删除";
pub const RETRY_NOW: &str = "立即重试";
pub fn page_n(n: usize) -> String {
    format!("第 {n} 页")
}
pub fn upload_progress_label(n: usize) -> String {
    format!("第 {n} 页上传进度")
}
pub fn pages_count(n: usize) -> String {
    if n == 0 {
        "未上传".into()
    } else {
        format!("已拍 {n} 页")
    }
}
pub const DELIVERY_QUESTION: &str = "您希望如何领取办理结果？";
pub const DELIVERY_WINDOW: &str = "到窗口领取";
pub const DELIVERY_POST: &str = "邮寄送达";
pub const RECIPIENT: &str = "收件人";
pub const POST_ADDRESS: &str = "邮寄地址";
pub const CHANGE: &str = "修改";
pub const SUBMIT: &str = "确认提交";
pub const SUBMITTING: &str = "正在提交…";
pub const SUBMIT_PHOTOS_SENT_AGAIN: &str = "部分照片需要从本机重新上传（服务器只保留未提交的照片24小时）。上传完成后请再点“确认提交”，不会重复提交。";
pub const SUBMIT_SAFE_RETRY: &str = "您的申报已保存在本机，请稍后再点“确认提交”，不会重复提交。";
pub const UPLOAD_NEEDS_RETAKE: &str = "有照片未能上传，请返回“拍照上传材料”重拍或删除。";
pub const UPLOADS_DONE: &str = "所有照片已上传。";
pub fn uploads_waiting(done: usize, total: usize) -> String {
    format!("照片正在上传（{done}/{total}），上传完成后即可提交。")
}
pub const SUBMITTED_TITLE: &str = "申报已提交";
pub const CASE_NUMBER: &str = "办件编号";
pub const QUERY_CODE: &str = "查询码";
pub const KEEP_CODES: &str =
    "请记下办件编号和查询码，查询办理进度时需要。本机已自动加入“我的办件”。";
pub const RECEIPT_NOT_SAVED: &str =
    "本机未能保存这份回执，关闭页面后将无法再次查看。请现在抄下或截图保存办件编号和查询码。";
pub const EDITS_LEFT_OUT: &str = "请注意：您的申报在修改之前已经提交成功。提交后所做的修改没有包含在这份申报中，工作人员将按提交时的内容办理。如需更改，请联系办理部门；如工作人员要求补正材料，可在办件查询中补正。";
pub const SUBMIT_UNSUPPORTED: &str =
    "此浏览器无法安全提交申报，请更换或升级浏览器后重试，也可到窗口办理。";
pub const WHAT_NEXT: &str = "接下来";
pub fn what_next(service: &str, limit: TimeLimit) -> String {
    let when = match limit {
        TimeLimit::Days { .. } => format!("将在受理次日起 {}内办结", time_limit(limit)),
        TimeLimit::OnTheSpot | TimeLimit::NotSet => "将当场办结".into(),
    };
    format!("工作人员将审核您的“{service}”申报。受理后，{when}；如需补正材料，会在办件查询中逐项告诉您。")
}
pub const SUBMITTED_AT: &str = "提交时间";
pub const TRACK_QR_ALT: &str = "办件查询链接的二维码";
pub const PRINT_RECEIPT: &str = "打印回执";
pub const MY_DRAFTS: &str = "未提交的草稿";
pub const CONTINUE_DRAFT: &str = "继续填写";
pub const SAVED_AT: &str = "保存于";
pub const NO_DRAFTS: &str = "本机没有未提交的草稿。";
pub const DELETE_DRAFT: &str = "删除草稿";
pub const CONFIRM_DELETE_DRAFT: &str = "确定删除这份草稿和其中的照片吗？删除后无法恢复。";
pub fn drafts_waiting(n: usize) -> String {
    format!("您有 {n} 份未提交的申报草稿，内容和照片都已保存在本机。")
}
pub const APPLIES_WHEN: &str = "适用情形";
pub const APPLY_SEARCH: &str = "搜索可在线申报的事项";
pub const START_INTRO: &str = "在线申报大约需要10分钟，请准备好身份证和需要拍照的材料。";
pub const START_OR_CONTINUE: &str = "您有这个事项未提交的草稿，可以继续填写，也可以重新开始。";
pub const START_NEW: &str = "开始申报";

// Photos and uploads.
pub const PHOTO_NOT_SUPPORTED: &str = "只能上传照片或 PDF 文件";
pub const PHOTO_TOO_LARGE: &str = "文件超过 10 MB，无法上传。请改为拍照上传，或压缩后再选择。";
pub const PHOTO_HEIC: &str = "您的照片是 HEIC 格式，此浏览器无法读取。请在手机“设置 > 相机 > 格式”中选择“兼容性最佳”后重新拍摄，或截图后上传截图。";
pub const PHOTO_CANNOT_DECODE: &str = "无法读取这张照片，请重新拍摄，或换一张照片上传。";
pub const PHOTO_FAILED: &str = "照片处理失败，请关闭其他应用后重试，或重新拍摄。";
pub const PHOTO_WARN_SMALL: &str = "照片尺寸太小，文字可能看不清，建议靠近一些重拍";
pub const PHOTO_WARN_DARK: &str = "照片偏暗，文字可能看不清，建议在光线充足处重拍";
pub const PHOTO_WARN_BRIGHT: &str = "照片过亮或有反光，文字可能看不清，建议避开强光重拍";
pub const PHOTO_WARN_BLUR: &str = "照片有些模糊，建议拿稳手机、对准焦点后重拍";
pub const PHOTO_WARN_CUT_OFF: &str = "材料没有拍全，请把整页放进画面后重拍";
pub const STORAGE_UNAVAILABLE: &str = "此浏览器无法在本机保存草稿，请勿关闭页面";
pub const STORAGE_FULL: &str = "手机存储空间不足，无法在本机保存。请勿关闭页面，清理空间后重试。";
pub const STORAGE_FAILED: &str = "本机保存失败，请勿关闭页面，稍后重试。";
pub const UPLOAD_PENDING: &str = "等待上传";
pub const UPLOAD_DONE: &str = "已上传";
pub const UPLOAD_RETRY_NETWORK: &str = "网络不畅，恢复后将自动继续上传";
pub const UPLOAD_RETRY_SERVER: &str = "系统繁忙，稍后将自动重新上传";
pub const UPLOAD_RETRY_TOMORROW: &str = "今天上传的文件已达每日上限，明天将自动继续上传";
pub const UPLOAD_RETRY_STORAGE: &str = "暂时无法读取本机照片，稍后将自动重试";
pub const UPLOAD_TOO_LARGE: &str = "文件太大，无法上传，请重新拍摄";
pub const UPLOAD_UNSUPPORTED: &str = "文件格式不支持，请上传照片或 PDF 文件";
pub const UPLOAD_REFUSED: &str = "上传未被接受，请重新拍摄或选择文件";
pub const UPLOAD_LIMIT_REACHED: &str =
    "这份申报上传的文件已达数量上限，无法继续上传。请到窗口办理，或拨打 12345 咨询。";
pub const UPLOAD_PHOTO_MISSING: &str = "本机已找不到这张照片，请重新拍摄";

pub fn upload_progress(percent: u8) -> String {
    format!("正在上传 {percent}%")
}

// Case tracking.
pub const TRACK_TITLE: &str = "办件查询";
pub const TRACK_INTRO: &str = "输入办件编号和查询码，查看办理进度。两者都在提交申请后的回执上。";
pub const CASE_NUMBER_HINT: &str = "回执上的数字编号，如 2026112000001";
pub const QUERY_CODE_HINT: &str = "8 位字母和数字，不区分大小写";
pub const CASE_NUMBER_REQUIRED: &str = "请输入办件编号";
pub const QUERY_CODE_REQUIRED: &str = "请输入查询码";
/// The backend's one answer for an unknown number and a wrong code alike.
pub const CASE_NOT_FOUND: &str = "未找到该办件，请核对办件编号和查询码";
pub const LOOK_UP: &str = "查询";
pub const LOOKING_UP: &str = "正在查询…";

pub fn case_status(status: CaseStatus) -> &'static str {
    match status {
        CaseStatus::Submitted => "待受理",
        CaseStatus::Accepted => "已受理",
        CaseStatus::NotAccepted => "不予受理",
        CaseStatus::UnderReview => "审查中",
        CaseStatus::SupplementRequired => "需补正",
        CaseStatus::SpecialProcedure => "特别程序",
        CaseStatus::Approved => "准予",
        CaseStatus::Refused => "不予许可",
        CaseStatus::Delivered => "已送达",
    }
}

pub fn procedure(kind: SpecialProcedureKind) -> &'static str {
    match kind {
        SpecialProcedureKind::Hearing => "听证",
        SpecialProcedureKind::Inspection => "现场勘验",
        SpecialProcedureKind::ExpertReview => "专家评审",
    }
}

/// 星期一 … 星期日, as shown next to dates.
pub fn weekday(day: Weekday) -> &'static str {
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

pub const MY_CASES: &str = "我的办件";
pub const MY_CASES_EMPTY: &str =
    "本机还没有保存办件。查询过或在线提交的办件会保存在这里，下次打开即可查看进度。";
pub const MY_CASES_NOTE: &str = "以下办件保存在本机，打开本页时自动更新状态。";
pub const REFRESH_ALL: &str = "全部刷新";

pub fn status_changed(before: &str, now: &str) -> String {
    format!("有新进展：{before} → {now}")
}

pub const REFRESHING: &str = "正在更新办件状态…";
pub const REFRESHED: &str = "已更新全部办件状态";
pub const HAS_NEWS: &str = "有新进展";
pub const STATUS: &str = "状态";
pub const REMOVE: &str = "移除";
pub const REMOVE_CONFIRM: &str = "确定从本机移除这个办件吗？移除后需重新输入查询码才能查看。";
pub const REMOVE_YES: &str = "确定移除";
pub const CANCEL: &str = "取消";

pub const DEVICE_DATA: &str = "本机保存的信息";
pub const DEVICE_DATA_NOTE: &str = "在公用或借来的手机上办事后，请清除本机保存的草稿、材料照片、我的办件（含查询码）、回执和清单勾选。已提交的办件不受影响。";
pub const CLEAR_DEVICE_DATA: &str = "清除本机数据";
pub const CLEAR_DEVICE_DATA_CONFIRM: &str = "确定清除本机保存的全部草稿、照片、我的办件、查询码、回执和清单勾选吗？清除后无法恢复；已提交的办件不受影响，凭办件编号和查询码仍可查询。";
pub const CLEAR_YES: &str = "确定清除";
pub const DEVICE_DATA_CLEARED: &str = "本机数据已清除。";
pub const DEVICE_DATA_NOT_CLEARED: &str =
    "部分数据未能清除，请稍后重试，或在浏览器设置中清除本网站的数据。";

pub fn refresh_failed(n: usize) -> String {
    format!("{n} 件办件暂时无法更新")
}

pub fn news_count(n: usize) -> String {
    format!("{n} 件有新进展")
}

pub const CASE_TITLE: &str = "办件详情";
pub const BACK_TO_MY_CASES: &str = "‹ 我的办件";
pub const NO_CODE_BODY: &str =
    "本机没有保存这个办件的查询码。为保护您的信息，请输入办件编号和查询码查询。";
pub const GO_LOOK_UP: &str = "输入查询码";
pub const CURRENT_STATUS: &str = "当前状态";
pub const REFRESH: &str = "刷新";
pub const REFRESHING_CASE: &str = "正在刷新…";
pub const HANDLING_DEPARTMENT: &str = "办理部门";
pub const APPLICANT: &str = "申请人";
pub const ACCEPTED_ON: &str = "受理日期";

pub const TIME_LIMIT: &str = "办理时限";
pub const DUE_DATE: &str = "承诺办结日期";
pub const DUE_MOVES: &str = "（暂停期间顺延）";
pub const DUE_TODAY: &str = "今天到期";
pub const CLOCK_PAUSED: &str = "计时已暂停";
pub const NOT_STARTED_IMMEDIATE: &str = "本事项为即办件，受理后当场办结。";
pub const PAUSE_REASON: &str = "原因";
pub const PAUSE_HISTORY: &str = "暂停记录";
pub const PAUSE_SUPPLEMENT: &str = "需补正";
pub const SPECIAL_PROCEDURE: &str = "特别程序";

pub fn not_started(limit: TimeLimit) -> String {
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
        TimeLimit::OnTheSpot | TimeLimit::NotSet => NOT_STARTED_IMMEDIATE.into(),
    }
}

pub fn days_left(n: i64, unit: LimitUnit) -> String {
    format!("还剩 {}", day_count(n, unit))
}

pub fn overdue(n: i64, unit: LimitUnit) -> String {
    format!("已超期 {}", day_count(n, unit))
}

pub fn paused_left(n: i64, unit: LimitUnit) -> String {
    format!("计时已暂停，恢复计时后还剩 {}", day_count(n, unit))
}

pub fn pause_supplement(since: NaiveDate) -> String {
    format!("因需补正材料，办理时限自 {since} 起暂停计算。您提交补正材料后恢复计时，承诺办结日期相应顺延。")
}

pub fn pause_special(procedure: &str, since: NaiveDate) -> String {
    format!("因进入特别程序（{procedure}），办理时限自 {since} 起暂停计算。特别程序所需时间不计入办理时限，承诺办结日期将相应顺延。")
}

pub fn special(procedure: &str) -> String {
    format!("特别程序（{procedure}）")
}

pub fn pause_span(since: NaiveDate, until: NaiveDate, what: &str) -> String {
    format!("{since} 至 {until}：{what}")
}

pub const TIMELINE: &str = "办理过程";
pub const STEP_HANDLER: &str = "经办人";
pub const STEP_OPINION: &str = "办理意见";

pub const SUPPLEMENT_TITLE: &str = "补正材料";
pub const SUPPLEMENT_INTRO: &str =
    "工作人员请您重新提供下列材料。只需拍摄这些材料，每项至少一页，全部上传后点击“提交补正材料”。";
pub const SUPPLEMENT_REASON: &str = "补正原因";
pub const SUBMIT_SUPPLEMENT: &str = "提交补正材料";
pub const SUPPLEMENT_INCOMPLETE: &str = "还有材料没有上传，请按提示补拍";
pub const SUPPLEMENT_WAIT: &str = "照片还在上传，请稍候再提交";
pub const SUPPLEMENT_SENT: &str = "补正材料已提交，办理时限恢复计算。";

pub fn upload_this(name: &str) -> String {
    format!("请上传：{name}")
}

pub fn supplement_progress(done: usize, total: usize) -> String {
    format!("已上传 {done}/{total} 项材料")
}

pub const RESULT_TITLE: &str = "办理结果";
pub const DECISION_REASON: &str = "理由";
pub const APPROVED_NOTE: &str = "您的申请已办结，准予办理。";
pub const REFUSED_NOTE: &str = "经审查，您的申请不予许可。";
pub const NOT_ACCEPTED_NOTE: &str = "您的申请不予受理。";
pub const APPEAL_REVIEW_TEXT: &str =
    "如对本决定不服，可以自知道该决定之日起 60 日内依法申请行政复议；";
pub const APPEAL_LITIGATION_TEXT: &str =
    "也可以自知道该决定之日起 6 个月内依法向人民法院提起行政诉讼。";
pub const DELIVERY_TITLE: &str = "结果送达";
pub const DELIVERY_WAY: &str = "送达方式";
pub const DELIVERY_STATUS: &str = "送达状态";
pub const DELIVERED: &str = "已送达";
pub const NOT_YET_DELIVERED: &str = "待送达";
pub const TRACKING_NUMBER: &str = "快递单号";
pub const TRACKING_PENDING: &str = "寄出后在此显示";
pub const WINDOW_NOTE: &str = "请携带本人身份证件到以下地点领取：";
pub const PLACE_ADDRESS: &str = "地址";
pub const PLACE_HOURS: &str = "时间";
pub const SEE_GUIDE: &str = "查看办事指南中的办理地点";

pub const RATING_TITLE: &str = "好差评";
pub const RATING_LEGEND: &str = "您对本次办理服务满意吗？";
pub const RATING_REASON: &str = "不满意的原因（必填）";
pub const RATING_COMMENT: &str = "其他意见或建议（选填）";
pub const RATING_REASON_SHORT: &str = "原因";
pub const RATING_COMMENT_SHORT: &str = "意见";
pub const RATING_SCORE_REQUIRED: &str = "请选择评价等级";
pub const RATING_REASON_REQUIRED: &str = "请填写不满意的原因";
pub const SUBMIT_RATING: &str = "提交评价";
pub const RATING_ONCE: &str = "一事一评：每个办件只能评价一次。";
pub const RATING_THANKS: &str = "感谢您的评价！";

pub fn rating_label(score: u8) -> &'static str {
    match score {
        5 => "非常满意",
        4 => "满意",
        3 => "基本满意",
        2 => "不满意",
        _ => "非常不满意",
    }
}

pub fn your_rating(label: &str) -> String {
    format!("您的评价：{label}")
}

// The national guide elements (基本编码, 行使层级, 中介服务, 特别程序, 网办深度, ...).
pub const BASE_CODE: &str = "基本编码";
pub const IMPL_CODE: &str = "实施编码";
pub const LEVELS: &str = "行使层级";
pub const QUANTITY_LIMIT: &str = "数量限制";
pub const NO_QUANTITY_LIMIT: &str = "无数量限制";
pub const INTERMEDIARIES: &str = "中介服务";
pub const INTERMEDIARY_PROVIDER: &str = "服务机构";
pub const INTERMEDIARY_TIME: &str = "办理时限";
pub const INTERMEDIARY_FEE: &str = "收费";
pub const SPECIAL_PROCEDURES: &str = "特别程序（不计入办理时限）";
pub const ONLINE_DEPTH: &str = "网办深度";
pub const SCOPE: &str = "通办范围";
pub const APPOINTMENT: &str = "预约办理";
pub const APPOINTMENT_YES: &str = "可预约到窗口办理";
pub const ONLINE_PAYMENT_YES: &str = "支持网上缴费";
pub const PROGRESS: &str = "办理进度查询";
pub const RESULT_SAMPLE: &str = "结果样本";
pub const SPEC: &str = "规格";
pub const ACCEPTANCE: &str = "受理标准";
pub const PLACE_PHONE: &str = "电话";

pub fn level(l: contract::ExerciseLevel) -> &'static str {
    use contract::ExerciseLevel as L;
    match l {
        L::National => "国家级",
        L::Provincial => "省级",
        L::Municipal => "市级",
        L::County => "县级",
        L::Township => "镇（乡、街道）级",
    }
}

pub fn online_depth(d: contract::OnlineDepth) -> &'static str {
    use contract::OnlineDepth as D;
    match d {
        D::Information => "一级（网上公开办事指南）",
        D::Forms => "二级（可下载表格）",
        D::OnlineReview => "三级（网上申报和预审，到现场一次）",
        D::FullyOnline => "四级（全程网办）",
    }
}

pub fn scope(s: contract::Scope) -> &'static str {
    match s {
        contract::Scope::CityWide => "全市通办（可到本市任一办理点办理）",
        contract::Scope::CrossProvince => "跨省通办（可在外省办理）",
    }
}

pub fn progress_channel(p: contract::ProgressChannel) -> &'static str {
    use contract::ProgressChannel as P;
    match p {
        P::Portal => "本平台“办件查询”（凭办件编号和查询码）",
        P::Phone => "拨打咨询电话",
        P::Window => "到办理窗口查询",
        P::PostTracking => "凭快递单号查询送达进度",
    }
}

// 预约 and 预审 (src/appointment).
pub const BOOK_VISIT: &str = "预约办理";
pub const NEXT_FREE: &str = "最近可约";
pub const NO_FREE_SLOT: &str = "近期号源已约满，请稍后再查看或致电办理地点";
pub const BOOKING_TITLE: &str = "预约办理";
pub const BOOKING_INTRO: &str = "选择办理地点、日期和时段，按预约时间到窗口办理，无需排队取号。";
pub const CHOOSE_PLACE: &str = "办理地点";
pub const CHOOSE_DAY: &str = "预约日期";
pub const CHOOSE_SLOT: &str = "预约时段";
pub const CHOOSE_SLOT_FIRST: &str = "请选择预约时段";
pub const SLOT_FULL: &str = "已约满";
pub const EVENING: &str = "延时服务";
pub const WEEKEND: &str = "周末";
pub const HOLIDAY_OPEN: &str = "节假日受理";
pub const NO_SLOTS_DAY: &str = "当天没有可预约的时段";
pub const BOOKER: &str = "预约人信息";
pub const PRECHECK_TITLE: &str = "材料预审（可选）";
pub const PRECHECK_INTRO: &str =
    "现在拍照上传申请材料，工作人员会在您到场前预审，有问题会提前告诉您，避免白跑一趟。到窗口时只需核验原件。";
pub const PRECHECK_WAIT: &str = "照片正在上传，请稍候再提交";
pub const CONFIRM_BOOKING: &str = "确认预约";
pub const BOOKING: &str = "正在预约…";
pub const TAKE_NEXT_FREE: &str = "改选最近可约时段";
pub const APPOINTMENT_TITLE: &str = "我的预约";
pub const APPOINTMENT_NUMBER: &str = "预约号";
pub const SERVICE_ITEM: &str = "办理事项";
pub const VISIT_TIME: &str = "预约时间";
pub const CHECK_IN_QR: &str = "签到二维码：到达后向窗口出示";
pub const CLOSURE_REASON: &str = "停约原因";
pub const MOVE: &str = "改约";
pub const MOVE_CONFIRM: &str = "确认改约";
pub const CANCEL_APPOINTMENT: &str = "取消预约";
pub const CANCEL_CONFIRM: &str = "确定取消这个预约吗？取消后号源将释放给其他群众。";
pub const CANCEL_YES: &str = "确定取消";
pub const KEEP: &str = "暂不取消";
pub const CANCELLED_NOTICE: &str = "预约已取消";
pub const MOVED_NOTICE: &str = "已改约到新的时段";
pub const NO_LONGER_CHANGEABLE: &str = "已过取消和改约的截止时间。如不能按时到场，请致电办理地点。";
pub const PRECHECK_RESULT: &str = "材料预审";
pub const PRECHECK_NONE: &str = "未上传预审材料。到窗口时请携带全部材料原件。";
pub const REPHOTOGRAPH: &str = "重新拍摄需补正的材料后提交，工作人员会再次预审。";
pub const SEND_FIXES: &str = "提交补正照片";
pub const FIXES_SENT: &str = "补正照片已提交，等待预审";
pub const PHOTOGRAPH_FIRST: &str = "请先拍摄需补正的材料";
pub const APPOINTMENT_NOT_ON_DEVICE: &str = "本机没有这个预约的查询码，无法查看。";
pub const APPOINTMENT_NOT_FOUND: &str = "未找到该预约，请核对预约号和查询码";
pub const MY_APPOINTMENTS: &str = "我的预约";
pub const MY_APPOINTMENTS_NOTE: &str = "以下预约保存在本机。";
pub const KEEP_NUMBER_NOTE: &str = "预约号和查询码已保存在本机“我的预约”中，建议截图保存。";

pub fn appointment_status(s: contract::appointment::AppointmentStatus) -> &'static str {
    use contract::appointment::AppointmentStatus as S;
    match s {
        S::Booked => "已预约",
        S::Arrived => "已签到",
        S::NoShow => "未到",
        S::Cancelled => "已取消",
        S::Closed => "已停约",
    }
}

pub fn precheck_verdict(v: contract::appointment::PrecheckVerdict) -> &'static str {
    use contract::appointment::PrecheckVerdict as V;
    match v {
        V::Pending => "待预审",
        V::Passed => "合格",
        V::NeedsFix => "需补正",
    }
}

/// 3月3日（星期二）.
pub fn visit_day(date: NaiveDate) -> String {
    use contract::chrono::Datelike;
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
    format!("余{n}个")
}

pub fn change_until(at: &str) -> String {
    format!("{at}前可取消或改约")
}

pub fn pages_sent(n: u32) -> String {
    format!("已上传{n}页")
}

// 咨询, 投诉 and 差评整改 (`feedback`).
pub const ASK: &str = "我要咨询";
pub const ASK_TITLE: &str = "咨询";
pub const ASK_INTRO: &str = "工作人员答复后，答复会显示在“办件查询”页的“我的咨询与投诉”中。";
pub const QUESTION: &str = "您的问题";
pub const QUESTION_HINT: &str = "5至500个字，请不要填写身份证号码等个人信息";
pub const FEEDBACK_PHONE: &str = "手机号码（选填）";
pub const FEEDBACK_PHONE_HINT: &str = "需要电话答复时填写，不会公开";
pub const SEND_QUESTION: &str = "提交咨询";
pub const COMPLAIN: &str = "我要投诉";
pub const COMPLAIN_CASE: &str = "投诉此办件";
pub const COMPLAIN_TITLE: &str = "投诉";
pub const COMPLAIN_ABOUT: &str = "投诉对象";
pub const ABOUT_SERVICE: &str = "事项本身（流程、材料、规定）";
pub const ABOUT_WINDOW: &str = "办理窗口";
pub const PLACE: &str = "办理地点";
pub const CATEGORY: &str = "投诉类别";
pub const DESCRIPTION: &str = "具体情况";
pub const DESCRIPTION_HINT: &str = "5至500个字：时间、窗口、经过";
pub const SEND_COMPLAINT: &str = "提交投诉";
pub const DRAFT_KEPT: &str = "填写的内容已自动保存在本机，网络中断或刷新页面不会丢失。";
pub const SEND_FAILED_KEPT: &str = "提交未成功，您填写的内容已保存在本机，请稍后重试。";
pub const MY_TICKETS: &str = "我的咨询与投诉";
pub const MY_TICKETS_EMPTY: &str = "本机还没有咨询或投诉。";
pub const TICKET_NUMBER: &str = "编号";
pub const TICKET_TITLE_INQUIRY: &str = "我的咨询";
pub const TICKET_TITLE_COMPLAINT: &str = "我的投诉";
pub const TICKET_RECEIVED: &str = "已提交，请记下编号和查询码，换手机也能查询。";
pub const TICKET_NO_CODE: &str = "本机没有该编号的查询码，请在“办件查询”页输入编号和查询码查询。";
pub const ANSWER: &str = "答复";
pub const NOT_ANSWERED: &str = "待答复";
pub const ANSWERED: &str = "已答复";
pub const REPLY_DUE: &str = "答复期限";
pub const REPLY: &str = "答复内容";
pub const REPLIED_ON: &str = "答复日期";
pub const ABOUT: &str = "关于";
pub const FOLLOW_UP_TITLE: &str = "差评整改";
pub const FOLLOW_UP_DUE: &str = "整改期限";
pub const FOLLOW_UP_CONTACT: &str = "回访情况";
pub const FOLLOW_UP_RECTIFICATION: &str = "整改情况";
pub const FOLLOW_UP_OPEN: &str = "您的评价已转交，工作人员将回访并整改。";
pub const CASE_COMPLAINTS: &str = "关于本办件的投诉";
pub const TRACK_TICKET_HINT: &str = "咨询、投诉编号以ZX、TS开头";

pub fn chars_left(n: usize) -> String {
    format!("还可输入{n}个字")
}

pub fn reply_within(days: u32) -> String {
    format!("工作人员将在{days}个工作日内答复。")
}

pub fn follow_up_within(days: u32) -> String {
    format!("工作人员将在{days}个工作日内回访并整改。")
}

// 效能公开.
pub const PERFORMANCE_TITLE: &str = "效能公开";
pub const PERFORMANCE_BY_MONTH: &str = "各月办件情况";
pub const LAST_90_DAYS: &str = "近 90 天";
pub const DECIDED: &str = "办结";
pub const AVERAGE_TIME: &str = "平均用时";
pub const ON_TIME_RATE: &str = "按时办结率";
pub const SATISFACTION_RATE: &str = "满意率";
pub const TOO_FEW_CASES: &str = "不足 5 件，不公布";
pub const VIEW_GUIDE: &str = "查看办事指南";
pub const DEPARTMENT_SERVICES: &str = "本部门各事项（近 90 天）";
pub const PERFORMANCE_NOTE: &str = "以上数据由系统根据本平台办件自动统计，不含个人信息。用时按工作日计算，自受理次日起至作出决定之日，不含补正、特别程序等暂停计时的时间；按时办结指在承诺办结日期当日或之前作出决定；满意率为“非常满意”“满意”评价占全部评价的比例。办件或评价不足 5 件时不公布比例。";

pub fn case_count(n: u32) -> String {
    format!("{n} 件")
}

pub fn percent(p: u32) -> String {
    format!("{p}%")
}

/// 2.1 个工作日, from a figure with one decimal (no float formatting in the wasm).
pub fn working_days_tenths(days: f64) -> String {
    let tenths = (days * 10.0).round().max(0.0) as u64;
    format!("{}.{} 个工作日", tenths / 10, tenths % 10)
}

/// "近 90 天办结 124 件，平均用时 2.1 个工作日，按时办结率 99%，满意率 97%", saying so where
/// there were too few cases or ratings for a figure.
pub fn performance_line(f: &contract::Figures) -> String {
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
    format!("{department}效能公开")
}

/// "2026 年 3 月", with the day it runs to when the month is not over.
pub fn month_label(from: NaiveDate, to: NaiveDate) -> String {
    use contract::chrono::Datelike;
    let month = format!("{} 年 {} 月", from.year(), from.month());
    match to.succ_opt() {
        Some(next) if next.month() == to.month() => format!("{month}（截至 {} 日）", to.day()),
        _ => month,
    }
}

// 长辈版 home page and offline copies of personal lists.
pub const ENTRY_MY_CASES_NOTE: &str = "本机保存的办件";
pub const MY_CASES_OFFLINE: &str = "网络未连接，以下是本机上次保存的办件状态。";

/// A case row that could not be refreshed offline: the status shown is the one saved at `at`.
pub fn status_saved_at(at: Option<&str>) -> String {
    match at {
        Some(at) => format!("网络未连接，状态为{at}保存的信息"),
        None => "网络未连接，状态为本机保存的信息".into(),
    }
}

/// The case page shown from the copy saved on the device.
pub fn case_saved_at(at: &str) -> String {
    format!("网络未连接，以下是{at}保存的办件信息，联网后请刷新。")
}

// 办件公示.
pub const PUBLICATIONS_TITLE: &str = "办件公示（行政许可）";
pub const PUBLICATIONS_LEAD: &str = "依法公示对法人和其他组织作出的行政许可决定，自作出决定之日起 7 个工作日内公示。不公示自然人信息。";
pub const PUBLICATIONS_SEARCH: &str = "搜索单位名称、统一社会信用代码或事项";
pub const PUBLICATIONS_NONE: &str = "没有找到相关公示";
pub const PUBLICATION_KIND: &str = "行政许可决定公示";
pub const CREDIT_CODE: &str = "统一社会信用代码";
pub const LICENSED_SERVICE: &str = "许可事项";
pub const DECISION: &str = "许可决定";
pub const DECIDED_ON: &str = "决定日期";
pub const DECIDING_DEPARTMENT: &str = "许可机关";
pub const PUBLISHED_ON: &str = "公示日期";
pub const ALL_PUBLICATIONS: &str = "查看全部公示";

pub fn published_decision(d: contract::PublishedDecision) -> &'static str {
    match d {
        contract::PublishedDecision::Approved => "准予行政许可",
        contract::PublishedDecision::Refused => "不予行政许可",
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
        assert_eq!(not_started(TimeLimit::OnTheSpot), NOT_STARTED_IMMEDIATE);
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
}
