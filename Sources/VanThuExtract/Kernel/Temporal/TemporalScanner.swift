import VanThuText

/// Finds the temporal expressions of a text in one pass over its folded bytes: every number is read
/// once, as a whole token (`14/8/2015`, `2015-2020`, `68,23`), and judged by its shape, by the cue
/// word before it (`ngày`, `tháng`, `năm`, `quý`, `giai đoạn`, `Sáng` …; `TemporalLexicon.cues`) and
/// by what follows (`tháng 4 năm 2017`, `hằng năm`, `- 2020`). No regular expressions: the hot loop
/// only looks for digits.
///
/// Mentions keep a missing year missing; `DateExtractor` fills it from the document's own date.
package struct TemporalScanner: Sendable {
    /// Also report counts of days, months … (`15 ngày`) for relative deadlines.
    package var includeDurations = false

    package init(includeDurations: Bool = false) {
        self.includeDurations = includeDurations
    }

    package func scan(_ folded: FoldedText) -> [TemporalMention] {
        folded.bytes.withUnsafeBufferPointer { buffer in
            var run = TemporalScanRun(text: FoldedBytes(buffer), includeDurations: includeDurations)
            run.scanAll()
            run.linkNeighbours()
            run.resolveStandingRules()
            let text = run.text
            // Dates of page furniture (gazette running headers, signature stamps) are no mentions.
            return run.mentions.filter {
                $0.kind != .dayOnly && TemporalChromeLine.ruleID(text, lineOf: $0.range.lowerBound) == nil
            }
        }
    }
}
