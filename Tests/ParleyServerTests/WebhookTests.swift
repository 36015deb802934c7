import AccessControl
import Catalogs
import CatalogWorkflow
import Foundation
import HTTPTypes
import HummingbirdTesting
import Languages
import Logging
import NIOCore
import ParleyServer
import Storage
import Synchronization
import Testing

/// Deliveries that fail on purpose log warnings; keep test output clean.
let quietWebhookLogger: Logger = {
    var logger = Logger(label: "parley.webhook.test")
    logger.logLevel = .critical
    return logger
}()

/// A notifier that does not log; with `store`, deliveries are queued in it (as `parley serve` does).
func quietNotifier(_ settings: WebhookSettings, store: (any WorkQueueStore)? = nil) -> WebhookNotifier {
    WebhookNotifier(settings: settings, queue: store.map { JobRegistry(store: $0, logger: quietWebhookLogger) }, logger: quietWebhookLogger)
}

@Suite("Catalog change webhooks", .serialized)
struct WebhookTests {
    static let vectorBody = #"{"event":"catalog.changed","lang":"ar","namespace":"chat"}"#

    @Test func theSignatureMatchesTheTestVector() {
        let body = Array(Self.vectorBody.utf8)
        #expect(WebhookEvent.catalogChanged(language: "ar", namespace: "chat").body == body)
        #expect(WebhookSignature.sign(secret: "whsec_parley_test", timestamp: 1_700_000_000, body: body)
            == "a6650e6a70b3afe95592221cad62d6d3ee40b85de0b8cfaa90ef720f6f8cf83c")
        let header = WebhookSignature.header(secret: "whsec_parley_test", timestamp: 1_700_000_000, body: body)
        #expect(header == "t=1700000000,v1=a6650e6a70b3afe95592221cad62d6d3ee40b85de0b8cfaa90ef720f6f8cf83c")
        let then = Date(timeIntervalSince1970: 1_700_000_010)
        #expect(WebhookSignature.verify(header: header, secret: "whsec_parley_test", body: body, now: then))
        #expect(!WebhookSignature.verify(header: header, secret: "whsec_other", body: body, now: then))
        #expect(!WebhookSignature.verify(header: header, secret: "whsec_parley_test", body: body + Array(" ".utf8), now: then))
        #expect(!WebhookSignature.verify(header: header, secret: "whsec_parley_test", body: body, now: Date(timeIntervalSince1970: 1_700_001_000)))
        #expect(!WebhookSignature.verify(header: "t=1700000000", secret: "whsec_parley_test", body: body, now: then))
        #expect(WebhookEvent.catalogChanged(language: "a\"b", namespace: "x\\y").body == Array(#"{"event":"catalog.changed","lang":"a\"b","namespace":"x\\y"}"#.utf8))
    }

    @Test func anEditIsDeliveredSignedToAReceiver() async throws {
        let receiver = try await WebhookReceiver { _ in (.ok, .zero) }
        let (catalogs, store) = try await CatalogEditFixture.catalogs()
        let notifier = quietNotifier(WebhookSettings(url: receiver.url, secret: "whsec_parley_test"), store: store)
        let monitor = WebhookChangeMonitor(store: store, notifier: notifier)
        let server = try CatalogEditFixture.server(catalogs, webhooks: monitor)
        let key = try await server.key([.catalogWrite(.arabic)]).key
        try await server.test { client in
            try await client.execute(
                uri: "/v1/catalogs/ar/rooms/keys/createRoom.nameLabel", method: .put, headers: editHeaders(key, ifMatch: "\"1\""), body: body(["value": "أعضاء الغرفة"])
            ) { response in
                #expect(response.status == .ok)
            }
        }
        let received = await receiver.wait(for: 1)
        await notifier.drain()
        #expect(received.count == 1)
        let delivery = try #require(received.first)
        #expect(String(decoding: delivery.body, as: UTF8.self) == #"{"event":"catalog.changed","lang":"ar","namespace":"rooms"}"#)
        let signature = try #require(delivery.headers[HTTPField.Name("X-Parley-Signature")!])
        #expect(WebhookSignature.verify(header: signature, secret: "whsec_parley_test", body: delivery.body))
        #expect(delivery.headers[.contentType] == "application/json")
        #expect(await notifier.statistics.delivered == 1)
        // The event is named by the version the edit made, and the delivery is kept finished in the store.
        let version = try #require(try await store.allCatalogVersions()[CatalogVersionKey(namespace: "rooms", language: "ar")])
        let id = WebhookEvent.catalogChanged(language: "ar", namespace: "rooms", version: version).id
        #expect(delivery.headers[HTTPField.Name(WebhookEvent.idHeaderName)!] == id)
        #expect(id.hasPrefix("evt_") && id.count == 36)
        #expect(try await store.workItem(id: id)?.state == .completed)
        await receiver.stop()
    }

    @Test func aFailingReceiverIsRetriedWithBackoffWithoutBlockingTheEdit() async throws {
        // Fails twice, slowly; the third attempt succeeds.
        let receiver = try await WebhookReceiver { attempt in attempt <= 2 ? (.internalServerError, .seconds(1)) : (.noContent, .zero) }
        let (catalogs, store) = try await CatalogEditFixture.catalogs()
        let notifier = quietNotifier(WebhookSettings(
            url: receiver.url, secret: "whsec_parley_test", maxAttempts: 4, initialBackoff: .milliseconds(100), maxBackoff: .seconds(1)), store: store)
        let monitor = WebhookChangeMonitor(store: store, notifier: notifier)
        let server = try CatalogEditFixture.server(catalogs, webhooks: monitor)
        let key = try await server.key([.catalogWrite(.spanish)]).key
        let started = ContinuousClock.now
        let answered = try await server.test { client in
            try await client.execute(
                uri: "/v1/catalogs/es/common/keys/button.close", method: .put, headers: editHeaders(key, ifMatch: "\"1\""), body: body(["value": "Vale"])
            ) { response in
                #expect(response.status == .ok)
                return ContinuousClock.now
            }
        }
        let received = await receiver.wait(for: 3)
        await notifier.drain()
        #expect(received.count == 3)
        // The edit was answered before the first (slow, failing) delivery had even finished.
        #expect(started.duration(to: answered) < .seconds(1))
        let firstAnswer = try #require(received.first?.at).advanced(by: .seconds(1))
        #expect(answered < firstAnswer)
        // Backoff: the second attempt waited after the first failed answer.
        #expect(received[0].at.duration(to: received[1].at) >= .milliseconds(1100))
        for delivery in received {
            let signature = delivery.headers[HTTPField.Name("X-Parley-Signature")!] ?? ""
            #expect(WebhookSignature.verify(header: signature, secret: "whsec_parley_test", body: delivery.body))
        }
        // Every attempt carries the same event id, so a receiver can deduplicate.
        let ids = Set(received.compactMap { $0.headers[HTTPField.Name(WebhookEvent.idHeaderName)!] })
        #expect(ids.count == 1)
        let statistics = await notifier.statistics
        #expect(statistics.attempts == 3 && statistics.delivered == 1 && statistics.failed == 0)
        await receiver.stop()
    }

    @Test func aQueuedDeliveryGivesUpInTheStoreAndTheSameEventIsQueuedOnce() async throws {
        let receiver = try await WebhookReceiver { _ in (.serviceUnavailable, .zero) }
        let (_, store) = try await CatalogEditFixture.catalogs()
        let notifier = quietNotifier(
            WebhookSettings(url: receiver.url, secret: "s", maxAttempts: 3, initialBackoff: .milliseconds(20), maxBackoff: .milliseconds(50)), store: store)
        let event = WebhookEvent.catalogChanged(language: "es", namespace: "common", version: 7)
        await notifier.send(event)
        await notifier.send(event)  // noticed twice (say, by the edit and by a notification): one delivery
        await notifier.drain()
        #expect(receiver.requests.count == 3)
        let item = try #require(try await store.workItem(id: event.id))
        #expect(item.state == .failed && item.attempts == 3 && item.reason == "receiver answered 503")
        #expect(await notifier.statistics.failed == 1)
        await receiver.stop()
    }

    @Test func aDeliveryLeftInTheStoreIsSentAfterARestart() async throws {
        let receiver = try await WebhookReceiver { _ in (.ok, .zero) }
        let (_, store) = try await CatalogEditFixture.catalogs()
        // Queued by an instance that stopped before it could deliver.
        let event = WebhookEvent.catalogChanged(language: "uk", namespace: "chat", version: 3)
        _ = try await store.enqueueWork(WorkItemRecord(
            id: event.id, kind: WebhookNotifier.kind, payload: String(decoding: event.body, as: UTF8.self), requestedBy: "parley",
            language: "uk", namespace: "chat"))
        let notifier = quietNotifier(WebhookSettings(url: receiver.url, secret: "s"), store: store)
        let queue = try #require(notifier.queue)
        let running = Task { try await queue.run() }
        let received = await receiver.wait(for: 1)
        running.cancel()
        #expect(received.first?.headers[HTTPField.Name(WebhookEvent.idHeaderName)!] == event.id)
        #expect(received.first.map { String(decoding: $0.body, as: UTF8.self) } == #"{"event":"catalog.changed","lang":"uk","namespace":"chat"}"#)
        await receiver.stop()
    }

    @Test func deliveriesGiveUpAfterTheLastAttempt() async throws {
        let receiver = try await WebhookReceiver { _ in (.serviceUnavailable, .zero) }
        let notifier = quietNotifier(WebhookSettings(
            url: receiver.url, secret: "s", maxAttempts: 3, initialBackoff: .milliseconds(20), maxBackoff: .milliseconds(50)))
        await notifier.send(.catalogChanged(language: "es", namespace: "common"))
        await notifier.drain()
        #expect(receiver.requests.count == 3)
        let statistics = await notifier.statistics
        #expect(statistics.failed == 1 && statistics.delivered == 0 && statistics.attempts == 3)
        await receiver.stop()
        // Nobody listening at all: network errors are retried the same way.
        let closed = quietNotifier(WebhookSettings(url: receiver.url, secret: "s", maxAttempts: 2, initialBackoff: .milliseconds(10)))
        await closed.send(.catalogChanged(language: "es", namespace: "common"))
        await closed.drain()
        #expect(await closed.statistics.failed == 1)
    }

    @Test func changesFromAnotherProcessAreNoticedByPollingTheVersions() async throws {
        let receiver = try await WebhookReceiver { _ in (.ok, .zero) }
        let (catalogs, store) = try await CatalogEditFixture.catalogs()
        let notifier = quietNotifier(WebhookSettings(url: receiver.url, secret: "whsec_parley_test"))
        let monitor = WebhookChangeMonitor(store: store, notifier: notifier, interval: .milliseconds(50))
        await monitor.check()
        // The CLI opens its own store on the same data directory and changes a value.
        let other = try SQLiteStore(directory: (store.path as NSString).deletingLastPathComponent)
        let cli = CatalogService(store: other)
        let before = try await catalogs.document(locale: .language(.spanish), namespace: "settings")
        let entry = try #require(try await cli.entries(language: .spanish, namespace: "settings").first)
        _ = try await cli.setState(language: .spanish, namespace: "settings", key: entry.key, state: .reviewed, expectedRevision: entry.revision, author: "cli")
        // The server's ETag changes at once (versions are read per request) …
        let after = try await catalogs.document(locale: .language(.spanish), namespace: "settings")
        #expect(after.etag == before.etag, "a state change alone does not change the served bytes")
        _ = try await cli.save(language: .spanish, namespace: "settings", key: entry.key, value: .text("Ajustes nuevos"), expectedRevision: entry.revision + 1, author: "cli")
        let changed = try await catalogs.document(locale: .language(.spanish), namespace: "settings")
        #expect(changed.etag != before.etag)
        // … and the next poll sends the event.
        let task = Task { try await monitor.run() }
        let received = await receiver.wait(for: 1)
        task.cancel()
        await notifier.drain()
        #expect(received.map { String(decoding: $0.body, as: UTF8.self) } == [#"{"event":"catalog.changed","lang":"es","namespace":"settings"}"#])
        await receiver.stop()
    }
}
