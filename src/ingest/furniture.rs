//! News-site furniture cut from an article's text before it is tagged: teaser lines that
//! carry other articles' headlines ("Baca juga: …", "Lihat juga", "Simak juga", "Read also"),
//! photo credits ("(Foto: …)"), share and subscription prompts, copyright lines. Their actors
//! belong to other stories and were counted for this one.
//!
//! The article keeps the duplicate key of its text as it came, so a file imported before
//! this cut and imported again is still recognised as a copy.

use crate::model::ArticleDraft;

/// Prefixes (lower case) of teaser lines, after any '(' '[' '*' '-' or '>'.
const TEASERS: [&str; 13] = [
    "baca juga",
    "baca:",
    "lihat juga",
    "simak juga",
    "tonton juga",
    "artikel terkait",
    "berita terkait",
    "berita lainnya",
    "read also",
    "also read",
    "read more:",
    "related:",
    "related coverage",
];

/// Prefixes (lower case) of share, follow and subscription prompts.
const PROMPTS: [&str; 12] = [
    "bagikan:",
    "bagikan artikel",
    "bagikan berita",
    "share:",
    "share this",
    "ikuti kami",
    "follow us",
    "simak breaking news",
    "dapatkan update berita",
    "download aplikasi",
    "unduh aplikasi",
    "klik di sini untuk",
];

fn lead_trimmed(line: &str) -> &str {
    line.trim()
        .trim_start_matches(['(', '[', '*', '-', '>', '•', ' '])
}

/// `s` starts with `prefix` (lower case ASCII), in any case.
fn starts_ci(s: &str, prefix: &str) -> bool {
    s.len() >= prefix.len() && s.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

/// True for a whole line of furniture.
fn is_furniture(line: &str) -> bool {
    let l = lead_trimmed(line);
    if l.is_empty() || line.len() > 400 {
        return false;
    }
    TEASERS.iter().any(|t| starts_ci(l, t))
        || (line.len() < 160 && PROMPTS.iter().any(|p| starts_ci(l, p)))
        || (line.len() < 200 && (starts_ci(l, "foto:") || starts_ci(l, "foto :")))
        || (line.len() < 160
            && (starts_ci(l, "copyright") || l.starts_with('©') || starts_ci(l, "hak cipta")))
}

/// Whose a credit line names: the authors or the editor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Author,
    Editor,
}

/// Labels of credit lines (lower case), and whom they name.
const PEOPLE: [(&str, Role); 10] = [
    ("penulis", Role::Author),
    ("pewarta", Role::Author),
    ("reporter", Role::Author),
    ("wartawan", Role::Author),
    ("kontributor", Role::Author),
    ("writer", Role::Author),
    ("editor", Role::Editor),
    ("redaktur", Role::Editor),
    ("penyunting", Role::Editor),
    ("editing by", Role::Editor),
];

/// A credit line of the people behind the article ("Penulis: Rina | Editor: Budi",
/// "Pewarta: Rina", "(Editor: Budi)"): who is named in it, or `None` for any other line.
fn people_line(line: &str) -> Option<Vec<(Role, String)>> {
    let l = line
        .trim()
        .trim_start_matches(['(', '['])
        .trim_end_matches([')', ']', '.']);
    if l.is_empty() || l.len() > 160 || (!l.contains(':') && !starts_ci(l, "editing by")) {
        return None;
    }
    let mut out = Vec::new();
    for part in l.split(['|', ';']) {
        let part = part.trim();
        let (role, names) = PEOPLE.iter().find_map(|(label, role)| {
            if !starts_ci(part, label) {
                return None;
            }
            let rest = part[label.len()..].trim_start();
            let names = rest.strip_prefix(':').unwrap_or(rest).trim();
            (rest.starts_with(':') || *label == "editing by").then_some((*role, names))
        })?;
        // Names, not a sentence: short, a few words each, no sentence inside.
        if names.is_empty()
            || names.len() > 80
            || names.contains(". ")
            || names
                .split([',', '&'])
                .any(|n| n.split_whitespace().count() > 5)
        {
            return None;
        }
        out.push((role, names.to_string()));
    }
    (!out.is_empty()).then_some(out)
}

/// True when a line holds a "(Foto" credit (cheap: no allocation).
fn has_photo_credit(line: &str) -> bool {
    line.as_bytes()
        .windows(5)
        .any(|w| w[0] == b'(' && w[1..].eq_ignore_ascii_case(b"foto"))
}

