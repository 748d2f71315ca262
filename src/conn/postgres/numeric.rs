//! PostgreSQL's binary NUMERIC format, to and from decimal text.
//!
//! The wire format is base-10000 digits with a weight (the power of 10000 of the first digit),
//! a sign and a display scale. Decimal text keeps values exact in both directions.

use bytes::{BufMut, BytesMut};
use std::error::Error as StdError;

type BoxError = Box<dyn StdError + Sync + Send>;

const POSITIVE: u16 = 0x0000;
const NEGATIVE: u16 = 0x4000;
const NAN: u16 = 0xC000;
/// PostgreSQL 14 and later: NUMERIC `Infinity` and `-Infinity`.
const PINF: u16 = 0xD000;
const NINF: u16 = 0xF000;

fn groups(digits: &str) -> impl Iterator<Item = i16> + '_ {
    digits
        .as_bytes()
        .chunks(4)
        .map(|chunk| chunk.iter().fold(0i16, |acc, d| acc * 10 + i16::from(d - b'0')))
}

/// Writes decimal text such as `-12.0500` as a binary NUMERIC.
pub(super) fn encode(text: &str, out: &mut BytesMut) -> Result<(), BoxError> {
    let text = text.trim();
    let special = match text.to_ascii_lowercase().as_str() {
        "nan" => Some(NAN),
        "infinity" | "+infinity" | "inf" | "+inf" => Some(PINF),
        "-infinity" | "-inf" => Some(NINF),
        _ => None,
    };
    if let Some(sign) = special {
        out.put_i16(0);
        out.put_i16(0);
        out.put_u16(sign);
        out.put_u16(0);
        return Ok(());
    }
    let (negative, unsigned) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let (int_part, frac_part) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let valid = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if (int_part.is_empty() && frac_part.is_empty()) || !valid(int_part) || !valid(frac_part) {
        return Err(format!("`{text}` is not a decimal number").into());
    }
    let int_part = int_part.trim_start_matches('0');
    let dscale = u16::try_from(frac_part.len())?;
    let int_padded = format!("{}{int_part}", "0".repeat((4 - int_part.len() % 4) % 4));
    let frac_padded = format!("{frac_part}{}", "0".repeat((4 - frac_part.len() % 4) % 4));
    let mut digits: Vec<i16> = groups(&int_padded).chain(groups(&frac_padded)).collect();
    let mut weight = i16::try_from(int_padded.len() / 4)? - 1;
    let leading = digits.iter().take_while(|d| **d == 0).count();
    digits.drain(..leading);
    weight -= i16::try_from(leading)?;
    while digits.last() == Some(&0) {
        digits.pop();
    }
    let sign = if negative && !digits.is_empty() { NEGATIVE } else { POSITIVE };
    if digits.is_empty() {
        weight = 0;
    }
    out.put_i16(i16::try_from(digits.len())?);
    out.put_i16(weight);
    out.put_u16(sign);
    out.put_u16(dscale);
    for d in digits {
        out.put_i16(d);
    }
    Ok(())
}

/// Reads a binary NUMERIC as decimal text with its display scale.
pub(super) fn decode(raw: &[u8]) -> Result<String, BoxError> {
    let word = |i: usize| -> Result<i16, BoxError> {
        let b = raw.get(i * 2..i * 2 + 2).ok_or("truncated NUMERIC value")?;
        Ok(i16::from_be_bytes([b[0], b[1]]))
    };
    let ndigits = usize::try_from(word(0)?)?;
    let weight = i32::from(word(1)?);
    let sign = word(2)? as u16;
    let dscale = usize::try_from(word(3)?)?;
    match sign {
        NAN => return Ok("NaN".to_owned()),
        PINF => return Ok("Infinity".to_owned()),
        NINF => return Ok("-Infinity".to_owned()),
        POSITIVE | NEGATIVE => {}
        _ => return Err(format!("unknown NUMERIC sign word {sign:#06x}").into()),
    }
    let digit = |i: i32| -> Result<i16, BoxError> {
        if i < 0 || i as usize >= ndigits { Ok(0) } else { word(4 + i as usize) }
    };
    let mut out = String::new();
    if sign == NEGATIVE {
        out.push('-');
    }
    if weight < 0 {
        out.push('0');
    } else {
        for i in 0..=weight {
            let d = digit(i)?;
            if i == 0 {
                out.push_str(&d.to_string());
            } else {
                out.push_str(&format!("{d:04}"));
            }
        }
    }
    if dscale > 0 {
        out.push('.');
        let mut frac = String::new();
        let mut i = weight + 1;
        while frac.len() < dscale {
            frac.push_str(&format!("{:04}", digit(i)?));
            i += 1;
        }
        frac.truncate(dscale);
        out.push_str(&frac);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(s: &str) -> String {
        let mut buf = BytesMut::new();
        encode(s, &mut buf).unwrap();
        decode(&buf).unwrap()
    }

    #[test]
    fn numeric_round_trips() {
        for (input, expected) in [
            ("0", "0"),
            ("12", "12"),
            ("-12.0500", "-12.0500"),
            ("10000", "10000"),
            ("123456789.000001", "123456789.000001"),
            ("0.00001", "0.00001"),
            ("-0.5", "-0.5"),
            ("007.10", "7.10"),
            ("NaN", "NaN"),
            ("Infinity", "Infinity"),
            ("-Infinity", "-Infinity"),
            ("inf", "Infinity"),
        ] {
            assert_eq!(round_trip(input), expected, "{input}");
        }
        assert!(encode("1e5", &mut BytesMut::new()).is_err());
        assert!(encode("", &mut BytesMut::new()).is_err());
    }
}
