//! Stage 3: resolve. Front matter is turned into [`Notice`]s: `_index.md` defaults cascade
//! down, the item is looked up in the catalogs, the township and village in book.toml, dates
//! are parsed. Every failure is a diagnostic; a notice that cannot be resolved is dropped so
//! that later stages only ever see complete notices.

mod cascade;
mod keys;
mod model;
pub mod paths;
pub mod policy;
mod policy_keys;

pub use model::{Attachment, Notice, Period, PeriodState};

use cascade::{cascade, check_index_keys};
use keys::{canonical_zh, key_suggestion, unknown_key};

use crate::catalog::{Catalogs, Found};
use crate::config::Config;
use crate::diag::{Code, Diagnostic, Diagnostics, Pos};
use crate::load::{Field, FrontMatter, Loaded, PeriodRaw, Source};
use crate::tr;
use crate::util::suggest;
use crate::util::text::heading_key;
use jiff::civil::Date;
use rayon::prelude::*;
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
    let defaults: HashMap<PathBuf, usize> = loaded
        .sources
        .iter()
        .enumerate()
        .filter(|(_, s)| s.is_index())
        .filter_map(|(i, s)| s.path.parent().map(|p| (p.to_path_buf(), i)))
        .collect();
    for s in loaded.sources.iter().filter(|s| s.is_index()) {
        check_index_keys(s, diags);
    }
    // Each notice resolves on its own (1M notices: 3.8 s on one core); the diagnostics are
    // joined in file order, as if resolved one after the other.
    let resolved: Vec<(Option<Notice>, Diagnostics)> = loaded
        .sources
        .par_iter()
        .enumerate()
        // The policy kinds have their own resolver (`policy`); an unknown kind was reported.
        .filter(|(_, s)| !s.is_index() && s.kind == crate::load::Kind::Notice)
        .map(|(i, s)| {
            let mut found = Diagnostics::new();
            let (fm, inherited) = cascade(root, s, &loaded.sources, &defaults);
            let mut r = Resolver {
                s,
                sources: &loaded.sources,
                inherited: &inherited,
                config,
                catalogs,
                diags: &mut found,
            };
            (r.notice(i, &fm, root), found)
        })
        .collect();
    let mut notices = Vec::with_capacity(resolved.len());
    for (n, found) in resolved {
        diags.append(found);
        notices.extend(n);
    }
    notices
}

struct Resolver<'a> {
    s: &'a Source,
    sources: &'a [Source],
    /// Keys filled in from an `_index.md`: (key, index of that file in `sources`).
    inherited: &'a [(&'static str, usize)],
    config: &'a Config,
    catalogs: &'a Catalogs,
    diags: &'a mut Diagnostics,
}

const REQUIRED: &[(&str, &str)] = &[
    ("标题", "青山镇2026年第三季度低保审核公示"),
    ("事项", "社会救助/最低生活保障/审核信息"),
    ("形成日期", "2026-09-20"),
    ("发布日期", "2026-09-25"),
];

