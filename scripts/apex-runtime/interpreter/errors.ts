/** Control flow and outcomes of the interpreter, kept apart from Apex values. */
import type { ApexObject } from './objects';

/** A construct, method or behaviour the runtime does not implement: the test becomes UNSUPPORTED, never a pass. */
export class UnsupportedError extends Error {
  constructor(
    readonly what: string,
    readonly line: number,
    public where = ''
  ) {
    super(`${what} (line ${line})`);
    this.name = 'UnsupportedError';
  }
}

/** An Apex exception in flight. */
export class ApexThrown extends Error {
  constructor(readonly exception: ApexObject) {
    super('Apex exception');
    this.name = 'ApexThrown';
  }
}

export class ReturnSignal {
  constructor(readonly value: unknown) {}
}

export const BREAK = { signal: 'break' };
export const CONTINUE = { signal: 'continue' };
