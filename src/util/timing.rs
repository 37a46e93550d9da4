//! Stage timings for benchmarks: `GONGKAI_TIMINGS=1 gongkai build` prints how long each stage
//! took to stderr. Off by default, so normal output stays clean and reproducible.

use std::time::Instant;

pub struct Timer {
    on: bool,
    last: Instant,
    last_cpu: f64,
}

impl Timer {
    pub fn new() -> Timer {
        Timer {
            on: std::env::var_os("GONGKAI_TIMINGS").is_some(),
            last: Instant::now(),
            last_cpu: cpu_ms(),
        }
    }

    /// Print the time since the previous mark under `stage`.
    pub fn mark(&mut self, stage: &str) {
        if self.on {
            let now = Instant::now();
            let (rss, peak) = memory_mib();
            let cpu = cpu_ms();
            crate::util::out::errln!(
                "[timing] {stage:<12} {:>8.1} ms  rss {rss:>6} MiB  peak {peak:>6} MiB  cpu {:>6.0} ms",
                (now - self.last).as_secs_f64() * 1000.0,
                cpu - self.last_cpu
            );
            self.last = now;
            self.last_cpu = cpu;
        }
    }
}

impl Timer {
    /// Print a figure of the stage just marked, worked out only when timings are on.
    pub fn note(&self, what: impl FnOnce() -> String) {
        if self.on {
            crate::util::out::errln!("[timing]   {}", what());
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

/// User and system CPU time of the whole process so far (`/proc/self/stat`, in clock ticks of
/// 10 ms), in ms: beside the wall time it shows how well a stage keeps both cores busy.
fn cpu_ms() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return 0.0;
    };
    // The command name may hold spaces; the fields after its closing parenthesis do not.
    let Some((_, rest)) = stat.rsplit_once(')') else {
        return 0.0;
    };
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let tick = |i: usize| fields.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    // utime and stime are fields 14 and 15 of stat(5), 12 and 13 after the name and state.
    (tick(11) + tick(12)) * 10.0
}

impl Default for Timer {
    fn default() -> Self {
        Timer::new()
    }
}
