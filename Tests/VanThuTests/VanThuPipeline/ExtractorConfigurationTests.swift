import Foundation
import Testing
@testable import VanThuText
@testable import VanThuExtract
@testable import VanThuPipeline

/// The configuration reaches the classifier, the header reader and every extractor the same way
/// (the run's lexicon), and extractors read options they declare, checked when pipeline.json loads.
struct ExtractorConfigurationTests {
    func parse(_ json: String) throws(ConfigError) -> PipelineConfig {
        try PipelineConfig.parse(Data(json.utf8))
    }

    /// A dispatch of a body whose head is not in the standard lexicon, under its superior body.
    static let dispatch = """
        LIÊN ĐOÀN LAO ĐỘNG HUYỆN HÒA MỸ
        NGHIỆP ĐOÀN NGHỀ CÁ XÃ AN BÌNH
        Số: 15/TB-NĐ
        An Bình, ngày 3 tháng 4 năm 2024
        THÔNG BÁO
        Về lịch họp thường kỳ quý II
        Nghiệp đoàn Nghề cá xã An Bình thông báo lịch họp của các tổ đoàn viên.
        """

    /// Runs the pipeline's classifier and extractors on `text` as `config` sets them up.
    func record(_ text: String, _ config: PipelineConfig) -> Record {
        let lexicon = config.runLexicon
        let document = TextDocument(text)
        let kind = ClassifyStage.classify(document, lexicon: lexicon.documents).kind
        var context = ExtractionContext(text: text, kind: kind)
        for extractor in config.enabledExtractors(lexicon: lexicon) { extractor.extract(&context) }
        return context.record
    }

