import type { NewmanFailure, NewmanResult } from '../e2e/newman.js';

/** The failure text as a user reads it: test name and message. */
export function failureText(failure: NewmanFailure): string {
  return `${failure.test ?? ''} ${failure.message}`;
}

/** A Newman run's outcome in one comparable object, so a failing expectation shows all of it at once. */
export function outcome(result: NewmanResult) {
  return {
    exitCode: result.exitCode,
    runError: result.runError,
    failures: result.failures.map(failureText),
    exceptions: result.exceptions,
  };
}

/** The `outcome` of a run where everything passed. */
export const GREEN = { exitCode: 0, runError: undefined, failures: [], exceptions: [] };

/** Everything a Newman run reported or printed that must hold no secret, by place. */
export function newmanTexts(result: NewmanResult): Record<string, string> {
  return {
    failures: JSON.stringify(result.failures),
    console: result.consoleLines.join('\n'),
    exceptions: result.exceptions.join('\n'),
  };
}
