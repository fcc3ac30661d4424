//! A labelled set of synthetic phone photos of documents, for calibrating and testing the quality
//! check ([`super::metrics::assess`]) natively. Each sample is rendered straight at the analysis
//! size (what the browser hands `assess`), deterministically from a seed: a page of black
//! "characters" (random strokes in a square cell, like printed Chinese) on paper, on a darker desk,
//! then lighting, glare, blur and sensor noise. Blur radii and text sizes are given at the scale
//! of the 2000-px upload and scaled to the analysis size, so the set stays realistic when
//! `ANALYSIS_EDGE` changes.
//!
//! `cargo test -p portal photo_calibration -- --nocapture` prints the confusion table;
//! `cargo test -p portal write_photo_calibration -- --ignored` writes the images as PGM files
//! into `target/photo-calibration/` for a person to look at. With `PHOTO_DEBUG=1` the test also
//! prints every sample's measures, to see how far each sits from the thresholds.
//!
//! The set is synthetic: it shows the check agrees with its own model of a phone photo, not that
//! it is right on real ones. Real photos that it gets wrong belong here as new scenes.

use super::metrics::{self, QualityWarning, ANALYSIS_EDGE};

/// splitmix64: small, deterministic, good enough for jitter.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    fn unit(&mut self) -> f32 {
        (self.next() >> 40) as f32 / (1u64 << 24) as f32
    }
    fn range(&mut self, lo: f32, hi: f32) -> f32 {
        lo + (hi - lo) * self.unit()
    }
    /// Standard normal (Box–Muller).
    fn normal(&mut self) -> f32 {
        let u = self.unit().max(1e-7);
        let v = self.unit();
        (-2.0 * u.ln()).sqrt() * (std::f32::consts::TAU * v).cos()
    }
}

fn hash(a: u64, b: u64, c: u64) -> u64 {
    let mut r = Rng(a.wrapping_mul(0x1000_0000_01B3) ^ b.rotate_left(21) ^ c.rotate_left(42));
    r.next()
}

#[derive(Clone, Copy, Debug)]
pub enum Blur {
    None,
    /// Gaussian defocus; sigma in px at the 2000-px upload scale.
    Gaussian(f32),
    /// Camera shake: a 1-D box of this length (2000-px scale) along x (`true`) or y.
    Motion(f32, bool),
}

/// Everything that makes one sample.
#[derive(Clone, Debug)]
pub struct Scene {
    pub name: &'static str,
    pub expected: Option<QualityWarning>,
    /// The photo's original size (after EXIF rotation); the luma is rendered at
    /// `target_size(original, ANALYSIS_EDGE)`.
    pub original: (u32, u32),
    seed: u64,
    /// Page centre, as a share of the frame, and its size as a share of the frame height.
    page_centre: (f32, f32),
    page_height: f32,
    /// Page width / height (A4 is 0.707).
    page_aspect: f32,
    rotation_deg: f32,
    /// Lines of text on a full page (more lines = smaller print).
    lines_per_page: f32,
    paper: f32,
    /// Share of the paper's brightness the ink takes away (1 = black ink).
    ink: f32,
    desk: f32,
    /// Illumination: a gradient across the frame (share lost at the far side).
    gradient: f32,
    /// Half in shadow: multiplies the right half (soft edge) by this.
    shadow: Option<f32>,
    /// Overall exposure factor (dark shots).
    exposure: f32,
    /// Glare: centre (share of frame), radius (share of frame height), peak added luma.
    glare: Option<((f32, f32), f32, f32)>,
    blur: Blur,
    /// Sensor noise sigma in luma at the analysis scale.
    noise: f32,
}

impl Scene {
    fn new(name: &'static str, expected: Option<QualityWarning>, seed: u64) -> Scene {
        Scene {
            name,
            expected,
            original: (3024, 4032),
            seed,
            page_centre: (0.5, 0.5),
            page_height: 0.86,
            page_aspect: 0.707,
            rotation_deg: 0.0,
            lines_per_page: 40.0,
            paper: 215.0,
            ink: 0.85,
            desk: 90.0,
            gradient: 0.1,
            shadow: None,
            exposure: 1.0,
            glare: None,
            blur: Blur::Gaussian(0.5),
            noise: 1.5,
        }
    }

