//! Simplified Chinese page text.

use contract::{Audience, CaseType, Channel, MaterialForm, Necessity, ServiceKind};

pub const SITE_TITLE: &str = "政务服务网上办事";
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

pub fn working_days(n: u32) -> String {
    if n == 0 {
        "即时办结".into()
    } else {
        format!("{n} 个工作日")
    }
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
pub const STORAGE_UNAVAILABLE: &str = "此浏览器无法在本机保存草稿，请勿关闭页面";
pub const STORAGE_FULL: &str = "手机存储空间不足，无法在本机保存。请勿关闭页面，清理空间后重试。";
pub const STORAGE_FAILED: &str = "本机保存失败，请勿关闭页面，稍后重试。";
pub const UPLOAD_PENDING: &str = "等待上传";
pub const UPLOAD_DONE: &str = "已上传";
pub const UPLOAD_RETRY_NETWORK: &str = "网络不畅，恢复后将自动继续上传";
pub const UPLOAD_RETRY_SERVER: &str = "系统繁忙，稍后将自动重新上传";
pub const UPLOAD_RETRY_STORAGE: &str = "暂时无法读取本机照片，稍后将自动重试";
pub const UPLOAD_TOO_LARGE: &str = "文件太大，无法上传，请重新拍摄";
pub const UPLOAD_UNSUPPORTED: &str = "文件格式不支持，请上传照片或 PDF 文件";
pub const UPLOAD_REFUSED: &str = "上传未被接受，请重新拍摄或选择文件";
pub const UPLOAD_PHOTO_MISSING: &str = "本机已找不到这张照片，请重新拍摄";

pub fn upload_progress(percent: u8) -> String {
    format!("正在上传 {percent}%")
}
