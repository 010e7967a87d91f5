import Foundation
import Testing

/// `tasks/<list>/index.html`: a task list and every agency's status.
@Suite struct TaskListPageTests {
    @Test("the status table's caption counts the list's tasks")
    func captionCountsTasks() throws {
        let copy = try SiteCopy()
        let build = try BuiltSite.build(copy.root)
        let html = try build.text("tasks/2020-tax/index.html")
        // Counted in the task list itself, not in what the page made of it.
        let list = try copy.read("Content/_tasks/2020-tax.yaml")
        let tasks = list.split(separator: "\n").filter { $0.trimmingCharacters(in: .whitespaces).hasPrefix("- number:") }.count
        #expect(tasks == 23)
        #expect(html.contains("<caption id=\"status-caption\">各机关对\(tasks)项任务的落实情况</caption>"))
    }
}
