#!/usr/bin/env bash
# Agreement of our tokens with PFSA-ID's gold tokens (spaCy's), token-boundary F1 and share of
# sentences tokenized exactly, for both detokenizations (docs/tokenizer.md explains them). The
# differences, grouped by class with examples, go to target/tokenizer-agreement.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target
export KUTIP_AGREEMENT_REPORT="$PWD/target/tokenizer-agreement.txt"
cargo test --quiet --release -p kutip-tokenize --test agreement -- --nocapture --test-threads 1
