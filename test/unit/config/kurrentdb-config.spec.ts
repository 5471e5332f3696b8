import { ConfigError, loadConfig } from '../../../src/config/config';
import { DEFAULT_MAX_APPEND_BYTES } from '../../../src/infrastructure/event-store/kurrentdb/kurrentdb-event-store';

describe('the KurrentDB append limit', () => {
  it('stays under the server’s default MaxAppendSize (1 MiB) unless told otherwise', () => {
    expect(loadConfig({}).kurrentdbMaxAppendBytes).toBe(DEFAULT_MAX_APPEND_BYTES);
    expect(DEFAULT_MAX_APPEND_BYTES).toBeLessThan(1024 * 1024);
    expect(loadConfig({ KURRENTDB_MAX_APPEND_BYTES: '8000000' }).kurrentdbMaxAppendBytes).toBe(8_000_000);
  });

  it.each(['1024', '20000000', 'lots', '1.5'])('stops with one line naming the variable for %s', (value) => {
    expect(() => loadConfig({ KURRENTDB_MAX_APPEND_BYTES: value })).toThrow(ConfigError);
    expect(() => loadConfig({ KURRENTDB_MAX_APPEND_BYTES: value })).toThrow(/^KURRENTDB_MAX_APPEND_BYTES /);
  });
});
