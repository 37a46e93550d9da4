//! The shape of `book.toml` and the checks on each value.

use super::keys::KeyPositions;
use crate::diag::{Code, Diagnostic, Diagnostics, Pos, Text};
use crate::tr;
use crate::util::suggest;
use toml::{Table, Value};

mod books;
pub use books::{Audience, BookConfig, ChapterConfig};

#[derive(Clone, Debug)]
pub struct Config {
    pub site: SiteConfig,
    pub footer: Footer,
    pub townships: Vec<Township>,
    pub print: PrintConfig,
    pub rules: Rules,
    pub report: ReportConfig,
    /// `[[book]]`: the 办事一本通 handbooks.
    pub books: Vec<BookConfig>,
}

/// `[report]`: whether `gongkai build` puts the assessment report into the site.
#[derive(Clone, Debug, Default)]
pub struct ReportConfig {
    /// Build the HTML report into the site at `report/index.html`. Off by default: the
    /// report is for the county's 政务公开办, not for citizens.
    pub in_site: bool,
}

#[derive(Clone, Debug)]
pub struct SiteConfig {
    pub title: String,
    pub county: String,
    /// 6-digit county division code.
    pub code: String,
    /// Only for sitemap, feed and QR codes; every link in pages is relative.
    pub base_url: String,
    pub theme: String,
    pub output: String,
    /// Run the optional minifier (needs the `minify` cargo feature).
    pub minify: bool,
}

/// What a government site must show at the foot of every page (gov-norms 1.2).
#[derive(Clone, Debug, serde::Serialize)]
pub struct Footer {
    pub sponsor: String,
    pub organizer: String,
    pub site_id: String,
    pub icp: String,
    pub psb: String,
    pub contact: String,
    pub address: String,
    /// Link of the 党政机关网站标识, where the site has one.
    pub gov_seal_url: String,
    /// Link to 我为政府网站找错, where configured.
    pub report_error_url: String,
}

#[derive(Clone, Debug, serde::Serialize)]
pub struct Township {
    pub code: String,
    pub name: String,
    pub slug: String,
    pub contacts: Vec<String>,
    pub villages: Vec<Village>,
}

#[derive(Clone, Debug, serde::Serialize)]
pub struct Village {
    pub code: String,
    pub name: String,
    pub slug: String,
}

