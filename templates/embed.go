// Package templates holds the Markdown templates integ renders, embedded in
// the binary. `integ brief --template FILE` replaces one with a user's own,
// rendered against the same view model.
package templates

import "embed"

//go:embed *.tmpl
var files embed.FS

// BriefName is the embedded brief template's file name.
const BriefName = "brief.md.tmpl"

// Brief returns the embedded brief template's text.
func Brief() string {
	data, err := files.ReadFile(BriefName)
	if err != nil {
		panic("templates: " + BriefName + " is not embedded: " + err.Error())
	}
	return string(data)
}
