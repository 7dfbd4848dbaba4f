//! The map builder on a hand-written topology, and the committed map asset
//! (`public/data/world.json`).

use coops_core::geo::{MapCountry, WorldMap};
use coops_import::map::{
    CLOSE_UP, Frame, MapError, OBJECT, WORLD, build, build_from_topojson, decode,
    split_at_antimeridian, to_json,
};
use proptest::prelude::*;

const REGENERATE: &str = "scripts/build-map.sh (or make map)";

/// Quantised with scale 0.1 and translate (-5, 40): lon = -5 + 0.1 x, lat = 40 + 0.1 y.
///
/// * arc 0: the France–Germany border, (5, 45) → (5, 50);
/// * arc 1: the rest of "France", (5, 50) → (0, 50) → (0, 45) → (5, 45);
/// * arc 2: the rest of "Germany", (5, 45) → (10, 45) → (10, 50) → (5, 50);
/// * arc 3: an island of France, lon -3..-1, lat 41..42;
/// * arc 4: "Kosovo" (no id), lon 20..22, lat 42..44;
/// * arc 5: "Somaliland" (no id), lon 44..46, lat 9..10;
/// * arc 6: Antarctica, lon 0..10, lat -80..-70;
/// * arc 7: a tiny islet of France, lon -4..-3.9, lat 43..43.1 (below the area threshold);
/// * arc 8: "Fiji" across the antimeridian, lon 178..-178, lat -17..-16.
///
/// France is a MultiPolygon [[0, 1]], [[3]], [[7]]; Germany is [~0, 2] (arc 0 reversed).
const FIXTURE: &str = r#"{
  "type": "Topology",
  "transform": {"scale": [0.1, 0.1], "translate": [-5, 40]},
  "bbox": [-180, -80, 180, 50],
  "objects": {
    "countries": {
      "type": "GeometryCollection",
      "geometries": [
        {"type": "Polygon", "id": "276", "properties": {"name": "Germany"}, "arcs": [[-1, 2]]},
        {"type": "MultiPolygon", "id": "250", "properties": {"name": "France"},
         "arcs": [[[0, 1]], [[3]], [[7]]]},
        {"type": "Polygon", "properties": {"name": "Kosovo"}, "arcs": [[4]]},
        {"type": "Polygon", "properties": {"name": "Somaliland"}, "arcs": [[5]]},
        {"type": "Polygon", "id": "010", "properties": {"name": "Antarctica"}, "arcs": [[6]]},
        {"type": "MultiPolygon", "id": 242, "properties": {"name": "Fiji"}, "arcs": [[[8]]]}
      ]
    }
  },
  "arcs": [
    [[100, 50], [0, 50]],
    [[100, 100], [-50, 0], [0, -50], [50, 0]],
    [[100, 50], [50, 0], [0, 50], [-50, 0]],
    [[20, 10], [20, 0], [0, 10], [-20, 0], [0, -10]],
    [[250, 20], [20, 0], [0, 20], [-20, 0], [0, -20]],
    [[490, -310], [20, 0], [0, 10], [-20, 0], [0, -10]],
    [[50, -1200], [100, 0], [0, 100], [-100, 0], [0, -100]],
    [[10, 30], [1, 0], [0, 1], [-1, 0], [0, -1]],
    [[1830, -570], [-3560, 0], [0, 10], [3560, 0], [0, -10]]
  ]
}"#;

fn close(a: [f64; 2], b: [f64; 2]) -> bool {
    (a[0] - b[0]).abs() < 1e-9 && (a[1] - b[1]).abs() < 1e-9
}

fn country<'a>(map: &'a WorldMap, code: &str) -> &'a MapCountry {
    map.countries
        .iter()
        .find(|c| c.code == code)
        .unwrap_or_else(|| panic!("{code} is on the map"))
}

