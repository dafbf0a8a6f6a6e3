//! Reading and decoding lesson files: the size limit, the BOM, and a clear
//! error (with a guess at the encoding) for files that are not UTF-8.

use std::io::Read;
use std::path::Path;

use super::diag::{Diagnostic, Location, Snippet, visible, visible_width};
use super::kind::{DiagnosticKind, Encoding};

/// Files larger than this are refused before reading (64 MiB).
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

const BOM: &str = "\u{feff}";

/// Reads a file from disk, refusing oversized files and anything that is
/// not a regular file (reading a FIFO would wait forever, a device forever
/// return bytes).
pub fn read(path: &Path) -> Result<Vec<u8>, Box<Diagnostic>> {
    if std::fs::metadata(path).is_ok_and(|meta| !meta.is_file()) {
        return Err(Box::new(not_a_file(path)));
    }
    let file = std::fs::File::open(path).map_err(|err| {
        Box::new(Diagnostic::whole(
            path,
            DiagnosticKind::CannotReadFile {
                error: err.to_string(),
            },
        ))
    })?;
    let meta = file.metadata().map_err(|err| {
        Box::new(Diagnostic::whole(
            path,
            DiagnosticKind::CannotReadFile {
                error: err.to_string(),
            },
        ))
    })?;
    if !meta.is_file() {
        return Err(Box::new(not_a_file(path)));
    }
    let size = meta.len();
    if size > MAX_FILE_BYTES {
        return Err(Box::new(too_big(path)));
    }
    // One byte more than the size, so that reading to the end never has
    // to grow (and copy) the buffer just to find that nothing follows.
    let mut bytes = Vec::with_capacity(usize::try_from(size).map_or(0, |n| n + 1));
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|err| {
            Box::new(Diagnostic::whole(
                path,
                DiagnosticKind::CannotReadFile {
                    error: err.to_string(),
                },
            ))
        })?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(Box::new(too_big(path)));
    }
    Ok(bytes)
}

fn not_a_file(path: &Path) -> Diagnostic {
    Diagnostic::whole(path, DiagnosticKind::NotARegularFile)
}

fn too_big(path: &Path) -> Diagnostic {
    let max_megabytes = MAX_FILE_BYTES / (1024 * 1024);
    Diagnostic::whole(path, DiagnosticKind::TooBig { max_megabytes })
}

/// The text of a file without its BOM, or a diagnostic saying why it is
/// not a text file terakoya can read. Borrows the bytes: no copy.
pub fn decode<'a>(path: &Path, bytes: &'a [u8]) -> Result<&'a str, Box<Diagnostic>> {
    // simdutf8 only says whether the bytes are valid; std's validator, run
    // again on failure, says where they are not.
    let text = match simdutf8::basic::from_utf8(bytes) {
        Ok(text) => text,
        Err(_) => std::str::from_utf8(bytes).map_err(|e| Box::new(not_utf8(path, bytes, &e)))?,
    };
    Ok(text.strip_prefix(BOM).unwrap_or(text))
}

/// A diagnostic when `text` holds a NUL byte (a binary file). Only asked
/// when parsing failed, since a NUL is never valid TOML: clean files skip
/// the scan.
pub fn binary_check(path: &Path, text: &str) -> Option<Diagnostic> {
    text.find('\0').map(|at| binary(path, text, at))
}

fn binary(path: &Path, text: &str, at: usize) -> Diagnostic {
    let mut diag = Diagnostic::whole(path, DiagnosticKind::Binary);
    diag.location = Some(byte_location(text.as_bytes(), at));
    diag
}

fn not_utf8(path: &Path, bytes: &[u8], err: &std::str::Utf8Error) -> Diagnostic {
    let at = err.valid_up_to();
    let bad = bytes.get(at).copied().unwrap_or(0);
    let kind = DiagnosticKind::NotUtf8 {
        byte: bad,
        byte_offset: at,
        encoding_guess: guess_encoding(bytes),
    };
    let mut diag = Diagnostic::whole(path, kind);
    diag.location = Some(byte_location(bytes, at));
    diag
}

