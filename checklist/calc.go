package checklist

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// A scenario's figures are computed from the answers, never pasted: with a
// safety buffer of 2, "8 received and 5 on hand" shows {calc: 5 + 8 -
// inventory.buffer-units}, which is 11. An expression has numbers, the IDs of
// number questions (their answer, else their default), + - * / and
// brackets, and the functions round, ceil, floor (to whole numbers), min and
// max. Operators need spaces around them when an ID is next to a minus, since
// IDs contain dashes.

// Expr is a parsed expression.
type Expr struct {
	root node
	// Questions are the question IDs the expression reads, in order.
	Questions []string
}

type node interface {
	eval(get func(id string) (float64, bool)) (float64, bool)
}

type (
	numNode float64
	refNode string
	negNode struct{ x node }
	binNode struct {
		op   byte
		l, r node
	}
	callNode struct {
		fn   string
		args []node
	}
)

func (n numNode) eval(func(string) (float64, bool)) (float64, bool)     { return float64(n), true }
func (n refNode) eval(get func(string) (float64, bool)) (float64, bool) { return get(string(n)) }
func (n negNode) eval(get func(string) (float64, bool)) (float64, bool) {
	v, ok := n.x.eval(get)
	return -v, ok
}

func (n binNode) eval(get func(string) (float64, bool)) (float64, bool) {
	l, lok := n.l.eval(get)
	r, rok := n.r.eval(get)
	if !lok || !rok {
		return 0, false
	}
	switch n.op {
	case '+':
		return l + r, true
	case '-':
		return l - r, true
	case '*':
		return l * r, true
	}
	if r == 0 {
		return 0, false
	}
	return l / r, true
}

func (n callNode) eval(get func(string) (float64, bool)) (float64, bool) {
	vals := make([]float64, len(n.args))
	for i, a := range n.args {
		v, ok := a.eval(get)
		if !ok {
			return 0, false
		}
		vals[i] = v
	}
	switch n.fn {
	case "round":
		return roundHalfUp(vals[0], 0), true
	case "ceil":
		return math.Ceil(vals[0]), true
	case "floor":
		return math.Floor(vals[0]), true
	case "min":
		return math.Min(vals[0], vals[1]), true
	default: // max
		return math.Max(vals[0], vals[1]), true
	}
}

var calcFuncs = map[string]int{"round": 1, "ceil": 1, "floor": 1, "min": 2, "max": 2}

// Eval computes the expression; get returns a question's number. It reports
// false when a number it needs is missing, or on division by zero.
func (e *Expr) Eval(get func(id string) (float64, bool)) (float64, bool) {
	return e.root.eval(get)
}

// ParseExpr parses an expression. It does not check that the IDs exist;
// validation does, against the bank.
func ParseExpr(src string) (*Expr, error) {
	p := &exprParser{src: src}
	p.next()
	root, err := p.expr()
	if err != nil {
		return nil, err
	}
	if p.tok != "" {
		return nil, fmt.Errorf("unexpected %q in %q", p.tok, src)
	}
	return &Expr{root: root, Questions: p.refs}, nil
}

type exprParser struct {
	src  string
	pos  int
	tok  string
	refs []string
}

// next reads the next token: a number, an ID or function name, or one
// character of punctuation; "" at the end.
func (p *exprParser) next() {
	for p.pos < len(p.src) && p.src[p.pos] == ' ' {
		p.pos++
	}
	if p.pos >= len(p.src) {
		p.tok = ""
		return
	}
	start := p.pos
	c := p.src[p.pos]
	switch {
	case c >= '0' && c <= '9' || c == '.':
		for p.pos < len(p.src) && (p.src[p.pos] >= '0' && p.src[p.pos] <= '9' || p.src[p.pos] == '.') {
			p.pos++
		}
	case c >= 'a' && c <= 'z':
		for p.pos < len(p.src) && isIDByte(p.src[p.pos]) {
			p.pos++
		}
	default:
		p.pos++
	}
	p.tok = p.src[start:p.pos]
}

func isIDByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_'
}

func (p *exprParser) expr() (node, error) { return p.binary("+-", p.term) }

func (p *exprParser) term() (node, error) { return p.binary("*/", p.factor) }

// binary parses operands joined by any of ops, left to right.
func (p *exprParser) binary(ops string, operand func() (node, error)) (node, error) {
	l, err := operand()
	for err == nil && len(p.tok) == 1 && strings.Contains(ops, p.tok) {
		op := p.tok[0]
		p.next()
		var r node
		if r, err = operand(); err == nil {
			l = binNode{op, l, r}
		}
	}
	return l, err
}

func (p *exprParser) factor() (node, error) {
	tok := p.tok
	switch {
	case tok == "":
		return nil, fmt.Errorf("%q ends too early", p.src)
	case tok == "-":
		p.next()
		x, err := p.factor()
		return negNode{x}, err
	case tok == "(":
		p.next()
		x, err := p.expr()
		if err != nil {
			return nil, err
		}
		if p.tok != ")" {
			return nil, fmt.Errorf("a bracket is not closed in %q", p.src)
		}
		p.next()
		return x, nil
	case tok[0] >= '0' && tok[0] <= '9' || tok[0] == '.':
		f, err := strconv.ParseFloat(tok, 64)
		if err != nil {
			return nil, fmt.Errorf("%q is not a number in %q", tok, p.src)
		}
		p.next()
		return numNode(f), nil
	case tok[0] >= 'a' && tok[0] <= 'z':
		p.next()
		if n, isFunc := calcFuncs[tok]; isFunc {
			return p.call(tok, n)
		}
		if !strings.Contains(tok, ".") {
			return nil, fmt.Errorf("%q is neither a question ID nor a function (round, ceil, floor, min, max) in %q", tok, p.src)
		}
		p.refs = append(p.refs, tok)
		return refNode(tok), nil
	}
	return nil, fmt.Errorf("unexpected %q in %q", tok, p.src)
}

func (p *exprParser) call(fn string, arity int) (node, error) {
	if p.tok != "(" {
		return nil, fmt.Errorf("%s needs brackets in %q", fn, p.src)
	}
	p.next()
	var args []node
	for {
		a, err := p.expr()
		if err != nil {
			return nil, err
		}
		args = append(args, a)
		if p.tok != "," {
			break
		}
		p.next()
	}
	if p.tok != ")" {
		return nil, fmt.Errorf("a bracket is not closed in %q", p.src)
	}
	p.next()
	if len(args) != arity {
		return nil, fmt.Errorf("%s takes %d numbers, not %d, in %q", fn, arity, len(args), p.src)
	}
	return callNode{fn, args}, nil
}

// roundHalfUp rounds to the given decimals, halves away from zero (money is
// rounded this way: 8.225 is 8.23). A tiny nudge absorbs binary fractions
// such as 8.224999999.
func roundHalfUp(f float64, decimals int) float64 {
	scale := math.Pow(10, float64(decimals))
	return math.Round(f*scale*(1+1e-12)) / scale
}

// FormatCalc writes a computed figure: whole numbers plainly (11), others
// with two decimals (2.50).
func FormatCalc(f float64) string {
	if r := roundHalfUp(f, 2); r == math.Trunc(r) {
		return strconv.FormatFloat(r, 'f', 0, 64)
	}
	return strconv.FormatFloat(roundHalfUp(f, 2), 'f', 2, 64)
}

// FormatMoney writes an amount to the cent: 8.23, 12.00.
func FormatMoney(f float64) string {
	return strconv.FormatFloat(roundHalfUp(f, 2), 'f', 2, 64)
}
