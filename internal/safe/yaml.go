package safe

import (
	"bytes"
	"io"

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
func WriteYAML(w io.Writer, doc *yaml.Node) error {
	quoteHidden(doc, map[*yaml.Node]bool{})
	// Every hidden character left is inside a double-quoted scalar (comments
	// are clean by now), where \u is an escape.
	out := &RawWriter{w: w}
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
	if n.Kind == yaml.ScalarNode && visible(n.Value, "\n\t") != n.Value {
		n.Style = yaml.DoubleQuotedStyle
	}
	for _, c := range n.Content {
		quoteHidden(c, seen)
	}
}