    /// The analysis size for this sample.
    pub fn size(&self) -> (usize, usize) {
        let (w, h) = metrics::target_size(self.original.0, self.original.1, ANALYSIS_EDGE);
        (w as usize, h as usize)
    }

    /// Renders the luma at the analysis size.
    pub fn render(&self) -> Vec<u8> {
        let (w, h) = self.size();
        let (wf, hf) = (w as f32, h as f32);
        // How many analysis px one px of the 2000-px upload is.
        let scale =
            w.max(h) as f32 / metrics::MAX_EDGE.min(self.original.0.max(self.original.1)) as f32;
        let page_h = self.page_height * hf;
        let page_w = page_h * self.page_aspect;
        let (cx, cy) = (self.page_centre.0 * wf, self.page_centre.1 * hf);
        let (sin, cos) = self.rotation_deg.to_radians().sin_cos();
        let line_h = page_h / self.lines_per_page;
        let glyph = line_h * 0.72;
        let margin_x = page_w * 0.1;
        let margin_y = page_h * 0.07;
        let seed = self.seed;
        // Ink coverage of page point (u, v), with (0, 0) at the page's top left.
        let ink_at = |u: f32, v: f32| -> bool {
            if u < margin_x || u > page_w - margin_x || v < margin_y || v > page_h - margin_y {
                return false;
            }
            let line = ((v - margin_y) / line_h) as u64;
            let in_line = (v - margin_y) - line as f32 * line_h;
            if in_line > glyph {
                return false;
            }
            // Paragraphs: every few lines one is left blank, and its last line is short.
            let para = hash(seed, line / 7, 1) % 3 + 5;
            let in_para = line % (para + 1);
            if in_para == para {
                return false;
            }
            let col = ((u - margin_x) / glyph) as u64;
            let line_len = if in_para + 1 == para {
                (hash(seed, line, 2) % 100) as f32 / 100.0 * (page_w - 2.0 * margin_x)
            } else {
                page_w - 2.0 * margin_x
            };
            if u - margin_x > line_len {
                return false;
            }
            // Within the character cell, strokes on a 5×5 grid, with a gap between characters.
            let gu = (u - margin_x) / glyph - col as f32;
            let gv = in_line / glyph;
            if !(0.06..=0.88).contains(&gu) {
                return false;
            }
            let g = hash(seed, line, col + 3);
            if g.is_multiple_of(11) {
                return false; // a space or punctuation
            }
            let stroke = 0.11;
            for k in 0..3 {
                let bits = g >> (k * 12);
                let horiz_row = 0.1 + (bits % 5) as f32 * 0.18;
                if (gv - horiz_row).abs() < stroke / 2.0 && bits & 0x20 != 0 {
                    let a = ((bits >> 6) % 3) as f32 * 0.2 + 0.06;
                    if gu > a && gu < a + 0.5 + ((bits >> 8) % 2) as f32 * 0.3 {
                        return true;
                    }
                }
                let vert_col = 0.12 + ((bits >> 9) % 5) as f32 * 0.17;
                if (gu - vert_col).abs() < stroke / 2.0 {
                    let a = ((bits >> 3) % 3) as f32 * 0.15 + 0.02;
                    if gv > a && gv < a + 0.6 {
                        return true;
                    }
                }
            }
            false
        };
        // Scene radiance before the camera: page or desk, 3×3 supersampled for anti-aliasing.
        let mut img = vec![0f32; w * h];
        let desk_freq = 0.013 + (seed % 7) as f32 * 0.002;
        for y in 0..h {
            for x in 0..w {
                let mut acc = 0.0;
                for sy in 0..3 {
                    for sx in 0..3 {
                        let px = x as f32 + (sx as f32 + 0.5) / 3.0 - cx;
                        let py = y as f32 + (sy as f32 + 0.5) / 3.0 - cy;
                        // Into page coordinates (rotated about the page centre).
                        let u = cos * px + sin * py + page_w / 2.0;
                        let v = -sin * px + cos * py + page_h / 2.0;
                        acc += if u >= 0.0 && u < page_w && v >= 0.0 && v < page_h {
                            if ink_at(u, v) {
                                self.paper * (1.0 - self.ink)
                            } else {
                                self.paper
                            }
                        } else {
                            // A desk with a faint wood grain.
                            let grain = ((x as f32 * 0.2 + y as f32) * desk_freq).sin();
                            self.desk * (1.0 + 0.05 * grain)
                        };
                    }
                }
                img[y * w + x] = acc / 9.0;
            }
        }
        // Lighting.
        for y in 0..h {
            for x in 0..w {
                let (fx, fy) = (x as f32 / wf, y as f32 / hf);
                let mut light = self.exposure * (1.0 - self.gradient * (fx * 0.6 + fy * 0.4));
                if let Some(f) = self.shadow {
                    let edge = fx - 0.5 - 0.08 * (fy - 0.5);
                    let t = (edge / 0.04).clamp(-1.0, 1.0) * 0.5 + 0.5;
                    light *= 1.0 + (f - 1.0) * t;
                }
                let mut v = img[y * w + x] * light;
                if let Some(((gx, gy), r, peak)) = self.glare {
                    let dx = (fx - gx) * wf / hf;
                    let dy = fy - gy;
                    v += peak * (-(dx * dx + dy * dy) / (2.0 * r * r)).exp();
                }
                img[y * w + x] = v.min(255.0);
            }
        }
        match self.blur {
            Blur::None => {}
            Blur::Gaussian(sigma) => gaussian(&mut img, w, h, sigma * scale),
            Blur::Motion(len, along_x) => {
                let r = (len * scale / 2.0).round().max(1.0) as usize;
                box_blur(&mut img, w, h, r, along_x);
            }
        }
        let mut rng = Rng(seed ^ 0xA5A5);
        img.iter()
            .map(|&v| (v + self.noise * rng.normal()).round().clamp(0.0, 255.0) as u8)
            .collect()
    }
}

