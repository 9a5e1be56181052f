/**
 * What only the server reads: each route's request and answer schemas, its summary, and the named
 * schemas of the OpenAPI document (`@mqlk/shared/server`). Kept out of the main entry so that the
 * mini-program's bundle, and the size it is held to, carry none of it.
 */
export * from './api/route-schemas';
