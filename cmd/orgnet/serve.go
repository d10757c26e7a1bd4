package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"runtime"
	"strings"
	"syscall"
	"time"

	"github.com/orgnet/orgnet/calibrate"
	"github.com/orgnet/orgnet/web"
)

func init() {
	register(command{name: "serve", summary: "open the explorer: a local web page to run, compare and download scenarios", run: runServe})
}

// serveSignals is the context serve stops on; tests replace it.
var serveSignals = func() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
}

func runServe(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	def := web.DefaultOptions()
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on (host:port); the default is reachable from this computer only")
	open := fs.Bool("open", false, "open the page in the default browser")
	results := fs.String("results", def.ResultsDir, "folder that saved run folders go into; nothing is written elsewhere")
	maxYears := fs.Float64("max-years", def.MaxYears, "longest run a page may ask for [years]")
	maxPersons := fs.Int("max-persons", def.MaxPersons, "most persons in one run")
	maxRuns := fs.Int("max-runs", def.MaxRunsPerClient, "runs one client may have going at once")
	maxAll := fs.Int("max-runs-total", def.MaxRuns, "runs going at once over all clients")
	maxSaved := fs.Int("max-saved", def.MaxSaved, "most run folders in the results folder before saving is refused")
	maxSavedMB := fs.Int("max-saved-mb", int(def.MaxSavedBytes>>20), "most megabytes in the results folder before saving is refused")
	reps := fs.Int("replications", def.Replications, "replications of a live run, for the bands on the page")
	posteriorFile := fs.String("posterior", "", "a calibration's posterior.csv (or its folder) that the dilemma view offers: each pair of replications then draws its parameters from it")
	var allow hostList
	fs.Var(&allow, "allow-host", "a host name besides localhost that the page may be opened by (repeat for more); for serving a room on purpose, with --addr 0.0.0.0:PORT")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: orgnet serve [--addr 127.0.0.1:8080] [--open] [--results DIR]")
		fmt.Fprintln(stderr, "\nServes the explorer, a page to choose a case or scenario, move its sliders, run it and")
		fmt.Fprintln(stderr, "watch the charts, compare two scenarios, and download data, pictures and the scenario file.")
		fmt.Fprintln(stderr, "\nFlags:")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return usagef("%v", err)
	}
	if fs.NArg() > 0 {
		return usagef("unexpected argument %q; serve takes flags only", fs.Arg(0))
	}
	host, _, err := net.SplitHostPort(*addr)
	if err != nil {
		return usagef("--addr %q: %v; want host:port, e.g. 127.0.0.1:8080", *addr, err)
	}
	for _, c := range []struct {
		name string
		ok   bool
	}{{"--max-years", *maxYears > 0}, {"--max-persons", *maxPersons > 0}, {"--max-runs", *maxRuns > 0}, {"--max-runs-total", *maxAll > 0},
		{"--max-saved", *maxSaved > 0}, {"--max-saved-mb", *maxSavedMB > 0}, {"--replications", *reps > 0 && *reps <= 20}} {
		if !c.ok {
			return usagef("%s must be positive (--replications: at most 20)", c.name)
		}
	}
	opts := def
	opts.ResultsDir, opts.MaxYears, opts.MaxPersons, opts.MaxRunsPerClient = *results, *maxYears, *maxPersons, *maxRuns
	opts.MaxRuns, opts.MaxSaved, opts.MaxSavedBytes, opts.Replications = *maxAll, *maxSaved, int64(*maxSavedMB)<<20, *reps
	opts.AllowHosts = allow
	if *posteriorFile != "" {
		if opts.Posterior, err = calibrate.LoadPosterior(*posteriorFile); err != nil {
			return err
		}
	}
	srv, err := web.New(opts)
	if err != nil {
		return err
	}
	defer srv.Close()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("listening on %s: %w", *addr, err)
	}
	url := "http://" + ln.Addr().String() + "/"
	if ip := net.ParseIP(host); host == "" || (ip != nil && ip.IsUnspecified()) {
		// Listening on every interface: the page opens by loopback here.
		_, port, _ := net.SplitHostPort(ln.Addr().String())
		url = "http://127.0.0.1:" + port + "/"
	}
	fmt.Fprintf(stdout, "orgnet explorer: %s\n", url)
	if ip := net.ParseIP(host); host == "" || (ip != nil && !ip.IsLoopback()) {
		fmt.Fprintln(stderr, "orgnet serve: warning: listening beyond this computer; anyone who can reach it can run the model")
		if len(allow) == 0 {
			fmt.Fprintln(stderr, "orgnet serve: other computers must open the page by a name given with --allow-host NAME (this computer's name or address)")
		}
	}
	fmt.Fprintln(stdout, "Press Ctrl+C to stop.")
	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second}
	ctx, stop := serveSignals()
	defer stop()
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	if *open {
		if err := openBrowser(url); err != nil {
			fmt.Fprintf(stderr, "orgnet serve: could not open a browser (%v); open %s yourself\n", err, url)
		}
	}
	select {
	case err := <-errc:
		return fmt.Errorf("serving: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil {
		return fmt.Errorf("stopping: %w", err)
	}
	return nil
}

// openBrowser asks the desktop to open url.
func openBrowser(url string) error {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "darwin":
		cmd = exec.Command("open", url)
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	default:
		cmd = exec.Command("xdg-open", url)
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	go cmd.Wait()
	return nil
}

// hostList collects repeated --allow-host flags.
type hostList []string

func (h *hostList) String() string { return strings.Join(*h, ",") }

func (h *hostList) Set(v string) error {
	v = strings.TrimSpace(v)
	if v == "" || strings.ContainsAny(v, "/ :") && !strings.HasPrefix(v, "[") {
		return fmt.Errorf("%q is not a host name; allowed: a name or address without port, e.g. meeting-room.local or 192.168.1.20", v)
	}
	*h = append(*h, v)
	return nil
}
