package questionnaire

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/integ-dev/integ/checklist"
	"github.com/integ-dev/integ/internal/safe"
	"github.com/integ-dev/integ/internal/spec"
)

// markdownMark opens the header: an HTML comment, which Markdown viewers do
// not show. Its lines are JSON, which escapes <, > and &, so no text in them
// can end the comment.
const markdownMark = "<!-- integ questionnaire"

// sentAnswer is one answer as sent, in the header.
type sentAnswer struct {
	ID     string   `json:"id"`
	Value  []string `json:"value,omitempty"`
	System string   `json:"system,omitempty"`
	Note   string   `json:"note,omitempty"`
}

func writeMarkdown(w io.Writer, src Source) error {
	var b bytes.Buffer
	if err := writeMarkdownHeader(&b, src); err != nil {
		return err
	}
	names := src.Spec.Names(src.Bank)
	for _, sec := range src.Sections {
		fmt.Fprintf(&b, "\n## %d. %s\n\n", sectionNumber(src.Bank, sec), safe.Markdown(fill(names, sec.Title)))
		if sec.Intro != "" {
			fmt.Fprintf(&b, "%s\n\n", safe.Markdown(fill(names, sec.Intro)))
		}
		for _, q := range sec.Questions {
			for _, key := range answerKeys(src, q) {
				writeMarkdownQuestion(&b, src, names, q, key)
			}
		}
		fmt.Fprintf(&b, "### %d. Notes on %s\n\n%s · %s\n\nNote:\n\n", sectionNumber(src.Bank, sec), safe.Markdown(fill(names, sec.Title)),
			safe.MarkdownCode(sec.ID), safe.Markdown(sectionNotePrompt(names, sec)))
		if note := safe.MarkdownBlock(sectionNote(src.Spec, sec).Note); note != "" {
			fmt.Fprintf(&b, "%s\n\n", note)
		}
	}
	_, err := w.Write(append(bytes.TrimRight(b.Bytes(), "\n"), '\n'))
	return err
}

func writeMarkdownHeader(b *bytes.Buffer, src Source) error {
	h := src.Header
	head, err := json.Marshal(h)
	if err != nil {
		return err
	}
	fmt.Fprintf(b, "%s: 'integ import' reads the answers back with this block; leave it as it is.\n%s\n", markdownMark, safe.JSON(head))
	for _, sec := range src.Sections {
		for _, q := range sec.Questions {
			for _, key := range answerKeys(src, q) {
				if a := src.Spec.Get(key); !a.IsZero() {
					line, err := json.Marshal(sentAnswer{ID: key, Value: a.Values, System: a.System, Note: a.Note})
					if err != nil {
						return err
					}
					fmt.Fprintf(b, "sent %s\n", safe.JSON(line))
				}
			}
		}
		if note := sectionNote(src.Spec, sec).Note; note != "" {
			line, err := json.Marshal(sentAnswer{ID: sec.ID, Note: note})
			if err != nil {
				return err
			}
			fmt.Fprintf(b, "sent %s\n", safe.JSON(line))
		}
	}
	b.WriteString("-->\n")

	names := src.Spec.Names(src.Bank)
	title := strings.TrimSpace(src.Spec.Answers["project.name"].Value())
	if title == "" {
		title = src.Bank.Title
	}
	title += ": questionnaire"
	if h.For != "" {
		title += " for " + h.For
	}
	fmt.Fprintf(b, "# %s\n\n", safe.Markdown(title))
	secs := []string{"Every section"}
	if len(src.Sections) < len(src.Bank.Sections) {
		secs = secs[:0]
		for _, sec := range src.Sections {
			secs = append(secs, fill(names, sec.Title))
		}
	}
	made := "made on " + day(h.Made) + " from " + h.Spec
	if h.Updated != "" {
		made += " (saved " + day(h.Updated) + "), pre-filled with its answers"
	}
	fmt.Fprintf(b, "%s · %s.\n\n", safe.Markdown(strings.Join(secs, ", ")), safe.Markdown(made))
	b.WriteString("**How to answer:** put an x in the box of your answer (`- [x]`), in several boxes where it says " +
		"\"tick all that apply\". Write answers and notes on the lines under \"Answer:\" and \"Note:\", indented by four spaces. " +
		"\"Undecided\" is always a valid answer. Change only what you know, keep the rest as it is, and send the file back: " +
		"`integ import` reads it.\n")
	return nil
}

