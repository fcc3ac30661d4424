//! Building: the release wasm with Trunk and the backend binary.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context};

use crate::tools::BuildEnv;

/// The workspace root (xtask lives one level below it).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}

pub fn backend_binary() -> PathBuf {
    root().join("target/release/backend")
}

pub fn cargo(env: &BuildEnv) -> Command {
    let mut c = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    c.current_dir(root()).env("PATH", &env.path);
    c
}

pub fn run_checked(cmd: &mut Command) -> anyhow::Result<()> {
    let status = cmd
        .status()
        .with_context(|| format!("starting {:?}", cmd.get_program()))?;
    if !status.success() {
        bail!("{:?} failed ({status})", cmd.get_program());
    }
    Ok(())
}

/// Test counts read from the runners' own summary lines.
#[derive(Default, Clone, Copy)]
pub struct Counts {
    pub passed: u64,
    pub failed: u64,
}

impl Counts {
    /// Reads `test result: ok. 12 passed; 0 failed; ...` (cargo) or `  12 passed (30s)` and
    /// `  1 failed` (Playwright).
    pub fn read_line(&mut self, line: &str) {
        let t = line.trim();
        let number_before = |word: &str| -> Option<u64> {
            let at = t.find(word)?;
            t[..at]
                .split_whitespace()
                .last()?
                .trim_end_matches(';')
                .parse()
                .ok()
        };
        if t.starts_with("test result: ") {
            self.passed += number_before(" passed").unwrap_or(0);
            self.failed += number_before(" failed").unwrap_or(0);
        } else if t.split_whitespace().nth(1) == Some("passed") {
            self.passed += number_before(" passed").unwrap_or(0);
        } else if t.split_whitespace().nth(1) == Some("failed") {
            self.failed += number_before(" failed").unwrap_or(0);
        }
    }
}

/// Runs a test step, echoing its output and adding its runner's counts to `counts`.
pub fn step_counted(name: &str, cmd: &mut Command, counts: &mut Counts) -> anyhow::Result<()> {
    use std::io::BufRead;
    println!("\n==> {name}");
    let mut child = cmd
        .stdout(std::process::Stdio::piped())
        .spawn()
        .with_context(|| format!("starting {:?}", cmd.get_program()))?;
    if let Some(out) = child.stdout.take() {
        for line in std::io::BufReader::new(out).lines().map_while(Result::ok) {
            println!("{line}");
            counts.read_line(&line);
        }
    }
    let status = child.wait()?;
    if !status.success() {
        bail!("step '{name}' failed ({status})");
    }
    Ok(())
}

/// Runs one named step of `xtask test`, saying what runs and what failed.
pub fn step(name: &str, cmd: &mut Command) -> anyhow::Result<()> {
    println!("\n==> {name}");
    run_checked(cmd).with_context(|| format!("step '{name}' failed"))
}

/// The release app and backend.
pub fn release(env: &BuildEnv) -> anyhow::Result<()> {
    app(env)?;
    step(
        "build the backend (release)",
        cargo(env).args(["build", "--release", "--package", "backend"]),
    )
}

/// The release wasm app into `dist/`.
pub fn app(env: &BuildEnv) -> anyhow::Result<()> {
    step(
        "build the app (trunk build --release)",
        Command::new(PathBuf::from(&env_trunk(env)))
            .args(["build", "--release", "--offline"])
            .current_dir(root())
            .env("PATH", &env.path)
            .env_remove("NO_COLOR"),
    )?;
    // The service worker's declarations, for a city that serves `dist/` from its own web server
    // (the reference backend serves the same text itself).
    let config = root().join("dist/sw-config.js");
    std::fs::write(&config, contract::offline::service_worker_config())
        .with_context(|| format!("writing {}", config.display()))
}

fn env_trunk(env: &BuildEnv) -> PathBuf {
    std::env::split_paths(&env.path)
        .map(|p| p.join("trunk"))
        .find(|p| p.is_file())
        .unwrap_or_else(|| PathBuf::from("trunk"))
}

#[cfg(test)]
mod tests {
    use super::Counts;

    #[test]
    fn reads_cargo_and_playwright_summaries() {
        let mut c = Counts::default();
        c.read_line("test result: ok. 56 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 1.85s");
        c.read_line("test result: FAILED. 3 passed; 2 failed; 0 ignored");
        c.read_line("  19 passed (1.2m)");
        c.read_line("  1 failed");
        c.read_line("    tests/apply.spec.ts:62:5 › a citizen applies");
        assert_eq!((c.passed, c.failed), (78, 3));
    }
}
