package checklist

import (
	"slices"
	"strings"
	"testing"
)

// channelBank has the channels question in a project section, and a section
// of questions that may differ by channel.
const channelBank = `id: test
title: Test bank
sections:
  - id: project
    title: Project
    code: PRJ
    questions:
      - id: project.channels
        kind: multi
        prompt: Channels?
        help: Why.
        options:
          - {value: web-retail, label: Web shop for consumers, title: Web retail}
          - {value: phone-email, label: Phone and e-mail orders}
  - id: s
    title: Section
    code: S
    questions:
`

func TestByChannelValidation(t *testing.T) {
	tests := []struct {
		name, bank string
		want       []string
	}{
		{
			name: "a question with options may differ by channel",
			bank: channelBank + `      - {id: s.match, kind: choice, by_channel: true, prompt: A, help: Why., options: [{value: email, label: E-mail}]}
      - {id: s.ask, kind: text, prompt: B, help: Why., when: {question: s.match, differs: true}}`,
		},
		{
			name: "number, text and project questions may not",
			bank: channelBank + `      - {id: s.count, kind: number, by_channel: true, prompt: A, help: Why.}
      - {id: s.name, kind: text, by_channel: true, prompt: B, help: Why.}
  - id: budget
    title: Budget
    code: BUD
    questions:
      - {id: budget.model, kind: yesno, by_channel: true, prompt: C, help: Why.}`,
			want: []string{
				`bank.yaml:19: question "s.count" is marked by_channel, but it is of kind number; only questions with a fixed list of answers (system, choice, yesno, multi) may differ by channel: a per-channel figure or text goes in the note`,
				`bank.yaml:20: question "s.name" is marked by_channel, but it is of kind text;`,
				`bank.yaml:25: question "budget.model" is marked by_channel, but it is in section "budget", whose answers hold for the whole project; only questions outside the project and budget sections may differ by channel`,
			},
		},
		{
			name: "a bank without channels",
			bank: minimalHeader + `      - {id: s.match, kind: yesno, by_channel: true, prompt: A, help: Why.}`,
			want: []string{`bank.yaml:8: question "s.match" is marked by_channel, but the bank has no project.channels question (kind multi) whose options name the channels`},
		},
		{
			name: "differs only on a by_channel question, and alone",
			bank: channelBank + `      - {id: s.plain, kind: yesno, prompt: A, help: Why.}
      - {id: s.match, kind: yesno, by_channel: true, prompt: B, help: Why.}
      - {id: s.ask, kind: text, prompt: C, help: Why., when: {question: s.plain, differs: true}}
      - {id: s.ask2, kind: text, prompt: D, help: Why., when: {question: s.match, is: "yes", differs: true}}
      - {id: s.at@x, kind: text, prompt: E, help: Why.}`,
			want: []string{
				`bank.yaml:21: question "s.ask" condition asks whether "s.plain" differs by channel, but that question is not marked by_channel`,
				`bank.yaml:22: question "s.ask2" condition on "s.match" asks whether it differs by channel and also compares it; use one`,
				`bank.yaml:23: question "s.at@x": an ID may not contain "@", which ` + "`integ set ID@CHANNEL=VALUE`" + ` uses`,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := Parse("bank.yaml", []byte(tt.bank))
			if len(tt.want) == 0 {
				if err != nil {
					t.Fatal(err)
				}
				if !b.Question("s.match").ByChannel || b.ChannelTitle("web-retail", Names{}) != "Web retail" || b.ChannelTitle("phone-email", Names{}) != "Phone and e-mail orders" {
					t.Errorf("by_channel or the channels' titles are not read: %+v", b.Question("s.match"))
				}
				return
			}
			if err == nil {
				t.Fatalf("no error for:\n%s", tt.bank)
			}
			got := err.Error()
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("error\n%s\ndoes not contain\n%s", got, w)
				}
			}
			if n := strings.Count(got, "\n") + 1; n != len(tt.want) {
				t.Errorf("got %d problems, want %d:\n%s", n, len(tt.want), got)
			}
		})
	}
}

// channelAnswers answers per channel, as a spec's channel views do.
type channelAnswers struct {
	values  map[string][]string
	differs map[string]bool
}

func (a channelAnswers) Values(id string) []string { return a.values[id] }
func (a channelAnswers) Note(string) string        { return "" }
func (a channelAnswers) Differs(id string) bool    { return a.differs[id] }

func TestDiffersCondition(t *testing.T) {
	b, err := Parse("bank.yaml", []byte(channelBank+`      - {id: s.match, kind: yesno, by_channel: true, prompt: A, help: Why.}
      - {id: s.same, kind: text, prompt: B, help: Why., when: {question: s.match, differs: false}}
      - {id: s.ask, kind: text, prompt: C, help: Why., when: {question: s.match, differs: true}}`))
	if err != nil {
		t.Fatal(err)
	}
	same, ask := b.Question("s.same").When, b.Question("s.ask").When
	differing := channelAnswers{differs: map[string]bool{"s.match": true}}
	if !ask.Holds(differing) || same.Holds(differing) {
		t.Error("answers that differ: differs: true must hold, differs: false must not")
	}
	if ask.Holds(channelAnswers{}) || !same.Holds(channelAnswers{}) {
		t.Error("answers that do not differ: differs: false must hold, differs: true must not")
	}
	if got := b.DescribeCondition(ask, Names{}); got != "s.match differs by sales channel" && !strings.Contains(got, "differs by sales channel") {
		t.Errorf("described as %q", got)
	}
}

