import VanThuText
/// What the unit rules know, as data: head nouns of unit names and how they combine, qualifiers,
/// locality nouns, positions (titles of office), surnames, place names and the words that end a
/// name. A value: `extended(with:)` adds entries (pipeline.json can carry them).
///
/// A unit name is a head (`Ban`, `Hội`, `Thành ủy`, `UBND` …) with qualifiers (`Dân vận`,
/// `Nông dân`, `nhân dân` …), nested heads (`Ban Dân vận` + `Tỉnh ủy`) and an optional locality
/// (`phường 4`, `xã Long Đức`, `huyện`, `thành phố Trà Vinh`).
public struct UnitLexicon: Sendable {
    /// How a head noun behaves.
    public struct Head: OptionSet, Sendable, Hashable {
        public let rawValue: UInt16
        public init(rawValue: UInt16) { self.rawValue = rawValue }
        /// A unit on its own, without qualifier or locality (`Thành ủy`, `Chính phủ`, `Chi bộ`).
        public static let standalone = Head(rawValue: 1 << 0)
        /// May be followed directly by a place name (`Thành ủy Hà Tĩnh`, `Huyện ủy Triệu Phong`).
        public static let placeName = Head(rawValue: 1 << 1)
        /// A party committee (`Tỉnh ủy`): as the tail of a bigger name it is not a unit of its own.
        public static let committee = Head(rawValue: 1 << 2)
        /// Only inside a bigger name (`Trung ương` in `Ban Dân vận Trung ương`, `Khối` in `Đảng ủy Khối`).
        public static let nestedOnly = Head(rawValue: 1 << 3)
        /// The organ of the unit after it (`Ban Chấp hành Hội Phụ nữ`): that unit is reported too.
        public static let organ = Head(rawValue: 1 << 4)
        /// Names a topic that may end in a quoted title (`Ban Chỉ đạo phong trào thi đua “Dân vận khéo”`).
        public static let topic = Head(rawValue: 1 << 5)
        /// May take a lower-case descriptor before a locality or name (`Tổ nhân ái khóm 5`, `Đội trật tự đô thị`).
        public static let descriptor = Head(rawValue: 1 << 6)
        /// May be written in lower case when a capitalised name follows (`trường Tiểu học Kim Đồng`).
        public static let lowercaseBeforeName = Head(rawValue: 1 << 7)
        /// An abbreviation written in capitals (`UBND`, `MTTQ`).
        public static let abbreviation = Head(rawValue: 1 << 8)
        /// Bare (without complement) only when nested (`Khối` in `Đảng ủy Khối`).
        public static let bareWhenNested = Head(rawValue: 1 << 9)
        /// A nested-only head that may also open the name of the body it leads (`Trung ương` +
        /// `Hội Nông dân Việt Nam`, `Trung ương Đoàn`).
        public static let leadsBody = Head(rawValue: 1 << 10)
        /// May be written in lower case in running text before a locality (`công an xã Bình Lâm`,
        /// `chi bộ công an xã`).
        public static let lowercaseWithLocality = Head(rawValue: 1 << 11)
        /// May be written in lower case before a qualifier and a locality (`tổ dân vận thôn Đồng
        /// Lân`, `hội nông dân xã`), not directly before the locality.
        public static let lowercaseWithQualifier = Head(rawValue: 1 << 12)
        /// A national body: a list's locality is not its own (`Bộ Y tế` in `Bộ Y tế, Sở Nội vụ tỉnh`).
        public static let national = Head(rawValue: 1 << 13)
        /// A mass organisation whose head is its whole name (`Đoàn Thanh niên`, `Mặt trận Tổ quốc`):
        /// like a qualifier, it shares a list's locality (`Hội Nông dân, Đoàn Thanh niên xã A`).
        public static let massOrganisation = Head(rawValue: 1 << 14)
        /// Opens no receiving unit of a deadline (`gửi về …`, `báo cáo …`): a common word of running
        /// text before a capitalised name (`tổ`, `đội`, `quỹ`, `báo`, `đài`), or a body that does not
        /// receive reports (`Bộ đội`, `Câu lạc bộ`). Heads that are `nestedOnly` open none either.
        public static let notRecipient = Head(rawValue: 1 << 15)
    }

    /// A position (title of office); `hiddenHead` is the head noun it ends with when a unit name
    /// continues it (`Trưởng ban` + `Dân vận Thành ủy` → `Ban Dân vận Thành ủy`).
    public struct Position: Sendable, Hashable {
        public var hiddenHead: Bool
        /// How many of the position's last words make the hidden head (`Văn phòng` in
        /// `Chánh Văn phòng`).
        public var headWords: Int
        /// Reports go to the office itself (`báo cáo Thủ tướng Chính phủ`, `gửi Chủ tịch UBND tỉnh`):
        /// it opens a deadline's receiving unit as a head does.
        public var receivesReports: Bool
        public init(hiddenHead: Bool = false, headWords: Int = 1, receivesReports: Bool = false) {
            self.hiddenHead = hiddenHead; self.headWords = headWords; self.receivesReports = receivesReports
        }
    }

    /// What the receiving unit of a deadline (`gửi về Ban Dân vận Huyện ủy trước ngày …`) may be
    /// made of, as written; the deadline reader folds them (`UnitPhraseReader.Vocabulary`).
    public struct Recipients: Sendable, Equatable {
        /// Phrases a receiving unit starts with: every head that is neither `nestedOnly` nor
        /// `notRecipient`, the positions that `receivesReports`, and `bodies`.
        public var openings: [String]
        /// Lower-case words that go on a name after a lower-case word (`Ủy ban nhân dân huyện`):
        /// every locality noun, and `nameWords`.
        public var nameWords: [String]
        /// The parts after a comma inside an official name (`chữa bệnh` of `Quản lý Khám, chữa bệnh`,
        /// `Khen thưởng` of `Thi đua, Khen thưởng`): after a comma they go on with the name.
        public var commaParts: [String]
        public init(openings: [String] = [], nameWords: [String] = [], commaParts: [String] = []) {
            self.openings = openings; self.nameWords = nameWords; self.commaParts = commaParts
        }
    }

    /// Bodies that receive reports but are no unit head of the units extractor (there they are
    /// qualifiers, organs or ordinary words): `gửi về Thường vụ Đảng ủy`, `báo cáo Lãnh đạo Sở`,
    /// `về Chi nhánh Ngân hàng …`, `UBKT Huyện ủy`.
    package static let recipientBodies = [
        "Thường trực", "Thường vụ", "BCH", "UBKT", "UBTVQH", "Lãnh đạo", "Tổ chức", "Cơ quan", "Chi nhánh",
        "Liên minh", "Bảo hiểm", "Hội đồng nhân dân", "Ủy ban MTTQ", "Liên đoàn Lao động",
    ]

    /// Lower-case words of a name besides the localities, as running text writes them inside a
    /// receiving unit (`Hội nông dân xã`, `Ban thường vụ Tỉnh đoàn`, `Đảng ủy khối cơ quan`).
    package static let recipientNameWords = [
        "nhân dân", "cơ quan", "Việt Nam", "Trung ương", "cấp", "khối", "đảng", "lao động", "xã hội",
        "chính trị", "cựu chiến binh", "nông dân", "phụ nữ", "thanh niên", "dân vận", "tuyên giáo",
        "tổ quốc", "mặt trận", "thường vụ", "thường trực", "chấp hành", "quản lý", "quản trị", "thi đua",
        "khen thưởng", "tổ",
    ]

