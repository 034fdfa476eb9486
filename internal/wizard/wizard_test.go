package wizard

import (
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/integ-dev/integ/checklist"
	"github.com/integ-dev/integ/internal/spec"
	"github.com/integ-dev/integ/internal/wizard/wizardtest"
)

func loadSmall(t testing.TB) *checklist.Bank {
	t.Helper()
	b, err := checklist.Parse("small.yaml", []byte(wizardtest.SmallBank))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

type keys = wizardtest.Keys

var (
	driver = wizardtest.Driver
	shown  = wizardtest.Screen
)

func newSpec(t *testing.T, b *checklist.Bank) *spec.Spec {
	return spec.New(filepath.Join(t.TempDir(), "spec.yaml"), b)
}

// saves records, after every Save, the answers the spec held then.
type saves []map[string]string

func (sv *saves) recorder(s *spec.Spec) func() error {
	return func() error {
		got := map[string]string{}
		for id, a := range s.Answers {
			got[id] = a.Value()
		}
		*sv = append(*sv, got)
		return nil
	}
}

// The stock section with the defaults: live no, where undecided, channels
// undecided, buffer 5, no section note; then Finish on the review screen.
var (
	stockDefaults = keys{"up", "enter", "enter", "enter", "enter", "enter"}
	finish        = keys{"enter"}
)

func TestFirstRun(t *testing.T) {
	t.Parallel()
	b := loadSmall(t)
	s := newSpec(t, b)
	var sv saves
	run, screens := driver(t,
		keys{"Shopify", "enter", "Odoo", "enter", "enter"},
		// live: Undecided is pre-selected; up twice is "yes", which shows the follow-up.
		keys{"up", "up", "enter", "up", "up", "enter", "up", "enter", "Legacy ERP", "enter", "enter", "enter", "Ships from two sites", "enter"},
		finish,
	)
	res, err := Run(Options{Bank: b, Spec: s, Run: run, Save: sv.recorder(s)})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"project.store": "Shopify", "project.inventory": "Odoo", "stock.live": "yes", "stock.fresh": "fast",
		"stock.where": "other", "stock.channels": "undecided", "stock.buffer": "5"}
	for id, v := range want {
		if got := s.Answers[id].Value(); got != v {
			t.Errorf("%s = %q, want %q", id, got, v)
		}
	}
	if got := s.Note("stock.where"); got != "Legacy ERP" {
		t.Errorf("follow-up note = %q", got)
	}
	if got := s.SectionNotes["stock"]; got != "Ships from two sites" {
		t.Errorf("section note = %q", got)
	}
	if res.Answers != 7 || res.Notes != 2 || res.Last.ID != "stock.buffer" {
		t.Errorf("result: %+v", res)
	}
	// Saved after every answer and note: the first save already holds the store.
	if len(sv) != 10 || sv[0]["project.store"] != "Shopify" || len(sv[0]) != 1 {
		t.Errorf("saves: %v", sv)
	}
	// The names given in section 1 are used in later prompts, under the section header.
	for _, want := range []string{"Should Shopify get live counts from Odoo?", "Section 2 of 2 · Stock", "Which system?"} {
		if shown(*screens, want) == "" {
			t.Errorf("no screen showed %q", want)
		}
	}
}

// 13.4: where am I: question k of n in the section, the whole run, the ID.
func TestHeaderSaysWhereTheQuestionIs(t *testing.T) {
	t.Parallel()
	b := loadSmall(t)
	s := newSpec(t, b)
	run, screens := driver(t, keys{"Shopify", "enter", "Odoo", "enter", "enter"}, keys{"ctrl+c"})
	if _, err := Run(Options{Bank: b, Spec: s, Run: run}); !errors.Is(err, ErrAborted) {
		t.Fatal(err)
	}
	first := (*screens)[0]
	for _, want := range []string{"Section 1 of 2 · About · question 1 of 2 · 1 of 6 in all", "project.store", "Who the project is for.", "Store help."} {
		if !strings.Contains(first, want) {
			t.Errorf("the first screen lacks %q:\n%s", want, first)
		}
	}
	// live is undecided, so "How fresh?" is not counted.
	if scr := shown(*screens, "Should Shopify"); !strings.Contains(scr, "question 1 of 4 · 3 of 6 in all") || !strings.Contains(scr, "stock.live") {
		t.Errorf("section 2's first screen:\n%s", scr)
	}
}

func TestConditionHidesFollowUpAndKeepsItsAnswer(t *testing.T) {
	t.Parallel()
	b := loadSmall(t)
	s := newSpec(t, b)
	s.Set("stock.fresh", spec.Answer{Values: []string{"slow"}})
	// live: up once is "no", so "How fresh?" is skipped: the next screen is "Where?".
	run, screens := driver(t, stockDefaults, finish)
	if _, err := Run(Options{Bank: b, Spec: s, Mode: ModeSection, Section: "stock", Run: run}); err != nil {
		t.Fatal(err)
	}
	if s.Answers["stock.live"].Value() != "no" || s.Answers["stock.where"].Value() != "undecided" {
		t.Errorf("answers: %+v", s.Answers)
	}
	if s.Answers["stock.fresh"].Value() != "slow" {
		t.Error("the hidden follow-up's earlier answer was dropped")
	}
	if shown(*screens, "How fresh?") != "" {
		t.Error("the hidden question was shown")
	}
}

func answerAll(s *spec.Spec) {
	for id, v := range map[string]string{"project.store": "Shopify", "project.inventory": "Odoo", "stock.live": "yes", "stock.fresh": "slow",
		"stock.where": "here", "stock.channels": "web", "stock.buffer": "3"} {
		s.Set(id, spec.Answer{Values: []string{v}})
	}
}

