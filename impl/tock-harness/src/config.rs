//! The board configuration of a `reset` request (docs/protocol.md section 4), and which of them the
//! harness can build.

use crate::json::Json;

/// Storage permissions of one app, as the configuration gives them.
#[derive(Clone, Debug, PartialEq)]
pub enum Permissions {
    SelfOnly(u32),
    FixedSize { app_id: u32, write: bool, read_modify_self: bool, read_ids: Vec<u32>, modify_ids: Vec<u32> },
    Null,
    Kernel,
}

/// One app: its name (for reports), its fixed ShortId (`None`: locally unique) and its permissions.
#[derive(Clone, Debug, PartialEq)]
pub struct App {
    pub name: String,
    pub short_id: Option<u32>,
    pub permissions: Permissions,
}

/// A board: the storage area, the region size, the transfer limit, the address width and the apps.
/// The profile is only for the checker; the harness runs the same capsule for both.
#[derive(Clone, Debug, PartialEq)]
pub struct Configuration {
    pub storage_length: u64,
    pub region_size: u32,
    pub transfer_limit: Option<u32>,
    pub address_width: u32,
    pub apps: Vec<App>,
}

/// The most apps a board has: the kernel's process array holds this many.
pub const MAX_APPS: usize = 16;
/// The capsule reads a 12-byte region header into its kernel buffer, so the buffer needs 12 bytes.
pub const MIN_KERNEL_BUFFER: u32 = 12;

fn field<'a>(value: &'a Json, name: &str, path: &str) -> Result<&'a Json, String> {
    value.get(name).ok_or_else(|| format!("field {path}{name}: missing"))
}

/// An unsigned integer field no larger than `max`.
pub fn unsigned(value: &Json, name: &str, path: &str, max: u64) -> Result<u64, String> {
    match field(value, name, path)? {
        Json::Int(i) if *i >= 0 && *i <= max as i128 => Ok(*i as u64),
        Json::Int(i) => Err(format!("field {path}{name}: {i} is out of range 0..{max}")),
        other => Err(format!("field {path}{name}: expected an integer, got {}", other.kind())),
    }
}

/// A 32-bit id: `"0x"` and hexadecimal digits, a decimal string, or an integer.
pub fn id(value: &Json, what: &str) -> Result<u32, String> {
    let parsed = match value {
        Json::Int(i) if *i >= 0 && *i <= u32::MAX as i128 => Some(*i as u32),
        Json::Str(s) => match s.strip_prefix("0x").or_else(|| s.strip_prefix("0X")) {
            Some(hex) if !hex.is_empty() && hex.len() <= 8 => u32::from_str_radix(hex, 16).ok(),
            Some(_) => None,
            None => s.parse::<u32>().ok(),
        },
        _ => None,
    };
    parsed.ok_or_else(|| format!("field {what}: not a 32-bit id: {}", value.encode()))
}

fn boolean(value: &Json, name: &str, path: &str) -> Result<bool, String> {
    match field(value, name, path)? {
        Json::Bool(b) => Ok(*b),
        other => Err(format!("field {path}{name}: expected a boolean, got {}", other.kind())),
    }
}

fn ids(value: &Json, name: &str, path: &str) -> Result<Vec<u32>, String> {
    match field(value, name, path)? {
        Json::Array(items) => {
            items.iter().enumerate().map(|(i, item)| id(item, &format!("{path}{name}[{i}]"))).collect()
        }
        other => Err(format!("field {path}{name}: expected an array, got {}", other.kind())),
    }
}

fn permissions(value: &Json, path: &str) -> Result<Permissions, String> {
    let kind = match field(value, "kind", path)? {
        Json::Str(s) => s.as_str(),
        other => return Err(format!("field {path}kind: expected a string, got {}", other.kind())),
    };
    match kind {
        "self-only" => Ok(Permissions::SelfOnly(id(field(value, "id", path)?, &format!("{path}id"))?)),
        "fixed-size" => Ok(Permissions::FixedSize {
            app_id: id(field(value, "appId", path)?, &format!("{path}appId"))?,
            write: boolean(value, "write", path)?,
            read_modify_self: boolean(value, "readModifySelf", path)?,
            read_ids: ids(value, "readIds", path)?,
            modify_ids: ids(value, "modifyIds", path)?,
        }),
        "null" => Ok(Permissions::Null),
        "kernel" => Ok(Permissions::Kernel),
        other => Err(format!("field {path}kind: unknown permissions kind \"{other}\"")),
    }
}

