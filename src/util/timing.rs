//! Stage timings for benchmarks: `GONGKAI_TIMINGS=1 gongkai build` prints how long each stage
//! took to stderr. Off by default, so normal output stays clean and reproducible.

use std::time::Instant;

pub struct Timer {
    on: bool,
    last: Instant,
}

impl Timer {
    pub fn new() -> Timer {
        Timer {
            on: std::env::var_os("GONGKAI_TIMINGS").is_some(),
            last: Instant::now(),
        }
    }

    /// Print the time since the previous mark under `stage`.
    pub fn mark(&mut self, stage: &str) {
        if self.on {
            let now = Instant::now();
            let (rss, peak) = memory_mib();
            crate::util::out::errln!(
                "[timing] {stage:<12} {:>8.1} ms  rss {rss:>6} MiB  peak {peak:>6} MiB",
                (now - self.last).as_secs_f64() * 1000.0
            );
            self.last = now;
        }
    }
}

/// Resident and peak resident memory (`VmRSS`, `VmHWM` of `/proc/self/status`), in MiB; zeros
/// where there is no `/proc`. The peak shows which stage holds the memory a large site needs.
fn memory_mib() -> (u64, u64) {
    let Ok(status) = std::fs::read_to_string("/proc/self/status") else {
        return (0, 0);
    };
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
            .map_or(0, |kib| kib / 1024)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

impl Default for Timer {
    fn default() -> Self {
        Timer::new()
    }
}
