import Foundation
import Testing
@testable import VanThuFormats
@testable import VanThuExtract

/// Model counts beyond the examples: breakdown sums, the mismatch flag, number words, offsets,
/// the JSON form, and the seeds against their gold annotation (when ../shared is there).
struct ModelCountExtractorTests {
    static func counts(_ text: String, date: String? = nil) -> [ModelCountFact] {
        var context = ExtractionContext(text: text, date: date)
        for step in ExtractorRegistry.chain(for: ModelCountExtractor()) { step.extract(&context) }
        return context.record.modelCounts
    }

    // MARK: Breakdowns

    @Test func partsThatAddUpPointToTheirTotal() {
        let facts = Self.counts("Năm 2018, toàn huyện đăng ký 76 mô hình; trong đó, có 31 mô hình trên lĩnh vực kinh tế, "
            + "22 mô hình ở lĩnh vực văn hóa – xã hội, 16 mô hình ở lĩnh vực quốc phòng – an ninh và 07 mô hình "
            + "trên lĩnh vực xây dựng hệ thống chính trị.")
        #expect(facts.map(\.count) == [76, 31, 22, 16, 7])
        #expect(facts[0].partOf == nil)
        #expect(facts.dropFirst().allSatisfy { $0.partOf == 0 })
        let sum = facts.dropFirst().compactMap(\.count).reduce(0, +)
        #expect(sum == facts[0].count)
        #expect(!facts[0].breakdownMismatch)
        #expect(facts.allSatisfy { $0.status == .registered && $0.year == 2018 })
        #expect(facts.map(\.field) == [nil, "economy", "culture-society", "defense-security", "politics"])
    }

    @Test func partsThatDoNotAddUpFlagTheTotal() {
        let facts = Self.counts("Có 120 mô hình được công nhận, trong đó 50 mô hình cấp huyện, 60 mô hình cấp xã.")
        #expect(facts.map(\.count) == [120, 50, 60])
        #expect(facts[0].breakdownMismatch)
        #expect(!facts[1].breakdownMismatch && !facts[2].breakdownMismatch)
        #expect(facts[1].status == .recognized && facts[2].status == .recognized)
    }

    @Test func holderPartsInParentheses() {
        let good = Self.counts("Năm 2019 xây dựng 55 mô hình (29 tập thể, 26 cá nhân).")
        #expect(good.map(\.count) == [55, 29, 26])
        #expect(good.map(\.holder) == [nil, "collective", "individual"])
        #expect(good[1].partOf == 0 && good[2].partOf == 0)
        #expect(!good[0].breakdownMismatch)
        let bad = Self.counts("Năm 2019 xây dựng 55 mô hình (29 tập thể, 25 cá nhân).")
        #expect(bad[0].breakdownMismatch)
    }

    @Test func oneSubsetIsNoMismatchUnlessLarger() {
        let subset = Self.counts("Nhân rộng 80 mô hình, trong đó 30 mô hình xây mới.")
        #expect(subset.map(\.partOf) == [nil, 0])
        #expect(!subset[0].breakdownMismatch)
        let larger = Self.counts("Nhân rộng 80 mô hình, trong đó 90 mô hình xây mới.")
        #expect(larger[0].breakdownMismatch)
    }

    @Test func awardsAfterACountAreNoBreakdown() {
        let facts = Self.counts("Năm 2020 công nhận 86 mô hình, biểu dương 25 tập thể và 31 cá nhân.")
        #expect(facts.map(\.count) == [86])
    }

    // MARK: Numbers

    @Test(arguments: [
        ("mười", 10), ("mười lăm", 15), ("hai mươi mốt", 21), ("hai mươi tư", 24), ("ba mươi", 30),
        ("một trăm linh năm", 105), ("ba trăm hai mươi lăm", 325), ("một nghìn hai trăm", 1200), ("hai nghìn", 2000),
    ])
    func numberWords(_ words: String, _ value: Int) {
        #expect(VietnameseNumberWord.value(of: words.split(separator: " ").map(String.init)) == value)
    }

    @Test(arguments: ["một", "hai ba", "mươi", "lăm", "mười mười"])
    func notNumberWords(_ words: String) {
        #expect(VietnameseNumberWord.value(of: words.split(separator: " ").map(String.init)) == nil)
    }

    @Test(arguments: [("có 2.071 mô hình", 2071), ("có 05 mô hình", 5), ("có 1.040.000 mô hình", 1_040_000),
                      ("có bảy mô hình", 7)])
    func digitsAndWords(_ text: String, _ value: Int) {
        #expect(Self.counts(text).map(\.count) == [value])
    }

    @Test(arguments: ["có 2.20 mô hình", "có 2,5 mô hình", "có 58/85 mô hình", "năm 2017 mô hình", "phường 4 mô hình"])
    func notCounts(_ text: String) {
        #expect(Self.counts(text).isEmpty)
    }

