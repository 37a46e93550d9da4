//! The vocabulary the browser cuts and widens queries with, written as `search/lex.js`.
//!
//! People search in their own words: `低保` for 最低生活保障, `柳河村低保` without a space,
//! `底保` by a slip of pinyin input. The index holds the notices' own words only; the widening
//! happens at query time, so the index does not grow with the dictionary. `lex.js` carries:
//!
//! * `syn`: the curated dictionary of government terms (`synonyms.tsv`, one group a line, the
//!   official name first, each with where it comes from);
//! * `places`: the townships and villages of the notices, words to cut queries at (`柳河村` in
//!   `柳河村低保`); the notices of a place are found through the postings' card field, so
//!   `柳河村` finds them though their text never names it;
//! * `items`: every catalog item path the notices use (`社会救助/最低生活保障/审核信息`): its
//!   parts are words to cut queries at, and the card field of the postings finds its notices;
//! * `py`: the homophone table of the site's characters ([`super::homophones`]).

use serde::Serialize;

use super::OutputFile;

/// One line of `synonyms.tsv`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    /// The official name first, then short, colloquial and former names.
    pub forms: Vec<String>,
    pub source: String,
}

/// The dictionary the binary ships.
pub const BUILTIN: &str = include_str!("synonyms.tsv");

/// Reads a dictionary: `official<TAB>form、form…<TAB>source`, `#` comments. Every error names
/// its line, so a maintainer adding a term finds the slip.
pub fn parse(text: &str) -> Result<Vec<Group>, String> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let [official, others, source] = cols[..] else {
            return Err(format!(
                "第 {} 行应有三列（正式名称、简称俗称、来源），实有 {} 列",
                n + 1,
                cols.len()
            ));
        };
        let mut forms = vec![official.trim().to_string()];
        for f in others.split('、').map(str::trim) {
            if f.is_empty() || forms.iter().any(|x| x == f) {
                return Err(format!("第 {} 行：空的或重复的词“{f}”", n + 1));
            }
            forms.push(f.to_string());
        }
        if forms[0].is_empty() || source.trim().is_empty() {
            return Err(format!("第 {} 行缺正式名称或来源", n + 1));
        }
        out.push(Group {
            forms,
            source: source.trim().to_string(),
        });
    }
    Ok(out)
}

/// The built-in dictionary. Checked by the tests; a broken file would only lose the widening.
pub fn builtin() -> Vec<Group> {
    parse(BUILTIN).unwrap_or_default()
}

/// What `lex.js` holds besides the dictionary.
pub struct LexInput<'a> {
    pub groups: &'a [Group],
    /// `(name, "t" or "v", filter number)`.
    pub places: Vec<(&'a str, &'static str, u32)>,
    /// Item paths; the position is the filter number.
    pub items: Vec<&'a str>,
    pub homophones: String,
}

#[derive(Serialize)]
struct Lex<'a> {
    syn: Vec<&'a [String]>,
    places: &'a [(&'a str, &'static str, u32)],
    items: &'a [&'a str],
    py: &'a str,
}

/// `search/lex.js`: `gongkaiSearch.lex({...});`. Its readable text is itself (it is words).
pub fn lex_file(input: &LexInput<'_>) -> OutputFile {
    let lex = Lex {
        syn: input.groups.iter().map(|g| g.forms.as_slice()).collect(),
        places: &input.places,
        items: &input.items,
        py: &input.homophones,
    };
    let json = serde_json::to_string(&lex).unwrap_or_else(|_| "{}".to_string());
    let json = json.replace('\u{2028}', "\\u2028").replace('\u{2029}', "\\u2029");
    let text = format!("gongkaiSearch.lex({json});\n");
    OutputFile {
        path: "search/lex.js".to_string(),
        readable: Some(text.clone()),
        bytes: text.into_bytes(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::text::normalize;

    #[test]
    fn builtin_dictionary_is_well_formed_and_sourced() {
        let groups = parse(BUILTIN).expect("synonyms.tsv");
        assert!(groups.len() >= 100, "{} groups", groups.len());
        let forms: usize = groups.iter().map(|g| g.forms.len()).sum();
        assert!(forms >= 300, "{forms} forms");
        for g in &groups {
            assert!(g.forms.len() >= 2, "{:?} has no other form", g.forms[0]);
            for f in &g.forms {
                // The browser matches a form as one run of text: no separators inside.
                let n = normalize(f);
                assert!(
                    !n.trim().is_empty() && !n.trim().contains(' '),
                    "{f:?} is not one run: {n:?}"
                );
            }
        }
        let find = |f: &str| groups.iter().find(|g| g.forms.iter().any(|x| x == f));
        for (short, official) in [
            ("低保", "最低生活保障"),
            ("五保", "特困人员救助供养"),
            ("新农合", "城乡居民基本医疗保险"),
            ("合作医疗", "城乡居民基本医疗保险"),
            ("危改", "农村危房改造"),
            ("残补", "困难残疾人生活补贴"),
            ("两委", "村“两委”"),
            ("社保", "社会保险"),
        ] {
            assert_eq!(find(short).map(|g| g.forms[0].as_str()), Some(official), "{short}");
        }
        assert!(find("一事一议").is_some());
    }

    #[test]
    fn parse_errors_name_the_line() {
        assert!(parse("# c\n低保\t最低\n").unwrap_err().contains("第 2 行"));
        assert!(parse("甲\t乙、乙\t来源\n").unwrap_err().contains("重复"));
        assert!(parse("甲\t乙\t \n").unwrap_err().contains("来源"));
        assert_eq!(parse("甲\t乙、丙\t某文件\r\n").map(|g| g[0].forms.len()), Ok(3));
    }

    #[test]
    fn lex_file_is_one_script_call() {
        let groups = parse("甲乙\t丙\t某文件\n").unwrap_or_default();
        let f = lex_file(&LexInput {
            groups: &groups,
            places: vec![("柳河村", "v", 0)],
            items: vec!["社会救助/最低生活保障"],
            homophones: "低底".into(),
        });
        let text = String::from_utf8(f.bytes).unwrap_or_default();
        assert!(
            text.starts_with("gongkaiSearch.lex({\"syn\":[[\"甲乙\",\"丙\"]]"),
            "{text}"
        );
        assert!(text.contains("[\"柳河村\",\"v\",0]") && text.ends_with("});\n"));
    }
}
