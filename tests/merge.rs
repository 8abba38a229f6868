//! The merge's own promises, without git: its regions describe its text
//! exactly, and the rules of a three-way merge hold (a side that changed
//! nothing gives the other side; identical changes are taken once; a
//! deletion against an edit is a conflict), on generated cases and on
//! named ones.

mod common;

use common::Rng;
use common::lines;
use common::three_way::case;
use fast_diff::merge::{Favor, Labels, MergeOptions, Merged, RegionKind, Style, merge};
use fast_diff::{Algorithm, Error};

const STYLES: [Style; 3] = [Style::Merge, Style::Diff3, Style::Zdiff3];
const FAVORS: [Option<Favor>; 4] = [None, Some(Favor::Ours), Some(Favor::Theirs), Some(Favor::Union)];
const ALGORITHMS: [Algorithm; 3] = [Algorithm::Myers, Algorithm::Histogram, Algorithm::Patience];

fn options(style: Style, favor: Option<Favor>, algorithm: Algorithm) -> MergeOptions<'static> {
    MergeOptions { style, favor, algorithm, ..MergeOptions::default() }
}

/// `lines` with a newline added to the last one if it has none.
fn closed(lines: &[&[u8]]) -> Vec<u8> {
    let mut t = lines.concat();
    if t.last().is_some_and(|&b| b != b'\n') {
        t.push(b'\n');
    }
    t
}

/// Checks that the regions of `m` tile the result and the three inputs, and
/// that each region's lines are what its kind says.
fn check_regions(base: &[u8], ours: &[u8], theirs: &[u8], options: &MergeOptions<'_>, m: &Merged) {
    let (b, o, t, r) = (lines(base), lines(ours), lines(theirs), lines(&m.text));
    let mut at = (0, 0, 0, 0);
    for region in &m.regions {
        let show = |t: &[u8]| format!("{:?}", String::from_utf8_lossy(t));
        let context = || {
            format!(
                "{region:?} in {:?}\nresult {}\nbase {}\nours {}\ntheirs {}\n{options:?}",
                m.regions,
                show(&m.text),
                show(base),
                show(ours),
                show(theirs)
            )
        };
        assert_eq!(
            (region.base.start, region.ours.start, region.theirs.start, region.result.start),
            at,
            "regions follow one another: {}",
            context()
        );
        at = (region.base.end, region.ours.end, region.theirs.end, region.result.end);
        let (rb, ro, rt, rr) =
            (&b[region.base.clone()], &o[region.ours.clone()], &t[region.theirs.clone()], &r[region.result.clone()]);
        match region.kind {
            RegionKind::Unchanged => {
                assert!(ro == rb && rt == rb && rr == ro, "unchanged: {}", context());
            }
            RegionKind::Both => assert!(ro == rt && rr == ro, "both: {}", context()),
            RegionKind::Ours => assert!(rt == rb && rr == ro && ro != rb, "ours: {}", context()),
            RegionKind::Theirs => assert!(ro == rb && rr == rt && rt != rb, "theirs: {}", context()),
            RegionKind::Resolved => {
                let expected = match options.favor.unwrap() {
                    Favor::Ours => ro.concat(),
                    Favor::Theirs => rt.concat(),
                    Favor::Union => [closed_keeping_crlf(ro, &m.text, rr), rt.concat()].concat(),
                };
                assert_eq!(rr.concat(), expected, "resolved: {}", context());
            }
            RegionKind::Conflict => {
                assert!(options.favor.is_none(), "a favour resolves every conflict: {}", context());
                let size = if options.marker_size == 0 { 7 } else { options.marker_size };
                let marker = |sign: u8, line: &[u8]| line.len() > size && line[..size].iter().all(|&c| c == sign);
                assert!(marker(b'<', rr[0]) && marker(b'>', rr[rr.len() - 1]), "markers: {}", context());
                let diff3 = options.style != Style::Merge;
                let body_lines = ro.len() + rt.len() + if diff3 { rb.len() + 1 } else { 0 };
                assert_eq!(rr.len(), body_lines + 3, "conflict lines: {}", context());
                // Our lines, the last one closed if it was not.
                let same = |written: &[u8], line: &[u8]| {
                    written == line
                        || (line.last() != Some(&b'\n')
                            && [&b"\n"[..], b"\r\n"].iter().any(|nl| written == [line, nl].concat()))
                };
                assert!(rr[1..1 + ro.len()].iter().zip(ro).all(|(w, l)| same(w, l)), "our side: {}", context());
                let theirs_at = rr.len() - 1 - rt.len();
                assert!(
                    rr[theirs_at..rr.len() - 1].iter().zip(rt).all(|(w, l)| same(w, l)),
                    "their side: {}",
                    context()
                );
            }
        }
    }
    assert_eq!(at, (b.len(), o.len(), t.len(), r.len()), "the regions cover everything: {m:?}");
    let conflicts = m.regions.iter().filter(|r| r.kind == RegionKind::Conflict).count();
    assert_eq!(m.conflicts, conflicts);
}

