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
#endif
