/// What the deployment files need to know about the site.
public struct DeploymentSite: Sendable {
    public let name: String
    public let domain: String
    /// The path the site is served under, with leading and trailing slashes: `/zfxxgk/ndbg/`.
    public let basePath: String

    public init(name: String, domain: String, basePath: String) {
        self.name = name
        self.domain = domain.isEmpty ? "localhost" : domain
        self.basePath = basePath.hasSuffix("/") ? basePath : basePath + "/"
    }
}

/// The security headers every page is served with. The policy allows only the site's own
/// scripts, styles and images, which is all the generated pages use (no inline script or style,
/// no event handler attributes; a test checks every page).
public enum SecurityHeaders {
    public static let contentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'"
    public static let all: [(name: String, value: String)] = [
        ("Content-Security-Policy", contentSecurityPolicy),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "strict-origin-when-cross-origin"),
        ("Strict-Transport-Security", "max-age=31536000; includeSubDomains"),
    ]
}

/// How long browsers may keep a file: a year for fingerprinted assets (their name changes with
/// their content), an hour for data and PDFs, and HTML revalidated every time.
public enum CachePolicy {
    public static let fingerprinted = "public, max-age=31536000, immutable"
    public static let data = "public, max-age=3600"
    public static let html = "no-cache"
    /// `style.0a1b2c3d.css`: eight hex digits before the extension.
    public static let fingerprintPattern = #"\.[0-9a-f]{8}\.(css|js)$"#
}
