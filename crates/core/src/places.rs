//! The places of the map: every distinct place the co-ops are at, with the co-ops there,
//! projected into the map's drawing; and the clusters its markers merge into where they would
//! overlap at a zoom.
//!
//! Pure and Leptos-free: the map component only draws what [`map_places`] and [`cluster`]
//! return, and the directory filters by a [`MapPlace::id`] (`?place=lyon-fr`, see
//! [`crate::search::Index::place`]).

use std::collections::HashMap;

use crate::geo::{Frame, ViewBox};
use crate::text::slugify;
use crate::{Coop, Directory, Precision};

/// A place on the map and the co-ops there.
#[derive(Debug, Clone, PartialEq)]
pub struct MapPlace {
    /// Stable id for URLs: the name's slug and the country ("lyon-fr", "france-fr"); a second
    /// place of the same name in the same country gets "-2", in the dataset's order.
    pub id: String,
    /// The name as the list first writes it.
    pub name: String,
    /// ISO 3166-1 alpha-2 code.
    pub country: String,
    /// How exactly it is placed.
    pub precision: Precision,
    /// Latitude, degrees.
    pub lat: f64,
    /// Longitude, degrees.
    pub lon: f64,
    /// Indices of the co-ops there, in the slice given to [`map_places`], ascending.
    pub coops: Vec<u32>,
}

/// How a place is named to a reader: "Lyon, France"; a country alone by its name.
pub fn place_label(
    directory: &Directory,
    name: &str,
    country: &str,
    precision: Precision,
) -> String {
    let country = directory.country_name(country);
    if precision == Precision::Country || name == country {
        country
    } else {
        format!("{name}, {country}")
    }
}

impl MapPlace {
    /// How the place is named to a reader: "Lyon, France"; a country alone by its name.
    pub fn label(&self, directory: &Directory) -> String {
        place_label(directory, &self.name, &self.country, self.precision)
    }

    /// Where it is in the map's drawing.
    pub fn position(&self, frame: &Frame) -> (f64, f64) {
        frame.project(self.lon, self.lat)
    }
}

/// Every distinct place of `coops`, in the order they first appear. Two rows naming the same
/// city ("Montreal", "Montréal") share its coordinates and so one place.
pub fn map_places(coops: &[Coop]) -> Vec<MapPlace> {
    let mut places: Vec<MapPlace> = Vec::new();
    // (country, precision, lat bits, lon bits) → index in `places`.
    let mut by_position: HashMap<(&str, Precision, u64, u64), usize> = HashMap::new();
    let mut ids: HashMap<String, usize> = HashMap::new();
    for (i, coop) in (0u32..).zip(coops) {
        for place in &coop.location.places {
            let key = (
                place.country.as_str(),
                place.precision,
                place.lat.to_bits(),
                place.lon.to_bits(),
            );
            let index = *by_position.entry(key).or_insert_with(|| {
                let base = format!(
                    "{}-{}",
                    slugify(&place.name),
                    place.country.to_ascii_lowercase()
                );
                let seen = ids.entry(base.clone()).or_insert(0);
                *seen += 1;
                let id = if *seen == 1 {
                    base
                } else {
                    format!("{base}-{seen}")
                };
                places.push(MapPlace {
                    id,
                    name: place.name.clone(),
                    country: place.country.clone(),
                    precision: place.precision,
                    lat: place.lat,
                    lon: place.lon,
                    coops: Vec::new(),
                });
                places.len() - 1
            });
            let coops_there = &mut places[index].coops;
            if coops_there.last() != Some(&i) {
                coops_there.push(i);
            }
        }
    }
    places
}

/// Markers merged where they would overlap: the places in it (indices into the slice given to
/// [`cluster`]), the co-ops in them, and where to draw it.
#[derive(Debug, Clone, PartialEq)]
pub struct Cluster {
    /// Indices of the places in it, ascending.
    pub places: Vec<usize>,
    /// The distinct co-ops in those places, ascending.
    pub coops: Vec<u32>,
    /// Where to draw it: the centre of its places, weighted by their co-ops.
    pub x: f64,
    /// Likewise, y.
    pub y: f64,
}