/// The ours part of a union resolution, as written: closed with the line
/// ending the merge chose, which the result shows.
fn closed_keeping_crlf(ours: &[&[u8]], _text: &[u8], result: &[&[u8]]) -> Vec<u8> {
    let mut t = ours.concat();
    if t.last().is_some_and(|&b| b != b'\n') {
        let written = result[ours.len() - 1];
        t.extend_from_slice(&written[ours[ours.len() - 1].len()..]);
    }
    t
}

#[test]
fn regions_describe_the_merged_text_exactly() {
    let mut rng = Rng(0xdecade);
    for _ in 0..1500 {
        let c = case(&mut rng);
        for style in STYLES {
            for favor in FAVORS {
                for algorithm in ALGORITHMS {
                    let o = options(style, favor, algorithm);
                    let m = merge(&c.base, &c.ours, &c.theirs, &o).unwrap();
                    check_regions(&c.base, &c.ours, &c.theirs, &o, &m);
                }
            }
        }
    }
}

#[test]
fn a_side_that_changed_nothing_gives_the_other_side() {
    let mut rng = Rng(0xfeed);
    for _ in 0..500 {
        let c = case(&mut rng);
        for style in STYLES {
            for algorithm in ALGORITHMS {
                let o = options(style, None, algorithm);
                let m = merge(&c.base, &c.base, &c.theirs, &o).unwrap();
                assert_eq!((m.text, m.conflicts), (c.theirs.clone(), 0));
                let m = merge(&c.base, &c.ours, &c.base, &o).unwrap();
                assert_eq!((m.text, m.conflicts), (c.ours.clone(), 0));
                // Both sides the same: that side, whatever the base.
                let m = merge(&c.base, &c.ours, &c.ours, &o).unwrap();
                assert_eq!((m.text, m.conflicts), (c.ours.clone(), 0));
            }
        }
    }
}

#[test]
fn separate_changes_are_both_taken() {
    let base = b"a\nb\nc\nd\ne\nf\n";
    let ours = b"A\nb\nc\nd\ne\nf\n";
    let theirs = b"a\nb\nc\nd\ne\nF\ng\n";
    let m = merge(base, ours, theirs, &MergeOptions::default()).unwrap();
    assert_eq!((m.text.as_slice(), m.conflicts), (&b"A\nb\nc\nd\ne\nF\ng\n"[..], 0));
    let kinds: Vec<RegionKind> = m.regions.iter().map(|r| r.kind).collect();
    assert_eq!(kinds, [RegionKind::Ours, RegionKind::Unchanged, RegionKind::Theirs]);
}

