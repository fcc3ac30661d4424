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
    )
}

fn env_trunk(env: &BuildEnv) -> PathBuf {
    std::env::split_paths(&env.path)
        .map(|p| p.join("trunk"))
        .find(|p| p.is_file())
        .unwrap_or_else(|| PathBuf::from("trunk"))
}
