package spec

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/integ-dev/integ/checklist"
	"github.com/integ-dev/integ/internal/fsutil"
	"github.com/integ-dev/integ/internal/safe"
)

// ConflictError says the file on disk changed, while integ was running, into
// something it cannot merge with (it was deleted, or no longer loads): it is
// left as it is, and this run's answers were written beside it instead.
type ConflictError struct {
	Path, Mine string
	// Reason says what happened to the file ("was deleted", or a load error).
	Reason string
}

func (e *ConflictError) Error() string {
	return fmt.Sprintf("%s %s while integ was running, so it was left as it is; your answers are saved in %s: compare the two and keep what you want", e.Path, e.Reason, e.Mine)
}

// Save writes the spec if any answer or note changed since it was loaded or
// last saved, and reports whether it wrote.
//
// Saves of one file are serialised: a lock (see fsutil.Lock) is held from
// reading what is on disk now to renaming the new file over it. When someone
// else saved since this spec was loaded, their changes and this run's are
// merged answer by answer (Merge), so no answer is lost: an answer both
// changed differently keeps this run's, the other is recorded under
// Conflicts for `integ check` to report, and Merged lists it for the caller
// to say so. A file that changed into one integ cannot read, or that was
// deleted, is never overwritten: this run's answers go beside it, to
// <spec>.mine (or .mine.1, …; an existing one is never replaced), and the
// error is a ConflictError. Save never writes what a load would refuse.
func (s *Spec) Save(bank *checklist.Bank, now time.Time) (bool, error) {
	s.Merged = nil
	if s.exists && s.snapshot().equal(s.saved) {
		return false, nil
	}
	if err := s.check(bank); err != nil {
		return false, err
	}
	target, err := fsutil.Resolve(s.Path)
	if err != nil {
		return false, err
	}
	unlock, err := fsutil.Lock(target, fsutil.LockWait)
	if err != nil {
		return false, err
	}
	defer unlock()

	updated := now.UTC().Truncate(time.Second)
	onDisk, err := readSpec(target)
	gone := errors.Is(err, fs.ErrNotExist)
	switch {
	case gone && s.exists:
		return false, s.saveMine(bank, updated, "was deleted")
	case err != nil && !gone:
		return false, s.saveMine(bank, updated, "can no longer be read ("+err.Error()+")")
	case !gone && !(s.exists && sha256.Sum256(onDisk) == s.loaded):
		theirs, err := Parse(target, onDisk, bank)
		if err != nil {
			return false, s.saveMine(bank, updated, "changed into a file integ cannot load ("+err.Error()+")")
		}
		s.mergeWith(theirs)
		if s.snapshot().equal(theirs.snapshot()) {
			// They saved what this run would have: nothing is left to write.
			s.loaded, s.exists, s.Updated, s.saved = sha256.Sum256(onDisk), true, theirs.Updated, s.snapshot()
			return false, nil
		}
	}
	data, err := s.render(bank, updated)
	if err != nil {
		return false, err
	}
	if len(data) > MaxSize {
		return false, fmt.Errorf("cannot save %s: it would be %s, more than the %d MB a spec may be", s.Path, fsutil.Size(int64(len(data))), MaxSize>>20)
	}
	if err := s.write(target, data); err != nil {
		return false, err
	}
	s.loaded, s.exists, s.Updated = sha256.Sum256(data), true, updated
	s.saved = s.snapshot()
	return true, nil
}

// newFileMode is what a new spec is created with; the umask takes from it,
// as it does for any file a person creates.
const newFileMode = 0o666

func (s *Spec) write(path string, data []byte) error {
	write := s.writeFile
	if write == nil {
		write = fsutil.WriteFileAtomic
	}
	return write(path, data, newFileMode)
}

// mergeWith merges what another process saved (theirs) into this run's
// answers, from the version both started from (what this spec loaded or
// last saved). Conflicts keep this run's answer and record theirs.
func (s *Spec) mergeWith(theirs *Spec) {
	base := &Spec{Answers: s.saved.answers, SectionNotes: s.saved.notes, Conflicts: s.saved.conflicts,
		Asked: s.saved.asked, Modeline: s.saved.modeline, unknown: s.unknown}
	m, conflicts := Merge(base, s, theirs)
	if m.Conflicts == nil {
		m.Conflicts = map[string]Answer{}
	}
	for _, c := range conflicts {
		m.Conflicts[c.ID] = c.Theirs
	}
	s.Answers, s.SectionNotes, s.Conflicts, s.Asked, s.unknown = m.Answers, m.SectionNotes, m.Conflicts, m.Asked, m.unknown
	s.Merged = conflicts
}

