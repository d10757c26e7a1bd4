// Package scenarios reads and writes orgnet scenario files (TOML) and holds
// the presets: the five cases of the seed and the scenarios built on them,
// embedded in the binary.
//
// A scenario file sets any parameter of the registry (sim.Params) by its
// dotted path, may start from a preset with `base = "name"` in [scenario],
// and lists events as [[events]] tables. Anything unknown, of the wrong type
// or out of range is refused with an *Error naming the file, line and key.
package scenarios

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/orgnet/orgnet/sim"
)

//go:embed presets/*.toml
var presetFS embed.FS

// Cases are the five networks of the seed, in the order of its Deel B.
var Cases = []string{"bossche-bond", "mom", "botu", "proeftuin-ruwaard", "cimot"}

// Scenarios are the what-if presets, each built on a case.
var Scenarios = []string{"sovereignty-loss", "turnover", "scale-up", "rollout", "crisis", "middle-management", "revolving-fund", "governance", "national"}

// Default is the preset `orgnet run` uses without arguments.
const Default = "bossche-bond"

// Names returns all preset names: the cases, then the scenarios.
func Names() []string { return append(slices.Clone(Cases), Scenarios...) }

// Error is a problem in a scenario file.
type Error struct {
	File    string // File name as given ("preset NAME" for an embedded preset).
	Line    int    // 1-based line, 0 if unknown.
	Key     string // Dotted key, if the problem is with one key.
	Problem string // What is wrong and what is allowed.
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	if e.Key != "" {
		fmt.Fprintf(&b, ": %s", e.Key)
	}
	fmt.Fprintf(&b, ": %s", e.Problem)
	return b.String()
}

// Source returns the TOML text of a preset.
func Source(name string) ([]byte, error) {
	if !slices.Contains(Names(), name) {
		return nil, &Error{File: "preset " + name, Problem: "unknown preset; allowed: " + strings.Join(Names(), ", ")}
	}
	return presetFS.ReadFile("presets/" + name + ".toml")
}

// Preset returns the configuration of a preset.
func Preset(name string) (*sim.Config, error) {
	src, err := Source(name)
	if err != nil {
		return nil, err
	}
	return parse("preset "+name, src, 0)
}

// LoadFile reads and checks a scenario file.
func LoadFile(path string) (*sim.Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &Error{File: path, Problem: fmt.Sprintf("cannot read: %v", errors.Unwrap(err))}
	}
	return Parse(path, data)
}

// Load returns a preset by name, or reads a file when ref names one (it ends
// in .toml or contains a path separator).
func Load(ref string) (*sim.Config, error) {
	if strings.HasSuffix(ref, ".toml") || strings.ContainsRune(ref, filepath.Separator) {
		return LoadFile(ref)
	}
	return Preset(ref)
}

// Parse reads scenario text; file names it in errors.
func Parse(file string, data []byte) (*sim.Config, error) { return parse(file, data, 0) }

var tomlErr = regexp.MustCompile(`^toml: line (\d+)(?: \(last key "([^"]*)"\))?: (.*)$`)

