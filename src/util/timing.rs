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
            crate::util::out::errln!(
                "[timing] {stage:<12} {:>8.1} ms",
                (now - self.last).as_secs_f64() * 1000.0
            );
            self.last = now;
        }
    }
}

impl Default for Timer {
    fn default() -> Self {
        Timer::new()
    }
}
