/** The `info.schema` of a Postman v2.1 collection. */
export const COLLECTION_SCHEMA_V21 = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';

/** A Postman v2.1 collection as gen-collection writes it. */
export interface PostmanCollection {
  info: { _postman_id: string; name: string; description?: string; schema: string };
  item: object[];
  auth?: object;
  event?: object[];
  variable?: { key: string; value: string; type?: string }[];
}
