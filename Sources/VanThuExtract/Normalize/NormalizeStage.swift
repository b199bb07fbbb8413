import Foundation
import VanThuText
import VanThuFormats

/// Decoded text → the cleaned NFC text that extractors read and the archive keeps.
public struct NormalizeStage: Stage {
    public var name: StageName { .normalize }
    public var chrome = ChromeFilter()

    public init() {}

    public func run(_ decoded: DecodedDocument) throws(StageFailure) -> CleanDocument {
        var decoded = decoded
        return try run(taking: &decoded)
    }

    /// Texts from this size on are not kept as a `String` beside their bytes (`TextDocument`
    /// makes it when asked), and their decoded text is let go as soon as it is cleaned.
    package static let largeText = 4 << 20

    /// `run`, taking the decoded text out of `decoded`: when the caller holds no other copy, its
    /// storage is freed once the clean bytes are made (a 64 MB input is not held twice).
    public func run(taking decoded: inout DecodedDocument) throws(StageFailure) -> CleanDocument {
        // Bytes all the way: the cleaner and the chrome filter work on one buffer, the text is
        // made from it once, and the document keeps it as its UTF-8. The text is folded once,
        // before the chrome filter, which reads its rules' folded lines there; the document's
        // fold is made of the kept lines' folds. A large text is folded a window at a time as
        // the filter reads it, and a document extracted in windows keeps no whole fold (each
        // reader folds a window at a time): a 64 MB text's fold took 70 MB (issue 14, item 8).
        var decodedText = decoded.text
        decoded.text = ""
        // Most texts need no cleaning: then the decoded text's bytes come back as they were.
        var cleaningChangedNothing = false
        var bytes = decodedText.withUTF8 { input in
            let cleaned = UnicodeCleaner.cleanedBytes(input)
            cleaningChangedNothing = cleaned.count == input.count
                && (input.isEmpty || cleaned.withUnsafeBufferPointer { memcmp($0.baseAddress!, input.baseAddress!, input.count) == 0 })
            return cleaned
        }
        let large = bytes.count >= Self.largeText
        if large { decodedText = "" }
        var cleanFold: FoldedText? = large ? nil : FoldedText(utf8: bytes)
        var log = ChromeFilter.Log(deferKindDependent: true)
        var pending: [CleanDocument.PendingChromeLine] = []
        var lines: [(folded: Range<Int>, from: Int, to: Int, newlines: Int)] = []
        // A large text's lines are moved into place as the filter keeps them, not listed first:
        // a million lines listed twice took more memory than the text (issue 14, item 8).
        var moved = false
        let kept = large ? Self.compact(&bytes, chrome: chrome, log: &log, pending: &pending, moved: &moved)
            : bytes.withUnsafeMutableBufferPointer { buffer -> Int in
            let kept = chrome.keptLines(UnsafeBufferPointer(buffer), folded: cleanFold!, log: &log)
            lines.reserveCapacity(kept.count)
            var written = 0
            for (index, line) in kept.enumerated() {
                let newlines = (written > 0 ? 1 : 0) + (line.blankBefore ? 1 : 0)
                for _ in 0..<newlines { buffer[written] = 0x0A; written += 1 }
                if written != line.range.lowerBound {
                    memmove(buffer.baseAddress! + written, buffer.baseAddress! + line.range.lowerBound, line.range.count)
                }
                lines.append((line.folded, line.range.lowerBound, written, newlines))
                if let rule = line.pendingRule { pending.append(.init(rule: rule, keptLine: index, line: line.line)) }
                written += line.range.count
            }
            return written
        }
        let dropped = log.counts
        // Nothing dropped or moved: the fold of the clean text is the document's.
        let unchanged = kept == bytes.count && (large ? !moved : lines.allSatisfy { $0.from == $0.to })
        bytes.removeSubrange(kept...)
        let folded: FoldedText
        if large {
            // Folding is scalar by scalar: the kept text folded is what `FoldedText(lines:)`
            // makes of the whole text's fold. A document extracted in windows gets an empty
            // fold: the classifier and the extractors fold it a window at a time.
            folded = ExtractStage.isWindowed(byteCount: bytes.count) ? FoldedText(utf8: []) : FoldedText(utf8: bytes)
        } else if unchanged {
            folded = cleanFold!
        } else {
            folded = FoldedText(lines: lines, of: cleanFold!, count: kept)
        }
        cleanFold = nil
        // A String made of bytes is checked to be UTF-8 again, some instructions a byte. When
        // cleaning changed nothing, the text is made of a few long slices of the decoded text,
        // which is checked already (filtering chrome mostly drops a last empty line, blank
        // lines and a few chrome lines).
        // A large text is kept as bytes only.
        let text: String?
        if large {
            text = nil
        } else if cleaningChangedNothing, let joined = Self.joined(lines, of: decodedText, bytes: bytes) {
            text = joined
        } else {
            text = String(decoding: bytes, as: UTF8.self)
        }
        decodedText = ""
        assert(text.map { $0.utf8.elementsEqual(bytes) } ?? true, "the text made of slices is not the clean bytes")
        guard Self.hasLetters(bytes) else {
            throw StageFailure(.normalize, "no text: the file holds no letters after cleaning")
        }
        let source = SourceInfo(path: decoded.raw.file.relativePath, sha256: decoded.raw.sha256,
                                bytes: decoded.raw.fileSize, format: decoded.format.rawValue, encoding: decoded.encoding,
                                root: decoded.raw.file.root)
        var clean = CleanDocument(id: decoded.raw.id, source: source, document: TextDocument(text: text, utf8: bytes, folded: folded),
                                  droppedChrome: dropped, hints: decoded.hints)
        clean.droppedLines = log.lines
        clean.pendingChrome = pending
        return clean
    }
}

