import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';

import { auditLogRoutes } from '../audit/audit-log.routes.js';
import { registerAuthentication } from '../auth/auth.plugin.js';
import { automationRoutes } from '../automation/automation.routes.js';
import { UserSchema, authRoutes } from '../auth/auth.routes.js';
import { CompanySchema, companyRoutes } from '../companies/company.routes.js';
import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import { CompanyLeadStatusChangeSchema, LeadStatusChangeSchema } from '../leads/lead-status-history.js';
import { CategorySchema, LeadStatusSchema, listItemRoutes } from '../lists/list-items.routes.js';
import { PersonSchema, personRoutes } from '../persons/person.routes.js';
import { bulkUpdateRoutes } from '../bulk/bulk-update.routes.js';
import { preferenceRoutes } from '../preferences/preference.routes.js';
import { SaleSchema, saleRoutes } from '../sales/sale.routes.js';
import { SelectionSchema, selectionRoutes } from '../selections/selection.routes.js';
import { dashboardRoutes } from '../dashboards/dashboard.routes.js';
import { TileSchema } from '../dashboards/tile.js';
import { userRoutes } from '../users/user.routes.js';
import './fastify-types.js';
import { registerProblemHandlers, sendClientErrorProblem, sendRouteNotFound } from './problem.js';
import { Problem } from './schemas.js';
import { validatorCompiler } from './validation.js';

export interface AppOptions {
  db: Db;
  config: Config;
  /** A pino logger; without one the app logs nothing (as in tests). */
  logger?: FastifyBaseLogger;
  /** Folder with the built web app; served at / when it exists. */
  webRoot?: string;
  /** The clock for relative periods and days in status; tests fix it. Defaults to the system time. */
  clock?: () => Date;
}

const defaultWebRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');

/** Builds the HTTP application: the REST API under /api and the web app at /. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    bodyLimit: 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
    trustProxy: true,
    routerOptions: { maxParamLength: 200 },
    clientErrorHandler: sendClientErrorProblem,
  });
  app.decorate('db', options.db);
  app.decorate('config', options.config);
  app.decorate('clock', options.clock ?? (() => new Date()));
  app.setValidatorCompiler(validatorCompiler);
  registerProblemHandlers(app);

  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    // Name shared component schemas by their $id (Person, Company …) instead of def-0, def-1 ….
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, index) => (typeof json.$id === 'string' ? json.$id : `def-${index}`) },
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Trechter API',
        version: '0.1.0',
        description:
          'Lead management: companies, persons, categories and lead statuses. Sign in with POST /api/auth/login (session cookie plus X-CSRF-Token for writes) or send an API token as "Authorization: Bearer trt_…".',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'trechter_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
  });
  for (const schema of [Problem, UserSchema, CategorySchema, LeadStatusSchema, CompanySchema, PersonSchema, LeadStatusChangeSchema, CompanyLeadStatusChangeSchema, SelectionSchema, SaleSchema, TileSchema]) {
    app.addSchema(schema);
  }
  registerAuthentication(app);

  await app.register(authRoutes);
  await app.register(userRoutes);
  await app.register(listItemRoutes);
  await app.register(companyRoutes);
  await app.register(personRoutes);
  await app.register(preferenceRoutes);
  await app.register(selectionRoutes);
  await app.register(bulkUpdateRoutes);
  await app.register(automationRoutes);
  await app.register(saleRoutes);
  await app.register(auditLogRoutes);
  await app.register(dashboardRoutes);

  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
  app.get('/api/health', { config: { public: true }, schema: { hide: true } }, async () => ({ status: 'ok' }));

  await registerWebApp(app, options.webRoot ?? defaultWebRoot);
  return app;
}

/** Serves the built web app and returns index.html for unknown non-API paths, for client routing. */
async function registerWebApp(app: FastifyInstance, webRoot: string): Promise<void> {
  const built = existsSync(path.join(webRoot, 'index.html'));
  if (built) {
    const { default: fastifyStatic } = await import('@fastify/static');
    await app.register(fastifyStatic, { root: webRoot, wildcard: false });
  } else {
    app.log.warn({ webRoot }, 'web app not built; only the API is served');
  }

  app.setNotFoundHandler((request, reply) => {
    if (built && request.method === 'GET' && !request.url.startsWith('/api/')) return reply.sendFile('index.html');
    return sendRouteNotFound(request, reply);
  });
}
