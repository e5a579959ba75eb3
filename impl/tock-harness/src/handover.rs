//! What one process image of the harness hands the next when it re-executes itself (the kernel's
//! deferred calls are used up): the request it was answering, the board's configuration and flash
//! pages, the requests it had read and not yet served, and what the client agreed to in `hello` with
//! the buffers its apps' yields showed last. Written as one JSON object in a file.

use crate::json::{object, parse, string, Json};

/// Why the harness re-executes itself: the request it was answering needs another boot.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// A `reset`: a fresh board of the configuration, answered with `ready`.
    Reset,
    /// A `reboot` input: the same board over the flash pages, answered with `quiet`.
    Reboot,
}

/// The state carried over to the next process image.
#[derive(Clone, Debug, PartialEq)]
pub struct Handover {
    /// The id of the request being answered.
    pub id: u64,
    pub action: Action,
    /// The board's configuration, as the client sent it.
    pub configuration: Json,
    /// The flash pages that are not erased: page number and bytes.
    pub pages: Vec<(usize, Vec<u8>)>,
    /// The bytes of the requests read after the one being answered and not yet served, in order.
    pub requests: Vec<u8>,
    /// Whether the client asked for the `same-buffer` extension.
    pub same_buffer: bool,
    /// The buffer each app's last yield showed since the last reset: app slot and bytes.
    pub shown: Vec<(usize, Vec<u8>)>,
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    if text.len() % 2 != 0 {
        return None;
    }
    (0..text.len()).step_by(2).map(|i| text.get(i..i + 2).and_then(|h| u8::from_str_radix(h, 16).ok())).collect()
}

impl Handover {
    /// The state as one line of JSON.
    pub fn encode(&self) -> String {
        let action = match self.action {
            Action::Reset => "reset",
            Action::Reboot => "reboot",
        };
        object(vec![
            ("id", Json::Int(self.id as i128)),
            ("action", string(action)),
            ("configuration", self.configuration.clone()),
            ("pages", numbered(&self.pages)),
            ("requests", Json::Str(hex(&self.requests))),
            ("sameBuffer", Json::Bool(self.same_buffer)),
            ("shown", numbered(&self.shown)),
        ])
        .encode()
    }

    /// The state [`Handover::encode`] wrote, or what is wrong with `text`.
    pub fn decode(text: &str) -> Result<Handover, String> {
        let state = parse(text)?;
        let id = match state.get("id") {
            Some(Json::Int(i)) if *i >= 0 && *i <= u64::MAX as i128 => *i as u64,
            _ => return Err("no request id".into()),
        };
        let action = match state.get("action") {
            Some(Json::Str(a)) if a == "reset" => Action::Reset,
            Some(Json::Str(a)) if a == "reboot" => Action::Reboot,
            _ => return Err("no action (reset or reboot)".into()),
        };
        let configuration = state.get("configuration").cloned().ok_or("no configuration")?;
        let pages = unnumbered(state.get("pages")).ok_or("bad or no flash pages")?;
        let requests = match state.get("requests") {
            Some(Json::Str(h)) => unhex(h).ok_or("bad requests")?,
            _ => return Err("no requests".into()),
        };
        let same_buffer = match state.get("sameBuffer") {
            Some(Json::Bool(b)) => *b,
            _ => return Err("no sameBuffer".into()),
        };
        let shown = unnumbered(state.get("shown")).ok_or("bad or no buffers shown")?;
        Ok(Handover { id, action, configuration, pages, requests, same_buffer, shown })
    }
}

/// Numbered byte strings (flash pages, apps' buffers) as an array of `[number, "hex"]` pairs.
fn numbered(items: &[(usize, Vec<u8>)]) -> Json {
    Json::Array(items.iter().map(|(n, bytes)| Json::Array(vec![Json::Int(*n as i128), Json::Str(hex(bytes))])).collect())
}

/// What [`numbered`] wrote, or `None` when `value` is missing or not such an array.
fn unnumbered(value: Option<&Json>) -> Option<Vec<(usize, Vec<u8>)>> {
    match value {
        Some(Json::Array(items)) => items
            .iter()
            .map(|item| match item {
                Json::Array(pair) => match (pair.first(), pair.get(1)) {
                    (Some(Json::Int(n)), Some(Json::Str(h))) if *n >= 0 => unhex(h).map(|bytes| (*n as usize, bytes)),
                    _ => None,
                },
                _ => None,
            })
            .collect(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_next_image_reads_what_this_one_wrote() {
        let handover = Handover {
            id: 4711,
            action: Action::Reboot,
            configuration: object(vec![("storageLength", Json::Int(8192))]),
            pages: vec![(0, vec![0, 1, 0xfe, 0xff]), (17, vec![0xab; 4096])],
            requests: b"{\"type\":\"input\",\"id\":4712}\n{\"type\":\"in".to_vec(),
            same_buffer: true,
            shown: vec![(0, vec![0xc0, 0xff, 0xee, 0]), (2, Vec::new())],
        };
        assert_eq!(Handover::decode(&handover.encode()), Ok(handover.clone()));
        let reset = Handover { action: Action::Reset, pages: Vec::new(), requests: Vec::new(), same_buffer: false, shown: Vec::new(), ..handover };
        assert_eq!(Handover::decode(&reset.encode()), Ok(reset));
    }

    #[test]
    fn refuses_a_damaged_state() {
        assert!(Handover::decode("{").is_err());
        assert!(Handover::decode(r#"{"id":1,"action":"reboot","configuration":{},"pages":[[0,"0g"]],"requests":""}"#).is_err());
        assert!(Handover::decode(r#"{"id":1,"action":"reboot","configuration":{},"pages":[],"requests":"abc"}"#).is_err());
        assert!(Handover::decode(r#"{"id":1,"action":"restart","configuration":{},"pages":[],"requests":""}"#).is_err());
        assert!(Handover::decode(r#"{"id":1,"action":"reset","configuration":{},"pages":[]}"#).is_err());
        assert!(Handover::decode(r#"{"id":1,"action":"reset","configuration":{},"pages":[],"requests":"","sameBuffer":true,"shown":[[0,"0g"]]}"#).is_err());
        assert!(Handover::decode(r#"{"id":1,"action":"reset","configuration":{},"pages":[],"requests":"","shown":[]}"#).is_err());
    }
}
