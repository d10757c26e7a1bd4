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
	{"network.governance_strategic", "Strategic governance", "Strategisch bestuur", "Bestuursvorm van het strategische niveau (besluiten en afstemming van bestuurders); \"same\": network.governance"},
	{"network.governance_tactical", "Tactical governance", "Tactisch bestuur", "Bestuursvorm van het tactische niveau (afstemming van middenmanagers); \"same\": network.governance"},
	{"network.governance_operational", "Operational governance", "Operationeel bestuur", "Bestuursvorm van het operationele niveau (overdrachten in casussen); \"same\": network.governance"},
	{"network.count", "Local networks", "Lokale netwerken", "Lokale netwerken die samen gesimuleerd worden (landelijke schaal)"},
	{"network.size_spread", "Spread of network size", "Spreiding in netwerkgrootte", "Relatieve spreiding van het aantal partners tussen lokale netwerken"},
	{"network.shared_orgs", "Shared organisations", "Gedeelde organisaties", "Aandeel organisaties dat ook in een naburig netwerk werkt"},
	{"network.ambition", "Shared ambition", "Gedeelde ambitie", "Kracht van de gedeelde ambitie bij de start: hoe sterk de kerncoalitie haar draagt (de overeenstemming over doelen volgt uit goals.dispersion)"},
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
	{"partners.leave_hazard", "Hazard of leaving", "Kans op vertrek", "Onder de hypothese van het paard van Troje: jaarlijkse kans dat een partner zonder bestuurlijke steun en zonder eigen capaciteit vertrekt"},
	{"supervisors.municipality", "Supervisors: municipality", "Toezicht: gemeente", "Beginhouding van het toezicht van de gemeente tegenover het netwerk"},
	{"supervisors.housing", "Supervisors: housing", "Toezicht: wonen", "Beginhouding van de raad van toezicht van woningcorporaties tegenover het netwerk"},
	{"supervisors.care", "Supervisors: care", "Toezicht: zorg", "Beginhouding van de raad van toezicht van zorgaanbieders tegenover het netwerk (zorgaanbieders worden afgerekend op productie)"},
	{"supervisors.welfare", "Supervisors: welfare", "Toezicht: welzijn", "Beginhouding van de raad van toezicht van welzijnsorganisaties tegenover het netwerk"},
	{"supervisors.school", "Supervisors: schools", "Toezicht: scholen", "Beginhouding van het toezicht van scholen tegenover het netwerk"},
	{"supervisors.company", "Supervisors: companies", "Toezicht: bedrijven", "Beginhouding van het toezicht van bedrijven tegenover het netwerk"},
	{"supervisors.residents", "Supervisors: residents", "Toezicht: bewoners", "Beginhouding van het toezicht van bewonersorganisaties tegenover het netwerk"},
	{"supervisors.support_risk", "Support: board sees a risk", "Steun: bestuur ziet een risico", "Beginsteun van een bestuur dat het netwerk als risico ziet"},
	{"supervisors.support_noncore", "Support: not a core task", "Steun: geen kerntaak", "Beginsteun van een bestuur dat het netwerk niet als kerntaak ziet"},
	{"supervisors.support_asset", "Support: board sees an asset", "Steun: bestuur ziet een aanwinst", "Beginsteun van een bestuur dat het netwerk als aanwinst ziet"},
	{"persons.professionals", "Professionals", "Professionals", "Professionals die in elk netwerk werken"},
	{"persons.span_of_control", "Span of control", "Span of control", "Professionals per middenmanager"},
	{"persons.executives_per_org", "Executives per organisation", "Bestuurders per organisatie", "Bestuurders per organisatie"},
	{"persons.orientation_executive", "Start orientation: executives", "Beginoriëntatie: bestuurders", "Gemiddelde beginoriëntatie van bestuurders (0 eigen organisatie, 1 netwerk)"},
	{"persons.orientation_manager", "Start orientation: managers", "Beginoriëntatie: middenmanagers", "Gemiddelde beginoriëntatie van middenmanagers"},
	{"persons.orientation_professional", "Start orientation: professionals", "Beginoriëntatie: professionals", "Gemiddelde beginoriëntatie van professionals"},
	{"persons.anchor", "Anchor in own organisation", "Anker in eigen organisatie", "Anker in de eigen organisatie waar iedereen naar wordt teruggetrokken; ook de oriëntatie van een nieuwkomer"},
	{"persons.spread", "Spread of orientation", "Spreiding van oriëntatie", "Standaardafwijking van de beginoriëntaties"},
	{"persons.network_manager", "Network manager's orientation", "Oriëntatie van de netwerkmanager", "Minimale oriëntatie van de netwerkmanager bij aanstelling"},
	{"kinds.municipality_power", "Power: municipality", "Macht: gemeente", "Macht van een gemeente: gewicht in de interne legitimiteit, rang voor kerncoalitie en leiding"},
	{"kinds.municipality_size", "Size: municipality", "Omvang: gemeente", "Relatief aantal professionals van een gemeente"},
	{"kinds.housing_power", "Power: housing corporation", "Macht: woningcorporatie", "Macht van een woningcorporatie: gewicht in de interne legitimiteit, rang voor kerncoalitie en leiding"},
	{"kinds.housing_size", "Size: housing corporation", "Omvang: woningcorporatie", "Relatief aantal professionals van een woningcorporatie"},
	{"kinds.care_power", "Power: care provider", "Macht: zorgaanbieder", "Macht van een zorgaanbieder: gewicht in de interne legitimiteit, rang voor kerncoalitie en leiding"},
	{"kinds.care_size", "Size: care provider", "Omvang: zorgaanbieder", "Relatief aantal professionals van een zorgaanbieder"},
	{"kinds.welfare_power", "Power: welfare organisation", "Macht: welzijnsorganisatie", "Macht van een welzijnsorganisatie: gewicht in de interne legitimiteit, rang voor kerncoalitie en leiding"},
	{"kinds.welfare_size", "Size: welfare organisation", "Omvang: welzijnsorganisatie", "Relatief aantal professionals van een welzijnsorganisatie"},
	{"kinds.school_power", "Power: school", "Macht: school", "Macht van een school: gewicht in de interne legitimiteit, rang voor kerncoalitie en leiding"},
	{"kinds.school_size", "Size: school", "Omvang: school", "Relatief aantal professionals van een school"},
	{"kinds.company_power", "Power: private company", "Macht: bedrijf", "Macht van een bedrijf: gewicht in de interne legitimiteit, rang voor kerncoalitie en leiding"},
	{"kinds.company_size", "Size: private company", "Omvang: bedrijf", "Relatief aantal professionals van een bedrijf"},
	{"kinds.residents_power", "Power: residents' organisation", "Macht: bewonersorganisatie", "Macht van een bewonersorganisatie: gewicht in de interne legitimiteit, rang voor kerncoalitie en leiding"},
	{"kinds.residents_size", "Size: residents' organisation", "Omvang: bewonersorganisatie", "Relatief aantal professionals van een bewonersorganisatie"},
	{"forces.backlash", "Backlash (zoetzuur)", "Weerstand van collega's (zoetzuur)", "Weerstand van collega's in de reguliere organisatie tegen netwerkgerichte professionals en managers, waar de nieuwe werkwijze niet is overgenomen ('zoetzuur')"},
	{"forces.ownership_floor", "Pull without ownership", "Trek zonder eigenaarschap", "Deel van de bevorderende krachten dat werkt zonder eigenaarschap van de werkwijze"},
	{"forces.awareness_ambition", "Ambition in awareness", "Ambitie in het besef", "Gewicht van de gedeelde ambitie in het besef van bestuurders en managers (de rest: indirecte waarde)"},
	{"forces.executive.indirect_value", "Indirect value", "Indirecte waarde", "Besef dat het netwerk nodig is voor de maatschappelijke opgave (indirecte waarde)"},
	{"forces.executive.switching", "Used to switching", "Gewend om te wisselen", "Gewend om te wisselen: bestuurders keren zich naar het netwerk bij zichtbaar succes en terug naar de eigen organisatie bij mislukkingen en in een crisis"},
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
	{"forces.professional.memory_weeks", "Memory of joint work", "Geheugen voor samenwerking", "Weken waarover een professional het geziene samenwerken onthoudt (1/e-tijd)"},
	{"forces.professional.load_weight", "Weight of open cases", "Gewicht van lopende casussen", "Wat een lopende casus telt in de directe waarde die een professional ziet, naast een opgeloste"},
	{"forces.professional.failure_credit", "Weight of failed cases", "Gewicht van mislukte casussen", "Wat een mislukte casus telt in de directe waarde die een professional ziet (ook mislukking toont dat het netwerk nodig is)"},
	{"influence.rate", "Speed of change", "Snelheid van verandering", "Deel van de netto trekkracht op de oriëntatie dat per week wordt gerealiseerd"},
	{"influence.peers", "Influence of peers", "Invloed van collega's", "Gewicht van vertrouwde collega's in andere organisaties (sociale invloed)"},
	{"influence.hierarchy", "Influence of the superior", "Invloed van de leidinggevende", "Gewicht van de houding van de eigen leidinggevende (manager voor professionals, bestuurder voor managers)"},
	{"influence.anchoring", "Pull back (stubbornness)", "Terugtrekkracht (koppigheid)", "Gewicht van de trek terug naar de eigen organisatie (koppigheid)"},
	{"trust.initial", "Initial trust", "Beginvertrouwen", "Vertrouwen op een nieuw gevormde band"},
	{"trust.gain", "Trust gained", "Winst aan vertrouwen", "Deel van het gat tot volledig vertrouwen dat per gezamenlijk succes wordt gewonnen"},
	{"trust.loss", "Trust lost", "Verlies aan vertrouwen", "Deel van het vertrouwen dat per gezamenlijke mislukking verloren gaat (sneller verloren dan opgebouwd)"},
	{"trust.decay", "Decay of trust", "Verval van vertrouwen", "Wekelijks verval van vertrouwen naar het beginniveau zonder gezamenlijk werk"},
	{"trust.ties_professional", "Ties per professional", "Banden per professional", "Gemiddeld aantal banden met andere organisaties per professional bij de start"},
	{"trust.ties_manager", "Ties per manager", "Banden per middenmanager", "Gemiddeld aantal banden met andere organisaties per middenmanager bij de start"},
	{"trust.max_ties", "Most ties per person", "Maximum banden per persoon", "Hoogste aantal banden met andere organisaties dat één persoon onderhoudt"},
	{"trust.brokering", "Brokering of ties", "Verbinden", "Nieuwe banden die de coördinatie van het netwerk per fte per week legt"},
	{"trust.meetings", "Meetings of the core coalition", "Overleg van de kerncoalitie", "Wekelijkse groei van vertrouwen tussen bestuurders van de kerncoalitie die elkaar treffen"},
	{"trust.inheritance", "Inherited trust", "Geërfd vertrouwen", "Deel van het vertrouwen dat een opvolger houdt op een band die via een functie wordt overgenomen"},
	{"households.count", "Households", "Huishoudens", "Huishoudens in het gebied van het netwerk (stad ongeveer 70.000, wijk enkele duizenden, regio honderdduizenden)"},
	{"households.problem_rate", "Problems per household", "Problemen per huishouden", "Jaarlijkse kans dat een huishouden een probleem op meerdere leefdomeinen krijgt dat de systeemwereld niet oplost"},
	{"households.reach", "Reach of a partner", "Bereik van een partner", "Aandeel van de huishoudens in het gebied dat één partner als klant kent"},
	{"households.exit_rate", "Problems leaving unreached", "Problemen die onbereikt verdwijnen", "Jaarlijkse kans dat een wachtend probleem onbereikt verdwijnt (elders opgepakt, verhuisd, geëscaleerd)"},
	{"cases.detection", "Detection of cases", "Signalering van casussen", "Huishoudens die een volledig netwerkgeoriënteerde professional per jaar op problemen over meerdere leefdomeinen screent"},
	{"cases.domains", "Life domains per case", "Leefdomeinen per casus", "Gemiddeld aantal leefdomeinen van een casus"},
	{"cases.effort_weeks", "Effort per case", "Inzet per casus", "Weken volledige gezamenlijke inzet die een casus met twee domeinen vraagt"},
	{"cases.max_weeks", "Time limit of a case", "Termijn van een casus", "Weken waarna een onopgeloste casus mislukt"},
	{"cases.capacity", "Cases per professional", "Casussen per professional", "Open netwerkcasussen die één professional kan dragen"},
	{"cases.baseline_consent", "Baseline room", "Basisruimte", "Ruimte die een professional heeft voor netwerkwerk, ook onder een op de eigen organisatie gerichte manager"},
	{"cases.handoff", "Hand-off loss", "Overdrachtsverlies", "Inzet die verloren gaat aan overdrachten per extra organisatie in een casus, waar beslissingen niet zijn overgedragen"},
	{"cases.money_share", "Cases needing money", "Casussen die geld nodig hebben", "Aandeel casussen dat snel geld nodig heeft om door te breken"},
	{"cases.money_amount", "Money per case", "Geld per casus", "Gemiddeld bedrag aan snel geld dat een casus nodig heeft"},
	{"cases.complexity", "Weight of complexity", "Gewicht van complexiteit", "Deel van de inzet dat de meest complexe casus verliest in een netwerk zonder ervaren coördinatoren en zonder geleerd te hebben"},
	{"cases.slow_money", "Waiting for money", "Wachten op geld", "Inzetfactor van een casus die geld nodig heeft en op de reguliere kanalen moet wachten"},
	{"cases.search_weeks", "Search for colleagues", "Zoeken naar collega's", "Gezamenlijke inzet die het kost een collega buiten de eigen banden te vinden en in te werken (lager met leren)"},
	{"cases.orientation_floor", "Effort without orientation", "Inzet zonder oriëntatie", "Deel van de inzet van een lid dat niet van zijn oriëntatie afhangt"},
	{"cases.consent_floor", "Effort without consent", "Inzet zonder instemming", "Deel van de inzet van een lid dat niet van de instemming van zijn manager afhangt"},
	{"cases.trust_floor", "Effort without trust", "Inzet zonder vertrouwen", "Deel van de inzet van een lid dat niet van het vertrouwen met de casusleider afhangt"},
	{"cases.lead_tries", "Tries for a lead", "Pogingen voor een casusleider", "Professionals die beurtelings gevraagd worden een nieuwe casus te leiden voordat het huishouden bij de systeemwereld blijft"},
	{"cases.recruit_tries", "Tries for a member", "Pogingen voor een lid", "Professionals die beurtelings gevraagd worden buiten de banden van de casusleider aan te sluiten"},
	{"cases.prevalence.housing", "Prevalence: housing", "Voorkomen: wonen", "Relatieve frequentie van het domein wonen in casussen op meerdere domeinen"},
	{"cases.prevalence.care", "Prevalence: care", "Voorkomen: zorg", "Relatieve frequentie van het domein zorg in casussen op meerdere domeinen"},
	{"cases.prevalence.welfare", "Prevalence: welfare", "Voorkomen: welzijn", "Relatieve frequentie van het domein welzijn in casussen op meerdere domeinen"},
	{"cases.prevalence.income", "Prevalence: work and income", "Voorkomen: werk en inkomen", "Relatieve frequentie van het domein werk en inkomen in casussen op meerdere domeinen"},
	{"cases.prevalence.debts", "Prevalence: debts", "Voorkomen: schulden", "Relatieve frequentie van het domein schulden in casussen op meerdere domeinen"},
	{"cases.prevalence.education", "Prevalence: education", "Voorkomen: onderwijs", "Relatieve frequentie van het domein onderwijs in casussen op meerdere domeinen"},
	{"cases.prevalence.safety", "Prevalence: safety", "Voorkomen: veiligheid", "Relatieve frequentie van het domein veiligheid in casussen op meerdere domeinen"},
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
	{"value.learning_effect", "Effect of learning", "Effect van leren", "Deel van de kosten van overdrachten en van het zoeken naar collega's dat volledig eerste-orde leren wegneemt ('weten elkaar te vinden')"},
	{"value.adoption_rate", "Adoption of innovation", "Overname van vernieuwing", "Wekelijkse opname van de vernieuwing van het netwerk in het reguliere werk van een partner, per eenheid vernieuwing"},
	{"value.ambassador_carry", "Carried by ambassadors", "Meegenomen door ambassadeurs", "Extra opname bij een partner van wie alle middenmanagers ambassadeur zijn (zij nemen het nieuwe werken mee naar huis)"},
	{"value.innovation_effect", "Effect of innovation", "Effect van vernieuwing", "Deel van de krachten interne procedures, complexiteit en weerstand dat volledige overname van de vernieuwing wegneemt"},
	{"value.transformation_effect", "Effect of transformation", "Effect van transformatie", "Deel van de druk van de systeemwereld op bestuurders dat volledige transformatie wegneemt"},
	{"value.transformation_funding", "Funding after transformation", "Financiering na transformatie", "Stijging van het gemeentelijke geld bij volledige transformatie (geldstromen veranderen), als aandeel"},
	{"legitimacy.rate", "Adjustment of legitimacy", "Aanpassing van legitimiteit", "Wekelijkse aanpassing van legitimiteit en bestuurlijke steun naar hun doelniveau"},
	{"legitimacy.scale_partners", "Scale of legitimacy demand", "Schaal van de legitimiteitsvraag", "Aantal partners waarbij de vraag naar externe legitimiteit gelijk is aan wat een volledig zichtbaar netwerk levert"},
	{"legitimacy.ambition", "Adjustment of ambition", "Aanpassing van ambitie", "Wekelijkse aanpassing van de gedeelde ambitie aan de oriëntatie van de bestuurders"},
	{"legitimacy.stance_weight", "Weight of stance", "Gewicht van houding", "Gewicht van de beginhouding van een bestuur in zijn steundoel (de rest: wat het van het netwerk ziet)"},
	{"legitimacy.signal_weight", "Weight of direct value", "Gewicht van directe waarde", "Gewicht van directe waarde in wat besturen en buitenwereld zien (de rest: indirecte waarde, transformatie)"},
	{"legitimacy.memory_weeks", "Memory of results", "Geheugen voor resultaten", "Weken waarover besturen en buitenwereld opgeloste en mislukte casussen middelen"},
	{"legitimacy.demand", "Demand for legitimacy", "Vraag naar legitimiteit", "Vraag naar externe legitimiteit van een netwerk met scale_partners partners"},
	{"legitimacy.self", "Self-legitimation", "Zelflegitimatie", "Zelflegitimatie: partners presenteren zich als vertegenwoordigers van de samenleving (gewogen met de steun van hun besturen)"},
	{"legitimacy.partial", "Partial legitimation", "Partiële legitimatie", "Partiële legitimatie: elke partner legt via de eigen kanalen verantwoording af over het eigen deel (de directe waarde die hij meldt)"},
	{"legitimacy.ambassador", "Ambassador legitimation", "Ambassadeurs-legitimatie", "Ambassadeurs-legitimatie: ambassadeurs, netwerkteam en bewonersleden spreken voor het netwerk"},
	{"legitimacy.formal", "Formal legitimation", "Formele legitimatie", "Formele legitimatie: zichtbare verantwoording over directe waarde en transformatie"},
	{"legitimacy.residents", "Accountability to residents", "Verantwoording aan bewoners", "Verantwoording aan bewoners: gewicht van de betrokkenheid van bewoners"},
	{"legitimacy.budget", "Budget from legitimacy", "Budget door legitimiteit", "Deel van het gemeentelijke geld dat van de externe legitimiteit van het netwerk afhangt"},
	{"legitimacy.contribution", "Contribution from support", "Bijdrage door steun", "Deel van de bijdrage van een partner dat van de steun van zijn bestuur afhangt (interne legitimiteit)"},
	{"legitimacy.willingness", "Residents' willingness", "Bereidheid van bewoners", "Deel van de bereidheid van bewoners om zich met hun problemen te melden dat van de externe legitimiteit afhangt"},
	{"legitimacy.attraction", "Attraction of partners", "Aantrekkingskracht op partners", "Nieuwe partners per jaar die een volledig legitiem netwerk aantrekt"},
	{"legitimacy.exit", "Exit without support", "Vertrek zonder steun", "Jaarlijkse kans dat een partner vertrekt wiens bestuur zijn steun heeft ingetrokken"},
	{"legitimacy.exit_support", "Support below which partners leave", "Steun waaronder partners vertrekken", "Bestuurlijke steun waaronder een partner begint te vertrekken (de kans groeit lineair daaronder)"},
	{"governance.contact_hours", "Hours per contact", "Uren per contact", "Uren per week die één coördinerend contact kost: een paar partners bij gedeeld bestuur, de spil en één partner bij een trekker of NAO"},
	{"governance.decisions", "Strategic decisions", "Strategische besluiten", "Strategische besluiten die het netwerk per jaar neemt (doelen, partners, geld, relaties)"},
	{"governance.decision_hours", "Hours per decision", "Uren per besluit", "Uren die één deelnemer aan één strategisch besluit besteedt bij volledige overeenstemming over doelen"},
	{"governance.executive_hours", "Executives' hours", "Uren van bestuurders", "Uren per week die een bestuurder aan coördinatie en besluiten van het netwerk geeft"},
	{"governance.manager_hours", "Managers' hours", "Uren van middenmanagers", "Uren per week die een middenmanager aan afstemming met andere partners geeft"},
	{"governance.professional_hours", "Professionals' hours", "Uren van professionals", "Uren per week die een professional aan overdrachten van casussen met andere partners geeft"},
	{"governance.lead_hours", "Lead organisation's hours", "Uren van de trekker", "Uren per week die iedere persoon van een leidende organisatie op een niveau dat zij leidt aan het leiden geeft"},
	{"governance.lead_share", "Lead's share of decisions", "Besluitaandeel van de trekker", "Deel van de strategische besluiten dat een leidende organisatie alleen neemt (plus die waarvoor de partners geen tijd hebben)"},
	{"governance.fte_hours", "Hours per FTE", "Uren per fte", "Werkuren per week van één betaalde fte van een secretariaat of netwerkadministratieve organisatie"},
	{"governance.handoff_hours", "Hand-off hours", "Uren voor overdracht", "Uren overdracht per week voor ieder lid naast de trekker van een open casus"},
	{"governance.lead_dominance", "Lead dominance", "Dominantie van de trekker", "Bestuurlijke steun die een partner verliest per eenheid besluitaandeel van de leidende organisatie"},
	{"governance.manager_weight", "Weight of the network manager", "Gewicht van de netwerkmanager", "Deel van de coördinatie dat op de netwerkmanager als persoon rust"},
	{"governance.manager_build_weeks", "Build-up of a new manager", "Opbouw van een nieuwe manager", "Weken die een nieuwe netwerkmanager nodig heeft om de helft van zijn persoonlijk kapitaal op te bouwen"},
	{"governance.congestion", "Administrative congestion", "Bestuurlijke drukte", "Aandacht die verloren gaat per concurrerend netwerk ('bestuurlijke drukte')"},
	{"goals.dispersion", "Dispersion of goals", "Spreiding van doelen", "Spreiding van de eigen doelen van de partners rond het profiel van de problemen van huishoudens; de overeenstemming over doelen daalt als zij groeit"},
	{"goals.negotiation", "Cost of disagreement", "Kosten van onenigheid", "Extra uren per strategisch besluit per eenheid ontbrekende overeenstemming over doelen, als deel van decision_hours"},
	{"goals.board_weight", "Weight of goals for boards", "Gewicht van doelen voor besturen", "Bestuurlijke steun die een partner verliest per eenheid afstand tussen zijn doelen en de gedeelde ambitie"},
	{"sovereignty.handed", "Sovereignty handed over", "Overgedragen soevereiniteit", "Aandeel van de beslissingsrechten van de partners dat bij de start aan het netwerk is overgedragen"},
	{"sovereignty.erosion", "Erosion of own capacity", "Uitholling van eigen capaciteit", "Onder de hypothese van het paard van Troje: jaarlijkse uitholling van de eigen capaciteit van een partner bij volledig verlies van soevereiniteit (schaalt met de derde macht)"},
	{"sovereignty.recovery", "Recovery of own capacity", "Herstel van eigen capaciteit", "Jaarlijks herstel van de eigen capaciteit van een partner die zijn beslissingsrechten houdt"},
	{"sovereignty.trojan_horse", "Trojan horse (hypothesis)", "Paard van Troje (hypothese)", "Hypothese (standaard uit): veel overgedragen soevereiniteit holt de eigen capaciteit van partners uit en verzwakte partners vertrekken"},
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
	{"adaptation.enabled", "Network reviews itself", "Netwerk evalueert zichzelf", "Het netwerk evalueert zichzelf en vindt zijn vorm opnieuw uit als resultaten of legitimiteit dalen"},
	{"adaptation.interval", "Weeks between reviews", "Weken tussen evaluaties", "Weken tussen de evaluaties van het netwerk"},
	{"adaptation.tolerance", "Tolerated fall", "Toegestane daling", "Relatieve daling van opgeloste casussen of externe legitimiteit sinds de vorige evaluatie waarbij het netwerk zichzelf opnieuw uitvindt"},
	{"adaptation.renewal", "Renewal", "Vernieuwing", "Deel van de afstand tot volledige ambitie en eigenaarschap dat een heruitvinding sluit, en van de institutionalisering dat zij ongedaan maakt"},
	{"adaptation.fte_step", "Added coordination", "Extra coördinatie", "Coördinatie die een heruitvinding toevoegt (alleen betaald als het budget het toelaat)"},
	{"residents.members", "Resident members", "Bewonersleden", "Bewoners die lid zijn van het netwerk en een stem hebben (BoTu12: twaalf)"},
	{"residents.half_voice", "Half voice", "Halve stem", "Aantal bewonersleden waarbij hun stem half zo sterk is als volledig"},
	{"residents.visibility", "Visibility from residents", "Zichtbaarheid door bewoners", "Deel van de afstand tot volledige zichtbaarheid dat een volle bewonersstem sluit"},
	{"residents.referral", "Neighbours brought forward", "Buren aangedragen", "Stijging van het aanbrengen van casussen bij een volle bewonersstem (bewoners brengen buren aan)"},
}

