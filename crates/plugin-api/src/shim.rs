//! The plugin side of the ABI: `extern "C"` functions, generic over the plugin type, that turn C
//! calls into calls of the safe [`ExporterPlugin`] trait and never let a panic cross.

use crate::abi::{
    ABI_VERSION, Bytes, ErrorBuffer, OUTPUT_FILE, OUTPUT_STREAM, PluginDeclaration,
    START_ARGS_V1_SIZE, STATUS_ERROR, STATUS_OK, STATUS_PANICKED, Sink, StartArgs, Status,
};
use crate::{ExporterPlugin, Output, OutputKind, PluginError, SCHEMA, Start};
use kutip_core::wire::WireDocument;
use std::cell::Cell;
use std::ffi::c_void;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::{Mutex, Once};

/// The declaration for plugin type `P`. Called by [`export_plugin!`](crate::export_plugin) to
/// initialise the library's static declaration; `version` is the plugin crate's version.
pub const fn declaration<P: ExporterPlugin>(
    abi_version: u32,
    version: &'static str,
) -> PluginDeclaration {
    PluginDeclaration {
        abi_version,
        size: size_of::<PluginDeclaration>() as u32,
        name: Bytes::from_slice(P::NAME.as_bytes()),
        version: Bytes::from_slice(version.as_bytes()),
        description: Bytes::from_slice(P::DESCRIPTION.as_bytes()),
        options: Bytes::from_slice(P::OPTIONS.as_bytes()),
        output: match P::OUTPUT {
            OutputKind::Stream => OUTPUT_STREAM,
            OutputKind::File => OUTPUT_FILE,
        },
        start: start::<P>,
        begin: begin::<P>,
        export: export::<P>,
        finish: finish::<P>,
        stop: stop::<P>,
    }
}

unsafe extern "C" fn start<P: ExporterPlugin>(
    args: *const StartArgs,
    instance: *mut *mut c_void,
    error: *mut ErrorBuffer,
) -> Status {
    guard(error, || {
        if args.is_null() || instance.is_null() {
            return Err(PluginError::msg("kutip passed no start arguments"));
        }
        // SAFETY: the host passes a pointer to a `StartArgs` that is valid for this call (ABI 1
        // contract); null was refused above.
        let args = unsafe { &*args };
        if (args.size as usize) < START_ARGS_V1_SIZE {
            return Err(PluginError::msg(format!(
                "kutip passed start arguments of {} bytes, ABI {ABI_VERSION} needs {START_ARGS_V1_SIZE}",
                args.size,
            )));
        }
        // SAFETY: `options` and `path` borrow host memory valid for this call.
        let (options, path) = unsafe { (args.options.as_slice(), args.path.as_slice()) };
        let options = serde_json::from_slice(options)
            .map_err(|e| PluginError::msg(format!("the options are not a JSON object: {e}")))?;
        let path = std::str::from_utf8(path)
            .map_err(|_| PluginError::msg("the output path is not UTF-8"))?
            .to_owned();
        let output = Output {
            sink: args.sink.write.is_some().then_some(args.sink),
        };
        let plugin = P::start(Start {
            options,
            path,
            output,
        })?;
        // SAFETY: `instance` is a valid place for one pointer (ABI contract, null refused
        // above). The box is freed by `stop::<P>`, on this side of the boundary.
        unsafe { *instance = Box::into_raw(Box::new(plugin)).cast() };
        Ok(())
    })
}

/// The instance behind the host's pointer.
///
/// # Safety
/// `instance` must be a pointer returned by `start::<P>` and not yet passed to `stop`, and no
/// other call on it may be running (the host calls an instance from one thread at a time).
unsafe fn instance<'a, P>(instance: *mut c_void) -> Result<&'a mut P, PluginError> {
    if instance.is_null() {
        return Err(PluginError::msg("kutip passed no plugin instance"));
    }
    // SAFETY: guaranteed by the caller: a live, exclusively used `Box<P>` made by `start::<P>`.
    Ok(unsafe { &mut *instance.cast::<P>() })
}

unsafe extern "C" fn begin<P: ExporterPlugin>(
    instance: *mut c_void,
    error: *mut ErrorBuffer,
) -> Status {
    // SAFETY: the host passes the pointer `start` returned, one call at a time (ABI contract).
    guard(error, || unsafe { self::instance::<P>(instance) }?.begin())
}

unsafe extern "C" fn finish<P: ExporterPlugin>(
    instance: *mut c_void,
    error: *mut ErrorBuffer,
) -> Status {
    // SAFETY: the host passes the pointer `start` returned, one call at a time (ABI contract).
    guard(error, || unsafe { self::instance::<P>(instance) }?.finish())
}

