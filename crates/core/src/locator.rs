//! A co-op page's locator map, cut at build time: the shapes of the countries it shows, cut to
//! what it shows ([`crate::camera::locator_view`]), from the close-up map when it shows a
//! city's surroundings. The world view's shapes are thinned for a whole world: at a city's
//! scale their borders are off by tens of kilometres, and Geneva's dot lands in France.
//!
//! The site build writes one per co-op (`data/locator/<id>.json`, [`locator_path`]); the page
//! fetches a few kilobytes instead of the world's shapes. It is a [`WorldMap`] like the assets
//! (same frame, size and bounding boxes), with fewer and shorter paths.

use crate::camera::{CLOSE_UP_ZOOM, locator_view};
use crate::geo::{MapCountry, ViewBox, WorldMap};
use crate::names::{LOCATOR_DIR, WORLD_CLOSE_PATH, WORLD_PATH};
use crate::places::MapPlace;
use crate::svg_path::{Rect, clip_path};

/// How much more than it shows the locator's shapes cover, as a share of its width on each
/// side: where a shape is cut, the cut runs along the edge, out of sight.
const CUT_MARGIN: f64 = 0.1;

/// Where the site publishes the locator map of the co-op `id`.
pub fn locator_path(id: &str) -> String {
    format!("{LOCATOR_DIR}/{id}.json")
}

/// A country's shape in a map asset that is not the assets' own path data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrokenShape {
    /// The asset (`data/world.json` or `data/world-close.json`).
    pub asset: &'static str,
    /// The country's code.
    pub country: String,
}

impl std::fmt::Display for BrokenShape {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}: the shape of {} is not the map's path data",
            self.asset, self.country
        )
    }
}

/// The locator map of a co-op at `places`: `close`'s shapes when the view is at least
/// [`CLOSE_UP_ZOOM`] in, else `world`'s, those in view cut to it; `None` when the co-op has
/// no place at all.
pub fn locator_map(
    world: &WorldMap,
    close: &WorldMap,
    places: &[&MapPlace],
) -> Result<Option<WorldMap>, BrokenShape> {
    // Worked out on the close-up map, which has every country the world's has and the small
    // ones it lacks: a co-op the list places only in Andorra is close up too.
    let Some(wide) = locator_view(close, places) else {
        return Ok(None);
    };
    let (map, asset) = if close.width / wide.width >= CLOSE_UP_ZOOM {
        (close, WORLD_CLOSE_PATH)
    } else {
        (world, WORLD_PATH)
    };
    // The view the page works out from this map's own bounding boxes: the same as here.
    let Some(view) = locator_view(map, places) else {
        return Ok(None);
    };
    let rect = tenths(view.padded(view.width * CUT_MARGIN));
    let mut countries = Vec::new();
    for country in &map.countries {
        let d = clip_path(&country.d, rect).ok_or_else(|| BrokenShape {
            asset,
            country: country.code.clone(),
        })?;
        if !d.is_empty() {
            countries.push(MapCountry {
                d,
                ..country.clone()
            });
        }
    }
    Ok(Some(WorldMap {
        width: map.width,
        height: map.height,
        attribution: map.attribution.clone(),
        countries,
    }))
}

