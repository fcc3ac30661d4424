//! Public pages arrive as HTML rendered by the app's own components; personal pages are the
//! app shell, rendered in the browser.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use tower::ServiceExt;

use super::whole_router;

const ID_CARD: &str = "11990100GAHZ070001000";

pub(super) async fn get(router: &axum::Router, path: &str) -> (StatusCode, String, String) {
    let res = router
        .clone()
        .oneshot(Request::get(path).body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = res.status();
    let csp = res
        .headers()
        .get("content-security-policy")
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default();
    let body = res.into_body().collect().await.unwrap().to_bytes();
    (status, csp, String::from_utf8_lossy(&body).into_owned())
}

#[tokio::test]
async fn a_guide_arrives_as_html_and_a_case_as_the_app_shell() {
    let (_dir, router) = whole_router(
        "<!DOCTYPE html><html><head><title>门户</title></head><body><p>正在加载…</p></body></html>",
    );

    let (status, csp, html) = get(&router, &format!("/services/{ID_CARD}")).await;
    assert_eq!(status, StatusCode::OK);
    // The built head, with the page's own title.
    assert!(
        html.contains("<title>居民身份证申领、换领、补领 - 政务服务网上办事</title>"),
        "the page's title"
    );
    assert!(!html.contains("<title>门户</title>"));
    assert!(html.contains(&format!("data-rendered-for=\"/services/{ID_CARD}\"")));
    assert!(html.contains("<h1>居民身份证申领、换领、补领"));
    // A guide carries its own data, not the whole catalog.
    assert!(!html.contains("结婚登记"));
    assert!(html.contains("申请材料"));
    // The data for hydration travels in inline scripts that the policy admits by nonce.
    let nonce = csp
        .split("'nonce-")
        .nth(1)
        .and_then(|rest| rest.split('\'').next())
        .expect("a nonce in the policy");
    assert!(html.contains(&format!("<script nonce=\"{nonce}\">")));

    // The search answers without JavaScript.
    let (_, _, html) = get(&router, "/services?q=%E7%BB%93%E5%A9%9A").await;
    assert!(html.contains("class=\"service-name\">结婚登记"));
    assert!(!html.contains("class=\"service-name\">居民身份证申领"));

    // A case lives behind its query code on the device: the shell, rendered in the browser.
    let (status, _, html) = get(&router, "/track/2026112200001").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("正在加载…"));
    assert!(!html.contains("data-rendered-for"));
}

#[tokio::test]
async fn the_elder_cookie_renders_the_page_in_elder_mode_from_the_first_byte() {
    let (_dir, router) = whole_router(
        "<!DOCTYPE html><html><head><title>门户</title></head><body><p>正在加载…</p></body></html>",
    );
    let page = |cookie: Option<&'static str>| {
        let router = router.clone();
        async move {
            let mut req = Request::get("/");
            if let Some(c) = cookie {
                req = req.header("cookie", c);
            }
            let res = router
                .oneshot(req.body(Body::empty()).unwrap())
                .await
                .unwrap();
            let vary = res
                .headers()
                .get_all("vary")
                .iter()
                .map(|v| v.to_str().unwrap().to_string())
                .collect::<Vec<_>>()
                .join(",");
            let body = res.into_body().collect().await.unwrap().to_bytes();
            (vary, String::from_utf8_lossy(&body).into_owned())
        }
    };
    let (vary, elder) = page(Some("theme=x; portal_elder=1")).await;
    assert!(
        elder.contains("<html lang=\"zh-CN\" class=\"elder\">"),
        "{elder}"
    );
    // The toggle is drawn pressed, as the browser will draw it when it hydrates.
    assert!(elder.contains("aria-pressed=\"true\""));
    assert!(vary.to_ascii_lowercase().contains("cookie"));
    for cookie in [None, Some("portal_elder=0")] {
        let (_, plain) = page(cookie).await;
        assert!(plain.starts_with("<!DOCTYPE html><html lang=\"zh-CN\""));
        assert!(!plain.contains("class=\"elder\""), "{cookie:?}");
        assert!(plain.contains("aria-pressed=\"false\""));
    }
}

/// Renders `path` with an optional cookie; the body.
async fn page_with_cookie(router: &axum::Router, path: &str, cookie: Option<&str>) -> String {
    let mut req = Request::get(path);
    if let Some(c) = cookie {
        req = req.header("cookie", c);
    }
    let res = router
        .clone()
        .oneshot(req.body(Body::empty()).unwrap())
        .await
        .unwrap();
    let body = res.into_body().collect().await.unwrap().to_bytes();
    String::from_utf8_lossy(&body).into_owned()
}

#[tokio::test]
async fn english_comes_from_the_link_first_then_the_cookie() {
    const PERMIT: &str = "11990100GAHZ070005000";
    let (_dir, router) = whole_router(
        "<!DOCTYPE html><html><head><title>门户</title></head><body><p>正在加载…</p></body></html>",
    );
    // A shared link opens in English, with the guide's English content and the app's own text.
    let html = page_with_cookie(&router, &format!("/services/{PERMIT}?lang=en"), None).await;
    assert!(
        html.starts_with("<!DOCTYPE html><html lang=\"en\""),
        "{html}"
    );
    // The language it was drawn in, for the browser to hydrate it in (also a saved copy).
    assert!(html.contains("data-lang=\"en\""));
    assert!(html.contains("<h1>Residence Permit: first application and yearly endorsement"));
    assert!(html.contains("Required documents"));
    assert!(html.contains("Proof of your address"));
    assert!(!html.contains("This guide is available in Chinese only"));
    // Links on the page keep English; the switch offers Chinese for the same page.
    assert!(html.contains("href=\"/?lang=en\""));
    assert!(html.contains(&format!("href=\"/services/{PERMIT}?lang=zh\"")));

    // The cookie alone gives English; the link's choice wins over it.
    let html = page_with_cookie(&router, "/", Some("a=b; portal_lang=en")).await;
    assert!(html.starts_with("<!DOCTYPE html><html lang=\"en\""));
    assert!(html.contains("Search for a service"));
    let html = page_with_cookie(&router, "/?lang=zh", Some("portal_lang=en")).await;
    assert!(html.starts_with("<!DOCTYPE html><html lang=\"zh-CN\""));
    assert!(html.contains("搜索办事事项"));

    // A guide without English says so, in English, above its Chinese original.
    let html = page_with_cookie(&router, &format!("/services/{ID_CARD}?lang=en"), None).await;
    assert!(html.contains("This guide is available in Chinese only"));
    assert!(html.contains("<h1>居民身份证申领、换领、补领"));
    assert!(html.contains("Required documents"));
}

#[tokio::test]
async fn a_page_that_failed_to_load_offers_to_load_it_again_without_code() {
    let (_dir, router) = whole_router(
        "<!DOCTYPE html><html><head><title>门户</title></head><body><p>正在加载…</p></body></html>",
    );
    let (_, _, html) = get(&router, "/services/NO-SUCH-SERVICE").await;
    assert!(html.contains("role=\"alert\""));
    // A link to the page itself: the islands bundle has no code for the load that failed.
    assert!(html.contains("<a href=\"\" class=\"button\">重试"));
    assert!(!html.contains("<button type=\"button\" class=\"button\">重试"));
}
