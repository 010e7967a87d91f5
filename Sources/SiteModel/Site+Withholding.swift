extension Site {
    /// The site without the reports in `folders` (`Content/<agency>/<year>`) and without the
    /// agencies in `folders` (`Content/<agency>`): what `build` publishes when those have errors.
    public func withholding(_ folders: Set<String>) -> Site {
        guard !folders.isEmpty else { return self }
        let kept = agencies.compactMap { agency -> Agency? in
            guard !folders.contains("Content/" + agency.slug) else { return nil }
            var agency = agency
            agency.reports.removeAll { folders.contains($0.folder) }
            return agency
        }
        return replacing(agencies: kept)
    }
}
