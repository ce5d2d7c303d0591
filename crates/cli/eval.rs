//! `kutip eval`: run a pipeline over a gold file's tokens and score its labels.

use crate::args::EvalArgs;
use crate::{UsageError, load_pipeline};
use anyhow::Context;
use kutip_export::ConllConfig;
use kutip_pipeline::{ExportConfig, ExportKind, InputFormat, InputSource, Pipeline};
use std::io::Write;

pub fn run(args: EvalArgs) -> anyhow::Result<u8> {
    let gold = std::fs::read_to_string(&args.gold).map_err(|e| {
        UsageError(format!(
            "cannot read gold file {}: {e}",
            args.gold.display()
        ))
    })?;
    let pred = match &args.pred {
        Some(path) => std::fs::read_to_string(path).map_err(|e| {
            UsageError(format!(
                "cannot read prediction file {}: {e}",
                path.display()
            ))
        })?,
        None => predict(&args)?,
    };
    let scores = kutip_eval::score_str(&gold, &pred)
        .with_context(|| format!("comparing with {}", args.gold.display()))?;
    // Written, not printed: `kutip eval … | head` closes the pipe, which is no error.
    let mut out = std::io::stdout().lock();
    if args.json {
        writeln!(out, "{}", serde_json::to_string_pretty(&scores)?)?;
    } else {
        write!(out, "{scores}")?;
    }
    Ok(0)
}

/// Runs the pipeline over the gold file with its `conll` exporter writing to a file; returns it.
fn predict(args: &EvalArgs) -> anyhow::Result<String> {
    let mut config = load_pipeline(args.pipeline.as_deref())?;
    config.input.format = InputFormat::Conll;
    let conll = match config
        .exports
        .iter()
        .find(|e| matches!(e.kind, ExportKind::Conll(_)))
    {
        Some(e) => e.kind.clone(),
        None if args.pipeline.is_none() => ExportKind::Conll(Box::new(ConllConfig {
            encoding: kutip_export::Encoding::Bio,
            labels: vec!["PER".into(), "ORG".into(), "LOC".into()],
            ..ConllConfig::default()
        })),
        None => {
            return Err(UsageError("the pipeline has no `conll` exporter, so it writes no labels to score; add one (see pipelines/pfsa-id.toml)".into()).into());
        }
    };
    let keep = args.save.is_some();
    let path = args.save.clone().unwrap_or_else(|| {
        std::env::temp_dir().join(format!("kutip-eval-{}.conll", std::process::id()))
    });
    config.exports = vec![ExportConfig::new(conll, path.display().to_string())];
    let pipeline = Pipeline::new(config);
    pipeline.ready().map_err(UsageError)?;
    let summary = pipeline
        .run(&[InputSource::File(args.gold.clone())], &mut |failure| {
            eprintln!("kutip: {failure}")
        })
        .context("the evaluation run stopped")?;
    if !summary.failures.is_empty() {
        anyhow::bail!(
            "{} documents of {} failed; their lines are missing from the prediction",
            summary.failures.len(),
            args.gold.display()
        );
    }
    let pred =
        std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    if !keep {
        let _ = std::fs::remove_file(&path);
    }
    Ok(pred)
}
