#if !FUZZING
import Foundation

/// The deterministic fuzzing harness, for CI and for toolchains without libFuzzer: mutates the
/// seed corpus with a seeded generator and runs every mutant through `FuzzTarget`. A crash leaves
/// the input that caused it in `--crash-file` (written before each run); a run slower than
/// `--hang-seconds` is written there and ends the harness with status 2.
///
///     vanthu-fuzz [--seconds N] [--iterations N] [--seed N] [--crash-file PATH] CORPUS-DIR…
@main
struct FuzzHarness {
    static func main() {
        var seconds = 60.0
        var iterations = Int.max
        var seed: UInt64 = 1
        var crashFile = "/tmp/vanthu-fuzz-current.bin"
        var hangSeconds = 30.0
        var folders: [String] = []
        var arguments = CommandLine.arguments.dropFirst().makeIterator()
        while let argument = arguments.next() {
            switch argument {
            case "--seconds": seconds = Double(arguments.next() ?? "") ?? seconds
            case "--iterations": iterations = Int(arguments.next() ?? "") ?? iterations
            case "--seed": seed = UInt64(arguments.next() ?? "") ?? seed
            case "--crash-file": crashFile = arguments.next() ?? crashFile
            case "--hang-seconds": hangSeconds = Double(arguments.next() ?? "") ?? hangSeconds
            default: folders.append(argument)
            }
        }
        var corpus: [[UInt8]] = []
        for folder in folders {
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
            for name in names {
                if let data = FileManager.default.contents(atPath: folder + "/" + name), !data.isEmpty { corpus.append([UInt8](data)) }
            }
        }
        guard !corpus.isEmpty else {
            FileHandle.standardError.write("vanthu-fuzz: no corpus files in \(folders)\n".data(using: .utf8)!)
            exit(64)
        }
        var mutator = Mutator(seed: seed, corpus: corpus)
        let watchdog = Watchdog(limit: hangSeconds, file: crashFile)
        let start = Date()
        var runs = 0, archived = 0
        var slowest = 0.0
        // The seeds as they are first, then mutants.
        while runs < iterations && Date().timeIntervalSince(start) < seconds {
            let input = runs < corpus.count ? corpus[runs] : mutator.next()
            watchdog.begin(input)
            let t0 = Date()
            if FuzzTarget.run(input) { archived += 1 }
            slowest = max(slowest, Date().timeIntervalSince(t0))
            watchdog.end()
            runs += 1
        }
        print("vanthu-fuzz: \(runs) inputs (\(corpus.count) seeds, seed \(seed)) in \(String(format: "%.1f", Date().timeIntervalSince(start))) s, "
              + "\(archived) archived, \(runs - archived) quarantined, no crash; slowest input \(String(format: "%.2f", slowest)) s")
    }
}

/// Writes the input being run to a file, and ends the process when one runs past the limit.
final class Watchdog: @unchecked Sendable {
    private let lock = NSLock()
    private var started: Date?
    private let file: String

    init(limit: Double, file: String) {
        self.file = file
        let thread = Thread { [unowned self] in
            while true {
                Thread.sleep(forTimeInterval: 1)
                lock.lock()
                let since = started.map { Date().timeIntervalSince($0) } ?? 0
                lock.unlock()
                if since > limit {
                    FileHandle.standardError.write("vanthu-fuzz: an input ran past \(limit) s; it is in \(file)\n".data(using: .utf8)!)
                    exit(2)
                }
            }
        }
        thread.start()
    }

    func begin(_ input: [UInt8]) {
        FileManager.default.createFile(atPath: file, contents: Data(input))
        lock.lock(); started = Date(); lock.unlock()
    }

    func end() { lock.lock(); started = nil; lock.unlock() }
}

/// Seeded mutations of corpus files: bit flips, interesting bytes, Vietnamese and markup tokens,
/// chunks repeated, removed or spliced from another file, the format byte changed.
struct Mutator {
    var state: UInt64
    let corpus: [[UInt8]]

    static let tokens: [[UInt8]] = [
        "\u{0}", "\r\n", "\r", "\n\n\n", "\u{FEFF}", "\u{00A0}", "\u{200B}", "\u{0301}", "\u{0323}", "Ð", "đ", "ư", "ơ", "ệ", "ữ",
        "ngày 29 tháng 2 năm 2021", "ngày 31/4/2019", "Số: 12/2020/NĐ-CP", "9.000.000.000.000.000.000", "mô hình", "trước ngày",
        "<div>", "</div>", "<p>", "<br>", "<script>", "<!DOCTYPE x [<!ENTITY a \"aaaa\">]>", "&a;", "&amp;", "&#x1EA1;", "&#999999999;",
        "<w:t>", "</w:t>", "<w:p>", "</w:p>", "UBND", "QUYẾT ĐỊNH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Hà Nội, ",
        "tỷ đồng", "%", "(", ")", "\"", "“", "”", "–", "…", "1.000.000", "2.147.483.648", "-", "/", ":",
    ].map { Array($0.utf8) }
    static let interesting: [UInt8] = [0x00, 0x0A, 0x0D, 0x20, 0x7F, 0x80, 0xBF, 0xC0, 0xC3, 0xE1, 0xEF, 0xF0, 0xF4, 0xFE, 0xFF]

    init(seed: UInt64, corpus: [[UInt8]]) {
        state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
        self.corpus = corpus
    }

    mutating func random(_ bound: Int) -> Int {
        // xorshift64*
        state ^= state >> 12; state ^= state << 25; state ^= state >> 27
        return Int((state &* 0x2545_F491_4F6C_DD1D) >> 11) % max(bound, 1)
    }

    mutating func next() -> [UInt8] {
        var data = corpus[random(corpus.count)]
        for _ in 0...random(8) { mutate(&data) }
        if data.count > 1 << 20 { data.removeSubrange((1 << 20)...) }
        return data.isEmpty ? [0] : data
    }

    mutating func mutate(_ data: inout [UInt8]) {
        let at = random(data.count + 1)
        switch random(10) {
        case 0 where !data.isEmpty:
            data[min(at, data.count - 1)] ^= UInt8(1 << random(8))
        case 1 where !data.isEmpty:
            data[min(at, data.count - 1)] = Self.interesting[random(Self.interesting.count)]
        case 2:
            data.insert(contentsOf: Self.tokens[random(Self.tokens.count)], at: at)
        case 3 where data.count > 1:
            let end = min(data.count, at + 1 + random(64))
            if at < end { data.removeSubrange(at..<end) }
        case 4 where data.count > 1:
            // A chunk repeated many times (long lines, deep nesting, repeated mentions).
            let end = min(data.count, at + 1 + random(32))
            if at < end {
                let chunk = Array(data[at..<end])
                let times = 1 + random(random(2) == 0 ? 8 : 2000)
                data.insert(contentsOf: Array([[UInt8]](repeating: chunk, count: times).joined()), at: at)
            }
        case 5:
            // Splice: a piece of another corpus file.
            let other = corpus[random(corpus.count)]
            guard !other.isEmpty else { return }
            let from = random(other.count)
            let to = min(other.count, from + 1 + random(256))
            data.insert(contentsOf: other[from..<to], at: at)
        case 6 where !data.isEmpty:
            data[0] = UInt8(random(256))  // another format
        case 7 where data.count > 2:
            data.removeSubrange(max(1, at)...)  // truncated
        case 8:
            data.insert(contentsOf: Array(repeating: Self.interesting[random(Self.interesting.count)], count: 1 + random(16)), at: at)
        default:
            if !data.isEmpty { data.insert(data[random(data.count)], at: at) }
        }
    }
}
#endif
