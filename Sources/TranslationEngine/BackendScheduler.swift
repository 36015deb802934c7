import DequeModule
import TranslationBackends

/// Sends one backend's work: at once while the backend has a free slot, and in batches once
/// it is busy.
///
/// The backend allows `slots` calls at a time (its `maxConcurrency`). A text submitted while
/// a slot is free goes out immediately, alone — batching costs nothing when idle. When every
/// slot is busy, texts queue per priority lane; each time a slot frees, the most urgent lane's
/// oldest text leaves together with up to `batchLimit - 1` queued texts of the same pair and
/// format, as one backend call — so under load one call carries many texts. A call also
/// picks up, just before it leaves, texts of its pair that queued in the meantime, and a
/// text arriving while a call of its pair and format is about to leave joins that call
/// instead of taking another slot: texts arriving together travel together, without a
/// waiting window while the backend is idle (a millisecond's when it is busy anyway), and the
/// free slots stay free for whatever comes a moment later.
/// With more than one slot, the last free slot is kept for interactive work, so a person
/// clicking Translate never waits behind auto-translation or pre-translation.
actor BackendScheduler {
    let backend: any TranslationBackend
    let slots: Int
    let queueLimits: [PriorityLane: Int]
    let metrics: EngineMetrics
    private var busy = 0
    private var queues: [PriorityLane: Deque<Pending>] = [:]
    /// Calls (by pair and format) that have a slot and are gathering texts before they leave.
    private var gathering: [BatchKind: Int] = [:]

    struct BatchKind: Hashable {
        let pair: LanguagePair
        let format: TextFormat
    }

    struct Pending {
        let text: String
        let pair: LanguagePair
        let format: TextFormat
        let lane: PriorityLane
        let enqueued: ContinuousClock.Instant
        let deadline: ContinuousClock.Instant
        let continuation: CheckedContinuation<Result<String, BackendError>, Never>
    }

    enum SubmitError: Error {
        case overloaded
    }

    init(backend: any TranslationBackend, queueLimits: [PriorityLane: Int], metrics: EngineMetrics) {
        self.backend = backend
        self.slots = max(1, backend.settings.maxConcurrency)
        self.queueLimits = queueLimits
        self.metrics = metrics
    }

    private var name: String { backend.settings.name }

    /// Slots a lane may take: all of them for interactive work, all but one for the others.
    private func slotLimit(for lane: PriorityLane) -> Int {
        lane == .interactive || slots == 1 ? slots : slots - 1
    }

    private func queuedAhead(of lane: PriorityLane) -> Bool {
        PriorityLane.allCases.contains { $0 <= lane && !(queues[$0]?.isEmpty ?? true) }
    }

    /// Translates one text through this backend; the result (or the backend's error) comes
    /// back when the call carrying it finishes.
    /// - Throws: ``SubmitError/overloaded`` when the lane's queue is full.
    func submit(_ text: String, pair: LanguagePair, format: TextFormat, lane: PriorityLane, deadline: ContinuousClock.Instant) async throws(SubmitError) -> Result<String, BackendError> {
        let now = ContinuousClock.now
        let joinsACall = gathering[BatchKind(pair: pair, format: format), default: 0] > 0
        if !joinsACall && busy < slotLimit(for: lane) && !queuedAhead(of: lane) {
            busy += 1
            return await withCheckedContinuation { continuation in
                let pending = Pending(text: text, pair: pair, format: format, lane: lane, enqueued: now, deadline: deadline, continuation: continuation)
                dispatch([pending])
            }
        }
        let depth = queues[lane]?.count ?? 0
        guard depth < queueLimits[lane, default: 1024] else {
            metrics.overloaded(lane: lane)
            throw .overloaded
        }
        return await withCheckedContinuation { continuation in
            queues[lane, default: []].append(Pending(text: text, pair: pair, format: format, lane: lane, enqueued: now, deadline: deadline, continuation: continuation))
            metrics.queueDepth(backend: name, lane: lane, depth: depth + 1)
        }
    }

    /// Starts one backend call carrying `batch` (a slot is already taken for it).
    private func dispatch(_ batch: [Pending]) {
        guard let first = batch.first else { return }
        let kind = BatchKind(pair: first.pair, format: first.format)
        gathering[kind, default: 0] += 1
        Task {
            // A few yields: texts already on their way to this scheduler get to queue first and
            // ride along instead of waiting for the next free slot. It stops once three yields
            // in a row bring nothing new, so an idle backend sees the text at once. When other
            // calls are already in flight (the backend is busy, and its calls take tens of
            // milliseconds), the call also waits `busyGatherWindow` once before it leaves: yields
            // alone let 30 requests arriving together leave as [1, 1, 1, 1, 26] on a loaded CI
            // machine, four calls where two would do.
            var queued = await self.queuedCount()
            var quiet = 0
            var waited = false
            for _ in 0..<64 {
                await Task.yield()
                let now = await self.queuedCount()
                quiet = now == queued ? quiet + 1 : 0
                queued = now
                guard quiet >= 3 else { continue }
                guard !waited, await self.othersInFlight() else { break }
                waited = true
                quiet = 0
                try? await Task.sleep(for: Self.busyGatherWindow)
            }
            await self.send(self.leave(batch, kind: kind))
        }
    }

    /// The call stops gathering: it takes along what queued for it, and texts it cannot take
    /// (other pairs, or beyond the batch limit) get the free slots at once.
    private func leave(_ batch: [Pending], kind: BatchKind) -> [Pending] {
        gathering[kind, default: 1] -= 1
        if gathering[kind] == 0 { gathering[kind] = nil }
        let full = topUp(batch)
        startQueuedBatches()
        return full
    }

    /// Adds queued texts of the batch's pair and format (most urgent lane first) up to the
    /// batch limit: the slot is taken anyway, so they ride along at no cost.
    private func topUp(_ batch: [Pending]) -> [Pending] {
        guard let first = batch.first else { return batch }
        var batch = batch
        for lane in PriorityLane.allCases {
            moveQueued(of: lane, like: first, into: &batch)
        }
        return batch
    }

    /// Moves the lane's queued texts of `first`'s pair and format into `batch`, oldest first,
    /// up to the batch limit; the others keep their places.
    private func moveQueued(of lane: PriorityLane, like first: Pending, into batch: inout [Pending]) {
        let limit = max(1, backend.batchLimit)
        guard var queue = queues[lane], !queue.isEmpty, batch.count < limit else { return }
        var rest = Deque<Pending>()
        while let item = queue.popFirst() {
            if batch.count < limit && item.pair == first.pair && item.format == first.format {
                batch.append(item)
            } else {
                rest.append(item)
            }
        }
        queues[lane] = rest
        metrics.queueDepth(backend: name, lane: lane, depth: rest.count)
    }

    /// Does one backend call and hands every text its result.
    private nonisolated func send(_ batch: [Pending]) async {
        let now = ContinuousClock.now
        for pending in batch { metrics.queueWait(lane: pending.lane, duration: pending.enqueued.duration(to: now)) }
        metrics.batchSize(backend: backend.settings.name, size: batch.count)
        let deadline = batch.map(\.deadline).min() ?? now
        let timeout = min(backend.settings.timeout, now.duration(to: deadline))
        let result: Result<[String], BackendError>
        if timeout <= .zero {
            result = .failure(.timeout)
        } else {
            do {
                result = .success(try await backend.translate(batch.map(\.text), pair: batch[0].pair, format: batch[0].format, timeout: timeout))
            } catch let error as BackendError {
                result = .failure(error)
            } catch {
                result = .failure(.malformedResponse("\(error)"))
            }
        }
        switch result {
        case .success(let outputs) where outputs.count == batch.count:
            for (pending, output) in zip(batch, outputs) { pending.continuation.resume(returning: .success(output)) }
        case .success(let outputs):
            let error = BackendError.malformedResponse("\(outputs.count) outputs for \(batch.count) texts")
            for pending in batch { pending.continuation.resume(returning: .failure(error)) }
        case .failure(let error):
            for pending in batch { pending.continuation.resume(returning: .failure(error)) }
        }
        await slotFreed()
    }

    /// A call finished: its slot goes to the queued texts.
    private func slotFreed() {
        busy -= 1
        startQueuedBatches()
    }

    /// Gives free slots to queued texts, most urgent lane first, one batch per slot.
    private func startQueuedBatches() {
        let now = ContinuousClock.now
        for lane in PriorityLane.allCases {
            while busy < slotLimit(for: lane), let batch = nextBatch(of: lane, now: now) {
                busy += 1
                dispatch(batch)
            }
        }
    }

    /// The lane's oldest text with up to `batchLimit - 1` queued texts of its pair and
    /// format; texts whose deadline passed while queued fail now rather than occupy a call.
    private func nextBatch(of lane: PriorityLane, now: ContinuousClock.Instant) -> [Pending]? {
        guard var queue = queues[lane], !queue.isEmpty else { return nil }
        while let first = queue.first, first.deadline <= now {
            queue.removeFirst()
            first.continuation.resume(returning: .failure(.timeout))
        }
        queues[lane] = queue
        guard let first = queue.first else { return nil }
        var batch: [Pending] = []
        moveQueued(of: lane, like: first, into: &batch)
        return batch
    }

    /// How long a call waits for company when other calls of this backend are in flight:
    /// nothing next to a backend call's tens of milliseconds, long enough for requests sent
    /// together to arrive.
    static let busyGatherWindow: Duration = .milliseconds(1)

    /// Whether calls other than the one gathering hold slots.
    private func othersInFlight() -> Bool {
        busy > 1
    }

    private func queuedCount() -> Int {
        queues.values.reduce(0) { $0 + $1.count }
    }

    /// Texts waiting per lane (for tests and metrics).
    func queueDepths() -> [PriorityLane: Int] {
        queues.mapValues(\.count)
    }
}
