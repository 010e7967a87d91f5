/// The A4 page of GB/T 9704-2012 §5.2 (spec §5), in PDF points from the bottom-left corner:
/// 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm, 22 lines of 28 characters in 3号 (16 pt), the page
/// number in 4号 (14 pt) 7 mm below the text block, outside on odd pages and inside on even ones.
public struct PageGeometry: Sendable {
    public static let millimetre = 72.0 / 25.4

    public let width = 210 * millimetre
    public let height = 297 * millimetre
    public let top = 37 * millimetre
    public let binding = 28 * millimetre
    public let measure = 156 * millimetre
    public let depth = 225 * millimetre
    public let linesPerPage = 22
    public let charactersPerLine = 28
    public let bodySize = 16.0
    public let titleSize = 22.0
    public let pageNumberSize = 14.0
    public let tableSize = 10.5

    public init() {}

    /// The distance between baselines of body lines.
    public var linePitch: Double { depth / Double(linesPerPage) }
    /// The width of one character on the grid.
    public var characterPitch: Double { measure / Double(charactersPerLine) }
    /// What is added to a 16 pt character's advance to keep to the grid.
    public var bodyTracking: Double { characterPitch - bodySize }

    /// The left edge of the text block: the binding is on the left of odd pages, on the right of even ones.
    public func left(onPage number: Int) -> Double {
        number % 2 == 1 ? binding : width - binding - measure
    }

    /// The top of the text block.
    public var blockTop: Double { height - top }
    /// The bottom of the text block.
    public var blockBottom: Double { blockTop - depth }

    /// The baseline of a line of `size` points centred in the line slot whose top is `slotTop`.
    public func baseline(slotTop: Double, size: Double, pitch: Double? = nil) -> Double {
        slotTop - (pitch ?? linePitch) / 2 - 0.36 * size
    }
}
