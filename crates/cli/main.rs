//! The `kutip` command: thin glue between the command line and `kutip-pipeline`.

mod args;
mod eval;

use anyhow::{Context, bail};
use args::{Args, Command, FormatArg, PipelineCommand, RunArgs, TrainArgs};
use clap::Parser;
use kutip_pipeline::{
    Catalog, ConfigError, DEFAULT_PIPELINE, ExportConfig, ExportKind, InputFormat, InputSource,
    Pipeline, PipelineConfig, RunError,
};
use std::io::Write;
use std::process::ExitCode;

/// Every document processed.
const SUCCESS: u8 = 0;
/// Some documents failed; the rest were exported.
const SOME_FAILED: u8 = 1;
/// Usage or configuration error.
const USAGE: u8 = 2;

fn main() -> ExitCode {
    let args = Args::parse();
    match run(args) {
        Ok(code) => ExitCode::from(code),
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::from(SUCCESS);
            }
            let code = if err.downcast_ref::<ConfigError>().is_some()
                || err.downcast_ref::<UsageError>().is_some()
            {
                USAGE
            } else {
                SOME_FAILED
            };
            eprintln!("kutip: {err:#}");
            ExitCode::from(code)
        }
    }
}

/// A mistake in how kutip was called, reported with exit code 2.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub(crate) struct UsageError(pub(crate) String);

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            || e.downcast_ref::<RunError>().is_some_and(
                |r| matches!(r, RunError::Write { source, .. } if source.kind() == std::io::ErrorKind::BrokenPipe),
            )
    })
}

fn run(args: Args) -> anyhow::Result<u8> {
    match args.command {
        Command::Run(run) => run_pipeline(run),
        Command::Validate { pipelines } => validate(&pipelines),
        Command::Eval(args) => eval::run(args),
        Command::Train(args) => train(args),
        Command::Stages => {
            print!("{}", describe_catalog(&Catalog::builtin()));
            Ok(SUCCESS)
        }
        Command::Pipeline {
            command: PipelineCommand::Show,
        } => {
            print!("{DEFAULT_PIPELINE}");
            Ok(SUCCESS)
        }
    }
}

pub(crate) fn load_pipeline(path: Option<&std::path::Path>) -> anyhow::Result<PipelineConfig> {
    match path {
        None => Ok(PipelineConfig::parse(
            DEFAULT_PIPELINE,
            "<built-in pipeline>",
        )?),
        Some(path) => {
            let source = std::fs::read_to_string(path)
                .map_err(|e| UsageError(format!("cannot read pipeline {}: {e}", path.display())))?;
            Ok(PipelineConfig::parse(&source, &path.display().to_string())?)
        }
    }
}

fn run_pipeline(args: RunArgs) -> anyhow::Result<u8> {
    let mut config = load_pipeline(args.pipeline.as_deref())?;
    if let Some(format) = args.format {
        config.input.format = match format {
            FormatArg::Auto => InputFormat::Auto,
            FormatArg::Text => InputFormat::Text,
            FormatArg::Jsonl => InputFormat::Jsonl,
            FormatArg::Conll => InputFormat::Conll,
        };
    }
    if let Some(name) = &args.export {
        let kind = ExportKind::from_name(name).ok_or_else(|| {
            UsageError(format!("unknown exporter `{name}` for --export; built-in exporters are json, jsonl and conll"))
        })?;
        config.exports = vec![ExportConfig {
            path: args.output.clone().unwrap_or_else(|| "-".into()),
            kind,
        }];
    } else if let Some(output) = &args.output {
        if config.exports.len() != 1 {
            bail!(UsageError(format!(
                "--output needs a pipeline with one exporter, this one has {}; set each `path` in the pipeline instead",
                config.exports.len()
            )));
        }
        config.exports[0].path = output.clone();
    }
    let sources = InputSource::expand(&args.inputs).map_err(|e| UsageError(e.to_string()))?;
    let pipeline = Pipeline::new(config);
    let summary = pipeline
        .run(&sources, &mut |failure| eprintln!("kutip: {failure}"))
        .context("the run stopped")?;
    if !args.quiet && (summary.read > 1 || !summary.failures.is_empty()) {
        eprintln!(
            "kutip: {} document{} read, {} exported, {} failed",
            summary.read,
            if summary.read == 1 { "" } else { "s" },
            summary.exported,
            summary.failures.len()
        );
    }
    Ok(if summary.failures.is_empty() {
        SUCCESS
    } else {
        SOME_FAILED
    })
}

