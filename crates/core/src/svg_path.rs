//! The map assets' path data: rings of points in tenths of a drawing unit (the assets'
//! precision), written as compact relative SVG paths (`m dx dy l dx dy … z` per ring), read
//! back, and cut to a rectangle.
//!
//! The importer's `build-map` writes the paths; the site build reads them back to cut each
//! co-op page's locator map out of the close-up shapes ([`crate::locator`]).

/// A closed ring of points, in tenths; the last point joins the first.
pub type Ring = Vec<[i64; 2]>;

/// Writes a number of tenths compactly ("12.5", "-3", "0.1"), with a space before it only
/// where it would otherwise run into the previous number.
fn push_number(d: &mut String, tenths: i64) {
    if tenths >= 0 && d.ends_with(|c: char| c.is_ascii_digit()) {
        d.push(' ');
    }
    if tenths < 0 {
        d.push('-');
    }
    let abs = tenths.unsigned_abs();
    d.push_str(&(abs / 10).to_string());
    let tenth = abs % 10;
    if tenth != 0 {
        d.push('.');
        d.push(char::from(b'0' + tenth as u8));
    }
}

/// SVG path data of `rings`, with relative commands: `m dx dy l dx dy … z` per ring.
pub fn path_data(rings: &[Ring]) -> String {
    let mut d = String::new();
    // After `z` the current point is the start of the ring just closed.
    let mut current = [0, 0];
    for ring in rings.iter().filter(|r| !r.is_empty()) {
        let start = ring[0];
        d.push('m');
        push_number(&mut d, start[0] - current[0]);
        push_number(&mut d, start[1] - current[1]);
        if ring.len() > 1 {
            d.push('l');
            for pair in ring.windows(2) {
                push_number(&mut d, pair[1][0] - pair[0][0]);
                push_number(&mut d, pair[1][1] - pair[0][1]);
            }
        }
        d.push('z');
        current = start;
    }
    d
}

/// The rings of path data as [`path_data`] writes it; `None` for anything else (another
/// command, a second decimal, a number missing, a ring left open).
pub fn rings_of(d: &str) -> Option<Vec<Ring>> {
    let mut rings: Vec<Ring> = Vec::new();
    let mut ring: Ring = Vec::new();
    // The current point, and the first half of a pair read.
    let mut current = [0i64, 0];
    let mut half: Option<i64> = None;
    let mut command = None;
    let mut rest = d;
    while let Some(c) = rest.chars().next() {
        let allowed = match c {
            // A ring starts at the start or after the one before is closed.
            'm' => matches!(command, None | Some('z')),
            'l' => command == Some('m') && ring.len() == 1,
            'z' => !ring.is_empty(),
            _ => true,
        };
        if !allowed || (c.is_ascii_alphabetic() && half.is_some()) {
            return None;
        }
        match c {
            'm' | 'l' => command = Some(c),
            'z' => {
                // After `z` the current point is the start of the ring just closed.
                current = ring[0];
                rings.push(std::mem::take(&mut ring));
                command = Some(c);
            }
            ' ' => {}
            '-' | '0'..='9' if matches!(command, Some('m' | 'l')) => {
                let (tenths, after) = number(rest)?;
                match half.take() {
                    None => half = Some(tenths),
                    Some(dx) => {
                        current = [current[0] + dx, current[1] + tenths];
                        ring.push(current);
                    }
                }
                rest = after;
                continue;
            }
            _ => return None,
        }
        rest = &rest[1..];
    }
    (ring.is_empty() && half.is_none()).then_some(rings)
}

/// The number of tenths at the start of `s` ("-12.5" is -125), and what follows it.
fn number(s: &str) -> Option<(i64, &str)> {
    let (negative, s) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let digits = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    let units: i64 = s[..digits].parse().ok()?;
    let mut rest = &s[digits..];
    let mut tenths = units.checked_mul(10)?;
    if let Some(after_point) = rest.strip_prefix('.') {
        let tenth = after_point.chars().next()?.to_digit(10)?;
        rest = &after_point[1..];
        if rest.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        tenths += i64::from(tenth);
    }
    Some((if negative { -tenths } else { tenths }, rest))
}

