//! Reading, processing on every core, and delivering documents in input order, in bounded memory.
//!
//! One reader thread streams documents from the sources; worker threads run the stages; the
//! calling thread receives the results, puts them back in input order and hands each to
//! `deliver`. At most `window` documents are in flight at any time (read but not yet delivered),
//! so memory does not grow with the size of the input, only with the size of single documents.

use crate::input::{InputError, InputSource, read_documents_counted};
use crate::run::Pipeline;
use kutip_core::Document;
use std::collections::BTreeMap;
use std::ops::ControlFlow;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

/// What became of one input item.
pub(crate) enum Outcome {
    /// Read and processed.
    Done { origin: String, doc: Box<Document> },
    /// Could not be read or processed.
    Failed {
        origin: String,
        id: Option<String>,
        message: String,
    },
}

/// Per-stage time, in nanoseconds summed over all threads.
pub(crate) struct StageClock {
    nanos: Vec<AtomicU64>,
}

impl StageClock {
    pub(crate) fn new(stages: usize) -> StageClock {
        StageClock {
            nanos: (0..stages).map(|_| AtomicU64::new(0)).collect(),
        }
    }

    pub(crate) fn nanos(&self) -> Vec<u64> {
        self.nanos
            .iter()
            .map(|n| n.load(Ordering::Relaxed))
            .collect()
    }
}

fn work(
    pipeline: &Pipeline,
    origin: String,
    result: Result<Document, InputError>,
    clock: &StageClock,
) -> Outcome {
    let mut doc = match result {
        Ok(doc) => doc,
        Err(e) => {
            return Outcome::Failed {
                origin,
                id: None,
                message: e.to_string(),
            };
        }
    };
    for (k, stage) in pipeline.stages().iter().enumerate() {
        let started = Instant::now();
        let result = stage.process(&mut doc);
        clock.nanos[k].fetch_add(started.elapsed().as_nanos() as u64, Ordering::Relaxed);
        if let Err(e) = result {
            return Outcome::Failed {
                origin,
                id: Some(doc.id),
                message: format!("stage `{}`: {e}", stage.name()),
            };
        }
    }
    Outcome::Done {
        origin,
        doc: Box::new(doc),
    }
}

/// Reads every source, processes each document with `threads` workers (inline when 1) and
/// delivers the outcomes in input order. `deliver` may stop the run with `ControlFlow::Break`.
pub(crate) fn drive(
    pipeline: &Pipeline,
    sources: &[InputSource],
    threads: usize,
    clock: &StageClock,
    read_bytes: &AtomicU64,
    deliver: &mut dyn FnMut(Outcome) -> ControlFlow<()>,
) {
    let input = &pipeline.config().input;
    if threads <= 1 {
        for source in sources {
            let origin = source.display();
            let mut stopped = false;
            let read = read_documents_counted(source, input, read_bytes, &mut |result| {
                let flow = deliver(work(pipeline, origin.clone(), result, clock));
                stopped = flow.is_break();
                flow
            });
            if stopped {
                return;
            }
            if let Err(e) = read {
                if deliver(Outcome::Failed {
                    origin,
                    id: None,
                    message: e.to_string(),
                })
                .is_break()
                {
                    return;
                }
            }
        }
        return;
    }
    let window = threads * 32;
    std::thread::scope(|scope| {
        let (work_tx, work_rx) =
            crossbeam_channel::bounded::<(u64, String, Result<Document, InputError>)>(window);
        let (done_tx, done_rx) = crossbeam_channel::bounded::<(u64, Outcome)>(window);
        // A credit is needed to read a document and comes back when it is delivered, so at most
        // `window` documents are in flight and no channel send below ever blocks.
        let (credit_tx, credit_rx) = crossbeam_channel::bounded::<()>(window);
        for _ in 0..window {
            credit_tx
                .send(())
                .expect("the credit channel has room for the window");
        }
        scope.spawn(move || {
            let mut seq = 0u64;
            for source in sources {
                let origin = source.display();
                let mut stopped = false;
                let read = read_documents_counted(source, input, read_bytes, &mut |result| {
                    if credit_rx.recv().is_err()
                        || work_tx.send((seq, origin.clone(), result)).is_err()
                    {
                        stopped = true;
                        return ControlFlow::Break(());
                    }
                    seq += 1;
                    ControlFlow::Continue(())
                });
                if stopped {
                    return;
                }
                if let Err(e) = read {
                    if credit_rx.recv().is_err() || work_tx.send((seq, origin, Err(e))).is_err() {
                        return;
                    }
                    seq += 1;
                }
            }
        });
        for _ in 0..threads {
            let (work_rx, done_tx) = (work_rx.clone(), done_tx.clone());
            scope.spawn(move || {
                for (seq, origin, result) in work_rx {
                    if done_tx
                        .send((seq, work(pipeline, origin, result, clock)))
                        .is_err()
                    {
                        return;
                    }
                }
            });
        }
        drop((work_rx, done_tx));
        let mut pending = BTreeMap::new();
        let mut next = 0u64;
        'receive: for (seq, outcome) in done_rx.iter() {
            pending.insert(seq, outcome);
            while let Some(outcome) = pending.remove(&next) {
                next += 1;
                if deliver(outcome).is_break() {
                    break 'receive;
                }
                // Cannot fail while the reader runs, and after it ends nobody needs credits.
                let _ = credit_tx.send(());
            }
        }
        // Dropping these stops the reader and the workers if the run was stopped early.
        drop((credit_tx, done_rx));
    });
}