/// The absolute points of each subpath of `d` (which uses only `m`, `l` and `z`).
fn subpaths(d: &str) -> Vec<Vec<[f64; 2]>> {
    let mut out: Vec<Vec<[f64; 2]>> = Vec::new();
    let (mut current, mut start) = ([0.0, 0.0], [0.0, 0.0]);
    let mut command = ' ';
    let mut numbers: Vec<f64> = Vec::new();
    let mut token = String::new();
    let flush = |token: &mut String, numbers: &mut Vec<f64>| {
        if !token.is_empty() {
            numbers.push(token.parse().unwrap_or_else(|_| panic!("number {token:?}")));
            token.clear();
        }
    };
    let mut apply = |command: char, numbers: &mut Vec<f64>, out: &mut Vec<Vec<[f64; 2]>>| {
        assert!(
            numbers.len().is_multiple_of(2),
            "pairs after {command}: {numbers:?}"
        );
        for (i, pair) in numbers.chunks(2).enumerate() {
            // Rounded to tenths, as written, so sums of deltas compare exactly.
            let tenth = |v: f64| (v * 10.0).round() / 10.0;
            current = [tenth(current[0] + pair[0]), tenth(current[1] + pair[1])];
            if command == 'm' && i == 0 {
                start = current;
                out.push(vec![current]);
            } else {
                out.last_mut().expect("a subpath").push(current);
            }
        }
        numbers.clear();
        if command == 'z' {
            current = start;
        }
    };
    for ch in d.chars() {
        match ch {
            'm' | 'l' | 'z' => {
                flush(&mut token, &mut numbers);
                if command != ' ' {
                    apply(command, &mut numbers, &mut out);
                }
                command = ch;
            }
            '-' => {
                flush(&mut token, &mut numbers);
                token.push(ch);
            }
            ' ' => flush(&mut token, &mut numbers),
            '0'..='9' | '.' => token.push(ch),
            other => panic!("unexpected {other:?} in {d}"),
        }
    }
    flush(&mut token, &mut numbers);
    apply(command, &mut numbers, &mut out);
    out
}

#[test]
fn decodes_arcs_shared_reversed_and_multipolygons() {
    let shapes = decode(FIXTURE, OBJECT).expect("decodes");
    assert_eq!(shapes.len(), 6);
    let germany = &shapes[0];
    assert_eq!(germany.id.as_deref(), Some("276"));
    assert_eq!(germany.name.as_deref(), Some("Germany"));
    let ring = &germany.polygons[0][0];
    let want = [
        [5.0, 50.0],
        [5.0, 45.0],
        [10.0, 45.0],
        [10.0, 50.0],
        [5.0, 50.0],
    ];
    assert_eq!(ring.len(), want.len(), "{ring:?}");
    assert!(ring.iter().zip(want).all(|(a, b)| close(*a, b)), "{ring:?}");

    let france = &shapes[1];
    assert_eq!(france.polygons.len(), 3, "a MultiPolygon of three");
    let ring = &france.polygons[0][0];
    let want = [
        [5.0, 45.0],
        [5.0, 50.0],
        [0.0, 50.0],
        [0.0, 45.0],
        [5.0, 45.0],
    ];
    assert!(ring.iter().zip(want).all(|(a, b)| close(*a, b)), "{ring:?}");
    assert!(close(france.polygons[1][0][0], [-3.0, 41.0]));

    assert_eq!(shapes[2].id, None, "Kosovo has no id");
    assert_eq!(
        shapes[5].id.as_deref(),
        Some("242"),
        "a numeric id is read too"
    );
}

#[test]
fn builds_codes_names_and_leaves_out_what_it_should() {
    let built = build_from_topojson(FIXTURE, WORLD).expect("builds");
    let codes: Vec<&str> = built
        .map
        .countries
        .iter()
        .map(|c| c.code.as_str())
        .collect();
    assert_eq!(
        codes,
        ["DE", "FJ", "FR", "XK"],
        "sorted; AQ and Somaliland left out"
    );
    let names: Vec<&str> = built
        .map
        .countries
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(names, ["Germany", "Fiji", "France", "Kosovo"]);
    assert_eq!(
        coops_import::countries::name("GB").as_deref(),
        Some("United Kingdom"),
        "the dataset's names are the map's"
    );
    assert!(
        built.notes.iter().any(|n| n.contains("Somaliland")),
        "{:?}",
        built.notes
    );
    assert!(
        built.notes.iter().any(|n| n.starts_with("AQ")),
        "{:?}",
        built.notes
    );
    assert!(built.map.attribution.contains("Natural Earth"));
}

