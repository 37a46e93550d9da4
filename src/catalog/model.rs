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
    /// How often the item must be published again (定期公开), where the source says so:
    /// absent for items that arise on an event (征地, 救灾), whose blank column is not by
    /// itself a failure. `gongkai report` checks periodic items for due and overdue periods.
    #[serde(default)]
    pub periodic: Option<Periodic>,
}

/// `periodic: {every: quarter, text: 按季度公开}`: the cadence of a periodic item. `every`
/// is kept as written and read by [`Frequency::parse`] when the catalog is checked, so that
/// a county's typo is reported at its line with the values allowed, not as a YAML error.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Periodic {
    pub every: String,
    /// The source's wording (村民委员会组织法 第三十条: 一般事项至少每季度公布一次).
    #[serde(default)]
    pub text: Option<String>,
}

/// The cadences the sources give: 村务 at least quarterly and 财务 monthly (村民委员会组织法
/// Art. 30), budgets and final accounts yearly (预算法), 法律援助 results quarterly.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Frequency {
    Month,
    Quarter,
    HalfYear,
    Year,
}

impl Frequency {
    /// The English keys, and the Chinese words a county is likely to write.
    pub const ALLOWED: &'static str = "month（每月）、quarter（每季度）、half-year（每半年）、year（每年）";

    pub fn parse(s: &str) -> Option<Frequency> {
        match s.trim() {
            "month" | "monthly" | "每月" | "月" | "按月" => Some(Frequency::Month),
            "quarter" | "quarterly" | "每季度" | "季度" | "按季度" | "每季" => Some(Frequency::Quarter),
            "half-year" | "half-yearly" | "每半年" | "半年" => Some(Frequency::HalfYear),
            "year" | "yearly" | "annual" | "每年" | "年度" | "按年度" | "每年度" => Some(Frequency::Year),
            _ => None,
        }
    }

    /// Months in one period.
    pub fn months(self) -> i8 {
        match self {
            Frequency::Month => 1,
            Frequency::Quarter => 3,
            Frequency::HalfYear => 6,
            Frequency::Year => 12,
        }
    }

    pub fn zh(self) -> &'static str {
        match self {
            Frequency::Month => "每月",
            Frequency::Quarter => "每季度",
            Frequency::HalfYear => "每半年",
            Frequency::Year => "每年",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Frequency::Month => "month",
            Frequency::Quarter => "quarter",
            Frequency::HalfYear => "half-year",
            Frequency::Year => "year",
        }
    }
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

    /// The item's cadence, when it is periodic and the value could be read.
    pub fn frequency(&self) -> Option<Frequency> {
        self.periodic.as_ref().and_then(|p| Frequency::parse(&p.every))
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
