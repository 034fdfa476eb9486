package spec

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/integ-dev/integ/checklist"
	"github.com/integ-dev/integ/internal/fsutil"
	"github.com/integ-dev/integ/internal/yamllimit"
)

// Load reads the spec at path. A missing file gives a new, empty spec; any
// file that exists but cannot be used gives an error naming the file and,
// where there is one, the line, and is never overwritten.
func Load(path string, bank *checklist.Bank) (*Spec, error) {
	return load(path, bank, false)
}

// LoadLenient is Load, but an answer whose value the bank does not allow is
// kept as written and listed in Invalid instead of failing the load: `integ
// check` reports such answers as findings.
func LoadLenient(path string, bank *checklist.Bank) (*Spec, error) {
	return load(path, bank, true)
}

func load(path string, bank *checklist.Bank, lenient bool) (*Spec, error) {
	data, err := readSpec(path)
	if errors.Is(err, fs.ErrNotExist) {
		return New(path, bank), nil
	}
	if err != nil {
		return nil, err
	}
	s, err := parse(path, data, bank, lenient)
	if err != nil {
		return nil, err
	}
	s.exists = true
	return s, nil
}

// readSpec reads the file at path through a size limit, refusing anything
// that is not a regular file (a FIFO would hang, /dev/zero never ends). A
// missing file is fs.ErrNotExist; every other error names the file.
func readSpec(path string) ([]byte, error) {
	data, err := fsutil.ReadFile(path, MaxSize)
	var notFile *fsutil.NotFileError
	var tooBig *fsutil.TooBigError
	switch {
	case err == nil:
		return data, nil
	case errors.Is(err, fs.ErrNotExist):
		if target, lerr := os.Readlink(path); lerr == nil {
			return nil, problemf(path, 0, "is a link to %s, which does not exist; fix or remove the link", target)
		}
		return nil, err
	case errors.As(err, &notFile) && notFile.Mode.IsDir():
		return nil, problemf(path, 0, "is a folder; give the spec file's path, e.g. --spec %s", strings.TrimSuffix(path, "/")+"/integration-spec.yaml")
	case errors.As(err, &notFile):
		return nil, problemf(path, 0, "is %s, not a file; a spec is a YAML file", notFile.What())
	case errors.As(err, &tooBig):
		return nil, problemf(path, 0, "is %s, too big to be a spec (a spec is under 100 KB; the limit is %d MB)", fsutil.Size(tooBig.Size), MaxSize>>20)
	}
	return nil, problemf(path, 0, "cannot read the spec: %s", fsutil.Reason(err))
}

// document checks that data can be a spec at all (text, not too much
// structure) and returns its top-level mapping, aliases expanded, every key
// text and none given twice.
func document(file string, data []byte) (*yaml.Node, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, problemf(file, 0, "is empty; delete it to start a new spec, or restore it from a copy")
	}
	if bytes.IndexByte(data, 0) >= 0 || !utf8.Valid(data) {
		return nil, problemf(file, 0, "is not a text file; a spec is YAML text")
	}
	if err := yamllimit.CheckSize(data); err != nil {
		return nil, problemf(file, 0, "%v", err)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		p := checklist.ProblemFromYAML(file, err.Error())
		if strings.Contains(p.Msg, "found character that cannot start any token") && bytes.Contains(data, []byte("\t")) {
			p.Msg += " (YAML does not allow tabs for indentation; use spaces)"
		}
		return nil, p
	}
	if len(doc.Content) == 0 {
		return nil, problemf(file, 0, "holds only comments; delete it to start a new spec")
	}
	// Aliases are expanded here, within a budget, so that an answer kept as
	// written never refers to an anchor that a save does not write back.
	var tooMany *yamllimit.ErrTooManyAliases
	if err := yamllimit.Resolve(&doc, maxAliasItems); errors.As(err, &tooMany) {
		return nil, problemf(file, tooMany.Line, "%v", err)
	}
	root := doc.Content[0]
	if line, msg := keyProblem(root); line > 0 {
		return nil, problemf(file, line, "%s", msg)
	}
	if root.Kind != yaml.MappingNode {
		return nil, problemf(file, root.Line, "must be a mapping with version, checklist, updated and answers, not a %s", kindName(root))
	}
	return root, nil
}

