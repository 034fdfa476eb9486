package checklist

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/integ-dev/integ/internal/safe"
)

// JSON view of a bank, in the shape scripts rely on (`integ questions --format json`).
// Prompts and labels keep their placeholders as written.
type (
	BankJSON struct {
		ID       string        `json:"id"`
		Title    string        `json:"title"`
		Sections []SectionJSON `json:"sections"`
	}
	SectionJSON struct {
		ID        string         `json:"id"`
		Title     string         `json:"title"`
		Questions []QuestionJSON `json:"questions"`
	}
	QuestionJSON struct {
		ID      string       `json:"id"`
		Prompt  string       `json:"prompt"`
		Help    string       `json:"help"`
		Kind    string       `json:"kind"`
		Options []OptionJSON `json:"options"`
		When    *Condition   `json:"when"`
		// ByChannel: the answer may differ by sales channel.
		ByChannel bool `json:"by_channel"`
	}
	OptionJSON struct {
		Value string `json:"value"`
		Label string `json:"label"`
	}
)

// JSON returns the bank's JSON view.
func (b *Bank) JSON() BankJSON {
	out := BankJSON{ID: b.ID, Title: b.Title, Sections: []SectionJSON{}}
	for _, s := range b.Sections {
		sj := SectionJSON{ID: s.ID, Title: s.Title, Questions: []QuestionJSON{}}
		for _, q := range s.Questions {
			qj := QuestionJSON{ID: q.ID, Prompt: q.Prompt, Help: q.Help, Kind: q.Kind, Options: []OptionJSON{}, When: q.When, ByChannel: q.ByChannel}
			for _, o := range q.Options {
				qj.Options = append(qj.Options, OptionJSON{Value: o.Value, Label: o.Label})
			}
			sj.Questions = append(sj.Questions, qj)
		}
		out.Sections = append(out.Sections, sj)
	}
	return out
}

// WriteYAML writes the bank as loaded: shared system options expanded into
// each question and the implicit options spelled out.
func (b *Bank) WriteYAML(w io.Writer) error {
	var doc yaml.Node
	if err := doc.Encode(b); err != nil {
		return err
	}
	data, err := safe.YAML(&yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{&doc}})
	if err != nil {
		return err
	}
	_, err = w.Write(data)
	return err
}

// DescribeCondition renders a condition in words, for questionnaires and briefs.
func (b *Bank) DescribeCondition(c *Condition, names Names) string {
	if c == nil {
		return ""
	}
	return Fold(c, func(leaf *Condition) string { return b.describeLeaf(leaf, names) },
		func(node *Condition, parts []string) string {
			switch node.Op() {
			case OpAll:
				return strings.Join(parts, " and ")
			case OpAny:
				return strings.Join(parts, " or ")
			default:
				if neg, ok := b.describeNegatedLeaf(node.Not, names); ok {
					return neg
				}
				return "not (" + parts[0] + ")"
			}
		})
}

// describeNegatedLeaf says "not" of a simple leaf in plain words: "sales
// channels is not answered yet", "capture timing is not \"At checkout\"".
func (b *Bank) describeNegatedLeaf(c *Condition, names Names) (string, bool) {
	if c.Op() != "" || c.Question == "" || len(c.Channel) > 0 || c.Noted != nil || c.Above != nil || c.Below != nil || c.Matches != "" || c.Differs != nil {
		return "", false
	}
	plain := b.describeLeaf(c, names)
	switch subject, rest, _ := strings.Cut(plain, " is "); {
	case rest == "answered":
		return subject + " is not answered yet (or undecided)", true
	case strings.HasPrefix(rest, "one of "):
		return subject + " is none of " + strings.TrimPrefix(rest, "one of "), true
	default:
		return subject + " is not " + rest, true
	}
}

func (b *Bank) describeLeaf(c *Condition, names Names) string {
	if len(c.Channel) > 0 {
		titles := make([]string, len(c.Channel))
		for i, ch := range c.Channel {
			titles[i] = b.ChannelTitle(ch, names)
		}
		return "the sales channel is " + strings.Join(titles, " or ")
	}
	if c.Fact != "" {
		return fmt.Sprintf("the %s (computed) is %s", c.Fact, strings.Join(c.wanted(), " or "))
	}
	if c.Section != "" {
		title := c.Section
		if s := b.Section(c.Section); s != nil {
			title = names.Fill(s.Title, nil)
		}
		return fmt.Sprintf("at least %d questions in %s are open or undecided", c.OpenAtLeast, title)
	}
	q := b.Question(c.Question)
	subject := "`" + c.Question + "`"
	if q != nil {
		subject = names.Fill(LowerFirst(q.ShortTitle()), nil)
	}
	label := func(v string) string {
		if q != nil {
			if o := q.Option(v); o != nil {
				return "\"" + names.Fill(o.Label, map[string]string{"third": "another system"}) + "\""
			}
		}
		return v
	}
	var parts []string
	for _, v := range c.wanted() {
		parts = append(parts, label(v))
	}
	var bounds []string
	if c.Above != nil {
		bounds = append(bounds, "above "+formatFloat(*c.Above))
	}
	if c.Below != nil {
		bounds = append(bounds, "below "+formatFloat(*c.Below))
	}
	switch {
	case c.Differs != nil && *c.Differs:
		return subject + " differs by sales channel"
	case c.Differs != nil:
		return subject + " is the same for every sales channel"
	case c.Matches != "":
		return subject + " mentions \"" + c.Matches + "\""
	case len(bounds) > 0:
		return subject + " is " + strings.Join(bounds, " and ")
	case len(parts) == 1:
		return subject + " is " + parts[0]
	case len(parts) > 1:
		return subject + " is one of " + strings.Join(parts, ", ")
	case c.Noted != nil && *c.Noted:
		return subject + " has a note"
	case c.Noted != nil:
		return subject + " has no note"
	}
	return subject + " is answered"
}

// formatFloat writes 500 as "500" and 2.5 as "2.5".
func formatFloat(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