#[test]
fn everything_is_inside_the_drawing() {
    let map = build_from_topojson(FIXTURE, WORLD).expect("builds").map;
    let frame = Frame::world();
    assert_eq!((map.width, map.height), (frame.width, frame.height));
    for c in &map.countries {
        for ring in subpaths(&c.d) {
            for [x, y] in ring {
                assert!(
                    (0.0..=map.width).contains(&x) && (0.0..=map.height).contains(&y),
                    "{}: ({x}, {y})",
                    c.code
                );
            }
        }
        let [x, y, w, h] = c.bbox;
        assert!(
            x >= 0.0 && y >= 0.0 && w > 0.0 && h > 0.0,
            "{}: {:?}",
            c.code,
            c.bbox
        );
        assert!(
            x + w <= map.width && y + h <= map.height,
            "{}: {:?}",
            c.code,
            c.bbox
        );
    }
}

#[test]
fn paths_are_relative_closed_and_compact() {
    let map = build_from_topojson(FIXTURE, WORLD).expect("builds").map;
    for c in &map.countries {
        assert!(
            c.d.starts_with('m') && c.d.ends_with('z'),
            "{}: {}",
            c.code,
            c.d
        );
        assert!(
            c.d.chars().all(|ch| "mlz-. 0123456789".contains(ch)),
            "{}: {}",
            c.code,
            c.d
        );
        assert!(
            !c.d.contains(".0") && !c.d.contains("  "),
            "{}: {}",
            c.code,
            c.d
        );
    }
    // France: the mainland and the island; the islet is below the area threshold.
    let france = country(&map, "FR");
    assert_eq!(france.d.matches('m').count(), 2, "{}", france.d);
    // Germany's shared border is France's, point for point.
    let de = subpaths(&country(&map, "DE").d);
    let fr = subpaths(&france.d);
    let shared: Vec<_> = de[0].iter().filter(|p| fr[0].contains(p)).collect();
    assert_eq!(shared.len(), 2, "the two ends of the border: {de:?} {fr:?}");
}

#[test]
fn the_bbox_is_the_largest_polygon() {
    let map = build_from_topojson(FIXTURE, WORLD).expect("builds").map;
    let frame = Frame::world();
    let [x, y, w, h] = country(&map, "FR").bbox;
    let inside = |(px, py): (f64, f64)| px >= x && px <= x + w && py >= y && py <= y + h;
    assert!(inside(frame.project(2.5, 47.5)), "the mainland's middle");
    assert!(!inside(frame.project(-2.0, 41.5)), "not the island");
    let (left, _) = frame.project(0.0, 47.5);
    let (right, _) = frame.project(5.0, 47.5);
    assert!(w < (right - left) * 1.2, "about the mainland's width: {w}");
    // Germany sits east of France, on the same latitudes (the shared border slants, as
    // meridians do in Equal Earth, so the boxes overlap a little).
    let de = country(&map, "DE").bbox;
    assert!(
        de[0] > x + w / 2.0 && de[0] + de[2] > x + w,
        "{de:?} vs {:?}",
        [x, y, w, h]
    );
    assert!(
        (de[1] - y).abs() < 0.2 && (de[3] - h).abs() < 0.2,
        "{de:?} vs {:?}",
        [x, y, w, h]
    );
}

