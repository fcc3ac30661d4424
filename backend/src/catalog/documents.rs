//! Blank forms (空白表格), filled-in samples (示例样表) and result samples as printable HTML.
//!
//! A document is data (`backend/catalog/documents.json`, or a city's own `documents.json`
//! imported with its catalog): a title, sections of labelled fields each with a sample value,
//! a statement and the signature lines. One description gives both the blank form and the
//! sample, so the two never drift apart. Materials link to `/api/documents/{id}/blank` and
//! `/api/documents/{id}/sample`.

use axum::extract::{Path, State};
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::app::AppState;
use crate::http::error::{ApiResult, AppError};

/// Where the documents of a catalog are served; a material's link names one of them.
pub const PREFIX: &str = "/api/documents/";

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// ASCII slug, unique in the catalog.
    pub id: String,
    pub title: String,
    /// A line under the title (who fills it in, that the window's form prevails, ...).
    #[serde(default)]
    pub note: String,
    /// A sample of a result (结果样本): it has a sample only, no blank form.
    #[serde(default)]
    pub result: bool,
    /// Running text before the fields (a certificate's wording).
    #[serde(default)]
    pub paragraphs: Vec<String>,
    #[serde(default)]
    pub sections: Vec<Section>,
    /// The declaration the signer makes, if any.
    #[serde(default)]
    pub statement: String,
    #[serde(default)]
    pub signatures: Vec<Field>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    #[serde(default)]
    pub heading: String,
    pub fields: Vec<Field>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Field {
    pub label: String,
    /// The value the sample shows; empty where a department fills it in.
    #[serde(default)]
    pub sample: String,
}

/// The two ways a document is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Variant {
    Blank,
    Sample,
}

impl Variant {
    pub fn parse(s: &str) -> Option<Variant> {
        match s {
            "blank" => Some(Variant::Blank),
            "sample" => Some(Variant::Sample),
            _ => None,
        }
    }
}

impl Document {
    pub fn has(&self, variant: Variant) -> bool {
        variant == Variant::Sample || !self.result
    }
}

/// The documents of the embedded example catalog.
pub fn embedded() -> Vec<Document> {
    serde_json::from_str(include_str!("../../catalog/documents.json")).unwrap_or_else(|e| {
        panic!("backend/catalog/documents.json is compiled in and must parse: {e}")
    })
}

