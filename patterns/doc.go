// Package patterns is orgnet's pattern suite: pattern-oriented validation
// (Grimm et al. 2005) that can fail.
//
// The suite keeps four kinds of statements apart:
//
//   - calibration targets: the case study's figures used to set parameters. They
//     are reported as fits, never as evidence;
//   - validation patterns: statements of the case study not used for calibration.
//     Each is a statistic over paired runs (common random numbers: the same
//     seeds in every compared arm) with a 95% interval, a smallest effect
//     that matters in users' terms or a shape (a band, an inverted U, a
//     half-time), the mechanism that should produce it, and an ablation that
//     switches the mechanism off: the pattern must then fail, or it is not
//     explained by that mechanism;
//   - hypotheses: what the model explores but the case study does not state. They
//     are reported with their result, whatever it is;
//   - held-out figures: seed figures kept out of calibration and compared
//     with the model.
//
// Every pattern is a declarative Pattern value (see Suite): the arms it
// compares as `--set` overrides and events added to a base scenario, a
// statistic computed from the metrics of sim.Result rows, its test, its
// mechanism and its ablation as `path=value` overrides. Run evaluates them
// all with one engine, for any base scenario, and Write writes the report
// (patterns.csv and patterns.html). `orgnet patterns` and the tests in sim
// call the same code.
package patterns
