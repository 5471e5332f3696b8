import { formatTime } from '../../../desk/src/format/time';
import { isPast, viewTimeInWords, viewTimeOf, viewTimeQuery } from '../../../desk/src/storyline/view-time';
import { claimAddress, storylineAddress } from '../../../desk/src/ui/addresses';

const KNOWN = '2026-12-07T10:00:00.000Z';
const OCCURRED = '2023-03-06T11:00:00.000Z';

describe('the time a desk view shows', () => {
  it('reads both times from the address, and nothing for now', () => {
    expect(viewTimeOf({ asOf: KNOWN, asOccurred: OCCURRED, other: 'x' })).toEqual({
      asOf: KNOWN,
      asOccurred: OCCURRED,
    });
    expect(viewTimeOf({ asOf: '' })).toEqual({});
    expect(isPast({})).toBe(false);
    expect(isPast({ asOccurred: OCCURRED })).toBe(true);
  });

  it('writes them back into addresses, encoded, and a plain string as knowledge time', () => {
    expect(viewTimeQuery({})).toBe('');
    expect(storylineAddress('nord-stream', { asOf: KNOWN, asOccurred: OCCURRED })).toBe(
      `/desk/storylines/nord-stream?asOf=${encodeURIComponent(KNOWN)}&asOccurred=${encodeURIComponent(OCCURRED)}`,
    );
    expect(claimAddress('c1', { asOccurred: '2023-03-06T12:00:00+01:00' })).toBe(
      '/desk/claims/c1?asOccurred=2023-03-06T12%3A00%3A00%2B01%3A00',
    );
    expect(claimAddress('c1', KNOWN)).toBe(`/desk/claims/c1?asOf=${encodeURIComponent(KNOWN)}`);
  });

  it('says which time is shown', () => {
    const known = formatTime(KNOWN, { seconds: true });
    const occurred = formatTime(OCCURRED, { seconds: true });
    expect(viewTimeInWords({})).toBe('Now: everything the desk has recorded');
    expect(viewTimeInWords({ asOf: KNOWN })).toBe(`As the desk knew it at ${known}`);
    expect(viewTimeInWords({ asOccurred: OCCURRED })).toBe(
      `As things stood in the world at ${occurred}, as the desk knows it now`,
    );
    expect(viewTimeInWords({ asOf: KNOWN, asOccurred: OCCURRED })).toBe(
      `What the desk knew at ${known} about the world at ${occurred}`,
    );
  });
});
