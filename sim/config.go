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
	Cases        CasesConfig        `toml:"cases"`
	Wellbeing    WellbeingConfig    `toml:"wellbeing"`
	Value        ValueConfig        `toml:"value"`
	Legitimacy   LegitimacyConfig   `toml:"legitimacy"`
	Governance   GovernanceConfig   `toml:"governance"`
	Sovereignty  SovereigntyConfig  `toml:"sovereignty"`
	Turnover     TurnoverConfig     `toml:"turnover"`
	Fund         FundConfig         `toml:"fund"`
	Environment  EnvironmentConfig  `toml:"environment"`
	Intervention InterventionConfig `toml:"intervention"`
	Rollout      RolloutConfig      `toml:"rollout"`
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
	Governance          string  `toml:"governance"`           // shared | lead | nao.
	Count               int     `toml:"count"`                // Number of local networks.
	SizeSpread          float64 `toml:"size_spread"`          // Relative spread of partner counts between networks.
	SharedOrgs          float64 `toml:"shared_orgs"`          // Share of organisations that also work in a neighbouring network.
	Ambition            float64 `toml:"ambition"`             // Initial shared ambition (goal consensus) [0-1].
	Institutionalised   float64 `toml:"institutionalisation"` // Degree of institutionalisation [0-1].
	Visibility          float64 `toml:"visibility"`           // Visibility to residents [0-1].
	ResidentInvolvement float64 `toml:"resident_involvement"` // Resident involvement [0-1].
	CoordinationFTE     float64 `toml:"coordination_fte"`     // Secretariat / programme manager [FTE].
	Origin              string  `toml:"origin"`               // self-developed | copied.
	CoreCoalition       int     `toml:"core_coalition"`       // Partners in the core coalition (0 = all).
	Contribution        float64 `toml:"contribution"`         // Yearly contribution of each partner to the network's budget [k EUR/year].
	MunicipalBudget     float64 `toml:"municipal_budget"`     // Yearly budget from the municipality on top [k EUR/year].
	FTECost             float64 `toml:"fte_cost"`             // Yearly cost of one FTE of coordination [k EUR/year].
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
}

// ForcesConfig holds the weights of the forces of the seed's Figure 4, per level.
type ForcesConfig struct {
	Executive    ExecutiveForces    `toml:"executive"`
	Manager      ManagerForces      `toml:"manager"`
	Professional ProfessionalForces `toml:"professional"`
}

// ExecutiveForces are the forces on executives (strategic level).
type ExecutiveForces struct {
	IndirectValue float64 `toml:"indirect_value"` // + awareness that the network is needed (indirect value).
	Switching     float64 `toml:"switching"`      // + used to switching between orientations.
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

// CasesConfig governs multi-domain cases of households.
type CasesConfig struct {
	Detection       float64 `toml:"detection"`        // Cases brought in per fully network-oriented professional [cases/year].
	Domains         float64 `toml:"domains"`          // Mean number of life domains of a case (at least 2).
	EffortWeeks     float64 `toml:"effort_weeks"`     // Weeks of full joint effort a two-domain case needs.
	MaxWeeks        float64 `toml:"max_weeks"`        // Weeks after which an unsolved case fails.
	Capacity        int     `toml:"capacity"`         // Open cases one professional can carry.
	BaselineConsent float64 `toml:"baseline_consent"` // Consent a professional has even from an own-oriented manager [0-1].
	Handoff         float64 `toml:"handoff"`          // Effort lost per extra organisation in a case (hand-off cost).
	MoneyShare      float64 `toml:"money_share"`      // Share of cases that need fast money.
	MoneyAmount     float64 `toml:"money_amount"`     // Mean amount a case needs [k EUR].
	SlowMoney       float64 `toml:"slow_money"`       // Effort factor while a case waits for money through regular channels.
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
}

// LegitimacyConfig sets internal and external legitimacy.
type LegitimacyConfig struct {
	Rate          float64 `toml:"rate"`           // Weekly adjustment rate towards the legitimacy target.
	ScalePartners float64 `toml:"scale_partners"` // Partners at which the demand for external legitimacy equals a fully visible network's supply.
	Ambition      float64 `toml:"ambition"`       // Weekly adjustment rate of the shared ambition.
}

// GovernanceConfig sets the coordination capacity of the three governance forms.
type GovernanceConfig struct {
	SharedPairs       float64 `toml:"shared_pairs"`         // Partner pairs shared governance coordinates at half efficiency.
	LeadPartners      float64 `toml:"lead_partners"`        // Partners a lead organisation coordinates at half efficiency.
	NAOPartnersPerFTE float64 `toml:"nao_partners_per_fte"` // Partners one FTE of a network administrative organisation coordinates at half efficiency.
	LeadDominance     float64 `toml:"lead_dominance"`       // Loss of board support of non-lead partners under a lead organisation.
	ManagerWeight     float64 `toml:"manager_weight"`       // Share of coordination that rests on the key persons' social capital.
	CapitalHalf       float64 `toml:"capital_half"`         // Trust on the key persons' ties at which their capital is half.
	Coordinators      int     `toml:"coordinators"`         // Persons who share the network manager's role.
	Congestion        float64 `toml:"congestion"`           // Attention lost per competing network.
}

// SovereigntyConfig sets the decision rights handed to the network.
type SovereigntyConfig struct {
	Handed   float64 `toml:"handed"`   // Initial share of decision rights handed over [0-1].
	Erosion  float64 `toml:"erosion"`  // Yearly erosion of a partner's own capacity at full sovereignty loss.
	Recovery float64 `toml:"recovery"` // Yearly recovery of a partner's own capacity.
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
