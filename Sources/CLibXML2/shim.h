#ifndef VANTHU_CLIBXML2_SHIM_H
#define VANTHU_CLIBXML2_SHIM_H
// libxml2's headers pull in ICU when LIBXML_ICU_ENABLED is set, which clashes with Foundation's
// own ICU in debug builds: read the version header first and switch ICU off.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlreader.h>
#include <string.h>

// Returns freed heap memory to the system (glibc keeps it otherwise); nothing elsewhere.
#ifdef __GLIBC__
#include <malloc.h>
static inline void vanthu_mallocTrim(void) { malloc_trim(0); }
#else
static inline void vanthu_mallocTrim(void) {}
#endif

// xmlFree is a global function pointer Swift cannot call directly.
static inline void vanthu_xmlFree(void *pointer) { xmlFree(pointer); }

// Silence libxml2's error output: the variadic callback cannot be written in Swift.
static inline void vanthu_xmlIgnoreError(void *context, const char *message, ...) { (void)context; (void)message; }
static inline void vanthu_xmlSilence(void) {
    xmlSetGenericErrorFunc(NULL, vanthu_xmlIgnoreError);
}

// How deep libxml2's tree builder lets a document nest (a global variable Swift cannot read safely).
static inline unsigned int vanthu_xmlParserMaxDepth(void) { return xmlParserMaxDepth; }

// htmlReadMemory with a bound on how deep the tree nests. HTML_PARSE_HUGE lifts libxml2's own
// bound (256 elements, past which it stops the parse without a word and the rest of the page is
// lost); this one stops the parse past `maxDepth` open elements and says so in `*tooDeep`, so
// that the caller can refuse the page with the true reason instead of keeping half of it.
typedef struct { unsigned int maxDepth; int tooDeep; } vanthu_htmlDepth;

static inline void vanthu_htmlStartElement(void *context, const xmlChar *name, const xmlChar **attributes) {
    xmlParserCtxtPtr ctxt = (xmlParserCtxtPtr)context;
    vanthu_htmlDepth *depth = (vanthu_htmlDepth *)ctxt->_private;
    if (depth != NULL && (unsigned int)ctxt->nodeNr >= depth->maxDepth) {
        depth->tooDeep = 1;
        xmlStopParser(ctxt);
        return;
    }
    xmlSAX2StartElement(context, name, attributes);
}

static inline htmlDocPtr vanthu_htmlRead(const char *buffer, int size, const char *encoding, int options,
                                         unsigned int maxDepth, int *tooDeep) {
    vanthu_htmlDepth depth = { maxDepth, 0 };
    htmlParserCtxtPtr ctxt = htmlCreateMemoryParserCtxt(buffer, size);
    if (ctxt == NULL) return NULL;
    htmlCtxtUseOptions(ctxt, options);
    if (encoding != NULL) {
        xmlCharEncodingHandlerPtr handler = xmlFindCharEncodingHandler(encoding);
        if (handler != NULL) {
            xmlSwitchToEncoding(ctxt, handler);
            if (ctxt->input->encoding != NULL) xmlFree((xmlChar *)ctxt->input->encoding);
            ctxt->input->encoding = xmlStrdup((const xmlChar *)encoding);
        }
    }
    ctxt->_private = &depth;
    if (ctxt->sax != NULL) ctxt->sax->startElement = vanthu_htmlStartElement;
    htmlParseDocument(ctxt);
    htmlDocPtr doc = ctxt->myDoc;
    ctxt->myDoc = NULL;
    if (doc != NULL && ctxt->dictNames && doc->dict == ctxt->dict) ctxt->dict = NULL;
    ctxt->_private = NULL;
    htmlFreeParserCtxt(ctxt);
    if (tooDeep != NULL) *tooDeep = depth.tooDeep;
    return doc;
}
// The page as a stream of events, without a tree: libxml2's HTML parser (the same tokeniser and
// the same implied and auto-closed elements as htmlReadMemory) calls these for each element
// opened and closed, each run of text or CDATA, and each comment or processing instruction.
// Memory stays at the input and what the caller keeps. Past `maxDepth` open elements the parse
// stops and `*tooDeep` says so.
typedef struct {
    void (*start)(void *user, const xmlChar *name, const xmlChar **attributes);
    void (*end)(void *user);
    void (*text)(void *user, const xmlChar *characters, int length, int cdata);
    void (*other)(void *user);
} vanthu_htmlEvents;

