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
    /// "Today" for everything time-dependent (`--date`), so builds are reproducible.
    pub today: Date,
}

impl Site {
    pub fn source(&self, n: &Notice) -> &Source {
        &self.sources[n.source]
    }
}
