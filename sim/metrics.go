package sim

import "math"

// Metric indices. The names in MetricNames are part of orgnet's interface:
// result files, plots, sweeps and the web page use them.
const (
	MTick = iota
	MYear
	MOrientationExecutive
	MOrientationManager
	MOrientationProfessional
	MTrust
	MCrossTies
	MCasesOpen
	MCasesSolvedCum
	MCasesFailedCum
	MWellbeing
	MLearning
	MInnovation
	MTransformation
	MLegitimacyInternal
	MLegitimacyExternal
	MPartners
	MPersons
	MSovereignty
	MFund
	MCoordination
	MCapacity
	MAmbition
	MBudget
	MProblemsCum
	MProblemsWaiting
	MProblemsReached
	MProblemsSolved
	MWaitingWeeks
	MCaseWeeks
	MGoalConsensus
	MLeadShare
	MCarriedStrategic
	MCarriedTactical
	MCarriedOperational
	MAdoption
	MSystemPressure
	MWillingness
	MReinventions
	MTrustManager
	MKeyCapital
	MDensity
	MCentralisation
	MManagerBetweenness
	MCrossShare
	MModularity
	MPartnerTrust
	MFundNetWorth
	NumMetrics
)

// MetricNames names the metrics recorded every tick, in column order.
var MetricNames = [NumMetrics]string{
	"tick", "year",
	"orientation_executive", "orientation_manager", "orientation_professional",
	"trust", "cross_ties",
	"cases_open", "cases_solved_cum", "cases_failed_cum", "wellbeing",
	"learning", "innovation", "transformation",
	"legitimacy_internal", "legitimacy_external",
	"partners", "persons", "sovereignty", "fund",
	"coordination", "capacity", "ambition", "budget",
	"problems_cum", "problems_waiting", "problems_reached", "problems_solved",
	"waiting_weeks", "case_weeks",
	"goal_consensus", "lead_share",
	"carried_strategic", "carried_tactical", "carried_operational",
	"adoption", "system_pressure", "willingness", "reinventions",
	"trust_manager", "key_capital",
	"structure_density", "structure_centralisation", "structure_manager_betweenness",
	"structure_cross_share", "structure_modularity", "structure_partner_trust",
	"fund_net_worth",
}

// MetricInfo describes a metric for people: unit and meaning.
type MetricInfo struct {
	Name    string
	Unit    string
	Meaning string
}

