import Diagnostics
import ReportForm

/// A number read from a cell, kept exactly: an integer of minor units (hundredths of 万元 for
/// amounts), so sums never suffer from floating point.
public struct CellValue: Sendable, Hashable {
    public let minorUnits: Int64
    public let scale: Int
    public let location: SourceLocation
    /// True where nianbao computed a total the writer left out.
    public let isComputed: Bool

    public init(minorUnits: Int64, scale: Int, location: SourceLocation, isComputed: Bool = false) {
        self.minorUnits = minorUnits
        self.scale = scale
        self.location = location
        self.isComputed = isComputed
    }

    /// The value as written in Chinese tables: 「96171.60」 for amounts, 「3119」 for counts.
    public var text: String { Self.format(minorUnits, scale: scale) }

    public static func format(_ minorUnits: Int64, scale: Int) -> String {
        guard scale > 0 else { return String(minorUnits) }
        var divisor: Int64 = 1
        for _ in 0..<scale { divisor *= 10 }
        let sign = minorUnits < 0 ? "-" : ""
        let magnitude = minorUnits.magnitude
        let fraction = String(magnitude % UInt64(divisor))
        return sign + String(magnitude / UInt64(divisor)) + "." + String(repeating: "0", count: scale - fraction.count) + fraction
    }
}
