//! Tock Binary Format (TBF version 2) images of the scripted apps, for the kernel's own loader: a
//! main header, the package name, the kernel version the app needs, the app's fixed ShortId (if it
//! has one) and its storage permissions (when the board's TBF-header policy is to read them).

/// Bytes of the app "program" after the header: never executed, only a valid target for function
/// pointers (the entry point and upcalls point into it).
pub const BODY_LENGTH: usize = 64;

/// Storage permissions as written in a TBF header (TLV type 7).
#[derive(Clone, Debug, PartialEq)]
pub struct StorageTlv {
    pub write_id: u32,
    pub read_ids: Vec<u32>,
    pub modify_ids: Vec<u32>,
}

/// What one image says about its app.
#[derive(Clone, Debug)]
pub struct AppImage {
    pub name: String,
    pub short_id: Option<u32>,
    pub storage: Option<StorageTlv>,
    pub minimum_ram: u32,
    pub kernel_version: (u16, u16),
}

fn tlv(out: &mut Vec<u8>, kind: u16, value: &[u8]) {
    out.extend_from_slice(&kind.to_le_bytes());
    out.extend_from_slice(&(value.len() as u16).to_le_bytes());
    out.extend_from_slice(value);
    while out.len() % 4 != 0 {
        out.push(0);
    }
}

impl AppImage {
    /// The image: header and body, its length a multiple of 4.
    pub fn encode(&self) -> Vec<u8> {
        let mut tlvs = Vec::new();
        let mut main = Vec::new();
        main.extend_from_slice(&0u32.to_le_bytes()); // init_fn_offset: the start of the body
        main.extend_from_slice(&0u32.to_le_bytes()); // protected_trailer_size
        main.extend_from_slice(&self.minimum_ram.to_le_bytes());
        tlv(&mut tlvs, 1, &main);
        tlv(&mut tlvs, 3, self.name.as_bytes());
        let mut version = Vec::new();
        version.extend_from_slice(&self.kernel_version.0.to_le_bytes());
        version.extend_from_slice(&self.kernel_version.1.to_le_bytes());
        tlv(&mut tlvs, 8, &version);
        if let Some(id) = self.short_id {
            tlv(&mut tlvs, 10, &id.to_le_bytes());
        }
        if let Some(storage) = &self.storage {
            let mut value = Vec::new();
            value.extend_from_slice(&storage.write_id.to_le_bytes());
            value.extend_from_slice(&(storage.read_ids.len() as u16).to_le_bytes());
            storage.read_ids.iter().for_each(|id| value.extend_from_slice(&id.to_le_bytes()));
            value.extend_from_slice(&(storage.modify_ids.len() as u16).to_le_bytes());
            storage.modify_ids.iter().for_each(|id| value.extend_from_slice(&id.to_le_bytes()));
            tlv(&mut tlvs, 7, &value);
        }
        let header_length = 16 + tlvs.len();
        let total = header_length + BODY_LENGTH;
        let mut image = Vec::with_capacity(total);
        image.extend_from_slice(&2u16.to_le_bytes()); // TBF version
        image.extend_from_slice(&(header_length as u16).to_le_bytes());
        image.extend_from_slice(&(total as u32).to_le_bytes());
        image.extend_from_slice(&1u32.to_le_bytes()); // flags: enabled
        image.extend_from_slice(&0u32.to_le_bytes()); // checksum, below
        image.extend_from_slice(&tlvs);
        let checksum = image
            .chunks(4)
            .enumerate()
            .filter(|(i, _)| *i != 3)
            .fold(0u32, |acc, (_, word)| acc ^ u32::from_le_bytes(word.try_into().expect("4-byte words")));
        image[12..16].copy_from_slice(&checksum.to_le_bytes());
        image.resize(total, 0);
        image
    }
}

/// The apps' flash: every image back to back, then bytes that end the list (TBF version 0).
pub fn app_flash(images: &[AppImage]) -> Vec<u8> {
    let mut flash: Vec<u8> = images.iter().flat_map(AppImage::encode).collect();
    flash.extend_from_slice(&[0; 16]);
    flash
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_a_header_the_tbf_parser_accepts() {
        let image = AppImage {
            name: "invs-app-0".into(),
            short_id: Some(0x1001),
            storage: Some(StorageTlv { write_id: 0x1001, read_ids: vec![0x1001, 7], modify_ids: vec![0x1001] }),
            minimum_ram: 8192,
            kernel_version: (2, 3),
        }
        .encode();
        let lengths: [u8; 8] = image[0..8].try_into().unwrap();
        let (version, header_length, total) = tock_tbf_lengths(&lengths);
        assert_eq!((version, total as usize), (2, image.len()));
        let header = tock_tbf::parse::parse_tbf_header(&image[..header_length as usize], 2).unwrap();
        assert!(header.is_app() && header.enabled());
        assert_eq!(header.get_package_name(), Some("invs-app-0"));
        assert_eq!(header.get_kernel_version(), Some((2, 3)));
        assert_eq!(header.get_minimum_app_ram_size(), 8192);
        assert_eq!(header.get_storage_write_id().map(|id| id.get()), Some(0x1001));
        let (count, ids) = header.get_storage_read_ids().unwrap();
        assert_eq!(&ids[..count], &[0x1001, 7]);
    }

    fn tock_tbf_lengths(bytes: &[u8; 8]) -> (u16, u16, u32) {
        tock_tbf::parse::parse_tbf_header_lengths(bytes).map_err(|_| "unparsable").unwrap()
    }
}
