import { type ApiCall, type ApiResponses, pathOf, ROUTES, type RouteName } from '@mqlk/shared';

import { request } from '../http';

/**
 * Calls one route of the shared contract by name: its method and path come from the contract,
 * and so does the type of its answer, so this client cannot drift from the server.
 */
export function call<K extends RouteName>(name: K, args: ApiCall<K>): Promise<ApiResponses[K]> {
  const def = ROUTES[name];
  return request<ApiResponses[K]>({
    method: def.method,
    path: pathOf(name, args.params ?? {}),
    ...(args.body !== undefined ? { data: args.body } : {}),
    ...(args.query !== undefined
      ? { query: args.query as Record<string, string | number | boolean | undefined> }
      : {}),
    ...(args.idempotencyKey ? { idempotencyKey: args.idempotencyKey } : {}),
  });
}
