//! What a column of a people list holds, judged from its header.
//!
//! For items whose elements are lists of people, the catalog gives the columns that may be
//! published (a 低保 list: household head, village/group, people covered, amount). A column
//! about anything else personal (ID number, phone, bank account, address, illness, hardship)
//! must not be published (SPEC 5.6). Headers come from Excel and WPS as clerks typed them:
//! `金额（元）`, `补助标准(元/人·月)`, `身份证\n号码`, `＊姓名`. So the header is cleaned first
//! (units in brackets, spaces, line breaks, required-field stars dropped) and then matched
//! against keyword lists in an order where the more specific kind wins: `残疾等级` is health,
//! not a category; `所在村组` a place, not an address; `与户主关系` not a name.

use std::fmt;

/// The kind of a people-list column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ColumnKind {
    /// 序号, 编号.
    Seq,
    /// A person's name: 姓名, 户主, 申请人, 救助对象.
    Name,
    /// Village, group or community: 村组, 所在村, 社区. Not a street address.
    Place,
    /// How many: 人数, 保障人数, 家庭人口, 面积.
    Count,
    /// Money: 金额（元）, 补助标准, 补贴资金.
    Amount,
    /// 类别, 类型, 档次, 保障方式.
    Category,
    /// 日期, 时间, 发放年月.
    Date,
    /// 原因, 理由 (other than hardship reasons).
    Reason,
    /// 备注, 说明, 审核意见.
    Note,
    /// 性别.
    Gender,
    /// 年龄.
    Age,
    /// 身份证号, 证件号码, 社会保障号码. Sensitive.
    IdNumber,
    /// 电话, 手机, 联系方式, 微信, 邮箱: personal contact. Sensitive.
    Phone,
    /// 银行卡号, 账号, 开户行. Sensitive (PIPL Art. 28: financial accounts).
    BankAccount,
    /// 住址, 家庭住址, 详细地址, 户籍所在地. Sensitive.
    Address,
    /// 出生日期, 出生年月: with a name, nearly an ID number. Sensitive.
    BirthDate,
    /// 病情, 疾病, 残疾类别, 残疾等级, 病种. Sensitive (PIPL Art. 28: health).
    Health,
    /// 致贫原因, 困难原因, 家庭困难情况, 收入. Sensitive: details beyond the entitlement.
    Hardship,
    /// Anything else (与户主关系, 民族, 学校…): neither known-safe nor known-sensitive; the
    /// catalog's list of publishable columns decides.
    Other,
}

impl ColumnKind {
    /// The kind's name in Chinese, for diagnostics ("列「身份证号」属于身份证号码，不得公开").
    pub fn label_zh(self) -> &'static str {
        match self {
            ColumnKind::Seq => "序号",
            ColumnKind::Name => "姓名",
            ColumnKind::Place => "所在村组",
            ColumnKind::Count => "人数/数量",
            ColumnKind::Amount => "金额",
            ColumnKind::Category => "类别",
            ColumnKind::Date => "日期",
            ColumnKind::Reason => "原因",
            ColumnKind::Note => "备注",
            ColumnKind::Gender => "性别",
            ColumnKind::Age => "年龄",
            ColumnKind::IdNumber => "身份证件号码",
            ColumnKind::Phone => "联系电话",
            ColumnKind::BankAccount => "银行账户",
            ColumnKind::Address => "住址",
            ColumnKind::BirthDate => "出生日期",
            ColumnKind::Health => "健康状况",
            ColumnKind::Hardship => "家庭困难情况",
            ColumnKind::Other => "其他",
        }
    }
}

impl fmt::Display for ColumnKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label_zh())
    }
}

/// Whether a column of this kind may never appear in a published list of people.
pub fn is_sensitive(kind: ColumnKind) -> bool {
    matches!(
        kind,
        ColumnKind::IdNumber
            | ColumnKind::Phone
            | ColumnKind::BankAccount
            | ColumnKind::Address
            | ColumnKind::BirthDate
            | ColumnKind::Health
            | ColumnKind::Hardship
    )
}

