//! The tokenize stage on any string: no panic, every span valid, every visible character in a
//! token.
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
        assert!(is_separator(c) || covered[i], "{c:?} at byte {i} is in no token");
    }
});

/// White space and invisible format characters, which the tokenizer leaves between tokens.
fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || matches!(c, '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206F}' | '\u{FEFF}')
}
