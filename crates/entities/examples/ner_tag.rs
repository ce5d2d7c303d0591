//! Tags whitespace-separated sentences (one a line, stdin) with a model file; prints word/TAG.
//! `cargo run --release -p kutip-entities --example ner_tag -- MODEL < sentences.txt`
use kutip_entities::model::{Scratch, TAGS};
use kutip_entities::{Gazetteer, Model};
use std::io::BufRead;

fn main() {
    let path = std::env::args().nth(1).expect("usage: ner_tag MODEL");
    let model = Model::load(std::path::Path::new(&path)).expect("model");
    let gazetteer = Gazetteer::builtin();
    let mut scratch = Scratch::default();
    let convention = std::env::args().nth(2).unwrap_or_default();
    scratch.set_domain(kutip_entities::model::convention_id(&convention));
    let mut codes = Vec::new();
    for line in std::io::stdin().lock().lines() {
        let line = line.expect("stdin");
        let words: Vec<&str> = line.split_whitespace().collect();
        gazetteer.tag_tokens(&words, &mut codes);
        model.tag(&words, &codes, &mut scratch);
        let tagged: Vec<String> = words
            .iter()
            .zip(&scratch.tags)
            .map(|(w, t)| format!("{w}/{}", TAGS[*t as usize]))
            .collect();
        println!("{}", tagged.join(" "));
    }
}