/// Keyword lists, most specific first: the first list with a keyword contained in the
/// cleaned header decides.
const RULES: &[(ColumnKind, &[&str])] = &[
    (
        ColumnKind::IdNumber,
        &[
            "身份证",
            "证件号",
            "身份号",
            "公民身份",
            "社会保障号",
            "社保号",
            "残疾证号",
        ],
    ),
    (
        ColumnKind::BankAccount,
        &["银行", "卡号", "账号", "帐号", "账户", "帐户", "开户行", "存折", "折号"],
    ),
    (
        ColumnKind::Phone,
        &["电话", "手机", "联系方式", "联系号码", "微信", "邮箱", "电子邮件"],
    ),
    (ColumnKind::BirthDate, &["出生", "生日"]),
    (
        ColumnKind::Health,
        &["病", "残疾", "伤残", "健康", "诊断", "失能", "失智"],
    ),
    (
        ColumnKind::Hardship,
        &[
            "致贫",
            "致困",
            "返贫",
            "贫困原因",
            "困难",
            "家庭情况",
            "家庭状况",
            "收入",
            "财产",
            "救助原因",
            "申请原因",
            "申请理由",
        ],
    ),
    (
        ColumnKind::Address,
        &["住址", "地址", "住所", "门牌", "居住地", "户籍地", "户籍所在地", "现居"],
    ),
    (ColumnKind::Other, &["关系"]),
    (ColumnKind::Place, &["所在", "所属"]),
    (ColumnKind::Gender, &["性别"]),
    (ColumnKind::Age, &["年龄", "岁"]),
    (
        ColumnKind::Date,
        &["日期", "时间", "年月", "月份", "年度", "期限", "起止", "期间"],
    ),
    (
        ColumnKind::Category,
        &[
            "类别", "类型", "种类", "属性", "档次", "等级", "级别", "性质", "方式", "分类", "身份",
        ],
    ),
    (
        ColumnKind::Count,
        &["人数", "人口", "口数", "户数", "数量", "亩", "面积", "件数", "次数"],
    ),
    (ColumnKind::Reason, &["原因", "理由", "事由"]),
    (ColumnKind::Note, &["备注", "说明", "附注", "意见"]),
    (
        ColumnKind::Name,
        &[
            "姓名",
            "户主",
            "名字",
            "户名",
            "人名",
            "申请人",
            "对象",
            "收款人",
            "领取人",
            "领款人",
            "联系人",
            "监护人",
            "代理人",
            "受助人",
            "人员",
            "成员",
            "家属",
            "本人",
        ],
    ),
    (
        ColumnKind::Amount,
        &[
            "金额",
            "标准",
            "补助",
            "补贴",
            "资金",
            "保障金",
            "救助金",
            "款",
            "元",
            "合计",
            "小计",
            "总计",
            "总额",
            "费",
            "奖励",
        ],
    ),
    (
        ColumnKind::Place,
        &["村", "组", "社区", "乡镇", "镇", "街道", "地点", "区域", "小区"],
    ),
];

/// Whole-header matches: short headers that a containment rule would get wrong or miss.
const EXACT: &[(ColumnKind, &[&str])] = &[
    (
        ColumnKind::Seq,
        &["序号", "序", "编号", "顺序号", "no", "no.", "#", "seq", "index"],
    ),
    (ColumnKind::IdNumber, &["id", "idcard", "idno", "idnumber"]),
    (ColumnKind::Name, &["name", "名称"]),
    (ColumnKind::Phone, &["phone", "tel", "mobile", "email"]),
    (ColumnKind::Address, &["address", "addr"]),
    (ColumnKind::Amount, &["amount", "money"]),
    (ColumnKind::Date, &["date"]),
    (ColumnKind::Note, &["note", "notes", "remark", "remarks"]),
];

/// Classifies a column header of a people list.
pub fn classify_column(header: &str) -> ColumnKind {
    let cleaned = clean_header(header);
    if let Some(kind) = lookup_exact(&cleaned) {
        return kind;
    }
    if cleaned.starts_with("序号") {
        return ColumnKind::Seq;
    }
    RULES
        .iter()
        .find(|(_, words)| words.iter().any(|w| cleaned.contains(w)))
        .map_or(ColumnKind::Other, |(kind, _)| *kind)
}

fn lookup_exact(cleaned: &str) -> Option<ColumnKind> {
    EXACT
        .iter()
        .find(|(_, words)| words.contains(&cleaned))
        .map(|(kind, _)| *kind)
}

