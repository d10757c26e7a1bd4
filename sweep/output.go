package sweep

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"

	"github.com/orgnet/orgnet/scenarios"
	"github.com/orgnet/orgnet/sim"
	"github.com/parquet-go/parquet-go"
)

// Output file names in a sweep directory.
const (
	RunsCSV           = "runs.csv"
	RunsParquet       = "runs.parquet"
	ManifestName      = "sweep.json"
	TimeseriesParquet = "timeseries.parquet"
)

// Manifest is sweep.json: the resolved sweep, the shard, the orgnet version
// and the timing.
type Manifest struct {
	Version        string   `json:"orgnet_version"`
	Hash           string   `json:"hash"`       // Spec.Hash: equal for the shards of one sweep.
	Shard          int      `json:"shard"`      // 1-based shard of this directory (1 of 1: the whole sweep).
	Shards         int      `json:"shards"`     // Number of shards.
	Runs           int      `json:"runs"`       // Runs of this shard.
	RunsTotal      int      `json:"runs_total"` // Runs of the whole sweep.
	Done           int      `json:"done"`       // Runs finished.
	Failed         int      `json:"failed"`     // Runs finished with an error.
	Complete       bool     `json:"complete"`   // All runs of the shard finished.
	Workers        int      `json:"workers,omitempty"`
	Timeseries     bool     `json:"timeseries"`
	Started        string   `json:"started,omitempty"`  // RFC 3339.
	Finished       string   `json:"finished,omitempty"` // RFC 3339.
	ElapsedSeconds float64  `json:"elapsed_seconds"`    // Wall time of the last invocation.
	Columns        []string `json:"columns"`            // Columns of runs.csv.
	MergedFrom     []string `json:"merged_from,omitempty"`
	Sweep          *Spec    `json:"sweep"`
}

// Columns returns the columns of runs.csv: run_id, sample_id, rep, seed,
// the varied parameters by path, the outcomes by name, and error.
func (s *Spec) Columns() []string {
	cols := []string{"run_id", "sample_id", "rep", "seed"}
	for _, p := range s.Parameters {
		cols = append(cols, p.Path)
	}
	for _, o := range s.Outcomes {
		cols = append(cols, o.Name)
	}
	return append(cols, "error")
}

// ReadDir reads a sweep directory (a finished, interrupted or merged sweep,
// or a shard): its spec from sweep.json and its finished runs from the
// journal, sorted by run id.
func ReadDir(dir string) (*Spec, []Result, error) {
	m, err := readManifest(dir)
	if err != nil {
		return nil, nil, err
	}
	_, res, _, err := readJournal(filepath.Join(dir, journalName))
	if err != nil {
		return nil, nil, err
	}
	slices.SortFunc(res, func(a, b Result) int { return a.RunID - b.RunID })
	return m.Sweep, res, nil
}

func readManifest(dir string) (*Manifest, error) {
	path := filepath.Join(dir, ManifestName)
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var m Manifest
	if err := json.Unmarshal(data, &m); err != nil || m.Sweep == nil {
		return nil, fmt.Errorf("%s: not a sweep manifest", path)
	}
	cfg, err := scenarios.Parse(path+" (base_scenario)", []byte(m.Sweep.BaseTOML))
	if err != nil {
		return nil, err
	}
	m.Sweep.BaseConfig = cfg
	for i, o := range m.Sweep.Outcomes {
		m.Sweep.Outcomes[i].Index = sim.MetricIndex(o.Metric)
	}
	return &m, nil
}