#[derive(Clone, Debug)]
pub struct PrintConfig {
    pub seal: String,
    pub withdraw_after_days: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RuleSeverity {
    Warning,
    Error,
}

#[derive(Clone, Debug)]
pub struct Rules {
    /// Published after the time limit.
    pub late: RuleSeverity,
    /// Published at a level the catalog does not list (a township reposting a county item, a
    /// village board carrying a township item). Common practice, so a warning by default.
    pub level: RuleSeverity,
    /// A 办事指南 lacking an element or saying it vaguely (GK183–GK186). A warning by default:
    /// a county upgrading gongkai with years of older guides must not find its site unbuildable
    /// overnight; a new site sets "error" (the example site does).
    pub guide: RuleSeverity,
    /// Days after a 征求意见 closes by which its 意见反馈 is due (GK162).
    pub feedback_days: u32,
}

impl Config {
    /// Every number listed as an official contact anywhere in the configuration.
    pub fn official_contacts(&self) -> Vec<String> {
        let mut all = vec![self.footer.contact.clone()];
        for t in &self.townships {
            all.extend(t.contacts.iter().cloned());
        }
        all
    }
}

const TOP: &[&str] = &["site", "footer", "townships", "print", "rules", "report", "book"];
const SITE: &[&str] = &["title", "county", "code", "base_url", "theme", "output", "minify"];
const FOOTER: &[&str] = &[
    "sponsor",
    "organizer",
    "site_id",
    "icp",
    "psb",
    "contact",
    "address",
    "gov_seal_url",
    "report_error_url",
];
const TOWNSHIP: &[&str] = &["code", "name", "slug", "contacts", "villages"];
const VILLAGE: &[&str] = &["code", "name", "slug"];
const PRINT: &[&str] = &["seal", "withdraw_after_days"];
const RULES: &[&str] = &["late", "level", "guide", "feedback_days"];
const REPORT: &[&str] = &["in_site"];

pub(super) fn check(root: &Table, keys: &KeyPositions, src: &str, diags: &mut Diagnostics) -> Option<Config> {
    let mut r = Reader { keys, src, diags };
    r.unknown(root, "", TOP);
    let empty = Table::new();
    let site_t = r.table(root, "site").unwrap_or(&empty);
    r.unknown(site_t, "site", SITE);
    let site = SiteConfig {
        title: r.string(site_t, "site", "title", true).unwrap_or_default(),
        county: r.string(site_t, "site", "county", true).unwrap_or_default(),
        code: r.string(site_t, "site", "code", true).unwrap_or_default(),
        base_url: r.string(site_t, "site", "base_url", false).unwrap_or_default(),
        theme: r
            .string(site_t, "site", "theme", false)
            .unwrap_or_else(|| "default".into()),
        output: r
            .string(site_t, "site", "output", false)
            .unwrap_or_else(|| "public".into()),
        minify: r.boolean(site_t, "site", "minify").unwrap_or(false),
    };
    r.digits(&site.code, 6, "", "site.code");
    if site.minify && !cfg!(feature = "minify") {
        let pos = r.pos("site.minify");
        r.diags.push(
            Diagnostic::warning(
                Code::ConfigValue,
                super::FILE,
                pos,
                tr!(
                    "site.minify = true，但本程序编译时没有启用压缩功能，页面不会压缩",
                    "site.minify = true, but this build of gongkai has no minifier: pages are not minified"
                ),
                tr!(
                    "用 cargo build --release --features minify 重新编译，或删除这一行；静态主机的 gzip 压缩效果更好。",
                    "Rebuild with --features minify, or remove the line; the host's gzip does more."
                ),
            )
            .with_source(r.src),
        );
    }
    let web = ["http://", "https://"].iter().any(|p| site.base_url.starts_with(p));
    if !site.base_url.is_empty() && !web {
        r.bad(
            "site.base_url",
            tr!(
                "base_url 必须以 http:// 或 https:// 开头",
                "base_url must start with http:// or https://"
            ),
        );
    }

    let footer_t = r.table(root, "footer").unwrap_or(&empty);
    r.unknown(footer_t, "footer", FOOTER);
    let req = |r: &mut Reader, k: &str| r.string(footer_t, "footer", k, true).unwrap_or_default();
    let footer = Footer {
        sponsor: req(&mut r, "sponsor"),
        organizer: req(&mut r, "organizer"),
        site_id: req(&mut r, "site_id"),
        icp: req(&mut r, "icp"),
        psb: req(&mut r, "psb"),
        contact: req(&mut r, "contact"),
        address: r.string(footer_t, "footer", "address", false).unwrap_or_default(),
        gov_seal_url: r.string(footer_t, "footer", "gov_seal_url", false).unwrap_or_default(),
        report_error_url: r
            .string(footer_t, "footer", "report_error_url", false)
            .unwrap_or_default(),
    };

    let townships = r.townships(root, &site.code);

    let print_t = r.table(root, "print").unwrap_or(&empty);
    r.unknown(print_t, "print", PRINT);
    let print = PrintConfig {
        seal: r
            .string(print_t, "print", "seal", false)
            .unwrap_or_else(|| "（盖章）".into()),
        withdraw_after_days: r.integer(print_t, "print", "withdraw_after_days").unwrap_or(30),
    };

    let rules_t = r.table(root, "rules").unwrap_or(&empty);
    r.unknown(rules_t, "rules", RULES);
    let late = r.severity(rules_t, "late");
    let level = r.severity(rules_t, "level");
    let guide = r.severity(rules_t, "guide");
    let feedback_days = r.integer(rules_t, "rules", "feedback_days").unwrap_or(30);

    let report_t = r.table(root, "report").unwrap_or(&empty);
    r.unknown(report_t, "report", REPORT);
    let report = ReportConfig {
        in_site: r.boolean(report_t, "report", "in_site").unwrap_or(false),
    };
    let books = r.books(root);
    Some(Config {
        site,
        footer,
        townships,
        print,
        rules: Rules {
            late,
            level,
            guide,
            feedback_days,
        },
        report,
        books,
    })
}

struct Reader<'a> {
    keys: &'a KeyPositions,
    src: &'a str,
    diags: &'a mut Diagnostics,
}

