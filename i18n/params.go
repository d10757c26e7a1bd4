package i18n

import (
	"strings"

	"github.com/orgnet/orgnet/sim"
)

// Parameter labels: for every path of the parameter registry (sim.Params) a
// short name in English and Dutch (param.PATH) and a one-line meaning
// (meaning.PATH). The English meaning is the registry's own, so it is written
// in one place; the Dutch meaning is kept here. Choices of the choice
// parameters (choice.PATH.VALUE) and the parameters' units (unit.UNIT) are
// here too.

// paramText holds, per registry path: English label, Dutch label, Dutch meaning.
var paramText = []struct{ path, en, nl, nlMeaning string }{
	{"run.years", "Years", "Jaren", "Gesimuleerde tijd; één tik is één week"},
	{"run.seed", "Seed", "Seed", "Hoofdseed; elke toevalsstroom is ervan afgeleid"},
	{"run.replications", "Replications", "Replicaties", "Replicaties, elk met een seed afgeleid van de hoofdseed"},
	{"network.governance", "Governance form", "Bestuursvorm", "Bestuursvorm: gedeeld (door de deelnemers), leidende organisatie, of netwerkadministratieve organisatie"},
	{"network.count", "Local networks", "Lokale netwerken", "Lokale netwerken die samen gesimuleerd worden (landelijke schaal)"},
	{"network.size_spread", "Spread of network size", "Spreiding in netwerkgrootte", "Relatieve spreiding van het aantal partners tussen lokale netwerken"},
	{"network.shared_orgs", "Shared organisations", "Gedeelde organisaties", "Aandeel organisaties dat ook in een naburig netwerk werkt"},
	{"network.ambition", "Shared ambition", "Gedeelde ambitie", "Gedeelde ambitie (overeenstemming over doelen) van de partners bij de start"},
	{"network.institutionalisation", "Institutionalisation", "Institutionalisering", "Mate waarin rollen functies zijn in plaats van personen"},
	{"network.visibility", "Visibility", "Zichtbaarheid", "Zichtbaarheid van het netwerk voor bewoners en de buitenwereld"},
	{"network.resident_involvement", "Resident involvement", "Betrokkenheid van bewoners", "Betrokkenheid van bewoners bij het netwerk"},
	{"network.coordination_fte", "Coordination capacity", "Coördinatiecapaciteit", "Capaciteit van secretariaat / programmamanager"},
	{"network.origin", "Origin of the approach", "Herkomst van de aanpak", "Of het netwerk een eigen ontwikkeling doormaakte of de aanpak van elders overnam"},
	{"network.contribution", "Contribution per partner", "Bijdrage per partner", "Jaarlijkse bijdrage van elke partner aan het budget van het netwerk (gelijke delen)"},
	{"network.municipal_budget", "Municipal budget", "Gemeentelijk budget", "Jaarlijks budget van de gemeente bovenop de bijdragen"},
	{"network.fte_cost", "Cost per FTE", "Kosten per fte", "Jaarlijkse kosten van één fte coördinatie; het budget begrenst de coördinatie die het kan betalen"},
	{"network.core_coalition", "Core coalition", "Kerncoalitie", "Partners in de kerncoalitie (0: alle partners)"},
	{"functions.learning", "Learning", "Leren", "Het netwerk streeft leren van de eerste orde na"},
	{"functions.innovation", "Innovation", "Innoveren", "Het netwerk streeft leren van de tweede orde na (innoveren)"},
	{"functions.transformation", "Transformation", "Transformeren", "Het netwerk streeft leren van de derde orde na (transformeren)"},
	{"partners.municipality", "Municipalities", "Gemeenten", "Gemeenten per netwerk"},
	{"partners.housing", "Housing corporations", "Woningcorporaties", "Woningcorporaties per netwerk"},
	{"partners.care", "Care providers", "Zorgaanbieders", "Zorgaanbieders per netwerk"},
	{"partners.welfare", "Welfare organisations", "Welzijnsorganisaties", "Welzijnsorganisaties per netwerk"},
	{"partners.school", "Schools", "Scholen", "Scholen per netwerk"},
	{"partners.company", "Companies", "Bedrijven", "Private bedrijven per netwerk"},
	{"partners.residents", "Residents' organisations", "Bewonersorganisaties", "Bewonersorganisaties per netwerk"},
	{"partners.leave_hazard", "Hazard of leaving", "Kans op vertrek", "Jaarlijkse kans dat een partner zonder bestuurlijke steun en zonder eigen capaciteit vertrekt"},
	{"supervisors.municipality", "Supervisors: municipality", "Toezicht: gemeente", "Beginhouding van het toezicht van de gemeente tegenover het netwerk"},
	{"supervisors.housing", "Supervisors: housing", "Toezicht: wonen", "Beginhouding van de raad van toezicht van woningcorporaties tegenover het netwerk"},
	{"supervisors.care", "Supervisors: care", "Toezicht: zorg", "Beginhouding van de raad van toezicht van zorgaanbieders tegenover het netwerk (zorgaanbieders worden afgerekend op productie)"},
	{"supervisors.welfare", "Supervisors: welfare", "Toezicht: welzijn", "Beginhouding van de raad van toezicht van welzijnsorganisaties tegenover het netwerk"},
	{"supervisors.school", "Supervisors: schools", "Toezicht: scholen", "Beginhouding van het toezicht van scholen tegenover het netwerk"},
	{"supervisors.company", "Supervisors: companies", "Toezicht: bedrijven", "Beginhouding van het toezicht van bedrijven tegenover het netwerk"},
	{"supervisors.residents", "Supervisors: residents", "Toezicht: bewoners", "Beginhouding van het toezicht van bewonersorganisaties tegenover het netwerk"},
	{"persons.professionals", "Professionals", "Professionals", "Professionals die in elk netwerk werken"},
	{"persons.span_of_control", "Span of control", "Span of control", "Professionals per middenmanager"},
	{"persons.executives_per_org", "Executives per organisation", "Bestuurders per organisatie", "Bestuurders per organisatie"},
	{"persons.orientation_executive", "Start orientation: executives", "Beginoriëntatie: bestuurders", "Gemiddelde beginoriëntatie van bestuurders (0 eigen organisatie, 1 netwerk)"},
	{"persons.orientation_manager", "Start orientation: managers", "Beginoriëntatie: middenmanagers", "Gemiddelde beginoriëntatie van middenmanagers"},
	{"persons.orientation_professional", "Start orientation: professionals", "Beginoriëntatie: professionals", "Gemiddelde beginoriëntatie van professionals"},
	{"persons.anchor", "Anchor in own organisation", "Anker in eigen organisatie", "Anker in de eigen organisatie waar iedereen naar wordt teruggetrokken; ook de oriëntatie van een nieuwkomer"},
	{"persons.spread", "Spread of orientation", "Spreiding van oriëntatie", "Standaardafwijking van de beginoriëntaties"},
	{"forces.executive.indirect_value", "Indirect value", "Indirecte waarde", "Besef dat het netwerk nodig is voor de maatschappelijke opgave (indirecte waarde)"},
	{"forces.executive.switching", "Used to switching", "Gewend om te schakelen", "Gewend om te schakelen tussen de eigen en de netwerkoriëntatie"},
	{"forces.executive.examples", "Examples elsewhere", "Voorbeelden elders", "Voorbeelden elders in het land"},
	{"forces.executive.system_world", "System world", "Systeemwereld", "Eisen van de systeemwereld (financiering, externe toezichthouders)"},
	{"forces.executive.supervisors", "Own supervisory board", "Eigen raad van toezicht", "De eigen raad van toezicht ziet het netwerk als risico of als geen kerntaak"},
	{"forces.manager.indirect_value", "Indirect value", "Indirecte waarde", "Besef dat het netwerk nodig is voor de maatschappelijke opgave (indirecte waarde)"},
	{"forces.manager.network_team", "Network team / ambassador", "Netwerkteam / ambassadeur", "Deelnemen aan een netwerkteam of optreden als ambassadeur"},
	{"forces.manager.internal_procedures", "Internal procedures", "Interne procedures", "Belang van interne procedures"},
	{"forces.manager.internal_success", "Judged on internal success", "Afgerekend op intern succes", "Afgerekend op intern 'succes'"},
	{"forces.manager.experienced_loss", "Experienced loss", "Ervaren verlies", "Inzet voor het netwerk gaat ten koste van de eigen organisatie"},
	{"forces.manager.loss_of_control", "Loss of control", "Verlies van controle", "Verlies van controle over 'hun' professionals"},
	{"forces.professional.direct_value", "Direct value", "Directe waarde", "Elke dag zien dat het netwerk nodig is (directe waarde)"},
	{"forces.professional.frontline", "Cooperation at the front line", "Samenwerking aan de frontlinie", "Stimuleren van samenwerking aan de frontlinie"},
	{"forces.professional.complexity", "Complexity", "Complexiteit", "Werken in netwerken is ingewikkelder dan de taak van de eigen organisatie"},
	{"forces.professional.own_criteria", "Own organisation's criteria", "Criteria van eigen organisatie", "Afgerekend op de criteria van de eigen organisatie in plaats van die van het netwerk"},
	{"influence.rate", "Speed of change", "Snelheid van verandering", "Deel van de netto trekkracht op de oriëntatie dat per week wordt gerealiseerd"},
	{"influence.peers", "Influence of peers", "Invloed van collega's", "Gewicht van vertrouwde collega's in andere organisaties (sociale invloed)"},
	{"influence.hierarchy", "Influence of the superior", "Invloed van de leidinggevende", "Gewicht van de houding van de eigen leidinggevende (manager voor professionals, bestuurder voor managers)"},
	{"influence.anchoring", "Pull back (stubbornness)", "Terugtrekkracht (koppigheid)", "Gewicht van de trek terug naar de eigen organisatie (koppigheid)"},
	{"trust.initial", "Initial trust", "Beginvertrouwen", "Vertrouwen op een nieuw gevormde band"},
	{"trust.gain", "Trust gained", "Winst aan vertrouwen", "Deel van het gat tot volledig vertrouwen dat per gezamenlijk succes wordt gewonnen"},
	{"trust.loss", "Trust lost", "Verlies aan vertrouwen", "Deel van het vertrouwen dat per gezamenlijke mislukking verloren gaat (sneller verloren dan opgebouwd)"},
	{"trust.decay", "Decay of trust", "Verval van vertrouwen", "Wekelijks deel van het vertrouwen dat verloren gaat op een band die trust.unused_weeks niet is gebruikt"},
	{"trust.unused_weeks", "Weeks before a tie fades", "Weken voordat een band vervaagt", "Weken zonder gezamenlijk werk, overleg of introductie waarna een band vertrouwen begint te verliezen"},
	{"trust.drop", "Trust at which a tie is dropped", "Vertrouwen waarbij een band verdwijnt", "Vertrouwen waaronder een ongebruikte band verdwijnt"},
	{"trust.ties_professional", "Ties per professional", "Banden per professional", "Gemiddeld aantal banden met andere organisaties per professional bij de start"},
	{"trust.ties_manager", "Ties per manager", "Banden per middenmanager", "Gemiddeld aantal banden met andere organisaties per middenmanager bij de start"},
	{"trust.max_ties", "Most ties per professional", "Maximum banden per professional", "Hoogste aantal banden met andere organisaties dat één professional onderhoudt"},
	{"trust.max_ties_broker", "Most ties per broker", "Maximum banden per verbinder", "Hoogste aantal banden met andere organisaties dat één bestuurder of middenmanager (een mogelijke verbinder) onderhoudt"},
	{"trust.brokering", "Brokering of ties", "Verbinden", "Verbindende handelingen (een contact of een introductie) van de coördinatie van het netwerk per betaalde fte per week"},
	{"trust.ambassador_brokering", "Brokering by ambassadors", "Verbinden door ambassadeurs", "Verbindende handelingen per ambassadeur (netwerkteamlid, Kolectivo) per week"},
	{"trust.transfer", "Trust passed on by a broker", "Doorgegeven vertrouwen", "Deel van het vertrouwen van de verbinder in beide personen waarmee een geïntroduceerde band boven het beginvertrouwen start"},
	{"trust.meetings", "Trust gained by meeting", "Vertrouwen door overleg", "Deel van het gat tot volledig vertrouwen dat per overleg of verbindend contact over een band wordt gewonnen"},
	{"trust.meeting_ties", "New ties at meetings", "Nieuwe banden in overleg", "Kans dat een deelnemer aan het overleg (kernbestuurder, ambassadeur, netwerkmanager) in een overleg een band vormt met een andere deelnemer"},
	{"trust.meeting_weeks", "Weeks between meetings", "Weken tussen overleggen", "Weken tussen de overleggen van het netwerk (kerncoalitie, netwerkteam, netwerkmanager)"},
	{"trust.inheritance", "Inherited trust", "Geërfd vertrouwen", "Deel van het vertrouwen dat een opvolger houdt op een band die via een functie wordt overgenomen"},
	{"cases.detection", "Detection of cases", "Signalering van casussen", "Casussen over meerdere leefdomeinen die een volledig netwerkgeoriënteerde professional per jaar inbrengt"},
	{"cases.domains", "Life domains per case", "Leefdomeinen per casus", "Gemiddeld aantal leefdomeinen van een casus"},
	{"cases.effort_weeks", "Effort per case", "Inzet per casus", "Weken volledige gezamenlijke inzet die een casus met twee domeinen vraagt"},
	{"cases.max_weeks", "Time limit of a case", "Termijn van een casus", "Weken waarna een onopgeloste casus mislukt"},
	{"cases.capacity", "Cases per professional", "Casussen per professional", "Open netwerkcasussen die één professional kan dragen"},
	{"cases.baseline_consent", "Baseline room", "Basisruimte", "Ruimte die een professional heeft voor netwerkwerk, ook onder een op de eigen organisatie gerichte manager"},
	{"cases.handoff", "Hand-off loss", "Overdrachtsverlies", "Inzet die verloren gaat aan overdrachten per extra organisatie in een casus, waar beslissingen niet zijn overgedragen"},
	{"cases.money_share", "Cases needing money", "Casussen die geld nodig hebben", "Aandeel casussen dat snel geld nodig heeft om door te breken"},
	{"cases.money_amount", "Money per case", "Geld per casus", "Gemiddeld bedrag aan snel geld dat een casus nodig heeft"},
	{"cases.slow_money", "Waiting for money", "Wachten op geld", "Inzetfactor van een casus die geld nodig heeft en op de reguliere kanalen moet wachten"},
	{"wellbeing.intake", "Wellbeing at intake", "Welbevinden bij aanmelding", "Gemiddeld welbevinden van een huishouden bij aanmelding"},
	{"wellbeing.intake_sd", "Spread at intake", "Spreiding bij aanmelding", "Spreiding van het welbevinden bij aanmelding"},
	{"wellbeing.gain", "Gain when solved", "Winst bij oplossing", "Welbevinden dat erbij komt als een casus wordt opgelost"},
	{"wellbeing.failed_loss", "Loss when failed", "Verlies bij mislukking", "Welbevinden dat verloren gaat als een casus mislukt"},
	{"value.learning_rate", "Growth of learning", "Groei van leren", "Groei van leren (eerste orde) bij volledige gezamenlijke activiteit"},
	{"value.innovation_rate", "Growth of innovation", "Groei van innoveren", "Groei van innoveren (tweede orde) per eenheid leren"},
	{"value.transformation_rate", "Growth of transformation", "Groei van transformeren", "Groei van transformeren (derde orde) per eenheid innoveren en legitimiteit"},
	{"value.decay", "Decay of learning", "Verval van leren", "Wekelijks verval van elke orde van leren"},
	{"value.unpursued", "Unpursued functions", "Niet nagestreefde functies", "Groeifactor van een functie die het netwerk niet nastreeft"},
	{"value.rigidity", "Rigidity", "Rigiditeit", "Hoeveel institutionalisering innoveren dempt"},
	{"value.signal_cases", "Cases that show value", "Casussen die waarde tonen", "Opgeloste casussen per partner per jaar die de directe waarde van het netwerk duidelijk maken aan besturen"},
	{"legitimacy.rate", "Adjustment of legitimacy", "Aanpassing van legitimiteit", "Wekelijkse aanpassing van legitimiteit en bestuurlijke steun naar hun doelniveau"},
	{"legitimacy.scale_partners", "Scale of legitimacy demand", "Schaal van de legitimiteitsvraag", "Aantal partners waarbij de vraag naar externe legitimiteit gelijk is aan wat een volledig zichtbaar netwerk levert"},
	{"legitimacy.ambition", "Adjustment of ambition", "Aanpassing van ambitie", "Wekelijkse aanpassing van de gedeelde ambitie aan de oriëntatie van de bestuurders"},
	{"governance.shared_pairs", "Shared governance span", "Reikwijdte gedeeld bestuur", "Partnerparen die gedeeld bestuur met halve efficiëntie coördineert (105 paren = 15 partners)"},
	{"governance.lead_partners", "Lead organisation span", "Reikwijdte leidende organisatie", "Partners die een leidende organisatie met halve efficiëntie coördineert"},
	{"governance.nao_partners_per_fte", "NAO span per FTE", "Reikwijdte NAO per fte", "Partners die één fte van een netwerkadministratieve organisatie met halve efficiëntie coördineert"},
	{"governance.lead_dominance", "Lead dominance", "Dominantie van de trekker", "Bestuurlijke steun die partners verliezen onder een dominante leidende organisatie"},
	{"governance.manager_weight", "Weight of the network manager", "Gewicht van de netwerkmanager", "Deel van de coördinatie dat op de netwerkmanager als persoon rust"},
	{"governance.capital_half", "Half social capital", "Half sociaal kapitaal", "Vertrouwen opgeteld over de banden van de sleutelpersonen waarbij hun sociaal kapitaal de helft is"},
	{"governance.coordinators", "Persons sharing the network manager's role", "Personen die het netwerkmanagement delen", "Personen die de rol van netwerkmanager delen (de Kolectivo's van MOM spreidden die)"},
	{"governance.congestion", "Administrative congestion", "Bestuurlijke drukte", "Aandacht die verloren gaat per concurrerend netwerk ('bestuurlijke drukte')"},
	{"sovereignty.handed", "Sovereignty handed over", "Overgedragen soevereiniteit", "Aandeel van de beslissingsrechten van de partners dat bij de start aan het netwerk is overgedragen"},
	{"sovereignty.erosion", "Erosion of own capacity", "Uitholling van eigen capaciteit", "Jaarlijkse uitholling van de eigen capaciteit van een partner bij volledig verlies van soevereiniteit (schaalt met de derde macht)"},
	{"sovereignty.recovery", "Recovery of own capacity", "Herstel van eigen capaciteit", "Jaarlijks herstel van de eigen capaciteit van een partner die zijn beslissingsrechten houdt"},
	{"turnover.executive", "Turnover: executives", "Verloop: bestuurders", "Jaarlijks aandeel bestuurders dat vertrekt"},
	{"turnover.manager", "Turnover: middle managers", "Verloop: middenmanagers", "Jaarlijks aandeel middenmanagers dat vertrekt"},
	{"turnover.professional", "Turnover: professionals", "Verloop: professionals", "Jaarlijks aandeel professionals dat vertrekt"},
	{"turnover.network_manager", "Turnover: network manager", "Verloop: netwerkmanager", "Jaarlijkse kans dat de netwerkmanager vertrekt"},
	{"fund.enabled", "Revolving fund", "Revolverend fonds", "Het netwerk heeft een revolverend fonds voor snel geld"},
	{"fund.initial", "Initial fund", "Beginkapitaal fonds", "Beginsaldo van het fonds"},
	{"fund.contributions", "Yearly contributions", "Jaarlijkse bijdragen", "Jaarlijkse aanvulling van het fonds door de partners"},
	{"fund.repayment", "Repayment discipline", "Terugbetaaldiscipline", "Terugbetaaldiscipline: deel van de voorschotten dat de verantwoordelijke partner terugbetaalt"},
	{"fund.repayment_weeks", "Repayment term", "Terugbetaaltermijn", "Weken tot een voorschot terugbetaald moet zijn"},
	{"environment.system_pressure", "System pressure", "Druk van de systeemwereld", "Druk van de systeemwereld: financieringsregels, externe toezichthouders"},
	{"environment.examples", "Examples in the country", "Voorbeelden in het land", "Inspirerende voorbeelden van netwerken elders in het land"},
	{"environment.competing_networks", "Competing networks", "Concurrerende netwerken", "Andere netwerken die om de aandacht van dezelfde mensen concurreren"},
	{"environment.crisis_pull", "Pull of a crisis", "Trekkracht van een crisis", "Trekkracht naar de eigen organisatie van een crisis met ernst 1 ('iedereen werd teruggeroepen')"},
	{"intervention.share", "Ambassadors (share of managers)", "Ambassadeurs (aandeel managers)", "Aandeel middenmanagers dat vanaf de start ambassadeur of lid van het netwerkteam is"},
	{"intervention.ties", "Ties per ambassador", "Banden per ambassadeur", "Banden met managers van andere partners die elke ambassadeur krijgt"},
	{"rollout.self_start", "Ownership when self-developed", "Eigenaarschap bij eigen ontwikkeling", "Eigenaarschap van de werkwijze bij een partner die haar zelf begint te ontwikkelen"},
	{"rollout.copied_start", "Ownership when copied", "Eigenaarschap bij overname", "Eigenaarschap bij een partner die een kant-en-klare aanpak van elders overneemt"},
	{"rollout.development_rate", "Growth of ownership", "Groei van eigenaarschap", "Wekelijkse groei van eigenaarschap door gezamenlijk ontwikkelwerk"},
	{"rollout.copied_factor", "Growth when copied", "Groei bij overname", "Groeifactor van eigenaarschap waar de aanpak is overgenomen in plaats van ontwikkeld"},
}

