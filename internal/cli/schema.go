package cli

import (
	"github.com/spf13/cobra"

	"github.com/integ-dev/integ/internal/safe"
	"github.com/integ-dev/integ/internal/spec"
)

func newSchemaCmd(g *globalOptions) *cobra.Command {
	return &cobra.Command{
		Use:   "schema",
		Short: "Print a JSON Schema of the spec, for editors and validators",
		Long: `Print a JSON Schema (draft-07) of the spec for the question bank in use: every question ID with
its type and allowed values. Point your editor at it for completion and red squiggles while
editing a spec by hand; 'integ export' writes it beside the exported spec and links it.`,
		Example: `  integ schema > integration-spec.schema.json
  # then put this first line in integration-spec.yaml:
  # yaml-language-server: $schema=integration-spec.schema.json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			bank, err := g.loadBank()
			if err != nil {
				return err
			}
			data, err := spec.Schema(bank, g.names(bank))
			if err != nil {
				return err
			}
			_, err = g.streams.Out.Write(safe.JSON(data))
			return err
		},
	}
}
