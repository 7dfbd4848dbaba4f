//! The map asset: country shapes from a TopoJSON file (Natural Earth via the `world-atlas`
//! npm package) projected, simplified and written as [`WorldMap`] (`public/data/world.json`).
//!
//! The steps:
//!
//! 1. [`Topology::parse`]: a small TopoJSON reader. Arcs are delta-encoded integer positions
//!    scaled by the topology's `transform` (or absolute positions without one); a ring lists
//!    arc indices, `~i` (a negative index) meaning arc `i` reversed. Malformed input is an
//!    error, never a panic.
//! 2. [`Topology::simplify`]: each arc is thinned once (Visvalingam–Whyatt, points making a
//!    triangle smaller than [`Thinning::min_triangle_area`] with their neighbours), so shared borders
//!    stay shared.
//! 3. [`build`]: each shape's ISO 3166-1 numeric `id` becomes its alpha-2 code, and its name
//!    is the dataset's ([`countries::name`]) so the map and the list agree ("United States").
//!    Rings that cross the antimeridian (Fiji, Chukotka) are unwrapped and cut at ±180° so no
//!    edge streaks across the map. Points are projected with Equal Earth into a drawing
//!    [`WIDTH`] wide, rounded to 0.1 unit, consecutive duplicates dropped, and rings smaller
//!    than [`Thinning::min_ring_area`] dropped (never a country's largest).
//! 4. [`to_json`]: compact JSON with a final newline (it is an asset, not a diff-friendly file).
//!
//! Left out: Antarctica (a band along the whole bottom of the map, with no co-ops), and shapes
//! with no ISO code except Kosovo, drawn as `XK` (see [`UNCODED`]); N. Cyprus and Somaliland
//! have no code, so they are not in the asset.

use std::collections::BTreeMap;
use std::fmt;

pub use coops_core::geo::{Frame, MARGIN, WIDTH};
use coops_core::geo::{MapCountry, WorldMap, attribution};
use coops_core::svg_path::path_data;
use serde::Deserialize;
use serde_json::Value;

use crate::countries;

/// How far a map is thinned: for the world view ([`WORLD`]) or for close up ([`CLOSE_UP`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Thinning {
    /// Points of an arc that make a smaller triangle with their neighbours (square drawing
    /// units) are dropped; see [`Topology::simplify`].
    pub min_triangle_area: f64,
    /// Rings with a smaller area (square drawing units) are dropped, unless they are the
    /// country's largest. One square unit is about 1,200 km².
    pub min_ring_area: f64,
}

/// The world view's map (`world.json`, from the 1:110m shapes).
pub const WORLD: Thinning = Thinning {
    min_triangle_area: 0.3,
    min_ring_area: 0.5,
};

/// The map drawn once the camera is close ([`coops_core::camera::CLOSE_UP_ZOOM`] and more;
/// `world-close.json`, from the 1:50m shapes): thinned 16 times less, which at four times the
/// world view's zoom looks as the world view does at its own.
pub const CLOSE_UP: Thinning = Thinning {
    min_triangle_area: 0.3 / 16.0,
    min_ring_area: 0.5 / 16.0,
};
/// The object of the topology that holds the countries.
pub const OBJECT: &str = "countries";

/// Codes left out of the asset on purpose, with the reason.
pub const LEFT_OUT: &[(&str, &str)] = &[(
    "AQ",
    "Antarctica is left out: a band along the whole bottom of the map, with no co-ops",
)];

/// Shapes with no ISO 3166-1 code that are drawn anyway, by their name in the source: (source
/// name, code, display name). `XK` is the user-assigned code commonly used for Kosovo;
/// without it the Balkans would have a hole.
pub const UNCODED: &[(&str, &str, &str)] = &[("Kosovo", "XK", "Kosovo")];

/// A longitude, latitude pair in degrees.
pub type Point = [f64; 2];
/// A closed ring of points (the last may repeat the first).
pub type Ring = Vec<Point>;
/// A polygon: its outer ring, then its holes.
pub type Polygon = Vec<Ring>;

/// One geometry of the topology's object, decoded into rings.
#[derive(Debug, Clone, PartialEq)]
pub struct Shape {
    /// The geometry's `id` as written (a number is written in decimal), if any.
    pub id: Option<String>,
    /// `properties.name`, if any.
    pub name: Option<String>,
    /// Its polygons (a Polygon has one, a MultiPolygon any number).
    pub polygons: Vec<Polygon>,
}

