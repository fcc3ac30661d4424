//! The page text catalog: every fixed text and every text built from values, in Chinese and English.

use contract::chrono::{NaiveDate, Weekday};
use contract::{
    Audience, CaseStatus, CaseType, Channel, LegalBasis, LimitUnit, MaterialForm, Necessity,
    ServiceKind, SpecialProcedureKind, TimeLimit,
};

texts! {
    SITE_TITLE => "政务服务网上办事", "Government Services Online";
    SKIP_TO_MAIN => "跳到主要内容", "Skip to main content";
    HOME => "首页", "Home";
    LOADING => "正在加载…";
    RETRY => "重试";
    ERROR_NETWORK => "网络连接失败，请检查网络后重试。";
    ERROR_SERVER => "系统暂时无法访问，请稍后重试。";
    ERROR_TITLE => "暂时无法加载";
    NOT_FOUND_TITLE => "页面不存在";
    NOT_FOUND_BODY => "您访问的页面不存在或已调整。";
    BACK_HOME => "返回首页";
    ELDER_MODE => "长辈版（大字）";

    // Home.
    SEARCH_LABEL => "搜索办事事项";
    SEARCH_PLACEHOLDER => "例如：身份证、营业执照、社保";
    SEARCH_BUTTON => "搜索";
    ENTRY_GUIDE => "办事指南";
    ENTRY_GUIDE_NOTE => "材料、时限、收费一查就懂";
    ENTRY_CHECKLIST => "一次性告知清单";
    ENTRY_CHECKLIST_NOTE => "该带什么，一次说清";
    ENTRY_APPLY => "在线申报";
    ENTRY_APPLY_NOTE => "手机拍照，网上提交";
    ENTRY_TRACK => "办件查询";
    ENTRY_TRACK_NOTE => "办到哪了，随时查看";
    SEARCH_RESULTS => "搜索结果";
    SEE_ALL_RESULTS => "查看全部搜索结果";
    MAIN_ENTRIES => "常用服务";
    HOTLINE_NOTE => "咨询投诉请拨打 12345 政务服务便民热线";

    // Service list.
    LIST_TITLE => "办事指南";
    SHOW_MORE => "显示更多";
    NO_MATCH => "没有找到相关事项";
    NO_MATCH_HINT => "请换个说法试试，例如少输几个字，或输入拼音首字母（如 sfz）。也可拨打 12345 咨询。";
}
pub fn result_count(n: usize) -> String {
    format!("共 {n} 项")
}