/// Running-mean box blur of radius `r` along one axis (edges clamp).
fn box_blur(img: &mut [f32], w: usize, h: usize, r: usize, along_x: bool) {
    let (n, lines, stride, step) = if along_x { (w, h, w, 1) } else { (h, w, 1, w) };
    let mut line = vec![0f32; n];
    for l in 0..lines {
        let base = l * stride;
        for (i, v) in line.iter_mut().enumerate() {
            *v = img[base + i * step];
        }
        let at = |i: isize| line[i.clamp(0, n as isize - 1) as usize];
        let mut sum: f32 = (-(r as isize)..=r as isize).map(at).sum();
        for i in 0..n {
            img[base + i * step] = sum / (2 * r + 1) as f32;
            sum += at(i as isize + r as isize + 1) - at(i as isize - r as isize);
        }
    }
}

/// Gaussian blur of `sigma` px by a direct separable kernel (exact for the small sigmas here).
fn gaussian(img: &mut [f32], w: usize, h: usize, sigma: f32) {
    if sigma < 0.05 {
        return;
    }
    let r = (sigma * 3.0).ceil() as isize;
    let kernel: Vec<f32> = (-r..=r)
        .map(|i| (-(i * i) as f32 / (2.0 * sigma * sigma)).exp())
        .collect();
    let total: f32 = kernel.iter().sum();
    let kernel: Vec<f32> = kernel.iter().map(|k| k / total).collect();
    for along_x in [true, false] {
        let src = img.to_vec();
        for y in 0..h {
            for x in 0..w {
                let mut acc = 0.0;
                for (k, weight) in kernel.iter().enumerate() {
                    let d = k as isize - r;
                    let (sx, sy) = if along_x {
                        ((x as isize + d).clamp(0, w as isize - 1) as usize, y)
                    } else {
                        (x, (y as isize + d).clamp(0, h as isize - 1) as usize)
                    };
                    acc += weight * src[sy * w + sx];
                }
                img[y * w + x] = acc;
            }
        }
    }
}

