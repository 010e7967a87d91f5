import Foundation

/// What changed in a site's input files since the last build.
public enum InputChanges: Sendable, Equatable {
    /// Exactly these files or folders, relative to the site root (`Content/a/2024/report.md`).
    case paths(Set<String>)
    /// Anything may have changed: every file is looked at again.
    case unknown

    /// The report folders whose files changed, when every change is one a build can take by
    /// reading those reports again: a report's `report.md`, `tables.yaml` or `tasks.yaml`, or a
    /// file the build never reads in a report folder. Nil when anything else changed (the
    /// configuration, an agency.yaml, a task list, the theme, or a folder added or removed).
    func reportFolders(where isReport: (String) -> Bool) -> Set<String>? {
        guard case .paths(let paths) = self else { return nil }
        var folders: Set<String> = []
        for path in paths {
            let parts = path.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count >= 4, parts[0] == "Content" else { return nil }
            let folder = parts[0..<3].joined(separator: "/")
            guard isReport(folder) else { return nil }
            if parts.count == 4, IncrementalState.reportInputs.contains(String(parts[3])) { folders.insert(folder) }
        }
        return folders
    }
}
