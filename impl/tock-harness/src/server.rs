//! The protocol loop: reads requests, answers each with one line, in order, and re-executes the
//! harness in place (same process id, same standard input and output) when the kernel's deferred
//! calls run out, carrying the board's flash and the requests read ahead over.

use std::io::{Read, Write};
use std::os::unix::process::CommandExt;

use crate::board::REGION_SIZES;
use crate::config::Configuration;
use crate::handover::{Action, Handover};
use crate::json::{string, Json};
use crate::protocol::{observation_json, observation_json_leaving_out, read_request, reply, Input, Observation, Request, SAME_BUFFER};
use crate::options::Options;
use crate::requests::{standard_input, Requests};
use crate::session::{can_boot, Session};

/// The environment events the harness simulates.
pub const CAPABILITIES: [&str; 6] = ["tick", "drain", "reboot", "torn-reboot", "restart", "flash-fault"];
/// All of them, as a mask.
pub const ALL_CAPABILITIES: u8 = (1 << CAPABILITIES.len()) - 1;
/// The pipelining window announced in `hello` (docs/protocol.md, Pipelining) with `--pipelining`.
pub const PIPELINING: i128 = 256;
/// The most replies a pipelining harness holds back before it writes them out.
const FLUSH_EVERY: usize = 16;

/// The mask of a comma-separated list of capabilities.
pub fn capability_mask(list: &str) -> Result<u8, String> {
    list.split(',').filter(|name| !name.is_empty()).try_fold(0u8, |mask, name| {
        match CAPABILITIES.iter().position(|c| *c == name.trim()) {
            Some(bit) => Ok(mask | 1 << bit),
            None => Err(format!("unknown capability {name} (known: {})", CAPABILITIES.join(", "))),
        }
    })
}

/// The server: options, the board under test and what it was built from, the requests and the
/// replies held back.
pub struct Server {
    options: Options,
    arguments: Vec<String>,
    session: Option<Session>,
    configuration: Option<Json>,
    requests: Requests<Box<dyn Read>>,
    out: std::io::BufWriter<std::io::Stdout>,
    held: usize,
    /// Whether the client asked for the `same-buffer` extension (docs/protocol.md section 8).
    same_buffer: bool,
    /// The buffer each app's last yield showed since the last reset (by app slot), while `same_buffer`.
    shown: std::collections::BTreeMap<usize, Vec<u8>>,
}

impl Server {
    pub fn new(options: Options, arguments: Vec<String>) -> Server {
        Server {
            options,
            arguments,
            session: None,
            configuration: None,
            requests: Requests::new(Vec::new(), standard_input()),
            out: std::io::BufWriter::with_capacity(1 << 16, std::io::stdout()),
            held: 0,
            same_buffer: false,
            shown: std::collections::BTreeMap::new(),
        }
    }

