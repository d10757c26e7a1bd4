package dbg

import (
	"fmt"
	"testing"

	"github.com/orgnet/orgnet/scenarios"
	"github.com/orgnet/orgnet/sim"
)

func TestShow(t *testing.T) {
	cfg, err := scenarios.Preset("bossche-bond")
	if err != nil { t.Fatal(err) }
	res, err := sim.Run(cfg, 1)
	if err != nil { t.Fatal(err) }
	for i, r := range res.Rows {
		if i%26 == 0 || i == 195 {
			fmt.Printf("y%.1f ex%.2f mg%.2f pr%.2f tr%.2f ties%.0f open%.0f sol%.0f fail%.0f wb%.1f L%.2f I%.2f T%.2f li%.2f le%.2f p%.0f n%.0f fund%.0f eta%.2f cap%.2f amb%.2f\n",
				r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11], r[12], r[13], r[14], r[15], r[16], r[17], r[19], r[20], r[21], r[22])
		}
	}
}
