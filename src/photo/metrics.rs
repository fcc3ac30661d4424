//! The pure arithmetic of the photo pipeline: file sniffing, target sizes and the quality
//! measures. Nothing here touches the browser, so all of it is tested natively with synthetic
//! pixel buffers.

use crate::i18n::t;

/// The largest file the backend accepts (`POST /api/uploads`): 10 MB.
pub const MAX_UPLOAD_BYTES: u64 = 10 * 1024 * 1024;
/// Long edge of the uploaded JPEG. 2000 px keeps an A4 page or an ID card legible to the clerk
/// while a photo stays around 0.5–1 MB, which a weak mobile link can still carry.
pub const MAX_EDGE: u32 = 2000;
/// Long edge of the copy the quality measures run on. Exposure does not depend on scale, but blur
/// does: on a 512 px copy the defocus that makes print hard to read (sigma 2.5 px on the 2000-px
/// upload) no longer separates from sharp print in the calibration set, at 768 it still does
/// (steepness at most 0.41 against at least 0.92), and 768 costs 56% of the pixels of 1024.
pub const ANALYSIS_EDGE: u32 = 768;

/// Below these (after EXIF rotation) the clerk cannot read small print.
const MIN_SHORT_EDGE: u32 = 600;
const MIN_LONG_EDGE: u32 = 800;
/// Side of the square blocks (at the analysis size) the measures work on: about two lines of
/// body text on a photographed A4 page, so a block of text holds both ink and paper.
const BLOCK: usize = 16;
/// Luma range (max − min) a block needs before its detail is taken for print rather than sensor
/// noise or a desk's grain; faint print in a shadow still reaches it.
const FAINT_RANGE: u8 = 24;
/// Ink-to-paper crossings a block of print shows in each direction (along rows and along
/// columns); one straight edge (the page's border on the desk) shows them in one direction only.
const TEXT_CROSSINGS: u16 = 6;
/// Paper white (block maximum) below which print is too dim to read.
const DARK_WHITE: u8 = 80;
/// Share of the print blocks that may lie in such shade (a shadow over part of the page).
const DARK_SHARE: f64 = 0.25;
/// Brightest part of the frame below which the shot is dark even if no print can be seen.
const DARK_FRAME: f64 = 70.0;
/// Print blocks whose sharpness is measured need this much contrast, so sensor noise does not
/// pass for an edge.
const SHARP_RANGE: u8 = 48;
/// Edge steepness (steepest one-pixel step / the block's range, the lesser of the horizontal
/// and the vertical) below which the print is blurred. Independent of the print's contrast: a
/// sharp edge drops most of its range in one pixel, a blurred one spreads it. On the calibration
/// set at 768 px, sharp print scores 0.92–1.0 and the blurred 0.41 or less.
const BLUR_STEEPNESS: f64 = 0.6;
/// A photo with fewer print blocks than this has no readable print at all.
const MIN_TEXT_BLOCKS: usize = 6;
/// A pixel at or above this is blown out.
const CLIPPED_LEVEL: u8 = 250;
/// Paper at or above this is itself blown out (a scan, a white page in strong light): glare can
/// no longer be told from paper, and the print on it is still readable.
const GLARE_PAPER: u8 = 245;
/// Blown-out blocks a glare patch must cover, and the share of its surroundings that is print.
const GLARE_BLOCKS: usize = 4;
const GLARE_TEXT_AROUND: f64 = 0.25;

/// What the first bytes of a file say it is (the extension and the browser's MIME type lie).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Jpeg,
    Png,
    Webp,
    /// HEIC/HEIF from an iPhone or a recent Android camera.
    Heic,
    Pdf,
    /// GIF, BMP or AVIF: images a browser may be able to decode.
    OtherImage,
    Unknown,
}

