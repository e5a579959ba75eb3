//! A simulated NOR flash chip behind Tock's `hil::flash::Flash`: split-phase page reads, page writes
//! (erase, then program) and erases, each completing on a later `tick` through the chip's interrupt.
//! Faults can be injected (at the start or at the completion of the next operation) and a power cut
//! can tear the write in progress.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;

use kernel::hil;
use kernel::utilities::cells::OptionalCell;
use kernel::ErrorCode;

/// Bytes in a flash page, as on the nRF52840 boards the capsule runs on.
pub const PAGE_SIZE: usize = 4096;

/// One page of flash: the unit `read_page` and `write_page` move.
pub struct Page(pub [u8; PAGE_SIZE]);

impl Default for Page {
    fn default() -> Self {
        Page([0; PAGE_SIZE])
    }
}

impl std::fmt::Debug for Page {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Page({:02x?}…)", &self.0[..8])
    }
}

impl AsMut<[u8]> for Page {
    fn as_mut(&mut self) -> &mut [u8] {
        &mut self.0
    }
}

/// When an injected fault shows: the operation is refused when it starts (`read_page` or
/// `write_page` returns `FAIL`), or it runs and completes with `Error::FlashError`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FaultTiming {
    Start,
    Completion,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Read,
    Write,
    Erase,
}

struct Operation {
    kind: Kind,
    page: usize,
    buffer: Option<&'static mut Page>,
    fails: bool,
}

/// The flash chip. Its bytes live in a sparse map of pages (an absent page is erased, all 0xFF), so a
/// storage area of any length costs only the pages written.
pub struct SimFlash {
    pages: RefCell<BTreeMap<usize, Box<[u8; PAGE_SIZE]>>>,
    operation: RefCell<Option<Operation>>,
    interrupt: Cell<bool>,
    client: OptionalCell<&'static dyn hil::flash::Client<SimFlash>>,
    armed_fault: Cell<bool>,
    timing: FaultTiming,
    half_program: bool,
}

impl SimFlash {
    /// An erased chip. `half_program` breaks it on purpose: every page write programs only the first
    /// half of the page (used to show that the checker notices a broken harness).
    pub fn new(timing: FaultTiming, half_program: bool) -> SimFlash {
        SimFlash {
            pages: RefCell::new(BTreeMap::new()),
            operation: RefCell::new(None),
            interrupt: Cell::new(false),
            client: OptionalCell::empty(),
            armed_fault: Cell::new(false),
            timing,
            half_program,
        }
    }

    /// Whether an operation has started and not completed.
    pub fn busy(&self) -> bool {
        self.operation.borrow().is_some()
    }

    /// One step of the chip: the operation in progress finishes and raises its interrupt, which the
    /// kernel services in its loop. Returns whether there was one.
    pub fn tick(&self) -> bool {
        if self.busy() && !self.interrupt.get() {
            self.interrupt.set(true);
            true
        } else {
            false
        }
    }

    /// Whether the completion interrupt is raised and not yet serviced.
    pub fn interrupt_pending(&self) -> bool {
        self.interrupt.get()
    }

    /// The next operation fails (see [`FaultTiming`]).
    pub fn arm_fault(&self) {
        self.armed_fault.set(true);
    }

    /// Services the completion interrupt: applies the finished operation and tells the client.
    pub fn service_interrupt(&self) {
        if !self.interrupt.replace(false) {
            return;
        }
        let Some(mut op) = self.operation.borrow_mut().take() else { return };
        let result = if op.fails { Err(hil::flash::Error::FlashError) } else { Ok(()) };
        match op.kind {
            Kind::Read => {
                let buffer = op.buffer.take().expect("a read holds its page buffer");
                if !op.fails {
                    buffer.0.copy_from_slice(&self.page(op.page));
                }
                self.client.map(|client| client.read_complete(buffer, result));
            }
            Kind::Write => {
                let buffer = op.buffer.take().expect("a write holds its page buffer");
                let programmed = if op.fails || self.half_program { PAGE_SIZE / 2 } else { PAGE_SIZE };
                self.erase_then_program(op.page, &buffer.0, programmed);
                self.client.map(|client| client.write_complete(buffer, result));
            }
            Kind::Erase => {
                let erased = if op.fails { PAGE_SIZE / 2 } else { PAGE_SIZE };
                self.pages.borrow_mut().entry(op.page).and_modify(|p| p[..erased].fill(0xFF));
                self.client.map(|client| client.erase_complete(result));
            }
        }
    }

