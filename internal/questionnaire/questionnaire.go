// Package questionnaire writes the questionnaires a manager hands to
// colleagues — Markdown to fill in with a text editor, CSV for spreadsheets —
// pre-filled with the spec's answers, and reads them back filled in. Each
// records what it was made from and the answers as sent, so that `integ
// import` can tell a colleague's change from an answer that changed in the
// spec since. Checking the answers is not done here: the reader returns them
// as text, the way `integ set` takes them.
package questionnaire

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/integ-dev/integ/checklist"
	"github.com/integ-dev/integ/internal/spec"
)

// Formats a questionnaire is written and read in.
const (
	Markdown = "markdown"
	CSV      = "csv"
)

// Header says what a questionnaire was made from.
type Header struct {
	Version  int      `json:"version"`           // format version
	Spec     string   `json:"spec"`              // the spec's path, as given
	Updated  string   `json:"updated,omitempty"` // the spec's updated: then (RFC 3339); empty for a new spec
	Made     string   `json:"made"`              // when the questionnaire was made (RFC 3339)
	For      string   `json:"for,omitempty"`     // who it was made for (--for)
	Sections []string `json:"sections"`          // section IDs, in bank order
}

// NewHeader describes a questionnaire made now from s.
func NewHeader(s *spec.Spec, now time.Time, forWhom string) Header {
	h := Header{Spec: s.Path, Made: now.UTC().Truncate(time.Second).Format(time.RFC3339), For: forWhom}
	if !s.Updated.IsZero() {
		h.Updated = s.Updated.UTC().Format(time.RFC3339)
	}
	return h
}

// MaxSize bounds a questionnaire integ import reads: one made from the
// largest spec carries each answer twice (as filled in and as sent) and
// every question's text, more than the spec itself.
const MaxSize = 3 * spec.MaxSize

// formatVersion is written in every header; a newer one is refused on read.
const formatVersion = 1

// Source is what a questionnaire is made from.
type Source struct {
	Bank     *checklist.Bank
	Spec     *spec.Spec
	Sections []*checklist.Section // in bank order
	Header   Header
	// Separator is the CSV's column separator: ',' (also when 0), ';' for a
	// spreadsheet in a locale whose decimal separator is the comma, or '\t'.
	Separator rune
}

// Filled is a questionnaire read back.
type Filled struct {
	File   string
	Format string
	Header Header
	// Sent holds the answers as they were when the questionnaire was made, by
	// question ID; a question without an answer then is absent.
	Sent    map[string]spec.Answer
	Entries []Entry
	// Warnings are things to tell but not stop for (an encoding guessed).
	Warnings []string

	sentPrinted map[string][3]string // CSV: the sent answer, system and note cells as read
}

// Base is what the questionnaire sent for a question, given the answer the
// spec holds now. A CSV holds the answers as printed, and printing can change
// text (a hidden character shown as an escape, white space at the ends): when
// what was sent prints like the answer now, it is taken to be that answer.
func (f *Filled) Base(id string, now spec.Answer) spec.Answer {
	if cells, ok := f.sentPrinted[id]; ok {
		if printed := printedCSV(now); sameText(cells[0], printed[0]) && sameText(cells[1], printed[1]) && sameText(cells[2], printed[2]) {
			return now
		}
	}
	return f.Sent[id]
}

// Entry is one question as read back.
type Entry struct {
	ID   string
	Line int // where the question is in the file
	// Changed reports whether the answer or note differs from what was sent
	// (as printed: a spreadsheet that reformats both alike changes nothing).
	Changed bool
	// Value is the answer as `integ set ID=VALUE` takes it: "" for none,
	// several values comma-separated.
	Value string
	// System is the name of the system the answer names ("another system"),
	// as `integ set --system ID=NAME` takes it.
	System string
	Note   string
	// Section marks the notes on a section (ID is the section's): only Note
	// is read.
	Section bool
}

// Write writes the questionnaire in format (Markdown or CSV).
func Write(w io.Writer, format string, src Source) error {
	src.Header.Version = formatVersion
	src.Header.Sections = nil
	for _, sec := range src.Sections {
		src.Header.Sections = append(src.Header.Sections, sec.ID)
	}
	switch format {
	case Markdown:
		return writeMarkdown(w, src)
	case CSV:
		return writeCSV(w, src)
	}
	return fmt.Errorf("unknown questionnaire format %q", format)
}

// Read reads a filled-in questionnaire in either format. Every problem found
// is returned at once (checklist.Problems), each with the file and line.
// names are the systems' names the labels were printed with.
func Read(file string, data []byte, bank *checklist.Bank, names checklist.Names) (*Filled, error) {
	if bytes.Contains(data, []byte(markdownMark)) {
		return readMarkdown(file, data, bank, names)
	}
	return readCSV(file, data, bank)
}

