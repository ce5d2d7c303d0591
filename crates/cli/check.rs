//! `kutip check`: golden files for pipeline authors.

use crate::args::{CheckArgs, CheckFormat};
use crate::{UsageError, load_pipeline};
use kutip_check::{Golden, Status, check_input, golden_inputs, golden_kinds};
use kutip_pipeline::Pipeline;
use std::io::{BufRead, IsTerminal, Write};

pub fn run(args: CheckArgs) -> anyhow::Result<u8> {
    let config = load_pipeline(args.pipeline.as_deref())?;
    let pipeline = Pipeline::new(config);
    pipeline.ready().map_err(UsageError)?;
    let kinds = golden_kinds(&pipeline);
    let inputs = golden_inputs(&args.dirs, &pipeline.config().check, &kinds)
        .map_err(|e| UsageError(e.to_string()))?;
    if inputs.is_empty() {
        return Err(UsageError(format!(
            "no inputs (.txt, .jsonl, .conll, .bio) under {}",
            args.dirs
                .iter()
                .map(|d| d.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        ))
        .into());
    }
    let color = args.format == CheckFormat::Text
        && std::io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none();
    let mut goldens = Vec::new();
    let mut errors = Vec::new();
    for input in &inputs {
        match check_input(&pipeline, input) {
            Ok(g) => goldens.extend(g),
            Err(e) => errors.push(format!("{}: {e}", input.display())),
        }
    }
    let mut stdin = std::io::stdin().lock();
    let mut out = std::io::stdout().lock();
    let (mut unchanged, mut changed, mut new, mut written) = (0, 0, 0, 0);
    let mut accept_all = false;
    for g in &goldens {
        match g.status {
            Status::Unchanged => unchanged += 1,
            Status::Changed => changed += 1,
            Status::New => new += 1,
        }
        if g.status == Status::Unchanged {
            continue;
        }
        if args.format == CheckFormat::Text {
            show(&mut out, g, color)?;
        }
        let accept = if args.update || accept_all {
            true
        } else if args.review {
            match ask(&mut out, &mut stdin)? {
                Answer::Yes => true,
                Answer::All => {
                    accept_all = true;
                    true
                }
                Answer::No => false,
                Answer::Quit => break,
            }
        } else {
            false
        };
        if accept {
            g.write()
                .map_err(|e| anyhow::anyhow!("cannot write {}: {e}", g.path.display()))?;
            written += 1;
            if args.format == CheckFormat::Text {
                writeln!(out, "  wrote {}", g.path.display())?;
            }
        }
    }
    for e in &errors {
        eprintln!("kutip: {e}");
    }
    let pending = changed + new - written;
    if args.format == CheckFormat::Json {
        let summary = serde_json::json!({
            "unchanged": unchanged,
            "changed": changed,
            "new": new,
            "written": written,
            "failed": errors.len(),
            "files": goldens.iter().filter(|g| g.status != Status::Unchanged).collect::<Vec<&Golden>>(),
            "errors": errors,
        });
        writeln!(out, "{}", serde_json::to_string_pretty(&summary)?)?;
    } else {
        let mut line = format!("{unchanged} unchanged, {changed} changed, {new} new");
        if written > 0 {
            line.push_str(&format!(", {written} written"));
        }
        if !errors.is_empty() {
            line.push_str(&format!(", {} failed", errors.len()));
        }
        writeln!(out, "{line}")?;
        if pending > 0 && !args.update && !args.review {
            writeln!(
                out,
                "run `kutip check --update` to accept all, or `--review` to go through them"
            )?;
        }
    }
    Ok(if pending > 0 || !errors.is_empty() {
        1
    } else {
        0
    })
}

fn paint(color: bool, code: &str, text: &str) -> String {
    if color {
        format!("\x1b[{code}m{text}\x1b[0m")
    } else {
        text.to_string()
    }
}

fn show(out: &mut impl Write, g: &Golden, color: bool) -> std::io::Result<()> {
    let status = match g.status {
        Status::New => paint(color, "36", "new"),
        _ => paint(color, "33", "changed"),
    };
    writeln!(out, "{status}: {}", g.path.display())?;
    if g.status == Status::New {
        return Ok(());
    }
    if g.changes.is_empty() {
        if let Some(diff) = &g.line_diff {
            for line in diff.lines() {
                let code = match line.chars().next() {
                    Some('+') => "32",
                    Some('-') => "31",
                    Some('@') => "36",
                    _ => "0",
                };
                writeln!(out, "  {}", paint(color, code, line))?;
            }
        }
    }
    for c in &g.changes {
        let code = match c.sign() {
            '+' => "32",
            '-' => "31",
            _ => "33",
        };
        writeln!(out, "  {} {}", paint(color, code, &c.sign().to_string()), c)?;
    }
    Ok(())
}

enum Answer {
    Yes,
    No,
    All,
    Quit,
}

fn ask(out: &mut impl Write, input: &mut impl BufRead) -> std::io::Result<Answer> {
    loop {
        write!(out, "  accept? [y]es, [n]o, [a]ll, [q]uit: ")?;
        out.flush()?;
        let mut line = String::new();
        if input.read_line(&mut line)? == 0 {
            writeln!(out)?;
            return Ok(Answer::Quit);
        }
        match line.trim().to_ascii_lowercase().as_str() {
            "y" | "yes" => return Ok(Answer::Yes),
            "n" | "no" => return Ok(Answer::No),
            "a" | "all" => return Ok(Answer::All),
            "q" | "quit" => return Ok(Answer::Quit),
            _ => writeln!(out, "  please answer y, n, a or q")?,
        }
    }
}
