//! Front-matter keys a notice may not use, and what the clerk most likely meant.

use crate::diag::{Code, Diagnostic};
use crate::load::{Field, Source};
use crate::tr;
use crate::util::suggest;

/// Words clerks write for the keys of SPEC 3.2, checked before edit distance: `发布时间` is
/// as close to `发布主体` as to `发布日期` by letters, but not by meaning.
const SYNONYMS: &[(&str, &[&str])] = &[
    (
        "发布日期",
        &[
            "发布时间",
            "公布日期",
            "公布时间",
            "公开日期",
            "公开时间",
            "发文日期",
            "印发日期",
            "发布日",
            "日期",
        ],
    ),
    (
        "形成日期",
        &[
            "形成时间",
            "成文日期",
            "成文时间",
            "制发日期",
            "生成日期",
            "产生日期",
            "形成日",
        ],
    ),
    (
        "公示期",
        &[
            "公示时间",
            "公示日期",
            "公示期限",
            "公示期间",
            "公示起止",
            "公示时限",
            "公示起止日期",
        ],
    ),
    (
        "监督电话",
        &["举报电话", "监督举报电话", "投诉电话", "监督电话号码", "投诉举报电话"],
    ),
    (
        "乡镇",
        &["镇", "乡", "街道", "所属乡镇", "乡镇名称", "乡（镇）", "乡(镇)"],
    ),
    ("村", &["村居", "村庄", "所属村", "村名", "村委会", "居委会", "村名称"]),
    ("标题", &["题目", "公告标题", "文章标题", "主题"]),
    ("事项", &["公开事项", "目录事项", "事项名称", "栏目"]),
    ("附件", &["附件名称", "附件列表", "附加文件", "附件文件"]),
    ("数据", &["名单文件", "数据文件", "名单表格"]),
    (
        "发布主体",
        &["发布单位", "发布机关", "公开主体", "发文单位", "发文机关", "发布机构"],
    ),
    ("隐私豁免", &["豁免", "隐私豁免理由", "豁免理由", "隐私"]),
    ("关键词", &["关键字", "主题词", "标签"]),
    ("张贴村", &["张贴范围", "张贴村庄", "公示村", "发往村", "张贴村居"]),
];

/// The key of SPEC 3.2 (or element name) that `written` most likely meant.
pub(super) fn key_suggestion<'a>(written: &str, elements: &[&'a str]) -> Option<&'a str> {
    let w = written.trim();
    if let Some((key, _)) = SYNONYMS.iter().find(|(_, words)| words.contains(&w)) {
        return Some(key);
    }
    let known = crate::load::frontmatter::KEYS
        .iter()
        .flat_map(|(zh, en)| [*zh, *en])
        .chain(elements.iter().copied());
    suggest::closest(w, known)
}

/// The Chinese key of an alias (`published` → `发布日期`).
pub(super) fn canonical_zh(key: &str) -> &str {
    crate::load::frontmatter::KEYS
        .iter()
        .find(|(zh, en)| *zh == key || *en == key)
        .map_or(key, |(zh, _)| *zh)
}

pub(super) fn unknown_key(s: &Source, key: &Field<String>, value: &Field<String>, best: Option<&str>) -> Diagnostic {
    let k = &key.value;
    let hint = match best {
        Some(best) => tr!(
            "是不是想写“{best}”？改成：{best}: {}",
            "did you mean `{best}`? Write: {best}: {}",
            value.value
        ),
        None => tr!(
            "可用的键：标题、事项、乡镇、村、发布主体、形成日期、发布日期、公示期、监督电话、附件、数据、隐私豁免、关键词、张贴村，或本事项的要素名称。",
            "Known keys: 标题 事项 乡镇 村 发布主体 形成日期 发布日期 公示期 监督电话 附件 数据 隐私豁免 关键词 张贴村, or an element of the item."
        ),
    };
    Diagnostic::error(
        Code::UnknownKey,
        &s.rel,
        key.pos,
        tr!("未知的信息头键“{k}”", "unknown front-matter key `{k}`"),
        hint,
    )
    .with_source(&s.text())
}
