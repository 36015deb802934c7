/// How text under a feature of unknown `$type` is handled (the feature itself is always kept).
public enum UnknownFeaturePolicy: Sendable, Hashable {
    /// Like bold: the text is translated and the feature follows its words (the default).
    case followWords
    /// Like a mention: the text comes out byte for byte.
    case protect
}
