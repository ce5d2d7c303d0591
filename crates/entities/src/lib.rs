//! Tags entities in Indonesian news: people, organisations, places, dates, amounts and roles.
//!
//! People, organisations and places come from a statistical tagger (an averaged structured
//! perceptron over hashed features, Viterbi over BIO tags: [`model`]) whose model, trained by
//! [`train_files`] (`kutip train`), is compiled in; rules add dates, times, amounts and roles,
//! split titles off names, and a compiled-in gazetteer (countries, Indonesian regions, well-known
//! organisations) feeds both. Mentions are then linked within the document ("Peskov" → "Dmitry
//! Peskov", "Jokowi" → "Joko Widodo", "BPBD" → its expansion). See docs/entities.md.
//!
//! ```
//! use kutip_core::{Document, EntityLabel, Stage};
//! use kutip_entities::{EntitiesConfig, EntityStage};
//! use kutip_tokenize::{TokenizeConfig, TokenizeStage};
//!
//! let mut doc = Document::new("d", "Kata Dmitry Peskov di Moskow. Peskov pergi.");
//! TokenizeStage::new(TokenizeConfig::default()).process(&mut doc).unwrap();
//! EntityStage::new(EntitiesConfig::default()).process(&mut doc).unwrap();
//! let peskov = doc.entities.iter().find(|e| doc.slice(e.span) == "Peskov").unwrap();
//! assert_eq!(peskov.label, EntityLabel::Per);
//! assert_eq!(peskov.canonical.as_deref(), Some("Dmitry Peskov"));
//! ```
#![deny(missing_docs)]

mod features;
mod gazetteer;
mod genre;
mod given_names;
pub mod model;
mod rules;

pub use gazetteer::Gazetteer;
pub use model::{Model, ModelError, TrainOptions};

/// Reads BIO training texts and trains a model on them, with the built-in gazetteer's hits as
/// features. Each text may name its annotation convention: the model then also learns that
/// convention's own weights, used when the stage's `convention` option names it. `progress`
/// hears (epoch, tokens wrong) after each pass.
pub fn train_files(
    texts: &[(Option<String>, String)],
    options: &TrainOptions,
    progress: impl FnMut(usize, usize),
) -> Model {
    let gazetteer = Gazetteer::builtin();
    let mut sentences = Vec::new();
    let mut conventions: Vec<String> = Vec::new();
    let mut codes = Vec::new();
    for (convention, text) in texts {
        if let Some(name) = convention {
            if !conventions.contains(name) {
                conventions.push(name.clone());
            }
        }
        let domain = model::convention_id(convention.as_deref().unwrap_or(""));
        for (words, tags) in model::read_bio(text) {
            let refs: Vec<&str> = words.iter().map(String::as_str).collect();
            gazetteer.tag_tokens(&refs, &mut codes);
            sentences.push(model::TrainSentence {
                gazetteer: codes.clone(),
                domain,
                words,
                tags,
            });
        }
    }
    model::train(&sentences, &conventions, options, progress)
}

use kutip_core::{Document, Layers, Stage, StageError};
use schemars::JsonSchema;
use serde::Deserialize;

/// Options of the `entities` stage.
#[derive(Clone, Debug, Deserialize, JsonSchema, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct EntitiesConfig {
    /// Extra place names (tagged LOC), added to the built-in gazetteer.
    pub places: Vec<String>,
    /// Extra organisation names and acronyms (tagged ORG).
    pub organisations: Vec<String>,
    /// Extra person names (tagged PER).
    pub people: Vec<String>,
    /// Gazetteer files to add: one name a line as `LABEL<TAB>name` (LABEL is PER, ORG or LOC);
    /// blank lines and lines starting with `#` are skipped.
    pub gazetteer_files: Vec<std::path::PathBuf>,
    /// Other names of people and organisations, mapped to the canonical name every mention gets
    /// (`Jokowi = "Joko Widodo"`), added to the built-in table of well-known nicknames and
    /// acronyms (SBY, Ahok, KPK, DPR, TNI, PBB…).
    pub aliases: std::collections::BTreeMap<String, String>,
    /// A model file written by `kutip train` to use instead of the built-in one
    /// (`models/ner.bin`, compiled into kutip).
    pub model: Option<std::path::PathBuf>,
    /// Tag gazetteer names that the model left untagged ("Armenia menuduh…": a country acting as
    /// a speaker). The NER corpora leave such agents unlabelled, so `pipelines/ner.toml` turns
    /// this off.
    pub gazetteer_names: bool,
    /// The annotation convention to tag names in. The built-in model knows `news` (trained on
    /// idner-news-2k: news; a country is LOC only where it is a place, titles and "Kabupaten"
    /// stay outside names), `nergrit` (NERGrit: mixed domains; "desa", "Kabupaten" inside place
    /// names) and `shared` (what both have in common). `auto` tags each sentence that reads
    /// like the news training set (the model's genre classifier) in `news`, others in `shared`.
    pub convention: String,
    /// Reporting verbs whose following capitalised words name a person ("…,” ujar Panut"),
    /// even when the model does not know the name.
    pub name_cues: Vec<String>,
    /// More currency names, codes and symbols for MONEY, mapped to their ISO 4217 code
    /// (`{ "dinar Kuwait" = "KWD" }`), written before an amount ("KWD 5") or after it
    /// ("5 juta dinar Kuwait"). Added to the built-in ones: rupiah (Rp), US dollars (USD, US$,
    /// $, dolar AS), euro, yen, ringgit (RM), Singapore and Australian dollars, pound sterling,
    /// yuan, won, baht, peso, riyal, dirham, rupee, rubel, franc Swiss.
    pub currencies: std::collections::BTreeMap<String, String>,
    /// Take an acronym in brackets written right after an organisation's or a place's name
    /// into the name ("Komisi Antarbangsa (KAB)" one ORG), as idner-news-2k annotates it,
    /// instead of tagging it as a mention of its own linked to the name (the default).
    pub join_bracketed_acronyms: bool,
    /// With `convention = "auto"`: the percentage (0–100) of the other convention's weights
    /// (the built-in model's `nergrit`) added to the shared ones for the sentences that do not
    /// read like news. 0 (the default) tags them in the shared weights alone. 25 scores better
    /// on NERGrit in the mean over retrained models (see docs/entities.md, round 11) but not
    /// with the built-in model, so it is off.
    pub auto_other_percent: u8,
}

