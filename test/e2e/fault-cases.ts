// The token-endpoint fault matrix (issue 4, case 7), shared by the Newman and the Postman CLI suites so both
// runners are held to the same cases.
import { FAULT_BODIES, type TokenFault } from './servers/token-server.js';

export interface FaultCase {
  fault: Exclude<TokenFault, 'none'> | 'refused';
  /** What the failing test's message must name besides the token URL. */
  mentions: (string | RegExp)[];
  /** Whether the next request gets a token (503 once, then OK). */
  recovers: boolean;
}

const oauthError = (fault: 'status-500' | 'status-503-once' | 'invalid-client', status: string) => [
  status,
  FAULT_BODIES[fault].error,
  FAULT_BODIES[fault].error_description,
];

export const FAULT_CASES: FaultCase[] = [
  { fault: 'status-500', mentions: oauthError('status-500', '500'), recovers: false },
  { fault: 'status-503-once', mentions: oauthError('status-503-once', '503'), recovers: true },
  { fault: 'slow', mentions: [/time(d)?[ -]?out|ETIMEDOUT|ESOCKETTIMEDOUT/i], recovers: false },
  { fault: 'non-json', mentions: ['200', /json/i], recovers: false },
  { fault: 'no-access-token', mentions: ['200', 'access_token'], recovers: false },
  { fault: 'invalid-client', mentions: oauthError('invalid-client', '401'), recovers: false },
  { fault: 'refused', mentions: [/ECONNREFUSED|refused/i], recovers: false },
];
