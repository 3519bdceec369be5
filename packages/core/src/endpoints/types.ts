// Types the client derives from the declarations: what a route answers and what it takes. Type
// imports only, so the client's bundle stays without zod.
import type { z } from "zod";
import type { ParamNames, PathParams, Route } from "./define.js";
import type { Contract } from "./contract.js";

type AllEndpoints = { [F in keyof Contract]: Contract[F][keyof Contract[F]] }[keyof Contract];
/** The declaration (route and schemas) of a route, looked up by method and path. */
type DeclarationOf<R extends Route> = Extract<AllEndpoints, { method: R["method"]; path: R["path"] }>;

/** What a route answers: its declared response schema's output, else nothing. */
export type ResponseOf<R extends Route> =
  DeclarationOf<R> extends { response: infer S extends z.ZodType } ? z.output<S> : undefined;
/** What a route's body takes: its declared body schema's input. */
export type BodyOf<R extends Route> = DeclarationOf<R> extends { body: infer S extends z.ZodType } ? z.input<S> : never;

/** The path parameters a call must give: none for a path without any. */
export type ParamsInput<R extends Route> = [ParamNames<R["path"]>] extends [never]
  ? { params?: undefined }
  : { params: PathParams<R> };
