package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"sync"
)

// errHelp is returned by parseArgs after printing help: the command then
// succeeds without doing anything.
var errHelp = errors.New("help shown")

// newFlagSet returns a flag set that prints usage (the text, then the
// flags) to w on --help and prints nothing on errors: parseArgs turns those
// into one line.
func newFlagSet(name, usage string, w io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {} // The flag package calls it on errors too; help is shown by parseArgs.
	helpTexts.Store(fs, func() {
		fmt.Fprint(w, usage)
		var any bool
		fs.VisitAll(func(*flag.Flag) { any = true })
		if any {
			fmt.Fprintln(w, "\nFlags:")
			fs.SetOutput(w)
			fs.PrintDefaults()
			fs.SetOutput(io.Discard)
		}
	})
	return fs
}

// helpTexts holds the --help printer of each flag set made by newFlagSet.
var helpTexts sync.Map // *flag.FlagSet → func()

// parseArgs parses flags that may stand before or after the positional
// arguments, and checks there are between lo and hi positional arguments
// (hi < 0: any number). Bad flags give a usage error naming the flag.
func parseArgs(fs *flag.FlagSet, args []string, lo, hi int) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				if h, ok := helpTexts.LoadAndDelete(fs); ok {
					h.(func())()
				}
				return nil, errHelp
			}
			return nil, usagef("%v (orgnet %s --help lists the flags)", err, fs.Name())
		}
		rest := fs.Args()
		if len(rest) == 0 {
			break
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
	switch {
	case len(pos) < lo:
		return nil, usagef("too few arguments (orgnet %s --help shows the usage)", fs.Name())
	case hi >= 0 && len(pos) > hi:
		extra := pos[hi:]
		return nil, usagef("unexpected argument %q (orgnet %s --help shows the usage)", strings.Join(extra, " "), fs.Name())
	}
	return pos, nil
}

// multiFlag collects a repeatable string flag.
type multiFlag []string

func (m *multiFlag) String() string { return strings.Join(*m, " ") }

// Set implements flag.Value.
func (m *multiFlag) Set(s string) error {
	*m = append(*m, s)
	return nil
}

// helpOK turns errHelp into success and passes other errors on.
func helpOK(err error) error {
	if errors.Is(err, errHelp) {
		return nil
	}
	return err
}
