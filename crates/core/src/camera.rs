//! The map's camera: which part of the drawing is in view and how closely, moved by the wheel,
//! a drag, a pinch, the keys and the buttons; and the conversions between the screen (CSS
//! pixels) and the drawing (the map asset's units).
//!
//! Pure and Leptos-free: the map component turns events into calls here and writes the result
//! into the SVG's `viewBox`. Panning and zooming are not in the URL (they would flood the
//! history); the filters that move the camera (region, country) are.

use crate::geo::{Frame, ViewBox, WorldMap};
use crate::nearby::measurable;
use crate::places::{MapPlace, bounds};

/// The whole world.
pub const MIN_ZOOM: f64 = 1.0;
/// Close enough to tell the cities of one metropolitan area apart (a view about 400 km wide).
pub const MAX_ZOOM: f64 = 64.0;
/// From this zoom on the map draws the close-up shapes (`data/world-close.json`, fetched the
/// first time the camera comes this close): the world view's are thinned for zoom 1, and at 4
/// their corners show.
pub const CLOSE_UP_ZOOM: f64 = 4.0;
/// How much a button, a key or a double-click zooms.
pub const ZOOM_STEP: f64 = 2.0;
/// How far an arrow key pans, as a share of the view.
pub const PAN_STEP: f64 = 0.2;

/// A marker's radius on screen, in CSS pixels, whatever the zoom: 24 px across, WCAG 2.5.8's
/// smallest target.
pub const MARKER_RADIUS_PX: f64 = 12.0;
/// Markers whose centres are closer than this on screen merge into a cluster: two radii and a
/// gap, so that no two markers overlap.
pub const CLUSTER_DISTANCE_PX: f64 = 2.0 * MARKER_RADIUS_PX + 4.0;

/// Where the camera looks: the centre of the view in drawing units, and the zoom (1 shows the
/// whole drawing). Always within the drawing: see [`Camera::clamped`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Camera {
    /// Zoom, from [`MIN_ZOOM`] to [`MAX_ZOOM`].
    pub zoom: f64,
    /// Centre of the view, x.
    pub x: f64,
    /// Centre of the view, y.
    pub y: f64,
    width: f64,
    height: f64,
}

/// Where the drawing is on screen: the SVG element's box in CSS pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Screen {
    /// Left edge.
    pub left: f64,
    /// Top edge.
    pub top: f64,
    /// Width.
    pub width: f64,
    /// Height.
    pub height: f64,
}

impl Camera {
    /// The whole drawing of `width` by `height`.
    pub fn home(width: f64, height: f64) -> Camera {
        Camera {
            zoom: MIN_ZOOM,
            x: width / 2.0,
            y: height / 2.0,
            width,
            height,
        }
    }

    /// The whole drawing this camera moves over.
    pub fn widest(&self) -> Camera {
        Camera::home(self.width, self.height)
    }

    /// The closest view, within the limits, that shows all of `area`.
    pub fn fitting(area: ViewBox, width: f64, height: f64) -> Camera {
        let zoom = (width / area.width.max(f64::MIN_POSITIVE))
            .min(height / area.height.max(f64::MIN_POSITIVE));
        Camera {
            zoom,
            x: area.x + area.width / 2.0,
            y: area.y + area.height / 2.0,
            width,
            height,
        }
        .clamped()
    }

    /// The part of the drawing in view, for the SVG's `viewBox`.
    pub fn view(&self) -> ViewBox {
        let (w, h) = (self.width / self.zoom, self.height / self.zoom);
        ViewBox {
            x: self.x - w / 2.0,
            y: self.y - h / 2.0,
            width: w,
            height: h,
        }
    }

    /// The same camera with the zoom within its limits and the view within the drawing.
    pub fn clamped(self) -> Camera {
        // An infinite zoom (fitting a point) is the closest; no zoom at all is the widest.
        let zoom = if !self.zoom.is_nan() {
            self.zoom.clamp(MIN_ZOOM, MAX_ZOOM)
        } else {
            MIN_ZOOM
        };
        let (half_w, half_h) = (self.width / zoom / 2.0, self.height / zoom / 2.0);
        let within = |v: f64, half: f64, size: f64| {
            if v.is_finite() {
                v.clamp(half, size - half)
            } else {
                size / 2.0
            }
        };
        Camera {
            zoom,
            x: within(self.x, half_w, self.width),
            y: within(self.y, half_h, self.height),
            ..self
        }
    }

