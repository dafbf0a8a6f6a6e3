//! Rendering a diagnostic rustc-style: the headline, the quoted line under
//! a line-number gutter, carets under the span, and `= help:`. The caller
//! may style each part (the CLI colours them on a terminal); the bundle
//! layer itself writes no escape codes.

use std::fmt;

use super::diag::{Diagnostic, Severity, visible};

/// The parts of a rendering a caller may style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// `path:line:col:`
    Path,
    /// The word `error` or `warning`.
    Severity(Severity),
    /// The message after the severity.
    Message,
    /// The line-number gutter and its `|` and `=`.
    Gutter,
    /// The carets under the span.
    Carets(Severity),
    /// The word `help`.
    Help,
}

/// A diagnostic with a styling function, to print with `{}`.
pub struct Rendered<'a> {
    diagnostic: &'a Diagnostic,
    style: &'a dyn Fn(Part, &str) -> String,
}

impl Diagnostic {
    /// Renders with `style` applied to each part (e.g. to colour it).
    pub fn rendered<'a>(&'a self, style: &'a dyn Fn(Part, &str) -> String) -> Rendered<'a> {
        Rendered {
            diagnostic: self,
            style,
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.rendered(&|_, text| text.to_owned()).fmt(f)
    }
}

impl fmt::Display for Rendered<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.diagnostic;
        let paint = self.style;
        let (severity, word) = match d.severity {
            Severity::Error => (d.severity, "error"),
            Severity::Warning => (d.severity, "warning"),
        };
        let path = visible(&d.path.display().to_string());
        let place = match &d.location {
            Some(at) => format!("{path}:{}:{}:", at.line, at.column),
            None => format!("{path}:"),
        };
        writeln!(
            f,
            "{} {}: {}",
            paint(Part::Path, &place),
            paint(Part::Severity(severity), word),
            paint(Part::Message, &visible(&d.message))
        )?;
        let gutter = d
            .location
            .as_ref()
            .map_or(1, |at| at.line.to_string().len());
        let pad = " ".repeat(gutter);
        if let Some(at) = &d.location {
            let snippet = &at.snippet;
            let bar = paint(Part::Gutter, &format!("{pad} |"));
            writeln!(f, "{bar}")?;
            let numbered = paint(Part::Gutter, &format!("{} |", at.line));
            let space = if snippet.line.is_empty() { "" } else { " " };
            writeln!(f, "{numbered}{space}{}", snippet.line)?;
            let carets = paint(Part::Carets(severity), &"^".repeat(snippet.caret_width));
            writeln!(f, "{bar} {}{carets}", " ".repeat(snippet.caret_start))?;
        }
        if let Some(help) = &d.help {
            let equals = paint(Part::Gutter, &format!("{pad} ="));
            writeln!(
                f,
                "{equals} {}: {}",
                paint(Part::Help, "help"),
                visible(help)
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crate::bundle::diag::SourceText;

    #[test]
    fn every_part_goes_through_the_style() {
        let src = SourceText::new(Path::new("l.toml"), "heding = 1\n");
        let d = src
            .error(0..6, "unknown key")
            .with_help("did you mean `heading`?");
        let marked = d
            .rendered(&|part, text| format!("<{part:?}>{text}</>"))
            .to_string();
        assert_eq!(
            marked,
            "<Path>l.toml:1:1:</> <Severity(Error)>error</>: <Message>unknown key</>\n\
             <Gutter>  |</>\n\
             <Gutter>1 |</> heding = 1\n\
             <Gutter>  |</> <Carets(Error)>^^^^^^</>\n\
             <Gutter>  =</> <Help>help</>: did you mean `heading`?\n"
        );
        assert_eq!(
            d.to_string(),
            "l.toml:1:1: error: unknown key\n  |\n1 | heding = 1\n  | ^^^^^^\n  = help: did you mean `heading`?\n"
        );
    }
}