// readChannel is answers read for one sales channel, as a spec's channel
// view reads them ("" for every channel at once).
type readChannel struct {
	channelAnswers
	channel string
}

func (a readChannel) ReadChannel() string { return a.channel }

// A rule about web orders holds only where the answers are read for a web
// channel: the phone channel's answers must not raise it. Read for every
// channel at once, it holds when a named channel is chosen, or none yet.
func TestChannelCondition(t *testing.T) {
	b, err := Parse("bank.yaml", []byte(channelBank+`      - {id: s.web, kind: text, prompt: A, help: Why., when: {channel: [web-retail]}}`))
	if err != nil {
		t.Fatal(err)
	}
	web := b.Question("s.web").When
	for _, tt := range []struct {
		name    string
		answers Answers
		want    bool
	}{
		{"the web retail channel's answers", readChannel{channel: "web-retail"}, true},
		{"the phone channel's answers", readChannel{channel: "phone-email"}, false},
		{"all channels at once, web retail chosen", readChannel{channelAnswers: channelAnswers{values: map[string][]string{QProjectChannels: {"phone-email", "web-retail"}}}}, true},
		{"all channels at once, phone only", channelAnswers{values: map[string][]string{QProjectChannels: {"phone-email"}}}, false},
		{"no channel chosen yet", channelAnswers{}, true},
	} {
		if got := web.Holds(tt.answers); got != tt.want {
			t.Errorf("%s: holds = %v, want %v", tt.name, got, tt.want)
		}
	}
	if got := b.DescribeCondition(web, Names{}); got != "the sales channel is Web retail" {
		t.Errorf("described as %q", got)
	}
	_, err = Parse("bank.yaml", []byte(channelBank+`      - {id: s.web, kind: text, prompt: A, help: Why., when: {channel: [web-b2b]}}
      - {id: s.mix, kind: text, prompt: B, help: Why., when: {channel: [web-retail], question: s.web}}`))
	for _, want := range []string{
		`bank.yaml:19: question "s.web" condition names sales channel "web-b2b", which is not one of project.channels's options (web-retail, phone-email)`,
		`bank.yaml:20: question "s.mix" condition mixes forms`,
	} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error %v lacks %q", err, want)
		}
	}
}

// crossingBank is channelBank whose phone channel crosses the integration
// only while its orders are uploaded to the store; the web channel always
// does.
var crossingBank = strings.Replace(channelBank, "{value: phone-email, label: Phone and e-mail orders}",
	`{value: phone-email, label: Phone and e-mail orders, crosses: {not: {question: s.upload, is: "no"}}}`, 1) +
	"      - {id: s.upload, kind: yesno, by_channel: true, prompt: Uploaded, help: Why.}\n"

// Which channels' orders cross the integration is read from the answers,
// each channel in its own view: phone orders kept in the inventory system
// do not cross; undecided, or uploaded, they do; web orders always do.
func TestCrossing(t *testing.T) {
	b, err := Parse("bank.yaml", []byte(crossingBank))
	if err != nil {
		t.Fatal(err)
	}
	both := []string{"web-retail", "phone-email"}
	for _, tt := range []struct {
		name   string
		upload map[string][]string // per channel
		want   []string
	}{
		{"phone orders kept in the inventory system", map[string][]string{"web-retail": {"no"}, "phone-email": {"no"}}, []string{"web-retail"}},
		{"phone orders uploaded", map[string][]string{"phone-email": {"yes"}}, both},
		{"not decided yet", map[string][]string{"phone-email": {Undecided}}, both},
		{"kept, read in the web channel's view only", map[string][]string{"web-retail": {"no"}}, both},
	} {
		got := b.Crossing(both, func(ch string) Answers {
			return channelAnswers{values: map[string][]string{"s.upload": tt.upload[ch]}}
		})
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: crossing %v, want %v", tt.name, got, tt.want)
		}
	}
	if b.Crosses("edi", channelAnswers{}) {
		t.Error("a channel the bank does not know crosses")
	}
	_, err = Parse("bank.yaml", []byte(strings.Replace(crossingBank, `crosses: {not: {question: s.upload, is: "no"}}`, `crosses: {channel: [web-retail]}`, 1)+
		`      - {id: s.other, kind: choice, prompt: Other, help: Why., options: [{value: a, label: A, crosses: {question: s.upload, is: "yes"}}, {value: b, label: B}]}
`))
	for _, want := range []string{
		"bank.yaml:14: question \"project.channels\" option \"phone-email\" `crosses` condition reads a sales channel or whether answers differ by channel",
		"question \"s.other\" option \"a\" has `crosses`, which only a sales channel (an option of project.channels) may have",
	} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error %v lacks %q", err, want)
		}
	}
}
