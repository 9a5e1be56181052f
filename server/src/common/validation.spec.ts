import * as v from 'valibot';
import { AppError } from './app-error';
import { ValibotPipe, openApiSchemaOf } from './validation';

const schema = v.object({
  text: v.pipe(v.string('请填写内容'), v.trim(), v.minLength(5, '内容太短了')),
  photos: v.optional(v.array(v.string()), []),
});

describe('ValibotPipe', () => {
  const pipe = new ValibotPipe(schema);

  it('returns the parsed value', () => {
    expect(pipe.transform({ text: '  路灯坏了三天  ' })).toEqual({
      text: '路灯坏了三天',
      photos: [],
    });
  });

  it('refuses with VALIDATION_FAILED and one message per field', () => {
    let error: unknown;
    try {
      pipe.transform({ text: '短', photos: [1] });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [
        { field: 'text', message: '内容太短了' },
        { field: 'photos.0', message: expect.any(String) },
      ],
    });
  });
});

describe('openApiSchemaOf', () => {
  it('describes what the schema accepts, without the $schema key OpenAPI 3.0 refuses', () => {
    expect(openApiSchemaOf(schema)).toEqual({
      type: 'object',
      properties: {
        text: { type: 'string', minLength: 5 },
        photos: { type: 'array', items: { type: 'string' }, default: [] },
      },
      required: ['text'],
    });
  });
});
