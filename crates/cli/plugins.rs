//! `kutip plugins`, and the plugin checks of `kutip validate` and `kutip run`.

use kutip_pipeline::{PipelineConfig, PluginSearch, RunError, check_plugins};
use kutip_plugin_host::Plugin;
use std::collections::BTreeMap;
use std::io::Write;

/// Lists every plugin library in the search directories.
pub fn list(search: &PluginSearch) -> anyhow::Result<u8> {
    if search.dirs().is_empty() {
        eprintln!(
            "kutip: no plugin directories: give one with --plugin-dir DIR or set {} (directories separated like PATH)",
            PluginSearch::ENV
        );
        return Ok(0);
    }
    let mut failed = false;
    let mut seen: BTreeMap<String, std::path::PathBuf> = BTreeMap::new();
    let mut found: Vec<std::sync::Arc<Plugin>> = Vec::new();
    for path in search.candidates() {
        match Plugin::load(&path) {
            Ok(plugin) => {
                if let Some(first) = seen.get(plugin.name()) {
                    failed = true;
                    eprintln!(
                        "kutip: {}",
                        kutip_plugin_host::Error::Duplicate {
                            name: plugin.name().to_string(),
                            first: first.clone(),
                            second: plugin.path().to_path_buf(),
                        }
                    );
                    continue;
                }
                seen.insert(plugin.name().to_string(), plugin.path().to_path_buf());
                found.push(plugin);
            }
            Err(e) => {
                failed = true;
                eprintln!("kutip: {e}");
            }
        }
    }
    let mut out = std::io::stdout().lock();
    let width = found.iter().map(|p| p.name().len()).max().unwrap_or(0);
    for p in &found {
        writeln!(
            out,
            "{:width$}  {}  ABI {}  {}",
            p.name(),
            p.version(),
            p.abi_version(),
            p.path().display()
        )?;
        writeln!(out, "{:width$}  {}", "", p.description())?;
        for line in p.options().lines() {
            writeln!(out, "{:width$}    {line}", "")?;
        }
    }
    if found.is_empty() {
        eprintln!(
            "kutip: no plugins in {} (a plugin NAME is the file {})",
            search
                .dirs()
                .iter()
                .map(|d| d.display().to_string())
                .collect::<Vec<_>>()
                .join(", "),
            PluginSearch::file_name("NAME")
        );
    }
    Ok(u8::from(failed))
}

/// Prints every plugin problem of a pipeline on stderr; true when there was one.
pub fn report_problems(config: &PipelineConfig, search: &PluginSearch) -> bool {
    let problems = check_plugins(config, search);
    for p in &problems {
        eprintln!("{p}");
    }
    !problems.is_empty()
}

/// A plugin that could not be found, loaded or started: a setup problem (exit code 2), found
/// before any document was read.
pub fn is_setup_error(err: &anyhow::Error) -> bool {
    err.chain()
        .any(|e| matches!(e.downcast_ref::<RunError>(), Some(RunError::Plugin(_))))
}
