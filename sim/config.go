package sim

// Config is the full description of a run: one scenario. Its fields mirror the
// scenario file's TOML tables; every numeric, boolean and choice field is listed
// in the parameter registry (see Params), which holds its default, range, unit,
// meaning and source. Defaults returns a Config with every registry default set.
type Config struct {
	Scenario     ScenarioMeta       `toml:"scenario"`
	Run          RunConfig          `toml:"run"`
	Network      NetworkConfig      `toml:"network"`
	Functions    FunctionsConfig    `toml:"functions"`
	Partners     PartnersConfig     `toml:"partners"`
	Supervisors  SupervisorsConfig  `toml:"supervisors"`
	Persons      PersonsConfig      `toml:"persons"`
	Forces       ForcesConfig       `toml:"forces"`
	Influence    InfluenceConfig    `toml:"influence"`
	Trust        TrustConfig        `toml:"trust"`
	Households   HouseholdsConfig   `toml:"households"`
	Cases        CasesConfig        `toml:"cases"`
	Wellbeing    WellbeingConfig    `toml:"wellbeing"`
	Value        ValueConfig        `toml:"value"`
	Legitimacy   LegitimacyConfig   `toml:"legitimacy"`
	Governance   GovernanceConfig   `toml:"governance"`
	Goals        GoalsConfig        `toml:"goals"`
	Sovereignty  SovereigntyConfig  `toml:"sovereignty"`
	Turnover     TurnoverConfig     `toml:"turnover"`
	Fund         FundConfig         `toml:"fund"`
	Environment  EnvironmentConfig  `toml:"environment"`
	Intervention InterventionConfig `toml:"intervention"`
	Rollout      RolloutConfig      `toml:"rollout"`
	Kinds        KindsConfig        `toml:"kinds"`
	Adaptation   AdaptationConfig   `toml:"adaptation"`
	Residents    ResidentsConfig    `toml:"residents"`
	Events       []Event            `toml:"events"`
}

// ScenarioMeta names a scenario and states the question it asks. It is text
// for people, not a model parameter.
type ScenarioMeta struct {
	Name     string `toml:"name"`     // Short identifier, e.g. "cimot".
	Title    string `toml:"title"`    // One-line title.
	Question string `toml:"question"` // One paragraph: the question the scenario asks.
	Base     string `toml:"base"`     // Preset this scenario starts from ("" for none).
}

// RunConfig holds how long to run and with which seed.
type RunConfig struct {
	Years        float64 `toml:"years"`        // Simulated time [years]; one tick is one week.
	Seed         int     `toml:"seed"`         // Master seed of the run.
	Replications int     `toml:"replications"` // Replications with derived seeds.
}

// NetworkConfig describes the network(s) at the start.
type NetworkConfig struct {
	Governance            string  `toml:"governance"`             // shared | lead | nao: the form of every level that says "same".
	GovernanceStrategic   string  `toml:"governance_strategic"`   // same | shared | lead | nao: executives' decisions and alignment.
	GovernanceTactical    string  `toml:"governance_tactical"`    // same | shared | lead | nao: middle managers' alignment.
	GovernanceOperational string  `toml:"governance_operational"` // same | shared | lead | nao: hand-offs of cases.
	Count                 int     `toml:"count"`                  // Number of local networks.
	SizeSpread            float64 `toml:"size_spread"`            // Relative spread of partner counts between networks.
	SharedOrgs            float64 `toml:"shared_orgs"`            // Share of organisations that also work in a neighbouring network.
	Ambition              float64 `toml:"ambition"`               // Initial shared ambition (goal consensus) [0-1].
	Institutionalised     float64 `toml:"institutionalisation"`   // Degree of institutionalisation [0-1].
	Visibility            float64 `toml:"visibility"`             // Visibility to residents [0-1].
	ResidentInvolvement   float64 `toml:"resident_involvement"`   // Resident involvement [0-1].
	CoordinationFTE       float64 `toml:"coordination_fte"`       // Secretariat / programme manager [FTE].
	Origin                string  `toml:"origin"`                 // self-developed | copied.
	CoreCoalition         int     `toml:"core_coalition"`         // Partners in the core coalition (0 = all).
	Contribution          float64 `toml:"contribution"`           // Yearly contribution of each partner to the network's budget [k EUR/year].
	MunicipalBudget       float64 `toml:"municipal_budget"`       // Yearly budget from the municipality on top [k EUR/year].
	FTECost               float64 `toml:"fte_cost"`               // Yearly cost of one FTE of coordination [k EUR/year].
}