#[test]
fn the_antimeridian_leaves_no_streak() {
    let map = build_from_topojson(FIXTURE, WORLD).expect("builds").map;
    let fiji = country(&map, "FJ");
    let rings = subpaths(&fiji.d);
    assert_eq!(rings.len(), 2, "cut in two: {}", fiji.d);
    for c in &map.countries {
        for ring in subpaths(&c.d) {
            for pair in ring.windows(2) {
                assert!(
                    (pair[1][0] - pair[0][0]).abs() < map.width / 4.0,
                    "{}: a streak from {:?} to {:?}",
                    c.code,
                    pair[0],
                    pair[1]
                );
            }
        }
    }
    // One piece at each edge of the map.
    let xs: Vec<f64> = rings.iter().map(|r| r[0][0]).collect();
    assert!(
        xs.iter().any(|&x| x < 50.0) && xs.iter().any(|&x| x > 950.0),
        "{xs:?}"
    );
    assert!(split_at_antimeridian(&[]).iter().all(Vec::is_empty));
}

#[test]
fn the_output_is_deterministic() {
    let a = to_json(&build_from_topojson(FIXTURE, WORLD).expect("builds").map).expect("json");
    let b = to_json(&build_from_topojson(FIXTURE, WORLD).expect("builds").map).expect("json");
    assert_eq!(a, b);
    assert!(
        a.ends_with("}\n") && a.lines().count() == 1,
        "compact, one line"
    );
    let back: WorldMap = serde_json::from_str(&a).expect("round-trips");
    assert_eq!(back.countries.len(), 4);
    // Shapes in another order give the same map.
    let mut shapes = decode(FIXTURE, OBJECT).expect("decodes");
    shapes.reverse();
    let reversed = build(&shapes, WORLD).map;
    assert_eq!(reversed.countries.len(), back.countries.len());
}

#[test]
fn malformed_input_is_an_error() {
    let cases = [
        ("", "empty"),
        ("not json", "not JSON"),
        ("[]", "not an object"),
        (
            r#"{"type": "FeatureCollection", "arcs": [], "objects": {}}"#,
            "not a topology",
        ),
        (
            r#"{"type": "Topology", "arcs": [], "objects": {}}"#,
            "no countries object",
        ),
        (
            r#"{"type": "Topology", "arcs": [[[0, 0], [1, 1]]], "objects": {"countries":
               {"type": "Polygon", "arcs": [[3]]}}}"#,
            "arc index out of range",
        ),
        (
            r#"{"type": "Topology", "arcs": [[[0, 0], [1, 1]]], "objects": {"countries":
               {"type": "Polygon", "arcs": [[-9]]}}}"#,
            "reversed arc index out of range",
        ),
        (
            r#"{"type": "Topology", "arcs": [[[0], [1, 1]]], "objects": {"countries":
               {"type": "GeometryCollection", "geometries": []}}}"#,
            "a position with one number",
        ),
        (
            r#"{"type": "Topology", "arcs": [[]], "objects": {"countries":
               {"type": "GeometryCollection", "geometries": []}}}"#,
            "an empty arc",
        ),
        (
            r#"{"type": "Topology", "arcs": [[[0, 0], [1, 1]]], "objects": {"countries":
               {"type": "Polygon", "arcs": 5}}}"#,
            "arcs of the wrong shape",
        ),
        (
            r#"{"type": "Topology", "arcs": [[[0, 0], [1, 1]]], "objects": {"countries":
               {"type": "Polygon", "arcs": [[0.5]]}}}"#,
            "a fractional arc index",
        ),
        (
            r#"{"type": "Topology", "arcs": [], "objects": {"countries":
               {"type": "Polygon"}}}"#,
            "a polygon without arcs",
        ),
        (
            r#"{"type": "Topology", "arcs": [], "objects": {"countries":
               {"type": "Sphere", "arcs": []}}}"#,
            "an unknown geometry",
        ),
        (
            r#"{"type": "Topology", "arcs": [], "objects": {"countries":
               {"type": "Polygon", "id": [1], "arcs": []}}}"#,
            "an id that is a list",
        ),
    ];
    for (json, what) in cases {
        let result = build_from_topojson(json, WORLD);
        assert!(result.is_err(), "{what}: {result:?}");
    }
    assert!(matches!(
        build_from_topojson("{", WORLD),
        Err(MapError::Json(_))
    ));
    let message = build_from_topojson(cases[5].0, WORLD)
        .expect_err("out of range")
        .to_string();
    assert!(message.contains("arc index 3"), "{message}");
}

