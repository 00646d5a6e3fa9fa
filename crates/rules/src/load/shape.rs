//! A cheap look at a YAML text before it is parsed, to refuse the shapes that make parsing
//! expensive: nesting deeper than any rule, configuration or facts file needs (deeply nested
//! flow collections take the parser quadratic time), and aliases that would expand a small
//! file into gigabytes (the parser's own limit counts alias jumps, not bytes).
//!
//! The scan is a small tokenizer over the text: it follows quoted scalars, plain scalars,
//! comments, block scalars, flow brackets, block indentation, anchors and aliases, but builds
//! nothing. Where it cannot tell, it errs on the side of a larger estimate.

/// The deepest nesting accepted: rule files nest five or six levels.
pub(crate) const MAX_DEPTH: usize = 64;
/// How many bytes aliases may add to a text, counting each alias as the node it names.
pub(crate) const MAX_ALIAS_EXPANSION: usize = 4 << 20;
/// The most anchors in one text: none of the project's files needs any.
pub(crate) const MAX_ANCHORS: usize = 1000;

/// Why a text was refused, and where (1-based line and character column).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ShapeError {
    pub line: u32,
    pub column: u32,
    pub message: String,
}

/// An anchored node: where its text runs, and its size once its own aliases are expanded.
struct Anchor<'a> {
    name: &'a str,
    start: usize,
    end: usize,
    /// The indentation of the line it is on; the node ends at a line indented no further.
    indent: usize,
    open: bool,
    expanded: Option<usize>,
}

struct Alias<'a> {
    name: &'a str,
    at: usize,
}

/// Refuses `text` when it nests deeper than [`MAX_DEPTH`] or its aliases would add more than
/// [`MAX_ALIAS_EXPANSION`] bytes.
pub(crate) fn check(text: &str) -> Result<(), ShapeError> {
    let mut scan = Scan::new(text);
    scan.run()?;
    expansion(text, &mut scan.anchors, &scan.aliases)
}

struct Scan<'a> {
    text: &'a str,
    bytes: &'a [u8],
    /// Indentations of the open block collections.
    blocks: Vec<usize>,
    flow: usize,
    anchors: Vec<Anchor<'a>>,
    aliases: Vec<Alias<'a>>,
}