extension NormalizeStage {
    /// The windows a large text is folded in while it is filtered and classified: consecutive
    /// ranges covering `buffer`, each ending after a `\n` (the last at the text's end), of at
    /// most `size` bytes unless a line is longer (a line is never cut). An empty text is one
    /// empty window.
    package static func lineWindows(_ buffer: UnsafeBufferPointer<UInt8>, size: Int) -> [Range<Int>] {
        var windows: [Range<Int>] = []
        var start = 0
        let count = buffer.count
        while start < count {
            var end = min(count, start + size)
            if end < count {
                // After the last `\n` of the window, else after the first one past it.
                var cut = end
                while cut > start && buffer[cut - 1] != 0x0A { cut -= 1 }
                if cut > start {
                    end = cut
                } else if let next = buffer.firstIndex(ofByte: 0x0A, from: end) {
                    end = next + 1
                } else {
                    end = count
                }
            }
            windows.append(start..<end)
            start = end
        }
        return windows.isEmpty ? [0..<0] : windows
    }

    /// The chrome filter over a large text: each kept line moved into place as it is kept (with
    /// the newlines before it), the kind-dependent ones noted in `pending`; returns the kept
    /// length. `moved`: whether any line left its place.
    static func compact(_ bytes: inout [UInt8], chrome: ChromeFilter, log: inout ChromeFilter.Log,
                        pending: inout [CleanDocument.PendingChromeLine], moved: inout Bool) -> Int {
        bytes.withUnsafeMutableBufferPointer { buffer -> Int in
            var written = 0
            var index = 0
            var anyMoved = false
            chrome.forEachKeptLine(UnsafeBufferPointer(buffer), windowBytes: ExtractStage.windowBytes, log: &log) { line in
                let newlines = (written > 0 ? 1 : 0) + (line.blankBefore ? 1 : 0)
                for _ in 0..<newlines { buffer[written] = 0x0A; written += 1 }
                if written != line.range.lowerBound {
                    anyMoved = true
                    memmove(buffer.baseAddress! + written, buffer.baseAddress! + line.range.lowerBound, line.range.count)
                }
                if let rule = line.pendingRule { pending.append(.init(rule: rule, keptLine: index, line: line.line)) }
                index += 1
                written += line.range.count
            }
            moved = anyMoved
            return written
        }
    }

    /// Whether the (valid UTF-8) bytes hold a letter: an ASCII letter, else any alphabetic scalar.
    package static func hasLetters(_ bytes: [UInt8]) -> Bool {
        if bytes.contains(where: { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }) { return true }
        return bytes.withUnsafeBufferPointer { buffer in
            var iterator = buffer.makeIterator()
            var decoder = UTF8()
            while case .scalarValue(let scalar) = decoder.decode(&iterator) {
                if scalar.properties.isAlphabetic { return true }
            }
            return false
        }
    }

    /// The text `bytes` made of slices of `source`, or nil when that would take many short ones:
    /// `bytes` are the lines of `source` that `lines` say (each with where it starts in `source`
    /// and in `bytes`, and the number of `\n` before it in `bytes`), as they are in `source`.
    /// Lines that moved by as much as the line before them follow it in `source` with the same
    /// newlines between them (the bytes between two lines of a text are its `\n` and the lines
    /// between, here blank ones, which the new text keeps then): such runs of lines are one slice;
    /// the newlines before a run are another, when `source` does not have them before it.
    /// Appending costs a few hundred instructions; slices under `minimumSlice` bytes on average
    /// do not pay. The lines start and end at `\n` or at the ends of the text: on scalar boundaries.
    package static func joined(_ lines: [(folded: Range<Int>, from: Int, to: Int, newlines: Int)], of source: String,
                       bytes: [UInt8]) -> String? {
        let count = bytes.count
        guard !lines.isEmpty else { return "" }
        // Runs of lines that moved alike: where each starts in `bytes`, and by how much it moved.
        var runs: [(to: Int, shift: Int)] = []
        for line in lines where runs.last?.shift != line.from - line.to {
            runs.append((line.to - line.newlines, line.from - line.to))
        }
        guard runs.count * 2 * minimumSlice <= count || runs.count == 1 else { return nil }
        let utf8 = source.utf8
        if runs.count == 1 && runs[0].shift == 0 && count == utf8.count { return source }
        var text = ""
        text.reserveCapacity(count)
        for (k, run) in runs.enumerated() {
            let end = k + 1 < runs.count ? runs[k + 1].to : count
            // The newlines that start a run, when they are not before it in `source` too.
            var start = run.to
            while start < end && bytes[start] == 0x0A && (start + run.shift >= utf8.count || start + run.shift < 0
                                                           || bytes[start] != sourceByte(source, start + run.shift)) {
                text.append("\n")
                start += 1
            }
            guard start < end else { continue }
            let lower = utf8.index(utf8.startIndex, offsetBy: start + run.shift)
            let upper = utf8.index(lower, offsetBy: end - start)
            text.append(contentsOf: source[lower..<upper])
        }
        return text
    }

    @inline(__always)
    private static func sourceByte(_ source: String, _ offset: Int) -> UInt8 {
        source.utf8[source.utf8.index(source.utf8.startIndex, offsetBy: offset)]
    }

    package static let minimumSlice = 128
}
