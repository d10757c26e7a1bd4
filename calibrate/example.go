package calibrate

// Example is a commented calibration file for the seed's calibration
// targets (orgnet calibrate --example prints it).
const Example = `# orgnet calibration: infer parameters from the seed's figures by
# Approximate Bayesian Computation (ABC-SMC). Run it with
#   orgnet calibrate calibration.toml --out results/calibration
# and read report.html there. Cost: a simulation (one particle) runs every
# scenario below "replications" times; a case preset to year 4 takes about
# 9 ms of one core, so a particle here takes about 75 ms. With population 500
# and max_simulations 40000 (the budget counts every simulation run) the
# calibration takes about 25 minutes on two cores (measured: 1478 s); lower
# both for a first look (population 100, max_simulations 4000: about 3
# minutes). results/gallery/calibration holds this file's result.

mode = "smc"          # "smc" (sequential Monte Carlo) or "rejection"
seed = 1              # everything random derives from it
population = 500      # accepted particles per generation
replications = 4      # runs per particle and scenario; targets use their mean
quantile = 0.5        # next tolerance: this weighted quantile of the distances
kernel = "normal"     # perturbation: "normal" (2 x the population's covariance) or "olcm" (local, per particle)
predictive = 200      # posterior draws simulated afresh for the predictive check

[stop]                # whichever comes first
generations = 12
min_tolerance = 0.5   # a distance of 0.5: every target within half its scale
min_acceptance = 0.02
max_simulations = 40000

# Parameters and their priors: uniform (min, max), loguniform (min, max),
# normal (mean, sd) or truncnormal (mean, sd, min, max), within the
# registry's ranges (orgnet params).
[[parameters]]
path = "cases.detection"      # the rate the presets are calibrated with
prior = "loguniform"
min = 20.0
max = 400.0

[[parameters]]
path = "cases.effort_weeks"   # an assumption with much leverage
prior = "loguniform"
min = 1.0
max = 16.0

[[parameters]]
path = "wellbeing.gain"       # 3 -> 8 in the seed
prior = "truncnormal"
mean = 5.0
sd = 1.5
min = 1.0
max = 9.0

# Targets: the sum of metrics of a scenario at a year (years since the
# start), the seed's figure, and a scale (a miss of one scale is a
# distance of 1; the distance is the root of the summed squares).
[[targets]]
name = "bb_handled"
scenario = "bossche-bond"      # year 0 = June 2016
metric = "cases_solved_cum + cases_failed_cum"
year = 3.75                    # early 2020
value = 250
scale = 25
source = "Deel B, 1: pakweg 250 casussen behandeld (begin 2020)"

[[targets]]
name = "pr_handled"
scenario = "proeftuin-ruwaard"
metric = "cases_solved_cum + cases_failed_cum"
year = 4
value = 400
scale = 40
source = "Deel B, 4: meer dan 400 casussen opgepakt sinds 2016"

[[targets]]
name = "pr_wellbeing"
scenario = "proeftuin-ruwaard"
metric = "wellbeing"
year = 4
value = 8
scale = 0.5
source = "Deel B, 4: beoordeling van een drie naar een acht"

# Held out: simulated and reported in the predictive check, never fitted.
[[targets]]
name = "pr_supported"
scenario = "proeftuin-ruwaard"
metric = "cases_solved_cum + cases_failed_cum + cases_open"
year = 4
value = 500
scale = 50
held_out = true
source = "Deel B, 4: zo'n vijfhonderd mensen ondersteund"

# Constraints (pattern-oriented filter): every accepted parameter set must
# show them (means over the replications). left and right are metrics or
# sums; or compare with a number: value = 0.5.
[[constraints]]
name = "professionals_most_oriented"
scenario = "bossche-bond"
year = 3.75
left = "orientation_professional"
op = ">"
right = "orientation_manager"
`
