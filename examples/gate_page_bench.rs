//! The privacy gate's speed on real pages: `cargo run --release --example gate_page_bench --
//! <built site>/*/*/n*.html` reads the files, scans each 20 times, and prints MB/s and µs a
//! file (docs/benchmarks.md). The gate is the one pass every output byte takes, so its speed
//! on a notice page is most of what it costs a build.

fn main() {
    let files: Vec<String> = std::env::args()
        .skip(1)
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    let s = gongkai::privacy::Scanner::new(jiff::civil::date(2026, 11, 28));
    let total: usize = files.iter().map(|f| f.len()).sum();
    let t = std::time::Instant::now();
    let mut hits = 0;
    for _ in 0..20 {
        for f in &files {
            hits += s.scan(f).len();
        }
    }
    let el = t.elapsed().as_secs_f64();
    println!(
        "{} files {} KB: {:.1} MB/s, {:.1} us/file, hits {}",
        files.len(),
        total / 1024,
        20.0 * total as f64 / el / 1e6,
        el * 1e6 / 20.0 / files.len() as f64,
        hits
    );
}