impl Default for EntitiesConfig {
    fn default() -> EntitiesConfig {
        EntitiesConfig {
            places: Vec::new(),
            organisations: Vec::new(),
            people: Vec::new(),
            gazetteer_files: Vec::new(),
            aliases: Default::default(),
            model: None,
            gazetteer_names: true,
            convention: "news".into(),
            name_cues: [
                "kata", "ujar", "tutur", "ucap", "jelas", "ungkap", "imbuh", "tambah", "lanjut",
                "terang", "tegas", "sebut", "papar", "katanya", "menurut",
            ]
            .map(String::from)
            .to_vec(),
            currencies: Default::default(),
            join_bracketed_acronyms: false,
            auto_other_percent: 0,
        }
    }
}

/// The `entities` stage.
#[derive(Debug)]
pub struct EntityStage {
    gazetteer: Gazetteer,
    gazetteer_names: bool,
    name_cues: Vec<String>,
    currencies: rules::Currencies,
    join_bracketed_acronyms: bool,
    /// With foldhash, not SipHash: every named mention of every document is looked up here
    /// (SipHash cost 1% of the stage).
    aliases: foldhash::HashMap<String, String>,

    /// The model, or why the configured model or gazetteer files could not be read (reported
    /// per document, since building a stage cannot fail).
    model: Result<Model, String>,
    /// With the `auto` convention: the model folded with the `news` convention, for sentences
    /// that read like news (the other model is then the shared one).
    news_model: Option<Model>,
}

thread_local! {
    /// Each worker thread's tagging buffers and word cache, kept from document to document.
    static SCRATCH: std::cell::RefCell<model::Scratch> = std::cell::RefCell::default();
}

/// The built-in model: trained by `kutip train` on the NER sets (see NOTICE).
static BUILTIN_MODEL: &[u8] = include_bytes!("../../../models/ner.bin");

/// The model compiled into kutip.
pub fn builtin_model() -> Model {
    Model::from_bytes(BUILTIN_MODEL).expect("the built-in model is a valid model file")
}

