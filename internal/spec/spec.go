// Package spec is the answers document: what a manager decided, keyed by
// question ID. It loads a spec with errors a person can act on, and saves it
// atomically with each answer commented by its question, so the file reads on
// its own and is never left half-written.
package spec

import (
	"crypto/sha256"
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/integ-dev/integ/checklist"
)

// Version is the newest spec format this build reads and writes.
const Version = 1

// MaxSize bounds what Load reads: a real spec is under 100 KB.
const MaxSize = 10 << 20

// Answer is one question's answer. Values has one element for most kinds and
// several for multi-select; numbers are kept as written.
type Answer struct {
	Values []string
	// System is the short name of the system an answer such as "another
	// system" names ("Avalara AvaTax"); it fills {third}. The note beside it
	// stays free text, and is never read as a name.
	System string
	Note   string
	// Channels holds, for a question marked by_channel, each sales channel's
	// own answer (its own Channels is nil); see Answer.For.
	Channels map[string]Answer
}

// Value returns the answer as one string (multi-select values comma-separated).
func (a Answer) Value() string { return strings.Join(a.Values, ",") }

// Spec is a loaded (or new) spec file.
type Spec struct {
	Path      string
	Checklist string
	Updated   time.Time
	Answers   map[string]Answer
	// Modeline, when set, is written as the file's first line (see Modeline);
	// one found in a loaded file is kept.
	Modeline string
	// SectionNotes holds the free text given at the end of each section.
	SectionNotes map[string]string
	// Conflicts holds the other side of each merge conflict not yet resolved,
	// by question ID (or section ID, for a section's note): Answers keeps ours.
	Conflicts map[string]Answer
	// Asked lists, per section ID, who was asked to answer it.
	Asked map[string][]Asked
	// Warnings are things kept but not understood (answers to unknown questions).
	Warnings []string

	// Invalid lists answers whose value the bank does not allow (lenient loads only).
	Invalid []Invalid
	// Merged lists the answers the last Save found changed differently on
	// disk by someone else while integ ran: Answers keeps this run's, and
	// Conflicts records the other (see Save).
	Merged []Conflict

	unknown []unknownAnswer // answers kept as written: unknown IDs, and invalid values in lenient loads
	// loaded is the checksum of the file as read or last saved, to tell
	// whether someone else saved since (the file itself is not kept: the
	// largest is 10 MB).
	loaded [sha256.Size]byte
	// saved is what the file held when loaded or last saved, so that a run that
	// changes nothing, even in a hand-formatted file, leaves the file alone.
	saved snapshot
	// writeFile is fsutil.WriteFileAtomic; tests replace it to simulate a failing disk.
	writeFile func(path string, data []byte, perm fs.FileMode) error
	exists    bool
}

// Asked records that someone was asked to answer a section (`integ questions --for`).
type Asked struct {
	Who  string
	Date string // YYYY-MM-DD
}

// Invalid is an answer that does not fit its question any more.
type Invalid struct {
	ID   string
	File string
	Line int
	Msg  string
}

func (i Invalid) Error() string { return fmt.Sprintf("%s:%d: %s", i.File, i.Line, i.Msg) }

// snapshot is a deep copy of everything Save writes that a run can change.
type snapshot struct {
	answers   map[string]Answer
	notes     map[string]string
	conflicts map[string]Answer
	asked     map[string][]Asked
	modeline  string
}

func (s *Spec) snapshot() snapshot {
	var clone func(m map[string]Answer) map[string]Answer
	clone = func(m map[string]Answer) map[string]Answer {
		out := make(map[string]Answer, len(m))
		for id, a := range m {
			c := Answer{Values: slices.Clone(a.Values), System: a.System, Note: a.Note}
			if a.Channels != nil {
				c.Channels = clone(a.Channels)
			}
			out[id] = c
		}
		return out
	}
	asked := make(map[string][]Asked, len(s.Asked))
	for sec, list := range s.Asked {
		asked[sec] = slices.Clone(list)
	}
	return snapshot{answers: clone(s.Answers), notes: maps.Clone(s.SectionNotes), conflicts: clone(s.Conflicts), asked: asked, modeline: s.Modeline}
}

func (a snapshot) equal(b snapshot) bool {
	return a.modeline == b.modeline && maps.Equal(a.notes, b.notes) &&
		maps.EqualFunc(a.answers, b.answers, Answer.Equal) && maps.EqualFunc(a.conflicts, b.conflicts, Answer.Equal) &&
		maps.EqualFunc(a.asked, b.asked, slices.Equal[[]Asked])
}

type unknownAnswer struct {
	id   string
	node any // *yaml.Node, kept opaque here
}