// FunctionsConfig says which indirect-value functions the network pursues.
type FunctionsConfig struct {
	Learning       bool `toml:"learning"`
	Innovation     bool `toml:"innovation"`
	Transformation bool `toml:"transformation"`
}

// PartnersConfig gives the number of partner organisations of each kind in one network.
type PartnersConfig struct {
	Municipality int     `toml:"municipality"`
	Housing      int     `toml:"housing"`
	Care         int     `toml:"care"`
	Welfare      int     `toml:"welfare"`
	School       int     `toml:"school"`
	Company      int     `toml:"company"`
	Residents    int     `toml:"residents"`
	LeaveHazard  float64 `toml:"leave_hazard"` // Yearly hazard that an unsupported, weakened partner leaves.
}

// SupervisorsConfig gives the initial stance of each kind's supervisory board.
type SupervisorsConfig struct {
	Municipality string `toml:"municipality"`
	Housing      string `toml:"housing"`
	Care         string `toml:"care"`
	Welfare      string `toml:"welfare"`
	School       string `toml:"school"`
	Company      string `toml:"company"`
	Residents    string `toml:"residents"`

	SupportRisk    float64 `toml:"support_risk"`    // Initial board support of a board that sees a risk [0-1].
	SupportNoncore float64 `toml:"support_noncore"` // Initial board support of a board that sees a non-core task [0-1].
	SupportAsset   float64 `toml:"support_asset"`   // Initial board support of a board that sees an asset [0-1].
}

// support converts a supervisory board's stance to its initial support.
func (s *SupervisorsConfig) support(stance string) float64 {
	switch stance {
	case "risk":
		return s.SupportRisk
	case "noncore":
		return s.SupportNoncore
	}
	return s.SupportAsset
}

// PersonsConfig sizes the three levels and sets their starting orientation.
type PersonsConfig struct {
	Professionals           int     `toml:"professionals"`            // Professionals working in the network, per network.
	SpanOfControl           int     `toml:"span_of_control"`          // Professionals per middle manager.
	ExecutivesPerOrg        int     `toml:"executives_per_org"`       // Executives per organisation.
	OrientationExecutive    float64 `toml:"orientation_executive"`    // Initial orientation of executives [0-1].
	OrientationManager      float64 `toml:"orientation_manager"`      // Initial orientation of middle managers [0-1].
	OrientationProfessional float64 `toml:"orientation_professional"` // Initial orientation of professionals [0-1].
	Anchor                  float64 `toml:"anchor"`                   // Own-organisation anchor every person is pulled back to [0-1].
	Spread                  float64 `toml:"spread"`                   // Standard deviation of initial orientations.
	NetworkManager          float64 `toml:"network_manager"`          // Least orientation of the network manager when appointed [0-1].
}

// ForcesConfig holds the weights of the forces of the seed's Figure 4, per level.
type ForcesConfig struct {
	Executive    ExecutiveForces    `toml:"executive"`
	Manager      ManagerForces      `toml:"manager"`
	Professional ProfessionalForces `toml:"professional"`

	Backlash          float64 `toml:"backlash"`           // - colleagues in the regular organisation push back ('zoetzuur').
	OwnershipFloor    float64 `toml:"ownership_floor"`    // Share of the promoting forces that acts without ownership of the way of working [0-1].
	AwarenessAmbition float64 `toml:"awareness_ambition"` // Weight of the shared ambition (rest: indirect value) in awareness [0-1].
}