// Metrics describes every metric, in column order.
var Metrics = [NumMetrics]MetricInfo{
	{"tick", "week", "Weeks since the start"},
	{"year", "year", "Years since the start"},
	{"orientation_executive", "0-1", "Mean orientation of executives (0 own organisation, 1 network)"},
	{"orientation_manager", "0-1", "Mean orientation of middle managers"},
	{"orientation_professional", "0-1", "Mean orientation of professionals"},
	{"trust", "0-1", "Mean trust on cross-organisation ties"},
	{"cross_ties", "ties", "Number of cross-organisation ties"},
	{"cases_open", "cases", "Cases being worked on"},
	{"cases_solved_cum", "cases", "Cases solved since the start"},
	{"cases_failed_cum", "cases", "Cases failed since the start"},
	{"wellbeing", "0-10", "Mean wellbeing after support of the residents whose case has closed (undefined, NaN, until the first case closes)"},
	{"learning", "0-1", "First-order learning: people find each other, processes align"},
	{"innovation", "0-1", "Second-order learning: new ways of working taken back into the partners"},
	{"transformation", "0-1", "Third-order learning: the system itself changes"},
	{"legitimacy_internal", "0-1", "Support of the partners' boards and supervisors"},
	{"legitimacy_external", "0-1", "Visibility, accountability and residents' trust against the demand of scale"},
	{"partners", "orgs", "Active partner organisations"},
	{"persons", "persons", "Persons in active partner organisations"},
	{"sovereignty", "0-1", "Mean share of decision rights handed to the network"},
	{"fund", "k EUR", "Balance of the revolving fund (0 where there is none)"},
	{"coordination", "0-1", "Mean coordination efficiency of the governance form"},
	{"capacity", "0-1", "Mean own capacity of the partners (eroded by sovereignty loss)"},
	{"ambition", "0-1", "Mean strength of the shared ambition (the core coalition's orientation; goal consensus is goal_consensus)"},
	{"budget", "k EUR/year", "The networks' yearly budget: contributions and municipal money"},
	{"problems_cum", "problems", "Households' multi-domain problems arisen since the start"},
	{"problems_waiting", "problems", "Problems in households a partner knows, waiting to be found"},
	{"problems_reached", "0-1", "Share of the problems arisen since the start that were taken up as cases (undefined before any arises)"},
	{"problems_solved", "0-1", "Share of the problems arisen since the start that were solved (undefined before any arises)"},
	{"waiting_weeks", "week", "Mean weeks a problem waited before it was found or left unreached (undefined before any leaves the queue)"},
	{"case_weeks", "week", "Mean weeks from taking a case up to closing it, over closed cases (undefined before the first closes)"},
	{"goal_consensus", "0-1", "Goal consensus: one minus the mean distance of the partners' goals to the shared ambition"},
	{"lead_share", "0-1", "Share of strategic decisions a lead organisation takes (0 without one)"},
	{"carried_strategic", "0-1", "Share of the coordination hours the strategic level needs that it has"},
	{"carried_tactical", "0-1", "Share of the coordination hours the tactical level needs that it has"},
	{"carried_operational", "0-1", "Share of the hand-off hours the operational level needs that it has"},
	{"adoption", "0-1", "Mean share of the network's innovation the partners have taken into their regular work"},
	{"system_pressure", "0-1", "Mean pressure of the system world on the executives, after transformation"},
	{"willingness", "factor", "Mean factor on case arrivals from residents' willingness to come forward (legitimacy, resident voice)"},
	{"reinventions", "reviews", "Reviews since the start in which a network reinvented itself"},
	{"trust_manager", "0-1", "Trust in the network manager: mean trust on the ties of the persons who hold the role"},
	{"key_capital", "0-1", "Mean social capital of the key persons (network manager, core coalition) that this week's governance read: S/(S + governance.capital_half), S the trust on their ties"},
	{"structure_density", "0-1", "Density of network 1's person graph (ties and hierarchy lines); every 52 weeks"},
	{"structure_centralisation", "0-1", "Freeman degree centralisation of network 1's person graph (1 for a star); every 52 weeks"},
	{"structure_manager_betweenness", "0-1", "Normalised betweenness of network 1's network manager (estimated from 16 source persons); every 52 weeks"},
	{"structure_cross_share", "0-1", "Share of network 1's graph edges that cross organisations; every 52 weeks"},
	{"structure_modularity", "-0.5-1", "Modularity Q of network 1's person graph divided by organisation; every 52 weeks"},
	{"structure_partner_trust", "0-1", "Trust between network 1's partner organisations: mean over pairs of partners of the mean trust on the ties between their persons (0 for a pair without ties); every 52 weeks"},
	{"fund_net_worth", "k EUR", "Net worth of the revolving fund: its balance plus the advances still owed to it (0 where there is none)"},
}

// MetricIndex returns the column of a metric name, or -1.
func MetricIndex(name string) int {
	for i, n := range MetricNames {
		if n == name {
			return i
		}
	}
	return -1
}