    /// The receiving units' vocabulary of the given heads, positions and localities.
    package static func recipients(heads: [(String, Head)], positions: [(String, Position)],
                                   localities: [String], qualifiers: [String] = []) -> Recipients {
        let openings = heads.filter { $0.1.isDisjoint(with: [.nestedOnly, .notRecipient]) }.map(\.0)
            + positions.filter(\.1.receivesReports).map(\.0) + recipientBodies
        let commaParts = qualifiers.flatMap { $0.split(separator: ",").dropFirst().map { String($0.drop { $0 == " " }) } }
        return Recipients(openings: openings, nameWords: localities + recipientNameWords, commaParts: commaParts)
    }

    /// What a deadline's receiving unit is made of (see `Recipients`).
    public var recipients = Recipients()

    public enum Locality: Sendable, Hashable {
        /// May stand without a name (`huyện`, `thành phố`): the document's own.
        case bareAllowed
        /// Needs a number or a name (`khóm 2`, `ấp Phú Hòa`).
        case needsName
        /// Needs a number (`khu 5`, a village's area in the north; not `khu vực`, `khu Công nghiệp`).
        case needsNumber
        /// An abbreviation that may carry a dot (`TP.`).
        case abbreviated
    }

    public var heads: PhraseTable<Head>
    public var qualifiers: PhraseTable<Bool>
    public var localities: PhraseTable<Locality>
    public var positions: PhraseTable<Position>
    /// The positions with their vowels' shape marks dropped (`VietnameseFolding.ignoringVowelShape`):
    /// a signature block's position line read off a scan with a mark slipped (`PHÓ BÍ THU` for
    /// `PHÓ BÍ THƯ`) is still a position line, not the signer's name.
    public var positionsIgnoringVowelShape = PhraseTable<Bool>()
    /// Words that end a name when they follow a qualifier (function words, common verbs).
    public var stopWords: KeyTable
    /// Function words: they end a name written in capitals ("VỤ TRONG LĨNH VỰC" is a heading).
    public var functionWords = KeyTable()
    /// Head + next word pairs that are ordinary words, not units (`Hội nghị`, `Tổ chức`, `Tổ quốc`).
    public var notUnits: PhraseTable<Bool>
    /// Two-word places by their second word (`Nam` ← `Việt`, `Nội` ← `Hà`): a gazette line broken
    /// inside a place (`… Chứng khoán Việt⏎Nam`) is read across the break.
    public var placesSplitAfterFirstWord: [UInt64: Set<UInt64>] = [:]
    /// Common words whose second syllable is also a head (`cơ sở`, `nhiệm vụ`, `môi trường`,
    /// `xã hội`): in a line of capitals the head after the first syllable is no unit
    /// (`CƠ SỞ ĐÀO TẠO`, `NHIỆM VỤ CỤ THỂ`), even across a line break. Keyed by the second syllable.
    public var compoundsEndingInHead: [UInt64: Set<UInt64>] = {
        let words = ["cơ sở", "trụ sở", "nhiệm vụ", "phục vụ", "dịch vụ", "nghiệp vụ", "chức vụ", "vụ việc",
                     "môi trường", "thị trường", "hiện trường", "quảng trường", "xã hội", "hiệp hội", "lễ hội",
                     "thư viện", "đại hội", "nội bộ", "ủy ban", "uỷ ban"]
        var table: [UInt64: Set<UInt64>] = [:]
        for word in words {
            let keys = WordKey.keys(word)
            guard keys.count == 2 else { continue }
            table[keys[1], default: []].insert(keys[0])
        }
        return table
    }()
    public var surnames: KeyTable
    /// Place names known as such (provinces, the country): never a person's name.
    public var places: PhraseTable<Bool>
    /// Words before which a quoted title belongs to a steering committee's name (`thi đua “…”`).
    public var topicLeads: PhraseTable<Bool>
    /// Type words of laws whose titles are not units (`Luật Tổ chức Chính phủ`).
    public var lawWords: PhraseTable<Bool>
    /// Lower-case words that complete a capitalised part of a name (`An toàn` + `thực phẩm`).
    public var tails = PhraseTable<Bool>()
    /// A part of the country that ends a name: "phía Nam" in "Trung tâm Y tế dự phòng Quân đội phía Nam".
    public var regions = PhraseTable<Bool>()
    /// Fields that are also verbs ("tổng hợp", "thông tin"): after an abbreviation they start the clause.
    public var verbTails = PhraseTable<Bool>()
    /// School levels a school for gifted pupils names before `chuyên` ("Trường THPT chuyên …").
    public var schoolLevels = PhraseTable<Bool>()
    /// Heads whose name is a number (`Quân khu 7`, `Sư đoàn 309`).
    public var numberNamedHeads = PhraseTable<Bool>()
    /// Words that end in a head noun but are not units (`thị trường`, `môi trường`, `Tây Ban Nha`).
    public var headCompounds = PhraseTable<Bool>()
    /// A locality noun that starts another word (`xã hội`, `tỉnh táo`).
    public var notLocalities = PhraseTable<Bool>()
    /// What may close a level or list of localities (`các tỉnh, thành phố trực thuộc Trung ương`).
    public var localityTails = PhraseTable<Bool>()
    /// Qualifiers that are also verbs: written in lower case after a head they are the verb
    /// (`Hội xây dựng được …`, `Công an tổ chức thực hiện …`), not part of the name.
    public var verbQualifiers = PhraseTable<Bool>()
    /// Committees named only by their role in an event (`Ban Tổ chức`, `Ban Giám khảo`): not a
    /// unit unless something names whose they are (`Ban Tổ chức Trung ương`, `Ban Tổ chức Tỉnh ủy`).
    public var roleOnly = PhraseTable<Bool>()
    /// The body a unit belongs to, written after it with `của` (`Ủy ban Kinh tế của Quốc hội`).
    public var ownerSuffixes = PhraseTable<Bool>()
    /// What a steering committee is named after when it fights something (`Ban Chỉ đạo phòng, chống
    /// dịch … huyện A`): the topic's first words; the lower-case words after them, and the disease's
    /// name (`Covid-19`), belong to the name up to its locality.
    public var steeringTopics = PhraseTable<Bool>()
    /// Lower-case heads after which a single letter is a placeholder, not a name (`công ty A`).
    public var placeholderHeads = PhraseTable<Bool>()
    /// Heads of bodies seated abroad, named with the city or country they sit in after `tại`
    /// (`Đại sứ quán Việt Nam tại Pháp`, `Tổng Lãnh sự quán Nhật Bản tại Đà Nẵng`).
    public var seatedHeads = PhraseTable<Bool>()
    /// Qualifiers of bodies named with the city they sit in, written after them with `tại` and a
    /// known place (`Tòa án nhân dân cấp cao tại Đà Nẵng`, `Văn phòng đại diện tại Cần Thơ`).
    public var seatedQualifiers = PhraseTable<Bool>()
    /// Heads of bodies numbered within their kind (`Bệnh viện Quân y 7A`, `Trường Tiểu học số 2`): a
    /// short number after their name closes it. (Elsewhere it is a footnote mark or a count:
    /// `Sở Lao động - Thương binh và Xã hội 2` in a consolidated text.)
    public var numberedHeads = PhraseTable<Bool>()
    /// What a rank is counted in (`số 1 thế giới`): after `số N` it makes the number no body's number.
    public var rankScopes = PhraseTable<Bool>()
    /// Function words that start no place or person's name even with a capital (`Các`, `Những`,
    /// `Của`): one after a unit begins something else.
    public var nameBreakers = KeyTable()
    /// Phrases that end a name written in capitals: the motto printed beside the issuer
    /// (`CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`, `Độc lập - Tự do - Hạnh phúc`), a subject's `VỀ VIỆC`.
    public var headingStops = PhraseTable<Bool>()
    /// How the lexicon's phrases are written (`Ban Thường vụ`, `nhân dân`, `Giáo dục và Đào tạo`,
    /// `tỉnh`), for printing names found in capitals.
    public var writtenForms: PhraseTable<String>
    /// First words where the scanner looks closer: of heads, positions and law words (capitalised),
    /// and of heads that may be written in lower case before a name.
    public private(set) var startWords = KeyTable()
    /// One-word heads, positions and law words; the first two words of the longer ones (`pairKey`).
    public private(set) var startSingles = KeyTable()
    public private(set) var startPairs = KeyTable()
    public private(set) var lowercaseStartWords = KeyTable()
    /// First words of heads that may be written in lower case before a locality, and of the
    /// locality nouns: where the scanner looks back from a capitalised place name.
    public private(set) var lowercaseLocalityHeadWords = KeyTable()
    public private(set) var localityWords = KeyTable()
    /// First bytes (lower case) of the heads that may be written in lower case.
    public private(set) var lowercaseStartBytes = [Bool](repeating: false, count: 256)

