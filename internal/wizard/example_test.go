package wizard

import (
	"path/filepath"
	"slices"
	"testing"

	"github.com/integ-dev/integ/checklist"
	"github.com/integ-dev/integ/internal/spec"
)

// keyCount counts the keys of a run: every key pressed, and how many of
// them were typed characters.
type keyCount struct {
	keys, typed int
	// notesOutOfReach are notes the wizard gave no way to write; noteKeys
	// are the keys spent on the notes that Ctrl+N now takes.
	notesOutOfReach, noteKeys int
}

// exampleKeys is the script that gives ex's answers in a first run of the
// wizard (oldRules: the key counts of the wizard before issue 13, which is
// not run; see the notes).
func exampleKeys(t *testing.T, bank *checklist.Bank, ex *spec.Spec, oldRules bool) (keys, keyCount) {
	t.Helper()
	sim := spec.New(filepath.Join(t.TempDir(), "sim.yaml"), bank)
	w := newRun(Options{Bank: bank, Spec: sim})
	var script keys
	var c keyCount
	press := func(k ...string) { script = append(script, k...); c.keys += len(k) }
	typeText := func(s string) {
		if s != "" {
			script = append(script, s)
			n := len([]rune(s))
			c.keys += n
			c.typed += n
		}
	}
	for ok := w.start(ModeAll, ""); ok; ok = w.next() {
		st := w.cur
		switch st.kind {
		case stepSectionNote:
			typeText(ex.SectionNotes[st.sec.ID])
			press("enter")
			sim.SectionNotes[st.sec.ID] = ex.SectionNotes[st.sec.ID]
			continue
		case stepChannels:
			// The same for all channels (first), or it differs: one down.
			if !oldRules {
				if exampleDiffers(ex, st.q) {
					press("down")
					w.differs[st.q.ID] = true
				}
				press("enter")
			}
			continue
		case stepSystem:
			name := ex.Answers[st.q.ID].For(st.channel).System
			typeText(name)
			press("enter")
			a := sim.Get(st.key())
			a.System = name
			sim.Put(st.key(), a)
			continue
		case stepFollowUp:
			note := ex.Get(st.key()).Note
			typeText(note)
			press("enter")
			a := sim.Get(st.key())
			a.Note = note
			sim.Put(st.key(), a)
			continue
		}
		q := st.q
		a := ex.Answers[q.ID].For(st.channel)
		a.Note = ex.Get(st.key()).Note
		followUpNote := false
		for _, opt := range q.Options {
			followUpNote = followUpNote || (opt.FollowUp != "" && slices.Contains(a.Values, opt.Value))
		}
		if a.Note != "" && !followUpNote {
			if oldRules {
				c.notesOutOfReach++
			} else {
				before := c.keys
				press("ctrl+n")
				typeText(a.Note)
				press("enter")
				c.noteKeys += c.keys - before
			}
		}
		switch q.Kind {
		case checklist.KindMulti:
			pressTicks(q, a.Values, oldRules, press)
		case checklist.KindNumber, checklist.KindText, checklist.KindDate:
			if v := a.Value(); v != "" && (oldRules || v != q.Default) {
				typeText(v)
			}
		default:
			n := len(q.Options)
			from := slices.IndexFunc(q.Options, func(o checklist.Option) bool { return o.Value == checklist.Undecided })
			to := slices.IndexFunc(q.Options, func(o checklist.Option) bool { return o.Value == a.Value() })
			if to < 0 {
				to = from
			}
			// huh's select wraps round: take the shorter way.
			if d := to - from; d >= 0 && d <= n-d || d < 0 && -d > n+d {
				for i := 0; i < (d+n)%n; i++ {
					press("down")
				}
			} else {
				for i := 0; i < (n-d)%n; i++ {
					press("up")
				}
			}
		}
		press("enter")
		sim.Put(st.key(), spec.Answer{Values: answerValues(q, a.Value(), a.Values), Note: a.Note})
	}
	if !oldRules {
		press("enter") // Finish, on the review screen
	}
	return script, c
}

