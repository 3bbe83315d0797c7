import { FormatRegistry, type TSchema } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { Value } from '@sinclair/typebox/value';
import type { FastifySchemaCompiler } from 'fastify';

import { AppError, type FieldError } from '../errors/app-error.js';

FormatRegistry.Set('email', (value) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value));
FormatRegistry.Set('date-time', (value) => !Number.isNaN(Date.parse(value)) && /^\d{4}-\d{2}-\d{2}T/.test(value));
FormatRegistry.Set('date', (value) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)));

/**
 * Validates request parts with TypeBox. Bodies are checked strictly: a wrongly typed or unknown
 * field is rejected, never coerced or dropped. Query strings and path parameters arrive as text,
 * so they are converted to the schema's types first.
 */
export const validatorCompiler: FastifySchemaCompiler<TSchema> = ({ schema, httpPart }) => {
  const compiled = TypeCompiler.Compile(schema);
  const convert = httpPart !== 'body';

  return (input: unknown) => {
    let value = input;
    if (convert) {
      value = Value.Default(schema, Value.Convert(schema, structuredClone(input)));
    }
    if (compiled.Check(value)) return { value };

    const fields: FieldError[] = [];
    for (const error of compiled.Errors(value)) {
      fields.push({ field: error.path || '/', message: error.message });
      if (fields.length >= 20) break;
    }
    const where = httpPart === 'body' ? 'request body' : httpPart === 'querystring' ? 'query string' : (httpPart ?? 'request');
    const summary = fields.map((field) => `${field.field}: ${field.message}`).join('; ');
    return { error: new AppError('VALIDATION_FAILED', `invalid ${where}: ${summary}`, fields) };
  };
};
