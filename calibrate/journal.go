package calibrate

import (
	"io"
	"math"
	"os"
	"slices"
	"sync"
	"time"

	"github.com/orgnet/orgnet/calibrate/abc"
	"github.com/orgnet/orgnet/sweep"
)

// The journal (calibration.journal) records every finished simulation as
// one line in the sweep journal's format (JSON, a tab, its CRC-32): its
// generation, attempt, values, seed, distance (null for +Inf) and summary
// statistics. The first line names the calibration (Spec.Hash). A torn last
// line is cut off when the calibration resumes.

// JournalName is the journal's file name in a calibration folder.
const JournalName = "calibration.journal"

type journalHeader struct {
	Calibration string `json:"orgnet_calibration"`
	Version     string `json:"version"`
}

type journalLine struct {
	Gen      int       `json:"g"`
	Index    int       `json:"i"`
	Values   []float64 `json:"v"`
	Seed     uint64    `json:"seed"`
	Distance *float64  `json:"d"`
	Stats    []float64 `json:"s,omitempty"`
	Err      string    `json:"err,omitempty"`
}

func lineOf(j abc.Job, e abc.Eval) []byte {
	l := journalLine{Gen: j.Gen, Index: j.Index, Values: j.Values, Seed: j.Seed, Stats: nanToZero(e.Stats), Err: e.Err}
	if !math.IsInf(e.Distance, 0) && !math.IsNaN(e.Distance) {
		d := e.Distance
		l.Distance = &d
	}
	return sweep.EncodeLine(l)
}

// nanToZero keeps JSON encodable (a failed run has no statistics anyway).
func nanToZero(xs []float64) []float64 {
	out := slices.Clone(xs)
	for i, x := range out {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			out[i] = 0
		}
	}
	return out
}

// journal is an abc.Journal backed by a file.
type journal struct {
	mu   sync.Mutex
	f    *os.File
	done map[[2]int]journalLine
	last time.Time
}

// readJournal reads the lines of a journal file and the length of its
// valid part.
func readJournal(path string) (*journalHeader, []journalLine, int64, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, 0, err
	}
	var head journalHeader
	var lines []journalLine
	good, err := sweep.ScanJournal(path, "calibration", data, func(line []byte) bool {
		return sweep.DecodeLine(line, &head) && head.Calibration != ""
	}, func(line []byte) bool {
		var l journalLine
		if !sweep.DecodeLine(line, &l) {
			return false
		}
		lines = append(lines, l)
		return true
	})
	if err != nil {
		return nil, nil, 0, err
	}
	return &head, lines, good, nil
}

// openJournal creates a journal (valid < 0) or continues one, cutting it
// at its valid length.
func openJournal(path string, head *journalHeader, lines []journalLine, valid int64) (*journal, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	j := &journal{f: f, done: map[[2]int]journalLine{}, last: time.Now()}
	if valid < 0 {
		valid = 0
		if err := f.Truncate(0); err == nil {
			_, err = f.Write(sweep.EncodeLine(head))
		}
		if err != nil {
			f.Close()
			return nil, err
		}
	} else {
		if err := f.Truncate(valid); err != nil {
			f.Close()
			return nil, err
		}
		if _, err := f.Seek(valid, io.SeekStart); err != nil {
			f.Close()
			return nil, err
		}
	}
	for _, l := range lines {
		j.done[[2]int{l.Gen, l.Index}] = l
	}
	return j, f.Sync()
}

// Lookup returns the recorded evaluation of a job with the same values and
// seed.
func (j *journal) Lookup(job abc.Job) (abc.Eval, bool) {
	j.mu.Lock()
	defer j.mu.Unlock()
	l, ok := j.done[[2]int{job.Gen, job.Index}]
	if !ok || l.Seed != job.Seed || !slices.Equal(l.Values, job.Values) {
		return abc.Eval{}, false
	}
	return evalOf(l), true
}

func evalOf(l journalLine) abc.Eval {
	e := abc.Eval{Distance: math.Inf(1), Stats: l.Stats, Err: l.Err}
	if l.Distance != nil {
		e.Distance = *l.Distance
	}
	return e
}

// Record appends a line; the file is synced at most once a second (and
// when closed).
func (j *journal) Record(job abc.Job, e abc.Eval) error {
	j.mu.Lock()
	defer j.mu.Unlock()
	line := lineOf(job, e)
	if _, err := j.f.Write(line); err != nil {
		return err
	}
	var l journalLine
	sweep.DecodeLine(line[:len(line)-1], &l) // The form a resumed run reads back.
	j.done[[2]int{job.Gen, job.Index}] = l
	if time.Since(j.last) >= time.Second {
		j.last = time.Now()
		return j.f.Sync()
	}
	return nil
}

func (j *journal) close() error {
	if j.f == nil {
		return nil
	}
	err := j.f.Sync()
	if cerr := j.f.Close(); err == nil {
		err = cerr
	}
	j.f = nil
	return err
}
