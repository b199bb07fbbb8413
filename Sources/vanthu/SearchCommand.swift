import ArgumentParser
import Foundation
import VanThuExtract
import VanThuStore
import VanThuPostgres

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search the archive: words and \"phrases\", found with or without diacritics.",
        discussion: """
        "dan van kheo" finds "Dân vận khéo"; quote a phrase to keep its words together. Results are \
        ranked (bm25, the title counts most). Filters narrow them; with filters the query may be empty (""). \
        Exits 0 when something matched, 1 when nothing did (as grep does), 5 for an unknown --field or a date \
        that is not one. --json gives one object a line: its snippet is plain text and "matches" lists the words \
        that matched; --csv gives the plain snippet too. On a terminal the matches are bold (--color, NO_COLOR).
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

    @Option(help: "Highlight matches: auto (on a terminal, unless NO_COLOR is set), always or never.")
    var color: ColorChoice = .auto

    func validate() throws {
        if json && csv { throw ValidationError("--json and --csv cannot be used together: choose one") }
    }

    func run() throws {
        let store = try location.openStore()
        let search = SearchQuery(text: query, unit: unit, from: from, to: to, kind: kind, field: field,
                                 hasDeadline: hasDeadline, deadlineBefore: deadlineBefore, limit: limit)
        if search.wasCut {
            FileHandle.standardError.write(Data(("vanthu: the query was cut: a search takes at most \(SearchQuery.maximumWords) words "
                + "from its first \(SearchQuery.maximumBytes) bytes; searching for: \(search.terms.map { $0.joined(separator: " ") }.joined(separator: " | "))\n").utf8))
        }
        let hits: [SearchHit]
        let total: Int
        do {
            hits = try store.search(search)
            total = hits.count < search.limit ? hits.count : max(hits.count, try store.searchTotal(search))
        } catch let problem as SearchQuery.Problem {
            switch problem {
            case .badDate, .badField: CLISupport.notFound(problem.description)
            default: throw ValidationError(problem.description)
            }
        } catch let problem as ArchiveStore.StoreProblem {
            CLISupport.fail("vanthu: \(problem.description)", status: .output)
        } catch let problem as PostgresStoreError {
            CLISupport.fail("vanthu: \(problem.description)", status: problem.isConnectionProblem ? .storeUnavailable : .output)
        }
        defer { if hits.isEmpty { Foundation.exit(1) } }
        if total > hits.count {
            FileHandle.standardError.write(Data("vanthu: showing \(hits.count) of \(total) documents (--limit N shows more)\n".utf8))
        }
        if json {
            for hit in hits { print(hit.jsonString) }
        } else if csv {
            var out = CSV.header(["id", "path", "title", "date", "kind", "snippet"])
            for hit in hits { out += CSV.row([hit.id, hit.path, hit.title ?? "", hit.date ?? "", hit.kind, hit.plainSnippet]) }
            try StandardOutput.write(out)
            try StandardOutput.flush()
        } else {
            if hits.isEmpty { FileHandle.standardError.write(Data("no documents match\n".utf8)) }
            // Bold on a terminal; otherwise the «» marks (this is text for a person, not data).
            let bold = color.enabled(fileDescriptor: STDOUT_FILENO)
            for hit in hits {
                print("\(hit.id)  \(hit.date ?? "----------")  \(hit.kind)\(hit.gone ? " (gone)" : "")  \(CLISupport.oneLine(hit.path))")
                print("  \(CLISupport.oneLine(hit.title ?? "(no title)"))")
                let snippet = bold ? hit.snippet.replacingOccurrences(of: "«", with: "\u{1B}[1m").replacingOccurrences(of: "»", with: "\u{1B}[0m") : hit.snippet
                print("  \(snippet)\n")
            }
        }
    }
}

extension DocumentKind: ExpressibleByArgument {}