// answerKeys are the answers a questionnaire asks for q (spec.Key): its
// answer for all channels and, where it may differ by sales channel and
// several channels are chosen, each chosen channel's own answer.
func answerKeys(src Source, q *checklist.Question) []string {
	keys := []string{q.ID}
	if chosen := src.Spec.Channels(); q.ByChannel && len(chosen) > 1 {
		for _, ch := range src.Bank.ChannelValues() {
			if slices.Contains(chosen, ch) {
				keys = append(keys, spec.Key(q.ID, ch))
			}
		}
	}
	return keys
}

// target finds the question a key in a questionnaire names (an ID, or
// ID@CHANNEL for one sales channel's answer), or says why there is none. A
// section's ID names the notes on it: no question, and no error.
func target(bank *checklist.Bank, key string) (*checklist.Question, error) {
	q := spec.QuestionOf(bank, key)
	_, channel := spec.SplitKey(key)
	switch {
	case q == nil && channel == "" && bank.Section(key) != nil:
		return nil, nil
	case q == nil:
		return nil, fmt.Errorf("%q is not a question in this checklist; was the questionnaire made with another one?", key)
	case channel != "" && (!q.ByChannel || bank.Channel(channel) == nil):
		return nil, fmt.Errorf("%q: %s has no answer of its own for a channel %q in this checklist; was the questionnaire made with another one?", key, q.ID, channel)
	}
	return q, nil
}

// sectionNote is the notes on a section as a questionnaire carries them: an
// answer with only a note.
func sectionNote(s *spec.Spec, sec *checklist.Section) spec.Answer {
	return spec.Answer{Note: s.SectionNotes[sec.ID]}
}

// sectionNotePrompt asks for the notes on a section.
func sectionNotePrompt(names checklist.Names, sec *checklist.Section) string {
	return "Anything else the integrator should know about “" + fill(names, sec.Title) + "”? (optional)"
}

// notAnAnswer says that a section's notes take no answer.
func notAnAnswer(id string) string {
	return id + " is the notes on a section: write in its note, not its answer"
}

// channelHint says, on a channel's own answer, what it is for.
func channelHint(src Source, key string, names checklist.Names) string {
	_, channel := spec.SplitKey(key)
	if channel == "" {
		return ""
	}
	return src.Bank.ChannelTitle(channel, names) + " only; leave it empty where the answer for all channels applies"
}

// fill puts the systems' names into a bank text.
func fill(names checklist.Names, s string) string {
	return names.Fill(s, map[string]string{"third": "another system", "value": "…"})
}

// valueText is an answer's values as `integ set` takes them, spaced for reading.
func valueText(a spec.Answer) string { return strings.Join(a.Values, ", ") }

// sameText compares what was printed with what came back, ignoring the
// white space and line ends editors and spreadsheets change.
func sameText(a, b string) bool { return normalise(a) == normalise(b) }

func normalise(s string) string {
	lines := strings.Split(strings.ReplaceAll(strings.TrimSpace(s), "\r\n", "\n"), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSpace(l)
	}
	return strings.Join(lines, "\n")
}

// sameValues compares answer values as a set: a multi-select read back from
// check boxes comes in the bank's order, whatever order it was saved in.
func sameValues(a, b []string) bool {
	x, y := slices.Clone(a), slices.Clone(b)
	slices.Sort(x)
	slices.Sort(y)
	return slices.Equal(x, y)
}

// systemPrompt is what a question asks about the system one of its answers
// names ("Which tax service?"), with that answer's label; "" when none does.
func systemPrompt(q *checklist.Question, names checklist.Names) (prompt, label string) {
	for _, o := range q.Options {
		if o.System != "" {
			return fill(names, o.System), fill(names, o.Label)
		}
	}
	return "", ""
}

// kindHint says in a few words what a question takes.
func kindHint(q *checklist.Question) string {
	switch q.Kind {
	case checklist.KindMulti:
		return "tick all that apply"
	case checklist.KindNumber:
		return "a number" + rangeText(q) + ", or undecided"
	case checklist.KindText:
		return "text"
	case checklist.KindDate:
		return "a date, YYYY-MM-DD, or undecided"
	}
	return "tick one"
}

func rangeText(q *checklist.Question) string {
	f := func(p *float64) string { return strings.TrimSuffix(fmt.Sprintf("%g", *p), ".0") }
	switch {
	case q.Min != nil && q.Max != nil:
		return " from " + f(q.Min) + " to " + f(q.Max)
	case q.Min != nil:
		return " of at least " + f(q.Min)
	case q.Max != nil:
		return " of at most " + f(q.Max)
	}
	return ""
}

func problem(file string, line int, format string, args ...any) checklist.Problem {
	return checklist.Problem{File: file, Line: line, Msg: fmt.Sprintf(format, args...)}
}

// asError returns the problems as one error, or nil.
func asError(ps checklist.Problems) error {
	if len(ps) == 0 {
		return nil
	}
	return ps
}