// choiceText names the values of the choice parameters.
var choiceText = []struct{ key, en, nl string }{
	{"choice.network.governance.shared", "shared by the partners", "gedeeld door de partners"},
	{"choice.network.governance.lead", "lead organisation", "leidende organisatie"},
	{"choice.network.governance.nao", "network administrative organisation", "netwerkadministratieve organisatie"},
	{"choice.network.governance_strategic.same", "as network.governance", "als network.governance"},
	{"choice.network.governance_strategic.shared", "shared by the partners", "gedeeld door de partners"},
	{"choice.network.governance_strategic.lead", "lead organisation", "leidende organisatie"},
	{"choice.network.governance_strategic.nao", "network administrative organisation", "netwerkadministratieve organisatie"},
	{"choice.network.governance_tactical.same", "as network.governance", "als network.governance"},
	{"choice.network.governance_tactical.shared", "shared by the partners", "gedeeld door de partners"},
	{"choice.network.governance_tactical.lead", "lead organisation", "leidende organisatie"},
	{"choice.network.governance_tactical.nao", "network administrative organisation", "netwerkadministratieve organisatie"},
	{"choice.network.governance_operational.same", "as network.governance", "als network.governance"},
	{"choice.network.governance_operational.shared", "shared by the partners", "gedeeld door de partners"},
	{"choice.network.governance_operational.lead", "lead organisation", "leidende organisatie"},
	{"choice.network.governance_operational.nao", "network administrative organisation", "netwerkadministratieve organisatie"},
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
	{"households", "households", "huishoudens"},
	{"households/year", "households per year", "huishoudens per jaar"},
	{"hours", "hours", "uren"},
	{"hours/week", "hours per week", "uren per week"},
	{"domains", "domains", "domeinen"},
	{"k EUR/year", "thousand EUR per year", "duizend euro per jaar"},
	{"networks", "networks", "netwerken"},
	{"pairs", "pairs", "paren"},
	{"partners", "partners", "partners"},
	{"partners/FTE", "partners per FTE", "partners per fte"},
	{"points", "points", "punten"},
	{"points (0-10)", "points (0–10)", "punten (0–10)"},
	{"runs", "runs", "runs"},
	{"ties/FTE/week", "ties per FTE per week", "banden per fte per week"},
	{"week", "weeks", "weken"},
	{"partners/year", "partners per year", "partners per jaar"},
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
