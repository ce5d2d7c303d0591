//! Configuration errors with the file, line and column they point at, and a hint.

use std::fmt;

/// One problem in a pipeline file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// 1-based line, when the problem has a place.
    pub line: Option<usize>,
    /// 1-based column (in characters), when the problem has a place.
    pub column: Option<usize>,
    /// What is wrong.
    pub message: String,
    /// What to do about it.
    pub hint: Option<String>,
}

/// Every problem found in a pipeline file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// The file (or `<built-in>`) the problems are in.
    pub origin: String,
    /// The problems, in the order they appear in the file.
    pub diagnostics: Vec<Diagnostic>,
}

impl std::error::Error for ConfigError {}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.diagnostics.len();
        write!(
            f,
            "{} has {n} problem{}",
            self.origin,
            if n == 1 { "" } else { "s" }
        )?;
        for d in &self.diagnostics {
            write!(f, "\n{}", self.origin)?;
            if let (Some(line), Some(column)) = (d.line, d.column) {
                write!(f, ":{line}:{column}")?;
            }
            write!(f, ": {}", d.message)?;
            if let Some(hint) = &d.hint {
                write!(f, "\n  hint: {hint}")?;
            }
        }
        Ok(())
    }
}

/// Collects diagnostics while a file is checked, turning byte offsets into lines and columns.
pub(crate) struct Collector<'s> {
    source: &'s str,
    pub(crate) diagnostics: Vec<(usize, Diagnostic)>,
}

impl<'s> Collector<'s> {
    pub(crate) fn new(source: &'s str) -> Collector<'s> {
        Collector {
            source,
            diagnostics: Vec::new(),
        }
    }

    /// Records a problem at byte offset `at` (or with no place).
    pub(crate) fn error(
        &mut self,
        at: Option<usize>,
        message: impl Into<String>,
        hint: Option<String>,
    ) {
        let (line, column) = match at {
            Some(at) => {
                let (line, column) = self.line_column(at);
                (Some(line), Some(column))
            }
            None => (None, None),
        };
        self.diagnostics.push((
            at.unwrap_or(usize::MAX),
            Diagnostic {
                line,
                column,
                message: message.into(),
                hint,
            },
        ));
    }

    /// 1-based line and column (in characters) of byte offset `at`.
    pub(crate) fn line_column(&self, at: usize) -> (usize, usize) {
        let at = at.min(self.source.len());
        let before = &self.source[..floor(self.source, at)];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        (line, column)
    }

    pub(crate) fn finish(mut self, origin: &str) -> Result<(), ConfigError> {
        if self.diagnostics.is_empty() {
            return Ok(());
        }
        self.diagnostics.sort_by_key(|(at, _)| *at);
        Err(ConfigError {
            origin: origin.to_string(),
            diagnostics: self.diagnostics.into_iter().map(|(_, d)| d).collect(),
        })
    }
}

fn floor(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// "did you mean `quotes`?" for the closest known name, if one is close enough.
pub(crate) fn did_you_mean<'a>(
    wrong: &str,
    known: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    known
        .into_iter()
        .map(|k| (strsim::jaro_winkler(wrong, k), k))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| format!("did you mean `{k}`?"))
}