impl EntityStage {
    /// Builds the stage, compiling the gazetteer once.
    pub fn new(config: EntitiesConfig) -> EntityStage {
        let mut gazetteer = Gazetteer::builtin();
        gazetteer.extend(&config.places, kutip_core::EntityLabel::Loc);
        gazetteer.extend(&config.organisations, kutip_core::EntityLabel::Org);
        gazetteer.extend(&config.people, kutip_core::EntityLabel::Per);
        let files: Result<(), String> = config
            .gazetteer_files
            .iter()
            .try_for_each(|path| gazetteer.load_file(path));
        let model = files.and_then(|()| match &config.model {
            None => Ok(builtin_model()),
            Some(path) => Model::load(path).map_err(|e| e.to_string()),
        });
        let mut aliases: foldhash::HashMap<String, String> = rules::BUILTIN_ALIASES
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        aliases.extend(config.aliases.clone());
        let auto = config.convention == "auto";
        let shared = auto || config.convention.is_empty() || config.convention == "shared";
        let model = model.and_then(|m| {
            if shared || m.conventions().contains(&config.convention) {
                Ok(m)
            } else {
                Err(format!(
                    "the model knows no convention `{}` (it knows: shared, {})",
                    config.convention,
                    m.conventions().join(", ")
                ))
            }
        });
        let convention = if shared {
            0
        } else {
            model::convention_id(&config.convention)
        };
        // Folded in once here, so tagging looks each feature up once.
        let news = model::convention_id("news");
        // Sentences the model's genre classifier takes for news are tagged in the news
        // convention: on idner-news-2k's dev file it scores 85.2 against 82.7 for the shared one,
        // while the shared one is the better on NERGrit's (71.4 against 70.7 for `nergrit`).
        let news_model = match &model {
            Ok(m)
                if auto && m.conventions().iter().any(|c| c == "news") && !m.genre().is_empty() =>
            {
                Some(m.clone().with_convention(news))
            }
            _ => None,
        };
        // With `auto` and `auto_other_percent`, the sentences that do not read like news are
        // tagged in the shared weights plus that share of the other convention's.
        let other = match (&model, &news_model) {
            (Ok(m), Some(_)) if config.auto_other_percent > 0 => {
                m.conventions().iter().find(|c| *c != "news").cloned()
            }
            _ => None,
        };
        let model = model.map(|m| match &other {
            Some(other) => m.with_convention_share(
                model::convention_id(other),
                config.auto_other_percent.min(100),
            ),
            None => m.with_convention(convention),
        });
        let currencies = rules::Currencies::new(
            config
                .currencies
                .iter()
                .map(|(name, code)| (name.as_str(), code.as_str())),
        );
        EntityStage {
            gazetteer,
            gazetteer_names: config.gazetteer_names,
            name_cues: config.name_cues,
            currencies,
            join_bracketed_acronyms: config.join_bracketed_acronyms,
            aliases,
            model,
            news_model,
        }
    }
}