    @Test func aHeadFromTheConfigurationReachesTheHeaderReaderAndTheUnits() throws {
        let plain = record(Self.dispatch, try parse(#"{"inputs": ["a"]}"#))
        let extended = record(Self.dispatch, try parse(#"{"inputs": ["a"], "lexicon": {"heads": ["Nghiệp đoàn"]}}"#))
        #expect(plain.kind == .dispatch && extended.kind == .dispatch)
        // Standard lexicon: the unknown body is glued to its superior body, and is no unit.
        let plainIssuer = try #require(plain.header?.issuer)
        #expect(plainIssuer.hasPrefix("Liên đoàn Lao động"))
        #expect(!plain.units.contains { $0.name.lowercased().hasPrefix("nghiệp đoàn") })
        // Extended: the header reader and the unit extractor both read the new head.
        let issuer = try #require(extended.header?.issuer)
        #expect(issuer.lowercased().hasPrefix("nghiệp đoàn"), "issuer: \(issuer)")
        #expect(extended.header?.superiorBody?.hasPrefix("Liên đoàn Lao động") == true)
        #expect(extended.units.contains { $0.name.lowercased().hasPrefix("nghiệp đoàn") }, "units: \(extended.units.map(\.name))")
    }

    @Test func aHeadFromTheConfigurationStartsADeadlinesReceivingUnit() throws {
        let text = Self.dispatch + "\nCác tổ gửi danh sách đoàn viên về Nghiệp đoàn Nghề cá xã An Bình trước ngày 25/4/2024.\n"
        let plain = record(text, try parse(#"{"inputs": ["a"]}"#))
        let extended = record(text, try parse(#"{"inputs": ["a"], "lexicon": {"heads": ["Nghiệp đoàn"]}}"#))
        #expect(plain.deadlines.map(\.due) == ["2024-04-25"] && extended.deadlines.map(\.due) == ["2024-04-25"])
        // Standard lexicon: `Nghiệp đoàn` opens no receiving unit.
        #expect(plain.deadlines.first?.to == nil)
        #expect(extended.deadlines.first?.to == "Nghiệp đoàn Nghề cá xã An Bình", "to: \(String(describing: extended.deadlines.first?.to))")
    }

    /// A dispatch with an urgency stamp printed in capitals between the issuer and its number.
    static let urgent = """
        ỦY BAN NHÂN DÂN
        XÃ PHÚ LỘC
        THƯỢNG KHẨN
        Số: 41/UBND-VP
        Phú Lộc, ngày 9 tháng 10 năm 2024
        V/v khắc phục hậu quả mưa lũ
        Kính gửi: Các thôn trên địa bàn xã
        """

    @Test func headerWordsFromTheConfigurationReachTheHeaderReader() throws {
        let plain = record(Self.urgent, try parse(#"{"inputs": ["a"]}"#))
        let extended = record(Self.urgent, try parse(#"{"inputs": ["a"], "lexicon": {"header": {"noise": ["Thượng khẩn"]}}}"#))
        #expect(plain.kind == .dispatch && extended.kind == .dispatch)
        // Standard lexicon: the stamp is read as a line of the issuer's name.
        let plainIssuer = try #require(plain.header?.issuer)
        #expect(plainIssuer.lowercased().contains("khẩn"), "issuer: \(plainIssuer)")
        // Extended: the stamp is a noise line of the page, and the issuer is the body above it.
        #expect(extended.header?.issuer == "Ủy ban nhân dân xã Phú Lộc", "issuer: \(String(describing: extended.header?.issuer))")
        #expect(extended.header?.number == "41/UBND-VP")
        // Records made under another lexicon are made again.
        #expect(try parse(#"{"inputs": ["a"], "lexicon": {"header": {"noise": ["Thượng khẩn"]}}}"#).extractorVersionTag
                != (try parse(#"{"inputs": ["a"]}"#)).extractorVersionTag)
    }

    @Test func anUnknownHeaderTableIsAnErrorThatNamesTheTables() {
        #expect(throws: ConfigError.unknownKey(keyPath: "lexicon.header.noises", valid: HeaderLexicon.extendable.keys.sorted())) {
            try parse(#"{"inputs": ["a"], "lexicon": {"header": {"noises": ["Khẩn"]}}}"#)
        }
        #expect(throws: ConfigError.self) {
            try parse(#"{"inputs": ["a"], "lexicon": {"header": {"noise": [" "]}}}"#)
        }
    }

    @Test func anOptionIsReadAndChangesWhatTheExtractorDoes() throws {
        let text = "Hội Cựu chiến binh phường 4 tổ chức hội nghị. Sau đó Hội Cựu chiến binh phường trao quà cho hội viên."
        let standard = try parse(#"{"inputs": ["a"]}"#)
        let off = try parse(#"{"inputs": ["a"], "extractors": {"units": {"resolveShortForms": false}}}"#)
        #expect(off.extractors["units"]?.options == ["resolveShortForms": .bool(false)])
        #expect(off.isEnabled(extractor: "units"))
        let resolved = record(text, standard).units.map(\.name)
        let unresolved = record(text, off).units.map(\.name)
        #expect(resolved == ["Hội Cựu chiến binh phường 4"])
        #expect(Set(unresolved) == ["Hội Cựu chiến binh phường 4", "Hội Cựu chiến binh phường"])
        // Records made under other options are made again.
        #expect(standard.extractorVersionTag != off.extractorVersionTag)
        #expect(try parse(#"{"inputs": ["a"], "extractors": {"units": {"enabled": true}}}"#).extractorVersionTag
                == standard.extractorVersionTag)
    }

    @Test func aWrongOptionIsAnErrorThatNamesTheValidOnes() {
        #expect(throws: ConfigError.unknownKey(keyPath: "extractors.units.resolveShortForm", valid: ["enabled", "resolveShortForms"])) {
            try parse(#"{"inputs": ["a"], "extractors": {"units": {"resolveShortForm": false}}}"#)
        }
        #expect(throws: ConfigError.wrongType(keyPath: "extractors.units.resolveShortForms", expected: "true or false")) {
            try parse(#"{"inputs": ["a"], "extractors": {"units": {"resolveShortForms": "no"}}}"#)
        }
        // An option belongs to the extractor that declares it.
        #expect(throws: ConfigError.unknownKey(keyPath: "extractors.header.resolveShortForms", valid: ["enabled"])) {
            try parse(#"{"inputs": ["a"], "extractors": {"header": {"resolveShortForms": false}}}"#)
        }
    }

    @Test func optionValuesAreCheckedAgainstTheirDeclaration() {
        let count = ExtractorOption.int("window", in: 1...10, default: 3, "a test option")
        let mode = ExtractorOption.choice("mode", ["strict", "loose"], default: "strict", "a test option")
        #expect(count.accepts(.int(10)) && !count.accepts(.int(11)) && !count.accepts(.bool(true)))
        #expect(mode.accepts(.string("loose")) && !mode.accepts(.string("other")))
        let configuration = ExtractorConfiguration(values: ["window": .int(7), "mode": .string("other")])
        #expect(configuration.int(count) == 7)
        // A value outside the declaration is never used: the default stands.
        #expect(configuration.string(mode) == "strict")
    }

    @Test func everyExtractorIsConfiguredByTheSameCall() {
        // The registry's extractors, configured with the standard configuration, find what they
        // found before: configuration is one call for all of them, not a case per type.
        for extractor in ExtractorRegistry.all {
            let configured = extractor.configured(with: .standard)
            #expect(configured.id == extractor.id)
            for example in extractor.examples.prefix(3) {
                #expect(ExtractorRegistry.check(example, with: configured).isEmpty, "\(extractor.id): \(example)")
            }
        }
    }
}
