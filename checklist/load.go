package checklist

import (
	"bytes"
	"crypto/sha256"
	_ "embed" // for go:embed
	"encoding/hex"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"

	"github.com/integ-dev/integ/internal/fsutil"
	"github.com/integ-dev/integ/internal/yamllimit"
)

// defaultYAML is a byte slice, not an embed.FS, so using it copies nothing
// (FS.ReadFile copied all of it on every start just to hash it). Read only.
//
//go:embed ecommerce-inventory.yaml
var defaultYAML []byte

// DefaultFile is the embedded bank used when no --checklist is given.
const DefaultFile = "ecommerce-inventory.yaml"

// MaxBankSize bounds a user's own bank; a real one is a few hundred KB at most.
const MaxBankSize = 10 << 20

// maxBankItems bounds what a bank's YAML holds once its aliases are
// expanded: the built-in bank holds about 4,500 items.
const maxBankItems = 100_000

//go:generate go run ./internal/gen

// Default loads the embedded bank. When bank_gen.go was generated from this
// very file it is used as is, which saves parsing 60 KB of YAML on every
// start; otherwise (someone edited the YAML and has not run go generate yet)
// the YAML is parsed, so the YAML is always what integ asks.
func Default() (*Bank, error) {
	if defaultYAMLHash() == generatedHash {
		b := generatedBank()
		b.File = "checklist/" + DefaultFile
		return b, nil
	}
	return Parse("checklist/"+DefaultFile, defaultYAML)
}

var linkGenerated sync.Once

// generatedBank is the generated bank, linked on first use. Its sections and
// questions are shared by every caller, as any loaded bank is meant to be
// read-only; the copy of the Bank itself is the caller's.
func generatedBank() *Bank {
	linkGenerated.Do(generatedData.link)
	b := *generatedData
	return &b
}

// defaultYAMLHash is the SHA-256 of the embedded YAML in hex, the way
// internal/gen writes generatedHash.
func defaultYAMLHash() string {
	sum := sha256.Sum256(defaultYAML)
	return hex.EncodeToString(sum[:])
}

// link builds what neither the YAML nor the generated literal spells out:
// the index by ID (the first of duplicate IDs wins; validation reports the
// others), each question's section and position.
func (b *Bank) link() {
	b.byID = map[string]*Question{}
	b.order = map[string]int{}
	n := 0
	for _, s := range b.Sections {
		for i, q := range s.Questions {
			q.Section, q.Number = s, i+1
			if _, dup := b.byID[q.ID]; !dup && q.ID != "" {
				b.byID[q.ID] = q
				b.order[q.ID] = n
			}
			n++
		}
	}
}

// Load loads the bank at path, or the embedded one when path is empty.
func Load(path string) (*Bank, error) {
	if path == "" {
		return Default()
	}
	data, err := fsutil.ReadFile(path, MaxBankSize)
	var notFile *fsutil.NotFileError
	var tooBig *fsutil.TooBigError
	switch {
	case errors.As(err, &notFile):
		return nil, Problem{File: path, Msg: "is " + notFile.What() + ", not a checklist file"}
	case errors.As(err, &tooBig):
		return nil, Problem{File: path, Msg: fmt.Sprintf("is %s; a checklist is at most %d MB", fsutil.Size(tooBig.Size), MaxBankSize>>20)}
	case err != nil:
		return nil, Problem{File: path, Msg: "cannot read the checklist: " + fsutil.Reason(err)}
	}
	return Parse(path, data)
}

// Parse decodes, normalises and validates a bank. file names the source in errors.
func Parse(file string, data []byte) (*Bank, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, Problems{{File: file, Msg: "is empty; a checklist needs an id, a title and sections"}}
	}
	if err := yamllimit.CheckSize(data); err != nil {
		return nil, Problems{{File: file, Msg: err.Error()}}
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, Problems{ProblemFromYAML(file, err.Error())}
	}
	// A bank may use anchors and aliases for what it repeats (the built-in
	// one does), but decoding expands them: bound what they expand to.
	var tooMany *yamllimit.ErrTooManyAliases
	if _, err := yamllimit.Expanded(&doc, maxBankItems); errors.As(err, &tooMany) {
		return nil, Problems{{File: file, Line: tooMany.Line, Msg: err.Error()}}
	}
	root := &doc
	if len(doc.Content) > 0 {
		root = doc.Content[0]
	}
	if root.Kind != yaml.MappingNode {
		return nil, Problems{{File: file, Line: root.Line, Msg: "the bank must be a mapping with id, title and sections, not a list or a single value"}}
	}
	ps := checkKeys(root, bankSchema(), file)
	var b Bank
	if err := doc.Decode(&b); err != nil {
		var te *yaml.TypeError
		if !errors.As(err, &te) {
			return nil, Problems{ProblemFromYAML(file, err.Error())}
		}
		// Type errors leave the rest decoded: validate it too, so that an author
		// sees every problem at once.
		for _, msg := range te.Errors {
			ps = append(ps, ProblemFromYAML(file, msg))
		}
	}
	b.File = file
	ps = append(ps, b.normalise()...)
	ps = append(ps, b.validate()...)
	if len(ps) > 0 {
		sort.SliceStable(ps, func(i, j int) bool { return ps[i].Line < ps[j].Line })
		return nil, ps
	}
	return &b, nil
}

var defaultLabels = map[string]string{
	"yes":     "Yes",
	"no":      "No",
	Undecided: "Undecided — settle it with the integrator",
}