/// Identifies a file by its magic bytes; needs the first 12 bytes.
pub fn sniff(head: &[u8]) -> Kind {
    let starts = |magic: &[u8]| head.starts_with(magic);
    if starts(&[0xFF, 0xD8, 0xFF]) {
        Kind::Jpeg
    } else if starts(b"\x89PNG\r\n\x1a\n") {
        Kind::Png
    } else if starts(b"RIFF") && head.get(8..12) == Some(b"WEBP") {
        Kind::Webp
    } else if starts(b"%PDF-") {
        Kind::Pdf
    } else if head.get(4..8) == Some(b"ftyp") {
        match head.get(8..12) {
            Some(b"heic" | b"heix" | b"hevc" | b"hevx" | b"heim" | b"heis" | b"mif1" | b"msf1") => {
                Kind::Heic
            }
            Some(b"avif" | b"avis") => Kind::OtherImage,
            _ => Kind::Unknown,
        }
    } else if starts(b"GIF8") || starts(b"BM") {
        Kind::OtherImage
    } else {
        Kind::Unknown
    }
}

/// The size to draw an image at so its long edge is at most `max_edge`, keeping the aspect ratio
/// and never enlarging (upscaling adds bytes, not detail).
pub fn target_size(width: u32, height: u32, max_edge: u32) -> (u32, u32) {
    let long = width.max(height);
    if long <= max_edge || long == 0 {
        return (width, height);
    }
    let scale = |side: u32| {
        let scaled =
            (u64::from(side) * u64::from(max_edge) + u64::from(long) / 2) / u64::from(long);
        u32::try_from(scaled).unwrap_or(max_edge).max(1)
    };
    (scale(width), scale(height))
}

/// Whether plain bilinear filtering shrinks `from` to `to` without losing detail: when the long
/// edge shrinks at most about twofold, every source pixel still weighs in (12 MP photos,
/// 4000–4080 px wide, come to 2000 px this way). A 48 MP photo needs the browser's high-quality
/// filter, or thin strokes between the sampled pixels vanish.
pub fn bilinear_suffices(from: (u32, u32), to: (u32, u32)) -> bool {
    let (from, to) = (from.0.max(from.1), to.0.max(to.1));
    u64::from(from) * 100 <= u64::from(to) * 205
}

/// Luma (BT.601, 0–255) of each RGBA pixel; alpha is ignored because the canvas was filled white.
pub fn luma(rgba: &[u8]) -> Vec<u8> {
    rgba.chunks_exact(4)
        .map(|p| ((77 * u32::from(p[0]) + 150 * u32::from(p[1]) + 29 * u32::from(p[2])) >> 8) as u8)
        .collect()
}

/// What the quality check sees in a photo, in block statistics.
#[derive(Clone, Copy, Debug, Default)]
struct Block {
    min: u8,
    max: u8,
    /// Steepest one-pixel step along x and along y.
    step_x: u8,
    step_y: u8,
    pixels: u16,
    clipped: u16,
    sum: u32,
    /// Crossings between ink and paper along the rows and along the columns.
    cross_x: u16,
    cross_y: u16,
}

impl Block {
    fn range(&self) -> u8 {
        self.max - self.min
    }
    fn is_print(&self, floor: u8) -> bool {
        self.range() >= floor && self.cross_x.min(self.cross_y) >= TEXT_CROSSINGS
    }
    fn is_blown(&self) -> bool {
        self.pixels > 0 && u32::from(self.clipped) * 10 >= u32::from(self.pixels) * 9
    }
}

/// The block grid of an image, in one pass over the pixels plus one over the detailed blocks.
struct Grid {
    columns: usize,
    rows: usize,
    blocks: Vec<Block>,
    /// The range a block needs to count as print: `FAINT_RANGE`, or more in a noisy photo.
    floor: u8,
}

