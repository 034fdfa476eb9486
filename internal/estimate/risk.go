package estimate

import (
	"math"
	"slices"

	"github.com/integ-dev/integ/checklist"
)

// risks prices every open decision as a three-point estimate of what it adds
// to the expected figure: its cheapest answer (optimistic), the middle one
// (most likely) and its dearest (pessimistic), each answer with the follow-up
// questions it would open priced at their own cheapest and dearest. A
// multi-select's dearest answer is all of its choices together. The buffer is
// the sum of their PERT figures, and their spread the sum of their standard
// deviations: they add up rather than cancel out, because one client tends
// to choose the same way each time.
func (e *engine) risks(v *view, a *checklist.Approach, expected int) RiskBuffer {
	rb := RiskBuffer{Items: []RiskItem{}}
	var sd float64
	sp := supposing{e: e, root: v, a: a, packs: e.packs(v, a, nil, nil)}
	for _, q := range e.bank.Questions() {
		if !e.isDecision(q) || !v.open(q) {
			continue
		}
		item := sp.decision(q, expected)
		if item.LowHours == 0 && item.HighHours == 0 {
			continue
		}
		rb.LowHours += item.LowHours
		rb.HighHours += item.HighHours
		rb.ExpectedHours += item.ExpectedHours
		sd += float64(item.HighHours-item.LowHours) / 6
		rb.Items = append(rb.Items, item)
	}
	rb.LowCost, rb.HighCost = e.price.cost(rb.LowHours), e.price.cost(rb.HighHours)
	rb.ExpectedCost = e.price.cost(rb.ExpectedHours)
	rb.SpreadHours = int(math.Round(e.model.Spread * sd))
	return rb
}

// isDecision reports whether an open q carries a buffer: a question with a
// fixed set of answers, and neither a setting with a default nor the build
// approach (whose answers are set side by side instead).
func (e *engine) isDecision(q *checklist.Question) bool {
	return q.HasOptions() && q.Default == "" && q.ID != e.model.ApproachQuestion
}

// supposing prices answers supposed on top of a root view, pricing again
// only the packages those answers can change.
type supposing struct {
	e     *engine
	root  *view
	a     *checklist.Approach
	packs []*Package
}

// expected is the expected figure under w, a view of root with answers supposed.
func (sp supposing) expected(w *view) int {
	supposed := map[string]bool{}
	for id := range w.over {
		if sp.root.over[id] == nil {
			supposed[id] = true
		}
	}
	return sp.e.expectedOf(sp.e.packs(w, sp.a, sp.packs, supposed), sp.a)
}

// decision prices one open question: what each of its answers adds to the
// expected figure, at the cheapest and dearest of the follow-ups it opens.
func (sp supposing) decision(q *checklist.Question, expected int) RiskItem {
	item := RiskItem{ID: "OPEN-" + q.RequirementBase(), Title: "Open: " + sp.e.names.Fill(q.ShortTitle(), nil), QuestionID: q.ID}
	followUps := map[string]bool{}
	var mids []float64
	for i, c := range candidates(q) {
		w := sp.root.with(q.ID, c)
		lo := sp.expected(sp.openFollowUps(sp.root, w, q, false)) - expected
		dear := sp.openFollowUps(sp.root, w, q, true)
		hi := sp.expected(dear) - expected
		for id := range dear.over {
			if id != q.ID && sp.root.over[id] == nil {
				followUps[id] = true
			}
		}
		if i == 0 || lo < item.LowHours {
			item.LowHours = lo
		}
		if i == 0 || hi > item.HighHours {
			item.HighHours = hi
		}
		mids = append(mids, float64(lo+hi)/2)
	}
	for _, f := range sp.e.bank.Questions() {
		if followUps[f.ID] {
			item.FollowUps = append(item.FollowUps, f.ID)
		}
	}
	slices.Sort(mids)
	likely := mids[len(mids)/2]
	if len(mids)%2 == 0 {
		likely = (mids[len(mids)/2-1] + mids[len(mids)/2]) / 2
	}
	item.LikelyHours = int(math.Round(likely))
	item.ExpectedHours = int(math.Round(float64(item.LowHours+4*item.LikelyHours+item.HighHours) / 6))
	return item
}

// resolve supposes each answer to q in turn (with the follow-ups it opens
// resolved the same way) and keeps the view that gives the cheapest, or the
// dearest, expected figure.
func (sp supposing) resolve(v *view, q *checklist.Question, dearest bool) *view {
	var best *view
	bestHours := 0
	for _, c := range candidates(q) {
		w := sp.openFollowUps(v, v.with(q.ID, c), q, dearest)
		h := sp.expected(w)
		if best == nil || dearest && h > bestHours || !dearest && h < bestHours {
			best, bestHours = w, h
		}
	}
	return best
}

// openFollowUps resolves the open questions that supposing an answer to q
// made appear: those whose condition reads q and that were not asked before.
func (sp supposing) openFollowUps(before, w *view, q *checklist.Question, dearest bool) *view {
	for _, f := range sp.e.followers[q.ID] {
		if sp.e.isDecision(f) && !before.asked(f) && w.open(f) {
			w = sp.resolve(w, f, dearest)
		}
	}
	return w
}

// followersOf lists, per question, the questions whose condition reads it,
// in bank order.
func followersOf(bank *checklist.Bank) map[string][]*checklist.Question {
	out := map[string][]*checklist.Question{}
	for _, f := range bank.Questions() {
		for _, id := range f.When.Questions() {
			out[id] = append(out[id], f)
		}
	}
	return out
}

// candidates are the answers an open question may get: each of its options,
// and for a multi-select all of them together too.
func candidates(q *checklist.Question) [][]string {
	var out [][]string
	var all []string
	for _, o := range q.Options {
		if o.Value == checklist.Undecided {
			continue
		}
		out = append(out, []string{o.Value})
		all = append(all, o.Value)
	}
	if q.Kind == checklist.KindMulti && len(all) > 1 {
		out = append(out, all)
	}
	return out
}
