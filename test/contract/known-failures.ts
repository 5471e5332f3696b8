/**
 * Contract cases the KurrentDB adapter fails on FakeKurrentDb, each with the finding of issue 21
 * that explains it. When a fix makes one pass, Jest reports its `it.failing` as failed: take the
 * line off this list.
 */
export const KNOWN_FAILURES_ON_FAKE_KURRENTDB: Readonly<Record<string, string>> = {
  "reads after a number that is no event's position from the next event on":
    'issue 21 #1: `after` is sent to the server as {commit, prepare}; a position inside a record fails with InvalidPosition (UnknownError)',
  "subscribes after a number that is no event's position, delivering from the next event on":
    'issue 21 #1: the subscription starts at {commit: after}; a position inside a record fails with InvalidPosition, retried for ever',
};
