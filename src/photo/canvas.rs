//! Browser glue for the photo pipeline: decoding with the browser's own decoders and drawing on a
//! canvas, so the app ships no image codec (the whole portal must fit in 120 KB of brotli wasm).

use js_sys::{Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    Blob, CanvasRenderingContext2d, HtmlCanvasElement, HtmlImageElement, ImageBitmap,
    ImageBitmapOptions, ImageEncodeOptions, ImageOrientation, OffscreenCanvas,
    OffscreenCanvasRenderingContext2d,
};

/// JPEG quality of uploads: 0.8 keeps print sharp at about a third of the bytes of 0.95.
/// Quality for photos of documents: printed text stays sharp at 2000 px.
pub const JPEG_QUALITY: f64 = 0.8;
/// A second try for busy pages (dense print, texture) that come out too large at `JPEG_QUALITY`.
pub const JPEG_QUALITY_DENSE: f64 = 0.7;

/// A decoded image, upright (EXIF orientation applied).
pub enum Source {
    Bitmap(ImageBitmap),
    /// Fallback for browsers without `createImageBitmap` (iOS before 15) or without the
    /// `imageOrientation: "from-image"` option (Firefox before 111 rejects the value). `<img>`
    /// applies EXIF orientation by default since Chrome 81 / Safari 13.1. The object URL is revoked
    /// in `close`.
    Image(HtmlImageElement, String),
}

impl Source {
    /// Decodes an image file, or `None` when this browser cannot (HEIC outside Safari, a broken
    /// file). Never reads the image's metadata: only pixels come out of here.
    pub async fn decode(blob: &Blob) -> Option<Source> {
        let window = crate::browser::window()?;
        let options = ImageBitmapOptions::new();
        options.set_image_orientation(ImageOrientation::FromImage);
        if let Ok(promise) =
            window.create_image_bitmap_with_blob_and_image_bitmap_options(blob, &options)
        {
            if let Ok(bitmap) = JsFuture::from(promise)
                .await
                .and_then(|v| v.dyn_into::<ImageBitmap>())
            {
                return Some(Source::Bitmap(bitmap));
            }
        }
        let url = super::object_url(blob)?;
        let Ok(image) = HtmlImageElement::new() else {
            super::revoke_object_url(&url);
            return None;
        };
        let loaded = Promise::new(&mut |resolve, reject| {
            image.set_onload(Some(&resolve));
            image.set_onerror(Some(&reject));
        });
        image.set_src(&url);
        let ok = JsFuture::from(loaded).await.is_ok() && image.natural_width() > 0;
        image.set_onload(None);
        image.set_onerror(None);
        if ok {
            Some(Source::Image(image, url))
        } else {
            super::revoke_object_url(&url);
            None
        }
    }

    pub fn size(&self) -> (u32, u32) {
        match self {
            Source::Bitmap(b) => (b.width(), b.height()),
            Source::Image(i, _) => (i.natural_width(), i.natural_height()),
        }
    }

    /// Frees the decoded pixels now rather than at the next garbage collection: a 48 MP photo
    /// decodes to about 190 MB, which an older phone cannot hold twice.
    pub fn close(self) {
        match self {
            Source::Bitmap(b) => b.close(),
            Source::Image(i, url) => {
                i.set_src("");
                super::revoke_object_url(&url);
            }
        }
    }
}

/// How a draw resamples the source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Smoothing {
    /// Mipmaps or a cubic filter: needed when shrinking more than twofold, where plain bilinear
    /// filtering skips source pixels, aliases, and makes a blurred photo measure as sharp.
    High,
    /// Plain bilinear: at a twofold shrink or less it already averages every source pixel (at
    /// exactly half, each output pixel is the mean of a 2 × 2 block), and it costs about half of
    /// `High` on a 12 MP photo, which first builds a mipmap of the whole photo.
    Bilinear,
}

