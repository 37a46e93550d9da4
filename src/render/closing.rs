//! What a notice's own text already says about its close, so that paper does not say it twice
//! (issue 18): the clerk's signature at the end of the body (names of the issuing bodies and a
//! date), the objection sentence, the 监督电话, and where the text refers to its list of
//! people (名单见下表). Read from the plain text of the body's top-level blocks; nothing here
//! knows one notice's wording.

/// A top-level block of the body, as its plain text (line breaks kept as `\n`).
pub struct Block {
    pub paragraph: bool,
    pub text: String,
}

/// The clerk's signature: the lines that name who issues the notice, and its date line.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Signature {
    pub names: Vec<String>,
    pub date: String,
}

/// The explicit marker a clerk puts where the data file's list goes: a paragraph of its own.
pub const LIST_MARKERS: [&str; 2] = ["【名单】", "[名单]"];

/// Words that name the end of an organisation's name (人民政府, 村民委员会, 新集村, …).
const ORG_ENDS: &[&str] = &[
    "政府",
    "委员会",
    "居委会",
    "村委会",
    "办公室",
    "办事处",
    "管委会",
    "党委",
    "党总支",
    "党支部",
    "支部",
    "工作站",
    "服务站",
    "服务中心",
    "中心",
    "合作社",
    "公司",
    "集团",
    "局",
    "委",
    "办",
    "所",
    "站",
    "院",
    "队",
    "处",
    "科",
    "厅",
    "部",
    "会",
    "社区",
    "村",
    "镇",
    "乡",
    "街道",
    "组",
];

/// The trailing blocks of `blocks` that are the clerk's signature: `Some((first block, what
/// they say))`. The last block must end with a date line; name lines before it (in the same
/// paragraph or in up to two paragraphs just before) are kept when each is short, has no
/// sentence punctuation and every name on it is an organisation's (or is `publisher`).
pub fn signature(blocks: &[Block], publisher: &str) -> Option<(usize, Signature)> {
    let last = blocks.len().checked_sub(1)?;
    if !blocks[last].paragraph {
        return None;
    }
    let mut own: Vec<&str> = lines(&blocks[last].text);
    let date = own.pop().filter(|l| is_date_line(l))?.to_string();
    if !own.iter().all(|l| is_name_line(l, publisher)) {
        return None;
    }
    // `柳河村民委员会　　柳河乡人民政府` on one line is two names: the closing block stacks them.
    let names_of = |ls: &[&str]| -> Vec<String> {
        ls.iter()
            .flat_map(|l| l.split(char::is_whitespace))
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    };
    let mut names = names_of(&own);
    let mut first = last;
    while first > 0 && last - first < 2 {
        let b = &blocks[first - 1];
        let ls = lines(&b.text);
        if !b.paragraph || ls.is_empty() || !ls.iter().all(|l| is_name_line(l, publisher)) {
            break;
        }
        first -= 1;
        names.splice(0..0, names_of(&ls));
    }
    Some((first, Signature { names, date }))
}

fn lines(text: &str) -> Vec<&str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty()).collect()
}

/// `2026年11月19日`, `二〇二六年十一月十九日`, `2026-11-19`, `2026.11.19`, `2026/11/19`, with
/// any spaces.
pub fn is_date_line(line: &str) -> bool {
    let s: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    let num = |c: char| c.is_ascii_digit() || "〇零一二三四五六七八九十○Ｏ０１２３４５６７８９".contains(c);
    // Split into runs of digits and the separators between them.
    let mut parts: Vec<(bool, String)> = Vec::new();
    for c in s.chars() {
        let d = num(c);
        match parts.last_mut() {
            Some((k, run)) if *k == d => run.push(c),
            _ => parts.push((d, c.to_string())),
        }
    }
    let seps: Vec<&str> = parts.iter().filter(|(d, _)| !d).map(|(_, s)| s.as_str()).collect();
    let nums: Vec<&str> = parts.iter().filter(|(d, _)| *d).map(|(_, s)| s.as_str()).collect();
    if nums.len() != 3 || !parts.first().is_some_and(|p| p.0) || nums[0].chars().count() != 4 {
        return false;
    }
    let small = |n: &str| (1..=3).contains(&n.chars().count());
    if !small(nums[1]) || !small(nums[2]) {
        return false;
    }
    seps == ["年", "月", "日"] || (seps.len() == 2 && seps[0] == seps[1] && ["-", ".", "/"].contains(&seps[0]))
}

/// A line of organisation names (`柳河村民委员会　　柳河乡人民政府`, `新集村`), or the
/// publisher's name, or a seal mark the clerk typed (`（盖章）`).
fn is_name_line(line: &str, publisher: &str) -> bool {
    if line.chars().count() > 40 || line.chars().any(|c| "。，；：！？、,;:!?".contains(c)) {
        return false;
    }
    line.split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .all(|w| {
            let w = w.trim_matches(|c| "（）()".contains(c));
            w.is_empty()
                || w == "盖章"
                || (!publisher.is_empty() && w.contains(publisher))
                || (w.chars().count() >= 2 && ORG_ENDS.iter().any(|e| w.ends_with(e)))
        })
}