func parse(file string, data []byte, depth int) (*sim.Config, error) {
	if depth > 4 {
		return nil, &Error{File: file, Key: "scenario.base", Problem: "presets based on each other too deeply (a cycle?)"}
	}
	var head struct {
		Scenario struct {
			Base string `toml:"base"`
		} `toml:"scenario"`
	}
	if _, err := toml.Decode(string(data), &head); err != nil {
		return nil, fromTOML(file, data, err)
	}
	cfg := sim.Defaults()
	if b := head.Scenario.Base; b != "" {
		src, err := Source(b)
		if err != nil {
			return nil, &Error{File: file, Line: Locate(data, "scenario.base"), Key: "scenario.base", Problem: fmt.Sprintf("unknown preset %q; allowed: %s", b, strings.Join(Names(), ", "))}
		}
		base, err := parse("preset "+b, src, depth+1)
		if err != nil {
			return nil, err
		}
		cfg = base
	}
	baseEvents := cfg.Events
	cfg.Events = nil
	md, err := toml.Decode(string(data), cfg)
	if err != nil {
		return nil, fromTOML(file, data, err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		key := und[0].String()
		return nil, &Error{File: file, Line: Locate(data, key), Key: key, Problem: unknownKey(key)}
	}
	cfg.Events = append(slices.Clone(baseEvents), cfg.Events...)
	if err := cfg.Validate(); err != nil {
		var pe *sim.ParamError
		if errors.As(err, &pe) {
			key := pe.Path
			// Event indices in the file count from after the base's events.
			if i, rest, ok := eventIndex(key); ok {
				if i < len(baseEvents) {
					return nil, &Error{File: file, Key: key, Problem: pe.Problem + fmt.Sprintf(" (in an event of base preset %q)", head.Scenario.Base)}
				}
				key = fmt.Sprintf("events[%d]%s", i-len(baseEvents), rest)
			}
			return nil, &Error{File: file, Line: Locate(data, key), Key: key, Problem: pe.Problem}
		}
		return nil, &Error{File: file, Problem: err.Error()}
	}
	// A base preset's one-off events after the end of a shortened run do not
	// happen; the file's own events must lie within its run.
	own := *cfg
	own.Events = cfg.Events[len(baseEvents):]
	if err := own.CheckEventsInRun(); err != nil {
		var pe *sim.ParamError
		errors.As(err, &pe)
		return nil, &Error{File: file, Line: Locate(data, pe.Path), Key: pe.Path, Problem: pe.Problem}
	}
	base := *cfg
	base.Events = slices.Clone(baseEvents)
	base.TrimEvents()
	cfg.Events = append(base.Events, own.Events...)
	return cfg, nil
}

func eventIndex(key string) (int, string, bool) {
	if !strings.HasPrefix(key, "events[") {
		return 0, "", false
	}
	end := strings.IndexByte(key, ']')
	i, err := strconv.Atoi(key[len("events["):end])
	if err != nil {
		return 0, "", false
	}
	return i, key[end+1:], true
}

// Fail reports a problem at a key of a TOML file: file, line, key and
// what is wrong (with what is allowed).
type Fail func(key, format string, args ...any) error

// DecodeStrict decodes the TOML text data of file into v, refusing a key v
// has no place for; allowed(key) says what is allowed in its place. It
// returns the Fail that the caller reports its own checks with. Sweep and
// calibration files use it.
func DecodeStrict(file string, data []byte, v any, allowed func(key string) string) (Fail, error) {
	md, err := toml.Decode(string(data), v)
	if err != nil {
		return nil, fromTOML(file, data, err)
	}
	fail := func(key, format string, args ...any) error {
		return &Error{File: file, Line: Locate(data, key), Key: key, Problem: fmt.Sprintf(format, args...)}
	}
	if und := md.Undecoded(); len(und) > 0 {
		key := und[0].String()
		return nil, fail(key, "unknown key; allowed: %s", allowed(key))
	}
	return fail, nil
}

// fromTOML turns a TOML decoding error into an *Error with line and key.
func fromTOML(file string, data []byte, err error) error {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		return &Error{File: file, Line: pe.Position.Line, Key: pe.LastKey, Problem: "TOML syntax: " + plainTypes(pe.Message)}
	}
	msg := err.Error()
	if m := tomlErr.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		key, problem := m[2], m[3]
		if t := wrongType.FindStringSubmatch(problem); t != nil {
			problem = "wrong type: " + plainTypes(t[1]) + " given"
			if p, ok := sim.Lookup(key); ok {
				problem += "; allowed: " + p.Allowed()
			} else if ev := eventKey(key); ev != "" {
				problem += "; allowed: " + eventAllowed(ev)
			} else {
				problem += "; allowed: " + plainTypes(t[2])
			}
		} else if t := notTable.FindStringSubmatch(problem); t != nil {
			problem = fmt.Sprintf("[%s] is a table, not a single value (%s given); write its keys under a [%s] line", key, plainTypes(t[1]), key)
		} else {
			problem = plainTypes(problem)
		}
		return &Error{File: file, Line: line, Key: key, Problem: problem}
	}
	return &Error{File: file, Problem: plainTypes(msg)}
}

