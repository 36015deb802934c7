/// A circuit breaker for one backend: after `threshold` consecutive failures it opens and
/// keeps calls away for `cooldown`; then one trial call is let through (half-open); success
/// closes it, failure opens it again.
struct CircuitBreaker: Sendable {
    enum State: String, Sendable {
        case closed
        case open
        case halfOpen = "half_open"
    }

    let threshold: Int
    let cooldown: Duration
    private(set) var state: State = .closed
    private(set) var consecutiveFailures = 0
    private var openedAt: ContinuousClock.Instant?
    private var trialInFlight = false

    init(threshold: Int, cooldown: Duration) {
        self.threshold = threshold
        self.cooldown = cooldown
    }

    /// Whether a call may go out now; moves open → half-open after the cooldown and lets one
    /// trial through.
    mutating func allowsCall(now: ContinuousClock.Instant) -> Bool {
        switch state {
        case .closed:
            return true
        case .open:
            guard let openedAt, openedAt.duration(to: now) >= cooldown else { return false }
            state = .halfOpen
            trialInFlight = true
            return true
        case .halfOpen:
            guard !trialInFlight else { return false }
            trialInFlight = true
            return true
        }
    }

    /// Whether calls would be allowed, without taking the trial slot.
    func wouldAllowCall(now: ContinuousClock.Instant) -> Bool {
        switch state {
        case .closed: true
        case .open: openedAt.map { $0.duration(to: now) >= cooldown } ?? true
        case .halfOpen: !trialInFlight
        }
    }

    mutating func recordSuccess() {
        state = .closed
        consecutiveFailures = 0
        openedAt = nil
        trialInFlight = false
    }

    mutating func recordFailure(now: ContinuousClock.Instant) {
        consecutiveFailures += 1
        trialInFlight = false
        if state == .halfOpen || consecutiveFailures >= threshold {
            state = .open
            openedAt = now
        }
    }
}
