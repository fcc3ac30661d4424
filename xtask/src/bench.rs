//! `cargo xtask bench`: the figures we budget. First-load bytes of the release build, each file
//! raw, gzip and brotli; the wasm by crate; the photo check's confusion table on the generated
//! calibration set; timings in Chromium; Lighthouse on the public pages and a case page. Every
//! budget (`budgets.rs`) is printed within or over at the end, and the bench fails if any is over.

use std::io::Write;

use anyhow::Context;

use crate::budgets::{self, Check};
use crate::build::root;
use crate::tools;

fn gzip(raw: &[u8]) -> usize {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let _ = enc.write_all(raw);
    enc.finish().map(|v| v.len()).unwrap_or(0)
}

fn brotli(raw: &[u8]) -> usize {
    let mut out = Vec::new();
    {
        let mut w = brotli::CompressorWriter::new(&mut out, 4096, 11, 22);
        let _ = w.write_all(raw);
    }
    out.len()
}

pub fn bench() -> anyhow::Result<()> {
    let env = tools::ensure_build_tools()?;
    crate::build::app(&env)?;
    let dist = root().join("dist");
    let mut first_load: Vec<String> = vec!["index.html".into()];
    for entry in std::fs::read_dir(&dist).context("reading dist")? {
        let name = entry?.file_name().to_string_lossy().into_owned();
        if name.ends_with(".js") && name != "sw.js"
            || name.ends_with(".wasm")
            || name.ends_with(".css")
        {
            first_load.push(name);
        }
    }
    first_load.sort_by_key(|n| (n != "index.html", n.rsplit('.').next().map(str::to_owned)));
    println!("\nFirst-load bytes of the release build (dist/):");
    println!(
        "{:<44} {:>10} {:>10} {:>10}",
        "file", "raw", "gzip", "brotli"
    );
    let (mut t_raw, mut t_gz, mut t_br) = (0, 0, 0);
    for name in &first_load {
        let raw = std::fs::read(dist.join(name)).with_context(|| format!("reading {name}"))?;
        let (gz, br) = (gzip(&raw), brotli(&raw));
        println!("{:<44} {:>10} {:>10} {:>10}", name, raw.len(), gz, br);
        t_raw += raw.len();
        t_gz += gz;
        t_br += br;
    }
    println!("{:<44} {:>10} {:>10} {:>10}", "total", t_raw, t_gz, t_br);
    let mut checks = Vec::new();
    let wasm_brotli = |bundle: &str| -> anyhow::Result<usize> {
        first_load
            .iter()
            .filter(|n| n.starts_with(&format!("{bundle}-")) && n.ends_with(".wasm"))
            .map(|n| std::fs::read(dist.join(n)).map(|raw| brotli(&raw)))
            .sum::<std::io::Result<usize>>()
            .context("reading the wasm")
    };
    // A public page loads the islands bundle (src/islands): the wasm budget is for it. A case
    // page loads the case bundle and other personal pages the app; their budget is the case
    // page's Lighthouse score, and their sizes are printed to watch.
    checks.push(budgets::size(
        "wasm of a public page (islands, brotli)",
        wasm_brotli("islands")?,
        budgets::WASM_BROTLI,
    ));
    println!(
        "\nThe other bundles (brotli): a case page's {}, the app (other personal pages) {}",
        budgets::kb(wasm_brotli("case")?),
        budgets::kb(wasm_brotli("portal")?)
    );
    for bin in ["islands", "case", "portal"] {
        crate::wasm_size::print_by_crate(bin)?;
    }
    photo_calibration(&env)?;

    // Timings in Chromium against the real backend serving this build.
    crate::build::step(
        "build the backend (release)",
        crate::build::cargo(&env).args(["build", "--release", "--package", "backend"]),
    )?;
    tools::ensure_browser_test_tools()?;
    let lighthouse_modules = tools::ensure_lighthouse()?;
    let backend = crate::server::start_backend()?;
    println!("\nTimings in Chromium at 390x844 (end2end/bench.mjs):");
    let photo_out = root().join("target/bench-photo.json");
    let _ = std::fs::remove_file(&photo_out);
    crate::build::run_checked(
        std::process::Command::new("node")
            .arg("bench.mjs")
            .current_dir(root().join("end2end"))
            .env("PATH", &env.path)
            .env("BASE_URL", &backend.base_url)
            .env("PHOTO_OUT", &photo_out),
    )?;
    let photo: budgets::PhotoResult = serde_json::from_str(
        &std::fs::read_to_string(&photo_out).context("reading target/bench-photo.json")?,
    )
    .context("reading the photo timings")?;
    checks.push(budgets::photo(photo.ms_4x));

    let out_dir = root().join("target/lighthouse");
    // Reports of an earlier run must not pass for this one's.
    let _ = std::fs::remove_dir_all(&out_dir);
    println!("\nLighthouse (end2end/lighthouse.mjs; JSON reports in target/lighthouse/):");
    crate::build::run_checked(
        std::process::Command::new("node")
            .arg("lighthouse.mjs")
            .current_dir(root().join("end2end"))
            .env("PATH", &env.path)
            .env("BASE_URL", &backend.base_url)
            .env("LIGHTHOUSE_MODULES", &lighthouse_modules)
            .env("OUT_DIR", &out_dir),
    )?;
    let summary = std::fs::read_to_string(out_dir.join("summary.json"))
        .context("reading target/lighthouse/summary.json")?;
    let pages: Vec<budgets::PageResult> =
        serde_json::from_str(&summary).context("reading the Lighthouse summary")?;
    let guide = pages
        .iter()
        .find(|p| p.path.starts_with("/services/"))
        .context("no guide among the pages Lighthouse measured")?;
    checks.push(guide_critical_bytes(&backend.addr, &guide.path)?);
    checks.extend(budgets::lighthouse(&pages));
    crate::load::on_fresh_backend()?;
    drop(backend);

    println!("\nBudgets:");
    for check in &checks {
        println!("{}", check.line());
    }
    let over = checks.iter().filter(|c| !c.within).count();
    if over > 0 {
        anyhow::bail!("{over} budget(s) over (see above)");
    }
    println!("every budget is met");
    Ok(())
}