/// A rectangle in tenths: left, top, right, bottom.
pub type Rect = [i64; 4];

/// One side of a [`Rect`], for cutting a ring along it.
#[derive(Clone, Copy)]
enum Side {
    Left(i64),
    Right(i64),
    Top(i64),
    Bottom(i64),
}

impl Side {
    fn keeps(self, [x, y]: [i64; 2]) -> bool {
        match self {
            Side::Left(left) => x >= left,
            Side::Right(right) => x <= right,
            Side::Top(top) => y >= top,
            Side::Bottom(bottom) => y <= bottom,
        }
    }

    /// Where the segment from `a` to `b`, one kept and one not, crosses this side.
    fn crossing(self, a: [i64; 2], b: [i64; 2]) -> [i64; 2] {
        let along = |from: i64, to: i64, at: i64, other_from: i64, other_to: i64| {
            let t = (at - from) as f64 / (to - from) as f64;
            other_from + ((other_to - other_from) as f64 * t).round() as i64
        };
        match self {
            Side::Left(x) | Side::Right(x) => [x, along(a[0], b[0], x, a[1], b[1])],
            Side::Top(y) | Side::Bottom(y) => [along(a[1], b[1], y, a[0], b[0]), y],
        }
    }
}

/// `ring` cut to `rect` (Sutherland–Hodgman: clipped against each side in turn); empty when
/// nothing of it is inside. Where the ring leaves and comes back, the cut runs along the
/// rectangle's edge, so a caller draws the rectangle a little larger than what it shows.
pub fn clip_ring(ring: &[[i64; 2]], rect: Rect) -> Ring {
    let [left, top, right, bottom] = rect;
    let mut points: Ring = ring.to_vec();
    for side in [
        Side::Left(left),
        Side::Right(right),
        Side::Top(top),
        Side::Bottom(bottom),
    ] {
        let Some(&last) = points.last() else {
            break;
        };
        let mut kept = Vec::with_capacity(points.len());
        let mut previous = last;
        for &point in &points {
            match (side.keeps(previous), side.keeps(point)) {
                (true, true) => kept.push(point),
                (true, false) => kept.push(side.crossing(previous, point)),
                (false, true) => {
                    kept.push(side.crossing(point, previous));
                    kept.push(point);
                }
                (false, false) => {}
            }
            previous = point;
        }
        kept.dedup();
        points = kept;
    }
    if points.first() == points.last() && points.len() > 1 {
        points.pop();
    }
    if points.len() < 3 {
        points.clear();
    }
    points
}

/// The rings of `d` cut to `rect`, as path data; `None` when `d` is not path data as
/// [`path_data`] writes it, and an empty string when nothing of it is inside.
pub fn clip_path(d: &str, rect: Rect) -> Option<String> {
    let rings: Vec<Ring> = rings_of(d)?
        .iter()
        .filter(|ring| {
            let (xs, ys) = (ring.iter().map(|p| p[0]), ring.iter().map(|p| p[1]));
            let (x0, x1) = (xs.clone().min(), xs.max());
            let (y0, y1) = (ys.clone().min(), ys.max());
            // Only the rings whose bounds meet the rectangle need cutting.
            matches!((x0, x1, y0, y1), (Some(x0), Some(x1), Some(y0), Some(y1))
                if x1 >= rect[0] && x0 <= rect[2] && y1 >= rect[1] && y0 <= rect[3])
        })
        .map(|ring| clip_ring(ring, rect))
        .filter(|ring| !ring.is_empty())
        .collect();
    Some(path_data(&rings))
}

