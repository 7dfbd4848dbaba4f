//! The guide's figures as the page's language writes them: a fee's amount of money, and the
//! month its facts were checked.

use crate::i18n::{decimal_separator, number, words};

/// An amount of money as the page's language writes it (`coops_core::i18n::words`), in
/// `symbol`'s currency: `£1,234.50` in English, `1234,50 £` in Spanish; whole amounts
/// without pence (`£150`).
pub fn money(symbol: &str, amount: f64) -> String {
    let words = words();
    let pence = (amount.max(0.0) * 100.0).round() as u64;
    let mut written = number(words.lang(), pence / 100);
    if !pence.is_multiple_of(100) {
        written.push(decimal_separator(words.lang()));
        written.push_str(&format!("{:02}", pence % 100));
    }
    words.format("money", &[("symbol", symbol), ("amount", &written)])
}

/// `2026-11` → `November 2026`, in the page's language; anything else as written.
pub fn month_label(checked: &str) -> String {
    let mut parts = checked.split('-');
    match (
        parts.next(),
        parts.next().and_then(|m| m.parse::<usize>().ok()),
    ) {
        (Some(year), Some(month @ 1..=12)) => {
            let words = words();
            let month = words.text(MONTHS[month - 1]);
            words.format("month-year", &[("month", month), ("year", year)])
        }
        _ => checked.to_string(),
    }
}

/// The catalog's keys for the months' names.
const MONTHS: [&str; 12] = [
    "month-1", "month-2", "month-3", "month-4", "month-5", "month-6", "month-7", "month-8",
    "month-9", "month-10", "month-11", "month-12",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_money_and_months_in_the_pages_language() {
        assert_eq!(money("£", 150.0), "£150");
        assert_eq!(money("£", 1234.5), "£1,234.50");
        assert_eq!(money("£", 1_000_000.0), "£1,000,000");
        assert_eq!(month_label("2026-11"), "November 2026");
        assert_eq!(month_label("2026-13"), "2026-13");
        assert_eq!(month_label("soon"), "soon");
        crate::testing::in_language(crate::i18n::Lang::Es, || {
            assert_eq!(money("£", 1234.5), "1234,50\u{a0}£");
            assert_eq!(money("£", 150_000.0), "150.000\u{a0}£");
            assert_eq!(month_label("2026-11"), "noviembre de 2026");
        });
        crate::testing::in_language(crate::i18n::Lang::De, || {
            assert_eq!(money("£", 1234.5), "1.234,50\u{a0}£");
            assert_eq!(month_label("2026-11"), "November 2026");
        });
    }
}
