//! The `kutip` command: thin glue between the command line and `kutip-pipeline`.

mod args;
mod check;
mod eval;
mod interrupt;
mod plugins;
mod progress;

use anyhow::{Context, bail};
use args::{Args, Command, FormatArg, PipelineCommand, RunArgs, TrainArgs};
use clap::Parser;
use kutip_pipeline::{
    Catalog, ConfigError, DEFAULT_PIPELINE, Event, ExportConfig, ExportKind, InputFormat,
    InputSource, Pipeline, PipelineConfig, PluginSearch, RunError, RunOptions,
};
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

/// Every document processed.
const SUCCESS: u8 = 0;
/// Some documents failed; the rest were exported.
const SOME_FAILED: u8 = 1;
/// Usage or configuration error.
const USAGE: u8 = 2;
/// Stopped by Ctrl-C (128 + SIGINT); what was done is written.
const INTERRUPTED: u8 = 130;

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
                || plugins::is_setup_error(&err)
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
    let plugin_search = PluginSearch::with_env(args.plugin_dir);
    match args.command {
        Command::Run(run) => run_pipeline(run, plugin_search),
        Command::Validate { pipelines } => validate(&pipelines, &plugin_search),
        Command::Plugins => plugins::list(&plugin_search),
        Command::Eval(args) => eval::run(args),
        Command::Check(args) => check::run(args),
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

fn run_pipeline(args: RunArgs, plugin_search: PluginSearch) -> anyhow::Result<u8> {
    let mut config = load_pipeline(args.pipeline.as_deref())?;
    if let Some(format) = args.format {
        config.input.format = match format {
            FormatArg::Auto => InputFormat::Auto,
            FormatArg::Text => InputFormat::Text,
            FormatArg::Jsonl => InputFormat::Jsonl,
            FormatArg::Conll => InputFormat::Conll,
        };
    }
    if args.lossy {
        config.input.lossy = true;
    }
    if let Some(name) = &args.export {
        let kind = ExportKind::from_name(name).ok_or_else(|| {
            UsageError(format!("unknown exporter `{name}` for --export; built-in exporters are json, jsonl, conll and csv, and a plugin's name is letters, digits, `-` and `_`"))
        })?;
        config.exports = vec![ExportConfig::new(
            kind,
            args.output.clone().unwrap_or_else(|| "-".into()),
        )];
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
    let pipeline = Pipeline::new(config).with_plugin_search(plugin_search);
    pipeline.ready().map_err(UsageError)?;
    let progress =
        (!args.quiet && std::io::stderr().is_terminal()).then(|| progress::Bar::new(&sources));
    let stop = interrupt::install();
    let options = RunOptions {
        threads: args.threads,
        stop: Some(stop),
    };
    let say = |line: String| match &progress {
        Some(bar) => bar.println(&line),
        None => eprintln!("{line}"),
    };
    let result = pipeline.run_with(&sources, &options, &mut |event| match event {
        Event::Failure(failure) => say(format!("kutip: {failure}")),
        Event::Warning(warning) => {
            if !args.quiet {
                say(format!("kutip: warning: {warning}"))
            }
        }
        Event::Progress(p) => {
            if let Some(bar) = &progress {
                bar.update(&p);
            }
        }
    });
    if let Some(bar) = progress {
        bar.finish();
    }
    let summary = match result {
        Ok(summary) => summary,
        // Found before any document was read: the message says it all, and it is a usage or
        // configuration problem (exit code 2).
        Err(e @ (RunError::OutputIsInput(_) | RunError::CreateOutput { .. })) => {
            return Err(UsageError(e.to_string()).into());
        }
        Err(e @ RunError::Plugin(_)) => return Err(e.into()),
        Err(e) => return Err(anyhow::Error::new(e).context("the run stopped")),
    };
    if summary.interrupted {
        let outputs: Vec<&str> = pipeline
            .config()
            .exports
            .iter()
            .map(|e| {
                if e.path == "-" {
                    "stdout"
                } else {
                    e.path.as_str()
                }
            })
            .collect();
        eprintln!(
            "kutip: interrupted: {} documents done and written to {}; the rest of the input was not read",
            summary.read,
            outputs.join(", ")
        );
    }
    if !args.quiet && (summary.read > 1 || !summary.failures.is_empty() || summary.interrupted) {
        eprintln!("{}", progress::summary_line(&summary));
    }
    if args.timings {
        eprint!("{}", progress::timings_table(&summary));
    }
    Ok(if summary.interrupted {
        INTERRUPTED
    } else if summary.failures.is_empty() {
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
        runs: args.runs as usize,
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

fn validate(paths: &[std::path::PathBuf], plugin_search: &PluginSearch) -> anyhow::Result<u8> {
    let mut failed = false;
    for path in paths {
        match load_pipeline(Some(path)) {
            Ok(config) if plugins::report_problems(&config, plugin_search) => failed = true,
            Ok(config) if Pipeline::new(config.clone()).ready().is_err() => {
                failed = true;
                let problems = Pipeline::new(config).ready().unwrap_err();
                eprintln!("{}: {problems}", path.display());
            }
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
                if d.role == "input" || d.role == "check" {
                    format!("[{}]", d.name)
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
    section("GOLDEN FILES (kutip check)", &[&catalog.check]);
    let _ = writeln!(
        out,
        "PLUGINS\n\n  Any other exporter type names an exporter plugin (html, sqlite, your own): a library\n  found by name in --plugin-dir / KUTIP_PLUGIN_PATH directories, or named by `plugin = \"path\"`.\n  `kutip plugins --plugin-dir DIR` lists them with their options. Every plugin also takes\n  `path` and `on_error`; see docs/plugins.md.\n"
    );
    String::from_utf8(out).expect("catalog text is UTF-8")
}
