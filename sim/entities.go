package sim

import (
	"math/rand/v2"
	"slices"
)

// Domains of life a household's problems can lie in, as a bit set.
const (
	domHousing = 1 << iota
	domCare
	domWelfare
	domIncome // work and income
	domDebts
	domEducation
	domSafety
	numDomains = 7
)

// DomainNames names the life domains in bit order.
var DomainNames = [numDomains]string{"housing", "care", "welfare", "work and income", "debts", "education", "safety"}

// Organisation kinds, in KindNames order.
const (
	kindMunicipality = iota
	kindHousing
	kindCare
	kindWelfare
	kindSchool
	kindCompany
	kindResidents
	numKinds
)

// kindDomains are the life domains each organisation kind covers (ODD,
// Entities): a definition of the kinds, not a parameter. Their power and
// relative size are parameters (KindsConfig).
var kindDomains = [numKinds]uint8{
	kindMunicipality: domIncome | domDebts | domWelfare | domSafety,
	kindHousing:      domHousing | domSafety,
	kindCare:         domCare,
	kindWelfare:      domWelfare | domDebts,
	kindSchool:       domEducation,
	kindCompany:      domIncome,
	kindResidents:    domWelfare,
}

// org is a partner organisation.
type org struct {
	kind         int
	domains      uint8
	power        float64
	stance       float64 // Support implied by the board's initial stance [0-1].
	support      float64 // Current board support (internal legitimacy) [0-1].
	sovereignty  float64 // Share of decision rights handed to the network [0-1].
	capacity     float64 // Own strength, eroded by sovereignty loss [0-1].
	ownership    float64 // Ownership of the network's way of working [0-1].
	adopted      float64 // The network's innovation taken into its regular work [0-1].
	copied       bool    // Took the approach over from elsewhere.
	contribution float64 // Yearly contribution to the network's budget [k EUR/year].
	core         bool    // In the core coalition.
	lead         bool    // The lead organisation (lead governance).
	active       bool
	joined       int                 // Tick it joined.
	left         int                 // Tick it left, -1 while active.
	nets         []int               // Networks it works in; the first is its home.
	exec         int32               // Its (first) executive.
	goals        [numDomains]float64 // Its own goals: weights over the domains, summing to 1.
	name         string
}

// Person levels.
const (
	levelExecutive = iota
	levelManager
	levelProfessional
)

// Person roles, as bits.
const (
	roleNetworkManager = 1 << iota // Network manager / secretariat / programme manager.
	roleAmbassador                 // Ambassador, linking pin, network-team member (managers).
	roleCore                       // Core-coalition member (executives).
)

// persons holds every person as a struct of arrays, indexed by person id.
// A person who leaves is replaced in place by a newcomer.
type persons struct {
	level  []uint8
	org    []int32
	net    []int32
	boss   []int32 // Manager of a professional, executive of a manager, -1 for executives.
	orient []float64
	// next is the orientation being computed (synchronous update). Earlier
	// in the network's week it holds each professional's case factor
	// (sumSubordinates), and in orientRange first the direct value.
	next  []float64
	hired []int32 // Tick before the week the person took the post: tenure is tick - hired.
	roles []uint8
	load  []uint8   // Open cases the person works on.
	seen  []float64 // Recent joint successes seen (decaying count).

	subSum  []float64 // Managers: sum of their professionals' orientation.
	subN    []int32   // Managers: number of their professionals.
	subBusy []int32   // Managers: their professionals with at least one open case.
}

func (p *persons) n() int { return len(p.level) }

// reserve makes room for n persons in every array, so that adding them does
// not copy the arrays again and again.
func (p *persons) reserve(n int) {
	p.level = slices.Grow(p.level, n-len(p.level))
	p.org = slices.Grow(p.org, n-len(p.org))
	p.net = slices.Grow(p.net, n-len(p.net))
	p.boss = slices.Grow(p.boss, n-len(p.boss))
	p.orient = slices.Grow(p.orient, n-len(p.orient))
	p.next = slices.Grow(p.next, n-len(p.next))
	p.hired = slices.Grow(p.hired, n-len(p.hired))
	p.roles = slices.Grow(p.roles, n-len(p.roles))
	p.load = slices.Grow(p.load, n-len(p.load))
	p.seen = slices.Grow(p.seen, n-len(p.seen))
	p.subSum = slices.Grow(p.subSum, n-len(p.subSum))
	p.subN = slices.Grow(p.subN, n-len(p.subN))
	p.subBusy = slices.Grow(p.subBusy, n-len(p.subBusy))
}

// add adds a person who takes the post in the week after tick hired.
func (p *persons) add(level int, orgIdx, net, boss int, o float64, hired int) int32 {
	p.level = append(p.level, uint8(level))
	p.org = append(p.org, int32(orgIdx))
	p.net = append(p.net, int32(net))
	p.boss = append(p.boss, int32(boss))
	p.orient = append(p.orient, o)
	p.next = append(p.next, o)
	p.hired = append(p.hired, int32(hired))
	p.roles = append(p.roles, 0)
	p.load = append(p.load, 0)
	p.seen = append(p.seen, 0)
	p.subSum = append(p.subSum, 0)
	p.subN = append(p.subN, 0)
	p.subBusy = append(p.subBusy, 0)
	return int32(len(p.level) - 1)
}

