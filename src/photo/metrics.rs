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
/// does: on a 256 px thumbnail a phone's defocus blur shrinks below one pixel and cannot be seen,
/// so the copy is kept large enough (about a quarter of a 12 MP photo) to still show it.
pub const ANALYSIS_EDGE: u32 = 1024;

/// Below these (after EXIF rotation) the clerk cannot read small print.
const MIN_SHORT_EDGE: u32 = 600;
const MIN_LONG_EDGE: u32 = 800;
/// Mean luma (0–255) below which text on a photographed page is hard to read.
const DARK_MEAN: f64 = 50.0;
/// Mean luma above which, or share of blown-out pixels above which, the page is washed out.
const BRIGHT_MEAN: f64 = 215.0;
const CLIPPED_LEVEL: u8 = 250;
const CLIPPED_SHARE: f64 = 0.30;
/// Side of the square tiles (at `ANALYSIS_EDGE`) whose Laplacian variance is compared; see
/// [`sharpness`].
const SHARPNESS_TILE: usize = 64;
/// [`sharpness`] below which the photo is reported as blurred. Calibrated in Chromium on
/// 4032×3024 JPEGs of rendered ID cards and forms (28–60 px text, high and low contrast, with
/// and without sensor noise) blurred with CSS `blur()`: sharp shots score 940–10 800 (the lowest
/// is a blank page with one signature), blur(2px) 200–1 800, blur(3px) 61–450, blur(4px) 20–140,
/// blur(6px) 5–51, blur(8px) 2–28. 60 flags the blur that makes ID-card print hard to read and
/// leaves every sharp shot alone; a false alarm only costs a warning the citizen may ignore.
const BLUR_SHARPNESS: f64 = 60.0;

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

/// Luma (BT.601, 0–255) of each RGBA pixel; alpha is ignored because the canvas was filled white.
pub fn luma(rgba: &[u8]) -> Vec<u8> {
    rgba.chunks_exact(4)
        .map(|p| ((77 * u32::from(p[0]) + 150 * u32::from(p[1]) + 29 * u32::from(p[2])) >> 8) as u8)
        .collect()
}

/// Mean luma and the share of pixels at or above `CLIPPED_LEVEL`.
pub fn exposure(luma: &[u8]) -> (f64, f64) {
    if luma.is_empty() {
        return (0.0, 0.0);
    }
    let n = luma.len() as f64;
    let sum: u64 = luma.iter().map(|&v| u64::from(v)).sum();
    let clipped = luma.iter().filter(|&&v| v >= CLIPPED_LEVEL).count();
    (sum as f64 / n, clipped as f64 / n)
}

/// Variance of the 4-neighbour Laplacian over the interior pixels: sharp edges give large
/// second derivatives, blur flattens them. 0 for images too small to have an interior.
/// The tests measure whole images with it; the app only needs [`sharpness`].
#[cfg(test)]
pub fn laplacian_variance(luma: &[u8], width: usize, height: usize) -> f64 {
    max_tile_laplacian_variance(luma, width, height, usize::MAX)
}

/// How sharp the sharpest part of the photo is: the largest Laplacian variance over
/// `SHARPNESS_TILE`-px tiles. The variance of the whole image would call a sharp photo of a
/// mostly blank page (a signature line, a half-filled form) blurred, because the blank paper
/// dilutes it; a photo that is really out of focus or shaken has no sharp tile at all.
pub fn sharpness(luma: &[u8], width: usize, height: usize) -> f64 {
    max_tile_laplacian_variance(luma, width, height, SHARPNESS_TILE)
}

fn max_tile_laplacian_variance(luma: &[u8], width: usize, height: usize, tile: usize) -> f64 {
    if width < 3 || height < 3 || luma.len() < width * height {
        return 0.0;
    }
    let tile = tile.max(1);
    let columns = (width - 2).div_ceil(tile);
    let rows = (height - 2).div_ceil(tile);
    // (sum, sum of squares, count) per tile, in one pass over the pixels.
    let mut tiles = vec![(0f64, 0f64, 0usize); columns * rows];
    for y in 1..height - 1 {
        let row = y * width;
        let tile_row = (y - 1) / tile * columns;
        for x in 1..width - 1 {
            let i = row + x;
            let v = i32::from(luma[i - 1])
                + i32::from(luma[i + 1])
                + i32::from(luma[i - width])
                + i32::from(luma[i + width])
                - 4 * i32::from(luma[i]);
            let v = f64::from(v);
            let t = &mut tiles[tile_row + (x - 1) / tile];
            t.0 += v;
            t.1 += v * v;
            t.2 += 1;
        }
    }
    // Slivers at the right and bottom edges are too small to judge on their own.
    let full = tile.min(width - 2) * tile.min(height - 2);
    tiles
        .iter()
        .filter(|t| t.2 * 4 >= full)
        .map(|&(sum, sum_sq, n)| {
            let n = n as f64;
            let mean = sum / n;
            (sum_sq / n - mean * mean).max(0.0)
        })
        .fold(0.0, f64::max)
}

