//! The files at the top of a bundle, beside `site/`: what a clerk or a reading-room
//! attendant sees first when opening the stick.
//!
//! - `打开网站.html`: double-click opens the site in whatever browser the PC has;
//! - `打开网站.cmd`: the Windows launcher, Edge or Chrome in app mode (kiosk mode for a
//!   kiosk bundle) on the local file, no internet and nothing installed. It is plain ASCII:
//!   cmd.exe reads batch files in the console's code page (GBK on Chinese Windows), so any
//!   Chinese in it would be mangled; its own name is Chinese, which Windows handles;
//! - `说明.txt`: what this is and how to check a copy, UTF-8 with a BOM and CRLF lines so that
//!   the Notepad of Windows 7 shows it right.

use super::kiosk::Kiosk;

/// The folder inside the bundle that holds the site as built.
pub const SITE_DIR: &str = "site";
pub const OPEN_HTML: &str = "打开网站.html";
pub const LAUNCHER: &str = "打开网站.cmd";
pub const README: &str = "说明.txt";

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// `打开网站.html`: a redirect to the home page, and a link where redirects are off.
pub fn open_html(title: &str) -> String {
    let t = escape(title);
    format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"refresh\" content=\"0; url={SITE_DIR}/index.html\">\n<title>{t}</title>\n\
         <style>body{{font:20px/1.6 sans-serif;margin:3em}}a{{font-size:1.5em}}</style>\n</head>\n<body>\n\
         <h1>{t}</h1>\n<p><a href=\"{SITE_DIR}/index.html\">打开网站</a></p>\n\
         <p>如果页面没有自动打开，请点击上面的“打开网站”。</p>\n</body>\n</html>\n"
    )
}

/// `打开网站.cmd`, with CRLF line ends.
pub fn launcher(kiosk: Option<&Kiosk>) -> String {
    let mode = match kiosk {
        Some(k) => format!(
            "--kiosk \"%URL%\" --edge-kiosk-type=fullscreen --no-first-run{} --user-data-dir=\"%TEMP%\\gongkai-kiosk\"",
            if k.printer { " --kiosk-printing" } else { "" }
        ),
        None => "--app=\"%URL%\" --no-first-run".to_string(),
    };
    let lines = [
        "@echo off".to_string(),
        "rem gongkai launcher: opens the site in this folder with Edge or Chrome.".into(),
        "rem No internet connection is needed and nothing is installed.".into(),
        if kiosk.is_some() {
            "rem Kiosk mode: full screen; press Alt+F4 to leave.".into()
        } else {
            "rem App mode: a window without an address bar.".into()
        },
        "setlocal".into(),
        format!("set \"PAGE=%~dp0{SITE_DIR}\\index.html\""),
        "if not exist \"%PAGE%\" (".into(),
        format!("  echo {SITE_DIR}\\index.html is missing: copy the whole folder again."),
        "  pause".into(),
        "  exit /b 1".into(),
        ")".into(),
        "set \"URL=file:///%PAGE:\\=/%\"".into(),
        "set \"B=\"".into(),
        "for %%P in (\"%ProgramFiles(x86)%\\Microsoft\\Edge\\Application\\msedge.exe\" \"%ProgramFiles%\\Microsoft\\Edge\\Application\\msedge.exe\" \"%LocalAppData%\\Microsoft\\Edge\\Application\\msedge.exe\" \"%ProgramFiles%\\Google\\Chrome\\Application\\chrome.exe\" \"%ProgramFiles(x86)%\\Google\\Chrome\\Application\\chrome.exe\" \"%LocalAppData%\\Google\\Chrome\\Application\\chrome.exe\") do (".into(),
        "  if not defined B if exist \"%%~P\" set \"B=%%~P\"".into(),
        ")".into(),
        "if not defined B (".into(),
        "  rem Neither Edge nor Chrome: the default browser, in a normal window.".into(),
        "  start \"\" \"%PAGE%\"".into(),
        "  exit /b 0".into(),
        ")".into(),
        format!("start \"\" \"%B%\" {mode}"),
        "exit /b 0".into(),
    ];
    let mut s = lines.join("\r\n");
    s.push_str("\r\n");
    s
}

/// `说明.txt`.
pub fn readme(title: &str, date: &str, kiosk: Option<&Kiosk>, files: usize) -> String {
    let mut t = String::from("\u{feff}");
    let mode = match kiosk {
        Some(k) => format!(
            "本包为查阅机（触摸屏）版：字大、按钮大，每页有“返回首页”按钮，{} 秒无人操作自动回到首页；站外链接不可点击{}。\n全屏模式下按 Alt+F4 退出。\n",
            k.idle_secs,
            if k.printer {
                "；已开启打印按钮"
            } else {
                "；不显示打印按钮"
            }
        ),
        None => "本包为普通版，与网站上的页面相同。\n".to_string(),
    };
    let body = format!(
        "{title}\n\
         离线网站包，生成日期：{date}\n\
         \n\
         一、怎样打开\n\
         1. Windows 电脑：双击“{LAUNCHER}”，用 Edge 或 Chrome 浏览器打开网站，不需要联网，也不安装任何软件。\n\
         2. 其他电脑：双击“{OPEN_HTML}”，用任意浏览器打开。\n\
         3. 网站的全部文件在“{SITE_DIR}”文件夹中；搜索功能离线可用。\n\
         {mode}\n\
         二、怎样检查拷贝是否完整\n\
         U 盘可能损坏文件，拷贝也可能中途中断。“manifest.json”记录了全部 {files} 个文件的大小和 SHA-256 校验值。\n\
         在装有 gongkai 的电脑上运行：\n\
         \x20   gongkai pack --verify 本文件夹\n\
         显示“检查通过”即完整无误；否则会列出缺少或被改动的文件，请重新拷贝。\n\
         \n\
         三、更新网站\n\
         不要直接修改本包中的文件（修改后检查会不通过）。请在站点中修改公告后重新运行 gongkai pack。\n\
         上传到网站服务器时，可运行 gongkai pack --diff 旧包 新包，只上传列出的新增和修改的文件。\n\
         \n\
         四、注意\n\
         请把整个文件夹放在 U 盘或桌面上较浅的位置（文件夹路径不要太长），Windows 对路径长度有限制。\n"
    );
    t.push_str(&body.replace('\n', "\r\n"));
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn launcher_is_ascii_crlf() {
        for k in [
            None,
            Some(Kiosk {
                idle_secs: 60,
                printer: true,
            }),
        ] {
            let l = launcher(k.as_ref());
            assert!(l.is_ascii());
            assert!(!l.replace("\r\n", "").contains('\n'), "every line ends in CRLF");
            assert!(l.contains("%~dp0site\\index.html"));
        }
        assert!(launcher(None).contains("--app="));
        assert!(open_html("<甲>").contains("&lt;甲&gt;"));
        assert!(readme("t", "2026-11-28", None, 3).starts_with('\u{feff}'));
    }
}
