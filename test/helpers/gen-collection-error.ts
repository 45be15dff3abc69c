import { GenCollectionError } from '../../src/errors.js';

/** What a call gave: 'ok' when it returned (or resolved), else the GenCollectionError it threw; anything else fails the test. */
export async function okOrError(run: () => unknown): Promise<'ok' | GenCollectionError> {
  try {
    await run();
    return 'ok';
  } catch (error) {
    return ownError(error);
  }
}

/** The GenCollectionError a call throws or rejects with; fails the test when it returns or throws anything else. */
export async function thrownError(run: () => unknown): Promise<GenCollectionError> {
  const outcome = await okOrError(run);
  if (outcome === 'ok') throw new Error('expected a GenCollectionError, but the call returned');
  return outcome;
}

/** The GenCollectionError a synchronous call throws; fails the test when it returns or throws anything else. */
export function thrownErrorSync(run: () => unknown): GenCollectionError {
  try {
    run();
  } catch (error) {
    return ownError(error);
  }
  throw new Error('expected a GenCollectionError, but the call returned');
}

function ownError(error: unknown): GenCollectionError {
  if (error instanceof GenCollectionError) return error;
  const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
  throw new Error(`expected a GenCollectionError, got: ${text}`.slice(0, 2000), { cause: error });
}
