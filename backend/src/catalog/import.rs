//! `backend catalog check DIR` and `backend catalog import DIR`: a city's own catalog, loaded
//! into the database without a rebuild.
//!
//! Import replaces the catalog tables whole, in one transaction, and only after the directory
//! passes every check; a failed import leaves the database as it was. The imported catalog is
//! marked in `catalog_meta`, so that start-up no longer puts the embedded example back. Cases
//! keep the guide they were filed under (`versions.rs`), so replacing a service changes
//! nothing for cases already filed.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context};
use rusqlite::{params, Connection, TransactionBehavior};

use super::check::{self, Catalog, Problem};
use super::documents;
use super::pinyin_keys;
use super::service_items::etag_of;
use crate::config::Config;
use crate::db::Db;

#[derive(clap::Subcommand, Debug, Clone)]
pub enum CatalogCommand {
    /// Validates a directory of catalog files; prints every problem with file, service and field.
    Check { dir: PathBuf },
    /// Checks, then loads the directory into the database in --data-dir, all or nothing.
    Import { dir: PathBuf },
}

/// `catalog_meta` key naming where the catalog tables come from: `embedded` or `imported`.
pub const SOURCE_KEY: &str = "source";

/// Reads and checks `dir`; the catalog when it has no problem, else every problem.
pub fn load_checked(dir: &Path) -> Result<Catalog, Vec<Problem>> {
    let (catalog, mut problems) = check::read_dir(dir);
    let docs = catalog
        .documents
        .clone()
        .unwrap_or_else(documents::embedded);
    problems.extend(check::check(&catalog, &docs));
    if problems.is_empty() {
        Ok(catalog)
    } else {
        Err(problems)
    }
}

/// What an import wrote.
#[derive(Debug, PartialEq, Eq)]
pub struct Imported {
    pub services: usize,
    pub forms: usize,
    pub documents: usize,
    pub bundles: usize,
}

/// Replaces the catalog tables with `catalog`, in one transaction.
pub fn import(conn: &mut Connection, catalog: &Catalog) -> anyhow::Result<Imported> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    tx.execute("DELETE FROM forms", [])?;
    tx.execute("DELETE FROM services", [])?;
    let mut all = String::new();
    for (_, service) in &catalog.services {
        let body = serde_json::to_string(service)?;
        all.push_str(&body);
        let pinyin = serde_json::to_string(&pinyin_keys::keys(&service.name, &service.aliases))?;
        tx.execute(
            "INSERT INTO services (code, name, department, body, pinyin, etag) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![service.code, service.name, service.department, body, pinyin, etag_of(&body)],
        )?;
    }
    for form in &catalog.forms {
        let body = serde_json::to_string(form)?;
        all.push_str(&body);
        tx.execute(
            "INSERT INTO forms (service_code, body) VALUES (?1, ?2)",
            params![form.service_code, body],
        )?;
    }
    // Without a documents.json the links were checked against the embedded documents.
    let docs = catalog
        .documents
        .clone()
        .unwrap_or_else(documents::embedded);
    documents::store_all(&tx, &docs)?;
    super::bundles::store_all(&tx, &catalog.bundles)?;
    for (key, value) in [
        (SOURCE_KEY, "imported".to_string()),
        ("catalog", etag_of(&all)),
    ] {
        tx.execute(
            "INSERT INTO catalog_meta (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = ?2",
            params![key, value],
        )?;
    }
    tx.commit()?;
    Ok(Imported {
        services: catalog.services.len(),
        forms: catalog.forms.len(),
        documents: docs.len(),
        bundles: catalog.bundles.len(),
    })
}

fn report(problems: &[Problem]) -> anyhow::Error {
    for p in problems {
        eprintln!("{p}");
    }
    anyhow::anyhow!("{} problem(s) found; nothing was imported", problems.len())
}

/// Runs one `catalog` subcommand; output on stdout, problems on stderr.
pub fn run(config: &Config, command: CatalogCommand) -> anyhow::Result<()> {
    match command {
        CatalogCommand::Check { dir } => match load_checked(&dir) {
            Ok(c) => {
                println!(
                    "{}: {} services, {} forms, {} bundles: no problem found",
                    dir.display(),
                    c.services.len(),
                    c.forms.len(),
                    c.bundles.len()
                );
                Ok(())
            }
            Err(problems) => {
                for p in &problems {
                    eprintln!("{p}");
                }
                bail!("{} problem(s) found", problems.len())
            }
        },
        CatalogCommand::Import { dir } => {
            let catalog = load_checked(&dir).map_err(|p| report(&p))?;
            let db = Db::open(&config.data_dir)?;
            let done = db
                .with(|c| import(c, &catalog))?
                .with_context(|| format!("importing {}", dir.display()))?;
            println!(
                "imported {} services, {} forms, {} documents and {} bundles into {}",
                done.services,
                done.forms,
                done.documents,
                done.bundles,
                config.data_dir.display()
            );
            Ok(())
        }
    }
}