/// Merges the places closer than `radius` in `frame`'s drawing (in drawing units: a marker's
/// size divided by the zoom) into clusters. Greedy and deterministic: the place with the most
/// co-ops (then the first) takes every unclaimed place within `radius` of it, and so on. A grid
/// of `radius` cells keeps it linear in the number of places.
pub fn cluster(places: &[MapPlace], frame: &Frame, radius: f64) -> Vec<Cluster> {
    Projected::new(places, frame).cluster(places, radius)
}

/// The matching places as clustering needs them at every zoom step: projected, and in the
/// order they seed clusters. Worked out once per change of the filters, so a step of the zoom
/// only clusters (it must fit in one frame).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Projected {
    /// Where each place is in the drawing.
    at: Vec<(f64, f64)>,
    /// The places by co-ops, most first, then in their order.
    seeds: Vec<usize>,
    /// How many co-ops the places name, for the co-ops of a cluster without sorting them twice.
    coops: usize,
}

impl Projected {
    /// `places` projected into `frame`'s drawing.
    pub fn new(places: &[MapPlace], frame: &Frame) -> Self {
        let mut seeds: Vec<usize> = (0..places.len()).collect();
        seeds.sort_by_key(|&i| (std::cmp::Reverse(places[i].coops.len()), i));
        let coops = places
            .iter()
            .flat_map(|p| p.coops.last())
            .max()
            .map_or(0, |&last| last as usize + 1);
        Projected {
            at: places.iter().map(|p| p.position(frame)).collect(),
            seeds,
            coops,
        }
    }

    /// The clusters of the places (the same as given to [`Projected::new`]) at `radius`.
    pub fn cluster(&self, places: &[MapPlace], radius: f64) -> Vec<Cluster> {
        let at = &self.at;
        let radius = radius.max(f64::MIN_POSITIVE);
        let reach = radius * radius;
        let cell = |(x, y): (f64, f64)| ((x / radius).floor() as i64, (y / radius).floor() as i64);
        let mut grid: HashMap<(i64, i64), Vec<usize>, CellHash> =
            HashMap::with_capacity_and_hasher(at.len(), CellHash);
        for (i, &p) in at.iter().enumerate() {
            grid.entry(cell(p)).or_default().push(i);
        }
        let mut claimed = vec![false; at.len()];
        // The cluster each co-op was last counted in: a co-op at several places of one
        // cluster is counted once, without sorting every cluster's co-ops to drop repeats.
        let mut counted_in = vec![usize::MAX; self.coops];
        let mut clusters = Vec::new();
        for &seed in &self.seeds {
            if claimed[seed] {
                continue;
            }
            let (sx, sy) = at[seed];
            let (cx, cy) = cell(at[seed]);
            let mut members = Vec::new();
            for gx in cx - 1..=cx + 1 {
                for gy in cy - 1..=cy + 1 {
                    // Claimed places leave the grid, so each is looked at by a few seeds only,
                    // not by every seed near a crowded cell (Europe at the world view).
                    let Some(waiting) = grid.get_mut(&(gx, gy)) else {
                        continue;
                    };
                    waiting.retain(|&j| {
                        let (dx, dy) = (at[j].0 - sx, at[j].1 - sy);
                        let near = dx * dx + dy * dy <= reach;
                        if near {
                            claimed[j] = true;
                            members.push(j);
                        }
                        !near
                    });
                }
            }
            members.sort_unstable();
            let id = clusters.len();
            let mut coops = Vec::new();
            let (mut weight, mut x, mut y) = (0.0, 0.0, 0.0);
            for &j in &members {
                let here = &places[j].coops;
                for &coop in here {
                    let slot = &mut counted_in[coop as usize];
                    if *slot != id {
                        *slot = id;
                        coops.push(coop);
                    }
                }
                let w = here.len() as f64;
                weight += w;
                x += at[j].0 * w;
                y += at[j].1 * w;
            }
            if members.len() > 1 {
                coops.sort_unstable();
            }
            clusters.push(Cluster {
                x: x / weight,
                y: y / weight,
                places: members,
                coops,
            });
        }
        clusters
    }
}

