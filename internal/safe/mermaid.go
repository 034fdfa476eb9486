package safe

import "strings"

// Mermaid makes user text safe inside a quoted Mermaid label ("…"). Quotes,
// HTML and backticks (which could close the Markdown fence around the
// diagram) become Mermaid's #code; entities; % and # too, so that a name
// holding %%{init: …}%% is no directive and #quot; in a name stays literal.
// Line breaks become spaces; other hidden characters visible escapes.
func Mermaid(s string) string {
	s = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(s)
	return mermaidEscaper.Replace(visible(s, "\t"))
}

// mermaidEscaper is built once: a Replacer's lookup table is about 100 KB,
// which per label was a tenth of everything integ brief allocated.
var mermaidEscaper = strings.NewReplacer(
	`"`, "#quot;", "<", "#lt;", ">", "#gt;", "&", "#amp;",
	"`", "#96;", "%", "#37;", "#", "#35;", `\`, "#92;",
)
