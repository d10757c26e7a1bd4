// Package sim is the orgnet model: organisations in a network, their
// executives, middle managers and professionals, pulled between their own
// organisation and the network they share, and what the network produces.
//
// The model is described in the ODD protocol in docs/ODD.md; each submodel
// there names the file that implements it:
//
//	model.go        the weekly step and its order
//	setup.go        initialisation: networks, partners, persons, ties
//	forces.go       orientation: the forces of the seed's Figure 4, social influence, anchoring
//	trust.go        ties and trust (the 'emotional bank account'): fading, meetings, brokers
//	keypersons.go   key persons: the network manager's role, brokers by governance form, the personal factor
//	structure.go    structure metrics of the tie network (density, centralisation, betweenness, modularity)
//	households.go   households' problems: they arise, wait and are found
//	cases.go        multi-domain cases of households: take-up, joint work, closing
//	competence.go   case complexity and the network's competence
//	value.go        indirect value: learning, innovation, transformation, and what they change
//	legitimacy.go   internal and external legitimacy, their consequences, shared ambition
//	residents.go    residents as members with a voice (BoTu12)
//	adaptation.go   the network's reviews of itself ('vorm volgt functie')
//	governance.go   hours of coordination per level under the three governance forms
//	goals.go        partners' goals, the shared ambition, goal consensus
//	sovereignty.go  decision rights handed over, partners leaving, the Trojan-horse hypothesis, ownership
//	turnover.go     personnel turnover and successors
//	fund.go         the revolving fund
//	schedule.go     events at a year or a rate
//	events.go       the event types and their checks
//	params.go       the parameter registry: every parameter's default, range, unit, source
//	metrics.go      the metrics recorded every week
//	rng.go          the random streams of a run and its networks
//
// The package is pure: it reads no files and prints nothing. It takes a
// Config and a seed and returns metrics, and a Model can be stepped one week
// at a time. The same Config and seed always give bit-identical metrics.
package sim
