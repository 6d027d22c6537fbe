#ifndef FORMPRINT_CQPDF_SHIM_H
#define FORMPRINT_CQPDF_SHIM_H

// qpdf's C API (libqpdf, Debian's libqpdf-dev): the combined PDF of a unit
// is assembled from the documents' own PDFs with it, instead of drawing
// every page a second time. Only Rendering imports this module.
#include <qpdf/qpdf-c.h>

#endif