// Parse decodes spec bytes. file names the source in errors.
func Parse(file string, data []byte, bank *checklist.Bank) (*Spec, error) {
	return parse(file, data, bank, false)
}

func parse(file string, data []byte, bank *checklist.Bank, lenient bool) (*Spec, error) {
	root, err := document(file, data)
	if err != nil {
		return nil, err
	}
	s := &Spec{Path: file, Answers: map[string]Answer{}, SectionNotes: map[string]string{},
		Conflicts: map[string]Answer{}, Asked: map[string][]Asked{}, loaded: sha256.Sum256(data)}
	if first, _, _ := bytes.Cut(data, []byte("\n")); bytes.HasPrefix(first, []byte("# yaml-language-server:")) {
		s.Modeline = strings.TrimSpace(string(first))
	}
	var versionSeen bool
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		switch k.Value {
		case "version":
			n, err := strconv.Atoi(v.Value)
			if v.Kind != yaml.ScalarNode || err != nil {
				return nil, problemf(file, v.Line, "version must be a whole number such as %d, not %q", Version, v.Value)
			}
			if n > Version {
				return nil, problemf(file, v.Line, "was written by a newer integ (spec version %d); this build understands version %d: update integ", n, Version)
			}
			if n < 1 {
				return nil, problemf(file, v.Line, "version %d is not a spec version; use version: %d", n, Version)
			}
			versionSeen = true
		case "checklist":
			s.Checklist = v.Value
		case "updated":
			if v.Value != "" {
				t, err := time.Parse(time.RFC3339, v.Value)
				if err != nil {
					return nil, problemf(file, v.Line, "updated must be a time such as 2026-01-31T09:00:00Z, not %q", v.Value)
				}
				s.Updated = t
			}
		case "answers":
			if err := s.parseAnswers(file, v, bank, lenient); err != nil {
				return nil, err
			}
		case "notes":
			if err := s.parseNotes(file, v, bank); err != nil {
				return nil, err
			}
		case "conflicts":
			if err := s.parseConflicts(file, v, bank); err != nil {
				return nil, err
			}
		case "asked":
			if err := s.parseAsked(file, v, bank); err != nil {
				return nil, err
			}
		default:
			return nil, problemf(file, k.Line, "unknown key %q (a spec has version, checklist, updated, asked, conflicts, answers and notes)", k.Value)
		}
	}
	if !versionSeen {
		return nil, problemf(file, root.Line, "has no version; add \"version: %d\" as the first line if this is an integ spec", Version)
	}
	s.saved = s.snapshot()
	if s.Checklist != "" && s.Checklist != bank.ID {
		s.Warnings = append(s.Warnings, fmt.Sprintf("%s: was written for checklist %q, but the checklist in use is %q", file, s.Checklist, bank.ID))
	}
	return s, nil
}

// parseNotes reads the notes per section; notes on sections the bank does
// not know are kept, up to maxKept.
func (s *Spec) parseNotes(file string, v *yaml.Node, bank *checklist.Bank) error {
	if v.Kind != yaml.MappingNode {
		return problemf(file, v.Line, "notes must map section IDs to text, not a %s", kindName(v))
	}
	unknown := 0
	for j := 0; j+1 < len(v.Content); j += 2 {
		sk, sv := v.Content[j], v.Content[j+1]
		if sv.Kind != yaml.ScalarNode {
			return problemf(file, sv.Line, "the note for section %q must be text, not a %s", sk.Value, kindName(sv))
		}
		if bank.Section(sk.Value) == nil {
			if unknown++; unknown > maxKept {
				return problemf(file, sk.Line, "keeps notes on more than %d sections this checklist does not know; is it a spec for another checklist (--checklist)?", maxKept)
			}
			s.Warnings = append(s.Warnings, fmt.Sprintf("%s:%d: note for unknown section %q (kept)", file, sk.Line, sk.Value))
		}
		note, err := checklist.ParseNote(sv.Value)
		if err != nil {
			return problemf(file, sv.Line, "notes: %s: %v", sk.Value, err)
		}
		if strings.TrimSpace(note) != "" {
			s.SectionNotes[sk.Value] = note
		}
	}
	return nil
}

