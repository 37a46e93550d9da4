//! The checked site: everything the render stage needs, built by [`crate::pipeline`].

use crate::calendar::Calendar;
use crate::catalog::Catalogs;
use crate::config::Config;
use crate::load::Source;
use crate::load::table::DataTable;
use crate::resolve::Notice;
use jiff::civil::Date;
use std::path::PathBuf;

pub struct Site {
    pub root: PathBuf,
    pub config: Config,
    pub catalogs: Catalogs,
    pub calendar: Calendar,
    pub sources: Vec<Source>,
    pub notices: Vec<Notice>,
    /// The data file of each notice (parallel to `notices`), read once for checks and pages.
    pub tables: Vec<Option<DataTable>>,
    /// The policy library (documents, 解读, 征求意见, 反馈), statuses derived for `today`.
    pub policy: crate::policy::Library,
    /// The 办事一本通 books and which notices are guides (`crate::book`).
    pub books: crate::book::Books,
    /// The 政府信息公开工作年度报告 of every unit and year with an `annual/` folder, checked
    /// (`crate::annual`); the column's pages and `gongkai annual` read them from here.
    pub annual: Vec<crate::annual::Annual>,
    /// What each attachment and data file holds, read once for the checks and the gate.
    pub extracted: crate::privacy::extract::Cache,
    /// "Today" for everything time-dependent (`--date`), so builds are reproducible.
    pub today: Date,
}

impl Site {
    pub fn source(&self, n: &Notice) -> &Source {
        &self.sources[n.source]
    }

    /// `text` of notice `n` as outputs derived from it may show it (list cards, search, open
    /// data, feeds): a 隐私豁免 covers the notice's own page and printout only, so the
    /// exempted numbers are masked everywhere else (SPEC 5.6). Other notices' text has no
    /// identifiers left to mask: the checks stopped them.
    pub fn derived<'t>(&self, n: &Notice, text: &'t str) -> std::borrow::Cow<'t, str> {
        if n.exemption.is_none() {
            return std::borrow::Cow::Borrowed(text);
        }
        std::borrow::Cow::Owned(crate::privacy::gate::site_scanner(self).mask_all(text))
    }
}
