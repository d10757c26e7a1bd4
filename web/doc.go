// Package web is orgnet's local explorer: an HTTP server with one page,
// embedded in the binary, on which a person chooses a preset, moves the
// sliders of its main parameters, runs the model and watches its charts and
// network picture change, compares two scenarios (a dilemma) over the same
// seeds, and downloads the run's data, pictures, report and scenario file.
//
// The charts are drawn by package plots, the same pictures the command line
// makes; labels come from package i18n in English or Dutch. The server
// accepts only parameter values inside the registry's ranges, caps run
// length, persons and concurrent runs per client, stops a run when its page
// goes away, writes nothing outside its results folder and serves nothing
// but its own assets.
package web