// ExecutiveForces are the forces on executives (strategic level).
type ExecutiveForces struct {
	IndirectValue float64 `toml:"indirect_value"` // + awareness that the network is needed (indirect value).
	Switching     float64 `toml:"switching"`      // +/- used to switching: responds to visible success, failure and crisis.
	Examples      float64 `toml:"examples"`       // + examples elsewhere in the country.
	SystemWorld   float64 `toml:"system_world"`   // - requirements of the system world.
	Supervisors   float64 `toml:"supervisors"`    // - own supervisory board sees the network as a risk.
}

// ManagerForces are the forces on middle managers (tactical level).
type ManagerForces struct {
	IndirectValue      float64 `toml:"indirect_value"`      // + awareness that the network is needed (indirect value).
	NetworkTeam        float64 `toml:"network_team"`        // + taking part in a network team / being an ambassador.
	InternalProcedures float64 `toml:"internal_procedures"` // - importance of internal procedures.
	InternalSuccess    float64 `toml:"internal_success"`    // - judged on internal success.
	ExperiencedLoss    float64 `toml:"experienced_loss"`    // - effort for the network is lost to the own organisation.
	LossOfControl      float64 `toml:"loss_of_control"`     // - loss of control over own professionals.
}

// ProfessionalForces are the forces on professionals (operational level).
type ProfessionalForces struct {
	DirectValue float64 `toml:"direct_value"` // + seeing every day that the network is needed.
	Frontline   float64 `toml:"frontline"`    // + stimulation of cooperation at the front line.
	Complexity  float64 `toml:"complexity"`   // - network work is more complicated.
	OwnCriteria float64 `toml:"own_criteria"` // - judged on the own organisation's criteria.

	MemoryWeeks   float64 `toml:"memory_weeks"`   // Weeks over which a professional remembers joint work (1/e time).
	LoadWeight    float64 `toml:"load_weight"`    // Weight of an open case in what a professional sees, against a solved one.
	FailureCredit float64 `toml:"failure_credit"` // What a failed case counts in what a professional sees, against a solved one.
}

// InfluenceConfig sets how fast orientation moves and how it is shared.
type InfluenceConfig struct {
	Rate      float64 `toml:"rate"`      // Share of the net pull realised per week [1/week].
	Peers     float64 `toml:"peers"`     // Weight of trusted cross-organisation peers.
	Hierarchy float64 `toml:"hierarchy"` // Weight of the own superior's stance.
	Anchoring float64 `toml:"anchoring"` // Weight of the pull back to the own-organisation anchor.
}

// TrustConfig governs ties and the trust they carry.
type TrustConfig struct {
	Initial             float64 `toml:"initial"`              // Trust on a new tie [0-1].
	Gain                float64 `toml:"gain"`                 // Share of the gap to 1 gained per joint success.
	Loss                float64 `toml:"loss"`                 // Share of trust lost per joint failure.
	Decay               float64 `toml:"decay"`                // Weekly share of trust lost on an unused tie.
	UnusedWeeks         float64 `toml:"unused_weeks"`         // Weeks without use after which a tie loses trust [week].
	Drop                float64 `toml:"drop"`                 // Trust below which an unused tie is dropped.
	TiesProfessional    float64 `toml:"ties_professional"`    // Mean initial cross-organisation ties per professional.
	TiesManager         float64 `toml:"ties_manager"`         // Mean initial cross-organisation ties per manager.
	MaxTies             int     `toml:"max_ties"`             // Most cross-organisation ties one professional keeps.
	MaxTiesBroker       int     `toml:"max_ties_broker"`      // Most cross-organisation ties one executive or manager keeps.
	Brokering           float64 `toml:"brokering"`            // Brokerage acts of the coordination per paid FTE per week.
	AmbassadorBrokering float64 `toml:"ambassador_brokering"` // Brokerage acts per ambassador per week.
	Transfer            float64 `toml:"transfer"`             // Share of the broker's trust an introduced tie starts with.
	Meetings            float64 `toml:"meetings"`             // Trust gain per meeting or brokered contact (share of the gap).
	MeetingTies         float64 `toml:"meeting_ties"`         // Probability a participant forms a new tie at a meeting.
	MeetingWeeks        int     `toml:"meeting_weeks"`        // Weeks between the network's meetings.
	Inheritance         float64 `toml:"inheritance"`          // Trust a successor keeps on an inherited tie (share).
}