// writeMarkdownQuestion writes the answer a key names: a question's answer
// for all channels, or one channel's own (under its own heading and ID, with
// the boxes and note but not the help again).
func writeMarkdownQuestion(b *bytes.Buffer, src Source, names checklist.Names, q *checklist.Question, key string) {
	a := src.Spec.Get(key)
	hint := channelHint(src, key, names)
	heading := fill(names, q.Prompt)
	if _, channel := spec.SplitKey(key); channel != "" {
		heading = "(" + src.Bank.ChannelTitle(channel, names) + ") " + fill(names, q.ShortTitle())
	}
	fmt.Fprintf(b, "### %d.%d %s\n\n", sectionNumber(src.Bank, q.Section), q.Number, safe.Markdown(heading))
	b.WriteString(safe.MarkdownCode(key))
	if q.When != nil && hint == "" {
		fmt.Fprintf(b, " · only if %s", safe.Markdown(src.Bank.DescribeCondition(q.When, names)))
	}
	if hint != "" {
		fmt.Fprintf(b, " · %s", safe.Markdown(hint))
	}
	fmt.Fprintf(b, " · %s\n\n", kindHint(q))
	if q.Help != "" && hint == "" {
		fmt.Fprintf(b, "> %s\n\n", safe.MarkdownQuote(fill(names, q.Help)))
	}
	if q.HasOptions() {
		for _, o := range q.Options {
			box := " "
			if slices.Contains(a.Values, o.Value) {
				box = "x"
			}
			fmt.Fprintf(b, "- [%s] %s\n", box, safe.Markdown(fill(names, o.Label)))
		}
		b.WriteString("\n")
		if prompt, label := systemPrompt(q, names); prompt != "" {
			fmt.Fprintf(b, "> %s\n\nSystem:\n\n", safe.MarkdownQuote("If “"+label+"”: "+prompt))
			if name := safe.MarkdownBlock(a.System); name != "" {
				fmt.Fprintf(b, "%s\n\n", name)
			}
		}
	} else {
		var about []string
		if q.Unit != "" {
			about = append(about, q.Unit)
		}
		if q.DefaultIsAnswer() {
			about = append(about, "if left empty: "+fill(names, q.Default))
		}
		label := "Answer"
		if len(about) > 0 {
			label += " (" + strings.Join(about, "; ") + ")"
		}
		fmt.Fprintf(b, "%s:\n\n", safe.Markdown(label))
		if text := safe.MarkdownBlock(a.Value()); text != "" {
			fmt.Fprintf(b, "%s\n\n", text)
		}
	}
	b.WriteString("Note:\n\n")
	if note := safe.MarkdownBlock(a.Note); note != "" {
		fmt.Fprintf(b, "%s\n\n", note)
	}
}

func sectionNumber(bank *checklist.Bank, sec *checklist.Section) int {
	for i, s := range bank.Sections {
		if s == sec {
			return i + 1
		}
	}
	return 0
}

// day turns an RFC 3339 time into "27 November 2026".
func day(rfc3339 string) string {
	t, err := time.Parse(time.RFC3339, rfc3339)
	if err != nil {
		return rfc3339
	}
	return t.UTC().Format("2 January 2006")
}

var (
	idLineRE   = regexp.MustCompile("^`([^`]+)`")
	boxRE      = regexp.MustCompile(`^\s*[-*+]\s*\[\s*([xX✓✔]?)\s*\]\s*(.*)$`)
	markerRE   = regexp.MustCompile(`^(Answer|System|Note)(?:\s*\(.*\))?:\s*(.*)$`)
	headingRE  = regexp.MustCompile(`^#{1,6}\s`)
	sentLineRE = regexp.MustCompile(`^sent\s+(\{.*\})\s*$`)
)

// mdQuestion collects one question's lines while reading.
type mdQuestion struct {
	q       *checklist.Question // nil for the notes on a section
	key     string              // q's ID, or ID@CHANNEL for one channel's own answer
	line    int
	ticked  []string
	boxes   bool
	answer  []string
	system  []string
	note    []string
	problem bool
}

// mdReader reads a Markdown questionnaire line by line.
type mdReader struct {
	file     string
	bank     *checklist.Bank
	names    checklist.Names
	f        *Filled
	problems checklist.Problems
	dropped  int // problems past maxProblems, counted, not kept
	inHeader bool
	seenHead bool
	cur      *mdQuestion
	block    *[]string // the Answer, System or Note block being read
	seen     map[string]int
}

