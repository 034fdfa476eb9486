package cli

import (
	"strings"
	"testing"
)

// FuzzParseAssignment: the ID=VALUE parser never crashes, and what it accepts
// puts the argument back together.
func FuzzParseAssignment(f *testing.F) {
	for _, seed := range []string{"project.name=Acme", "a==b", "=x", "x", " id = v ", "note=a=b=c", "", "id\t=v"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, arg string) {
		id, value, err := parseAssignment(arg)
		if err != nil {
			return
		}
		if id == "" || strings.ContainsAny(id, " \t\n") {
			t.Fatalf("accepted a bad ID %q from %q", id, arg)
		}
		if !strings.HasSuffix(arg, "="+value) || !strings.Contains(arg, id) {
			t.Fatalf("%q parsed as %q = %q", arg, id, value)
		}
	})
}
