//! Single-thread throughput of the tokenizer, alone and with paragraphs and sentences, against a
//! naive split-on-white-space-and-punctuation loop measured in the same run.
//!
//! ```sh
//! # build a ~50 MB corpus from the PFSA-ID dev text (written under target/, never committed)
//! cargo run --release -p kutip-tokenize --example throughput -- \
//!     --build ../shared/eval/pfsa-id/dev-40.conll --mb 50 target/bench-corpus.txt
//! # measure
//! cargo run --release -p kutip-tokenize --example throughput -- target/bench-corpus.txt
//! ```
//! `scripts/bench-tokenizer.sh` does both (and times spaCy when it is installed).

#[path = "support/mod.rs"]
mod support;

use kutip_core::Token;
use kutip_tokenize::{Tokenizer, paragraphs, split_sentences};
use std::hint::black_box;
use std::time::{Duration, Instant};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [flag, conll, mb_flag, mb, out] if flag == "--build" && mb_flag == "--mb" => {
            let mb: usize = mb.parse().expect("--mb takes a number");
            build(conll, mb, out);
        }
        [file] => measure(file, 5),
        [file, rounds] => measure(file, rounds.parse().expect("rounds is a number")),
        _ => {
            eprintln!(
                "usage: throughput FILE [ROUNDS] | throughput --build CONLL --mb N OUT\n\
                 FILE holds documents separated by blank lines, paragraphs by line breaks"
            );
            std::process::exit(2);
        }
    }
}

/// Detokenizes every document (restored text, one paragraph per gold sentence) and repeats the
/// lot until the file holds `mb` megabytes.
fn build(conll: &str, mb: usize, out: &str) {
    let gold = std::fs::read_to_string(conll).unwrap_or_else(|e| panic!("{conll}: {e}"));
    let docs = support::read_conll(&gold);
    let mut one_pass = String::new();
    for doc in &docs {
        let d = support::detokenize(doc, support::Detok::Restored);
        for (n, s) in d.sentences.iter().enumerate() {
            if let (Some(first), Some(last)) = (s.first(), s.last()) {
                one_pass.push_str(&d.text[first.start..last.end]);
                // Paragraphs of a few sentences, as in the newspaper.
                one_pass.push(if n % 3 == 2 { '\n' } else { ' ' });
            }
        }
        one_pass.push_str("\n\n");
    }
    let target = mb << 20;
    let mut corpus = String::with_capacity(target + one_pass.len());
    while corpus.len() < target {
        corpus.push_str(&one_pass);
    }
    std::fs::write(out, &corpus).unwrap_or_else(|e| panic!("{out}: {e}"));
    println!(
        "wrote {out}: {:.1} MB from {} documents ({:.2} MB per pass)",
        corpus.len() as f64 / 1e6,
        docs.len(),
        one_pass.len() as f64 / 1e6
    );
}

fn measure(file: &str, rounds: usize) {
    let text = std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{file}: {e}"));
    let docs: Vec<&str> = text
        .split("\n\n")
        .filter(|d| !d.trim().is_empty())
        .collect();
    let mb = text.len() as f64 / 1e6;
    let tokenizer = Tokenizer::default();
    println!(
        "{file}: {mb:.1} MB, {} documents; best of {rounds} rounds, one thread",
        docs.len()
    );

    // The three runs take turns within each round, so a busy machine slows them alike.
    let mut spans = Vec::new();
    let mut tokens: Vec<Token> = Vec::new();
    let mut naive_time = Duration::MAX;
    let mut tok_time = Duration::MAX;
    let mut sent_time = Duration::MAX;
    let (mut naive_count, mut tok_count) = (0, 0);
    for _ in 0..rounds.max(1) {
        let start = Instant::now();
        naive_count = 0;
        for d in &docs {
            spans.clear();
            support::naive_tokens(black_box(d), &mut spans);
            naive_count += spans.len();
        }
        naive_time = naive_time.min(start.elapsed());

        let start = Instant::now();
        tok_count = 0;
        for d in &docs {
            tokens.clear();
            tokenizer.tokenize_into(black_box(d), &mut tokens);
            tok_count += tokens.len();
        }
        tok_time = tok_time.min(start.elapsed());

        let start = Instant::now();
        let mut sentences = 0;
        for d in &docs {
            tokens.clear();
            tokenizer.tokenize_into(black_box(d), &mut tokens);
            sentences += split_sentences(d, &tokens, &paragraphs(d)).len();
        }
        black_box(sentences);
        sent_time = sent_time.min(start.elapsed());
    }
    let row = |name: &str, t: Duration, count: usize| {
        let secs = t.as_secs_f64();
        println!(
            "{name:<28} {:>8.1} MB/s {:>8.2} M tokens/s {:>6.2}x naive",
            mb / secs,
            count as f64 / secs / 1e6,
            naive_time.as_secs_f64() / secs
        );
    };
    row("naive split", naive_time, naive_count);
    row("tokenizer", tok_time, tok_count);
    row("tokenizer + sentences", sent_time, tok_count);
}
