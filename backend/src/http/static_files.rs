//! The built app, held in memory with brotli and gzip copies made once at start-up.
//!
//! Hashed assets are immutable for a year; `index.html` and the unhashed files (service worker,
//! manifest) must be revalidated so a new deploy is picked up at once.

use std::collections::HashMap;
use std::convert::Infallible;
use std::io::Write;
use std::path::Path;
use std::sync::Arc;

use axum::body::Body;
use axum::extract::Request;
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use sha2::{Digest, Sha256};

struct Asset {
    content_type: &'static str,
    raw: Vec<u8>,
    br: Option<Vec<u8>>,
    gzip: Option<Vec<u8>>,
    immutable: bool,
}

/// What `cargo xtask` names the islands bundle's page in `dist/` (see xtask/src/build.rs).
const ISLANDS_HTML: &str = "islands.html";

/// The case bundle's page (see xtask/src/build.rs).
const CASE_HTML: &str = "case.html";

pub struct Assets {
    files: HashMap<String, Asset>,
    script_hashes: Vec<String>,
    /// What a case page is answered with; `None` when `dist/` has no case bundle (then the app).
    case_shell: Option<Asset>,
    /// The `<head>` of a server-rendered page; `None` without the islands bundle.
    islands_head: Option<String>,
}

impl Assets {
    /// Reads every file of `dist`. A missing folder serves a plain notice, so the API still runs.
    pub fn load(dist: &Path) -> anyhow::Result<Assets> {
        let mut files = HashMap::new();
        if dist.is_dir() {
            load_dir(dist, dist, &mut files)?;
        } else {
            tracing::warn!(dist = %dist.display(), "no built app found; serving the API only");
        }
        let text = |name: &str| {
            files
                .get(name)
                .map(|a| String::from_utf8_lossy(&a.raw).into_owned())
        };
        // A case page is the app's page loading the case bundle (`portal::app::start_case`).
        let case_shell = text("index.html")
            .zip(text(CASE_HTML))
            .and_then(|(index, case)| portal::ssr::with_bundle(&index, &case, "case"));
        // A server-rendered page's head loads the islands bundle (`portal::ssr::islands_head`).
        let islands_head =
            text("index.html")
                .zip(text(ISLANDS_HTML))
                .and_then(|(index, islands)| {
                    portal::ssr::islands_head(
                        &index,
                        &islands,
                        text(CASE_HTML).as_deref().as_slice(),
                    )
                });
        // Each page loads its bundle with an inline module script.
        let script_hashes = [text("index.html"), islands_head.clone(), case_shell.clone()]
            .iter()
            .flatten()
            .flat_map(|html| inline_script_hashes(html))
            .collect();
        Ok(Assets {
            files,
            script_hashes,
            case_shell: case_shell.map(|html| asset("index.html", html.into_bytes())),
            islands_head,
        })
    }

    pub fn inline_script_hashes(&self) -> &[String] {
        &self.script_hashes
    }

    /// The `<head>` of a server-rendered page, which loads the islands bundle.
    pub fn islands_head(&self) -> Option<&str> {
        self.islands_head.as_deref()
    }

    fn respond(&self, path: &str, accept: &str) -> Response {
        let key = path.trim_start_matches('/');
        let (asset, is_file) = match self.files.get(key) {
            Some(a) if !key.is_empty() => (a, true),
            // App routes (/services/..., /track) are the app's business: give it the shell, or a
            // case page the case bundle's.
            _ => match self
                .case_shell
                .as_ref()
                .filter(|_| portal::ssr::case_page(path))
                .or_else(|| self.files.get("index.html"))
            {
                Some(a) => (a, false),
                None => {
                    return (StatusCode::SERVICE_UNAVAILABLE, "The app is not built.")
                        .into_response()
                }
            },
        };
        // A missing file with an extension is a real 404, not an app route.
        if !is_file
            && key
                .rsplit('/')
                .next()
                .is_some_and(|last| last.contains('.'))
        {
            return (StatusCode::NOT_FOUND, "Not found").into_response();
        }
        let (body, encoding) = pick_encoding(asset, accept);
        let mut res = Response::new(Body::from(body.to_vec()));
        let h = res.headers_mut();
        h.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static(asset.content_type),
        );
        h.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
        h.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static(if asset.immutable {
                "public, max-age=31536000, immutable"
            } else {
                "no-cache"
            }),
        );
        if let Some(enc) = encoding {
            h.insert(header::CONTENT_ENCODING, HeaderValue::from_static(enc));
        }
        res
    }
}

