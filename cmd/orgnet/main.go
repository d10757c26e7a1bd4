// Command orgnet simulates organisation networks: organisations, their
// executives, middle managers and professionals, pulled between their own
// organisation and the network they share. See README.md.
//
// Each subcommand lives in a file of its own and registers itself here.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// command is one subcommand of orgnet.
type command struct {
	name    string
	summary string                                              // One line for `orgnet help`.
	run     func(args []string, stdout, stderr io.Writer) error // Parses its own flags.
}

var commands = map[string]command{}

func register(c command) { commands[c.name] = c }

// usageError marks bad input: the message is printed and orgnet exits with status 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return &usageError{fmt.Sprintf(format, args...)} }

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run executes orgnet with args and returns the exit status: 0 on success,
// 2 on bad input (and without a command), 1 on any other failure.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		printHelp(stderr)
		return 2
	}
	if args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		printHelp(stdout)
		return 0
	}
	c, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "orgnet: unknown command %q; commands: %s\n", args[0], strings.Join(commandNames(), ", "))
		return 2
	}
	err := c.run(args[1:], stdout, stderr)
	if err == nil {
		return 0
	}
	var st exitStatus
	if errors.As(err, &st) {
		return int(st)
	}
	fmt.Fprintf(stderr, "orgnet %s: %v\n", c.name, err)
	var ue *usageError
	if errors.As(err, &ue) || isInputError(err) {
		return 2
	}
	return 1
}

// inputErrors lists predicates that classify an error as bad input (exit 2);
// packages' error types are added by the files that use them.
var inputErrors []func(error) bool

func isInputError(err error) bool {
	for _, f := range inputErrors {
		if f(err) {
			return true
		}
	}
	return false
}

func commandNames() []string {
	var names []string
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func printHelp(w io.Writer) {
	fmt.Fprintln(w, "orgnet: agent-based simulation of organisation networks")
	fmt.Fprintln(w, "\nUsage: orgnet COMMAND [flags]   (orgnet COMMAND --help for its flags)")
	fmt.Fprintln(w, "\nCommands:")
	for _, n := range commandNames() {
		fmt.Fprintf(w, "  %-10s %s\n", n, commands[n].summary)
	}
}