    /// Issue 14: a number beyond any real count is rejected, never stored wrapped, and never traps
    /// (here or in a later sum of the counts).
    @Test(arguments: ["Xã Hòa Lộc có 1.000.000.000.000.000.000.000 mô hình.", "Có 9.000.000.000.000.000.000 mô hình.",
                      "Có 9.000.000.000.000.000.000 mô hình, trong đó 9.000.000.000.000.000.000 mô hình mới.",
                      "Có 99999999999999999999 mô hình.", "Có 9000000000000 nghìn mô hình.",
                      "Có 5.000.000.000 mô hình."])
    func outOfRangeNumbersAreNoCounts(_ text: String) {
        let facts = Self.counts(text)
        #expect(facts.allSatisfy { ($0.count ?? 0) <= ModelCountQuantity.maximumCount && ($0.count ?? 0) >= 0 })
        #expect(facts.compactMap(\.count).isEmpty)
    }

    @Test func theLargestCountIsStillRead() {
        #expect(Self.counts("Có 999.999.999 mô hình.").map(\.count) == [999_999_999])
    }

    // MARK: Years

    /// The year of a count from the time words of its sentence: a point gives its year; a span, a
    /// cumulative or a recurring count has none; nothing stated falls back to the frame, never to
    /// the document's own date.
    @Test(arguments: [
        ("Năm 2019, xã Vĩnh Phú có 14 mô hình.", 2019),
        ("Trong năm 2020, hội đăng ký 14 mô hình.", 2020),
        ("Sáu tháng đầu năm 2021, xã xây dựng 14 mô hình.", 2021),
        ("Tính đến ngày 31/12/2022, xã có 14 mô hình.", 2022),
        ("Năm nay, xã xây dựng 14 mô hình.", 2025),
        ("Giai đoạn 2016-2020, xã xây dựng 14 mô hình.", nil),
        ("Trong 3 năm (2019- 2021), xã xây dựng 14 mô hình.", nil),
        ("Từ năm 2015 đến nay, xã xây dựng 14 mô hình.", nil),
        ("Từ năm 2015 đến năm 2018, xã xây dựng 14 mô hình.", nil),
        ("Đến nay, xã đã xây dựng được 14 mô hình.", nil),
        ("Hiện nay, xã có 14 mô hình.", nil),
        ("Hằng năm, xã xây dựng 14 mô hình.", nil),
        ("Xã có 14 mô hình.", nil),
        ("Trong 5 năm qua, xã xây dựng 14 mô hình.", nil),
        ("Qua ba năm thực hiện, xã xây dựng 14 mô hình.", nil),
        ("Năm 2022, sau 2 năm thực hiện, xã xây dựng 14 mô hình.", nil),
        ("Năm 2023 xã có 50 mô hình, đến nay có 14 mô hình.", nil),
        ("Từ năm 2015 đến nay, riêng năm 2024 xã xây dựng 14 mô hình.", 2024),
        ("Năm 2024 có 14 mô hình, tăng 3 mô hình so với năm 2023.", 2024),
    ] as [(String, Int?)])
    func yearOfACount(_ text: String, _ year: Int?) {
        let fact = Self.counts(text, date: "2025-04-10").first { $0.count == 14 }
        #expect(fact != nil)
        #expect(fact?.year == year, "\(text)")
    }

    // MARK: Restatements

    @Test func aRestatedTotalIsOneFactAndItsPartsTakeWhatTheHeadlineSaid() {
        let text = "Huyện Sơn Tây xây dựng 48 mô hình trong xây dựng nông thôn mới\n"
            + "Năm 2024, các hội, đoàn thể huyện Sơn Tây đã tích cực vận động nhân dân tham gia phong trào thi đua.\n"
            + "Kết quả, các đơn vị đã xây dựng được 48 mô hình, trong đó 30 mô hình tập thể và 18 mô hình cá nhân."
        let facts = Self.counts(text)
        #expect(facts.map(\.count) == [48, 30, 18])
        #expect(facts.allSatisfy { $0.field == "economy" && $0.status == .built && $0.year == 2024 })
        #expect(facts[1].partOf == 0 && facts[2].partOf == 0)
    }

    @Test func equalPartsOfOneBreakdownAreTwoFacts() {
        let text = "Xã Bình Minh có 40 mô hình\nNăm 2022, xã Bình Minh có 40 mô hình, trong đó 20 mô hình cấp xã, 20 mô hình cấp thôn."
        #expect(Self.counts(text).compactMap(\.count) == [40, 20, 20])
    }

    @Test func aLineRepeatedManyTimesStaysCheap() {
        let text = "Tin hoạt động\n" + String(repeating: "Năm 2023 xã có 5 mô hình mới, trong đó 2 mô hình tập thể.\n", count: 300)
        let facts = Self.counts(text)
        #expect(facts.count >= 2 && facts.count <= 600)
        #expect(facts.allSatisfy { $0.year == 2023 })
    }

