import { openApiDocument } from '@/lib/openapi';
import { invalidParameters, methodsNotAllowed, parseRequestQuery } from '../_lib/respond';

/** The OpenAPI document: code, not data, so it may be cached for an hour. It takes no parameters. */
export function GET(request: Request) {
  const query = parseRequestQuery(request, []);
  if (!query.ok) return invalidParameters(query.errors);
  return Response.json(openApiDocument(), {
    headers: { 'Cache-Control': 'public, max-age=3600', 'Access-Control-Allow-Origin': '*' },
  });
}

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(['GET']);
