package main

import (
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
)

// version is orgnet's version. Release builds set it with
//
//	go build -ldflags "-X main.version=v1.2.3" ./cmd/orgnet
//
// Otherwise versionString derives it from the build information.
var version = ""

func init() {
	register(command{name: "version", summary: "print orgnet's version, Go version and platform", run: runVersion})
}

// versionString returns the version: the -ldflags value, else the module
// version, else the VCS revision of the build (with "+modified" for a dirty
// tree), else "dev".
func versionString() string {
	if version != "" {
		return version
	}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "dev"
	}
	if v := bi.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	var rev, dirty string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				dirty = "+modified"
			}
		}
	}
	if rev == "" {
		return "dev"
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	return "dev-" + rev + dirty
}

func runVersion(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("version", "Usage: orgnet version\n\nPrints orgnet's version, the Go version it was built with and the platform.\n", stdout)
	if _, err := parseArgs(fs, args, 0, 0); err != nil {
		return helpOK(err)
	}
	fmt.Fprintf(stdout, "orgnet %s (%s %s/%s)\n", versionString(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
	return nil
}
