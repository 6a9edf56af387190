//! Any table export as an XLSX workbook (rust_xlsxwriter): typed cells (dates as dates, numbers
//! as numbers), a frozen bold header, and a `provenance` sheet. The exporters write CSV; this
//! reads that CSV back row by row and writes the workbook in constant memory, so every table
//! export has both forms with one writer each.
//!
//! A sheet holds at most 1,048,576 rows: a longer table goes on in `data (2)`, `data (3)`...,
//! each with the header, and the provenance sheet says how many sheets there are.

use super::ExportError;
use super::provenance::Provenance;
use chrono::NaiveDate;
use rust_xlsxwriter::{Format, Workbook, Worksheet};
use std::io::Read;
use std::path::Path;

/// Rows of one sheet, the header included (Excel's limit).
pub const SHEET_ROWS: u32 = 1_048_576;

/// Columns whose values are text even when they look like numbers (ids of the source, titles,
/// the matched text, codes).
const TEXT_COLUMNS: &[&str] = &[
    "source_id",
    "path",
    "title",
    "source",
    "url",
    "matched_text",
    "context",
    "actor_code",
    "actor_name",
    "actor_a",
    "actor_b",
    "name_a",
    "name_b",
    "byline",
    "editor",
    "section",
    "term",
    "dateline_place",
    "dateline_country",
];

/// Columns of ISO dates (YYYY-MM-DD).
const DATE_COLUMNS: &[&str] = &["published", "bin_start", "date", "bin", "first_published"];

/// How a column's cells are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    Date,
    /// A number when the cell parses as one, else text.
    Number,
}

fn kind_of(column: &str) -> Kind {
    if DATE_COLUMNS.contains(&column) {
        Kind::Date
    } else if TEXT_COLUMNS.contains(&column) {
        Kind::Text
    } else {
        Kind::Number
    }
}

/// Writes the CSV table read from `csv` (a header row, then rows) as the workbook `out`, its
/// data sheets named `sheet` (then `sheet (2)`...), with `provenance` (its `rows` set here).
/// Returns the data rows written.
pub fn csv_to_xlsx<R: Read>(
    csv: R,
    out: &Path,
    sheet: &str,
    provenance: &Provenance,
) -> Result<u64, ExportError> {
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(csv);
    let header: Vec<String> = reader.headers()?.iter().map(str::to_string).collect();
    let kinds: Vec<Kind> = header.iter().map(|h| kind_of(h)).collect();
    let bold = Format::new().set_bold();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let mut workbook = Workbook::new();
    let mut sheets = 0u32;
    let mut rows = 0u64;
    let mut row_in_sheet = SHEET_ROWS; // start a sheet at the first record
    let new_sheet = |workbook: &mut Workbook, n: u32| -> Result<(), ExportError> {
        let ws = workbook.add_worksheet_with_constant_memory()?;
        ws.set_name(sheet_name(sheet, n))?;
        for (c, h) in header.iter().enumerate() {
            ws.write_string_with_format(0, col(c)?, h, &bold)?;
        }
        ws.set_freeze_panes(1, 0)?;
        Ok(())
    };
    let mut record = csv::StringRecord::new();
    while reader.read_record(&mut record)? {
        if row_in_sheet >= SHEET_ROWS {
            sheets += 1;
            new_sheet(&mut workbook, sheets)?;
            row_in_sheet = 1;
        }
        let ws = last_sheet(&mut workbook)?;
        for (c, value) in record.iter().enumerate() {
            write_cell(
                ws,
                row_in_sheet,
                col(c)?,
                value,
                kinds.get(c).copied().unwrap_or(Kind::Number),
                &date,
            )?;
        }
        row_in_sheet += 1;
        rows += 1;
    }
    if sheets == 0 {
        new_sheet(&mut workbook, 1)?;
        sheets = 1;
    }
    let mut provenance = provenance.clone();
    provenance.rows = rows;
    let ws = workbook.add_worksheet();
    ws.set_name("provenance")?;
    ws.write_string_with_format(0, 0, "key", &bold)?;
    ws.write_string_with_format(0, 1, "value", &bold)?;
    let mut lines = provenance.lines();
    lines.insert(1, ("data_sheets".to_string(), sheets.to_string()));
    for (r, (k, v)) in lines.iter().enumerate() {
        let r = u32::try_from(r + 1).unwrap_or(u32::MAX);
        ws.write_string(r, 0, k)?;
        ws.write_string(r, 1, v)?;
    }
    ws.set_column_width(0, 24)?;
    ws.set_column_width(1, 90)?;
    workbook.save(out)?;
    Ok(rows)
}

fn sheet_name(base: &str, n: u32) -> String {
    // Excel: at most 31 characters, none of []:*?/\.
    let clean: String = base
        .chars()
        .filter(|c| !"[]:*?/\\".contains(*c))
        .take(24)
        .collect();
    if n <= 1 {
        clean
    } else {
        format!("{clean} ({n})")
    }
}

fn col(c: usize) -> Result<u16, ExportError> {
    u16::try_from(c)
        .ok()
        .filter(|&c| c < 16_384)
        .ok_or_else(|| ExportError::Write(std::io::Error::other("more than 16,384 columns")))
}

fn last_sheet(workbook: &mut Workbook) -> Result<&mut Worksheet, ExportError> {
    let n = workbook.worksheets().len();
    workbook
        .worksheet_from_index(n.saturating_sub(1))
        .map_err(ExportError::from)
}

fn write_cell(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    value: &str,
    kind: Kind,
    date: &Format,
) -> Result<(), ExportError> {
    if value.is_empty() {
        return Ok(());
    }
    match kind {
        // Excel's dates start in 1900; earlier ones stay text.
        Kind::Date => match NaiveDate::parse_from_str(value, "%Y-%m-%d")
            .ok()
            .filter(|d| chrono::Datelike::year(d) >= 1900)
        {
            Some(d) => {
                ws.write_datetime_with_format(row, col, d, date)?;
            }
            None => {
                ws.write_string(row, col, value)?;
            }
        },
        Kind::Number => match value.parse::<f64>() {
            Ok(x) if x.is_finite() && !value.starts_with('+') => {
                ws.write_number(row, col, x)?;
            }
            _ => {
                ws.write_string(row, col, text_of(value))?;
            }
        },
        Kind::Text => {
            ws.write_string(row, col, text_of(value))?;
        }
    }
    Ok(())
}

/// A cell's text: the CSV's formula guard (a leading apostrophe) is not needed in a string
/// cell, which Excel never evaluates.
fn text_of(value: &str) -> &str {
    match value.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => value,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_what_excel_allows() {
        assert_eq!(sheet_name("mentions", 1), "mentions");
        assert_eq!(sheet_name("mentions", 2), "mentions (2)");
        assert_eq!(sheet_name("a/b:c", 1), "abc");
        assert!(sheet_name(&"x".repeat(40), 12).chars().count() <= 31);
    }

    #[test]
    fn columns_are_typed_by_name() {
        assert_eq!(kind_of("published"), Kind::Date);
        assert_eq!(kind_of("source_id"), Kind::Text);
        assert_eq!(kind_of("articles"), Kind::Number);
        assert_eq!(text_of("'=SUM(A1)"), "=SUM(A1)");
        assert_eq!(text_of("'quoted"), "'quoted");
    }
}
