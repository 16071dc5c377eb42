/**
 * The OpenAPI 3.1 document of /api/v1, generated from the zod schemas the handlers use: query
 * parameters from lib/query-params.ts, bodies from lib/entry-input.ts and lib/api-schemas.ts,
 * responses from lib/api-schemas.ts and lib/summary-schema.ts. Prose comes from
 * lib/api-document.en.json, kept out of the message catalogue because it quotes literal `<token>`
 * and `{ … }`, which the catalogue's precompiled ICU messages would read as tags and arguments.
 * Nothing here is written by hand twice.
 */
import { z } from 'zod';
import {
  OpenApiGeneratorV31,
  OpenAPIRegistry,
  zodToOpenAPIRegistry,
  type RouteConfig,
} from '@asteasolutions/zod-to-openapi';
import text from './api-document.en.json';
import {
  ACTOR_LIST_PARAMETERS,
  COMMITMENT_LIST_PARAMETERS,
  ENTRY_LIST_PARAMETERS,
  ENTRY_PAGE_PARAMETERS,
  FEED_PARAMETERS,
  MATRIX_PARAMETERS,
  PAGE_PARAMETERS,
  PAIR_LIST_PARAMETERS,
  PARAMETERS,
  SUMMARY_PARAMETERS,
  type ParameterName,
} from './query-params';
import {
  actorListSchema,
  actorResponseSchema,
  apiErrorSchema,
  commitmentListSchema,
  commitmentResponseSchema,
  entryBatchBodySchema,
  entryCreateBodySchema,
  entryListSchema,
  EXPORT_DATASETS,
  EXPORT_FORMATS,
  exportJsonSchema,
  MAX_BODY_BYTES,
  publishedEntryResponseSchema,
  roundListSchema,
  roundResponseSchema,
  roundStatusParameter,
  transitionBodySchemas,
  writtenEntryBatchResponseSchema,
  writtenEntryResponseSchema,
  type Transition,
} from './api-schemas';
import { matrixPageResponseSchema, summarySchema } from './summary-schema';
import { pairListResponseSchema } from './pair-schema';

type OperationId = keyof typeof text.operations;

/**
 * A copy of a schema with OpenAPI metadata (a component name, a description, an example). The
 * copy has the same definition, so it validates exactly like the original the handler uses;
 * copying (as `.openapi()` does) leaves the shared original untouched.
 */
function documented<T extends z.ZodType>(
  schema: T,
  metadata: { refId?: string; description?: string; example?: unknown },
): T {
  const copy = new (schema.constructor as new (def: T['_zod']['def']) => T)(schema._zod.def);
  const { refId, ...rest } = metadata;
  zodToOpenAPIRegistry.add(copy, { ...(refId ? { _internal: { refId } } : {}), ...rest } as never);
  return copy;
}

export const EXAMPLE_ENTRY = {
  idempotencyKey: 'report-2026-06-aldoria-tip-01',
  commitment: 'TIP-01',
  subject: 1,
  status: 'substantial',
  asOf: '2026-06-30',
  summary: 'National referral mechanism adopted',
  narrative:
    'The cabinet adopted the national referral mechanism for victims of trafficking in June.',
  measures: ['policy', 'institution'],
  evidence: [
    {
      url: 'https://example.org/cabinet-decision-12-2026',
      title: 'Cabinet decision 12/2026',
      relation: 'supports',
    },
  ],
  confidence: null,
  adverseEffects: false,
  adverseEffectsDescription: null,
  supersedes: null,
  action: 'submit',
} as const;

