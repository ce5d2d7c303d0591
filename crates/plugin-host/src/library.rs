//! Loading one plugin library and reading its declaration.

use crate::Error;
use crate::exporter::PluginExporter;
use kutip_plugin_api::OutputKind;
use kutip_plugin_api::abi::{
    ABI_VERSION, Bytes, CallFn, DECLARATION_V1_SIZE, DeclarationHeader, ENTRY_SYMBOL, EntryFn,
    ExportFn, OUTPUT_FILE, OUTPUT_STREAM, PluginDeclaration, StartFn, StopFn,
};
use libloading::Library;
use std::io::Write;
use std::mem::ManuallyDrop;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A loaded plugin library: who it is and its functions. The library stays loaded until the
/// process exits, so the functions stay valid for as long as anything can call them.
pub struct Plugin {
    name: String,
    version: String,
    description: String,
    options: String,
    path: PathBuf,
    output: OutputKind,
    pub(crate) functions: Functions,
    /// Never dropped: see the crate documentation.
    _library: ManuallyDrop<Library>,
}

/// The plugin's entry points, copied out of its declaration.
#[derive(Clone, Copy)]
pub(crate) struct Functions {
    pub(crate) start: StartFn,
    pub(crate) begin: CallFn,
    pub(crate) export: ExportFn,
    pub(crate) finish: CallFn,
    pub(crate) stop: StopFn,
}

impl std::fmt::Debug for Plugin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Plugin")
            .field("name", &self.name)
            .field("version", &self.version)
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

impl Plugin {
    /// Loads the library at `path` and checks that it is a kutip exporter plugin of this ABI
    /// version. Loading runs the library's initialisers: call this only for a library the user
    /// named.
    pub fn load(path: &Path) -> Result<Arc<Plugin>, Error> {
        let path = path.canonicalize().map_err(|_| Error::NoSuchFile {
            path: path.to_path_buf(),
        })?;
        if !path.is_file() {
            return Err(Error::NotALibrary {
                path,
                reason: "it is not a file".into(),
            });
        }
        // SAFETY: loading a library runs its initialisers, which may do anything; that is why
        // only libraries the user named are loaded (see the crate documentation). The path is
        // absolute, so the system loader does not search its own directories for it.
        let library = unsafe { Library::new(&path) }.map_err(|e| Error::NotALibrary {
            path: path.clone(),
            reason: loader_reason(&e),
        })?;
        // SAFETY: ABI contract: a library exporting `ENTRY_SYMBOL` exports it with type
        // `EntryFn`. The symbol's name is specific to kutip, so no unrelated library has it.
        let entry: EntryFn = match unsafe { library.get::<EntryFn>(ENTRY_SYMBOL.as_bytes()) } {
            Ok(symbol) => *symbol,
            Err(_) => return Err(Error::NotAPlugin { path }),
        };
        // SAFETY: the entry function takes nothing and returns a pointer to a static
        // declaration (ABI contract, every version); plugins built with `export_plugin!` cannot
        // fail or panic here.
        let declaration = unsafe { entry() };
        if declaration.is_null() {
            return Err(Error::Malformed {
                path,
                reason: "its entry function returned no declaration".into(),
            });
        }
        // SAFETY: every ABI version starts the declaration with the two `u32` fields of
        // `DeclarationHeader` (the promise that lets a host read the version of any plugin), and
        // the declaration is a static of the library, which stays loaded.
        let header = unsafe { declaration.cast::<DeclarationHeader>().read() };
        if header.abi_version != ABI_VERSION {
            return Err(Error::AbiMismatch {
                path,
                found: header.abi_version,
                supported: ABI_VERSION,
            });
        }
        if (header.size as usize) < DECLARATION_V1_SIZE {
            return Err(Error::Malformed {
                path,
                reason: format!(
                    "its declaration is {} bytes, ABI {ABI_VERSION} needs at least {DECLARATION_V1_SIZE}",
                    header.size,
                ),
            });
        }
        // SAFETY: the version is ours and the size covers every field of the ABI-1
        // declaration, which is all this host reads (fields appended within ABI 1 would be
        // read only when `size` covers them); it is a static of a library never unloaded.
        let declaration: &PluginDeclaration = unsafe { &*declaration };
        let text = |what: &str, bytes: Bytes| -> Result<String, Error> {
            // SAFETY: the declaration's strings point to static data of the loaded library
            // (ABI contract).
            let bytes = unsafe { bytes.as_slice() };
            String::from_utf8(bytes.to_vec()).map_err(|_| Error::Malformed {
                path: path.clone(),
                reason: format!("its {what} is not UTF-8"),
            })
        };
        let name = text("name", declaration.name)?;
        if name.is_empty()
            || !name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        {
            return Err(Error::Malformed {
                path,
                reason: format!(
                    "its name {name:?} is not letters, digits, `-` and `_` (it is used as `type = \"NAME\"`)"
                ),
            });
        }
        let output = match declaration.output {
            OUTPUT_STREAM => OutputKind::Stream,
            OUTPUT_FILE => OutputKind::File,
            other => {
                return Err(Error::Malformed {
                    path,
                    reason: format!("its output kind {other} is unknown"),
                });
            }
        };
        Ok(Arc::new(Plugin {
            version: text("version", declaration.version)?,
            description: text("description", declaration.description)?,
            options: text("options", declaration.options)?,
            name,
            output,
            functions: Functions {
                start: declaration.start,
                begin: declaration.begin,
                export: declaration.export,
                finish: declaration.finish,
                stop: declaration.stop,
            },
            path,
            _library: ManuallyDrop::new(library),
        }))
    }

    /// The name used in pipelines (`type = "NAME"`).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The plugin's own version.
    pub fn version(&self) -> &str {
        &self.version
    }

    /// The exporter ABI version it speaks (always [`ABI_VERSION`] once loaded).
    pub fn abi_version(&self) -> u32 {
        ABI_VERSION
    }

    /// One line on what it writes.
    pub fn description(&self) -> &str {
        &self.description
    }

    /// Its options, as free text.
    pub fn options(&self) -> &str {
        &self.options
    }

    /// The library's absolute path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether kutip opens the output or the plugin opens its file.
    pub fn output(&self) -> OutputKind {
        self.output
    }

    /// Starts an exporter with these options. `path` is the export's `path` as written; `output`
    /// is where a [`OutputKind::Stream`] plugin's bytes go (ignored for [`OutputKind::File`]
    /// plugins, which open `path` themselves).
    pub fn start(
        self: &Arc<Self>,
        options: &serde_json::Map<String, serde_json::Value>,
        path: &str,
        output: Option<Box<dyn Write + Send>>,
    ) -> Result<PluginExporter, Error> {
        if self.output == OutputKind::File && path == "-" {
            return Err(Error::NeedsPath {
                name: self.name.clone(),
            });
        }
        let output = match self.output {
            OutputKind::Stream => output,
            OutputKind::File => None,
        };
        PluginExporter::start(self.clone(), options, path, output)
    }
}

/// The loader's message, without the path it repeats.
fn loader_reason(e: &libloading::Error) -> String {
    let text = e.to_string();
    match text.rsplit_once(": ") {
        Some((_, reason)) if !reason.is_empty() => reason.to_string(),
        _ => text,
    }
}
