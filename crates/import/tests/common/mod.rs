//! What the importer's integration tests share: the real gazetteer, read once per test binary.

use std::path::Path;
use std::sync::OnceLock;

use coops_import::gazetteer::{DEFAULT_PATH, Gazetteer};

/// The gazetteer `scripts/setup.sh gazetteer` installs; a test that needs it fails, saying how
/// to install it, when it is missing.
pub fn gazetteer() -> &'static Gazetteer {
    static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
    GAZETTEER.get_or_init(|| {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../..")
            .join(DEFAULT_PATH);
        Gazetteer::load(&path).unwrap_or_else(|e| panic!("{e}"))
    })
}
