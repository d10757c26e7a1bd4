package sim

import (
	"fmt"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// ParamError reports a parameter or event with a value that is not allowed.
// Path is the dotted TOML path ("forces.manager.loss_of_control",
// "events[2].level"); callers that know the file add its name and line.
type ParamError struct {
	Path    string
	Problem string // What is wrong and what is allowed.
}

func (e *ParamError) Error() string { return e.Path + ": " + e.Problem }

// Defaults returns a Config with every parameter at its registry default and
// no events.
func Defaults() *Config {
	c := &Config{}
	for _, p := range registry {
		v := field(c, p.Path)
		switch p.Kind {
		case Float:
			v.SetFloat(p.Default)
		case Int:
			v.SetInt(int64(p.Default))
		case Bool:
			v.SetBool(p.Default != 0)
		case Choice:
			v.SetString(p.Choices[int(p.Default)])
		}
	}
	return c
}

// Clone returns a deep copy of c.
func (c *Config) Clone() *Config {
	d := *c
	d.Events = slices.Clone(c.Events)
	return &d
}

// Ticks is the number of weekly ticks of a run.
func (c *Config) Ticks() int { return int(math.Round(c.Run.Years * WeeksPerYear)) }

// WeeksPerYear converts years to ticks.
const WeeksPerYear = 52

// Number returns a parameter's value as a float64 (booleans 0/1, choices their index).
func (c *Config) Number(path string) (float64, error) {
	p, ok := Lookup(path)
	if !ok {
		return 0, unknownParam(path)
	}
	v := field(c, path)
	switch p.Kind {
	case Float:
		return v.Float(), nil
	case Int:
		return float64(v.Int()), nil
	case Bool:
		if v.Bool() {
			return 1, nil
		}
		return 0, nil
	default:
		return float64(slices.Index(p.Choices, v.String())), nil
	}
}

// Format returns a parameter's value as it is written in a scenario file.
func (c *Config) Format(path string) (string, error) {
	p, ok := Lookup(path)
	if !ok {
		return "", unknownParam(path)
	}
	v := field(c, path)
	switch p.Kind {
	case Float:
		return strconv.FormatFloat(v.Float(), 'g', -1, 64), nil
	case Int:
		return strconv.FormatInt(v.Int(), 10), nil
	case Bool:
		return strconv.FormatBool(v.Bool()), nil
	default:
		return v.String(), nil
	}
}

// Set sets a parameter from its text form, as in `--set path=value`, and
// checks it against the registry's kind and range.
func (c *Config) Set(path, text string) error {
	p, ok := Lookup(path)
	if !ok {
		return unknownParam(path)
	}
	v := field(c, path)
	text = strings.TrimSpace(text)
	switch p.Kind {
	case Float:
		x, err := strconv.ParseFloat(text, 64)
		if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
			return &ParamError{path, fmt.Sprintf("%q is not a number; allowed: %s", text, allowed(p))}
		}
		v.SetFloat(x)
	case Int:
		x, err := strconv.ParseInt(text, 10, 64)
		if err != nil {
			return &ParamError{path, fmt.Sprintf("%q is not an integer; allowed: %s", text, allowed(p))}
		}
		v.SetInt(x)
	case Bool:
		x, err := strconv.ParseBool(text)
		if err != nil {
			return &ParamError{path, fmt.Sprintf("%q is not a boolean; allowed: true or false", text)}
		}
		v.SetBool(x)
	case Choice:
		v.SetString(strings.Trim(text, `"'`))
	}
	return checkParam(c, p)
}

// SetValue sets a parameter from a float64 (booleans: nonzero is true;
// choices: the index), as sweeps do, and checks it.
func (c *Config) SetValue(path string, x float64) error {
	p, ok := Lookup(path)
	if !ok {
		return unknownParam(path)
	}
	v := field(c, path)
	switch p.Kind {
	case Float:
		v.SetFloat(x)
	case Int:
		v.SetInt(int64(math.Round(x)))
	case Bool:
		v.SetBool(x != 0)
	case Choice:
		i := int(math.Round(x))
		if i < 0 || i >= len(p.Choices) {
			return &ParamError{path, fmt.Sprintf("choice index %v out of range; allowed: %s", x, allowed(p))}
		}
		v.SetString(p.Choices[i])
	}
	return checkParam(c, p)
}

