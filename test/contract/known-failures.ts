/**
 * Contract cases the KurrentDB adapter fails on FakeKurrentDb, each with the finding of issue 21
 * that explains it. When a fix makes one pass, Jest reports its `it.failing` as failed: take the
 * line off this list.
 */
export const KNOWN_FAILURES_ON_FAKE_KURRENTDB: Readonly<Record<string, string>> = {};

/** Cases of kurrentdb-on-fake-server.spec.ts the adapter fails today, with their finding. */
export const KNOWN_FAILURES_OF_KURRENTDB_ADAPTER: Readonly<Record<string, string>> = {};