/// The grid's hasher: a cell is two small integers, so one multiply mixes them well enough,
/// at a fraction of the default hasher's cost (a zoom step re-clusters within a frame).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct CellHash;

impl std::hash::BuildHasher for CellHash {
    type Hasher = CellHasher;
    fn build_hasher(&self) -> CellHasher {
        CellHasher(0)
    }
}

/// See [`CellHash`].
#[derive(Debug)]
struct CellHasher(u64);

impl std::hash::Hasher for CellHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }
    fn write_i64(&mut self, n: i64) {
        // FxHash's step: rotate, mix in, multiply by an odd constant.
        self.0 = (self.0.rotate_left(5) ^ n as u64).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn write_u64(&mut self, n: u64) {
        self.write_i64(n as i64);
    }
}

/// The places with only the co-ops in `matches` (positions of co-ops among `coops` in all);
/// places left with none are left out, so the map shows what the list shows.
pub fn matching(places: &[MapPlace], matches: &[u32], coops: usize) -> Vec<MapPlace> {
    let mut matched = vec![false; coops];
    for &i in matches {
        if let Some(flag) = matched.get_mut(i as usize) {
            *flag = true;
        }
    }
    matching_mask(places, &matched)
}

/// [`matching`] with a flag per co-op: `matched[i]` says whether `coops[i]` matches.
pub fn matching_mask(places: &[MapPlace], matched: &[bool]) -> Vec<MapPlace> {
    places
        .iter()
        .filter_map(|place| {
            let coops: Vec<u32> = place
                .coops
                .iter()
                .copied()
                .filter(|&i| matched.get(i as usize).copied().unwrap_or(false))
                .collect();
            (!coops.is_empty()).then(|| MapPlace {
                coops,
                ..place.clone()
            })
        })
        .collect()
}

impl Cluster {
    /// A key that names the cluster by what it holds (its places' ids and its co-ops), for
    /// keyed rendering: a pan keeps it; a filter or zoom that changes what is in it changes it.
    /// Readable at the front (the first place and the counts), exact in the hash at the end.
    pub fn key(&self, places: &[MapPlace]) -> String {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::hash::DefaultHasher::new();
        for &i in &self.places {
            places[i].id.hash(&mut hasher);
        }
        self.coops.hash(&mut hasher);
        let lead = self.places.first().map_or("", |&i| places[i].id.as_str());
        format!(
            "{lead}+{}:{}:{:x}",
            self.places.len(),
            self.coops.len(),
            hasher.finish() & 0xffff_ffff
        )
    }

    /// The places in it, the cities first, each kind by number of co-ops (most first, then in
    /// the dataset's order): a cluster is named by its biggest city, not by a country.
    pub fn places_by_size<'a>(&self, places: &'a [MapPlace]) -> Vec<&'a MapPlace> {
        let mut members: Vec<&MapPlace> = self.places.iter().map(|&i| &places[i]).collect();
        members.sort_by_key(|p| {
            (
                p.precision == Precision::Country,
                std::cmp::Reverse(p.coops.len()),
            )
        });
        members
    }

    /// True when every place in it is a country given without a city.
    pub fn is_country_only(&self, places: &[MapPlace]) -> bool {
        self.places
            .iter()
            .all(|&i| places[i].precision == Precision::Country)
    }
}

/// The smallest area of the drawing that holds every place of `places`; `None` for none.
pub fn bounds(places: &[MapPlace], frame: &Frame) -> Option<ViewBox> {
    let mut at = places.iter().map(|p| p.position(frame));
    let first = at.next()?;
    let (x0, y0, x1, y1) = at.fold((first.0, first.1, first.0, first.1), |b, (x, y)| {
        (b.0.min(x), b.1.min(y), b.2.max(x), b.3.max(y))
    });
    Some(ViewBox {
        x: x0,
        y: y0,
        width: x1 - x0,
        height: y1 - y0,
    })
}

