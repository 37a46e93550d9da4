//! Finding the catalog item a notice names in `事项`: a full path, a unique suffix, or an id.

use super::model::Domain;
use crate::util::suggest;
use std::collections::HashMap;

/// Index into the catalog set: (domain, item).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ItemRef {
    pub domain: usize,
    pub item: usize,
}

pub enum Found {
    One(ItemRef),
    Ambiguous(Vec<ItemRef>),
    None { suggestions: Vec<String> },
}

/// All the names each item answers to, normalised.
pub struct ItemIndex {
    by_key: HashMap<String, Vec<ItemRef>>,
    /// Items that exist only in a local variant of the table.
    variants: std::collections::HashSet<ItemRef>,
    full_paths: Vec<(String, ItemRef)>,
}

impl ItemIndex {
    pub fn new(domains: &[Domain]) -> ItemIndex {
        let mut by_key: HashMap<String, Vec<ItemRef>> = HashMap::new();
        let mut full_paths = Vec::new();
        let mut variants = std::collections::HashSet::new();
        for (di, d) in domains.iter().enumerate() {
            let names: Vec<&str> = std::iter::once(d.name.as_str())
                .chain(d.aliases.iter().map(String::as_str))
                .collect();
            for (ii, item) in d.items.iter().enumerate() {
                let r = ItemRef { domain: di, item: ii };
                if item.variant.is_some() {
                    variants.insert(r);
                }
                let mut levels = vec![item.level1.as_str(), item.level2.as_str()];
                if let Some(l3) = &item.level3 {
                    levels.push(l3);
                }
                let mut keys = vec![norm(&item.id)];
                for start in 0..levels.len() {
                    keys.push(norm(&levels[start..].join("/")));
                }
                for n in &names {
                    keys.push(norm(&format!("{n}/{}", levels.join("/"))));
                }
                keys.sort();
                keys.dedup();
                for k in keys {
                    by_key.entry(k).or_default().push(r);
                }
                full_paths.push((format!("{}/{}", d.name, levels.join("/")), r));
            }
        }
        ItemIndex {
            by_key,
            variants,
            full_paths,
        }
    }

    pub fn find(&self, query: &str) -> Found {
        let key = norm(query);
        match self.by_key.get(&key).map(Vec::as_slice) {
            Some([one]) => Found::One(*one),
            Some(many) if !many.is_empty() => {
                // A local variant row that repeats a national row's name does not make the
                // national row ambiguous.
                let national: Vec<ItemRef> = many.iter().copied().filter(|r| !self.variants.contains(r)).collect();
                match national.as_slice() {
                    [one] => Found::One(*one),
                    // Rows with the very same name (two localities' variants of one row) cannot
                    // be told apart by name at all: the first in catalog order stands for them.
                    _ if many.iter().all(|r| self.full_path(*r) == self.full_path(many[0])) => {
                        Found::One(*many.iter().min().unwrap_or(&many[0]))
                    }
                    _ => Found::Ambiguous(many.to_vec()),
                }
            }
            _ => Found::None {
                suggestions: suggest::ranked(&key, self.full_paths.iter().map(|(p, _)| p.as_str()), 3)
                    .into_iter()
                    .map(str::to_owned)
                    .collect(),
            },
        }
    }

    /// Every item whose full path is the same as `r`'s (two localities' variants of one row),
    /// in catalog order; just `r` when its name is unique.
    pub fn namesakes(&self, r: ItemRef) -> Vec<ItemRef> {
        let path = self.full_path(r);
        self.full_paths
            .iter()
            .filter(|(p, _)| p == path)
            .map(|(_, x)| *x)
            .collect()
    }

    pub fn full_path(&self, r: ItemRef) -> &str {
        self.full_paths
            .iter()
            .find(|(_, x)| *x == r)
            .map_or("", |(p, _)| p.as_str())
    }
}

/// Spaces and slashes of every width, and 领域 suffixes, do not matter.
fn norm(s: &str) -> String {
    crate::util::text::to_half_width(s)
        .split(['/', '\\', '>', '、'])
        .map(|p| p.split_whitespace().collect::<String>())
        .filter(|p| !p.is_empty())
        .map(|p| p.trim_end_matches("领域").to_string())
        .collect::<Vec<_>>()
        .join("/")
}
