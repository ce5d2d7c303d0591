//! What changed between two runs' documents, in words.

use serde::Serialize;
use serde_json::Value;
use std::collections::HashMap;
use std::fmt;

/// One difference, worded for a person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// The document id (or `#N` for a document without one).
    pub document: String,
    /// What kind of change.
    pub kind: ChangeKind,
    /// The description, without the document.
    pub text: String,
}

/// Kinds of change, for tools reading `--format json`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// A document appeared.
    DocumentAdded,
    /// A document disappeared.
    DocumentRemoved,
    /// A document failed, or stopped failing, or fails differently.
    DocumentError,
    /// The text itself changed.
    TextChanged,
    /// A quote appeared.
    QuoteAdded,
    /// A quote disappeared.
    QuoteRemoved,
    /// A quote's speaker, cue, kind, time, role or affiliation changed.
    QuoteChanged,
    /// An entity appeared.
    EntityAdded,
    /// An entity disappeared.
    EntityRemoved,
    /// An entity's label, canonical name or value changed.
    EntityChanged,
    /// Metadata changed.
    MetaChanged,
    /// Sentences, paragraphs or boilerplate changed.
    StructureChanged,
    /// Anything else.
    Other,
}

impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "document `{}`: {}", self.document, self.text)
    }
}

impl Change {
    /// `+`, `-` or `~`: the sign a terminal shows before the change.
    pub fn sign(&self) -> char {
        match self.kind {
            ChangeKind::DocumentAdded | ChangeKind::QuoteAdded | ChangeKind::EntityAdded => '+',
            ChangeKind::DocumentRemoved | ChangeKind::QuoteRemoved | ChangeKind::EntityRemoved => {
                '-'
            }
            _ => '~',
        }
    }
}

/// Describes the differences between two golden documents arrays (`kutip/1` documents, or
/// `{"id", "error"}` entries for documents that failed).
pub fn describe(old: &Value, new: &Value) -> Vec<Change> {
    let mut out = Vec::new();
    let empty = Vec::new();
    let old_docs = old.as_array().unwrap_or(&empty);
    let new_docs = new.as_array().unwrap_or(&empty);
    let key = |i: usize, d: &Value| {
        d.get("id")
            .and_then(Value::as_str)
            .map_or_else(|| format!("#{}", i + 1), str::to_string)
    };
    let old_by_id: HashMap<String, &Value> = old_docs
        .iter()
        .enumerate()
        .map(|(i, d)| (key(i, d), d))
        .collect();
    let new_ids: Vec<String> = new_docs
        .iter()
        .enumerate()
        .map(|(i, d)| key(i, d))
        .collect();
    for (i, d) in new_docs.iter().enumerate() {
        let id = &new_ids[i];
        match old_by_id.get(id) {
            None => out.push(change(id, ChangeKind::DocumentAdded, "new document".into())),
            Some(o) => document(id, o, d, &mut out),
        }
    }
    for (i, d) in old_docs.iter().enumerate() {
        let id = key(i, d);
        if !new_ids.contains(&id) {
            out.push(change(
                &id,
                ChangeKind::DocumentRemoved,
                "document no longer produced".into(),
            ));
        }
    }
    out
}

fn change(document: &str, kind: ChangeKind, text: String) -> Change {
    Change {
        document: document.to_string(),
        kind,
        text,
    }
}

fn str_at<'v>(v: &'v Value, path: &[&str]) -> Option<&'v str> {
    let mut cur = v;
    for p in path {
        cur = cur.get(*p)?;
    }
    cur.as_str()
}

fn show(v: Option<&str>) -> String {
    v.map_or_else(|| "nobody".to_string(), str::to_string)
}

fn short(text: &str) -> String {
    let t: String = text.chars().take(60).collect();
    if t.len() < text.len() {
        format!("“{t}…”")
    } else {
        format!("“{t}”")
    }
}

