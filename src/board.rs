//! Which notices hang on a village's notice board (村公示栏) on a given day: the rule behind
//! `gongkai board` (SPEC 8).
//!
//! A notice is on the board of village V of township T on day D when
//!
//! 1. it is the board's: V's own notice (`村: V`), or a notice of T itself (no `村`) that
//!    names V in `张贴村`, or, when it names no village there, whose catalog item is
//!    published on village boards: one of its channels is a village or community 公示栏 or
//!    a 公告栏 where the people concerned live (`被征收范围内公告栏`), or its levels
//!    include 村级;
//! 2. it is published: its publish date is D or earlier;
//! 3. it is current:
//!    - with a 公示期: D is not after the period's last day (from its publication, through a
//!      period not yet started, to the end of the period); once the period is over it comes
//!      down, so a list of people withdrawn after the period never reaches a board;
//!    - without one: it was published at most `days` days before D (default
//!      [`DEFAULT_DAYS`]).
//!
//! Notices of other villages and townships never appear, nor notices published after D:
//! they are simply not on that day's board, so a board for a past day needs no site that
//! stops at that day. The board lists the newest first.
//!
//! What to take down on D ([`take_down`]) is the board's notices whose last day fell in the
//! `days` days before D: a clerk who prints the board every few weeks sees what came due
//! since.

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

/// A channel such as `社区/企事业单位/村公示栏（电子屏）`, `村(社区)公示栏`, a bare `公示栏` or
/// `被征收范围内公告栏` (the board where the land is, which is a village's); not the board
/// of a township hall, a county office or a culture centre.
fn is_village_board(channel: &str) -> bool {
    channel.split(['/', '、', '，', ',', '；', ';']).any(|part| {
        (part.contains("公示栏") || part.contains("公告栏") || (part.contains("公开栏") && part.contains('村')))
            && !["乡镇", "镇政府", "乡政府", "街道办", "县", "中心", "文化站", "大厅"]
                .iter()
                .any(|w| part.contains(w))
    })
}

/// Every notice of the board published by `date`, with its last day up.
fn posted(site: &Site, township: usize, village: usize, date: Date, days: u32) -> impl Iterator<Item = Entry> + '_ {
    site.notices
        .iter()
        .enumerate()
        .filter(move |(_, n)| n.township == township)
        .filter(move |(_, n)| match n.village {
            Some(v) => v == village,
            None if !n.boards.is_empty() => n.boards.contains(&village),
            None => is_board_item(site.catalogs.item(n.item)),
        })
        .filter(move |(_, n)| n.published <= date)
        .map(move |(i, n)| {
            let until = match n.period {
                Some(p) => p.end,
                None => n.published.saturating_add(jiff::Span::new().days(i64::from(days))),
            };
            Entry { notice: i, until }
        })
}

/// The notices on the board of village `village` of township `township` on `date`, newest
/// first.
pub fn select(site: &Site, township: usize, village: usize, date: Date, days: u32) -> Vec<Entry> {
    let mut out: Vec<Entry> = posted(site, township, village, date, days)
        .filter(|e| date <= e.until)
        .collect();
    out.sort_by(|a, b| {
        let (na, nb) = (&site.notices[a.notice], &site.notices[b.notice]);
        nb.published.cmp(&na.published).then_with(|| na.url.cmp(&nb.url))
    });
    out
}

/// The board's notices to take down on `date`: their last day was one of the `days` days
/// before it. The most recently due first.
pub fn take_down(site: &Site, township: usize, village: usize, date: Date, days: u32) -> Vec<Entry> {
    let from = date.saturating_sub(jiff::Span::new().days(i64::from(days)));
    let mut out: Vec<Entry> = posted(site, township, village, date, days)
        .filter(|e| e.until < date && e.until >= from)
        .collect();
    out.sort_by(|a, b| {
        b.until
            .cmp(&a.until)
            .then_with(|| site.notices[a.notice].url.cmp(&site.notices[b.notice].url))
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
            "被征收范围内公告栏",
            "村务公开栏、被征收土地所在村公告栏",
            "村委会(居委会)公告栏",
        ] {
            assert!(is_village_board(c), "{c}");
        }
        for c in [
            "政府网站",
            "街道文化站/(社区)综合性文化服务中心公示栏",
            "乡镇公示栏",
            "公开查阅点",
            "县自然资源局公告栏",
            "乡镇政务服务大厅公告栏",
            "镇政府公告栏",
        ] {
            assert!(!is_village_board(c), "{c}");
        }
    }
}
