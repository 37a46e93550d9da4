//! The HTTP side: tiny_http on 127.0.0.1 only (a preview must not be reachable from the
//! township's network), one short thread per request (live-reload requests wait), files from
//! the in-memory [`Store`]. Nothing here reads the disk, so no URL can reach outside the site.

use super::overlay;
use super::store::Store;
use super::watch::Change;
use crate::diag::Lang;
use std::sync::Arc;
use std::sync::mpsc::Sender;
use std::time::Duration;
use tiny_http::{Header, Request, Response, Server};

/// How many ports after the asked one are tried when it is taken.
const TRIES: u16 = 20;

pub struct Bound {
    pub server: Server,
    pub port: u16,
}

/// Bind `port` on 127.0.0.1, or the next free one; `Err` says which ports were taken.
/// Port 0 lets the system pick.
pub fn bind(port: u16) -> Result<Bound, String> {
    let candidates: Vec<u16> = if port == 0 {
        vec![0]
    } else {
        (port..=port.saturating_add(TRIES)).collect()
    };
    let mut last = String::new();
    for p in candidates {
        match Server::http(("127.0.0.1", p)) {
            Ok(server) => {
                let port = server.server_addr().to_ip().map_or(p, |a| a.port());
                return Ok(Bound { server, port });
            }
            Err(e) => last = e.to_string(),
        }
    }
    Err(last)
}

/// Answer requests until the process ends.
/// `wake` asks the rebuild thread for the search index (an empty batch of changes).
pub fn serve(server: Server, store: Arc<Store>, lang: Lang, wake: Sender<Vec<Change>>) {
    for rq in server.incoming_requests() {
        let store = store.clone();
        let wake = wake.clone();
        let spawned = std::thread::Builder::new().spawn(move || handle(rq, &store, lang, &wake));
        if spawned.is_err() {
            // Out of threads: this request is dropped (the browser retries); the server stays.
            continue;
        }
    }
}

fn handle(rq: Request, store: &Store, _lang: Lang, wake: &Sender<Vec<Change>>) {
    let url = rq.url().to_string();
    let (path, query) = url.split_once('?').unwrap_or((&url, ""));
    let path = percent_decode(path);
    let (status, ctype, body) = if path == "/__gongkai/wait" {
        let since = query
            .split('&')
            .find_map(|kv| kv.strip_prefix("since="))
            .and_then(|v| v.parse().ok())
            .unwrap_or(0);
        let g = store.wait(since, Duration::from_secs(25));
        (200, "text/plain; charset=utf-8", g.to_string().into_bytes())
    } else if path == "/__gongkai/problems" {
        store.read(|s| {
            let o = s.overlay.clone().unwrap_or_default();
            (200, "text/html; charset=utf-8", overlay::page(&o, s.generation))
        })
    } else {
        let key = path.trim_start_matches('/');
        if (key == "search.html" || key.starts_with("search/")) && store.search_stale() {
            let _ = wake.send(Vec::new());
            let t0 = std::time::Instant::now();
            while store.search_stale() && t0.elapsed() < Duration::from_secs(60) {
                std::thread::sleep(Duration::from_millis(20));
            }
        }
        lookup(store, &path)
    };
    let mut resp = Response::from_data(body).with_status_code(status);
    for (k, v) in [("Content-Type", ctype), ("Cache-Control", "no-store")] {
        if let Ok(h) = Header::from_bytes(k.as_bytes(), v.as_bytes()) {
            resp.add_header(h);
        }
    }
    // A browser that went away mid-answer (a closed pipe) is not an error of the server.
    let _ = rq.respond(resp);
}

/// The file for a URL path; HTML gets the live-reload script and, after a bad edit, the
/// overlay. Unknown paths get the site's 404 page.
fn lookup(store: &Store, path: &str) -> (u16, &'static str, Vec<u8>) {
    let mut key = path.trim_start_matches('/').to_string();
    if key.is_empty() || key.ends_with('/') {
        key.push_str("index.html");
    }
    store.read(|s| {
        let dir_index = format!("{key}/index.html");
        let found = s
            .files
            .get(&key)
            .map(|b| (200, key.as_str(), b))
            .or_else(|| s.files.get(&dir_index).map(|b| (200, dir_index.as_str(), b)))
            .or_else(|| s.files.get("404.html").map(|b| (404, "404.html", b)));
        match found {
            Some((status, name, bytes)) => {
                let ctype = content_type(name);
                if ctype.starts_with("text/html") {
                    (
                        status,
                        ctype,
                        overlay::inject(bytes, s.generation, s.overlay.as_deref()),
                    )
                } else {
                    (status, ctype, bytes.to_vec())
                }
            }
            // Nothing good was ever built (the first check failed): the problems alone.
            None => {
                let o = s.overlay.clone().unwrap_or_default();
                (
                    if o.is_empty() { 404 } else { 200 },
                    "text/html; charset=utf-8",
                    overlay::page(&o, s.generation),
                )
            }
        }
    })
}

fn content_type(name: &str) -> &'static str {
    let ext = name.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "pdf" => "application/pdf",
        "txt" => "text/plain; charset=utf-8",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

/// `%E9%9D%92` → the bytes, read as UTF-8 (lossy: a malformed URL finds nothing, no panic).
fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        if b[i] == b'%'
            && let (Some(h), Some(l)) = (b.get(i + 1).and_then(|&c| hex(c)), b.get(i + 2).and_then(|&c| hex(c)))
        {
            out.push((h * 16 + l) as u8);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_decode_without_panicking() {
        assert_eq!(percent_decode("/a%20b"), "/a b");
        assert_eq!(percent_decode("/%E9%9D%92"), "/青");
        assert_eq!(percent_decode("/bad%zz%"), "/bad%zz%");
        assert_eq!(percent_decode("/%ff"), "/\u{fffd}");
    }
}
