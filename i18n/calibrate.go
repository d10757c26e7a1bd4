package i18n

// Labels of answers that carry a calibration's posterior (orgnet run and
// orgnet compare with --posterior), merged into the catalogue at start-up.

var calibrateEN = map[string]string{
	"posterior.run":     "Including parameter uncertainty from the calibration: each replication ran with its own parameter set drawn from the posterior %s (%s), so the bands show the uncertainty of these parameters as well as chance.",
	"posterior.compare": "Including parameter uncertainty from the calibration: each pair of replications ran with its own parameter set drawn from the posterior %s (%s), the same for A and B, so the intervals show the uncertainty of these parameters as well as chance.",
}

var calibrateNL = map[string]string{
	"posterior.run":     "Inclusief parameteronzekerheid uit de kalibratie: elke replicatie draaide met een eigen parameterset getrokken uit de posterior %s (%s), dus de banden tonen de onzekerheid over deze parameters naast het toeval.",
	"posterior.compare": "Inclusief parameteronzekerheid uit de kalibratie: elk paar replicaties draaide met een eigen parameterset getrokken uit de posterior %s (%s), dezelfde voor A en B, dus de intervallen tonen de onzekerheid over deze parameters naast het toeval.",
}

func init() {
	for k, v := range calibrateEN {
		en[k] = v
	}
	for k, v := range calibrateNL {
		nl[k] = v
	}
}