typedef struct {
    unsigned int maxDepth;
    unsigned int depth;
    int tooDeep;
    const vanthu_htmlEvents *events;
    void *user;
} vanthu_htmlStream;

static inline vanthu_htmlStream *vanthu_htmlStreamOf(void *context) {
    return (vanthu_htmlStream *)((xmlParserCtxtPtr)context)->_private;
}

static inline void vanthu_htmlStreamStart(void *context, const xmlChar *name, const xmlChar **attributes) {
    vanthu_htmlStream *stream = vanthu_htmlStreamOf(context);
    if (stream->tooDeep) return;
    if (stream->depth >= stream->maxDepth) {
        stream->tooDeep = 1;
        xmlStopParser((xmlParserCtxtPtr)context);
        return;
    }
    stream->depth += 1;
    stream->events->start(stream->user, name, attributes);
}

static inline void vanthu_htmlStreamEnd(void *context, const xmlChar *name) {
    (void)name;
    vanthu_htmlStream *stream = vanthu_htmlStreamOf(context);
    if (stream->tooDeep || stream->depth == 0) return;
    stream->depth -= 1;
    stream->events->end(stream->user);
}

static inline void vanthu_htmlStreamText(void *context, const xmlChar *characters, int length) {
    vanthu_htmlStream *stream = vanthu_htmlStreamOf(context);
    if (!stream->tooDeep && length > 0) stream->events->text(stream->user, characters, length, 0);
}

static inline void vanthu_htmlStreamCDATA(void *context, const xmlChar *characters, int length) {
    vanthu_htmlStream *stream = vanthu_htmlStreamOf(context);
    if (!stream->tooDeep && length > 0) stream->events->text(stream->user, characters, length, 1);
}

static inline void vanthu_htmlStreamComment(void *context, const xmlChar *value) {
    (void)value;
    vanthu_htmlStream *stream = vanthu_htmlStreamOf(context);
    if (!stream->tooDeep) stream->events->other(stream->user);
}

static inline void vanthu_htmlStreamInstruction(void *context, const xmlChar *target, const xmlChar *data) {
    (void)target; (void)data;
    vanthu_htmlStream *stream = vanthu_htmlStreamOf(context);
    if (!stream->tooDeep) stream->events->other(stream->user);
}

static inline void vanthu_htmlStreamIgnore(void *context, const xmlChar *characters, int length) {
    (void)context; (void)characters; (void)length;
}

// The page as libxml2 reads it in pieces: it copies a few kilobytes at a time into its own buffer
// (which ends them with the NUL its scanner relies on) and lets go of what it has parsed.
typedef struct { const char *bytes; int size; int offset; } vanthu_htmlSource;

static inline int vanthu_htmlSourceRead(void *context, char *buffer, int length) {
    vanthu_htmlSource *source = (vanthu_htmlSource *)context;
    int count = source->size - source->offset;
    if (count > length) count = length;
    if (count <= 0) return 0;
    memcpy(buffer, source->bytes + source->offset, (size_t)count);
    source->offset += count;
    return count;
}

