//! Stage 3: resolve. Front matter is turned into [`Notice`]s: `_index.md` defaults cascade
//! down, the item is looked up in the catalogs, the township and village in book.toml, dates
//! are parsed. Every failure is a diagnostic; a notice that cannot be resolved is dropped so
//! that later stages only ever see complete notices.

mod model;
mod paths;

pub use model::{Attachment, Notice, Period, PeriodState};

use crate::catalog::{Catalogs, Found};
use crate::config::Config;
use crate::diag::{Code, Diagnostic, Diagnostics, Pos};
use crate::load::{Field, FrontMatter, Loaded, PeriodRaw, Source};
use crate::tr;
use crate::util::suggest;
use jiff::civil::Date;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Resolve every notice of `loaded`.
pub fn resolve(
    root: &Path,
    config: &Config,
    catalogs: &Catalogs,
    loaded: &Loaded,
    diags: &mut Diagnostics,
) -> Vec<Notice> {
    let defaults: HashMap<PathBuf, &FrontMatter> = loaded
        .sources
        .iter()
        .filter(|s| s.is_index())
        .filter_map(|s| s.path.parent().map(|p| (p.to_path_buf(), &s.fm)))
        .collect();
    for s in loaded.sources.iter().filter(|s| s.is_index()) {
        check_index_keys(s, diags);
    }
    let mut notices = Vec::new();
    for (i, s) in loaded.sources.iter().enumerate() {
        if s.is_index() {
            continue;
        }
        let fm = cascade(root, s, &defaults);
        let mut r = Resolver {
            s,
            config,
            catalogs,
            diags,
        };
        if let Some(n) = r.notice(i, &fm, root) {
            notices.push(n);
        }
    }
    notices
}

/// The notice's own front matter with the defaults of `_index.md` files above it filled in,
/// nearest folder first.
fn cascade(root: &Path, s: &Source, defaults: &HashMap<PathBuf, &FrontMatter>) -> FrontMatter {
    let mut fm = s.fm.clone();
    let content = root.join("content");
    let mut dir = s.path.parent();
    while let Some(d) = dir {
        if let Some(def) = defaults.get(d) {
            fill(&mut fm.township, &def.township);
            fill(&mut fm.village, &def.village);
            fill(&mut fm.item, &def.item);
            fill(&mut fm.publisher, &def.publisher);
            fill(&mut fm.contact, &def.contact);
        }
        if d == content || d == root {
            break;
        }
        dir = d.parent();
    }
    fm
}

fn fill(own: &mut Option<Field<String>>, default: &Option<Field<String>>) {
    if own.is_none() {
        own.clone_from(default);
    }
}

fn check_index_keys(s: &Source, diags: &mut Diagnostics) {
    for (k, _) in &s.fm.other {
        diags.push(unknown_key(s, k, &[]));
    }
}

fn unknown_key(s: &Source, key: &Field<String>, elements: &[&str]) -> Diagnostic {
    let known = crate::load::frontmatter::KEYS
        .iter()
        .flat_map(|(zh, en)| [*zh, *en])
        .chain(elements.iter().copied());
    let k = &key.value;
    let hint = match suggest::closest(k, known) {
        Some(best) => tr!("是不是想写“{best}”？", "did you mean `{best}`?"),
        None => tr!(
            "可用的键：标题、事项、乡镇、村、发布主体、形成日期、发布日期、公示期、监督电话、附件、数据、隐私豁免、关键词，或本事项的要素名称。",
            "Known keys: 标题 事项 乡镇 村 发布主体 形成日期 发布日期 公示期 监督电话 附件 数据 隐私豁免 关键词, or an element of the item."
        ),
    };
    Diagnostic::error(
        Code::UnknownKey,
        &s.rel,
        key.pos,
        tr!("未知的信息头键“{k}”", "unknown front-matter key `{k}`"),
        hint,
    )
    .with_source(&s.text)
}

struct Resolver<'a> {
    s: &'a Source,
    config: &'a Config,
    catalogs: &'a Catalogs,
    diags: &'a mut Diagnostics,
}

