package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/metrics"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/integ-dev/integ/checklist"
	"github.com/integ-dev/integ/internal/spec"
)

// peak is what withPeakMemory reports, in bytes.
type peak struct {
	// Held is the most memory the Go runtime held from the system at once
	// (mapped, not yet given back): what the process costs the machine.
	Held uint64 `json:"held"`
	// Heap is the most bytes the heap's objects took at once.
	Heap uint64 `json:"heap"`
}

// withPeakMemory runs main while sampling the runtime's own statistics every
// millisecond, and writes the peaks to file.
func withPeakMemory(file string, main func() int) int {
	samples := []metrics.Sample{
		{Name: "/memory/classes/total:bytes"},
		{Name: "/memory/classes/heap/released:bytes"},
		{Name: "/memory/classes/heap/objects:bytes"},
	}
	var held, heap atomic.Uint64
	sample := func() {
		metrics.Read(samples)
		if h := samples[0].Value.Uint64() - samples[1].Value.Uint64(); h > held.Load() {
			held.Store(h)
		}
		if o := samples[2].Value.Uint64(); o > heap.Load() {
			heap.Store(o)
		}
	}
	stop, done := make(chan bool), make(chan bool)
	go func() {
		defer close(done)
		for {
			sample()
			select {
			case <-stop:
				return
			case <-time.After(time.Millisecond):
			}
		}
	}()
	code := main()
	close(stop)
	<-done
	sample()
	data, _ := json.Marshal(peak{Held: held.Load(), Heap: heap.Load()})
	os.WriteFile(file, data, 0o644)
	return code
}

