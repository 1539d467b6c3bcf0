//! Laying out an A4 document and writing it as a tagged PDF (PDF/UA-1) with krilla.
//!
//! krilla draws a line of text where it is told and does not wrap: [`Doc`] measures each word with
//! the font's advance widths (skrifa, which krilla itself uses) and breaks lines at spaces, a word
//! longer than the line at characters. The layout is two passes: blocks (a heading, a paragraph, a
//! labelled line to fill in, a month calendar, a QR code) become positioned pieces on pages, then
//! [`Doc::finish`] draws them, each text line as a tagged span inside its block's structure element
//! (H1/H2/P/Figure), rules and boxes as artifacts, with an outline entry per first-level heading, the
//! document's title and language and the creation date given (never a clock). krilla's validation
//! errors come back as an [`Error`](crate::Error), never a panic.

use krilla::color::rgb;
use krilla::configure::{Accessibility, ConfigurationBuilder};
use krilla::destination::XyzDestination;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::{DateTime, Metadata};
use krilla::num::NormalizedF32;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::tagging::{Artifact, ArtifactType, ContentTag, Node, SpanTag, Tag, TagGroup, TagKind, TagTree};
use krilla::text::{Font, TextDirection};
use krilla::{Document, SerializeSettings};
use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, MetadataProvider};
use std::num::NonZeroU16;
use std::sync::OnceLock;

/// DejaVu Sans, cut to Latin, Latin-1, Cyrillic (Kazakh included) and a little punctuation by
/// `scripts/font-subset`; its licence is `fonts/LICENSE-DejaVu.txt`, which every bundle carries.
pub static REGULAR: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");
pub static BOLD: &[u8] = include_bytes!("../fonts/DejaVuSans-Bold.ttf");

pub const PAGE_W: f32 = 595.28;
pub const PAGE_H: f32 = 841.89;
const MARGIN: f32 = 56.0;
const WIDTH: f32 = PAGE_W - 2.0 * MARGIN;

/// Advance widths by character, in em, for one face.
struct Metrics {
    widths: Vec<(char, f32)>,
}

impl Metrics {
    fn new(bytes: &'static [u8]) -> Metrics {
        let mut widths = Vec::new();
        if let Ok(font) = FontRef::new(bytes) {
            let upem = f32::from(font.metrics(Size::unscaled(), LocationRef::default()).units_per_em.max(1));
            let gm = font.glyph_metrics(Size::unscaled(), LocationRef::default());
            for (cp, gid) in font.charmap().mappings() {
                if let (Some(ch), Some(w)) = (char::from_u32(cp), gm.advance_width(gid)) {
                    widths.push((ch, w / upem));
                }
            }
        }
        widths.sort_by_key(|(c, _)| *c);
        Metrics { widths }
    }

    /// The advance of `ch` in em; a character the font lacks is drawn as its missing glyph, about
    /// as wide as a letter.
    fn advance(&self, ch: char) -> f32 {
        self.widths.binary_search_by_key(&ch, |(c, _)| *c).map(|i| self.widths[i].1).unwrap_or(0.6)
    }
}

fn metrics(bold: bool) -> &'static Metrics {
    static R: OnceLock<Metrics> = OnceLock::new();
    static B: OnceLock<Metrics> = OnceLock::new();
    if bold {
        B.get_or_init(|| Metrics::new(BOLD))
    } else {
        R.get_or_init(|| Metrics::new(REGULAR))
    }
}

/// The width of `text` at `size` points.
pub fn width(text: &str, size: f32, bold: bool) -> f32 {
    let m = metrics(bold);
    text.chars().map(|c| m.advance(c)).sum::<f32>() * size
}

