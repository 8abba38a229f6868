//! The `fast-diff` command, run as a program: its output bytes and exit
//! status against GNU diff's on the same files, its diffs applied by GNU
//! patch, `--stat` against `git diff --no-index --stat`, and `--json` and
//! `--word-diff` against the library. GNU diff, GNU patch and git must be
//! installed (`.ci/run` installs them).

mod common;

use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::path::Path;
use std::process::{Command, Stdio};

use base64::Engine as _;
use common::Outcome;
use common::scratch::Scratch;
use fast_diff::{DiffOptions, LineKind, Modes, diff_lines};

const FAST_DIFF: &str = env!("CARGO_BIN_EXE_fast-diff");

/// Runs `program` in `dir` with a fixed time zone and the C locale (GNU
/// diff's messages in English), feeding `stdin`.
fn run(program: &str, dir: &Path, args: &[&OsStr], stdin: &[u8], env: &[(&str, &str)]) -> Outcome {
    let mut child = Command::new(program)
        .current_dir(dir)
        .args(args)
        .env("TZ", "UTC0")
        .env("LC_ALL", "C")
        .envs(env.iter().copied())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run {program}: {e} (is it installed?)"));
    // A program may exit before reading its input (a bad option): a broken
    // pipe here is not the test's concern.
    let _ = std::io::Write::write_all(child.stdin.as_mut().unwrap(), stdin);
    drop(child.stdin.take());
    let out = child.wait_with_output().unwrap();
    Outcome { code: out.status.code().expect("exited, not killed"), stdout: out.stdout, stderr: out.stderr }
}

fn os<'a>(args: &[&'a str]) -> Vec<&'a OsStr> {
    args.iter().map(|&a| OsStr::new(a)).collect()
}

fn fast_diff(dir: &Path, args: &[&str]) -> Outcome {
    run(FAST_DIFF, dir, &os(args), b"", &[])
}

/// GNU diff's outcome, its messages spoken as fast-diff's.
fn gnu_diff(dir: &Path, args: &[&OsStr], stdin: &[u8], env: &[(&str, &str)]) -> Outcome {
    let mut out = run("diff", dir, args, stdin, env);
    let stderr = String::from_utf8(out.stderr).unwrap();
    out.stderr = stderr
        .replace("diff: ", "fast-diff: ")
        .replace("'diff --help'", "'fast-diff --help'")
        .replace("after 'diff'", "after 'fast-diff'")
        .into_bytes();
    out
}

/// Both programs on the same arguments must give the same bytes on stdout
/// and stderr and the same exit status. (GNU diff needs `-u` or `-U` among
/// them for a unified diff; for fast-diff it is the default.)
fn same_as_gnu(dir: &Path, args: &[&OsStr], stdin: &[u8], env: &[(&str, &str)]) -> Outcome {
    let ours = run(FAST_DIFF, dir, args, stdin, env);
    let gnu = gnu_diff(dir, args, stdin, env);
    assert_eq!(
        (ours.code, ours.text(), String::from_utf8_lossy(&ours.stderr)),
        (gnu.code, gnu.text(), String::from_utf8_lossy(&gnu.stderr)),
        "fast-diff (left) and GNU diff (right) on {args:?}"
    );
    ours
}

/// GNU patch applied to `old`: the patched bytes.
fn patch(dir: &Path, old: &[u8], diff: &[u8]) -> Vec<u8> {
    std::fs::write(dir.join("patched"), old).unwrap();
    std::fs::write(dir.join("d.patch"), diff).unwrap();
    let out = Command::new("patch")
        .current_dir(dir)
        .args(["--quiet", "--force", "--fuzz=0", "patched", "d.patch"])
        .output()
        .expect("GNU patch is installed");
    assert!(
        out.status.success(),
        "patch refused:\n{}{}",
        String::from_utf8_lossy(diff),
        String::from_utf8_lossy(&out.stdout)
    );
    std::fs::read(dir.join("patched")).unwrap()
}

struct Case {
    name: &'static str,
    old: &'static [u8],
    new: &'static [u8],
    options: &'static [&'static str],
    /// 0 same, 1 different.
    status: i32,
}

