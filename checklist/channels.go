package checklist

import "strings"

// ChannelSep joins a question ID and a sales channel where one channel's
// answer is meant: `integ set customers.match-key@web-b2b=customer-number`,
// and the keys of per-channel merge conflicts.
const ChannelSep = "@"

// ChannelQuestion is the question whose options name the sales channels
// (project.channels), or nil when the bank has none.
func (b *Bank) ChannelQuestion() *Question {
	q := b.Question(QProjectChannels)
	if q == nil || q.Kind != KindMulti {
		return nil
	}
	return q
}

// Channel is the option of project.channels that names a channel, or nil
// when the bank has no such channel (undecided is not a channel).
func (b *Bank) Channel(value string) *Option {
	q := b.ChannelQuestion()
	if q == nil || value == Undecided {
		return nil
	}
	return q.Option(value)
}

// ChannelValues lists every channel the bank knows, in its order.
func (b *Bank) ChannelValues() []string {
	q := b.ChannelQuestion()
	if q == nil {
		return nil
	}
	var out []string
	for _, o := range q.Options {
		if o.Value != Undecided {
			out = append(out, o.Value)
		}
	}
	return out
}

// ChannelTitle is a channel's short name ("Web retail"), filled with the
// systems' names; the value itself for a channel the bank does not know.
func (b *Bank) ChannelTitle(value string, names Names) string {
	if o := b.Channel(value); o != nil {
		return names.Fill(o.ShortLabel(), nil)
	}
	return value
}

// ChannelList names several channels in a sentence: "Web retail", "Web
// retail and Phone/e-mail", "Web retail, Web B2B and EDI".
func (b *Bank) ChannelList(values []string, names Names) string {
	titles := make([]string, len(values))
	for i, v := range values {
		titles[i] = b.ChannelTitle(v, names)
	}
	if len(titles) <= 1 {
		return strings.Join(titles, "")
	}
	return strings.Join(titles[:len(titles)-1], ", ") + " and " + titles[len(titles)-1]
}

// Crosses reports whether the orders of a chosen channel cross the
// integration, with a the answers as that channel sees them: its option's
// `crosses` condition holds there, or it has none. A channel whose orders do
// not cross (phone orders keyed into the inventory system and kept there,
// the inventory system's own tills) still sells from the same stock, but
// what the integration does per channel (its answers that differ by
// channel, the findings and the work they imply) is not about it.
func (b *Bank) Crosses(channel string, a Answers) bool {
	o := b.Channel(channel)
	return o != nil && o.Crosses.Holds(a)
}

// Crossing lists the channels of chosen whose orders cross the integration,
// in the order given; view is each channel's view of the answers. It is the
// one rule for which channels count: the per-channel views of a brief, the
// channels an answer may differ among, and the sales-channel driver of the
// budget all read it.
func (b *Bank) Crossing(chosen []string, view func(channel string) Answers) []string {
	var out []string
	for _, ch := range chosen {
		if b.Crosses(ch, view(ch)) {
			out = append(out, ch)
		}
	}
	return out
}
