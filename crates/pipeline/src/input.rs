//! Reading documents from text, JSONL and CoNLL files (or stdin), streaming.

use crate::config::{InputConfig, InputFormat};
use kutip_core::{Document, Layers, Sentence, SourceLine, Span, Token, TokenKind};
use serde_json::Value;
use std::io::{BufRead, BufReader, Read};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Where documents come from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InputSource {
    /// A file.
    File(PathBuf),
    /// Standard input.
    Stdin,
}

impl InputSource {
    /// Turns command-line arguments into sources: `-` is stdin, a directory is walked (sorted)
    /// for `.txt`, `.jsonl`, `.conll` and `.bio` files, anything else is a file. No argument
    /// means stdin.
    pub fn expand(args: &[PathBuf]) -> Result<Vec<InputSource>, InputError> {
        if args.is_empty() {
            return Ok(vec![InputSource::Stdin]);
        }
        let mut out = Vec::new();
        for arg in args {
            if arg.as_os_str() == "-" {
                out.push(InputSource::Stdin);
            } else if arg.is_dir() {
                walk(arg, &mut out)?;
            } else {
                out.push(InputSource::File(arg.clone()));
            }
        }
        Ok(out)
    }

    /// The name used in messages and generated ids.
    pub fn display(&self) -> String {
        match self {
            InputSource::File(p) => p.display().to_string(),
            InputSource::Stdin => "<stdin>".into(),
        }
    }

    fn stem(&self) -> String {
        match self {
            InputSource::File(p) => p
                .file_stem()
                .map_or_else(|| "document".into(), |s| s.to_string_lossy().into_owned()),
            InputSource::Stdin => "stdin".into(),
        }
    }

    /// The format this source is read in under `configured`.
    pub fn format(&self, configured: InputFormat) -> InputFormat {
        if configured != InputFormat::Auto {
            return configured;
        }
        match self {
            InputSource::File(p) => match p
                .extension()
                .and_then(|e| e.to_str())
                .map(str::to_ascii_lowercase)
                .as_deref()
            {
                Some("jsonl" | "ndjson") => InputFormat::Jsonl,
                Some("conll" | "bio" | "bilou" | "iob") => InputFormat::Conll,
                _ => InputFormat::Text,
            },
            InputSource::Stdin => InputFormat::Text,
        }
    }
}

fn walk(dir: &Path, out: &mut Vec<InputSource>) -> Result<(), InputError> {
    let io = |source| InputError::Io {
        path: dir.display().to_string(),
        source,
    };
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(io)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            walk(&path, out)?;
        } else if path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
            matches!(
                e.to_ascii_lowercase().as_str(),
                "txt" | "jsonl" | "conll" | "bio"
            )
        }) {
            out.push(InputSource::File(path));
        }
    }
    Ok(())
}

/// A problem reading input. Document-level problems (a bad JSONL line) leave the rest readable.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    /// The file could not be opened or read.
    #[error("{path}: cannot read: {source}")]
    Io {
        /// The file.
        path: String,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// The text is not UTF-8.
    #[error("{path}: not valid UTF-8 at byte {offset}; convert the file to UTF-8")]
    InvalidUtf8 {
        /// The file (with `:line` for JSONL and CoNLL).
        path: String,
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
    /// A JSONL line is not a JSON object with a text field.
    #[error("{path}:{line}: {message}")]
    BadLine {
        /// The file.
        path: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
}

impl InputError {
    /// A short category for grouping failures in a summary.
    pub fn reason(&self) -> &'static str {
        match self {
            InputError::Io { .. } => "unreadable input",
            InputError::InvalidUtf8 { .. } => "invalid UTF-8 (try --lossy)",
            InputError::BadLine { .. } => "bad JSONL line",
        }
    }

    /// True when only one document is lost and reading can go on.
    pub fn is_document_level(&self) -> bool {
        !matches!(self, InputError::Io { .. })
    }
}

/// Reads every document of `source`, passing each (or its error) to `sink`, which may stop the
/// reading by returning `ControlFlow::Break`.
pub fn read_documents(
    source: &InputSource,
    config: &InputConfig,
    sink: &mut dyn FnMut(Result<Document, InputError>) -> ControlFlow<()>,
) -> Result<(), InputError> {
    read_documents_counted(source, config, &AtomicU64::new(0), &mut |_| {}, sink)
}

/// [`read_documents`], adding the number of bytes read to `counter` as it goes (for progress)
/// and passing notices that lose no document (a ragged CoNLL line) to `warn`.
pub fn read_documents_counted(
    source: &InputSource,
    config: &InputConfig,
    counter: &AtomicU64,
    warn: &mut dyn FnMut(String),
    sink: &mut dyn FnMut(Result<Document, InputError>) -> ControlFlow<()>,
) -> Result<(), InputError> {
    let name = source.display();
    let reader: Box<dyn Read + '_> = match source {
        InputSource::File(p) => Box::new(std::fs::File::open(p).map_err(|e| InputError::Io {
            path: name.clone(),
            source: e,
        })?),
        InputSource::Stdin => Box::new(std::io::stdin().lock()),
    };
    let reader = Counting {
        inner: reader,
        counter,
    };
    read_from(
        reader,
        &name,
        &source.stem(),
        source.format(config.format),
        config,
        warn,
        sink,
    )
}

