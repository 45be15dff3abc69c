/**
 * Modules the Postman sandbox provides through `require`: bundles leave these as `require` calls.
 * Source: the Postman sandbox documentation ("Using external libraries") and postman-sandbox's own list.
 */
export const SANDBOX_MODULES: readonly string[] = [
  'lodash',
  'crypto-js',
  'uuid',
  'chai',
  'moment',
  'ajv',
  'cheerio',
  'tv4',
  'xml2js',
  'csv-parse/lib/sync',
  'atob',
  'btoa',
  'buffer',
  'url',
  'util',
  'events',
  'stream',
  'timers',
  'querystring',
  'string_decoder',
  'path',
  'assert',
  'punycode',
];
