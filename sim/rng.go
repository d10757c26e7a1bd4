package sim

import "math/rand/v2"

// Random streams. A run has a model stream and one stream per network, all
// PCG (math/rand/v2) seeded from the run's seed: the model stream draws
// everything that concerns the run as a whole (setup, events, turnover,
// brokering, partners leaving, repayments), a network's stream everything
// about its cases (arrivals, domains, lead, team, work, money, intake), so
// the networks' cases can run at the same time on several threads.
// Replications and sweep runs derive their seeds from a master seed with
// SplitMix64, so every stream follows from the master seed.

// streamModel is the PCG stream constant of a run's model stream.
const streamModel = 0x6f72676e6574 // "orgnet"

// streamNetwork is the PCG stream constant of network 0's stream; network k
// has streamNetwork+k.
const streamNetwork = 0x6e6574776f726b00 // "network\0"

// networkStream returns the random stream of network k of a run with the
// given seed: PCG seeded with a SplitMix64 mix of the seed and k, and the
// stream constant streamNetwork+k.
func networkStream(seed uint64, k int) *rand.PCG {
	c := streamNetwork + uint64(k)
	return rand.NewPCG(SplitMix64(seed^SplitMix64(c)), c)
}

// SplitMix64 is one step of the SplitMix64 generator: a well-mixed 64-bit
// function of x, used to derive independent seeds.
func SplitMix64(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// DeriveSeed returns the seed of run (or replication) i of a master seed.
func DeriveSeed(master uint64, i int) uint64 {
	return SplitMix64(SplitMix64(master) ^ SplitMix64(uint64(i)+0x5eed))
}
