// Locale identifiers through the system ICU: canonical forms, likely subtags, display names
// and script direction (see include/parley_icu.h). C++ because the UTS #35 canonicalization
// (CLDR's language aliases: `pes` -> `fa`, `arb` -> `ar`) is only in icu::Locale; the C
// function uloc_canonicalize keeps the older rules and leaves `pes` alone.
#include "parley_icu.h"

#include <string.h>
#include <unicode/locid.h>
#include <unicode/uloc.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>

static int32_t fail(UErrorCode status) { return status > 0 ? -(int32_t)status : -1; }

static int32_t copy(const char *text, char *buffer, int32_t capacity) {
    int32_t length = (int32_t)strlen(text);
    if (length + 1 > capacity) return -1;
    memcpy(buffer, text, (size_t)length + 1);
    return length;
}

extern "C" int32_t parley_locale_canonical(const char *locale, char *buffer, int32_t capacity) {
    icu::Locale canonical = icu::Locale::createCanonical(locale);
    if (canonical.isBogus()) return -1;
    return copy(canonical.getName(), buffer, capacity);
}

extern "C" int32_t parley_locale_likely(const char *locale, char *buffer, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t length = uloc_addLikelySubtags(locale, buffer, capacity, &status);
    if (U_FAILURE(status) || status == U_STRING_NOT_TERMINATED_WARNING) return fail(status);
    return length;
}

extern "C" int32_t parley_locale_display_name(const char *locale, const char *display_locale, char *buffer, int32_t capacity) {
    UChar name[256];
    UErrorCode status = U_ZERO_ERROR;
    int32_t length = uloc_getDisplayName(locale, display_locale, name, 256, &status);
    if (U_FAILURE(status) || status == U_STRING_NOT_TERMINATED_WARNING) return fail(status);
    int32_t written = 0;
    u_strToUTF8(buffer, capacity, &written, name, length, &status);
    if (U_FAILURE(status) || status == U_STRING_NOT_TERMINATED_WARNING) return fail(status);
    return written;
}

extern "C" int32_t parley_script_is_right_to_left(const char *script) {
    UScriptCode codes[4];
    UErrorCode status = U_ZERO_ERROR;
    int32_t count = uscript_getCode(script, codes, 4, &status);
    if (U_FAILURE(status) || count < 1 || codes[0] == USCRIPT_INVALID_CODE) return fail(status);
    return uscript_isRightToLeft(codes[0]) ? 1 : 0;
}