// normalise fills in what a bank leaves implicit: the shared system options,
// yes/no options, the undecided option, {entity}, and back-pointers.
func (b *Bank) normalise() Problems {
	var ps Problems
	b.link()
	for _, s := range b.Sections {
		for _, q := range s.Questions {
			switch q.Kind {
			case KindSystem:
				opts, problems := b.systemOptions(q)
				ps = append(ps, problems...)
				q.Options = opts
			case KindYesNo:
				q.Options = withDefaults(q.Options, "yes", "no")
			}
			if q.Entity != "" && q.Kind != KindSystem {
				for i := range q.Options {
					q.Options[i] = fillEntity(q.Options[i], q.Entity)
				}
			}
			if q.Entity != "" {
				q.Prompt = strings.ReplaceAll(q.Prompt, "{entity}", q.Entity)
				q.Help = strings.ReplaceAll(q.Help, "{entity}", q.Entity)
			}
			if q.HasOptions() && q.Option(Undecided) == nil {
				q.Options = append(q.Options, Option{Value: Undecided})
			}
			for i := range q.Options {
				o := &q.Options[i]
				if o.Label == "" {
					o.Label = defaultLabels[o.Value]
				}
				if o.Value == Undecided && o.Line == 0 {
					o.Line = q.Line
				}
			}
		}
	}
	return ps
}

// withDefaults puts the given values first, keeping what the bank wrote about them.
func withDefaults(given []Option, values ...string) []Option {
	var out []Option
	for _, v := range values {
		o := Option{Value: v}
		for _, g := range given {
			if g.Value == v {
				o = g
			}
		}
		out = append(out, o)
	}
	for _, g := range given {
		if !containsValue(out, g.Value) {
			out = append(out, g)
		}
	}
	return out
}

func containsValue(opts []Option, v string) bool {
	for _, o := range opts {
		if o.Value == v {
			return true
		}
	}
	return false
}

// systemOptions builds a system-of-record question's options from the bank's
// shared ones, applying the question's overrides field by field.
func (b *Bank) systemOptions(q *Question) ([]Option, Problems) {
	var ps Problems
	entity := q.Entity
	opts := make([]Option, len(b.SystemOptions))
	copy(opts, b.SystemOptions)
	for _, over := range q.Options {
		i := -1
		for j := range opts {
			if opts[j].Value == over.Value {
				i = j
			}
		}
		if i < 0 && over.set.label {
			// A question may add an answer of its own ("each keeps its own, mapped").
			opts = append(opts, over)
			continue
		}
		if i < 0 {
			ps = append(ps, Problem{File: b.File, Line: over.Line, Msg: fmt.Sprintf("question %q overrides option %q, which is not one of the system options (%s); an answer of its own needs a label", q.ID, over.Value, strings.Join(optionValues(b.SystemOptions), ", "))})
			continue
		}
		o := &opts[i]
		o.Line = over.Line
		if over.set.label {
			o.Label = over.Label
		}
		if over.set.title {
			o.Title = over.Title
		}
		if over.set.followUp {
			o.FollowUp = over.FollowUp
		}
		if over.set.system {
			o.System = over.System
		}
		if over.set.role {
			o.Role = over.Role
		}
		if over.set.requires {
			o.Requires = over.Requires
		}
		if over.set.scenarios {
			o.Scenarios = over.Scenarios
		}
		if over.set.flows {
			o.Flows = over.Flows
		}
	}
	for i := range opts {
		opts[i] = fillEntity(opts[i], entity)
		if opts[i].Line == 0 {
			opts[i].Line = q.Line
		}
		for j := range opts[i].Flows {
			if opts[i].Flows[j].Trigger == "" {
				opts[i].Flows[j].Trigger = q.Sync
			}
		}
	}
	return opts, ps
}

func optionValues(opts []Option) []string {
	vals := make([]string, len(opts))
	for i, o := range opts {
		vals[i] = o.Value
	}
	return vals
}

// fillEntity returns a copy of o with {entity} replaced; slices are copied so
// that questions sharing a system option never share its backing arrays.
func fillEntity(o Option, entity string) Option {
	r := entityReplacer{entity}
	o.Label = r.Replace(o.Label)
	o.FollowUp = r.Replace(o.FollowUp)
	o.System = r.Replace(o.System)
	o.Role = r.Replace(o.Role)
	reqs := make([]Sentence, len(o.Requires))
	for i, s := range o.Requires {
		s.Text = r.Replace(s.Text)
		reqs[i] = s
	}
	o.Requires = reqs
	scs := make([]Scenario, len(o.Scenarios))
	for i, s := range o.Scenarios {
		s.Given, s.When, s.Then = r.Replace(s.Given), r.Replace(s.When), r.Replace(s.Then)
		scs[i] = s
	}
	o.Scenarios = scs
	flows := make([]Flow, len(o.Flows))
	for i, f := range o.Flows {
		f.Data = r.Replace(f.Data)
		flows[i] = f
	}
	o.Flows = flows
	return o
}

// entityReplacer fills {entity}; a sentence that starts with it starts with a capital.
type entityReplacer struct{ entity string }

func (r entityReplacer) Replace(s string) string {
	out := strings.ReplaceAll(s, "{entity}", r.entity)
	if strings.HasPrefix(s, "{entity}") {
		out = UpperFirst(out)
	}
	return out
}
