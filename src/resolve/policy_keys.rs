//! The front-matter keys of the policy kinds (Chinese, with English aliases) and the reader
//! that takes them out of the keys a notice's front matter does not know.

use crate::diag::{Code, Diagnostic, Diagnostics, Pos};
use crate::load::{Field, FrontMatter, Kind, Source};
use crate::tr;

/// Keys every policy kind may write besides its own (`种类`, `标题`, `乡镇`, `发布日期`,
/// `关键词`, `附件` are read by the notice front-matter reader already).
pub const DOCUMENT: &[(&str, &str)] = &[
    ("文号", "doc_no"),
    ("发文机关", "issuer"),
    ("成文日期", "written"),
    ("施行日期", "effective"),
    ("类别", "category"),
    ("有效期", "validity"),
    ("有效期至", "valid_until"),
    ("废止", "repeals"),
    ("修改", "amends"),
    ("状态", "status"),
    ("状态理由", "status_reason"),
    ("状态日期", "status_date"),
];

pub const INTERPRETATION: &[(&str, &str)] = &[
    ("关联文件", "document"),
    ("解读机关", "interpreted_by"),
    ("解读人", "interpreter"),
    ("联系方式", "contact_info"),
    ("解读形式", "form"),
];

pub const CONSULTATION: &[(&str, &str)] = &[
    ("起止日期", "period"),
    ("意见提交方式", "submit_by"),
    ("联系方式", "contact_info"),
    ("类型", "type"),
    ("涉企", "business"),
    ("缩短理由", "short_reason"),
    ("关联文件", "document"),
];

pub const FEEDBACK: &[(&str, &str)] = &[("征求意见", "consultation")];

pub fn keys_of(kind: Kind) -> &'static [(&'static str, &'static str)] {
    match kind {
        Kind::Document => DOCUMENT,
        Kind::Interpretation => INTERPRETATION,
        Kind::Consultation => CONSULTATION,
        Kind::Feedback => FEEDBACK,
        Kind::Notice | Kind::Unknown => &[],
    }
}

/// Words clerks write for a key, by what they mean rather than by letters.
const SYNONYMS: &[(&str, &[&str])] = &[
    ("文号", &["发文字号", "文件编号", "发文文号", "字号"]),
    ("发文机关", &["发文单位", "印发机关", "制发机关", "发布机关"]),
    ("成文日期", &["印发日期", "签发日期", "形成日期"]),
    ("施行日期", &["实施日期", "生效日期", "执行日期"]),
    ("类别", &["文件类别", "文件类型", "类型"]),
    ("有效期", &["有效期限", "有效时间"]),
    ("有效期至", &["失效日期", "截止日期"]),
    ("关联文件", &["解读文件", "所属文件", "原文件", "相关文件"]),
    ("解读机关", &["解读单位", "解读部门"]),
    ("解读人", &["解读者", "解读负责人"]),
    ("联系方式", &["联系电话", "咨询电话"]),
    ("起止日期", &["征求意见期限", "起止时间", "公示期", "征求时间"]),
    ("意见提交方式", &["提交方式", "反馈方式", "意见反馈方式"]),
    ("缩短理由", &["理由", "缩短原因"]),
    ("征求意见", &["关联征求意见", "意见征集"]),
];

/// The policy keys of one source, canonical, with their values and lines.
pub struct PolicyKeys {
    values: Vec<(&'static str, Field<String>)>,
}

impl PolicyKeys {
    /// Read the keys of `kind` from `fm`; every other key is reported (GK020) with what the
    /// clerk most likely meant.
    pub fn read(s: &Source, fm: &FrontMatter, kind: Kind, diags: &mut Diagnostics) -> PolicyKeys {
        let table = keys_of(kind);
        let mut values = Vec::new();
        for (k, v) in &fm.other {
            let key = k.value.trim();
            if let Some((zh, _)) = table.iter().find(|(zh, en)| *zh == key || en.eq_ignore_ascii_case(key)) {
                values.push((*zh, v.clone()));
                continue;
            }
            let best = SYNONYMS
                .iter()
                .find(|(_, w)| w.contains(&key))
                .map(|(c, _)| *c)
                .filter(|c| table.iter().any(|(zh, _)| zh == c))
                .or_else(|| crate::util::suggest::closest(key, table.iter().map(|(zh, _)| *zh)));
            let name = kind.name_zh();
            let list = table.iter().map(|(zh, _)| *zh).collect::<Vec<_>>().join("、");
            let hint = match best {
                Some(b) => tr!("是不是想写“{b}”？改成：{b}: …", "did you mean `{b}`? Write: {b}: …"),
                None => tr!(
                    "{name}可用的键：标题、乡镇、发布日期、{list}",
                    "keys of a {name}: 标题, 乡镇, 发布日期, {list}"
                ),
            };
            diags.push(
                Diagnostic::error(
                    Code::UnknownKey,
                    &s.rel,
                    k.pos,
                    tr!("{name}中有未知的键“{key}”", "unknown key `{key}` in a {name}"),
                    hint,
                )
                .with_source(&s.text()),
            );
        }
        // Keys of catalog notices that mean nothing here: a clerk who copied a notice as a
        // template would otherwise wonder why its 事项 is ignored.
        for (key, f) in [
            ("事项", &fm.item),
            ("形成日期", &fm.formed),
            ("村", &fm.village),
            ("数据", &fm.data),
        ] {
            let Some(f) = f else { continue };
            let name = kind.name_zh();
            let hint = match (key, kind) {
                ("形成日期", Kind::Document) => tr!("政策文件写 成文日期: …", "A document has 成文日期: …"),
                _ => tr!(
                    "删除这一行：{name}不属于目录事项的公告。",
                    "Delete the line: a {name} is not a catalog notice."
                ),
            };
            diags.push(
                Diagnostic::error(
                    Code::UnknownKey,
                    &s.rel,
                    f.pos,
                    tr!("{name}不用写“{key}”", "a {name} has no `{key}`"),
                    hint,
                )
                .with_source(&s.text()),
            );
        }
        if fm.notice_period.is_some() {
            let pos = fm.notice_period.as_ref().map_or(Pos::default(), |f| f.pos);
            let hint = if kind == Kind::Consultation {
                tr!("征求意见写 起止日期: 开始 至 结束", "A call has 起止日期: START 至 END")
            } else {
                tr!("删除这一行。", "Delete the line.")
            };
            diags.push(
                Diagnostic::error(
                    Code::UnknownKey,
                    &s.rel,
                    pos,
                    tr!("{}不用写“公示期”", "a {} has no `公示期`", kind.name_zh()),
                    hint,
                )
                .with_source(&s.text()),
            );
        }
        PolicyKeys { values }
    }

    pub fn get(&self, key: &str) -> Option<&Field<String>> {
        self.values
            .iter()
            .find(|(k, v)| *k == key && !v.value.trim().is_empty())
            .map(|(_, v)| v)
    }

    /// A key written but left empty (`文号: ""`, as `gongkai new` writes its placeholders).
    pub fn blank(&self, key: &str) -> Option<&Field<String>> {
        self.values
            .iter()
            .find(|(k, v)| *k == key && v.value.trim().is_empty())
            .map(|(_, v)| v)
    }

    /// A list value: a YAML list (joined by `、` when read) or one line with separators.
    pub fn list(&self, key: &str) -> Vec<Field<String>> {
        self.get(key)
            .map(|f| {
                f.value
                    .split(['、', '，', ',', '；', ';'])
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(|s| Field {
                        value: s.to_string(),
                        pos: f.pos,
                    })
                    .collect()
            })
            .unwrap_or_default()
    }
}
