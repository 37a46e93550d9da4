//! The policy kinds resolved into the typed [`Library`]: 政策文件, 政策解读, 征求意见 and
//! 意见反馈, each from its own keys. References between them (a 解读's 关联文件, a 反馈's
//! 征求意见) are looked up once all are typed; what cannot be found is left `None` for the
//! policy rules to report, so one run shows every problem.

use super::cascade::cascade;
use super::paths::short_hash;
use super::policy_keys::PolicyKeys;
use crate::config::Config;
use crate::diag::{Code, Diagnostic, Diagnostics, Pos, Text};
use crate::load::{Field, Kind, Loaded, Source};
use crate::policy::{
    At, CallType, Category, Consultation, Document, Feedback, Interpretation, Library, Override, Status, docno,
};
use crate::render::notice_view::normalize;
use crate::tr;
use jiff::ToSpan;
use jiff::civil::Date;
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

/// Every policy source of `loaded`, typed.
pub fn resolve(root: &Path, config: &Config, loaded: &Loaded, diags: &mut Diagnostics) -> Library {
    let defaults: HashMap<PathBuf, usize> = loaded
        .sources
        .iter()
        .enumerate()
        .filter(|(_, s)| s.is_index())
        .filter_map(|(i, s)| s.path.parent().map(|p| (p.to_path_buf(), i)))
        .collect();
    let mut lib = Library::default();
    let mut urls = BTreeSet::new();
    // (kind's index, written target) to look up once every document is known.
    let mut doc_refs: Vec<(Kind, usize, PathBuf)> = Vec::new();
    for (i, s) in loaded.sources.iter().enumerate() {
        if s.is_index() || !s.kind.is_policy() {
            continue;
        }
        let (fm, _) = cascade(root, s, &loaded.sources, &defaults);
        let keys = PolicyKeys::read(s, &fm, s.kind, diags);
        let mut r = R { s, diags, config };
        let title = fm.title.as_ref().map(|t| t.value.clone());
        let title_pos = fm.title.as_ref().map_or(Pos::new(2, 1), |t| t.pos);
        let published = r.need_date(fm.published.as_ref(), "发布日期", "2026-11-20");
        let township = r.township(fm.township.as_ref());
        if title.is_none() {
            r.missing("标题", "示政办〔2026〕12号文件标题");
        }
        let dir = s.path.parent().unwrap_or(root).to_path_buf();
        let scope = township
            .flatten()
            .map_or_else(String::new, |t| format!("{}/", config.townships[t].slug));
        let (Some(title), Some(published), Some(township)) = (title, published, township) else {
            continue;
        };
        let day = published.value;
        let url = |sub: &str, urls: &mut BTreeSet<String>| page_url(&scope, sub, s, day, urls);
        match s.kind {
            Kind::Document => {
                if let Some(d) = document(&mut r, &keys, title, published, township) {
                    let url = url("wenjian", &mut urls);
                    lib.documents.push(Document { source: i, url, ..d });
                }
            }
            Kind::Interpretation => {
                // Placeholders left empty (`解读人: ""`, as `gongkai new` writes them) are
                // reported here at their lines, all in one run, and then count as written so
                // that GK160 does not report them a second time.
                let blanks: Vec<(&str, Pos)> = [
                    ("解读机关", "示例县民政局"),
                    ("解读人", "王明（县民政局副局长）"),
                    ("联系方式", "0556-5123456"),
                ]
                .into_iter()
                .filter_map(|(k, example)| {
                    let b = keys.blank(k)?.pos;
                    r.need(&keys, k, example);
                    Some((k, b))
                })
                .collect();
                let Some(target) = r.need(&keys, "关联文件", "示政办〔2026〕12号") else {
                    continue;
                };
                doc_refs.push((Kind::Interpretation, lib.interpretations.len(), dir.clone()));
                let text = |k: &str| {
                    keys.get(k)
                        .map(|f| At {
                            value: f.value.clone(),
                            pos: f.pos,
                        })
                        .or_else(|| {
                            blanks.iter().find(|(b, _)| *b == k).map(|(_, pos)| At {
                                value: String::new(),
                                pos: *pos,
                            })
                        })
                };
                let contact = text("联系方式").or(fm.contact.as_ref().map(|f| At {
                    value: f.value.clone(),
                    pos: f.pos,
                }));
                lib.interpretations.push(Interpretation {
                    source: i,
                    rel: s.rel.clone(),
                    title,
                    target: At {
                        value: target.value.clone(),
                        pos: target.pos,
                    },
                    document: None,
                    agency: text("解读机关"),
                    person: text("解读人"),
                    contact,
                    form: keys.get("解读形式").map_or_else(|| "文字".into(), |f| f.value.clone()),
                    township,
                    published,
                    title_pos,
                    url: url("jiedu", &mut urls),
                });
            }
            Kind::Consultation => {
                let contact = keys.get("联系方式").or(fm.contact.as_ref()).cloned();
                if let Some(c) = consultation(&mut r, &keys, contact, title, published, township) {
                    if keys.get("关联文件").is_some() {
                        doc_refs.push((Kind::Consultation, lib.consultations.len(), dir.clone()));
                    }
                    let url = url("zhengqiu", &mut urls);
                    lib.consultations.push(Consultation {
                        source: i,
                        title_pos,
                        url,
                        ..c
                    });
                }
            }
            Kind::Feedback => {
                let Some(target) = r.need(&keys, "征求意见", "zhengqiu-yanglao.md") else {
                    continue;
                };
                lib.feedback.push(Feedback {
                    source: i,
                    rel: s.rel.clone(),
                    title,
                    target: At {
                        value: target.value.clone(),
                        pos: target.pos,
                    },
                    consultation: None,
                    township,
                    published,
                    url: url("fankui", &mut urls),
                });
            }
            Kind::Notice | Kind::Unknown => {}
        }
    }
    link(&mut lib, &loaded.sources, root, &doc_refs);
    lib
}

