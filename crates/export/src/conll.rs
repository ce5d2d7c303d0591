//! `conll`: one `token<TAB>label` line per token, blank lines between sentences, `-DOCSTART-`
//! lines kept — for a CoNLL input, exactly the input's lines in the input's order.

use kutip_core::{
    Document, EntityLabel, ExportError, Exporter, Quote, QuoteKind, SourceLine, Span, Speaker,
    TokenKind,
};
use schemars::JsonSchema;
use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use std::io::Write;

/// Which labels to write.
#[derive(Clone, Copy, Debug, Default, Deserialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum Scheme {
    /// Entity labels (PER, ORG, LOC, DATE, …), restricted by `labels` when given.
    #[default]
    Entities,
    /// Quote attribution in the PFSA-ID scheme: STATEMENT, CUE, CUECOREF, PERSON, PERSONCOREF,
    /// ROLE, AFFILIATION, DATETIME; direct quotes only, quotation marks inside STATEMENT.
    PfsaId,
    /// Quote attribution in the KoTA scheme: the same labels for indirect quotes only, plus every
    /// person (full name), position and organisation the entity layer found outside statements.
    Kota,
}

/// How span boundaries are marked.
#[derive(Clone, Copy, Debug, Default, Deserialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Encoding {
    /// B- begins, I- continues.
    Bio,
    /// B- begins, I- continues, L- ends, U- is a one-token span.
    #[default]
    Bilou,
}

/// Options of the `conll` exporter.
#[derive(Clone, Debug, Deserialize, JsonSchema, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct ConllConfig {
    /// The label scheme: `entities`, `pfsa-id` or `kota`.
    pub scheme: Scheme,
    /// `bio` or `bilou`.
    pub encoding: Encoding,
    /// With the `entities` scheme: only these labels are written (e.g. ["PER", "ORG", "LOC"]);
    /// empty means all.
    pub labels: Vec<String>,
    /// With the `kota` scheme: cue words labelled `CUECOREF` like a `-nya` cue, because the
    /// speaker is named right after them ("Menurut Hartono, …", "…, lanjut Hartono, …"), as KoTA
    /// annotates them. Lower case.
    pub coref_cues: Vec<String>,
    /// With the `kota` scheme: honorifics, academic or religious titles and police or military
    /// ranks written before a name (`Dr.`, `Hj.`, `Bapak`, `Ustadz`, `Kompol`). KoTA labels
    /// positions, not titles, so a `ROLE` from the entity layer made of these words only is left
    /// unlabelled, and a `PERSON`/`PERSONCOREF` starts after them. Matched as written.
    pub titles: Vec<String>,
    /// With the `kota` scheme: a token with a full stop between digits (`Rp10.000`, `1.932.666`,
    /// `03.00`) is left out of a statement and splits it in two. KoTA's annotation cut
    /// sentences at every full stop, numbers too: such a token is `O` and the statement starts
    /// again after it.
    pub dotted_number_breaks: bool,
    /// With the `kota` scheme: how many tokens back a name counts as written already (a later
    /// reference, not an introduction). A corpus file without article boundaries is one
    /// document; a few hundred tokens are about an article.
    pub repeat_window: usize,
    /// With the `kota` scheme: verbs whose object is mostly a topic, an addressee or an example
    /// rather than a reported clause ("menekankan pentingnya …", "menyoroti …", "mengajak warga
    /// …", "mencontohkan …"). Right before their object (no comma or `bahwa`), their speaker is
    /// labelled; the verb and its object are not (no `CUE`, no `STATEMENT`).
    pub topic_cues: Vec<String>,
    /// With the `kota` scheme: the `topic_cues` whose verb and object are labelled after all
    /// (`CUE`, `STATEMENT`) where the speaker is labelled as a person (`PERSON`,
    /// `PERSONCOREF`): "Budi menyoroti pentingnya …", but not "Lembaga X menyoroti …".
    pub person_topic_cues: Vec<String>,
    /// With the `kota` scheme: the cue words whose clause KoTA labels when the cue stands in the
    /// middle of the sentence ("Harga itu, kata Budi, naik", "…, lanjut Budi, …"). Lower case.
    /// The short cues of direct speech written there instead (`imbuh`, `ujar`, `sebut`,
    /// `katanya`…) are mostly left unlabelled by the corpus, cue and speaker too.
    pub middle_cues: Vec<String>,
    /// With the `kota` scheme: the organisation written right after a position is labelled
    /// with it as its `AFFILIATION` ("Kepala | Dinas Pendidikan dan Kebudayaan ( Disdikbud )
    /// Kota Sukamaju"), read over capitalised words, the entity layer's organisations and
    /// places, numbers, "dan" and a bracketed abbreviation up to the name, a comma or a
    /// lower-case word, also where the entity layer found no organisation there or a shorter
    /// one: KoTA labels a position and its organisation as a pair, the place included.
    pub organisation_after_position: bool,
    /// With the `kota` scheme and `organisation_after_position`: government titles whose
    /// `ROLE` runs over the field or region written after them ("Menteri Agama", "Bupati
    /// Sukamaju", "Kepala Desa Sukamaju"), as KoTA labels them, with no `AFFILIATION`.
    /// Matched as written against the position's last word; in lower case ("pemilihan bupati
    /// Sukamaju") such a title is generic and takes nothing after it.
    pub place_titles: Vec<String>,
    /// With the `kota` scheme and `organisation_after_position`: titles KoTA labels bare,
    /// without what follows them ("Presiden | RI Budi"): nothing is read after them.
    pub bare_titles: Vec<String>,
    /// With the `kota` scheme and `organisation_after_position`: a position in lower case with
    /// no organisation or name after it, in a sentence that reports no speech, is generic ("para
    /// kepala sekolah", "pemilihan presiden", "pejabat daerah") and is left unlabelled; KoTA
    /// labels few of them (dev: 15 of 147).
    pub generic_positions: bool,
    /// With the `kota` scheme: words after which an organisation is where something happens,
    /// a place ("di Universitas X", "dalam Rapat …"): KoTA labels it `LOCATION` or nothing
    /// (dev: 6 of 80 were `AFFILIATION`), so it is left unlabelled. Lower case.
    pub place_prepositions: Vec<String>,
    /// With the `kota` scheme: a speaker named by a position alone before its verb ("Menteri
    /// Agama menambahkan …") is a `PERSONCOREF`, a reference back, not a `ROLE`.
    pub positions_as_references: bool,
    /// With the `kota` scheme: the entity fill leaves out a name in a list of names, set off by
    /// commas from another person, in a sentence that reports no speech (the people present at
    /// something; KoTA labels few of them).
    pub no_listed_people: bool,
    /// With the `kota` scheme: an organisation written right before a name, with no position
    /// before it, is left unlabelled (a caption, a list, or a name the tagger split).
    pub no_organisation_before_name: bool,
    /// With the `pfsa-id` and `kota` schemes: each labelled statement's place and occasion (the
    /// quote's `location` and `event`) are written `LOCATION` and `EVENT`, and with `pfsa-id`
    /// the article's `topic` is written `ISSUE`.
    pub settings: bool,
    /// With the `kota` scheme and `settings`: verbs of holding an event ("digelar di X"); the
    /// place the entity layer finds right after them and `di` is written `LOCATION` too, as
    /// KoTA labels where events were held. Empty: none.
    pub venue_verbs: Vec<String>,
    /// With the `kota` scheme: words that, as a position's second word, say the range of the
    /// chair ("Ketua Umum", "Koordinator Nasional"); right before an organisation KoTA labels
    /// them with it ("Ketua | Umum Asosiasi X"), so the position is cut before them and the
    /// organisation starts with them. Matched as written. Empty: none.
    pub scope_words: Vec<String>,
    /// With the `kota` scheme: words that begin a unit of an organisation (a faculty, a study
    /// programme, a team); inside a position ("Dekan Fakultas Hukum Universitas X", "Ketua
    /// Program Studi Y") KoTA labels the unit with the organisation ("Dekan | Fakultas Hukum
    /// Universitas X"), so the position is cut before the first of them and the rest is the
    /// `AFFILIATION`, with the organisation written after it. Matched as written. Empty: none.
    pub unit_words: Vec<String>,
    /// With the `kota` scheme and `settings`: a place after `di` that runs up to a written date
    /// ("di Gedung X , Sukamaju , Senin ( 2 / 12 / 2024 )", "di Balai Desa Y pada Sabtu …"),
    /// capitalised words, "dan" and commas between, is written `LOCATION`: where something
    /// dated happened, which KoTA labels about two times in five.
    pub dated_places: bool,
    /// With the `kota` scheme and `settings`: words right before the name of an event
    /// ("menggelar | Festival Budaya Sukamaju 2024", "saat | Musyawarah Besar Sukamaju"); the
    /// capitalised name of two tokens or more after them (numbers, `ke-5`, a bracketed
    /// abbreviation and "dan" between capitals included, up to a full stop) is written `EVENT`.
    /// Lower case. Empty: none.
    pub event_verbs: Vec<String>,
    /// With the `kota` scheme and `settings`: words right before a place the entity layer finds
    /// that make it the place something covers ("di seluruh | Sukamaju"), written `LOCATION`.
    /// Lower case. Empty: none.
    pub place_after: Vec<String>,
    /// With the `kota` scheme: words that open the name of an organisation of a known type
    /// (a school, "SDN 3 Sukamaju"; a district police unit, "Polres Sukamaju"; a regional
    /// office, "Dinas X Kota Sukamaju"). Where the entity layer found nothing there,
    /// such a word with the capitalised words, numbers and bracketed abbreviation after it is
    /// written `AFFILIATION`, unless it follows "dan", a capitalised word, a place preposition
    /// or a word of studying (a list, a longer name, a place, an alma mater). Matched as
    /// written. Empty: none.
    pub organisation_types: Vec<String>,
}

impl Default for ConllConfig {
    fn default() -> Self {
        ConllConfig {
            scheme: Scheme::Entities,
            encoding: Encoding::Bilou,
            labels: Vec::new(),
            coref_cues: vec!["menurut".into(), "lanjut".into()],
            titles: [
                "Bapak", "Ibu", "Pak", "Bu", "Saudara", "Sdr.", "Sdr", "Dr.", "Dr", "dr.", "Prof.",
                "Prof", "H.", "Hj.", "Hj", "Ir.", "Ir", "Drs.", "Drs", "KH.", "KH", "Tn.", "Tn",
                "Ny.", "Ny", "Ustadz", "Ustaz", "Habib", "Jenderal", "Letjen", "Mayjen", "Brigjen",
                "Kolonel", "Letkol", "Mayor", "Kapten", "Komjen", "Irjen", "Kombes", "AKBP",
                "Kompol", "AKP", "Iptu", "Ipda", "Aiptu", "Aipda", "Bripka", "Brigadir", "Briptu",
                "Bripda", "Pol", "Ratu", "Mr.", "Mr", "Mrs.", "Ms.",
            ]
            .map(String::from)
            .to_vec(),
            dotted_number_breaks: true,
            repeat_window: 300,
            topic_cues: [
                "menekankan",
                "menyoroti",
                "mengajak",
                "mencontohkan",
                "menceritakan",
                "mengusulkan",
                "melanjutkan",
            ]
            .map(String::from)
            .to_vec(),
            person_topic_cues: vec!["menyoroti".into()],
            middle_cues: ["kata", "lanjut", "lanjutnya"].map(String::from).to_vec(),
            organisation_after_position: true,
            place_titles: [
                "Menteri", "Bupati", "Gubernur", "Walikota", "Kota", "Camat", "Lurah", "Desa",
                "Kapolda", "Kapolres", "Senator",
            ]
            .map(String::from)
            .to_vec(),
            bare_titles: ["Presiden", "Wapres"].map(String::from).to_vec(),
            generic_positions: true,
            place_prepositions: ["di", "dalam", "pada"].map(String::from).to_vec(),
            positions_as_references: true,
            no_listed_people: true,
            no_organisation_before_name: true,
            settings: true,
            venue_verbs: Vec::new(),
            scope_words: Vec::new(),
            unit_words: Vec::new(),
            dated_places: false,
            event_verbs: Vec::new(),
            place_after: Vec::new(),
            organisation_types: Vec::new(),
        }
    }
}

/// Writes documents as CoNLL lines.
pub struct ConllExporter<'w> {
    out: Box<dyn Write + Send + 'w>,
    config: ConllConfig,
    /// Labels per token, reused between documents.
    labels: Vec<Option<(&'static str, Position)>>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Position {
    Begin,
    Inside,
    Last,
    Unit,
}

