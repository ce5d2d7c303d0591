//! Golden files for pipeline authors: run a pipeline over a folder of articles, compare each
//! result with the golden file beside it, and say in words what changed.
//!
//! Every input gets a golden file of its documents in `kutip/1` JSON (`article.kutip.json`) and,
//! when the pipeline exports other text formats (`conll`…), one per such exporter
//! (`article.kutip.conll`). A golden file holds only what is stable — the same input and pipeline
//! always give the same bytes: documents in input order, fixed key order, confidences with two
//! decimals, no timings, paths or versions — so it changes only when the result does. Differences
//! in the documents are described by meaning ([`Change`]: a quote added or removed, a speaker
//! changed from A to B, an entity's label changed); other golden files by a line diff.
//!
//! ```
//! use kutip_check::{describe, Change};
//! use serde_json::json;
//!
//! let old = json!([{"id": "a", "text": "t", "quotes": [
//!     {"kind": "direct", "content": {"text": "Siap"}, "speaker": {"name": "Budi"}}]}]);
//! let new = json!([{"id": "a", "text": "t", "quotes": [
//!     {"kind": "direct", "content": {"text": "Siap"}, "speaker": {"name": "Budi Santoso"}}]}]);
//! let changes = describe(&old, &new);
//! assert_eq!(changes[0].to_string(), "document `a`: speaker of “Siap” changed from Budi to Budi Santoso");
//! ```
#![deny(missing_docs)]

mod diff;
mod golden;

pub use diff::{Change, ChangeKind, describe};
pub use golden::{Golden, GoldenError, Status, check_input, golden_inputs, golden_kinds};
