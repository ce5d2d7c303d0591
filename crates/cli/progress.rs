//! The progress bar on stderr, the end-of-run summary and the timings table.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use kutip_pipeline::{InputSource, Progress, RunSummary};
use std::time::Duration;

pub struct Bar {
    bar: ProgressBar,
}

impl Bar {
    /// A bar over the inputs' total size when every input is a file, a spinner otherwise.
    pub fn new(sources: &[InputSource]) -> Bar {
        let total: Option<u64> = sources
            .iter()
            .map(|s| match s {
                InputSource::File(p) => std::fs::metadata(p).ok().map(|m| m.len()),
                InputSource::Stdin => None,
            })
            .sum();
        let bar = match total {
            Some(total) => ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr())
                .with_style(
                    ProgressStyle::with_template(
                        "{bar:30} {percent:>3}% {msg} · {binary_bytes_per_sec} · ETA {eta}",
                    )
                    .expect("valid template"),
                ),
            None => ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr()).with_style(
                ProgressStyle::with_template(
                    "{spinner} {msg} · {binary_bytes_per_sec} · {elapsed}",
                )
                .expect("valid template"),
            ),
        };
        bar.enable_steady_tick(Duration::from_millis(200));
        Bar { bar }
    }

    pub fn update(&self, p: &Progress) {
        self.bar.set_position(p.input_bytes);
        self.bar
            .set_message(format!("{} documents, {} failed", p.documents, p.failed));
    }

    pub fn println(&self, line: &str) {
        self.bar.suspend(|| eprintln!("{line}"));
    }

    pub fn finish(self) {
        self.bar.finish_and_clear();
    }
}

/// "kutip: 3 documents read, 2 exported, 1 failed (bad JSONL line: 1) (12.3 MB of text in 0.4 s,
/// 30.1 MB/s)".
pub fn summary_line(summary: &RunSummary) -> String {
    let secs = summary.timings.wall.as_secs_f64();
    let mb = summary.bytes as f64 / 1e6;
    let reasons = summary.failure_reasons();
    let grouped = if reasons.is_empty() {
        String::new()
    } else {
        let parts: Vec<String> = reasons.iter().map(|(r, n)| format!("{r}: {n}")).collect();
        format!(" ({})", parts.join(", "))
    };
    let warnings = match summary.warnings {
        0 => String::new(),
        1 => ", 1 warning".into(),
        n => format!(", {n} warnings"),
    };
    format!(
        "kutip: {} document{} read, {} exported, {} failed{grouped}{warnings} ({mb:.1} MB of text in {secs:.2} s, {:.1} MB/s)",
        summary.read,
        if summary.read == 1 { "" } else { "s" },
        summary.exported,
        summary.failures.len(),
        if secs > 0.0 { mb / secs } else { 0.0 }
    )
}

/// Time and share per stage and exporter. Stage times are summed over threads, so with several
/// threads the shares are of the total work, not of the wall-clock time.
pub fn timings_table(summary: &RunSummary) -> String {
    let t = &summary.timings;
    let rows: Vec<(String, Duration)> = t
        .stages
        .iter()
        .map(|(n, d)| (format!("stage {n}"), *d))
        .chain(t.exporters.iter().map(|(n, d)| (format!("export {n}"), *d)))
        .collect();
    let total: f64 = rows.iter().map(|(_, d)| d.as_secs_f64()).sum();
    let mut out = format!("{:<24}{:>12}{:>8}\n", "timings", "seconds", "share");
    for (name, d) in &rows {
        let share = if total > 0.0 {
            d.as_secs_f64() / total * 100.0
        } else {
            0.0
        };
        out.push_str(&format!(
            "{name:<24}{:>12.3}{share:>7.1}%\n",
            d.as_secs_f64()
        ));
    }
    out.push_str(&format!(
        "{:<24}{:>12.3}\n",
        "wall clock",
        t.wall.as_secs_f64()
    ));
    out
}
