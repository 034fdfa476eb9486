package spec

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/integ-dev/integ/checklist"
)

// SchemaFile is the schema's file name beside an exported spec.
const SchemaFile = "integration-spec.schema.json"

// Modeline points YAML-aware editors (the YAML language server in VS Code and
// others) at a schema: completion of question IDs and values, and red
// squiggles on values the bank does not allow.
func Modeline(schemaRef string) string {
	return "# yaml-language-server: $schema=" + schemaRef
}

// Schema returns a JSON Schema (draft-07, what the YAML language server reads
// best) of a spec for this bank: each question ID with its type and allowed values.
func Schema(bank *checklist.Bank, names checklist.Names) ([]byte, error) {
	fill := func(s string) string {
		return names.Fill(s, map[string]string{"third": "another system", "value": "the answer"})
	}
	answers := map[string]any{}
	for _, q := range bank.Questions() {
		value := valueSchema(q, fill)
		desc := fill(q.Prompt) + "\n\n" + fill(q.Help)
		entry := answerSchema(value)
		if channels := bank.ChannelValues(); q.ByChannel && len(channels) > 0 {
			one := answerSchema(value)
			entry["properties"].(map[string]any)["by_channel"] = map[string]any{
				"type":                 "object",
				"description":          "This question may be answered per sales channel (those chosen in project.channels): each channel listed uses its own answer, the others the value above.",
				"propertyNames":        map[string]any{"enum": channels},
				"additionalProperties": map[string]any{"oneOf": []any{one, value}},
			}
			desc += "\n\nMay differ by sales channel (by_channel)."
		}
		answers[q.ID] = map[string]any{
			"description": desc,
			"oneOf":       []any{entry, value},
		}
	}
	var sectionIDs []string
	for _, s := range bank.Sections {
		sectionIDs = append(sectionIDs, s.ID)
	}
	doc := map[string]any{
		"$schema":              "http://json-schema.org/draft-07/schema#",
		"title":                "integ spec: " + bank.Title,
		"description":          "Answers keyed by question ID. Written by integ (https://github.com/integ-dev/integ); edit by hand or with 'integ set'.",
		"type":                 "object",
		"required":             []string{"version"},
		"additionalProperties": false,
		"properties": map[string]any{
			"version":   map[string]any{"const": Version, "description": "Spec format version."},
			"checklist": map[string]any{"const": bank.ID, "description": "The question bank the answers belong to."},
			"updated":   map[string]any{"type": "string", "description": "When integ last saved the spec (RFC 3339)."},
			"answers": map[string]any{
				"type":        "object",
				"description": "Answers keyed by question ID. Unknown IDs are kept but not used.",
				"properties":  answers,
			},
			"conflicts": map[string]any{
				"type":        "object",
				"description": "Merge conflicts not yet decided: the other side's answer, by question or section ID. 'integ check' reports each as an error; delete the entry once decided.",
				"additionalProperties": map[string]any{
					"type":                 "object",
					"properties":           map[string]any{"value": map[string]any{}, "system": map[string]any{"type": "string"}, "note": map[string]any{"type": "string"}},
					"additionalProperties": false,
				},
			},
			"asked": map[string]any{
				"type":          "object",
				"description":   "Who was asked to answer which section ('integ questions --for').",
				"propertyNames": map[string]any{"enum": sectionIDs},
				"additionalProperties": map[string]any{
					"type": "array",
					"items": map[string]any{
						"type":                 "object",
						"required":             []string{"who", "date"},
						"properties":           map[string]any{"who": map[string]any{"type": "string"}, "date": map[string]any{"type": "string", "pattern": `^\d{4}-\d{2}-\d{2}$`}},
						"additionalProperties": false,
					},
				},
			},
			"notes": map[string]any{
				"type":                 "object",
				"description":          "Notes for the integrator, per section.",
				"propertyNames":        map[string]any{"enum": sectionIDs},
				"additionalProperties": map[string]any{"type": "string"},
			},
		},
	}
	out, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(out, '\n'), nil
}

// answerSchema is an answer written as a mapping: value, system and note.
func answerSchema(value map[string]any) map[string]any {
	return map[string]any{
		"type": "object",
		"properties": map[string]any{
			"value":  value,
			"system": map[string]any{"type": "string", "description": "The short name of the system the answer names (for \"another system\"), on one line."},
			"note":   map[string]any{"type": "string", "description": "Free text kept beside the answer."},
		},
		"additionalProperties": false,
	}
}

func valueSchema(q *checklist.Question, fill func(string) string) map[string]any {
	switch q.Kind {
	case checklist.KindNumber:
		num := map[string]any{"type": "number"}
		if q.Min != nil {
			num["minimum"] = *q.Min
		}
		if q.Max != nil {
			num["maximum"] = *q.Max
		}
		return map[string]any{"anyOf": []any{num, map[string]any{"const": checklist.Undecided}}}
	case checklist.KindText:
		return map[string]any{"type": "string"}
	case checklist.KindDate:
		return map[string]any{"anyOf": []any{map[string]any{"type": "string", "format": "date"}, map[string]any{"const": checklist.Undecided}}}
	}
	var values, labels []string
	for _, o := range q.Options {
		values = append(values, o.Value)
		labels = append(labels, fill(o.Label))
	}
	one := map[string]any{
		"enum":                     values,
		"markdownEnumDescriptions": labels,
		"description":              fmt.Sprintf("One of: %s.", strings.Join(labels, "; ")),
	}
	if q.Kind != checklist.KindMulti {
		return one
	}
	return map[string]any{"type": "array", "items": one, "uniqueItems": true, "minItems": 1}
}