impl Grid {
    fn new(luma: &[u8], width: usize, height: usize) -> Grid {
        let columns = width.div_ceil(BLOCK);
        let rows = height.div_ceil(BLOCK);
        let mut blocks = vec![Block::default(); columns * rows];
        for (b, block) in blocks.iter_mut().enumerate() {
            let (x0, y0) = ((b % columns) * BLOCK, (b / columns) * BLOCK);
            let (x1, y1) = ((x0 + BLOCK).min(width), (y0 + BLOCK).min(height));
            let (mut min, mut max, mut step_x, mut step_y) = (255u8, 0u8, 0u8, 0u8);
            let (mut clipped, mut sum) = (0u16, 0u32);
            for y in y0..y1 {
                let row = &luma[y * width..(y + 1) * width];
                let below = luma.get((y + 1) * width..(y + 2) * width);
                for x in x0..x1 {
                    let v = row[x];
                    min = min.min(v);
                    max = max.max(v);
                    sum += u32::from(v);
                    clipped += u16::from(v >= CLIPPED_LEVEL);
                    if let Some(&r) = row.get(x + 1) {
                        step_x = step_x.max(v.abs_diff(r));
                    }
                    if let Some(below) = below {
                        step_y = step_y.max(v.abs_diff(below[x]));
                    }
                }
            }
            *block = Block {
                min,
                max,
                step_x,
                step_y,
                pixels: ((x1 - x0) * (y1 - y0)) as u16,
                clipped,
                sum,
                cross_x: 0,
                cross_y: 0,
            };
            if block.range() >= FAINT_RANGE {
                // Hysteresis at a third of the range from either end, so noise on paper or ink
                // does not count as a crossing.
                let third = block.range() / 3;
                let (lo, hi) = (min + third, max - third);
                block.cross_x = (y0..y1)
                    .map(|y| {
                        crossings(luma[y * width + x0..y * width + x1].iter().copied(), lo, hi)
                    })
                    .sum();
                block.cross_y = (x0..x1)
                    .map(|x| crossings((y0..y1).map(|y| luma[y * width + x]), lo, hi))
                    .sum();
            }
        }
        // Sensor noise: the flattest tenth of the frame (desk, margins) holds nothing else.
        let mut ranges: Vec<u8> = blocks.iter().map(Block::range).collect();
        ranges.sort_unstable();
        let noise = ranges.get(ranges.len() / 10).copied().unwrap_or(0);
        // Capped: a frame that is print from edge to edge has no flat tenth.
        let floor = FAINT_RANGE.max(noise.saturating_add(noise / 2).min(SHARP_RANGE));
        Grid {
            columns,
            rows,
            blocks,
            floor,
        }
    }
}

/// Ink-to-paper crossings along a line of pixels, with hysteresis: a value must reach `lo` (ink)
/// or `hi` (paper) to change sides. A line with a single crossing is an edge (the page's border,
/// a corner), not a stroke, and counts none. Generic rather than `dyn`: it runs for every pixel
/// of every detailed block, twice.
fn crossings(values: impl Iterator<Item = u8>, lo: u8, hi: u8) -> u16 {
    let mut state = 0i8;
    let mut n = 0u16;
    for v in values {
        let s = if v <= lo {
            -1
        } else if v >= hi {
            1
        } else {
            0
        };
        if s != 0 && s != state {
            n += u16::from(state != 0);
            state = s;
        }
    }
    if n >= 2 {
        n
    } else {
        0
    }
}

/// The measures behind [`assess`], kept together so the calibration test can print them.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Measures {
    /// Blocks that hold print.
    pub print_blocks: usize,
    /// The brightest part of the frame (the 95th percentile of block means).
    pub frame_white: f64,
    /// Share of the print blocks lying in deep shade.
    pub dark_share: f64,
    /// How steep the print's edges are (see `BLUR_STEEPNESS`); 0 without measurable print.
    pub steepness: f64,
    /// The paper's white under the print (median block maximum).
    pub paper_white: u8,
    /// Blocks of the largest blown-out patch that sits among print.
    pub glare_blocks: usize,
    /// Print blocks touching the frame's edge.
    pub print_on_edge: usize,
    /// The page runs out over an edge of the frame.
    pub page_cut: bool,
}