/// `/api/documents/{id}/{variant}` → the document id and variant, if the link is one.
pub fn parse_link(link: &str) -> Option<(&str, &str)> {
    link.strip_prefix(PREFIX)?.split_once('/')
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = "body{font-family:'Noto Sans CJK SC','Source Han Sans SC',sans-serif;max-width:46rem;margin:1rem auto;padding:0 1rem;color:#111;line-height:1.6}\
h1{font-size:1.4rem;text-align:center;margin:.5rem 0}\
.note{color:#444;font-size:.9rem;text-align:center}\
.mark{border:2px solid #b00;color:#b00;display:inline-block;padding:0 .4rem;font-weight:bold}\
table{width:100%;border-collapse:collapse;margin:.8rem 0}\
th,td{border:1px solid #333;padding:.4rem;vertical-align:top;text-align:left}\
th{width:38%;font-weight:normal;background:#f3f3f3}\
caption{text-align:left;font-weight:bold;padding:.3rem 0}\
td.blank{height:2rem}\
.statement{margin:1rem 0}\
.sign{display:flex;flex-wrap:wrap;gap:1rem 2rem;margin-top:1rem}\
.sign div{min-width:12rem}\
.sign span{display:inline-block;min-width:8rem;border-bottom:1px solid #333;margin-left:.3rem}\
@media print{.note{color:#000}}";

/// The whole HTML page of one variant; every text is escaped.
pub fn render(doc: &Document, variant: Variant) -> String {
    let sample = variant == Variant::Sample;
    let value = |f: &Field| {
        if sample {
            escape(&f.sample)
        } else {
            String::new()
        }
    };
    let mut html = String::new();
    let title = escape(&doc.title);
    let suffix = match (variant, doc.result) {
        (Variant::Blank, _) => "空白表格",
        (Variant::Sample, false) => "示例样表",
        (Variant::Sample, true) => "结果样本",
    };
    html.push_str(&format!(
        "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\
         <title>{title}（{suffix}）</title><style>{STYLE}</style></head><body>"
    ));
    if sample {
        html.push_str(&format!(
            "<p><span class=\"mark\">{}</span></p>",
            if doc.result {
                "样本"
            } else {
                "示例：仅供填写参考"
            }
        ));
    }
    html.push_str(&format!("<h1>{title}</h1>"));
    if !doc.note.is_empty() {
        html.push_str(&format!("<p class=\"note\">{}</p>", escape(&doc.note)));
    }
    for p in &doc.paragraphs {
        html.push_str(&format!("<p>{}</p>", escape(p)));
    }
    for section in &doc.sections {
        html.push_str("<table>");
        if !section.heading.is_empty() {
            html.push_str(&format!("<caption>{}</caption>", escape(&section.heading)));
        }
        for f in &section.fields {
            let v = value(f);
            let class = if v.is_empty() { " class=\"blank\"" } else { "" };
            html.push_str(&format!(
                "<tr><th scope=\"row\">{}</th><td{class}>{v}</td></tr>",
                escape(&f.label)
            ));
        }
        html.push_str("</table>");
    }
    if !doc.statement.is_empty() {
        html.push_str(&format!(
            "<p class=\"statement\">{}</p>",
            escape(&doc.statement)
        ));
    }
    if !doc.signatures.is_empty() {
        html.push_str("<div class=\"sign\">");
        for f in &doc.signatures {
            html.push_str(&format!(
                "<div>{}：<span>{}</span></div>",
                escape(&f.label),
                value(f)
            ));
        }
        html.push_str("</div>");
    }
    html.push_str("</body></html>");
    html
}

/// Replaces the stored documents with `docs` (inside the caller's transaction).
pub fn store_all(conn: &Connection, docs: &[Document]) -> anyhow::Result<()> {
    conn.execute("DELETE FROM documents", [])?;
    for d in docs {
        conn.execute(
            "INSERT INTO documents (id, body) VALUES (?1, ?2)",
            rusqlite::params![d.id, serde_json::to_string(d)?],
        )?;
    }
    Ok(())
}

fn load(conn: &Connection, id: &str) -> Result<Option<Document>, AppError> {
    let body: Option<String> = conn
        .query_row("SELECT body FROM documents WHERE id = ?1", [id], |r| {
            r.get("body")
        })
        .optional()?;
    Ok(match body {
        Some(b) => Some(serde_json::from_str(&b)?),
        None => None,
    })
}

/// `GET /api/documents/{id}/{variant}`: a standalone page that prints on A4. Its own policy
/// admits nothing but its inline style: the page runs no script and loads nothing.
#[utoipa::path(get, path = "/api/documents/{id}/{variant}", tag = "catalog",
    params(("id" = String, Path, description = "Document id, as a material's `blank_form` or `sample` link names it"),
           ("variant" = String, Path, description = "`blank` (空白表格) or `sample` (示例样表, 结果样本)")),
    responses((status = 200, description = "The printable HTML page", content_type = "text/html"),
              (status = 404, description = "No such document or variant", body = contract::ApiError)))]
pub async fn get(
    State(state): State<AppState>,
    Path((id, variant)): Path<(String, String)>,
) -> ApiResult<Response> {
    let variant = Variant::parse(&variant).ok_or_else(AppError::not_found)?;
    let doc = state
        .db
        .read(move |c| load(c, &id))
        .await?
        .filter(|d| d.has(variant))
        .ok_or_else(AppError::not_found)?;
    let mut res = render(&doc, variant).into_response();
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
        ),
    );
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=3600"),
    );
    Ok(res)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_leaves_values_out_and_sample_fills_them_escaped() {
        let doc = Document {
            id: "x".into(),
            title: "申请表<script>".into(),
            note: String::new(),
            result: false,
            paragraphs: vec![],
            sections: vec![Section {
                heading: "申请人".into(),
                fields: vec![Field {
                    label: "姓名".into(),
                    sample: "张三&<b>".into(),
                }],
            }],
            statement: "声明".into(),
            signatures: vec![Field {
                label: "签名".into(),
                sample: "张三".into(),
            }],
        };
        let blank = render(&doc, Variant::Blank);
        assert!(blank.contains("<th scope=\"row\">姓名</th><td class=\"blank\"></td>"));
        assert!(!blank.contains("张三"));
        assert!(!blank.contains("<script>"));
        let sample = render(&doc, Variant::Sample);
        assert!(sample.contains("张三&amp;&lt;b&gt;"));
        assert!(sample.contains("示例"));
    }

    #[test]
    fn embedded_documents_parse_and_results_have_no_blank() {
        let docs = embedded();
        assert!(docs.iter().filter(|d| !d.result).count() >= 10);
        for d in docs.iter().filter(|d| d.result) {
            assert!(!d.has(Variant::Blank), "{}", d.id);
        }
    }
}
