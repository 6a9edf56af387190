//! Exports: CSV (RFC 4180, UTF-8, a header row) of the tagged data and of the analyses, and
//! the actor network as GEXF 1.3.
//!
//! Text cells that a spreadsheet would read as a formula (starting with `=`, `+`, `-`, `@`,
//! tab or carriage return) are neutralised with a leading apostrophe; `excel_bom` writes a
//! UTF-8 byte-order mark so Excel reads the file as UTF-8.

mod analysis;
mod tables;

pub use analysis::{
    ExportFilter, TIMELINE_COLUMNS, cooccurrence_columns, write_articles_csv_filtered,
    write_cooccurrence_csv, write_cooccurrence_rows, write_mentions_csv_filtered,
    write_network_gexf, write_timeline_csv, write_timeline_rows,
};
pub use tables::{write_articles_csv, write_mentions_csv};

use std::borrow::Cow;
use std::io::Write;

/// A failed export.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// Reading the database failed.
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
    /// Writing the output failed.
    #[error("cannot write the export: {0}")]
    Write(#[from] std::io::Error),
    /// The XML writer failed.
    #[error("cannot write the export: {0}")]
    Xml(#[from] quick_xml::Error),
    /// The CSV writer failed.
    #[error("cannot write the export: {0}")]
    Csv(#[from] csv::Error),
}

/// Settings of a CSV export.
#[derive(Debug, Clone, Copy, Default)]
pub struct CsvOptions {
    /// Start the file with a UTF-8 byte-order mark (for Excel).
    pub excel_bom: bool,
}

/// A CSV writer with pantau's settings.
pub(crate) fn csv_writer<W: Write>(
    mut out: W,
    options: CsvOptions,
) -> Result<csv::Writer<W>, ExportError> {
    if options.excel_bom {
        out.write_all(b"\xEF\xBB\xBF")?;
    }
    Ok(csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(out))
}

/// A text cell made safe against formula injection.
pub fn safe_cell(value: &str) -> Cow<'_, str> {
    match value.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => Cow::Owned(format!("'{value}")),
        _ => Cow::Borrowed(value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn neutralises_formulas_only() {
        let cases = [
            ("=SUM(A1)", "'=SUM(A1)"),
            ("+62", "'+62"),
            ("-1", "'-1"),
            ("@x", "'@x"),
            ("Rusia", "Rusia"),
            ("", ""),
        ];
        for (input, want) in cases {
            assert_eq!(safe_cell(input), want, "{input}");
        }
    }
}