/// Measures the analysis copy; see [`assess`].
pub fn measure(luma: &[u8], width: usize, height: usize) -> Measures {
    if width == 0 || height == 0 || luma.len() < width * height {
        return Measures::default();
    }
    let grid = Grid::new(luma, width, height);
    let blocks = &grid.blocks;
    let floor = grid.floor;
    let print: Vec<&Block> = blocks.iter().filter(|b| b.is_print(floor)).collect();
    let mut means: Vec<f64> = blocks
        .iter()
        .map(|b| f64::from(b.sum) / f64::from(b.pixels.max(1)))
        .collect();
    means.sort_by(f64::total_cmp);
    let frame_white = percentile(&means, 0.95);
    let dark = print.iter().filter(|b| b.max < DARK_WHITE).count();
    let dark_share = dark as f64 / print.len().max(1) as f64;
    let mut steepness: Vec<f64> = print
        .iter()
        .filter(|b| b.range() >= SHARP_RANGE)
        .map(|b| f64::from(b.step_x.min(b.step_y)) / f64::from(b.range()))
        .collect();
    steepness.sort_by(f64::total_cmp);
    let mut whites: Vec<u8> = print.iter().map(|b| b.max).collect();
    whites.sort_unstable();
    let paper_white = whites.get(whites.len() / 2).copied().unwrap_or(0);
    let glare_blocks = if paper_white < GLARE_PAPER && !print.is_empty() {
        largest_glare(&grid)
    } else {
        0
    };
    let (c, r) = (grid.columns, grid.rows);
    let print_on_edge = (0..blocks.len())
        .filter(|&i| {
            let (x, y) = (i % c, i / c);
            (x == 0 || y == 0 || x + 1 == c || y + 1 == r) && blocks[i].is_print(floor)
        })
        .count();
    let page_cut = page_runs_off(&grid, paper_white);
    Measures {
        print_blocks: print.len(),
        frame_white,
        dark_share,
        steepness: percentile(&steepness, 0.75),
        paper_white,
        glare_blocks,
        print_on_edge,
        page_cut,
    }
}

/// Whether a side of the page runs out of the frame: along one edge of the frame, paper between
/// desk on both sides (the page's two borders reach the frame's edge, the rest of it is beyond).
/// A page filling the frame has paper along the whole edge, so it is not cut off.
fn page_runs_off(grid: &Grid, paper_white: u8) -> bool {
    let (c, r, floor) = (grid.columns, grid.rows, grid.floor);
    if c < 8 || r < 8 || paper_white == 0 {
        return false;
    }
    let paper = |i: usize| {
        let b = &grid.blocks[i];
        // Print, or blank paper; a block the page's border runs through holds desk too.
        b.is_print(floor) || u32::from(b.min) * 3 >= u32::from(paper_white) * 2
    };
    let edges: [Vec<usize>; 4] = [
        (0..c).collect(),
        (0..c).map(|x| (r - 1) * c + x).collect(),
        (0..r).map(|y| y * c).collect(),
        (0..r).map(|y| y * c + c - 1).collect(),
    ];
    edges.iter().any(|edge| {
        let is_paper: Vec<bool> = edge.iter().map(|&i| paper(i)).collect();
        let (Some(first), Some(last)) = (
            is_paper.iter().position(|&p| p),
            is_paper.iter().rposition(|&p| p),
        ) else {
            return false;
        };
        // Desk on both sides, and a page's worth of paper between (a sliver is not a page).
        first > 0 && last + 1 < edge.len() && (last - first + 1) * 5 >= edge.len()
    })
}

/// The `p`-quantile of sorted values, 0 for none.
fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

/// The size (in blocks) of the largest blown-out patch with print around it: glare that hides
/// part of the text. Blown-out paper with no print around it (a margin, a white desk) hides
/// nothing.
fn largest_glare(grid: &Grid) -> usize {
    let (c, r, floor) = (grid.columns, grid.rows, grid.floor);
    let mut seen = vec![false; grid.blocks.len()];
    let mut best = 0;
    for start in 0..grid.blocks.len() {
        if seen[start] || !grid.blocks[start].is_blown() {
            continue;
        }
        // Flood fill over 4-neighbours.
        seen[start] = true;
        let mut patch = vec![start];
        let mut next = 0;
        while next < patch.len() {
            let i = patch[next];
            next += 1;
            let (x, y) = (i % c, i / c);
            let neighbours = [
                (x > 0).then(|| i - 1),
                (x + 1 < c).then(|| i + 1),
                (y > 0).then(|| i - c),
                (y + 1 < r).then(|| i + c),
            ];
            for j in neighbours.into_iter().flatten() {
                if !seen[j] && grid.blocks[j].is_blown() {
                    seen[j] = true;
                    patch.push(j);
                }
            }
        }
        if patch.len() < GLARE_BLOCKS || patch.len() <= best {
            continue;
        }
        // The blocks around the patch, out to two blocks away.
        let mut ring = std::collections::HashSet::new();
        for &i in &patch {
            let (x, y) = ((i % c) as isize, (i / c) as isize);
            for dy in -2..=2 {
                for dx in -2..=2 {
                    let (nx, ny) = (x + dx, y + dy);
                    if nx >= 0 && ny >= 0 && (nx as usize) < c && (ny as usize) < r {
                        let j = ny as usize * c + nx as usize;
                        if !grid.blocks[j].is_blown() {
                            ring.insert(j);
                        }
                    }
                }
            }
        }
        let print = ring
            .iter()
            .filter(|&&j| grid.blocks[j].is_print(floor))
            .count();
        if !ring.is_empty() && print as f64 >= GLARE_TEXT_AROUND * ring.len() as f64 {
            best = patch.len();
        }
    }
    best
}

