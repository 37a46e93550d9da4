//! The official lists of table 3 (国办公开办函〔2021〕30号): who applied and what became of
//! it. Clerks write an outcome in many ways (`不予公开-属于国家秘密`, `三（三）1`, `国家秘密`);
//! each is read to one leaf row or refused with the nearest official wording, never guessed.

/// The applicant columns, in the table's order; the 总计 column follows.
pub const APPLICANTS: [&str; 6] = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"];

/// Index of the 总计 column in a row of counts.
pub const TOTAL: usize = 6;

/// One leaf row of 三、本年度办理结果.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Outcome {
    /// `（三）不予公开` … the group, `""` for a group that is its own leaf.
    pub group: usize,
    /// 1-based number within the group, 0 for a group without items.
    pub item: usize,
    pub label: &'static str,
}

/// The groups （一）…（六） with their items.
pub const GROUPS: [(&str, &[&str]); 6] = [
    ("予以公开", &[]),
    ("部分公开（区分处理的，只计这一情形，不计其他情形）", &[]),
    (
        "不予公开",
        &[
            "属于国家秘密",
            "其他法律行政法规禁止公开",
            "危及“三安全一稳定”",
            "保护第三方合法权益",
            "属于三类内部事务信息",
            "属于四类过程性信息",
            "属于行政执法案卷",
            "属于行政查询事项",
        ],
    ),
    (
        "无法提供",
        &[
            "本机关不掌握相关政府信息",
            "没有现成信息需要另行制作",
            "补正后申请内容仍不明确",
        ],
    ),
    (
        "不予处理",
        &[
            "信访举报投诉类申请",
            "重复申请",
            "要求提供公开出版物",
            "无正当理由大量反复申请",
            "要求行政机关确认或重新出具已获取信息",
        ],
    ),
    (
        "其他处理",
        &[
            "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            "其他",
        ],
    ),
];

pub const NUMERALS: [&str; 8] = ["一", "二", "三", "四", "五", "六", "七", "八"];

/// Every leaf, in table order (21 of them).
pub fn leaves() -> Vec<Outcome> {
    let mut v = Vec::new();
    for (g, (label, items)) in GROUPS.iter().enumerate() {
        if items.is_empty() {
            v.push(Outcome {
                group: g,
                item: 0,
                label,
            });
        } else {
            for (i, it) in items.iter().enumerate() {
                v.push(Outcome {
                    group: g,
                    item: i + 1,
                    label: it,
                });
            }
        }
    }
    v
}

impl Outcome {
    /// The leaf's index in [`leaves`].
    pub fn index(self) -> usize {
        leaves().iter().position(|o| *o == self).unwrap_or(0)
    }

    /// `（三）不予公开 1．属于国家秘密`, the way the table names it.
    pub fn full(self) -> String {
        let (g, _) = GROUPS[self.group];
        let g = short_group(g);
        if self.item == 0 {
            format!("（{}）{g}", NUMERALS[self.group])
        } else {
            format!("（{}）{g} {}．{}", NUMERALS[self.group], self.item, self.label)
        }
    }
}

fn short_group(g: &str) -> &str {
    g.split('（').next().unwrap_or(g)
}

/// Folds what a clerk may type around the words: numbering, punctuation, spaces, quotes.
fn fold(s: &str) -> String {
    s.chars()
        .filter(|c| {
            !c.is_whitespace()
                && !c.is_ascii_digit()
                && !c.is_ascii_punctuation()
                && !"（）()、，,。．.：:；;“”\"‘’'-—–_·【】[]一二三四五六七八九".contains(*c)
        })
        .collect()
}

