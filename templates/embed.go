// Package templates holds the brief templates integ renders, embedded in the
// binary: Markdown (text/template) and a self-contained web page
// (html/template). `integ brief --template FILE` replaces one with a user's
// own, rendered against the same view model.
package templates

import _ "embed" // for go:embed

// BriefName is the embedded Markdown brief template's file name.
const BriefName = "brief.md.tmpl"

// BriefHTMLName is the embedded HTML brief template's file name.
const BriefHTMLName = "brief.html.tmpl"

//go:embed brief.md.tmpl
var brief string

//go:embed brief.html.tmpl
var briefHTML string

// Brief returns the embedded Markdown brief template's text.
func Brief() string { return brief }

// BriefHTML returns the embedded HTML brief template's text.
func BriefHTML() string { return briefHTML }
