package sim_test

import (
	"fmt"

	"github.com/orgnet/orgnet/sim"
)

// Run a scenario built from the defaults, changed by one parameter, and read
// the professionals' orientation at the end.
func ExampleRun() {
	cfg := sim.Defaults()
	cfg.Run.Years = 2
	if err := cfg.Set("forces.manager.loss_of_control", "0.9"); err != nil {
		fmt.Println(err)
		return
	}
	res, err := sim.Run(cfg, 1)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(len(res.Rows), "weekly rows from tick 0 to", res.Final(sim.MTick))
	o := res.Final(sim.MOrientationProfessional)
	fmt.Println("orientation in [0,1]:", o >= 0 && o <= 1)
	// Output:
	// 105 weekly rows from tick 0 to 104
	// orientation in [0,1]: true
}

// Step a model week by week, as the web explorer does.
func ExampleModel_Step() {
	cfg := sim.Defaults()
	cfg.Run.Years = 1
	m, err := sim.New(cfg, 7)
	if err != nil {
		fmt.Println(err)
		return
	}
	for !m.Done() {
		m.Step()
	}
	fmt.Println("weeks:", m.Tick())
	// Output: weeks: 52
}
