/** A token URL as messages show it: without query and user info, where credentials could hide. */
export function shownUrl(url: string): string {
  return url.split('?')[0]!.replace(/\/\/[^/]*@/, '//');
}

/**
 * Why a resolved token URL must not be used (token rule 12), '' when it may: it has no scheme (a runner would
 * send it as plain HTTP), or it is not https while its host is not loopback and the auth does not allow HTTP.
 */
export function unsafeTokenUrl(url: string): string {
  // Scheme, then the host without user info: a name, an IPv4 address or an [IPv6] literal.
  const [, scheme, host] = /^([a-z][\w+.-]*):\/\/(?:[^/?#@]*@)?(\[[^\]]*\]|[^/?#:]*)/i.exec(url) ?? [];
  const loopback = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i.test(host!);
  const why = !scheme
    ? 'has no scheme (write https://…)'
    : scheme.toLowerCase() === 'https' || loopback || genCollection.allowHttp
      ? ''
      : 'is not https (use https://, or "allowHttp": true in the auth for plain HTTP in CI)';
  return why && `the token URL ${shownUrl(url)} ${why}`;
}
