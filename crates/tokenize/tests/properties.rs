//! Span invariants of the tokenizer and the sentence splitter on arbitrary strings.

use kutip_core::{Document, Stage};
use kutip_tokenize::{TokenizeConfig, TokenizeStage, Tokenizer};
use proptest::prelude::*;

/// Characters that make tokenization interesting: Indonesian punctuation, quote marks, digits,
/// separators, control characters, combining marks, emoji parts.
fn interesting_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => prop::sample::select(vec![
            'a', 'K', 'n', 'y', 'h', 'p', 'R', '0', '1', '9', ' ', ' ', '\n', '\r', '\t', '.', ',',
            ':', '/', '-', '+', '\'', '"', '“', '”', '‘', '’', '(', ')', '@', '#', '_', '%', '…',
            '—', '–', '\u{a0}', '\u{200B}', '\u{FEFF}', '\u{ad}', '\u{0}', '\u{7}', '\u{1b}',
            '\u{7f}', '\u{85}', '\u{301}', '\u{200D}', '\u{FE0F}', '🇮', '🇩', '👍', '🏽', 'é', 'ß',
        ]),
        1 => any::<char>(),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::collection::vec(interesting_char(), 0..200).prop_map(|v| v.into_iter().collect()),
        1 => any::<String>(),
        // Long runs without a space.
        1 => (prop::sample::select(vec!["a", "1.", "-", "x.com", "é", ".", "Rp1"]), 100..3000usize)
            .prop_map(|(s, n)| s.repeat(n)),
    ]
}

/// White space and invisible format characters (zero-width, direction marks, BOM, soft hyphen).
fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || matches!(c, '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206F}' | '\u{FEFF}')
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// Tokens are in order, non-overlapping, non-empty, on char boundaries, cover every char
    /// that is not a separator, and hold no white space.
    #[test]
    fn tokens_cover_every_non_space_char(text in text()) {
        let tokens = Tokenizer::default().tokens(&text);
        let mut covered = vec![false; text.len()];
        let mut last_end = 0usize;
        for t in &tokens {
            let (s, e) = (t.span.start as usize, t.span.end as usize);
            prop_assert!(s >= last_end && e > s, "out of order or empty: {}..{}", s, e);
            prop_assert!(text.is_char_boundary(s) && text.is_char_boundary(e));
            prop_assert!(t.suffix as usize <= e - s);
            covered[s..e].iter_mut().for_each(|c| *c = true);
            last_end = e;
        }
        for (i, c) in text.char_indices() {
            if !is_separator(c) {
                prop_assert!(covered[i], "char {:?} at {} is in no token", c, i);
            } else if c.is_whitespace() {
                prop_assert!(!covered[i], "space {:?} at {} is inside a token", c, i);
            }
            // Invisible format chars may sit inside a token (a joiner in an emoji sequence, a
            // soft hyphen in a word) or between tokens.
        }
    }

    /// The stage's sentences tile the tokens in order, inside paragraphs, and boilerplate spans
    /// lie on char boundaries.
    #[test]
    fn sentences_partition_tokens(text in text()) {
        let mut doc = Document::new("p", text.clone());
        TokenizeStage::new(TokenizeConfig::default()).process(&mut doc).unwrap();
        let mut next = 0u32;
        for s in &doc.sentences {
            prop_assert_eq!(s.first_token, next);
            prop_assert!(s.end_token > s.first_token);
            prop_assert!(doc.paragraphs.iter().any(|p| p.span.contains(s.span)));
            next = s.end_token;
        }
        prop_assert_eq!(next as usize, doc.tokens.len());
        for b in &doc.boilerplate {
            prop_assert!(text.is_char_boundary(b.span.start as usize));
            prop_assert!(text.is_char_boundary(b.span.end as usize));
            prop_assert!(b.span.end as usize <= text.len());
        }
    }
}

#[test]
fn a_megabyte_without_a_space() {
    for unit in ["a", "1", ".", "-", "é", "”", "a.", "1,", "x-"] {
        let text = unit.repeat((1 << 20) / unit.len());
        let mut doc = Document::new("big", text);
        TokenizeStage::new(TokenizeConfig::default())
            .process(&mut doc)
            .unwrap();
        let covered: usize = doc.tokens.iter().map(|t| t.span.len()).sum();
        assert_eq!(covered, doc.text.len(), "{unit}");
    }
}
