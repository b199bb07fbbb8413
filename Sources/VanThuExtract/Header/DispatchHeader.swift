import VanThuText

/// The header and signature block of an official dispatch (Nghị định 30/2020/NĐ-CP; Hướng dẫn 36-HD/VPTW).
public struct DispatchHeader: JSONSchemaObject, Sendable, Equatable {
    /// Number and symbol as one id: `374-CV/HU`, `123/UBND-VP`, `11/2023/TT-BLĐTBXH`.
    public var number: String?
    /// `Công văn`, `Kế hoạch`, `Nghị định` …
    public var documentType: String?
    public var issuer: String?
    /// The superior body printed above the issuer, when there is one.
    public var superiorBody: String?
    public var place: String?
    public var date: String?
    /// The `V/v` line without `V/v`, or the title under the type name.
    public var subject: String?
    public var recipients: [String]
    public var copyTo: [String]
    public var signer: Signer?

    public init(number: String? = nil, documentType: String? = nil, issuer: String? = nil, superiorBody: String? = nil,
                place: String? = nil, date: String? = nil, subject: String? = nil, recipients: [String] = [],
                copyTo: [String] = [], signer: Signer? = nil) {
        self.number = number; self.documentType = documentType; self.issuer = issuer
        self.superiorBody = superiorBody; self.place = place; self.date = date; self.subject = subject
        self.recipients = recipients; self.copyTo = copyTo; self.signer = signer
    }

    public static let fields: [JSONField<DispatchHeader>] = [
        .optional("number", \.number), .optional("documentType", \.documentType), .optional("issuer", \.issuer),
        .optional("superiorBody", \.superiorBody),
        .optional("place", \.place), .optional("date", \.date), .optional("subject", \.subject),
        .member("recipients", \.recipients, default: []), .member("copyTo", \.copyTo, default: []), .optional("signer", \.signer),
    ]

    public static let blank = DispatchHeader()
}

public struct Signer: JSONSchemaObject, Sendable, Equatable {
    public var name: String?
    public var position: String?
    /// `T/M Ban Thường vụ`, `KT. Chủ tịch` …
    public var authority: String?

    public init(name: String?, position: String?, authority: String?) {
        self.name = name; self.position = position; self.authority = authority
    }

    public static let fields: [JSONField<Signer>] = [
        .optional("name", \.name), .optional("position", \.position), .optional("authority", \.authority),
    ]

    public static let blank = Signer(name: nil, position: nil, authority: nil)
}
