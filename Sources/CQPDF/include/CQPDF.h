#ifndef FORMPRINT_CQPDF_H
#define FORMPRINT_CQPDF_H

// qpdf's C API (libqpdf, Debian's libqpdf-dev) for assembling the combined
// PDF of a unit from its documents' PDFs. libqpdf is a C++ library: linking
// it would make every process relocate it and libstdc++ at start (13 M
// instructions, 8 % of a one-form `render`), so it is opened with dlopen
// on first use instead, and these fp_ functions call through to it. Only
// Rendering imports this module.
#include <qpdf/qpdf-c.h>

/// Opens libqpdf once (thread-safe); 0 when it cannot be found, with the
/// reason in formprint_qpdf_load_error().
int formprint_qpdf_load(void);
const char *formprint_qpdf_load_error(void);

QPDF_ERROR_CODE fp_qpdf_add_page(qpdf_data qpdf, qpdf_data newpage_qpdf, qpdf_oh newpage, QPDF_BOOL first);
void fp_qpdf_cleanup(qpdf_data* qpdf);
QPDF_ERROR_CODE fp_qpdf_empty_pdf(qpdf_data qpdf);
unsigned char const* fp_qpdf_get_buffer(qpdf_data qpdf);
size_t fp_qpdf_get_buffer_length(qpdf_data qpdf);
qpdf_error fp_qpdf_get_error(qpdf_data qpdf);
char const* fp_qpdf_get_error_full_text(qpdf_data q, qpdf_error e);
int fp_qpdf_get_num_pages(qpdf_data qpdf);
qpdf_oh fp_qpdf_get_page_n(qpdf_data qpdf, size_t zero_based_index);
qpdf_oh fp_qpdf_get_root(qpdf_data qpdf);
qpdf_oh fp_qpdf_get_trailer(qpdf_data qpdf);
QPDF_BOOL fp_qpdf_has_error(qpdf_data qpdf);
qpdf_data fp_qpdf_init(void);
QPDF_ERROR_CODE fp_qpdf_init_write_memory(qpdf_data qpdf);
qpdf_oh fp_qpdf_make_indirect_object(qpdf_data qpdf, qpdf_oh oh);
void fp_qpdf_oh_append_item(qpdf_data qpdf, qpdf_oh oh, qpdf_oh item);
qpdf_oh fp_qpdf_oh_get_array_item(qpdf_data qpdf, qpdf_oh oh, int n);
int fp_qpdf_oh_get_array_n_items(qpdf_data qpdf, qpdf_oh oh);
qpdf_oh fp_qpdf_oh_get_key(qpdf_data qpdf, qpdf_oh oh, char const* key);
double fp_qpdf_oh_get_numeric_value(qpdf_data qpdf, qpdf_oh oh);
QPDF_BOOL fp_qpdf_oh_is_array(qpdf_data qpdf, qpdf_oh oh);
qpdf_oh fp_qpdf_oh_new_array(qpdf_data qpdf);
qpdf_oh fp_qpdf_oh_new_dictionary(qpdf_data qpdf);
qpdf_oh fp_qpdf_oh_new_integer(qpdf_data qpdf, long long value);
qpdf_oh fp_qpdf_oh_new_name(qpdf_data qpdf, char const* name);
qpdf_oh fp_qpdf_oh_new_real_from_double(qpdf_data qpdf, double value, int decimal_places);
qpdf_oh fp_qpdf_oh_new_string(qpdf_data qpdf, char const* str);
qpdf_oh fp_qpdf_oh_new_unicode_string(qpdf_data qpdf, char const* utf8_str);
void fp_qpdf_oh_replace_key(qpdf_data qpdf, qpdf_oh oh, char const* key, qpdf_oh item);
QPDF_ERROR_CODE fp_qpdf_read_memory(qpdf_data qpdf, char const* description, char const* buffer, unsigned long long size, char const* password);
void fp_qpdf_set_deterministic_ID(qpdf_data qpdf, QPDF_BOOL value);
void fp_qpdf_set_object_stream_mode(qpdf_data qpdf, enum qpdf_object_stream_e mode);
void fp_qpdf_silence_errors(qpdf_data qpdf);
QPDF_ERROR_CODE fp_qpdf_write(qpdf_data qpdf);

#endif
