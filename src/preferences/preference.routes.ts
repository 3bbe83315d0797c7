import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';

import { AppError, notFound } from '../errors/app-error.js';
import { errorResponses } from '../server/schemas.js';

const MAX_VALUE_BYTES = 64 * 1024;
const KeyParams = Type.Object({ key: Type.String({ minLength: 1, maxLength: 100, pattern: '^[a-zA-Z0-9:._-]+$' }) });

/** Per-user settings such as a list's columns, widths, filters, sort and grouping. */
export async function preferenceRoutes(app: FastifyInstance): Promise<void> {
  app.get(
    '/api/preferences/:key',
    { schema: { tags: ['preferences'], summary: "One of the signed-in user's saved settings", params: KeyParams, response: { 200: Type.Object({ value: Type.Unknown() }), ...errorResponses } } },
    async (request) => {
      const { key } = request.params as { key: string };
      const row = await app.db.selectFrom('user_preferences').select('value').where('user_id', '=', request.user.id).where('key', '=', key).executeTakeFirst();
      if (!row) throw notFound('preference', key);
      return { value: row.value };
    },
  );

  app.put(
    '/api/preferences/:key',
    {
      schema: {
        tags: ['preferences'],
        summary: 'Save a setting for the signed-in user (any JSON up to 64 kB)',
        params: KeyParams,
        body: Type.Object({ value: Type.Unknown() }, { additionalProperties: false }),
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { key } = request.params as { key: string };
      const { value } = request.body as { value: unknown };
      const json = JSON.stringify(value ?? null);
      if (Buffer.byteLength(json) > MAX_VALUE_BYTES) {
        throw new AppError('VALIDATION_FAILED', `a preference may hold at most ${MAX_VALUE_BYTES} bytes of JSON`, [{ field: '/value', message: 'too large' }]);
      }
      await app.db
        .insertInto('user_preferences')
        .values({ user_id: request.user.id, key, value: json })
        .onConflict((conflict) => conflict.columns(['user_id', 'key']).doUpdateSet({ value: json, updated_at: new Date() }))
        .execute();
      return reply.code(204).send();
    },
  );
}