/// Reads documents in `format` from any reader; `name` is used in messages and `stem` in
/// generated ids. This is what [`read_documents`] does once it has opened the source.
pub fn read_from(
    reader: impl Read,
    name: &str,
    stem: &str,
    format: InputFormat,
    config: &InputConfig,
    warn: &mut dyn FnMut(String),
    sink: &mut dyn FnMut(Result<Document, InputError>) -> ControlFlow<()>,
) -> Result<(), InputError> {
    let io = |e| InputError::Io {
        path: name.to_string(),
        source: e,
    };
    match format {
        InputFormat::Jsonl => read_jsonl(
            BufReader::with_capacity(1 << 16, reader),
            name,
            stem,
            config,
            sink,
        )
        .map_err(io),
        InputFormat::Conll => {
            read_conll(BufReader::new(reader), name, stem, config.lossy, warn, sink).map_err(io)
        }
        _ => {
            let mut bytes = Vec::new();
            BufReader::new(reader).read_to_end(&mut bytes).map_err(io)?;
            let doc = match String::from_utf8(bytes) {
                Ok(text) => Ok(Document::new(stem, strip_bom(text))),
                Err(e) if config.lossy => Ok(Document::new(
                    stem,
                    strip_bom(String::from_utf8_lossy(e.as_bytes()).into_owned()),
                )),
                Err(e) => Err(InputError::InvalidUtf8 {
                    path: name.to_string(),
                    offset: e.utf8_error().valid_up_to(),
                }),
            };
            let _ = sink(doc);
            Ok(())
        }
    }
}

/// Counts the bytes that pass through.
struct Counting<'c, R> {
    inner: R,
    counter: &'c AtomicU64,
}

impl<R: Read> Read for Counting<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.counter.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

fn strip_bom(text: String) -> String {
    match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    }
}

fn read_jsonl(
    mut reader: impl BufRead,
    name: &str,
    stem: &str,
    config: &InputConfig,
    sink: &mut dyn FnMut(Result<Document, InputError>) -> ControlFlow<()>,
) -> std::io::Result<()> {
    let mut buf = Vec::new();
    let mut line = 0;
    loop {
        buf.clear();
        if reader.read_until(b'\n', &mut buf)? == 0 {
            return Ok(());
        }
        line += 1;
        let bad = |message: String| InputError::BadLine {
            path: name.to_string(),
            line,
            message,
        };
        let text = match std::str::from_utf8(&buf) {
            Ok(s) => std::borrow::Cow::Borrowed(s),
            Err(_) if config.lossy => String::from_utf8_lossy(&buf),
            Err(e) => {
                let error = InputError::InvalidUtf8 {
                    path: format!("{name}:{line}"),
                    offset: e.valid_up_to(),
                };
                if sink(Err(error)).is_break() {
                    return Ok(());
                }
                continue;
            }
        };
        if text.trim().is_empty() {
            continue;
        }
        let result = parse_jsonl_line(text.trim_start_matches('\u{feff}'), config, || {
            format!("{stem}#{line}")
        })
        .map_err(bad);
        if sink(result).is_break() {
            return Ok(());
        }
    }
}

