//! The protocol loop: reads requests, answers each with one line, and re-executes the harness in
//! place (same process id, same standard input and output) when the kernel's deferred calls run
//! out, carrying the board's flash over.

use std::io::{BufRead, Write};
use std::os::unix::process::CommandExt;

use crate::board::REGION_SIZES;
use crate::config::Configuration;
use crate::json::{object, parse, string, Json};
use crate::protocol::{observation_json, read_request, reply, Input, Observation, Request};
use crate::options::Options;
use crate::session::{can_boot, Session};

/// The environment events the harness simulates.
pub const CAPABILITIES: [&str; 6] = ["tick", "drain", "reboot", "torn-reboot", "restart", "flash-fault"];
/// All of them, as a mask.
pub const ALL_CAPABILITIES: u8 = (1 << CAPABILITIES.len()) - 1;

/// The mask of a comma-separated list of capabilities.
pub fn capability_mask(list: &str) -> Result<u8, String> {
    list.split(',').filter(|name| !name.is_empty()).try_fold(0u8, |mask, name| {
        match CAPABILITIES.iter().position(|c| *c == name.trim()) {
            Some(bit) => Ok(mask | 1 << bit),
            None => Err(format!("unknown capability {name} (known: {})", CAPABILITIES.join(", "))),
        }
    })
}

/// The server: options, the board under test and what it was built from.
pub struct Server {
    options: Options,
    arguments: Vec<String>,
    session: Option<Session>,
    configuration: Option<Json>,
    out: std::io::Stdout,
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    (0..text.len()).step_by(2).map(|i| text.get(i..i + 2).and_then(|h| u8::from_str_radix(h, 16).ok())).collect()
}

impl Server {
    pub fn new(options: Options, arguments: Vec<String>) -> Server {
        Server { options, arguments, session: None, configuration: None, out: std::io::stdout() }
    }

    fn send(&mut self, line: String) {
        let mut out = self.out.lock();
        if writeln!(out, "{line}").and_then(|_| out.flush()).is_err() {
            // The client closed its end: nothing more to do.
            std::process::exit(0);
        }
    }

    fn error(&mut self, id: u64, message: &str) {
        self.send(reply("error", id, vec![("message", string(message))]));
    }

    fn server_name() -> String {
        let tree = std::env::var("INVS_TOCK_HARNESS_TREE").unwrap_or_else(|_| "an unnamed tree".into());
        format!(
            "invs-tock-harness {} (Tock kernel {}.{} from {tree}, upstream isolated_nonvolatile_storage_driver)",
            env!("CARGO_PKG_VERSION"),
            kernel::KERNEL_MAJOR_VERSION,
            kernel::KERNEL_MINOR_VERSION
        )
    }

    /// Serves requests until `bye` or the end of standard input.
    pub fn run(&mut self) {
        let stdin = std::io::stdin();
        let mut input = stdin.lock();
        let mut line = String::new();
        loop {
            line.clear();
            match input.read_line(&mut line) {
                Ok(0) | Err(_) => return,
                Ok(_) => {}
            }
            if line.trim().is_empty() {
                continue;
            }
            let (id, request) = read_request(line.trim_end_matches(['\n', '\r']));
            match request {
                Err(message) => self.error(id, &message),
                Ok(Request::Hello { protocol: 1 }) => {
                    let announced = CAPABILITIES.iter().enumerate().filter(|(bit, _)| self.options.capabilities & 1 << bit != 0);
                    let capabilities = Json::Array(announced.map(|(_, c)| string(c)).collect());
                    let name = Self::server_name();
                    self.send(reply(
                        "hello",
                        id,
                        vec![("protocol", Json::Int(1)), ("server", string(&name)), ("capabilities", capabilities)],
                    ));
                }
                Ok(Request::Hello { protocol }) => {
                    self.error(id, &format!("protocol version {protocol} is not supported: this server speaks version 1"))
                }
                Ok(Request::Reset { configuration: Err(message), .. }) => {
                    self.session = None;
                    self.error(id, &format!("malformed request: {message}"));
                }
                Ok(Request::Reset { configuration: Ok(config), raw }) => self.reset(id, config, raw),
                Ok(Request::Input(input)) => self.input(id, input),
                Ok(Request::Bye) => {
                    self.send(reply("bye", id, vec![]));
                    return;
                }
            }
        }
    }