// HouseholdsConfig describes the households of a network's area and the
// multi-domain problems that arise among them.
type HouseholdsConfig struct {
	Count       float64 `toml:"count"`        // Households in the network's area.
	ProblemRate float64 `toml:"problem_rate"` // Yearly chance that a household gets a multi-domain problem the system world does not solve [1/year].
	Reach       float64 `toml:"reach"`        // Share of the area's households one partner knows as clients [0-1].
	ExitRate    float64 `toml:"exit_rate"`    // Yearly hazard that a waiting problem leaves unreached [1/year].
}

// CasesConfig governs multi-domain cases of households.
type CasesConfig struct {
	Detection       float64 `toml:"detection"`        // Households a fully network-oriented professional screens for problems [households/year].
	Domains         float64 `toml:"domains"`          // Mean number of life domains of a case (at least 2).
	EffortWeeks     float64 `toml:"effort_weeks"`     // Weeks of full joint effort a two-domain case needs.
	MaxWeeks        float64 `toml:"max_weeks"`        // Weeks after which an unsolved case fails.
	Capacity        int     `toml:"capacity"`         // Open cases one professional can carry.
	BaselineConsent float64 `toml:"baseline_consent"` // Consent a professional has even from an own-oriented manager [0-1].
	Handoff         float64 `toml:"handoff"`          // Effort lost per extra organisation in a case (hand-off cost).
	MoneyShare      float64 `toml:"money_share"`      // Share of cases that need fast money.
	MoneyAmount     float64 `toml:"money_amount"`     // Mean amount a case needs [k EUR].
	SlowMoney       float64 `toml:"slow_money"`       // Effort factor while a case waits for money through regular channels.
	Complexity      float64 `toml:"complexity"`       // Effort a most complex case loses in a network without competence [0-1].

	SearchWeeks      float64          `toml:"search_weeks"`      // Joint effort it takes to find and brief a colleague outside the lead's ties [weeks].
	OrientationFloor float64          `toml:"orientation_floor"` // Share of a member's effort that does not depend on its orientation [0-1].
	ConsentFloor     float64          `toml:"consent_floor"`     // Share of a member's effort that does not depend on its manager's consent [0-1].
	TrustFloor       float64          `toml:"trust_floor"`       // Share of a member's effort that does not depend on trust with the lead [0-1].
	LeadTries        int              `toml:"lead_tries"`        // Professionals asked in turn to lead a new case before it is left to the system world.
	RecruitTries     int              `toml:"recruit_tries"`     // Professionals asked in turn to join a case outside the lead's ties.
	Prevalence       PrevalenceConfig `toml:"prevalence"`        // Relative frequency of each life domain in cases.
}

// PrevalenceConfig gives the relative frequency of each life domain in
// multi-domain cases (normalised to sum to 1).
type PrevalenceConfig struct {
	Housing   float64 `toml:"housing"`
	Care      float64 `toml:"care"`
	Welfare   float64 `toml:"welfare"`
	Income    float64 `toml:"income"`
	Debts     float64 `toml:"debts"`
	Education float64 `toml:"education"`
	Safety    float64 `toml:"safety"`
}

// WellbeingConfig sets residents' wellbeing on the 0-10 scale.
type WellbeingConfig struct {
	Intake     float64 `toml:"intake"`      // Mean wellbeing at intake [0-10].
	IntakeSD   float64 `toml:"intake_sd"`   // Standard deviation at intake [points].
	Gain       float64 `toml:"gain"`        // Gain when a case is solved [points].
	FailedLoss float64 `toml:"failed_loss"` // Loss when a case fails [points].
}

