//! Loads kutip exporter plugins and makes each one an ordinary [`kutip_core::Exporter`].
//!
//! A plugin is a shared library built with `kutip-plugin-api` (ABI version
//! [`kutip_plugin_api::ABI_VERSION`]). Loading a library runs its code, so this crate loads only
//! what the user named: a library path (`plugin = "…"` in a pipeline), or a library found by
//! name in a directory the user gave (`--plugin-dir`, `KUTIP_PLUGIN_PATH`) — never a system or
//! default location. It checks the declared ABI version before it touches anything else, keeps
//! every library loaded until the process exits (unloading Rust code that may have registered
//! thread-local destructors is not safe), and reports every problem as a typed [`Error`] that
//! names the library's path.
//!
//! ```no_run
//! use kutip_core::{Document, Exporter};
//! use kutip_plugin_host::{PluginSearch, Plugins};
//!
//! let mut plugins = Plugins::new(PluginSearch::with_env(vec!["target/release".into()]));
//! let html = plugins.get("html", None)?; // finds target/release/libkutip_html.so
//! let out = std::fs::File::create("report.html").unwrap();
//! let mut exporter = html.start(&serde_json::Map::new(), "report.html", Some(Box::new(out)))?;
//! exporter.begin()?;
//! exporter.export(&Document::new("a", "Halo."))?;
//! exporter.finish()?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![deny(missing_docs)]

mod error;
mod exporter;
mod library;
mod search;

pub use error::Error;
pub use exporter::PluginExporter;
pub use kutip_plugin_api::{ABI_VERSION, OutputKind};
pub use library::Plugin;
pub use search::PluginSearch;

use std::path::Path;
use std::sync::Arc;

/// The plugins of one run: found through a [`PluginSearch`], each library loaded once.
#[derive(Default)]
pub struct Plugins {
    search: PluginSearch,
    loaded: Vec<Arc<Plugin>>,
}

impl Plugins {
    /// Plugins found through `search`.
    pub fn new(search: PluginSearch) -> Plugins {
        Plugins {
            search,
            loaded: Vec::new(),
        }
    }

    /// Where plugins are looked for by name.
    pub fn search(&self) -> &PluginSearch {
        &self.search
    }

    /// The plugin called `name`: loaded from `library` when given, else found by name in the
    /// search directories. Loading the same library twice returns the same plugin; two
    /// different libraries declaring the same name are an [`Error::Duplicate`].
    pub fn get(&mut self, name: &str, library: Option<&Path>) -> Result<Arc<Plugin>, Error> {
        let path = match library {
            Some(path) => path.to_path_buf(),
            None => {
                if let Some(loaded) = self.loaded.iter().find(|p| p.name() == name) {
                    return Ok(loaded.clone());
                }
                self.search.find(name)?
            }
        };
        let canonical = path
            .canonicalize()
            .map_err(|_| Error::NoSuchFile { path: path.clone() })?;
        if let Some(loaded) = self.loaded.iter().find(|p| p.path() == canonical) {
            return check_name(loaded.clone(), name);
        }
        let plugin = check_name(Plugin::load(&canonical)?, name)?;
        if let Some(other) = self.loaded.iter().find(|p| p.name() == plugin.name()) {
            return Err(Error::Duplicate {
                name: name.to_string(),
                first: other.path().to_path_buf(),
                second: plugin.path().to_path_buf(),
            });
        }
        self.loaded.push(plugin.clone());
        Ok(plugin)
    }
}

fn check_name(plugin: Arc<Plugin>, expected: &str) -> Result<Arc<Plugin>, Error> {
    if plugin.name() == expected {
        Ok(plugin)
    } else {
        Err(Error::WrongName {
            path: plugin.path().to_path_buf(),
            expected: expected.to_string(),
            found: plugin.name().to_string(),
        })
    }
}