// largestSpec writes the largest spec integ accepts, or near it: every
// question answered with the longest text and every option a multi-select
// has, every sales channel chosen and each question that may differ by
// channel answered per channel (each channel another option), a note on
// every answer, channel answer and section and on a conflict for each of
// them, in a script of three bytes a character: the longest note, or as
// long as the size limit allows for a bank with more questions. Answers to
// unknown questions fill what is left up to the limit.
func largestSpec(t *testing.T, bank *checklist.Bank, path string) int {
	t.Helper()
	const noteMark = "\x00NOTE\x00"
	name := strings.Repeat("界", checklist.MaxText)
	var b strings.Builder
	var conflicts []string
	notes := 0
	entry := func(indent string, q *checklist.Question, value []string) {
		if _, err := q.ParseValues(value); err != nil {
			t.Fatalf("%s: %v", q.ID, err)
		}
		v := strconv.Quote(value[0])
		if q.Kind == checklist.KindMulti {
			v = "[" + strings.Join(value, ", ") + "]"
		}
		fmt.Fprintf(&b, "%svalue: %s\n%ssystem: %q\n%snote: %s\n", indent, v, indent, name, indent, noteMark)
		notes += 2 // its own and its conflict's
	}
	b.WriteString("answers:\n")
	for _, q := range bank.Questions() {
		fmt.Fprintf(&b, "  %s:\n", q.ID)
		entry("    ", q, largestValue(q, -1))
		conflicts = append(conflicts, q.ID)
		if !q.ByChannel {
			continue
		}
		b.WriteString("    by_channel:\n")
		for i, ch := range bank.ChannelValues() {
			fmt.Fprintf(&b, "      %s:\n", ch)
			entry("        ", q, largestValue(q, i))
			conflicts = append(conflicts, q.ID+"@"+ch)
		}
	}
	b.WriteString("notes:\n")
	for _, sec := range bank.Sections {
		fmt.Fprintf(&b, "  %s: %s\n", sec.ID, noteMark)
		notes++
	}
	head := "version: 1\nconflicts:\n"
	for _, key := range conflicts {
		head += fmt.Sprintf("  %s: {note: %s}\n", key, noteMark)
	}
	text := head + b.String()
	// Each note as long as a note may be, or as the limit allows with room
	// for the unknown answers.
	room := spec.MaxSize - (len(text) - notes*len(noteMark)) - 64<<10
	length := min(checklist.MaxNote-20, room/notes/len("界")-8)
	if length < 100 {
		t.Fatalf("the bank has too many questions for notes in a %d MB spec", spec.MaxSize>>20)
	}
	note := strconv.Quote(strings.Repeat("界", length) + "\n second line")
	text = strings.ReplaceAll(text, noteMark, note)
	// Fill up to just under the limit with answers to questions the bank does
	// not know, each as long as the rest allows.
	if each := (spec.MaxSize-len(text)-4096)/100 - 30; each > 0 {
		var unknown strings.Builder
		unknown.WriteString("  # kept as written\n")
		for i := 0; i < 100; i++ {
			fmt.Fprintf(&unknown, "  legacy.q%03d: %q\n", i, strings.Repeat("x", each))
		}
		text = strings.Replace(text, "notes:\n", unknown.String()+"notes:\n", 1)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := spec.Load(path, bank); err != nil {
		t.Fatalf("the largest spec is not accepted: %v", err)
	}
	return len(text)
}

// largestValue is the answer largestSpec gives q: the longest text, the
// largest number, every option of a multi-select (all but one, for
// channel i), another system where the question has one, else an option
// (another one for each channel).
func largestValue(q *checklist.Question, channel int) []string {
	var options []string
	for _, o := range q.Options {
		if o.Value != checklist.Undecided {
			options = append(options, o.Value)
		}
	}
	switch {
	case q.Kind == checklist.KindText:
		return []string{strings.Repeat("界", checklist.MaxText)}
	case q.Kind == checklist.KindDate:
		return []string{"2027-12-31"}
	case q.Kind == checklist.KindNumber && q.Max != nil:
		return []string{strconv.FormatFloat(*q.Max, 'f', -1, 64)}
	case q.Kind == checklist.KindNumber:
		return []string{"1000000000"}
	case q.Kind == checklist.KindMulti && channel >= 0 && len(options) > 1:
		return slices.Delete(slices.Clone(options), channel%len(options), channel%len(options)+1)
	case q.Kind == checklist.KindMulti:
		return options
	case channel < 0 && q.Option(checklist.EndThird) != nil:
		return []string{checklist.EndThird}
	case channel >= 0:
		return []string{options[channel%len(options)]}
	}
	return options[:1]
}

// Peak memory stays under 200 MB for every command on the largest spec integ
// accepts, measured by the runtime's statistics in each integ process (not
// by wall time). A multi-megabyte name pasted into every line of a brief
// used to take gigabytes; an export that held each file whole (and the
// buffers doubling their way to it) held up to 197 MB on this spec.
func TestPeakMemoryOnTheLargestSpec(t *testing.T) {
	if testing.Short() {
		t.Skip("runs every command on a 10 MB spec")
	}
	bank, err := checklist.Default()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "largest.yaml")
	size := largestSpec(t, bank, path)
	example, _ := filepath.Abs("../../checklist/examples/acme-outdoor.yaml")
	const limit = 200 << 20
	for _, args := range [][]string{
		{"status"}, {"check"}, {"check", "--format", "json"},
		{"brief", "-o", filepath.Join(dir, "brief.md")},
		{"brief", "--format", "html", "-o", filepath.Join(dir, "brief.html")},
		{"brief", "--format", "json", "-o", filepath.Join(dir, "brief.json")},
		{"export", "--dir", filepath.Join(dir, "handoff")},
		{"questions", "-o", filepath.Join(dir, "q.md")},
		{"questions", "--format", "csv", "-o", filepath.Join(dir, "q.csv")},
		{"import", filepath.Join(dir, "q.md"), filepath.Join(dir, "q.csv")},
		{"schema"},
		{"diff", example, path},
		{"set", "project.name=Largest"},
	} {
		if args[0] != "diff" {
			args = append(args, "--spec", path)
		}
		out := filepath.Join(dir, "peak.json")
		cmd := exec.Command("integ-peak", args...)
		cmd.Env = append(os.Environ(), "INTEG_PEAK_FILE="+out)
		start := time.Now()
		output, err := cmd.CombinedOutput()
		if code := cmd.ProcessState.ExitCode(); code > 1 {
			t.Errorf("%s: exit %d (%v): %.300s", args[0], code, err, output)
			continue
		}
		var p peak
		data, _ := os.ReadFile(out)
		if err := json.Unmarshal(data, &p); err != nil {
			t.Fatalf("%s: no peak reported: %v", args[0], err)
		}
		t.Logf("%-40s held %3d MB, heap %3d MB (%.1fs; spec %.1f MB)", strings.Join(args[:min(len(args), 3)], " "), p.Held>>20, p.Heap>>20, time.Since(start).Seconds(), float64(size)/(1<<20))
		if p.Held > limit {
			t.Errorf("%s holds %d MB at its peak, more than %d MB", strings.Join(args, " "), p.Held>>20, limit>>20)
		}
	}
}
