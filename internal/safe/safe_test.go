package safe

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// What an attacker or a careless paste puts into a name or a note.
const (
	oscTitle     = "\x1b]0;pwned\x07"                   // sets the terminal window's title
	oscClipboard = "\x1b]52;c;Y3VybCBldmlsIHwgc2g=\x07" // writes the clipboard
	csiClear     = "\x1b[2J\x1b[H"                      // clears the screen
	c1CSI        = "\u009b31m"                          // the one-character CSI of 8-bit terminals
	rlo          = "\u202eevil\u202c"                   // right-to-left override
	badUTF8      = "Caf\xe9"                            // Latin-1, not UTF-8
)

func TestTerminal(t *testing.T) {
	cases := map[string]string{
		"Shopify":                  "Shopify",
		"Ökolager · 库存系统 · 🛒":      "Ökolager · 库存系统 · 🛒",
		"مخزن":                     "مخزن",
		"two\nlines\tand a tab":    "two\nlines\tand a tab",
		"windows\r\nline":          "windows\nline",
		"a" + oscTitle + "b":       `a\x1b]0;pwned\x07b`,
		oscClipboard:               `\x1b]52;c;Y3VybCBldmlsIHwgc2g=\x07`,
		csiClear:                   `\x1b[2J\x1b[H`,
		c1CSI:                      `\x9b31m`,
		rlo:                        `\u202eevil\u202c`,
		badUTF8:                    `Caf\xe9`,
		"a real \ufffd stays":      "a real \ufffd stays",
		"carriage\rreturn":         `carriage\x0dreturn`,
		"line\u2028separator\x7f":  `line\u2028separator\x7f`,
		"isolate\u2066x\u2069done": `isolate\u2066x\u2069done`,
	}
	for in, want := range cases {
		if got := Terminal(in); got != want {
			t.Errorf("Terminal(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMarkdown(t *testing.T) {
	cases := map[string]string{
		"Acme Outdoor":              "Acme Outdoor",
		"# Heading":                 `\# Heading`,
		"## also":                   `\## also`,
		"> quote":                   `\> quote`,
		"a > b":                     "a > b",
		"-5 % and +44":              "-5 % and +44",
		"#12 in stock":              "#12 in stock",
		"17.50 % of the build":      "17.50 % of the build",
		"1.":                        `1\.`,
		"Hearth & Kiln":             "Hearth & Kiln",
		"AT&T":                      `AT\&T`,
		"order_id":                  "order_id",
		"C:\\Users":                 "C:\\Users",
		"- item":                    `\- item`,
		"+ item":                    `\+ item`,
		"* item":                    `\* item`,
		"1. first":                  `1\. first`,
		"2024) year":                `2024\) year`,
		"1234567890. too long":      "1234567890. too long", // ten digits start no list
		"===":                       `\===`,
		"---":                       `\---`,
		"___":                       `\_\_\_`,
		"Issue #12 and 3. place":    "Issue #12 and 3. place",
		"a | b":                     `a \| b`,
		"<script>alert(1)</script>": `\<script>alert(1)\</script>`,
		"[x](javascript:alert(1))":  `\[x\](javascript:alert(1))`,
		"`code`":                    "\\`code\\`",
		"**bold** _em_ ~~del~~":     `\*\*bold\*\* \_em\_ \~\~del\~\~`,
		"back\\slash &amp;":         `back\slash \&amp;`,
		`a\*b\`:                     `a\\\*b\\`,
		"  padded  ":                "padded",
		"two\nlines":                "two<br>lines",
		"crlf\r\nline":              "crlf<br>line",
		"title" + oscTitle:          `title\x1b\]0;pwned\x07`,
		rlo:                         `\u202eevil\u202c`,
		"Ökolager":                  "Ökolager",
		"":                          "",
		"   ":                       "",
	}
	for in, want := range cases {
		if got := Markdown(in); got != want {
			t.Errorf("Markdown(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMarkdownQuote(t *testing.T) {
	got := MarkdownQuote("line one | pipe\n- not a list\n# not a heading\r\n<img src=x>")
	want := "line one \\| pipe\n> \\- not a list\n> \\# not a heading\n> \\<img src=x>"
	if got != want {
		t.Errorf("MarkdownQuote = %q, want %q", got, want)
	}
}

func TestMarkdownCode(t *testing.T) {
	cases := map[string]string{
		"master.product-names": "`master.product-names`",
		"REQ_ORD-07":           "`REQ_ORD-07`",
		"a`b|c":                "a\\`b\\|c",
		"# x":                  `\# x`,
		"":                     "",
	}
	for in, want := range cases {
		if got := MarkdownCode(in); got != want {
			t.Errorf("MarkdownCode(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMermaid(t *testing.T) {
	cases := map[string]string{
		"Odoo":                            "Odoo",
		`Tax "Engine" <x> | y`:            "Tax #quot;Engine#quot; #lt;x#gt; | y",
		"%%{init: {'theme': 'forest'}}%%": "#37;#37;{init: {'theme': 'forest'}}#37;#37;",
		"a #quot; b":                      "a #35;quot; b",
		"fence ``` closes":                "fence #96;#96;#96; closes",
		"two\nlines\r\nthree":             "two lines three",
		"esc" + oscTitle:                  `esc#92;x1b]0;pwned#92;x07`,
		"库存系统 🛒":                          "库存系统 🛒",
	}
	for in, want := range cases {
		if got := Mermaid(in); got != want {
			t.Errorf("Mermaid(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestYAMLComment(t *testing.T) {
	cases := map[string]string{
		"What is your online store built on?": "What is your online store built on?",
		"Ökolager ↔ 库存系统":                     "Ökolager ↔ 库存系统",
		"a\nb":                                `a\x0ab`,
		"a\rb":                                `a\x0db`,
		"a\u0085b":                            `a\x85b`,
		"a\u2028b":                            `a\u2028b`,
		"bell\x07":                            `bell\x07`,
		"tab\tkept":                           "tab\tkept",
	}
	for in, want := range cases {
		if got := YAMLComment(in); got != want {
			t.Errorf("YAMLComment(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestJSON(t *testing.T) {
	in := map[string]string{"name": "a" + c1CSI + rlo + "\x7f" + oscTitle + "Ökolager"}
	data, err := json.MarshalIndent(in, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	out := JSON(data)
	var back map[string]string
	if err := json.Unmarshal(out, &back); err != nil || back["name"] != in["name"] {
		t.Fatalf("JSON changed the meaning: %q (%v)", back["name"], err)
	}
	if strings.ContainsAny(string(out), "\u009b\u202e\u202c\x7f\x1b") {
		t.Errorf("JSON left a hidden character raw: %q", out)
	}
	if plain := []byte(`{"a": "Ökolager"}`); &JSON(plain)[0] != &plain[0] {
		t.Error("JSON copied clean input")
	}
}

// FuzzSafe: whatever the input, each medium's output is valid UTF-8, holds
// no hidden character raw, and cannot break out of its place.
func FuzzSafe(f *testing.F) {
	for _, s := range []string{"Shopify", "🛒 库存系统\nМагазин", "# x\n- y", oscTitle, oscClipboard, c1CSI, rlo, badUTF8, "%%{init: {}}%%", "a | b `c` <d>", "1. x\r\n=== \u2028"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		check := func(medium, out string, keep string) {
			if !utf8.ValidString(out) {
				t.Fatalf("%s(%q) is not UTF-8: %q", medium, s, out)
			}
			for _, r := range out {
				if hidden(r) && !strings.ContainsRune(keep, r) {
					t.Fatalf("%s(%q) = %q holds %U raw", medium, s, out, r)
				}
			}
		}
		check("Terminal", Terminal(s), "\n\t")
		md := Markdown(s)
		check("Markdown", md, "\t")
		if c := unescapedMarkup(md); c != 0 {
			t.Fatalf("Markdown(%q) = %q leaves %q unescaped", s, md, c)
		}
		checkReadsAsTyped(t, s)
		check("MarkdownQuote", MarkdownQuote(s), "\n\t")
		m := Mermaid(s)
		check("Mermaid", m, "\t")
		if strings.ContainsAny(m, "\"%`<>\n") {
			t.Fatalf("Mermaid(%q) = %q can leave its label", s, m)
		}
		check("YAMLComment", YAMLComment(s), "\t")
		if utf8.ValidString(s) {
			// A string value (tagged !!str, as the spec writes every answer:
			// "~" untagged would be null) reads back as it was, hides nothing, and shows every
			// printable character as it is.
			doc := &yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{{Kind: yaml.MappingNode, Content: []*yaml.Node{
				{Kind: yaml.ScalarNode, Value: "k"}, {Kind: yaml.ScalarNode, Tag: "!!str", Value: s}}}}}
			out, err := YAML(doc)
			if err != nil {
				t.Fatalf("YAML(%q): %v", s, err)
			}
			check("YAML", string(out), "\n\t")
			var back map[string]string
			if err := yaml.Unmarshal(out, &back); err != nil || back["k"] != s {
				t.Fatalf("YAML(%q) = %q reads back as %q (%v)", s, out, back["k"], err)
			}
			for _, r := range s {
				if escapedByYAML(r) && !strings.ContainsRune(string(out), r) {
					t.Fatalf("YAML(%q) = %q escapes %U", s, out, r)
				}
			}
		}
		js, _ := json.Marshal(s)
		safeJS := JSON(js)
		var back string
		if err := json.Unmarshal(safeJS, &back); err != nil {
			t.Fatalf("JSON(%q) is not JSON: %v", js, err)
		}
		var orig string
		json.Unmarshal(js, &orig)
		if back != orig {
			t.Fatalf("JSON changed %q to %q", orig, back)
		}
		check("JSON", string(safeJS), "")
		// Written in pieces, split anywhere, the writer gives what JSON
		// gives the whole: one split point from the input itself.
		if len(s) > 0 {
			cut := int(s[0]) % (len(s) + 1)
			var out bytes.Buffer
			w := JSONWriter(&out)
			w.Write([]byte(s[:cut]))
			w.Write([]byte(s[cut:]))
			w.Close()
			if want := string(escapeRaw([]byte(s))); out.String() != want {
				t.Fatalf("JSONWriter(%q split at %d) = %q, JSON gives %q", s, cut, out.String(), want)
			}
		}
	})
}

// unescapedMarkup returns the first Markdown or HTML character in md that is
// not backslash-escaped (<br> aside), or 0: those that are markup wherever
// they stand (> and _ are markup only at the start or beside a space, which
// checkReadsAsTyped checks by rendering).
func unescapedMarkup(md string) byte {
	md = strings.ReplaceAll(md, "<br>", "")
	for i := 0; i < len(md); i++ {
		switch md[i] {
		case '\\':
			i++
		case '[':
			if n := citation(md[i:]); n > 0 {
				i += n - 1
				continue
			}
			return md[i]
		case '<', '`', '|', ']', '*', '~':
			return md[i]
		}
	}
	return 0
}

// The writers give what the functions give the whole document, however it
// is cut into writes: here at every byte, so every character is split once.
func TestRawWriterSplitAnywhere(t *testing.T) {
	page := "<p title=\"a\x1b]0;x\x07\">Ökolager \u202eevil\u009b 界🛒</p>" + badUTF8 + "\n\t\xe7\x95"
	want := string(Document([]byte(page)))
	for cut := 0; cut <= len(page); cut++ {
		for _, step := range []int{1, 2, 3, len(page)} {
			var out bytes.Buffer
			w := DocumentWriter(&out)
			w.Write([]byte(page[:cut]))
			for rest := page[cut:]; rest != ""; {
				n := min(step, len(rest))
				if k, err := w.Write([]byte(rest[:n])); k != n || err != nil {
					t.Fatalf("Write = %d, %v; want %d, nil", k, err, n)
				}
				rest = rest[n:]
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			if out.String() != want {
				t.Fatalf("cut at %d, writes of %d: %q, want %q", cut, step, out.String(), want)
			}
		}
	}
}

func TestDocument(t *testing.T) {
	page := []byte("<p title=\"a\x1b]0;x\x07\">Ökolager \u202eevil\u009b</p>\n\t")
	want := "<p title=\"a\\u001b]0;x\\u0007\">Ökolager \\u202eevil\\u009b</p>\n\t"
	if got := string(Document(page)); got != want {
		t.Errorf("Document = %q, want %q", got, want)
	}
}

// Text in any script is written as typed, an emoji too, and reads back the
// same. Before, yaml.v3 wrote every character beyond U+FFFF as an escape
// ("\U0001F6D2") and double-quoted its scalar, a multi-line one too.
func TestYAMLWritesEveryScriptAsTyped(t *testing.T) {
	values := []string{"Ökolager", "Épicerie", "Магазин", "库存系统", "متجر إلكتروني", "🛒 Shop 👩‍💻 🇩🇪",
		"𠀀𠀁 (CJK Extension B)", "line 1 🛒\nline 2 📦", "private \ue000 and \U0001F6D2", "🛒: a key-like value # not a comment"}
	mapping := &yaml.Node{Kind: yaml.MappingNode}
	for i, v := range values {
		mapping.Content = append(mapping.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: fmt.Sprintf("k%d", i)}, &yaml.Node{Kind: yaml.ScalarNode, Value: v})
	}
	mapping.Content = append(mapping.Content,
		&yaml.Node{Kind: yaml.ScalarNode, Value: "🛒 key"}, &yaml.Node{Kind: yaml.ScalarNode, Value: "x", LineComment: "# uses \ue001 too"},
		&yaml.Node{Kind: yaml.ScalarNode, Value: "hidden"}, &yaml.Node{Kind: yaml.ScalarNode, Value: "a\u202e🛒"})
	doc := &yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{mapping}}
	out, err := YAML(doc)
	if err != nil {
		t.Fatal(err)
	}
	text := string(out)
	if strings.Contains(text, `\U`) || strings.Contains(text, `\ue0`) {
		t.Errorf("an escape where the text should be as typed:\n%s", text)
	}
	for _, v := range append(slices.Clone(values[:7]), "line 1 🛒\n  line 2 📦", "🛒 key: x # uses \ue001 too") {
		if !strings.Contains(text, v) {
			t.Errorf("the output lacks %q as typed:\n%s", v, text)
		}
	}
	if !strings.Contains(text, "k7: |-\n") {
		t.Errorf("the multi-line value is not a block:\n%s", text)
	}
	if strings.ContainsRune(text, '\u202e') || !strings.Contains(text, `\u202e🛒`) {
		t.Errorf("the override is not escaped (or the emoji beside it is):\n%s", text)
	}
	var back map[string]string
	if err := yaml.Unmarshal(out, &back); err != nil {
		t.Fatal(err)
	}
	for i, v := range values {
		if got := back[fmt.Sprintf("k%d", i)]; got != v {
			t.Errorf("k%d read back as %q, want %q", i, got, v)
		}
	}
	if back["🛒 key"] != "x" || back["hidden"] != "a\u202e🛒" {
		t.Errorf("read back: %q", back)
	}
	// The nodes are left as they were given.
	if mapping.Content[11].Value != values[5] {
		t.Errorf("the document was changed: %q", mapping.Content[11].Value)
	}
}
