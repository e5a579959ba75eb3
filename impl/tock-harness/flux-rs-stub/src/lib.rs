//! Empty: stands in for the optional `flux-rs` dependency of the Tock kernel, which is never enabled.
#![no_std]
