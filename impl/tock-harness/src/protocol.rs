//! Requests, inputs and observations of the protocol (docs/protocol.md sections 3, 5 and 6).

use crate::config::{unsigned, Configuration};
use crate::json::{object, parse, string, Json};

/// One input: a system call of an app, or an environment event.
#[derive(Clone, Debug, PartialEq)]
pub enum Input {
    Command { app: usize, number: i32, arg1: u32, arg2: u32 },
    AllowRo { app: usize, number: i32, data: Vec<u8> },
    AllowRw { app: usize, number: i32, length: usize },
    Subscribe { app: usize, number: i32 },
    Unsubscribe { app: usize, number: i32 },
    Yield { app: usize },
    Tick,
    Drain,
    Reboot { torn_bytes: u64 },
    Restart { app: usize },
    FlashFault,
}

impl Input {
    /// The app the input concerns, if it is a system call or a restart.
    pub fn app(&self) -> Option<usize> {
        match self {
            Input::Command { app, .. }
            | Input::AllowRo { app, .. }
            | Input::AllowRw { app, .. }
            | Input::Subscribe { app, .. }
            | Input::Unsubscribe { app, .. }
            | Input::Yield { app }
            | Input::Restart { app } => Some(*app),
            _ => None,
        }
    }
}

/// An upcall as the app saw it: the subscribe number it arrived on and its three argument words.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Upcall {
    pub number: u64,
    pub status: u64,
    pub arg1: u64,
    pub arg2: u64,
}

/// What the board showed for one input.
#[derive(Clone, Debug, PartialEq)]
pub enum Observation {
    Success,
    Failure(String),
    Yielded { upcall: Option<Upcall>, buffer: Vec<u8> },
    Quiet,
}

/// A request from the client.
#[derive(Clone, Debug)]
pub enum Request {
    /// `same_buffer`: the client reads a yield's buffer left out as the one its app's last yield showed
    /// (the `same-buffer` extension named in the request's `extensions`, docs/protocol.md section 8).
    Hello { protocol: i128, same_buffer: bool },
    Reset { configuration: Result<Configuration, String>, raw: Json },
    Input(Input),
    Bye,
}

/// Reads a request line: its id (0 when it cannot be read) and the request, or an error message.
pub fn read_request(line: &str) -> (u64, Result<Request, String>) {
    let value = match parse(line) {
        Ok(value) => value,
        Err(e) => return (0, Err(format!("malformed request: not JSON: {e}"))),
    };
    let id = match value.get("id") {
        Some(Json::Int(i)) if *i >= 0 && *i <= u64::MAX as i128 => *i as u64,
        _ => return (0, Err("malformed request: field id: missing or not a non-negative integer".into())),
    };
    let request = match value.get("type") {
        Some(Json::Str(t)) => match t.as_str() {
            "hello" => match value.get("protocol") {
                Some(Json::Int(p)) => Ok(Request::Hello { protocol: *p, same_buffer: names_extension(&value, SAME_BUFFER) }),
                _ => Err("malformed request: field protocol: missing or not an integer".into()),
            },
            "reset" => match value.get("configuration") {
                Some(raw) => Ok(Request::Reset { configuration: Configuration::parse(raw), raw: raw.clone() }),
                None => Err("malformed request: field configuration: missing".into()),
            },
            "input" => match value.get("input") {
                Some(input) => read_input(input).map(Request::Input).map_err(|e| format!("malformed request: {e}")),
                None => Err("malformed request: field input: missing".into()),
            },
            "bye" => Ok(Request::Bye),
            other => Err(format!("malformed request: unknown request type \"{other}\"")),
        },
        _ => Err("malformed request: field type: missing or not a string".into()),
    };
    (id, request)
}

/// The extension that leaves out a yield's buffer its app's last yield showed (docs/protocol.md section 8).
pub const SAME_BUFFER: &str = "same-buffer";

/// Whether a hello message names `extension` in its `extensions` array (anything else there is ignored).
fn names_extension(hello: &Json, extension: &str) -> bool {
    matches!(hello.get("extensions"), Some(Json::Array(names))
        if names.iter().any(|name| matches!(name, Json::Str(text) if text == extension)))
}

fn number(value: &Json) -> Result<i32, String> {
    match value.get("number") {
        Some(Json::Int(n)) if *n >= i32::MIN as i128 && *n <= i32::MAX as i128 => Ok(*n as i32),
        Some(other) => Err(format!("field input.number: not a 32-bit signed integer: {}", other.encode())),
        None => Err("field input.number: missing".into()),
    }
}