// ValueConfig sets the indirect value: three orders of learning.
type ValueConfig struct {
	LearningRate       float64 `toml:"learning_rate"`       // Weekly growth of learning at full joint activity.
	InnovationRate     float64 `toml:"innovation_rate"`     // Weekly growth of innovation per unit of learning.
	TransformationRate float64 `toml:"transformation_rate"` // Weekly growth of transformation.
	Decay              float64 `toml:"decay"`               // Weekly decay of each order.
	Unpursued          float64 `toml:"unpursued"`           // Growth factor of a function the network does not pursue.
	Rigidity           float64 `toml:"rigidity"`            // How much institutionalisation damps innovation [0-1].
	SignalCases        float64 `toml:"signal_cases"`        // Solved cases per partner per year that make direct value plain.

	LearningEffect       float64 `toml:"learning_effect"`        // Share of the hand-off cost full learning removes [0-1].
	AdoptionRate         float64 `toml:"adoption_rate"`          // Weekly uptake of innovation into a partner's regular work.
	AmbassadorCarry      float64 `toml:"ambassador_carry"`       // Extra uptake at a partner whose managers are all ambassadors.
	InnovationEffect     float64 `toml:"innovation_effect"`      // Share of internal-procedure and complexity forces full adoption removes [0-1].
	TransformationEffect float64 `toml:"transformation_effect"`  // Share of system-world pressure full transformation removes [0-1].
	TransformationFunds  float64 `toml:"transformation_funding"` // Rise of the municipal money at full transformation (share).
}

// LegitimacyConfig sets internal and external legitimacy.
type LegitimacyConfig struct {
	Rate          float64 `toml:"rate"`           // Weekly adjustment rate towards the legitimacy target.
	ScalePartners float64 `toml:"scale_partners"` // Partners at which the demand for external legitimacy equals a fully visible network's supply.
	Ambition      float64 `toml:"ambition"`       // Weekly adjustment rate of the shared ambition.
	StanceWeight  float64 `toml:"stance_weight"`  // Weight of a board's initial stance in its support target (rest: evidence) [0-1].
	SignalWeight  float64 `toml:"signal_weight"`  // Weight of direct value (rest: indirect value) in the evidence boards see [0-1].
	MemoryWeeks   float64 `toml:"memory_weeks"`   // Weeks over which boards average the solved (and failed) cases they hear of.
	Demand        float64 `toml:"demand"`         // Demand for external legitimacy at scale_partners partners.

	Self         float64 `toml:"self"`         // Weight of self-legitimation: partners vouch for the network.
	Partial      float64 `toml:"partial"`      // Weight of partial legitimation: each partner reports its own part.
	Ambassador   float64 `toml:"ambassador"`   // Weight of ambassador legitimation: ambassadors and resident members.
	Formal       float64 `toml:"formal"`       // Weight of formal legitimation: visible accountability.
	Residents    float64 `toml:"residents"`    // Weight of resident involvement.
	Budget       float64 `toml:"budget"`       // Share of the municipal money that depends on external legitimacy [0-1].
	Contribution float64 `toml:"contribution"` // Share of a partner's contribution that depends on its board's support [0-1].
	Willingness  float64 `toml:"willingness"`  // Share of residents' willingness to come forward that depends on external legitimacy [0-1].
	Attraction   float64 `toml:"attraction"`   // New partners a year a fully legitimate network attracts.
	Exit         float64 `toml:"exit"`         // Yearly hazard that a partner whose board withdrew its support leaves.
	ExitSupport  float64 `toml:"exit_support"` // Board support below which a partner starts to leave [0-1].
}

