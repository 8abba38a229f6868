//! The conformance vectors (`tests/vectors/`, described in its README.md):
//! reading and writing their files, running one through the C ABI, and the
//! reviewed list of cases they are generated from ([`cases`]). The generator
//! (`gen-vectors`) and the Rust tests share this code.

pub mod cases;

use std::fs;
use std::io;
use std::mem::{offset_of, size_of};
use std::path::{Path, PathBuf};

use fast_diff::Algorithm;
use fast_diff::ffi::{fd_algorithm, fd_buf, fd_free, fd_options, fd_options_init, fd_status, fd_unified_diff};

/// Which `struct_size` a case passes in its `fd_options`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StructSize {
    /// `sizeof(fd_options)` as the caller was compiled.
    Full,
    /// The size of the first version of `fd_options`, which ends with
    /// `deadline_ms`.
    V1,
}

/// The options of a case: every field of `fd_options` a binding can set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VectorOptions {
    pub context_lines: u32,
    pub algorithm: Algorithm,
    /// None leaves the label NULL: the default, `original` / `modified`.
    pub old_label: Option<Vec<u8>>,
    pub new_label: Option<Vec<u8>>,
    pub deadline_ms: u64,
    /// `fd_options.flags`: `FD_FLAG_*` comparison modes.
    pub flags: u32,
    pub struct_size: StructSize,
}

impl Default for VectorOptions {
    fn default() -> Self {
        VectorOptions {
            context_lines: 3,
            algorithm: Algorithm::Myers,
            old_label: None,
            new_label: None,
            deadline_ms: 0,
            flags: 0,
            struct_size: StructSize::Full,
        }
    }
}

/// A case: two inputs and options, with the expected result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Vector {
    pub name: String,
    pub old: Vec<u8>,
    pub new: Vec<u8>,
    pub options: VectorOptions,
    /// The unified diff, or the failing status.
    pub expected: Result<Vec<u8>, fd_status>,
}

const ALGORITHMS: [(Algorithm, &str, fd_algorithm); 3] = [
    (Algorithm::Myers, "myers", fd_algorithm::FD_ALGORITHM_MYERS),
    (Algorithm::Histogram, "histogram", fd_algorithm::FD_ALGORITHM_HISTOGRAM),
    (Algorithm::Patience, "patience", fd_algorithm::FD_ALGORITHM_PATIENCE),
];

const STATUSES: [(fd_status, &str); 5] = [
    (fd_status::FD_OK, "FD_OK"),
    (fd_status::FD_ERR_NULL_ARGUMENT, "FD_ERR_NULL_ARGUMENT"),
    (fd_status::FD_ERR_INVALID_OPTIONS, "FD_ERR_INVALID_OPTIONS"),
    (fd_status::FD_ERR_INPUT_TOO_LARGE, "FD_ERR_INPUT_TOO_LARGE"),
    (fd_status::FD_ERR_INTERNAL, "FD_ERR_INTERNAL"),
];

/// The name of a status a case may expect, as its `error` file holds it.
pub fn status_name(status: fd_status) -> &'static str {
    STATUSES.iter().find(|(s, _)| *s == status).map(|(_, n)| *n).unwrap()
}

fn invalid(what: String) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, what)
}

/// The `options` file: `key=value` lines, every key exactly once.
fn options_text(o: &VectorOptions) -> String {
    let algorithm = ALGORITHMS.iter().find(|(a, ..)| *a == o.algorithm).unwrap().1;
    let struct_size = match o.struct_size {
        StructSize::Full => "full",
        StructSize::V1 => "v1",
    };
    format!(
        "context_lines={}\nalgorithm={algorithm}\ndeadline_ms={}\nflags={}\nstruct_size={struct_size}\n",
        o.context_lines, o.deadline_ms, o.flags
    )
}

fn parse_options(text: &str) -> Result<VectorOptions, String> {
    let mut o = VectorOptions::default();
    let mut seen = Vec::new();
    for line in text.lines() {
        let (key, value) = line.split_once('=').ok_or(format!("not key=value: {line:?}"))?;
        if seen.contains(&key) {
            return Err(format!("{key} twice"));
        }
        seen.push(key);
        let number = |v: &str| v.parse::<u64>().map_err(|e| format!("{key}: {e}"));
        match key {
            "context_lines" => o.context_lines = u32::try_from(number(value)?).map_err(|e| e.to_string())?,
            "deadline_ms" => o.deadline_ms = number(value)?,
            "flags" => o.flags = u32::try_from(number(value)?).map_err(|e| e.to_string())?,
            "algorithm" => {
                o.algorithm = ALGORITHMS.iter().find(|(_, n, _)| *n == value).ok_or(format!("algorithm {value:?}"))?.0
            }
            "struct_size" => {
                o.struct_size = match value {
                    "full" => StructSize::Full,
                    "v1" => StructSize::V1,
                    _ => return Err(format!("struct_size {value:?}")),
                }
            }
            _ => return Err(format!("unknown key {key:?}")),
        }
    }
    if seen.len() != 5 {
        return Err(format!("keys {seen:?}: want context_lines, algorithm, deadline_ms, flags and struct_size"));
    }
    Ok(o)
}