func TestRerunPreselectsEarlierAnswers(t *testing.T) {
	t.Parallel()
	b := loadSmall(t)
	s := newSpec(t, b)
	answerAll(s)
	before := map[string]string{}
	for id, a := range s.Answers {
		before[id] = a.Value()
	}
	run, screens := driver(t,
		keys{"enter"}, // the menu: nothing is open, so "Go through everything" is first
		keys{"enter", "enter", "enter"},
		keys{"enter", "enter", "enter", "enter", "enter", "enter"},
		finish,
	)
	if _, err := Run(Options{Bank: b, Spec: s, Run: run}); err != nil {
		t.Fatal(err)
	}
	for id, v := range before {
		if got := s.Answers[id].Value(); got != v {
			t.Errorf("%s changed from %q to %q by pressing Enter", id, v, got)
		}
	}
	if !strings.Contains((*screens)[0], "Welcome back") || strings.Contains((*screens)[0], "Continue where you stopped") {
		t.Errorf("a re-run with nothing open starts with the menu, without 'continue':\n%s", (*screens)[0])
	}
}

func TestUnansweredModeAsksOnlyOpenQuestions(t *testing.T) {
	t.Parallel()
	b := loadSmall(t)
	s := newSpec(t, b)
	answerAll(s)
	s.Set("stock.live", spec.Answer{Values: []string{"no"}})
	s.Set("stock.where", spec.Answer{Values: []string{"undecided"}})
	// Only stock.where is undecided (fresh is hidden): one question and the section note.
	run, screens := driver(t, keys{"up", "up", "enter", "enter"}, finish)
	res, err := Run(Options{Bank: b, Spec: s, Mode: ModeUnanswered, Run: run})
	if err != nil {
		t.Fatal(err)
	}
	if res.Answers != 1 || s.Answers["stock.where"].Value() != "here" {
		t.Errorf("answers %d, where=%q", res.Answers, s.Answers["stock.where"].Value())
	}
	if !strings.Contains((*screens)[0], "question 1 of 1") {
		t.Errorf("first screen:\n%s", (*screens)[0])
	}
}

// 13.3: Ctrl-C mid-section keeps every answer given, and only those.
func TestCtrlCMidSectionKeepsEveryAnswerGiven(t *testing.T) {
	t.Parallel()
	b := loadSmall(t)
	s := newSpec(t, b)
	var sv saves
	run, _ := driver(t,
		keys{"Shopify", "enter", "Odoo", "enter", "enter"},
		keys{"up", "up", "enter", "ctrl+c"},
	)
	res, err := Run(Options{Bank: b, Spec: s, Run: run, Save: sv.recorder(s)})
	if !errors.Is(err, ErrAborted) {
		t.Fatalf("got %v, want ErrAborted", err)
	}
	if got := s.Answers["stock.live"].Value(); got != "yes" {
		t.Errorf("the answer given mid-section was lost: live=%q", got)
	}
	if last := sv[len(sv)-1]; last["stock.live"] != "yes" {
		t.Errorf("the answer given mid-section was not saved: %v", last)
	}
	for _, id := range []string{"stock.fresh", "stock.where"} {
		if _, ok := s.Answers[id]; ok {
			t.Errorf("%s was recorded, but never answered", id)
		}
	}
	if res.Answers != 3 || res.Last.ID != "stock.live" || res.Current == nil || res.Current.ID != "stock.fresh" {
		t.Errorf("result: %+v", res)
	}
}

// 12.3: a signal stops the wizard as Ctrl-C does, never as if it finished.
func TestSignalsStopLikeCtrlC(t *testing.T) {
	t.Parallel()
	for _, sig := range []string{"SIGTERM", "SIGHUP", "SIGQUIT", "SIGINT"} {
		t.Run(sig, func(t *testing.T) {
			t.Parallel()
			b := loadSmall(t)
			s := newSpec(t, b)
			run, _ := driver(t, keys{"Shopify", "enter", "Odo", sig})
			res, err := Run(Options{Bank: b, Spec: s, Run: run})
			var se *SignalError
			if !errors.As(err, &se) || se.SignalName() != sig {
				t.Fatalf("got %v, want a SignalError for %s", err, sig)
			}
			want := map[string]int{"SIGTERM": 143, "SIGHUP": 129, "SIGQUIT": 131, "SIGINT": 130}[sig]
			if se.ExitCode() != want {
				t.Errorf("exit code %d, want %d", se.ExitCode(), want)
			}
			if len(s.Answers) != 1 || s.Answers["project.store"].Value() != "Shopify" {
				t.Errorf("answers: %+v", s.Answers)
			}
			if res.Current == nil || res.Current.ID != "project.inventory" {
				t.Errorf("current: %+v", res.Current)
			}
		})
	}
}

// Ctrl-Z suspends (the driver has no terminal to suspend, so it goes on as
// after a resume): it must not type into the answer.
func TestCtrlZDoesNotTypeIntoTheAnswer(t *testing.T) {
	t.Parallel()
	b := loadSmall(t)
	s := newSpec(t, b)
	run, _ := driver(t, keys{"Shop", "ctrl+z", "ify", "enter", "ctrl+c"})
	if _, err := Run(Options{Bank: b, Spec: s, Run: run}); !errors.Is(err, ErrAborted) {
		t.Fatal(err)
	}
	if got := s.Answers["project.store"].Value(); got != "Shopify" {
		t.Errorf("store = %q", got)
	}
}

func TestShiftTabGoesBackAcrossSections(t *testing.T) {
	t.Parallel()
	b := loadSmall(t)
	s := newSpec(t, b)
	run, screens := driver(t,
		// Shift-Tab on the very first question has nowhere to go and does nothing.
		keys{"shift+tab", "Shopify", "enter", "Odoo", "enter", "enter"},
		// On section 2's first question it reopens section 1's last screen, then its question.
		keys{"shift+tab", "shift+tab", " 17", "enter", "enter"},
		// live: up is "no", which hides "How fresh?"; back, up again is "yes", which shows it.
		keys{"up", "enter", "shift+tab", "up", "enter", "enter", "enter", "enter", "enter", "enter"},
		finish,
	)
	if _, err := Run(Options{Bank: b, Spec: s, Run: run}); err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string]string{"project.store": "Shopify", "project.inventory": "Odoo 17", "stock.live": "yes", "stock.fresh": "undecided", "stock.where": "undecided"} {
		if got := s.Answers[id].Value(); got != want {
			t.Errorf("%s = %q, want %q", id, got, want)
		}
	}
	if !strings.Contains(shown(*screens, "stock.live"), "shift+tab back") {
		t.Error("the footer does not say Shift-Tab goes back")
	}
}

