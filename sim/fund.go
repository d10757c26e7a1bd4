package sim

// The revolving fund (Bossche Bond): cases that need fast money draw an
// advance from the fund (see openCase); the partner responsible repays it
// after fund.repayment_weeks with probability fund.repayment (the repayment
// discipline); the partners top the fund up by fund.contributions a year.

// fund books the weekly top-up and the repayments due.
func (m *Model) fund() {
	fc := &m.cfg.Fund
	for k := range m.nets {
		nw := &m.nets[k]
		if !nw.fundOn {
			continue
		}
		nw.fund += fc.Contributions / WeeksPerYear
		kept := nw.receivables[:0]
		for _, r := range nw.receivables {
			if r.due > m.tick {
				kept = append(kept, r)
				continue
			}
			if m.rng.Float64() < fc.Repayment {
				nw.fund += r.amount
			}
		}
		nw.receivables = kept
	}
}
