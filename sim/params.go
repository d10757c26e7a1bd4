package sim

// The parameter registry: the one place where every parameter's dotted TOML
// path, default, allowed range, unit, meaning and source live. Defaults,
// validation, --set overrides, the ODD parameter tables and the web page's
// sliders all derive from it.

// Sources the registry cites. "Seed" is the case study the model rests on
// (Platform31, 2020, Organisatienetwerken van waarde); section names are the seed's.
const (
	srcFig4Exec   = "Seed, Deel C h3 Functioneren, Figuur 4 (bestuurders)"
	srcFig4Mgr    = "Seed, Deel C h3 Functioneren, Figuur 4 (middenmanagers)"
	srcFig4Prof   = "Seed, Deel C h3 Functioneren, Figuur 4 (professionals)"
	srcTrust      = "Seed, Deel C h3: vertrouwen als 'emotionele bankrekening', sociaal-emotioneel kapitaal"
	srcCases      = "Seed, Deel A h2 and Deel B: multi-domain problems fall 'tussen wal en schip'; partners 'samen-dekkend'"
	srcTable      = "Seed, Deel B, overview table of the five cases"
	srcLearning   = "Seed, Deel C h1 Waarde: leren, innoveren, transformeren (first/second/third-order learning)"
	srcLegitimacy = "Seed, Deel C h4 Legitimiteit: internal and external legitimacy"
	srcGovernance = "Seed, Deel C h2 Vormgeving; Kenis & Cambré (2009) governance forms"
	srcSovereign  = "Seed, Deel A h3: handing over sovereignty, the Trojan horse; Cimot intake by network case managers"
	srcTurnover   = "Seed, Deel C h3: networks 'drijven op persoonlijke krachten'; MOM's manager as 'het gezicht'"
	srcFund       = "Seed, Deel B Bossche Bond: the revolving fund for fast money"
	srcCrisis     = "Seed, Deel C h3: during corona everyone was called back to the own organisation"
	srcMiddle     = "Seed, Deel C h3: ambassadors (Bossche Bond), Kolectivo's (MOM), network team (Proeftuin Ruwaard)"
	srcProeftuin  = "Seed, Deel B Proeftuin Ruwaard: wellbeing rose from about 3 to about 8 out of 10"
	srcFJ         = "Friedkin & Johnsen (1990), social influence with stubbornness (anchoring)"
	srcRollout    = "Seed, Deel B Proeftuin Ruwaard: followed elsewhere, but every municipality must go through the process itself"
	srcZoetzuur   = "Seed, Deel A h3: werken in netwerken is 'zoet en zuur'; some colleagues see the network as an attack and resist"
	srcAdapt      = "Seed, Deel C h2: 'de vorm volgt duidelijk de functie'; Deel B MOM: reinvented itself three to four times in twelve years"
	srcBoTu12     = "Seed, Deel B BoTu: BoTu12, twelve residents as members and ambassadors of the network"
	srcLegForms   = "Seed, Deel A h3 and Deel C h4: zelflegitimatie, partiële legitimatie, ambassadeurs-legitimatie, formele legitimatie"
	srcSwitch     = "Seed, Deel C h3: bestuurders schakelen tussen beide oriëntaties; Figuur 4: 'gewend om te wisselen'"
	srcKraam      = "Seed, Deel B MOM and BoTu: the network as 'kraamkamer'; Kolectivo's carry the new ways of working into the partners"
	srcTrojan     = "Seed, Deel A h3: the network 'eats its initiators' (in potentie, paradoxaal); but loss of sovereignty is 'beperkt ervaren' (Deel A h2)"
	srcConstant   = "Formerly a fixed constant of the model; modelling assumption, sweepable"
	srcAssumption = "Modelling assumption (see ODD, Submodels); sweepable"
	srcHouseholds = "Seed, Deel B overview table: scale city, neighbourhood, region; household counts of the areas (CBS, about 2019)"
	srcProblems   = "Seed, Deel C h1: people 'lopen vast op meerdere levensdomeinen'; modelling assumption for the rate (2% of households a year; a prevalence of a few percent of households with problems on several domains)"
	srcReach      = "Seed, Deel C h2: 'al snel tien tot vijftien partijen' are needed to create value; modelling assumption for the share"
	srcMixed      = "Seed, Deel A h2: the forms of Kenis 'lopen door elkaar': shared on paper at the strategic level, some executives leading, a network manager (NAO) at the tactical level"
	srcHours      = "Seed, Deel C h2: 'veel meer dan een stuk of vijftien' partners becomes hard; hours are a modelling assumption"
	srcDecisions  = "Seed, Deel C h3: 'bestuurlijke besprekingen ... over doelen en doelbereiking, over toetreden (of vertrek) van partners, en over relaties'"
	srcGoals      = "Seed, Deel C h2: de gedeelde ambitie; belangen van organisaties kunnen belangrijker worden dan de gedeelde ambitie; Kenis & Provan: goal consensus"
	srcCalibrated = "Calibrated on the seed's figures (Bossche Bond ~250 cases by early 2020; Proeftuin Ruwaard ~400 cases in 4 years): ABC-SMC posterior median 73, 90% interval 64 – 90 (ODD 1, Calibration; results/gallery/calibration); 79 lies at its 68th percentile, but where cases.effort_weeks is near its default the posterior gives 72 (67 – 78)"
	srcGain       = "Seed, Deel B Proeftuin Ruwaard: wellbeing 3 -> 8 after support (the prior, 5 ± 1.5); calibrated: ABC-SMC posterior median 5.6, 90% interval 5.1 – 7.4, and 5.45 where cases.effort_weeks is near its default (ODD 1, Calibration; results/gallery/calibration)"
	srcEffort     = "Modelling assumption (see ODD, Submodels); sweepable; the seed's figures identify it only partly (ABC-SMC posterior 90% interval 1.2 – 9.8 weeks; ODD 1, Calibration)"
)

// Choices of the enumerated parameters.
var (
	GovernanceForms = []string{"shared", "lead", "nao"}
	LevelForms      = []string{"same", "shared", "lead", "nao"}
	Origins         = []string{"self-developed", "copied"}
	Stances         = []string{"risk", "noncore", "asset"}
)

// Param describes one parameter of the model.
type Param struct {
	Path    string   // Dotted TOML path, e.g. "forces.manager.loss_of_control".
	Default float64  // Default value (booleans: 0 or 1; choices: index into Choices).
	Min     float64  // Smallest allowed value.
	Max     float64  // Largest allowed value.
	Unit    string   // Unit, "1" for dimensionless, "" for choices and switches.
	Meaning string   // One-line meaning.
	Source  string   // Seed passage or reference it rests on.
	Choices []string // Allowed values of a choice parameter; nil otherwise.
	Kind    Kind     // Value kind, derived from the Config field.
}

