//! Tick marks and channel names as county tables write them.
//!
//! The 公开渠道和载体, 公开对象, 公开方式 and 公开层级 columns are grids of marks. Tables use ■/□
//! (the national template), √ or ✓ (typed by hand), ● and ☑, 是/否, and, in files made with the
//! Wingdings 2 font in WPS, the letters that font draws as boxes: `R` (☑), `P` (✓), `£` (□),
//! `O` and `S` (✗, ☒). Anything else in a mark cell is not guessed at: the row is reported.

/// A mark cell read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    Yes,
    No,
}

/// The mark in a cell, or `None` when the cell holds something that is not a mark.
pub fn parse_mark(cell: &str) -> Option<Mark> {
    let t: String = cell.chars().filter(|c| !c.is_whitespace()).collect();
    const YES: &[&str] = &[
        "■", "√", "✓", "✔", "☑", "●", "◼", "▪", "★", "◆", "✅", "是", "有", "Y", "y", "YES", "yes", "R", "P", "1", "√√",
    ];
    const NO: &[&str] = &[
        "", "□", "☐", "○", "◯", "×", "✗", "✘", "☒", "否", "无", "-", "—", "/", "／", "N", "n", "NO", "no", "£", "O",
        "S", "0",
    ];
    if YES.contains(&t.as_str()) {
        Some(Mark::Yes)
    } else if NO.contains(&t.as_str()) {
        Some(Mark::No)
    } else {
        None
    }
}

/// The national channel vocabulary (SPEC 2).
pub const CHANNELS: &[&str] = &[
    "政府网站",
    "政府公报",
    "两微一端",
    "发布会/听证会",
    "广播电视",
    "纸质媒体",
    "公开查阅点",
    "政务服务中心",
    "便民服务站",
    "入户/现场",
    "社区/企事业单位/村公示栏（电子屏）",
    "精准推送",
    "其他",
];

/// A channel name in the national spelling when it is one (`村公示栏(电子屏)` with ASCII
/// brackets, `社区/企事业单位/村公示栏（电子屏）` over two lines), else as written.
pub fn channel_name(header: &str) -> String {
    let key = letters(header);
    CHANNELS
        .iter()
        .find(|c| letters(c) == key)
        .or_else(|| {
            // A header that names one channel's distinctive part: 公示栏, 网站, 微信.
            let alias: &[(&str, &str)] = &[
                ("公示栏", "社区/企事业单位/村公示栏（电子屏）"),
                ("电子屏", "社区/企事业单位/村公示栏（电子屏）"),
                ("网站", "政府网站"),
                ("公报", "政府公报"),
                ("微信", "两微一端"),
                ("微博", "两微一端"),
                ("发布会", "发布会/听证会"),
                ("听证会", "发布会/听证会"),
                ("广播", "广播电视"),
                ("报刊", "纸质媒体"),
                ("查阅", "公开查阅点"),
                ("服务中心", "政务服务中心"),
                ("便民服务", "便民服务站"),
                ("入户", "入户/现场"),
                ("推送", "精准推送"),
            ];
            alias.iter().find(|(w, _)| key.contains(w)).map(|(_, c)| c)
        })
        .map_or_else(|| header.split_whitespace().collect(), |c| c.to_string())
}

/// Only letters and digits: punctuation, brackets of either width, slashes and line breaks
/// dropped, for comparing headers.
pub fn letters(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_glyphs() {
        for y in ["■", "√", " ✓ ", "●", "☑", "R", "是"] {
            assert_eq!(parse_mark(y), Some(Mark::Yes), "{y}");
        }
        for n in ["", "□", "☐", "×", "£", "否"] {
            assert_eq!(parse_mark(n), Some(Mark::No), "{n}");
        }
        assert_eq!(parse_mark("乡镇政府"), None);
    }

    #[test]
    fn channels_in_the_national_spelling() {
        assert_eq!(
            channel_name("社区/企事业单位/村公示栏(电子屏)"),
            "社区/企事业单位/村公示栏（电子屏）"
        );
        assert_eq!(channel_name("政府\n网站"), "政府网站");
        assert_eq!(channel_name("村务公开栏"), "村务公开栏");
    }
}
