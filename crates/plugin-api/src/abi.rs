//! What crosses the boundary between kutip and a plugin: C types only.
//!
//! The host (kutip) loads the library, looks up [`ENTRY_SYMBOL`] and calls it. It returns a
//! pointer to a static [`PluginDeclaration`] whose first two fields are the ABI version and the
//! declaration's size; the host reads those two through [`DeclarationHeader`] and checks them
//! before it touches anything else. Everything after them is ABI-1 only.
//!
//! Rules both sides follow:
//! * only `#[repr(C)]` structs, `extern "C"` function pointers, integers and [`Bytes`] (pointer +
//!   length) cross; strings are UTF-8 bytes, documents and options are JSON bytes;
//! * whoever allocates frees: the plugin's instance is created by `start` and freed by `stop` on
//!   the plugin's side; error messages are copied into an [`ErrorBuffer`] the host owns; bytes
//!   passed to a call are only borrowed for that call;
//! * calls return a [`Status`]; a plugin never unwinds across the boundary (panics are caught
//!   and reported as [`STATUS_PANICKED`]).

use std::ffi::c_void;

/// The ABI version described here.
pub const ABI_VERSION: u32 = 1;

/// The name of the symbol every plugin exports: `extern "C" fn() -> *const PluginDeclaration`.
/// The name does not change between ABI versions, so a host can always read the version.
pub const ENTRY_SYMBOL: &str = "kutip_exporter_plugin";

/// The entry function's type.
pub type EntryFn = unsafe extern "C" fn() -> *const PluginDeclaration;

/// What a call returned.
pub type Status = u32;
/// The call succeeded.
pub const STATUS_OK: Status = 0;
/// The call failed; the message is in the error buffer.
pub const STATUS_ERROR: Status = 1;
/// The plugin panicked; the panic message is in the error buffer.
pub const STATUS_PANICKED: Status = 2;

/// `PluginDeclaration::output`: kutip opens the output and passes bytes through a [`Sink`].
pub const OUTPUT_STREAM: u32 = 0;
/// `PluginDeclaration::output`: the plugin opens the file at the path itself.
pub const OUTPUT_FILE: u32 = 1;

/// Borrowed bytes: a pointer and a length. Valid only for the duration of the call it is passed
/// to, except the strings of a [`PluginDeclaration`], which are static.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct Bytes {
    /// First byte (may dangle when `len` is 0).
    pub ptr: *const u8,
    /// Number of bytes.
    pub len: usize,
}

impl Bytes {
    /// Borrows a byte slice.
    pub const fn from_slice(bytes: &[u8]) -> Bytes {
        Bytes {
            ptr: bytes.as_ptr(),
            len: bytes.len(),
        }
    }

    /// The bytes.
    ///
    /// # Safety
    /// `ptr` must point to `len` initialised bytes that stay valid and unchanged for `'a`.
    pub unsafe fn as_slice<'a>(self) -> &'a [u8] {
        if self.len == 0 {
            return &[];
        }
        // SAFETY: the caller guarantees `ptr` points to `len` bytes valid for `'a`; the empty
        // case is handled above, so `ptr` is not dangling here.
        unsafe { std::slice::from_raw_parts(self.ptr, self.len) }
    }
}

/// A buffer the host owns, into which the plugin copies an error message (UTF-8, truncated to
/// `capacity` at a character boundary) and sets `len`.
#[repr(C)]
#[derive(Debug)]
pub struct ErrorBuffer {
    /// Start of the host's buffer.
    pub ptr: *mut u8,
    /// Its size in bytes.
    pub capacity: usize,
    /// Bytes written by the plugin.
    pub len: usize,
}

/// Writes bytes to the output kutip opened for a stream plugin. Returns [`STATUS_OK`] or
/// [`STATUS_ERROR`] (the host keeps the I/O error and reports it itself).
pub type WriteFn = unsafe extern "C" fn(context: *mut c_void, data: Bytes) -> Status;