/// Why the input could not be read as a TopoJSON topology of countries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MapError {
    /// Not JSON, or JSON of the wrong shape.
    Json(String),
    /// JSON, but not a usable topology.
    Topology(String),
}

impl fmt::Display for MapError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MapError::Json(e) => write!(f, "not a TopoJSON file: {e}"),
            MapError::Topology(e) => write!(f, "not a usable TopoJSON topology: {e}"),
        }
    }
}

impl std::error::Error for MapError {}

fn bad(reason: impl Into<String>) -> MapError {
    MapError::Topology(reason.into())
}

#[derive(Deserialize)]
struct RawTopology {
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    transform: Option<Transform>,
    arcs: Vec<Vec<Vec<f64>>>,
    objects: BTreeMap<String, RawGeometry>,
}

#[derive(Deserialize, Clone, Copy)]
struct Transform {
    scale: [f64; 2],
    translate: [f64; 2],
}

#[derive(Deserialize)]
struct RawGeometry {
    #[serde(rename = "type", default)]
    kind: Option<String>,
    #[serde(default)]
    id: Option<Value>,
    #[serde(default)]
    properties: Option<serde_json::Map<String, Value>>,
    #[serde(default)]
    arcs: Option<Value>,
    #[serde(default)]
    geometries: Option<Vec<RawGeometry>>,
}

/// A decoded topology: its arcs as absolute points, and its objects, not yet stitched.
pub struct Topology {
    /// The arcs, as longitude, latitude points.
    pub arcs: Vec<Ring>,
    objects: BTreeMap<String, RawGeometry>,
}

impl Topology {
    /// Reads a TopoJSON topology and decodes its arcs.
    pub fn parse(json: &str) -> Result<Topology, MapError> {
        let topology: RawTopology =
            serde_json::from_str(json).map_err(|e| MapError::Json(e.to_string()))?;
        if topology.kind != "Topology" {
            return Err(bad(format!(
                "its type is {:?}, not \"Topology\"",
                topology.kind
            )));
        }
        Ok(Topology {
            arcs: decode_arcs(&topology.arcs, topology.transform)?,
            objects: topology.objects,
        })
    }

    /// Simplifies every arc in place (Visvalingam–Whyatt, measured in the drawing): interior
    /// points whose triangle with their neighbours is smaller than `min_area` square units are
    /// removed, smallest first. Arcs are simplified once, before they are joined into rings,
    /// so borders shared by two countries stay identical and no gap opens between them; the
    /// ends of each arc, where borders meet, are kept.
    pub fn simplify(&mut self, frame: &Frame, min_area: f64) {
        for arc in &mut self.arcs {
            simplify_arc(arc, frame, min_area);
        }
    }

    /// The geometries of the object `object` (for world-atlas, [`OBJECT`]) as shapes.
    /// Geometries other than polygons (points, lines, null) come out with no polygons; a
    /// nested GeometryCollection comes out as one shape with all its members' polygons.
    pub fn shapes(&self, object: &str) -> Result<Vec<Shape>, MapError> {
        let Some(root) = self.objects.get(object) else {
            let names: Vec<&str> = self.objects.keys().map(String::as_str).collect();
            return Err(bad(format!(
                "it has no object {object:?} (objects: {})",
                names.join(", ")
            )));
        };
        match (&root.kind, &root.geometries) {
            (Some(kind), Some(members)) if kind == "GeometryCollection" => members
                .iter()
                .map(|g| shape(g, &self.arcs))
                .collect::<Result<Vec<_>, _>>(),
            _ => Ok(vec![shape(root, &self.arcs)?]),
        }
    }
}

/// Decodes the geometries of the topology's object `object`, unsimplified: [`Topology::parse`]
/// then [`Topology::shapes`].
pub fn decode(json: &str, object: &str) -> Result<Vec<Shape>, MapError> {
    Topology::parse(json)?.shapes(object)
}

