package i18n

import (
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/orgnet/orgnet/scenarios"
)

// Titles and questions of the presets: preset.NAME.title and
// preset.NAME.question. The English text is the preset file's own
// ([scenario] title and question), read from the embedded presets when the
// catalogue is built, so it is written in one place only; the Dutch text is
// kept here. Quotes from the case study stay as the case study has them.

// presetNL holds, per preset name, the Dutch title and question.
var presetNL = []struct{ name, title, question string }{
	{"bossche-bond",
		"Bossche Bond: een stedelijk netwerk van 16 partners met een secretariaat en een revolverend fonds",
		`Kan een stadsbreed netwerk van zestien partners, gecoördineerd door een klein secretariaat, ` +
			`met één ambassadeur per partner en een pot 'snel geld', de casussen blijven oplossen die ` +
			`tussen de organisaties in vallen? "Inmiddels nemen 17 organisaties deel, zijn ruim 200 ` +
			`professionals betrokken en zijn pakweg 250 casussen behandeld (begin 2020)." (Deel B, 1)`},
	{"mom",
		"MOM: een stedelijk netwerk, gefinancierd door de partners, dat zichzelf opnieuw uitvond, zonder de gemeente",
		`Hoe houdt een netwerk dat drijft op één netwerkmanager en een kleine kern van bestuurders het ` +
			`twaalf jaar vol, en wat levert het spreiden van het management over Kolectivo's op? ` +
			`"De MOM-manager was lang hét gezicht van de MOM. Vanwege de kwetsbaarheid van deze vorm van ` +
			`netwerkmanagement, is de invulling van het MOM-management inmiddels breder verdeeld" (Deel B, 2)`},
	{"botu",
		"BoTu: een wijkcoalitie van vijf kernpartners en vele anderen, geleid door de gemeente",
		`Kan een wijknetwerk met een kleine kerncoalitie van vijf en meer dan twintig andere ` +
			`organisaties, waaronder bewoners, groter worden dan de vijftien partners die andere netwerken ` +
			`werkbaar vinden? "Een relatief kleine kerncoalitie van vijf partijen houdt de sturing ` +
			`overzichtelijk." (Deel C, h2)`},
	{"proeftuin-ruwaard",
		"Proeftuin Ruwaard: een wijknetwerk met een programmamanager, een netwerkteam en een gedeeld budget",
		`Wat bereikt een wijknetwerk voor zijn bewoners als het zijn middenmanagers in een netwerkteam ` +
			`organiseert, een wijkbudget deelt en 'een stukje soevereiniteit' overdraagt? "In totaal zijn ` +
			`er sinds 2016 meer dan 400 casussen op deze manier opgepakt." "Bij een meting in 2016 en 2017 ` +
			`nam de beoordeling daarvan toe van (gemiddeld) een drie naar (gemiddeld) een acht na de ` +
			`ondersteuning." (Deel B, 4)`},
	{"cimot",
		"Cimot: een regionaal netwerk van zo'n veertig partners, geleid door de gemeenten, voor directe waarde",
		`Hoe ver komt een groot regionaal netwerk als de betalende gemeenten de leiding hebben, partners ` +
			`de indicatiestelling en een deel van de woningtoewijzing overdragen en het werk in procedures ` +
			`is vastgelegd? "Enkele partijen leveren een deel van hun soevereiniteit in: zorgaanbieders bij ` +
			`de indicatiestelling (dat gebeurt binnen het netwerk door een Cimot-casemanager)" (Deel B, 5)`},
	{"sovereignty-loss",
		"Verlies van soevereiniteit: wat als de partners veel meer van hun beslissingsrechten overdragen?",
		`Beslissingsrechten overdragen aan het netwerk bespaart overdrachten en laat professionals ` +
			`handelen zonder te vragen, maar middenmanagers verliezen controle, en een netwerk dat sterk ` +
			`wordt kan de organisaties uithollen die het hebben opgebouwd: "Het netwerk eet als het ware ` +
			`de eigen initiatiefnemers op." (Deel A, h3). Hier dragen de partners van Proeftuin Ruwaard in ` +
			`jaar 2 70% van hun beslissingsrechten over. Vergelijk met de preset zelf (15%) of doe een ` +
			`sweep over sovereignty.handed. Dat uithollen is een vermoeden van de casestudie ("in ` +
			`potentie"; het inleveren van soevereiniteit wordt "beperkt ervaren"): zet ` +
			`sovereignty.trojan_horse aan om het als hypothese te bekijken.`},
	{"turnover",
		"Verloop: wat als onze netwerkmanager en de bestuurders van de kerncoalitie vertrekken?",
		`Netwerken "drijven op persoonlijke krachten" (Deel A, h3) en "De MOM-manager was lang hét ` +
			`gezicht van de MOM" (Deel B, 2). In jaar 4 vertrekt de netwerkmanager, en in jaar 5 de ` +
			`bestuurders van de kerncoalitie; het verloop op alle niveaus is 20% per jaar. Hoeveel ` +
			`vertrouwen en waarde gaan er verloren, en hoe langzaam komen ze terug? Probeer ` +
			`network.institutionalisation = 0.6 om te zien wat functies in plaats van personen opleveren, ` +
			`en wat ze kosten aan innoveren.`},
	{"scale-up",
		"Opschalen: hoe groot kan een netwerk worden onder gedeelde governance?",
		`"Veel meer dan de huidige omvang - zo rond de vijftien partijen - wordt lastig, zo stelt men." ` +
			`(Deel C, h2). Hier groeit een netwerk van zestien partners dat zichzelf coördineert (gedeelde ` +
			`governance) in de jaren 2 tot 5 tot zo'n dertig. Groeit de waarde mee, of eet de coördinatie ` +
			`de winst op? Vergelijk met network.governance = "nao" of "lead".`},
	{"rollout",
		"Uitrol: de aanpak kopiëren naar een nieuwe plek, of de nieuwe plek een eigen aanpak laten ontwikkelen?",
		`Proeftuin Ruwaard wordt in zes tot acht andere gemeenten gevolgd, maar "'Kopiëren en ` +
			`uitrollen' is in ieder geval geen goede strategie, want juist het zelf ontwikkelen en ` +
			`doormaken is van belang" (Deel B, 4). In jaar 3 sluiten twaalf partners van een nieuwe plek ` +
			`aan, met de aanpak overgenomen. Vergelijk met mode = "self-developed" in de events.`},
	{"crisis",
		"Crisis: wat gebeurt er als iedereen wordt teruggefloten naar de eigen organisatie?",
		`"Maar bijvoorbeeld tijdens de coronacrisis werd iedereen teruggefloten en bleek er nog ` +
			`bijzonder weinig ruimte voor persoonlijke invulling." (Deel B, 3). In jaar 3 begint een ` +
			`crisis van een half jaar. Hoe ver vallen de drie niveaus terug, en hoe snel herstelt het ` +
			`netwerk zich? Vergelijk met een netwerk dat meer vertrouwen heeft opgebouwd ` +
			`(trust.initial = 0.6).`},
	{"middle-management",
		"Middenmanagement: wat leveren ambassadeurs en een netwerkteam voor managers op?",
		`"Bij de MOM en Proeftuin Ruwaard signaleerde men dat aandacht vereist is voor de middenlaag ` +
			`van managers." De antwoorden waren Kolectivo's, ambassadeurs en een netwerkteam (Deel C, ` +
			`h2-3). Hier begint de Bossche Bond zonder ambassadeurs en stelt hij in jaar 2 ambassadeurs ` +
			`aan voor de helft van zijn middenmanagers. Keren de middenmanagers zich naar het netwerk, en ` +
			`stijgt de directe waarde die hun professionals leveren mee?`},
	{"revolving-fund",
		"Revolverend fonds: wat als de partners niet terugbetalen?",
		`"De Bossche Bond wil daarbij een revolving fund zijn. De partij die aan de lat had moeten ` +
			`staan voor de hulpverlening, betaalt achteraf terug aan de gezamenlijke pot." Maar "De ` +
			`beoogde werking van het revolving fund is nog geen praktijk." (Deel B, 1). Hier wordt maar ` +
			`één op de vijf voorschotten terugbetaald en vult niemand het fonds aan. Hoe lang houdt het ` +
			`fonds het uit, en wat verliest het netwerk als het snelle geld op is? Vergelijk met ` +
			`fund.repayment = 0.9.`},
	{"governance",
		"Governance: gedeeld, leidende organisatie of netwerkadministratieve organisatie?",
		`"Kenis (2019) presenteert drie vormen van governance. Bij de bekeken netwerken lopen deze door ` +
			`elkaar." (Deel A, h2). De vijfentwintig partners van BoTu worden hier door de partners zelf ` +
			`gecoördineerd (gedeelde governance). Vergelijk met network.governance = "lead" (de eigen ` +
			`vorm van BoTu) en "nao", en met network.coordination_fte voor de omvang van een secretariaat.`},
	{"national",
		"Landelijk: een netwerk van zo'n 300 lokale netwerken, een miljoen personen, gedeelde woon- en zorgpartners",
		`Hoe ziet het land eruit als het netwerk van elke gemeente tegelijk wordt gesimuleerd, met ` +
			`woningcorporaties en zorgaanbieders die in meerdere gemeenten werken en professionals die door ` +
			`meer dan één netwerk worden gevraagd? Stijgen en dalen de lokale netwerken die partners delen ` +
			`samen, en hoe groot is de spreiding tussen hen? "Men ervaart 'bestuurlijke drukte' van ` +
			`diverse (andere) netwerken die zich richten op verwante maatschappelijke vraagstukken." en ` +
			`"Er is daarmee sprake van een netwerk van netwerken ('meta-netwerk')." (Deel B, 1 Bossche Bond)`},
}