// choiceText names the values of the choice parameters.
var choiceText = []struct{ key, en, nl string }{
	{"choice.network.governance.shared", "shared by the partners", "gedeeld door de partners"},
	{"choice.network.governance.lead", "lead organisation", "leidende organisatie"},
	{"choice.network.governance.nao", "network administrative organisation", "netwerkadministratieve organisatie"},
	{"choice.network.origin.self-developed", "self-developed", "zelf ontwikkeld"},
	{"choice.network.origin.copied", "copied from elsewhere", "van elders overgenomen"},
}

// stanceText names the supervisory boards' stances, for every supervisors.KIND.
var stanceText = []struct{ value, en, nl string }{
	{"risk", "a risk", "een risico"},
	{"noncore", "not a core task", "geen kerntaak"},
	{"asset", "an asset", "een aanwinst"},
}

// paramUnits are the parameters' units, where the metrics' units (catalog.go)
// do not already name them.
var paramUnits = []struct{ unit, en, nl string }{
	{"1/week", "per week", "per week"},
	{"1/week·rate", "per week (rate)", "per week (tempo)"},
	{"1/year", "per year", "per jaar"},
	{"1/network", "per network", "per netwerk"},
	{"FTE", "FTE", "fte"},
	{"cases/partner/year", "cases per partner per year", "casussen per partner per jaar"},
	{"cases/year", "cases per year", "casussen per jaar"},
	{"domains", "domains", "domeinen"},
	{"k EUR/year", "thousand EUR per year", "duizend euro per jaar"},
	{"networks", "networks", "netwerken"},
	{"pairs", "pairs", "paren"},
	{"partners", "partners", "partners"},
	{"partners/FTE", "partners per FTE", "partners per fte"},
	{"points", "points", "punten"},
	{"points (0-10)", "points (0–10)", "punten (0–10)"},
	{"runs", "runs", "runs"},
	{"acts/FTE/week", "acts per FTE per week", "handelingen per fte per week"},
	{"acts/week", "acts per week", "handelingen per week"},
	{"trust·ties", "trust summed over ties", "vertrouwen opgeteld over banden"},
}

func init() {
	for _, p := range paramText {
		en["param."+p.path] = p.en
		nl["param."+p.path] = p.nl
		nl["meaning."+p.path] = p.nlMeaning
	}
	for _, p := range sim.Params() {
		en["meaning."+p.Path] = p.Meaning
		if strings.HasPrefix(p.Path, "supervisors.") {
			for _, s := range stanceText {
				en["choice."+p.Path+"."+s.value] = s.en
				nl["choice."+p.Path+"."+s.value] = s.nl
			}
		}
	}
	for _, c := range choiceText {
		en[c.key] = c.en
		nl[c.key] = c.nl
	}
	for _, u := range paramUnits {
		addNew(en, "unit."+u.unit, u.en)
		addNew(nl, "unit."+u.unit, u.nl)
	}
}

// addNew sets key in m unless it is there already.
func addNew(m map[string]string, key, value string) {
	if _, ok := m[key]; !ok {
		m[key] = value
	}
}
