import { extractProposals } from '../../../../src/domain/capture/extract-proposals';
import { quotationsOf } from '../../../../src/domain/capture/quotations';

const read = (text: string, language = 'de') => extractProposals({ text, language }).items;
const speakerOf = (text: string, words: string) =>
  read(text).find((item) => item.quote.text.includes(words))?.claimant?.name;

describe('the capture rules, on German sentences of their own', () => {
  it('finds the source after "laut", before "zufolge" and after "nach Angaben"', () => {
    expect(speakerOf('Laut der Polizei wurden drei Menschen verletzt.', 'verletzt')).toBe('Polizei');
    expect(speakerOf('Dem Bericht der Zeitung zufolge wurde der Vertrag gekündigt.', 'gekündigt')).toBe('Zeitung');
    expect(speakerOf('Nach Angaben der Feuerwehr brach das Feuer am Abend aus.', 'Feuer')).toBe('Feuerwehr');
  });

  it('finds the speaker before the verb, after it in second place, and after a closing comma', () => {
    expect(speakerOf('Die Ministerin sagte, die Schulen blieben geschlossen.', 'Schulen')).toBe('Ministerin');
    expect(speakerOf('Am Montag sagte der Bürgermeister, die Brücke sei sicher.', 'Brücke')).toBe('Bürgermeister');
    expect(speakerOf('„Die Brücke ist sicher“, sagte Bürgermeister Jan Novak.', 'Brücke')).toBe('Jan Novak');
  });

  it('carries the speaker into the reported speech that follows, and resolves a pronoun to the last person', () => {
    const text =
      'Bürgermeister Jan Novak erklärte, die Brücke sei sicher. Sie werde im Mai wieder geöffnet. Er sagte: „Wir sind bereit.“';
    expect(speakerOf(text, 'im Mai')).toBe('Jan Novak');
    expect(speakerOf(text, 'Wir sind bereit')).toBe('Jan Novak');
  });

  it('takes a source noun with no genitive as the source, and the phrase right before "zufolge"', () => {
    expect(speakerOf('Nach Polizeiangaben wurden zwei Autos beschädigt.', 'Autos')).toBe('Polizeiangaben');
    expect(speakerOf('Das Team kam der Studie zufolge zu einem klaren Ergebnis.', 'Ergebnis')).toBe('Studie');
  });

  it('reads a pronoun after the verb as its speaker, and "Dies bestätigte X" as X confirming the sentence before', () => {
    const pronoun = 'Der Landrat kam am Morgen. Die Lage bezeichnete er als sehr ernst und angespannt.';
    expect(read(pronoun).find((item) => item.quote.text.includes('ernst'))?.claimant?.start).toBe(
      pronoun.indexOf(' er ') + 1,
    );
    const text = 'Die Brücke wird im Mai wieder geöffnet. Dies bestätigte die Stadtverwaltung.';
    const items = read(text);
    expect(items).toHaveLength(1);
    expect(items[0].quote.text).toBe('Die Brücke wird im Mai wieder geöffnet. Dies');
    expect(items[0].claimant?.name).toBe('Stadtverwaltung');
  });

  it('proposes a clause of "dass" after a comma as the claim of the subject that opens the sentence', () => {
    const item = read('Die Anwohner bemängeln, dass die Straße seit Jahren nicht repariert wurde.')[0];
    expect(item.type).toBe('indirect');
    expect(item.quote.text).toBe('dass die Straße seit Jahren nicht repariert wurde.');
    expect(item.claimant?.name).toBe('Anwohner');
  });

  it('reads a name that ends like an adjective as a name, and the subject after "Wie" or a longer opening', () => {
    expect(speakerOf('Die Brücke sei sicher und werde im Mai geöffnet, so Müller.', 'Brücke')).toBe('Müller');
    expect(speakerOf('Wie der Bürgermeister am Dienstag in Hannover erklärte, sei die Brücke sicher.', 'Brücke')).toBe(
      'Bürgermeister',
    );
    expect(speakerOf('Nach langem Zögern warnte Novak vor einer Krise der städtischen Finanzen.', 'Krise')).toBe(
      'Novak',
    );
  });

  it('places a speaker carried by "Demnach" at that word, and reads a hyphenated name and a lone pronoun', () => {
    const text = 'Die Polizei hat eine Bilanz vorgelegt. Demnach wurden drei Menschen leicht verletzt.';
    const carried = read(text).find((item) => item.quote.text.includes('verletzt'))?.claimant;
    expect(carried?.name).toBe('Polizei');
    expect(text.slice(carried?.start, carried?.end)).toBe('Demnach');
    expect(speakerOf('Die Zahl der Fälle steigt laut ai-Bericht weiter an.', 'Fälle')).toBe('ai-Bericht');
    // A pronoun with nobody named before is the speaker as the text gives it, for the editor to name.
    expect(speakerOf('Er sagte, die Brücke sei sicher und werde bald geöffnet.', 'Brücke')).toBe('Er');
  });

  it('takes the subject after the verb when the clause opens with a phrase that holds another noun', () => {
    const text = 'In einem Gespräch mit der Lokalzeitung erklärte der Leiter der Feuerwehr, die Halle sei sicher.';
    expect(speakerOf(text, 'Halle')).toBe('Leiter');
  });

  it('takes no noun after a preposition for the subject: the one after the verb is', () => {
    expect(speakerOf('Bereits während seiner Amtszeit warnte Novak, die Löhne seien zu niedrig.', 'Löhne')).toBe(
      'Novak',
    );
    expect(speakerOf('Als Grund für die Absage nannte Jana Novak den engen Zeitplan der Konferenz.', 'Zeitplan')).toBe(
      'Jana Novak',
    );
  });

  it('gives reported speech in a later clause the subject of the first, unless the first is reported speech too', () => {
    const later = 'Zuvor hatte der Bürgermeister angedeutet, die Brücke werde bald geöffnet.';
    expect(speakerOf(later, 'Brücke')).toBe('Bürgermeister');
    expect(speakerOf('Dabei sei ein Mann festgenommen worden, der sich gewehrt habe.', 'Mann')).toBeUndefined();
    const longer =
      'In einem Gespräch mit der Zeitung hatte der Bürgermeister angedeutet, die Brücke werde bald geöffnet.';
    expect(speakerOf(longer, 'Brücke')).toBe('Bürgermeister');
    const pronoun = 'Jana Novak kam am Abend. Zuletzt deutete sie an, die Straße sei gesperrt gewesen.';
    expect(read(pronoun)[0].claimant).toMatchObject({ name: 'Jana Novak', start: pronoun.indexOf(' sie ') + 1 });
  });

  it('carries the speaker past a sentence whose subject is a thing, not one who speaks', () => {
    const text =
      'Bürgermeisterin Jana Novak eröffnete am Montag die neue Halle. Die Höhe der Kosten überraschte viele Gäste. ' +
      'Die Halle sei ein großer Gewinn für die ganze Stadt.';
    expect(speakerOf(text, 'Gewinn')).toContain('Jana Novak');
  });

  it('carries the speaker past a single bare noun as subject, but not past a name given in full before', () => {
    const sirens =
      'Reporterin Jana Novak berichtete, in der Stadt habe die Erde gewackelt. Sirenen heulten über den Dächern. ' +
      'Viele Menschen seien in Panik auf die Straße gelaufen.';
    expect(speakerOf(sirens, 'Panik')).toContain('Jana Novak');
    const named =
      'Reporterin Jana Novak berichtete, in der Stadt habe die Erde gewackelt. Später traf Minister Jan Kral ein. ' +
      'Kral besuchte die Feuerwache. Die Lage sei unter Kontrolle.';
    expect(speakerOf(named, 'Kontrolle')).toBe('Kral');
  });

  it('proposes nothing for a bracketed pointer to earlier reporting ("(Wikinews berichtete)")', () => {
    const text =
      'Der Stadtrat hat im Frühjahr die Gebühren für alle Schwimmbäder deutlich erhöht (Wikinews berichtete). ' +
      'Die Bürgermeisterin sagte, die Preise seien fair.';
    expect(read(text).map((item) => item.quote.text)).toEqual(['die Preise seien fair.']);
  });

  it('reads "sie" after the verb as an object when a masculine subject opens the clause', () => {
    const text =
      'Die Stadt legte am Montag ihren Bericht zur Brücke vor. ' +
      'Der Sprecher des Verkehrsverbands nannte sie „fahrlässig“ und sprach von einem Risiko.';
    expect(speakerOf(text, 'fahrlässig')).toBe('Sprecher');
    expect(speakerOf('Die Haltung der Stadt bezeichnete sie als „fahrlässig“.', 'fahrlässig')).toBe('sie');
  });

  it('takes no speaker from a first clause that is reported speech itself, whatever opens it', () => {
    const text =
      'Die Ministerin Jana Novak sprach am Montag im Landtag über den Fall. ' +
      'Die Entscheidung des Gerichts über die Akten sei auf Druck verschoben worden, die Zeugen seien nicht gehört worden.';
    expect(speakerOf(text, 'Zeugen')).toContain('Jana Novak');
  });

  it('takes a name set off by commas right before the verb as the speaker, not the object after it', () => {
    const text =
      'Die Stadt plant neue Radwege. ' +
      'Die Verkehrsexpertin im Stadtrat, Anja Holm, kritisierte die Pläne der Stadt am Montag: „Das reicht bei weitem nicht.“';
    expect(speakerOf(text, 'bei weitem')).toBe('Anja Holm');
  });

  it('carries on the name set off by commas after the subject of a sentence that proposes nothing', () => {
    const text =
      'Anwohner berichteten von einem lauten Knall. Der Flugleiter des Vereins, Tomas Berg, spekulierte über einen ' +
      'toten Winkel als Ursache. So sei bei einem Hubschrauber die Sicht nach oben eingeschränkt.';
    expect(speakerOf(text, 'Sicht')).toBe('Tomas Berg');
  });

  it('takes the name after "wie" as the speaker when a role set off by commas follows it ("wie X, Sprecher der Y, mitteilte")', () => {
    const text =
      'Die Halle war am Abend wegen eines Gaslecks gesperrt worden, wie Tomas Berg, Sprecher der Stadtwerke, mitteilte.';
    expect(speakerOf(text, 'Gaslecks')).toBe('Tomas Berg');
  });

  it('takes no subject from a clause that opens with a preposition ("Beim letzten Hochwasser, dessen …, seien")', () => {
    const text =
      'Bürgermeisterin Jana Novak sprach am Montag im Rathaus über die Flut. ' +
      'Beim letzten Hochwasser, dessen Ausmaße geringer waren, seien zweihundert Helfer im Einsatz gewesen.';
    expect(speakerOf(text, 'Hochwasser')).toContain('Jana Novak');
  });

  it('takes the subject after a quotation, its comma and any verb as the speaker ("„…“, zeigte sich X zufrieden")', () => {
    const text =
      'Die Halle ist voll. „Wir haben das Spiel verdient gewonnen“, zeigte sich Trainerin Jana Novak zufrieden.';
    expect(speakerOf(text, 'verdient')).toContain('Jana Novak');
    expect(speakerOf('„Das ist ein Desaster“, schimpfte Novak nach der Sitzung.', 'Desaster')).toBe('Novak');
    expect(speakerOf('„Wer soll das alles am Ende noch bezahlen?“ fragten die Anwohner.', 'bezahlen')).toBe('Anwohner');
  });

  it('takes a name alone before a colon as the speaker of the quotation after it', () => {
    const text = 'Die Stadt plant neue Radwege. Verkehrsdezernent Novak: „Wir bauen in diesem Jahr zwanzig Kilometer.“';
    expect(speakerOf(text, 'zwanzig')).toContain('Novak');
  });

  it('carries no speaker into a verb of saying in the passive with no agent ("Kritisiert wird", "wurde vorgeworfen")', () => {
    const said = 'Die Ministerin sagte, der Plan sei gut. ';
    const criticised = read(said + 'Kritisiert wird, dass die Kosten weiter steigen.').find((item) =>
      item.quote.text.includes('Kosten'),
    );
    expect(criticised).toMatchObject({ attribution: 'unattributed' });
    expect(criticised?.claimant).toBeUndefined();
    expect(speakerOf(said + 'Ihr wurde vorgeworfen, die Akten vernichtet zu haben.', 'Akten')).toBeUndefined();
    expect(speakerOf('Der Plan wurde von der Ministerin kritisiert, er sei zu teuer.', 'teuer')).toBe('Ministerin');
  });

  it('takes the text or place named with "heißt es" as its source, after it or opening the sentence', () => {
    const text = 'Die Lage sei unter Kontrolle, hieß es in einer Mitteilung der Polizei.';
    expect(read(text)[0].claimant?.start).toBe(text.indexOf('einer Mitteilung'));
    expect(speakerOf('Aus dem Rathaus hieß es, die Straße bleibe bis Montag gesperrt.', 'Straße')).toBe('Rathaus');
  });

  it('reads a time such as 11:09 as one number, not a clause break', () => {
    const text = 'Um 11:09 Uhr meldete die Agentur, der Verein habe den Antrag gestellt.';
    expect(speakerOf(text, 'Antrag')).toBe('Agentur');
  });

  it('reads a thing before the verb and a name after it as an object first ("Eine Verschiebung bezeichnete Novak als …")', () => {
    expect(speakerOf('Eine Verschiebung der Wahl bezeichnete Novak als fatal für das Land.', 'fatal')).toBe('Novak');
    expect(speakerOf('Der Minister bezeichnete Novak als Lügner und Betrüger im Amt.', 'Lügner')).toBe('Minister');
  });

  it('knows verbs of answering and arguing as verbs of saying, counted on annotated news ("entgegnete")', () => {
    const [item] = read('Auch Novak entgegnete, die Pläne seien seit Jahren bekannt.');
    expect(item).toMatchObject({ type: 'indirect', claimant: { name: 'Novak' }, cue: { text: 'entgegnete' } });
  });

  it('takes the one quoted as the speaker of "zitiert", not the outlet that quotes', () => {
    const active =
      'Ein Fernsehsender zitierte den Minister mit den Worten: „Wir werden die Brücke im Mai wieder öffnen.“';
    expect(speakerOf(active, 'Brücke')).toBe('Minister');
    const passive =
      'Der Minister wird von der Zeitung mit den Worten zitiert, die Brücke sei sicher und werde geöffnet.';
    expect(speakerOf(passive, 'Brücke')).toBe('Minister');
    const placed = 'In der Mitteilung auf der Seite des Vereins wird Novak so zitiert: „Wir öffnen die Brücke im Mai.“';
    expect(speakerOf(placed, 'Brücke')).toBe('Novak');
  });

  it('proposes an allegation ("soll … geholfen haben") as reported speech, not a plan ("soll … eröffnet werden")', () => {
    const [alleged] = read('Der Mann soll den Tätern bei der Flucht geholfen haben.');
    expect(alleged).toMatchObject({ type: 'indirect', cue: { text: 'soll' } });
    expect(alleged.rule).toContain('allegation');
    expect(read('Die Brücke soll im Mai wieder eröffnet werden.')).toEqual([]);
  });

  it('reads a sentence-opening preposition that ends like an adjective ("Über", "Unter") as no part of the speaker', () => {
    const text = 'Über Karl Novak sagte die Ministerin: „Er hat die Brücke gerettet und viel Geld gespart.“';
    expect(speakerOf(text, 'Brücke')).toBe('Ministerin');
  });

  it('finds the speaker after an auxiliary that opens the clause of a verb closing it (", hatte Novak gesagt")', () => {
    const text = 'Die Brücke sei sicher und werde im Mai geöffnet, hatte Novak bei seinem Besuch in der Stadt gesagt.';
    expect(speakerOf(text, 'Brücke')).toBe('Novak');
  });

  it('finds the speaker of "wie" and a verb closing its clause there, not in the sentence\'s subject', () => {
    const text = 'Novak bleibt im Amt und wird die Stadt weiter führen, wie die Partei am Montag mitteilte.';
    expect(speakerOf(text, 'Stadt')).toBe('Partei');
  });

  it('proposes no reported claim for a verb that only introduces one ("kritisierte die Pläne")', () => {
    expect(read('Der Bürgermeister kritisierte die Pläne der Landesregierung zum Bau der Brücke.')).toEqual([]);
    const [clause] = read('Der Bürgermeister kritisierte, die Pläne der Landesregierung seien zu teuer.');
    expect(clause).toMatchObject({ type: 'indirect', claimant: { name: 'Bürgermeister' } });
  });

  it('proposes nothing for a sentence without a cue, and no claim for a title in quotation marks', () => {
    expect(read('Die Brücke wurde 1920 gebaut. Die „Financial Times“ erscheint in London.')).toEqual([]);
  });

  it('tells German from English, and leaves a text in another script undetermined with nothing proposed', () => {
    expect(extractProposals({ text: 'Der Bürgermeister sagte, die Brücke sei sicher.' }).language).toBe('de');
    expect(extractProposals({ text: 'The mayor said the bridge was safe.' }).language).toBe('en');
    for (const text of ['Мэр сказал: «Мост в полной безопасности».', 'قال رئيس البلدية: «الجسر آمن تماما».']) {
      expect(extractProposals({ text })).toEqual({ language: 'und', items: [] });
    }
    // Sent with a language, the text is read in it whatever its script.
    expect(
      extractProposals({ text: 'Мэр сказал: «Мост в полной безопасности и открыт».', language: 'de' }).language,
    ).toBe('de');
  });

  it('answers the same for the same text', () => {
    const text = 'Laut der Polizei wurden drei Menschen verletzt. Die Regierung dementierte den Bericht.';
    expect(extractProposals({ text })).toEqual(extractProposals({ text }));
  });
});

describe('quotation marks', () => {
  it('pairs each opening mark with its own closing marks, keeps nested ones inside, and drops one left open', () => {
    const text = 'Er sagte: „Sie rief ‚Halt!‘ und ging.“ Dann: »Nein« und „offen';
    const quotations = quotationsOf(text, ['„“', '‚‘', '»«']).map(({ start, end }) => text.slice(start, end));
    expect(quotations).toEqual(['Sie rief ‚Halt!‘ und ging.', 'Nein']);
  });

  it('reads an apostrophe between letters as no closing mark', () => {
    const text = "He said: 'It isn't over.'";
    expect(quotationsOf(text, ["''"]).map(({ start, end }) => text.slice(start, end))).toEqual(["It isn't over."]);
  });
});
