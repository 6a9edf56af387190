//! Frame-time probe: with `PANTAU_FRAME_LOG` set, prints the CPU time of the last 120 frames
//! (mean, 95th percentile, max; `App::ui` plus painting, as eframe measures it) to standard
//! error, so the window's smoothness on a large database can be measured; and once, how long
//! after the process started the first frame was drawn.

/// Collects frame CPU times when enabled.
#[derive(Default)]
pub struct FrameProbe {
    enabled: bool,
    samples_ms: Vec<f32>,
    first_frame_told: bool,
}

/// When the process started (as near as the window's code sees it): set by [`mark_start`].
static STARTED: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();

/// Notes the start of the process, for the first frame's report.
pub fn mark_start() {
    let _ = STARTED.set(std::time::Instant::now());
}

impl FrameProbe {
    /// A probe, on when the `PANTAU_FRAME_LOG` environment variable is set.
    pub fn from_env() -> FrameProbe {
        FrameProbe {
            enabled: std::env::var_os("PANTAU_FRAME_LOG").is_some(),
            samples_ms: Vec::new(),
            first_frame_told: false,
        }
    }

    /// Records the previous frame's CPU time; prints a summary every 120 frames.
    pub fn record(&mut self, frame: &eframe::Frame) {
        if !self.enabled {
            return;
        }
        if !self.first_frame_told {
            self.first_frame_told = true;
            if let Some(start) = STARTED.get() {
                eprintln!(
                    "first frame started {:.0} ms after the process",
                    start.elapsed().as_secs_f64() * 1000.0
                );
            }
        }
        let Some(seconds) = frame.info().cpu_usage else {
            return;
        };
        self.samples_ms.push(seconds * 1000.0);
        if self.samples_ms.len() >= 120 {
            let mut sorted = std::mem::take(&mut self.samples_ms);
            sorted.sort_by(f32::total_cmp);
            let mean = sorted.iter().sum::<f32>() / sorted.len() as f32;
            let p95 = sorted[sorted.len() * 95 / 100];
            let max = sorted[sorted.len() - 1];
            eprintln!("frame cpu ms over 120 frames: mean {mean:.2}, p95 {p95:.2}, max {max:.2}");
        }
    }
}
