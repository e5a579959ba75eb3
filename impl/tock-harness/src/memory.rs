//! Process memory as the harness lays it out. A process starts with enough accessible memory (below
//! its break) for the Yield-NoWait flag and six buffer areas: read-write allow 0 (two, used in turn so
//! the buffer still allowed is never overwritten), a read-write area for other allow numbers, and the
//! same three for read-only allows. Every allow puts a fresh buffer in one of them, as an app would.

/// Bytes of process memory above the initial break, for the kernel's grant allocations.
const GRANT_ROOM: usize = 4096;
/// Bytes per app in the memory pool beyond the TBF minimum (the kernel's own per-process state).
const KERNEL_ROOM: usize = 16384;
/// Buffer areas per app.
const AREAS: usize = 6;
/// The first bytes of process memory hold the Yield-NoWait flag.
const FLAG_BYTES: usize = 16;

/// The sizes of the layout: bytes per buffer area (the largest buffer an app can allow).
#[derive(Clone, Copy, Debug)]
pub struct Layout {
    pub area: usize,
}

impl Layout {
    /// Areas of `max_buffer` bytes, by default twice the region size and some (at least 4096).
    pub fn new(region_size: usize, max_buffer: Option<usize>) -> Layout {
        Layout { area: max_buffer.unwrap_or((2 * region_size + 64).max(4096)).next_multiple_of(8) }
    }

    /// Bytes of accessible memory a process starts with (its initial break).
    pub fn app_brk(&self) -> usize {
        FLAG_BYTES + AREAS * self.area
    }

    /// The minimum RAM the app's TBF header asks for.
    pub fn minimum_ram(&self) -> Result<u32, String> {
        u32::try_from(self.app_brk() + GRANT_ROOM).map_err(|_| format!("buffer areas of {} bytes are too large", self.area))
    }

    /// Bytes of the memory pool one app takes.
    pub fn pool_per_app(&self) -> usize {
        self.app_brk() + GRANT_ROOM + KERNEL_ROOM
    }
}

/// An allowed buffer: which area holds it and its length.
#[derive(Clone, Copy, Debug)]
struct Allowed {
    area: usize,
    length: usize,
}

/// One app's process: its slot, where its memory starts (the boundary's key), an address in its flash
/// for upcall function pointers, and the buffers it has allowed (allow 0).
pub struct AppMemory {
    pub slot: usize,
    pub memory: usize,
    pub upcall_pc: usize,
    area: usize,
    read_write: Option<Allowed>,
    read_only: Option<Allowed>,
}

impl AppMemory {
    pub fn new(slot: usize, memory: usize, upcall_pc: usize, layout: Layout) -> AppMemory {
        AppMemory { slot, memory, upcall_pc, area: layout.area, read_write: None, read_only: None }
    }

    /// Where Yield-NoWait writes whether an upcall ran.
    pub fn flag(&self) -> *mut u8 {
        self.memory as *mut u8
    }

    fn area_address(&self, area: usize) -> usize {
        self.memory + FLAG_BYTES + area * self.area
    }

    /// Puts `bytes` into a fresh buffer for allow `number` and returns its address (0 for an empty
    /// buffer, which takes the allow back) and its area.
    pub fn fresh_buffer(&self, number: i32, read_only: bool, bytes: &[u8]) -> Result<(usize, usize), String> {
        if bytes.len() > self.area {
            return Err(format!(
                "an allow of {} bytes is larger than the harness's buffer area of {} bytes (use --max-buffer)",
                bytes.len(),
                self.area
            ));
        }
        let (current, base) = if read_only { (self.read_only, 3) } else { (self.read_write, 0) };
        let area = if number != 0 { base + 2 } else { base + current.map_or(0, |c| 1 - (c.area - base)) };
        let address = self.area_address(area);
        // The area lies in the process's accessible memory, which the harness owns; no reference to
        // it is alive while the kernel is not running.
        unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), address as *mut u8, bytes.len()) };
        Ok((if bytes.is_empty() { 0 } else { address }, area))
    }

    /// Records that allow 0 now holds the buffer in `area` (or nothing, for length 0).
    pub fn allowed(&mut self, read_only: bool, area: usize, length: usize) {
        let allowed = (length > 0).then_some(Allowed { area, length });
        if read_only {
            self.read_only = allowed;
        } else {
            self.read_write = allowed;
        }
    }

    /// The process restarted: nothing is allowed any more.
    pub fn forget_allows(&mut self) {
        self.read_write = None;
        self.read_only = None;
    }

    /// What read-write allow 0 holds (empty when nothing is allowed).
    pub fn read_write_contents(&self) -> Vec<u8> {
        match self.read_write {
            None => Vec::new(),
            Some(allowed) => {
                let address = self.area_address(allowed.area) as *const u8;
                unsafe { std::slice::from_raw_parts(address, allowed.length) }.to_vec()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allow_zero_alternates_between_two_areas() {
        let layout = Layout::new(100, None);
        assert_eq!(layout.area, 4096);
        let memory: &'static mut [u8] = Box::leak(vec![0u8; layout.app_brk()].into_boxed_slice());
        let mut app = AppMemory::new(0, memory.as_mut_ptr() as usize, 0, layout);
        let (first, area) = app.fresh_buffer(0, false, &[1, 2, 3]).unwrap();
        app.allowed(false, area, 3);
        let (second, other) = app.fresh_buffer(0, false, &[9; 5]).unwrap();
        assert_ne!(first, second, "a new allow 0 must not overwrite the buffer still allowed");
        assert_eq!(app.read_write_contents(), vec![1, 2, 3]);
        app.allowed(false, other, 5);
        assert_eq!(app.read_write_contents(), vec![9; 5]);
        let (scratch, _) = app.fresh_buffer(7, false, &[4]).unwrap();
        assert!(scratch != first && scratch != second);
        assert_eq!(app.fresh_buffer(0, true, &[]).unwrap().0, 0, "an empty buffer takes the allow back");
        assert!(app.fresh_buffer(0, true, &vec![0; 4097]).unwrap_err().contains("--max-buffer"));
        app.forget_allows();
        assert_eq!(app.read_write_contents(), Vec::<u8>::new());
    }
}