    package mutating func refreshStartWords() {
        startWords = KeyTable(keys: heads.firstWords.union(positions.firstWords).union(lawWords.firstWords))
        let openings = [heads.openings, positions.openings, lawWords.openings]
        startSingles = KeyTable(keys: openings.reduce(into: Set<UInt64>()) { $0.formUnion($1.singles) })
        startPairs = KeyTable(keys: openings.reduce(into: Set<UInt64>()) { $0.formUnion($1.pairs) })
        lowercaseStartWords = KeyTable(keys: heads.firstWords { $0.contains(.lowercaseBeforeName) })
        lowercaseLocalityHeadWords = KeyTable(keys: heads.firstWords {
            !$0.isDisjoint(with: [.lowercaseWithLocality, .lowercaseWithQualifier])
        })
        localityWords = KeyTable(keys: localities.allWords)
        lowercaseStartBytes = [Bool](repeating: false, count: 256)
        for (phrase, traits) in Self.headPhrases where traits.contains(.lowercaseBeforeName) {
            if let first = phrase.lowercased().utf8.first { lowercaseStartBytes[Int(first)] = true }
        }
    }

    public init(heads: PhraseTable<Head>, qualifiers: PhraseTable<Bool>, localities: PhraseTable<Locality>,
                positions: PhraseTable<Position>, stopWords: KeyTable, notUnits: PhraseTable<Bool>,
                surnames: KeyTable, places: PhraseTable<Bool>, topicLeads: PhraseTable<Bool>,
                lawWords: PhraseTable<Bool>) {
        self.heads = heads; self.qualifiers = qualifiers; self.localities = localities; self.positions = positions
        self.stopWords = stopWords; self.notUnits = notUnits; self.surnames = surnames; self.places = places
        self.topicLeads = topicLeads; self.lawWords = lawWords
        self.writtenForms = PhraseTable()
        refreshStartWords()
    }

    /// Entries to add to a lexicon, as `pipeline.json` may list them.
    public struct Extension: Sendable, Codable, Equatable {
        public var heads: [String] = []
        public var standaloneHeads: [String] = []
        public var qualifiers: [String] = []
        public var positions: [String] = []
        public var places: [String] = []
        public init(heads: [String] = [], standaloneHeads: [String] = [], qualifiers: [String] = [],
                    positions: [String] = [], places: [String] = []) {
            self.heads = heads; self.standaloneHeads = standaloneHeads; self.qualifiers = qualifiers
            self.positions = positions; self.places = places
        }
    }

    /// This lexicon with more entries.
    public func extended(with extra: Extension) -> UnitLexicon {
        var copy = self
        // In bulk: a configuration may add 100,000 entries.
        copy.heads.insert(contentsOf: extra.heads.map { ($0, []) } + extra.standaloneHeads.map { ($0, [.standalone, .placeName]) })
        copy.qualifiers.insert(contentsOf: extra.qualifiers.map { ($0, true) })
        copy.positions.insert(contentsOf: extra.positions.map { ($0, Position()) })
        copy.positionsIgnoringVowelShape.insert(contentsOf: extra.positions.map { (VietnameseFolding.ignoringVowelShape($0), true) })
        copy.places.insert(contentsOf: extra.places.map { ($0, true) })
        copy.writtenForms.insert(contentsOf: (extra.heads + extra.standaloneHeads + extra.qualifiers + extra.places).map { ($0, $0) })
        copy.recipients.openings += extra.heads + extra.standaloneHeads
        copy.refreshStartWords()
        return copy
    }

    // MARK: - the standard lexicon

    /// The standard heads, as written, with their traits.
    package static let headPhrases: [(String, Head)] = {
        let heads = writtenHeadPhrases
        // Abbreviations as OCR reads them (`ƯBND`) are heads as the abbreviation is.
        return heads + VietnameseFolding.ocrAbbreviationSlips.compactMap { slip in
            heads.first { $0.0 == slip.meant }.map { (slip.read, $0.1) }
        }
    }()