/// Lines of at most `max` points: breaks at spaces, and inside a word only when it is longer than a
/// line. A character the font lacks is replaced by `?` so no glyph is missing (PDF/UA forbids it).
pub fn wrap(text: &str, size: f32, bold: bool, max: f32) -> Vec<String> {
    let text = printable(text);
    let mut lines = Vec::new();
    for para in text.split('\n') {
        let mut line = String::new();
        for word in para.split(' ').filter(|w| !w.is_empty()) {
            let candidate = if line.is_empty() { word.to_string() } else { format!("{line} {word}") };
            if width(&candidate, size, bold) <= max {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            // A word wider than the line is cut at characters.
            for ch in word.chars() {
                line.push(ch);
                if width(&line, size, bold) > max && line.chars().count() > 1 {
                    line.pop();
                    lines.push(std::mem::take(&mut line));
                    line.push(ch);
                }
            }
        }
        lines.push(line);
    }
    lines
}

/// The text with every character the fonts lack (or a control character) replaced by `?`.
pub fn printable(text: &str) -> String {
    let m = metrics(false);
    text.chars()
        .map(|c| match c {
            '\n' => '\n',
            '\t' => ' ',
            c if c.is_control() => '?',
            c if m.widths.binary_search_by_key(&c, |(x, _)| *x).is_err() => '?',
            c => c,
        })
        .collect()
}

/// The structure element a block is.
#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    /// A heading of level 1 (also an outline entry) or 2.
    Heading(u16),
    Paragraph,
    /// A picture with its alternative text.
    Figure(String),
}

/// A piece drawn on a page.
#[derive(Clone, Debug, PartialEq)]
enum Piece {
    Text {
        x: f32,
        y: f32,
        size: f32,
        bold: bool,
        text: String,
    },
    /// A rule or a box outline (an artifact).
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width: f32,
    },
    /// Filled rectangles (x, y, width, height): the QR code's runs of dark modules, a calendar's
    /// marked days.
    Squares {
        cells: Vec<(f32, f32, f32, f32)>,
        grey: u8,
    },
}

/// One block of the structure: its kind and text (the heading's title), and its pieces by page.
#[derive(Clone, Debug)]
struct Block {
    kind: Kind,
    title: String,
    pieces: Vec<(usize, Piece)>,
}

/// A document being laid out.
pub struct Doc {
    title: String,
    lang: &'static str,
    created: chrono::NaiveDate,
    blocks: Vec<Block>,
    /// Artifacts (rules, boxes) by page.
    artifacts: Vec<(usize, Piece)>,
    page: usize,
    y: f32,
}

/// The type size of body text, small print and headings.
pub const BODY: f32 = 10.0;
pub const SMALL: f32 = 8.0;
pub const H1: f32 = 15.0;
pub const H2: f32 = 11.5;

impl Doc {
    pub fn new(title: &str, lang: &'static str, created: chrono::NaiveDate) -> Doc {
        Doc { title: printable(title), lang, created, blocks: Vec::new(), artifacts: Vec::new(), page: 0, y: MARGIN }
    }

    /// Starts a new page.
    pub fn new_page(&mut self) {
        self.page += 1;
        self.y = MARGIN;
    }

    /// Room for `h` points more on this page, or a new one.
    fn room(&mut self, h: f32) {
        if self.y + h > PAGE_H - MARGIN && self.y > MARGIN {
            self.new_page();
        }
    }

    /// Vertical space.
    pub fn gap(&mut self, h: f32) {
        self.y += h;
    }

    fn block(&mut self, kind: Kind, title: &str) -> usize {
        self.blocks.push(Block { kind, title: printable(title), pieces: Vec::new() });
        self.blocks.len() - 1
    }

    /// Lines of text from `x` (relative to the margin) within `max` points, into block `b`.
    fn lines(&mut self, b: usize, text: &str, size: f32, bold: bool, x: f32, max: f32) {
        let lead = size * 1.35;
        for line in wrap(text, size, bold, max) {
            self.room(lead);
            self.y += lead;
            if !line.is_empty() {
                self.blocks[b].pieces.push((self.page, Piece::Text { x: MARGIN + x, y: self.y - size * 0.3, size, bold, text: line }));
            }
        }
    }

    /// A heading: level 1 opens an outline entry.
    pub fn heading(&mut self, level: u16, text: &str) {
        let size = if level == 1 { H1 } else { H2 };
        self.room(size * 4.0);
        self.gap(if level == 1 { 4.0 } else { 8.0 });
        let b = self.block(Kind::Heading(level), text);
        self.lines(b, text, size, true, 0.0, WIDTH);
        self.gap(4.0);
    }

    /// A paragraph of body text.
    pub fn para(&mut self, text: &str) {
        self.para_at(text, BODY, false, 0.0);
    }

    /// A paragraph in small print.
    pub fn small(&mut self, text: &str) {
        self.para_at(text, SMALL, false, 0.0);
    }

    /// A paragraph in bold.
    pub fn bold(&mut self, text: &str) {
        self.para_at(text, BODY, true, 0.0);
    }