/// Visvalingam–Whyatt on one arc; see [`Topology::simplify`]. Quadratic, which is nothing for
/// the few hundred points of the longest arc.
fn simplify_arc(arc: &mut Ring, frame: &Frame, min_area: f64) {
    let mut projected: Vec<(f64, f64)> = arc.iter().map(|p| frame.project(p[0], p[1])).collect();
    let triangle = |a: (f64, f64), b: (f64, f64), c: (f64, f64)| {
        ((b.0 - a.0) * (c.1 - a.1) - (c.0 - a.0) * (b.1 - a.1)).abs() / 2.0
    };
    // A closed arc (a whole island) keeps a triangle, so it cannot collapse to a line.
    let keep = if arc.len() > 3 && arc.first() == arc.last() {
        4
    } else {
        2
    };
    while projected.len() > keep {
        let smallest = (1..projected.len() - 1)
            .map(|i| {
                (
                    i,
                    triangle(projected[i - 1], projected[i], projected[i + 1]),
                )
            })
            .min_by(|a, b| a.1.total_cmp(&b.1));
        match smallest {
            Some((i, area)) if area < min_area => {
                projected.remove(i);
                arc.remove(i);
            }
            _ => break,
        }
    }
}

/// The arcs as absolute longitude, latitude points.
fn decode_arcs(raw: &[Vec<Vec<f64>>], transform: Option<Transform>) -> Result<Vec<Ring>, MapError> {
    if let Some(t) = transform
        && !t.scale.iter().chain(&t.translate).all(|v| v.is_finite())
    {
        return Err(bad("its transform is not finite"));
    }
    raw.iter()
        .enumerate()
        .map(|(i, arc)| {
            if arc.is_empty() {
                return Err(bad(format!("arc {i} has no positions")));
            }
            let (mut x, mut y) = (0.0, 0.0);
            arc.iter()
                .map(|position| {
                    let [px, py, ..] = position[..] else {
                        return Err(bad(format!(
                            "arc {i} has a position with fewer than two numbers"
                        )));
                    };
                    Ok(match transform {
                        Some(t) => {
                            x += px;
                            y += py;
                            [
                                x * t.scale[0] + t.translate[0],
                                y * t.scale[1] + t.translate[1],
                            ]
                        }
                        None => [px, py],
                    })
                })
                .collect()
        })
        .collect()
}

fn shape(geometry: &RawGeometry, arcs: &[Ring]) -> Result<Shape, MapError> {
    let id = match &geometry.id {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.clone()),
        Some(Value::Number(n)) => Some(n.to_string()),
        Some(other) => return Err(bad(format!("a geometry's id is {other}"))),
    };
    let name = geometry
        .properties
        .as_ref()
        .and_then(|p| p.get("name"))
        .and_then(Value::as_str)
        .map(str::to_string);
    let label = || {
        id.clone()
            .or_else(|| name.clone())
            .unwrap_or_else(|| "(no id)".to_string())
    };
    let polygons =
        polygons(geometry, arcs).map_err(|e| bad(format!("geometry {}: {e}", label())))?;
    Ok(Shape { id, name, polygons })
}

fn polygons(geometry: &RawGeometry, arcs: &[Ring]) -> Result<Vec<Polygon>, String> {
    let indices = |shape: &str| -> Result<Value, String> {
        geometry
            .arcs
            .clone()
            .ok_or_else(|| format!("a {shape} without arcs"))
    };
    match geometry.kind.as_deref() {
        Some("Polygon") => {
            let rings: Vec<Vec<i64>> = serde_json::from_value(indices("Polygon")?)
                .map_err(|e| format!("its arcs are not a list of rings: {e}"))?;
            Ok(vec![polygon(&rings, arcs)?])
        }
        Some("MultiPolygon") => {
            let polys: Vec<Vec<Vec<i64>>> = serde_json::from_value(indices("MultiPolygon")?)
                .map_err(|e| format!("its arcs are not a list of polygons: {e}"))?;
            polys.iter().map(|rings| polygon(rings, arcs)).collect()
        }
        Some("GeometryCollection") => {
            let mut all = Vec::new();
            for member in geometry.geometries.iter().flatten() {
                all.extend(polygons(member, arcs)?);
            }
            Ok(all)
        }
        Some("Point" | "MultiPoint" | "LineString" | "MultiLineString") | None => Ok(Vec::new()),
        Some(other) => Err(format!("unknown geometry type {other:?}")),
    }
}

fn polygon(rings: &[Vec<i64>], arcs: &[Ring]) -> Result<Polygon, String> {
    rings.iter().map(|ring| stitch(ring, arcs)).collect()
}

