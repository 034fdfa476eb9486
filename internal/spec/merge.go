package spec

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/integ-dev/integ/checklist"
)

// Conflict is one answer that two sides of a merge changed in different ways.
// ID is a question ID, or a section ID when the conflict is on a section's note
// (the answers' Note then holds it).
type Conflict struct {
	ID                 string
	Base, Ours, Theirs Answer
}

// Merge combines ours and theirs, two versions of a spec that both started
// from base, answer by answer: an answer changed on one side only takes that
// change, an answer changed the same way on both sides merges, and an answer
// changed differently on both sides is a Conflict, for which the result keeps
// ours. Section notes merge the same way. Unresolved conflicts recorded in the
// files and who was asked merge too; Updated is the later of the two. base may
// be nil when the two have no common ancestor. The result is a copy of ours:
// saving it writes ours' file.
//
// This is the one place answers are merged: `integ merge` (git's merge driver),
// `integ import` and saves that find the file changed on disk all use it.
func Merge(base, ours, theirs *Spec) (*Spec, []Conflict) {
	if base == nil {
		base = &Spec{}
	}
	m := *ours
	var conflicts []Conflict
	var ids []string
	// Each channel's answer merges on its own: one side answering for
	// retail and the other for wholesale is no conflict.
	fb, fo, ft := flatten(base.Answers), flatten(ours.Answers), flatten(theirs.Answers)
	var merged map[string]Answer
	merged, ids = merge3(fb, fo, ft, Answer.Equal)
	m.Answers = unflatten(merged)
	for _, id := range ids {
		conflicts = append(conflicts, Conflict{ID: id, Base: fb[id], Ours: fo[id], Theirs: ft[id]})
	}
	m.SectionNotes, ids = merge3(base.SectionNotes, ours.SectionNotes, theirs.SectionNotes, func(a, b string) bool { return a == b })
	for _, id := range ids {
		conflicts = append(conflicts, Conflict{ID: id, Base: Answer{Note: base.SectionNotes[id]}, Ours: Answer{Note: ours.SectionNotes[id]}, Theirs: Answer{Note: theirs.SectionNotes[id]}})
	}
	// A conflict both sides still carry, or resolved differently, stays as ours has it.
	m.Conflicts, _ = merge3(base.Conflicts, ours.Conflicts, theirs.Conflicts, Answer.Equal)
	m.Asked = mergeAsked(base.Asked, ours.Asked, theirs.Asked)
	m.unknown = mergeUnknown(base.unknown, ours.unknown, theirs.unknown)
	m.Updated = later(ours.Updated, theirs.Updated)
	slices.SortFunc(conflicts, func(a, b Conflict) int { return cmp.Compare(a.ID, b.ID) })
	return &m, conflicts
}

// flatten lists answers by Key: each question's answer for all channels
// under its ID, each channel's own answer under ID@CHANNEL.
func flatten(answers map[string]Answer) map[string]Answer {
	out := make(map[string]Answer, len(answers))
	for id, a := range answers {
		if shared := a.Shared(); !shared.IsZero() {
			out[id] = shared
		}
		for ch, part := range a.Channels {
			out[Key(id, ch)] = part
		}
	}
	return out
}

// unflatten is the inverse of flatten.
func unflatten(flat map[string]Answer) map[string]Answer {
	s := &Spec{Answers: map[string]Answer{}}
	for _, key := range slices.Sorted(maps.Keys(flat)) {
		s.Put(key, flat[key])
	}
	return s.Answers
}

// Quote is an answer as a message quotes it: the values as they read, then
// the system's name and the note, if any. For conflicts, where both sides are shown.
func (a Answer) Quote(q *checklist.Question, names checklist.Names) string {
	text := fmt.Sprintf("%q", q.AnswerText(a.Values, names))
	if a.System != "" {
		text += fmt.Sprintf(" (system: %q)", a.System)
	}
	if a.Note != "" {
		text += fmt.Sprintf(" (note: %q)", a.Note)
	}
	return text
}

// Equal reports whether two answers say the same (values in order, the
// system named, and note), for all channels and for each channel.
func (a Answer) Equal(b Answer) bool {
	return a.Note == b.Note && a.System == b.System && slices.Equal(a.Values, b.Values) &&
		maps.EqualFunc(a.Channels, b.Channels, Answer.Equal)
}

// merge3 merges three versions of a map key by key. A key one side left as it
// was in base takes the other side's version (present or removed); a key both
// changed the same way takes that; a key both changed differently keeps ours
// and is returned, sorted.
func merge3[V any](base, ours, theirs map[string]V, eq func(a, b V) bool) (map[string]V, []string) {
	same := func(x map[string]V, y map[string]V, k string) bool {
		a, aok := x[k]
		b, bok := y[k]
		return aok == bok && (!aok || eq(a, b))
	}
	merged := maps.Clone(ours)
	if merged == nil {
		merged = map[string]V{}
	}
	var conflicts []string
	for _, k := range unionKeys(base, ours, theirs) {
		switch {
		case same(ours, theirs, k) || same(base, theirs, k):
			// Ours stands.
		case same(base, ours, k):
			if v, ok := theirs[k]; ok {
				merged[k] = v
			} else {
				delete(merged, k)
			}
		default:
			conflicts = append(conflicts, k)
		}
	}
	return merged, conflicts
}

func unionKeys[V any](ms ...map[string]V) []string {
	seen := map[string]bool{}
	for _, m := range ms {
		for k := range m {
			seen[k] = true
		}
	}
	return slices.Sorted(maps.Keys(seen))
}

// mergeAsked merges who was asked per section. Nothing about it is worth a
// conflict: asked on two different days keeps the later one.
func mergeAsked(base, ours, theirs map[string][]Asked) map[string][]Asked {
	flat := func(m map[string][]Asked) map[string]Asked {
		out := map[string]Asked{}
		for sec, list := range m {
			for _, a := range list {
				out[sec+"\x00"+a.Who] = a
			}
		}
		return out
	}
	o, t := flat(ours), flat(theirs)
	merged, both := merge3(flat(base), o, t, func(a, b Asked) bool { return a == b })
	for _, k := range both {
		if a, ok := t[k]; ok && a.Date > merged[k].Date {
			merged[k] = a
		}
	}
	// Keep ours' order, then theirs' additions in theirs' order.
	out := map[string][]Asked{}
	for _, side := range []map[string][]Asked{ours, theirs} {
		for _, sec := range slices.Sorted(maps.Keys(side)) {
			for _, a := range side[sec] {
				k := sec + "\x00" + a.Who
				if v, ok := merged[k]; ok {
					out[sec] = append(out[sec], v)
					delete(merged, k)
				}
			}
		}
	}
	return out
}

// mergeUnknown keeps ours' answers to questions the bank does not know, and
// adds those only theirs added.
func mergeUnknown(base, ours, theirs []unknownAnswer) []unknownAnswer {
	has := func(list []unknownAnswer, id string) bool {
		return slices.ContainsFunc(list, func(u unknownAnswer) bool { return u.id == id })
	}
	out := slices.Clone(ours)
	for _, u := range theirs {
		if !has(ours, u.id) && !has(base, u.id) {
			out = append(out, u)
		}
	}
	return out
}

// later returns the later of two times (`updated:` after a merge).
func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}
