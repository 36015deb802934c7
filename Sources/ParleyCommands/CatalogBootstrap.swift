import ArgumentParser
import Catalogs
import Foundation
import Glossary
import Logging
import ServiceConfiguration
import Storage

/// Opens the catalogs for `serve`: loads the glossaries and, on first start (an empty catalog
/// store), imports the `Catalogs/` tree.
enum CatalogBootstrap {
    static func open(_ configuration: ParleyConfiguration, store: any ParleyStore, logger: Logger) async throws -> CatalogService {
        let glossary: Glossary?
        do {
            glossary = try Glossary.load(directory: configuration.glossariesDirectory)
        } catch {
            throw ValidationError("glossaries (\(configuration.glossariesDirectory)): \(error)")
        }
        let catalogs = CatalogService(store: store, glossary: glossary)
        do {
            if let report = try await catalogs.importIfEmpty(from: configuration.catalogsDirectory) {
                logger.notice("imported catalogs", metadata: ["from": .string(configuration.catalogsDirectory), "summary": .string(report.summary)])
            }
        } catch {
            // A missing Catalogs/ is fine (nothing to serve yet); a malformed one stops start-up.
            if FileManager.default.fileExists(atPath: configuration.catalogsDirectory) {
                throw ValidationError("catalogs (\(configuration.catalogsDirectory)): \(error)")
            }
            logger.warning("no catalogs imported", metadata: ["directory": .string(configuration.catalogsDirectory), "reason": .string("\(error)")])
        }
        return catalogs
    }
}
