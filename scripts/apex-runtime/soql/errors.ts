/**
 * A query the platform would reject: the runtime throws `System.QueryException` with `message` (platform wording,
 * SOQL and SOSL Reference / observed org messages). For static SOQL the same texts are compile errors.
 */
export class SoqlQueryError extends Error {
  readonly exceptionType = 'System.QueryException';
  constructor(
    message: string,
    /** Character index in the query text, when known. */
    readonly offset?: number,
    /** For user-mode access failures: the inaccessible `Object.Field` names (`QueryException.getInaccessibleFields`). */
    readonly inaccessibleFields?: Map<string, Set<string>>
  ) {
    super(message);
    this.name = 'SoqlQueryError';
  }
}

/** A construct this engine does not evaluate: the runtime reports the test as UNSUPPORTED, never a wrong result. */
export class SoqlUnsupportedError extends Error {
  constructor(
    readonly construct: string,
    readonly offset?: number
  ) {
    super(`unsupported SOQL construct ${construct}`);
    this.name = 'SoqlUnsupportedError';
  }
}
