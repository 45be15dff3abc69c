// The token-endpoint fault matrix (issue 4, case 7), shared by the Newman and the Postman CLI suites so both
// runners are held to the same cases.
import { FAULT_BODIES, type TokenFault } from './servers/token-server.js';

export interface FaultCase {
  fault: Exclude<TokenFault, 'none' | 'status-503-for' | 'status-429-once'> | 'refused';
  /** What the failing test's message must name besides the token URL. */
  mentions: (string | RegExp)[];
  /** Retried after the backoff window (DESIGN.md rule 9); a permanent failure is not asked again in the run. */
  transient: boolean;
  /** Whether the next request, after the window, gets a token (503 once, then OK). */
  recovers: boolean;
}

/** Pause between the two requests of a fault case: longer than the first backoff window (1 s). */
export const PAST_FIRST_BACKOFF_MS = 1_300;

const oauthError = (fault: 'status-500' | 'status-503-once' | 'invalid-client', status: string) => [
  status,
  FAULT_BODIES[fault].error,
  FAULT_BODIES[fault].error_description,
];

export const FAULT_CASES: FaultCase[] = [
  { fault: 'status-500', mentions: oauthError('status-500', '500'), transient: true, recovers: false },
  { fault: 'status-503-once', mentions: oauthError('status-503-once', '503'), transient: true, recovers: true },
  { fault: 'slow', mentions: [/time(d)?[ -]?out|ETIMEDOUT|ESOCKETTIMEDOUT/i], transient: true, recovers: false },
  { fault: 'non-json', mentions: ['200', /json/i], transient: false, recovers: false },
  { fault: 'no-access-token', mentions: ['200', 'access_token'], transient: false, recovers: false },
  { fault: 'invalid-client', mentions: oauthError('invalid-client', '401'), transient: false, recovers: false },
  { fault: 'refused', mentions: [/ECONNREFUSED|refused/i], transient: true, recovers: false },
];
