// OpenAPI 3.1 generated from the endpoint declarations in @lm/core: the same routes and zod
// schemas the server mounts and validates with, so the document cannot drift from the API.
import { contract, Empty, type Endpoint, type ErrorCode, openApiPath, paramNames, Problem } from "@lm/core";
import { z } from "zod";

function schema(s: z.ZodType, io: "input" | "output") {
  return z.toJSONSchema(s, { target: "draft-2020-12", io, unrepresentable: "any" });
}

function pathParameters(ep: Endpoint) {
  const declared = ep.params ? (schema(ep.params, "input") as { properties?: Record<string, unknown> }) : null;
  return paramNames(ep.path).map((name) => ({
    name,
    in: "path",
    required: true,
    schema: declared?.properties?.[name] ?? { type: "string", format: "uuid" },
  }));
}

function queryParameters(q: z.ZodType) {
  const js = schema(q, "input") as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(js.properties ?? {}).map(([name, s]) => ({
    name,
    in: "query",
    required: js.required?.includes(name) ?? false,
    schema: s,
  }));
}

/** The codes an endpoint may answer: the declared ones and those its input and access imply. */
function errorCodes(ep: Endpoint): ErrorCode[] {
  const implied: ErrorCode[] = [];
  if (ep.params || ep.query || ep.body || paramNames(ep.path).length) implied.push("validation_error");
  if (ep.access === "user" || ep.access === "verified" || ep.access === "moderator") implied.push("unauthorized");
  if (ep.access === "verified") implied.push("email_not_verified");
  if (ep.access === "moderator") implied.push("forbidden");
  return [...new Set([...implied, ...ep.errors])];
}

const binary = (type: string) => ({ [type]: { schema: { type: "string", format: "binary" } } });

function operation(ep: Endpoint) {
  const authed = ep.access !== "none" && ep.access !== "optional";
  return {
    tags: [ep.tag],
    summary: ep.summary,
    security: authed ? [{ bearer: [] }] : [],
    parameters: [...pathParameters(ep), ...(ep.query ? queryParameters(ep.query) : [])],
    // The strict empty object (logout, resend) is what sending no body means: documented as none.
    ...(ep.body && ep.body !== Empty
      ? {
          requestBody: {
            required: true,
            content: { [ep.bodyType ?? "application/json"]: { schema: schema(ep.body, "input") } },
          },
        }
      : {}),
    responses: {
      [String(ep.status)]: ep.response
        ? { description: "OK", content: { "application/json": { schema: schema(ep.response, "output") } } }
        : ep.responseType
          ? { description: "OK", content: binary(ep.responseType) }
          : { description: "OK" },
      ...(ep.responseType === "video/mp4"
        ? { "206": { description: "The requested byte range", content: binary("video/mp4") } }
        : {}),
      default: {
        description: "Problem details",
        content: { "application/problem+json": { schema: schema(Problem, "output") } },
      },
    },
    "x-error-codes": errorCodes(ep),
  };
}

/** Every declared endpoint, in declaration order. */
export function allEndpoints(): Endpoint[] {
  return Object.values(contract()).flatMap((feature) => Object.values(feature) as Endpoint[]);
}

export function openApiDocument(serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const ep of allEndpoints()) {
    const path = openApiPath(ep.path);
    paths[path] ??= {};
    paths[path][ep.method.toLowerCase()] = operation(ep);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Little Monster API",
      version: "1.0.0",
      description: "The HTTP contract of Little Monster (api-v1.md).",
    },
    servers: [{ url: serverUrl }],
    components: { securitySchemes: { bearer: { type: "http", scheme: "bearer", bearerFormat: "JWT" } } },
    paths,
  };
}
