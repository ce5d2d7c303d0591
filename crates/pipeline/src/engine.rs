//! Reading, processing on every core, and delivering documents in input order, in bounded memory.
//!
//! One reader thread streams documents from the sources; worker threads run the stages; the
//! calling thread receives the results, puts them back in input order and hands each to
//! `deliver`. At most `window` documents are in flight at any time (read but not yet delivered),
//! so memory does not grow with the size of the input, only with the size of single documents.

use crate::input::{InputError, InputSource, read_documents_counted};
use crate::run::Pipeline;
use kutip_core::Document;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::ops::ControlFlow;
use std::sync::atomic::AtomicBool;
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
        reason: String,
    },
    /// A notice from the reader that loses no document (a ragged CoNLL line).
    Warning(String),
}

/// What the reader hands the workers.
enum Item {
    Read(Result<Box<Document>, InputError>),
    Warning(String),
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

fn work(pipeline: &Pipeline, origin: String, item: Item, clock: &StageClock) -> Outcome {
    let mut doc = match item {
        Item::Warning(w) => return Outcome::Warning(w),
        Item::Read(Ok(doc)) => *doc,
        Item::Read(Err(e)) => {
            return Outcome::Failed {
                origin,
                id: None,
                message: e.to_string(),
                reason: e.reason().to_string(),
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
                reason: format!("stage `{}`", stage.name()),
            };
        }
    }
    Outcome::Done {
        origin,
        doc: Box::new(doc),
    }
}

/// Everything `drive` needs besides the pipeline and the sources.
pub(crate) struct Drive<'a> {
    /// Worker threads; 1 runs everything on the calling thread.
    pub threads: usize,
    /// Where per-stage time is added up.
    pub clock: &'a StageClock,
    /// Bytes of input read so far.
    pub read_bytes: &'a AtomicU64,
    /// When set, no further document is read; those in flight are still delivered.
    pub stop: Option<&'a AtomicBool>,
}

/// Reads the sources one after another, sending each document (and each reader notice) to
/// `send` in order, until `send` or the stop flag says stop.
fn read_all(
    pipeline: &Pipeline,
    sources: &[InputSource],
    d: &Drive,
    send: &mut dyn FnMut(String, Item) -> ControlFlow<()>,
) {
    let input = &pipeline.config().input;
    for source in sources {
        let origin = source.display();
        let warnings = RefCell::new(Vec::new());
        let mut stopped = false;
        let read = read_documents_counted(
            source,
            input,
            d.read_bytes,
            &mut |w| warnings.borrow_mut().push(w),
            &mut |result| {
                for w in warnings.borrow_mut().drain(..) {
                    if send(origin.clone(), Item::Warning(w)).is_break() {
                        stopped = true;
                        return ControlFlow::Break(());
                    }
                }
                if d.stop.is_some_and(|s| s.load(Ordering::Relaxed))
                    || send(origin.clone(), Item::Read(result.map(Box::new))).is_break()
                {
                    stopped = true;
                    return ControlFlow::Break(());
                }
                ControlFlow::Continue(())
            },
        );
        if stopped {
            return;
        }
        for w in warnings.into_inner() {
            if send(origin.clone(), Item::Warning(w)).is_break() {
                return;
            }
        }
        if let Err(e) = read {
            if send(origin, Item::Read(Err(e))).is_break() {
                return;
            }
        }
    }
}

/// Reads every source, processes each document with `threads` workers (inline when 1) and
/// delivers the outcomes in input order. `deliver` may stop the run with `ControlFlow::Break`.
pub(crate) fn drive(
    pipeline: &Pipeline,
    sources: &[InputSource],
    d: &Drive,
    deliver: &mut dyn FnMut(Outcome) -> ControlFlow<()>,
) {
    if d.threads <= 1 {
        read_all(pipeline, sources, d, &mut |origin, item| {
            deliver(work(pipeline, origin, item, d.clock))
        });
        return;
    }
    let window = d.threads * 32;
    std::thread::scope(|scope| {
        let (work_tx, work_rx) = crossbeam_channel::bounded::<(u64, String, Item)>(window);
        let (done_tx, done_rx) = crossbeam_channel::bounded::<(u64, Outcome)>(window);
        // A credit is needed to read an item and comes back when it is delivered, so at most
        // `window` items are in flight and no channel send below ever blocks.
        let (credit_tx, credit_rx) = crossbeam_channel::bounded::<()>(window);
        for _ in 0..window {
            credit_tx
                .send(())
                .expect("the credit channel has room for the window");
        }
        scope.spawn(move || {
            let mut seq = 0u64;
            read_all(pipeline, sources, d, &mut |origin, item| {
                if credit_rx.recv().is_err() || work_tx.send((seq, origin, item)).is_err() {
                    return ControlFlow::Break(());
                }
                seq += 1;
                ControlFlow::Continue(())
            });
        });
        for _ in 0..d.threads {
            let (work_rx, done_tx) = (work_rx.clone(), done_tx.clone());
            let clock = d.clock;
            scope.spawn(move || {
                for (seq, origin, item) in work_rx {
                    if done_tx
                        .send((seq, work(pipeline, origin, item, clock)))
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
