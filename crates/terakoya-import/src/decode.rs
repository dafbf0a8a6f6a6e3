//! Bytes to text. HTML may declare a legacy Japanese encoding (Shift_JIS,
//! EUC-JP, ISO-2022-JP) in `<meta charset>`; those are decoded with
//! encoding_rs, as a browser would. Everything else must be UTF-8.

use encoding_rs::{Encoding, UTF_8};

/// Why bytes could not become text.
#[derive(Debug, Clone, thiserror::Error, PartialEq, Eq)]
pub enum DecodeError {
    /// Not UTF-8 and no usable declaration: where the first bad byte is
    /// (1-based line, and column counted in characters), and what the
    /// bytes look like when one of the Japanese legacy encodings reads
    /// them without error.
    #[error("not UTF-8 (line {line}, column {column})")]
    NotUtf8 {
        line: usize,
        column: usize,
        guess: Option<&'static str>,
    },
    /// `<meta charset>` names an encoding the Encoding Standard does not
    /// know.
    #[error("unknown charset {0}")]
    UnknownCharset(String),
}

/// How far into a page the `<meta charset>` declaration is looked for
/// (browsers look at the first 1024 bytes; saved pages sometimes put a
/// long comment first).
const PRESCAN_BYTES: usize = 4096;

/// Decodes a web page: a byte-order mark wins, then a `<meta charset>` or
/// `<meta http-equiv="Content-Type" content="…; charset=…">` declaration,
/// then UTF-8. Bytes that are malformed in a *declared* encoding become
/// U+FFFD, as in a browser.
pub fn decode_html(bytes: &[u8]) -> Result<String, DecodeError> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        return Ok(text.into_owned());
    }
    match declared_charset(bytes) {
        Some(label) => {
            let encoding = Encoding::for_label(label.as_bytes())
                .ok_or_else(|| DecodeError::UnknownCharset(label.clone()))?;
            // A page saved as UTF-8 by a browser keeps its old declaration;
            // UTF-16 declared in an ASCII-compatible file is a lie (the
            // Encoding Standard says to read UTF-8 then).
            let encoding = if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE
            {
                UTF_8
            } else {
                encoding
            };
            let (text, _) = encoding.decode_without_bom_handling(bytes);
            Ok(text.into_owned())
        }
        None => decode_utf8(bytes),
    }
}

/// Decodes UTF-8 text (a byte-order mark is dropped), or says where it is
/// not UTF-8.
pub fn decode_utf8(bytes: &[u8]) -> Result<String, DecodeError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_owned()),
        Err(err) => {
            let good = &bytes[..err.valid_up_to()];
            let good = std::str::from_utf8(good).unwrap_or_default();
            let line = good.matches('\n').count() + 1;
            let column = good.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            Err(DecodeError::NotUtf8 {
                line,
                column,
                guess: guess_legacy(bytes),
            })
        }
    }
}

/// The first Japanese legacy encoding that reads all of `bytes` cleanly.
fn guess_legacy(bytes: &[u8]) -> Option<&'static str> {
    [
        encoding_rs::SHIFT_JIS,
        encoding_rs::EUC_JP,
        encoding_rs::ISO_2022_JP,
    ]
    .into_iter()
    .find(|encoding| {
        encoding
            .decode_without_bom_handling_and_without_replacement(bytes)
            .is_some()
    })
    .map(Encoding::name)
}

/// The charset named by the first `<meta>` that declares one.
fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(PRESCAN_BYTES)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(at) = find(&lower[from..], b"<meta") {
        let start = from + at;
        let end = find(&lower[start..], b">").map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(pos) = find(tag, b"charset") {
            let rest = &tag[pos + b"charset".len()..];
            let rest = trim_start(rest);
            if let Some(rest) = rest.strip_prefix(b"=") {
                let rest = trim_start(rest);
                let rest = rest
                    .strip_prefix(b"\"")
                    .or_else(|| rest.strip_prefix(b"'"))
                    .unwrap_or(rest);
                let name: Vec<u8> = rest
                    .iter()
                    .copied()
                    .take_while(|b| b.is_ascii_alphanumeric() || b"-_:.".contains(b))
                    .collect();
                if !name.is_empty() {
                    return Some(String::from_utf8_lossy(&name).into_owned());
                }
            }
        }
        from = end;
    }
    None
}

fn trim_start(bytes: &[u8]) -> &[u8] {
    let skip = bytes.iter().take_while(|b| b.is_ascii_whitespace()).count();
    &bytes[skip..]
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shift_jis_declared_in_meta_is_decoded() {
        let page = "<html><head><meta charset=\"Shift_JIS\"></head><body><p>研修医の皆さんへ</p></body></html>";
        let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode(page);
        assert!(std::str::from_utf8(&bytes).is_err());
        assert_eq!(decode_html(&bytes).unwrap(), page);
    }

    #[test]
    fn euc_jp_declared_with_http_equiv_is_decoded() {
        let page = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=EUC-JP\"><p>守秘義務</p>";
        let (bytes, _, _) = encoding_rs::EUC_JP.encode(page);
        assert_eq!(decode_html(&bytes).unwrap(), page);
    }

    #[test]
    fn undeclared_legacy_bytes_are_refused_with_their_place_and_a_guess() {
        let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode("一行目\n二行目は日本語");
        let err = decode_utf8(&bytes).unwrap_err();
        assert_eq!(
            err,
            DecodeError::NotUtf8 {
                line: 1,
                column: 1,
                guess: Some("Shift_JIS")
            }
        );
        let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode("ok\nab日本");
        assert!(matches!(
            decode_utf8(&bytes),
            Err(DecodeError::NotUtf8 {
                line: 2,
                column: 3,
                ..
            })
        ));
    }

    #[test]
    fn an_unknown_charset_is_named() {
        let page = b"<meta charset=klingon><p>x</p>";
        assert_eq!(
            decode_html(page),
            Err(DecodeError::UnknownCharset("klingon".into()))
        );
    }

    #[test]
    fn an_ascii_page_declaring_shift_jis_reads_the_same() {
        let page = "<meta charset=shift_jis><p>plain ascii</p>";
        assert_eq!(decode_html(page.as_bytes()).unwrap(), page);
    }
}