/// Whether `point` is inside the shape of `rings` (even-odd: a hole's ring takes its area
/// back), as a browser fills the path.
pub fn contains(rings: &[Ring], [x, y]: [f64; 2]) -> bool {
    let mut inside = false;
    for ring in rings {
        let mut previous = match ring.last() {
            Some(p) => *p,
            None => continue,
        };
        for &point in ring {
            let (ax, ay) = (previous[0] as f64, previous[1] as f64);
            let (bx, by) = (point[0] as f64, point[1] as f64);
            if (ay > y) != (by > y) && x < ax + (y - ay) * (bx - ax) / (by - ay) {
                inside = !inside;
            }
            previous = point;
        }
    }
    inside
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_compact() {
        let mut d = String::new();
        for n in [125, -30, 1, 0, -1, 10, 7] {
            push_number(&mut d, n);
        }
        assert_eq!(d, "12.5-3 0.1 0-0.1 1 0.7");
    }

    #[test]
    fn paths_are_relative_and_restart_from_the_closed_ring() {
        let rings = vec![
            vec![[100, 100], [200, 100], [200, 200]],
            vec![[150, 120], [160, 120], [160, 130]],
        ];
        assert_eq!(path_data(&rings), "m10 10l10 0 0 10zm5 2l1 0 0 1z");
        assert_eq!(rings_of("m10 10l10 0 0 10zm5 2l1 0 0 1z"), Some(rings));
    }

    #[test]
    fn only_the_assets_own_path_data_reads() {
        assert_eq!(rings_of(""), Some(vec![]));
        assert_eq!(
            rings_of("m12.5-3l0.1 0-0.1 1z"),
            Some(vec![vec![[125, -30], [126, -30], [125, -20]]])
        );
        for bad in [
            "M10 10z",
            "m10 10l1 1",
            "m10z",
            "m1.25 0z",
            "m10 10l1 1 c1 1z",
            "l1 1z",
            "m1 1m2 2z",
            "10 10z",
            "m1. 1z",
        ] {
            assert_eq!(rings_of(bad), None, "{bad}");
        }
    }

    #[test]
    fn every_path_of_the_committed_maps_reads_back_as_written() {
        for asset in ["world.json", "world-close.json"] {
            let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../../public/data")
                .join(asset);
            let map: crate::geo::WorldMap =
                serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
            for country in &map.countries {
                let rings = rings_of(&country.d).unwrap_or_else(|| panic!("{}", country.code));
                assert_eq!(path_data(&rings), country.d, "{asset} {}", country.code);
            }
        }
    }

    #[test]
    fn a_ring_is_cut_to_the_rectangle() {
        let square = vec![[0, 0], [100, 0], [100, 100], [0, 100]];
        // Inside: as it was.
        assert_eq!(clip_ring(&square, [-10, -10, 110, 110]), square);
        // Outside: nothing.
        assert!(clip_ring(&square, [200, 200, 300, 300]).is_empty());
        // Half of it.
        assert_eq!(
            clip_ring(&square, [50, -10, 200, 200]),
            vec![[50, 0], [100, 0], [100, 100], [50, 100]]
        );
        // A corner, crossing a slanted edge (the same ring, from another of its points).
        let triangle = vec![[0, 0], [100, 0], [0, 100]];
        assert_eq!(
            clip_ring(&triangle, [0, 0, 60, 60]),
            vec![[0, 60], [0, 0], [60, 0], [60, 40], [40, 60]]
        );
    }

    #[test]
    fn a_path_is_cut_ring_by_ring_and_what_is_outside_goes() {
        let d = path_data(&[
            vec![[0, 0], [100, 0], [100, 100], [0, 100]],
            vec![[500, 500], [600, 500], [600, 600]],
        ]);
        assert_eq!(
            clip_path(&d, [50, 50, 200, 200]).unwrap(),
            path_data(&[vec![[50, 50], [100, 50], [100, 100], [50, 100]]])
        );
        assert_eq!(clip_path(&d, [1000, 1000, 2000, 2000]).unwrap(), "");
        assert_eq!(clip_path("M1 1z", [0, 0, 1, 1]), None);
    }

    #[test]
    fn a_point_is_inside_a_shape_but_not_its_hole() {
        let rings = vec![
            vec![[0, 0], [100, 0], [100, 100], [0, 100]],
            vec![[40, 40], [60, 40], [60, 60], [40, 60]],
        ];
        assert!(contains(&rings, [10.0, 10.0]));
        assert!(!contains(&rings, [50.0, 50.0]));
        assert!(!contains(&rings, [150.0, 50.0]));
    }
}
