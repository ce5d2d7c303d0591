//! kutip's integration tests: the real binary, end to end, ripgrep-style in one test binary.

mod util;

mod check;
mod cli;
mod contract;
mod eval;
mod inputs;
mod plugins;
mod reliability;
mod sample;
mod scale;
mod spark;