/// `view` in the paths' tenths, rounded outwards.
fn tenths(view: ViewBox) -> Rect {
    [
        (view.x * 10.0).floor() as i64,
        (view.y * 10.0).floor() as i64,
        ((view.x + view.width) * 10.0).ceil() as i64,
        ((view.y + view.height) * 10.0).ceil() as i64,
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::Frame;
    use crate::svg_path::{Ring, contains, path_data, rings_of};

    /// A country drawn as a square of `size` round (`lon`, `lat`), with its bounding box.
    fn square(code: &str, lon: f64, lat: f64, size: f64) -> MapCountry {
        let (x, y) = Frame::world().project(lon, lat);
        let t = |v: f64| (v * 10.0).round() as i64;
        let (x0, y0, x1, y1) = (
            t(x - size / 2.0),
            t(y - size / 2.0),
            t(x + size / 2.0),
            t(y + size / 2.0),
        );
        MapCountry {
            code: code.into(),
            name: code.into(),
            d: path_data(&[vec![[x0, y0], [x1, y0], [x1, y1], [x0, y1]]]),
            bbox: [x - size / 2.0, y - size / 2.0, size, size],
        }
    }

    fn map(countries: Vec<MapCountry>) -> WorldMap {
        let frame = Frame::world();
        WorldMap {
            width: frame.width,
            height: frame.height,
            attribution: "shapes".into(),
            countries,
        }
    }

    fn place(country: &str, lon: f64, lat: f64, precision: crate::Precision) -> MapPlace {
        MapPlace {
            id: country.into(),
            name: country.into(),
            country: country.into(),
            precision,
            lat,
            lon,
            coops: vec![0],
        }
    }

    #[test]
    fn a_city_gets_the_close_up_shapes_in_view_cut_to_it() {
        let world = map(vec![
            square("CH", 8.0, 46.8, 8.0),
            square("JP", 138.0, 36.0, 30.0),
        ]);
        // Close up, Switzerland is a little further west, and Andorra is drawn.
        let close = map(vec![
            square("CH", 7.0, 46.8, 8.0),
            square("AD", 1.5, 42.5, 1.0),
            square("JP", 138.0, 36.0, 30.0),
        ]);
        let geneva = place("CH", 6.14, 46.2, crate::Precision::City);
        let cut = locator_map(&world, &close, &[&geneva]).unwrap().unwrap();
        let codes: Vec<&str> = cut.countries.iter().map(|c| c.code.as_str()).collect();
        assert_eq!(codes, ["CH", "AD"], "Japan is out of view");
        let switzerland = &cut.countries[0];
        assert_eq!(
            switzerland.d, close.countries[0].d,
            "all of it in view: uncut"
        );
        assert_eq!(switzerland.bbox, close.countries[0].bbox);
        assert_eq!((cut.width, cut.height), (world.width, world.height));
        // The page works out the same view from the cut map.
        assert_eq!(
            locator_view(&cut, &[&geneva]),
            locator_view(&close, &[&geneva])
        );
    }

    #[test]
    fn a_wide_view_gets_the_world_shapes_and_a_large_country_is_cut() {
        let world = map(vec![
            square("US", -98.0, 39.0, 150.0),
            square("JP", 138.0, 36.0, 30.0),
        ]);
        // Close up, the United States are drawn a little smaller, and Japan not at all.
        let close = map(vec![square("US", -98.0, 39.0, 140.0)]);
        // San Francisco and Tokyo: the view spans an ocean, far under the close-up zoom.
        let (west, tokyo) = (
            place("US", -122.4, 37.8, crate::Precision::City),
            place("JP", 139.7, 35.7, crate::Precision::City),
        );
        let cut = locator_map(&world, &close, &[&west, &tokyo])
            .unwrap()
            .unwrap();
        assert_eq!(
            cut.countries, world.countries,
            "the world's shapes, all in view"
        );
        // One city: close up, and the country's square cut to a little more than the view.
        let cut = locator_map(&world, &close, &[&west]).unwrap().unwrap();
        let view = locator_view(&close, &[&west]).unwrap();
        let rings: Vec<Ring> = rings_of(&cut.countries[0].d).unwrap();
        let xs = rings[0].iter().map(|p| p[0] as f64 / 10.0);
        let widest = xs.clone().fold(f64::MIN, f64::max) - xs.fold(f64::MAX, f64::min);
        assert!(widest < view.width * 1.3, "{widest} against {}", view.width);
        let (x, y) = Frame::world().project(west.lon, west.lat);
        assert!(contains(&rings, [x * 10.0, y * 10.0]));
    }

    fn bundled_map(file: &str) -> WorldMap {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/data");
        serde_json::from_str(&std::fs::read_to_string(path.join(file)).unwrap()).unwrap()
    }

    /// The places of the bundled list's towns that a map of `shapes` draws in a country other
    /// than their own, and how many it draws in their own (the rest are on a coast the shapes
    /// round off: New York, Istanbul, in no country at all).
    fn misplaced(shapes: impl Fn(&[&MapPlace]) -> WorldMap) -> (Vec<String>, usize) {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../public/data/directory.json");
        let directory = crate::load::load_directory(&std::fs::read_to_string(path).unwrap())
            .unwrap()
            .directory;
        let places = crate::places::map_places(&directory.coops);
        let (mut wrong, mut home) = (Vec::new(), 0);
        for place in places
            .iter()
            .filter(|p| p.precision != crate::Precision::Country)
        {
            let map = shapes(&[place]);
            let (x, y) = place.position(&Frame::world());
            let under: Vec<&str> = map
                .countries
                .iter()
                .filter(|c| contains(&rings_of(&c.d).unwrap(), [x * 10.0, y * 10.0]))
                .map(|c| c.code.as_str())
                .collect();
            if under.contains(&place.country.as_str()) {
                home += 1;
            } else if !under.is_empty() {
                wrong.push(format!("{} ({}) in {under:?}", place.name, place.country));
            }
        }
        (wrong, home)
    }

    #[test]
    fn every_town_of_the_list_is_drawn_in_its_own_country() {
        let (world, close) = (bundled_map("world.json"), bundled_map("world-close.json"));
        let (wrong, home) =
            misplaced(|places| locator_map(&world, &close, places).unwrap().unwrap());
        // Natural Earth draws East Jerusalem in the West Bank, where the list names Israel: a
        // border in dispute, not a misplaced dot.
        let disputed = ["Jerusalem (IL) in [\"PS\"]"];
        let wrong: Vec<&String> = wrong
            .iter()
            .filter(|w| !disputed.contains(&w.as_str()))
            .collect();
        assert!(wrong.is_empty(), "{wrong:#?}");
        assert!(home > 70, "{home}");
        // The world's shapes, as the page drew them before, put Geneva in France.
        let (wrong_before, _) = misplaced(|_| world.clone());
        assert!(
            wrong_before.iter().any(|w| w.starts_with("Geneva")),
            "{wrong_before:#?}"
        );
    }

    #[test]
    fn a_country_only_the_close_up_map_has_is_drawn_close_up() {
        let world = map(vec![square("FR", 2.0, 46.0, 20.0)]);
        let close = map(vec![
            square("FR", 2.0, 46.0, 20.0),
            square("AD", 1.5, 42.5, 1.0),
        ]);
        let andorra = place("AD", 1.5, 42.5, crate::Precision::Country);
        let cut = locator_map(&world, &close, &[&andorra]).unwrap().unwrap();
        assert!(cut.countries.iter().any(|c| c.code == "AD"), "{cut:?}");
        assert_eq!(locator_view(&cut, &[&andorra]), Some(close.fit(&["AD"])));
    }

    #[test]
    fn nowhere_has_no_locator_and_a_broken_path_is_named() {
        let world = map(vec![square("FR", 2.0, 46.0, 20.0)]);
        assert_eq!(locator_map(&world, &world, &[]), Ok(None));
        let mut broken = world.clone();
        broken.countries[0].d = "M0 0z".into();
        let paris = place("FR", 2.35, 48.85, crate::Precision::City);
        let error = locator_map(&world, &broken, &[&paris]).unwrap_err();
        assert_eq!(
            error.to_string(),
            "data/world-close.json: the shape of FR is not the map's path data"
        );
    }
}