fn train(args: TrainArgs) -> anyhow::Result<u8> {
    let mut texts = Vec::new();
    for input in &args.inputs {
        // CONVENTION=PATH names the file's annotation convention.
        let (convention, path) = match input.split_once('=') {
            Some((name, path)) if !name.is_empty() && !std::path::Path::new(input).exists() => {
                (Some(name.to_string()), path)
            }
            _ => (None, input.as_str()),
        };
        let text = std::fs::read_to_string(path)
            .map_err(|e| UsageError(format!("cannot read {path}: {e}")))?;
        texts.push((convention, text));
    }
    let options = kutip_entities::TrainOptions {
        epochs: args.epochs,
        bits: args.bits,
        seed: args.seed,
    };
    let started = std::time::Instant::now();
    let model = kutip_entities::train_files(&texts, &options, |epoch, wrong| {
        eprintln!("epoch {epoch}: {wrong} tokens tagged wrong");
    });
    if !model.conventions().is_empty() {
        eprintln!("conventions: {}", model.conventions().join(", "));
    }
    let bytes = model.to_bytes();
    if let Some(dir) = args.output.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    std::fs::write(&args.output, &bytes)
        .with_context(|| format!("writing {}", args.output.display()))?;
    eprintln!(
        "wrote {} ({} bytes) in {:.1} s",
        args.output.display(),
        bytes.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(SUCCESS)
}

fn validate(paths: &[std::path::PathBuf]) -> anyhow::Result<u8> {
    let mut failed = false;
    for path in paths {
        match load_pipeline(Some(path)) {
            Ok(config) => println!(
                "{}: ok ({} stage{}: {}; {} exporter{})",
                path.display(),
                config.stages.len(),
                if config.stages.len() == 1 { "" } else { "s" },
                config
                    .stages
                    .iter()
                    .map(|s| s.type_name())
                    .collect::<Vec<_>>()
                    .join(" → "),
                config.exports.len(),
                if config.exports.len() == 1 { "" } else { "s" },
            ),
            Err(e) => {
                failed = true;
                eprintln!("{e:#}");
            }
        }
    }
    Ok(if failed { USAGE } else { SUCCESS })
}

fn describe_catalog(catalog: &Catalog) -> String {
    let mut out = Vec::new();
    let mut section = |title: &str, docs: &[&kutip_pipeline::ComponentDoc]| {
        let _ = writeln!(out, "{title}\n");
        for d in docs {
            let _ = writeln!(
                out,
                "  {}",
                if d.role == "input" {
                    "[input]".to_string()
                } else {
                    format!("type = \"{}\"", d.name)
                }
            );
            let _ = writeln!(out, "    {}", d.summary);
            if !d.requires.is_empty() {
                let _ = writeln!(out, "    needs: {}", d.requires.names().join(", "));
            }
            if !d.provides.is_empty() {
                let _ = writeln!(out, "    adds: {}", d.provides.names().join(", "));
            }
            for o in &d.options {
                let default = if o.default.is_empty() {
                    String::new()
                } else {
                    format!(", default {}", o.default)
                };
                let _ = writeln!(out, "    {} ({}{default})", o.name, o.kind);
                let _ = writeln!(out, "        {}", o.help);
            }
            let _ = writeln!(out);
        }
    };
    section("INPUT", &[&catalog.input]);
    section(
        "STAGES (in [[stage]] tables, run in order)",
        &catalog.stages.iter().collect::<Vec<_>>(),
    );
    section(
        "EXPORTERS (in [[export]] tables)",
        &catalog.exporters.iter().collect::<Vec<_>>(),
    );
    String::from_utf8(out).expect("catalog text is UTF-8")
}
