import type { WarningSink } from './spec-lines.js';
import type { JsonObject } from '../json/json-value.js';
import type { LocalRefs } from './local-refs.js';
import type { SpecVersion } from './spec-version.js';

/** What every mapping step reads: the spec, where it came from, its version, its refs and the warnings. */
export interface SpecContext {
  spec: JsonObject;
  /** The spec file as the user named it, for messages. */
  file: string;
  version: SpecVersion;
  refs: LocalRefs;
  warnings: WarningSink;
}
