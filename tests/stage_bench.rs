//! The timing pair every stage bench runs, included with `#[path]` by the entities and quotes
//! benches: the stage over the fixtures as many small documents, then over one large document
//! of the same bytes. `found` counts what the stage added, so the work cannot be optimised away.

use criterion::BenchmarkGroup;
use criterion::measurement::WallTime;
use kutip_core::{Document, Stage};
use std::hint::black_box;

/// Adds "many small documents" and "one 1 MB document" to `group`.
pub fn small_and_big(
    group: &mut BenchmarkGroup<'_, WallTime>,
    stage: &impl Stage,
    small: &mut [Document],
    big: &mut Document,
    found: fn(&Document) -> usize,
) {
    group.bench_function("many small documents", |b| {
        b.iter(|| {
            let mut n = 0;
            for d in small.iter_mut() {
                stage.process(black_box(d)).expect("stage");
                n += found(d);
            }
            n
        })
    });
    group.bench_function("one 1 MB document", |b| {
        b.iter(|| {
            stage.process(black_box(&mut *big)).expect("stage");
            found(big)
        })
    });
}