// 13.1: a multi-select shows every option on its first view; ticking an
// option unticks Undecided, ticking Undecided unticks the rest; one key.
func TestMultiSelectShowsEveryOptionAndUndecidedExcludesTheRest(t *testing.T) {
	t.Parallel()
	b := loadSmall(t)
	s := newSpec(t, b)
	s.Set("stock.live", spec.Answer{Values: []string{"no"}})
	s.Set("stock.where", spec.Answer{Values: []string{"here"}})
	run, screens := driver(t,
		keys{"enter", "enter"},          // live, where as they are
		keys{"space", "down", "space"},  // tick Web shop and Shop counter: Undecided goes
		keys{"down", "down", "space"},   // tick Undecided: the others go
		keys{"up", "up", "up", "space"}, // tick Web shop again: Undecided goes
		keys{"enter", "enter", "enter"}, // buffer, section note
		finish,
	)
	if _, err := Run(Options{Bank: b, Spec: s, Mode: ModeSection, Section: "stock", Run: run}); err != nil {
		t.Fatal(err)
	}
	var first string
	for i, scr := range *screens {
		if strings.Contains(scr, "Which channels sell stock?") {
			first = (*screens)[i]
			break
		}
	}
	for _, opt := range []string{"Web shop", "Shop counter", "Marketplaces", "✓ Undecided"} {
		if !strings.Contains(first, opt) {
			t.Errorf("the first view of the multi-select lacks %q:\n%s", opt, first)
		}
	}
	if !strings.Contains(first, "Space ticks") || !strings.Contains(first, "space tick") || strings.Contains(first, "x toggle") {
		t.Errorf("hint and footer should both name Space:\n%s", first)
	}
	steps := (*screens)[slices.Index(*screens, first):]
	ticked := func(scr, label string) bool { return strings.Contains(scr, "✓ "+label) }
	if scr := steps[3]; !ticked(scr, "Web shop") || !ticked(scr, "Shop counter") || ticked(scr, "Undecided") {
		t.Errorf("after ticking two options:\n%s", scr)
	}
	if scr := steps[6]; ticked(scr, "Web shop") || ticked(scr, "Shop counter") || !ticked(scr, "Undecided") {
		t.Errorf("after ticking Undecided:\n%s", scr)
	}
	if got := s.Answers["stock.channels"].Values; !slices.Equal(got, []string{"web"}) {
		t.Errorf("channels = %q, want [web]", got)
	}
}

func TestMultiSelectRefusesNothingTicked(t *testing.T) {
	t.Parallel()
	b := loadSmall(t)
	s := newSpec(t, b)
	s.Set("stock.live", spec.Answer{Values: []string{"no"}})
	s.Set("stock.where", spec.Answer{Values: []string{"here"}})
	run, screens := driver(t, keys{"enter", "enter", "down", "down", "down", "space", "enter", "ctrl+c"})
	if _, err := Run(Options{Bank: b, Spec: s, Mode: ModeSection, Section: "stock", Run: run}); !errors.Is(err, ErrAborted) {
		t.Fatal(err)
	}
	if shown(*screens, errNoneTicked.Error()) == "" {
		t.Error("Enter with nothing ticked did not say why it stays")
	}
	if _, ok := s.Answers["stock.channels"]; ok {
		t.Error("an empty multi-select was recorded")
	}
}

// 13.2: Enter on a shown default records it.
func TestAcceptingADefaultRecordsIt(t *testing.T) {
	t.Parallel()
	b := loadSmall(t)
	s := newSpec(t, b)
	run, screens := driver(t, stockDefaults, finish)
	if _, err := Run(Options{Bank: b, Spec: s, Mode: ModeSection, Section: "stock", Run: run}); err != nil {
		t.Fatal(err)
	}
	if got := s.Answers["stock.buffer"].Value(); got != "5" {
		t.Errorf("buffer = %q, want the default 5", got)
	}
	if q := b.Question("stock.buffer"); s.StatusOf(q) != spec.Answered {
		t.Errorf("the accepted default does not count: %v", s.StatusOf(q))
	}
	if shown(*screens, "5 (press Enter to use it)") == "" {
		t.Error("the default was not shown")
	}
}

// 13.5: Ctrl+N opens a note on any question; Enter keeps it, Esc leaves it.
func TestNoteOnAnyQuestion(t *testing.T) {
	t.Parallel()
	b := loadSmall(t)
	s := newSpec(t, b)
	s.Set("stock.where", spec.Answer{Values: []string{"here"}, Note: "Old note"})
	var sv saves
	run, screens := driver(t,
		keys{"up", "up", "ctrl+n", "Retail by e-mail, wholesale by customer number", "enter"}, // a note on live, with yes under the cursor
		keys{"enter"}, // live = yes, as chosen before the note
		keys{"ctrl+n", "esc", "enter"},
		keys{"ctrl+n", " and more", "esc", "enter"}, // where: Esc leaves the old note
		keys{"enter", "enter", "enter"},
		finish,
	)
	if _, err := Run(Options{Bank: b, Spec: s, Mode: ModeSection, Section: "stock", Run: run, Save: sv.recorder(s)}); err != nil {
		t.Fatal(err)
	}
	if got := s.Note("stock.live"); got != "Retail by e-mail, wholesale by customer number" {
		t.Errorf("note on live = %q", got)
	}
	if s.Answers["stock.live"].Value() != "yes" {
		t.Errorf("the answer under the note changed: %q", s.Answers["stock.live"].Value())
	}
	if s.Note("stock.where") != "Old note" {
		t.Errorf("Esc changed the note: %q", s.Note("stock.where"))
	}
	if sv[0]["stock.live"] != "" {
		t.Errorf("the note was saved with an answer nobody gave: %v", sv[0])
	}
	if scr := shown(*screens, "Note on: Should"); !strings.Contains(scr, "esc cancel") {
		t.Errorf("the note screen:\n%s", scr)
	}
	if scr := shown(*screens, "Your note: Old note"); !strings.Contains(scr, "Where?") || !strings.Contains(scr, "ctrl+n note") {
		t.Errorf("the question does not show its note or the note key:\n%s", scr)
	}
}

