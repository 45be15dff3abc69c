import { hooks } from './hooks.ts';

/**
 * Presents a valid token on the request being sent. Bearer needs nothing here: the collection's Bearer auth
 * reads the stored variable. A presentation feature (DPoP's proof header) hooks in.
 */
export function present(token: string): void {
  for (const hook of hooks.present) hook(token);
}
