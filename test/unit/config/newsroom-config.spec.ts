import { DEFAULT_RATING_SCALE } from '../../../src/application/claim-reviews/rating-scale';
import { ConfigError, loadConfig } from '../../../src/config/config';

const scale = (verdicts: Record<string, unknown> = {}, bounds: Record<string, unknown> = {}) =>
  JSON.stringify({
    worst: 1,
    best: 5,
    ...bounds,
    verdicts: { ...DEFAULT_RATING_SCALE.verdicts, ...verdicts },
  });

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('the configuration was accepted');
}

describe('the newsroom configuration', () => {
  it('defaults to a scale that keeps unproven off the true–false line', () => {
    const config = loadConfig({});
    expect(config.ratingScale).toEqual(DEFAULT_RATING_SCALE);
    expect(config.ratingScale.verdicts.unproven.value).toBeUndefined();
    expect(config.newsroomUrl).toBeUndefined();
  });

  it('takes a scale in JSON, and a newsroom URL', () => {
    const custom = scale({ refuted: { value: 0, name: 'Fałsz' } }, { worst: 0, best: 10 });
    const config = loadConfig({ NEWSROOM_RATING_SCALE: custom, NEWSROOM_URL: 'https://fakty.example.pl/' });
    expect(config.ratingScale.verdicts.refuted).toEqual({ value: 0, name: 'Fałsz' });
    expect(config.newsroomUrl).toBe('https://fakty.example.pl/');
  });

  it.each([
    ['not JSON', '{worst: 1', /^NEWSROOM_RATING_SCALE must be JSON/],
    [
      'a verdict missing',
      JSON.stringify({ worst: 1, best: 5, verdicts: { refuted: { name: 'F' } } }),
      /verdicts\.confirmed Required/,
    ],
    [
      'a value off the scale',
      scale({ confirmed: { value: 6, name: 'True' } }),
      /verdicts\.confirmed\.value must lie between worst \(1\) and best \(5\)/,
    ],
    [
      'unproven between false and true',
      scale({ unproven: { value: 3, name: 'Unproven' } }),
      /verdicts\.unproven\.value must not sit between refuted and confirmed/,
    ],
    [
      'refuted truer than confirmed',
      scale({ refuted: { value: 5, name: 'F' }, confirmed: { value: 1, name: 'T' } }),
      /must be truer than refuted/,
    ],
    ['no span', scale({}, { worst: 5 }), /best must differ from worst/],
    ['an unknown field', JSON.stringify({ ...DEFAULT_RATING_SCALE, colour: 'red' }), /Unrecognized key/],
  ])('stops with one line naming NEWSROOM_RATING_SCALE for %s', (_case, value, message) => {
    const error = configError({ NEWSROOM_RATING_SCALE: value });
    expect(error.variable).toBe('NEWSROOM_RATING_SCALE');
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain('\n');
  });

  it('stops with one line naming NEWSROOM_URL for an address that is not http(s)', () => {
    const error = configError({ NEWSROOM_URL: 'ftp://desk.example.org' });
    expect(error.message).toMatch(/^NEWSROOM_URL must be an http\(s\) URL/);
  });
});
