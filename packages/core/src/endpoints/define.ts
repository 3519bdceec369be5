// What an endpoint declaration is. Each feature file in this folder declares its endpoints once:
// a zod-free `Route` (method, path, access, success status, docs, error codes) and, under the
// same key in the same file, its schemas (`IO`). The two halves are split only so the web app's
// first load (the client needs method and path) stays without zod; a key missing from either
// half is a type error. The server mounts routes from them, the OpenAPI document is generated
// from them, and ApiClient builds its requests from them.
import type { z } from "zod";
import type { ErrorCode } from "../problems.js";

export type Method = "GET" | "POST" | "PATCH" | "DELETE";

/**
 * Who may call: `none` — anyone, and clients never send a token (a dead one would be a 401);
 * `optional` — anyone, a token personalises the answer; `user` — a signed-in user; `verified` —
 * one whose email is verified (when REQUIRE_VERIFIED_EMAIL); `moderator` — MODERATOR or ADMIN.
 */
export type Access = "none" | "optional" | "user" | "verified" | "moderator";

export interface Route {
  readonly method: Method;
  /** Relative to /api/v1, in Express syntax: `/videos/:id`, `/planner/calendar/:token.ics`. */
  readonly path: string;
  readonly access: Access;
  /** The success status (a few answer another 2xx too; the summary says when). */
  readonly status: number;
  readonly tag: string;
  readonly summary: string;
  /** The codes this endpoint answers beyond the ones its input and access imply. */
  readonly errors: readonly ErrorCode[];
  /** A request body that is not JSON: its media type. */
  readonly bodyType?: string;
  /** A response that is not JSON (files): its media type. */
  readonly responseType?: string;
}

/** The schemas of one endpoint. Path parameters without a schema are uuids. */
export interface IO {
  readonly params?: z.ZodObject;
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
  readonly response?: z.ZodType;
}

export type Routes = Record<string, Route>;
/** The schema half of a feature file: exactly one entry per route. */
export type IOFor<R extends Routes> = { readonly [K in keyof R]: IO };

/** A whole declaration, as the server and the OpenAPI document use it. */
export type Endpoint<R extends Route = Route, I extends IO = IO> = R & I & { readonly name: string };

type ParamName<S extends string> = S extends `${infer Name}.${string}` ? Name : S;
/** The parameter names of a path: `/users/:userId/video/:videoId` → "userId" | "videoId". */
export type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? ParamName<Name> | ParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? ParamName<Name>
    : never;
export type PathParams<R extends Route> = { [K in ParamNames<R["path"]>]: string };

const PARAM = /:([A-Za-z_][A-Za-z0-9_]*)/g;

/** The parameter names of a path at run time. */
export const paramNames = (path: string): string[] => [...path.matchAll(PARAM)].map((m) => m[1]);

/** A route's path with its parameters filled in (encoded). */
export function pathOf(route: Route, params: Record<string, string> = {}): string {
  return route.path.replace(PARAM, (_m, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${route.method} ${route.path}: missing path parameter ${name}`);
    return encodeURIComponent(value);
  });
}

/** The route as the OpenAPI document writes it: `/videos/{id}`. */
export const openApiPath = (path: string) => path.replace(PARAM, "{$1}");

/** Joins a feature's routes with its schemas, naming each endpoint `feature.key`. */
export function joinRoutes<R extends Routes, I extends IOFor<R>>(
  feature: string,
  routes: R,
  io: I,
): { [K in keyof R]: Endpoint<R[K], I[K]> } {
  return Object.fromEntries(
    Object.entries(routes).map(([key, route]) => [key, { ...route, ...io[key], name: `${feature}.${key}` }]),
  ) as { [K in keyof R]: Endpoint<R[K], I[K]> };
}