#[test]
fn a_deletion_against_an_edit_stays_a_conflict() {
    // One side deletes a line the other side changed: neither wins silently.
    let base = b"keep\nchange me\nkeep too\n";
    let deleted = b"keep\nkeep too\n";
    let edited = b"keep\nchanged\nkeep too\n";
    for style in STYLES {
        for algorithm in ALGORITHMS {
            let o = options(style, None, algorithm);
            for (ours, theirs) in [(&deleted[..], &edited[..]), (&edited[..], &deleted[..])] {
                let m = merge(base, ours, theirs, &o).unwrap();
                assert_eq!(m.conflicts, 1, "{style:?} {algorithm:?}");
                let conflict = m.regions.iter().find(|r| r.kind == RegionKind::Conflict).unwrap();
                assert_eq!(conflict.base, 1..2);
            }
        }
    }
    let m = merge(base, deleted, edited, &MergeOptions::default()).unwrap();
    assert_eq!(m.text, b"keep\n<<<<<<< ours\n=======\nchanged\n>>>>>>> theirs\nkeep too\n");
}

#[test]
fn identical_changes_are_taken_once() {
    let base = b"1\n2\n3\n";
    let both = b"1\ntwo\n3\n";
    let m = merge(base, both, both, &MergeOptions::default()).unwrap();
    assert_eq!((m.text.as_slice(), m.conflicts), (&both[..], 0));
    // The same change inside different ones: only the differences conflict.
    let ours = b"1\ntwo\nthree\n";
    let theirs = b"1\ntwo\nTHREE\n";
    let m = merge(base, ours, theirs, &MergeOptions::default()).unwrap();
    assert_eq!(m.text, b"1\ntwo\n<<<<<<< ours\nthree\n=======\nTHREE\n>>>>>>> theirs\n");
    let kinds: Vec<RegionKind> = m.regions.iter().map(|r| r.kind).collect();
    assert_eq!(kinds, [RegionKind::Unchanged, RegionKind::Both, RegionKind::Conflict]);
    // diff3 shows the whole overlap, with its base.
    let m = merge(base, ours, theirs, &options(Style::Diff3, None, Algorithm::Myers)).unwrap();
    assert_eq!(m.text, b"1\n<<<<<<< ours\ntwo\nthree\n||||||| base\n2\n3\n=======\ntwo\nTHREE\n>>>>>>> theirs\n");
    // zdiff3 moves the common first line out, and keeps the base whole.
    let m = merge(base, ours, theirs, &options(Style::Zdiff3, None, Algorithm::Myers)).unwrap();
    assert_eq!(m.text, b"1\ntwo\n<<<<<<< ours\nthree\n||||||| base\n2\n3\n=======\nTHREE\n>>>>>>> theirs\n");
}

#[test]
fn favours_resolve_conflicts() {
    let (base, ours, theirs) = (&b"a\nb\nc\n"[..], &b"a\nours\nc\n"[..], &b"a\ntheirs\nc\n"[..]);
    let resolved = |favor| {
        let m = merge(base, ours, theirs, &options(Style::Merge, Some(favor), Algorithm::Myers)).unwrap();
        assert_eq!(m.conflicts, 0);
        m.text
    };
    assert_eq!(resolved(Favor::Ours), ours);
    assert_eq!(resolved(Favor::Theirs), theirs);
    assert_eq!(resolved(Favor::Union), b"a\nours\ntheirs\nc\n");
    // Union closes our last line so that theirs starts a line of its own.
    let m = merge(b"x", b"ours", b"theirs", &options(Style::Merge, Some(Favor::Union), Algorithm::Myers)).unwrap();
    assert_eq!(m.text, b"ours\ntheirs");
}

