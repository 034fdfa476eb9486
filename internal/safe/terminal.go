package safe

// Terminal makes user text safe to print to a terminal. Escape sequences
// never reach it (no window title changed, no clipboard written, no cursor
// moved); control and bidi-override characters are shown as visible escapes;
// newlines and tabs stay. Wrap the result, style it, but sanitise first:
// integ's own styles are the only escape sequences it prints.
func Terminal(s string) string { return visible(unixLines(s), "\n\t") }