// GovernanceConfig sets the hours of coordination of the governance forms
// and the network manager's personal factor.
type GovernanceConfig struct {
	ContactHours      float64 `toml:"contact_hours"`      // Hours a week one coordinating contact takes [hours/week].
	Decisions         float64 `toml:"decisions"`          // Strategic decisions the network takes a year [1/year].
	DecisionHours     float64 `toml:"decision_hours"`     // Hours one participant spends on one decision at full consensus [hours].
	ExecutiveHours    float64 `toml:"executive_hours"`    // Hours a week an executive gives to the network's coordination [hours/week].
	ManagerHours      float64 `toml:"manager_hours"`      // Hours a week a middle manager gives to it [hours/week].
	ProfessionalHours float64 `toml:"professional_hours"` // Hours a week a professional gives to hand-offs [hours/week].
	LeadHours         float64 `toml:"lead_hours"`         // Hours a week each person of a lead organisation gives to its lead [hours/week].
	LeadShare         float64 `toml:"lead_share"`         // Share of strategic decisions a lead organisation takes alone [0-1].
	FTEHours          float64 `toml:"fte_hours"`          // Working hours a week of one paid FTE [hours/week].
	HandoffHours      float64 `toml:"handoff_hours"`      // Hours a week of hand-off per member beyond the lead of an open case [hours/week].
	LeadDominance     float64 `toml:"lead_dominance"`     // Board support a non-lead partner loses per unit of the lead's share of decisions.
	ManagerWeight     float64 `toml:"manager_weight"`     // Share of coordination that rests on the key persons' social capital.
	CapitalHalf       float64 `toml:"capital_half"`       // Trust on the key persons' ties at which their capital is half.
	Coordinators      int     `toml:"coordinators"`       // Persons who share the network manager's role.
	Congestion        float64 `toml:"congestion"`         // Attention lost per competing network.
}

// GoalsConfig sets the partners' goals and what goal consensus costs.
type GoalsConfig struct {
	Dispersion  float64 `toml:"dispersion"`   // Spread of the partners' goals around the problems' profile (log scale).
	Negotiation float64 `toml:"negotiation"`  // Extra hours per decision per unit of missing consensus (share of decision_hours).
	BoardWeight float64 `toml:"board_weight"` // Board support lost per unit of distance between a partner's goals and the shared ambition.
}

// SovereigntyConfig sets the decision rights handed to the network.
type SovereigntyConfig struct {
	Handed   float64 `toml:"handed"`   // Initial share of decision rights handed over [0-1].
	Erosion  float64 `toml:"erosion"`  // Yearly erosion of a partner's own capacity at full sovereignty loss.
	Recovery float64 `toml:"recovery"` // Yearly recovery of a partner's own capacity.

	Trojan bool `toml:"trojan_horse"` // Hypothesis: much sovereignty erodes capacity and weakened partners leave.
}

// TurnoverConfig sets yearly personnel turnover per level.
type TurnoverConfig struct {
	Executive      float64 `toml:"executive"`       // Yearly turnover of executives.
	Manager        float64 `toml:"manager"`         // Yearly turnover of middle managers.
	Professional   float64 `toml:"professional"`    // Yearly turnover of professionals.
	NetworkManager float64 `toml:"network_manager"` // Yearly turnover of the network manager.
}

// FundConfig describes a revolving fund for fast money.
type FundConfig struct {
	Enabled        bool    `toml:"enabled"`
	Initial        float64 `toml:"initial"`         // Initial balance [k EUR].
	Contributions  float64 `toml:"contributions"`   // Yearly top-up by partners [k EUR/year].
	Repayment      float64 `toml:"repayment"`       // Repayment discipline: share of advances repaid [0-1].
	RepaymentWeeks float64 `toml:"repayment_weeks"` // Weeks until an advance is due.
}

// EnvironmentConfig describes the world around the network.
type EnvironmentConfig struct {
	SystemPressure    float64 `toml:"system_pressure"`    // Pressure of the system world [0-1].
	Examples          float64 `toml:"examples"`           // Inspiring examples elsewhere [0-1].
	CompetingNetworks int     `toml:"competing_networks"` // Other networks competing for attention.
	CrisisPull        float64 `toml:"crisis_pull"`        // Own-organisation pull of a crisis of severity 1.
}

// RolloutConfig sets how a network's partners come to own its way of working,
// for a network that went through its own development and for a copied one.
type RolloutConfig struct {
	SelfStart       float64 `toml:"self_start"`       // Ownership of a self-developing partner at the start [0-1].
	CopiedStart     float64 `toml:"copied_start"`     // Ownership of a partner that copies the approach [0-1].
	DevelopmentRate float64 `toml:"development_rate"` // Weekly growth of ownership through own development.
	CopiedFactor    float64 `toml:"copied_factor"`    // Growth factor of ownership where the approach was copied.
}

