//! One board under test, from `reset` to the next: it boots the kernel, makes each app's system call
//! through the kernel, and turns the environment events into flash ticks, power cuts, process faults
//! and injected flash faults.

use std::sync::atomic::{AtomicUsize, Ordering};

use capsules_extra::isolated_nonvolatile_storage_driver::DRIVER_NUM;
use kernel::deferred_call::DeferredCall;
use kernel::process::{FunctionCall, FunctionCallSource, Process, State, Task};
use kernel::syscall::{Syscall, SyscallReturn, YieldVariant};
use kernel::utilities::capability_ptr::CapabilityPtr;
use kernel::utilities::machine_register::MachineRegister;

use crate::board::{self, Board, BootPlan};
use crate::boundary::{Action, Outcome};
use crate::config::{Configuration, MIN_KERNEL_BUFFER};
use crate::flash::SimFlash;
use crate::memory::{AppMemory, Layout};
use crate::options::{Breakage, Options};
use crate::permissions::{self, BoardPermissions};
use crate::protocol::{Input, Observation, Upcall};
use crate::tbf::{self, AppImage};

/// Boots one OS process can make: each takes one of the kernel's 32 deferred calls (the loader's),
/// and that table is global and never reset.
pub const MAX_BOOTS: usize = 32;
static BOOTS: AtomicUsize = AtomicUsize::new(0);

/// Whether this OS process can boot another board.
pub fn can_boot() -> bool {
    BOOTS.load(Ordering::Relaxed) < MAX_BOOTS
}

/// Most kernel loop iterations one input may take before the harness gives up (a livelock).
const LOOP_LIMIT: usize = 100_000;
/// Most ticks a drain makes.
const DRAIN_LIMIT: usize = 20_000;
/// The board under test.
pub struct Session {
    options: Options,
    config: Configuration,
    flash: &'static SimFlash,
    layout: Layout,
    app_flash: &'static [u8],
    pool: *mut u8,
    pool_length: usize,
    board: Option<Box<dyn Board>>,
    apps: Vec<AppMemory>,
}

fn leak<T>(value: T) -> &'static mut T {
    Box::leak(Box::new(value))
}

thread_local! {
    /// The memory pool of the processes, kept for the next board: only one board is alive at a time,
    /// and the processes of an earlier one never run again.
    static POOL: std::cell::Cell<(*mut u8, usize)> = const { std::cell::Cell::new((std::ptr::null_mut(), 0)) };
}

/// A pool of at least `length` bytes for the processes' memory.
fn pool(length: usize) -> (*mut u8, usize) {
    POOL.with(|cached| {
        let (pointer, size) = cached.get();
        if size >= length {
            return (pointer, size);
        }
        let fresh = (Box::leak(vec![0u8; length].into_boxed_slice()).as_mut_ptr(), length);
        cached.set(fresh);
        fresh
    })
}

impl Session {
    /// A board of `config` over flash holding `pages` (empty: erased), not yet booted.
    pub fn new(config: Configuration, options: Options, pages: Vec<(usize, Vec<u8>)>) -> Result<Session, String> {
        let flash: &'static SimFlash = leak(SimFlash::new(options.fault_timing, options.breakage == Some(Breakage::FlashProgram)));
        flash.import(pages)?;
        let layout = Layout::new(config.region_size as usize, options.max_buffer);
        let minimum_ram = layout.minimum_ram()?;
        let images: Vec<AppImage> = config
            .apps
            .iter()
            .enumerate()
            .map(|(i, app)| AppImage {
                name: permissions::package_name(i),
                short_id: app.short_id,
                storage: permissions::storage_tlv(app),
                minimum_ram,
                kernel_version: (kernel::KERNEL_MAJOR_VERSION, kernel::KERNEL_MINOR_VERSION),
            })
            .collect();
        let app_flash: &'static [u8] = Box::leak(tbf::app_flash(&images).into_boxed_slice());
        let (pool, pool_length) = pool(config.apps.len() * layout.pool_per_app() + 4096);
        Ok(Session { options, config, flash, layout, app_flash, pool, pool_length, board: None, apps: Vec::new() })
    }

    /// The flash's pages that are not erased.
    pub fn flash_pages(&self) -> Vec<(usize, Vec<u8>)> {
        self.flash.export()
    }

    fn board(&self) -> &dyn Board {
        self.board.as_deref().expect("the board is booted")
    }