// Validate checks every parameter against its range, every event against
// its type, and the configuration as a whole: at least one partner and one
// professional, every event with one time within the run, no NaN or
// infinity anywhere. It returns the first problem as a *ParamError. Every
// entry point (scenario files, --set, sweeps, the web page) calls it, and
// New refuses a configuration it refuses.
func (c *Config) Validate() error {
	for _, p := range registry {
		if err := checkParam(c, p); err != nil {
			return err
		}
	}
	if p := &c.Cases.Prevalence; p.Housing+p.Care+p.Welfare+p.Income+p.Debts+p.Education+p.Safety <= 0 {
		return &ParamError{"cases.prevalence", "every domain's prevalence is 0; allowed: numbers from 0 to 1, at least one above 0"}
	}
	for i := range c.Events {
		if err := c.Events[i].finite(i); err != nil {
			return err
		}
		if err := c.Events[i].validate(i); err != nil {
			return err
		}
	}
	return c.validateWhole()
}

func checkParam(c *Config, p Param) error {
	v := field(c, p.Path)
	switch p.Kind {
	case Float:
		x := v.Float()
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return &ParamError{p.Path, fmt.Sprintf("%v is not a number; allowed: %s", x, allowed(p))}
		}
		if x < p.Min || x > p.Max {
			return &ParamError{p.Path, fmt.Sprintf("%s is out of range; allowed: %s", strconv.FormatFloat(x, 'g', -1, 64), allowed(p))}
		}
	case Int:
		x := float64(v.Int())
		if x < p.Min || x > p.Max {
			return &ParamError{p.Path, fmt.Sprintf("%d is out of range; allowed: %s", v.Int(), allowed(p))}
		}
	case Choice:
		if !slices.Contains(p.Choices, v.String()) {
			return &ParamError{p.Path, fmt.Sprintf("%q is not a choice; allowed: %s", v.String(), allowed(p))}
		}
	}
	return nil
}

// Allowed describes a parameter's allowed values in words.
func (p Param) Allowed() string { return allowed(p) }

func allowed(p Param) string {
	switch p.Kind {
	case Choice:
		return strings.Join(p.Choices, ", ")
	case Bool:
		return "true or false"
	case Int:
		return fmt.Sprintf("an integer from %s to %s", formatBound(p.Min), formatBound(p.Max))
	}
	unit := ""
	if p.Unit != "" && p.Unit != "1" {
		unit = " " + p.Unit
	}
	return fmt.Sprintf("a number from %s to %s%s", formatBound(p.Min), formatBound(p.Max), unit)
}

func unknownParam(path string) error {
	near := ""
	if i := strings.LastIndex(path, "."); i > 0 {
		var names []string
		prefix := path[:i+1]
		for _, p := range registry {
			if strings.HasPrefix(p.Path, prefix) {
				names = append(names, strings.TrimPrefix(p.Path, prefix))
			}
		}
		if len(names) > 0 {
			near = "; keys under " + strings.TrimSuffix(prefix, ".") + ": " + strings.Join(names, ", ")
		}
	}
	if best, d := closestParam(path); d <= 2 {
		return &ParamError{path, "unknown parameter; did you mean " + best + "?" + near}
	}
	return &ParamError{path, "unknown parameter" + near + " (orgnet params lists them all)"}
}

// closestParam returns the registry path nearest to path in edit distance.
func closestParam(path string) (string, int) {
	best, bestD := "", 1<<30
	for _, p := range registry {
		if d := editDistance(path, p.Path); d < bestD {
			best, bestD = p.Path, d
		}
	}
	return best, bestD
}

// editDistance is the Levenshtein distance between a and b.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// field returns the settable Config field of a dotted path, following toml tags.
// It panics on a path that is not in the Config: registry paths are checked by
// a test.
func field(c *Config, path string) reflect.Value {
	return reflect.ValueOf(c).Elem().FieldByIndex(fieldIndex(path))
}

// fieldIndexes caches the index sequence of each path's field: every run
// validates every parameter, and finding a field by its tag is slow.
var fieldIndexes sync.Map // path -> []int

// fieldIndex returns the index sequence (reflect.Value.FieldByIndex) of the
// Config field with the dotted TOML path.
func fieldIndex(path string) []int {
	if idx, ok := fieldIndexes.Load(path); ok {
		return idx.([]int)
	}
	t := reflect.TypeFor[Config]()
	var idx []int
	for _, name := range strings.Split(path, ".") {
		found := false
		for i := 0; i < t.NumField(); i++ {
			if t.Field(i).Tag.Get("toml") == name {
				idx = append(idx, i)
				t = t.Field(i).Type
				found = true
				break
			}
		}
		if !found {
			panic("sim: no config field for " + path)
		}
	}
	fieldIndexes.Store(path, idx)
	return idx
}

func kindOf(path string) Kind {
	switch field(&Config{}, path).Kind() {
	case reflect.Float64:
		return Float
	case reflect.Int:
		return Int
	case reflect.Bool:
		return Bool
	case reflect.String:
		return Choice
	}
	panic("sim: unsupported field kind for " + path)
}
