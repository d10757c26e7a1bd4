package sweep

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"math"
	"os"
	"time"

	"github.com/orgnet/orgnet/sim"
)

// The journal (runs.journal) records every finished run as one line:
// JSON, a tab, and the CRC-32 of the JSON in hex. Its first line is a
// header naming the sweep (its hash) and the shard. A line without its
// newline or with a wrong checksum at the end of the file is a write torn
// by a crash: it is ignored and cut off when the sweep resumes.
//
// With --timeseries, timeseries.journal holds each run's metric series as a
// binary record (magic, run id, rows, CRC-32, float64 values), written before
// the run's journal line.

const (
	journalName    = "runs.journal"
	seriesName     = "timeseries.journal"
	syncEvery      = 64
	syncInterval   = time.Second
	seriesMagic    = 0x4f545331 // "OTS1"
	seriesHeadSize = 4 + 8 + 4 + 4
)

// journalHeader is the first line of a journal.
type journalHeader struct {
	Sweep      string `json:"orgnet_sweep"` // Spec.Hash.
	Version    string `json:"version"`
	Shard      int    `json:"shard"`
	Shards     int    `json:"shards"`
	Timeseries bool   `json:"timeseries"`
}

// journalLine is the JSON of one run.
type journalLine struct {
	Run      int        `json:"run"`
	Sample   int        `json:"sample"`
	Rep      int        `json:"rep"`
	Seed     uint64     `json:"seed"`
	Outcomes []*float64 `json:"out"`
	Err      string     `json:"err,omitempty"`
}

func encodeLine(v any) []byte {
	data, err := json.Marshal(v)
	if err != nil {
		panic(err) // Only plain values are encoded.
	}
	return fmt.Appendf(data, "\t%08x\n", crc32.ChecksumIEEE(data))
}

func lineOf(r Result) []byte {
	l := journalLine{Run: r.RunID, Sample: r.SampleID, Rep: r.Rep, Seed: r.Seed, Err: r.Err, Outcomes: make([]*float64, len(r.Outcomes))}
	for i, x := range r.Outcomes {
		if !math.IsNaN(x) {
			l.Outcomes[i] = &r.Outcomes[i]
		}
	}
	return encodeLine(l)
}

// decodeLine checks and decodes one journal line (without its newline).
func decodeLine(line []byte, v any) bool {
	i := bytes.LastIndexByte(line, '\t')
	if i < 0 || len(line)-i-1 != 8 {
		return false
	}
	var sum uint32
	if _, err := fmt.Sscanf(string(line[i+1:]), "%08x", &sum); err != nil || sum != crc32.ChecksumIEEE(line[:i]) {
		return false
	}
	return json.Unmarshal(line[:i], v) == nil
}

// readJournal reads a journal: its header, its runs (first record of each
// run id), and the length of its valid part (a torn tail is past it).
func readJournal(path string) (*journalHeader, []Result, int64, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, 0, err
	}
	var head journalHeader
	var out []Result
	seen := map[int]bool{}
	good, err := ScanJournal(path, "sweep", data, func(line []byte) bool {
		return decodeLine(line, &head) && head.Sweep != ""
	}, func(line []byte) bool {
		var l journalLine
		if !decodeLine(line, &l) {
			return false
		}
		if !seen[l.Run] {
			seen[l.Run] = true
			r := Result{RunID: l.Run, SampleID: l.Sample, Rep: l.Rep, Seed: l.Seed, Err: l.Err, Outcomes: make([]float64, len(l.Outcomes))}
			for j, p := range l.Outcomes {
				r.Outcomes[j] = math.NaN()
				if p != nil {
					r.Outcomes[j] = *p
				}
			}
			out = append(out, r)
		}
		return true
	})
	if err != nil {
		return nil, nil, 0, err
	}
	return &head, out, good, nil
}

// ScanJournal reads the lines of a journal of the given kind (lines as
// EncodeLine writes them) from data, read from path: the first line goes to
// head, the others to line; each returns false for a line it cannot
// decode. A last line without its newline, or a garbled last line, is a
// write torn by a crash and ends the scan; a damaged line before it is an
// error. It returns the length of the valid part.
func ScanJournal(path, kind string, data []byte, head, line func([]byte) bool) (int64, error) {
	var good int64
	n := 1
	for ; len(data) > 0; n++ {
		i := bytes.IndexByte(data, '\n')
		if i < 0 {
			break // Torn last line.
		}
		if n == 1 {
			if !head(data[:i]) {
				return 0, fmt.Errorf("%s: line 1 is not a %s journal header", path, kind)
			}
		} else if !line(data[:i]) {
			if len(data) == i+1 {
				break // Torn last line (complete but garbled).
			}
			return 0, fmt.Errorf("%s: line %d is damaged", path, n)
		}
		good += int64(i + 1)
		data = data[i+1:]
	}
	if good == 0 {
		return 0, fmt.Errorf("%s: no header", path)
	}
	return good, nil
}

// journal appends lines to runs.journal and series to timeseries.journal,
// syncing them to disk every syncEvery runs or syncInterval.
type journal struct {
	f, ts    *os.File
	tsw      *bufio.Writer
	unsynced int
	last     time.Time
}

