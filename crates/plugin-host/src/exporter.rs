//! A started plugin, seen by the runner as one more [`Exporter`].

use crate::{Error, Plugin};
use kutip_core::wire::WireDocument;
use kutip_core::{Document, ExportError, Exporter};
use kutip_plugin_api::abi::{
    Bytes, ErrorBuffer, STATUS_ERROR, STATUS_OK, STATUS_PANICKED, Sink, StartArgs, Status,
};
use std::ffi::c_void;
use std::io::Write;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;

/// Room for a plugin's error message; longer ones are cut at a character boundary.
const ERROR_CAPACITY: usize = 8 * 1024;

/// A running plugin exporter. Documents cross as `kutip/1` JSON; a plugin's error or panic on a
/// document comes back as that document's [`ExportError`]; an output that cannot be written
/// comes back as [`ExportError::Io`]. Dropping it frees the plugin's instance.
pub struct PluginExporter {
    plugin: Arc<Plugin>,
    /// The plugin's instance, made by its `start` and freed by its `stop`.
    instance: *mut c_void,
    /// The stream the plugin writes to, owned here (made by `Box::into_raw`, freed in `drop`
    /// after the plugin's `stop`) and reached by the plugin only through `sink_write`.
    sink: *mut SinkState,
    /// The document being exported, as JSON (reused between documents).
    json: Vec<u8>,
    /// The buffer plugins copy error messages into.
    error: Vec<u8>,
}

// SAFETY: the instance is a `Box<P>` with `P: Send` on the plugin side (`ExporterPlugin:
// Send`), and the sink state holds a `Box<dyn Write + Send>`. Both are reached only through
// `&mut self`, so moving the exporter to another thread moves sole access with it.
unsafe impl Send for PluginExporter {}

/// The host's side of a stream plugin's output.
struct SinkState {
    writer: Option<Box<dyn Write + Send>>,
    /// The first write error, reported by the host itself as an I/O failure.
    error: Option<std::io::Error>,
}

/// How one call into the plugin ended.
#[derive(Debug, PartialEq, Eq)]
enum Outcome {
    Ok,
    Failed(String),
    Panicked(String),
}

/// What a plugin's status and error bytes mean. The bytes should be UTF-8; a plugin that breaks
/// that promise still has its message shown, with the invalid bytes replaced.
fn outcome(status: Status, error: &[u8]) -> Outcome {
    let message = String::from_utf8_lossy(error).into_owned();
    match status {
        STATUS_OK => Outcome::Ok,
        STATUS_ERROR => Outcome::Failed(message),
        STATUS_PANICKED => Outcome::Panicked(message),
        other => Outcome::Failed(format!("returned the unknown status {other} ({message})")),
    }
}

impl PluginExporter {
    pub(crate) fn start(
        plugin: Arc<Plugin>,
        options: &serde_json::Map<String, serde_json::Value>,
        path: &str,
        output: Option<Box<dyn Write + Send>>,
    ) -> Result<PluginExporter, Error> {
        let has_output = output.is_some();
        let sink = Box::into_raw(Box::new(SinkState {
            writer: output,
            error: None,
        }));
        let mut exporter = PluginExporter {
            plugin,
            instance: std::ptr::null_mut(),
            sink,
            json: Vec::new(),
            error: Vec::with_capacity(ERROR_CAPACITY),
        };
        let options = serde_json::to_vec(options).expect("a JSON map serialises");
        let host_version = env!("CARGO_PKG_VERSION");
        let args = StartArgs {
            size: size_of::<StartArgs>() as u32,
            options: Bytes::from_slice(&options),
            path: Bytes::from_slice(path.as_bytes()),
            sink: Sink {
                context: sink.cast(),
                write: if has_output { Some(sink_write) } else { None },
            },
            host_version: Bytes::from_slice(host_version.as_bytes()),
        };
        let start = exporter.plugin.functions.start;
        let mut instance = std::ptr::null_mut();
        let outcome = exporter.call(|error| {
            // SAFETY: `args` and everything it borrows live until this call returns; `instance`
            // is a valid place for the pointer; `error` is our buffer (see `call`). The sink
            // state stays valid until `drop`, after the plugin's `stop`.
            unsafe { start(&args, &mut instance, error) }
        });
        exporter.instance = instance;
        let (name, path) = (
            exporter.plugin.name().to_string(),
            exporter.plugin.path().to_path_buf(),
        );
        match outcome {
            Outcome::Ok if !instance.is_null() => Ok(exporter),
            Outcome::Ok => Err(Error::Malformed {
                path,
                reason: "its start function returned no instance".into(),
            }),
            Outcome::Failed(message) => Err(Error::StartFailed {
                name,
                path,
                message,
            }),
            Outcome::Panicked(message) => Err(Error::Panicked {
                name,
                path,
                call: "start",
                message,
            }),
        }
    }

    /// The plugin this exporter runs.
    pub fn plugin(&self) -> &Arc<Plugin> {
        &self.plugin
    }