// saveMine writes this run's spec beside the one on disk, which is left alone.
func (s *Spec) saveMine(bank *checklist.Bank, updated time.Time, reason string) error {
	data, err := s.render(bank, updated)
	if err != nil {
		return err
	}
	mode := fs.FileMode(newFileMode)
	if info, err := os.Stat(s.Path); err == nil {
		mode = info.Mode().Perm()
	}
	mine, err := fsutil.WriteFileNew(s.Path+".mine", data, mode)
	if err != nil {
		return err
	}
	_ = os.Chmod(mine, mode) // the spec's own mode, whatever the umask
	return &ConflictError{Path: s.Path, Mine: mine, Reason: reason}
}

// check refuses to save what a load would refuse: an answer or a note that
// no longer passes its question's checks (the wizard and integ set check
// them as they are typed; this is the last line).
func (s *Spec) check(bank *checklist.Bank) error {
	for _, id := range slices.Sorted(maps.Keys(s.Answers)) {
		a := s.Answers[id]
		q := bank.Question(id)
		if q == nil {
			return fmt.Errorf("cannot save %s: %q is not a question in the checklist in use", s.Path, id)
		}
		if len(a.Channels) > 0 && !q.ByChannel {
			return fmt.Errorf("cannot save %s: %s has answers per sales channel, but the checklist in use gives it one answer for all channels", s.Path, id)
		}
		for _, key := range append([]string{id}, channelKeys(id, a)...) {
			part := s.Get(key)
			if _, channel := SplitKey(key); channel != "" && bank.Channel(channel) == nil {
				return fmt.Errorf("cannot save %s: %s: %q is not a sales channel (channels: %s)", s.Path, id, channel, strings.Join(bank.ChannelValues(), ", "))
			}
			if _, err := q.ParseValues(part.Values); err != nil {
				return fmt.Errorf("cannot save %s: %s: %w", s.Path, key, err)
			}
			if _, err := checklist.ParseNote(part.Note); err != nil {
				return fmt.Errorf("cannot save %s: %s: %w", s.Path, key, err)
			}
			if _, err := checklist.ParseSystemName(part.System); part.System != "" && err != nil {
				return fmt.Errorf("cannot save %s: %s: %w", s.Path, key, err)
			}
		}
	}
	for _, id := range slices.Sorted(maps.Keys(s.SectionNotes)) {
		if _, err := checklist.ParseNote(s.SectionNotes[id]); err != nil {
			return fmt.Errorf("cannot save %s: notes: %s: %w", s.Path, id, err)
		}
	}
	for _, id := range slices.Sorted(maps.Keys(s.Asked)) {
		for _, a := range s.Asked[id] {
			if _, err := checklist.ParseLine(a.Who); err != nil {
				return fmt.Errorf("cannot save %s: asked: %s: the name %w", s.Path, id, err)
			}
		}
	}
	return nil
}

// Bytes renders the spec as Save would write it now.
func (s *Spec) Bytes(bank *checklist.Bank) ([]byte, error) {
	return s.render(bank, s.Updated)
}

func (s *Spec) render(bank *checklist.Bank, updated time.Time) ([]byte, error) {
	var buf bytes.Buffer
	if err := s.encode(&buf, bank, updated); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Write writes the spec to w as Bytes returns it, without it whole in
// memory (an export writes it to a file).
func (s *Spec) Write(w io.Writer, bank *checklist.Bank) error {
	return s.encode(w, bank, s.Updated)
}

func (s *Spec) encode(w io.Writer, bank *checklist.Bank, updated time.Time) error {
	names := s.Names(bank)
	str := func(v string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v} }
	root := &yaml.Node{Kind: yaml.MappingNode}
	add := func(parent *yaml.Node, key string, value *yaml.Node, comment string) {
		k := str(key)
		k.HeadComment = comment
		parent.Content = append(parent.Content, k, value)
	}
	project := strings.TrimSpace(s.Answers["project.name"].Value())
	title := "integ integration spec"
	if project != "" {
		title += ": " + project
	}
	// Comments hold names and a bank's texts: each line goes through
	// safe.YAMLComment, so that no character in them ends the comment.
	header := safe.YAMLComment(title) + "\n" +
		safe.YAMLComment(fmt.Sprintf("%s ↔ %s. Answers are keyed by question ID, each under its question.", names.Store, names.Inventory)) +
		"\nEdit by hand or with 'integ set'; 'integ check' validates it, 'integ brief' renders the brief."
	add(root, "version", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(Version)}, header)
	add(root, "checklist", str(bank.ID), "")
	updatedText := ""
	if !updated.IsZero() {
		updatedText = updated.UTC().Format(time.RFC3339)
	}
	add(root, "updated", str(updatedText), "")
	if len(s.Conflicts) > 0 {
		add(root, "conflicts", s.conflictsNode(bank, names), conflictsComment)
	}
	if asked := s.askedNode(bank); len(asked.Content) > 0 {
		add(root, "asked", asked, "Who was asked to answer which section ('integ questions --for'); 'integ status' shows what is still open.")
	}

	answers := &yaml.Node{Kind: yaml.MappingNode}
	for _, q := range answerOrder(bank) {
		a, ok := s.Answers[q.ID]
		if !ok {
			continue
		}
		entry := answerNode(q, a, names)
		if len(a.Channels) > 0 {
			k := str(byChannelKey)
			k.HeadComment = "Per sales channel: each channel listed uses its own answer"
			if len(a.Values) > 0 {
				k.HeadComment += ", the others the value above"
			}
			k.HeadComment += "."
			entry.Content = append(entry.Content, k, s.channelsNode(bank, q, a, names))
		}
		comment := safe.YAMLComment(names.Fill(q.Prompt, nil))
		if !q.When.Holds(s) {
			comment += "\n(not asked with the current answers; kept in case they change back)"
		}
		add(answers, q.ID, entry, comment)
	}
	for i, u := range s.unknown {
		comment := ""
		if i == 0 {
			comment = "Not questions in the checklist in use: kept as written, not used."
		}
		add(answers, u.id, u.node.(*yaml.Node), comment)
	}
	add(root, "answers", answers, "")
	if notes := s.notesNode(bank, names); len(notes.Content) > 0 {
		add(root, "notes", notes, "Notes for the integrator, per section.")
	}
	if s.Modeline != "" {
		if _, err := io.WriteString(w, safe.YAMLComment(s.Modeline)+"\n"); err != nil {
			return err
		}
	}
	return safe.WriteYAML(w, &yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{root}})
}

