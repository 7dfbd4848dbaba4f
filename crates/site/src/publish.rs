//! The whole dataset in the formats other tools read, at stable addresses: CSV, GeoJSON, a
//! Murmurations profile per co-op with their index, and each co-op page's locator map.

use std::path::Path;

use coops_core::Directory;
use coops_core::names::{
    DIRECTORY_CSV_PATH, DIRECTORY_GEOJSON_PATH, MURMURATIONS_DIR, MURMURATIONS_INDEX,
    WORLD_CLOSE_PATH, WORLD_PATH,
};

use crate::{SiteError, read, write};

/// Writes every format of `directory` in `staging` (`app_url`: the site's public address, which
/// the Murmurations index gives each profile); the number of locator maps written.
pub fn publish_data(
    staging: &Path,
    directory: &Directory,
    app_url: &str,
) -> Result<usize, SiteError> {
    write(
        &staging.join(DIRECTORY_CSV_PATH),
        coops_core::export::csv(directory, &directory.coops).as_bytes(),
    )?;
    write(
        &staging.join(DIRECTORY_GEOJSON_PATH),
        coops_core::export::geojson(directory, &directory.coops)
            .to_string()
            .as_bytes(),
    )?;
    murmurations(staging, directory, app_url)?;
    locators(staging, directory)
}

/// The Murmurations profiles of `directory`'s co-ops, one file each in [`MURMURATIONS_DIR`],
/// and [`MURMURATIONS_INDEX`]: each profile's address (the one to register with the
/// Murmurations index) and the co-ops left out, with why.
fn murmurations(staging: &Path, directory: &Directory, app_url: &str) -> Result<(), SiteError> {
    use coops_core::export::murmurations;
    let made = murmurations::profiles(directory, &directory.coops);
    let mut listed = Vec::new();
    for (id, profile) in &made.made {
        let path = format!("{MURMURATIONS_DIR}/{id}.json");
        write(&staging.join(&path), profile.to_string().as_bytes())?;
        listed.push(serde_json::json!({"id": id, "profile_url": format!("{app_url}{path}")}));
    }
    let left_out: Vec<_> = made
        .left_out
        .iter()
        .map(|(id, reason)| serde_json::json!({"id": id, "reason": reason.as_str()}))
        .collect();
    let index = serde_json::json!({
        "linked_schema": murmurations::SCHEMA,
        "profiles": listed,
        "left_out": left_out,
    });
    write(
        &staging.join(MURMURATIONS_INDEX),
        index.to_string().as_bytes(),
    )
}

/// A map asset of the staging directory (`data/world.json`...), read whole.
fn read_map(staging: &Path, file: &str) -> Result<coops_core::geo::WorldMap, SiteError> {
    let path = staging.join(file);
    serde_json::from_slice(&read(&path)?).map_err(|e| SiteError::Data {
        path,
        message: format!("not a map the app can draw: {e}"),
    })
}

/// Each co-op page's locator map, cut from the map assets (`coops_core::locator`), one file
/// each in [`coops_core::names::LOCATOR_DIR`]; a co-op that is nowhere has none (its page draws no map).
fn locators(staging: &Path, directory: &Directory) -> Result<usize, SiteError> {
    use coops_core::locator::{locator_map, locator_path};
    let world = read_map(staging, WORLD_PATH)?;
    let close = read_map(staging, WORLD_CLOSE_PATH)?;
    let places = coops_core::places::map_places(&directory.coops);
    let mut written = 0;
    for (i, coop) in directory.coops.iter().enumerate() {
        let of = coops_core::nearby::places_of(&places, i);
        let cut = locator_map(&world, &close, &of).map_err(|broken| SiteError::Data {
            path: staging.join(broken.asset),
            message: format!("the shape of {} is not the map's path data", broken.country),
        })?;
        if let Some(cut) = cut {
            let json = serde_json::to_string(&cut).expect("a map writes as JSON");
            write(&staging.join(locator_path(&coop.id)), json.as_bytes())?;
            written += 1;
        }
    }
    Ok(written)
}
