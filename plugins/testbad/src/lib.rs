//! A plugin that misbehaves on purpose, so kutip's tests can check the host's side of every
//! failure: it fails or panics on the document, or at the moment, its options name.
//!
//! ```toml
//! [[export]]
//! type = "testbad"
//! plugin = "target/debug/deps/libtestbad.so"
//! path = "out.txt"
//! fail_on = "doc-2"     # return an error for this document id
//! panic_on = "doc-3"    # panic on this document id
//! fail_start = false    # refuse to start
//! panic_in = "finish"   # panic in `start`, `begin` or `finish`
//! ```
//! Every document it accepts is written as one line: its id.

use kutip_plugin_api::{ExporterPlugin, Output, PluginError, Start, wire};
use serde::Deserialize;
use std::io::Write;

/// Options: when to misbehave.
#[derive(Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
struct Options {
    fail_on: Option<String>,
    panic_on: Option<String>,
    fail_start: bool,
    panic_in: Option<String>,
}

/// Writes document ids, failing when told to.
pub struct TestBad {
    options: Options,
    out: Output,
}

impl TestBad {
    fn maybe_panic(&self, call: &str) {
        if self.options.panic_in.as_deref() == Some(call) {
            panic!("testbad was told to panic in {call}");
        }
    }
}

impl ExporterPlugin for TestBad {
    const NAME: &'static str = "testbad";
    const DESCRIPTION: &'static str = "Fails or panics when told to (kutip's own tests).";
    const OPTIONS: &'static str = "fail_on: document id to fail on\npanic_on: document id to panic on\nfail_start: refuse to start\npanic_in: start | begin | finish";

    fn start(start: Start) -> Result<Self, PluginError> {
        let options: Options = start.options_as()?;
        if options.fail_start {
            return Err(PluginError::msg("testbad was told not to start"));
        }
        let plugin = TestBad {
            options,
            out: start.output,
        };
        plugin.maybe_panic("start");
        Ok(plugin)
    }

    fn begin(&mut self) -> Result<(), PluginError> {
        self.maybe_panic("begin");
        Ok(())
    }

    fn export(&mut self, doc: &wire::WireDocument<'_>) -> Result<(), PluginError> {
        if self.options.fail_on.as_deref() == Some(&*doc.id) {
            return Err(PluginError::msg(format!(
                "testbad refuses document {} ({} quotes)",
                doc.id,
                doc.quotes.len()
            )));
        }
        if self.options.panic_on.as_deref() == Some(&*doc.id) {
            let empty: Vec<u32> = Vec::new();
            // An index out of bounds: a panic the plugin did not plan.
            let _ = empty[doc.quotes.len() + 7];
        }
        writeln!(self.out, "{}", doc.id)?;
        Ok(())
    }

    fn finish(&mut self) -> Result<(), PluginError> {
        self.maybe_panic("finish");
        Ok(())
    }
}

kutip_plugin_api::export_plugin!(TestBad);
