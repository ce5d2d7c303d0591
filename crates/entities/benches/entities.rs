//! `cargo bench -p kutip-entities`: the entity stage alone (tokens and sentences computed once,
//! outside the timing), bytes and tokens per second, on the test fixtures as many small
//! documents and as one large document of the same bytes. `examples/entity_speed.rs` times
//! the stage over any file, such as a whole dev corpus.
// criterion's macros generate undocumented functions.
#![allow(missing_docs)]

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use kutip_core::{Document, Stage};
use kutip_entities::{EntitiesConfig, EntityStage};
use kutip_tokenize::{TokenizeConfig, TokenizeStage};
use std::hint::black_box;

#[path = "../../../tests/fixture_articles.rs"]
mod fixture_articles;
use fixture_articles::fixture_articles;
#[path = "../../../tests/stage_bench.rs"]
mod stage_bench;

/// A tokenized document, ready for the entity stage.
fn tokenized(tokenizer: &TokenizeStage, id: &str, text: String) -> Document {
    let mut doc = Document::new(id, text);
    tokenizer.process(&mut doc).expect("tokenize");
    doc
}

fn bench(c: &mut Criterion) {
    const TARGET: usize = 1 << 20;
    let tokenizer = TokenizeStage::new(TokenizeConfig::default());
    let one: Vec<String> = fixture_articles()
        .into_iter()
        .map(|(_, text)| text)
        .collect();
    let mut small = Vec::new();
    let mut big = String::new();
    let mut bytes = 0;
    while bytes < TARGET {
        for a in &one {
            small.push(tokenized(
                &tokenizer,
                &format!("d{}", small.len()),
                a.clone(),
            ));
            big.push_str(a);
            big.push('\n');
            bytes += a.len();
        }
    }
    let mut big = tokenized(&tokenizer, "big", big);
    let tokens: usize = small.iter().map(|d| d.tokens.len()).sum();
    let stage = EntityStage::new(EntitiesConfig::default());

    for (unit, throughput) in [
        ("bytes", Throughput::Bytes(bytes as u64)),
        ("tokens", Throughput::Elements(tokens as u64)),
    ] {
        let mut group = c.benchmark_group(format!("entities ({unit})"));
        group.throughput(throughput);
        group.sample_size(10);
        stage_bench::small_and_big(&mut group, &stage, &mut small, &mut big, |d| {
            d.entities.len()
        });
        group.finish();
    }
    c.bench_function("entities stage start-up (model, gazetteers)", |b| {
        b.iter(|| EntityStage::new(black_box(EntitiesConfig::default())))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
