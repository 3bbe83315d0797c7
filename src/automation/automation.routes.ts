import { type TObject, type TProperties, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';

import { AUTOMATION_TRIGGERS } from '../db/schema.js';
import { NullableInteger, OrNull, VersionField, errorResponses } from '../server/schemas.js';
import { expectedVersionOf, withVersionCheck } from '../server/versioning.js';
import type { AutomationRule } from './automation-rules.js';
import { getAutomationSettings, saveAutomationSettings } from './automation-settings.service.js';

const TriggerSchema = Type.Union(
  AUTOMATION_TRIGGERS.map((trigger) => Type.Literal(trigger)),
  { description: 'leadStatusSet: a person\'s lead status is set to leadStatusId; saleRegistered, saleSold, saleLost: a sale of the company is registered, sold or lost' },
);

const RuleSchema = Type.Object(
  {
    trigger: TriggerSchema,
    enabled: Type.Boolean(),
    leadStatusId: Type.Union([Type.Integer({ minimum: 1, maximum: 2147483647 }), Type.Null()], { description: 'the lead status that fires the leadStatusSet rule; null for the sale rules' }),
    targetCategoryId: Type.Union([Type.Integer({ minimum: 1, maximum: 2147483647 }), Type.Null()], { description: 'the category the company moves to; required when enabled' }),
    askConfirmation: Type.Boolean({ description: 'offer the change to the user instead of making it' }),
  },
  { additionalProperties: false },
);

const SettingsResponse = Type.Object({
  rules: Type.Array(
    Type.Object({
      trigger: Type.String({ enum: [...AUTOMATION_TRIGGERS] }),
      enabled: Type.Boolean(),
      leadStatusId: NullableInteger,
      targetCategoryId: NullableInteger,
      askConfirmation: Type.Boolean(),
    }),
    { description: 'always the four rules, in the order leadStatusSet, saleRegistered, saleSold, saleLost' },
  ),
  version: Type.Integer(),
});

const SettingsBody = Type.Object(
  { rules: Type.Array(RuleSchema, { minItems: 4, maxItems: 4 }), version: Type.Optional(VersionField) },
  { additionalProperties: false },
);

/**
 * What category automation did to a company in the same request: `applied` true when the category
 * was changed, false when the rule needs confirmation and only suggests the change. Null when
 * no rule changed or suggested anything.
 */
export const AutomationOutcomeSchema = OrNull(
  Type.Object(
    {
      trigger: Type.String({ enum: [...AUTOMATION_TRIGGERS] }),
      companyId: Type.Integer(),
      companyName: Type.String(),
      fromCategoryId: NullableInteger,
      suggestedCategoryId: Type.Integer(),
      suggestedCategoryName: Type.String({ description: "in the user's language" }),
      applied: Type.Boolean({ description: 'true: the category was changed; false: a suggestion to confirm with PATCH /api/companies/{companyId}' }),
      companyVersion: Type.Integer({ description: 'the company version after this request, for the PATCH that accepts a suggestion' }),
    },
    {
      description:
        'Category automation in this request: applied (true) or suggested for confirmation (false); null when no rule fired. Bulk updates and imports apply rules without confirmation and skip those with it.',
    },
  ),
);

/** Builds a response schema of an entity's properties plus the automation outcome. */
export function withAutomation<T extends TProperties>(entity: TObject<T>) {
  return Type.Object({ ...entity.properties, automation: AutomationOutcomeSchema });
}

export async function automationRoutes(app: FastifyInstance): Promise<void> {
  app.get(
    '/api/automation-rules',
    {
      schema: {
        tags: ['automation'],
        summary: 'The category automation rules; readable by every signed-in user, so the web app can tell whether a change is automated',
        response: { 200: SettingsResponse, ...errorResponses },
      },
    },
    async () => getAutomationSettings(app.db),
  );

  app.put(
    '/api/automation-rules',
    {
      config: { admin: true },
      schema: {
        tags: ['automation'],
        summary: 'Replace the four category automation rules (administrators only); needs the version they were read at, as If-Match header or version field',
        body: SettingsBody,
        response: { 200: SettingsResponse, ...errorResponses },
      },
    },
    async (request) => {
      const body = request.body as { rules: AutomationRule[]; version?: number };
      const { version, fromHeader } = expectedVersionOf(request, body.version);
      return withVersionCheck(fromHeader, () => app.db.transaction().execute((trx) => saveAutomationSettings(trx, request.actor, body.rules, version)));
    },
  );
}
