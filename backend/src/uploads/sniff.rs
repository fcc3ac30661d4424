//! What a file is, judged by its content (magic bytes) rather than by its name or the
//! Content-Type the phone claims; and the pixel size of JPEG and PNG images, read from
//! their headers without decoding them.

/// The kinds of file the portal keeps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Jpeg,
    Png,
    Pdf,
    Heic,
}

impl FileKind {
    pub fn content_type(self) -> &'static str {
        match self {
            FileKind::Jpeg => "image/jpeg",
            FileKind::Png => "image/png",
            FileKind::Pdf => "application/pdf",
            FileKind::Heic => "image/heic",
        }
    }
}

const PNG_SIGNATURE: &[u8] = &[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];
const HEIF_BRANDS: [&[u8; 4]; 7] = [
    b"heic", b"heix", b"hevc", b"heim", b"heis", b"mif1", b"msf1",
];

pub fn detect(bytes: &[u8]) -> Option<FileKind> {
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(FileKind::Jpeg)
    } else if bytes.starts_with(PNG_SIGNATURE) {
        Some(FileKind::Png)
    } else if bytes.starts_with(b"%PDF-") {
        Some(FileKind::Pdf)
    } else if is_heif(bytes) {
        Some(FileKind::Heic)
    } else {
        None
    }
}

fn be_u16(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes([*b.get(at)?, *b.get(at + 1)?]))
}

fn be_u32(b: &[u8], at: usize) -> Option<u32> {
    let s = b.get(at..at + 4)?;
    Some(u32::from_be_bytes([s[0], s[1], s[2], s[3]]))
}

/// An ISO BMFF file opening with an `ftyp` box whose major or a compatible brand is HEIF's.
fn is_heif(b: &[u8]) -> bool {
    if b.get(4..8) != Some(b"ftyp") {
        return false;
    }
    let Some(size) = be_u32(b, 0) else {
        return false;
    };
    // The box holds size(4) type(4) major(4) minor version(4) then compatible brands.
    let end = (size as usize).min(b.len());
    if end < 16 {
        return false;
    }
    let major = b.get(8..12);
    let compatible = b[16..end].chunks_exact(4);
    std::iter::once(major)
        .chain(compatible.map(Some))
        .flatten()
        .any(|brand| HEIF_BRANDS.iter().any(|h| h.as_slice() == brand))
}

/// Width and height of a PNG from its IHDR chunk, which must come first.
pub fn png_size(b: &[u8]) -> Option<(u32, u32)> {
    if b.get(12..16) != Some(b"IHDR") {
        return None;
    }
    Some((be_u32(b, 16)?, be_u32(b, 20)?))
}

/// Width and height of a JPEG from its first frame header (SOF0–SOF15 but DHT, JPG, DAC),
/// walking the marker segments after SOI.
pub fn jpeg_size(b: &[u8]) -> Option<(u32, u32)> {
    let mut i = 2;
    loop {
        if *b.get(i)? != 0xFF {
            return None;
        }
        // Any number of 0xFF fill bytes may precede a marker.
        while *b.get(i)? == 0xFF {
            i += 1;
        }
        let marker = *b.get(i)?;
        i += 1;
        match marker {
            // Markers without a length.
            0x01 | 0xD0..=0xD8 => continue,
            // Image data or the end before any frame header: not a usable image.
            0xD9 | 0xDA => return None,
            _ => {}
        }
        let len = usize::from(be_u16(b, i)?);
        if len < 2 {
            return None;
        }
        if (0xC0..=0xCF).contains(&marker) && !matches!(marker, 0xC4 | 0xC8 | 0xCC) {
            // length(2) precision(1) height(2) width(2)
            let height = be_u16(b, i + 3)?;
            let width = be_u16(b, i + 5)?;
            return Some((u32::from(width), u32::from(height)));
        }
        i += len;
    }
}

/// Width × height for the kinds whose header we read; `Some(None)` for kinds we do not
/// measure (PDF, HEIC), `None` when a JPEG or PNG header cannot be read.
pub fn pixels(kind: FileKind, b: &[u8]) -> Option<Option<u64>> {
    let size = match kind {
        FileKind::Jpeg => jpeg_size(b)?,
        FileKind::Png => png_size(b)?,
        FileKind::Pdf | FileKind::Heic => return Some(None),
    };
    Some(Some(u64::from(size.0) * u64::from(size.1)))
}

