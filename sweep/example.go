package sweep

// Example is a commented sweep file (orgnet sweep --example).
const Example = `# An orgnet sweep: many runs of one base scenario, with parameters varied.
# Run it with: orgnet sweep THIS_FILE.toml --out results/my-sweep

# The base scenario: a preset (orgnet scenarios) or a scenario file (a relative
# path is read from this file's folder). Everything not varied below keeps
# the base's value.
base = "bossche-bond"

# Sampling method:
#   grid    every combination of the values; a min/max range gets "samples"
#           evenly spaced points (on a log scale with log = true)
#   random  "samples" independent uniform draws
#   lhs     a Latin hypercube of "samples" points
#   morris  "samples" Morris trajectories (k+1 points each, k parameters),
#           for elementary effects (mu*, mu, sigma); see [morris]
#   sobol   Saltelli's scheme: "samples" base rows, N*(k+2) points, for
#           first-order and total Sobol indices
method = "lhs"
samples = 100

# Runs per sample, each with its own seed; run ids are
# sample_id * replications + rep, and each run's seed derives from the
# master seed and its run id, so results never depend on the number of
# workers or shards.
replications = 5
seed = 1

# Simulated years of every run (optional; the base scenario's otherwise).
# One-off events of the base after this many years are dropped.
years = 10

# The parameters to vary, by dotted path (orgnet params lists them):
# either values = [...] or a range min/max (log = true for a log scale).
# Integers are rounded; choices and switches take values lists.
[[parameters]]
path = "forces.manager.loss_of_control"
min = 0.0
max = 1.0

[[parameters]]
path = "trust.gain"
min = 0.01
max = 0.2
log = true

[[parameters]]
path = "network.governance"
values = ["shared", "lead", "nao"]

# What to record of every run: a statistic of a metric (orgnet metrics lists
# them). stat = final (the last value), mean (over from_year..to_year,
# default the whole run), max, min, or time_to: the first year the metric is
# at or above threshold (above = false: at or below); empty (NA) if never.
[[outcomes]]
name = "solved"
metric = "cases_solved_cum"
stat = "final"

[[outcomes]]
name = "manager_late"
metric = "orientation_manager"
stat = "mean"
from_year = 5
to_year = 10

[[outcomes]]
name = "peak_trust"
metric = "trust"
stat = "max"

[[outcomes]]
name = "years_to_wellbeing_6"
metric = "wellbeing"
stat = "time_to"
threshold = 6.0
above = true

# Morris only: grid levels (even, default 4). trajectories is another name
# for samples.
# [morris]
# levels = 4
`
