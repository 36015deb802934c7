// The system ICU, wrapped in plain C types (see include/parley_icu.h for why).
#include "parley_icu.h"

#include <string.h>
#include <unicode/utypes.h>
#include <unicode/uversion.h>
#include <unicode/ulocdata.h>
#include <unicode/upluralrules.h>
#include <unicode/unumberformatter.h>
#include <unicode/ubidi.h>
#include <unicode/ubrk.h>
#include <unicode/unorm2.h>
#include <unicode/uenum.h>
#include <unicode/ustring.h>

static int32_t fail(UErrorCode status) { return status > 0 ? -(int32_t)status : -1; }

void parley_icu_version(char *buffer, int32_t capacity) {
    UVersionInfo info;
    char text[U_MAX_VERSION_STRING_LENGTH];
    u_getVersion(info);
    u_versionToString(info, text);
    if (capacity > 0) { strncpy(buffer, text, (size_t)capacity - 1); buffer[capacity - 1] = 0; }
}

void parley_icu_cldr_version(char *buffer, int32_t capacity) {
    UVersionInfo info;
    UErrorCode status = U_ZERO_ERROR;
    char text[U_MAX_VERSION_STRING_LENGTH] = "";
    ulocdata_getCLDRVersion(info, &status);
    if (U_SUCCESS(status)) u_versionToString(info, text);
    if (capacity > 0) { strncpy(buffer, text, (size_t)capacity - 1); buffer[capacity - 1] = 0; }
}

static UPluralRules *open_rules(const char *locale, int32_t type, UErrorCode *status) {
    return uplrules_openForType(locale, type == 1 ? UPLURAL_TYPE_ORDINAL : UPLURAL_TYPE_CARDINAL, status);
}

int32_t parley_plural_categories(const char *locale, int32_t type, char *buffer, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    UPluralRules *rules = open_rules(locale, type, &status);
    if (U_FAILURE(status)) return fail(status);
    UEnumeration *keywords = uplrules_getKeywords(rules, &status);
    if (U_FAILURE(status)) { uplrules_close(rules); return fail(status); }
    int32_t used = 0;
    const char *keyword;
    int32_t length;
    if (capacity > 0) buffer[0] = 0;
    while ((keyword = uenum_next(keywords, &length, &status)) != NULL && U_SUCCESS(status)) {
        int32_t needed = length + (used > 0 ? 1 : 0);
        if (used + needed + 1 > capacity) { used = -1; break; }
        if (used > 0) buffer[used++] = ' ';
        memcpy(buffer + used, keyword, (size_t)length);
        used += length;
        buffer[used] = 0;
    }
    uenum_close(keywords);
    uplrules_close(rules);
    if (U_FAILURE(status)) return fail(status);
    return used;
}

/// Counts the digits after the decimal point of a plain decimal string (CLDR operand v).
static int32_t visible_fraction_digits(const char *number) {
    const char *dot = strchr(number, '.');
    if (dot == NULL) return 0;
    int32_t count = 0;
    for (const char *p = dot + 1; *p >= '0' && *p <= '9'; p++) count++;
    return count;
}