const LETTERS: &[u8] = b"a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\nn\no\np\n";

/// Each case's diff has one right answer (a unique minimal diff), so GNU
/// diff's bytes are the bytes fast-diff must write.
const CASES: &[Case] = &[
    Case { name: "one line replaced", old: b"a\nb\nc\n", new: b"a\nx\nc\n", options: &["-u"], status: 1 },
    Case {
        name: "inserted at the top, removed at the end",
        old: b"b\nc\nd\n",
        new: b"a\nb\nc\n",
        options: &["-u"],
        status: 1,
    },
    Case {
        name: "two hunks",
        old: LETTERS,
        new: b"a\nB\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\nn\nO\np\n",
        options: &["-u"],
        status: 1,
    },
    Case { name: "empty old", old: b"", new: b"x\ny\n", options: &["-u"], status: 1 },
    Case { name: "empty new", old: b"x\ny\n", new: b"", options: &["-u"], status: 1 },
    Case { name: "both empty", old: b"", new: b"", options: &["-u"], status: 0 },
    Case { name: "identical", old: LETTERS, new: LETTERS, options: &["-u"], status: 0 },
    Case { name: "old has no final newline", old: b"a\nb", new: b"a\nb\n", options: &["-u"], status: 1 },
    Case { name: "new has no final newline", old: b"a\nb\n", new: b"a\nb", options: &["-u"], status: 1 },
    Case { name: "neither has a final newline", old: b"x\ny", new: b"x\nz", options: &["-u"], status: 1 },
    Case { name: "unchanged last line without newline", old: b"x\ny\nz", new: b"w\ny\nz", options: &["-u"], status: 1 },
    Case {
        name: "context 0",
        old: LETTERS,
        new: b"a\nB\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\nn\nO\np\n",
        options: &["-U0"],
        status: 1,
    },
    Case { name: "context 0, insertion only", old: b"a\nb\n", new: b"a\nx\nb\n", options: &["-U", "0"], status: 1 },
    Case {
        name: "context 1 splits",
        old: LETTERS,
        new: b"a\nb\nC\nd\ne\nf\nG\nh\ni\nj\nk\nl\nm\nn\no\np\n",
        options: &["-U1"],
        status: 1,
    },
    Case {
        name: "context 2 merges",
        old: LETTERS,
        new: b"a\nb\nC\nd\ne\nf\nG\nh\ni\nj\nk\nl\nm\nn\no\np\n",
        options: &["--unified=2"],
        status: 1,
    },
    Case {
        name: "context larger than the file",
        old: b"a\nb\nc\n",
        new: b"a\nB\nc\n",
        options: &["-U", "100"],
        status: 1,
    },
    Case { name: "CRLF", old: b"a\r\nb\r\nc\r\n", new: b"a\r\nB\r\nc\r\n", options: &["-u"], status: 1 },
    Case { name: "CRLF to LF", old: b"a\r\nb\r\n", new: b"a\nb\n", options: &["-u"], status: 1 },
    Case {
        name: "NUL and invalid UTF-8, as text",
        old: b"a\0b\n\xff\xfe\nc\n",
        new: b"a\0B\n\xff\xfe\nc\n",
        options: &["-u", "-a"],
        status: 1,
    },
    Case {
        name: "lines that look like a diff",
        old: b"--- a\n+++ b\n@@ -1 +1 @@\n",
        new: b"--- a\n+++ c\n@@ -1 +1 @@\n",
        options: &["-u"],
        status: 1,
    },
    Case {
        name: "-b",
        old: b"int  x;\nif (a) \ny = 1;\nz\n",
        new: b"int x;\nif (a)\ny = 2;\nz\n",
        options: &["-u", "-b"],
        status: 1,
    },
    Case { name: "-b, white space only", old: b"a  b\nc\t\n", new: b"a b\nc\n", options: &["-u", "-b"], status: 0 },
    Case {
        name: "-w",
        old: b"if(x)\n{\nreturn 1;\n}\n",
        new: b"if (x)\n{ \nreturn 2;\n}\n",
        options: &["-u", "-w"],
        status: 1,
    },
    Case { name: "-i", old: b"Hello\nWorld\nbye\n", new: b"HELLO\nthere\nBYE\n", options: &["-u", "-i"], status: 1 },
    Case {
        name: "-B hides blank-only hunks",
        old: LETTERS,
        new: b"a\n\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\nn\nO\np\n",
        options: &["-u", "-B"],
        status: 1,
    },
    Case { name: "-B, blank lines only", old: b"a\nb\n", new: b"a\n\n\nb\n", options: &["-u", "-B"], status: 0 },
    Case {
        name: "-B with a real change beside",
        old: b"a\nb\nc\n",
        new: b"a\n\nB\nc\n",
        options: &["-u", "-B"],
        status: 1,
    },
    Case {
        name: "modes combined",
        old: b"A  b\n\nc\nd\n",
        new: b"a b\nC\nD \ne\n",
        options: &["-U1", "-i", "-b", "-B"],
        status: 1,
    },
    Case { name: "bundled options", old: b"Int  x;\ny\n", new: b"int x;\nz\n", options: &["-ibU0"], status: 1 },
    Case {
        name: "--ignore-all-space",
        old: b"if(x)\n{\nreturn 1;\n}\n",
        new: b"if (x)\n{ \nreturn 2;\n}\n",
        options: &["-u", "--ignore-all-space"],
        status: 1,
    },
    Case {
        name: "--ignore-all-space, white space only",
        old: b"a b\n\tc\n",
        new: b"ab\nc \n",
        options: &["-u", "--ignore-all-space"],
        status: 0,
    },
    Case {
        name: "--ignore-blank-lines",
        old: LETTERS,
        new: b"a\n\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\nn\nO\np\n",
        options: &["-u", "--ignore-blank-lines"],
        status: 1,
    },
    Case {
        name: "--ignore-blank-lines, blank only",
        old: b"a\n",
        new: b"\na\n\n",
        options: &["-u", "--ignore-blank-lines"],
        status: 0,
    },
    Case { name: "--text on NUL bytes", old: b"a\0\nb\n", new: b"a\0\nc\n", options: &["-u", "--text"], status: 1 },
    Case { name: "binary without --text", old: b"a\0\nb\n", new: b"a\0\nc\n", options: &["-u"], status: 1 },
    Case { name: "-q, different", old: b"a\n", new: b"b\n", options: &["-q"], status: 1 },
    Case { name: "-q, same", old: b"a\n", new: b"a\n", options: &["--brief"], status: 0 },
    Case { name: "-q -b, white space only", old: b"a  b\n", new: b"a b\n", options: &["-q", "-b"], status: 0 },
    Case { name: "-q -B, blank lines only", old: b"a\n", new: b"a\n\n", options: &["-q", "-B"], status: 0 },
    Case { name: "-q -i, different", old: b"a\n", new: b"b\n", options: &["-qi"], status: 1 },
];

