package sim

// Competence needs. Cases differ in complexity: each case draws a
// complexity chi uniform on [0,1) when it is taken up. The network's
// competence is what its coordinators have built up and what it has
// learned,
//
//	K = (personalFactor + learning) / 2
//
// and a case's weekly effort is multiplied by 1 - complexity*chi*(1-K):
// a simple case goes almost as well in a new network as in an experienced
// one, a complex case needs the experience.

// competence updates network nw's competence K.
func (m *Model) competence(nw *network) {
	nw.competence = (m.personalFactor(nw) + nw.learning) / 2
}

// competenceFactor is the share of its effort case cs keeps in network nw.
func (m *Model) competenceFactor(nw *network, cs *caseState) float64 {
	return 1 - m.cfg.Cases.Complexity*cs.complexity*(1-nw.competence)
}
