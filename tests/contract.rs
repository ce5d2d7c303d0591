//! The `kutip/1` JSON contract: character offsets, field order, schema.

use crate::util::*;
use serde_json::Value;

/// Every span in every fixture: `text[start..end]`, counted in characters, is the span's text.
#[test]
fn every_span_matches_its_text_in_characters() {
    let mut checked = 0;
    for entry in std::fs::read_dir(root().join("tests/fixtures")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "txt" && e != "jsonl") {
            continue;
        }
        for doc in json_lines(&kutip_ok(&["run", path_str(&path)], 0)) {
            let chars: Vec<char> = doc["text"].as_str().unwrap().chars().collect();
            let mut check = |span: &Value, what: &str| {
                let (s, e) = (
                    span["start"].as_u64().unwrap() as usize,
                    span["end"].as_u64().unwrap() as usize,
                );
                let got: String = chars[s..e].iter().collect();
                assert_eq!(
                    got,
                    span["text"].as_str().unwrap(),
                    "{what} in {}",
                    path.display()
                );
                checked += 1;
            };
            for e in doc["entities"].as_array().unwrap() {
                check(e, "entity");
            }
            for b in doc["boilerplate"].as_array().unwrap() {
                check(b, "boilerplate");
            }
            if !doc["topic"].is_null() {
                check(&doc["topic"], "topic");
            }
            for q in doc["quotes"].as_array().unwrap() {
                for part in ["content", "cue", "speaker", "time", "location", "event"] {
                    if !q[part].is_null() {
                        check(&q[part], part);
                    }
                }
            }
        }
    }
    assert!(checked > 100, "only {checked} spans checked");
}

#[test]
fn documents_open_with_schema_and_keep_field_order() {
    let out = kutip_ok(&["run", "-"], 0);
    assert_eq!(
        out,
        "{\"schema\":\"kutip/1\",\"id\":\"stdin\",\"meta\":{},\"text\":\"\",\"paragraphs\":[],\"sentences\":[],\"boilerplate\":[],\"entities\":[],\"quotes\":[],\"topic\":null}\n"
    );
}
