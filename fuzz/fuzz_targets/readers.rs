//! The JSONL and CoNLL readers on any bytes: documents or per-document errors, never a panic;
//! a CoNLL document's kept lines point at real tokens.
#![no_main]

use kutip_core::SourceLine;
use kutip_pipeline::{InputConfig, InputFormat, read_from};
use libfuzzer_sys::fuzz_target;
use std::ops::ControlFlow;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else { return };
    let format = if selector % 2 == 0 { InputFormat::Jsonl } else { InputFormat::Conll };
    let config = InputConfig { lossy: selector & 2 != 0, ..InputConfig::default() };
    let _ = read_from(bytes, "fuzz", "fuzz", format, &config, &mut |_| {}, &mut |doc| {
        if let Ok(doc) = doc {
            if let Err(e) = doc.check_invariants() {
                panic!("{e}");
            }
            for line in &doc.source_lines {
                if let SourceLine::Token(k) = line {
                    assert!((*k as usize) < doc.tokens.len());
                }
            }
        }
        ControlFlow::Continue(())
    });
});