    /// A power cut: the operation in progress stops. A write cut after `torn_bytes` > 0 bytes has
    /// erased its page and programmed its first `torn_bytes` bytes; with 0 it changed nothing. An
    /// erase cut after `torn_bytes` bytes erased that many. A read in progress is lost. Armed faults
    /// are cleared.
    pub fn power_cut(&self, torn_bytes: u64) {
        self.interrupt.set(false);
        self.armed_fault.set(false);
        let Some(op) = self.operation.borrow_mut().take() else { return };
        let cut = torn_bytes.min(PAGE_SIZE as u64) as usize;
        if cut == 0 {
            return;
        }
        match op.kind {
            Kind::Write => {
                let data = op.buffer.as_ref().expect("a write holds its page buffer").0;
                self.erase_then_program(op.page, &data, cut);
            }
            Kind::Erase => {
                self.pages.borrow_mut().entry(op.page).and_modify(|p| p[..cut].fill(0xFF));
            }
            Kind::Read => {}
        }
    }

    /// Erases every page (used only to break the harness on purpose).
    pub fn erase_all(&self) {
        self.pages.borrow_mut().clear();
    }

    fn erase_then_program(&self, page: usize, data: &[u8; PAGE_SIZE], programmed: usize) {
        let mut bytes = Box::new([0xFF; PAGE_SIZE]);
        bytes[..programmed].copy_from_slice(&data[..programmed]);
        let mut pages = self.pages.borrow_mut();
        if bytes.iter().all(|&b| b == 0xFF) {
            pages.remove(&page);
        } else {
            pages.insert(page, bytes);
        }
    }

    fn page(&self, page: usize) -> [u8; PAGE_SIZE] {
        self.pages.borrow().get(&page).map_or([0xFF; PAGE_SIZE], |p| **p)
    }

    /// `length` bytes from absolute address `address`.
    #[cfg(test)]
    pub fn read_bytes(&self, address: usize, length: usize) -> Vec<u8> {
        (address..address + length).map(|a| self.page(a / PAGE_SIZE)[a % PAGE_SIZE]).collect()
    }

    /// The pages that are not erased, for carrying the flash over to a new process image.
    pub fn export(&self) -> Vec<(usize, Vec<u8>)> {
        self.pages.borrow().iter().map(|(n, p)| (*n, p.to_vec())).collect()
    }

    /// Loads pages written by [`SimFlash::export`].
    pub fn import(&self, pages: Vec<(usize, Vec<u8>)>) -> Result<(), String> {
        let mut map = self.pages.borrow_mut();
        for (number, bytes) in pages {
            let page: [u8; PAGE_SIZE] = bytes.try_into().map_err(|_| format!("page {number} is not {PAGE_SIZE} bytes"))?;
            map.insert(number, Box::new(page));
        }
        Ok(())
    }

    fn start(&self, kind: Kind, page: usize, buffer: Option<&'static mut Page>) -> Result<(), (ErrorCode, Option<&'static mut Page>)> {
        if self.busy() {
            return Err((ErrorCode::BUSY, buffer));
        }
        let fails = self.armed_fault.replace(false);
        if fails && self.timing == FaultTiming::Start {
            return Err((ErrorCode::FAIL, buffer));
        }
        *self.operation.borrow_mut() = Some(Operation { kind, page, buffer, fails });
        Ok(())
    }
}

impl hil::flash::Flash for SimFlash {
    type Page = Page;

    fn read_page(&self, page_number: usize, buf: &'static mut Page) -> Result<(), (ErrorCode, &'static mut Page)> {
        self.start(Kind::Read, page_number, Some(buf)).map_err(|(e, b)| (e, b.expect("buffer returned")))
    }

    fn write_page(&self, page_number: usize, buf: &'static mut Page) -> Result<(), (ErrorCode, &'static mut Page)> {
        self.start(Kind::Write, page_number, Some(buf)).map_err(|(e, b)| (e, b.expect("buffer returned")))
    }

    fn erase_page(&self, page_number: usize) -> Result<(), ErrorCode> {
        self.start(Kind::Erase, page_number, None).map_err(|(e, _)| e)
    }
}