fn parse_jsonl_line(
    line: &str,
    config: &InputConfig,
    fallback_id: impl FnOnce() -> String,
) -> Result<Document, String> {
    let value: Value = serde_json::from_str(line).map_err(|e| format!("not valid JSON: {e}"))?;
    let Value::Object(mut fields) = value else {
        return Err("expected a JSON object with a `text` field".into());
    };
    // `shift_remove`, not `remove` (a swap with the last field): `meta` keeps the input's order.
    let text = match fields.shift_remove(&config.text_field) {
        Some(Value::String(t)) => t,
        Some(other) => {
            return Err(format!(
                "`{}` must be a string, found {}",
                config.text_field,
                json_type(&other)
            ));
        }
        None => {
            return Err(format!(
                "no `{}` field; every line needs the document's text",
                config.text_field
            ));
        }
    };
    let id = match fields.shift_remove(&config.id_field) {
        Some(Value::String(s)) if !s.is_empty() => s,
        Some(Value::Number(n)) => n.to_string(),
        None | Some(Value::Null) => fallback_id(),
        Some(other) => {
            return Err(format!(
                "`{}` must be a string or a number, found {}",
                config.id_field,
                json_type(&other)
            ));
        }
    };
    let mut doc = Document::new(id, text);
    doc.meta = fields;
    Ok(doc)
}

fn json_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// CoNLL: the first column is the token; `-DOCSTART-` starts a document; blank lines end
/// sentences. The document's text is its tokens joined by spaces, sentences by newlines; the
/// input's lines are kept so a CoNLL export aligns with them.
fn read_conll(
    mut reader: impl BufRead,
    name: &str,
    stem: &str,
    lossy: bool,
    warn: &mut dyn FnMut(String),
    sink: &mut dyn FnMut(Result<Document, InputError>) -> ControlFlow<()>,
) -> std::io::Result<()> {
    /// Ragged lines reported one by one before the rest are only counted.
    const RAGGED_SHOWN: usize = 5;
    let mut builder = ConllBuilder::default();
    let mut buf = Vec::new();
    let mut line = 0;
    let mut count = 0;
    let mut bad_utf8 = None;
    let mut columns: Option<(usize, usize)> = None;
    let mut ragged = 0;
    loop {
        buf.clear();
        let done = reader.read_until(b'\n', &mut buf)? == 0;
        line += 1;
        let decoded = match std::str::from_utf8(&buf) {
            Ok(t) => std::borrow::Cow::Borrowed(t),
            Err(_) if lossy => String::from_utf8_lossy(&buf),
            Err(e) => {
                bad_utf8.get_or_insert((line, e.valid_up_to()));
                std::borrow::Cow::Borrowed("")
            }
        };
        let text = decoded.trim_end_matches(['\n', '\r']);
        if !text.trim().is_empty() {
            let n = text.split('\t').count();
            match columns {
                None => columns = Some((n, line)),
                Some((expected, first)) if n != expected => {
                    ragged += 1;
                    if ragged <= RAGGED_SHOWN {
                        warn(format!(
                            "{name}:{line}: {n} column{} where line {first} has {expected}; the first column is taken as the token",
                            if n == 1 { "" } else { "s" }
                        ));
                    }
                }
                _ => {}
            }
        }
        if done && ragged > RAGGED_SHOWN {
            warn(format!(
                "{name}: {} more ragged lines",
                ragged - RAGGED_SHOWN
            ));
        }
        let token = text.split('\t').next().unwrap_or("").trim();
        let token = token.split_whitespace().next().unwrap_or("");
        let starts_document = token == "-DOCSTART-";
        if done || (starts_document && builder.has_tokens()) {
            if builder.has_tokens() || builder.lines.contains(&SourceLine::DocStart) {
                count += 1;
                let doc = std::mem::take(&mut builder).finish(format!("{stem}#{count}"));
                let result = match bad_utf8.take() {
                    Some((l, offset)) => Err(InputError::InvalidUtf8 {
                        path: format!("{name}:{l}"),
                        offset,
                    }),
                    None => Ok(doc),
                };
                if sink(result).is_break() {
                    return Ok(());
                }
            }
            if done {
                return Ok(());
            }
        }
        if starts_document {
            builder.lines.push(SourceLine::DocStart);
        } else if token.is_empty() {
            builder.blank();
        } else {
            builder.token(token);
        }
    }
}

#[derive(Default)]
struct ConllBuilder {
    text: String,
    tokens: Vec<Token>,
    sentences: Vec<Sentence>,
    lines: Vec<SourceLine>,
    sentence_start: usize,
}