    /// Zoomed by `factor` (above 1 closer) keeping the drawing point `at` where it is on
    /// screen, as a wheel or a pinch should.
    pub fn zoomed_at(self, factor: f64, at: (f64, f64)) -> Camera {
        let zoom = (self.zoom * factor).clamp(MIN_ZOOM, MAX_ZOOM);
        let kept = self.zoom / zoom;
        Camera {
            zoom,
            x: at.0 - (at.0 - self.x) * kept,
            y: at.1 - (at.1 - self.y) * kept,
            ..self
        }
        .clamped()
    }

    /// Zoomed by `factor` around the centre of the view (the buttons and keys).
    pub fn zoomed(self, factor: f64) -> Camera {
        self.zoomed_at(factor, (self.x, self.y))
    }

    /// Moved so that the drawing slides by `dx`, `dy` drawing units (a drag to the right moves
    /// the view to the left).
    pub fn dragged(self, dx: f64, dy: f64) -> Camera {
        Camera {
            x: self.x - dx,
            y: self.y - dy,
            ..self
        }
        .clamped()
    }

    /// Moved by an arrow key: `(1, 0)` looks further east by [`PAN_STEP`] of the view.
    pub fn stepped(self, east: f64, south: f64) -> Camera {
        let view = self.view();
        self.dragged(
            -east * PAN_STEP * view.width,
            -south * PAN_STEP * view.height,
        )
    }

    /// A view that splits a cluster spread over `area`: all of it in view, and at least one
    /// [`ZOOM_STEP`] closer than now, centred on it.
    pub fn splitting(self, area: ViewBox) -> Camera {
        let fit = Camera::fitting(area, self.width, self.height);
        Camera {
            zoom: fit.zoom.max(self.zoom * ZOOM_STEP),
            ..fit
        }
        .clamped()
    }

    /// Where a key sends the camera: arrows pan, + and − zoom, 0 goes `home`; `None` for
    /// any other key.
    pub fn after_key(self, key: &str, home: Camera) -> Option<Camera> {
        Some(match key {
            "ArrowLeft" => self.stepped(-1.0, 0.0),
            "ArrowRight" => self.stepped(1.0, 0.0),
            "ArrowUp" => self.stepped(0.0, -1.0),
            "ArrowDown" => self.stepped(0.0, 1.0),
            "+" | "=" => self.zoomed(ZOOM_STEP),
            "-" | "_" | "−" => self.zoomed(1.0 / ZOOM_STEP),
            "0" => home,
            _ => return None,
        })
    }

    /// A two-finger gesture from `self` (the camera when it began): the fingers' spread grew
    /// by `factor` around the drawing point `anchor` under their first midpoint, and the
    /// midpoint moved by `moved` CSS pixels on `screen`.
    pub fn pinched(
        self,
        anchor: (f64, f64),
        factor: f64,
        moved: (f64, f64),
        screen: &Screen,
    ) -> Camera {
        let factor = if factor.is_finite() && factor > 0.0 {
            factor
        } else {
            1.0
        };
        let zoomed = self.zoomed_at(factor, anchor);
        let scale = zoomed.pixels_per_unit(screen);
        if scale <= 0.0 || !scale.is_finite() {
            return zoomed;
        }
        zoomed.dragged(moved.0 / scale, moved.1 / scale)
    }

    /// The camera `t` (0 to 1) of the way from `self` to `to`; the zoom moves evenly in scale
    /// (geometrically), so an animated zoom does not rush at the start.
    pub fn towards(self, to: Camera, t: f64) -> Camera {
        let t = t.clamp(0.0, 1.0);
        Camera {
            zoom: self.zoom * (to.zoom / self.zoom).powf(t),
            x: self.x + (to.x - self.x) * t,
            y: self.y + (to.y - self.y) * t,
            ..to
        }
        .clamped()
    }

