package safe

import (
	"html/template"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestHTML(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Shopify", "Shopify"},
		{"Müller & Söhne", "Müller &amp; Söhne"},
		{`<script>alert("x")</script>`, "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;"},
		{`" onmouseover='x'`, "&#34; onmouseover=&#39;x&#39;"},
		{"&lt;", "&amp;lt;"},
		{"line one\r\nline two", "line one\nline two"},
		{"tab\there", "tab\there"},
		{"nul\x00bell\x07del\x7fc1\u0085", `nul\x00bell\x07del\x7fc1\x85`},
		{"bad \xff byte", `bad \xff byte`},
		{"evil\u202etxt.exe", `evil\u202etxt.exe`},
		{"lone\rreturn", `lone\x0dreturn`},
		{"日本語の名前 <b>", "日本語の名前 &lt;b&gt;"},
		{"", ""},
	} {
		if got := HTML(c.in); got != c.want {
			t.Errorf("HTML(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// Whatever goes in, nothing that opens a tag, an entity or a quote comes out
// unescaped, the result is valid UTF-8, and html/template's escaper agrees on
// text without control characters.
func FuzzHTML(f *testing.F) {
	for _, s := range []string{"<a href='x'>", "a & b", "\x00\xff\"", "Ünïcödé"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := HTML(s)
		if !utf8.ValidString(got) {
			t.Fatalf("HTML(%q) = %q is not UTF-8", s, got)
		}
		if strings.ContainsAny(got, "<>\"'\r\x00") {
			t.Fatalf("HTML(%q) = %q keeps a special character", s, got)
		}
		// Every & starts one of the references HTML writes.
		for rest := got; ; {
			i := strings.IndexByte(rest, '&')
			if i < 0 {
				break
			}
			rest = rest[i:]
			ok := false
			for _, ref := range []string{"&amp;", "&lt;", "&gt;", "&#34;", "&#39;"} {
				ok = ok || strings.HasPrefix(rest, ref)
			}
			if !ok {
				t.Fatalf("HTML(%q) = %q has a bare &", s, got)
			}
			rest = rest[1:]
		}
		plain := utf8.ValidString(s) && !strings.ContainsFunc(s, func(r rune) bool { return hidden(r) && r != '\n' && r != '\t' })
		if want := template.HTMLEscapeString(s); plain && got != want {
			t.Fatalf("HTML(%q) = %q, html/template writes %q", s, got, want)
		}
	})
}
