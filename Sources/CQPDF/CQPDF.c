// See CQPDF.h: libqpdf opened on first use, its C API called through pointers.
#include "CQPDF.h"
#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>

static __typeof__(qpdf_add_page) *pointer_qpdf_add_page;
static __typeof__(qpdf_cleanup) *pointer_qpdf_cleanup;
static __typeof__(qpdf_empty_pdf) *pointer_qpdf_empty_pdf;
static __typeof__(qpdf_get_buffer) *pointer_qpdf_get_buffer;
static __typeof__(qpdf_get_buffer_length) *pointer_qpdf_get_buffer_length;
static __typeof__(qpdf_get_error) *pointer_qpdf_get_error;
static __typeof__(qpdf_get_error_full_text) *pointer_qpdf_get_error_full_text;
static __typeof__(qpdf_get_num_pages) *pointer_qpdf_get_num_pages;
static __typeof__(qpdf_get_page_n) *pointer_qpdf_get_page_n;
static __typeof__(qpdf_get_root) *pointer_qpdf_get_root;
static __typeof__(qpdf_get_trailer) *pointer_qpdf_get_trailer;
static __typeof__(qpdf_has_error) *pointer_qpdf_has_error;
static __typeof__(qpdf_init) *pointer_qpdf_init;
static __typeof__(qpdf_init_write_memory) *pointer_qpdf_init_write_memory;
static __typeof__(qpdf_make_indirect_object) *pointer_qpdf_make_indirect_object;
static __typeof__(qpdf_oh_append_item) *pointer_qpdf_oh_append_item;
static __typeof__(qpdf_oh_get_array_item) *pointer_qpdf_oh_get_array_item;
static __typeof__(qpdf_oh_get_array_n_items) *pointer_qpdf_oh_get_array_n_items;
static __typeof__(qpdf_oh_get_key) *pointer_qpdf_oh_get_key;
static __typeof__(qpdf_oh_get_numeric_value) *pointer_qpdf_oh_get_numeric_value;
static __typeof__(qpdf_oh_is_array) *pointer_qpdf_oh_is_array;
static __typeof__(qpdf_oh_new_array) *pointer_qpdf_oh_new_array;
static __typeof__(qpdf_oh_new_dictionary) *pointer_qpdf_oh_new_dictionary;
static __typeof__(qpdf_oh_new_integer) *pointer_qpdf_oh_new_integer;
static __typeof__(qpdf_oh_new_name) *pointer_qpdf_oh_new_name;
static __typeof__(qpdf_oh_new_real_from_double) *pointer_qpdf_oh_new_real_from_double;
static __typeof__(qpdf_oh_new_string) *pointer_qpdf_oh_new_string;
static __typeof__(qpdf_oh_new_unicode_string) *pointer_qpdf_oh_new_unicode_string;
static __typeof__(qpdf_oh_replace_key) *pointer_qpdf_oh_replace_key;
static __typeof__(qpdf_read_memory) *pointer_qpdf_read_memory;
static __typeof__(qpdf_set_deterministic_ID) *pointer_qpdf_set_deterministic_ID;
static __typeof__(qpdf_set_object_stream_mode) *pointer_qpdf_set_object_stream_mode;
static __typeof__(qpdf_silence_errors) *pointer_qpdf_silence_errors;
static __typeof__(qpdf_write) *pointer_qpdf_write;

static pthread_once_t once = PTHREAD_ONCE_INIT;
static int loaded = 0;
static const char *load_error = "libqpdf was not opened";

