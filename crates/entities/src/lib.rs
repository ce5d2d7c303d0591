//! Tags entities in Indonesian news: people, organisations, places, dates, amounts and roles.
//!
//! This first version combines a compiled-in gazetteer (countries, Indonesian regions, well-known
//! organisations, positions) with rules over capitalised runs, numbers and date expressions, and
//! links short name mentions to the full name introduced earlier ("Peskov" → "Dmitry Peskov").
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

mod gazetteer;
mod rules;

pub use gazetteer::Gazetteer;

use kutip_core::{Document, Layers, Stage, StageError};
use schemars::JsonSchema;
use serde::Deserialize;

/// Options of the `entities` stage.
#[derive(Clone, Debug, Default, Deserialize, JsonSchema, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct EntitiesConfig {
    /// Extra place names (tagged LOC), added to the built-in gazetteer.
    pub places: Vec<String>,
    /// Extra organisation names and acronyms (tagged ORG).
    pub organisations: Vec<String>,
    /// Extra person names (tagged PER).
    pub people: Vec<String>,
}

/// The `entities` stage.
#[derive(Debug)]
pub struct EntityStage {
    gazetteer: Gazetteer,
}

impl EntityStage {
    /// Builds the stage, compiling the gazetteer once.
    pub fn new(config: EntitiesConfig) -> EntityStage {
        let mut gazetteer = Gazetteer::builtin();
        gazetteer.extend(&config.places, kutip_core::EntityLabel::Loc);
        gazetteer.extend(&config.organisations, kutip_core::EntityLabel::Org);
        gazetteer.extend(&config.people, kutip_core::EntityLabel::Per);
        EntityStage { gazetteer }
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

    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        doc.entities = rules::tag(doc, &self.gazetteer);
        rules::link_names(doc);
        doc.layers |= Layers::ENTITIES;
        Ok(())
    }
}