impl Resolver<'_> {
    fn error(&mut self, code: Code, pos: Pos, message: crate::diag::Text, hint: crate::diag::Text) {
        self.diags
            .push(Diagnostic::error(code, &self.s.rel, pos, message, hint).with_source(&self.s.text()));
    }

    /// An error about the value of `key`, reported in the file that wrote it: the notice, or
    /// the `_index.md` it inherited the key from.
    fn error_in(&mut self, key: &str, code: Code, pos: Pos, message: crate::diag::Text, hint: crate::diag::Text) {
        let src = match self.inherited.iter().find(|(k, _)| *k == key) {
            Some((_, idx)) => &self.sources[*idx],
            None => self.s,
        };
        self.diags
            .push(Diagnostic::error(code, &src.rel, pos, message, hint).with_source(&src.text()));
    }

    /// The line of the closing `---`: where a missing key is to be added.
    fn fence_pos(&self) -> Pos {
        Pos::new(self.s.body_first_line.saturating_sub(1).max(1), 1)
    }

    fn inherited_from(&self, key: &str) -> Option<String> {
        self.inherited
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, idx)| self.sources[*idx].rel.clone())
    }

    /// Unknown keys (against the item's element names, when the item is known) and missing
    /// required keys. An unknown key that is a near miss of a missing one is reported once,
    /// at its own line, as the misspelling it is.
    fn keys(&mut self, fm: &FrontMatter, item: Option<crate::catalog::ItemRef>) {
        let names: Vec<&str> = item
            .map(|r| self.catalogs.item(r).elements.iter().map(|e| e.name.as_str()).collect())
            .unwrap_or_default();
        let mut covered: Vec<&str> = Vec::new();
        for (k, v) in &fm.other {
            let is_element = names
                .iter()
                .any(|n| crate::util::text::heading_key(n) == crate::util::text::heading_key(&k.value));
            if is_element {
                continue;
            }
            let best = key_suggestion(&k.value, &names);
            let best_zh = best.map(canonical_zh);
            let fills_missing = best_zh
                .is_some_and(|b| REQUIRED.iter().any(|(r, _)| *r == b) && !fm.present.contains(&b) && !fm.broken);
            // Without the item its element names are unknown: only a misspelt required key
            // can be told apart from an element given as a key.
            if item.is_some() || fills_missing {
                if fills_missing {
                    covered.extend(best_zh);
                }
                let d = unknown_key(self.s, k, v, best_zh.or(best));
                self.diags.push(d);
            }
        }
        if fm.broken {
            return;
        }
        for (key, example) in REQUIRED {
            if fm.present.contains(key) || covered.contains(key) {
                continue;
            }
            let rel = &self.s.rel;
            let pos = self.fence_pos();
            self.error(
                Code::MissingKey,
                pos,
                tr!("{rel} 缺少必填项“{key}”", "{rel} lacks the required key `{key}`"),
                tr!(
                    "在结束的 --- 之前加一行：{key}: {example}",
                    "Add a line before the closing ---: {key}: {example}"
                ),
            );
        }
    }

    fn notice(&mut self, source: usize, fm: &FrontMatter, root: &Path) -> Option<Notice> {
        let item = fm.item.as_ref().and_then(|f| self.item(f));
        self.keys(fm, item);
        let place = self.place(fm);
        let formed = fm.formed.as_ref().and_then(|f| self.date(f, "形成日期"));
        let published = fm.published.as_ref().and_then(|f| self.date(f, "发布日期"));
        let period = fm.notice_period.as_ref().and_then(|f| self.period(f));
        let (township, village) = place?;
        let boards = self.boards(fm, township, village);
        let (title, item, formed, published) = (fm.title.clone()?, item?, formed?, published?);
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
        let own_pos = |f: &Option<Field<String>>, key: &str| {
            f.as_ref().filter(|_| self.inherited_from(key).is_none()).map(|f| f.pos)
        };
        Some(Notice {
            source,
            rel: self.s.rel.clone(),
            title: title.value,
            item,
            item_pos: own_pos(&fm.item, "事项"),
            township,
            village,
            village_pos: own_pos(&fm.village, "村"),
            village_from: self.inherited_from("村"),
            publisher: fm
                .publisher
                .as_ref()
                .map(|p| p.value.clone())
                .unwrap_or_else(|| format!("{}人民政府", t.name)),
            formed,
            formed_pos: fm.formed.as_ref().map(|f| f.pos).unwrap_or_default(),
            published,
            published_pos: fm.published.as_ref().map(|f| f.pos).unwrap_or_default(),
            period,
            period_pos: fm.notice_period.as_ref().map(|f| f.pos).unwrap_or_default(),
            period_written: fm.present.contains(&"公示期"),
            contact: fm.contact.as_ref().map(|c| c.value.clone()),
            attachments,
            data,
            exemption: fm.privacy_exemption.as_ref().map(|e| e.value.clone()),
            exemption_pos: fm.privacy_exemption.as_ref().map(|e| e.pos).unwrap_or_default(),
            keywords: fm.keywords.iter().map(|k| k.value.clone()).collect(),
            boards,
            fm_elements,
            url,
        })
    }

    /// Among rows with the very same name, the first whose required elements the notice
    /// carries: its headings say which of the variants the clerk followed.
    fn namesake_with_elements(&self, r: crate::catalog::ItemRef) -> crate::catalog::ItemRef {
        let same = self.catalogs.index.namesakes(r);
        if same.len() < 2 {
            return r;
        }
        let have: Vec<String> = self.s.facts.headings.iter().map(|h| heading_key(&h.text)).collect();
        same.into_iter()
            .find(|&x| {
                let item = self.catalogs.item(x);
                item.elements
                    .iter()
                    .filter(|e| e.required && !e.people)
                    .all(|e| have.contains(&heading_key(&e.name)))
            })
            .unwrap_or(r)
    }

    fn item(&mut self, f: &Field<String>) -> Option<crate::catalog::ItemRef> {
        let v = &f.value;
        match self.catalogs.index.find(v) {
            Found::One(r) => Some(self.namesake_with_elements(r)),
            Found::Ambiguous(many) => {
                let list: Vec<String> = many
                    .iter()
                    .take(4)
                    .map(|r| self.catalogs.index.full_path(*r).to_string())
                    .collect();
                let list = list.join("；");
                self.error_in(
                    "事项",
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
                self.error_in(
                    "事项",
                    Code::UnknownItem,
                    f.pos,
                    tr!("目录中没有事项“{v}”", "no catalog item `{v}`"),
                    hint,
                );
                None
            }
        }
    }

    /// `张贴村`: each name must be a village of the notice's township, and only a township
    /// notice names other boards (a village's notice hangs on its own). Bad names are GK173
    /// at their line and left out.
    fn boards(&mut self, fm: &FrontMatter, township: usize, village: Option<usize>) -> Vec<usize> {
        let town = &self.config.townships[township];
        let tn = town.name.clone();
        if let (Some(v), Some(first)) = (village, fm.boards.first()) {
            let vn = town.villages[v].name.clone();
            self.error(
                Code::BadBoards,
                first.pos,
                tr!(
                    "“张贴村”只用于乡镇的公告；本公告是{vn}的，只张贴在本村公示栏",
                    "`张贴村` is for a township's notices; this one is {vn}'s and hangs on its own board"
                ),
                tr!(
                    "删掉“张贴村”；要发到几个村的公示栏，以{tn}名义发布（删掉“村”一项），再写 张贴村: [{vn}, …]。",
                    "Delete `张贴村`; for several villages' boards publish it as {tn}'s (no `村`) with 张贴村: [{vn}, …]."
                ),
            );
            return Vec::new();
        }
        let mut out = Vec::new();
        for f in &fm.boards {
            let v = f.value.trim();
            let found = town
                .villages
                .iter()
                .position(|x| x.name == v || x.slug == v || x.code == v);
            match found {
                Some(i) if !out.contains(&i) => out.push(i),
                Some(_) => {}
                None => {
                    let names: Vec<&str> = town.villages.iter().map(|x| x.name.as_str()).collect();
                    let list = names.join("、");
                    let hint = match suggest::closest(v, names.iter().copied()) {
                        Some(s) => tr!(
                            "是不是“{s}”？张贴村 只能写{tn}的村（社区）：{list}。",
                            "Did you mean `{s}`? 张贴村 lists villages of {tn}: {list}."
                        ),
                        None => tr!(
                            "张贴村 只能写{tn}的村（社区）：{list}；新村要先加到 book.toml 该乡镇的 [[townships.villages]]。",
                            "张贴村 lists villages of {tn}: {list}; add a new one to book.toml first."
                        ),
                    };
                    self.error(
                        Code::BadBoards,
                        f.pos,
                        tr!(
                            "“张贴村”中的“{v}”不是{tn}的村（社区）",
                            "`张贴村` names `{v}`, which is not a village of {tn}"
                        ),
                        hint,
                    );
                }
            }
        }
        out
    }

    /// The township (required, possibly inherited) and the village (optional).
    fn place(&mut self, fm: &FrontMatter) -> Option<(usize, Option<usize>)> {
        let (town, village) = (fm.township.as_ref(), fm.village.as_ref());
        let towns = &self.config.townships;
        let find_t = |v: &str| towns.iter().position(|t| t.name == v || t.slug == v || t.code == v);
        let t = match town {
            Some(f) => match find_t(&f.value) {
                Some(t) => t,
                None => {
                    let v = &f.value;
                    let hint = match suggest::closest(v, towns.iter().map(|t| t.name.as_str())) {
                        Some(s) => tr!("是不是“{s}”？改成：乡镇: {s}", "did you mean `{s}`? Write: 乡镇: {s}"),
                        None => crate::diag::Text::new(
                            format!(
                                "book.toml 中的乡镇：{}；新乡镇要先加到 book.toml 的 [[townships]]。",
                                towns.iter().map(|t| t.name.as_str()).collect::<Vec<_>>().join("、")
                            ),
                            format!(
                                "townships in book.toml: {}; add a new one under [[townships]] first.",
                                towns.iter().map(|t| t.slug.as_str()).collect::<Vec<_>>().join(", ")
                            ),
                        ),
                    };
                    self.error_in(
                        "乡镇",
                        Code::UnknownTownship,
                        f.pos,
                        tr!("乡镇“{v}”不在 book.toml 中", "no township `{v}` in book.toml"),
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
                        if fm.broken || fm.present.contains(&"乡镇") {
                            return None;
                        }
                        let rel = &self.s.rel;
                        let pos = self.fence_pos();
                        self.error(
                            Code::MissingKey,
                            pos,
                            tr!("{rel} 缺少必填项“乡镇”", "{rel} lacks the required key `乡镇`"),
                            crate::diag::Text::new(
                                format!(
                                    "在结束的 --- 之前加一行 乡镇: {}，或在所在文件夹的 _index.md 中统一写明。",
                                    towns.first().map_or("青山镇", |t| t.name.as_str())
                                ),
                                format!(
                                    "Add `乡镇: {}` before the closing --- or set it in the folder's _index.md.",
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
                let elsewhere = towns
                    .iter()
                    .find(|o| o.villages.iter().any(|x| x.name == *v || x.slug == *v || x.code == *v));
                let hint = match (elsewhere, suggest::closest(v, villages.iter().map(|x| x.name.as_str()))) {
                    (Some(o), _) => tr!(
                        "“{v}”属于{}，不属于{tn}：检查“乡镇”，或把公告放到{}的文件夹中。",
                        "`{v}` belongs to {}, not {tn}: check 乡镇 or move the notice to {}'s folder.",
                        o.name,
                        o.name
                    ),
                    (None, Some(s)) => tr!("是不是“{s}”？改成：村: {s}", "did you mean `{s}`? Write: 村: {s}"),
                    (None, None) => crate::diag::Text::new(
                        format!(
                            "{tn}的村（社区）：{}；新村要先加到 book.toml 该乡镇的 [[townships.villages]]。",
                            villages.iter().map(|x| x.name.as_str()).collect::<Vec<_>>().join("、")
                        ),
                        format!(
                            "villages of {tn}: {}; add a new one under [[townships.villages]] first.",
                            villages.iter().map(|x| x.slug.as_str()).collect::<Vec<_>>().join(", ")
                        ),
                    ),
                };
                self.error_in(
                    "村",
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
                let (zh, en) = (e.message_zh(), e.to_string());
                self.error(
                    Code::BadDate,
                    f.pos,
                    tr!(
                        "“{key}”的值“{v}”不是有效日期：{zh}",
                        "`{key}` value `{v}` is not a valid date: {en}"
                    ),
                    tr!(
                        "写成 {key}: 2026-09-25 或 {key}: 2026年9月25日，并确认这一天存在。",
                        "Write it as {key}: 2026-09-25 and check that the day exists."
                    ),
                );
                None
            }
        }
    }

    fn period(&mut self, f: &Field<PeriodRaw>) -> Option<Period> {
        let parsed = match &f.value {
            PeriodRaw::Text(t) => crate::dates::parse_period(t).map_err(|e| (t.clone(), e.message_zh(), e.to_string())),
            PeriodRaw::Range { start, end } => {
                let s = self.date(start, "公示期");
                let e = self.date(end, "公示期");
                match (s, e) {
                    (Some(s), Some(e)) if s <= e => Ok((s, e)),
                    (Some(_), Some(_)) => Err((
                        format!("{} 至 {}", start.value, end.value),
                        "结束日期早于开始日期".into(),
                        "the end is before the start".into(),
                    )),
                    _ => return None,
                }
            }
        };
        match parsed {
            Ok((start, end)) => Some(Period { start, end }),
            Err((v, zh, en)) => {
                self.error(
                    Code::BadPeriod,
                    f.pos,
                    tr!("公示期“{v}”有误：{zh}", "notice period `{v}` cannot be used: {en}"),
                    Code::BadPeriod.fix(),
                );
                None
            }
        }
    }
}
