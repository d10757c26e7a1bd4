package output

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/orgnet/orgnet/ensemble"
	"github.com/orgnet/orgnet/i18n"
	"github.com/orgnet/orgnet/scenarios"
	"github.com/orgnet/orgnet/sim"
)

func testRun(t *testing.T, lang i18n.Lang) *Run {
	t.Helper()
	cfg, err := scenarios.Preset("bossche-bond")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Run.Years, cfg.Run.Replications, cfg.Run.Seed = 4, 2, 5
	res, err := ensemble.Run(context.Background(), cfg, 5, 2, ensemble.Options{SnapshotTicks: []int{104}})
	if err != nil {
		t.Fatal(err)
	}
	return &Run{Result: res, Version: "test", Command: []string{"orgnet", "run"}, Start: time.Unix(0, 0), End: time.Unix(10, 0), Lang: lang, SnapshotYears: []float64{2}}
}

func TestWriteFolder(t *testing.T) {
	for _, lang := range i18n.Langs() {
		t.Run(string(lang), func(t *testing.T) {
			r := testRun(t, lang)
			dir := filepath.Join(t.TempDir(), "run")
			if err := Write(dir, r, false); err != nil {
				t.Fatal(err)
			}
			m, err := ReadManifest(filepath.Join(dir, "manifest.json"))
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range m.Files {
				if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
					t.Errorf("manifest lists %s: %v", f, err)
				}
			}
			if !strings.Contains(strings.Join(m.Files, " "), "network_y2.png") {
				t.Errorf("no snapshot picture for year 2: %v", m.Files)
			}
			cfg, err := m.Config("manifest.json")
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(cfg, r.Result.Config) {
				t.Error("manifest scenario differs from the run's config")
			}
			if m.Seed != 5 || !reflect.DeepEqual(m.Seeds, ensemble.Seeds(5, 2)) {
				t.Errorf("seeds %d %v", m.Seed, m.Seeds)
			}

			html, err := os.ReadFile(filepath.Join(dir, "report.html"))
			if err != nil {
				t.Fatal(err)
			}
			checkSelfContained(t, html)
			for _, want := range []string{
				`<html lang="` + string(lang) + `">`,
				i18n.T(lang, "report.question"), map[i18n.Lang]string{i18n.EN: "Can a city-wide network", i18n.NL: "Kan een stadsbreed netwerk"}[lang],
				map[i18n.Lang]string{i18n.EN: "a city network of 16 partners", i18n.NL: "een stedelijk netwerk van 16 partners"}[lang],
				i18n.T(lang, "report.settings"), "fund.enabled",
				i18n.T(lang, "report.events"), map[i18n.Lang]string{i18n.EN: "17th partner joins", i18n.NL: "17e partner sluit aan"}[lang],
				i18n.T(lang, "report.answer"), i18n.T(lang, "report.details"),
				i18n.T(lang, "report.reading"), i18n.Metric(lang, "orientation_professional"),
			} {
				if !bytes.Contains(html, []byte(want)) {
					t.Errorf("report lacks %q", want)
				}
			}
			if lang == i18n.NL && bytes.Contains(html, []byte("Can a city-wide network")) {
				t.Error("Dutch report shows the English question")
			}
			// The standard plots, two person-level network pictures and the
			// partners' picture.
			if n := bytes.Count(html, []byte("<svg")); n != len(StandardPlots)+3 {
				t.Errorf("report inlines %d figures, want %d", n, len(StandardPlots)+3)
			}
			if !strings.Contains(strings.Join(m.Files, " "), "network_orgs.svg") {
				t.Errorf("no picture of the partners: %v", m.Files)
			}
			// The first page: question, answer and the main plots come before
			// the details.
			details := bytes.Index(html, []byte(i18n.T(lang, "report.details")))
			if first := bytes.Count(html[:details], []byte("<svg")); first != mainFigures {
				t.Errorf("%d plots before the details, want %d", first, mainFigures)
			}
			if lang == i18n.NL {
				// Decimal commas in text for people.
				if regexp.MustCompile(`<li>[^<]*\d\.\d`).Match(html) {
					t.Error("the Dutch reading has a decimal point")
				}
				// Event types, switches and choices in Dutch words.
				for _, en := range []string{"<td>join</td>", "<td>true</td>", "<td>false</td>", "<td>nao</td>", "<td>shared</td>"} {
					if bytes.Contains(html, []byte(en)) {
						t.Errorf("the Dutch report holds %s", en)
					}
				}
				if !bytes.Contains(html, []byte("<td>toetreding</td>")) {
					t.Error("the Dutch report does not name the join event's type in Dutch")
				}
			}
		})
	}
}