// writeFile writes a file through a temporary file and a rename, so a
// reader never sees a half-written file.
func writeFile(path string, write func(f *os.File) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := write(tmp); err != nil {
		tmp.Close()
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

func writeManifest(dir string, m *Manifest) error {
	return writeFile(filepath.Join(dir, ManifestName), func(f *os.File) error {
		data, err := json.MarshalIndent(m, "", "  ")
		if err != nil {
			return err
		}
		_, err = f.Write(append(data, '\n'))
		return err
	})
}

func formatFloat(x float64) string {
	if math.IsNaN(x) {
		return ""
	}
	return strconv.FormatFloat(x, 'g', -1, 64)
}

// writeResults writes runs.csv and runs.parquet of results sorted by run id.
func writeResults(dir string, s *Spec, design []Sample, res []Result) error {
	err := writeFile(filepath.Join(dir, RunsCSV), func(f *os.File) error {
		bw := bufio.NewWriterSize(f, 1<<20)
		w := csv.NewWriter(bw)
		if err := w.Write(s.Columns()); err != nil {
			return err
		}
		rec := make([]string, 0, len(s.Columns()))
		for _, r := range res {
			rec = append(rec[:0], strconv.Itoa(r.RunID), strconv.Itoa(r.SampleID), strconv.Itoa(r.Rep), strconv.FormatUint(r.Seed, 10))
			for i, p := range s.Parameters {
				rec = append(rec, p.Format(design[r.SampleID].Values[i]))
			}
			for _, x := range r.Outcomes {
				rec = append(rec, formatFloat(x))
			}
			rec = append(rec, r.Err)
			if err := w.Write(rec); err != nil {
				return err
			}
		}
		w.Flush()
		if err := w.Error(); err != nil {
			return err
		}
		return bw.Flush()
	})
	if err != nil {
		return err
	}
	return writeFile(filepath.Join(dir, RunsParquet), func(f *os.File) error {
		return writeRunsParquet(f, s, design, res)
	})
}

// dynamicStruct builds a struct type whose fields become parquet columns,
// in order.
func dynamicStruct(names []string, types []reflect.Type) reflect.Type {
	fields := make([]reflect.StructField, len(names))
	for i, n := range names {
		tag := n
		if types[i].Kind() == reflect.Pointer {
			tag += ",optional"
		}
		fields[i] = reflect.StructField{Name: fmt.Sprintf("F%d", i), Type: types[i], Tag: reflect.StructTag(`parquet:` + strconv.Quote(tag))}
	}
	return reflect.StructOf(fields)
}

var (
	tInt64  = reflect.TypeFor[int64]()
	tUint64 = reflect.TypeFor[uint64]()
	tFloat  = reflect.TypeFor[float64]()
	tOptF   = reflect.TypeFor[*float64]()
	tOptS   = reflect.TypeFor[*string]()
	tBool   = reflect.TypeFor[bool]()
	tString = reflect.TypeFor[string]()
)

func writeRunsParquet(f *os.File, s *Spec, design []Sample, res []Result) error {
	names := s.Columns()
	types := []reflect.Type{tInt64, tInt64, tInt64, tUint64}
	for _, p := range s.Parameters {
		switch p.Kind {
		case sim.Int:
			types = append(types, tInt64)
		case sim.Bool:
			types = append(types, tBool)
		case sim.Choice:
			types = append(types, tString)
		default:
			types = append(types, tFloat)
		}
	}
	for range s.Outcomes {
		types = append(types, tOptF)
	}
	types = append(types, tOptS)
	t := dynamicStruct(names, types)
	row := reflect.New(t)
	w := parquet.NewWriter(f, parquet.SchemaOf(row.Interface()), parquet.Compression(&parquet.Snappy))
	for _, r := range res {
		v := row.Elem()
		v.Field(0).SetInt(int64(r.RunID))
		v.Field(1).SetInt(int64(r.SampleID))
		v.Field(2).SetInt(int64(r.Rep))
		v.Field(3).SetUint(r.Seed)
		c := 4
		for i, p := range s.Parameters {
			x := design[r.SampleID].Values[i]
			switch p.Kind {
			case sim.Int:
				v.Field(c).SetInt(int64(math.Round(x)))
			case sim.Bool:
				v.Field(c).SetBool(x != 0)
			case sim.Choice:
				v.Field(c).SetString(p.Format(x))
			default:
				v.Field(c).SetFloat(x)
			}
			c++
		}
		for i := range r.Outcomes {
			if math.IsNaN(r.Outcomes[i]) {
				v.Field(c).SetZero()
			} else {
				x := r.Outcomes[i]
				v.Field(c).Set(reflect.ValueOf(&x))
			}
			c++
		}
		if r.Err == "" {
			v.Field(c).SetZero() // null: no error
		} else {
			e := r.Err
			v.Field(c).Set(reflect.ValueOf(&e))
		}
		if err := w.Write(row.Interface()); err != nil {
			return err
		}
	}
	return w.Close()
}

// writeTimeseries writes timeseries.parquet (run_id, then every metric,
// tick as an integer) from the series journal, for the given runs in order.
func writeTimeseries(dir string, sources []string, res []Result) error {
	type src struct {
		f   *os.File
		idx map[int]seriesRecord
	}
	var srcs []src
	defer func() {
		for _, s := range srcs {
			s.f.Close()
		}
	}()
	for _, path := range sources {
		idx, _, err := scanSeries(path)
		if err != nil {
			return err
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		srcs = append(srcs, src{f, idx})
	}
	names := append([]string{"run_id"}, sim.MetricNames[:]...)
	types := []reflect.Type{tInt64, tInt64}
	for range sim.NumMetrics - 1 {
		types = append(types, tOptF) // null where a metric is undefined (NaN)
	}
	t := dynamicStruct(names, types)
	return writeFile(filepath.Join(dir, TimeseriesParquet), func(f *os.File) error {
		row := reflect.New(t)
		w := parquet.NewWriter(f, parquet.SchemaOf(row.Interface()), parquet.Compression(&parquet.Snappy))
		for _, r := range res {
			if r.Err != "" {
				continue
			}
			var rows [][sim.NumMetrics]float64
			found := false
			for _, s := range srcs {
				rec, ok := s.idx[r.RunID]
				if !ok {
					continue
				}
				var err error
				if rows, err = readSeries(s.f, rec); err != nil {
					return err
				}
				found = true
				break
			}
			if !found {
				return errors.New("no series for run " + strconv.Itoa(r.RunID))
			}
			v := row.Elem()
			v.Field(0).SetInt(int64(r.RunID))
			for _, m := range rows {
				v.Field(1).SetInt(int64(math.Round(m[sim.MTick])))
				for j := 1; j < sim.NumMetrics; j++ {
					if math.IsNaN(m[j]) {
						v.Field(j + 1).SetZero()
					} else {
						v.Field(j + 1).Set(reflect.ValueOf(&m[j]))
					}
				}
				if err := w.Write(row.Interface()); err != nil {
					return err
				}
			}
		}
		return w.Close()
	})
}

// WriteFile writes path through a temporary file in the same folder and a
// rename, so a reader never sees a half-written file.
func WriteFile(path string, write func(f *os.File) error) error { return writeFile(path, write) }

// WriteTable writes a table as parquet: the first ints columns as 64-bit
// integers, the others as optional doubles (NaN written as null).
func WriteTable(f *os.File, names []string, ints int, rows [][]float64) error {
	types := make([]reflect.Type, len(names))
	for i := range types {
		types[i] = tOptF
		if i < ints {
			types[i] = tInt64
		}
	}
	row := reflect.New(dynamicStruct(names, types))
	w := parquet.NewWriter(f, parquet.SchemaOf(row.Interface()), parquet.Compression(&parquet.Snappy))
	for _, r := range rows {
		v := row.Elem()
		for i, x := range r {
			switch {
			case i < ints:
				v.Field(i).SetInt(int64(x))
			case math.IsNaN(x):
				v.Field(i).SetZero()
			default:
				v.Field(i).Set(reflect.ValueOf(&x))
			}
		}
		if err := w.Write(row.Interface()); err != nil {
			return err
		}
	}
	return w.Close()
}
