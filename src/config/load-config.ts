import { basename, extname } from 'node:path';
import { GenCollectionError } from '../errors.js';
import { stripBom } from '../json/json-value.js';
import { readInputFile } from '../read-input.js';
import type { Locate } from '../json/locate.js';
import { parseJson } from '../json/parse-json.js';
import { parseYaml } from '../json/parse-yaml.js';

export type ConfigFormat = 'json' | 'yaml';

/** A config file read and parsed, not yet validated. */
export interface LoadedConfig {
  /** The parsed top-level object. */
  config: unknown;
  /** The file as the caller named it (used in messages). */
  file: string;
  format: ConfigFormat;
  /** Source position of a JSON pointer's key, for messages. */
  locate: Locate;
}

/** Reads a config file, JSON or YAML by extension (`.yaml`/`.yml` are YAML, anything else JSON); throws GenCollectionError (exit 2). */
export async function loadConfigFile(file: string): Promise<LoadedConfig> {
  return parseConfigText(await readConfigText(file), file);
}

/** The format a config file name implies. */
export function configFormatOf(file: string): ConfigFormat {
  return /^\.ya?ml$/i.test(extname(file)) ? 'yaml' : 'json';
}

/** Parses config text already read (a UTF-8 BOM is dropped); `file` names it in messages. */
export function parseConfigText(text: string, file: string, format: ConfigFormat = configFormatOf(file)): LoadedConfig {
  const source = stripBom(text);
  if (source.trim() === '') {
    throw new GenCollectionError('config-parse', 'the config file is empty', { file, fix: EMPTY_FIX });
  }
  const parsed = format === 'yaml' ? parseYaml(source, file) : parseJsonOrExplainYaml(source, file);
  const { value, locate } = parsed;
  if (value === null || value === undefined) {
    throw new GenCollectionError('config-parse', 'the config file holds no settings (only comments or null)', {
      file,
      fix: EMPTY_FIX,
    });
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    const found = Array.isArray(value) ? 'a list' : `a ${typeof value}`;
    const what = format === 'yaml' ? 'a mapping of keys' : 'a JSON object';
    throw new GenCollectionError('config-invalid', `the top level must be ${what}, not ${found}`, {
      file,
      pointer: '',
      ...locate(''),
      fix:
        format === 'yaml'
          ? 'start the file with keys, e.g. name: Orders API'
          : 'wrap the settings in { … }, e.g. { "name": "Orders API" }',
    });
  }
  return { config: value, file, format, locate };
}

const EMPTY_FIX = 'run `gen-collection init` for a starter config, or write at least { "name": "My API" }';

function parseJsonOrExplainYaml(source: string, file: string): ReturnType<typeof parseJson> {
  try {
    return parseJson(source, file);
  } catch (error) {
    if (!/^\s*[[{]/.test(source) && holdsYamlObject(source, file)) {
      const yamlName = basename(file, extname(file)) + '.yaml';
      throw new GenCollectionError('config-parse', 'the file holds YAML, but its name says JSON', {
        file,
        fix: `rename it to ${yamlName} (YAML is read from .yaml/.yml files), or write it as JSON`,
      });
    }
    throw error;
  }
}

function holdsYamlObject(source: string, file: string): boolean {
  try {
    const { value } = parseYaml(source, file);
    return value !== null && typeof value === 'object' && !Array.isArray(value);
  } catch {
    return false;
  }
}

function readConfigText(file: string): Promise<string> {
  return readInputFile(file, {
    what: 'the config',
    code: 'config-read',
    missingFix: 'check the path given with -c, or run `gen-collection init` to create a config',
  });
}