impl<'a> Reader<'a> {
    /// A `[rules]` switch: `"warning"` (the default) or `"error"`.
    fn severity(&mut self, t: &Table, key: &str) -> RuleSeverity {
        match self.string(t, "rules", key, false).as_deref() {
            None | Some("warning") => RuleSeverity::Warning,
            Some("error") => RuleSeverity::Error,
            Some(other) => {
                let path = format!("rules.{key}");
                self.bad(
                    &path,
                    tr!(
                        "{path} 只能是 \"warning\" 或 \"error\"，而不是 \"{other}\"",
                        "{path} must be \"warning\" or \"error\", not \"{other}\""
                    ),
                );
                RuleSeverity::Warning
            }
        }
    }

    fn pos(&self, path: &str) -> Pos {
        self.keys.get(path)
    }

    fn push(&mut self, code: Code, path: &str, message: Text, hint: Text) {
        let d = Diagnostic::error(code, super::FILE, self.pos(path), message, hint).with_source(self.src);
        self.diags.push(d);
    }

    fn bad(&mut self, path: &str, message: Text) {
        self.push(Code::ConfigValue, path, message, Code::ConfigValue.fix());
    }

    fn bad_with(&mut self, path: &str, message: Text, hint: Text) {
        self.push(Code::ConfigValue, path, message, hint);
    }

    fn unknown(&mut self, t: &Table, path: &str, known: &[&str]) {
        for key in t.keys() {
            if known.contains(&key.as_str()) {
                continue;
            }
            let full = if path.is_empty() {
                key.clone()
            } else {
                format!("{path}.{key}")
            };
            let hint = match suggest::closest(key, known.iter().copied()) {
                Some(s) => tr!("是不是想写 `{s}`？", "did you mean `{s}`?"),
                None => crate::diag::Text::new(
                    format!("可用的键：{}", known.join("、")),
                    format!("known keys: {}", known.join(", ")),
                ),
            };
            let where_ = if path.is_empty() {
                "顶层".to_string()
            } else {
                format!("[{path}]")
            };
            self.push(
                Code::ConfigUnknownKey,
                &full,
                tr!(
                    "book.toml 的 {where_} 中有未知的键 `{key}`",
                    "unknown key `{key}` in {where_} of book.toml"
                ),
                hint,
            );
        }
    }

