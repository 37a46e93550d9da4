//! Finding a CJK font on the clerk's machine at run time. gongkai ships no font (a CJK face
//! is 10–30 MB and its licence is the user's choice): it looks where Linux, Windows and macOS
//! keep them, takes the first known good face (a 宋体-like serif before a 黑体-like sans, as
//! official documents use), and otherwise any face that has the characters of 政务公开.
//! Collections (`.ttc`, Noto CJK's CFF faces) are opened face by face and picked by name.

use std::path::{Path, PathBuf};

/// The environment variable a user sets to a font file (`.ttf`, `.otf`, `.ttc`).
pub const FONT_ENV: &str = "GONGKAI_FONT";

/// Faces preferred in this order: (file name, family name in the collection).
const KNOWN: &[(&str, &str)] = &[
    ("NotoSerifCJK-Regular.ttc", "Noto Serif CJK SC"),
    ("NotoSerifCJKsc-Regular.otf", "Noto Serif CJK SC"),
    ("SourceHanSerifSC-Regular.otf", "Source Han Serif SC"),
    ("simsun.ttc", "SimSun"),
    ("Songti.ttc", "Songti SC"),
    ("NotoSansCJK-Regular.ttc", "Noto Sans CJK SC"),
    ("NotoSansCJKsc-Regular.otf", "Noto Sans CJK SC"),
    ("SourceHanSansSC-Regular.otf", "Source Han Sans SC"),
    ("msyh.ttc", "Microsoft YaHei"),
    ("PingFang.ttc", "PingFang SC"),
    ("wqy-zenhei.ttc", "WenQuanYi Zen Hei"),
    ("wqy-microhei.ttc", "WenQuanYi Micro Hei"),
];

/// A face ready for layout: its file's bytes and its index in a collection.
pub struct FontFile {
    pub path: PathBuf,
    pub data: Vec<u8>,
    pub index: u32,
    pub family: String,
}

/// Why no font could be had, for the diagnostic.
#[derive(Debug)]
pub enum FontError {
    /// `--font` or `GONGKAI_FONT` names a file that cannot be used.
    Given(PathBuf, String),
    /// Nothing with Chinese characters in any of the folders.
    NoneInstalled(Vec<PathBuf>),
}

/// The folders fonts live in on Linux, Windows and macOS, with the user's own first.
pub fn font_dirs() -> Vec<PathBuf> {
    let mut dirs = Vec::new();
    if let Some(home) = std::env::var_os("HOME").or_else(|| std::env::var_os("USERPROFILE")) {
        let home = PathBuf::from(home);
        dirs.push(home.join(".fonts"));
        dirs.push(home.join(".local/share/fonts"));
        dirs.push(home.join("Library/Fonts"));
    }
    if let Some(local) = std::env::var_os("LOCALAPPDATA") {
        dirs.push(PathBuf::from(local).join("Microsoft/Windows/Fonts"));
    }
    let windir = std::env::var_os("WINDIR").map_or_else(|| PathBuf::from("C:\\Windows"), PathBuf::from);
    dirs.push(windir.join("Fonts"));
    for d in [
        "/usr/share/fonts",
        "/usr/local/share/fonts",
        "/System/Library/Fonts",
        "/Library/Fonts",
    ] {
        dirs.push(PathBuf::from(d));
    }
    dirs
}

/// The font to typeset with: `given` (the `--font` option), else `GONGKAI_FONT`, else the
/// best installed face.
pub fn find(given: Option<&Path>) -> Result<FontFile, FontError> {
    let given = given
        .map(Path::to_path_buf)
        .or_else(|| std::env::var_os(FONT_ENV).filter(|v| !v.is_empty()).map(PathBuf::from));
    if let Some(path) = given {
        return open_any(&path).map_err(|why| FontError::Given(path, why));
    }
    let dirs = font_dirs();
    let files = font_files(&dirs);
    for (name, family) in KNOWN {
        for f in files
            .iter()
            .filter(|f| f.file_name().is_some_and(|n| n.eq_ignore_ascii_case(name)))
        {
            if let Some(font) = open_family(f, family) {
                return Ok(font);
            }
        }
    }
    // Not a face we know: the first one (in path order) that can write Chinese.
    for f in &files {
        if let Ok(font) = open_any(f) {
            return Ok(font);
        }
    }
    Err(FontError::NoneInstalled(dirs))
}

fn font_files(dirs: &[PathBuf]) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = dirs
        .iter()
        .filter(|d| d.is_dir())
        .flat_map(|d| {
            walkdir::WalkDir::new(d)
                .follow_links(true)
                .into_iter()
                .filter_map(Result::ok)
        })
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .filter(|p| {
            p.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| ["ttf", "otf", "ttc", "otc"].contains(&e.to_ascii_lowercase().as_str()))
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

fn faces(data: &[u8]) -> u32 {
    ttf_parser::fonts_in_collection(data).unwrap_or(1)
}

fn family_of(face: &ttf_parser::Face) -> Option<String> {
    let names = face.names();
    let pick = |id: u16| {
        names
            .into_iter()
            .filter(|n| n.name_id == id && n.is_unicode())
            .find_map(|n| n.to_string())
    };
    pick(ttf_parser::name_id::TYPOGRAPHIC_FAMILY).or_else(|| pick(ttf_parser::name_id::FAMILY))
}

/// Whether a face can set Chinese text and be embedded (TrueType or CFF outlines, not CFF2).
fn usable(face: &ttf_parser::Face) -> bool {
    let outlines = face.tables().glyf.is_some() || face.tables().cff.is_some();
    outlines && "政务公开办事指南".chars().all(|c| face.glyph_index(c).is_some())
}

fn open_family(path: &Path, family: &str) -> Option<FontFile> {
    let data = std::fs::read(path).ok()?;
    let index = (0..faces(&data)).find(|&i| {
        ttf_parser::Face::parse(&data, i)
            .ok()
            .is_some_and(|f| usable(&f) && family_of(&f).is_some_and(|n| n.eq_ignore_ascii_case(family)))
    })?;
    Some(FontFile {
        path: path.to_path_buf(),
        family: family.to_string(),
        data,
        index,
    })
}

/// The first face of `path` that can write Chinese; in a collection, a Simplified Chinese
/// face (` SC` in its name) is taken before the others.
fn open_any(path: &Path) -> Result<FontFile, String> {
    let data = std::fs::read(path).map_err(|e| e.to_string())?;
    let mut found: Option<(u32, String)> = None;
    for i in 0..faces(&data) {
        let Ok(face) = ttf_parser::Face::parse(&data, i) else {
            continue;
        };
        if !usable(&face) {
            continue;
        }
        let family = family_of(&face).unwrap_or_default();
        let sc = family.ends_with(" SC") || family.contains("GB");
        if found.is_none() || sc {
            found = Some((i, family));
        }
        if sc {
            break;
        }
    }
    let (index, family) = found.ok_or_else(|| "不是可用的中文字体（缺少汉字，或为 CFF2 可变字体）".to_string())?;
    Ok(FontFile {
        path: path.to_path_buf(),
        data,
        index,
        family,
    })
}