    /// Writes one reply. One request at a time, it is flushed at once; pipelining, replies are held
    /// back while more requests are at hand (at most [`FLUSH_EVERY`]), and flushed before the harness
    /// waits for the next request.
    fn send(&mut self, line: String) {
        self.held += 1;
        let flush = !self.options.pipelining || self.held >= FLUSH_EVERY || !self.requests.line_ready();
        if writeln!(self.out, "{line}").and_then(|_| if flush { self.flush() } else { Ok(()) }).is_err() {
            // The client closed its end: nothing more to do.
            std::process::exit(0);
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.held = 0;
        self.out.flush()
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
        let mut line = String::new();
        loop {
            match self.requests.next_line(&mut line) {
                Ok(0) | Err(_) => {
                    let _ = self.flush();
                    return;
                }
                Ok(_) => {}
            }
            if line.trim().is_empty() {
                continue;
            }
            let (id, request) = read_request(line.trim_end_matches(['\n', '\r']));
            match request {
                Err(message) => self.error(id, &message),
                Ok(Request::Hello { protocol: 1, same_buffer }) => {
                    self.same_buffer = same_buffer;
                    let announced = CAPABILITIES.iter().enumerate().filter(|(bit, _)| self.options.capabilities & 1 << bit != 0);
                    let capabilities = Json::Array(announced.map(|(_, c)| string(c)).collect());
                    let name = Self::server_name();
                    let mut fields = vec![("protocol", Json::Int(1)), ("server", string(&name)), ("capabilities", capabilities)];
                    if self.options.pipelining {
                        fields.push(("pipelining", Json::Int(PIPELINING)));
                    }
                    if same_buffer {
                        fields.push(("extensions", Json::Array(vec![string(SAME_BUFFER)])));
                    }
                    self.send(reply("hello", id, fields));
                }
                Ok(Request::Hello { protocol, .. }) => {
                    self.error(id, &format!("protocol version {protocol} is not supported: this server speaks version 1"))
                }
                Ok(Request::Reset { configuration: Err(message), .. }) => {
                    self.session = None;
                    self.shown.clear();
                    self.error(id, &format!("malformed request: {message}"));
                }
                Ok(Request::Reset { configuration: Ok(config), raw }) => self.reset(id, config, raw),
                Ok(Request::Input(input)) => self.input(id, input),
                Ok(Request::Bye) => {
                    self.send(reply("bye", id, vec![]));
                    let _ = self.flush();
                    return;
                }
            }
        }
    }

    fn reset(&mut self, id: u64, config: Configuration, raw: Json) {
        self.session = None;
        self.shown.clear();
        self.configuration = None;
        if let Some(reason) = config.unsupported(REGION_SIZES, self.options.only_64_bit) {
            self.send(reply("unsupported", id, vec![("reason", string(&reason))]));
            return;
        }
        if !can_boot() {
            self.reexecute(id, Action::Reset, raw, Vec::new());
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
        let yielding = match input {
            Input::Yield { app } => Some(app),
            _ => None,
        };
        let result = match input {
            Input::Reboot { torn_bytes } => {
                session.power_cut(torn_bytes);
                if !can_boot() {
                    let pages = session.flash_pages();
                    let raw = self.configuration.clone().expect("a board has its configuration");
                    self.reexecute(id, Action::Reboot, raw, pages);
                }
                session.boot().map(|_| Observation::Quiet)
            }
            other => session.apply(&other),
        };
        match result {
            Ok(observation) => {
                let leave_out = self.shows_again(yielding, &observation);
                self.send(reply("observation", id, vec![("observation", observation_json_leaving_out(&observation, leave_out))]))
            }
            Err(message) => {
                self.error(id, &message);
            }
        }
    }

    /// Whether the client reads a yield's buffer left out and `app`'s last yield showed `observation`'s
    /// buffer; if it showed another, `observation`'s is now the one it showed last.
    fn shows_again(&mut self, app: Option<usize>, observation: &Observation) -> bool {
        match (self.same_buffer, app, observation) {
            (true, Some(app), Observation::Yielded { buffer, .. }) => {
                if self.shown.get(&app) == Some(buffer) {
                    return true;
                }
                self.shown.insert(app, buffer.clone());
                false
            }
            _ => false,
        }
    }

    /// Replaces this process image with a fresh one (the kernel's deferred-call table is used up),
    /// which finishes the request `id` (a reset, or a reboot over `pages`) and serves the rest: first
    /// the requests this image has read and not yet served, then standard input.
    fn reexecute(&mut self, id: u64, action: Action, configuration: Json, pages: Vec<(usize, Vec<u8>)>) -> ! {
        let requests = self.requests.unread();
        let shown = self.shown.iter().map(|(app, buffer)| (*app, buffer.clone())).collect();
        let state = Handover { id, action, configuration, pages, requests, same_buffer: self.same_buffer, shown };
        let path = std::env::temp_dir().join(format!("invs-tock-harness-{}.state", std::process::id()));
        let written = std::fs::write(&path, state.encode());
        let program = std::env::current_exe();
        let failure = match (written, program) {
            (Ok(()), Ok(program)) => {
                let _ = self.flush();
                std::process::Command::new(program).args(&self.arguments).arg("--resume").arg(&path).exec()
            }
            (Err(e), _) | (_, Err(e)) => e,
        };
        eprintln!("tock-harness: cannot start a fresh process image for the next boot: {failure}");
        std::process::exit(3);
    }

    /// Finishes the request a previous process image handed over (see [`Server::reexecute`]), and
    /// serves the requests it had read ahead before any other.
    pub fn resume(&mut self, file: &str) {
        let text = std::fs::read_to_string(file);
        let _ = std::fs::remove_file(file);
        let state = match text.map_err(|e| e.to_string()).and_then(|t| Handover::decode(&t)) {
            Ok(state) => state,
            Err(e) => {
                eprintln!("tock-harness: cannot read the state handed over by the previous process image: {e}");
                std::process::exit(3);
            }
        };
        self.requests = Requests::new(state.requests, standard_input());
        self.same_buffer = state.same_buffer;
        self.shown = state.shown.into_iter().collect();
        let (id, raw) = (state.id, state.configuration);
        let built = Configuration::parse(&raw)
            .and_then(|config| Session::new(config, self.options, state.pages))
            .and_then(|mut session| session.boot().map(|_| session));
        match built {
            Ok(session) => {
                self.session = Some(session);
                self.configuration = Some(raw);
                match state.action {
                    Action::Reboot => {
                        self.send(reply("observation", id, vec![("observation", observation_json(&Observation::Quiet))]))
                    }
                    Action::Reset => self.send(reply("ready", id, vec![])),
                }
            }
            Err(message) => self.error(id, &format!("cannot build this board: {message}")),
        }
    }
}