impl Stage for EntityStage {
    fn name(&self) -> &'static str {
        "entities"
    }

    fn requires(&self) -> Layers {
        Layers::TOKENS | Layers::SENTENCES
    }

    fn provides(&self) -> Layers {
        Layers::ENTITIES
    }

    fn ready(&self) -> Result<(), StageError> {
        match &self.model {
            Ok(_) => Ok(()),
            Err(e) => Err(StageError::Other(e.clone())),
        }
    }

    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        let model = self
            .model
            .as_ref()
            .map_err(|e| StageError::Other(e.clone()))?;
        doc.entities = SCRATCH.with_borrow_mut(|scratch| {
            rules::tag(
                doc,
                &self.gazetteer,
                (model, self.news_model.as_ref()),
                self.gazetteer_names,
                &self.name_cues,
                &self.currencies,
                scratch,
            )
        });
        rules::people_before_ages(doc);
        rules::places_before_people(doc);
        rules::titles_of_works(doc);
        if self.join_bracketed_acronyms {
            rules::join_bracketed_acronyms(doc);
        }
        rules::link_names(doc, &self.aliases);
        rules::link_roles(doc);
        rules::resolve_weekdays(doc);
        doc.layers |= Layers::ENTITIES;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kutip_core::EntityLabel;
    use kutip_tokenize::{TokenizeConfig, TokenizeStage};

    /// `text` tokenized and tagged with the default options.
    fn analysed(text: &str) -> Document {
        analysed_with(text, None, EntitiesConfig::default())
    }

    /// `text` with an optional document date (`meta.date`), tokenized and tagged with `config`.
    fn analysed_with(text: &str, date: Option<&str>, config: EntitiesConfig) -> Document {
        let mut doc = Document::new("t", text);
        if let Some(date) = date {
            doc.meta.insert("date".into(), date.into());
        }
        TokenizeStage::new(TokenizeConfig::default())
            .process(&mut doc)
            .unwrap();
        EntityStage::new(config).process(&mut doc).unwrap();
        doc
    }

    /// Every DATE entity's text and normalised value.
    fn dates(doc: &Document) -> Vec<(&str, Option<&str>)> {
        doc.entities
            .iter()
            .filter(|e| e.label == EntityLabel::Date)
            .map(|e| (doc.slice(e.span), e.value.as_deref()))
            .collect()
    }

    fn tag(text: &str) -> Vec<(EntityLabel, String)> {
        let doc = analysed(text);
        doc.entities
            .iter()
            .map(|e| (e.label, doc.slice(e.span).to_string()))
            .collect()
    }

    /// `words` as one pre-tokenized sentence, one token a word (as the CoNLL input gives
    /// them), tagged with `config`: (label, text) of every PER, ORG and LOC.
    fn names_in_tokens(words: &str, config: EntitiesConfig) -> Vec<(EntityLabel, String)> {
        let mut doc = Document::new("t", words);
        let mut start = 0;
        for word in words.split(' ') {
            let span = kutip_core::Span::new(start, start + word.len());
            doc.tokens
                .push(kutip_core::Token::new(span, kutip_core::TokenKind::Word));
            start += word.len() + 1;
        }
        doc.sentences.push(kutip_core::Sentence {
            span: kutip_core::Span::new(0, words.len()),
            first_token: 0,
            end_token: doc.tokens.len() as u32,
        });
        doc.layers = Layers::TOKENS | Layers::SENTENCES;
        EntityStage::new(config).process(&mut doc).unwrap();
        doc.entities
            .iter()
            .filter(|e| {
                matches!(
                    e.label,
                    EntityLabel::Per | EntityLabel::Org | EntityLabel::Loc
                )
            })
            .map(|e| (e.label, doc.slice(e.span).to_string()))
            .collect()
    }

    #[test]
    fn a_bracketed_number_token_closes_a_name() {
        let config = || EntitiesConfig {
            gazetteer_names: false,
            join_bracketed_acronyms: true,
            ..EntitiesConfig::default()
        };
        let found = names_in_tokens(
            "Budi Santoso Wirawan (30) mengaku bersalah di pengadilan .",
            config(),
        );
        assert!(
            found.contains(&(EntityLabel::Per, "Budi Santoso Wirawan".into())),
            "{found:?}"
        );
    }

    #[test]
    fn a_bracketed_acronym_token_closes_an_organisation() {
        let config = EntitiesConfig {
            gazetteer_names: false,
            join_bracketed_acronyms: true,
            ..EntitiesConfig::default()
        };
        let found = names_in_tokens(
            "Komisi Pemilihan Umum (KPU) Sukamaju melaksanakan rapat .",
            config,
        );
        assert!(
            found.contains(&(EntityLabel::Org, "Komisi Pemilihan Umum (KPU)".into())),
            "{found:?}"
        );
    }

    #[test]
    fn a_hospital_or_a_building_is_a_place() {
        let found = tag("Korban dirawat di Rumah Sakit Harapan Sukamaju sejak Senin.");
        assert!(
            found.contains(&(EntityLabel::Loc, "Rumah Sakit Harapan Sukamaju".into())),
            "{found:?}"
        );
    }

    #[test]
    fn sentence_initial_common_words_are_not_people() {
        let found = tag(
            "Banjir merendam tiga kecamatan. Warga mengungsi ke masjid. \
             Situasi di lokasi masih kacau, kata Budi Santoso.",
        );
        for word in ["Banjir", "Warga", "Situasi"] {
            assert!(
                !found.iter().any(|(_, t)| t == word),
                "{word} tagged: {found:?}"
            );
        }
        assert!(found.contains(&(EntityLabel::Per, "Budi Santoso".into())));
    }

    #[test]
    fn bracketed_acronyms_join_the_name_only_when_asked() {
        let text =
            "Dana itu dikelola Badan Pengelola Dana Desa (BPDD) dan diawasi Budi Santoso (Bubu).";
        let labelled = |doc: &Document| -> Vec<(EntityLabel, String)> {
            doc.entities
                .iter()
                .filter(|e| matches!(e.label, EntityLabel::Per | EntityLabel::Org))
                .map(|e| (e.label, doc.slice(e.span).to_string()))
                .collect()
        };
        let config = EntitiesConfig {
            organisations: vec!["Badan Pengelola Dana Desa".into()],
            ..EntitiesConfig::default()
        };
        let joined = analysed_with(
            text,
            None,
            EntitiesConfig {
                join_bracketed_acronyms: true,
                ..config.clone()
            },
        );
        let found = labelled(&joined);
        assert!(
            found.contains(&(EntityLabel::Org, "Badan Pengelola Dana Desa (BPDD)".into())),
            "{found:?}"
        );
        assert!(!found.iter().any(|(_, t)| t == "BPDD"), "{found:?}");
        // A person's nickname in brackets stays apart.
        assert!(
            !found.iter().any(|(_, t)| t.contains("(Bubu)")),
            "{found:?}"
        );
        let found = labelled(&analysed_with(text, None, config));
        assert!(
            found.contains(&(EntityLabel::Org, "Badan Pengelola Dana Desa".into())),
            "{found:?}"
        );
    }

    #[test]
    fn a_name_before_an_age_in_brackets_is_a_person() {
        let found = tag("Seorang warga, Siti (52), mengaku belum bisa pulang.");
        assert!(
            found.contains(&(EntityLabel::Per, "Siti".into())),
            "{found:?}"
        );
    }

    #[test]
    fn ranks_and_titles_are_roles_not_names() {
        let found = tag("Hal itu disampaikan Kombes Sambodo Purnomo di Jakarta.");
        assert!(
            found.contains(&(EntityLabel::Role, "Kombes".into())),
            "{found:?}"
        );
        assert!(
            found.contains(&(EntityLabel::Per, "Sambodo Purnomo".into())),
            "{found:?}"
        );
    }

    #[test]
    fn the_grade_of_a_two_word_rank_is_no_part_of_a_name() {
        let found =
            tag("Upacara itu dipimpin Marsekal Muda Wirasena Jatmika di Lapangan Sukamaju.");
        assert!(
            found.contains(&(EntityLabel::Per, "Wirasena Jatmika".into())),
            "{found:?}"
        );
        let found = tag("Ia pensiun dengan pangkat terakhir Letnan Satu.");
        assert!(
            !found.iter().any(|(label, _)| *label == EntityLabel::Per),
            "{found:?}"
        );
    }

    #[test]
    fn a_position_after_an_honorific_is_not_a_person() {
        let found = tag("Sekolah itu dibangun di atas tanah milik Pak Lurah dan Pak Budi.");
        assert!(
            !found
                .iter()
                .any(|(l, s)| *l == EntityLabel::Per && s.contains("Lurah")),
            "{found:?}"
        );
        assert!(
            found.contains(&(EntityLabel::Per, "Budi".into())),
            "{found:?}"
        );
    }

    #[test]
    fn a_speaker_after_a_reporting_verb_is_a_person() {
        let found = tag("“Kami siap,” ujar Panut.");
        assert!(
            found.contains(&(EntityLabel::Per, "Panut".into())),
            "{found:?}"
        );
    }

    #[test]
    fn a_folded_convention_tags_as_its_feature_copies_do() {
        let words: Vec<&str> = "Presiden Joko Widodo bertemu Menteri Keuangan Sri Mulyani di \
                                Istana Merdeka , Jakarta , kata juru bicara Polda Metro Jaya . \
                                Warga desa Sukamaju di Kabupaten Bogor mengungsi"
            .split_whitespace()
            .collect();
        let gazetteer = vec![0u8; words.len()];
        let model = builtin_model();
        let news = model::convention_id("news");
        let tags = |model: &Model, domain: u64| {
            let mut scratch = model::Scratch::default();
            scratch.set_domain(domain);
            model.tag(&words, &gazetteer, &mut scratch);
            scratch.tags
        };
        let with_copies = tags(&model, news);
        assert!(with_copies.iter().any(|&t| t != 0), "{with_copies:?}");
        let folded = model.clone().with_convention(news);
        assert_eq!(tags(&folded, 0), with_copies);
        // A folded model's file holds its whole (folded) table.
        let reloaded = Model::from_bytes(&folded.to_bytes()).unwrap();
        assert_eq!(tags(&reloaded, 0), with_copies);
        assert_ne!(
            tags(&model, 0),
            with_copies,
            "the convention changes nothing here"
        );
    }

    #[test]
    fn model_files_round_trip_and_bad_ones_are_refused() {
        let model = builtin_model();
        let bytes = model.to_bytes();
        assert_eq!(Model::from_bytes(&bytes).unwrap().to_bytes(), bytes);
        assert!(matches!(
            Model::from_bytes(b"not a model"),
            Err(ModelError::BadHeader | ModelError::Corrupt(_))
        ));
        assert!(Model::from_bytes(&bytes[..bytes.len() - 1]).is_err());
        assert!(model.conventions().iter().any(|c| c == "news"));
    }

    #[test]
    fn the_auto_convention_tags_news_like_sentences_in_the_news_convention() {
        let genre = builtin_model();
        let genre = genre.genre();
        let news = model::convention_id("news");
        let reported = "Kapolres Sukamaju AKBP Budi Santoso mengatakan kepada wartawan , Senin , bahwa polisi masih menyelidiki kasus itu .";
        let encyclopaedic = "Sari Wulandari adalah seorang penyanyi dan aktris yang lahir di Sukamaju pada tahun 1980 dan merilis album pertamanya , \" Senja \" .";
        assert_eq!(
            genre.classify(&reported.split(' ').collect::<Vec<_>>()),
            news
        );
        assert_ne!(
            genre.classify(&encyclopaedic.split(' ').collect::<Vec<_>>()),
            news
        );
        let config = |convention: &str| EntitiesConfig {
            convention: convention.into(),
            gazetteer_names: false,
            ..EntitiesConfig::default()
        };
        assert_eq!(
            names_in_tokens(reported, config("auto")),
            names_in_tokens(reported, config("news"))
        );
        assert_eq!(
            names_in_tokens(encyclopaedic, config("auto")),
            names_in_tokens(encyclopaedic, config("shared"))
        );
    }

    #[test]
    fn a_share_of_the_other_convention_leaves_news_sentences_alone() {
        let reported = "Kapolres Sukamaju AKBP Budi Santoso mengatakan kepada wartawan , Senin , bahwa polisi masih menyelidiki kasus itu .";
        let config = |percent: u8| EntitiesConfig {
            convention: "auto".into(),
            gazetteer_names: false,
            auto_other_percent: percent,
            ..EntitiesConfig::default()
        };
        // News-like sentences keep the news convention whatever the share.
        assert_eq!(
            names_in_tokens(reported, config(25)),
            names_in_tokens(reported, config(0))
        );
        let encyclopaedic = "Sari Wulandari adalah seorang penyanyi yang lahir di desa Sukamaju , Kabupaten Cibodas .";
        let names = names_in_tokens(encyclopaedic, config(25));
        assert!(
            names.contains(&(EntityLabel::Loc, "desa Sukamaju".into())),
            "{names:?}"
        );
    }

    /// The `auto` convention on its own, without the gazetteer's names, so that a test sees
    /// what the model and the rules make of a sentence.
    fn auto_without_gazetteer_names() -> EntitiesConfig {
        EntitiesConfig {
            convention: "auto".into(),
            gazetteer_names: false,
            ..EntitiesConfig::default()
        }
    }

    #[test]
    fn one_word_after_a_post_heading_an_office_is_the_office() {
        let names = names_in_tokens(
            "Kepala Disdukcapil mengatakan data penduduk Sukamaju sudah lengkap .",
            EntitiesConfig::default(),
        );
        assert_found(&names, EntityLabel::Org, "Disdukcapil");
        assert!(
            !names.iter().any(|(l, _)| *l == EntityLabel::Per),
            "{names:?}"
        );
        // A common given name after the post is the person.
        let names = names_in_tokens(
            "Ketua Budi mengatakan rapat ditunda .",
            EntitiesConfig::default(),
        );
        assert!(
            !names.iter().any(|(l, _)| *l == EntityLabel::Org),
            "{names:?}"
        );
    }

    /// The names found in pre-tokenized `words` with [`auto_without_gazetteer_names`].
    fn auto_names(words: &str) -> Vec<(EntityLabel, String)> {
        names_in_tokens(words, auto_without_gazetteer_names())
    }

    /// Fails, listing what was found, unless whether some name of `names` passes `test` is
    /// `expected` (`what` says which name was looked for).
    fn assert_some_name(
        names: &[(EntityLabel, String)],
        expected: bool,
        what: &str,
        test: impl Fn(EntityLabel, &str) -> bool,
    ) {
        let found = names.iter().any(|(l, n)| test(*l, n));
        assert_eq!(found, expected, "{what} found: {found}, in {names:?}");
    }

    /// Fails unless `names` holds `name` with `label`.
    fn assert_found(names: &[(EntityLabel, String)], label: EntityLabel, name: &str) {
        assert_some_name(names, true, name, |l, n| l == label && n == name);
    }

    /// Fails if a name in `names` starts with `prefix`.
    fn assert_no_name_starts_with(names: &[(EntityLabel, String)], prefix: &str) {
        assert_some_name(names, false, prefix, |_, n| n.starts_with(prefix));
    }

    #[test]
    fn outside_news_an_award_ending_in_a_country_leaves_only_the_country() {
        let names =
            auto_names("Novel keduanya meraih Anugerah Penulis Cilik Malaysia pada tahun 2010 .");
        assert_found(&names, EntityLabel::Loc, "Malaysia");
        assert_no_name_starts_with(&names, "Anugerah");
    }

    #[test]
    fn outside_news_a_landmark_is_a_place() {
        let names = auto_names(
            "Pada tahun 1987 , penyanyi Sari Wulandari tampil di Taj Mahal dan kemudian di Colosseum bersama orkestra Cibodas .",
        );
        assert_found(&names, EntityLabel::Loc, "Taj Mahal");
        assert_found(&names, EntityLabel::Loc, "Colosseum");
    }

    #[test]
    fn outside_news_a_god_is_a_person_with_the_title_inside() {
        let config = auto_without_gazetteer_names();
        let names = names_in_tokens(
            "Menurut legenda , ia bertapa memuja Sang Hyang Tirtamaya atau Dewa Karsapati di puncak gunung itu selama tujuh tahun .",
            config.clone(),
        );
        assert!(
            names.contains(&(EntityLabel::Per, "Sang Hyang Tirtamaya".into())),
            "{names:?}"
        );
        assert!(
            names.contains(&(EntityLabel::Per, "Dewa Karsapati".into())),
            "{names:?}"
        );
        // "Sang" alone is an article, not a god's title.
        let names = names_in_tokens(
            "Pada tahun 1990 , grup Sang Kelana Biru merilis album pertama mereka di Sukamaju .",
            config,
        );
        assert_no_name_starts_with(&names, "Sang");
    }

    #[test]
    fn outside_news_an_english_company_tail_ends_an_organisation() {
        let names = names_in_tokens(
            "Ia memulai kariernya sebagai insinyur di Karsamaju Aerospace , yang kini bernama Tirtajaya Systems , pada tahun 1975 .",
            auto_without_gazetteer_names(),
        );
        for name in ["Karsamaju Aerospace", "Tirtajaya Systems"] {
            assert!(
                names.contains(&(EntityLabel::Org, name.into())),
                "{name}: {names:?}"
            );
        }
    }

    #[test]
    fn names_in_the_quoted_title_of_a_work_are_dropped() {
        let config = || EntitiesConfig {
            convention: "shared".into(),
            gazetteer_names: false,
            ..EntitiesConfig::default()
        };
        let names = names_in_tokens(
            "Ia merilis album \" Sari Wulandari \" , \" Kota Lama \" dan \" Budi Santoso \" pada 2010 .",
            config(),
        );
        assert!(names.is_empty(), "{names:?}");
        // A name in quotation marks after another word is still a name.
        let names = names_in_tokens("Ia bertemu \" Budi Santoso \" di Jakarta .", config());
        assert!(
            names.contains(&(EntityLabel::Per, "Budi Santoso".into())),
            "{names:?}"
        );
    }

    #[test]
    fn an_unknown_convention_is_reported() {
        let stage = EntityStage::new(EntitiesConfig {
            convention: "klingon".into(),
            ..EntitiesConfig::default()
        });
        let mut doc = Document::new("t", "Budi pergi.");
        TokenizeStage::new(TokenizeConfig::default())
            .process(&mut doc)
            .unwrap();
        let err = stage.process(&mut doc).unwrap_err().to_string();
        assert!(err.contains("klingon"), "{err}");
    }

    #[test]
    fn aliases_and_bracketed_acronyms_share_the_canonical_name() {
        let text = "Presiden Joko Widodo tiba. Jokowi lalu ke kantor Badan Penanggulangan \
                    Bencana Daerah (BPBD). BPBD menyiapkan perahu.";
        let doc = analysed(text);
        let canonical = |mention: &str| {
            doc.entities
                .iter()
                .filter(|e| doc.slice(e.span) == mention)
                .map(|e| (e.canonical.clone(), e.cluster))
                .collect::<Vec<_>>()
        };
        let jokowi = canonical("Jokowi");
        assert_eq!(jokowi[0].0.as_deref(), Some("Joko Widodo"));
        assert_eq!(jokowi[0].1, canonical("Joko Widodo")[0].1);
        let bpbd = canonical("BPBD");
        assert_eq!(bpbd.len(), 2, "{:?}", doc.entities);
        for (name, _) in bpbd {
            assert_eq!(name.as_deref(), Some("Badan Penanggulangan Bencana Daerah"));
        }
    }

    #[test]
    fn users_gazetteer_files_are_read_and_bad_ones_reported() {
        let dir = std::env::temp_dir().join(format!("kutip-gaz-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let good = dir.join("good.tsv");
        std::fs::write(&good, "# mine\nLOC\tKampung Zzyzx\n").unwrap();
        let bad = dir.join("bad.tsv");
        std::fs::write(&bad, "PLACE\tKampung Zzyzx\n").unwrap();
        let run = |path: &std::path::Path| {
            let mut doc = Document::new("t", "Banjir melanda Kampung Zzyzx kemarin.");
            TokenizeStage::new(TokenizeConfig::default())
                .process(&mut doc)
                .unwrap();
            EntityStage::new(EntitiesConfig {
                gazetteer_files: vec![path.to_path_buf()],
                ..EntitiesConfig::default()
            })
            .process(&mut doc)
            .map(|()| {
                doc.entities
                    .iter()
                    .map(|e| (e.label, doc.slice(e.span).to_string()))
                    .collect::<Vec<_>>()
            })
        };
        let found = run(&good).unwrap();
        assert!(
            found.contains(&(EntityLabel::Loc, "Kampung Zzyzx".into())),
            "{found:?}"
        );
        let err = run(&bad).unwrap_err().to_string();
        assert!(err.contains("bad.tsv:1") && err.contains("PLACE"), "{err}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn weekday_only_dates_resolve_against_the_document_date() {
        let doc = analysed_with(
            "Rapat digelar hari Kamis. Hasilnya akan diumumkan hari Senin.",
            Some("2023-09-19"),
            EntitiesConfig::default(),
        );
        assert_eq!(
            dates(&doc),
            [
                ("hari Kamis", Some("2023-09-14")),
                ("hari Senin", Some("2023-09-25"))
            ]
        );
    }

    /// (label, text, value) of every entity with a value.
    fn values(doc: &Document) -> Vec<(EntityLabel, &str, &str)> {
        doc.entities
            .iter()
            .filter_map(|e| Some((e.label, doc.slice(e.span), e.value.as_deref()?)))
            .collect()
    }

    #[test]
    fn amounts_in_other_currencies_are_money_with_their_code() {
        let doc = analysed_with(
            "Proyek senilai USD 5 juta atau US$5 juta itu setara Rp 75 miliar. Tiketnya 100 \
             dolar AS, 20 euro, 3.000 yen, 50 ringgit atau 2,5 juta dolar Singapura. Kuwait \
             menyumbang 7 juta dinar Kuwait.",
            None,
            EntitiesConfig {
                currencies: [("dinar Kuwait".to_string(), "KWD".to_string())].into(),
                ..EntitiesConfig::default()
            },
        );
        let money: Vec<(&str, &str)> = values(&doc)
            .into_iter()
            .filter(|(label, _, _)| *label == EntityLabel::Money)
            .map(|(_, text, value)| (text, value))
            .collect();
        assert_eq!(
            money,
            [
                ("USD 5 juta", "5000000 USD"),
                ("US$5 juta", "5000000 USD"),
                ("Rp 75 miliar", "75000000000 IDR"),
                ("100 dolar AS", "100 USD"),
                ("20 euro", "20 EUR"),
                ("3.000 yen", "3000 JPY"),
                ("50 ringgit", "50 MYR"),
                ("2,5 juta dolar Singapura", "2500000 SGD"),
                ("7 juta dinar Kuwait", "7000000 KWD"),
            ]
        );
        assert!(
            !doc.entities
                .iter()
                .any(|e| doc.slice(e.span) == "AS" || doc.slice(e.span) == "Singapura"),
            "the currency's country is part of the amount: {:?}",
            doc.entities
        );
    }

    #[test]
    fn clock_times_get_iso_values_with_their_zone() {
        let doc = analysed(
            "Sidang dimulai pukul 14.30 WIB dan berakhir pukul 8 malam. Pesawat tiba \
             pukul 10:15 WITA, kapal pukul 07.00 WIT, rapat pukul 9.",
        );
        let times: Vec<(&str, &str)> = values(&doc)
            .into_iter()
            .filter(|(label, _, _)| *label == EntityLabel::Time)
            .map(|(_, text, value)| (text, value))
            .collect();
        assert_eq!(
            times,
            [
                ("pukul 14.30 WIB", "14:30+07:00"),
                ("pukul 8 malam", "20:00"),
                ("pukul 10:15 WITA", "10:15+08:00"),
                ("pukul 07.00 WIT", "07:00+09:00"),
                ("pukul 9", "09:00"),
            ]
        );
    }

    #[test]
    fn a_role_named_alone_refers_to_the_person_introduced_with_it() {
        let doc = analysed(
            "Ketua KPK Firli Bahuri memeriksa berkas itu. Menurut Ketua KPK, kasus itu \
             belum selesai. Ketua DPR tidak hadir.",
        );
        let firli = doc
            .entities
            .iter()
            .find(|e| doc.slice(e.span) == "Firli Bahuri")
            .expect("the person is found");
        let roles: Vec<(Option<&str>, Option<u32>)> = doc
            .entities
            .iter()
            .filter(|e| e.label == EntityLabel::Role && doc.slice(e.span) == "Ketua")
            .map(|e| (e.canonical.as_deref(), e.cluster))
            .collect();
        assert_eq!(
            roles,
            [
                (None, None),
                (Some("Firli Bahuri"), firli.cluster),
                (None, None)
            ],
            "only the later Ketua KPK is Firli Bahuri, not the Ketua DPR"
        );
    }

    #[test]
    fn dates_written_with_month_names_get_iso_values() {
        let doc = analysed_with(
            "Sidang digelar 19 September 2023 dan putusan dibacakan 5 Januari. Proyek itu \
             dimulai Februari 2021 dan selesai tahun 2024. Korban tewas pada awal Februari.",
            Some("2023-12-20"),
            EntitiesConfig::default(),
        );
        assert_eq!(
            dates(&doc),
            [
                ("19 September 2023", Some("2023-09-19")),
                // Two weeks after a December article: next January.
                ("5 Januari", Some("2024-01-05")),
                ("Februari 2021", Some("2021-02")),
                ("tahun 2024", Some("2024")),
                ("Februari", None),
            ]
        );
        assert!(
            !doc.entities.iter().any(|e| e.label == EntityLabel::Per),
            "a month is not a person: {:?}",
            doc.entities
        );
    }

    #[test]
    fn ranks_written_without_a_full_stop_are_roles() {
        let found = tag("Acara itu dihadiri Ny Herawati Boediono dan Komjen Pol Badrodin Haiti.");
        for name in ["Herawati Boediono", "Badrodin Haiti"] {
            assert!(
                found.contains(&(EntityLabel::Per, name.into())),
                "{name}: {found:?}"
            );
        }
        assert!(
            found.contains(&(EntityLabel::Role, "Pol".into())),
            "{found:?}"
        );
    }

    #[test]
    fn default_name_cues_are_single_words() {
        // A cue is compared with one token; "kata-nya" never was one.
        for cue in EntitiesConfig::default().name_cues {
            assert!(cue.chars().all(char::is_alphabetic), "{cue}");
        }
    }

    #[test]
    fn training_learns_from_bio_text() {
        let text = "Budi\tB-PER\npergi\tO\nke\tO\nBandung\tB-LOC\n.\tO\n\n\
                    Siti\tB-PER\ntinggal\tO\ndi\tO\nSurabaya\tB-LOC\n.\tO\n";
        let options = TrainOptions {
            epochs: 5,
            bits: 12,
            seed: 1,
            runs: 1,
        };
        let data = [(None, text.to_string())];
        let a = train_files(&data, &options, |_, _| {});
        let b = train_files(&data, &options, |_, _| {});
        assert_eq!(a.to_bytes(), b.to_bytes(), "training is deterministic");
        let mut scratch = model::Scratch::default();
        a.tag(
            &["Budi", "pergi", "ke", "Bandung", "."],
            &[0; 5],
            &mut scratch,
        );
        assert_eq!(scratch.tags, [1, 0, 0, 5, 0]);
    }
}
