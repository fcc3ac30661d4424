//! `cargo xtask bench`: the figures we budget. First-load bytes of the release build, each file
//! raw, gzip and brotli, against the 120 KB brotli budget; the photo check's confusion table on
//! the generated calibration set; timings in Chromium.

use std::io::Write;

use anyhow::Context;

use crate::build::root;
use crate::tools;

const BUDGET_BROTLI: usize = 120 * 1024;

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
    println!(
        "budget: {} bytes brotli; used {:.1}% ({})",
        BUDGET_BROTLI,
        t_br as f64 * 100.0 / BUDGET_BROTLI as f64,
        if t_br <= BUDGET_BROTLI {
            "within budget"
        } else {
            "OVER BUDGET"
        }
    );

    crate::wasm_size::print_by_crate()?;
    photo_calibration(&env)?;

    // Timings in Chromium against the real backend serving this build.
    crate::build::step(
        "build the backend (release)",
        crate::build::cargo(&env).args(["build", "--release", "--package", "backend"]),
    )?;
    tools::ensure_browser_test_tools()?;
    let backend = crate::server::start_backend()?;
    println!("\nTimings in Chromium at 390x844 (end2end/bench.mjs):");
    let result = crate::build::run_checked(
        std::process::Command::new("node")
            .arg("bench.mjs")
            .current_dir(root().join("end2end"))
            .env("PATH", &env.path)
            .env("BASE_URL", &backend.base_url),
    );
    let result = result.and_then(|()| crate::load::run(&backend.base_url));
    drop(backend);
    result
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