    /// A paragraph indented by `indent` points.
    pub fn para_at(&mut self, text: &str, size: f32, bold: bool, indent: f32) {
        let b = self.block(Kind::Paragraph, "");
        self.lines(b, text, size, bold, indent, WIDTH - indent);
        self.gap(size * 0.4);
    }

    /// A numbered or bulleted item: the mark, then the text wrapped beside it.
    pub fn item(&mut self, mark: &str, text: &str) {
        let b = self.block(Kind::Paragraph, "");
        let indent = 18.0;
        let start = self.y;
        self.lines(b, &format!("{mark} "), BODY, false, 0.0, indent);
        self.y = start;
        self.lines(b, text, BODY, false, indent, WIDTH - indent);
        self.gap(BODY * 0.3);
    }

    /// A line to fill in, as printed forms have: the label, then the value on a rule, or the rule
    /// left blank to fill by hand; the hint in small print under it.
    pub fn fill_line(&mut self, label: &str, value: Option<&str>, hint: Option<&str>) {
        let b = self.block(Kind::Paragraph, "");
        self.room(BODY * 4.0);
        if !label.is_empty() {
            self.lines(b, label, BODY, false, 0.0, WIDTH);
        }
        let value = value.map(str::trim).filter(|v| !v.is_empty());
        match value {
            Some(v) => {
                for line in wrap(v, BODY + 1.0, true, WIDTH - 8.0) {
                    self.room(BODY * 2.0);
                    self.y += (BODY + 1.0) * 1.5;
                    self.blocks[b]
                        .pieces
                        .push((self.page, Piece::Text { x: MARGIN + 4.0, y: self.y - 3.0, size: BODY + 1.0, bold: true, text: line }));
                    self.rule(self.y);
                }
            }
            None => {
                self.room(BODY * 2.0);
                self.y += BODY * 2.0;
                self.rule(self.y);
            }
        }
        if let Some(h) = hint {
            self.lines(b, h, SMALL, false, 0.0, WIDTH);
        }
        self.gap(BODY * 0.5);
    }

    fn rule(&mut self, y: f32) {
        self.artifacts.push((self.page, Piece::Line { x1: MARGIN, y1: y, x2: PAGE_W - MARGIN, y2: y, width: 0.5 }));
    }

    /// A horizontal rule across the text width.
    pub fn hr(&mut self) {
        self.gap(4.0);
        self.rule(self.y);
        self.gap(6.0);
    }

    /// A month as a grid: the weekday names, then the days, the days in `marked` filled grey with
    /// the first `strong` of them darker; the text of the grid is in the structure as a figure's
    /// alternative text (`alt`).
    pub fn month(&mut self, heads: &[String; 7], weeks: &[[Option<(u32, u8)>; 7]], alt: &str) {
        let cell = 26.0;
        let h = cell * (weeks.len() as f32 + 1.0) + 8.0;
        self.room(h);
        let b = self.block(Kind::Figure(printable(alt)), "");
        let (x0, y0) = (MARGIN, self.y + 4.0);
        let mut squares = Vec::new();
        let mut dark = Vec::new();
        for (i, hd) in heads.iter().enumerate() {
            let x = x0 + i as f32 * cell;
            self.blocks[b]
                .pieces
                .push((self.page, Piece::Text { x: x + 4.0, y: y0 + cell * 0.6, size: SMALL, bold: true, text: printable(hd) }));
        }
        for (r, week) in weeks.iter().enumerate() {
            for (c, day) in week.iter().enumerate() {
                let (x, y) = (x0 + c as f32 * cell, y0 + cell * (r as f32 + 1.0));
                self.artifacts.push((self.page, Piece::Line { x1: x, y1: y, x2: x + cell, y2: y, width: 0.3 }));
                let Some((d, mark)) = day else { continue };
                match mark {
                    2 => dark.push((x + 1.0, y + 1.0, cell - 2.0, cell - 2.0)),
                    1 => squares.push((x + 1.0, y + 1.0, cell - 2.0, cell - 2.0)),
                    _ => {}
                }
                let bold = *mark == 2;
                self.blocks[b]
                    .pieces
                    .push((self.page, Piece::Text { x: x + 4.0, y: y + cell * 0.6, size: BODY, bold, text: d.to_string() }));
            }
        }
        self.artifacts.push((self.page, Piece::Squares { cells: squares, grey: 215 }));
        self.artifacts.push((self.page, Piece::Squares { cells: dark, grey: 150 }));
        self.y += h;
    }