func (s *Spec) parseAnswers(file string, node *yaml.Node, bank *checklist.Bank, lenient bool) error {
	if node.Kind == yaml.ScalarNode && node.Tag == "!!null" {
		return nil
	}
	if node.Kind != yaml.MappingNode {
		return problemf(file, node.Line, "answers must map question IDs to answers, not a %s", kindName(node))
	}
	for i := 0; i+1 < len(node.Content); i += 2 {
		k, v := node.Content[i], node.Content[i+1]
		q := bank.Question(k.Value)
		if q == nil {
			if len(s.unknown) == maxKept {
				return problemf(file, k.Line, "keeps more than %d answers to questions this checklist does not know; is it a spec for another checklist (--checklist)?", maxKept)
			}
			s.unknown = append(s.unknown, unknownAnswer{id: k.Value, node: v})
			s.Warnings = append(s.Warnings, fmt.Sprintf("%s:%d: %q is not a question in this checklist; its answer is kept but not used", file, k.Line, k.Value))
			continue
		}
		a, misfit, err := parseAnswer(file, q, v, bank, "")
		switch {
		case err != nil:
			return err
		case misfit != nil && lenient:
			s.Invalid = append(s.Invalid, Invalid{ID: q.ID, File: file, Line: misfit.line, Msg: misfit.msg})
			s.unknown = append(s.unknown, unknownAnswer{id: k.Value, node: v})
			continue
		case misfit != nil:
			return problemf(file, misfit.line, "%s", misfit.msg)
		}
		s.Set(q.ID, a)
	}
	return nil
}

// misfit is an answer that does not fit its question in the bank in use (a
// value it does not allow, a channel it does not know): a load refuses it,
// a lenient load keeps it as written for `integ check` to report.
type misfit struct {
	line int
	msg  string
}

