//! `cargo bench -p kutip-tokenize`: the tokenizer alone, with paragraphs and sentences, and the
//! naive split-on-white-space-and-punctuation loop, on the same text (bytes/s).
//!
//! The text is `target/bench-corpus.txt` (first 8 MB) when `scripts/bench-tokenizer.sh` has
//! built it, or `KUTIP_BENCH_CORPUS`, else the test fixtures repeated to 2 MB.
// criterion's macros generate undocumented functions.
#![allow(missing_docs)]

#[path = "../examples/support/mod.rs"]
mod support;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use kutip_tokenize::{Tokenizer, paragraphs, split_sentences};
use std::hint::black_box;
use std::path::PathBuf;

fn corpus() -> (String, String) {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let file = std::env::var_os("KUTIP_BENCH_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target/bench-corpus.txt"));
    if let Ok(mut text) = std::fs::read_to_string(&file) {
        let mut cut = text.len().min(8 << 20);
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        text.truncate(cut);
        return (file.display().to_string(), text);
    }
    let mut one = String::new();
    for entry in std::fs::read_dir(root.join("tests/fixtures")).expect("tests/fixtures") {
        let path = entry.expect("fixture").path();
        if path.extension().is_some_and(|e| e == "txt") {
            one.push_str(&std::fs::read_to_string(&path).expect("fixture text"));
            one.push_str("\n\n");
        }
    }
    let mut text = String::new();
    while text.len() < 2 << 20 {
        text.push_str(&one);
    }
    ("tests/fixtures (repeated)".into(), text)
}

fn bench(c: &mut Criterion) {
    let (name, text) = corpus();
    let docs: Vec<&str> = text
        .split("\n\n")
        .filter(|d| !d.trim().is_empty())
        .collect();
    eprintln!("corpus: {name}, {:.1} MB", text.len() as f64 / 1e6);
    let tokenizer = Tokenizer::default();
    let mut group = c.benchmark_group("tokenize");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(10);
    let mut spans = Vec::new();
    group.bench_function("naive split", |b| {
        b.iter(|| {
            for d in &docs {
                spans.clear();
                support::naive_tokens(black_box(d), &mut spans);
            }
            spans.len()
        })
    });
    let mut tokens = Vec::new();
    group.bench_function("tokenizer", |b| {
        b.iter(|| {
            for d in &docs {
                tokens.clear();
                tokenizer.tokenize_into(black_box(d), &mut tokens);
            }
            tokens.len()
        })
    });
    group.bench_function("tokenizer + sentences", |b| {
        b.iter(|| {
            let mut n = 0;
            for d in &docs {
                tokens.clear();
                tokenizer.tokenize_into(black_box(d), &mut tokens);
                n += split_sentences(d, &tokens, &paragraphs(d)).len();
            }
            n
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