    /// Boots a new kernel, chip, storage stack, capsule and processes over the flash.
    pub fn boot(&mut self) -> Result<(), String> {
        if !can_boot() {
            return Err("no deferred call left for another boot in this process".into());
        }
        BOOTS.fetch_add(1, Ordering::Relaxed);
        let kernel_buffer = match (self.options.kernel_buffer, self.config.transfer_limit) {
            (Some(bytes), _) => bytes,
            (None, Some(limit)) => limit as usize,
            (None, None) => (self.config.region_size as usize).max(MIN_KERNEL_BUFFER as usize),
        };
        // The pool is reused by every boot (see `pool`): the processes of an earlier boot are never
        // run again, so nothing else uses this memory.
        let app_memory = unsafe { std::slice::from_raw_parts_mut(self.pool, self.pool_length) };
        let plan = BootPlan {
            region_size: self.config.region_size as usize,
            storage_length: self.config.storage_length as usize,
            kernel_buffer,
            app_brk: self.layout.app_brk(),
            app_flash: self.app_flash,
            app_memory,
            permissions: BoardPermissions::new(self.config.apps.clone()),
        };
        let board = board::boot(plan, self.flash).ok_or("this region size is not compiled in")?;
        self.board = Some(board);
        self.apps = self.load()?;
        let board = self.board();
        let boundary = &board.chip().boundary;
        let memories: Vec<usize> = self.apps.iter().map(|a| a.memory).collect();
        self.settle(|| memories.iter().all(|&m| boundary.starts(m) >= 1))
    }

    /// Runs the loader to its end and finds each app's process.
    fn load(&self) -> Result<Vec<AppMemory>, String> {
        let board = self.board();
        for _ in 0..LOOP_LIMIT {
            if board.loading().0 {
                break;
            }
            board.step();
        }
        let (finished, errors) = board.loading();
        if !finished {
            return Err("the kernel's process loader did not finish".into());
        }
        let mut apps = Vec::new();
        for index in 0..self.config.apps.len() {
            let name = permissions::package_name(index);
            let found = board.processes().iter().enumerate().find_map(|(slot, s)| {
                s.get().filter(|p| p.get_process_name() == name).map(|p| (slot, p.get_addresses()))
            });
            let Some((slot, addresses)) = found else {
                return Err(format!("the kernel did not load app {index} ({}); loader errors: {errors:?}", self.config.apps[index].name));
            };
            apps.push(AppMemory::new(slot, addresses.sram_start, addresses.flash_non_protected_start, self.layout));
        }
        Ok(apps)
    }

    /// Runs the kernel until `done` holds and no interrupt or deferred call is pending.
    fn settle(&self, mut done: impl FnMut() -> bool) -> Result<(), String> {
        let board = self.board();
        for _ in 0..LOOP_LIMIT {
            if done() && !board.chip().flash.interrupt_pending() && !DeferredCall::has_tasks() {
                return Ok(());
            }
            board.step();
        }
        Err(format!("the kernel did not settle within {LOOP_LIMIT} loop iterations"))
    }