/// Something about a photo that may make it unreadable. Shown to the citizen, who may keep the
/// photo or retake it: a warning never blocks the upload, because the measures can be wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QualityWarning {
    TooSmall,
    TooDark,
    Overexposed,
    Blurred,
}

impl QualityWarning {
    pub fn message(self) -> &'static str {
        match self {
            QualityWarning::TooSmall => t::PHOTO_WARN_SMALL,
            QualityWarning::TooDark => t::PHOTO_WARN_DARK,
            QualityWarning::Overexposed => t::PHOTO_WARN_BRIGHT,
            QualityWarning::Blurred => t::PHOTO_WARN_BLUR,
        }
    }
}

/// All warnings for a photo whose original (EXIF-rotated) size is `original` and whose analysis
/// copy is `luma` (`width` × `height`). A dark or washed-out photo also measures as blurred, so
/// blur is only reported when the exposure is fine: one clear instruction beats two.
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
    let (mean, clipped) = exposure(luma);
    if mean < DARK_MEAN {
        warnings.push(QualityWarning::TooDark);
    } else if mean > BRIGHT_MEAN || clipped > CLIPPED_SHARE {
        warnings.push(QualityWarning::Overexposed);
    } else if sharpness(luma, width, height) < BLUR_SHARPNESS {
        warnings.push(QualityWarning::Blurred);
    }
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
    fn luma_weights_green_most() {
        assert_eq!(luma(&[255, 255, 255, 255, 0, 0, 0, 255]), vec![255, 0]);
        let l = luma(&[255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255]);
        assert!(l[1] > l[0] && l[0] > l[2]);
        assert_eq!(luma(&[1, 2, 3]), Vec::<u8>::new());
    }

    #[test]
    fn exposure_measures_mean_and_clipping() {
        assert_eq!(exposure(&[]), (0.0, 0.0));
        let (mean, clipped) = exposure(&[0, 100, 250, 255]);
        assert!((mean - 151.25).abs() < 1e-9);
        assert!((clipped - 0.5).abs() < 1e-9);
    }

    #[test]
    fn laplacian_separates_flat_from_detailed() {
        assert!(laplacian_variance(&flat(128, 64, 48), 64, 48) < 1e-9);
        assert!(laplacian_variance(&checkerboard(64, 48, 2), 64, 48) > 10_000.0);
        assert_eq!(laplacian_variance(&[1, 2], 2, 1), 0.0);
        // A buffer shorter than claimed is refused rather than indexed out of bounds.
        assert_eq!(laplacian_variance(&[0; 8], 3, 3), 0.0);
    }

    #[test]
    fn sharpness_finds_the_one_detailed_tile() {
        // A blank page with one small sharp mark: the whole-image variance is diluted by the
        // paper, the best tile is not.
        let (w, h) = (640, 480);
        let mut page = flat(200, w, h);
        for y in 300..306 {
            for x in 400..420 {
                page[y * w + x] = if (x / 2 + y / 2) % 2 == 0 { 40 } else { 200 };
            }
        }
        assert!(laplacian_variance(&page, w, h) < BLUR_SHARPNESS);
        assert!(sharpness(&page, w, h) > 10.0 * BLUR_SHARPNESS);
        assert!(sharpness(&flat(128, w, h), w, h) < 1e-9);
        // Images smaller than a tile are judged whole.
        assert!(sharpness(&checkerboard(10, 10, 1), 10, 10) > 10_000.0);
        assert_eq!(sharpness(&[0; 4], 2, 2), 0.0);
    }

    #[test]
    fn assess_reports_each_problem() {
        let (w, h) = (64, 48);
        assert_eq!(
            assess((4032, 3024), &flat(128, w, h), w, h),
            vec![QualityWarning::Blurred]
        );
        assert!(assess((4032, 3024), &checkerboard(w, h, 2), w, h).is_empty());
        assert_eq!(
            assess((4032, 3024), &flat(0, w, h), w, h),
            vec![QualityWarning::TooDark]
        );
        assert_eq!(
            assess((4032, 3024), &flat(255, w, h), w, h),
            vec![QualityWarning::Overexposed]
        );
        assert_eq!(
            assess((640, 480), &checkerboard(w, h, 2), w, h),
            vec![QualityWarning::TooSmall]
        );
        assert_eq!(
            assess((1200, 500), &checkerboard(w, h, 2), w, h),
            vec![QualityWarning::TooSmall]
        );
        assert!(assess((800, 600), &checkerboard(w, h, 2), w, h).is_empty());
        // Mid-grey on average, but a third of it blown out by glare.
        let mut glare = checkerboard(w, h, 2);
        glare[..w * h / 3 + w].fill(255);
        assert!(assess((4032, 3024), &glare, w, h).contains(&QualityWarning::Overexposed));
        assert!(!QualityWarning::Blurred.message().is_empty());
    }
}