int32_t parley_plural_select(const char *locale, int32_t type, const char *number,
                             char *buffer, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t fraction = visible_fraction_digits(number);
    if (fraction > 15) return -1;
    // Skeleton: "precision-integer" or ".000" with exactly `fraction` digits, so that ICU sees
    // the operands v and f the caller wrote ("1.0" is not "1" in English).
    UChar skeleton[32];
    int32_t skeletonLength = 0;
    if (fraction == 0) {
        const char *text = "precision-integer group-off";
        for (; text[skeletonLength] != 0; skeletonLength++) skeleton[skeletonLength] = (UChar)text[skeletonLength];
    } else {
        skeleton[skeletonLength++] = '.';
        for (int32_t i = 0; i < fraction; i++) skeleton[skeletonLength++] = '0';
    }
    UNumberFormatter *formatter = unumf_openForSkeletonAndLocale(skeleton, skeletonLength, locale, &status);
    if (U_FAILURE(status)) return fail(status);
    UFormattedNumber *formatted = unumf_openResult(&status);
    if (U_FAILURE(status)) { unumf_close(formatter); return fail(status); }
    unumf_formatDecimal(formatter, number, -1, formatted, &status);
    UPluralRules *rules = NULL;
    int32_t length = -1;
    if (U_SUCCESS(status)) rules = open_rules(locale, type, &status);
    if (U_SUCCESS(status)) {
        UChar keyword[32];
        int32_t keywordLength = uplrules_selectFormatted(rules, formatted, keyword, 32, &status);
        if (U_SUCCESS(status) && keywordLength < capacity) {
            for (int32_t i = 0; i < keywordLength; i++) buffer[i] = (char)keyword[i];
            buffer[keywordLength] = 0;
            length = keywordLength;
        }
    }
    if (rules != NULL) uplrules_close(rules);
    unumf_closeResult(formatted);
    unumf_close(formatter);
    if (U_FAILURE(status)) return fail(status);
    return length;
}

int32_t parley_bidi_base_direction(const uint16_t *text, int32_t length) {
    UBiDiDirection direction = ubidi_getBaseDirection((const UChar *)text, length);
    switch (direction) {
        case UBIDI_LTR: return 0;
        case UBIDI_RTL: return 1;
        default: return 2;
    }
}

int32_t parley_bidi_direction(const uint16_t *text, int32_t length) {
    UErrorCode status = U_ZERO_ERROR;
    UBiDi *bidi = ubidi_openSized(length, 0, &status);
    if (U_FAILURE(status)) return fail(status);
    ubidi_setPara(bidi, (const UChar *)text, length, UBIDI_DEFAULT_LTR, NULL, &status);
    int32_t result = -1;
    if (U_SUCCESS(status)) {
        switch (ubidi_getDirection(bidi)) {
            case UBIDI_LTR: result = 0; break;
            case UBIDI_RTL: result = 1; break;
            default: result = 3; break;
        }
    }
    ubidi_close(bidi);
    if (U_FAILURE(status)) return fail(status);
    return result;
}

int32_t parley_sentence_boundaries(const char *locale, const uint16_t *text, int32_t length,
                                   int32_t *boundaries, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *iterator = ubrk_open(UBRK_SENTENCE, locale, (const UChar *)text, length, &status);
    if (U_FAILURE(status)) return fail(status);
    int32_t count = 0;
    ubrk_first(iterator);
    for (int32_t position = ubrk_next(iterator); position != UBRK_DONE; position = ubrk_next(iterator)) {
        if (count < capacity) boundaries[count] = position;
        count++;
    }
    ubrk_close(iterator);
    return count;
}

static const UNormalizer2 *normalizer(int32_t form, UErrorCode *status) {
    switch (form) {
        case PARLEY_NFC: return unorm2_getNFCInstance(status);
        case PARLEY_NFD: return unorm2_getNFDInstance(status);
        case PARLEY_NFKC: return unorm2_getNFKCInstance(status);
        case PARLEY_NFKD: return unorm2_getNFKDInstance(status);
        default: *status = U_ILLEGAL_ARGUMENT_ERROR; return NULL;
    }
}

int32_t parley_normalize(int32_t form, const uint16_t *text, int32_t length,
                         uint16_t *output, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *instance = normalizer(form, &status);
    if (U_FAILURE(status)) return fail(status);
    int32_t needed = unorm2_normalize(instance, (const UChar *)text, length, (UChar *)output, capacity, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR || status == U_STRING_NOT_TERMINATED_WARNING) return needed;
    if (U_FAILURE(status)) return fail(status);
    return needed;
}

int32_t parley_is_normalized(int32_t form, const uint16_t *text, int32_t length) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *instance = normalizer(form, &status);
    if (U_FAILURE(status)) return fail(status);
    UBool result = unorm2_isNormalized(instance, (const UChar *)text, length, &status);
    if (U_FAILURE(status)) return fail(status);
    return result ? 1 : 0;
}