fn hex(text: &str) -> Result<Vec<u8>, String> {
    if text.len() % 2 != 0 || !text.bytes().all(|c| c.is_ascii_hexdigit()) {
        return Err(format!("field input.data: not hexadecimal bytes: \"{text}\""));
    }
    (0..text.len()).step_by(2).map(|i| u8::from_str_radix(&text[i..i + 2], 16).map_err(|e| e.to_string())).collect()
}

/// Reads an input object (docs/protocol.md section 5).
pub fn read_input(value: &Json) -> Result<Input, String> {
    let path = "input.";
    let kind = match value.get("kind") {
        Some(Json::Str(k)) => k.as_str(),
        _ => return Err("field input.kind: missing or not a string".into()),
    };
    let app = || unsigned(value, "app", path, u32::MAX as u64).map(|a| a as usize);
    Ok(match kind {
        "command" => Input::Command {
            app: app()?,
            number: number(value)?,
            arg1: unsigned(value, "arg1", path, u32::MAX as u64)? as u32,
            arg2: unsigned(value, "arg2", path, u32::MAX as u64)? as u32,
        },
        "allow-ro" => Input::AllowRo {
            app: app()?,
            number: number(value)?,
            data: match value.get("data") {
                Some(Json::Str(text)) => hex(text)?,
                _ => return Err("field input.data: missing or not a string".into()),
            },
        },
        "allow-rw" => Input::AllowRw {
            app: app()?,
            number: number(value)?,
            length: unsigned(value, "length", path, u32::MAX as u64)? as usize,
        },
        "subscribe" => Input::Subscribe { app: app()?, number: number(value)? },
        "unsubscribe" => Input::Unsubscribe { app: app()?, number: number(value)? },
        "yield" => Input::Yield { app: app()? },
        "tick" => Input::Tick,
        "drain" => Input::Drain,
        "reboot" => Input::Reboot { torn_bytes: unsigned(value, "tornBytes", path, u64::MAX)? },
        "restart" => Input::Restart { app: app()? },
        "flash-fault" => Input::FlashFault,
        other => return Err(format!("field input.kind: unknown input kind \"{other}\"")),
    })
}

