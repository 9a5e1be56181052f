import { errorBodySchema, type RouteDef, ROUTES, type RouteName } from '@mqlk/shared';
import { ROUTE_SCHEMAS } from '@mqlk/shared/server';
import type { FastifyInstance } from 'fastify';
import * as v from 'valibot';

export interface ContractViolation {
  endpoint: RouteName;
  status: number;
  issues: string[];
}

/**
 * For tests: checks every JSON answer of a contract route against the schema the contract
 * declares for it (the success schema and status, or the error body). A mismatch replaces the
 * answer with a 500 naming what is wrong, so whichever test made the call fails, and is handed to
 * `onViolation`. Production never pays for this.
 */
export function checkResponsesAgainstContract(
  fastify: FastifyInstance,
  onViolation: (violation: ContractViolation) => void = () => {},
): void {
  fastify.addHook('onSend', async (request, reply, payload) => {
    const endpoint = (request.routeOptions.config as { endpoint?: RouteName } | undefined)
      ?.endpoint;
    if (!endpoint || typeof payload !== 'string') return payload;
    const def: RouteDef = ROUTES[endpoint];
    if (def.produces) return payload;
    const status = reply.statusCode;
    const issues: string[] = [];
    const success = status < 400;
    if (success && status !== def.status) {
      issues.push(`status ${status}, the contract says ${def.status}`);
    }
    const schema = success ? ROUTE_SCHEMAS[endpoint].response : errorBodySchema;
    let body: unknown;
    try {
      body = JSON.parse(payload);
    } catch {
      issues.push('the answer is not JSON');
    }
    if (issues.length === 0) {
      const result = v.safeParse(schema as v.GenericSchema, body);
      if (!result.success) {
        issues.push(...result.issues.map((i) => `${v.getDotPath(i) ?? '(root)'}: ${i.message}`));
      }
    }
    if (issues.length === 0) return payload;
    onViolation({ endpoint, status, issues });
    void reply.code(500);
    return JSON.stringify({
      code: 'INTERNAL',
      message: `answer of ${endpoint} does not match the contract`,
      issues,
    });
  });
}
