//! Times the `entities` stage alone (tokenizing is done before the clock starts).
//!
//! ```sh
//! cargo run --release -p kutip-entities --example entity_speed -- [--per-article] FILE...
//! ```
//! Each FILE is a text article, or a CoNLL/BIO file (`.conll`/`.bio`: first column = token,
//! sentences joined by newlines). Prints the model's load time and tokens per second over at
//! least two seconds of repeated passes, on one thread.
//!
//! A CoNLL file is one document by default; with `--per-article` each `-DOCSTART-` starts a new
//! document, as a pipeline over a corpus of articles sees it (per-document costs count).
use kutip_core::{Document, Stage};
use kutip_entities::{EntitiesConfig, EntityStage};
use kutip_tokenize::{TokenizeConfig, TokenizeStage};
use std::time::{Duration, Instant};

/// The file's documents: the text, or a CoNLL file's tokens (split at `-DOCSTART-` when
/// `per_article`).
fn read(path: &str, per_article: bool) -> Vec<String> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    if !(path.ends_with(".conll") || path.ends_with(".bio")) {
        return vec![text];
    }
    let mut docs = vec![String::new()];
    for line in text.lines() {
        let out = docs.last_mut().expect("a document");
        match line.split(['\t', ' ']).next() {
            Some("-DOCSTART-") => {
                if per_article && !out.trim().is_empty() {
                    docs.push(String::new());
                }
            }
            Some(token) if !token.is_empty() => {
                out.push_str(token);
                out.push(' ');
            }
            _ => out.push('\n'),
        }
    }
    docs.retain(|d| !d.trim().is_empty());
    docs
}

/// Nanoseconds this thread has run on a CPU (Linux), so a busy machine does not count against
/// the stage; `None` elsewhere.
fn thread_cpu_ns() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    stat.split_whitespace().next()?.parse().ok()
}

fn main() {
    let mut paths: Vec<String> = std::env::args().skip(1).collect();
    let per_article = paths.iter().any(|p| p == "--per-article");
    paths.retain(|p| p != "--per-article");
    assert!(
        !paths.is_empty(),
        "usage: entity_speed [--per-article] FILE..."
    );
    let started = Instant::now();
    let model = kutip_entities::builtin_model();
    let load = started.elapsed();
    drop(model);
    let started = Instant::now();
    let entities = EntityStage::new(EntitiesConfig::default());
    let build = started.elapsed();
    let tokenize = TokenizeStage::new(TokenizeConfig::default());
    let mut docs: Vec<Document> = paths
        .iter()
        .flat_map(|p| read(p, per_article).into_iter().map(move |text| (p, text)))
        .map(|(p, text)| {
            let mut doc = Document::new(p, text);
            tokenize.process(&mut doc).expect("tokenize");
            doc
        })
        .collect();
    let tokens: usize = docs.iter().map(|d| d.tokens.len()).sum();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let cpu_start = thread_cpu_ns();
    let started = Instant::now();
    let mut passes = 0u32;
    while started.elapsed() < Duration::from_secs(2) {
        for doc in &mut docs {
            entities.process(doc).expect("entities");
        }
        passes += 1;
    }
    let secs = started.elapsed().as_secs_f64();
    let cpu_secs = cpu_start
        .zip(thread_cpu_ns())
        .map(|(a, b)| (b - a) as f64 / 1e9);
    let entities_found: usize = docs.iter().map(|d| d.entities.len()).sum();
    println!(
        "model load: {:.2} ms; stage built (model, convention folded in, gazetteer): {:.2} ms",
        load.as_secs_f64() * 1e3,
        build.as_secs_f64() * 1e3
    );
    println!(
        "{} documents, {tokens} tokens, {bytes} bytes, {entities_found} entities; {passes} passes in {secs:.2} s",
        docs.len()
    );
    println!(
        "entities stage: {:.2} M tokens/s, {:.1} MB/s (wall clock)",
        tokens as f64 * f64::from(passes) / secs / 1e6,
        bytes as f64 * f64::from(passes) / secs / 1e6
    );
    if let Some(cpu) = cpu_secs {
        println!(
            "entities stage: {:.2} M tokens/s, {:.1} MB/s (this thread's CPU time, {cpu:.2} s)",
            tokens as f64 * f64::from(passes) / cpu / 1e6,
            bytes as f64 * f64::from(passes) / cpu / 1e6
        );
    }
}
