import { Type } from '@sinclair/typebox';

import { NullableInteger, NullableString } from './schemas.js';

/** Query strings of list and group-count routes; the criteria parser validates their content. */
export const ListQuerystring = Type.Object(
  {
    filter: Type.Optional(Type.String({ maxLength: 100_000, description: 'JSON criteria: one set [{"field","operator","values"}] whose lines are ANDed, or an array of such sets, which are ORed' })),
    sort: Type.Optional(Type.String({ maxLength: 200, description: 'up to 3 comma-separated fields, "-" prefix for descending, e.g. "lastName" or "-registeredAt"' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, description: 'page size, default 50' })),
    cursor: Type.Optional(Type.String({ maxLength: 16_000, description: 'nextCursor of the previous page' })),
    includeDeleted: Type.Optional(Type.Boolean()),
    includeTotal: Type.Optional(Type.Boolean({ description: 'false skips counting the total (total is then null); later pages rarely need it' })),
  },
  { additionalProperties: false },
);

export const GroupQuerystring = Type.Object(
  {
    by: Type.String({ minLength: 1, maxLength: 100, description: 'one or two comma-separated list fields, e.g. "leadStatus" or "category,leadStatus"' }),
    filter: Type.Optional(Type.String({ maxLength: 100_000 })),
    includeDeleted: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

const GroupValue = Type.Union([Type.Integer(), Type.String(), Type.Boolean(), Type.Null()]);

export const GroupCountsSchema = Type.Object({
  total: Type.Integer(),
  groups: Type.Array(
    Type.Object({
      keys: Type.Array(Type.Object({ field: Type.String(), value: GroupValue, label: NullableString, deleted: Type.Boolean() })),
      count: Type.Integer(),
    }),
  ),
});

export function pageSchema(itemRef: string) {
  return Type.Object({
    items: Type.Array(Type.Ref(itemRef)),
    total: NullableInteger,
    nextCursor: NullableString,
  });
}