fn document(id: &str, old: &Value, new: &Value, out: &mut Vec<Change>) {
    if old == new {
        return;
    }
    let (old_err, new_err) = (str_at(old, &["error"]), str_at(new, &["error"]));
    if old_err.is_some() || new_err.is_some() {
        let text = match (old_err, new_err) {
            (None, Some(e)) => format!("now fails: {e}"),
            (Some(_), None) => "no longer fails".into(),
            (Some(a), Some(b)) => format!("fails differently: {a} → {b}"),
            (None, None) => unreachable!(),
        };
        out.push(change(id, ChangeKind::DocumentError, text));
        return;
    }
    if old.get("text") != new.get("text") {
        out.push(change(
            id,
            ChangeKind::TextChanged,
            "the text changed".into(),
        ));
    }
    let before = out.len();
    quotes(id, old, new, out);
    entities(id, old, new, out);
    meta(id, old, new, out);
    for (field, what) in [
        ("sentences", "sentences"),
        ("paragraphs", "paragraphs"),
        ("boilerplate", "boilerplate marks"),
    ] {
        let (a, b) = (old.get(field), new.get(field));
        if a != b {
            let count = |v: Option<&Value>| v.and_then(Value::as_array).map_or(0, Vec::len);
            let text = if count(a) == count(b) {
                format!("{what} changed ({} in both, at different places)", count(a))
            } else {
                format!("{what}: {} → {}", count(a), count(b))
            };
            out.push(change(id, ChangeKind::StructureChanged, text));
        }
    }
    if out.len() == before && old.get("text") == new.get("text") {
        // Some field no rule above reads (a field added to kutip/1, for instance).
        let fields: Vec<&str> = new
            .as_object()
            .map(|o| {
                o.iter()
                    .filter(|(k, v)| old.get(k.as_str()) != Some(*v))
                    .map(|(k, _)| k.as_str())
                    .collect()
            })
            .unwrap_or_default();
        out.push(change(
            id,
            ChangeKind::Other,
            format!("changed: {}", fields.join(", ")),
        ));
    }
}

/// Quotes are matched by their content's text; a quote whose words stay the same but whose
/// attribution moves is a change, not a removal and an addition.
fn quotes(id: &str, old: &Value, new: &Value, out: &mut Vec<Change>) {
    let list = |v: &Value| {
        v.get("quotes")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default()
    };
    let (old_q, new_q) = (list(old), list(new));
    let content = |q: &Value| str_at(q, &["content", "text"]).unwrap_or("").to_string();
    let mut unmatched_old: Vec<&Value> = old_q.iter().collect();
    for q in &new_q {
        let c = content(q);
        match unmatched_old.iter().position(|o| content(o) == c) {
            Some(k) => {
                let o = unmatched_old.remove(k);
                quote_fields(id, &c, o, q, out);
            }
            None => out.push(change(
                id,
                ChangeKind::QuoteAdded,
                format!(
                    "{} quote added: {} — {}",
                    str_at(q, &["kind"]).unwrap_or("a"),
                    short(&c),
                    speaker_phrase(q)
                ),
            )),
        }
    }
    for o in unmatched_old {
        out.push(change(
            id,
            ChangeKind::QuoteRemoved,
            format!(
                "{} quote removed: {} — {}",
                str_at(o, &["kind"]).unwrap_or("a"),
                short(&content(o)),
                speaker_phrase(o)
            ),
        ));
    }
}

fn speaker_phrase(q: &Value) -> String {
    let name = str_at(q, &["speaker", "name"]).or_else(|| str_at(q, &["speaker", "text"]));
    match (name, str_at(q, &["cue", "text"])) {
        (Some(n), Some(c)) => format!("{n} ({c})"),
        (Some(n), None) => n.to_string(),
        (None, Some(c)) => format!("speaker unknown ({c})"),
        (None, None) => "speaker unknown".into(),
    }
}

fn quote_fields(id: &str, content: &str, o: &Value, n: &Value, out: &mut Vec<Change>) {
    let fields: [(&str, &[&str]); 7] = [
        ("kind", &["kind"]),
        ("speaker", &["speaker", "name"]),
        ("speaker mention", &["speaker", "text"]),
        ("role", &["speaker", "role"]),
        ("affiliation", &["speaker", "affiliation"]),
        ("cue", &["cue", "text"]),
        ("time", &["time", "text"]),
    ];
    let changed = |what: &str, from: String, to: String| {
        change(
            id,
            ChangeKind::QuoteChanged,
            format!("{what} of {} changed from {from} to {to}", short(content)),
        )
    };
    for (what, path) in fields {
        let (a, b) = (str_at(o, path), str_at(n, path));
        if a != b {
            let shown = |v| {
                if what == "speaker" {
                    show(v)
                } else {
                    show_none(v)
                }
            };
            out.push(changed(what, shown(a), shown(b)));
        }
    }
    for (what, key) in [("confidence", "confidence"), ("rule", "rule")] {
        if o.get(key) != n.get(key) {
            out.push(changed(what, plain(o.get(key)), plain(n.get(key))));
        }
    }
}

fn plain(v: Option<&Value>) -> String {
    match v {
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
        None => "nothing".into(),
    }
}

