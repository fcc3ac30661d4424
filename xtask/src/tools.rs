//! Installs what the build and the browser tests need, idempotently: each tool is checked at the
//! version we pin and installed only when missing or different.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context};

use crate::build::{root, run_checked};

pub const TRUNK_VERSION: &str = "0.21.14";
pub const BINARYEN_VERSION: &str = "132";

/// PATH and other variables the build runs with.
pub struct BuildEnv {
    pub path: String,
}

fn version_of(cmd: &Path, arg: &str) -> Option<String> {
    let out = Command::new(cmd).arg(arg).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

pub fn cargo_bin(name: &str) -> PathBuf {
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from(".cargo"));
    home.join("bin").join(name)
}

/// The wasm-bindgen version the app links, read from Cargo.lock: the CLI must match it exactly.
pub fn wasm_bindgen_version() -> anyhow::Result<String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock")).context("reading Cargo.lock")?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == "name = \"wasm-bindgen\"" {
            if let Some(v) = lines
                .next()
                .and_then(|l| l.trim().strip_prefix("version = \""))
            {
                return Ok(v.trim_end_matches('"').to_string());
            }
        }
    }
    bail!("wasm-bindgen is not in Cargo.lock")
}

pub fn ensure_build_tools() -> anyhow::Result<BuildEnv> {
    let installed = Command::new("rustup")
        .args(["target", "list", "--installed"])
        .output()
        .context("running rustup")?;
    if !String::from_utf8_lossy(&installed.stdout).contains("wasm32-unknown-unknown") {
        run_checked(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
    }

    let trunk = cargo_bin("trunk");
    if !version_of(&trunk, "--version").is_some_and(|v| v.contains(TRUNK_VERSION)) {
        println!("xtask: installing trunk {TRUNK_VERSION}");
        run_checked(Command::new("cargo").args([
            "install",
            "trunk",
            "--version",
            TRUNK_VERSION,
            "--locked",
        ]))?;
    }

    let wb_version = wasm_bindgen_version()?;
    let wb = cargo_bin("wasm-bindgen");
    if version_of(&wb, "--version")
        .is_none_or(|v| v.split_whitespace().nth(1) != Some(wb_version.as_str()))
    {
        println!("xtask: installing wasm-bindgen-cli {wb_version}");
        // Not --locked: its lock file names a dependency version the registry no longer has.
        run_checked(Command::new("cargo").args([
            "install",
            "wasm-bindgen-cli",
            "--version",
            &wb_version,
            "--force",
        ]))?;
    }

    let tools = root().join(".tools");
    let wasm_opt = tools.join("node_modules/.bin/wasm-opt");
    if !version_of(&wasm_opt, "--version")
        .is_some_and(|v| v.contains(&format!("version {BINARYEN_VERSION}")))
    {
        println!("xtask: installing wasm-opt (binaryen {BINARYEN_VERSION}) from npm");
        std::fs::create_dir_all(&tools)?;
        run_checked(Command::new("npm").args([
            "install",
            "--prefix",
            &tools.to_string_lossy(),
            "--no-audit",
            "--no-fund",
            &format!("binaryen@{BINARYEN_VERSION}"),
        ]))?;
    }

    let mut path = vec![tools.join("node_modules/.bin"), cargo_bin("")];
    path.extend(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    ));
    let path = std::env::join_paths(path)?.to_string_lossy().into_owned();
    Ok(BuildEnv { path })
}

/// Lighthouse and the puppeteer-core it drives Chromium with, at the versions `cargo xtask bench`
/// measures with. Lighthouse 13 declares Node 22 but runs on Debian's Node 20, as measured.
pub const LIGHTHOUSE_VERSION: &str = "13.5.0";
pub const PUPPETEER_VERSION: &str = "25.16.0";

fn npm_package_version(modules: &Path, name: &str) -> Option<String> {
    let text = std::fs::read_to_string(modules.join(name).join("package.json")).ok()?;
    let at = text.find("\"version\"")?;
    let rest = &text[at + "\"version\"".len()..];
    let start = rest.find('"')? + 1;
    let end = rest[start..].find('"')? + start;
    Some(rest[start..end].to_string())
}

/// Installs Lighthouse into `.tools/lighthouse` when missing or at another version (needed by the
/// bench only, never by the build or the tests); returns its `node_modules`.
pub fn ensure_lighthouse() -> anyhow::Result<PathBuf> {
    let dir = root().join(".tools/lighthouse");
    let modules = dir.join("node_modules");
    let wanted = [
        ("lighthouse", LIGHTHOUSE_VERSION),
        ("puppeteer-core", PUPPETEER_VERSION),
    ];
    if wanted
        .iter()
        .all(|(name, v)| npm_package_version(&modules, name).as_deref() == Some(*v))
    {
        return Ok(modules);
    }
    println!("xtask: installing lighthouse {LIGHTHOUSE_VERSION} from npm");
    std::fs::create_dir_all(&dir)?;
    let mut npm = Command::new("npm");
    npm.args(["install", "--prefix"])
        .arg(&dir)
        .args(["--no-audit", "--no-fund", "--save-exact"]);
    for (name, v) in wanted {
        npm.arg(format!("{name}@{v}"));
    }
    run_checked(&mut npm)?;
    Ok(modules)
}

/// Debian's Chromium (Playwright cannot download a browser here) and the test's npm packages.
pub fn ensure_browser_test_tools() -> anyhow::Result<()> {
    if !Path::new("/usr/bin/chromium").exists() {
        println!("xtask: installing chromium from apt");
        let sudo = if is_root() { None } else { Some("sudo") };
        let apt = |args: &[&str]| {
            let mut c = match sudo {
                Some(s) => {
                    let mut c = Command::new(s);
                    c.arg("apt-get");
                    c
                }
                None => Command::new("apt-get"),
            };
            c.args(args).env("DEBIAN_FRONTEND", "noninteractive");
            run_checked(&mut c)
        };
        apt(&["update"])?;
        apt(&[
            "install",
            "-y",
            "--no-install-recommends",
            "chromium",
            "fonts-noto-cjk",
        ])?;
    }
    let e2e = root().join("end2end");
    let stamp = e2e.join("node_modules/.lock-stamp");
    let lock = std::fs::read(e2e.join("package-lock.json")).context("end2end/package-lock.json")?;
    let want = format!("{:x}", fxhash(&lock));
    if std::fs::read_to_string(&stamp).ok().as_deref() != Some(want.as_str()) {
        println!("xtask: installing end-to-end test packages");
        run_checked(
            Command::new("npm")
                .args(["ci", "--no-audit", "--no-fund"])
                .current_dir(&e2e),
        )?;
        std::fs::write(&stamp, want)?;
    }
    Ok(())
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// A small stable hash, enough to notice that the lock file changed.
fn fxhash(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf29ce484222325u64, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x100000001b3)
    })
}
