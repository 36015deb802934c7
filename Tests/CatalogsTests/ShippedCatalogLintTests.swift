import Catalogs
import Languages
import Testing

@Suite("The shipped catalogs pass QA")
struct ShippedCatalogLintTests {
    @Test func shippedCatalogsHaveNoErrors() throws {
        let report = try CatalogLinter(glossary: Fixtures.glossary).lintTree(at: Fixtures.catalogs, format: true)
        let errors = report.findings.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.prefix(20).map(\.description).joined(separator: "\n"))")
        // protoimsg's 8 namespaces (303 keys, 3 plural groups) and the Studio's own strings
        // (193 keys, 13 plural groups), each in the 8 languages.
        #expect(report.files == 72)
        #expect(report.keys == 496)
        #expect(report.pluralGroups == 16)
        print(report.text())
    }

    @Test(arguments: Language.allCases)
    func pluralSetsComeFromICU(language: Language) throws {
        let expected: [Language: [PluralCategory]] = [
            .english: [.one, .other], .spanish: [.one, .many, .other], .russian: [.one, .few, .many, .other],
            .ukrainian: [.one, .few, .many, .other], .arabic: [.zero, .one, .two, .few, .many, .other],
            .irish: [.one, .two, .few, .many, .other], .swahili: [.one, .other], .hausa: [.one, .other],
        ]
        #expect(language.plurals.categories(.cardinal) == expected[language])
        // Every plural group of the shipped files has exactly that set, and removing a form is caught.
        let documents = try CatalogTree.documents(at: Fixtures.catalogs, languages: [language])
        let groups = documents.flatMap(\.items).filter(\.value.isPlural)
        #expect(groups.count == 16)
        let linter = CatalogLinter()
        for group in groups {
            guard case .plural(let forms) = group.value else { continue }
            #expect(forms.map(\.category) == expected[language])
            let clean = linter.check(language: language, key: group.key, source: nil, target: group.value)
            #expect(!clean.contains { $0.check == .pluralForms })
            let broken = linter.check(language: language, key: group.key, source: nil, target: .plural(Array(forms.dropFirst())))
            #expect(broken.contains { $0.check == .pluralForms && $0.severity == .error })
        }
        // A form the language does not use is flagged too.
        let extra = linter.check(language: language, key: "k", source: nil,
                                 target: .plural(PluralCategory.allCases.map { PluralForm($0, "{{count}} x") }))
        #expect(extra.contains { $0.check == .pluralForms } == (language != .arabic))
    }
}