// 13.6: the review screen lists every section and answer; Enter on one
// opens it and comes back there.
func TestReviewJumpsToAQuestionAndComesBack(t *testing.T) {
	t.Parallel()
	b := loadSmall(t)
	s := newSpec(t, b)
	answerAll(s)
	run, screens := driver(t,
		keys{"up", "enter"}, // the menu's last entry: review
		keys{"down", "down", "down", "down", "down", "down", "down", "enter"}, // Where? (Finish; project: header, 2 questions; stock: header, live, fresh, where)
		keys{"down", "enter", "Second warehouse", "enter"},                    // Elsewhere, and its follow-up
		keys{"down", "enter"},                                         // back on the review, one row down: Which channels
		keys{"down", "space", "enter"},                                // tick Shop counter too
		keys{"up", "up", "up", "up", "up", "up", "up", "up", "enter"}, // up to Finish
	)
	if _, err := Run(Options{Bank: b, Spec: s, Run: run}); err != nil {
		t.Fatal(err)
	}
	review := shown(*screens, "Review your answers")
	for _, want := range []string{"1. About: 2 answered", "2. Stock: 5 answered", "Store?", "Shopify", "How fresh?", "Slow", "Which channels sell stock?", "Web shop"} {
		if !strings.Contains((*screens)[2], want) {
			t.Errorf("the review lacks %q:\n%s", want, review)
		}
	}
	if s.Answers["stock.where"].Value() != "other" || s.Note("stock.where") != "Second warehouse" {
		t.Errorf("where = %+v", s.Answers["stock.where"])
	}
	if got := s.Answers["stock.channels"].Values; !slices.Equal(got, []string{"web", "shop"}) {
		t.Errorf("channels = %q", got)
	}
	back := (*screens)[14] // after the follow-up: back on the review
	if !strings.Contains(back, "Review your answers") || !strings.Contains(back, ">    Where?") || !strings.Contains(back, "Elsewhere ✎") {
		t.Errorf("did not come back to the review with the new answer:\n%s", back)
	}
}

// 13.7: accessible mode prints every help text, with where the question is.
func TestAccessibleModePrintsHelpTexts(t *testing.T) {
	t.Parallel()
	b := loadSmall(t)
	s := newSpec(t, b)
	var out strings.Builder
	in := lines("Shopify", "Odoo", "", "2", "", "4", "2", "", "", "", "") // the last: Finish on the review
	_, err := Run(Options{Bank: b, Spec: s, Accessible: true, Input: in, Output: &out})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Store help.", "Inventory help.", "Live help.", "Where help.", "Channels help.", "Buffer help.",
		"Section 2 of 2 · Stock · question 1 of 4", "Question ID: stock.live", "[x] Shop counter"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("accessible mode never printed %q:\n%s", want, out.String())
		}
	}
	for id, want := range map[string]string{"project.store": "Shopify", "stock.live": "no", "stock.channels": "shop", "stock.buffer": "5"} {
		if got := s.Answers[id].Value(); got != want {
			t.Errorf("%s = %q, want %q", id, got, want)
		}
	}
	if strings.Contains(out.String(), "How fresh?") {
		t.Error("accessible mode asked a hidden question")
	}
}

// An input that ends (the terminal went away) is not an answer.
func TestAccessibleModeStopsWhenTheInputEnds(t *testing.T) {
	t.Parallel()
	b := loadSmall(t)
	s := newSpec(t, b)
	_, err := Run(Options{Bank: b, Spec: s, Accessible: true, Input: lines("Shopify"), Output: &strings.Builder{}})
	if !errors.Is(err, ErrAborted) {
		t.Fatalf("got %v, want ErrAborted", err)
	}
	if len(s.Answers) != 1 {
		t.Errorf("answers recorded from an ended input: %+v", s.Answers)
	}
}

// lines is an input that gives one line per read, as a terminal does.
func lines(ls ...string) *lineReader { return &lineReader{lines: ls} }

type lineReader struct{ lines []string }

func (r *lineReader) Read(p []byte) (int, error) {
	if len(r.lines) == 0 {
		return 0, errors.New("EOF")
	}
	n := copy(p, r.lines[0]+"\n")
	r.lines = r.lines[1:]
	return n, nil
}

func TestTheWizardLeavesLipglossGlobalProfileAlone(t *testing.T) {
	before := lipgloss.ColorProfile()
	b := loadSmall(t)
	s := newSpec(t, b)
	run, _ := driver(t, keys{"ctrl+c"})
	Run(Options{Bank: b, Spec: s, Plain: true, Run: run})
	if after := lipgloss.ColorProfile(); after != before {
		t.Errorf("the wizard changed lipgloss's global colour profile from %v to %v", before, after)
	}
	if before == termenv.Ascii {
		t.Log("the global profile was Ascii already; the check is weaker")
	}
}