impl<'a> Scan<'a> {
    fn new(text: &'a str) -> Scan<'a> {
        Scan {
            text,
            bytes: text.as_bytes(),
            blocks: Vec::new(),
            flow: 0,
            anchors: Vec::new(),
            aliases: Vec::new(),
        }
    }

    fn too_deep(&self, at: usize, depth: usize) -> Result<(), ShapeError> {
        if depth > MAX_DEPTH {
            return Err(error_at(self.text, at, format!("nested more than {MAX_DEPTH} levels deep")));
        }
        Ok(())
    }

    fn run(&mut self) -> Result<(), ShapeError> {
        let mut at = 0;
        // The indentation under which a block scalar's lines run, while inside one.
        let mut block_scalar: Option<usize> = None;
        while at < self.bytes.len() {
            let line_end =
                self.bytes[at..].iter().position(|&b| b == b'\n').map_or(self.bytes.len(), |n| at + n);
            let indent = self.bytes[at..line_end].iter().take_while(|&&b| b == b' ').count();
            let blank = self.text[at..line_end].trim().is_empty();
            if let Some(parent) = block_scalar {
                if blank || indent > parent {
                    at = line_end + 1;
                    continue;
                }
                block_scalar = None;
            }
            if self.flow == 0 && !blank && !self.text[at + indent..line_end].starts_with('#') {
                self.close_anchors(at, indent);
                while self.blocks.last().is_some_and(|&open| open >= indent) {
                    self.blocks.pop();
                }
                self.blocks.push(indent);
                self.too_deep(at + indent, self.blocks.len())?;
            }
            let (next, scalar) = self.line(at + indent, line_end, indent)?;
            if scalar {
                block_scalar = Some(indent);
            }
            at = next;
        }
        self.close_anchors(self.bytes.len(), 0);
        Ok(())
    }

    /// Anchored block nodes end at a line indented no further than their own.
    fn close_anchors(&mut self, at: usize, indent: usize) {
        for anchor in self.anchors.iter_mut().rev().take_while(|a| a.open) {
            if indent <= anchor.indent {
                anchor.end = at;
                anchor.open = false;
            }
        }
    }

    /// Scans tokens from `at` to the end of the line (or further, for a quoted scalar or a flow
    /// collection that continues). Returns where the next line starts, and whether a block
    /// scalar (`|`, `>`) begins.
    fn line(
        &mut self,
        mut at: usize,
        mut line_end: usize,
        indent: usize,
    ) -> Result<(usize, bool), ShapeError> {
        let mut depth_on_line = 0;
        // Where the line's content starts after its `- ` markers: a node anchored on this line
        // ends at the next line indented no further than that.
        let line_start = at - indent;
        let mut content = indent;
        loop {
            at = self.skip_spaces(at);
            let Some(&byte) = self.bytes.get(at) else { return Ok((at, false)) };
            match byte {
                b'\n' => return Ok((at + 1, false)),
                b'#' => return Ok((self.line_end(at) + 1, false)),
                b'-' | b'?' if self.flow == 0 && self.is_space_after(at) => {
                    // `- - x`: a collection inside a collection on one line.
                    depth_on_line += 1;
                    self.too_deep(at, self.blocks.len() + depth_on_line)?;
                    at += 1;
                    content = self.skip_spaces(at) - line_start;
                }
                b'[' | b'{' => {
                    self.flow += 1;
                    self.too_deep(at, self.blocks.len() + depth_on_line + self.flow)?;
                    at += 1;
                }
                b']' | b'}' => {
                    self.flow = self.flow.saturating_sub(1);
                    at += 1;
                }
                b',' | b':' => at += 1,
                b'"' | b'\'' => {
                    at = if byte == b'"' { self.double_quoted(at)? } else { self.single_quoted(at)? };
                    // A quoted scalar may run onto later lines; the scan goes on from its end.
                    if at > line_end {
                        line_end = self.line_end(at);
                    }
                }
                b'&' | b'*' | b'!' => {
                    let end = self.word_end(at + 1);
                    let name = &self.text[at + 1..end];
                    if byte == b'&' {
                        if self.anchors.len() == MAX_ANCHORS {
                            return Err(error_at(self.text, at, format!("more than {MAX_ANCHORS} anchors")));
                        }
                        // The node runs to the next line indented no further than this one: all
                        // of a block node, and at least all of a scalar or flow node.
                        let indent = if self.flow == 0 { content } else { indent };
                        self.anchors.push(Anchor {
                            name,
                            start: at,
                            end: at,
                            indent,
                            open: true,
                            expanded: None,
                        });
                    } else if byte == b'*' {
                        self.aliases.push(Alias { name, at });
                    }
                    at = end;
                }
                b'|' | b'>' if self.flow == 0 => {
                    return Ok((self.line_end(at) + 1, true));
                }
                _ => at = self.plain(at, line_end),
            }
        }
    }

    fn skip_spaces(&self, mut at: usize) -> usize {
        while matches!(self.bytes.get(at), Some(b' ' | b'\t' | b'\r')) {
            at += 1;
        }
        at
    }

    fn line_end(&self, at: usize) -> usize {
        self.bytes[at..].iter().position(|&b| b == b'\n').map_or(self.bytes.len(), |n| at + n)
    }

    fn is_space_after(&self, at: usize) -> bool {
        matches!(self.bytes.get(at + 1), None | Some(b' ' | b'\t' | b'\r' | b'\n'))
    }

    /// The end of an anchor, alias or tag name.
    fn word_end(&self, mut at: usize) -> usize {
        while let Some(&byte) = self.bytes.get(at) {
            if matches!(byte, b' ' | b'\t' | b'\r' | b'\n' | b',' | b'[' | b']' | b'{' | b'}') {
                break;
            }
            at += 1;
        }
        at
    }

    fn double_quoted(&self, start: usize) -> Result<usize, ShapeError> {
        let mut at = start + 1;
        while let Some(&byte) = self.bytes.get(at) {
            match byte {
                b'\\' => at += 2,
                b'"' => return Ok(at + 1),
                _ => at += 1,
            }
        }
        Ok(self.bytes.len())
    }

    fn single_quoted(&self, start: usize) -> Result<usize, ShapeError> {
        let mut at = start + 1;
        while let Some(&byte) = self.bytes.get(at) {
            if byte == b'\'' {
                if self.bytes.get(at + 1) == Some(&b'\'') {
                    at += 2;
                    continue;
                }
                return Ok(at + 1);
            }
            at += 1;
        }
        Ok(self.bytes.len())
    }

    /// A plain scalar: to the end of the line, a `: ` after a key, a ` #` comment, or (inside a
    /// flow collection) a `,` or closing bracket.
    fn plain(&self, start: usize, line_end: usize) -> usize {
        let mut at = start;
        while at < line_end {
            let byte = self.bytes[at];
            if byte == b':' && (self.is_space_after(at) || self.flow > 0) {
                return at;
            }
            if byte == b'#' && at > start && matches!(self.bytes[at - 1], b' ' | b'\t') {
                return at;
            }
            if self.flow > 0 && matches!(byte, b',' | b']' | b'}' | b'[' | b'{') {
                return at;
            }
            at += 1;
        }
        line_end
    }
}

/// The 1-based line and character column of byte `at`.
fn error_at(text: &str, at: usize, message: String) -> ShapeError {
    let before = &text[..at.min(text.len())];
    let line = before.matches('\n').count() as u32 + 1;
    let line_start = before.rfind('\n').map_or(0, |n| n + 1);
    let column = before[line_start..].chars().count() as u32 + 1;
    ShapeError { line, column, message }
}

/// Adds up what every alias would expand to, refusing the text past [`MAX_ALIAS_EXPANSION`].
fn expansion(text: &str, anchors: &mut [Anchor], aliases: &[Alias]) -> Result<(), ShapeError> {
    if aliases.is_empty() {
        return Ok(());
    }
    // An alias names the latest anchor of its name before it (anchors are in text order).
    let mut by_name: std::collections::HashMap<&str, Vec<usize>> = std::collections::HashMap::new();
    for (index, anchor) in anchors.iter().enumerate() {
        by_name.entry(anchor.name).or_default().push(index);
    }
    let targets: Vec<Option<usize>> = aliases
        .iter()
        .map(|alias| {
            let candidates = by_name.get(alias.name)?;
            let before = candidates.partition_point(|&i| anchors[i].start < alias.at);
            before.checked_sub(1).map(|k| candidates[k])
        })
        .collect();
    // A node's expansion needs those of the anchors aliased inside it, which end before it.
    let mut order: Vec<usize> = (0..anchors.len()).collect();
    order.sort_by_key(|&i| (anchors[i].end, std::cmp::Reverse(anchors[i].start)));
    for i in order {
        let (start, end) = (anchors[i].start, anchors[i].end);
        let mut size = end - start;
        // Aliases are in text order.
        let first = aliases.partition_point(|alias| alias.at < start);
        let last = aliases.partition_point(|alias| alias.at < end);
        for (alias, target) in aliases[first..last].iter().zip(&targets[first..last]) {
            let Some(target) = *target else { continue };
            let Some(expanded) = anchors[target].expanded else {
                let message = format!("the alias `*{}` is inside the node it names", alias.name);
                return Err(error_at(text, alias.at, message));
            };
            size = size.saturating_add(expanded);
        }
        if size > MAX_ALIAS_EXPANSION {
            return Err(error_at(text, start, too_large()));
        }
        anchors[i].expanded = Some(size);
    }
    let mut added = 0usize;
    for (alias, target) in aliases.iter().zip(&targets) {
        let Some(target) = *target else { continue };
        added = added.saturating_add(anchors[target].expanded.unwrap_or(usize::MAX));
        if added > MAX_ALIAS_EXPANSION {
            return Err(error_at(text, alias.at, too_large()));
        }
    }
    Ok(())
}

fn too_large() -> String {
    format!("aliases here would expand the file by more than {} MiB", MAX_ALIAS_EXPANSION >> 20)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quoted_scalar_over_two_lines_is_read_once() {
        // The plain word after the closing quote once sent the scan back to the first line,
        // so the anchor on the second ended before it began.
        for text in ["z: *y\na: \"1\n2\" &x b\n", "z: *y\na: '1\n2' &x b\nc: d\n"] {
            assert!(check(text).is_ok(), "{text:?}");
        }
    }

    #[test]
    fn ordinary_files_pass() {
        let text = "- id: a.b\n  kind: regex\n  message: \"x [y] {z}\"\n  regex: '[a-z]+'\n  examples:\n    flag: [\"[[x]]\"]\n    pass:\n      - text: |\n          [[[[ not flow ]]]]\n";
        assert_eq!(check(text), Ok(()));
        assert_eq!(check("a: &x [1, 2]\nb: *x\nc: it's [fine\n"), Ok(()));
    }

    #[test]
    fn deep_flow_nesting_is_refused_where_it_passes_the_limit() {
        let deep = format!("allow: {}{}\n", "[".repeat(100), "]".repeat(100));
        let error = check(&deep).unwrap_err();
        assert_eq!((error.line, error.column), (1, 8 + MAX_DEPTH as u32 - 1));
        assert!(check(&format!("a: {}{}\n", "[".repeat(40), "]".repeat(40))).is_ok());
    }

    #[test]
    fn deep_block_nesting_is_refused() {
        let mut text = String::new();
        for level in 0..100 {
            text.push_str(&format!("{}k{level}:\n", " ".repeat(level)));
        }
        assert!(check(&text).unwrap_err().message.contains("nested"));
        assert!(check(&format!("{}x\n", "- ".repeat(100))).is_err());
    }

    #[test]
    fn aliases_are_counted_by_what_they_expand_to() {
        let big = "x".repeat(64 << 10);
        let many = vec!["*a"; 100].join(", ");
        let error = check(&format!("a: &a \"{big}\"\nb: [{many}]\n")).unwrap_err();
        assert_eq!(error.line, 2);
        // Nested: each level doubles the last.
        let mut text = String::from("l0: &l0 [xxxxxxxxxxxxxxxx]\n");
        for level in 1..30 {
            text.push_str(&format!("l{level}: &l{level} [*l{p}, *l{p}]\n", p = level - 1));
        }
        assert!(check(&text).unwrap_err().message.contains("expand"));
        assert!(check(&format!("a: &a \"{big}\"\nb: [*a, *a]\n")).is_ok());
        // A node anchored in a list item ends with the item's next key.
        assert!(check("- text: &t word\n  reason: [*t, *t]\n").is_ok());
        assert!(check("- text: &t [word, *t]\n").unwrap_err().message.contains("inside"));
    }
}