#[cfg(test)]
pub mod samples {
    /// The start of a PNG declaring `width` × `height`.
    pub fn png(width: u32, height: u32) -> Vec<u8> {
        let mut b = vec![0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];
        b.extend_from_slice(&13u32.to_be_bytes());
        b.extend_from_slice(b"IHDR");
        b.extend_from_slice(&width.to_be_bytes());
        b.extend_from_slice(&height.to_be_bytes());
        b.extend_from_slice(&[8, 6, 0, 0, 0, 0, 0, 0, 0]);
        b
    }

    /// A JPEG with an APP0 segment, fill bytes, and a progressive SOF2 frame header.
    pub fn jpeg(width: u16, height: u16) -> Vec<u8> {
        let mut b = vec![0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10];
        b.extend_from_slice(b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0");
        b.extend_from_slice(&[0xFF, 0xFF, 0xC2, 0x00, 0x11, 0x08]);
        b.extend_from_slice(&height.to_be_bytes());
        b.extend_from_slice(&width.to_be_bytes());
        b.extend_from_slice(&[3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
        b.extend_from_slice(&[0xFF, 0xD9]);
        b
    }

    /// An iPhone-style HEIC `ftyp` box.
    pub fn heic() -> Vec<u8> {
        let mut b = 24u32.to_be_bytes().to_vec();
        b.extend_from_slice(b"ftypheic\0\0\0\0mif1heic");
        b.extend_from_slice(&[0; 32]);
        b
    }
}

#[cfg(test)]
mod tests {
    use super::samples::*;
    use super::*;

    #[test]
    fn detects_by_content() {
        assert_eq!(detect(&png(10, 10)), Some(FileKind::Png));
        assert_eq!(detect(&jpeg(10, 10)), Some(FileKind::Jpeg));
        assert_eq!(detect(b"%PDF-1.7\n..."), Some(FileKind::Pdf));
        assert_eq!(detect(&heic()), Some(FileKind::Heic));
        assert_eq!(detect(b"hello, world"), None);
        assert_eq!(detect(b""), None);
        assert_eq!(detect(b"GIF89a......"), None);
        // An MP4 video is ISO BMFF too, but not HEIF.
        let mut mp4 = 24u32.to_be_bytes().to_vec();
        mp4.extend_from_slice(b"ftypisom\0\0\0\0isomavc1");
        assert_eq!(detect(&mp4), None);
        // A HEIF brand only among the compatible ones still counts.
        let mut avif_heif = 24u32.to_be_bytes().to_vec();
        avif_heif.extend_from_slice(b"ftypavif\0\0\0\0mif1miaf");
        assert_eq!(detect(&avif_heif), Some(FileKind::Heic));
        // A box size beyond the data is clamped, not trusted.
        let mut huge = u32::MAX.to_be_bytes().to_vec();
        huge.extend_from_slice(b"ftypxxxx\0\0");
        assert_eq!(detect(&huge), None);
    }

    #[test]
    fn reads_sizes() {
        assert_eq!(png_size(&png(8000, 6000)), Some((8000, 6000)));
        assert_eq!(jpeg_size(&jpeg(4032, 3024)), Some((4032, 3024)));
        assert_eq!(
            pixels(FileKind::Png, &png(8000, 6000)),
            Some(Some(48_000_000))
        );
        assert_eq!(pixels(FileKind::Pdf, b"%PDF-"), Some(None));
        // Truncated headers are unreadable, never a panic.
        let j = jpeg(100, 100);
        for n in 0..j.len() - 12 {
            assert_eq!(jpeg_size(&j[..n]), None, "{n}");
        }
        for n in 0..24 {
            assert_eq!(png_size(&png(1, 1)[..n]), None);
        }
        assert_eq!(jpeg_size(&[0xFF, 0xD8, 0xFF, 0xDA, 0, 2]), None);
        assert_eq!(jpeg_size(&[0xFF, 0xD8, 0xFF, 0xE1, 0, 0]), None);
    }
}
