/// One result of machine pre-translation to store: a value (stored in state `machine`), or —
/// when QA refused it — no value, only the findings, recorded on the still untranslated entry.
public struct CatalogMachineWrite: Sendable, Hashable {
    public var namespace: String
    public var key: String
    /// The machine translation (every plural form at once), or `nil` when QA refused it.
    public var value: CatalogValue?
    /// Warnings stored with a value; the refusing findings when `value` is `nil`.
    public var findings: [CatalogFinding]
    /// The revision the translation was made from; the entry is left alone if it moved.
    public var expectedRevision: Int

    public init(namespace: String, key: String, value: CatalogValue?, findings: [CatalogFinding], expectedRevision: Int) {
        self.namespace = namespace
        self.key = key
        self.value = value
        self.findings = findings
        self.expectedRevision = expectedRevision
    }
}
