package wizard

import (
	"reflect"

	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/lipgloss"
)

// newTheme returns huh's theme with every style bound to r, so that the
// wizard takes its colours from its own output and never from, or into,
// lipgloss's global renderer.
func newTheme(r *lipgloss.Renderer, plain bool) *huh.Theme {
	t := huh.ThemeCharm()
	if plain {
		t = huh.ThemeBase()
	}
	bindStyles(reflect.ValueOf(t).Elem(), r)
	return t
}

var styleType = reflect.TypeOf(lipgloss.Style{})

// bindStyles rebinds every lipgloss.Style reachable through v's exported
// fields to r.
func bindStyles(v reflect.Value, r *lipgloss.Renderer) {
	if v.Kind() != reflect.Struct {
		return
	}
	if v.Type() == styleType {
		v.Set(reflect.ValueOf(v.Interface().(lipgloss.Style).Renderer(r)))
		return
	}
	for i := 0; i < v.NumField(); i++ {
		if f := v.Field(i); f.CanSet() {
			bindStyles(f, r)
		}
	}
}

// styles are the wizard's own few styles, bound to its renderer.
type styles struct {
	title, dim, flash lipgloss.Style
}

func newStyles(r *lipgloss.Renderer) styles {
	return styles{
		title: r.NewStyle().Bold(true).Foreground(lipgloss.Color("99")),
		dim:   r.NewStyle().Foreground(lipgloss.Color("243")),
		flash: r.NewStyle().Foreground(lipgloss.Color("214")),
	}
}