impl ConllBuilder {
    fn has_tokens(&self) -> bool {
        !self.tokens.is_empty()
    }

    fn token(&mut self, token: &str) {
        if !self.text.is_empty() {
            self.text.push(if self.tokens.len() == self.sentence_start {
                '\n'
            } else {
                ' '
            });
        }
        let start = self.text.len();
        self.text.push_str(token);
        self.lines.push(SourceLine::Token(self.tokens.len() as u32));
        self.tokens.push(Token::new(
            Span::new(start, self.text.len()),
            TokenKind::Word,
        ));
    }

    fn blank(&mut self) {
        self.lines.push(SourceLine::Blank);
        self.close_sentence();
    }

    fn close_sentence(&mut self) {
        if self.tokens.len() > self.sentence_start {
            let first = self.sentence_start;
            let end = self.tokens.len();
            self.sentences.push(Sentence {
                span: self.tokens[first].span.cover(self.tokens[end - 1].span),
                first_token: first as u32,
                end_token: end as u32,
            });
            self.sentence_start = end;
        }
    }

    fn finish(mut self, id: String) -> Document {
        self.close_sentence();
        let mut doc = Document::new(id, self.text);
        doc.tokens = self.tokens;
        doc.sentences = self.sentences;
        doc.source_lines = self.lines;
        doc.layers = Layers::TOKENS | Layers::SENTENCES;
        doc
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn collect(
        source: &str,
        f: impl Fn(&[u8], &mut dyn FnMut(Result<Document, InputError>) -> ControlFlow<()>),
    ) -> Vec<Result<Document, String>> {
        let _ = source;
        let mut out = Vec::new();
        f(source.as_bytes(), &mut |d| {
            out.push(d.map_err(|e| e.to_string()));
            ControlFlow::Continue(())
        });
        out
    }

    #[test]
    fn jsonl_meta_keeps_the_input_field_order() {
        let input = "{\"id\":\"a\",\"text\":\"Halo.\",\"url\":1,\"date\":2,\"section\":3}\n{\"url\":1,\"text\":\"Dua.\",\"date\":2,\"id\":\"b\",\"section\":3}\n";
        let docs = collect(input, |b, sink| {
            read_jsonl(b, "f.jsonl", "f", &InputConfig::default(), sink).unwrap()
        });
        for doc in docs {
            let keys: Vec<String> = doc.unwrap().meta.keys().cloned().collect();
            assert_eq!(keys, ["url", "date", "section"]);
        }
    }

    #[test]
    fn jsonl_keeps_meta_and_reports_bad_lines() {
        let input = "{\"id\":\"a\",\"text\":\"Halo.\",\"url\":\"x\"}\nnot json\n\n{\"text\":5}\n{\"text\":\"Dua.\"}\n";
        let docs = collect(input, |b, sink| {
            read_jsonl(b, "f.jsonl", "f", &InputConfig::default(), sink).unwrap()
        });
        assert_eq!(docs.len(), 4);
        let a = docs[0].as_ref().unwrap();
        assert_eq!((a.id.as_str(), a.meta["url"].as_str()), ("a", Some("x")));
        assert!(
            docs[1]
                .as_ref()
                .unwrap_err()
                .starts_with("f.jsonl:2: not valid JSON")
        );
        assert_eq!(
            docs[2].as_ref().unwrap_err(),
            "f.jsonl:4: `text` must be a string, found a number"
        );
        assert_eq!(docs[3].as_ref().unwrap().id, "f#5");
    }

    #[test]
    fn conll_documents_keep_their_lines() {
        let input = "-DOCSTART-\tO\n\nRusia\tB-LOC\nmarah\tO\n\n.\tO\n\n-DOCSTART-\tO\n\nLagi\tO\n";
        let docs = collect(input, |b, sink| {
            read_conll(b, "f.conll", "f", false, &mut |_| {}, sink).unwrap()
        });
        assert_eq!(docs.len(), 2);
        let d = docs[0].as_ref().unwrap();
        assert_eq!(d.text, "Rusia marah\n.");
        assert_eq!(d.sentences.len(), 2);
        assert_eq!(d.source_lines.len(), 7);
        assert_eq!(docs[1].as_ref().unwrap().source_lines.len(), 3);
    }
}
