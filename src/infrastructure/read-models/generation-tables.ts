/** The physical names of one generation's tables: `g3_claims` and so on. */
export function generationTables(generation: number) {
  const name = (base: string) => `g${generation}_${base}`;
  return {
    claims: name('claims'),
    claimEvents: name('claim_events'),
    claimParties: name('claim_parties'),
    storylines: name('storylines'),
    storylineTags: name('storyline_tags'),
    timeline: name('timeline'),
    registry: name('registry'),
    mentions: name('mentions'),
  };
}

export type GenerationTables = ReturnType<typeof generationTables>;
