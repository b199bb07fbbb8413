#ifndef VANTHU_CPOPPLER_SHIM_H
#define VANTHU_CPOPPLER_SHIM_H
// poppler-glib from Debian's libpoppler-glib-dev: a PDF's pages, their text layer with the place
// of every character, metadata, signatures, and rendering a page through cairo for OCR.
#include <poppler.h>
#include <cairo.h>
#include <glib-object.h>

// g_object_unref and g_free through plain functions (Swift sees the macros' targets badly).
static inline void vanthu_gUnref(void *object) { if (object != NULL) g_object_unref(object); }
static inline void vanthu_gFree(void *pointer) { g_free(pointer); }
static inline void vanthu_gErrorFree(GError *error) { if (error != NULL) g_error_free(error); }
#endif
