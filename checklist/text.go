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
// placeholder with the matching entry of extra ({third}, {value}). It scans
// by hand: it runs for every line of every brief.
func (n Names) Fill(text string, extra map[string]string) string {
	if !strings.Contains(text, "{") {
		return text
	}
	var b strings.Builder
	b.Grow(len(text) + 16)
	rest := text
	for {
		open := strings.IndexByte(rest, '{')
		if open < 0 {
			b.WriteString(rest)
			break
		}
		closing := strings.IndexByte(rest[open:], '}')
		if closing < 0 {
			b.WriteString(rest)
			break
		}
		key := rest[open+1 : open+closing]
		b.WriteString(rest[:open])
		switch v, ok := extra[key]; {
		case key == "store":
			b.WriteString(n.Store)
		case key == "inventory":
			b.WriteString(n.Inventory)
		case ok:
			b.WriteString(v)
		default:
			b.WriteString(rest[open : open+closing+1])
		}
		rest = rest[open+closing+1:]
	}
	filled := b.String()
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
