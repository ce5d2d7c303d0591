//! Errors a stage or an exporter reports for one document.

/// Why a stage could not process a document. The runner reports it with the document id and
/// goes on with the next document.
#[derive(Debug, thiserror::Error)]
pub enum StageError {
    /// The document is larger than the stage accepts.
    #[error("document is {size} bytes, over the limit of {limit} bytes for stage `{stage}`")]
    TooLarge {
        /// The stage that refused it.
        stage: &'static str,
        /// Size of the document's text in bytes.
        size: usize,
        /// The configured limit.
        limit: usize,
    },
    /// Any other failure, worded for the user.
    #[error("{0}")]
    Other(String),
}

/// Why an exporter failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// Writing the output failed.
    #[error("could not write output: {0}")]
    Io(#[from] std::io::Error),
    /// Serialising the document failed.
    #[error("could not serialise document: {0}")]
    Json(serde_json::Error),
    /// The exporter refused or could not handle this document.
    #[error("{0}")]
    Other(String),
}

impl From<serde_json::Error> for ExportError {
    /// A write error met while serialising is a write error (a full disk, a closed pipe), which
    /// ends the run; anything else fails only this document.
    fn from(e: serde_json::Error) -> Self {
        if e.is_io() {
            ExportError::Io(std::io::Error::from(e))
        } else {
            ExportError::Json(e)
        }
    }
}
