//! The user/kernel boundary of the host chip. There is no user code: "running" a process hands the
//! kernel the next system call the protocol asked that app to make (or a fault, for a restart), and
//! what the kernel does in return (a return value, or an upcall set up as a function call) is
//! recorded for the harness to report.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::fmt::Write;

use kernel::process::{FunctionCall, FunctionCallSource};
use kernel::syscall::{ContextSwitchReason, Syscall, SyscallReturn, UserspaceKernelBoundary};
use kernel::ErrorCode;

use crate::chip::HostTimer;

/// What the harness asks a process to do when it next runs.
#[derive(Clone, Copy, Debug)]
pub enum Action {
    /// Make this system call.
    Call(Syscall),
    /// Fault (the process is then handled by the kernel's fault policy).
    Fault,
}

/// How an action ended, seen from the process.
#[derive(Clone, Copy, Debug)]
pub enum Outcome {
    /// The system call returned this value.
    Returned(SyscallReturn),
    /// The yield ran this upcall.
    Upcall(FunctionCall),
    /// The yield returned without running an upcall.
    NoUpcall,
    /// The process faulted and was started again.
    Restarted,
    /// The kernel resumed the process without a return value after a system call that needs one.
    Missing,
}

#[derive(Default)]
struct Script {
    next: Option<Action>,
    in_flight: Option<Action>,
    returned: Option<SyscallReturn>,
    function: Option<FunctionCall>,
    outcome: Option<Outcome>,
    starts: u32,
    stray_upcalls: u32,
}

/// The boundary: one script per process, keyed by the start of the process's memory.
pub struct HostBoundary {
    timer: &'static HostTimer,
    app_brk_size: usize,
    scripts: RefCell<BTreeMap<usize, Script>>,
}

impl HostBoundary {
    /// A boundary whose processes start with `app_brk_size` bytes of accessible memory.
    pub fn new(timer: &'static HostTimer, app_brk_size: usize) -> HostBoundary {
        HostBoundary { timer, app_brk_size, scripts: RefCell::new(BTreeMap::new()) }
    }

    /// Asks the process whose memory starts at `memory` to perform `action` when it next runs.
    pub fn plan(&self, memory: usize, action: Action) {
        let mut scripts = self.scripts.borrow_mut();
        let script = scripts.entry(memory).or_default();
        script.next = Some(action);
        script.outcome = None;
    }

    /// The outcome of the planned action, once the process has performed it and run again.
    pub fn take_outcome(&self, memory: usize) -> Option<Outcome> {
        self.scripts.borrow_mut().get_mut(&memory).and_then(|s| s.outcome.take())
    }

    /// Whether the planned action has ended and its outcome is waiting to be taken.
    pub fn has_outcome(&self, memory: usize) -> bool {
        self.scripts.borrow().get(&memory).is_some_and(|s| s.outcome.is_some())
    }

    /// How many times the kernel started the process (its entry point ran): 1 after loading, one
    /// more per restart.
    pub fn starts(&self, memory: usize) -> u32 {
        self.scripts.borrow().get(&memory).map_or(0, |s| s.starts)
    }

    /// Upcalls the kernel ran while the process was not yielding (never expected: a process only
    /// yields with Yield-NoWait, on request).
    pub fn stray_upcalls(&self) -> u32 {
        self.scripts.borrow().values().map(|s| s.stray_upcalls).sum()
    }
}

impl UserspaceKernelBoundary for HostBoundary {
    type StoredState = ();

    fn initial_process_app_brk_size(&self) -> usize {
        self.app_brk_size
    }

    unsafe fn initialize_process(&self, memory: *const u8, _brk: *const u8, _state: &mut ()) -> Result<(), ()> {
        let mut scripts = self.scripts.borrow_mut();
        let script = scripts.entry(memory as usize).or_default();
        script.returned = None;
        script.function = None;
        Ok(())
    }

    unsafe fn set_syscall_return_value(
        &self,
        memory: *const u8,
        _brk: *const u8,
        _state: &mut (),
        value: SyscallReturn,
    ) -> Result<(), ()> {
        self.scripts.borrow_mut().entry(memory as usize).or_default().returned = Some(value);
        Ok(())
    }

    unsafe fn set_process_function(
        &self,
        memory: *const u8,
        _brk: *const u8,
        _state: &mut (),
        call: FunctionCall,
    ) -> Result<(), ()> {
        self.scripts.borrow_mut().entry(memory as usize).or_default().function = Some(call);
        Ok(())
    }

    unsafe fn switch_to_process(
        &self,
        memory: *const u8,
        _brk: *const u8,
        _state: &mut (),
    ) -> (ContextSwitchReason, Option<*const u8>) {
        let mut scripts = self.scripts.borrow_mut();
        let script = scripts.entry(memory as usize).or_default();
        // A function the kernel set up runs first: the entry point (or a wake-up), or an upcall.
        let function = script.function.take();
        let upcall = match function {
            Some(call) => match call.source {
                FunctionCallSource::Kernel => {
                    script.starts += 1;
                    None
                }
                FunctionCallSource::Driver(_) => Some(call),
            },
            None => None,
        };
        // The function returns to where the process stopped: the action in flight has ended.
        match script.in_flight.take() {
            Some(Action::Call(Syscall::Yield { .. })) => {
                script.outcome = Some(upcall.map_or(Outcome::NoUpcall, Outcome::Upcall));
            }
            Some(Action::Call(_)) => {
                script.outcome = Some(script.returned.take().map_or(Outcome::Missing, Outcome::Returned));
                if upcall.is_some() {
                    script.stray_upcalls += 1;
                }
            }
            Some(Action::Fault) => script.outcome = Some(Outcome::Restarted),
            None => {
                if upcall.is_some() {
                    script.stray_upcalls += 1;
                }
            }
        }
        match script.next.take() {
            Some(action) => {
                script.in_flight = Some(action);
                script.returned = None;
                match action {
                    Action::Call(syscall) => (ContextSwitchReason::SyscallFired { syscall }, None),
                    Action::Fault => (ContextSwitchReason::Fault, None),
                }
            }
            None => {
                // Nothing to do: the timeslice ends, and the kernel moves on.
                self.timer.expire();
                (ContextSwitchReason::Interrupted, None)
            }
        }
    }

    unsafe fn print_context(&self, _memory: *const u8, _brk: *const u8, _state: &(), writer: &mut dyn Write) {
        let _ = writer.write_str("(a scripted host process)");
    }

    fn store_context(&self, _state: &(), _out: &mut [u8]) -> Result<usize, ErrorCode> {
        Ok(0)
    }
}