/// The page of a policy source: its own stem when that is a clean ASCII slug, else the date
/// and a hash of its path (clerks name files in Chinese); a taken name gets the hash too.
fn page_url(scope: &str, sub: &str, s: &Source, published: Date, urls: &mut BTreeSet<String>) -> String {
    let stem = s.path.file_stem().and_then(|x| x.to_str()).unwrap_or("");
    let clean = !stem.is_empty()
        && stem != "index"
        && stem
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    let mut name = if clean {
        stem.to_string()
    } else {
        format!("{}-{}", published.strftime("%Y%m%d"), short_hash(&s.rel))
    };
    let mut url = format!("{scope}policy/{sub}/{name}.html");
    if urls.contains(&url) {
        name = format!("{name}-{}", short_hash(&s.rel));
        url = format!("{scope}policy/{sub}/{name}.html");
    }
    urls.insert(url.clone());
    url
}

/// Look up the documents and calls that 解读, 征求意见 and 反馈 name.
fn link(lib: &mut Library, sources: &[Source], root: &Path, refs: &[(Kind, usize, PathBuf)]) {
    let find_doc = |lib: &Library, written: &str, dir: &Path| -> Option<usize> {
        if let Ok((d, _)) = docno::parse(written) {
            return lib.by_docno(&d);
        }
        let p = target_path(root, dir, written);
        lib.documents
            .iter()
            .position(|d| normalize(&sources[d.source].path) == p)
    };
    for (kind, i, dir) in refs {
        match kind {
            Kind::Interpretation => {
                let w = lib.interpretations[*i].target.value.clone();
                lib.interpretations[*i].document = find_doc(lib, &w, dir);
            }
            Kind::Consultation => {
                let w = lib.consultations[*i]
                    .target
                    .as_ref()
                    .map(|t| t.value.clone())
                    .unwrap_or_default();
                lib.consultations[*i].document = find_doc(lib, &w, dir);
            }
            _ => {}
        }
    }
    for f in 0..lib.feedback.len() {
        let dir = sources[lib.feedback[f].source]
            .path
            .parent()
            .unwrap_or(root)
            .to_path_buf();
        let p = target_path(root, &dir, &lib.feedback[f].target.value);
        lib.feedback[f].consultation = lib
            .consultations
            .iter()
            .position(|c| normalize(&sources[c.source].path) == p);
    }
}

