//! The on-device photo pipeline: a citizen's photo of a material becomes an upright, metadata-free
//! JPEG of at most 2000 px, plus warnings about problems a clerk would reject it for.
//!
//! Everything happens on the phone, with the browser's own decoders and encoders: the upload is
//! ten times smaller than the camera's file (it matters on a weak mobile link), the EXIF data
//! (GPS position, time, phone) never leaves the device, and the wasm stays small.
//!
//! A page calls [`prepare`] on the chosen `File`, shows [`Prepared::warnings`] beside a preview
//! ([`object_url`]), lets the citizen [`rotate`] it, then saves the blob with
//! `storage::idb::put_blob` and hands it to `storage::uploads::enqueue`; the pages component
//! (`components::material_pages`) does this for every page that takes photos.

#[cfg(test)]
mod calibration;
mod canvas;
mod metrics;

use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, File};

use crate::i18n::t;
use canvas::{Smoothing, Source, Surface};
use metrics::{Kind, ANALYSIS_EDGE, MAX_EDGE};
pub use metrics::{QualityWarning, MAX_UPLOAD_BYTES};

/// A file ready to store and upload.
#[derive(Clone, Debug)]
pub struct Prepared {
    /// A JPEG re-encoded from pixels only, or the citizen's PDF unchanged.
    pub blob: Blob,
    /// `image/jpeg` or `application/pdf` (`image/png` on a browser without a JPEG encoder).
    pub content_type: String,
    /// Problems to show with the preview; the citizen decides whether to retake.
    pub warnings: Vec<QualityWarning>,
}

/// Why a file cannot be used at all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PhotoError {
    /// Neither an image nor a PDF.
    NotSupported,
    /// A PDF over `MAX_UPLOAD_BYTES` (photos are always made small enough).
    TooLarge,
    /// An image this browser cannot decode; `heic` when it is an iPhone HEIC photo, which has its
    /// own fix (switch the camera to "most compatible", or upload a screenshot).
    CannotDecode { heic: bool },
    /// The browser failed while drawing or encoding (usually out of memory).
    Failed,
}

impl PhotoError {
    pub fn message(self) -> &'static str {
        match self {
            PhotoError::NotSupported => t::PHOTO_NOT_SUPPORTED(),
            PhotoError::TooLarge => t::PHOTO_TOO_LARGE(),
            PhotoError::CannotDecode { heic: true } => t::PHOTO_HEIC(),
            PhotoError::CannotDecode { heic: false } => t::PHOTO_CANNOT_DECODE(),
            PhotoError::Failed => t::PHOTO_FAILED(),
        }
    }
}

/// Turns the citizen's file into an upload: PDFs pass through unchanged (up to 10 MB); images
/// are decoded upright, scaled to at most 2000 px on the long edge and re-encoded as JPEG 0.8,
/// which drops every byte of metadata. The file's type is taken from its first bytes, not from
/// its name or the browser's guess.
pub async fn prepare(file: &File) -> Result<Prepared, PhotoError> {
    let bytes = file.size() as u64;
    let head = read_head(file).await.ok_or(PhotoError::Failed)?;
    let kind = metrics::sniff(&head);
    match kind {
        Kind::Pdf if bytes > MAX_UPLOAD_BYTES => return Err(PhotoError::TooLarge),
        Kind::Pdf => {
            // A slice with an explicit type: some pickers (WeChat's among them) leave the type
            // empty, and the stored blob should say what it is. Slicing does not copy the bytes.
            let blob = file
                .slice_with_f64_and_f64_and_content_type(0.0, bytes as f64, "application/pdf")
                .map_err(|_| PhotoError::Failed)?;
            return Ok(Prepared {
                blob,
                content_type: "application/pdf".into(),
                warnings: Vec::new(),
            });
        }
        // A format we do not sniff but the phone calls an image (TIFF, say) may still decode.
        Kind::Unknown if !file.type_().starts_with("image/") => {
            return Err(PhotoError::NotSupported)
        }
        _ => {}
    }
    mark("photo-start");
    let source = Source::decode(file).await.ok_or(match kind {
        // Not an image by its bytes and not decodable: whatever its name says, it is no photo.
        Kind::Unknown => PhotoError::NotSupported,
        _ => PhotoError::CannotDecode {
            heic: kind == Kind::Heic,
        },
    })?;
    mark("photo-decoded");
    // Only a JPEG is sure to have no transparent pixels to turn into paper.
    let prepared = encode(&source, kind != Kind::Jpeg).await;
    source.close();
    prepared
}

/// Performance marks along the pipeline (`photo-start`, `-decoded`, `-measured`, `-encoded`),
/// from which `cargo xtask bench` prints where a photo's time goes.
fn mark(name: &str) {
    if let Some(performance) = crate::browser::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}

/// Reads the first bytes through `Response`, which (unlike `Blob.arrayBuffer`) exists on iOS 13.
async fn read_head(file: &File) -> Option<Vec<u8>> {
    let head = file.slice_with_i32_and_i32(0, 32).ok()?;
    let response = web_sys::Response::new_with_opt_blob(Some(&head)).ok()?;
    let buffer = JsFuture::from(response.array_buffer().ok()?).await.ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}