/// The clusters whose markers are at least partly inside `view` (`margin` drawing units
/// around it count), as indices into `clusters`, in reading order: rows `row` units high from
/// the top, left to right in each. Only these are drawn, so the markers in the page stay few
/// whatever the dataset's size.
pub fn in_view(clusters: &[Cluster], view: ViewBox, margin: f64, row: f64) -> Vec<usize> {
    let inside = |c: &Cluster| {
        c.x >= view.x - margin
            && c.x <= view.x + view.width + margin
            && c.y >= view.y - margin
            && c.y <= view.y + view.height + margin
    };
    let row = row.max(f64::MIN_POSITIVE);
    let mut shown: Vec<usize> = (0..clusters.len())
        .filter(|&i| inside(&clusters[i]))
        .collect();
    shown.sort_by(|&a, &b| {
        let (a, b) = (&clusters[a], &clusters[b]);
        let (ra, rb) = ((a.y / row).floor(), (b.y / row).floor());
        ra.total_cmp(&rb).then(a.x.total_cmp(&b.x))
    });
    shown
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::coop_at as coop;

    const CITY: Precision = Precision::City;

    fn sample() -> Vec<Coop> {
        vec![
            coop("a", &[("Lyon", "FR", 45.75, 4.85, CITY)]),
            coop(
                "b",
                &[
                    ("Lyon", "FR", 45.75, 4.85, CITY),
                    ("Paris", "FR", 48.85, 2.35, CITY),
                ],
            ),
            coop("c", &[("Portland", "US", 45.52, -122.68, CITY)]),
            coop("d", &[("Portland", "US", 43.66, -70.26, CITY)]),
            coop("e", &[("France", "FR", 46.2, 2.2, Precision::Country)]),
            coop("f", &[]),
            coop("g", &[("Montréal", "CA", 45.51, -73.59, CITY)]),
            coop("h", &[("Montreal", "CA", 45.51, -73.59, CITY)]),
        ]
    }

    #[test]
    fn one_place_per_position_with_its_coops_and_a_stable_id() {
        let places = map_places(&sample());
        let summary: Vec<(&str, Vec<u32>)> = places
            .iter()
            .map(|p| (p.id.as_str(), p.coops.clone()))
            .collect();
        assert_eq!(
            summary,
            [
                ("lyon-fr", vec![0, 1]),
                ("paris-fr", vec![1]),
                ("portland-us", vec![2]),
                ("portland-us-2", vec![3]),
                ("france-fr", vec![4]),
                ("montreal-ca", vec![6, 7]),
            ]
        );
        let lyon = &places[0];
        assert_eq!(
            lyon.position(&Frame::world()),
            Frame::world().project(4.85, 45.75)
        );
        assert_eq!(places[4].precision, Precision::Country);
    }

    #[test]
    fn close_markers_merge_and_split_as_the_zoom_grows() {
        let places = map_places(&sample());
        let frame = Frame::world();
        let total = |clusters: &[Cluster]| clusters.iter().map(|c| c.places.len()).sum::<usize>();
        // The whole world in one marker.
        let world = cluster(&places, &frame, 2000.0);
        assert_eq!(world.len(), 1);
        assert_eq!(world[0].coops, [0, 1, 2, 3, 4, 6, 7]);
        // At the world view, France's places merge; the two Portlands do not.
        let wide = cluster(&places, &frame, 20.0);
        let france = wide
            .iter()
            .find(|c| c.places.contains(&0))
            .expect("Lyon's cluster");
        assert_eq!(france.places, [0, 1, 4]);
        assert_eq!(france.coops, [0, 1, 4]);
        assert!(
            wide.iter()
                .all(|c| !(c.places.contains(&2) && c.places.contains(&3)))
        );
        // Zoomed in, each place is a marker of its own.
        let close = cluster(&places, &frame, 0.5);
        assert_eq!(close.len(), places.len());
        for clusters in [&world, &wide, &close] {
            assert_eq!(total(clusters), places.len(), "each place in one cluster");
        }
        // A cluster sits among its places, nearer the one with more co-ops.
        let (lyon, paris) = (&places[0], &places[1]);
        let two = cluster(&places[..2], &frame, 50.0);
        assert_eq!(two.len(), 1);
        let d = |(x, y): (f64, f64)| (two[0].x - x).hypot(two[0].y - y);
        assert!(d(lyon.position(&frame)) < d(paris.position(&frame)));
    }

    /// Greedy clustering the plain way, every seed against every place: what the grid,
    /// its hasher and the co-op counting must reproduce exactly.
    fn cluster_by_all_pairs(places: &[MapPlace], frame: &Frame, radius: f64) -> Vec<Cluster> {
        let at: Vec<(f64, f64)> = places.iter().map(|p| p.position(frame)).collect();
        let mut seeds: Vec<usize> = (0..places.len()).collect();
        seeds.sort_by_key(|&i| (std::cmp::Reverse(places[i].coops.len()), i));
        let mut claimed = vec![false; places.len()];
        let mut clusters = Vec::new();
        for seed in seeds {
            if claimed[seed] {
                continue;
            }
            let members: Vec<usize> = (0..places.len())
                .filter(|&j| {
                    !claimed[j] && (at[j].0 - at[seed].0).hypot(at[j].1 - at[seed].1) <= radius
                })
                .collect();
            let mut coops: Vec<u32> = members
                .iter()
                .flat_map(|&j| places[j].coops.clone())
                .collect();
            coops.sort_unstable();
            coops.dedup();
            let weight: f64 = members.iter().map(|&j| places[j].coops.len() as f64).sum();
            let centre = |f: fn((f64, f64)) -> f64| {
                members
                    .iter()
                    .map(|&j| f(at[j]) * places[j].coops.len() as f64)
                    .sum::<f64>()
                    / weight
            };
            for &j in &members {
                claimed[j] = true;
            }
            clusters.push(Cluster {
                x: centre(|p| p.0),
                y: centre(|p| p.1),
                places: members,
                coops,
            });
        }
        clusters
    }

    #[test]
    fn the_grid_clusters_as_every_pair_compared_would() {
        // 600 co-ops over a crowded patch and the world, some at two or three places, some
        // sharing a place: a fixed pseudo-random walk, so a failure is reproducible.
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        let coops: Vec<Coop> = (0..600)
            .map(|i| {
                let spots: Vec<(String, f64, f64)> = (0..1 + next(3))
                    .map(|_| {
                        let (lat, lon) = if next(3) == 0 {
                            (
                                next(1600) as f64 / 10.0 - 80.0,
                                next(3600) as f64 / 10.0 - 180.0,
                            )
                        } else {
                            (45.0 + next(100) as f64 / 10.0, next(150) as f64 / 10.0)
                        };
                        (format!("P{}", next(400)), lat, lon)
                    })
                    .collect();
                let spots: Vec<(&str, &str, f64, f64, Precision)> = spots
                    .iter()
                    .map(|(name, lat, lon)| (name.as_str(), "FR", *lat, *lon, CITY))
                    .collect();
                coop(&format!("c{i}"), &spots)
            })
            .collect();
        let places = map_places(&coops);
        let frame = Frame::world();
        for radius in [0.5, 3.0, 12.0, 40.0, 300.0] {
            let grid = cluster(&places, &frame, radius);
            let plain = cluster_by_all_pairs(&places, &frame, radius);
            assert_eq!(grid.len(), plain.len(), "radius {radius}");
            for (g, p) in grid.iter().zip(&plain) {
                assert_eq!(
                    (&g.places, &g.coops),
                    (&p.places, &p.coops),
                    "radius {radius}"
                );
                assert!((g.x - p.x).abs() < 1e-9 && (g.y - p.y).abs() < 1e-9);
            }
        }
    }

    #[test]
    fn a_place_reads_with_its_country() {
        let mut directory = crate::load::load_directory(
            r#"{"schema":"1.1","source":{"file":"x","sha256":"","rows_read":0,"repository":"","licence":""},
               "regions":[],"tags":[],"countries":[{"code":"FR","name":"France"}],"coops":[]}"#,
        )
        .unwrap()
        .directory;
        directory.coops = sample();
        let places = map_places(&directory.coops);
        assert_eq!(places[0].label(&directory), "Lyon, France");
        assert_eq!(places[4].label(&directory), "France");
        assert_eq!(
            places[2].label(&directory),
            "Portland, US",
            "a country the dataset does not name"
        );
    }

    #[test]
    fn no_places_no_clusters() {
        assert!(cluster(&[], &Frame::world(), 10.0).is_empty());
        assert!(map_places(&[]).is_empty());
    }

    #[test]
    fn only_matching_coops_are_placed() {
        let places = map_places(&sample());
        let matched = [false, true, false, false, true, false, false, false];
        let shown = matching_mask(&places, &matched);
        let summary: Vec<(&str, Vec<u32>)> = shown
            .iter()
            .map(|p| (p.id.as_str(), p.coops.clone()))
            .collect();
        assert_eq!(
            summary,
            [
                ("lyon-fr", vec![1]),
                ("paris-fr", vec![1]),
                ("france-fr", vec![4])
            ]
        );
        assert!(
            matching_mask(&places, &[]).is_empty(),
            "a short mask matches nothing"
        );
        assert_eq!(
            matching(&places, &[1, 4, 99], 8),
            shown,
            "by positions, unknown ones ignored"
        );
    }

    #[test]
    fn only_clusters_in_view_are_drawn_in_reading_order() {
        let places = map_places(&sample());
        let frame = Frame::world();
        let clusters = cluster(&places, &frame, 0.5);
        let everything = ViewBox {
            x: 0.0,
            y: 0.0,
            width: frame.width,
            height: frame.height,
        };
        let all = in_view(&clusters, everything, 0.0, 10.0);
        assert_eq!(all.len(), clusters.len());
        for pair in all.windows(2) {
            let (a, b) = (&clusters[pair[0]], &clusters[pair[1]]);
            assert!(
                (a.y / 10.0).floor() < (b.y / 10.0).floor()
                    || ((a.y / 10.0).floor() == (b.y / 10.0).floor() && a.x <= b.x),
                "reading order: {a:?} before {b:?}"
            );
        }
        // A view around France holds France's places only.
        let (x, y) = frame.project(3.0, 47.0);
        let france = ViewBox {
            x: x - 30.0,
            y: y - 30.0,
            width: 60.0,
            height: 60.0,
        };
        let shown: Vec<&str> = in_view(&clusters, france, 0.0, 10.0)
            .iter()
            .map(|&c| places[clusters[c].places[0]].id.as_str())
            .collect();
        assert_eq!(shown.len(), 3, "{shown:?}");
        assert!(shown.iter().all(|id| id.ends_with("-fr")), "{shown:?}");
    }

    #[test]
    fn bounds_hold_every_place() {
        let places = map_places(&sample());
        let frame = Frame::world();
        let area = bounds(&places[..2], &frame).unwrap();
        for place in &places[..2] {
            let (x, y) = place.position(&frame);
            assert!(x >= area.x && x <= area.x + area.width);
            assert!(y >= area.y && y <= area.y + area.height);
        }
        assert!(area.width > 0.0 && area.height > 0.0);
        assert_eq!(bounds(&[], &frame), None);
    }

    #[test]
    fn a_cluster_names_itself_by_its_biggest_city() {
        let places = map_places(&sample());
        let wide = cluster(&places, &Frame::world(), 20.0);
        let france = wide.iter().find(|c| c.places.contains(&0)).unwrap();
        assert!(france.key(&places).starts_with("lyon-fr+3:3:"));
        // The same counts with other co-ops: another key.
        let mut other = france.clone();
        other.coops = vec![0, 1, 6];
        assert_ne!(other.key(&places), france.key(&places));
        // Even with more co-ops than either city, the country-only place comes last.
        let mut bigger_country = places.clone();
        bigger_country[4].coops = vec![4, 5, 6];
        let names: Vec<&str> = france
            .places_by_size(&bigger_country)
            .iter()
            .map(|p| p.name.as_str())
            .collect();
        assert_eq!(names, ["Lyon", "Paris", "France"]);
        assert!(!france.is_country_only(&places));
        let alone = cluster(&places[4..5], &Frame::world(), 20.0);
        assert!(alone[0].is_country_only(&places[4..5]));
    }
}
