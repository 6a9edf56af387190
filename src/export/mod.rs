//! Exports: CSV (RFC 4180, UTF-8, a header row) of the tagged data and of the analyses, and
//! the actor network as GEXF 1.3.
//!
//! Text cells that a spreadsheet would read as a formula (starting with `=`, `+`, `-`, `@`,
//! tab or carriage return) are neutralised with a leading apostrophe; `excel_bom` writes a
//! UTF-8 byte-order mark so Excel reads the file as UTF-8.

mod analysis;
pub mod chart;
mod gexf_dynamic;
mod insight;
pub mod provenance;
mod tables;
pub mod xlsx;

pub use analysis::{
    ExportFilter, TIMELINE_COLUMNS, cooccurrence_columns, write_articles_csv_filtered,
    write_cooccurrence_csv, write_cooccurrence_rows, write_mentions_csv_filtered,
    write_network_gexf, write_timeline_csv, write_timeline_rows,
};
pub use gexf_dynamic::write_network_gexf_dynamic;
pub use insight::{
    COMPARE_COLUMNS, COMPARE_PAIR_COLUMNS, OUTLETS_COLUMNS, PROFILE_COLUMNS, profile_parameters,
    write_compare_csv, write_compare_pair_rows, write_compare_rows, write_outlet_rows,
    write_outlets_csv, write_profile_rows,
};
pub use provenance::Provenance;
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
    /// The XLSX writer failed.
    #[error("cannot write the workbook: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
}

/// Settings of a CSV export.
#[derive(Debug, Clone, Copy, Default)]
pub struct CsvOptions {
    /// Start the file with a UTF-8 byte-order mark (for Excel).
    pub excel_bom: bool,
}

/// A CSV writer with pantau's settings.
pub fn csv_writer<W: Write>(
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

/// The forms of a table export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TableFormat {
    /// CSV, with its provenance beside it in `FILE.csv.json`.
    #[default]
    Csv,
    /// An XLSX workbook with typed cells and a provenance sheet.
    Xlsx,
}

impl TableFormat {
    /// XLSX for a `.xlsx` file, else CSV.
    pub fn of_path(path: &std::path::Path) -> TableFormat {
        match path.extension().and_then(|e| e.to_str()) {
            Some(e) if e.eq_ignore_ascii_case("xlsx") => TableFormat::Xlsx,
            _ => TableFormat::Csv,
        }
    }

    /// Parses `csv` or `xlsx`.
    pub fn parse(s: &str) -> Option<TableFormat> {
        match s.trim().to_ascii_lowercase().as_str() {
            "csv" => Some(TableFormat::Csv),
            "xlsx" => Some(TableFormat::Xlsx),
            _ => None,
        }
    }
}

/// Writes a table export to the file `path` in `format`, `write` writing its CSV: a CSV file
/// with `FILE.csv.json` beside it, or a workbook (data sheets named `sheet`, then the
/// provenance sheet). Returns the data rows.
pub fn write_table_file(
    path: &std::path::Path,
    format: TableFormat,
    options: CsvOptions,
    sheet: &str,
    provenance: &Provenance,
    write: impl FnOnce(&mut dyn Write, CsvOptions) -> Result<u64, ExportError>,
) -> Result<u64, ExportError> {
    match format {
        TableFormat::Csv => {
            let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
            let rows = write(&mut out, options)?;
            out.flush()?;
            let mut p = provenance.clone();
            p.rows = rows;
            p.write_json(&Provenance::sidecar(path))?;
            Ok(rows)
        }
        TableFormat::Xlsx => {
            // The CSV goes to a temporary file beside the workbook, then row by row into it.
            let dir = path
                .parent()
                .filter(|d| !d.as_os_str().is_empty())
                .unwrap_or_else(|| std::path::Path::new("."));
            let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
            {
                let mut out = std::io::BufWriter::new(tmp.as_file_mut());
                write(&mut out, CsvOptions { excel_bom: false })?;
                out.flush()?;
            }
            let csv = std::io::BufReader::new(std::fs::File::open(tmp.path())?);
            xlsx::csv_to_xlsx(csv, path, sheet, provenance)
        }
    }
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
