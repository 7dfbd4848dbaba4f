//! Map geometry: the projection the map asset is drawn in, the asset's format, fitting the
//! view to a set of countries, and the shading scale.
//!
//! The world map is projected and simplified ahead of time (by the importer's `build-map`
//! tool) into `public/data/world.json`; the app only draws its paths, so no map service, tile
//! server or projection code runs in the browser.

use serde::{Deserialize, Serialize};

/// The map asset (`public/data/world.json`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorldMap {
    /// Width of the drawing, in the asset's units.
    pub width: f64,
    /// Height of the drawing.
    pub height: f64,
    /// Where the shapes come from (Natural Earth via world-atlas) and their licence.
    pub attribution: String,
    /// Every country shape.
    pub countries: Vec<MapCountry>,
}

/// One country's shape.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MapCountry {
    /// ISO 3166-1 alpha-2 code (upper case); shapes without one are not in the asset.
    pub code: String,
    /// English short name.
    pub name: String,
    /// SVG path data, already projected.
    pub d: String,
    /// Bounding box of the main landmass: x, y, width, height (so France zooms to France, not
    /// to French Guiana as well).
    pub bbox: [f64; 4],
}

/// A rectangle of the map: x, y, width, height.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ViewBox {
    /// Left.
    pub x: f64,
    /// Top.
    pub y: f64,
    /// Width.
    pub width: f64,
    /// Height.
    pub height: f64,
}

impl ViewBox {
    /// The same area with `margin` added on every side.
    pub fn padded(self, margin: f64) -> ViewBox {
        ViewBox {
            x: self.x - margin,
            y: self.y - margin,
            width: self.width + 2.0 * margin,
            height: self.height + 2.0 * margin,
        }
    }

    /// The SVG `viewBox` attribute value, rounded to one decimal.
    pub fn to_attribute(self) -> String {
        format!(
            "{:.1} {:.1} {:.1} {:.1}",
            self.x, self.y, self.width, self.height
        )
    }
}

/// The Equal Earth projection (Šavrič, Patterson and Jenny, 2018): an equal-area world map that
/// keeps continents' shapes recognisable. Longitude and latitude in degrees; the result spans
/// about ±2.7 by ±1.3 (unit sphere).
pub fn equal_earth(lon: f64, lat: f64) -> (f64, f64) {
    const A1: f64 = 1.340264;
    const A2: f64 = -0.081106;
    const A3: f64 = 0.000893;
    const A4: f64 = 0.003796;
    let m = 3f64.sqrt() / 2.0;
    let lambda = lon.to_radians();
    let phi = lat.clamp(-90.0, 90.0).to_radians();
    let theta = (m * phi.sin()).asin();
    let t2 = theta * theta;
    let t6 = t2 * t2 * t2;
    let x = lambda * theta.cos() / (m * (A1 + 3.0 * A2 * t2 + t6 * (7.0 * A3 + 9.0 * A4 * t2)));
    let y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2));
    (x, y)
}

/// Width of the map's drawing, in the asset's units.
pub const WIDTH: f64 = 1000.0;
/// Space left around the projected world on every side, in drawing units.
pub const MARGIN: f64 = 2.0;

/// Where the projection lands in the drawing: [`WIDTH`] wide, as high as the whole projected
/// world needs (about 489), with [`MARGIN`] around, y pointing down.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    /// Width of the drawing.
    pub width: f64,
    /// Height of the drawing.
    pub height: f64,
    scale: f64,
}

impl Frame {
    /// The frame of the whole world (±180° of longitude, ±90° of latitude).
    pub fn world() -> Frame {
        let (x_max, _) = equal_earth(180.0, 0.0);
        let (_, y_max) = equal_earth(0.0, 90.0);
        let scale = (WIDTH - 2.0 * MARGIN) / (2.0 * x_max);
        let height = (2.0 * y_max * scale + 2.0 * MARGIN).ceil();
        Frame {
            width: WIDTH,
            height,
            scale,
        }
    }

