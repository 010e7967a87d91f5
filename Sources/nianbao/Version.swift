import Diagnostics

enum NianbaoVersionString {
    static let value = Diagnostics.NianbaoVersion.current
}
