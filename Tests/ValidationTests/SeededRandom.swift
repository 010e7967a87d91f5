/// A small deterministic generator for the tests that make random inputs (PCG's multiplier and
/// increment on 64 bits, the high bits taken): the same seed gives the same inputs on every run
/// and machine, so a failure can be replayed.
struct SeededRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// A number in `0..<bound`.
    mutating func next(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(bound))
    }

    /// One of `choices`.
    mutating func pick<Element>(_ choices: [Element]) -> Element { choices[next(choices.count)] }
}
