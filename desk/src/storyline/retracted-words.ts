/** "2 claims retracted, 1 without a verdict yet": what an editor needs before reading the headline. */
export function retractedInWords(retracted: number, withoutVerdict: number): string {
  const claims = `${retracted} ${retracted === 1 ? 'claim' : 'claims'} retracted`;
  if (withoutVerdict === 0) return `${claims}, ruled on since`;
  if (withoutVerdict === retracted) return `${claims}, no verdict yet`;
  return `${claims}, ${withoutVerdict} without a verdict yet`;
}