/// A path as a clerk writes it in a front matter: beside the file, or from the site root
/// (`content/…`).
/// Written without `.md` (as a clerk names the page, not the file), the Markdown file is meant.
fn target_path(root: &Path, dir: &Path, written: &str) -> PathBuf {
    let w = written.trim().trim_start_matches("./");
    let with_md;
    let w = if Path::new(w).extension().is_none() && !w.is_empty() {
        with_md = format!("{w}.md");
        with_md.as_str()
    } else {
        w
    };
    if w.starts_with("content/") {
        normalize(&root.join(w))
    } else {
        normalize(&dir.join(w))
    }
}

struct R<'a> {
    s: &'a Source,
    diags: &'a mut Diagnostics,
    config: &'a Config,
}

impl R<'_> {
    fn error(&mut self, code: Code, pos: Pos, message: Text, hint: Text) {
        self.diags
            .push(Diagnostic::error(code, &self.s.rel, pos, message, hint).with_source(&self.s.text()));
    }

    fn warning(&mut self, code: Code, pos: Pos, message: Text, hint: Text) {
        self.diags
            .push(Diagnostic::warning(code, &self.s.rel, pos, message, hint).with_source(&self.s.text()));
    }

    fn missing(&mut self, key: &str, example: &str) {
        let pos = Pos::new(self.s.body_first_line.saturating_sub(1).max(1), 1);
        let (rel, name) = (&self.s.rel, self.s.kind.name_zh());
        self.error(
            Code::PolicyMissingKey,
            pos,
            tr!(
                "{rel}（{name}）缺少必填项“{key}”",
                "{rel} ({name}) lacks the required key `{key}`"
            ),
            tr!(
                "在结束的 --- 之前加一行：{key}: {example}",
                "Add a line before the closing ---: {key}: {example}"
            ),
        );
    }

    fn need<'k>(&mut self, keys: &'k PolicyKeys, key: &str, example: &str) -> Option<&'k Field<String>> {
        let f = keys.get(key);
        if f.is_none() {
            match keys.blank(key) {
                // A placeholder of a template: point at its line rather than ask for a new one.
                Some(b) => {
                    let (rel, name) = (&self.s.rel, self.s.kind.name_zh());
                    self.error(
                        Code::PolicyMissingKey,
                        b.pos,
                        tr!(
                            "{rel}（{name}）的必填项“{key}”还没有填写",
                            "{rel} ({name}): the required key `{key}` is empty"
                        ),
                        tr!(
                            "在这一行填上，例如：{key}: {example}",
                            "Fill it in, e.g. {key}: {example}"
                        ),
                    );
                }
                None => self.missing(key, example),
            }
        }
        f
    }

    fn date(&mut self, f: &Field<String>, key: &str) -> Option<At<Date>> {
        match crate::dates::parse_date(&f.value) {
            Ok(d) => Some(At { value: d, pos: f.pos }),
            Err(e) => {
                let (v, zh, en) = (&f.value, e.message_zh(), e.to_string());
                self.error(
                    Code::BadDate,
                    f.pos,
                    tr!(
                        "“{key}”的值“{v}”不是有效日期：{zh}",
                        "`{key}` value `{v}` is not a valid date: {en}"
                    ),
                    tr!(
                        "写成 {key}: 2026-09-25 或 {key}: 2026年9月25日。",
                        "Write it as {key}: 2026-09-25."
                    ),
                );
                None
            }
        }
    }

    fn need_date(&mut self, f: Option<&Field<String>>, key: &str, example: &str) -> Option<At<Date>> {
        match f {
            Some(f) => self.date(f, key),
            None => {
                self.missing(key, example);
                None
            }
        }
    }

    /// `Some(None)`: a county document; `None`: an unknown township (reported).
    fn township(&mut self, f: Option<&Field<String>>) -> Option<Option<usize>> {
        let Some(f) = f else { return Some(None) };
        let v = f.value.trim();
        let towns = &self.config.townships;
        if let Some(t) = towns.iter().position(|t| t.name == v || t.slug == v || t.code == v) {
            return Some(Some(t));
        }
        let names = towns.iter().map(|t| t.name.as_str()).collect::<Vec<_>>().join("、");
        self.error(
            Code::UnknownTownship,
            f.pos,
            tr!("乡镇“{v}”不在 book.toml 中", "no township `{v}` in book.toml"),
            tr!(
                "乡镇写 book.toml 中的乡镇：{names}；县级文件不写乡镇。",
                "Use a township of book.toml ({names}); a county document has no 乡镇."
            ),
        );
        None
    }

    fn bad_value(&mut self, f: &Field<String>, key: &str, allowed: &str) {
        let v = &f.value;
        self.error(
            Code::PolicyBadValue,
            f.pos,
            tr!("“{key}”的值“{v}”无法识别", "`{key}` value `{v}` is not known"),
            tr!("{key} 写：{allowed}", "Write {key} as one of: {allowed}"),
        );
    }
}