    private static let writtenHeadPhrases: [(String, Head)] = {
        let committee: Head = [.standalone, .placeName, .committee]
        return [
            ("Thành ủy", committee), ("Tỉnh ủy", committee), ("Huyện ủy", committee), ("Quận ủy", committee),
            ("Thị ủy", committee), ("Đảng ủy", committee.union(.lowercaseWithLocality)), ("Đảng ủy Khối", committee.union(.bareWhenNested)),
            ("Đảng bộ", [.placeName, .lowercaseWithLocality]), ("Chi bộ", [.standalone, .placeName, .lowercaseWithLocality]), ("Đảng đoàn", []),
            ("Ban cán sự đảng", []), ("Trung ương", [.nestedOnly, .standalone, .committee, .leadsBody]),
            ("Đảng", [.nestedOnly, .standalone, .committee]), ("Khối", [.bareWhenNested]), ("Thường trực", []),
            ("Tỉnh đoàn", [.standalone, .placeName]), ("Huyện đoàn", [.standalone, .placeName]),
            ("Thành đoàn", [.standalone, .placeName]), ("Quận đoàn", [.standalone, .placeName]),
            ("Ủy ban", [.lowercaseWithQualifier]), ("UBND", [.standalone, .placeName, .abbreviation]),
            ("HĐND", [.standalone, .placeName, .abbreviation]), ("MTTQ", [.standalone, .placeName, .abbreviation, .massOrganisation]),
            ("UBMTTQ", [.standalone, .placeName, .abbreviation, .massOrganisation]), ("Mặt trận", [.standalone, .lowercaseWithLocality]),
            ("Hội", [.lowercaseWithQualifier]), ("Chi hội", [.standalone, .lowercaseWithLocality]), ("Hội đồng", [.lowercaseWithQualifier]), ("Liên hiệp", []), ("Liên đoàn", []),
            ("Ban", [.lowercaseWithQualifier]), ("Tiểu ban", []), ("Ban Chỉ đạo", [.standalone, .topic]),
            ("BCĐ", [.standalone, .topic, .abbreviation]), ("Ban Chấp hành", [.organ, .standalone]), ("Ban Thường vụ", [.organ, .standalone]),
            ("BTV", [.organ, .standalone, .abbreviation]), ("Ban Bí thư", [.standalone, .national]), ("Bộ Chính trị", [.standalone, .national]),
            ("Đoàn", []), ("Chi đoàn", [.standalone, .lowercaseWithLocality]), ("Công đoàn", [.standalone]), ("Liên đội", [.standalone, .notRecipient]),
            ("Công an", [.lowercaseWithLocality]), ("Bộ đội", [.notRecipient]), ("Bộ Chỉ huy", []), ("Ban Chỉ huy", [.topic]), ("Quân khu", []),
            // Military formations named by their number (`Sư đoàn 309`, `Lữ đoàn 131`).
            ("Quân đoàn", []), ("Binh đoàn", []), ("Sư đoàn", []), ("Lữ đoàn", []), ("Trung đoàn", []), ("Hải đoàn", []),
            ("Sở", []), ("Phòng", [.lowercaseWithQualifier]), ("Bộ", [.national]), ("Cục", [.national]), ("Chi cục", []),
            ("Tổng cục", [.national]), ("Vụ", [.national]),
            ("Viện", []), ("Học viện", []), ("Trường", [.lowercaseBeforeName]), ("Đại học", []),
            ("Trung tâm", [.lowercaseWithQualifier]), ("Văn phòng", []), ("Thanh tra", []), ("Kho bạc", []), ("Tòa án", []),
            ("Viện kiểm sát", []), ("Ngân hàng", [.descriptor]), ("Quỹ", [.descriptor, .notRecipient]),
            ("Công ty", [.lowercaseBeforeName]), ("Cty", []), ("Tập đoàn", []),
            ("Tổng công ty", []), ("Hợp tác xã", [.descriptor]), ("HTX", [.descriptor, .abbreviation]),
            ("Tổ", [.descriptor, .lowercaseWithQualifier, .notRecipient]), ("Tổ hợp tác", [.descriptor, .notRecipient]),
            ("Đội", [.descriptor, .lowercaseWithQualifier, .notRecipient]),
            ("Câu lạc bộ", [.descriptor, .notRecipient]), ("Bệnh viện", [.lowercaseWithQualifier, .lowercaseBeforeName]), ("Trạm", [.lowercaseWithQualifier]), ("Đài", []), ("Chính phủ", [.standalone, .national]),
            ("Quốc hội", [.standalone, .national]), ("Ban Quản lý", [.descriptor]), ("Bảo hiểm xã hội", []), ("BHXH", [.abbreviation]),
            ("Ủy ban Thường vụ Quốc hội", [.standalone, .national]), ("Đoàn Thanh niên", [.lowercaseWithLocality, .massOrganisation]),
            ("Đoàn đại biểu Quốc hội", [.standalone]), ("Kiểm toán nhà nước", [.standalone]),
            // Bodies of the police, the border guard and the forest rangers named by their place:
            // `Cơ quan Cảnh sát điều tra Công an tỉnh …`, `Đồn Biên phòng cửa khẩu …`, `Hạt Kiểm lâm …`.
            ("Cơ quan Cảnh sát điều tra", [.placeName]), ("Cơ quan An ninh điều tra", [.placeName]),
            ("Đồn Biên phòng", [.placeName]), ("Đồn Công an", [.placeName]), ("Hạt Kiểm lâm", [.placeName]),
            ("Vườn quốc gia", [.placeName]), ("Khu bảo tồn thiên nhiên", [.placeName]),
            ("Tổng Liên đoàn", [.national]), ("Hội đồng Bộ trưởng", [.standalone, .national]),
            ("Hội đồng Chính phủ", [.standalone, .national]),
            ("Mặt trận Tổ quốc", [.standalone, .placeName, .massOrganisation]), ("Báo", [.notRecipient]),
            ("T.Ư", [.nestedOnly, .standalone, .committee, .leadsBody]), ("TW", [.nestedOnly, .standalone, .committee]),
            ("Hiệp hội", []), ("Nhà xuất bản", []),
            // The office that serves both councils of a district or province.
            ("Văn phòng HĐND và UBND", []), ("Văn phòng Hội đồng nhân dân và Ủy ban nhân dân", []),
            ("Văn phòng Đoàn ĐBQH và HĐND", []), ("Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân", []),
            // People's courts and procuracies (`TAND tỉnh Bình Định`, `VKSND TP Hà Nội`).
            ("TAND", [.standalone, .placeName, .abbreviation]), ("VKSND", [.standalone, .placeName, .abbreviation]),
            // Abbreviations written as heads in news: `ĐH Quốc gia Hà Nội`, `UBMTTQVN TP Cần Thơ`,
            // `CDC Hà Nam` (a province's disease control centre; it needs its place).
            ("ĐH", [.abbreviation]), ("UBMTTQVN", [.standalone, .placeName, .abbreviation, .massOrganisation]),
            ("CDC", [.placeName, .abbreviation]),
            // Missions abroad, named by their country (`Đại sứ quán Hàn Quốc`) and seat (`tại Hà Nội`).
            ("Đại sứ quán", [.placeName]), ("Tổng Lãnh sự quán", [.placeName]), ("Lãnh sự quán", [.placeName]),
            // `Liên minh Hợp tác xã Việt Nam`, `Liên minh Hợp tác xã tỉnh Bến Tre`
            ("Liên minh Hợp tác xã", [.placeName]),
        ]
    }()