    /// A QR code of `size`×`size` modules (`dark[y * size + x]`), `module` points each, with a
    /// quiet zone of four modules, as a figure with its alternative text. Each row's runs of dark
    /// modules are one rectangle each (a third of the squares, and as many fewer path operations).
    pub fn qr(&mut self, dark: &[bool], size: usize, module: f32, alt: &str) {
        let side = (size as f32 + 8.0) * module;
        self.room(side + 8.0);
        let b = self.block(Kind::Figure(printable(alt)), "");
        let (x0, y0) = (MARGIN + 4.0 * module, self.y + 4.0 * module);
        let cells = runs(dark, size)
            .into_iter()
            .map(|(x, y, n)| (x0 + x as f32 * module, y0 + y as f32 * module, n as f32 * module, module))
            .collect();
        self.blocks[b].pieces.push((self.page, Piece::Squares { cells, grey: 0 }));
        self.y += side;
    }

    /// Draws the document: a tagged PDF/UA-1 file, or krilla's errors in words.
    pub fn finish(self) -> Result<Vec<u8>, String> {
        let regular = Font::new(REGULAR.into(), 0).ok_or("the regular font cannot be read")?;
        let bold = Font::new(BOLD.into(), 0).ok_or("the bold font cannot be read")?;
        let configuration = ConfigurationBuilder::new()
            .with_accessibility_validator(Accessibility::UA1)
            .finish()
            .map_err(|e| format!("PDF settings: {e:?}"))?;
        let settings = SerializeSettings { configuration, enable_tagging: true, ..SerializeSettings::default() };
        let mut document = Document::new_with(settings);
        let pages = self.page + 1;
        let mut ids: Vec<Vec<Node>> = vec![Vec::new(); self.blocks.len()];
        let mut outline = Outline::new();
        for p in 0..pages {
            let mut page = document.start_page_with(PageSettings::from_wh(PAGE_W, PAGE_H).ok_or("page size")?);
            let mut s = page.surface();
            for (_, piece) in self.artifacts.iter().filter(|(pg, _)| *pg == p) {
                s.start_tagged(ContentTag::Artifact(Artifact::with_kind(ArtifactType::Layout)));
                draw(&mut s, piece, &regular, &bold);
                s.end_tagged();
            }
            for (i, b) in self.blocks.iter().enumerate() {
                let on_page: Vec<&Piece> = b.pieces.iter().filter(|(pg, _)| *pg == p).map(|(_, x)| x).collect();
                if on_page.is_empty() {
                    continue;
                }
                if let (Kind::Heading(1), Some(Piece::Text { y, .. })) = (&b.kind, on_page.first()) {
                    outline.push_child(OutlineNode::new(
                        b.title.clone(),
                        XyzDestination::new(p, Point::from_xy(MARGIN, (*y - H1 * 1.5).max(0.0))),
                    ));
                }
                for piece in on_page {
                    let tag = match piece {
                        Piece::Text { .. } => ContentTag::Span(SpanTag::empty()),
                        _ => ContentTag::Other,
                    };
                    let id = s.start_tagged(tag);
                    draw(&mut s, piece, &regular, &bold);
                    s.end_tagged();
                    ids[i].push(id.into());
                }
            }
            s.finish();
            page.finish();
        }
        let mut tree = TagTree::new().with_lang(Some(self.lang.to_string()));
        for (b, children) in self.blocks.iter().zip(ids) {
            if children.is_empty() {
                continue;
            }
            let kind: TagKind = match &b.kind {
                Kind::Heading(n) => Tag::Hn(NonZeroU16::new(*n).unwrap_or(NonZeroU16::MIN), Some(b.title.clone())).into(),
                Kind::Paragraph => Tag::P.into(),
                Kind::Figure(alt) => Tag::Figure(Some(alt.clone())).into(),
            };
            tree.push(TagGroup::with_children(kind, children));
        }
        document.set_tag_tree(tree);
        document.set_outline(outline);
        use chrono::Datelike;
        let date = DateTime::new(u16::try_from(self.created.year()).unwrap_or(2026))
            .month(u8::try_from(self.created.month()).unwrap_or(1))
            .day(u8::try_from(self.created.day()).unwrap_or(1));
        document.set_metadata(
            Metadata::new()
                .title(self.title.clone())
                .language(self.lang.to_string())
                .creator("Tekser".to_string())
                .producer("Tekser".to_string())
                .creation_date(date),
        );
        document.finish().map_err(|e| format!("{e:?}"))
    }
}

