package cli

import (
	"fmt"
	"strings"

	"github.com/integ-dev/integ/checklist"
	"github.com/integ-dev/integ/internal/spec"
)

// parseAssignment splits "ID=VALUE" as given to `integ set`, where ID may
// name one sales channel's answer as ID@CHANNEL (spec.Key). The value may
// itself contain "=" (notes often do); the ID may not be empty.
func parseAssignment(arg string) (id, value string, err error) {
	id, value, ok := strings.Cut(arg, "=")
	id = strings.TrimSpace(id)
	question, channel := spec.SplitKey(id)
	switch {
	case ok && strings.Contains(id, checklist.ChannelSep) && (question == "" || channel == ""):
		return "", "", fmt.Errorf("%q: write one channel's answer as ID%sCHANNEL=VALUE (e.g. customers.match-key%sweb-b2b=customer-number)", arg, checklist.ChannelSep, checklist.ChannelSep)
	case !ok:
		return "", "", fmt.Errorf("expected ID=VALUE, got %q", arg)
	case id == "":
		return "", "", fmt.Errorf("empty question ID in %q (expected ID=VALUE)", arg)
	case strings.ContainsAny(id, " \t\n"):
		return "", "", fmt.Errorf("question ID %q contains white space", id)
	}
	return id, value, nil
}
