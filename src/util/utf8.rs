//! UTF-8 validation at SIMD speed.
//!
//! A build validates every byte it reads and many it writes: each source file, each held text
//! each time it is unpacked (a 100k site unpacks its 670 MB of Markdown three or four times),
//! each rendered page. `std::str::from_utf8` reads Chinese text, three bytes a character with
//! no ASCII fast path to take, at about 1 GB/s; at 100k it was 5.6% of the build's CPU (perf).
//! simdutf8 checks the same thing with AVX2/SSE4.2/NEON, chosen at run time, and falls back to
//! std where the CPU has neither.

/// `bytes` as text, if they are UTF-8.
pub fn str(bytes: &[u8]) -> Option<&str> {
    simdutf8::basic::from_utf8(bytes).ok()
}

/// `bytes` as a `String`, if they are UTF-8; the bytes back otherwise.
pub fn string(bytes: Vec<u8>) -> Result<String, Vec<u8>> {
    if simdutf8::basic::from_utf8(&bytes).is_err() {
        return Err(bytes);
    }
    // SAFETY: simdutf8 has just checked that `bytes` is UTF-8, all that `String` requires.
    Ok(unsafe { String::from_utf8_unchecked(bytes) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_std_on_valid_and_broken_text() {
        let valid = "公示期：2026年11月28日至12月4日（共5个工作日）😀 ok".as_bytes();
        let mut cases: Vec<Vec<u8>> = vec![valid.to_vec(), Vec::new(), b"\xEF\xBB\xBFabc".to_vec()];
        // Every cut of a valid text, and every single byte changed, on both sides of the SIMD
        // block size.
        let long = valid.repeat(5);
        for k in 0..long.len() {
            cases.push(long[..k].to_vec());
            let mut broken = long.clone();
            broken[k] ^= 0x40;
            cases.push(broken);
        }
        cases.push(b"\xC0\x80".to_vec()); // overlong
        cases.push(b"\xED\xA0\x80".to_vec()); // a surrogate
        cases.push(b"\xF4\x90\x80\x80".to_vec()); // past U+10FFFF
        for c in cases {
            let want = std::str::from_utf8(&c).ok().map(str::to_string);
            assert_eq!(str(&c).map(str::to_string), want, "{c:?}");
            assert_eq!(string(c.clone()).ok(), want, "{c:?}");
        }
    }
}