func readMarkdown(file string, data []byte, bank *checklist.Bank, names checklist.Names) (*Filled, error) {
	r := &mdReader{file: file, bank: bank, names: names, seen: map[string]int{},
		f: &Filled{File: file, Format: Markdown, Sent: map[string]spec.Answer{}}}
	sc := bufio.NewScanner(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff"))))
	sc.Buffer(make([]byte, 0, 64<<10), 4<<20)
	n := 0
	for sc.Scan() {
		n++
		r.line(n, strings.TrimRight(sc.Text(), "\r"))
	}
	r.finish()
	if err := sc.Err(); err != nil {
		r.problemf(n, "cannot read further: %v", err)
	}
	if !r.seenHead {
		return nil, problem(file, 0, "is not a questionnaire made by 'integ questions' (its first lines, an HTML comment, are missing); make one with 'integ questions --format markdown -o FILE'")
	}
	if r.inHeader {
		r.problemf(n, "the header comment is not closed with -->")
	}
	if r.dropped > 0 {
		r.problems = append(r.problems, problem(r.file, 0, "and %d more problems; correct the ones above first", r.dropped))
	}
	return r.f, asError(r.problems)
}

// maxProblems is how many problems a file reports: a file of a million
// wrong lines made a million messages and a gigabyte.
const maxProblems = 100

func (r *mdReader) problemf(line int, format string, args ...any) {
	if len(r.problems) >= maxProblems {
		r.dropped++
		return
	}
	r.problems = append(r.problems, problem(r.file, line, format, args...))
}

// line reads line n: the header, a question's ID line, a heading that ends a
// question, or a line inside a question.
func (r *mdReader) line(n int, line string) {
	switch {
	case strings.HasPrefix(line, markdownMark) && !r.seenHead:
		r.inHeader, r.seenHead = true, true
	case r.inHeader && strings.TrimSpace(line) == "-->":
		r.inHeader = false
	case r.inHeader:
		if err := r.f.readHeaderLine(line); err != nil {
			r.problemf(n, "%v", err)
		}
	case idLineRE.MatchString(line):
		r.finish()
		r.start(n, idLineRE.FindStringSubmatch(line)[1])
	case headingRE.MatchString(line):
		r.finish()
	case r.cur != nil:
		r.questionLine(n, line)
	}
}

func (r *mdReader) start(n int, key string) {
	q, err := target(r.bank, key)
	if err != nil {
		r.problemf(n, "%v", err)
		return
	}
	if first, dup := r.seen[key]; dup {
		r.problemf(n, "%s is in the file twice (first at line %d); keep one", key, first)
		return
	}
	r.seen[key] = n
	r.cur = &mdQuestion{q: q, key: key, line: n}
}

// questionLine reads a line of the current question: a marker that starts a
// block, a box, or a line of the block being read. A box that names one of
// the question's answers ends a block (a note written above the boxes).
func (r *mdReader) questionLine(n int, line string) {
	cur := r.cur
	if m := markerRE.FindStringSubmatch(line); m != nil {
		switch m[1] {
		case "Answer":
			r.block = &cur.answer
		case "System":
			r.block = &cur.system
		default:
			r.block = &cur.note
		}
		*r.block = append(*r.block, m[2]) // a second marker continues the first
		return
	}
	box := boxRE.FindStringSubmatch(line)
	if box != nil && cur.hasOptions() && r.block != nil && !isIndented(line) {
		if _, ok := optionByLabel(r.names, cur.q, box[2]); ok {
			r.block = nil
		}
	}
	switch {
	case r.block != nil:
		*r.block = append(*r.block, line)
	case box == nil || !cur.hasOptions():
		// Help and other text: not an answer.
	case box[1] == "":
		cur.boxes = true
	default:
		cur.boxes = true
		if v, ok := optionByLabel(r.names, cur.q, box[2]); ok {
			cur.ticked = append(cur.ticked, v)
		} else {
			r.problemf(n, "%q is not one of the answers to %s; tick one of the boxes as printed", strings.TrimSpace(box[2]), cur.q.ID)
			cur.problem = true
		}
	}
}

// finish ends the current question, if any, and keeps what was read.
func (r *mdReader) finish() {
	cur := r.cur
	r.cur, r.block = nil, nil
	if cur == nil {
		return
	}
	if cur.q == nil && strings.TrimSpace(blockText(cur.answer)) != "" {
		r.problemf(cur.line, "%s", notAnAnswer(cur.key))
		return
	}
	if cur.q != nil && cur.q.Kind != checklist.KindMulti && len(cur.ticked) > 1 {
		r.problemf(cur.line, "%s takes one answer, but %d boxes are ticked; tick one", cur.key, len(cur.ticked))
		return
	}
	if !cur.problem {
		r.f.Entries = append(r.f.Entries, cur.entry(r.f.Sent[cur.key]))
	}
}

func (f *Filled) readHeaderLine(line string) error {
	line = strings.TrimSpace(line)
	if line == "" {
		return nil
	}
	if m := sentLineRE.FindStringSubmatch(line); m != nil {
		var a sentAnswer
		if err := json.Unmarshal([]byte(m[1]), &a); err != nil || a.ID == "" {
			return fmt.Errorf("the header's line of answers as sent is damaged; make the questionnaire again")
		}
		f.Sent[a.ID] = spec.Answer{Values: a.Value, System: a.System, Note: a.Note}
		return nil
	}
	if err := json.Unmarshal([]byte(line), &f.Header); err != nil {
		return fmt.Errorf("the header is damaged (%q); make the questionnaire again", line)
	}
	if f.Header.Version > formatVersion {
		return fmt.Errorf("the questionnaire was made by a newer integ (format %d); update integ", f.Header.Version)
	}
	return nil
}

func (m *mdQuestion) hasOptions() bool { return m.q != nil && m.q.HasOptions() }

// entry turns what was read into an Entry, comparing it with what was sent.
func (m *mdQuestion) entry(sent spec.Answer) Entry {
	e := Entry{ID: m.key, Line: m.line, Note: blockText(m.note), Section: m.q == nil}
	if m.hasOptions() {
		e.Value = strings.Join(m.ticked, ",")
		e.Changed = m.boxes && !sameValues(m.ticked, sent.Values)
	} else {
		e.Value = blockText(m.answer)
		e.Changed = m.answer != nil && !sameText(e.Value, unblock(safe.MarkdownBlock(sent.Value())))
	}
	if m.note != nil && !sameText(e.Note, unblock(safe.MarkdownBlock(sent.Note))) {
		e.Changed = true
	}
	e.System = blockText(m.system)
	if m.system != nil && !sameText(e.System, unblock(safe.MarkdownBlock(sent.System))) {
		e.Changed = true
	}
	if m.system == nil {
		e.System = sent.System // a questionnaire without the line keeps what was sent
	}
	if !m.boxes && m.answer == nil && m.note == nil && m.system == nil {
		e.Changed = false // the question's lines were deleted: keep what was sent
	}
	return e
}

// optionByLabel finds the option a ticked box names: its label as printed,
// as written in the bank with the names filled in, or its value.
func optionByLabel(names checklist.Names, q *checklist.Question, text string) (string, bool) {
	text = strings.TrimSpace(text)
	for _, o := range q.Options {
		label := fill(names, o.Label)
		for _, form := range []string{safe.Markdown(label), label, o.Value} {
			if strings.EqualFold(text, form) {
				return o.Value, true
			}
		}
	}
	return "", false
}

// blockText turns the lines of an Answer or Note block into text: the common
// indentation removed, blank lines at either end dropped.
func blockText(lines []string) string {
	if lines == nil {
		return ""
	}
	indent := -1
	for i, l := range lines {
		l = strings.ReplaceAll(l, "\t", "    ")
		lines[i] = strings.TrimRight(l, " ")
		if strings.TrimSpace(l) == "" || i == 0 {
			continue
		}
		if w := len(l) - len(strings.TrimLeft(l, " ")); indent < 0 || w < indent {
			indent = w
		}
	}
	for i := 1; i < len(lines); i++ {
		if len(lines[i]) >= indent && indent > 0 {
			lines[i] = lines[i][indent:]
		}
	}
	return strings.Trim(strings.Join(lines, "\n"), "\n")
}

func isIndented(line string) bool {
	return strings.HasPrefix(line, "    ") || strings.HasPrefix(line, "\t")
}

// unblock is blockText for what MarkdownBlock wrote.
func unblock(s string) string { return blockText(append([]string{""}, strings.Split(s, "\n")...)) }
