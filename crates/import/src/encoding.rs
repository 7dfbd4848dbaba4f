//! Repairs text that was UTF-8, got decoded as Windows-1252, and was saved as UTF-8 again.
//!
//! The list went through such a round trip once: "Cambá" reads "CambÃ¡", "’" reads "â€™" and
//! "🎉" reads "ðŸŽ‰". The repair reverses it: every character is mapped back to the cp1252 byte
//! it was decoded from, and the bytes are decoded as UTF-8 again.
//!
//! It only happens when it is safe: the *whole* text must map back to bytes (any character
//! outside cp1252 means the text was not mangled this way), the bytes must be valid UTF-8, and
//! the result must have fewer mojibake markers than the input. A correctly encoded "é" is a
//! lone byte 0xE9 followed by ASCII, which is not valid UTF-8, so correct text is never touched.

/// The characters cp1252 puts at bytes 0x80..=0x9F; `None` where cp1252 defines nothing
/// (0x81, 0x8D, 0x8F, 0x90, 0x9D). Decoders keep those as the C1 control of the same value,
/// which is how the mangled list carries them (the "”" of "â€\u{9d}").
const CP1252_HIGH: [Option<char>; 32] = [
    Some('€'),
    None,
    Some('‚'),
    Some('ƒ'),
    Some('„'),
    Some('…'),
    Some('†'),
    Some('‡'),
    Some('ˆ'),
    Some('‰'),
    Some('Š'),
    Some('‹'),
    Some('Œ'),
    None,
    Some('Ž'),
    None,
    None,
    Some('‘'),
    Some('’'),
    Some('“'),
    Some('”'),
    Some('•'),
    Some('–'),
    Some('—'),
    Some('˜'),
    Some('™'),
    Some('š'),
    Some('›'),
    Some('œ'),
    None,
    Some('ž'),
    Some('Ÿ'),
];

/// How many rounds of repair to try: text can be mangled twice over.
const MAX_ROUNDS: usize = 3;

/// The cp1252 byte `c` was decoded from, if any.
fn cp1252_byte(c: char) -> Option<u8> {
    let code = u32::from(c);
    match code {
        // ASCII and Latin-1 map to themselves. C1 controls (U+0080..U+009F) are kept as their
        // byte too: they are cp1252's undefined bytes, or what a Latin-1 decoder left.
        0x00..=0xFF => u8::try_from(code).ok(),
        _ => CP1252_HIGH
            .iter()
            .position(|&mapped| mapped == Some(c))
            .and_then(|i| u8::try_from(0x80 + i).ok()),
    }
}

/// Counts mojibake markers: a UTF-8 lead byte followed by a continuation byte, both shown as
/// cp1252 characters ("Ã¡", "â€", "ðŸ"). Correct text in Latin scripts almost never has one.
fn markers(text: &str) -> usize {
    let bytes: Vec<Option<u8>> = text.chars().map(cp1252_byte).collect();
    bytes
        .windows(2)
        .filter(|pair| {
            matches!(pair, [Some(lead), Some(next)]
                if (0xC2..=0xF4).contains(lead) && (0x80..=0xBF).contains(next))
        })
        .count()
}

/// One round of repair, or `None` when the text does not round-trip or would not improve.
fn repair_once(text: &str) -> Option<String> {
    let bytes: Vec<u8> = text.chars().map(cp1252_byte).collect::<Option<_>>()?;
    let repaired = String::from_utf8(bytes).ok()?;
    (markers(&repaired) < markers(text)).then_some(repaired)
}

/// The text with its cp1252 mojibake repaired, or `None` when it needs no repair (or cannot
/// be repaired safely, in which case it is left exactly as it is).
pub fn repair_mojibake(text: &str) -> Option<String> {
    let mut current = repair_once(text)?;
    for _ in 1..MAX_ROUNDS {
        match repair_once(&current) {
            Some(better) => current = better,
            None => break,
        }
    }
    Some(current)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repairs_accents_quotes_and_emoji() {
        let mangled = "CambÃ¡ | Tierra ComÃºn | 24Ã¨me | Codeurs en LibertÃ© | weâ€™re | ðŸŽ‰";
        assert_eq!(
            repair_mojibake(mangled).as_deref(),
            Some("Cambá | Tierra Común | 24ème | Codeurs en Liberté | we’re | 🎉")
        );
    }

    #[test]
    fn repairs_through_cp1252_undefined_bytes() {
        // "”" is E2 80 9D; 0x9D is undefined in cp1252 and survives as U+009D.
        assert_eq!(
            repair_mojibake("â€œquotedâ€\u{9d}").as_deref(),
            Some("“quoted”")
        );
    }

    #[test]
    fn repairs_double_mangling() {
        let once = "CambÃ¡";
        let twice: String = once
            .bytes()
            .map(|b| match b {
                0x80..=0x9F => CP1252_HIGH[usize::from(b - 0x80)].unwrap_or(char::from(b)),
                _ => char::from(b),
            })
            .collect();
        assert_eq!(repair_mojibake(&twice).as_deref(), Some("Cambá"));
    }

    #[test]
    fn leaves_correct_text_alone() {
        for text in [
            "Cambá, Tierra Común, 24ème",
            "plain ascii",
            "we’re 🎉",
            "Кооператив",
            "",
        ] {
            assert_eq!(repair_mojibake(text), None, "{text}");
        }
    }

    #[test]
    fn leaves_text_alone_when_one_character_is_outside_cp1252() {
        assert_eq!(repair_mojibake("CambÃ¡ and 🎉"), None);
    }
}
