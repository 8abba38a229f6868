//! The names a patch gives its files, and the files they are: GNU patch's
//! `-p N`, git's `a/` `b/` prefixes, a leading `./`; and the set of files
//! as the patch changes them, section after section.

use std::borrow::Cow;
use std::collections::HashMap;

use super::FileText;

/// `name` without its first `n` components, as GNU patch's `-p N` has it;
/// None when it has too few.
pub fn strip(name: &[u8], n: usize) -> Option<Vec<u8>> {
    let mut rest = name;
    for _ in 0..n {
        let slash = memchr::memchr(b'/', rest)?;
        rest = &rest[slash + 1..];
        while let Some(more) = rest.strip_prefix(b"/") {
            rest = more;
        }
    }
    (!rest.is_empty()).then(|| rest.to_vec())
}

/// `name` without leading `./` components: the same file.
pub fn plain(name: &[u8]) -> &[u8] {
    let mut name = name;
    while let Some(rest) = name.strip_prefix(b"./") {
        name = rest;
        while let Some(more) = name.strip_prefix(b"/") {
            name = more;
        }
    }
    name
}

/// `name` without git's `a/` or `b/` prefix, when it has one.
pub fn unprefixed(name: &[u8]) -> &[u8] {
    name.strip_prefix(b"a/").or_else(|| name.strip_prefix(b"b/")).filter(|rest| !rest.is_empty()).unwrap_or(name)
}

/// A file as the patch leaves it so far.
pub struct Entry<'f> {
    /// Its path: as given, or as the patch names a file it creates.
    pub path: Vec<u8>,
    /// Its bytes now; None once deleted or moved away, or never there.
    pub text: Option<Cow<'f, [u8]>>,
    /// The given file it started as, if any.
    pub given: Option<usize>,
}

/// The files, given and made, by name.
pub struct Tree<'f> {
    pub entries: Vec<Entry<'f>>,
    by_name: HashMap<Vec<u8>, usize>,
    /// The one file given without a path: every section is about it.
    pub unnamed: Option<usize>,
}

impl<'f> Tree<'f> {
    pub fn new(files: &[FileText<'f>]) -> Tree<'f> {
        let mut tree = Tree { entries: Vec::new(), by_name: HashMap::new(), unnamed: None };
        for (i, file) in files.iter().enumerate() {
            let entry = tree.add(file.path.to_vec(), Some(Cow::Borrowed(file.text)));
            tree.entries[entry].given = Some(i);
        }
        if let [only] = files
            && only.path.is_empty()
        {
            tree.unnamed = Some(0);
        }
        tree
    }

    /// The entry of `name`, whether or not the file is there now.
    pub fn find(&self, name: &[u8]) -> Option<usize> {
        self.by_name.get(plain(name)).copied()
    }

    /// The entry of the first of `names` that is a file now.
    pub fn existing(&self, names: &[Vec<u8>]) -> Option<usize> {
        names.iter().filter_map(|n| self.find(n)).find(|&e| self.entries[e].text.is_some())
    }

    /// The entry for `name`, made (empty, not there) if there is none.
    pub fn entry(&mut self, name: &[u8]) -> usize {
        match self.find(name) {
            Some(e) => e,
            None => self.add(name.to_vec(), None),
        }
    }

    fn add(&mut self, path: Vec<u8>, text: Option<Cow<'f, [u8]>>) -> usize {
        let index = self.entries.len();
        self.by_name.entry(plain(&path).to_vec()).or_insert(index);
        self.entries.push(Entry { path, text, given: None });
        index
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_as_gnu_patch_does() {
        assert_eq!(strip(b"a/src/x.c", 1), Some(b"src/x.c".to_vec()));
        assert_eq!(strip(b"a//src/x.c", 1), Some(b"src/x.c".to_vec()));
        assert_eq!(strip(b"x.c", 0), Some(b"x.c".to_vec()));
        assert_eq!(strip(b"x.c", 1), None);
        assert_eq!(strip(b"a/", 1), None);
        assert_eq!(plain(b"././/x"), b"x");
        assert_eq!(plain(b".x"), b".x");
        assert_eq!(unprefixed(b"b/x"), b"x");
        assert_eq!(unprefixed(b"a/"), b"a/");
        assert_eq!(unprefixed(b"ab/x"), b"ab/x");
    }

    #[test]
    fn a_tree_finds_files_by_their_plain_names() {
        let files = [FileText { path: b"./src/x.c", text: b"x" }, FileText { path: b"y", text: b"" }];
        let mut tree = Tree::new(&files);
        assert_eq!(tree.find(b"src/x.c"), Some(0));
        assert_eq!(tree.existing(&[b"nope".to_vec(), b"y".to_vec()]), Some(1));
        let made = tree.entry(b"new");
        assert_eq!((made, tree.entries[made].text.is_none()), (2, true));
        assert_eq!(tree.unnamed, None);
        assert_eq!(Tree::new(&[FileText { path: b"", text: b"t" }]).unnamed, Some(0));
    }
}
