// formprint-floor: the benchmark's floor. A minimal C program that draws the
// one-page form `formprint bench` hands it — every cell a stroked rectangle and
// its text wrapped by Pango, the title lines — with cairo and Pango over the
// same bundled fonts, into one fresh PDF file per page. No layout engine, no
// checks, no metadata: what cairo and Pango themselves cost. `formprint bench`
// prints every FormPrint figure as a ratio to this program, measured in the
// same run (docs/BENCHMARKS.md).
//
//   formprint-floor CELLS FONTS OUTPUT COUNT
//
// CELLS is the page as `formprint bench` writes it (see read_page), FONTS the
// bundled fonts' folder, OUTPUT a folder for the PDFs, COUNT how many times the
// page is drawn, each time into its own file (OUTPUT/floor-<i>.pdf). Prints
// "<milliseconds of the COUNT drawings> <bytes of the last PDF>".
//
// Scaffolding, not product; it is C on purpose, so that the floor is not
// FormPrint's own Swift.
#include <cairo.h>
#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

typedef struct {
    double x, y, width, height, size, padding;
    char family[128];
    int bold;
    char align;  // 'l', 'c' or 'r'
    char *text;
} Cell;

typedef struct {
    double width, height;
    size_t count;
    Cell *cells;
} Page;

static void fail(const char *what) {
    fprintf(stderr, "formprint-floor: %s\n", what);
    exit(2);
}

// The page file: a line "page WIDTH HEIGHT", then for every cell a line
// "x y width height bold size align padding textbytes family…" (tab-separated,
// the family last), followed by exactly textbytes bytes of UTF-8 text and a
// newline.
static Page read_page(const char *path) {
    FILE *file = fopen(path, "rb");
    if (!file) fail("cannot open the page file");
    Page page = {0};
    if (fscanf(file, "page %lf %lf\n", &page.width, &page.height) != 2) fail("the page file does not start with 'page W H'");
    size_t capacity = 64;
    page.cells = malloc(capacity * sizeof(Cell));
    for (;;) {
        Cell cell = {0};
        size_t bytes = 0;
        int read = fscanf(file, "%lf\t%lf\t%lf\t%lf\t%d\t%lf\t%c\t%lf\t%zu\t%127[^\n]\n", &cell.x, &cell.y, &cell.width, &cell.height,
                          &cell.bold, &cell.size, &cell.align, &cell.padding, &bytes, cell.family);
        if (read == EOF) break;
        if (read != 10) fail("a cell line of the page file is malformed");
        cell.text = malloc(bytes + 1);
        if (fread(cell.text, 1, bytes, file) != bytes) fail("a cell's text is cut short");
        cell.text[bytes] = 0;
        fgetc(file);  // the newline after the text
        if (page.count == capacity) page.cells = realloc(page.cells, (capacity *= 2) * sizeof(Cell));
        page.cells[page.count++] = cell;
    }
    fclose(file);
    return page;
}

// The same private configuration FormPrint's FontLibrary builds: only FONTS,
// with fontconfig's cache of it in the same folder, so neither program scans
// the big CJK fonts at start.
static FcConfig *font_configuration(const char *fonts) {
    const char *home = getenv("HOME");
    const char *xdg = getenv("XDG_CACHE_HOME");
    char cache[4096];
    if (xdg && *xdg) snprintf(cache, sizeof cache, "%s/formprint/fontconfig", xdg);
    else if (home && *home) snprintf(cache, sizeof cache, "%s/.cache/formprint/fontconfig", home);
    else snprintf(cache, sizeof cache, "/tmp/formprint-fontconfig");
    char xml[10000];
    snprintf(xml, sizeof xml,
             "<?xml version=\"1.0\"?><!DOCTYPE fontconfig SYSTEM \"urn:fontconfig:fonts.dtd\">"
             "<fontconfig><dir>%s</dir><cachedir>%s</cachedir></fontconfig>", fonts, cache);
    FcConfig *config = FcConfigCreate();
    if (!config || !FcConfigParseAndLoadFromMemory(config, (const FcChar8 *)xml, FcTrue) || !FcConfigBuildFonts(config)) {
        fail("fontconfig could not load the fonts");
    }
    FcConfigSetCurrent(config);
    return config;
}

static void draw(const Page *page, PangoContext *context, const char *file) {
    cairo_surface_t *surface = cairo_pdf_surface_create(file, page->width, page->height);
    cairo_t *cr = cairo_create(surface);
    pango_cairo_update_context(cr, context);
    cairo_set_line_width(cr, 0.5);
    PangoLayout *layout = pango_layout_new(context);
    for (size_t i = 0; i < page->count; i++) {
        const Cell *cell = &page->cells[i];
        cairo_rectangle(cr, cell->x, cell->y, cell->width, cell->height);
        cairo_stroke(cr);
        if (!cell->text[0]) continue;
        PangoFontDescription *description = pango_font_description_from_string(cell->family);
        pango_font_description_set_weight(description, cell->bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
        pango_font_description_set_size(description, (int)(cell->size * PANGO_SCALE));
        pango_layout_set_font_description(layout, description);
        pango_font_description_free(description);
        pango_layout_set_width(layout, (int)((cell->width - 2 * cell->padding) * PANGO_SCALE));
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
        pango_layout_set_alignment(layout, cell->align == 'l' ? PANGO_ALIGN_LEFT : cell->align == 'r' ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_CENTER);
        pango_layout_set_text(layout, cell->text, -1);
        PangoRectangle logical;
        pango_layout_get_extents(layout, NULL, &logical);
        cairo_move_to(cr, cell->x + cell->padding, cell->y + (cell->height - (double)logical.height / PANGO_SCALE) / 2);
        pango_cairo_show_layout(cr, layout);
    }
    g_object_unref(layout);
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) fail(cairo_status_to_string(cairo_surface_status(surface)));
    cairo_surface_destroy(surface);
}

int main(int argc, char **argv) {
    if (argc != 5) fail("usage: formprint-floor CELLS FONTS OUTPUT COUNT");
    Page page = read_page(argv[1]);
    FcConfig *config = font_configuration(argv[2]);
    int count = atoi(argv[4]);
    mkdir(argv[3], 0755);

    PangoFontMap *map = pango_cairo_font_map_new();
    pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(map), config);
    PangoContext *context = pango_font_map_create_context(map);

    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    char file[4096];
    for (int i = 0; i < count; i++) {
        snprintf(file, sizeof file, "%s/floor-%d.pdf", argv[3], i);
        draw(&page, context, file);
    }
    clock_gettime(CLOCK_MONOTONIC, &end);
    struct stat written;
    long bytes = stat(file, &written) == 0 ? (long)written.st_size : 0;
    printf("%.3f %ld\n", (end.tv_sec - start.tv_sec) * 1e3 + (end.tv_nsec - start.tv_nsec) / 1e6, bytes);

    g_object_unref(context);
    g_object_unref(map);
    for (size_t i = 0; i < page.count; i++) free(page.cells[i].text);
    free(page.cells);
    return 0;
}
