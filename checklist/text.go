package checklist

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
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

// placeholderRE finds every {…}: simple names, and in requirement sentences
// and scenarios {answer:ID}, {system:ID}, {calc: EXPR} and {money: EXPR}.
var placeholderRE = regexp.MustCompile(`\{([a-z_]+(?::[^{}\n]*)?)\}`)

// Placeholders of requirement sentences and scenarios that quote the answers.
const (
	phAnswer = "answer:" // the answer to a question, as it reads (its label, or the figure)
	phSystem = "system:" // the name of the system an answer names
	phCalc   = "calc:"   // a figure computed from the answers: 11, 2.50
	phMoney  = "money:"  // an amount computed from the answers, to the cent: 8.23
	phFact   = "fact:"   // a figure of a computed fact, in a finding: {fact:go-live}
)

var answerPlaceholders = []string{phAnswer, phSystem, phCalc, phMoney}

// answerPlaceholder splits "calc: 5 + 8" into its kind and argument.
func answerPlaceholder(token string) (kind, arg string, ok bool) {
	for _, k := range answerPlaceholders {
		if rest, found := strings.CutPrefix(token, k); found {
			return k, strings.TrimSpace(rest), true
		}
	}
	return "", "", false
}

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
		v, ok := extra[key]
		switch {
		case key == "store":
			v, ok = n.Store, true
		case key == "inventory":
			v, ok = n.Inventory, true
		}
		if !ok {
			b.WriteString(rest[open : open+closing+1])
			rest = rest[open+closing+1:]
			continue
		}
		b.WriteString(v)
		rest = afterInsert(v, rest[open+closing+1:])
	}
	filled := b.String()
	if text[0] == '{' {
		// A sentence that starts with a name ("{store} shall…") must start with a capital
		// even when the name is a default such as "the online store".
		filled = UpperFirst(filled)
	}
	return filled
}

// afterInsert is the template text that follows a filled-in text, without
// its full stop when the filled-in text already ends a sentence: "… in front
// of the site." and ". The integrator shall" make one full stop, never "..".
// A template that goes on with an ellipsis ("...") keeps it.
func afterInsert(inserted, rest string) string {
	if strings.HasPrefix(rest, ".") && !strings.HasPrefix(rest, "..") && endsSentence(inserted) {
		return rest[1:]
	}
	return rest
}

// endsSentence reports whether s ends with sentence punctuation in any script
// (. ! ? … 。 ？ ؟ । and the other sentence terminals of Unicode), perhaps
// inside closing quotes: “the shop.” ends a sentence, “(see the site.)” does not.
func endsSentence(s string) bool {
	s = strings.TrimRightFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || r == '"' || r == '\'' || unicode.In(r, unicode.Pi, unicode.Pf)
	})
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == '…' || unicode.Is(unicode.Sentence_Terminal, r)
}

// UpperFirst starts a sentence with a capital, by runes, so that a name in
// any language ("ökolager", "магазин") is capitalised and never cut inside
// a letter. A first word that already has a capital is a name written as
// its owner spells it ("eBay", "iPad Store") and is left alone, as is text
// in a script without capitals (库存系统, مخزن).
func UpperFirst(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if size == 0 || !unicode.IsLower(r) {
		return s
	}
	word, _, _ := strings.Cut(s, " ")
	if strings.IndexFunc(word, unicode.IsUpper) >= 0 {
		return s
	}
	return string(unicode.ToTitle(r)) + s[size:]
}

// LowerFirst writes "Product images" as "product images" inside a sentence
// or a list, by runes; a word in capitals ("SKU", "EDI orders") keeps them.
func LowerFirst(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	next, _ := utf8.DecodeRuneInString(s[size:])
	if !unicode.IsUpper(r) || unicode.IsUpper(next) {
		return s
	}
	return string(unicode.ToLower(r)) + s[size:]
}

// unknownPlaceholders returns placeholders in text that no stage fills; with
// answers false, those that quote answers count as unknown too.
func unknownPlaceholders(text string, answers bool) []string {
	return unknownIn(text, answers, false)
}

// unknownIn is unknownPlaceholders, where facts also allows a finding's
// {fact:NAME} figures (FactFigures).
func unknownIn(text string, answers, facts bool) []string {
	var bad []string
	for _, m := range placeholderRE.FindAllStringSubmatch(text, -1) {
		if _, _, quotes := answerPlaceholder(m[1]); quotes && answers {
			continue
		}
		if name, ok := strings.CutPrefix(m[1], phFact); ok && facts && slices.Contains(FactFigures, name) {
			continue
		}
		if !slices.Contains(placeholders, m[1]) {
			bad = append(bad, m[0])
		}
	}
	return bad
}