static void load(void) {
    // The runtime's soname first (Debian 12 and Ubuntu 24.04 ship libqpdf29),
    // then the development link of libqpdf-dev.
    void *library = dlopen("libqpdf.so.29", RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) library = dlopen("libqpdf.so", RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) {
        load_error = "libqpdf (libqpdf.so.29) is not installed: install Debian's libqpdf29 or libqpdf-dev";
        return;
    }
    pointer_qpdf_add_page = (__typeof__(qpdf_add_page) *)dlsym(library, "qpdf_add_page");
    pointer_qpdf_cleanup = (__typeof__(qpdf_cleanup) *)dlsym(library, "qpdf_cleanup");
    pointer_qpdf_empty_pdf = (__typeof__(qpdf_empty_pdf) *)dlsym(library, "qpdf_empty_pdf");
    pointer_qpdf_get_buffer = (__typeof__(qpdf_get_buffer) *)dlsym(library, "qpdf_get_buffer");
    pointer_qpdf_get_buffer_length = (__typeof__(qpdf_get_buffer_length) *)dlsym(library, "qpdf_get_buffer_length");
    pointer_qpdf_get_error = (__typeof__(qpdf_get_error) *)dlsym(library, "qpdf_get_error");
    pointer_qpdf_get_error_full_text = (__typeof__(qpdf_get_error_full_text) *)dlsym(library, "qpdf_get_error_full_text");
    pointer_qpdf_get_num_pages = (__typeof__(qpdf_get_num_pages) *)dlsym(library, "qpdf_get_num_pages");
    pointer_qpdf_get_page_n = (__typeof__(qpdf_get_page_n) *)dlsym(library, "qpdf_get_page_n");
    pointer_qpdf_get_root = (__typeof__(qpdf_get_root) *)dlsym(library, "qpdf_get_root");
    pointer_qpdf_get_trailer = (__typeof__(qpdf_get_trailer) *)dlsym(library, "qpdf_get_trailer");
    pointer_qpdf_has_error = (__typeof__(qpdf_has_error) *)dlsym(library, "qpdf_has_error");
    pointer_qpdf_init = (__typeof__(qpdf_init) *)dlsym(library, "qpdf_init");
    pointer_qpdf_init_write_memory = (__typeof__(qpdf_init_write_memory) *)dlsym(library, "qpdf_init_write_memory");
    pointer_qpdf_make_indirect_object = (__typeof__(qpdf_make_indirect_object) *)dlsym(library, "qpdf_make_indirect_object");
    pointer_qpdf_oh_append_item = (__typeof__(qpdf_oh_append_item) *)dlsym(library, "qpdf_oh_append_item");
    pointer_qpdf_oh_get_array_item = (__typeof__(qpdf_oh_get_array_item) *)dlsym(library, "qpdf_oh_get_array_item");
    pointer_qpdf_oh_get_array_n_items = (__typeof__(qpdf_oh_get_array_n_items) *)dlsym(library, "qpdf_oh_get_array_n_items");
    pointer_qpdf_oh_get_key = (__typeof__(qpdf_oh_get_key) *)dlsym(library, "qpdf_oh_get_key");
    pointer_qpdf_oh_get_numeric_value = (__typeof__(qpdf_oh_get_numeric_value) *)dlsym(library, "qpdf_oh_get_numeric_value");
    pointer_qpdf_oh_is_array = (__typeof__(qpdf_oh_is_array) *)dlsym(library, "qpdf_oh_is_array");
    pointer_qpdf_oh_new_array = (__typeof__(qpdf_oh_new_array) *)dlsym(library, "qpdf_oh_new_array");
    pointer_qpdf_oh_new_dictionary = (__typeof__(qpdf_oh_new_dictionary) *)dlsym(library, "qpdf_oh_new_dictionary");
    pointer_qpdf_oh_new_integer = (__typeof__(qpdf_oh_new_integer) *)dlsym(library, "qpdf_oh_new_integer");
    pointer_qpdf_oh_new_name = (__typeof__(qpdf_oh_new_name) *)dlsym(library, "qpdf_oh_new_name");
    pointer_qpdf_oh_new_real_from_double = (__typeof__(qpdf_oh_new_real_from_double) *)dlsym(library, "qpdf_oh_new_real_from_double");
    pointer_qpdf_oh_new_string = (__typeof__(qpdf_oh_new_string) *)dlsym(library, "qpdf_oh_new_string");
    pointer_qpdf_oh_new_unicode_string = (__typeof__(qpdf_oh_new_unicode_string) *)dlsym(library, "qpdf_oh_new_unicode_string");
    pointer_qpdf_oh_replace_key = (__typeof__(qpdf_oh_replace_key) *)dlsym(library, "qpdf_oh_replace_key");
    pointer_qpdf_read_memory = (__typeof__(qpdf_read_memory) *)dlsym(library, "qpdf_read_memory");
    pointer_qpdf_set_deterministic_ID = (__typeof__(qpdf_set_deterministic_ID) *)dlsym(library, "qpdf_set_deterministic_ID");
    pointer_qpdf_set_object_stream_mode = (__typeof__(qpdf_set_object_stream_mode) *)dlsym(library, "qpdf_set_object_stream_mode");
    pointer_qpdf_silence_errors = (__typeof__(qpdf_silence_errors) *)dlsym(library, "qpdf_silence_errors");
    pointer_qpdf_write = (__typeof__(qpdf_write) *)dlsym(library, "qpdf_write");
    if (pointer_qpdf_add_page == NULL || pointer_qpdf_cleanup == NULL || pointer_qpdf_empty_pdf == NULL || pointer_qpdf_get_buffer == NULL || pointer_qpdf_get_buffer_length == NULL || pointer_qpdf_get_error == NULL || pointer_qpdf_get_error_full_text == NULL || pointer_qpdf_get_num_pages == NULL || pointer_qpdf_get_page_n == NULL || pointer_qpdf_get_root == NULL || pointer_qpdf_get_trailer == NULL || pointer_qpdf_has_error == NULL || pointer_qpdf_init == NULL || pointer_qpdf_init_write_memory == NULL || pointer_qpdf_make_indirect_object == NULL || pointer_qpdf_oh_append_item == NULL || pointer_qpdf_oh_get_array_item == NULL || pointer_qpdf_oh_get_array_n_items == NULL || pointer_qpdf_oh_get_key == NULL || pointer_qpdf_oh_get_numeric_value == NULL || pointer_qpdf_oh_is_array == NULL || pointer_qpdf_oh_new_array == NULL || pointer_qpdf_oh_new_dictionary == NULL || pointer_qpdf_oh_new_integer == NULL || pointer_qpdf_oh_new_name == NULL || pointer_qpdf_oh_new_real_from_double == NULL || pointer_qpdf_oh_new_string == NULL || pointer_qpdf_oh_new_unicode_string == NULL || pointer_qpdf_oh_replace_key == NULL || pointer_qpdf_read_memory == NULL || pointer_qpdf_set_deterministic_ID == NULL || pointer_qpdf_set_object_stream_mode == NULL || pointer_qpdf_silence_errors == NULL || pointer_qpdf_write == NULL) {
        load_error = "libqpdf lacks a function FormPrint calls: it must be qpdf 11 or later";
        return;
    }
    loaded = 1;
}

