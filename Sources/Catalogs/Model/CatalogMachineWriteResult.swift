/// What ``CatalogService/storeMachineTranslations(language:writes:author:note:)`` did.
public struct CatalogMachineWriteResult: Sendable, Hashable {
    /// Keys (`namespace:key`) now holding a machine value.
    public var stored: [String] = []
    /// Keys left untranslated with QA findings recorded.
    public var recorded: [String] = []
    /// Keys not touched because they changed (edited, reviewed, obsolete) since they were read.
    public var skipped: [String] = []

    public init() {}
}
