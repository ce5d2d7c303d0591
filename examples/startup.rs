//! What a one-article run spends before it reads its first byte: builds each part of the default
//! pipeline many times and prints the fastest and the median time of each, in milliseconds.
//! `docs/performance.md` quotes it; the process start itself is measured by `scripts/bench.sh`.
//!
//!     cargo run --release --example startup

use kutip_entities::{EntitiesConfig, EntityStage, Gazetteer, builtin_model, model};
use kutip_pipeline::{DEFAULT_PIPELINE, Pipeline, PipelineConfig};
use kutip_quotes::{QuoteStage, QuotesConfig};
use kutip_tokenize::{TokenizeConfig, TokenizeStage};
use std::hint::black_box;
use std::time::Instant;

/// Runs `build` this many times; the fastest run is the cost without cache misses from the
/// machine's other work, the median what a run usually pays.
const RUNS: usize = 21;

fn time<T>(name: &str, mut build: impl FnMut() -> T) {
    let mut ms: Vec<f64> = (0..RUNS)
        .map(|_| {
            let started = Instant::now();
            black_box(build());
            started.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    ms.sort_by(f64::total_cmp);
    println!("{name:<46} {:>7.2} ms {:>7.2} ms", ms[0], ms[RUNS / 2]);
}

fn main() {
    println!("{:<46} {:>10} {:>10}", "built", "fastest", "median");
    time("default pipeline (Pipeline::new)", || {
        Pipeline::new(PipelineConfig::parse(DEFAULT_PIPELINE, "default").expect("parses"))
    });
    time("  tokenize stage", || {
        TokenizeStage::new(TokenizeConfig::default())
    });
    time("  entities stage (EntityStage::new)", || {
        EntityStage::new(EntitiesConfig::default())
    });
    time("    model decode (builtin_model)", builtin_model);
    // The fold consumes the decoded model (it folds in place), so it is timed together with a
    // fresh decode; subtract the line above for the fold alone.
    let news = model::convention_id(&EntitiesConfig::default().convention);
    time("    model decode + convention fold", || {
        builtin_model().with_convention(news)
    });
    time("    gazetteer (Gazetteer::builtin)", Gazetteer::builtin);
    time("  quotes stage (QuoteStage::new)", || {
        QuoteStage::new(QuotesConfig::default())
    });
}