const schemas = {
  error: documented(apiErrorSchema, { refId: 'Error' }),
  commitmentList: documented(commitmentListSchema, { refId: 'CommitmentList' }),
  commitment: documented(commitmentResponseSchema, { refId: 'CommitmentResponse' }),
  actorList: documented(actorListSchema, { refId: 'ActorList' }),
  actor: documented(actorResponseSchema, { refId: 'ActorResponse' }),
  entryList: documented(entryListSchema, { refId: 'PublishedEntryList' }),
  publishedEntry: documented(publishedEntryResponseSchema, { refId: 'PublishedEntryResponse' }),
  writtenEntry: documented(writtenEntryResponseSchema, { refId: 'WrittenEntryResponse' }),
  entryCreate: documented(entryCreateBodySchema, {
    refId: 'EntryCreateBody',
    example: EXAMPLE_ENTRY,
  }),
  entryBatch: documented(entryBatchBodySchema, {
    refId: 'EntryBatchBody',
    example: { entries: [EXAMPLE_ENTRY] },
  }),
  writtenEntries: documented(writtenEntryBatchResponseSchema, {
    refId: 'WrittenEntryBatchResponse',
  }),
  summary: documented(summarySchema, { refId: 'Summary' }),
  matrix: documented(matrixPageResponseSchema, { refId: 'MatrixPage' }),
  pairs: documented(pairListResponseSchema, { refId: 'PairList' }),
  exportJson: documented(exportJsonSchema, { refId: 'ExportJson' }),
  roundList: documented(roundListSchema, { refId: 'RoundList' }),
  round: documented(roundResponseSchema, { refId: 'RoundResponse' }),
  document: z.object({
    openapi: z.string(),
    info: z.object({ title: z.string(), version: z.string() }),
    paths: z.record(z.string(), z.unknown()),
  }),
};

const transitionBodies: Record<Transition, z.ZodType> = {
  submit: documented(transitionBodySchemas.submit, { refId: 'EmptyBody' }),
  publish: documented(transitionBodySchemas.publish, { refId: 'EmptyBody' }),
  return: documented(transitionBodySchemas.return, {
    refId: 'ReturnBody',
    example: { note: 'Please add the number of the cabinet decision.' },
  }),
  withdraw: documented(transitionBodySchemas.withdraw, {
    refId: 'WithdrawBody',
    example: { reason: 'Published for the wrong state by mistake.' },
  }),
};

/** The query parameters a route accepts, each with the schema its handler parses it with. */
function query(names: readonly ParameterName[]) {
  return z.object(
    Object.fromEntries(
      names.map((name) => [
        name,
        documented(PARAMETERS[name], { description: text.parameters[name] }).optional(),
      ]),
    ),
  );
}

const json = (
  schema: z.ZodType,
  description: string,
  headers?: Record<string, { description: string; schema: { type: 'string' } }>,
) => ({
  description,
  ...(headers ? { headers } : {}),
  content: { 'application/json': { schema } },
});
const stringHeader = (description: string) => ({
  description,
  schema: { type: 'string' as const },
});
const error = (
  description: string,
  headers?: Record<string, { description: string; schema: { type: 'string' } }>,
) => json(schemas.error, description, headers);

const readHeaders = { ETag: stringHeader(text.headers.etag) };
const listHeaders = { ...readHeaders, Link: stringHeader(text.headers.link) };
const ifNoneMatch = z.object({
  'If-None-Match': z.string().optional().describe(text.parameters.ifNoneMatch),
});

function read(
  operationId: OperationId,
  tag: string,
  path: string,
  config: {
    query?: readonly ParameterName[];
    params?: z.ZodObject;
    ok: z.ZodType;
    list?: boolean;
    notFound?: boolean;
  },
): RouteConfig {
  return {
    method: 'get',
    path,
    operationId,
    tags: [tag],
    summary: text.operations[operationId].summary,
    description: text.operations[operationId].description,
    request: {
      query: query(config.query ?? []),
      ...(config.params ? { params: config.params } : {}),
      headers: ifNoneMatch,
    },
    responses: {
      200: json(
        config.ok,
        config.list ? text.responses.list : text.responses.ok,
        config.list ? listHeaders : readHeaders,
      ),
      304: { description: text.responses.notModified, headers: readHeaders },
      400: error(text.responses.invalidParameter),
      ...(config.notFound ? { 404: error(text.responses.notFound) } : {}),
    },
  };
}

const writeErrors = {
  400: error(text.responses.invalidBody),
  401: error(text.responses.unauthorized, {
    'WWW-Authenticate': stringHeader(text.headers.wwwAuthenticate),
  }),
  403: error(text.responses.forbidden),
  413: error(text.responses.tooLarge),
  415: error(text.responses.unsupportedMediaType),
  429: error(text.responses.rateLimited, { 'Retry-After': stringHeader(text.headers.retryAfter) }),
};
/** A conflict is only possible where the workflow can report one: a used key, a correction overtaken. */
const conflict = { 409: error(text.responses.conflict) };

const idParam = z.object({
  id: documented(PARAMETERS.subject, { description: text.parameters.id }),
});