// openJournal opens (creating or continuing) the journal files in dir. For
// an existing journal, valid is the length of its valid part: anything
// after it is cut off.
func openJournal(dir string, head *journalHeader, valid int64, series bool) (*journal, error) {
	path := dir + string(os.PathSeparator) + journalName
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	j := &journal{f: f, last: time.Now()}
	if valid > 0 {
		if err := f.Truncate(valid); err != nil {
			f.Close()
			return nil, err
		}
		if _, err := f.Seek(valid, io.SeekStart); err != nil {
			f.Close()
			return nil, err
		}
	} else {
		if err := f.Truncate(0); err != nil {
			f.Close()
			return nil, err
		}
		if _, err := f.Write(encodeLine(head)); err != nil {
			f.Close()
			return nil, err
		}
	}
	if series {
		tpath := dir + string(os.PathSeparator) + seriesName
		end := int64(0)
		if valid > 0 {
			if end, err = seriesValidLength(tpath); err != nil && !errors.Is(err, os.ErrNotExist) {
				f.Close()
				return nil, err
			}
		}
		ts, err := os.OpenFile(tpath, os.O_RDWR|os.O_CREATE, 0o644)
		if err != nil {
			f.Close()
			return nil, err
		}
		if err := ts.Truncate(end); err != nil {
			f.Close()
			ts.Close()
			return nil, err
		}
		if _, err := ts.Seek(end, io.SeekStart); err != nil {
			f.Close()
			ts.Close()
			return nil, err
		}
		j.ts = ts
		j.tsw = bufio.NewWriterSize(ts, 1<<20)
	}
	return j, j.f.Sync()
}

// add records a finished run. The series, if any, is written first, so a
// run in the journal always has its series.
func (j *journal) add(r Result, rows [][sim.NumMetrics]float64) error {
	if j.tsw != nil && rows != nil {
		if err := writeSeries(j.tsw, r.RunID, rows); err != nil {
			return err
		}
		if err := j.tsw.Flush(); err != nil {
			return err
		}
	}
	if _, err := j.f.Write(lineOf(r)); err != nil {
		return err
	}
	j.unsynced++
	if j.unsynced >= syncEvery || time.Since(j.last) >= syncInterval {
		return j.sync()
	}
	return nil
}

func (j *journal) sync() error {
	if j.unsynced == 0 {
		return nil
	}
	if j.ts != nil {
		if err := j.ts.Sync(); err != nil {
			return err
		}
	}
	j.unsynced = 0
	j.last = time.Now()
	return j.f.Sync()
}

func (j *journal) close() error {
	if j.f == nil {
		return nil
	}
	err := j.sync()
	if j.ts != nil {
		err = errors.Join(err, j.ts.Close())
	}
	err = errors.Join(err, j.f.Close())
	j.f = nil
	return err
}

func writeSeries(w io.Writer, run int, rows [][sim.NumMetrics]float64) error {
	payload := make([]byte, 0, len(rows)*sim.NumMetrics*8)
	for _, r := range rows {
		for _, x := range r {
			payload = binary.LittleEndian.AppendUint64(payload, math.Float64bits(x))
		}
	}
	head := make([]byte, 0, seriesHeadSize)
	head = binary.LittleEndian.AppendUint32(head, seriesMagic)
	head = binary.LittleEndian.AppendUint64(head, uint64(run))
	head = binary.LittleEndian.AppendUint32(head, uint32(len(rows)))
	head = binary.LittleEndian.AppendUint32(head, crc32.ChecksumIEEE(payload))
	if _, err := w.Write(head); err != nil {
		return err
	}
	_, err := w.Write(payload)
	return err
}

// seriesIndex maps run ids to the offsets of their records in a
// timeseries journal (the last complete record of each run).
type seriesRecord struct {
	off  int64
	rows int
}

func scanSeries(path string) (map[int]seriesRecord, int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, err
	}
	defer f.Close()
	r := bufio.NewReaderSize(f, 1<<20)
	idx := map[int]seriesRecord{}
	var off int64
	head := make([]byte, seriesHeadSize)
	for {
		if _, err := io.ReadFull(r, head); err != nil {
			return idx, off, nil // End, or a torn header.
		}
		if binary.LittleEndian.Uint32(head) != seriesMagic {
			return idx, off, nil
		}
		run := int(binary.LittleEndian.Uint64(head[4:]))
		rows := int(binary.LittleEndian.Uint32(head[12:]))
		sum := binary.LittleEndian.Uint32(head[16:])
		payload := make([]byte, rows*sim.NumMetrics*8)
		if _, err := io.ReadFull(r, payload); err != nil || crc32.ChecksumIEEE(payload) != sum {
			return idx, off, nil // Torn record.
		}
		idx[run] = seriesRecord{off: off, rows: rows}
		off += int64(seriesHeadSize + len(payload))
	}
}

func seriesValidLength(path string) (int64, error) {
	_, n, err := scanSeries(path)
	return n, err
}

// readSeries reads the series of one record.
func readSeries(f *os.File, rec seriesRecord) ([][sim.NumMetrics]float64, error) {
	buf := make([]byte, rec.rows*sim.NumMetrics*8)
	if _, err := f.ReadAt(buf, rec.off+seriesHeadSize); err != nil {
		return nil, err
	}
	rows := make([][sim.NumMetrics]float64, rec.rows)
	for i := range rows {
		for m := range sim.NumMetrics {
			rows[i][m] = math.Float64frombits(binary.LittleEndian.Uint64(buf[(i*sim.NumMetrics+m)*8:]))
		}
	}
	return rows, nil
}

// EncodeLine encodes v as a journal line: its JSON, a tab, the CRC-32 of
// the JSON in hex and a newline. Other journals of orgnet (calibrations)
// use the same lines.
func EncodeLine(v any) []byte { return encodeLine(v) }

// DecodeLine checks a line written by EncodeLine (without its newline) and
// decodes it into v; false for a damaged or torn line.
func DecodeLine(line []byte, v any) bool { return decodeLine(line, v) }