/// Removes "(Foto: …)" credits inside a line.
fn cut_photo_credits(line: &str) -> Option<String> {
    let lower = line.to_lowercase();
    let start = lower.find("(foto:").or_else(|| lower.find("(foto :"))?;
    // Byte offsets agree: `to_lowercase` keeps the length of ASCII text and of the marker.
    if !line.is_char_boundary(start) || lower.len() != line.len() {
        return None;
    }
    let end = line[start..].find(')').map(|e| start + e + 1)?;
    let mut out = String::with_capacity(line.len());
    out.push_str(line[..start].trim_end());
    let rest = &line[end..];
    if !rest.starts_with(['.', ',', ' ']) && !out.is_empty() {
        out.push(' ');
    }
    out.push_str(rest);
    Some(out)
}

/// Cuts the furniture of `article`'s text; returns how many lines (and credits) went. The
/// duplicate key of the text as it came is kept.
pub fn strip(article: &mut ArticleDraft) -> usize {
    // Most texts have none: find out without allocating.
    if !article
        .text
        .split('\n')
        .any(|l| is_furniture(l) || has_photo_credit(l) || people_line(l).is_some())
    {
        return 0;
    }
    let mut cut = 0;
    let mut out: Vec<String> = Vec::new();
    let (mut authors, mut editors) = (Vec::new(), Vec::new());
    for line in article.text.split('\n') {
        if is_furniture(line) {
            cut += 1;
            continue;
        }
        if let Some(people) = people_line(line) {
            cut += 1;
            for (role, names) in people {
                match role {
                    Role::Author => authors.push(names),
                    Role::Editor => editors.push(names),
                }
            }
            continue;
        }
        match cut_photo_credits(line) {
            Some(l) => {
                cut += 1;
                out.push(l);
            }
            None => out.push(line.to_string()),
        }
    }
    if cut > 0 {
        if article.text_hash.is_none() {
            article.text_hash = Some(crate::model::text_hash(article));
        }
        // Blank lines left around cut lines collapse into one paragraph break.
        let mut text = String::with_capacity(article.text.len());
        let mut blank = 0;
        for l in &out {
            if l.trim().is_empty() {
                blank += 1;
                continue;
            }
            if !text.is_empty() {
                text.push_str(if blank > 0 { "\n\n" } else { "\n" });
            }
            text.push_str(l.trim_end());
            blank = 0;
        }
        article.text = text;
    }
    if article.byline.is_empty() {
        article.byline = authors.join("; ");
    }
    if article.editor.is_empty() {
        article.editor = editors.join("; ");
    }
    cut
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_teasers_credits_prompts_and_keeps_the_key() {
        let text = "Jakarta - Rusia dan Turki bertemu.\n\n(Baca Juga:   Jepang Kecam Korea Utara)\n\nBACA JUGA: Amerika Serikat Tarik Pasukan\n\nPresiden Rusia (Foto: AFP/Reuters) hadir di Ankara.\n\nFoto: Dok. Kemenlu\n\nSimak breaking news dan berita pilihan kami langsung di ponselmu.\n\nCopyright © 2021 Contoh.com\n";
        let mut a = ArticleDraft {
            text: text.into(),
            ..ArticleDraft::default()
        };
        let key = crate::model::text_hash(&a);
        assert_eq!(strip(&mut a), 6);
        assert_eq!(
            a.text,
            "Jakarta - Rusia dan Turki bertemu.\n\nPresiden Rusia hadir di Ankara."
        );
        assert_eq!(a.text_hash, Some(key), "the key of the text as it came");
        // Plain text is left alone.
        let mut b = ArticleDraft {
            text: "Baca buku itu, kata Presiden. Juga di Rusia.".into(),
            ..ArticleDraft::default()
        };
        assert_eq!(strip(&mut b), 0);
        assert_eq!(b.text_hash, None);
    }

    #[test]
    fn credit_lines_of_people_become_byline_and_editor() {
        let text = "Jakarta - Rusia dan Turki bertemu.\n\nPenulis : Rina Contoh\nEditor : Budi Santoso\n\n(Pewarta: Ani | Editor: Joko)\n\nReporter: Saya tiba di Ankara. Lalu semua orang di sana bicara tentang Suriah.\n\nEditor bilang: ini berita";
        let mut a = ArticleDraft {
            text: text.into(),
            ..ArticleDraft::default()
        };
        assert_eq!(strip(&mut a), 3);
        assert_eq!(a.byline, "Rina Contoh; Ani");
        assert_eq!(a.editor, "Budi Santoso; Joko");
        assert!(
            a.text.contains("Reporter: Saya tiba") && a.text.contains("Editor bilang"),
            "sentences are no credit lines: {}",
            a.text
        );
        assert!(!a.text.contains("Penulis") && !a.text.contains("Pewarta"));
    }
}