    /// Runs one call with a fresh error buffer and reads back the outcome.
    fn call(&mut self, f: impl FnOnce(*mut ErrorBuffer) -> Status) -> Outcome {
        self.error.clear();
        let mut buffer = ErrorBuffer {
            ptr: self.error.as_mut_ptr(),
            capacity: self.error.capacity(),
            len: 0,
        };
        let status = f(&mut buffer);
        let len = buffer.len.min(self.error.capacity());
        // SAFETY: the plugin wrote `len` bytes (at most the capacity, enforced by `min`) into
        // the vector's spare capacity; bytes are always initialised values.
        unsafe { self.error.set_len(len) };
        outcome(status, &self.error)
    }

    /// Turns an outcome into the exporter's error, preferring a failed write of the output.
    fn result(&mut self, call: &str, outcome: Outcome) -> Result<(), ExportError> {
        // SAFETY: `sink` was made by `Box::into_raw` in `start` and is freed only in `drop`; the
        // plugin is not running (we are between calls), so this is the only access.
        let state = unsafe { &mut *self.sink };
        if let Some(e) = state.error.take() {
            return Err(ExportError::Io(e));
        }
        match outcome {
            Outcome::Ok => Ok(()),
            Outcome::Failed(message) if call == "export" => Err(ExportError::Other(message)),
            Outcome::Failed(message) => Err(ExportError::Other(format!("in `{call}`: {message}"))),
            Outcome::Panicked(message) => Err(ExportError::Other(format!(
                "plugin panicked in `{call}`: {message}"
            ))),
        }
    }
}

impl Exporter for PluginExporter {
    fn name(&self) -> &str {
        self.plugin.name()
    }

    fn begin(&mut self) -> Result<(), ExportError> {
        let (begin, instance) = (self.plugin.functions.begin, self.instance);
        // SAFETY: `instance` came from the plugin's `start` and is not yet stopped; one call at
        // a time (we hold `&mut self`).
        let outcome = self.call(|error| unsafe { begin(instance, error) });
        self.result("begin", outcome)
    }

    fn export(&mut self, doc: &Document) -> Result<(), ExportError> {
        self.json.clear();
        serde_json::to_writer(&mut self.json, &WireDocument::from_document(doc))?;
        let (export, instance) = (self.plugin.functions.export, self.instance);
        let document = Bytes::from_slice(&self.json);
        // SAFETY: as in `begin`; the document bytes live in `self.json`, untouched until the
        // call returns.
        let outcome = self.call(|error| unsafe { export(instance, document, error) });
        self.result("export", outcome)
    }

    fn finish(&mut self) -> Result<(), ExportError> {
        let (finish, instance) = (self.plugin.functions.finish, self.instance);
        // SAFETY: as in `begin`.
        let outcome = self.call(|error| unsafe { finish(instance, error) });
        self.result("finish", outcome)?;
        // SAFETY: as in `result`: between calls, the only access to the sink state.
        let state = unsafe { &mut *self.sink };
        if let Some(writer) = state.writer.as_mut() {
            writer.flush()?;
        }
        Ok(())
    }
}

impl Drop for PluginExporter {
    fn drop(&mut self) {
        if !self.instance.is_null() {
            // SAFETY: the instance came from the plugin's `start` and is stopped exactly once,
            // here; the sink it may still write to (a buffered writer flushing on drop) is freed
            // only below.
            unsafe { (self.plugin.functions.stop)(self.instance) };
            self.instance = std::ptr::null_mut();
        }
        // SAFETY: made by `Box::into_raw` in `start`, freed once, after the plugin stopped.
        drop(unsafe { Box::from_raw(self.sink) });
    }
}

/// The write function a stream plugin calls: appends bytes to the host's output.
unsafe extern "C" fn sink_write(context: *mut c_void, data: Bytes) -> Status {
    let result = catch_unwind(AssertUnwindSafe(|| {
        // SAFETY: `context` is the `SinkState` made in `PluginExporter::start`, valid until after
        // the plugin's `stop`; the plugin calls this only during one of our calls into it, when
        // nothing else touches the state. `data` borrows the plugin's bytes for this call.
        let (state, bytes) = unsafe { (&mut *context.cast::<SinkState>(), data.as_slice()) };
        if state.error.is_some() {
            return STATUS_ERROR;
        }
        let Some(writer) = state.writer.as_mut() else {
            return STATUS_ERROR;
        };
        match writer.write_all(bytes) {
            Ok(()) => STATUS_OK,
            Err(e) => {
                state.error = Some(e);
                STATUS_ERROR
            }
        }
    }));
    result.unwrap_or(STATUS_ERROR)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_error_message_that_is_not_utf8_is_shown_with_replacements() {
        let bytes = b"gagal menulis \xff\xfe baris 3";
        assert_eq!(
            outcome(STATUS_ERROR, bytes),
            Outcome::Failed("gagal menulis \u{FFFD}\u{FFFD} baris 3".into())
        );
        assert_eq!(
            outcome(STATUS_PANICKED, b"\xc3"),
            Outcome::Panicked("\u{FFFD}".into())
        );
        assert_eq!(
            outcome(77, b"x"),
            Outcome::Failed("returned the unknown status 77 (x)".into())
        );
        assert_eq!(outcome(STATUS_OK, b""), Outcome::Ok);
    }
}