// answerNode is an answer's value, system and note, as a mapping.
func answerNode(q *checklist.Question, a Answer, names checklist.Names) *yaml.Node {
	str := func(v string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v} }
	entry := &yaml.Node{Kind: yaml.MappingNode}
	if len(a.Values) > 0 {
		entry.Content = append(entry.Content, str("value"), valueNode(q, a, names))
	}
	if a.System != "" {
		entry.Content = append(entry.Content, str("system"), str(a.System))
	}
	if a.Note != "" {
		entry.Content = append(entry.Content, str("note"), noteNode(a.Note))
	}
	return entry
}

// channelsNode is an answer's by_channel mapping, in the bank's order of the
// channels; a channel not chosen in project.channels says so.
func (s *Spec) channelsNode(bank *checklist.Bank, q *checklist.Question, a Answer, names checklist.Names) *yaml.Node {
	node := &yaml.Node{Kind: yaml.MappingNode}
	chosen := s.Channels()
	order := bank.ChannelValues()
	keys := channelKeys(q.ID, a)
	slices.SortStableFunc(keys, func(x, y string) int {
		rank := func(key string) int {
			_, ch := SplitKey(key)
			if i := slices.Index(order, ch); i >= 0 {
				return i
			}
			return len(order)
		}
		return rank(x) - rank(y)
	})
	for _, key := range keys {
		_, channel := SplitKey(key)
		k := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: channel}
		if !slices.Contains(chosen, channel) {
			k.HeadComment = fmt.Sprintf("(%s is not a channel chosen under %s: kept in case it is chosen again, not used)", channel, checklist.QProjectChannels)
		}
		node.Content = append(node.Content, k, answerNode(q, a.Channels[channel], names))
	}
	return node
}

// channelKeys are the Keys of an answer's per-channel answers, sorted by
// channel name.
func channelKeys(id string, a Answer) []string {
	var keys []string
	for _, ch := range slices.Sorted(maps.Keys(a.Channels)) {
		keys = append(keys, Key(id, ch))
	}
	return keys
}

// notesNode is the notes per section: the bank's sections in its order, each
// under its title, then those on sections the bank does not know, sorted
// (map order made every save different).
func (s *Spec) notesNode(bank *checklist.Bank, names checklist.Names) *yaml.Node {
	notes := &yaml.Node{Kind: yaml.MappingNode}
	add := func(id, note, comment string) {
		k := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: id, HeadComment: comment}
		notes.Content = append(notes.Content, k, noteNode(note))
	}
	for _, sec := range bank.Sections {
		if n := s.SectionNotes[sec.ID]; n != "" {
			add(sec.ID, n, safe.YAMLComment(names.Fill(sec.Title, nil)))
		}
	}
	for _, id := range slices.Sorted(maps.Keys(s.SectionNotes)) {
		if n := s.SectionNotes[id]; n != "" && bank.Section(id) == nil {
			add(id, n, "")
		}
	}
	return notes
}