#[test]
fn output_and_exit_status_match_gnu_diff() {
    let scratch = Scratch::new("cli-gnu");
    let dir = &scratch.0;
    for case in CASES {
        std::fs::write(dir.join("old"), case.old).unwrap();
        std::fs::write(dir.join("new"), case.new).unwrap();
        let mut args = os(case.options);
        args.extend(os(&["--label", "a/file", "--label", "b/file", "old", "new"]));
        let out = same_as_gnu(dir, &args, b"", &[]);
        assert_eq!(out.code, case.status, "{}", case.name);
        // Where there is a diff, GNU patch turns the old file into one that
        // equals the new file under the same modes (the new file itself
        // when there are none).
        let binary = case.old.contains(&0) && !case.options.iter().any(|o| *o == "--text" || *o == "-a");
        if out.code == 1 && !binary && !case.options.iter().any(|o| o.starts_with("-q") || *o == "--brief") {
            let patched = patch(dir, case.old, &out.stdout);
            let long_mode = ["--ignore-all-space", "--ignore-blank-lines", "--ignore-space-change", "--ignore-case"];
            let is_mode = |o: &&str| {
                long_mode.contains(o)
                    || (!o.starts_with("--") && o.starts_with('-') && o[1..].contains(['b', 'w', 'B', 'i']))
            };
            let modes: Vec<&str> = case.options.iter().copied().filter(is_mode).collect();
            if modes.is_empty() {
                assert_eq!(patched, case.new, "{}: patched", case.name);
            } else {
                std::fs::write(dir.join("patched"), &patched).unwrap();
                let mut args = os(&modes);
                args.extend(os(&["-q", "patched", "new"]));
                assert_eq!(gnu_diff(dir, &args, b"", &[]).code, 0, "{}: patched equals new under {modes:?}", case.name);
            }
        }
    }
}