var (
	wrongType = regexp.MustCompile(`incompatible types: TOML value has type (\S+); destination has type (.+)$`)
	notTable  = regexp.MustCompile(`type mismatch for \S+: expected table but found (\S+)$`)
	goType    = regexp.MustCompile(`\[\]map\[string\]any|map\[string\]any|\[\]any|\bfloat64\b|\bint64\b|\bstring\b|\bbool\b|\binteger\b|\bfloat\b|\bboolean\b|time\.Time|toml\.Local\w+`)
)

// plainTypes replaces the type names of TOML decoding messages by words.
func plainTypes(s string) string {
	return goType.ReplaceAllStringFunc(s, func(t string) string {
		switch t {
		case "float64":
			return "a decimal number"
		case "float":
			return "a number"
		case "int64", "integer":
			return "an integer"
		case "string":
			return "text"
		case "bool", "boolean":
			return "true or false"
		case "map[string]any":
			return "a table"
		case "[]map[string]any", "[]any":
			return "a list"
		}
		return "a date or time"
	})
}

// eventKey returns the field of an events.X key ("" if it is not one).
func eventKey(key string) string {
	if f, ok := strings.CutPrefix(key, "events."); ok {
		return f
	}
	return ""
}

func eventAllowed(field string) string {
	switch field {
	case "type":
		return strings.Join(sim.EventTypeNames(), ", ")
	case "level":
		return strings.Join(sim.LevelNames, ", ")
	case "role":
		return strings.Join(sim.RoleNames, ", ")
	case "kind":
		return strings.Join(sim.KindNames, ", ")
	case "mode":
		return strings.Join(sim.Origins, ", ")
	case "count":
		return "an integer"
	case "label":
		return "text"
	}
	return "a number"
}

func unknownKey(key string) string {
	if strings.HasPrefix(key, "events.") {
		return "unknown event field; allowed: type, year, tick, rate, level, role, kind, count, share, severity, weeks, value, mode, label"
	}
	if strings.HasPrefix(key, "scenario.") {
		return "unknown key; allowed in [scenario]: name, title, question, base"
	}
	var pe *sim.ParamError
	if _, err := sim.Defaults().Number(key); errors.As(err, &pe) {
		return pe.Problem
	}
	return "unknown key"
}

// Locate returns the line of a dotted key ("a.b.c" or "events[2].level") in
// TOML text, or 0. It follows [table] and [[array]] headers (the n-th
// [[name]] table is "name[n]") and dotted keys, and skips multi-line strings.
func Locate(data []byte, key string) int {
	table := ""
	arrays := map[string]int{}
	inMulti := ""
	for n, raw := range bytes.Split(data, []byte("\n")) {
		line := strings.TrimSpace(string(raw))
		if inMulti != "" {
			if strings.Contains(line, inMulti) {
				inMulti = ""
			}
			continue
		}
		if line == "" || line[0] == '#' {
			continue
		}
		if strings.HasPrefix(line, "[[") {
			name := strings.TrimSpace(strings.Trim(strings.SplitN(line, "#", 2)[0], "[] \t"))
			table = fmt.Sprintf("%s[%d]", name, arrays[name])
			arrays[name]++
			if key == table || key == name {
				return n + 1
			}
			continue
		}
		if line[0] == '[' {
			table = strings.TrimSpace(strings.Trim(strings.SplitN(line, "#", 2)[0], "[] \t"))
			if key == table {
				return n + 1
			}
			continue
		}
		eq := strings.IndexByte(line, '=')
		if eq < 0 {
			continue
		}
		k := strings.Trim(strings.TrimSpace(line[:eq]), `"'`)
		full := k
		if table != "" {
			full = table + "." + k
		}
		if full == key || (strings.HasPrefix(key, full+".")) || stripIndex(full) == key {
			return n + 1
		}
		rest := line[eq+1:]
		for _, q := range []string{`"""`, `'''`} {
			if strings.Count(rest, q) == 1 {
				inMulti = q
			}
		}
	}
	return 0
}

// stripIndex turns "events[3].level" into "events.level", the form TOML
// decoding errors use.
func stripIndex(key string) string {
	if i := strings.IndexByte(key, '['); i >= 0 {
		if j := strings.IndexByte(key, ']'); j > i {
			return key[:i] + key[j+1:]
		}
	}
	return key
}
