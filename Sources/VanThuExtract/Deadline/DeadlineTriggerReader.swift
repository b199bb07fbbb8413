import VanThuText

/// Finds the word that makes a date a deadline, looking back from the date (`trước ngày …`,
/// `chậm nhất vào 17h00 ngày …`, `hạn chót nộp hồ sơ là ngày …`). Shared by `DeadlineFinder` and the
/// scanner's standing-rule pass, which must know that a date is a deadline to call it yearly.
package struct DeadlineTriggerReader {
    package let text: FoldedBytes

    /// The trigger before a mention: right before it (fillers and clock times between), or a
    /// `hạn chót …` a few words before; never inside the previous mention (`năm trước đến ngày …`).
    package func trigger(before start: Int, notBefore limit: Int) -> DeadlineFinder.Trigger? {
        var end = start
        for _ in 0..<8 {
            guard end > limit else { return nil }
            end = text.skipSpacesBack(from: end, limit: 4)
            let previous = text[end - 1]
            if previous == UInt8(ascii: ",") || previous == UInt8(ascii: ":") || previous == UInt8(ascii: "*")
                || previous == UInt8(ascii: "(") || previous == UInt8(ascii: "\"") {
                end -= 1
                continue
            }
            if let match = DeadlineLexicon.triggers.match(text, endingAt: end)
                ?? DeadlineLexicon.gluedTriggers.match(text, endingAt: end, gluedStart: true) {
                guard match.start >= limit else { return nil }
                // `chậm nhất đến hết ngày …`: the stronger word before `đến hết` decides.
                if match.value == .windowEnd, let strong = DeadlineLexicon.triggers.match(
                    text, endingAt: text.skipSpacesBack(from: match.start, limit: 4)), strong.start >= limit,
                   strong.value != .windowEnd, strong.value != .within {
                    return DeadlineFinder.Trigger(kind: strong.value, start: strong.start)
                }
                return DeadlineFinder.Trigger(kind: match.value, start: match.start)
            }
            if let filler = DeadlineLexicon.fillers.match(text, endingAt: end), filler.value {
                end = filler.start
                continue
            }
            if let clock = clockTime(endingAt: end) {
                end = clock
                continue
            }
            break
        }
        // `hạn chót nộp hồ sơ là ngày …`
        var position = start
        for _ in 0..<DeadlineFinder.termGap {
            position = text.skipSpacesBack(from: position, limit: 4)
            if text[position - 1] == UInt8(ascii: ":") { position = text.skipSpacesBack(from: position - 1, limit: 4) }
            guard position > limit else { return nil }
            if let match = DeadlineLexicon.distantTriggers.match(text, endingAt: position), match.start >= limit {
                return DeadlineFinder.Trigger(kind: match.value, start: match.start)
            }
            if let clock = clockTime(endingAt: position) {
                position = clock
                continue
            }
            guard let word = text.wordEnding(at: position) else { break }
            position = word.lowerBound
        }
        return nil
    }

    /// `17h`, `17h00`, `17:30`, `00` ending at `end`: where it starts.
    package func clockTime(endingAt end: Int) -> Int? {
        var i = end
        var digits = 0
        while i > 0, end - i < 6 {
            let byte = text[i - 1]
            if FoldedText.isDigit(byte) { digits += 1 }
            else if !(byte == UInt8(ascii: "h") || byte == UInt8(ascii: "g") || byte == UInt8(ascii: ":")) { break }
            i -= 1
        }
        guard digits > 0, i < end, FoldedText.isDigit(text[i]) else { return nil }
        let before = text[i - 1]
        return FoldedText.isSpace(before) || before == 0 ? i : nil
    }

}