/// A 2D canvas: `OffscreenCanvas` where it exists (no DOM node, promise-based encoding), else a
/// detached `<canvas>` (Safari before 16.4 has no 2D `OffscreenCanvas`).
pub enum Surface {
    Offscreen(OffscreenCanvas, OffscreenCanvasRenderingContext2d),
    Element(HtmlCanvasElement, CanvasRenderingContext2d),
}

impl Surface {
    /// A canvas without an alpha channel: photos are opaque, and an opaque surface spares the
    /// browser blending on every draw and un-premultiplying before every read and encode. It
    /// starts black, so a source that may be transparent is drawn over `fill_white`.
    pub fn new(width: u32, height: u32) -> Option<Surface> {
        let options = js_sys::Object::new();
        let _ = Reflect::set(&options, &"alpha".into(), &JsValue::FALSE);
        let surface = Self::offscreen(width, height, &options)
            .or_else(|| Self::element(width, height, &options))?;
        surface.smoothing(Smoothing::High);
        Some(surface)
    }

    fn offscreen(width: u32, height: u32, options: &JsValue) -> Option<Surface> {
        let canvas = OffscreenCanvas::new(width, height).ok()?;
        let context = canvas
            .get_context_with_context_options("2d", options)
            .ok()??
            .dyn_into()
            .ok()?;
        Some(Surface::Offscreen(canvas, context))
    }

    fn element(width: u32, height: u32, options: &JsValue) -> Option<Surface> {
        let document = crate::browser::window()?.document()?;
        let canvas: HtmlCanvasElement = document.create_element("canvas").ok()?.dyn_into().ok()?;
        canvas.set_width(width);
        canvas.set_height(height);
        let context = canvas
            .get_context_with_context_options("2d", options)
            .ok()??
            .dyn_into()
            .ok()?;
        Some(Surface::Element(canvas, context))
    }

    /// How the next draws resample (`imageSmoothingQuality`).
    pub fn smoothing(&self, smoothing: Smoothing) {
        let context: &JsValue = match self {
            Surface::Offscreen(_, c) => c,
            Surface::Element(_, c) => c,
        };
        let value = match smoothing {
            Smoothing::High => "high",
            Smoothing::Bilinear => "low",
        };
        let _ = Reflect::set(context, &"imageSmoothingQuality".into(), &value.into());
    }

    /// Paints the canvas white, so transparent PNG areas become paper, not black, in the JPEG.
    pub fn fill_white(&self, width: u32, height: u32) {
        let (w, h) = (f64::from(width), f64::from(height));
        match self {
            Surface::Offscreen(_, c) => {
                c.set_fill_style_str("#fff");
                c.fill_rect(0.0, 0.0, w, h);
            }
            Surface::Element(_, c) => {
                c.set_fill_style_str("#fff");
                c.fill_rect(0.0, 0.0, w, h);
            }
        }
    }

    /// Turns the drawing coordinates by `quarter_turns` × 90° clockwise about the centre of a
    /// canvas of `width` × `height`.
    pub fn turn(&self, width: u32, height: u32, quarter_turns: u32) -> Result<(), JsValue> {
        let (x, y) = (f64::from(width) / 2.0, f64::from(height) / 2.0);
        let angle = f64::from(quarter_turns) * std::f64::consts::FRAC_PI_2;
        match self {
            Surface::Offscreen(_, c) => {
                c.translate(x, y)?;
                c.rotate(angle)
            }
            Surface::Element(_, c) => {
                c.translate(x, y)?;
                c.rotate(angle)
            }
        }
    }

