//! `_index.md` files: the defaults they give to the notices below them, and the checks on
//! what a clerk may put in them.

use super::keys::key_suggestion;
use crate::diag::{Code, Diagnostic, Diagnostics, Pos};
use crate::load::frontmatter::CASCADING;
use crate::load::{Field, FrontMatter, Source};
use crate::tr;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The notice's own front matter with the defaults of `_index.md` files above it filled in,
/// nearest folder first, and for each filled-in key the `_index.md` it came from (so that a
/// mistake in it is reported there, at its own line, and not at that line of the notice).
pub(super) fn cascade(
    root: &Path,
    s: &Source,
    sources: &[Source],
    defaults: &HashMap<PathBuf, usize>,
) -> (FrontMatter, Vec<(&'static str, usize)>) {
    let mut fm = s.fm.clone();
    let mut inherited = Vec::new();
    let content = root.join("content");
    let mut dir = s.path.parent();
    while let Some(d) = dir {
        if let Some(&idx) = defaults.get(d) {
            let def = &sources[idx].fm;
            let mut take = |key: &'static str, own: &mut Option<Field<String>>, theirs: &Option<Field<String>>| {
                if own.is_none() && !fm_has(&s.fm, key) && theirs.is_some() {
                    own.clone_from(theirs);
                    inherited.push((key, idx));
                }
            };
            take("乡镇", &mut fm.township, &def.township);
            take("村", &mut fm.village, &def.village);
            take("事项", &mut fm.item, &def.item);
            take("发布主体", &mut fm.publisher, &def.publisher);
            take("监督电话", &mut fm.contact, &def.contact);
            for key in CASCADING {
                if def.present.contains(key) && !fm.present.contains(key) {
                    fm.present.push(key);
                }
            }
        }
        if d == content || d == root {
            break;
        }
        dir = d.parent();
    }
    (fm, inherited)
}

fn fm_has(fm: &FrontMatter, key: &str) -> bool {
    fm.present.contains(&key)
}

pub(super) fn check_index_keys(s: &Source, diags: &mut Diagnostics) {
    for (k, _) in &s.fm.other {
        let hint = match key_suggestion(&k.value, &[]) {
            Some(best) => tr!("是不是想写“{best}”？", "did you mean `{best}`?"),
            None => tr!(
                "_index.md 只能给下级公告统一写 乡镇、村、事项、发布主体、监督电话。",
                "An _index.md may give only 乡镇, 村, 事项, 发布主体 and 监督电话 to the notices below it."
            ),
        };
        let key = &k.value;
        diags.push(
            Diagnostic::error(
                Code::UnknownKey,
                &s.rel,
                k.pos,
                tr!("未知的信息头键“{key}”", "unknown front-matter key `{key}`"),
                hint,
            )
            .with_source(&s.text()),
        );
    }
    // Known keys that do not cascade are silently useless in an `_index.md`; a clerk who put
    // 形成日期 there expects every notice below to have it, and would be puzzled by the
    // "missing" errors that follow.
    for key in s.fm.present.iter().filter(|k| !CASCADING.contains(k)) {
        let pos = index_key_pos(s, key);
        diags.push(
            Diagnostic::warning(
                Code::UnknownKey,
                &s.rel,
                pos,
                tr!(
                    "_index.md 中的“{key}”不会传给下级公告",
                    "`{key}` in an _index.md is not passed to the notices below it"
                ),
                tr!(
                    "把“{key}”写进每条公告自己的信息头；_index.md 只能统一写 乡镇、村、事项、发布主体、监督电话。",
                    "Write `{key}` in each notice; an _index.md may give only 乡镇, 村, 事项, 发布主体, 监督电话."
                ),
            )
            .with_source(&s.text()),
        );
    }
}

/// The line of a known key in an `_index.md` (which keeps no position for keys it ignores).
fn index_key_pos(s: &Source, key: &str) -> Pos {
    let alias = crate::load::frontmatter::KEYS
        .iter()
        .find(|(zh, _)| *zh == key)
        .map_or("", |(_, en)| *en);
    let fence = s.body_first_line.saturating_sub(1);
    s.text()
        .lines()
        .enumerate()
        .take(fence)
        .skip(1)
        .find(|(_, l)| {
            let k = l.split([':', '：']).next().unwrap_or("").trim();
            k == key || (!alias.is_empty() && k.eq_ignore_ascii_case(alias))
        })
        .map_or(Pos::new(1, 1), |(i, _)| Pos::new(i + 1, 1))
}
