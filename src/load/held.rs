//! How a loaded file's text is held until the build is done with it.
//!
//! Every stage after load reads the sources again (the checks, the notice pages, the search
//! text), so the texts stay in memory for the whole build. For a county archive that is most of
//! the memory: 100k generated notices are 670 MB of Markdown, two thirds of a `check`'s peak.
//! Above a size ([`Policy::for_site`]) each text is therefore held LZ4-compressed against a
//! dictionary of the site's own boilerplate (a few sample notices: government text repeats its
//! openings, closings and headings), 4.8× smaller on the generated corpus, and decompressed
//! where a stage reads it (about 2.6 GB/s, against 500 MB/s to compress it once). Small sites,
//! where memory is no concern, hold their texts as read and pay nothing.
//!
//! Both forms give the same text: stages never see which one they read. Each thread keeps the
//! text it unpacked last, so the several rules of one file, or the page and the search text of
//! one notice, unpack it once.

use std::sync::Arc;

/// Sites whose Markdown totals more than this are held compressed.
pub const PACK_ABOVE: u64 = 256 << 20;
/// Overrides [`PACK_ABOVE`], in MiB (`0`: always compress), for runners with little memory
/// and for the tests of the compressed form.
pub const PACK_ABOVE_VAR: &str = "GONGKAI_PACK_ABOVE_MB";
/// LZ4 reaches back at most 64 KiB, so a longer dictionary is wasted.
const DICT_MAX: usize = 0xFFFF;

/// A file's text, as read or compressed.
#[derive(Debug)]
pub struct Text(Repr);

#[derive(Debug)]
enum Repr {
    Plain(String),
    Packed {
        bytes: Box<[u8]>,
        len: usize,
        dict: Arc<[u8]>,
        /// Names this text in each thread's cache of the last text it unpacked.
        id: u64,
    },
}

/// A text as a stage reads it: borrowed from the held text, or shared with the thread's
/// cache of the text it unpacked last.
pub enum TextRef<'a> {
    Borrowed(&'a str),
    Shared(Arc<String>, usize),
}

impl std::ops::Deref for TextRef<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        match self {
            TextRef::Borrowed(s) => s,
            TextRef::Shared(s, at) => &s[*at..],
        }
    }
}

thread_local! {
    /// The text this thread unpacked last: the rules of one file, or the page and search text
    /// of one notice, read it several times in a row, and unpack it once.
    static LAST: std::cell::RefCell<Option<(u64, Arc<String>)>> = const { std::cell::RefCell::new(None) };
}

static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

impl Text {
    pub fn plain(text: String) -> Text {
        Text(Repr::Plain(text))
    }

    /// The text, decompressed if it is held compressed.
    pub fn get(&self) -> TextRef<'_> {
        self.get_from(0)
    }

    /// The text from byte `at` (a character boundary) on.
    pub fn get_from(&self, at: usize) -> TextRef<'_> {
        match &self.0 {
            Repr::Plain(s) => TextRef::Borrowed(&s[at..]),
            Repr::Packed { bytes, len, dict, id } => {
                let cached = LAST.with_borrow(|last| match last {
                    Some((k, text)) if k == id => Some(Arc::clone(text)),
                    _ => None,
                });
                let text = cached.unwrap_or_else(|| {
                    let text = Arc::new(unpack(bytes, *len, dict));
                    LAST.set(Some((*id, Arc::clone(&text))));
                    text
                });
                TextRef::Shared(text, at)
            }
        }
    }

    pub fn len(&self) -> usize {
        match &self.0 {
            Repr::Plain(s) => s.len(),
            Repr::Packed { len, .. } => *len,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Bytes held in memory for the text (for the memory figures of a benchmark).
    pub fn held_bytes(&self) -> usize {
        match &self.0 {
            Repr::Plain(s) => s.len(),
            Repr::Packed { bytes, .. } => bytes.len(),
        }
    }
}

/// Decompression of what [`Policy::hold`] compressed. The bytes never leave this process and
/// were made from a `String`, so a failure is a bug here, not bad input.
fn unpack(bytes: &[u8], len: usize, dict: &[u8]) -> String {
    let raw = lz4_flex::block::decompress_with_dict(bytes, len, dict).expect("a held text decompresses");
    crate::util::utf8::string(raw).expect("a held text was UTF-8")
}

/// Whether a site's texts are held compressed, and against which dictionary.
#[derive(Clone, Default)]
pub struct Policy {
    dict: Option<Arc<[u8]>>,
}

impl Policy {
    /// Hold as read: one-file loads (`gongkai serve` reloading an edit) and small sites.
    pub fn plain() -> Policy {
        Policy { dict: None }
    }

    /// Compress when the files at `paths` (sorted) total more than the threshold; the
    /// dictionary is the tail of a few files spread over the site, read here.
    pub fn for_site(paths: &[std::path::PathBuf], total_bytes: u64) -> Policy {
        let limit = std::env::var(PACK_ABOVE_VAR)
            .ok()
            .and_then(|v| v.trim().parse::<u64>().ok())
            .map_or(PACK_ABOVE, |mb| mb << 20);
        if paths.is_empty() || total_bytes <= limit {
            return Policy::plain();
        }
        const SAMPLES: usize = 4;
        let step = (paths.len() / SAMPLES).max(1);
        let mut dict = Vec::new();
        for p in paths.iter().step_by(step).take(SAMPLES) {
            if let Ok(b) = std::fs::read(p) {
                dict.extend_from_slice(&b);
            }
        }
        let tail = dict.len().saturating_sub(DICT_MAX);
        Policy {
            dict: Some(dict[tail..].into()),
        }
    }

    pub fn hold(&self, text: String) -> Text {
        match &self.dict {
            None => Text::plain(text),
            Some(dict) => Text(Repr::Packed {
                bytes: lz4_flex::block::compress_with_dict(text.as_bytes(), dict).into_boxed_slice(),
                len: text.len(),
                dict: Arc::clone(dict),
                id: NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_forms_give_the_same_text() {
        let texts = [
            "---\ntitle: 关于2026年低保对象的公示\n---\n\n经村级初审、乡级审核，现将结果公示如下：\n",
            "",
            "𠀀𠀁 mixed ＡＢＣ，；：\u{200b}\n| 姓名 | 金额 |\n",
        ];
        let dir = tempfile::tempdir().unwrap();
        let paths: Vec<_> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let p = dir.path().join(format!("{i}.md"));
                std::fs::write(&p, t).unwrap();
                p
            })
            .collect();
        let packed = Policy {
            dict: Some(texts.concat().into_bytes().into()),
        };
        assert!(
            Policy::for_site(&paths, 0).dict.is_none(),
            "small sites hold texts as read"
        );
        for t in texts {
            let held = packed.hold(t.to_string());
            assert_eq!(&*held.get(), t);
            let at = t.find('\n').map_or(0, |k| k + 1);
            assert_eq!(&*held.get_from(at), &t[at..]);
            assert_eq!(&*held.get(), t, "read again from the thread's cache");
            assert_eq!(&*Policy::plain().hold(t.to_string()).get(), t);
        }
        // Two texts read in turn each come out as themselves, whatever the cache holds.
        let (a, b) = (packed.hold(texts[0].into()), packed.hold(texts[2].into()));
        for _ in 0..3 {
            assert_eq!(&*a.get(), texts[0]);
            assert_eq!(&*b.get(), texts[2]);
        }
        let long = texts[0].repeat(200);
        assert!(
            packed.hold(long.clone()).held_bytes() * 4 < long.len(),
            "boilerplate compresses"
        );
    }
}
