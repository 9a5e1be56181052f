import {
  applyDecorators,
  createParamDecorator,
  type ExecutionContext,
  Get,
  HttpCode,
  Post,
  SetMetadata,
} from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import {
  ApiBody,
  ApiConsumes,
  ApiDefaultResponse,
  ApiOperation,
  ApiQuery,
  ApiResponse,
} from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import {
  type ApiResponses,
  errorBodySchema,
  type RouteDef,
  ROUTES,
  type RouteName,
} from '@mqlk/shared';
import { NAMED_SCHEMAS, ROUTE_SCHEMAS, ROUTE_SUMMARIES } from '@mqlk/shared/server';
import type * as v from 'valibot';
import { Public, Roles } from '../auth/decorators';
import { openApiSchemaOf, ValibotPipe } from '../validation';

/** The contract route a handler serves (metadata on the handler, and Fastify route config). */
export const ENDPOINT = 'mqlk:endpoint';

const API_PREFIX = '/api/';

/**
 * Serves one route of the shared contract (`shared/src/api/contract.ts`): its method and path,
 * the success status, who may call it, and its OpenAPI answers, all taken from the contract. The
 * handler must return the answer the contract declares, or the type check fails.
 */
export function Endpoint<K extends RouteName>(name: K) {
  const def: RouteDef = ROUTES[name];
  const schemas = ROUTE_SCHEMAS[name] as {
    response: v.GenericSchema;
    body?: v.GenericSchema;
    query?: v.GenericSchema;
  };
  if (!def.path.startsWith(API_PREFIX)) throw new Error(`${name}: path must start with /api/`);
  const path = def.path.slice(API_PREFIX.length);
  const decorators = [
    def.method === 'GET' ? Get(path) : Post(path),
    HttpCode(def.status),
    SetMetadata(ENDPOINT, name),
    RouteConfig({ endpoint: name }),
    ApiOperation({ operationId: name, summary: ROUTE_SUMMARIES[name] }),
    ApiResponse({
      status: def.status,
      description: ROUTE_SUMMARIES[name],
      content: def.produces
        ? { [def.produces]: { schema: { type: 'string', format: 'binary' } } }
        : { 'application/json': { schema: schemaOrRef(schemas.response) } },
    }),
    ApiDefaultResponse({
      description: '拒绝或出错：`code` 见 shared/src/errors/codes.ts，`message` 是中文提示',
      content: { 'application/json': { schema: schemaOrRef(errorBodySchema) } },
    }),
  ];
  if (def.access === 'public') decorators.push(Public());
  else if (def.access !== 'signed_in') decorators.push(Roles(...def.access));
  if (schemas.body) decorators.push(ApiBody({ schema: openApiSchemaOf(schemas.body, 'input') }));
  if (def.upload) {
    decorators.push(
      ApiConsumes('multipart/form-data'),
      ApiBody({
        schema: {
          type: 'object',
          properties: { [def.upload]: { type: 'string', format: 'binary' } },
          required: [def.upload],
        },
      }),
    );
  }
  if (schemas.query) {
    const properties = (openApiSchemaOf(schemas.query, 'input').properties ?? {}) as Record<
      string,
      object
    >;
    for (const [key, schema] of Object.entries(properties)) {
      decorators.push(ApiQuery({ name: key, required: false, schema }));
    }
  }
  const apply = applyDecorators(...decorators);
  return <T extends (...args: never[]) => ApiResponses[K] | Promise<ApiResponses[K]>>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<T>,
  ): void => {
    apply(target, key, descriptor);
  };
}

/** The names the OpenAPI document files shared answers under (`components.schemas`). */
const NAME_OF = new Map<v.GenericSchema, string>(
  Object.entries(NAMED_SCHEMAS).map(([name, schema]) => [schema, name]),
);

function schemaOrRef(schema: v.GenericSchema): SchemaObject | { $ref: string } {
  const name = NAME_OF.get(schema);
  return name ? { $ref: `#/components/schemas/${name}` } : openApiSchemaOf(schema, 'output');
}

/** The named answers, written out once for the OpenAPI document's `components.schemas`. */
export function namedSchemas(): Record<string, SchemaObject> {
  return Object.fromEntries(
    Object.entries(NAMED_SCHEMAS).map(([name, schema]) => [
      name,
      openApiSchemaOf(schema, 'output'),
    ]),
  );
}

function endpointOf(ctx: ExecutionContext): RouteName {
  const name = Reflect.getMetadata(ENDPOINT, ctx.getHandler()) as RouteName | undefined;
  if (!name) throw new Error('@ValidBody/@ValidQuery need @Endpoint on the handler');
  return name;
}

function parse(schema: v.GenericSchema | undefined, name: RouteName, value: unknown): unknown {
  if (!schema) throw new Error(`${name}: the contract declares no such input`);
  return new ValibotPipe(schema).transform(value);
}

/** The JSON body, validated with the contract's schema for the handler's route. */
export const ValidBody = createParamDecorator((_data: unknown, ctx: ExecutionContext) => {
  const name = endpointOf(ctx);
  const body = ctx.switchToHttp().getRequest<{ body?: unknown }>().body;
  return parse((ROUTE_SCHEMAS[name] as { body?: v.GenericSchema }).body, name, body ?? {});
});

/** The query string, validated with the contract's schema for the handler's route. */
export const ValidQuery = createParamDecorator((_data: unknown, ctx: ExecutionContext) => {
  const name = endpointOf(ctx);
  const query = ctx.switchToHttp().getRequest<{ query?: unknown }>().query;
  return parse((ROUTE_SCHEMAS[name] as { query?: v.GenericSchema }).query, name, query ?? {});
});