    /// Longitude and latitude (degrees) to drawing units.
    pub fn project(&self, lon: f64, lat: f64) -> (f64, f64) {
        let (x, y) = equal_earth(lon, lat);
        (
            self.width / 2.0 + x * self.scale,
            self.height / 2.0 - y * self.scale,
        )
    }
}

/// The close-up shapes laid over the world view's, once they are in: for each country the
/// world view draws, its close-up path where the close-up map has one (else its own), and the
/// countries too small for the world view (Andorra, Singapore) that only the close-up map has,
/// after them. Worked out once, when the close-up map arrives.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CloseUp {
    /// The close-up path of each world-view country, by code.
    pub paths: std::collections::HashMap<String, String>,
    /// The countries only the close-up map has, in its order.
    pub only_close: Vec<MapCountry>,
}

impl CloseUp {
    /// What `close` adds to `world`.
    pub fn new(world: &WorldMap, close: &WorldMap) -> CloseUp {
        let in_world: std::collections::HashSet<&str> =
            world.countries.iter().map(|c| c.code.as_str()).collect();
        let (shared, only_close): (Vec<&MapCountry>, Vec<&MapCountry>) = close
            .countries
            .iter()
            .partition(|c| in_world.contains(c.code.as_str()));
        CloseUp {
            paths: shared
                .into_iter()
                .map(|c| (c.code.clone(), c.d.clone()))
                .collect(),
            only_close: only_close.into_iter().cloned().collect(),
        }
    }
}

impl WorldMap {
    /// The whole map.
    pub fn full_view(&self) -> ViewBox {
        ViewBox {
            x: 0.0,
            y: 0.0,
            width: self.width,
            height: self.height,
        }
    }

    /// The smallest view, with a margin, that shows every country in `codes`, widened to the
    /// map's aspect ratio so the drawing never stretches; the whole map when none is known.
    pub fn fit(&self, codes: &[&str]) -> ViewBox {
        let boxes: Vec<[f64; 4]> = self
            .countries
            .iter()
            .filter(|c| codes.contains(&c.code.as_str()))
            .map(|c| c.bbox)
            .collect();
        if boxes.is_empty() {
            return self.full_view();
        }
        let x0 = boxes.iter().map(|b| b[0]).fold(f64::INFINITY, f64::min);
        let y0 = boxes.iter().map(|b| b[1]).fold(f64::INFINITY, f64::min);
        let x1 = boxes
            .iter()
            .map(|b| b[0] + b[2])
            .fold(f64::NEG_INFINITY, f64::max);
        let y1 = boxes
            .iter()
            .map(|b| b[1] + b[3])
            .fold(f64::NEG_INFINITY, f64::max);
        // A margin of 3% of the map's width keeps small countries from filling the view.
        let area = ViewBox {
            x: x0,
            y: y0,
            width: x1 - x0,
            height: y1 - y0,
        };
        self.fit_area(area, self.width * 0.03)
    }

    /// The smallest view of the map's proportions that shows `area` with `margin` around it,
    /// kept on the map.
    pub fn fit_area(&self, area: ViewBox, margin: f64) -> ViewBox {
        let (mut w, mut h) = (area.width + 2.0 * margin, area.height + 2.0 * margin);
        let aspect = self.width / self.height;
        if w / h < aspect {
            w = h * aspect;
        } else {
            h = w / aspect;
        }
        let (cx, cy) = (area.x + area.width / 2.0, area.y + area.height / 2.0);
        let mut view = ViewBox {
            x: cx - w / 2.0,
            y: cy - h / 2.0,
            width: w.min(self.width),
            height: h.min(self.height),
        };
        // Stay on the map.
        view.x = view.x.clamp(0.0, self.width - view.width);
        view.y = view.y.clamp(0.0, self.height - view.height);
        view
    }
}

/// Credit for the country shapes, in the page's language (`crate::i18n::words`): the page
/// shows it under the map, and the importer writes it, in English, into the map asset.
pub fn attribution() -> &'static str {
    crate::i18n::words().text("map-attribution")
}

