import { isObject } from '../json/json-value.js';

/** The registered 2xx codes: what a `2XX` response range accepts. */
const SUCCESS_CODES = [200, 201, 202, 203, 204, 205, 206, 207, 208, 226];

/** `expect.status` of an operation: its lowest documented 2xx code, else every 2xx code for a `2XX` range. */
export function expectedStatus(responses: unknown): number | number[] | undefined {
  if (!isObject(responses)) return undefined;
  const codes = Object.keys(responses);
  const explicit = codes.filter((c) => /^2\d\d$/.test(c)).map(Number);
  if (explicit.length) return Math.min(...explicit);
  return codes.some((c) => c.toUpperCase() === '2XX') ? SUCCESS_CODES : undefined;
}
