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

/** Cases of kurrentdb-on-fake-server.spec.ts the adapter fails today, with their finding. */
export const KNOWN_FAILURES_OF_KURRENTDB_ADAPTER: Readonly<Record<string, string>> = {
  'stores a batch of 500 events whose total passes the server limit':
    'issue 21 #2: the batch goes to the server in one append and MaxAppendSizeExceededError passes through',
  'refuses one event larger than the server accepts in one line naming the event and its size':
    'issue 21 #2: MaxAppendSizeExceededError passes through with an empty message',
  'answers an append with its position while the follower it reads from lags':
    'issue 21 #3: the position of a batch is read back from the node reads prefer, which may not have it yet',
  'answers a stored append with its position when a read after it fails':
    'issue 21 #3/#5: the append reads the stream before and after writing; a failed read is an untyped error',
  'readStream: deadline-exceeded': 'issue 21 #4: the bridge raises UnknownError("Deadline exceeded"), not matched',
  'readStream: server-error':
    'issue 21 #4: the bridge raises UnknownError("ServerError: … Server Is Not Ready"), not matched',
  'readStream: dropped-channel':
    'issue 21 #4: the bridge raises UnknownError("ServerError: … transport error"), not matched',
  'readAll: deadline-exceeded': 'issue 21 #4: the bridge raises UnknownError("Deadline exceeded"), not matched',
  'readAll: server-error':
    'issue 21 #4: the bridge raises UnknownError("ServerError: … Server Is Not Ready"), not matched',
  'readAll: dropped-channel':
    'issue 21 #4: the bridge raises UnknownError("ServerError: … transport error"), not matched',
  'appends to a stream with one call to the server and no read':
    "issue 21 #5: every append first reads the stream's newest 100 + n events",
  'after a drop, searches only what came after the latest checkpoint, not everything since the last delivered event':
    'issue 21 #6: no checkpointReached is passed, so a resubscription starts after the last delivered event',
  'answers 503s while a leader is elected, nothing 5xx after a stored append, no gap or duplicate delivered':
    "issue 21 #4/#5: the append's read of the stream tail fails during the election with an unmatched UnknownError (500)",
};