int formprint_qpdf_load(void) {
    pthread_once(&once, load);
    return loaded;
}

const char *formprint_qpdf_load_error(void) { return load_error; }

QPDF_ERROR_CODE fp_qpdf_add_page(qpdf_data qpdf, qpdf_data newpage_qpdf, qpdf_oh newpage, QPDF_BOOL first) { return pointer_qpdf_add_page(qpdf, newpage_qpdf, newpage, first); }
void fp_qpdf_cleanup(qpdf_data* qpdf) { pointer_qpdf_cleanup(qpdf); }
QPDF_ERROR_CODE fp_qpdf_empty_pdf(qpdf_data qpdf) { return pointer_qpdf_empty_pdf(qpdf); }
unsigned char const* fp_qpdf_get_buffer(qpdf_data qpdf) { return pointer_qpdf_get_buffer(qpdf); }
size_t fp_qpdf_get_buffer_length(qpdf_data qpdf) { return pointer_qpdf_get_buffer_length(qpdf); }
qpdf_error fp_qpdf_get_error(qpdf_data qpdf) { return pointer_qpdf_get_error(qpdf); }
char const* fp_qpdf_get_error_full_text(qpdf_data q, qpdf_error e) { return pointer_qpdf_get_error_full_text(q, e); }
int fp_qpdf_get_num_pages(qpdf_data qpdf) { return pointer_qpdf_get_num_pages(qpdf); }
qpdf_oh fp_qpdf_get_page_n(qpdf_data qpdf, size_t zero_based_index) { return pointer_qpdf_get_page_n(qpdf, zero_based_index); }
qpdf_oh fp_qpdf_get_root(qpdf_data qpdf) { return pointer_qpdf_get_root(qpdf); }
qpdf_oh fp_qpdf_get_trailer(qpdf_data qpdf) { return pointer_qpdf_get_trailer(qpdf); }
QPDF_BOOL fp_qpdf_has_error(qpdf_data qpdf) { return pointer_qpdf_has_error(qpdf); }
qpdf_data fp_qpdf_init(void) { return pointer_qpdf_init(); }
QPDF_ERROR_CODE fp_qpdf_init_write_memory(qpdf_data qpdf) { return pointer_qpdf_init_write_memory(qpdf); }
qpdf_oh fp_qpdf_make_indirect_object(qpdf_data qpdf, qpdf_oh oh) { return pointer_qpdf_make_indirect_object(qpdf, oh); }
void fp_qpdf_oh_append_item(qpdf_data qpdf, qpdf_oh oh, qpdf_oh item) { pointer_qpdf_oh_append_item(qpdf, oh, item); }
qpdf_oh fp_qpdf_oh_get_array_item(qpdf_data qpdf, qpdf_oh oh, int n) { return pointer_qpdf_oh_get_array_item(qpdf, oh, n); }
int fp_qpdf_oh_get_array_n_items(qpdf_data qpdf, qpdf_oh oh) { return pointer_qpdf_oh_get_array_n_items(qpdf, oh); }
qpdf_oh fp_qpdf_oh_get_key(qpdf_data qpdf, qpdf_oh oh, char const* key) { return pointer_qpdf_oh_get_key(qpdf, oh, key); }
double fp_qpdf_oh_get_numeric_value(qpdf_data qpdf, qpdf_oh oh) { return pointer_qpdf_oh_get_numeric_value(qpdf, oh); }
QPDF_BOOL fp_qpdf_oh_is_array(qpdf_data qpdf, qpdf_oh oh) { return pointer_qpdf_oh_is_array(qpdf, oh); }
qpdf_oh fp_qpdf_oh_new_array(qpdf_data qpdf) { return pointer_qpdf_oh_new_array(qpdf); }
qpdf_oh fp_qpdf_oh_new_dictionary(qpdf_data qpdf) { return pointer_qpdf_oh_new_dictionary(qpdf); }
qpdf_oh fp_qpdf_oh_new_integer(qpdf_data qpdf, long long value) { return pointer_qpdf_oh_new_integer(qpdf, value); }
qpdf_oh fp_qpdf_oh_new_name(qpdf_data qpdf, char const* name) { return pointer_qpdf_oh_new_name(qpdf, name); }
qpdf_oh fp_qpdf_oh_new_real_from_double(qpdf_data qpdf, double value, int decimal_places) { return pointer_qpdf_oh_new_real_from_double(qpdf, value, decimal_places); }
qpdf_oh fp_qpdf_oh_new_string(qpdf_data qpdf, char const* str) { return pointer_qpdf_oh_new_string(qpdf, str); }
qpdf_oh fp_qpdf_oh_new_unicode_string(qpdf_data qpdf, char const* utf8_str) { return pointer_qpdf_oh_new_unicode_string(qpdf, utf8_str); }
void fp_qpdf_oh_replace_key(qpdf_data qpdf, qpdf_oh oh, char const* key, qpdf_oh item) { pointer_qpdf_oh_replace_key(qpdf, oh, key, item); }
QPDF_ERROR_CODE fp_qpdf_read_memory(qpdf_data qpdf, char const* description, char const* buffer, unsigned long long size, char const* password) { return pointer_qpdf_read_memory(qpdf, description, buffer, size, password); }
void fp_qpdf_set_deterministic_ID(qpdf_data qpdf, QPDF_BOOL value) { pointer_qpdf_set_deterministic_ID(qpdf, value); }
void fp_qpdf_set_object_stream_mode(qpdf_data qpdf, enum qpdf_object_stream_e mode) { pointer_qpdf_set_object_stream_mode(qpdf, mode); }
void fp_qpdf_silence_errors(qpdf_data qpdf) { pointer_qpdf_silence_errors(qpdf); }
QPDF_ERROR_CODE fp_qpdf_write(qpdf_data qpdf) { return pointer_qpdf_write(qpdf); }
