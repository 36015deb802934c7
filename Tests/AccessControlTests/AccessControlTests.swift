import Foundation
import Hashing
import Storage
import Testing
@testable import AccessControl

@Suite("Scopes, keys and rate limits")
struct AccessControlTests {
    @Test func scopeParsing() throws {
        #expect(try Scope(parsing: "translate") == .translate)
        #expect(try Scope(parsing: "catalog:write:ar") == .catalogWrite(.arabic))
        #expect(try Scope(parsing: "catalog:review:*") == .catalogReview(nil))
        #expect(try Scope(parsing: "admin").description == "admin")
        for bad in ["", "translate:*", "catalog:write", "catalog:write:pt", "catalog:delete:ar", "Admin"] {
            #expect(throws: ScopeParsingError.self) { try Scope(parsing: bad) }
        }
    }

    @Test func scopeGrants() {
        #expect(Scope.admin.grants(.catalogWrite(.arabic)))
        #expect(Scope.catalogWrite(.arabic).grants(.catalogWrite(.arabic)))
        #expect(!Scope.catalogWrite(.arabic).grants(.catalogWrite(.spanish)))
        #expect(Scope.catalogWrite(nil).grants(.catalogWrite(.spanish)))
        #expect(Scope.catalogReview(.irish).grants(.catalogWrite(.irish)))
        #expect(!Scope.catalogWrite(.irish).grants(.catalogReview(.irish)))
        #expect(Scope.catalogWrite(.irish).grants(.catalogRead))
        #expect(!Scope.translate.grants(.detect))
        #expect(!Scope.catalogRead.grants(.catalogWrite(.english)))
    }

    @Test func generatedKeysAreLongRandomAndURLSafe() {
        var seen: Set<String> = []
        for _ in 0..<200 {
            let key = APIKeyGenerator.makeKey()
            #expect(key.count >= 32)
            #expect(APIKeyGenerator.isWellFormed(key))
            seen.insert(key)
        }
        #expect(seen.count == 200)
        #expect(APIKeyGenerator.makeKey().count == 46)  // "pk_" + 43 characters = 256 bits
        #expect(!APIKeyGenerator.isWellFormed("short"))
        #expect(!APIKeyGenerator.isWellFormed(String(repeating: "a", count: 40) + "!"))
    }

    @Test func keyLifecycle() async throws {
        let store = try SQLiteStore(directory: FileManager.default.temporaryDirectory.appendingPathComponent("parley-keys-\(UUID().uuidString)").path)
        let manager = APIKeyManager(store: store, cacheLifetime: .seconds(60))
        let (record, key) = try await manager.create(name: "chat", scopes: [.translate, .catalogWrite(.arabic)], unlimited: true)
        #expect(record.hash == Digest.sha256Hex(key.utf8))
        #expect(try await store.listAPIKeys().first?.hash != key)
        let principal = try await manager.authenticate(key: key)
        #expect(principal.name == "chat")
        #expect(principal.unlimited)
        #expect(principal.may(.catalogWrite(.arabic)))
        #expect(!principal.may(.catalogWrite(.spanish)))
        await #expect(throws: AuthenticationError.invalidKey) { try await manager.authenticate(key: APIKeyGenerator.makeKey()) }
        await #expect(throws: AuthenticationError.invalidKey) { try await manager.authenticate(key: "not a key") }
        #expect(try await manager.revoke(id: record.id))
        await #expect(throws: AuthenticationError.revokedKey) { try await manager.authenticate(key: key) }
    }

    @Test func rateLimiter() {
        let limiter = RateLimiter(requestsPerSecond: 1, burst: 3)
        #expect(limiter.take("a") == nil)
        #expect(limiter.take("a") == nil)
        #expect(limiter.take("a") == nil)
        let retry = limiter.take("a")
        #expect(retry == 1)
        #expect(limiter.take("b") == nil)  // buckets are per caller
        let off = RateLimiter(requestsPerSecond: 0, burst: 0)
        for _ in 0..<1000 { #expect(off.take("a") == nil) }
    }

    // MARK: The shared rate limit

    static func rateStore() throws -> SQLiteStore {
        try SQLiteStore(directory: FileManager.default.temporaryDirectory.appendingPathComponent("parley-rate-\(UUID().uuidString)").path)
    }

    /// Two limiters on one store stand for two instances: together they allow the burst once.
    @Test func twoLimitersOnOneStoreShareAKeysBucket() async throws {
        let store = try Self.rateStore()
        // A refill so slow that none happens during the test: exactly the burst is allowed.
        let a = SharedRateLimiter(store: store, requestsPerSecond: 0.001, burst: 30)
        let b = SharedRateLimiter(store: store, requestsPerSecond: 0.001, burst: 30)
        let allowed = await withTaskGroup(of: Bool.self) { group in
            for index in 0..<100 {
                group.addTask { await (index.isMultiple(of: 2) ? a : b).take("key_1") == nil }
            }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(allowed == 30)
        // Refused with a wait until the bucket refills; another key has its own bucket.
        let wait = try #require(await a.take("key_1"))
        #expect(wait > 900)
        #expect(await b.take("key_2") == nil)
        try await store.close()
    }

    @Test func aLeaseIsATenthOfASecondsWorth() {
        let store = try? Self.rateStore()
        guard let store else { Issue.record("no store"); return }
        #expect(SharedRateLimiter(store: store, requestsPerSecond: 50, burst: 100).leaseSize == 5)
        #expect(SharedRateLimiter(store: store, requestsPerSecond: 1, burst: 100).leaseSize == 1)
        #expect(SharedRateLimiter(store: store, requestsPerSecond: 5000, burst: 20).leaseSize == 20)  // never above the burst
    }

    /// Without its store an instance limits on its own rather than refusing everyone or no one.
    @Test func anUnreachableStoreFallsBackToALocalBucket() async throws {
        let store = try Self.rateStore()
        try await store.close()
        let limiter = SharedRateLimiter(store: store, requestsPerSecond: 0.001, burst: 3)
        var allowed = 0
        for _ in 0..<10 {
            if await limiter.take("key_1") == nil { allowed += 1 }
        }
        #expect(allowed == 3)
    }
}