const conflictsComment = `Merge conflicts: these answers were changed one way on this side and another
way on the other side of a merge. The answer under answers: is this side's, and
is the one used; the other side's is below. Decide with 'integ set ID=VALUE'
(which also removes the entry here), or edit the answer and delete the entry:
'integ check' reports each one as an error until then.`

func (s *Spec) conflictsNode(bank *checklist.Bank, names checklist.Names) *yaml.Node {
	str := func(v string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v} }
	node := &yaml.Node{Kind: yaml.MappingNode}
	for _, id := range slices.Sorted(maps.Keys(s.Conflicts)) {
		a := s.Conflicts[id]
		entry := &yaml.Node{Kind: yaml.MappingNode}
		comment := "a section's notes"
		qid, channel := SplitKey(id)
		if q := bank.Question(qid); q != nil {
			comment = names.Fill(q.Prompt, nil)
			if channel != "" {
				comment += "\n(the answer for " + bank.ChannelTitle(channel, names) + ")"
			}
			if len(a.Values) > 0 {
				entry.Content = append(entry.Content, str("value"), valueNode(q, a, names))
			}
		} else {
			if sec := bank.Section(id); sec != nil {
				comment = "Notes on " + names.Fill(sec.Title, nil)
			}
			if len(a.Values) > 0 {
				entry.Content = append(entry.Content, str("value"), str(a.Value()))
			}
		}
		if a.System != "" {
			entry.Content = append(entry.Content, str("system"), str(a.System))
		}
		if a.Note != "" {
			entry.Content = append(entry.Content, str("note"), noteNode(a.Note))
		}
		if len(entry.Content) == 0 {
			entry.Style = yaml.FlowStyle
			comment += "\n(the other side removed this answer)"
		}
		k := str(id)
		k.HeadComment = comment
		node.Content = append(node.Content, k, entry)
	}
	return node
}

func (s *Spec) askedNode(bank *checklist.Bank) *yaml.Node {
	str := func(v string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v} }
	node := &yaml.Node{Kind: yaml.MappingNode}
	var order []string
	for _, sec := range bank.Sections {
		if _, ok := s.Asked[sec.ID]; ok {
			order = append(order, sec.ID)
		}
	}
	for _, id := range slices.Sorted(maps.Keys(s.Asked)) {
		if bank.Section(id) == nil {
			order = append(order, id)
		}
	}
	for _, id := range order {
		list := &yaml.Node{Kind: yaml.SequenceNode}
		for _, a := range s.Asked[id] {
			list.Content = append(list.Content, &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle,
				Content: []*yaml.Node{str("who"), str(a.Who), str("date"), str(a.Date)}})
		}
		if len(list.Content) > 0 {
			node.Content = append(node.Content, str(id), list)
		}
	}
	return node
}

// answerOrder puts the project facts and budget settings first, so the top of
// the file says what the project is and how it is priced.
func answerOrder(bank *checklist.Bank) []*checklist.Question {
	var first, rest []*checklist.Question
	for _, sec := range bank.Sections {
		if sec.ID == "project" || sec.ID == "budget" {
			first = append(first, sec.Questions...)
		} else {
			rest = append(rest, sec.Questions...)
		}
	}
	return append(first, rest...)
}

func valueNode(q *checklist.Question, a Answer, names checklist.Names) *yaml.Node {
	if q.Kind == checklist.KindMulti {
		seq := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
		for _, v := range a.Values {
			seq.Content = append(seq.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v})
		}
		return seq
	}
	v := a.Value()
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v}
	if isYAML11Bool(v) {
		// YAML 1.1 readers (PyYAML, many editors) would read a bare yes as true.
		n.Style = yaml.DoubleQuotedStyle
	}
	if q.Kind == checklist.KindNumber {
		if _, err := strconv.ParseInt(v, 10, 64); err == nil {
			n.Tag = "!!int"
		} else if _, err := strconv.ParseFloat(v, 64); err == nil {
			n.Tag = "!!float"
		}
	}
	if o := q.Option(v); o != nil && q.HasOptions() && v != checklist.Undecided {
		n.LineComment = safe.YAMLComment(names.Fill(o.Label, map[string]string{"third": "another system"}))
	}
	return n
}

func isYAML11Bool(v string) bool {
	switch strings.ToLower(v) {
	case "yes", "no", "y", "n", "on", "off", "true", "false":
		return true
	}
	return false
}

// noteNode writes a multi-line note as a literal block, which reads like the
// note itself, unless it starts or ends with white space or holds carriage
// returns, which a literal block cannot keep: those are double-quoted.
func noteNode(text string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: text}
	if strings.Contains(text, "\n") {
		n.Style = yaml.LiteralStyle
		if strings.TrimSpace(text) != text || strings.ContainsAny(text, "\r\t") {
			n.Style = yaml.DoubleQuotedStyle
		}
	}
	return n
}
