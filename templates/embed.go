// Package templates holds the Markdown templates integ renders, embedded in
// the binary. `integ brief --template FILE` replaces one with a user's own,
// rendered against the same view model.
package templates

import _ "embed" // for go:embed

// BriefName is the embedded brief template's file name.
const BriefName = "brief.md.tmpl"

//go:embed brief.md.tmpl
var brief string

// Brief returns the embedded brief template's text.
func Brief() string { return brief }
