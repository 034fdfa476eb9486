// Package yamllimit bounds what a YAML document may cost before integ
// builds anything from it. yaml.v3 builds a node of about 160 bytes for
// every item, so 10 MB of "1,1,1,…" took a gigabyte and half a minute; and
// an alias repeated inside an alias ("billion laughs") multiplies a small
// file into any size when it is expanded.
package yamllimit

import (
	"bytes"
	"fmt"

	"gopkg.in/yaml.v3"
)

// MaxItems bounds the structure of one document: far above any spec or
// bank (the built-in bank and the worked example hold a few thousand), far
// below what would cost a hundred megabytes.
const MaxItems = 200_000

// CheckSize refuses a document that could hold more than MaxItems items,
// without parsing it. Every item after the first starts after one of
// , [ { : - ? or a line break, so their count bounds the items (prose in
// notes counts too, which only makes the bound generous).
func CheckSize(data []byte) error {
	n := 0
	for _, c := range []byte(",[{:-?\n") {
		n += bytes.Count(data, []byte{c})
	}
	if n > MaxItems {
		return fmt.Errorf("holds too much structure to be read (over %d keys, items or lines; a spec or a bank has a few thousand)", MaxItems)
	}
	return nil
}

// ErrTooManyAliases is returned when expanding aliases would pass the limit.
type ErrTooManyAliases struct{ Line, Limit int }

func (e *ErrTooManyAliases) Error() string {
	return fmt.Sprintf("its aliases (*name) expand to more than %d items; write the repeated parts out, or use fewer aliases", e.Limit)
}

// Expanded counts the items n stands for once every alias in it is
// expanded, and stops with ErrTooManyAliases as soon as that passes limit.
// It never expands anything: an anchor's size is counted once and reused.
func Expanded(n *yaml.Node, limit int) (int, error) {
	sizes := map[*yaml.Node]int{}
	var size func(n *yaml.Node, depth int) (int, error)
	size = func(n *yaml.Node, depth int) (int, error) {
		if n == nil {
			return 0, nil
		}
		if s, ok := sizes[n]; ok {
			if s < 0 { // an alias inside its own anchor
				return 0, &ErrTooManyAliases{Line: n.Line, Limit: limit}
			}
			return s, nil
		}
		if depth > 10_000 {
			return 0, &ErrTooManyAliases{Line: n.Line, Limit: limit}
		}
		sizes[n] = -1
		total := 1
		if n.Kind == yaml.AliasNode {
			s, err := size(n.Alias, depth+1)
			if err != nil {
				return 0, err
			}
			total = s
		}
		for _, c := range n.Content {
			s, err := size(c, depth+1)
			if err != nil {
				return 0, err
			}
			if total += s; total > limit {
				return 0, &ErrTooManyAliases{Line: n.Line, Limit: limit}
			}
		}
		sizes[n] = total
		return total, nil
	}
	return size(n, 0)
}

// Resolve replaces every alias under n by a copy of what it names, and
// drops the anchors, so that the tree stands on its own: a part of it can be
// written out later without the anchor it referred to. The copies together
// may hold at most limit items.
func Resolve(n *yaml.Node, limit int) error {
	budget := limit
	var copyOf func(n *yaml.Node, depth int) (*yaml.Node, error)
	var resolve func(n *yaml.Node, depth int) error
	copyOf = func(n *yaml.Node, depth int) (*yaml.Node, error) {
		for n.Kind == yaml.AliasNode {
			n = n.Alias
		}
		if budget--; budget < 0 || depth > 10_000 {
			return nil, &ErrTooManyAliases{Line: n.Line, Limit: limit}
		}
		c := *n
		c.Anchor = ""
		c.Content = make([]*yaml.Node, len(n.Content))
		for i, child := range n.Content {
			cc, err := copyOf(child, depth+1)
			if err != nil {
				return nil, err
			}
			c.Content[i] = cc
		}
		return &c, nil
	}
	resolve = func(n *yaml.Node, depth int) error {
		n.Anchor = ""
		for i, child := range n.Content {
			if child.Kind == yaml.AliasNode {
				if child.Alias == nil {
					continue
				}
				line, col := child.Line, child.Column
				c, err := copyOf(child.Alias, depth+1)
				if err != nil {
					return err
				}
				c.Line, c.Column = line, col
				n.Content[i] = c
				continue
			}
			if err := resolve(child, depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	return resolve(n, 0)
}
