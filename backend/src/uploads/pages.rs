//! The pages a citizen sends for each material: tidied, and checked against the uploads table
//! before they are attached to a case.

use std::collections::HashSet;

use axum::http::StatusCode;
use contract::{ErrorCode, FieldError, MaterialPages};
use rusqlite::Connection;

use crate::http::error::AppError;
use crate::tokens;
use crate::uploads::store;

/// Trims ids, drops blank ones, and merges entries of the same material (first order kept).
pub fn tidy(pages: &[MaterialPages]) -> Vec<MaterialPages> {
    let mut out: Vec<MaterialPages> = Vec::new();
    for p in pages {
        let material_id = p.material_id.trim().to_string();
        let ids = p
            .upload_ids
            .iter()
            .map(|u| u.trim().to_string())
            .filter(|u| !u.is_empty());
        match out.iter_mut().find(|o| o.material_id == material_id) {
            Some(o) => o.upload_ids.extend(ids),
            None => out.push(MaterialPages {
                material_id,
                upload_ids: ids.collect(),
            }),
        }
    }
    out
}

/// Errors (`material.<id>`) for uploads that already belong to a case, are given twice, or never
/// existed. Run inside the transaction that attaches them. Uploads that the cleanup removed (a
/// draft continued after a day) come first, as `uploads_expired` naming them: the photos are
/// still on the phone, and the app sends them again by itself.
pub fn check_free(conn: &Connection, pages: &[MaterialPages]) -> Result<Vec<FieldError>, AppError> {
    let mut errors = Vec::new();
    let mut expired = Vec::new();
    // A set: the check stays linear however many ids a client sends.
    let mut seen: HashSet<&str> = HashSet::new();
    for p in pages {
        let mut problem = None;
        for id in &p.upload_ids {
            if !seen.insert(id.as_str()) {
                problem = Some("同一文件不能重复提交，请重新上传");
            } else {
                match store::attachment(conn, id)? {
                    // Only an id of ours can have been swept; anything else never existed.
                    None if tokens::is_random_id(id) => expired.push(id.clone()),
                    None => problem = Some("文件已失效，请重新上传"),
                    Some(Some(_)) => problem = Some("文件已被其他办件使用，请重新上传"),
                    Some(None) => {}
                }
            }
        }
        if let Some(message) = problem {
            errors.push(FieldError {
                field: contract::material_field(&p.material_id),
                message: message.to_string(),
            });
        }
    }
    if !expired.is_empty() {
        return Err(uploads_expired(expired));
    }
    Ok(errors)
}

/// 422 `uploads_expired`: the server removed these uploads, unused for a day.
pub fn uploads_expired(ids: Vec<String>) -> AppError {
    let mut e = AppError::new(
        StatusCode::UNPROCESSABLE_ENTITY,
        ErrorCode::UploadsExpired,
        "部分照片在服务器上已超过24小时未提交，已被删除，请重新上传后再提交",
    );
    e.body.expired_uploads = ids;
    e
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tidies_pages() {
        let pages = vec![
            MaterialPages {
                material_id: " a ".into(),
                upload_ids: vec!["1".into(), " ".into()],
            },
            MaterialPages {
                material_id: "b".into(),
                upload_ids: vec![],
            },
            MaterialPages {
                material_id: "a".into(),
                upload_ids: vec![" 2".into()],
            },
        ];
        let tidy = tidy(&pages);
        assert_eq!(tidy.len(), 2);
        assert_eq!(tidy[0].upload_ids, ["1", "2"]);
        assert!(tidy[1].upload_ids.is_empty());
    }
}
