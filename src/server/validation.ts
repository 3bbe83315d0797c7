import { FormatRegistry, type TSchema } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { type ValueError, ValueErrorType } from '@sinclair/typebox/errors';
import { Value } from '@sinclair/typebox/value';
import type { FastifySchemaCompiler } from 'fastify';

import { AppError, type FieldError, type FieldErrorCode } from '../errors/app-error.js';
import { findUnstorableText } from '../errors/unstorable-text.js';

FormatRegistry.Set('email', (value) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value));
FormatRegistry.Set('date-time', (value) => !Number.isNaN(Date.parse(value)) && /^\d{4}-\d{2}-\d{2}T/.test(value));
FormatRegistry.Set('date', (value) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)));
FormatRegistry.Set('phone', isPhoneNumber);
FormatRegistry.Set('website', isWebsite);

/**
 * Accepts a phone number as people write it: digits with spaces, dashes, dots, slashes or brackets, a
 * leading "+" for the country code, 6 to 17 digits in all ("020-123 45 67", "+31 (0)6 1234 5678").
 */
export function isPhoneNumber(value: string): boolean {
  if (!/^\+?[0-9][0-9 ()./-]*$/.test(value.trim()) || /[^0-9]{3}/.test(value.replace(/ /g, ''))) return false;
  const digits = value.replace(/\D/g, '').length;
  return digits >= 6 && digits <= 17;
}

/**
 * Accepts a web address with or without http(s)://: a host name with at least one dot and a top-level
 * domain of letters, then an optional port and path ("bakkerij.nl", "https://www.bakkerij.nl/over").
 */