/// What a guide needs before its content is visible: its HTML as the server sends it and the
/// render-blocking files it names (the stylesheet), each brotli-compressed as the server sends
/// them. Printed item by item.
fn guide_critical_bytes(addr: &str, path: &str) -> anyhow::Result<Check> {
    println!("\nWhat a guide needs before its content shows ({path}):");
    let fetch = |path: &str| -> anyhow::Result<Vec<u8>> {
        let (status, body) = crate::server::get(addr, path)?;
        anyhow::ensure!(status == 200, "GET {path} answered {status}");
        Ok(body)
    };
    let html = fetch(path)?;
    let mut total = brotli(&html);
    println!("{:<44} {:>10} {:>10}", "item", "raw", "brotli");
    println!("{:<44} {:>10} {:>10}", "HTML", html.len(), total);
    for href in budgets::render_blocking(&String::from_utf8_lossy(&html)) {
        let body = fetch(&href)?;
        let br = brotli(&body);
        println!("{:<44} {:>10} {:>10}", href, body.len(), br);
        total += br;
    }
    println!("(the app's module script and wasm load after the content shows)");
    Ok(budgets::size(
        "guide HTML+CSS+JS before content (brotli)",
        total,
        budgets::GUIDE_CRITICAL_BROTLI,
    ))
}

/// The photo check on its generated calibration set (`src/photo/calibration.rs`): a native test
/// in the test profile, which `cargo xtask test` has usually built already, so it costs seconds.
/// Only the test's own report is echoed, not the test runner's chatter.
fn photo_calibration(env: &tools::BuildEnv) -> anyhow::Result<()> {
    println!("\n==> photo check on the calibration set");
    let output = crate::build::cargo(env)
        .args([
            "test",
            "--package",
            "portal",
            "photo_calibration",
            "--",
            "--nocapture",
        ])
        .output()
        .context("starting cargo test")?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    for line in stdout.lines().filter(|l| {
        !(l.is_empty()
            || l.starts_with("running ")
            || l.starts_with("test ")
            || l.starts_with("test result"))
    }) {
        println!("{line}");
    }
    if !output.status.success() {
        anyhow::bail!("the photo calibration test failed (see the table above)");
    }
    Ok(())
}
