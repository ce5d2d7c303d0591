//! Where plugins are looked for by name: only directories the user named.

use crate::Error;
use std::env::consts::{DLL_PREFIX, DLL_SUFFIX};
use std::path::PathBuf;

/// The directories searched for plugins, in order: `--plugin-dir` ones first, then those of
/// `KUTIP_PLUGIN_PATH`. The plugin `NAME` is the library `libkutip_NAME.so` (`-` becomes `_`,
/// as Cargo names the library of a package `kutip-NAME`; `.dylib` on macOS, `kutip_NAME.dll` on
/// Windows). Files not named like that are never loaded.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PluginSearch {
    dirs: Vec<PathBuf>,
}

impl PluginSearch {
    /// The environment variable listing plugin directories, separated like `PATH`.
    pub const ENV: &'static str = "KUTIP_PLUGIN_PATH";

    /// Exactly these directories.
    pub fn new(dirs: Vec<PathBuf>) -> PluginSearch {
        let mut search = PluginSearch { dirs: Vec::new() };
        for dir in dirs {
            search.push(dir);
        }
        search
    }

    /// These directories, then those of `KUTIP_PLUGIN_PATH`.
    pub fn with_env(dirs: Vec<PathBuf>) -> PluginSearch {
        let mut search = PluginSearch::new(dirs);
        if let Some(value) = std::env::var_os(Self::ENV) {
            for dir in std::env::split_paths(&value) {
                if !dir.as_os_str().is_empty() {
                    search.push(dir);
                }
            }
        }
        search
    }

    fn push(&mut self, dir: PathBuf) {
        let same = |a: &PathBuf, b: &PathBuf| {
            a == b || matches!((a.canonicalize(), b.canonicalize()), (Ok(x), Ok(y)) if x == y)
        };
        if !self.dirs.iter().any(|d| same(d, &dir)) {
            self.dirs.push(dir);
        }
    }

    /// The directories, in search order.
    pub fn dirs(&self) -> &[PathBuf] {
        &self.dirs
    }

    /// The library file name of the plugin `name`: `libkutip_NAME.so` on Linux.
    pub fn file_name(name: &str) -> String {
        format!("{DLL_PREFIX}kutip_{}{DLL_SUFFIX}", name.replace('-', "_"))
    }

    /// The library of plugin `name`. Found in no directory: [`Error::NotFound`], listing them;
    /// found in two: [`Error::Duplicate`].
    pub fn find(&self, name: &str) -> Result<PathBuf, Error> {
        let file = Self::file_name(name);
        let mut found = self
            .dirs
            .iter()
            .map(|d| d.join(&file))
            .filter(|p| p.is_file());
        match (found.next(), found.next()) {
            (Some(first), None) => Ok(first),
            (Some(first), Some(second)) => Err(Error::Duplicate {
                name: name.to_string(),
                first,
                second,
            }),
            (None, _) => Err(Error::NotFound {
                name: name.to_string(),
                file,
                searched: self.dirs.clone(),
            }),
        }
    }

    /// Every file in the search directories named like a plugin library, directory by
    /// directory, sorted by name. Unreadable directories are skipped.
    pub fn candidates(&self) -> Vec<PathBuf> {
        let prefix = format!("{DLL_PREFIX}kutip_");
        let mut out = Vec::new();
        for dir in &self.dirs {
            let Ok(entries) = std::fs::read_dir(dir) else {
                continue;
            };
            let mut files: Vec<PathBuf> = entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| {
                    p.is_file()
                        && p.file_name()
                            .and_then(|n| n.to_str())
                            .is_some_and(|n| n.starts_with(&prefix) && n.ends_with(DLL_SUFFIX))
                })
                .collect();
            files.sort();
            out.extend(files);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("kutip-search-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn a_plugin_is_found_by_its_file_name_in_exactly_one_directory() {
        let (a, b) = (temp_dir("a"), temp_dir("b"));
        let file = PluginSearch::file_name("my-report");
        assert_eq!(file, format!("{DLL_PREFIX}kutip_my_report{DLL_SUFFIX}"));
        std::fs::write(b.join(&file), b"").unwrap();
        std::fs::write(b.join(format!("{DLL_PREFIX}other{DLL_SUFFIX}")), b"").unwrap();
        // The same directory twice is searched once.
        let search = PluginSearch::new(vec![a.clone(), b.clone(), b.join(".")]);
        assert_eq!(search.dirs().len(), 2);
        assert_eq!(search.find("my-report").unwrap(), b.join(&file));
        assert_eq!(search.candidates(), [b.join(&file)]);

        let missing = search.find("nothing").unwrap_err().to_string();
        assert_eq!(
            missing,
            format!(
                "no plugin named `nothing`: looked for {} in {}, {}",
                PluginSearch::file_name("nothing"),
                a.display(),
                b.display()
            )
        );

        std::fs::write(a.join(&file), b"").unwrap();
        assert!(matches!(
            search.find("my-report"),
            Err(Error::Duplicate { .. })
        ));
        for dir in [a, b] {
            std::fs::remove_dir_all(dir).unwrap();
        }
    }

    #[test]
    fn with_no_directories_the_message_says_how_to_give_one() {
        let message = PluginSearch::default()
            .find("html")
            .unwrap_err()
            .to_string();
        assert!(
            message.contains("none was given (use --plugin-dir DIR or KUTIP_PLUGIN_PATH"),
            "{message}"
        );
    }
}