/// The calibration set: at least 20 good photos and every kind of bad one.
pub fn samples() -> Vec<Scene> {
    use QualityWarning::*;
    let mut out = Vec::new();
    let mut rng = Rng(20_251_111);
    // Normal desk shots: print sizes, contrasts, paper and desk tones, noise, portrait and
    // landscape, slight lens softness.
    for i in 0..12u64 {
        let mut s = Scene::new("desk", None, 100 + i);
        s.lines_per_page = [28.0, 36.0, 44.0, 52.0][i as usize % 4];
        s.ink = [0.9, 0.75, 0.6, 0.85][(i as usize / 2) % 4];
        s.paper = rng.range(160.0, 240.0);
        s.desk = rng.range(40.0, 140.0);
        s.noise = rng.range(0.8, 2.5);
        s.gradient = rng.range(0.0, 0.25);
        s.page_height = rng.range(0.72, 0.92);
        s.page_centre = (rng.range(0.45, 0.55), rng.range(0.47, 0.53));
        s.blur = Blur::Gaussian(rng.range(0.3, 0.8));
        if i % 3 == 0 {
            s.original = (4032, 3024);
            s.page_height = rng.range(0.85, 0.92);
        }
        out.push(s);
    }
    // A white page filling the frame: no desk, paper near white, margins inside the frame.
    for i in 0..3u64 {
        let mut s = Scene::new("white page fills frame", None, 200 + i);
        s.page_height = 1.08;
        s.page_aspect = 0.75 / 1.08 * 1.06;
        s.paper = [236.0, 244.0, 248.0][i as usize];
        s.lines_per_page = 46.0;
        s.gradient = 0.03;
        out.push(s);
    }
    // Scanner-like: pure white, crisp, no noise.
    for i in 0..3u64 {
        let mut s = Scene::new("scanner", None, 300 + i);
        s.original = (2480, 3508);
        s.page_height = 1.0;
        s.page_aspect = 2480.0 / 3508.0;
        s.paper = 255.0;
        s.ink = 1.0;
        s.gradient = 0.0;
        s.noise = 0.0;
        s.blur = Blur::None;
        s.lines_per_page = [38.0, 48.0, 56.0][i as usize];
        out.push(s);
    }
    // Skewed pages: turned but wholly in the frame.
    for (i, deg) in [-12.0, -5.0, 3.0, 8.0].into_iter().enumerate() {
        let mut s = Scene::new("skewed", None, 400 + i as u64);
        s.rotation_deg = deg;
        s.page_height = 0.74;
        s.paper = rng.range(180.0, 230.0);
        out.push(s);
    }
    // Glare: a blown-out blob over the text.
    for i in 0..5u64 {
        let mut s = Scene::new("glare", Some(Overexposed), 500 + i);
        s.paper = rng.range(190.0, 230.0);
        let centre = (rng.range(0.35, 0.65), rng.range(0.3, 0.7));
        s.glare = Some((centre, rng.range(0.04, 0.09), rng.range(160.0, 260.0)));
        if i == 4 {
            s.original = (4032, 3024);
        }
        out.push(s);
    }
    // Dark: the whole shot, then half of the page in shadow.
    for (i, e) in [0.15, 0.22, 0.28].into_iter().enumerate() {
        let mut s = Scene::new("dark", Some(TooDark), 600 + i as u64);
        s.exposure = e;
        s.noise = 2.0;
        out.push(s);
    }
    for (i, f) in [0.2, 0.25, 0.3].into_iter().enumerate() {
        let mut s = Scene::new("half dark", Some(TooDark), 610 + i as u64);
        s.shadow = Some(f);
        s.paper = rng.range(180.0, 220.0);
        out.push(s);
    }
    // Defocus at several radii, on grey and on bright paper, and camera shake.
    for (i, sigma) in [2.5, 3.0, 4.0, 6.0, 9.0].into_iter().enumerate() {
        let mut s = Scene::new("defocus", Some(Blurred), 700 + i as u64);
        s.blur = Blur::Gaussian(sigma);
        s.lines_per_page = [36.0, 44.0, 30.0, 50.0, 40.0][i];
        s.paper = [200.0, 245.0, 225.0, 250.0, 235.0][i];
        if i == 1 {
            s.page_height = 1.08; // a blurred white page filling the frame
            s.page_aspect = 0.75;
        }
        out.push(s);
    }
    for (i, (len, along_x)) in [(14.0, true), (20.0, false), (30.0, true)]
        .into_iter()
        .enumerate()
    {
        let mut s = Scene::new("shake", Some(Blurred), 720 + i as u64);
        s.blur = Blur::Motion(len, along_x);
        out.push(s);
    }
    // Too small: the original is below the minimum edges.
    for (i, size) in [(640, 480), (480, 760), (400, 300)].into_iter().enumerate() {
        let mut s = Scene::new("too small", Some(TooSmall), 800 + i as u64);
        s.original = size;
        s.lines_per_page = 24.0;
        out.push(s);
    }
    // Cut off: the page, and its text, runs over an edge of the frame.
    for (i, centre) in [(0.25, 0.5), (0.75, 0.5), (0.5, 0.2), (0.5, 0.85)]
        .into_iter()
        .enumerate()
    {
        let mut s = Scene::new("cut off", Some(CutOff), 900 + i as u64);
        s.page_centre = centre;
        s.page_height = 0.9;
        out.push(s);
    }
    out
}