#[test]
fn empty_and_odd_geometries_are_not_errors() {
    let json = r#"{"type": "Topology", "arcs": [], "objects": {"countries":
        {"type": "GeometryCollection", "geometries": [
            {"type": null, "id": "250"},
            {"type": "Point", "id": "276", "coordinates": [0, 0]},
            {"type": "Polygon", "id": "999", "arcs": []},
            {"type": "Polygon", "id": "380", "arcs": []}
        ]}}}"#;
    let built = build_from_topojson(json, WORLD).expect("builds");
    assert!(built.map.countries.is_empty(), "{:?}", built.map.countries);
    assert!(
        built.notes.iter().any(|n| n.contains("999")),
        "{:?}",
        built.notes
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Cut short anywhere, or with any byte changed, the fixture gives a map or an error.
    #[test]
    fn damaged_input_never_panics(cut in 0..FIXTURE.len(), at in 0..FIXTURE.len(), byte in 0u8..128) {
        let _ = build_from_topojson(&FIXTURE[..cut], WORLD);
        let mut bytes = FIXTURE.as_bytes().to_vec();
        bytes[at] = byte;
        if let Ok(text) = String::from_utf8(bytes) {
            let _ = build_from_topojson(&text, WORLD);
        }
    }

    /// Any arc indices and positions give a map or an error.
    #[test]
    fn any_arcs_never_panic(
        indices in proptest::collection::vec(any::<i64>(), 0..6),
        positions in proptest::collection::vec((-1e6f64..1e6, -1e6f64..1e6), 1..8),
    ) {
        let arc: Vec<String> = positions.iter().map(|(x, y)| format!("[{x}, {y}]")).collect();
        let json = format!(
            r#"{{"type": "Topology", "transform": {{"scale": [0.01, 0.01], "translate": [-180, -90]}},
                "arcs": [[{}]], "objects": {{"countries": {{"type": "GeometryCollection",
                "geometries": [{{"type": "Polygon", "id": "250", "arcs": [{:?}]}}]}}}}}}"#,
            arc.join(", "),
            indices
        );
        if let Ok(built) = build_from_topojson(&json, WORLD) {
            for c in &built.map.countries {
                prop_assert!(c.d.starts_with('m'));
            }
        }
    }
}

/// The committed asset.
fn committed() -> WorldMap {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/data/world.json");
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| {
        panic!("public/data/world.json cannot be read ({e}); run {REGENERATE}")
    });
    serde_json::from_str(&text).unwrap_or_else(|e| {
        panic!("public/data/world.json is not a WorldMap ({e}); run {REGENERATE}")
    })
}

