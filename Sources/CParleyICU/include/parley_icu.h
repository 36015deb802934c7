// parley_icu.h — the only door from Swift to the system ICU (libicu-dev).
//
// Foundation on Linux bundles its own ICU; a Swift module that imports the system ICU headers
// and also sees Foundation does not build ("'UErrorCode' has different definitions"). So the
// system ICU is included only by parley_icu.c, and this header uses plain C types: UTF-16 text
// as `const uint16_t *` plus a length in code units, results as integers or caller buffers.
// Every function returns a negative value on failure (the negated ICU error code, or -1).

#ifndef PARLEY_ICU_H
#define PARLEY_ICU_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// The ICU version string, e.g. "72.1", written into `buffer` (NUL-terminated).
void parley_icu_version(char *buffer, int32_t capacity);

/// The CLDR version ICU was built with, e.g. "42.0".
void parley_icu_cldr_version(char *buffer, int32_t capacity);

/// Plural rule type: 0 = cardinal, 1 = ordinal.
/// Writes the plural categories of `locale` as a space-separated list into `buffer`
/// (in ICU's order), returns the string length or a negative error.
int32_t parley_plural_categories(const char *locale, int32_t type, char *buffer, int32_t capacity);

/// Selects the plural category for `number`, given as a decimal string ("1", "1.50", "-3").
/// Visible fraction digits count (CLDR operand v): "1" and "1.0" may differ.
/// Writes the category name into `buffer`; returns its length or a negative error.
int32_t parley_plural_select(const char *locale, int32_t type, const char *number,
                             char *buffer, int32_t capacity);

/// Base direction by the first strong character: 0 = LTR, 1 = RTL, 2 = neutral (none).
int32_t parley_bidi_base_direction(const uint16_t *text, int32_t length);

/// Overall direction after resolving the bidi levels of one paragraph:
/// 0 = LTR, 1 = RTL, 3 = mixed; negative on error.
int32_t parley_bidi_direction(const uint16_t *text, int32_t length);

/// Sentence boundaries of `text` for `locale`. Writes up to `capacity` boundary offsets
/// (UTF-16 code units, excluding 0, including `length`) into `boundaries`.
/// Returns the number of boundaries found (may exceed `capacity`: call again with more room),
/// or a negative error.
int32_t parley_sentence_boundaries(const char *locale, const uint16_t *text, int32_t length,
                                   int32_t *boundaries, int32_t capacity);

/// Normalization forms.
enum { PARLEY_NFC = 0, PARLEY_NFD = 1, PARLEY_NFKC = 2, PARLEY_NFKD = 3 };

/// Normalizes `text` into `output`. Returns the needed length in code units; if it exceeds
/// `capacity`, nothing useful was written and the caller retries with a bigger buffer.
int32_t parley_normalize(int32_t form, const uint16_t *text, int32_t length,
                         uint16_t *output, int32_t capacity);

/// 1 when `text` is already in the normalization form, 0 when not, negative on error.
int32_t parley_is_normalized(int32_t form, const uint16_t *text, int32_t length);

/// Locale identifiers in ICU's form (`zh_Hant_TW`), results NUL-terminated in `buffer`;
/// each returns the result's length or a negative error.
///
/// The UTS #35 canonical form: deprecated and ISO 639-3 codes become the code CLDR prefers
/// (`fra` -> `fr`, `pes` -> `fa`, `iw` -> `he`, `prs` -> `fa_AF`). C++ only in ICU, hence
/// parley_icu_locale.cpp.
int32_t parley_locale_canonical(const char *locale, char *buffer, int32_t capacity);

/// The locale with CLDR's likely subtags added (`zh_TW` -> `zh_Hant_TW`, `ko` -> `ko_Kore_KR`).
int32_t parley_locale_likely(const char *locale, char *buffer, int32_t capacity);

/// The display name of `locale` in `display_locale`, as UTF-8 (`ks_Deva` in `en`: "Kashmiri
/// (Devanagari)"). ICU answers the code itself when its data has no name.
int32_t parley_locale_display_name(const char *locale, const char *display_locale, char *buffer, int32_t capacity);

/// 1 when the ISO 15924 script (`Arab`, `Hebr`) is written right to left, 0 when not,
/// negative when ICU does not know the code.
int32_t parley_script_is_right_to_left(const char *script);

#ifdef __cplusplus
}
#endif

#endif
