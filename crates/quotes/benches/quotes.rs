//! `cargo bench -p kutip-quotes`: the quote stage alone (tokens and entities computed once,
//! outside the timing), bytes per second, on the test fixtures as many small documents and as
//! one large document of the same bytes. The two throughputs stay close only while the stage's
//! work grows linearly with a document's length.
// criterion's macros generate undocumented functions.
#![allow(missing_docs)]

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use kutip_core::{Document, Stage};
use kutip_entities::{EntitiesConfig, EntityStage};
use kutip_quotes::{QuoteStage, QuotesConfig};
use kutip_tokenize::{TokenizeConfig, TokenizeStage};

#[path = "../../../tests/fixture_articles.rs"]
mod fixture_articles;
use fixture_articles::fixture_articles;
#[path = "../../../tests/stage_bench.rs"]
mod stage_bench;

/// A document with tokens, sentences and entities, ready for the quote stage.
fn prepared(id: &str, text: String) -> Document {
    let mut doc = Document::new(id, text);
    TokenizeStage::new(TokenizeConfig::default())
        .process(&mut doc)
        .expect("tokenize");
    EntityStage::new(EntitiesConfig::default())
        .process(&mut doc)
        .expect("entities");
    doc
}

fn bench(c: &mut Criterion) {
    const TARGET: usize = 1 << 20;
    let one: Vec<String> = fixture_articles()
        .into_iter()
        .map(|(_, text)| text)
        .collect();
    let mut small = Vec::new();
    let mut big = String::new();
    let mut bytes = 0;
    while bytes < TARGET {
        for a in &one {
            small.push(prepared(&format!("d{}", small.len()), a.clone()));
            big.push_str(a);
            big.push('\n');
            bytes += a.len();
        }
    }
    let mut big = prepared("big", big);
    let stage = QuoteStage::new(QuotesConfig::default());
    let mut group = c.benchmark_group("quotes");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    stage_bench::small_and_big(&mut group, &stage, &mut small, &mut big, |d| d.quotes.len());
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