fn document(
    r: &mut R,
    keys: &PolicyKeys,
    title: String,
    published: At<Date>,
    township: Option<usize>,
) -> Option<Document> {
    let docno = r
        .need(keys, "文号", "示政办〔2026〕12号")
        .and_then(|f| match docno::parse(&f.value) {
            Ok((d, normalized)) => {
                if normalized {
                    let (v, canon) = (&f.value, d.to_string());
                    r.warning(
                        Code::DocNoForm,
                        f.pos,
                        tr!(
                            "文号“{v}”写法不规范，按“{canon}”处理",
                            "文号 `{v}` is read as `{canon}`"
                        ),
                        tr!("改成：文号: {canon}", "Write: 文号: {canon}"),
                    );
                }
                Some(At { value: d, pos: f.pos })
            }
            Err(e) => {
                let (v, zh, en) = (&f.value, e.zh(), e.en());
                r.error(
                    Code::BadDocNo,
                    f.pos,
                    tr!("文号“{v}”无法识别：{zh}", "文号 `{v}` cannot be read: {en}"),
                    Code::BadDocNo.fix(),
                );
                None
            }
        });
    let issuer = r
        .need(keys, "发文机关", "示例县人民政府办公室")
        .map(|f| f.value.clone());
    let written = keys.get("成文日期").cloned();
    let written = r.need_date(written.as_ref(), "成文日期", "2026-11-18");
    let effective = keys.get("施行日期").cloned().and_then(|f| r.date(&f, "施行日期"));
    let category = r.need(keys, "类别", "行政规范性文件").cloned().and_then(|f| {
        let c = Category::parse(&f.value);
        if c.is_none() {
            r.bad_value(&f, "类别", "规章、行政规范性文件 或 其他政策文件");
        }
        c
    });
    let from = effective.as_ref().map_or(published.value, |e| e.value);
    let mut expires = keys
        .get("有效期")
        .cloned()
        .and_then(|f| match validity_years(&f.value) {
            Ok(years) => years.and_then(|y| from.checked_add(y.years()).ok()?.checked_sub(1.day()).ok()),
            Err(()) => {
                r.bad_value(&f, "有效期", "“5年”“2年”这样的年数，或“长期”；也可以写 有效期至: 日期");
                None
            }
        });
    if let Some(f) = keys.get("有效期至").cloned() {
        expires = r.date(&f, "有效期至").map(|d| d.value).or(expires);
    }
    let status_override = status_override(r, keys);
    let (Some(docno), Some(issuer), Some(written), Some(category)) = (docno, issuer, written, category) else {
        return None;
    };
    let at = |f: Field<String>| At {
        value: f.value,
        pos: f.pos,
    };
    Some(Document {
        source: 0,
        rel: r.s.rel.clone(),
        title,
        docno,
        issuer,
        township,
        written,
        published,
        effective,
        category,
        expires,
        repeals: keys.list("废止").into_iter().map(at).collect(),
        amends: keys.list("修改").into_iter().map(at).collect(),
        status_override,
        url: String::new(),
    })
}

