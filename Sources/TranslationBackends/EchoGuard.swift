/// Detects a server that "translated" by returning its input, which some servers do when they
/// fail internally. Such an output is never passed off as a translation.
enum EchoGuard {
    /// Whether `text` is long enough that an identical output cannot be a real translation:
    /// at least two words containing letters and at least 12 characters.
    static func isNonTrivial(_ text: String) -> Bool {
        guard text.count >= 12 else { return false }
        var words = 0
        for word in text.split(whereSeparator: \.isWhitespace) where word.contains(where: \.isLetter) {
            words += 1
            if words >= 2 { return true }
        }
        return false
    }

    /// Throws ``BackendError/echoedInput`` when any output is byte-identical to its non-trivial
    /// input and the pair really asks for a change of language.
    static func check(inputs: [String], outputs: [String], pair: LanguagePair) throws(BackendError) {
        guard pair.source != pair.target else { return }
        for (input, output) in zip(inputs, outputs) where input.utf8.elementsEqual(output.utf8) && isNonTrivial(input) {
            throw .echoedInput
        }
    }
}