// 13.8: Ctrl+E falls back to vi/vim, or says what to set.
func TestEditorCommand(t *testing.T) {
	t.Parallel()
	installed := func(names ...string) func(string) (string, error) {
		return func(n string) (string, error) {
			if slices.Contains(names, n) {
				return "/usr/bin/" + n, nil
			}
			return "", errors.New("not found")
		}
	}
	env := func(kv ...string) func(string) string {
		return func(k string) string {
			for i := 0; i < len(kv); i += 2 {
				if kv[i] == k {
					return kv[i+1]
				}
			}
			return ""
		}
	}
	tests := []struct {
		name   string
		getenv func(string) string
		look   func(string) (string, error)
		want   string
	}{
		{"EDITOR", env("EDITOR", "code --wait"), installed("code", "nano"), "code --wait"},
		{"VISUAL first", env("VISUAL", "emacs", "EDITOR", "nano"), installed("emacs", "nano"), "emacs"},
		{"EDITOR not installed", env("EDITOR", "subl"), installed("vim"), "/usr/bin/vim"},
		{"no nano", env(), installed("vi"), "/usr/bin/vi"},
		{"nothing", env(), installed(), ""},
	}
	for _, tt := range tests {
		if got := strings.Join(editorCommand(tt.getenv, tt.look), " "); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestCtrlEWithoutAnEditorSaysWhatToSet(t *testing.T) {
	t.Parallel()
	b := loadSmall(t)
	s := newSpec(t, b)
	answerAll(s)
	none := func(string) (string, error) { return "", errors.New("not found") }
	run, screens := driver(t, keys{"enter", "enter", "ctrl+e", "ctrl+c"})
	Run(Options{Bank: b, Spec: s, Mode: ModeSection, Section: "project", Run: run, Getenv: func(string) string { return "" }, LookPath: none})
	if scr := (*screens)[3]; !strings.Contains(scr, "set EDITOR") {
		t.Errorf("Ctrl+E without an editor said nothing:\n%s", scr)
	}
}

// "Continue where you stopped" starts at the first open question.
func TestResumeStartsWhereTheLastRunStopped(t *testing.T) {
	t.Parallel()
	b := loadSmall(t)
	s := newSpec(t, b)
	for id, v := range map[string]string{"project.store": "Shopify", "project.inventory": "Odoo", "stock.live": "no"} {
		s.Set(id, spec.Answer{Values: []string{v}})
	}
	run, screens := driver(t, keys{"enter", "up", "up", "enter", "ctrl+c"})
	if _, err := Run(Options{Bank: b, Spec: s, Run: run}); !errors.Is(err, ErrAborted) {
		t.Fatal(err)
	}
	if !strings.Contains((*screens)[0], "> Continue where you stopped: Stock, “Where?”") {
		t.Errorf("the menu does not offer to continue:\n%s", (*screens)[0])
	}
	if !strings.Contains((*screens)[1], "Where?") {
		t.Errorf("continue did not open the first open question:\n%s", (*screens)[1])
	}
	if s.Answers["stock.where"].Value() != "here" {
		t.Errorf("where = %q", s.Answers["stock.where"].Value())
	}
}

func TestSaveErrorStopsTheWizard(t *testing.T) {
	t.Parallel()
	b := loadSmall(t)
	s := newSpec(t, b)
	run, _ := driver(t, keys{"Shopify", "enter"})
	boom := errors.New("disk full")
	_, err := Run(Options{Bank: b, Spec: s, Run: run, Save: func() error { return boom }})
	if !errors.Is(err, boom) {
		t.Errorf("got %v", err)
	}
}

var _ = syscall.SIGTERM

// An answer naming another system asks for its short name, kept in the
// answer's own field, apart from the note.
func TestSystemNameIsAskedApartFromTheNote(t *testing.T) {
	t.Parallel()
	b, err := checklist.Parse("small.yaml", []byte(`
id: small
title: Small bank
sections:
  - id: project
    title: About
    code: PRJ
    questions:
      - {id: project.store, kind: text, prompt: "Store?", help: "H."}
  - id: tax
    title: Tax
    code: TAX
    questions:
      - id: tax.who
        kind: choice
        prompt: "Who calculates tax?"
        help: "H."
        options:
          - {value: store, label: The store}
          - {value: service, label: A tax service, system: "Which tax service?", follow_up: "Anything to know about it?", requires: ["{third} shall calculate tax."]}
`))
	if err != nil {
		t.Fatal(err)
	}
	s := newSpec(t, b)
	run, _ := driver(t,
		keys{"Shopify", "enter", "enter"},
		keys{"up", "enter", "Avalara AvaTax", "enter", "Both systems ask it", "enter", "enter"},
		finish,
	)
	if _, err := Run(Options{Bank: b, Spec: s, Run: run}); err != nil {
		t.Fatal(err)
	}
	if a := s.Answers["tax.who"]; a.Value() != "service" || a.System != "Avalara AvaTax" || a.Note != "Both systems ask it" {
		t.Errorf("answer = %+v", a)
	}
}

// channelSpec chooses two sales channels, so that questions that may differ
// by channel ask whether they do.
func channelSpec(t *testing.T) (*checklist.Bank, *spec.Spec) {
	t.Helper()
	b, err := checklist.Default()
	if err != nil {
		t.Fatal(err)
	}
	s := newSpec(t, b)
	s.Set("project.store", spec.Answer{Values: []string{"WooCommerce"}})
	s.Set("project.inventory", spec.Answer{Values: []string{"Cin7 Core"}})
	s.Set("project.channels", spec.Answer{Values: []string{"web-retail", "phone-email"}})
	return b, s
}

// 16: with several channels, a question that may differ asks "the same for
// all channels" first; "it differs" asks it for each chosen channel.
func TestDiffersAsksEachChannel(t *testing.T) {
	t.Parallel()
	b, s := channelSpec(t)
	run, screens := driver(t,
		keys{"enter"},                   // web accounts for offline customers: undecided
		keys{"down", "enter"},           // matching customers: it differs
		keys{"up", "up", "up", "enter"}, // Web retail: e-mail address
		keys{"up", "up", "enter"},       // Phone/e-mail: customer number
		keys{"enter", "enter", "enter"}, // guest orders (web only, asked once), sales reps: undecided; no section note
		finish,
	)
	if _, err := Run(Options{Bank: b, Spec: s, Mode: ModeSection, Section: "customers", Run: run}); err != nil {
		t.Fatal(err)
	}
	a := s.Answers["customers.match-key"]
	if len(a.Values) != 0 || a.Channels["web-retail"].Values[0] != "email" || a.Channels["phone-email"].Values[0] != "customer-number" {
		t.Errorf("customers.match-key = %+v; want e-mail for retail and the customer number for phone orders", a)
	}
	mode := firstShown(*screens, "Is the answer the same for all of them?")
	if !strings.Contains(mode, "You sell through Web retail and Phone/e-mail.") || !strings.Contains(mode, "> The same for all channels") ||
		!strings.Contains(mode, "It differs: answer it for each channel") || !strings.Contains(mode, "customers.match-key · the same for all channels?") {
		t.Errorf("the screen that asks whether it differs:\n%s", mode)
	}
	if scr := shown(*screens, "both systems? — Phone/e-mail"); !strings.Contains(scr, "customers.match-key@phone-email") {
		t.Errorf("phone orders' screen does not name its answer:\n%s", scr)
	}
	if scr := shown(*screens, "guest checkout"); strings.Contains(scr, "— Web retail") {
		t.Errorf("a question that is the same for every channel is asked per channel:\n%s", scr)
	}
}

// "The same for all channels" after answers per channel: one answer for all,
// and the channels' own answers go (their notes stay).
func TestSameForAllReplacesChannelAnswers(t *testing.T) {
	t.Parallel()
	b, s := channelSpec(t)
	s.Put("customers.match-key@web-retail", spec.Answer{Values: []string{"email"}})
	s.Put("customers.match-key@phone-email", spec.Answer{Values: []string{"customer-number"}, Note: "Reps key it in."})
	run, screens := driver(t,
		keys{"enter"},                   // web accounts for offline customers
		keys{"up", "enter"},             // it was "differs": now the same for all
		keys{"up", "up", "up", "enter"}, // e-mail address, for everyone
		keys{"enter", "enter", "enter"},
		finish,
	)
	if _, err := Run(Options{Bank: b, Spec: s, Mode: ModeSection, Section: "customers", Run: run}); err != nil {
		t.Fatal(err)
	}
	a := s.Answers["customers.match-key"]
	if a.Value() != "email" || len(a.Channels["web-retail"].Values)+len(a.Channels["phone-email"].Values) != 0 || a.Channels["phone-email"].Note != "Reps key it in." {
		t.Errorf("customers.match-key = %+v; want e-mail for all, phone orders' note kept", a)
	}
	if mode := firstShown(*screens, "Is the answer the same for all of them?"); !strings.Contains(mode, "> It differs") {
		t.Errorf("answers per channel do not start on \"it differs\":\n%s", mode)
	}
}

// firstShown is the first screen that shows want.
func firstShown(screens []string, want string) string {
	for _, scr := range screens {
		if strings.Contains(scr, want) {
			return scr
		}
	}
	return ""
}

// 16 in accessible mode: the same choice, numbered, then each channel.
func TestAccessibleModeAsksEachChannel(t *testing.T) {
	t.Parallel()
	b, s := channelSpec(t)
	var out strings.Builder
	// offline accounts: undecided (3); matching: it differs (2); retail: e-mail (1);
	// phone orders: customer number (2); guest orders (a web-only question,
	// asked once), sales reps: undecided; no note; Finish on the review.
	in := lines("3", "2", "1", "2", "5", "4", "", "")
	if _, err := Run(Options{Bank: b, Spec: s, Accessible: true, Mode: ModeSection, Section: "customers", Input: in, Output: &out}); err != nil {
		t.Fatal(err)
	}
	a := s.Answers["customers.match-key"]
	if a.Channels["web-retail"].Value() != "email" || a.Channels["phone-email"].Value() != "customer-number" {
		t.Errorf("customers.match-key = %+v\n%s", a, out.String())
	}
	for _, want := range []string{"The same for all channels", "Question ID: customers.match-key@phone-email", "— Phone/e-mail"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("accessible mode never printed %q:\n%s", want, out.String())
		}
	}
}

// Enter on an empty system name leaves it open: the bank's default ("the
// online store") only stands in for a name nobody gave, and is not shown as
// one to accept. A typed name is recorded. Before, Enter recorded the
// default as the store's name.
func TestSystemNameMustBeTyped(t *testing.T) {
	t.Parallel()
	bank := strings.Replace(wizardtest.SmallBank, `prompt: "Store?", help: "Store help."`, `prompt: "Store?", help: "Store help.", default: "the online store"`, 1)
	bank = strings.Replace(bank, `prompt: "Inventory?", help: "Inventory help."`, `prompt: "Inventory?", help: "Inventory help.", default: "the inventory system"`, 1)
	b, err := checklist.Parse("small.yaml", []byte(bank))
	if err != nil {
		t.Fatal(err)
	}
	s := newSpec(t, b)
	run, screens := driver(t, keys{"enter", "Odoo", "enter", "enter"}, stockDefaults, finish)
	if _, err := Run(Options{Bank: b, Spec: s, Mode: ModeAll, Run: run}); err != nil {
		t.Fatal(err)
	}
	if a, ok := s.Answers["project.store"]; ok {
		t.Errorf("Enter on the empty store name recorded %q", a.Value())
	}
	if got := s.Answers["project.inventory"].Value(); got != "Odoo" {
		t.Errorf("the typed inventory name: %q", got)
	}
	if q := b.Question("project.store"); s.StatusOf(q) != spec.Open {
		t.Errorf("the store's name is %v, want open", s.StatusOf(q))
	}
	if got := s.Names(b).Store; got != "the online store" {
		t.Errorf("the name used meanwhile: %q", got)
	}
	// The inventory's screen as it comes (drawn after a key, at its full
	// width: the first screen is drawn before the driver sizes the window).
	if scr := (*screens)[1]; !strings.Contains(scr, "Inventory?") || strings.Contains(scr, "(press Enter to use it)") {
		t.Errorf("the inventory's name offers its default as an answer (or was not shown):\n%s", scr)
	}
}

// Answers saved twice at the same time (recorded under conflicts: by a
// merging save) are shown, each before its question, with both sides; the
// manager keeps one, which clears the conflict, or decides later. Before,
// the wizard never showed them: only integ check and integ set knew.
func TestConflictsAreShownAndDecided(t *testing.T) {
	t.Parallel()
	b := loadSmall(t)
	s := newSpec(t, b)
	s.Set("stock.buffer", spec.Answer{Values: []string{"7"}})
	s.Conflicts["stock.buffer"] = spec.Answer{Values: []string{"9"}, Note: "Finance says 9"}
	s.SectionNotes["stock"] = "Two sites"
	s.Conflicts["stock"] = spec.Answer{Note: "Three sites"}
	var sv saves
	run, screens := driver(t,
		keys{"up", "enter", "enter", "enter"}, // live no, where and channels undecided
		keys{"up", "enter"},                   // buffer: keep the other side's 9
		keys{"enter"},                         // buffer: 9 as it now is
		keys{"enter", "enter"},                // the section notes: decide later; the note as it is
		finish)
	res, err := Run(Options{Bank: b, Spec: s, Mode: ModeSection, Section: "stock", Run: run, Save: sv.recorder(s)})
	if err != nil {
		t.Fatal(err)
	}
	if a := s.Answers["stock.buffer"]; a.Value() != "9" || a.Note != "Finance says 9" {
		t.Errorf("buffer after keeping the other side: %+v", a)
	}
	if _, ok := s.Conflicts["stock.buffer"]; ok {
		t.Error("deciding left the buffer's conflict")
	}
	if s.Conflicts["stock"].Note != "Three sites" || s.SectionNotes["stock"] != "Two sites" {
		t.Errorf("deciding later changed the notes' conflict: %q, %q", s.Conflicts["stock"].Note, s.SectionNotes["stock"])
	}
	if res.Answers != 4 {
		t.Errorf("answers counted: %d, want 4 (live, where, channels and the decision)", res.Answers)
	}
	scr := shown(*screens, "stock.buffer · two answers saved at the same time")
	for _, want := range []string{`In use now: "7"`, `The other:  "9" (note: "Finance says 9")`, "Decide later"} {
		if !strings.Contains(scr, want) {
			t.Errorf("the buffer's conflict screen lacks %q:\n%s", want, scr)
		}
	}
	if scr := shown(*screens, "stock · two notes saved at the same time"); !strings.Contains(scr, `"Three sites"`) {
		t.Errorf("the notes' conflict screen:\n%s", scr)
	}
	if scr := shown(*screens, "Review your answers"); !strings.Contains(scr, "⚠") {
		t.Errorf("the review does not flag what is left to decide:\n%s", scr)
	}
}

// Only open or undecided questions also asks an answered one in conflict;
// keeping the answer in use clears it and leaves the answer.
func TestUnansweredAsksConflicts(t *testing.T) {
	t.Parallel()
	b := loadSmall(t)
	s := newSpec(t, b)
	for id, v := range map[string]string{"project.store": "Shopify", "project.inventory": "Odoo", "stock.live": "no",
		"stock.where": "here", "stock.channels": "web", "stock.buffer": "7"} {
		s.Set(id, spec.Answer{Values: []string{v}})
	}
	s.Conflicts["stock.where"] = spec.Answer{Values: []string{"other"}}
	run, _ := driver(t, keys{"up", "up", "enter", "enter", "enter"}, finish)
	if _, err := Run(Options{Bank: b, Spec: s, Mode: ModeUnanswered, Run: run}); err != nil {
		t.Fatal(err)
	}
	if len(s.Conflicts) != 0 || s.Answers["stock.where"].Value() != "here" {
		t.Errorf("after keeping the answer in use: conflicts %v, where %q", s.Conflicts, s.Answers["stock.where"].Value())
	}
}

// The review keeps rows above and below the chosen one on screen while the
// cursor moves through a list longer than the screen, and when it comes back
// to a row. Before (huh's Select), reaching the window's last row scrolled
// that row to the top, so every row above it went off screen.
func TestReviewKeepsContextWhileScrolling(t *testing.T) {
	t.Parallel()
	b, err := checklist.Default()
	if err != nil {
		t.Fatal(err)
	}
	s := newSpec(t, b)
	// The first question's row from row 45 on: Finish, then each section's
	// row and its questions.
	target, row := 0, 0
	for _, sec := range b.Sections {
		row++
		for _, q := range sec.Questions {
			if s.StatusOf(q) == spec.Hidden {
				continue
			}
			if row++; row >= 45 && target == 0 {
				target = row
			}
		}
	}
	downs := slices.Repeat(keys{"down"}, 60)
	ups := slices.Repeat(keys{"up"}, 60-target)
	// Back, then / filters the rows down to Finish, any case.
	run, screens := driver(t, downs, ups, keys{"enter", "shift+tab", "/", "finish"}, finish)
	if _, err := Run(Options{Bank: b, Spec: s, Mode: ModeReview, Run: run}); err != nil {
		t.Fatal(err)
	}
	// Screens 1 to 120-target are after each move: the cursor goes down to
	// row 60, then back up to the target.
	for i, scr := range (*screens)[1 : 121-target] {
		row := i + 1
		if i >= 60 {
			row = 60 - (i - 59)
		}
		if above, below := contextRows(scr); above < min(row, 3) || below < 3 {
			t.Fatalf("after move %d (row %d) the screen keeps %d rows above and %d below the chosen one:\n%s", i+1, row, above, below, scr)
		}
	}
	// Back from the question, its row is shown with the rows around it.
	back := (*screens)[len(*screens)-4]
	if above, below := contextRows(back); above < 3 || below < 3 {
		t.Errorf("back on the review, the row it came from has %d rows above it and %d below:\n%s", above, below, back)
	}
	if filtered := (*screens)[len(*screens)-2]; !strings.Contains(filtered, "┃ > Finish") || strings.Contains(filtered, "1. About") {
		t.Errorf("/finish does not narrow the rows to Finish:\n%s", filtered)
	}
}

// contextRows counts the rows of the review's list (not its title or
// description) right above and below the chosen one, up to 3 each.
func contextRows(screen string) (above, below int) {
	lines := strings.Split(screen, "\n")
	at := slices.IndexFunc(lines, func(l string) bool { return strings.HasPrefix(l, "┃ > ") })
	if at < 0 {
		return -1, -1
	}
	for j := at - 1; j >= 0 && strings.HasPrefix(lines[j], "┃   ") && above < 3; j-- {
		above++
	}
	for j := at + 1; j < len(lines) && strings.HasPrefix(lines[j], "┃   ") && below < 3; j++ {
		below++
	}
	return above, below
}

// A question's source (where a platform fact in its help comes from) is shown
// with its help, on screen and in accessible mode. Before, only the bank's
// YAML showed it.
func TestHelpShowsTheSource(t *testing.T) {
	t.Parallel()
	bank := strings.Replace(wizardtest.SmallBank, `help: "Buffer help.",`, `help: "Buffer help.", source: "https://example.com/buffers (how shops hold stock back)",`, 1)
	b, err := checklist.Parse("small.yaml", []byte(bank))
	if err != nil {
		t.Fatal(err)
	}
	run, screens := driver(t, stockDefaults, finish)
	if _, err := Run(Options{Bank: b, Spec: newSpec(t, b), Mode: ModeSection, Section: "stock", Run: run}); err != nil {
		t.Fatal(err)
	}
	const want = "Source: https://example.com/buffers (how shops hold stock back)"
	if scr := shown(*screens, "Buffer help."); !strings.Contains(scr, want) {
		t.Errorf("the buffer's screen lacks %q:\n%s", want, scr)
	}
	var out strings.Builder
	in := lines("2", "3", "", "", "", "") // live no, where undecided, the rest as they come; Finish
	if _, err := Run(Options{Bank: b, Spec: newSpec(t, b), Mode: ModeSection, Section: "stock", Accessible: true, Input: in, Output: &out}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), want) {
		t.Errorf("accessible mode never printed %q:\n%s", want, out.String())
	}
}