// parseAnswer reads one answer: a value alone, or a mapping with value,
// system and note, and for a by_channel question by_channel, each channel's
// answer in the same form. channel names the channel being read ("" for the
// answer for all channels), in whose answer by_channel is not allowed.
func parseAnswer(file string, q *checklist.Question, v *yaml.Node, bank *checklist.Bank, channel string) (Answer, *misfit, error) {
	var a Answer
	subject := q.ID
	if channel != "" {
		subject = Key(q.ID, channel)
	}
	valueNode, noteNode, systemNode, channelsKey, channelsNode := v, (*yaml.Node)(nil), (*yaml.Node)(nil), (*yaml.Node)(nil), (*yaml.Node)(nil)
	if v.Kind == yaml.MappingNode {
		valueNode = nil
		for j := 0; j+1 < len(v.Content); j += 2 {
			switch key := v.Content[j].Value; {
			case key == "value":
				valueNode = v.Content[j+1]
			case key == "system":
				systemNode = v.Content[j+1]
			case key == "note":
				noteNode = v.Content[j+1]
			case key == byChannelKey && channel == "":
				channelsKey, channelsNode = v.Content[j], v.Content[j+1]
			case channel != "":
				return a, nil, problemf(file, v.Content[j].Line, "the %s answer to %s has unknown key %q (use value, system and note)", channel, q.ID, key)
			case q.ByChannel:
				return a, nil, problemf(file, v.Content[j].Line, "answer to %s has unknown key %q (use value, system, note and %s)", q.ID, key, byChannelKey)
			default:
				return a, nil, problemf(file, v.Content[j].Line, "answer to %s has unknown key %q (use value, system and note)", q.ID, key)
			}
		}
	}
	for _, f := range []struct {
		node *yaml.Node
		what string
		to   *string
	}{{noteNode, "note", &a.Note}, {systemNode, "system", &a.System}} {
		if f.node == nil {
			continue
		}
		if f.node.Kind != yaml.ScalarNode {
			return a, nil, problemf(file, f.node.Line, "the %s on %s must be text, not a %s", f.what, subject, kindName(f.node))
		}
		parse := checklist.ParseNote
		if f.node == systemNode {
			parse = checklist.ParseSystemName
		}
		text, err := parse(f.node.Value)
		if err != nil {
			return a, nil, problemf(file, f.node.Line, "%s: %v", subject, err)
		}
		*f.to = text
	}
	emptyScalar := valueNode != nil && valueNode.Kind == yaml.ScalarNode && (valueNode.Tag == "!!null" || strings.TrimSpace(valueNode.Value) == "")
	if valueNode != nil && !emptyScalar {
		var raw []string
		switch {
		case valueNode.Kind == yaml.SequenceNode && q.Kind == checklist.KindMulti:
			for _, el := range valueNode.Content {
				if el.Kind != yaml.ScalarNode {
					return a, nil, problemf(file, el.Line, "answer to %s must be a list of values, not a list of %ss", subject, kindName(el))
				}
				raw = append(raw, el.Value)
			}
		case valueNode.Kind == yaml.ScalarNode:
			raw = []string{valueNode.Value}
			if q.Kind == checklist.KindMulti {
				raw = checklist.SplitList(valueNode.Value)
			}
		default:
			return a, nil, problemf(file, valueNode.Line, "answer to %s must be %s, not a %s", subject, expected(q), kindName(valueNode))
		}
		values, err := q.ParseValues(raw)
		if err != nil {
			msg := err.Error()
			if channel != "" {
				msg = channel + ": " + msg
			}
			return a, &misfit{line: valueNode.Line, msg: msg}, nil
		}
		a.Values = values
	}
	if channelsNode != nil {
		channels, bad, err := parseChannels(file, q, channelsKey.Line, channelsNode, bank)
		if err != nil || bad != nil {
			return a, bad, err
		}
		a.Channels = channels
	}
	return a, nil, nil
}

// byChannelKey holds an answer's per-channel answers in a spec.
const byChannelKey = "by_channel"

// parseChannels reads a by_channel mapping: sales channel to answer.
func parseChannels(file string, q *checklist.Question, line int, node *yaml.Node, bank *checklist.Bank) (map[string]Answer, *misfit, error) {
	if node.Kind == yaml.ScalarNode && node.Tag == "!!null" {
		return nil, nil, nil
	}
	if node.Kind != yaml.MappingNode {
		return nil, nil, problemf(file, node.Line, "%s on %s must map sales channels to answers, not a %s", byChannelKey, q.ID, kindName(node))
	}
	if !q.ByChannel {
		return nil, &misfit{line: line, msg: fmt.Sprintf("%s has answers per sales channel, but the checklist in use gives it one answer for all channels; keep one as value: and remove %s:", q.ID, byChannelKey)}, nil
	}
	out := map[string]Answer{}
	for i := 0; i+1 < len(node.Content); i += 2 {
		k, v := node.Content[i], node.Content[i+1]
		if bank.Channel(k.Value) == nil {
			return nil, &misfit{line: k.Line, msg: fmt.Sprintf("%s: %q is not a sales channel (channels: %s)", q.ID, k.Value, strings.Join(bank.ChannelValues(), ", "))}, nil
		}
		a, bad, err := parseAnswer(file, q, v, bank, k.Value)
		if err != nil || bad != nil {
			return nil, bad, err
		}
		if !a.IsZero() {
			out[k.Value] = a
		}
	}
	if len(out) == 0 {
		return nil, nil, nil
	}
	return out, nil, nil
}

