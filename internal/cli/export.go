package cli

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/integ-dev/integ/internal/brief"
	"github.com/integ-dev/integ/internal/fsutil"
	"github.com/integ-dev/integ/internal/safe"
	"github.com/integ-dev/integ/internal/spec"
)

type exportOptions struct {
	*globalOptions
	dir   string
	force bool
}

func newExportCmd(g *globalOptions) *cobra.Command {
	opts := &exportOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "export --dir DIR",
		Short: "Write the hand-off bundle (spec, brief in Markdown, HTML and JSON) into a folder",
		Long: `Write everything an integrator needs into one folder: integration-spec.yaml (the commented
spec), integration-brief.md, integration-brief.html (one self-contained page that opens offline
in any browser and prints well) and integration-brief.json. The folder is created if needed; existing
files are not overwritten unless --force is given. integration-spec.schema.json is written beside
the spec, whose first line links it, so an editor with the YAML language server (VS Code's YAML
extension, among others) completes question IDs and values and flags wrong ones.`,
		Example: `  integ export --dir handoff/
  integ export --spec clients/acme.yaml --dir clients/acme-handoff --force`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return runExport(opts) },
	}
	cmd.Flags().StringVar(&opts.dir, "dir", "", "folder to write the bundle into (required)")
	cmd.Flags().BoolVar(&opts.force, "force", false, "overwrite files that already exist")
	return cmd
}

func runExport(opts *exportOptions) error {
	if opts.dir == "" {
		return unusable(errors.New("export needs --dir DIR: the folder to write the bundle into"))
	}
	bank, s, err := opts.loadSpec(specMustExist)
	if err != nil {
		return err
	}
	b := brief.Build(bank, s, opts.streams.Now())
	s.Modeline = spec.Modeline(spec.SchemaFile)
	t, err := loadTemplate("")
	if err != nil {
		return err
	}
	ht, err := loadHTMLTemplate("")
	if err != nil {
		return err
	}
	// Each file is rendered as it is written, so that only one is in memory
	// at a time (the largest spec's briefs are 16 MB each).
	bundle := []fsutil.File{
		{Name: "integration-spec.yaml", Write: func(w io.Writer) error { return s.Write(w, bank) }},
		{Name: "integration-brief.md", Write: func(w io.Writer) error { return brief.WriteMarkdown(w, b, t) }},
		{Name: "integration-brief.html", Write: func(w io.Writer) error { return brief.WriteHTML(w, b, ht, brief.PaperAuto) }},
		{Name: "integration-brief.json", Write: func(w io.Writer) error { return brief.WriteJSON(w, b) }},
		{Name: spec.SchemaFile, Write: func(w io.Writer) error {
			data, err := spec.Schema(bank, s.Names(bank))
			if err == nil {
				_, err = w.Write(data)
			}
			return err
		}},
	}
	for _, f := range bundle {
		// Never over the spec itself, even with --force: exporting into the
		// spec's own folder would replace it with its copy.
		if path := filepath.Join(opts.dir, f.Name); sameFile(path, s.Path) {
			return unusable(fmt.Errorf("%s is the spec itself; export into another folder (--dir)", path))
		}
	}
	// All files or none: a refusal or a failure half-way leaves the folder as it was.
	written, err := fsutil.WriteBundle(opts.dir, bundle, opts.force)
	var exists *fsutil.ExistsError
	switch {
	case errors.As(err, &exists):
		return unusable(err)
	case err != nil:
		return err
	}
	for _, path := range written {
		fmt.Fprintf(opts.streams.Err, "Wrote %s\n", safe.Terminal(path))
	}
	return nil
}
