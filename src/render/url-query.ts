/**
 * One query entry as URL text, for the formats whose runners send the URL as written (postman-v3's `url`, Bruno's
 * `http.url`): `&` and `#` percent-encoded, and `=` in the key, as Newman sends a v2.1 request from its query list.
 * Everything else stays as written (`%20`, `+`, `{{variables}}`), as Newman leaves it. Unencoded, `x&y=z` went out
 * as two parameters, and `a#b` cut the query at `#` (Bruno CLI 4.1.0; the Postman CLI's v3 runtime added `y=z`).
 */
export function queryEntryText(key: string, value: string): string {
  return `${key.replace(/[&#=]/g, percent)}=${value.replace(/[&#]/g, percent)}`;
}

function percent(char: string): string {
  return `%${char.charCodeAt(0).toString(16).toUpperCase()}`;
}