// checkSelfContained fails if the page refers to anything outside itself.
func checkSelfContained(t *testing.T, html []byte) {
	t.Helper()
	for _, re := range []string{`https?://`, `(?i)<script[^>]+src=`, `(?i)<link[^>]+href=`, `url\(`} {
		if loc := regexp.MustCompile(re).FindIndex(html); loc != nil {
			t.Errorf("report refers outside itself: %q", html[max(0, loc[0]-40):min(len(html), loc[1]+40)])
		}
	}
	for _, m := range regexp.MustCompile(`(?i)src="([^"]*)"`).FindAllSubmatch(html, -1) {
		if !bytes.HasPrefix(m[1], []byte("data:")) {
			t.Errorf("report refers to %s", m[1])
		}
	}
}

func TestFolderRules(t *testing.T) {
	base := t.TempDir()
	target := filepath.Join(base, "out")
	os.Mkdir(target, 0o755)
	os.WriteFile(filepath.Join(target, "x"), []byte("x"), 0o644)
	os.WriteFile(filepath.Join(target, "manifest.json"), []byte(`{"orgnet_version": "test"}`), 0o644)
	if _, err := Begin(target, false); !errors.Is(err, ErrExists) {
		t.Fatalf("non-empty target: %v", err)
	}
	f, err := Begin(target, true)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(f.Dir(), "new"), []byte("n"), 0o644)
	if err := f.Commit(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(target, "new")); err != nil {
		t.Error("commit did not put the new folder in place")
	}
	if _, err := os.Stat(filepath.Join(target, "x")); !os.IsNotExist(err) {
		t.Error("forced commit kept old files")
	}
	// Abort leaves nothing.
	f, err = Begin(filepath.Join(base, "aborted"), false)
	if err != nil {
		t.Fatal(err)
	}
	f.Abort()
	entries, _ := os.ReadDir(base)
	if len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
	// A file as parent cannot be written.
	file := filepath.Join(base, "file")
	os.WriteFile(file, nil, 0o644)
	if _, err := Begin(filepath.Join(file, "sub"), false); !errors.Is(err, ErrUnwritable) {
		t.Errorf("file as parent: %v", err)
	}
	if _, err := Begin(file, true); !errors.Is(err, ErrExists) {
		t.Errorf("a file as target: %v", err)
	}
}

func TestTables(t *testing.T) {
	var row [sim.NumMetrics]float64
	row[sim.MTick], row[sim.MYear], row[sim.MTrust] = 52, 1, 0.25
	reps := []ensemble.Replication{
		{Index: 0, Rows: [][sim.NumMetrics]float64{row}, Events: []sim.EventRecord{{Tick: 52, Year: 1, Type: "crisis", Label: "a, \"quoted\" label"}}},
		{Index: 1, Rows: [][sim.NumMetrics]float64{row}},
	}
	var ts bytes.Buffer
	if err := WriteTimeseries(&ts, reps); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(ts.String()), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[1], "0,52,1,0,0,0,0.25,") || !strings.HasPrefix(lines[2], "1,52,") {
		t.Errorf("timeseries:\n%s", ts.String())
	}
	sum, _ := ensemble.Summarise(reps)
	var sb bytes.Buffer
	if err := WriteSummary(&sb, sum); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(sb.String(), "\ntrust,52,1,0.25,0.25,0.25\n") || strings.Contains(sb.String(), "\ntick,") {
		t.Errorf("summary:\n%s", sb.String())
	}
	var eb bytes.Buffer
	if err := WriteEvents(&eb, reps); err != nil {
		t.Fatal(err)
	}
	if want := "rep,tick,year,type,label\n0,52,1,crisis,\"a, \"\"quoted\"\" label\"\n"; eb.String() != want {
		t.Errorf("events %q, want %q", eb.String(), want)
	}
}

func TestReading(t *testing.T) {
	r := testRun(t, i18n.EN)
	sum, _ := r.Result.Summary()
	for _, lang := range i18n.Langs() {
		lines := Reading(sum, lang)
		text := strings.Join(lines, " ")
		if len(lines) < 5 || !strings.Contains(text, i18n.Metric(lang, "orientation_manager")) {
			t.Errorf("%s reading: %q", lang, lines)
		}
		if strings.Contains(text, "%!") {
			t.Errorf("%s reading has a formatting error: %q", lang, text)
		}
	}
}