// Accessible mode: /note at any question's prompt adds a note to it (and
// the prompt then takes the answer); a review at the end lists the answers
// by number, asks a chosen one again, and Enter finishes. Before, notes were
// only asked by answers that call for them, and the run ended with the last
// section's notes.
func TestAccessibleModeNotesAndReview(t *testing.T) {
	t.Parallel()
	b := loadSmall(t)
	s := newSpec(t, b)
	s.Set("project.store", spec.Answer{Values: []string{"Shopify"}})
	s.Set("project.inventory", spec.Answer{Values: []string{"Odoo"}})
	var out strings.Builder
	in := lines(
		"/note", "Only for the EU shop", "2", // live: a note, then no
		"3", "", // where: undecided; channels as they are
		"/note", "Finance decides", "/note", "", "7", // buffer: a note, /note again keeps it, then 7
		"",                     // no section note
		"7", "/note", "-", "1", // review: Where? (row 7): - removes a note it has not got; Here
		"", // the review again: Finish
	)
	res, err := Run(Options{Bank: b, Spec: s, Accessible: true, Mode: ModeSection, Section: "stock", Input: in, Output: &out})
	if err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	for id, want := range map[string]string{"stock.live": "no", "stock.where": "here", "stock.buffer": "7"} {
		if got := s.Answers[id].Value(); got != want {
			t.Errorf("%s = %q, want %q\n%s", id, got, want, out.String())
		}
	}
	for id, want := range map[string]string{"stock.live": "Only for the EU shop", "stock.buffer": "Finance decides", "stock.where": ""} {
		if got := s.Note(id); got != want {
			t.Errorf("the note on %s = %q, want %q", id, got, want)
		}
	}
	if res.Notes != 2 {
		t.Errorf("notes counted: %d, want 2", res.Notes)
	}
	text := out.String()
	for _, want := range []string{noteHint, "Note kept. Now the answer to: How many units to hold back?", "The note now: Finance decides",
		"Review your answers", "7. Where? undecided", "6. Should Shopify get live counts from Odoo? No ✎", "1. Finish: save and show the summary"} {
		if !strings.Contains(text, want) {
			t.Errorf("accessible mode never printed %q:\n%s", want, text)
		}
	}
	if strings.Count(text, "Review your answers") != 2 {
		t.Errorf("the review should come twice (after the section, after the change):\n%s", text)
	}
}

