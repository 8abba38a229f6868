//! Modification times in the unified header, as GNU diff writes them:
//! `2024-05-01 13:45:10.123456789 +0200`, in the local time zone (`TZ`).

use std::fs::Metadata;
use std::os::unix::fs::MetadataExt;
use std::time::{SystemTime, UNIX_EPOCH};

/// A moment to the nanosecond, as a file's modification time is kept.
#[derive(Clone, Copy, Debug)]
pub struct Timestamp {
    secs: i64,
    nanos: u32,
}

impl Timestamp {
    /// 1970-01-01 00:00:00 UTC: the time GNU diff gives a file that does
    /// not exist.
    pub const EPOCH: Timestamp = Timestamp { secs: 0, nanos: 0 };

    /// When the file was last modified.
    pub fn modified(meta: &Metadata) -> Timestamp {
        Timestamp { secs: meta.mtime(), nanos: meta.mtime_nsec().clamp(0, 999_999_999) as u32 }
    }

    /// What GNU diff shows for standard input: the time it was read.
    pub fn now() -> Timestamp {
        match SystemTime::now().duration_since(UNIX_EPOCH) {
            Ok(d) => Timestamp { secs: d.as_secs() as i64, nanos: d.subsec_nanos() },
            Err(_) => Timestamp { secs: 0, nanos: 0 },
        }
    }

    /// As GNU diff writes it after a name in a unified header.
    pub fn gnu_format(self) -> String {
        let Some(tm) = local(self.secs) else {
            // Out of the range the C library can break down: the raw count,
            // as GNU diff falls back to.
            return format!("{}.{:09}", self.secs, self.nanos);
        };
        let offset = tm.tm_gmtoff;
        let (sign, offset) = if offset < 0 { ('-', -offset) } else { ('+', offset) };
        format!(
            "{:04}-{:02}-{:02} {:02}:{:02}:{:02}.{:09} {sign}{:02}{:02}",
            i64::from(tm.tm_year) + 1900,
            tm.tm_mon + 1,
            tm.tm_mday,
            tm.tm_hour,
            tm.tm_min,
            tm.tm_sec,
            self.nanos,
            offset / 3600,
            offset / 60 % 60,
        )
    }
}

/// `secs` broken down in the local time zone, which the C library reads
/// from `TZ` (or the system's setting).
fn local(secs: i64) -> Option<libc::tm> {
    let t = libc::time_t::try_from(secs).ok()?;
    // SAFETY: `tm` is plain data that `localtime_r` fills in; it reads only
    // `t`. It is the reentrant variant; no command changes `TZ` while
    // it runs.
    unsafe {
        let mut tm: libc::tm = core::mem::zeroed();
        (!libc::localtime_r(&t, &mut tm).is_null()).then_some(tm)
    }
}
