package questionnaire

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/integ-dev/integ/checklist"
	"github.com/integ-dev/integ/internal/safe"
	"github.com/integ-dev/integ/internal/spec"
)

// The CSV's columns. A spreadsheet may reorder them or add its own: they are
// found by name.
var csvColumns = []string{"section", "id", "question", "allowed values", "answer", "system", "note", "help", "sent answer", "sent system", "sent note"}

// bom starts the file so that Excel reads it as UTF-8 (without it, Excel
// takes a CSV for the Windows code page and garbles every non-English letter).
const bom = "\ufeff"

func writeCSV(w io.Writer, src Source) error {
	var b bytes.Buffer
	b.WriteString(bom)
	cw := csv.NewWriter(&b) // line ends are \n: spreadsheets read them, and a terminal shows them plainly
	if src.Separator != 0 {
		cw.Comma = src.Separator
	}
	h := src.Header
	about := "# integ questionnaire, made on " + day(h.Made) + " from " + h.Spec
	if h.For != "" {
		about += " for " + h.For
	}
	about += ". Fill in the answer column (as listed under allowed values; several separated by commas), the note column, " +
		"and the system column where allowed values asks for it; keep the other columns as they are, and send the file back: 'integ import' reads it."
	records := [][]string{{safe.SpreadsheetCell(about)}, csvColumns}
	names := src.Spec.Names(src.Bank)
	for _, sec := range src.Sections {
		for _, q := range sec.Questions {
			help := fill(names, q.Help)
			if q.When != nil {
				help = "Only if " + src.Bank.DescribeCondition(q.When, names) + ". " + help
			}
			for _, key := range answerKeys(src, q) {
				prompt := fill(names, q.Prompt)
				if hint := channelHint(src, key, names); hint != "" {
					prompt += " (" + hint + ")"
				}
				p := printedCSV(src.Spec.Get(key))
				records = append(records, []string{
					safe.SpreadsheetCell(fill(names, sec.Title)), key, safe.SpreadsheetCell(prompt),
					safe.SpreadsheetCell(allowedValues(q, names)), p[0], p[1], p[2], safe.SpreadsheetCell(help), p[0], p[1], p[2],
				})
			}
		}
		p := printedCSV(sectionNote(src.Spec, sec))
		records = append(records, []string{
			safe.SpreadsheetCell(fill(names, sec.Title)), sec.ID, safe.SpreadsheetCell(sectionNotePrompt(names, sec)),
			"a note only: write it in the note column", "", "", p[2], "", "", "", p[2],
		})
	}
	if err := cw.WriteAll(records); err != nil {
		return err
	}
	_, err := w.Write(b.Bytes())
	return err
}

// printedCSV is an answer as its answer, system and note cells show it.
func printedCSV(a spec.Answer) [3]string {
	return [3]string{safe.SpreadsheetCell(valueText(a)), safe.SpreadsheetCell(a.System), safe.SpreadsheetCell(a.Note)}
}

// allowedValues lists what the answer column takes, e.g.
// "at-order = When the order is placed; at-shipment = …; undecided = Undecided".
func allowedValues(q *checklist.Question, names checklist.Names) string {
	if !q.HasOptions() {
		s := kindHint(q)
		if q.Unit != "" {
			s += " (" + q.Unit + ")"
		}
		if q.DefaultIsAnswer() {
			s += "; if left empty: " + fill(names, q.Default)
		}
		return s
	}
	var parts []string
	for _, o := range q.Options {
		parts = append(parts, o.Value+" = "+fill(names, o.Label))
	}
	s := strings.Join(parts, "; ")
	if q.Kind == checklist.KindMulti {
		s = "one or more, separated by commas: " + s
	}
	if prompt, label := systemPrompt(q, names); prompt != "" {
		s += " (for “" + label + "”, the system column: " + prompt + ")"
	}
	return s
}

func readCSV(file string, data []byte, bank *checklist.Bank) (*Filled, error) {
	f := &Filled{File: file, Format: CSV, Sent: map[string]spec.Answer{}, sentPrinted: map[string][3]string{}}
	data = bytes.TrimPrefix(data, []byte(bom))
	if !utf8.Valid(data) {
		data = windows1252(data)
		f.Warnings = append(f.Warnings, file+": is not UTF-8; read it as Windows-1252, what Excel's plain \"CSV\" format writes (\"CSV UTF-8\" keeps every language's letters)")
	}
	records, lines, cols, err := csvTable(data)
	if err != nil {
		return nil, problem(file, 0, "%v", err)
	}
	var problems checklist.Problems
	for _, need := range []string{"id", "answer", "note", "sent answer", "sent note"} {
		if _, ok := cols[need]; !ok {
			problems = append(problems, problem(file, 0, "has no %q column; make the questionnaire again with 'integ questions --format csv'", need))
		}
	}
	if len(problems) > 0 {
		return nil, problems
	}
	seen := map[string]int{}
	for i, rec := range records {
		cell := func(name string) string {
			if c, ok := cols[name]; ok && c < len(rec) {
				return rec[c]
			}
			return "" // a column the file does not have (system, in a CSV made before it)
		}
		id, line := strings.TrimSpace(cell("id")), lines[i]
		if id == "" {
			continue
		}
		q, err := target(bank, id)
		switch first, dup := seen[id]; {
		case err != nil:
			problems = append(problems, problem(file, line, "%v", err))
		case dup:
			problems = append(problems, problem(file, line, "%s is in the file twice (first at line %d); keep one", id, first))
		case q == nil && strings.TrimSpace(fromCell(cell("answer"))) != "":
			problems = append(problems, problem(file, line, "%s", notAnAnswer(id)))
		default:
			seen[id] = line
			f.addCSVRow(q, id, line, cell)
		}
	}
	if len(problems) > maxProblems {
		more := len(problems) - maxProblems
		problems = append(problems[:maxProblems], problem(file, 0, "and %d more problems; correct the ones above first", more))
	}
	return f, asError(problems)
}