// AdaptationConfig governs the network's review of itself ('vorm volgt functie').
type AdaptationConfig struct {
	Enabled   bool    `toml:"enabled"`   // The network reviews itself every interval.
	Interval  float64 `toml:"interval"`  // Weeks between reviews.
	Tolerance float64 `toml:"tolerance"` // Relative fall of results or legitimacy that makes a review reinvent the network [0-1].
	Renewal   float64 `toml:"renewal"`   // Share of the gap to full ambition and ownership a reinvention closes, and of institutionalisation it undoes [0-1].
	FTEStep   float64 `toml:"fte_step"`  // Coordination FTE a reinvention adds.
}

// ResidentsConfig describes residents as members with a voice (BoTu12).
type ResidentsConfig struct {
	Members    int     `toml:"members"`    // Residents who are members of the network.
	HalfVoice  float64 `toml:"half_voice"` // Resident members at which their voice is half its full strength.
	Visibility float64 `toml:"visibility"` // Visibility a full resident voice adds (share of the gap to 1).
	Referral   float64 `toml:"referral"`   // Rise of case detection at full resident voice (neighbours brought forward).
}

// KindsConfig gives each organisation kind's power (funder and commissioner
// high, provider low) and the relative number of its professionals.
type KindsConfig struct {
	MunicipalityPower float64 `toml:"municipality_power"`
	MunicipalitySize  float64 `toml:"municipality_size"`
	HousingPower      float64 `toml:"housing_power"`
	HousingSize       float64 `toml:"housing_size"`
	CarePower         float64 `toml:"care_power"`
	CareSize          float64 `toml:"care_size"`
	WelfarePower      float64 `toml:"welfare_power"`
	WelfareSize       float64 `toml:"welfare_size"`
	SchoolPower       float64 `toml:"school_power"`
	SchoolSize        float64 `toml:"school_size"`
	CompanyPower      float64 `toml:"company_power"`
	CompanySize       float64 `toml:"company_size"`
	ResidentsPower    float64 `toml:"residents_power"`
	ResidentsSize     float64 `toml:"residents_size"`
}

// traits returns the power and relative size of an organisation kind.
func (k *KindsConfig) traits(kind int) (power, size float64) {
	t := [numKinds][2]float64{
		{k.MunicipalityPower, k.MunicipalitySize}, {k.HousingPower, k.HousingSize}, {k.CarePower, k.CareSize},
		{k.WelfarePower, k.WelfareSize}, {k.SchoolPower, k.SchoolSize}, {k.CompanyPower, k.CompanySize},
		{k.ResidentsPower, k.ResidentsSize},
	}[kind]
	return t[0], t[1]
}

// InterventionConfig describes the middle-management intervention.
type InterventionConfig struct {
	Share float64 `toml:"share"` // Share of middle managers made ambassadors / network-team members [0-1].
	Ties  int     `toml:"ties"`  // Cross-organisation ties each ambassador gets.
}

// Event is something that happens during a run, once at a given year or at a
// yearly rate. Which fields apply depends on Type; see EventTypes.
type Event struct {
	Type     string  `toml:"type"`     // One of EventTypes.
	Year     float64 `toml:"year"`     // When it happens [years since start].
	Tick     int     `toml:"tick"`     // When it happens [weeks since start], instead of Year.
	Rate     float64 `toml:"rate"`     // Occurrences per year (instead of Year).
	Level    string  `toml:"level"`    // executive | manager | professional (turnover).
	Role     string  `toml:"role"`     // network-manager | core-coalition | ambassadors (depart).
	Kind     string  `toml:"kind"`     // Organisation kind (join, leave, sovereignty).
	Count    int     `toml:"count"`    // Number of partners (join, leave, rollout).
	Share    float64 `toml:"share"`    // Share of persons or value (turnover, sovereignty, intervention).
	Severity float64 `toml:"severity"` // Strength of a crisis [0-1].
	Weeks    float64 `toml:"weeks"`    // Duration of a crisis [weeks].
	Value    float64 `toml:"value"`    // New level (institutionalise) or amount (fund) [k EUR].
	Mode     string  `toml:"mode"`     // copied | self-developed (rollout).
	Label    string  `toml:"label"`    // Text shown on plots.
}