async fn encode(source: &Source, may_be_transparent: bool) -> Result<Prepared, PhotoError> {
    let (width, height) = source.size();
    if width == 0 || height == 0 {
        return Err(PhotoError::CannotDecode { heic: false });
    }
    let (w, h) = metrics::target_size(width, height, MAX_EDGE);
    let surface = paint(source, (w, h), (w, h), 0, may_be_transparent)?;
    // The browser draws lazily: the resize above is done here, when the analysis copy is read.
    let warnings = analyse(&surface, (w, h), (width, height));
    mark("photo-measured");
    let blob = encode_jpeg(&surface).await;
    mark("photo-encoded");
    surface.release();
    let blob = blob.ok_or(PhotoError::Failed)?;
    if blob.size() as u64 > MAX_UPLOAD_BYTES {
        return Err(PhotoError::TooLarge);
    }
    Ok(Prepared {
        content_type: blob.type_(),
        blob,
        warnings,
    })
}

/// What a page should weigh at most on a weak mobile link.
const TARGET_BYTES: u64 = 400 * 1024;

/// Draws `source` at `size` onto a `canvas`-sized surface turned by `quarter_turns`, over white
/// paper if the source `may_be_transparent`.
fn paint(
    source: &Source,
    size: (u32, u32),
    canvas: (u32, u32),
    quarter_turns: u32,
    may_be_transparent: bool,
) -> Result<Surface, PhotoError> {
    let surface = Surface::new(canvas.0, canvas.1).ok_or(PhotoError::Failed)?;
    if may_be_transparent {
        surface.fill_white(canvas.0, canvas.1);
    }
    if metrics::bilinear_suffices(source.size(), size) {
        surface.smoothing(Smoothing::Bilinear);
    }
    let drawn = if quarter_turns == 0 {
        surface.draw(source, 0.0, 0.0, size.0, size.1)
    } else {
        surface
            .turn(canvas.0, canvas.1, quarter_turns)
            .and_then(|()| {
                let (x, y) = (-f64::from(size.0) / 2.0, -f64::from(size.1) / 2.0);
                surface.draw(source, x, y, size.0, size.1)
            })
    };
    match drawn {
        Ok(()) => Ok(surface),
        Err(_) => {
            surface.release();
            Err(PhotoError::Failed)
        }
    }
}

/// Encodes a painted surface as JPEG, once more at a lower quality when it is over the target.
async fn encode_jpeg(surface: &Surface) -> Option<Blob> {
    match surface.jpeg(canvas::JPEG_QUALITY).await {
        Some(b) if b.size() as u64 > TARGET_BYTES => {
            surface.jpeg(canvas::JPEG_QUALITY_DENSE).await.or(Some(b))
        }
        other => other,
    }
}

/// The quality warnings, measured on a copy of at most `ANALYSIS_EDGE` px drawn from the upload
/// canvas (`upload`, `upload_size`). Measuring is advice: if the browser cannot give the pixels,
/// the photo simply gets no warnings. `original` is the photo's own size, for the size check.
fn analyse(upload: &Surface, upload_size: (u32, u32), original: (u32, u32)) -> Vec<QualityWarning> {
    let (w, h) = metrics::target_size(upload_size.0, upload_size.1, ANALYSIS_EDGE);
    let Some(surface) = Surface::new(w, h) else {
        return Vec::new();
    };
    let pixels = surface
        .draw_surface(upload, w, h)
        .ok()
        .and_then(|()| surface.pixels(w, h));
    surface.release();
    match pixels {
        Some(rgba) => {
            let luma = metrics::luma(&rgba);
            metrics::assess(original, &luma, w as usize, h as usize)
        }
        None => Vec::new(),
    }
}

/// Turns a prepared JPEG by `quarter_turns` × 90° clockwise (negative turns go anticlockwise) for
/// the preview's rotate button; width and height swap for odd turns. Each call re-encodes, so a
/// page should keep the blob from `prepare` and rotate it by the total number of turns, not
/// rotate the previous result again. Not for PDFs (they fail with `CannotDecode`).
pub async fn rotate(blob: &Blob, quarter_turns: i32) -> Result<Blob, PhotoError> {
    let turns = quarter_turns.rem_euclid(4).unsigned_abs();
    if turns == 0 {
        return Ok(blob.clone());
    }
    let source = Source::decode(blob)
        .await
        .ok_or(PhotoError::CannotDecode { heic: false })?;
    let (w, h) = source.size();
    let canvas = if turns.is_multiple_of(2) {
        (w, h)
    } else {
        (h, w)
    };
    // Our own JPEG: opaque.
    let rotated = match paint(&source, (w, h), canvas, turns, false) {
        Ok(surface) => {
            let blob = encode_jpeg(&surface).await;
            surface.release();
            blob.ok_or(PhotoError::Failed)
        }
        Err(e) => Err(e),
    };
    source.close();
    rotated
}

/// A `blob:` URL for showing a blob in `<img src>`. Call [`revoke_object_url`] when the preview
/// goes away, or the blob stays in memory until the page is closed.
pub fn object_url(blob: &Blob) -> Option<String> {
    web_sys::Url::create_object_url_with_blob(blob).ok()
}

/// Releases a URL from [`object_url`].
pub fn revoke_object_url(url: &str) {
    let _ = web_sys::Url::revoke_object_url(url);
}

/// Whether a stored blob is a PDF (shown as a file icon rather than an `<img>`).
pub fn is_pdf(blob: &Blob) -> bool {
    blob.type_() == "application/pdf"
}
