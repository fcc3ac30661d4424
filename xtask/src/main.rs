//! `cargo xtask run | test | bench`: the project's commands.

mod bench;
mod budgets;
mod build;
mod chaos;
mod load;
mod schemathesis;
mod server;
mod tools;
mod wasm_size;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("run") => run(),
        Some("test") => test(&args[1..]),
        Some("bench") => bench::bench(),
        Some("load") => load::alone(),
        Some("chaos") => chaos::chaos(&args[1..]),
        Some("build") => tools::ensure_build_tools().and_then(|env| build::release(&env)),
        _ => {
            eprintln!(
                "usage: cargo xtask <command>\n\n  run    install what is missing, build, serve at http://127.0.0.1:8080\n  test   every check and test\n  bench  sizes, timings and Lighthouse against the budgets\n  chaos  the fault suite: submissions under network cuts and SIGKILL\n  load   only the load run of bench (look-up and guide under uploads)"
            );
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> anyhow::Result<()> {
    let env = tools::ensure_build_tools()?;
    build::release(&env)?;
    let addr = std::env::var("PORTAL_ADDR").unwrap_or_else(|_| "127.0.0.1:8080".into());
    let data = std::env::var("PORTAL_DATA_DIR").unwrap_or_else(|_| "data".into());
    println!("Serving the portal at http://{addr} (data in {data}); Ctrl-C stops it.");
    build::run_checked(std::process::Command::new(build::backend_binary()).args([
        "--addr",
        &addr,
        "--data-dir",
        &data,
        "--dist-dir",
        "dist",
    ]))
}

const NATIVE_TESTS: &str = "native tests";

fn test(args: &[String]) -> anyhow::Result<()> {
    let only_e2e = args.iter().any(|a| a == "--e2e");
    let env = tools::ensure_build_tools()?;
    if !only_e2e {
        build::step(
            "cargo fmt --check",
            build::cargo(&env).args(["fmt", "--all", "--", "--check"]),
        )?;
        build::step(
            "cargo clippy",
            build::cargo(&env).args([
                "clippy",
                "--workspace",
                "--all-targets",
                "--",
                "-D",
                "warnings",
            ]),
        )?;
    }
    let mut counts = build::Counts::default();
    let result = (|| {
        if !only_e2e {
            build::step_counted(
                NATIVE_TESTS,
                build::cargo(&env).args(["test", "--workspace"]),
                &mut counts,
            )?;
        }
        build::release(&env)?;
        if !only_e2e {
            schemathesis::run()?;
        }
        tools::ensure_browser_test_tools()?;
        server::end_to_end(&env, &mut counts)
    })();
    // One plain closing line over every runner, for whoever reads the log last.
    let expected: &[&str] = if only_e2e {
        &[server::BROWSER_TESTS]
    } else {
        &[NATIVE_TESTS, server::BROWSER_TESTS]
    };
    println!("\n{}", counts.closing_line(expected));
    result
}
