// Command integ turns the decisions behind a store ↔ inventory-system
// integration into a YAML spec and a priced Markdown brief.
package main

import (
	"os"

	"github.com/integ-dev/integ/internal/cli"
)

func main() {
	os.Exit(cli.Main())
}
