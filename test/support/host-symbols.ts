import { addAbortListener } from 'node:events';

/**
 * Jest runs each test file in its own VM context, whose `Symbol` lacks the `Symbol.dispose` that Node 22 adds to the
 * main context. undici (under jsforce) reads the disposer of `events.addAbortListener` through `Symbol.dispose` and
 * fails with "removeAbortListener is not a function". This gives the test context Node's own symbol, found on the
 * disposable that Node returns.
 */
export function shareHostSymbolDispose(): void {
  if ((Symbol as { dispose?: symbol }).dispose !== undefined) {
    return;
  }
  const disposable = addAbortListener(new AbortController().signal, () => undefined);
  const hostDispose = Object.getOwnPropertySymbols(disposable).find((symbol) =>
    ['nodejs.dispose', 'Symbol.dispose'].includes(symbol.description ?? '')
  );
  if (hostDispose !== undefined) {
    Object.defineProperty(Symbol, 'dispose', { value: hostDispose });
  }
}
