//! The tokenize stage on any string: no panic, and every span valid.
#![no_main]

use kutip_core::{Document, Stage};
use kutip_tokenize::{TokenizeConfig, TokenizeStage};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fuzz_target!(|text: &str| {
    static STAGE: OnceLock<TokenizeStage> = OnceLock::new();
    let stage = STAGE.get_or_init(|| TokenizeStage::new(TokenizeConfig::default()));
    let mut doc = Document::new("fuzz", text);
    stage.process(&mut doc).expect("tokenize accepts any text under its size limit");
    if let Err(e) = doc.check_invariants() {
        panic!("{e}");
    }
    // Every non-space byte is covered by a token.
    let mut covered = vec![false; text.len()];
    for t in &doc.tokens {
        covered[t.span.range()].iter_mut().for_each(|c| *c = true);
    }
    for (i, c) in text.char_indices() {
        assert!(c.is_whitespace() || covered[i], "{c:?} at byte {i} is in no token");
    }
});
