import Diagnostics
import ReportForm

/// A number read from a cell, kept exactly: an integer of minor units (ten-thousandths of 万元
/// for amounts), so sums never suffer from floating point.
public struct CellValue: Sendable, Hashable {
    public let minorUnits: Int64
    public let scale: Int
    public let location: SourceLocation
    /// True where nianbao computed a total the writer left out.
    public let isComputed: Bool
    /// Decimal places as written (at most `scale`): 「4068.208」 is shown with three, 「0」 with none.
    public let decimals: Int

    public init(minorUnits: Int64, scale: Int, location: SourceLocation, isComputed: Bool = false, decimals: Int? = nil) {
        self.minorUnits = minorUnits
        self.scale = scale
        self.location = location
        self.isComputed = isComputed
        self.decimals = min(decimals ?? scale, scale)
    }

    /// The value as written in the report: 「96171.6」 or 「72701.2578」 for amounts, 「3119」 for counts.
    public var text: String { Self.format(minorUnits, scale: scale, decimals: decimals) }

    /// `minorUnits` of `scale` shown with `decimals` places (all of them by default); the places
    /// dropped are zeros wherever the value was written with that many.
    public static func format(_ minorUnits: Int64, scale: Int, decimals: Int? = nil) -> String {
        let shown = min(decimals ?? scale, scale)
        guard scale > 0 else { return String(minorUnits) }
        var divisor: Int64 = 1
        for _ in 0..<scale { divisor *= 10 }
        let sign = minorUnits < 0 ? "-" : ""
        let magnitude = minorUnits.magnitude
        var fraction = String(magnitude % UInt64(divisor))
        fraction = String(repeating: "0", count: scale - fraction.count) + fraction
        guard shown > 0 else { return sign + String(magnitude / UInt64(divisor)) }
        return sign + String(magnitude / UInt64(divisor)) + "." + fraction.prefix(shown)
    }
}
