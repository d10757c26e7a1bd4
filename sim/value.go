package sim

// Indirect value, in the seed's three orders of learning (Deel C h1):
// learning (first order: people find each other, processes align),
// innovation (second order: new ways of working, taken back into the
// partners' regular work) and transformation (third order: the system itself
// changes). Each is a level in [0,1] per network:
//
//	activity = open cases / (open cases + partners)
//	dL = learning_rate * fL * activity * eta * (1-L) - decay*L
//	dI = innovation_rate * fI * L * (1 - rigidity*inst) * (1-I) - decay*I
//	dT = transformation_rate * fT * I * legitimacy_external * o_exec * (1-T) - decay*T
//
// where f is 1 for a function the network pursues and value.unpursued
// otherwise, inst the network's institutionalisation and o_exec the mean
// orientation of its executives.

// indirectValue updates learning, innovation and transformation.
func (m *Model) indirectValue() {
	v := &m.cfg.Value
	fn := &m.cfg.Functions
	pursued := func(on bool) float64 {
		if on {
			return 1
		}
		return v.Unpursued
	}
	execOrient, _ := m.meanOrientationPerNet(levelExecutive, 0)
	for k := range m.nets {
		nw := &m.nets[k]
		open := float64(len(nw.open))
		activity := 0.0
		if nw.partners > 0 {
			activity = open / (open + float64(nw.partners))
		}
		nw.learning += v.LearningRate*pursued(fn.Learning)*activity*nw.eta*(1-nw.learning) - v.Decay*nw.learning
		nw.innovation += v.InnovationRate*pursued(fn.Innovation)*nw.learning*(1-v.Rigidity*nw.inst)*(1-nw.innovation) - v.Decay*nw.innovation
		nw.transform += v.TransformationRate*pursued(fn.Transformation)*nw.innovation*nw.legExt*execOrient[k]*(1-nw.transform) - v.Decay*nw.transform
	}
}

// meanOrientationPerNet returns, per network, the mean orientation of the
// persons of one level at its active partners who have every role in roles
// (0: any person), and how many there are. The slices are scratch space,
// valid until the next call.
func (m *Model) meanOrientationPerNet(level int, roles uint8) (mean, count []float64) {
	if cap(m.scratchSum) < len(m.nets) {
		m.scratchSum = make([]float64, len(m.nets))
		m.scratchN = make([]float64, len(m.nets))
	}
	sum, n := m.scratchSum[:len(m.nets)], m.scratchN[:len(m.nets)]
	clear(sum)
	clear(n)
	for _, i := range m.byLevel[level] {
		if m.people.roles[i]&roles != roles {
			continue
		}
		k := m.people.net[i]
		sum[k] += m.people.orient[i]
		n[k]++
	}
	for k := range sum {
		if n[k] > 0 {
			sum[k] /= n[k]
		}
	}
	return sum, n
}
