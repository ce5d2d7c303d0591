//! The floor any tokenizer pays: split JSONL documents' text on white space and ASCII
//! punctuation, counting tokens, with no classification at all. `scripts/bench.sh` runs it beside
//! kutip over the same corpus so throughput ratios hold on a noisy machine.
//!
//!     cargo run --release --example naive_split -- corpus.jsonl

use std::io::BufRead;
use std::time::Instant;

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: naive_split CORPUS.jsonl");
    let file = std::io::BufReader::new(std::fs::File::open(&path).expect("corpus opens"));
    let started = Instant::now();
    let (mut bytes, mut tokens, mut docs) = (0usize, 0usize, 0usize);
    for line in file.lines() {
        let line = line.expect("corpus reads");
        let doc: serde_json::Value = serde_json::from_str(&line).expect("corpus is JSONL");
        let text = doc["text"].as_str().unwrap_or("");
        bytes += text.len();
        docs += 1;
        let mut in_word = false;
        for b in text.bytes() {
            if b.is_ascii_whitespace() {
                in_word = false;
            } else if b.is_ascii_punctuation() {
                tokens += 1;
                in_word = false;
            } else if !in_word {
                tokens += 1;
                in_word = true;
            }
        }
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "naive split: {docs} documents, {tokens} tokens, {:.1} MB of text in {secs:.2} s = {:.1} MB/s (JSON parsing included)",
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / secs
    );
}