/// Drops bracketed parts (units, notes), spaces, line breaks, stars and colons; folds
/// full-width ASCII and lowercases it. A header that is all brackets (`（元）`) keeps their
/// content instead of becoming empty.
fn clean_header(header: &str) -> String {
    let outside = strip_brackets(header, false);
    let kept = if outside.trim().is_empty() {
        strip_brackets(header, true)
    } else {
        outside
    };
    kept.chars()
        .map(fold_width)
        .filter(|c| !(c.is_whitespace() || matches!(c, '*' | ':' | '"' | '\'' | '、' | '/')))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The text outside brackets, or (with `inside`) everything but the bracket characters.
fn strip_brackets(s: &str, inside: bool) -> String {
    let mut depth = 0usize;
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '(' | '（' | '[' | '【' | '〔' | '［' | '<' | '《' => depth += 1,
            ')' | '）' | ']' | '】' | '〕' | '］' | '>' | '》' => depth = depth.saturating_sub(1),
            c if inside || depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

fn fold_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        c => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ColumnKind::*;

    fn check(cases: &[(&str, ColumnKind)]) {
        for (header, kind) in cases {
            assert_eq!(classify_column(header), *kind, "{header:?}");
        }
    }

    #[test]
    fn a_dibao_list() {
        check(&[
            ("序号", Seq),
            ("户主姓名", Name),
            ("所在村组", Place),
            ("保障人数", Count),
            ("保障金额（元）", Amount),
            ("保障类别", Category),
            ("备注", Note),
        ]);
    }

    #[test]
    fn sensitive_headers() {
        check(&[
            ("身份证号", IdNumber),
            ("身份证号码", IdNumber),
            ("证件号码", IdNumber),
            ("公民身份号码", IdNumber),
            ("社会保障号码", IdNumber),
            ("残疾证号", IdNumber),
            ("联系电话", Phone),
            ("手机号码", Phone),
            ("联系方式", Phone),
            ("电话", Phone),
            ("联系人电话", Phone),
            ("银行卡号", BankAccount),
            ("账号", BankAccount),
            ("帐号", BankAccount),
            ("开户行账号", BankAccount),
            ("开户银行", BankAccount),
            ("一卡通账号", BankAccount),
            ("住址", Address),
            ("家庭住址", Address),
            ("详细地址", Address),
            ("户籍所在地", Address),
            ("出生日期", BirthDate),
            ("出生年月", BirthDate),
            ("病情", Health),
            ("疾病名称", Health),
            ("残疾类别", Health),
            ("残疾等级", Health),
            ("病种", Health),
            ("致贫原因", Hardship),
            ("困难原因", Hardship),
            ("家庭困难情况", Hardship),
            ("家庭人均收入（元）", Hardship),
        ]);
    }

    #[test]
    fn place_is_not_address() {
        check(&[
            ("所在村组", Place),
            ("所在村", Place),
            ("村组", Place),
            ("村（社区）", Place),
            ("村民小组", Place),
            ("户籍所在村", Place),
            ("乡镇", Place),
        ]);
    }

    #[test]
    fn messy_headers() {
        check(&[
            ("金额（元）", Amount),
            ("金额(元)", Amount),
            ("补助标准(元/人·月)", Amount),
            (" 补贴金额 （元） ", Amount),
            ("身份证\n号码", IdNumber),
            ("身 份 证 号", IdNumber),
            ("＊姓名", Name),
            ("*姓名", Name),
            ("姓　名", Name),
            ("姓名：", Name),
            ("面积（亩）", Count),
            ("（元）", Amount),
            ("【备注】", Note),
            ("ＩＤ", IdNumber),
            ("Name", Name),
            ("  ", Other),
            ("", Other),
        ]);
    }

    #[test]
    fn other_common_columns() {
        check(&[
            ("编号", Seq),
            ("序号（户）", Seq),
            ("申请人", Name),
            ("救助对象", Name),
            ("补贴对象", Name),
            ("对象类别", Category),
            ("人员类别", Category),
            ("家庭人口", Count),
            ("发放时间", Date),
            ("发放年月", Date),
            ("与户主关系", Other),
            ("性别", Gender),
            ("年龄", Age),
            ("民族", Other),
            ("变更原因", Reason),
            ("审核意见", Note),
            ("补助标准", Amount),
            ("合计", Amount),
            ("安置方式", Category),
            ("村名", Place),
            ("村民姓名", Name),
        ]);
    }

    #[test]
    fn sensitivity() {
        for kind in [IdNumber, Phone, BankAccount, Address, BirthDate, Health, Hardship] {
            assert!(is_sensitive(kind), "{kind:?}");
        }
        for kind in [
            Seq, Name, Place, Count, Amount, Category, Date, Reason, Note, Gender, Age, Other,
        ] {
            assert!(!is_sensitive(kind), "{kind:?}");
        }
        assert_eq!(IdNumber.to_string(), "身份证件号码");
    }
}
