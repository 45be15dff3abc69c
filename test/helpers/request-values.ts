// The config of the request-values e2e cases (test/bruno/request-values.test.ts, test/postman-cli/request-values.test.ts)
// and what each of its requests must carry: what Newman sends for the same config's v2.1 collection (measured,
// Newman 6), which the other runners must match. Found by running real specs' outputs in all three runners:
// - postman-v3: a value a YAML 1.1 reader takes for a date or a number (`2025-10-15T13:51:01.572Z`, `1_000`) made
//   the Postman CLI's v3 runtime skip the request without a word;
// - bruno: disabled query parameters and form fields were sent (the URL held them; the form lost `disabled`);
// - both: `&` and `#` in a query value, `=` in a key, written as is into the URL the runner sends;
// - postman (v2.1): Newman dropped a GET request's body, which the other runners send.
import type { RecordedRequest } from './recording-server.js';

/** The items of the config (its `base_url` is the recording server). */
export const REQUEST_VALUE_ITEMS = [
  {
    name: 'Dates',
    url: '{{base_url}}/dates',
    query: { when: '2025-10-15T13:51:01.572Z', n: '1_000', d: '2024-01-01', o: '0o17' },
    headers: { 'X-When': '2024-12-31 10:00:00' },
  },
  {
    name: 'Chars',
    url: '{{base_url}}/chars',
    query: [
      { key: 'amp', value: 'x&y=z' },
      { key: 'hash', value: 'a#b' },
      { key: 'plus', value: '1+1 2' },
      { key: 'pct', value: 'a%20b' },
      { key: 'k=1', value: 'v' },
      { key: 'off', value: 'no', disabled: true },
    ],
  },
  {
    name: 'Form',
    method: 'POST',
    url: '{{base_url}}/form',
    body: {
      urlencoded: [
        { key: 'a', value: '1' },
        { key: 'b', value: '2', disabled: true },
      ],
    },
  },
  {
    name: 'Multipart',
    method: 'POST',
    url: '{{base_url}}/multipart',
    body: {
      form: [
        { key: 'a', value: '1' },
        { key: 'b', value: '2', disabled: true },
      ],
    },
  },
  { name: 'Search', url: '{{base_url}}/search', body: { json: { q: 'x' } } },
];

/** What a recorded request is compared on: method, URL as sent, the one header, the body (a multipart one's fields). */
export function sent(r: RecordedRequest): [string, string, string | undefined, string] {
  const fields = Array.from(r.body.matchAll(/name="([^"]*)"\r\n\r\n([^\r]*)/g), (m) => `${m[1]}=${m[2]}`);
  const multipart = /^multipart\//.test(String(r.headers['content-type']));
  return [r.method, r.url, r.headers['x-when'] as string | undefined, multipart ? fields.join('&') : r.body];
}

/** Newman's requests for the config, as `sent` shows them. */
export const NEWMAN_SENT: ReturnType<typeof sent>[] = [
  ['GET', '/dates?when=2025-10-15T13:51:01.572Z&n=1_000&d=2024-01-01&o=0o17', '2024-12-31 10:00:00', ''],
  ['GET', '/chars?amp=x%26y=z&hash=a%23b&plus=1+1%202&pct=a%20b&k%3D1=v', undefined, ''],
  ['POST', '/form', undefined, 'a=1'],
  ['POST', '/multipart', undefined, 'a=1'],
  ['GET', '/search', undefined, '{\n  "q": "x"\n}'],
];