    fn process(&self, app: usize) -> Option<&'static dyn Process> {
        self.board().processes()[self.apps[app].slot].get()
    }

    /// Has app `app` perform `action`, and returns how it ended.
    fn perform(&self, app: usize, action: Action) -> Result<Outcome, String> {
        let board = self.board();
        let boundary = &board.chip().boundary;
        let memory = self.apps[app].memory;
        boundary.plan(memory, action);
        for _ in 0..LOOP_LIMIT {
            if let Some(outcome) = boundary.take_outcome(memory) {
                if boundary.stray_upcalls() > 0 {
                    return Err("the kernel ran an upcall in a process that was not yielding".into());
                }
                return Ok(outcome);
            }
            board.step();
            let process = self.process(app).ok_or("the app's process is gone")?;
            let state = process.get_state();
            if boundary.has_outcome(memory) || process.has_tasks() || matches!(state, State::Running) {
                continue;
            }
            // The process cannot run again by itself. A Yield-NoWait whose oldest task was a null
            // upcall's return value leaves it blocked in the Yielded state (TRD104 says Yield-NoWait
            // returns at once): the kernel dropped that task and ran no upcall. Resume the process
            // as the kernel resumes one, with a kernel function call, so the app goes on as TRD104
            // says it would.
            let yielding = matches!(action, Action::Call(Syscall::Yield { .. }));
            if !(yielding && state == State::Yielded) {
                return Err(format!("app {app}'s process stopped running (state {state:?})"));
            }
            let wake = FunctionCall {
                source: FunctionCallSource::Kernel,
                argument0: 0,
                argument1: 0,
                argument2: 0,
                argument3: MachineRegister::from(0usize),
                pc: CapabilityPtr::from(self.apps[app].upcall_pc),
            };
            process.enqueue_task(Task::FunctionCall(wake)).map_err(|e| format!("cannot resume app {app}: {e:?}"))?;
        }
        Err(format!("app {app}'s system call did not complete within {LOOP_LIMIT} kernel loop iterations"))
    }

    fn syscall(&self, app: usize, syscall: Syscall) -> Result<SyscallReturn, String> {
        match self.perform(app, Action::Call(syscall))? {
            Outcome::Returned(value) => Ok(value),
            other => Err(format!("the kernel answered a system call of app {app} with {other:?}")),
        }
    }

    /// Applies one input and returns what the board showed.
    pub fn apply(&mut self, input: &Input) -> Result<Observation, String> {
        if let Some(app) = input.app() {
            if app >= self.apps.len() {
                return Err(format!("malformed request: field input.app: no app {app} (the board has {})", self.apps.len()));
            }
        }
        let driver_number = DRIVER_NUM;
        Ok(match input {
            Input::Command { app, number, arg1, arg2 } => {
                // A 32-bit kernel drops the high word (usize32s_to_usize); on this 64-bit host the
                // harness clears it, which is what the capsule sees on a 32-bit board.
                let high = if self.config.address_width == 32 { 0 } else { *arg2 as usize };
                observe(self.syscall(
                    *app,
                    Syscall::Command { driver_number, subdriver_number: *number as u32 as usize, arg0: *arg1 as usize, arg1: high },
                )?)
            }
            Input::AllowRw { app, number, length } => {
                let (address, area) = self.apps[*app].fresh_buffer(*number, false, &vec![0; *length])?;
                let value = self.syscall(
                    *app,
                    Syscall::ReadWriteAllow {
                        driver_number,
                        subdriver_number: *number as u32 as usize,
                        allow_address: address as *mut u8,
                        allow_size: *length,
                    },
                )?;
                if *number == 0 && matches!(value, SyscallReturn::AllowReadWriteSuccess(..)) {
                    self.apps[*app].allowed(false, area, *length);
                }
                observe(value)
            }
            Input::AllowRo { app, number, data } => {
                let (address, area) = self.apps[*app].fresh_buffer(*number, true, data)?;
                let value = self.syscall(
                    *app,
                    Syscall::ReadOnlyAllow {
                        driver_number,
                        subdriver_number: *number as u32 as usize,
                        allow_address: address as *const u8,
                        allow_size: data.len(),
                    },
                )?;
                if *number == 0 && matches!(value, SyscallReturn::AllowReadOnlySuccess(..)) {
                    self.apps[*app].allowed(true, area, data.len());
                }
                observe(value)
            }
            Input::Subscribe { app, number } | Input::Unsubscribe { app, number } => {
                let pointer = if matches!(input, Input::Subscribe { .. }) { self.apps[*app].upcall_pc } else { 0 };
                observe(self.syscall(
                    *app,
                    Syscall::Subscribe {
                        driver_number,
                        subdriver_number: *number as u32 as usize,
                        upcall_ptr: CapabilityPtr::from(pointer),
                        appdata: MachineRegister::from(0usize),
                    },
                )?)
            }
            Input::Yield { app } => {
                let flag = self.apps[*app].flag();
                let upcall = match self.perform(*app, Action::Call(Syscall::Yield { yield_type: YieldVariant::NoWait { ptr: flag } }))? {
                    Outcome::Upcall(call) => Some(Upcall {
                        number: match call.source {
                            FunctionCallSource::Driver(id) => id.subscribe_num as u64,
                            FunctionCallSource::Kernel => u64::MAX,
                        },
                        status: call.argument0 as u64,
                        arg1: call.argument1 as u64,
                        arg2: call.argument2 as u64,
                    }),
                    Outcome::NoUpcall => None,
                    other => return Err(format!("the kernel answered a yield of app {app} with {other:?}")),
                };
                Observation::Yielded { upcall, buffer: self.apps[*app].read_write_contents() }
            }
            Input::Tick => {
                self.flash.tick();
                self.settle(|| true)?;
                Observation::Quiet
            }
            Input::Drain => {
                for _ in 0..DRAIN_LIMIT {
                    if !self.flash.busy() {
                        break;
                    }
                    self.flash.tick();
                    self.settle(|| true)?;
                }
                Observation::Quiet
            }
            Input::Restart { app } => {
                if self.options.breakage != Some(Breakage::Restart) {
                    match self.perform(*app, Action::Fault)? {
                        Outcome::Restarted => {}
                        other => return Err(format!("app {app} did not restart: {other:?}")),
                    }
                    self.apps[*app].forget_allows();
                }
                Observation::Quiet
            }
            Input::FlashFault => {
                self.flash.arm_fault();
                Observation::Quiet
            }
            Input::Reboot { .. } => return Err("a reboot is handled by power_cut and boot".into()),
        })
    }

    /// The power goes off: the flash operation in progress is cut after `torn_bytes` bytes.
    pub fn power_cut(&mut self, torn_bytes: u64) {
        self.flash.power_cut(torn_bytes);
        if self.options.breakage == Some(Breakage::RebootErases) {
            self.flash.erase_all();
        }
        self.board = None;
    }
}

/// The observation of a system call's return value.
pub fn observe(value: SyscallReturn) -> Observation {
    match value {
        SyscallReturn::Failure(e)
        | SyscallReturn::FailureU32(e, _)
        | SyscallReturn::FailureU32U32(e, _, _)
        | SyscallReturn::FailureU64(e, _)
        | SyscallReturn::AllowReadWriteFailure(e, _, _)
        | SyscallReturn::UserspaceReadableAllowFailure(e, _, _)
        | SyscallReturn::AllowReadOnlyFailure(e, _, _)
        | SyscallReturn::SubscribeFailure(e, _, _) => Observation::Failure(format!("{e:?}")),
        _ => Observation::Success,
    }
}
