// libfreexl (Debian's libfreexl-dev, 1.0.x) reads the cells of binary .xls
// workbooks. Only Sources/Importing/XLS/FreeXLBook.swift imports this module.
#include <freexl.h>
