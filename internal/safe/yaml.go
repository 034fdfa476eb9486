package safe

import (
	"bytes"
	"io"
	"strings"
	"unicode"

	"gopkg.in/yaml.v3"
)

// YAMLComment makes user text safe inside one line of a YAML comment. A
// control character there makes the file unreadable for every YAML parser,
// and a line break (\n, \r, NEL, U+2028) would end the comment and let the
// rest be read as YAML: all are shown as visible escapes. Build a comment of
// several lines by sanitising each line and joining them with "\n".
func YAMLComment(s string) string { return visible(s, "\t") }

// YAML encodes a document (indented by two spaces) so that no hidden
// character is written raw, while every value reads back exactly as it was:
// a scalar that holds one is written double-quoted, where YAML has escapes
// for all of them (yaml.v3 escapes controls there itself but writes bidi
// overrides raw, which are then escaped here). Comments, including those a
// loaded file brought along, are made safe as YAMLComment does.
func YAML(doc *yaml.Node) ([]byte, error) {
	var buf bytes.Buffer
	if err := WriteYAML(&buf, doc); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// WriteYAML is YAML written to w as it is encoded, never whole in memory.
// Text in any script is written as it is: yaml.v3 would write a character
// beyond the Basic Multilingual Plane (an emoji) as an escape ("\U0001F6D2")
// and double-quote its scalar; here it reads as typed.
func WriteYAML(w io.Writer, doc *yaml.Node) error {
	quoteHidden(doc, map[*yaml.Node]bool{})
	restore, undo := standIns(doc)
	defer undo()
	// Every hidden character left is inside a double-quoted scalar (comments
	// are clean by now), where \u is an escape.
	out := &RawWriter{w: w, restore: restore}
	enc := yaml.NewEncoder(out)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return err
	}
	if err := enc.Close(); err != nil {
		return err
	}
	return out.Close()
}

func quoteHidden(n *yaml.Node, seen map[*yaml.Node]bool) {
	if n == nil || seen[n] {
		return
	}
	seen[n] = true
	n.HeadComment = visible(n.HeadComment, "\n\t")
	n.FootComment = visible(n.FootComment, "\n\t")
	n.LineComment = YAMLComment(n.LineComment)
	// yaml.v3 writes a value whose first line is blank as a block that
	// reads back without that line ("\nx" as "x", "\n" as ""): quoted, it
	// reads back as it was.
	blank := strings.HasPrefix(strings.TrimLeft(n.Value, " \t"), "\n")
	if n.Kind == yaml.ScalarNode && (blank || visible(n.Value, "\n\t") != n.Value) {
		n.Style = yaml.DoubleQuotedStyle
	}
	for _, c := range n.Content {
		quoteHidden(c, seen)
	}
}

// standIns replaces, in the scalars of doc, each character yaml.v3 would
// escape though it is printable (those beyond the Basic Multilingual Plane)
// by a private-use character the document does not use anywhere, which
// yaml.v3 writes as it is. It returns the map from each stand-in back to its
// character, for the writer, and a function that puts the scalars back.
// Hidden characters are not replaced: they stay escaped. Past the 6,400
// private-use characters, the rest stay escaped too (still read back right).
func standIns(doc *yaml.Node) (restore map[rune]rune, undo func()) {
	var nodes []*yaml.Node
	used := map[rune]bool{}
	var wanted []rune
	isWanted := map[rune]bool{}
	walk(doc, map[*yaml.Node]bool{}, func(n *yaml.Node) {
		for i, text := range []string{n.Value, n.Tag, n.Anchor, n.HeadComment, n.LineComment, n.FootComment} {
			for _, r := range text {
				switch {
				case r >= privateFirst && r <= privateLast:
					used[r] = true
				case i == 0 && n.Kind == yaml.ScalarNode && escapedByYAML(r) && !isWanted[r]:
					isWanted[r] = true
					wanted = append(wanted, r)
				}
			}
		}
		if n.Kind == yaml.ScalarNode {
			nodes = append(nodes, n)
		}
	})
	if len(wanted) == 0 {
		return nil, func() {}
	}
	stand, restore := map[rune]rune{}, map[rune]rune{}
	next := privateFirst
	for _, r := range wanted {
		for next <= privateLast && used[next] {
			next++
		}
		if next > privateLast {
			break
		}
		stand[r], restore[next] = next, r
		next++
	}
	var changed []*yaml.Node
	var originals []string
	for _, n := range nodes {
		v := strings.Map(func(r rune) rune {
			if s, ok := stand[r]; ok {
				return s
			}
			return r
		}, n.Value)
		if v != n.Value {
			changed, originals = append(changed, n), append(originals, n.Value)
			n.Value = v
		}
	}
	return restore, func() {
		for i, n := range changed {
			n.Value = originals[i]
		}
	}
}

// The Basic Multilingual Plane's private-use area, which yaml.v3 writes raw.
const privateFirst, privateLast rune = 0xe000, 0xf8ff

// escapedByYAML reports whether yaml.v3 escapes r although it is a printable
// character that is not hidden: it takes every character beyond U+FFFF for
// one it cannot print.
func escapedByYAML(r rune) bool {
	return r > 0xffff && !hidden(r) && unicode.IsGraphic(r)
}

func walk(n *yaml.Node, seen map[*yaml.Node]bool, f func(*yaml.Node)) {
	if n == nil || seen[n] {
		return
	}
	seen[n] = true
	f(n)
	for _, c := range n.Content {
		walk(c, seen, f)
	}
}