    /// The drawing's scale on screen: CSS pixels per drawing unit at this zoom, for an SVG
    /// that fits the view into `screen` and centres it (`preserveAspectRatio="xMidYMid meet"`).
    pub fn pixels_per_unit(&self, screen: &Screen) -> f64 {
        let view = self.view();
        (screen.width / view.width).min(screen.height / view.height)
    }

    /// The drawing point under the screen point (`client_x`, `client_y`).
    pub fn to_drawing(&self, screen: &Screen, client_x: f64, client_y: f64) -> (f64, f64) {
        let view = self.view();
        let scale = self.pixels_per_unit(screen);
        if scale <= 0.0 || !scale.is_finite() {
            return (self.x, self.y);
        }
        let pad_x = (screen.width - view.width * scale) / 2.0;
        let pad_y = (screen.height - view.height * scale) / 2.0;
        (
            view.x + (client_x - screen.left - pad_x) / scale,
            view.y + (client_y - screen.top - pad_y) / scale,
        )
    }

    /// The zoom the markers are clustered at: [`Camera::zoom`] rounded down to a step of √2,
    /// so that a wheel zoom re-clusters a few times, not at every event, and markers do not
    /// flicker between merged and apart. Down, never up: drawn at the zoom, markers are then
    /// at least as far apart as they were clustered.
    pub fn cluster_level(&self) -> f64 {
        let half_steps = (self.zoom.log2() * 2.0 + 1e-9).floor();
        2f64.powf(half_steps / 2.0)
    }

    /// The zoom as `data-zoom` and the zoom buttons say it: at most two decimals, no trailing
    /// zeros ("1", "2.83").
    pub fn zoom_label(&self) -> String {
        let text = format!("{:.2}", self.zoom);
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    }

    /// True at the closest zoom.
    pub fn at_max_zoom(&self) -> bool {
        self.zoom >= MAX_ZOOM - 1e-9
    }

    /// True showing the whole drawing.
    pub fn at_min_zoom(&self) -> bool {
        self.zoom <= MIN_ZOOM + 1e-9
    }
}

/// Where the map looks when the filters choose a country or a region (Reset and 0 return
/// here too): a country's own shape; a region's places, so that Russia's breadth does not
/// flatten Europe, or its countries' shapes where it has no places; otherwise the world.
/// `places` are every place of the map; `region_countries` the chosen region's countries.
pub fn home_for(
    map: &WorldMap,
    places: &[MapPlace],
    country: Option<&str>,
    region_countries: Option<&[String]>,
) -> Camera {
    let fit = |area: ViewBox| Camera::fitting(area, map.width, map.height);
    // The margin the map asset's own fit keeps, so that places at the edge are not cut.
    let margin = map.width * 0.03;
    if let Some(country) = country {
        return fit(map.fit(&[country]));
    }
    let Some(codes) = region_countries else {
        return Camera::home(map.width, map.height);
    };
    let inside: Vec<MapPlace> = places
        .iter()
        .filter(|p| codes.contains(&p.country))
        .cloned()
        .collect();
    match bounds(&inside, &Frame::world()) {
        Some(area) if inside.len() > 1 => fit(area.padded(margin)),
        _ => {
            let codes: Vec<&str> = codes.iter().map(String::as_str).collect();
            fit(map.fit(&codes))
        }
    }
}

/// Narrowest a co-op page's locator map looks, in drawing units (of the world's 1000): about
/// a large country across, so that one city shows among its neighbours.
pub const LOCATOR_MIN_WIDTH: f64 = 80.0;