/// Joins the arcs of a ring; each arc after the first starts where the previous one ended, so
/// its first point is not repeated.
fn stitch(indices: &[i64], arcs: &[Ring]) -> Result<Ring, String> {
    let mut ring: Ring = Vec::new();
    for &index in indices {
        let (i, reversed) = if index < 0 {
            (!index, true)
        } else {
            (index, false)
        };
        let arc = usize::try_from(i)
            .ok()
            .and_then(|i| arcs.get(i))
            .ok_or_else(|| format!("arc index {index} is out of range (0..{})", arcs.len()))?;
        let skip = usize::from(!ring.is_empty());
        if reversed {
            ring.extend(arc.iter().rev().skip(skip));
        } else {
            ring.extend(arc.iter().skip(skip));
        }
    }
    Ok(ring)
}

/// [`Frame::project`] rounded to tenths of a unit, as integers.
fn tenths(frame: &Frame, [lon, lat]: Point) -> [i64; 2] {
    let (x, y) = frame.project(lon, lat);
    // The values are bounded by the frame (a few thousand tenths), so the casts are exact.
    [(x * 10.0).round() as i64, (y * 10.0).round() as i64]
}

/// The longitudes of `ring` made continuous (no jump of more than 180° between neighbours),
/// then the ring cut at ±180°: one ring when it does not cross the antimeridian, a piece on
/// each side when it does. Rings around a pole (only Antarctica's) are not handled.
pub fn split_at_antimeridian(ring: &[Point]) -> Vec<Ring> {
    let mut unwrapped: Ring = Vec::with_capacity(ring.len());
    let mut offset = 0.0;
    for &[lon, lat] in ring {
        if let Some(&[prev, _]) = unwrapped.last() {
            let step = lon + offset - prev;
            if step > 180.0 {
                offset -= 360.0;
            } else if step < -180.0 {
                offset += 360.0;
            }
        }
        unwrapped.push([lon + offset, lat]);
    }
    let min = unwrapped.iter().map(|p| p[0]).fold(f64::INFINITY, f64::min);
    let max = unwrapped
        .iter()
        .map(|p| p[0])
        .fold(f64::NEG_INFINITY, f64::max);
    if unwrapped.is_empty() || (min >= -180.0 && max <= 180.0) {
        return vec![unwrapped];
    }
    // Shift by whole turns so each part lands in [-180, 180]; two turns each way cover any
    // ring of the source, and bound the work for garbage input.
    let mut pieces = Vec::new();
    for turns in -2..=2 {
        let shift = f64::from(turns) * 360.0;
        if max + shift <= -180.0 || min + shift >= 180.0 {
            continue;
        }
        let shifted: Ring = unwrapped.iter().map(|p| [p[0] + shift, p[1]]).collect();
        let clipped = clip(&clip(&shifted, 180.0, true), -180.0, false);
        if clipped.len() >= 3 {
            pieces.push(clipped);
        }
    }
    pieces
}

/// Sutherland–Hodgman clipping of a ring to the half-plane `lon <= edge` (`below`) or
/// `lon >= edge`.
fn clip(ring: &[Point], edge: f64, below: bool) -> Ring {
    let inside = |p: Point| if below { p[0] <= edge } else { p[0] >= edge };
    let cross = |a: Point, b: Point| {
        // a and b are on opposite sides, so b[0] != a[0].
        let t = (edge - a[0]) / (b[0] - a[0]);
        [edge, a[1] + t * (b[1] - a[1])]
    };
    let mut out = Vec::with_capacity(ring.len() + 2);
    for (i, &cur) in ring.iter().enumerate() {
        let prev = ring[(i + ring.len() - 1) % ring.len()];
        match (inside(prev), inside(cur)) {
            (true, true) => out.push(cur),
            (false, true) => {
                out.push(cross(prev, cur));
                out.push(cur);
            }
            (true, false) => out.push(cross(prev, cur)),
            (false, false) => {}
        }
    }
    out
}

/// A ring in tenths of a drawing unit, without the closing repeat of its first point.
type Tenths = Vec<[i64; 2]>;

/// Twice the signed area of a ring in tenths (positive when clockwise on screen, y down).
fn double_area(ring: &[[i64; 2]]) -> i64 {
    let n = ring.len();
    (0..n)
        .map(|i| {
            let (a, b) = (ring[i], ring[(i + 1) % n]);
            a[0] * b[1] - b[0] * a[1]
        })
        .sum()
}

