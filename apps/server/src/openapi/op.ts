// One operation of the OpenAPI document: the route, its schemas and how it answers.
import type { z } from "zod";

export interface Op {
  method: "get" | "post" | "patch" | "delete";
  path: string;
  tag: string;
  summary: string;
  auth?: boolean;
  body?: z.ZodType;
  query?: z.ZodType;
  response?: z.ZodType;
  status?: number;
  contentType?: string;
  /** A non-JSON response (files): its media type. */
  responseType?: string;
}
