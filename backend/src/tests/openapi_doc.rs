//! The OpenAPI document says what the backend does (schemathesis checks it against the running
//! backend in `cargo xtask test`; these are the facts it found wrong once).

use super::*;

#[tokio::test]
async fn the_document_declares_the_answers_and_bounds_the_backend_has() {
    let t = TestApp::new();
    let (_, doc) = t.get("/api/openapi.json").await;
    let paths = doc["paths"].as_object().unwrap();
    for (path, item) in paths {
        for (method, op) in item.as_object().unwrap() {
            let responses = op["responses"].as_object().unwrap();
            assert!(responses.contains_key("408"), "{method} {path}: 408");
            if op
                .pointer("/requestBody/content/application~1json")
                .is_some()
            {
                for status in ["400", "413", "415"] {
                    assert!(responses.contains_key(status), "{method} {path}: {status}");
                }
            }
            // Query parameters are declared in the query, not in the path.
            for p in op["parameters"].as_array().into_iter().flatten() {
                let name = p["name"].as_str().unwrap_or("");
                if p["in"] == "path" {
                    assert!(
                        path.contains(&format!("{{{name}}}")),
                        "{method} {path}: {name}"
                    );
                }
            }
        }
    }
    let draft = &paths["/api/uploads"]["post"]["parameters"][0];
    assert_eq!(draft["in"], "query");
    assert_eq!(draft["required"], true);
    assert_eq!(draft["schema"]["pattern"], "^[A-Za-z0-9-]{8,64}$");
    let schemas = &doc["components"]["schemas"];
    assert_eq!(
        schemas["MaterialPages"]["properties"]["upload_ids"]["items"]["maxLength"],
        64
    );
    assert_eq!(
        schemas["MaterialPages"]["properties"]["upload_ids"]["maxItems"],
        20
    );
    assert_eq!(schemas["Rating"]["properties"]["score"]["minimum"], 1);
    assert_eq!(schemas["Rating"]["properties"]["score"]["maximum"], 5);
    assert_eq!(
        schemas["Application"]["properties"]["fields"]["items"]["minItems"],
        2
    );
    // A booking's key is optional but never null.
    let key = &paths["/api/appointments"]["post"]["parameters"][0];
    assert_eq!(key["in"], "header");
    assert_eq!(key["required"], false);
    assert_eq!(key["schema"]["type"], "string");
    // The error a draft continued after a day gets, naming its gone uploads.
    assert!(schemas["ApiError"]["properties"]["expired_uploads"].is_object());
}
