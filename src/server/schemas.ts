import { type TSchema, Type } from '@sinclair/typebox';

/** Schemas shared by several routes. */

export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2147483647 }) });

export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    code: Type.String(),
    instance: Type.Optional(Type.String()),
    fields: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String() }))),
  },
  { $id: 'Problem', description: 'RFC 9457 problem details with a stable code' },
);

/** Optional nullable text of at most `maxLength` characters. */
export function OptionalText(maxLength = 200) {
  return Type.Optional(Type.Union([Type.String({ maxLength }), Type.Null()]));
}

export const OptionalId = Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 2147483647 }), Type.Null()]));

export const VersionField = Type.Integer({ minimum: 1, maximum: 2147483647, description: 'the version this change is based on' });

export const IncludeDeletedQuery = Type.Object({ includeDeleted: Type.Optional(Type.Boolean({ default: false })) });

export function ItemsOf<T extends TSchema>(item: T) {
  return Type.Object({ items: Type.Array(item) });
}

export const NullableString = Type.Union([Type.String(), Type.Null()]);
export const NullableInteger = Type.Union([Type.Integer(), Type.Null()]);
export const NamedRef = Type.Union([Type.Object({ id: Type.Integer(), name: Type.String() }), Type.Null()]);

export const errorResponses = {
  400: Type.Ref('Problem'),
  401: Type.Ref('Problem'),
  403: Type.Ref('Problem'),
  404: Type.Ref('Problem'),
  409: Type.Ref('Problem'),
  422: Type.Ref('Problem'),
};