/// The shading steps of the map, as (lowest count, the catalog's key for its legend label). A
/// country's step is the last whose lowest count it reaches; step 0 means no co-ops.
pub const SHADES: [(usize, &str); 5] = [
    (0, "shade-none"),
    (1, "shade-1"),
    (2, "shade-2"),
    (5, "shade-5"),
    (10, "shade-10"),
];

/// The shading step (0..SHADES.len()) for a count of co-ops.
pub fn shade(count: usize) -> usize {
    SHADES
        .iter()
        .rposition(|(lowest, _)| count >= *lowest)
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-4
    }

    #[test]
    fn equal_earth_matches_reference_points() {
        assert_eq!(equal_earth(0.0, 0.0), (0.0, 0.0));
        let (x, y) = equal_earth(180.0, 0.0);
        assert!(
            close(x, std::f64::consts::PI / (3f64.sqrt() / 2.0 * 1.340264)),
            "x at the antimeridian: {x}"
        );
        assert!(close(y, 0.0));
        let (_, y) = equal_earth(0.0, 90.0);
        assert!(close(y, 1.3173), "y at the pole: {y}");
        let (x1, y1) = equal_earth(-30.0, 45.0);
        let (x2, y2) = equal_earth(30.0, -45.0);
        assert!(
            close(x1, -x2) && close(y1, -y2),
            "symmetric about the centre"
        );
    }

    fn map() -> WorldMap {
        let country = |code: &str, bbox: [f64; 4]| MapCountry {
            code: code.into(),
            name: code.into(),
            d: String::new(),
            bbox,
        };
        WorldMap {
            width: 1000.0,
            height: 500.0,
            attribution: String::new(),
            countries: vec![
                country("FR", [480.0, 100.0, 20.0, 20.0]),
                country("DE", [500.0, 90.0, 20.0, 20.0]),
            ],
        }
    }

    #[test]
    fn fit_covers_the_countries_at_the_maps_aspect() {
        let view = map().fit(&["FR", "DE"]);
        assert!(view.x <= 480.0 && view.x + view.width >= 520.0);
        assert!(view.y <= 90.0 && view.y + view.height >= 120.0);
        assert!(
            close(view.width / view.height, 2.0),
            "aspect kept: {view:?}"
        );
        assert!(view.width < 200.0, "zoomed in: {view:?}");
    }

    #[test]
    fn fit_falls_back_to_the_whole_map() {
        let m = map();
        assert_eq!(m.fit(&[]), m.full_view());
        assert_eq!(m.fit(&["ZZ"]), m.full_view());
    }

    #[test]
    fn fit_stays_on_the_map() {
        let mut m = map();
        m.countries[0].bbox = [0.0, 0.0, 5.0, 5.0];
        let view = m.fit(&["FR"]);
        assert!(view.x >= 0.0 && view.y >= 0.0, "{view:?}");
    }

    #[test]
    fn shades_step_up_with_counts() {
        assert_eq!(shade(0), 0);
        assert_eq!(shade(1), 1);
        assert_eq!(shade(2), 2);
        assert_eq!(shade(4), 2);
        assert_eq!(shade(5), 3);
        assert_eq!(shade(10), 4);
        assert_eq!(shade(1000), 4);
    }

    #[test]
    fn the_close_up_map_replaces_shared_shapes_and_adds_the_small_countries() {
        let shape = |code: &str, d: &str| MapCountry {
            code: code.into(),
            name: code.into(),
            d: d.into(),
            bbox: [0.0, 0.0, 1.0, 1.0],
        };
        let map = |countries| WorldMap {
            width: 1000.0,
            height: 489.0,
            attribution: String::new(),
            countries,
        };
        let world = map(vec![shape("FR", "M0 0"), shape("DE", "M1 1")]);
        let close = map(vec![shape("AD", "M2 2z"), shape("FR", "M0 0L1 1z")]);
        let close_up = CloseUp::new(&world, &close);
        assert_eq!(
            close_up.paths.get("FR").map(String::as_str),
            Some("M0 0L1 1z")
        );
        assert!(
            !close_up.paths.contains_key("DE"),
            "the world view's shape stays"
        );
        assert_eq!(close_up.only_close, vec![shape("AD", "M2 2z")]);
    }
}