#[test]
fn markers_follow_crlf_line_endings() {
    let m = merge(b"a\r\nb\r\nc\r\n", b"a\r\nB\r\nc\r\n", b"a\r\nbb\r\nc\r\n", &MergeOptions::default()).unwrap();
    assert_eq!(m.text, b"a\r\n<<<<<<< ours\r\nB\r\n=======\r\nbb\r\n>>>>>>> theirs\r\nc\r\n");
    // A mixed text: the lines before the conflict end in LF, so LF it is.
    let m = merge(b"a\nb\r\n", b"a\nB\r\n", b"a\nbb\r\n", &MergeOptions::default()).unwrap();
    assert_eq!(m.text, b"a\n<<<<<<< ours\nB\r\n=======\nbb\r\n>>>>>>> theirs\n");
}

#[test]
fn sides_without_a_final_newline_get_one_inside_a_conflict() {
    let m = merge(b"a\nb", b"a\nours", b"a\ntheirs", &options(Style::Diff3, None, Algorithm::Myers)).unwrap();
    assert_eq!(m.text, b"a\n<<<<<<< ours\nours\n||||||| base\nb\n=======\ntheirs\n>>>>>>> theirs\n");
    let m = merge(b"", b"", b"only theirs", &MergeOptions::default()).unwrap();
    assert_eq!(m.text, b"only theirs");
}

#[test]
fn labels_and_marker_size_shape_the_markers() {
    let labels = Labels { ours: b"HEAD", base: b"", theirs: b"topic branch" };
    let o = MergeOptions { style: Style::Diff3, labels, marker_size: 3, ..MergeOptions::default() };
    let m = merge(b"x\n", b"y\n", b"z\n", &o).unwrap();
    // An empty label writes the marker alone, as current git does.
    assert_eq!(m.text, b"<<< HEAD\ny\n|||\nx\n===\nz\n>>> topic branch\n");
    let o = MergeOptions { marker_size: 0, ..MergeOptions::default() };
    assert!(merge(b"x\n", b"y\n", b"z\n", &o).unwrap().text.starts_with(b"<<<<<<< ours\n"));
    for bad in [&b"two\nlines"[..], b"cr\r"] {
        let o = MergeOptions { labels: Labels { theirs: bad, ..Labels::default() }, ..MergeOptions::default() };
        assert_eq!(merge(b"x\n", b"y\n", b"z\n", &o), Err(Error::InvalidLabel));
    }
}

#[test]
fn any_bytes_merge() {
    let base = b"\0\xff\n\x80\r\nmid\nend";
    let ours = b"\0\xff\n\x80\r\nMID\0\nend";
    let theirs = b"\0\xfe\n\x80\r\nmid\nend";
    let m = merge(base, ours, theirs, &MergeOptions::default()).unwrap();
    assert_eq!((m.text.as_slice(), m.conflicts), (&b"\0\xfe\n\x80\r\nMID\0\nend"[..], 0));
}

#[test]
fn large_merges_stay_fast_and_exact() {
    // A 200,000-line file edited at both ends and in the middle.
    let base: Vec<u8> = (0..200_000).flat_map(|i| format!("line {i}\n").into_bytes()).collect();
    let edit = |text: &[u8], at: usize, new: &str| {
        let mut ls: Vec<&[u8]> = lines(text);
        ls[at] = new.as_bytes();
        ls.concat()
    };
    let ours = edit(&edit(&base, 10, "ours start\n"), 100_000, "ours middle\n");
    let theirs = edit(&edit(&base, 199_990, "theirs end\n"), 100_000, "theirs middle\n");
    let m = merge(&base, &ours, &theirs, &MergeOptions::default()).unwrap();
    assert_eq!(m.conflicts, 1);
    let expected = edit(&edit(&base, 10, "ours start\n"), 199_990, "theirs end\n");
    let expected = {
        let mut ls: Vec<&[u8]> = lines(&expected);
        ls[100_000] = b"<<<<<<< ours\nours middle\n=======\ntheirs middle\n>>>>>>> theirs\n";
        ls.concat()
    };
    assert_eq!(m.text, expected);
    assert_eq!(m.regions.len(), 7);
    let _ = closed(&[]);
}
