package brief

import (
	"bytes"
	"encoding/json"
	"io"
	"strings"
	"testing"

	"github.com/integ-dev/integ/checklist"
	"github.com/integ-dev/integ/internal/safe"
	"github.com/integ-dev/integ/internal/spec"
	"github.com/integ-dev/integ/templates"
)

// largeBrief is the example with the longest note on every answer and a
// merge conflict with another on each: a brief of several megabytes whose
// text is mostly notes, as the largest spec's is.
func largeBrief(t testing.TB) *Brief {
	bank, s := loadExample(t)
	note := strings.Repeat("界", checklist.MaxNote-20) + "\nsecond line"
	s.Conflicts = map[string]spec.Answer{}
	for id, a := range s.Answers {
		a.Note = note
		s.Answers[id] = a
		s.Conflicts[id] = spec.Answer{Note: "theirs: " + note}
	}
	return Build(bank, s, now)
}

// WriteJSON writes field by field what encoding the whole brief at once
// writes, byte for byte: hidden characters escaped as safe.JSON escapes them.
func TestWriteJSONIsTheWholeEncoded(t *testing.T) {
	bank, s := loadExample(t)
	hostile := Build(bank, s, now)
	hostile.Project.Name = "Acme\u009b[2J \u202eevil\u202c <b>&"
	hostile.Assumptions = append(hostile.Assumptions, "a\x1b]0;title\x07", "")
	for name, b := range map[string]*Brief{"example": Build(bank, s, now), "hostile": hostile, "large": largeBrief(t), "empty": {}} {
		var whole bytes.Buffer
		enc := json.NewEncoder(&whole)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(b); err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		if err := WriteJSON(&got, b); err != nil {
			t.Fatal(err)
		}
		if want := safe.JSON(whole.Bytes()); !bytes.Equal(got.Bytes(), want) {
			i := 0
			for i < min(got.Len(), len(want)) && got.Bytes()[i] == want[i] {
				i++
			}
			t.Errorf("%s: differs at byte %d: got %.80q, want %.80q", name, i, got.Bytes()[i:], want[i:])
		}
	}
}

// BenchmarkRenderLargeBrief renders largeBrief (about 14 MB in each format)
// to a writer that keeps nothing.
func BenchmarkRenderLargeBrief(b *testing.B) {
	brief := largeBrief(b)
	md, _ := ParseTemplate(templates.BriefName, templates.Brief())
	html, _ := ParseHTMLTemplate(templates.BriefHTMLName, templates.BriefHTML())
	for _, r := range []struct {
		name   string
		render func(io.Writer) error
	}{
		{"markdown", func(w io.Writer) error { return WriteMarkdown(w, brief, md) }},
		{"html", func(w io.Writer) error { return WriteHTML(w, brief, html, PaperAuto) }},
		{"json", func(w io.Writer) error { return WriteJSON(w, brief) }},
	} {
		b.Run(r.name, func(b *testing.B) {
			b.ReportAllocs()
			for range b.N {
				if err := r.render(io.Discard); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
