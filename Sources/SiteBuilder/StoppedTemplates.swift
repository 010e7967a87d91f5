import Synchronization

/// The names of the templates whose render a limit stopped (`TemplateLimits`), from every
/// thread that renders pages.
final class StoppedTemplates: Sendable {
    private let noted = Mutex<Set<String>>([])

    func note(_ template: String) { _ = noted.withLock { $0.insert(template) } }

    /// In name order.
    var names: [String] { noted.withLock { $0.sorted() } }

    var any: Bool { noted.withLock { !$0.isEmpty } }
}