// Guide.
texts! {
    PROMISED_LIMIT => "承诺时限";
    STATUTORY_LIMIT => "法定时限";
    FEE => "收费";
    FREE => "不收费";
    VISITS => "到现场次数";
    ONLINE => "网上申报";
    ONLINE_YES => "可在线申报";
    ONLINE_NO => "需到窗口办理";
    MATERIALS => "申请材料";
    CONDITIONS => "受理条件";
    FEES => "收费标准";
    LEGAL_BASIS => "设定依据";
    PROCESS => "办理流程";
    PLACES => "办理地点和时间";
    CONTACTS => "咨询和投诉";
    CONSULT_PHONE => "咨询电话";
    COMPLAINT_PHONE => "监督投诉电话";
    RESULT => "办理结果";
    FAQ => "常见问题";
    REFUSAL => "不予受理情形";
    APPEAL => "救济途径";
    APPEAL_REVIEW => "行政复议";
    APPEAL_LITIGATION => "行政诉讼";
    DEPARTMENT => "实施主体";
    DELEGATED => "受委托部门";
    KIND => "事项类型";
    AUDIENCE => "服务对象";
    CASE_TYPE => "办件类型";
    CHANNELS => "办理形式";
    BASIS => "依据";
    REDUCTIONS => "减免";
    NO_NEED_TO_BRING => "无需提交，由窗口通过数据共享核验";
    BLANK_FORM => "空白表格";
    SAMPLE => "示例样表";
    VERSION => "版本";
    UPDATED => "更新日期";
    APPLY_ONLINE => "在线申报";
    VIEW_CHECKLIST => "一次性告知清单";
    OVERVIEW => "事项概要";

    FILTERS => "筛选";
    ALL => "全部";
    THEME => "主题";
    ZERO_VISITS => "零跑动（全程网办）";

    // Checklists.
    CHECKLIST_INTRO => "出门前看一看：要带的材料、条件、时限、收费和地点，一次告诉您。";
    GROUP_BY => "分类方式";
    BY_DEPARTMENT => "按部门";
    BY_THEME => "按主题";
    ANSWER_FIRST => "请先回答上面的问题，我们只列出适用于您的材料。";
    MATERIALS_TO_BRING => "需要准备的材料";
    TICK_HINT => "准备好一项就勾选一项，勾选会保存在本机。";
    LIMITS_AND_FEES => "时限和收费";
    SHARE => "打印和分享";
    PRINT => "打印清单";
    COPY_LINK => "复制链接";
    LINK_COPIED => "链接已复制";
    SHARE_LINK => "清单链接";
    QR_ALT => "清单链接的二维码，用手机扫码打开";

}
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
    format!("（{}{}{}）", BASIS(), b.law, b.article)
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
texts! {
    BACK => "返回上一步";
    CONTINUE => "继续";
    DRAFT_SAVED_NOTE => "您填写的内容和照片会自动保存在本机，关闭页面后可以继续填写。";
    FIX_THESE => "请修改以下问题";
    STEP_NOTICE => "告知承诺和个人信息保护";
    STEP_SITUATION => "您的办理情形";
    STEP_APPLICANT => "申请人信息";
    STEP_DETAILS => "办理信息";
    STEP_MATERIALS => "拍照上传材料";
    STEP_DELIVERY => "结果领取方式";
    STEP_CHECK => "核对并提交";
}
pub fn step_of(n: usize, total: usize) -> String {
    format!("第 {n} 步，共 {total} 步")
}
texts! {
    COMMITMENT_TITLE => "告知承诺";
}
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
texts! {
    PRIVACY_TITLE => "个人信息保护说明";
    PRIVACY_WHAT => "收集哪些信息：姓名、公民身份号码、手机号码、地址，以及您上传的材料照片。";
    PRIVACY_WHY => "为什么收集：仅用于办理本事项、与您联系和送达结果，不用于其他用途。";
    PRIVACY_KEEP => "保存多久：随办件档案按国家档案管理规定保存。已上传但未提交的照片，服务器24小时后自动删除；草稿仍在本机的，提交时会自动从本机重新上传，无需重新拍摄。";
    PRIVACY_DEVICE => "草稿和材料照片保存在您的手机上（照片同时上传到服务器，见上条），30天未修改自动删除，提交成功后立即清除。办件编号、查询码和回执保存在本机的“我的办件”中（最多30件，超出时最早加入的先删除），本机查到办件已结束（办结或不予受理）满90天后自动删除。咨询和投诉的编号、查询码及未提交的内容保存在本机的“我的咨询与投诉”中（最多30条）。在“办件查询”或“在线申报”页点击“清除本机数据”，可随时全部删除。";
    CONSENT_LABEL => "我已阅读并同意以上告知承诺和个人信息保护说明";
    NAME => "姓名";
    ID_NUMBER => "公民身份号码";
    ID_NUMBER_HINT => "18位，最后一位可能是X";
    PHONE => "手机号码";
    PHONE_HINT => "11位手机号码，用于接收办理进度";
    ADDRESS => "联系地址";
    HAS_AGENT => "由他人代为办理（代办）";
    AGENT => "代办人";
    AGENT_HINT => "代办需上传授权委托书。";
    OPTIONAL => "（选填）";
    PLEASE_CHOOSE => "请选择";
    MATERIALS_INTRO => "请逐项拍照。多页材料（如身份证正反面）可拍多张。照片会立即在后台上传，网络不好时会自动重试。";
    TAKE_PHOTO => "拍照";
    PICK_FILE => "从相册或文件选择";
    PREPARING_PHOTO => "正在处理照片…";
    ROTATE => "旋转";
    RETAKE => "重拍";
    DELETE => "删除";
    RETRY_NOW => "立即重试";
}
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
texts! {
    DELIVERY_QUESTION => "您希望如何领取办理结果？";
    DELIVERY_WINDOW => "到窗口领取";
    DELIVERY_POST => "邮寄送达";
    RECIPIENT => "收件人";
    POST_ADDRESS => "邮寄地址";
    CHANGE => "修改";
    SUBMIT => "确认提交";
    SUBMITTING => "正在提交…";
    SUBMIT_PHOTOS_SENT_AGAIN => "部分照片需要从本机重新上传（服务器只保留未提交的照片24小时）。上传完成后请再点“确认提交”，不会重复提交。";
    SUBMIT_SAFE_RETRY => "您的申报已保存在本机，请稍后再点“确认提交”，不会重复提交。";
    UPLOAD_NEEDS_RETAKE => "有照片未能上传，请返回“拍照上传材料”重拍或删除。";
    UPLOADS_DONE => "所有照片已上传。";
}
pub fn uploads_waiting(done: usize, total: usize) -> String {
    format!("照片正在上传（{done}/{total}），上传完成后即可提交。")
}
texts! {
    SUBMITTED_TITLE => "申报已提交";
    CASE_NUMBER => "办件编号";
    QUERY_CODE => "查询码";
    KEEP_CODES => "请记下办件编号和查询码，查询办理进度时需要。本机已自动加入“我的办件”。";
    RECEIPT_NOT_SAVED => "本机未能保存这份回执，关闭页面后将无法再次查看。请现在抄下或截图保存办件编号和查询码。";
    EDITS_LEFT_OUT => "请注意：您的申报在修改之前已经提交成功。提交后所做的修改没有包含在这份申报中，工作人员将按提交时的内容办理。如需更改，请联系办理部门；如工作人员要求补正材料，可在办件查询中补正。";
    SUBMIT_UNSUPPORTED => "此浏览器无法安全提交申报，请更换或升级浏览器后重试，也可到窗口办理。";
    WHAT_NEXT => "接下来";
}
pub fn what_next(service: &str, limit: TimeLimit) -> String {
    let when = match limit {
        TimeLimit::Days { .. } => format!("将在受理次日起 {}内办结", time_limit(limit)),
        TimeLimit::OnTheSpot | TimeLimit::NotSet => "将当场办结".into(),
    };
    format!("工作人员将审核您的“{service}”申报。受理后，{when}；如需补正材料，会在办件查询中逐项告诉您。")
}
texts! {
    SUBMITTED_AT => "提交时间";
    TRACK_QR_ALT => "办件查询链接的二维码";
    PRINT_RECEIPT => "打印回执";
    MY_DRAFTS => "未提交的草稿";
    CONTINUE_DRAFT => "继续填写";
    SAVED_AT => "保存于";
    NO_DRAFTS => "本机没有未提交的草稿。";
    DELETE_DRAFT => "删除草稿";
    CONFIRM_DELETE_DRAFT => "确定删除这份草稿和其中的照片吗？删除后无法恢复。";
}
pub fn drafts_waiting(n: usize) -> String {
    format!("您有 {n} 份未提交的申报草稿，内容和照片都已保存在本机。")
}
texts! {
    APPLIES_WHEN => "适用情形";
    APPLY_SEARCH => "搜索可在线申报的事项";
    START_INTRO => "在线申报大约需要10分钟，请准备好身份证和需要拍照的材料。";
    START_OR_CONTINUE => "您有这个事项未提交的草稿，可以继续填写，也可以重新开始。";
    START_NEW => "开始申报";

    // Photos and uploads.
    PHOTO_NOT_SUPPORTED => "只能上传照片或 PDF 文件";
    PHOTO_TOO_LARGE => "文件超过 10 MB，无法上传。请改为拍照上传，或压缩后再选择。";
    PHOTO_HEIC => "您的照片是 HEIC 格式，此浏览器无法读取。请在手机“设置 > 相机 > 格式”中选择“兼容性最佳”后重新拍摄，或截图后上传截图。";
    PHOTO_CANNOT_DECODE => "无法读取这张照片，请重新拍摄，或换一张照片上传。";
    PHOTO_FAILED => "照片处理失败，请关闭其他应用后重试，或重新拍摄。";
    PHOTO_WARN_SMALL => "照片尺寸太小，文字可能看不清，建议靠近一些重拍";
    PHOTO_WARN_DARK => "照片偏暗，文字可能看不清，建议在光线充足处重拍";
    PHOTO_WARN_BRIGHT => "照片过亮或有反光，文字可能看不清，建议避开强光重拍";
    PHOTO_WARN_BLUR => "照片有些模糊，建议拿稳手机、对准焦点后重拍";
    PHOTO_WARN_CUT_OFF => "材料没有拍全，请把整页放进画面后重拍";
    STORAGE_UNAVAILABLE => "此浏览器无法在本机保存草稿，请勿关闭页面";
    STORAGE_FULL => "手机存储空间不足，无法在本机保存。请勿关闭页面，清理空间后重试。";
    STORAGE_FAILED => "本机保存失败，请勿关闭页面，稍后重试。";
    UPLOAD_PENDING => "等待上传";
    UPLOAD_DONE => "已上传";
    UPLOAD_RETRY_NETWORK => "网络不畅，恢复后将自动继续上传";
    UPLOAD_RETRY_SERVER => "系统繁忙，稍后将自动重新上传";
    UPLOAD_RETRY_TOMORROW => "今天上传的文件已达每日上限，明天将自动继续上传";
    UPLOAD_RETRY_STORAGE => "暂时无法读取本机照片，稍后将自动重试";
    UPLOAD_TOO_LARGE => "文件太大，无法上传，请重新拍摄";
    UPLOAD_UNSUPPORTED => "文件格式不支持，请上传照片或 PDF 文件";
    UPLOAD_REFUSED => "上传未被接受，请重新拍摄或选择文件";
    UPLOAD_LIMIT_REACHED => "这份申报上传的文件已达数量上限，无法继续上传。请到窗口办理，或拨打 12345 咨询。";
    UPLOAD_PHOTO_MISSING => "本机已找不到这张照片，请重新拍摄";

}
pub fn upload_progress(percent: u8) -> String {
    format!("正在上传 {percent}%")
}