/// Where byte `at` is, quoting its line with undecodable bytes shown as
/// `\x93` (long lines are cut around the byte).
fn byte_location(bytes: &[u8], at: usize) -> Location {
    let line_start = bytes[..at]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    let mut line_end = bytes[at..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(bytes.len(), |p| at + p);
    if line_end > at && bytes[line_end - 1] == b'\r' {
        line_end -= 1;
    }
    let from = line_start.max(at.saturating_sub(60));
    let to = line_end.min(at + 120).max(at);
    let lead = if from > line_start { "..." } else { "" };
    let trail = if to < line_end { "..." } else { "" };
    let caret_start = lead.len() + visible_width(&escaped(&bytes[from..at]));
    // `at` is the first bad byte, so everything before it in the line is
    // valid UTF-8 (unless the window cut a character: then it is escaped).
    Location {
        line: bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1,
        column: visible_width(&escaped(&bytes[line_start..at])) + 1,
        span: at..at + 1,
        snippet: Snippet {
            line: format!("{lead}{}{trail}", escaped(&bytes[from..to])),
            caret_start,
            caret_width: 1,
        },
    }
}

/// Bytes made printable: the valid UTF-8 before the first bad byte made
/// visible, then printable ASCII as is and every other byte as `\xNN` (in
/// a legacy encoding, stray bytes can look like valid UTF-8).
fn escaped(bytes: &[u8]) -> String {
    let valid = bytes.utf8_chunks().next().map_or("", |c| c.valid());
    let mut out = visible(valid);
    for &byte in &bytes[valid.len()..] {
        if byte.is_ascii_graphic() || byte == b' ' {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("\\x{byte:02X}"));
        }
    }
    out
}

/// A cheap guess at what a non-UTF-8 file is, for the error message.
pub fn guess_encoding(bytes: &[u8]) -> Option<Encoding> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Some(Encoding::Utf16);
    }
    if bytes.contains(&0) {
        return Some(Encoding::Binary);
    }
    if pairs_fit(bytes, is_euc_jp_pair) {
        return Some(Encoding::EucJp);
    }
    if pairs_fit(bytes, is_shift_jis_pair) {
        return Some(Encoding::ShiftJis);
    }
    None
}

/// Whether every non-ASCII byte of `bytes` starts a sequence `pair` accepts
/// (returning its length), and there is at least one.
fn pairs_fit(bytes: &[u8], pair: fn(u8, Option<u8>) -> Option<usize>) -> bool {
    let mut at = 0;
    let mut seen = false;
    while let Some(&b) = bytes.get(at) {
        if b < 0x80 {
            at += 1;
            continue;
        }
        match pair(b, bytes.get(at + 1).copied()) {
            Some(len) => {
                seen = true;
                at += len;
            }
            None => return false,
        }
    }
    seen
}

fn is_shift_jis_pair(lead: u8, trail: Option<u8>) -> Option<usize> {
    match lead {
        0xA1..=0xDF => Some(1), // half-width katakana
        0x81..=0x9F | 0xE0..=0xFC => matches!(trail?, 0x40..=0x7E | 0x80..=0xFC).then_some(2),
        _ => None,
    }
}

fn is_euc_jp_pair(lead: u8, trail: Option<u8>) -> Option<usize> {
    match lead {
        0x8E => matches!(trail?, 0xA1..=0xDF).then_some(2),
        0xA1..=0xFE => matches!(trail?, 0xA1..=0xFE).then_some(2),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // 日本語 in Shift_JIS and EUC-JP.
    const SJIS: &[u8] = b"title = \"\x93\xfa\x96\x7b\x8c\xea\"\n";
    const EUC: &[u8] = b"title = \"\xc6\xfc\xcb\xdc\xb8\xec\"\n";

    #[test]
    fn guesses_japanese_legacy_encodings() {
        assert_eq!(guess_encoding(SJIS), Some(Encoding::ShiftJis));
        assert_eq!(guess_encoding(EUC), Some(Encoding::EucJp));
        assert_eq!(guess_encoding(b"\xff\xfet\0"), Some(Encoding::Utf16));
        assert_eq!(guess_encoding(b"\xff\xff\xff"), None);
    }

    #[test]
    fn not_utf8_names_the_byte_line_and_column() {
        let bytes = [b"a = 1\n".as_slice(), SJIS].concat();
        let err = decode(Path::new("x.toml"), &bytes).unwrap_err();
        let at = err.location.as_ref().unwrap();
        assert_eq!((at.line, at.column), (2, 10));
        assert_eq!(at.snippet.line, r#"title = "\x93\xFA\x96{\x8C\xEA""#);
        assert_eq!(at.snippet.caret_start, 9);
        assert_eq!(
            err.kind,
            DiagnosticKind::NotUtf8 {
                byte: 0x93,
                byte_offset: 15,
                encoding_guess: Some(Encoding::ShiftJis)
            }
        );
    }

    #[test]
    fn bom_is_dropped_and_nul_is_refused() {
        let text = decode(Path::new("x"), b"\xef\xbb\xbfa = 1").unwrap();
        assert_eq!(text, "a = 1");
        let err = binary_check(Path::new("x"), "a = 1\nb\0").unwrap();
        assert_eq!(err.location.unwrap().line, 2);
    }
}
