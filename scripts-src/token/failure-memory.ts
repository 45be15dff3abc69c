import * as runtime from '../runtime/runtime.ts';
import type { TokenFailure } from './token-failure.ts';

// Run-local memory (runtime.ts): lasts through a run, exported nowhere, kept when the failing request is
// skipped. Named after the access token variable (a profile's once selected), so each token remembers its own failure.
const memoryKey = () => `gen_collection_failure_${genCollection.vars.accessToken}`;

/** The last failure of the primary grant: for which inputs (a fingerprint), why, and when to try again. */
interface Memory extends TokenFailure {
  inputs: string;
  /** Transient failures in a row for these inputs. */
  failures: number;
  /** Epoch ms before which a transient failure is not retried. */
  retryAt: number;
}

/** The failure remembered for these inputs, if any (only this script writes the memory: it parses). */
function recallFailure(inputs: string): Memory | undefined {
  const memory: Partial<Memory> = JSON.parse(runtime.recall(memoryKey()) || '{}');
  return memory.inputs === inputs ? (memory as Memory) : undefined;
}

/**
 * Why no token request may be sent now for these inputs, '' when one may: after a permanent failure none is
 * sent again in the run, after a transient one none before its backoff window ends.
 */
export function heldBack(inputs: string): string {
  const memory = recallFailure(inputs);
  return memory && (!memory.transient || memory.retryAt > Date.now()) ? report(memory) : '';
}

/**
 * Remembers a failure of the primary grant and reports it. A transient one waits twice as long as the one
 * before it for the same inputs, 1 s to 30 s from now, or as long as `Retry-After` asks when that is longer.
 */
export function rememberFailure(inputs: string, failure: TokenFailure): string {
  const failures = (recallFailure(inputs)?.failures ?? 0) + 1;
  const retryAt = Date.now() + Math.max(Math.min(1000 * 2 ** (failures - 1), 30_000), failure.retryAfterMs);
  const memory: Memory = { ...failure, inputs, failures, retryAt };
  runtime.remember(memoryKey(), JSON.stringify(memory));
  return report(memory);
}

/** Forgets the failure: a token came back. */
export function forgetFailure(): void {
  if (runtime.recall(memoryKey())) runtime.remember(memoryKey(), '');
}

function report({ problem, transient, retryAt }: Memory): string {
  return `${problem} (${transient ? `next try in ${Math.ceil((retryAt - Date.now()) / 1000)} s` : 'not tried again in this run with the same token URL and credentials'})`;
}
