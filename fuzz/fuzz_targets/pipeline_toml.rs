//! The pipeline TOML loader on any string: it returns a config or errors, never panics, and
//! every error it reports has a place inside the text when it has one.
#![no_main]

use kutip_pipeline::PipelineConfig;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|source: &str| {
    if let Err(e) = PipelineConfig::parse(source, "fuzz.toml") {
        assert!(!e.diagnostics.is_empty());
        let lines = source.split('\n').count();
        for d in &e.diagnostics {
            if let Some(line) = d.line {
                assert!(line >= 1 && line <= lines.max(1), "line {line} of {lines}");
            }
        }
        let _ = e.to_string();
    }
});
