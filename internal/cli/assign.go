package cli

import (
	"fmt"
	"strings"
)

// parseAssignment splits "ID=VALUE" as given to `integ set`. The value may
// itself contain "=" (notes often do); the ID may not be empty.
func parseAssignment(arg string) (id, value string, err error) {
	id, value, ok := strings.Cut(arg, "=")
	id = strings.TrimSpace(id)
	switch {
	case !ok:
		return "", "", fmt.Errorf("expected ID=VALUE, got %q", arg)
	case id == "":
		return "", "", fmt.Errorf("empty question ID in %q (expected ID=VALUE)", arg)
	case strings.ContainsAny(id, " \t\n"):
		return "", "", fmt.Errorf("question ID %q contains white space", id)
	}
	return id, value, nil
}
