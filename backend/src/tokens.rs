//! Random identifiers from the operating system's CSPRNG, and comparison of secrets.

use crate::http::error::AppError;

/// Query-code alphabet: digits and capitals without 0/O, 1/I/L, which people misread.
pub const QUERY_CODE_ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";
pub const QUERY_CODE_LEN: usize = 8;

fn random_bytes<const N: usize>() -> Result<[u8; N], AppError> {
    let mut buf = [0u8; N];
    getrandom::fill(&mut buf).map_err(AppError::internal)?;
    Ok(buf)
}

/// 128 random bits as 32 lowercase hex characters (upload ids).
pub fn random_id() -> Result<String, AppError> {
    Ok(hex(&random_bytes::<16>()?))
}

/// Whether `id` has the shape `random_id` produces, so it is safe as a file name.
pub fn is_random_id(id: &str) -> bool {
    id.len() == 32 && id.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// An 8-character query code (about 40 bits), drawn without modulo bias.
pub fn query_code() -> Result<String, AppError> {
    let n = QUERY_CODE_ALPHABET.len();
    // Largest multiple of the alphabet size that fits in a byte: bytes above it are redrawn.
    let limit = 256 - 256 % n;
    let mut out = String::with_capacity(QUERY_CODE_LEN);
    while out.len() < QUERY_CODE_LEN {
        for b in random_bytes::<16>()? {
            if (b as usize) < limit && out.len() < QUERY_CODE_LEN {
                out.push(QUERY_CODE_ALPHABET[b as usize % n] as char);
            }
        }
    }
    Ok(out)
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Compares two secrets in time that depends only on their lengths' maximum, not on where
/// they first differ, so an attacker cannot find a code one character at a time.
pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    let len = a.len().max(b.len());
    let mut diff = (a.len() ^ b.len()) as u64;
    for i in 0..len {
        let x = a.get(i).copied().unwrap_or(0);
        let y = b.get(i).copied().unwrap_or(0);
        diff |= u64::from(x ^ y);
    }
    std::hint::black_box(diff) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_codes_have_their_shape() {
        let id = random_id().unwrap();
        assert!(is_random_id(&id), "{id}");
        assert_ne!(id, random_id().unwrap());
        assert!(!is_random_id("../../etc/passwd"));
        assert!(!is_random_id(&id.to_uppercase()));
        for _ in 0..100 {
            let code = query_code().unwrap();
            assert_eq!(code.len(), QUERY_CODE_LEN);
            assert!(code.bytes().all(|b| QUERY_CODE_ALPHABET.contains(&b)));
            assert!(!code.contains(['0', 'O', '1', 'I', 'L']));
        }
    }

    #[test]
    fn constant_time_comparison() {
        assert!(constant_time_eq(b"ABCD2345", b"ABCD2345"));
        assert!(!constant_time_eq(b"ABCD2345", b"ABCD2346"));
        assert!(!constant_time_eq(b"ABCD2345", b"ABCD234"));
        assert!(!constant_time_eq(b"", b"A"));
        assert!(constant_time_eq(b"", b""));
    }
}