/// The host's output for a stream plugin: call `write(context, bytes)`. Valid from `start` until
/// `stop` returns.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct Sink {
    /// The host's state, passed back to `write`.
    pub context: *mut c_void,
    /// The host's write function; null for file plugins.
    pub write: Option<WriteFn>,
}

/// What the host passes to `start`.
#[repr(C)]
#[derive(Debug)]
pub struct StartArgs {
    /// `size_of::<StartArgs>()` as the host knows it; fields may be appended within ABI 1.
    pub size: u32,
    /// The plugin's options: a JSON object.
    pub options: Bytes,
    /// The export's `path` as written in the pipeline (UTF-8; `-` means stdout).
    pub path: Bytes,
    /// Where a stream plugin writes.
    pub sink: Sink,
    /// The version of the kutip that loads the plugin (UTF-8), for messages.
    pub host_version: Bytes,
}

/// The size of the `StartArgs` fields of ABI 1 as first published: fields appended later lie
/// beyond it, and a plugin reads them only when `StartArgs::size` covers them.
pub const START_ARGS_V1_SIZE: usize =
    std::mem::offset_of!(StartArgs, host_version) + size_of::<Bytes>();

/// Creates an instance. On success stores it in `*instance` and returns [`STATUS_OK`].
pub type StartFn = unsafe extern "C" fn(
    args: *const StartArgs,
    instance: *mut *mut c_void,
    error: *mut ErrorBuffer,
) -> Status;
/// `begin` or `finish` on an instance.
pub type CallFn = unsafe extern "C" fn(instance: *mut c_void, error: *mut ErrorBuffer) -> Status;
/// Exports one document, given as `kutip/1` JSON bytes.
pub type ExportFn =
    unsafe extern "C" fn(instance: *mut c_void, document: Bytes, error: *mut ErrorBuffer) -> Status;
/// Frees an instance (on the plugin's side). Never fails; a panic in a destructor is swallowed.
pub type StopFn = unsafe extern "C" fn(instance: *mut c_void);

/// The first two fields of every declaration, of every ABI version. The host reads these first.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct DeclarationHeader {
    /// The ABI version the plugin was built for.
    pub abi_version: u32,
    /// `size_of` the plugin's declaration struct.
    pub size: u32,
}

/// What a plugin declares: its ABI version and size (always first), who it is, and its
/// functions. A static in the plugin, valid as long as the library is loaded.
#[repr(C)]
#[derive(Debug)]
pub struct PluginDeclaration {
    /// [`ABI_VERSION`] of the `kutip-plugin-api` the plugin was built with.
    pub abi_version: u32,
    /// `size_of::<PluginDeclaration>()` as the plugin knows it.
    pub size: u32,
    /// The plugin's name, as used in `type = "…"` (UTF-8, static).
    pub name: Bytes,
    /// The plugin's own version (UTF-8, static).
    pub version: Bytes,
    /// One line on what it does (UTF-8, static).
    pub description: Bytes,
    /// The options it reads, as free text (UTF-8, static).
    pub options: Bytes,
    /// [`OUTPUT_STREAM`] or [`OUTPUT_FILE`].
    pub output: u32,
    /// Creates an instance.
    pub start: StartFn,
    /// Called once before the first document.
    pub begin: CallFn,
    /// Exports one document.
    pub export: ExportFn,
    /// Called once after the last document.
    pub finish: CallFn,
    /// Frees an instance.
    pub stop: StopFn,
}

/// The size of the `PluginDeclaration` fields of ABI 1 as first published: a host accepts any
/// ABI-1 declaration at least this large, and reads fields appended later only when
/// `PluginDeclaration::size` covers them.
pub const DECLARATION_V1_SIZE: usize =
    std::mem::offset_of!(PluginDeclaration, stop) + size_of::<StopFn>();

// SAFETY: a declaration is immutable and lives in a `static` of the plugin. Its pointers point
// to static, immutable UTF-8 data and its function pointers are plain code addresses, so sharing
// a reference between threads cannot cause a data race.
unsafe impl Sync for PluginDeclaration {}
