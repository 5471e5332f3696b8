type SqlValue = string | number;

/** Builds `a AND b AND …` with its parameters, skipping the filters a request left out. */
export class WhereClause {
  private readonly conditions: string[] = [];
  readonly params: SqlValue[] = [];

  and(condition: string, ...params: SqlValue[]): this {
    this.conditions.push(condition);
    this.params.push(...params);
    return this;
  }

  andIf(value: SqlValue | undefined, condition: string, param: (value: SqlValue) => SqlValue = (v) => v): this {
    return value === undefined ? this : this.and(condition, param(value));
  }

  toString(): string {
    return this.conditions.join(' AND ');
  }
}