    fn table<'t>(&mut self, t: &'t Table, key: &str) -> Option<&'t Table> {
        match t.get(key) {
            Some(Value::Table(inner)) => Some(inner),
            Some(_) => {
                self.bad(
                    key,
                    tr!("`{key}` 应当是一个表 [{key}]", "`{key}` must be a table [{key}]"),
                );
                None
            }
            None => {
                if key == "site" || key == "footer" {
                    self.push(
                        Code::ConfigValue,
                        key,
                        tr!("book.toml 缺少 [{key}] 部分", "book.toml has no [{key}] table"),
                        tr!(
                            "参照 gongkai init 生成的 book.toml 补上 [{key}]。",
                            "Add a [{key}] table as in the book.toml made by gongkai init."
                        ),
                    );
                }
                None
            }
        }
    }

    fn string(&mut self, t: &Table, table: &str, key: &str, required: bool) -> Option<String> {
        let path = format!("{table}.{key}");
        match t.get(key) {
            Some(Value::String(s)) if required && s.trim().is_empty() => {
                self.bad(&path, tr!("`{path}` 不能为空", "`{path}` may not be empty"));
                None
            }
            Some(Value::String(s)) => Some(s.trim().to_string()),
            Some(Value::Integer(i)) => {
                self.bad(
                    &path,
                    tr!(
                        "`{path}` 应当是加引号的文字，例如 \"{i}\"",
                        "`{path}` must be a quoted string, e.g. \"{i}\""
                    ),
                );
                None
            }
            Some(_) => {
                self.bad(
                    &path,
                    tr!("`{path}` 应当是加引号的文字", "`{path}` must be a quoted string"),
                );
                None
            }
            None if required => {
                let pos_path = table.to_string();
                self.push(
                    Code::ConfigValue,
                    &pos_path,
                    tr!("book.toml 缺少必填项 `{path}`", "book.toml is missing `{path}`"),
                    tr!(
                        "在 [{table}] 下加一行 {key} = \"…\"。",
                        "Add `{key} = \"…\"` under [{table}]."
                    ),
                );
                None
            }
            None => None,
        }
    }

    fn boolean(&mut self, t: &Table, table: &str, key: &str) -> Option<bool> {
        match t.get(key) {
            Some(Value::Boolean(b)) => Some(*b),
            Some(_) => {
                let path = format!("{table}.{key}");
                self.bad(
                    &path,
                    tr!("`{path}` 应当是 true 或 false", "`{path}` must be true or false"),
                );
                None
            }
            None => None,
        }
    }

    fn integer(&mut self, t: &Table, table: &str, key: &str) -> Option<u32> {
        match t.get(key) {
            Some(Value::Integer(i)) if (0..=3650).contains(i) => Some(*i as u32),
            Some(_) => {
                let path = format!("{table}.{key}");
                self.bad(
                    &path,
                    tr!(
                        "`{path}` 应当是 0 到 3650 之间的整数",
                        "`{path}` must be a whole number from 0 to 3650"
                    ),
                );
                None
            }
            None => None,
        }
    }

    fn digits(&mut self, value: &str, n: usize, prefix: &str, path: &str) {
        let ok = value.len() == n && value.bytes().all(|b| b.is_ascii_digit()) && value.starts_with(prefix);
        if !value.is_empty() && !ok {
            let msg = if prefix.is_empty() {
                tr!(
                    "`{path}` 应当是 {n} 位数字的区划代码，而不是 \"{value}\"",
                    "`{path}` must be a {n}-digit division code, not \"{value}\""
                )
            } else {
                tr!(
                    "`{path}` 应当是以上级代码 {prefix} 开头的 {n} 位数字，而不是 \"{value}\"",
                    "`{path}` must be {n} digits starting with {prefix}, not \"{value}\""
                )
            };
            let hint = if prefix.is_empty() {
                tr!(
                    "填写国家统计局《统计用区划代码》中的 {n} 位代码，加英文引号。",
                    "Use the {n}-digit code of the statistical division codes, quoted."
                )
            } else {
                tr!(
                    "下级代码以上级代码 {prefix} 开头，共 {n} 位（统计用区划代码），加英文引号。",
                    "A child code starts with its parent's {prefix} and has {n} digits, quoted."
                )
            };
            self.bad_with(path, msg, hint);
        }
    }

    fn slug(&mut self, value: &str, path: &str) {
        let ok = !value.is_empty()
            && value
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !value.starts_with('-');
        if !ok {
            let lower = value.to_ascii_lowercase();
            let hint = if !lower.is_empty()
                && lower
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            {
                tr!("改成小写：slug = \"{lower}\"", "Use lower case: slug = \"{lower}\"")
            } else {
                tr!(
                    "用名称的拼音（小写、不带声调、不加空格），例如 桃园村 写 slug = \"taoyuan\"。",
                    "Use the name in pinyin, lower case, no spaces, e.g. slug = \"taoyuan\"."
                )
            };
            self.bad_with(
                path,
                tr!(
                    "`{path}` 只能由小写英文字母、数字和 - 组成（用于网址），而不是 \"{value}\"",
                    "`{path}` may hold only a-z, 0-9 and - (it is used in URLs), not \"{value}\""
                ),
                hint,
            );
        }
    }

    fn strings(&mut self, t: &Table, path: &str, key: &str) -> Vec<String> {
        match t.get(key) {
            Some(Value::Array(items)) => items
                .iter()
                .filter_map(|v| v.as_str().map(|s| s.trim().to_string()))
                .collect(),
            Some(_) => {
                let p = format!("{path}.{key}");
                self.bad(
                    &p,
                    tr!(
                        "`{p}` 应当是列表，例如 [\"0556-1234567\"]",
                        "`{p}` must be a list, e.g. [\"0556-1234567\"]"
                    ),
                );
                Vec::new()
            }
            None => Vec::new(),
        }
    }

    fn townships(&mut self, root: &Table, county: &str) -> Vec<Township> {
        let list = match root.get("townships") {
            Some(Value::Array(a)) => a,
            Some(_) => {
                self.bad(
                    "townships",
                    tr!(
                        "乡镇要写成 [[townships]] 表数组",
                        "townships must be written as [[townships]]"
                    ),
                );
                return Vec::new();
            }
            None => return Vec::new(),
        };
        let mut out: Vec<Township> = Vec::new();
        for (i, v) in list.iter().enumerate() {
            let path = format!("townships.{i}");
            let Some(t) = v.as_table() else { continue };
            self.unknown(t, &path, TOWNSHIP);
            let code = self.string(t, &path, "code", true).unwrap_or_default();
            self.digits(&code, 9, county, &format!("{path}.code"));
            let slug = self.string(t, &path, "slug", true).unwrap_or_default();
            self.slug(&slug, &format!("{path}.slug"));
            let township = Township {
                name: self.string(t, &path, "name", true).unwrap_or_default(),
                contacts: self.strings(t, &path, "contacts"),
                villages: self.villages(t, &path, &code),
                code,
                slug,
            };
            if let Some(prev) = out
                .iter()
                .find(|o| o.slug == township.slug || o.name == township.name || o.code == township.code)
            {
                let prev = prev.name.clone();
                self.bad(
                    &path,
                    tr!(
                        "乡镇“{}”与“{prev}”的名称、slug 或代码重复",
                        "township {} repeats the name, slug or code of {prev}",
                        township.name
                    ),
                );
            }
            out.push(township);
        }
        out
    }

    fn villages(&mut self, t: &Table, tpath: &str, tcode: &str) -> Vec<Village> {
        let Some(Value::Array(list)) = t.get("villages") else {
            return Vec::new();
        };
        let mut out: Vec<Village> = Vec::new();
        for (j, v) in list.iter().enumerate() {
            let path = format!("{tpath}.villages.{j}");
            let Some(vt) = v.as_table() else { continue };
            self.unknown(vt, &path, VILLAGE);
            let code = self.string(vt, &path, "code", true).unwrap_or_default();
            self.digits(&code, 12, tcode, &format!("{path}.code"));
            let slug = self.string(vt, &path, "slug", true).unwrap_or_default();
            self.slug(&slug, &format!("{path}.slug"));
            let village = Village {
                name: self.string(vt, &path, "name", true).unwrap_or_default(),
                code,
                slug,
            };
            if out.iter().any(|o| o.slug == village.slug || o.name == village.name) {
                self.bad(
                    &path,
                    tr!(
                        "村“{}”的名称或 slug 重复",
                        "village {} repeats a name or slug",
                        village.name
                    ),
                );
            }
            out.push(village);
        }
        out
    }
}
