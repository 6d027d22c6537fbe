/// Vigna's SplitMix64: a small, fast, seedable generator whose sequence
/// depends only on the seed, so a generated case (a random unit, a random
/// grid, a random line break) is the same on every run and machine. The
/// one generator of the tests, the fuzz regressions and `formprint bench`.
package struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    package init(seed: UInt64) { state = seed }

    /// A generator whose seed is mixed first, so that the sequences of
    /// seeds n and n+1 do not overlap.
    package init(mixing seed: UInt64) {
        var z = seed &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 31)) &* 0x94D0_49BB_1331_11EB
        state = z ^ (z >> 29)
    }

    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension SplitMix64 {
    /// True with the given probability.
    package mutating func chance(_ probability: Double) -> Bool { Double.random(in: 0..<1, using: &self) < probability }

    /// One of `values`, which must not be empty.
    package mutating func pick<T>(_ values: [T]) -> T { values[Int.random(in: 0..<values.count, using: &self)] }
}