// A save that meets another answer given at the same time (it records a
// conflict on the answer just given) goes straight to deciding it. Before,
// the wizard went on and the conflict waited for the review or the next run.
func TestAConflictMetWhileSavingIsDecidedAtOnce(t *testing.T) {
	t.Parallel()
	b := loadSmall(t)
	s := newSpec(t, b)
	// live no, where and channels undecided, buffer 5: the save finds that
	// another process saved 9 meanwhile. Keep the other; on to the section's
	// notes (none); Finish.
	run, screens := driver(t, stockDefaults[:5], keys{"up", "enter"}, keys{"enter"}, finish)
	saved := false
	save := func() error {
		if _, ok := s.Answers["stock.buffer"]; ok && !saved {
			saved = true
			s.Conflicts["stock.buffer"] = spec.Answer{Values: []string{"9"}} // as a merging save records it
		}
		return nil
	}
	if _, err := Run(Options{Bank: b, Spec: s, Mode: ModeSection, Section: "stock", Run: run, Save: save}); err != nil {
		t.Fatal(err)
	}
	scr := (*screens)[5]
	for _, want := range []string{"Another answer to this was saved at the same time", `In use now: "5"`, `The other:  "9"`} {
		if !strings.Contains(scr, want) {
			t.Errorf("after the buffer's Enter, the screen lacks %q:\n%s", want, scr)
		}
	}
	if s.Answers["stock.buffer"].Value() != "9" || len(s.Conflicts) != 0 {
		t.Errorf("after keeping the other: buffer %q, conflicts %v", s.Answers["stock.buffer"].Value(), s.Conflicts)
	}

	// The same in accessible mode: no, undecided, as they are, 5; keep the other (2); no note; Finish.
	s, saved = newSpec(t, b), false
	var out strings.Builder
	in := lines("2", "3", "", "", "2", "", "")
	if _, err := Run(Options{Bank: b, Spec: s, Mode: ModeSection, Section: "stock", Accessible: true, Input: in, Output: &out, Save: save}); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	if !strings.Contains(out.String(), clashed) || s.Answers["stock.buffer"].Value() != "9" || len(s.Conflicts) != 0 {
		t.Errorf("accessible: buffer %q, conflicts %v\n%s", s.Answers["stock.buffer"].Value(), s.Conflicts, out.String())
	}
}
