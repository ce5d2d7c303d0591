//! The exporter plugin ABI of kutip, version 1, and the safe Rust side of it for plugin authors.
//!
//! A kutip exporter plugin is a C-compatible shared library (a Rust `cdylib`) that kutip loads
//! at run time. It lets users write their results anywhere — a database, a report, a message
//! queue — without touching kutip's code. This crate is everything a plugin depends on:
//!
//! * the **safe side**: implement [`ExporterPlugin`] for a type, call [`export_plugin!`] once,
//!   and build with `crate-type = ["cdylib"]`. Documents arrive as [`wire::WireDocument`]s, the
//!   same `kutip/1` JSON contract the `json` exporter writes, so there is nothing else to learn;
//! * the **C side** ([`abi`]): what actually crosses the boundary. Only `extern "C"` functions,
//!   `#[repr(C)]` structs and byte slices (pointer + length) cross it; the document crosses as
//!   `kutip/1` JSON bytes; errors come back as UTF-8 into a buffer the host owns; memory is
//!   always freed on the side that allocated it; no Rust trait object ever crosses, so a plugin
//!   and kutip need not be built by the same compiler.
//!
//! Every call into the plugin is wrapped in [`std::panic::catch_unwind`]: a panicking plugin
//! reports the panic's message and place as an error, it never unwinds into kutip.
//!
//! ```
//! use kutip_plugin_api::{ExporterPlugin, Output, PluginError, Start, export_plugin, wire};
//! use std::io::Write;
//!
//! /// Writes one line per quote: who, then what.
//! pub struct WhoSaidWhat {
//!     out: Output,
//! }
//!
//! impl ExporterPlugin for WhoSaidWhat {
//!     const NAME: &'static str = "who-said-what";
//!     const DESCRIPTION: &'static str = "One line per quote: speaker, a tab, the words.";
//!
//!     fn start(start: Start) -> Result<Self, PluginError> {
//!         if let Some(option) = start.options().keys().next() {
//!             return Err(PluginError::msg(format!("unknown option `{option}`: there are none")));
//!         }
//!         Ok(WhoSaidWhat { out: start.output })
//!     }
//!
//!     fn export(&mut self, doc: &wire::WireDocument<'_>) -> Result<(), PluginError> {
//!         for quote in &doc.quotes {
//!             let who = quote.speaker.as_ref().and_then(|s| s.name.as_deref()).unwrap_or("?");
//!             writeln!(self.out, "{who}\t{}", quote.content.text)?;
//!         }
//!         Ok(())
//!     }
//! }
//!
//! export_plugin!(WhoSaidWhat);
//! ```
//!
//! # The compatibility promise of ABI 1
//!
//! A plugin built against any `kutip-plugin-api` 0.x that speaks ABI 1 loads in every kutip that
//! supports ABI 1. Within ABI 1 the structs in [`abi`] only grow at their end (each carries its
//! own size, so both sides can tell which fields the other knows), the meaning of existing
//! fields and status codes never changes, and documents stay `kutip/1` (which may gain fields at
//! the end of an object, never lose or rename one: `topic` on a document and `location`/`event`
//! on a quote were added that way, and [`wire::WireDocument`] reads them as `None` from older
//! output). Anything else is a new ABI version, and kutip
//! refuses a plugin built for another version with a message saying which one to rebuild against.
#![deny(missing_docs)]

pub mod abi;
mod shim;

use std::fmt;
use std::io::Write;

pub use kutip_core::SCHEMA;
/// The `kutip/1` document types plugins receive (re-exported from `kutip-core`).
pub mod wire {
    pub use kutip_core::wire::*;
    pub use kutip_core::{BoilerplateKind, EntityLabel, Meta, QuoteKind};
}

#[doc(hidden)]
pub use shim::declaration;

/// The exporter ABI version this crate speaks.
pub const ABI_VERSION: u32 = abi::ABI_VERSION;

/// An exporter that kutip loads at run time. Implement it, then call [`export_plugin!`].
///
/// kutip calls [`start`](ExporterPlugin::start) once per `[[export]]` table that uses the
/// plugin, then [`begin`](ExporterPlugin::begin), [`export`](ExporterPlugin::export) for every
/// document in input order, and [`finish`](ExporterPlugin::finish); the value is dropped
/// afterwards (also when the run stops early, without `finish`). An error from `export` fails that
/// document only: kutip reports it with the document id and goes on (unless the pipeline says
/// `on_error = "stop"`). A panic is caught and reported like an error.
pub trait ExporterPlugin: Sized + Send + 'static {
    /// The name used in pipelines (`type = "NAME"`). Lowercase letters, digits, `-` and `_`.
    /// Name the package `kutip-NAME` so its library is found by name in a plugin directory.
    const NAME: &'static str;
    /// One line on what the plugin writes, shown by `kutip plugins`.
    const DESCRIPTION: &'static str;
    /// The options the plugin reads from its `[[export]]` table, for `kutip plugins` (free text,
    /// one option per line is a good layout).
    const OPTIONS: &'static str = "";
    /// Whether kutip opens the output for the plugin ([`OutputKind::Stream`]) or the plugin
    /// opens the file at [`Start::path`] itself ([`OutputKind::File`], for databases).
    const OUTPUT: OutputKind = OutputKind::Stream;

    /// Builds the exporter from its options. Refuse bad options here, with a message that names
    /// the option: the run has not read any document yet.
    fn start(start: Start) -> Result<Self, PluginError>;

    /// Called once before the first document.
    fn begin(&mut self) -> Result<(), PluginError> {
        Ok(())
    }

    /// Writes one document.
    fn export(&mut self, doc: &wire::WireDocument<'_>) -> Result<(), PluginError>;

    /// Called once after the last document: flush and close.
    fn finish(&mut self) -> Result<(), PluginError> {
        Ok(())
    }
}