#[test]
fn unified_is_the_default_output() {
    let scratch = Scratch::new("cli-default");
    std::fs::write(scratch.0.join("old"), b"a\nb\n").unwrap();
    std::fs::write(scratch.0.join("new"), b"a\nc\n").unwrap();
    let plain = fast_diff(&scratch.0, &["old", "new"]);
    assert_eq!(plain.code, 1);
    assert_eq!(plain, fast_diff(&scratch.0, &["-u", "old", "new"]));
    assert!(plain.text().contains("@@ -1,2 +1,2 @@\n a\n-b\n+c\n"), "{}", plain.text());
}

#[test]
fn headers_name_the_files_and_their_times_as_gnu_diff_does() {
    let scratch = Scratch::new("cli-headers");
    let dir = &scratch.0;
    // Names that GNU diff quotes in headers, and one it does not.
    let names: [&[u8]; 4] = [b"plain.txt", b"with space", b"caf\xc3\xa9", b"tab\there"];
    for (i, name) in names.iter().enumerate() {
        std::fs::write(dir.join(OsStr::from_bytes(name)), format!("line\n{i}\n")).unwrap();
    }
    std::fs::write(dir.join("other"), b"line\nother\n").unwrap();
    // Time zones given as POSIX rules need no time zone database.
    for tz in ["UTC0", "XST-5:30", "YST+3:15"] {
        for name in names {
            same_as_gnu(dir, &[OsStr::new("-u"), OsStr::from_bytes(name), OsStr::new("other")], b"", &[("TZ", tz)]);
        }
    }
    // One label: the other file keeps its name and time.
    same_as_gnu(dir, &os(&["-u", "--label", "L", "plain.txt", "other"]), b"", &[]);
}

#[test]
fn standard_input_and_directories_as_operands() {
    let scratch = Scratch::new("cli-stdin");
    let dir = &scratch.0;
    std::fs::write(dir.join("old"), b"a\nb\nc\n").unwrap();
    std::fs::write(dir.join("new"), b"a\nB\nc\n").unwrap();
    std::fs::create_dir(dir.join("sub")).unwrap();
    std::fs::write(dir.join("sub").join("old"), b"a\nb\nC\n").unwrap();
    let labels = ["-u", "--label", "x", "--label", "y"];
    for (operands, stdin) in [
        (["-", "new"], &b"a\nb\nc\n"[..]),
        (["old", "-"], b"z\nb\nc"),
        (["-", "-"], b"same\n"),
        (["old", "sub"], b""),
        (["sub", "old"], b""),
    ] {
        let mut args = os(&labels);
        args.extend(os(&operands));
        same_as_gnu(dir, &args, stdin, &[]);
        // -q names the files, not the labels: nothing to hide there.
        same_as_gnu(dir, &os(&["-q", operands[0], operands[1]]), stdin, &[]);
    }
    // A regular file on standard input (which fast-diff maps) is read from
    // its current offset, as GNU diff reads it.
    let from_offset = |program: &str| {
        let mut file = std::fs::File::open(dir.join("old")).unwrap();
        std::io::Seek::seek(&mut file, std::io::SeekFrom::Start(2)).unwrap();
        let out = Command::new(program).current_dir(dir).args(["-U0", "-", "new"]).stdin(file).output().unwrap();
        // Standard input is dated when it is read: only the hunks compare.
        (out.status.code(), out.stdout)
    };
    let header_free = |diff: &[u8]| String::from_utf8_lossy(diff).lines().skip(2).collect::<Vec<_>>().join("\n");
    let ours = from_offset(FAST_DIFF);
    assert_eq!((ours.0, header_free(&ours.1)), (Some(1), header_free(&from_offset("diff").1)));
    assert!(String::from_utf8_lossy(&ours.1).ends_with("\n-b\n+a\n+B\n"), "{}", String::from_utf8_lossy(&ours.1));
}

