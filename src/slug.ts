/** `<slug>` of the contract: lower-cased, runs of non-alphanumerics replaced by `-`, trimmed of `-`. */
export function slugify(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