/// Who opens the output.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutputKind {
    /// kutip opens the output (a file written under a temporary name and renamed when complete,
    /// or stdout for `path = "-"`) and the plugin writes bytes to [`Start::output`].
    Stream,
    /// The plugin opens [`Start::path`] itself; `path = "-"` is refused before the run.
    File,
}

/// What [`ExporterPlugin::start`] gets.
pub struct Start {
    options: serde_json::Map<String, serde_json::Value>,
    /// The `path` of the `[[export]]` table as written (`-` means stdout).
    pub path: String,
    /// Where a [`OutputKind::Stream`] plugin writes. For a [`OutputKind::File`] plugin, writing
    /// here fails.
    pub output: Output,
}

impl Start {
    /// The plugin's options: every key of its `[[export]]` table except `type`, `path`, `plugin`
    /// and `on_error`, as JSON.
    pub fn options(&self) -> &serde_json::Map<String, serde_json::Value> {
        &self.options
    }

    /// The options read into a typed struct. Use `#[serde(deny_unknown_fields)]` on it so a
    /// misspelt option is an error instead of being ignored.
    pub fn options_as<T: serde::de::DeserializeOwned>(&self) -> Result<T, PluginError> {
        serde_json::from_value(serde_json::Value::Object(self.options.clone()))
            .map_err(|e| PluginError::msg(format!("bad options: {e}")))
    }
}

/// The bytes a [`OutputKind::Stream`] plugin writes, passed to kutip as they come. Buffer on your
/// side (e.g. with [`std::io::BufWriter`]) when you write many small pieces.
pub struct Output {
    sink: Option<abi::Sink>,
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.write_all(buf).map(|()| buf.len())
    }

    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        match &self.sink {
            None => Err(std::io::Error::other(
                "this plugin opens its own file (OUTPUT = File); kutip gives it no output stream",
            )),
            Some(sink) => shim::write_to_sink(sink, buf),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Why a plugin call failed: a message for the user. Any error type converts into it with `?`
/// (its sources are appended), and [`PluginError::msg`] makes one from text.
pub struct PluginError {
    message: String,
}

impl PluginError {
    /// An error with this message.
    pub fn msg(message: impl fmt::Display) -> PluginError {
        PluginError {
            message: message.to_string(),
        }
    }

    /// The message.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl<E: std::error::Error> From<E> for PluginError {
    fn from(e: E) -> PluginError {
        let mut message = e.to_string();
        let mut source = e.source();
        while let Some(s) = source {
            message.push_str(": ");
            message.push_str(&s.to_string());
            source = s.source();
        }
        PluginError { message }
    }
}

impl fmt::Display for PluginError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl fmt::Debug for PluginError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.message, f)
    }
}

/// Exports a type implementing [`ExporterPlugin`] as this library's kutip plugin: defines the
/// one entry symbol kutip looks for ([`abi::ENTRY_SYMBOL`]). Call it exactly once per library.
///
/// ```ignore
/// kutip_plugin_api::export_plugin!(MyExporter);
/// ```
#[macro_export]
macro_rules! export_plugin {
    ($plugin:ty) => {
        $crate::export_plugin!(@abi $crate::abi::ABI_VERSION, $plugin);
    };
    // Not for plugin authors: lets kutip's tests build a plugin that claims another ABI version.
    (@abi $version:expr, $plugin:ty) => {
        /// The kutip plugin entry point: returns this library's plugin declaration.
        // SAFETY: `no_mangle` exports this one symbol under the fixed name kutip looks up; the
        // name is reserved for kutip plugins, so it clashes with nothing else in a plugin.
        #[unsafe(no_mangle)]
        pub extern "C" fn kutip_exporter_plugin() -> *const $crate::abi::PluginDeclaration {
            static DECLARATION: $crate::abi::PluginDeclaration =
                $crate::declaration::<$plugin>($version, env!("CARGO_PKG_VERSION"));
            &DECLARATION
        }
    };
}