/// The reason a sample got: its first warning, or `None` for a clean bill.
fn reason(warnings: &[QualityWarning]) -> Option<QualityWarning> {
    warnings.first().copied()
}

fn label(w: Option<QualityWarning>) -> &'static str {
    match w {
        None => "good",
        Some(QualityWarning::TooSmall) => "small",
        Some(QualityWarning::TooDark) => "dark",
        Some(QualityWarning::Overexposed) => "glare",
        Some(QualityWarning::Blurred) => "blur",
        Some(QualityWarning::CutOff) => "cutoff",
    }
}

const CLASSES: [Option<QualityWarning>; 6] = [
    None,
    Some(QualityWarning::TooSmall),
    Some(QualityWarning::TooDark),
    Some(QualityWarning::Overexposed),
    Some(QualityWarning::Blurred),
    Some(QualityWarning::CutOff),
];

#[test]
fn photo_calibration() {
    let samples = samples();
    let mut table = [[0usize; 6]; 6];
    let index = |w: Option<QualityWarning>| CLASSES.iter().position(|&c| c == w).unwrap_or(0);
    let mut misses = Vec::new();
    for s in &samples {
        let (w, h) = s.size();
        let luma = s.render();
        let warnings = metrics::assess(s.original, &luma, w, h);
        let got = reason(&warnings);
        if std::env::var("PHOTO_DEBUG").is_ok() {
            println!(
                "{:>24} {:>6} {:?}",
                s.name,
                label(got),
                metrics::measure(&luma, w, h)
            );
        }
        table[index(s.expected)][index(got)] += 1;
        if got != s.expected {
            misses.push(format!(
                "  {} (seed {}): expected {}, got {:?}; {:?}",
                s.name,
                s.seed,
                label(s.expected),
                warnings,
                metrics::measure(&luma, w, h)
            ));
        }
    }
    println!(
        "Photo check on {} generated photos at {} px (rows: expected, columns: reported):",
        samples.len(),
        ANALYSIS_EDGE
    );
    print!("{:>8}", "");
    for c in CLASSES {
        print!("{:>8}", label(c));
    }
    println!();
    for (r, row) in table.iter().enumerate() {
        print!("{:>8}", label(CLASSES[r]));
        for n in row {
            print!("{n:>8}");
        }
        println!();
    }
    let good_total: usize = table[0].iter().sum();
    let false_warnings = good_total - table[0][0];
    let bad_total: usize = table[1..].iter().flatten().sum();
    let bad_right: usize = (1..6).map(|i| table[i][i]).sum();
    let precision_ok = false_warnings * 20 <= good_total;
    let recall = bad_right as f64 / bad_total.max(1) as f64;
    println!(
        "good photos warned: {false_warnings}/{good_total}; bad photos with the right warning: \
         {bad_right}/{bad_total} ({:.0}%)",
        recall * 100.0
    );
    for m in &misses {
        println!("{m}");
    }
    assert!(good_total >= 20 && samples.len() >= 40);
    assert!(precision_ok, "more than 1 in 20 good photos warned");
    assert!(recall >= 0.9, "recall {recall:.2} below 0.9");
}

/// Writes the set as PGM files (viewable in most image viewers) for a person to check the labels.
#[test]
#[ignore]
fn write_photo_calibration() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/photo-calibration");
    std::fs::create_dir_all(&dir).expect("create target/photo-calibration");
    for (i, s) in samples().iter().enumerate() {
        let (w, h) = s.size();
        let mut file = format!("P5\n{w} {h}\n255\n").into_bytes();
        file.extend(s.render());
        let name = format!(
            "{i:02}-{}-{}.pgm",
            label(s.expected),
            s.name.replace(' ', "-")
        );
        std::fs::write(dir.join(name), file).expect("write PGM");
    }
}
