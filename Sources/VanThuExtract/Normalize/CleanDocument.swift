import Foundation
import VanThuText
import VanThuFormats

/// A cleaned document, ready for classification and extraction.
public struct CleanDocument: Sendable {
    public var id: String
    public var source: SourceInfo
    public var document: TextDocument
    /// Chrome lines dropped, by rule id.
    public var droppedChrome: [String: Int]
    /// The chrome lines dropped, each with its rule: recoverable.
    public var droppedLines: [ChromeFilter.DroppedLine] = []
    /// Lines still in the text that a kind-dependent chrome rule marks (`ChromeFilter.Rule.keptIn`):
    /// the classifier keeps or drops them once the kind is known.
    public var pendingChrome: [PendingChromeLine] = []
    public var hints: DocumentHints

    /// A line of the text (the `keptLine`-th non-blank line; the `line`-th of the text before
    /// filtering) that the rule `rule` marks.
    public struct PendingChromeLine: Sendable, Equatable {
        public var rule: String
        public var keptLine: Int
        public var line: Int
    }

    public init(id: String, source: SourceInfo, document: TextDocument, droppedChrome: [String: Int] = [:],
                hints: DocumentHints = DocumentHints()) {
        self.id = id; self.source = source; self.document = document; self.droppedChrome = droppedChrome; self.hints = hints
    }
}

extension CleanDocument {
    /// The document as a document of kind `kind`: the pending chrome lines that are not the text
    /// of such a document are dropped (logged in `droppedLines` with their rule), the others kept.
    public func settlingChrome(for kind: DocumentKind) -> CleanDocument {
        guard !pendingChrome.isEmpty else { return self }
        var settled = self
        settled.pendingChrome = []
        let dropping = pendingChrome.filter { !(ChromeFilter.keptInByRule[$0.rule]?.contains(kind) ?? false) }
        guard !dropping.isEmpty else { return settled }
        let byLine = Dictionary(dropping.map { ($0.keptLine, $0) }, uniquingKeysWith: { first, _ in first })
        // The kept lines of the text are its non-blank lines; dropping some may leave blank runs,
        // which collapse to one blank line, none at either end, as the filter leaves them.
        var out: [Substring] = []
        var nonBlank = 0
        var blankPending = false
        for line in document.text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.allSatisfy({ $0 == " " }) {
                if !out.isEmpty { blankPending = true }
                continue
            }
            defer { nonBlank += 1 }
            if let pending = byLine[nonBlank] {
                settled.droppedChrome[pending.rule, default: 0] += 1
                settled.droppedLines.append(ChromeFilter.DroppedLine(rule: pending.rule, text: String(line), line: pending.line))
                continue
            }
            if blankPending { out.append("") ; blankPending = false }
            out.append(line)
        }
        settled.document = TextDocument(out.joined(separator: "\n"))
        settled.droppedLines.sort { $0.line < $1.line }
        return settled
    }
}