/// What a co-op page's locator map shows of `map`: the co-op's `places` with country enough
/// around them to tell where they are; its countries' shapes when the list names no town or
/// region for it; `None` when it is nowhere at all.
pub fn locator_view(map: &WorldMap, places: &[&MapPlace]) -> Option<ViewBox> {
    let frame = Frame::world();
    let points: Vec<(f64, f64)> = places
        .iter()
        .filter(|p| measurable(p))
        .map(|p| p.position(&frame))
        .collect();
    if points.is_empty() {
        let codes: Vec<&str> = places.iter().map(|p| p.country.as_str()).collect();
        return (!codes.is_empty()).then(|| map.fit(&codes));
    }
    let (mut x0, mut y0) = (f64::INFINITY, f64::INFINITY);
    let (mut x1, mut y1) = (f64::NEG_INFINITY, f64::NEG_INFINITY);
    for (x, y) in points {
        (x0, y0, x1, y1) = (x0.min(x), y0.min(y), x1.max(x), y1.max(y));
    }
    let margin = LOCATOR_MIN_WIDTH / 8.0;
    let width = (x1 - x0).max(LOCATOR_MIN_WIDTH - 2.0 * margin);
    let height = (y1 - y0).max((LOCATOR_MIN_WIDTH - 2.0 * margin) * map.height / map.width);
    let area = ViewBox {
        x: (x0 + x1 - width) / 2.0,
        y: (y0 + y1 - height) / 2.0,
        width,
        height,
    };
    Some(map.fit_area(area, margin))
}

/// Ease-out (cubic) for an animated move: `t` from 0 to 1 in, the share of the way out; quick
/// to start, gentle to land.
pub fn ease_out(t: f64) -> f64 {
    1.0 - (1.0 - t.clamp(0.0, 1.0)).powi(3)
}

/// Two taps this close in time are a double tap (milliseconds)...
pub const DOUBLE_TAP_MS: f64 = 300.0;
/// ...and this close on screen (CSS pixels).
pub const DOUBLE_TAP_PX: f64 = 30.0;

/// Whether a tap at `at` and time `time` (ms) makes a double tap with the one before.
pub fn is_double_tap(before: Option<(f64, (f64, f64))>, time: f64, at: (f64, f64)) -> bool {
    before.is_some_and(|(t, (x, y))| {
        time - t >= 0.0 && time - t < DOUBLE_TAP_MS && (at.0 - x).hypot(at.1 - y) < DOUBLE_TAP_PX
    })
}

/// Roving focus over `len` markers in reading order: where `key` moves it from `at`
/// (arrows to the next or the previous, Home and End to the ends); `None` for other keys.
pub fn roving_step(at: usize, len: usize, key: &str) -> Option<usize> {
    let last = len.checked_sub(1)?;
    Some(match key {
        "ArrowRight" | "ArrowDown" => (at + 1).min(last),
        "ArrowLeft" | "ArrowUp" => at.saturating_sub(1).min(last),
        "Home" => 0,
        "End" => last,
        _ => return None,
    })
}

