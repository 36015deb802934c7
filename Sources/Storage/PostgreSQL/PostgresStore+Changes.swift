import Logging
import PostgresNIO

extension PostgresStore {
    /// The channel every write that others keep copies of announces itself on (payload: a
    /// ``StoreChange`` raw value).
    static let changeChannel = "parley_changes"

    public func changes() -> AsyncStream<StoreChange> {
        let stream = broadcaster.subscribe()
        listener.withLock { task in
            guard task == nil else { return }
            // Started on first use: the CLI's short-lived stores never hold a listening connection.
            task = Task { await self.listenForChanges() }
        }
        return stream
    }

    /// Whether change notifications are being received now; while not, subscribers get a
    /// ``StoreChange/resync`` every poll interval instead.
    public var isListening: Bool { listening.load(ordering: .relaxed) }

    /// Keeps one pooled connection listening, re-listening after it drops; meanwhile, and
    /// until it is back, ticks ``StoreChange/resync`` every poll interval (the fallback poll).
    private func listenForChanges() async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                while !Task.isCancelled {
                    do {
                        try await self.listenOnce()
                    } catch {
                        // Once per outage (a retry that fails again is not news), never for closing.
                        let wasListening = self.listening.exchange(false, ordering: .relaxed)
                        if !Task.isCancelled {
                            self.logger.log(
                                level: wasListening ? .warning : .debug, "store notifications lost; polling until they are back",
                                metadata: ["error": "\(Self.storeError(error))"])
                        }
                    }
                    self.listening.store(false, ordering: .relaxed)
                    try? await Task.sleep(for: self.pollInterval)
                }
            }
            group.addTask {
                while !Task.isCancelled {
                    try? await Task.sleep(for: self.pollInterval)
                    if !self.isListening { self.broadcaster.yield(.resync) }
                }
            }
            await group.waitForAll()
        }
    }

    /// Listens on one connection until it fails. The connection is also pinged every few
    /// seconds, so a peer that vanished without closing the socket is noticed too.
    private func listenOnce() async throws {
        try await client.withConnection { connection in
            try await connection.listen(on: Self.changeChannel) { notifications in
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask {
                        for try await notification in notifications {
                            self.broadcaster.yield(StoreChange(rawValue: notification.payload) ?? .resync)
                        }
                        throw StoreError.unavailable("the notification stream ended")
                    }
                    group.addTask {
                        while true {
                            try await Task.sleep(for: .seconds(5))
                            try await self.bounded(by: self.callDeadline) { try await connection.run("SELECT 1", logger: self.logger) }
                        }
                    }
                    if !self.listening.exchange(true, ordering: .relaxed) {
                        self.logger.info("store notifications on", metadata: ["channel": "\(Self.changeChannel)"])
                    }
                    // Whatever changed while nobody was listening is unknown: re-read everything.
                    self.broadcaster.yield(.resync)
                    defer { group.cancelAll() }
                    _ = try await group.next()
                }
            }
        }
    }
}