export function isWebsite(value: string): boolean {
  return /^(https?:\/\/)?([\p{L}\p{N}]([\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,}(:\d{1,5})?([/?#][^\s]*)?$/iu.test(value);
}

/** Says in words what a schema accepts, for union errors that TypeBox reports only generically. */
function describeExpected(schema: TSchema): string {
  const members = (schema.anyOf as TSchema[] | undefined) ?? [];
  const literals = members.filter((member) => member.const !== undefined).map((member) => JSON.stringify(member.const));
  if (literals.length > 0 && literals.length === members.length) return `must be one of ${literals.join(', ')}`;

  const nonNull = members.filter((member) => member.type !== 'null');
  const orNull = nonNull.length < members.length ? ' or null' : '';
  const parts = nonNull.map((member) => describeType(member));
  return `must be ${parts.join(' or ')}${orNull}`;
}

function describeType(schema: TSchema): string {
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.type === 'integer') return 'a whole number' + (schema.maximum !== undefined ? ` from ${schema.minimum ?? 0} to ${schema.maximum}` : '');
  if (schema.type === 'string' && schema.format === 'email') return 'a valid email address';
  if (schema.type === 'string' && schema.format === 'phone') return 'a phone number of 6 to 17 digits, such as +31 20 123 4567';
  if (schema.type === 'string' && schema.format === 'website') return 'a web address such as www.example.nl';
  if (schema.type === 'string') return 'text' + (schema.maxLength !== undefined ? ` of at most ${schema.maxLength} characters` : '');
  if (schema.anyOf) return describeExpected(schema).replace(/^must be /, '');
  return String(schema.type ?? 'a valid value');
}

/**
 * Finds a path or query parameter that should be a whole number but is written otherwise, such as
 * "1.5", "01", "1e0" or " 1". Converting those would quietly read them as 1.
 */
function findLooseWholeNumber(schema: TSchema, input: unknown): { field: string; text: string } | null {
  if (input === null || typeof input !== 'object' || schema.properties === undefined) return null;
  for (const [key, text] of Object.entries(input as Record<string, unknown>)) {
    const property = (schema.properties as Record<string, TSchema>)[key];
    if (property === undefined || typeof text !== 'string') continue;
    const members = (property.anyOf as TSchema[] | undefined) ?? [property];
    const wantsInteger = members.some((member) => member.type === 'integer');
    const matchesLiteral = members.some((member) => member.const === text);
    if (wantsInteger && !matchesLiteral && !/^-?(0|[1-9][0-9]*)$/.test(text)) return { field: `/${key}`, text };
  }
  return null;
}

/**
 * Returns the errors inside an object given to a field of one object type or null, such as a
 * period whose days are not a number, which TypeBox reports only as a union mismatch of the field.
 */
function objectMemberErrors(error: ValueError): ValueError[] | null {
  if (error.type !== ValueErrorType.Union || error.value === null || typeof error.value !== 'object' || Array.isArray(error.value)) return null;
  const objects = ((error.schema.anyOf as TSchema[] | undefined) ?? []).filter((member) => member.type === 'object');
  if (objects.length !== 1) return null;
  const inner = [...Value.Errors(objects[0] as TSchema, error.value)].map((item) => ({ ...item, path: `${error.path}${item.path}` }));
  return inner.length > 0 ? inner : null;
}

function fieldErrorCode(error: ValueError): FieldErrorCode {
  switch (error.type) {
    case ValueErrorType.ObjectRequiredProperty:
      return 'required';
    case ValueErrorType.StringMinLength:
      return error.schema.minLength === 1 ? 'required' : 'invalid';
    case ValueErrorType.StringMaxLength:
      return 'tooLong';
    case ValueErrorType.ObjectAdditionalProperties:
      return 'unknownField';
    case ValueErrorType.StringFormat:
      return formatCode(error.schema);
    case ValueErrorType.Union:
      return typeof error.value === 'string' ? textUnionCode(error.schema, error.value) : 'invalid';
    default:
      return 'invalid';
  }
}

function formatCode(schema: TSchema): FieldErrorCode {
  return ['email', 'phone', 'website'].includes(schema.format as string) ? (schema.format as FieldErrorCode) : 'invalid';
}

/** Returns the code for text given to a field of text or null, which TypeBox reports only as a union mismatch. */
function textUnionCode(schema: TSchema, value: string): FieldErrorCode {
  const text = ((schema.anyOf as TSchema[] | undefined) ?? []).find((member) => member.type === 'string');
  if (text === undefined) return 'invalid';
  if (text.maxLength !== undefined && value.length > text.maxLength) return 'tooLong';
  if (text.minLength === 1 && value === '') return 'required';
  return text.format === undefined ? 'invalid' : formatCode(text);
}

/**
 * Replaces blank text with null in body fields that take formatted text or null, such as an
 * optional phone number or web address. Forms send an emptied field as "", which means "no value"
 * there, while any other text must still match the format.
 */
function blankFormattedTextToNull(schema: TSchema, input: unknown): unknown {
  const properties = schema.properties as Record<string, TSchema> | undefined;
  if (properties === undefined || typeof input !== 'object' || input === null || Array.isArray(input)) return input;

  let output: Record<string, unknown> | null = null;
  for (const [name, value] of Object.entries(input)) {
    if (typeof value !== 'string' || value.trim() !== '') continue;
    const members = (properties[name]?.anyOf as TSchema[] | undefined) ?? [];
    const takesNull = members.some((member) => member.type === 'null');
    const takesFormattedText = members.some((member) => member.type === 'string' && member.format !== undefined);
    if (!takesNull || !takesFormattedText) continue;
    output ??= { ...(input as Record<string, unknown>) };
    output[name] = null;
  }
  return output ?? input;
}

/**
 * Validates request parts with TypeBox. Bodies are checked strictly: a wrongly typed or unknown
 * field is rejected, never coerced or dropped. Query strings and path parameters arrive as text,
 * so they are converted to the schema's types first.
 */
export const validatorCompiler: FastifySchemaCompiler<TSchema> = ({ schema, httpPart }) => {
  const compiled = TypeCompiler.Compile(schema);
  const convert = httpPart !== 'body';

  return (input: unknown) => {
    const badText = findUnstorableText(input, '');
    if (badText !== null) {
      const message = 'contains a NUL character or an unpaired UTF-16 surrogate, which cannot be stored';
      return { error: new AppError('VALIDATION_FAILED', `${badText || '/'}: ${message}`, [{ field: badText || '/', message, code: 'invalid' }]) };
    }

    let value = convert ? input : blankFormattedTextToNull(schema, input);
    if (convert) {
      const loose = findLooseWholeNumber(schema, input);
      if (loose !== null) {
        const message = `must be a whole number written in digits, such as 12, got ${JSON.stringify(loose.text)}`;
        return { error: new AppError('VALIDATION_FAILED', `${loose.field}: ${message}`, [{ field: loose.field, message, code: 'invalid' }]) };
      }
      value = Value.Default(schema, Value.Convert(schema, structuredClone(input)));
    }
    if (compiled.Check(value)) return { value };

    const fields: FieldError[] = [];
    for (const error of compiled.Errors(value)) {
      for (const item of objectMemberErrors(error) ?? [error]) {
        const message = item.message === 'Expected union value' ? describeExpected(item.schema) : item.message;
        fields.push({ field: item.path || '/', message, code: fieldErrorCode(item) });
      }
      if (fields.length >= 20) break;
    }
    const where = httpPart === 'body' ? 'request body' : httpPart === 'querystring' ? 'query string' : (httpPart ?? 'request');
    const summary = fields.map((field) => `${field.field}: ${field.message}`).join('; ');
    return { error: new AppError('VALIDATION_FAILED', `invalid ${where}: ${summary}`, fields) };
  };
};
