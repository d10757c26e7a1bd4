package sim

// Random streams. A run has one PCG stream (math/rand/v2), seeded from the
// run's seed; replications and sweep runs derive their seeds from a master
// seed with SplitMix64, so every stream follows from the master seed.

// streamModel is the PCG stream constant of a run's model stream.
const streamModel = 0x6f72676e6574 // "orgnet"

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
