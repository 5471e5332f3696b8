import { candidateQueries, editDistance, foldName, nearNames } from '../../../desk/src/party/near-names';

const zelensky = { id: 'volodymyr-zelensky', name: 'Volodymyr Zelensky', aliases: ['Wolodymyr Selenskyj'] };
const bbc = { id: 'bbc', name: 'BBC', aliases: [] };
const lodz = { id: 'lodz-city-council', name: 'Łódź City Council', aliases: ['Urząd Miasta Łodzi'] };

describe('names close to a registered party', () => {
  it('folds case, accents, the Latin letters Unicode does not decompose, and spacing', () => {
    expect(foldName('  ŁÓDŹ   City ')).toBe('lodz city');
    expect(foldName('Straße')).toBe('strasse');
    expect(foldName('Володимир Зеленський')).toBe('володимир зеленськии');
    expect(foldName('ＢＢＣ')).toBe('bbc');
  });

  it('counts edits by letter, and stops counting past the limit', () => {
    expect(editDistance('zelensky', 'zelenskyy', 2)).toBe(1);
    expect(editDistance('kitten', 'sitting', 3)).toBe(3);
    expect(editDistance('kitten', 'sitting', 1)).toBe(2);
    expect(editDistance('𝒜b', '𝒜c', 1)).toBe(1);
  });

  it('asks about a name a slip away from a name or an alias, the closest first', () => {
    const found = nearNames('Volodymyr Zelenskyy', [bbc, zelensky, lodz]);
    expect(found.map(({ party, close }) => [party.id, close])).toEqual([['volodymyr-zelensky', 'Volodymyr Zelensky']]);
    expect(nearNames('Wolodymyr Selenskij', [zelensky])[0]?.close).toBe('Wolodymyr Selenskyj');
  });

  it('does not ask when a party answers to the name itself, or the names are far apart or short', () => {
    expect(nearNames('VOLODYMYR ZELENSKY', [zelensky])).toEqual([]);
    expect(nearNames('wolodymyr selenskyj', [zelensky, bbc])).toEqual([]);
    expect(nearNames('Vladimir Putin', [zelensky])).toEqual([]);
    expect(nearNames('BBD', [bbc])).toEqual([]);
  });

  it('searches candidates by the first letters of the longer words', () => {
    expect(candidateQueries('Volodymyr Zelenskyy')).toEqual(['volo', 'zele']);
    expect(candidateQueries('BBC')).toEqual([]);
    expect(candidateQueries('Łódź-Stadt Rada Łódź')).toEqual(['lodz', 'stad', 'rada']);
  });
});