impl<'w> ConllExporter<'w> {
    /// An exporter writing to `out`.
    pub fn new(out: Box<dyn Write + Send + 'w>, config: ConllConfig) -> ConllExporter<'w> {
        ConllExporter {
            out,
            config,
            labels: Vec::new(),
        }
    }

    /// Labels the tokens a span covers, unless one of them is labelled already.
    fn mark(&mut self, doc: &Document, span: Span, label: &'static str) {
        let first = doc.token_at(span.start);
        let mut end = first;
        while end < doc.tokens.len() && doc.tokens[end].span.start < span.end {
            end += 1;
        }
        if first >= end || self.labels[first..end].iter().any(Option::is_some) {
            return;
        }
        self.relabel(first, end, label);
    }

    fn label_document(&mut self, doc: &Document) {
        self.labels.clear();
        self.labels.resize(doc.tokens.len(), None);
        match self.config.scheme {
            Scheme::Entities => {
                for e in &doc.entities {
                    let label = e.label.as_str();
                    if self.config.labels.is_empty()
                        || self.config.labels.iter().any(|l| l == label)
                    {
                        self.mark(doc, e.span, label);
                    }
                }
            }
            Scheme::PfsaId => self.label_pfsa(doc),
            Scheme::Kota => self.label_kota(doc),
        }
        self.unlabel_broken_spans();
    }

    /// Unlabels every run of tokens that is not one whole span (a begin, one label throughout,
    /// an end): a rule that shortens or cuts into a span written before can leave part of it
    /// behind (the name an organisation ran over), and no BILOU or BIO reader accepts an `I-`
    /// after `O`. The part left is what a better-founded reading took away, so it is dropped
    /// rather than kept as a span of its own.
    fn unlabel_broken_spans(&mut self) {
        let mut k = 0;
        while k < self.labels.len() {
            let Some((label, position)) = self.labels[k] else {
                k += 1;
                continue;
            };
            if position == Position::Unit {
                k += 1;
                continue;
            }
            let mut end = k + 1;
            let mut closed = position == Position::Last;
            while !closed {
                match self.labels.get(end) {
                    Some(Some((next, Position::Inside))) if *next == label => end += 1,
                    Some(Some((next, Position::Last))) if *next == label => {
                        end += 1;
                        closed = true;
                    }
                    _ => break,
                }
            }
            if !(position == Position::Begin && closed) {
                self.labels[k..end].fill(None);
            }
            k = end;
        }
    }

    /// PFSA-ID: direct quotes with their cue after them and the speaker mention after the cue;
    /// the introduction (role, affiliation, name) of every speaker quoted that way, once per
    /// article, whichever kind of statement it comes with.
    fn label_pfsa(&mut self, doc: &Document) {
        // The article's topic sentence is PFSA's ISSUE; nothing else is labelled inside it.
        if self.config.settings {
            if let Some(topic) = doc.topic {
                self.mark(doc, topic, "ISSUE");
            }
        }
        let cue_after = |q: &Quote| {
            q.kind == QuoteKind::Direct
                && q.cue.is_some_and(|c| c.start >= q.content.end)
                && q.speaker.as_ref().is_some_and(|s| s.public_figure)
        };
        // PFSA introduces only people it quotes directly: the speakers of labelled statements.
        let quoted: HashSet<Option<&str>> = doc
            .quotes
            .iter()
            .filter(|q| cue_after(q))
            .filter_map(|q| q.speaker.as_ref())
            .map(|s| s.name.as_deref())
            .collect();
        let mut introduced = HashSet::new();
        // Speakers named so far by a position alone ("kata Presiden dari Istana X"): the corpus
        // labels the first such mention of a speaker not introduced by name as ROLE, later ones
        // as references back.
        let mut by_position = HashSet::new();
        // The corpus dates the statements it labels and the statements that introduce their
        // speakers (one document may hold several articles, each dated).
        let mut dated = false;
        let mut intro_dated = false;
        // A date inside what is reported ("X mengatakan, warga dievakuasi pada Senin (…)") is the
        // day of the event, not of the statement; one that opens it ("Menurut X, Senin (…), …")
        // is the statement's.
        // A day said to come ("Senin (22/6) mendatang") is the day of an event, never of speech.
        let spoken = |q: &Quote| {
            q.time
                .filter(|t| t.start <= q.content.start || !q.content.contains(*t))
                .filter(|t| !future(doc, *t))
        };
        for q in &doc.quotes {
            let cue_after = cue_after(q);
            if cue_after {
                self.mark(doc, with_marks(doc, q.content), "STATEMENT");
                if let Some(cue) = q.cue {
                    // A cue ending in "nya" with its speaker named after it is no `-nya` form:
                    // "tanya Budi" (asked Budi).
                    let named_after = q.speaker.as_ref().is_some_and(|s| s.span.start >= cue.end);
                    let label = match cue_label(doc, cue) {
                        "CUECOREF" if named_after => "CUE",
                        label => label,
                    };
                    self.mark(doc, cue, label);
                }
            }
            let Some(s) = &q.speaker else { continue };
            let introduces = is_introduction(s);
            if cue_after && !introduces && !q.cue.is_some_and(|c| c.contains(s.span)) {
                let named = s.person.filter(|p| s.span.contains(*p));
                let position = own_position(doc, s).filter(|_| {
                    named.is_none()
                        && !introduced.contains(&s.name)
                        && by_position.insert(s.name.clone())
                });
                match position {
                    Some(r) => {
                        let own = Speaker {
                            role: Some(r),
                            affiliation: s.affiliation.filter(|a| s.span.contains(*a)),
                            ..s.clone()
                        };
                        self.mark_role(doc, &own);
                    }
                    None => self.mark(doc, named.unwrap_or(s.span), "PERSONCOREF"),
                }
            }
            // A speaker introduced before, named again with a role ("kata Menteri Budi"): the
            // whole mention refers back.
            if cue_after && introduces && role_first(s) && introduced.contains(&s.name) {
                self.mark(doc, s.span, "PERSONCOREF");
            }
            // One named again with a position after the name ("ujar Budi yang juga Ketua
            // Komite X"): the name refers back, the position is labelled where it is written.
            if cue_after && introduces && !role_first(s) && introduced.contains(&s.name) {
                if let Some(p) = s.person {
                    self.mark(doc, p, "PERSONCOREF");
                    self.mark_role(doc, s);
                }
            }
            // The introduction: role + name, or a full name alone when the text gives the
            // speaker no position the lexicons know ("Penulis naskah …, Irfan Ramli,").
            let full_name = |p: &Span| doc.slice(*p).contains(char::is_whitespace);
            if let Some(person) = s.person.filter(|p| {
                s.public_figure
                    && (s.role.is_some() || full_name(p) || introduces)
                    && quoted.contains(&s.name.as_deref())
                    && !in_lead(doc, *p)
            }) {
                if introduced.insert(s.name.clone()) {
                    self.mark(doc, person, "PERSON");
                    // "Budi Santoso, Senin (13/4/2020), mengatakan, …" (a name with its position
                    // after it, away from the statement, in a sentence where nobody speaks, dates
                    // an event: "Budi, Kepala Dinas X, meninjau …, Sabtu (…)").
                    let apposed = s.role.is_some_and(|r| r.start >= person.end);
                    let speaks = !apposed || s.span.contains(person) || spoken_in(doc, person);
                    let written = self.mark_time(
                        doc,
                        date_in_sentence(doc, person, q.cue)
                            .filter(|_| speaks)
                            .or_else(|| spoken(q)),
                    );
                    if s.role.is_some() {
                        self.mark_role(doc, s);
                        intro_dated |= written && !cue_after;
                        // "Kepala Dinas X Budi , yang juga juru bicara Satgas Y , mengatakan":
                        // a second position in a relative clause after the introduced name is
                        // labelled where it is written, as the corpus does.
                        if role_first(s) {
                            if let Some((role, org)) = also_position(doc, person) {
                                self.mark(doc, role, "ROLE");
                                if let Some(org) = org {
                                    self.mark(doc, org, "AFFILIATION");
                                }
                            }
                        }
                    }
                    if speaks {
                        self.mark_setting(doc, q);
                        // The place and occasion of the statement that introduces the speaker,
                        // if another one does ("Budi di Sukamaju, Senin, mengatakan, …").
                        let own = doc
                            .quotes
                            .iter()
                            .find(|o| o.speaker.as_ref().is_some_and(|x| x.span.contains(person)));
                        if let Some(o) = own {
                            self.mark_setting(doc, o);
                        }
                    }
                }
            }
            if cue_after {
                dated |= self.mark_time(doc, spoken(q));
                self.mark_setting(doc, q);
            }
        }
        // Nothing labelled is dated: the date of the first statement of a public figure quoted
        // directly (whom the corpus labels) that has one is still the article's date of speech.
        if !dated && !intro_dated {
            for q in &doc.quotes {
                let public = q.speaker.as_ref().is_some_and(|s| {
                    s.public_figure && s.name.is_some() && quoted.contains(&s.name.as_deref())
                });
                if public && self.mark_time(doc, spoken(q)) {
                    break;
                }
            }
        }
    }

    /// KoTA: indirect (and mixed) quotes, the reported content after the cue.
    fn label_kota(&mut self, doc: &Document) {
        // KoTA's statement is the clause after its cue: a clause whose cue follows it
        // ("…, kata Hartono.", "…, kantor berita itu melaporkan.") is not labelled.
        let cue_before = |q: &Quote| q.cue.is_none_or(|c| c.start < q.content.start);
        // The entity layer's label and last token at each token, and whether one covers it.
        let mut entity_at: Vec<Option<(EntityLabel, usize)>> = vec![None; doc.tokens.len()];
        for e in &doc.entities {
            let (first, end) = token_range(doc, e.span);
            for slot in entity_at.iter_mut().take(end).skip(first) {
                *slot = Some((e.label, end - 1));
            }
        }
        let in_entity: Vec<bool> = entity_at.iter().map(Option::is_some).collect();
        // The objects of topic verbs: not statements, and not filled with entities either (as a
        // statement's tokens are not).
        let mut objects: Vec<Span> = Vec::new();
        // The sentences whose reported speech is labelled.
        let mut reported = vec![false; doc.sentences.len()];
        // The cues of short clauses left unlabelled (below): still reported speech nearby for
        // the dates.
        let mut short_cues: Vec<usize> = Vec::new();
        // "Harga itu, imbuh Budi, naik": a cue in the middle of the sentence other than the
        // `middle_cues` is left unlabelled, with its clause and speaker.
        let middle_cues = self.config.middle_cues.clone();
        // How often the text writes each word in lower case (see `common` below).
        let mut lower_words: HashMap<&str, u32> = HashMap::new();
        for t in &doc.tokens {
            let w = doc.slice(t.span);
            if w.starts_with(|c: char| c.is_lowercase()) {
                *lower_words.entry(w).or_default() += 1;
            }
        }
        let middle_ok = |q: &Quote| {
            q.rule != "indirect-cue-middle"
                || q.cue.is_none_or(|c| {
                    let word = doc.slice(c).to_lowercase();
                    middle_cues.contains(&word)
                })
        };
        for q in doc
            .quotes
            .iter()
            .filter(|q| q.kind != QuoteKind::Direct && cue_before(q) && middle_ok(q))
        {
            // "Mereka berharap …", "Pihaknya menegaskan …": a group or an institution named by a
            // pronoun; KoTA labels the speech of people, and leaves these unlabelled (dev: 1 of
            // 12 statements), cue and speaker too.
            let group = q.speaker.as_ref().is_some_and(|s| {
                ["mereka", "pihaknya"]
                    .iter()
                    .any(|g| doc.slice(s.span).eq_ignore_ascii_case(g))
            });
            // "Publik berharap …", "Panitia berharap …", "pengusaha berharap …": a one-word
            // speaker before its verb, in which the entity layer finds nothing and which the text
            // writes in lower case elsewhere (three times or more: names that are also words,
            // "Fajar", stay), is a common noun (a group, an institution), not a person: left
            // unlabelled as well (dev: 0 of 16 such statements labelled).
            let common = q.speaker.as_ref().is_some_and(|s| {
                let text = doc.slice(s.span);
                q.rule.starts_with("indirect-verb")
                    && !text.contains(char::is_whitespace)
                    && !q.cue.is_some_and(|c| c.contains(s.span))
                    && !["ia", "dia", "beliau", "dirinya"]
                        .iter()
                        .any(|p| text.eq_ignore_ascii_case(p))
                    && !doc.entities.iter().any(|e| e.span.overlaps(s.span))
                    && lower_words
                        .get(text.to_lowercase().as_str())
                        .is_some_and(|&n| n >= 3)
            });
            if group || common {
                continue;
            }
            // A reported clause of four tokens or fewer ("menyampaikan apresiasinya atas
            // program ini", "mengaku tidak pernah marah"): the verb reports a thing or a
            // feeling rather than a claim, and KoTA mostly labels neither it nor its cue (dev:
            // 6 of 50 such statements and 17 of their 50 cues labelled). Its speaker is
            // labelled as for any other. (A piece of a statement cut at a dotted number is
            // not one: the whole clause is counted here.)
            let short = {
                let (first, end) = token_range(doc, q.content);
                end - first <= 4
            };
            if short {
                if let Some(c) = q.cue {
                    short_cues.push(doc.token_at(c.start));
                }
            }
            if let Some(cue) = q.cue {
                let i = doc.sentences.partition_point(|s| s.span.end <= cue.start);
                if let Some(r) = reported.get_mut(i) {
                    *r = true;
                }
            }
            // An organisation that speaks ("Dinas Pendidikan menegaskan …") is not a person
            // mention: its statement and cue are labelled, its name is left to the entities.
            let org = q.speaker.as_ref().is_some_and(|s| {
                s.person.is_none()
                    && s.role.is_none()
                    && s.affiliation.is_some_and(|a| s.span.contains(a))
            });
            // A topic verb with its object right after it ("menyoroti pentingnya …"): KoTA
            // labels the cue and the speaker but mostly not the object as a statement.
            let topic = q.cue.is_some_and(|c| {
                let (k, _) = token_range(doc, c);
                let next = token_text(doc, k + 1);
                !matches!(next, "," | ":" | "bahwa")
                    && self
                        .config
                        .topic_cues
                        .iter()
                        .any(|t| t.eq_ignore_ascii_case(doc.slice(c)))
            });
            // A topic verb of `person_topic_cues` is labelled with its object where a person
            // speaks: decided once the speaker is labelled, below.
            let person_topic = topic
                && q.cue.is_some_and(|c| {
                    self.config
                        .person_topic_cues
                        .iter()
                        .any(|t| t.eq_ignore_ascii_case(doc.slice(c)))
                });
            if !topic && !short {
                self.mark_statement(doc, q.content);
            } else if !person_topic {
                objects.push(q.content);
            }
            // The topic verb itself the corpus labels only about as often as its object (dev:
            // 52 of 127): left unlabelled with it; its speaker it labels mostly.
            if let Some(cue) = q.cue.filter(|_| !topic && !short) {
                self.mark_cue(doc, cue);
            }
            if let Some(s) = &q.speaker {
                // A mention with no person resolved in it, running over a dash or a bracket
                // into a person the entity layer found at its end ("SUKAMAJU - Menteri X Budi
                // Santoso menambahkan", "( IST ) Budi menambahkan"): a dateline, an outlet or a
                // credit run into the speaker; the name is the mention.
                // (The quote stage leaves such a break out of the mention where it opens the
                // sentence: "SUKAMAJU - | Menteri X Budi Santoso"; it is then right before it.)
                let (first, _) = token_range(doc, s.span);
                let break_at =
                    |k: usize| matches!(doc.slice(doc.tokens[k].span), "-" | "–" | "—" | "(" | ")");
                let text = |k: usize| doc.slice(doc.tokens[k].span);
                let outlet = |k: usize| {
                    text(k).contains('.')
                        || (text(k).chars().any(char::is_alphabetic)
                            && !text(k).chars().any(char::is_lowercase))
                };
                let broken = first >= 2
                    && ((matches!(text(first - 1), "-" | "–" | "—") && outlet(first - 2))
                        || (first >= 3
                            && text(first - 1) == ")"
                            && text(first - 3) == "("
                            && outlet(first - 2)));
                let after_break = || {
                    doc.entities
                        .iter()
                        .find(|e| {
                            e.label == EntityLabel::Per
                                && e.span.end == s.span.end
                                && (e.span.start > s.span.start || broken)
                        })
                        .filter(|e| broken || (first..doc.token_at(e.span.start)).any(break_at))
                        .map(|e| e.span)
                };
                let mention = s
                    .person
                    .filter(|p| s.span.contains(*p) && !broken)
                    .or_else(after_break)
                    .unwrap_or(s.span);
                let trimmed = self.without_titles(doc, mention);
                let same = !broken && s.person.is_some_and(|p| p == mention);
                let mention = trimmed;
                // The name alone where the mention runs into it from words the entity layer
                // left out of the person ("Koperasi Tani Makmur Budi Santoso").
                let named = entity_person_within(doc, mention);
                // A mention of several words in which the entity layer finds no person
                // ("Menteri Kebudayaan menyoroti …", "Politikus PKB itu mengatakan …") names no
                // one: no `PERSON`, and as a reference back the corpus labels it unevenly (as
                // `PERSONCOREF`: dev 57.9 instead of 59.6), so it is left unlabelled.
                let names = doc
                    .entities
                    .iter()
                    .any(|e| e.label == EntityLabel::Per && e.span.overlaps(mention));
                let full_or_with_role = s.role.is_some() || doc.slice(mention).contains(' ');
                // "Kepala Dinas X , Budi , mengatakan": the name set off by commas after the
                // words describing the speaker (see below).
                let set_off = named_after_description(doc, mention);
                if org || q.cue.is_some_and(|c| c.contains(s.span)) {
                    // An organisation, or the `-nya` of the cue.
                } else if degrees_only(doc, mention) {
                    // The academic degrees written after a name ("Budi Santoso , S.Pd. , M.Si.
                    // , mengatakan"), read as the speaker: no one's mention (the name before
                    // them is the entities'), but the position and organisation written with
                    // them are the speaker's.
                    self.mark_position(doc, s, &in_entity);
                } else if !names && doc.slice(mention).contains(' ') {
                    // A position alone before its verb ("Menteri Agama menambahkan …", "Pj
                    // Wali Kota menekankan …"): a reference back to the speaker the article
                    // introduced, which KoTA labels `PERSONCOREF` about half the time and never
                    // `ROLE` (dev: 11 and 0 of 23); with an organisation in it, less often.
                    // (A position the quote stage resolved to the person introduced with it,
                    // "kata Menteri Agama" after "Menteri Agama Budi Santoso", carries that
                    // introduction's role and name, written elsewhere.)
                    let resolved = s.role.is_some_and(|r| !r.overlaps(mention))
                        && s.person.is_some_and(|p| !p.overlaps(mention));
                    let role_only = (s.role.is_some_and(|r| r.contains(mention)) || resolved)
                        && s.affiliation.is_none_or(|a| !a.overlaps(mention))
                        && !doc
                            .entities
                            .iter()
                            .any(|e| e.label == EntityLabel::Org && e.span.overlaps(mention));
                    if role_only && self.config.positions_as_references {
                        self.mark(doc, mention, "PERSONCOREF");
                    }
                } else if same && full_or_with_role && !self.repeated_span(doc, mention) {
                    // A name written in full, or with its role, is a `PERSON` where the
                    // article introduces it: KoTA introduces a speaker again in each article,
                    // and a corpus file without article boundaries is one document here, so a
                    // name not written within `repeat_window` tokens before counts as new.
                    self.mark(doc, named, "PERSON");
                    self.mark_position(doc, s, &in_entity);
                } else if same && full_or_with_role && !set_off {
                    // A full name written again soon after is a later reference: the corpus
                    // labels those unevenly (dev: of 126, 16 `PERSON`, 32 `PERSONCOREF`, the
                    // rest nothing), so it is left unlabelled.
                } else if !same
                    && doc.slice(mention).contains(' ')
                    && doc
                        .slice(mention)
                        .split_whitespace()
                        .all(|w| w.starts_with(char::is_uppercase))
                    && !self.repeated_span(doc, mention)
                {
                    // A full name the speaker was resolved through to an earlier introduction:
                    // where the article has not written it lately it is introduced again.
                    self.mark(doc, named, "PERSON");
                } else if set_off {
                    // "Kepala Dinas X , Budi , mengatakan", "Salah satu warga , Sari ,
                    // berharap": the name set off by commas after the position or description
                    // that opens the sentence introduces the speaker there, even where it was
                    // written before (dev: 6 of 22 `PERSON`, 1 `PERSONCOREF`, as references
                    // back; of 4 repeated full names, 2 `PERSON`). Its position,
                    // written before it, is left to the entity fill (marking it with the
                    // speaker's lost ROLE 0.1).
                    self.mark(doc, named, "PERSON");
                } else {
                    self.mark(doc, mention, "PERSONCOREF");
                }
            }
            if person_topic {
                let spoke = q.speaker.as_ref().is_some_and(|s| {
                    let (first, end) = token_range(doc, s.span);
                    self.labels[first..end]
                        .iter()
                        .any(|l| matches!(l, Some(("PERSON" | "PERSONCOREF", _))))
                });
                match q.cue.filter(|_| spoke) {
                    Some(cue) => {
                        self.mark_statement(doc, q.content);
                        self.mark_cue(doc, cue);
                    }
                    None => objects.push(q.content),
                }
            }
            self.mark_time(doc, q.time);
        }
        // KoTA dates every day it mentions, stated or not.
        // An event's date written without brackets ("pada 28 November 2024") in a stretch of
        // about an article (half the `repeat_window` either side) with no labelled cue is a
        // date of the story, not of a statement: KoTA dates statements and the article's own
        // dateline, `Senin ( 2 / 12 / 2024 )` (dev: 4 of 21 such dates labelled, against 80%
        // of the bracketed ones there).
        let reach = self.config.repeat_window / 2;
        for date in written_dates(doc) {
            if !doc.slice(date).contains('(') && !day_named_after_pada(doc, date) {
                let (first, _) = token_range(doc, date);
                let near = &self.labels
                    [first.saturating_sub(reach)..(first + reach).min(self.labels.len())];
                if !near
                    .iter()
                    .any(|l| matches!(l, Some(("CUE" | "CUECOREF", _))))
                    && !short_cues
                        .iter()
                        .any(|&c| c + reach >= first && c < first + reach)
                {
                    continue;
                }
            }
            self.mark(doc, date, "DATETIME");
        }
        // KoTA also labels people, positions and organisations outside any statement, whether
        // or not they speak: the entity layer's mentions fill the tokens still unlabelled. A
        // one-word person mention is left out: there it is mostly a later, bare reference
        // ("kata Hartono") that the corpus does not label (measured on the dev file: PERSON F1
        // 24.0 with full names only, 18.1 with every mention).
        // Direct quotes are `O` in KoTA, the names inside them too.
        let quoted: Vec<Span> = doc
            .quotes
            .iter()
            .filter(|q| q.kind == QuoteKind::Direct)
            .map(|q| q.content)
            .collect();
        // The speakers of direct quotes ("…, ” kata Budi Santoso."): KoTA leaves a direct
        // quote's attribution `O` with the quote.
        let direct_speakers: Vec<Span> = doc
            .quotes
            .iter()
            .filter(|q| q.kind == QuoteKind::Direct)
            .flat_map(|q| {
                let after_cue = q.cue.and_then(|c| {
                    let k = doc.token_at(c.start) + 1;
                    doc.tokens.get(k).map(|t| t.span)
                });
                q.speaker
                    .as_ref()
                    .map(|s| s.span)
                    .into_iter()
                    .chain(after_cue)
            })
            .collect();
        // The speakers named after a direct quote, by its cue (not one who introduces it).
        let after_quote_speakers: Vec<Span> = doc
            .quotes
            .iter()
            .filter(|q| {
                q.kind == QuoteKind::Direct && q.cue.is_some_and(|c| c.start >= q.content.end)
            })
            .filter_map(|q| q.speaker.as_ref().map(|s| s.span))
            .collect();
        // Every quote's speaker, direct or reported: a name that speaks near where it is
        // mentioned is a person KoTA labels.
        let speakers: Vec<Span> = doc
            .quotes
            .iter()
            .filter_map(|q| q.speaker.as_ref().map(|s| s.span))
            .collect();
        // The people the fill labels in the place of a side mention, with no speaker of that
        // name nearby: unlabelled at the end unless a position or organisation introduces them.
        let mut side_people: Vec<Span> = Vec::new();
        for e in &doc.entities {
            if quoted.iter().chain(&objects).any(|c| c.contains(e.span)) {
                continue;
            }
            // The corpus's tokens keep a sentence's full stop on its last word (`Santoso.`),
            // which the entity layer leaves out of the name it ends.
            let person = with_glued_stop(doc, e.span, &in_entity);
            let label = match e.label {
                EntityLabel::Per
                    if doc.slice(person).contains(char::is_whitespace)
                        && self.fill_person(
                            doc,
                            person,
                            &direct_speakers,
                            &reported,
                            &entity_at,
                        ) =>
                {
                    "PERSON"
                }
                EntityLabel::Role
                    if !doc
                        .slice(e.span)
                        .split_whitespace()
                        .all(|word| self.config.titles.iter().any(|t| t == word)) =>
                {
                    "ROLE"
                }
                EntityLabel::Org => "AFFILIATION",
                _ => continue,
            };
            let span = match label {
                "PERSON" => self.without_titles(doc, person),
                "AFFILIATION" => extend_name(doc, e.span, &in_entity, true),
                "ROLE" => acting(doc, extend_name(doc, e.span, &in_entity, false), &in_entity),
                _ => e.span,
            };
            if label == "AFFILIATION" {
                let (first, end) = token_range(doc, span);
                // An academic degree after a name ("Budi Santoso , SH , MM") is no
                // organisation.
                if set_off(doc, first, end)
                    || end == first + 1 && DEGREES.contains(&doc.slice(doc.tokens[first].span))
                {
                    continue;
                }
                // An organisation right after "dan" is a later item of a list ("bekerja sama
                // dengan Dinas X dan Yayasan Y"), which KoTA mostly leaves unlabelled (dev: 13
                // of 109 labelled).
                if first > 0 && doc.slice(doc.tokens[first - 1].span) == "dan" {
                    continue;
                }
            }
            // The speaker named after a direct quote ("… , " ujar Ketua Komite X Budi"): KoTA
            // leaves a direct quote's attribution `O`, the speaker's position and organisation
            // too (dev: 6 of 53 positions and 5 of 52 organisations there labelled).
            if (label == "ROLE" || label == "AFFILIATION")
                && after_quote_speakers.iter().any(|s| s.overlaps(span))
            {
                continue;
            }
            // "calon Bupati", "calon anggota DPR": a candidate holds no position yet (dev: 0 of
            // 9 labelled). "mewakili Bupati X": the one represented is not there (0 of 6).
            if label == "ROLE" {
                let (first, _) = token_range(doc, span);
                if first > 0 && {
                    let before = doc.slice(doc.tokens[first - 1].span);
                    before.eq_ignore_ascii_case("calon") || before.eq_ignore_ascii_case("mewakili")
                } {
                    continue;
                }
            }
            if label == "ROLE" || label == "AFFILIATION" {
                // A position or organisation right after a capitalised word, in a sentence
                // that reports no speech, is mostly inside a longer name or a list run together
                // by the source ("Budi SantosoWakil Ketua Umum : …"): its extent is a guess
                // (dev: 7% and 10% right).
                let (first, _) = token_range(doc, span);
                let before = first
                    .checked_sub(1)
                    .map_or("", |k| doc.slice(doc.tokens[k].span));
                let sentence = doc.sentences.partition_point(|s| s.span.end <= span.start);
                if before.starts_with(char::is_uppercase)
                    && !before.ends_with('.')
                    && !reported.get(sentence).copied().unwrap_or(false)
                {
                    continue;
                }
            }
            if label == "PERSON" {
                let (first, end) = token_range(doc, span);
                if !self.speaker_nearby(doc, first, end, &speakers)
                    && side_mention(doc, first, end, &entity_at, &self.config.titles)
                {
                    side_people.push(span);
                }
            }
            self.mark(doc, span, label);
        }
        if self.config.organisation_after_position {
            self.organisations_after_positions(doc, &reported, &entity_at);
        }
        // An organisation, however it was read, right after a closing bracket (a source's
        // credit, "( * ) Bisnis.com", or the rest of a unit's name, "Fakultas X ( FX )
        // Universitas Y") or before a slash ("Kementerian / Lembaga", "DPRP / DPRK") is no
        // mention of its own in the running text (dev: 8 of 64 labelled).
        let n = doc.tokens.len();
        let mut k = 0;
        while k < n {
            let Some(end) = affiliation_end(&self.labels, k) else {
                k += 1;
                continue;
            };
            let text = |i: usize| doc.slice(doc.tokens[i].span);
            // One word with lower-case letters right after a position is mostly the
            // position's own last word the tagger split off ("Sekretaris | Daerah", "Kepala |
            // Sekolah", "Ketua | Umum", "Kepala | Negara"), seldom a short name (dev: 7 of 75
            // labelled).
            let position_word = end == k
                && k > 0
                && matches!(self.labels[k - 1], Some(("ROLE", _)))
                && text(k).chars().any(char::is_lowercase);
            // A web address or a social platform ("dikutip dari Berita.com", "melalui akun
            // Instagram") is where the text comes from, no one's organisation (dev: 4 of 56).
            let medium = (k..=end).any(|i| web_or_platform(text(i)));
            // Before a number or a dash, in a sentence that reports no speech: the name of an
            // event, an award or a law with its year ("Festival X 2024", "UU X 1960"), a
            // copyright line, or the outlet of a dateline ("JAKARTA , KOMPAS —") (dev: 2 of
            // 35 labelled).
            let named_thing = end + 1 < n
                && (text(end + 1).starts_with(|c: char| c.is_ascii_digit())
                    || matches!(text(end + 1), "-" | "–" | "—"))
                && !reported
                    .get(
                        doc.sentences
                            .partition_point(|s| s.span.end <= doc.tokens[k].span.start),
                    )
                    .copied()
                    .unwrap_or(false);
            // "lulusan Universitas X", "alumnus Pesantren Y": where someone studied, no
            // organisation they belong to (dev: 2 of 17 labelled).
            let studied = k > 0 && listed(&["lulusan", "alumni", "alumnus", "alumna"], text(k - 1));
            // "HUT ke-50 Yayasan X", "HUT Koperasi Y": an organisation's anniversary names an
            // event, not anyone's organisation (dev: 0 of 14 labelled).
            let anniversary = k > 0
                && (text(k - 1) == "HUT"
                    || text(k - 1)
                        .strip_prefix("ke-")
                        .is_some_and(|n| n.starts_with(|c: char| c.is_ascii_digit())));
            // "guru PPPK", "PNS , PPPK , dan honorer": an employment status of civil servants,
            // no organisation (dev: 0 of 12 labelled).
            let status =
                end == k && ["PNS", "PPPK", "P3K", "ASN", "CPNS", "Non-ASN"].contains(&text(k));
            // "Wakil Rektor | Bidang Akademik", "Ketua | Bidang Olahraga": the
            // field of a position, no organisation, when none is named inside it (dev: 0 of 10
            // labelled; with one, "Kepala | Bidang X Dinas Y", 3 of 11).
            let field = text(k) == "Bidang"
                && k > 0
                && matches!(self.labels[k - 1], Some(("ROLE", _)))
                && !doc.entities.iter().any(|e| {
                    matches!(e.label, EntityLabel::Org | EntityLabel::Loc) && {
                        let f = doc.token_at(e.span.start);
                        f > k && f <= end
                    }
                });
            if position_word
                || medium
                || named_thing
                || studied
                || anniversary
                || status
                || field
                || (k > 0 && text(k - 1) == ")")
                || (end + 1 < n && text(end + 1) == "/")
            {
                self.labels[k..=end].fill(None);
            }
            k = end + 1;
        }
        // "Presiden Direktur", "Ketua Umum", "Komisaris Utama": the second word of a two-word
        // position, left unlabelled or read as a position of its own after the first, is part
        // of the `ROLE` (dev: 7 of 7 where KoTA labels the position).
        for k in 1..n {
            if matches!(self.labels[k], None | Some(("ROLE", Position::Unit)))
                && matches!(
                    self.labels[k - 1],
                    Some(("ROLE", Position::Last | Position::Unit))
                )
                && TWO_WORD_POSITIONS.contains(&(token_text(doc, k - 1), token_text(doc, k)))
            {
                let first = role_start(&self.labels, k - 1);
                self.relabel(first, k + 1, "ROLE");
            }
        }
        // "Duta Besar Indonesia untuk X": an ambassador's title names the country of the
        // posting, which KoTA labels with it (dev: 4 of 4).
        for k in 1..n {
            if matches!(
                self.labels[k],
                Some(("ROLE", Position::Last | Position::Unit))
            ) {
                if let Some(last) = ambassador_posting(doc, k, &self.labels) {
                    let first = role_start(&self.labels, k);
                    self.relabel(first, last + 1, "ROLE");
                }
            }
        }
        // A position's number or term written right after it ("Wakil Rektor 2", "Menteri X
        // 2004-2009", "Menteri X periode 2011-2016", "Wakil Ketua II") is part of the `ROLE`
        // in KoTA (dev: 30 gold positions end with one, 6 stop before one; of 11 positions so
        // widened, 5 right against 2 before; with "periode", 3 of 3).
        for k in 1..n {
            let Some(last) = term_after_position(doc, k) else {
                continue;
            };
            if (k..=last).all(|i| self.labels[i].is_none())
                && matches!(
                    self.labels[k - 1],
                    Some(("ROLE", Position::Last | Position::Unit))
                )
            {
                let first = role_start(&self.labels, k - 1);
                self.relabel(first, last + 1, "ROLE");
            }
        }
        // "Ketua Umum | Asosiasi X" → "Ketua | Umum Asosiasi X"; "Dekan Fakultas Hukum |
        // Universitas X" → "Dekan | Fakultas Hukum Universitas X": KoTA labels the range of a
        // chair before an organisation, and a unit inside a position, with the organisation
        // (`scope_words`, `unit_words`; dev: "Umum" 15 of 22 gold positions cut there, unit
        // words 10 of 10).
        if !self.config.scope_words.is_empty() || !self.config.unit_words.is_empty() {
            self.split_units(doc);
        }
        // "Kepala Balai ( Kabalai ) | X": a head's post abbreviated in brackets ("Ka-" for
        // "Kepala") names the position with its unit, which KoTA labels as the `ROLE`.
        self.units_of_abbreviated_heads(doc);
        // Where a statement was made, where nothing else is labelled (written before the
        // entities, a place that is also an organisation cost more AFFILIATION than it gained).
        // The occasion is not written: KoTA labels named events wherever the text mentions
        // them ("menggelar | Festival X"), seldom the occasion of a statement (dev: 0 of 116
        // occasions right, 1 of 75 with the name alone).
        if self.config.settings {
            // "Acara itu digelar di Gedung X , Sukamaju , Senin ( 2 / 12 / 2024 )": where
            // something dated happened (dev: 52 of 123 labelled so, exactly).
            if self.config.dated_places {
                self.dated_places(doc);
            }
            for q in doc.quotes.iter().filter(|q| cue_before(q)) {
                if let Some(l) = q.location {
                    self.mark(doc, l, "LOCATION");
                }
            }
            // "Acara itu digelar di Gedung X , Sukamaju .": KoTA also labels where an event was
            // held, the place after `di` and a verb of holding, read over capitalised words,
            // numbers, brackets, "dan" and commas up to a lower-case word or the sentence's
            // end (the entity layer's place alone is often shorter: "Gedung X | , Sukamaju").
            if !self.config.venue_verbs.is_empty() {
                self.venues(doc);
            }
            // "sekolah di seluruh Sukamaju": the place a statement or a measure covers (dev: 6 of
            // 14 labelled).
            if !self.config.place_after.is_empty() {
                for e in doc.entities.iter().filter(|e| e.label == EntityLabel::Loc) {
                    let k = doc.token_at(e.span.start);
                    if k > 0 && {
                        let before = doc.slice(doc.tokens[k - 1].span);
                        listed(&self.config.place_after, before)
                    } {
                        self.mark(doc, e.span, "LOCATION");
                    }
                }
            }
            // "menggelar Festival Budaya Sukamaju 2024", "saat Musyawarah Besar Sukamaju": KoTA
            // labels named events (dev: 19 of 54 such names exact).
            if !self.config.event_verbs.is_empty() {
                self.named_events(doc);
            }
        }
        // Written last, over what nothing else labelled: the organisations of a known type the
        // entity layer missed.
        if !self.config.organisation_types.is_empty() {
            self.typed_organisations(doc, &entity_at);
        }
        self.drop_organisations_far_from_cues(&short_cues);
        self.drop_unintroduced_side_people(doc, &side_people);
    }

    /// A name that is nowhere near a speaker of the same name is mostly one the text only
    /// mentions; where its place in the sentence also marks it as a side mention, and no
    /// labelled position or organisation introduces it, KoTA mostly leaves it unlabelled
    /// (dev: about half labelled near a speaker of that name, a quarter elsewhere, 7 of
    /// 62 in these places).
    ///
    /// Checked last, so that the labels before each name are the ones written.
    fn drop_unintroduced_side_people(&mut self, doc: &Document, side_people: &[Span]) {
        for &span in side_people {
            let (first, end) = token_range(doc, span);
            let still_person = self.labels[first..end]
                .iter()
                .all(|l| matches!(l, Some(("PERSON", _))));
            if still_person && !self.after_position(doc, first) {
                self.labels[first..end].fill(None);
            }
        }
    }

    /// Unlabels each `AFFILIATION` with no cue of reported speech (a labelled one, or one of
    /// the `short_cues` of clauses left unlabelled) within `repeat_window` tokens (about an
    /// article) either side: KoTA labels the organisations of articles that report speech, and
    /// mostly leaves those of an article without any unlabelled (dev: 7 of 92 such spans
    /// right, against a third elsewhere).
    fn drop_organisations_far_from_cues(&mut self, short_cues: &[usize]) {
        let mut cues: Vec<usize> = (0..self.labels.len())
            .filter(|&k| {
                matches!(
                    self.labels[k],
                    Some(("CUE" | "CUECOREF", Position::Begin | Position::Unit))
                )
            })
            .chain(short_cues.iter().copied())
            .collect();
        cues.sort_unstable();
        let reach = self.config.repeat_window;
        let mut k = 0;
        while k < self.labels.len() {
            let Some(end) = affiliation_end(&self.labels, k) else {
                k += 1;
                continue;
            };
            let next = cues.partition_point(|&c| c < k);
            let near = cues.get(next).is_some_and(|&c| c - k <= reach)
                || next > 0 && k - cues[next - 1] <= reach;
            if !near {
                self.labels[k..=end].fill(None);
            }
            k = end + 1;
        }
    }

    /// Labels a speaker's role `ROLE` (with an acting word before it) and organisation
    /// `AFFILIATION` (over the rest of its name).
    fn mark_position(&mut self, doc: &Document, s: &Speaker, in_entity: &[bool]) {
        if let Some(r) = s.role {
            self.mark(doc, acting(doc, r, in_entity), "ROLE");
        }
        if let Some(a) = s.affiliation {
            let a = extend_name(doc, a, in_entity, false);
            self.mark(doc, a, "AFFILIATION");
        }
    }

    /// Labels `AFFILIATION` the organisations opened by a word of `organisation_types` ("SDN 3
    /// Sukamaju", "Dinas X Kota Sukamaju") where none of their tokens is labelled:
    /// KoTA labels them wherever the text names them, and the entity layer misses many (dev:
    /// of 126 such names, 46 exact; over all organisation type words only one in five).
    fn typed_organisations(&mut self, doc: &Document, entity_at: &[Option<(EntityLabel, usize)>]) {
        let n = doc.tokens.len();
        let text = |k: usize| doc.slice(doc.tokens[k].span);
        let mut sentence = 0;
        let mut k = 0;
        while k < n {
            let limit = sentence_end(doc, &mut sentence, k);
            let opens = self.labels[k].is_none()
                && entity_at[k]
                    .is_none_or(|(l, _)| matches!(l, EntityLabel::Org | EntityLabel::Loc))
                && self.config.organisation_types.iter().any(|t| t == text(k))
                && k + 1 < limit
                && text(k + 1).starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
            // After "dan" a later item of a list; after a capitalised word the rest of a longer
            // name; after a place preposition a place; after a word of studying an alma mater.
            let before = if k > 0 { text(k - 1) } else { "" };
            let set_apart = before == "dan"
                || (before.starts_with(char::is_uppercase) && !before.ends_with('.'))
                || listed(&self.config.place_prepositions, before)
                || listed(&["lulusan", "alumni", "alumnus", "alumna"], before)
                || matches!(before, ":" | "(" | "/");
            if !opens || set_apart {
                k += 1;
                continue;
            }
            let end = organisation_at(doc, k, limit, entity_at, &self.labels, false)
                .filter(|&e| e > k && (k..=e).all(|i| self.labels[i].is_none()))
                // Before a colon or a slash: the head of a list item or one of two names.
                .filter(|&e| e + 1 >= n || !matches!(text(e + 1), ":" | "/"));
            match end {
                Some(e) => {
                    self.relabel(k, e + 1, "AFFILIATION");
                    k = e + 1;
                }
                None => k += 1,
            }
        }
    }

    /// Labels `EVENT` the capitalised name written right after each of `event_verbs`, where
    /// none of its tokens is labelled yet.
    fn named_events(&mut self, doc: &Document) {
        let n = doc.tokens.len();
        let text = |k: usize| token_text(doc, k);
        // A word of a name: capitalised, a number or an ordinal ("ke-5"), not a day.
        let named = |t: &str| {
            (t.starts_with(char::is_uppercase)
                || t.strip_prefix("ke-")
                    .unwrap_or(t)
                    .starts_with(|c: char| c.is_ascii_digit()))
                && !DAYS.contains(&t)
        };
        let mut sentence = 0;
        for k in 1..n {
            if self.labels[k].is_some() || !named(text(k)) {
                continue;
            }
            let before = text(k - 1);
            if !before.starts_with(char::is_lowercase) || !listed(&self.config.event_verbs, before)
            {
                continue;
            }
            let end_token = sentence_end(doc, &mut sentence, k);
            // The name runs over its words, a bracketed abbreviation and "dan" between two
            // of its words, up to a word with a full stop.
            let mut j = k;
            while !text(j).ends_with('.') && j + 1 < end_token {
                let next = text(j + 1);
                if named(next) {
                    j += 1;
                } else if next == "(" {
                    let mut m = j + 2;
                    while m < n && m < j + 7 && text(m) != ")" {
                        m += 1;
                    }
                    if m < n && text(m) == ")" && m > j + 2 {
                        j = m;
                    } else {
                        break;
                    }
                } else if matches!(next, "dan" | "&" | "of" | "and" | "for") && named(text(j + 2)) {
                    j += 2;
                } else {
                    break;
                }
            }
            // One word ("saat Munas", "saat SMA") is as often no event.
            if j > k && self.labels[k..=j].iter().all(Option::is_none) {
                self.relabel(k, j + 1, "EVENT");
            }
        }
    }

    /// Labels `LOCATION` each place written after `di` and one of `venue_verbs`, over what
    /// only it or another place labelled (see `label_kota`).
    fn venues(&mut self, doc: &Document) {
        let n = doc.tokens.len();
        let text = |k: usize| token_text(doc, k);
        let mut sentence = 0;
        for k in 2..n {
            if !text(k - 1).eq_ignore_ascii_case("di")
                || !text(k).starts_with(char::is_uppercase)
                || !listed(&self.config.venue_verbs, text(k - 2))
            {
                continue;
            }
            let end_token = sentence_end(doc, &mut sentence, k);
            let mut j = k;
            while j < end_token.min(k + 15) {
                let t = text(j);
                let word = t.starts_with(char::is_uppercase)
                    || t.starts_with(|c: char| c.is_ascii_digit())
                    || matches!(t, "," | "(" | ")" | "dan");
                // A short abbreviation ("Jl.", "Prof.") begins something else, and so does a
                // date ("lahir di Sukamaju , 6 Juli 1990"); another word with a full stop ends
                // the sentence, and the place with it.
                let date = DAYS.contains(&t)
                    || (t.bytes().all(|b| b.is_ascii_digit())
                        && kutip_core::MONTHS.contains(&text(j + 1).trim_end_matches('.')));
                if !word || date || (t.ends_with('.') && t.chars().count() <= 4) {
                    break;
                }
                j += 1;
                if t.ends_with('.') {
                    break;
                }
            }
            while j > k && matches!(text(j - 1), "," | "dan") {
                j -= 1;
            }
            // Over nothing labelled but places wholly inside it.
            let free = j > k
                && self.labels[k..j]
                    .iter()
                    .all(|l| l.is_none_or(|(l, _)| l == "LOCATION"))
                && !matches!(self.labels[k], Some((_, Position::Inside | Position::Last)))
                && !matches!(
                    self.labels[j - 1],
                    Some((_, Position::Begin | Position::Inside))
                );
            if free {
                self.relabel(k, j, "LOCATION");
            }
        }
    }

    /// Labels `LOCATION` each place written after `di` up to a written date (see
    /// `dated_places`), where none of its tokens is labelled yet.
    fn dated_places(&mut self, doc: &Document) {
        let n = doc.tokens.len();
        let mut date_start = vec![false; n];
        for d in written_dates(doc) {
            date_start[doc.token_at(d.start)] = true;
        }
        let text = |k: usize| token_text(doc, k);
        let starts = |k: usize| date_start.get(k).copied().unwrap_or(false);
        // A date right here, or after a comma, `pada` or both.
        let date_at = |j: usize| {
            starts(j)
                || (matches!(text(j), "," | "pada") && starts(j + 1))
                || (text(j) == "," && text(j + 1) == "pada" && starts(j + 2))
        };
        let mut sentence = 0;
        for k in 1..n {
            if !text(k - 1).eq_ignore_ascii_case("di")
                || !text(k).starts_with(char::is_uppercase)
                || matches!(self.labels[k], Some((l, _)) if l != "AFFILIATION")
            {
                continue;
            }
            let end_token = sentence_end(doc, &mut sentence, k);
            // The place is capitalised words, "dan" and commas, with no full stop inside
            // (a glued one ends the sentence) and nothing labelled, at most 15 tokens.
            let mut j = k;
            let mut dated = false;
            while j < end_token.min(k + 15) {
                if j > k && date_at(j) {
                    dated = true;
                    break;
                }
                let t = text(j);
                // An organisation the fill labelled is passed over whole ("di | RS X ,
                // Sukamaju , pada …"): a building named after its owner.
                let blocked = match self.labels[j] {
                    None => false,
                    Some(("AFFILIATION", p)) => {
                        j == k && !matches!(p, Position::Begin | Position::Unit)
                    }
                    Some(_) => true,
                };
                if blocked
                    || (t.starts_with(char::is_lowercase) && t != "dan")
                    || (j > k && t.ends_with('.'))
                {
                    break;
                }
                j += 1;
            }
            if dated {
                self.relabel(k, j, "LOCATION");
            }
        }
    }

    /// Cuts each labelled position before its first `unit_words` word (or a `scope_words`
    /// word as its second word, right before an `AFFILIATION`), labelling the rest with the
    /// organisation written right after it as one `AFFILIATION`.
    fn split_units(&mut self, doc: &Document) {
        let n = doc.tokens.len();
        let listed = |words: &[String], k: usize| {
            let w = doc.slice(doc.tokens[k].span);
            words.iter().any(|u| u == w)
        };
        let mut k = 0;
        while k < n {
            if !matches!(self.labels[k], Some(("ROLE", Position::Begin))) {
                k += 1;
                continue;
            }
            let mut end = k + 1;
            while end < n && matches!(self.labels[end], Some(("ROLE", Position::Inside))) {
                end += 1;
            }
            if end >= n || !matches!(self.labels[end], Some(("ROLE", Position::Last))) {
                k = end;
                continue;
            }
            // `end` is the position's last token; an organisation may follow it.
            let mut org_end = None;
            if matches!(self.labels.get(end + 1), Some(Some(("AFFILIATION", _)))) {
                org_end = affiliation_end(&self.labels, end + 1);
            }
            let cut = if org_end.is_some() && listed(&self.config.scope_words, k + 1) {
                Some(k + 1)
            } else {
                (k + 1..=end).find(|&i| listed(&self.config.unit_words, i))
            };
            if let Some(cut) = cut {
                self.relabel(k, cut, "ROLE");
                self.relabel(cut, org_end.unwrap_or(end) + 1, "AFFILIATION");
            }
            k = org_end.unwrap_or(end) + 1;
        }
    }

    /// Moves into the `ROLE` "Kepala" the start of the `AFFILIATION` after it up to a
    /// bracketed abbreviation of the head's post ("Kepala | Balai ( Kabalai ) X" → "Kepala
    /// Balai ( Kabalai ) | X"); the rest after the bracket stays the organisation.
    fn units_of_abbreviated_heads(&mut self, doc: &Document) {
        let n = doc.tokens.len();
        for k in 1..n {
            if !matches!(self.labels[k], Some(("AFFILIATION", Position::Begin)))
                || !matches!(
                    self.labels[k - 1],
                    Some(("ROLE", Position::Last | Position::Unit))
                )
                || token_text(doc, k - 1) != "Kepala"
            {
                continue;
            }
            let Some(end) = affiliation_end(&self.labels, k) else {
                continue;
            };
            let head_post = |t: &str| {
                t.strip_prefix("Ka")
                    .is_some_and(|rest| rest.len() >= 2 && rest.chars().all(char::is_alphabetic))
            };
            let close = (k + 1..end.min(k + 8)).find(|&i| {
                token_text(doc, i - 1) == "("
                    && head_post(token_text(doc, i))
                    && token_text(doc, i + 1) == ")"
            });
            if let Some(abbreviation) = close {
                let first = role_start(&self.labels, k - 1);
                self.relabel(first, abbreviation + 2, "ROLE");
                if abbreviation + 1 < end {
                    self.relabel(abbreviation + 2, end + 1, "AFFILIATION");
                }
            }
        }
    }

    /// The organisation or place written right after each labelled position (see
    /// `organisation_after_position`): labelled `AFFILIATION`, or taken into the `ROLE` after a
    /// government title (`place_titles`).
    /// (`entity_at`: the entity layer's label and last token at each token.)
    fn organisations_after_positions(
        &mut self,
        doc: &Document,
        reported: &[bool],
        entity_at: &[Option<(EntityLabel, usize)>],
    ) {
        let n = doc.tokens.len();
        let text = |k: usize| doc.slice(doc.tokens[k].span);
        let mut sentence = 0;
        for k in 0..n {
            while sentence < doc.sentences.len()
                && (doc.sentences[sentence].end_token as usize) <= k
            {
                sentence += 1;
            }
            let limit = doc
                .sentences
                .get(sentence)
                .map_or(n, |s| s.end_token as usize);
            // "di Universitas X": a place, not an affiliation.
            if matches!(
                self.labels[k],
                Some(("AFFILIATION", Position::Begin | Position::Unit))
            ) && k > 0
                && self
                    .config
                    .place_prepositions
                    .iter()
                    .any(|p| p == text(k - 1))
            {
                let mut end = k;
                while matches!(
                    self.labels[end],
                    Some(("AFFILIATION", Position::Begin | Position::Inside))
                ) {
                    end += 1;
                }
                self.labels[k..=end].fill(None);
                continue;
            }
            // An organisation the entity fill or a speaker gave, not after a position: widened
            // the same way over its place, second field and abbreviation ("Kejaksaan Tinggi (
            // Kejati ) Aceh", "Kementerian Pendidikan Dasar dan Menengah").
            if matches!(
                self.labels[k],
                Some(("AFFILIATION", Position::Begin | Position::Unit))
            ) && (k == 0 || !matches!(self.labels[k - 1], Some(("ROLE", _))))
            {
                let mut end = k;
                while matches!(
                    self.labels[end],
                    Some(("AFFILIATION", Position::Begin | Position::Inside))
                ) {
                    end += 1;
                }
                if let Some(e) = organisation_at(doc, k, limit, entity_at, &self.labels, false) {
                    if e > end {
                        self.relabel(k, e + 1, "AFFILIATION");
                    }
                }
                continue;
            }
            if !matches!(
                self.labels[k],
                Some(("ROLE", Position::Last | Position::Unit))
            ) {
                continue;
            }
            let mut first = k;
            while first > 0
                && matches!(
                    self.labels[first],
                    Some(("ROLE", Position::Inside | Position::Last))
                )
            {
                first -= 1;
            }
            let last = text(k);
            let place = self
                .config
                .place_titles
                .iter()
                .any(|t| t.eq_ignore_ascii_case(last));
            // A position ending its sentence ("… Kepala Dinas.") has nothing after it, nor has
            // a bare title or a government title in lower case.
            let reads = !last.ends_with('.')
                && !self.config.bare_titles.iter().any(|t| t == last)
                && (!place || last.starts_with(char::is_uppercase));
            // "Menteri Koordinator ( bidang ) X": a coordinating minister's title goes on over
            // "Koordinator", which the tagger leaves out or reads as a position of its own, to
            // the field.
            let coordinating = place
                .then(|| coordinated_field(doc, k))
                .flatten()
                .filter(|&j| {
                    (k + 1..j)
                        .all(|i| matches!(self.labels[i], None | Some(("ROLE", Position::Unit))))
                });
            let found = match coordinating {
                Some(j) if reads => {
                    organisation_at(doc, j, limit, entity_at, &self.labels, place).or(Some(k + 1))
                }
                _ if reads => organisation_at(doc, k + 1, limit, entity_at, &self.labels, place),
                _ => None,
            };
            match found {
                Some(end) if place => self.relabel(first, end + 1, "ROLE"),
                // A board's list ("Wakil Ketua Umum Bidang X : Budi Santoso"): a position and
                // its unit before a colon head an item of a list, which KoTA leaves unlabelled
                // (dev: 0 of 44 units, 0 of 51 positions).
                Some(end) if end + 1 < n && text(end + 1) == ":" => {
                    self.labels[first..=k].fill(None);
                }
                None if k + 1 < n && text(k + 1) == ":" => {
                    self.labels[first..=k].fill(None);
                }
                Some(end) => self.relabel(k + 1, end + 1, "AFFILIATION"),
                None => {
                    let label = |i: usize| self.labels.get(i).copied().flatten().map(|(l, _)| l);
                    let person = |i: usize| label(i) == Some("PERSON");
                    let named = person(k + 1) || (k + 1 < n && text(k + 1) == "," && person(k + 2));
                    if self.config.generic_positions
                        && text(first).starts_with(char::is_lowercase)
                        && !named
                        && !reported.get(sentence).copied().unwrap_or(false)
                    {
                        self.labels[first..=k].fill(None);
                    }
                }
            }
        }
        // An organisation written right before a name with no position before it ("Kementerian
        // X Budi Santoso", "Universitas X , Budi Santoso , …"): a caption, a list or a name the
        // tagger split, which KoTA mostly leaves unlabelled (dev: 9 of 78).
        if self.config.no_organisation_before_name {
            let label = |labels: &[Option<(&'static str, Position)>], i: usize| {
                labels.get(i).copied().flatten().map(|(l, _)| l)
            };
            let mut k = 0;
            while k < n {
                let Some(end) = affiliation_end(&self.labels, k) else {
                    k += 1;
                    continue;
                };
                let next = if end + 1 < n && text(end + 1) == "," {
                    end + 2
                } else {
                    end + 1
                };
                let person = matches!(label(&self.labels, next), Some("PERSON" | "PERSONCOREF"));
                let position = k > 0 && label(&self.labels, k - 1) == Some("ROLE");
                if person && !position {
                    self.labels[k..=end].fill(None);
                }
                k = end + 1;
            }
        }
    }

    /// Labels tokens `first..end` as one span, over what they were labelled before.
    /// Labels a cue `CUE`, or `CUECOREF` for a `-nya` cue and the words of `coref_cues`.
    fn mark_cue(&mut self, doc: &Document, cue: Span) {
        let word = doc.slice(cue).to_lowercase();
        let label = if self.config.coref_cues.contains(&word) {
            "CUECOREF"
        } else {
            cue_label(doc, cue)
        };
        self.mark(doc, cue, label);
    }

    fn relabel(&mut self, first: usize, end: usize, label: &'static str) {
        for k in first..end {
            let position = match (k == first, k + 1 == end) {
                (true, true) => Position::Unit,
                (true, false) => Position::Begin,
                (false, true) => Position::Last,
                (false, false) => Position::Inside,
            };
            self.labels[k] = Some((label, position));
        }
    }

    /// Whether the entity fill labels the person `span` found by the entity layer: KoTA
    /// labels people named in the running text, the first time an article names them.
    fn fill_person(
        &self,
        doc: &Document,
        span: Span,
        direct_speakers: &[Span],
        reported: &[bool],
        entity_at: &[Option<(EntityLabel, usize)>],
    ) -> bool {
        let (first, end) = token_range(doc, span);
        let text = |k: usize| token_text(doc, k);
        let after = text(end);
        if set_off(doc, first, end) {
            return false;
        }
        // A name inside a clause, after a lower-case word ("disutradarai Budi Santoso",
        // "bersama Budi Santoso"), in a sentence that reports no speech: a person the text
        // only mentions, which KoTA mostly leaves unlabelled (dev: 12% of them were labelled).
        let sentence = doc.sentences.partition_point(|s| s.span.end <= span.start);
        if first > 0
            && text(first - 1).starts_with(|c: char| {
                // Also after a number, a dash or a list mark ("nomor urut 2 Budi Santoso", "SDN 2
                // Budi", "2. Sari Wulandari , M.Pd. –", "Budi - Sari memperoleh …"): an item of
                // a list, a candidate's number or a name run into a unit (dev: 1 of 18 labelled).
                c.is_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '–' | '—' | '#' | '[')
            })
            && !reported.get(sentence).copied().unwrap_or(false)
        {
            return false;
        }
        // A name right after capitalised words that are no title and that the entity layer
        // left out ("Koperasi Tani Makmur Jaya", "Lapangan Sukamaju Raya"), whether or not the
        // sentence reports speech: mostly the rest of a longer name the tagger split, of a
        // place, a group, a thing or a person (dev: 12 of 100 labelled in sentences without
        // speech, 8 of 41 in those with it). Not where those words are the field of a
        // position the entity layer found before them ("Menteri Urusan Laut | Budi").
        if first > 0 && self.inside_unread_name(doc, first, entity_at) {
            return false;
        }
        // A name opening a sentence that reports no speech ("Budi Santoso , warga Sukamaju ,
        // Prodi Biologi.", "Sari Wulandari yang menjadi pemeran utama …"): an item of a list
        // of people or the subject of a story, which KoTA mostly leaves unlabelled (dev: 1 of
        // 25 labelled).
        if doc
            .sentences
            .get(sentence)
            .is_some_and(|s| s.span.start == span.start)
            && !reported.get(sentence).copied().unwrap_or(false)
        {
            return false;
        }
        // A name of four words or more, or one running on into a capitalised word the tagger
        // left out, is mostly a name glued to something else (a unit, a caption, a title).
        if end - first >= 4
            || (after.starts_with(char::is_uppercase) && !text(end - 1).ends_with('.'))
        {
            return false;
        }
        if direct_speakers.iter().any(|s| s.overlaps(span)) {
            return false;
        }
        // A name in a list of names ("… , Budi Santoso , Sari Wulandari , …"), in a sentence that
        // reports no speech: the people present at something, which KoTA mostly leaves
        // unlabelled (dev: 10 of 79 were labelled).
        if self.config.no_listed_people
            && !reported.get(sentence).copied().unwrap_or(false)
            && ((first >= 2 && text(first - 1) == "," && person_at(doc, first - 2))
                || (text(end) == "," && person_at(doc, end + 1)))
        {
            return false;
        }
        // A name the article wrote a little before is a later reference.
        !self.repeated(doc, first, end)
    }

    /// True when the tokens right before token `first` are capitalised words the entity layer
    /// left out, none a title (`titles`, an initial, or a word with a full stop such as
    /// `Drs.`), with no position found right before them.
    fn inside_unread_name(
        &self,
        doc: &Document,
        first: usize,
        entity_at: &[Option<(EntityLabel, usize)>],
    ) -> bool {
        let unread = |k: usize| {
            let word = doc.slice(doc.tokens[k].span);
            word.starts_with(char::is_uppercase)
                && word.chars().count() > 1
                && !word.contains('.')
                && entity_at[k].is_none()
                && !self.config.titles.iter().any(|t| t == word)
        };
        // "dan" joins the words of one name ("Menteri Urusan Hutan dan Kebun").
        let joined = |k: usize| k > 0 && doc.slice(doc.tokens[k].span) == "dan" && unread(k - 1);
        let mut k = first;
        while k > 0 && (unread(k - 1) || (k < first && joined(k - 1))) {
            k -= 1;
        }
        k < first && !(k > 0 && matches!(entity_at[k - 1], Some((EntityLabel::Role, _))))
    }

    /// True when a quote's speaker within `repeat_window` tokens either side of tokens
    /// `first..end` holds the same words (case and a final full stop or comma ignored).
    fn speaker_nearby(&self, doc: &Document, first: usize, end: usize, speakers: &[Span]) -> bool {
        let norm = |k: usize| doc.slice(doc.tokens[k].span).trim_end_matches(['.', ',']);
        let n = end - first;
        let from = first.saturating_sub(self.config.repeat_window);
        let to = end + self.config.repeat_window;
        speakers.iter().any(|&speaker| {
            let (s, e) = token_range(doc, speaker);
            e <= to
                && e >= from
                && e >= s + n
                && (s..=e - n)
                    .any(|k| (0..n).all(|i| norm(k + i).eq_ignore_ascii_case(norm(first + i))))
        })
    }

    /// True when the token before token `first`, or before the bracketed abbreviation that
    /// ends right there ("Ketua Dewan ( KD ) | Budi"), is already labelled a position or an
    /// organisation: the name is introduced by what its holder is.
    fn after_position(&self, doc: &Document, first: usize) -> bool {
        let text = |k: usize| token_text(doc, k);
        let mut k = first;
        if k > 0 && text(k - 1) == ")" {
            let open = (k.saturating_sub(MAX_BRACKETED)..k - 1)
                .rev()
                .find(|&j| text(j) == "(");
            k = open.unwrap_or(k);
        }
        k > 0 && matches!(self.labels[k - 1], Some(("ROLE" | "AFFILIATION", _)))
    }

    /// [`Self::repeated`] for the tokens of `span`.
    fn repeated_span(&self, doc: &Document, span: Span) -> bool {
        let (first, end) = token_range(doc, span);
        self.repeated(doc, first, end)
    }

    /// True when the words of tokens `first..end` were written within the `repeat_window`
    /// tokens before them (case and a final full stop or comma ignored).
    fn repeated(&self, doc: &Document, first: usize, end: usize) -> bool {
        let norm = |k: usize| doc.slice(doc.tokens[k].span).trim_end_matches(['.', ',']);
        let n = end - first;
        if n == 0 || first < n {
            return false;
        }
        let from = first.saturating_sub(self.config.repeat_window);
        (from..=first - n)
            .any(|k| (0..n).all(|i| norm(k + i).eq_ignore_ascii_case(norm(first + i))))
    }

    /// A KoTA statement: `content`, over the glued token right after it whose first part ends
    /// its sentence (`… di pasar.Budi`: the corpus's token belongs to the sentence it ends), cut
    /// at the tokens of numbers with a full stop inside (see `dotted_number_breaks`).
    fn mark_statement(&mut self, doc: &Document, content: Span) {
        let first = doc.token_at(content.start);
        let mut end = first;
        while end < doc.tokens.len() && doc.tokens[end].span.start < content.end {
            end += 1;
        }
        if end < doc.tokens.len() && ends_sentence_glued(doc.slice(doc.tokens[end].span)) {
            end += 1;
        }
        let mut start = first;
        for k in first..=end {
            let cut = k == end
                || (self.config.dotted_number_breaks
                    && dotted_number(doc.slice(doc.tokens[k].span)));
            if !cut {
                continue;
            }
            if k > start {
                let span = doc.tokens[start].span.cover(doc.tokens[k - 1].span);
                self.mark(doc, span, "STATEMENT");
            }
            start = k + 1;
        }
    }

    /// `span` without the titles and ranks that open it (`Prof. Budi Hartono` → `Budi
    /// Hartono`); the span itself when nothing else is left.
    fn without_titles(&self, doc: &Document, span: Span) -> Span {
        let mut k = doc.token_at(span.start);
        while k + 1 < doc.tokens.len()
            && doc.tokens[k + 1].span.end <= span.end
            && self
                .config
                .titles
                .iter()
                .any(|t| t == doc.slice(doc.tokens[k].span))
        {
            k += 1;
        }
        Span {
            start: doc.tokens[k].span.start.max(span.start),
            end: span.end,
        }
    }

    /// Labels where and on what occasion a statement was made (`LOCATION`, `EVENT`).
    fn mark_setting(&mut self, doc: &Document, q: &Quote) {
        if !self.config.settings {
            return;
        }
        if let Some(l) = q.location {
            self.mark(doc, l, "LOCATION");
        }
        if let Some(e) = q.event {
            self.mark(doc, e, "EVENT");
        }
    }

    /// Labels a statement's date written `Senin (13/4/2020)`; true when there was one.
    fn mark_time(&mut self, doc: &Document, time: Option<Span>) -> bool {
        if let Some(t) = time.filter(|t| doc.slice(*t).contains('(')) {
            self.mark(doc, t, "DATETIME");
            return true;
        }
        false
    }

    fn mark_role(&mut self, doc: &Document, s: &Speaker) {
        // "Kepala | Badan X yang juga Ketua Forum Y Budi", "Menteri Y yang juga Ketua Komite X
        // Budi", "Wakil Kepala | Polda X sekaligus Ketua Komite Y": PFSA labels each of two
        // positions in one introduction with its own organisation, without the connector.
        let in_role = s.role.and_then(|r| second_position(doc, r, false));
        let in_org = s.affiliation.and_then(|a| second_position(doc, a, true));
        // "anggota | Komisi X ( KX ) Bidang Pendidikan", "Wakil Ketua Umum | Kadin Bidang
        // Hubungan Internasional": a field written after the organisation makes the whole one
        // position, and PFSA labels it so, with no organisation.
        if let (Some(r), Some(a), None, None) = (s.role, s.affiliation, in_role, in_org) {
            // (The organisation right after the position.)
            let next = token_range(doc, r).1 == doc.token_at(a.start);
            if next && field_after_organisation(doc, a) {
                let whole = Span {
                    start: r.start,
                    end: a.end,
                };
                self.mark(doc, whole, "ROLE");
                return;
            }
        }
        if let Some(r) = s.role {
            let r = in_role.map_or(r, |(cut, _)| Span {
                start: r.start,
                end: cut,
            });
            self.mark(doc, r, "ROLE");
        }
        if let Some(a) = s.affiliation {
            let a = in_org.map_or(a, |(cut, _)| Span {
                start: a.start,
                end: cut,
            });
            self.mark(doc, without_campus_city(doc, a), "AFFILIATION");
        }
        // A second position inside the role has the organisation after it for its own.
        let second = match in_role {
            Some((_, rest)) if s.affiliation.is_some() => {
                self.mark(doc, rest, "ROLE");
                None
            }
            _ => in_role.or(in_org),
        };
        if let Some((_, rest)) = second {
            // The second position: its role up to the first organisation the entity layer
            // found in it, that organisation to the end.
            let org = doc
                .entities
                .iter()
                .filter(|e| e.label == EntityLabel::Org && rest.contains(e.span))
                .map(|e| e.span.start)
                .filter(|&at| at > rest.start)
                .min();
            match org {
                Some(at) => {
                    let before = doc.tokens[doc.token_at(at) - 1].span.end;
                    self.mark(
                        doc,
                        Span {
                            start: rest.start,
                            end: before,
                        },
                        "ROLE",
                    );
                    self.mark(
                        doc,
                        Span {
                            start: at,
                            end: rest.end,
                        },
                        "AFFILIATION",
                    );
                }
                None => self.mark(doc, rest, "ROLE"),
            }
        }
    }

    fn write_token(&mut self, doc: &Document, k: usize) -> std::io::Result<()> {
        let token = doc.slice(doc.tokens[k].span);
        self.out.write_all(token.as_bytes())?;
        self.out.write_all(b"\t")?;
        match self.labels[k] {
            None => self.out.write_all(b"O")?,
            Some((label, position)) => {
                let prefix = match (self.config.encoding, position) {
                    (_, Position::Begin) => "B-",
                    (_, Position::Inside) => "I-",
                    (Encoding::Bilou, Position::Last) => "L-",
                    (Encoding::Bilou, Position::Unit) => "U-",
                    (Encoding::Bio, Position::Last) => "I-",
                    (Encoding::Bio, Position::Unit) => "B-",
                };
                self.out.write_all(prefix.as_bytes())?;
                self.out.write_all(label.as_bytes())?;
            }
        }
        self.out.write_all(b"\n")
    }
}

const DAYS: [&str; 8] = [
    "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu", "Ahad",
];
const PARTS_OF_DAY: [&str; 5] = ["pagi", "siang", "sore", "malam", "dini"];

/// The first date written `, Senin (13/4/2020)` after `span` in its sentence, else the nearest
/// before it: the day a speaker introduced there spoke
/// ("Hal itu disampaikan Kepala Dinas Budi di Sukamaju, Senin (…).",
/// "Ditemui di Sukamaju, Senin (…), Kepala Dinas Budi membenarkan …").
/// True when a statement's cue stands in the sentence of `span`.
fn spoken_in(doc: &Document, span: Span) -> bool {
    let i = doc.sentences.partition_point(|s| s.span.end <= span.start);
    let Some(sentence) = doc.sentences.get(i) else {
        return false;
    };
    doc.quotes
        .iter()
        .filter_map(|q| q.cue)
        .any(|c| sentence.span.contains(c))
}

fn date_in_sentence(doc: &Document, span: Span, cue: Option<Span>) -> Option<Span> {
    let text = |k: usize| token_text(doc, k);
    let sentence = doc
        .sentences
        .get(doc.sentences.partition_point(|s| s.span.end <= span.start))?;
    let (first, end) = (sentence.first_token as usize, sentence.end_token as usize);
    // After a comma, as the day of speech is set off; "… pada Senin (…)" is mostly the day of
    // what is reported, unless it stands between the name and the reporting verb ("Kepala Dinas
    // Budi yang dihubungi pada Senin (…) mengatakan, …").
    let name_end = doc.token_at(span.end.saturating_sub(1));
    let verb = cue.map(|c| doc.token_at(c.start));
    let date_at = |k: usize| {
        let before_verb = verb.is_some_and(|v| k > name_end && k < v);
        let prev = k.checked_sub(1).map_or("", text);
        let set_off = prev == "," || (before_verb && prev == "pada");
        if !(DAYS.contains(&text(k)) && text(k + 1) == "(" && set_off) {
            return None;
        }
        let mut q = k + 2;
        while q < end
            && q < k + 8
            && (text(q) == "/" || text(q).bytes().all(|b| b.is_ascii_digit()))
        {
            q += 1;
        }
        (q > k + 3 && q < end && text(q) == ")")
            .then(|| doc.tokens[k].span.cover(doc.tokens[q].span))
            .filter(|t| !future(doc, *t))
    };
    // The first after the name, else the nearest before it.
    let name = doc.token_at(span.start).clamp(first, end);
    (doc.token_at(span.end).max(name)..end)
        .find_map(date_at)
        .or_else(|| (first..name).rev().find_map(date_at))
}

/// True when the date `t` is followed by a word that puts it ahead ("Senin (22/6) mendatang").
fn future(doc: &Document, t: Span) -> bool {
    let next = doc.token_at(t.end.saturating_sub(1)) + 1;
    doc.tokens
        .get(next)
        .is_some_and(|x| matches!(doc.slice(x.span), "mendatang" | "depan" | "nanti"))
}

/// True when `span` lies in an article's lead sentence, after its dateline ("JAKARTA, KOMPAS —
/// Menteri Budi Santoso meminta …"): the corpus labels that sentence as the article's topic
/// (`ISSUE`) and nothing inside it, so a speaker introduced there is left unlabelled.
fn in_lead(doc: &Document, span: Span) -> bool {
    let text = |k: usize| token_text(doc, k);
    let capitals = |k: usize| {
        let t = text(k);
        t.chars().filter(|c| c.is_alphabetic()).count() >= 3 && !t.chars().any(char::is_lowercase)
    };
    let Some(sentence) = doc
        .sentences
        .get(doc.sentences.partition_point(|s| s.span.end <= span.start))
    else {
        return false;
    };
    let first = sentence.first_token as usize;
    let at = doc.token_at(span.start);
    // "JAKARTA , KOMPAS —", "KOTA BARU , KOMPAS –": capitals, a comma, capitals, a dash.
    capitals(first)
        && (first + 2..(first + 8).min(at))
            .any(|d| matches!(text(d), "—" | "–" | "-") && capitals(d - 1) && text(d - 2) == ",")
}

/// Academic degrees written after a name without their full stops, which an entity tagger
/// may read as an organisation's abbreviation.
const DEGREES: [&str; 24] = [
    "SH", "MH", "MM", "MA", "MS", "SE", "ST", "MT", "MSi", "SPd", "MPd", "SAg", "MAg", "SSos",
    "SIP", "SKom", "SKM", "MKes", "SP", "MP", "MBA", "PhD", "Lc", "SHI",
];

/// Academic degrees and professional titles written after a name, compared without their
/// full stops and spaces (`M.Si.`, `S. Pd`, `Ph.D`, `Gr.`), besides [`DEGREES`].
const MORE_DEGREES: [&str; 14] = [
    "MSc", "SSi", "SPdI", "MKom", "LLM", "MEng", "SSTP", "STP", "Gr", "MHum", "SS", "SKed",
    "SIKom", "MSn",
];

/// True when `span` holds academic degrees only, with the commas between them.
fn degrees_only(doc: &Document, span: Span) -> bool {
    let (first, end) = token_range(doc, span);
    let mut any = false;
    let mut word = String::new();
    for k in first..end {
        let text = doc.slice(doc.tokens[k].span);
        if text == "," {
            continue;
        }
        word.clear();
        word.extend(text.chars().filter(|c| !matches!(c, '.' | ' ')));
        if !DEGREES.contains(&word.as_str()) && !MORE_DEGREES.contains(&word.as_str()) {
            return false;
        }
        any = true;
    }
    any
}

/// Words that make a position an acting or deputy one ("Pj Bupati", "Plt. Kepala Dinas",
/// "Wakil Ketua"): part of the position.
const ACTING: [&str; 8] = [
    "Pj", "Pj.", "Plt", "Plt.", "Penjabat", "Pejabat", "Wakil", "wakil",
];

/// True when token `k` lies in a person the entity layer found.
fn person_at(doc: &Document, k: usize) -> bool {
    let Some(t) = doc.tokens.get(k) else {
        return false;
    };
    let i = doc
        .entities
        .partition_point(|e| e.span.start <= t.span.start);
    i > 0 && {
        let e = &doc.entities[i - 1];
        e.label == EntityLabel::Per && e.span.end > t.span.start
    }
}

/// `role` widened back over an acting or deputy word right before it that no entity covers,
/// also one written out with its abbreviation ("Penjabat ( Pj ) Bupati", "Pelaksana Tugas (
/// Plt ) Kepala"), and over "eks" (a former holder: KoTA keeps it in the position).
fn acting(doc: &Document, role: Span, in_entity: &[bool]) -> Span {
    let text = |k: usize| doc.slice(doc.tokens[k].span);
    let first = doc.token_at(role.start);
    let mut start = first;
    if start >= 4
        && text(start - 1) == ")"
        && matches!(text(start - 2), "Pj" | "Plt" | "Pjs" | "Plh")
        && text(start - 3) == "("
    {
        match text(start - 4) {
            "Penjabat" | "Pejabat" => start -= 4,
            "Tugas" if start >= 5 && text(start - 5) == "Pelaksana" => start -= 5,
            _ => {}
        }
    } else if let Some(k) = start
        .checked_sub(1)
        .filter(|&k| !in_entity[k] && ACTING.contains(&text(k)))
    {
        start = k;
    }
    if start > 0 && !in_entity[start - 1] && text(start - 1).eq_ignore_ascii_case("eks") {
        start -= 1;
    }
    Span {
        start: doc.tokens[start].span.start.min(role.start),
        end: role.end,
    }
}

/// The last token of the organisation written from token `j` on, before `limit` (the end of
/// the sentence): capitalised words that are no title or day, the entity layer's organisations
/// and places (whole), a short number after a word ("SDN 3"), "dan" before a capitalised word
/// and a bracketed abbreviation, up to a person, a position, a date, a comma or a lower-case
/// word; a word ending in a full stop ends it; after a government title (`position`) also
/// the years of its term in brackets. Tokens labelled already stop it, except
/// organisations, which it takes in (a shorter organisation the entity fill found).
fn organisation_at(
    doc: &Document,
    j: usize,
    limit: usize,
    entity_at: &[Option<(EntityLabel, usize)>],
    labels: &[Option<(&'static str, Position)>],
    position: bool,
) -> Option<usize> {
    let text = |k: usize| doc.slice(doc.tokens[k].span);
    let free = |k: usize| k < limit && labels[k].is_none_or(|(l, _)| l == "AFFILIATION");
    let word = |k: usize| {
        let t = text(k);
        let bare = t.trim_end_matches('.');
        // An initial with its full stop ("M. Fauzan") starts a name.
        free(k)
            && doc.tokens[k].kind == TokenKind::Word
            && t.starts_with(char::is_uppercase)
            && !bare.contains('.')
            && !(bare.chars().count() == 1 && bare.len() < t.len())
            && !lone_initial_before_name(doc, k)
            && !DAYS.contains(&t)
            && !kutip_core::MONTHS.contains(&t)
            && !TITLES_BEFORE_NAMES.contains(&bare)
            && !matches!(
                entity_at[k],
                Some((EntityLabel::Per | EntityLabel::Role | EntityLabel::Date, _))
            )
    };
    // A field noun ("Kebudayaan", "Transmigrasi"), not a word that opens an organisation or a
    // place of its own.
    let field = |k: usize| {
        let t = text(k);
        let mut chars = t.chars();
        chars.next().is_some_and(char::is_uppercase)
            && chars.all(char::is_lowercase)
            && t.len() >= 6
            && (t.ends_with("an") || t.ends_with("si"))
            && !OWN_NAME_OPENERS.contains(&t)
    };
    let mut last = None;
    let mut k = j;
    while k < limit && k < j + 15 && free(k) {
        let t = text(k);
        match entity_at[k] {
            Some((EntityLabel::Org | EntityLabel::Loc, end))
                if (word(k) || last.is_some()) && (k..=end).all(free) =>
            {
                last = Some(end);
                k = end + 1;
                if text(end).ends_with('.') {
                    break;
                }
                continue;
            }
            Some((
                EntityLabel::Per | EntityLabel::Role | EntityLabel::Date | EntityLabel::Time,
                _,
            )) => break,
            _ => {}
        }
        // A short number after a word belongs to the name ("SDN 3", "Komisi 2").
        let number = last == k.checked_sub(1)
            && last.is_some()
            && t.len() <= 3
            && t.trim_end_matches('.').bytes().all(|b| b.is_ascii_digit())
            && !t.starts_with('.');
        if word(k) || number {
            last = Some(k);
            k += 1;
            if t.ends_with('.') {
                break;
            }
        } else if t == "dan" && last.is_some() && k + 1 < limit && free(k + 1) && field(k + 1) {
            // "Dinas A dan Kehutanan", "Fakultas B dan Kelautan": an
            // office's second field, which the tagger often reads as a place or a person of
            // its own ("Kehutanan Provinsi X"): the name goes on over it (and over that place).
            match entity_at[k + 1] {
                Some((EntityLabel::Org | EntityLabel::Loc, end)) if (k + 1..=end).all(free) => {
                    last = Some(end);
                    k = end + 1;
                }
                _ => {
                    last = Some(k + 1);
                    k += 2;
                }
            }
        } else if last.is_some()
            && k + 2 < limit
            && (t.eq_ignore_ascii_case("dapil")
                || t == "dari" && text(k + 1).eq_ignore_ascii_case("dapil"))
        {
            // "DPRD X dapil Y 2", "Komisi X DPR dari Dapil II Y": the electoral district a
            // member sits for is part of the organisation in KoTA; the district's name follows.
            let name = if t == "dari" { k + 2 } else { k + 1 };
            if !text(name).starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) {
                break;
            }
            k = name;
        } else if t == "dan"
            && last.is_some()
            && k + 1 < limit
            && word(k + 1)
            // "PT X dan Politeknik Y", "Dinas X dan Medan": an organisation or place of its
            // own after "dan" is a list, not the name's second field.
            && !matches!(entity_at[k + 1], Some((EntityLabel::Org | EntityLabel::Loc, _)))
        {
            k += 1;
        } else if t == "("
            && last.is_some()
            // An abbreviation; years ("( 2019-2024 )") only in a position, as its term.
            && k + 1 < limit
            && (text(k + 1).starts_with(char::is_uppercase)
                || position && text(k + 1).starts_with(|c: char| c.is_ascii_digit()))
        {
            match (k + 2..(k + 5).min(limit)).find(|&m| text(m) == ")") {
                Some(m) if (k..=m).all(free) => {
                    last = Some(m);
                    k = m + 1;
                }
                _ => break,
            }
        } else {
            break;
        }
    }
    last
}

/// True when token `k` is a lone capital letter that is no Roman numeral, with a capitalised
/// word after it ("H Budi", a title's initial before a name): it starts the name, so an
/// organisation running on to it ends before it. Roman numerals ("Komisi X", "Kelas II") and
/// a letter ending the sentence stay in the name.
fn lone_initial_before_name(doc: &Document, k: usize) -> bool {
    let text = |i: usize| token_text(doc, i);
    let letter = text(k);
    letter.len() == 1
        && letter.starts_with(|c: char| c.is_ascii_uppercase() && !"IVXLCDM".contains(c))
        && doc
            .tokens
            .get(k + 1)
            .is_some_and(|t| t.kind == TokenKind::Word)
        && text(k + 1).starts_with(char::is_uppercase)
}

/// Field-like words that open an organisation or a place of their own after "dan" ("Dinas X
/// dan Kecamatan Y"): no second field of the name before.
const OWN_NAME_OPENERS: [&str; 25] = [
    "Kecamatan",
    "Kelurahan",
    "Kabupaten",
    "Kementerian",
    "Kementrian",
    "Kejaksaan",
    "Kepolisian",
    "Pengadilan",
    "Pemerintahan",
    "Perusahaan",
    "Perguruan",
    "Kedutaan",
    "Pangkalan",
    "Perumahan",
    "Komisi",
    "Asosiasi",
    "Federasi",
    "Organisasi",
    "Koalisi",
    "Yayasan",
    "Persatuan",
    "Perkumpulan",
    "Himpunan",
    "Ikatan",
    "Gerakan",
];

/// The most tokens a bracketed abbreviation after a name of a position or organisation
/// spans, brackets included.
const MAX_BRACKETED: usize = 8;

/// Honorifics, academic titles and ranks written before a name: not part of an organisation.
const TITLES_BEFORE_NAMES: [&str; 20] = [
    "Bapak", "Ibu", "Pak", "Bu", "Dr", "Prof", "Ir", "Drs", "KH", "Hj", "Ustadz", "Ustaz", "Habib",
    "Kombes", "AKBP", "Kompol", "AKP", "Irjen", "Brigjen", "Kolonel",
];

/// True when the place of the name at tokens `first..end` marks it as a side mention: after
/// a capitalised word that is no position and before a comma ("… Sukamaju Budi Santoso , …"),
/// after a capitalised abbreviation and before a lower-case word ("Kec. Budi Santoso yang …"),
/// right after a closing bracket, or before punctuation other than a comma or a bracket.
fn side_mention(
    doc: &Document,
    first: usize,
    end: usize,
    entity_at: &[Option<(EntityLabel, usize)>],
    titles: &[String],
) -> bool {
    let text = |k: usize| token_text(doc, k);
    let before = if first > 0 { text(first - 1) } else { "" };
    let after = text(end);
    let capitalised = before.starts_with(char::is_uppercase)
        && !(first > 0 && matches!(entity_at[first - 1], Some((EntityLabel::Role, _))))
        && !titles.iter().any(|t| t == before);
    (capitalised && !before.ends_with('.') && after == ",")
        || (capitalised && before.ends_with('.') && after.starts_with(char::is_lowercase))
        || before == ")"
        || after
            .chars()
            .next()
            .is_some_and(|c| !c.is_alphanumeric() && !matches!(c, ',' | '('))
}

/// True when tokens `first..end` stand in brackets or in a credit, caption or list
/// ("Pewarta : Budi Santoso", "( Foto / Budi Santoso )", "Bidang Humas : Budi Santoso –",
/// "Tunjangan Profesi Guru ( TPG )"): not a mention in the running text, or an abbreviation
/// whose organisation, if any, carries it.
fn set_off(doc: &Document, first: usize, end: usize) -> bool {
    let text = |k: usize| token_text(doc, k);
    let before = if first > 0 { text(first - 1) } else { "" };
    matches!(before, ":" | "(" | "/" | "|") || matches!(text(end), ")" | ":" | "/" | "|" | "–")
}

/// A second capitalised position inside `span` after "yang juga" (or, in an organisation,
/// "sekaligus", which inside a role joins one person's titles: "Pendiri sekaligus CEO"): the end
/// of the first part and the second position.
fn second_position(doc: &Document, span: Span, organisation: bool) -> Option<(u32, Span)> {
    let (first, end) = token_range(doc, span);
    let text = |k: usize| doc.slice(doc.tokens[k].span);
    (first + 1..end.saturating_sub(1)).find_map(|k| {
        let after = if text(k) == "yang" && text(k + 1) == "juga" {
            k + 2
        } else if text(k) == "sekaligus" {
            k + 1
        } else {
            return None;
        };
        // (After "sekaligus" inside a role, a lower-case position too: "Pengamat penerbangan |
        // sekaligus | anggota".)
        let opens = text(after).starts_with(char::is_uppercase)
            || (!organisation && text(k) == "sekaligus");
        (after < end && opens).then(|| {
            (
                doc.tokens[k - 1].span.end,
                Span {
                    start: doc.tokens[after].span.start,
                    end: span.end,
                },
            )
        })
    })
}

/// A second position in a relative clause right after the name `person` ("Budi , yang juga
/// juru bicara | Satgas Sukamaju , mengatakan", "Budi yang juga menjabat Ketua | Komite X"): a
/// position the entity layer found right after "yang juga" (and "menjabat", "merupakan" or
/// "sebagai"), up to a comma, a full stop or a lower-case word; from the first organisation the
/// entity layer finds in the clause on, its organisation.
fn also_position(doc: &Document, person: Span) -> Option<(Span, Option<Span>)> {
    let text = |k: usize| token_text(doc, k);
    let mut k = token_range(doc, person).1;
    if text(k) == "," {
        k += 1;
    }
    if text(k) != "yang" || text(k + 1) != "juga" {
        return None;
    }
    k += 2;
    if matches!(text(k), "menjabat" | "merupakan" | "sebagai") {
        k += 1;
    }
    let at = doc.tokens.get(k)?.span.start;
    let entity = |label: EntityLabel, start: u32| {
        doc.entities
            .iter()
            .find(|e| e.label == label && e.span.start == start)
    };
    let role = entity(EntityLabel::Role, at)?.span;
    let after = token_range(doc, role).1;
    // The clause ends at a comma, a full stop or a lower-case word (its verb), not at "dan"
    // between capitalised words ("Komite Penanganan X dan Pemulihan Y").
    let mut end = after;
    while end < doc.tokens.len()
        && end < after + 15
        && !matches!(text(end), "," | "." | ";")
        && (!text(end).starts_with(char::is_lowercase)
            || (text(end) == "dan" && text(end + 1).starts_with(char::is_uppercase)))
    {
        end += 1;
    }
    // (The position runs on to the organisation: "Ketua Pelaksana | Komite X", where the entity
    // layer's position is "Ketua".)
    let org = (after..end).find(|&o| entity(EntityLabel::Org, doc.tokens[o].span.start).is_some());
    // The position runs on to the organisation, which runs to the end of the clause.
    let role = match org {
        Some(o) if o > after => Span {
            start: role.start,
            end: doc.tokens[o - 1].span.end,
        },
        _ => role,
    };
    let org = org.map(|o| Span {
        start: doc.tokens[o].span.start,
        end: doc.tokens[end - 1].span.end,
    });
    Some((role, org))
}

/// True when the organisation `affiliation` goes on with a field ("Komisi X ( KX ) Bidang
/// Pendidikan", "KPU Kota X Divisi Sosialisasi"): "Bidang" or "Divisi" after its first word,
/// other than in a coordinating ministry's own name ("Kementerian Koordinator Bidang X").
fn field_after_organisation(doc: &Document, affiliation: Span) -> bool {
    let (first, end) = token_range(doc, affiliation);
    let text = |k: usize| doc.slice(doc.tokens[k].span);
    (first + 1..end.saturating_sub(1))
        .any(|k| matches!(text(k), "Bidang" | "Divisi") && text(k - 1) != "Koordinator")
}

/// Schools whose names are followed by the city of the campus ("Universitas Airlangga
/// Surabaya").
const SCHOOLS: [&str; 5] = [
    "Universitas",
    "Institut",
    "Sekolah",
    "Politeknik",
    "Akademi",
];

/// Words that make the city after them part of a school's name: the school has one campus per
/// city ("Universitas Negeri Malang", "Institut Teknologi Bandung", "Universitas Muhammadiyah
/// Surakarta").
const CITY_NAMED: [&str; 10] = [
    "Negeri",
    "Teknologi",
    "Pertanian",
    "Muhammadiyah",
    "Islam",
    "Kristen",
    "Katolik",
    "Terbuka",
    "Seni",
    "Kesehatan",
];

/// Cities that house universities, named after a school's own name only to locate it.
const CAMPUS_CITIES: [&str; 32] = [
    "Jakarta",
    "Bandung",
    "Surabaya",
    "Yogyakarta",
    "Semarang",
    "Malang",
    "Solo",
    "Surakarta",
    "Medan",
    "Padang",
    "Palembang",
    "Pontianak",
    "Samarinda",
    "Balikpapan",
    "Banjarmasin",
    "Makassar",
    "Manado",
    "Denpasar",
    "Mataram",
    "Kupang",
    "Ambon",
    "Jayapura",
    "Kendari",
    "Palu",
    "Pekanbaru",
    "Jambi",
    "Bogor",
    "Salatiga",
    "Purwokerto",
    "Jember",
    "Serang",
    "Bengkulu",
];

/// PFSA labels a university without the city it stands in ("Universitas Airlangga | Surabaya",
/// "Sekolah Tinggi X Nasional | Yogyakarta"): `affiliation` without such a last word, unless
/// the city belongs to the name ("Universitas Negeri Jakarta", "Institut Teknologi Bandung").
fn without_campus_city(doc: &Document, affiliation: Span) -> Span {
    let (first, end) = token_range(doc, affiliation);
    let text = |k: usize| doc.slice(doc.tokens[k].span);
    if end < first + 3
        || !SCHOOLS.contains(&text(first))
        || !CAMPUS_CITIES.contains(&text(end - 1))
        || CITY_NAMED.contains(&text(end - 2))
        || !text(end - 2).starts_with(char::is_uppercase)
    {
        return affiliation;
    }
    Span {
        start: affiliation.start,
        end: doc.tokens[end - 2].span.end,
    }
}

/// The tokens `first..end` that `span` covers.
fn token_range(doc: &Document, span: Span) -> (usize, usize) {
    let first = doc.token_at(span.start);
    let mut end = first;
    while end < doc.tokens.len() && doc.tokens[end].span.start < span.end {
        end += 1;
    }
    (first, end)
}

/// Positions of two words whose second word the tagger leaves out of the first's position
/// or reads as a position of its own.
const TWO_WORD_POSITIONS: [(&str, &str); 7] = [
    ("Presiden", "Direktur"),
    ("Ketua", "Umum"),
    ("Ketua", "Pelaksana"),
    ("Ketua", "Harian"),
    ("Komisaris", "Utama"),
    ("Direktur", "Utama"),
    ("Direktur", "Jenderal"),
];

/// The first token of the `ROLE` span whose token `k` is labelled.
fn role_start(labels: &[Option<(&'static str, Position)>], k: usize) -> usize {
    let mut first = k;
    while first > 0
        && !matches!(
            labels[first],
            Some(("ROLE", Position::Begin | Position::Unit))
        )
    {
        first -= 1;
    }
    first
}

/// The last token of the country of an ambassador's posting, when the position ending at
/// token `k` is "Duta Besar" and "( Indonesia | RI ) untuk" and unlabelled capitalised words
/// follow it ("Duta Besar Indonesia untuk | Negeri Seberang").
fn ambassador_posting(
    doc: &Document,
    k: usize,
    labels: &[Option<(&'static str, Position)>],
) -> Option<usize> {
    if k == 0 || token_text(doc, k - 1) != "Duta" || token_text(doc, k) != "Besar" {
        return None;
    }
    let mut j = k + 1;
    if matches!(token_text(doc, j), "Indonesia" | "RI") {
        j += 1;
    }
    if token_text(doc, j) != "untuk" {
        return None;
    }
    let free_capital = |i: usize| {
        i < labels.len()
            && labels[i].is_none()
            && token_text(doc, i).starts_with(char::is_uppercase)
    };
    let mut last = None;
    while free_capital(j + 1) {
        j += 1;
        last = Some(j);
        if token_text(doc, j).ends_with('.') {
            break;
        }
    }
    last
}

/// Where the field of a coordinating minister starts, when the position ending at token `k`
/// is "Menteri" and "Koordinator" (and "bidang") follow it: "Menteri Koordinator | Perairan",
/// "Menteri Koordinator bidang | Perairan".
fn coordinated_field(doc: &Document, k: usize) -> Option<usize> {
    if token_text(doc, k) != "Menteri" || token_text(doc, k + 1) != "Koordinator" {
        return None;
    }
    let field = if token_text(doc, k + 2).eq_ignore_ascii_case("bidang") {
        k + 3
    } else {
        k + 2
    };
    Some(field)
}

/// The last token of the term of office written at token `k`, right after a position: a
/// number or a span of years ("2", "2004-2009"), a Roman numeral ("II"), either in brackets
/// ("( 2004-2009 )") or after "periode" ("periode 2011-2016").
fn term_after_position(doc: &Document, k: usize) -> Option<usize> {
    let term = |t: &str| {
        let b = t.as_bytes();
        !b.is_empty()
            && (b.iter().all(|c| c.is_ascii_digit() || *c == b'-') && b[0].is_ascii_digit()
                || (b.len() <= 4 && b.iter().all(|c| matches!(c, b'I' | b'V' | b'X'))))
    };
    if term(token_text(doc, k)) {
        Some(k)
    } else if token_text(doc, k) == "("
        && term(token_text(doc, k + 1))
        && token_text(doc, k + 2) == ")"
    {
        Some(k + 2)
    } else if token_text(doc, k).eq_ignore_ascii_case("periode") && term(token_text(doc, k + 1)) {
        Some(k + 1)
    } else {
        None
    }
}

/// A token holding the end of one sentence and the start of the next (`pasar.Budi`,
/// `2024.Menurut`): a full stop after at least three characters (or a digit or closing
/// bracket), then a capitalised word. Not an abbreviation (`Dr.Budi`, `S.H.`).
fn ends_sentence_glued(token: &str) -> bool {
    let Some(dot) = token.bytes().rposition(|b| b == b'.') else {
        return false;
    };
    let (head, tail) = (&token[..dot], &token[dot + 1..]);
    let tail = tail.trim_start_matches(['"', '“']);
    let head_ends = head.chars().count() >= 3 && !head.contains('.')
        || head.ends_with(|c: char| c.is_ascii_digit() || c == ')');
    head_ends
        && tail.chars().count() >= 2
        && tail.starts_with(char::is_uppercase)
        && tail.chars().all(char::is_alphabetic)
        && tail.chars().skip(1).any(char::is_lowercase)
}

/// A number written with a full stop between digits (`Rp10.000`, `1.932.666`, `03.00`), or
/// after a letter (`No.10`: the corpus's splitter cut there too).
fn dotted_number(token: &str) -> bool {
    let b = token.as_bytes();
    (1..b.len().saturating_sub(1))
        .any(|i| b[i] == b'.' && b[i - 1].is_ascii_alphanumeric() && b[i + 1].is_ascii_digit())
}

/// True when `word` is one of `list`, ignoring ASCII case (the scheme's word options and
/// word lists).
fn listed<S: AsRef<str>>(list: &[S], word: &str) -> bool {
    list.iter().any(|w| w.as_ref().eq_ignore_ascii_case(word))
}

/// The end (exclusive) of the sentence holding token `k`, walking `sentence` on from where the
/// previous call for an earlier token left it, so a pass over the tokens reads each sentence once.
fn sentence_end(doc: &Document, sentence: &mut usize, k: usize) -> usize {
    while *sentence + 1 < doc.sentences.len() && doc.sentences[*sentence].end_token as usize <= k {
        *sentence += 1;
    }
    doc.sentences.get(*sentence).map_or(doc.tokens.len(), |s| {
        (s.end_token as usize).min(doc.tokens.len())
    })
}

/// The words before a bare `14 Mei 2025` that make it the day something happens or
/// starts (a bare date elsewhere is mostly background or a deadline).
const DAY_OPENERS: [&str; 2] = ["pada", "mulai"];

/// True when the date `date` names its weekday and follows `pada` ("pada Rabu, 14 Mei
/// 2025"): the day of what the text reports, which KoTA dates with or without a cue nearby
/// (dev: 4 of 8 such dates away from a cue labelled, against 3 of 18 bare `pada` dates).
fn day_named_after_pada(doc: &Document, date: Span) -> bool {
    let first = doc.token_at(date.start);
    let text = |k: usize| doc.slice(doc.tokens[k].span);
    first > 0 && text(first - 1).eq_ignore_ascii_case("pada") && DAYS.contains(&text(first))
}

/// Dates as news writes them with their day: `Senin (2/12/2024)`, `Sabtu (30/11) malam`,
/// `Kamis 28 November 2024`, `Kamis, 28 November 2024`.
fn written_dates(doc: &Document) -> Vec<Span> {
    let text = |k: usize| token_text(doc, k);
    let bare = |k: usize| text(k).trim_end_matches('.');
    let digits = |k: usize| !bare(k).is_empty() && bare(k).bytes().all(|b| b.is_ascii_digit());
    // "2-5 Desember 2024": a range of days.
    let day_range = |k: usize| {
        text(k).split_once('-').is_some_and(|(a, b)| {
            (1..=2).contains(&a.len())
                && (1..=2).contains(&b.len())
                && a.bytes().chain(b.bytes()).all(|c| c.is_ascii_digit())
        })
    };
    let mut out = Vec::new();
    let mut k = 0;
    while k < doc.tokens.len() {
        let start = k;
        let mut end = None;
        let mut p = k;
        // A day name in lower case ("senin ( 2 / 12 )", a typo of the source) counts only before
        // a bracketed date: "minggu" is also a week.
        let lower_day = text(p).starts_with(char::is_lowercase)
            && DAYS.iter().any(|d| d.eq_ignore_ascii_case(text(p)));
        if DAYS.contains(&text(p)) || lower_day {
            p += 1;
            if PARTS_OF_DAY.contains(&text(p)) {
                p += 1;
            }
            if text(p) == "," {
                p += 1;
            }
        }
        if text(p) == "(" {
            let mut q = p + 1;
            while q < p + 7 && (digits(q) || text(q) == "/") {
                q += 1;
            }
            if q > p + 2 && text(q) == ")" && p > start {
                // The part of the day written after the date ("Sabtu (14/6/2025) malam") is
                // mostly left out by KoTA (dev: 7 of 9).
                end = Some(q);
            }
        } else if !lower_day
            && (p > start
                || (k > 0
                    && DAY_OPENERS
                        .iter()
                        .any(|w| text(k - 1).eq_ignore_ascii_case(w))))
            && (digits(p) || day_range(p))
            && kutip_core::MONTHS.contains(&text(p + 1))
            && digits(p + 2)
        {
            // After a day name, or after `pada` or `mulai` ("pada 28 November 2024": the day
            // something happens, "mulai 3 Maret 2026": the day it starts); a bare "7 Oktober
            // 2023" is mostly a background date or a deadline, which KoTA leaves unlabelled
            // (dev: 33 of 134 were labelled).
            end = Some(p + 2);
            // A day-named date run on after a capitalised word, a number or a bracket with no
            // comma between ("… Harga Cabai Naik Lagi Kamis , 14 Maret 2024 Banjir Melanda …"), or
            // followed by a clock time ("Selasa , 12 Maret 2024 - 08:15 WIB"), is the stamp
            // of a related-article link or a byline, not a date of the text (dev: 0 of 9
            // labelled).
            let before = start.checked_sub(1).map_or("", text);
            let stamped = p > start
                && (before.starts_with(char::is_uppercase)
                    && !before.ends_with('.')
                    && !matches!(before, "Pada" | "Hari" | "Sejak" | "Hingga" | "Mulai")
                    || before == ")"
                    || (!before.is_empty() && before.bytes().all(|b| b.is_ascii_digit()))
                    || (matches!(text(p + 3), "-" | "–" | "|")
                        && text(p + 4).contains(':')
                        && text(p + 4).starts_with(|c: char| c.is_ascii_digit())));
            if stamped {
                end = None;
            }
        }
        match end {
            Some(e) => {
                out.push(doc.tokens[start].span.cover(doc.tokens[e].span));
                k = e + 1;
            }
            None => k += 1,
        }
    }
    out
}

/// `span` widened over the capitalised words right after it that no entity covers (when
/// `words`), and over an abbreviation in brackets: KoTA's organisations run to their place and
/// abbreviation ("Komisi Perlindungan Anak ( KPA )", "Dinas Pertanian Sukamaju"), and its
/// positions to their abbreviation ("Menteri Koordinator … ( Menko PM )"). The abbreviation is
/// the name's short form even where the entity layer made it an organisation of its own.
/// (Widening positions over the words after them was measured and lost: dev ROLE 27.0 → 22.2.)
fn extend_name(doc: &Document, span: Span, in_entity: &[bool], words: bool) -> Span {
    let text = |k: usize| token_text(doc, k);
    let free = |k: usize| k < doc.tokens.len() && !in_entity[k];
    let upper = |k: usize| {
        k < doc.tokens.len()
            && doc.tokens[k].kind == TokenKind::Word
            && text(k).starts_with(|c: char| c.is_uppercase())
            && !text(k).contains('.')
    };
    let cap = |k: usize| free(k) && upper(k) && !lone_initial_before_name(doc, k);
    let mut k = doc.token_at(span.end.saturating_sub(1)) + 1;
    // A name whose last word carries the sentence's full stop ("Universitas Sukamaju.") ends
    // there: the capitalised word after it starts the next sentence.
    if k > 0 && text(k - 1).ends_with('.') {
        return span;
    }
    let limit = k + 6;
    let mut end = span.end;
    while k < limit {
        if words && cap(k) {
            end = doc.tokens[k].span.end;
            k += 1;
        } else if text(k) == "(" && upper(k + 1) && text(k + 2) == ")" {
            end = doc.tokens[k + 2].span.end;
            break;
        } else if text(k) == "(" && upper(k + 1) && upper(k + 2) && text(k + 3) == ")" {
            end = doc.tokens[k + 3].span.end;
            break;
        } else {
            break;
        }
    }
    Span {
        start: span.start,
        end,
    }
}

/// `span` over the word right after it when that word, left out of every entity, is a
/// capitalised word carrying the sentence's full stop (`Budi | Santoso.`): the name's last word.
/// Not an abbreviation or a degree (`Dr.`, `SH.`, `M.Pd.`).
fn with_glued_stop(doc: &Document, span: Span, in_entity: &[bool]) -> Span {
    let next = doc.token_at(span.end.saturating_sub(1)) + 1;
    let Some(token) = doc.tokens.get(next).filter(|_| !in_entity[next]) else {
        return span;
    };
    let word = doc.slice(token.span);
    let last_word = word.strip_suffix('.').is_some_and(|head| {
        head.chars().count() >= 3
            && head.starts_with(char::is_uppercase)
            && head.chars().all(char::is_alphabetic)
            && head.chars().any(char::is_lowercase)
    });
    let ends = |k: usize| doc.slice(doc.tokens[k].span).ends_with('.');
    if last_word && !ends(next - 1) {
        span.cover(token.span)
    } else {
        span
    }
}

/// The person the entity layer found at the end of `mention`, when it starts after the
/// mention's first token and no other person is found in the words before it: KoTA's `PERSON`
/// is the name, without a position, an organisation or a place run into it ("Koperasi Tani
/// Makmur | Budi Santoso"). `mention` itself otherwise.
fn entity_person_within(doc: &Document, mention: Span) -> Span {
    let (first, end) = token_range(doc, mention);
    let persons = || {
        doc.entities
            .iter()
            .filter(|e| e.label == EntityLabel::Per && e.span.overlaps(mention))
    };
    let Some(last) = persons().find(|e| token_range(doc, e.span).1 == end) else {
        return mention;
    };
    let start = doc.token_at(last.span.start);
    if start <= first || persons().any(|e| doc.token_at(e.span.start) < start) {
        return mention;
    }
    Span {
        start: doc.tokens[start].span.start,
        end: mention.end,
    }
}

/// The text of token `k`, or "" past the document's end.
fn token_text(doc: &Document, k: usize) -> &str {
    doc.tokens.get(k).map_or("", |t| doc.slice(t.span))
}

/// True when `mention` is a name of capitalised words set off by commas right after words
/// that describe the speaker ("Ketua Panitia , Budi Santoso , menjelaskan …").
fn named_after_description(doc: &Document, mention: Span) -> bool {
    let (first, end) = token_range(doc, mention);
    let text = |k: usize| token_text(doc, k);
    let name_word = |k: usize| {
        let word = text(k);
        word.starts_with(char::is_uppercase)
            && word
                .chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
    };
    first >= 2
        && text(first - 1) == ","
        && text(end) == ","
        && doc.tokens[first - 2].kind == TokenKind::Word
        && !text(first - 2).ends_with('.')
        && (first..end).all(name_word)
}

/// True when the speaker mention itself introduces the speaker with a role before the name
/// ("kata Kepala Dinas Kesehatan Budi Santoso"), or with a role or an organisation after it
/// ("kata Budi Santoso, Kepala Dinas Kesehatan", "kata Budi Santoso dari Dinas Kesehatan").
fn is_introduction(s: &Speaker) -> bool {
    let Some(p) = s.person.filter(|p| s.span.contains(*p)) else {
        return false;
    };
    let inside = |x: Option<Span>| x.filter(|x| s.span.contains(*x));
    match (inside(s.role), inside(s.affiliation)) {
        (Some(r), _) => r.end <= p.start || r.start >= p.end,
        (None, Some(a)) => a.start >= p.end,
        (None, None) => false,
    }
}

/// The position a speaker mention with no name in it is written with, when the mention goes on
/// with where the speaker is from: the speaker's role when it is inside the mention with its
/// organisation ("kata Koordinator Posko | Balai Desa X"), else the mention's first words that
/// are its role's, with a preposition after them (a position standing for the person introduced with it:
/// "kata Presiden dari Istana X" of "Presiden Budi Santoso"). A bare "kata Presiden" refers back.
fn own_position(doc: &Document, s: &Speaker) -> Option<Span> {
    let r = s.role?;
    if s.span.contains(r) {
        return s
            .affiliation
            .is_some_and(|a| s.span.contains(a))
            .then_some(r);
    }
    let (ms, me) = token_range(doc, s.span);
    let (rs, re) = token_range(doc, r);
    let same = (0..(me - ms).min(re - rs))
        .take_while(|&d| {
            doc.slice(doc.tokens[ms + d].span)
                .eq_ignore_ascii_case(doc.slice(doc.tokens[rs + d].span))
        })
        .count();
    // (What goes on after it is where from: "dari Istana X", not an organisation of the
    // position's, "kata Panglima TNI".)
    let from = |k: usize| {
        k < me
            && doc
                .slice(doc.tokens[k].span)
                .starts_with(|c: char| c.is_lowercase())
    };
    (same > 0 && from(ms + same)).then(|| Span {
        start: s.span.start,
        end: doc.tokens[ms + same - 1].span.end,
    })
}

/// True when the mention's role stands before the name ("kata Menteri Budi").
fn role_first(s: &Speaker) -> bool {
    match (s.role, s.person) {
        (Some(r), Some(p)) => r.end <= p.start,
        _ => false,
    }
}

/// `CUECOREF` for a `-nya` cue (`katanya`, `menurutnya`), `CUE` otherwise.
fn cue_label(doc: &Document, cue: Span) -> &'static str {
    if doc.slice(cue).to_lowercase().ends_with("nya") {
        "CUECOREF"
    } else {
        "CUE"
    }
}

/// Widens a direct quote's content to the quotation marks around it.
fn with_marks(doc: &Document, content: Span) -> Span {
    let first = doc.token_at(content.start);
    let mut span = content;
    if first > 0 && matches!(doc.tokens[first - 1].kind, TokenKind::QuoteMark(_)) {
        span = span.cover(doc.tokens[first - 1].span);
    }
    let mut last = first;
    while last < doc.tokens.len() && doc.tokens[last].span.end <= content.end {
        last += 1;
    }
    if let Some(t) = doc
        .tokens
        .get(last)
        .filter(|t| matches!(t.kind, TokenKind::QuoteMark(_)))
    {
        span = span.cover(t.span);
    }
    span
}

impl Exporter for ConllExporter<'_> {
    fn name(&self) -> &str {
        "conll"
    }

    fn export(&mut self, doc: &Document) -> Result<(), ExportError> {
        self.label_document(doc);
        if doc.is_pretokenized() {
            for line in &doc.source_lines {
                match *line {
                    SourceLine::DocStart => self.out.write_all(b"-DOCSTART-\tO\n")?,
                    SourceLine::Blank => self.out.write_all(b"\n")?,
                    SourceLine::Token(k) => self.write_token(doc, k as usize)?,
                }
            }
        } else {
            self.out.write_all(b"-DOCSTART-\tO\n\n")?;
            for s in &doc.sentences {
                for k in s.first_token..s.end_token {
                    self.write_token(doc, k as usize)?;
                }
                self.out.write_all(b"\n")?;
            }
        }
        Ok(())
    }

    fn finish(&mut self) -> Result<(), ExportError> {
        self.out.flush()?;
        Ok(())
    }
}

/// True for a web address (`Berita.com`, `SUMBER.CO.ID`) or a social platform's name.
fn web_or_platform(token: &str) -> bool {
    const DOMAINS: [&str; 5] = [".com", ".co", ".id", ".net", ".org"];
    const PLATFORMS: [&str; 7] = [
        "Instagram",
        "Facebook",
        "YouTube",
        "WhatsApp",
        "TikTok",
        "Twitter",
        "Telegram",
    ];
    let b = token.as_bytes();
    DOMAINS
        .iter()
        .any(|d| b.len() > d.len() && b[b.len() - d.len()..].eq_ignore_ascii_case(d.as_bytes()))
        || PLATFORMS.iter().any(|p| token.eq_ignore_ascii_case(p))
}

/// The last token of the `AFFILIATION` span that starts at token `k`, or `None` when no
/// such span starts there.
fn affiliation_end(labels: &[Option<(&'static str, Position)>], k: usize) -> Option<usize> {
    if !matches!(
        labels.get(k),
        Some(Some(("AFFILIATION", Position::Begin | Position::Unit)))
    ) {
        return None;
    }
    let mut end = k;
    while matches!(
        labels.get(end),
        Some(Some(("AFFILIATION", Position::Begin | Position::Inside)))
    ) {
        end += 1;
    }
    Some(end.min(labels.len() - 1))
}