func TestParseManifestErrors(t *testing.T) {
	var se *scenarios.Error
	for _, data := range []string{"{", `{"scenario": ""}`, `{"manifest_format": 99, "scenario": "x"}`} {
		if _, err := ParseManifest("m.json", []byte(data)); !errors.As(err, &se) {
			t.Errorf("%q: %v", data, err)
		}
	}
}

// --force never replaces a folder of a user's files: only an empty folder or
// one orgnet wrote.
func TestForceKeepsUsersFiles(t *testing.T) {
	base := t.TempDir()
	target := filepath.Join(base, "thesis")
	os.MkdirAll(filepath.Join(target, "sub"), 0o755)
	os.WriteFile(filepath.Join(target, "thesis.tex"), []byte("\\begin{document}"), 0o644)
	os.WriteFile(filepath.Join(target, "sub", "data.csv"), []byte("a,b"), 0o644)
	// A manifest.json of another tool does not make it orgnet's.
	os.WriteFile(filepath.Join(target, "manifest.json"), []byte(`{"name": "my web app"}`), 0o644)
	_, err := Begin(target, true)
	if !errors.Is(err, ErrExists) {
		t.Fatalf("Begin(force) on a user's folder = %v, want ErrExists", err)
	}
	for _, want := range []string{"thesis.tex", "sub/", "not results of orgnet"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("message %q does not name %q", err, want)
		}
	}
	for _, f := range []string{"thesis.tex", "sub/data.csv", "manifest.json"} {
		if _, err := os.Stat(filepath.Join(target, f)); err != nil {
			t.Errorf("%s is gone: %v", f, err)
		}
	}
	if entries, _ := os.ReadDir(base); len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
	// An empty folder and a sweep folder may be replaced.
	empty := filepath.Join(base, "empty")
	os.Mkdir(empty, 0o755)
	sweep := filepath.Join(base, "sweep")
	os.Mkdir(sweep, 0o755)
	os.WriteFile(filepath.Join(sweep, "sweep.json"), []byte(`{"orgnet_version": "v1", "hash": "ab"}`), 0o644)
	for _, dir := range []string{empty, sweep} {
		f, err := Begin(dir, true)
		if err != nil {
			t.Fatalf("%s: %v", dir, err)
		}
		if err := f.Commit(); err != nil {
			t.Fatal(err)
		}
	}
}

// A target that is a symbolic link to a folder keeps its link: the folder
// it points to receives the results.
func TestSymlinkTargetFollowed(t *testing.T) {
	base := t.TempDir()
	real := filepath.Join(base, "real")
	os.Mkdir(real, 0o755)
	link := filepath.Join(base, "link")
	if err := os.Symlink(real, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	f, err := Begin(link, false)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(f.Dir(), "report.html"), []byte("r"), 0o644)
	if err := f.Commit(); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link was replaced: %v %v", fi, err)
	}
	if _, err := os.Stat(filepath.Join(real, "report.html")); err != nil {
		t.Errorf("results not in the link's folder: %v", err)
	}
	if f.Target() != link {
		t.Errorf("Target() = %q, want the name given, %q", f.Target(), link)
	}
}

// A killed run's temporary folder is removed by the next run into the same
// place; other hidden folders and a live process's folder are kept.
func TestKilledRunTempsCleaned(t *testing.T) {
	base := t.TempDir()
	target := filepath.Join(base, "out")
	dead := filepath.Join(base, ".out.tmp-999999999-12345")
	live := filepath.Join(base, fmt.Sprintf(".out.tmp-%d-777", os.Getpid()))
	mine := filepath.Join(base, ".out.tmp-notes")
	other := filepath.Join(base, ".other.tmp-999999999-1")
	for _, d := range []string{dead, live, mine, other} {
		os.Mkdir(d, 0o755)
	}
	f, err := Begin(target, false)
	if err != nil {
		t.Fatal(err)
	}
	f.Abort()
	if _, err := os.Stat(dead); !os.IsNotExist(err) {
		t.Errorf("the killed run's folder is still there: %v", err)
	}
	for _, d := range []string{live, mine, other} {
		if _, err := os.Stat(d); err != nil {
			t.Errorf("%s was removed", d)
		}
	}
}

func TestSafeName(t *testing.T) {
	for in, want := range map[string]string{"../../escaped": "escaped", "cimot": "cimot", "a/b": "a-b", "": "run", "..": "run", "Mijn scenario": "Mijn-scenario", ".hidden": "hidden"} {
		if got := SafeName(in); got != want {
			t.Errorf("SafeName(%q) = %q, want %q", in, got, want)
		}
	}
}
