//! `cargo bench -p kutip-export`: each built-in exporter alone, writing into memory, over the
//! test fixtures analysed by the default stages (outside the timing), repeated to about 1 MB
//! of article text; throughput is in bytes of article text exported, output going to a sink.
// criterion's macros generate undocumented functions.
#![allow(missing_docs)]

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use kutip_core::{Document, Exporter, Stage};
use kutip_entities::{EntitiesConfig, EntityStage};
use kutip_export::{
    ConllConfig, ConllExporter, CsvConfig, CsvExporter, JsonExporter, JsonFormat, Scheme,
};
use kutip_quotes::{QuoteStage, QuotesConfig};
use kutip_tokenize::{TokenizeConfig, TokenizeStage};
use std::io::Write;

#[path = "../../../tests/fixture_articles.rs"]
mod fixture_articles;
use fixture_articles::fixture_articles;

/// The fixture articles with tokens, entities and quotes, repeated to about 1 MB of text.
fn documents() -> (Vec<Document>, usize) {
    let texts: Vec<String> = fixture_articles()
        .into_iter()
        .map(|(_, text)| text)
        .collect();
    let stages: [Box<dyn Stage>; 3] = [
        Box::new(TokenizeStage::new(TokenizeConfig::default())),
        Box::new(EntityStage::new(EntitiesConfig::default())),
        Box::new(QuoteStage::new(QuotesConfig::default())),
    ];
    let (mut docs, mut bytes) = (Vec::new(), 0);
    while bytes < 1 << 20 {
        for text in &texts {
            let mut doc = Document::new(format!("d{}", docs.len()), text.clone());
            for stage in &stages {
                stage.process(&mut doc).expect("default stages");
            }
            bytes += text.len();
            docs.push(doc);
        }
    }
    (docs, bytes)
}

/// Runs one exporter over every document, writing into `io::sink` (the formatting is timed,
/// not a disk).
fn export_all(make: impl Fn(Box<dyn Write + Send>) -> Box<dyn Exporter>, docs: &[Document]) {
    let mut exporter = make(Box::new(std::io::sink()));
    exporter.begin().expect("begin");
    for d in docs {
        exporter.export(d).expect("export");
    }
    exporter.finish().expect("finish");
}

fn bench(c: &mut Criterion) {
    let (docs, bytes) = documents();
    let mut group = c.benchmark_group("export");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_function("jsonl", |b| {
        b.iter(|| export_all(|w| Box::new(JsonExporter::new(w, JsonFormat::Lines)), &docs))
    });
    group.bench_function("json", |b| {
        b.iter(|| export_all(|w| Box::new(JsonExporter::new(w, JsonFormat::Array)), &docs))
    });
    group.bench_function("csv", |b| {
        b.iter(|| {
            export_all(
                |w| Box::new(CsvExporter::new(w, CsvConfig::default())),
                &docs,
            )
        })
    });
    for scheme in [Scheme::Entities, Scheme::PfsaId, Scheme::Kota] {
        let config = ConllConfig {
            scheme,
            ..ConllConfig::default()
        };
        group.bench_function(format!("conll {scheme:?}"), |b| {
            b.iter(|| export_all(|w| Box::new(ConllExporter::new(w, config.clone())), &docs))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