// Case tracking.
texts! {
    TRACK_TITLE => "办件查询";
    TRACK_INTRO => "输入办件编号和查询码，查看办理进度。两者都在提交申请后的回执上。";
    CASE_NUMBER_HINT => "回执上的数字编号，如 2026112000001";
    QUERY_CODE_HINT => "8 位字母和数字，不区分大小写";
    CASE_NUMBER_REQUIRED => "请输入办件编号";
    QUERY_CODE_REQUIRED => "请输入查询码";
    /// The backend's one answer for an unknown number and a wrong code alike.
    CASE_NOT_FOUND => "未找到该办件，请核对办件编号和查询码";
    LOOK_UP => "查询";
    LOOKING_UP => "正在查询…";

}
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

texts! {
    MY_CASES => "我的办件";
    MY_CASES_EMPTY => "本机还没有保存办件。查询过或在线提交的办件会保存在这里，下次打开即可查看进度。";
    MY_CASES_NOTE => "以下办件保存在本机，打开本页时自动更新状态。";
    REFRESH_ALL => "全部刷新";

}
pub fn status_changed(before: &str, now: &str) -> String {
    format!("有新进展：{before} → {now}")
}

texts! {
    REFRESHING => "正在更新办件状态…";
    REFRESHED => "已更新全部办件状态";
    HAS_NEWS => "有新进展";
    STATUS => "状态";
    REMOVE => "移除";
    REMOVE_CONFIRM => "确定从本机移除这个办件吗？移除后需重新输入查询码才能查看。";
    REMOVE_YES => "确定移除";
    CANCEL => "取消";

    DEVICE_DATA => "本机保存的信息";
    DEVICE_DATA_NOTE => "在公用或借来的手机上办事后，请清除本机保存的草稿、材料照片、我的办件（含查询码）、回执和清单勾选。已提交的办件不受影响。";
    CLEAR_DEVICE_DATA => "清除本机数据";
    CLEAR_DEVICE_DATA_CONFIRM => "确定清除本机保存的全部草稿、照片、我的办件、查询码、回执和清单勾选吗？清除后无法恢复；已提交的办件不受影响，凭办件编号和查询码仍可查询。";
    CLEAR_YES => "确定清除";
    DEVICE_DATA_CLEARED => "本机数据已清除。";
    DEVICE_DATA_NOT_CLEARED => "部分数据未能清除，请稍后重试，或在浏览器设置中清除本网站的数据。";

}
pub fn refresh_failed(n: usize) -> String {
    format!("{n} 件办件暂时无法更新")
}