// mappingPairs calls each for every key and value of a mapping; an empty
// node is an empty mapping, and anything else is refused with what it must be.
func mappingPairs(file string, node *yaml.Node, must string, each func(k, v *yaml.Node) error) error {
	if node.Kind == yaml.ScalarNode && node.Tag == "!!null" {
		return nil
	}
	if node.Kind != yaml.MappingNode {
		return problemf(file, node.Line, "%s, not a %s", must, kindName(node))
	}
	for i := 0; i+1 < len(node.Content); i += 2 {
		if err := each(node.Content[i], node.Content[i+1]); err != nil {
			return err
		}
	}
	return nil
}

// parseConflicts reads the other side of unresolved merge conflicts. Its
// values are kept as written: they are there for a person to choose from.
func (s *Spec) parseConflicts(file string, node *yaml.Node, bank *checklist.Bank) error {
	unknown := 0
	return mappingPairs(file, node, "conflicts must map question IDs to the other side's answer", func(k, v *yaml.Node) error {
		q := bank.Question(k.Value)
		if id, channel := SplitKey(k.Value); channel != "" && bank.Channel(channel) != nil {
			q = bank.Question(id) // one channel's answer
		}
		if q == nil && bank.Section(k.Value) == nil {
			if unknown++; unknown > maxKept {
				return problemf(file, k.Line, "keeps more than %d conflicts on IDs this checklist does not know; is it a spec for another checklist (--checklist)?", maxKept)
			}
			s.Warnings = append(s.Warnings, fmt.Sprintf("%s:%d: conflict on %q, which is neither a question nor a section in this checklist (kept)", file, k.Line, k.Value))
		}
		var a Answer
		err := mappingPairs(file, v, "the conflict on "+k.Value+" must be a mapping with value and note", func(key, val *yaml.Node) error {
			return conflictField(file, k.Value, q, key, val, &a)
		})
		if err == nil {
			if cerr := checkConflict(a); cerr != nil {
				err = problemf(file, v.Line, "conflicts: %s: %v", k.Value, cerr)
			}
		}
		s.Conflicts[k.Value] = a
		return err
	})
}

// conflictField reads one field (value, system or note) of a conflict's other side.
func conflictField(file, id string, q *checklist.Question, key, val *yaml.Node, a *Answer) error {
	switch {
	case key.Value == "note" && val.Kind == yaml.ScalarNode:
		a.Note = val.Value
	case key.Value == "system" && val.Kind == yaml.ScalarNode:
		a.System = val.Value
	case key.Value == "value" && val.Kind == yaml.ScalarNode:
		if q != nil && q.Kind == checklist.KindMulti {
			a.Values = checklist.SplitList(val.Value)
		} else if strings.TrimSpace(val.Value) != "" && val.Tag != "!!null" {
			a.Values = []string{val.Value}
		}
	case key.Value == "value" && val.Kind == yaml.SequenceNode && (q == nil || q.Kind == checklist.KindMulti):
		for _, el := range val.Content {
			if el.Kind != yaml.ScalarNode {
				return problemf(file, el.Line, "the conflict on %s must list values, not %ss", id, kindName(el))
			}
			a.Values = append(a.Values, el.Value)
		}
	case key.Value == "value" || key.Value == "note" || key.Value == "system":
		return problemf(file, val.Line, "the conflict's %s on %s must be text, not a %s", key.Value, id, kindName(val))
	default:
		return problemf(file, key.Line, "the conflict on %s has unknown key %q (use value, system and note)", id, key.Value)
	}
	return nil
}

// checkConflict bounds the other side of a conflict, which is kept as
// written: as many values as a question has options, each no longer than a
// note, and a note and a system name as an answer's.
func checkConflict(a Answer) error {
	if len(a.Values) > maxKept {
		return fmt.Errorf("lists %d values; an answer has at most %d", len(a.Values), maxKept)
	}
	for _, v := range a.Values {
		if _, err := checklist.ParseNote(v); err != nil {
			return fmt.Errorf("a value: %w", err)
		}
	}
	if _, err := checklist.ParseNote(a.Note); err != nil {
		return err
	}
	if a.System != "" {
		if _, err := checklist.ParseSystemName(a.System); err != nil {
			return err
		}
	}
	return nil
}

