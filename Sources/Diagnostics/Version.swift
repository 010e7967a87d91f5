/// The version of nianbao, printed by `--version` and recorded in machine-readable output.
public enum NianbaoVersion {
    public static let current = "0.1.0"
}
