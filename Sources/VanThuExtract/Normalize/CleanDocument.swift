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
        settlingChrome(for: kind, onBytes: ExtractStage.isWindowed(document))
    }

    /// `onBytes`: on the text's bytes, the new document without a whole fold when it is
    /// extracted in windows (what a large one takes); else through the text as a `String`.
    package func settlingChrome(for kind: DocumentKind, onBytes: Bool) -> CleanDocument {
        guard !pendingChrome.isEmpty else { return self }
        var settled = self
        settled.pendingChrome = []
        let dropping = pendingChrome.filter { !(ChromeFilter.keptInByRule[$0.rule]?.contains(kind) ?? false) }
        guard !dropping.isEmpty else { return settled }
        let byLine = Dictionary(dropping.map { ($0.keptLine, $0) }, uniquingKeysWith: { first, _ in first })
        if onBytes {
            settled.document = settledOnBytes(byLine, droppedChrome: &settled.droppedChrome, droppedLines: &settled.droppedLines)
            settled.droppedLines.sort { $0.line < $1.line }
            return settled
        }
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

    /// `settlingChrome` on the document's bytes, for one extracted in windows: the text is not made a
    /// `String` and split, and the new document gets no whole fold (a 64 MB text took some
    /// 300 MB so: issue 14, item 8). The same lines are dropped and kept, joined the same way.
    private func settledOnBytes(_ byLine: [Int: PendingChromeLine], droppedChrome: inout [String: Int],
                                  droppedLines: inout [ChromeFilter.DroppedLine]) -> TextDocument {
        var bytes = document.utf8
        let kept = bytes.withUnsafeMutableBufferPointer { buffer -> Int in
            var written = 0
            var nonBlank = 0
            var blankPending = false
            var lineStart = 0
            let count = buffer.count
            while lineStart <= count {
                let lineEnd = UnsafeBufferPointer(buffer).firstIndex(ofByte: 0x0A, from: lineStart) ?? count
                defer { lineStart = lineEnd + 1 }
                let line = UnsafeBufferPointer(rebasing: buffer[lineStart..<lineEnd])
                if line.allSatisfy({ $0 == 0x20 }) {
                    if written > 0 { blankPending = true }
                    continue
                }
                defer { nonBlank += 1 }
                if let pending = byLine[nonBlank] {
                    droppedChrome[pending.rule, default: 0] += 1
                    droppedLines.append(ChromeFilter.DroppedLine(rule: pending.rule, text: String(decoding: line, as: UTF8.self),
                                                                 line: pending.line))
                    continue
                }
                // A kept line is never empty: `written > 0` once one is written.
                if written > 0 { buffer[written] = 0x0A; written += 1 }
                if blankPending { buffer[written] = 0x0A; written += 1; blankPending = false }
                if written != lineStart { memmove(buffer.baseAddress! + written, buffer.baseAddress! + lineStart, line.count) }
                written += line.count
            }
            return written
        }
        bytes.removeSubrange(kept...)
        return TextDocument(text: nil, utf8: bytes, folded: ExtractStage.isWindowed(byteCount: kept) ? FoldedText(utf8: []) : nil)
    }
}
