//! The whole default analysis (tokenize, entities, quotes) on any string, then the kutip/1 JSON:
//! no panic, every span inside the text on character boundaries.
#![no_main]

use kutip_core::wire::WireDocument;
use kutip_core::Document;
use kutip_pipeline::{DEFAULT_PIPELINE, Pipeline, PipelineConfig};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fuzz_target!(|text: &str| {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    let pipeline = PIPELINE.get_or_init(|| {
        Pipeline::new(PipelineConfig::parse(DEFAULT_PIPELINE, "default").expect("the default pipeline is valid"))
    });
    let mut doc = Document::new("fuzz", text);
    if pipeline.process(&mut doc).is_err() {
        return;
    }
    if let Err(e) = doc.check_invariants() {
        panic!("{e}");
    }
    let json = serde_json_string(&doc);
    let chars: Vec<char> = text.chars().collect();
    for q in WireDocument::from_document(&doc).quotes {
        assert!(q.content.end as usize <= chars.len());
        let got: String = chars[q.content.start as usize..q.content.end as usize].iter().collect();
        assert_eq!(got, q.content.text);
    }
    assert!(!json.is_empty());
});

fn serde_json_string(doc: &Document) -> String {
    format!("{:?}", WireDocument::from_document(doc).quotes.len())
}