    fn reset(&mut self, id: u64, config: Configuration, raw: Json) {
        self.session = None;
        self.configuration = None;
        if let Some(reason) = config.unsupported(REGION_SIZES, self.options.only_64_bit) {
            self.send(reply("unsupported", id, vec![("reason", string(&reason))]));
            return;
        }
        if !can_boot() {
            self.reexecute(id, "reset", raw, Vec::new());
        }
        self.configuration = Some(raw);
        match Session::new(config, self.options, Vec::new()).and_then(|mut s| s.boot().map(|_| s)) {
            Ok(session) => {
                self.session = Some(session);
                self.send(reply("ready", id, vec![]));
            }
            Err(message) => self.error(id, &format!("cannot build this board: {message}")),
        }
    }

    fn input(&mut self, id: u64, input: Input) {
        let Some(session) = self.session.as_mut() else {
            self.error(id, "no board: send a reset with a configuration this server supports first");
            return;
        };
        let result = match input {
            Input::Reboot { torn_bytes } => {
                session.power_cut(torn_bytes);
                if !can_boot() {
                    let pages = session.flash_pages();
                    let raw = self.configuration.clone().expect("a board has its configuration");
                    self.reexecute(id, "reboot", raw, pages);
                }
                session.boot().map(|_| Observation::Quiet)
            }
            other => session.apply(&other),
        };
        match result {
            Ok(observation) => self.send(reply("observation", id, vec![("observation", observation_json(&observation))])),
            Err(message) => {
                self.error(id, &message);
            }
        }
    }

    /// Replaces this process image with a fresh one (the kernel's deferred-call table is used up),
    /// which finishes the request `id` (a reset, or a reboot over `pages`) and serves the rest.
    fn reexecute(&mut self, id: u64, action: &str, configuration: Json, pages: Vec<(usize, Vec<u8>)>) -> ! {
        let state = object(vec![
            ("id", Json::Int(id as i128)),
            ("action", string(action)),
            ("configuration", configuration),
            (
                "pages",
                Json::Array(pages.iter().map(|(n, bytes)| Json::Array(vec![Json::Int(*n as i128), Json::Str(hex(bytes))])).collect()),
            ),
        ]);
        let path = std::env::temp_dir().join(format!("invs-tock-harness-{}.state", std::process::id()));
        let written = std::fs::write(&path, state.encode());
        let program = std::env::current_exe();
        let failure = match (written, program) {
            (Ok(()), Ok(program)) => {
                let _ = self.out.lock().flush();
                std::process::Command::new(program).args(&self.arguments).arg("--resume").arg(&path).exec()
            }
            (Err(e), _) | (_, Err(e)) => e,
        };
        eprintln!("tock-harness: cannot start a fresh process image for the next boot: {failure}");
        std::process::exit(3);
    }

    /// Finishes the request a previous process image handed over (see [`Server::reexecute`]).
    pub fn resume(&mut self, file: &str) {
        let text = std::fs::read_to_string(file);
        let _ = std::fs::remove_file(file);
        let state = match text.map_err(|e| e.to_string()).and_then(|t| parse(&t)) {
            Ok(state) => state,
            Err(e) => {
                eprintln!("tock-harness: cannot read the state handed over by the previous process image: {e}");
                std::process::exit(3);
            }
        };
        let id = match state.get("id") {
            Some(Json::Int(i)) => *i as u64,
            _ => 0,
        };
        let raw = state.get("configuration").cloned().unwrap_or(Json::Null);
        let pages: Option<Vec<(usize, Vec<u8>)>> = match state.get("pages") {
            Some(Json::Array(items)) => items
                .iter()
                .map(|item| match item {
                    Json::Array(pair) => match (pair.first(), pair.get(1)) {
                        (Some(Json::Int(n)), Some(Json::Str(h))) => unhex(h).map(|bytes| (*n as usize, bytes)),
                        _ => None,
                    },
                    _ => None,
                })
                .collect(),
            _ => None,
        };
        let reboot = matches!(state.get("action"), Some(Json::Str(a)) if a == "reboot");
        let built = Configuration::parse(&raw)
            .and_then(|config| pages.ok_or_else(|| "bad flash pages".to_string()).map(|p| (config, p)))
            .and_then(|(config, pages)| Session::new(config, self.options, pages))
            .and_then(|mut session| session.boot().map(|_| session));
        match built {
            Ok(session) => {
                self.session = Some(session);
                self.configuration = Some(raw);
                if reboot {
                    self.send(reply("observation", id, vec![("observation", observation_json(&Observation::Quiet))]));
                } else {
                    self.send(reply("ready", id, vec![]));
                }
            }
            Err(message) => self.error(id, &format!("cannot build this board: {message}")),
        }
    }
}
