//! The contract fuzzer: schemathesis (from PyPI, pinned, in a venv under `.tools/`) generates
//! requests from `/api/openapi.json` and checks the real backend's answers against it: no server
//! error, every status and body as the document declares, every request the document allows
//! accepted. Bounded: a fixed number of examples per operation, and no network but loopback.

use std::path::PathBuf;
use std::process::Command;

use anyhow::Context;

use crate::build::{root, run_checked, step};
use crate::server::{start_backend, TEST_STAFF_TOKEN};

pub const SCHEMATHESIS_VERSION: &str = "4.32.5";
/// Examples per operation and phase: about 600 requests in all, well under two minutes.
const MAX_EXAMPLES: &str = "25";
pub const STEP: &str = "contract fuzzing (schemathesis)";

fn venv() -> PathBuf {
    root().join(".tools/schemathesis-venv")
}

fn binary() -> PathBuf {
    venv().join("bin/schemathesis")
}

/// Installs schemathesis at the pinned version, unless it is there already.
pub fn ensure() -> anyhow::Result<()> {
    let installed = Command::new(binary())
        .arg("--version")
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned());
    if installed.is_some_and(|v| v.trim_end().ends_with(SCHEMATHESIS_VERSION)) {
        return Ok(());
    }
    println!("xtask: installing schemathesis {SCHEMATHESIS_VERSION} into .tools/");
    let made = Command::new("python3")
        .args(["-m", "venv", "--clear"])
        .arg(venv())
        .status()
        .context("running python3 (needed for schemathesis)")?;
    if !made.success() {
        // Debian keeps venv support in its own package.
        run_checked(
            Command::new("apt-get")
                .args(["install", "-y", "--no-install-recommends", "python3-venv"])
                .env("DEBIAN_FRONTEND", "noninteractive"),
        )?;
        run_checked(
            Command::new("python3")
                .args(["-m", "venv", "--clear"])
                .arg(venv()),
        )?;
    }
    run_checked(
        Command::new(venv().join("bin/pip"))
            .args(["install", "--quiet", "--disable-pip-version-check"])
            .arg(format!("schemathesis=={SCHEMATHESIS_VERSION}")),
    )
}

/// Runs schemathesis against a fresh backend; fails on any server error or contract mismatch.
pub fn run() -> anyhow::Result<()> {
    ensure()?;
    let backend = start_backend()?;
    let result = step(
        STEP,
        Command::new(binary())
            .arg("--config-file")
            .arg(root().join("xtask/schemathesis.toml"))
            .arg("run")
            .arg(format!("{}/api/openapi.json", backend.base_url))
            .args(["--checks", "all", "--max-examples", MAX_EXAMPLES])
            // The same cases from run to run, and no example database left in the tree.
            .args([
                "--seed",
                "20261130",
                "--generation-database",
                "none",
                "--no-color",
            ])
            .args([
                "--header",
                &format!("Authorization: Bearer {TEST_STAFF_TOKEN}"),
            ])
            .args(["--request-timeout", "20"])
            .env("SCHEMATHESIS_TELEMETRY", "false"),
    );
    drop(backend);
    result
}
