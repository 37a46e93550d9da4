//! A YAML value tree in which every node knows its line and column.
//!
//! Front matter is read into this tree rather than straight into a struct, so that every key
//! can be checked on its own and all problems reported together, each at its place.

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;
use std::fmt;

use crate::diag::Pos;

#[derive(Clone, Debug, PartialEq)]
pub enum Node {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Spanned<Node>>),
    Map(Vec<(Spanned<Node>, Spanned<Node>)>),
}

impl Node {
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Node::Str(s) => Some(s),
            _ => None,
        }
    }

    /// What a clerk would call the type, for messages.
    pub fn kind_zh(&self) -> &'static str {
        match self {
            Node::Null => "空值",
            Node::Bool(_) => "真假值",
            Node::Int(_) | Node::Float(_) => "数字",
            Node::Str(_) => "文字",
            Node::Seq(_) => "列表",
            Node::Map(_) => "键值表",
        }
    }

    pub fn kind_en(&self) -> &'static str {
        match self {
            Node::Null => "null",
            Node::Bool(_) => "boolean",
            Node::Int(_) | Node::Float(_) => "number",
            Node::Str(_) => "text",
            Node::Seq(_) => "list",
            Node::Map(_) => "mapping",
        }
    }
}

/// The position of a spanned node, shifted from YAML-relative to file lines.
pub fn pos_of<T>(node: &Spanned<T>, first_line: usize) -> Pos {
    let loc = node.referenced;
    if loc.line() == 0 {
        return Pos::new(first_line, 1);
    }
    Pos::new(loc.line() as usize + first_line - 1, loc.column() as usize)
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Node, D::Error> {
        d.deserialize_any(NodeVisitor)
    }
}

struct NodeVisitor;

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Node, D::Error> {
        Node::deserialize(d)
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Node, E> {
        Ok(Node::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Node, E> {
        Ok(Node::Int(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Node, E> {
        Ok(i64::try_from(v).map(Node::Int).unwrap_or(Node::Float(v as f64)))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Node, E> {
        Ok(Node::Float(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Node, E> {
        Ok(Node::Str(v.to_string()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Node, E> {
        Ok(Node::Str(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<Spanned<Node>>()? {
            items.push(item);
        }
        Ok(Node::Seq(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        let mut entries = Vec::new();
        while let Some((k, v)) = map.next_entry::<Spanned<Node>, Spanned<Node>>()? {
            entries.push((k, v));
        }
        Ok(Node::Map(entries))
    }
}

/// Parse YAML text into a spanned tree.
pub fn parse(text: &str) -> Result<Spanned<Node>, serde_saphyr::Error> {
    if text.trim().is_empty() {
        return Ok(Spanned::new(
            Node::Map(Vec::new()),
            serde_saphyr::Location::UNKNOWN,
            serde_saphyr::Location::UNKNOWN,
        ));
    }
    // Repeated keys reach the tree so that the front-matter reader can name both lines; YAML's
    // own error for them says neither which key nor where the first one is in the clerk's terms.
    let options = serde_saphyr::options! {
        duplicate_keys: serde_saphyr::DuplicateKeyPolicy::PassThrough,
    };
    serde_saphyr::from_str_with_options::<Spanned<Node>>(text, options)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_values_have_positions() {
        let t = parse("标题: 甲\n监督电话: 05561234567\n附件:\n  - a.pdf\n").unwrap();
        let Node::Map(entries) = &t.value else { panic!() };
        assert_eq!(entries.len(), 3);
        assert_eq!(pos_of(&entries[1].0, 2), Pos::new(3, 1));
        // A leading zero makes YAML read a number (the clerk meant a phone number).
        assert!(matches!(entries[1].1.value, Node::Int(_) | Node::Float(_)));
        let Node::Seq(items) = &entries[2].1.value else {
            panic!()
        };
        assert_eq!(pos_of(&items[0], 2).line, 5);
        assert_eq!(entries[0].1.value, Node::Str("甲".into()));
    }

    #[test]
    fn repeated_keys_are_kept() {
        let t = parse("标题: 甲\n标题: 乙\n").unwrap();
        let Node::Map(e) = &t.value else { panic!() };
        assert_eq!(e.len(), 2);
    }

    #[test]
    fn dates_stay_strings() {
        let t = parse("形成日期: 2026-09-25\n").unwrap();
        let Node::Map(e) = &t.value else { panic!() };
        assert_eq!(e[0].1.value, Node::Str("2026-09-25".into()));
    }
}
