//! The board's storage-permissions policy: each process gets the permissions its app has in the
//! configuration, computed by the upstream policy that yields exactly them where there is one
//! (`IndividualStoragePermissions`, `TbfHeaderStoragePermissions` reading the TBF header the harness
//! wrote, `NullStoragePermissions`), otherwise by the kernel's own `StoragePermissions` constructors.

use std::num::NonZeroU32;

use capsules_system::storage_permissions::individual::IndividualStoragePermissions;
use capsules_system::storage_permissions::null::NullStoragePermissions;
use capsules_system::storage_permissions::tbf_header::TbfHeaderStoragePermissions;
use kernel::capabilities::{ApplicationStorageCapability, KerneluserStorageCapability};
use kernel::process::{Process, ProcessStandard, ProcessStandardDebugFull, ProcessStandardStoragePermissionsPolicy};
use kernel::storage_permissions::StoragePermissions;

use crate::chip::HostChip;
use crate::config::{App, Permissions};
use crate::tbf::StorageTlv;

/// The board's right to create storage permissions.
#[derive(Clone, Copy)]
pub struct StorageCapability;
unsafe impl ApplicationStorageCapability for StorageCapability {}
unsafe impl KerneluserStorageCapability for StorageCapability {}

/// Which code computes an app's permissions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// `capsules_system::storage_permissions::individual` (SelfOnly of the app's own ShortId).
    Individual,
    /// `capsules_system::storage_permissions::tbf_header`, from the image's StoragePermissions TLV.
    TbfHeader,
    /// `capsules_system::storage_permissions::null`.
    Null,
    /// The kernel's `StoragePermissions` constructors, for permissions no upstream policy produces
    /// (an id other than the app's ShortId, `readModifySelf`, the kernel's permissions).
    Constructor,
}

/// The source of an app's permissions.
pub fn source(app: &App) -> Source {
    match &app.permissions {
        Permissions::Null => Source::Null,
        Permissions::SelfOnly(id) if app.short_id == Some(*id) => Source::Individual,
        Permissions::FixedSize { app_id, read_modify_self: false, .. } if app.short_id == Some(*app_id) => Source::TbfHeader,
        _ => Source::Constructor,
    }
}

/// The StoragePermissions TLV an app's image carries (only when the TBF-header policy reads it).
pub fn storage_tlv(app: &App) -> Option<StorageTlv> {
    match (&app.permissions, source(app)) {
        (Permissions::FixedSize { app_id, write, read_ids, modify_ids, .. }, Source::TbfHeader) => Some(StorageTlv {
            write_id: if *write { *app_id } else { 0 },
            read_ids: read_ids.clone(),
            modify_ids: modify_ids.clone(),
        }),
        _ => None,
    }
}

/// The package name of app `index`'s image; the policy finds the app by it.
pub fn package_name(index: usize) -> String {
    format!("invs-app-{index}")
}

fn list(ids: &[u32]) -> (usize, [u32; 8]) {
    let mut array = [0; 8];
    array[..ids.len()].copy_from_slice(ids);
    (ids.len(), array)
}

/// The policy for one boot.
pub struct BoardPermissions {
    apps: Vec<App>,
    individual: IndividualStoragePermissions<HostChip, ProcessStandardDebugFull, StorageCapability>,
    tbf: TbfHeaderStoragePermissions<HostChip, ProcessStandardDebugFull, StorageCapability>,
    null: NullStoragePermissions<HostChip, ProcessStandardDebugFull>,
}

impl BoardPermissions {
    pub fn new(apps: Vec<App>) -> BoardPermissions {
        BoardPermissions {
            apps,
            individual: IndividualStoragePermissions::new(StorageCapability),
            tbf: TbfHeaderStoragePermissions::new(StorageCapability),
            null: NullStoragePermissions::new(),
        }
    }
}

impl ProcessStandardStoragePermissionsPolicy<HostChip, ProcessStandardDebugFull> for BoardPermissions {
    fn get_permissions(&self, process: &ProcessStandard<HostChip, ProcessStandardDebugFull>) -> StoragePermissions {
        let name = process.get_process_name();
        let Some(app) = (0..self.apps.len()).find(|&i| package_name(i) == name).map(|i| &self.apps[i]) else {
            return StoragePermissions::new_null();
        };
        match (source(app), &app.permissions) {
            (Source::Individual, _) => self.individual.get_permissions(process),
            (Source::TbfHeader, _) => self.tbf.get_permissions(process),
            (Source::Null, _) => self.null.get_permissions(process),
            (Source::Constructor, Permissions::SelfOnly(id)) => match NonZeroU32::new(*id) {
                Some(id) => StoragePermissions::new_self_only(id, &StorageCapability),
                None => StoragePermissions::new_null(),
            },
            (Source::Constructor, Permissions::FixedSize { app_id, write, read_modify_self, read_ids, modify_ids }) => {
                let (read_count, read) = list(read_ids);
                let (modify_count, modify) = list(modify_ids);
                match NonZeroU32::new(*app_id) {
                    Some(id) => StoragePermissions::new_fixed_size(
                        id,
                        *write,
                        *read_modify_self,
                        read_count,
                        read,
                        modify_count,
                        modify,
                        &StorageCapability,
                    ),
                    None => StoragePermissions::new_null(),
                }
            }
            (Source::Constructor, Permissions::Kernel) => StoragePermissions::new_kernel(&StorageCapability),
            (Source::Constructor, Permissions::Null) => StoragePermissions::new_null(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn app(short_id: Option<u32>, permissions: Permissions) -> App {
        App { name: "a".into(), short_id, permissions }
    }

    #[test]
    fn upstream_policies_are_used_where_they_give_the_configured_permissions() {
        assert_eq!(source(&app(Some(5), Permissions::SelfOnly(5))), Source::Individual);
        assert_eq!(source(&app(Some(5), Permissions::SelfOnly(6))), Source::Constructor);
        assert_eq!(source(&app(None, Permissions::SelfOnly(6))), Source::Constructor);
        assert_eq!(source(&app(Some(5), Permissions::Null)), Source::Null);
        assert_eq!(source(&app(Some(5), Permissions::Kernel)), Source::Constructor);
        let fixed = |rms| Permissions::FixedSize { app_id: 5, write: false, read_modify_self: rms, read_ids: vec![5], modify_ids: vec![] };
        assert_eq!(source(&app(Some(5), fixed(false))), Source::TbfHeader);
        assert_eq!(source(&app(Some(5), fixed(true))), Source::Constructor);
        assert_eq!(
            storage_tlv(&app(Some(5), fixed(false))),
            Some(StorageTlv { write_id: 0, read_ids: vec![5], modify_ids: vec![] })
        );
        assert_eq!(storage_tlv(&app(Some(5), Permissions::SelfOnly(5))), None);
    }
}
