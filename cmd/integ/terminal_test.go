package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/integ-dev/integ/checklist"
	"github.com/integ-dev/integ/internal/spec"
)

// tmuxSession runs integ in a real terminal (tmux) so that the wizard is
// tested exactly as a manager meets it: keys in, screen out.
type tmuxSession struct {
	t      *testing.T
	tmux   string
	socket string
	name   string
}

func (s *tmuxSession) run(args ...string) string {
	s.t.Helper()
	out, err := exec.Command(s.tmux, append([]string{"-S", s.socket, "-f", "/dev/null"}, args...)...).CombinedOutput()
	if err != nil {
		s.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

func (s *tmuxSession) screen() string { return s.run("capture-pane", "-p", "-t", s.name) }

// keys sends tmux key names ("Enter", "Up", "C-c") or literal text.
func (s *tmuxSession) keys(keys ...string) {
	s.run(append([]string{"send-keys", "-t", s.name}, keys...)...)
}

func (s *tmuxSession) text(text string) { s.run("send-keys", "-t", s.name, "-l", text) }

// patience is how long a test waits for the screen it expects. Only a
// failing test waits that long: the wait ends as soon as the screen shows
// what it waits for, so a loaded machine makes the test slower, not flaky.
const patience = time.Minute

// waitUntil polls the screen until ok holds, and returns that screen.
func (s *tmuxSession) waitUntil(what string, ok func(scr string) bool) string {
	s.t.Helper()
	deadline := time.Now().Add(patience)
	for {
		scr := s.screen()
		if ok(scr) {
			return scr
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("the screen never showed %s; it shows:\n%s", what, scr)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// waitFor waits until the screen contains want, and returns the screen.
func (s *tmuxSession) waitFor(want string) string {
	s.t.Helper()
	return s.waitUntil(fmt.Sprintf("%q", want), func(scr string) bool { return strings.Contains(scr, want) })
}

// waitChange waits until the screen differs from before (a key moved the
// cursor, ticked an option), and returns it.
func (s *tmuxSession) waitChange(before string) string {
	s.t.Helper()
	return s.waitUntil("a change after the key", func(scr string) bool { return scr != before })
}

// waitNext waits until the wizard shows the next screen, whole, and returns
// it. Any change would not do: the old screen changes too as it is left (its
// field loses focus), and keys sent then were lost. A screen is known by its
// header (where the question is, and its ID), drawn with the screen's field,
// which has the keys from then on; a screen without one (the menu, the
// review) by its title, whether its field has focus (┃) or not. The terminal
// may show a frame half drawn, the new header above the old question: the
// screen is whole when two captures in a row agree. A blank screen (cleared,
// not yet drawn) is no screen at all.
func (s *tmuxSession) waitNext(before string) string {
	s.t.Helper()
	last := ""
	return s.waitUntil("the next screen", func(scr string) bool {
		same := scr == last
		last = scr
		key := screenKey(scr)
		return strings.Contains(scr, "EXIT=") || same && key != "" && key != screenKey(before)
	})
}

// screenKey is what tells a screen from the next: a step's header line and
// the line under it (its ID; on a section's notes, which have none, the
// field's title), or else the first line (the menu's or the review's title).
// The field's border (┃) is left out: it goes when the field loses focus as
// the screen is left, and that is no new screen.
func screenKey(scr string) string {
	lines := strings.Split(scr, "\n")
	unbordered := func(line string) string { return strings.TrimLeft(line, "┃ ") }
	for i, line := range lines {
		if strings.HasPrefix(line, "Section ") && i+1 < len(lines) {
			return line + "\n" + unbordered(lines[i+1])
		}
	}
	for _, line := range lines {
		if title := unbordered(line); title != "" {
			return title
		}
	}
	return ""
}

func startPlan(t *testing.T, tmux, bin, dir, name string) *tmuxSession {
	s := newSession(t, tmux, dir, name)
	s.run("new-session", "-d", "-x", "120", "-y", "40", "-s", name, "-c", dir,
		bin+" plan; echo EXIT=$?; sleep 60")
	return s
}

// newSession is a session on dir's own tmux server, which the test's end
// stops, however it ends: a server left running (a test that stopped before
// its SIGTERM left integ waiting for input) keeps every file the test
// inherited open, such as a lock the command running the tests holds.
func newSession(t *testing.T, tmux, dir, name string) *tmuxSession {
	s := &tmuxSession{t: t, tmux: tmux, socket: filepath.Join(dir, "tmux.sock"), name: name}
	t.Cleanup(func() { exec.Command(tmux, "-S", s.socket, "kill-server").Run() })
	return s
}

// startShell starts an interactive shell (job control on, for Ctrl-Z).
func startShell(t *testing.T, tmux, dir, name string) *tmuxSession {
	s := newSession(t, tmux, dir, name)
	s.run("new-session", "-d", "-x", "120", "-y", "40", "-s", name, "-c", dir, "env PS1='$ ' bash --norc --noprofile -i")
	return s
}

// pressEnter presses Enter and waits for the next screen, times times.
func (s *tmuxSession) pressEnter(times int) {
	s.t.Helper()
	for i := 0; i < times; i++ {
		before := s.screen()
		s.keys("Enter")
		s.waitNext(before)
	}
}

// answer types text, presses Enter and waits for the next screen.
func (s *tmuxSession) answer(text string) {
	s.t.Helper()
	before := s.screen()
	s.text(text)
	s.keys("Enter")
	s.waitNext(before)
}

// pid is the process id of integ running in the session.
func (s *tmuxSession) pid() string {
	s.t.Helper()
	pane := strings.TrimSpace(s.run("display", "-p", "-t", s.name, "#{pane_pid}"))
	for deadline := time.Now().Add(patience); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if out, err := exec.Command("pgrep", "-P", pane, "-x", "integ").Output(); err == nil {
			return strings.Fields(string(out))[0]
		}
	}
	s.t.Fatalf("integ is not running in %s", s.name)
	return ""
}

// cursorVisible says whether the terminal shows its cursor.
func (s *tmuxSession) cursorVisible() bool {
	return strings.TrimSpace(s.run("display", "-p", "-t", s.name, "#{cursor_flag}")) == "1"
}

// buildForTerminal builds integ and returns tmux, the binary and a folder
// for the specs; it skips without tmux (outside CI).
func buildForTerminal(t *testing.T) (tmux, bin, dir string) {
	if testing.Short() {
		t.Skip("builds integ and drives it through tmux")
	}
	tmux, err := exec.LookPath("tmux")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("tmux is not installed; .ci/run installs it")
		}
		t.Skip("tmux is not installed")
	}
	dir = t.TempDir()
	bin = filepath.Join(dir, "integ")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	t.Cleanup(func() { exec.Command(tmux, "-S", filepath.Join(dir, "tmux.sock"), "kill-server").Run() })
	return tmux, bin, dir
}

func TestPlanInARealTerminal(t *testing.T) {
	tmux, bin, dir := buildForTerminal(t)

	// First run: the whole embedded bank.
	s := startPlan(t, tmux, bin, dir, "first")
	s.waitFor("What is the project called?")
	for _, answer := range []string{"Acme Outdoor", "Shopify", "Odoo", "Jane Doe"} {
		s.answer(answer)
	}
	// Non-default answers on a few screens; Enter (Undecided, or empty) everywhere else.
	special := map[string][]string{
		"Which system is the master for product names?":          {"Up", "Up", "Up", "Up", "Up", "Up", "Enter"}, // Odoo, six up from Undecided
		"Should Shopify get live stock counts from Odoo?":        {"Up", "Up", "Enter"},                         // yes
		"How soon after a stock change must Shopify show":        {"Up", "Up", "Up", "Up", "Enter"},             // about 15 minutes
		"busiest day of the year":                                {"1200", "Enter"},
		"Which payment methods do customers use?":                {"Enter"},
		"Anything else the integrator should know about “Stock”": {"Counts come from two warehouses", "Enter"},
	}
	scr := s.screen()
	sawFollowUp, sawReview := false, false
	// A bound on the screens of a run, whatever the bank holds: a question's
	// own, its note and its channel screen at most, a note per section, the review.
	bank, _ := firstRun(t)
	maxScreens := 3*len(bank.Questions()) + len(bank.Sections) + 1
	// trail keeps the last screens and the keys sent to each, for a failure
	// to show how the run got where it failed.
	var trail []string
	for i := 0; !strings.Contains(scr, "EXIT="); i++ {
		if strings.Contains(scr, "Next: integ brief") {
			// The wizard has ended and printed its summary.
			scr = s.waitFor("EXIT=")
			break
		}
		if i > maxScreens {
			t.Fatalf("the wizard did not finish after %d screens; it shows:\n%s", maxScreens, scr)
		}
		sawFollowUp = sawFollowUp || strings.Contains(scr, "How soon after a stock change")
		review := strings.Contains(scr, "Review your answers")
		sawReview = sawReview || review
		// 13.1: a multi-select shows every option on its first view.
		if !review && strings.Contains(scr, "Which payment methods do customers use?") &&
			(!strings.Contains(scr, "Credit and debit cards") || !strings.Contains(scr, "✓ Undecided")) {
			t.Errorf("the multi-select hides options on its first view:\n%s", scr)
		}
		keys := []string{"Enter"} // on the review screen: Finish
		for prompt, k := range special {
			if !review && strings.Contains(scr, prompt) {
				keys = k
			}
		}
		trail = append(trail, fmt.Sprintf("--- screen %d, keys %q:\n%s", i, keys, scr))
		if len(trail) > 4 {
			trail = trail[1:]
		}
		before := scr
		for _, k := range keys {
			switch k {
			case "Enter", "Up", "Down":
				s.keys(k)
			default:
				s.text(k)
			}
		}
		scr = s.waitNext(before)
	}
	for _, want := range []string{"EXIT=0", "Next: integ brief", "Total"} {
		if !strings.Contains(scr, want) {
			t.Errorf("the final screen lacks %q:\n%s", want, scr)
		}
	}
	if !sawFollowUp {
		t.Error("the stock-freshness follow-up never appeared after answering yes")
	}
	if !sawReview {
		t.Errorf("the review screen never appeared at the end; the last screens:\n%s\n--- final screen:\n%s", strings.Join(trail, "\n"), scr)
	}
	specPath := filepath.Join(dir, "integration-spec.yaml")
	status := func() map[string]any {
		out, err := exec.Command(bin, "status", "--spec", specPath, "--format", "json").Output()
		if err != nil {
			t.Fatalf("integ status: %v", err)
		}
		var doc map[string]any
		json.Unmarshal(out, &doc)
		return doc["total"].(map[string]any)
	}
	total := status()
	// Left empty on purpose: the text and number answers after the first four
	// that have no default (the deadline, …). The budget settings were left
	// empty too, and their defaults, shown, count as answers.
	if want := float64(openTextAndNumbers(t)); total["open"].(float64) != want {
		t.Errorf("after a full run, open = %v, want %v (the empty text and number answers without a default)", total["open"], want)
	}
	data, _ := os.ReadFile(specPath)
	for _, want := range []string{"value: Shopify", "inventory.live-counts:\n    value: \"yes\"", "value: minutes", "value: 1200", "inventory: Counts come from two warehouses",
		"budget.currency:\n    value: EUR"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("the spec lacks %q", want)
		}
	}

	// Second run: the menu, then earlier answers pre-selected; Ctrl-C keeps the file intact.
	s = startPlan(t, tmux, bin, dir, "second")
	scr = s.waitFor("Welcome back to Acme Outdoor")
	if !strings.Contains(scr, "> Continue where you stopped:") {
		t.Errorf("the menu does not offer to continue at the first open question:\n%s", scr)
	}
	s.keys("Down")
	s.waitFor("> Go through everything")
	s.pressEnter(1)
	scr = s.waitFor("What is the project called?")
	if !strings.Contains(scr, "Acme Outdoor") {
		t.Errorf("the project name is not pre-filled:\n%s", scr)
	}
	s.pressEnter(projectScreens(t)) // the project questions and the section note
	scr = s.waitFor("Which system is the master for product names?")
	if !strings.Contains(scr, "> Odoo") || !strings.Contains(scr, "question 1 of") || !strings.Contains(scr, "master.product-names") {
		t.Errorf("the earlier answer (Odoo) is not pre-selected, or the header is missing:\n%s", scr)
	}
	// Shift-Tab on a section's first question goes back into the previous section.
	s.keys("BTab")
	before := s.waitFor("Anything else the integrator should know about “About this project”")
	s.keys("BTab")
	scr = s.waitNext(before)
	if !strings.Contains(scr, "Section 1 of "+strconv.Itoa(sectionCount(t))) || !strings.Contains(scr, "question "+strconv.Itoa(projectScreens(t)-1)+" of") {
		t.Errorf("Shift-Tab did not go back to section 1's last question:\n%s", scr)
	}
	s.pressEnter(2)
	s.waitFor("Which system is the master for product names?")
	s.keys("C-c")
	scr = s.waitFor("EXIT=130")
	if !strings.Contains(scr, "Nothing changed in this run; integration-spec.yaml stays as it was.") {
		t.Errorf("Ctrl-C did not say what was saved:\n%s", scr)
	}
	after, _ := os.ReadFile(specPath)
	if string(after) != string(data) {
		t.Error("a re-run that changed nothing rewrote the spec")
	}
	if got := status(); got["answered"] != total["answered"] {
		t.Errorf("answered changed from %v to %v", total["answered"], got["answered"])
	}
}

// 13.3: Ctrl-C after one answer mid-section keeps that answer on disk, and
// the next run continues at the question after it.
func TestPlanResumesWhereCtrlCStopped(t *testing.T) {
	tmux, bin, dir := buildForTerminal(t)
	s := startPlan(t, tmux, bin, dir, "stop")
	s.waitFor("What is the project called?")
	s.answer("Acme Outdoor")
	s.waitFor("What is your online store built on?")
	s.text("Shop") // typed, not given: not saved
	s.keys("C-c")
	scr := s.waitFor("EXIT=130")
	if !strings.Contains(oneLine(scr), "Stopped. Saved in integration-spec.yaml: 1 answer from this run, the last to project.name (Acme Outdoor). The question on screen, project.store, was not answered.") {
		t.Errorf("Ctrl-C did not say exactly what was saved:\n%s", scr)
	}
	data, _ := os.ReadFile(filepath.Join(dir, "integration-spec.yaml"))
	if !strings.Contains(string(data), "project.name:\n    value: Acme Outdoor") || strings.Contains(string(data), "project.store") {
		t.Errorf("the spec on disk:\n%s", data)
	}
	s = startPlan(t, tmux, bin, dir, "resume")
	s.waitFor("> Continue where you stopped: About this project, “What is your online store built on?”")
	s.pressEnter(1)
	scr = s.waitFor("What is your online store built on?")
	if !strings.Contains(scr, "question 2 of ") {
		t.Errorf("the re-run did not resume at question 2:\n%s", scr)
	}
	s.keys("C-c")
	s.waitFor("EXIT=130")
}

// 13.6: the review screen from the menu; Enter on an answer opens it and
// comes back.
func TestPlanReviewInARealTerminal(t *testing.T) {
	tmux, bin, dir := buildForTerminal(t)
	example, _ := os.ReadFile(filepath.Join("..", "..", "checklist", "examples", "acme-outdoor.yaml"))
	os.WriteFile(filepath.Join(dir, "integration-spec.yaml"), example, 0o644)
	s := startPlan(t, tmux, bin, dir, "review")
	s.waitFor("Welcome back")
	for !strings.Contains(s.screen(), "> Review your answers and finish") {
		before := s.screen()
		s.keys("Down")
		s.waitChange(before)
	}
	s.pressEnter(1)
	scr := s.waitFor("Review your answers")
	for _, want := range []string{"1. About this project", "Who is preparing this brief?", "Dana Whitfield", "2. Who owns which data"} {
		if !strings.Contains(scr, want) {
			t.Errorf("the review lacks %q:\n%s", want, scr)
		}
	}
	s.keys("Down", "Down", "Down", "Down", "Down")
	s.waitFor(">    Who is preparing this brief?")
	s.pressEnter(1)
	s.waitFor("project.prepared-by")
	s.keys("C-u")
	s.answer("Sam Lee")
	scr = s.waitFor("Review your answers")
	if !strings.Contains(scr, ">    Who is preparing this brief?") || !strings.Contains(scr, "Sam Lee") {
		t.Errorf("did not come back to the review on the changed answer:\n%s", scr)
	}
	s.keys("C-c")
	s.waitFor("EXIT=130")
	data, _ := os.ReadFile(filepath.Join(dir, "integration-spec.yaml"))
	if !strings.Contains(string(data), "value: Sam Lee") {
		t.Error("the changed answer is not on disk")
	}
}

// 12.3: SIGTERM, SIGHUP and SIGQUIT to the real process stop it as Ctrl-C
// does: what was answered is on disk, nothing else, exit 128+n, the cursor
// shows again.
func TestPlanStopsCleanlyOnSignals(t *testing.T) {
	tmux, bin, dir := buildForTerminal(t)
	for _, tt := range []struct {
		sig  string
		exit string
	}{{"TERM", "EXIT=143"}, {"HUP", "EXIT=129"}, {"QUIT", "EXIT=131"}} {
		sub := filepath.Join(dir, tt.sig)
		os.Mkdir(sub, 0o755)
		s := startPlan(t, tmux, bin, sub, "sig"+tt.sig)
		s.waitFor("What is the project called?")
		s.answer("Acme Outdoor")
		s.waitFor("What is your online store built on?")
		if s.cursorVisible() {
			t.Errorf("SIG%s: the cursor shows while the wizard runs; the check below would prove nothing", tt.sig)
		}
		if out, err := exec.Command("kill", "-"+tt.sig, s.pid()).CombinedOutput(); err != nil {
			t.Fatalf("kill: %v %s", err, out)
		}
		scr := s.waitFor("EXIT=")
		if !strings.Contains(scr, tt.exit) || !strings.Contains(oneLine(scr), "Stopped by SIG"+tt.sig+". Saved in integration-spec.yaml: 1 answer") {
			t.Errorf("SIG%s:\n%s", tt.sig, scr)
		}
		if !s.cursorVisible() {
			t.Errorf("SIG%s left the cursor hidden", tt.sig)
		}
		data, _ := os.ReadFile(filepath.Join(sub, "integration-spec.yaml"))
		if !strings.Contains(string(data), "value: Acme Outdoor") || strings.Contains(string(data), "project.store") || strings.Contains(string(data), "undecided") {
			t.Errorf("SIG%s: the spec holds more or less than what was answered:\n%s", tt.sig, data)
		}
	}
}

// 12.3: Ctrl-Z suspends to the shell; fg brings the wizard back as it was,
// and nothing typed around it lands in the answer.
func TestPlanSuspendsAndResumes(t *testing.T) {
	tmux, bin, dir := buildForTerminal(t)
	s := startShell(t, tmux, dir, "suspend")
	s.waitFor("$")
	s.text(bin + " plan")
	s.keys("Enter")
	s.waitFor("What is the project called?")
	s.text("Acme")
	s.waitFor("> Acme")
	s.keys("C-z")
	scr := s.waitFor("Stopped")
	if !s.cursorVisible() {
		t.Errorf("suspended with the cursor hidden:\n%s", scr)
	}
	s.text("fg")
	s.keys("Enter")
	s.waitFor("What is the project called?")
	s.text(" Outdoor")
	s.keys("Enter")
	s.waitFor("What is your online store built on?")
	s.keys("C-c")
	s.waitFor("to continue where you stopped")
	s.text("echo EXIT=$?")
	s.keys("Enter")
	s.waitFor("EXIT=130")
	data, _ := os.ReadFile(filepath.Join(dir, "integration-spec.yaml"))
	if !strings.Contains(string(data), "value: Acme Outdoor\n") {
		t.Errorf("the answer typed around Ctrl-Z:\n%s", data)
	}
}

// projectScreens is the number of screens of the project section in a re-run:
// one per question asked, and the section note.
func projectScreens(t *testing.T) int {
	t.Helper()
	bank, s := firstRun(t)
	n := 1
	for _, q := range bank.Section(checklist.SectionProject).Questions {
		if s.StatusOf(q) != spec.Hidden {
			n++
		}
	}
	return n
}

// firstRun is the spec the first run leaves: the first four answers typed,
// the few answers it gives on purpose, and every other question with fixed
// answers undecided (Enter), in bank order, so that each follow-up an
// undecided answer opens is asked too.
func firstRun(t *testing.T) (*checklist.Bank, *spec.Spec) {
	t.Helper()
	bank, err := checklist.Default()
	if err != nil {
		t.Fatal(err)
	}
	s := spec.New(filepath.Join(t.TempDir(), "first.yaml"), bank)
	given := map[string]string{
		"project.name": "Acme Outdoor", "project.store": "Shopify", "project.inventory": "Odoo", "project.prepared-by": "Jane Doe",
		"master.product-names": "inventory", "inventory.live-counts": "yes", "inventory.count-freshness": "minutes", "operations.peak-orders": "1200",
	}
	for _, q := range bank.Questions() {
		if v, ok := given[q.ID]; ok {
			s.Set(q.ID, spec.Answer{Values: []string{v}})
		} else if q.HasOptions() && s.StatusOf(q) != spec.Hidden {
			s.Set(q.ID, spec.Answer{Values: []string{checklist.Undecided}})
		}
	}
	return bank, s
}

// openTextAndNumbers counts the text and number questions the first run
// leaves open: asked, and empty, less those with a default, which Enter
// accepts.
func openTextAndNumbers(t *testing.T) int {
	t.Helper()
	bank, s := firstRun(t)
	n := 0
	for _, q := range bank.Questions() {
		if (q.Kind == checklist.KindText || q.Kind == checklist.KindNumber || q.Kind == checklist.KindDate) && q.Default == "" && s.StatusOf(q) == spec.Open {
			n++
		}
	}
	return n
}

// oneLine joins a screen's lines, so that a message is found however the
// terminal wrapped it.
func oneLine(screen string) string { return strings.Join(strings.Fields(screen), " ") }

// sectionCount is the number of sections of the built-in bank.
func sectionCount(t *testing.T) int {
	t.Helper()
	bank, err := checklist.Default()
	if err != nil {
		t.Fatal(err)
	}
	return len(bank.Sections)
}

// 16: in a real terminal, a question that may differ by sales channel asks
// "the same for all channels" first; "it differs" asks it for each channel,
// and each answer is on disk under by_channel.
func TestPlanAnswersPerChannelInARealTerminal(t *testing.T) {
	tmux, bin, dir := buildForTerminal(t)
	spec := "version: 1\nanswers:\n  project.store: WooCommerce\n  project.inventory: Cin7 Core\n  project.channels: [web-retail, phone-email]\n"
	if err := os.WriteFile(filepath.Join(dir, "integration-spec.yaml"), []byte(spec), 0o644); err != nil {
		t.Fatal(err)
	}
	s := &tmuxSession{t: t, tmux: tmux, socket: filepath.Join(dir, "tmux.sock"), name: "channels"}
	s.run("new-session", "-d", "-x", "120", "-y", "40", "-s", s.name, "-c", dir,
		bin+" plan --section customers; echo EXIT=$?; sleep 60")
	s.waitFor("automatically get an account")
	s.pressEnter(1)
	scr := s.waitFor("Is the answer the same for all of them?")
	if !strings.Contains(scr, "> The same for all channels") || !strings.Contains(scr, "You sell through Web retail and Phone/e-mail.") {
		t.Errorf("the question does not start on \"the same for all channels\":\n%s", scr)
	}
	s.keys("Down")
	s.waitFor("> It differs: answer it for each channel")
	s.pressEnter(1)
	s.waitFor("both systems? — Web retail")
	s.keys("Up", "Up", "Up")
	s.waitFor("> E-mail address")
	s.pressEnter(1)
	scr = s.waitFor("both systems? — Phone/e-mail")
	if !strings.Contains(scr, "customers.match-key@phone-email") {
		t.Errorf("phone orders' screen does not name its answer:\n%s", scr)
	}
	s.keys("Up", "Up")
	s.waitFor("> A customer number")
	s.pressEnter(1)
	s.waitFor("guest checkout")
	s.keys("C-c")
	s.waitFor("EXIT=130")
	data, _ := os.ReadFile(filepath.Join(dir, "integration-spec.yaml"))
	if !strings.Contains(string(data), "    by_channel:\n      web-retail:\n        value: email") ||
		!strings.Contains(string(data), "      phone-email:\n        value: customer-number") {
		t.Errorf("the answers per channel are not on disk:\n%s", data)
	}
}

// waitNext waits for the next screen itself, not for any change: a program
// that, like the wizard, redraws the screen it leaves (its field loses
// focus) and only then draws the next one, and drops what is typed in
// between (the old field had it), gets the answer typed after waitNext.
// Waiting for a change and then for 100 ms of calm sent it too early as soon
// as the machine took longer than that between the two. A section's notes
// have no ID line under the header: the line there is the field's title,
// whose border (┃) goes as the field loses focus; that is the same screen
// still (taking it for the next one let the Enter meant for the last notes
// finish the review unseen).
func TestWaitNextWaitsForTheNextScreen(t *testing.T) {
	tmux, _, dir := buildForTerminal(t)
	for _, first := range []struct{ name, header, title string }{
		{"question", "Section 1 of 2 · First · question 1 of 1\nq.first\n", "What first?"},
		{"notes", "Section 1 of 2 · First · section notes\n", "Anything else about First?"},
	} {
		script := filepath.Join(dir, first.name+".sh")
		os.WriteFile(script, []byte(`clear; printf '`+first.header+`┃ `+first.title+`\n'
read -r _
clear; printf '`+first.header+`  `+first.title+`\n'
sleep 0.5
while read -r -t 0.01 _; do :; done
clear; printf 'Section 2 of 2 · Second · question 1 of 1\nq.second\n┃ What second?\n'
read -r answer
echo "GOT=$answer."
sleep 60
`), 0o755)
		s := &tmuxSession{t: t, tmux: tmux, socket: filepath.Join(dir, "tmux.sock"), name: first.name}
		s.run("new-session", "-d", "-x", "120", "-y", "40", "-s", s.name, "-c", dir, "bash "+script)
		before := s.waitFor("┃ " + first.title)
		s.keys("Enter")
		if scr := s.waitNext(before); !strings.Contains(scr, "┃ What second?") {
			t.Fatalf("%s: waitNext returned before the next screen:\n%s", first.name, scr)
		}
		s.text("typed")
		s.keys("Enter")
		if scr := s.waitFor("GOT="); !strings.Contains(scr, "GOT=typed.") {
			t.Errorf("%s: the answer typed after waitNext was lost:\n%s", first.name, scr)
		}
	}
}