pub fn news_count(n: usize) -> String {
    format!("{n} 件有新进展")
}

texts! {
    CASE_TITLE => "办件详情";
    BACK_TO_MY_CASES => "‹ 我的办件";
    NO_CODE_BODY => "本机没有保存这个办件的查询码。为保护您的信息，请输入办件编号和查询码查询。";
    GO_LOOK_UP => "输入查询码";
    CURRENT_STATUS => "当前状态";
    REFRESH => "刷新";
    REFRESHING_CASE => "正在刷新…";
    HANDLING_DEPARTMENT => "办理部门";
    APPLICANT => "申请人";
    ACCEPTED_ON => "受理日期";

    TIME_LIMIT => "办理时限";
    DUE_DATE => "承诺办结日期";
    DUE_MOVES => "（暂停期间顺延）";
    DUE_TODAY => "今天到期";
    CLOCK_PAUSED => "计时已暂停";
    NOT_STARTED_IMMEDIATE => "本事项为即办件，受理后当场办结。";
    PAUSE_REASON => "原因";
    PAUSE_HISTORY => "暂停记录";
    PAUSE_SUPPLEMENT => "需补正";
    SPECIAL_PROCEDURE => "特别程序";

}
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
        TimeLimit::OnTheSpot | TimeLimit::NotSet => NOT_STARTED_IMMEDIATE().into(),
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

