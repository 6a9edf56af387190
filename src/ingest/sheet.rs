//! Spreadsheets from monitoring services and analysts' own lists: XLSX, XLS and ODS, read with
//! calamine. Every sheet with a header row whose columns name a title or a text is read like
//! a CSV file (the same column names); cells stored as dates are read as dates.

use super::archive::{zip_entry, zip_names};
use super::importer::{Importer, Parsed, Probe, Source};
use super::records::{Cell, table_records};
use super::{Format, IngestErrorKind, broken};
use calamine::{Data, Reader};
use std::io::Cursor;

/// The OLE2 compound-file magic number (XLS, and old DOC).
const OLE: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// XLSX, XLS and ODS workbooks.
pub struct Spreadsheet;

fn cell(d: &Data) -> Cell {
    match d {
        Data::DateTime(dt) => match dt.as_datetime() {
            Some(t) => Cell::Date(t),
            None => Cell::Text(dt.to_string()),
        },
        Data::Empty => Cell::Text(String::new()),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => Cell::Text(format!("{f:.0}")),
        other => Cell::Text(other.to_string()),
    }
}

impl Importer for Spreadsheet {
    fn format(&self) -> Format {
        Format("spreadsheet")
    }

    fn claims(&self, probe: &Probe<'_>) -> bool {
        if probe.bytes.starts_with(&OLE) {
            return probe.ext == "xls";
        }
        match zip_names(probe.bytes) {
            Some(names) if names.iter().any(|n| n == "xl/workbook.xml") => true,
            Some(names) if names.iter().any(|n| n == "content.xml") => {
                zip_entry(probe.bytes, "mimetype", 200)
                    .is_ok_and(|m| m.starts_with(b"application/vnd.oasis.opendocument.spreadsheet"))
            }
            _ => false,
        }
    }

    fn read(&self, src: &Source<'_>) -> Result<Parsed, IngestErrorKind> {
        let mut book = calamine::open_workbook_auto_from_rs(Cursor::new(src.bytes))
            .map_err(|e| broken(self.format(), e.to_string()))?;
        let mut out = Parsed::default();
        let mut reasons = Vec::new();
        for name in book.sheet_names() {
            let range = match book.worksheet_range(&name) {
                Ok(r) => r,
                Err(e) => {
                    out.warnings.push(format!("sheet {name:?}: {e}"));
                    continue;
                }
            };
            let mut rows = range.rows().enumerate();
            // The header is the first row with any text.
            let Some((header_at, header)) = rows
                .by_ref()
                .find(|(_, r)| r.iter().any(|c| !matches!(c, Data::Empty)))
            else {
                continue;
            };
            let headers: Vec<String> = header.iter().map(|c| c.to_string()).collect();
            let records = rows.map(|(i, r)| {
                (
                    format!("sheet {name:?} row {}", i + 1),
                    r.iter().map(cell).collect::<Vec<_>>(),
                )
            });
            match table_records(&headers, records, &src.options.fields) {
                Ok(mut parsed) => {
                    out.articles.append(&mut parsed.articles);
                    out.warnings.extend(parsed.warnings);
                }
                Err(e) => reasons.push(format!(
                    "sheet {name:?} (header in row {}): {e}",
                    header_at + 1
                )),
            }
        }
        if out.articles.is_empty() && !reasons.is_empty() {
            return Err(broken(self.format(), reasons.join("; ")));
        }
        out.warnings
            .extend(reasons.into_iter().map(|r| format!("{r}; sheet not read")));
        Ok(out)
    }
}