#[test]
fn trouble_is_reported_as_gnu_diff_reports_it() {
    let scratch = Scratch::new("cli-trouble");
    let dir = &scratch.0;
    std::fs::write(dir.join("old"), b"a\n").unwrap();
    std::fs::write(dir.join("new"), b"b\n").unwrap();
    for args in [
        &["-u", "missing", "new"][..],
        &["old", "missing"],
        &["-z", "old", "new"],
        &["--frobnicate", "old", "new"],
        &["--brief=yes", "old", "new"],
        &["old"],
        &[],
        &["old", "new", "extra"],
        &["-U", "many", "old", "new"],
        &["old", "new", "-U"],
        &["old", "new", "--label"],
        &["--label", "1", "--label", "2", "--label", "3", "old", "new"],
        &["-", "."],
    ] {
        let out = same_as_gnu(dir, &os(args), b"", &[]);
        assert_eq!(out.code, 2, "{args:?}");
    }
}

#[test]
fn trouble_beyond_gnu_diff() {
    let scratch = Scratch::new("cli-trouble-more");
    let dir = &scratch.0;
    std::fs::write(dir.join("old"), b"a\n").unwrap();
    std::fs::write(dir.join("new"), b"b\n").unwrap();
    std::fs::create_dir(dir.join("d1")).unwrap();
    std::fs::create_dir(dir.join("d2")).unwrap();
    let refused = |args: &[&str], message: &str| {
        let out = fast_diff(dir, args);
        assert_eq!(out.code, 2, "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.starts_with(&format!("fast-diff: {message}")), "{args:?}: {stderr}");
    };
    refused(&["--json", "d1", "d2"], "d1 and d2 are both directories: --stat, --json and --html compare two files");
    refused(&["--html", "d1", "d2"], "d1 and d2 are both directories: --stat, --json and --html compare two files");
    refused(&["--label", "two\nlines", "old", "new"], "a label contains a line break");
    refused(&["--stat", "--json", "old", "new"], "conflicting output style options");
    refused(&["-q", "--stat", "old", "new"], "conflicting output style options");
    refused(&["--algorithm=quick", "old", "new"], "invalid argument 'quick' for '--algorithm'");
    refused(&["--word-diff=lines", "old", "new"], "invalid argument 'lines' for '--word-diff'");
    refused(&["--deadline-ms=-1", "old", "new"], "invalid deadline '-1'");
    // A write that fails is trouble too.
    let full = Command::new(FAST_DIFF)
        .current_dir(dir)
        .args(["old", "new"])
        .stdout(std::fs::File::create("/dev/full").unwrap())
        .output()
        .unwrap();
    assert_eq!(full.status.code(), Some(2));
    assert_eq!(String::from_utf8_lossy(&full.stderr), "fast-diff: standard output: No space left on device\n");
}

#[test]
fn help_and_version() {
    let dir = std::env::temp_dir();
    let help = fast_diff(&dir, &["--help"]);
    assert_eq!(help.code, 0);
    assert!(help.text().starts_with("Usage: fast-diff [OPTION]... OLD NEW\n"));
    for option in [
        "--unified",
        "--label",
        "--ignore-space-change",
        "--stat",
        "--json",
        "--word-diff",
        "--algorithm",
        "--deadline-ms",
    ] {
        assert!(help.text().contains(option), "--help mentions {option}");
    }
    let version = fast_diff(&dir, &["--version"]);
    assert_eq!((version.code, version.text()), (0, format!("fast-diff {}\n", env!("CARGO_PKG_VERSION"))));
}

/// Under --strip-trailing-cr GNU diff prints lines without their CR; fast-diff
/// prints the real lines, so that its diff applies to the real old file.
#[test]
fn strip_trailing_cr_shows_real_lines() {
    let scratch = Scratch::new("cli-cr");
    let dir = &scratch.0;
    let old = b"one\r\ntwo\r\nthree\r\nfour\r\n";
    let new = b"one\ntwo\nTHREE\nfour\n";
    std::fs::write(dir.join("old"), old).unwrap();
    std::fs::write(dir.join("new"), new).unwrap();
    let args = os(&["-u", "--strip-trailing-cr", "--label", "a", "--label", "b", "old", "new"]);
    let ours = run(FAST_DIFF, dir, &args, b"", &[]);
    let gnu = gnu_diff(dir, &args, b"", &[]);
    assert_eq!((ours.code, gnu.code), (1, 1));
    assert_eq!(ours.text(), "--- a\n+++ b\n@@ -1,4 +1,4 @@\n one\r\n two\r\n-three\r\n+THREE\n four\r\n");
    assert_eq!(ours.text().replace('\r', ""), gnu.text(), "the same diff, but for the CRs");
    assert_eq!(patch(dir, old, &ours.stdout), b"one\r\ntwo\r\nTHREE\nfour\r\n");
    // Line ends alone are no difference.
    std::fs::write(dir.join("new"), b"one\ntwo\nthree\nfour\n").unwrap();
    assert_eq!(same_as_gnu(dir, &args, b"", &[]).code, 0);
}

#[test]
fn every_algorithm_and_a_deadline_give_diffs_that_apply() {
    let scratch = Scratch::new("cli-algorithms");
    let dir = &scratch.0;
    let mut rng = common::Rng(0xc11_d1ff);
    for round in 0..6 {
        let old = common::awkward_text(&mut rng, 40 + round * 30);
        let new = common::edit(&mut rng, &old);
        std::fs::write(dir.join("old"), &old).unwrap();
        std::fs::write(dir.join("new"), &new).unwrap();
        for options in [
            &["--algorithm=myers"][..],
            &["--algorithm", "histogram", "-U1"],
            &["--alg=patience", "-U0"],
            &["--deadline-ms", "1"],
        ] {
            // The texts hold NUL bytes: -a diffs them as text.
            let mut args = options.to_vec();
            args.extend(["-a", "old", "new"]);
            let out = fast_diff(dir, &args);
            assert_eq!(out.code, i32::from(old != new), "{args:?}");
            if out.code == 1 {
                assert_eq!(patch(dir, &old, &out.stdout), new, "round {round}, {args:?}");
            }
        }
    }
}

#[test]
fn json_carries_the_hunks_and_stats_of_the_library() {
    let scratch = Scratch::new("cli-json");
    let dir = &scratch.0;
    // Old text, new text, options, and the modes those options are.
    type JsonCase<'a> = (&'a [u8], &'a [u8], &'a [&'a str], Modes);
    let cases: &[JsonCase] = &[
        (LETTERS, b"a\nB\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\nn\nO\np\nq", &["-U1"], Modes::NONE),
        (b"", b"new\nfile\n", &[], Modes::NONE),
        (b"gone\n", b"", &["-U0"], Modes::NONE),
        (
            b"text \"quoted\"\t\\\nbad \xff\xfe bytes\nnul\0\r\nend",
            b"text \"quoted\"\t\\\nbad \xfe\xff bytes\nnul\0\r\nEND",
            &[],
            Modes::NONE,
        ),
        (
            b"Caf\xc3\xa9  au lait\nx\n",
            b"caf\xc3\xa9 au lait\ny\n",
            &["-i", "-b"],
            Modes::IGNORE_CASE | Modes::IGNORE_SPACE_CHANGE,
        ),
        (b"same\n", b"same\n", &[], Modes::NONE),
    ];
    let b64 = base64::engine::general_purpose::STANDARD;
    let bytes_of = |value: &serde_json::Value, field: &str| -> Vec<u8> {
        match (value.get(field), value.get(format!("{field}_base64"))) {
            (Some(text), None) => text.as_str().unwrap().as_bytes().to_vec(),
            (None, Some(encoded)) => {
                let decoded = b64.decode(encoded.as_str().unwrap()).unwrap();
                assert!(std::str::from_utf8(&decoded).is_err(), "base64 only for what is not UTF-8");
                decoded
            }
            other => panic!("{field}: exactly one of text and base64 expected, got {other:?}"),
        }
    };
    for (old, new, options, modes) in cases {
        std::fs::write(dir.join("old"), old).unwrap();
        std::fs::write(dir.join(OsStr::from_bytes(b"new\xff")), new).unwrap();
        let mut args = os(&["--json"]);
        args.extend(os(options));
        args.extend([OsStr::new("old"), OsStr::from_bytes(b"new\xff")]);
        let out = run(FAST_DIFF, dir, &args, b"", &[]);
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");

        let context = options.iter().find_map(|o| o.strip_prefix("-U")).map_or(3, |n| n.parse().unwrap());
        let diff =
            diff_lines(old, new, &DiffOptions { context_lines: context, modes: *modes, ..DiffOptions::default() })
                .unwrap();
        let stats = diff.stats(context);
        assert_eq!(out.code, i32::from(!stats.identical));
        assert_eq!(json["format_version"], 1);
        assert_eq!(bytes_of(&json, "old_label"), b"old");
        assert_eq!(bytes_of(&json, "new_label"), b"new\xff");
        let s = &json["stats"];
        assert_eq!(s["identical"], stats.identical);
        assert_eq!(s["lines_added"], stats.lines_added);
        assert_eq!(s["lines_removed"], stats.lines_removed);
        assert_eq!(s["hunks"], stats.hunks);
        assert_eq!(s["similarity"].as_f64().unwrap(), stats.similarity);

        let hunks = diff.hunks(context);
        let json_hunks = json["hunks"].as_array().unwrap();
        assert_eq!(json_hunks.len(), hunks.len());
        for (h, j) in hunks.iter().zip(json_hunks) {
            let start = |r: &core::ops::Range<usize>| if r.is_empty() { r.start } else { r.start + 1 };
            assert_eq!(
                [&j["old_start"], &j["old_count"], &j["new_start"], &j["new_count"]],
                [start(&h.old), h.old.len(), start(&h.new), h.new.len()]
            );
            let lines = j["lines"].as_array().unwrap();
            assert_eq!(lines.len(), h.lines.len());
            for (line, jl) in h.lines.iter().zip(lines) {
                let kind = match line.kind {
                    LineKind::Context => "context",
                    LineKind::Removed => "removed",
                    LineKind::Added => "added",
                };
                assert_eq!(jl["kind"], kind);
                assert_eq!(jl["old_line"], serde_json::json!(line.old_line.map(|n| n + 1)));
                assert_eq!(jl["new_line"], serde_json::json!(line.new_line.map(|n| n + 1)));
                let text = bytes_of(jl, "text");
                assert_eq!(text, diff.line_bytes(line));
                assert_eq!(jl["no_newline"], !text.ends_with(b"\n"));
            }
        }
    }
}

#[test]
fn stat_matches_git_diff_stat() {
    let scratch = Scratch::new("cli-stat");
    let dir = &scratch.0;
    let numbered = |from: usize, to: usize| (from..to).map(|n| format!("line {n}\n")).collect::<String>();
    let long = "n".repeat(90);
    std::fs::create_dir_all(dir.join("src/deep")).unwrap();
    let files: Vec<(String, String)> = vec![
        ("old".into(), numbered(0, 10)),
        ("new".into(), numbered(0, 10).replace("line 4\n", "line four\n")),
        ("empty".into(), String::new()),
        ("many".into(), numbered(0, 500)),
        ("src/deep/a.c".into(), numbered(0, 30)),
        ("src/deep/b.c".into(), numbered(5, 30) + &numbered(40, 45)),
        (long.clone(), numbered(0, 3)),
        ("with space".into(), numbered(0, 2)),
    ];
    for (name, text) in &files {
        std::fs::write(dir.join(name), text).unwrap();
    }
    let git_env = [("GIT_CONFIG_NOSYSTEM", "1"), ("HOME", dir.to_str().unwrap())];
    for (old, new) in [
        ("old", "new"),
        ("empty", "many"),
        ("many", "empty"),
        ("src/deep/a.c", "src/deep/b.c"),
        ("old", long.as_str()),
        ("with space", "old"),
        ("old", "old"),
    ] {
        for columns in ["80", "40", "200"] {
            let env = [git_env[0], git_env[1], ("COLUMNS", columns)];
            let ours = run(FAST_DIFF, dir, &os(&["--stat", old, new]), b"", &env);
            let git = run("git", dir, &os(&["diff", "--no-index", "--stat", old, new]), b"", &env);
            assert_eq!((ours.code, ours.text()), (git.code, git.text()), "{old} {new} at {columns} columns");
        }
    }
    // Labels name the files.
    let out = fast_diff(dir, &["--stat", "--label", "a/x", "--label", "b/x", "old", "new"]);
    assert_eq!(out.text(), " {a => b}/x | 2 +-\n 1 file changed, 1 insertion(+), 1 deletion(-)\n");
}

#[test]
fn word_diff_marks_changed_words_chars_and_graphemes() {
    let scratch = Scratch::new("cli-words");
    let dir = &scratch.0;
    // e + combining acute becomes e + combining grave: one grapheme, two chars.
    std::fs::write(dir.join("old"), "keep\nthe quick brown fox\ncafe\u{301} noir\nend\n").unwrap();
    std::fs::write(dir.join("new"), "keep\nthe slow brown cat\ncafe\u{300} noir\nend\n").unwrap();
    let word_diff = |args: &[&str]| {
        let mut all = args.to_vec();
        all.extend(["--label", "a", "--label", "b", "old", "new"]);
        let out = fast_diff(dir, &all);
        assert_eq!(out.code, 1, "{args:?}");
        out.text()
    };
    assert_eq!(
        word_diff(&["--word-diff"]),
        "--- a\n+++ b\n@@ -1,4 +1,4 @@\nkeep\nthe [-quick-]{+slow+} brown [-fox-]{+cat+}\n[-cafe\u{301}-]{+cafe\u{300}+} noir\nend\n"
    );
    assert_eq!(word_diff(&["--word-diff=words"]), word_diff(&["--word-diff"]));
    assert_eq!(
        word_diff(&["--word-diff=chars", "-U0"]),
        "--- a\n+++ b\n@@ -2,2 +2,2 @@\nthe [-quick-]{+slow+} brown [-fox-]{+cat+}\ncafe[-\u{301}-]{+\u{300}+} noir\n"
    );
    assert!(word_diff(&["--word-diff=graphemes", "-U0"]).ends_with("\ncaf[-e\u{301}-]{+e\u{300}+} noir\n"));
    // Identical inputs: nothing, and status 0, in every output style.
    for style in ["--word-diff", "--stat", "-u", "-q"] {
        let out = fast_diff(dir, &[style, "old", "old"]);
        assert_eq!((out.code, out.text()), (0, String::new()), "{style}");
    }
    assert_eq!(fast_diff(dir, &["--json", "old", "old"]).code, 0);
}

#[test]
fn large_inputs_are_mapped_and_diffed() {
    let scratch = Scratch::new("cli-large");
    let dir = &scratch.0;
    let old: String = (0..200_000).map(|n| format!("{n}\n")).collect();
    let new = old.replace("\n100000\n", "\nchanged\n");
    std::fs::write(dir.join("old"), &old).unwrap();
    std::fs::write(dir.join("new"), &new).unwrap();
    let out = same_as_gnu(dir, &os(&["-u", "--label", "a", "--label", "b", "old", "new"]), b"", &[]);
    assert_eq!(
        out.text(),
        "--- a\n+++ b\n@@ -99998,7 +99998,7 @@\n 99997\n 99998\n 99999\n-100000\n+changed\n 100001\n 100002\n 100003\n"
    );
}