/// Area in square drawing units.
fn area(ring: &[[i64; 2]]) -> f64 {
    double_area(ring).unsigned_abs() as f64 / 200.0
}

/// Projects and rounds a ring, dropping consecutive duplicates and the closing point.
fn project_ring(frame: &Frame, ring: &[Point]) -> Tenths {
    let mut out: Tenths = Vec::with_capacity(ring.len());
    for &p in ring {
        let q = tenths(frame, p);
        if out.last() != Some(&q) {
            out.push(q);
        }
    }
    while out.len() > 1 && out.last() == out.first() {
        out.pop();
    }
    out
}

/// A projected ring and whether it is a hole.
type ProjectedRing = (bool, Tenths);

/// The projected rings of a shape: (is a hole, ring), outer rings clockwise on screen and holes
/// anticlockwise, so any SVG fill rule draws the holes.
fn project_shape(frame: &Frame, shape: &Shape) -> Vec<ProjectedRing> {
    let mut rings = Vec::new();
    for polygon in &shape.polygons {
        for (i, ring) in polygon.iter().enumerate() {
            let hole = i > 0;
            for piece in split_at_antimeridian(ring) {
                let mut projected = project_ring(frame, &piece);
                if projected.len() < 3 || double_area(&projected) == 0 {
                    continue;
                }
                if (double_area(&projected) > 0) == hole {
                    projected.reverse();
                }
                rings.push((hole, projected));
            }
        }
    }
    rings
}

/// The map and what was left out of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Built {
    /// The asset.
    pub map: WorldMap,
    /// Shapes left out or renamed, and rings dropped, in words, for the summary.
    pub notes: Vec<String>,
}

/// The alpha-2 code and display name of a shape, or why it has none.
fn identify(shape: &Shape) -> Result<(&'static str, String), String> {
    let label = shape.name.as_deref().unwrap_or("a shape");
    let Some(id) = shape.id.as_deref() else {
        return UNCODED
            .iter()
            .find(|(source, _, _)| Some(*source) == shape.name.as_deref())
            .map(|(_, code, name)| (*code, (*name).to_string()))
            .ok_or_else(|| format!("{label}: no ISO code in the source, left out"));
    };
    let code = id
        .parse::<u16>()
        .ok()
        .and_then(countries::by_numeric)
        .ok_or_else(|| format!("{label}: id {id:?} is not an ISO 3166-1 numeric code, left out"))?;
    let name = countries::name(code)
        .or_else(|| shape.name.clone())
        .unwrap_or_else(|| code.to_string());
    Ok((code, name))
}

/// Builds the map from decoded shapes. Shapes with the same code are merged.
pub fn build(shapes: &[Shape], thinning: Thinning) -> Built {
    let frame = Frame::world();
    let mut notes = Vec::new();
    // Code → (name, projected rings).
    let mut by_code: BTreeMap<&'static str, (String, Vec<ProjectedRing>)> = BTreeMap::new();
    for shape in shapes {
        let (code, name) = match identify(shape) {
            Ok(found) => found,
            Err(note) => {
                notes.push(note);
                continue;
            }
        };
        if let Some((_, why)) = LEFT_OUT.iter().find(|(c, _)| *c == code) {
            notes.push(format!("{code}: {why}"));
            continue;
        }
        let entry = by_code.entry(code).or_insert_with(|| (name, Vec::new()));
        entry.1.extend(project_shape(&frame, shape));
    }
    let mut countries = Vec::new();
    let mut dropped = 0;
    for (code, (name, rings)) in by_code {
        // The main landmass: the largest outer ring.
        let Some(main) = rings
            .iter()
            .enumerate()
            .filter(|(_, (hole, _))| !hole)
            .max_by_key(|(_, (_, r))| double_area(r).unsigned_abs())
            .map(|(i, _)| i)
        else {
            notes.push(format!(
                "{code} ({name}): no shape left after simplifying, left out"
            ));
            continue;
        };
        let kept: Vec<Tenths> = rings
            .iter()
            .enumerate()
            .filter(|(i, (_, r))| *i == main || area(r) >= thinning.min_ring_area)
            .map(|(_, (_, r))| r.clone())
            .collect();
        dropped += rings.len() - kept.len();
        let ring = &rings[main].1;
        let min_x = ring.iter().map(|p| p[0]).min().unwrap_or(0);
        let max_x = ring.iter().map(|p| p[0]).max().unwrap_or(0);
        let min_y = ring.iter().map(|p| p[1]).min().unwrap_or(0);
        let max_y = ring.iter().map(|p| p[1]).max().unwrap_or(0);
        let tenths = |v: i64| v as f64 / 10.0;
        countries.push(MapCountry {
            code: code.to_string(),
            name,
            d: path_data(&kept),
            bbox: [
                tenths(min_x),
                tenths(min_y),
                tenths(max_x - min_x),
                tenths(max_y - min_y),
            ],
        });
    }
    if dropped > 0 {
        notes.push(format!(
            "{dropped} ring(s) smaller than {} square units dropped",
            thinning.min_ring_area
        ));
    }
    Built {
        map: WorldMap {
            width: frame.width,
            height: frame.height,
            attribution: attribution().to_string(),
            countries,
        },
        notes,
    }
}