func init() {
	for _, name := range scenarios.Names() {
		if title, question, ok := presetEnglish(name); ok {
			en["preset."+name+".title"] = title
			en["preset."+name+".question"] = question
		}
	}
	for _, p := range presetNL {
		nl["preset."+p.name+".title"] = p.title
		nl["preset."+p.name+".question"] = p.question
	}
}

// presetEnglish reads the title and question of a preset from its file. A
// preset that is missing or does not read is left out (the tests report it).
func presetEnglish(name string) (title, question string, ok bool) {
	src, err := scenarios.Source(name)
	if err != nil {
		return "", "", false
	}
	// Only the [scenario] table is read: resolving the whole preset for every
	// program start would cost more than the labels are worth.
	var head struct {
		Scenario struct {
			Title    string `toml:"title"`
			Question string `toml:"question"`
		} `toml:"scenario"`
	}
	if _, err := toml.Decode(string(src), &head); err != nil {
		return "", "", false
	}
	title, question = head.Scenario.Title, head.Scenario.Question
	if title == "" || question == "" { // Inherited from its base preset.
		cfg, err := scenarios.Preset(name)
		if err != nil {
			return "", "", false
		}
		title, question = cfg.Scenario.Title, cfg.Scenario.Question
	}
	return title, question, true
}

