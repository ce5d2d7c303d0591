//! The whole default analysis (tokenize → entities → quotes) keeps the document invariants on
//! arbitrary Unicode, and its kutip/1 JSON offsets always match their text in characters.

use kutip_core::Document;
use kutip_core::wire::WireDocument;
use kutip_pipeline::{DEFAULT_PIPELINE, Pipeline, PipelineConfig};
use proptest::prelude::*;
use std::sync::OnceLock;

fn pipeline() -> &'static Pipeline {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    PIPELINE
        .get_or_init(|| Pipeline::new(PipelineConfig::parse(DEFAULT_PIPELINE, "default").unwrap()))
}

/// Pieces of news text that exercise the quote and entity rules, glued with arbitrary
/// characters.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(vec![
            "“", "”", "\"", "‘", "’", ",” kata ", " katanya", " ujarnya.", " mengatakan, ",
            " mengatakan bahwa ", "Menurut ", "Kepala Dinas ", "Joko Widodo", " Jakarta, ",
            "Selasa (19/9/2023)", " Rp 3,5 juta ", " 120.000 ", "12,5%", "\n", ". ", "Baca juga: ",
            "(Tribunnews.com, Ani)", "JAKARTA, KOMPAS.com - ", " dia ", " pihaknya ", "Peskov",
        ]).prop_map(str::to_string),
        1 => any::<String>(),
        1 => prop::collection::vec(any::<char>(), 0..8).prop_map(|v| v.into_iter().collect()),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn analysis_keeps_the_invariants(text in text()) {
        let mut doc = Document::new("p", text.clone());
        pipeline().process(&mut doc).unwrap();
        prop_assert!(doc.check_invariants().is_ok(), "{:?}", doc.check_invariants());
        let chars: Vec<char> = text.chars().collect();
        let wire = WireDocument::from_document(&doc);
        let slice = |s: u32, e: u32| chars[s as usize..e as usize].iter().collect::<String>();
        for e in &wire.entities {
            prop_assert_eq!(slice(e.start, e.end), e.text.as_ref());
        }
        for q in &wire.quotes {
            prop_assert_eq!(slice(q.content.start, q.content.end), q.content.text.as_ref());
            if let Some(s) = &q.speaker {
                prop_assert_eq!(slice(s.start, s.end), s.text.as_ref());
            }
        }
    }
}
