//! The host "chip" the kernel runs on: its only peripheral interrupt is the simulated flash, its MPU
//! does nothing, its scheduler timer expires when a process has nothing left to do, and its thread
//! id is fixed (the harness is single-threaded).

use std::cell::Cell;
use std::fmt;
use std::num::NonZeroU32;

use kernel::platform::chip::{Chip, ThreadIdProvider};
use kernel::platform::mpu::{self, Region, MPU};
use kernel::platform::scheduler_timer::SchedulerTimer;

use crate::boundary::HostBoundary;
use crate::flash::SimFlash;

/// The chip: the flash's completion interrupt, a no-op MPU and the scripted user/kernel boundary.
pub struct HostChip {
    pub flash: &'static SimFlash,
    pub boundary: HostBoundary,
    mpu: NoMpu,
}

impl HostChip {
    pub fn new(flash: &'static SimFlash, boundary: HostBoundary) -> HostChip {
        HostChip { flash, boundary, mpu: NoMpu }
    }

}

impl Chip for HostChip {
    type MPU = NoMpu;
    type ThreadIdProvider = HostThread;
    type UserspaceKernelBoundary = HostBoundary;

    fn init() {}

    fn service_pending_interrupts(&self) {
        self.flash.service_interrupt();
    }

    fn has_pending_interrupts(&self) -> bool {
        self.flash.interrupt_pending()
    }

    fn mpu(&self) -> &NoMpu {
        &self.mpu
    }

    fn userspace_kernel_boundary(&self) -> &HostBoundary {
        &self.boundary
    }

    fn sleep(&self) {}

    fn with_interrupts_disabled<F, R>(&self, f: F) -> R
    where
        F: FnOnce() -> R,
    {
        f()
    }

    unsafe fn print_state(_this: Option<&Self>, _writer: &mut dyn fmt::Write) {}
}

/// The harness runs the kernel on one thread only.
pub struct HostThread;

unsafe impl ThreadIdProvider for HostThread {
    fn running_thread_id() -> usize {
        0
    }
}

/// An MPU that protects nothing: every allocation is granted where asked.
pub struct NoMpu;

/// The (empty) configuration of [`NoMpu`].
#[derive(Default)]
pub struct NoMpuConfig;

impl fmt::Display for NoMpuConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "no MPU")
    }
}

unsafe impl MPU for NoMpu {
    type MpuConfig = NoMpuConfig;

    fn enable_app_mpu(&self) {}

    unsafe fn disable_app_mpu(&self) {}

    fn number_total_regions(&self) -> usize {
        8
    }

    fn new_config(&self) -> Option<NoMpuConfig> {
        Some(NoMpuConfig)
    }

    fn reset_config(&self, _config: &mut NoMpuConfig) {}

    fn allocate_region(
        &self,
        start: *const u8,
        size: usize,
        min_region_size: usize,
        _permissions: mpu::Permissions,
        _config: &mut NoMpuConfig,
    ) -> Option<Region> {
        (min_region_size <= size).then(|| Region::new(start, min_region_size))
    }

    fn remove_memory_region(&self, _region: Region, _config: &mut NoMpuConfig) -> Result<(), ()> {
        Ok(())
    }

    fn allocate_app_memory_region(
        &self,
        start: *const u8,
        size: usize,
        min_memory_size: usize,
        _initial_app_memory_size: usize,
        _initial_kernel_memory_size: usize,
        _permissions: mpu::Permissions,
        _config: &mut NoMpuConfig,
    ) -> Option<(*const u8, usize)> {
        (min_memory_size <= size).then_some((start, min_memory_size))
    }

    fn update_app_memory_region(
        &self,
        _app_memory_break: *const u8,
        _kernel_memory_break: *const u8,
        _permissions: mpu::Permissions,
        _config: &mut NoMpuConfig,
    ) -> Result<(), ()> {
        Ok(())
    }

    unsafe fn configure_mpu(&self, _config: &NoMpuConfig) {}
}

/// The scheduler timer: a timeslice "expires" when the boundary reports that the running process
/// has nothing left to do, so the kernel moves on instead of spinning on an idle process.
#[derive(Default)]
pub struct HostTimer {
    expired: Cell<bool>,
}

impl HostTimer {
    /// Ends the current timeslice.
    pub fn expire(&self) {
        self.expired.set(true);
    }
}

impl SchedulerTimer for HostTimer {
    fn start(&self, _us: NonZeroU32) {
        self.expired.set(false);
    }

    fn reset(&self) {
        self.expired.set(false);
    }

    fn arm(&self) {}

    fn disarm(&self) {}

    fn get_remaining_us(&self) -> Option<NonZeroU32> {
        if self.expired.get() {
            None
        } else {
            NonZeroU32::new(10_000)
        }
    }
}