/// Reads a TopoJSON file, simplifies its arcs as `thinning` says, and [`build`]s the map from
/// its [`OBJECT`].
pub fn build_from_topojson(json: &str, thinning: Thinning) -> Result<Built, MapError> {
    let mut topology = Topology::parse(json)?;
    topology.simplify(&Frame::world(), thinning.min_triangle_area);
    Ok(build(&topology.shapes(OBJECT)?, thinning))
}

/// The asset as written to `world.json`: compact, with a final newline.
pub fn to_json(map: &WorldMap) -> Result<String, serde_json::Error> {
    let mut json = serde_json::to_string(map)?;
    json.push('\n');
    Ok(json)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_frame_holds_the_whole_world() {
        let frame = Frame::world();
        assert_eq!(frame.width, 1000.0);
        assert!((480.0..=495.0).contains(&frame.height), "{}", frame.height);
        for (lon, lat) in [(-180.0, 0.0), (180.0, 0.0), (0.0, 90.0), (0.0, -90.0)] {
            let (x, y) = frame.project(lon, lat);
            assert!((0.0..=frame.width).contains(&x) && (0.0..=frame.height).contains(&y));
            assert!(x >= MARGIN - 0.01 && x <= frame.width - MARGIN + 0.01);
        }
        let (x, y) = frame.project(0.0, 0.0);
        assert!((x - 500.0).abs() < 1e-9 && (y - frame.height / 2.0).abs() < 1e-9);
        assert!(frame.project(0.0, 60.0).1 < y, "north is up");
    }

    #[test]
    fn rings_across_the_antimeridian_are_cut_in_two() {
        let ring = vec![
            [178.0, -17.0],
            [-178.0, -17.0],
            [-178.0, -16.0],
            [178.0, -16.0],
            [178.0, -17.0],
        ];
        let pieces = split_at_antimeridian(&ring);
        assert_eq!(pieces.len(), 2, "{pieces:?}");
        for piece in &pieces {
            let (min, max) = piece
                .iter()
                .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), p| {
                    (a.min(p[0]), b.max(p[0]))
                });
            assert!(max - min <= 2.0 + 1e-9, "{piece:?}");
            assert!((-180.0..=180.0).contains(&min) && (-180.0..=180.0).contains(&max));
        }
        let plain = vec![[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 0.0]];
        assert_eq!(split_at_antimeridian(&plain), vec![plain.clone()]);
        // A ring that only touches -180 is moved to +180 next to its neighbours, not cut.
        let touching = vec![[179.0, 0.0], [-180.0, 0.0], [-180.0, 1.0], [179.0, 0.0]];
        assert_eq!(split_at_antimeridian(&touching).len(), 1);
    }

    #[test]
    fn stitching_skips_the_shared_point_and_reverses() {
        let arcs = vec![
            vec![[0.0, 0.0], [1.0, 0.0]],
            vec![[0.0, 0.0], [0.0, 1.0], [1.0, 0.0]],
        ];
        let ring = stitch(&[0, -2], &arcs).expect("stitches");
        assert_eq!(ring, vec![[0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [0.0, 0.0]]);
        assert!(stitch(&[2], &arcs).is_err());
        assert!(stitch(&[-3], &arcs).is_err());
        assert!(stitch(&[i64::MIN], &arcs).is_err());
    }
}