// Preset returns the title and question of the preset name in l. title and
// question are those of the configuration at hand; each is replaced by the
// catalogue's text only while it is still the preset's own, so a scenario
// file that keeps a preset's name but writes its own title or question shows
// its own text.
func Preset(l Lang, name, title, question string) (string, string) {
	return presetField(l, "preset."+name+".title", title), presetField(l, "preset."+name+".question", question)
}

func presetField(l Lang, key, text string) string {
	if s, ok := en[key]; ok && s == text && Has(l, key) {
		return T(l, key)
	}
	return text
}

// quoteEN translates the case study's Dutch quotes in the presets' English
// questions. The English page shows the translation, with the Dutch
// original at hand (on hover); the Dutch page shows the original.
var quoteEN = map[string]string{
	"Inmiddels nemen 17 organisaties deel, zijn ruim 200 professionals betrokken en zijn pakweg 250 casussen behandeld (begin 2020).":                                                "By now 17 organisations take part, well over 200 professionals are involved and some 250 cases have been handled (early 2020).",
	"De MOM-manager was lang hét gezicht van de MOM. Vanwege de kwetsbaarheid van deze vorm van netwerkmanagement, is de invulling van het MOM-management inmiddels breder verdeeld": "For a long time the MOM manager was the face of the MOM. Because this form of network management is vulnerable, the MOM management has since been spread more widely",
	"Een relatief kleine kerncoalitie van vijf partijen houdt de sturing overzichtelijk.":                                                                                            "A relatively small core coalition of five parties keeps the steering manageable.",
	"In totaal zijn er sinds 2016 meer dan 400 casussen op deze manier opgepakt.":                                                                                                    "In all, more than 400 cases have been taken up this way since 2016.",
	"Bij een meting in 2016 en 2017 nam de beoordeling daarvan toe van (gemiddeld) een drie naar (gemiddeld) een acht na de ondersteuning.":                                          "In a measurement in 2016 and 2017, the rating of it rose from (on average) a three to (on average) an eight after the support.",
	"Enkele partijen leveren een deel van hun soevereiniteit in: zorgaanbieders bij de indicatiestelling (dat gebeurt binnen het netwerk door een Cimot-casemanager)":                "Some parties give up part of their sovereignty: care providers in assessing needs (done within the network by a Cimot case manager)",
	"Het netwerk eet als het ware de eigen initiatiefnemers op.":                                                                                                                     "The network, as it were, eats up its own initiators.",
	"drijven op persoonlijke krachten":                                                                                                                                      "run on personal forces",
	"De MOM-manager was lang hét gezicht van de MOM":                                                                                                                        "For a long time the MOM manager was the face of the MOM",
	"Veel meer dan de huidige omvang - zo rond de vijftien partijen - wordt lastig, zo stelt men.":                                                                          "Much more than the present size - around fifteen parties - becomes difficult, people say.",
	"'Kopiëren en uitrollen' is in ieder geval geen goede strategie, want juist het zelf ontwikkelen en doormaken is van belang":                                            "'Copying and rolling out' is in any case not a good strategy, because developing it and going through it yourself is what matters",
	"Maar bijvoorbeeld tijdens de coronacrisis werd iedereen teruggefloten en bleek er nog bijzonder weinig ruimte voor persoonlijke invulling.":                            "But during the corona crisis, for example, everyone was called back and there turned out to be remarkably little room for personal interpretation.",
	"Bij de MOM en Proeftuin Ruwaard signaleerde men dat aandacht vereist is voor de middenlaag van managers.":                                                              "At the MOM and Proeftuin Ruwaard, people noted that the middle layer of managers needs attention.",
	"De Bossche Bond wil daarbij een revolving fund zijn. De partij die aan de lat had moeten staan voor de hulpverlening, betaalt achteraf terug aan de gezamenlijke pot.": "The Bossche Bond wants to be a revolving fund in this. The party that should have been responsible for the help pays back into the joint pot afterwards.",
	"De beoogde werking van het revolving fund is nog geen praktijk.":                                                                                                       "The intended working of the revolving fund is not yet practice.",
	"Kenis (2019) presenteert drie vormen van governance. Bij de bekeken netwerken lopen deze door elkaar.":                                                                 "Kenis (2019) presents three forms of governance. In the networks studied they are mixed.",
	"Men ervaart 'bestuurlijke drukte' van diverse (andere) netwerken die zich richten op verwante maatschappelijke vraagstukken.":                                          "People experience 'administrative crowding' from various (other) networks that address related social questions.",
	"Er is daarmee sprake van een netwerk van netwerken ('meta-netwerk').":                                                                                                  "It is thus a network of networks ('meta-network').",
}

// QuotePart is a piece of a text: plain, or a quote translated from Dutch
// (Original holds the Dutch).
type QuotePart struct {
	Text     string `json:"text"`
	Original string `json:"original,omitempty"`
}

// TranslateQuotes splits an English text into plain pieces and the case
// study's Dutch quotes, translated, each with its original. In Dutch the
// text is one plain piece.
func TranslateQuotes(l Lang, text string) []QuotePart {
	if l != EN {
		return []QuotePart{{Text: text}}
	}
	var parts []QuotePart
	for text != "" {
		at, nl := -1, ""
		for q := range quoteEN {
			if i := strings.Index(text, q); i >= 0 && (at < 0 || i < at || i == at && len(q) > len(nl)) {
				at, nl = i, q
			}
		}
		if at < 0 {
			parts = append(parts, QuotePart{Text: text})
			break
		}
		if at > 0 {
			parts = append(parts, QuotePart{Text: text[:at]})
		}
		parts = append(parts, QuotePart{Text: quoteEN[nl], Original: nl})
		text = text[at+len(nl):]
	}
	return parts
}