unsafe extern "C" fn export<P: ExporterPlugin>(
    instance: *mut c_void,
    document: Bytes,
    error: *mut ErrorBuffer,
) -> Status {
    guard(error, || {
        // SAFETY: the host passes the pointer `start` returned, one call at a time, and
        // document bytes valid for this call (ABI contract).
        let (plugin, bytes) = unsafe { (self::instance::<P>(instance)?, document.as_slice()) };
        let doc: WireDocument<'_> = serde_json::from_slice(bytes).map_err(|e| {
            PluginError::msg(format!("the document is not valid {SCHEMA} JSON: {e}"))
        })?;
        if doc.schema != SCHEMA {
            return Err(PluginError::msg(format!(
                "the document is `{}`, this plugin reads `{SCHEMA}`",
                doc.schema
            )));
        }
        plugin.export(&doc)
    })
}

unsafe extern "C" fn stop<P: ExporterPlugin>(instance: *mut c_void) {
    if instance.is_null() {
        return;
    }
    // A panicking destructor is swallowed: there is nobody left to report it to, and it must not
    // unwind into the host.
    let _ = catch_unwind(AssertUnwindSafe(|| {
        // SAFETY: the host passes the pointer `start::<P>` made, exactly once, after its last
        // call on it (ABI contract), so the box is live and unaliased.
        drop(unsafe { Box::from_raw(instance.cast::<P>()) });
    }));
}

/// Writes to the host's sink.
pub(crate) fn write_to_sink(sink: &Sink, buf: &[u8]) -> std::io::Result<()> {
    let Some(write) = sink.write else {
        return Err(std::io::Error::other("kutip gave this plugin no output"));
    };
    // SAFETY: the host keeps `context` valid from `start` until `stop` returns (ABI contract),
    // and an `Output` lives inside the instance, which `stop` frees; `buf` is valid for the call.
    let status = unsafe { write(sink.context, Bytes::from_slice(buf)) };
    if status == STATUS_OK {
        Ok(())
    } else {
        Err(std::io::Error::other("kutip could not write the output"))
    }
}

// SAFETY: an `Output` is the only handle on its sink (it is neither `Clone` nor `Sync`), so the
// host's writer behind it is used by one thread at a time; the host's writer is `Send`.
unsafe impl Send for Output {}

thread_local! {
    /// True while this thread runs inside a guarded call, so the panic hook knows to stay quiet.
    static IN_CALL: Cell<bool> = const { Cell::new(false) };
}

/// The message and place of the last panic caught inside a call.
static LAST_PANIC: Mutex<Option<String>> = Mutex::new(None);

/// Replaces the plugin's panic hook (the library has its own copy of the standard library, so
/// this touches only the plugin's panics): inside a call, the message and place are kept for
/// kutip to report instead of being printed; elsewhere the previous hook runs.
fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if IN_CALL.with(Cell::get) {
                let message = payload_text(info.payload());
                let text = match info.location() {
                    Some(at) => {
                        format!("{message} (at {}:{}:{})", at.file(), at.line(), at.column())
                    }
                    None => message,
                };
                if let Ok(mut last) = LAST_PANIC.lock() {
                    *last = Some(text);
                }
            } else {
                previous(info);
            }
        }));
    });
}

fn payload_text(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "a panic without a message".to_string()
    }
}

/// Runs one plugin call: catches panics, copies errors into the host's buffer.
fn guard(error: *mut ErrorBuffer, call: impl FnOnce() -> Result<(), PluginError>) -> Status {
    install_panic_hook();
    IN_CALL.with(|c| c.set(true));
    let result = catch_unwind(AssertUnwindSafe(call));
    IN_CALL.with(|c| c.set(false));
    match result {
        Ok(Ok(())) => STATUS_OK,
        Ok(Err(e)) => {
            write_error(error, e.message());
            STATUS_ERROR
        }
        Err(payload) => {
            let kept = LAST_PANIC.lock().ok().and_then(|mut last| last.take());
            let message = kept.unwrap_or_else(|| payload_text(payload.as_ref()));
            // The payload is dropped inside a guard too: a payload whose destructor panics must
            // not unwind into the host.
            let _ = catch_unwind(AssertUnwindSafe(move || drop(payload)));
            write_error(error, &message);
            STATUS_PANICKED
        }
    }
}

/// Copies `message` into the host's buffer, truncated at a character boundary.
fn write_error(error: *mut ErrorBuffer, message: &str) {
    if error.is_null() {
        return;
    }
    // SAFETY: the host passes a valid, exclusively borrowed `ErrorBuffer` for the call (ABI
    // contract); null was refused above.
    let buffer = unsafe { &mut *error };
    if buffer.ptr.is_null() {
        buffer.len = 0;
        return;
    }
    let mut n = message.len().min(buffer.capacity);
    while !message.is_char_boundary(n) {
        n -= 1;
    }
    // SAFETY: `buffer.ptr` points to `capacity` writable bytes owned by the host (ABI contract)
    // and `n <= capacity`; the message is our own memory, so the two cannot overlap.
    unsafe { std::ptr::copy_nonoverlapping(message.as_ptr(), buffer.ptr, n) };
    buffer.len = n;
}
