import { describe, expect, it } from 'vitest';
import { Validator } from '@seriousme/openapi-schema-validator';
import { EXAMPLE_ENTRY, EXPORT_PARAMETERS, openApiDocument } from './openapi';
import { DATASETS } from '../db/exports/datasets';
import { entryCreateBodySchema, transitionBodySchemas } from './api-schemas';
import { PARAMETERS } from './query-params';
import text from './api-document.en.json';

type Operation = {
  operationId: string;
  parameters?: { name: string; in: string }[];
  security?: unknown[];
  responses: Record<string, unknown>;
  requestBody?: unknown;
};
const operations = () =>
  Object.entries(openApiDocument().paths ?? {}).flatMap(([path, item]) =>
    Object.entries(item as Record<string, Operation>).map(([method, operation]) => ({
      path,
      method,
      operation,
    })),
  );

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document by a standard validator', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(openApiDocument()) as never);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('names every operation once, with the summary from the catalogue', () => {
    const ids = operations().map(({ operation }) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(Object.keys(text.operations).sort());
  });

  it('documents each query parameter with the schema the handler parses it with', () => {
    const listEntries = operations().find(
      ({ operation }) => operation.operationId === 'listEntries',
    )!.operation;
    const names = listEntries
      .parameters!.filter((parameter) => parameter.in === 'query')
      .map((parameter) => parameter.name);
    expect(names).toEqual([
      'commitment',
      'subject',
      'reporter',
      'status',
      'perspective',
      'from',
      'to',
      'asOf',
      'page',
      'limit',
      'cursor',
    ]);
    const limit = listEntries.parameters!.find(
      (parameter) => parameter.name === 'limit',
    ) as unknown as { schema: { minimum: number; maximum: number } };
    expect(PARAMETERS.limit.safeParse(String(limit.schema.maximum)).success).toBe(true);
    expect(PARAMETERS.limit.safeParse(String(limit.schema.maximum + 1)).success).toBe(false);
    expect(PARAMETERS.limit.safeParse(String(limit.schema.minimum - 1)).success).toBe(false);
  });

  it('documents how the entries list goes on by cursor and how far it counts', () => {
    const list = (
      openApiDocument().components?.schemas as Record<
        string,
        { properties: object; required: string[] }
      >
    ).PublishedEntryList!;
    expect(list.required).toEqual(expect.arrayContaining(['totalIsLowerBound', 'nextCursor']));
    expect(list.properties).toMatchObject({
      page: { type: ['integer', 'null'] },
      totalIsLowerBound: { type: 'boolean' },
      nextCursor: { type: ['string', 'null'] },
    });
    expect(openApiDocument().info.description).toContain('`cursor`');
  });

  it('requires a bearer token on every write and on no read', () => {
    for (const { method, operation } of operations()) {
      if (method === 'get') {
        expect(operation.security).toBeUndefined();
      } else {
        expect(operation.security).toEqual([{ apiToken: [] }]);
        expect(Object.keys(operation.responses)).toEqual(
          expect.arrayContaining(['400', '401', '403', '413', '415', '429']),
        );
      }
    }
    expect(openApiDocument().components?.securitySchemes?.apiToken).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
  });

  it('gives examples that the handlers accept', () => {
    expect(entryCreateBodySchema.safeParse(EXAMPLE_ENTRY).success).toBe(true);
    const schemas = openApiDocument().components?.schemas as Record<string, { example?: unknown }>;
    expect(transitionBodySchemas.return.safeParse(schemas.ReturnBody!.example).success).toBe(true);
    expect(transitionBodySchemas.withdraw.safeParse(schemas.WithdrawBody!.example).success).toBe(
      true,
    );
  });

  it('documents the entry body field by field, refusing unknown fields as the handler does', () => {
    const body = (
      openApiDocument().components?.schemas as Record<
        string,
        { properties: Record<string, unknown>; required: string[]; additionalProperties: unknown }
      >
    ).EntryCreateBody!;
    expect(Object.keys(body.properties).sort()).toEqual(
      Object.keys(entryCreateBodySchema.shape).sort(),
    );
    expect(body.required.sort()).toEqual([
      'asOf',
      'commitment',
      'idempotencyKey',
      'status',
      'subject',
      'summary',
    ]);
    expect(body.additionalProperties).toBe(false);
  });

  it('documents each export with exactly the parameters its handler accepts', () => {
    expect(Object.keys(EXPORT_PARAMETERS).sort()).toEqual(Object.keys(DATASETS).sort());
    for (const [dataset, { parameters }] of Object.entries(DATASETS)) {
      expect(EXPORT_PARAMETERS[dataset as keyof typeof EXPORT_PARAMETERS]).toEqual(parameters);
      const operation = operations().find(
        ({ path }) => path === `/api/v1/exports/${dataset}.{format}`,
      )!.operation;
      expect(
        operation
          .parameters!.filter((parameter) => parameter.in === 'query')
          .map((parameter) => parameter.name),
      ).toEqual([...parameters]);
    }
  });
});
