import Synchronization

/// The templates whose render a limit stopped (`TemplateLimits`), from every thread that
/// renders pages: the one each render was in when it stopped (for the finding), and the pages'
/// own templates (whose other pages are not rendered again: each would run into the same limit).
final class StoppedTemplates: Sendable {
    private let noted = Mutex<(stoppedIn: Set<String>, pages: Set<String>)>(([], []))

    func note(_ template: String, page: String) {
        noted.withLock {
            $0.stoppedIn.insert(template)
            $0.pages.insert(page)
        }
    }

    /// The templates renders stopped in, in name order.
    var names: [String] { noted.withLock { $0.stoppedIn.sorted() } }

    /// Whether a page of `template` has stopped at a limit.
    func stopped(page template: String) -> Bool { noted.withLock { $0.pages.contains(template) } }
}