// computeMetrics fills m.metrics from the current state.
func (m *Model) computeMetrics() {
	var r [NumMetrics]float64
	r[MTick] = float64(m.tick)
	r[MYear] = float64(m.tick) / WeeksPerYear
	for l, list := range m.byLevel {
		s := 0.0
		for _, i := range list {
			s += m.people.orient[i]
		}
		if len(list) > 0 {
			r[MOrientationExecutive+l] = s / float64(len(list))
		}
		r[MPersons] += float64(len(list))
	}
	t := &m.ties
	sumT := m.trustSum()
	if n := t.count(); n > 0 {
		r[MTrust] = sumT / float64(n)
	}
	r[MCrossTies] = float64(t.count())
	var wbSum, wbN float64
	var taken, left, waitWeeks, durSum float64
	for k := range m.nets {
		nw := &m.nets[k]
		r[MCasesOpen] += float64(len(nw.open))
		r[MCasesSolvedCum] += float64(nw.solvedCum)
		r[MCasesFailedCum] += float64(nw.failedCum)
		wbSum += nw.closedWB
		wbN += float64(nw.closedN)
		r[MLearning] += nw.learning
		r[MInnovation] += nw.innovation
		r[MTransformation] += nw.transform
		r[MLegitimacyInternal] += nw.legInt
		r[MLegitimacyExternal] += nw.legExt
		r[MFund] += nw.fund
		r[MFundNetWorth] += nw.fund
		for _, rc := range nw.receivables {
			r[MFundNetWorth] += rc.amount
		}
		r[MCoordination] += nw.eta
		r[MAmbition] += nw.ambition
		r[MBudget] += nw.budget
		r[MSystemPressure] += m.systemPressure(nw)
		r[MWillingness] += m.willingness(k)
		r[MReinventions] += float64(nw.reinventions)
		r[MProblemsCum] += float64(nw.problemsCum)
		r[MProblemsWaiting] += float64(nw.waiting)
		taken += float64(nw.takenCum)
		left += float64(nw.leftQueue)
		waitWeeks += nw.waitWeeks
		durSum += nw.durationSum
		r[MGoalConsensus] += nw.consensus
		r[MLeadShare] += nw.leadShare
		for l := range numGovLevels {
			r[MCarriedStrategic+l] += nw.carried[l]
		}
	}
	// Shares and means over nothing are undefined (NaN): no problem has
	// arisen, none has left the queue, no case has closed.
	r[MProblemsReached], r[MProblemsSolved] = math.NaN(), math.NaN()
	if r[MProblemsCum] > 0 {
		r[MProblemsReached] = taken / r[MProblemsCum]
		r[MProblemsSolved] = r[MCasesSolvedCum] / r[MProblemsCum]
	}
	r[MWaitingWeeks] = math.NaN()
	if left > 0 {
		r[MWaitingWeeks] = waitWeeks / left
	}
	r[MWellbeing], r[MCaseWeeks] = math.NaN(), math.NaN()
	if wbN > 0 {
		r[MCaseWeeks] = durSum / wbN
		r[MWellbeing] = wbSum / wbN
	}
	nn := float64(len(m.nets))
	for _, x := range []int{MLearning, MInnovation, MTransformation, MLegitimacyInternal, MLegitimacyExternal, MCoordination, MAmbition,
		MGoalConsensus, MLeadShare, MCarriedStrategic, MCarriedTactical, MCarriedOperational, MSystemPressure, MWillingness} {
		r[x] /= nn
	}
	m.keyMetrics(&r)
	var sov, capa float64
	for g := range m.orgs {
		if o := &m.orgs[g]; o.active {
			r[MPartners]++
			sov += o.sovereignty
			capa += o.capacity
			r[MAdoption] += o.adopted
		}
	}
	if r[MPartners] > 0 {
		r[MSovereignty] = sov / r[MPartners]
		r[MCapacity] = capa / r[MPartners]
		r[MAdoption] /= r[MPartners]
	}
	m.metrics = r
}

// keyMetrics fills the metrics of the key persons and of the structure of
// the first network (measureStructure, every structureEvery weeks).
func (m *Model) keyMetrics(r *[NumMetrics]float64) {
	var mgrSum float64
	var mgrN int
	t := &m.ties
	for k := range m.nets {
		nw := &m.nets[k]
		r[MKeyCapital] += nw.capital
		for _, i := range nw.coords {
			for _, e := range t.edgesOf(i) {
				mgrSum += t.trust[e]
			}
			mgrN += int(t.deg[i])
		}
	}
	r[MKeyCapital] /= float64(len(m.nets))
	if mgrN > 0 {
		r[MTrustManager] = mgrSum / float64(mgrN)
	}
	st := &m.structure
	if m.tick%structureEvery == 0 || st.tick < 0 {
		m.measureStructure()
	}
	r[MDensity], r[MCentralisation], r[MManagerBetweenness] = st.density, st.central, st.mgrBetw
	r[MCrossShare], r[MModularity], r[MPartnerTrust] = st.crossFrac, st.modular, st.orgTrust
}
