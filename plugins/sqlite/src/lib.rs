//! `sqlite`: documents, entities, speakers and quotes in an SQLite database, for queries.
//!
//! ```toml
//! [[export]]
//! type = "sqlite"
//! path = "news.db"        # created when missing, added to when present
//! batch = 500             # documents per transaction
//! ```
//!
//! The schema is [`SCHEMA`] (documented with example queries in `docs/sqlite.md`). Documents
//! are written in transactions of `batch` documents, each inside its own savepoint so that a
//! document that fails leaves nothing behind; exporting a document id that is already in the
//! database replaces it (its entities and quotes go with it), so a run can be repeated.

use kutip_plugin_api::wire::WireDocument;
use kutip_plugin_api::{ExporterPlugin, OutputKind, PluginError, Start};
use rusqlite::{Connection, OptionalExtension, params};
use serde::Deserialize;

/// The database schema (version 1, kept in `PRAGMA user_version`).
pub const SCHEMA: &str = include_str!("schema.sql");

/// Meta fields holding an article's publication date, tried in this order.
const DATE_FIELDS: [&str; 5] = ["published", "date", "published_at", "datetime", "time"];

/// Options of the `sqlite` exporter.
#[derive(Deserialize)]
#[serde(default, deny_unknown_fields)]
struct Options {
    /// Documents per transaction.
    batch: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options { batch: 500 }
    }
}

/// The open database.
pub struct SqliteExport {
    db: Connection,
    batch: usize,
    in_batch: usize,
}

impl ExporterPlugin for SqliteExport {
    const NAME: &'static str = "sqlite";
    const DESCRIPTION: &'static str = "Documents, entities, speakers and quotes in an SQLite database; re-exporting a document id replaces it.";
    const OPTIONS: &'static str = "batch (integer, default 500): documents per transaction";
    const OUTPUT: OutputKind = OutputKind::File;

    fn start(start: Start) -> Result<Self, PluginError> {
        let options: Options = start.options_as()?;
        if options.batch == 0 {
            return Err(PluginError::msg("`batch` must be at least 1"));
        }
        let db = Connection::open(&start.path)
            .map_err(|e| PluginError::msg(format!("cannot open {}: {e}", start.path)))?;
        db.execute_batch("PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;")?;
        let version: i64 = db.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        match version {
            0 => db.execute_batch(&format!("BEGIN; {SCHEMA} PRAGMA user_version = 1; COMMIT;"))?,
            1 => {}
            other => {
                return Err(PluginError::msg(format!(
                    "{} has kutip database schema version {other}; this plugin writes version 1",
                    start.path
                )));
            }
        }
        Ok(SqliteExport {
            db,
            batch: options.batch,
            in_batch: 0,
        })
    }

    fn begin(&mut self) -> Result<(), PluginError> {
        self.db.execute_batch("BEGIN")?;
        Ok(())
    }

    fn export(&mut self, doc: &WireDocument<'_>) -> Result<(), PluginError> {
        self.db.execute_batch("SAVEPOINT document")?;
        match write_document(&self.db, doc) {
            Ok(()) => self.db.execute_batch("RELEASE document")?,
            Err(e) => {
                self.db
                    .execute_batch("ROLLBACK TO document; RELEASE document")?;
                return Err(e);
            }
        }
        self.in_batch += 1;
        if self.in_batch >= self.batch {
            self.db.execute_batch("COMMIT; BEGIN")?;
            self.in_batch = 0;
        }
        Ok(())
    }

    fn finish(&mut self) -> Result<(), PluginError> {
        self.db.execute_batch(
            "DELETE FROM speakers WHERE id NOT IN (SELECT speaker_id FROM quotes WHERE speaker_id IS NOT NULL); COMMIT;",
        )?;
        Ok(())
    }
}

/// Replaces the document's rows.
fn write_document(db: &Connection, doc: &WireDocument<'_>) -> Result<(), PluginError> {
    db.execute("DELETE FROM documents WHERE id = ?1", [&*doc.id])?;
    let text_meta = |key: &str| doc.meta.get(key).and_then(|v| v.as_str());
    let published = DATE_FIELDS.iter().find_map(|k| text_meta(k));
    db.prepare_cached(
        "INSERT INTO documents (id, source, published, author, text, meta) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        &*doc.id,
        text_meta("source"),
        published,
        text_meta("author"),
        &*doc.text,
        serde_json::to_string(&doc.meta)?,
    ])?;
    let mut insert_entity = db.prepare_cached(
        "INSERT INTO entities (document_id, n, label, text, canonical, start, \"end\", cluster, value) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    for (n, e) in doc.entities.iter().enumerate() {
        insert_entity.execute(params![
            &*doc.id,
            n,
            e.label.as_str(),
            &*e.text,
            &*e.canonical,
            e.start,
            e.end,
            e.cluster,
            e.value.as_deref(),
        ])?;
    }
    let mut insert_quote = db.prepare_cached(
        "INSERT INTO quotes (document_id, n, kind, content, start, \"end\", cue, speaker_id, \
         speaker_text, role, affiliation, time, confidence, rule) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    )?;
    for (n, q) in doc.quotes.iter().enumerate() {
        let speaker = q.speaker.as_ref();
        let speaker_id = match speaker.and_then(|s| s.name.as_deref()) {
            Some(name) => Some(speaker_id(db, name)?),
            None => None,
        };
        insert_quote.execute(params![
            &*doc.id,
            n,
            q.kind.as_str(),
            &*q.content.text,
            q.content.start,
            q.content.end,
            q.cue.as_ref().map(|c| &*c.text),
            speaker_id,
            speaker.map(|s| &*s.text),
            speaker.and_then(|s| s.role.as_deref()),
            speaker.and_then(|s| s.affiliation.as_deref()),
            q.time.as_ref().map(|t| &*t.text),
            q.confidence,
            &*q.rule,
        ])?;
    }
    Ok(())
}

/// The id of the speaker called `name`, added when new.
fn speaker_id(db: &Connection, name: &str) -> Result<i64, PluginError> {
    let found = db
        .prepare_cached("SELECT id FROM speakers WHERE name = ?1")?
        .query_row([name], |r| r.get(0))
        .optional()?;
    if let Some(id) = found {
        return Ok(id);
    }
    db.prepare_cached("INSERT INTO speakers (name) VALUES (?1)")?
        .execute([name])?;
    Ok(db.last_insert_rowid())
}

kutip_plugin_api::export_plugin!(SqliteExport);