    // MARK: Offsets and JSON

    @Test func spansCoverTheFactText() {
        let text = "Ông Nguyễn Văn Ánh cho biết: “Năm 2021, huyện Chợ Đồn có hơn 1.200 mô hình, điển hình.”"
        let facts = Self.counts(text)
        #expect(facts.count == 1)
        let scalars = Array(text.unicodeScalars)
        let fact = facts[0]
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[fact.start..<fact.end])
        #expect(String(view) == fact.text)
        #expect(fact.text == "hơn 1.200 mô hình, điển hình")
        #expect(fact.approximate && fact.lowerBound == 1200 && fact.scope == "huyện Chợ Đồn")
    }

    @Test func handWrittenJSONMatchesCodable() throws {
        let facts = Self.counts("Năm 2019 có 50 mô hình được Ban Dân vận Huyện ủy công nhận, trong đó 20 mô hình cấp huyện, 20 mô hình cấp xã.")
        #expect(facts.count == 3)
        for fact in facts {
            let decoded = try JSONDecoder().decode(ModelCountFact.self, from: Data(fact.jsonString.utf8))
            #expect(decoded == fact)
        }
    }

    // MARK: Robustness

    /// Token soup around the anchors (numbers, quotes, parentheses, markers, line ends, text edges)
    /// must never trap, and every span must lie inside the text.
    @Test func tokenSoupNeverTraps() {
        let tokens = ["mô hình", "điển hình", "Mô hình", "2.071", "05", "1.", "(", ")", "“", "”", "\"", ",", ";", ":", ".",
                      "\n", " ", "trong đó", "gồm", "tập thể", "cá nhân", "cấp xã", "năm", "2017", "2016-2020", "-", "/",
                      "hàng trăm", "hơn", "gần", "mười lăm", "là", "số", "tổng số", "được", "công nhận", "đăng ký",
                      "tăng", "so với", "toàn thành phố", "TP", "Hà Tĩnh", "lĩnh vực", "kinh tế", "từ", "đến", "nay",
                      "giai đoạn", "(2016", "2020)", "%", "85,5", "và", "xây dựng", "mới", "đ", "Đ", "ư"]
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<3000 {
            var pieces: [String] = []
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            let length = Int(seed >> 59) + 1
            for _ in 0..<length * 2 {
                seed = seed &* 6364136223846793005 &+ 1442695040888963407
                pieces.append(tokens[Int(seed >> 33) % tokens.count])
            }
            let text = pieces.joined(separator: (seed & 1) == 0 ? " " : "")
            let facts = Self.counts(text, date: "2020-01-01")
            let scalars = text.unicodeScalars.count
            for fact in facts {
                #expect(fact.start >= 0 && fact.start <= fact.end && fact.end <= scalars, "\(text)")
                // A part points to an earlier fact (a total, or a part broken down in its turn).
                if let part = fact.partOf { #expect(part < facts.count && facts[part].start <= fact.start, "\(text)") }
            }
        }
    }

    // MARK: Seeds

    static let shared: URL = TestSupport.repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")
    static let haveSeeds = FileManager.default.fileExists(atPath: shared.appendingPathComponent("gold/seeds.gold.json").path)

    struct Gold: Decodable {
        struct Document: Decodable {
            struct Count: Decodable, Hashable { var count: Int; var status: String; var field: String?; var year: Int? }
            var file: String
            var modelCounts: [Count]
        }
        var documents: [Document]
    }

    @Test(.enabled(if: haveSeeds, "../shared/seeds and its gold are not here"))
    func seedsMatchTheirGold() throws {
        let gold = try JSONDecoder().decode(Gold.self, from: Data(contentsOf: Self.shared.appendingPathComponent("gold/seeds.gold.json")))
        for document in gold.documents {
            let url = Self.shared.appendingPathComponent("seeds").appendingPathComponent(document.file)
            let data = try Data(contentsOf: url)
            let raw = RawDocument(file: SourceFile(url: url, relativePath: document.file, size: data.count),
                                  bytes: [UInt8](data), sha256: "", format: .text)
            let clean = try NormalizeStage().run(DecodeStage().run(raw))
            let classification = ClassifyStage.classify(clean.document)
            var context = ExtractionContext(document: clean.document,
                                            record: Record(id: clean.id, source: clean.source, kind: classification.kind, kindReasons: classification.reasons))
            for extractor in ExtractorRegistry.all { extractor.extract(&context) }
            let found = context.record.modelCounts.filter { $0.count != nil && !$0.approximate }
                .map { Gold.Document.Count(count: $0.count!, status: $0.status.rawValue, field: $0.field, year: $0.year) }
            #expect(found.sorted { $0.count < $1.count } == document.modelCounts.sorted { $0.count < $1.count }, "\(document.file)")
        }
    }
}
