#include <libxml/xmlversion.h>
// libxml2's encoding header pulls in ICU when it was built with it; Foundation brings its own ICU, whose
// definitions clash. Planbook touches no structure that differs without it (only xmlCharEncodingHandler does).
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
