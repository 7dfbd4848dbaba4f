//! Founding year and size, when a co-op's notes state them.
//!
//! The notes say it in many ways: "Founded 2019; 8 associates", "Founded in 1993", "founded
//! in 2011", "Created in 2022", "since 2006", "Fundanda en 2012", "115+ workers", "23
//! employees", "150+ associates". The folded notes are cut into words; a year is a four-digit
//! number (1800-2100) right after a founding word (fillers like "in" skipped), and a size is a
//! number, maybe with "+", right before a word for people. "since" counts only when no founding
//! word does: "Founded in 1993, worker-owned coop since 2020" was founded in 1993.

use coops_core::Size;

/// Words that introduce a founding year (folded).
const FOUNDED: &[&str] = &[
    "founded",
    "fundada",
    "fundanda",
    "fundado",
    "fondee",
    "fonde",
    "created",
    "established",
    "est",
    "gegrundet",
];
/// Words that introduce a year something began, weaker than [`FOUNDED`].
const SINCE: &[&str] = &["since", "desde", "depuis", "seit"];
/// Words that may stand between the keyword and the year.
const FILLERS: &[&str] = &["in", "en", "on", "the", "year", "el", "ano", "im", "jahr"];
/// Words for people that make a number a size.
const UNITS: &[&str] = &[
    "workers",
    "worker",
    "worker-owners",
    "worker-owner",
    "members",
    "member",
    "associates",
    "associate",
    "employees",
    "employee",
    "cooperators",
    "cooperativists",
    "socios",
    "socias",
    "staff",
];

/// The founding year the (folded) notes state.
pub fn founded(notes: &str) -> Option<u16> {
    let words = words(notes);
    year_after(&words, FOUNDED).or_else(|| year_after(&words, SINCE))
}

fn year_after(words: &[&str], keywords: &[&str]) -> Option<u16> {
    words.iter().enumerate().find_map(|(i, word)| {
        if !keywords.contains(word) {
            return None;
        }
        let next = words.get(i + 1..)?.iter().find(|w| !FILLERS.contains(*w))?;
        let year: u16 = next.parse().ok().filter(|_| next.len() == 4)?;
        (1800..=2100).contains(&year).then_some(year)
    })
}

/// The size the (folded) notes state: "115+ workers" → 115, at least, "workers".
pub fn size(notes: &str) -> Option<Size> {
    let words = words(notes);
    words.windows(2).find_map(|pair| {
        let [number, unit] = pair else { return None };
        if !UNITS.contains(unit) {
            return None;
        }
        let (digits, at_least) = match number.strip_suffix('+') {
            Some(digits) => (digits, true),
            None => (*number, false),
        };
        let count: u32 = digits.parse().ok().filter(|n| (1..1_000_000).contains(n))?;
        Some(Size {
            count,
            at_least,
            unit: (*unit).to_string(),
        })
    })
}

/// Words: runs of letters, digits, inner hyphens and a trailing "+".
fn words(text: &str) -> Vec<&str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '+'))
        .map(|w| w.trim_matches('-'))
        .filter(|w| !w.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use coops_core::text::fold;

    fn year(notes: &str) -> Option<u16> {
        founded(&fold(notes))
    }

    fn people(notes: &str) -> Option<(u32, bool, String)> {
        size(&fold(notes)).map(|s| (s.count, s.at_least, s.unit))
    }

    #[test]
    fn founding_years() {
        assert_eq!(year("Founded 2019; 8 associates"), Some(2019));
        assert_eq!(
            year("Founded in 1993, Worker-owned coop since 2020"),
            Some(1993)
        );
        assert_eq!(
            year("Tech worker-owned cooperative founded in 2011. Creators of"),
            Some(2011)
        );
        assert_eq!(year("Tech workers owned. Created in 2022"), Some(2022));
        assert_eq!(
            year("Worker-owned collective building online since 2006, lately"),
            Some(2006)
        );
        assert_eq!(year("Fundanda en 2012"), Some(2012));
        assert_eq!(
            year("Worker co-op, 23 employees, founded 2015."),
            Some(2015)
        );
        assert_eq!(year("eG legal German Coop, founded 2020"), Some(2020));
        assert_eq!(year("Founded 20190"), None);
        assert_eq!(year("Founded 1066"), None);
        assert_eq!(year("Drivers own 100% of the company"), None);
    }

    #[test]
    fn sizes() {
        assert_eq!(
            people("Founded 2019; 8 associates"),
            Some((8, false, "associates".into()))
        );
        assert_eq!(
            people("115+ workers; distributed company"),
            Some((115, true, "workers".into()))
        );
        assert_eq!(
            people("Worker co-op, 23 employees, founded 2015."),
            Some((23, false, "employees".into()))
        );
        assert_eq!(
            people("Founded 2002; 150+ associates"),
            Some((150, true, "associates".into()))
        );
        assert_eq!(people("with a 20% ownership stake"), None);
        assert_eq!(people("will never consist of more than 8 people"), None);
    }
}
