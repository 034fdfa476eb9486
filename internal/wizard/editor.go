package wizard

import "strings"

// editorCommand finds the editor Ctrl+E opens on a note: $VISUAL, then
// $EDITOR, then nano, vim or vi, whichever is installed; nil when none is.
func editorCommand(getenv func(string) string, lookPath func(string) (string, error)) []string {
	for _, env := range []string{"VISUAL", "EDITOR"} {
		if f := strings.Fields(getenv(env)); len(f) > 0 {
			if _, err := lookPath(f[0]); err == nil {
				return f
			}
		}
	}
	for _, name := range []string{"nano", "vim", "vi"} {
		if path, err := lookPath(name); err == nil {
			return []string{path}
		}
	}
	return nil
}

// noEditor is what Ctrl+E says when there is no editor to open.
const noEditor = "No editor found for Ctrl+E: set EDITOR (for example: export EDITOR=nano), or type the note here."
