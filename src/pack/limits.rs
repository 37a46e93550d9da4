//! What a bundle must fit on the way to a reading-room PC: a FAT32 or exFAT USB stick, copied
//! by Windows Explorer onto NTFS. Windows' classic `MAX_PATH` (260 UTF-16 units, drive and
//! terminating NUL included) still holds for Explorer and most programs; FAT32 keeps no file
//! of 4 GiB or more; and FAT32, exFAT and NTFS share the same forbidden characters and the
//! device names (`CON`, `AUX`, `NUL`, `COM1`…) that can never be file names, whatever the
//! extension. Every path of a bundle is checked before anything is written, so a stick never
//! receives a bundle that cannot be copied off it.

/// Windows `MAX_PATH`: drive, folders, name and the terminating NUL.
pub const MAX_PATH: usize = 260;

/// What is left for the folder the bundle is unpacked into, e.g.
/// `C:\Users\Administrator\Desktop\示例县政务公开-查阅机-2026-11-28\` (about 50 units):
/// clerks unpack onto the desktop or a stick with a long name, so a generous share is kept.
pub const FOLDER_RESERVE: usize = 80;

/// The longest path inside the bundle, in UTF-16 units.
pub const MAX_REL: usize = MAX_PATH - 1 - FOLDER_RESERVE;

/// The longest single name FAT32 (LFN), exFAT and NTFS all accept, in UTF-16 units.
pub const MAX_NAME: usize = 255;

/// FAT32's largest file: 4 GiB − 1 byte.
pub const MAX_FILE: u64 = 4 * 1024 * 1024 * 1024 - 1;

/// Why one path of a bundle cannot go onto a stick and off it again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The path is longer than [`MAX_REL`] (its length in UTF-16 units).
    TooLong(usize),
    /// One name is not valid on FAT32/exFAT/NTFS (the name and why, in Chinese and English).
    BadName(String, &'static str, &'static str),
    /// Two paths differ only in letter case; Windows keeps only one of them.
    SameIgnoringCase(String),
    /// The file is larger than FAT32 allows (its size).
    TooLarge(u64),
}

/// Length as Windows counts it.
pub fn utf16_len(s: &str) -> usize {
    s.encode_utf16().count()
}

/// The device names Windows reserves in every folder, with or without an extension.
const RESERVED: &[&str] = &[
    "CON", "PRN", "AUX", "NUL", "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "LPT0",
    "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
];

/// Why `name` (one path component) is not a valid file name on FAT32/exFAT/NTFS, if it is not.
pub fn name_problem(name: &str) -> Option<(&'static str, &'static str)> {
    if name.is_empty() {
        return Some(("文件名为空", "the name is empty"));
    }
    if name.chars().any(|c| (c as u32) < 0x20 || "<>:\"/\\|?*".contains(c)) {
        return Some((
            "含有 Windows 不允许的字符（< > : \" / \\ | ? * 或控制字符）",
            "it contains a character Windows forbids (< > : \" / \\ | ? * or a control character)",
        ));
    }
    if name.ends_with('.') || name.ends_with(' ') {
        return Some((
            "以句点或空格结尾，Windows 会把它去掉",
            "it ends in a dot or a space, which Windows drops",
        ));
    }
    let stem = name.split('.').next().unwrap_or(name).trim_end();
    if RESERVED.iter().any(|r| r.eq_ignore_ascii_case(stem)) {
        return Some((
            "是 Windows 的设备保留名（CON、PRN、AUX、NUL、COM1、LPT1 等，带扩展名也不行）",
            "it is a Windows device name (CON, PRN, AUX, NUL, COM1, LPT1…, with any extension)",
        ));
    }
    if utf16_len(name) > MAX_NAME {
        return Some(("超过 255 个字符", "it is longer than 255 characters"));
    }
    None
}

/// Every problem of a bundle's files `(path, size)`, `/`-separated paths relative to the
/// bundle, in the order given; each path at most once per kind of problem.
pub fn check(files: &[(&str, u64)]) -> Vec<(String, Problem)> {
    let mut out = Vec::new();
    let mut folded: std::collections::HashMap<String, &str> = std::collections::HashMap::new();
    for &(path, size) in files {
        let len = utf16_len(path);
        if len > MAX_REL {
            out.push((path.to_string(), Problem::TooLong(len)));
        }
        for part in path.split('/') {
            if let Some((zh, en)) = name_problem(part) {
                out.push((path.to_string(), Problem::BadName(part.to_string(), zh, en)));
                break;
            }
        }
        // Windows folds case with its own table; lowercasing is the same for every path a
        // bundle holds (ASCII output paths and the launcher's Chinese names).
        match folded.get(&path.to_lowercase()) {
            Some(first) => out.push((path.to_string(), Problem::SameIgnoringCase(first.to_string()))),
            None => {
                folded.insert(path.to_lowercase(), path);
            }
        }
        if size > MAX_FILE {
            out.push((path.to_string(), Problem::TooLarge(size)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_windows_refuses() {
        assert!(name_problem("aux.html").is_some());
        assert!(name_problem("Com1").is_some());
        assert!(name_problem("lpt9.txt.gz").is_some());
        assert!(name_problem("a:b.html").is_some());
        assert!(name_problem("名单.").is_some());
        assert!(name_problem(&"长".repeat(256)).is_some());
        assert_eq!(name_problem("auxiliary.html"), None);
        assert_eq!(name_problem("打开网站.cmd"), None);
        assert_eq!(name_problem("console.html"), None);
    }

    #[test]
    fn paths_sizes_and_case() {
        let long = format!("site/{}.html", "a".repeat(MAX_REL));
        let p = check(&[
            ("site/index.html", 10),
            ("site/Index.html", 10),
            (&long, 1),
            ("site/big.iso", MAX_FILE + 1),
            ("site/ok.iso", MAX_FILE),
        ]);
        assert_eq!(
            p,
            vec![
                (
                    "site/Index.html".into(),
                    Problem::SameIgnoringCase("site/index.html".into())
                ),
                (long.clone(), Problem::TooLong(utf16_len(&long))),
                ("site/big.iso".into(), Problem::TooLarge(MAX_FILE + 1)),
            ]
        );
        // Chinese counts one unit a character, as Windows counts it.
        assert_eq!(utf16_len("打开网站.html"), 9);
    }
}
