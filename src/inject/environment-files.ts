import { resolve } from 'node:path';
import { environmentTemplates, environmentVariables } from '../plan/environments.js';
import { postmanEnvironment } from '../postman/environment.js';
import type { ResolvedConfig } from '../config/resolved.js';
import { childPointer } from '../json/pointer.js';
import { slugify } from '../slug.js';
import type { Warnings } from '../warnings.js';
import { jsonText, type OutputFile } from '../write-files.js';
import type { InjectResult } from './inject-collection.js';

/**
 * The environment templates of `--env-dir` for an injected collection: the config's environments (else one
 * `default`), each variable the collection uses, secret ones empty. A configured value of a variable used as a
 * credential is left out with a warning.
 */
export function environmentFiles(
  result: InjectResult,
  opts: { collectionName: string; config: ResolvedConfig; envDir: string; warnings: Warnings },
): OutputFile[] {
  const { collectionName: name, config, envDir, warnings } = opts;
  const slug = slugify(name) || 'collection';
  const environments = Object.keys(config.environments).length ? config.environments : { default: {} };
  // A configured value of a variable the collection uses as a credential would put a secret in a template.
  for (const [env, values] of Object.entries(environments)) {
    for (const key of result.secretVariables) {
      if (values[key]) {
        warnings.add(
          `{{${key}}} is used where a secret goes, so the template leaves it empty; pass it at run time: newman run … --env-var ${key}=…`,
          {
            file: config.configFile,
            pointer: childPointer(childPointer('/environments', env), key),
          },
        );
      }
    }
  }
  return environmentTemplates({
    collectionName: name,
    idRoot: slug,
    environments,
    variables: environmentVariables(result.variables, result.collectionVariables, config.auth),
    secrets: [...config.secretVariables, ...result.secretVariables, ...result.secretValues.map((v) => v.key)],
  }).map((t) => ({
    path: resolve(envDir, `${slug}.${t.name}.postman_environment.json`),
    content: jsonText(postmanEnvironment(t)),
  }));
}