impl Resolver<'_> {
    fn error(&mut self, code: Code, pos: Pos, message: crate::diag::Text, hint: crate::diag::Text) {
        self.diags
            .push(Diagnostic::error(code, &self.s.rel, pos, message, hint).with_source(&self.s.text));
    }

    fn required<'f>(&mut self, f: &'f Option<Field<String>>, key: &str, example: &str) -> Option<&'f Field<String>> {
        if f.is_none() {
            let rel = &self.s.rel;
            self.error(
                Code::MissingKey,
                Pos::new(1, 1),
                tr!("{rel} 缺少必填项“{key}”", "{rel} lacks the required key `{key}`"),
                tr!("在信息头中加一行：{key}: {example}", "Add a line: {key}: {example}"),
            );
        }
        f.as_ref()
    }

    fn notice(&mut self, source: usize, fm: &FrontMatter, root: &Path) -> Option<Notice> {
        let title = self
            .required(&fm.title, "标题", "青山镇2026年第三季度低保审核公示")
            .cloned();
        let item_f = self
            .required(&fm.item, "事项", "社会救助/最低生活保障/审核信息")
            .cloned();
        let town_f = fm.township.clone();
        let formed_f = self.required(&fm.formed, "形成日期", "2026-09-20").cloned();
        let published_f = self.required(&fm.published, "发布日期", "2026-09-25").cloned();

        let item = item_f.as_ref().and_then(|f| self.item(f));
        let (township, village) = self.place(town_f.as_ref(), fm.village.as_ref())?;
        let formed = formed_f.as_ref().and_then(|f| self.date(f, "形成日期"));
        let published = published_f.as_ref().and_then(|f| self.date(f, "发布日期"));
        let period = fm.notice_period.as_ref().and_then(|f| self.period(f));
        if let Some(item) = item {
            let names: Vec<&str> = self
                .catalogs
                .item(item)
                .elements
                .iter()
                .map(|e| e.name.as_str())
                .collect();
            for (k, _) in &fm.other {
                if !names
                    .iter()
                    .any(|n| crate::util::text::heading_key(n) == crate::util::text::heading_key(&k.value))
                {
                    let d = unknown_key(self.s, k, &names);
                    self.diags.push(d);
                }
            }
        }
        let (title, item, formed, published) = (title?, item?, formed?, published?);
        let t = &self.config.townships[township];
        let domain = self.catalogs.domain(item);
        let stem = paths::page_stem(&self.s.path, &self.catalogs.item(item).id, published, &self.s.rel);
        let url = format!("{}/{}/{}.html", t.slug, domain.slug, stem);
        let dir = self.s.path.parent().unwrap_or(root).to_path_buf();
        let attachments = fm
            .attachments
            .iter()
            .enumerate()
            .map(|(i, f)| paths::attachment(&dir, f, &format!("{}/{}/{}-{}", t.slug, domain.slug, stem, i + 1)))
            .collect();
        let data = fm
            .data
            .as_ref()
            .map(|f| paths::attachment(&dir, f, &format!("{}/{}/{}-data", t.slug, domain.slug, stem)));
        let fm_elements = fm
            .other
            .iter()
            .map(|(k, v)| (k.value.clone(), v.value.clone()))
            .collect();
        Some(Notice {
            source,
            rel: self.s.rel.clone(),
            title: title.value,
            item,
            township,
            village,
            publisher: fm
                .publisher
                .as_ref()
                .map(|p| p.value.clone())
                .unwrap_or_else(|| format!("{}人民政府", t.name)),
            formed,
            formed_pos: formed_f.map(|f| f.pos).unwrap_or_default(),
            published,
            published_pos: published_f.map(|f| f.pos).unwrap_or_default(),
            period,
            period_pos: fm.notice_period.as_ref().map(|f| f.pos).unwrap_or_default(),
            contact: fm.contact.as_ref().map(|c| c.value.clone()),
            attachments,
            data,
            exemption: fm.privacy_exemption.as_ref().map(|e| e.value.clone()),
            keywords: fm.keywords.iter().map(|k| k.value.clone()).collect(),
            fm_elements,
            url,
        })
    }

    fn item(&mut self, f: &Field<String>) -> Option<crate::catalog::ItemRef> {
        let v = &f.value;
        match self.catalogs.index.find(v) {
            Found::One(r) => Some(r),
            Found::Ambiguous(many) => {
                let list: Vec<String> = many
                    .iter()
                    .take(4)
                    .map(|r| self.catalogs.index.full_path(*r).to_string())
                    .collect();
                let list = list.join("；");
                self.error(
                    Code::AmbiguousItem,
                    f.pos,
                    tr!(
                        "事项“{v}”对应多个目录事项：{list}",
                        "item `{v}` matches several catalog items: {list}"
                    ),
                    tr!(
                        "写出完整路径，例如“{}”。",
                        "Write the full path, e.g. `{}`.",
                        self.catalogs.index.full_path(many[0])
                    ),
                );
                None
            }
            Found::None { suggestions } => {
                let hint = match suggestions.first() {
                    Some(s) => tr!(
                        "是不是“{s}”？也可运行 gongkai catalog list 查看全部事项。",
                        "did you mean `{s}`? gongkai catalog list shows every item."
                    ),
                    None => Code::UnknownItem.fix(),
                };
                self.error(
                    Code::UnknownItem,
                    f.pos,
                    tr!("目录中没有事项“{v}”", "no catalog item `{v}`"),
                    hint,
                );
                None
            }
        }
    }

    /// The township (required, possibly inherited) and the village (optional).
    fn place(
        &mut self,
        town: Option<&Field<String>>,
        village: Option<&Field<String>>,
    ) -> Option<(usize, Option<usize>)> {
        let towns = &self.config.townships;
        let find_t = |v: &str| towns.iter().position(|t| t.name == v || t.slug == v || t.code == v);
        let t = match town {
            Some(f) => match find_t(&f.value) {
                Some(t) => t,
                None => {
                    let v = &f.value;
                    let hint = match suggest::closest(v, towns.iter().map(|t| t.name.as_str())) {
                        Some(s) => tr!("是不是“{s}”？", "did you mean `{s}`?"),
                        None => crate::diag::Text::new(
                            format!(
                                "book.toml 中的乡镇：{}",
                                towns.iter().map(|t| t.name.as_str()).collect::<Vec<_>>().join("、")
                            ),
                            format!(
                                "townships in book.toml: {}",
                                towns.iter().map(|t| t.slug.as_str()).collect::<Vec<_>>().join(", ")
                            ),
                        ),
                    };
                    self.error(
                        Code::UnknownTownship,
                        f.pos,
                        tr!("book.toml 中没有乡镇“{v}”", "no township `{v}` in book.toml"),
                        hint,
                    );
                    return None;
                }
            },
            None => {
                // A village name alone identifies its township when it is unique.
                let found: Vec<usize> = village
                    .map(|v| {
                        towns
                            .iter()
                            .enumerate()
                            .filter(|(_, t)| {
                                t.villages
                                    .iter()
                                    .any(|x| x.name == v.value || x.slug == v.value || x.code == v.value)
                            })
                            .map(|(i, _)| i)
                            .collect()
                    })
                    .unwrap_or_default();
                match found.as_slice() {
                    [one] => *one,
                    _ => {
                        let rel = &self.s.rel;
                        self.error(
                            Code::MissingKey,
                            Pos::new(1, 1),
                            tr!("{rel} 缺少“乡镇”", "{rel} lacks `乡镇`"),
                            crate::diag::Text::new(
                                format!(
                                    "在信息头写 乡镇: {}，或在所在文件夹的 _index.md 中统一写明。",
                                    towns.first().map_or("青山镇", |t| t.name.as_str())
                                ),
                                format!(
                                    "Add `乡镇: {}` or set it in the folder's _index.md.",
                                    towns.first().map_or("qingshan", |t| t.slug.as_str())
                                ),
                            ),
                        );
                        return None;
                    }
                }
            }
        };
        let Some(vf) = village else { return Some((t, None)) };
        let villages = &towns[t].villages;
        match villages
            .iter()
            .position(|x| x.name == vf.value || x.slug == vf.value || x.code == vf.value)
        {
            Some(v) => Some((t, Some(v))),
            None => {
                let v = &vf.value;
                let tn = &towns[t].name;
                let hint = match suggest::closest(v, villages.iter().map(|x| x.name.as_str())) {
                    Some(s) => tr!("是不是“{s}”？", "did you mean `{s}`?"),
                    None => crate::diag::Text::new(
                        format!(
                            "{tn}的村（社区）：{}",
                            villages.iter().map(|x| x.name.as_str()).collect::<Vec<_>>().join("、")
                        ),
                        format!(
                            "villages of {tn}: {}",
                            villages.iter().map(|x| x.slug.as_str()).collect::<Vec<_>>().join(", ")
                        ),
                    ),
                };
                self.error(
                    Code::UnknownVillage,
                    vf.pos,
                    tr!("{tn}下没有村（社区）“{v}”", "no village `{v}` under {tn}"),
                    hint,
                );
                None
            }
        }
    }

    fn date(&mut self, f: &Field<String>, key: &str) -> Option<Date> {
        match crate::dates::parse_date(&f.value) {
            Ok(d) => Some(d),
            Err(e) => {
                let v = &f.value;
                let why = e.to_string();
                self.error(
                    Code::BadDate,
                    f.pos,
                    tr!(
                        "“{key}”的值“{v}”不是有效日期（{why}）",
                        "`{key}` value `{v}` is not a valid date ({why})"
                    ),
                    Code::BadDate.fix(),
                );
                None
            }
        }
    }

    fn period(&mut self, f: &Field<PeriodRaw>) -> Option<Period> {
        let parsed = match &f.value {
            PeriodRaw::Text(t) => crate::dates::parse_period(t).map_err(|e| (t.clone(), e.to_string())),
            PeriodRaw::Range { start, end } => {
                let s = self.date(start, "公示期");
                let e = self.date(end, "公示期");
                match (s, e) {
                    (Some(s), Some(e)) if s <= e => Ok((s, e)),
                    (Some(_), Some(_)) => Err((
                        format!("{} 至 {}", start.value, end.value),
                        "结束早于开始 / end before start".into(),
                    )),
                    _ => return None,
                }
            }
        };
        match parsed {
            Ok((start, end)) => Some(Period { start, end }),
            Err((v, why)) => {
                self.error(
                    Code::BadPeriod,
                    f.pos,
                    tr!(
                        "公示期“{v}”无法识别（{why}）",
                        "notice period `{v}` cannot be read ({why})"
                    ),
                    Code::BadPeriod.fix(),
                );
                None
            }
        }
    }
}