    public static let standard: UnitLexicon = {
        let heads = headPhrases
        // Written as names print them: the first word of a specific name capitalised ("Dân vận",
        // "Giáo dục và Đào tạo"), generic ones in lower case ("nhân dân" in "Ủy ban nhân dân").
        let qualifiers = [
            "nhân dân", "Dân vận", "Tuyên giáo", "Tuyên giáo và Dân vận", "Tổ chức", "Kiểm tra", "Nội chính",
            "Thường vụ", "Chấp hành", "Chỉ đạo", "Chỉ huy", "Quân sự", "Biên tập", "Chủ nhiệm", "Thường trực",
            "Nông dân", "Phụ nữ", "Liên hiệp Phụ nữ", "Cựu chiến binh", "Chữ thập đỏ", "Khuyến học",
            "Người cao tuổi", "Thanh niên", "Thanh niên Cộng sản Hồ Chí Minh", "Cựu Thanh niên xung phong",
            "Luật gia", "Nạn nhân chất độc da cam", "Mặt trận Tổ quốc", "MTTQ", "Tổ quốc", "Lao động",
            "Giáo dục và Đào tạo", "Giáo dục - Đào tạo", "Tài chính", "Nội vụ", "Y tế", "Tư pháp", "Xây dựng",
            "Công Thương", "Ngoại giao", "Quốc phòng", "Công an", "Kế hoạch và Đầu tư", "Giao thông vận tải",
            "Tài nguyên và Môi trường", "Nông nghiệp và Phát triển nông thôn", "Nông nghiệp và Môi trường",
            "Khoa học và Công nghệ", "Thông tin và Truyền thông", "Văn hóa", "Văn hóa, Thể thao và Du lịch",
            "Văn hóa - Thông tin", "Văn hóa và Thông tin",
            "Văn hóa và Thể thao", "Văn hóa, Thể thao", "Văn hóa - Thể thao",
            "Văn hóa, Thể thao và Truyền thông", "Văn hóa - Thể thao và Truyền thông", "Văn hóa, Thông tin và Thể thao", "Lao động - Thương binh và Xã hội",
            "Dân tộc và Tôn giáo", "Dân tộc", "Tôn giáo", "trật tự đô thị", "nhân ái", "Chính sách xã hội",
            "tín dụng", "tín dụng nhân dân", "Bất động sản", "Đền ơn đáp nghĩa", "An sinh xã hội", "trách nhiệm hữu hạn", "TNHH",
            "một thành viên", "MTV", "cổ phần", "trách nhiệm hữu hạn một thành viên", "TNHH MTV",
            "trách nhiệm hữu hạn thương mại dịch vụ", "TNHH thương mại dịch vụ", "thương mại", "dịch vụ", "thương mại dịch vụ", "may mặc",
            "Tiểu học", "Trung học cơ sở", "Trung học phổ thông", "Mầm non", "Mẫu giáo", "Cao đẳng", "Đại học",
            "Chính trị", "Kinh tế", "đại biểu Quốc hội", "Dân Chính Đảng", "cơ quan", "Doanh nghiệp", "Hành chính",
            "Phát thanh", "Truyền hình", "Phát thanh - Truyền hình", "Thi đua", "Thi đua - Khen thưởng",
            "Thi đua Khen thưởng", "Thanh tra", "Kiểm sát", "Nhà nước", "Thống kê", "Thuế", "Hải quan",
            "Kho bạc Nhà nước", "Bảo hiểm xã hội", "Biên phòng", "Cảnh sát", "Kiểm lâm", "Quản lý thị trường",
            "Bí thư", "Quy chế dân chủ ở cơ sở", "An toàn giao thông", "Phòng chống tham nhũng",
            "THPT", "THCS", "ĐH", "GD&ĐT", "TN&MT", "KH&CN", "KH&ĐT", "KH-ĐT", "GD-ĐT", "VH-TT-DL", "VHTT&DL", "LĐ-TB&XH", "VH-TT&DL", "NN&PTNT", "TT&TT", "TDTT",
            "Đa khoa", "Nghiên cứu", "Tuyên truyền", "Báo chí và Tuyên truyền", "Xuất bản",
            "Tư vấn", "Tư vấn tuyển sinh", "Tuyên truyền và Tư vấn tuyển sinh", "Trang thiết bị", "Trang thiết bị y tế",
            "Cảnh sát điều tra", "Hàng không", "Nghiệp vụ", "Trung cấp", "Giám định", "Giám định y khoa",
            "Hưu trí", "Đấu thầu", "Bảo vệ thực vật", "Trồng trọt và Bảo vệ thực vật", "Tuần tra kiểm soát", "Tuần tra kiểm soát giao thông", "An toàn thực phẩm", "Cảnh sát giao thông", "Cảnh sát hình sự",
            // Lower-case fields of local bodies before their locality: `Ban điều hành khu phố 2`, `Ban công
            // tác Mặt trận khu dân cư số 3`, `Tổ bảo vệ an ninh, trật tự ở cơ sở thôn Đông`.
            "điều hành", "công tác Mặt trận", "bảo vệ an ninh, trật tự", "bảo vệ an ninh trật tự",
            "bảo vệ an ninh, trật tự ở cơ sở", "bảo vệ an ninh trật tự ở cơ sở", "bảo vệ an ninh trật tự cơ sở",
            "Phòng cháy chữa cháy", "Y tế dự phòng", "Kiểm soát bệnh tật", "Sở hữu trí tuệ",
            "Tiêu chuẩn Đo lường Chất lượng", "Xuất nhập khẩu", "Xúc tiến thương mại", "Quản lý cạnh tranh",
            // Names with a comma or "và" inside: committees of the National Assembly and of
            // people's councils, ministries and their departments.
            "Xã hội", "Văn hóa và Xã hội", "Văn hóa - Xã hội", "Văn hóa, Xã hội", "Kinh tế và Tài chính",
            "Tài chính, Ngân sách", "Tài chính - Ngân sách", "Kinh tế, Ngân sách", "Kinh tế - Ngân sách",
            "Kinh tế - Xã hội", "Pháp chế", "Pháp luật", "Pháp luật và Tư pháp", "Công tác đại biểu", "Đối ngoại",
            "Quốc phòng và An ninh", "Quốc phòng, An ninh và Đối ngoại", "Quốc phòng - An ninh",
            "Khoa học, Công nghệ và Môi trường", "Thi đua, Khen thưởng", "Chính sách, chiến lược",
            "Lao động, Thương binh và Xã hội", "Văn hóa, Thể thao và Du lịch", "nhân dân tối cao",
            "Phát triển", "Chính sách", "Công nghiệp", "Nhân văn", "Đầu tư nước ngoài",
            // National departments whose field is a list in lower case after a comma.
            "Quản lý, giám sát chính sách thuế, phí và lệ phí", "Quản lý, giám sát kế toán, kiểm toán",
            "Quản lý Khám, chữa bệnh", "Phòng, chống tệ nạn xã hội", "Phát thanh, truyền hình và thông tin điện tử",
            "Tài chính, tiền tệ", "Lao động, văn hóa, xã hội", "Khoa học, giáo dục, tài nguyên và môi trường",
            // `Ủy ban bầu cử xã …`, `Ban bầu cử`, `Tổ bầu cử thôn …`
            "bầu cử",
            // The armed forces and the police as the field of a body (`Bảo hiểm xã hội Quân đội`,
            // `Học viện Chính trị Công an nhân dân`), and specialities of hospitals and schools.
            "Quân đội", "Quân đội nhân dân", "Công an nhân dân", "Quân y", "Nhi đồng", "Nhiệt đới",
            "Trung cấp nghề", "Cao đẳng nghề", "Kinh tế ngành",
            // Courts and procuracies of the higher level (`Tòa án nhân dân cấp cao tại Hà Nội`, `TAND Cấp cao`).
            "nhân dân cấp cao", "Cấp cao",
            // `Bộ Tư lệnh Cảnh sát biển`, `Vùng Cảnh sát biển 3`
            "Cảnh sát biển", "Bộ binh", "Pháo binh", "Phòng không", "Công binh", "Thiết giáp",
        ]
        let tails = [
            "thực phẩm", "thị trường", "vận tải", "dự phòng", "bệnh tật", "trí tuệ", "hình sự", "giao thông",
            "cạnh tranh", "chất lượng", "xã hội", "nông thôn", "môi trường", "đô thị", "du lịch", "thể thao",
            "truyền thông", "công nghệ", "đầu tư", "đào tạo", "việc làm", "trẻ em", "gia đình", "dân số",
            "nhân văn", "tự nhiên", "kỹ thuật", "ứng dụng", "phát triển", "hàng hải", "hàng không", "đường bộ",
            "đường sắt", "thủy sản", "lâm nghiệp", "khoáng sản", "năng lượng", "thông tin", "điện tử", "viễn thông",
            "bưu điện", "xây dựng", "quy hoạch", "kiến trúc", "tài chính", "ngân hàng", "chứng khoán", "bảo hiểm",
            "hải quan", "ma túy", "tội phạm", "an ninh", "quốc phòng", "biên giới", "pháp chế", "tổng hợp",
            "hành chính", "nhân sự", "cán bộ", "khen thưởng", "tuyên truyền", "đối ngoại", "quốc tế", "hợp tác",
            "tiêu dùng", "thương mại", "dịch vụ", "nông nghiệp", "công nghiệp", "chăn nuôi", "thú y", "trồng trọt",
            "bảo vệ thực vật", "thủy lợi", "văn hóa", "gia đình", "người có công", "bảo trợ xã hội", "nhà ở",
            "bất động sản", "cơ khí", "hóa chất", "dầu khí", "điện lực", "cấp nước", "thoát nước", "y tế",
            "giáo dục", "đại học", "học sinh", "sinh viên", "nghệ thuật", "mỹ thuật", "âm nhạc", "báo chí",
            "xuất bản", "phát thanh", "truyền hình", "lưu trữ", "văn thư", "kho bạc", "kiểm toán", "thống kê",
            "lao động", "ngoài nước", "nghề nghiệp", "tiền lương", "quốc gia", "vốn nhà nước", "nhà nước",
            "doanh nghiệp", "đất đai", "tài sản", "người lao động", "bình đẳng giới", "an toàn lao động", "công nghệ cao",
            "cơ sở", "sản phẩm", "hàng hóa", "dân cư", "hộ tịch", "quốc tịch", "pháp luật", "văn bản",
            "quy phạm pháp luật", "thể dục thể thao", "biển và hải đảo", "khí tượng thủy văn", "đo đạc", "bản đồ",
            "dữ liệu", "an ninh mạng", "thiên tai", "tìm kiếm cứu nạn", "người có công", "trẻ em", "xã hội",
            "vốn", "kinh doanh", "phát triển", "đổi mới", "sáng tạo", "chuyển đổi số",
            // `Cục Quản lý đấu thầu`, `Cục Thi hành án dân sự`, `Cục Hộ tịch, quốc tịch và chứng thực`,
            // `Trung tâm Kiểm chuẩn chất lượng xét nghiệm y học`, `Cục Quản lý khám, chữa bệnh`
            "đấu thầu", "án dân sự", "chứng thực", "xét nghiệm", "y học", "chữa bệnh",
            // `Ban Quản lý Khu kinh tế Vân Phong`, `Ban quản lý Khu kinh tế tỉnh Quảng Ngãi`
            "kinh tế",
            // `Viện Vệ sinh dịch tễ Trung ương`, `Viện Hàn lâm khoa học xã hội`
            "dịch tễ", "khoa học",
            // `Viện Y tế công cộng`, `Trung tâm Dịch vụ việc làm`, `Ban Quản lý dự án đầu tư xây dựng`
            "công cộng", "dự án",
            // `Viện Thông tin khoa học xã hội`, `Chi cục An toàn vệ sinh thực phẩm`, `Hội Hồi sức cấp cứu và
            // chống độc Việt Nam`, `Cục Cạnh tranh và Bảo vệ người tiêu dùng`, `Vụ Tài chính hành chính sự
            // nghiệp`, `Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ`
            "an toàn", "an toàn thực phẩm", "vệ sinh thực phẩm", "vệ sinh dịch tễ", "dinh dưỡng", "sinh học",
            "hồi sức", "hồi sức cấp cứu", "cấp cứu và chống độc", "chống độc", "kế hoạch hóa gia đình",
            "trung học", "tiểu học", "mầm non", "giáo dục thường xuyên", "xổ số", "xổ số kiến thiết", "trung ương", "bảo vệ người tiêu dùng", "người tiêu dùng",
            "thực nghiệm", "sự nghiệp", "doanh nghiệp lớn", "phòng cháy, chữa cháy", "phòng cháy chữa cháy",
            "cứu nạn, cứu hộ", "cứu nạn cứu hộ",
        ]
        let headCompounds = [
            "thị trường", "môi trường", "hiện trường", "chiến trường", "quảng trường", "lập trường", "công trường",
            "nông trường", "lâm trường", "ngư trường", "thương trường", "phi trường", "đấu trường", "sân trường",
            "nhà trường", "Công báo", "thông báo", "Tây Ban Nha", "Đài Loan", "Đài Bắc", "Trường Sơn", "Trường Sa", "Ban Mê Thuột",
            "xã hội", "cục bộ", "đồng bộ", "toàn bộ", "cán bộ", "sơ bộ", "tiến bộ", "bước đầu", "hội trường",
        ]
        let notLocalities = ["xã hội", "xã viên", "xã giao", "tỉnh táo", "tỉnh giấc", "tỉnh lộ", "huyện lộ", "quận chúa"]
        let localities: [(String, Locality)] = [
            ("xã", .bareAllowed), ("phường", .bareAllowed), ("thị trấn", .bareAllowed), ("thị xã", .bareAllowed),
            ("huyện", .bareAllowed), ("quận", .bareAllowed), ("tỉnh", .bareAllowed), ("thành phố", .bareAllowed),
            ("đặc khu", .bareAllowed), ("TP", .abbreviated), ("khóm", .needsName), ("ấp", .needsName),
            ("thôn", .needsName), ("xóm", .needsName), ("bản", .needsName), ("làng", .needsName),
            ("buôn", .needsName), ("sóc", .needsName), ("tổ dân phố", .needsName), ("khu phố", .needsName),
            ("khối phố", .needsName), ("khu dân cư", .needsName), ("tiểu khu", .needsName), ("khu", .needsNumber),
            // `Chi cục Thú y vùng VI`, `Cục Hải quan vùng 2`
            ("vùng", .needsName),
            // `Chi cục Hải quan cửa khẩu Lào Cai`, `Đồn Biên phòng cửa khẩu quốc tế Lao Bảo`
            ("cửa khẩu", .needsName), ("cửa khẩu quốc tế", .needsName), ("cửa khẩu chính", .needsName),
        ]
        let positions: [(String, Position)] = [
            ("bí thư", Position()), ("phó bí thư", Position()), ("phó bí thư thường trực", Position()),
            ("bí thư thường trực", Position()), ("tổng bí thư", Position()), ("ủy viên", Position()),
            ("ủy viên ban thường vụ", Position()), ("tỉnh ủy viên", Position()), ("huyện ủy viên", Position()),
            ("thành ủy viên", Position()), ("quận ủy viên", Position()), ("thị ủy viên", Position()),
            ("đảng ủy viên", Position()), ("ủy viên ban chấp hành", Position()), ("ủy viên thường vụ", Position()), ("chủ tịch", Position(receivesReports: true)),
            ("phó chủ tịch", Position()), ("phó chủ tịch thường trực", Position()), ("chủ tịch nước", Position()),
            ("thủ tướng", Position(receivesReports: true)), ("thủ trưởng", Position()), ("phó thủ tướng", Position()), ("bộ trưởng", Position()),
            ("thứ trưởng", Position()), ("trưởng ban", Position(hiddenHead: true)),
            ("phó trưởng ban", Position(hiddenHead: true)), ("trưởng ban thường trực", Position()),
            ("phó trưởng ban thường trực", Position()), ("trưởng phòng", Position(hiddenHead: true)),
            ("phó trưởng phòng", Position(hiddenHead: true)), ("giám đốc", Position()), ("phó giám đốc", Position()),
            ("tổng giám đốc", Position()), ("cục trưởng", Position()), ("phó cục trưởng", Position()),
            ("vụ trưởng", Position()), ("phó vụ trưởng", Position()), ("chánh văn phòng", Position(hiddenHead: true, headWords: 2)),
            ("phó chánh văn phòng", Position(hiddenHead: true, headWords: 2)), ("chánh thanh tra", Position()), ("chủ nhiệm", Position()),
            ("phó chủ nhiệm", Position()), ("hiệu trưởng", Position()), ("phó hiệu trưởng", Position()),
            ("trưởng công an", Position(hiddenHead: true, headWords: 2)),
            ("phó trưởng công an", Position(hiddenHead: true, headWords: 2)), ("chỉ huy trưởng", Position()),
            ("chính trị viên", Position()), ("chi hội trưởng", Position()), ("hội trưởng", Position()),
            ("tổ trưởng", Position()), ("đội trưởng", Position()), ("trưởng khóm", Position()),
            ("trưởng ấp", Position()), ("trưởng thôn", Position()), ("thư ký", Position()),
            ("trưởng đoàn", Position()), ("phó trưởng đoàn", Position()), ("viện trưởng", Position()),
            ("chánh án", Position()), ("đồng chí", Position()),
            ("đại tá", Position()), ("thượng tá", Position()), ("trung tá", Position()), ("thiếu tá", Position()),
            ("thiếu tướng", Position()), ("trung tướng", Position()), ("thượng tướng", Position()),
            ("đại tướng", Position()), ("nguyên", Position()), ("ủy viên trung ương đảng", Position()),
            ("tổng thư ký", Position()), ("phó tổng giám đốc", Position()), ("trưởng phòng thường trực", Position()),
        ]
        let stopWords = [
            "của", "và", "với", "đã", "đang", "sẽ", "được", "bị", "là", "có", "các", "những", "cho", "trong",
            "tại", "về", "từ", "đến", "theo", "để", "thì", "mà", "này", "đó", "cũng", "vẫn", "không", "chưa",
            "nên", "phải", "cần", "ngày", "năm", "tháng", "số", "thuộc", "trực", "cùng", "gồm", "như", "qua",
            "lần", "khóa", "đề", "tổ", "tham", "thực", "phối", "kết", "triển", "tiếp",
            "làm", "ban", "hội", "đạt", "vững", "nhận", "trên", "dưới", "sau", "trước", "khi", "nhằm",
            "luôn", "rất", "đều", "hãy", "xin", "ra", "vào", "lên", "xuống", "ở", "nơi", "hay", "hoặc", "giữa",
            "cấp", "ngành", "họp", "phát", "công", "tổng", "báo", "quyết", "yêu", "chịu", "lãnh",
            "giao", "gửi", "hướng", "đôn", "kiểm", "giám", "đánh", "hỗ", "giúp", "vừa", "mới", "trao",
            "tặng", "dự", "nhấn", "xây", "mở", "đưa",
        ]
        let notUnits: [String] = [
            "hội nghị", "hội viên", "hội thảo", "hội thi", "hội diễn", "hội chợ", "hội tụ", "hội đủ", "hội họp",
            "hội nhập", "tổ chức", "tổ quốc", "tổ tiên", "tổ hợp", "đoàn kết", "đoàn viên", "đoàn thể", "đoàn tụ",
            "đoàn công tác", "bộ phận", "bộ máy", "bộ luật", "bộ mặt", "bộ tiêu chí", "bộ hồ sơ", "bộ câu hỏi", "bộ công cụ", "bộ chỉ số",
            "quỹ mở", "quỹ đóng", "trạm tấu",
            "bộ đề", "bộ sách", "phòng chống", "phòng ngừa", "phòng tránh", "phòng họp", "phòng, chống",
            "trường hợp", "trường học", "khối lượng", "khối đại đoàn kết", "đội ngũ", "ban hành", "ban đầu",
            "ban ngành", "ban đêm", "ban ngày", "sở hữu", "sở dĩ", "sở thích", "cục bộ", "quỹ đất", "quỹ thời gian",
            "quỹ lương", "vụ việc", "vụ án", "vụ mùa", "viện dẫn", "viện trợ", "trạm dừng",
            "công an nhân dân", "bộ đội cụ hồ", "ban nha", "tổ dân phố", "đài loan", "đài bắc", "trường sơn", "trường sa",
            "hội trường", "thường trực ban", "báo cáo", "báo chí", "báo động", "báo giá", "báo hiệu", "báo công",
            "báo tin", "báo danh", "báo đáp", "báo hại", "báo chế", "báo giới",
            "hội an", "đội tuyển", "đội bóng", "đội hình", "đội quân", "quỹ đạo", "tổ ấm", "vụ trưởng", "trạm trưởng",
        ]
        let surnames = [
            "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
            "Dương", "Lý", "Lương", "Đinh", "Trương", "Lâm", "Mai", "Tạ", "Đào", "Cao", "Hà", "Đoàn", "Thái",
            "Trịnh", "Tô", "Lưu", "Chu", "Châu", "Quách", "Từ", "Kiều", "La", "Nông", "Lò", "Vi", "Hứa", "Khúc",
            "Thân", "Triệu", "Tăng", "Mạc", "Đàm", "Kim", "Giang", "Tống", "Âu", "Diệp", "Doãn", "Hầu", "Khổng",
            "Lại", "Ninh", "Phùng", "Quan", "Thạch", "Tôn", "Ung", "Văn", "Viên", "Cù", "Đồng", "Bạch", "Lục",
            "Tiêu", "Lã", "Trình", "Nghiêm", "Vương", "Mạch", "Biện", "Lạc", "Đường", "Phí", "Khương", "Thiều",
            "Âu", "Ông", "Hàn", "Sầm", "Trà", "Đậu", "Lữ", "Vòng", "Y", "H",
        ]
        let places = [
            "Việt Nam", "Mỹ", "Hoa Kỳ", "Nga", "Trung Quốc", "Anh", "Pháp", "Đức", "Nhật Bản", "Hàn Quốc", "Ấn Độ",
            "Úc", "Australia", "Canada", "Indonesia", "Lào", "Campuchia", "Thái Lan", "Singapore", "Malaysia",
            "Philippines", "Ukraine", "Myanmar", "Tây Nguyên", "Tây Bắc", "Tây Nam Bộ", "Đông Nam Bộ", "Israel", "Iran", "Triều Tiên", "Đài Loan", "Liên hợp quốc", "EU", "ASEAN",
            "Hà Nội", "Hồ Chí Minh", "thành phố Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế",
            "An Giang", "Bà Rịa - Vũng Tàu", "Bạc Liêu", "Bắc Giang", "Bắc Kạn", "Bắc Ninh", "Bến Tre",
            "Bình Dương", "Bình Định", "Bình Phước", "Bình Thuận", "Cà Mau", "Cao Bằng", "Đắk Lắk", "Đắk Nông",
            "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang", "Hà Nam", "Hà Tĩnh", "Hải Dương",
            "Hậu Giang", "Hòa Bình", "Hưng Yên", "Khánh Hòa", "Kiên Giang", "Kon Tum", "Lai Châu", "Lâm Đồng",
            "Lạng Sơn", "Lào Cai", "Long An", "Nam Định", "Nghệ An", "Ninh Bình", "Ninh Thuận", "Phú Thọ",
            "Phú Yên", "Quảng Bình", "Quảng Nam", "Quảng Ngãi", "Quảng Ninh", "Quảng Trị", "Sóc Trăng", "Sơn La",
            "Tây Ninh", "Thái Bình", "Thái Nguyên", "Thanh Hóa", "Thừa Thiên Huế", "Tiền Giang", "Trà Vinh",
            "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc", "Yên Bái",
            // Cities that name bodies (`Trường Đại học Vinh`, `Bệnh viện Đa khoa Nha Trang`).
            "Vinh", "Nha Trang", "Đà Lạt", "Vũng Tàu", "Buôn Ma Thuột", "Quy Nhơn", "Hạ Long", "Biên Hòa", "Pleiku",
            "Phan Thiết", "Rạch Giá", "Long Xuyên", "Mỹ Tho", "Cẩm Phả", "Móng Cái", "Thủ Dầu Một", "Tuy Hòa",
            "Tam Kỳ", "Đồng Hới", "Điện Biên Phủ", "Sa Pa", "Thủ Đức",
        ]
        let topicLeads = [
            "thi đua", "phong trào", "cuộc vận động", "vận động", "chương trình", "đề án", "dự án", "mô hình",
            "chuyên đề", "cuộc thi", "hội thi",
        ]
        let lawWords = ["Luật", "Bộ luật", "Pháp lệnh", "Hiến pháp", "Điều lệ", "luật"]

        var headTable = PhraseTable<Head>()
        for (phrase, traits) in heads { headTable.insert(phrase, traits) }
        var qualifierTable = PhraseTable<Bool>()
        for phrase in qualifiers { qualifierTable.insert(phrase, true) }
        var localityTable = PhraseTable<Locality>()
        for (phrase, kind) in localities { localityTable.insert(phrase, kind) }
        var positionTable = PhraseTable<Position>()
        for (phrase, position) in positions { positionTable.insert(phrase, position) }
        var notUnitTable = PhraseTable<Bool>()
        for phrase in notUnits { notUnitTable.insert(phrase, true) }
        var placeTable = PhraseTable<Bool>()
        for phrase in places { placeTable.insert(phrase, true) }
        var leadTable = PhraseTable<Bool>()
        for phrase in topicLeads { leadTable.insert(phrase, true) }
        var lawTable = PhraseTable<Bool>()
        for phrase in lawWords { lawTable.insert(phrase, true) }
        var lexicon = UnitLexicon(heads: headTable, qualifiers: qualifierTable, localities: localityTable,
                           positions: positionTable, stopWords: KeyTable(keys: stopWords.filter { !$0.contains(" ") }.map(WordKey.key)),
                           notUnits: notUnitTable, surnames: KeyTable(keys: surnames.map(WordKey.key)), places: placeTable,
                           topicLeads: leadTable, lawWords: lawTable)
        var written = PhraseTable<String>()
        for phrase in places + qualifiers + heads.map(\.0) + localities.map(\.0) + ["và"] { written.insert(phrase, phrase) }
        lexicon.writtenForms = written
        lexicon.positionsIgnoringVowelShape.insert(contentsOf: positions.map { (VietnameseFolding.ignoringVowelShape($0.0), true) })
        lexicon.recipients = recipients(heads: heads, positions: positions, localities: localities.map(\.0),
                                        qualifiers: qualifiers)
        for place in places {
            let keys = WordKey.keys(place)
            if keys.count == 2 { lexicon.placesSplitAfterFirstWord[keys[1], default: []].insert(keys[0]) }
        }
        for phrase in tails { lexicon.tails.insert(phrase, true) }
        for phrase in ["tổng hợp", "thông tin", "xây dựng", "ứng dụng", "quy hoạch", "hợp tác", "kinh doanh",
                       "đổi mới", "sáng tạo", "đầu tư", "phát triển", "tuyên truyền", "khen thưởng", "đào tạo",
                       "kiểm toán", "thống kê", "xuất bản", "chứng thực", "xét nghiệm", "chữa bệnh", "lưu trữ",
                       "chăn nuôi", "trồng trọt", "cấp nước", "thoát nước", "đo đạc", "chuyển đổi số"] {
            lexicon.verbTails.insert(phrase, true)
        }
        for phrase in ["Quân khu", "Quân đoàn", "Binh đoàn", "Sư đoàn", "Lữ đoàn", "Trung đoàn", "Hải đoàn"] {
            lexicon.numberNamedHeads.insert(phrase, true)
        }
        for phrase in ["THPT", "THCS", "PTTH", "Trung học phổ thông", "Trung học cơ sở", "Tiểu học", "phổ thông"] {
            lexicon.schoolLevels.insert(phrase, true)
        }
        for side in ["Bắc", "Nam", "Trung", "Đông", "Tây"] {
            for lead in ["phía", "miền", "khu vực phía", "khu vực miền", "khu vực miền núi phía"] {
                lexicon.regions.insert("\(lead) \(side)", true)
            }
        }
        lexicon.functionWords = KeyTable(keys: [
            "của", "và", "với", "đã", "đang", "sẽ", "được", "bị", "là", "có", "các", "những", "cho", "trong", "tại",
            "về", "từ", "đến", "theo", "để", "thì", "mà", "này", "đó", "không", "chưa", "ngày", "năm", "tháng", "số",
            "như", "qua", "khi", "nếu", "hoặc", "hay", "ở", "trên", "dưới", "sau", "trước", "giữa", "nhằm", "vào", "ra",
            "phải", "cần", "thuộc", "gồm", "cùng", "đối", "với", "do", "bằng",
        ].map(WordKey.key))
        for phrase in headCompounds { lexicon.headCompounds.insert(phrase, true) }
        for phrase in notLocalities { lexicon.notLocalities.insert(phrase, true) }
        for phrase in ["trực thuộc Trung ương", "trực thuộc tỉnh", "trực thuộc thành phố", "trực thuộc huyện"] {
            lexicon.localityTails.insert(phrase, true)
        }
        for phrase in ["tổ chức", "xây dựng", "kiểm tra", "chỉ đạo", "chỉ huy", "biên tập", "thanh tra",
                       "tuyên truyền", "vận động", "khuyến học", "thi đua"] {
            lexicon.verbQualifiers.insert(phrase, true)
        }
        for phrase in ["Ban Tổ chức", "Ban Giám khảo", "Ban Giám hiệu", "Ban Biên tập", "Ban Điều hành", "Ban Tổ chức cuộc thi",
                       "Ban Tổ chức hội thi", "Ban Tổ chức giải"] {
            lexicon.roleOnly.insert(phrase, true)
        }
        for phrase in ["của Quốc hội", "của Chính phủ"] { lexicon.ownerSuffixes.insert(phrase, true) }
        for phrase in ["cấp cao", "đại diện"] { lexicon.seatedQualifiers.insert(phrase, true) }
        for phrase in ["phòng, chống", "phòng chống", "phòng, chống dịch", "phòng chống dịch"] {
            lexicon.steeringTopics.insert(phrase, true)
        }
        for phrase in ["Đại sứ quán", "Tổng Lãnh sự quán", "Lãnh sự quán"] { lexicon.seatedHeads.insert(phrase, true) }
        lexicon.placeholderHeads.insert("công ty", true)
        for phrase in ["Bệnh viện", "Trường", "Trạm", "Viện", "Trại", "Đội", "Nhà máy", "Xí nghiệp",
                       "Quân đoàn", "Binh đoàn", "Sư đoàn", "Lữ đoàn", "Trung đoàn", "Hải đoàn"] {
            lexicon.numberedHeads.insert(phrase, true)
        }
        for phrase in ["thế giới", "châu Á", "châu Âu", "Đông Nam Á", "Việt Nam", "cả nước", "toàn quốc", "khu vực"] {
            lexicon.rankScopes.insert(phrase, true)
        }
        // (And a title's subject cue: "CÔNG VĂN SỐ 5/UBND CỦA UBND HUYỆN A VỀ VIỆC …", and the enacting
        // line after the issuer: "BAN DÂN VẬN HUYỆN ỦY QUYẾT ĐỊNH:".)
        for phrase in ["Cộng hòa xã hội chủ nghĩa", "Độc lập - Tự do", "Về việc", "Quyết định"] {
            lexicon.headingStops.insert(phrase, true)
        }
        lexicon.nameBreakers = KeyTable(keys: ["các", "những", "của", "và", "với", "cho", "theo", "trong", "được", "là"]
            .map(WordKey.key))
        for phrase in ["Phục vụ hành chính công", "Hành chính công"] {
            lexicon.qualifiers.insert(phrase, true)
            lexicon.writtenForms.insert(phrase, phrase)
        }
        return lexicon
    }()
}