fn pick_encoding<'a>(asset: &'a Asset, accept: &str) -> (&'a [u8], Option<&'static str>) {
    let accepts = |name: &str| accept.split(',').any(|p| p.trim().starts_with(name));
    match (&asset.br, &asset.gzip) {
        (Some(br), _) if accepts("br") => (br, Some("br")),
        (_, Some(gz)) if accepts("gzip") => (gz, Some("gzip")),
        _ => (&asset.raw, None),
    }
}

/// The axum service that answers every non-API path.
pub fn service(
    assets: Arc<Assets>,
) -> impl tower::Service<Request, Response = Response, Error = Infallible, Future = impl Send> + Clone
{
    tower::service_fn(move |req: Request| {
        let assets = assets.clone();
        async move {
            if req.method() != Method::GET && req.method() != Method::HEAD {
                return Ok((StatusCode::METHOD_NOT_ALLOWED, "Method not allowed").into_response());
            }
            let accept = req
                .headers()
                .get(header::ACCEPT_ENCODING)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("");
            Ok(assets.respond(req.uri().path(), accept))
        }
    })
}

fn load_dir(root: &Path, dir: &Path, files: &mut HashMap<String, Asset>) -> anyhow::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            load_dir(root, &path, files)?;
            continue;
        }
        let rel = path
            .strip_prefix(root)?
            .to_string_lossy()
            .replace('\\', "/");
        let raw = std::fs::read(&path)?;
        files.insert(rel.clone(), asset(&rel, raw));
    }
    Ok(())
}

/// A file as it is served: its type by its name, compressed copies, immutable if hashed.
fn asset(name: &str, raw: Vec<u8>) -> Asset {
    let content_type = content_type(name);
    let compressible = !content_type.starts_with("image/png") && raw.len() > 256;
    Asset {
        content_type,
        br: compressible.then(|| brotli_bytes(&raw)),
        gzip: compressible.then(|| gzip_bytes(&raw)),
        immutable: contract::offline::is_hashed_asset(name),
        raw,
    }
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "webmanifest" => "application/manifest+json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// SHA-256 (base64) of each inline `<script>` body, for the CSP.
pub fn inline_script_hashes(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let after = &rest[start..];
        let Some(open_end) = after.find('>') else {
            break;
        };
        let tag = &after[..open_end];
        let body_start = open_end + 1;
        let Some(close) = after[body_start..].find("</script>") else {
            break;
        };
        let body = &after[body_start..body_start + close];
        if !tag.contains(" src=") && !body.trim().is_empty() {
            let digest = Sha256::digest(body.as_bytes());
            out.push(base64::engine::general_purpose::STANDARD.encode(digest));
        }
        rest = &after[body_start + close..];
    }
    out
}

fn brotli_bytes(raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut w = brotli::CompressorWriter::new(&mut out, 4096, 11, 22);
        let _ = w.write_all(raw);
    }
    out
}

fn gzip_bytes(raw: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let _ = enc.write_all(raw);
    enc.finish().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_only_inline_scripts() {
        let html =
            r#"<script src="/a.js"></script><script type="module">import x from '/x.js';</script>"#;
        let hashes = inline_script_hashes(html);
        assert_eq!(hashes.len(), 1);
        let expect = base64::engine::general_purpose::STANDARD
            .encode(Sha256::digest(b"import x from '/x.js';"));
        assert_eq!(hashes[0], expect);
    }
}