/// Whether the body invites objections itself (a sentence with 异议 and where to take them).
pub fn has_objection(blocks: &[Block]) -> bool {
    const VERBS: &[&str] = &["反映", "提出", "联系", "反馈", "举报", "投诉", "来电", "来信", "申请"];
    blocks
        .iter()
        .any(|b| b.text.contains("异议") && VERBS.iter().any(|v| b.text.contains(v)))
}

/// Whether the body gives the telephone number `contact` (written with or without its
/// hyphen or spaces).
pub fn mentions_number(blocks: &[Block], contact: &str) -> bool {
    let digits = |s: &str| -> String { s.chars().filter(|c| !"-－—– ".contains(*c)).collect() };
    let want = digits(contact);
    !want.is_empty() && blocks.iter().any(|b| digits(&b.text).contains(&want))
}

/// Where the data file's list goes: after which block, and whether that block is an explicit
/// marker to drop. An explicit marker wins; else the first paragraph that points at a table
/// (下表, 附表, 数据表, 见表), else the first that says the list follows (如下); else `None`
/// (after the body's text, before the signature).
pub fn list_anchor(blocks: &[Block]) -> Option<(usize, bool)> {
    let para = |i: usize| blocks[i].paragraph;
    if let Some(i) = (0..blocks.len()).find(|&i| para(i) && LIST_MARKERS.contains(&blocks[i].text.trim())) {
        return Some((i, true));
    }
    for words in [&["下表", "附表", "数据表", "见表"][..], &["如下"][..]] {
        if let Some(i) = (0..blocks.len()).find(|&i| para(i) && words.iter().any(|w| blocks[i].text.contains(w))) {
            return Some((i, false));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(ps: &[&str]) -> Vec<Block> {
        ps.iter()
            .map(|t| Block {
                paragraph: true,
                text: t.to_string(),
            })
            .collect()
    }

    #[test]
    fn dates_in_the_forms_clerks_write() {
        for d in [
            "2026年11月19日",
            "2026 年 1 月 9 日",
            "二〇二六年十一月十九日",
            "2026-11-19",
            "2026.1.9",
            "2026/11/19",
        ] {
            assert!(is_date_line(d), "{d}");
        }
        for d in [
            "2026年11月",
            "11月19日",
            "公示日期：2026年11月19日",
            "2026-11/19",
            "26-11-19",
            "第2026号",
        ] {
            assert!(!is_date_line(d), "{d}");
        }
    }

    #[test]
    fn signatures_at_the_end_of_the_body() {
        let b = paras(&["特此公示。", "柳河村民委员会　　柳河乡人民政府", "2026年11月19日"]);
        let (first, s) = signature(&b, "柳河村民委员会").unwrap();
        assert_eq!(first, 1);
        assert_eq!(s.names, vec!["柳河村民委员会", "柳河乡人民政府"]);
        assert_eq!(s.date, "2026年11月19日");
        // Names and date in one paragraph, on separate lines; a county signing.
        let b = paras(&["正文。", "新集村\n石桥镇人民政府", "2026年11月26日"]);
        assert_eq!(
            signature(&b, "石桥镇人民政府").unwrap().1.names,
            vec!["新集村", "石桥镇人民政府"]
        );
        let b = paras(&["正文。", "示例县人民政府\n2026年11月17日"]);
        assert_eq!(
            signature(&b, "柳河乡人民政府").unwrap(),
            (
                1,
                Signature {
                    names: vec!["示例县人民政府".into()],
                    date: "2026年11月17日".into()
                }
            )
        );
        // A date alone: the clerk dated the text; the name is the publisher's.
        let b = paras(&["特此公告。", "2026年11月17日"]);
        assert_eq!(signature(&b, "x").unwrap().1.names, Vec::<String>::new());
        // Not signatures: a sentence before the date, no date at the end.
        let b = paras(&["公示期为2026年11月19日至30日，请监督。", "2026年11月19日"]);
        assert_eq!(signature(&b, "x").unwrap().0, 1);
        assert!(signature(&paras(&["正文。", "柳河乡人民政府"]), "x").is_none());
        assert!(signature(&paras(&["请于2026年11月19日前反映"]), "x").is_none());
    }

    #[test]
    fn objections_numbers_and_the_list_anchor() {
        let b = paras(&["公示期内如有异议，请向村委会反映。", "监督电话：0556 5217006。"]);
        assert!(has_objection(&b));
        assert!(mentions_number(&b, "0556-5217006"));
        assert!(!mentions_number(&b, "0556-5217001"));
        assert!(!has_objection(&paras(&["无异议的，予以确认。"])));
        let b = paras(&["现将名单公示如下。", "## x", "名单见所附数据表。"]);
        assert_eq!(list_anchor(&b), Some((2, false)));
        let b = paras(&["现将名单公示如下。", "【名单】"]);
        assert_eq!(list_anchor(&b), Some((1, true)));
        assert_eq!(list_anchor(&paras(&["现将名单公示如下。"])), Some((0, false)));
        assert_eq!(list_anchor(&paras(&["正文。"])), None);
    }
}