// network is one local network: its partners, coordination, cases and value.
type network struct {
	orgs        []int        // Partner organisations (active and former).
	pros        []int32      // Professionals of its active partners.
	spans       []personSpan // Its persons (of active and former partners), as index ranges.
	core        []int32      // Its core-coalition executives (of active and former partners).
	managers    []int32      // Its managers (of active and former partners).
	netMgr      int32        // The network manager (person), -1 if none: the first of coords.
	coords      []int32      // The persons who share the network manager's role (governance.coordinators).
	capital     float64      // The key persons' social capital this week (personalFactor) [0-1].
	capitalAt   int          // Tick capital was taken.
	firstPerson int          // First person created for this network.
	ambition    float64
	inst        float64
	vis         float64
	involve     float64
	fte         float64

	eta float64 // Coordination efficiency [0-1].

	// Governance (governance.go) and goals (goals.go).
	carried    [numGovLevels]float64 // Share of the needed coordination hours each level has [0-1].
	leadShare  float64               // Share of strategic decisions the lead organisation takes [0-1].
	levelN     [numGovLevels]int     // Persons of each level at active partners.
	leadN      [numGovLevels]int     // Persons of each level of the lead organisation.
	handoffs   int                   // Members beyond the lead, summed over open cases.
	aims       [numDomains]float64   // Shared ambition: weights over the domains, summing to 1.
	consensus  float64               // Goal consensus: 1 - mean distance of the partners' goals to the aims [0-1].
	competence float64               // What coordinators and learning bring to complex cases [0-1] (competence.go).
	budget     float64               // Yearly budget [k EUR/year].
	partners   int                   // Active partners.
	learning   float64
	innovation float64
	transform  float64
	legInt     float64
	legExt     float64
	signal     float64 // Direct-value signal to boards [0-1].
	solvedRate float64 // Smoothed solved cases per week.
	failRate   float64 // Smoothed failed cases per week.
	failedSeen int     // failedCum when failRate was last updated.
	voice      float64 // Voice of its resident members [0-1].
	ambShare   float64 // Share of its managers who are ambassadors or the network manager.

	reviewed     bool    // It has reviewed itself at least once.
	reviewTick   int     // Tick of the last review.
	reviewSolved int     // solvedCum at the last review.
	reviewRate   float64 // Cases solved per week in the period before the last review.
	reviewLeg    float64 // External legitimacy at the last review.
	reinventions int     // Reviews that reinvented the network.

	fundOn      bool
	fund        float64
	receivables []receivable

	open       []caseState
	solvedCum  int
	failedCum  int
	closedWB   float64 // Sum of wellbeing of households whose case closed.
	closedN    int
	solvedWeek int     // Cases solved this week.
	proSum     float64 // Sum of professionals' orientation (for detection).
	arrivals   int     // Problems found this week (drawn before the cases run).

	// Households (households.go).
	households   float64 // Households in the network's area.
	waiting      int     // Problems in known households waiting to be found.
	problemsCum  int     // Problems arisen since the start.
	unreachedCum int     // Problems that left unreached (or arose where no partner sees them).
	takenCum     int     // Problems taken up as cases.
	leftQueue    int     // Problems that left the waiting queue (found and taken up, or unreached).
	waitWeeks    float64 // Waiting problems summed over the weeks.
	durationSum  float64 // Weeks from opening to closing, summed over closed cases.
	// This week's brokers of the coordination, ambassadors and meeting
	// participants (gatherBrokers), and the brokerage acts of the
	// coordination and of the ambassadors (drawn before the networks run).
	brokers, ambassadors, meet []int32
	acts, ambActs              int
	warmSink                   uint64   // Written by warmUp, read by nothing.
	trustSum                   fixedSum // Trust on its ties after this week's networkTies.

	src *rand.PCG  // The network's random stream (cases).
	rng *rand.Rand // Draws from src.
}

// personSpan is the range of person indices lo..hi-1.
type personSpan struct{ lo, hi int32 }

// receivable is a fund advance due for repayment.
type receivable struct {
	due    int
	amount float64
}

// maxMembers bounds the professionals in one case: one per domain.
const maxMembers = numDomains

// caseState is a household's multi-domain case being worked on.
type caseState struct {
	domains    uint8
	nm         uint8   // Members.
	uncovered  bool    // A domain no partner covers: it falls 'between ship and quay'.
	waiting    bool    // Needs money it has not got.
	opened     int32   // Tick it opened (next to the one-byte fields: no padding).
	money      float64 // Fast money it needs [k EUR], 0 if none.
	members    [maxMembers]int32
	edges      [maxMembers]int32 // Tie between the lead (members[0]) and each member, -1 if none.
	progress   float64
	need       float64
	w0         float64 // Wellbeing at intake.
	complexity float64 // Complexity of the case [0-1).
}
