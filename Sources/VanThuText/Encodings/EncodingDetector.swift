/// Decides which legacy 8-bit encoding a Vietnamese text is in by reading a sample in every
/// candidate encoding and scoring how Vietnamese each reading looks (`VietnameseScore`): the
/// reading must have enough valid marked syllables, little evidence against it, and beat every
/// other reading that differs from it clearly. Otherwise the bytes are refused — a document is
/// quarantined rather than archived as mojibake.
public struct EncodingDetector: Sendable {
    /// Candidates, in the order of preference when two read the sample identically.
    public var candidates: [any CharacterEncoding]
    /// Bytes read for the decision (the whole file is then converted).
    public var sampleSize: Int
    /// Valid syllables with diacritics needed at the least.
    public var minimumSyllables: Int
    /// `VietnameseScore.confidence` needed at the least. Over the renderings of 3,000 real
    /// documents, right readings scored 0.87 and more, wrong ones 0.62 at most.
    public var minimumConfidence: Double
    /// Once a reading has `commonCheckSyllables` valid syllables, at least `minimumCommonShare` of
    /// them must be common words (right readings: 0.26 and more; a wrong reading that maps letters
    /// onto other letters can make syllables, but hardly words).
    public var minimumCommonShare: Double
    public var commonCheckSyllables: Int
    /// How far the best reading's `points` must be ahead of the next different one: at least
    /// `minimumLead` points and `minimumLeadShare` of its own points.
    public var minimumLead: Int
    public var minimumLeadShare: Double

    /// Candidates are read in chunks: the first of `firstChunk` bytes, then of `chunk`. After each,
    /// a candidate far behind the best (by `max(eliminationGap, half the best's points)`) is dropped,
    /// and the reading stops early once one candidate is left with `enoughSyllables` valid ones.
    public var firstChunk: Int
    public var chunk: Int
    public var eliminationGap: Int
    public var enoughSyllables: Int

    public init(candidates: [any CharacterEncoding] = [Windows1258(), VISCII(), VNI(), TCVN3()],
                sampleSize: Int = 65536, minimumSyllables: Int = 3, minimumConfidence: Double = 0.75,
                minimumCommonShare: Double = 0.05, commonCheckSyllables: Int = 50,
                minimumLead: Int = 3, minimumLeadShare: Double = 0.15,
                firstChunk: Int = 512, chunk: Int = 2048, eliminationGap: Int = 20, enoughSyllables: Int = 200) {
        self.candidates = candidates
        self.sampleSize = sampleSize
        self.minimumSyllables = minimumSyllables
        self.minimumConfidence = minimumConfidence
        self.minimumCommonShare = minimumCommonShare
        self.commonCheckSyllables = commonCheckSyllables
        self.minimumLead = minimumLead
        self.minimumLeadShare = minimumLeadShare
        self.firstChunk = firstChunk
        self.chunk = chunk
        self.eliminationGap = eliminationGap
        self.enoughSyllables = enoughSyllables
    }

    /// One candidate's reading of the sample.
    public struct Reading: Sendable {
        public var encoding: any CharacterEncoding
        public var score: VietnameseScore
    }

    /// What the detector found.
    public enum Verdict: Sendable {
        /// The encoding, with the readings of all candidates, best first.
        case identified(any CharacterEncoding, readings: [Reading])
        /// Why no encoding could be chosen, with the readings of all candidates, best first.
        case refused(String, readings: [Reading])
    }

    public func detect(_ bytes: [UInt8]) -> Verdict {
        let sample = Self.sample(bytes, size: sampleSize)
        var scorers = candidates.map { _ in VietnameseScorer() }
        var alive = Array(candidates.indices)
        var offset = sample.startIndex
        var size = firstChunk
        while offset < sample.endIndex {
            let end = Self.cut(sample, from: offset, size: size)
            for index in alive { candidates[index].score(sample[offset..<end], into: &scorers[index]) }
            offset = end
            size = chunk
            let scores = alive.map { (index: $0, score: scorers[$0].score) }
            guard let leader = scores.max(by: { $0.score.points < $1.score.points }) else { break }
            let gap = max(eliminationGap, leader.score.points / 2)
            alive = scores.filter { $0.score.points > leader.score.points - gap }.map(\.index)
            if alive.count == 1 && leader.score.markedValid >= enoughSyllables && leader.score.confidence >= minimumConfidence {
                break
            }
        }
        var readings = candidates.indices.map { Reading(encoding: candidates[$0], score: scorers[$0].score) }
        // Best first; the sort is stable, so equal points keep the order of preference.
        readings = readings.enumerated().sorted { a, b in
            a.element.score.points != b.element.score.points ? a.element.score.points > b.element.score.points : a.offset < b.offset
        }.map(\.element)
        guard let best = readings.first else { return .refused("no candidate encoding can read these bytes", readings: readings) }
        let score = best.score
        if score.markedValid < minimumSyllables {
            return .refused("too little Vietnamese text to tell its encoding (best: \(best.encoding.name), \(score))", readings: readings)
        }
        if score.confidence < minimumConfidence {
            return .refused("no encoding reads it as Vietnamese (best: \(best.encoding.name), \(score))", readings: readings)
        }
        if score.markedValid >= commonCheckSyllables && Double(score.common) < minimumCommonShare * Double(score.markedValid) {
            return .refused("no encoding reads it as Vietnamese words (best: \(best.encoding.name), \(score))", readings: readings)
        }
        for rival in readings.dropFirst() {
            let lead = score.points - rival.score.points
            guard lead < minimumLead || Double(lead) < minimumLeadShare * Double(max(score.points, 1)) else { break }
            // Close behind: fine only if it reads the sample the same way (text with few letters
            // outside ASCII can be identical in Windows-1258 and VISCII, say).
            if best.encoding.decodeCounting(sample)?.text != rival.encoding.decodeCounting(sample)?.text {
                return .refused("ambiguous between \(best.encoding.name) (\(score)) and \(rival.encoding.name) (\(rival.score))", readings: readings)
            }
        }
        return .identified(best.encoding, readings: readings)
    }

    /// The end of a chunk of about `size` bytes from `start`: after the last space or line break
    /// in its last 256 bytes, so that no word (and no VNI letter with its mark) is split.
    package static func cut(_ bytes: ArraySlice<UInt8>, from start: Int, size: Int) -> Int {
        let end = start + size
        guard end < bytes.endIndex else { return bytes.endIndex }
        var index = end
        let floor = max(start + 1, end - 256)
        while index > floor {
            let byte = bytes[index - 1]
            if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { return index }
            index -= 1
        }
        return end
    }

    /// The first `size` bytes or so, cut at a space or line break.
    package static func sample(_ bytes: [UInt8], size: Int) -> ArraySlice<UInt8> {
        bytes[..<cut(bytes[...], from: 0, size: size)]
    }
}
