//! Command-line arguments.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// kutip reads Indonesian news and reports who said what, about whom, when.
///
/// Exit codes: 0 every document processed; 1 some documents failed (each is reported on stderr,
/// the others are still exported); 2 usage or configuration error (nothing was processed).
#[derive(Debug, Parser)]
#[command(name = "kutip", version, about, long_about)]
pub struct Args {
    #[command(subcommand)]
    pub command: Command,
    /// Look for exporter plugins (libkutip_NAME.so) in this directory; may be repeated.
    /// Searched before the directories of KUTIP_PLUGIN_PATH. Nothing else is ever searched.
    #[arg(long, global = true, value_name = "DIR")]
    pub plugin_dir: Vec<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run a pipeline over files, directories or stdin.
    ///
    /// Without -p, the built-in pipeline runs (tokenize → entities → quotes → jsonl on stdout;
    /// see `kutip pipeline show`). Directories are walked for .txt, .jsonl, .conll and .bio files.
    Run(RunArgs),
    /// Check pipeline files and report every problem with its line and column.
    Validate {
        /// Pipeline TOML files.
        #[arg(required = true)]
        pipelines: Vec<PathBuf>,
    },
    /// List every stage and exporter with its options and their meaning.
    Stages,
    /// Score a pipeline (or a prediction file) against a gold CoNLL/BIO/BILOU file.
    ///
    /// Runs the pipeline over GOLD's tokens (its `conll` exporter decides the label scheme), then
    /// prints per-label precision, recall, strict span F1, token F1 and overlap recall, with the
    /// same definitions as the corpora's score.py (spans may cross sentence breaks).
    Eval(EvalArgs),
    /// Compare a pipeline's results on your articles with their golden files.
    ///
    /// Every input in the folders (text, JSONL, CoNLL) has golden files beside it
    /// (article.txt → article.kutip.json, plus article.kutip.conll etc. for text exporters; the
    /// name pattern is `[check] golden` in the pipeline). Differences are described by meaning:
    /// quotes added or removed, speakers changed, entity labels changed. Exit code 0 when every
    /// golden file matches, 1 when some changed or are new (and were not updated), 2 on a usage
    /// or configuration error.
    Check(CheckArgs),
    /// List the exporter plugins found in --plugin-dir and KUTIP_PLUGIN_PATH directories.
    ///
    /// Prints each plugin's name (its `type` in a pipeline), version, ABI and library path, and
    /// reports libraries that cannot be used. Exits with 1 when any cannot.
    Plugins,
    /// Train the entity model (PER, ORG, LOC) from BIO files and write the model file.
    ///
    /// The built-in model is made by `kutip train` with the defaults on
    /// ../shared/eval/ner/*.train.bio; use another with the entities stage's `model` option.
    Train(TrainArgs),
    /// Show pipelines.
    Pipeline {
        #[command(subcommand)]
        command: PipelineCommand,
    },
}

#[derive(Debug, Subcommand)]
pub enum PipelineCommand {
    /// Print the built-in default pipeline, a starting point for your own.
    Show,
}

#[derive(Debug, clap::Args)]
pub struct RunArgs {
    /// Pipeline TOML file (default: the built-in pipeline).
    #[arg(short, long, value_name = "PIPELINE")]
    pub pipeline: Option<PathBuf>,
    /// Read inputs in this format, whatever the pipeline says.
    #[arg(short, long, value_enum)]
    pub format: Option<FormatArg>,
    /// Replace the pipeline's exporters with this one: json, jsonl, conll, csv, or the name of
    /// an exporter plugin (e.g. html, sqlite; see `kutip plugins`).
    #[arg(short, long, value_name = "TYPE")]
    pub export: Option<String>,
    /// Write the output here instead of where the pipeline says ("-" is stdout).
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<String>,
    /// Say nothing on stderr but errors (no progress bar, no summary).
    #[arg(short, long)]
    pub quiet: bool,
    /// Worker threads (default: one per core). Output order is input order whatever the count.
    #[arg(
        short = 'j',
        long,
        value_name = "N",
        default_value_t = 0,
        hide_default_value = true
    )]
    pub threads: usize,
    /// Print the time and share of each stage and exporter at the end.
    #[arg(long)]
    pub timings: bool,
    /// Replace invalid UTF-8 with U+FFFD instead of failing the document.
    #[arg(long)]
    pub lossy: bool,
    /// Input files or directories; "-" or nothing reads stdin.
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct EvalArgs {
    /// Pipeline with a `conll` exporter, e.g. pipelines/pfsa-id.toml (default: the built-in
    /// pipeline with a BIO entity export).
    #[arg(short, long, value_name = "PIPELINE")]
    pub pipeline: Option<PathBuf>,
    /// Score this prediction file instead of running a pipeline.
    #[arg(long, value_name = "PRED")]
    pub pred: Option<PathBuf>,
    /// Keep the pipeline's predictions in this file.
    #[arg(long, value_name = "PATH")]
    pub save: Option<PathBuf>,
    /// Print the scores as JSON.
    #[arg(long)]
    pub json: bool,
    /// The gold file: token in the first column, label in the last.
    #[arg(value_name = "GOLD")]
    pub gold: PathBuf,
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Pipeline TOML file (default: the built-in pipeline).
    #[arg(short, long, value_name = "PIPELINE")]
    pub pipeline: Option<PathBuf>,
    /// Write (or rewrite) the golden files with the current results.
    #[arg(long, conflicts_with = "review")]
    pub update: bool,
    /// Walk through each change and accept or reject it, one golden file at a time.
    #[arg(long)]
    pub review: bool,
    /// `text` for people (coloured when stdout is a terminal), `json` for tools.
    #[arg(long, value_enum, default_value = "text")]
    pub format: CheckFormat,
    /// Folders (or files) of articles.
    #[arg(value_name = "DIR", required = true)]
    pub dirs: Vec<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    Text,
    Json,
}

#[derive(Debug, clap::Args)]
pub struct TrainArgs {
    /// Where to write the model file.
    #[arg(short, long, value_name = "PATH", default_value = "models/ner.bin")]
    pub output: PathBuf,
    /// Passes over the training data.
    #[arg(long, default_value_t = 20)]
    pub epochs: usize,
    /// log2 of the number of rows of the hashed weight table (the file is 16 × 2^bits bytes).
    #[arg(long, default_value_t = 16, value_parser = clap::value_parser!(u32).range(8..=24))]
    pub bits: u32,
    /// Seed of the shuffle between passes; the same seed and data give the same model.
    #[arg(long, default_value_t = 7)]
    pub seed: u64,
    /// Perceptrons to train, with seeds `seed`, `seed + 1`…; the model is their mean. A run's
    /// shuffle starts from its seed with the lowest bit set, so an even seed repeats the next
    /// odd one (see docs/entities.md).
    #[arg(long, default_value_t = 4, value_parser = clap::value_parser!(u64).range(1..=32))]
    pub runs: u64,
    /// Training files: token in the first column, BIO tag (PER, ORG, LOC) in the last. Write
    /// CONVENTION=FILE to name a file's annotation convention (e.g. news=idner.train.bio): the
    /// model then also learns weights of its own for it, chosen by the entities stage's
    /// `convention` option.
    #[arg(value_name = "[CONVENTION=]BIO", required = true)]
    pub inputs: Vec<String>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum FormatArg {
    Auto,
    Text,
    Jsonl,
    Conll,
}
