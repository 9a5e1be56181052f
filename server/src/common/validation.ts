import type { PipeTransform } from '@nestjs/common';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { validate } from '@mqlk/shared';
import { toJsonSchema } from '@valibot/to-json-schema';
import type * as v from 'valibot';
import { AppError } from './app-error';

/**
 * Validates one handler argument with a shared schema, the same one the mini-program's forms use:
 * `@ValidBody()` (common/contract/endpoint.ts) uses it with the route's contract schema. A failure is
 * VALIDATION_FAILED with one Chinese message per field in `details`.
 */
export class ValibotPipe<S extends v.GenericSchema>
  implements PipeTransform<unknown, v.InferOutput<S>>
{
  constructor(private readonly schema: S) {}

  transform(value: unknown): v.InferOutput<S> {
    const result = validate(this.schema, value);
    if (!result.ok) throw new AppError('VALIDATION_FAILED', result.issues);
    return result.value;
  }
}

/**
 * The OpenAPI schema of a valibot schema: what it accepts (`input`, for bodies and queries) or
 * what it produces (`output`, for answers). Parts JSON Schema cannot say are left out.
 */
export function openApiSchemaOf(
  schema: v.GenericSchema,
  typeMode: 'input' | 'output' = 'input',
): SchemaObject {
  const { $schema: _ignored, ...jsonSchema } = toJsonSchema(schema, {
    errorMode: 'ignore',
    typeMode,
  });
  return jsonSchema as SchemaObject;
}
