import { ConfigError, loadConfig } from '../../../src/config/config';

describe('DESK_TIME_ZONE', () => {
  it('defaults to UTC, also when set empty', () => {
    expect(loadConfig({}).deskTimeZone).toBe('UTC');
    expect(loadConfig({ DESK_TIME_ZONE: '' }).deskTimeZone).toBe('UTC');
  });

  it('takes an IANA time zone name', () => {
    expect(loadConfig({ DESK_TIME_ZONE: 'America/New_York' }).deskTimeZone).toBe('America/New_York');
    expect(loadConfig({ DESK_TIME_ZONE: 'Asia/Tokyo' }).deskTimeZone).toBe('Asia/Tokyo');
  });

  it('refuses a name that is no time zone, saying what it wants', () => {
    expect(() => loadConfig({ DESK_TIME_ZONE: 'New York' })).toThrow(ConfigError);
    expect(() => loadConfig({ DESK_TIME_ZONE: 'Mars/Olympus' })).toThrow(/DESK_TIME_ZONE.*IANA time zone name/);
  });
});
