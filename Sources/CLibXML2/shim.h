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

// xmlFree is a global function pointer Swift cannot call directly.
static inline void vanthu_xmlFree(void *pointer) { xmlFree(pointer); }

// Silence libxml2's error output: the variadic callback cannot be written in Swift.
static inline void vanthu_xmlIgnoreError(void *context, const char *message, ...) { (void)context; (void)message; }
static inline void vanthu_xmlSilence(void) {
    xmlSetGenericErrorFunc(NULL, vanthu_xmlIgnoreError);
}

// How deep libxml2's tree builder lets a document nest (a global variable Swift cannot read safely).
static inline unsigned int vanthu_xmlParserMaxDepth(void) { return xmlParserMaxDepth; }
#endif
