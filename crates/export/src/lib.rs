//! kutip's built-in exporters: `json`, `jsonl`, `conll` and `csv`.
//!
//! Every exporter writes to any [`std::io::Write`]; where the bytes go (stdout, a file written
//! atomically) is the pipeline's business. The JSON exporters write the `kutip/1` contract
//! ([`kutip_core::wire`]); `conll` writes one `token<TAB>label` line per token, aligned line by
//! line with a CoNLL input, in a choice of label schemes; `csv` writes one row per quote for
//! spreadsheets, with formula-like cells neutralised.
//!
//! ```
//! use kutip_core::{Document, Exporter};
//! use kutip_export::{JsonExporter, JsonFormat};
//!
//! let mut out = Vec::new();
//! let mut exporter = JsonExporter::new(Box::new(&mut out), JsonFormat::Lines);
//! exporter.begin().unwrap();
//! exporter.export(&Document::new("a", "Halo.")).unwrap();
//! exporter.finish().unwrap();
//! drop(exporter);
//! assert!(String::from_utf8(out).unwrap().starts_with(r#"{"schema":"kutip/1","id":"a""#));
//! ```
#![deny(missing_docs)]

mod conll;
mod csv_export;
mod json;

pub use conll::{ConllConfig, ConllExporter, Encoding, Scheme};
pub use csv_export::{CSV_HEADER, CsvConfig, CsvExporter};
pub use json::{FailedDocuments, JsonConfig, JsonExporter, JsonFormat};