#[test]
fn the_committed_map_is_complete_and_sane() {
    let map = committed();
    assert!(
        map.countries.len() > 150,
        "{} countries",
        map.countries.len()
    );
    assert!(map.attribution.contains("Natural Earth"));
    let codes: Vec<&str> = map.countries.iter().map(|c| c.code.as_str()).collect();
    let mut sorted = codes.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(codes, sorted, "sorted by code, no duplicates");
    assert!(!codes.contains(&"AQ"), "Antarctica is left out");
    for c in &map.countries {
        assert!(c.d.starts_with('m') && c.d.ends_with('z'), "{}", c.code);
        for ring in subpaths(&c.d) {
            for pair in ring.windows(2) {
                let dx = (pair[1][0] - pair[0][0]).abs();
                assert!(dx < map.width / 4.0, "{}: a streak across the map", c.code);
            }
        }
        assert!(
            c.code.len() == 2 && c.code.bytes().all(|b| b.is_ascii_uppercase()),
            "{}",
            c.code
        );
        let [x, y, w, h] = c.bbox;
        assert!(
            x >= 0.0 && y >= 0.0 && w > 0.0 && h > 0.0 && x + w <= map.width && y + h <= map.height,
            "{}: {:?}",
            c.code,
            c.bbox
        );
        assert_eq!(
            Some(c.name.clone()),
            coops_import::countries::name(&c.code)
                .or_else(|| (c.code == "XK").then(|| "Kosovo".into())),
            "the dataset's name for {}",
            c.code
        );
    }
    for code in ["FR", "DE", "US", "AR", "GB", "NZ", "IN"] {
        let [_, _, w, h] = country(&map, code).bbox;
        assert!(
            w < map.width / 3.0 && h < map.height / 3.0,
            "{code}: {w} × {h}"
        );
    }
    let centre = |code: &str| {
        let [x, y, w, h] = country(&map, code).bbox;
        (x + w / 2.0, y + h / 2.0)
    };
    let (fx, fy) = centre("FR");
    assert!(
        (0.4 * map.width..0.6 * map.width).contains(&fx) && fy < 0.35 * map.height,
        "France in the upper middle: ({fx}, {fy})"
    );
    let fr = country(&map, "FR").bbox;
    assert!(fr[2] < 40.0, "metropolitan France only: {fr:?}");
    let us = country(&map, "US").bbox;
    assert!(us[0] + us[2] < fr[0], "the US west of France: {us:?}");
    assert!(
        us[2] > us[3],
        "the contiguous states, wider than high: {us:?}"
    );
    let (dx, _) = centre("DE");
    assert!(dx > fx, "Germany east of France");
    let (ax, ay) = centre("AR");
    assert!(
        ax < fx && ay > 0.6 * map.height,
        "Argentina south-west: ({ax}, {ay})"
    );
    let (nx, ny) = centre("NZ");
    assert!(
        nx > 0.9 * map.width && ny > 0.7 * map.height,
        "New Zealand south-east: ({nx}, {ny})"
    );
    let (ix, iy) = centre("IN");
    assert!(ix > fx && iy > fy, "India south-east of France");
    let (gx, gy) = centre("GB");
    assert!(gx < fx + 5.0 && gy < fy, "Britain north of France");
}

/// world-atlas's shapes file `name`, as `scripts/world-atlas.sh` fetches it (`scripts/setup.sh
/// test` does, before the tests).
fn world_atlas(name: &str) -> String {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    // The pinned version, from where the scripts read it.
    let versions = std::fs::read_to_string(format!("{root}/scripts/versions.env")).unwrap();
    let version = versions
        .lines()
        .find_map(|l| l.strip_prefix("WORLD_ATLAS_VERSION="))
        .expect("WORLD_ATLAS_VERSION in scripts/versions.env");
    let source = format!("{root}/target/world-atlas/{version}/package/{name}");
    std::fs::read_to_string(&source).unwrap_or_else(|e| {
        panic!("{source}: {e}; run scripts/world-atlas.sh to fetch world-atlas")
    })
}

/// The committed assets must be what the builder makes of world-atlas, so a change to the
/// builder or to the country names shows.
#[test]
fn the_committed_maps_are_up_to_date() {
    let fresh = build_from_topojson(&world_atlas("countries-110m.json"), WORLD)
        .expect("world-atlas builds")
        .map;
    assert!(
        fresh == committed(),
        "public/data/world.json is out of date; run {REGENERATE}"
    );
    let close = build_from_topojson(&world_atlas("countries-50m.json"), CLOSE_UP)
        .expect("world-atlas builds")
        .map;
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../public/data/world-close.json"
    );
    let committed_close: WorldMap = serde_json::from_str(&std::fs::read_to_string(path).unwrap())
        .expect("public/data/world-close.json is a WorldMap");
    assert!(
        close == committed_close,
        "public/data/world-close.json is out of date; run {REGENERATE}"
    );
    // Close up is finer: more points for the same country, and every world-view country is in it.
    let points = |map: &WorldMap, code: &str| {
        map.countries
            .iter()
            .find(|c| c.code == code)
            .map_or(0, |c| {
                c.d.matches(|ch: char| ch.is_ascii_digit() || ch == '-')
                    .count()
            })
    };
    assert!(points(&close, "FR") > 2 * points(&fresh, "FR"));
    for country in &fresh.countries {
        assert!(
            close.countries.iter().any(|c| c.code == country.code),
            "{} is not in the close-up map",
            country.code
        );
    }
}
