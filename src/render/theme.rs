//! The theme: tera templates and static files. The default theme is embedded in the binary; a
//! site's `themes/<name>/` files replace embedded ones file by file (SPEC 3).

use crate::diag::{Code, Diagnostic, Diagnostics, Pos};
use crate::tr;
use std::collections::BTreeMap;
use std::path::Path;

#[derive(rust_embed::RustEmbed)]
#[folder = "themes/default/"]
struct DefaultTheme;

/// Templates by name (`page.html`) and static files by path under `static/`.
pub struct Theme {
    pub tera: tera::Tera,
    pub statics: BTreeMap<String, Vec<u8>>,
}

/// Every file of the embedded theme, as `(path, bytes)`, for `init --eject`.
pub fn embedded_files() -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<(String, Vec<u8>)> = DefaultTheme::iter()
        .filter_map(|p| DefaultTheme::get(&p).map(|f| (p.to_string(), f.data.into_owned())))
        .collect();
    v.sort();
    v
}

pub fn load(root: &Path, name: &str, diags: &mut Diagnostics) -> Option<Theme> {
    let mut files: BTreeMap<String, (String, Vec<u8>)> = embedded_files()
        .into_iter()
        .map(|(p, b)| (p.clone(), (format!("(内置)themes/default/{p}"), b)))
        .collect();
    let dir = root.join("themes").join(name);
    if name != "default" && !dir.is_dir() {
        diags.push(Diagnostic::error(
            Code::ConfigValue,
            crate::config::FILE,
            Pos::default(),
            tr!("找不到主题 themes/{name}/", "theme themes/{name}/ not found"),
            tr!(
                "把 site.theme 改为 \"default\"，或创建该主题目录。",
                "Set site.theme = \"default\" or create the theme folder."
            ),
        ));
        return None;
    }
    for entry in walkdir::WalkDir::new(&dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
    {
        let rel = crate::diag::rel_path(&dir, entry.path());
        if let Ok(bytes) = std::fs::read(entry.path()) {
            files.insert(rel, (crate::diag::rel_path(root, entry.path()), bytes));
        }
    }
    let mut tera = tera::Tera::new();
    super::filters::register(&mut tera);
    let mut statics = BTreeMap::new();
    let mut templates = Vec::new();
    for (path, (shown, bytes)) in files {
        if let Some(t) = path.strip_prefix("templates/") {
            templates.push((t.to_string(), shown, String::from_utf8_lossy(&bytes).into_owned()));
        } else if let Some(s) = path.strip_prefix("static/") {
            statics.insert(s.to_string(), bytes);
        }
    }
    // All at once: templates extend and include one another.
    if let Err(e) = tera.add_raw_templates(templates.iter().map(|(name, _, text)| (name.as_str(), text.as_str()))) {
        let shown = templates
            .iter()
            .find(|(name, _, _)| e.to_string().contains(name.as_str()))
            .map_or_else(|| format!("themes/{name}/templates"), |(_, shown, _)| shown.clone());
        template_error(diags, &shown, &e);
        return None;
    }
    Some(Theme { tera, statics })
}

pub fn template_error(diags: &mut Diagnostics, file: &str, e: &tera::Error) {
    let msg = e.to_string();
    diags.push(Diagnostic::error(
        Code::Template,
        file,
        Pos::default(),
        tr!("模板错误：{msg}", "template error: {msg}"),
        Code::Template.fix(),
    ));
}