// Streams `buffer`; returns the encoding the parser read it in (to be freed with xmlFree), or
// NULL when it could not start.
static inline xmlChar *vanthu_htmlStream_read(const char *buffer, int size, const char *encoding, int options,
                                              unsigned int maxDepth, int *tooDeep,
                                              const vanthu_htmlEvents *events, void *user) {
    vanthu_htmlStream stream = { maxDepth, 0, 0, events, user };
    vanthu_htmlSource source = { buffer, size, 0 };
    htmlParserCtxtPtr ctxt = NULL;
    int utf8 = encoding != NULL && (xmlStrcasecmp(BAD_CAST encoding, BAD_CAST "UTF-8") == 0
                                    || xmlStrcasecmp(BAD_CAST encoding, BAD_CAST "UTF8") == 0);
    // Where libxml2 would switch by itself (a byte order mark, or NULs among the first four bytes,
    // which it takes for UTF-16 or UCS-4), the page goes through the UTF-8 converter instead.
    if (utf8 && (size < 4 || buffer[0] == 0 || buffer[1] == 0 || buffer[2] == 0 || buffer[3] == 0
                 || ((unsigned char)buffer[0] == 0xEF && (unsigned char)buffer[1] == 0xBB && (unsigned char)buffer[2] == 0xBF))) utf8 = 0;
    if (utf8) {
        // UTF-8 (checked by the caller) is read from where it lies: no copy of the page, no conversion
        // (libxml2 reads UTF-8 natively); the input's encoding is named, so that no meta charset
        // switches it.
        ctxt = htmlNewParserCtxt();
        if (ctxt == NULL) return NULL;
        xmlParserInputBufferPtr input = xmlParserInputBufferCreateIO(vanthu_htmlSourceRead, NULL, &source, XML_CHAR_ENCODING_NONE);
        if (input == NULL) { htmlFreeParserCtxt(ctxt); return NULL; }
        xmlParserInputPtr stream = xmlNewIOInputStream(ctxt, input, XML_CHAR_ENCODING_NONE);
        if (stream == NULL) { xmlFreeParserInputBuffer(input); htmlFreeParserCtxt(ctxt); return NULL; }
        inputPush(ctxt, stream);
        stream->encoding = xmlStrdup(BAD_CAST "UTF-8");
        ctxt->charset = XML_CHAR_ENCODING_UTF8;
    } else {
        ctxt = htmlCreateMemoryParserCtxt(buffer, size);
        if (ctxt == NULL) return NULL;
    }
    htmlCtxtUseOptions(ctxt, options);
    if (encoding != NULL && !utf8) {
        xmlCharEncodingHandlerPtr handler = xmlFindCharEncodingHandler(encoding);
        if (handler != NULL) {
            xmlSwitchToEncoding(ctxt, handler);
            if (ctxt->input->encoding != NULL) xmlFree((xmlChar *)ctxt->input->encoding);
            ctxt->input->encoding = xmlStrdup((const xmlChar *)encoding);
        }
    }
    ctxt->_private = &stream;
    htmlSAXHandlerPtr sax = ctxt->sax;
    sax->startElement = vanthu_htmlStreamStart;
    sax->endElement = vanthu_htmlStreamEnd;
    sax->characters = vanthu_htmlStreamText;
    sax->ignorableWhitespace = vanthu_htmlStreamIgnore;
    sax->cdataBlock = vanthu_htmlStreamCDATA;
    sax->comment = vanthu_htmlStreamComment;
    sax->processingInstruction = vanthu_htmlStreamInstruction;
    sax->reference = NULL;
    htmlParseDocument(ctxt);
    xmlChar *used = NULL;
    if (ctxt->myDoc != NULL && ctxt->myDoc->encoding != NULL) used = xmlStrdup(ctxt->myDoc->encoding);
    else if (ctxt->input != NULL && ctxt->input->encoding != NULL) used = xmlStrdup(ctxt->input->encoding);
    else if (ctxt->encoding != NULL) used = xmlStrdup(ctxt->encoding);
    if (used == NULL) used = xmlStrdup(BAD_CAST "");
    if (ctxt->myDoc != NULL) { xmlFreeDoc(ctxt->myDoc); ctxt->myDoc = NULL; }
    ctxt->_private = NULL;
    htmlFreeParserCtxt(ctxt);
    if (tooDeep != NULL) *tooDeep = stream.tooDeep;
    return used;
}
#endif
