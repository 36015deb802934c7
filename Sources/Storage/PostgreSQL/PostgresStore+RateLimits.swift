import PostgresNIO

extension PostgresStore {
    public func takeRateTokens(_ name: String, count: Int, rate: Double, burst: Double) async throws -> RateTokenGrant {
        let count = Double(max(0, count))
        return try await withConnection { connection in
            // One statement refills and takes under the row's lock, so racing instances are
            // served one after the other. The database's clock is the only clock: instances
            // whose clocks disagree still share one refill rate. (Every SET expression reads
            // the row as it was before the update.)
            let rows = try await connection.query(
                """
                INSERT INTO rate_bucket AS b (name, tokens, updated_at, granted)
                SELECT \(name), \(burst) - least(\(count), floor(\(burst))), now.t, least(\(count), floor(\(burst)))::integer
                FROM (SELECT extract(epoch FROM clock_timestamp())::double precision AS t) AS now
                ON CONFLICT (name) DO UPDATE SET
                  granted = least(\(count), floor(least(\(burst), b.tokens + greatest(0, excluded.updated_at - b.updated_at) * \(rate))))::integer,
                  tokens = least(\(burst), b.tokens + greatest(0, excluded.updated_at - b.updated_at) * \(rate))
                    - least(\(count), floor(least(\(burst), b.tokens + greatest(0, excluded.updated_at - b.updated_at) * \(rate)))),
                  updated_at = excluded.updated_at
                RETURNING granted, tokens
                """, logger: self.logger
            ).collect()
            guard let row = rows.first else { throw StoreError.unavailable("rate bucket \(name) returned nothing") }
            let (granted, tokens) = try row.decode((Int, Double).self)
            return RateTokenGrant(granted: granted, remaining: tokens)
        }
    }
}
