//! How the harness is run: its options and its command line.

use crate::config::MIN_KERNEL_BUFFER;
use crate::flash::FaultTiming;
use crate::server;

/// A harness broken on purpose, to show that the checker notices a broken harness.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Breakage {
    /// Every flash page write programs only the first half of the page.
    FlashProgram,
    /// `restart` does nothing: the process keeps its allows, subscriptions and queued upcalls.
    Restart,
    /// `reboot` loses the flash contents.
    RebootErases,
}

/// How the harness is run.
#[derive(Clone, Copy, Debug)]
pub struct Options {
    pub fault_timing: FaultTiming,
    pub breakage: Option<Breakage>,
    pub only_64_bit: bool,
    pub max_buffer: Option<usize>,
    /// The capsule's kernel buffer, whatever the transfer limit (the board component uses 512).
    pub kernel_buffer: Option<usize>,
    /// The events announced in `hello`, one bit per entry of `server::CAPABILITIES`.
    pub capabilities: u8,
    /// Whether `hello` announces pipelining (docs/protocol.md, Pipelining); without it the harness
    /// flushes every reply at once, as a server answering one request at a time.
    pub pipelining: bool,
}

const USAGE: &str = "\
Usage: invs-tock-harness [OPTIONS]   (normally started by impl/tock-harness/serve)

Serves the upstream Tock capsule for driver 0x50004 over the invs protocol on standard input and
output (docs/protocol.md).

Options:
  --fault-at start|completion   when an injected flash fault shows: the next flash operation is
                                refused when it starts (default), or completes with an error
  --only-64bit                  answer `unsupported` for 32-bit kernels instead of clearing the
                                high word of command arguments as a 32-bit kernel does
  --max-buffer BYTES            the largest allowed buffer (default: 2 x region size + 64, at
                                least 4096)
  --kernel-buffer BYTES         the capsule's kernel buffer (default: the transfer limit, or the
                                region size when there is none); the board component uses 512
  --capabilities LIST           announce only these events (comma-separated, from tick, drain,
                                reboot, torn-reboot, restart, flash-fault), so campaigns leave the
                                others out
  --pipelining                  announce a pipelining window of 256 requests, so that invs sends
                                batches without waiting for each reply (by default the harness
                                announces none: against this capsule, whose tries mostly fail early,
                                one request at a time is faster; see README.md)
  --no-pipelining               announce none (the default)
  --break flash-program|restart|reboot-erases
                                break the harness on purpose (a flash page write programs only half
                                the page; restart does nothing; reboot loses the flash), to see the
                                checker catch it
  --help                        show this help
  --version                     show the version
";

/// Parsed command line.
#[derive(Debug)]
pub struct Command {
    pub options: Options,
    pub resume: Option<String>,
    pub passed: Vec<String>,
}

pub fn parse_arguments(args: &[String]) -> Result<Option<Command>, String> {
    let mut options = Options {
        fault_timing: FaultTiming::Start,
        breakage: None,
        only_64_bit: false,
        max_buffer: None,
        kernel_buffer: None,
        capabilities: server::ALL_CAPABILITIES,
        pipelining: false,
    };
    let mut resume = None;
    let mut passed = Vec::new();
    let mut i = 0;
    while i < args.len() {
        let arg = args[i].as_str();
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n, Some(v.to_string())),
            _ => (arg, None),
        };
        let takes_value = matches!(name, "--fault-at" | "--max-buffer" | "--kernel-buffer" | "--capabilities" | "--break" | "--resume");
        let value = if takes_value {
            match inline.clone() {
                Some(v) => Some(v),
                None => {
                    i += 1;
                    Some(args.get(i).cloned().ok_or_else(|| format!("{name} needs a value"))?)
                }
            }
        } else {
            None
        };
        match (name, value.as_deref()) {
            ("--help", _) => {
                print!("{USAGE}");
                return Ok(None);
            }
            ("--version", _) => {
                println!("invs-tock-harness {}", env!("CARGO_PKG_VERSION"));
                return Ok(None);
            }
            ("--fault-at", Some("start")) => options.fault_timing = FaultTiming::Start,
            ("--fault-at", Some("completion")) => options.fault_timing = FaultTiming::Completion,
            ("--fault-at", Some(other)) => return Err(format!("--fault-at takes start or completion, not {other}")),
            ("--only-64bit", _) => options.only_64_bit = true,
            ("--pipelining", _) => options.pipelining = true,
            ("--no-pipelining", _) => options.pipelining = false,
            ("--max-buffer", Some(v)) => {
                options.max_buffer = Some(v.parse().map_err(|_| format!("--max-buffer takes a byte count, not {v}"))?)
            }
            ("--kernel-buffer", Some(v)) => match v.parse::<usize>() {
                Ok(bytes) if bytes >= MIN_KERNEL_BUFFER as usize => options.kernel_buffer = Some(bytes),
                _ => return Err(format!("--kernel-buffer takes a byte count of at least {}, not {v}", MIN_KERNEL_BUFFER)),
            },
            ("--capabilities", Some(list)) => options.capabilities = server::capability_mask(list)?,
            ("--break", Some("flash-program")) => options.breakage = Some(Breakage::FlashProgram),
            ("--break", Some("restart")) => options.breakage = Some(Breakage::Restart),
            ("--break", Some("reboot-erases")) => options.breakage = Some(Breakage::RebootErases),
            ("--break", Some(other)) => {
                return Err(format!("--break takes flash-program, restart or reboot-erases, not {other}"))
            }
            ("--resume", Some(file)) => resume = Some(file.to_string()),
            _ => return Err(format!("unknown option {arg} (--help lists the options)")),
        }
        if name != "--resume" {
            passed.push(arg.to_string());
            if takes_value && inline.is_none() {
                passed.push(args[i].clone());
            }
        }
        i += 1;
    }
    Ok(Some(Command { options, resume, passed }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(text: &str) -> Vec<String> {
        text.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn reads_options_and_keeps_them_for_a_new_process_image() {
        let command = parse_arguments(&args("--fault-at completion --break=restart --resume /tmp/x --only-64bit --pipelining"))
            .unwrap()
            .unwrap();
        assert_eq!(command.options.fault_timing, FaultTiming::Completion);
        assert!(command.options.pipelining);
        assert_eq!(command.options.breakage, Some(Breakage::Restart));
        assert!(command.options.only_64_bit);
        assert_eq!(command.resume.as_deref(), Some("/tmp/x"));
        assert_eq!(command.passed, args("--fault-at completion --break=restart --only-64bit --pipelining"));
        assert!(!parse_arguments(&[]).unwrap().unwrap().options.pipelining, "no pipelining unless asked");
        assert!(!parse_arguments(&args("--pipelining --no-pipelining")).unwrap().unwrap().options.pipelining, "the last one says");
    }

    #[test]
    fn refuses_unknown_options() {
        assert!(parse_arguments(&args("--frobnicate")).unwrap_err().contains("unknown option"));
        assert!(parse_arguments(&args("--fault-at sometimes")).unwrap_err().contains("start or completion"));
        assert!(parse_arguments(&args("--max-buffer")).unwrap_err().contains("needs a value"));
    }
}