/// Writes `v` into `dir/<name>/`.
pub fn write(dir: &Path, v: &Vector) -> io::Result<()> {
    let case = dir.join(&v.name);
    fs::create_dir_all(&case)?;
    fs::write(case.join("old"), &v.old)?;
    fs::write(case.join("new"), &v.new)?;
    fs::write(case.join("options"), options_text(&v.options))?;
    for (file, label) in [("old_label", &v.options.old_label), ("new_label", &v.options.new_label)] {
        if let Some(label) = label {
            fs::write(case.join(file), label)?;
        }
    }
    match &v.expected {
        Ok(diff) => fs::write(case.join("expected"), diff),
        Err(status) => fs::write(case.join("error"), format!("{}\n", status_name(*status))),
    }
}

/// Where the committed vectors are: `tests/vectors` of the repository.
pub fn committed_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors")
}

/// Every case under `dir`, by name.
pub fn read_all(dir: &Path) -> io::Result<Vec<Vector>> {
    let mut names = Vec::new();
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        if entry.file_type()?.is_dir() {
            names.push(entry.file_name().into_string().map_err(|n| invalid(format!("case name {n:?}")))?);
        }
    }
    names.sort();
    names.into_iter().map(|name| read(dir, &name)).collect()
}

fn read(dir: &Path, name: &str) -> io::Result<Vector> {
    let case = dir.join(name);
    let optional = |file: &str| match fs::read(case.join(file)) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    };
    let options_file = String::from_utf8(fs::read(case.join("options"))?).map_err(|e| invalid(e.to_string()))?;
    let mut options = parse_options(&options_file).map_err(|e| invalid(format!("{name}/options: {e}")))?;
    options.old_label = optional("old_label")?;
    options.new_label = optional("new_label")?;
    let expected = match (optional("expected")?, optional("error")?) {
        (Some(diff), None) => Ok(diff),
        (None, Some(error)) => {
            let error = String::from_utf8_lossy(&error);
            let error = error.trim_end_matches('\n');
            let status =
                STATUSES.iter().find(|(_, n)| *n == error).ok_or(invalid(format!("{name}/error: {error:?}")))?;
            Err(status.0)
        }
        _ => return Err(invalid(format!("{name}: needs exactly one of expected and error"))),
    };
    Ok(Vector {
        name: name.to_string(),
        old: fs::read(case.join("old"))?,
        new: fs::read(case.join("new"))?,
        options,
        expected,
    })
}

/// The size of the first version of `fd_options`.
pub const FD_OPTIONS_V1_SIZE: u32 = (offset_of!(fd_options, deadline_ms) + size_of::<u64>()) as u32;

/// The case's inputs through `fd_unified_diff`, with a real `fd_options`.
pub fn through_c_abi(v: &Vector) -> Result<Vec<u8>, fd_status> {
    let o = &v.options;
    let mut options = std::mem::MaybeUninit::<fd_options>::uninit();
    // SAFETY: fd_options_init writes every field.
    let mut options = unsafe {
        fd_options_init(options.as_mut_ptr());
        options.assume_init()
    };
    options.struct_size = match o.struct_size {
        StructSize::Full => size_of::<fd_options>() as u32,
        StructSize::V1 => FD_OPTIONS_V1_SIZE,
    };
    options.context_lines = o.context_lines;
    options.algorithm = ALGORITHMS.iter().find(|(a, ..)| *a == o.algorithm).unwrap().2 as u32;
    options.deadline_ms = o.deadline_ms;
    options.flags = o.flags;
    if let Some(label) = &o.old_label {
        (options.old_label, options.old_label_len) = (label.as_ptr(), label.len());
    }
    if let Some(label) = &o.new_label {
        (options.new_label, options.new_label_len) = (label.as_ptr(), label.len());
    }
    let mut out = fd_buf { ptr: std::ptr::null_mut(), len: 0 };
    // SAFETY: every buffer is a live slice and `options` was initialised.
    let status =
        unsafe { fd_unified_diff(v.old.as_ptr(), v.old.len(), v.new.as_ptr(), v.new.len(), &options, &mut out) };
    if status != fd_status::FD_OK {
        return Err(status);
    }
    let diff =
        if out.ptr.is_null() { Vec::new() } else { unsafe { std::slice::from_raw_parts(out.ptr, out.len) }.to_vec() };
    // SAFETY: `out` was filled by the library.
    unsafe { fd_free(&mut out) };
    Ok(diff)
}