/** The parameters of each export: those of its page and API route (db/exports/datasets.ts). */
export const EXPORT_PARAMETERS: Record<(typeof EXPORT_DATASETS)[number], readonly ParameterName[]> =
  {
    commitments: COMMITMENT_LIST_PARAMETERS,
    actors: ACTOR_LIST_PARAMETERS,
    entries: ENTRY_LIST_PARAMETERS.filter((name) => name !== 'page' && name !== 'limit'),
    matrix: SUMMARY_PARAMETERS,
    summary: SUMMARY_PARAMETERS,
  };

const TRANSITION_OPERATIONS: Record<Transition, OperationId> = {
  submit: 'submitEntry',
  publish: 'publishEntry',
  return: 'returnEntry',
  withdraw: 'withdrawEntry',
};
const TRANSITION_BODY_TEXT: Record<Transition, string> = {
  submit: text.bodies.empty,
  publish: text.bodies.empty,
  return: text.bodies.returnEntry,
  withdraw: text.bodies.withdrawEntry,
};

function register(registry: OpenAPIRegistry): void {
  registry.registerComponent('securitySchemes', 'apiToken', {
    type: 'http',
    scheme: 'bearer',
    description: text.auth,
  });
  registry.registerPath(
    read('listCommitments', 'commitments', '/api/v1/commitments', {
      query: [...COMMITMENT_LIST_PARAMETERS, ...PAGE_PARAMETERS],
      ok: schemas.commitmentList,
      list: true,
    }),
  );
  registry.registerPath(
    read('getCommitment', 'commitments', '/api/v1/commitments/{code}', {
      params: z.object({
        code: documented(PARAMETERS.commitment, { description: text.parameters.code }),
      }),
      ok: schemas.commitment,
      notFound: true,
    }),
  );
  registry.registerPath(
    read('listActors', 'actors', '/api/v1/actors', {
      query: [...ACTOR_LIST_PARAMETERS, ...PAGE_PARAMETERS],
      ok: schemas.actorList,
      list: true,
    }),
  );
  registry.registerPath(
    read('getActor', 'actors', '/api/v1/actors/{id}', {
      params: idParam,
      ok: schemas.actor,
      notFound: true,
    }),
  );
  registry.registerPath(
    read('listEntries', 'entries', '/api/v1/entries', {
      query: ENTRY_PAGE_PARAMETERS,
      ok: schemas.entryList,
      list: true,
    }),
  );
  registry.registerPath(
    read('getEntry', 'entries', '/api/v1/entries/{id}', {
      params: idParam,
      ok: schemas.publishedEntry,
      notFound: true,
    }),
  );
  registry.registerPath({
    method: 'post',
    path: '/api/v1/entries',
    operationId: 'createEntry',
    tags: ['entries'],
    summary: text.operations.createEntry.summary,
    description: text.operations.createEntry.description,
    security: [{ apiToken: [] }],
    request: {
      body: {
        description: text.bodies.createEntry,
        required: true,
        content: { 'application/json': { schema: schemas.entryCreate } },
      },
    },
    responses: {
      201: json(schemas.writtenEntry, text.responses.created),
      200: json(schemas.writtenEntry, text.responses.retried),
      ...writeErrors,
      ...conflict,
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/v1/entries/batch',
    operationId: 'createEntries',
    tags: ['entries'],
    summary: text.operations.createEntries.summary,
    description: text.operations.createEntries.description,
    security: [{ apiToken: [] }],
    request: {
      body: {
        description: text.bodies.createEntries,
        required: true,
        content: { 'application/json': { schema: schemas.entryBatch } },
      },
    },
    responses: {
      201: json(schemas.writtenEntries, text.responses.createdBatch),
      200: json(schemas.writtenEntries, text.responses.retriedBatch),
      ...writeErrors,
      ...conflict,
    },
  });
  for (const transition of Object.keys(TRANSITION_OPERATIONS) as Transition[]) {
    const operationId = TRANSITION_OPERATIONS[transition];
    const optional = transition === 'submit' || transition === 'publish';
    registry.registerPath({
      method: 'post',
      path: `/api/v1/entries/{id}/${transition}`,
      operationId,
      tags: ['entries'],
      summary: text.operations[operationId].summary,
      description: text.operations[operationId].description,
      security: [{ apiToken: [] }],
      request: {
        params: idParam,
        body: {
          description: TRANSITION_BODY_TEXT[transition],
          required: !optional,
          content: { 'application/json': { schema: transitionBodies[transition] } },
        },
      },
      responses: {
        200: json(schemas.writtenEntry, text.responses.transitioned),
        ...writeErrors,
        404: error(text.responses.notFound),
        ...(transition === 'publish' ? conflict : {}),
      },
    });
  }
  registry.registerPath(
    read('getSummary', 'figures', '/api/v1/summary', {
      query: SUMMARY_PARAMETERS,
      ok: schemas.summary,
    }),
  );
  registry.registerPath(
    read('getMatrix', 'figures', '/api/v1/matrix', {
      query: MATRIX_PARAMETERS,
      ok: schemas.matrix,
      list: true,
    }),
  );
  registry.registerPath(
    read('listPairs', 'figures', '/api/v1/pairs', {
      query: PAIR_LIST_PARAMETERS,
      ok: schemas.pairs,
      list: true,
    }),
  );
  const listRounds = read('listRounds', 'rounds', '/api/v1/rounds', {
    query: PAGE_PARAMETERS,
    ok: schemas.roundList,
    list: true,
  });
  registry.registerPath({
    ...listRounds,
    request: {
      ...listRounds.request,
      query: z.object({
        status: documented(roundStatusParameter, {
          description: text.parameters.roundStatus,
        }).optional(),
        ...query(PAGE_PARAMETERS).shape,
      }),
    },
  });
  registry.registerPath(
    read('getRound', 'rounds', '/api/v1/rounds/{id}', {
      query: PAGE_PARAMETERS,
      params: idParam,
      ok: schemas.round,
      list: true,
      notFound: true,
    }),
  );
  const feed = read('getEntriesFeed', 'entries', '/api/v1/feeds/entries.atom', {
    query: FEED_PARAMETERS,
    ok: z.string(),
  });
  registry.registerPath({
    ...feed,
    responses: {
      ...feed.responses,
      200: {
        description: text.responses.feed,
        headers: readHeaders,
        content: { 'application/atom+xml': { schema: z.string() } },
      },
    },
  });
  for (const dataset of EXPORT_DATASETS) {
    const operationId = `export${dataset[0]!.toUpperCase()}${dataset.slice(1)}` as OperationId;
    registry.registerPath({
      method: 'get',
      path: `/api/v1/exports/${dataset}.{format}`,
      operationId,
      tags: ['exports'],
      summary: text.operations[operationId].summary,
      description: `${text.operations[operationId].description} ${text.exports}`,
      request: {
        query: query(EXPORT_PARAMETERS[dataset]),
        params: z.object({ format: z.enum(EXPORT_FORMATS).describe(text.parameters.format) }),
      },
      responses: {
        200: {
          description: text.responses.export,
          headers: { 'Content-Disposition': stringHeader(text.headers.contentDisposition) },
          content: {
            'text/csv': { schema: z.string() },
            'application/json': { schema: schemas.exportJson },
          },
        },
        400: error(text.responses.invalidParameter),
        404: error(text.responses.noSuchExport),
      },
    });
  }
  registry.registerPath({
    method: 'get',
    path: '/api/v1/openapi.json',
    operationId: 'getOpenApi',
    tags: ['meta'],
    summary: text.operations.getOpenApi.summary,
    description: text.operations.getOpenApi.description,
    responses: { 200: json(schemas.document, text.responses.document) },
  });
}

export type OpenApiDocument = ReturnType<OpenApiGeneratorV31['generateDocument']>;

let cached: OpenApiDocument | null = null;

/** The document, generated once per process (it depends on code only, never on data). */
export function openApiDocument(): OpenApiDocument {
  if (cached) return cached;
  const registry = new OpenAPIRegistry();
  register(registry);
  cached = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: text.title,
      version: '1.0.0',
      description: [text.description, text.auth, text.errors, text.pagination, text.caching].join(
        '\n\n',
      ),
    },
    tags: (Object.keys(text.tags) as (keyof typeof text.tags)[]).map((name) => ({
      name,
      description: text.tags[name],
    })),
    'x-body-limit-bytes': MAX_BODY_BYTES,
  } as Parameters<OpenApiGeneratorV31['generateDocument']>[0]);
  return cached;
}