// New returns an empty spec that will be saved at path.
func New(path string, bank *checklist.Bank) *Spec {
	return &Spec{Path: path, Checklist: bank.ID, Answers: map[string]Answer{}, SectionNotes: map[string]string{},
		Conflicts: map[string]Answer{}, Asked: map[string][]Asked{}}
}

// Exists reports whether the spec was read from disk.
func (s *Spec) Exists() bool { return s.exists }

// Values implements checklist.Answers: the answer for all channels. Where
// answers may differ by channel, evaluate in each of Views instead.
func (s *Spec) Values(id string) []string {
	if a, ok := s.Answers[id]; ok {
		return a.Values
	}
	return nil
}

// Note implements checklist.Answers (the note on the answer for all channels).
func (s *Spec) Note(id string) string { return s.Answers[id].Note }

// System is the name of the system an answer names, or "".
func (s *Spec) System(id string) string { return s.Answers[id].System }

// Set records an answer (an empty one removes it, keeping nothing stale).
func (s *Spec) Set(id string, a Answer) {
	if a.IsZero() {
		delete(s.Answers, id)
		return
	}
	s.Answers[id] = a
}

// Names returns the two systems' names, falling back to the bank's defaults.
func (s *Spec) Names(bank *checklist.Bank) checklist.Names {
	pick := func(id, fallback string) string {
		if v := strings.TrimSpace(s.Answers[id].Value()); v != "" && v != checklist.Undecided {
			return v
		}
		if q := bank.Question(id); q != nil && q.Default != "" {
			return q.Default
		}
		return fallback
	}
	return checklist.Names{
		Store:     pick("project.store", "the online store"),
		Inventory: pick("project.inventory", "the inventory system"),
	}
}

// Text returns a text or number answer, or the question's default when unanswered.
func (s *Spec) Text(bank *checklist.Bank, id string) string {
	if v := strings.TrimSpace(s.Answers[id].Value()); v != "" {
		return v
	}
	if q := bank.Question(id); q != nil {
		return q.Default
	}
	return ""
}

// Number returns a number answer or its default, and whether it came from the answer.
func (s *Spec) Number(bank *checklist.Bank, id string) (value float64, answered bool) {
	if v := s.Answers[id].Value(); v != "" && v != checklist.Undecided {
		if f, err := strconv.ParseFloat(v, 64); err == nil {
			return f, true
		}
	}
	if q := bank.Question(id); q != nil {
		if f, err := strconv.ParseFloat(q.Default, 64); err == nil {
			return f, false
		}
	}
	return 0, false
}

// Status of one question given the answers.
type Status int

const (
	Hidden    Status = iota // its condition does not hold: not asked
	Open                    // asked, not answered
	Undecided               // answered "undecided"
	Answered                // decided
)

// StatusOf classifies a question. Visibility is recomputed from the answers,
// so an answer kept for a hidden question does not count. Where answers
// differ by channel, a question is asked when its condition holds in some
// channel's view, and answered when every channel where it is asked sees a
// decided answer: open if one sees none, else undecided if one sees undecided.
func (s *Spec) StatusOf(q *checklist.Question) Status { return StatusAmong(s.Views(), q) }

// StatusAmong is StatusOf with the views already at hand (a caller that
// classifies many questions computes them once).
func StatusAmong(views []View, q *checklist.Question) Status {
	st := Hidden
	for _, v := range views {
		switch v.StatusIn(q) {
		case Open:
			return Open
		case Undecided:
			st = Undecided
		case Answered:
			if st == Hidden {
				st = Answered
			}
		}
	}
	return st
}

// Counts of questions per status.
type Counts struct {
	Answered, Undecided, Open, Hidden int
}

// Asked is the number of questions whose condition holds.
func (c Counts) Asked() int { return c.Answered + c.Undecided + c.Open }

// Percent is the share of asked questions that are decided, rounded down.
func (c Counts) Percent() int {
	if c.Asked() == 0 {
		return 100
	}
	return c.Answered * 100 / c.Asked()
}

// Add sums two counts.
func (c Counts) Add(o Counts) Counts {
	return Counts{c.Answered + o.Answered, c.Undecided + o.Undecided, c.Open + o.Open, c.Hidden + o.Hidden}
}

// Progress counts each section's questions by status, as they are asked
// (every chosen channel's view).
func (s *Spec) Progress(section *checklist.Section) Counts { return ProgressIn(s.Views(), section) }

// ProgressIn counts a section's questions by status in the given views: a
// brief counts them in the views of the channels whose orders cross the
// integration (ViewsOf), as it lists its open decisions.
func ProgressIn(views []View, section *checklist.Section) Counts {
	var c Counts
	for _, q := range section.Questions {
		switch StatusAmong(views, q) {
		case Hidden:
			c.Hidden++
		case Open:
			c.Open++
		case Undecided:
			c.Undecided++
		case Answered:
			c.Answered++
		}
	}
	return c
}
