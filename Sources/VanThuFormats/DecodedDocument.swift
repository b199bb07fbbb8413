/// A document as Unicode text, before cleaning.
public struct DecodedDocument: Sendable {
    public var raw: RawDocument
    public var text: String
    /// The encoding the bytes were found to be in: `utf-8`, `utf-16le`, `utf-16be` …
    public var encoding: String
    /// What the format itself says about the document (an HTML page's title and publication date).
    public var hints: DocumentHints
    /// The format the bytes were read as, wrappers included (`html+gzip`): what the archive records.
    public var format: SourceFormat

    public init(raw: RawDocument, text: String, encoding: String, hints: DocumentHints = DocumentHints(), format: SourceFormat? = nil) {
        self.raw = raw; self.text = text; self.encoding = encoding; self.hints = hints
        self.format = format ?? raw.format
    }
}

/// Metadata a format carries beside its text: og:title or h1, the page title, article:published_time;
/// how many pages it has and how its text was obtained.
public struct DocumentHints: Sendable, Equatable {
    /// The article's own headline (og:title, h1): it wins over what rules read from the text.
    public var title: String?
    /// The page's `<title>` without the site suffix: used when the text gives no headline.
    public var pageTitle: String?
    /// As the page gives it (ISO 8601 usually): the extract stage keeps its date part.
    public var published: String?
    /// Which rule of the format's reader found `title` (`h1=og:title`, `og:title`, `h1` …).
    public var titleRule: String?
    /// Which source gave `published` (`byline`, `article:published_time`, `issued date` …).
    public var dateSource: String?
    /// How many pages the document has, when its format knows (a PDF, a multi-page scan).
    public var pageCount: Int?
    /// How the reader obtained the text (`decoded`, `article`, `wordprocessing`; `text-layer` or `ocr`).
    public var textOrigin: TextOrigin?
    /// Which source gave `pageTitle`, when not a page's `<title>` (a PDF's metadata).
    public var pageTitleRule: String?
    /// How a paged document's pages were read (a PDF, a scan): the record's `pages`.
    public var pages: PageProvenance?

    public init(title: String? = nil, pageTitle: String? = nil, published: String? = nil,
                titleRule: String? = nil, dateSource: String? = nil, pageCount: Int? = nil, textOrigin: TextOrigin? = nil) {
        self.title = title; self.pageTitle = pageTitle; self.published = published
        self.titleRule = titleRule; self.dateSource = dateSource
        self.pageCount = pageCount; self.textOrigin = textOrigin
    }
}
