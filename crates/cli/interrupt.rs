//! Ctrl-C: the first one stops reading, lets the documents in flight finish and completes the
//! outputs; a second one exits at once (outputs then stay under their temporary names, never
//! truncated under the final ones).

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// Installs the handler and returns the flag the run watches.
pub fn install() -> Arc<AtomicBool> {
    let stop = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&stop);
    // Installing can fail only if another handler exists; the run then simply cannot be
    // interrupted gracefully, which is no reason not to run.
    let _ = ctrlc::set_handler(move || {
        if flag.swap(true, Ordering::SeqCst) {
            eprintln!("kutip: interrupted twice; stopping now");
            std::process::exit(130);
        }
        eprintln!(
            "kutip: interrupted; finishing the documents in flight (Ctrl-C again to stop now)"
        );
    });
    stop
}