texts! {
    TIMELINE => "办理过程";
    STEP_HANDLER => "经办人";
    STEP_OPINION => "办理意见";

    SUPPLEMENT_TITLE => "补正材料";
    SUPPLEMENT_INTRO => "工作人员请您重新提供下列材料。只需拍摄这些材料，每项至少一页，全部上传后点击“提交补正材料”。";
    SUPPLEMENT_REASON => "补正原因";
    SUBMIT_SUPPLEMENT => "提交补正材料";
    SUPPLEMENT_INCOMPLETE => "还有材料没有上传，请按提示补拍";
    SUPPLEMENT_WAIT => "照片还在上传，请稍候再提交";
    SUPPLEMENT_SENT => "补正材料已提交，办理时限恢复计算。";

}
pub fn upload_this(name: &str) -> String {
    format!("请上传：{name}")
}

pub fn supplement_progress(done: usize, total: usize) -> String {
    format!("已上传 {done}/{total} 项材料")
}

texts! {
    RESULT_TITLE => "办理结果";
    DECISION_REASON => "理由";
    APPROVED_NOTE => "您的申请已办结，准予办理。";
    REFUSED_NOTE => "经审查，您的申请不予许可。";
    NOT_ACCEPTED_NOTE => "您的申请不予受理。";
    APPEAL_REVIEW_TEXT => "如对本决定不服，可以自知道该决定之日起 60 日内依法申请行政复议；";
    APPEAL_LITIGATION_TEXT => "也可以自知道该决定之日起 6 个月内依法向人民法院提起行政诉讼。";
    DELIVERY_TITLE => "结果送达";
    DELIVERY_WAY => "送达方式";
    DELIVERY_STATUS => "送达状态";
    DELIVERED => "已送达";
    NOT_YET_DELIVERED => "待送达";
    TRACKING_NUMBER => "快递单号";
    TRACKING_PENDING => "寄出后在此显示";
    WINDOW_NOTE => "请携带本人身份证件到以下地点领取：";
    PLACE_ADDRESS => "地址";
    PLACE_HOURS => "时间";
    SEE_GUIDE => "查看办事指南中的办理地点";

    RATING_TITLE => "好差评";
    RATING_LEGEND => "您对本次办理服务满意吗？";
    RATING_REASON => "不满意的原因（必填）";
    RATING_COMMENT => "其他意见或建议（选填）";
    RATING_REASON_SHORT => "原因";
    RATING_COMMENT_SHORT => "意见";
    RATING_SCORE_REQUIRED => "请选择评价等级";
    RATING_REASON_REQUIRED => "请填写不满意的原因";
    SUBMIT_RATING => "提交评价";
    RATING_ONCE => "一事一评：每个办件只能评价一次。";
    RATING_THANKS => "感谢您的评价！";

}
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
texts! {
    BASE_CODE => "基本编码";
    IMPL_CODE => "实施编码";
    LEVELS => "行使层级";
    QUANTITY_LIMIT => "数量限制";
    NO_QUANTITY_LIMIT => "无数量限制";
    INTERMEDIARIES => "中介服务";
    INTERMEDIARY_PROVIDER => "服务机构";
    INTERMEDIARY_TIME => "办理时限";
    INTERMEDIARY_FEE => "收费";
    SPECIAL_PROCEDURES => "特别程序（不计入办理时限）";
    ONLINE_DEPTH => "网办深度";
    SCOPE => "通办范围";
    APPOINTMENT => "预约办理";
    APPOINTMENT_YES => "可预约到窗口办理";
    ONLINE_PAYMENT_YES => "支持网上缴费";
    PROGRESS => "办理进度查询";
    RESULT_SAMPLE => "结果样本";
    SPEC => "规格";
    ACCEPTANCE => "受理标准";
    PLACE_PHONE => "电话";

}
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
texts! {
    BOOK_VISIT => "预约办理";
    NEXT_FREE => "最近可约";
    NO_FREE_SLOT => "近期号源已约满，请稍后再查看或致电办理地点";
    BOOKING_TITLE => "预约办理";
    BOOKING_INTRO => "选择办理地点、日期和时段，按预约时间到窗口办理，无需排队取号。";
    CHOOSE_PLACE => "办理地点";
    CHOOSE_DAY => "预约日期";
    CHOOSE_SLOT => "预约时段";
    CHOOSE_SLOT_FIRST => "请选择预约时段";
    SLOT_FULL => "已约满";
    EVENING => "延时服务";
    WEEKEND => "周末";
    HOLIDAY_OPEN => "节假日受理";
    NO_SLOTS_DAY => "当天没有可预约的时段";
    BOOKER => "预约人信息";
    PRECHECK_TITLE => "材料预审（可选）";
    PRECHECK_INTRO => "现在拍照上传申请材料，工作人员会在您到场前预审，有问题会提前告诉您，避免白跑一趟。到窗口时只需核验原件。";
    PRECHECK_WAIT => "照片正在上传，请稍候再提交";
    CONFIRM_BOOKING => "确认预约";
    BOOKING => "正在预约…";
    TAKE_NEXT_FREE => "改选最近可约时段";
    APPOINTMENT_TITLE => "我的预约";
    APPOINTMENT_NUMBER => "预约号";
    SERVICE_ITEM => "办理事项";
    VISIT_TIME => "预约时间";
    CHECK_IN_QR => "签到二维码：到达后向窗口出示";
    CLOSURE_REASON => "停约原因";
    MOVE => "改约";
    MOVE_CONFIRM => "确认改约";
    CANCEL_APPOINTMENT => "取消预约";
    CANCEL_CONFIRM => "确定取消这个预约吗？取消后号源将释放给其他群众。";
    CANCEL_YES => "确定取消";
    KEEP => "暂不取消";
    CANCELLED_NOTICE => "预约已取消";
    MOVED_NOTICE => "已改约到新的时段";
    NO_LONGER_CHANGEABLE => "已过取消和改约的截止时间。如不能按时到场，请致电办理地点。";
    PRECHECK_RESULT => "材料预审";
    PRECHECK_NONE => "未上传预审材料。到窗口时请携带全部材料原件。";
    REPHOTOGRAPH => "重新拍摄需补正的材料后提交，工作人员会再次预审。";
    SEND_FIXES => "提交补正照片";
    FIXES_SENT => "补正照片已提交，等待预审";
    PHOTOGRAPH_FIRST => "请先拍摄需补正的材料";
    APPOINTMENT_NOT_ON_DEVICE => "本机没有这个预约的查询码，无法查看。";
    APPOINTMENT_NOT_FOUND => "未找到该预约，请核对预约号和查询码";
    MY_APPOINTMENTS => "我的预约";
    MY_APPOINTMENTS_NOTE => "以下预约保存在本机。";
    KEEP_NUMBER_NOTE => "预约号和查询码已保存在本机“我的预约”中，建议截图保存。";

}
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
texts! {
    ASK => "我要咨询";
    ASK_TITLE => "咨询";
    ASK_INTRO => "工作人员答复后，答复会显示在“办件查询”页的“我的咨询与投诉”中。";
    QUESTION => "您的问题";
    QUESTION_HINT => "5至500个字，请不要填写身份证号码等个人信息";
    FEEDBACK_PHONE => "手机号码（选填）";
    FEEDBACK_PHONE_HINT => "需要电话答复时填写，不会公开";
    SEND_QUESTION => "提交咨询";
    COMPLAIN => "我要投诉";
    COMPLAIN_CASE => "投诉此办件";
    COMPLAIN_TITLE => "投诉";
    COMPLAIN_ABOUT => "投诉对象";
    ABOUT_SERVICE => "事项本身（流程、材料、规定）";
    ABOUT_WINDOW => "办理窗口";
    PLACE => "办理地点";
    CATEGORY => "投诉类别";
    DESCRIPTION => "具体情况";
    DESCRIPTION_HINT => "5至500个字：时间、窗口、经过";
    SEND_COMPLAINT => "提交投诉";
    DRAFT_KEPT => "填写的内容已自动保存在本机，网络中断或刷新页面不会丢失。";
    SEND_FAILED_KEPT => "提交未成功，您填写的内容已保存在本机，请稍后重试。";
    MY_TICKETS => "我的咨询与投诉";
    MY_TICKETS_EMPTY => "本机还没有咨询或投诉。";
    TICKET_NUMBER => "编号";
    TICKET_TITLE_INQUIRY => "我的咨询";
    TICKET_TITLE_COMPLAINT => "我的投诉";
    TICKET_RECEIVED => "已提交，请记下编号和查询码，换手机也能查询。";
    TICKET_NO_CODE => "本机没有该编号的查询码，请在“办件查询”页输入编号和查询码查询。";
    ANSWER => "答复";
    NOT_ANSWERED => "待答复";
    ANSWERED => "已答复";
    REPLY_DUE => "答复期限";
    REPLY => "答复内容";
    REPLIED_ON => "答复日期";
    ABOUT => "关于";
    FOLLOW_UP_TITLE => "差评整改";
    FOLLOW_UP_DUE => "整改期限";
    FOLLOW_UP_CONTACT => "回访情况";
    FOLLOW_UP_RECTIFICATION => "整改情况";
    FOLLOW_UP_OPEN => "您的评价已转交，工作人员将回访并整改。";
    CASE_COMPLAINTS => "关于本办件的投诉";
    TRACK_TICKET_HINT => "咨询、投诉编号以ZX、TS开头";

}
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
texts! {
    PERFORMANCE_TITLE => "效能公开";
    PERFORMANCE_BY_MONTH => "各月办件情况";
    LAST_90_DAYS => "近 90 天";
    DECIDED => "办结";
    AVERAGE_TIME => "平均用时";
    ON_TIME_RATE => "按时办结率";
    SATISFACTION_RATE => "满意率";
    TOO_FEW_CASES => "不足 5 件，不公布";
    VIEW_GUIDE => "查看办事指南";
    DEPARTMENT_SERVICES => "本部门各事项（近 90 天）";
    PERFORMANCE_NOTE => "以上数据由系统根据本平台办件自动统计，不含个人信息。用时按工作日计算，自受理次日起至作出决定之日，不含补正、特别程序等暂停计时的时间；按时办结指在承诺办结日期当日或之前作出决定；满意率为“非常满意”“满意”评价占全部评价的比例。办件或评价不足 5 件时不公布比例。";

}
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
texts! {
    ENTRY_MY_CASES_NOTE => "本机保存的办件";
    MY_CASES_OFFLINE => "网络未连接，以下是本机上次保存的办件状态。";
}

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
texts! {
    PUBLICATIONS_TITLE => "办件公示（行政许可）";
    PUBLICATIONS_LEAD => "依法公示对法人和其他组织作出的行政许可决定，自作出决定之日起 7 个工作日内公示。不公示自然人信息。";
    PUBLICATIONS_SEARCH => "搜索单位名称、统一社会信用代码或事项";
    PUBLICATIONS_NONE => "没有找到相关公示";
    PUBLICATION_KIND => "行政许可决定公示";
    CREDIT_CODE => "统一社会信用代码";
    LICENSED_SERVICE => "许可事项";
    DECISION => "许可决定";
    DECIDED_ON => "决定日期";
    DECIDING_DEPARTMENT => "许可机关";
    PUBLISHED_ON => "公示日期";
    ALL_PUBLICATIONS => "查看全部公示";

}
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