impl<C: hil::flash::Client<SimFlash>> hil::flash::HasClient<'static, C> for SimFlash {
    fn set_client(&'static self, client: &'static C) {
        self.client.set(client);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kernel::hil::flash::{Client, Flash, HasClient};

    #[derive(Default)]
    struct Recorder {
        events: RefCell<Vec<(&'static str, Result<(), hil::flash::Error>, u8)>>,
    }

    impl Client<SimFlash> for Recorder {
        fn read_complete(&self, buffer: &'static mut Page, result: Result<(), hil::flash::Error>) {
            self.events.borrow_mut().push(("read", result, buffer.0[0]));
        }
        fn write_complete(&self, buffer: &'static mut Page, result: Result<(), hil::flash::Error>) {
            self.events.borrow_mut().push(("write", result, buffer.0[0]));
        }
        fn erase_complete(&self, result: Result<(), hil::flash::Error>) {
            self.events.borrow_mut().push(("erase", result, 0));
        }
    }

    fn chip(timing: FaultTiming) -> (&'static SimFlash, &'static Recorder) {
        let flash: &'static SimFlash = Box::leak(Box::new(SimFlash::new(timing, false)));
        let recorder: &'static Recorder = Box::leak(Box::default());
        flash.set_client(recorder);
        (flash, recorder)
    }

    fn page_of(byte: u8) -> &'static mut Page {
        Box::leak(Box::new(Page([byte; PAGE_SIZE])))
    }

    #[test]
    fn operations_complete_on_tick_only() {
        let (flash, recorder) = chip(FaultTiming::Start);
        flash.write_page(2, page_of(0x5A)).unwrap();
        assert!(flash.busy());
        assert_eq!(flash.read_bytes(2 * PAGE_SIZE, 1), vec![0xFF]);
        assert!(flash.write_page(3, page_of(1)).is_err(), "one operation at a time");
        assert!(flash.tick());
        flash.service_interrupt();
        assert!(!flash.busy());
        assert_eq!(flash.read_bytes(2 * PAGE_SIZE + 100, 2), vec![0x5A, 0x5A]);
        flash.read_page(2, page_of(0)).unwrap();
        flash.tick();
        flash.service_interrupt();
        assert_eq!(*recorder.events.borrow(), vec![("write", Ok(()), 0x5A), ("read", Ok(()), 0x5A)]);
    }

    #[test]
    fn a_fault_at_start_refuses_the_next_operation_only() {
        let (flash, _) = chip(FaultTiming::Start);
        flash.arm_fault();
        assert!(matches!(flash.write_page(0, page_of(0)), Err((ErrorCode::FAIL, _))));
        flash.write_page(0, page_of(0)).unwrap();
    }

    #[test]
    fn a_fault_at_completion_reports_an_error_and_half_programs() {
        let (flash, recorder) = chip(FaultTiming::Completion);
        flash.arm_fault();
        flash.write_page(1, page_of(0x00)).unwrap();
        flash.tick();
        flash.service_interrupt();
        assert_eq!(recorder.events.borrow()[0].1, Err(hil::flash::Error::FlashError));
        assert_eq!(flash.read_bytes(PAGE_SIZE + PAGE_SIZE / 2 - 1, 2), vec![0x00, 0xFF]);
    }

    #[test]
    fn a_power_cut_tears_the_write_in_progress() {
        let (flash, recorder) = chip(FaultTiming::Start);
        flash.write_page(0, page_of(0x11)).unwrap();
        flash.tick();
        flash.service_interrupt();
        flash.write_page(0, page_of(0x22)).unwrap();
        flash.power_cut(3);
        assert_eq!(flash.read_bytes(0, 5), vec![0x22, 0x22, 0x22, 0xFF, 0xFF]);
        assert!(!flash.busy());
        flash.write_page(0, page_of(0x33)).unwrap();
        flash.power_cut(0);
        assert_eq!(flash.read_bytes(0, 4), vec![0x22, 0x22, 0x22, 0xFF], "a cut after 0 bytes changes nothing");
        assert_eq!(recorder.events.borrow().len(), 1);
    }

    #[test]
    fn export_and_import_keep_the_bytes() {
        let (flash, _) = chip(FaultTiming::Start);
        flash.write_page(7, page_of(0x42)).unwrap();
        flash.tick();
        flash.service_interrupt();
        let copy = SimFlash::new(FaultTiming::Start, false);
        copy.import(flash.export()).unwrap();
        assert_eq!(copy.read_bytes(7 * PAGE_SIZE, 1), vec![0x42]);
        assert_eq!(copy.read_bytes(0, 1), vec![0xFF]);
    }
}