// pressTicks ticks values on a multi-select that starts with Undecided ticked.
// exampleDiffers: some chosen channel has an answer of its own to q.
func exampleDiffers(ex *spec.Spec, q *checklist.Question) bool {
	for _, ch := range ex.Channels() {
		if len(ex.Answers[q.ID].Channels[ch].Values) > 0 {
			return true
		}
	}
	return false
}

func pressTicks(q *checklist.Question, values []string, oldRules bool, press func(...string)) {
	if len(values) == 0 || slices.Equal(values, []string{checklist.Undecided}) {
		return
	}
	var idx []int
	for i, o := range q.Options {
		if slices.Contains(values, o.Value) {
			idx = append(idx, i)
		}
	}
	cursor := 0
	if oldRules {
		// huh's multi-select started on Undecided (last), which had to be
		// unticked by hand; it does not wrap.
		cursor = len(q.Options) - 1
		press("space")
		slices.Reverse(idx)
	}
	for _, i := range idx {
		for ; cursor < i; cursor++ {
			press("down")
		}
		for ; cursor > i; cursor-- {
			press("up")
		}
		press("space")
	}
}

// The worked example's answers, given with the keys a manager would press,
// make the example again: every answer it holds to a question the wizard
// asks, every note, every section note.
// Each worked example's answers, typed through the wizard by keys, give the
// example's spec; the coffee roaster's go through "it differs" and each
// channel's screens.
func TestWorkedExampleByKeys(t *testing.T) {
	if testing.Short() {
		t.Skip("a whole run of the bank")
	}
	bank, err := checklist.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"acme-outdoor", "coffee-roaster"} {
		t.Run(name, func(t *testing.T) {
			ex, err := spec.Load(filepath.Join("..", "..", "checklist", "examples", name+".yaml"), bank)
			if err != nil {
				t.Fatal(err)
			}
			script, now := exampleKeys(t, bank, ex, false)
			_, before := exampleKeys(t, bank, ex, true)
			s := newSpec(t, bank)
			run, _ := driver(t, script)
			if _, err := Run(Options{Bank: bank, Spec: s, Run: run}); err != nil {
				t.Fatal(err)
			}
			compareExample(t, bank, ex, s)
			t.Logf("the worked example by keys: %d keys now (%d typed, %d others), %d of them for the notes Ctrl+N takes; with the old wizard's rules %d (%d typed, %d others) and %d notes it could not take",
				now.keys, now.typed, now.keys-now.typed, now.noteKeys, before.keys, before.typed, before.keys-before.typed, before.notesOutOfReach)
		})
	}
}

// compareExample checks that the wizard's spec s holds every answer of the
// example ex that is asked: for all channels, and each channel's own.
func compareExample(t *testing.T, bank *checklist.Bank, ex, s *spec.Spec) {
	t.Helper()
	for _, q := range bank.Questions() {
		if ex.StatusOf(q) == spec.Hidden {
			continue
		}
		keys := []string{q.ID}
		for _, ch := range ex.Channels() {
			if _, own := ex.Answers[q.ID].Channels[ch]; own {
				keys = append(keys, spec.Key(q.ID, ch))
			}
		}
		for _, key := range keys {
			want, got := ex.Get(key), s.Get(key)
			// An open question in the example is undecided (or its default) after Enter.
			open := len(want.Values) == 0 && (q.Default != "" || slices.Equal(got.Values, []string{checklist.Undecided}))
			if !slices.Equal(want.Values, got.Values) && !open || want.Note != got.Note || want.System != got.System {
				t.Errorf("%s: got %+v, want %+v", key, got, want)
			}
		}
	}
	for id, n := range ex.SectionNotes {
		if s.SectionNotes[id] != n {
			t.Errorf("section note %s = %q, want %q", id, s.SectionNotes[id], n)
		}
	}
}
