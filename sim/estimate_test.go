package sim

import (
	"errors"
	"runtime"
	"testing"
)

// The configuration of 2,000 networks of a million professionals each
// (about 23 GB before the kernel killed it) is refused from its estimate,
// before anything of its size is allocated.
func TestEstimateRefusesHugeBeforeAllocating(t *testing.T) {
	c := Defaults()
	c.Network.Count = 2000
	c.Persons.Professionals = 1000000
	if err := c.Validate(); err != nil {
		t.Fatalf("the configuration should be valid in itself: %v", err)
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	err := CheckSize(c, c.Run.Replications, 2, 8<<30)
	runtime.ReadMemStats(&after)
	var se *SizeError
	if !errors.As(err, &se) {
		t.Fatalf("CheckSize = %v, want a *SizeError", err)
	}
	if se.Need < 23e9 {
		t.Errorf("estimate %d bytes, want at least the 23 GB the run reached before it was killed", se.Need)
	}
	if d := after.TotalAlloc - before.TotalAlloc; d > 1<<20 {
		t.Errorf("CheckSize allocated %d bytes", d)
	}
	t.Log(err)
	if err := CheckSize(Defaults(), 10, 2, 8<<30); err != nil {
		t.Errorf("the default scenario is refused: %v", err)
	}
}

// The estimate is within a factor of two of a real run's persons and
// memory (bytes allocated by New and a year of steps).
func TestEstimateAgainstRealRuns(t *testing.T) {
	for _, tc := range []struct{ nets, pros, ties int }{{1, 2000, 12}, {20, 300, 12}, {1, 5000, 30}} {
		c := Defaults()
		c.Run.Years = 1
		c.Network.Count = tc.nets
		c.Persons.Professionals = tc.pros
		c.Trust.MaxTies = tc.ties
		e := EstimateRun(c)
		runtime.GC()
		var a, b runtime.MemStats
		runtime.ReadMemStats(&a)
		m, err := New(c, 3)
		if err != nil {
			t.Fatal(err)
		}
		res := m.RunToEnd()
		runtime.ReadMemStats(&b)
		real := int64(b.TotalAlloc - a.TotalAlloc)
		persons := int64(m.people.n())
		t.Logf("%d networks of %d professionals, max_ties %d: persons %d (estimate %d), memory %s (estimate %s)",
			tc.nets, tc.pros, tc.ties, persons, e.Persons, FormatBytes(real), FormatBytes(e.Bytes))
		if persons > e.Persons || 2*persons < e.Persons {
			t.Errorf("persons %d, estimate %d", persons, e.Persons)
		}
		if real > 2*e.Bytes || 2*real < e.Bytes {
			t.Errorf("memory %d, estimate %d: not within a factor of two", real, e.Bytes)
		}
		runtime.KeepAlive(res)
	}
}

func TestFormats(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{FormatBytes(730e6), "730 MB"}, {FormatBytes(23e9), "23 GB"}, {FormatBytes(1.4e12), "1.4 TB"}, {FormatBytes(12), "12 bytes"}, {FormatBytes(8e9), "8 GB"},
		{FormatCount(1234567), "1,234,567"}, {FormatCount(2.3e9), "2.3 billion"}, {FormatCount(12), "12"},
		{FormatDuration(40), "40 s"}, {FormatDuration(0.0016), "0.002 s"}, {FormatDuration(720), "12 min"}, {FormatDuration(3.5 * 3600), "3.5 h"},
		{plural(1, "event"), "1 event"}, {plural(3, "event"), "3 events"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}
