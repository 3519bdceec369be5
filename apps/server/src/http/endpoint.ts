// Mounts a route from its declaration in @lm/core: the method and path, the access guard, and
// parsing of params, query and body with the declared schemas come from there, so a handler
// only calls its service. A handler's return value is the answer (JSON, the declared status);
// one that returns nothing has answered itself (files, a status that depends on the result),
// except on a 204 endpoint, which the helper ends.
import { type Endpoint, Id, type PathParams, paramNames } from "@lm/core";
import type { Request, RequestHandler, Response, Router } from "express";
import { z } from "zod";
import { requireAuth, requireRole, requireVerified } from "./auth.js";
import { parse } from "./validate.js";

type Out<S, Else> = S extends z.ZodType ? z.output<S> : Else;

export interface Input<E extends Endpoint> {
  params: E["params"] extends z.ZodType ? z.output<E["params"]> : PathParams<E>;
  query: Out<E["query"], Request["query"]>;
  body: E["bodyType"] extends string ? unknown : Out<E["body"], unknown>;
}

export type Handler<E extends Endpoint> = (input: Input<E>, req: Request, res: Response) => unknown;

export interface MountOptions {
  /** Runs after the access guard, before parsing (a per-IP limit, a body parser). */
  before?: RequestHandler[];
  /** The service checks the query itself (a media token: a bad one is 401, not 400). */
  rawQuery?: boolean;
}

type Verb = "get" | "post" | "patch" | "delete";

/** Path parameters without a declared schema are uuids. */
const paramsSchema = (ep: Endpoint) =>
  ep.params ?? z.object(Object.fromEntries(paramNames(ep.path).map((name) => [name, Id])));

/** A mounter for one router (mounted at /api/v1) with the guards this server's config needs. */
export function endpointRouter(r: Router, config: { requireVerifiedEmail: boolean }) {
  const guards: Record<Endpoint["access"], RequestHandler[]> = {
    none: [],
    optional: [],
    user: [requireAuth],
    verified: [requireVerified(config.requireVerifiedEmail)],
    moderator: [requireRole("MODERATOR", "ADMIN")],
  };
  return function on<E extends Endpoint>(ep: E, handler: Handler<E>, opts: MountOptions = {}) {
    const params = paramsSchema(ep);
    const parseJsonBody = ep.body !== undefined && ep.bodyType === undefined;
    r[ep.method.toLowerCase() as Verb](ep.path, ...guards[ep.access], ...(opts.before ?? []), async (req, res) => {
      const input = {
        params: parse(params, req.params, "params"),
        query: ep.query && !opts.rawQuery ? parse(ep.query, req.query, "query") : req.query,
        body: parseJsonBody ? parse(ep.body as z.ZodType, req.body) : req.body,
      } as Input<E>;
      const out = await handler(input, req, res);
      if (out !== undefined) res.status(ep.status).json(out);
      else if (ep.status === 204) res.status(204).end();
    });
  };
}