// addCSVRow keeps one row: what was sent, and what came back, for the
// answer key names (a question's ID, or ID@CHANNEL).
func (f *Filled) addCSVRow(q *checklist.Question, key string, line int, cell func(string) string) {
	sentAnswer, sentSystem, sentNote := cell("sent answer"), cell("sent system"), cell("sent note")
	f.sentPrinted[key] = [3]string{sentAnswer, sentSystem, sentNote}
	sent := spec.Answer{System: strings.TrimSpace(fromCell(sentSystem)), Note: strings.TrimSpace(fromCell(sentNote))}
	if v := strings.TrimSpace(fromCell(sentAnswer)); v != "" {
		sent.Values = []string{v}
		if q != nil && q.Kind == checklist.KindMulti {
			sent.Values = checklist.SplitList(v)
		}
	}
	if len(sent.Values) > 0 || sent.System != "" || sent.Note != "" {
		f.Sent[key] = sent
	}
	f.Entries = append(f.Entries, Entry{
		ID: key, Line: line,
		Changed: !sameText(cell("answer"), sentAnswer) || !sameText(cell("system"), sentSystem) || !sameText(cell("note"), sentNote),
		Value:   strings.TrimSpace(fromCell(cell("answer"))),
		System:  strings.TrimSpace(fromCell(cell("system"))),
		Note:    strings.TrimSpace(fromCell(cell("note"))),
		Section: q == nil,
	})
}

// maxRows bounds the rows a CSV questionnaire may have, far above the
// questions of any bank times their channels: a file of a million empty rows
// took integ import to 280 MB.
const maxRows = 10_000

// csvTable finds the separator a spreadsheet saved with (comma, semicolon or
// tab) by looking for the header row, and returns the rows after it with the
// line each starts on, and the columns by name.
func csvTable(data []byte) (records [][]string, lines []int, cols map[string]int, err error) {
	var firstErr error
	for _, sep := range []rune{',', ';', '\t'} {
		r := csv.NewReader(bytes.NewReader(data))
		r.Comma, r.FieldsPerRecord, r.LazyQuotes = sep, -1, true
		records, lines, cols = nil, nil, nil
		for {
			rec, err := r.Read()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				if firstErr == nil {
					firstErr = err
				}
				break
			}
			if cols == nil {
				cols = headerColumns(rec)
				continue
			}
			if len(records) == maxRows {
				return nil, nil, nil, fmt.Errorf("has more than %d rows; a questionnaire has one row per question (and channel)", maxRows)
			}
			line, _ := r.FieldPos(0)
			records, lines = append(records, rec), append(lines, line)
		}
		if cols != nil {
			return records, lines, cols, nil
		}
	}
	if firstErr != nil {
		return nil, nil, nil, fmt.Errorf("is neither a questionnaire in Markdown nor a CSV integ can read: %v", firstErr)
	}
	return nil, nil, nil, errors.New("is neither a questionnaire in Markdown nor a CSV with id and answer columns; make one with 'integ questions --format csv'")
}

// headerColumns returns the columns by name if rec is the header row, else nil.
func headerColumns(rec []string) map[string]int {
	cols := map[string]int{}
	for i, c := range rec {
		name := strings.ToLower(strings.TrimSpace(c))
		if _, dup := cols[name]; !dup {
			cols[name] = i
		}
	}
	if _, ok := cols["id"]; !ok {
		return nil
	}
	if _, ok := cols["answer"]; !ok {
		return nil
	}
	return cols
}

// fromCell undoes SpreadsheetCell's apostrophe before text a spreadsheet
// would otherwise run as a formula.
func fromCell(s string) string {
	if len(s) > 1 && s[0] == '\'' && strings.ContainsRune("=+-@\t", rune(s[1])) {
		return s[1:]
	}
	return s
}

// cp1252 maps the bytes 0x80–0x9f of Windows-1252; the others are Latin-1.
var cp1252 = [32]rune{
	'€', 0x81, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0x8d, 'Ž', 0x8f,
	0x90, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0x9d, 'ž', 'Ÿ',
}

func windows1252(data []byte) []byte {
	var b bytes.Buffer
	b.Grow(len(data) + len(data)/8)
	for _, c := range data {
		switch {
		case c < 0x80:
			b.WriteByte(c)
		case c < 0xa0:
			b.WriteRune(cp1252[c-0x80])
		default:
			b.WriteRune(rune(c))
		}
	}
	return b.Bytes()
}
