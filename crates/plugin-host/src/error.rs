//! Everything that can go wrong with a plugin, each with the library's path.

use std::path::PathBuf;

/// Why a plugin could not be found, loaded or started.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// No library for this name in any search directory.
    #[error("no plugin named `{name}`: looked for {file} in {}", places(searched))]
    NotFound {
        /// The plugin name asked for.
        name: String,
        /// The file name looked for.
        file: String,
        /// The directories searched, in order.
        searched: Vec<PathBuf>,
    },
    /// A library path that does not exist.
    #[error("plugin library {} does not exist", path.display())]
    NoSuchFile {
        /// The path as given.
        path: PathBuf,
    },
    /// The file is not a shared library this system can load.
    #[error("{} is not a loadable library: {reason}", path.display())]
    NotALibrary {
        /// The file.
        path: PathBuf,
        /// The loader's explanation.
        reason: String,
    },
    /// A library without the plugin entry symbol.
    #[error(
        "{} is not a kutip exporter plugin: it has no `{}` symbol (a plugin calls `kutip_plugin_api::export_plugin!`)",
        path.display(),
        kutip_plugin_api::abi::ENTRY_SYMBOL
    )]
    NotAPlugin {
        /// The library.
        path: PathBuf,
    },
    /// A plugin built for another ABI version.
    #[error(
        "{} was built for exporter ABI {found}, this kutip supports ABI {supported} — rebuild it against kutip-plugin-api {}{}",
        path.display(),
        api_version(),
        if *found > *supported { " (or use a newer kutip)" } else { "" }
    )]
    AbiMismatch {
        /// The library.
        path: PathBuf,
        /// The ABI version it declares.
        found: u32,
        /// The ABI version this kutip speaks.
        supported: u32,
    },
    /// A declaration that does not hold what ABI 1 promises.
    #[error("{} has a malformed plugin declaration: {reason}", path.display())]
    Malformed {
        /// The library.
        path: PathBuf,
        /// What is wrong.
        reason: String,
    },
    /// Two libraries declare the same plugin name.
    #[error(
        "two plugins are named `{name}`: {} and {}; remove one, or name the library with `plugin = \"…\"`",
        first.display(),
        second.display()
    )]
    Duplicate {
        /// The name.
        name: String,
        /// One library.
        first: PathBuf,
        /// The other.
        second: PathBuf,
    },
    /// A library that is a different plugin than the one asked for.
    #[error("{} is the plugin `{found}`, not `{expected}`", path.display())]
    WrongName {
        /// The library.
        path: PathBuf,
        /// The name asked for.
        expected: String,
        /// The name it declares.
        found: String,
    },
    /// A plugin that writes its own file was given stdout.
    #[error(
        "plugin `{name}` writes its own file, so it needs a `path` to a file, not \"-\" (stdout)"
    )]
    NeedsPath {
        /// The plugin.
        name: String,
    },
    /// The plugin refused to start (bad options, output it cannot open).
    #[error("plugin `{name}` ({}) failed to start: {message}", path.display())]
    StartFailed {
        /// The plugin.
        name: String,
        /// Its library.
        path: PathBuf,
        /// The plugin's message.
        message: String,
    },
    /// The plugin panicked; the panic was caught inside the plugin.
    #[error("plugin `{name}` ({}) panicked in `{call}`: {message}", path.display())]
    Panicked {
        /// The plugin.
        name: String,
        /// Its library.
        path: PathBuf,
        /// The call that panicked: `start`, `begin`, `export` or `finish`.
        call: &'static str,
        /// The panic message and place.
        message: String,
    },
}

fn places(dirs: &[PathBuf]) -> String {
    if dirs.is_empty() {
        return "no directory: none was given (use --plugin-dir DIR or KUTIP_PLUGIN_PATH, or name the library with `plugin = \"path/to/lib\"`)".into();
    }
    dirs.iter()
        .map(|d| d.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// "0.1": the kutip-plugin-api release line that speaks this kutip's ABI.
fn api_version() -> String {
    let version = env!("CARGO_PKG_VERSION");
    let mut parts = version.split('.');
    match (parts.next(), parts.next()) {
        (Some("0"), Some(minor)) => format!("0.{minor}"),
        (Some(major), _) => major.to_string(),
        _ => version.to_string(),
    }
}