    /// Draws the source scaled into the rectangle at (`x`, `y`) of size `width` × `height`.
    pub fn draw(
        &self,
        source: &Source,
        x: f64,
        y: f64,
        width: u32,
        height: u32,
    ) -> Result<(), JsValue> {
        let (w, h) = (f64::from(width), f64::from(height));
        match (self, source) {
            (Surface::Offscreen(_, c), Source::Bitmap(b)) => {
                c.draw_image_with_image_bitmap_and_dw_and_dh(b, x, y, w, h)
            }
            (Surface::Offscreen(_, c), Source::Image(i, _)) => {
                c.draw_image_with_html_image_element_and_dw_and_dh(i, x, y, w, h)
            }
            (Surface::Element(_, c), Source::Bitmap(b)) => {
                c.draw_image_with_image_bitmap_and_dw_and_dh(b, x, y, w, h)
            }
            (Surface::Element(_, c), Source::Image(i, _)) => {
                c.draw_image_with_html_image_element_and_dw_and_dh(i, x, y, w, h)
            }
        }
    }

    /// Draws another surface's whole canvas scaled to `width` × `height` at the origin: the
    /// analysis copy comes from the 2000-px upload canvas rather than from the decoded photo, so
    /// the browser resamples a 3 MP image instead of a 12 MP one a second time.
    pub fn draw_surface(&self, from: &Surface, width: u32, height: u32) -> Result<(), JsValue> {
        let (w, h) = (f64::from(width), f64::from(height));
        match (self, from) {
            (Surface::Offscreen(_, c), Surface::Offscreen(f, _)) => {
                c.draw_image_with_offscreen_canvas_and_dw_and_dh(f, 0.0, 0.0, w, h)
            }
            (Surface::Offscreen(_, c), Surface::Element(f, _)) => {
                c.draw_image_with_html_canvas_element_and_dw_and_dh(f, 0.0, 0.0, w, h)
            }
            (Surface::Element(_, c), Surface::Offscreen(f, _)) => {
                c.draw_image_with_offscreen_canvas_and_dw_and_dh(f, 0.0, 0.0, w, h)
            }
            (Surface::Element(_, c), Surface::Element(f, _)) => {
                c.draw_image_with_html_canvas_element_and_dw_and_dh(f, 0.0, 0.0, w, h)
            }
        }
    }

    /// The canvas's RGBA pixels.
    pub fn pixels(&self, width: u32, height: u32) -> Option<Vec<u8>> {
        let (w, h) = (f64::from(width), f64::from(height));
        let data = match self {
            Surface::Offscreen(_, c) => c.get_image_data(0.0, 0.0, w, h),
            Surface::Element(_, c) => c.get_image_data(0.0, 0.0, w, h),
        };
        data.ok().map(|d| d.data().0)
    }

    /// Encodes the canvas as JPEG. The encoder writes only pixels, so no EXIF (GPS position,
    /// phone model, time) from the original photo can reach the server.
    pub async fn jpeg(&self, quality: f64) -> Option<Blob> {
        let promise = match self {
            Surface::Offscreen(canvas, _) => {
                let options = ImageEncodeOptions::new();
                options.set_type("image/jpeg");
                options.set_quality(quality);
                canvas.convert_to_blob_with_options(&options).ok()?
            }
            // `toBlob` takes a callback; the promise's own `resolve` is that callback, so no Rust
            // closure needs to be kept alive. It is called with `null` when encoding fails.
            Surface::Element(canvas, _) => Promise::new(&mut |resolve, reject| {
                let quality = JsValue::from_f64(quality);
                if let Err(e) =
                    canvas.to_blob_with_type_and_encoder_options(&resolve, "image/jpeg", &quality)
                {
                    let _ = reject.call1(&JsValue::NULL, &e);
                }
            }),
        };
        JsFuture::from(promise).await.ok()?.dyn_into::<Blob>().ok()
    }

    /// Gives the backing memory back now: iOS Safari caps the total of all canvases (a few hundred
    /// MB) and refuses new ones once it is reached, and a citizen photographs many pages in a row.
    pub fn release(self) {
        match self {
            Surface::Offscreen(canvas, _) => {
                canvas.set_width(0);
                canvas.set_height(0);
            }
            Surface::Element(canvas, _) => {
                canvas.set_width(0);
                canvas.set_height(0);
            }
        }
    }
}
