package checklist

import (
	"regexp"
	"strings"
)

// Names are the two systems' names, filled into every prompt, label and
// requirement so that a manager reads "Shopify" and "Odoo", never "system A".
type Names struct {
	Store     string
	Inventory string
}

// Placeholders a bank's texts may use. {entity} is filled when the bank loads;
// the others when text is shown, from the answers.
var placeholders = []string{"store", "inventory", "entity", "third", "value"}

var placeholderRE = regexp.MustCompile(`\{([a-z_]+)\}`)

// Fill replaces {store} and {inventory} with the names, and any other
// placeholder with the matching entry of extra ({third}, {value}).
func (n Names) Fill(text string, extra map[string]string) string {
	if !strings.Contains(text, "{") {
		return text
	}
	filled := placeholderRE.ReplaceAllStringFunc(text, func(m string) string {
		key := m[1 : len(m)-1]
		switch key {
		case "store":
			return n.Store
		case "inventory":
			return n.Inventory
		}
		if v, ok := extra[key]; ok {
			return v
		}
		return m
	})
	if text[0] == '{' && filled != "" {
		// A sentence that starts with a name ("{store} shall…") must start with a capital
		// even when the name is a default such as "the online store".
		filled = strings.ToUpper(filled[:1]) + filled[1:]
	}
	return filled
}

// unknownPlaceholders returns placeholders in text that no stage fills.
func unknownPlaceholders(text string) []string {
	var bad []string
	for _, m := range placeholderRE.FindAllStringSubmatch(text, -1) {
		known := false
		for _, p := range placeholders {
			if m[1] == p {
				known = true
			}
		}
		if !known {
			bad = append(bad, m[0])
		}
	}
	return bad
}