/// The leaf `text` names, or the nearest official wording as the error.
pub fn parse(text: &str) -> Result<Outcome, Option<String>> {
    let t = text.trim();
    let all = leaves();
    // `三（三）1` / `3.1`: the number of the row.
    if let Some(o) = by_number(t, &all) {
        return Ok(o);
    }
    let f = fold(t);
    if f.is_empty() {
        return Err(None);
    }
    // The leaf's own words, alone or after its group's (`不予公开-属于国家秘密`).
    let exact: Vec<Outcome> = all
        .iter()
        .copied()
        .filter(|o| {
            let leaf = fold(o.label);
            let group = fold(short_group(GROUPS[o.group].0));
            f == leaf || f == format!("{group}{leaf}") || (o.item == 0 && f == group)
        })
        .collect();
    // 其他 is both a group's item and a word inside others: `其他处理-其他` / `其他` alone.
    if let Some(o) = exact
        .iter()
        .find(|o| o.group == 5 && o.item == 3)
        .filter(|_| exact.len() > 1)
    {
        return Ok(*o);
    }
    if let [o] = exact.as_slice() {
        return Ok(*o);
    }
    // A shortened leaf (`国家秘密`, `本机关不掌握`): one leaf that contains all of it.
    let within: Vec<Outcome> = all
        .iter()
        .copied()
        .filter(|o| f.chars().count() >= 4 && fold(o.label).contains(&f))
        .collect();
    if let [o] = within.as_slice() {
        return Ok(*o);
    }
    let names: Vec<String> = all.iter().map(|o| o.full()).collect();
    let folded: Vec<String> = all
        .iter()
        .map(|o| format!("{}{}", fold(short_group(GROUPS[o.group].0)), fold(o.label)))
        .collect();
    let best = folded
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let d = crate::util::suggest::distance(&f, c).min(crate::util::suggest::distance(&f, &fold(all[i].label)));
            (d, i)
        })
        .min();
    Err(best.map(|(_, i)| names[i].clone()))
}

fn by_number(t: &str, all: &[Outcome]) -> Option<Outcome> {
    let t: String = t.chars().filter(|c| !c.is_whitespace()).collect();
    let t = t.strip_prefix("三").unwrap_or(&t);
    let rest = t.strip_prefix('（').or_else(|| t.strip_prefix('('))?;
    let g = NUMERALS.iter().position(|n| rest.starts_with(n))?;
    let rest = &rest[NUMERALS[g].len()..];
    let rest = rest.strip_prefix('）').or_else(|| rest.strip_prefix(')'))?;
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let after = &rest[digits.len()..];
    let item: usize = if digits.is_empty() { 0 } else { digits.parse().ok()? };
    // What follows the number must be nothing or the row's own words.
    let o = all.iter().copied().find(|o| o.group == g && o.item == item)?;
    let f = fold(after);
    (f.is_empty() || fold(o.label).contains(&f) || fold(GROUPS[g].0).contains(&f)).then_some(o)
}

/// The applicant column `text` names (`法人或其他组织-商业企业`, `企业`, `个人`).
pub fn applicant(text: &str) -> Result<usize, Option<&'static str>> {
    let f: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let f = f
        .trim_start_matches("法人或其他组织")
        .trim_start_matches(['-', '—', '/', '／', '：', ':', '（', '('])
        .trim_end_matches([')', '）']);
    let alias = match f {
        "个人" | "公民" | "群众" => Some(0),
        "企业" | "公司" | "商业企业" => Some(1),
        "律师" | "律师事务所" => Some(4),
        "其他组织" => Some(5),
        _ => None,
    };
    if let Some(i) = APPLICANTS.iter().position(|a| *a == f).or(alias) {
        return Ok(i);
    }
    Err(crate::util::suggest::closest(f, APPLICANTS.iter().copied()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twenty_one_leaves() {
        assert_eq!(leaves().len(), 21);
    }

    #[test]
    fn outcomes_in_the_ways_clerks_write_them() {
        let p = |s: &str| parse(s).map(|o| (o.group, o.item));
        assert_eq!(p("予以公开"), Ok((0, 0)));
        assert_eq!(p("部分公开"), Ok((1, 0)));
        assert_eq!(p("不予公开-属于国家秘密"), Ok((2, 1)));
        assert_eq!(p("三（三）1"), Ok((2, 1)));
        assert_eq!(p("（四）1．本机关不掌握相关政府信息"), Ok((3, 1)));
        assert_eq!(p("本机关不掌握"), Ok((3, 1)));
        assert_eq!(p("重复申请"), Ok((4, 2)));
        assert_eq!(p("其他处理-其他"), Ok((5, 3)));
        assert!(matches!(p("已公开"), Err(Some(_))));
        assert_eq!(parse("予以公布").unwrap_err().as_deref(), Some("（一）予以公开"));
    }

    #[test]
    fn applicants() {
        assert_eq!(applicant("自然人"), Ok(0));
        assert_eq!(applicant("法人或其他组织-商业企业"), Ok(1));
        assert_eq!(applicant("社会公益组织"), Ok(3));
        assert_eq!(applicant("科研机购"), Err(Some("科研机构")));
    }
}