// Kind is a parameter's value kind.
type Kind int

// Parameter kinds.
const (
	Float Kind = iota
	Int
	Bool
	Choice
)

func (k Kind) String() string {
	return [...]string{"number", "integer", "boolean", "choice"}[k]
}

func choice(p Param, choices []string, def string) Param {
	p.Choices = choices
	for i, c := range choices {
		if c == def {
			p.Default = float64(i)
		}
	}
	p.Max = float64(len(choices) - 1)
	return p
}

func stanceParam(kind, def, note string) Param {
	return choice(Param{Path: "supervisors." + kind, Meaning: "Initial view of the " + kind + " supervisory board on the network" + note, Source: srcFig4Exec}, Stances, def)
}

// registry is the list of all parameters, in the order they appear in the ODD.
var registry = []Param{
	// Run.
	{Path: "run.years", Default: 10, Min: 0.02, Max: 100, Unit: "year", Meaning: "Simulated time; one tick is one week", Source: "ODD: one tick is one week"},
	{Path: "run.seed", Default: 1, Min: 0, Max: 1<<53 - 1, Unit: "1", Meaning: "Master seed; every random stream derives from it", Source: "Determinism requirement"},
	{Path: "run.replications", Default: 10, Min: 1, Max: 100000, Unit: "runs", Meaning: "Replications, each with a seed derived from the master seed", Source: "Determinism requirement"},

	// Network.
	choice(Param{Path: "network.governance", Meaning: "Governance form of every level set to \"same\": shared (participant), lead organisation, or network administrative organisation", Source: srcGovernance}, GovernanceForms, "shared"),
	choice(Param{Path: "network.governance_strategic", Meaning: "Governance form of the strategic level (executives' decisions and alignment); \"same\": network.governance", Source: srcMixed}, LevelForms, "same"),
	choice(Param{Path: "network.governance_tactical", Meaning: "Governance form of the tactical level (middle managers' alignment); \"same\": network.governance", Source: srcMixed}, LevelForms, "same"),
	choice(Param{Path: "network.governance_operational", Meaning: "Governance form of the operational level (hand-offs of cases); \"same\": network.governance", Source: srcMixed}, LevelForms, "same"),
	{Path: "network.count", Default: 1, Min: 1, Max: 2000, Unit: "networks", Meaning: "Local networks simulated together (national scale)", Source: srcAssumption},
	{Path: "network.size_spread", Default: 0, Min: 0, Max: 0.9, Unit: "1", Meaning: "Relative spread of partner counts between local networks", Source: srcAssumption},
	{Path: "network.shared_orgs", Default: 0, Min: 0, Max: 1, Unit: "1", Meaning: "Share of organisations that also work in a neighbouring network", Source: "Seed, Deel B Cimot: housing corporations and care providers work in several municipalities"},
	{Path: "network.ambition", Default: 0.5, Min: 0, Max: 1, Unit: "1", Meaning: "Initial strength of the shared ambition: how strongly the core coalition carries it (goal consensus follows from goals.dispersion)", Source: "Seed, Deel C h2: gedeelde ambitie"},
	{Path: "network.institutionalisation", Default: 0.2, Min: 0, Max: 1, Unit: "1", Meaning: "Degree to which roles are functions instead of persons", Source: "Seed, Deel C h3: institutionalising (Cimot) versus personal forces (MOM)"},
	{Path: "network.visibility", Default: 0.3, Min: 0, Max: 1, Unit: "1", Meaning: "Visibility of the network to residents and the outside world", Source: srcLegitimacy},
	{Path: "network.resident_involvement", Default: 0, Min: 0, Max: 1, Unit: "1", Meaning: "Involvement of residents in the network", Source: srcTable},
	{Path: "network.coordination_fte", Default: 1, Min: 0, Max: 100, Unit: "FTE", Meaning: "Secretariat / programme manager capacity", Source: srcTable},
	choice(Param{Path: "network.origin", Meaning: "Whether the network went through its own development or copied another place's", Source: "Seed, Deel B Proeftuin Ruwaard: copying and rolling out is not a good strategy"}, Origins, "self-developed"),
	{Path: "network.core_coalition", Default: 0, Min: 0, Max: 1000, Unit: "partners", Meaning: "Partners in the core coalition (0: all partners)", Source: "Seed, Deel B BoTu: a core coalition of five"},
	{Path: "network.contribution", Default: 20, Min: 0, Max: 1e6, Unit: "k EUR/year", Meaning: "Yearly contribution of each partner to the network's budget (equal shares)", Source: "Seed, Deel C h2: 'iedereen draagt hetzelfde bij'; three of five networks are self-financing"},
	{Path: "network.municipal_budget", Default: 0, Min: 0, Max: 1e7, Unit: "k EUR/year", Meaning: "Yearly budget from the municipality on top of the contributions", Source: "Seed, Deel C h2: at Cimot and BoTu the municipality is the main funder"},
	{Path: "network.fte_cost", Default: 90, Min: 1, Max: 1e4, Unit: "k EUR/year", Meaning: "Yearly cost of one FTE of coordination; the budget caps the coordination it can pay for", Source: srcAssumption},

	// Functions.
	{Path: "functions.learning", Default: 1, Min: 0, Max: 1, Meaning: "The network pursues first-order learning", Source: srcTable},
	{Path: "functions.innovation", Default: 1, Min: 0, Max: 1, Meaning: "The network pursues second-order learning (innovation)", Source: srcTable},
	{Path: "functions.transformation", Default: 1, Min: 0, Max: 1, Meaning: "The network pursues third-order learning (transformation)", Source: srcTable},

	// Partners per kind.
	{Path: "partners.municipality", Default: 1, Min: 0, Max: 500, Unit: "orgs", Meaning: "Municipalities per network", Source: srcTable},
	{Path: "partners.housing", Default: 2, Min: 0, Max: 500, Unit: "orgs", Meaning: "Housing corporations per network", Source: srcTable},
	{Path: "partners.care", Default: 4, Min: 0, Max: 500, Unit: "orgs", Meaning: "Care providers per network", Source: srcTable},
	{Path: "partners.welfare", Default: 3, Min: 0, Max: 500, Unit: "orgs", Meaning: "Welfare organisations per network", Source: srcTable},
	{Path: "partners.school", Default: 1, Min: 0, Max: 500, Unit: "orgs", Meaning: "Schools per network", Source: srcTable},
	{Path: "partners.company", Default: 0, Min: 0, Max: 500, Unit: "orgs", Meaning: "Private companies per network", Source: srcTable},
	{Path: "partners.residents", Default: 0, Min: 0, Max: 500, Unit: "orgs", Meaning: "Residents' organisations per network", Source: srcTable},
	{Path: "partners.leave_hazard", Default: 0.3, Min: 0, Max: 10, Unit: "1/year", Meaning: "Under the Trojan-horse hypothesis: yearly hazard that a partner with no board support and no own capacity leaves", Source: srcTrojan},

	// Supervisors' stance per kind.
	stanceParam("municipality", "asset", ""),
	stanceParam("housing", "noncore", ""),
	stanceParam("care", "risk", " (care providers are judged on production)"),
	stanceParam("welfare", "asset", ""),
	stanceParam("school", "noncore", ""),
	stanceParam("company", "noncore", ""),
	stanceParam("residents", "asset", ""),
	{Path: "supervisors.support_risk", Default: 0.2, Min: 0, Max: 1, Unit: "1", Meaning: "Initial board support of a board that sees the network as a risk", Source: srcConstant},
	{Path: "supervisors.support_noncore", Default: 0.5, Min: 0, Max: 1, Unit: "1", Meaning: "Initial board support of a board that sees the network as a non-core task", Source: srcConstant},
	{Path: "supervisors.support_asset", Default: 0.8, Min: 0, Max: 1, Unit: "1", Meaning: "Initial board support of a board that sees the network as an asset", Source: srcConstant},

	// Persons.
	{Path: "persons.professionals", Default: 150, Min: 0, Max: 1000000, Unit: "persons", Meaning: "Professionals working in each network", Source: srcTable},
	{Path: "persons.span_of_control", Default: 8, Min: 1, Max: 100, Unit: "persons", Meaning: "Professionals per middle manager", Source: srcAssumption},
	{Path: "persons.executives_per_org", Default: 1, Min: 1, Max: 10, Unit: "persons", Meaning: "Executives per organisation", Source: srcAssumption},
	{Path: "persons.orientation_executive", Default: 0.35, Min: 0, Max: 1, Unit: "1", Meaning: "Initial mean orientation of executives (0 own organisation, 1 network)", Source: srcFig4Exec},
	{Path: "persons.orientation_manager", Default: 0.2, Min: 0, Max: 1, Unit: "1", Meaning: "Initial mean orientation of middle managers", Source: srcFig4Mgr},
	{Path: "persons.orientation_professional", Default: 0.3, Min: 0, Max: 1, Unit: "1", Meaning: "Initial mean orientation of professionals", Source: srcFig4Prof},
	{Path: "persons.anchor", Default: 0.15, Min: 0, Max: 1, Unit: "1", Meaning: "Own-organisation anchor every person is pulled back to; also a newcomer's orientation", Source: srcFJ},
	{Path: "persons.spread", Default: 0.1, Min: 0, Max: 0.5, Unit: "1", Meaning: "Standard deviation of initial orientations", Source: srcAssumption},
	{Path: "persons.network_manager", Default: 0.8, Min: 0, Max: 1, Unit: "1", Meaning: "Least orientation of the network manager when appointed", Source: srcConstant},

	// Organisation kinds: power and relative size.
	{Path: "kinds.municipality_power", Default: 1, Min: 0, Max: 10, Unit: "1", Meaning: "Power of a municipality (funder, commissioner): weight in internal legitimacy, rank for core coalition and lead", Source: "Seed, Deel B Cimot: municipalities decide most, care providers least"},
	{Path: "kinds.municipality_size", Default: 1, Min: 0.01, Max: 100, Unit: "1", Meaning: "Relative number of professionals of a municipality", Source: srcConstant},
	{Path: "kinds.housing_power", Default: 0.6, Min: 0, Max: 10, Unit: "1", Meaning: "Power of a housing corporation", Source: "Seed, Deel B Cimot: municipalities decide most, care providers least"},
	{Path: "kinds.housing_size", Default: 0.8, Min: 0.01, Max: 100, Unit: "1", Meaning: "Relative number of professionals of a housing corporation", Source: srcConstant},
	{Path: "kinds.care_power", Default: 0.3, Min: 0, Max: 10, Unit: "1", Meaning: "Power of a care provider", Source: "Seed, Deel B Cimot: municipalities decide most, care providers least"},
	{Path: "kinds.care_size", Default: 1.2, Min: 0.01, Max: 100, Unit: "1", Meaning: "Relative number of professionals of a care provider", Source: srcConstant},
	{Path: "kinds.welfare_power", Default: 0.4, Min: 0, Max: 10, Unit: "1", Meaning: "Power of a welfare organisation", Source: srcConstant},
	{Path: "kinds.welfare_size", Default: 1, Min: 0.01, Max: 100, Unit: "1", Meaning: "Relative number of professionals of a welfare organisation", Source: srcConstant},
	{Path: "kinds.school_power", Default: 0.3, Min: 0, Max: 10, Unit: "1", Meaning: "Power of a school", Source: srcConstant},
	{Path: "kinds.school_size", Default: 0.6, Min: 0.01, Max: 100, Unit: "1", Meaning: "Relative number of professionals of a school", Source: srcConstant},
	{Path: "kinds.company_power", Default: 0.3, Min: 0, Max: 10, Unit: "1", Meaning: "Power of a private company", Source: srcConstant},
	{Path: "kinds.company_size", Default: 0.4, Min: 0.01, Max: 100, Unit: "1", Meaning: "Relative number of professionals of a private company", Source: srcConstant},
	{Path: "kinds.residents_power", Default: 0.2, Min: 0, Max: 10, Unit: "1", Meaning: "Power of a residents' organisation", Source: srcConstant},
	{Path: "kinds.residents_size", Default: 0.3, Min: 0.01, Max: 100, Unit: "1", Meaning: "Relative number of active members of a residents' organisation", Source: srcConstant},

	// Forces of Figure 4.
	{Path: "forces.backlash", Default: 0.1, Min: 0, Max: 5, Unit: "1/week·rate", Meaning: "Push-back of colleagues in the regular organisation on network-oriented professionals and managers, where the new ways of working are not adopted ('zoetzuur')", Source: srcZoetzuur},
	{Path: "forces.ownership_floor", Default: 0.5, Min: 0, Max: 1, Unit: "1", Meaning: "Share of the promoting forces that acts without ownership of the way of working", Source: srcConstant},
	{Path: "forces.awareness_ambition", Default: 0.5, Min: 0, Max: 1, Unit: "1", Meaning: "Weight of the shared ambition in executives' and managers' awareness (the rest: indirect value)", Source: srcConstant},
	{Path: "forces.executive.indirect_value", Default: 0.6, Min: 0, Max: 5, Unit: "1/week·rate", Meaning: "Awareness that the network is needed for the societal task (indirect value)", Source: srcFig4Exec},
	{Path: "forces.executive.switching", Default: 0.15, Min: 0, Max: 5, Unit: "1/week·rate", Meaning: "Used to switching: executives turn to the network with its visible success and back to their organisation with its failures and in a crisis", Source: srcSwitch},
	{Path: "forces.executive.examples", Default: 0.2, Min: 0, Max: 5, Unit: "1/week·rate", Meaning: "Examples elsewhere in the country", Source: srcFig4Exec},
	{Path: "forces.executive.system_world", Default: 0.4, Min: 0, Max: 5, Unit: "1/week·rate", Meaning: "Requirements of the system world (funding, external regulators)", Source: srcFig4Exec},
	{Path: "forces.executive.supervisors", Default: 0.5, Min: 0, Max: 5, Unit: "1/week·rate", Meaning: "Own supervisory board sees the network as a risk or non-core task", Source: srcFig4Exec},
	{Path: "forces.manager.indirect_value", Default: 0.6, Min: 0, Max: 5, Unit: "1/week·rate", Meaning: "Awareness that the network is needed for the societal task (indirect value)", Source: srcFig4Mgr},
	{Path: "forces.manager.network_team", Default: 1.2, Min: 0, Max: 5, Unit: "1/week·rate", Meaning: "Taking part in a network team or acting as ambassador", Source: srcMiddle},
	{Path: "forces.manager.internal_procedures", Default: 0.25, Min: 0, Max: 5, Unit: "1/week·rate", Meaning: "Importance of internal procedures", Source: srcFig4Mgr},
	{Path: "forces.manager.internal_success", Default: 0.25, Min: 0, Max: 5, Unit: "1/week·rate", Meaning: "Judged on internal 'success'", Source: srcFig4Mgr},
	{Path: "forces.manager.experienced_loss", Default: 0.4, Min: 0, Max: 5, Unit: "1/week·rate", Meaning: "Effort for the network goes at the cost of the own organisation", Source: srcFig4Mgr},
	{Path: "forces.manager.loss_of_control", Default: 0.5, Min: 0, Max: 5, Unit: "1/week·rate", Meaning: "Loss of control over 'their' professionals", Source: srcFig4Mgr},
	{Path: "forces.professional.direct_value", Default: 2, Min: 0, Max: 5, Unit: "1/week·rate", Meaning: "Seeing every day that the network is needed (direct value)", Source: srcFig4Prof},
	{Path: "forces.professional.frontline", Default: 0.8, Min: 0, Max: 5, Unit: "1/week·rate", Meaning: "Stimulating cooperation at the front line", Source: srcFig4Prof},
	{Path: "forces.professional.complexity", Default: 0.4, Min: 0, Max: 5, Unit: "1/week·rate", Meaning: "Working in networks is more complicated than the own organisation's task", Source: srcFig4Prof},
	{Path: "forces.professional.own_criteria", Default: 0.6, Min: 0, Max: 5, Unit: "1/week·rate", Meaning: "Judged on the own organisation's criteria instead of the network's", Source: srcFig4Prof},
	{Path: "forces.professional.memory_weeks", Default: 26, Min: 1, Max: 1040, Unit: "week", Meaning: "Weeks over which a professional remembers the joint work seen (1/e time)", Source: srcConstant},
	{Path: "forces.professional.load_weight", Default: 0.5, Min: 0, Max: 10, Unit: "1", Meaning: "What an open case counts in the direct value a professional sees, against a solved one", Source: srcConstant},
	{Path: "forces.professional.failure_credit", Default: 0.5, Min: 0, Max: 1, Unit: "1", Meaning: "What a failed case counts in the direct value a professional sees (a failure, too, shows the network is needed)", Source: srcConstant},

	// Influence.
	{Path: "influence.rate", Default: 0.04, Min: 0, Max: 1, Unit: "1/week", Meaning: "Share of the net pull on orientation realised per week", Source: srcAssumption},
	{Path: "influence.peers", Default: 0.6, Min: 0, Max: 5, Unit: "1", Meaning: "Weight of trusted cross-organisation peers (social influence)", Source: srcTrust},
	{Path: "influence.hierarchy", Default: 0.3, Min: 0, Max: 5, Unit: "1", Meaning: "Weight of the own superior's stance (manager for professionals, executive for managers)", Source: "Seed, Deel C h3: middle managers hold the keys to guiding their professionals"},
	{Path: "influence.anchoring", Default: 0.3, Min: 0, Max: 5, Unit: "1", Meaning: "Weight of the pull back to the own organisation (stubbornness)", Source: srcFJ},

	// Trust and ties.
	{Path: "trust.initial", Default: 0.3, Min: 0, Max: 1, Unit: "1", Meaning: "Trust on a newly formed tie", Source: srcTrust},
	{Path: "trust.gain", Default: 0.15, Min: 0, Max: 1, Unit: "1", Meaning: "Share of the gap to full trust gained per joint success", Source: srcTrust},
	{Path: "trust.loss", Default: 0.3, Min: 0, Max: 1, Unit: "1", Meaning: "Share of trust lost per joint failure (lost faster than built)", Source: srcTrust},
	{Path: "trust.decay", Default: 0.03, Min: 0, Max: 1, Unit: "1/week", Meaning: "Weekly share of trust lost on a tie that has not been used for trust.unused_weeks", Source: srcTrust},
	{Path: "trust.unused_weeks", Default: 26, Min: 1, Max: 1040, Unit: "week", Meaning: "Weeks without joint work, meeting or introduction after which a tie starts to lose trust", Source: srcAssumption},
	{Path: "trust.drop", Default: 0.12, Min: 0, Max: 1, Unit: "1", Meaning: "Trust below which an unused tie is dropped", Source: srcAssumption},
	{Path: "trust.ties_professional", Default: 2, Min: 0, Max: 50, Unit: "ties", Meaning: "Mean initial cross-organisation ties per professional", Source: srcAssumption},
	{Path: "trust.ties_manager", Default: 1, Min: 0, Max: 50, Unit: "ties", Meaning: "Mean initial cross-organisation ties per middle manager", Source: srcAssumption},
	{Path: "trust.max_ties", Default: 12, Min: 1, Max: 64, Unit: "ties", Meaning: "Most cross-organisation ties one professional keeps", Source: "Dunbar-style limit on working relations; assumption"},
	{Path: "trust.max_ties_broker", Default: 40, Min: 1, Max: 250, Unit: "ties", Meaning: "Most cross-organisation ties one executive or middle manager (a possible broker) keeps", Source: srcAssumption},
	{Path: "trust.brokering", Default: 2, Min: 0, Max: 100, Unit: "acts/FTE/week", Meaning: "Brokerage acts (a contact or an introduction) of the network's coordination per paid FTE per week", Source: "Seed, Deel B: the secretariat and network managers connect people ('de verbindende schakel'); Provan & Kenis (2008)"},
	{Path: "trust.ambassador_brokering", Default: 0.3, Min: 0, Max: 10, Unit: "acts/week", Meaning: "Brokerage acts per ambassador (network-team member, Kolectivo) per week", Source: srcMiddle},
	{Path: "trust.transfer", Default: 0.5, Min: 0, Max: 1, Unit: "1", Meaning: "Share of the broker's trust in both persons that an introduced tie starts with above trust.initial", Source: "Burt (2005), brokerage and closure; assumption"},
	{Path: "trust.meetings", Default: 0.05, Min: 0, Max: 1, Unit: "1", Meaning: "Share of the gap to full trust gained per meeting or brokered contact over a tie", Source: srcTrust},
	{Path: "trust.meeting_ties", Default: 0.15, Min: 0, Max: 1, Unit: "1", Meaning: "Probability that a meeting participant (core executive, ambassador, network manager) forms a tie with another participant at a meeting", Source: srcAssumption},
	{Path: "trust.meeting_weeks", Default: 4, Min: 1, Max: 52, Unit: "week", Meaning: "Weeks between the network's meetings (core coalition, network team, network manager)", Source: "Seed, Deel B: executives meet about once a year (Bossche Bond) to five times a year (MOM); network teams more often"},
	{Path: "trust.inheritance", Default: 0.8, Min: 0, Max: 1, Unit: "1", Meaning: "Share of trust a successor keeps on a tie inherited through a function", Source: "Seed, Deel C h3: institutionalising roles protects against turnover"},

	// Households.
	{Path: "households.count", Default: 20000, Min: 0, Max: 1e7, Unit: "households", Meaning: "Households in the network's area (city about 70,000, neighbourhood a few thousand, region several hundred thousand)", Source: srcHouseholds},
	{Path: "households.problem_rate", Default: 0.02, Min: 0, Max: 1, Unit: "1/year", Meaning: "Yearly chance that a household gets a multi-domain problem the regular system world does not solve", Source: srcProblems},
	{Path: "households.reach", Default: 0.15, Min: 0, Max: 1, Unit: "1", Meaning: "Share of the area's households one partner knows as clients (where its professionals can find a problem)", Source: srcReach},
	{Path: "households.exit_rate", Default: 1, Min: 0, Max: 52, Unit: "1/year", Meaning: "Yearly hazard that a waiting problem leaves unreached (handled elsewhere, moved, escalated)", Source: srcAssumption},

	// Cases.
	{Path: "cases.detection", Default: 79, Min: 0, Max: 100000, Unit: "households/year", Meaning: "Households a fully network-oriented professional screens for multi-domain problems per year", Source: srcCalibrated},
	{Path: "cases.domains", Default: 2.6, Min: 2, Max: 7, Unit: "domains", Meaning: "Mean number of life domains of a case", Source: srcCases},
	{Path: "cases.effort_weeks", Default: 4, Min: 1, Max: 520, Unit: "week", Meaning: "Weeks of full joint effort a two-domain case needs", Source: srcEffort},
	{Path: "cases.max_weeks", Default: 78, Min: 1, Max: 1040, Unit: "week", Meaning: "Weeks after which an unsolved case fails", Source: srcAssumption},
	{Path: "cases.capacity", Default: 3, Min: 1, Max: 100, Unit: "cases", Meaning: "Open network cases one professional can carry", Source: srcAssumption},
	{Path: "cases.baseline_consent", Default: 0.4, Min: 0, Max: 1, Unit: "1", Meaning: "Room a professional has for network work even under an own-oriented manager", Source: srcFig4Mgr},
	{Path: "cases.handoff", Default: 0.5, Min: 0, Max: 5, Unit: "1", Meaning: "Effort lost to hand-offs per extra organisation in a case, where decisions are not handed over", Source: srcSovereign},
	{Path: "cases.money_share", Default: 0.3, Min: 0, Max: 1, Unit: "1", Meaning: "Share of cases that need fast money to break through", Source: srcFund},
	{Path: "cases.money_amount", Default: 2, Min: 0, Max: 1000, Unit: "k EUR", Meaning: "Mean amount of fast money a case needs", Source: srcFund},
	{Path: "cases.slow_money", Default: 0.4, Min: 0, Max: 1, Unit: "1", Meaning: "Effort factor of a case that needs money and must wait for regular channels", Source: srcFund},
	{Path: "cases.search_weeks", Default: 0.5, Min: 0, Max: 52, Unit: "week", Meaning: "Joint effort it takes to find and brief a colleague outside the lead's ties (lowered by learning)", Source: "Seed, Deel C h1: first-order learning, people 'weten elkaar te vinden'; modelling assumption"},
	{Path: "cases.orientation_floor", Default: 0.5, Min: 0, Max: 1, Unit: "1", Meaning: "Share of a member's effort that does not depend on its orientation", Source: srcConstant},
	{Path: "cases.consent_floor", Default: 0.5, Min: 0, Max: 1, Unit: "1", Meaning: "Share of a member's effort that does not depend on its manager's consent", Source: srcConstant},
	{Path: "cases.trust_floor", Default: 0.5, Min: 0, Max: 1, Unit: "1", Meaning: "Share of a member's effort that does not depend on trust with the case's lead", Source: srcConstant},
	{Path: "cases.lead_tries", Default: 30, Min: 1, Max: 10000, Unit: "persons", Meaning: "Professionals asked in turn to lead a new case before the household is left to the system world", Source: srcConstant},
	{Path: "cases.recruit_tries", Default: 40, Min: 1, Max: 10000, Unit: "persons", Meaning: "Professionals asked in turn to join a case outside the lead's ties", Source: srcConstant},
	{Path: "cases.complexity", Default: 0.5, Min: 0, Max: 1, Unit: "1", Meaning: "Share of its effort the most complex case loses in a network whose coordinators have no experience and which has learned nothing", Source: "Seed, Deel B Proeftuin Ruwaard: 'veelal zogenaamde complexe casussen'; Deel C h1: learning; modelling assumption for the size"},
	{Path: "cases.prevalence.housing", Default: 0.15, Min: 0, Max: 1, Unit: "1", Meaning: "Relative frequency of housing problems in multi-domain cases", Source: "Modelling assumption: debts and welfare most often, per the cases of Deel B"},
	{Path: "cases.prevalence.care", Default: 0.2, Min: 0, Max: 1, Unit: "1", Meaning: "Relative frequency of care problems", Source: "Modelling assumption, per the cases of Deel B"},
	{Path: "cases.prevalence.welfare", Default: 0.2, Min: 0, Max: 1, Unit: "1", Meaning: "Relative frequency of welfare problems", Source: "Modelling assumption, per the cases of Deel B"},
	{Path: "cases.prevalence.income", Default: 0.1, Min: 0, Max: 1, Unit: "1", Meaning: "Relative frequency of work-and-income problems", Source: "Modelling assumption, per the cases of Deel B"},
	{Path: "cases.prevalence.debts", Default: 0.25, Min: 0, Max: 1, Unit: "1", Meaning: "Relative frequency of debts", Source: "Modelling assumption, per the cases of Deel B"},
	{Path: "cases.prevalence.education", Default: 0.05, Min: 0, Max: 1, Unit: "1", Meaning: "Relative frequency of education problems", Source: "Modelling assumption, per the cases of Deel B"},
	{Path: "cases.prevalence.safety", Default: 0.05, Min: 0, Max: 1, Unit: "1", Meaning: "Relative frequency of safety problems", Source: "Modelling assumption, per the cases of Deel B"},

	// Wellbeing.
	{Path: "wellbeing.intake", Default: 3, Min: 0, Max: 10, Unit: "points (0-10)", Meaning: "Mean wellbeing of a household at intake", Source: srcProeftuin},
	{Path: "wellbeing.intake_sd", Default: 1, Min: 0, Max: 5, Unit: "points", Meaning: "Spread of wellbeing at intake", Source: srcAssumption},
	{Path: "wellbeing.gain", Default: 5.5, Min: 0, Max: 10, Unit: "points", Meaning: "Wellbeing gained when a case is solved", Source: srcGain},
	{Path: "wellbeing.failed_loss", Default: 0.5, Min: 0, Max: 10, Unit: "points", Meaning: "Wellbeing lost when a case fails", Source: srcAssumption},

	// Indirect value.
	{Path: "value.learning_rate", Default: 0.02, Min: 0, Max: 1, Unit: "1/week", Meaning: "Growth of learning (first order) at full joint activity", Source: srcLearning},
	{Path: "value.innovation_rate", Default: 0.01, Min: 0, Max: 1, Unit: "1/week", Meaning: "Growth of innovation (second order) per unit of learning", Source: srcLearning},
	{Path: "value.transformation_rate", Default: 0.006, Min: 0, Max: 1, Unit: "1/week", Meaning: "Growth of transformation (third order) per unit of innovation and legitimacy", Source: srcLearning},
	{Path: "value.decay", Default: 0.002, Min: 0, Max: 1, Unit: "1/week", Meaning: "Weekly decay of each order of learning", Source: srcAssumption},
	{Path: "value.unpursued", Default: 0.2, Min: 0, Max: 1, Unit: "1", Meaning: "Growth factor of a function the network does not pursue", Source: srcTable},
	{Path: "value.rigidity", Default: 0.7, Min: 0, Max: 1, Unit: "1", Meaning: "How much institutionalisation damps innovation", Source: "Seed, Deel C h3: Cimot (institutionalised) versus MOM (reinvented itself)"},
	{Path: "value.signal_cases", Default: 4, Min: 0.01, Max: 1000, Unit: "cases/partner/year", Meaning: "Solved cases per partner per year that make the network's direct value plain to boards", Source: srcAssumption},
	{Path: "value.learning_effect", Default: 0.5, Min: 0, Max: 1, Unit: "1", Meaning: "Share of the hand-off cost and of the search for colleagues that full first-order learning removes ('weten elkaar te vinden')", Source: srcLearning},
	{Path: "value.adoption_rate", Default: 0.01, Min: 0, Max: 1, Unit: "1/week", Meaning: "Weekly uptake of the network's innovation into a partner's regular work, per unit of innovation", Source: srcKraam},
	{Path: "value.ambassador_carry", Default: 2, Min: 0, Max: 20, Unit: "1", Meaning: "Extra uptake at a partner whose middle managers are all ambassadors (they carry the new ways home)", Source: srcKraam},
	{Path: "value.innovation_effect", Default: 0.5, Min: 0, Max: 1, Unit: "1", Meaning: "Share of the managers' internal-procedures and internal-success forces and of the complexity and backlash forces that full adoption of the innovation removes", Source: srcKraam},
	{Path: "value.transformation_effect", Default: 0.8, Min: 0, Max: 1, Unit: "1", Meaning: "Share of the system world's pressure on executives that full transformation removes", Source: srcLearning},
	{Path: "value.transformation_funding", Default: 0.5, Min: 0, Max: 5, Unit: "1", Meaning: "Rise of the municipal money at full transformation (funding flows change), as a share", Source: srcLearning},

	// Legitimacy.
	{Path: "legitimacy.rate", Default: 0.02, Min: 0, Max: 1, Unit: "1/week", Meaning: "Weekly adjustment of legitimacy and board support towards their targets", Source: srcLegitimacy},
	{Path: "legitimacy.scale_partners", Default: 20, Min: 1, Max: 10000, Unit: "partners", Meaning: "Partners at which demand for external legitimacy equals a fully visible network's supply", Source: "Seed, Deel C h4: legitimacy grows more urgent with scale"},
	{Path: "legitimacy.ambition", Default: 0.01, Min: 0, Max: 1, Unit: "1/week", Meaning: "Weekly adjustment of the shared ambition to the executives' orientation", Source: "Seed, Deel C h2: gedeelde ambitie"},
	{Path: "legitimacy.stance_weight", Default: 0.5, Min: 0, Max: 1, Unit: "1", Meaning: "Weight of a board's initial stance in its support target (the rest: what it sees of the network)", Source: srcConstant},
	{Path: "legitimacy.signal_weight", Default: 0.5, Min: 0, Max: 1, Unit: "1", Meaning: "Weight of direct value in what boards and the outside world see (the rest: indirect value, transformation)", Source: srcConstant},
	{Path: "legitimacy.memory_weeks", Default: 26, Min: 1, Max: 1040, Unit: "week", Meaning: "Weeks over which boards and the outside world average the cases solved and failed", Source: srcConstant},
	{Path: "legitimacy.demand", Default: 0.5, Min: 0, Max: 10, Unit: "1", Meaning: "Demand for external legitimacy of a network of scale_partners partners", Source: "Seed, Deel C h4: legitimacy grows more urgent with scale"},
	{Path: "legitimacy.self", Default: 0.2, Min: 0, Max: 5, Unit: "1", Meaning: "Self-legitimation: partners present themselves as representatives of society (weighted by their boards' support)", Source: srcLegForms},
	{Path: "legitimacy.partial", Default: 0.2, Min: 0, Max: 5, Unit: "1", Meaning: "Partial legitimation: each partner accounts for its own part through its regular channels (the direct value it reports)", Source: srcLegForms},
	{Path: "legitimacy.ambassador", Default: 0.5, Min: 0, Max: 5, Unit: "1", Meaning: "Ambassador legitimation: ambassadors, network team and resident members speak for the network", Source: srcLegForms},
	{Path: "legitimacy.formal", Default: 1, Min: 0, Max: 5, Unit: "1", Meaning: "Formal legitimation: visible accountability for direct value and transformation", Source: srcLegForms},
	{Path: "legitimacy.residents", Default: 0.5, Min: 0, Max: 5, Unit: "1", Meaning: "Accountability to residents: weight of resident involvement", Source: srcLegitimacy},
	{Path: "legitimacy.budget", Default: 0.3, Min: 0, Max: 1, Unit: "1", Meaning: "Share of the municipal money that depends on the network's external legitimacy", Source: srcLegitimacy},
	{Path: "legitimacy.contribution", Default: 0.3, Min: 0, Max: 1, Unit: "1", Meaning: "Share of a partner's contribution that depends on its board's support (internal legitimacy)", Source: srcLegitimacy},
	{Path: "legitimacy.willingness", Default: 0.2, Min: 0, Max: 1, Unit: "1", Meaning: "Share of residents' willingness to come forward with their problems that depends on the network's external legitimacy", Source: srcLegitimacy},
	{Path: "legitimacy.attraction", Default: 0, Min: 0, Max: 52, Unit: "partners/year", Meaning: "New partners a year that a fully legitimate network attracts", Source: "Seed, Deel C h2: 'nieuwe partijen stappen naar voren'"},
	{Path: "legitimacy.exit", Default: 0.1, Min: 0, Max: 52, Unit: "1/year", Meaning: "Yearly hazard that a partner whose board has withdrawn its support leaves", Source: "Seed, Deel C h2: 'leden komen erbij of vallen af'"},
	{Path: "legitimacy.exit_support", Default: 0.1, Min: 0, Max: 1, Unit: "1", Meaning: "Board support below which a partner starts to leave (the hazard grows linearly below it)", Source: srcLegitimacy},

	// Governance.
	{Path: "governance.contact_hours", Default: 0.4, Min: 0, Max: 100, Unit: "hours/week", Meaning: "Hours a week one coordinating contact takes: a pair of partners under shared governance, the hub and one partner under a lead or NAO", Source: srcHours},
	{Path: "governance.decisions", Default: 24, Min: 0, Max: 1000, Unit: "1/year", Meaning: "Strategic decisions the network takes a year (goals, partners, money, relations)", Source: srcDecisions},
	{Path: "governance.decision_hours", Default: 2, Min: 0, Max: 100, Unit: "hours", Meaning: "Hours one participant spends on one strategic decision at full goal consensus", Source: srcAssumption},
	{Path: "governance.executive_hours", Default: 4, Min: 0, Max: 40, Unit: "hours/week", Meaning: "Hours a week an executive gives to the network's coordination and decisions", Source: srcHours},
	{Path: "governance.manager_hours", Default: 2, Min: 0, Max: 40, Unit: "hours/week", Meaning: "Hours a week a middle manager gives to aligning with other partners", Source: srcHours},
	{Path: "governance.professional_hours", Default: 1, Min: 0, Max: 40, Unit: "hours/week", Meaning: "Hours a week a professional gives to hand-offs of cases with other partners", Source: srcHours},
	{Path: "governance.lead_hours", Default: 12, Min: 0, Max: 40, Unit: "hours/week", Meaning: "Hours a week each person of a lead organisation at a level it leads gives to leading", Source: srcGovernance},
	{Path: "governance.lead_share", Default: 0.6, Min: 0, Max: 1, Unit: "1", Meaning: "Share of strategic decisions a lead organisation takes alone (it also takes those the partners have no time for)", Source: "Seed, Deel A h2: 'vaak enkele deelnemers (bestuurders) leidend'; Cimot: 'wie betaalt, bepaalt'"},
	{Path: "governance.fte_hours", Default: 36, Min: 1, Max: 60, Unit: "hours/week", Meaning: "Working hours a week of one paid FTE of a secretariat or network administrative organisation", Source: "Dutch full-time working week (36 hours)"},
	{Path: "governance.handoff_hours", Default: 0.5, Min: 0, Max: 40, Unit: "hours/week", Meaning: "Hours a week of hand-off for every member beyond the lead of an open case", Source: srcSovereign},
	{Path: "governance.lead_dominance", Default: 0.3, Min: 0, Max: 1, Unit: "1", Meaning: "Board support a non-lead partner loses per unit of the lead organisation's share of decisions", Source: srcGovernance},
	{Path: "governance.manager_weight", Default: 0.5, Min: 0, Max: 1, Unit: "1", Meaning: "Share of coordination that rests on the key persons' (network manager, core coalition) social capital", Source: srcTurnover},
	{Path: "governance.capital_half", Default: 15, Min: 0.01, Max: 10000, Unit: "trust·ties", Meaning: "Trust summed over the key persons' ties at which their social capital is half", Source: srcTurnover},
	{Path: "governance.coordinators", Default: 1, Min: 1, Max: 50, Unit: "persons", Meaning: "Persons who share the network manager's role (MOM's Kolectivo's spread it)", Source: "Seed, Deel B MOM: 'de invulling van het MOM-management inmiddels breder verdeeld'"},
	{Path: "governance.congestion", Default: 0.1, Min: 0, Max: 5, Unit: "1/network", Meaning: "Attention lost per competing network ('bestuurlijke drukte')", Source: "Seed, Deel C h2: bestuurlijke drukte"},

	// Goals.
	{Path: "goals.dispersion", Default: 0.5, Min: 0, Max: 5, Unit: "1", Meaning: "Spread of the partners' own goals around the profile of the households' problems (standard deviation on a log scale); goal consensus falls as it grows", Source: srcGoals},
	{Path: "goals.negotiation", Default: 2, Min: 0, Max: 20, Unit: "1", Meaning: "Extra hours per strategic decision per unit of missing goal consensus, as a share of decision_hours", Source: srcGoals},
	{Path: "goals.board_weight", Default: 0.3, Min: 0, Max: 2, Unit: "1", Meaning: "Board support a partner loses per unit of distance between its goals and the shared ambition", Source: srcGoals},

	// Sovereignty.
	{Path: "sovereignty.handed", Default: 0, Min: 0, Max: 1, Unit: "1", Meaning: "Initial share of the partners' decision rights handed to the network", Source: srcSovereign},
	{Path: "sovereignty.erosion", Default: 0.25, Min: 0, Max: 10, Unit: "1/year", Meaning: "Under the Trojan-horse hypothesis: yearly erosion of a partner's own capacity at full sovereignty loss (scales with its cube)", Source: srcTrojan},
	{Path: "sovereignty.recovery", Default: 1, Min: 0, Max: 10, Unit: "1/year", Meaning: "Yearly recovery of a partner's own capacity where it keeps its decision rights", Source: srcAssumption},
	{Path: "sovereignty.trojan_horse", Default: 0, Min: 0, Max: 1, Meaning: "Hypothesis (off by default): much handed-over sovereignty erodes the partners' own capacity and weakened partners leave", Source: srcTrojan},

	// Turnover.
	{Path: "turnover.executive", Default: 0.12, Min: 0, Max: 5, Unit: "1/year", Meaning: "Yearly share of executives who leave", Source: srcTurnover},
	{Path: "turnover.manager", Default: 0.12, Min: 0, Max: 5, Unit: "1/year", Meaning: "Yearly share of middle managers who leave", Source: srcTurnover},
	{Path: "turnover.professional", Default: 0.12, Min: 0, Max: 5, Unit: "1/year", Meaning: "Yearly share of professionals who leave", Source: srcTurnover},
	{Path: "turnover.network_manager", Default: 0.1, Min: 0, Max: 5, Unit: "1/year", Meaning: "Yearly probability the network manager leaves", Source: srcTurnover},

	// Fund.
	{Path: "fund.enabled", Default: 0, Min: 0, Max: 1, Meaning: "The network has a revolving fund for fast money", Source: srcFund},
	{Path: "fund.initial", Default: 50, Min: 0, Max: 1e7, Unit: "k EUR", Meaning: "Initial fund balance", Source: srcFund},
	{Path: "fund.contributions", Default: 0, Min: 0, Max: 1e7, Unit: "k EUR/year", Meaning: "Yearly top-up of the fund by the partners", Source: srcFund},
	{Path: "fund.repayment", Default: 0.9, Min: 0, Max: 1, Unit: "1", Meaning: "Repayment discipline: share of advances the responsible partner repays", Source: srcFund},
	{Path: "fund.repayment_weeks", Default: 26, Min: 1, Max: 520, Unit: "week", Meaning: "Weeks until an advance is due for repayment", Source: srcFund},

	// Environment.
	{Path: "environment.system_pressure", Default: 0.5, Min: 0, Max: 1, Unit: "1", Meaning: "Pressure of the system world: funding rules, external regulators", Source: srcFig4Exec},
	{Path: "environment.examples", Default: 0.5, Min: 0, Max: 1, Unit: "1", Meaning: "Inspiring examples of networks elsewhere in the country", Source: srcFig4Exec},
	{Path: "environment.competing_networks", Default: 0, Min: 0, Max: 100, Unit: "networks", Meaning: "Other networks competing for the same people's attention", Source: "Seed, Deel C h2: bestuurlijke drukte"},

	{Path: "environment.crisis_pull", Default: 1.5, Min: 0, Max: 10, Unit: "1/week·rate", Meaning: "Own-organisation pull of a crisis of severity 1 ('everyone was called back')", Source: srcCrisis},

	// Middle-management intervention.
	{Path: "intervention.share", Default: 0, Min: 0, Max: 1, Unit: "1", Meaning: "Share of middle managers who are ambassadors / network-team members from the start", Source: srcMiddle},
	{Path: "intervention.ties", Default: 3, Min: 0, Max: 64, Unit: "ties", Meaning: "Cross-organisation ties each ambassador gets with managers of other partners", Source: srcMiddle},

	// Roll-out and ownership.
	{Path: "rollout.self_start", Default: 0.3, Min: 0, Max: 1, Unit: "1", Meaning: "Ownership of the way of working of a partner that starts developing it itself", Source: srcRollout},
	{Path: "rollout.copied_start", Default: 0.5, Min: 0, Max: 1, Unit: "1", Meaning: "Ownership of a partner that copies a ready approach from elsewhere", Source: srcRollout},
	{Path: "rollout.development_rate", Default: 0.02, Min: 0, Max: 1, Unit: "1/week", Meaning: "Weekly growth of ownership through joint development work", Source: srcRollout},
	{Path: "rollout.copied_factor", Default: 0.15, Min: 0, Max: 1, Unit: "1", Meaning: "Growth factor of ownership where the approach was copied rather than developed", Source: srcRollout},

	// Adaptation.
	{Path: "adaptation.enabled", Default: 0, Min: 0, Max: 1, Meaning: "The network reviews itself and reinvents its form when results or legitimacy fall", Source: srcAdapt},
	{Path: "adaptation.interval", Default: 52, Min: 1, Max: 1040, Unit: "week", Meaning: "Weeks between the network's reviews of itself", Source: srcAdapt},
	{Path: "adaptation.tolerance", Default: 0.1, Min: 0, Max: 1, Unit: "1", Meaning: "Relative fall of solved cases or external legitimacy since the last review that makes the network reinvent itself", Source: srcAdapt},
	{Path: "adaptation.renewal", Default: 0.5, Min: 0, Max: 1, Unit: "1", Meaning: "Share of the gap to full ambition and ownership a reinvention closes, and of institutionalisation it undoes", Source: srcAdapt},
	{Path: "adaptation.fte_step", Default: 0.5, Min: 0, Max: 10, Unit: "FTE", Meaning: "Coordination a reinvention adds (paid only if the budget allows)", Source: srcAdapt},

	// Residents as members.
	{Path: "residents.members", Default: 0, Min: 0, Max: 10000, Unit: "persons", Meaning: "Residents who are members of the network with a voice (BoTu12: twelve)", Source: srcBoTu12},
	{Path: "residents.half_voice", Default: 12, Min: 1, Max: 10000, Unit: "persons", Meaning: "Resident members at which their voice is half its full strength", Source: srcBoTu12},
	{Path: "residents.visibility", Default: 0.5, Min: 0, Max: 1, Unit: "1", Meaning: "Share of the gap to full visibility a full resident voice closes", Source: srcBoTu12},
	{Path: "residents.referral", Default: 0.3, Min: 0, Max: 5, Unit: "1", Meaning: "Rise of case detection at full resident voice (residents bring neighbours forward)", Source: srcBoTu12},
}

// Params returns the parameter registry, in ODD order. The slice is shared; do not modify it.
func Params() []Param { return registry }

// Lookup returns the registry entry of a dotted path.
func Lookup(path string) (Param, bool) {
	p, ok := registryIndex[path]
	return p, ok
}

var registryIndex = func() map[string]Param {
	m := make(map[string]Param, len(registry))
	for i := range registry {
		registry[i].Kind = kindOf(registry[i].Path)
		if registry[i].Kind == Bool {
			registry[i].Min, registry[i].Max = 0, 1
		}
		m[registry[i].Path] = registry[i]
	}
	return m
}()
