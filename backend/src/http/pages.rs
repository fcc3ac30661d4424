//! Public pages as HTML, rendered by the app's own components (`portal::ssr`), so they appear at
//! once on a slow phone and read without JavaScript; the browser then hydrates them. Personal
//! pages and files are answered by `static_files` as before.

use std::sync::{Arc, Mutex};

use axum::body::Body;
use axum::extract::{ConnectInfo, Request};
use axum::http::{header, HeaderValue, Method};
use axum::response::{IntoResponse, Response};
use axum::Router;
use http_body_util::BodyExt;
use tower::ServiceExt;

/// What every rendered page shares: the `<head>` of the built app (loading the islands bundle),
/// the policy to extend with each page's nonce, and the API to read from.
#[derive(Clone)]
pub struct Pages {
    /// The app's head, loading the islands bundle (src/islands) in place of the app's.
    head: Arc<str>,
    csp: String,
    fetch: portal::ssr::ServerFetch,
}

impl Pages {
    /// `None` when the app is not built: then every page is the static shell (or a notice).
    /// The built pages of the app and of the islands and case bundles (`dist/`).
    pub fn new(
        built: &super::static_files::Assets,
        csp: &HeaderValue,
        api: Router,
    ) -> Option<Pages> {
        // Without the islands bundle a page could not come alive: then every page is the app's.
        let head = built.islands_head()?;
        let fetch: Arc<portal::ssr::Fetch> = Arc::new(move |path: String| {
            let api = api.clone();
            Box::pin(async move {
                let mut req = Request::get(path).body(Body::empty()).ok()?;
                // The page's reads count as the server's own, not as a citizen's.
                req.extensions_mut()
                    .insert(ConnectInfo(std::net::SocketAddr::from(([127, 0, 0, 1], 0))));
                let res = api.oneshot(req).await.ok()?;
                let status = res.status().as_u16();
                let body = res.into_body().collect().await.ok()?.to_bytes();
                Some((status, String::from_utf8_lossy(&body).into_owned()))
            })
        });
        Some(Pages {
            head: head.into(),
            csp: csp.to_str().ok()?.to_string(),
            fetch: portal::ssr::ServerFetch(fetch),
        })
    }

    /// Whether this request is for a page the server renders.
    pub fn takes(req: &Request) -> bool {
        (req.method() == Method::GET || req.method() == Method::HEAD)
            && portal::ssr::server_rendered(req.uri().path())
    }

    pub async fn render(&self, req: Request) -> Response {
        let rendered_for = req
            .uri()
            .path_and_query()
            .map(|p| p.as_str().to_string())
            .unwrap_or_else(|| "/".into());
        // 长辈版 is the citizen's choice, kept in a cookie so the first frame is already large.
        let elder = req
            .headers()
            .get_all(header::COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find_map(portal::ssr::elder_from_cookies)
            .unwrap_or(false);
        // The language: the link's `?lang=` first (a shared link opens as it was shared), then
        // the device's cookie.
        let cookies: Vec<&str> = req
            .headers()
            .get_all(header::COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .collect();
        let lang = portal::ssr::lang_requested(req.uri().query(), Some(&cookies.join("; ")));
        let nonce: Arc<Mutex<Option<String>>> = Arc::default();
        let title = portal::ssr::PageTitle::default();
        let context = {
            let (fetch, nonce, title) = (self.fetch.clone(), nonce.clone(), title.clone());
            move || {
                portal::ssr::provide_context(fetch.clone());
                portal::ssr::provide_context(title.clone());
                portal::ssr::provide_context(portal::ssr::ElderRequested(elder));
                portal::ssr::provide_context(lang);
                // The data the page carries for hydration is in inline scripts with this nonce.
                if let (Some(n), Ok(mut slot)) = (portal::ssr::use_nonce(), nonce.lock()) {
                    *slot = Some(n.to_string());
                }
            }
        };
        let head = self.head.clone();
        let handler = portal::ssr::render_app_async_with_context(context, move || {
            portal::ssr::shell(head.clone(), rendered_for.clone(), elder)
        });
        let mut res = handler(req).await.into_response();
        // The page's own title: an islands page is never redrawn by the app, which used to set it.
        if let Some(title) = title.get() {
            res = titled(res, &title).await;
        }
        let nonce = nonce.lock().ok().and_then(|n| n.clone());
        if let Some(policy) = nonce
            .map(|n| {
                self.csp.replacen(
                    "script-src 'self'",
                    &format!("script-src 'self' 'nonce-{n}'"),
                    1,
                )
            })
            .and_then(|p| HeaderValue::from_str(&p).ok())
        {
            res.headers_mut()
                .insert(header::CONTENT_SECURITY_POLICY, policy);
        }
        // Like index.html: always checked, so a deploy is seen at once.
        res.headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
        // The page differs with the 长辈版 and language cookies.
        res.headers_mut()
            .append(header::VARY, HeaderValue::from_static("cookie"));
        res
    }
}

/// `res` (a rendered page) with its `<title>` saying `title`.
async fn titled(res: Response, title: &str) -> Response {
    let (mut parts, body) = res.into_parts();
    let Ok(bytes) = body.collect().await.map(|b| b.to_bytes()) else {
        return Response::from_parts(parts, Body::empty());
    };
    let html = String::from_utf8_lossy(&bytes);
    match portal::ssr::with_title(&html, title) {
        Some(titled) => {
            parts.headers.remove(header::CONTENT_LENGTH);
            Response::from_parts(parts, Body::from(titled))
        }
        None => Response::from_parts(parts, Body::from(bytes)),
    }
}
