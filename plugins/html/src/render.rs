//! Writing the report's HTML. Every piece of document text goes through [`escape`].

use kutip_plugin_api::wire::{QuoteKind, WireDocument};
use std::cmp::Reverse;
use std::collections::HashMap;
use std::io::{self, Write};

/// Escapes text for HTML element content and quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = r#"
:root { --direct: #fde68a; --indirect: #bfdbfe; --mixed: #ddd6fe; }
body { font: 16px/1.6 Georgia, "Times New Roman", serif; color: #1f2937; margin: 0; background: #f9fafb; }
.report { display: flex; flex-direction: column; max-width: 56rem; margin: 0 auto; padding: 1.5rem; }
header { order: 0; } .legend { order: 1; } .speakers { order: 2; } .doc { order: 3; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; } h2 { font-size: 1.2rem; margin: 0 0 .25rem; }
.sub, .meta { color: #6b7280; font-size: .9rem; margin: 0 0 .75rem; }
section, article { background: #fff; border: 1px solid #e5e7eb; border-radius: .5rem; padding: 1rem 1.25rem; margin: 0 0 1rem; }
.legend ul { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: .4rem 1rem; font-size: .9rem; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { text-align: left; padding: .25rem .5rem; border-bottom: 1px solid #e5e7eb; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
.text p { margin: 0 0 .8rem; }
mark.quote { padding: .05em 0; border-radius: .15em; color: inherit; }
mark.direct { background: var(--direct); } mark.indirect { background: var(--indirect); } mark.mixed { background: var(--mixed); }
.speaker { font-weight: bold; text-decoration: underline; text-decoration-thickness: 2px; text-underline-offset: 3px; }
.cue { font-style: italic; text-decoration: underline dotted; }
.ent { border-bottom: 2px solid var(--c); }
.ent-PER { --c: #dc2626; } .ent-ORG { --c: #2563eb; } .ent-LOC { --c: #059669; } .ent-ROLE { --c: #9333ea; }
.ent-DATE, .ent-TIME { --c: #d97706; } .ent-MONEY, .ent-PERCENT, .ent-QUANTITY { --c: #6b7280; }
.boilerplate { color: #9ca3af; }
.quotes { font-size: .92rem; margin: .5rem 0 0; padding-left: 1.5rem; }
.quotes li { margin: .2rem 0; }
.kind { display: inline-block; font: .75rem/1.4 system-ui, sans-serif; padding: 0 .35rem; border-radius: .25rem; }
.kind.direct { background: var(--direct); } .kind.indirect { background: var(--indirect); } .kind.mixed { background: var(--mixed); }
"#;

/// The page up to the first article: head, title, legend.
pub fn head(out: &mut impl Write, title: &str) -> io::Result<()> {
    let title = escape(title);
    write!(
        out,
        "<!doctype html>\n<html lang=\"id\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"kutip html {}\">\n\
         <title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main class=\"report\">\n\
         <header><h1>{title}</h1></header>\n",
        env!("CARGO_PKG_VERSION")
    )?;
    out.write_all(
        b"<section class=\"legend\"><h2>Legend</h2><ul>\
<li><mark class=\"quote direct\">direct quote</mark></li>\
<li><mark class=\"quote indirect\">indirect quote</mark></li>\
<li><mark class=\"quote mixed\">mixed quote</mark></li>\
<li><span class=\"speaker\">speaker</span></li>\
<li><span class=\"cue\">cue (kata, ujar)</span></li>\
<li><span class=\"ent ent-PER\">person</span></li>\
<li><span class=\"ent ent-ORG\">organisation</span></li>\
<li><span class=\"ent ent-LOC\">place</span></li>\
<li><span class=\"ent ent-ROLE\">role</span></li>\
<li><span class=\"ent ent-DATE\">date, time</span></li>\
<li><span class=\"ent ent-QUANTITY\">amount</span></li>\
<li><span class=\"boilerplate\">not article text</span></li>\
</ul></section>\n",
    )
}

/// One speaker's line in the table.
#[derive(Default)]
pub struct SpeakerRow {
    role: Option<String>,
    affiliation: Option<String>,
    counts: [usize; 3],
    documents: usize,
    last_document: usize,
}

fn kind_index(kind: QuoteKind) -> usize {
    match kind {
        QuoteKind::Direct => 0,
        QuoteKind::Indirect => 1,
        QuoteKind::Mixed => 2,
    }
}

/// Adds the quotes of document number `number` (1, 2, …) to the speaker table. Quotes whose
/// speaker has no resolved name count under the mention as written, in brackets.
pub fn count_speakers(
    doc: &WireDocument<'_>,
    number: usize,
    speakers: &mut HashMap<String, SpeakerRow>,
) {
    for q in &doc.quotes {
        let key = match &q.speaker {
            Some(s) => match &s.name {
                Some(name) => name.to_string(),
                None => format!("({})", s.text),
            },
            None => "(unknown)".to_string(),
        };
        let row = speakers.entry(key).or_default();
        row.counts[kind_index(q.kind)] += 1;
        if let Some(s) = &q.speaker {
            row.role = row
                .role
                .take()
                .or_else(|| s.role.as_deref().map(str::to_string));
            row.affiliation = row
                .affiliation
                .take()
                .or_else(|| s.affiliation.as_deref().map(str::to_string));
        }
        if row.last_document != number {
            row.last_document = number;
            row.documents += 1;
        }
    }
}

/// A marked range of the text, in bytes.
struct Mark {
    start: usize,
    end: usize,
    /// Lower ranks enclose higher ones where they overlap.
    rank: u8,
    open: String,
    close: &'static str,
}

/// One article: heading, metadata, the marked-up text, its quotes.
pub fn article(
    out: &mut impl Write,
    doc: &WireDocument<'_>,
    number: usize,
    entities: bool,
) -> io::Result<()> {
    write!(
        out,
        "<article class=\"doc\" id=\"doc-{number}\">\n<h2>{}</h2>\n",
        escape(&doc.id)
    )?;
    let meta: Vec<String> = [
        "title",
        "source",
        "author",
        "dateline_place",
        "date",
        "published",
    ]
    .iter()
    .filter_map(|k| doc.meta.get(*k).and_then(|v| v.as_str()))
    .map(escape)
    .collect();
    if !meta.is_empty() {
        writeln!(out, "<p class=\"meta\">{}</p>", meta.join(" · "))?;
    }
    out.write_all(b"<div class=\"text\">")?;
    out.write_all(marked_text(doc, entities).as_bytes())?;
    out.write_all(b"</div>\n")?;
    if !doc.quotes.is_empty() {
        out.write_all(b"<ol class=\"quotes\">\n")?;
        for q in &doc.quotes {
            let kind = q.kind.as_str();
            let who = match &q.speaker {
                Some(s) => {
                    let name = s.name.as_deref().unwrap_or(&s.text);
                    let detail: Vec<&str> = [s.role.as_deref(), s.affiliation.as_deref()]
                        .into_iter()
                        .flatten()
                        .collect();
                    if detail.is_empty() {
                        format!("<b>{}</b>", escape(name))
                    } else {
                        format!("<b>{}</b> ({})", escape(name), escape(&detail.join(", ")))
                    }
                }
                None => "<i>speaker unknown</i>".to_string(),
            };
            writeln!(
                out,
                "<li><span class=\"kind {kind}\">{kind}</span> {who}: {}</li>",
                escape(&q.content.text)
            )?;
        }
        out.write_all(b"</ol>\n")?;
    }
    out.write_all(b"</article>\n")
}

/// The document's text with paragraphs, boilerplate, quotes, cues, speakers and entities
/// marked. Marks that cross (a quote running over two paragraphs) are closed and reopened so
/// the HTML always nests.
fn marked_text(doc: &WireDocument<'_>, entities: bool) -> String {
    let text: &str = &doc.text;
    // Character offset → byte offset, one entry per character plus the end.
    let mut bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    bytes.push(text.len());
    let at = |c: u32| bytes.get(c as usize).copied().unwrap_or(text.len());
    let mut marks = Vec::new();
    let mut mark = |start: u32, end: u32, rank: u8, open: String, close: &'static str| {
        let (start, end) = (at(start), at(end));
        if start < end {
            marks.push(Mark {
                start,
                end,
                rank,
                open,
                close,
            });
        }
    };
    if doc.paragraphs.is_empty() {
        let mut start = 0;
        for line in text.split('\n') {
            let chars = line.chars().count() as u32;
            mark(start, start + chars, 0, "<p>".into(), "</p>");
            start += chars + 1;
        }
    }
    for p in &doc.paragraphs {
        mark(p.start, p.end, 0, "<p>".into(), "</p>");
    }
    for b in &doc.boilerplate {
        let kind = serde_json::to_value(b.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        mark(
            b.start,
            b.end,
            1,
            format!("<span class=\"boilerplate\" title=\"{}\">", escape(&kind)),
            "</span>",
        );
    }
    for q in &doc.quotes {
        let mut title = q.kind.as_str().to_string();
        if let Some(s) = &q.speaker {
            title.push_str(" · ");
            title.push_str(s.name.as_deref().unwrap_or(&s.text));
        }
        title.push_str(&format!(" · confidence {:.2}", q.confidence));
        mark(
            q.content.start,
            q.content.end,
            2,
            format!(
                "<mark class=\"quote {}\" title=\"{}\">",
                q.kind.as_str(),
                escape(&title)
            ),
            "</mark>",
        );
        if let Some(cue) = &q.cue {
            mark(
                cue.start,
                cue.end,
                3,
                "<span class=\"cue\">".into(),
                "</span>",
            );
        }
        if let Some(s) = &q.speaker {
            let name = s.name.as_deref().unwrap_or(&s.text);
            mark(
                s.start,
                s.end,
                3,
                format!("<span class=\"speaker\" title=\"{}\">", escape(name)),
                "</span>",
            );
        }
    }
    if entities {
        for e in &doc.entities {
            let label = e.label.as_str();
            let title = if e.canonical != e.text {
                format!("{label}: {}", e.canonical)
            } else {
                label.to_string()
            };
            mark(
                e.start,
                e.end,
                4,
                format!(
                    "<span class=\"ent ent-{label}\" title=\"{}\">",
                    escape(&title)
                ),
                "</span>",
            );
        }
    }
    nest(text, marks)
}

/// Writes `text` with `marks` as properly nested elements. The open elements always go from
/// lowest to highest rank; an element that must close early (because one below it ends, or one
/// of lower rank starts inside it) is closed and reopened. Tags are written only around text
/// that is written, so the line breaks between paragraphs never end up inside a mark of their
/// own.
fn nest(text: &str, mut marks: Vec<Mark>) -> String {
    marks.sort_by_key(|m| (m.start, m.rank, Reverse(m.end)));
    let mut points: Vec<usize> = marks.iter().flat_map(|m| [m.start, m.end]).collect();
    points.push(text.len());
    points.sort_unstable();
    points.dedup();
    let mut out = String::with_capacity(text.len() * 2);
    // Marks open at the current point, lowest rank first; the first `written` of them have had
    // their opening tag written.
    let mut open: Vec<usize> = Vec::new();
    let mut written = 0;
    let mut next = 0; // the next mark (by start) not yet opened
    let mut pos = 0;
    for point in points {
        if point > pos {
            let piece = &text[pos..point];
            // Outside paragraphs only line breaks remain; they carry nothing in HTML.
            let between_paragraphs = open.iter().all(|&i| marks[i].rank > 0);
            if !(between_paragraphs && piece.trim().is_empty()) {
                for &i in &open[written..] {
                    out.push_str(&marks[i].open);
                }
                written = open.len();
                out.push_str(&escape(piece));
            }
            pos = point;
        }
        let mut reopen: Vec<usize> = Vec::new();
        let mut close_from = open.iter().position(|&i| marks[i].end <= point);
        let lowest_starting = marks[next..]
            .iter()
            .take_while(|m| m.start == point)
            .map(|m| m.rank)
            .min();
        if let Some(lowest) = lowest_starting {
            let above = open.iter().position(|&i| marks[i].rank > lowest);
            close_from = match (close_from, above) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
        }
        if let Some(from) = close_from {
            while open.len() > from {
                let i = open.pop().expect("non-empty");
                if open.len() < written {
                    out.push_str(marks[i].close);
                    written = open.len();
                }
                if marks[i].end > point {
                    reopen.push(i);
                }
            }
        }
        while next < marks.len() && marks[next].start == point {
            reopen.push(next);
            next += 1;
        }
        reopen.sort_by_key(|&i| (marks[i].rank, Reverse(marks[i].end)));
        open.extend(reopen);
    }
    out
}

/// The summary (shown first through CSS `order`) and the end of the page.
pub fn tail(
    out: &mut impl Write,
    documents: usize,
    quotes: usize,
    speakers: &HashMap<String, SpeakerRow>,
) -> io::Result<()> {
    let mut rows: Vec<(&String, &SpeakerRow)> = speakers.iter().collect();
    rows.sort_by(|a, b| {
        let total = |r: &SpeakerRow| r.counts.iter().sum::<usize>();
        total(b.1).cmp(&total(a.1)).then_with(|| a.0.cmp(b.0))
    });
    write!(
        out,
        "<section class=\"speakers\"><h2>Speakers</h2>\n<p class=\"sub\">{documents} article{}, {quotes} quote{}, {} speaker{}</p>\n",
        if documents == 1 { "" } else { "s" },
        if quotes == 1 { "" } else { "s" },
        rows.len(),
        if rows.len() == 1 { "" } else { "s" },
    )?;
    if !rows.is_empty() {
        out.write_all(b"<table>\n<thead><tr><th>Speaker</th><th>Role</th><th>Affiliation</th><th class=\"n\">Direct</th><th class=\"n\">Indirect</th><th class=\"n\">Mixed</th><th class=\"n\">Total</th><th class=\"n\">Articles</th></tr></thead>\n<tbody>\n")?;
        for (name, row) in rows {
            let [d, i, m] = row.counts;
            writeln!(
                out,
                "<tr><td class=\"speaker-name\">{}</td><td>{}</td><td>{}</td><td class=\"n\">{d}</td><td class=\"n\">{i}</td><td class=\"n\">{m}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
                escape(name),
                escape(row.role.as_deref().unwrap_or("")),
                escape(row.affiliation.as_deref().unwrap_or("")),
                d + i + m,
                row.documents
            )?;
        }
        out.write_all(b"</tbody>\n</table>\n")?;
    }
    out.write_all(b"</section>\n</main>\n</body>\n</html>\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(start: usize, end: usize, rank: u8, tag: &'static str) -> Mark {
        Mark {
            start,
            end,
            rank,
            open: format!("<{tag}>"),
            close: match tag {
                "p" => "</p>",
                "m" => "</m>",
                _ => "</e>",
            },
        }
    }

    #[test]
    fn crossing_marks_are_closed_and_reopened() {
        // Two paragraphs, a quote across the break, an entity inside the quote.
        let text = "aaa bbb\nccc ddd";
        let html = nest(
            text,
            vec![
                mark(0, 7, 0, "p"),
                mark(8, 15, 0, "p"),
                mark(4, 11, 2, "m"),
                mark(9, 10, 4, "e"),
            ],
        );
        assert_eq!(html, "<p>aaa <m>bbb</m></p><p><m>c<e>c</e>c</m> ddd</p>");
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            escape("<img src=x onerror=\"alert('x')\"> & more"),
            "&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt; &amp; more"
        );
    }
}
