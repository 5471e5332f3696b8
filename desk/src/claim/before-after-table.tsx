import { valueInWords } from './corrections';

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** Each field a correction changes, before and after: on a recorded correction and in the form writing one. */
export function BeforeAfterTable({ rows, caption }: { rows: FieldChange[]; caption?: string }) {
  return (
    <table class="before-after">
      {caption && <caption>{caption}</caption>}
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Before</th>
          <th scope="col">After</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.field}>
            <th scope="row">{row.field}</th>
            <td dir="auto">
              <del>{valueInWords(row.before)}</del>
            </td>
            <td dir="auto">
              <ins>{valueInWords(row.after)}</ins>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
