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
    /// `VietnameseScore.confidence` needed at the least.
    public var minimumConfidence: Double
    /// How far the best reading's `points` must be ahead of the next different one: at least
    /// `minimumLead` points and `minimumLeadShare` of its own points.
    public var minimumLead: Int
    public var minimumLeadShare: Double

    public init(candidates: [any CharacterEncoding] = [Windows1258(), VISCII(), VNI(), TCVN3()],
                sampleSize: Int = 65536, minimumSyllables: Int = 3, minimumConfidence: Double = 0.8,
                minimumLead: Int = 3, minimumLeadShare: Double = 0.15) {
        self.candidates = candidates
        self.sampleSize = sampleSize
        self.minimumSyllables = minimumSyllables
        self.minimumConfidence = minimumConfidence
        self.minimumLead = minimumLead
        self.minimumLeadShare = minimumLeadShare
    }

    /// One candidate's reading of the sample.
    public struct Reading: Sendable {
        public var encoding: any CharacterEncoding
        public var score: VietnameseScore
        public var sample: String
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
        var readings: [Reading] = []
        for encoding in candidates {
            guard let decoded = encoding.decodeCounting(sample) else { continue }
            readings.append(Reading(encoding: encoding, score: VietnameseScore(text: decoded.text, unmapped: decoded.unmappedBytes),
                                    sample: decoded.text))
        }
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
        if let rival = readings.dropFirst().first(where: { $0.sample != best.sample }) {
            let lead = score.points - rival.score.points
            if lead < minimumLead || Double(lead) < minimumLeadShare * Double(max(score.points, 1)) {
                return .refused("ambiguous between \(best.encoding.name) (\(score)) and \(rival.encoding.name) (\(rival.score))", readings: readings)
            }
        }
        return .identified(best.encoding, readings: readings)
    }

    /// The first `size` bytes, cut back to the end of a line (or a space) so that a VNI letter
    /// and its mark are not split.
    static func sample(_ bytes: [UInt8], size: Int) -> ArraySlice<UInt8> {
        guard bytes.count > size else { return bytes[...] }
        var end = size
        let floor = size - min(size / 2, 256)
        while end > floor && bytes[end - 1] != 0x0A && bytes[end - 1] != 0x20 { end -= 1 }
        return bytes[..<(end > floor ? end : size)]
    }
}