/// The runs of dark modules of each row: (first column, row, length).
pub fn runs(dark: &[bool], size: usize) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    for y in 0..size {
        let mut x = 0;
        while x < size {
            if dark.get(y * size + x).copied().unwrap_or(false) {
                let start = x;
                while x < size && dark.get(y * size + x).copied().unwrap_or(false) {
                    x += 1;
                }
                out.push((start, y, x - start));
            } else {
                x += 1;
            }
        }
    }
    out
}

fn black(grey: u8) -> Fill {
    Fill { paint: rgb::Color::new(grey, grey, grey).into(), opacity: NormalizedF32::ONE, rule: Default::default() }
}

fn draw(s: &mut Surface, piece: &Piece, regular: &Font, bold: &Font) {
    match piece {
        Piece::Text { x, y, size, bold: b, text } => {
            s.set_fill(Some(black(0)));
            s.set_stroke(None);
            let font = if *b { bold.clone() } else { regular.clone() };
            s.draw_text(Point::from_xy(*x, *y), font, *size, text, false, TextDirection::Auto);
        }
        Piece::Line { x1, y1, x2, y2, width } => {
            let mut pb = PathBuilder::new();
            pb.move_to(*x1, *y1);
            pb.line_to(*x2, *y2);
            if let Some(path) = pb.finish() {
                s.set_fill(None);
                s.set_stroke(Some(Stroke { paint: rgb::Color::new(0, 0, 0).into(), width: *width, ..Stroke::default() }));
                s.draw_path(&path);
            }
        }
        Piece::Squares { cells, grey } => {
            let mut pb = PathBuilder::new();
            for (x, y, w, h) in cells {
                if let Some(r) = Rect::from_xywh(*x, *y, *w, *h) {
                    pb.push_rect(r);
                }
            }
            if let Some(path) = pb.finish() {
                s.set_stroke(None);
                s.set_fill(Some(black(*grey)));
                s.draw_path(&path);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_wrap_at_spaces_within_the_width() {
        let text =
            "Қазақстан Республикасының халқын тұрғылықты жері бойынша тіркеу тұрғын үйдің меншік иесінің келісімімен жүзеге асырылады";
        let lines = wrap(text, BODY, false, 200.0);
        assert!(lines.len() > 2, "{lines:?}");
        assert!(lines.iter().all(|l| width(l, BODY, false) <= 200.0), "{lines:?}");
        assert_eq!(lines.join(" "), text, "nothing lost or added");
        let long = "x".repeat(300);
        assert!(wrap(&long, BODY, false, 100.0).iter().all(|l| width(l, BODY, false) <= 100.0));
    }

    #[test]
    fn a_character_the_font_lacks_becomes_a_question_mark() {
        assert_eq!(printable("Әлі 漢 \u{7}"), "Әлі ? ?");
        assert!(width("ӘҒҚҢӨҰҮҺІ", BODY, false) > 0.0);
    }
}

#[cfg(test)]
mod smoke {
    use super::*;

    #[test]
    fn a_document_with_every_block_is_valid_pdf_ua() {
        let mut d = Doc::new("Өтініш", "kk", chrono::NaiveDate::from_ymd_opt(2026, 3, 20).unwrap());
        d.heading(1, "Жеке тұлғаның өтініші");
        d.para("Қазақстан Республикасының халқын тұрғылықты жері бойынша тіркеу");
        d.fill_line("Тегі, аты", Some("Әлібек Құрманұлы"), Some("(тегі, аты, әкесінің аты)"));
        d.fill_line("Email", None, None);
        d.item("1.", "Бірінші қадам");
        d.heading(2, "Күнтізбе");
        let heads = ["Дс".to_string(), "Сс".into(), "Ср".into(), "Бс".into(), "Жм".into(), "Сб".into(), "Жс".into()];
        d.month(&heads, &[[None, None, Some((1, 0)), Some((2, 1)), Some((3, 2)), Some((4, 0)), Some((5, 0))]], "наурыз");
        d.qr(&[true, false, true, true], 2, 3.0, "QR");
        for _ in 0..80 {
            d.para("Көп жол");
        }
        let pdf = d.finish().unwrap();
        std::fs::write(std::env::temp_dir().join("tekser-smoke.pdf"), &pdf).unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
    }
}