impl Configuration {
    /// Reads a configuration object (the `configuration` field of a `reset` request).
    pub fn parse(value: &Json) -> Result<Configuration, String> {
        let path = "configuration.";
        if !matches!(value, Json::Object(_)) {
            return Err(format!("field configuration: expected an object, got {}", value.kind()));
        }
        let storage_length = unsigned(value, "storageLength", path, u32::MAX as u64)?;
        let region_size = unsigned(value, "regionSize", path, (1 << 24) - 1)? as u32;
        if region_size == 0 {
            return Err(format!("field {path}regionSize: must be at least 1"));
        }
        let transfer_limit = match field(value, "transferLimit", path)? {
            Json::Null => None,
            Json::Int(i) if *i > 0 && *i <= u32::MAX as i128 => Some(*i as u32),
            other => return Err(format!("field {path}transferLimit: expected a positive integer or null, got {}", other.encode())),
        };
        let address_width = match unsigned(value, "addressWidth", path, 64)? {
            w @ (32 | 64) => w as u32,
            w => return Err(format!("field {path}addressWidth: must be 32 or 64, got {w}")),
        };
        let apps = match field(value, "apps", path)? {
            Json::Array(items) if !items.is_empty() => items
                .iter()
                .enumerate()
                .map(|(i, app)| {
                    let at = format!("{path}apps[{i}].");
                    let name = match field(app, "name", &at)? {
                        Json::Str(s) => s.clone(),
                        other => return Err(format!("field {at}name: expected a string, got {}", other.kind())),
                    };
                    let short_id = match field(app, "shortId", &at)? {
                        Json::Null => None,
                        other => Some(id(other, &format!("{at}shortId"))?),
                    };
                    let permissions = permissions(field(app, "permissions", &at)?, &format!("{at}permissions."))?;
                    Ok(App { name, short_id, permissions })
                })
                .collect::<Result<Vec<_>, String>>()?,
            Json::Array(_) => return Err(format!("field {path}apps: needs at least one app")),
            other => return Err(format!("field {path}apps: expected an array, got {}", other.kind())),
        };
        Ok(Configuration { storage_length, region_size, transfer_limit, address_width, apps })
    }

    /// Why the harness cannot build this board, if it cannot (an `unsupported` reply).
    pub fn unsupported(&self, region_sizes: &[usize], only_64_bit: bool) -> Option<String> {
        if !region_sizes.contains(&(self.region_size as usize)) {
            return Some(format!(
                "region size {} is not built into the harness (APP_REGION_SIZE is a const generic; built: {})",
                self.region_size,
                region_sizes.iter().map(|s| s.to_string()).collect::<Vec<_>>().join(", ")
            ));
        }
        if self.address_width == 32 && only_64_bit {
            return Some("a 32-bit kernel cannot be represented on this 64-bit host (--only-64bit)".into());
        }
        if self.apps.len() > MAX_APPS {
            return Some(format!("this board has at most {MAX_APPS} apps"));
        }
        if let Some(limit) = self.transfer_limit {
            if limit < MIN_KERNEL_BUFFER {
                return Some(format!(
                    "a transfer limit below {MIN_KERNEL_BUFFER} bytes: the capsule's kernel buffer must hold a 12-byte region header"
                ));
            }
        }
        for app in &self.apps {
            if app.short_id == Some(0) {
                return Some(format!("app {}: ShortId 0 cannot be a fixed ShortId in Tock (it is a NonZeroU32)", app.name));
            }
            match &app.permissions {
                Permissions::SelfOnly(0) | Permissions::FixedSize { app_id: 0, .. } => {
                    return Some(format!("app {}: storage permissions for id 0 cannot be built (the kernel takes a NonZeroU32)", app.name));
                }
                Permissions::FixedSize { read_ids, modify_ids, .. } if read_ids.len() > 8 || modify_ids.len() > 8 => {
                    return Some(format!("app {}: FixedSize permissions hold at most 8 read and 8 modify ids", app.name));
                }
                _ => {}
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse;

    const DEFAULT: &str = r#"{"storageLength":8192,"regionSize":2048,"transferLimit":null,"addressWidth":32,"profile":"doc","apps":[{"name":"alpha","shortId":"0x00001001","permissions":{"kind":"self-only","id":"0x00001001"}},{"name":"beta","shortId":4098,"permissions":{"kind":"fixed-size","appId":"4098","write":true,"readModifySelf":false,"readIds":["0x1"],"modifyIds":[]}},{"name":"gamma","shortId":null,"permissions":{"kind":"null"}}]}"#;

    #[test]
    fn reads_the_protocol_example() {
        let config = Configuration::parse(&parse(DEFAULT).unwrap()).unwrap();
        assert_eq!(config.storage_length, 8192);
        assert_eq!(config.region_size, 2048);
        assert_eq!(config.transfer_limit, None);
        assert_eq!(config.apps[0].short_id, Some(0x1001));
        assert_eq!(
            config.apps[1].permissions,
            Permissions::FixedSize { app_id: 4098, write: true, read_modify_self: false, read_ids: vec![1], modify_ids: vec![] }
        );
        assert_eq!(config.apps[2].short_id, None);
        assert_eq!(config.unsupported(&[2048], false), None);
        assert!(config.unsupported(&[2048], true).unwrap().contains("32-bit"));
        assert!(config.unsupported(&[256], false).unwrap().contains("region size 2048"));
    }

    #[test]
    fn names_the_bad_field() {
        let bad = DEFAULT.replace("\"regionSize\":2048", "\"regionSize\":\"big\"");
        let error = Configuration::parse(&parse(&bad).unwrap()).unwrap_err();
        assert!(error.contains("configuration.regionSize"), "{error}");
        let bad = DEFAULT.replace("\"0x00001001\",\"perm", "\"0xZZ\",\"perm");
        let error = Configuration::parse(&parse(&bad).unwrap()).unwrap_err();
        assert!(error.contains("apps[0].shortId"), "{error}");
    }

    #[test]
    fn refuses_what_tock_cannot_build() {
        let mut config = Configuration::parse(&parse(DEFAULT).unwrap()).unwrap();
        config.transfer_limit = Some(8);
        assert!(config.unsupported(&[2048], false).unwrap().contains("12-byte"));
        config.transfer_limit = Some(512);
        config.apps[0].short_id = Some(0);
        assert!(config.unsupported(&[2048], false).unwrap().contains("ShortId 0"));
    }
}
