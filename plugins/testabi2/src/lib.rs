//! A plugin built as if against a future `kutip-plugin-api` that speaks exporter ABI 2, so the
//! test suite can check that kutip refuses it with a message saying what to do. Not a real
//! exporter: kutip must never call it.

use kutip_plugin_api::{ExporterPlugin, PluginError, Start, wire};

/// Would write nothing.
pub struct FromTheFuture;

impl ExporterPlugin for FromTheFuture {
    const NAME: &'static str = "testabi2";
    const DESCRIPTION: &'static str = "Claims exporter ABI 2 (a test of the version check).";

    fn start(_: Start) -> Result<Self, PluginError> {
        panic!("kutip started a plugin of another ABI version");
    }

    fn export(&mut self, _: &wire::WireDocument<'_>) -> Result<(), PluginError> {
        Ok(())
    }
}

kutip_plugin_api::export_plugin!(@abi 2, FromTheFuture);
