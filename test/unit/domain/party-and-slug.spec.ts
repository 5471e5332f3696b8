import { DomainError } from '../../../src/domain/domain-error';
import { toParty } from '../../../src/domain/party';
import { idKey, isSlug, slugify } from '../../../src/domain/slug';

describe('toParty', () => {
  it('derives the id from the name as a lower-case slug', () => {
    expect(toParty({ name: 'Financial Times', kind: 'media' })).toEqual({
      id: 'financial-times',
      name: 'Financial Times',
      kind: 'media',
    });
  });

  it('keeps an id the client chose', () => {
    expect(toParty({ id: 'ft', name: 'Financial Times', kind: 'media' }).id).toBe('ft');
  });

  it.each([
    ['Jean-Noël Barrot', 'jean-noel-barrot'],
    ['US-Regierung', 'us-regierung'],
    ['Марк Рютте', 'марк-рютте'],
    ['Łukasz Kowalski', 'lukasz-kowalski'],
    ['Außenministerium', 'aussenministerium'],
    ['  Mark Rutte (NATO)  ', 'mark-rutte-nato'],
  ])('derives %p as %p', (name, id) => {
    expect(toParty({ name, kind: 'person' }).id).toBe(id);
  });

  it('refuses a name from which no id can be derived', () => {
    expect(() => toParty({ name: '„…“', kind: 'anonymous' })).toThrow(DomainError);
    expect(() => toParty({ name: '„…“', kind: 'anonymous' })).toThrow(expect.objectContaining({ reason: 'rejected' }));
  });
});

describe('slugify', () => {
  it('joins words with single dashes and trims dashes at both ends', () => {
    expect(slugify(' Rutte: „Europa kann sich nicht selbst verteidigen“! ')).toBe(
      'rutte-europa-kann-sich-nicht-selbst-verteidigen',
    );
  });

  it('cuts at 80 characters without leaving a dash at the end', () => {
    const slug = slugify(`${'a'.repeat(79)} bcd`);

    expect(slug).toBe('a'.repeat(79));
  });

  it('does not cut a character in half at the length limit', () => {
    const slug = slugify(`${'a'.repeat(79)}\u{20000}`);

    expect(slug).toBe('a'.repeat(79));
    expect(isSlug(slug)).toBe(true);
  });

  it('drops accents from Latin letters only, so other scripts keep their letters whole', () => {
    expect(slugify('Jean-Noël Barrot')).toBe('jean-noel-barrot');
    expect(slugify('Володимир Зеленський')).toBe('володимир-зеленський');
    expect(slugify('Йоханнесбург')).toBe('йоханнесбург');
    expect(slugify('नई दिल्ली')).toBe('नई-दिल्ली');
    expect(slugify('İstanbul')).toBe('istanbul');
  });

  it.each([
    ['Łódź', 'lodz'],
    ['Radosław Sikorski', 'radoslaw-sikorski'],
    ['Søren Kierkegaard', 'soren-kierkegaard'],
    ['Ærøskøbing', 'aeroskobing'],
    ['Þórunn Sveinbjarnardóttir', 'thorunn-sveinbjarnardottir'],
    ['Œuvre d’Orient', 'oeuvre-d-orient'],
    ['Straße des 17. Juni', 'strasse-des-17-juni'],
    ['GROẞE KOALITION', 'grosse-koalition'],
    ['Diyarbakır', 'diyarbakir'],
    ['Võ Nguyên Giáp', 'vo-nguyen-giap'],
    ['Đà Nẵng', 'da-nang'],
    ['Paral·lel', 'paral-lel'],
    ['Ħamrun', 'hamrun'],
  ])('spells the Latin letters of %p in ASCII: %p', (text, slug) => {
    expect(slugify(text)).toBe(slug);
  });

  it('spells in ASCII only Latin letters, so Cyrillic, Greek, Arabic and CJK keep theirs', () => {
    expect(slugify('Łódź – Київ')).toBe('lodz-київ');
    expect(slugify('Αθήνα')).toBe('αθήνα');
    expect(slugify('وزارة الدفاع')).toBe('وزارة-الدفاع');
    expect(slugify('自由民主党')).toBe('自由民主党');
    expect(slugify('東京都庁')).toBe('東京都庁');
  });

  it.each(['नई दिल्ली', 'Ёлка', '\u0301Zeleńska', 'a \u0308b'])('derives a valid slug from marks in %p', (text) => {
    expect(isSlug(slugify(text))).toBe(true);
  });

  // Ids derived from titles end up in paths, which only accept slugs.
  it.each(['Обʼєднання громад', '人々の声', 'ラーメン', 'ﬁnanzielle Garantien', 'ŉ', 'Η ΕΕ', 'Ｆｕｌｌｗｉｄｔｈ'])(
    'derives a valid slug from %p',
    (text) => {
      expect(isSlug(slugify(text))).toBe(true);
    },
  );
});

describe('idKey', () => {
  it('gives an id derived by the older slug the key of the one derived now', () => {
    expect(idKey('radosław-sikorski')).toBe('radoslaw-sikorski');
    expect(idKey('radoslaw-sikorski')).toBe('radoslaw-sikorski');
    expect(idKey('łodz-fabryka')).toBe(slugify('Łódź Fabryka'));
  });

  it.each(['financial-times', 'a', '2026', 'a--b', '-a', 'A-b', 'a'.repeat(81)])('is the slug of %p', (id) => {
    expect(idKey(id)).toBe(slugify(id));
  });

  it('leaves ids in other scripts as they are', () => {
    expect(idKey('володимир-зеленський')).toBe('володимир-зеленський');
    expect(idKey('自由民主党')).toBe('自由民主党');
    expect(idKey('नई-दिल्ली')).toBe('नई-दिल्ली');
  });
});

describe('isSlug', () => {
  it.each(['us-ukraine-security-guarantees', 'володимир-зеленський', '2026', 'a'.repeat(80)])('accepts %p', (value) => {
    expect(isSlug(value)).toBe(true);
  });

  it.each(['', 'US', 'a--b', '-a', 'a-', 'a b', 'a_b', 'a'.repeat(81)])('refuses %p', (value) => {
    expect(isSlug(value)).toBe(false);
  });
});
