//! Reading requests: standard input through a buffer of the harness's own, so that the bytes read
//! ahead of the request being answered (a pipelining client sends many requests at once) can be
//! handed to the next process image when the harness re-executes itself, instead of being lost with
//! this one's memory.

use std::io::{BufRead, BufReader, Chain, Cursor, Read};
use std::os::fd::AsFd;

/// How many bytes of requests the harness reads ahead at most.
const READ_AHEAD: usize = 1 << 16;

/// Request lines: first the bytes a previous process image had read and not served, then `source`.
pub struct Requests<R: Read> {
    reader: BufReader<Chain<Cursor<Vec<u8>>, R>>,
}

impl<R: Read> Requests<R> {
    /// Requests from `handed_over` (bytes read by a previous process image and not yet served), then
    /// from `source`.
    pub fn new(handed_over: Vec<u8>, source: R) -> Requests<R> {
        Requests { reader: BufReader::with_capacity(READ_AHEAD, Cursor::new(handed_over).chain(source)) }
    }

    /// Reads the next line into `line` (cleared first), with its line end: 0 bytes at the end of input.
    pub fn next_line(&mut self, line: &mut String) -> std::io::Result<usize> {
        line.clear();
        self.reader.read_line(line)
    }

    /// The bytes read from the source or handed over but not yet returned as lines, in order.
    pub fn unread(&self) -> Vec<u8> {
        let (buffered, rest) = self.parts();
        [buffered, rest].concat()
    }

    /// Whether a whole line is already at hand, so that reading it will not wait for the source.
    pub fn line_ready(&self) -> bool {
        let (buffered, rest) = self.parts();
        buffered.contains(&b'\n') || rest.contains(&b'\n')
    }

    /// The bytes buffered, and those handed over and not yet buffered.
    fn parts(&self) -> (&[u8], &[u8]) {
        let cursor = self.reader.get_ref().get_ref().0;
        let start = (cursor.position() as usize).min(cursor.get_ref().len());
        (self.reader.buffer(), &cursor.get_ref()[start..])
    }
}

/// The harness's standard input, read directly (not through the standard library's buffer, whose
/// contents could not be handed over): a duplicate of file descriptor 0 that is closed at `exec`
/// (the new image reads descriptor 0 itself).
pub fn standard_input() -> Box<dyn Read> {
    match std::io::stdin().as_fd().try_clone_to_owned() {
        Ok(fd) => Box::new(std::fs::File::from(fd)),
        // No standard input to duplicate (it is closed): nothing can be lost either.
        Err(_) => Box::new(std::io::stdin()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A source that gives its bytes a few at a time, as a pipe does.
    struct Trickle(Vec<u8>, usize);

    impl Read for Trickle {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = buf.len().min(self.1).min(self.0.len());
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0.drain(..n);
            Ok(n)
        }
    }

    fn lines<R: Read>(requests: &mut Requests<R>) -> Vec<String> {
        let mut all = Vec::new();
        let mut line = String::new();
        while requests.next_line(&mut line).unwrap() > 0 {
            all.push(line.clone());
        }
        all
    }

    #[test]
    fn serves_the_handed_over_bytes_first_then_the_source() {
        let mut requests = Requests::new(b"one\ntw".to_vec(), Cursor::new(b"o\nthree\n".to_vec()));
        assert!(requests.line_ready());
        assert_eq!(lines(&mut requests), ["one\n", "two\n", "three\n"]);
        assert!(!requests.line_ready());
    }

    #[test]
    fn hands_over_what_was_read_ahead_and_not_served_in_order() {
        let mut first = Requests::new(Vec::new(), Cursor::new(b"a\nb\nc".to_vec()));
        let mut line = String::new();
        first.next_line(&mut line).unwrap();
        assert_eq!(line, "a\n");
        assert_eq!(first.unread(), b"b\nc", "the rest was read ahead into the buffer");
        // the next image: the unread bytes, then what is still in the pipe
        let mut second = Requests::new(first.unread(), Cursor::new(b"d\ne\n".to_vec()));
        assert_eq!(lines(&mut second), ["b\n", "cd\n", "e\n"]);
    }

    #[test]
    fn a_partial_line_is_not_ready_and_is_handed_over_whole() {
        let mut requests = Requests::new(Vec::new(), Trickle(b"first\nsec".to_vec(), 64));
        let mut line = String::new();
        requests.next_line(&mut line).unwrap();
        assert!(!requests.line_ready(), "only part of a line is buffered: reading it would wait");
        assert_eq!(requests.unread(), b"sec");
    }

    #[test]
    fn handed_over_bytes_not_yet_buffered_count_too() {
        let requests = Requests::new(b"x\ny\n".to_vec(), Trickle(Vec::new(), 1));
        assert!(requests.line_ready());
        assert_eq!(requests.unread(), b"x\ny\n");
        let big: Vec<u8> = (0..3 * READ_AHEAD).map(|i| if i % 100 == 99 { b'\n' } else { b'r' }).collect();
        let mut requests = Requests::new(big.clone(), Trickle(Vec::new(), 1));
        let mut line = String::new();
        requests.next_line(&mut line).unwrap();
        assert_eq!(requests.unread(), &big[100..], "the buffer and the rest of the handed-over bytes");
    }
}
