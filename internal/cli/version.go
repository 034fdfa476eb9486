package cli

import "runtime/debug"

// version is set at build time: go build -ldflags "-X github.com/integ-dev/integ/internal/cli.version=v1.0.0".
// It is the one package-level variable here, because -ldflags can only set those.
var version = ""

// versionString is the -ldflags version, else what the Go toolchain recorded
// (a module version for `go install …@v1.0.0`, a VCS revision for a checkout).
func versionString() string {
	if version != "" {
		return version
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown"
	}
	v := info.Main.Version
	var rev, modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				modified = ", modified"
			}
		}
	}
	if rev != "" {
		if len(rev) > 12 {
			rev = rev[:12]
		}
		v += " (" + rev + modified + ")"
	}
	return v
}