/// Entities are matched by their text and which occurrence of that text they are, so a shift
/// in offsets after an edit earlier in the text is not reported as a change.
fn entities(id: &str, old: &Value, new: &Value, out: &mut Vec<Change>) {
    let keyed = |v: &Value| -> Vec<((String, usize), Value)> {
        let mut seen: HashMap<String, usize> = HashMap::new();
        v.get("entities")
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .map(|e| {
                        let t = str_at(e, &["text"]).unwrap_or("").to_string();
                        let n = seen.entry(t.clone()).or_default();
                        *n += 1;
                        ((t, *n), e.clone())
                    })
                    .collect()
            })
            .unwrap_or_default()
    };
    let (old_e, new_e) = (keyed(old), keyed(new));
    let old_map: HashMap<&(String, usize), &Value> = old_e.iter().map(|(k, v)| (k, v)).collect();
    let new_map: HashMap<&(String, usize), &Value> = new_e.iter().map(|(k, v)| (k, v)).collect();
    for (k, e) in &new_e {
        let label = str_at(e, &["label"]).unwrap_or("?");
        match old_map.get(k) {
            None => out.push(change(
                id,
                ChangeKind::EntityAdded,
                format!("entity added: {} {label}", short(&k.0)),
            )),
            Some(o) => {
                for field in ["label", "canonical", "value"] {
                    let (a, b) = (str_at(o, &[field]), str_at(e, &[field]));
                    if a != b {
                        out.push(change(
                            id,
                            ChangeKind::EntityChanged,
                            format!(
                                "{field} of entity {} changed from {} to {}",
                                short(&k.0),
                                show_none(a),
                                show_none(b)
                            ),
                        ));
                    }
                }
            }
        }
    }
    for (k, e) in &old_e {
        if !new_map.contains_key(k) {
            let label = str_at(e, &["label"]).unwrap_or("?");
            out.push(change(
                id,
                ChangeKind::EntityRemoved,
                format!("entity removed: {} {label}", short(&k.0)),
            ));
        }
    }
}

fn show_none(v: Option<&str>) -> String {
    v.map_or_else(|| "none".to_string(), str::to_string)
}

fn meta(id: &str, old: &Value, new: &Value, out: &mut Vec<Change>) {
    let empty = serde_json::Map::new();
    let a = old.get("meta").and_then(Value::as_object).unwrap_or(&empty);
    let b = new.get("meta").and_then(Value::as_object).unwrap_or(&empty);
    for (k, v) in b {
        if a.get(k) != Some(v) {
            out.push(change(
                id,
                ChangeKind::MetaChanged,
                format!(
                    "meta `{k}` changed from {} to {}",
                    plain(a.get(k)),
                    plain(Some(v))
                ),
            ));
        }
    }
    for k in a.keys() {
        if !b.contains_key(k) {
            out.push(change(
                id,
                ChangeKind::MetaChanged,
                format!("meta `{k}` removed"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn doc(quotes: Value, entities: Value) -> Value {
        json!([{"id": "d", "text": "x", "meta": {}, "sentences": [], "entities": entities, "quotes": quotes}])
    }

    #[test]
    fn quotes_added_removed_and_reattributed() {
        let q = |c: &str, who: &str| json!({"kind": "direct", "content": {"text": c}, "cue": {"text": "kata"}, "speaker": {"text": who, "name": who}, "confidence": 0.9, "rule": "r"});
        let old = doc(json!([q("Siap", "Budi"), q("Pergi", "Ani")]), json!([]));
        let new = doc(
            json!([q("Siap", "Budi Santoso"), q("Datang", "Ani")]),
            json!([]),
        );
        let words: Vec<String> = describe(&old, &new)
            .iter()
            .map(|c| format!("{} {}", c.sign(), c.text))
            .collect();
        assert_eq!(
            words,
            [
                "~ speaker of “Siap” changed from Budi to Budi Santoso",
                "~ speaker mention of “Siap” changed from Budi to Budi Santoso",
                "+ direct quote added: “Datang” — Ani (kata)",
                "- direct quote removed: “Pergi” — Ani (kata)",
            ]
        );
    }

    #[test]
    fn entity_label_changes_survive_offset_shifts() {
        let e = |t: &str, l: &str, s: u32| json!({"label": l, "text": t, "start": s, "end": s + 3, "canonical": t});
        let old = doc(
            json!([]),
            json!([e("Situasi", "PER", 0), e("Rusia", "LOC", 10)]),
        );
        let new = doc(json!([]), json!([e("Rusia", "LOC", 12)]));
        let words: Vec<String> = describe(&old, &new)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(words, ["document `d`: entity removed: “Situasi” PER"]);
    }

    #[test]
    fn documents_and_failures() {
        let old = json!([{"id": "a", "text": "x"}, {"id": "b", "error": "bad"}]);
        let new = json!([{"id": "b", "text": "y"}, {"id": "c", "text": "z"}]);
        let words: Vec<String> = describe(&old, &new)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            words,
            [
                "document `b`: no longer fails",
                "document `c`: new document",
                "document `a`: document no longer produced"
            ]
        );
    }
}
