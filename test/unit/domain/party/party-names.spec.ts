import { distinctNames, normalizeName } from '../../../../src/domain/party/party-names';

const sameName = (a: string, b: string) => normalizeName(a) === normalizeName(b);

describe('normalizeName', () => {
  it.each([
    ['Wolodymyr Selenskyj', 'wolodymyr selenskyj'],
    ['  WOLODYMYR\u00a0\u00a0SELENSKYJ\n', 'wolodymyr selenskyj'],
    ['Volodymyr Zelensky', 'volodymyr zelensky'],
    ['Володимир Зеленський', 'володимир зеленськии'],
    ['Zełenski', 'zelenski'],
    ['Jean-Noël Barrot', 'jean-noel barrot'],
    ['Kirill Dmitrijew', 'kirill dmitrijew'],
  ])('keys the seed name %p as %p', (name, key) => {
    expect(normalizeName(name)).toBe(key);
  });

  it('matches the spellings of one name that differ only in case, accents and spacing', () => {
    expect(sameName('Wołodymyr Zełenski', 'WOLODYMYR ZELENSKI')).toBe(true);
    expect(sameName('Jean-Noël Barrot', 'JEAN-NOEL BARROT')).toBe(true);
    expect(sameName('Зеленський', 'ЗЕЛЕНСЬКИЙ')).toBe(true);
    expect(sameName('Ζελένσκι', 'ΖΕΛΕΝΣΚΙ')).toBe(true);
  });

  it('keeps different names apart', () => {
    expect(sameName('Wolodymyr Selenskyj', 'Volodymyr Zelensky')).toBe(false);
    expect(sameName('Financial Times', 'The Financial Times')).toBe(false);
    expect(sameName('Зеленський', 'Зеленский')).toBe(false);
  });

  it('folds ß to ss, as full case folding does', () => {
    expect(normalizeName('Außenministerium')).toBe('aussenministerium');
    expect(sameName('Straße', 'STRASSE')).toBe(true);
    expect(sameName('ẞ', 'ss')).toBe(true);
  });

  it.each([
    ['Radosław Sikorski', 'Radoslaw Sikorski'],
    ['Łódź', 'LODZ'],
    ['Søren Kierkegaard', 'Soren Kierkegaard'],
    ['Ærøskøbing', 'Aeroskobing'],
    ['Þórshöfn', 'Thorshofn'],
    ['Œuvre', 'Oeuvre'],
    ['Đà Nẵng', 'Da Nang'],
    ['Paral·lel', 'Paral·lel'],
    ['Ħamrun', 'Hamrun'],
  ])('spells the Latin letters Unicode does not decompose as slugs do: %p matches %p', (a, b) => {
    expect(sameName(a, b)).toBe(true);
  });

  it('takes ŀ (the Catalan l with a middle dot) to l·, as NFKC does', () => {
    expect(sameName('Paraŀlel', 'Paral·lel')).toBe(true);
  });

  it('leaves other scripts in their letters', () => {
    expect(normalizeName('Łódź Київ 東京 القاهرة')).toBe('lodz киів 東京 القاهرة');
  });

  it('folds the Turkish dotted and dotless I to i, so İstanbul matches Istanbul', () => {
    expect(normalizeName('İstanbul')).toBe('istanbul');
    expect(normalizeName('ıstanbul')).toBe('istanbul');
    expect(sameName('İSTANBUL', 'Istanbul')).toBe(true);
  });

  it('folds the Greek final sigma', () => {
    expect(sameName('ΟΔΟΣ', 'οδοσ')).toBe(true);
  });

  it('drops optional Arabic vowel marks and the kashida, keeping the letters and the hamza', () => {
    expect(normalizeName('مُحَمَّد')).toBe('محمد');
    expect(normalizeName('محـــمد')).toBe('محمد');
    expect(normalizeName('أحمد')).toBe('أحمد');
    expect(sameName('وزارة  الدفاع', 'وزارة الدفاع')).toBe(true);
  });

  it('keeps the marks of scripts that need them, such as Devanagari', () => {
    expect(normalizeName('नई दिल्ली')).toBe('नई दिल्ली');
    expect(sameName('दिल्ली', 'दिल्ल')).toBe(false);
  });

  it('takes full-width and compatibility forms to their plain letters (NFKC)', () => {
    expect(normalizeName('Ｆｉｎａｎｃｉａｌ　Ｔｉｍｅｓ')).toBe('financial times');
    expect(normalizeName('ﬁnancial')).toBe('financial');
    expect(normalizeName('ｶﾀｶﾅ')).toBe('カタカナ');
  });

  it('leaves CJK names as they are', () => {
    expect(normalizeName('日本経済新聞')).toBe('日本経済新聞');
    expect(sameName('習近平', '习近平')).toBe(false);
  });

  it('gives a blank name the empty key', () => {
    expect(normalizeName(' \t\u3000')).toBe('');
  });
});

describe('distinctNames', () => {
  it('keeps the first spelling of each key and leaves out the taken ones', () => {
    expect(distinctNames(['FT', 'ft', 'The Financial Times', 'Financial  Times'], ['Financial Times'])).toEqual([
      'FT',
      'The Financial Times',
    ]);
  });
});
