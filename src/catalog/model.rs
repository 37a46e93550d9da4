//! The catalog data model (SPEC 3.3, docs/catalog-format.md).

use serde::{Deserialize, Serialize};

/// At which level of government a notice is published.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Level {
    County,
    Township,
    Village,
}

impl Level {
    pub fn parse(s: &str) -> Option<Level> {
        match s.trim() {
            "县级" | "县" | "区级" | "县区级" | "县(市、区)级" => Some(Level::County),
            "乡级" | "乡镇级" | "镇级" | "街道" | "乡镇" | "乡、村级" => Some(Level::Township),
            "村级" | "村(社区)级" | "村（社区）级" | "社区级" => Some(Level::Village),
            _ => None,
        }
    }

    pub fn zh(self) -> &'static str {
        match self {
            Level::County => "县级",
            Level::Township => "乡级",
            Level::Village => "村级",
        }
    }
}

/// A time limit or a notice period as the catalog states it.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Limit {
    /// Number of days; absent for limits without a number (实时公开, 及时公开).
    #[serde(default)]
    pub days: Option<u32>,
    /// Working days (工作日) when true, calendar days (自然日) when false.
    #[serde(default = "yes")]
    pub working: bool,
    /// The cell as the source table words it.
    #[serde(default)]
    pub text: Option<String>,
}

fn yes() -> bool {
    true
}

impl Limit {
    /// 政府信息公开条例 Art. 26: 20 working days from the day the information is formed.
    pub fn legal_default() -> Limit {
        Limit {
            days: Some(20),
            working: true,
            text: Some("自该政府信息形成或者变更之日起20个工作日内（《政府信息公开条例》第二十六条）".into()),
        }
    }

    /// The limit in words, for pages and messages.
    pub fn describe(&self) -> String {
        match (&self.text, self.days) {
            (Some(t), _) => t.clone(),
            (None, Some(d)) if self.working => format!("{d}个工作日"),
            (None, Some(d)) => format!("{d}日"),
            (None, None) => String::new(),
        }
    }
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Element {
    pub name: String,
    #[serde(default = "yes")]
    pub required: bool,
    /// The element is a list of people.
    #[serde(default)]
    pub people: bool,
    /// The columns such a list may publish, where the source says.
    #[serde(default)]
    pub columns: Vec<String>,
    #[serde(default)]
    pub time_limit: Option<Limit>,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub id: String,
    pub level1: String,
    pub level2: String,
    #[serde(default)]
    pub level3: Option<String>,
    #[serde(default)]
    pub elements: Vec<Element>,
    #[serde(default)]
    pub basis: Option<String>,
    #[serde(default)]
    pub time_limit: Option<Limit>,
    #[serde(default)]
    pub notice_period: Option<Limit>,
    #[serde(default)]
    pub publisher: Option<String>,
    #[serde(default)]
    pub channels: Vec<String>,
    #[serde(default)]
    pub audience: Option<String>,
    #[serde(default)]
    pub audience_note: Option<String>,
    #[serde(default)]
    pub method: Option<String>,
    #[serde(default)]
    pub levels: Vec<String>,
    #[serde(default)]
    pub personal_info: bool,
    #[serde(default)]
    pub provenance: Option<String>,
    #[serde(default)]
    pub variant: Option<String>,
}

impl Item {
    /// `一级/二级[/三级]`.
    pub fn path(&self) -> String {
        match &self.level3 {
            Some(l3) => format!("{}/{}/{}", self.level1, self.level2, l3),
            None => format!("{}/{}", self.level1, self.level2),
        }
    }

    /// The time limit that applies: the item's own, or the legal default.
    pub fn effective_limit(&self) -> Limit {
        match &self.time_limit {
            Some(l) if l.days.is_some() => l.clone(),
            _ => Limit::legal_default(),
        }
    }

    pub fn parsed_levels(&self) -> Vec<Level> {
        self.levels.iter().filter_map(|l| Level::parse(l)).collect()
    }

    /// Whether a notice at `level` fits this item. An item whose table shows no level accepts
    /// any; a township may publish what the table assigns to its villages' boards.
    pub fn allows(&self, level: Level) -> bool {
        let levels = self.parsed_levels();
        levels.is_empty()
            || levels.contains(&level)
            || (level == Level::Township && levels.contains(&Level::Village))
            || (level == Level::Village && self.channels.iter().any(|c| c.contains("村公示栏")))
    }

    pub fn people_elements(&self) -> impl Iterator<Item = &Element> {
        self.elements.iter().filter(|e| e.people)
    }
}

/// Where an item or a domain came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum Origin {
    /// Embedded in the binary.
    Builtin,
    /// A site's own catalog file (relative path).
    Site(String),
}

impl Origin {
    pub fn describe(&self) -> String {
        match self {
            Origin::Builtin => "内置".into(),
            Origin::Site(p) => p.clone(),
        }
    }
}

/// One domain's catalog after loading and merging.
#[derive(Clone, Debug)]
pub struct Domain {
    pub slug: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub prefix: Option<String>,
    pub ministry: Option<String>,
    pub source: Option<String>,
    pub provenance: Vec<String>,
    pub items: Vec<Item>,
    /// Parallel to `items`.
    pub origins: Vec<Origin>,
    pub origin: Origin,
}
