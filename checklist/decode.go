package checklist

import (
	"fmt"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

// The bank's YAML is decoded through these hooks so that every element keeps
// its line: errors must point at it.

func (s *Section) UnmarshalYAML(node *yaml.Node) error {
	type plain Section
	s.Line = node.Line
	return node.Decode((*plain)(s))
}

func (q *Question) UnmarshalYAML(node *yaml.Node) error {
	type plain Question
	q.Line = node.Line
	return node.Decode((*plain)(q))
}

func (o *Option) UnmarshalYAML(node *yaml.Node) error {
	type plain Option
	o.Line = node.Line
	o.set = optionFields{
		label:     hasKey(node, "label"),
		title:     hasKey(node, "title"),
		followUp:  hasKey(node, "follow_up"),
		system:    hasKey(node, "system"),
		role:      hasKey(node, "role"),
		requires:  hasKey(node, "requires"),
		scenarios: hasKey(node, "scenarios"),
		flows:     hasKey(node, "flows"),
	}
	return node.Decode((*plain)(o))
}

// UnmarshalYAML accepts a requirement sentence as a plain string, or as
// {text, if, source}.
func (s *Sentence) UnmarshalYAML(node *yaml.Node) error {
	s.Line = node.Line
	if node.Kind == yaml.ScalarNode {
		return node.Decode(&s.Text)
	}
	type plain Sentence
	return node.Decode((*plain)(s))
}

// MarshalYAML writes a sentence with no condition or source as a plain string.
func (s Sentence) MarshalYAML() (any, error) {
	if s.If == nil && s.Source == "" {
		return s.Text, nil
	}
	type plain Sentence
	return plain(s), nil
}

func (s *Scenario) UnmarshalYAML(node *yaml.Node) error {
	type plain Scenario
	s.Line = node.Line
	return node.Decode((*plain)(s))
}

func (f *Finding) UnmarshalYAML(node *yaml.Node) error {
	type plain Finding
	f.Line = node.Line
	return node.Decode((*plain)(f))
}

func (c *Condition) UnmarshalYAML(node *yaml.Node) error {
	type plain Condition
	c.Line = node.Line
	return node.Decode((*plain)(c))
}

func hasKey(node *yaml.Node, key string) bool {
	for i := 0; i+1 < len(node.Content); i += 2 {
		if node.Content[i].Value == key {
			return true
		}
	}
	return false
}

// keySchema lists the keys a mapping may have, so that a misspelt key ("hlep")
// is reported instead of silently ignored. A nil child accepts any value.
type keySchema struct {
	what string
	keys map[string]*keySchema
	// moved says where the figures of a key that is no longer read went.
	moved map[string]string
}

func bankSchema() *keySchema {
	condition := &keySchema{what: "a condition"}
	condition.keys = map[string]*keySchema{"question": nil, "is": nil, "in": nil, "above": nil, "below": nil, "matches": nil, "noted": nil, "differs": nil, "channel": nil, "all": condition, "any": condition, "not": condition, "section": nil, "open_at_least": nil, "fact": nil}
	sentence := &keySchema{what: "a requirement sentence", keys: map[string]*keySchema{"text": nil, "if": condition, "source": nil}}
	scenario := &keySchema{what: "a scenario", keys: map[string]*keySchema{"given": nil, "when": nil, "then": nil, "if": condition, "checks": nil}}
	option := &keySchema{what: "an option", keys: map[string]*keySchema{
		"value": nil, "label": nil, "title": nil, "follow_up": nil, "system": nil, "role": nil, "crosses": condition, "requires": sentence,
		"scenarios": scenario,
		"flows":     {what: "a flow", keys: map[string]*keySchema{"from": nil, "to": nil, "data": nil, "trigger": nil, "if": condition}},
	}, moved: map[string]string{"effort": EffortMoved}}
	question := &keySchema{what: "a question", keys: map[string]*keySchema{
		"id": nil, "prompt": nil, "help": nil, "kind": nil, "title": nil, "entity": nil, "sync": nil,
		"requires": sentence, "scenarios": scenario,
		"options": option, "when": condition, "default": nil, "min": nil, "max": nil, "unit": nil, "source": nil, "by_channel": nil,
	}}
	packages, model := estimateSchema(condition)
	return &keySchema{what: "the bank", keys: map[string]*keySchema{
		"id": nil, "title": nil, "system_options": option, "work_packages": packages, "estimate": model,
		"sections": {what: "a section", keys: map[string]*keySchema{"id": nil, "title": nil, "code": nil, "intro": nil, "questions": question}},
		"findings": {what: "a finding", keys: map[string]*keySchema{"id": nil, "severity": nil, "when": condition, "message": nil, "advice": nil, "source": nil}},
	}}
}

// checkKeys walks the document and reports keys the schema does not know.
func checkKeys(node *yaml.Node, schema *keySchema, file string) Problems {
	var ps Problems
	seen := map[*yaml.Node]bool{}
	var walk func(n *yaml.Node, s *keySchema)
	walk = func(n *yaml.Node, s *keySchema) {
		for n.Kind == yaml.AliasNode || n.Kind == yaml.DocumentNode {
			if n.Kind == yaml.AliasNode {
				n = n.Alias
			} else if len(n.Content) > 0 {
				n = n.Content[0]
			} else {
				return
			}
		}
		if s == nil || seen[n] {
			return
		}
		seen[n] = true
		switch n.Kind {
		case yaml.SequenceNode:
			for _, el := range n.Content {
				walk(el, s)
			}
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				k := n.Content[i]
				child, ok := s.keys[k.Value]
				if where, gone := s.moved[k.Value]; gone && !ok {
					ps = append(ps, Problem{File: file, Line: k.Line, Msg: fmt.Sprintf("%q in %s is no longer read: %s", k.Value, s.what, where)})
					continue
				}
				if !ok {
					ps = append(ps, Problem{File: file, Line: k.Line, Msg: fmt.Sprintf("unknown key %q in %s (known keys: %s)", k.Value, s.what, sortedKeys(s.keys))})
					continue
				}
				walk(n.Content[i+1], child)
			}
		}
	}
	walk(node, schema)
	return ps
}

func sortedKeys(m map[string]*keySchema) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return strings.Join(keys, ", ")
}
