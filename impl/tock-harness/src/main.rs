//! invs-tock-harness: serves the upstream Tock capsule `isolated_nonvolatile_storage_driver`
//! (driver 0x50004), running in the unmodified Tock kernel on this host, over the invs protocol
//! (docs/protocol.md): JSON requests on standard input, one JSON reply per line on standard output.

mod board;
mod boundary;
mod chip;
mod config;
mod flash;
mod handover;
mod json;
mod memory;
mod options;
mod permissions;
mod protocol;
mod requests;
mod server;
mod session;
mod tbf;

use std::process::exit;

use options::parse_arguments;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let command = match parse_arguments(&args) {
        Ok(Some(command)) => command,
        Ok(None) => return,
        Err(message) => {
            eprintln!("tock-harness: {message}");
            exit(2);
        }
    };
    std::panic::set_hook(Box::new(|info| {
        eprintln!("tock-harness: panicked (in the kernel, the capsule or the harness): {info}");
    }));
    kernel::deferred_call::initialize_deferred_call_state::<chip::HostThread>();
    let mut server = server::Server::new(command.options, command.passed);
    if let Some(file) = command.resume {
        server.resume(&file);
    }
    server.run();
}

