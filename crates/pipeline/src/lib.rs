//! kutip pipelines: the TOML configuration, its validation, the input readers and the runner.
//!
//! A pipeline is an `[input]` section, an ordered list of `[[stage]]` tables and one or more
//! `[[export]]` tables. [`PipelineConfig::parse`] checks a pipeline completely before anything
//! runs and reports **every** problem at once with its line and column; [`Pipeline::new`] builds
//! the stages and [`Pipeline::run`] streams documents through them into the exporters. A document
//! that fails is reported and skipped; the others still come out. An exporter `type` that is not
//! built in names an exporter plugin, loaded through `kutip-plugin-host` and run like a built-in
//! one.
//!
//! ```
//! use kutip_pipeline::{PipelineConfig, DEFAULT_PIPELINE};
//!
//! let config = PipelineConfig::parse(DEFAULT_PIPELINE, "default.toml").unwrap();
//! assert_eq!(config.stages.len(), 3);
//!
//! let err = PipelineConfig::parse("[[stage]]\ntype = \"quote\"\n", "mine.toml").unwrap_err();
//! assert!(err.to_string().contains("did you mean `quotes`?"));
//! ```
#![deny(missing_docs)]

mod catalog;
mod config;
mod diagnostic;
mod engine;
mod input;
mod plugins;
mod run;

pub use catalog::{Catalog, ComponentDoc, OptionDoc};
pub use config::{
    CheckConfig, ExportConfig, ExportKind, InputConfig, InputFormat, OnError, PipelineConfig,
    StageConfig,
};
pub use diagnostic::{ConfigError, Diagnostic};
pub use input::{InputError, InputSource, read_documents, read_documents_counted, read_from};
pub use kutip_plugin_host::PluginSearch;
pub use plugins::{PluginExport, PluginProblem, check_plugins};
pub use run::{
    DocumentFailure, Event, Pipeline, Progress, RunError, RunOptions, RunSummary, Timings,
    built_in_exporter,
};

/// The built-in pipeline used when no `-p PIPELINE` is given.
pub const DEFAULT_PIPELINE: &str = include_str!("../../../pipelines/default.toml");