fn hex_string(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The JSON of an observation, a yield's buffer left out (`null`) when `leave_out_buffer`.
pub fn observation_json_leaving_out(observation: &Observation, leave_out_buffer: bool) -> Json {
    match (leave_out_buffer, observation) {
        (true, Observation::Yielded { upcall, .. }) => yielded_json(upcall, Json::Null),
        _ => observation_json(observation),
    }
}

/// The JSON of an observation.
pub fn observation_json(observation: &Observation) -> Json {
    match observation {
        Observation::Success => object(vec![("kind", string("success"))]),
        Observation::Failure(code) => object(vec![("kind", string("failure")), ("code", string(code))]),
        Observation::Quiet => object(vec![("kind", string("quiet"))]),
        Observation::Yielded { upcall, buffer } => yielded_json(upcall, Json::Str(hex_string(buffer))),
    }
}

/// The JSON of a yield's observation whose buffer is `buffer` (its hexadecimal, or `null` left out).
fn yielded_json(upcall: &Option<Upcall>, buffer: Json) -> Json {
    object(vec![
        ("kind", string("yielded")),
        (
            "upcall",
            match upcall {
                None => Json::Null,
                Some(u) => object(vec![
                    ("number", Json::Int(u.number as i128)),
                    ("status", Json::Int(u.status as i128)),
                    ("arg1", Json::Int(u.arg1 as i128)),
                    ("arg2", Json::Int(u.arg2 as i128)),
                ]),
            },
        ),
        ("buffer", buffer),
    ])
}

/// A reply line (without the line feed).
pub fn reply(kind: &str, id: u64, mut fields: Vec<(&str, Json)>) -> String {
    let mut all = vec![("type", string(kind)), ("id", Json::Int(id as i128))];
    all.append(&mut fields);
    object(all).encode()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_input_kind() {
        let cases = [
            (r#"{"kind":"command","app":0,"number":3,"arg1":100,"arg2":4294967295}"#,
             Input::Command { app: 0, number: 3, arg1: 100, arg2: u32::MAX }),
            (r#"{"kind":"allow-ro","app":1,"number":0,"data":"c0ffee00"}"#,
             Input::AllowRo { app: 1, number: 0, data: vec![0xc0, 0xff, 0xee, 0] }),
            (r#"{"kind":"allow-rw","app":1,"number":-1,"length":512}"#, Input::AllowRw { app: 1, number: -1, length: 512 }),
            (r#"{"kind":"subscribe","app":0,"number":2}"#, Input::Subscribe { app: 0, number: 2 }),
            (r#"{"kind":"unsubscribe","app":0,"number":9}"#, Input::Unsubscribe { app: 0, number: 9 }),
            (r#"{"kind":"yield","app":2}"#, Input::Yield { app: 2 }),
            (r#"{"kind":"tick"}"#, Input::Tick),
            (r#"{"kind":"drain"}"#, Input::Drain),
            (r#"{"kind":"reboot","tornBytes":17}"#, Input::Reboot { torn_bytes: 17 }),
            (r#"{"kind":"restart","app":1}"#, Input::Restart { app: 1 }),
            (r#"{"kind":"flash-fault"}"#, Input::FlashFault),
        ];
        for (text, expected) in cases {
            assert_eq!(read_input(&parse(text).unwrap()).unwrap(), expected, "{text}");
        }
    }

    #[test]
    fn names_what_is_wrong() {
        let (id, result) = read_request(r#"{"type":"input","id":12,"input":{"kind":"teleport"}}"#);
        assert_eq!(id, 12);
        assert_eq!(result.unwrap_err(), "malformed request: field input.kind: unknown input kind \"teleport\"");
        let (id, result) = read_request("not json");
        assert_eq!(id, 0);
        assert!(result.unwrap_err().starts_with("malformed request: not JSON"));
        let (_, result) = read_request(r#"{"type":"input","id":1,"input":{"kind":"allow-ro","app":0,"number":0,"data":"abc"}}"#);
        assert!(result.unwrap_err().contains("input.data"));
        let (_, result) = read_request(r#"{"type":"input","id":1,"input":{"kind":"command","app":0,"number":2147483648,"arg1":0,"arg2":0}}"#);
        assert!(result.unwrap_err().contains("input.number"));
    }

    #[test]
    fn a_hello_asks_for_same_buffer_by_naming_it() {
        let hello = |text: &str| match read_request(text).1 {
            Ok(Request::Hello { same_buffer, .. }) => same_buffer,
            other => panic!("not a hello: {other:?}"),
        };
        assert!(hello(r#"{"type":"hello","id":1,"protocol":1,"extensions":["teleport","same-buffer"]}"#));
        assert!(!hello(r#"{"type":"hello","id":1,"protocol":1,"extensions":["teleport"]}"#));
        assert!(!hello(r#"{"type":"hello","id":1,"protocol":1,"extensions":"same-buffer"}"#));
        assert!(!hello(r#"{"type":"hello","id":1,"protocol":1}"#));
        let yielded = Observation::Yielded { upcall: None, buffer: vec![0xc0, 0xff, 0xee, 0] };
        assert_eq!(observation_json_leaving_out(&yielded, true).encode(), r#"{"kind":"yielded","upcall":null,"buffer":null}"#);
        assert_eq!(observation_json_leaving_out(&yielded, false).encode(), r#"{"kind":"yielded","upcall":null,"buffer":"c0ffee00"}"#);
    }

    #[test]
    fn writes_observations_as_the_protocol_shows_them() {
        let yielded = Observation::Yielded {
            upcall: Some(Upcall { number: 1, status: 0, arg1: 4, arg2: 0 }),
            buffer: vec![0xc0, 0xff, 0xee, 0],
        };
        assert_eq!(
            reply("observation", 3, vec![("observation", observation_json(&yielded))]),
            r#"{"type":"observation","id":3,"observation":{"kind":"yielded","upcall":{"number":1,"status":0,"arg1":4,"arg2":0},"buffer":"c0ffee00"}}"#
        );
        assert_eq!(observation_json(&Observation::Failure("BUSY".into())).encode(), r#"{"kind":"failure","code":"BUSY"}"#);
        assert_eq!(
            observation_json(&Observation::Yielded { upcall: None, buffer: vec![] }).encode(),
            r#"{"kind":"yielded","upcall":null,"buffer":""}"#
        );
    }
}
