//! Which notices hang on a village's notice board (村公示栏) on a given day: the rule behind
//! `gongkai board` (SPEC 8).
//!
//! A notice is on the board of village V of township T on day D when
//!
//! 1. it is the board's: V's own notice (`村: V`), or a notice of T itself (no `村`) whose
//!    catalog item is published on village boards: one of its channels is a village or
//!    community 公示栏, or its levels include 村级;
//! 2. it is published: its publish date is D or earlier;
//! 3. it is current:
//!    - with a 公示期: D is not after the period's last day (from its publication, through a
//!      period not yet started, to the end of the period); once the period is over it comes
//!      down, so a list of people withdrawn after the period never reaches a board;
//!    - without one: it was published at most `days` days before D (default
//!      [`DEFAULT_DAYS`]).
//!
//! Notices of other villages and townships never appear. The board lists the newest first.

use crate::catalog::{Item, Level};
use crate::site::Site;
use jiff::civil::Date;

/// How long a notice without a 公示期 stays on the board, in calendar days.
pub const DEFAULT_DAYS: u32 = 30;

/// One notice on the board.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// Index into `site.notices`.
    pub notice: usize,
    /// The last day it stays up: its 公示期's end, or publish date + `days`.
    pub until: Date,
}

/// Whether the township's notices of `item` go on its villages' boards.
pub fn is_board_item(item: &Item) -> bool {
    item.channels.iter().any(|c| is_village_board(c))
        || item
            .levels
            .iter()
            .any(|l| Level::parse(l) == Some(Level::Village) || l.contains('村'))
}

/// A channel such as `社区/企事业单位/村公示栏（电子屏）`, `村(社区)公示栏` or a bare `公示栏`;
/// not the board of a township hall or of a culture centre.
fn is_village_board(channel: &str) -> bool {
    channel
        .split(['/', '、', '，', ',', '；', ';'])
        .any(|part| part.contains("公示栏") && !["乡镇", "中心", "文化站"].iter().any(|w| part.contains(w)))
}

/// The notices on the board of village `village` of township `township` on `date`, newest
/// first.
pub fn select(site: &Site, township: usize, village: usize, date: Date, days: u32) -> Vec<Entry> {
    let mut out: Vec<Entry> = site
        .notices
        .iter()
        .enumerate()
        .filter(|(_, n)| n.township == township)
        .filter(|(_, n)| match n.village {
            Some(v) => v == village,
            None => is_board_item(site.catalogs.item(n.item)),
        })
        .filter(|(_, n)| n.published <= date)
        .filter_map(|(i, n)| {
            let until = match n.period {
                Some(p) => p.end,
                None => n.published.saturating_add(jiff::Span::new().days(i64::from(days))),
            };
            (date <= until).then_some(Entry { notice: i, until })
        })
        .collect();
    out.sort_by(|a, b| {
        let (na, nb) = (&site.notices[a.notice], &site.notices[b.notice]);
        nb.published.cmp(&na.published).then_with(|| na.url.cmp(&nb.url))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::is_village_board;

    #[test]
    fn village_boards_are_recognised() {
        for c in [
            "社区/企事业单位/村公示栏（电子屏）",
            "村(社区)公示栏",
            "公开查阅点、政务服务中心、村公示栏",
            "乡镇便民服务中心/村委会公示栏",
            "行政村公示栏、乡镇公示栏",
            "公示栏",
        ] {
            assert!(is_village_board(c), "{c}");
        }
        for c in [
            "政府网站",
            "街道文化站/(社区)综合性文化服务中心公示栏",
            "乡镇公示栏",
            "公开查阅点",
        ] {
            assert!(!is_village_board(c), "{c}");
        }
    }
}