/// `5年`, `五年`, `3 年（试行）`; `长期` has no end. `Err` for anything else.
fn validity_years(text: &str) -> Result<Option<i16>, ()> {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if t.starts_with("长期") {
        return Ok(None);
    }
    let head = t.split('年').next().unwrap_or("");
    if !t.contains('年') {
        return Err(());
    }
    let n = head.parse::<i16>().ok().or_else(|| {
        "一二三四五六七八九十"
            .chars()
            .position(|c| head == c.to_string())
            .map(|p| p as i16 + 1)
    });
    n.filter(|n| (1..=50).contains(n)).map(Some).ok_or(())
}

fn status_override(r: &mut R, keys: &PolicyKeys) -> Option<Override> {
    let f = keys.get("状态")?.clone();
    let Some(status) = Status::parse(&f.value) else {
        r.bad_value(&f, "状态", "现行有效、已修改、已废止 或 已失效");
        return None;
    };
    let Some(reason) = keys.get("状态理由").map(|x| x.value.clone()) else {
        let v = &f.value;
        r.error(
            Code::StatusOverride,
            f.pos,
            tr!(
                "手工写了 状态: {v}，但没有写明理由；状态本应由施行日期、有效期和废止关系得出",
                "状态: {v} is set by hand without a reason; the status is derived from the dates and repeals"
            ),
            tr!(
                "删除 状态 这一行让系统自动判断；确需手工调整时，加一行 状态理由: …（如“经县政府第12次常务会议决定停止执行”）。",
                "Delete the line to let it be derived, or add 状态理由: … with the decision that set it."
            ),
        );
        return None;
    };
    let since = keys
        .get("状态日期")
        .cloned()
        .and_then(|d| r.date(&d, "状态日期"))
        .map(|d| d.value);
    Some(Override {
        status,
        since,
        reason,
        pos: f.pos,
    })
}

fn consultation(
    r: &mut R,
    keys: &PolicyKeys,
    contact: Option<Field<String>>,
    title: String,
    published: At<Date>,
    township: Option<usize>,
) -> Option<Consultation> {
    let period = r
        .need(keys, "起止日期", "2026-11-02 至 2026-12-02")
        .cloned()
        .and_then(|f| match crate::dates::parse_period(&f.value) {
            Ok((s, e)) => Some((s, e, f.pos)),
            Err(e) => {
                let (v, zh, en) = (&f.value, e.message_zh().replace("公示期", "起止日期"), e.to_string());
                r.error(
                    Code::BadPeriod,
                    f.pos,
                    tr!("起止日期“{v}”有误：{zh}", "起止日期 `{v}` cannot be used: {en}"),
                    tr!(
                        "写成 起止日期: 2026-11-02 至 2026-12-02。",
                        "Write 起止日期: 2026-11-02 至 2026-12-02."
                    ),
                );
                None
            }
        });
    let how = r
        .need(
            keys,
            "意见提交方式",
            "电子邮件发送至 fzb@example.gov.cn，或寄送至示例县司法局",
        )
        .map(|f| f.value.clone());
    if contact.is_none() {
        r.need(keys, "联系方式", "0556-5123456");
    }
    let call_type = r.need(keys, "类型", "重大行政决策").cloned().and_then(|f| {
        let t = CallType::parse(&f.value);
        if t.is_none() {
            r.bad_value(&f, "类型", "重大行政决策、规范性文件、规章 或 其他");
        }
        t
    });
    let business = keys
        .get("涉企")
        .is_some_and(|f| matches!(f.value.trim(), "是" | "true" | "yes" | "涉企" | "涉及企业"));
    let ((start, end, period_pos), Some(how), Some(contact), Some(call_type)) = (period?, how, contact, call_type)
    else {
        return None;
    };
    Some(Consultation {
        source: 0,
        rel: r.s.rel.clone(),
        title,
        start,
        end,
        period_pos,
        how,
        contact: contact.value,
        call_type,
        business,
        short_reason: keys.get("缩短理由").map(|f| f.value.clone()),
        target: keys.get("关联文件").map(|f| At {
            value: f.value.clone(),
            pos: f.pos,
        }),
        document: None,
        township,
        published,
        title_pos: Pos::default(),
        url: String::new(),
    })
}