/// Something about a photo that may make it unreadable. Shown to the citizen, who may keep the
/// photo or retake it: a warning never blocks the upload, because the measures can be wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QualityWarning {
    TooSmall,
    TooDark,
    /// Glare: a blown-out patch hiding part of the print.
    Overexposed,
    Blurred,
    /// Print runs over the edge of the frame.
    CutOff,
}

impl QualityWarning {
    pub fn message(self) -> &'static str {
        match self {
            QualityWarning::TooSmall => t::PHOTO_WARN_SMALL(),
            QualityWarning::TooDark => t::PHOTO_WARN_DARK(),
            QualityWarning::Overexposed => t::PHOTO_WARN_BRIGHT(),
            QualityWarning::Blurred => t::PHOTO_WARN_BLUR(),
            QualityWarning::CutOff => t::PHOTO_WARN_CUT_OFF(),
        }
    }
}

/// All warnings for a photo whose original (EXIF-rotated) size is `original` and whose analysis
/// copy is `luma` (`width` × `height`). Besides a too-small original, at most one warning, the
/// one that most needs a retake: a dark shot also measures as blurred, and a blurred page can
/// look like glare (its blown paper swallows the print), so darkness beats blur, blur beats
/// glare, and glare beats a cut-off edge. One clear instruction beats two.
pub fn assess(
    original: (u32, u32),
    luma: &[u8],
    width: usize,
    height: usize,
) -> Vec<QualityWarning> {
    let mut warnings = Vec::new();
    let (w, h) = original;
    if w.min(h) < MIN_SHORT_EDGE || w.max(h) < MIN_LONG_EDGE {
        warnings.push(QualityWarning::TooSmall);
    }
    let m = measure(luma, width, height);
    let warning = if m.frame_white < DARK_FRAME
        || (m.print_blocks >= MIN_TEXT_BLOCKS && m.dark_share >= DARK_SHARE)
    {
        Some(QualityWarning::TooDark)
    } else if m.print_blocks < MIN_TEXT_BLOCKS || m.steepness < BLUR_STEEPNESS {
        Some(QualityWarning::Blurred)
    } else if m.glare_blocks > 0 {
        Some(QualityWarning::Overexposed)
    } else if m.print_on_edge > 0 || m.page_cut {
        Some(QualityWarning::CutOff)
    } else {
        None
    };
    warnings.extend(warning);
    warnings
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flat(value: u8, w: usize, h: usize) -> Vec<u8> {
        vec![value; w * h]
    }

    fn checkerboard(w: usize, h: usize, cell: usize) -> Vec<u8> {
        (0..w * h)
            .map(|i| {
                if ((i % w) / cell + (i / w) / cell).is_multiple_of(2) {
                    40
                } else {
                    200
                }
            })
            .collect()
    }

    #[test]
    fn sniffs_magic_bytes() {
        assert_eq!(sniff(&[0xFF, 0xD8, 0xFF, 0xE1, 0, 0]), Kind::Jpeg);
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), Kind::Png);
        assert_eq!(sniff(b"RIFF\x10\0\0\0WEBPVP8 "), Kind::Webp);
        assert_eq!(sniff(b"%PDF-1.7\n"), Kind::Pdf);
        assert_eq!(sniff(b"\0\0\0\x18ftypheic\0\0\0\0"), Kind::Heic);
        assert_eq!(sniff(b"\0\0\0\x18ftypmif1\0\0\0\0"), Kind::Heic);
        assert_eq!(sniff(b"\0\0\0\x1cftypavif\0\0\0\0"), Kind::OtherImage);
        assert_eq!(sniff(b"\0\0\0\x18ftypisom\0\0\0\0"), Kind::Unknown);
        assert_eq!(sniff(b"GIF89a"), Kind::OtherImage);
        assert_eq!(sniff(b"PK\x03\x04"), Kind::Unknown);
        assert_eq!(sniff(b""), Kind::Unknown);
        assert_eq!(sniff(b"RIFF"), Kind::Unknown);
    }

    #[test]
    fn target_size_caps_the_long_edge_and_never_upscales() {
        assert_eq!(target_size(4032, 3024, 2000), (2000, 1500));
        assert_eq!(target_size(3024, 4032, 2000), (1500, 2000));
        assert_eq!(target_size(1000, 800, 2000), (1000, 800));
        assert_eq!(target_size(2000, 10, 2000), (2000, 10));
        assert_eq!(target_size(8000, 1, 2000), (2000, 1));
        assert_eq!(target_size(0, 0, 2000), (0, 0));
        assert_eq!(target_size(4032, 3024, 256), (256, 192));
    }

    #[test]
    fn bilinear_only_for_at_most_a_twofold_shrink() {
        assert!(bilinear_suffices((4032, 3024), (2000, 1500)));
        assert!(bilinear_suffices((3060, 4080), (1500, 2000)));
        assert!(bilinear_suffices((2000, 1500), (2000, 1500)));
        assert!(!bilinear_suffices((4624, 3472), (2000, 1502)));
        assert!(!bilinear_suffices((8064, 6048), (2000, 1500)));
    }

    #[test]
    fn luma_weights_green_most() {
        assert_eq!(luma(&[255, 255, 255, 255, 0, 0, 0, 255]), vec![255, 0]);
        let l = luma(&[255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255]);
        assert!(l[1] > l[0] && l[0] > l[2]);
        assert_eq!(luma(&[1, 2, 3]), Vec::<u8>::new());
    }

    #[test]
    fn measures_refuse_short_buffers_and_flat_frames() {
        assert_eq!(measure(&[0; 8], 3, 3), Measures::default());
        assert_eq!(measure(&[], 0, 0), Measures::default());
        let m = measure(&flat(128, 64, 48), 64, 48);
        assert_eq!((m.print_blocks, m.glare_blocks, m.print_on_edge), (0, 0, 0));
    }

    #[test]
    fn assess_reports_each_problem() {
        let (w, h) = (160, 128);
        // A fine checkerboard reads as sharp print everywhere, including the frame's edge.
        let print = checkerboard(w, h, 2);
        let m = measure(&print, w, h);
        assert!(
            m.print_blocks >= MIN_TEXT_BLOCKS && m.steepness > 0.9,
            "{m:?}"
        );
        assert_eq!(
            assess((4032, 3024), &print, w, h),
            vec![QualityWarning::CutOff]
        );
        // Framed by blank paper it is a good photo.
        let mut page = flat(200, w, h);
        for y in 32..96 {
            for x in 32..128 {
                page[y * w + x] = print[y * w + x];
            }
        }
        assert!(assess((4032, 3024), &page, w, h).is_empty());
        assert_eq!(
            assess((640, 480), &page, w, h),
            vec![QualityWarning::TooSmall]
        );
        assert_eq!(
            assess((1200, 500), &page, w, h),
            vec![QualityWarning::TooSmall]
        );
        assert!(assess((800, 600), &page, w, h).is_empty());
        // No print at all: nothing readable.
        assert_eq!(
            assess((4032, 3024), &flat(128, w, h), w, h),
            vec![QualityWarning::Blurred]
        );
        assert_eq!(
            assess((4032, 3024), &flat(0, w, h), w, h),
            vec![QualityWarning::TooDark]
        );
        // White paper is not a fault.
        let white: Vec<u8> = page
            .iter()
            .map(|&v| if v == 200 { 255 } else { v })
            .collect();
        assert!(assess((4032, 3024), &white, w, h).is_empty());
        assert!(!QualityWarning::CutOff.message().is_empty());
    }
}