/// The zoom factor of a wheel event: `delta_y` in pixels, negative away from the user (zoom
/// in). A trackpad pinch arrives as a wheel event with `pinch` (the Ctrl key) set and small
/// deltas, so it is scaled up to feel the same.
pub fn wheel_factor(delta_y: f64, pinch: bool) -> f64 {
    let per_pixel = if pinch { 1.0 / 60.0 } else { 1.0 / 240.0 };
    2f64.powf((-delta_y * per_pixel).clamp(-2.0, 2.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    const W: f64 = 1000.0;
    const H: f64 = 500.0;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-6
    }

    #[test]
    fn home_shows_the_whole_drawing() {
        let view = Camera::home(W, H).view();
        assert_eq!((view.x, view.y, view.width, view.height), (0.0, 0.0, W, H));
    }

    #[test]
    fn zooming_at_a_point_keeps_that_point_in_place() {
        let camera = Camera::home(W, H).zoomed(4.0);
        let screen = Screen {
            left: 10.0,
            top: 20.0,
            width: 800.0,
            height: 400.0,
        };
        let under = camera.to_drawing(&screen, 300.0, 150.0);
        let closer = camera.zoomed_at(2.0, under);
        assert!(close(closer.zoom, 8.0));
        let still = closer.to_drawing(&screen, 300.0, 150.0);
        assert!(
            close(under.0, still.0) && close(under.1, still.1),
            "{under:?} {still:?}"
        );
    }

    #[test]
    fn zoom_has_limits_and_the_view_stays_on_the_drawing() {
        let far = Camera::home(W, H).zoomed(0.1);
        assert_eq!(far.zoom, MIN_ZOOM);
        let near = Camera::home(W, H).zoomed(1e6);
        assert_eq!(near.zoom, MAX_ZOOM);
        let corner = Camera::home(W, H).zoomed(4.0).dragged(1e5, 1e5).view();
        assert!(close(corner.x, 0.0) && close(corner.y, 0.0), "{corner:?}");
        let nan = Camera {
            zoom: f64::NAN,
            x: f64::NAN,
            ..Camera::home(W, H)
        }
        .clamped();
        assert_eq!(nan, Camera::home(W, H));
    }

    #[test]
    fn a_drag_moves_the_drawing_with_the_pointer_and_arrows_look_further() {
        let camera = Camera::home(W, H).zoomed(4.0);
        let dragged = camera.dragged(10.0, -5.0);
        assert!(close(dragged.x, camera.x - 10.0) && close(dragged.y, camera.y + 5.0));
        let east = camera.stepped(1.0, 0.0);
        assert!(close(east.x - camera.x, PAN_STEP * W / 4.0));
        assert!(close(east.y, camera.y));
        // At the whole world there is nowhere to pan.
        assert_eq!(Camera::home(W, H).stepped(1.0, 1.0), Camera::home(W, H));
    }

    #[test]
    fn fitting_an_area_shows_all_of_it() {
        let area = ViewBox {
            x: 480.0,
            y: 90.0,
            width: 40.0,
            height: 10.0,
        };
        let camera = Camera::fitting(area, W, H);
        assert!(close(camera.zoom, 25.0));
        let view = camera.view();
        assert!(view.x <= 480.0 && view.x + view.width >= 520.0, "{view:?}");
        assert!(view.y <= 90.0 && view.y + view.height >= 100.0, "{view:?}");
        let tiny = ViewBox {
            width: 0.0,
            height: 0.0,
            ..area
        };
        assert_eq!(Camera::fitting(tiny, W, H).zoom, MAX_ZOOM);
    }

    #[test]
    fn splitting_a_cluster_zooms_at_least_a_step_onto_it() {
        let camera = Camera::home(W, H).zoomed(4.0);
        let wide = ViewBox {
            x: 100.0,
            y: 100.0,
            width: 400.0,
            height: 200.0,
        };
        let split = camera.splitting(wide);
        assert!(close(split.zoom, 8.0), "a step closer: {split:?}");
        assert!(
            close(split.x, 300.0) && close(split.y, 200.0),
            "centred: {split:?}"
        );
        let narrow = ViewBox {
            width: 10.0,
            height: 5.0,
            ..wide
        };
        assert!(close(camera.splitting(narrow).zoom, 64.0), "all the way");
    }

    /// A map of France, Germany and Russia (square shapes round their middles), and a city in
    /// each.
    fn three_countries() -> (WorldMap, [MapPlace; 3]) {
        let frame = Frame::world();
        let country = |code: &str, lon: f64, lat: f64, size: f64| {
            let (x, y) = frame.project(lon, lat);
            crate::geo::MapCountry {
                code: code.into(),
                name: code.into(),
                d: String::new(),
                bbox: [x - size / 2.0, y - size / 2.0, size, size],
            }
        };
        let map = WorldMap {
            width: frame.width,
            height: frame.height,
            attribution: String::new(),
            countries: vec![
                country("FR", 2.0, 46.0, 20.0),
                country("DE", 10.0, 51.0, 20.0),
                country("RU", 90.0, 60.0, 400.0),
            ],
        };
        let place = |id: &str, country: &str, lon: f64, lat: f64| MapPlace {
            id: id.into(),
            name: id.into(),
            country: country.into(),
            precision: crate::Precision::City,
            lat,
            lon,
            coops: vec![0],
        };
        let places = [
            place("paris", "FR", 2.35, 48.85),
            place("berlin", "DE", 13.4, 52.5),
            place("moscow", "RU", 37.6, 55.75),
        ];
        (map, places)
    }

    fn shows(view: ViewBox, place: &MapPlace) -> bool {
        let (x, y) = place.position(&Frame::world());
        x > view.x && x < view.x + view.width && y > view.y && y < view.y + view.height
    }

    #[test]
    fn a_locator_shows_the_coops_places_with_country_around_them() {
        let (map, places) = three_countries();
        let paris = locator_view(&map, &[&places[0]]).expect("placed");
        assert!(
            shows(paris, &places[0]) && !shows(paris, &places[2]),
            "{paris:?}"
        );
        assert!(paris.width >= LOCATOR_MIN_WIDTH, "{paris:?}");
        // The map's proportions: the drawing never stretches.
        assert!((paris.width / paris.height - map.width / map.height).abs() < 1e-9);
        let both = locator_view(&map, &[&places[0], &places[1]]).expect("placed");
        assert!(
            shows(both, &places[0]) && shows(both, &places[1]),
            "{both:?}"
        );
        // Only a country: its shape.
        let mut france = places[0].clone();
        france.precision = crate::Precision::Country;
        assert_eq!(locator_view(&map, &[&france]), Some(map.fit(&["FR"])));
        assert_eq!(locator_view(&map, &[]), None);
    }

    #[test]
    fn filters_point_the_camera_at_a_country_or_a_regions_places() {
        let (map, places) = three_countries();
        let world = home_for(&map, &places, None, None);
        assert_eq!(world, Camera::home(map.width, map.height));
        let france = home_for(&map, &places, Some("FR"), None);
        assert!(france.zoom > 5.0, "{france:?}");
        let europe: Vec<String> = ["FR", "DE", "RU"].map(String::from).to_vec();
        let by_places = home_for(&map, &places, None, Some(&europe));
        let by_shapes = Camera::fitting(map.fit(&["FR", "DE", "RU"]), map.width, map.height);
        assert!(
            by_places.zoom > by_shapes.zoom * 1.5,
            "{by_places:?} vs {by_shapes:?}"
        );
        for p in &places {
            assert!(shows(by_places.view(), p), "{p:?}");
        }
        // A region with one place or none falls back to its countries' shapes.
        let alone = home_for(&map, &places[..1], None, Some(&europe));
        assert_eq!(alone, by_shapes);
    }

    #[test]
    fn the_screen_maps_to_the_drawing_with_letterboxing() {
        let camera = Camera::home(W, H);
        // A screen taller than the drawing's aspect: the drawing is centred vertically.
        let screen = Screen {
            left: 0.0,
            top: 0.0,
            width: 500.0,
            height: 500.0,
        };
        assert!(close(camera.pixels_per_unit(&screen), 0.5));
        let (x, y) = camera.to_drawing(&screen, 250.0, 250.0);
        assert!(close(x, 500.0) && close(y, 250.0), "{x} {y}");
        let (_, top) = camera.to_drawing(&screen, 0.0, 125.0);
        assert!(close(top, 0.0), "{top}");
    }

    #[test]
    fn animation_reaches_its_target_evenly_in_scale() {
        let from = Camera::home(W, H);
        let to = Camera::home(W, H).zoomed(16.0);
        assert_eq!(from.towards(to, 0.0), from);
        assert_eq!(from.towards(to, 1.0), to);
        assert!(close(from.towards(to, 0.5).zoom, 4.0));
    }

    #[test]
    fn markers_recluster_at_steps_of_root_two() {
        let at = |zoom: f64| {
            Camera {
                zoom,
                ..Camera::home(W, H)
            }
            .cluster_level()
        };
        assert!(close(at(1.0), 1.0));
        assert!(close(at(1.1), 1.0));
        assert!(close(at(1.3), 1.0));
        assert!(close(at(1.5), 2f64.sqrt()));
        assert!(close(at(2f64.sqrt()), 2f64.sqrt()), "exactly at a step");
        assert!(close(at(2.1), 2.0));
        assert!(close(at(64.0), 64.0));
    }

    #[test]
    fn the_zoom_reads_as_a_short_number() {
        let label = |zoom: f64| {
            Camera {
                zoom,
                ..Camera::home(W, H)
            }
            .zoom_label()
        };
        assert_eq!(label(1.0), "1");
        assert_eq!(label(2.0), "2");
        assert_eq!(label(2.828427), "2.83");
        assert_eq!(label(2.5), "2.5");
    }

    #[test]
    fn keys_pan_zoom_and_go_home() {
        let home = Camera::home(W, H);
        let near = home.zoomed(4.0);
        assert_eq!(near.after_key("+", home).map(|c| c.zoom), Some(8.0));
        assert_eq!(near.after_key("−", home).map(|c| c.zoom), Some(2.0));
        assert_eq!(near.after_key("0", home), Some(home));
        assert!(near.after_key("ArrowLeft", home).unwrap().x < near.x);
        assert!(near.after_key("ArrowDown", home).unwrap().y > near.y);
        assert_eq!(near.after_key("a", home), None);
    }

    #[test]
    fn a_pinch_zooms_around_the_fingers_and_follows_them() {
        let screen = Screen {
            left: 0.0,
            top: 0.0,
            width: 1000.0,
            height: 500.0,
        };
        let start = Camera::home(W, H).zoomed(2.0);
        let anchor = start.to_drawing(&screen, 400.0, 200.0);
        let still = start.pinched(anchor, 2.0, (0.0, 0.0), &screen);
        assert!(close(still.zoom, 4.0));
        let kept = still.to_drawing(&screen, 400.0, 200.0);
        assert!(close(kept.0, anchor.0) && close(kept.1, anchor.1));
        // The fingers moved 40 px right: the drawing follows them.
        let moved = start.pinched(anchor, 2.0, (40.0, 0.0), &screen);
        let under = moved.to_drawing(&screen, 440.0, 200.0);
        assert!(close(under.0, anchor.0), "{under:?} {anchor:?}");
        assert_eq!(start.pinched(anchor, f64::NAN, (0.0, 0.0), &screen), start);
    }

    #[test]
    fn double_taps_are_quick_and_close() {
        let first = Some((1000.0, (100.0, 100.0)));
        assert!(is_double_tap(first, 1200.0, (110.0, 105.0)));
        assert!(!is_double_tap(first, 1400.0, (100.0, 100.0)), "too slow");
        assert!(!is_double_tap(first, 1100.0, (160.0, 100.0)), "too far");
        assert!(!is_double_tap(None, 1100.0, (100.0, 100.0)));
    }

    #[test]
    fn roving_focus_moves_within_the_markers() {
        assert_eq!(roving_step(0, 3, "ArrowRight"), Some(1));
        assert_eq!(roving_step(2, 3, "ArrowDown"), Some(2), "stays at the end");
        assert_eq!(roving_step(0, 3, "ArrowLeft"), Some(0));
        assert_eq!(roving_step(1, 3, "End"), Some(2));
        assert_eq!(roving_step(2, 3, "Home"), Some(0));
        assert_eq!(roving_step(0, 0, "ArrowRight"), None);
        assert_eq!(roving_step(0, 3, "Enter"), None);
    }

    #[test]
    fn easing_starts_quick_and_lands_gently() {
        assert_eq!(ease_out(0.0), 0.0);
        assert_eq!(ease_out(1.0), 1.0);
        assert!(ease_out(0.5) > 0.8);
        assert_eq!(ease_out(2.0), 1.0);
    }

    #[test]
    fn a_wheel_notch_zooms_by_a_step_and_a_pinch_as_much_for_less_movement() {
        assert!(close(wheel_factor(-240.0, false), 2.0));
        assert!(close(wheel_factor(240.0, false), 0.5));
        assert!(close(wheel_factor(-60.0, true), 2.0));
        assert!(
            close(wheel_factor(-1e9, false), 4.0),
            "one event zooms at most 4x"
        );
    }
}
