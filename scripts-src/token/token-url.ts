/**
 * Why a resolved token URL must not be used (token rule 12), '' when it may: it has no scheme (a runner would
 * send it as plain HTTP), or it is not https while its host is not loopback and the auth does not allow HTTP.
 */
export function unsafeTokenUrl(url: string): string {
  // Scheme, then the host without user info: a name, an IPv4 address or an [IPv6] literal.
  const parts = /^([a-z][\w+.-]*):\/\/(?:[^/?#@]*@)?(\[[^\]]*\]|[^/?#:]*)/i.exec(url);
  const shown = url.split('?')[0]!.replace(/\/\/[^/]*@/, '//');
  if (!parts) return `the token URL ${shown} has no scheme (write https://…)`;
  const loopback = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i.test(parts[2]!);
  if (parts[1]!.toLowerCase() === 'https' || loopback || genCollection.allowHttp) return '';
  return `the token URL ${shown} is not https (use https://, or "allowHttp": true in the auth for plain HTTP in CI)`;
}
