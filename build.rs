//! Link the `kiln` binary as a position-dependent executable on x86-64 Linux: a PIE
//! has its relocations applied by the dynamic loader on every start (a third of the
//! instructions of a small chart's render, 0.2–0.5 ms a process). Only the binary;
//! libraries, tests and proc-macros link as before.

fn main() {
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let arch = std::env::var("CARGO_CFG_TARGET_ARCH").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if os == "linux" && arch == "x86_64" && env == "gnu" {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