// parseAsked reads who was asked to answer which section.
func (s *Spec) parseAsked(file string, node *yaml.Node, bank *checklist.Bank) error {
	return mappingPairs(file, node, "asked must map section IDs to lists of who was asked", func(k, v *yaml.Node) error {
		if bank.Section(k.Value) == nil {
			s.Warnings = append(s.Warnings, fmt.Sprintf("%s:%d: asked: unknown section %q (kept)", file, k.Line, k.Value))
		}
		if v.Kind != yaml.SequenceNode {
			return problemf(file, v.Line, "asked: %s must be a list of {who, date}, not a %s", k.Value, kindName(v))
		}
		if len(v.Content) > maxKept || len(s.Asked) >= maxKept+len(bank.Sections) {
			return problemf(file, v.Line, "asked: lists more people or sections than a spec keeps (%d)", maxKept)
		}
		for _, el := range v.Content {
			var a Asked
			err := mappingPairs(file, el, "asked: "+k.Value+" must be a list of {who, date}", func(key, val *yaml.Node) error {
				if val.Kind != yaml.ScalarNode || (key.Value != "who" && key.Value != "date") {
					return problemf(file, key.Line, "asked: %s: use who and date (text), not %q", k.Value, key.Value)
				}
				if key.Value == "who" {
					a.Who = strings.TrimSpace(val.Value)
				} else {
					a.Date = val.Value
				}
				return nil
			})
			switch _, dateErr := time.Parse(time.DateOnly, a.Date); {
			case err != nil:
				return err
			case a.Who == "":
				return problemf(file, el.Line, "asked: %s: who was asked is missing", k.Value)
			case checkLine(a.Who) != nil:
				return problemf(file, el.Line, "asked: %s: the name %v", k.Value, checkLine(a.Who))
			case dateErr != nil:
				return problemf(file, el.Line, "asked: %s: date must be a day such as 2026-01-31, not %q", k.Value, a.Date)
			}
			s.Asked[k.Value] = append(s.Asked[k.Value], a)
		}
		return nil
	})
}

func expected(q *checklist.Question) string {
	switch q.Kind {
	case checklist.KindMulti:
		return "a list of values"
	case checklist.KindNumber:
		return "a number"
	case checklist.KindText:
		return "text"
	case checklist.KindDate:
		return "a date, YYYY-MM-DD"
	}
	return "one value"
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "mapping"
	case yaml.SequenceNode:
		return "list"
	case yaml.AliasNode:
		return "alias"
	}
	return "single value"
}

// keyProblem finds a key that is not text (a YAML complex key such as
// "? [a, b]", read as "" and so written back as "") or that is given twice in
// one mapping: yaml.v3 only notices duplicates when decoding into Go values,
// and a spec is read node by node.
func keyProblem(n *yaml.Node) (line int, msg string) {
	if n.Kind == yaml.MappingNode {
		seen := map[string]int{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if k.Kind != yaml.ScalarNode {
				return k.Line, fmt.Sprintf("a key must be text (an ID), not a %s", kindName(k))
			}
			if at, dup := seen[k.Value]; dup {
				return k.Line, fmt.Sprintf("mapping key %q already defined at line %d", k.Value, at)
			}
			seen[k.Value] = k.Line
		}
	}
	for _, c := range n.Content {
		if line, msg := keyProblem(c); line > 0 {
			return line, msg
		}
	}
	return 0, ""
}

// Limits on what a spec keeps beyond the bank's answers, so that a spec
// under the size limit still costs little to load, render and save.
const (
	// maxKept is how many answers to unknown questions, and notes on
	// unknown sections, a spec may keep.
	maxKept = 100
	// maxAliasItems is how many items a spec's aliases may expand to.
	maxAliasItems = 10_000
)

func checkLine(s string) error {
	_, err := checklist.ParseLine(s)
	return err
}

// problemf is a load error that names the file and, where there is one, the line.
func problemf(file string, line int, format string, args ...any) error {
	return checklist.Problem{File: file, Line: line, Msg: fmt.Sprintf(format, args...)}
}
