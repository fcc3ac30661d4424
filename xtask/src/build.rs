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

/// Test counts read from the runners' own summary lines, and which runners ran at all.
#[derive(Default, Clone)]
pub struct Counts {
    pub passed: u64,
    pub failed: u64,
    /// Ignored (cargo), skipped and did-not-run (Playwright): not a pass.
    pub skipped: u64,
    /// Runners that finished, whatever their result.
    pub ran: Vec<&'static str>,
}

impl Counts {
    /// The closing line over every runner. Its first word says whether every runner in
    /// `expected` ran: a run that never reached the browser tests must not look complete.
    pub fn closing_line(&self, expected: &[&'static str]) -> String {
        let missing: Vec<&str> = expected
            .iter()
            .filter(|r| !self.ran.contains(r))
            .copied()
            .collect();
        let word = if missing.is_empty() {
            "tests"
        } else {
            "incomplete"
        };
        let mut out = String::new();
        for runner in &missing {
            out.push_str(&format!("xtask: {runner} did not run\n"));
        }
        out.push_str(&format!(
            "{word}: {} passed, {} failed, {} skipped",
            self.passed, self.failed, self.skipped
        ));
        out
    }

    /// Reads `test result: ok. 12 passed; 0 failed; 1 ignored; ...` (cargo) or `  12 passed
    /// (30s)`, `  1 failed`, `  2 skipped`, `  3 did not run` (Playwright).
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
        let second = t.split_whitespace().nth(1);
        if t.starts_with("test result: ") {
            self.passed += number_before(" passed").unwrap_or(0);
            self.failed += number_before(" failed").unwrap_or(0);
            self.skipped += number_before(" ignored").unwrap_or(0);
        } else if second == Some("passed") {
            self.passed += number_before(" passed").unwrap_or(0);
        } else if second == Some("failed") {
            self.failed += number_before(" failed").unwrap_or(0);
        } else if second == Some("skipped") || second == Some("flaky") {
            self.skipped += number_before(" skipped")
                .or_else(|| number_before(" flaky"))
                .unwrap_or(0);
        } else if t.ends_with(" did not run") {
            self.skipped += number_before(" did not run").unwrap_or(0);
        }
    }
}

/// Runs a test step, echoing its output and adding its runner's counts to `counts`.
pub fn step_counted(
    name: &'static str,
    cmd: &mut Command,
    counts: &mut Counts,
) -> anyhow::Result<()> {
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
    counts.ran.push(name);
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
    bundle(env, "islands")?;
    bundle(env, "case")?;
    // The service worker's declarations, for a city that serves `dist/` from its own web server
    // (the reference backend serves the same text itself).
    let config = root().join("dist/sw-config.js");
    std::fs::write(&config, contract::offline::service_worker_config())
        .with_context(|| format!("writing {}", config.display()))
}

/// A bundle besides the app, built by Trunk from its own page (`{name}.html`) into its own folder
/// (Trunk empties the folder it builds into), then its script, wasm and page copied into `dist/`
/// beside the app's: `islands`, which server-rendered public pages load (src/islands), and
/// `case`, which a case page loads (`app::start_case`). The server makes each bundle's page
/// from `index.html` (`portal::ssr::with_bundle`).
fn bundle(env: &BuildEnv, name: &str) -> anyhow::Result<()> {
    let out = root().join(format!("target/{name}-dist"));
    step(
        &format!("build the {name} bundle (trunk build --release {name}.html)"),
        Command::new(PathBuf::from(&env_trunk(env)))
            .args(["build", "--release", "--offline=true", "--dist"])
            .arg(&out)
            .arg(format!("{name}.html"))
            .current_dir(root())
            .env("PATH", &env.path)
            .env_remove("NO_COLOR"),
    )?;
    let dist = root().join("dist");
    for entry in std::fs::read_dir(&out).with_context(|| format!("reading {}", out.display()))? {
        let entry = entry?;
        let file = entry.file_name().to_string_lossy().into_owned();
        let to = if file == "index.html" {
            format!("{name}.html")
        } else {
            file
        };
        std::fs::copy(entry.path(), dist.join(&to))
            .with_context(|| format!("copying {to} into dist/"))?;
    }
    Ok(())
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
        c.read_line("test result: ok. 4 passed; 0 failed; 2 ignored; 0 measured");
        c.read_line("  1 skipped");
        c.read_line("  3 did not run");
        assert_eq!((c.passed, c.failed, c.skipped), (82, 3, 6));
    }

    #[test]
    fn closing_line_says_when_a_runner_never_ran() {
        let mut c = Counts {
            passed: 10,
            ..Counts::default()
        };
        c.ran.push("native tests");
        assert_eq!(
            c.closing_line(&["native tests"]),
            "tests: 10 passed, 0 failed, 0 skipped"
        );
        let line = c.closing_line(&["native tests", "browser tests"]);
        assert!(line.ends_with("\nincomplete: 10 passed, 0 failed, 0 skipped"));
        assert!(line.starts_with("xtask: browser tests did not run"));
    }
}
