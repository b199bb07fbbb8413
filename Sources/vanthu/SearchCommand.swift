import ArgumentParser
import Foundation
import VanThu

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search the archive: words and \"phrases\", found with or without diacritics.",
        discussion: """
        "dan van kheo" finds "Dân vận khéo"; quote a phrase to keep its words together. Results are \
        ranked (bm25, the title counts most). Filters narrow them; with filters the query may be empty ("").
        """
    )

    @OptionGroup var location: ArchiveLocation


    @Argument(help: "Words and \"quoted phrases\".")
    var query: String

    @Option(help: "Only documents that mention this unit (any part of its name, diacritics optional).")
    var unit: String?

    @Option(help: "Only documents dated on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).")
    var from: String?

    @Option(help: "Only documents dated on or before this date.")
    var to: String?

    @Option(help: "dispatch, news or unknown.")
    var kind: DocumentKind?

    @Option(help: "Only documents with model counts in this field: economy, culture-society, defense-security, politics.")
    var field: String?

    @Flag(help: "Only documents with a deadline.")
    var hasDeadline = false

    @Option(help: "Only documents with a dated deadline before this date.")
    var deadlineBefore: String?

    @Option(help: "At most this many results.")
    var limit = 20

    @Flag(help: "Print the hits as JSON Lines.")
    var json = false

    @Flag(help: "Print the hits as CSV (UTF-8 with BOM).")
    var csv = false

    func run() throws {
        let store = try location.openStore()
        let search = SearchQuery(text: query, unit: unit, from: from, to: to, kind: kind, field: field,
                                 hasDeadline: hasDeadline, deadlineBefore: deadlineBefore, limit: limit)
        if search.wasCut {
            FileHandle.standardError.write(Data(("vanthu: the query was cut: a search takes at most \(SearchQuery.maximumWords) words "
                + "from its first \(SearchQuery.maximumBytes) bytes; searching for: \(search.terms.map { $0.joined(separator: " ") }.joined(separator: " | "))\n").utf8))
        }
        let hits: [SearchHit]
        do { hits = try store.search(search) } catch let problem as SearchQuery.Problem {
            throw ValidationError(problem.description)
        } catch let problem as ArchiveStore.StoreProblem {
            CLISupport.fail("vanthu: \(problem.description)", status: .output)
        }
        if json {
            for hit in hits { print(hit.jsonString) }
        } else if csv {
            var out = CSV.header(["id", "path", "title", "date", "kind", "snippet"])
            for hit in hits { out += CSV.row([hit.id, hit.path, hit.title ?? "", hit.date ?? "", hit.kind, hit.snippet]) }
            try StandardOutput.write(out)
            try StandardOutput.flush()
        } else {
            if hits.isEmpty { FileHandle.standardError.write(Data("no documents match\n".utf8)) }
            let tty = isatty(STDOUT_FILENO) == 1
            for hit in hits {
                print("\(hit.id)  \(hit.date ?? "----------")  \(hit.kind)\(hit.gone ? " (gone)" : "")  \(hit.path)")
                print("  \(hit.title ?? "(no title)")")
                let snippet = tty ? hit.snippet.replacingOccurrences(of: "«", with: "\u{1B}[1m").replacingOccurrences(of: "»", with: "\u{1B}[0m") : hit.snippet
                print("  \(snippet)\n")
            }
        }
    }
}

extension DocumentKind: ExpressibleByArgument {}

