//! `cargo xtask chaos`: the fault suite. Citizens apply through the real app in Chromium
//! (`end2end/chaos.mjs`) while the network is cut before, during and after each step, and while
//! the backend is killed with SIGKILL and started again on the same data directory. Prints a
//! table per scenario (runs, lost, duplicate, receipts missing) and fails on any of them.
//!
//! Loopback only, bounded: 104 runs, no new run after 7 minutes, and the browser side is
//! stopped after 10 minutes whatever it is doing.
//!
//! `--no-build` uses the app in `dist/` and the backend binary as they are (any build).

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use anyhow::{bail, Context};

use crate::build::root;
use crate::server::{self, Options, TEST_STAFF_TOKEN};
use crate::tools;

/// Longest the browser side may run before it is stopped.
const HARD_LIMIT: Duration = Duration::from_secs(10 * 60);

pub fn chaos(args: &[String]) -> anyhow::Result<()> {
    let env = tools::ensure_build_tools()?;
    if !args.iter().any(|a| a == "--no-build") {
        crate::build::release(&env)?;
    }
    tools::ensure_browser_test_tools()?;
    // Trusting X-Forwarded-For lets each run be another citizen to the per-client limits.
    let mut backend = server::start_backend_with(Options {
        trust_proxy: true,
        quiet: true,
    })?;
    println!(
        "\n==> fault suite (end2end/chaos.mjs) against {}",
        backend.base_url
    );
    let mut child = Command::new("node")
        .arg("chaos.mjs")
        .current_dir(root().join("end2end"))
        .env("PATH", &env.path)
        .env("BASE_URL", &backend.base_url)
        .env("STAFF_TOKEN", TEST_STAFF_TOKEN)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .context("starting node chaos.mjs")?;
    let (Some(mut to_node), Some(from_node)) = (child.stdin.take(), child.stdout.take()) else {
        bail!("no pipes to chaos.mjs");
    };

    // Stops the browser side (only the process started here) once the hard limit has passed.
    let pid = child.id().to_string();
    let finished = Arc::new(AtomicBool::new(false));
    let watchdog = {
        let finished = finished.clone();
        std::thread::spawn(move || {
            let step = Duration::from_secs(1);
            let mut waited = Duration::ZERO;
            while waited < HARD_LIMIT {
                if finished.load(Ordering::Relaxed) {
                    return false;
                }
                std::thread::sleep(step);
                waited += step;
            }
            let _ = Command::new("kill").args(["-KILL", &pid]).status();
            true
        })
    };

    let mut kills = 0;
    for line in BufReader::new(from_node).lines().map_while(Result::ok) {
        if line == "@@kill" {
            kills += 1;
            let answer = match backend.kill_and_restart() {
                Ok(()) => "restarted".to_string(),
                Err(e) => format!("restart failed: {e:#}"),
            };
            let _ = writeln!(to_node, "{answer}");
            let _ = to_node.flush();
        } else {
            println!("{line}");
        }
    }
    let status = child.wait()?;
    finished.store(true, Ordering::Relaxed);
    let timed_out = watchdog.join().unwrap_or(false);
    // Nothing here stops it but `@@kill`: anything else is a crash, or someone else's signal.
    let stopped = backend.exited();
    drop(backend);
    if let Some(status) = stopped {
        bail!("the backend stopped by itself during the fault suite ({status})");
    }
    println!("backend killed with SIGKILL and restarted {kills} times");
    if timed_out {
        bail!(
            "the fault suite was stopped after {} minutes",
            HARD_LIMIT.as_secs() / 60
        );
    }
    if !status.success() {
        bail!("the fault suite found lost, duplicate or missing work, or could not run ({status})");
    }
    Ok(())
}
